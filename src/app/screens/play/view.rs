//! [`PlayView`]: what the player's side has seen of the game and what the screen shows
//! (state logic only; `draw.rs` draws it).

use std::collections::BTreeSet;

use crate::engine::{Decider, Game, Happening};
use crate::scenario::EntryId;
use crate::sim::GameNumber;

/// The tabs of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SideTab {
    #[default]
    Charts,
    Inbox,
    Journal,
    /// What is on the table and the offers so far (`table.rs`).
    Table,
}

/// What the player's side has seen of the game, and what is on screen.
#[derive(bevy::prelude::Resource, Debug, Default)]
pub struct PlayView {
    /// The game the view follows.
    game: Option<GameNumber>,
    /// Log indices of what the player's side learnt (events it knew of, reports that
    /// reached it, its own decisions, the armistice), in order.
    pub items: Vec<usize>,
    scanned: usize,
    /// The item on screen (an index into `items`); `items.len()` is the present: the
    /// decision waiting, the outcome, or nothing yet.
    pub current: usize,
    /// An earlier item opened again from the timeline, inbox or journal (a log index).
    pub looking_back: Option<usize>,
    /// Log indices the player has seen (for the inbox's unread count).
    pub read: BTreeSet<usize>,
    pub tab: SideTab,
    pub chart_issue: usize,
    /// The package the player is building at the table: one entry per issue, `None`
    /// where it is left open; emptied at each new meeting.
    pub draft: Vec<Option<crate::scenario::PosId>>,
    /// The meeting the draft was started at.
    pub draft_meeting: Option<crate::scenario::MeetingId>,
}

/// What the centre of the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// A line of the game's log: an event, a report, the player's decision with what
    /// history did, the armistice.
    Item(usize),
    /// The decision waiting for the player.
    Decision(EntryId),
    /// The player's side sits at a meeting (the Table panel, `table.rs`).
    Table(crate::scenario::MeetingId),
    /// The game is over.
    Outcome,
    /// Nothing new: Continue moves the game on.
    Waiting,
}

/// Whether log line `i` is a proposal the player tabled, or a counter to one.
fn own_table_move(g: &Game, i: usize) -> bool {
    match g.log[i].happening {
        Happening::Tabled(t) => g
            .table_history()
            .get(t)
            .is_some_and(|t| t.by == Decider::Player || t.counter_to.is_some()),
        _ => false,
    }
}

impl PlayView {
    /// A view of game `number` at its beginning, nothing read yet (a hot-seat role's
    /// first turn: it walks through everything its side learnt so far).
    pub fn starting(number: GameNumber) -> PlayView {
        PlayView {
            game: Some(number),
            ..PlayView::default()
        }
    }

    /// What the centre shows for `game`.
    pub fn showing(&self, game: &Game) -> Showing {
        if let Some(i) = self.looking_back.filter(|&i| i < game.log.len()) {
            return Showing::Item(i);
        }
        if let Some(&i) = self.items.get(self.current) {
            return Showing::Item(i);
        }
        match (game.pending(), game.at_table()) {
            (Some(d), _) => Showing::Decision(d),
            (None, _) if game.is_finished() => Showing::Outcome,
            (None, Some(m)) => Showing::Table(m),
            (None, None) => Showing::Waiting,
        }
    }

    /// When the screen shows the player's decision: (decision, option chosen) — the
    /// moment the historical choice is revealed beside it.
    pub fn reveal(&self, game: &Game) -> Option<(EntryId, usize)> {
        let Showing::Item(i) = self.showing(game) else {
            return None;
        };
        match game.log.get(i)?.happening {
            Happening::Decided {
                entry,
                option,
                by: Decider::Player,
            } => Some((entry, option)),
            _ => None,
        }
    }

    /// The date on screen.
    pub fn now(&self, game: &Game) -> chrono::NaiveDate {
        match self.showing(game) {
            Showing::Item(i) => game.log.get(i).map_or(game.state.date, |l| l.date),
            _ => game.state.date,
        }
    }

    /// How many items the player has not reached yet.
    pub fn unread_items(&self) -> usize {
        self.items.len().saturating_sub(self.current + 1)
    }

    /// Continue: the next item, or — at the present, with no decision waiting and the
    /// game not over — `true`: the game must move on to the next decision (leaving the
    /// table if it sits at one).
    pub fn go_on(&mut self, game: &Game) -> bool {
        if self.looking_back.take().is_some() {
            return false;
        }
        if self.current < self.items.len() {
            self.current += 1;
        }
        self.current >= self.items.len() && game.pending().is_none() && !game.is_finished()
    }

    /// Follows game `number` (`g`: as the player's side sees it): starts afresh on
    /// another game (or when `fresh_start`: a new game was just asked for), collects
    /// what the player's side learnt since the last call, marks the item on screen read.
    pub fn follow(&mut self, number: GameNumber, g: &Game, fresh_start: bool) {
        let same = !fresh_start && self.scanned <= g.log.len() && self.game == Some(number);
        let mut loaded = false;
        if !same {
            self.reset();
            self.game = Some(number);
            // A game that comes in with choices made (a saved game) opens at the present.
            loaded = !g.choices.is_empty();
        }
        if self.scanned < g.log.len() {
            for i in self.scanned..g.log.len() {
                if g.player_sees(&g.log[i]) {
                    let at_present = self.current >= self.items.len();
                    self.items.push(i);
                    // The player's own moves at the table, and the counters to them,
                    // are on the Table panel already: they join the journal as read.
                    if at_present && g.at_table().is_some() && own_table_move(g, i) {
                        self.current = self.items.len();
                        self.read.insert(i);
                    }
                }
            }
            self.scanned = g.log.len();
        }
        if loaded {
            self.current = self.items.len();
            let items = self.items.clone();
            self.read.extend(items);
        }
        if let Showing::Item(i) = self.showing(g) {
            self.read.insert(i);
        }
    }

    fn reset(&mut self) {
        *self = PlayView {
            tab: self.tab,
            chart_issue: self.chart_issue,
            ..PlayView::default()
        };
    }
}
