//! Which scenario the app shows: the built-in one, a file in `scenarios/`, or a path
//! typed in; reloading the file when it changes on disk (a bad edit keeps the last good
//! scenario and shows the error).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::overlays::toast::Toasts;
use crate::app::{LoadedScenario, Screen, UiAction};
use crate::scenario::{Scenario, builtin};

/// The folder, relative to the working directory, whose `.ron` files are offered.
pub const SCENARIO_FOLDER: &str = "scenarios";

/// One `.ron` file found in the scenarios folder.
#[derive(Debug, Clone)]
pub struct ScenarioFile {
    pub path: PathBuf,
    /// The scenario, or its rendered error.
    pub loaded: Result<Arc<Scenario>, String>,
}

/// The scenarios the app knows: the built-in ones and the `.ron` files of
/// [`SCENARIO_FOLDER`] (scanned when the start screen opens) — saves are matched
/// against these and the loaded one.
#[derive(Resource, Debug, Default)]
pub struct ScenarioFiles {
    pub files: Vec<ScenarioFile>,
    /// The built-in scenarios, the main one first (offered on the start screen, and
    /// kept so that their saves can be continued from any scenario).
    pub builtins: Vec<Arc<Scenario>>,
}

impl ScenarioFiles {
    /// Every good scenario known, with its file (`None` = built in).
    pub fn known(&self) -> Vec<(Arc<Scenario>, Option<PathBuf>)> {
        let mut all: Vec<(Arc<Scenario>, Option<PathBuf>)> = Vec::new();
        for s in &self.builtins {
            all.push((Arc::clone(s), None));
        }
        for f in &self.files {
            if let Ok(s) = &f.loaded {
                all.push((Arc::clone(s), Some(f.path.clone())));
            }
        }
        all
    }
}

/// The last error from loading or reloading a scenario file, shown in the window until
/// a good load.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct ScenarioProblem(pub Option<String>);

/// The file watcher: a thread that looks at the scenario file's modification time once
/// a second and wakes the (reactive) window when it changed.
#[derive(Resource, Default)]
struct Watcher {
    path: Arc<Mutex<Option<PathBuf>>>,
    changed: Arc<AtomicBool>,
    started: bool,
}

pub struct ScenariosPlugin;

impl Plugin for ScenariosPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<ScenarioFiles>()
            .init_resource::<ScenarioProblem>()
            .init_resource::<Watcher>()
            .add_systems(OnEnter(Screen::Start), scan)
            .add_systems(
                Update,
                (watch, poll_watcher, handle_actions.after(poll_watcher)),
            )
            .add_systems(EguiPrimaryContextPass, draw_problem);
    }
}

/// Scans the scenarios folder.
pub fn scan_folder(dir: &Path) -> Vec<ScenarioFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| ScenarioFile {
            loaded: builtin::load_file(&path)
                .map(Arc::new)
                .map_err(|e| e.render()),
            path,
        })
        .collect()
}

pub fn scan(mut files: ResMut<ScenarioFiles>, loaded: Res<LoadedScenario>) {
    files.files = scan_folder(Path::new(SCENARIO_FOLDER));
    if files.builtins.is_empty() {
        files.builtins = builtins(&loaded);
    }
}

