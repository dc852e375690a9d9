//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use panmunjom::scenario::{Scenario, builtin};

/// The shipped scenario, built in.
pub fn main_scenario() -> Arc<Scenario> {
    Arc::new(builtin::main_scenario().expect("the shipped scenario is valid"))
}

/// Path of a file in the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The tiny test scenario's text (the core's fixture).
pub fn tiny_text() -> String {
    std::fs::read_to_string(repo("crates/panmunjom-core/tests/fixtures/tiny.ron"))
        .expect("fixture exists")
}

/// The bad-scenario corpus folder (the core's).
pub fn corpus_dir() -> PathBuf {
    repo("crates/panmunjom-core/tests/bad_scenarios")
}

/// Runs the `panmunjom` binary with arguments and optional stdin.
pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_panmunjom"));
    cmd.args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("the binary starts");
    {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        if let Some(text) = stdin {
            let _ = pipe.write_all(text.as_bytes());
        }
    }
    child.wait_with_output().expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("panmunjom-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
