//! The window's screens without a window: Play, Replay and Debrief driven by the same
//! `UiAction`s a person's clicks and keys write, on `MinimalPlugins` + `StatesPlugin`.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use chrono::NaiveDate;
use panmunjom::app::history::HistoricalPath;
use panmunjom::app::screens::debrief::{ExportDir, ExportStatus};
use panmunjom::app::screens::play::{PlayView, Showing};
use panmunjom::app::screens::replay::ReplayView;
use panmunjom::app::{AppLogicPlugin, DataDir, LoadedScenario, Screen, UiAction};
use panmunjom::engine::{Game, Happening, Policy, Setup};
use panmunjom::record::Record;
use panmunjom::sim::{CurrentGame, SimulationPlugin};

use crate::common::{main_scenario, run, stdout, temp_dir};

/// The app on a data folder of its own (saves and exported debriefs never touch the
/// person's).
fn app(name: &str) -> App {
    let mut app = App::new();
    app.insert_resource(DataDir(temp_dir(name)));
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        SimulationPlugin,
        AppLogicPlugin,
    ));
    app.insert_resource(LoadedScenario {
        scenario: main_scenario(),
        path: None,
    });
    app.update();
    app
}

fn act(app: &mut App, action: UiAction) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn game(app: &App) -> &Game {
    &app.world().resource::<CurrentGame>().0
}

fn showing(app: &App) -> Showing {
    app.world().resource::<PlayView>().showing(game(app))
}

/// Starts a game as `role` and opens the play screen.
fn begin(app: &mut App, role: &str, policy: Policy) {
    let s = main_scenario();
    let role = s.actor_by_id(role).expect("the role exists");
    act(
        app,
        UiAction::NewGame(Setup {
            role,
            policy,
            seed: 7,
        }),
    );
    assert_eq!(screen(app), Screen::Briefing);
    act(app, UiAction::BeginPlay);
    assert_eq!(screen(app), Screen::Play);
}

/// Continues until a decision is on screen; returns how many Continues it took.
fn continue_to_decision(app: &mut App) -> usize {
    for n in 0..500 {
        match showing(app) {
            Showing::Decision(_) => return n,
            Showing::Outcome => panic!("the game ended before a decision"),
            _ => act(app, UiAction::Continue),
        }
    }
    panic!("no decision after 500 Continues");
}

#[test]
fn continue_walks_the_events_then_a_choice_reveals_history_and_leads_on() {
    let mut app = app("screens-walk");
    begin(&mut app, "un", Policy::Historical);
    // The first thing on screen is an event the UN side knew of, not the decision.
    let Showing::Item(first) = showing(&app) else {
        panic!("expected an event first, got {:?}", showing(&app));
    };
    assert!(matches!(
        game(&app).log[first].happening,
        Happening::Fired(_)
    ));
    let steps = continue_to_decision(&mut app);
    assert!(steps > 0, "events come before the first decision");
    let Showing::Decision(decision) = showing(&app) else {
        unreachable!()
    };
    let d = game(&app)
        .scenario
        .entry(decision)
        .as_decision()
        .unwrap()
        .clone();
    // Take an open option other than history's when there is one.
    let open = game(&app).open_options(decision);
    let pick = open
        .iter()
        .copied()
        .find(|&o| Some(o) != d.historical)
        .or(d.historical)
        .unwrap();
    act(&mut app, UiAction::Choose(pick));

    // After the choice: what the real side did is on screen.
    let view = app.world().resource::<PlayView>();
    assert_eq!(view.reveal(game(&app)), Some((decision, pick)));
    assert!(
        d.historical_option().unwrap().historical.is_some(),
        "the historical option carries its note and sources"
    );
    assert_eq!(game(&app).choices, vec![(decision, pick)]);
    let Showing::Item(revealed_at) = showing(&app) else {
        unreachable!()
    };

    // Continue: the game moves on to the next thing the UN side learns.
    act(&mut app, UiAction::Continue);
    match showing(&app) {
        Showing::Item(i) => {
            assert!(i > revealed_at, "the next item comes after the choice");
            assert!(game(&app).log[i].date >= d.date);
        }
        Showing::Decision(next) => assert_ne!(next, decision),
        // A meeting of the talks where the UN Command may table comes first.
        Showing::Table(m) => assert!(game(&app).scenario.meeting(m).date >= d.date),
        other => panic!("after the choice: {other:?}"),
    }
    assert!(
        app.world()
            .resource::<PlayView>()
            .reveal(game(&app))
            .is_none()
    );
}

