//! The timeline: events (sources, chance, visibility, figures) and decisions (a
//! playable role, two to four options, exactly one historical unless the decision is
//! counterfactual, context variants), in date order.

use chrono::NaiveDate;

use super::{Checker, Item};
use crate::scenario::raw::{RawDecision, RawEntry, RawEvent, RawVisibility};
use crate::scenario::{Decision, DecisionOption, Entry, Event, Figure, HistoricalNote, Visibility};

/// How many options a decision has, at least and at most.
const OPTIONS: std::ops::RangeInclusive<usize> = 2..=4;

impl Checker<'_> {
    pub(super) fn timeline(&mut self) -> Vec<Entry> {
        let raw = self.raw;
        let mut out = Vec::new();
        let mut previous: Option<(NaiveDate, &str)> = None;
        for entry in &raw.timeline {
            let (id, date, kind) = match entry {
                RawEntry::Event(e) => (e.id.as_str(), e.date, "event"),
                RawEntry::Decision(d) => (d.id.as_str(), d.date, "decision"),
            };
            let item = Item { kind, id };
            self.entry_date(item, date, previous);
            previous = Some((date.0, id));
            out.push(match entry {
                RawEntry::Event(e) => Entry::Event(self.event(item, e)),
                RawEntry::Decision(d) => Entry::Decision(self.decision(item, d)),
            });
        }
        out
    }

    fn event(&mut self, item: Item, e: &RawEvent) -> Event {
        if e.sources.is_empty() {
            self.problem(item, "sources", "an event must cite at least one source");
        }
        if e.title.trim().is_empty() {
            self.problem(item, "title", "the title is empty");
        }
        if let Some(chance) = e.chance {
            if !e.counterfactual {
                self.problem(
                    item,
                    "chance",
                    "only a counterfactual event may have a chance: the historical path is certain",
                );
            }
            if chance > 100 {
                self.problem(item, "chance", format!("{chance} is not a percentage"));
            }
        }
        let visibility = match &e.visibility {
            RawVisibility::Public => Visibility::Public,
            RawVisibility::Private(list) => {
                Visibility::Private(self.actor_list(item, "visibility", list))
            }
            RawVisibility::Intelligence(intel) => {
                if intel.to.is_empty() {
                    self.problem(
                        item,
                        "visibility.to",
                        "an intelligence report must reach at least one actor",
                    );
                }
                Visibility::Intelligence {
                    among: self.actor_list(item, "visibility.among", &intel.among),
                    to: self.actor_list(item, "visibility.to", &intel.to),
                    delay_days: intel.delay_days,
                    reliability: intel.reliability.clone(),
                }
            }
        };
        let figures = e
            .figures
            .iter()
            .map(|f| {
                if f.low > f.high {
                    self.problem(
                        item,
                        "figures",
                        format!(
                            "figure `{}`: low {} is above high {}",
                            f.label, f.low, f.high
                        ),
                    );
                }
                Figure {
                    label: f.label.clone(),
                    low: f.low,
                    high: f.high,
                    unit: f.unit.clone(),
                    note: f.note.clone(),
                    when: self.opt_cond(item, "figures.when", &f.when),
                }
            })
            .collect();
        Event {
            id: e.id.clone(),
            date: e.date.0,
            date_label: e.date_label.clone(),
            title: e.title.clone(),
            text: e.text.clone(),
            actors: self.actor_list(item, "actors", &e.actors),
            visibility,
            sources: self.cites(item, "sources", &e.sources),
            figures,
            counterfactual: e.counterfactual,
            when: self.opt_cond(item, "when", &e.when),
            chance: e.chance,
            effects: self.effects(item, "effects", &e.effects),
            discussion: self.discussion(item, &e.discussion),
            presumes: self.opt_cond(item, "presumes", &e.presumes),
            texts: self.event_texts(item, e),
            excludes: self.excludes(item, e),
            after_agreement: self.after_agreement(item, e),
            in_peace: e.in_peace,
        }
    }

    fn decision(&mut self, item: Item, d: &RawDecision) -> Decision {
        let role = self.actor_or_first(item, "role", &d.role);
        if let Some(actor) = self.raw.actors.iter().find(|a| a.id == d.role)
            && !actor.playable
        {
            self.problem(
                item,
                "role",
                format!("`{}` is not a playable actor", d.role),
            );
        }
        if !OPTIONS.contains(&d.options.len()) {
            self.problem(
                item,
                "options",
                format!(
                    "a decision has {} to {} options, this one has {}",
                    OPTIONS.start(),
                    OPTIONS.end(),
                    d.options.len()
                ),
            );
        }
        let historical: Vec<usize> = d
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.historical.is_some())
            .map(|(i, _)| i)
            .collect();
        if d.counterfactual {
            if !historical.is_empty() {
                self.problem(
                    item,
                    "options",
                    "a counterfactual decision did not arise in history, so none of its options may be marked historical",
                );
            }
        } else if historical.len() != 1 {
            let which = if historical.is_empty() {
                "none is".to_string()
            } else {
                format!("{} are", historical.len())
            };
            self.problem(
                item,
                "options",
                format!(
                    "exactly one option must be marked historical; {which} (a decision that arises only off the historical path is marked `counterfactual: true` and has none)"
                ),
            );
        }
        let options = d
            .options
            .iter()
            .map(|o| {
                let field = |f: &str| format!("options.{}.{f}", o.id);
                let historical = o.historical.as_ref().map(|h| {
                    if h.sources.is_empty() {
                        self.problem(
                            item,
                            &field("historical.sources"),
                            "the historical option must cite its source",
                        );
                    }
                    HistoricalNote {
                        note: h.note.clone(),
                        sources: self.cites(item, &field("historical.sources"), &h.sources),
                    }
                });
                DecisionOption {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    text: o.text.clone(),
                    requires: self.opt_cond(item, &field("requires"), &o.requires),
                    effects: self.effects(item, &field("effects"), &o.effects),
                    historical,
                    proposal: o
                        .proposal
                        .as_ref()
                        .and_then(|id| self.proposal_ref(item, &field("proposal"), id)),
                    presumes: self.opt_cond(item, &field("presumes"), &o.presumes),
                    texts: self.option_texts(item, &format!("options.{}", o.id), &o.texts),
                }
            })
            .collect();
        Decision {
            id: d.id.clone(),
            role,
            date: d.date.0,
            date_label: d.date_label.clone(),
            title: d.title.clone(),
            prompt: d.prompt.clone(),
            context: d.context.clone(),
            contexts: d
                .contexts
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if c.text.trim().is_empty() {
                        self.problem(
                            item,
                            &format!("contexts.{}.text", i + 1),
                            "the text is empty",
                        );
                    }
                    (
                        self.cond(item, &format!("contexts.{}.when", i + 1), &c.when),
                        c.text.clone(),
                    )
                })
                .collect(),
            sources: self.cites(item, "sources", &d.sources),
            when: self.opt_cond(item, "when", &d.when),
            options,
            historical: if d.counterfactual {
                None
            } else {
                Some(historical.first().copied().unwrap_or(0))
            },
            counterfactual: d.counterfactual,
            discussion: self.discussion(item, &d.discussion),
            presumes: self.opt_cond(item, "presumes", &d.presumes),
        }
    }
}
