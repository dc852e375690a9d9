//! HTML pages for screens, projectors and paper: the class report and the debrief.
//!
//! Each page is one self-contained file: inline CSS (with print styles for A4 and
//! Letter, a page break before each section, and a narrow layout for phones), charts
//! as inline SVG, no script, nothing fetched from the network. Pages are written with
//! maud, which escapes every text that comes from a scenario or a record; the charts
//! come from `charts` (plotters' SVG backend, which escapes its labels too).

mod charts;
mod class;
mod debrief;

pub use class::render as class;
pub use debrief::render as debrief;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::compare::{CiteView, QuestionView};

/// The style sheet of every page.
const CSS: &str = include_str!("page.css");

/// A whole page: the head, the style sheet, `body`.
fn page(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Panmunjom";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body { main { (body) } }
        }
    }
    .into_string()
}

/// Citations as a short list: "OCI-53, annex, June 1952", with the quote when there is one.
fn cites(list: &[CiteView]) -> Markup {
    html! {
        @if !list.is_empty() {
            ul.sources {
                @for c in list {
                    li {
                        span.cite { (c.short()) }
                        @if let Some(q) = &c.quote { " — " q { (q) } }
                    }
                }
            }
        }
    }
}

/// Discussion questions, each with what historians say and where to read.
fn questions(list: &[QuestionView]) -> Markup {
    html! {
        @if !list.is_empty() {
            div.discussion {
                h4 { "For discussion" }
                ol {
                    @for q in list {
                        li {
                            p.question { (q.question) }
                            @if !q.background.is_empty() { p.background { (q.background) } }
                            @if !q.sources.is_empty() {
                                p.read { "Read: "
                                    @for (n, c) in q.sources.iter().enumerate() {
                                        @if n > 0 { "; " }
                                        span.cite { (c.short()) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The scenario's learning goals.
fn goals(list: &[String]) -> Markup {
    html! {
        @if !list.is_empty() {
            section.goals {
                h2 { "Learning goals" }
                ul { @for g in list { li { (g) } } }
            }
        }
    }
}

/// A row of one option's bar: a share of `total` as a horizontal bar in inline SVG.
fn bar(count: usize, total: usize, historical: bool) -> Markup {
    let width = if total == 0 {
        0.0
    } else {
        count as f64 * 100.0 / total as f64
    };
    let class = if historical { "bar hist" } else { "bar" };
    html! {
        svg.bar-svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label=(format!("{count} of {total}")) {
            rect.track x="0" y="0" width="100" height="8" {}
            rect class=(class) x="0" y="0" width=(format!("{width:.2}")) height="8" {}
        }
    }
}
