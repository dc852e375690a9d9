//! Bad game records — truncated, corrupted, from another version of the scenario, with
//! choices that do not fit, from a future format — each refused by the library with the
//! file and the problem, never a panic. The root suite runs them through `panmunjom
//! debrief`.

use std::path::Path;

use panmunjom_core::record::Record;

use crate::common::{main_scenario, temp_dir};
use crate::record_cases::{cases, good_record, headline_prefix};

/// Reads and replays a record file as `debrief` does; the rendered error.
fn library_error(path: &Path) -> String {
    let origin = path.display().to_string();
    match Record::read(path).and_then(|r| r.replay(&origin, main_scenario())) {
        Ok(_) => panic!("{origin} was accepted"),
        Err(e) => {
            assert_eq!(e.file, origin);
            e.render()
        }
    }
}

#[test]
fn every_bad_record_is_named_with_its_problem_by_the_library() {
    let good = good_record();
    let dir = temp_dir();
    for (name, bytes, at, message) in cases(&good) {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let prefix = headline_prefix(&path.display().to_string(), at);
        let lib = library_error(&path);
        assert!(
            lib.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(message)),
            "{name}: library: expected {prefix:?} … {message:?}, got:\n{lib}"
        );
    }
    // The good one is accepted, so the cases above fail for their own reason.
    let path = dir.path().join("good.json");
    std::fs::write(&path, &good).unwrap();
    let record = Record::read(&path).unwrap_or_else(|e| panic!("{}", e.render()));
    let game = record
        .replay(&path.display().to_string(), main_scenario())
        .unwrap_or_else(|e| panic!("{}", e.render()));
    assert!(game.is_finished());
}
