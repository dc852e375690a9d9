//! The debrief as Markdown, for a teacher to export and hand out.

use std::fmt::Write;

use super::{date_or_never, days_text};
use crate::compare::Debrief;

/// Escapes the characters that would break a Markdown table cell.
pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The whole debrief as Markdown.
pub fn render(d: &Debrief) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Debrief: {}\n", d.scenario_title);
    let role = if d.seats.is_empty() {
        format!("Role: **{}**", d.role_name)
    } else {
        format!(
            "Seats: {} · the side of **{}**",
            super::seats::who_played(&d.seats),
            d.role_name
        )
    };
    let _ = writeln!(
        o,
        "{role} · other sides: {} · seed {} · scenario `{}` (`{}…`)\n",
        d.policy,
        d.seed,
        d.scenario_id,
        &d.scenario_hash[..12.min(d.scenario_hash.len())]
    );

    o.push_str(&super::seats::markdown(&d.seats));
    let out = &d.outcome;
    let _ = writeln!(o, "## Outcome\n");
    match (out.armistice_date, out.days_from_history) {
        (Some(date), Some(days)) => {
            let _ = writeln!(
                o,
                "{} signed **{date}**; history: {} ({}).\n",
                out.noun_capitalised(),
                out.historical_date,
                days_text(days)
            );
        }
        _ => {
            let _ = writeln!(
                o,
                "**{}.** {}\n",
                super::game_outcome(out, ""),
                super::history_outcome(out)
            );
        }
    }
    let show_terms = out.armistice_date.is_some() || out.agreed_in_history();
    if show_terms {
        let history_head = if out.agreed_in_history() {
            format!("Terms of {}", out.historical_terms_date)
        } else {
            "History".to_string()
        };
        let _ = writeln!(
            o,
            "| Issue | Your terms | {history_head} | |\n|---|---|---|---|"
        );
    } else {
        let _ = writeln!(o, "Terms: none, as in history.");
    }
    for t in out.terms.iter().filter(|_| show_terms) {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            cell(&t.issue_name),
            cell(&t.game_text()),
            cell(&t.historical_label),
            if t.same { "same" } else { "**different**" }
        );
    }
    let _ = writeln!(
        o,
        "\nTime taken: **{} weeks** from {} to {}; history: {} weeks.",
        out.weeks_taken,
        d.start,
        out.taken_until(),
        out.historical_weeks_taken
    );
    let _ = writeln!(
        o,
        "\n| State at the end | Yours | History | Unit |\n|---|---|---|---|"
    );
    for (_, label, unit, g, h) in &out.final_vars {
        let _ = writeln!(o, "| {} | {g} | {h} | {} |", cell(label), cell(unit));
    }

    let v = &d.divergence;
    let _ = writeln!(o, "\n## Divergence score: {}\n", v.total);
    let _ = writeln!(
        o,
        "{}. {}\n",
        super::capitalise_first(&v.parts_text()),
        super::divergence_explained(out)
    );
    if let Some((date, title)) = &d.first_divergence {
        let _ = writeln!(
            o,
            "Your game first left history on **{date}**: {}.\n",
            title
        );
    }

    let _ = writeln!(o, "## How your choices led here\n");
    for line in d.chain.lines() {
        let _ = writeln!(o, "- {}", line.replace('|', "\\|"));
    }
    o.push('\n');

    let _ = writeln!(o, "## Decisions\n");
    let _ = writeln!(
        o,
        "| Date | Side | Decision | Choice | Historical | | Source |\n|---|---|---|---|---|---|---|"
    );
    for r in &d.decisions {
        let side = if r.player {
            format!("**{}** (you)", r.role_name)
        } else {
            r.role_name.clone()
        };
        let sources = r
            .sources
            .iter()
            .map(|c| c.short())
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.date_text),
            side,
            cell(&r.title),
            cell(r.chosen_label.as_deref().unwrap_or("(did not arise)")),
            cell(&r.historical_label),
            if r.same { "same" } else { "**different**" },
            cell(&sources)
        );
    }
    let _ = writeln!(o, "\n### Why the real sides chose as they did\n");
    for r in d.player_decisions() {
        let _ = writeln!(o, "- **{} — {}**: {}", r.date_text, r.title, r.note);
        for c in &r.sources {
            if let Some(q) = &c.quote {
                let _ = writeln!(o, "  > “{}” ({})", q, c.short());
            }
        }
    }

    let _ = writeln!(o, "\n## Events that went differently\n");
    if d.events.is_empty() {
        let _ = writeln!(o, "None.");
    }
    for e in &d.events {
        let what = e.what();
        let _ = writeln!(o, "- {} — {}: {what}", e.date_text, e.title);
    }

    let _ = writeln!(o, "\n## Over time (yours / history)\n");
    let mut header = String::from("| Date |");
    let mut rule = String::from("|---|");
    for (_, label, _) in &d.variables {
        let _ = write!(header, " {} |", cell(label));
        rule.push_str("---|");
    }
    header.push_str(" Issues open |");
    rule.push_str("---|");
    let _ = writeln!(o, "{header}\n{rule}");
    for s in &d.samples {
        let mut line = format!("| {} |", s.date);
        for (g, h) in &s.vars {
            let _ = write!(line, " {g} / {h} |");
        }
        let (open_g, open_h) = s.differing();
        let _ = write!(line, " {open_g} / {open_h} |");
        let _ = writeln!(o, "{line}");
    }

    let _ = writeln!(
        o,
        "\n## When the parties' positions met\n\n| Issue | Yours | History |\n|---|---|---|"
    );
    for r in &d.settled {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            cell(&r.issue_name),
            date_or_never(r.game),
            date_or_never(r.history)
        );
    }

    let _ = writeln!(
        o,
        "\n## Objectives\n\n| Side | Objective | Yours | History |\n|---|---|---|---|"
    );
    for r in &d.objectives {
        let yn = |b: bool| if b { "met" } else { "not met" };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            cell(&r.role_name),
            cell(&r.text),
            yn(r.met),
            yn(r.met_in_history)
        );
    }
    if let Some(b) = &d.bargaining {
        let _ = writeln!(o, "\n## Bargaining\n");
        o.push_str(&super::bargain::markdown(&b.analysis, Some(&b.timeline)));
        let _ = writeln!(
            o,
            "In history the zone of agreement opened on {}.",
            date_or_never(b.history_opened)
        );
    }
    if let Some(t) = &d.table {
        o.push_str(&super::table::markdown(t));
    }
    o
}
