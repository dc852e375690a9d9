//! Proposal strategies for the player's side in the explorer: how a teacher shows that
//! strategy changes outcomes.
//!
//! Every strategy takes the historical option at each decision, so only the table
//! differs. At each meeting where the side may table, it builds a package from its
//! own ideal, conceding step by step toward the opponent's *public* positions (the
//! step that costs it least first) while the package stays worth at least its target;
//! it accepts an open offer worth at least its target. The target (percent of the gap
//! from its limits to its ideal, as [`crate::engine::agent::worth`]) is:
//! - *historical*: no package of its own; it tables what history tabled;
//! - *boulware*: 100 − 100·(t/T)⁴ — hardly moves until the end;
//! - *conceder*: 100 − 100·√(t/T) — concedes early;
//!
//!   t: days since the first meeting; T: days from the first meeting to the side's
//!   deadline, the date history signed the agreement (the clock the real negotiators
//!   had; the horizon only ends the game). With the horizon as deadline neither reached
//!   the zone before history's date: in the main scenario the zone's deals lie at the
//!   UN Command's limits (worth 0 to it) until June 1953, so a side reaches it only when
//!   its target reaches 0 or the others' positions move toward it. A scenario whose
//!   history reached no agreement uses its horizon;
//! - *tit-for-tat*: starts at 100 and concedes, move for move, what the opponent's
//!   last move gave it (relative tit-for-tat);
//! - *random*: a random package inside its own limits, accepting an offer one time in two.

use std::sync::Arc;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::summary::ExploreReport;
use super::{Config, GameResult, new_game};
use crate::compare::table::opponent;
use crate::engine::policy::roll;
use crate::engine::{Game, Progress, State, Terms, agent};
use crate::scenario::{ActorId, PosId, Scenario};

/// A proposal strategy for the explored role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    Historical,
    Boulware,
    Conceder,
    TitForTat,
    Random,
}

impl Strategy {
    pub const ALL: [Strategy; 5] = [
        Strategy::Historical,
        Strategy::Boulware,
        Strategy::Conceder,
        Strategy::TitForTat,
        Strategy::Random,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Historical => "historical",
            Strategy::Boulware => "boulware",
            Strategy::Conceder => "conceder",
            Strategy::TitForTat => "tit-for-tat",
            Strategy::Random => "random",
        }
    }
    /// The strategy called `name` (as [`Strategy::name`] writes it).
    pub fn from_name(name: &str) -> Option<Strategy> {
        Strategy::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// One strategy's games, summed up like any exploration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrategyReport {
    pub strategy: Strategy,
    /// Games in which the side's own proposal was agreed at the table.
    pub agreed_at_table: usize,
    pub report: ExploreReport,
}

/// Every strategy asked for, side by side (each played on the same game seeds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrategiesReport {
    pub strategies: Vec<StrategyReport>,
}

/// The deadline of the time-based strategies: the date history signed the agreement,
/// or the horizon when history reached none.
fn deadline(s: &Scenario) -> chrono::NaiveDate {
    if s.armistice.agreed_in_history() {
        s.armistice.historical_date.min(s.horizon)
    } else {
        s.horizon
    }
}

/// The target of a time-based strategy at `day` of `span` days.
fn time_target(strategy: Strategy, day: i64, span: i64) -> i64 {
    let span = span.max(1);
    let day = day.clamp(0, span);
    match strategy {
        Strategy::Boulware => {
            let x = day * 100 / span; // 0..=100
            100 - x * x * x * x / 1_000_000
        }
        Strategy::Conceder => 100 - (day * 10_000 / span).isqrt(),
        _ => 100,
    }
}

/// The package worth at least `target` to `me`, conceding from its ideal toward the
/// opponent's public positions, cheapest step first.
///
/// Incremental: the side's valuation (its best and worst sums, see
/// [`agent::worth`]) is fixed while it builds one package, so a step's worth comes from
/// the running sum with one issue's value swapped, not from valuing a copy of the
/// package. Where the sums could overflow (weights near the integer limits) it values
/// each step as [`agent::worth`] does, so the result is the same either way.
pub fn package(s: &Scenario, state: &State, me: ActorId, target: i64) -> Terms {
    package_against(s, state, me, opponent(s, me), target)
}

