//! The divergence score: how far a game is from the historical path, counted once for
//! the debrief and the explorer alike.

use serde::Serialize;

use crate::engine::{Game, State};
use crate::scenario::{Entry, IssueId, Scenario};

/// The divergence score: how far a game is from the historical path.
///
/// `total = decisions + events + terms + weeks`, where
/// - `decisions`: decisions (any side) unlike history, in two kinds kept apart:
///   `decided_differently` (the decision came up and another option was taken, or a
///   decision history never faced came up) and `not_arisen` (history's decision never
///   came up in the game: the game had gone elsewhere);
/// - `events`: events that fired in one and not the other (historical events that did
///   not happen, counterfactual events that did);
/// - `terms`: issues on which the agreement's terms differ from the historical terms
///   (every issue when only one of the game and history reached an agreement);
/// - `weeks`: whole weeks between the game's agreement and the historical one; when
///   only history reached one, from its date to the date the game ended; when only the
///   game reached one, from the date history's talks ended to the game's agreement.
///   When neither reached an agreement, `terms` and `weeks` are both 0.
///
/// Only the part of the timeline the game has reached counts; `terms` and `weeks`
/// count once the game is over. Zero means the game is the historical path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Divergence {
    pub decisions: u32,
    /// Of `decisions`: taken with another option than history's (or not faced in history).
    pub decided_differently: u32,
    /// Of `decisions`: history's decision did not arise in the game.
    pub not_arisen: u32,
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
                Entry::Decision(_) => match (g.chosen[i], history.chosen[i]) {
                    (a, b) if a == b => {}
                    (None, Some(_)) => div.not_arisen += 1,
                    _ => div.decided_differently += 1,
                },
            }
        }
        if game.is_finished() {
            let terms = g.armistice.as_ref().map(|a| &a.terms);
            let history_agreed = s.armistice.agreed_in_history();
            if g.armistice.is_none() && !history_agreed {
                // No agreement, as in history: nothing to set terms or dates against.
                div.terms = 0;
                div.weeks = 0;
            } else {
                div.terms = (0..s.issues.len())
                    .filter(|&i| {
                        let h = s.armistice.historical_term(IssueId(i));
                        h.is_none() || terms.and_then(|t| t[i]) != h
                    })
                    .count() as u32;
                let end = g.armistice.as_ref().map_or(g.date, |a| a.date);
                div.weeks = ((end - s.armistice.historical_date)
                    .num_days()
                    .unsigned_abs()
                    / 7) as u32;
            }
        }
        div.decisions = div.decided_differently + div.not_arisen;
        div.total = div.decisions + div.events + div.terms + div.weeks;
        div
    }

    /// "decisions 3 (2 decided differently, 1 did not arise)", or "decisions 0".
    pub fn decisions_text(&self) -> String {
        if self.decisions == 0 {
            return "decisions 0".to_string();
        }
        format!(
            "decisions {} ({} decided differently, {} did not arise)",
            self.decisions, self.decided_differently, self.not_arisen
        )
    }

    /// "decisions 3 (2 decided differently, 1 did not arise) + events 4 + terms 1 +
    /// weeks 2": the score's parts in words.
    pub fn parts_text(&self) -> String {
        format!(
            "{} + events {} + terms {} + weeks {}",
            self.decisions_text(),
            self.events,
            self.terms,
            self.weeks
        )
    }
}
