//! The contradiction analysis: a condition an author wrote that can never hold,
//! whatever happens in the game (`All([Flag(x), Not(Flag(x))])`, two options of one
//! decision, bounds that exclude each other…), with the reason in the author's ids.

use std::collections::HashMap;

use crate::scenario::raw::{RawEntry, RawScenario};
use crate::scenario::{ActorId, Cond, EntryId, IssueId, PosId, VarId};

/// Largest `All` whose literals are compared pair by pair for contradictions.
const MAX_PAIRWISE_LITERALS: usize = 500;

/// Why `c` can never hold, whatever happens in the game; `None` if it might. Catches
/// the contradictions an author can write by mistake: `Never` or `Not(Always)` inside a
/// larger condition, `Any([])`, a literal and its negation in one `All`, two different
/// options of one decision, two positions of one actor on one issue, two terms of one
/// issue, and bounds on a variable that exclude each other or its range.
pub(super) fn never_holds(c: &Cond, raw: &RawScenario) -> Option<String> {
    match c {
        Cond::Never => Some("it contains `Never`".into()),
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Always => Some("it contains `Not(Always)`".into()),
            Cond::Not(x) => never_holds(x, raw),
            Cond::Any(list) => never_holds(
                &Cond::All(
                    list.iter()
                        .map(|x| Cond::Not(Box::new(x.clone())))
                        .collect(),
                ),
                raw,
            ),
            _ => None,
        },
        Cond::Any(list) if list.is_empty() => Some("`Any([])` has no alternative".into()),
        Cond::Any(list) => {
            let reasons: Option<Vec<String>> = list.iter().map(|x| never_holds(x, raw)).collect();
            reasons.map(|r| format!("no alternative of `Any` can hold ({})", r.join("; ")))
        }
        Cond::AtLeast(v, n) => var_range(*v, raw).and_then(|(_, hi)| {
            (*n > hi).then(|| {
                format!(
                    "`{}` is at most {hi}, never at least {n}",
                    raw.variables[v.0].id
                )
            })
        }),
        Cond::AtMost(v, n) => var_range(*v, raw).and_then(|(lo, _)| {
            (*n < lo).then(|| {
                format!(
                    "`{}` is at least {lo}, never at most {n}",
                    raw.variables[v.0].id
                )
            })
        }),
        Cond::All(_) => {
            let mut literals = Vec::new();
            if let Some(why) = collect_literals(c, true, raw, &mut literals) {
                return Some(why);
            }
            contradiction(&literals, raw)
        }
        _ => None,
    }
}

/// Flattens nested `All`s (and `Not(Not(x))`, `Not(Any)`) into literals with their sign;
/// returns a reason at once if a part can never hold.
fn collect_literals(
    c: &Cond,
    positive: bool,
    raw: &RawScenario,
    out: &mut Vec<(Cond, bool)>,
) -> Option<String> {
    match (c, positive) {
        (Cond::All(list), true) => {
            for x in list {
                if let Some(why) = collect_literals(x, true, raw, out) {
                    return Some(why);
                }
            }
            None
        }
        (Cond::Any(list), false) => {
            for x in list {
                if let Some(why) = collect_literals(x, false, raw, out) {
                    return Some(why);
                }
            }
            None
        }
        (Cond::Not(x), p) => collect_literals(x, !p, raw, out),
        (Cond::Always, false) => Some("it contains `Not(Always)`".into()),
        (Cond::Always, true) | (Cond::Never, false) => None,
        (other, true) => {
            if let Some(why) = never_holds(other, raw) {
                return Some(why);
            }
            out.push((other.clone(), true));
            None
        }
        (other, false) => {
            out.push((other.clone(), false));
            None
        }
    }
}

fn var_range(v: VarId, raw: &RawScenario) -> Option<(i64, i64)> {
    raw.variables.get(v.0).map(|d| (d.min, d.max))
}

