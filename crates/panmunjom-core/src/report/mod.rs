//! Printing the debrief and the replay: plain text, Markdown and JSON.
//!
//! The data comes ready-made from [`crate::compare::Debrief`] and
//! [`crate::replay::ReplayStep`]; this module only lays it out. JSON dates are
//! ISO 8601 (`1953-07-27`).

pub mod bargain;
pub mod debrief_md;
pub mod debrief_text;
pub mod explore_text;
pub mod replay_text;
pub mod table;

use serde::Serialize;

/// The debrief's output formats (the command line maps its own `--format` onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Md,
    Json,
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
