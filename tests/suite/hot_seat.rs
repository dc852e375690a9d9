//! Hot-seat: several people at one terminal or one window. The curtain comes between two
//! people's turns (and not between two turns of the same person), and what each
//! delegation is shown holds nothing private to another.

use std::path::Path;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use panmunjom::app::overlays::source_viewer::SourceViewer;
use panmunjom::app::screens::play::{HotSeat, PlayView};
use panmunjom::app::{AppLogicPlugin, DataDir, LoadedScenario, Screen, UiAction};
use panmunjom::engine::{Game, Happening, Policy, Setup};
use panmunjom::record::Record;
use panmunjom::scenario::{ActorId, Scenario, Visibility};
use panmunjom::sim::{CurrentGame, SimulationPlugin};

use crate::common::{main_scenario, run, stderr, stdout, temp_dir};

/// Titles of the events of `s` that `role` never learns of: not known to it at once and
/// not reported to it (private to others, or intelligence it does not receive).
fn secret_titles(s: &Scenario, role: ActorId) -> Vec<String> {
    s.timeline
        .iter()
        .filter_map(|e| e.as_event())
        .filter(|e| match &e.visibility {
            Visibility::Public => false,
            Visibility::Private(who) => !who.contains(&role),
            Visibility::Intelligence { among, to, .. } => {
                !among.contains(&role) && !to.contains(&role)
            }
        })
        // A title that another, visible event shares would prove nothing.
        .filter(|e| {
            s.timeline
                .iter()
                .filter_map(|x| x.as_event())
                .filter(|x| x.title == e.title)
                .count()
                == 1
        })
        .map(|e| e.title.clone())
        .collect()
}

