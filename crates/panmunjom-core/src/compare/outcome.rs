//! How a game ended beside history: the outcome, the armistice's terms, the
//! variables at the end.

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::{Game, Outcome};
use crate::scenario::Scenario;

/// A term of the armistice, the game's beside the historical.
#[derive(Debug, Clone, Serialize)]
pub struct TermRow {
    pub issue: String,
    pub issue_name: String,
    pub game: Option<String>,
    pub game_label: Option<String>,
    pub historical: String,
    pub historical_label: String,
    pub same: bool,
}

/// How the game ended, beside history.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    pub finished: bool,
    /// "armistice", "no-armistice", "ended", or "unfinished".
    pub kind: String,
    pub reason: Option<String>,
    pub armistice_date: Option<NaiveDate>,
    pub historical_date: NaiveDate,
    pub historical_terms_date: NaiveDate,
    /// Game date minus historical date, in days (None without an armistice).
    pub days_from_history: Option<i64>,
    /// Whether an event signed it (false: the signing rule, terms agreed long enough).
    pub signed_by_event: bool,
    pub terms: Vec<TermRow>,
    /// Whole weeks from the scenario's start to the armistice (or to the game's end
    /// without one), and the same for history: the time the talks took.
    pub weeks_taken: i64,
    pub historical_weeks_taken: i64,
    /// Each variable at the end: (id, label, unit, game, history).
    pub final_vars: Vec<(String, String, String, i64, i64)>,
}

impl OutcomeView {
    /// What `weeks_taken` runs up to, in words.
    pub fn taken_until(&self) -> &'static str {
        if self.armistice_date.is_some() {
            "the armistice"
        } else if self.finished {
            "the end of the game"
        } else {
            "where the game stopped"
        }
    }
}

pub(crate) fn outcome_view(s: &Scenario, game: &Game, history: &Game) -> OutcomeView {
    let g = &game.state;
    let (kind, reason) = match game.outcome() {
        None => ("unfinished", None),
        Some(Outcome::Armistice) => ("armistice", None),
        Some(Outcome::NoArmistice) => ("no-armistice", None),
        Some(Outcome::Ended(r)) => ("ended", Some(r.clone())),
    };
    let kind = if kind == "unfinished" && g.armistice.is_some() {
        "armistice"
    } else {
        kind
    };
    let terms = s
        .issues
        .iter()
        .enumerate()
        .map(|(i, issue)| {
            let hist = s.armistice.historical_terms[i];
            let game_term = g.armistice.as_ref().and_then(|a| a.terms[i]);
            TermRow {
                issue: issue.id.clone(),
                issue_name: issue.name.clone(),
                game: game_term.map(|p| issue.positions[p.0].id.clone()),
                game_label: game_term.map(|p| issue.positions[p.0].label.clone()),
                historical: issue.positions[hist.0].id.clone(),
                historical_label: issue.positions[hist.0].label.clone(),
                same: game_term == Some(hist),
            }
        })
        .collect();
    OutcomeView {
        finished: game.is_finished(),
        kind: kind.to_string(),
        reason,
        armistice_date: g.armistice.as_ref().map(|a| a.date),
        historical_date: s.armistice.historical_date,
        historical_terms_date: s.armistice.historical_terms_date,
        days_from_history: g
            .armistice
            .as_ref()
            .map(|a| (a.date - s.armistice.historical_date).num_days()),
        signed_by_event: g.armistice.as_ref().is_some_and(|a| a.signed_by.is_some()),
        terms,
        weeks_taken: (g.armistice.as_ref().map_or(g.date, |a| a.date) - s.start).num_days() / 7,
        historical_weeks_taken: (s.armistice.historical_date - s.start).num_days() / 7,
        final_vars: s
            .variables
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    v.id.clone(),
                    v.label.clone(),
                    v.unit.clone(),
                    g.vars[i],
                    history.state.vars[i],
                )
            })
            .collect(),
    }
}
