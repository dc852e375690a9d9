//! Printing the debrief, the class report and the replay: plain text, Markdown, JSON
//! and HTML (`html/`).
//!
//! The data comes ready-made from [`crate::compare::Debrief`] and
//! [`crate::replay::ReplayStep`]; this module only lays it out. JSON dates are
//! ISO 8601 (`1953-07-27`).

pub mod bargain;
pub mod class_md;
pub mod class_text;
pub mod debrief_md;
pub mod debrief_text;
pub mod explore_text;
pub mod html;
pub mod replay_text;
pub mod seats;
pub mod table;

use serde::Serialize;

/// The debrief's output formats (the command line maps its own `--format` onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Md,
    Json,
    Html,
}

/// "Jul 1953".
pub fn month_short(d: chrono::NaiveDate) -> String {
    d.format("%b %Y").to_string()
}

/// Pretty JSON with a final newline.
#[allow(
    clippy::expect_used,
    reason = "report types are plain structs with string map keys: serializing them cannot fail"
)]
pub fn json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("report data always serializes");
    s.push('\n');
    s
}

/// Wraps `text` to `width` columns, every line prefixed by `indent`.
pub fn wrap(text: &str, indent: &str, width: usize) -> String {
    wrap_hanging(text, indent, indent, width)
}

/// Wraps `text` with a first-line prefix (a bullet, say) and another for the rest.
pub fn wrap_hanging(text: &str, first: &str, rest: &str, width: usize) -> String {
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest);
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

/// "+12 days", "−3 days", "same day".
pub fn days_text(days: i64) -> String {
    match days {
        0 => "the same day".to_string(),
        d if d > 0 => format!("{d} days later"),
        d => format!("{} days earlier", -d),
    }
}

/// A date, or "never".
pub fn date_or_never(date: Option<chrono::NaiveDate>) -> String {
    date.map_or("never".to_string(), |d| d.to_string())
}

/// How the game ended, in one sentence without its full stop ("Armistice signed
/// 1953-07-27", "No settlement by the horizon"), in the scenario's own noun. `how` is
/// added after the date of a signed agreement.
pub fn game_outcome(out: &crate::compare::OutcomeView, how: &str) -> String {
    let noun = &out.noun;
    match out.armistice_date {
        Some(date) => format!("{} signed {date}{how}", out.noun_capitalised()),
        None => match out.kind.as_str() {
            "unfinished" => format!("Game unfinished: no {noun} yet"),
            "ended" => format!(
                "The game ended with no {noun}: {}",
                out.reason.clone().unwrap_or_default()
            ),
            _ => format!("No {noun} by the horizon"),
        },
    }
}

/// History's outcome beside the game's, as a sentence: "History: armistice signed
/// 1953-07-27.", or for history without an agreement "No agreement — as in history:
/// the conference ended … (1954-06-15)." when the game also ended without one.
pub fn history_outcome(out: &crate::compare::OutcomeView) -> String {
    let noun = &out.noun;
    match &out.historical_end {
        None => format!("History: {noun} signed {}.", out.historical_date),
        Some(how) if out.no_agreement_as_in_history() => format!(
            "No {noun} \u{2014} as in history: {how} ({}).",
            out.historical_date
        ),
        Some(how) => format!(
            "History: no {noun} \u{2014} {how} ({}).",
            out.historical_date
        ),
    }
}

/// "decisions 2" → "Decisions 2": the first letter in upper case.
pub fn capitalise_first(text: &str) -> String {
    crate::scenario::capitalise(text)
}

/// What the divergence score counts, in a paragraph for the debrief.
pub fn divergence_explained(out: &crate::compare::OutcomeView) -> String {
    let noun = &out.noun;
    let common = "One point for each decision taken differently from history (a counterfactual decision that arises counts), each of history's decisions that did not arise in your game (counted apart: your game had gone elsewhere), each event that happened in one and not the other";
    if out.agreed_in_history() {
        format!(
            "{common}, each term that differs from the historical terms, and each whole week between your {noun} and the historical one (without one, between the historical {noun} and the end of your game). 0 is the historical path."
        )
    } else {
        format!(
            "{common}; if your game reached a {noun}, which history did not, each of its terms and each whole week between the end of the talks in history and your {noun}. A game that ends with no {noun}, as history did, scores 0 on terms and weeks. 0 is the historical path."
        )
    }
}
