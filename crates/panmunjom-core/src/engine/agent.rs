//! The agent model: how a side the computer plays answers a proposal at the table.
//!
//! - It never accepts a position beyond its current limit (limits as events moved them).
//! - Inside its limits it wants a package worth at least its *aspiration*: a share
//!   (0–100) of the gap between its limits and its ideal. The aspiration starts at the
//!   temperament's `start` on the first meeting of any session, falls `fall` points
//!   every 30 days, and falls further with the variables that press on it
//!   (`weight × value / 10` each), never below 0 nor above 100.
//! - Before accepting, it consults its allies while their condition holds: it does
//!   not accept what an ally would refuse (by the ally's limits and aspiration).
//! - A refusal comes with its reason, and the first refusing party counters with the
//!   package best for itself among those inside every party's limits.
//!
//! Integer arithmetic only; the seeded RNG adds 0 to `adaptive_noise` points of
//! impatience to the aspiration, so games stay reproducible.

use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::policy::roll;
use super::state::State;
use crate::scenario::{ActorId, IssueId, PosId, Reply, Scenario};

/// A package of terms: one entry per issue of the scenario, None where it is left open.
pub type Terms = Vec<Option<PosId>>;

/// Why a side answered as it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// It tabled the proposal.
    Author,
    /// The answer history gave (the scenario's `answers`).
    Historical,
    /// The player's own answer.
    Player,
    /// It has no stance on any issue the proposal addresses.
    NoStake,
    /// A position lies beyond its current limit on this issue.
    BeyondLimit { issue: IssueId },
    /// An ally it consults would refuse.
    Ally { ally: ActorId, text: String },
    /// Inside its limits, but worth less than it still hopes for (both in percent of
    /// the gap from its limits to its ideal).
    ExpectsBetter { worth: i64, aspiration: i64 },
    /// Inside its limits and worth at least its aspiration.
    Acceptable { worth: i64, aspiration: i64 },
}

impl Reason {
    /// The reason in words, as the side would put it.
    pub fn text(&self, s: &Scenario) -> String {
        match self {
            Reason::Author => "our own proposal".into(),
            Reason::Historical => "as history answered".into(),
            Reason::Player => "your answer".into(),
            Reason::NoStake => "no stake in the issues it addresses".into(),
            Reason::BeyondLimit { issue } => format!(
                "beyond our limit on {}",
                s.issues[issue.0].name.to_lowercase()
            ),
            Reason::Ally { text, .. } => text.clone(),
            Reason::ExpectsBetter { worth, aspiration } => format!(
                "we expect better terms (worth {worth}% of what we hope for, we still want {aspiration}%)"
            ),
            Reason::Acceptable { worth, aspiration } => {
                format!("acceptable (worth {worth}%, we would settle for {aspiration}%)")
            }
        }
    }
}

/// An actor's aspiration now, in percent of the gap from its limits to its ideal.
pub fn aspiration(s: &Scenario, state: &State, actor: ActorId) -> i64 {
    let t = &s.actor(actor).temperament;
    let days = (state.date - s.table_start()).num_days().max(0);
    let mut a = t.start.saturating_sub(t.fall.saturating_mul(days) / 30);
    for &(v, w) in &t.pressures {
        a = a.saturating_sub(w.saturating_mul(state.var(v)) / 10);
    }
    a.clamp(0, 100)
}

/// The first issue where `terms` lie beyond `actor`'s current limit.
pub fn beyond_limit(
    s: &Scenario,
    state: &State,
    actor: ActorId,
    terms: &[Option<PosId>],
) -> Option<IssueId> {
    s.actor(actor).stances.iter().find_map(|st| {
        let p = terms.get(st.issue.0).copied().flatten()?;
        (!state.within_limit(actor, st, p)).then_some(st.issue)
    })
}

/// What the addressed issues are worth to `actor`: percent of the gap from its limits
/// (0) to its ideal (100); None when it has no stance on any of them.
pub fn worth(s: &Scenario, state: &State, actor: ActorId, terms: &[Option<PosId>]) -> Option<i64> {
    worth_with(s, state, actor, terms, None)
}

