//! Conditions in words: why an option of a decision is closed in the present situation
//! (plain text for the window and the terminal; no drawing here).

use crate::engine::State;
use crate::scenario::{Cond, Scenario};

/// What in `cond` fails in `state`, in words ("UN coalition cohesion must be at least
/// 40 (now 32)"); empty when it holds.
pub fn why_not(s: &Scenario, state: &State, cond: &Cond) -> Vec<String> {
    if state.holds(s, cond) {
        return Vec::new();
    }
    match cond {
        Cond::All(list) => list.iter().flat_map(|c| why_not(s, state, c)).collect(),
        Cond::Any(list) => {
            let parts: Vec<String> = list.iter().map(|c| describe(s, state, c)).collect();
            vec![format!("one of: {}", parts.join("; or "))]
        }
        other => vec![describe(s, state, other)],
    }
}

/// A condition as a requirement, in words.
pub fn describe(s: &Scenario, state: &State, cond: &Cond) -> String {
    let var = |v: &crate::scenario::VarId| &s.variables[v.0];
    let title = |e: &crate::scenario::EntryId| s.entry(*e).title().to_string();
    match cond {
        Cond::Always => "always".into(),
        Cond::Never => "never open in this scenario".into(),
        Cond::All(list) => list
            .iter()
            .map(|c| describe(s, state, c))
            .collect::<Vec<_>>()
            .join("; and "),
        Cond::Any(list) => format!(
            "one of: {}",
            list.iter()
                .map(|c| describe(s, state, c))
                .collect::<Vec<_>>()
                .join("; or ")
        ),
        Cond::Not(inner) => match &**inner {
            Cond::Flag(f) => format!(
                "\u{201c}{}\u{201d} must not be the case",
                s.flags[f.0].label
            ),
            Cond::Fired(e) => format!("\u{201c}{}\u{201d} must not have happened", title(e)),
            Cond::Armistice => format!("no {} yet", s.agreement_noun()),
            other => format!("not: {}", describe(s, state, other)),
        },
        Cond::Flag(f) => format!("requires \u{201c}{}\u{201d}", s.flags[f.0].label),
        Cond::AtLeast(v, n) => format!(
            "{} must be at least {n} (now {})",
            var(v).label,
            state.vars[v.0]
        ),
        Cond::AtMost(v, n) => format!(
            "{} must be at most {n} (now {})",
            var(v).label,
            state.vars[v.0]
        ),
        Cond::Chose(e, o) => {
            let label = s
                .entry(*e)
                .as_decision()
                .and_then(|d| d.options.get(*o))
                .map_or("?", |o| o.label.as_str());
            format!(
                "requires \u{201c}{label}\u{201d} at \u{201c}{}\u{201d}",
                title(e)
            )
        }
        Cond::Fired(e) => format!("requires \u{201c}{}\u{201d} to have happened", title(e)),
        Cond::Holds(a, i, p) => format!(
            "{} must hold \u{201c}{}\u{201d} on {}",
            s.actor(*a).name,
            s.position_label(*i, *p),
            s.issues[i.0].name
        ),
        Cond::Knows(a, e) => format!(
            "{} must know of \u{201c}{}\u{201d}",
            s.actor(*a).name,
            title(e)
        ),
        Cond::Agreed(i) => format!("the parties must agree on {}", s.issues[i.0].name),
        Cond::TermsAgreed => "the parties must agree on every issue".into(),
        Cond::Armistice => format!("the {} must be signed", s.agreement_noun()),
        Cond::ArmisticeBy(d) => format!("the {} must be signed by {d}", s.agreement_noun()),
        Cond::Term(i, p) => format!(
            "the {} must settle {} as \u{201c}{}\u{201d}",
            s.agreement_noun(),
            s.issues[i.0].name,
            s.position_label(*i, *p)
        ),
    }
}
