//! Dates: the scenario's span (start, end, horizon), each timeline entry inside it and
//! in order, and the historical armistice's dates.

use chrono::NaiveDate;

use super::{Checker, Item};
use crate::scenario::raw::RawDate;

/// Longest span of a scenario, start to end (bounds the work of a debrief's monthly
/// samples and of the clock).
const MAX_SPAN_DAYS: i64 = 100 * 365 + 25;

impl Checker<'_> {
    /// The start, end and horizon: in order, and not too far apart.
    pub(super) fn span(&mut self, top: Item) {
        let raw = self.raw;
        if raw.start > raw.end {
            self.problem(
                top,
                "end",
                format!("the end {} is before the start {}", raw.end, raw.start),
            );
        }
        if (raw.end.0 - raw.start.0).num_days() > MAX_SPAN_DAYS {
            self.problem(
                top,
                "end",
                format!(
                    "the span {} to {} is longer than {} years; a scenario covers at most that",
                    raw.start,
                    raw.end,
                    MAX_SPAN_DAYS / 365
                ),
            );
        }
        if raw.horizon < raw.start || raw.horizon > raw.end {
            self.problem(
                top,
                "horizon",
                format!(
                    "the horizon {} is outside the span {} to {}",
                    raw.horizon, raw.start, raw.end
                ),
            );
        }
    }

    /// A timeline entry's date: inside the span, and not before the entry listed
    /// before it (`previous`: its date and id).
    pub(super) fn entry_date(
        &mut self,
        item: Item,
        date: RawDate,
        previous: Option<(NaiveDate, &str)>,
    ) {
        let raw = self.raw;
        if date < raw.start || date > raw.end {
            self.problem(
                item,
                "date",
                format!(
                    "{date} is outside the scenario's span {} to {}",
                    raw.start, raw.end
                ),
            );
        }
        if let Some((prev_date, prev_id)) = previous
            && date.0 < prev_date
        {
            self.problem(
                item,
                "date",
                format!(
                    "dates out of order: {date} comes after `{prev_id}` dated {prev_date}; the timeline must be in date order"
                ),
            );
        }
    }

    /// The historical agreement's date inside the span, its terms' date before it
    /// (called only when the file has `historical`).
    pub(super) fn armistice_dates(&mut self, item: Item, noun: &str) {
        let raw = self.raw;
        let Some(h) = &raw.armistice.historical else {
            return;
        };
        if h.date < raw.start || h.date > raw.end {
            self.problem(
                item,
                "historical.date",
                format!("{} is outside the scenario's span", h.date),
            );
        }
        if h.terms_date > h.date || h.terms_date < raw.start {
            self.problem(
                item,
                "historical.terms_date",
                format!(
                    "{} must fall between the scenario's start {} and the {noun}'s date {}",
                    h.terms_date, raw.start, h.date
                ),
            );
        }
    }

    /// The date talks without agreement ended: inside the span, by the horizon.
    pub(super) fn no_agreement_date(&mut self, item: Item, date: RawDate) {
        let raw = self.raw;
        if date < raw.start || date > raw.horizon {
            self.problem(
                item,
                "no_agreement.date",
                format!(
                    "{date} is outside the scenario's start {} to its horizon {}: the talks must end within the time the game plays",
                    raw.start, raw.horizon
                ),
            );
        }
    }
}
