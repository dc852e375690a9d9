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
    /// (its seat), proposals at the sessions it sits at, the armistice. Other sides' decisions (another person's included),
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
            // A proposal reaches the sides seated at its session (and its author).
            Happening::Tabled(i) => self
                .table_history()
                .get(*i)
                .is_some_and(|t| t.author == role || s.session(t.session).seated.contains(&role)),
            Happening::Decided { .. }
            | Happening::Missed(_)
            | Happening::NotArisen(_)
            | Happening::End(_) => false,
        }
    }
}
