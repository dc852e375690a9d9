//! Every delegation of a game several people played, as text and Markdown (the HTML
//! page draws the same rows in `html/debrief.rs`): per seat its person, its role, its
//! decisions beside history, its moves at the table with their answers, its objectives.

use std::fmt::Write;

use super::debrief_md::cell;
use crate::compare::SeatDebrief;

fn yn(b: bool) -> &'static str {
    if b { "met" } else { "not met" }
}

/// "Ann (United Nations Command), China" — the header's list of the seats.
pub fn who_played(seats: &[SeatDebrief]) -> String {
    seats
        .iter()
        .map(SeatDebrief::who)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The delegations as plain text (nothing for a game of one seat).
pub fn text(seats: &[SeatDebrief]) -> String {
    let mut o = String::new();
    if seats.is_empty() {
        return o;
    }
    let _ = writeln!(
        o,
        "EVERY DELEGATION ({} seats played by people)",
        seats.len()
    );
    for seat in seats {
        let _ = writeln!(o, "\n  {}", seat.who());
        if seat.choices.is_empty() {
            let _ = writeln!(o, "    Decisions: none came to this seat.");
        }
        for c in &seat.choices {
            let mark = if c.same { "as in history" } else { "different" };
            let _ = writeln!(
                o,
                "    {} \u{2014} {}: chose \u{201c}{}\u{201d} ({mark}; history: {})",
                c.date_text, c.title, c.chosen, c.historical
            );
        }
        if seat.moves.is_empty() {
            let _ = writeln!(o, "    At the table: no move of its own.");
        }
        for m in &seat.moves {
            let agreed = if m.agreed { " \u{2014} AGREED" } else { "" };
            let _ = writeln!(o, "    {} \u{b7} {}: {}{agreed}", m.date, m.session, m.text);
            for a in &m.answers {
                let _ = writeln!(o, "      {a}");
            }
        }
        for r in &seat.objectives {
            let _ = writeln!(
                o,
                "    Objective: {} \u{2014} {} (history: {})",
                r.text,
                yn(r.met),
                yn(r.met_in_history)
            );
        }
    }
    o.push('\n');
    o
}

/// The delegations as Markdown (nothing for a game of one seat).
pub fn markdown(seats: &[SeatDebrief]) -> String {
    let mut o = String::new();
    if seats.is_empty() {
        return o;
    }
    let _ = writeln!(o, "## Every delegation\n");
    for seat in seats {
        let _ = writeln!(o, "### {}\n", seat.who());
        if seat.choices.is_empty() {
            let _ = writeln!(o, "No decision came to this seat.\n");
        } else {
            let _ = writeln!(
                o,
                "| Date | Decision | Chose | History | |\n|---|---|---|---|---|"
            );
            for c in &seat.choices {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} |",
                    cell(&c.date_text),
                    cell(&c.title),
                    cell(&c.chosen),
                    cell(&c.historical),
                    if c.same {
                        "as in history"
                    } else {
                        "**different**"
                    }
                );
            }
            o.push('\n');
        }
        if seat.moves.is_empty() {
            let _ = writeln!(o, "At the table: no move of its own.\n");
        } else {
            let _ = writeln!(o, "At the table:\n");
            for m in &seat.moves {
                let agreed = if m.agreed { " — **agreed**" } else { "" };
                let _ = writeln!(
                    o,
                    "- {} · {}: {}{agreed}",
                    m.date,
                    cell(&m.session),
                    cell(&m.text)
                );
                for a in &m.answers {
                    let _ = writeln!(o, "  - {}", cell(a));
                }
            }
            o.push('\n');
        }
        if !seat.objectives.is_empty() {
            let _ = writeln!(o, "| Objective | In the game | History |\n|---|---|---|");
            for r in &seat.objectives {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} |",
                    cell(&r.text),
                    yn(r.met),
                    yn(r.met_in_history)
                );
            }
            o.push('\n');
        }
    }
    o
}
