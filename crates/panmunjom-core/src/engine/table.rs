//! The table: meetings of the scenario's sessions, proposals tabled and answered, and
//! agreement when every armistice party accepts the same terms.
//!
//! The game stops at a meeting ([`super::Progress::AtTable`]) when the player's role
//! may table there, or has an offer of that meeting to answer. There the player may
//! [`Game::table`] a package (one position per issue, or some issues only), accept or
//! reject an offer on the table, or [`Game::pass`]. The other sides answer a package
//! the player builds by the agent model ([`super::agent`]); historical proposals are
//! answered as history answered them, and change the game only through the decision
//! options and events that already carry history. When every armistice party accepts
//! a package, each takes its positions, those issues are locked (events no longer move
//! the parties off them), and the existing signing rule concludes the armistice once
//! the terms have been agreed long enough.

use chrono::NaiveDate;
use serde::Serialize;

use super::agent::{self, Reason, Terms};
use super::{Decider, Game, Progress};
use crate::scenario::{ActorId, IssueId, MeetingId, ProposalId, Reply, SessionId};

/// One side's answer to a proposal on the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TableAnswer {
    pub actor: ActorId,
    /// None: the player has not answered (yet).
    pub reply: Option<Reply>,
    pub reason: Reason,
    pub date: NaiveDate,
}

/// A proposal put on the table during the game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Tabled {
    pub date: NaiveDate,
    pub session: SessionId,
    pub author: ActorId,
    /// Who put it there: the player, history, or an agent's counter-proposal.
    pub by: Decider,
    pub terms: Terms,
    /// The historical proposal it is, if it is one.
    pub historical: Option<ProposalId>,
    /// The proposal (index in the history) this one counters.
    pub counter_to: Option<usize>,
    /// Every other seated side's answer.
    pub answers: Vec<TableAnswer>,
    /// Whether every armistice party accepted it: its terms became the parties'.
    pub agreed: bool,
    /// The positions the author held when it tabled this (what it still held on the
    /// issues the proposal leaves open).
    pub held: Terms,
    /// The player left a meeting of its session without answering it: no longer open.
    pub lapsed: bool,
}

impl Tabled {
    /// The full package: the proposal's terms, and the author's held positions on the
    /// issues it leaves open.
    pub fn package(&self) -> Terms {
        self.terms
            .iter()
            .zip(&self.held)
            .map(|(t, h)| t.or(*h))
            .collect()
    }
}

impl Tabled {
    /// Its title in words: history's title, "Your proposal" (the player's package), or
    /// "Counter-proposal by …".
    pub fn title(&self, s: &crate::scenario::Scenario) -> String {
        match self.historical {
            Some(p) => format!("Proposal: {}", s.proposal(p).title),
            None if self.by == Decider::Player => {
                format!("Proposal by {} (yours)", s.actor(self.author).name)
            }
            None => format!("Counter-proposal by {}", s.actor(self.author).name),
        }
    }

    /// What was tabled and how it was answered, in words: where and by whom, the terms
    /// issue by issue (open issues left out), each answer with its reason.
    pub fn summary(&self, s: &crate::scenario::Scenario) -> String {
        let terms = s.terms_in_words(&self.terms);
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|a| match a.reply {
                Some(r) => format!(
                    "{}: {} ({})",
                    s.actor(a.actor).name,
                    r.word(),
                    a.reason.text(s)
                ),
                None => format!("{}: not answered yet", s.actor(a.actor).name),
            })
            .collect();
        let mut out = format!(
            "Tabled by {} at {} on {}. Terms: {}.",
            s.actor(self.author).name,
            s.session(self.session).name,
            self.date,
            terms.join("; ")
        );
        if !answers.is_empty() {
            out.push_str(&format!(" Answers: {}.", answers.join("; ")));
        }
        if self.agreed {
            out.push_str(" Every party accepted: the terms are agreed.");
        }
        out
    }

    /// The answer of `actor`, if it answered.
    pub fn answer_of(&self, actor: ActorId) -> Option<&TableAnswer> {
        self.answers.iter().find(|a| a.actor == actor)
    }
}

