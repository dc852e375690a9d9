//! The per-role view: exactly what one side knows at this moment, and nothing else.
//!
//! [`Game::view`] is what a screen or a network client of one seat may be given: the
//! log lines the side learnt ([`Game::sees`]), its inbox (intelligence reports delivered
//! to it) and private channel, its own limits and what it learnt of others', the public
//! positions and figures, the proposals of the sessions it sits at, and the decision or
//! meeting waiting — only when it is that side's turn. Undelivered reports, other
//! sides' private events, decisions, limits and channels never appear in it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Game, Happening, Outcome, Tabled};
use crate::scenario::{ActorId, EntryId, MeetingId, PosId, ProposalId, Visibility};

/// A log line a side learnt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenLine {
    /// Its index in the game's log.
    pub index: usize,
    pub date: NaiveDate,
    pub happening: Happening,
}

/// What waits for this side's move (only on its turn).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Waiting {
    /// Its decision: the options open now, and the context as the side saw it.
    Decision {
        entry: EntryId,
        open: Vec<usize>,
        context: String,
    },
    /// Its turn at a meeting.
    Table {
        meeting: MeetingId,
        rounds_left: u32,
        may_table: bool,
        /// Offers (indices into the table's history) it has to answer.
        open_offers: Vec<usize>,
        /// Its historical proposals of this meeting it may table.
        historical_here: Vec<ProposalId>,
    },
}

/// Everything one side knows at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleView {
    pub role: ActorId,
    pub date: NaiveDate,
    /// The log lines it learnt, in order.
    pub lines: Vec<SeenLine>,
    /// Log indices of the intelligence reports delivered to it.
    pub reports: Vec<usize>,
    /// Log indices of the events private to it (and its partners in the channel) that
    /// it learnt of at once: its private channel.
    pub private: Vec<usize>,
    /// Its own limits, one per issue.
    pub limits: Vec<Option<PosId>>,
    /// What it knows of every side's limits (`[actor][issue]`, its own included).
    pub known_limits: Vec<Vec<Option<PosId>>>,
    /// Every side's public positions (`[actor][issue]`).
    pub positions: Vec<Vec<Option<PosId>>>,
    /// The scenario's figures (public: every side's charts show them).
    pub vars: Vec<i64>,
    /// The proposals of the sessions it sits at (or authored), with their index in the
    /// table's history.
    pub table: Vec<(usize, Tabled)>,
    /// Its move the game waits for, if it is its turn.
    pub waiting: Option<Waiting>,
    pub outcome: Option<Outcome>,
}

impl Game {
    /// What the side of `role` knows now (see the module's doc).
    pub fn view(&self, role: ActorId) -> RoleView {
        let s = &*self.scenario;
        let lines: Vec<SeenLine> = self
            .log
            .iter()
            .enumerate()
            .filter(|(_, l)| self.sees(role, l))
            .map(|(index, l)| SeenLine {
                index,
                date: l.date,
                happening: l.happening.clone(),
            })
            .collect();
        let reports = lines
            .iter()
            .filter(|l| matches!(l.happening, Happening::Report { .. }))
            .map(|l| l.index)
            .collect();
        let private = lines
            .iter()
            .filter(|l| {
                let Happening::Fired(id) = l.happening else {
                    return false;
                };
                s.entry(id)
                    .as_event()
                    .is_some_and(|e| !matches!(e.visibility, Visibility::Public))
            })
            .map(|l| l.index)
            .collect();
        let table = self
            .table_history()
            .iter()
            .enumerate()
            .filter(|(_, t)| t.author == role || s.session(t.session).seated.contains(&role))
            .map(|(i, t)| (i, t.clone()))
            .collect();
        let waiting = (self.turn() == Some(role))
            .then(|| match (self.pending(), self.at_table()) {
                (Some(entry), _) => Some(Waiting::Decision {
                    entry,
                    open: self.open_options(entry),
                    context: self.context_of(entry).to_string(),
                }),
                (None, Some(meeting)) => Some(Waiting::Table {
                    meeting,
                    rounds_left: self.rounds_left(),
                    may_table: self.may_table(),
                    open_offers: self.open_offers(),
                    historical_here: self.historical_here(),
                }),
                (None, None) => None,
            })
            .flatten();
        RoleView {
            role,
            date: self.state.date,
            lines,
            reports,
            private,
            limits: self.state.limits[role.0].clone(),
            known_limits: self.known_limits_of(role),
            positions: self.state.positions.clone(),
            vars: self.state.vars.clone(),
            table,
            waiting,
            outcome: self.outcome().cloned(),
        }
    }
}
