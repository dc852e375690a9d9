//! Bargaining analysis: utilities, zone of agreement, Pareto frontier, Nash point.
//!
//! # The model
//!
//! The outcome space is every combination of one position per issue of the scenario
//! (a *deal*). Each actor with stances values a deal by its stances, as the game's
//! state has moved them:
//!
//! - **Utility** (integer points): on each issue where the actor has a stance with
//!   weight `w` over an issue of `n` positions, the position `p` is worth
//!   `w × (n − 1 − |p − ideal|)`: every step away from its *ideal* (the stance's
//!   starting position) costs `w` points — the same measure the adaptive policy uses.
//!   A deal is worth the sum over issues. Issues without a stance count 0.
//! - **Acceptable**: the actor accepts a deal when on every issue the position lies
//!   between its ideal and its *limit* as events have moved it — exactly the engine's
//!   rule ([`crate::engine::State::within_limit`]).
//! - **Disagreement point** `d`: the utility of the worst deal it accepts, its limit
//!   on every issue. Every acceptable deal gives at least `d`; no deal at all (no
//!   armistice) is valued at `d`.
//!
//! Over the armistice parties (the scenario's `armistice.parties`):
//! - the **zone of agreement** is the set of deals every party accepts (may be empty);
//! - the **Pareto frontier** is the set of deals no other deal beats for one party
//!   without being worse for another (over the whole space, acceptable or not);
//! - the **Nash bargaining point** is the deal of the zone that maximises the product
//!   of the parties' gains over their disagreement points, `Π (u − d)` (ties: the
//!   first in the space's order). Empty zone: no Nash point.
//!
//! Everything is integer arithmetic and enumeration in a fixed order: deterministic.
//! Sums saturate instead of overflowing: the checker bounds weights to
//! [`crate::scenario::STANCE_WEIGHTS`], but a scenario built in code may hold any.

pub mod export;
mod pareto;
pub mod rational;
pub mod timeline;
pub mod view;

use crate::engine::State;
use crate::scenario::{ActorId, IssueId, Scenario};

pub use rational::{is_rational, rational_frontier};
pub use timeline::{Timeline, timeline, walk_to};
pub use view::BargainView;

/// The largest outcome space analysed (deals); beyond it [`analyze`] refuses.
pub const MAX_DEALS: u64 = 1 << 22;

/// One actor's preferences at one moment, ready for fast evaluation.
#[derive(Debug, Clone)]
pub struct ActorModel {
    pub actor: ActorId,
    /// Whether it is an armistice party.
    pub party: bool,
    /// `table[issue][position]`: the points that position is worth to it.
    pub table: Vec<Vec<i64>>,
    /// `accept[issue]`: the inclusive range of positions it accepts.
    pub accept: Vec<(usize, usize)>,
    /// Its ideal position per issue (None: no stance).
    pub ideal: Vec<Option<usize>>,
    /// Its limit per issue, as events have moved it (None: no stance).
    pub limit: Vec<Option<usize>>,
    /// The disagreement point: utility of its limits.
    pub disagreement: i64,
    /// The utility of its ideal deal.
    pub best: i64,
}

/// The outcome space and every actor's preferences over it.
#[derive(Debug, Clone)]
pub struct Model {
    /// Positions per issue.
    pub radix: Vec<usize>,
    /// Every actor with at least one stance, in scenario order.
    pub actors: Vec<ActorModel>,
    /// Indices into `actors` of the armistice parties.
    pub parties: Vec<usize>,
}

/// A deal: one position index per issue.
pub type Deal = Vec<usize>;

