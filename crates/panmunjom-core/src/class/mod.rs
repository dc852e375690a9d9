//! The class report: many game records of one lesson (or of years of lessons) at a
//! glance, beside history — how the games ended and when, the terms reached, how the
//! class chose at each decision (the most divided first), the divergence spread, the
//! objectives met per role, the proposals tabled at the table, and one row per record.
//!
//! Records are grouped by the scenario they were played on (id and hash); a record
//! whose scenario is not loaded, or that does not replay, is named and skipped with
//! its reason. Rendering lives in `report/` (text, Markdown, JSON, HTML).

mod gather;
mod tabled;
mod tally;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

pub use gather::{Gathered, MAX_RECORDS, Skipped, gather};
pub use tabled::{ClassTable, HistoricalProposal, TabledPackage};
pub use tally::{
    DecisionSplit, MonthBin, ObjectiveClass, OptionCount, OutcomeCount, Spread, TermSet,
};

use crate::compare::{Divergence, EventQuestions, event_questions, historical_path};
use crate::engine::Game;
use crate::record::Record;
use crate::scenario::{Entry, Scenario};

/// The whole report: one group per scenario (and version) among the records.
#[derive(Debug, Clone, Serialize)]
pub struct ClassReport {
    pub groups: Vec<ClassGroup>,
    /// Files left out, each with its reason.
    pub skipped: Vec<Skipped>,
}

/// The records of one scenario, tallied beside its history.
#[derive(Debug, Clone, Serialize)]
pub struct ClassGroup {
    pub scenario_id: String,
    pub scenario_title: String,
    pub scenario_hash: String,
    pub learning_goals: Vec<String>,
    pub start: NaiveDate,
    pub horizon: NaiveDate,
    /// What the scenario calls its agreement ("armistice", "settlement").
    pub noun: String,
    /// The date of the historical agreement, or of the end of the talks without one.
    pub historical_date: NaiveDate,
    pub historical_terms_date: NaiveDate,
    /// How the talks ended when history reached no agreement (None: it reached one).
    pub historical_end: Option<String>,
    /// The issues' names, in the scenario's order.
    pub issue_names: Vec<String>,
    /// The historical terms: (issue name, position label); empty when history reached
    /// no agreement.
    pub historical_terms: Vec<(String, String)>,
    pub games: Vec<GameRow>,
    pub outcomes: Vec<OutcomeCount>,
    /// Agreements signed per month, from the scenario's start to its horizon.
    pub armistice_months: Vec<MonthBin>,
    /// The term sets reached, the most frequent first.
    pub term_sets: Vec<TermSet>,
    /// Every decision some record's player faced, the most divided first.
    pub decisions: Vec<DecisionSplit>,
    pub divergence: Spread,
    pub objectives: Vec<ObjectiveClass>,
    pub event_questions: Vec<EventQuestions>,
    /// "At the table": the proposals the class tabled, beside the historical proposals.
    pub table: ClassTable,
}

impl ClassGroup {
    /// Whether history reached an agreement.
    pub fn agreed_in_history(&self) -> bool {
        self.historical_end.is_none()
    }

    /// The noun with a capital first letter ("Settlement").
    pub fn noun_capitalised(&self) -> String {
        crate::report::class_text::capital(&self.noun)
    }

    /// History's outcome in a phrase: "settlement signed 1953-07-27", or "no
    /// settlement — the conference ended … (1954-07-21)".
    pub fn history_phrase(&self) -> String {
        match &self.historical_end {
            None => format!("{} signed {}", self.noun, self.historical_date),
            Some(how) => format!("no {} \u{2014} {how} ({})", self.noun, self.historical_date),
        }
    }
}

/// One record, in a row.
#[derive(Debug, Clone, Serialize)]
pub struct GameRow {
    pub file: String,
    /// The player's or group's name (None: the record has none).
    pub name: Option<String>,
    pub role: String,
    pub role_name: String,
    pub policy: String,
    pub seed: u64,
    /// "armistice", "no-armistice", "ended", or "unfinished".
    pub outcome: String,
    /// The outcome in words ("Armistice 1953-09-14", "No settlement"), in the
    /// scenario's noun.
    pub outcome_text: String,
    pub armistice_date: Option<NaiveDate>,
    /// Armistice date minus the historical one, in days.
    pub days_from_history: Option<i64>,
    pub divergence: Divergence,
    /// Where it first left history: (date, title of the entry).
    pub first_divergence: Option<(NaiveDate, String)>,
    /// Labels of the terms agreed (None: not agreed), one per issue.
    pub terms: Vec<Option<String>>,
    /// Every seat of a record several people played (hot-seat or a network table),
    /// in the scenario's actor order; empty for a record of one seat (`role`, `name`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<RowSeat>,
}

/// One seat of a record with several: the role and the person's name.
#[derive(Debug, Clone, Serialize)]
pub struct RowSeat {
    pub role: String,
    pub role_name: String,
    pub name: Option<String>,
}

