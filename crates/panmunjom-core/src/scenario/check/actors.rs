//! Actors: stances (position, limit, weight), interests, `settle`, and the aliases a
//! player may call a role by. Weights are bounded so that the bargaining analysis and
//! the adaptive policy, which sum them, stay far from overflow and mean what the
//! documentation says.

use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

use super::{Checker, Item};
use crate::scenario::{Actor, IssueId, Stance, VarId};

/// The range of a stance's `weight`: how much an issue matters to an actor.
pub const STANCE_WEIGHTS: RangeInclusive<i64> = 0..=10;
/// The range of an interest's `weight` (negative: the actor dislikes the variable rising).
pub const INTEREST_WEIGHTS: RangeInclusive<i64> = -10..=10;
/// The range of an actor's `settle` bonus.
pub const SETTLE: RangeInclusive<i64> = -100..=100;

impl Checker<'_> {
    pub(super) fn actors_list(&mut self) -> Vec<Actor> {
        self.aliases();
        let raw = self.raw;
        raw.actors
            .iter()
            .map(|a| {
                let item = Item {
                    kind: "actor",
                    id: &a.id,
                };
                let mut seen = HashSet::new();
                let mut stances = Vec::new();
                for s in &a.stances {
                    let Some(issue) = self.resolve::<IssueId>(item, "stances", &s.issue) else {
                        continue;
                    };
                    if !seen.insert(issue) {
                        self.problem(
                            item,
                            "stances",
                            format!("two stances on issue `{}`", s.issue),
                        );
                    }
                    self.in_range(
                        item,
                        &format!("stances.{}.weight", s.issue),
                        s.weight,
                        &STANCE_WEIGHTS,
                        "how much the issue matters to the actor",
                    );
                    let position = self.pos_ref(item, "stances.position", issue, &s.position);
                    let limit = self.pos_ref(item, "stances.limit", issue, &s.limit);
                    if let (Some(position), Some(limit)) = (position, limit) {
                        stances.push(Stance {
                            issue,
                            position,
                            limit,
                            weight: s.weight,
                        });
                    }
                }
                let mut interests = Vec::new();
                for i in &a.interests {
                    self.in_range(
                        item,
                        &format!("interests.{}.weight", i.variable),
                        i.weight,
                        &INTEREST_WEIGHTS,
                        "points per unit the variable changes",
                    );
                    if let Some(v) = self.resolve::<VarId>(item, "interests", &i.variable) {
                        interests.push((v, i.weight));
                    }
                }
                self.in_range(
                    item,
                    "settle",
                    a.settle,
                    &SETTLE,
                    "points per issue brought to agreement",
                );
                Actor {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    aliases: a.aliases.clone(),
                    playable: a.playable,
                    description: a.description.clone(),
                    briefing: a.briefing.clone(),
                    stances,
                    interests,
                    settle: a.settle,
                    temperament: self.temperament(item, a.bargaining.as_ref()),
                }
            })
            .collect()
    }

    /// Reports a number outside its documented range.
    pub(super) fn in_range(
        &mut self,
        item: Item,
        field: &str,
        value: i64,
        range: &RangeInclusive<i64>,
        meaning: &str,
    ) {
        if !range.contains(&value) {
            self.problem(
                item,
                field,
                format!(
                    "{value} is outside the range {} to {} ({meaning})",
                    range.start(),
                    range.end()
                ),
            );
        }
    }

    /// Checks that every id and alias is a name for one actor only: no two ids that
    /// differ only in case; an alias not empty, not another actor's id or alias; all
    /// compared without regard to case, as a player's typing is.
    fn aliases(&mut self) {
        let raw = self.raw;
        let key = |name: &str| name.trim().to_ascii_lowercase();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, a) in raw.actors.iter().enumerate() {
            match ids.get(&key(&a.id)) {
                // Exact repeats are reported as duplicate ids; ids that differ only in
                // case would make a role typed by a player lead to two actors.
                Some(&j) if raw.actors[j].id != a.id => {
                    let message = format!(
                        "id `{}` differs from actor `{}` only in case: a role is found by its name whatever the case, so a name may lead to one actor only",
                        a.id, raw.actors[j].id
                    );
                    let item = Item {
                        kind: "actor",
                        id: &a.id,
                    };
                    self.problem(item, "id", message);
                }
                Some(_) => {}
                None => {
                    ids.insert(key(&a.id), i);
                }
            }
        }
        let mut taken: HashMap<String, usize> = HashMap::new();
        for (i, a) in raw.actors.iter().enumerate() {
            let item = Item {
                kind: "actor",
                id: &a.id,
            };
            for alias in &a.aliases {
                let k = key(alias);
                if k.is_empty() {
                    self.problem(item, "aliases", "an alias is empty");
                    continue;
                }
                if let Some(&j) = ids.get(&k)
                    && j != i
                {
                    let message = format!(
                        "alias `{alias}` is the id of actor `{}`: a name may lead to one actor only",
                        raw.actors[j].id
                    );
                    self.problem(item, "aliases", message);
                    continue;
                }
                match taken.get(&k) {
                    Some(&j) if j != i => {
                        let message = format!(
                            "alias `{alias}` is also an alias of actor `{}`: a name may lead to one actor only",
                            raw.actors[j].id
                        );
                        self.problem(item, "aliases", message);
                    }
                    Some(_) => {}
                    None => {
                        taken.insert(k, i);
                    }
                }
            }
        }
    }
}
