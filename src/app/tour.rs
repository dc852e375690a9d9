//! `panmunjom tour`: opens the real window and drives it through Start, Briefing, Play
//! (three decisions or more, one of them not the historical one), Debrief and Replay by
//! writing the same [`UiAction`]s a person's clicks write, saving a screenshot of each
//! screen. Exit 0 when every screenshot was written, else non-zero with the reason.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::winit::WinitSettings;

use super::{DataDir, LoadedScenario, Screen, UiAction};
use crate::engine::{Policy, Setup};
use crate::scenario::ActorId;
use crate::sim::{CurrentGame, SimState};

/// The tour's command-line arguments.
#[derive(Debug, Clone)]
pub struct TourArgs {
    pub screenshots: PathBuf,
    pub role: String,
    pub seed: u64,
}

/// Frames to let egui draw (and the software renderer catch up) after a change.
const SETTLE: u32 = 12;
/// Frames to wait at the start (the renderer compiles its pipelines).
const FIRST: u32 = 60;
/// The tour gives up after this long.
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// Runs the tour; returns when the window closes.
pub fn run(args: TourArgs) -> ExitCode {
    if !super::has_display() {
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
    let scenario = match crate::cli::load_scenario(None) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{e}");
            return ExitCode::from(1);
        }
    };
    let role = match crate::cli::resolve_role(&scenario, &args.role) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{e}");
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
        super::data_dir()
    };
    let mut app = super::window_app(
        LoadedScenario {
            scenario,
            path: None,
        },
        WinitSettings::continuous(),
    );
    app.insert_resource(DataDir(data.clone()))
        .insert_resource(Tour::new(args.screenshots.clone(), role, args.seed))
        .add_systems(Update, drive);
    let code = super::exit_code(app.run());
    if own_data {
        let _ = std::fs::remove_dir_all(&data);
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
    frames: u32,
    started: Instant,
}

impl Tour {
    fn new(dir: PathBuf, role: ActorId, seed: u64) -> Self {
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
            frames: 0,
            started: Instant::now(),
        }
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
            let Some(source) = super::briefing::primary_source(s) else {
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
                SimState::AwaitingChoice => {}
                SimState::Finished => {
                    if tour.step == Step::Play {
                        tour.step = Step::Finish; // fewer than three decisions: go on anyway
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
            if tour.step == Step::Play && tour.decisions >= 3 {
                // Waiting at the fourth decision: the play screen at its busiest.
                actions.write(UiAction::Save);
                tour.screenshot(&mut commands, "play.png");
                tour.step = Step::Finish;
                return;
            }
            let historical = s.entry(pending).as_decision().map(|d| d.historical);
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
            tour.step = Step::Done;
            let shots: Vec<String> = tour
                .taken
                .iter()
                .filter(|p| p.extension().is_some())
                .map(|p| p.display().to_string())
                .collect();
            println!(
                "tour: {} decisions ({} not historical); screenshots: {}",
                tour.decisions,
                tour.non_historical,
                shots.join(", ")
            );
            exit.write(AppExit::Success);
        }
        Step::Done => {}
    }
}
