//! The `explore` command: the same report on one thread or two (the explorer itself is
//! tested in the core).

use crate::common::{run, stdout};

#[test]
fn the_explore_command_is_the_same_on_one_thread_or_two() {
    let args = |t: &'static str| {
        [
            "explore",
            "--role",
            "soviet",
            "--runs",
            "200",
            "--policy",
            "adaptive",
            "--seed",
            "3",
            "--threads",
            t,
            "--format",
            "json",
        ]
    };
    let one = run(&args("1"), None);
    let two = run(&args("2"), None);
    assert!(one.status.success());
    assert_eq!(stdout(&one), stdout(&two));
    let v: serde_json::Value = serde_json::from_str(&stdout(&one)).expect("valid JSON");
    assert_eq!(v["runs"], 200);
    assert_eq!(v["historical_date"], "1953-07-27");

    let text = stdout(&run(&["explore", "--role", "un", "--runs", "50"], None));
    assert!(text.contains("ARMISTICE:"), "{text}");
    assert!(text.contains("history"), "{text}");
    let bad = run(
        &[
            "explore",
            "--role",
            "un",
            "--vary",
            "prc-1953-03-30-chou-proposal",
        ],
        None,
    );
    // A `--vary` id that is no decision of the role is a bad command line (README: exit 2).
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("prc-1953-03-30-chou-proposal"), "{err}");
}
