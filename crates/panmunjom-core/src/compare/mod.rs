//! Comparison with history: a game set beside the historical path.
//!
//! The historical path is the same scenario played with every side, the player's
//! included, taking the historical option. [`Debrief::new`] lines the two up: each
//! decision, the state over time, the outcome, the objectives, and one divergence
//! score (defined on [`Divergence`]). Rendering lives in `report/`.

//!
//! The files: `rows` (decisions, events, objectives, citations), `outcome` (the end
//! and the terms), `samples` (the state over time, when issues settled),
//! `divergence` (the score), `chain` (how the player's choices led to the outcome)
//! and `bargaining` (the analysis of the game's end).

mod bargaining;
pub mod chain;
mod divergence;
pub(crate) mod outcome;
mod rows;
mod samples;
mod seats;
pub mod table;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

pub use bargaining::GameBargaining;
pub use chain::{Chain, ChainStep};
pub use divergence::Divergence;
pub use outcome::{OutcomeView, TermRow};
pub use rows::{CiteView, DecisionRow, EventDiff, EventQuestions, ObjectiveRow, QuestionView};
pub use samples::{IssueSettled, Sample};
pub use seats::{SeatChoice, SeatDebrief, SeatMove};

use crate::engine::{Decider, Game, Happening, Setup};
use crate::scenario::{ActorId, Entry, EntryId, IssueId, Scenario};

/// The game every side plays historically (the role and seed do not matter to it).
pub fn historical_path(scenario: Arc<Scenario>) -> Game {
    let role = scenario
        .playable()
        .next()
        .map(|(a, _)| a)
        .unwrap_or(ActorId(0));
    let mut game = Game::new(
        scenario,
        Setup {
            role,
            policy: crate::engine::Policy::Historical,
            seed: 0,
        },
    );
    game.play_historical();
    game
}

/// The historical label of a counterfactual decision.
pub const NOT_IN_HISTORY: &str = "did not arise in history (a counterfactual decision)";

/// Everything the debrief says.
#[derive(Debug, Clone, Serialize)]
pub struct Debrief {
    pub scenario_id: String,
    pub scenario_title: String,
    pub scenario_hash: String,
    /// The scenario's first date.
    pub start: NaiveDate,
    pub role: String,
    pub role_name: String,
    pub policy: String,
    pub seed: u64,
    pub outcome: OutcomeView,
    pub divergence: Divergence,
    /// From the player's first departure to the outcome: which choices led to what.
    pub chain: Chain,
    /// The first entry where the game left history: (date, title).
    pub first_divergence: Option<(NaiveDate, String)>,
    pub decisions: Vec<DecisionRow>,
    pub events: Vec<EventDiff>,
    /// Variables: (id, label, unit).
    pub variables: Vec<(String, String, String)>,
    /// Issues: (id, name).
    pub issues: Vec<(String, String)>,
    pub samples: Vec<Sample>,
    /// Per issue, when the parties settled it, in the game and in history.
    pub settled: Vec<IssueSettled>,
    pub objectives: Vec<ObjectiveRow>,
    /// The bargaining analysis of the game's last state (None if the outcome space is
    /// too large to analyse).
    pub bargaining: Option<GameBargaining>,
    /// Proposals, the negotiation dance and the frontiers (None when the scenario has
    /// no sessions).
    pub table: Option<table::TableDebrief>,
    /// The scenario's learning goals (for the teacher).
    pub learning_goals: Vec<String>,
    /// The events' discussion questions, in timeline order.
    pub event_questions: Vec<EventQuestions>,
    /// Every seat of a game several people played (hot-seat or a network table): name,
    /// role, choices, moves at the table, objectives. Empty for a game of one seat.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<SeatDebrief>,
}

