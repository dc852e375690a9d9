//! Counting a class's games: outcomes, armistices per month, term sets, the choices
//! at each decision, the divergence spread, objectives met.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::GameRow;
use crate::compare::{CiteView, QuestionView};
use crate::engine::Game;
use crate::scenario::{Entry, Scenario};

/// How many games ended one way.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeCount {
    /// "armistice", "no-armistice", "ended", "unfinished".
    pub kind: String,
    /// In words; for "ended", the reason.
    pub label: String,
    pub count: usize,
}

/// Armistices signed in one month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthBin {
    /// The month's first day.
    pub month: NaiveDate,
    pub count: usize,
    /// Whether the historical agreement was signed in this month (never, when history
    /// reached none).
    pub historical: bool,
}

/// One set of terms and how many armistices had it.
#[derive(Debug, Clone, Serialize)]
pub struct TermSet {
    /// One label per issue.
    pub labels: Vec<String>,
    pub count: usize,
    /// Whether these are the historical terms (never, when history reached none).
    pub historical: bool,
    /// On how many issues they differ from the historical terms (all, when history
    /// reached none).
    pub differing: usize,
}

/// How the class chose at one decision.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionSplit {
    pub id: String,
    pub date_text: String,
    pub title: String,
    pub role: String,
    pub role_name: String,
    /// One per option, in the scenario's order.
    pub options: Vec<OptionCount>,
    /// Games played as the deciding role.
    pub players: usize,
    /// Of those, the games in which the decision never arose.
    pub not_arisen: usize,
    /// Percent of the players who chose it that did not take the most common option
    /// (0: all alike; the higher, the more the class was divided).
    pub split: u32,
    /// Why the real side chose as it did, and where that is documented.
    pub note: String,
    pub sources: Vec<CiteView>,
    pub discussion: Vec<QuestionView>,
}

/// One option and how many chose it.
#[derive(Debug, Clone, Serialize)]
pub struct OptionCount {
    pub id: String,
    pub label: String,
    pub count: usize,
    pub historical: bool,
}

/// The divergence scores of the class.
#[derive(Debug, Clone, Serialize)]
pub struct Spread {
    pub min: u32,
    pub median: u32,
    pub max: u32,
    /// Games at score 0: the historical path.
    pub historical: usize,
    /// Counts per range of scores: (low, high inclusive, count).
    pub bins: Vec<(u32, u32, usize)>,
}

/// An objective, and how often the class met it.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveClass {
    pub role: String,
    pub role_name: String,
    pub text: String,
    /// Finished games played as this role that met it.
    pub met: usize,
    /// Finished games played as this role.
    pub of: usize,
    pub met_in_history: bool,
}

pub(super) fn outcomes(s: &Scenario, rows: &[GameRow]) -> Vec<OutcomeCount> {
    let noun = s.agreement_noun();
    let mut out: Vec<OutcomeCount> = Vec::new();
    for r in rows {
        let label = match r.outcome.as_str() {
            "armistice" => format!("{} signed", s.agreement_noun_capitalised()),
            "no-armistice" if !s.armistice.agreed_in_history() => {
                format!("No {noun} \u{2014} as in history (none by the horizon)")
            }
            "no-armistice" => format!("No {noun} by the horizon"),
            "ended" if !s.armistice.agreed_in_history() => format!(
                "No {noun} \u{2014} as in history: {}",
                r.outcome_text
                    .strip_prefix("Ended: ")
                    .unwrap_or(&r.outcome_text)
            ),
            "ended" => r
                .outcome_text
                .strip_prefix("Ended: ")
                .unwrap_or(&r.outcome_text)
                .to_string(),
            _ => "Unfinished (saved mid-game)".to_string(),
        };
        match out
            .iter_mut()
            .find(|o| o.kind == r.outcome && o.label == label)
        {
            Some(o) => o.count += 1,
            None => out.push(OutcomeCount {
                kind: r.outcome.clone(),
                label,
                count: 1,
            }),
        }
    }
    let rank = |k: &str| match k {
        "armistice" => 0,
        "no-armistice" => 1,
        "ended" => 2,
        _ => 3,
    };
    out.sort_by(|a, b| {
        rank(&a.kind)
            .cmp(&rank(&b.kind))
            .then(b.count.cmp(&a.count))
    });
    out
}

fn month_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn next_month(d: NaiveDate) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(1)).unwrap_or(d)
}

pub(super) fn months(s: &Scenario, rows: &[GameRow]) -> Vec<MonthBin> {
    let dates: Vec<NaiveDate> = rows.iter().filter_map(|r| r.armistice_date).collect();
    let first = dates
        .iter()
        .copied()
        .chain([s.start, s.armistice.historical_date])
        .min()
        .unwrap_or(s.start);
    let last = dates
        .iter()
        .copied()
        .chain([s.horizon, s.armistice.historical_date])
        .max()
        .unwrap_or(s.horizon);
    let mut counts: HashMap<NaiveDate, usize> = HashMap::new();
    for d in &dates {
        *counts.entry(month_of(*d)).or_default() += 1;
    }
    let mut out = Vec::new();
    let mut m = month_of(first);
    // A scenario spans at most a few decades (the checker bounds it); stop regardless.
    while m <= last && out.len() < 1200 {
        out.push(MonthBin {
            month: m,
            count: counts.get(&m).copied().unwrap_or(0),
            historical: s.armistice.agreed_in_history()
                && m == month_of(s.armistice.historical_date),
        });
        let n = next_month(m);
        if n == m {
            break;
        }
        m = n;
    }
    out
}

