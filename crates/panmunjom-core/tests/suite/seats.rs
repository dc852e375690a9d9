//! Several people at one table: seats, turns, moves refused out of turn, records with
//! several seats, and the per-role view that holds nothing of another side's secrets.

use std::sync::Arc;

use chrono::NaiveDate;
use panmunjom_core::compare::Debrief;
use panmunjom_core::engine::{
    ActError, Game, Happening, Move, Outcome, Policy, Progress, Seat, Setup, Waiting,
};
use panmunjom_core::record::Record;
use panmunjom_core::scenario::{ActorId, Entry, Scenario, Visibility, builtin};

use crate::common::main_scenario;

fn role(s: &Scenario, id: &str) -> ActorId {
    s.actor_by_id(id).expect("the role exists")
}

fn seat(role: ActorId, name: &str) -> Seat {
    Seat {
        role,
        name: (!name.is_empty()).then(|| name.to_string()),
    }
}

fn seated(s: &Arc<Scenario>, roles: &[ActorId], seed: u64) -> Game {
    Game::new(
        Arc::clone(s),
        Setup {
            role: roles[0],
            policy: Policy::Adaptive,
            seed,
        },
    )
    .with_seats(roles.iter().map(|&r| seat(r, "")))
}

/// Plays a seated game, every move made through [`Game::act`] for the seat whose turn
/// it is: at a decision the `k`th open option (cycling), at the table now and then a
/// package of positions, an answer, then a pass. Stops at `until` (if given) or the end.
/// Returns the turns in order (the role waited for, and whether at the table).
fn play_acting(game: &mut Game, k: usize, until: Option<NaiveDate>) -> Vec<(ActorId, bool)> {
    let s = Arc::clone(&game.scenario);
    let mut turns = Vec::new();
    let mut n = k;
    loop {
        if until.is_some_and(|d| game.state.date >= d) {
            return turns;
        }
        let progress = game.advance();
        let Some(who) = game.turn() else {
            assert_eq!(progress, Progress::Finished);
            return turns;
        };
        n = n.wrapping_mul(31).wrapping_add(7);
        match progress {
            Progress::AwaitingChoice(id) => {
                assert_eq!(
                    Some(who),
                    s.entry(id).as_decision().map(|d| d.role),
                    "a decision waits for its own role"
                );
                turns.push((who, false));
                let open = game.open_options(id);
                game.act(who, Move::Choose(open[n % open.len()])).unwrap();
            }
            Progress::AtTable(_) => {
                turns.push((who, true));
                if n.is_multiple_of(3) && game.may_table() {
                    let terms: Vec<_> = game.state.limits[who.0].clone();
                    let _ = game.act(who, Move::Table(terms));
                }
                if let Some(&o) = game.open_offers().first() {
                    let mv = if n.is_multiple_of(2) {
                        Move::Accept(o)
                    } else {
                        Move::Reject(o)
                    };
                    let _ = game.act(who, mv);
                }
                game.act(who, Move::Pass).unwrap();
            }
            other => panic!("waiting without a turn: {other:?}"),
        }
    }
}

#[test]
fn every_side_seated_and_playing_history_is_history() {
    for shipped in builtin::SHIPPED {
        let s = Arc::new(shipped.load().unwrap_or_else(|e| panic!("{}", e.render())));
        let roles: Vec<_> = s.playable().map(|(r, _)| r).collect();
        assert!(roles.len() >= 2, "{}: several playable roles", s.id);
        // One seat, the other sides by history's policy (an adaptive side may leave
        // history: since issue 13 §5 its choices can move the agreement).
        let mut one = Game::new(
            Arc::clone(&s),
            Setup {
                role: roles[0],
                policy: Policy::Historical,
                seed: 7,
            },
        )
        .with_seats([seat(roles[0], "")]);
        one.play_historical();
        let mut all = seated(&s, &roles, 7);
        all.play_historical();
        assert_eq!(all.outcome(), one.outcome(), "{}", s.id);
        assert_eq!(
            all.state
                .armistice
                .as_ref()
                .map(|a| (a.date, a.terms.clone())),
            one.state
                .armistice
                .as_ref()
                .map(|a| (a.date, a.terms.clone())),
            "{}: the same agreement on the same day",
            s.id
        );
        for (i, entry) in s.timeline.iter().enumerate() {
            if let Entry::Event(e) = entry {
                assert_eq!(all.state.fired[i], !e.counterfactual, "{}: {}", s.id, e.id);
            }
            if let Entry::Decision(d) = entry {
                assert_eq!(all.state.chosen[i], d.historical, "{}: {}", s.id, d.id);
            }
        }
        assert_eq!(Debrief::new(&all).divergence.total, 0, "{}", s.id);
        // Every seat decided its own decisions itself.
        let by_people = all
            .log
            .iter()
            .filter(|l| {
                matches!(
                    l.happening,
                    Happening::Decided {
                        by: panmunjom_core::engine::Decider::Player,
                        ..
                    }
                )
            })
            .count();
        let decisions_of_seats = s
            .timeline
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                e.as_decision().is_some_and(|d| roles.contains(&d.role))
                    && all.state.chosen[*i].is_some()
            })
            .count();
        assert_eq!(by_people, decisions_of_seats, "{}", s.id);
    }
}

