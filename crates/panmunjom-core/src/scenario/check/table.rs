//! The table: sessions (dates inside the span, actors seated, who may table), the
//! meetings they schedule, historical proposals (inside their session, by a seated
//! author, on positions that exist, in date order) and the options that table them.

use std::collections::{BTreeSet, HashSet};

use chrono::{Days, NaiveDate};

use super::{Checker, Item};
use crate::scenario::raw::{RawReply, RawTemperament};
use crate::scenario::table::MAX_MEETINGS;
use crate::scenario::{
    Answer, Consult, Entry, EntryId, IssueId, Meeting, Proposal, ProposalId, Reply, Session,
    SessionId, Temperament, VarId,
};

/// The range of a session's rounds per meeting.
const ROUNDS: std::ops::RangeInclusive<u32> = 1..=10;
/// The range of a temperament's start and fall (percent points).
const PERCENT: std::ops::RangeInclusive<i64> = 0..=100;

impl Checker<'_> {
    pub(super) fn sessions_list(&mut self) -> Vec<Session> {
        let raw = self.raw;
        let mut out = Vec::new();
        for s in &raw.sessions {
            let item = Item {
                kind: "session",
                id: &s.id,
            };
            let to = s.to.unwrap_or(s.from);
            for (field, d) in [("from", s.from), ("to", to)] {
                if d < raw.start || d > raw.end {
                    self.problem(
                        item,
                        field,
                        format!(
                            "{d} is outside the scenario's span {} to {}",
                            raw.start, raw.end
                        ),
                    );
                }
            }
            if to < s.from {
                self.problem(
                    item,
                    "to",
                    format!("the session ends ({to}) before it begins ({})", s.from),
                );
            }
            if s.seated.is_empty() {
                self.problem(item, "seated", "nobody is seated at the session");
            }
            let seated = self.actor_list(item, "seated", &s.seated);
            let mut may_table = self.actor_list(item, "may_table", &s.may_table);
            for a in &s.may_table {
                if !s.seated.contains(a) {
                    self.problem(
                        item,
                        "may_table",
                        format!(
                            "`{a}` may table but is not seated (seated: {})",
                            s.seated.join(", ")
                        ),
                    );
                }
            }
            if may_table.is_empty() {
                may_table = seated.clone();
            }
            if !ROUNDS.contains(&s.rounds) {
                self.problem(
                    item,
                    "rounds",
                    format!(
                        "{} rounds: a meeting allows {} to {} proposals by the player",
                        s.rounds,
                        ROUNDS.start(),
                        ROUNDS.end()
                    ),
                );
            }
            out.push(Session {
                id: s.id.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
                from: s.from.0,
                to: to.0,
                every_days: s.every_days,
                when: self.opt_cond(item, "when", &s.when),
                seated,
                may_table,
                rounds: s.rounds,
                sources: self.cites(item, "sources", &s.sources),
            });
        }
        out
    }

    /// The historical proposals; `sessions` as checked, `timeline` for the options
    /// that table them.
    pub(super) fn proposals_list(
        &mut self,
        sessions: &[Session],
        timeline: &[Entry],
    ) -> Vec<Proposal> {
        let raw = self.raw;
        let mut out = Vec::new();
        let mut previous: Option<(NaiveDate, &str)> = None;
        for p in &raw.proposals {
            let item = Item {
                kind: "proposal",
                id: &p.id,
            };
            if let Some((date, id)) = previous
                && p.date.0 < date
            {
                self.problem(
                    item,
                    "date",
                    format!("{} is before proposal `{id}` ({date}) listed above it: list proposals in date order", p.date),
                );
            }
            previous = Some((p.date.0, &p.id));
            if p.sources.is_empty() {
                self.problem(
                    item,
                    "sources",
                    "a historical proposal must cite its source",
                );
            }
            let author = self.actor_or_first(item, "author", &p.author);
            let session = self.session_ref(item, &p.session);
            if let Some(sid) = session {
                let s = &sessions[sid.0];
                if p.date.0 < s.from || p.date.0 > s.to {
                    self.problem(
                        item,
                        "date",
                        format!(
                            "{} is outside session `{}` ({} to {}): a proposal is tabled at a session",
                            p.date, s.id, s.from, s.to
                        ),
                    );
                }
                if self.actors.contains_key(p.author.as_str()) && !s.seated.contains(&author) {
                    self.problem(
                        item,
                        "author",
                        format!("`{}` is not seated at session `{}`", p.author, s.id),
                    );
                } else if self.actors.contains_key(p.author.as_str())
                    && !s.may_table.contains(&author)
                {
                    self.problem(
                        item,
                        "author",
                        format!("`{}` may not table at session `{}`", p.author, s.id),
                    );
                }
            }
            let mut terms = vec![None; raw.issues.len()];
            if p.terms.is_empty() {
                self.problem(
                    item,
                    "terms",
                    "a proposal takes a position on at least one issue",
                );
            }
            let mut seen = HashSet::new();
            for (issue, pos) in &p.terms {
                let field = format!("terms.{issue}");
                let Some(i) = self.resolve::<IssueId>(item, &field, issue) else {
                    continue;
                };
                if !seen.insert(i) {
                    self.problem(item, &field, format!("two positions on issue `{issue}`"));
                }
                if let Some(pos) = self.pos_ref(item, &field, i, pos) {
                    terms[i.0] = Some(pos);
                }
            }
            let mut answers = Vec::new();
            for (n, a) in p.answers.iter().enumerate() {
                let field = format!("answers.{}", n + 1);
                let by = self.actor_list(item, &format!("{field}.by"), &a.by);
                if let Some(sid) = session {
                    for (who, id) in by.iter().zip(&a.by) {
                        if !sessions[sid.0].seated.contains(who) {
                            self.problem(
                                item,
                                &format!("{field}.by"),
                                format!(
                                    "`{id}` answers but is not seated at session `{}`",
                                    sessions[sid.0].id
                                ),
                            );
                        }
                    }
                }
                let date = a.date.map_or(p.date.0, |d| d.0);
                if date < p.date.0 || date > raw.end.0 {
                    self.problem(
                        item,
                        &format!("{field}.date"),
                        format!(
                            "{date} is before the proposal ({}) or after the scenario's end",
                            p.date
                        ),
                    );
                }
                answers.push(Answer {
                    by,
                    reply: match a.reply {
                        RawReply::Accepted => Reply::Accepted,
                        RawReply::AcceptedInPart => Reply::AcceptedInPart,
                        RawReply::Rejected => Reply::Rejected,
                        RawReply::Countered => Reply::Countered,
                    },
                    date,
                    note: a.note.clone(),
                    sources: self.cites(item, &format!("{field}.sources"), &a.sources),
                });
            }
            out.push(Proposal {
                id: p.id.clone(),
                author,
                date: p.date.0,
                date_label: p.date_label.clone(),
                session: session.unwrap_or(SessionId(0)),
                title: p.title.clone(),
                text: p.text.clone(),
                terms,
                answers,
                sources: self.cites(item, "sources", &p.sources),
                effects: self.proposal_effects(item, &p.effects),
                option: None,
                when: self.opt_cond(item, "when", &p.when),
            });
        }
        self.link_options(&mut out, timeline);
        out
    }

    /// Records on each proposal the option that tables it; the option's decision must
    /// be its author's, and one option at most tables a proposal.
    fn link_options(&mut self, proposals: &mut [Proposal], timeline: &[Entry]) {
        for (e, entry) in timeline.iter().enumerate() {
            let Entry::Decision(d) = entry else { continue };
            for (o, opt) in d.options.iter().enumerate() {
                let Some(pid) = opt.proposal else { continue };
                let Some(p) = proposals.get_mut(pid.0) else {
                    continue;
                };
                let item = Item {
                    kind: "decision",
                    id: &d.id,
                };
                let field = format!("options.{}.proposal", opt.id);
                if p.author != d.role {
                    let msg = format!(
                        "proposal `{}` is by `{}`, not by the decision's role `{}`",
                        p.id,
                        self.raw
                            .actors
                            .get(p.author.0)
                            .map_or("?", |a| a.id.as_str()),
                        self.raw.actors.get(d.role.0).map_or("?", |a| a.id.as_str())
                    );
                    self.problem(item, &field, msg);
                } else if let Some((other, _)) = p.option {
                    let msg = format!(
                        "proposal `{}` is already tabled by an option of `{}`",
                        p.id,
                        timeline[other.0].id()
                    );
                    self.problem(item, &field, msg);
                } else {
                    p.option = Some((EntryId(e), o));
                }
            }
        }
    }

    /// A proposal's effects: on variables, flags and positions only (signing, ending
    /// and revealing belong to the timeline).
    fn proposal_effects(
        &mut self,
        item: Item,
        list: &[crate::scenario::raw::RawEffect],
    ) -> Vec<crate::scenario::Effect> {
        use crate::scenario::raw::RawEffect;
        for e in list {
            if matches!(
                e,
                RawEffect::SignArmistice | RawEffect::End(_) | RawEffect::Reveal(..)
            ) {
                self.problem(
                    item,
                    "effects",
                    "a proposal's effects may change variables, flags, positions and limits; signing, ending and revealing belong to the timeline",
                );
            }
        }
        self.effects(item, "effects", list)
    }

    /// The proposal named by an option's `proposal` field.
    pub(super) fn proposal_ref(&mut self, item: Item, field: &str, id: &str) -> Option<ProposalId> {
        if let Some(i) = self.raw.proposals.iter().position(|p| p.id == id) {
            return Some(ProposalId(i));
        }
        let known = self.raw.proposals.iter().map(|p| p.id.as_str()).collect();
        self.missing(item, field, "proposal", id, known);
        None
    }

    fn session_ref(&mut self, item: Item, id: &str) -> Option<SessionId> {
        if let Some(i) = self.raw.sessions.iter().position(|s| s.id == id) {
            return Some(SessionId(i));
        }
        let known = self.raw.sessions.iter().map(|s| s.id.as_str()).collect();
        self.missing(item, "session", "session", id, known);
        None
    }

    /// Every meeting: each session's first date, every `every_days` to its last, and
    /// the dates of the proposals tabled there; by date, then session.
    pub(super) fn meetings(
        &mut self,
        sessions: &[Session],
        proposals: &[Proposal],
    ) -> Vec<Meeting> {
        let mut set: BTreeSet<(NaiveDate, usize)> = BTreeSet::new();
        for (i, s) in sessions.iter().enumerate() {
            set.insert((s.from, i));
            if s.every_days > 0 {
                let mut d = s.from;
                while let Some(next) = d.checked_add_days(Days::new(u64::from(s.every_days))) {
                    if next > s.to || set.len() > MAX_MEETINGS {
                        break;
                    }
                    set.insert((next, i));
                    d = next;
                }
            }
        }
        for p in proposals {
            set.insert((p.date, p.session.0));
        }
        if set.len() > MAX_MEETINGS {
            let top = Item {
                kind: "scenario",
                id: &self.raw.id,
            };
            self.problem(
                top,
                "sessions",
                format!("the sessions schedule more than {MAX_MEETINGS} meetings: meet less often"),
            );
        }
        set.into_iter()
            .take(MAX_MEETINGS)
            .map(|(date, s)| Meeting {
                date,
                session: SessionId(s),
            })
            .collect()
    }

    /// An actor's temperament, checked (default when it declares none).
    pub(super) fn temperament(&mut self, item: Item, t: Option<&RawTemperament>) -> Temperament {
        let Some(t) = t else {
            return Temperament::default();
        };
        let (start, fall) = (i64::from(t.start), i64::from(t.fall));
        for (field, v) in [("bargaining.start", start), ("bargaining.fall", fall)] {
            if !PERCENT.contains(&v) {
                self.problem(item, field, format!("{v} is not a percentage (0-100)"));
            }
        }
        let mut pressures = Vec::new();
        for p in &t.pressures {
            self.in_range(
                item,
                &format!("bargaining.pressures.{}.weight", p.variable),
                p.weight,
                &super::actors::INTEREST_WEIGHTS,
                "aspiration points per 10 units of the variable",
            );
            if let Some(v) = self.resolve::<VarId>(item, "bargaining.pressures", &p.variable) {
                pressures.push((v, p.weight));
            }
        }
        let mut consults = Vec::new();
        for c in &t.consults {
            let ally =
                self.resolve::<crate::scenario::ActorId>(item, "bargaining.consults.ally", &c.ally);
            let when = self.opt_cond(item, "bargaining.consults.when", &c.when);
            if c.ally == item.id {
                self.problem(
                    item,
                    "bargaining.consults.ally",
                    "an actor does not consult itself",
                );
            }
            if let Some(ally) = ally {
                let refusal = if c.refusal.trim().is_empty() {
                    let name = self.raw.actors.get(ally.0).map_or("", |a| a.name.as_str());
                    format!("{name} has not agreed")
                } else {
                    c.refusal.clone()
                };
                consults.push(Consult {
                    ally,
                    when,
                    refusal,
                });
            }
        }
        Temperament {
            start,
            fall,
            pressures,
            consults,
        }
    }
}
