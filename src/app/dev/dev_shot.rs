//! A developer's screenshot hook: `PANMUNJOM_SHOT=out.png` drives the window to a screen
//! and saves one PNG, then exits — to look at Play, Replay and Debrief without clicking.
//!
//! `PANMUNJOM_SHOT_SCREEN` is `play` (default), `start`, `replay`, `debrief`, `table` (the first
//! meeting where the player may table, on or after `PANMUNJOM_SHOT_AFTER` (a date) if
//! set, after tabling its own positions) or `explore` (a run
//! of `PANMUNJOM_SHOT_RUNS` games, default 500, the other sides adaptive when
//! `PANMUNJOM_SHOT_ADAPTIVE` is set);
//! `PANMUNJOM_SHOT_SCENARIO` the id of a built-in scenario to load first (default: the main one);
//! `PANMUNJOM_SHOT_ROLE` a role id (default `un`); `PANMUNJOM_SHOT_DECISIONS` how many
//! decisions to take before the shot (the first non-historical, the rest historical;
//! `all` plays to the end); `PANMUNJOM_SHOT_HEIGHT` the window's height (default 800);
//! `PANMUNJOM_SHOT_DEBRIEF_TABLE=1` opens the debrief at its At the table tab;
//! `PANMUNJOM_SHOT_TAB=inbox` opens the play screen's inbox; `PANMUNJOM_SHOT_BARGAIN=1`
//! opens the Bargaining panel (B); `PANMUNJOM_SHOT_SEATS=prc,ussr` seats those roles too
//! (hot-seat: every curtain is lifted as it comes). It drives the same `UiAction`s as a
//! person's clicks.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use crate::app::overlays::bargaining::BargainPanel;
use crate::app::screens::explore::ExploreState;
use crate::app::screens::play::{PlayView, Showing};
use crate::app::{LoadedScenario, UiAction};
use crate::engine::{Policy, Setup};
use crate::sim::CurrentGame;

/// Whether a shot was asked for.
pub fn requested() -> bool {
    std::env::var_os("PANMUNJOM_SHOT").is_some_and(|v| !v.is_empty())
}

pub struct DevShotPlugin;

impl Plugin for DevShotPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Shot>()
            .add_systems(Update, drive)
            .add_systems(Startup, size);
    }
}

#[derive(Resource, Default)]
struct Shot {
    frame: u32,
    decisions: usize,
    phase: u8,
    wait: u32,
}

fn size(mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>) {
    let height: u32 = env("PANMUNJOM_SHOT_HEIGHT", "800").parse().unwrap_or(800);
    for mut w in &mut windows {
        w.resolution.set(1280.0, height as f32);
    }
}

fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

