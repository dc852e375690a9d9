//! The historical replay as plain text.

use std::fmt::Write;

use super::wrap;
use crate::replay::ReplayStep;

const WIDTH: usize = 88;

/// One step as text: date and title, what happened, who knew, sources, state after.
pub fn step(o: &mut String, s: &ReplayStep) {
    let kind = match s.kind.as_str() {
        "decision" => "DECISION ",
        "report" => "REPORT ",
        // The title names the agreement in the scenario's own noun ("Armistice signed").
        "armistice" => "\u{2605} ",
        "end" => "END ",
        _ => "",
    };
    let _ = writeln!(o, "{}  {kind}{}", s.date_text, s.title);
    if !s.actors.is_empty() {
        let _ = writeln!(o, "    Actors: {}", s.actors.join(", "));
    }
    if let Some(c) = &s.choice {
        o.push_str(&wrap(&format!("Chose: {}", c.label), "    ", WIDTH));
        if !c.note.is_empty() {
            o.push_str(&wrap(&format!("Why: {}", c.note), "    ", WIDTH));
        }
    } else if !s.text.is_empty() {
        o.push_str(&wrap(&s.text, "    ", WIDTH));
    }
    for f in &s.figures {
        o.push_str(&wrap(&format!("Figure: {f}"), "    ", WIDTH));
    }
    if !s.who_knew.is_empty() {
        o.push_str(&wrap(&format!("Who knew: {}", s.who_knew), "    ", WIDTH));
    }
    for c in &s.sources {
        let _ = writeln!(o, "    Source: {}", c.short());
        if let Some(p) = c.passage.as_ref().or(c.quote.as_ref()) {
            o.push_str(&wrap(&format!("\u{201c}{p}\u{201d}"), "      ", WIDTH));
        }
    }
    for m in &s.moves {
        o.push_str(&wrap(&format!("Moves: {m}"), "    ", WIDTH));
    }
    if !s.state.is_empty() {
        let state = s
            .state
            .iter()
            .map(|(l, v)| format!("{l} {v}"))
            .collect::<Vec<_>>()
            .join(" \u{b7} ");
        o.push_str(&wrap(&format!("State: {state}"), "    ", WIDTH));
        let flags = if s.flags.is_empty() {
            "none".to_string()
        } else {
            s.flags.join(", ")
        };
        o.push_str(&wrap(&format!("Flags: {flags}"), "    ", WIDTH));
    }
    o.push('\n');
}

/// The whole replay as text.
pub fn render(title: &str, steps: &[ReplayStep]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "THE HISTORICAL PATH \u{2014} {title}\n");
    for s in steps {
        step(&mut o, s);
    }
    o
}
