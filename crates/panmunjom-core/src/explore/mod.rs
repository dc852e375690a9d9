//! The what-if explorer: many games in which one role's decisions vary.
//!
//! Game `i` of a run with seed `S` is played with its own seed `game_seed(S, i)` (the
//! adaptive sides' noise and chance events) and, in *random* mode, the role takes a
//! uniformly random open option at each of its decisions, drawn from an RNG seeded
//! from the same game seed. In *vary* mode game `i` takes option `i mod n` of the one
//! decision varied and the historical option elsewhere. Each game depends only on
//! its index, and results are gathered by index, so the report is the same whatever
//! the number of threads.

pub mod strategy;
pub mod summary;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::engine::policy::roll;
use crate::engine::{Game, Outcome, Policy, Progress, Setup, State};
use crate::scenario::{ActorId, EntryId, PosId, Scenario};

pub use strategy::{StrategiesReport, Strategy, StrategyReport, explore_strategies};
pub use summary::ExploreReport;

/// What to explore.
#[derive(Debug, Clone)]
pub struct Config {
    pub role: ActorId,
    pub runs: usize,
    pub policy: Policy,
    pub seed: u64,
    /// Vary only this decision (all its options in turn), the others historical.
    pub vary: Option<EntryId>,
    /// Worker threads (0: as many as the machine has).
    pub threads: usize,
}

/// Why an exploration cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExploreError {
    #[error("`{0}` is not a decision of the scenario")]
    NotADecision(String),
    #[error("decision `{decision}` belongs to `{owner}`, not to the role explored (`{role}`)")]
    NotTheRolesDecision {
        decision: String,
        owner: String,
        role: String,
    },
}

/// What one game came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GameResult {
    pub seed: u64,
    pub armistice: Option<NaiveDate>,
    /// The terms, when an armistice was signed.
    pub terms: Option<Vec<Option<PosId>>>,
    /// How it ended (`armistice`, `no_armistice`, or an event's reason).
    pub ending: String,
    /// The final value of the variable the scenario declares as its cost of delay
    /// ([`Scenario::cost_of_delay`]), if it declares one.
    pub cost_of_delay: Option<i64>,
    /// The divergence score, as the debrief computes it.
    pub divergence: u32,
    /// In vary mode: the option taken at the varied decision (None: it did not arise).
    pub varied_option: Option<usize>,
}

/// The seed of game `index` in a run seeded `seed` (SplitMix64 of both).
pub fn game_seed(seed: u64, index: usize) -> u64 {
    let mut z = seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Explored game `index` at its start, with its seed: the explored role, the
/// configuration's policy, the log kept or not. Every way of exploring starts here.
pub(crate) fn new_game(
    s: &Arc<Scenario>,
    cfg: &Config,
    index: usize,
    keep_log: bool,
) -> (Game, u64) {
    let seed = game_seed(cfg.seed, index);
    let mut game = Game::new(
        Arc::clone(s),
        Setup {
            role: cfg.role,
            policy: cfg.policy,
            seed,
        },
    );
    if !keep_log {
        game = game.without_log();
    }
    (game, seed)
}

/// Checks a configuration against the scenario.
pub fn check(s: &Scenario, cfg: &Config) -> Result<(), ExploreError> {
    if let Some(v) = cfg.vary {
        let entry = s.timeline.get(v.0);
        let Some(d) = entry.and_then(|e| e.as_decision()) else {
            return Err(ExploreError::NotADecision(
                entry.map_or(String::new(), |e| e.id().to_string()),
            ));
        };
        if d.role != cfg.role {
            return Err(ExploreError::NotTheRolesDecision {
                decision: d.id.clone(),
                owner: s.actor(d.role).id.clone(),
                role: s.actor(cfg.role).id.clone(),
            });
        }
    }
    Ok(())
}

/// Plays game `index` of an exploration and sums it up.
pub fn play_one(s: &Arc<Scenario>, cfg: &Config, history: &State, index: usize) -> GameResult {
    let (game, varied_option) = play(s, cfg, index, false);
    result_of(s, &game, history, game.setup.seed, varied_option)
}

/// Plays game `index` of an exploration: the game, and the option taken at the varied
/// decision (vary mode).
pub fn play_game(s: &Arc<Scenario>, cfg: &Config, index: usize) -> (Game, Option<usize>) {
    play(s, cfg, index, true)
}

/// [`play_game`], keeping the game's log or not (the summary reads only the end state,
/// so the explorer's own games keep none; the game is the same otherwise).
fn play(s: &Arc<Scenario>, cfg: &Config, index: usize, keep_log: bool) -> (Game, Option<usize>) {
    let (mut game, seed) = new_game(s, cfg, index, keep_log);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x00C0_FFEE_D00D_F00D);
    let mut varied_option = None;
    while let Progress::AwaitingChoice(id) = game.advance_passing() {
        let open = game.open_options(id);
        let pick = match cfg.vary {
            Some(v) if v == id => {
                let n = s.entry(id).as_decision().map_or(1, |d| d.options.len());
                let want = index % n.max(1);
                if open.contains(&want) {
                    Some(want)
                } else {
                    game.historical_or_first(id)
                }
            }
            Some(_) => game.historical_or_first(id),
            None => open
                .get(roll(&mut rng, open.len() as u64) as usize)
                .copied(),
        };
        let Some(pick) = pick else { break };
        if Some(id) == cfg.vary {
            varied_option = Some(pick);
        }
        if game.choose(pick).is_err() {
            break;
        }
    }
    (game, varied_option)
}

