//! The Explore screen: the what-if explorer run in the background, then its results as
//! labelled charts — how the games ended, when the armistice came, on what terms —
//! each way of playing the player's side beside the others and beside history.
//!
//! Reached with [`UiAction::OpenExplore`]; [`UiAction::RunExplore`] starts a run with
//! the settings in [`ExploreState`]. The games run on a std thread (which itself uses
//! every core); the window polls a shared counter and stays responsive. This file holds
//! the plugin and its state; `draw.rs` draws the screen, `charts.rs` the results.

mod charts;
mod draw;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::app::{LoadedScenario, Screen, UiAction};
use crate::engine::Policy;
use crate::explore::strategy::{Strategy, explore_strategies};
use crate::explore::{self, Config, ExploreReport};
use crate::scenario::Scenario;

/// One way of playing the player's side, and what came of it.
#[derive(Debug, Clone)]
pub struct StrategyRun {
    /// What the person reads: "Boulware", "Random decisions", …
    pub name: String,
    /// Games in which the side's own package was agreed at the table (None: a way of
    /// playing that does not table).
    pub agreed_at_table: Option<usize>,
    pub report: ExploreReport,
}

/// The ways of playing the screen offers: the explorer's proposal strategies (history's
/// option at every decision, the table played by the strategy), and random decisions
/// (the table passed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Table(Strategy),
    RandomDecisions,
}

impl Way {
    /// Every way, in the order the screen lists them.
    pub fn all() -> Vec<Way> {
        Strategy::ALL
            .into_iter()
            .map(Way::Table)
            .chain([Way::RandomDecisions])
            .collect()
    }

    /// Its name on screen.
    pub fn label(self) -> String {
        match self {
            Way::Table(Strategy::Historical) => "Historical proposals".into(),
            Way::Table(Strategy::Boulware) => "Boulware".into(),
            Way::Table(Strategy::Conceder) => "Conceder".into(),
            Way::Table(Strategy::TitForTat) => "Tit-for-tat".into(),
            Way::Table(Strategy::Random) => "Random packages".into(),
            Way::RandomDecisions => "Random decisions".into(),
        }
    }

    /// What it does, in a sentence (the checkbox's hover).
    pub fn explain(self) -> &'static str {
        match self {
            Way::Table(Strategy::Historical) => {
                "History's option at each decision; at the table, what history tabled."
            }
            Way::Table(Strategy::Boulware) => {
                "At the table, hardly concedes until the end (history's option at each decision)."
            }
            Way::Table(Strategy::Conceder) => {
                "At the table, concedes early (history's option at each decision)."
            }
            Way::Table(Strategy::TitForTat) => {
                "At the table, concedes move for move what the other side's last move gave (history's option at each decision)."
            }
            Way::Table(Strategy::Random) => {
                "At the table, a random package inside your limits (history's option at each decision)."
            }
            Way::RandomDecisions => "A random open option at each decision; the table is passed.",
        }
    }
}

/// The results of a finished run: the scenario they were played on (for its labels)
/// and one [`StrategyRun`] per strategy, in the order they were asked for.
#[derive(Debug, Clone)]
pub struct ExploreResults {
    pub scenario: Arc<Scenario>,
    pub runs: Vec<StrategyRun>,
}

/// A run in progress.
pub struct Job {
    pub done: Arc<AtomicUsize>,
    pub total: usize,
    pub handle: JoinHandle<Result<ExploreResults, String>>,
}

impl Job {
    /// Games finished so far.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed).min(self.total)
    }
}

/// The Explore screen's state.
#[derive(Resource, Default)]
pub struct ExploreState {
    /// Index into the scenario's playable roles.
    pub role: usize,
    /// Games per strategy.
    pub runs: usize,
    pub adaptive: bool,
    pub seed: u64,
    /// The ways of playing to run, side by side.
    pub ways: Vec<Way>,
    pub job: Option<Job>,
    pub results: Option<Result<ExploreResults, String>>,
}

impl ExploreState {
    /// Whether a run is under way.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }
}

pub struct ExplorePlugin;

impl Plugin for ExplorePlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(ExploreState {
            runs: 2000,
            seed: 1,
            ways: Way::all(),
            ..default()
        })
        .add_systems(Update, (handle_actions, poll))
        .add_systems(
            EguiPrimaryContextPass,
            draw::draw.run_if(in_state(Screen::Explore)),
        );
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    loaded: Res<LoadedScenario>,
    mut state: ResMut<ExploreState>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::OpenExplore => screen.set(Screen::Explore),
            UiAction::RunExplore if !state.running() => start(&mut state, &loaded),
            _ => {}
        }
    }
}

/// Collects a finished run.
fn poll(mut state: ResMut<ExploreState>) {
    if state.job.as_ref().is_some_and(|j| j.handle.is_finished())
        && let Some(job) = state.job.take()
    {
        state.results = Some(match job.handle.join() {
            Ok(r) => r,
            Err(_) => Err("the exploration stopped unexpectedly".to_string()),
        });
    }
}

/// The configuration of a run (every way of playing uses the same one).
fn config(role: crate::scenario::ActorId, state: &ExploreState) -> Config {
    Config {
        role,
        runs: state.runs,
        policy: if state.adaptive {
            Policy::Adaptive
        } else {
            Policy::Historical
        },
        seed: state.seed,
        vary: None,
        threads: 0,
    }
}

/// Plays one way's games (`done` counts them: game by game for random decisions, a
/// whole strategy at once for the others).
fn play_way(
    s: &Arc<Scenario>,
    cfg: &Config,
    way: Way,
    done: &AtomicUsize,
) -> Result<StrategyRun, String> {
    let name = way.label();
    match way {
        Way::RandomDecisions => Ok(StrategyRun {
            name,
            agreed_at_table: None,
            report: explore::explore(s, cfg, done).map_err(|e| e.to_string())?,
        }),
        Way::Table(strategy) => {
            let mut all = explore_strategies(s, cfg, &[strategy]).strategies;
            done.fetch_add(cfg.runs, Ordering::Relaxed);
            let one = all.pop().ok_or("the explorer returned no report")?;
            Ok(StrategyRun {
                name,
                agreed_at_table: Some(one.agreed_at_table),
                report: one.report,
            })
        }
    }
}

fn start(state: &mut ExploreState, loaded: &LoadedScenario) {
    let s = Arc::clone(&loaded.scenario);
    let Some((role, _)) = s.playable().nth(state.role) else {
        return;
    };
    if state.ways.is_empty() {
        state.results = Some(Err("Choose at least one way of playing.".into()));
        return;
    }
    let cfg = config(role, state);
    let ways = state.ways.clone();
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    let total = explore::run_count(&s, &cfg) * ways.len();
    let handle = std::thread::spawn(move || {
        let runs = ways
            .into_iter()
            .map(|way| play_way(&s, &cfg, way, &counter))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ExploreResults { scenario: s, runs })
    });
    state.results = None;
    state.job = Some(Job {
        done,
        total,
        handle,
    });
}
