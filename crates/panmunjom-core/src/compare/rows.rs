//! The rows of the debrief's tables: decisions and events beside history, objectives,
//! and citations ready to print.

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::Decider;
use crate::scenario::{Cite, Question, Scenario};

/// A citation ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct CiteView {
    pub source: String,
    pub at: String,
    /// The words quoted, if any.
    pub quote: Option<String>,
    /// The whole passage of the shipped source text containing the quote.
    pub passage: Option<String>,
}

impl CiteView {
    pub fn new(s: &Scenario, c: &Cite) -> Self {
        CiteView {
            source: s.sources[c.source.0].id.clone(),
            at: c.at.clone(),
            quote: c.quote.clone(),
            passage: s.passage(c),
        }
    }
    /// "OCI-53, annex, 8 October 1952".
    pub fn short(&self) -> String {
        if self.at.is_empty() {
            self.source.clone()
        } else {
            format!("{}, {}", self.source, self.at)
        }
    }
}

/// One decision, the game's choice beside the historical one.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionRow {
    pub id: String,
    pub date: NaiveDate,
    pub date_text: String,
    pub title: String,
    /// Actor id of the deciding role.
    pub role: String,
    pub role_name: String,
    /// Whether it is the player's to take (the player's role decides it).
    pub player: bool,
    /// Who decided: player, historical or adaptive; None if it did not arise.
    pub by: Option<Decider>,
    /// Option taken in the game; None if the decision did not arise.
    pub chosen: Option<String>,
    pub chosen_label: Option<String>,
    /// The historical option's id; None for a counterfactual decision.
    pub historical: Option<String>,
    /// The historical option's label, or words saying the decision did not arise in
    /// history.
    pub historical_label: String,
    /// The decision arises only off the historical path.
    pub counterfactual: bool,
    pub same: bool,
    pub note: String,
    pub sources: Vec<CiteView>,
    /// The scenario's questions for a class discussion of this decision.
    pub discussion: Vec<QuestionView>,
}

/// A discussion question ready to print: the question, what historians say, sources.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub question: String,
    pub background: String,
    pub sources: Vec<CiteView>,
}

impl QuestionView {
    pub fn list(s: &Scenario, list: &[Question]) -> Vec<QuestionView> {
        list.iter()
            .map(|q| QuestionView {
                question: q.question.clone(),
                background: q.background.clone(),
                sources: q.sources.iter().map(|c| CiteView::new(s, c)).collect(),
            })
            .collect()
    }
}

/// An event's discussion questions (every event that has some, whether or not it fired).
#[derive(Debug, Clone, Serialize)]
pub struct EventQuestions {
    pub id: String,
    pub date_text: String,
    pub title: String,
    pub questions: Vec<QuestionView>,
}

/// An objective, met or not, in the game and in history.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveRow {
    pub role: String,
    pub role_name: String,
    pub text: String,
    pub met: bool,
    pub met_in_history: bool,
}

/// An event that went differently from history.
#[derive(Debug, Clone, Serialize)]
pub struct EventDiff {
    pub id: String,
    pub date: NaiveDate,
    pub date_text: String,
    pub title: String,
    pub counterfactual: bool,
    /// True: it happened in the game but not in history; false: the reverse.
    pub happened: bool,
}

impl EventDiff {
    /// How it differed, in words.
    pub fn what(&self) -> &'static str {
        match (self.happened, self.counterfactual) {
            (true, true) => "happened (counterfactual)",
            (true, false) => "happened, unlike history",
            (false, _) => "did not happen",
        }
    }
}
