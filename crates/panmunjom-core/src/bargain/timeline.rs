//! When the zone of agreement opens: the analysis along a game's path.
//!
//! A game is replayed entry by entry (the historical path, or a game's own choices);
//! after every entry that moves a limit, the zone's size is taken again. The zone's
//! size needs no enumeration (the product of the per-issue common ranges), so the
//! whole walk costs about one game.

use std::sync::Arc;

use chrono::NaiveDate;

use super::Model;
use crate::engine::{Game, Policy, Progress, Setup};
use crate::scenario::{ActorId, EntryId, IssueId, Scenario};

/// The zone after one limit-moving entry (or at the start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    /// The entry that moved limits (None: the start).
    pub entry: Option<EntryId>,
    /// Deals in the zone of agreement after it.
    pub zone_size: u64,
    /// The issues on which no position is acceptable to every party.
    pub blocking: Vec<IssueId>,
}

/// The zone of agreement along a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub points: Vec<Point>,
    /// The first date the zone is not empty (the start if it never was).
    pub opened: Option<NaiveDate>,
    /// The entries that moved limits on that date, up to the point the zone opened.
    pub opened_by: Vec<EntryId>,
}

/// The setup of the historical path.
pub fn historical_setup(s: &Scenario) -> Setup {
    let role = s.playable().next().map_or(ActorId(0), |(a, _)| a);
    Setup {
        role,
        policy: Policy::Historical,
        seed: 0,
    }
}

/// Replays a game from `setup` with the player's `choices` (None: the historical
/// option everywhere), processing every entry dated up to `until` (None: to the end).
/// `on_entry` is called after each entry the walk processed. Stops early if the
/// choices run out.
pub fn walk(
    s: Arc<Scenario>,
    setup: Setup,
    choices: Option<&[(EntryId, usize)]>,
    until: Option<NaiveDate>,
    on_entry: impl FnMut(&Game, EntryId),
) -> Game {
    walk_moves(s, setup, choices, &[], until, on_entry)
}

/// [`walk`], making the player's `moves` at the table at their meetings.
pub fn walk_moves(
    s: Arc<Scenario>,
    setup: Setup,
    choices: Option<&[(EntryId, usize)]>,
    moves: &[crate::engine::TableMove],
    until: Option<NaiveDate>,
    mut on_entry: impl FnMut(&Game, EntryId),
) -> Game {
    use crate::engine::TableAction;
    let mut game = Game::new(Arc::clone(&s), setup);
    let mut next_choice = 0;
    loop {
        let cursor = game.cursor();
        if let (Some(until), Some(e)) = (until, s.timeline.get(cursor))
            && e.date() > until
            && game.pending().is_none()
        {
            break;
        }
        match game.step() {
            Progress::Finished => break,
            Progress::Advanced => on_entry(&game, EntryId(cursor)),
            Progress::AtTable(m) => {
                if choices.is_none() {
                    for p in game.historical_here() {
                        let _ = game.table_historical(p);
                    }
                }
                for mv in moves.iter().filter(|mv| mv.meeting == m) {
                    let _ = match &mv.action {
                        TableAction::Table(t) => game.table(t.clone()).map(|_| ()),
                        TableAction::Historical(p) => game.table_historical(*p).map(|_| ()),
                        TableAction::Accept(i) => game.accept(*i),
                        TableAction::Reject(i) => game.reject(*i),
                    };
                }
                let _ = game.pass();
            }
            Progress::AwaitingChoice(id) => {
                let pick = match choices {
                    None => game.historical_or_first(id),
                    Some(list) => {
                        let c = list.get(next_choice).filter(|c| c.0 == id).map(|c| c.1);
                        next_choice += 1;
                        c
                    }
                };
                let Some(pick) = pick else { break };
                if game.choose(pick).is_err() {
                    break;
                }
                on_entry(&game, id);
            }
        }
    }
    game
}

/// The historical path up to and including the entries dated `date`.
pub fn walk_to(s: Arc<Scenario>, date: NaiveDate) -> Game {
    let setup = historical_setup(&s);
    walk(s, setup, None, Some(date), |_, _| {})
}

/// The zone of agreement along a path (see [`walk`] for the arguments).
pub fn timeline(s: Arc<Scenario>, setup: Setup, choices: Option<&[(EntryId, usize)]>) -> Timeline {
    timeline_moves(s, setup, choices, &[])
}

/// The zone of agreement along a game's own path: its choices and its table moves.
pub fn timeline_of(game: &Game) -> Timeline {
    timeline_moves(
        Arc::clone(&game.scenario),
        game.setup.clone(),
        Some(&game.choices),
        game.table_moves(),
    )
}

fn timeline_moves(
    s: Arc<Scenario>,
    setup: Setup,
    choices: Option<&[(EntryId, usize)]>,
    moves: &[crate::engine::TableMove],
) -> Timeline {
    let start_game = Game::new(Arc::clone(&s), setup.clone());
    let point = |game: &Game, entry: Option<EntryId>| {
        let m = Model::new(&game.scenario, &game.state);
        let ranges = m.common_ranges();
        Point {
            date: entry.map_or(game.scenario.start, |e| game.scenario.entry(e).date()),
            entry,
            zone_size: m.zone_size(),
            blocking: ranges
                .iter()
                .enumerate()
                .filter(|(_, r)| r.is_none())
                .map(|(i, _)| IssueId(i))
                .collect(),
        }
    };
    let mut points = vec![point(&start_game, None)];
    let mut limits = start_game.state.limits.clone();
    walk_moves(
        Arc::clone(&s),
        setup,
        choices,
        moves,
        None,
        |game, entry| {
            if game.state.limits != limits {
                limits.clone_from(&game.state.limits);
                points.push(point(game, Some(entry)));
            }
        },
    );
    let opened_at = points.iter().position(|p| p.zone_size > 0);
    let (opened, opened_by) = match opened_at {
        None => (None, Vec::new()),
        Some(i) => {
            let date = points[i].date;
            let by = points[..=i]
                .iter()
                .filter(|p| p.date == date)
                .filter_map(|p| p.entry)
                .collect();
            (Some(date), by)
        }
    };
    Timeline {
        points,
        opened,
        opened_by,
    }
}
