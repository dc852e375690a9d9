//! Game records: the few facts that fully determine a game, saved as JSON.
//!
//! A record names the scenario (id and content hash), the role, the policy of the
//! other sides, the seed and the player's choices by id. Replaying it through the
//! engine reproduces the game exactly. Records are written atomically, so a failed
//! save never destroys an earlier one.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::{Game, Policy, Progress, Setup};
use crate::scenario::{LoadError, Scenario, error::Place};

/// The value of the `format` field of every record.
pub const FORMAT: &str = "panmunjom-record";
/// The record layout version this build writes and reads.
pub const VERSION: u32 = 1;

/// A saved game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub version: u32,
    pub scenario: ScenarioRef,
    /// Actor id of the role the player took.
    pub role: String,
    pub policy: Policy,
    pub seed: u64,
    pub choices: Vec<ChoiceRef>,
}

/// Which scenario a record was played on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRef {
    pub id: String,
    /// SHA-256 of the scenario file's text.
    pub hash: String,
}

/// One choice of the player, by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceRef {
    pub decision: String,
    pub option: String,
}

impl Record {
    /// The record of a game (finished or not).
    pub fn of(game: &Game) -> Record {
        let s = &game.scenario;
        Record {
            format: FORMAT.to_string(),
            version: VERSION,
            scenario: ScenarioRef {
                id: s.id.clone(),
                hash: s.hash.clone(),
            },
            role: s.actor(game.setup.role).id.clone(),
            policy: game.setup.policy,
            seed: game.setup.seed,
            choices: game
                .choices
                .iter()
                .map(|&(entry, option)| {
                    let d = s.entry(entry).as_decision().expect("choices are decisions");
                    ChoiceRef {
                        decision: d.id.clone(),
                        option: d.options[option].id.clone(),
                    }
                })
                .collect(),
        }
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a record always serializes");
        text.push('\n');
        text
    }

    /// Parses a record's JSON text; `origin` names the file in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Record, LoadError> {
        let record: Record = serde_json::from_str(text).map_err(|e| LoadError {
            file: origin.to_string(),
            problems: vec![crate::scenario::Problem {
                place: Place::LineCol(e.line().max(1), e.column().max(1)),
                message: e.to_string(),
            }],
            text: Some(text.to_string()),
        })?;
        if record.format != FORMAT {
            return Err(LoadError::single(
                origin,
                item("format"),
                format!(
                    "this is not a game record: format is `{}`, expected `{FORMAT}`",
                    record.format
                ),
            ));
        }
        if record.version != VERSION {
            return Err(LoadError::single(
                origin,
                item("version"),
                format!(
                    "record version {} is not supported (this build reads version {VERSION})",
                    record.version
                ),
            ));
        }
        Ok(record)
    }

    /// Reads a record file.
    pub fn read(path: &Path) -> Result<Record, LoadError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            LoadError::single(&origin, Place::File, format!("cannot read the record: {e}"))
        })?;
        Record::parse(&origin, &text)
    }

    /// Writes the record atomically: to a temporary file beside it, then renamed over.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "record".to_string());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        std::fs::write(&tmp, self.to_json())?;
        std::fs::rename(&tmp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    /// Replays the record on `scenario`, reproducing the game. The scenario must be the
    /// one the record names (same id and hash). A record whose choices stop early gives
    /// an unfinished game, waiting at the next decision.
    pub fn replay(&self, origin: &str, scenario: Arc<Scenario>) -> Result<Game, LoadError> {
        if self.scenario.id != scenario.id {
            return Err(LoadError::single(
                origin,
                item("scenario.id"),
                format!(
                    "the record was played on scenario `{}`, not `{}` ({}); pass the scenario file it was played on with --scenario",
                    self.scenario.id, scenario.id, scenario.origin
                ),
            ));
        }
        if self.scenario.hash != scenario.hash {
            return Err(LoadError::single(
                origin,
                item("scenario.hash"),
                format!(
                    "the record was played on another version of scenario `{}` (hash {}…, but {} has {}…); pass the scenario file it was played on with --scenario",
                    scenario.id,
                    short(&self.scenario.hash),
                    scenario.origin,
                    short(&scenario.hash)
                ),
            ));
        }
        let role = scenario
            .actor_by_id(&self.role)
            .filter(|&a| scenario.actor(a).playable)
            .ok_or_else(|| {
                LoadError::single(
                    origin,
                    item("role"),
                    format!(
                        "`{}` is not a playable role of scenario `{}`",
                        self.role, scenario.id
                    ),
                )
            })?;
        let mut game = Game::new(
            scenario,
            Setup {
                role,
                policy: self.policy,
                seed: self.seed,
            },
        );
        let mut choices = self.choices.iter().enumerate();
        while let Progress::AwaitingChoice(id) = game.advance() {
            let Some((n, choice)) = choices.next() else {
                return Ok(game);
            };
            let scenario = Arc::clone(&game.scenario);
            let d = scenario
                .entry(id)
                .as_decision()
                .expect("pending is a decision");
            if choice.decision != d.id {
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "decision"),
                    format!(
                        "the game reached decision `{}` but the record has `{}` here: the record does not fit this scenario",
                        d.id, choice.decision
                    ),
                ));
            }
            let Some(option) = d.options.iter().position(|o| o.id == choice.option) else {
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "option"),
                    format!("decision `{}` has no option `{}`", d.id, choice.option),
                ));
            };
            if let Err(e) = game.choose(option) {
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "option"),
                    format!("option `{}` of `{}`: {e}", choice.option, d.id),
                ));
            }
        }
        if let Some((n, _)) = choices.next() {
            return Err(LoadError::single(
                origin,
                choice_place(n, "decision"),
                format!(
                    "the game ended after {n} choices but the record has {}",
                    self.choices.len()
                ),
            ));
        }
        Ok(game)
    }
}

/// The place of the `n`th (0-based) choice of a record.
fn choice_place(n: usize, field: &str) -> Place {
    Place::Item {
        kind: "record".into(),
        id: format!("choice {}", n + 1),
        field: field.into(),
    }
}

fn item(field: &str) -> Place {
    Place::Item {
        kind: "record".into(),
        id: "record".into(),
        field: field.into(),
    }
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}
