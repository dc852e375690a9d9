//! The seam between the server and the engine's seats (`engine::seats`, `engine::view`):
//! which roles people play at a table, whose turn it is, a seat's move turned into the
//! engine's [`Move`] and applied, and what one role knows. Everything the network layer
//! asks of the engine goes through these few functions.

use std::sync::Arc;

use crate::engine::seats::{Move, Seat};
use crate::engine::{Game, Policy, Progress, RoleView, Setup, Terms};
use crate::scenario::{ActorId, ProposalId, Scenario};

use super::protocol::SeatAction;

/// A new game of `scenario` with every playable role seated (played by people), on
/// `seed`; run on to the first turn.
pub fn new_game(scenario: Arc<Scenario>, seed: u64) -> Result<Game, String> {
    let roles: Vec<ActorId> = (0..scenario.actors.len())
        .map(ActorId)
        .filter(|&a| scenario.actor(a).playable)
        .collect();
    let first = *roles
        .first()
        .ok_or_else(|| format!("scenario `{}` has no playable role", scenario.id))?;
    let mut game = Game::new(
        scenario,
        Setup {
            role: first,
            policy: Policy::Historical,
            seed,
        },
    )
    .with_seats(roles.into_iter().map(|role| Seat { role, name: None }));
    advance(&mut game);
    Ok(game)
}

/// The roles people play at this table, in the scenario's actor order.
pub fn human_roles(game: &Game) -> Vec<ActorId> {
    game.seats().iter().map(|s| s.role).collect()
}

/// The role that must act now, if the game waits for one (None: finished).
pub fn to_act(game: &Game) -> Option<ActorId> {
    game.turn()
}

/// Runs the game on until a person must act or it ends (the only place a served game
/// advances).
pub fn advance(game: &mut Game) {
    let _: Progress = game.advance();
}

/// Applies `role`'s move, or says why not (nothing is applied then); then runs the game
/// on to the next turn.
pub fn apply(game: &mut Game, role: ActorId, action: &SeatAction) -> Result<(), String> {
    if game.is_finished() {
        return Err("the game is over".into());
    }
    let s = Arc::clone(&game.scenario);
    let mv = match action {
        SeatAction::Choose(n) => Move::Choose(*n),
        SeatAction::Pass => Move::Pass,
        SeatAction::Accept(i) => Move::Accept(*i),
        SeatAction::Reject(i) => Move::Reject(*i),
        SeatAction::TableHistorical(id) => match s.proposals.iter().position(|p| &p.id == id) {
            Some(p) => Move::Historical(ProposalId(p)),
            None => return Err(format!("there is no proposal `{id}`")),
        },
        SeatAction::TableOffer(pairs) => Move::Table(offer_terms(&s, pairs)?),
    };
    game.act(role, mv).map_err(|e| match e {
        crate::engine::seats::ActError::NotYourTurn { turn, .. } => format!(
            "it is not your turn (the game waits for {})",
            turn.map_or("nobody".to_string(), |t| s.actor(t).name.clone())
        ),
        other => other.to_string(),
    })?;
    advance(game);
    Ok(())
}

fn offer_terms(s: &Scenario, pairs: &[(String, String)]) -> Result<Terms, String> {
    let text = pairs
        .iter()
        .map(|(i, p)| format!("{i}={p}"))
        .collect::<Vec<_>>()
        .join(",");
    crate::engine::table::parse_terms(s, &text)
}

/// The moves the table has seen: every seat's choice, move at the table and pass (the
/// same count after a resume from the record, whose replay passes the same turns).
pub fn moves(game: &Game) -> u32 {
    (game.choices.len() + game.table_moves().len()) as u32 + game.passes()
}

/// What `role` knows now (the engine's per-role view; nothing else is sent).
pub fn knows(game: &Game, role: ActorId) -> RoleView {
    game.view(role)
}

/// `role`'s own limits, per issue (None: the side has none on that issue).
pub fn own_limits(game: &Game, role: ActorId) -> Vec<Option<crate::scenario::PosId>> {
    game.view(role).limits
}