#[test]
fn a_closed_option_is_refused_and_an_earlier_item_can_be_shown_again() {
    let mut app = app("screens-refused");
    begin(&mut app, "un", Policy::Historical);
    let Showing::Item(first) = showing(&app) else {
        panic!("expected an event first")
    };
    act(&mut app, UiAction::Continue);
    act(&mut app, UiAction::PlayShow(Some(first)));
    assert_eq!(showing(&app), Showing::Item(first));
    // Continue (or Back to the present) returns to where the player was.
    act(&mut app, UiAction::PlayShow(None));
    assert_ne!(showing(&app), Showing::Item(first));
    continue_to_decision(&mut app);
    act(&mut app, UiAction::Choose(99));
    assert!(
        matches!(showing(&app), Showing::Decision(_)),
        "a bad option changes nothing"
    );
    assert!(game(&app).choices.is_empty());
}

#[test]
fn the_un_inbox_fills_with_intelligence_reports() {
    let mut app = app("screens-inbox");
    begin(&mut app, "un", Policy::Historical);
    let mut reports = 0;
    for _ in 0..3000 {
        match showing(&app) {
            Showing::Decision(d) => {
                let pick = game(&app).historical_or_first(d).unwrap();
                act(&mut app, UiAction::Choose(pick));
            }
            Showing::Outcome => break,
            Showing::Item(i) => {
                if matches!(game(&app).log[i].happening, Happening::Report { .. }) {
                    reports += 1;
                }
                act(&mut app, UiAction::Continue);
            }
            Showing::Waiting | Showing::Table(_) => act(&mut app, UiAction::Continue),
        }
    }
    assert_eq!(showing(&app), Showing::Outcome);
    assert!(reports > 0, "the UN side read intelligence reports");
    let g = game(&app);
    let view = app.world().resource::<PlayView>();
    assert_eq!(panmunjom::app::widgets::inbox::items(g).len(), reports);
    assert_eq!(panmunjom::app::widgets::inbox::unread(g, &view.read), 0);
    assert_eq!(
        g.state.armistice.as_ref().map(|a| a.date),
        NaiveDate::from_ymd_opt(1953, 7, 27)
    );
    act(&mut app, UiAction::OpenDebrief);
    assert_eq!(screen(&app), Screen::Debrief);
}

#[test]
fn replay_steps_on_and_back_to_the_same_state_and_jumps_to_a_date() {
    let mut app = app("screens-replay");
    act(&mut app, UiAction::OpenReplay);
    assert_eq!(screen(&app), Screen::Replay);
    let step = |app: &App| app.world().resource::<ReplayView>().step;
    assert_eq!(step(&app), 0);
    for _ in 0..5 {
        act(&mut app, UiAction::ReplayNext);
    }
    assert_eq!(step(&app), 5);
    let s = main_scenario();
    let loaded = app.world().resource::<LoadedScenario>().scenario.clone();
    let history = app.world_mut().resource_mut::<HistoricalPath>().of(&loaded);
    let before = history.steps[5].clone();
    act(&mut app, UiAction::ReplayNext);
    assert_eq!(step(&app), 6);
    assert_ne!(history.steps[6].title, before.title);
    act(&mut app, UiAction::ReplayBack);
    assert_eq!(step(&app), 5);
    let after = &history.steps[step(&app)];
    assert_eq!(
        (&after.title, &after.state, after.date),
        (&before.title, &before.state, before.date)
    );

    let date = NaiveDate::from_ymd_opt(1953, 6, 8).unwrap();
    act(&mut app, UiAction::ReplayJump(date));
    let k = step(&app);
    assert!(history.steps[k].date >= date);
    assert!(history.steps[k - 1].date < date);
    // Back at the first step, back stays there; past the end, next stays at the last.
    act(&mut app, UiAction::ReplayJump(s.start));
    assert_eq!(step(&app), 0);
    act(&mut app, UiAction::ReplayBack);
    assert_eq!(step(&app), 0);
    act(
        &mut app,
        UiAction::ReplayJump(NaiveDate::from_ymd_opt(1999, 1, 1).unwrap()),
    );
    assert_eq!(step(&app), history.steps.len() - 1);
    act(&mut app, UiAction::ReplayNext);
    assert_eq!(step(&app), history.steps.len() - 1);

    // Autoplay starts (from the beginning when at the end) and stops.
    act(&mut app, UiAction::ReplayAutoplay(Some(4)));
    let v = app.world().resource::<ReplayView>();
    assert_eq!((v.autoplay, v.speed), (Some(4), 4));
    assert!(v.step < history.steps.len() - 1);
    act(&mut app, UiAction::ReplayAutoplay(None));
    assert_eq!(app.world().resource::<ReplayView>().autoplay, None);
}

