//! Conditions and effects, resolved: every id they name looked up, and a condition
//! that can never hold refused (see [`super::contradiction`]).

use super::contradiction::never_holds;
use super::{Checker, Item};
use crate::scenario::raw::{RawCond, RawEffect};
use crate::scenario::{ActorId, Cond, Effect, EntryId, IssueId};

impl Checker<'_> {
    pub(super) fn opt_cond(&mut self, item: Item, field: &str, cond: &Option<RawCond>) -> Cond {
        match cond {
            None => Cond::Always,
            Some(c) => self.cond(item, field, c),
        }
    }

    /// Resolves a condition and, when it resolved cleanly, refuses one that can never
    /// hold (`All([Flag(x), Not(Flag(x))])`…). A bare `Never` is the author's explicit
    /// choice and is allowed.
    pub(super) fn cond(&mut self, item: Item, field: &str, cond: &RawCond) -> Cond {
        let before = self.problems.len();
        let resolved = self.cond_parts(item, field, cond);
        if self.problems.len() == before
            && !matches!(cond, RawCond::Never)
            && let Some(why) = never_holds(&resolved, self.raw)
        {
            self.problem(item, field, format!("this condition can never hold: {why}"));
        }
        resolved
    }

    fn cond_parts(&mut self, item: Item, field: &str, cond: &RawCond) -> Cond {
        match cond {
            RawCond::Always => Cond::Always,
            RawCond::Never => Cond::Never,
            RawCond::All(list) => Cond::All(
                list.iter()
                    .map(|c| self.cond_parts(item, field, c))
                    .collect(),
            ),
            RawCond::Any(list) => Cond::Any(
                list.iter()
                    .map(|c| self.cond_parts(item, field, c))
                    .collect(),
            ),
            RawCond::Not(c) => Cond::Not(Box::new(self.cond_parts(item, field, c))),
            RawCond::Flag(f) => self.resolve(item, field, f).map_or(Cond::Never, Cond::Flag),
            RawCond::AtLeast(v, n) => self
                .resolve(item, field, v)
                .map_or(Cond::Never, |v| Cond::AtLeast(v, *n)),
            RawCond::AtMost(v, n) => self
                .resolve(item, field, v)
                .map_or(Cond::Never, |v| Cond::AtMost(v, *n)),
            RawCond::Chose(d, o) => {
                let Some(entry) = self.resolve::<EntryId>(item, field, d) else {
                    return Cond::Never;
                };
                let Some(options) = self.options.get(&entry.0) else {
                    self.problem(item, field, format!("`{d}` is an event, not a decision"));
                    return Cond::Never;
                };
                match options.get(o.as_str()) {
                    Some(&i) => Cond::Chose(entry, i),
                    None => {
                        let known = options.keys().copied().collect();
                        self.missing(item, field, &format!("option of decision `{d}`"), o, known);
                        Cond::Never
                    }
                }
            }
            RawCond::Fired(e) => {
                let Some(entry) = self.resolve::<EntryId>(item, field, e) else {
                    return Cond::Never;
                };
                if self.options.contains_key(&entry.0) {
                    self.problem(
                        item,
                        field,
                        format!("`{e}` is a decision, not an event: use Chose"),
                    );
                }
                Cond::Fired(entry)
            }
            RawCond::Holds(a, i, p) => self
                .actor_issue_pos(item, field, a, i, p)
                .map_or(Cond::Never, |(a, i, p)| Cond::Holds(a, i, p)),
            RawCond::Knows(a, e) => {
                let a = self.resolve::<ActorId>(item, field, a);
                let e = self.resolve::<EntryId>(item, field, e);
                match (a, e) {
                    (Some(a), Some(e)) => Cond::Knows(a, e),
                    _ => Cond::Never,
                }
            }
            RawCond::Agreed(i) => self
                .resolve(item, field, i)
                .map_or(Cond::Never, Cond::Agreed),
            RawCond::TermsAgreed => Cond::TermsAgreed,
            RawCond::Armistice => Cond::Armistice,
            RawCond::ArmisticeBy(d) => Cond::ArmisticeBy(d.0),
            RawCond::Term(i, p) => {
                let Some(issue) = self.resolve::<IssueId>(item, field, i) else {
                    return Cond::Never;
                };
                self.pos_ref(item, field, issue, p)
                    .map_or(Cond::Never, |p| Cond::Term(issue, p))
            }
        }
    }

    pub(super) fn effects(&mut self, item: Item, field: &str, list: &[RawEffect]) -> Vec<Effect> {
        list.iter()
            .filter_map(|e| self.effect(item, field, e))
            .collect()
    }

    fn effect(&mut self, item: Item, field: &str, effect: &RawEffect) -> Option<Effect> {
        Some(match effect {
            RawEffect::Add(v, n) => Effect::Add(self.resolve(item, field, v)?, *n),
            RawEffect::Set(v, n) => Effect::Set(self.resolve(item, field, v)?, *n),
            RawEffect::Raise(f) => Effect::Raise(self.resolve(item, field, f)?),
            RawEffect::Lower(f) => Effect::Lower(self.resolve(item, field, f)?),
            RawEffect::Move(a, i, p) => {
                let (a, i, p) = self.actor_issue_pos(item, field, a, i, p)?;
                Effect::Move(a, i, p)
            }
            RawEffect::Limit(a, i, p) => {
                let (a, i, p) = self.actor_issue_pos(item, field, a, i, p)?;
                Effect::Limit(a, i, p)
            }
            RawEffect::Reveal(a, e) => {
                let a = self.resolve::<ActorId>(item, field, a);
                let e = self.resolve::<EntryId>(item, field, e);
                Effect::Reveal(a?, e?)
            }
            RawEffect::SignArmistice => Effect::SignArmistice,
            RawEffect::End(reason) => Effect::End(reason.clone()),
        })
    }
}
