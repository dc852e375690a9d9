//! Scores that must agree with the game (issue 13): objectives judged against the
//! terms really signed, terms agreed but never signed shown as such, India's standing
//! when India's own plan ends the war, and no modelling talk in the story.

use std::sync::Arc;

use panmunjom_core::compare::Debrief;
use panmunjom_core::engine::{Game, Policy, Setup};
use panmunjom_core::report;
use panmunjom_core::scenario::{IssueId, Scenario};
use panmunjom_core::story::play_random;

use crate::common::main_scenario;

/// Random games of the main scenario (every playable role, both policies) until
/// `want` says yes `n` times (or `limit` games were played).
fn games_where(s: &Arc<Scenario>, n: usize, limit: u64, want: impl Fn(&Game) -> bool) -> Vec<Game> {
    let roles: Vec<_> = s.playable().map(|(a, _)| a).collect();
    let mut found = Vec::new();
    for seed in 0..limit {
        let setup = Setup {
            role: roles[seed as usize % roles.len()],
            policy: if seed % 2 == 0 {
                Policy::Historical
            } else {
                Policy::Adaptive
            },
            seed,
        };
        let game = play_random(s, setup, true);
        if want(&game) {
            found.push(game);
            if found.len() == n {
                break;
            }
        }
    }
    found
}

fn issue(s: &Scenario, id: &str) -> IssueId {
    IssueId(
        s.issues
            .iter()
            .position(|i| i.id == id)
            .expect("issue exists"),
    )
}

fn objective_met(d: &Debrief, id_text_start: &str) -> bool {
    d.objectives
        .iter()
        .find(|o| o.text.starts_with(id_text_start))
        .unwrap_or_else(|| panic!("no objective starting {id_text_start:?}"))
        .met
}

#[test]
fn terms_agreed_but_never_signed_are_shown_as_agreed_and_no_forcible_repatriation_is_met() {
    let s = main_scenario();
    let tor = s
        .entry_by_id("1953-06-08-terms-of-reference")
        .expect("event exists");
    let games = games_where(&s, 3, 20_000, |g| {
        g.state.armistice.is_none() && g.state.fired[tor.0] && g.state.terms_agreed(&g.scenario)
    });
    assert!(
        !games.is_empty(),
        "random play reaches the terms of reference without signing"
    );
    for g in &games {
        let d = Debrief::new(g);
        let text = report::debrief_text::render(&d);
        assert!(
            text.contains("yours:   agreed, never signed: No forcible repatriation"),
            "{}",
            &text[..text.len().min(2000)]
        );
        assert!(!text.contains("(not agreed)"), "every issue was settled");
        assert!(
            objective_met(&d, "No prisoner is repatriated by force"),
            "nobody was handed over, and the UN Command held to no forcible repatriation"
        );
        let md = report::debrief_md::render(&d);
        assert!(md.contains("agreed, never signed: No forcible repatriation"));
    }
}

#[test]
fn the_unwilling_handed_back_to_the_united_nations_do_not_count_as_out_of_un_hands() {
    let s = main_scenario();
    let fate = issue(&s, "fate");
    let un_control = panmunjom_core::scenario::PosId(
        s.issues[fate.0]
            .positions
            .iter()
            .position(|p| p.id == "un_control_after_30_days")
            .expect("position exists"),
    );
    let games = games_where(&s, 3, 20_000, |g| {
        g.state
            .armistice
            .as_ref()
            .is_some_and(|a| a.terms[fate.0] == Some(un_control))
    });
    assert!(
        !games.is_empty(),
        "random play reaches an armistice on the amended Indian plan"
    );
    for g in &games {
        let d = Debrief::new(g);
        assert!(!objective_met(
            &d,
            "The unwilling prisoners do not stay in UN Command hands"
        ));
    }
}

#[test]
fn indias_standing_does_not_fall_when_indias_own_plan_ends_the_war_early() {
    let s = main_scenario();
    let plan = [
        s.entry_by_id("1953-02-02-armistice-on-indian-plan")
            .expect("event"),
        s.entry_by_id("1953-05-04-armistice-on-indian-plan")
            .expect("event"),
    ];
    let games = games_where(&s, 40, 20_000, |g| plan.iter().any(|e| g.state.fired[e.0]));
    assert!(
        games.len() >= 20,
        "random play signs on the Indian plan often"
    );
    for var in ["india_standing_un", "india_standing_communist"] {
        let mut gaps: Vec<i64> = games
            .iter()
            .map(|g| {
                let d = Debrief::new(g);
                let v = d
                    .outcome
                    .final_vars
                    .iter()
                    .find(|v| v.0 == var)
                    .expect("variable");
                v.3 - v.4
            })
            .collect();
        gaps.sort_unstable();
        let median = gaps[gaps.len() / 2];
        assert!(
            median >= -3,
            "{var}: India's standing ends {median} below history in the median game of its own plan"
        );
    }
}

#[test]
fn no_text_of_a_shipped_scenario_talks_about_the_model() {
    for s in panmunjom_core::scenario::builtin::shipped_scenarios() {
        let s = s.expect("shipped scenarios are valid");
        for e in &s.timeline {
            let texts: Vec<&str> = match e {
                panmunjom_core::scenario::Entry::Event(ev) => std::iter::once(ev.text.as_str())
                    .chain(ev.texts.iter().map(|t| t.text.as_str()))
                    .collect(),
                panmunjom_core::scenario::Entry::Decision(d) => std::iter::once(d.context.as_str())
                    .chain(d.contexts.iter().map(|c| c.1.as_str()))
                    .collect(),
            };
            for t in texts {
                let lower = t.to_lowercase();
                assert!(
                    !lower.contains("in the model") && !lower.contains("the model's"),
                    "{}: {t}",
                    e.id()
                );
            }
        }
    }
}
