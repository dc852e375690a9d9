//! The outcome space and the parties' preferences as plain data (JSON for NegMAS).

use serde::Serialize;

use super::Model;
use crate::scenario::Scenario;

/// An issue and its position ids.
#[derive(Debug, Clone, Serialize)]
pub struct SpaceIssue {
    pub id: String,
    pub positions: Vec<String>,
}

/// A party's linear-additive preferences.
#[derive(Debug, Clone, Serialize)]
pub struct SpaceParty {
    pub id: String,
    /// Utility table per issue: `utility[issue][position]` (points).
    pub utility: Vec<Vec<i64>>,
    /// The utility of the party's limits: below it, it does not accept.
    pub reservation: i64,
    /// The best utility it can get.
    pub best: i64,
    /// Accepted positions per issue: inclusive index range.
    pub accept: Vec<(usize, usize)>,
}

/// The outcome space with the armistice parties' preferences.
#[derive(Debug, Clone, Serialize)]
pub struct Space {
    pub scenario: String,
    pub deals: u64,
    pub issues: Vec<SpaceIssue>,
    pub parties: Vec<SpaceParty>,
}

impl Space {
    pub fn new(s: &Scenario, m: &Model) -> Space {
        Space {
            scenario: s.id.clone(),
            deals: m.size(),
            issues: s
                .issues
                .iter()
                .map(|i| SpaceIssue {
                    id: i.id.clone(),
                    positions: i.positions.iter().map(|p| p.id.clone()).collect(),
                })
                .collect(),
            parties: m
                .parties
                .iter()
                .map(|&k| {
                    let a = &m.actors[k];
                    SpaceParty {
                        id: s.actor(a.actor).id.clone(),
                        utility: a.table.clone(),
                        reservation: a.disagreement,
                        best: a.best,
                        accept: a.accept.clone(),
                    }
                })
                .collect(),
        }
    }
}
