//! The class report as Markdown, to hand out or paste into a course page.

use std::fmt::Write;

use super::days_text;
use crate::class::{ClassGroup, ClassReport};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The whole class report as Markdown.
pub fn render(r: &ClassReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Class report\n\n{} game records.", r.game_count());
    for g in &r.groups {
        group(&mut o, g);
    }
    if !r.skipped.is_empty() {
        let _ = writeln!(o, "\n## Files left out\n\n| File | Why |\n|---|---|");
        for s in &r.skipped {
            let _ = writeln!(o, "| {} | {} |", cell(&s.file), cell(&s.reason));
        }
    }
    o
}

fn group(o: &mut String, g: &ClassGroup) {
    let _ = writeln!(
        o,
        "\n## {} — {} games\n\nScenario `{}` (`{}…`).",
        g.scenario_title,
        g.games.len(),
        g.scenario_id,
        g.scenario_hash.chars().take(12).collect::<String>()
    );
    if !g.learning_goals.is_empty() {
        let _ = writeln!(o, "\n### Learning goals\n");
        for l in &g.learning_goals {
            let _ = writeln!(o, "- {l}");
        }
    }
    let _ = writeln!(
        o,
        "\n### How the games ended\n\n| Outcome | Games |\n|---|---|"
    );
    for out in &g.outcomes {
        let _ = writeln!(o, "| {} | {} |", cell(&out.label), out.count);
    }
    let _ = writeln!(o, "\nHistory: {}.", g.history_phrase());
    if g.armistice_months
        .iter()
        .any(|m| m.count > 0 || m.historical)
    {
        let _ = writeln!(o, "\n| Month | {}s |\n|---|---|", g.noun_capitalised());
    }
    for m in g
        .armistice_months
        .iter()
        .filter(|m| m.count > 0 || m.historical)
    {
        let mark = if m.historical { " (history)" } else { "" };
        let _ = writeln!(o, "| {}{mark} | {} |", super::month_short(m.month), m.count);
    }
    terms(o, g);

    let _ = writeln!(o, "\n### Decisions, the most divided first");
    for d in &g.decisions {
        let _ = writeln!(
            o,
            "\n#### {} — {}\n\n{}: {} of {} chose{}.\n",
            d.date_text,
            d.title,
            d.role_name,
            d.players - d.not_arisen,
            d.players,
            if d.not_arisen > 0 {
                format!(" (it did not arise in {})", d.not_arisen)
            } else {
                String::new()
            }
        );
        for opt in &d.options {
            let mark = if opt.historical {
                " *(historical)*"
            } else {
                ""
            };
            let _ = writeln!(o, "- {}{mark}: **{}**", opt.label, opt.count);
        }
        if !d.note.is_empty() {
            let _ = writeln!(o, "\nIn history: {}", d.note);
        }
        if !d.discussion.is_empty() {
            let _ = writeln!(o, "\nFor discussion:\n");
            for q in &d.discussion {
                let read = q
                    .sources
                    .iter()
                    .map(|c| c.short())
                    .collect::<Vec<_>>()
                    .join("; ");
                let _ = writeln!(o, "1. **{}** {} (Read: {read})", q.question, q.background);
            }
        }
    }
    let v = &g.divergence;
    let _ = writeln!(
        o,
        "\n### Divergence\n\nLowest {}, median {}, highest {}; {} game(s) on the historical path.",
        v.min, v.median, v.max, v.historical
    );
    let _ = writeln!(
        o,
        "\n### Objectives met, per role\n\n| Side | Objective | Class | History |\n|---|---|---|---|"
    );
    for ob in &g.objectives {
        let class = if ob.of == 0 {
            "—".to_string()
        } else {
            format!("{} of {}", ob.met, ob.of)
        };
        let _ = writeln!(
            o,
            "| {} | {} | {class} | {} |",
            cell(&ob.role_name),
            cell(&ob.text),
            if ob.met_in_history { "met" } else { "not met" }
        );
    }
    table(o, g);
    let _ = writeln!(
        o,
        "\n### The records\n\n| Name | Role | Outcome | Divergence | First left history |\n|---|---|---|---|---|"
    );
    for r in &g.games {
        let days = r
            .days_from_history
            .map(|d| format!(" ({})", days_text(d)))
            .unwrap_or_default();
        let first = r
            .first_divergence
            .as_ref()
            .map_or("never".to_string(), |(d, t)| format!("{d}: {t}"));
        let _ = writeln!(
            o,
            "| {} | {} | {}{days} | {} | {} |",
            cell(r.name.as_deref().unwrap_or(&r.file)),
            cell(&r.roles_text()),
            cell(&r.outcome_text),
            r.divergence.total,
            cell(&first)
        );
    }
}

