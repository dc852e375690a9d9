//! Saved games: save the current game as a record (Ctrl+S, the menu, the play screen),
//! list the saves on the start screen, continue one.
//!
//! A save is a game record (`record.rs`) in `DataDir/saves/`. Each game gets its own
//! file the first time it is saved (`fsio::write_new`: a name made safe, never an existing
//! file); later saves of the same game replace it atomically (`fsio::write_atomic`), so
//! a failed save never destroys the last good one. Broken, truncated or foreign files
//! are listed with their error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy::prelude::*;
use chrono::{DateTime, NaiveDate, Utc};

use crate::app::overlays::toast::Toasts;
use crate::app::scenarios::ScenarioFiles;
use crate::app::{DataDir, LoadedScenario, Screen, UiAction};
use crate::engine::{Game, Outcome};
use crate::fsio;
use crate::record::Record;
use crate::scenario::Scenario;
use crate::sim::{CurrentGame, NewGame, SimState};

/// What the start screen shows of a good save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveSummary {
    pub role: String,
    pub scenario: String,
    /// The game's date when it was saved.
    pub date: NaiveDate,
    /// Decisions the player has taken.
    pub decisions: usize,
    /// "in progress", "armistice signed 27 July 1953", …
    pub status: String,
    pub finished: bool,
}

/// One file of the saves folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveEntry {
    pub path: PathBuf,
    /// When the file was last written.
    pub saved: Option<DateTime<Utc>>,
    /// The summary, or what is wrong with the file.
    pub summary: Result<SaveSummary, String>,
}

/// The saved games, newest first (read when the start screen opens, after a save, and
/// on [`UiAction::RefreshSaves`]).
#[derive(Resource, Debug, Default, Clone)]
pub struct SaveList(pub Vec<SaveEntry>);

/// The player's or group's name, written into every record saved (typed on the start
/// screen; a continued save keeps its own). Empty: none.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct PlayerName(pub String);

/// The file the current game is saved to (`None` until its first save).
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct SaveSlot(pub Option<PathBuf>);

pub struct SavesPlugin;

impl Plugin for SavesPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<SaveList>()
            .init_resource::<SaveSlot>()
            .init_resource::<PlayerName>()
            .add_systems(
                OnEnter(Screen::Start),
                refresh.after(crate::app::scenarios::scan),
            )
            .add_systems(Update, (new_game_gets_new_slot, handle_actions).chain());
    }
}

/// A new game is saved to a new file.
fn new_game_gets_new_slot(mut new_games: MessageReader<NewGame>, mut slot: ResMut<SaveSlot>) {
    if new_games.read().count() > 0 {
        slot.0 = None;
    }
}

#[allow(clippy::too_many_arguments)]
fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut commands: Commands,
    game: Option<Res<CurrentGame>>,
    dir: Res<DataDir>,
    files: Res<ScenarioFiles>,
    mut loaded: ResMut<LoadedScenario>,
    mut slot: ResMut<SaveSlot>,
    mut name: ResMut<PlayerName>,
    mut list: ResMut<SaveList>,
    mut toasts: ResMut<Toasts>,
    mut sim: ResMut<NextState<SimState>>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::Save => {
                let Some(game) = &game else {
                    toasts.error("There is no game to save yet.");
                    continue;
                };
                match save(&game.0, &name.0, &dir.saves(), slot.0.as_deref()) {
                    Ok(path) => {
                        toasts.ok(format!("Saved to {}", path.display()));
                        slot.0 = Some(path);
                        list.0 = list_saves(&dir.saves(), &known(&files, &loaded));
                    }
                    Err(e) => toasts.error(format!("Could not save: {e}")),
                }
            }
            UiAction::ContinueSave(path) => match load(path, &known(&files, &loaded)) {
                Ok((game, scenario_path)) => {
                    if !Arc::ptr_eq(&game.scenario, &loaded.scenario) {
                        *loaded = LoadedScenario {
                            scenario: Arc::clone(&game.scenario),
                            path: scenario_path,
                        };
                    }
                    toasts.ok(format!("Continuing {}", path.display()));
                    sim.set(sim_state(&game));
                    screen.set(if game.is_finished() {
                        Screen::Debrief
                    } else {
                        Screen::Play
                    });
                    commands.insert_resource(CurrentGame::new(game));
                    slot.0 = Some(path.clone());
                    name.0 = Record::read(path)
                        .ok()
                        .and_then(|r| r.name)
                        .unwrap_or_default();
                }
                Err(e) => toasts.error(format!("Could not continue {}: {e}", path.display())),
            },
            UiAction::RefreshSaves => {
                list.0 = list_saves(&dir.saves(), &known(&files, &loaded));
            }
            _ => {}
        }
    }
}

