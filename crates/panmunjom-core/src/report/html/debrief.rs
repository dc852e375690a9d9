//! One game's debrief as one HTML page: the outcome, the decisions beside history
//! (with the discussion questions), the state over time as charts, the objectives.

use maud::{Markup, PreEscaped, html};

use super::{charts, cites, goals, page, questions};
use crate::compare::Debrief;
use crate::report::{
    date_or_never, days_text, divergence_explained, game_outcome, history_outcome,
};

/// The whole debrief as a self-contained HTML page.
pub fn render(d: &Debrief) -> String {
    let title = format!("Debrief: {}", d.scenario_title);
    let body = html! {
        header {
            h1 { "Debrief" }
            p.scenario-title { (d.scenario_title) }
            p.lead { @if d.seats.is_empty() { "Role: " b { (d.role_name) } } @else { "Seats: " (crate::report::seats::who_played(&d.seats)) " · the side of " b { (d.role_name) } } " · other sides: " (d.policy) " · seed " (d.seed)
                " · scenario " code { (d.scenario_id) } " (" (d.scenario_hash.chars().take(12).collect::<String>()) "…)" }
        }
        (outcome(d))
        (seats(d))
        (goals(&d.learning_goals))
        (decisions(d))
        (over_time(d))
        (objectives(d))
        @if !d.event_questions.is_empty() {
            section.page {
                h2 { "Questions on the events" }
                @for e in &d.event_questions {
                    div.decision {
                        h3 { (e.title) }
                        p.meta { (e.date_text) }
                        (questions(&e.questions))
                    }
                }
            }
        }
        footer { "Written by Panmunjom from a game record; history is the same scenario with every side taking its historical option." }
    };
    page(&title, body)
}

fn outcome(d: &Debrief) -> Markup {
    let out = &d.outcome;
    let v = &d.divergence;
    html! {
        section {
            h2 { "Outcome" }
            @match (out.armistice_date, out.days_from_history) {
                (Some(date), Some(days)) => p { (out.noun_capitalised()) " signed " b { (date) } "; history: "
                    (out.historical_date) " (" (days_text(days)) ")." },
                _ => p { b { (game_outcome(out, "")) } ". " (history_outcome(out)) },
            }
            @if out.armistice_date.is_none() && !out.agreed_in_history() {
                p { "Terms: none, as in history." }
            } @else if !out.agreed_in_history() {
                p { "Your terms (history reached none):" }
                div.table-wrap { table {
                    tr { th { "Issue" } th { "Your terms" } }
                    @for t in &out.terms {
                        tr { td { (t.issue_name) } td { (t.game_text()) } }
                    }
                } }
            } @else {
            div.table-wrap { table {
                tr { th { "Issue" } th { "Your terms" } th { "Terms of " (out.historical_terms_date) } }
                @for t in &out.terms {
                    tr {
                        td { (t.issue_name) }
                        td { (t.game_text())
                            @if !t.same { " " span.tag.diff { "different" } } }
                        td { (t.historical_label) }
                    }
                }
            } }
            }
            p { "Time taken: " b { (out.weeks_taken) " weeks" } " from " (d.start) " to " (out.taken_until())
                "; history: " (out.historical_weeks_taken) " weeks." }
            div.stats {
                div.stat { b { (v.total) } span { "divergence score" } }
                div.stat { b { (v.decided_differently) } span { "decided differently" } }
                div.stat { b { (v.not_arisen) } span { "did not arise" } }
                div.stat { b { (v.events) } span { "events" } }
                div.stat { b { (v.terms) } span { "terms" } }
                div.stat { b { (v.weeks) } span { "weeks" } }
            }
            p.meta { (divergence_explained(out)) }
            @if let Some((date, t)) = &d.first_divergence {
                p { "Your game first left history on " b { (date) } ": " (t)
                    @if !t.ends_with(['?', '.', '!']) { "." } }
            }
            h3 { "How your choices led here" }
            ul.chain { @for line in d.chain.lines() { li { (line) } } }
            @if !d.events.is_empty() {
                h3 { "Events that went differently" }
                ul { @for e in &d.events { li { (e.date_text) " — " (e.title) ": " (e.what()) } } }
            }
        }
    }
}

