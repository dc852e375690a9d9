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
    // Once the terms were agreed, history's later proposals (the UN's of 13 and 25 May,
    // still taken as decisions) are not tabled, nor are they moves of this game's dance.
    let agreed = tabled_on.unwrap();
    assert!(
        game.table_history().iter().all(|t| t.date <= agreed),
        "{:?}",
        game.table_history()
            .iter()
            .map(|t| t.date)
            .collect::<Vec<_>>()
    );
    let d = panmunjom_core::compare::Debrief::new(&game);
    let un = d
        .table
        .unwrap()
        .dances
        .into_iter()
        .find(|d| d.actor == "un")
        .unwrap();
    assert!(
        un.game.moves.iter().all(|m| m.date <= agreed),
        "{:?}",
        un.game.moves
    );
    assert!(
        un.history.moves.iter().any(|m| m.date > agreed),
        "history's dance goes on"
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
                    Some(o) != d.historical
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

/// The frontiers of the reference state, against a brute-force count: every deal
/// compared with every other.
#[test]
fn both_frontiers_match_a_brute_force_count() {
    use panmunjom_core::bargain;
    use std::collections::BTreeSet;
    let s = main_scenario();
    let g = bargain::walk_to(Arc::clone(&s), s.armistice.historical_terms_date);
    let a = bargain::analyze(&s, &g.state).unwrap();
    let m = &a.model;
    let all: Vec<(u64, Vec<i64>)> = (0..m.size())
        .map(|i| (i, a.party_utilities(&m.decode(i))))
        .collect();
    let dominated = |u: &Vec<i64>, among: &[&(u64, Vec<i64>)]| {
        among
            .iter()
            .any(|(_, v)| v.iter().zip(u).all(|(x, y)| x >= y) && v != u)
    };
    let everyone: Vec<&(u64, Vec<i64>)> = all.iter().collect();
    let full: BTreeSet<Vec<i64>> = all
        .iter()
        .filter(|(_, u)| !dominated(u, &everyone))
        .map(|(_, u)| u.clone())
        .collect();
    let fast_full: BTreeSet<Vec<i64>> = a
        .frontier
        .iter()
        .map(|&i| a.party_utilities(&m.decode(i)))
        .collect();
    assert_eq!(full, fast_full, "the full frontier's utility points");
    let rational: Vec<&(u64, Vec<i64>)> = all
        .iter()
        .filter(|(i, _)| bargain::is_rational(m, &m.decode(*i)))
        .collect();
    let slow: Vec<u64> = rational
        .iter()
        .filter(|(_, u)| !dominated(u, &rational))
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(
        slow,
        bargain::rational_frontier(m),
        "the rational frontier's deals"
    );
    // What a teacher reads: the full frontier misses the zone, the rational one is small.
    let points: BTreeSet<Vec<i64>> = slow
        .iter()
        .map(|&i| a.party_utilities(&m.decode(i)))
        .collect();
    assert!(points.len() < full.len());
    eprintln!(
        "full frontier: {} points ({} deals listed); rational frontier: {} deals, {} points; zone {}",
        full.len(),
        a.frontier.len(),
        slow.len(),
        points.len(),
        a.zone.len()
    );
}

/// The move classes on hand-worked cases, from the paper's definitions.
#[test]
fn dance_classes_follow_the_definitions() {
    use panmunjom_core::compare::table::{MoveClass::*, classify};
    // (own change, opponent change) → class
    let cases = [
        ((0, 0), Silent),
        ((0, 3), Nice),
        ((2, 2), Fortunate),
        ((2, 0), Selfish),
        ((1, -4), Selfish),
        ((-3, 2), Concession),
        ((-2, 0), Concession),
        ((-1, -1), Unfortunate),
        ((0, -2), Unfortunate),
    ];
    for ((own, other), want) in cases {
        assert_eq!(classify(own, other), want, "({own}, {other})");
    }
}

#[test]
fn in_history_the_final_un_proposal_is_a_concession_to_peking() {
    use panmunjom_core::compare::{Debrief, table::MoveClass};
    let s = main_scenario();
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: role(&s, "prc"),
            policy: Policy::Historical,
            seed: 1,
        },
    );
    game.play_historical();
    let d = Debrief::new(&game);
    let t = d.table.expect("the scenario has sessions");
    let un = t.dances.iter().find(|d| d.actor == "un").unwrap();
    assert_eq!(un.opponent, "People's Republic of China");
    let final_move = un
        .history
        .moves
        .iter()
        .find(|m| m.label == "Harrison's final proposal")
        .unwrap();
    assert_eq!(
        final_move.class,
        Some(MoveClass::Concession),
        "{final_move:?}"
    );
    assert!(final_move.own < un.history.moves[0].own);
}

