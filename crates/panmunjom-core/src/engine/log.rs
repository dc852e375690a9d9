//! The game's log: one line per happening, and the state right after each line kept as
//! snapshots in the game, a new snapshot only when the value changed.
//!
//! A game writes some 250 lines; the variables change on about a third of them, the
//! flags and positions on a handful. A line holds its date, what happened and the index
//! of its snapshots, so writing a line allocates nothing and costs no reference count:
//! the snapshots lie flat, one vector per kind, in the [`Game`]. Read a line's state
//! with [`Game::vars_at`], [`Game::flags_at`] and [`Game::positions_at`].

use std::ops::Index;

use chrono::NaiveDate;

use super::{Game, Happening, State, Touched};
use crate::scenario::{ActorId, IssueId, PosId, Scenario};

/// One line of the game's log: its date, what happened, and where the state right
/// after it is kept (read it through the game: [`Game::vars_at`] and its siblings).
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub date: NaiveDate,
    pub happening: Happening,
    /// Indices into the game's snapshots (see [`Snapshots`]).
    vars: u32,
    flags: u32,
    positions: u32,
}

/// Every actor's position on every issue at one moment (`[actor][issue]`, as
/// [`State::positions`]), read from the log's snapshots.
#[derive(Debug, Clone, Copy)]
pub struct Positions<'a> {
    /// Row after row, one per actor, each `issues` long.
    flat: &'a [Option<PosId>],
    issues: usize,
}

impl Positions<'_> {
    /// The position `actor` holds on `issue`, if it has a stake.
    pub fn get(&self, actor: ActorId, issue: IssueId) -> Option<PosId> {
        self[actor.0][issue.0]
    }
}

impl Index<usize> for Positions<'_> {
    type Output = [Option<PosId>];

    /// The row of actor `actor` (an index in the scenario's actors).
    fn index(&self, actor: usize) -> &[Option<PosId>] {
        &self.flat[actor * self.issues..(actor + 1) * self.issues]
    }
}

/// Snapshots of one kind of value, each `width` long, side by side in one vector.
#[derive(Debug, Clone, Default)]
struct Flat<T> {
    width: usize,
    /// How many snapshots to make room for at the first.
    room: usize,
    count: u32,
    data: Vec<T>,
}

impl<T: Copy + PartialEq> Flat<T> {
    /// Empties it for snapshots `width` long, keeping its allocation; the first
    /// snapshot makes room for `room` (so that a log does not grow it step by step).
    fn reset(&mut self, width: usize, room: usize) {
        self.width = width;
        self.room = room;
        self.count = 0;
        self.data.clear();
    }

    fn get(&self, k: u32) -> &[T] {
        let k = k as usize;
        &self.data[k * self.width..(k + 1) * self.width]
    }

    /// The newest snapshot (the end of `data`), if any.
    fn last(&self) -> Option<&[T]> {
        let start = self.data.len().checked_sub(self.width)?;
        (self.count > 0).then(|| &self.data[start..])
    }

    /// The index of a snapshot of `rows` (laid end to end): the newest if it is equal
    /// (taken as equal when `same`), else a new one.
    fn keep<R: AsRef<[T]>>(&mut self, rows: &[R], same: bool) -> u32 {
        if let Some(last) = self.last() {
            let equal = same
                || match rows {
                    [row] => row.as_ref() == last,
                    _ => {
                        let mut at = last;
                        rows.iter().all(|r| {
                            let (head, tail) = at.split_at(r.as_ref().len());
                            at = tail;
                            head == r.as_ref()
                        })
                    }
                };
            if equal {
                debug_assert!(
                    rows.iter().flat_map(AsRef::as_ref).eq(last),
                    "a change the log missed"
                );
                return self.count - 1;
            }
        }
        if self.count == 0 {
            self.data.reserve(self.width * self.room);
        }
        for r in rows {
            self.data.extend_from_slice(r.as_ref());
        }
        self.count += 1;
        self.count - 1
    }
}

/// The state after each log line: variables, flags and positions, each kind a list of
/// snapshots that the lines index.
#[derive(Debug, Clone, Default)]
pub(super) struct Snapshots {
    vars: Flat<i64>,
    flags: Flat<bool>,
    positions: Flat<Option<PosId>>,
    issues: usize,
}

impl Snapshots {
    /// No snapshots yet, sized for `s`'s state (allocations kept for the next game).
    pub(super) fn reset(&mut self, s: &Scenario) {
        // Room for a game of the shipped scenario: its ~250 lines change the variables
        // on ~85, the flags and positions on under 10 (beyond, the vectors grow).
        self.vars.reset(s.variables.len(), 96);
        self.flags.reset(s.flags.len(), 16);
        self.positions.reset(s.actors.len() * s.issues.len(), 16);
        self.issues = s.issues.len();
    }

    /// A log line for `happening` with the state `now`. What `touched` does not name
    /// has not changed since the last line: it is not compared.
    pub(super) fn line(&mut self, now: &State, happening: Happening, touched: Touched) -> LogEntry {
        LogEntry {
            date: now.date,
            happening,
            vars: self.vars.keep(std::slice::from_ref(&now.vars), false),
            flags: self
                .flags
                .keep(std::slice::from_ref(&now.flags), !touched.flags),
            positions: self.positions.keep(&now.positions, !touched.positions),
        }
    }
}

impl Game {
    /// The variables (scenario order) right after log line `line` of this game.
    pub fn vars_at(&self, line: &LogEntry) -> &[i64] {
        self.snapshots.vars.get(line.vars)
    }

    /// The flags (scenario order) right after log line `line` of this game.
    pub fn flags_at(&self, line: &LogEntry) -> &[bool] {
        self.snapshots.flags.get(line.flags)
    }

    /// Every actor's position on every issue right after log line `line` of this game.
    pub fn positions_at(&self, line: &LogEntry) -> Positions<'_> {
        Positions {
            flat: self.snapshots.positions.get(line.positions),
            issues: self.snapshots.issues,
        }
    }
}