fn result_of(
    s: &Scenario,
    game: &Game,
    history: &State,
    seed: u64,
    varied_option: Option<usize>,
) -> GameResult {
    let g = &game.state;
    // Keys in the scenario's noun: "armistice", "no_armistice" by default.
    let noun = s.agreement_noun().replace(' ', "_");
    let ending = match game.outcome() {
        Some(Outcome::Armistice) => noun,
        Some(Outcome::NoArmistice) | None => format!("no_{noun}"),
        Some(Outcome::Ended(reason)) => reason.clone(),
    };
    GameResult {
        seed,
        armistice: g.armistice.as_ref().map(|a| a.date),
        terms: g.armistice.as_ref().map(|a| a.terms.clone()),
        ending,
        cost_of_delay: s.cost_of_delay.map(|v| g.var(v)),
        divergence: divergence(s, game, history),
        varied_option,
    }
}

/// The debrief's divergence score ([`crate::compare::Divergence`]) of a finished or
/// unfinished game, computed against a precomputed historical state.
pub fn divergence(s: &Scenario, game: &Game, history: &State) -> u32 {
    crate::compare::Divergence::measure(s, game, history).total
}

/// How many games a configuration plays (vary mode: at least every option once).
pub fn run_count(s: &Scenario, cfg: &Config) -> usize {
    match cfg.vary.and_then(|v| s.timeline.get(v.0)?.as_decision()) {
        Some(d) => cfg.runs.max(d.options.len()),
        None => cfg.runs,
    }
}

/// Plays every game of an exploration, `done` counting the games finished, and
/// summarises them.
pub fn explore(
    s: &Arc<Scenario>,
    cfg: &Config,
    done: &AtomicUsize,
) -> Result<ExploreReport, ExploreError> {
    check(s, cfg)?;
    let history = crate::compare::historical_path(Arc::clone(s));
    let results = play_all(s, cfg, &history.state, done);
    Ok(ExploreReport::new(s, cfg, &history, &results))
}

/// Plays games `0..run_count` on `cfg.threads` threads; results by index.
pub fn play_all(
    s: &Arc<Scenario>,
    cfg: &Config,
    history: &State,
    done: &AtomicUsize,
) -> Vec<GameResult> {
    let n = run_count(s, cfg);
    let threads = match cfg.threads {
        0 => std::thread::available_parallelism().map_or(1, |t| t.get()),
        t => t,
    }
    .clamp(1, n.max(1));
    const CHUNK: usize = 64;
    let next = AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, GameResult)>> = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= n {
                            break;
                        }
                        for i in start..(start + CHUNK).min(n) {
                            mine.push((i, play_one(s, cfg, history, i)));
                            done.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(part) => parts.push(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    let mut all: Vec<(usize, GameResult)> = parts.into_iter().flatten().collect();
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests;
