//! The window's logic, headless: `AppLogicPlugin` on `MinimalPlugins` + `StatesPlugin` +
//! `SimulationPlugin`, driven by the same `UiAction`s the buttons and keys write.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use panmunjom::app::overlays::menu::MenuOpen;
use panmunjom::app::overlays::source_viewer::SourceViewer;
use panmunjom::app::overlays::toast::Toasts;
use panmunjom::app::saves::SaveList;
use panmunjom::app::scenarios::{ScenarioFiles, ScenarioProblem};
use panmunjom::app::theme::UiZoom;
use panmunjom::app::{AppLogicPlugin, DataDir, LoadedScenario, Screen, UiAction};
use panmunjom::engine::{Policy, Setup};
use panmunjom::record::Record;
use panmunjom::sim::{CurrentGame, SimState, SimulationPlugin};

use crate::common::{main_scenario, stderr, temp_dir, tiny_text};

fn app(data: &Path) -> App {
    let mut app = App::new();
    app.insert_resource(DataDir(data.to_path_buf()));
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        SimulationPlugin,
        AppLogicPlugin,
    ));
    app.update();
    app
}

/// Writes an action as a click would, and lets the app carry it out (the screen change
/// takes effect on the next frame).
fn act(app: &mut App, action: UiAction) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn sim(app: &App) -> SimState {
    *app.world().resource::<State<SimState>>().get()
}

fn game(app: &App) -> &panmunjom::engine::Game {
    &app.world().resource::<CurrentGame>().0
}

fn toasts(app: &App) -> String {
    app.world().resource::<Toasts>().texts().join("\n")
}

fn setup(app: &App, role: &str, seed: u64) -> Setup {
    let s = &app.world().resource::<LoadedScenario>().scenario;
    Setup {
        role: s.actor_by_id(role).expect("a shipped role"),
        policy: Policy::Historical,
        seed,
    }
}

/// Starts a game as `role` and goes to its first decision (reading on, and leaving the
/// table at the meetings before it).
fn begin(app: &mut App, role: &str) {
    let setup = setup(app, role, 7);
    act(app, UiAction::NewGame(setup));
    act(app, UiAction::BeginPlay);
    for _ in 0..1000 {
        let g = game(app);
        if g.pending().is_some() || g.is_finished() {
            break;
        }
        act(app, UiAction::Continue);
    }
}

/// Takes the historical option, or another open one when `differ`.
fn choose(app: &mut App, differ: bool) {
    let g = game(app);
    let pending = g.pending().expect("a decision is waiting");
    let historical = g.scenario.entry(pending).as_decision().unwrap().historical;
    let open = g.open_options(pending);
    let pick = if differ {
        *open
            .iter()
            .find(|&&o| Some(o) != historical)
            .expect("another option is open")
    } else {
        g.historical_or_first(pending).unwrap()
    };
    act(app, UiAction::Choose(pick));
    // The play screen shows what history did, then each item the side learnt; the
    // player reads on (Continue) to the next decision or the end.
    for _ in 0..1000 {
        let g = game(app);
        if g.pending().is_some() || g.is_finished() {
            break;
        }
        act(app, UiAction::Continue);
    }
}

