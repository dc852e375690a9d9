//! `panmunjom tour`: opens the real window and drives it through Start, Briefing, Play
//! (three decisions or more, one of them not the historical one; at the first meeting
//! after that where the player may table, a package tabled: the Table panel and the
//! Bargaining panel), Debrief, Replay, Explore (a run of 500 games), Class, and a
//! hot-seat game of two roles (the curtain, then the second role's first turn) by
//! writing the same [`UiAction`]s a person's clicks write, saving a screenshot of each
//! screen. Exit 0 when every screenshot was written, else non-zero with the reason.
//!
//! With `--stress` it also, on Start, on Play (at a decision, with the source viewer
//! open), on the Debrief and on the Replay, resizes the window to 1×1 and to 4K
//! (3840×2160), overrides its scale factor (0.25 and 4) and sets the UI zoom to its
//! extremes, letting frames render at each, with a screenshot at 1×1 and at 4K: the
//! process must come through without a panic (see docs/reliability.md).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::PrimaryWindow;
use bevy::winit::WinitSettings;

use crate::app::overlays::bargaining::BargainPanel;
use crate::app::overlays::source_viewer::SourceViewer;
use crate::app::screens::debrief::ExportDir;
use crate::app::screens::explore::ExploreState;
use crate::app::screens::play::{HotSeat, PlayView, Showing};
use crate::app::theme::UiZoom;
use crate::app::{DataDir, LoadedScenario, Screen, UiAction};
use crate::engine::{Policy, Setup};
use crate::scenario::ActorId;
use crate::sim::{CurrentGame, SimState};

/// The tour's command-line arguments.
#[derive(Debug, Clone)]
pub struct TourArgs {
    pub screenshots: PathBuf,
    pub role: String,
    pub seed: u64,
    /// Resize and rescale the window to extremes on each main screen.
    pub stress: bool,
}

/// Frames to let egui draw (and the software renderer catch up) after a change.
const SETTLE: u32 = 12;
/// Frames to wait at the start (the renderer compiles its pipelines).
const FIRST: u32 = 60;
/// The tour gives up after this long.
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// Runs the tour; returns when the window closes.
pub fn run(args: TourArgs) -> ExitCode {
    if !crate::app::has_display() {
        eprintln!(
            "panmunjom tour: no display to open a window on (set DISPLAY, or run it under `xvfb-run -a`)"
        );
        return ExitCode::from(1);
    }
    if let Err(e) = std::fs::create_dir_all(&args.screenshots) {
        eprintln!(
            "panmunjom tour: cannot create {}: {e}",
            args.screenshots.display()
        );
        return ExitCode::from(1);
    }
    let scenario = match crate::scenario::load(None) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(1);
        }
    };
    let role = match scenario.role_by_name(&args.role) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // Saves go to $PANMUNJOM_DATA_DIR, or to a folder of the tour's own, never to the
    // person's saves.
    let own_data = std::env::var_os("PANMUNJOM_DATA_DIR")
        .filter(|d| !d.is_empty())
        .is_none();
    let data = if own_data {
        std::env::temp_dir().join(format!("panmunjom-tour-{}", std::process::id()))
    } else {
        crate::app::data_dir()
    };
    let mut app = crate::app::window_app(
        LoadedScenario {
            scenario,
            path: None,
        },
        WinitSettings::continuous(),
    );
    let data = DataDir(data);
    app.insert_resource(ExportDir::of(&data))
        .insert_resource(data.clone())
        .insert_resource(Tour {
            saves: data.saves(),
            ..Tour::new(args.screenshots.clone(), role, args.seed, args.stress)
        })
        .add_systems(Update, drive);
    let code = crate::app::exit_code(app.run());
    if own_data {
        let _ = std::fs::remove_dir_all(&data.0);
    }
    code
}

/// Where the tour is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Start,
    Briefing,
    Source,
    SourceShot,
    SourceClose,
    Play,
    Finish,
    Debrief,
    Menu,
    Replay,
    Explore,
    Class,
    /// A hot-seat game: the curtain, then the second person's turn.
    HotSeat,
    /// Every screenshot written: the summary line, exit 0.
    Summary,
    Done,
}

