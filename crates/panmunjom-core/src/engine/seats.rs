//! Seats: the roles people play in a game (one or more), whose turn it is, and moves
//! made for one seat that are refused when it is not that seat's turn.
//!
//! A game has one seat by default (the setup's role); [`Game::with_seats`] seats more
//! people before the game starts. The roles without a seat are played by the setup's
//! policy (decisions) and the agent model (the table). The game waits for one seat at a
//! time ([`Game::turn`]):
//! - at a decision, the decision's role;
//! - at a meeting, each seated role that may table there or has an offer of that day to
//!   answer, one turn each, in the scenario's actor order (so the game does not depend
//!   on the order people were listed in). A turn ends with [`Game::pass`]; an offer
//!   tabled to a role whose turn at this meeting is over waits for its next meeting of
//!   the session.
//!
//! [`Game::act`] is the one entry point for a move made on behalf of a seat (what a
//! network server calls): it refuses another seat's move with [`ActError::NotYourTurn`].

use serde::{Deserialize, Serialize};

use super::agent::Terms;
use super::{ChoiceError, Game, TableError};
use crate::scenario::{ActorId, ProposalId};

/// A person's seat: the role played, and the person's or group's name if given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub role: ActorId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A move made for one seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Move {
    /// Take this option (an index into the waiting decision's options).
    Choose(usize),
    /// Table these terms at the meeting.
    Table(Terms),
    /// Table this historical proposal of the seat's role.
    Historical(ProposalId),
    /// Accept the offer at this index of the table's history.
    Accept(usize),
    /// Reject the offer at this index.
    Reject(usize),
    /// Leave the meeting (the turn passes on).
    Pass,
}

/// Why a move made for a seat was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error("role {} has no seat in this game", .0.0)]
    NotSeated(ActorId),
    #[error("it is not the turn of role {} (waiting for {})", .role.0, turn_text(*.turn))]
    NotYourTurn {
        role: ActorId,
        /// Whose turn it is (None: nobody's; the game must advance or is over).
        turn: Option<ActorId>,
    },
    #[error("a decision waits: choose, do not move at the table")]
    NotAtTable,
    #[error("the game waits at a meeting: no decision is waiting")]
    NotAtDecision,
    #[error(transparent)]
    Choice(#[from] ChoiceError),
    #[error(transparent)]
    Table(#[from] TableError),
}

fn turn_text(turn: Option<ActorId>) -> String {
    turn.map_or_else(|| "nobody".to_string(), |a| format!("role {}", a.0))
}

impl Game {
    /// Seats these people (before the first step): the setup's role keeps its seat
    /// (added if missing); seats are kept in the scenario's actor order, one per role
    /// (a repeated role keeps its first name).
    pub fn with_seats(mut self, seats: impl IntoIterator<Item = Seat>) -> Self {
        let mut all: Vec<Seat> = seats.into_iter().collect();
        if !all.iter().any(|s| s.role == self.setup.role) {
            all.push(Seat {
                role: self.setup.role,
                name: None,
            });
        }
        all.sort_by_key(|s| s.role);
        all.dedup_by_key(|s| s.role);
        self.seats = all;
        self
    }

    /// The seats, in the scenario's actor order.
    pub fn seats(&self) -> &[Seat] {
        &self.seats
    }

    /// Whether a person plays `role`.
    pub fn is_seated(&self, role: ActorId) -> bool {
        self.seats.iter().any(|s| s.role == role)
    }

    /// The seat whose move the game waits for: the role of the pending decision, or the
    /// seated role whose turn it is at the meeting. None when the game is not waiting
    /// (call [`Game::advance`]) or is over.
    pub fn turn(&self) -> Option<ActorId> {
        if let Some(p) = self.pending() {
            return self.scenario.entry(p).as_decision().map(|d| d.role);
        }
        self.at_table().map(|_| self.table_turn())
    }

    /// The role the player's moves are made for now: whose turn it is, else the
    /// setup's role (what the one-seat calls without a role act for).
    pub(super) fn acting(&self) -> ActorId {
        self.turn().unwrap_or(self.setup.role)
    }

    /// Makes `mv` for `role`, refused unless it is `role`'s turn and the game waits for
    /// that kind of move. Never panics on any input.
    pub fn act(&mut self, role: ActorId, mv: Move) -> Result<(), ActError> {
        if !self.is_seated(role) {
            return Err(ActError::NotSeated(role));
        }
        let turn = self.turn();
        if turn != Some(role) {
            return Err(ActError::NotYourTurn { role, turn });
        }
        let deciding = self.pending().is_some();
        match mv {
            Move::Choose(o) if deciding => self.choose(o)?,
            Move::Choose(_) => return Err(ActError::NotAtDecision),
            _ if deciding => return Err(ActError::NotAtTable),
            Move::Table(t) => {
                self.table(t)?;
            }
            Move::Historical(p) => {
                self.table_historical(p)?;
            }
            Move::Accept(i) => self.accept(i)?,
            Move::Reject(i) => self.reject(i)?,
            Move::Pass => self.pass()?,
        }
        Ok(())
    }
}