#[test]
fn turns_pass_between_seats_in_actor_order_whatever_order_they_were_listed_in() {
    let s = main_scenario();
    let (un, prc) = (role(&s, "un"), role(&s, "prc"));
    for seed in [1, 2, 3] {
        let mut a = seated(&s, &[un, prc], seed);
        let mut b = seated(&s, &[prc, un], seed);
        assert_eq!(a.seats(), b.seats(), "seats are kept in actor order");
        let ta = play_acting(&mut a, 5, None);
        let tb = play_acting(&mut b, 5, None);
        assert_eq!(ta, tb, "the listing order does not change the game");
        assert_eq!(
            a.log.iter().map(|l| &l.happening).collect::<Vec<_>>(),
            b.log.iter().map(|l| &l.happening).collect::<Vec<_>>()
        );
        assert!(ta.iter().any(|t| t.0 == un) && ta.iter().any(|t| t.0 == prc));
        // Both seats sit at the plenary: somewhere, one's table turn follows the other's
        // at the same meeting; and at a meeting the lower actor index goes first.
        assert!(
            ta.windows(2).any(|w| w[0].1 && w[1].1 && w[0].0 != w[1].0),
            "seed {seed}: a meeting with two seats' turns"
        );
    }
}

#[test]
fn a_move_for_another_seat_or_out_of_turn_is_refused_and_changes_nothing() {
    let s = main_scenario();
    let (un, prc, dprk) = (role(&s, "un"), role(&s, "prc"), role(&s, "dprk"));
    let mut game = seated(&s, &[un, prc], 3);
    let mut checked_table = false;
    let mut checked_decision = false;
    while !(checked_table && checked_decision) {
        let progress = game.advance();
        let who = game.turn().expect("the game waits for someone");
        let other = if who == un { prc } else { un };
        let before = (
            game.log.len(),
            Record::of(&game),
            game.table_history().len(),
        );
        assert_eq!(
            game.act(other, Move::Pass),
            Err(ActError::NotYourTurn {
                role: other,
                turn: Some(who)
            })
        );
        assert_eq!(
            game.act(other, Move::Choose(0)),
            Err(ActError::NotYourTurn {
                role: other,
                turn: Some(who)
            })
        );
        assert_eq!(game.act(dprk, Move::Pass), Err(ActError::NotSeated(dprk)));
        match progress {
            Progress::AwaitingChoice(_) => {
                assert_eq!(game.act(who, Move::Pass), Err(ActError::NotAtTable));
                assert!(matches!(
                    game.act(who, Move::Choose(99)),
                    Err(ActError::Choice(_))
                ));
                checked_decision = true;
            }
            Progress::AtTable(_) => {
                assert_eq!(game.act(who, Move::Choose(0)), Err(ActError::NotAtDecision));
                assert!(matches!(
                    game.act(who, Move::Accept(9999)),
                    Err(ActError::Table(_))
                ));
                assert!(matches!(
                    game.act(who, Move::Table(vec![None])),
                    Err(ActError::Table(_))
                ));
                checked_table = true;
            }
            other => panic!("{other:?}"),
        }
        let after = (
            game.log.len(),
            Record::of(&game),
            game.table_history().len(),
        );
        assert_eq!(before, after, "a refused move changes nothing");
        match progress {
            Progress::AwaitingChoice(id) => {
                let o = game.historical_or_first(id).unwrap();
                game.act(who, Move::Choose(o)).unwrap();
            }
            _ => game.act(who, Move::Pass).unwrap(),
        }
    }
    // Once over, nobody may move.
    let mut done = seated(&s, &[un, prc], 3);
    done.play_historical();
    assert_eq!(done.turn(), None);
    assert_eq!(
        done.act(un, Move::Pass),
        Err(ActError::NotYourTurn {
            role: un,
            turn: None
        })
    );
}

