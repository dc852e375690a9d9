//! The state over time: monthly samples of the game beside history, the parties' gap
//! on each issue, and when each issue was settled for good.

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::{Game, LogEntry, State};
use crate::scenario::{IssueId, PosId, Scenario};

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

/// When the parties came to hold the same position on an issue for good.
#[derive(Debug, Clone, Serialize)]
pub struct IssueSettled {
    pub issue: String,
    pub issue_name: String,
    /// From this date on the parties held one position (None: never, or not yet).
    pub game: Option<NaiveDate>,
    pub history: Option<NaiveDate>,
}

/// The state in effect at `date` according to a log (the initial state before it).
fn at(log: &[LogEntry], date: NaiveDate) -> Option<&LogEntry> {
    let n = log.partition_point(|l| l.date <= date);
    n.checked_sub(1).map(|i| &log[i])
}

/// Widest gap, in steps, between the armistice parties' positions on an issue, with
/// `position(actor, issue)` what an actor holds.
fn gap(s: &Scenario, position: impl Fn(usize, usize) -> Option<PosId>, issue: IssueId) -> i64 {
    let held: Vec<i64> = s
        .armistice
        .parties
        .iter()
        .filter_map(|p| position(p.0, issue.0).map(|x| x.0 as i64))
        .collect();
    match (held.iter().min(), held.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    }
}

/// The date from which the parties' positions on an issue coincide to the end of
/// `game`'s log.
pub(super) fn settled_since(s: &Scenario, game: &Game, issue: IssueId) -> Option<NaiveDate> {
    let mut since = None;
    for l in &game.log {
        let positions = game.positions_at(l);
        if gap(s, |a, i| positions[a][i], issue) == 0 {
            since.get_or_insert(l.date);
        } else {
            since = None;
        }
    }
    since
}

/// Samples on the first of each month from the start to the game's last date, and at
/// the last date itself.
pub(super) fn samples(s: &Scenario, game: &Game, history: &Game) -> Vec<Sample> {
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
            Some(l) => {
                let p = g.positions_at(l);
                let rows = (0..s.actors.len()).map(|a| p[a].to_vec()).collect();
                (l.date, g.vars_at(l).to_vec(), rows)
            }
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
                    .map(|i| {
                        let issue = IssueId(i);
                        (
                            gap(s, |a, j| gp[a][j], issue),
                            gap(s, |a, j| hp[a][j], issue),
                        )
                    })
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