fn saves_dir(data: &Path) -> PathBuf {
    data.join("saves")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn start_briefing_play_debrief_replay_and_back_to_start() {
    let data = temp_dir("app-screens");
    let mut app = app(&data);
    assert_eq!(screen(&app), Screen::Start);

    let setup = setup(&app, "prc", 3);
    act(&mut app, UiAction::NewGame(setup.clone()));
    assert_eq!(screen(&app), Screen::Briefing);
    assert_eq!(game(&app).setup, setup);

    act(&mut app, UiAction::BeginPlay);
    assert_eq!(screen(&app), Screen::Play);
    assert_eq!(sim(&app), SimState::AwaitingChoice);

    // Play it out historically; the debrief follows.
    for _ in 0..100 {
        if sim(&app) == SimState::Finished {
            break;
        }
        choose(&mut app, false);
    }
    assert_eq!(sim(&app), SimState::Finished);
    act(&mut app, UiAction::OpenDebrief);
    assert_eq!(screen(&app), Screen::Debrief);

    act(&mut app, UiAction::ToStart);
    assert_eq!(screen(&app), Screen::Start);
    act(&mut app, UiAction::OpenReplay);
    assert_eq!(screen(&app), Screen::Replay);
    act(&mut app, UiAction::ToStart);
    assert_eq!(screen(&app), Screen::Start);
}

#[test]
fn a_choice_leads_to_the_next_event() {
    let data = temp_dir("app-choice");
    let mut app = app(&data);
    begin(&mut app, "un");
    let first = game(&app).pending().expect("the UN decides");
    let log = game(&app).log.len();
    let date = game(&app).state.date;

    choose(&mut app, true);
    let g = game(&app);
    assert_eq!(g.choices.len(), 1);
    assert_eq!(g.choices[0].0, first);
    let next = g.pending().expect("the next decision waits");
    assert_ne!(next, first);
    assert!(
        g.log.len() > log + 1,
        "events happened between the decisions"
    );
    assert!(g.state.date > date, "the clock moved on");
    assert_eq!(sim(&app), SimState::AwaitingChoice);
}

#[test]
fn save_then_continue_gives_the_same_game() {
    let data = temp_dir("app-save");
    let mut app = app(&data);
    begin(&mut app, "un");
    choose(&mut app, true);
    choose(&mut app, false);
    act(&mut app, UiAction::Save);
    let files = files_in(&saves_dir(&data));
    assert_eq!(files.len(), 1, "one save file: {files:?}");
    assert!(toasts(&app).contains("Saved to"), "{}", toasts(&app));
    let saved = Record::of(game(&app));
    let saved_date = game(&app).state.date;
    let saved_log = game(&app).log.len();

    // Another game in between.
    act(&mut app, UiAction::ToStart);
    let other = setup(&app, "ussr", 99);
    act(&mut app, UiAction::NewGame(other));
    act(&mut app, UiAction::ToStart);

    // The start screen lists the save with role and progress.
    let list = app.world().resource::<SaveList>().0.clone();
    assert_eq!(list.len(), 1);
    let summary = list[0].summary.as_ref().expect("the save is good");
    assert_eq!(summary.role, "UN Command");
    assert_eq!(summary.decisions, 2);
    assert_eq!(summary.date, saved_date);
    assert_eq!(summary.status, "in progress");

    act(&mut app, UiAction::ContinueSave(list[0].path.clone()));
    assert_eq!(screen(&app), Screen::Play);
    assert_eq!(sim(&app), SimState::AwaitingChoice);
    assert_eq!(Record::of(game(&app)), saved);
    assert_eq!(game(&app).state.date, saved_date);
    assert_eq!(game(&app).log.len(), saved_log);

    // Playing on and saving again replaces the same file, atomically (no stray files).
    choose(&mut app, false);
    act(&mut app, UiAction::Save);
    assert_eq!(files_in(&saves_dir(&data)), files);
    let again = Record::read(&list[0].path).expect("the save reads back");
    assert_eq!(again.choices.len(), 3);
}

#[test]
fn broken_truncated_or_foreign_saves_show_their_error_and_the_app_goes_on() {
    let data = temp_dir("app-bad-saves");
    let dir = saves_dir(&data);
    std::fs::create_dir_all(&dir).unwrap();
    let mut app = app(&data);
    begin(&mut app, "un");
    choose(&mut app, false);
    act(&mut app, UiAction::Save);
    let good = std::fs::read_to_string(dir.join(&files_in(&dir)[0])).unwrap();

    std::fs::write(dir.join("truncated.json"), &good[..good.len() / 2]).unwrap();
    std::fs::write(dir.join("foreign.json"), "{\"name\": \"not a record\"}").unwrap();
    std::fs::write(
        dir.join("other-version.json"),
        good.replace("korea-1952-1953", "another-scenario"),
    )
    .unwrap();
    std::fs::write(dir.join("binary.json"), [0xff, 0xfe, 0x00, 0x12]).unwrap();
    // The same scenario id, another version of its content (the hash differs).
    let mut record: serde_json::Value = serde_json::from_str(&good).unwrap();
    record["scenario"]["hash"] = "0123456789abcdef".repeat(4).into();
    std::fs::write(dir.join("older-scenario.json"), record.to_string()).unwrap();
    // The right scenario, but a choice that does not fit it.
    let mut record: serde_json::Value = serde_json::from_str(&good).unwrap();
    record["choices"][0]["option"] = "no-such-option".into();
    std::fs::write(dir.join("misfit.json"), record.to_string()).unwrap();
    act(&mut app, UiAction::ToStart);

    let list = app.world().resource::<SaveList>().0.clone();
    assert_eq!(list.len(), 7);
    let error_of = |name: &str| -> String {
        let entry = list
            .iter()
            .find(|e| e.path.ends_with(name))
            .unwrap_or_else(|| panic!("{name} is listed"));
        entry
            .summary
            .clone()
            .expect_err("a broken save shows an error")
    };
    assert!(error_of("truncated.json").contains("truncated.json"));
    assert!(error_of("foreign.json").contains("not a game record"));
    assert!(error_of("other-version.json").contains("another-scenario"));
    assert!(error_of("binary.json").contains("not UTF-8"));
    let older = error_of("older-scenario.json");
    assert!(
        older.contains("another version of scenario `korea-1952-1953`"),
        "{older}"
    );
    let misfit = error_of("misfit.json");
    assert!(
        misfit.contains("misfit.json") && misfit.contains("no option `no-such-option`"),
        "{misfit}"
    );
    assert_eq!(list.iter().filter(|e| e.summary.is_ok()).count(), 1);

    act(&mut app, UiAction::ContinueSave(dir.join("truncated.json")));
    assert_eq!(screen(&app), Screen::Start, "a broken save is not opened");
    assert!(
        toasts(&app).contains("Could not continue"),
        "{}",
        toasts(&app)
    );
    for name in ["older-scenario.json", "misfit.json"] {
        act(&mut app, UiAction::ContinueSave(dir.join(name)));
        assert_eq!(screen(&app), Screen::Start, "{name} is not opened");
        assert!(toasts(&app).contains(name), "{}", toasts(&app));
    }
    // … and the app still works.
    let setup = setup(&app, "un", 1);
    act(&mut app, UiAction::NewGame(setup));
    assert_eq!(screen(&app), Screen::Briefing);
}

/// The start screen lists every scenario built into the binary; choosing one loads it
/// (no file needed), and a game on it begins as on the main one.
#[test]
fn the_start_screen_offers_every_built_in_scenario() {
    let data = temp_dir("app-builtins");
    let mut app = app(&data);
    let ids: Vec<String> = app
        .world()
        .resource::<ScenarioFiles>()
        .builtins
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(ids, ["korea-1952-1953", "geneva-1954"]);

    act(&mut app, UiAction::LoadBuiltin("geneva-1954".into()));
    let loaded = app.world().resource::<LoadedScenario>().clone();
    assert_eq!(loaded.scenario.id, "geneva-1954");
    assert_eq!(loaded.path, None, "built in: no file to watch");
    assert!(
        toasts(&app).contains(&loaded.scenario.title),
        "{}",
        toasts(&app)
    );
    let setup = setup(&app, "prc", 1);
    act(&mut app, UiAction::NewGame(setup));
    assert_eq!(screen(&app), Screen::Briefing);
    assert_eq!(game(&app).scenario.id, "geneva-1954");

    // An id that is not built in changes nothing and says so.
    act(&mut app, UiAction::ToStart);
    act(&mut app, UiAction::LoadBuiltin("no-such-scenario".into()));
    assert!(
        toasts(&app).contains("no-such-scenario"),
        "{}",
        toasts(&app)
    );
    assert_eq!(
        app.world().resource::<LoadedScenario>().scenario.id,
        "geneva-1954"
    );
}

#[test]
fn a_bad_scenario_file_shows_its_error_and_keeps_the_last_good_one() {
    let data = temp_dir("app-scenario");
    let mut app = app(&data);
    let builtin_title = main_scenario().title.clone();
    let bad = data.join("bad.ron");
    std::fs::write(&bad, "(id: \"broken\", title: ").unwrap();
    act(&mut app, UiAction::LoadScenario(Some(bad.clone())));
    let problem = app.world().resource::<ScenarioProblem>().0.clone();
    let problem = problem.expect("the error is shown");
    assert!(problem.contains("bad.ron"), "{problem}");
    assert_eq!(
        app.world().resource::<LoadedScenario>().scenario.title,
        builtin_title
    );
    act(
        &mut app,
        UiAction::LoadScenario(Some(data.join("missing.ron"))),
    );
    assert!(toasts(&app).contains("missing.ron"), "{}", toasts(&app));

    // A good file loads; a bad edit of it keeps the last good version; fixing it reloads.
    let file = data.join("tiny.ron");
    std::fs::write(&file, tiny_text()).unwrap();
    act(&mut app, UiAction::LoadScenario(Some(file.clone())));
    assert_eq!(app.world().resource::<ScenarioProblem>().0, None);
    let tiny = app.world().resource::<LoadedScenario>().scenario.clone();
    assert_eq!(tiny.id, "tiny");

    std::fs::write(&file, tiny_text().replace("actors: [", "actors: [[")).unwrap();
    act(&mut app, UiAction::ReloadScenario);
    let problem = app.world().resource::<ScenarioProblem>().0.clone();
    assert!(problem.is_some_and(|p| p.contains("tiny.ron")));
    assert_eq!(
        app.world().resource::<LoadedScenario>().scenario.hash,
        tiny.hash
    );

    let edited = tiny_text().replacen("title: \"", "title: \"Edited: ", 1);
    std::fs::write(&file, edited).unwrap();
    act(&mut app, UiAction::ReloadScenario);
    assert_eq!(app.world().resource::<ScenarioProblem>().0, None);
    let now = &app.world().resource::<LoadedScenario>().scenario;
    assert!(now.title.starts_with("Edited: "), "{}", now.title);
}

#[test]
fn the_scenario_file_is_reloaded_when_it_changes_on_disk() {
    let data = temp_dir("app-watch");
    let mut app = app(&data);
    let file = data.join("tiny.ron");
    std::fs::write(&file, tiny_text()).unwrap();
    act(&mut app, UiAction::LoadScenario(Some(file.clone())));
    assert_eq!(app.world().resource::<LoadedScenario>().scenario.id, "tiny");
    // The watcher compares modification times about once a second: edit the file and
    // give it a new modification time every little while (the first may come before the
    // watcher has seen the file at all), until the app has reloaded it or the ceiling.
    let edited = tiny_text().replacen("title: \"", "title: \"Watched: ", 1);
    let ceiling = Instant::now() + Duration::from_secs(120);
    let mut touched = 0u64;
    let mut next_touch = Instant::now();
    while Instant::now() < ceiling {
        if Instant::now() >= next_touch {
            std::fs::write(&file, &edited).unwrap();
            let mtime = std::time::UNIX_EPOCH + Duration::from_secs(1_000_000_000 + touched);
            std::fs::File::options()
                .write(true)
                .open(&file)
                .and_then(|f| f.set_modified(mtime))
                .unwrap();
            touched += 1;
            next_touch = Instant::now() + Duration::from_millis(300);
        }
        app.update();
        let title = &app.world().resource::<LoadedScenario>().scenario.title;
        if title.starts_with("Watched: ") {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the edited scenario was not reloaded ({touched} edits)");
}

#[test]
fn the_source_viewer_opens_at_the_cited_passage() {
    let data = temp_dir("app-source");
    let mut app = app(&data);
    let s = main_scenario();
    let (cite, _) = s
        .timeline
        .iter()
        .filter_map(|e| e.as_event())
        .flat_map(|e| e.sources.iter().map(move |c| (c, e)))
        .find(|(c, _)| c.quote.is_some() && s.sources[c.source.0].text.is_some())
        .expect("an event quotes the CIA estimate");
    let quote = cite.quote.clone().unwrap();
    act(
        &mut app,
        UiAction::OpenSource {
            source: cite.source,
            passage: Some(quote.clone()),
        },
    );
    let viewer = app.world().resource::<SourceViewer>().0.clone();
    let open = viewer.expect("the viewer is open");
    assert_eq!(open.title, s.sources[cite.source.0].title);
    assert!(open.found(), "the passage is highlighted");
    let lit: Vec<&String> = open
        .paragraphs
        .iter()
        .zip(&open.highlighted)
        .filter(|(_, h)| **h)
        .map(|(p, _)| p)
        .collect();
    let words = panmunjom::scenario::text::normalize(&quote);
    assert!(
        lit.iter()
            .any(|p| panmunjom::scenario::text::normalize(p).contains(&words))
    );

    act(&mut app, UiAction::CloseSource);
    assert!(app.world().resource::<SourceViewer>().0.is_none());

    // A source without shipped text shows its title and reference.
    if let Some(i) = s.sources.iter().position(|src| src.text.is_none()) {
        act(
            &mut app,
            UiAction::OpenSource {
                source: panmunjom::scenario::SourceId(i),
                passage: None,
            },
        );
        let open = app.world().resource::<SourceViewer>().0.clone().unwrap();
        assert!(open.paragraphs.is_empty());
        assert_eq!(open.reference, s.sources[i].reference);
    }
}

#[test]
fn the_menu_opens_and_closes_and_the_text_size_changes_within_bounds() {
    let data = temp_dir("app-menu");
    let mut app = app(&data);
    act(&mut app, UiAction::ToggleMenu);
    assert!(app.world().resource::<MenuOpen>().0);
    act(&mut app, UiAction::ZoomIn);
    act(&mut app, UiAction::ZoomIn);
    assert_eq!(app.world().resource::<UiZoom>().percent(), 120);
    act(&mut app, UiAction::ZoomOut);
    assert_eq!(app.world().resource::<UiZoom>().percent(), 110);
    for _ in 0..30 {
        act(&mut app, UiAction::ZoomIn);
    }
    assert_eq!(app.world().resource::<UiZoom>().0, UiZoom::MAX);
    act(&mut app, UiAction::ZoomReset);
    assert_eq!(app.world().resource::<UiZoom>().percent(), 100);
    act(&mut app, UiAction::ToggleMenu);
    assert!(!app.world().resource::<MenuOpen>().0);

    // Saving with no game says so instead of failing silently.
    act(&mut app, UiAction::Save);
    assert!(toasts(&app).contains("no game"), "{}", toasts(&app));
    assert!(files_in(&saves_dir(&data)).is_empty());
}

/// Plays the game on screen to its end, taking history's option at every decision.
fn play_to_the_end(app: &mut App) {
    for _ in 0..200 {
        if sim(app) == SimState::Finished {
            return;
        }
        if game(app).pending().is_none() {
            // Reading on, or at the table: Continue (which leaves the table).
            act(app, UiAction::Continue);
            continue;
        }
        choose(app, false);
    }
    panic!("the game did not end");
}

/// Issue 9, bug 1: the debrief was cached by (scenario pointer, number of choices, log
/// length), so a second game of the same role on the same scenario, with another seed
/// but as many choices and log lines (history's options both times), showed the first
/// game's debrief.
#[test]
fn a_new_game_with_another_seed_shows_its_own_debrief() {
    use panmunjom::app::screens::debrief::DebriefCache;
    let data = temp_dir("app-debrief-cache");
    let mut app = app(&data);
    let mut shown = Vec::new();
    for seed in [11, 12] {
        act(&mut app, UiAction::ToStart);
        let setup = setup(&app, "un", seed);
        act(&mut app, UiAction::NewGame(setup));
        act(&mut app, UiAction::BeginPlay);
        play_to_the_end(&mut app);
        act(&mut app, UiAction::OpenDebrief);
        assert_eq!(screen(&app), Screen::Debrief);
        let g = game(&app);
        assert_eq!(g.setup.seed, seed);
        let expected = panmunjom::compare::Debrief::new(g);
        let cache = app.world().resource::<DebriefCache>();
        let d = cache
            .shown()
            .expect("the debrief screen computed its debrief");
        assert_eq!(d.seed, seed, "the debrief shows the game on screen");
        assert_eq!(d.outcome.armistice_date, expected.outcome.armistice_date);
        assert_eq!(d.divergence.total, expected.divergence.total);
        shown.push((g.choices.len(), g.log.len(), d.seed));
    }
    assert_ne!(shown[0].2, shown[1].2, "{shown:?}");
}

/// Issue 9, bug 3: the save file's name was built from the actor's id, which comes from
/// the scenario file: `../x` wrote the save beside the saves folder, an absolute id
/// outside the data folder altogether. Saves and exported debriefs stay in their folders
/// whatever the scenario's ids.
#[test]
fn hostile_ids_in_a_scenario_cannot_lead_saves_or_exports_out_of_their_folders() {
    use panmunjom::app::screens::debrief::{ExportDir, ExportStatus};
    for (n, hostile) in ["../x", "/abs/path", "..\\win", "../../.."]
        .into_iter()
        .enumerate()
    {
        let data = temp_dir(&format!("app-hostile-{n}"));
        let mut app = app(&data);
        // The scenario's own id and its first playable actor's id are hostile (the
        // checker accepts any non-empty id).
        let ron_id = hostile.replace('\\', "\\\\");
        let text = tiny_text()
            .replace("\"north\"", &format!("\"{ron_id}\""))
            .replace("id: \"tiny\"", &format!("id: \"{ron_id}/tiny\""));
        let file = data.join("hostile.ron");
        std::fs::write(&file, text).unwrap();
        act(&mut app, UiAction::LoadScenario(Some(file)));
        let problem = app.world().resource::<ScenarioProblem>().0.clone();
        assert_eq!(problem, None, "{hostile}: the scenario loads");
        let scenario = app.world().resource::<LoadedScenario>().scenario.clone();
        let role = scenario
            .actor_by_id(hostile)
            .expect("the hostile actor exists");
        act(
            &mut app,
            UiAction::NewGame(Setup {
                role,
                policy: Policy::Historical,
                seed: 1,
            }),
        );
        act(&mut app, UiAction::BeginPlay);
        act(&mut app, UiAction::Save);
        assert!(
            toasts(&app).contains("Saved to"),
            "{hostile}: {}",
            toasts(&app)
        );
        let saves = saves_dir(&data);
        let files = files_in(&saves);
        assert_eq!(files.len(), 1, "{hostile}: {files:?}");
        assert!(
            files[0].ends_with(".json") && !files[0].starts_with('.'),
            "{files:?}"
        );
        // Nothing was written into the data folder beside the saves folder.
        let beside: Vec<String> = files_in(&data)
            .into_iter()
            .filter(|f| f != "saves" && f != "hostile.ron")
            .collect();
        assert!(beside.is_empty(), "{hostile}: {beside:?}");
        // A later save replaces the same file.
        act(&mut app, UiAction::Save);
        assert_eq!(files_in(&saves), files, "{hostile}");

        let exports = app.world().resource::<ExportDir>().0.clone();
        assert_eq!(exports, data.join("debriefs"));
        act(&mut app, UiAction::ExportMarkdown);
        let status = app.world().resource::<ExportStatus>().0.clone();
        let path = match status {
            Some(Ok(p)) => p,
            other => panic!("{hostile}: export: {other:?}"),
        };
        assert_eq!(path.parent(), Some(exports.as_path()), "{hostile}");
        assert_eq!(files_in(&exports).len(), 1, "{hostile}");
    }
}

/// Runs the binary with these environment variables removed.
fn run_env(args: &[&str], remove: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_panmunjom"));
    cmd.args(args).stdin(std::process::Stdio::null());
    for v in remove {
        cmd.env_remove(v);
    }
    cmd.output().expect("the binary runs")
}

/// On Linux and the BSDs (elsewhere there is always a desktop: the window opens).
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
#[test]
fn without_a_display_the_window_says_so_in_one_line() {
    for args in [&[][..], &["tour", "--screenshots", "/tmp/never"][..]] {
        let out = run_env(args, &["DISPLAY", "WAYLAND_DISPLAY"]);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        if args.is_empty() {
            assert!(err.contains("panmunjom play"), "{err}");
            assert!(err.contains("panmunjom replay"), "{err}");
        }
    }
}