/// The last package a game's side built and what it depended on: the same target,
/// own limits and opponent's positions give the same package.
#[derive(Default)]
struct Memo {
    target: i64,
    limits: Vec<Option<PosId>>,
    goals: Vec<Option<PosId>>,
    terms: Option<Terms>,
}

impl Memo {
    /// [`package`] (against `opp`), reusing the last one when nothing it depends on
    /// changed.
    fn package(
        &mut self,
        s: &Scenario,
        state: &State,
        me: ActorId,
        opp: Option<ActorId>,
        target: i64,
    ) -> Terms {
        let limits = &state.limits[me.0];
        let goals = opp.map_or(&[][..], |o| state.positions[o.0].as_slice());
        let same_ground = self.limits == *limits && self.goals == goals;
        if let Some(t) = &self.terms
            && same_ground
            && self.target == target
        {
            return t.clone();
        }
        // A lower target on the same ground goes on from the last package: every step
        // the builder took was the best one above the higher target, so the best above
        // the lower one too (the same path, longer).
        let start = match &self.terms {
            Some(t) if same_ground && target < self.target => Some(t.as_slice()),
            _ => None,
        };
        let t = package_from(s, state, me, opp, target, start);
        self.target = target;
        self.limits.clone_from(limits);
        self.goals.clear();
        self.goals.extend_from_slice(goals);
        self.terms = Some(t.clone());
        t
    }
}

/// [`package`] against the opponent `opp` (see [`opponent`]).
fn package_against(
    s: &Scenario,
    state: &State,
    me: ActorId,
    opp: Option<ActorId>,
    target: i64,
) -> Terms {
    package_from(s, state, me, opp, target, None)
}

/// [`package_against`], going on from `start` (a package the builder reached on the
/// same limits and opponent's positions with a higher target) instead of the ideal.
fn package_from(
    s: &Scenario,
    state: &State,
    me: ActorId,
    opp: Option<ActorId>,
    target: i64,
    start: Option<&[Option<PosId>]>,
) -> Terms {
    let stances = &s.actor(me).stances;
    let mut terms: Terms = match start {
        Some(t) => t.to_vec(),
        None => {
            let mut t = vec![None; s.issues.len()];
            for st in stances {
                t[st.issue.0] = Some(st.position);
            }
            t
        }
    };
    let mut sums = Sums::new(s, state, me, &terms);
    loop {
        let mut best: Option<(i64, usize, PosId)> = None;
        for (k, st) in stances.iter().enumerate() {
            let i = st.issue.0;
            let Some(now) = terms[i] else { continue };
            let Some(goal) = opp.and_then(|o| state.positions[o.0][i]) else {
                continue;
            };
            if goal == now {
                continue;
            }
            let next = if goal.0 > now.0 {
                PosId(now.0 + 1)
            } else {
                PosId(now.0 - 1)
            };
            if !state.within_limit(me, st, next) {
                continue;
            }
            let w = match &sums {
                Some(sums) => sums.worth_with(s, k, next),
                None => agent::worth_with(s, state, me, &terms, Some((i, next))).unwrap_or(0),
            };
            if w >= target && best.is_none_or(|(bw, _, _)| w > bw) {
                best = Some((w, i, next));
            }
        }
        match best {
            Some((_, i, next)) => {
                if let Some(sums) = &mut sums {
                    let k = stances.iter().position(|st| st.issue.0 == i).unwrap_or(0);
                    sums.take(s, k, next);
                }
                terms[i] = Some(next);
            }
            None => return terms,
        }
    }
}

/// The running sums of [`agent::worth`] for one side while [`package`] builds: the
/// package's value `u` and the fixed `best` and `worst`, exact (no saturation).
struct Sums<'a> {
    stances: &'a [crate::scenario::Stance],
    /// Each stance's value of the position the package holds now.
    now: Vec<i64>,
    u: i64,
    best: i64,
    worst: i64,
}