impl Debrief {
    /// Compares `game` with the historical path of its scenario.
    pub fn new(game: &Game) -> Debrief {
        let s = &*game.scenario;
        let history = historical_path(Arc::clone(&game.scenario));
        let reached = game.cursor();
        let h = &history.state;
        let g = &game.state;

        let mut decisions = Vec::new();
        let mut events = Vec::new();
        let mut first: Option<(NaiveDate, String)> = None;
        let mut mark_first = |date: NaiveDate, title: &str| {
            if first.is_none() {
                first = Some((date, title.to_string()));
            }
        };
        for (i, entry) in s.timeline.iter().enumerate().take(reached) {
            match entry {
                Entry::Event(e) => {
                    if g.fired[i] != h.fired[i] {
                        mark_first(e.date, &e.title);
                        events.push(EventDiff {
                            id: e.id.clone(),
                            date: game.shown_date(EntryId(i)),
                            date_text: game.shown_date_text(EntryId(i)),
                            title: game.event_title(EntryId(i)).to_string(),
                            counterfactual: e.counterfactual,
                            happened: g.fired[i],
                        });
                    }
                }
                Entry::Decision(d) => {
                    let chosen = g.chosen[i];
                    if d.counterfactual && chosen.is_none() {
                        // Arose neither in this game nor (being counterfactual) in history.
                        continue;
                    }
                    let hist = d.historical_option();
                    let same = chosen == h.chosen[i] && chosen.is_some();
                    if chosen != h.chosen[i] {
                        mark_first(d.date, &d.title);
                    }
                    let by = decider(game, EntryId(i));
                    let note = hist
                        .and_then(|o| o.historical.as_ref())
                        .map(|n| n.note.clone())
                        .unwrap_or_default();
                    let sources = hist
                        .and_then(|o| o.historical.as_ref())
                        .iter()
                        .flat_map(|n| n.sources.iter())
                        .map(|c| CiteView::new(s, c))
                        .collect();
                    decisions.push(DecisionRow {
                        id: d.id.clone(),
                        date: d.date,
                        date_text: entry.date_text(),
                        title: d.title.clone(),
                        role: s.actor(d.role).id.clone(),
                        role_name: s.actor(d.role).name.clone(),
                        player: d.role == game.setup.role,
                        by,
                        chosen: chosen.map(|o| d.options[o].id.clone()),
                        chosen_label: chosen.map(|o| d.options[o].label.clone()),
                        historical: hist.map(|o| o.id.clone()),
                        historical_label: hist
                            .map_or_else(|| NOT_IN_HISTORY.to_string(), |o| o.label.clone()),
                        counterfactual: d.counterfactual,
                        same,
                        note,
                        sources,
                        discussion: QuestionView::list(s, &d.discussion),
                    });
                }
            }
        }

        let outcome = outcome::outcome_view(s, game, &history);

        let objectives: Vec<ObjectiveRow> = s
            .objectives
            .iter()
            .map(|o| ObjectiveRow {
                role: s.actor(o.role).id.clone(),
                role_name: s.actor(o.role).name.clone(),
                text: o.text.clone(),
                met: game.is_finished() && g.holds(s, &o.test),
                met_in_history: h.holds(s, &o.test),
            })
            .collect();

        let seats = seats::seats(game, &decisions, &objectives);
        Debrief {
            seats,
            scenario_id: s.id.clone(),
            scenario_title: s.title.clone(),
            scenario_hash: s.hash.clone(),
            start: s.start,
            role: s.actor(game.setup.role).id.clone(),
            role_name: s.actor(game.setup.role).name.clone(),
            policy: game.setup.policy.name().to_string(),
            seed: game.setup.seed,
            outcome,
            divergence: Divergence::measure(s, game, h),
            chain: chain::chain(game, h),
            first_divergence: first,
            decisions,
            events,
            variables: s
                .variables
                .iter()
                .map(|v| (v.id.clone(), v.label.clone(), v.unit.clone()))
                .collect(),
            issues: s
                .issues
                .iter()
                .map(|i| (i.id.clone(), i.name.clone()))
                .collect(),
            samples: samples::samples(s, game, &history),
            settled: s
                .issues
                .iter()
                .enumerate()
                .map(|(i, issue)| IssueSettled {
                    issue: issue.id.clone(),
                    issue_name: issue.name.clone(),
                    game: samples::settled_since(s, game, IssueId(i)),
                    history: samples::settled_since(s, &history, IssueId(i)),
                })
                .collect(),
            objectives,
            bargaining: GameBargaining::new(game),
            table: (!s.sessions.is_empty()).then(|| table::TableDebrief::new(game, &history)),
            learning_goals: s.learning_goals.clone(),
            event_questions: event_questions(s),
        }
    }

    /// The rows of the player's own decisions.
    pub fn player_decisions(&self) -> impl Iterator<Item = &DecisionRow> {
        self.decisions.iter().filter(|d| d.player)
    }

    /// The debrief of one seat of a game that several people played: as [`Debrief::new`]
    /// with `role`'s decisions as the player's (the role, objectives and rows named
    /// for it).
    pub fn of_seat(game: &Game, role: crate::scenario::ActorId) -> Debrief {
        if role == game.setup.role {
            return Debrief::new(game);
        }
        let mut seat = game.clone();
        seat.setup.role = role;
        Debrief::new(&seat)
    }
}

#[cfg(test)]
mod tests;
/// Every event's discussion questions, in timeline order.
pub fn event_questions(s: &Scenario) -> Vec<EventQuestions> {
    s.timeline
        .iter()
        .filter_map(|entry| {
            let e = entry.as_event()?;
            (!e.discussion.is_empty()).then(|| EventQuestions {
                id: e.id.clone(),
                date_text: entry.date_text(),
                title: e.title.clone(),
                questions: QuestionView::list(s, &e.discussion),
            })
        })
        .collect()
}

/// Who took decision `id` in the game, from its log.
fn decider(game: &Game, id: EntryId) -> Option<Decider> {
    game.log.iter().find_map(|l| match l.happening {
        Happening::Decided { entry, by, .. } if entry == id => Some(by),
        _ => None,
    })
}