#[test]
fn records_with_several_seats_replay_identically() {
    let s = main_scenario();
    let (un, ussr, prc) = (role(&s, "un"), role(&s, "ussr"), role(&s, "prc"));
    for seed in [11, 12] {
        let mut game = Game::new(
            Arc::clone(&s),
            Setup {
                role: prc,
                policy: Policy::Adaptive,
                seed,
            },
        )
        .with_seats([
            seat(un, "Table 4, UN"),
            seat(prc, "Table 4, China"),
            seat(ussr, ""),
        ]);
        play_acting(&mut game, seed as usize, None);
        let record = Record::of(&game);
        assert_eq!(record.role, "prc");
        let roles: Vec<_> = record.seats.iter().map(|x| x.role.as_str()).collect();
        assert_eq!(roles, ["un", "ussr", "prc"], "seats in actor order");
        assert_eq!(record.seats[0].name.as_deref(), Some("Table 4, UN"));
        assert_eq!(record.seats[1].name, None);
        assert!(!record.table.is_empty(), "seed {seed}: moves at the table");
        assert!(
            record.table.iter().any(|m| m.role.as_deref() == Some("un"))
                && record
                    .table
                    .iter()
                    .any(|m| m.role.as_deref() == Some("prc")),
            "seed {seed}: two seats moved at the table"
        );
        assert!(
            record.table.iter().all(|m| m.role.is_some()),
            "each table move names its seat"
        );
        let json = record.to_json();
        let parsed = Record::parse("hot.json", &json).unwrap();
        assert_eq!(parsed, record);
        let replayed = parsed.replay("hot.json", Arc::clone(&s)).unwrap();
        assert_eq!(
            replayed
                .log
                .iter()
                .map(|l| (&l.date, &l.happening))
                .collect::<Vec<_>>(),
            game.log
                .iter()
                .map(|l| (&l.date, &l.happening))
                .collect::<Vec<_>>(),
            "seed {seed}"
        );
        assert_eq!(replayed.table_history(), game.table_history());
        assert_eq!(Record::of(&replayed).to_json(), json);
        assert_eq!(replayed.seats(), game.seats());
    }
}

#[test]
fn a_record_with_one_role_is_written_and_read_as_before() {
    let s = main_scenario();
    let un = role(&s, "un");
    let mut game = seated(&s, &[un], 5);
    play_acting(&mut game, 2, None);
    let json = Record::named(&game, "Alice").to_json();
    assert!(!json.contains("\"seats\""), "{json}");
    assert!(
        !json.contains("\"role\": \"un\",\n      "),
        "no role on table moves"
    );
    // An old record: `role` only.
    let old = format!(
        r#"{{"format":"panmunjom-record","version":1,"scenario":{{"id":"{}","hash":"{}"}},"role":"prc","policy":"historical","seed":4,"choices":[],"name":"Bob"}}"#,
        s.id, s.hash
    );
    let game = Record::parse("old.json", &old)
        .unwrap()
        .replay("old.json", Arc::clone(&s))
        .unwrap();
    assert_eq!(game.seats(), [seat(role(&s, "prc"), "Bob")]);
    assert_eq!(game.turn(), Some(role(&s, "prc")));
}

#[test]
fn a_record_whose_seats_do_not_fit_is_refused_with_the_seat_named() {
    let s = main_scenario();
    let mut game = seated(&s, &[role(&s, "un"), role(&s, "prc")], 5);
    game.play_historical();
    let good = Record::of(&game);
    let mut bad = good.clone();
    bad.seats[1].role = "dprk".into();
    let e = bad.replay("bad.json", Arc::clone(&s)).unwrap_err().render();
    assert!(e.contains("seat 2") && e.contains("dprk"), "{e}");
    let mut twice = good.clone();
    twice.seats[1].role = "un".into();
    let e = twice
        .replay("bad.json", Arc::clone(&s))
        .unwrap_err()
        .render();
    assert!(e.contains("two seats"), "{e}");
    let mut outside = good;
    outside.role = "ussr".into();
    let e = outside
        .replay("bad.json", Arc::clone(&s))
        .unwrap_err()
        .render();
    assert!(e.contains("not among the record's seats"), "{e}");
}

