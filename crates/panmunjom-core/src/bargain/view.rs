//! The bargaining analysis ready to print: ids and labels instead of indices.

use chrono::NaiveDate;
use serde::Serialize;

use super::timeline::Timeline;
use super::{Analysis, historical_deal};
use crate::scenario::{IssueId, PosId, Scenario};

/// An actor's standing in the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    pub id: String,
    pub name: String,
    /// An armistice party (its acceptance counts for the zone).
    pub party: bool,
    /// Utility of its worst acceptable deal (its limits): the disagreement point.
    pub disagreement: i64,
    /// Utility of its ideal deal.
    pub best: i64,
}

/// One party's acceptable range on one issue.
#[derive(Debug, Clone, Serialize)]
pub struct Range {
    pub actor: String,
    /// From its ideal position...
    pub ideal: String,
    /// ...to its limit.
    pub limit: String,
}

/// What each party accepts on one issue, and what they have in common.
#[derive(Debug, Clone, Serialize)]
pub struct IssueView {
    pub id: String,
    pub name: String,
    pub ranges: Vec<Range>,
    /// Position ids every party accepts (empty: the issue blocks agreement).
    pub common: Vec<String>,
}

/// One actor's view of a deal.
#[derive(Debug, Clone, Serialize)]
pub struct Valuation {
    pub actor: String,
    pub utility: i64,
    /// Utility minus the disagreement point.
    pub gain: i64,
    pub accepts: bool,
}

/// A deal with what it is worth to each actor.
#[derive(Debug, Clone, Serialize)]
pub struct DealView {
    pub label: String,
    /// (issue id, position id, position label).
    pub positions: Vec<(String, String, String)>,
    pub valuations: Vec<Valuation>,
    pub in_zone: bool,
    pub on_frontier: bool,
    /// If not on the frontier: the nearest frontier deal better for every party.
    pub improvement: Option<Improvement>,
}

/// A Pareto improvement on a deal.
#[derive(Debug, Clone, Serialize)]
pub struct Improvement {
    /// Total gain of the parties' utilities.
    pub total_gain: i64,
    /// The issues that change: (issue id, new position id, its label).
    pub changes: Vec<(String, String, String)>,
}

/// An entry of the timeline, named.
#[derive(Debug, Clone, Serialize)]
pub struct EntryRef {
    pub id: String,
    pub date: NaiveDate,
    pub title: String,
}

/// The zone after one limit-moving entry.
#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    pub date: NaiveDate,
    pub entry: Option<EntryRef>,
    pub zone_size: u64,
    /// Issue ids on which no position is acceptable to every party.
    pub blocking: Vec<String>,
}

/// When the zone opened along a path.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineView {
    pub opened: Option<NaiveDate>,
    pub opened_by: Vec<EntryRef>,
    pub points: Vec<PointView>,
}

/// Everything the bargaining analysis says about one moment.
#[derive(Debug, Clone, Serialize)]
pub struct BargainView {
    /// What the scenario calls its agreement ("armistice" unless it says otherwise).
    pub noun: String,
    pub date: NaiveDate,
    /// Deals in the outcome space.
    pub deals: u64,
    pub actors: Vec<ActorView>,
    pub issues: Vec<IssueView>,
    pub zone_size: usize,
    pub frontier_size: usize,
    /// Frontier deals inside the zone.
    pub frontier_in_zone: usize,
    pub nash: Option<DealView>,
    /// The historical terms.
    pub historical: Option<DealView>,
    /// The game's own deal (its agreement's terms), when there is one.
    pub game: Option<DealView>,
}

fn entry_ref(s: &Scenario, id: crate::scenario::EntryId) -> EntryRef {
    let e = s.entry(id);
    EntryRef {
        id: e.id().to_string(),
        date: e.date(),
        title: e.title().to_string(),
    }
}

