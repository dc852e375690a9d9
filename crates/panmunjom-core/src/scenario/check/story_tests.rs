//! The story fields through the errors an author reads: unknown ids, excluded
//! decisions, aftermath dates, empty variants.

use crate::testkit::{errors, scenario, text};

const SIGN: &str = r#"Event(id: "sign", date: "1952-06-02", title: "Signed", sources: [(source: "Notes")], effects: [SignArmistice])"#;

#[test]
fn every_story_field_loads_when_it_is_right() {
    let s = scenario(&format!(
        r#"Event(id: "a", date: "1952-02-04", title: "A", sources: [(source: "Notes")],
              presumes: Flag("talks"), excludes: ["b"], in_peace: true,
              texts: [(when: Not(Flag("talks")), text: "Other", title: "Other A")],
              figures: [(label: "n", low: 1, high: 2, when: Flag("talks"))]),
           Event(id: "b", date: "1952-02-04", title: "B", sources: [(source: "Notes")]),
           Decision(id: "d", role: "north", date: "1952-03-01", title: "D", prompt: "?",
              presumes: Fired("a"),
              options: [
                (id: "x", label: "X", historical: (note: "n", sources: [(source: "Notes")]),
                 presumes: Flag("talks"), texts: [(when: Fired("b"), text: "X after B")]),
                (id: "y", label: "Y")]),
           {SIGN},
           Event(id: "after", date: "1952-06-11", title: "Aftermath", sources: [(source: "Notes")], after_agreement: 9)"#
    ));
    let a = s.timeline[0].as_event().unwrap();
    assert_eq!(a.texts[0].title.as_deref(), Some("Other A"));
    assert_eq!(a.excludes.len(), 1);
    let after = s.timeline[4].as_event().unwrap();
    assert_eq!(after.after_agreement, Some(9));
}

#[test]
fn an_aftermath_date_that_is_not_signing_plus_days_is_refused_with_the_right_date() {
    let e = errors(&text(&format!(
        r#"{SIGN}, Event(id: "after", date: "1952-06-12", title: "Aftermath", sources: [(source: "Notes")], after_agreement: 9)"#
    )));
    assert!(
        e.contains("event `after`, field `after_agreement`")
            && e.contains("9 days after the historical armistice of 1952-06-02 is 1952-06-11, but the event is dated 1952-06-12"),
        "{e}"
    );
}

#[test]
fn an_aftermath_event_needs_a_historical_agreement() {
    let t = text(
        r#"Event(id: "after", date: "1952-06-11", title: "Aftermath", sources: [(source: "Notes")], after_agreement: 9)"#,
    )
    .replace(
        r#"historical: (date: "1952-06-02", terms_date: "1952-03-03",
            terms: [("prisoners", "some"), ("custody", "commission")],
            sources: [(source: "Notes")]),"#,
        r#"no_agreement: (date: "1952-06-02", how: "The talks broke up.", sources: [(source: "Notes")]),"#,
    );
    let e = errors(&t);
    assert!(
        e.contains("event `after`, field `after_agreement`")
            && e.contains("records no historical armistice"),
        "{e}"
    );
}

#[test]
fn excludes_names_events_that_exist() {
    let e = errors(&text(
        r#"Event(id: "a", date: "1952-02-04", title: "A", sources: [(source: "Notes")], excludes: ["nowhere", "a", "d"]),
           Decision(id: "d", role: "north", date: "1952-03-01", title: "D", prompt: "?",
              options: [(id: "x", label: "X", historical: (note: "n", sources: [(source: "Notes")])), (id: "y", label: "Y")])"#,
    ));
    assert!(
        e.contains("event `a`, field `excludes`: error: no timeline entry `nowhere`"),
        "{e}"
    );
    assert!(e.contains("an event cannot exclude itself"), "{e}");
    assert!(e.contains("`d` is a decision, not an event"), "{e}");
}

#[test]
fn presumptions_and_variants_name_what_is_unknown_and_where() {
    let e = errors(&text(
        r#"Event(id: "a", date: "1952-02-04", title: "A", sources: [(source: "Notes")],
              presumes: Flag("nope"), texts: [(when: Fired("ghost"), text: "")],
              figures: [(label: "n", low: 1, high: 2, when: Flag("nada"))]),
           Decision(id: "d", role: "north", date: "1952-03-01", title: "D", prompt: "?", presumes: Flag("zip"),
              options: [(id: "x", label: "X", historical: (note: "n", sources: [(source: "Notes")]),
                         presumes: Flag("zap"), texts: [(when: Flag("zop"), text: " ")]),
                        (id: "y", label: "Y")])"#,
    ));
    for want in [
        "event `a`, field `presumes`: error: no flag `nope`",
        "event `a`, field `texts.1.when`: error: no timeline entry `ghost`",
        "event `a`, field `texts.1.text`: error: the text is empty",
        "event `a`, field `figures.when`: error: no flag `nada`",
        "decision `d`, field `presumes`: error: no flag `zip`",
        "decision `d`, field `options.x.presumes`: error: no flag `zap`",
        "decision `d`, field `options.x.texts.1.when`: error: no flag `zop`",
        "decision `d`, field `options.x.texts.1.text`: error: the text is empty",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
}