impl GameRow {
    /// The role column: the role's name, or for a record with several seats every
    /// seat, "Ann (United Nations Command); Chinese People's Volunteers" (a seat
    /// without a name by its role alone).
    pub fn roles_text(&self) -> String {
        if self.seats.is_empty() {
            return self.role_name.clone();
        }
        self.seats
            .iter()
            .map(|s| match &s.name {
                Some(n) => format!("{n} ({})", s.role_name),
                None => s.role_name.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl ClassReport {
    /// Tallies `records` (origin, record) played on any of `scenarios`; the first
    /// scenario with the record's id and hash is used.
    pub fn build(records: Vec<(String, Record)>, scenarios: &[Arc<Scenario>]) -> ClassReport {
        let mut skipped = Vec::new();
        let mut by_scenario: BTreeMap<usize, Vec<(String, Record, Game)>> = BTreeMap::new();
        for (origin, record) in records {
            let found = scenarios
                .iter()
                .position(|s| s.id == record.scenario.id && s.hash == record.scenario.hash);
            let Some(k) = found else {
                skipped.push(Skipped {
                    file: origin,
                    reason: not_loaded(&record, scenarios),
                });
                continue;
            };
            match record.replay(&origin, Arc::clone(&scenarios[k])) {
                Ok(game) => by_scenario
                    .entry(k)
                    .or_default()
                    .push((origin, record, game)),
                Err(e) => skipped.push(Skipped::of(&e)),
            }
        }
        let groups = by_scenario
            .into_iter()
            .map(|(k, games)| group(&scenarios[k], &games))
            .collect();
        ClassReport { groups, skipped }
    }

    /// How many records the report counts.
    pub fn game_count(&self) -> usize {
        self.groups.iter().map(|g| g.games.len()).sum()
    }
}

/// Why a record's scenario is not among those loaded, in words.
fn not_loaded(record: &Record, scenarios: &[Arc<Scenario>]) -> String {
    let short: String = record.scenario.hash.chars().take(12).collect();
    match scenarios.iter().find(|s| s.id == record.scenario.id) {
        Some(s) => format!(
            "record `scenario.hash`: played on another version of scenario `{}` (hash {short}…, but {} is {}…); pass the scenario file it was played on with --scenario",
            s.id,
            s.origin,
            s.hash.chars().take(12).collect::<String>()
        ),
        None => format!(
            "record `scenario.id`: played on scenario `{}`, which is not loaded; pass its file with --scenario (loaded: {})",
            record.scenario.id,
            scenarios
                .iter()
                .map(|s| format!("`{}`", s.id))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn group(s: &Arc<Scenario>, games: &[(String, Record, Game)]) -> ClassGroup {
    let history = historical_path(Arc::clone(s));
    let rows: Vec<GameRow> = games
        .iter()
        .map(|(origin, record, game)| game_row(s, &history, origin, record, game))
        .collect();
    let just_games: Vec<&Game> = games.iter().map(|(_, _, g)| g).collect();
    ClassGroup {
        scenario_id: s.id.clone(),
        scenario_title: s.title.clone(),
        scenario_hash: s.hash.clone(),
        learning_goals: s.learning_goals.clone(),
        start: s.start,
        horizon: s.horizon,
        noun: s.agreement_noun().to_string(),
        historical_date: s.armistice.historical_date,
        historical_terms_date: s.armistice.historical_terms_date,
        historical_end: s.armistice.historical_end.clone(),
        issue_names: s.issues.iter().map(|i| i.name.clone()).collect(),
        historical_terms: s
            .issues
            .iter()
            .zip(s.armistice.historical_terms.iter().flatten())
            .map(|(i, p)| (i.name.clone(), i.positions[p.0].label.clone()))
            .collect(),
        outcomes: tally::outcomes(s, &rows),
        armistice_months: tally::months(s, &rows),
        term_sets: tally::term_sets(s, &rows),
        decisions: tally::decisions(s, &just_games),
        divergence: tally::spread(&rows),
        objectives: tally::objectives(s, &just_games, &history),
        event_questions: event_questions(s),
        table: tabled::class_table(s, &just_games),
        games: rows,
    }
}

fn game_row(s: &Scenario, history: &Game, origin: &str, r: &Record, game: &Game) -> GameRow {
    let out = crate::compare::outcome::outcome_view(s, game, history);
    let outcome_text = match (out.kind.as_str(), out.armistice_date) {
        (_, Some(d)) => format!("{} {d}", s.agreement_noun_capitalised()),
        ("no-armistice", None) => format!("No {}", s.agreement_noun()),
        ("ended", None) => format!(
            "Ended: {}",
            out.reason.clone().unwrap_or_else(|| "an event".into())
        ),
        _ => "Unfinished".to_string(),
    };
    GameRow {
        file: origin.to_string(),
        name: r.name.clone(),
        role: s.actor(game.setup.role).id.clone(),
        role_name: s.actor(game.setup.role).name.clone(),
        policy: game.setup.policy.name().to_string(),
        seed: game.setup.seed,
        outcome: out.kind.clone(),
        outcome_text,
        armistice_date: out.armistice_date,
        days_from_history: out.days_from_history,
        divergence: Divergence::measure(s, game, &history.state),
        first_divergence: first_divergence(s, game, history),
        terms: out.terms.iter().map(|t| t.game_label.clone()).collect(),
        seats: if game.seats().len() > 1 {
            game.seats()
                .iter()
                .map(|seat| RowSeat {
                    role: s.actor(seat.role).id.clone(),
                    role_name: s.actor(seat.role).name.clone(),
                    name: seat.name.clone(),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// The first entry where the game left history: (date, title).
fn first_divergence(s: &Scenario, game: &Game, history: &Game) -> Option<(NaiveDate, String)> {
    let (g, h) = (&game.state, &history.state);
    s.timeline
        .iter()
        .enumerate()
        .take(game.cursor())
        .find(|&(i, entry)| match entry {
            Entry::Event(_) => g.fired[i] != h.fired[i],
            Entry::Decision(_) => g.chosen[i] != h.chosen[i],
        })
        .map(|(_, entry)| (entry.date(), entry.title().to_string()))
}
