//! `SimulationPlugin`: the engine wrapped for Bevy — a resource, messages and states.
//!
//! Write [`NewGame`] to start, [`Advance`] to move the game on (one step, or until the
//! player must choose or sits at the table), [`Choose`] to answer a decision, [`AtTable`]
//! to move at the table (table a package, accept or reject an offer, pass). The game lives in the
//! [`CurrentGame`] resource; [`SimState`] says where it stands. The plugin draws
//! nothing, so it runs on `MinimalPlugins` (plus `StatesPlugin`) in tests.

// User data never panics: no `unwrap`/`expect` (tests aside).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bevy::prelude::*;

use crate::engine::{Game, Progress, Seat, Setup, Terms};
use crate::scenario::{ProposalId, Scenario};

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
    /// The player sits at a meeting: table, accept, reject, or pass.
    AtTable,
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
    /// More people at this screen (hot-seat): their roles besides the setup's (empty:
    /// one person plays). A game with several people starts at the first one's turn.
    pub seats: Vec<Seat>,
}

/// Move the game on.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// Process one timeline entry.
    Step,
    /// Process entries until the player must choose, sits at the table, or the game
    /// ends.
    UntilChoice,
}

/// The player takes this option (index into the pending decision's options).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choose(pub usize);

/// A move at the table (the game must be at a meeting).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum AtTable {
    /// Table a package: one entry per issue, `None` where it is left open.
    Table(Terms),
    /// Table this historical proposal of the player's side, as history did.
    Historical(ProposalId),
    /// Accept / reject the offer at this index of the table's history.
    Accept(usize),
    Reject(usize),
    /// Leave the meeting (the game goes on with [`Advance`]).
    Pass,
}

/// Sent when a choice or a move at the table was refused (not waiting, option closed,
/// terms beyond the side's own limit…), with the reason.
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
            .add_message::<AtTable>()
            .add_message::<ChoiceRefused>()
            .configure_sets(
                Update,
                (SimSet::Start, SimSet::Choose, SimSet::Advance).chain(),
            )
            .add_systems(Update, start_game.in_set(SimSet::Start))
            .add_systems(Update, (choose, table).chain().in_set(SimSet::Choose))
            .add_systems(Update, advance.in_set(SimSet::Advance));
    }
}

fn state_of(progress: Progress) -> SimState {
    match progress {
        Progress::Advanced => SimState::Running,
        Progress::AwaitingChoice(_) => SimState::AwaitingChoice,
        Progress::Finished => SimState::Finished,
        Progress::AtTable(_) => SimState::AtTable,
    }
}

/// Where a game stands now (after a move, or when loaded).
pub fn state_now(game: &Game) -> SimState {
    if game.is_finished() {
        SimState::Finished
    } else if game.pending().is_some() {
        SimState::AwaitingChoice
    } else if game.at_table().is_some() {
        SimState::AtTable
    } else {
        SimState::Running
    }
}

fn start_game(
    mut commands: Commands,
    mut messages: MessageReader<NewGame>,
    mut next: ResMut<NextState<SimState>>,
) {
    if let Some(m) = messages.read().last() {
        let mut game =
            Game::new(Arc::clone(&m.scenario), m.setup.clone()).with_seats(m.seats.clone());
        let state = if game.seats().len() > 1 {
            // Hot-seat: run to the first person's turn, so that the curtain can name
            // the delegation that starts.
            state_of(game.advance())
        } else {
            SimState::Running
        };
        commands.insert_resource(CurrentGame::new(game));
        next.set(state);
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
            Advance::Step => game.0.step(),
            Advance::UntilChoice => game.0.advance(),
        };
        next.set(state_of(progress));
    }
}

fn table(
    mut messages: MessageReader<AtTable>,
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
    for m in messages.read() {
        let g = &mut game.0;
        let done = match m {
            AtTable::Table(terms) => g.table(terms.clone()).map(|_| ()),
            AtTable::Historical(p) => g.table_historical(*p).map(|_| ()),
            AtTable::Accept(i) => g.accept(*i),
            AtTable::Reject(i) => g.reject(*i),
            AtTable::Pass => g.pass(),
        };
        match done {
            Ok(()) => next.set(state_now(g)),
            Err(e) => {
                refused.write(ChoiceRefused(e.to_string()));
            }
        }
    }
}
