//! `SimulationPlugin`: the engine wrapped for Bevy — a resource, messages and states.
//!
//! Write [`NewGame`] to start, [`Advance`] to move the game on (one step, or until the
//! player must choose), [`Choose`] to answer a decision. The game lives in the
//! [`CurrentGame`] resource; [`SimState`] says where it stands. The plugin draws
//! nothing, so it runs on `MinimalPlugins` (plus `StatesPlugin`) in tests.

// User data never panics: no `unwrap`/`expect` (tests aside).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bevy::prelude::*;

use crate::engine::{Game, Progress, Setup};
use crate::scenario::Scenario;

/// Where the simulation stands.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SimState {
    /// No game yet.
    #[default]
    Idle,
    /// A game is running and can be advanced.
    Running,
    /// The player must choose at a decision.
    AwaitingChoice,
    /// The game is over.
    Finished,
}

/// The game being played, with its [`GameNumber`]. Made with [`CurrentGame::new`],
/// which numbers it.
#[derive(Resource, Debug, Clone)]
pub struct CurrentGame(pub Game, GameNumber);

/// Which game this is: every [`CurrentGame::new`] (a new game, a save continued) takes
/// the next number, never used before in this process. Views that cache what they
/// computed of a game (the play view, the debrief) key it on this number, so a new game
/// never shows an earlier one's state, even with the same setup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GameNumber(u64);

impl CurrentGame {
    /// Wraps `game` with a new [`GameNumber`].
    pub fn new(game: Game) -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        CurrentGame(game, GameNumber(NEXT.fetch_add(1, Ordering::Relaxed)))
    }

    /// This game's number.
    pub fn number(&self) -> GameNumber {
        self.1
    }
}

/// Start a new game (replacing any current one).
#[derive(Message, Debug, Clone)]
pub struct NewGame {
    pub scenario: Arc<Scenario>,
    pub setup: Setup,
}

/// Move the game on.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// Process one timeline entry.
    Step,
    /// Process entries until the player must choose or the game ends.
    UntilChoice,
}

/// The player takes this option (index into the pending decision's options).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choose(pub usize);

/// Sent when a choice was refused (not waiting, or option closed), with the reason.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct ChoiceRefused(pub String);

/// The order of the simulation's systems within `Update`.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum SimSet {
    Start,
    Choose,
    Advance,
}

pub struct SimulationPlugin;

impl Plugin for SimulationPlugin {
    fn build(&self, app: &mut App) {
        app.init_state::<SimState>()
            .add_message::<NewGame>()
            .add_message::<Advance>()
            .add_message::<Choose>()
            .add_message::<ChoiceRefused>()
            .configure_sets(
                Update,
                (SimSet::Start, SimSet::Choose, SimSet::Advance).chain(),
            )
            .add_systems(Update, start_game.in_set(SimSet::Start))
            .add_systems(Update, choose.in_set(SimSet::Choose))
            .add_systems(Update, advance.in_set(SimSet::Advance));
    }
}

fn state_of(progress: Progress) -> SimState {
    match progress {
        Progress::Advanced => SimState::Running,
        Progress::AwaitingChoice(_) => SimState::AwaitingChoice,
        Progress::Finished => SimState::Finished,
        // The window passes every meeting until it has a table panel.
        Progress::AtTable(_) => SimState::Running,
    }
}

fn start_game(
    mut commands: Commands,
    mut messages: MessageReader<NewGame>,
    mut next: ResMut<NextState<SimState>>,
) {
    if let Some(m) = messages.read().last() {
        commands.insert_resource(CurrentGame::new(Game::new(
            Arc::clone(&m.scenario),
            m.setup.clone(),
        )));
        next.set(SimState::Running);
    }
}

fn choose(
    mut messages: MessageReader<Choose>,
    game: Option<ResMut<CurrentGame>>,
    mut refused: MessageWriter<ChoiceRefused>,
    mut next: ResMut<NextState<SimState>>,
) {
    let Some(mut game) = game else {
        for _ in messages.read() {
            refused.write(ChoiceRefused("no game is running".into()));
        }
        return;
    };
    for Choose(option) in messages.read() {
        match game.0.choose(*option) {
            Ok(()) => next.set(if game.0.is_finished() {
                SimState::Finished
            } else {
                SimState::Running
            }),
            Err(e) => {
                refused.write(ChoiceRefused(e.to_string()));
            }
        }
    }
}

fn advance(
    mut messages: MessageReader<Advance>,
    game: Option<ResMut<CurrentGame>>,
    mut next: ResMut<NextState<SimState>>,
) {
    let Some(mut game) = game else {
        messages.clear();
        return;
    };
    for m in messages.read() {
        let progress = match m {
            Advance::Step => match game.0.step() {
                Progress::AtTable(_) => {
                    let _ = game.0.pass();
                    Progress::Advanced
                }
                other => other,
            },
            Advance::UntilChoice => game.0.advance_passing(),
        };
        next.set(state_of(progress));
    }
}