impl Model {
    /// The preferences in `state` (the limits it holds) over `s`'s outcome space.
    pub fn new(s: &Scenario, state: &State) -> Model {
        let radix: Vec<usize> = s.issues.iter().map(|i| i.positions.len()).collect();
        let mut actors = Vec::new();
        let mut parties = Vec::new();
        for (a, actor) in s.actors.iter().enumerate() {
            if actor.stances.is_empty() {
                continue;
            }
            let id = ActorId(a);
            let mut table: Vec<Vec<i64>> = radix.iter().map(|&n| vec![0; n]).collect();
            let mut accept: Vec<(usize, usize)> =
                radix.iter().map(|&n| (0, n.saturating_sub(1))).collect();
            let mut ideal = vec![None; radix.len()];
            let mut limit = vec![None; radix.len()];
            let (mut disagreement, mut best) = (0i64, 0i64);
            for st in &actor.stances {
                let i = st.issue.0;
                let n = radix[i];
                let x = st.position.0;
                let l = state
                    .limits
                    .get(a)
                    .and_then(|ls| ls.get(i).copied().flatten())
                    .unwrap_or(st.limit)
                    .0;
                for (p, cell) in table[i].iter_mut().enumerate() {
                    let steps = (n - 1).saturating_sub(p.abs_diff(x)) as i64;
                    *cell = st.weight.saturating_mul(steps);
                }
                accept[i] = (x.min(l), x.max(l));
                ideal[i] = Some(x);
                limit[i] = Some(l);
                disagreement = disagreement.saturating_add(table[i].get(l).copied().unwrap_or(0));
                best = best.saturating_add(table[i].get(x).copied().unwrap_or(0));
            }
            let party = s.armistice.parties.contains(&id);
            if party {
                parties.push(actors.len());
            }
            actors.push(ActorModel {
                actor: id,
                party,
                table,
                accept,
                ideal,
                limit,
                disagreement,
                best,
            });
        }
        Model {
            radix,
            actors,
            parties,
        }
    }

    /// How many deals the space holds (saturating).
    pub fn size(&self) -> u64 {
        self.radix
            .iter()
            .fold(1u64, |acc, &n| acc.saturating_mul(n as u64))
    }

    /// The deal with index `index` (the first issue varies slowest).
    pub fn decode(&self, mut index: u64) -> Deal {
        let mut deal = vec![0; self.radix.len()];
        for (i, &n) in self.radix.iter().enumerate().rev() {
            let n = n.max(1) as u64;
            deal[i] = (index % n) as usize;
            index /= n;
        }
        deal
    }

    /// The index of a deal.
    pub fn encode(&self, deal: &[usize]) -> u64 {
        deal.iter()
            .zip(&self.radix)
            .fold(0u64, |acc, (&p, &n)| acc * n as u64 + p as u64)
    }

    /// Actor `k`'s (index into `actors`) utility for a deal (saturating: a scenario
    /// built without the checker may hold any weight).
    pub fn utility(&self, k: usize, deal: &[usize]) -> i64 {
        let t = &self.actors[k].table;
        deal.iter()
            .enumerate()
            .map(|(i, &p)| t[i].get(p).copied().unwrap_or(0))
            .fold(0, i64::saturating_add)
    }

    /// Whether actor `k` accepts a deal.
    pub fn accepts(&self, k: usize, deal: &[usize]) -> bool {
        let acc = &self.actors[k].accept;
        deal.iter()
            .zip(acc)
            .all(|(&p, &(lo, hi))| lo <= p && p <= hi)
    }

    /// Per issue, the positions every party accepts (None when no position is).
    pub fn common_ranges(&self) -> Vec<Option<(usize, usize)>> {
        (0..self.radix.len())
            .map(|i| {
                let mut lo = 0;
                let mut hi = self.radix[i].saturating_sub(1);
                for &k in &self.parties {
                    let (a, b) = self.actors[k].accept[i];
                    lo = lo.max(a);
                    hi = hi.min(b);
                }
                (lo <= hi && self.radix[i] > 0).then_some((lo, hi))
            })
            .collect()
    }

    /// How many deals the zone of agreement holds, without listing them.
    pub fn zone_size(&self) -> u64 {
        self.common_ranges().iter().fold(1u64, |acc, r| {
            acc.saturating_mul(r.map_or(0, |(lo, hi)| (hi - lo + 1) as u64))
        })
    }
}

/// The analysis of one moment.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub model: Model,
    /// Indices of the deals in the zone of agreement, ascending.
    pub zone: Vec<u64>,
    /// Indices of the Pareto-optimal deals (for the parties), ascending.
    pub frontier: Vec<u64>,
    /// The Nash bargaining point, if the zone is not empty.
    pub nash: Option<u64>,
}

/// Why a space was not analysed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the outcome space has {0} deals, more than the {MAX_DEALS} analysed")]
pub struct TooLarge(pub u64);

/// Analyses the moment `state` of a game of `s`.
pub fn analyze(s: &Scenario, state: &State) -> Result<Analysis, TooLarge> {
    analyze_model(Model::new(s, state))
}