/// [`worth`] of `terms` with issue `swap.0` set to position `swap.1` (when given),
/// without building the changed package (the package builder tries many such steps).
pub(crate) fn worth_with(
    s: &Scenario,
    state: &State,
    actor: ActorId,
    terms: &[Option<PosId>],
    swap: Option<(usize, PosId)>,
) -> Option<i64> {
    let (mut u, mut best, mut worst, mut any) = (0i64, 0i64, 0i64, false);
    for st in &s.actor(actor).stances {
        let at = match swap {
            Some((i, q)) if i == st.issue.0 && i < terms.len() => Some(q),
            _ => terms.get(st.issue.0).copied().flatten(),
        };
        let Some(p) = at else {
            continue;
        };
        any = true;
        let n = s.issues[st.issue.0].positions.len();
        let value = |q: PosId| {
            st.weight
                .saturating_mul((n - 1).saturating_sub(q.0.abs_diff(st.position.0)) as i64)
        };
        let limit = state.limits[actor.0][st.issue.0].unwrap_or(st.limit);
        u = u.saturating_add(value(p));
        best = best.saturating_add(value(st.position));
        worst = worst.saturating_add(value(limit));
    }
    if !any {
        return None;
    }
    if best <= worst {
        return Some(100);
    }
    Some((u.saturating_sub(worst).saturating_mul(100) / (best - worst)).clamp(i64::MIN / 2, 100))
}

/// How `actor` judges `terms` on its own (limits and aspiration, no allies);
/// `impatience` points come off its aspiration.
fn judge_alone(
    s: &Scenario,
    state: &State,
    actor: ActorId,
    terms: &[Option<PosId>],
    impatience: i64,
) -> (Reply, Reason) {
    if let Some(issue) = beyond_limit(s, state, actor, terms) {
        return (Reply::Rejected, Reason::BeyondLimit { issue });
    }
    let Some(worth) = worth(s, state, actor, terms) else {
        return (Reply::Accepted, Reason::NoStake);
    };
    let aspiration = aspiration(s, state, actor)
        .saturating_sub(impatience)
        .max(0);
    if worth >= aspiration {
        (Reply::Accepted, Reason::Acceptable { worth, aspiration })
    } else {
        (Reply::Rejected, Reason::ExpectsBetter { worth, aspiration })
    }
}

/// How `actor` answers `terms`: its limits, its allies, its aspiration (with a seeded
/// bit of impatience from `rng`).
pub fn judge(
    s: &Scenario,
    state: &State,
    rng: &mut ChaCha8Rng,
    actor: ActorId,
    terms: &[Option<PosId>],
) -> (Reply, Reason) {
    let impatience = roll(rng, u64::from(s.adaptive_noise) + 1) as i64;
    if let Some(issue) = beyond_limit(s, state, actor, terms) {
        return (Reply::Rejected, Reason::BeyondLimit { issue });
    }
    for c in &s.actor(actor).temperament.consults {
        if state.holds(s, &c.when) && !judge_alone(s, state, c.ally, terms, 0).0.accepts() {
            return (
                Reply::Rejected,
                Reason::Ally {
                    ally: c.ally,
                    text: c.refusal.clone(),
                },
            );
        }
    }
    judge_alone(s, state, actor, terms, impatience)
}

/// The package `actor` counters with: on every issue, the position inside every
/// armistice party's limits that is best for it (nearest its ideal; where it has no
/// stance, the position `near` proposes if inside, else the nearest inside). None when
/// the parties' limits leave no common position on some issue.
pub fn counter(
    s: &Scenario,
    state: &State,
    actor: ActorId,
    near: &[Option<PosId>],
) -> Option<Terms> {
    let mut out = Vec::with_capacity(s.issues.len());
    for (i, issue) in s.issues.iter().enumerate() {
        let (mut lo, mut hi) = (0usize, issue.positions.len().saturating_sub(1));
        for &party in &s.armistice.parties {
            if let Some(st) = s.stance(party, IssueId(i)) {
                let limit = state.limits[party.0][i].unwrap_or(st.limit);
                lo = lo.max(st.position.0.min(limit.0));
                hi = hi.min(st.position.0.max(limit.0));
            }
        }
        if lo > hi {
            return None;
        }
        let target = s
            .stance(actor, IssueId(i))
            .map(|st| st.position.0)
            .or_else(|| near.get(i).copied().flatten().map(|p| p.0))
            .unwrap_or(lo);
        out.push(Some(PosId(target.clamp(lo, hi))));
    }
    Some(out)
}
