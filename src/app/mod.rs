//! The windowed application: Bevy + egui screens around the engine.
//!
//! The tree shows its parts (the layout of the bevy_new_2d template):
//! - [`screens`]: one plugin per screen (start, briefing, play, debrief, replay,
//!   explore) and the [`Screen`] state saying which one shows;
//! - [`overlays`]: what opens over any screen (the Esc menu, the source viewer, the
//!   bargaining panel, notices);
//! - [`widgets`]: plain egui drawing shared by the screens (timeline, event view,
//!   charts, inbox), no Bevy systems;
//! - the services: [`saves`] (save, list, continue), [`scenarios`] (choosing, loading
//!   and reloading the scenario file), [`history`] (the historical path), [`theme`]
//!   (colours, text sizes, UI scale), [`idle`] (keeps an idle window from redrawing);
//! - [`dev`]: developer tools (the tour, the screenshot hook, timing figures).
//!
//! Every button and key writes a [`UiAction`] message, and the screens' logic systems
//! carry them out — so the tour (and the headless tests) drive exactly what a person's
//! clicks drive. Drawing systems run in `EguiPrimaryContextPass`; logic systems run in
//! `Update` and need no window, so [`AppLogicPlugin`] works on `MinimalPlugins` +
//! `StatesPlugin`.

// No `unwrap`/`expect` on anything that depends on input (issue 5); the exceptions
// are reasoned `#[allow]`s where a failure is a bug.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod dev;
pub mod history;
pub mod idle;
pub mod overlays;
pub mod saves;
pub mod scenarios;
pub mod screens;
pub mod theme;
pub mod widgets;

/// `panmunjom tour` (the command line's `tour` runs [`tour::run`] with [`tour::TourArgs`]).
pub use dev::tour;
pub use screens::Screen;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use bevy::app::PluginGroupBuilder;
use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;

use crate::engine::Setup;
use crate::scenario::Scenario;
use crate::sim::SimulationPlugin;

/// Everything a person can do in the window. Buttons and keys write these; the tour
/// writes the same ones.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum UiAction {
    /// Start: begin a game with this setup (goes to the briefing).
    NewGame(Setup),
    /// Start: open the historical replay.
    OpenReplay,
    /// Briefing: start playing.
    BeginPlay,
    /// Hot-seat: the next delegation has the screen; lift the curtain.
    LiftCurtain,
    /// Debrief of a hot-seat game: show this delegation's debrief.
    DebriefSeat(crate::scenario::ActorId),
    /// Start: a person plays this role too (hot-seat), or no longer does.
    ToggleSeat(crate::scenario::ActorId),
    /// Play: move on to the next event or decision.
    Continue,
    /// Play: take option `n` (0-based) of the pending decision.
    Choose(usize),
    /// Play: the game is over; show the debrief.
    OpenDebrief,
    /// Replay: one step on / one step back / to the first step on or after a date.
    ReplayNext,
    ReplayBack,
    ReplayJump(chrono::NaiveDate),
    /// Replay: play on by itself at this many steps per second (`None` stops).
    ReplayAutoplay(Option<u32>),
    /// Any screen: open the source viewer on a source, at a passage if one is given
    /// (a quote of the source text).
    OpenSource {
        source: crate::scenario::SourceId,
        passage: Option<String>,
    },
    /// Save the current game as a record in the data folder.
    Save,
    /// Debrief: write the Markdown debrief (the same bytes as `debrief --format md`).
    ExportMarkdown,
    /// Debrief: write the HTML debrief (the same bytes as `debrief --format html`).
    ExportHtml,
    /// Debrief: show the overview (false) or the table (true: proposals, the dance, the
    /// frontiers).
    DebriefTable(bool),
    /// Start: use this scenario file (`None`: the one built in). A bad file shows its
    /// error and the current scenario stays.
    LoadScenario(Option<PathBuf>),
    /// Start: use the built-in scenario with this id (see `builtin::SHIPPED`).
    LoadBuiltin(String),
    /// Read the scenario file again (sent when it changes on disk; F5).
    ReloadScenario,
    /// Start: continue the saved game in this file (goes to Play, or to the debrief
    /// when the game is over).
    ContinueSave(PathBuf),
    /// Start: list the saved games again.
    RefreshSaves,
    /// Close the source viewer.
    CloseSource,
    /// Open or close the Esc menu.
    ToggleMenu,
    /// Text larger / smaller / back to the window's own scale.
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Close the window.
    Quit,
    /// Play: show an earlier item of the game again (a log index), or `None` to go
    /// back to the present.
    PlayShow(Option<usize>),
    /// Start: open the what-if explorer (`screens/explore/`).
    OpenExplore,
    /// Play, at the table: put this package on the table (one entry per issue, `None`
    /// where it is left open).
    TableOffer(crate::engine::Terms),
    /// Play, at the table: table this historical proposal of your side, as history did.
    TableHistorical(crate::scenario::ProposalId),
    /// Play, at the table: accept / reject the offer at this index of the table's
    /// history. (Continue at the table leaves it: a pass.)
    TableAccept(usize),
    TableReject(usize),
    /// Explore: play the games with the screen's settings (ignored while a run is
    /// under way).
    RunExplore,
    /// Back to the start screen.
    ToStart,
    /// Start: open the class report (`screens/class.rs`).
    OpenClass,
    /// Class: read the records in this folder (and the folders below it).
    ReadClass(PathBuf),
    /// Class: write the class report as one HTML page (the same bytes as `class
    /// --format html`).
    ExportClassHtml,
}

