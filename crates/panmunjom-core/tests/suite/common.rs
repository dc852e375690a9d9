//! Helpers shared by the core's integration tests.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use panmunjom_core::scenario::{Scenario, builtin};

/// The shipped scenario, built in.
pub fn main_scenario() -> Arc<Scenario> {
    Arc::new(builtin::main_scenario().expect("the shipped scenario is valid"))
}

/// Path of a file in the repository (the workspace's root).
pub fn repo(path: &str) -> PathBuf {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = core
        .ancestors()
        .nth(2)
        .expect("the core lies two folders down");
    root.join(path)
}

/// Path of a file among the core's tests (`crates/panmunjom-core/tests/`).
pub fn tests_dir(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(path)
}

/// The tiny test scenario's text.
pub fn tiny_text() -> String {
    std::fs::read_to_string(tests_dir("fixtures/tiny.ron")).expect("fixture exists")
}

/// A fresh temporary directory for one test, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("panmunjom-test-")
        .tempdir()
        .expect("temp dir")
}

/// Collapses whitespace runs.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