fn decisions(d: &Debrief) -> Markup {
    html! {
        section.page {
            h2 { "Decisions beside history" }
            @for r in &d.decisions {
                div.decision {
                    h3 { (r.title) }
                    p.meta { (r.date_text) " · " (r.role_name) @if r.player { " (you)" } }
                    div.table-wrap { table {
                        tr { th { "Chosen" } th { "Historical" } }
                        tr {
                            td { (r.chosen_label.as_deref().unwrap_or("(did not arise)"))
                                @if !r.same { " " span.tag.diff { "different" } } }
                            td { (r.historical_label) }
                        }
                    } }
                    @if r.player && !r.note.is_empty() { p.note { b { "Why the real side chose as it did: " } (r.note) } }
                    (cites(&r.sources))
                    @if r.player { (questions(&r.discussion)) }
                }
            }
        }
    }
}

fn over_time(d: &Debrief) -> Markup {
    let start = d.samples.first().map(|s| s.date);
    let day = |date: chrono::NaiveDate| start.map_or(0, |s| (date - s).num_days());
    let label = |n: i64| {
        start
            .and_then(|s| s.checked_add_signed(chrono::TimeDelta::days(n)))
            .map(crate::report::month_short)
            .unwrap_or_default()
    };
    html! {
        section.page {
            h2 { "Over time" }
            p.legend { span.swatch.game {} "your game" span.swatch.hist {} "history" }
            @for (k, (_, name, unit)) in d.variables.iter().enumerate() {
                @let points: Vec<(i64, i64, i64)> = d.samples.iter()
                    .filter_map(|s| s.vars.get(k).map(|&(g, h)| (day(s.date), g, h))).collect();
                figure {
                    (PreEscaped(charts::lines(&points, &label, unit)))
                    figcaption { (name) }
                }
            }
            h3 { "When the parties' positions met" }
            div.table-wrap { table {
                tr { th { "Issue" } th { "Yours" } th { "History" } }
                @for r in &d.settled { tr { td { (r.issue_name) } td { (date_or_never(r.game)) } td { (date_or_never(r.history)) } } }
            } }
        }
    }
}

/// Every delegation of a game several people played (nothing for one seat).
fn seats(d: &Debrief) -> Markup {
    let yn = |b: bool| if b { "met" } else { "not met" };
    html! {
        @if !d.seats.is_empty() {
            section.page {
                h2 { "Every delegation" }
                @for seat in &d.seats {
                    div.decision {
                        h3 { (seat.who()) }
                        @if seat.choices.is_empty() {
                            p.meta { "No decision came to this seat." }
                        } @else {
                            div.table-wrap { table {
                                tr { th { "Date" } th { "Decision" } th { "Chose" } th { "History" } th {} }
                                @for c in &seat.choices {
                                    tr { td { (c.date_text) } td { (c.title) } td { (c.chosen) } td { (c.historical) }
                                        td { @if c.same { "as in history" } @else { b { "different" } } } }
                                }
                            } }
                        }
                        @if seat.moves.is_empty() {
                            p.meta { "At the table: no move of its own." }
                        } @else {
                            ul {
                                @for m in &seat.moves {
                                    li { (m.date) " · " (m.session) ": " (m.text) @if m.agreed { " — " b { "agreed" } }
                                        @if !m.answers.is_empty() { ul { @for a in &m.answers { li { (a) } } } } }
                                }
                            }
                        }
                        @if !seat.objectives.is_empty() {
                            div.table-wrap { table {
                                tr { th { "Objective" } th { "In the game" } th { "History" } }
                                @for r in &seat.objectives {
                                    tr { td { (r.text) } td { (yn(r.met)) } td { (yn(r.met_in_history)) } }
                                }
                            } }
                        }
                    }
                }
            }
        }
    }
}

fn objectives(d: &Debrief) -> Markup {
    let yn = |b: bool| if b { "met" } else { "not met" };
    html! {
        section.page {
            h2 { "Objectives" }
            div.table-wrap { table {
                tr { th { "Side" } th { "Objective" } th { "Yours" } th { "History" } }
                @for r in &d.objectives {
                    tr { td { (r.role_name) } td { (r.text) } td { (yn(r.met)) } td { (yn(r.met_in_history)) } }
                }
            } }
        }
    }
}
