//! The bargaining analysis of a game, for the debrief.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::Game;

/// The bargaining analysis of a game: where it ended, and when its zone opened.
#[derive(Debug, Clone, Serialize)]
pub struct GameBargaining {
    pub analysis: crate::bargain::BargainView,
    pub timeline: crate::bargain::view::TimelineView,
    /// When the zone opened on the historical path.
    pub history_opened: Option<NaiveDate>,
}

impl GameBargaining {
    /// The analysis of `game`'s present state, with the game's own deal when it has
    /// one (its armistice terms, every issue agreed).
    pub fn new(game: &Game) -> Option<GameBargaining> {
        use crate::bargain;
        let s = &game.scenario;
        let a = bargain::analyze(s, &game.state).ok()?;
        let mut analysis = bargain::BargainView::new(s, &a, game.state.date);
        analysis.game = game
            .state
            .armistice
            .as_ref()
            .and_then(|arm| bargain::deal_of(&arm.terms))
            .map(|d| bargain::view::deal_view(s, &a, "the terms of your armistice", &d));
        let t = bargain::timeline::timeline_of(game);
        let h = bargain::timeline(
            Arc::clone(&game.scenario),
            bargain::timeline::historical_setup(s),
            None,
        );
        Some(GameBargaining {
            analysis,
            timeline: bargain::view::TimelineView::new(s, &t),
            history_opened: h.opened,
        })
    }
}