/// The scenario the app is showing, and where it came from.
#[derive(Resource, Debug, Clone)]
pub struct LoadedScenario {
    pub scenario: Arc<Scenario>,
    /// `None` for the scenario built into the binary.
    pub path: Option<PathBuf>,
}

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A scenario file instead of the built-in one.
    pub scenario: Option<PathBuf>,
}

/// Where saves (`saves/`) and exported debriefs go: [`data_dir`] unless a test or the
/// tour puts them elsewhere.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct DataDir(pub PathBuf);

impl DataDir {
    /// The folder of saved games.
    pub fn saves(&self) -> PathBuf {
        self.0.join("saves")
    }
}

/// The app's logic without drawing: states, messages, the screens' action handling,
/// scenario loading, saves, the source viewer, the menu. Runs on `MinimalPlugins` +
/// `StatesPlugin` (plus [`SimulationPlugin`]); without a [`LoadedScenario`] it starts on
/// the built-in scenario, without a [`DataDir`] on [`data_dir`].
pub struct AppLogicPlugin;

impl Plugin for AppLogicPlugin {
    fn build(&self, app: &mut App) {
        if !app.world().contains_resource::<LoadedScenario>() {
            #[allow(
                clippy::expect_used,
                reason = "the built-in scenario is compiled into the binary and loaded by the tests: a failure is a bug, not bad input"
            )]
            let scenario = crate::scenario::builtin::main_scenario()
                .expect("the built-in scenario is valid (the tests load it)");
            app.insert_resource(LoadedScenario {
                scenario: Arc::new(scenario),
                path: None,
            });
        }
        if !app.world().contains_resource::<DataDir>() {
            app.insert_resource(DataDir(data_dir()));
        }
        app.init_state::<Screen>()
            .add_message::<UiAction>()
            .add_plugins((
                screens::ScreensPlugin,
                overlays::OverlaysPlugin,
                scenarios::ScenariosPlugin,
                saves::SavesPlugin,
                theme::ThemePlugin,
            ));
    }
}

/// Opens the window on the given scenario; returns when it closes.
pub fn run(options: AppOptions) -> ExitCode {
    if !has_display() {
        eprintln!(
            "panmunjom: no display to open a window on; try `panmunjom play --role un` or `panmunjom replay` in this terminal"
        );
        return ExitCode::from(1);
    }
    let scenario = match crate::scenario::load(options.scenario.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(1);
        }
    };
    let mut app = window_app(
        LoadedScenario {
            scenario,
            path: options.scenario.clone(),
        },
        WinitSettings::desktop_app(),
    );
    exit_code(app.run())
}

/// Bevy's default plugins for one of the project's windows (the game, a network seat, the
/// host's class view): the primary window titled `title` at `size`, logging from WARN.
pub fn window_plugins(title: impl Into<String>, size: (u32, u32)) -> PluginGroupBuilder {
    DefaultPlugins
        .set(WindowPlugin {
            primary_window: Some(Window {
                title: title.into(),
                resolution: size.into(),
                ..default()
            }),
            ..default()
        })
        .set(bevy::log::LogPlugin {
            level: bevy::log::Level::WARN,
            ..default()
        })
}

/// The windowed app: Bevy's default plugins, egui, the simulation and the app's
/// plugins, on `scenario`. The tour adds its driver to this same app.
pub fn window_app(scenario: LoadedScenario, winit: WinitSettings) -> App {
    let mut app = App::new();
    app.add_plugins(window_plugins("Panmunjom", (1280, 720)))
        .insert_resource(winit)
        .insert_resource(scenario)
        .add_plugins(EguiPlugin::default())
        .add_plugins((
            SimulationPlugin,
            AppLogicPlugin,
            dev::timing::TimingPlugin,
            idle::IdlePlugin,
            overlays::bargaining::BargainingPlugin,
        ))
        .add_systems(Startup, spawn_camera);
    if dev::dev_shot::requested() {
        app.add_plugins(dev::dev_shot::DevShotPlugin);
    }
    app
}

/// The process exit code for how the app ended.
pub fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// The app's data folder: `$PANMUNJOM_DATA_DIR` if set (tests, the tour), else the
/// platform's data folder (`~/.local/share/panmunjom` on Linux). Saves go in `saves/`,
/// exported debriefs in `debriefs/`.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PANMUNJOM_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("panmunjom")
}

/// Whether a window can be opened. On Linux and the BSDs a window needs an X11 (or
/// XWayland) display named by `DISPLAY` (or a Wayland one by `WAYLAND_DISPLAY`); without
/// one the app says so in one line instead of failing inside the windowing library.
/// Elsewhere (macOS, Windows) there is always a desktop to open it on, and no variable
/// names it: always true.
pub fn has_display() -> bool {
    let names_its_display = cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    ));
    !names_its_display
        || ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// The whole window as one `Ui`, for a screen's panels (egui 0.36 panels are shown
/// inside a `Ui`, not on the `Context`).
pub fn root_ui(ctx: &bevy_egui::egui::Context) -> bevy_egui::egui::Ui {
    use bevy_egui::egui::{LayerId, Ui, UiBuilder};
    Ui::new(
        ctx.clone(),
        "screen".into(),
        UiBuilder::new()
            .layer_id(LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
