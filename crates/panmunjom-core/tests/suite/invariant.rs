//! The invariant: when every side follows history, the game is the historical path.

use std::sync::Arc;

use chrono::NaiveDate;
use panmunjom_core::compare::Debrief;
use panmunjom_core::engine::{Game, Outcome, Policy, Progress, Setup};
use panmunjom_core::scenario::Entry;

use crate::common::main_scenario;

#[test]
fn each_role_playing_history_gives_the_historical_path() {
    let s = main_scenario();
    let armistice_day = NaiveDate::from_ymd_opt(1953, 7, 27).unwrap();
    for (role, actor) in s.playable() {
        let mut game = Game::new(
            Arc::clone(&s),
            Setup {
                role,
                policy: Policy::Historical,
                seed: 7,
            },
        );
        game.play_historical();
        assert_eq!(game.outcome(), Some(&Outcome::Armistice), "{}", actor.id);
        let a = game.state.armistice.as_ref().unwrap();
        assert_eq!(a.date, armistice_day, "{} signs on 27 July 1953", actor.id);
        assert!(a.signed_by.is_some(), "the signing is the historical event");
        let terms: Vec<_> = a
            .terms
            .iter()
            .map(|t| t.expect("every issue agreed"))
            .collect();
        assert_eq!(
            terms, s.armistice.historical_terms,
            "{}: the terms of 8 June 1953",
            actor.id
        );
        for (i, entry) in s.timeline.iter().enumerate() {
            match entry {
                Entry::Event(e) => assert_eq!(
                    game.state.fired[i], !e.counterfactual,
                    "{}: event `{}` (counterfactual: {})",
                    actor.id, e.id, e.counterfactual
                ),
                Entry::Decision(d) => assert_eq!(
                    game.state.chosen[i],
                    Some(d.historical),
                    "{}: decision `{}` takes its historical option",
                    actor.id,
                    d.id
                ),
            }
        }
        let d = Debrief::new(&game);
        assert_eq!(d.divergence.total, 0, "{}: zero divergence", actor.id);
        assert!(d.first_divergence.is_none());
        assert!(d.player_decisions().count() >= 8);
        assert!(d.player_decisions().all(|r| r.same));
    }
}

#[test]
fn terms_are_first_agreed_on_the_historical_terms_date() {
    let s = main_scenario();
    let (role, _) = s.playable().next().unwrap();
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role,
            policy: Policy::Historical,
            seed: 1,
        },
    );
    let mut first_agreed = None;
    loop {
        match game.step() {
            Progress::Finished => break,
            Progress::AwaitingChoice(id) => {
                let d = s.entry(id).as_decision().unwrap();
                game.choose(d.historical).unwrap();
            }
            Progress::AtTable(_) => {
                for p in game.historical_here() {
                    game.table_historical(p).unwrap();
                }
                game.pass().unwrap();
            }
            Progress::Advanced => {}
        }
        if first_agreed.is_none() && game.state.terms_agreed(&s) {
            first_agreed = Some(game.state.date);
        }
    }
    assert_eq!(first_agreed, Some(s.armistice.historical_terms_date));
}
