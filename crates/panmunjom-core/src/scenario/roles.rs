//! Finding a playable role by the name a person types: its actor id or one of the
//! aliases the scenario declares for it (`soviet` for `ussr`), whatever the case.

use super::{ActorId, Scenario};

/// A name that is no playable role of the scenario; its text lists the roles there are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{name}` is not a playable role of scenario `{scenario}` (roles: {roles})")]
pub struct RoleError {
    pub name: String,
    pub scenario: String,
    /// The playable roles, each with its aliases: `un (also unc), ussr (also soviet)`.
    pub roles: String,
}

impl Scenario {
    /// The playable actor called `name`: its id, or one of its declared aliases, in
    /// any case. Only this scenario's own names are accepted and listed on error.
    pub fn role_by_name(&self, name: &str) -> Result<ActorId, RoleError> {
        let wanted = name.trim();
        let found = self.playable().find(|(_, a)| {
            a.id.eq_ignore_ascii_case(wanted)
                || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(wanted))
        });
        found.map(|(id, _)| id).ok_or_else(|| RoleError {
            name: name.to_string(),
            scenario: self.id.clone(),
            roles: self.role_names(),
        })
    }

    /// The playable roles as a person may name them: `un (also unc), ussr (also soviet)`.
    pub fn role_names(&self) -> String {
        self.playable()
            .map(|(_, a)| {
                if a.aliases.is_empty() {
                    a.id.clone()
                } else {
                    format!("{} (also {})", a.id, a.aliases.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