impl<'a> Sums<'a> {
    /// None when the stances share an issue or some sum could overflow: then
    /// [`package`] values every step with [`agent::worth_with`].
    fn new(s: &'a Scenario, state: &State, me: ActorId, terms: &[Option<PosId>]) -> Option<Self> {
        let stances = s.actor(me).stances.as_slice();
        for (k, st) in stances.iter().enumerate() {
            if stances[..k].iter().any(|o| o.issue == st.issue) {
                return None;
            }
        }
        // Every value of every position, and every sum of them, must fit exactly.
        let mut max_sum = 0i64;
        for st in stances {
            let n = s.issues[st.issue.0].positions.len() as i64;
            let top = st.weight.checked_abs()?.checked_mul(n)?;
            max_sum = max_sum.checked_add(top)?;
        }
        max_sum.checked_mul(200)?;
        let (mut now, mut u, mut best, mut worst) = (Vec::with_capacity(stances.len()), 0, 0, 0);
        for st in stances {
            let p = terms[st.issue.0]?;
            let limit = state.limits[me.0][st.issue.0].unwrap_or(st.limit);
            let v = value(s, st, p);
            now.push(v);
            u += v;
            best += value(s, st, st.position);
            worst += value(s, st, limit);
        }
        Some(Sums {
            stances,
            now,
            u,
            best,
            worst,
        })
    }

    /// The worth with stance `k`'s issue at `q` (as [`agent::worth`] computes it).
    fn worth_with(&self, s: &Scenario, k: usize, q: PosId) -> i64 {
        if self.best <= self.worst {
            return 100;
        }
        let u = self.u - self.now[k] + value(s, &self.stances[k], q);
        ((u - self.worst) * 100 / (self.best - self.worst)).clamp(i64::MIN / 2, 100)
    }

    /// The package takes position `q` on stance `k`'s issue.
    fn take(&mut self, s: &Scenario, k: usize, q: PosId) {
        let v = value(s, &self.stances[k], q);
        self.u += v - self.now[k];
        self.now[k] = v;
    }
}

/// What position `q` is worth to a stance (as [`agent::worth`] values it).
fn value(s: &Scenario, st: &crate::scenario::Stance, q: PosId) -> i64 {
    let n = s.issues[st.issue.0].positions.len();
    st.weight
        .saturating_mul((n - 1).saturating_sub(q.0.abs_diff(st.position.0)) as i64)
}

/// A random package inside `me`'s limits.
pub(crate) fn random_package(
    s: &Scenario,
    state: &State,
    me: ActorId,
    rng: &mut ChaCha8Rng,
) -> Terms {
    let mut terms: Terms = vec![None; s.issues.len()];
    for st in &s.actor(me).stances {
        let limit = state.limits[me.0][st.issue.0].unwrap_or(st.limit);
        let (lo, hi) = (st.position.0.min(limit.0), st.position.0.max(limit.0));
        terms[st.issue.0] = Some(PosId(lo + roll(rng, (hi - lo + 1) as u64) as usize));
    }
    terms
}

/// Plays game `index` with `strategy` for the explored role.
pub fn play_strategy(
    s: &Arc<Scenario>,
    cfg: &Config,
    strategy: Strategy,
    index: usize,
    keep_log: bool,
) -> Game {
    let (mut game, seed) = new_game(s, cfg, index, keep_log);
    play_on(&mut game, s, cfg, strategy, seed);
    game
}

/// Plays `game` (at its start, seeded `seed`) to its end with `strategy`.
fn play_on(game: &mut Game, s: &Arc<Scenario>, cfg: &Config, strategy: Strategy, seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7AB1_E5EE_D5EE_D000);
    let me = cfg.role;
    let opp = opponent(s, me);
    let span = (deadline(s) - s.table_start()).num_days();
    let mut tft_target = 100i64;
    let mut seen_offers = 0usize;
    let mut last_opp_worth: Option<i64> = None;
    let mut memo = Memo::default();
    loop {
        match game.advance() {
            Progress::AwaitingChoice(id) => {
                let Some(pick) = game.historical_or_first(id) else {
                    break;
                };
                if game.choose(pick).is_err() {
                    break;
                }
            }
            Progress::AtTable(_) => {
                let day = (game.state.date - s.table_start()).num_days();
                // Tit-for-tat: what the opponent's newest offers gave us since last time.
                for t in &game.table_history()[seen_offers..] {
                    if Some(t.author) == opp
                        && let Some(w) = agent::worth(s, &game.state, me, &t.package())
                    {
                        if let Some(prev) = last_opp_worth
                            && w > prev
                        {
                            tft_target -= w - prev;
                        }
                        last_opp_worth = Some(w);
                    }
                }
                seen_offers = game.table_history().len();
                let target = match strategy {
                    Strategy::TitForTat => tft_target.clamp(0, 100),
                    other => time_target(other, day, span),
                };
                // Answer the open offers first.
                for i in game.open_offers() {
                    let terms = game.table_history()[i].terms.clone();
                    let take = match strategy {
                        Strategy::Historical => false,
                        Strategy::Random => roll(&mut rng, 2) == 0,
                        _ => agent::worth(s, &game.state, me, &terms).is_some_and(|w| w >= target),
                    };
                    if take && game.accept(i).is_ok() && game.table_history()[i].agreed {
                        break;
                    }
                }
                if game.may_table() && game.table_history().iter().all(|t| !t.agreed) {
                    match strategy {
                        Strategy::Historical => {
                            for p in game.historical_here() {
                                let _ = game.table_historical(p);
                            }
                        }
                        Strategy::Random => {
                            let t = random_package(s, &game.state, me, &mut rng);
                            let _ = game.table(t);
                        }
                        _ => {
                            let t = memo.package(s, &game.state, me, opp, target);
                            let _ = game.table(t);
                        }
                    }
                }
                let _ = game.pass();
            }
            Progress::Advanced | Progress::Finished => break,
        }
    }
}