#[test]
fn export_writes_the_same_bytes_as_the_debrief_command() {
    let dir = temp_dir("app-export");
    let mut app = app("screens-export");
    // Exports go to `debriefs/` in the app's data folder.
    let debriefs = app.world().resource::<DataDir>().0.join("debriefs");
    assert_eq!(app.world().resource::<ExportDir>().0, debriefs);
    begin(&mut app, "prc", Policy::Adaptive);
    let mut decided = 0;
    for _ in 0..3000 {
        match showing(&app) {
            Showing::Decision(d) => {
                let g = game(&app);
                let open = g.open_options(d);
                // The last open option at the first decisions, history after.
                let pick = if decided < 2 {
                    *open.last().unwrap()
                } else {
                    g.historical_or_first(d).unwrap()
                };
                decided += 1;
                act(&mut app, UiAction::Choose(pick));
            }
            Showing::Outcome => break,
            _ => act(&mut app, UiAction::Continue),
        }
    }
    assert_eq!(showing(&app), Showing::Outcome);
    act(&mut app, UiAction::OpenDebrief);
    act(&mut app, UiAction::ExportMarkdown);
    let status = app.world().resource::<ExportStatus>().0.clone();
    let path = match status {
        Some(Ok(p)) => p,
        other => panic!("export: {other:?}"),
    };
    assert_eq!(path.parent(), Some(debriefs.as_path()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("korea-1952-1953-prc-seed7-") && name.ends_with(".md"),
        "{name}"
    );
    let written = std::fs::read(&path).unwrap();

    let record = dir.join("game.json");
    Record::of(game(&app)).write(&record).unwrap();
    let cli = run(
        &["debrief", record.to_str().unwrap(), "--format", "md"],
        None,
    );
    assert!(cli.status.success());
    assert_eq!(String::from_utf8_lossy(&written), stdout(&cli));
    assert_eq!(written, cli.stdout);

    // A second export does not overwrite the first; no temporary file is left.
    act(&mut app, UiAction::ExportMarkdown);
    let files: Vec<_> = std::fs::read_dir(&debriefs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files
            .iter()
            .all(|f| f.ends_with(".md") && !f.starts_with('.'))
    );
}

#[test]
fn the_start_form_in_explore_mode_opens_the_explorer_and_comes_back() {
    use panmunjom::app::screens::start::{Mode, StartForm};
    let mut app = app("screens-explore");
    let form = StartForm {
        mode: Mode::Explore,
        ..app.world().resource::<StartForm>().clone()
    };
    let action = form.begin(&main_scenario()).expect("explore needs no role");
    assert_eq!(action, UiAction::OpenExplore);
    act(&mut app, action);
    assert_eq!(screen(&app), Screen::Explore);
    act(&mut app, UiAction::ToStart);
    assert_eq!(screen(&app), Screen::Start);
}

#[test]
fn a_named_game_is_saved_with_its_name_and_the_class_screen_reports_and_exports_it() {
    use panmunjom::app::screens::class::ClassState;
    use panmunjom::app::screens::start::{Mode, StartForm};
    let mut app = app("screens-class");
    app.world_mut().resource_mut::<StartForm>().name = "  Group <4>  ".into();
    begin(&mut app, "un", Policy::Historical);
    act(&mut app, UiAction::Save);
    let saves = app.world().resource::<DataDir>().saves();
    let file = std::fs::read_dir(&saves)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let record = Record::read(&file).unwrap();
    assert_eq!(record.name.as_deref(), Some("Group <4>"));
    std::fs::write(saves.join("broken.json"), "{").unwrap();

    let form = StartForm {
        mode: Mode::Class,
        ..app.world().resource::<StartForm>().clone()
    };
    let action = form
        .begin(&main_scenario())
        .expect("the class report needs no role");
    assert_eq!(action, UiAction::OpenClass);
    act(&mut app, action);
    assert_eq!(screen(&app), Screen::Class);
    let folder = app.world().resource::<ClassState>().folder.clone();
    assert_eq!(
        folder,
        saves.display().to_string(),
        "the saves folder by default"
    );
    act(&mut app, UiAction::ReadClass(saves.clone()));
    let state = app.world().resource::<ClassState>();
    let report = state.report.as_ref().expect("a report");
    assert_eq!(report.game_count(), 1);
    assert_eq!(report.groups[0].games[0].name.as_deref(), Some("Group <4>"));
    assert_eq!(
        report.skipped.len(),
        1,
        "the broken file is named, not fatal"
    );

    act(&mut app, UiAction::ExportClassHtml);
    let written = match &app.world().resource::<ClassState>().export {
        Some(Ok(p)) => p.clone(),
        other => panic!("export: {other:?}"),
    };
    let html = std::fs::read_to_string(&written).unwrap();
    assert!(html.contains("Group &lt;4&gt;"));
    assert!(written.starts_with(&app.world().resource::<ExportDir>().0));
}

#[test]
fn the_debrief_exports_html_beside_markdown() {
    let mut app = app("screens-export-html");
    begin(&mut app, "un", Policy::Historical);
    for _ in 0..2000 {
        if game(&app).is_finished() {
            break;
        }
        match showing(&app) {
            Showing::Decision(_) => {
                let g = game(&app);
                let id = g.pending().unwrap();
                let pick = g.historical_or_first(id).unwrap();
                act(&mut app, UiAction::Choose(pick));
            }
            _ => act(&mut app, UiAction::Continue),
        }
    }
    act(&mut app, UiAction::OpenDebrief);
    act(&mut app, UiAction::ExportHtml);
    let path = match &app.world().resource::<ExportStatus>().0 {
        Some(Ok(p)) => p.clone(),
        other => panic!("export: {other:?}"),
    };
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("html"));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Debrief"));
}