/// Analyses a model.
pub fn analyze_model(model: Model) -> Result<Analysis, TooLarge> {
    let size = model.size();
    if size > MAX_DEALS {
        return Err(TooLarge(size));
    }
    let (zone, nash) = zone_and_nash(&model);
    let frontier = pareto::frontier(&model);
    Ok(Analysis {
        model,
        zone,
        frontier,
        nash,
    })
}

/// Enumerates the zone (the product of the per-issue common ranges) in index order,
/// keeping the deal with the largest product of gains.
fn zone_and_nash(m: &Model) -> (Vec<u64>, Option<u64>) {
    let ranges: Option<Vec<(usize, usize)>> = m.common_ranges().into_iter().collect();
    let Some(ranges) = ranges else {
        return (Vec::new(), None);
    };
    if ranges.is_empty() {
        return (Vec::new(), None);
    }
    let parties: Vec<&ActorModel> = m.parties.iter().map(|&k| &m.actors[k]).collect();
    let mut deal: Vec<usize> = ranges.iter().map(|r| r.0).collect();
    let mut zone = Vec::new();
    let mut best: Option<(i128, u64)> = None;
    loop {
        let index = m.encode(&deal);
        zone.push(index);
        let mut product: i128 = 1;
        for a in &parties {
            let u = deal
                .iter()
                .enumerate()
                .map(|(i, &p)| a.table[i][p])
                .fold(0, i64::saturating_add);
            product = product.saturating_mul(i128::from(u.saturating_sub(a.disagreement)));
        }
        if best.is_none_or(|(b, _)| product > b) {
            best = Some((product, index));
        }
        // next deal in the product, last issue fastest
        let mut i = deal.len();
        loop {
            if i == 0 {
                return (zone, best.map(|b| b.1));
            }
            i -= 1;
            if deal[i] < ranges[i].1 {
                deal[i] += 1;
                break;
            }
            deal[i] = ranges[i].0;
        }
    }
}

impl Analysis {
    /// The utilities of every actor of the model for a deal.
    pub fn utilities(&self, deal: &[usize]) -> Vec<i64> {
        (0..self.model.actors.len())
            .map(|k| self.model.utility(k, deal))
            .collect()
    }

    /// The parties' utilities for a deal.
    pub fn party_utilities(&self, deal: &[usize]) -> Vec<i64> {
        self.model
            .parties
            .iter()
            .map(|&k| self.model.utility(k, deal))
            .collect()
    }

    /// Whether every party accepts a deal.
    pub fn in_zone(&self, deal: &[usize]) -> bool {
        self.model
            .parties
            .iter()
            .all(|&k| self.model.accepts(k, deal))
    }

    /// Whether no deal beats this one for a party without being worse for another.
    pub fn on_frontier(&self, deal: &[usize]) -> bool {
        self.closest_improvement(deal).is_none()
    }

    /// The frontier deal that dominates `deal` with the smallest total gain (the
    /// nearest Pareto improvement), with that gain; None when `deal` is on the frontier.
    pub fn closest_improvement(&self, deal: &[usize]) -> Option<(u64, i64)> {
        let u = self.party_utilities(deal);
        let mut best: Option<(u64, i64)> = None;
        for &f in &self.frontier {
            let v = self.party_utilities(&self.model.decode(f));
            if v.iter().zip(&u).all(|(a, b)| a >= b) && v != u {
                let gain = v
                    .iter()
                    .zip(&u)
                    .map(|(a, b)| a.saturating_sub(*b))
                    .fold(0, i64::saturating_add);
                if best.is_none_or(|(_, g)| gain < g) {
                    best = Some((f, gain));
                }
            }
        }
        best
    }
}

/// The armistice's historical terms as a deal (None if some issue has no term).
pub fn historical_deal(s: &Scenario) -> Option<Deal> {
    let t = &s.armistice.historical_terms;
    (t.len() == s.issues.len()).then(|| t.iter().map(|p| p.0).collect())
}

/// A deal from per-issue positions, None if one is missing.
pub fn deal_of(terms: &[Option<crate::scenario::PosId>]) -> Option<Deal> {
    terms.iter().map(|p| p.map(|p| p.0)).collect()
}

/// The issue ids, for callers that label deals.
pub fn issue_ids(s: &Scenario) -> Vec<IssueId> {
    (0..s.issues.len()).map(IssueId).collect()
}

#[cfg(test)]
mod tests;
