//! Scenarios beyond one armistice: a noun of their own, a history that ends without an
//! agreement, counterfactual decisions and context that follows the game — through
//! what the checker, the debrief, the replay and the explorer say.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use super::{Debrief, NOT_IN_HISTORY, historical_path};
use crate::engine::{Game, Outcome, Policy, Progress, Setup};
use crate::scenario::Scenario;
use crate::testkit::{BASE, actor, entry, errors, load, text};

/// `north` may give way on prisoners at `d1` (not what history did); only then does the
/// counterfactual decision `d2` arise. The talks break off on 2 June 1952.
const TIMELINE: &str = r#"
    Decision(id: "d1", role: "north", date: "1952-02-04", title: "Give way?",
        prompt: "Give way on prisoners?",
        options: [
            (id: "hold", label: "Hold", historical: (note: "They held.", sources: [(source: "Notes")])),
            (id: "give", label: "Give way", effects: [
                Move("north", "prisoners", "some"), Move("south", "prisoners", "some")]),
        ]),
    Decision(id: "d2", role: "north", date: "1952-03-03", title: "After the signing",
        prompt: "What now?", counterfactual: true,
        when: Chose("d1", "give"),
        context: "Plain context.",
        contexts: [
            (when: Not(Armistice), text: "Nothing signed yet."),
            (when: Armistice, text: "The agreement is signed."),
        ],
        options: [(id: "rest", label: "Rest"), (id: "press", label: "Press on")]),
    Event(id: "break", date: "1952-06-02", title: "The talks break off",
        sources: [(source: "Notes")], effects: [Lower("talks")]),
"#;

const HISTORICAL: &str = r#"historical: (date: "1952-06-02", terms_date: "1952-03-03",
            terms: [("prisoners", "some"), ("custody", "commission")],
            sources: [(source: "Notes")]),"#;

/// The test scenario: its own noun, and a history that ended without an agreement.
fn no_agreement_text() -> String {
    let t = text(TIMELINE);
    assert!(t.contains(HISTORICAL), "the base scenario changed");
    t.replace(
        HISTORICAL,
        r#"noun: "provisional agreement",
        no_agreement: (date: "1952-06-02", how: "the talks broke off", sources: [(source: "Notes")]),"#,
    )
}

fn no_agreement() -> Arc<Scenario> {
    load(&no_agreement_text())
}

/// North plays; at `d1` it takes `first`, then the first open option.
fn play(s: &Arc<Scenario>, first: usize) -> Game {
    let mut game = Game::new(
        Arc::clone(s),
        Setup {
            role: actor(s, "north"),
            policy: Policy::Historical,
            seed: 3,
        },
    );
    let d1 = entry(s, "d1");
    while let Progress::AwaitingChoice(id) = game.advance_passing() {
        let pick = if id == d1 {
            first
        } else {
            game.open_options(id)[0]
        };
        game.choose(pick).unwrap();
    }
    game
}

#[test]
fn without_a_noun_the_agreement_is_an_armistice() {
    let s = load(&text(TIMELINE));
    assert_eq!(s.agreement_noun(), "armistice");
    let d = Debrief::new(&play(&s, 1));
    let text = crate::report::debrief_text::render(&d);
    assert!(text.contains("Armistice signed 1952-02-18"), "{text}");
    assert!(text.contains("history: 1952-06-02"), "{text}");
}

#[test]
fn history_without_agreement_played_historically_scores_zero_and_says_so() {
    let s = no_agreement();
    assert_eq!(s.agreement_noun(), "provisional agreement");
    assert_eq!(s.agreement_noun_capitalised(), "Provisional agreement");
    let history = historical_path(Arc::clone(&s));
    assert_eq!(history.outcome(), Some(&Outcome::NoArmistice));
    assert!(history.state.chosen[entry(&s, "d2").0].is_none());
    let d = Debrief::new(&history);
    assert_eq!(d.divergence.total, 0, "{:?}", d.divergence);
    let text = crate::report::debrief_text::render(&d);
    assert!(
        text.contains(
            "No provisional agreement \u{2014} as in history: the talks broke off (1952-06-02)."
        ),
        "{text}"
    );
    assert!(text.contains("Terms: none, as in history."), "{text}");
    let md = crate::report::debrief_md::render(&d);
    assert!(
        md.contains("No provisional agreement \u{2014} as in history"),
        "{md}"
    );
    for out in [&text, &md] {
        assert!(!out.to_lowercase().contains("armistice"), "{out}");
    }
}

