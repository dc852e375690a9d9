//! The Pareto frontier of the parties' utilities, computed fast.
//!
//! Three steps: (1) on each issue, drop the positions another position of the same
//! issue beats for one party without hurting any (a deal using such a position is
//! beaten by the same deal with the better one, so no frontier deal uses it); (2)
//! enumerate the product of what remains, with the parties' utilities from per-issue
//! tables; (3) sort the utility vectors in descending lexicographic order, where a
//! vector can only be beaten by one before it, and keep each distinct vector that no
//! kept one dominates — with a 2-D staircase for three parties (O(n log n)), a running
//! maximum for two, a scan of the kept vectors otherwise.

use std::collections::BTreeMap;

use super::Model;

/// Indices of the Pareto-optimal deals, ascending.
pub(super) fn frontier(m: &Model) -> Vec<u64> {
    let k = m.parties.len();
    if k == 0 || m.radix.contains(&0) {
        return Vec::new();
    }
    let tables: Vec<&Vec<Vec<i64>>> = m.parties.iter().map(|&p| &m.actors[p].table).collect();
    // (1) per-issue candidates: (position, utilities of the parties)
    let candidates: Vec<Vec<(usize, Vec<i64>)>> = (0..m.radix.len())
        .map(|i| {
            let vecs: Vec<Vec<i64>> = (0..m.radix[i])
                .map(|p| tables.iter().map(|t| t[i][p]).collect())
                .collect();
            (0..m.radix[i])
                .filter(|&p| !vecs.iter().any(|q| dominates(q, &vecs[p])))
                .map(|p| (p, vecs[p].clone()))
                .collect()
        })
        .collect();
    // (2) enumerate their product: utilities flat, k per deal, and the deal's index
    let count: usize = candidates.iter().map(Vec::len).product();
    let mut utils: Vec<i64> = Vec::with_capacity(count * k);
    let mut index: Vec<u64> = Vec::with_capacity(count);
    let strides = strides(&m.radix);
    let mut pick = vec![0usize; candidates.len()];
    loop {
        let mut idx = 0u64;
        let start = utils.len();
        utils.extend(std::iter::repeat_n(0, k));
        for (i, &j) in pick.iter().enumerate() {
            let (p, ref v) = candidates[i][j];
            idx += p as u64 * strides[i];
            for (slot, x) in utils[start..].iter_mut().zip(v) {
                *slot = slot.saturating_add(*x);
            }
        }
        index.push(idx);
        let mut i = pick.len();
        let done = loop {
            if i == 0 {
                break true;
            }
            i -= 1;
            if pick[i] + 1 < candidates[i].len() {
                pick[i] += 1;
                break false;
            }
            pick[i] = 0;
        };
        if done {
            break;
        }
    }
    // (3) sort descending, keep the undominated distinct vectors
    let mut out = if k <= 4 {
        sweep_packed(&utils, &index, k)
    } else {
        sweep(&utils, &index, k)
    };
    out.sort_unstable();
    out
}

/// Step (3) for up to four parties: the utilities packed in fixed arrays (padded with
/// zeros, which changes neither the order nor dominance), so the sort compares arrays.
fn sweep_packed(utils: &[i64], index: &[u64], k: usize) -> Vec<u64> {
    let mut rows: Vec<([i64; 4], u64)> = index
        .iter()
        .enumerate()
        .map(|(d, &idx)| {
            let mut key = [0i64; 4];
            key[..k].copy_from_slice(&utils[d * k..d * k + k]);
            (key, idx)
        })
        .collect();
    rows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut keep = Kept::new(k);
    let mut out = Vec::new();
    let mut g = 0;
    while g < rows.len() {
        let v = rows[g].0;
        let mut end = g + 1;
        while end < rows.len() && rows[end].0 == v {
            end += 1;
        }
        if keep.admit(&v[..k]) {
            out.extend(rows[g..end].iter().map(|r| r.1));
        }
        g = end;
    }
    out
}

/// Step (3) for any number of parties.
fn sweep(utils: &[i64], index: &[u64], k: usize) -> Vec<u64> {
    let row = |d: usize| &utils[d * k..d * k + k];
    let mut order: Vec<usize> = (0..index.len()).collect();
    order.sort_unstable_by(|&a, &b| row(b).cmp(row(a)).then(index[a].cmp(&index[b])));
    let mut keep = Kept::new(k);
    let mut out = Vec::new();
    let mut g = 0;
    while g < order.len() {
        let v = row(order[g]);
        let mut end = g + 1;
        while end < order.len() && row(order[end]) == v {
            end += 1;
        }
        if keep.admit(v) {
            out.extend(order[g..end].iter().map(|&d| index[d]));
        }
        g = end;
    }
    out
}

/// Whether `a` is at least `b` everywhere and differs.
fn dominates(a: &[i64], b: &[i64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x >= y) && a != b
}

/// Index strides: the first issue varies slowest.
fn strides(radix: &[usize]) -> Vec<u64> {
    let mut s = vec![1u64; radix.len()];
    for i in (0..radix.len().saturating_sub(1)).rev() {
        s[i] = s[i + 1] * radix[i + 1] as u64;
    }
    s
}

/// The frontier vectors kept so far (all before the next one in sorted order).
enum Kept {
    /// Two parties: the best second utility so far.
    Two(Option<i64>),
    /// Three parties: the 2-D staircase of (second, third) utilities, second
    /// ascending, third descending.
    Three(BTreeMap<i64, i64>),
    /// More (or one): every kept vector.
    Many(Vec<Vec<i64>>),
}

impl Kept {
    fn new(k: usize) -> Kept {
        match k {
            2 => Kept::Two(None),
            3 => Kept::Three(BTreeMap::new()),
            _ => Kept::Many(Vec::new()),
        }
    }

    /// Keeps `v` if nothing kept dominates it (every kept vector is
    /// lexicographically greater, so its first utility is at least `v`'s).
    fn admit(&mut self, v: &[i64]) -> bool {
        match self {
            Kept::Two(best) => {
                if best.is_some_and(|b| b >= v[1]) {
                    return false;
                }
                *best = Some(v[1]);
                true
            }
            Kept::Three(stairs) => {
                let (b, c) = (v[1], v[2]);
                if stairs.range(b..).next().is_some_and(|(_, &z)| z >= c) {
                    return false;
                }
                while let Some((&y, &z)) = stairs.range(..=b).next_back() {
                    if z <= c {
                        stairs.remove(&y);
                    } else {
                        break;
                    }
                }
                stairs.insert(b, c);
                true
            }
            Kept::Many(list) => {
                if list.iter().any(|f| f.iter().zip(v).all(|(x, y)| x >= y)) {
                    return false;
                }
                list.push(v.to_vec());
                true
            }
        }
    }
}
