//! The bargaining analysis as text (for the terminal) and Markdown (for the debrief).

use std::fmt::Write;

use super::wrap;
use crate::bargain::view::{BargainView, DealView, TimelineView};

const WIDTH: usize = 88;

/// One line on the utility model, for readers of either layout.
pub const MODEL_NOTE: &str = "Utility: each step away from a side's ideal position on an issue costs it the \
weight of that issue; a side accepts a deal when every position lies between its ideal and its limit (as \
events have moved the limits). Gain = utility minus the utility of the side's limits (its disagreement \
point). Nash point: the deal all parties accept with the largest product of gains.";

fn name<'a>(v: &'a BargainView, id: &'a str) -> &'a str {
    v.actors
        .iter()
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
}

/// The analysis as plain text (the `bargain` command and the text debrief).
pub fn text(v: &BargainView, timeline: Option<&TimelineView>) -> String {
    let mut o = String::new();
    let parties: Vec<&str> = v
        .actors
        .iter()
        .filter(|a| a.party)
        .map(|a| a.name.as_str())
        .collect();
    let _ = writeln!(
        o,
        "  Outcome space: {} deals over {} issues. Parties to the {}: {}.",
        v.deals,
        v.issues.len(),
        v.noun,
        parties.join(", ")
    );
    o.push_str(&wrap(MODEL_NOTE, "  ", WIDTH));
    let _ = writeln!(
        o,
        "\n  What each side accepts on {} (ideal .. limit):",
        v.date
    );
    for issue in &v.issues {
        let common = if issue.common.is_empty() {
            "NOTHING IN COMMON".to_string()
        } else {
            issue.common.join(", ")
        };
        let _ = writeln!(o, "  - {}: common ground: {common}", issue.name);
        for r in &issue.ranges {
            let _ = writeln!(
                o,
                "      {:<28} {} .. {}",
                name(v, &r.actor),
                r.ideal,
                r.limit
            );
        }
    }
    o.push('\n');
    if v.zone_size == 0 {
        let blocking: Vec<&str> = v
            .issues
            .iter()
            .filter(|i| i.common.is_empty())
            .map(|i| i.name.as_str())
            .collect();
        let _ = writeln!(
            o,
            "  Zone of agreement: EMPTY \u{2014} no deal every party accepts (blocked on: {}).",
            blocking.join("; ")
        );
    } else {
        let _ = writeln!(
            o,
            "  Zone of agreement: {} deals every party accepts.",
            v.zone_size
        );
    }
    let _ = writeln!(
        o,
        "  Pareto frontier: {} deals ({} of them inside the zone).",
        v.frontier_size, v.frontier_in_zone
    );
    for d in [&v.nash, &v.historical, &v.game].into_iter().flatten() {
        o.push('\n');
        deal_text(&mut o, v, d);
    }
    if v.nash.is_none() {
        let _ = writeln!(o, "\n  No Nash bargaining point: the zone is empty.");
    }
    if let Some(t) = timeline {
        o.push('\n');
        timeline_text(&mut o, t);
    }
    o
}