#[test]
fn an_agreement_history_did_not_reach_counts_every_term_and_the_weeks_from_the_end() {
    let s = no_agreement();
    let game = play(&s, 1);
    let signed = game
        .state
        .armistice
        .as_ref()
        .expect("signed by the rule")
        .date;
    assert_eq!(signed.to_string(), "1952-02-18");
    let d = Debrief::new(&game);
    // d1 taken otherwise, d2 (counterfactual) arose: two decisions.
    assert_eq!(d.divergence.decisions, 2, "{:?}", d.divergence);
    assert_eq!(d.divergence.terms, 2, "both issues: history has no terms");
    assert_eq!(d.divergence.weeks, 15, "18 Feb to 2 June 1952: 105 days");
    let row = d.decisions.iter().find(|r| r.id == "d2").unwrap();
    assert!(row.counterfactual && !row.same);
    assert_eq!(row.historical, None);
    assert_eq!(row.historical_label, NOT_IN_HISTORY);
    let text = crate::report::debrief_text::render(&d);
    assert!(
        text.contains("Provisional agreement signed 1952-02-18"),
        "{text}"
    );
    assert!(
        text.contains(
            "History: no provisional agreement \u{2014} the talks broke off (1952-06-02)."
        ),
        "{text}"
    );
    assert!(text.contains(NOT_IN_HISTORY), "{text}");
    assert!(!text.to_lowercase().contains("armistice"), "{text}");
}

#[test]
fn a_counterfactual_decision_shows_the_context_of_the_game_it_arose_in() {
    let s = no_agreement();
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: actor(&s, "north"),
            policy: Policy::Historical,
            seed: 1,
        },
    );
    assert_eq!(game.advance(), Progress::AwaitingChoice(entry(&s, "d1")));
    game.choose(1).unwrap();
    let d2 = entry(&s, "d2");
    assert_eq!(game.advance(), Progress::AwaitingChoice(d2));
    assert_eq!(game.context_of(d2), "The agreement is signed.");
    // Without the agreement (its requirement lowered), the first variant applies.
    let t = no_agreement_text().replace("requires: Flag(\"talks\"),", "requires: Never,");
    let s2 = load(&t);
    let mut game = Game::new(
        Arc::clone(&s2),
        Setup {
            role: actor(&s2, "north"),
            policy: Policy::Historical,
            seed: 1,
        },
    );
    game.advance();
    game.choose(1).unwrap();
    assert_eq!(game.advance(), Progress::AwaitingChoice(d2));
    assert_eq!(game.context_of(d2), "Nothing signed yet.");
}

#[test]
fn the_replay_and_explorer_speak_of_the_scenarios_agreement() {
    let s = no_agreement();
    let steps = crate::replay::replay(Arc::clone(&s), None);
    let replay = crate::report::replay_text::render(&s.title, &steps);
    assert!(
        replay.contains("The horizon passes with no provisional agreement"),
        "{replay}"
    );
    assert!(
        replay.contains("as in history: the talks broke off"),
        "{replay}"
    );
    let cfg = crate::explore::Config {
        role: actor(&s, "north"),
        runs: 20,
        policy: Policy::Historical,
        seed: 5,
        vary: None,
        threads: 1,
    };
    let r = crate::explore::explore(&s, &cfg, &AtomicUsize::new(0)).unwrap();
    let out = crate::report::explore_text::render(&r);
    assert!(
        out.contains("PROVISIONAL AGREEMENT: ")
            && out.contains("history: none \u{2014} the talks broke off"),
        "{out}"
    );
    assert!(!out.to_lowercase().contains("armistice"), "{out}");
    assert!(
        r.months.iter().all(|m| !m.historical),
        "no month is history's"
    );
}

