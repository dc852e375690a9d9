//! The bad-scenario corpus (`crates/panmunjom-core/tests/bad_scenarios/`), size attacks
//! and paths leading out of the scenario's folder, through `panmunjom validate`: exit 1
//! with the file, the place and what is wrong, never a panic, no control characters on
//! the terminal. The core's tests run the same files through the library.

use std::path::Path;

use crate::common::{corpus_dir, run, stderr, temp_dir, tiny_text};
use crate::corpus::{assert_names, corpus, deeply_nested, expectation, linked_out};

#[test]
fn every_corpus_file_gives_its_error_through_validate() {
    for path in corpus(&corpus_dir()) {
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
fn validate_refuses_a_100_mb_scenario_and_a_device() {
    let dir = temp_dir("huge-scenario");
    let path = dir.join("huge.ron");
    // A sparse file: 100 MB by its metadata, no disk used.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    drop(f);
    let out = run(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the file is too big: 104857600 bytes"),
        "{}",
        stderr(&out)
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
fn validate_refuses_a_scenario_nested_100000_deep() {
    let dir = temp_dir("deep-scenario");
    for (name, text) in deeply_nested(&tiny_text()) {
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        let out = run(&["validate", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("brackets nested too deep: more than 64 levels"),
            "{name}: {}",
            stderr(&out)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn validate_refuses_a_source_text_linked_out_of_the_folder() {
    let dir = temp_dir("symlink");
    let (good, bad) = linked_out(&dir, &tiny_text());
    let out = run(&["validate", good.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    if let Some(bad) = bad {
        let out = run(&["validate", bad.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("points outside"), "{}", stderr(&out));
    }
    std::fs::remove_dir_all(&dir).ok();
}