#[derive(Resource, Debug)]
struct Tour {
    dir: PathBuf,
    role: ActorId,
    seed: u64,
    step: Step,
    /// Frames to wait before the next move.
    wait: u32,
    /// A screenshot being written: its file, and when it was asked for.
    shot: Option<(PathBuf, u32)>,
    taken: Vec<PathBuf>,
    decisions: usize,
    non_historical: usize,
    replay_steps: u32,
    /// At the table: 0 table a package, 1 its screenshot, 2 open the Bargaining panel,
    /// 3 its screenshot, 4 close it; 5 done.
    table_phase: u8,
    /// The debrief shows its table tab (for `debrief-table.png`).
    debrief_table: bool,
    frames: u32,
    started: Instant,
    /// `--stress`: the screens still to stress, and where the current one is.
    stress: Option<Stress>,
    /// A stress screenshot to take once the wait is over.
    pending_shot: Option<String>,
    /// The saves folder the Class screen reads (the tour's game is saved there).
    saves: PathBuf,
    /// In the hot-seat game: the role that had the screen first.
    hot_first: Option<ActorId>,
}

/// One setting of the window during the stress phase.
#[derive(Debug, Clone, Copy)]
struct Extreme {
    /// Physical size in pixels.
    size: (u32, u32),
    /// The window's scale factor override (`None`: the display's own).
    scale: Option<f32>,
    /// The UI zoom.
    zoom: f32,
    /// A screenshot at this setting, named `stress-<screen>-<shot>.png`.
    shot: Option<&'static str>,
}

/// The settings each stressed screen goes through, in order (each held for
/// [`HOLD`] frames); the last one puts the window back as it was.
const EXTREMES: [Extreme; 10] = [
    Extreme {
        size: (1, 1),
        scale: None,
        zoom: 1.0,
        shot: Some("1x1"),
    },
    Extreme {
        size: (3840, 2160),
        scale: None,
        zoom: 1.0,
        shot: Some("4k"),
    },
    Extreme {
        size: (1280, 720),
        scale: None,
        zoom: 1.0,
        shot: None,
    },
    Extreme {
        size: (1280, 720),
        scale: Some(0.25),
        zoom: UiZoom::MIN,
        shot: None,
    },
    Extreme {
        size: (1280, 720),
        scale: Some(4.0),
        zoom: UiZoom::MAX,
        shot: None,
    },
    Extreme {
        size: (1, 1),
        scale: Some(4.0),
        zoom: UiZoom::MAX,
        shot: None,
    },
    Extreme {
        size: (1, 1),
        scale: Some(0.25),
        zoom: UiZoom::MIN,
        shot: None,
    },
    Extreme {
        size: (3840, 2160),
        scale: Some(0.25),
        zoom: UiZoom::MIN,
        shot: None,
    },
    Extreme {
        size: (3840, 2160),
        scale: Some(4.0),
        zoom: UiZoom::MAX,
        shot: None,
    },
    Extreme {
        size: (1280, 720),
        scale: None,
        zoom: 1.0,
        shot: None,
    },
];

/// Frames to render at each extreme.
const HOLD: u32 = 8;

#[derive(Debug, Clone, Default)]
struct Stress {
    /// Screens already stressed.
    done: Vec<&'static str>,
    /// The screen being stressed and the index in [`EXTREMES`] it is at.
    current: Option<(&'static str, usize)>,
}

impl Tour {
    fn new(dir: PathBuf, role: ActorId, seed: u64, stress: bool) -> Self {
        Tour {
            dir,
            role,
            seed,
            step: Step::Start,
            wait: FIRST,
            shot: None,
            taken: Vec::new(),
            decisions: 0,
            non_historical: 0,
            replay_steps: 0,
            table_phase: 0,
            debrief_table: false,
            frames: 0,
            started: Instant::now(),
            stress: stress.then(Stress::default),
            pending_shot: None,
            saves: PathBuf::new(),
            hot_first: None,
        }
    }

    /// With `--stress`, takes the window through [`EXTREMES`] on `screen` (once);
    /// `true` while doing so, when the tour must not move on.
    fn stressing(&mut self, screen: &'static str, window: &mut Window, zoom: &mut UiZoom) -> bool {
        let Some(stress) = &mut self.stress else {
            return false;
        };
        if stress.done.contains(&screen) {
            return false;
        }
        let next = match stress.current {
            Some((s, i)) if s == screen => i + 1,
            _ => 0,
        };
        let Some(extreme) = EXTREMES.get(next).copied() else {
            stress.done.push(screen);
            stress.current = None;
            return false;
        };
        stress.current = Some((screen, next));
        window.resolution.set_scale_factor_override(extreme.scale);
        window
            .resolution
            .set_physical_resolution(extreme.size.0, extreme.size.1);
        zoom.0 = extreme.zoom;
        self.wait = HOLD;
        if let Some(shot) = extreme.shot {
            // Asked for once the window has had the frames to take its new size.
            self.pending_shot = Some(format!("stress-{screen}-{shot}.png"));
        }
        true
    }

