//! The class report as one HTML page.

use maud::{Markup, PreEscaped, html};

use super::charts::{self, Column};
use super::{bar, cites, goals, page, questions};
use crate::class::{ClassGroup, ClassReport};
use crate::report::month_short;

/// The whole class report as a self-contained HTML page.
pub fn render(r: &ClassReport) -> String {
    let title = match r.groups.as_slice() {
        [one] => format!("Class report: {}", one.scenario_title),
        _ => "Class report".to_string(),
    };
    let body = html! {
        header {
            h1 { "Class report" }
            p.lead {
                (r.game_count()) @if r.game_count() == 1 { " game record" } @else { " game records" }
                @if r.groups.len() > 1 { " on " (r.groups.len()) " scenarios" }
                @if r.skipped.len() == 1 { ", 1 file left out (listed at the end)" }
                @if r.skipped.len() > 1 { ", " (r.skipped.len()) " files left out (listed at the end)" }
                "."
            }
        }
        @if r.groups.is_empty() {
            p { "No record could be read: nothing to report." }
        }
        @for (n, g) in r.groups.iter().enumerate() {
            (group(g, n))
        }
        @if !r.skipped.is_empty() {
            section id="skipped" {
                h2 { "Files left out" }
                div.table-wrap { table.skipped {
                    tr { th { "File" } th { "Why" } }
                    @for s in &r.skipped { tr { td { (s.file) } td { (s.reason) } } }
                } }
            }
        }
        footer { "Written by Panmunjom. Every figure comes from replaying the records on the scenario they name." }
    };
    page(&title, body)
}

fn group(g: &ClassGroup, n: usize) -> Markup {
    let break_before = n > 0;
    let games = g.games.len();
    let signed = g
        .games
        .iter()
        .filter(|r| r.armistice_date.is_some())
        .count();
    let noun = &g.noun;
    let hist_label = format!("{} (history)", g.historical_date.format("%-d %B %Y"));
    html! {
        section class=(if break_before { "page scenario" } else { "scenario" }) {
            p.scenario-title { (g.scenario_title) " — " (games) " games · scenario "
                code { (g.scenario_id) } " (" (g.scenario_hash.chars().take(12).collect::<String>()) "…)" }
            div.stats {
                div.stat { b { (signed) " / " (games) } span { "reached the " (noun) } }
                div.stat { b { (g.divergence.median) } span { "median divergence (0 = history)" } }
                div.stat { b { (g.divergence.historical) } span { "games on the historical path" } }
            }
            (goals(&g.learning_goals))
        }
        // On the first sheet with the title and the goals: no page break before it.
        section id=(format!("outcome-{n}")) {
            h2 { "How the games ended" }
            div.table-wrap { table {
                tr { th { "Outcome" } th.num { "Games" } }
                @for o in &g.outcomes { tr { td { (o.label) } td.num { (o.count) } } }
            } }
            @let bars: Vec<Column> = g.armistice_months.iter().enumerate().map(|(i, m)| Column {
                label: if i % 3 == 0 || m.historical { month_short(m.month) } else { String::new() },
                count: m.count,
                highlight: m.historical,
            }).collect();
            @if signed > 0 || g.agreed_in_history() { figure {
                (PreEscaped(charts::columns(&bars, &format!("{noun}s signed"))))
                figcaption { "When the games' " (noun) "s were signed, by month. "
                    @if g.agreed_in_history() { span.legend { span.swatch.hist {} (hist_label) } }
                    @else { "History: " (g.history_phrase()) "." } }
            } } @else {
                p { "History: " (g.history_phrase()) "." }
            }
            @if !g.agreed_in_history() {
                h3 { "The terms reached (history reached none)" }
                @if g.term_sets.is_empty() {
                    p { "No " (noun) " \u{2014} as in history: no game reached one." }
                } @else {
                    div.table-wrap { table {
                        tr {
                            th.num { "Games" }
                            @for issue in &g.issue_names { th { (issue) } }
                        }
                        @for t in &g.term_sets {
                            tr { td.num { (t.count) } @for label in &t.labels { td { (label) } } }
                        }
                    } }
                }
            } @else {
            h3 { "The terms reached, beside the terms of " (g.historical_terms_date.format("%-d %B %Y")) }
            @if g.term_sets.is_empty() {
                p { "No game reached the " (noun) "." }
            } @else {
                div.table-wrap { table {
                    tr {
                        th.num { "Games" }
                        @for (issue, _) in &g.historical_terms { th { (issue) } }
                    }
                    tr.hist {
                        td.num { span.tag.hist { "history" } }
                        @for (_, label) in &g.historical_terms { td { (label) } }
                    }
                    @for t in &g.term_sets {
                        tr {
                            td.num { (t.count) }
                            @for (label, (_, hist)) in t.labels.iter().zip(&g.historical_terms) {
                                td {
                                    @if label == hist { span.meta { "as history" } }
                                    @else { (label) " " span.tag.diff { "different" } }
                                }
                            }
                        }
                    }
                } }
            }
            }
        }
        section.page id=(format!("decisions-{n}")) {
            h2 { "The decisions, the most divided first" }
            p.lead { "For each decision, how the students who played that side chose. "
                span.legend { span.swatch.hist {} "the historical option" span.swatch.game {} "another option" } }
            @for d in &g.decisions {
                div.decision {
                    h3 { (d.title) }
                    p.meta { (d.date_text) " · " (d.role_name) " · "
                        (d.players - d.not_arisen) " of " (d.players) " chose"
                        @if d.not_arisen > 0 { " (it did not arise in " (d.not_arisen) ")" }
                        @if d.split > 0 { " · " (d.split) "% away from the most common choice" } }
                    ul.options {
                        @for o in &d.options {
                            li {
                                span.label { (o.label) @if o.historical { " " span.tag.hist { "historical" } } }
                                (bar(o.count, d.players - d.not_arisen, o.historical))
                                span.count { (o.count) }
                            }
                        }
                    }
                    @if !d.note.is_empty() { p.note { b { "In history: " } (d.note) } }
                    (cites(&d.sources))
                    (questions(&d.discussion))
                }
            }
        }
        @if !g.table.packages.is_empty() || !g.table.historical.is_empty() {
            section.page id=(format!("table-{n}")) { (table(g)) }
        }
        section.page id=(format!("divergence-{n}")) {
            h2 { "How far the games left history" }
            div.stats {
                div.stat { b { (g.divergence.min) } span { "lowest" } }
                div.stat { b { (g.divergence.median) } span { "median" } }
                div.stat { b { (g.divergence.max) } span { "highest" } }
            }
            @let bars: Vec<Column> = g.divergence.bins.iter().map(|&(lo, hi, count)| Column {
                label: if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") },
                count,
                highlight: lo == 0,
            }).collect();
            figure {
                (PreEscaped(charts::columns(&bars, "games")))
                figcaption { (divergence_caption(g)) " "
                    span.legend { span.swatch.hist {} "includes 0, the historical path" } }
            }
            h3 { "Objectives met, per role" }
            div.table-wrap { table {
                tr { th { "Side" } th { "Objective" } th.num { "Met by the class" } th { "In history" } }
                @for o in &g.objectives {
                    tr {
                        td { (o.role_name) }
                        td { (o.text) }
                        td.num { @if o.of == 0 { "—" } @else { (o.met) " of " (o.of) } }
                        td { @if o.met_in_history { "met" } @else { "not met" } }
                    }
                }
            } }
        }
        section.page id=(format!("records-{n}")) {
            h2 { "The records" }
            div.table-wrap { table {
                tr { th { "Name" } th { "Role" } th { "Outcome" } th.num { "Divergence" } th { "First left history" } th { "Other sides" } }
                @for r in &g.games {
                    tr {
                        td { @if let Some(name) = &r.name { (name) } @else { span.meta { (file_name(&r.file)) } } }
                        td { (r.roles_text()) }
                        td { (r.outcome_text)
                            @if let Some(d) = r.days_from_history { br; span.meta { (than_history(d)) } } }
                        td.num { (r.divergence.total) }
                        td { @if let Some((date, title)) = &r.first_divergence { (date) ": " (title) } @else { "never" } }
                        td { (r.policy) ", seed " (r.seed) }
                    }
                }
            } }
        }
        @if !g.event_questions.is_empty() {
            section.page id=(format!("events-{n}")) {
                h2 { "Questions on the events" }
                @for e in &g.event_questions {
                    div.decision {
                        h3 { (e.title) }
                        p.meta { (e.date_text) }
                        (questions(&e.questions))
                    }
                }
            }
        }
    }
}

