//! What the story shows in one game, fixed at the moment it is shown: the wording of
//! each event and option (`texts` variants), the figures shown (`when` on figures);
//! the aftermath events scheduled from the game's own agreement (`after_agreement`);
//! and, for the story checker only ([`Game::watch_story`]), every plain text shown
//! whose presumption failed and every event fired, with its date.

use chrono::{Days, NaiveDate};

use super::{Game, State};
use crate::scenario::{Decision, DecisionOption, EntryId, Event, Figure};

/// The wordings and figures shown, and the aftermath on its way.
#[derive(Debug, Clone, Default)]
pub(super) struct Shown {
    /// Fired events with variants or conditional figures: (event, variant shown,
    /// figures hidden as a bit mask — a figure past the 64th is always shown).
    events: Vec<(EntryId, Option<usize>, u64)>,
    /// Arisen decisions with option variants: the variant shown for each option.
    options: Vec<(EntryId, Vec<Option<usize>>)>,
    /// Arisen decisions whose historical option was closed when they arose (the
    /// debrief's chain traces why: [`Game::history_was_closed`]).
    history_closed: Vec<EntryId>,
    /// Whether the aftermath has been scheduled (once, when the agreement is signed).
    scheduled: bool,
    /// Aftermath events scheduled: (date, event), by date then timeline order; kept
    /// once fired, for the date each was shown ([`Game::shown_date_text`]).
    aftermath: Vec<(NaiveDate, EntryId)>,
    /// How many of `aftermath` have come due (fired or missed).
    aftermath_done: usize,
    /// Only while the story checker watches.
    watch: Option<Box<Watch>>,
}

/// What the story checker reads from a game.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    /// Each plain text shown whose presumption did not hold, the first time in the game.
    pub untrue: Vec<Untrue>,
    /// Every event fired: (event, date, whether the game's agreement was signed before).
    pub fired: Vec<(EntryId, NaiveDate, bool)>,
}

/// Which text's presumption failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Presumer {
    /// An event's plain title and text.
    Event,
    /// A decision's title, prompt and plain context.
    Decision,
    /// An option's label and plain text (index into the decision's options).
    Option(usize),
}

/// A plain text shown in a game although its presumption did not hold.
#[derive(Debug, Clone)]
pub struct Untrue {
    pub entry: EntryId,
    pub what: Presumer,
    /// The state when it was shown (to say in words what failed).
    pub state: State,
}

impl Shown {
    /// As in a new game; a game the story checker watches goes on being watched.
    pub(super) fn reset(&mut self) {
        let watching = self.watch.is_some();
        *self = Shown::default();
        if watching {
            self.watch = Some(Box::default());
        }
    }
}

impl Game {
    /// Has the game record what the story checker reads (see [`Watch`]).
    pub fn watch_story(mut self) -> Self {
        self.shown.watch = Some(Box::default());
        self
    }

    /// What the story checker reads, if [`Game::watch_story`] was called.
    pub fn watched(&self) -> Option<&Watch> {
        self.shown.watch.as_deref()
    }

    /// Whether decision `id` arose with its historical option closed (its `requires`
    /// did not hold then), so that whoever decided could not take history's option.
    pub fn history_was_closed(&self, id: EntryId) -> bool {
        self.shown.history_closed.contains(&id)
    }

    /// The event's title as shown in this game (its variant's, when one applied).
    pub fn event_title(&self, id: EntryId) -> &str {
        let entry = self.scenario.entry(id);
        match (entry.as_event(), self.event_variant(id)) {
            (Some(e), Some(v)) => e.texts[v].title.as_deref().unwrap_or(&e.title),
            _ => entry.title(),
        }
    }

    /// The event's text as shown in this game (its variant's, when one applied).
    pub fn event_text(&self, id: EntryId) -> &str {
        let Some(e) = self.scenario.entry(id).as_event() else {
            return "";
        };
        match self.event_variant(id) {
            Some(v) => &e.texts[v].text,
            None => &e.text,
        }
    }