#[test]
fn run_on_the_explore_screen_plays_the_same_games_as_the_explorer() {
    use panmunjom::app::screens::explore::{ExploreState, Way};
    use panmunjom::explore::strategy::{Strategy, explore_strategies};
    use panmunjom::explore::{self, Config};
    use std::sync::atomic::AtomicUsize;
    let mut app = app("screens-explore-run");
    act(&mut app, UiAction::OpenExplore);
    assert_eq!(screen(&app), Screen::Explore);
    {
        let mut state = app.world_mut().resource_mut::<ExploreState>();
        state.runs = 40;
        state.seed = 11;
        state.ways = vec![Way::RandomDecisions, Way::Table(Strategy::Boulware)];
    }
    act(&mut app, UiAction::RunExplore);
    for _ in 0..6000 {
        if !app.world().resource::<ExploreState>().running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.update();
    }
    let state = app.world().resource::<ExploreState>();
    let results = match &state.results {
        Some(Ok(r)) => r,
        other => panic!(
            "the run did not finish with results: {:?}",
            other.as_ref().map(|r| r.as_ref().err())
        ),
    };
    assert_eq!(
        results.runs.len(),
        2,
        "one result per way of playing, in order"
    );
    // Each way's report is the command line's: the same games, same seed.
    let s = main_scenario();
    let role = s.playable().next().expect("a playable role").0;
    let cfg = Config {
        role,
        runs: 40,
        policy: Policy::Historical,
        seed: 11,
        vary: None,
        threads: 1,
    };
    let direct = explore::explore(&s, &cfg, &AtomicUsize::new(0)).expect("explores");
    assert_eq!(results.runs[0].report, direct);
    let boulware = explore_strategies(&s, &cfg, &[Strategy::Boulware]);
    assert_eq!(results.runs[1].report, boulware.strategies[0].report);
    assert_eq!(
        results.runs[1].agreed_at_table,
        Some(boulware.strategies[0].agreed_at_table)
    );
}

/// Continues until the Table panel shows a meeting where the player may table.
fn continue_to_table(app: &mut App) -> panmunjom::scenario::MeetingId {
    for _ in 0..2000 {
        match showing(app) {
            Showing::Table(m) if game(app).may_table() => return m,
            Showing::Decision(d) => {
                let pick = game(app).historical_or_first(d).expect("an open option");
                act(app, UiAction::Choose(pick));
            }
            Showing::Outcome => panic!("the game ended before a meeting"),
            _ => act(app, UiAction::Continue),
        }
    }
    panic!("no meeting after 2000 steps");
}

