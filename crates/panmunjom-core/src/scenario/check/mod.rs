//! Stage two of loading: parse the RON text, then resolve and check every reference.
//!
//! Every rule of the format lives in this module: unique ids, references that exist,
//! dates in order and inside the span, exactly one historical option per decision, a
//! source on every event, quotes that occur in the source's text, weights in range,
//! aliases that name one role only. All problems are collected, so one run of
//! `panmunjom validate` lists them all.
//!
//! The files, by concern: `guards` (size, emptiness and nesting before parsing; the
//! RON options), `refs` (unique ids and the one lookup every reference goes through),
//! `items` (issues, variables, objectives, the scenario's declared variables), `actors`
//! (stances, weights, interests, aliases), `timeline` (events and decisions), `dates`,
//! `quotes` (source texts and the quotes checked against them), `conds` (conditions and
//! effects resolved), `contradiction` (conditions that can never hold), `armistice`, `story` (what
//! texts presume, their variants, excluded events, aftermath events),
//! and `ron_words` (the RON reader's messages in the format's words).

mod actors;
mod armistice;
mod conds;
mod contradiction;
mod dates;
mod discussion;
mod guards;
mod items;
mod quotes;
mod refs;
mod ron_words;
mod story;
mod table;
mod timeline;

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::Scenario;
use super::error::{LoadError, Problem};
use super::raw::{RawEntry, RawScenario};

pub use actors::{INTEREST_WEIGHTS, SETTLE, STANCE_WEIGHTS};
pub use guards::ron_options;

/// Looks up the text of a source document named in a scenario (`text: "file.txt"`).
pub trait SourceTexts {
    /// The document's text, or a message saying why it cannot be had.
    fn text(&self, name: &str) -> Result<String, String>;
}

/// Parses and checks a scenario's text. `origin` names the file in errors.
pub fn load_str(
    origin: &str,
    text: &str,
    sources: &dyn SourceTexts,
) -> Result<Scenario, LoadError> {
    guards::pre_check(origin, text)?;
    let raw = guards::parse(origin, text)?;
    let hash = format!("{:x}", Sha256::digest(text.as_bytes()));
    let mut checker = Checker::new(&raw, sources);
    let scenario = checker.scenario(hash, origin.to_string());
    if checker.problems.is_empty() {
        Ok(scenario)
    } else {
        Err(LoadError {
            file: origin.to_string(),
            problems: checker.problems,
            text: Some(text.to_string()),
        })
    }
}

/// The state of one check: the raw file, the ids indexed so far, the problems found.
struct Checker<'a> {
    raw: &'a RawScenario,
    texts: &'a dyn SourceTexts,
    problems: Vec<Problem>,
    actors: HashMap<&'a str, usize>,
    issues: HashMap<&'a str, usize>,
    positions: Vec<HashMap<&'a str, usize>>,
    vars: HashMap<&'a str, usize>,
    flags: HashMap<&'a str, usize>,
    sources: HashMap<&'a str, usize>,
    /// Each source's text with its whitespace collapsed ([`super::text::normalize`]),
    /// made once so that each quote is searched without normalising the text again.
    source_texts: Vec<Option<String>>,
    entries: HashMap<&'a str, usize>,
    /// Option ids of each decision, by entry index.
    options: HashMap<usize, HashMap<&'a str, usize>>,
}

/// The item a problem is reported against: kind and id.
#[derive(Clone, Copy)]
struct Item<'a> {
    kind: &'a str,
    id: &'a str,
}

impl<'a> Checker<'a> {
    fn new(raw: &'a RawScenario, texts: &'a dyn SourceTexts) -> Self {
        Checker {
            raw,
            texts,
            problems: Vec::new(),
            actors: HashMap::new(),
            issues: HashMap::new(),
            positions: Vec::new(),
            vars: HashMap::new(),
            flags: HashMap::new(),
            sources: HashMap::new(),
            source_texts: Vec::new(),
            entries: HashMap::new(),
            options: HashMap::new(),
        }
    }

    fn problem(&mut self, item: Item, field: &str, message: impl Into<String>) {
        self.problems
            .push(Problem::at(item.kind, item.id, field, message));
    }

    /// Checks the whole file and builds the scenario (meaningful only without problems).
    fn scenario(&mut self, hash: String, origin: String) -> Scenario {
        let raw = self.raw;
        let top = Item {
            kind: "scenario",
            id: &raw.id,
        };
        if raw.id.trim().is_empty() {
            self.problem(top, "id", "the scenario id is empty");
        }
        self.span(top);
        self.index_all();
        if raw.issues.is_empty() {
            self.problem(
                top,
                "issues",
                "a scenario needs at least one issue to negotiate",
            );
        }
        if raw.timeline.is_empty() {
            self.problem(top, "timeline", "the timeline is empty");
        }
        if raw.actors.iter().all(|a| !a.playable) {
            self.problem(top, "actors", "no actor is playable");
        }

        let sources = self.sources_list();
        let issues = self.issues_list();
        let variables = self.variables_list();
        let cost_of_delay = self.cost_of_delay(top);
        let flags = self.flags_list();
        let actors = self.actors_list();
        let timeline = self.timeline();
        let armistice = self.armistice();
        let objectives = self.objectives();
        let sessions = self.sessions_list();
        let proposals = self.proposals_list(&sessions, &timeline);
        let meetings = self.meetings(&sessions, &proposals);

        Scenario {
            id: raw.id.clone(),
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            start: raw.start.0,
            end: raw.end.0,
            horizon: raw.horizon.0,
            adaptive_noise: raw.adaptive_noise,
            cost_of_delay,
            sources,
            actors,
            issues,
            variables,
            flags,
            timeline,
            armistice,
            objectives,
            hash,
            origin,
            sessions,
            proposals,
            meetings,
            learning_goals: self.learning_goals(top),
        }
    }

    /// Indexes every kind of id, reporting empty and duplicate ones.
    fn index_all(&mut self) {
        let raw = self.raw;
        self.actors = self.index("actor", &raw.actors, |a| a.id.as_str());
        self.issues = self.index("issue", &raw.issues, |i| i.id.as_str());
        self.vars = self.index("variable", &raw.variables, |v| v.id.as_str());
        self.flags = self.index("flag", &raw.flags, |f| f.id.as_str());
        self.sources = self.index("source", &raw.sources, |s| s.id.as_str());
        self.index("session", &raw.sessions, |s| s.id.as_str());
        self.index("proposal", &raw.proposals, |p| p.id.as_str());
        self.entries = self.index("timeline entry", &raw.timeline, |e| match e {
            RawEntry::Event(ev) => ev.id.as_str(),
            RawEntry::Decision(d) => d.id.as_str(),
        });
        let mut positions = Vec::new();
        for issue in &raw.issues {
            let item = Item {
                kind: "issue",
                id: &issue.id,
            };
            if issue.positions.len() < 2 {
                self.problem(item, "positions", "an issue needs at least two positions");
            }
            positions.push(self.index("position", &issue.positions, |p| p.id.as_str()));
        }
        self.positions = positions;
        for (i, entry) in raw.timeline.iter().enumerate() {
            if let RawEntry::Decision(d) = entry {
                let map = self.index("option", &d.options, |o| o.id.as_str());
                self.options.insert(i, map);
            }
        }
    }
}

#[cfg(test)]
mod story_tests;
#[cfg(test)]
mod tests;
