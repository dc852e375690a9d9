//! The state's rules, on small scenarios: weekly drift, `Limit`, `Reveal`, `End`, and
//! the signing rule (terms agreed long enough conclude the armistice).

use chrono::NaiveDate;

use crate::engine::{Game, Happening, Outcome, Policy, Setup, State};
use crate::scenario::{Effect, IssueId, PosId, Scenario};
use crate::testkit::{actor, entry, load, scenario, text};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const OPENING: &str =
    r#"Event(id: "open", date: "1952-02-04", title: "Talks open", sources: [(source: "Notes")])"#;

/// A game of `s` with `north` played, every side historical.
fn game(s: std::sync::Arc<Scenario>) -> Game {
    let role = actor(&s, "north");
    Game::new(
        s,
        Setup {
            role,
            policy: Policy::Historical,
            seed: 1,
        },
    )
}

/// The effects of an event of `s`.
fn effects<'a>(s: &'a Scenario, id: &str) -> &'a [Effect] {
    &s.entry(entry(s, id)).as_event().unwrap().effects
}

#[test]
fn weekly_drift_adds_per_whole_week_since_the_start_and_stops_at_the_armistice() {
    let s = scenario(OPENING);
    let cost = s.cost_of_delay.unwrap();
    let mut st = State::initial(&s);
    assert_eq!(st.var(cost), 0);
    st.set_date(&s, date("1952-01-20")); // 13 days: one whole week
    assert_eq!(st.var(cost), 2);
    st.set_date(&s, date("1952-01-28")); // three weeks
    assert_eq!(st.var(cost), 6);
    st.set_date(&s, date("1952-01-21")); // the clock never goes back
    assert_eq!(st.var(cost), 6);
    st.apply(&s, &Effect::Add(cost, 100), entry(&s, "open"));
    st.set_date(&s, date("1952-02-04")); // four weeks: only the fourth is added
    assert_eq!(st.var(cost), 108);
    st.sign(&s, None);
    st.set_date(&s, date("1952-03-03"));
    assert_eq!(st.var(cost), 108, "no drift after the armistice");
}

#[test]
fn weekly_drift_is_clamped_to_the_variables_range() {
    let s = load(&text(OPENING).replacen("max: 500", "max: 5", 1));
    let cost = s.cost_of_delay.unwrap();
    let mut st = State::initial(&s);
    st.set_date(&s, date("1952-03-03")); // eight weeks: 16, clamped
    assert_eq!(st.var(cost), 5);
}

#[test]
fn limit_moves_how_far_an_actor_will_go_and_so_what_is_agreed() {
    let s = scenario(
        r#"
        Event(id: "move", date: "1952-02-04", title: "North moves", sources: [(source: "Notes")],
              effects: [Move("north", "prisoners", "willing")]),
        Event(id: "widen", date: "1952-02-11", title: "North widens its limit", sources: [(source: "Notes")],
              effects: [Limit("north", "prisoners", "willing")]),
        "#,
    );
    let (north, prisoners) = (actor(&s, "north"), IssueId(0));
    let stance = *s.stance(north, prisoners).unwrap();
    let mut st = State::initial(&s);
    for e in effects(&s, "move") {
        st.apply(&s, e, entry(&s, "move"));
    }
    assert_eq!(st.position(north, prisoners), Some(PosId(2)));
    assert!(
        !st.within_limit(north, &stance, PosId(2)),
        "past its limit `some`"
    );
    assert_eq!(
        st.agreed_on(&s, prisoners),
        None,
        "a position past a limit agrees nothing"
    );
    for e in effects(&s, "widen") {
        st.apply(&s, e, entry(&s, "widen"));
    }
    assert!(st.within_limit(north, &stance, PosId(2)));
    assert_eq!(st.agreed_on(&s, prisoners), Some(PosId(2)));
    assert!(st.terms_agreed(&s), "custody was agreed from the start");
}

#[test]
fn reveal_tells_an_actor_of_an_event_it_did_not_see() {
    let s = scenario(
        r#"
        Event(id: "secret", date: "1952-02-04", title: "A secret", visibility: Private(["north"]),
              sources: [(source: "Notes")]),
        Event(id: "leak", date: "1952-02-11", title: "A leak", sources: [(source: "Notes")],
              effects: [Reveal("south", "secret")]),
        "#,
    );
    let (south, secret) = (actor(&s, "south"), entry(&s, "secret"));
    let knows_secret = crate::scenario::Cond::Knows(south, secret);
    let mut g = game(s.clone());
    g.step();
    assert!(g.state.fired[secret.0]);
    assert!(!g.state.holds(&s, &knows_secret), "south did not see it");
    assert!(g.state.knows[actor(&s, "north").0][secret.0]);
    g.step();
    assert!(g.state.holds(&s, &knows_secret), "the leak told south");
}

#[test]
fn end_stops_the_game_at_once_with_the_first_reason() {
    let s = scenario(
        r#"
        Event(id: "walkout", date: "1952-02-04", title: "Walkout", sources: [(source: "Notes")],
              effects: [End("walkout"), End("another reason")]),
        Event(id: "later", date: "1952-02-11", title: "Later", sources: [(source: "Notes")]),
        "#,
    );
    let mut g = game(s.clone());
    g.play_historical();
    assert_eq!(g.outcome(), Some(&Outcome::Ended("walkout".into())));
    assert!(
        !g.state.fired[entry(&s, "later").0],
        "nothing happens after the end"
    );
    assert_eq!(
        g.log.last().map(|l| &l.happening),
        Some(&Happening::End(Outcome::Ended("walkout".into())))
    );
    assert_eq!(g.state.date, date("1952-02-04"));
}

const AGREEMENT: &str = r#"
    Event(id: "concede", date: "1952-02-04", title: "South concedes", sources: [(source: "Notes")],
          effects: [Move("south", "prisoners", "some")]),
    Event(id: "meet", date: "1952-02-11", title: "North meets it", sources: [(source: "Notes")],
          effects: [Move("north", "prisoners", "some")]),
    WALK
    Event(id: "late", date: "1952-04-07", title: "Much later", sources: [(source: "Notes")]),
"#;

#[test]
fn the_signing_rule_signs_once_terms_stay_agreed_for_the_days_given() {
    let s = scenario(&AGREEMENT.replace("WALK", ""));
    let mut g = game(s.clone());
    g.play_historical();
    let a = g.state.armistice.clone().expect("signed by the rule");
    // Agreed on 11 February, signing_after_days 14: 25 February, by no event.
    assert_eq!(a.date, date("1952-02-25"));
    assert_eq!(a.signed_by, None);
    assert_eq!(a.terms, vec![Some(PosId(1)), Some(PosId(0))]);
    assert!(
        g.log
            .iter()
            .any(|l| l.happening == Happening::Armistice && l.date == date("1952-02-25"))
    );
    assert_eq!(g.outcome(), Some(&Outcome::Armistice));
    // Seven weeks of drift, then none.
    assert_eq!(g.state.var(s.cost_of_delay.unwrap()), 14);
}

#[test]
fn the_signing_rule_waits_for_the_armistices_requirement() {
    let walk = r#"Event(id: "walk", date: "1952-02-18", title: "Talks suspended", sources: [(source: "Notes")],
          effects: [Lower("talks")]),"#;
    let s = scenario(&AGREEMENT.replace("WALK", walk));
    let mut g = game(s);
    g.play_historical();
    assert_eq!(
        g.state.armistice, None,
        "the talks were suspended before 25 February"
    );
    assert_eq!(g.outcome(), Some(&Outcome::NoArmistice));
}
