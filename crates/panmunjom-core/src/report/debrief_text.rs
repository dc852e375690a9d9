//! The debrief as plain text for the terminal.

use std::fmt::Write;

use super::{date_or_never, days_text, wrap};
use crate::compare::{Debrief, DecisionRow};

const WIDTH: usize = 88;

/// The whole debrief as text.
pub fn render(d: &Debrief) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "DEBRIEF \u{2014} {}", d.scenario_title);
    let played = if d.seats.is_empty() {
        format!("You played: {}", d.role_name)
    } else {
        format!(
            "Seats: {} \u{b7} the side of {}",
            super::seats::who_played(&d.seats),
            d.role_name
        )
    };
    let _ = writeln!(
        o,
        "{played} \u{b7} other sides: {} \u{b7} seed {} \u{b7} scenario {} ({}\u{2026})",
        d.policy,
        d.seed,
        d.scenario_id,
        &d.scenario_hash[..12.min(d.scenario_hash.len())]
    );
    o.push('\n');

    o.push_str(&super::seats::text(&d.seats));
    outcome(&mut o, d);
    divergence(&mut o, d);
    chain(&mut o, d);
    your_decisions(&mut o, d);
    other_sides(&mut o, d);
    events(&mut o, d);
    trajectories(&mut o, d);
    settled(&mut o, d);
    objectives(&mut o, d);
    bargaining(&mut o, d);
    if let Some(t) = &d.table {
        o.push_str(&super::table::text(t));
    }
    o
}

fn bargaining(o: &mut String, d: &Debrief) {
    let Some(b) = &d.bargaining else { return };
    let _ = writeln!(
        o,
        "\nBARGAINING (at the end of your game, {})",
        b.analysis.date
    );
    o.push_str(&super::bargain::text(&b.analysis, Some(&b.timeline)));
    let _ = writeln!(
        o,
        "  In history the zone of agreement opened on {}.",
        date_or_never(b.history_opened)
    );
}

fn outcome(o: &mut String, d: &Debrief) {
    let out = &d.outcome;
    let _ = writeln!(o, "OUTCOME");
    let how = if out.signed_by_event {
        ""
    } else {
        " (concluded by the signing rule: terms agreed and held)"
    };
    let game = super::game_outcome(out, how);
    match (out.armistice_date, out.days_from_history) {
        (Some(_), Some(days)) => {
            let _ = writeln!(
                o,
                "  {game}; history: {} \u{2014} {}.",
                out.historical_date,
                days_text(days)
            );
        }
        _ => {
            let _ = writeln!(o, "  {game}. {}", super::history_outcome(out));
        }
    }
    if out.armistice_date.is_none() && !out.agreed_in_history() {
        let _ = writeln!(o, "  Terms: none, as in history.");
    } else if !out.agreed_in_history() {
        let _ = writeln!(o, "  Terms, yours (history reached none):");
    } else {
        let _ = writeln!(
            o,
            "  Terms, yours against the terms of {}:",
            out.historical_terms_date
        );
    }
    for t in out
        .terms
        .iter()
        .filter(|_| out.armistice_date.is_some() || out.agreed_in_history())
    {
        let mark = if t.same { "same" } else { "DIFFERENT" };
        let _ = writeln!(o, "    {:<34} {mark}", t.issue_name);
        let yours = t.game_text();
        let _ = writeln!(o, "      yours:   {yours}");
        if !t.same {
            let _ = writeln!(o, "      history: {}", t.historical_label);
        }
    }
    let _ = writeln!(
        o,
        "  Time taken: {} weeks from {} to {}; history: {} weeks.",
        out.weeks_taken,
        d.start,
        out.taken_until(),
        out.historical_weeks_taken
    );
    let _ = writeln!(o, "  State at the end (yours / history):");
    for (_, label, unit, g, h) in &out.final_vars {
        let _ = writeln!(o, "    {label:<44} {g:>5} / {h:<5} {unit}");
    }
    o.push('\n');
}

fn divergence(o: &mut String, d: &Debrief) {
    let v = &d.divergence;
    let _ = writeln!(o, "DIVERGENCE SCORE: {} ({})", v.total, v.parts_text());
    o.push_str(&wrap(&super::divergence_explained(&d.outcome), "  ", WIDTH));
    match &d.first_divergence {
        Some((date, title)) => {
            let _ = writeln!(o, "  Your game first left history on {date}: {title}.");
        }
        None => {
            let _ = writeln!(o, "  Your game never left the historical path.");
        }
    }
    o.push('\n');
}

fn chain(o: &mut String, d: &Debrief) {
    let _ = writeln!(o, "HOW YOUR CHOICES LED HERE");
    for line in d.chain.lines() {
        o.push_str(&super::wrap_hanging(&line, "  - ", "    ", WIDTH));
    }
    o.push('\n');
}