#[allow(
    clippy::too_many_arguments,
    reason = "a developer's driver reaching every screen's state, as the tour's"
)]
fn drive(
    mut shot: ResMut<Shot>,
    mut commands: Commands,
    loaded: Res<LoadedScenario>,
    game: Option<Res<CurrentGame>>,
    mut view: ResMut<PlayView>,
    mut explore: ResMut<ExploreState>,
    mut bargain: ResMut<BargainPanel>,
    (seat, screen_state): (
        Res<crate::app::screens::play::HotSeat>,
        Res<State<crate::app::Screen>>,
    ),
    mut actions: MessageWriter<UiAction>,
    (mut redraw, mut exit): (
        MessageWriter<bevy::window::RequestRedraw>,
        MessageWriter<AppExit>,
    ),
) {
    redraw.write(bevy::window::RequestRedraw);
    shot.frame += 1;
    if shot.frame < 5 {
        return;
    }
    let screen = env("PANMUNJOM_SHOT_SCREEN", "play");
    let target = env("PANMUNJOM_SHOT_DECISIONS", "1");
    let target = if target == "all" {
        usize::MAX
    } else {
        target.parse().unwrap_or(1)
    };
    match shot.phase {
        0 => {
            let wanted = env("PANMUNJOM_SHOT_SCENARIO", "");
            if !wanted.is_empty() && loaded.scenario.id != wanted {
                if shot.wait == 0 {
                    actions.write(UiAction::LoadBuiltin(wanted));
                }
                // Wait for the load; an unknown id gives up after a while and shoots anyway.
                shot.wait += 1;
                if shot.wait < 30 {
                    return;
                }
            }
            shot.wait = 0;
            if screen == "explore" {
                explore.runs = env("PANMUNJOM_SHOT_RUNS", "500").parse().unwrap_or(500);
                explore.adaptive = !env("PANMUNJOM_SHOT_ADAPTIVE", "").is_empty();
                actions.write(UiAction::OpenExplore);
                actions.write(UiAction::RunExplore);
                shot.phase = 4;
                return;
            }
            if screen == "start" {
                shot.phase = 3;
                return;
            }
            if screen == "replay" {
                actions.write(UiAction::OpenReplay);
                let steps: u32 = env("PANMUNJOM_SHOT_STEPS", "40").parse().unwrap_or(40);
                for _ in 0..steps {
                    actions.write(UiAction::ReplayNext);
                }
                shot.phase = 3;
                return;
            }
            let s = &loaded.scenario;
            let role = s
                .actor_by_id(&env("PANMUNJOM_SHOT_ROLE", "un"))
                .unwrap_or(crate::scenario::ActorId(0));
            for id in env("PANMUNJOM_SHOT_SEATS", "").split(',') {
                if let Some(other) = s.actor_by_id(id.trim()).filter(|&a| a != role) {
                    actions.write(UiAction::ToggleSeat(other));
                }
            }
            actions.write(UiAction::NewGame(Setup {
                role,
                policy: Policy::Historical,
                seed: 1,
            }));
            shot.phase = 1;
        }
        1 => {
            actions.write(UiAction::BeginPlay);
            shot.phase = 2;
        }
        2 => {
            // Let each action take effect before looking again.
            shot.wait += 1;
            if !shot.wait.is_multiple_of(2) {
                return;
            }
            let Some(game) = game else { return };
            let g = &game.0;
            if seat.curtain {
                // Hot-seat: hand the screen over, then past the delegation's briefing.
                actions.write(UiAction::LiftCurtain);
                return;
            }
            if *screen_state.get() == crate::app::Screen::Briefing {
                actions.write(UiAction::BeginPlay);
                return;
            }
            match view.showing(g) {
                Showing::Decision(d) if shot.decisions < target => {
                    let h = g
                        .scenario
                        .entry(d)
                        .as_decision()
                        .and_then(|d| d.historical)
                        .unwrap_or(0);
                    let open = g.open_options(d);
                    let pick = if shot.decisions == 0 {
                        open.iter().copied().find(|&o| o != h).unwrap_or(h)
                    } else {
                        g.historical_or_first(d).unwrap_or(h)
                    };
                    shot.decisions += 1;
                    actions.write(UiAction::Choose(pick));
                }
                Showing::Table(_)
                    if screen == "table"
                        && g.may_table()
                        && env("PANMUNJOM_SHOT_AFTER", "")
                            .parse::<chrono::NaiveDate>()
                            .ok()
                            .is_none_or(|d| g.state.date >= d) =>
                {
                    // The Table panel after the player's first package: its own
                    // public positions, answered by the other sides.
                    actions.write(UiAction::TableOffer(own_terms(g)));
                    shot.phase = 3;
                    shot.wait = 0;
                }
                Showing::Outcome | Showing::Decision(_) => {
                    if screen == "debrief" {
                        actions.write(UiAction::OpenDebrief);
                        if !env("PANMUNJOM_SHOT_DEBRIEF_TABLE", "").is_empty() {
                            actions.write(UiAction::DebriefTable(true));
                        }
                    }
                    shot.phase = 3;
                    shot.wait = 0;
                }
                Showing::Item(_) if shot.decisions >= target && view.reveal(g).is_some() => {
                    shot.phase = 3;
                    shot.wait = 0;
                }
                _ => {
                    actions.write(UiAction::Continue);
                }
            }
        }
        3 => {
            if !env("PANMUNJOM_SHOT_BARGAIN", "").is_empty() {
                bargain.open = true;
            }
            if env("PANMUNJOM_SHOT_TAB", "") == "inbox" {
                view.tab = crate::app::screens::play::SideTab::Inbox;
            }
            shot.wait += 1;
            if shot.wait == 20 {
                let path = env("PANMUNJOM_SHOT", "shot.png");
                commands
                    .spawn(Screenshot::primary_window())
                    .observe(save_to_disk(path));
            }
            if shot.wait == 40 {
                exit.write(AppExit::Success);
            }
        }
        4 if explore.results.is_some() => shot.phase = 3,
        _ => {}
    }
}

/// The player's side's public positions as a package (issues where it holds none open).
pub fn own_terms(g: &crate::engine::Game) -> crate::engine::Terms {
    g.state.positions[g.setup.role.0].clone()
}