#[test]
fn terminal_hot_seat_shows_each_delegation_only_its_own_side() {
    let s = main_scenario();
    let dir = temp_dir("hot-seat-terminal");
    let save = dir.join("hot.json");
    let out = run(
        &[
            "play",
            "--roles",
            "un,chinese",
            "--choices",
            "historical",
            "--save",
            save.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let (un, prc) = (s.actor_by_id("un").unwrap(), s.actor_by_id("prc").unwrap());
    let name = |r: ActorId| s.actor(r).name.clone();
    // Split the output at the curtains: each part after one is that delegation's.
    let marker = "Hand over to the delegation of ";
    let mut parts: Vec<(ActorId, String)> = Vec::new();
    for chunk in text.split(marker).skip(1) {
        let who = if chunk.starts_with(&name(un)) {
            un
        } else if chunk.starts_with(&name(prc)) {
            prc
        } else {
            panic!("a curtain for an unknown delegation: {chunk:.80}")
        };
        // The game's end (the debrief of every delegation) is for everyone.
        let own = chunk
            .split("The game is over: every delegation may look")
            .next()
            .unwrap_or(chunk);
        parts.push((who, own.to_string()));
    }
    assert!(parts.len() >= 4, "several hand-overs: {}", parts.len());
    for w in parts.windows(2) {
        assert_ne!(
            w[0].0, w[1].0,
            "no curtain between two turns of one delegation"
        );
    }
    let mut hidden = 0;
    for (who, part) in &parts {
        let other = if *who == un { prc } else { un };
        for title in secret_titles(&s, *who) {
            assert!(
                !part.contains(&title),
                "{} was shown `{title}`, which its side never learns",
                s.actor(*who).id
            );
            hidden += usize::from(parts.iter().any(|(w, p)| *w == other && p.contains(&title)));
        }
    }
    assert!(
        hidden > 0,
        "some event shown to one delegation is hidden from the other"
    );
    // The debrief at the end shows every delegation.
    let debrief = text.split("THE DEBRIEF: EVERY DELEGATION").nth(1).unwrap();
    assert!(
        debrief.contains(&name(un).to_uppercase()) && debrief.contains(&name(prc).to_uppercase())
    );
    // The record holds both seats, and replays to the same game.
    let record = Record::read(&save).unwrap();
    let seats: Vec<_> = record.seats.iter().map(|x| x.role.as_str()).collect();
    assert_eq!(seats, ["un", "prc"]);
    let game = record.replay("hot.json", s).unwrap();
    assert_eq!(Record::of(&game), record);
}

#[test]
fn terminal_hot_seat_errors_name_the_bad_role_or_choice() {
    for (args, says) in [
        (vec!["--roles", "un,xyz"], "`xyz` is not a playable role"),
        (
            vec!["--roles", "un,chinese", "--choices", "un:1;rok:1"],
            "`rok` is not one of the roles played here",
        ),
        (
            vec!["--roles", "un,chinese", "--choices", "un:h;chinese:9"],
            "(role `prc`)",
        ),
        (
            vec!["--roles", "un,chinese", "--choices", "1,2"],
            "give each role's list after its name",
        ),
        (vec!["--roles", "un,unc"], "a second time"),
        (
            vec!["--roles", "un,chinese", "--name", "Ann"],
            "one --name per role",
        ),
    ] {
        let mut all = vec!["play"];
        all.extend(args.iter().copied());
        let out = run(&all, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn terminal_hot_seat_waits_for_enter_at_the_curtain_of_a_prompted_delegation() {
    // The UN types (Enter at each curtain, `1` at each decision, passes at the table);
    // China plays history from its list.
    let input = "\n1\n".repeat(300);
    let out = run(
        &[
            "play",
            "--roles",
            "un,chinese",
            "--choices",
            "chinese:historical",
        ],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let un = "Hand over to the delegation of UN Command \u{2014} press Enter when ready";
    assert!(text.matches(un).count() >= 2, "{text:.2000}");
    assert!(
        !text.contains("People's Republic of China \u{2014} press Enter"),
        "a delegation playing from a list is not waited for"
    );
}

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

fn act(app: &mut App, action: UiAction) {
    app.world_mut().write_message(action);
    app.update();
    app.update();
}

/// A hot-seat game in the window's logic (headless), driven to its end by the actions a
/// person's clicks write: at every moment, what the play screen holds for the delegation
/// at the screen is what its side knows, and the curtain comes exactly when the turn
/// passes to another delegation.
#[test]
fn window_hot_seat_curtain_and_per_role_view() {
    let data = temp_dir("hot-seat-window");
    let mut app = app(&data);
    let s = app.world().resource::<LoadedScenario>().scenario.clone();
    let (un, prc) = (s.actor_by_id("un").unwrap(), s.actor_by_id("prc").unwrap());
    act(&mut app, UiAction::ToggleSeat(prc));
    act(
        &mut app,
        UiAction::NewGame(Setup {
            role: un,
            policy: Policy::Historical,
            seed: 4,
        }),
    );
    let seat = |app: &App| {
        let h = app.world().resource::<HotSeat>();
        (h.viewer, h.curtain)
    };
    let first = app.world().resource::<CurrentGame>().0.turn();
    assert_eq!(
        seat(&app),
        (first, true),
        "the curtain is up for the first turn"
    );
    act(&mut app, UiAction::LiftCurtain);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Briefing,
        "a delegation's first turn opens its briefing"
    );
    act(&mut app, UiAction::BeginPlay);
    let mut viewer = first;
    let mut handovers = 0;
    let mut curtain_since = true;
    let mut last_key = None;
    // Each waiting point in turn: the delegation waited for, and whether a curtain came
    // before it.
    let mut turns: Vec<(ActorId, bool)> = Vec::new();
    let mut seen_lines = [0usize; 2];
    let mut opened_source = false;
    for _ in 0..20_000 {
        let (v, curtain) = seat(&app);
        let g: &Game = &app.world().resource::<CurrentGame>().0;
        if g.is_finished() {
            break;
        }
        if curtain {
            assert_ne!(
                v, viewer,
                "the curtain comes only when the screen changes hands"
            );
            assert!(
                app.world().resource::<SourceViewer>().0.is_none(),
                "the source viewer the last delegation opened is closed"
            );
            handovers += 1;
            viewer = v;
            curtain_since = true;
            act(&mut app, UiAction::LiftCurtain);
            if *app.world().resource::<State<Screen>>().get() == Screen::Briefing {
                act(&mut app, UiAction::BeginPlay);
            }
            continue;
        }
        assert_eq!(
            v, viewer,
            "the screen never changes hands without the curtain"
        );
        if let Some(t) = g.turn() {
            assert_eq!(v, Some(t), "the screen is the delegation whose turn it is");
            let key = (
                t,
                g.pending(),
                g.at_table(),
                g.log.len(),
                g.table_moves().len(),
            );
            if last_key != Some(key) {
                turns.push((t, curtain_since));
                curtain_since = false;
                last_key = Some(key);
            }
        }
        let me = v.unwrap();
        if handovers == 1 && app.world().resource::<SourceViewer>().0.is_none() {
            act(
                &mut app,
                UiAction::OpenSource {
                    source: panmunjom::scenario::SourceId(0),
                    passage: None,
                },
            );
            assert!(app.world().resource::<SourceViewer>().0.is_some());
            opened_source = true;
            continue;
        }
        // Everything on the play screen comes from the shown game and the view.
        let shown = app
            .world()
            .resource::<HotSeat>()
            .shown(app.world().resource::<CurrentGame>());
        assert_eq!(
            shown.setup.role, me,
            "the screen speaks for the delegation at it"
        );
        let view = app.world().resource::<PlayView>();
        for &i in &view.items {
            let line = &g.log[i];
            assert!(
                g.sees(me, line),
                "{:?} shown to {}",
                line.happening,
                s.actor(me).id
            );
            if let Happening::Decided { entry, .. } = line.happening {
                assert_eq!(s.entry(entry).as_decision().unwrap().role, me);
            }
        }
        seen_lines[usize::from(me == prc)] = view.items.len();
        assert_eq!(
            shown.known_limits()[me.0],
            g.state.limits[me.0],
            "its own limits"
        );
        let other = if me == un { prc } else { un };
        assert_eq!(
            shown.known_limits()[other.0],
            g.known_limits_of(me)[other.0],
            "of the other delegation's limits, only what its side learnt"
        );
        match g.pending() {
            Some(d) if view.current >= view.items.len() => {
                let pick = g.historical_or_first(d).unwrap();
                act(&mut app, UiAction::Choose(pick));
            }
            _ => act(&mut app, UiAction::Continue),
        }
    }
    assert!(app.world().resource::<CurrentGame>().0.is_finished());
    assert!(handovers >= 4, "the screen changed hands {handovers} times");
    assert!(
        opened_source,
        "a delegation opened a source before a hand-over"
    );
    for w in turns.windows(2) {
        assert_eq!(
            w[1].1,
            w[0].0 != w[1].0,
            "a curtain between two delegations' turns, none between one's: {w:?}"
        );
    }
    assert!(
        turns.windows(2).any(|w| w[0].0 == w[1].0),
        "the game has consecutive turns of one delegation"
    );
    assert!(seen_lines.iter().all(|&n| n > 0));
    // The record of the window's game holds both seats.
    let g = &app.world().resource::<CurrentGame>().0;
    let record = Record::of(g);
    assert_eq!(record.seats.len(), 2);
    let again = record.replay("window", s).unwrap();
    assert_eq!(again.log.len(), g.log.len());
}

/// The window's export of a hot-seat game covers every delegation: the file names every
/// seated role and its "Every delegation" section every seat; exported as another
/// delegation, it is that side's debrief, still with every seat.
#[test]
fn window_hot_seat_export_covers_every_delegation() {
    use panmunjom::app::screens::debrief::ExportStatus;
    let data = temp_dir("hot-seat-export");
    let mut app = app(&data);
    let s = app.world().resource::<LoadedScenario>().scenario.clone();
    let (un, prc) = (s.actor_by_id("un").unwrap(), s.actor_by_id("prc").unwrap());
    act(&mut app, UiAction::ToggleSeat(prc));
    act(
        &mut app,
        UiAction::NewGame(Setup {
            role: un,
            policy: Policy::Historical,
            seed: 4,
        }),
    );
    for _ in 0..20_000 {
        let g = &app.world().resource::<CurrentGame>().0;
        if g.is_finished() {
            break;
        }
        let view = app.world().resource::<PlayView>();
        let pick = g
            .pending()
            .filter(|_| view.current >= view.items.len())
            .map(|d| g.historical_or_first(d).unwrap());
        if app.world().resource::<HotSeat>().curtain {
            act(&mut app, UiAction::LiftCurtain);
            if *app.world().resource::<State<Screen>>().get() == Screen::Briefing {
                act(&mut app, UiAction::BeginPlay);
            }
            continue;
        }
        match pick {
            Some(p) => act(&mut app, UiAction::Choose(p)),
            None => act(&mut app, UiAction::Continue),
        }
    }
    assert!(app.world().resource::<CurrentGame>().0.is_finished());
    let export = |app: &mut App| {
        act(app, UiAction::ExportMarkdown);
        let path = match &app.world().resource::<ExportStatus>().0 {
            Some(Ok(p)) => p.clone(),
            other => panic!("export: {other:?}"),
        };
        (path.clone(), std::fs::read_to_string(path).unwrap())
    };
    let (path, md) = export(&mut app);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.contains("-un-prc-seed4-"), "{name}");
    let every = md
        .split("## Every delegation")
        .nth(1)
        .expect("every delegation");
    for r in [un, prc] {
        assert!(
            every.contains(&format!("### {}", s.actor(r).name)),
            "{}",
            s.actor(r).name
        );
    }
    assert!(md.contains(&format!("the side of **{}**", s.actor(un).name)));
    act(&mut app, UiAction::DebriefSeat(prc));
    let (_, md) = export(&mut app);
    assert!(
        md.contains(&format!("the side of **{}**", s.actor(prc).name)),
        "as the PRC"
    );
    assert!(md.contains("## Every delegation"));
}