/// At a meeting where history tabled the player's side's proposal, Continue without a
/// move of the player's own tables it (as the all-historical path does), and the
/// proposal joins the journal and the timeline as a log line the side sees.
#[test]
fn continue_at_a_meeting_tables_historys_proposal() {
    use panmunjom::engine::{Decider, Happening};
    let mut app = app("screens-table-history");
    begin(&mut app, "un", Policy::Historical);
    let mut found = None;
    for _ in 0..4000 {
        match showing(&app) {
            Showing::Table(_) if !game(&app).historical_here().is_empty() => {
                found = Some(game(&app).historical_here()[0]);
                break;
            }
            Showing::Decision(d) => {
                let pick = game(&app).historical_or_first(d).expect("an open option");
                act(&mut app, UiAction::Choose(pick));
            }
            Showing::Outcome => break,
            _ => act(&mut app, UiAction::Continue),
        }
    }
    let p = found.expect("a meeting where history tabled the UN's proposal");
    act(&mut app, UiAction::Continue);
    let g = game(&app);
    let i = g
        .table_history()
        .iter()
        .position(|t| t.historical == Some(p))
        .expect("history's proposal tabled");
    assert_eq!(g.table_history()[i].by, Decider::Player);
    assert!(
        g.log
            .iter()
            .any(|l| l.happening == Happening::Tabled(i) && g.player_sees(l)),
        "the proposal is in the side's log"
    );
}

#[test]
fn at_the_table_a_package_is_answered_with_reasons_and_continue_leaves_the_table() {
    use panmunjom::app::overlays::toast::Toasts;
    use panmunjom::engine::Decider;
    use panmunjom::scenario::PosId;
    use panmunjom::sim::SimState;
    let mut app = app("screens-table");
    begin(&mut app, "un", Policy::Historical);
    let m = continue_to_table(&mut app);
    assert_eq!(
        *app.world().resource::<State<SimState>>().get(),
        SimState::AtTable
    );
    let s = main_scenario();
    let role = game(&app).setup.role;
    let before = game(&app).table_history().len();

    // A package beyond the UN's own limit (total repatriation) is refused, in words.
    let principle = s.issues.iter().position(|i| i.id == "principle").unwrap();
    let mut beyond = vec![None; s.issues.len()];
    beyond[principle] = Some(PosId(0));
    act(&mut app, UiAction::TableOffer(beyond));
    assert_eq!(game(&app).table_history().len(), before, "nothing tabled");
    let toasts = app.world().resource::<Toasts>().texts().join(" | ");
    assert!(toasts.contains("limit"), "the refusal says why: {toasts}");

    // The side's own public positions: tabled, and every other seated side answers
    // with a reason in words.
    let own = game(&app).state.positions[role.0].clone();
    act(&mut app, UiAction::TableOffer(own.clone()));
    let g = game(&app);
    let tabled = &g.table_history()[before];
    assert_eq!(tabled.author, role);
    assert_eq!(tabled.by, Decider::Player);
    assert_eq!(tabled.terms, own);
    let seated = &s.session(s.meeting(m).session).seated;
    assert_eq!(tabled.answers.len(), seated.len() - 1);
    for a in &tabled.answers {
        assert!(a.reply.is_some(), "{} answered", s.actor(a.actor).id);
        assert!(!a.reason.text(&s).is_empty());
    }
    // A counter-proposal, if one came, waits for the player's answer; Reject answers it.
    if let Some(&counter) = g.open_offers().iter().find(|&&i| i > before) {
        act(&mut app, UiAction::TableReject(counter));
        let answer = game(&app).table_history()[counter]
            .answer_of(role)
            .and_then(|a| a.reply);
        assert_eq!(answer, Some(panmunjom::scenario::Reply::Rejected));
    }

    // Continue leaves the table; the game moves on past this meeting.
    act(&mut app, UiAction::Continue);
    assert_ne!(game(&app).at_table(), Some(m));
    assert_ne!(showing(&app), Showing::Table(m));
}

#[test]
fn a_side_learns_only_the_limits_its_intelligence_reveals() {
    use panmunjom::app::screens::play::table::learnt_limits;
    let s = main_scenario();
    let play = |role: &str| {
        let mut g = Game::new(
            s.clone(),
            Setup {
                role: s.actor_by_id(role).unwrap(),
                policy: Policy::Historical,
                seed: 3,
            },
        );
        g.play_historical();
        g
    };
    // Peking is told of the Soviet council's resolution of March 1953 (private to the
    // bloc): it learns Moscow's limits from it.
    let prc = play("prc");
    let ussr = s.actor_by_id("ussr").unwrap();
    let learnt = learnt_limits(&prc);
    assert!(
        learnt.iter().any(|k| k.actor == ussr),
        "the PRC learns the Soviet limits: {learnt:?}"
    );
    assert!(learnt.iter().all(|k| k.actor != prc.setup.role));
    let council = learnt
        .iter()
        .find(|k| k.actor == ussr)
        .map(|k| k.from.clone())
        .unwrap();
    // The UN Command, outside the bloc, learns nothing from it.
    let un = play("un");
    assert!(learnt_limits(&un).iter().all(|k| k.from != council));
}