fn refresh(
    dir: Res<DataDir>,
    files: Res<ScenarioFiles>,
    loaded: Res<LoadedScenario>,
    mut list: ResMut<SaveList>,
) {
    list.0 = list_saves(&dir.saves(), &known(&files, &loaded));
}

/// The scenarios a save may have been played on: the loaded one first.
pub fn known(
    files: &ScenarioFiles,
    loaded: &LoadedScenario,
) -> Vec<(Arc<Scenario>, Option<PathBuf>)> {
    let mut all = vec![(Arc::clone(&loaded.scenario), loaded.path.clone())];
    all.extend(files.known());
    if files.builtins.is_empty() {
        all.extend(
            crate::app::scenarios::builtins(loaded)
                .into_iter()
                .map(|s| (s, None)),
        );
    }
    all
}

/// Where the simulation stands in a game just loaded.
pub fn sim_state(game: &Game) -> SimState {
    crate::sim::state_now(game)
}

/// Writes the game's record: over `slot` if it has one (atomically), else to a new file
/// in `dir` named after the role and the time (the role's id made safe by
/// [`fsio::file_stem`]: a scenario's ids cannot lead the file out of `dir`; an existing
/// file is never replaced), with the player's or group's `name` (blank: none). Returns
/// the file written.
pub fn save(game: &Game, name: &str, dir: &Path, slot: Option<&Path>) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let record = Record::named(game, name).to_json();
    match slot {
        Some(p) => {
            fsio::write_atomic(p, record.as_bytes())?;
            Ok(p.to_path_buf())
        }
        None => fsio::write_new(dir, &new_stem(game), "json", record.as_bytes()),
    }
}

/// A fresh file stem: role, the time of the first save.
fn new_stem(game: &Game) -> String {
    let role = fsio::file_stem(&game.scenario.actor(game.setup.role).id);
    format!("{role}-{}", fsio::now_stamp())
}

/// Reads a save and replays it on the scenario it names (found among `known` by id and
/// hash). Returns the game and the scenario's file.
pub fn load(
    path: &Path,
    known: &[(Arc<Scenario>, Option<PathBuf>)],
) -> Result<(Game, Option<PathBuf>), String> {
    let record = Record::read(path).map_err(|e| e.render().trim_end().to_string())?;
    let Some((scenario, file)) = known
        .iter()
        .find(|(s, _)| s.id == record.scenario.id && s.hash == record.scenario.hash)
    else {
        let same_id = known.iter().any(|(s, _)| s.id == record.scenario.id);
        return Err(if same_id {
            format!(
                "it was played on another version of scenario `{}` than the ones found (built in, or in `{}/`)",
                record.scenario.id,
                crate::app::scenarios::SCENARIO_FOLDER
            )
        } else {
            format!(
                "it was played on scenario `{}`, which is neither built in nor in `{}/`",
                record.scenario.id,
                crate::app::scenarios::SCENARIO_FOLDER
            )
        });
    };
    let game = record
        .replay(&path.display().to_string(), Arc::clone(scenario))
        .map_err(|e| e.render().trim_end().to_string())?;
    Ok((game, file.clone()))
}

/// Every `.json` file of the saves folder (good ones first, newest first), each with its summary or error.
pub fn list_saves(dir: &Path, known: &[(Arc<Scenario>, Option<PathBuf>)]) -> Vec<SaveEntry> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut saves: Vec<SaveEntry> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && name.ends_with(".json")
        })
        .map(|e| {
            let path = e.path();
            let saved = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .map(DateTime::<Utc>::from);
            let summary = load(&path, known).map(|(game, _)| summarize(&game));
            SaveEntry {
                path,
                saved,
                summary,
            }
        })
        .collect();
    // Good saves first, newest first; broken ones after them.
    saves.sort_by(|a, b| {
        a.summary
            .is_err()
            .cmp(&b.summary.is_err())
            .then_with(|| b.saved.cmp(&a.saved))
            .then_with(|| a.path.cmp(&b.path))
    });
    saves
}

/// What a person wants to know of a saved game.
pub fn summarize(game: &Game) -> SaveSummary {
    let s = &game.scenario;
    let noun = s.agreement_noun();
    let status = match game.outcome() {
        None => "in progress".to_string(),
        Some(Outcome::Armistice) => match &game.state.armistice {
            Some(a) => format!("over: {noun} signed {}", a.date.format("%-d %B %Y")),
            None => format!("over: {noun} signed"),
        },
        Some(Outcome::NoArmistice) => format!("over: no {noun} by the horizon"),
        Some(Outcome::Ended(why)) => format!("over: {why}"),
    };
    SaveSummary {
        role: s.actor(game.setup.role).name.clone(),
        scenario: s.title.clone(),
        date: game.state.date,
        decisions: game.choices.len(),
        status,
        finished: game.is_finished(),
    }
}
