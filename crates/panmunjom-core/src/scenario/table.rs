//! The table in a checked scenario: sessions, their meetings, historical proposals and
//! their answers, and each actor's bargaining temperament.

use chrono::NaiveDate;
use serde::Serialize;

use super::{ActorId, Cite, Cond, Effect, EntryId, PosId, Scenario, VarId};

/// Index of a session in [`Scenario::sessions`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub struct SessionId(pub usize);
/// Index of a historical proposal in [`Scenario::proposals`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub struct ProposalId(pub usize);
/// Index of a meeting in [`Scenario::meetings`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub struct MeetingId(pub usize);

/// Where the parties can exchange proposals.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: String,
    pub name: String,
    pub description: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub every_days: u32,
    /// A meeting is held only if this holds on its date.
    pub when: Cond,
    pub seated: Vec<ActorId>,
    /// Who may table (never empty after checking: defaults to `seated`).
    pub may_table: Vec<ActorId>,
    pub rounds: u32,
    pub sources: Vec<Cite>,
}

/// One dated meeting of a session (held if the session's condition holds then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meeting {
    pub date: NaiveDate,
    pub session: SessionId,
}

/// A reply to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    Accepted,
    /// Accepted most of it, asking for amendments.
    AcceptedInPart,
    Rejected,
    /// Answered only by a proposal of its own.
    Countered,
}

impl Reply {
    pub fn word(self) -> &'static str {
        match self {
            Reply::Accepted => "accepted",
            Reply::AcceptedInPart => "accepted in part",
            Reply::Rejected => "rejected",
            Reply::Countered => "countered",
        }
    }
    /// Whether the reply counts as acceptance of the terms.
    pub fn accepts(self) -> bool {
        matches!(self, Reply::Accepted | Reply::AcceptedInPart)
    }
}

/// One party's historical answer to a proposal.
#[derive(Debug, Clone)]
pub struct Answer {
    pub by: Vec<ActorId>,
    pub reply: Reply,
    pub date: NaiveDate,
    pub note: String,
    pub sources: Vec<Cite>,
}

/// A proposal really tabled.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub id: String,
    pub author: ActorId,
    pub date: NaiveDate,
    pub date_label: Option<String>,
    pub session: SessionId,
    pub title: String,
    pub text: String,
    /// One entry per issue of the scenario: the position it took, None where it left
    /// the issue open.
    pub terms: Vec<Option<PosId>>,
    pub answers: Vec<Answer>,
    pub sources: Vec<Cite>,
    pub effects: Vec<Effect>,
    /// The decision option that tables it, if one does.
    pub option: Option<(EntryId, usize)>,
    /// Without an option: tabled at its meeting only if this holds.
    pub when: Cond,
}

impl Proposal {
    /// How the date reads: its label when it has one, else the ISO date.
    pub fn date_text(&self) -> String {
        self.date_label
            .clone()
            .unwrap_or_else(|| self.date.to_string())
    }
    /// The historical answer of `actor`, if the scenario records one.
    pub fn answer_of(&self, actor: ActorId) -> Option<&Answer> {
        self.answers.iter().find(|a| a.by.contains(&actor))
    }
}

/// An ally an actor consults before accepting.
#[derive(Debug, Clone)]
pub struct Consult {
    pub ally: ActorId,
    pub when: Cond,
    /// The refusal in words ("Moscow has not agreed").
    pub refusal: String,
}

/// How an actor bargains when the computer plays it (see
/// [`super::raw::RawTemperament`]).
#[derive(Debug, Clone)]
pub struct Temperament {
    /// Aspiration at the first meeting, in percent of the gap from limits to ideal.
    pub start: i64,
    /// Points the aspiration falls every 30 days.
    pub fall: i64,
    /// (variable, weight): the aspiration falls by weight × value / 10.
    pub pressures: Vec<(VarId, i64)>,
    pub consults: Vec<Consult>,
}

impl Default for Temperament {
    fn default() -> Self {
        Temperament {
            start: 100,
            fall: 5,
            pressures: Vec::new(),
            consults: Vec::new(),
        }
    }
}

/// Most meetings a scenario may schedule (bounds the work of a game).
pub const MAX_MEETINGS: usize = 2000;

impl Scenario {
    pub fn session(&self, id: SessionId) -> &Session {
        &self.sessions[id.0]
    }
    pub fn proposal(&self, id: ProposalId) -> &Proposal {
        &self.proposals[id.0]
    }
    pub fn meeting(&self, id: MeetingId) -> &Meeting {
        &self.meetings[id.0]
    }
    pub fn proposal_by_id(&self, id: &str) -> Option<ProposalId> {
        self.proposals
            .iter()
            .position(|p| p.id == id)
            .map(ProposalId)
    }
    pub fn session_by_id(&self, id: &str) -> Option<SessionId> {
        self.sessions.iter().position(|p| p.id == id).map(SessionId)
    }
    /// The historical proposals in date order (they are listed so after checking).
    pub fn proposals_by(&self, author: ActorId) -> impl Iterator<Item = (ProposalId, &Proposal)> {
        self.proposals
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.author == author)
            .map(|(i, p)| (ProposalId(i), p))
    }
    /// The date of the first meeting of any session (aspirations start falling then).
    pub fn table_start(&self) -> NaiveDate {
        self.meetings.first().map_or(self.start, |m| m.date)
    }
}
