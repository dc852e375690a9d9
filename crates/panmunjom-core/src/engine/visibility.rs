//! What a side knows: which lines of a game's log reach the player's role. The one
//! rule the terminal and the window both show by.

use super::{Decider, Game, Happening, LogEntry};

impl Game {
    /// Whether the player's side learns of `line`: events public or known at once to
    /// it, intelligence reports delivered to it, its own decisions, proposals at the sessions it sits at, the armistice.
    /// Other sides' decisions, events it does not see and bookkeeping lines are hidden.
    pub fn player_sees(&self, line: &LogEntry) -> bool {
        let role = self.setup.role;
        let s = &*self.scenario;
        match &line.happening {
            Happening::Fired(id) => s
                .entry(*id)
                .as_event()
                .is_some_and(|e| e.visibility.known_at_once_to(role)),
            Happening::Report { to, .. } => *to == role,
            Happening::Decided {
                by: Decider::Player,
                ..
            } => true,
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
