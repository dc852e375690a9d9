//! Stage two of loading: parse the RON text, then resolve and check every reference.
//!
//! Every rule of the format lives here: unique ids, references that exist, dates in
//! order and inside the span, exactly one historical option per decision, a source on
//! every event, quotes that occur in the source's text. All problems are collected, so
//! one run of `panmunjom validate` lists them all.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::error::{LoadError, Place, Problem};
use super::raw::*;
use super::*;

/// Looks up the text of a source document named in a scenario (`text: "file.txt"`).
pub trait SourceTexts {
    /// The document's text, or a message saying why it cannot be had.
    fn text(&self, name: &str) -> Result<String, String>;
}

/// RON options every scenario is read with: newtype variants may be written unwrapped
/// (`Event(id: …)`) and `Some` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(crate::input::MAX_NESTING + 8)
        .with_default_extension(
            ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES
                | ron::extensions::Extensions::IMPLICIT_SOME,
        )
}

/// Parses and checks a scenario's text. `origin` names the file in errors.
pub fn load_str(
    origin: &str,
    text: &str,
    sources: &dyn SourceTexts,
) -> Result<Scenario, LoadError> {
    if text.len() as u64 > crate::input::MAX_SCENARIO_BYTES {
        return Err(LoadError::single(
            origin,
            Place::File,
            crate::input::ReadError::TooBig {
                size: text.len() as u64,
                max: crate::input::MAX_SCENARIO_BYTES,
            }
            .to_string(),
        ));
    }
    if text.trim().is_empty() {
        return Err(LoadError::single(
            origin,
            Place::File,
            "the file is empty: a scenario is one `( id: …, title: …, … )` block (see docs/scenario-format.md)",
        ));
    }
    if let Some((line, col)) = crate::input::too_deep(text, crate::input::MAX_NESTING) {
        return Err(LoadError {
            file: origin.to_string(),
            problems: vec![Problem {
                place: Place::LineCol(line, col),
                message: format!(
                    "brackets nested too deep: more than {} levels (a scenario needs far fewer; is a bracket left unclosed?)",
                    crate::input::MAX_NESTING
                ),
            }],
            text: Some(text.to_string()),
        });
    }
    let raw: RawScenario = ron_options().from_str(text).map_err(|e| LoadError {
        file: origin.to_string(),
        problems: vec![Problem {
            place: Place::LineCol(e.span.start.line, e.span.start.col),
            message: e.code.to_string(),
        }],
        text: Some(text.to_string()),
    })?;
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

/// Longest span of a scenario, start to end (bounds the work of a debrief's monthly
/// samples and of the clock).
const MAX_SPAN_DAYS: i64 = 100 * 365 + 25;

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
    /// Each source's text with its whitespace collapsed ([`text::normalize`]), made
    /// once so that each quote is searched without normalising the text again.
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

    /// Indexes a list of ids, reporting empty ids and duplicates.
    fn index<T>(
        &mut self,
        kind: &'a str,
        list: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
    ) -> HashMap<&'a str, usize> {
        let mut map = HashMap::new();
        for (i, item) in list.iter().enumerate() {
            let key = id(item);
            if key.trim().is_empty() {
                self.problem(
                    Item {
                        kind,
                        id: &format!("#{}", i + 1),
                    },
                    "id",
                    "the id is empty",
                );
            } else if map.insert(key, i).is_some() {
                self.problem(
                    Item { kind, id: key },
                    "id",
                    format!("duplicate id: another {kind} is already called `{key}`"),
                );
            }
        }
        map
    }

    fn scenario(&mut self, hash: String, origin: String) -> Scenario {
        let raw = self.raw;
        let top = Item {
            kind: "scenario",
            id: &raw.id,
        };
        if raw.id.trim().is_empty() {
            self.problem(top, "id", "the scenario id is empty");
        }
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

        self.actors = self.index("actor", &raw.actors, |a| a.id.as_str());
        self.issues = self.index("issue", &raw.issues, |i| i.id.as_str());
        self.vars = self.index("variable", &raw.variables, |v| v.id.as_str());
        self.flags = self.index("flag", &raw.flags, |f| f.id.as_str());
        self.sources = self.index("source", &raw.sources, |s| s.id.as_str());
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
            let kind: &'a str = "position";
            let map = self.index(kind, &issue.positions, |p| p.id.as_str());
            positions.push(map);
        }
        self.positions = positions;
        for (i, entry) in raw.timeline.iter().enumerate() {
            if let RawEntry::Decision(d) = entry {
                let map = self.index("option", &d.options, |o| o.id.as_str());
                self.options.insert(i, map);
            }
        }
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
        let flags = raw
            .flags
            .iter()
            .map(|f| Flag {
                id: f.id.clone(),
                label: f.label.clone(),
                initial: f.initial,
            })
            .collect();
        let actors = self.actors_list();
        let timeline = self.timeline();
        let armistice = self.armistice();
        let objectives = raw
            .objectives
            .iter()
            .map(|o| {
                let item = Item {
                    kind: "objective",
                    id: &o.id,
                };
                if let Some(actor) = raw.actors.iter().find(|a| a.id == o.role)
                    && !actor.playable
                {
                    self.problem(
                        item,
                        "role",
                        format!("`{}` is not a playable actor", o.role),
                    );
                }
                Objective {
                    id: o.id.clone(),
                    role: self.actor_ref(item, "role", &o.role),
                    text: o.text.clone(),
                    test: self.cond(item, "test", &o.test),
                }
            })
            .collect();
        let _ = self.index("objective", &raw.objectives, |o| o.id.as_str());

        Scenario {
            id: raw.id.clone(),
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            start: raw.start.0,
            end: raw.end.0,
            horizon: raw.horizon.0,
            adaptive_noise: raw.adaptive_noise,
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
        }
    }

    fn sources_list(&mut self) -> Vec<Source> {
        let raw = self.raw;
        let mut out = Vec::new();
        for s in &raw.sources {
            let text = match &s.text {
                None => None,
                Some(name) => match self.texts.text(name) {
                    Ok(t) => Some(t),
                    Err(why) => {
                        self.problem(
                            Item {
                                kind: "source",
                                id: &s.id,
                            },
                            "text",
                            why,
                        );
                        None
                    }
                },
            };
            self.source_texts.push(text.as_deref().map(text::normalize));
            out.push(Source {
                id: s.id.clone(),
                title: s.title.clone(),
                reference: s.reference.clone(),
                text,
            });
        }
        out
    }

    fn issues_list(&mut self) -> Vec<Issue> {
        let raw = self.raw;
        raw.issues
            .iter()
            .map(|i| Issue {
                id: i.id.clone(),
                name: i.name.clone(),
                description: i.description.clone(),
                positions: i
                    .positions
                    .iter()
                    .map(|p| Position {
                        id: p.id.clone(),
                        label: p.label.clone(),
                        sources: self.cites(
                            Item {
                                kind: "position",
                                id: &p.id,
                            },
                            "sources",
                            &p.sources,
                        ),
                    })
                    .collect(),
            })
            .collect()
    }

    fn variables_list(&mut self) -> Vec<Variable> {
        let raw = self.raw;
        raw.variables
            .iter()
            .map(|v| {
                let item = Item {
                    kind: "variable",
                    id: &v.id,
                };
                if v.min > v.max {
                    self.problem(item, "max", format!("max {} is below min {}", v.max, v.min));
                } else if v.initial < v.min || v.initial > v.max {
                    self.problem(
                        item,
                        "initial",
                        format!(
                            "initial value {} is outside {}..{}",
                            v.initial, v.min, v.max
                        ),
                    );
                }
                Variable {
                    id: v.id.clone(),
                    label: v.label.clone(),
                    description: v.description.clone(),
                    initial: v.initial,
                    min: v.min,
                    max: v.max,
                    per_week: v.per_week,
                    unit: v.unit.clone(),
                }
            })
            .collect()
    }

    fn actors_list(&mut self) -> Vec<Actor> {
        let raw = self.raw;
        raw.actors
            .iter()
            .map(|a| {
                let item = Item {
                    kind: "actor",
                    id: &a.id,
                };
                let mut seen = HashSet::new();
                let mut stances = Vec::new();
                for s in &a.stances {
                    let Some(issue) = self.issue_ref(item, "stances", &s.issue) else {
                        continue;
                    };
                    if !seen.insert(issue) {
                        self.problem(
                            item,
                            "stances",
                            format!("two stances on issue `{}`", s.issue),
                        );
                    }
                    let position = self.pos_ref(item, "stances.position", issue, &s.position);
                    let limit = self.pos_ref(item, "stances.limit", issue, &s.limit);
                    if let (Some(position), Some(limit)) = (position, limit) {
                        stances.push(Stance {
                            issue,
                            position,
                            limit,
                            weight: s.weight,
                        });
                    }
                }
                let interests = a
                    .interests
                    .iter()
                    .filter_map(|i| {
                        self.var_ref(item, "interests", &i.variable)
                            .map(|v| (v, i.weight))
                    })
                    .collect();
                Actor {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    aliases: a.aliases.clone(),
                    playable: a.playable,
                    description: a.description.clone(),
                    briefing: a.briefing.clone(),
                    stances,
                    interests,
                    settle: a.settle,
                }
            })
            .collect()
    }

    fn timeline(&mut self) -> Vec<Entry> {
        let raw = self.raw;
        let mut out = Vec::new();
        let mut previous: Option<(NaiveDate, &str)> = None;
        for entry in &raw.timeline {
            let (id, date, kind) = match entry {
                RawEntry::Event(e) => (e.id.as_str(), e.date, "event"),
                RawEntry::Decision(d) => (d.id.as_str(), d.date, "decision"),
            };
            let item = Item { kind, id };
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
        }
    }

    fn decision(&mut self, item: Item, d: &RawDecision) -> Decision {
        let role = self.actor_ref(item, "role", &d.role);
        if let Some(actor) = self.raw.actors.iter().find(|a| a.id == d.role)
            && !actor.playable
        {
            self.problem(
                item,
                "role",
                format!("`{}` is not a playable actor", d.role),
            );
        }
        if !(2..=4).contains(&d.options.len()) {
            self.problem(
                item,
                "options",
                format!(
                    "a decision has 2 to 4 options, this one has {}",
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
        if historical.len() != 1 {
            let which = if historical.is_empty() {
                "none is".to_string()
            } else {
                format!("{} are", historical.len())
            };
            self.problem(
                item,
                "options",
                format!("exactly one option must be marked historical; {which}"),
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
            sources: self.cites(item, "sources", &d.sources),
            when: self.opt_cond(item, "when", &d.when),
            options,
            historical: historical.first().copied().unwrap_or(0),
        }
    }

    fn armistice(&mut self) -> ArmisticeRules {
        let raw = &self.raw.armistice;
        let item = Item {
            kind: "armistice",
            id: "armistice",
        };
        let parties = self.actor_list(item, "parties", &raw.parties);
        if parties.is_empty() {
            self.problem(item, "parties", "an armistice needs at least one party");
        }
        for &party in &parties {
            let actor = &self.raw.actors[party.0];
            for issue in &self.raw.issues {
                if !actor.stances.iter().any(|s| s.issue == issue.id) {
                    let message = format!(
                        "party `{}` has no stance on issue `{}`: every party needs a position and a limit on every issue",
                        actor.id, issue.id
                    );
                    self.problem(item, "parties", message);
                }
            }
        }
        let h = &raw.historical;
        if h.date < self.raw.start || h.date > self.raw.end {
            self.problem(
                item,
                "historical.date",
                format!("{} is outside the scenario's span", h.date),
            );
        }
        if h.terms_date > h.date || h.terms_date < self.raw.start {
            self.problem(
                item,
                "historical.terms_date",
                format!(
                    "{} must fall between the scenario's start {} and the armistice date {}",
                    h.terms_date, self.raw.start, h.date
                ),
            );
        }
        let mut terms: Vec<Option<PosId>> = vec![None; self.raw.issues.len()];
        for (issue, pos) in &h.terms {
            if let Some(i) = self.issue_ref(item, "historical.terms", issue) {
                if terms[i.0].is_some() {
                    self.problem(
                        item,
                        "historical.terms",
                        format!("issue `{issue}` appears twice"),
                    );
                }
                terms[i.0] = self.pos_ref(item, "historical.terms", i, pos);
            }
        }
        for (i, t) in terms.iter().enumerate() {
            if t.is_none()
                && !h
                    .terms
                    .iter()
                    .any(|(issue, _)| issue == &self.raw.issues[i].id)
            {
                let id = self.raw.issues[i].id.clone();
                self.problem(
                    item,
                    "historical.terms",
                    format!("no historical term for issue `{id}`"),
                );
            }
        }
        ArmisticeRules {
            parties,
            requires: self.opt_cond(item, "requires", &raw.requires),
            signing_after_days: raw.signing_after_days,
            historical_date: h.date.0,
            historical_terms_date: h.terms_date.0,
            historical_terms: terms.into_iter().map(|t| t.unwrap_or(PosId(0))).collect(),
            sources: self.cites(item, "historical.sources", &h.sources),
        }
    }

    // ----- references -----

    fn missing(&mut self, item: Item, field: &str, what: &str, id: &str, known: Vec<&str>) {
        let mut known = known;
        known.sort_unstable();
        let hint = if known.is_empty() {
            String::new()
        } else if known.len() <= 12 {
            format!(" (known: {})", known.join(", "))
        } else {
            String::new()
        };
        self.problem(item, field, format!("no {what} `{id}`{hint}"));
    }

    fn actor_ref_opt(&mut self, item: Item, field: &str, id: &str) -> Option<ActorId> {
        match self.actors.get(id) {
            Some(&i) => Some(ActorId(i)),
            None => {
                let known = self.actors.keys().copied().collect();
                self.missing(item, field, "actor", id, known);
                None
            }
        }
    }

    fn actor_ref(&mut self, item: Item, field: &str, id: &str) -> ActorId {
        self.actor_ref_opt(item, field, id).unwrap_or(ActorId(0))
    }

    fn actor_list(&mut self, item: Item, field: &str, ids: &[String]) -> Vec<ActorId> {
        ids.iter()
            .filter_map(|id| self.actor_ref_opt(item, field, id))
            .collect()
    }

    fn issue_ref(&mut self, item: Item, field: &str, id: &str) -> Option<IssueId> {
        match self.issues.get(id) {
            Some(&i) => Some(IssueId(i)),
            None => {
                let known = self.issues.keys().copied().collect();
                self.missing(item, field, "issue", id, known);
                None
            }
        }
    }

    fn pos_ref(&mut self, item: Item, field: &str, issue: IssueId, id: &str) -> Option<PosId> {
        match self.positions[issue.0].get(id) {
            Some(&p) => Some(PosId(p)),
            None => {
                let known = self.positions[issue.0].keys().copied().collect();
                let what = format!("position on issue `{}`", self.raw.issues[issue.0].id);
                self.missing(item, field, &what, id, known);
                None
            }
        }
    }

    fn var_ref(&mut self, item: Item, field: &str, id: &str) -> Option<VarId> {
        match self.vars.get(id) {
            Some(&v) => Some(VarId(v)),
            None => {
                let known = self.vars.keys().copied().collect();
                self.missing(item, field, "variable", id, known);
                None
            }
        }
    }

    fn flag_ref(&mut self, item: Item, field: &str, id: &str) -> Option<FlagId> {
        match self.flags.get(id) {
            Some(&f) => Some(FlagId(f)),
            None => {
                let known = self.flags.keys().copied().collect();
                self.missing(item, field, "flag", id, known);
                None
            }
        }
    }

    fn entry_ref(&mut self, item: Item, field: &str, id: &str) -> Option<EntryId> {
        match self.entries.get(id) {
            Some(&e) => Some(EntryId(e)),
            None => {
                self.missing(item, field, "timeline entry", id, Vec::new());
                None
            }
        }
    }

    fn cites(&mut self, item: Item, field: &str, list: &[RawCite]) -> Vec<Cite> {
        let mut out = Vec::new();
        for c in list {
            let Some(&s) = self.sources.get(c.source.as_str()) else {
                let known = self.sources.keys().copied().collect();
                self.missing(item, field, "source", &c.source, known);
                continue;
            };
            if let (Some(quote), Some(text)) = (&c.quote, &self.source_texts[s])
                && !text::contains_normalized(text, quote)
            {
                let short: String = quote.chars().take(60).collect();
                self.problem(
                    item,
                    field,
                    format!(
                        "the quote \"{short}\" does not occur in the text of source `{}`",
                        c.source
                    ),
                );
            }
            out.push(Cite {
                source: SourceId(s),
                at: c.at.clone(),
                quote: c.quote.clone(),
            });
        }
        out
    }

    fn opt_cond(&mut self, item: Item, field: &str, cond: &Option<RawCond>) -> Cond {
        match cond {
            None => Cond::Always,
            Some(c) => self.cond(item, field, c),
        }
    }

    /// Resolves a condition and, when it resolved cleanly, refuses one that can never
    /// hold (`All([Flag(x), Not(Flag(x))])`…). A bare `Never` is the author's explicit
    /// choice and is allowed.
    fn cond(&mut self, item: Item, field: &str, cond: &RawCond) -> Cond {
        let before = self.problems.len();
        let resolved = self.cond_parts(item, field, cond);
        if self.problems.len() == before
            && !matches!(cond, RawCond::Never)
            && let Some(why) = never_holds(&resolved, self.raw)
        {
            self.problem(item, field, format!("this condition can never hold: {why}"));
        }
        resolved
    }

    fn cond_parts(&mut self, item: Item, field: &str, cond: &RawCond) -> Cond {
        match cond {
            RawCond::Always => Cond::Always,
            RawCond::Never => Cond::Never,
            RawCond::All(list) => Cond::All(
                list.iter()
                    .map(|c| self.cond_parts(item, field, c))
                    .collect(),
            ),
            RawCond::Any(list) => Cond::Any(
                list.iter()
                    .map(|c| self.cond_parts(item, field, c))
                    .collect(),
            ),
            RawCond::Not(c) => Cond::Not(Box::new(self.cond_parts(item, field, c))),
            RawCond::Flag(f) => self
                .flag_ref(item, field, f)
                .map_or(Cond::Never, Cond::Flag),
            RawCond::AtLeast(v, n) => self
                .var_ref(item, field, v)
                .map_or(Cond::Never, |v| Cond::AtLeast(v, *n)),
            RawCond::AtMost(v, n) => self
                .var_ref(item, field, v)
                .map_or(Cond::Never, |v| Cond::AtMost(v, *n)),
            RawCond::Chose(d, o) => {
                let Some(entry) = self.entry_ref(item, field, d) else {
                    return Cond::Never;
                };
                let Some(options) = self.options.get(&entry.0) else {
                    self.problem(item, field, format!("`{d}` is an event, not a decision"));
                    return Cond::Never;
                };
                match options.get(o.as_str()) {
                    Some(&i) => Cond::Chose(entry, i),
                    None => {
                        let known = options.keys().copied().collect();
                        self.missing(item, field, &format!("option of decision `{d}`"), o, known);
                        Cond::Never
                    }
                }
            }
            RawCond::Fired(e) => {
                let Some(entry) = self.entry_ref(item, field, e) else {
                    return Cond::Never;
                };
                if self.options.contains_key(&entry.0) {
                    self.problem(
                        item,
                        field,
                        format!("`{e}` is a decision, not an event: use Chose"),
                    );
                }
                Cond::Fired(entry)
            }
            RawCond::Holds(a, i, p) => self
                .actor_issue_pos(item, field, a, i, p)
                .map_or(Cond::Never, |(a, i, p)| Cond::Holds(a, i, p)),
            RawCond::Knows(a, e) => {
                let a = self.actor_ref_opt(item, field, a);
                let e = self.entry_ref(item, field, e);
                match (a, e) {
                    (Some(a), Some(e)) => Cond::Knows(a, e),
                    _ => Cond::Never,
                }
            }
            RawCond::Agreed(i) => self
                .issue_ref(item, field, i)
                .map_or(Cond::Never, Cond::Agreed),
            RawCond::TermsAgreed => Cond::TermsAgreed,
            RawCond::Armistice => Cond::Armistice,
            RawCond::ArmisticeBy(d) => Cond::ArmisticeBy(d.0),
            RawCond::Term(i, p) => {
                let Some(issue) = self.issue_ref(item, field, i) else {
                    return Cond::Never;
                };
                self.pos_ref(item, field, issue, p)
                    .map_or(Cond::Never, |p| Cond::Term(issue, p))
            }
        }
    }

    fn actor_issue_pos(
        &mut self,
        item: Item,
        field: &str,
        actor: &str,
        issue: &str,
        pos: &str,
    ) -> Option<(ActorId, IssueId, PosId)> {
        let a = self.actor_ref_opt(item, field, actor);
        let i = self.issue_ref(item, field, issue)?;
        let p = self.pos_ref(item, field, i, pos)?;
        Some((a?, i, p))
    }

    fn effects(&mut self, item: Item, field: &str, list: &[RawEffect]) -> Vec<Effect> {
        list.iter()
            .filter_map(|e| self.effect(item, field, e))
            .collect()
    }

    fn effect(&mut self, item: Item, field: &str, effect: &RawEffect) -> Option<Effect> {
        Some(match effect {
            RawEffect::Add(v, n) => Effect::Add(self.var_ref(item, field, v)?, *n),
            RawEffect::Set(v, n) => Effect::Set(self.var_ref(item, field, v)?, *n),
            RawEffect::Raise(f) => Effect::Raise(self.flag_ref(item, field, f)?),
            RawEffect::Lower(f) => Effect::Lower(self.flag_ref(item, field, f)?),
            RawEffect::Move(a, i, p) => {
                let (a, i, p) = self.actor_issue_pos(item, field, a, i, p)?;
                Effect::Move(a, i, p)
            }
            RawEffect::Limit(a, i, p) => {
                let (a, i, p) = self.actor_issue_pos(item, field, a, i, p)?;
                Effect::Limit(a, i, p)
            }
            RawEffect::Reveal(a, e) => {
                let a = self.actor_ref_opt(item, field, a);
                let e = self.entry_ref(item, field, e);
                Effect::Reveal(a?, e?)
            }
            RawEffect::SignArmistice => Effect::SignArmistice,
            RawEffect::End(reason) => Effect::End(reason.clone()),
        })
    }
}

/// Largest `All` whose literals are compared pair by pair for contradictions.
const MAX_PAIRWISE_LITERALS: usize = 500;

/// Why `c` can never hold, whatever happens in the game; `None` if it might. Catches
/// the contradictions an author can write by mistake: `Never` or `Not(Always)` inside a
/// larger condition, `Any([])`, a literal and its negation in one `All`, two different
/// options of one decision, two positions of one actor on one issue, two terms of one
/// issue, and bounds on a variable that exclude each other or its range.
fn never_holds(c: &Cond, raw: &RawScenario) -> Option<String> {
    match c {
        Cond::Never => Some("it contains `Never`".into()),
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Always => Some("it contains `Not(Always)`".into()),
            Cond::Not(x) => never_holds(x, raw),
            Cond::Any(list) => never_holds(
                &Cond::All(
                    list.iter()
                        .map(|x| Cond::Not(Box::new(x.clone())))
                        .collect(),
                ),
                raw,
            ),
            _ => None,
        },
        Cond::Any(list) if list.is_empty() => Some("`Any([])` has no alternative".into()),
        Cond::Any(list) => {
            let reasons: Option<Vec<String>> = list.iter().map(|x| never_holds(x, raw)).collect();
            reasons.map(|r| format!("no alternative of `Any` can hold ({})", r.join("; ")))
        }
        Cond::AtLeast(v, n) => var_range(*v, raw).and_then(|(_, hi)| {
            (*n > hi).then(|| {
                format!(
                    "`{}` is at most {hi}, never at least {n}",
                    raw.variables[v.0].id
                )
            })
        }),
        Cond::AtMost(v, n) => var_range(*v, raw).and_then(|(lo, _)| {
            (*n < lo).then(|| {
                format!(
                    "`{}` is at least {lo}, never at most {n}",
                    raw.variables[v.0].id
                )
            })
        }),
        Cond::All(_) => {
            let mut literals = Vec::new();
            if let Some(why) = collect_literals(c, true, raw, &mut literals) {
                return Some(why);
            }
            contradiction(&literals, raw)
        }
        _ => None,
    }
}

/// Flattens nested `All`s (and `Not(Not(x))`, `Not(Any)`) into literals with their sign;
/// returns a reason at once if a part can never hold.
fn collect_literals(
    c: &Cond,
    positive: bool,
    raw: &RawScenario,
    out: &mut Vec<(Cond, bool)>,
) -> Option<String> {
    match (c, positive) {
        (Cond::All(list), true) => {
            for x in list {
                if let Some(why) = collect_literals(x, true, raw, out) {
                    return Some(why);
                }
            }
            None
        }
        (Cond::Any(list), false) => {
            for x in list {
                if let Some(why) = collect_literals(x, false, raw, out) {
                    return Some(why);
                }
            }
            None
        }
        (Cond::Not(x), p) => collect_literals(x, !p, raw, out),
        (Cond::Always, false) => Some("it contains `Not(Always)`".into()),
        (Cond::Always, true) | (Cond::Never, false) => None,
        (other, true) => {
            if let Some(why) = never_holds(other, raw) {
                return Some(why);
            }
            out.push((other.clone(), true));
            None
        }
        (other, false) => {
            out.push((other.clone(), false));
            None
        }
    }
}

fn var_range(v: VarId, raw: &RawScenario) -> Option<(i64, i64)> {
    raw.variables.get(v.0).map(|d| (d.min, d.max))
}

/// A reason why the literals (all required together) exclude each other.
fn contradiction(literals: &[(Cond, bool)], raw: &RawScenario) -> Option<String> {
    // Pairs are compared only in conditions of a sane size (a hostile file could put a
    // million literals in one `All`); the bounds below are linear and always checked.
    let pairs = if literals.len() <= MAX_PAIRWISE_LITERALS {
        literals
    } else {
        &[]
    };
    for (i, (a, pa)) in pairs.iter().enumerate() {
        for (b, pb) in &pairs[i + 1..] {
            if a == b && pa != pb {
                return Some(format!(
                    "it requires both `{}` and `Not({})`",
                    describe(a, raw),
                    describe(a, raw)
                ));
            }
            if !(*pa && *pb) {
                continue;
            }
            match (a, b) {
                (Cond::Chose(d1, o1), Cond::Chose(d2, o2)) if d1 == d2 && o1 != o2 => {
                    return Some("it requires two different options of one decision".into());
                }
                (Cond::Holds(a1, i1, p1), Cond::Holds(a2, i2, p2))
                    if a1 == a2 && i1 == i2 && p1 != p2 =>
                {
                    return Some("it requires one actor to hold two positions on one issue".into());
                }
                (Cond::Term(i1, p1), Cond::Term(i2, p2)) if i1 == i2 && p1 != p2 => {
                    return Some("it requires two different terms on one issue".into());
                }
                _ => {}
            }
        }
    }
    // Bounds on each variable: AtLeast(v, n) is v ≥ n; Not(AtLeast(v, n)) is v ≤ n − 1…
    let mut bounds: HashMap<usize, (i64, i64)> = HashMap::new();
    for (c, positive) in literals {
        let (v, lo, hi) = match (c, positive) {
            (Cond::AtLeast(v, n), true) => (v, *n, i64::MAX),
            (Cond::AtLeast(v, n), false) => (v, i64::MIN, n.saturating_sub(1)),
            (Cond::AtMost(v, n), true) => (v, i64::MIN, *n),
            (Cond::AtMost(v, n), false) => (v, n.saturating_add(1), i64::MAX),
            _ => continue,
        };
        let (min, max) = var_range(*v, raw).unwrap_or((i64::MIN, i64::MAX));
        let b = bounds.entry(v.0).or_insert((min, max));
        b.0 = b.0.max(lo);
        b.1 = b.1.min(hi);
        if b.0 > b.1 {
            let id = raw.variables.get(v.0).map_or("?", |d| d.id.as_str());
            return Some(format!(
                "it requires `{id}` to be at least {} and at most {} at once (its range is {min}..{max})",
                b.0, b.1
            ));
        }
    }
    None
}

/// A literal condition as the author wrote it, with ids.
fn describe(c: &Cond, raw: &RawScenario) -> String {
    let entry = |e: &EntryId| match raw.timeline.get(e.0) {
        Some(RawEntry::Event(ev)) => ev.id.clone(),
        Some(RawEntry::Decision(d)) => d.id.clone(),
        None => "?".into(),
    };
    let actor = |a: &ActorId| {
        raw.actors
            .get(a.0)
            .map_or("?", |a| a.id.as_str())
            .to_string()
    };
    let issue = |i: &IssueId| raw.issues.get(i.0);
    let issue_id = |i: &IssueId| issue(i).map_or("?", |i| i.id.as_str()).to_string();
    let pos = |i: &IssueId, p: &PosId| {
        issue(i)
            .and_then(|i| i.positions.get(p.0))
            .map_or("?", |p| p.id.as_str())
            .to_string()
    };
    match c {
        Cond::Flag(f) => format!(
            "Flag(\"{}\")",
            raw.flags.get(f.0).map_or("?", |f| f.id.as_str())
        ),
        Cond::AtLeast(v, n) => format!(
            "AtLeast(\"{}\", {n})",
            raw.variables.get(v.0).map_or("?", |v| v.id.as_str())
        ),
        Cond::AtMost(v, n) => format!(
            "AtMost(\"{}\", {n})",
            raw.variables.get(v.0).map_or("?", |v| v.id.as_str())
        ),
        Cond::Chose(e, o) => {
            let option = match raw.timeline.get(e.0) {
                Some(RawEntry::Decision(d)) => d.options.get(*o).map_or("?", |o| o.id.as_str()),
                _ => "?",
            };
            format!("Chose(\"{}\", \"{option}\")", entry(e))
        }
        Cond::Fired(e) => format!("Fired(\"{}\")", entry(e)),
        Cond::Holds(a, i, p) => format!(
            "Holds(\"{}\", \"{}\", \"{}\")",
            actor(a),
            issue_id(i),
            pos(i, p)
        ),
        Cond::Knows(a, e) => format!("Knows(\"{}\", \"{}\")", actor(a), entry(e)),
        Cond::Agreed(i) => format!("Agreed(\"{}\")", issue_id(i)),
        Cond::Term(i, p) => format!("Term(\"{}\", \"{}\")", issue_id(i), pos(i, p)),
        Cond::ArmisticeBy(d) => format!("ArmisticeBy(\"{d}\")"),
        other => format!("{other:?}"),
    }
}
