//! The what-if explorer's report as plain text, each figure beside history.

use std::fmt::Write;

use crate::explore::ExploreReport;

/// Widest bar of the histogram, in characters.
const BAR: usize = 50;

/// The report as text.
pub fn render(r: &ExploreReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "WHAT-IF EXPLORER \u{2014} scenario {}", r.scenario);
    let mode = match &r.vary {
        Some(v) => format!("every option of `{v}`, other decisions historical"),
        None => "random choices at every decision".to_string(),
    };
    let _ = writeln!(
        o,
        "{} games as {} ({mode}); other sides: {}; seed {}.\n",
        r.runs, r.role_name, r.policy, r.seed
    );
    let pct = |n: usize| (n * 100).checked_div(r.runs).unwrap_or(0);
    let noun = crate::scenario::capitalise(&r.noun);
    let history = match &r.historical_end {
        None => format!("signed {}", r.historical_date),
        Some(how) => format!("none \u{2014} {how} ({})", r.historical_date),
    };
    let _ = writeln!(
        o,
        "{}: {} of {} games ({}%); history: {history}.",
        noun.to_uppercase(),
        r.armistice,
        r.runs,
        pct(r.armistice),
    );
    for (ending, n) in &r.endings {
        let _ = writeln!(
            o,
            "  {:<40} {n:>7} ({}%)",
            ending.replace('_', " "),
            pct(*n)
        );
    }
    if let Some(d) = &r.dates {
        let history = match &r.historical_end {
            None => format!("history {}", r.historical_date),
            Some(_) => "history: none".to_string(),
        };
        let _ = writeln!(
            o,
            "  {noun} date: earliest {}, median {}, latest {} ({history}).",
            d.min, d.median, d.max
        );
    }
    if !r.months.is_empty() {
        let _ = writeln!(o, "\n{} DATE, BY MONTH", noun.to_uppercase());
        let most = r.months.iter().map(|m| m.count).max().unwrap_or(1).max(1);
        for m in &r.months {
            let width = (m.count * BAR).div_ceil(most);
            let mark = if m.historical {
                "  \u{25c0} history"
            } else {
                ""
            };
            let _ = writeln!(
                o,
                "  {} {:>7} {}{mark}",
                m.month,
                m.count,
                "#".repeat(width)
            );
        }
    }
    if !r.terms.is_empty() {
        let head = match r.historical_end {
            None => format!("the historical terms in {} games", r.historical_terms),
            Some(_) => format!("history reached no {}", r.noun),
        };
        let _ = writeln!(o, "\nTERMS (most frequent sets; {head})");
        for t in &r.terms {
            let mark = if t.historical { " = history" } else { "" };
            let _ = writeln!(o, "  {} games{mark}:", t.count);
            let line: Vec<String> = t.terms.iter().map(|(i, p)| format!("{i}: {p}")).collect();
            o.push_str(&super::wrap(&line.join(", "), "    ", 88));
        }
    }
    if let Some(c) = &r.cost_of_delay {
        let hist = r
            .historical_cost_of_delay
            .map_or("-".to_string(), |h| h.to_string());
        let _ = writeln!(
            o,
            "\nCOST OF DELAY (points at the end): min {}, median {}, max {}; history {hist}.",
            c.min, c.median, c.max
        );
    }
    if let Some(d) = &r.divergence {
        let _ = writeln!(
            o,
            "DIVERGENCE FROM HISTORY: min {}, median {}, max {}; history 0 ({} games identical to it).",
            d.min, d.median, d.max, r.same_as_history
        );
    }
    if !r.by_option.is_empty() {
        let _ = writeln!(o, "\nBY OPTION");
        for row in &r.by_option {
            let mark = if row.historical { " (history)" } else { "" };
            let div = row
                .divergence
                .map_or("-".to_string(), |d| d.median.to_string());
            let _ = writeln!(
                o,
                "  {}{mark}: {} games, {} in {}, earliest {}, median divergence {div}",
                row.option,
                row.games,
                noun,
                row.armistice,
                super::date_or_never(row.earliest)
            );
        }
    }
    o
}