/// "the historical date", "12 days later than history".
fn than_history(days: i64) -> String {
    if days == 0 {
        "the historical date".to_string()
    } else {
        format!("{} than history", crate::report::days_text(days))
    }
}

/// The last part of a path, for a record without a name.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// What the divergence score counts, for the histogram's caption.
fn divergence_caption(g: &ClassGroup) -> String {
    let noun = &g.noun;
    if g.agreed_in_history() {
        format!(
            "Divergence scores: one point per decision or event unlike history, per term unlike the historical terms, per week between the {noun} and the historical one."
        )
    } else {
        format!(
            "Divergence scores: one point per decision or event unlike history; a game that reached a {noun}, which history did not, also scores each of its terms and each week between the end of the talks in history and its {noun}."
        )
    }
}

/// "At the table": the packages the class tabled beside the historical proposals.
fn table(g: &ClassGroup) -> Markup {
    let t = &g.table;
    html! {
        h2 { "At the table: the proposals the class tabled" }
        @if t.packages.is_empty() {
            p { "No player tabled terms of their own." }
        } @else {
            p.lead { "Each package of terms a side's players tabled in their own words, how often, and how the other sides answered. \u{2014}: left open." }
            div.table-wrap { table {
                tr {
                    th { "Side, and the answers" } th.num { "Tabled (games)" } th.num { "Agreed" }
                    @for issue in &g.issue_names { th { (issue) } }
                }
                @for p in &t.packages {
                    tr {
                        td { (p.role_name) @if let Some(h) = &p.as_history { br; span.tag.hist { "as " (h) } }
                            @for (who, word, k) in &p.answers { br; span.meta { (who) ": " (word) " " (k) } } }
                        td.num { (p.count) " (" (p.games) ")" }
                        td.num { (p.agreed) }
                        @for l in &p.terms { td { @if let Some(l) = l { (l) } @else { span.meta { "\u{2014}" } } } }
                    }
                }
            } }
        }
        @if !t.historical.is_empty() {
            h3 { "The historical proposals" }
            div.table-wrap { table {
                tr {
                    th { "Proposal" } th.num { "Tabled by the class" }
                    @for issue in &g.issue_names { th { (issue) } }
                }
                @for h in &t.historical {
                    tr {
                        td { (h.title) br; span.meta { (h.date_text) " · " (h.author_name) } }
                        td.num { (h.tabled_by_class) }
                        @for l in &h.terms { td { @if let Some(l) = l { (l) } @else { span.meta { "\u{2014}" } } } }
                    }
                }
            } }
        }
    }
}