#[test]
fn the_checker_wants_one_historical_outcome_and_counterfactual_decisions_without_history() {
    let both = no_agreement_text().replace(
        "noun: \"provisional agreement\",",
        &format!("noun: \"provisional agreement\", {HISTORICAL}"),
    );
    let e = errors(&both);
    assert!(
        e.contains("field `no_agreement`") && e.contains("not both"),
        "{e}"
    );
    let neither = BASE.replace(HISTORICAL, "").replace("TIMELINE", TIMELINE);
    let e = errors(&neither);
    assert!(e.contains("say how history ended"), "{e}");
    let marked = no_agreement_text().replace(
        r#"(id: "rest", label: "Rest")"#,
        r#"(id: "rest", label: "Rest", historical: (note: "n", sources: [(source: "Notes")]))"#,
    );
    let e = errors(&marked);
    assert!(
        e.contains("decision `d2`") && e.contains("none of its options may be marked historical"),
        "{e}"
    );
    let unmarked = no_agreement_text().replace("counterfactual: true,", "");
    let e = errors(&unmarked);
    assert!(
        e.contains("exactly one option must be marked historical; none is")
            && e.contains("counterfactual: true"),
        "{e}"
    );
    let empty_noun = no_agreement_text().replace("\"provisional agreement\"", "\" \"");
    assert!(
        errors(&empty_noun).contains("field `noun`"),
        "{}",
        errors(&empty_noun)
    );
    let late = no_agreement_text().replace(
        r#"no_agreement: (date: "1952-06-02""#,
        r#"no_agreement: (date: "1953-06-02""#,
    );
    assert!(
        errors(&late).contains("field `no_agreement.date`"),
        "{}",
        errors(&late)
    );
    let bad_variant = no_agreement_text().replace(
        "(when: Armistice, text: \"The agreement is signed.\")",
        "(when: Flag(\"nope\"), text: \"x\")",
    );
    assert!(
        errors(&bad_variant).contains("field `contexts.2.when`"),
        "{}",
        errors(&bad_variant)
    );
}

#[test]
fn divergence_tells_a_decision_taken_differently_from_one_that_did_not_arise() {
    // d3 is history's and arises only when north held at d1.
    let t = text(&format!(
        r#"{TIMELINE}
        Decision(id: "d3", role: "north", date: "1952-07-01", title: "Hold on?", prompt: "?",
            when: Chose("d1", "hold"),
            options: [(id: "yes", label: "Yes", historical: (note: "n", sources: [(source: "Notes")])), (id: "no", label: "No")])"#
    ));
    let s = load(&t);
    let d = Debrief::new(&play(&s, 1));
    let v = d.divergence;
    // d1 taken differently, d2 (counterfactual) arose: decided differently; d3 did not arise.
    assert_eq!(
        (v.decided_differently, v.not_arisen, v.decisions),
        (2, 1, 3),
        "{v:?}"
    );
    let text = crate::report::debrief_text::render(&d);
    assert!(
        text.contains("decisions 3 (2 decided differently, 1 did not arise)"),
        "{text}"
    );
    assert!(
        crate::report::debrief_md::render(&d)
            .contains("Decisions 3 (2 decided differently, 1 did not arise)")
    );
    let html = crate::report::html::debrief(&d);
    assert!(html.contains("did not arise"));
    let json = crate::report::json(&d);
    assert!(json.contains("\"not_arisen\": 1"), "{json}");
}

