//! Comparison with history: a game set beside the historical path.
//!
//! The historical path is the same scenario played with every side, the player's
//! included, taking the historical option. [`Debrief::new`] lines the two up: each
//! decision, the state over time, the outcome, the objectives, and one divergence
//! score (defined on [`Divergence`]). Rendering lives in `report/`.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::{Decider, Game, Happening, LogEntry, Outcome, Setup, State};
use crate::scenario::{ActorId, Cite, Entry, EntryId, IssueId, PosId, Scenario};

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
    pub historical: String,
    pub historical_label: String,
    pub same: bool,
    pub note: String,
    pub sources: Vec<CiteView>,
}

/// One sample of the state: the game's value beside history's, at a date.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    pub date: NaiveDate,
    /// Per variable (scenario order): (game, history).
    pub vars: Vec<(i64, i64)>,
    /// Per issue: steps between the parties' positions (their widest gap), (game, history).
    pub gaps: Vec<(i64, i64)>,
}

impl Sample {
    /// Issues on which the parties still differ: (game, history).
    pub fn differing(&self) -> (usize, usize) {
        (
            self.gaps.iter().filter(|(g, _)| *g > 0).count(),
            self.gaps.iter().filter(|(_, h)| *h > 0).count(),
        )
    }
}

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

/// When the parties came to hold the same position on an issue for good.
#[derive(Debug, Clone, Serialize)]
pub struct IssueSettled {
    pub issue: String,
    pub issue_name: String,
    /// From this date on the parties held one position (None: never, or not yet).
    pub game: Option<NaiveDate>,
    pub history: Option<NaiveDate>,
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

/// The divergence score: how far a game is from the historical path.
///
/// `total = decisions + events + terms + weeks`, where
/// - `decisions`: decisions (any side) taken differently from history or not arisen;
/// - `events`: events that fired in one and not the other (historical events that did
///   not happen, counterfactual events that did);
/// - `terms`: issues on which the armistice's terms differ from the historical terms
///   (every issue when there is no armistice);
/// - `weeks`: whole weeks between the armistice date and the historical one; without
///   an armistice, from the historical date to the date the game ended.
///
/// Only the part of the timeline the game has reached counts; `terms` and `weeks`
/// count once the game is over. Zero means the game is the historical path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Divergence {
    pub decisions: u32,
    pub events: u32,
    pub terms: u32,
    pub weeks: u32,
    pub total: u32,
}

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
}

/// The bargaining analysis of a game: where it ended, and when its zone opened.
#[derive(Debug, Clone, Serialize)]
pub struct GameBargaining {
    pub analysis: crate::bargain::BargainView,
    pub timeline: crate::bargain::view::TimelineView,
    /// When the zone opened on the historical path.
    pub history_opened: Option<NaiveDate>,
}

impl GameBargaining {
    /// The analysis of `game`'s present state, with the game's own deal when it has
    /// one (its armistice terms, every issue agreed).
    pub fn new(game: &Game) -> Option<GameBargaining> {
        use crate::bargain;
        let s = &game.scenario;
        let a = bargain::analyze(s, &game.state).ok()?;
        let mut analysis = bargain::BargainView::new(s, &a, game.state.date);
        analysis.game = game
            .state
            .armistice
            .as_ref()
            .and_then(|arm| bargain::deal_of(&arm.terms))
            .map(|d| bargain::view::deal_view(s, &a, "the terms of your armistice", &d));
        let t = bargain::timeline(
            Arc::clone(&game.scenario),
            game.setup.clone(),
            Some(&game.choices),
        );
        let h = bargain::timeline(
            Arc::clone(&game.scenario),
            bargain::timeline::historical_setup(s),
            None,
        );
        Some(GameBargaining {
            analysis,
            timeline: bargain::view::TimelineView::new(s, &t),
            history_opened: h.opened,
        })
    }
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
        let mut div = Divergence::default();
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
                        div.events += 1;
                        mark_first(e.date, &e.title);
                        events.push(EventDiff {
                            id: e.id.clone(),
                            date: e.date,
                            date_text: entry.date_text(),
                            title: e.title.clone(),
                            counterfactual: e.counterfactual,
                            happened: g.fired[i],
                        });
                    }
                }
                Entry::Decision(d) => {
                    let chosen = g.chosen[i];
                    let hist = d.historical;
                    let same = chosen == h.chosen[i] && chosen.is_some();
                    if chosen != h.chosen[i] {
                        div.decisions += 1;
                        mark_first(d.date, &d.title);
                    }
                    let by = decider(game, EntryId(i));
                    let note = d.options[hist]
                        .historical
                        .as_ref()
                        .map(|n| n.note.clone())
                        .unwrap_or_default();
                    let sources = d.options[hist]
                        .historical
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
                        historical: d.options[hist].id.clone(),
                        historical_label: d.options[hist].label.clone(),
                        same,
                        note,
                        sources,
                    });
                }
            }
        }

        let outcome = outcome_view(s, game, &history);
        if game.is_finished() {
            div.terms = outcome.terms.iter().filter(|t| !t.same).count() as u32;
            let end = g.armistice.as_ref().map_or(g.date, |a| a.date);
            div.weeks = ((end - s.armistice.historical_date)
                .num_days()
                .unsigned_abs()
                / 7) as u32;
        }
        div.total = div.decisions + div.events + div.terms + div.weeks;

        let objectives = s
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

        Debrief {
            scenario_id: s.id.clone(),
            scenario_title: s.title.clone(),
            scenario_hash: s.hash.clone(),
            start: s.start,
            role: s.actor(game.setup.role).id.clone(),
            role_name: s.actor(game.setup.role).name.clone(),
            policy: game.setup.policy.name().to_string(),
            seed: game.setup.seed,
            outcome,
            divergence: div,
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
            samples: samples(s, game, &history),
            settled: s
                .issues
                .iter()
                .enumerate()
                .map(|(i, issue)| IssueSettled {
                    issue: issue.id.clone(),
                    issue_name: issue.name.clone(),
                    game: settled_since(s, &game.log, IssueId(i)),
                    history: settled_since(s, &history.log, IssueId(i)),
                })
                .collect(),
            objectives,
            bargaining: GameBargaining::new(game),
        }
    }

    /// The rows of the player's own decisions.
    pub fn player_decisions(&self) -> impl Iterator<Item = &DecisionRow> {
        self.decisions.iter().filter(|d| d.player)
    }
}

