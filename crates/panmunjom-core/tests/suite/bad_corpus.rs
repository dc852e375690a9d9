//! The bad-scenario corpus (`tests/bad_scenarios/`), size attacks and paths leading out
//! of the scenario's folder, through the library: each refused with the file, the place
//! and what is wrong, never a panic. The root suite runs the same files through
//! `panmunjom validate`.

use std::path::Path;

use panmunjom_core::record::Record;
use panmunjom_core::scenario::builtin;

use crate::common::{temp_dir, tests_dir, tiny_text};
use crate::corpus::{assert_names, corpus, deeply_nested, expectation, linked_out};

#[test]
fn every_corpus_file_gives_its_error_through_the_library() {
    for path in corpus(&tests_dir("bad_scenarios")) {
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
fn a_100_mb_scenario_is_refused_from_its_size_without_reading_it() {
    let dir = temp_dir();
    let path = dir.path().join("huge.ron");
    // A sparse file: 100 MB by its metadata, no disk used.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    drop(f);
    let err = builtin::load_file(&path).expect_err("refused");
    assert!(
        err.render().contains(
            "the file is too big: 104857600 bytes, but at most 16777216 bytes (16 MiB) are accepted"
        ),
        "{}",
        err.render()
    );
    // A file that hides its size (a device) is cut off one byte past the cap.
    if Path::new("/dev/zero").exists() {
        let err = builtin::load_file(Path::new("/dev/zero")).expect_err("refused");
        assert!(
            err.render().contains(
                "/dev/zero: error: the file is too big: it holds more than 16777216 bytes"
            ),
            "{}",
            err.render()
        );
    }
}

#[test]
fn a_scenario_nested_100000_deep_is_refused_without_recursion() {
    let dir = temp_dir();
    for (name, text) in deeply_nested(&tiny_text()) {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let err = builtin::load_file(&path).expect_err("refused");
        assert!(
            err.render()
                .contains("brackets nested too deep: more than 64 levels"),
            "{name}: {}",
            err.render()
        );
    }
    // And a record.
    let path = dir.path().join("deep.json");
    std::fs::write(&path, "[".repeat(100_000)).unwrap();
    let err = Record::read(&path).expect_err("refused");
    assert!(err.render().contains("nested too deep"), "{}", err.render());
}

#[test]
fn a_source_text_reached_through_a_symbolic_link_out_of_the_folder_is_refused() {
    let dir = temp_dir();
    let (good, bad) = linked_out(dir.path(), &tiny_text());
    // A relative path inside the folder is fine.
    builtin::load_file(&good).unwrap_or_else(|e| panic!("{}", e.render()));
    // A link inside the folder that leads out of it is not.
    if let Some(bad) = bad {
        let err = builtin::load_file(&bad).expect_err("refused").render();
        assert!(
            err.contains("source `Notes`, field `text`: error: source text `link.txt` points outside the scenario's folder")
                && err.contains("a symbolic link out of"),
            "{err}"
        );
    }
}

/// Regression: a scenario at the very end of the calendar (year 262142) made the
/// debrief's monthly samples ask for a month that does not exist, and panic.
#[test]
fn a_debrief_at_the_end_of_the_calendar_does_not_panic() {
    let text = tiny_text()
        .replace("\"1952-", "\"+262142-")
        .replace("\"1953-", "\"+262142-");
    let s =
        panmunjom_core::scenario::check::load_str("far.ron", &text, &builtin::Lookup { dir: None })
            .unwrap_or_else(|e| panic!("{}", e.render()));
    let mut game = panmunjom_core::compare::historical_path(std::sync::Arc::new(s));
    game.play_historical();
    let d = panmunjom_core::compare::Debrief::new(&game);
    assert!(!panmunjom_core::report::debrief_text::render(&d).is_empty());
}
