//! What a side knows: which lines of a game's log reach a role. The one rule the
//! terminal, the window and the per-role view ([`super::view`]) all show by.

use super::{Decider, Game, Happening, LogEntry};
use crate::scenario::ActorId;

impl Game {
    /// Whether the player's side (the setup's role) learns of `line`; see
    /// [`Game::sees`].
    pub fn player_sees(&self, line: &LogEntry) -> bool {
        self.sees(self.setup.role, line)
    }

    /// Whether the side of `role` learns of `line`: events public or known at once to
    /// it, intelligence reports delivered to it, its own decisions taken by a person
    /// (its seat), the armistice. Other sides' decisions (another person's included),
    /// events it does not see and bookkeeping lines are hidden.
    pub fn sees(&self, role: ActorId, line: &LogEntry) -> bool {
        let s = &*self.scenario;
        match &line.happening {
            Happening::Fired(id) => s
                .entry(*id)
                .as_event()
                .is_some_and(|e| e.visibility.known_at_once_to(role)),
            Happening::Report { to, .. } => *to == role,
            Happening::Decided {
                entry,
                by: Decider::Player,
                ..
            } => s
                .entry(*entry)
                .as_decision()
                .is_some_and(|d| d.role == role),
            Happening::Armistice => true,
            Happening::Decided { .. }
            | Happening::Missed(_)
            | Happening::NotArisen(_)
            | Happening::End(_) => false,
        }
    }
}
