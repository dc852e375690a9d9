//! The scenario's plainer items: issues and their positions, variables, flags,
//! objectives, and the variables the scenario declares a meaning for.

use super::{Checker, Item};
use crate::scenario::{Flag, Issue, Objective, Position, VarId, Variable};

impl Checker<'_> {
    pub(super) fn issues_list(&mut self) -> Vec<Issue> {
        let raw = self.raw;
        raw.issues
            .iter()
            .map(|i| Issue {
                id: i.id.clone(),
                name: i.name.clone(),
                description: i.description.clone(),
                positions: i
                    .positions
                    .iter()
                    .map(|p| Position {
                        id: p.id.clone(),
                        label: p.label.clone(),
                        sources: self.cites(
                            Item {
                                kind: "position",
                                id: &p.id,
                            },
                            "sources",
                            &p.sources,
                        ),
                    })
                    .collect(),
            })
            .collect()
    }

    pub(super) fn variables_list(&mut self) -> Vec<Variable> {
        let raw = self.raw;
        raw.variables
            .iter()
            .map(|v| {
                let item = Item {
                    kind: "variable",
                    id: &v.id,
                };
                if v.min > v.max {
                    self.problem(item, "max", format!("max {} is below min {}", v.max, v.min));
                } else if v.initial < v.min || v.initial > v.max {
                    self.problem(
                        item,
                        "initial",
                        format!(
                            "initial value {} is outside {}..{}",
                            v.initial, v.min, v.max
                        ),
                    );
                }
                Variable {
                    id: v.id.clone(),
                    label: v.label.clone(),
                    description: v.description.clone(),
                    initial: v.initial,
                    min: v.min,
                    max: v.max,
                    per_week: v.per_week,
                    unit: v.unit.clone(),
                }
            })
            .collect()
    }

    pub(super) fn flags_list(&mut self) -> Vec<Flag> {
        self.raw
            .flags
            .iter()
            .map(|f| Flag {
                id: f.id.clone(),
                label: f.label.clone(),
                initial: f.initial,
            })
            .collect()
    }

    /// The variable the scenario names as its cost of delay (the explorer reports its
    /// spread), if it names one.
    pub(super) fn cost_of_delay(&mut self, top: Item) -> Option<VarId> {
        let id = self.raw.cost_of_delay.as_deref()?;
        self.resolve(top, "cost_of_delay", id)
    }

    pub(super) fn objectives(&mut self) -> Vec<Objective> {
        let raw = self.raw;
        let objectives = raw
            .objectives
            .iter()
            .map(|o| {
                let item = Item {
                    kind: "objective",
                    id: &o.id,
                };
                if let Some(actor) = raw.actors.iter().find(|a| a.id == o.role)
                    && !actor.playable
                {
                    self.problem(
                        item,
                        "role",
                        format!("`{}` is not a playable actor", o.role),
                    );
                }
                Objective {
                    id: o.id.clone(),
                    role: self.actor_or_first(item, "role", &o.role),
                    text: o.text.clone(),
                    test: self.cond(item, "test", &o.test),
                }
            })
            .collect();
        let _ = self.index("objective", &raw.objectives, |o| o.id.as_str());
        objectives
    }
}
