//! How a game ended beside history: the outcome, the agreement's terms (the
//! scenario's armistice, or whatever its `noun` names), the variables at the end.

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::{Game, Outcome};
use crate::scenario::{IssueId, Scenario};

/// A term of the agreement, the game's beside the historical.
#[derive(Debug, Clone, Serialize)]
pub struct TermRow {
    pub issue: String,
    pub issue_name: String,
    pub game: Option<String>,
    pub game_label: Option<String>,
    /// Without an agreement in the game: the position every party held at its end on
    /// this issue, if they held the same one (agreed, but never signed).
    pub unsigned_label: Option<String>,
    /// The historical term's position id; None when history reached no agreement.
    pub historical: Option<String>,
    /// Its label, or "no agreement".
    pub historical_label: String,
    pub same: bool,
}

/// How the game ended, beside history.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    /// What the scenario calls its agreement ("armistice" unless it says otherwise).
    pub noun: String,
    pub finished: bool,
    /// "armistice", "no-armistice", "ended", or "unfinished".
    pub kind: String,
    pub reason: Option<String>,
    pub armistice_date: Option<NaiveDate>,
    /// The date of the historical agreement, or of the end of talks without one.
    pub historical_date: NaiveDate,
    pub historical_terms_date: NaiveDate,
    /// How the talks ended, when history reached no agreement (None: it reached one).
    pub historical_end: Option<String>,
    /// Game date minus historical date, in days (None unless both reached an agreement).
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

impl TermRow {
    /// The game's term in words: its label, the position agreed but never signed, or
    /// "(not agreed)".
    pub fn game_text(&self) -> String {
        match (&self.game_label, &self.unsigned_label) {
            (Some(label), _) => label.clone(),
            (None, Some(label)) => format!("agreed, never signed: {label}"),
            (None, None) => "(not agreed)".to_string(),
        }
    }
}

impl OutcomeView {
    /// What `weeks_taken` runs up to, in words.
    pub fn taken_until(&self) -> String {
        if self.armistice_date.is_some() {
            format!("the {}", self.noun)
        } else if self.finished {
            "the end of the game".to_string()
        } else {
            "where the game stopped".to_string()
        }
    }

    /// Whether history reached an agreement.
    pub fn agreed_in_history(&self) -> bool {
        self.historical_end.is_none()
    }

    /// The game is over without an agreement, and history reached none either.
    pub fn no_agreement_as_in_history(&self) -> bool {
        self.finished && self.armistice_date.is_none() && !self.agreed_in_history()
    }

    /// The noun with a capital first letter, to begin a sentence.
    pub fn noun_capitalised(&self) -> String {
        crate::scenario::capitalise(&self.noun)
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
            let hist = s.armistice.historical_term(IssueId(i));
            let game_term = g.armistice.as_ref().and_then(|a| a.terms[i]);
            let unsigned = g
                .armistice
                .is_none()
                .then(|| g.agreed_on(s, IssueId(i)))
                .flatten();
            TermRow {
                issue: issue.id.clone(),
                issue_name: issue.name.clone(),
                game: game_term.map(|p| issue.positions[p.0].id.clone()),
                game_label: game_term.map(|p| issue.positions[p.0].label.clone()),
                unsigned_label: unsigned.map(|p| issue.positions[p.0].label.clone()),
                historical: hist.map(|p| issue.positions[p.0].id.clone()),
                historical_label: hist.map_or_else(
                    || "no agreement".to_string(),
                    |p| issue.positions[p.0].label.clone(),
                ),
                same: game_term == hist,
            }
        })
        .collect();
    OutcomeView {
        noun: s.agreement_noun().to_string(),
        finished: game.is_finished(),
        kind: kind.to_string(),
        reason,
        armistice_date: g.armistice.as_ref().map(|a| a.date),
        historical_date: s.armistice.historical_date,
        historical_terms_date: s.armistice.historical_terms_date,
        historical_end: s.armistice.historical_end.clone(),
        days_from_history: g
            .armistice
            .as_ref()
            .filter(|_| s.armistice.agreed_in_history())
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
