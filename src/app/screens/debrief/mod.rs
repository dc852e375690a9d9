//! The debrief: the game beside history — outcome against 27 July 1953 and the terms of
//! 8 June 1953, the decision table with sources and notes, charts of both paths,
//! objectives, the divergence score — and the export to Markdown and HTML.
//!
//! This file holds the plugin, the debrief cache and the export; `draw.rs` draws the
//! screen, `table.rs` its "At the table" section (proposals, the dance, the frontiers).

mod draw;
mod table;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::app::history::HistoryPlugin;
use crate::app::{DataDir, Screen, UiAction};
use crate::compare::Debrief;
use crate::engine::Game;
use crate::fsio;
use crate::report::{debrief_md, html};
use crate::sim::{CurrentGame, GameNumber};

pub struct DebriefPlugin;

impl Plugin for DebriefPlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<HistoryPlugin>() {
            app.add_plugins(HistoryPlugin);
        }
        if !app.world().contains_resource::<ExportDir>() {
            let dir = app
                .world()
                .get_resource::<DataDir>()
                .map_or_else(ExportDir::default, ExportDir::of);
            app.insert_resource(dir);
        }
        app.init_resource::<ExportStatus>()
            .init_resource::<DebriefTab>()
            .init_resource::<DebriefCache>()
            .add_systems(
                Update,
                (
                    handle_actions,
                    refresh_cache.run_if(in_state(Screen::Debrief)),
                )
                    .chain(),
            )
            .add_systems(
                EguiPrimaryContextPass,
                draw::draw.run_if(in_state(Screen::Debrief)),
            );
    }
}

/// Where exported debriefs go: `debriefs/` in the [`DataDir`] (`data_dir()` when the app
/// has none), unless set otherwise.
#[derive(Resource, Debug, Clone)]
pub struct ExportDir(pub PathBuf);

impl ExportDir {
    /// `debriefs/` in `data`.
    pub fn of(data: &DataDir) -> Self {
        ExportDir(data.0.join("debriefs"))
    }
}

impl Default for ExportDir {
    fn default() -> Self {
        ExportDir(crate::app::data_dir().join("debriefs"))
    }
}

/// Which part of the debrief shows: the overview, or the table ("At the table": your
/// proposals, the negotiation dance, the frontiers), for scenarios with sessions.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DebriefTab {
    pub table: bool,
}

/// The result of the last export: the file written, or why it failed.
#[derive(Resource, Debug, Clone, Default)]
pub struct ExportStatus(pub Option<Result<PathBuf, String>>);

/// The debrief of the current game, computed when the debrief screen shows a game it
/// has not computed: keyed on the game's [`GameNumber`] (every new or continued game has
/// its own) and how far it has come (choices, log lines).
#[derive(Resource, Debug, Default)]
pub struct DebriefCache {
    key: Option<(GameNumber, usize, usize, Option<crate::scenario::ActorId>)>,
    debrief: Option<Arc<Debrief>>,
    /// In a game several people played: whose debrief shows (None: the setup's role).
    pub seat: Option<crate::scenario::ActorId>,
}

impl DebriefCache {
    /// The debrief of `game`, computed once per game state.
    pub fn of(&mut self, game: &CurrentGame) -> Arc<Debrief> {
        let g = &game.0;
        let seat = self.seat.filter(|&r| g.is_seated(r));
        let key = (game.number(), g.choices.len(), g.log.len(), seat);
        match &self.debrief {
            Some(d) if self.key == Some(key) => Arc::clone(d),
            _ => {
                let d = Arc::new(match seat {
                    Some(r) => Debrief::of_seat(g, r),
                    None => Debrief::new(g),
                });
                self.key = Some(key);
                self.debrief = Some(Arc::clone(&d));
                d
            }
        }
    }

    /// The debrief last computed (what the screen shows).
    pub fn shown(&self) -> Option<&Debrief> {
        self.debrief.as_deref()
    }
}

/// Keeps the cache on the current game while the debrief screen shows.
fn refresh_cache(game: Option<Res<CurrentGame>>, mut cache: ResMut<DebriefCache>) {
    if let Some(game) = game {
        cache.of(&game);
    }
}

/// Writes the Markdown debrief of `game` (the same bytes as `panmunjom debrief RECORD
/// --format md`) into `dir` as a new file `<scenario>-<role>-seed<N>-<UTC time>.md`
/// (ids from the scenario file made safe by [`fsio::file_stem`]; never replacing a file),
/// atomically. A game several people played is written with every seat: its section
/// "Every delegation" names each seat's person, choices, moves and objectives, and the
/// file is named after every seated role (`<scenario>-un-prc-seed<N>-…`). Returns the
/// path written.
pub fn export_markdown(game: &Game, dir: &Path) -> std::io::Result<PathBuf> {
    export(game, None, dir, "md", debrief_md::render)
}

/// Writes the HTML debrief of `game` (the same bytes as `panmunjom debrief RECORD
/// --format html`), named like [`export_markdown`]'s file with `.html`.
pub fn export_html(game: &Game, dir: &Path) -> std::io::Result<PathBuf> {
    export(game, None, dir, "html", html::debrief)
}

/// The export of `game`'s debrief as `seat` (a seated role: that delegation's debrief,
/// as the screen shows it; None: the setup's role) — with every seat in either case.
fn export(
    game: &Game,
    seat: Option<crate::scenario::ActorId>,
    dir: &Path,
    ext: &str,
    render: fn(&Debrief) -> String,
) -> std::io::Result<PathBuf> {
    let d = match seat.filter(|&r| game.is_seated(r)) {
        Some(r) => Debrief::of_seat(game, r),
        None => Debrief::new(game),
    };
    let text = render(&d);
    let stamp = fsio::now_stamp();
    let s = &game.scenario;
    let roles = if game.seats().len() > 1 {
        game.seats()
            .iter()
            .map(|seat| fsio::file_stem(&s.actor(seat.role).id))
            .collect::<Vec<_>>()
            .join("-")
    } else {
        fsio::file_stem(&s.actor(game.setup.role).id)
    };
    let stem = format!(
        "{}-{roles}-seed{}-{stamp}",
        fsio::file_stem(&s.id),
        game.setup.seed
    );
    fsio::write_new(dir, &stem, ext, text.as_bytes())
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    game: Option<Res<CurrentGame>>,
    dir: Res<ExportDir>,
    mut status: ResMut<ExportStatus>,
    mut tab: ResMut<DebriefTab>,
    mut cache: ResMut<DebriefCache>,
) {
    for action in actions.read() {
        let (ext, render): (&str, fn(&Debrief) -> String) = match action {
            UiAction::ExportMarkdown => ("md", debrief_md::render),
            UiAction::ExportHtml => ("html", html::debrief),
            UiAction::DebriefTable(table) => {
                tab.table = *table;
                continue;
            }
            UiAction::DebriefSeat(role) => {
                cache.seat = Some(*role);
                continue;
            }
            _ => continue,
        };
        status.0 = Some(match &game {
            None => Err("there is no game to export".to_string()),
            Some(g) => export(&g.0, cache.seat, &dir.0, ext, render)
                .map_err(|e| format!("cannot write the debrief into {}: {e}", dir.0.display())),
        });
    }
}
