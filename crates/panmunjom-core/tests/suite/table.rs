//! The table: historical proposals tabled and answered as in history, the agent model
//! within its limits, a player proposal that settles early and a greedy one refused to
//! the end, and records with table moves.

use std::sync::Arc;

use panmunjom_core::engine::{Game, Outcome, Policy, Progress, Reason, Setup, agent};
use panmunjom_core::record::Record;
use panmunjom_core::scenario::{ActorId, PosId, ProposalId, Scenario};
use proptest::prelude::*;

use super::common::main_scenario;

fn role(s: &Scenario, id: &str) -> ActorId {
    s.actor_by_id(id).unwrap()
}

/// Terms from (issue, position) ids.
fn terms(s: &Scenario, list: &[(&str, &str)]) -> Vec<Option<PosId>> {
    let mut t = vec![None; s.issues.len()];
    for (i, p) in list {
        let ii = s.issues.iter().position(|x| x.id == *i).unwrap();
        let pp = s.issues[ii]
            .positions
            .iter()
            .position(|x| x.id == *p)
            .unwrap();
        t[ii] = Some(PosId(pp));
    }
    t
}

/// The final terms, but the five-nation commission of 7 May for custody: what the
/// Communists had offered themselves, with everything else as in June.
fn well_judged(s: &Scenario) -> Vec<Option<PosId>> {
    terms(
        s,
        &[
            ("principle", "no_forcible"),
            ("custody", "five_nation"),
            ("vote", "majority"),
            ("explanations", "ninety_days"),
            ("fate", "civilian_after_120_days"),
            ("korean_nonrepatriates", "to_commission"),
            ("sequence", "pows_in_armistice"),
        ],
    )
}

/// Plays the UN side: history at every decision, and `at_table` at every meeting
/// (then passes).
fn play_un(
    s: &Arc<Scenario>,
    mut decide: impl FnMut(&Game, panmunjom_core::scenario::EntryId) -> usize,
    mut at_table: impl FnMut(&mut Game),
) -> Game {
    let un = role(s, "un");
    let mut game = Game::new(
        Arc::clone(s),
        Setup {
            role: un,
            policy: Policy::Historical,
            seed: 7,
        },
    );
    loop {
        match game.advance() {
            Progress::AwaitingChoice(id) => {
                let pick = decide(&game, id);
                game.choose(pick).unwrap();
            }
            Progress::AtTable(_) => {
                at_table(&mut game);
                let _ = game.pass();
            }
            Progress::Advanced | Progress::Finished => break,
        }
    }
    game
}

#[test]
fn all_historical_tables_every_historical_proposal_with_historys_answers() {
    let s = main_scenario();
    for (r, _) in s.playable() {
        let mut game = Game::new(
            Arc::clone(&s),
            Setup {
                role: r,
                policy: Policy::Historical,
                seed: 3,
            },
        );
        game.play_historical();
        for (i, p) in s.proposals.iter().enumerate() {
            let t = game
                .table_history()
                .iter()
                .find(|t| t.historical == Some(ProposalId(i)))
                .unwrap_or_else(|| panic!("role {}: {} not tabled", s.actor(r).id, p.id));
            assert_eq!(t.author, p.author);
            for h in &p.answers {
                for who in &h.by {
                    if *who == r {
                        continue; // the player's own answer is the player's
                    }
                    let a = t.answer_of(*who).expect("history's answer is there");
                    assert_eq!(a.reply, Some(h.reply), "{}: answer of {:?}", p.id, who);
                    assert_eq!(a.reason, Reason::Historical);
                }
            }
        }
        assert!(
            game.table_history().iter().all(|t| !t.agreed),
            "history agrees through its timeline, not the table"
        );
    }
}

#[test]
fn a_well_judged_proposal_brings_the_armistice_before_27_july() {
    let s = main_scenario();
    let pkg = well_judged(&s);
    let mut tabled_on = None;
    let game = play_un(
        &s,
        |g, id| g.historical_or_first(id).unwrap(),
        |g| {
            if tabled_on.is_none()
                && g.may_table()
                && g.state.date >= chrono::NaiveDate::from_ymd_opt(1953, 4, 26).unwrap()
            {
                let i = g.table(pkg.clone()).unwrap();
                assert!(g.table_history()[i].agreed, "{:?}", g.table_history()[i]);
                tabled_on = Some(g.state.date);
            }
        },
    );
    let signed = game.state.armistice.as_ref().expect("an armistice").date;
    assert!(signed < s.armistice.historical_date, "signed {signed}");
    assert_eq!(game.outcome(), Some(&Outcome::Armistice));
    let custody = s.issues.iter().position(|i| i.id == "custody").unwrap();
    let terms = &game.state.armistice.as_ref().unwrap().terms;
    assert_eq!(
        terms[custody], pkg[custody],
        "the armistice has the tabled terms"
    );
}

#[test]
fn the_same_proposal_before_moscow_changes_course_is_refused_for_its_limits() {
    let s = main_scenario();
    let pkg = well_judged(&s);
    let mut answers = Vec::new();
    play_un(
        &s,
        |g, id| g.historical_or_first(id).unwrap(),
        |g| {
            if answers.is_empty() && g.may_table() {
                let i = g.table(pkg.clone()).unwrap();
                answers = g.table_history()[i].answers.clone();
            }
        },
    );
    assert!(!answers.is_empty());
    for a in answers {
        assert!(
            matches!(a.reason, Reason::BeyondLimit { .. }),
            "{:?}",
            a.reason
        );
        assert!(a.reason.text(&s).starts_with("beyond our limit on"));
    }
}