fn deal_text(o: &mut String, v: &BargainView, d: &DealView) {
    let _ = writeln!(o, "  {}:", capitalise(&d.label));
    for (_, _, label) in &d.positions {
        o.push_str(&super::wrap_hanging(label, "    - ", "      ", WIDTH));
    }
    for val in &d.valuations {
        let _ = writeln!(
            o,
            "    {:<28} utility {:>4}, gain {:>+5}, {}",
            name(v, &val.actor),
            val.utility,
            val.gain,
            if val.accepts {
                "accepts"
            } else {
                "would NOT accept"
            }
        );
    }
    let zone = if d.in_zone {
        "inside the zone of agreement"
    } else {
        "outside the zone of agreement"
    };
    match &d.improvement {
        None => {
            let _ = writeln!(o, "    {zone}; on the Pareto frontier.");
        }
        Some(imp) => {
            let changes: Vec<String> = imp
                .changes
                .iter()
                .map(|c| format!("{}: {}", c.0, c.1))
                .collect();
            let _ = writeln!(
                o,
                "    {zone}; NOT on the frontier: the nearest better deal for all parties ({}) gains {} points in total.",
                changes.join(", "),
                imp.total_gain
            );
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The timeline as text.
pub fn timeline_text(o: &mut String, t: &TimelineView) {
    let _ = writeln!(o, "  WHEN THE ZONE OPENS");
    match t.opened {
        Some(date) => {
            let by: Vec<String> = t
                .opened_by
                .iter()
                .map(|e| format!("{} ({})", e.title, e.id))
                .collect();
            let by = if by.is_empty() {
                "open from the start".to_string()
            } else {
                by.join("; ")
            };
            let _ = writeln!(
                o,
                "  The zone of agreement first opens on {date}, opened by: {by}."
            );
        }
        None => {
            let _ = writeln!(o, "  The zone of agreement never opens on this path.");
        }
    }
    let _ = writeln!(o, "  Every change of a limit and the zone after it:");
    for p in &t.points {
        let what = p
            .entry
            .as_ref()
            .map_or("start".to_string(), |e| e.title.clone());
        let zone = if p.zone_size == 0 {
            format!("empty (blocked: {})", p.blocking.join(", "))
        } else {
            format!("{} deals", p.zone_size)
        };
        o.push_str(&super::wrap_hanging(
            &format!("{}  {what} \u{2014} zone {zone}", p.date),
            "    ",
            "                ",
            WIDTH,
        ));
    }
}

/// The analysis as a Markdown section body (for the debrief).
pub fn markdown(v: &BargainView, timeline: Option<&TimelineView>) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{MODEL_NOTE}\n");
    if v.zone_size == 0 {
        let _ = writeln!(
            o,
            "- Zone of agreement on {}: **empty** (of {} deals)",
            v.date, v.deals
        );
    } else {
        let _ = writeln!(
            o,
            "- Zone of agreement on {}: **{} deals** (of {})",
            v.date, v.zone_size, v.deals
        );
    }
    let _ = writeln!(
        o,
        "- Pareto frontier: {} deals, {} inside the zone\n",
        v.frontier_size, v.frontier_in_zone
    );
    let _ = writeln!(
        o,
        "| Issue | Common ground | {} |",
        v.actors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(o, "|---|---|{}", "---|".repeat(v.actors.len()));
    for issue in &v.issues {
        let common = if issue.common.is_empty() {
            "**none**".to_string()
        } else {
            issue.common.join(", ")
        };
        let cells: Vec<String> = v
            .actors
            .iter()
            .map(|a| {
                issue
                    .ranges
                    .iter()
                    .find(|r| r.actor == a.id)
                    .map_or("—".to_string(), |r| format!("{} .. {}", r.ideal, r.limit))
            })
            .collect();
        let _ = writeln!(o, "| {} | {common} | {} |", issue.name, cells.join(" | "));
    }
    let deals: Vec<&DealView> = [&v.nash, &v.historical, &v.game]
        .into_iter()
        .flatten()
        .collect();
    if !deals.is_empty() {
        let _ = writeln!(
            o,
            "\n| Deal | {} | In zone | On frontier |",
            v.actors
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let _ = writeln!(o, "|---|{}---|---|", "---|".repeat(v.actors.len()));
        for d in deals {
            let vals: Vec<String> = d
                .valuations
                .iter()
                .map(|x| {
                    let mark = if x.accepts { "" } else { " ✗" };
                    format!("{} ({:+}){mark}", x.utility, x.gain)
                })
                .collect();
            let frontier = match &d.improvement {
                None => "yes".to_string(),
                Some(i) => format!("no (+{} possible)", i.total_gain),
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {frontier} |",
                d.label,
                vals.join(" | "),
                if d.in_zone { "yes" } else { "no" }
            );
        }
    }
    if let Some(t) = timeline {
        match t.opened {
            Some(date) => {
                let by: Vec<String> = t.opened_by.iter().map(|e| e.title.clone()).collect();
                let _ = writeln!(
                    o,
                    "\nThe zone first opened on **{date}**{}.",
                    if by.is_empty() {
                        String::new()
                    } else {
                        format!(", opened by: {}", by.join("; "))
                    }
                );
            }
            None => {
                let _ = writeln!(o, "\nThe zone of agreement never opened.");
            }
        }
    }
    o
}