/// A move of a player at the table (what a record keeps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableAction {
    /// Table these terms.
    Table(Terms),
    /// Accept the offer at this index of the table's history.
    Accept(usize),
    /// Reject the offer at this index.
    Reject(usize),
    /// Table this historical proposal of the player's role, as history did.
    Historical(ProposalId),
}

/// A player's move at one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableMove {
    pub meeting: MeetingId,
    pub action: TableAction,
    /// The seated role that made it.
    pub role: ActorId,
}

/// Why a move at the table was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("the game is not at a meeting")]
    NotAtTable,
    #[error("the player's side may not table at this session")]
    MayNotTable,
    #[error("no rounds are left at this meeting: pass")]
    NoRoundsLeft,
    #[error("the terms name no position")]
    Empty,
    #[error("the terms have {got} entries, the scenario has {want} issues")]
    WrongLength { got: usize, want: usize },
    #[error("issue {0} has no position {1}")]
    NoSuchPosition(usize, usize),
    #[error("the position on issue {} lies beyond your own side's limit", .0.0)]
    BeyondOwnLimit(IssueId),
    #[error("there is no offer {0} for you to answer")]
    NoSuchOffer(usize),
    #[error("the terms have already been agreed at the table")]
    AlreadyAgreed,
}

/// The table's state inside a game.
#[derive(Debug, Clone, Default)]
pub(super) struct TableState {
    pub history: Vec<Tabled>,
    /// The next meeting (index into the scenario's meetings) to hold.
    pub next_meeting: usize,
    /// The meeting the player sits at now.
    pub current: Option<MeetingId>,
    pub rounds_left: u32,
    /// The player's moves, for the record.
    pub moves: Vec<TableMove>,
    /// The seated role whose turn it is at the meeting (None: the setup's role).
    pub turn: Option<ActorId>,
    /// Meeting turns ended by a pass so far (a replay passes the same turns).
    pub passes: u32,
}

impl TableState {
    /// Back to no meeting held, keeping the allocations.
    pub(super) fn reset(&mut self) {
        self.history.clear();
        self.next_meeting = 0;
        self.current = None;
        self.rounds_left = 0;
        self.moves.clear();
        self.passes = 0;
    }

    /// Makes room for a game's proposals at the first (kept after a reset), so that
    /// the history does not grow step by step (a game tables some 50).
    fn make_room(&mut self) {
        if self.history.capacity() == 0 {
            self.history.reserve(64);
        }
    }
}

impl Game {
    /// The meeting the player sits at, if the game waits there.
    pub fn at_table(&self) -> Option<MeetingId> {
        self.table.current
    }

    /// Every proposal tabled so far, in order.
    pub fn table_history(&self) -> &[Tabled] {
        &self.table.history
    }

    /// Whether a package has been agreed at the table in this game.
    pub fn agreed_at_table(&self) -> bool {
        self.table.history.iter().any(|t| t.agreed)
    }

    /// The player's moves at the table so far.
    pub fn table_moves(&self) -> &[TableMove] {
        &self.table.moves
    }

    /// How many meeting turns have ended with a pass so far (a record keeps no passes,
    /// but its replay passes the same turns, so this count replays too).
    pub fn passes(&self) -> u32 {
        self.table.passes
    }

    /// How many more packages the player may table at this meeting.
    pub fn rounds_left(&self) -> u32 {
        if self.table.current.is_some() {
            self.table.rounds_left
        } else {
            0
        }
    }

    /// Whether the player's side may table at the present meeting.
    pub fn may_table(&self) -> bool {
        self.table.current.is_some_and(|m| {
            let s = &self.scenario;
            s.session(s.meeting(m).session)
                .may_table
                .contains(&self.acting())
        }) && self.table.rounds_left > 0
    }

