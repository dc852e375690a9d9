//! The bad-scenario corpus (`tests/bad_scenarios/`), size attacks and paths leading out
//! of the scenario's folder: each refused with the file, the place and what is wrong,
//! through the library and through `panmunjom validate` (exit 1, never a panic).
//!
//! Each corpus file says what it must give: its first lines `// expect: <words of the
//! message>` and `// at: <line:column, or item and field>` (empty when the problem is
//! the file as a whole), or, for files that cannot hold a comment (binary, empty), the
//! same two lines without `// ` in a sidecar `<name>.expect`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use panmunjom::record::Record;
use panmunjom::scenario::builtin;

use crate::common::{repo, run, stderr, temp_dir, tiny_text};

/// What a corpus file must give.
struct Expect {
    message: String,
    at: String,
}

fn expectation(path: &Path) -> Expect {
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    let header = if sidecar.exists() {
        std::fs::read_to_string(&sidecar).expect("sidecar readable")
    } else {
        std::fs::read_to_string(path)
            .expect("corpus file with a header is UTF-8")
            .lines()
            .take(2)
            .map(|l| l.trim_start_matches("// ").to_string() + "\n")
            .collect()
    };
    let field = |name: &str| {
        header
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
    };
    Expect {
        message: field("expect:")
            .unwrap_or_else(|| panic!("{}: no `expect:` line", path.display())),
        at: field("at:").unwrap_or_default(),
    }
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo("tests/bad_scenarios"))
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The headline a user sees for this file: `file:place: error: …` (or `file: error: …`).
fn headline_prefix(file: &str, at: &str) -> String {
    if at.is_empty() {
        format!("{file}: error: ")
    } else {
        format!("{file}:{at}: error: ")
    }
}

fn assert_names(rendered: &str, file: &str, e: &Expect, who: &str) {
    let prefix = headline_prefix(file, &e.at);
    assert!(
        rendered
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains(&e.message)),
        "{who}: expected a line starting {prefix:?} containing {:?}, got:\n{rendered}",
        e.message
    );
}

#[test]
fn every_corpus_file_gives_its_error_through_the_library() {
    let files = corpus();
    assert!(files.len() >= 40, "only {} corpus files", files.len());
    for path in files {
        let e = expectation(&path);
        let file = path.display().to_string();
        match builtin::load_file(&path) {
            Ok(_) => panic!("{file} was accepted"),
            Err(err) => {
                assert_eq!(err.file, file);
                assert_names(&err.render(), &file, &e, "library");
            }
        }
    }
}

#[test]
fn every_corpus_file_gives_its_error_through_validate() {
    for path in corpus() {
        let e = expectation(&path);
        let file = path.to_str().expect("UTF-8 path");
        let out = run(&["validate", file], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert!(!err.contains("panicked"), "{file}: {err}");
        assert_names(&err, file, &e, "validate");
        assert!(
            !err.contains('\u{0}') && !err.contains('\u{1b}'),
            "{file}: control characters reach the terminal"
        );
    }
}

#[test]
fn a_100_mb_scenario_is_refused_from_its_size_without_reading_it() {
    let dir = temp_dir("huge-scenario");
    let path = dir.join("huge.ron");
    // A sparse file: 100 MB by its metadata, no disk used.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    drop(f);
    let start = Instant::now();
    let err = builtin::load_file(&path).expect_err("refused");
    assert!(
        err.render().contains(
            "the file is too big: 104857600 bytes, but at most 16777216 bytes (16 MiB) are accepted"
        ),
        "{}",
        err.render()
    );
    let out = run(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("too big"), "{}", stderr(&out));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    // A file that hides its size (a device) is cut off one byte past the cap.
    if Path::new("/dev/zero").exists() {
        let out = run(&["validate", "/dev/zero"], None);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains(
                "/dev/zero: error: the file is too big: it holds more than 16777216 bytes"
            ),
            "{}",
            stderr(&out)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_scenario_nested_100000_deep_is_refused_without_recursion() {
    let dir = temp_dir("deep-scenario");
    let start = Instant::now();
    // Brackets alone, and a condition nested 100,000 deep inside a real scenario.
    let brackets = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    let nots = tiny_text().replacen(
        "when: TermsAgreed",
        &format!(
            "when: {}TermsAgreed{}",
            "Not(".repeat(100_000),
            ")".repeat(100_000)
        ),
        1,
    );
    for (name, text) in [("brackets.ron", brackets), ("nots.ron", nots)] {
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        let err = builtin::load_file(&path).expect_err("refused");
        assert!(
            err.render()
                .contains("brackets nested too deep: more than 64 levels"),
            "{name}: {}",
            err.render()
        );
        let out = run(&["validate", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains("nested too deep"), "{name}");
    }
    // And a record.
    let path = dir.join("deep.json");
    std::fs::write(&path, "[".repeat(100_000)).unwrap();
    let err = Record::read(&path).expect_err("refused");
    assert!(err.render().contains("nested too deep"), "{}", err.render());
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_source_text_reached_through_a_symbolic_link_out_of_the_folder_is_refused() {
    let dir = temp_dir("symlink");
    let outside = temp_dir("symlink-outside");
    std::fs::write(outside.join("secret.txt"), "private words").unwrap();
    let scenario_dir = dir.join("class");
    std::fs::create_dir_all(scenario_dir.join("texts")).unwrap();
    std::fs::write(
        scenario_dir.join("texts/notes.txt"),
        "Test notes, p. 1 to 4.",
    )
    .unwrap();
    let text_ref = |name: &str| {
        tiny_text().replacen(
            "(id: \"Notes\", title: \"Test notes\")",
            &format!("(id: \"Notes\", title: \"Test notes\", text: \"{name}\")"),
            1,
        )
    };
    // A relative path inside the folder is fine.
    let good = scenario_dir.join("good.ron");
    std::fs::write(&good, text_ref("texts/notes.txt")).unwrap();
    builtin::load_file(&good).unwrap_or_else(|e| panic!("{}", e.render()));
    // A link inside the folder that leads out of it is not.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.join("secret.txt"), scenario_dir.join("link.txt"))
            .unwrap();
        let bad = scenario_dir.join("bad.ron");
        std::fs::write(&bad, text_ref("link.txt")).unwrap();
        let err = builtin::load_file(&bad).expect_err("refused").render();
        assert!(
            err.contains("source `Notes`, field `text`: error: source text `link.txt` points outside the scenario's folder")
                && err.contains("a symbolic link out of"),
            "{err}"
        );
        let out = run(&["validate", bad.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("points outside"), "{}", stderr(&out));
    }
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&outside).ok();
}

/// Regression: a scenario at the very end of the calendar (year 262142) made the
/// debrief's monthly samples ask for a month that does not exist, and panic.
#[test]
fn a_debrief_at_the_end_of_the_calendar_does_not_panic() {
    let text = tiny_text()
        .replace("\"1952-", "\"+262142-")
        .replace("\"1953-", "\"+262142-");
    let s = panmunjom::scenario::check::load_str("far.ron", &text, &builtin::Lookup { dir: None })
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let mut game = panmunjom::compare::historical_path(std::sync::Arc::new(s));
    game.play_historical();
    let d = panmunjom::compare::Debrief::new(&game);
    assert!(!panmunjom::report::debrief_text::render(&d).is_empty());
}
