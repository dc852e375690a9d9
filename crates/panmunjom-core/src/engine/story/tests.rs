//! What a game shows: aftermath events after the game's own agreement, text variants
//! and figures fixed when shown, and what the story checker's watch sees.

use chrono::NaiveDate;

use crate::engine::story::Presumer;
use crate::engine::{Game, Happening, Policy, Progress, Setup};
use crate::scenario::Scenario;
use crate::testkit::{actor, entry};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// North decides on 1 March: sign early (1 April), or wait for the historical
/// signing of 2 June (which needs `waited`); the aftermath follows 9 days later.
const STORY: &str = r#"
    Decision(id: "d", role: "north", date: "1952-03-01", title: "Sign early?", prompt: "?",
        options: [
            (id: "wait", label: "Wait", effects: [Raise("waited")],
             historical: (note: "n", sources: [(source: "Notes")]),
             texts: [(when: Not(Flag("talks")), text: "Wait for the talks to resume")]),
            (id: "early", label: "Sign early", text: "Sign in April", presumes: Not(Flag("talks"))),
            (id: "never", label: "Never sign", effects: [Lower("waited")]),
            (id: "late", label: "Sign late"),
        ]),
    Event(id: "early-sign", date: "1952-04-01", title: "Signed early", sources: [(source: "Notes")],
        counterfactual: true, when: Chose("d", "early"), effects: [SignArmistice]),
    Event(id: "war", date: "1952-05-01", title: "An offensive", sources: [(source: "Notes")]),
    Event(id: "sign", date: "1952-06-02", title: "Signed", sources: [(source: "Notes")],
        when: All([Flag("waited"), Not(Armistice)]), effects: [SignArmistice]),
    Event(id: "exchange", date: "1952-06-11", title: "Exchange", text: "Plain",
        sources: [(source: "Notes")], after_agreement: 9, presumes: Flag("waited"),
        texts: [(when: Chose("d", "early"), text: "After the early signing", title: "Early exchange")],
        figures: [(label: "handed over", low: 10, high: 10), (label: "stayed", low: 5, high: 5, when: Chose("d", "early"))],
        effects: [Raise("done")]),
    Event(id: "late-sign", date: "1952-06-25", title: "Signed late", sources: [(source: "Notes")],
        counterfactual: true, when: Chose("d", "late"), effects: [SignArmistice]),
"#;

fn story() -> std::sync::Arc<Scenario> {
    // Declares the flags the story uses.
    let text = crate::testkit::text(STORY).replace(
        r#"flags: [(id: "talks", label: "Talks in session", initial: true)],"#,
        r#"flags: [(id: "talks", label: "Talks in session", initial: true),
                   (id: "waited", label: "Waited"), (id: "done", label: "Done")],"#,
    );
    crate::testkit::load(&text)
}

/// Plays north with `option` at `d`, the other side historical.
fn play(s: &std::sync::Arc<Scenario>, option: &str, watch: bool) -> Game {
    let mut g = Game::new(
        s.clone(),
        Setup {
            role: actor(s, "north"),
            policy: Policy::Historical,
            seed: 1,
        },
    );
    if watch {
        g = g.watch_story();
    }
    let d = entry(s, "d");
    let i = s
        .entry(d)
        .as_decision()
        .unwrap()
        .options
        .iter()
        .position(|o| o.id == option)
        .unwrap();
    while let Progress::AwaitingChoice(_) = g.advance() {
        g.choose(i).unwrap();
    }
    g
}

fn fired_on(g: &Game, id: &str) -> Option<NaiveDate> {
    let e = entry(&g.scenario, id);
    g.log
        .iter()
        .find(|l| l.happening == Happening::Fired(e))
        .map(|l| l.date)
}