    fn screenshot(&mut self, commands: &mut Commands, name: &str) {
        let path = self.dir.join(name);
        let _ = std::fs::remove_file(&path);
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path.clone()));
        self.shot = Some((path, self.frames));
    }
}

fn written(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

fn fail(exit: &mut MessageWriter<AppExit>, why: String) {
    eprintln!("panmunjom tour: {why}");
    exit.write(AppExit::from_code(3));
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    screen: Res<State<Screen>>,
    sim: Res<State<SimState>>,
    game: Option<Res<CurrentGame>>,
    loaded: Res<LoadedScenario>,
    viewer: Res<SourceViewer>,
    mut explore: ResMut<ExploreState>,
    mut bargain: ResMut<BargainPanel>,
    (view, seat): (Res<PlayView>, Res<HotSeat>),
    mut zoom: ResMut<UiZoom>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
    mut actions: MessageWriter<UiAction>,
    mut exit: MessageWriter<AppExit>,
) {
    tour.frames += 1;
    if tour.step == Step::Done {
        return;
    }
    if tour.started.elapsed() > TIME_LIMIT {
        let why = format!(
            "gave up after {} s at step {:?} (screen {:?}, game {:?})",
            TIME_LIMIT.as_secs(),
            tour.step,
            screen.get(),
            sim.get()
        );
        tour.step = Step::Done;
        return fail(&mut exit, why);
    }
    // A screenshot is written a few frames after it is asked for.
    if let Some((path, asked)) = tour.shot.clone() {
        if written(&path) {
            tour.taken.push(path);
            tour.shot = None;
            tour.wait = 2;
        } else if tour.frames - asked > 600 {
            tour.step = Step::Done;
            return fail(
                &mut exit,
                format!("the screenshot {} was not written", path.display()),
            );
        } else {
            return;
        }
    }
    if tour.wait > 0 {
        tour.wait -= 1;
        return;
    }
    if let Some(name) = tour.pending_shot.take() {
        tour.screenshot(&mut commands, &name);
        return;
    }
    let Ok(mut window) = windows.single_mut() else {
        tour.step = Step::Done;
        return fail(&mut exit, "the primary window is gone".into());
    };
    let window = &mut *window;
    let zoom = &mut *zoom;
    let s = &loaded.scenario;
    match tour.step {
        Step::Start => {
            if *screen.get() != Screen::Start {
                return;
            }
            if !tour.taken.iter().any(|p| p.ends_with("start.png")) {
                tour.screenshot(&mut commands, "start.png");
                return;
            }
            if tour.stressing("start", window, zoom) {
                return;
            }
            actions.write(UiAction::NewGame(Setup {
                role: tour.role,
                policy: Policy::Historical,
                seed: tour.seed,
            }));
            tour.step = Step::Briefing;
            tour.wait = SETTLE;
        }
        Step::Briefing => {
            if *screen.get() != Screen::Briefing {
                return;
            }
            tour.screenshot(&mut commands, "briefing.png");
            tour.step = Step::Source;
        }
        Step::Source => {
            // The primary source at the passage the first quoting citation names.
            let Some(source) = crate::app::screens::briefing::primary_source(s) else {
                tour.step = Step::SourceClose;
                return;
            };
            let quote = s
                .timeline
                .iter()
                .filter_map(|e| e.as_event())
                .flat_map(|e| e.sources.iter())
                .find(|c| c.source == source && c.quote.is_some())
                .and_then(|c| c.quote.clone());
            actions.write(UiAction::OpenSource {
                source,
                passage: quote,
            });
            tour.step = Step::SourceShot;
            tour.wait = SETTLE;
        }
        Step::SourceShot => {
            tour.screenshot(&mut commands, "source.png");
            tour.step = Step::SourceClose;
        }
        Step::SourceClose => {
            actions.write(UiAction::CloseSource);
            actions.write(UiAction::BeginPlay);
            tour.step = Step::Play;
            tour.wait = SETTLE;
        }
        Step::Play | Step::Finish => {
            if *screen.get() != Screen::Play {
                return;
            }
            let Some(game) = &game else { return };
            let game = &game.0;
            match sim.get() {
                SimState::AtTable
                    if tour.step == Step::Finish
                        && tour.table_phase < 5
                        && game.may_table()
                        && matches!(view.showing(game), Showing::Table(_)) =>
                {
                    // The first meeting after play.png where the player may table: a
                    // package (its side's public positions), the answers, the offers in
                    // utility space.
                    match tour.table_phase {
                        0 => {
                            actions.write(UiAction::TableOffer(
                                crate::app::dev::dev_shot::own_terms(game),
                            ));
                            tour.wait = SETTLE;
                        }
                        1 => tour.screenshot(&mut commands, "table.png"),
                        2 => {
                            bargain.open = true;
                            tour.wait = SETTLE;
                        }
                        3 => tour.screenshot(&mut commands, "bargaining.png"),
                        _ => bargain.open = false,
                    }
                    tour.table_phase += 1;
                    return;
                }
                SimState::AwaitingChoice => {}
                SimState::Finished => {
                    if tour.step == Step::Play {
                        tour.step = Step::Finish; // fewer than three decisions: go on anyway
                    }
                    if tour.table_phase < 5 {
                        tour.step = Step::Done;
                        return fail(
                            &mut exit,
                            "the game ended before a meeting where the player may table".into(),
                        );
                    }
                    if tour.decisions < 3 {
                        tour.step = Step::Done;
                        return fail(
                            &mut exit,
                            format!("the game ended after {} decisions", tour.decisions),
                        );
                    }
                    actions.write(UiAction::OpenDebrief);
                    tour.step = Step::Debrief;
                    tour.wait = SETTLE;
                    return;
                }
                _ => {
                    actions.write(UiAction::Continue);
                    tour.wait = 2;
                    return;
                }
            }
            let Some(pending) = game.pending() else {
                return;
            };
            if tour.step == Step::Play && tour.decisions >= 3 && tour.stress.is_some() {
                // Stressed at a decision with the source viewer open over it.
                let source = crate::app::screens::briefing::primary_source(s);
                if viewer.0.is_none()
                    && let Some(source) = source
                    && tour
                        .stress
                        .as_ref()
                        .is_some_and(|st| !st.done.contains(&"play"))
                {
                    actions.write(UiAction::OpenSource {
                        source,
                        passage: None,
                    });
                    tour.wait = SETTLE;
                    return;
                }
                if tour.stressing("play", window, zoom) {
                    return;
                }
                if viewer.0.is_some() {
                    actions.write(UiAction::CloseSource);
                    tour.wait = SETTLE;
                    return;
                }
            }
            if tour.step == Step::Play && tour.decisions >= 3 {
                // Waiting at the fourth decision: the play screen at its busiest.
                actions.write(UiAction::Save);
                tour.screenshot(&mut commands, "play.png");
                tour.step = Step::Finish;
                return;
            }
            let historical = s.entry(pending).as_decision().and_then(|d| d.historical);
            let open = game.open_options(pending);
            let pick = if tour.non_historical == 0 {
                open.iter().copied().find(|&o| Some(o) != historical)
            } else {
                None
            }
            .or_else(|| game.historical_or_first(pending));
            let Some(pick) = pick else {
                tour.step = Step::Done;
                return fail(&mut exit, "a decision had no open option".into());
            };
            if Some(pick) != historical {
                tour.non_historical += 1;
            }
            tour.decisions += 1;
            actions.write(UiAction::Choose(pick));
            tour.wait = if tour.step == Step::Play { SETTLE } else { 2 };
        }
        Step::Debrief => {
            if *screen.get() != Screen::Debrief {
                return;
            }
            if !tour.taken.iter().any(|p| p.ends_with("debrief.png")) {
                tour.screenshot(&mut commands, "debrief.png");
                return;
            }
            // The debrief's table: the tour's proposal beside history's, the dance.
            if game
                .as_ref()
                .is_some_and(|g| !g.0.scenario.sessions.is_empty())
                && !tour.taken.iter().any(|p| p.ends_with("debrief-table.png"))
            {
                if !tour.debrief_table {
                    actions.write(UiAction::DebriefTable(true));
                    tour.debrief_table = true;
                    tour.wait = SETTLE;
                } else {
                    tour.screenshot(&mut commands, "debrief-table.png");
                }
                return;
            }
            if tour.debrief_table {
                actions.write(UiAction::DebriefTable(false));
                tour.debrief_table = false;
                tour.wait = SETTLE;
                return;
            }
            if tour.stressing("debrief", window, zoom) {
                return;
            }
            actions.write(UiAction::ToggleMenu);
            tour.step = Step::Menu;
            tour.wait = SETTLE;
        }
        Step::Menu => {
            if !tour.taken.iter().any(|p| p.ends_with("menu.png")) {
                tour.screenshot(&mut commands, "menu.png");
                return;
            }
            actions.write(UiAction::ToggleMenu);
            actions.write(UiAction::OpenReplay);
            tour.step = Step::Replay;
            tour.wait = SETTLE;
        }
        Step::Replay => {
            if *screen.get() != Screen::Replay {
                return;
            }
            if tour.replay_steps < 5 {
                actions.write(UiAction::ReplayNext);
                tour.replay_steps += 1;
                tour.wait = 4;
                return;
            }
            if !tour.taken.iter().any(|p| p.ends_with("replay.png")) {
                tour.wait = SETTLE;
                tour.screenshot(&mut commands, "replay.png");
                return;
            }
            if tour.stressing("replay", window, zoom) {
                return;
            }
            actions.write(UiAction::OpenExplore);
            tour.step = Step::Explore;
            tour.wait = SETTLE;
        }
        Step::Explore => {
            if *screen.get() != Screen::Explore {
                return;
            }
            if explore.results.is_none() && !explore.running() {
                // Few games, so that the tour stays quick on a loaded machine.
                explore.runs = 500;
                actions.write(UiAction::RunExplore);
                tour.wait = SETTLE;
                return;
            }
            if explore.running() {
                return;
            }
            if !tour.taken.iter().any(|p| p.ends_with("explore.png")) {
                tour.wait = SETTLE;
                tour.screenshot(&mut commands, "explore.png");
                return;
            }
            if let Some(Err(e)) = &explore.results {
                let why = format!("the explorer failed: {e}");
                tour.step = Step::Done;
                return fail(&mut exit, why);
            }
            // The class report over the saves folder (the tour's own game at least).
            actions.write(UiAction::OpenClass);
            actions.write(UiAction::ReadClass(tour.saves.clone()));
            tour.step = Step::Class;
            tour.wait = SETTLE;
        }
        Step::Class => {
            if *screen.get() != Screen::Class {
                return;
            }
            if !tour.taken.iter().any(|p| p.ends_with("class.png")) {
                tour.screenshot(&mut commands, "class.png");
                return;
            }
            // Hot-seat: the tour's role and another, at one screen.
            let Some((other, _)) = s.playable().find(|(r, _)| *r != tour.role) else {
                tour.step = Step::Done;
                return fail(&mut exit, "the scenario has one playable role".into());
            };
            actions.write(UiAction::ToStart);
            actions.write(UiAction::ToggleSeat(other));
            actions.write(UiAction::NewGame(Setup {
                role: tour.role,
                policy: Policy::Historical,
                seed: tour.seed,
            }));
            tour.step = Step::HotSeat;
            tour.wait = SETTLE;
        }
        Step::HotSeat => {
            let Some(game) = &game else { return };
            let Some(viewer) = seat.viewer else { return };
            let first = *tour.hot_first.get_or_insert(viewer);
            if seat.curtain {
                if !tour
                    .taken
                    .iter()
                    .any(|p| p.ends_with("hotseat-curtain.png"))
                {
                    tour.screenshot(&mut commands, "hotseat-curtain.png");
                    return;
                }
                actions.write(UiAction::LiftCurtain);
                tour.wait = SETTLE;
                return;
            }
            if *screen.get() == Screen::Briefing {
                actions.write(UiAction::BeginPlay);
                tour.wait = SETTLE;
                return;
            }
            if *screen.get() != Screen::Play {
                return;
            }
            let shown = seat.shown(game);
            let present = matches!(
                view.showing(shown),
                Showing::Decision(_) | Showing::Table(_)
            );
            if viewer != first && present {
                tour.screenshot(&mut commands, "hotseat-turn.png");
                tour.step = Step::Summary;
                return;
            }
            if *sim.get() == SimState::Finished {
                tour.step = Step::Done;
                return fail(
                    &mut exit,
                    "the hot-seat game ended before a hand-over".into(),
                );
            }
            match view.showing(shown) {
                Showing::Decision(d) => {
                    let pick = shown.historical_or_first(d).unwrap_or(0);
                    actions.write(UiAction::Choose(pick));
                }
                _ => {
                    actions.write(UiAction::Continue);
                }
            }
            tour.wait = 2;
        }
        Step::Summary => {
            tour.step = Step::Done;
            let shots: Vec<String> = tour
                .taken
                .iter()
                .filter(|p| p.extension().is_some())
                .map(|p| p.display().to_string())
                .collect();
            let stressed = tour
                .stress
                .as_ref()
                .map(|st| format!("; stressed: {}", st.done.join(", ")))
                .unwrap_or_default();
            println!(
                "tour: {} decisions ({} not historical){stressed}; screenshots: {}",
                tour.decisions,
                tour.non_historical,
                shots.join(", ")
            );
            exit.write(AppExit::Success);
        }
        Step::Done => {}
    }
}