/// A reason why the literals (all required together) exclude each other.
fn contradiction(literals: &[(Cond, bool)], raw: &RawScenario) -> Option<String> {
    // Pairs are compared only in conditions of a sane size (a hostile file could put a
    // million literals in one `All`); the bounds below are linear and always checked.
    let pairs = if literals.len() <= MAX_PAIRWISE_LITERALS {
        literals
    } else {
        &[]
    };
    for (i, (a, pa)) in pairs.iter().enumerate() {
        for (b, pb) in &pairs[i + 1..] {
            if a == b && pa != pb {
                return Some(format!(
                    "it requires both `{}` and `Not({})`",
                    describe(a, raw),
                    describe(a, raw)
                ));
            }
            if !(*pa && *pb) {
                continue;
            }
            match (a, b) {
                (Cond::Chose(d1, o1), Cond::Chose(d2, o2)) if d1 == d2 && o1 != o2 => {
                    return Some("it requires two different options of one decision".into());
                }
                (Cond::Holds(a1, i1, p1), Cond::Holds(a2, i2, p2))
                    if a1 == a2 && i1 == i2 && p1 != p2 =>
                {
                    return Some("it requires one actor to hold two positions on one issue".into());
                }
                (Cond::Term(i1, p1), Cond::Term(i2, p2)) if i1 == i2 && p1 != p2 => {
                    return Some("it requires two different terms on one issue".into());
                }
                _ => {}
            }
        }
    }
    // Bounds on each variable: AtLeast(v, n) is v ≥ n; Not(AtLeast(v, n)) is v ≤ n − 1…
    let mut bounds: HashMap<usize, (i64, i64)> = HashMap::new();
    for (c, positive) in literals {
        let (v, lo, hi) = match (c, positive) {
            (Cond::AtLeast(v, n), true) => (v, *n, i64::MAX),
            (Cond::AtLeast(v, n), false) => (v, i64::MIN, n.saturating_sub(1)),
            (Cond::AtMost(v, n), true) => (v, i64::MIN, *n),
            (Cond::AtMost(v, n), false) => (v, n.saturating_add(1), i64::MAX),
            _ => continue,
        };
        let (min, max) = var_range(*v, raw).unwrap_or((i64::MIN, i64::MAX));
        let b = bounds.entry(v.0).or_insert((min, max));
        b.0 = b.0.max(lo);
        b.1 = b.1.min(hi);
        if b.0 > b.1 {
            let id = raw.variables.get(v.0).map_or("?", |d| d.id.as_str());
            return Some(format!(
                "it requires `{id}` to be at least {} and at most {} at once (its range is {min}..{max})",
                b.0, b.1
            ));
        }
    }
    None
}

/// A literal condition as the author wrote it, with ids.
fn describe(c: &Cond, raw: &RawScenario) -> String {
    let entry = |e: &EntryId| match raw.timeline.get(e.0) {
        Some(RawEntry::Event(ev)) => ev.id.clone(),
        Some(RawEntry::Decision(d)) => d.id.clone(),
        None => "?".into(),
    };
    let actor = |a: &ActorId| {
        raw.actors
            .get(a.0)
            .map_or("?", |a| a.id.as_str())
            .to_string()
    };
    let issue = |i: &IssueId| raw.issues.get(i.0);
    let issue_id = |i: &IssueId| issue(i).map_or("?", |i| i.id.as_str()).to_string();
    let pos = |i: &IssueId, p: &PosId| {
        issue(i)
            .and_then(|i| i.positions.get(p.0))
            .map_or("?", |p| p.id.as_str())
            .to_string()
    };
    match c {
        Cond::Flag(f) => format!(
            "Flag(\"{}\")",
            raw.flags.get(f.0).map_or("?", |f| f.id.as_str())
        ),
        Cond::AtLeast(v, n) => format!(
            "AtLeast(\"{}\", {n})",
            raw.variables.get(v.0).map_or("?", |v| v.id.as_str())
        ),
        Cond::AtMost(v, n) => format!(
            "AtMost(\"{}\", {n})",
            raw.variables.get(v.0).map_or("?", |v| v.id.as_str())
        ),
        Cond::Chose(e, o) => {
            let option = match raw.timeline.get(e.0) {
                Some(RawEntry::Decision(d)) => d.options.get(*o).map_or("?", |o| o.id.as_str()),
                _ => "?",
            };
            format!("Chose(\"{}\", \"{option}\")", entry(e))
        }
        Cond::Fired(e) => format!("Fired(\"{}\")", entry(e)),
        Cond::Holds(a, i, p) => format!(
            "Holds(\"{}\", \"{}\", \"{}\")",
            actor(a),
            issue_id(i),
            pos(i, p)
        ),
        Cond::Knows(a, e) => format!("Knows(\"{}\", \"{}\")", actor(a), entry(e)),
        Cond::Agreed(i) => format!("Agreed(\"{}\")", issue_id(i)),
        Cond::Term(i, p) => format!("Term(\"{}\", \"{}\")", issue_id(i), pos(i, p)),
        Cond::ArmisticeBy(d) => format!("ArmisticeBy(\"{d}\")"),
        other => format!("{other:?}"),
    }
}