#[test]
fn the_debrief_tells_how_the_players_choice_led_to_an_event_and_the_other_sides_reaction() {
    let t = text(
        r#"Decision(id: "d1", role: "north", date: "1952-02-04", title: "Give way?", prompt: "?",
            options: [
                (id: "hold", label: "Hold", historical: (note: "n", sources: [(source: "Notes")])),
                (id: "give", label: "Give way", effects: [Add("trust", -20)]),
            ]),
        Event(id: "protest", date: "1952-02-10", title: "South protests", counterfactual: true,
            sources: [(source: "Notes")], when: AtMost("trust", 40)),
        Decision(id: "ds", role: "south", date: "1952-03-01", title: "Answer?", prompt: "?",
            options: [
                (id: "wait", label: "Wait", requires: Not(Fired("protest")),
                 historical: (note: "n", sources: [(source: "Notes")])),
                (id: "walk", label: "Walk out"),
            ]),
        Event(id: "calm", date: "1952-04-01", title: "A calm month", sources: [(source: "Notes")],
            when: Not(Chose("ds", "walk"))),"#,
    );
    let s = load(&t);
    let game = play(&s, 1);
    let d = Debrief::new(&game);
    let lines = d.chain.lines();
    let want = [
        "1952-02-04: You chose \u{201c}Give way\u{201d} at \u{201c}Give way?\u{201d} (history: \u{201c}Hold\u{201d}).",
        "1952-02-10: \u{201c}South protests\u{201d} happened. \u{2190} after \u{201c}Give way\u{201d} at \u{201c}Give way?\u{201d}",
        "1952-03-01: South side chose \u{201c}Walk out\u{201d} at \u{201c}Answer?\u{201d} (history: \u{201c}Wait\u{201d}, not open in this game). \u{2190} after \u{201c}South protests\u{201d}",
        "Because of these choices, 1 event(s) of history did not happen in your game (listed under the events that went differently).",
    ];
    for w in want {
        assert!(lines.iter().any(|l| l == w), "missing {w:?} in {lines:#?}");
    }
    let text = crate::report::debrief_text::render(&d);
    assert!(text.contains("HOW YOUR CHOICES LED HERE"), "{text}");
    assert!(text.contains("South side chose"), "{text}");
    assert!(crate::report::debrief_md::render(&d).contains("## How your choices led here"));
    assert!(crate::report::html::debrief(&d).contains("South side chose"));
    assert!(crate::report::json(&d).contains("\"kind\": \"reaction\""));
    // History itself has no chain.
    let h = Debrief::new(&historical_path(s));
    assert_eq!(h.chain.steps.len(), 0);
    assert!(h.chain.lines()[0].starts_with("You took history's option at every decision"));
}

/// Issue 13 §5: when history's option was closed to the player, the chain says so and
/// names the earlier choice that closed it (here through a variable); once the game's
/// agreement is signed, the war's later decisions that no longer arise are counted in
/// one line, not told one by one.
#[test]
fn the_chain_tells_why_historys_option_was_closed_and_sums_up_what_peace_made_moot() {
    let t = text(
        r#"Decision(id: "d1", role: "north", date: "1952-02-04", title: "Give way?", prompt: "?",
            options: [
                (id: "hold", label: "Hold", historical: (note: "n", sources: [(source: "Notes")])),
                (id: "give", label: "Give way", effects: [Add("trust", -20)]),
                (id: "sign", label: "Sign now"),
            ]),
        Event(id: "early", date: "1952-02-10", title: "Signed early", counterfactual: true,
            sources: [(source: "Notes")], when: Chose("d1", "sign"), effects: [SignArmistice]),
        Decision(id: "d2", role: "north", date: "1952-03-01", title: "Accept the terms?", prompt: "?",
            when: Not(Chose("d1", "sign")),
            options: [
                (id: "accept", label: "Accept", requires: AtLeast("trust", 40),
                 historical: (note: "n", sources: [(source: "Notes")])),
                (id: "refuse", label: "Refuse"),
            ]),
        Decision(id: "d3", role: "north", date: "1952-04-01", title: "One more round?", prompt: "?",
            when: Not(Chose("d1", "sign")),
            options: [
                (id: "yes", label: "Yes", historical: (note: "n", sources: [(source: "Notes")])),
                (id: "no", label: "No"),
            ]),"#,
    );
    let s = load(&t);
    let closed = Debrief::new(&play(&s, 1)).chain.lines();
    let want = "1952-03-01: You chose \u{201c}Refuse\u{201d} at \u{201c}Accept the terms?\u{201d} (history: \u{201c}Accept\u{201d}, not open in this game). \u{2190} after \u{201c}Give way\u{201d} at \u{201c}Give way?\u{201d}";
    assert!(
        closed.iter().any(|l| l == want),
        "missing {want:?} in {closed:#?}"
    );
    let signed = Debrief::new(&play(&s, 2)).chain.lines();
    assert!(
        !signed
            .iter()
            .any(|l| l.contains("\u{201c}One more round?\u{201d} did not arise")),
        "{signed:#?}"
    );
    assert!(
        signed.iter().any(|l| l
            == "Once the armistice was signed, 2 decision(s) that history still faced did not arise."),
        "{signed:#?}"
    );
}
