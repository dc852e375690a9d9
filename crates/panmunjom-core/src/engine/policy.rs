//! How the sides the player does not take decide: by history, or by their interests.
//!
//! *Historical*: take the option the real side took, as long as it is open in the
//! game's state; otherwise (or at a counterfactual decision, which has no historical
//! option) decide as *adaptive* would. *Adaptive*: score every open
//! option by the deciding actor's interests (see [`score`]) plus seeded noise, and
//! take the best; ties go to the option listed first.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::Decider;
use super::state::State;
use crate::scenario::{ActorId, Effect, EntryId, Scenario};

/// A policy for the sides the player does not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    Historical,
    Adaptive,
}

impl Policy {
    pub fn name(self) -> &'static str {
        match self {
            Policy::Historical => "historical",
            Policy::Adaptive => "adaptive",
        }
    }
}

/// Score given to an option for each of the actor's positions it moves past its limit.
pub const PAST_LIMIT: i64 = -1000;

/// A number in `0..n` from the game's RNG (portable: plain modulo of a u64).
pub fn roll(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    if n == 0 { 0 } else { rng.next_u64() % n }
}

/// Chooses an option of decision `id` among the `open` ones.
pub fn decide(
    s: &Scenario,
    state: &State,
    rng: &mut ChaCha8Rng,
    policy: Policy,
    id: EntryId,
    open: &[usize],
) -> (usize, Decider) {
    decide_with(s, state, &mut state.clone(), rng, policy, id, open)
}

/// [`decide`], scoring options on `scratch` (any state of the same scenario; its
/// content is overwritten), so that a caller deciding often reuses its allocations.
#[allow(
    clippy::expect_used,
    reason = "the engine calls this only on a decision, with its non-empty open options: a failure is a bug"
)]
pub fn decide_with(
    s: &Scenario,
    state: &State,
    scratch: &mut State,
    rng: &mut ChaCha8Rng,
    policy: Policy,
    id: EntryId,
    open: &[usize],
) -> (usize, Decider) {
    let d = s
        .entry(id)
        .as_decision()
        .expect("decide is only called on decisions");
    if policy == Policy::Historical
        && let Some(h) = d.historical
        && open.contains(&h)
    {
        return (h, Decider::Historical);
    }
    let noise = u64::from(s.adaptive_noise);
    let mut best: Option<(i64, usize)> = None;
    let agreed_before = state.agreed_count(s) as i64;
    // What the score reads, copied once (reusing `scratch`'s allocations); each
    // option's effects are applied on it and undone.
    scratch.vars.clone_from(&state.vars);
    scratch.positions.clone_from(&state.positions);
    scratch.limits.clone_from(&state.limits);
    scratch.locked.clone_from(&state.locked);
    for &o in open {
        let jitter = if noise == 0 {
            0
        } else {
            roll(rng, noise + 1) as i64
        };
        let total =
            score_on(s, state, scratch, agreed_before, d.role, id, o).saturating_add(jitter);
        if best.is_none_or(|(b, _)| total > b) {
            best = Some((total, o));
        }
    }
    let (_, option) = best.expect("decide is only called with at least one open option");
    (option, Decider::Adaptive)
}

/// How much actor `who` likes option `option` of decision `id`, judged by what its
/// effects do at once:
/// - for each variable it cares about, weight × change;
/// - for each of its own positions, −weight × the steps it moves away from its
///   starting position (plus the same for steps back toward it, as a gain), and
///   [`PAST_LIMIT`] when the option leaves a position beyond its limit;
/// - `settle` for each issue the option brings to agreement (minus for each it breaks).
#[allow(
    clippy::expect_used,
    reason = "the engine and `decide` call this only on decisions: a failure is a bug"
)]
pub fn score(s: &Scenario, state: &State, who: ActorId, id: EntryId, option: usize) -> i64 {
    let agreed_before = state.agreed_count(s) as i64;
    score_on(s, state, &mut state.clone(), agreed_before, who, id, option)
}

/// [`score`], with the option's effects applied on `after` and `state`'s agreed-issue
/// count given. The score reads only variables, positions and limits: `after` holds
/// `state`'s (and its locked issues, which keep moves off terms agreed at the table),
/// only the effects that change them are applied, and undone before returning, so that
/// `after` serves the next option as it is; the rest of `after` is left unread.
#[allow(
    clippy::expect_used,
    reason = "the engine and `decide` call this only on decisions: a failure is a bug"
)]
fn score_on(
    s: &Scenario,
    state: &State,
    after: &mut State,
    agreed_before: i64,
    who: ActorId,
    id: EntryId,
    option: usize,
) -> i64 {
    let d = s
        .entry(id)
        .as_decision()
        .expect("score is only called on decisions");
    for effect in &d.options[option].effects {
        match effect {
            Effect::Add(..) | Effect::Set(..) | Effect::Move(..) | Effect::Limit(..) => {
                after.apply(s, effect, id);
            }
            // Flags, knowledge, signing and ending do not enter the score.
            Effect::Raise(_)
            | Effect::Lower(_)
            | Effect::Reveal(..)
            | Effect::SignArmistice
            | Effect::End(_) => {}
        }
    }
    let actor = s.actor(who);
    let mut total = 0i64;
    for &(v, weight) in &actor.interests {
        let change = after.var(v).saturating_sub(state.var(v));
        total = total.saturating_add(weight.saturating_mul(change));
    }
    for stance in &actor.stances {
        let i = stance.issue;
        let distance = |st: &State| {
            st.position(who, i)
                .map_or(0, |p| (p.0 as i64 - stance.position.0 as i64).abs())
        };
        let moved = distance(after) - distance(state);
        total = total.saturating_sub(stance.weight.saturating_mul(moved));
        if let Some(p) = after.position(who, i)
            && !after.within_limit(who, stance, p)
        {
            total = total.saturating_add(PAST_LIMIT);
        }
    }
    // Agreement on an issue depends only on the parties' positions and limits there:
    // only the issues the option's effects move or limit can change the count.
    let effects = &d.options[option].effects;
    let touched = |e: &Effect| match e {
        Effect::Move(_, i, _) | Effect::Limit(_, i, _) => Some(*i),
        _ => None,
    };
    let mut agreed_after = agreed_before;
    for (k, effect) in effects.iter().enumerate() {
        let Some(i) = touched(effect) else { continue };
        if effects[..k].iter().any(|e| touched(e) == Some(i)) {
            continue;
        }
        agreed_after +=
            i64::from(after.agreed_on(s, i).is_some()) - i64::from(state.agreed_on(s, i).is_some());
    }
    // Undone: `after` holds `state`'s values again.
    for effect in effects {
        match *effect {
            Effect::Add(v, _) | Effect::Set(v, _) => after.vars[v.0] = state.vars[v.0],
            Effect::Move(a, i, _) => after.positions[a.0][i.0] = state.positions[a.0][i.0],
            Effect::Limit(a, i, _) => after.limits[a.0][i.0] = state.limits[a.0][i.0],
            _ => {}
        }
    }
    debug_assert!(
        after.vars == state.vars
            && after.positions == state.positions
            && after.limits == state.limits,
        "an effect scored and not undone"
    );
    total.saturating_add(actor.settle.saturating_mul(agreed_after - agreed_before))
}

#[cfg(test)]
mod tests;
