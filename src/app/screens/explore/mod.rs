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
use crate::explore::{self, Config, ExploreReport};
use crate::scenario::Scenario;

/// One way of playing the player's side, and what came of it.
#[derive(Debug, Clone)]
pub struct StrategyRun {
    /// What the person reads: "Random choices", "Boulware", …
    pub name: String,
    pub report: ExploreReport,
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

/// The strategies a run plays, each with its configuration.
fn strategies(role: crate::scenario::ActorId, state: &ExploreState) -> Vec<(String, Config)> {
    let policy = if state.adaptive {
        Policy::Adaptive
    } else {
        Policy::Historical
    };
    vec![(
        "Random choices".to_string(),
        Config {
            role,
            runs: state.runs,
            policy,
            seed: state.seed,
            vary: None,
            threads: 0,
        },
    )]
}

fn start(state: &mut ExploreState, loaded: &LoadedScenario) {
    let s = Arc::clone(&loaded.scenario);
    let Some((role, _)) = s.playable().nth(state.role) else {
        return;
    };
    let plan = strategies(role, state);
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    let total = plan
        .iter()
        .map(|(_, cfg)| explore::run_count(&s, cfg))
        .sum();
    let handle = std::thread::spawn(move || {
        let mut runs = Vec::with_capacity(plan.len());
        for (name, cfg) in plan {
            let report = explore::explore(&s, &cfg, &counter).map_err(|e| e.to_string())?;
            runs.push(StrategyRun { name, report });
        }
        Ok(ExploreResults { scenario: s, runs })
    });
    state.results = None;
    state.job = Some(Job {
        done,
        total,
        handle,
    });
}
