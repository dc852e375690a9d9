//! The class report as plain text, for the terminal.

use std::fmt::Write;

use super::{days_text, wrap, wrap_hanging};
use crate::class::{ClassGroup, ClassReport};

const WIDTH: usize = 88;

/// The whole class report as text.
pub fn render(r: &ClassReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "CLASS REPORT: {} game records", r.game_count());
    for g in &r.groups {
        group(&mut o, g);
    }
    if !r.skipped.is_empty() {
        let _ = writeln!(o, "\nFILES LEFT OUT ({})", r.skipped.len());
        for s in &r.skipped {
            o.push_str(&wrap_hanging(
                &format!("{}: {}", s.file, s.reason),
                "  - ",
                "    ",
                WIDTH,
            ));
        }
    }
    o
}

fn group(o: &mut String, g: &ClassGroup) {
    let n = g.games.len();
    let _ = writeln!(
        o,
        "\n{} — {n} games (scenario `{}`, {}…)",
        g.scenario_title,
        g.scenario_id,
        g.scenario_hash.chars().take(12).collect::<String>()
    );
    if !g.learning_goals.is_empty() {
        let _ = writeln!(o, "\nLEARNING GOALS");
        for l in &g.learning_goals {
            o.push_str(&wrap_hanging(l, "  - ", "    ", WIDTH));
        }
    }
    let _ = writeln!(o, "\nHOW THE GAMES ENDED");
    for out in &g.outcomes {
        let _ = writeln!(o, "  {:>5}  {}", out.count, out.label);
    }
    let _ = writeln!(
        o,
        "\n  {}s by month, months without one left out (history: {}):",
        g.noun_capitalised(),
        g.history_phrase()
    );
    let top = g
        .armistice_months
        .iter()
        .map(|m| m.count)
        .max()
        .unwrap_or(0)
        .max(1);
    for m in g
        .armistice_months
        .iter()
        .filter(|m| m.count > 0 || m.historical)
    {
        let bar = "#".repeat(m.count * 40 / top + usize::from(m.count > 0 && m.count * 40 < top));
        let mark = if m.historical { "  <- history" } else { "" };
        let _ = writeln!(
            o,
            "  {}  {:>5} {bar}{mark}",
            super::month_short(m.month),
            m.count
        );
    }
    if g.agreed_in_history() {
        let _ = writeln!(
            o,
            "\n  Terms reached (history, {}: {}):",
            g.historical_terms_date,
            g.historical_terms
                .iter()
                .map(|(i, l)| format!("{i}: {l}"))
                .collect::<Vec<_>>()
                .join("; ")
        );
    } else {
        let _ = writeln!(o, "\n  Terms reached (history reached none):");
    }
    if g.term_sets.is_empty() {
        let tail = if g.agreed_in_history() {
            ""
        } else {
            ", as in history"
        };
        let _ = writeln!(o, "  none: no game reached the {}{tail}", g.noun);
    }
    for t in &g.term_sets {
        let what = if t.historical {
            "the historical terms".to_string()
        } else if !g.agreed_in_history() {
            "terms history never reached".to_string()
        } else {
            format!("{} term(s) unlike history", t.differing)
        };
        o.push_str(&wrap_hanging(
            &format!("{} games — {what}: {}", t.count, t.labels.join("; ")),
            "  - ",
            "    ",
            WIDTH,
        ));
    }

    let _ = writeln!(o, "\nDECISIONS, THE MOST DIVIDED FIRST");
    for d in &g.decisions {
        let _ = writeln!(
            o,
            "\n  {} — {} ({}; {} of {} played this side and chose{})",
            d.date_text,
            d.title,
            d.role_name,
            d.players - d.not_arisen,
            d.players,
            if d.not_arisen > 0 {
                format!(", it did not arise in {}", d.not_arisen)
            } else {
                String::new()
            }
        );
        for opt in &d.options {
            let mark = if opt.historical { " (historical)" } else { "" };
            let _ = writeln!(o, "    {:>5}  {}{mark}", opt.count, opt.label);
        }
        for q in &d.discussion {
            o.push_str(&wrap_hanging(&q.question, "    ? ", "      ", WIDTH));
        }
    }

    let v = &g.divergence;
    let _ = writeln!(
        o,
        "\nDIVERGENCE: lowest {}, median {}, highest {}; {} game(s) on the historical path (0)",
        v.min, v.median, v.max, v.historical
    );
    let _ = writeln!(o, "\nOBJECTIVES MET, PER ROLE (class / history)");
    for ob in &g.objectives {
        let class = if ob.of == 0 {
            "not played".to_string()
        } else {
            format!("{} of {}", ob.met, ob.of)
        };
        let hist = if ob.met_in_history { "met" } else { "not met" };
        o.push_str(&wrap_hanging(
            &format!("{}: {} — {class} / {hist}", ob.role_name, ob.text),
            "  - ",
            "    ",
            WIDTH,
        ));
    }
    table(o, g);

    let _ = writeln!(o, "\nTHE RECORDS");
    for r in &g.games {
        let name = r.name.clone().unwrap_or_else(|| r.file.clone());
        let days = r
            .days_from_history
            .map(|d| format!(" ({})", days_text(d)))
            .unwrap_or_default();
        let first = r
            .first_divergence
            .as_ref()
            .map_or("never left history".to_string(), |(d, t)| {
                format!("first left history {d}: {t}")
            });
        o.push_str(&wrap(
            &format!(
                "{name} — {}, {}{days}; divergence {}; {first}",
                r.roles_text(),
                r.outcome_text,
                r.divergence.total
            ),
            "  ",
            WIDTH,
        ));
    }
}

/// "Armistice" from "armistice".
pub fn capital(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "At the table": the packages the class tabled, and the historical proposals.
fn table(o: &mut String, g: &ClassGroup) {
    let t = &g.table;
    if t.packages.is_empty() && t.historical.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nAT THE TABLE: THE PROPOSALS THE CLASS TABLED");
    if t.packages.is_empty() {
        let _ = writeln!(o, "  No player tabled terms of their own.");
    }
    let terms = |labels: &[Option<String>]| -> String {
        let set: Vec<String> = g
            .issue_names
            .iter()
            .zip(labels)
            .filter_map(|(i, l)| l.as_ref().map(|l| format!("{i}: {l}")))
            .collect();
        if set.is_empty() {
            "no issue".to_string()
        } else {
            set.join("; ")
        }
    };
    for p in &t.packages {
        let answers = p
            .answers
            .iter()
            .map(|(who, word, n)| format!("{who} {word} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let hist = p
            .as_history
            .as_ref()
            .map(|h| format!(" (as history's \u{201c}{h}\u{201d})"))
            .unwrap_or_default();
        o.push_str(&wrap_hanging(
            &format!(
                "{} — tabled {} time(s) in {} game(s), agreed {}{hist}: {}. Answers: {}.",
                p.role_name,
                p.count,
                p.games,
                p.agreed,
                terms(&p.terms),
                if answers.is_empty() {
                    "none".into()
                } else {
                    answers
                }
            ),
            "  - ",
            "    ",
            WIDTH,
        ));
    }
    if !t.historical.is_empty() {
        let _ = writeln!(
            o,
            "\n  The historical proposals (tabled as they were by the class):"
        );
        for h in &t.historical {
            o.push_str(&wrap_hanging(
                &format!(
                    "{} — {}, {} ({} time(s)): {}",
                    h.date_text,
                    h.title,
                    h.author_name,
                    h.tabled_by_class,
                    terms(&h.terms)
                ),
                "  - ",
                "    ",
                WIDTH,
            ));
        }
    }
}