/// The UN side tables its own ideal at every meeting, and at every decision takes an
/// option that moves none of its positions when there is one.
fn greedy_game(s: &Arc<Scenario>) -> Game {
    let un = role(s, "un");
    let ideal: Vec<Option<PosId>> = (0..s.issues.len())
        .map(|i| {
            s.stance(un, panmunjom_core::scenario::IssueId(i))
                .map(|st| st.position)
        })
        .collect();
    play_un(
        s,
        |g, id| {
            let d = s.entry(id).as_decision().unwrap();
            let open = g.open_options(id);
            open.iter()
                .copied()
                .find(|&o| {
                    o != d.historical
                        && !d.options[o].effects.iter().any(|e| {
                            matches!(e, panmunjom_core::scenario::Effect::Move(a, ..) if *a == un)
                        })
                })
                .unwrap_or_else(|| g.historical_or_first(id).unwrap())
        },
        |g| {
            if g.may_table() {
                let _ = g.table(ideal.clone());
            }
        },
    )
}

#[test]
fn a_greedy_proposal_is_refused_to_the_horizon() {
    let s = main_scenario();
    let game = greedy_game(&s);
    assert_eq!(game.outcome(), Some(&Outcome::NoArmistice));
    let un = role(&s, "un");
    let mine: Vec<_> = game
        .table_history()
        .iter()
        .filter(|t| t.author == un && t.historical.is_none())
        .collect();
    assert!(mine.len() > 5, "the greedy side tabled at many meetings");
    for t in mine {
        assert!(!t.agreed);
        assert!(
            t.answers
                .iter()
                .any(|a| matches!(a.reason, Reason::BeyondLimit { .. })),
            "refused for a limit: {:?}",
            t.answers
        );
    }
}

#[test]
fn a_record_with_table_moves_replays_the_same_table() {
    let s = main_scenario();
    let pkg = well_judged(&s);
    let mut done = false;
    let game = play_un(
        &s,
        |g, id| g.historical_or_first(id).unwrap(),
        |g| {
            if !done
                && g.may_table()
                && g.state.date >= chrono::NaiveDate::from_ymd_opt(1953, 4, 26).unwrap()
            {
                g.table(pkg.clone()).unwrap();
                done = true;
            }
        },
    );
    let json = Record::of(&game).to_json();
    assert!(json.contains("\"table\""), "{json}");
    let record = Record::parse("r.json", &json).unwrap();
    let again = record.replay("r.json", main_scenario()).unwrap();
    assert_eq!(again.table_history(), game.table_history());
    assert_eq!(again.state, game.state);
    assert_eq!(Record::of(&again), record);
}

#[test]
fn a_record_without_a_table_field_still_loads_and_passes_every_meeting() {
    let s = main_scenario();
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: role(&s, "prc"),
            policy: Policy::Historical,
            seed: 5,
        },
    );
    game.play_historical();
    let json = Record::of(&game).to_json();
    // A record from before the table: no `table` field at all.
    let old: String = json
        .lines()
        .filter(|l| !l.contains("\"table\""))
        .collect::<Vec<_>>()
        .join("\n");
    let record = Record::parse("old.json", &old).unwrap();
    let replayed = record.replay("old.json", main_scenario()).unwrap();
    assert!(replayed.is_finished());
    assert_eq!(
        replayed.state.armistice.as_ref().map(|a| a.date),
        Some(s.armistice.historical_date)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever the player tables, whenever: no side the computer plays accepts a
    /// position beyond its limit at that moment.
    #[test]
    fn no_agent_accepts_beyond_its_limits(
        role_index in 0usize..3,
        seed in any::<u64>(),
        picks in proptest::collection::vec(any::<u8>(), 8..64),
    ) {
        let s = main_scenario();
        let r = s.playable().nth(role_index).unwrap().0;
        let mut game = Game::new(Arc::clone(&s), Setup { role: r, policy: Policy::Adaptive, seed });
        let mut k = 0usize;
        let mut next = || { k += 1; picks[k % picks.len()] as usize };
        loop {
            match game.advance() {
                Progress::AwaitingChoice(id) => {
                    let open = game.open_options(id);
                    let pick = open[next() % open.len()];
                    game.choose(pick).unwrap();
                }
                Progress::AtTable(_) => {
                    let t: Vec<Option<PosId>> = (0..s.issues.len())
                        .map(|i| {
                            let n = s.issues[i].positions.len();
                            let x = next() % (n + 1);
                            (x < n).then_some(PosId(x))
                        })
                        .collect();
                    let before = game.state.clone();
                    if let Ok(i) = game.table(t) {
                        for tabled in &game.table_history()[i..] {
                            for a in &tabled.answers {
                                if a.actor == r || !a.reply.is_some_and(|x| x.accepts()) {
                                    continue;
                                }
                                prop_assert_eq!(
                                    agent::beyond_limit(&s, &before, a.actor, &tabled.terms),
                                    None,
                                    "{} accepted beyond its limit", s.actor(a.actor).id
                                );
                            }
                        }
                    }
                    let _ = game.pass();
                }
                Progress::Advanced | Progress::Finished => break,
            }
        }
        prop_assert!(game.is_finished());
    }
}