/// For a hot-seat game stopped at several moments, each side's view holds nothing that
/// is private to another: only events it knew of at once, reports delivered to it, its
/// own decisions, its own limits, proposals of sessions it sits at, and the waiting
/// move only on its own turn.
#[test]
fn a_sides_view_holds_nothing_private_to_another_side() {
    let s = main_scenario();
    let seats = [role(&s, "un"), role(&s, "prc")];
    let mut hidden_somewhere = [false; 2];
    for until in ["1952-06-01", "1952-12-20", "1953-04-15", "1953-08-30"] {
        let until = NaiveDate::parse_from_str(until, "%Y-%m-%d").unwrap();
        let mut game = seated(&s, &seats, 9);
        play_acting(&mut game, 4, Some(until));
        game.advance();
        for (k, &r) in seats.iter().enumerate() {
            let v = game.view(r);
            assert_eq!(v.role, r);
            for line in &v.lines {
                match &line.happening {
                    Happening::Fired(id) => {
                        let e = s.entry(*id).as_event().unwrap();
                        assert!(
                            e.visibility.known_at_once_to(r),
                            "{}: {}",
                            s.actor(r).id,
                            e.id
                        );
                    }
                    Happening::Report { to, .. } => assert_eq!(*to, r),
                    Happening::Decided { entry, .. } => {
                        assert_eq!(s.entry(*entry).as_decision().unwrap().role, r)
                    }
                    Happening::Armistice => {}
                    Happening::Tabled(i) => {
                        let t = &game.table_history()[*i];
                        assert!(
                            t.author == r || s.session(t.session).seated.contains(&r),
                            "{} learns of a proposal at a session it does not sit at",
                            s.actor(r).id
                        );
                    }
                    other => panic!("{other:?} is not something a side learns"),
                }
            }
            // What the view leaves out: another side's private events, reports to
            // others, others' decisions (and undelivered reports are not in the log).
            let total_private_elsewhere = game
                .log
                .iter()
                .filter(|l| match &l.happening {
                    Happening::Fired(id) => s.entry(*id).as_event().is_some_and(|e| {
                        !matches!(e.visibility, Visibility::Public)
                            && !e.visibility.known_at_once_to(r)
                    }),
                    Happening::Report { to, .. } => *to != r,
                    _ => false,
                })
                .count();
            hidden_somewhere[k] |= total_private_elsewhere > 0;
            assert!(
                v.reports
                    .iter()
                    .all(|i| v.lines.iter().any(|l| l.index == *i))
            );
            assert!(
                v.private
                    .iter()
                    .all(|i| v.lines.iter().any(|l| l.index == *i))
            );
            assert_eq!(v.limits, game.state.limits[r.0], "its own limits");
            for (a, lim) in v.known_limits.iter().enumerate() {
                if a != r.0 {
                    assert_eq!(lim, &game.known_limits_of(r)[a]);
                }
            }
            for (_, t) in &v.table {
                assert!(t.author == r || s.session(t.session).seated.contains(&r));
            }
            assert_eq!(
                v.waiting.is_some(),
                game.turn() == Some(r),
                "waiting only on its turn"
            );
            if let Some(Waiting::Decision { entry, .. }) = &v.waiting {
                assert_eq!(s.entry(*entry).as_decision().unwrap().role, r);
            }
            let json = serde_json::to_string(&v).unwrap();
            let back: panmunjom_core::engine::RoleView = serde_json::from_str(&json).unwrap();
            assert_eq!(back, v, "a view goes over the wire whole");
        }
        if game.outcome().is_some() {
            assert!(matches!(
                game.outcome(),
                Some(Outcome::Armistice | Outcome::NoArmistice | Outcome::Ended(_))
            ));
        }
    }
    assert!(
        hidden_somewhere.iter().all(|&h| h),
        "each side has something hidden from it in this game: the test is not empty"
    );
    // The two sides' limits differ somewhere, and neither view shows the other's own.
    let mut game = seated(&s, &seats, 9);
    play_acting(
        &mut game,
        4,
        Some(NaiveDate::from_ymd_opt(1952, 6, 1).unwrap()),
    );
    let (vu, vp) = (game.view(seats[0]), game.view(seats[1]));
    assert_ne!(vu.limits, vp.limits);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Any seats, seed and moves: the record replays to the same game, and the game is
    /// the same whatever order the seats were listed in.
    #[test]
    fn any_seated_game_replays_identically(seed in 0u64..10_000, mask in 1u8..8, k in 0usize..1000) {
        let s = main_scenario();
        let roles: Vec<ActorId> = s
            .playable()
            .map(|(r, _)| r)
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, r)| r)
            .collect();
        let mut game = seated(&s, &roles, seed);
        play_acting(&mut game, k, None);
        let mut reversed: Vec<ActorId> = roles.clone();
        reversed.reverse();
        let mut other = seated(&s, &reversed, seed);
        play_acting(&mut other, k, None);
        proptest::prop_assert_eq!(
            game.log.iter().map(|l| &l.happening).collect::<Vec<_>>(),
            other.log.iter().map(|l| &l.happening).collect::<Vec<_>>()
        );
        let json = Record::of(&game).to_json();
        let again = Record::parse("p.json", &json)
            .unwrap()
            .replay("p.json", Arc::clone(&s))
            .unwrap();
        proptest::prop_assert_eq!(
            again.log.iter().map(|l| (&l.date, &l.happening)).collect::<Vec<_>>(),
            game.log.iter().map(|l| (&l.date, &l.happening)).collect::<Vec<_>>()
        );
        proptest::prop_assert_eq!(Record::of(&again).to_json(), json);
    }
}