    /// The event's figures shown in this game (those whose `when` held when it fired;
    /// all of them for an event that has not fired).
    pub fn figures_of(&self, id: EntryId) -> Vec<&Figure> {
        let Some(e) = self.scenario.entry(id).as_event() else {
            return Vec::new();
        };
        let hidden = self
            .shown
            .events
            .iter()
            .find(|(e, _, _)| *e == id)
            .map_or(0, |&(_, _, h)| h);
        e.figures
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= 64 || hidden & (1 << i) == 0)
            .map(|(_, f)| f)
            .collect()
    }

    /// The text of option `option` of decision `id` as shown in this game.
    pub fn option_text(&self, id: EntryId, option: usize) -> &str {
        let Some(o) = self
            .scenario
            .entry(id)
            .as_decision()
            .and_then(|d| d.options.get(option))
        else {
            return "";
        };
        let variant = self
            .shown
            .options
            .iter()
            .find(|(e, _)| *e == id)
            .and_then(|(_, v)| v.get(option).copied().flatten());
        match variant {
            Some(v) => &o.texts[v].1,
            None => &o.text,
        }
    }

    fn event_variant(&self, id: EntryId) -> Option<usize> {
        self.shown
            .events
            .iter()
            .find(|(e, _, _)| *e == id)
            .and_then(|&(_, v, _)| v)
    }

    /// Fixes what a firing event shows (called as it fires, before its effects).
    pub(super) fn show_event(&mut self, id: EntryId, e: &Event) {
        let s = &self.scenario;
        let variant = e.texts.iter().position(|t| self.state.holds(s, &t.when));
        let mut hidden = 0u64;
        for (i, f) in e.figures.iter().enumerate().take(64) {
            if !self.state.holds(s, &f.when) {
                hidden |= 1 << i;
            }
        }
        if variant.is_some() || hidden != 0 {
            self.shown.events.push((id, variant, hidden));
        }
        if let Some(watch) = self.shown.watch.as_deref_mut() {
            let plain_title = variant.is_none_or(|v| e.texts[v].title.is_none());
            if plain_title && !self.state.holds(s, &e.presumes) {
                untrue(watch, id, Presumer::Event, &self.state);
            }
            watch
                .fired
                .push((id, self.state.date, self.state.armistice.is_some()));
        }
    }

    /// Fixes what an arising decision shows of its options (called as it arises).
    pub(super) fn show_decision(&mut self, id: EntryId, d: &Decision) {
        let s = &self.scenario;
        if let Some(h) = d.historical
            && !self.state.holds(s, &d.options[h].requires)
        {
            self.shown.history_closed.push(id);
        }
        let state = &self.state;
        let variant = |o: &DecisionOption| o.texts.iter().position(|(c, _)| state.holds(s, c));
        if let Some(watch) = self.shown.watch.as_deref_mut() {
            if !state.holds(s, &d.presumes) {
                untrue(watch, id, Presumer::Decision, state);
            }
            for (i, o) in d.options.iter().enumerate() {
                if variant(o).is_none() && !state.holds(s, &o.presumes) {
                    untrue(watch, id, Presumer::Option(i), state);
                }
            }
        }
        // Listed only when some option shows a variant (most show none).
        if d.options.iter().any(|o| variant(o).is_some()) {
            let variants = d.options.iter().map(variant).collect();
            self.shown.options.push((id, variants));
        }
    }

    /// Once the game's agreement is signed: every aftermath event is due its
    /// `after_agreement` days after the signing date.
    pub(super) fn schedule_aftermath(&mut self) {
        if self.shown.scheduled {
            return;
        }
        let Some(signed) = self.state.armistice.as_ref().map(|a| a.date) else {
            return;
        };
        self.shown.scheduled = true;
        for (i, entry) in self.scenario.timeline.iter().enumerate() {
            if let Some(days) = entry.as_event().and_then(|e| e.after_agreement) {
                let due = signed
                    .checked_add_days(Days::new(u64::from(days)))
                    .unwrap_or(NaiveDate::MAX);
                self.shown.aftermath.push((due, EntryId(i)));
            }
        }
        self.shown.aftermath.sort_unstable();
    }

    /// The next aftermath event due, if any.
    pub(super) fn next_aftermath(&self) -> Option<(NaiveDate, EntryId)> {
        self.shown.aftermath.get(self.shown.aftermath_done).copied()
    }

    /// Takes the next aftermath event off the queue.
    pub(super) fn pop_aftermath(&mut self) {
        if self.shown.aftermath_done < self.shown.aftermath.len() {
            self.shown.aftermath_done += 1;
        }
    }

    /// The date an entry is shown under in this game: for an aftermath event
    /// (`after_agreement`) that has come due, the day it came due (the game's signing
    /// + N days); else the scenario's date ([`crate::scenario::Entry::date_text`]).
    pub fn shown_date_text(&self, id: EntryId) -> String {
        self.aftermath_date(id)
            .map_or_else(|| self.scenario.entry(id).date_text(), |d| d.to_string())
    }

    /// The date an entry is shown under in this game (see [`Game::shown_date_text`]).
    pub fn shown_date(&self, id: EntryId) -> NaiveDate {
        self.aftermath_date(id)
            .unwrap_or_else(|| self.scenario.entry(id).date())
    }

    /// The day an aftermath event came due in this game, once it has.
    fn aftermath_date(&self, id: EntryId) -> Option<NaiveDate> {
        self.shown.aftermath[..self.shown.aftermath_done]
            .iter()
            .find(|(_, e)| *e == id)
            .map(|(d, _)| *d)
    }
}

/// Notes an untrue text, once per text and game.
fn untrue(watch: &mut Watch, entry: EntryId, what: Presumer, state: &State) {
    if !watch
        .untrue
        .iter()
        .any(|u| u.entry == entry && u.what == what)
    {
        watch.untrue.push(Untrue {
            entry,
            what,
            state: state.clone(),
        });
    }
}

#[cfg(test)]
mod tests;