/// The term sets reached, beside the historical terms (or history's lack of any).
fn terms(o: &mut String, g: &ClassGroup) {
    if !g.agreed_in_history() {
        let _ = writeln!(o, "\n### Terms reached (history reached none)\n");
        if g.term_sets.is_empty() {
            let _ = writeln!(o, "No game reached the {}, as in history.", g.noun);
        }
        for t in &g.term_sets {
            let _ = writeln!(o, "- {} games: {}", t.count, cell(&t.labels.join("; ")));
        }
        return;
    }
    let _ = writeln!(
        o,
        "\n### Terms reached, beside the terms of {}\n",
        g.historical_terms_date
    );
    if g.term_sets.is_empty() {
        let _ = writeln!(o, "No game reached the {}.\n", g.noun);
    }
    let mut head = String::from("| Games |");
    let mut rule = String::from("|---|");
    for (issue, _) in &g.historical_terms {
        let _ = write!(head, " {} |", cell(issue));
        rule.push_str("---|");
    }
    let _ = writeln!(o, "{head}\n{rule}");
    let mut hist = String::from("| **history** |");
    for (_, l) in &g.historical_terms {
        let _ = write!(hist, " {} |", cell(l));
    }
    let _ = writeln!(o, "{hist}");
    for t in &g.term_sets {
        let mut line = format!("| {} |", t.count);
        for (l, (_, h)) in t.labels.iter().zip(&g.historical_terms) {
            if l == h {
                let _ = write!(line, " {} |", cell(l));
            } else {
                let _ = write!(line, " **{}** |", cell(l));
            }
        }
        let _ = writeln!(o, "{line}");
    }
}

/// "At the table": the packages the class tabled beside the historical proposals, one
/// column per issue.
fn table(o: &mut String, g: &ClassGroup) {
    let t = &g.table;
    if t.packages.is_empty() && t.historical.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n### At the table: the proposals the class tabled\n");
    let mut head = String::from("| Side | Tabled (games) | Agreed | Answers |");
    let mut rule = String::from("|---|---|---|---|");
    for issue in &g.issue_names {
        let _ = write!(head, " {} |", cell(issue));
        rule.push_str("---|");
    }
    let row = |labels: &[Option<String>]| -> String {
        labels
            .iter()
            .map(|l| format!(" {} |", cell(l.as_deref().unwrap_or("—"))))
            .collect()
    };
    if t.packages.is_empty() {
        let _ = writeln!(o, "No player tabled terms of their own.\n");
    } else {
        let _ = writeln!(o, "{head}\n{rule}");
        for p in &t.packages {
            let answers = p
                .answers
                .iter()
                .map(|(who, word, n)| format!("{who}: {word} {n}"))
                .collect::<Vec<_>>()
                .join("; ");
            let name = match &p.as_history {
                Some(h) => format!("{} (as *{}*)", p.role_name, h),
                None => p.role_name.clone(),
            };
            let _ = writeln!(
                o,
                "| {} | {} ({}) | {} | {} |{}",
                cell(&name),
                p.count,
                p.games,
                p.agreed,
                cell(&answers),
                row(&p.terms)
            );
        }
    }
    if !t.historical.is_empty() {
        let mut head = String::from("| Historical proposal | Tabled by the class |");
        let mut rule = String::from("|---|---|");
        for issue in &g.issue_names {
            let _ = write!(head, " {} |", cell(issue));
            rule.push_str("---|");
        }
        let _ = writeln!(o, "\nThe historical proposals:\n\n{head}\n{rule}");
        for h in &t.historical {
            let _ = writeln!(
                o,
                "| {} — {}, {} | {} |{}",
                cell(&h.date_text),
                cell(&h.title),
                cell(&h.author_name),
                h.tabled_by_class,
                row(&h.terms)
            );
        }
    }
}