#[test]
fn the_debrief_and_class_report_of_a_game_with_several_seats_name_every_seat() {
    use panmunjom_core::class::ClassReport;
    use panmunjom_core::report;
    let s = main_scenario();
    let (un, ussr, prc) = (role(&s, "un"), role(&s, "ussr"), role(&s, "prc"));
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role: un,
            policy: Policy::Adaptive,
            seed: 11,
        },
    )
    .with_seats([seat(un, "Ann"), seat(prc, "Table 4, China"), seat(ussr, "")]);
    play_acting(&mut game, 11, None);
    let record = Record::of(&game);
    let replayed = record.replay("hot.json", Arc::clone(&s)).unwrap();
    let d = Debrief::new(&replayed);
    let roles: Vec<&str> = d.seats.iter().map(|x| x.role.as_str()).collect();
    assert_eq!(roles, ["un", "ussr", "prc"], "every seat, in actor order");
    for (seat_debrief, r) in d.seats.iter().zip([un, ussr, prc]) {
        let chosen = game
            .choices
            .iter()
            .filter(|(e, _)| s.entry(*e).as_decision().is_some_and(|x| x.role == r))
            .count();
        assert_eq!(
            seat_debrief.choices.len(),
            chosen,
            "{}: its decisions",
            seat_debrief.role
        );
        let moved = game.table_moves().iter().filter(|m| m.role == r).count();
        assert_eq!(
            seat_debrief.moves.len(),
            moved,
            "{}: its moves",
            seat_debrief.role
        );
        let objectives = s.objectives.iter().filter(|o| o.role == r).count();
        assert_eq!(seat_debrief.objectives.len(), objectives);
    }
    assert!(
        d.seats.iter().filter(|x| !x.moves.is_empty()).count() >= 2,
        "two seats moved at the table"
    );
    let text = report::debrief_text::render(&d);
    let md = report::debrief_md::render(&d);
    let html = report::html::debrief(&d);
    let json = serde_json::to_string(&d).unwrap();
    for out in [&text, &md, &html, &json] {
        assert!(out.contains("Ann"), "the UN seat's person");
        assert!(out.contains("Table 4, China"), "the Chinese seat's person");
        for r in [un, ussr, prc] {
            assert!(out.contains(&s.actor(r).name), "{}", s.actor(r).name);
        }
    }
    let un_move = &d.seats[0].moves[0];
    assert!(text.contains(&un_move.text) && md.contains(&un_move.text));
    assert!(text.contains("EVERY DELEGATION") && md.contains("## Every delegation"));

    // The class report's row lists the seats.
    let report = ClassReport::build(vec![("t4.json".into(), record)], std::slice::from_ref(&s));
    let row = &report.groups[0].games[0];
    assert_eq!(row.seats.len(), 3);
    let line = row.roles_text();
    assert!(
        line.contains("Ann (") && line.contains("Table 4, China ("),
        "{line}"
    );
    assert!(report::class_md::render(&report).contains(&line));
    assert!(report::class_text::render(&report).contains("Table 4, China"));

    // One seat: no seats section, the role as before.
    let mut alone = seated(&s, &[un], 5);
    play_acting(&mut alone, 2, None);
    let d = Debrief::new(&alone);
    assert!(d.seats.is_empty());
    let json = serde_json::to_value(&d).unwrap();
    assert!(
        json.get("seats").is_none(),
        "one seat: no `seats` in the JSON"
    );
    assert!(!report::debrief_text::render(&d).contains("EVERY DELEGATION"));
}

