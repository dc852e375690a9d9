//! The spread of an exploration beside the historical outcome.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Config, GameResult};
use crate::engine::Game;
use crate::scenario::{IssueId, PosId, Scenario};

/// Smallest, middle and largest of a set of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Spread<T> {
    pub min: T,
    pub median: T,
    pub max: T,
}

impl<T: Ord + Copy> Spread<T> {
    fn of(mut v: Vec<T>) -> Option<Spread<T>> {
        v.sort_unstable();
        Some(Spread {
            min: *v.first()?,
            median: v[v.len() / 2],
            max: *v.last()?,
        })
    }
}

/// Armistices signed in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub count: usize,
    /// The month of the historical armistice.
    pub historical: bool,
}

/// A set of terms and how many games ended on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermSet {
    pub count: usize,
    pub historical: bool,
    /// (issue id, position id, or `-` when the issue was not agreed).
    pub terms: Vec<(String, String)>,
}

/// In vary mode: the games that took one option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionRow {
    pub option: String,
    pub label: String,
    pub historical: bool,
    pub games: usize,
    pub armistice: usize,
    pub earliest: Option<NaiveDate>,
    pub divergence: Option<Spread<u32>>,
}

/// Everything `explore` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExploreReport {
    pub scenario: String,
    pub role: String,
    pub role_name: String,
    pub policy: String,
    pub seed: u64,
    pub runs: usize,
    pub vary: Option<String>,
    /// What the scenario calls its agreement ("armistice" unless it says otherwise).
    pub noun: String,
    /// Games ending in an agreement.
    pub armistice: usize,
    /// How games ended: (ending, games), most frequent first.
    pub endings: Vec<(String, usize)>,
    /// The date of the historical agreement, or of the end of talks without one.
    pub historical_date: NaiveDate,
    /// How the talks ended, when history reached no agreement (None: it reached one).
    pub historical_end: Option<String>,
    pub dates: Option<Spread<NaiveDate>>,
    /// Every month from the first armistice to the last.
    pub months: Vec<MonthCount>,
    /// The most frequent term sets (at most 5).
    pub terms: Vec<TermSet>,
    /// Games whose terms are exactly the historical ones.
    pub historical_terms: usize,
    /// The spread of the declared cost-of-delay variable at the games' end (None when
    /// the scenario declares none), and its value at the end of the historical path.
    pub cost_of_delay: Option<Spread<i64>>,
    pub historical_cost_of_delay: Option<i64>,
    pub divergence: Option<Spread<u32>>,
    /// Games identical to history (divergence 0).
    pub same_as_history: usize,
    pub by_option: Vec<OptionRow>,
}

fn month(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

impl ExploreReport {
    pub fn new(s: &Scenario, cfg: &Config, history: &Game, results: &[GameResult]) -> Self {
        let role = s.actor(cfg.role);
        let dates: Vec<NaiveDate> = results.iter().filter_map(|r| r.armistice).collect();
        let hist_month = s
            .armistice
            .agreed_in_history()
            .then(|| month(s.armistice.historical_date));
        let mut per_month: BTreeMap<(i32, u32), usize> = BTreeMap::new();
        for d in &dates {
            *per_month.entry(month(*d)).or_default() += 1;
        }
        let mut months = Vec::new();
        if let (Some(&first), Some(&last)) = (per_month.keys().next(), per_month.keys().last()) {
            let (mut y, mut m) = first;
            while (y, m) <= last {
                months.push(MonthCount {
                    month: format!("{y:04}-{m:02}"),
                    count: per_month.get(&(y, m)).copied().unwrap_or(0),
                    historical: Some((y, m)) == hist_month,
                });
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
        let hist_terms: Option<Vec<Option<PosId>>> = s
            .armistice
            .historical_terms
            .as_ref()
            .map(|t| t.iter().map(|&p| Some(p)).collect());
        let mut sets: BTreeMap<&Vec<Option<PosId>>, usize> = BTreeMap::new();
        for t in results.iter().filter_map(|r| r.terms.as_ref()) {
            *sets.entry(t).or_default() += 1;
        }
        let mut sets: Vec<(&Vec<Option<PosId>>, usize)> = sets.into_iter().collect();
        sets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let terms = sets
            .iter()
            .take(5)
            .map(|(t, count)| TermSet {
                count: *count,
                historical: hist_terms.as_ref() == Some(*t),
                terms: t
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        (
                            s.issues[i].id.clone(),
                            p.map_or("-".to_string(), |p| {
                                s.issues[IssueId(i).0].positions[p.0].id.clone()
                            }),
                        )
                    })
                    .collect(),
            })
            .collect();
        let mut endings: BTreeMap<&str, usize> = BTreeMap::new();
        for r in results {
            *endings.entry(&r.ending).or_default() += 1;
        }
        let mut endings: Vec<(String, usize)> = endings
            .into_iter()
            .map(|(e, n)| (e.to_string(), n))
            .collect();
        endings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let by_option = match cfg.vary.and_then(|v| s.entry(v).as_decision()) {
            None => Vec::new(),
            Some(d) => d
                .options
                .iter()
                .enumerate()
                .map(|(o, opt)| {
                    let mine: Vec<&GameResult> = results
                        .iter()
                        .filter(|r| r.varied_option == Some(o))
                        .collect();
                    OptionRow {
                        option: opt.id.clone(),
                        label: opt.label.clone(),
                        historical: Some(o) == d.historical,
                        games: mine.len(),
                        armistice: mine.iter().filter(|r| r.armistice.is_some()).count(),
                        earliest: mine.iter().filter_map(|r| r.armistice).min(),
                        divergence: Spread::of(mine.iter().map(|r| r.divergence).collect()),
                    }
                })
                .collect(),
        };
        ExploreReport {
            scenario: s.id.clone(),
            role: role.id.clone(),
            role_name: role.name.clone(),
            policy: cfg.policy.name().to_string(),
            seed: cfg.seed,
            runs: results.len(),
            vary: cfg.vary.map(|v| s.entry(v).id().to_string()),
            noun: s.agreement_noun().to_string(),
            armistice: dates.len(),
            endings,
            historical_date: s.armistice.historical_date,
            historical_end: s.armistice.historical_end.clone(),
            dates: Spread::of(dates),
            months,
            terms,
            historical_terms: results
                .iter()
                .filter(|r| r.terms.is_some() && r.terms == hist_terms)
                .count(),
            cost_of_delay: Spread::of(results.iter().filter_map(|r| r.cost_of_delay).collect()),
            historical_cost_of_delay: s.cost_of_delay.map(|v| history.state.var(v)),
            divergence: Spread::of(results.iter().map(|r| r.divergence).collect()),
            same_as_history: results.iter().filter(|r| r.divergence == 0).count(),
            by_option,
        }
    }
}