/// Plays `cfg.runs` games with each strategy (on `cfg.threads` threads) and sums
/// each strategy's games up beside history.
pub fn explore_strategies(
    s: &Arc<Scenario>,
    cfg: &Config,
    strategies: &[Strategy],
) -> StrategiesReport {
    let history = crate::compare::historical_path(Arc::clone(s));
    let strategies = strategies
        .iter()
        .map(|&strategy| {
            let results = run(s, cfg, strategy, &history.state);
            let agreed_at_table = results.iter().filter(|(_, agreed)| *agreed).count();
            let results: Vec<GameResult> = results.into_iter().map(|(r, _)| r).collect();
            StrategyReport {
                strategy,
                agreed_at_table,
                report: ExploreReport::new(s, cfg, &history, &results),
            }
        })
        .collect();
    StrategiesReport { strategies }
}

/// The games of one strategy, by index, on `cfg.threads` threads.
fn run(
    s: &Arc<Scenario>,
    cfg: &Config,
    strategy: Strategy,
    history: &State,
) -> Vec<(GameResult, bool)> {
    let n = cfg.runs;
    let threads = match cfg.threads {
        0 => std::thread::available_parallelism().map_or(1, |t| t.get()),
        t => t,
    }
    .clamp(1, n.max(1));
    let per = n.div_ceil(threads);
    let mut all: Vec<(GameResult, bool)> = Vec::with_capacity(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                scope.spawn(move || {
                    // One game per thread, started again for each index (its
                    // allocations reused): the same game as a new one.
                    let mut reused: Option<Game> = None;
                    (k * per..((k + 1) * per).min(n))
                        .map(|i| {
                            let seed = super::game_seed(cfg.seed, i);
                            let game = match &mut reused {
                                Some(g) => {
                                    g.restart(crate::engine::Setup {
                                        role: cfg.role,
                                        policy: cfg.policy,
                                        seed,
                                    });
                                    g
                                }
                                None => reused.insert(new_game(s, cfg, i, false).0),
                            };
                            play_on(game, s, cfg, strategy, seed);
                            let game = &*game;
                            let agreed = game
                                .table_history()
                                .iter()
                                .any(|t| t.agreed && t.author == cfg.role);
                            let r = super::result_of(s, game, history, game.setup.seed, None);
                            (r, agreed)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(part) => all.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    all
}

/// The spread per strategy, as text: one paragraph each, beside history.
pub fn text(r: &StrategiesReport) -> String {
    let mut o = String::new();
    for sr in &r.strategies {
        let rep = &sr.report;
        o.push_str(&format!(
            "STRATEGY {} \u{2014} {} games: {} with the {} ({} agreed at the table on your side's terms)\n",
            sr.strategy.name(),
            rep.runs,
            rep.armistice,
            rep.noun,
            sr.agreed_at_table
        ));
        match &rep.dates {
            Some(d) => o.push_str(&format!(
                "  signed between {} and {}, median {} (history: {})\n",
                d.min, d.max, d.median, rep.historical_date
            )),
            None => o.push_str(&format!(
                "  no {} in any game (history: {})\n",
                rep.noun, rep.historical_date
            )),
        }
        for (ending, n) in &rep.endings {
            o.push_str(&format!("  {ending}: {n}\n"));
        }
    }
    o
}
