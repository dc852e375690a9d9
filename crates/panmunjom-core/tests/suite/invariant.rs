//! The invariant: when every side follows history, the game is the historical path.

use std::sync::Arc;

use chrono::NaiveDate;
use panmunjom_core::compare::Debrief;
use panmunjom_core::engine::{Game, Outcome, Policy, Progress, Setup};
use panmunjom_core::scenario::{Entry, builtin};

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
            Some(terms),
            s.armistice.historical_terms,
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
                    game.state.chosen[i], d.historical,
                    "{}: decision `{}` takes its historical option (a counterfactual one does not arise)",
                    actor.id, d.id
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

/// The invariant on every scenario built into the binary, for every playable role: the
/// all-historical game ends as the scenario records history ending (the agreement on
/// its date with its terms, or no agreement at all), every historical event fires, no
/// counterfactual event fires or counterfactual decision arises, every decision takes
/// its historical option, and the divergence is 0.
#[test]
fn every_shipped_scenario_played_by_history_is_its_history() {
    let mut checked = Vec::new();
    for shipped in builtin::SHIPPED {
        let s = Arc::new(shipped.load().unwrap_or_else(|e| panic!("{}", e.render())));
        let roles: Vec<_> = s.playable().collect();
        assert!(!roles.is_empty(), "{}: no playable role", s.id);
        for (role, actor) in roles {
            let who = format!("{} as {}", s.id, actor.id);
            let mut game = Game::new(
                Arc::clone(&s),
                Setup {
                    role,
                    policy: Policy::Historical,
                    seed: 11,
                },
            );
            game.play_historical();
            assert!(game.is_finished(), "{who}: the game ends");
            match &s.armistice.historical_terms {
                Some(terms) => {
                    let a = game.state.armistice.as_ref().unwrap_or_else(|| {
                        panic!("{who}: history reached an agreement; the game did not")
                    });
                    assert_eq!(
                        a.date, s.armistice.historical_date,
                        "{who}: signed as in history"
                    );
                    let got: Vec<_> = a
                        .terms
                        .iter()
                        .map(|t| t.expect("every issue agreed"))
                        .collect();
                    assert_eq!(&got, terms, "{who}: the historical terms");
                }
                None => {
                    assert!(
                        game.state.armistice.is_none(),
                        "{who}: history ended without agreement, the game reached one"
                    );
                    assert!(
                        matches!(
                            game.outcome(),
                            Some(Outcome::NoArmistice | Outcome::Ended(_))
                        ),
                        "{who}: {:?}",
                        game.outcome()
                    );
                    assert_eq!(
                        game.state.date, s.armistice.historical_date,
                        "{who}: the talks end on the day history records"
                    );
                }
            }
            for (i, entry) in s.timeline.iter().enumerate() {
                match entry {
                    Entry::Event(e) => assert_eq!(
                        game.state.fired[i], !e.counterfactual,
                        "{who}: event `{}` (counterfactual: {})",
                        e.id, e.counterfactual
                    ),
                    Entry::Decision(d) => assert_eq!(
                        game.state.chosen[i], d.historical,
                        "{who}: decision `{}` (counterfactual: {})",
                        d.id, d.counterfactual
                    ),
                }
            }
            let d = Debrief::new(&game);
            assert_eq!(d.divergence.total, 0, "{who}: zero divergence");
            assert!(d.first_divergence.is_none(), "{who}");
            assert!(d.player_decisions().count() >= 3, "{who}: the role decides");
            assert!(d.player_decisions().all(|r| r.same), "{who}");
            checked.push(who);
        }
    }
    assert_eq!(
        checked.len(),
        6,
        "two shipped scenarios, three roles each: {checked:?}"
    );
}

/// Geneva's history has no agreement, and a game that leaves it by keeping the talks
/// open reaches its counterfactual decisions, which count as divergence, and still ends
/// without one (the parties stay apart on the UN's authority and the elections).
#[test]
fn geneva_off_the_historical_path_reaches_its_counterfactual_decisions() {
    let s = Arc::new(
        builtin::shipped_by_id("geneva-1954")
            .expect("built in")
            .expect("valid"),
    );
    assert!(!s.armistice.agreed_in_history());
    let un = s.actor_by_id("un").expect("the UN side plays");
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: un,
            policy: Policy::Historical,
            seed: 3,
        },
    );
    let mut counterfactual_seen = 0;
    loop {
        match game.advance() {
            Progress::AwaitingChoice(id) => {
                let d = s.entry(id).as_decision().unwrap();
                let pick = if d.id == "un-1954-06-14-termination" {
                    d.options
                        .iter()
                        .position(|o| o.id == "keep-talking")
                        .unwrap()
                } else if d.counterfactual {
                    counterfactual_seen += 1;
                    0
                } else {
                    d.historical.expect("a historical decision")
                };
                game.choose(pick).unwrap();
            }
            Progress::AtTable(_) => game.pass().unwrap(),
            Progress::Finished => break,
            Progress::Advanced => {}
        }
    }
    assert_eq!(
        counterfactual_seen, 1,
        "the UN side's restricted-talks decision"
    );
    assert!(game.state.armistice.is_none());
    assert_eq!(
        game.state.date,
        NaiveDate::from_ymd_opt(1954, 7, 20).unwrap()
    );
    let d = Debrief::new(&game);
    // The choice on 14 June, three counterfactual decisions (one the player's), and
    // the events of the two endings.
    assert!(d.divergence.decisions >= 4, "{:?}", d.divergence);
    assert!(d.divergence.events >= 4, "{:?}", d.divergence);
    assert_eq!(
        (d.divergence.terms, d.divergence.weeks),
        (0, 0),
        "no settlement, as in history"
    );
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
                game.choose(d.historical.unwrap()).unwrap();
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