/// The built-in scenarios, checked (the loaded one reused when it is built in).
pub fn builtins(loaded: &LoadedScenario) -> Vec<Arc<Scenario>> {
    builtin::SHIPPED
        .iter()
        .filter_map(|shipped| {
            if loaded.path.is_none() && loaded.scenario.origin == shipped.origin() {
                Some(Arc::clone(&loaded.scenario))
            } else {
                shipped.load().ok().map(Arc::new)
            }
        })
        .collect()
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut loaded: ResMut<LoadedScenario>,
    mut problem: ResMut<ScenarioProblem>,
    mut toasts: ResMut<Toasts>,
) {
    for action in actions.read() {
        match action {
            UiAction::LoadScenario(path) => match builtin::load(path.as_deref()) {
                Ok(s) => {
                    toasts.ok(format!("Scenario loaded: {}", s.title));
                    *loaded = LoadedScenario {
                        scenario: Arc::new(s),
                        path: path.clone(),
                    };
                    problem.0 = None;
                }
                Err(e) => {
                    toasts.error(format!(
                        "Could not load {}; still using “{}”.",
                        path.as_deref()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| "the built-in scenario".into()),
                        loaded.scenario.title
                    ));
                    problem.0 = Some(e.render());
                }
            },
            UiAction::LoadBuiltin(id) => match builtin::shipped_by_id(id) {
                Some(Ok(s)) => {
                    toasts.ok(format!("Scenario loaded: {}", s.title));
                    *loaded = LoadedScenario {
                        scenario: Arc::new(s),
                        path: None,
                    };
                    problem.0 = None;
                }
                Some(Err(e)) => problem.0 = Some(e.render()),
                None => toasts.error(format!("No built-in scenario is called `{id}`.")),
            },
            UiAction::ReloadScenario => {
                let Some(path) = loaded.path.clone() else {
                    continue;
                };
                match builtin::load_file(&path) {
                    Ok(s) => {
                        if s.hash != loaded.scenario.hash {
                            toasts.ok(format!("Scenario reloaded from {}", path.display()));
                        }
                        loaded.scenario = Arc::new(s);
                        problem.0 = None;
                    }
                    Err(e) => {
                        toasts.error(format!(
                            "{} has an error; still using the last good version.",
                            path.display()
                        ));
                        problem.0 = Some(e.render());
                    }
                }
            }
            _ => {}
        }
    }
}

/// Keeps the watcher on the loaded scenario's file; starts its thread the first time a
/// file is loaded.
fn watch(
    loaded: Res<LoadedScenario>,
    mut watcher: ResMut<Watcher>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    if !loaded.is_changed() {
        return;
    }
    if let Ok(mut path) = watcher.path.lock() {
        path.clone_from(&loaded.path);
    }
    if loaded.path.is_some() && !watcher.started {
        watcher.started = true;
        let path = Arc::clone(&watcher.path);
        let changed = Arc::clone(&watcher.changed);
        let proxy = proxy.map(|p| (**p).clone());
        let spawned = std::thread::Builder::new()
            .name("scenario-watcher".into())
            .spawn(move || watch_loop(&path, &changed, proxy));
        if spawned.is_err() {
            watcher.started = false;
        }
    }
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn watch_loop(
    path: &Mutex<Option<PathBuf>>,
    changed: &AtomicBool,
    proxy: Option<bevy::winit::EventLoopProxy<bevy::winit::WinitUserEvent>>,
) {
    let mut seen: Option<(PathBuf, Option<SystemTime>)> = None;
    loop {
        let current = match path.lock() {
            Ok(p) => p.clone(),
            Err(_) => return,
        };
        if let Some(current) = current {
            let now = mtime(&current);
            if let Some((p, t)) = &seen
                && *p == current
                && *t != now
            {
                changed.store(true, Ordering::Release);
                if let Some(proxy) = &proxy
                    && proxy
                        .send_event(bevy::winit::WinitUserEvent::WakeUp)
                        .is_err()
                {
                    return; // the window is gone
                }
            }
            seen = Some((current, now));
        } else {
            seen = None;
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

fn poll_watcher(watcher: Res<Watcher>, mut actions: MessageWriter<UiAction>) {
    if watcher.changed.swap(false, Ordering::AcqRel) {
        actions.write(UiAction::ReloadScenario);
    }
}

/// Off the start screen (which shows it in place), a reload error is shown in a box at
/// the bottom left until the file is fixed.
fn draw_problem(
    mut contexts: EguiContexts,
    problem: Res<ScenarioProblem>,
    screen: Res<State<Screen>>,
) -> Result {
    let Some(text) = &problem.0 else {
        return Ok(());
    };
    if *screen.get() == Screen::Start {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    egui::Window::new("Scenario file error")
        .id("scenario-problem".into())
        .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(12.0, -12.0))
        .default_width(640.0)
        .collapsible(true)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("The game goes on with the last good version of the scenario. Fix the file and save it: it is reloaded by itself.");
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| problem_text(ui, text));
        });
    Ok(())
}

/// An error text in red monospace, as the command line prints it.
pub fn problem_text(ui: &mut egui::Ui, text: &str) {
    ui.add(
        egui::Label::new(
            egui::RichText::new(text.trim_end())
                .monospace()
                .color(ui.visuals().error_fg_color),
        )
        .wrap(),
    );
}
