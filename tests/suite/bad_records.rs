//! Bad game records through `panmunjom debrief`: exit 1 with the file and the problem,
//! never a panic. The core's tests check the same records through the library.

use crate::common::{run, stderr, temp_dir};
use crate::record_cases::{cases, good_record, headline_prefix};

#[test]
fn every_bad_record_is_named_with_its_problem_by_debrief() {
    let good = good_record();
    let dir = temp_dir("record-corpus");
    for (name, bytes, at, message) in cases(&good) {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let file = path.display().to_string();
        let prefix = headline_prefix(&file, at);
        let out = run(&["debrief", &file], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            err.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(message)),
            "{name}: debrief: expected {prefix:?} … {message:?}, got:\n{err}"
        );
    }
    // The good one is accepted, so the cases above fail for their own reason.
    let path = dir.join("good.json");
    std::fs::write(&path, &good).unwrap();
    let out = run(&["debrief", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).ok();
}