/// Who took decision `id` in the game, from its log.
fn decider(game: &Game, id: EntryId) -> Option<Decider> {
    game.log.iter().find_map(|l| match l.happening {
        Happening::Decided { entry, by, .. } if entry == id => Some(by),
        _ => None,
    })
}

fn outcome_view(s: &Scenario, game: &Game, history: &Game) -> OutcomeView {
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

/// The state in effect at `date` according to a log (the initial state before it).
fn at(log: &[LogEntry], date: NaiveDate) -> Option<&LogEntry> {
    let n = log.partition_point(|l| l.date <= date);
    n.checked_sub(1).map(|i| &log[i])
}

/// Widest gap, in steps, between the armistice parties' positions on an issue.
fn gap(s: &Scenario, positions: &[Vec<Option<PosId>>], issue: IssueId) -> i64 {
    let held: Vec<i64> = s
        .armistice
        .parties
        .iter()
        .filter_map(|p| positions[p.0][issue.0].map(|x| x.0 as i64))
        .collect();
    match (held.iter().min(), held.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    }
}

/// The date from which the parties' positions on an issue coincide to the end of the log.
fn settled_since(s: &Scenario, log: &[LogEntry], issue: IssueId) -> Option<NaiveDate> {
    let mut since = None;
    for l in log {
        if gap(s, &l.positions, issue) == 0 {
            since.get_or_insert(l.date);
        } else {
            since = None;
        }
    }
    since
}

/// Samples on the first of each month from the start to the game's last date, and at
/// the last date itself.
fn samples(s: &Scenario, game: &Game, history: &Game) -> Vec<Sample> {
    let initial = State::initial(s);
    let end = game.state.date.max(s.start);
    let mut dates = Vec::new();
    let mut d = s.start;
    while d <= end {
        dates.push(d);
        // At the end of the calendar (year 262143) there is no next month: stop there.
        let Some(next) = first_of_next_month(d) else {
            break;
        };
        d = next;
    }
    if dates.last() != Some(&end) {
        dates.push(end);
    }
    // The log holds the state after each happening; weekly drift accrues between them,
    // so it is added for the time since the last happening (until the armistice).
    let view = |g: &Game, date: NaiveDate| {
        let (since, mut vars, positions) = match at(&g.log, date) {
            Some(l) => (l.date, l.vars.to_vec(), l.positions.to_vec()),
            None => (s.start, initial.vars.clone(), initial.positions.clone()),
        };
        let stop = g
            .state
            .armistice
            .as_ref()
            .map_or(date, |a| a.date.min(date));
        let weeks = |d: NaiveDate| (d - s.start).num_days().max(0) / 7;
        let elapsed = (weeks(stop) - weeks(since)).max(0);
        for (v, def) in vars.iter_mut().zip(&s.variables) {
            *v = v
                .saturating_add(def.per_week.saturating_mul(elapsed))
                .clamp(def.min, def.max);
        }
        (vars, positions)
    };
    dates
        .into_iter()
        .map(|date| {
            let (gv, gp) = view(game, date);
            let (hv, hp) = view(history, date);
            Sample {
                date,
                vars: gv.into_iter().zip(hv).collect(),
                gaps: (0..s.issues.len())
                    .map(|i| (gap(s, &gp, IssueId(i)), gap(s, &hp, IssueId(i))))
                    .collect(),
            }
        })
        .collect()
}

fn first_of_next_month(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}
