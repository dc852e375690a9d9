//! The story checker on small scenarios: it finds a planted untrue text, a planted
//! pair of excluded events and a wartime event after peace, and nothing in a true one.

use std::sync::atomic::AtomicUsize;

use super::{check, sample_game};
use crate::testkit::{load, text};

/// North may break off the talks on 1 March; two events later say different things.
/// `TRUE_STORY` words them by what happened; the planted lies are substituted in.
const STORY: &str = r#"
    Decision(id: "d", role: "north", date: "1952-03-01", title: "Break off?", prompt: "?",
        options: [
            (id: "stay", label: "Keep meeting", historical: (note: "n", sources: [(source: "Notes")])),
            (id: "break", label: "Break off", effects: [Lower("talks")]),
        ]),
    Event(id: "resume", date: "1952-04-01", title: "Talks resume", text: "After the break, the talks resume.",
        sources: [(source: "Notes")], PRESUMES),
    Event(id: "yes", date: "1952-05-01", title: "North accepts", sources: [(source: "Notes")], when: Flag("talks") EXCLUDES),
    Event(id: "no", date: "1952-05-01", title: "North refuses", sources: [(source: "Notes")], when: NO_WHEN),
    Event(id: "sign", date: "1952-06-02", title: "Signed", sources: [(source: "Notes")], when: Flag("talks"), effects: [SignArmistice]),
"#;

fn scenario(
    presumes: &str,
    excludes: &str,
    no_when: &str,
) -> std::sync::Arc<crate::scenario::Scenario> {
    let timeline = STORY
        .replace("PRESUMES", presumes)
        .replace("EXCLUDES", excludes)
        .replace("NO_WHEN", no_when);
    load(&text(&timeline))
}

fn run(s: &std::sync::Arc<crate::scenario::Scenario>) -> super::StoryReport {
    check(s, 400, 7, 2, &AtomicUsize::new(0))
}

#[test]
fn a_true_story_has_no_findings() {
    let s = scenario(
        r#"presumes: Chose("d", "break"), when: Chose("d", "break")"#,
        r#", excludes: ["no"]"#,
        r#"Not(Flag("talks"))"#,
    );
    let r = run(&s);
    assert!(r.findings.is_empty(), "{}", r.text());
    assert!(r.text().contains("No findings"), "{}", r.text());
}

#[test]
fn a_text_that_presumes_a_break_that_never_came_is_found_with_a_game_to_reproduce_it() {
    // "Talks resume" fires always, but says there was a break.
    let s = scenario(
        r#"presumes: Chose("d", "break")"#,
        r#", excludes: ["no"]"#,
        r#"Not(Flag("talks"))"#,
    );
    let r = run(&s);
    assert_eq!(r.findings.len(), 1, "{}", r.text());
    let f = &r.findings[0];
    assert_eq!(
        (f.kind, f.entry.as_str(), f.field.as_str()),
        ("untrue_text", "resume", "presumes")
    );
    assert!(
        f.why
            .contains("requires \u{201c}Break off\u{201d} at \u{201c}Break off?\u{201d}"),
        "{}",
        f.why
    );
    assert!(
        f.count > 0 && f.count < 400,
        "only the games that kept meeting: {}",
        f.count
    );
    // The sample game really shows it.
    let g = sample_game(&s, &f.sample).unwrap();
    let d = crate::testkit::entry(&s, "d");
    assert_eq!(g.state.chosen[d.0], Some(0), "the sample game kept meeting");
    assert!(r.text().contains(&format!(
        "--show {}:{}:{}",
        f.sample.role, f.sample.policy, f.sample.seed
    )));
}

#[test]
fn two_events_that_exclude_each_other_on_one_day_are_found() {
    // "North refuses" fires always: on the days north also accepts, a contradiction.
    let s = scenario(
        r#"presumes: Chose("d", "break"), when: Chose("d", "break")"#,
        r#", excludes: ["no"]"#,
        "Always",
    );
    let r = run(&s);
    assert_eq!(r.findings.len(), 1, "{}", r.text());
    let f = &r.findings[0];
    assert_eq!(f.kind, "excluded_pair");
    assert_eq!((f.entry.as_str(), f.field.as_str()), ("yes", "excludes no"));
    assert!(f.why.contains("both happened on 1952-05-01"), "{}", f.why);
}

#[test]
fn a_wartime_event_after_the_games_agreement_is_found_unless_it_says_it_is_true_in_peace() {
    // An early signing in April when north breaks off and then signs; the May events are wartime.
    let early = r#"Event(id: "early", date: "1952-03-15", title: "Signed early", sources: [(source: "Notes")],
        counterfactual: true, when: Chose("d", "break"), effects: [SignArmistice]),"#;
    let build = |war: &str| {
        let timeline = STORY
            .replace("PRESUMES", r#"presumes: Always, when: Never"#)
            .replace("EXCLUDES", "")
            .replace("NO_WHEN", "Never")
            .replace(
                r#"    Event(id: "resume""#,
                &format!("{early}\n    Event(id: \"resume\""),
            )
            .replace(
                r#"    Event(id: "sign""#,
                &format!("{war}\n    Event(id: \"sign\""),
            );
        load(&text(&timeline))
    };
    let r = run(&build(
        r#"Event(id: "raid", date: "1952-05-20", title: "A raid", sources: [(source: "Notes")]),"#,
    ));
    assert_eq!(r.findings.len(), 1, "{}", r.text());
    assert_eq!(
        (r.findings[0].kind, r.findings[0].entry.as_str()),
        ("wartime_after_agreement", "raid")
    );
    for fixed in [
        r#"Event(id: "raid", date: "1952-05-20", title: "A raid", sources: [(source: "Notes")], when: Not(Armistice)),"#,
        r#"Event(id: "raid", date: "1952-05-20", title: "A death", sources: [(source: "Notes")], in_peace: true),"#,
    ] {
        let r = run(&build(fixed));
        assert!(r.findings.is_empty(), "{fixed}: {}", r.text());
    }
}
