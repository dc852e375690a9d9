//! What the texts presume and how they vary (issue 13): `presumes` on events,
//! decisions and options, `texts` variants, figures shown under a condition,
//! `excludes` between events, and aftermath events fired `after_agreement` days after
//! the game's own agreement (their `date` must be the historical signing + days).

use chrono::Days;

use super::{Checker, Item};
use crate::scenario::raw::{RawEntry, RawEvent, RawOptionText};
use crate::scenario::{Cond, EntryId, EventText};

impl Checker<'_> {
    /// An event's text variants, resolved; an empty text is refused.
    pub(super) fn event_texts(&mut self, item: Item, e: &RawEvent) -> Vec<EventText> {
        e.texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let field = |f: &str| format!("texts.{}.{f}", i + 1);
                if t.text.trim().is_empty() {
                    self.problem(item, &field("text"), "the text is empty");
                }
                if t.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
                    self.problem(
                        item,
                        &field("title"),
                        "the title is empty: leave `title` out to keep the event's",
                    );
                }
                EventText {
                    when: self.cond(item, &field("when"), &t.when),
                    text: t.text.clone(),
                    title: t.title.clone(),
                }
            })
            .collect()
    }

    /// An option's text variants, resolved (`field` is `options.<id>`).
    pub(super) fn option_texts(
        &mut self,
        item: Item,
        field: &str,
        texts: &[RawOptionText],
    ) -> Vec<(Cond, String)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.text.trim().is_empty() {
                    self.problem(
                        item,
                        &format!("{field}.texts.{}.text", i + 1),
                        "the text is empty",
                    );
                }
                (
                    self.cond(item, &format!("{field}.texts.{}.when", i + 1), &t.when),
                    t.text.clone(),
                )
            })
            .collect()
    }

    /// The events an event excludes: each must exist, be an event and not itself.
    pub(super) fn excludes(&mut self, item: Item, e: &RawEvent) -> Vec<EntryId> {
        let mut out = Vec::new();
        for id in &e.excludes {
            let Some(entry) = self.resolve::<EntryId>(item, "excludes", id) else {
                continue;
            };
            if matches!(self.raw.timeline[entry.0], RawEntry::Decision(_)) {
                self.problem(
                    item,
                    "excludes",
                    format!(
                        "`{id}` is a decision, not an event: only events can exclude each other"
                    ),
                );
            } else if *id == e.id {
                self.problem(item, "excludes", "an event cannot exclude itself");
            } else if !out.contains(&entry) {
                out.push(entry);
            }
        }
        out
    }

    /// An aftermath event's rules: the scenario has a historical agreement, and the
    /// event's date is its signing date + `after_agreement` days.
    pub(super) fn after_agreement(&mut self, item: Item, e: &RawEvent) -> Option<u32> {
        let days = e.after_agreement?;
        let noun = self.raw.armistice.noun.as_deref().unwrap_or("armistice");
        let Some(h) = &self.raw.armistice.historical else {
            self.problem(
                item,
                "after_agreement",
                format!(
                    "the scenario records no historical {noun} (`no_agreement`), so nothing can follow one: remove `after_agreement`"
                ),
            );
            return Some(days);
        };
        let expected = h.date.0.checked_add_days(Days::new(u64::from(days)));
        if expected != Some(e.date.0) {
            let expected =
                expected.map_or_else(|| "beyond the calendar".to_string(), |d| d.to_string());
            self.problem(
                item,
                "after_agreement",
                format!(
                    "{days} days after the historical {noun} of {} is {expected}, but the event is dated {}: the date of an aftermath event must be the historical signing date + `after_agreement` days",
                    h.date, e.date
                ),
            );
        }
        Some(days)
    }
}