    /// Indices (into [`Game::table_history`]) of the offers by other sides that the
    /// player has not answered and that are not agreed.
    pub fn open_offers(&self) -> Vec<usize> {
        let role = self.acting();
        self.table
            .history
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                !t.agreed && !t.lapsed && t.answer_of(role).is_some_and(|a| a.reply.is_none())
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The historical proposals of the player's role that history tabled at this
    /// meeting without a decision (the player may table them, or something else).
    pub fn historical_here(&self) -> Vec<ProposalId> {
        let Some(m) = self.table.current else {
            return Vec::new();
        };
        if self.agreed_at_table() {
            return Vec::new();
        }
        let s = &self.scenario;
        let meeting = s.meeting(m);
        s.proposals
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.author == self.acting()
                    && p.option.is_none()
                    && p.session == meeting.session
                    && p.date == meeting.date
                    && self.state.holds(s, &p.when)
            })
            .map(|(i, _)| ProposalId(i))
            .collect()
    }

    /// The player tables `terms` at the present meeting; the other seated sides answer
    /// at once, and the first that refuses may counter (a new offer in the history).
    /// Returns the index of the proposal in [`Game::table_history`].
    pub fn table(&mut self, terms: Terms) -> Result<usize, TableError> {
        let m = self.table.current.ok_or(TableError::NotAtTable)?;
        if !self.may_table() {
            return Err(if self.table.rounds_left == 0 {
                TableError::NoRoundsLeft
            } else {
                TableError::MayNotTable
            });
        }
        self.check_own_terms(&terms)?;
        self.table.rounds_left -= 1;
        self.table.moves.push(TableMove {
            meeting: m,
            action: TableAction::Table(terms.clone()),
            role: self.acting(),
        });
        Ok(self.put_player_terms(m, terms, None))
    }

    /// The player tables a historical proposal of its role, as history did: the other
    /// sides answer as history answered.
    pub fn table_historical(&mut self, p: ProposalId) -> Result<usize, TableError> {
        let m = self.table.current.ok_or(TableError::NotAtTable)?;
        if !self.may_table() {
            return Err(if self.table.rounds_left == 0 {
                TableError::NoRoundsLeft
            } else {
                TableError::MayNotTable
            });
        }
        let s = std::sync::Arc::clone(&self.scenario);
        let prop = s.proposals.get(p.0).ok_or(TableError::NoSuchOffer(p.0))?;
        if prop.author != self.acting() {
            return Err(TableError::MayNotTable);
        }
        self.check_own_terms(&prop.terms)?;
        if self.agreed_at_table() {
            return Err(TableError::AlreadyAgreed);
        }
        self.table.rounds_left -= 1;
        self.table.moves.push(TableMove {
            meeting: m,
            action: TableAction::Historical(p),
            role: self.acting(),
        });
        self.put_historical(p, Decider::Player);
        self.touch_by(&prop.effects);
        for effect in &prop.effects {
            self.state.apply(&s, effect, crate::scenario::EntryId(0));
        }
        self.after_change();
        Ok(self.table.history.len() - 1)
    }

    /// The player accepts offer `index`: if every armistice party now accepts it, its
    /// terms are agreed.
    pub fn accept(&mut self, index: usize) -> Result<(), TableError> {
        let m = self.table.current.ok_or(TableError::NotAtTable)?;
        if !self.open_offers().contains(&index) {
            return Err(TableError::NoSuchOffer(index));
        }
        let terms = self.table.history[index].terms.clone();
        self.check_own_terms(&terms)?;
        self.table.moves.push(TableMove {
            meeting: m,
            action: TableAction::Accept(index),
            role: self.acting(),
        });
        self.set_player_answer(index, Reply::Accepted);
        let author = self.table.history[index].author;
        let s = std::sync::Arc::clone(&self.scenario);
        let mut all = true;
        let role = self.acting();
        for &party in &s.armistice.parties {
            if party == role || party == author {
                continue;
            }
            if self.is_seated(party) {
                // Another person's side: its own answer counts, not the agent's.
                all &= self.table.history[index]
                    .answer_of(party)
                    .is_some_and(|a| a.reply.is_some_and(Reply::accepts));
                continue;
            }
            let (reply, _) = agent::judge(&s, &self.state, &mut self.rng, party, &terms);
            all &= reply.accepts();
        }
        if all {
            self.agree(index);
        }
        Ok(())
    }

    /// The player rejects offer `index`.
    pub fn reject(&mut self, index: usize) -> Result<(), TableError> {
        let m = self.table.current.ok_or(TableError::NotAtTable)?;
        if !self.open_offers().contains(&index) {
            return Err(TableError::NoSuchOffer(index));
        }
        self.table.moves.push(TableMove {
            meeting: m,
            action: TableAction::Reject(index),
            role: self.acting(),
        });
        self.set_player_answer(index, Reply::Rejected);
        Ok(())
    }

    /// The player whose turn it is leaves the meeting: the next seated role due at
    /// it takes its turn (see [`super::seats`]), else the game goes on with
    /// [`Game::advance`].
    pub fn pass(&mut self) -> Result<(), TableError> {
        let role = self.acting();
        let m = self.table.current.take().ok_or(TableError::NotAtTable)?;
        self.table.rounds_left = 0;
        self.table.passes += 1;
        // Offers of this session left unanswered lapse with the meeting.
        let session = self.scenario.meeting(m).session;
        for t in &mut self.table.history {
            if t.session == session && t.answer_of(role).is_some_and(|a| a.reply.is_none()) {
                t.lapsed = true;
            }
        }
        if let Some(next) = self.next_due(m, Some(role)) {
            self.seat_at(m, next);
        }
        Ok(())
    }

    /// The seated role whose turn it is at the meeting (the setup's role by default).
    pub(super) fn table_turn(&self) -> ActorId {
        self.table.turn.unwrap_or(self.setup.role)
    }

    /// The first seated role after `after` (in actor order; from the first when None)
    /// that is due at meeting `m`: it may table there or has an offer of that day to
    /// answer.
    fn next_due(&self, m: MeetingId, after: Option<ActorId>) -> Option<ActorId> {
        let s = &self.scenario;
        let meeting = s.meeting(m);
        let session = s.session(meeting.session);
        self.seats()
            .iter()
            .map(|seat| seat.role)
            .filter(|&r| after.is_none_or(|a| r > a))
            .find(|&role| {
                session.may_table.contains(&role)
                    || self.table.history.iter().any(|t| {
                        t.date == meeting.date
                            && t.session == meeting.session
                            && t.answer_of(role).is_some_and(|a| a.reply.is_none())
                    })
            })
    }

    /// Gives `role` its turn at meeting `m`, with the session's rounds if it may table.
    fn seat_at(&mut self, m: MeetingId, role: ActorId) {
        let session = self.scenario.session(self.scenario.meeting(m).session);
        self.table.current = Some(m);
        self.table.turn = Some(role);
        self.table.rounds_left = if session.may_table.contains(&role) {
            session.rounds
        } else {
            0
        };
    }

    /// Runs until the player must choose at a decision or the game is over, passing
    /// every meeting (what a caller that does not use the table wants).
    pub fn advance_passing(&mut self) -> Progress {
        loop {
            match self.advance() {
                Progress::AtTable(_) => {
                    let _ = self.pass();
                }
                other => return other,
            }
        }
    }

    fn set_player_answer(&mut self, index: usize, reply: Reply) {
        let role = self.acting();
        let date = self.state.date;
        if let Some(a) = self.table.history[index]
            .answers
            .iter_mut()
            .find(|a| a.actor == role)
        {
            a.reply = Some(reply);
            a.reason = Reason::Player;
            a.date = date;
        }
    }

    /// Refuses terms the player's own side could not offer.
    fn check_own_terms(&self, terms: &[Option<crate::scenario::PosId>]) -> Result<(), TableError> {
        let s = &self.scenario;
        if terms.len() != s.issues.len() {
            return Err(TableError::WrongLength {
                got: terms.len(),
                want: s.issues.len(),
            });
        }
        if terms.iter().all(Option::is_none) {
            return Err(TableError::Empty);
        }
        for (i, t) in terms.iter().enumerate() {
            if let Some(p) = t
                && p.0 >= s.issues[i].positions.len()
            {
                return Err(TableError::NoSuchPosition(i, p.0));
            }
        }
        if let Some(issue) = agent::beyond_limit(s, &self.state, self.acting(), terms) {
            return Err(TableError::BeyondOwnLimit(issue));
        }
        Ok(())
    }

    /// Puts the player's terms on the table, has the seated sides answer, agrees them
    /// if every armistice party accepts, and adds the first refusing party's counter.
    fn put_player_terms(&mut self, m: MeetingId, terms: Terms, counter_to: Option<usize>) -> usize {
        let s = std::sync::Arc::clone(&self.scenario);
        let meeting = *s.meeting(m);
        let session = s.session(meeting.session);
        let role = self.acting();
        let date = self.state.date;
        let mut answers = Vec::with_capacity(session.seated.len());
        let mut refuser = None;
        for &a in &session.seated {
            if a == role {
                continue;
            }
            if self.is_seated(a) {
                // Another person's side answers on its own turn.
                answers.push(TableAnswer {
                    actor: a,
                    reply: None,
                    reason: Reason::Player,
                    date,
                });
                continue;
            }
            let (reply, reason) = agent::judge(&s, &self.state, &mut self.rng, a, &terms);
            if !reply.accepts() && refuser.is_none() && s.armistice.parties.contains(&a) {
                refuser = Some(a);
            }
            answers.push(TableAnswer {
                actor: a,
                reply: Some(reply),
                reason,
                date,
            });
        }
        let everyone = s.armistice.parties.iter().all(|&p| {
            p == role
                || answers
                    .iter()
                    .any(|a| a.actor == p && a.reply.is_some_and(Reply::accepts))
        });
        let index = self.table.history.len();
        self.table.make_room();
        self.table.history.push(Tabled {
            date,
            session: meeting.session,
            author: role,
            by: Decider::Player,
            terms,
            historical: None,
            counter_to,
            answers,
            agreed: false,
            held: self.state.positions[role.0].clone(),
            lapsed: false,
        });
        self.record(super::Happening::Tabled(index));
        if everyone {
            self.agree(index);
        } else if let Some(who) = refuser
            && let offered = &self.table.history[index].terms
            && let Some(counter) = agent::counter(&s, &self.state, who, offered)
            && counter != *offered
        {
            let answers = self.seated_answers(meeting.session, who, &counter, date);
            if let Some(t) = self.table.history.get_mut(index)
                && let Some(a) = t.answers.iter_mut().find(|a| a.actor == who)
            {
                a.reply = Some(Reply::Countered);
            }
            self.table.make_room();
            self.table.history.push(Tabled {
                date,
                session: meeting.session,
                author: who,
                by: Decider::Adaptive,
                terms: counter,
                historical: None,
                counter_to: Some(index),
                answers,
                agreed: false,
                held: self.state.positions[who.0].clone(),
                lapsed: false,
            });
            self.record(super::Happening::Tabled(index + 1));
        }
        index
    }

    /// Answers to an offer by a computer side `author`: the player's stays open, the
    /// others' are left for when the player accepts (their judgement then counts).
    fn seated_answers(
        &mut self,
        session: SessionId,
        author: ActorId,
        _terms: &Terms,
        date: NaiveDate,
    ) -> Vec<TableAnswer> {
        self.scenario
            .session(session)
            .seated
            .iter()
            .filter(|&&a| self.is_seated(a) && a != author)
            .map(|&a| TableAnswer {
                actor: a,
                reply: None,
                reason: Reason::Player,
                date,
            })
            .collect()
    }

    /// Every armistice party takes the terms of offer `index`; those issues are locked.
    fn agree(&mut self, index: usize) {
        let s = std::sync::Arc::clone(&self.scenario);
        let terms = self.table.history[index].terms.clone();
        self.touch_positions();
        for (i, t) in terms.iter().enumerate() {
            let Some(p) = *t else { continue };
            for &party in &s.armistice.parties {
                if self.state.positions[party.0][i].is_some() {
                    self.state.positions[party.0][i] = Some(p);
                }
            }
            self.state.locked[i] = true;
        }
        self.table.history[index].agreed = true;
        self.after_change();
    }

    /// Puts a historical proposal on the table as history did: its author, history's
    /// answers from the computer's sides, the player's answer open when it is seated.
    ///
    /// Once a package has been agreed at the table, history's later proposals are not
    /// tabled: the parties have their terms, and a proposal made in a history that had
    /// none would be no move of this game (the option or event still takes effect).
    pub(super) fn put_historical(&mut self, p: ProposalId, by: Decider) {
        if self.agreed_at_table() {
            return;
        }
        let s = std::sync::Arc::clone(&self.scenario);
        let prop = s.proposal(p);
        let date = self.state.date;
        let seated = &s.session(prop.session).seated;
        let mut answers = Vec::with_capacity(seated.len());
        for &a in seated {
            if a == prop.author {
                continue;
            }
            if self.is_seated(a) {
                answers.push(TableAnswer {
                    actor: a,
                    reply: None,
                    reason: Reason::Player,
                    date,
                });
            } else if let Some(h) = prop.answer_of(a) {
                answers.push(TableAnswer {
                    actor: a,
                    reply: Some(h.reply),
                    reason: Reason::Historical,
                    date: h.date,
                });
            }
        }
        self.table.make_room();
        self.table.history.push(Tabled {
            date,
            session: prop.session,
            author: prop.author,
            by,
            terms: prop.terms.clone(),
            historical: Some(p),
            counter_to: None,
            answers,
            agreed: false,
            held: self.state.positions[prop.author.0].clone(),
            lapsed: false,
        });
        self.record(super::Happening::Tabled(self.table.history.len() - 1));
    }

    /// The date of the next meeting to hold, if one is due before `before` (strictly:
    /// the timeline's entries of a date come before that date's meetings).
    pub(super) fn meeting_due(&self, before: NaiveDate, last: NaiveDate) -> Option<MeetingId> {
        if self.state.armistice.is_some() {
            return None;
        }
        let m = self.scenario.meetings.get(self.table.next_meeting)?;
        (m.date < before && m.date <= last).then_some(MeetingId(self.table.next_meeting))
    }

    /// Holds meeting `m`: the clock moves to its date; if the session sits then, the
    /// historical proposals of that day are tabled, and the game stops for the player
    /// when it may table there or has an offer of the day to answer.
    pub(super) fn meet(&mut self, m: MeetingId) -> Progress {
        let s = std::sync::Arc::clone(&self.scenario);
        self.table.next_meeting = m.0 + 1;
        let meeting = *s.meeting(m);
        self.pass_time(meeting.date);
        let session = s.session(meeting.session);
        if self.state.armistice.is_some() || !self.state.holds(&s, &session.when) {
            self.after_change();
            return Progress::Advanced;
        }
        for (i, p) in s.proposals.iter().enumerate() {
            if p.session == meeting.session
                && p.date == meeting.date
                && p.option.is_none()
                && !self.is_seated(p.author)
                && self.state.holds(&s, &p.when)
                && !self.agreed_at_table()
            {
                self.put_historical(ProposalId(i), Decider::Historical);
                self.touch_by(&p.effects);
                for effect in &p.effects {
                    self.state.apply(&s, effect, crate::scenario::EntryId(0));
                }
            }
        }
        self.after_change();
        if self.outcome.is_some() {
            return Progress::Finished;
        }
        if let Some(role) = self.next_due(m, None) {
            self.seat_at(m, role);
            return Progress::AtTable(m);
        }
        Progress::Advanced
    }
}

