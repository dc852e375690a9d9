//! The historical path, step by step: what happened, who knew, on what sources, and
//! the state after each step. Built from the log of a game where every side follows
//! history; printed by `panmunjom replay` (text or JSON) and walked by the window.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compare::{CiteView, historical_path};
use crate::engine::{Game, Happening, LogEntry, Outcome};
use crate::scenario::{ActorId, Entry, Scenario, Visibility};

/// One step of the replay.
#[derive(Debug, Clone, Serialize)]
pub struct ReplayStep {
    pub date: NaiveDate,
    /// The date as the record gives it ("mid-November 1952"), or the ISO date.
    pub date_text: String,
    /// "event", "decision", "report", "armistice" or "end".
    pub kind: String,
    pub id: Option<String>,
    pub title: String,
    pub text: String,
    /// Names of the actors involved.
    pub actors: Vec<String>,
    /// Who knew of it, in words.
    pub who_knew: String,
    pub sources: Vec<CiteView>,
    /// Figures the sources give; ranges where they disagree.
    pub figures: Vec<String>,
    /// For a decision: the option taken and why.
    pub choice: Option<ChoiceView>,
    /// Positions that changed in this step, in words.
    pub moves: Vec<String>,
    /// Every variable after the step: (label, value).
    pub state: Vec<(String, i64)>,
    /// Flags raised after the step (labels).
    pub flags: Vec<String>,
}

/// The option taken at a decision.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceView {
    pub role: String,
    pub option: String,
    pub label: String,
    pub note: String,
}

/// The replay of a scenario's historical path, up to `to` (inclusive) if given.
pub fn replay(scenario: Arc<Scenario>, to: Option<NaiveDate>) -> Vec<ReplayStep> {
    let game = historical_path(scenario);
    steps(&game, to)
}

/// The steps of any game's log (the historical path for `replay`).
pub fn steps(game: &Game, to: Option<NaiveDate>) -> Vec<ReplayStep> {
    let s = &*game.scenario;
    let mut out = Vec::new();
    let mut previous: Option<&LogEntry> = None;
    for entry in &game.log {
        if to.is_some_and(|to| entry.date > to) {
            break;
        }
        if let Some(step) = step(s, game, entry, previous) {
            out.push(step);
        }
        previous = Some(entry);
    }
    out
}

/// The citations in order, each once.
fn distinct(cites: impl Iterator<Item = CiteView>) -> Vec<CiteView> {
    let mut out: Vec<CiteView> = Vec::new();
    for c in cites {
        if !out
            .iter()
            .any(|o| o.source == c.source && o.at == c.at && o.quote == c.quote)
        {
            out.push(c);
        }
    }
    out
}

fn names(s: &Scenario, actors: &[ActorId]) -> Vec<String> {
    actors.iter().map(|a| s.actor(*a).name.clone()).collect()
}

/// "Public", "Private: PRC, India", or the intelligence route.
pub fn who_knew(s: &Scenario, v: &Visibility) -> String {
    match v {
        Visibility::Public => "public".to_string(),
        Visibility::Private(list) => format!("private: {}", names(s, list).join(", ")),
        Visibility::Intelligence {
            among,
            to,
            delay_days,
            reliability,
        } => {
            let rel = if reliability.is_empty() {
                String::new()
            } else {
                format!(", {reliability}")
            };
            format!(
                "private: {}; reached {} as an intelligence report after {delay_days} days{rel}",
                names(s, among).join(", "),
                names(s, to).join(", ")
            )
        }
    }
}

fn blank(date: NaiveDate, kind: &str, title: String) -> ReplayStep {
    ReplayStep {
        date,
        date_text: date.to_string(),
        kind: kind.to_string(),
        id: None,
        title,
        text: String::new(),
        actors: Vec::new(),
        who_knew: String::new(),
        sources: Vec::new(),
        figures: Vec::new(),
        choice: None,
        moves: Vec::new(),
        state: Vec::new(),
        flags: Vec::new(),
    }
}