fn decision(o: &mut String, r: &DecisionRow, yours: &str) {
    let _ = writeln!(o, "  {}  {}", r.date_text, r.title);
    let chosen = r
        .chosen_label
        .clone()
        .unwrap_or_else(|| "(did not arise in this game)".into());
    let mark = if r.same {
        "same as history"
    } else {
        "DIFFERENT"
    };
    let width = yours.chars().count().max(8) + 1;
    let _ = writeln!(o, "    {yours:<width$}{chosen}  [{mark}]");
    if !r.same {
        let _ = writeln!(o, "    {:<width$}{}", "History:", r.historical_label);
    }
    if !r.note.is_empty() {
        o.push_str(&wrap(&format!("Why: {}", r.note), "    ", WIDTH));
    }
    for c in &r.sources {
        let _ = writeln!(o, "    Source: {}", c.short());
        if let Some(q) = &c.quote {
            o.push_str(&wrap(&format!("\u{201c}{q}\u{201d}"), "      ", WIDTH));
        }
    }
}

fn your_decisions(o: &mut String, d: &Debrief) {
    let _ = writeln!(o, "YOUR DECISIONS ({})", d.role_name);
    let mut any = false;
    for r in d.player_decisions() {
        any = true;
        decision(o, r, "You chose:");
    }
    if !any {
        let _ = writeln!(o, "  (none yet)");
    }
    o.push('\n');
}

fn other_sides(o: &mut String, d: &Debrief) {
    let _ = writeln!(o, "OTHER SIDES' DECISIONS THAT DIFFERED FROM HISTORY");
    let mut any = false;
    for r in d.decisions.iter().filter(|r| !r.player && !r.same) {
        any = true;
        decision(o, r, &format!("{}:", r.role_name));
    }
    if !any {
        let _ = writeln!(o, "  (none: the other sides did what they did in history)");
    }
    o.push('\n');
}

fn events(o: &mut String, d: &Debrief) {
    let _ = writeln!(o, "EVENTS THAT WENT DIFFERENTLY");
    if d.events.is_empty() {
        let _ = writeln!(o, "  (none)");
    }
    for e in &d.events {
        let what = e.what();
        let _ = writeln!(o, "  {}  {} \u{2014} {what}", e.date_text, e.title);
    }
    o.push('\n');
}

fn trajectories(o: &mut String, d: &Debrief) {
    let _ = writeln!(o, "OVER TIME (yours / history, on the first of each month)");
    let mut header = format!("  {:<10}", "date");
    for (i, (_, label, unit)) in d.variables.iter().enumerate() {
        let column = column_name(i);
        let _ = writeln!(o, "  {column}: {label} ({unit})");
        let _ = write!(header, " {column:>11}");
    }
    let column = column_name(d.variables.len());
    let _ = writeln!(o, "  {column}: issues on which the parties still differ");
    let _ = write!(header, " {column:>11}");
    let _ = writeln!(o, "{header}");
    for s in &d.samples {
        let mut line = format!("  {:<10}", s.date.to_string());
        for (g, h) in &s.vars {
            let _ = write!(line, " {:>11}", format!("{g} / {h}"));
        }
        let (open_g, open_h) = s.differing();
        let _ = write!(line, " {:>11}", format!("{open_g} / {open_h}"));
        let _ = writeln!(o, "{}", line.trim_end());
    }
    o.push('\n');
}

/// "A", "B", … for the columns of the table over time.
fn column_name(i: usize) -> String {
    char::from(b'A' + (i % 26) as u8).to_string()
}

fn settled(o: &mut String, d: &Debrief) {
    let _ = writeln!(
        o,
        "WHEN THE PARTIES' POSITIONS MET, ISSUE BY ISSUE (yours / history)"
    );
    for r in &d.settled {
        let _ = writeln!(
            o,
            "  {:<34} {:>10} / {}",
            r.issue_name,
            date_or_never(r.game),
            date_or_never(r.history)
        );
    }
    o.push('\n');
}

fn objectives(o: &mut String, d: &Debrief) {
    let _ = writeln!(o, "OBJECTIVES (yours / history)");
    let mut role = "";
    for r in &d.objectives {
        if r.role != role {
            role = &r.role;
            let you = if r.role == d.role { " (you)" } else { "" };
            let _ = writeln!(o, "  {}{you}", r.role_name);
        }
        let yn = |b: bool| if b { "met" } else { "not met" };
        let _ = writeln!(
            o,
            "    [{:<7} / {:<7}] {}",
            yn(r.met),
            yn(r.met_in_history),
            r.text
        );
    }
}
