//! The bad-scenario corpus (`crates/panmunjom-core/tests/bad_scenarios/`): its files and
//! what each must give. Shared by the core's tests (through the library) and the root
//! suite (through `panmunjom validate`), which includes this file with `#[path]`.
//!
//! Each corpus file says what it must give: its first lines `// expect: <words of the
//! message>` and `// at: <line:column, or item and field>` (empty when the problem is
//! the file as a whole), or, for files that cannot hold a comment (binary, empty), the
//! same two lines without `// ` in a sidecar `<name>.expect`.

use std::path::{Path, PathBuf};

/// What a corpus file must give.
pub struct Expect {
    pub message: String,
    pub at: String,
}

/// Reads what a corpus file must give from its header or its sidecar.
pub fn expectation(path: &Path) -> Expect {
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

/// The corpus's scenario files, sorted; `dir` is the corpus folder.
pub fn corpus(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("corpus folder {}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "only {} corpus files", files.len());
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

/// Asserts that a line of `rendered` is the headline `e` asks for.
pub fn assert_names(rendered: &str, file: &str, e: &Expect, who: &str) {
    let prefix = headline_prefix(file, &e.at);
    assert!(
        rendered
            .lines()
            .any(|l| l.starts_with(&prefix) && l.contains(&e.message)),
        "{who}: expected a line starting {prefix:?} containing {:?}, got:\n{rendered}",
        e.message
    );
}

/// Brackets alone, and the tiny scenario with a condition nested 100,000 deep: (file
/// name, text).
pub fn deeply_nested(tiny: &str) -> [(&'static str, String); 2] {
    let brackets = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    let nots = tiny.replacen(
        "when: TermsAgreed",
        &format!(
            "when: {}TermsAgreed{}",
            "Not(".repeat(100_000),
            ")".repeat(100_000)
        ),
        1,
    );
    assert_ne!(nots, tiny, "the fixture has `when: TermsAgreed`");
    [("brackets.ron", brackets), ("nots.ron", nots)]
}

/// Writes, under `dir`, a scenario folder `class/` with a source text in `texts/` and a
/// file `secret.txt` outside it; returns the scenario that reads `texts/notes.txt`
/// (valid) and, on Unix, one that reads it through a symbolic link `link.txt` leading
/// to the secret (refused).
pub fn linked_out(dir: &Path, tiny: &str) -> (PathBuf, Option<PathBuf>) {
    let outside = dir.join("outside");
    std::fs::create_dir_all(&outside).expect("folder");
    std::fs::write(outside.join("secret.txt"), "private words").expect("write");
    let scenario_dir = dir.join("class");
    std::fs::create_dir_all(scenario_dir.join("texts")).expect("folder");
    std::fs::write(
        scenario_dir.join("texts/notes.txt"),
        "Test notes, p. 1 to 4.",
    )
    .expect("write");
    let text_ref = |name: &str| {
        let from = "(id: \"Notes\", title: \"Test notes\")";
        assert!(tiny.contains(from), "the fixture has the source `Notes`");
        tiny.replacen(
            from,
            &format!("(id: \"Notes\", title: \"Test notes\", text: \"{name}\")"),
            1,
        )
    };
    let good = scenario_dir.join("good.ron");
    std::fs::write(&good, text_ref("texts/notes.txt")).expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.join("secret.txt"), scenario_dir.join("link.txt"))
            .expect("symlink");
        let bad = scenario_dir.join("bad.ron");
        std::fs::write(&bad, text_ref("link.txt")).expect("write");
        (good, Some(bad))
    }
    #[cfg(not(unix))]
    (good, None)
}