fn step(
    s: &Scenario,
    game: &Game,
    entry: &LogEntry,
    previous: Option<&LogEntry>,
) -> Option<ReplayStep> {
    let mut out = match &entry.happening {
        Happening::Missed(_) | Happening::NotArisen(_) => return None,
        Happening::Fired(id) => {
            let Entry::Event(e) = s.entry(*id) else {
                return None;
            };
            ReplayStep {
                id: Some(e.id.clone()),
                date_text: game.shown_date_text(*id),
                text: game.event_text(*id).to_string(),
                actors: names(s, &e.actors),
                who_knew: who_knew(s, &e.visibility),
                sources: e.sources.iter().map(|c| CiteView::new(s, c)).collect(),
                figures: game
                    .figures_of(*id)
                    .into_iter()
                    .map(|f| {
                        let note = if f.note.is_empty() {
                            String::new()
                        } else {
                            format!(" [{}]", f.note)
                        };
                        format!("{}: {}{note}", f.label, f.text())
                    })
                    .collect(),
                ..blank(entry.date, "event", game.event_title(*id).to_string())
            }
        }
        Happening::Decided {
            entry: id, option, ..
        } => {
            let Entry::Decision(d) = s.entry(*id) else {
                return None;
            };
            let o = &d.options[*option];
            ReplayStep {
                id: Some(d.id.clone()),
                date_text: game.shown_date_text(*id),
                text: game.context_of(*id).to_string(),
                actors: vec![s.actor(d.role).name.clone()],
                who_knew: format!("decided by {}", s.actor(d.role).name),
                sources: distinct(
                    o.historical
                        .iter()
                        .flat_map(|h| h.sources.iter())
                        .chain(d.sources.iter())
                        .map(|c| CiteView::new(s, c)),
                ),
                choice: Some(ChoiceView {
                    role: s.actor(d.role).id.clone(),
                    option: o.id.clone(),
                    label: o.label.clone(),
                    note: o
                        .historical
                        .as_ref()
                        .map(|h| h.note.clone())
                        .unwrap_or_default(),
                }),
                ..blank(entry.date, "decision", d.title.clone())
            }
        }
        Happening::Report { event, to } => {
            let e = s.entry(*event);
            ReplayStep {
                id: Some(e.id().to_string()),
                text: format!(
                    "An intelligence report reaches {} about: {} ({})",
                    s.actor(*to).name,
                    game.event_title(*event),
                    game.shown_date_text(*event)
                ),
                actors: vec![s.actor(*to).name.clone()],
                who_knew: format!("now known to {}", s.actor(*to).name),
                ..blank(
                    entry.date,
                    "report",
                    format!(
                        "Report to {}: {}",
                        s.actor(*to).name,
                        game.event_title(*event)
                    ),
                )
            }
        }
        Happening::Tabled(i) => {
            let t = game.table_history().get(*i)?;
            ReplayStep {
                id: t.historical.map(|p| s.proposal(p).id.clone()),
                text: t.summary(s),
                actors: vec![s.actor(t.author).name.clone()],
                who_knew: format!("the sides seated at {}", s.session(t.session).name),
                sources: t
                    .historical
                    .map(|p| {
                        s.proposal(p)
                            .sources
                            .iter()
                            .map(|c| CiteView::new(s, c))
                            .collect()
                    })
                    .unwrap_or_default(),
                ..blank(entry.date, "proposal", t.title(s))
            }
        }
        Happening::Armistice => {
            let a = game.state.armistice.as_ref()?;
            let by = if a.signed_by.is_some() {
                "signed"
            } else {
                "concluded (terms agreed for long enough)"
            };
            let terms = s
                .issues
                .iter()
                .zip(&a.terms)
                .map(|(i, t)| {
                    format!(
                        "{}: {}",
                        i.name,
                        t.map_or("not agreed", |p| i.positions[p.0].label.as_str())
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            ReplayStep {
                text: format!("Terms: {terms}"),
                who_knew: "public".into(),
                ..blank(
                    entry.date,
                    "armistice",
                    format!("{} {by}", s.agreement_noun_capitalised()),
                )
            }
        }
        Happening::End(outcome) => {
            let title = match outcome {
                Outcome::Armistice => "End of the scenario".to_string(),
                Outcome::NoArmistice => {
                    format!("The horizon passes with no {}", s.agreement_noun())
                }
                Outcome::Ended(r) => format!("The game ends: {r}"),
            };
            match (&s.armistice.historical_end, game.state.armistice.is_none()) {
                (Some(how), true) => ReplayStep {
                    text: format!(
                        "No {} \u{2014} as in history: {how} ({}).",
                        s.agreement_noun(),
                        s.armistice.historical_date
                    ),
                    sources: s
                        .armistice
                        .sources
                        .iter()
                        .map(|c| CiteView::new(s, c))
                        .collect(),
                    ..blank(entry.date, "end", title)
                },
                _ => blank(entry.date, "end", title),
            }
        }
    };
    out.moves = moves(s, game, previous, entry);
    out.state = s
        .variables
        .iter()
        .zip(game.vars_at(entry))
        .map(|(v, x)| (v.label.clone(), *x))
        .collect();
    out.flags = s
        .flags
        .iter()
        .zip(game.flags_at(entry))
        .filter(|(_, on)| **on)
        .map(|(f, _)| f.label.clone())
        .collect();
    Some(out)
}

/// Positions that differ between two log entries of `game` (the initial state before
/// the first), as "PRC — Who holds the unwilling: …".
fn moves(s: &Scenario, game: &Game, previous: Option<&LogEntry>, now: &LogEntry) -> Vec<String> {
    let initial = match previous {
        Some(_) => Vec::new(),
        None => crate::engine::State::initial(s).positions,
    };
    let before = |a: usize, i: usize| match previous {
        Some(p) => game.positions_at(p)[a][i],
        None => initial[a][i],
    };
    let now = game.positions_at(now);
    let mut out = Vec::new();
    for (a, actor) in s.actors.iter().enumerate() {
        for (i, issue) in s.issues.iter().enumerate() {
            let (b, n) = (before(a, i), now[a][i]);
            if b != n
                && let Some(p) = n
            {
                out.push(format!(
                    "{} \u{2014} {}: {}",
                    actor.name, issue.name, issue.positions[p.0].label
                ));
            }
        }
    }
    out
}