impl TimelineView {
    pub fn new(s: &Scenario, t: &Timeline) -> TimelineView {
        TimelineView {
            opened: t.opened,
            opened_by: t.opened_by.iter().map(|&e| entry_ref(s, e)).collect(),
            points: t
                .points
                .iter()
                .map(|p| PointView {
                    date: p.date,
                    entry: p.entry.map(|e| entry_ref(s, e)),
                    zone_size: p.zone_size,
                    blocking: p
                        .blocking
                        .iter()
                        .map(|i| s.issues[i.0].id.clone())
                        .collect(),
                })
                .collect(),
        }
    }
}

impl BargainView {
    /// The view of an analysis of `s` at `date`.
    pub fn new(s: &Scenario, a: &Analysis, date: NaiveDate) -> BargainView {
        let m = &a.model;
        let actors = m
            .actors
            .iter()
            .map(|am| {
                let actor = s.actor(am.actor);
                ActorView {
                    id: actor.id.clone(),
                    name: actor.name.clone(),
                    party: am.party,
                    disagreement: am.disagreement,
                    best: am.best,
                }
            })
            .collect();
        let common = m.common_ranges();
        let issues = s
            .issues
            .iter()
            .enumerate()
            .map(|(i, issue)| IssueView {
                id: issue.id.clone(),
                name: issue.name.clone(),
                ranges: m
                    .actors
                    .iter()
                    .filter_map(|am| {
                        let (x, l) = (am.ideal[i]?, am.limit[i]?);
                        Some(Range {
                            actor: s.actor(am.actor).id.clone(),
                            ideal: issue.positions[x].id.clone(),
                            limit: issue.positions[l].id.clone(),
                        })
                    })
                    .collect(),
                common: common[i]
                    .map(|(lo, hi)| (lo..=hi).map(|p| issue.positions[p].id.clone()).collect())
                    .unwrap_or_default(),
            })
            .collect();
        let in_zone_frontier = a
            .frontier
            .iter()
            .filter(|&&f| a.in_zone(&m.decode(f)))
            .count();
        let nash = a
            .nash
            .map(|n| deal_view(s, a, "Nash bargaining point", &m.decode(n)));
        let historical = historical_deal(s).map(|d| {
            let label = format!("historical terms of {}", s.armistice.historical_terms_date);
            deal_view(s, a, &label, &d)
        });
        BargainView {
            noun: s.agreement_noun().to_string(),
            date,
            deals: m.size(),
            actors,
            issues,
            zone_size: a.zone.len(),
            frontier_size: a.frontier.len(),
            frontier_in_zone: in_zone_frontier,
            nash,
            historical,
            game: None,
        }
    }
}

/// A deal's view under an analysis.
pub fn deal_view(s: &Scenario, a: &Analysis, label: &str, deal: &[usize]) -> DealView {
    let m = &a.model;
    let pos = |i: usize, p: usize| {
        (
            s.issues[i].id.clone(),
            s.issues[i].positions[p].id.clone(),
            s.position_label(IssueId(i), PosId(p)).to_string(),
        )
    };
    let valuations = m
        .actors
        .iter()
        .enumerate()
        .map(|(k, am)| {
            let u = m.utility(k, deal);
            Valuation {
                actor: s.actor(am.actor).id.clone(),
                utility: u,
                gain: u.saturating_sub(am.disagreement),
                accepts: m.accepts(k, deal),
            }
        })
        .collect();
    let improvement = a.closest_improvement(deal).map(|(f, gain)| {
        let better = m.decode(f);
        Improvement {
            total_gain: gain,
            changes: better
                .iter()
                .enumerate()
                .filter(|&(i, &p)| deal.get(i) != Some(&p))
                .map(|(i, &p)| pos(i, p))
                .collect(),
        }
    });
    DealView {
        label: label.to_string(),
        positions: deal.iter().enumerate().map(|(i, &p)| pos(i, p)).collect(),
        valuations,
        in_zone: a.in_zone(deal),
        on_frontier: improvement.is_none(),
        improvement,
    }
}

/// The `bargain` command's JSON: the analysis at a date and the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub analysis: &'a BargainView,
    pub timeline: &'a TimelineView,
}