#[test]
fn the_aftermath_fires_its_days_after_the_games_own_agreement_and_in_timeline_order() {
    let s = story();
    let g = play(&s, "wait", false);
    assert_eq!(g.state.armistice.as_ref().unwrap().date, date("1952-06-02"));
    assert_eq!(fired_on(&g, "exchange"), Some(date("1952-06-11")));
    let g = play(&s, "early", false);
    assert_eq!(g.state.armistice.as_ref().unwrap().date, date("1952-04-01"));
    assert_eq!(fired_on(&g, "exchange"), Some(date("1952-04-10")));
    // In date order with the rest of the timeline: before the May offensive.
    let pos = |id: &str| {
        let e = entry(&s, id);
        g.log
            .iter()
            .position(|l| l.happening == Happening::Fired(e))
    };
    assert!(
        pos("exchange") < pos("war"),
        "{:?} {:?}",
        pos("exchange"),
        pos("war")
    );
    let g = play(&s, "never", false);
    assert!(g.state.armistice.is_none());
    assert_eq!(
        fired_on(&g, "exchange"),
        None,
        "no aftermath without an agreement"
    );
}

#[test]
fn an_aftermath_due_after_the_scenarios_end_still_fires_and_the_game_ends_after_it() {
    let text = crate::testkit::text(STORY)
        .replace(
            r#"flags: [(id: "talks", label: "Talks in session", initial: true)],"#,
            r#"flags: [(id: "talks", label: "Talks in session", initial: true),
                   (id: "waited", label: "Waited"), (id: "done", label: "Done")],"#,
        )
        .replace(r#"end: "1952-12-31""#, r#"end: "1952-06-30""#)
        .replace(r#"horizon: "1952-12-31""#, r#"horizon: "1952-06-30""#);
    let s = crate::testkit::load(&text);
    let g = play(&s, "late", false);
    assert_eq!(g.state.armistice.as_ref().unwrap().date, date("1952-06-25"));
    assert_eq!(fired_on(&g, "exchange"), Some(date("1952-07-04")));
    assert!(g.is_finished());
    assert_eq!(g.log.last().unwrap().date, date("1952-07-04"));
}

#[test]
fn variants_and_figures_are_fixed_when_shown() {
    let s = story();
    let e = entry(&s, "exchange");
    let g = play(&s, "early", false);
    assert_eq!(g.event_title(e), "Early exchange");
    assert_eq!(g.event_text(e), "After the early signing");
    let figures: Vec<&str> = g.figures_of(e).iter().map(|f| f.label.as_str()).collect();
    assert_eq!(figures, ["handed over", "stayed"]);
    let g = play(&s, "wait", false);
    assert_eq!(g.event_title(e), "Exchange");
    assert_eq!(g.event_text(e), "Plain");
    let figures: Vec<&str> = g.figures_of(e).iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        figures,
        ["handed over"],
        "the figure for the early signing is not shown"
    );
    let d = entry(&s, "d");
    assert_eq!(
        g.option_text(d, 0),
        "",
        "talks in session: the plain (empty) text"
    );
    assert_eq!(g.option_text(d, 1), "Sign in April");
}

#[test]
fn the_watch_reports_plain_texts_whose_presumption_failed_and_every_event_fired() {
    let s = story();
    let g = play(&s, "early", true);
    let w = g.watched().unwrap();
    let d = entry(&s, "d");
    // The option "Sign early" presumes the talks are not in session: they are.
    assert!(
        w.untrue
            .iter()
            .any(|u| u.entry == d && u.what == Presumer::Option(1)),
        "{:?}",
        w.untrue
            .iter()
            .map(|u| (u.entry, u.what))
            .collect::<Vec<_>>()
    );
    // The exchange's variant applied (with its own title): its plain presumption is not checked.
    assert!(!w.untrue.iter().any(|u| u.entry == entry(&s, "exchange")));
    let war = w.fired.iter().find(|f| f.0 == entry(&s, "war")).unwrap();
    assert!(war.2, "the May offensive fired after the early agreement");
    let g = play(&s, "wait", true);
    let w = g.watched().unwrap();
    assert!(!w.untrue.iter().any(|u| u.what == Presumer::Event));
    assert!(!w.fired.iter().find(|f| f.0 == entry(&s, "war")).unwrap().2);
    assert!(play(&s, "wait", false).watched().is_none());
}
