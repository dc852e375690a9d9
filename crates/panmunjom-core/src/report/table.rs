//! The table in the debrief, as text and Markdown: your proposals beside history's,
//! the negotiation dance of every party, the frontiers and your distance to them.

use std::fmt::Write;

use crate::compare::table::{DanceLine, TableDebrief};

/// The table section of the text debrief.
pub fn text(t: &TableDebrief) -> String {
    render(t, false)
}

/// The table section of the Markdown debrief.
pub fn markdown(t: &TableDebrief) -> String {
    render(t, true)
}

fn counts(line: &DanceLine) -> String {
    let parts: Vec<String> = line
        .counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| format!("{n} {}", c.word()))
        .collect();
    if parts.is_empty() {
        if line.moves.is_empty() {
            "no proposals".into()
        } else {
            format!("{} proposal, no move after it", line.moves.len())
        }
    } else {
        parts.join(", ")
    }
}

fn render(t: &TableDebrief, md: bool) -> String {
    let mut o = String::new();
    let head = |o: &mut String, title: &str| {
        if md {
            let _ = writeln!(o, "\n## {title}\n");
        } else {
            let _ = writeln!(o, "\n{}", title.to_uppercase());
        }
    };
    let item = if md { "- " } else { "  " };
    head(&mut o, "At the table");
    if t.proposals.is_empty() {
        let _ = writeln!(o, "{item}You tabled no proposal of your own.");
    }
    for v in &t.verdict {
        let _ = writeln!(o, "{item}{v}");
    }
    for p in &t.proposals {
        let _ = writeln!(
            o,
            "{}Your proposal of {} ({}){}",
            if md { "\n### " } else { "\n  " },
            p.date,
            p.session,
            if p.agreed { ": agreed" } else { "" }
        );
        if let Some((title, date, author)) = &p.nearest {
            let _ = writeln!(
                o,
                "{item}Beside the historical proposal nearest in time: {title} ({author}, {date})"
            );
        }
        if md {
            let _ = writeln!(o, "\n| issue | yours | history |\n|---|---|---|");
        }
        for i in &p.issues {
            let y = i.yours.as_deref().unwrap_or("(open)");
            let h = i.history.as_deref().unwrap_or("(open)");
            if md {
                let _ = writeln!(o, "| {} | {y} | {h} |", i.issue);
            } else {
                let mark = if i.same { "=" } else { "\u{2260}" };
                let _ = writeln!(
                    o,
                    "    {:<34} {mark} yours: {y}\n    {:<34}   history: {h}",
                    i.issue, ""
                );
            }
        }
        if md {
            o.push('\n');
        }
        for (who, reply, reason) in &p.answers {
            let _ = writeln!(o, "{item}{who}: {reply} \u{2014} {reason}");
        }
    }
    if !t.dances.is_empty() {
        head(
            &mut o,
            "The negotiation dance (Hindriks, Jonker & Tykhonov 2007)",
        );
        let _ = writeln!(
            o,
            "{item}Each proposal after a party's first is a move, classed by the change it makes to the mover's utility and its opponent's (the scenario's utilities on the historical terms date; issues a proposal leaves open valued at the positions its author held)."
        );
        for d in &t.dances {
            let _ = writeln!(
                o,
                "{item}{} (opponent: {}) \u{2014} your game: {}; history: {}",
                d.actor_name,
                d.opponent,
                counts(&d.game),
                counts(&d.history)
            );
            for (which, line) in [("game", &d.game), ("history", &d.history)] {
                for m in line.moves.iter().filter(|m| m.class.is_some()) {
                    let changed: Vec<String> = m
                        .changes
                        .iter()
                        .map(|c| format!("{}: {} \u{2192} {}", c.issue, c.from, c.to))
                        .collect();
                    let _ = writeln!(
                        o,
                        "{}{which} {}: {} \u{2014} {} (own {:+}, opponent {:+}){}",
                        if md { "  - " } else { "      " },
                        m.date,
                        m.label,
                        m.class.map_or("", |c| c.word()),
                        m.d_own,
                        m.d_other,
                        if changed.is_empty() {
                            String::new()
                        } else {
                            format!("; {}", changed.join("; "))
                        }
                    );
                }
            }
        }
    }
    if let Some(f) = &t.frontiers {
        head(&mut o, "Frontiers");
        let _ = writeln!(
            o,
            "{item}On the space of {}: the Pareto frontier over every deal has {} deals ({} utility points), {} of them inside the zone of agreement ({} deals).",
            f.date, f.full_deals, f.full_points, f.full_in_zone, f.zone
        );
        let _ = writeln!(
            o,
            "{item}The frontier over the deals every party prefers to no deal (NegMAS's rational outcomes) has {} deals ({} utility points): this is the one that teaches.",
            f.rational_deals, f.rational_points
        );
    }
    if let Some(d) = &t.distances {
        let utils: Vec<String> = d
            .utilities
            .iter()
            .map(|(n, u)| format!("{n} {u}"))
            .collect();
        let _ = writeln!(
            o,
            "{item}{} are worth: {}.",
            capital(&d.what),
            utils.join(", ")
        );
        if let Some(n) = d.to_nash {
            let _ = writeln!(o, "{item}Distance to the Nash point: {n} utility points.");
        }
        let _ = writeln!(
            o,
            "{item}To the full frontier: {}.",
            gap(Some(d.to_frontier))
        );
        let _ = writeln!(
            o,
            "{item}To the rational frontier: {}.",
            if d.rational {
                gap(d.to_rational_frontier)
            } else {
                "not rational: some party values it below no deal".into()
            }
        );
    }
    o
}

fn gap(g: Option<i64>) -> String {
    match g {
        Some(0) => "on it".into(),
        Some(n) => {
            format!("{n} utility points short (the nearest deal at least as good for every party)")
        }
        None => "no deal of it is at least as good for every party".into(),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