pub(super) fn term_sets(s: &Scenario, rows: &[GameRow]) -> Vec<TermSet> {
    let historical: Vec<&str> = s
        .issues
        .iter()
        .zip(s.armistice.historical_terms.iter().flatten())
        .map(|(i, p)| i.positions[p.0].label.as_str())
        .collect();
    let mut sets: Vec<TermSet> = Vec::new();
    for r in rows.iter().filter(|r| r.armistice_date.is_some()) {
        let labels: Vec<String> = r
            .terms
            .iter()
            .map(|t| t.clone().unwrap_or_else(|| "(not agreed)".into()))
            .collect();
        match sets.iter_mut().find(|t| t.labels == labels) {
            Some(t) => t.count += 1,
            None => {
                let agreed = s.armistice.agreed_in_history();
                let differing = if agreed {
                    labels
                        .iter()
                        .zip(&historical)
                        .filter(|(a, b)| a.as_str() != **b)
                        .count()
                } else {
                    labels.len()
                };
                sets.push(TermSet {
                    labels,
                    count: 1,
                    historical: agreed && differing == 0,
                    differing,
                });
            }
        }
    }
    sets.sort_by(|a, b| b.count.cmp(&a.count).then(a.differing.cmp(&b.differing)));
    sets
}

pub(super) fn decisions(s: &Scenario, games: &[&Game]) -> Vec<DecisionSplit> {
    let mut out = Vec::new();
    for (i, entry) in s.timeline.iter().enumerate() {
        let Entry::Decision(d) = entry else {
            continue;
        };
        let mut counts = vec![0usize; d.options.len()];
        let mut players = 0;
        let mut not_arisen = 0;
        for g in games.iter().filter(|g| g.is_seated(d.role)) {
            players += 1;
            match g.state.chosen[i] {
                Some(o) => counts[o] += 1,
                None => not_arisen += 1,
            }
        }
        if players == 0 {
            continue;
        }
        let chose: usize = counts.iter().sum();
        let top = counts.iter().copied().max().unwrap_or(0);
        let split = ((chose - top) * 100).checked_div(chose).unwrap_or(0) as u32;
        let hist = d.historical_option();
        out.push(DecisionSplit {
            id: d.id.clone(),
            date_text: entry.date_text(),
            title: d.title.clone(),
            role: s.actor(d.role).id.clone(),
            role_name: s.actor(d.role).name.clone(),
            options: d
                .options
                .iter()
                .zip(&counts)
                .enumerate()
                .map(|(n, (o, &count))| OptionCount {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    count,
                    historical: Some(n) == d.historical,
                })
                .collect(),
            players,
            not_arisen,
            split,
            note: hist
                .and_then(|o| o.historical.as_ref())
                .map(|h| h.note.clone())
                .unwrap_or_default(),
            sources: hist
                .and_then(|o| o.historical.as_ref())
                .into_iter()
                .flat_map(|h| h.sources.iter())
                .map(|c| CiteView::new(s, c))
                .collect(),
            discussion: QuestionView::list(s, &d.discussion),
        });
    }
    // The most divided first; equal splits keep the timeline's order (a stable sort).
    out.sort_by_key(|d| std::cmp::Reverse(d.split));
    out
}

pub(super) fn spread(rows: &[GameRow]) -> Spread {
    let mut scores: Vec<u32> = rows.iter().map(|r| r.divergence.total).collect();
    scores.sort_unstable();
    let (Some(&min), Some(&max)) = (scores.first(), scores.last()) else {
        return Spread {
            min: 0,
            median: 0,
            max: 0,
            historical: 0,
            bins: Vec::new(),
        };
    };
    let median = scores[scores.len() / 2];
    // At most 12 bars, each a range of equal width.
    let width = (max / 12) + 1;
    let mut bins: Vec<(u32, u32, usize)> = (0..=max / width)
        .map(|k| (k * width, k * width + width - 1, 0))
        .collect();
    for &v in &scores {
        if let Some(b) = bins.get_mut((v / width) as usize) {
            b.2 += 1;
        }
    }
    Spread {
        min,
        median,
        max,
        historical: scores.iter().filter(|&&v| v == 0).count(),
        bins,
    }
}

pub(super) fn objectives(s: &Scenario, games: &[&Game], history: &Game) -> Vec<ObjectiveClass> {
    s.objectives
        .iter()
        .map(|o| {
            let mine = games
                .iter()
                .filter(|g| g.is_seated(o.role) && g.is_finished());
            let (mut met, mut of) = (0, 0);
            for g in mine {
                of += 1;
                met += usize::from(g.state.holds(s, &o.test));
            }
            ObjectiveClass {
                role: s.actor(o.role).id.clone(),
                role_name: s.actor(o.role).name.clone(),
                text: o.text.clone(),
                met,
                of,
                met_in_history: history.state.holds(s, &o.test),
            }
        })
        .collect()
}