#[test]
fn the_debrief_explains_an_early_armistice_and_a_greedy_refusal() {
    use panmunjom_core::compare::Debrief;
    use panmunjom_core::report;
    let s = main_scenario();
    let pkg = well_judged(&s);
    let mut done = false;
    let early = play_un(
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
    let text = report::debrief_text::render(&Debrief::new(&early));
    assert!(text.contains("was accepted by every party"), "{text}");
    assert!(
        text.contains("days before the historical signing"),
        "{text}"
    );
    let greedy = greedy_game(&s);
    let d = Debrief::new(&greedy);
    let text = report::debrief_text::render(&d);
    assert!(text.contains("beyond our limit on"), "{text}");
    assert!(
        text.contains("No armistice was signed by the horizon"),
        "{text}"
    );
    let md = report::debrief_md::render(&d);
    assert!(md.contains("## The negotiation dance"), "{md}");
    let json = report::json(&d);
    assert!(json.contains("\"dances\""));
}

#[test]
fn the_un_side_learns_no_communist_limit_from_a_private_resolution() {
    let s = main_scenario();
    let un = role(&s, "un");
    let prc = role(&s, "prc");
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: un,
            policy: Policy::Historical,
            seed: 2,
        },
    );
    game.play_historical();
    let known = game.known_limits();
    // The council resolution of 19 March 1953 moved Peking's limits, privately.
    assert!(
        known[prc.0].iter().all(Option::is_none),
        "{:?}",
        known[prc.0]
    );
    assert_eq!(known[un.0], game.state.limits[un.0]);
    // Peking itself knows it.
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: prc,
            policy: Policy::Historical,
            seed: 2,
        },
    );
    game.play_historical();
    let ussr = role(&s, "ussr");
    assert!(game.known_limits()[ussr.0].iter().any(Option::is_some));
}

#[test]
fn an_offer_left_unanswered_lapses_with_its_meeting() {
    let s = main_scenario();
    let mut seen_lapsed = false;
    play_un(
        &s,
        |g, id| g.historical_or_first(id).unwrap(),
        |g| {
            // Every offer open now was tabled at this meeting's session, since the
            // player last left a meeting of it.
            let m = s.meeting(g.at_table().unwrap());
            for i in g.open_offers() {
                assert_eq!(g.table_history()[i].session, m.session);
            }
            seen_lapsed |= g.table_history().iter().any(|t| t.lapsed);
        },
    );
    assert!(seen_lapsed);
}

/// The time-dependent strategies reach terms every party accepts before history's
/// signing: the conceder early, the boulware late (both on several game seeds).
#[test]
fn conceder_and_boulware_agree_at_the_table_before_27_july_the_conceder_first() {
    use panmunjom_core::explore::{Config, Strategy, strategy::play_strategy};
    let s = main_scenario();
    let cfg = Config {
        role: role(&s, "un"),
        runs: 1,
        policy: Policy::Historical,
        seed: 1,
        vary: None,
        threads: 1,
    };
    let agreed_on = |strategy: Strategy| -> Vec<chrono::NaiveDate> {
        (0..4)
            .map(|i| {
                let g = play_strategy(&s, &cfg, strategy, i, false);
                g.table_history()
                    .iter()
                    .find(|t| t.agreed)
                    .map(|t| t.date)
                    .unwrap_or_else(|| panic!("{}: game {i} agreed nothing", strategy.name()))
            })
            .collect()
    };
    let conceder = agreed_on(Strategy::Conceder);
    let boulware = agreed_on(Strategy::Boulware);
    let history = s.armistice.historical_date;
    for d in conceder.iter().chain(&boulware) {
        assert!(*d < history, "agreed on {d}, not before {history}");
    }
    assert!(
        conceder.iter().max() < boulware.iter().min(),
        "conceder {conceder:?}, boulware {boulware:?}"
    );
}

/// Offers are part of the game's story: every historical proposal is a step of the
/// historical replay (with its sources), and the player's side sees its own packages
/// and the counter-proposals to them in its log (the window's timeline and journal).
#[test]
fn proposals_are_in_the_log_and_the_replay() {
    use panmunjom_core::engine::Happening;
    let s = main_scenario();
    let steps = panmunjom_core::replay::replay(Arc::clone(&s), None);
    for p in &s.proposals {
        let st = steps
            .iter()
            .find(|st| st.kind == "proposal" && st.id.as_deref() == Some(p.id.as_str()))
            .unwrap_or_else(|| panic!("{} is not in the replay", p.id));
        assert_eq!(st.date, p.date, "{}", p.id);
        assert!(st.text.contains("Terms:"), "{}", st.text);
        assert!(!st.sources.is_empty(), "{}", p.id);
    }
    let game = greedy_game(&s);
    let un = role(&s, "un");
    let seen: Vec<usize> = game
        .log
        .iter()
        .filter(|l| game.player_sees(l))
        .filter_map(|l| match l.happening {
            Happening::Tabled(i) => Some(i),
            _ => None,
        })
        .collect();
    let mine: Vec<usize> = game
        .table_history()
        .iter()
        .enumerate()
        .filter(|(_, t)| t.author == un || t.counter_to.is_some())
        .map(|(i, _)| i)
        .collect();
    assert!(mine.len() > 5);
    for i in mine {
        assert!(seen.contains(&i), "offer {i} not seen by the UN side");
    }
}
