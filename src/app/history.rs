//! The historical path of a scenario, played once and shared by Play, Replay and Debrief.

use std::sync::Arc;

use bevy::prelude::*;

use crate::compare::historical_path;
use crate::engine::{Game, Happening};
use crate::replay::{ReplayStep, steps};
use crate::scenario::Scenario;

/// The historical path of one scenario: the game every side plays historically, its
/// replay steps, and for each step the index of its line in the game's log.
#[derive(Debug)]
pub struct History {
    pub game: Game,
    pub steps: Vec<ReplayStep>,
    /// `step_log[k]`: the log index of step `k` (the state right after it).
    pub step_log: Vec<usize>,
}

impl History {
    pub fn new(scenario: Arc<Scenario>) -> Self {
        let game = historical_path(scenario);
        let steps = steps(&game, None);
        // `replay::steps` keeps every log line but the events that did not fire and the
        // decisions that did not arise (and an armistice line only with an armistice).
        let mut step_log: Vec<usize> = game
            .log
            .iter()
            .enumerate()
            .filter(|(_, l)| match l.happening {
                Happening::Missed(_) | Happening::NotArisen(_) => false,
                Happening::Armistice => game.state.armistice.is_some(),
                _ => true,
            })
            .map(|(i, _)| i)
            .collect();
        if step_log.len() != steps.len() {
            // Fall back on dates: the last log line on or before each step's date.
            step_log = steps
                .iter()
                .map(|st| {
                    game.log
                        .partition_point(|l| l.date <= st.date)
                        .saturating_sub(1)
                })
                .collect();
        }
        History {
            game,
            steps,
            step_log,
        }
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.game.scenario
    }
}

/// A cache of the historical path for the scenario being shown.
#[derive(Resource, Debug, Default)]
pub struct HistoricalPath(Option<Arc<History>>);

impl HistoricalPath {
    /// The historical path of `scenario`, computed the first time it is asked for.
    pub fn of(&mut self, scenario: &Arc<Scenario>) -> Arc<History> {
        match &self.0 {
            Some(h) if Arc::ptr_eq(h.scenario(), scenario) => Arc::clone(h),
            _ => {
                let h = Arc::new(History::new(Arc::clone(scenario)));
                self.0 = Some(Arc::clone(&h));
                h
            }
        }
    }
}

/// Shares the [`HistoricalPath`] cache between the screens.
pub struct HistoryPlugin;

impl Plugin for HistoryPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<HistoricalPath>();
    }
}
