//! Ids and references: each kind of id indexed once (empty and duplicate ids
//! reported), and one generic lookup that every reference by id goes through.

use std::collections::HashMap;

use super::{Checker, Item};
use crate::scenario::{ActorId, EntryId, FlagId, IssueId, PosId, SourceId, VarId};

/// A kind of id a reference can name: where its ids are indexed, and how an error
/// names it.
pub(super) trait Ref: Copy {
    /// The kind in words, for "no actor `x`".
    const WHAT: &'static str;
    /// Whether an error lists the known ids (not for timeline entries: too many).
    const LIST_KNOWN: bool = true;
    /// The index of this kind's ids.
    fn table<'c, 'a>(c: &'c Checker<'a>) -> &'c HashMap<&'a str, usize>;
    /// The typed index of the `i`-th item.
    fn at(i: usize) -> Self;
}

macro_rules! refs {
    ($($ty:ident, $what:literal, $field:ident, $list:literal;)*) => {$(
        impl Ref for $ty {
            const WHAT: &'static str = $what;
            const LIST_KNOWN: bool = $list;
            fn table<'c, 'a>(c: &'c Checker<'a>) -> &'c HashMap<&'a str, usize> {
                &c.$field
            }
            fn at(i: usize) -> Self {
                $ty(i)
            }
        }
    )*};
}

refs! {
    ActorId, "actor", actors, true;
    IssueId, "issue", issues, true;
    VarId, "variable", vars, true;
    FlagId, "flag", flags, true;
    SourceId, "source", sources, true;
    EntryId, "timeline entry", entries, false;
}

/// Most known ids listed in a "no such id" error.
const MAX_KNOWN_LISTED: usize = 12;

impl<'a> Checker<'a> {
    /// Indexes a list of ids, reporting empty ids and duplicates.
    pub(super) fn index<T>(
        &mut self,
        kind: &'a str,
        list: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
    ) -> HashMap<&'a str, usize> {
        let mut map = HashMap::new();
        for (i, item) in list.iter().enumerate() {
            let key = id(item);
            if key.trim().is_empty() {
                self.problem(
                    Item {
                        kind,
                        id: &format!("#{}", i + 1),
                    },
                    "id",
                    "the id is empty",
                );
            } else if map.insert(key, i).is_some() {
                self.problem(
                    Item { kind, id: key },
                    "id",
                    format!("duplicate id: another {kind} is already called `{key}`"),
                );
            }
        }
        map
    }

    /// Reports a reference to an id that does not exist, with the known ids when few.
    pub(super) fn missing(
        &mut self,
        item: Item,
        field: &str,
        what: &str,
        id: &str,
        known: Vec<&str>,
    ) {
        let mut known = known;
        known.sort_unstable();
        let hint = if known.is_empty() || known.len() > MAX_KNOWN_LISTED {
            String::new()
        } else {
            format!(" (known: {})", known.join(", "))
        };
        self.problem(item, field, format!("no {what} `{id}`{hint}"));
    }

    /// The item of kind `R` called `id`, or a problem saying there is none.
    pub(super) fn resolve<R: Ref>(&mut self, item: Item, field: &str, id: &str) -> Option<R> {
        let table = R::table(self);
        if let Some(&i) = table.get(id) {
            return Some(R::at(i));
        }
        let known = if R::LIST_KNOWN {
            table.keys().copied().collect()
        } else {
            Vec::new()
        };
        self.missing(item, field, R::WHAT, id, known);
        None
    }

    /// The actor called `id`, or actor 0 after reporting the problem (for fields whose
    /// value is needed to go on; the scenario is refused anyway).
    pub(super) fn actor_or_first(&mut self, item: Item, field: &str, id: &str) -> ActorId {
        self.resolve(item, field, id).unwrap_or(ActorId(0))
    }

    /// The actors of a list that exist (the others reported).
    pub(super) fn actor_list(&mut self, item: Item, field: &str, ids: &[String]) -> Vec<ActorId> {
        ids.iter()
            .filter_map(|id| self.resolve(item, field, id))
            .collect()
    }

    /// The position `id` of an issue: positions are ids within their issue.
    pub(super) fn pos_ref(
        &mut self,
        item: Item,
        field: &str,
        issue: IssueId,
        id: &str,
    ) -> Option<PosId> {
        if let Some(&p) = self.positions[issue.0].get(id) {
            return Some(PosId(p));
        }
        let known = self.positions[issue.0].keys().copied().collect();
        let what = format!("position on issue `{}`", self.raw.issues[issue.0].id);
        self.missing(item, field, &what, id, known);
        None
    }

    /// An actor, an issue and a position of that issue, all three resolved.
    pub(super) fn actor_issue_pos(
        &mut self,
        item: Item,
        field: &str,
        actor: &str,
        issue: &str,
        pos: &str,
    ) -> Option<(ActorId, IssueId, PosId)> {
        let a = self.resolve::<ActorId>(item, field, actor);
        let i = self.resolve(item, field, issue)?;
        let p = self.pos_ref(item, field, i, pos)?;
        Some((a?, i, p))
    }
}