/// Parses terms written `issue=position,issue=position` (ids of the scenario, case and
/// `-`/`_` ignored; a position may also be its number on the issue, from 1). Issues not
/// named stay open. The message of an error names the item and what is known.
pub fn parse_terms(s: &crate::scenario::Scenario, text: &str) -> Result<Terms, String> {
    let norm = |x: &str| x.trim().to_ascii_lowercase().replace('-', "_");
    let mut terms: Terms = vec![None; s.issues.len()];
    for item in text.split(',').map(str::trim).filter(|x| !x.is_empty()) {
        let Some((issue, pos)) = item.split_once('=') else {
            return Err(format!("`{item}` is not `issue=position`"));
        };
        let Some(i) = s.issues.iter().position(|x| norm(&x.id) == norm(issue)) else {
            let known: Vec<&str> = s.issues.iter().map(|x| x.id.as_str()).collect();
            return Err(format!(
                "no issue `{}` (issues: {})",
                issue.trim(),
                known.join(", ")
            ));
        };
        let positions = &s.issues[i].positions;
        let by_number = pos
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| (1..=positions.len()).contains(&n))
            .map(|n| n - 1);
        let Some(p) = by_number.or_else(|| positions.iter().position(|x| norm(&x.id) == norm(pos)))
        else {
            let known: Vec<&str> = positions.iter().map(|x| x.id.as_str()).collect();
            return Err(format!(
                "issue `{}` has no position `{}` (positions: {}, or their numbers 1-{})",
                s.issues[i].id,
                pos.trim(),
                known.join(", "),
                positions.len()
            ));
        };
        if terms[i].is_some() {
            return Err(format!("issue `{}` is named twice", s.issues[i].id));
        }
        terms[i] = Some(crate::scenario::PosId(p));
    }
    if terms.iter().all(Option::is_none) {
        return Err("the terms name no issue".into());
    }
    Ok(terms)
}

