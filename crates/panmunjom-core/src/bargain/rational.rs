//! The frontier that teaches: Pareto-optimal among the deals every party prefers to no
//! deal.
//!
//! NegMAS calls an outcome *rational* when no negotiator values it below its reserved
//! value, and draws its Pareto frontier over those outcomes only. Here the reserved
//! value is the disagreement point `d` (the utility of the party's limits), so a
//! rational deal gives every armistice party at least `d`. Unlike the zone of
//! agreement (every *issue* inside every party's limits), a rational deal may trade a
//! position beyond a limit on one issue for gains on others.

use super::Model;

/// Whether every party values `deal` at least at its disagreement point.
pub fn is_rational(m: &Model, deal: &[usize]) -> bool {
    m.parties
        .iter()
        .all(|&k| m.utility(k, deal) >= m.actors[k].disagreement)
}

/// Indices (ascending) of the rational deals that no other rational deal dominates
/// (better for one party, worse for none). Deals with equal utilities are all kept.
pub fn rational_frontier(m: &Model) -> Vec<u64> {
    let size = m.size();
    if size > super::MAX_DEALS || m.parties.is_empty() {
        return Vec::new();
    }
    let mut points: Vec<(Vec<i64>, u64)> = Vec::new();
    for index in 0..size {
        let deal = m.decode(index);
        if is_rational(m, &deal) {
            let u = m.parties.iter().map(|&k| m.utility(k, &deal)).collect();
            points.push((u, index));
        }
    }
    // Descending lexicographic order: a vector can only be dominated by one before it.
    points.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut kept: Vec<(Vec<i64>, u64)> = Vec::new();
    for (u, index) in points {
        if !kept.iter().any(|(v, _)| dominates(v, &u)) {
            kept.push((u, index));
        }
    }
    let mut out: Vec<u64> = kept.into_iter().map(|(_, i)| i).collect();
    out.sort_unstable();
    out
}

/// Whether `a` is at least `b` everywhere and better somewhere.
fn dominates(a: &[i64], b: &[i64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x >= y) && a != b
}