/// What a resumed game must equal: date, whose turn, the meeting, the moves, the passes,
/// the log and the table.
fn standing(game: &Game) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        game.state.date,
        game.turn(),
        game.at_table(),
        game.pending(),
        game.choices.clone(),
        game.table_moves().len(),
        game.passes(),
        game.log
            .iter()
            .map(|l| (l.date, l.happening.clone()))
            .collect::<Vec<_>>(),
        game.table_history().to_vec(),
    )
}

#[test]
fn a_record_made_at_a_meeting_turn_replays_to_that_very_turn() {
    let s = main_scenario();
    let (un, ussr, prc) = (role(&s, "un"), role(&s, "ussr"), role(&s, "prc"));
    let mut game = seated(&s, &[un, ussr, prc], 21);
    let (mut checked, mut after_a_move) = (0, 0);
    let mut n = 3usize;
    for _ in 0..100_000 {
        let progress = game.advance();
        let Some(who) = game.turn() else { break };
        n = n.wrapping_mul(31).wrapping_add(7);
        if let Progress::AtTable(_) = progress {
            // Recorded at this turn (and again after a move in it): the replay stands
            // exactly here, with the same passes behind it.
            let record = Record::parse("t.json", &Record::of(&game).to_json()).unwrap();
            assert!(record.waiting.is_some(), "the waiting turn is recorded");
            let resumed = record.replay("t.json", Arc::clone(&s)).unwrap();
            assert_eq!(
                standing(&resumed),
                standing(&game),
                "at {}",
                game.state.date
            );
            checked += 1;
            if n.is_multiple_of(3) && game.may_table() {
                let terms: Vec<_> = game.state.limits[who.0].clone();
                if game.act(who, Move::Table(terms)).is_ok() {
                    let record = Record::of(&game);
                    let resumed = record.replay("t.json", Arc::clone(&s)).unwrap();
                    assert_eq!(standing(&resumed), standing(&game));
                    after_a_move += 1;
                }
            }
            game.act(who, Move::Pass).unwrap();
        } else {
            let Some(id) = game.pending() else { break };
            assert!(Record::of(&game).waiting.is_none(), "at a decision: none");
            let open = game.open_options(id);
            game.act(who, Move::Choose(open[n % open.len()])).unwrap();
        }
    }
    assert!(game.is_finished(), "the game was played to its end");
    assert!(Record::of(&game).waiting.is_none(), "a finished game: none");
    assert!(
        checked > 3,
        "several meeting turns were checked ({checked})"
    );
    assert!(after_a_move > 0, "and a turn after a move in it");

    // An older record (no `waiting`) of a game at a meeting replays as it always did:
    // every meeting after the last move passed, on to the next decision.
    let mut game = seated(&s, &[un, ussr, prc], 21);
    while !matches!(game.advance(), Progress::AtTable(_)) {
        let who = game.turn().expect("a turn before the first meeting");
        let id = game.pending().expect("a decision");
        let open = game.open_options(id);
        game.act(who, Move::Choose(open[0])).unwrap();
    }
    let mut old = Record::of(&game);
    old.waiting = None;
    let json = old.to_json();
    assert!(!json.contains("waiting"), "{json}");
    let resumed = Record::parse("old.json", &json)
        .unwrap()
        .replay("old.json", Arc::clone(&s))
        .unwrap();
    assert!(resumed.pending().is_some() && resumed.at_table().is_none());
    let mut passing = game.clone();
    passing.advance_passing();
    assert_eq!(standing(&resumed), standing(&passing));

    // A waiting turn the replay never reaches (a hand-edited record) is named.
    let mut bad = Record::of(&game);
    if let Some(w) = &mut bad.waiting {
        w.date = "1952-01-01".into();
    }
    let err = bad
        .replay("bad.json", Arc::clone(&s))
        .expect_err("a turn never reached")
        .render();
    assert!(err.contains("waiting") && err.contains("bad.json"), "{err}");
}
