//! The `bargain` command: the analysis as text and JSON (the analysis itself is tested
//! in the core).

use crate::common::{run, stdout};

#[test]
fn the_bargain_command_reports_text_and_json() {
    let o = run(&["bargain", "--at", "1953-02-01"], None);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Zone of agreement: EMPTY"), "{text}");
    assert!(text.contains("first opens on 1953-03-19"), "{text}");

    let o = run(&["bargain", "--format", "json"], None);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["analysis"]["date"], "1953-06-08");
    assert!(v["analysis"]["zone_size"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(v["analysis"]["historical"]["in_zone"], true);
    assert_eq!(v["timeline"]["opened"], "1953-03-19");
}