/// Terms in the syntax [`parse_terms`] reads (ids), for showing and for records.
pub fn terms_text(
    s: &crate::scenario::Scenario,
    terms: &[Option<crate::scenario::PosId>],
) -> String {
    terms
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let p = (*p)?;
            Some(format!(
                "{}={}",
                s.issues[i].id, s.issues[i].positions[p.0].id
            ))
        })
        .collect::<Vec<_>>()
        .join(",")
}

impl Game {
    /// What the player's side knows of every actor's limits: its own always; another
    /// side's from the events its side knows of that set them (an intelligence report
    /// counts once it has arrived), the latest such event in timeline order. None: not
    /// known. `known_limits()[actor][issue]`. Nothing more: a table panel shows these
    /// and the public positions, never the agent model's hidden state.
    pub fn known_limits(&self) -> Vec<Vec<Option<crate::scenario::PosId>>> {
        self.known_limits_of(self.acting())
    }

    /// [`Game::known_limits`] for the side of `role`.
    pub fn known_limits_of(&self, role: ActorId) -> Vec<Vec<Option<crate::scenario::PosId>>> {
        let s = &self.scenario;
        let mut out = vec![vec![None; s.issues.len()]; s.actors.len()];
        out[role.0].clone_from(&self.state.limits[role.0]);
        for (e, entry) in s.timeline.iter().enumerate() {
            let crate::scenario::Entry::Event(ev) = entry else {
                continue;
            };
            if !self.state.fired[e] || !self.state.knows[role.0][e] {
                continue;
            }
            for effect in &ev.effects {
                if let crate::scenario::Effect::Limit(a, i, p) = effect
                    && *a != role
                {
                    out[a.0][i.0] = Some(*p);
                }
            }
        }
        out
    }
}
