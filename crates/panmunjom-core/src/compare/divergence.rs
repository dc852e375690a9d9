//! The divergence score: how far a game is from the historical path, counted once for
//! the debrief and the explorer alike.

use serde::Serialize;

use crate::engine::{Game, State};
use crate::scenario::{Entry, Scenario};

/// The divergence score: how far a game is from the historical path.
///
/// `total = decisions + events + terms + weeks`, where
/// - `decisions`: decisions (any side) taken differently from history or not arisen;
/// - `events`: events that fired in one and not the other (historical events that did
///   not happen, counterfactual events that did);
/// - `terms`: issues on which the armistice's terms differ from the historical terms
///   (every issue when there is no armistice);
/// - `weeks`: whole weeks between the armistice date and the historical one; without
///   an armistice, from the historical date to the date the game ended.
///
/// Only the part of the timeline the game has reached counts; `terms` and `weeks`
/// count once the game is over. Zero means the game is the historical path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Divergence {
    pub decisions: u32,
    pub events: u32,
    pub terms: u32,
    pub weeks: u32,
    pub total: u32,
}

impl Divergence {
    /// The score of `game` (finished or not) against `history`, the end state of the
    /// scenario's historical path.
    pub fn measure(s: &Scenario, game: &Game, history: &State) -> Divergence {
        let g = &game.state;
        let reached = game.cursor().min(s.timeline.len());
        let mut div = Divergence::default();
        for (i, entry) in s.timeline.iter().enumerate().take(reached) {
            match entry {
                Entry::Event(_) => div.events += u32::from(g.fired[i] != history.fired[i]),
                Entry::Decision(_) => {
                    div.decisions += u32::from(g.chosen[i] != history.chosen[i]);
                }
            }
        }
        if game.is_finished() {
            let terms = g.armistice.as_ref().map(|a| &a.terms);
            div.terms = s
                .armistice
                .historical_terms
                .iter()
                .enumerate()
                .filter(|&(i, &h)| terms.and_then(|t| t[i]) != Some(h))
                .count() as u32;
            let end = g.armistice.as_ref().map_or(g.date, |a| a.date);
            div.weeks = ((end - s.armistice.historical_date)
                .num_days()
                .unsigned_abs()
                / 7) as u32;
        }
        div.total = div.decisions + div.events + div.terms + div.weeks;
        div
    }
}
