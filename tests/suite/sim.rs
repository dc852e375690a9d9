//! The Bevy `SimulationPlugin`, headless on `MinimalPlugins` + `StatesPlugin`.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use chrono::NaiveDate;
use panmunjom::engine::{Policy, Setup};
use panmunjom::sim::{
    Advance, AtTable, ChoiceRefused, Choose, CurrentGame, NewGame, SimState, SimulationPlugin,
};

use crate::common::main_scenario;

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, SimulationPlugin));
    app
}

fn state(app: &App) -> SimState {
    *app.world().resource::<State<SimState>>().get()
}

#[test]
fn plugin_plays_history_to_the_armistice() {
    let mut app = app();
    app.update();
    assert_eq!(state(&app), SimState::Idle);
    let s = main_scenario();
    let role = s.actor_by_id("prc").unwrap();
    app.world_mut().write_message(NewGame {
        scenario: s.clone(),
        setup: Setup {
            role,
            policy: Policy::Historical,
            seed: 3,
        },
        seats: Vec::new(),
    });
    app.update();
    app.update();
    assert_eq!(state(&app), SimState::Running);

    let mut decisions = 0;
    let mut meetings = 0;
    for _ in 0..400 {
        match state(&app) {
            SimState::Finished => break,
            SimState::AwaitingChoice => {
                let game = &app.world().resource::<CurrentGame>().0;
                let id = game.pending().expect("a decision is pending");
                let historical = s.entry(id).as_decision().unwrap().historical.unwrap();
                app.world_mut().write_message(Choose(historical));
                decisions += 1;
            }
            SimState::AtTable => {
                // As history: table what the side tabled at this meeting, then leave.
                let game = &app.world().resource::<CurrentGame>().0;
                for p in game.historical_here() {
                    app.world_mut().write_message(AtTable::Historical(p));
                }
                app.world_mut().write_message(AtTable::Pass);
                meetings += 1;
            }
            _ => {
                app.world_mut().write_message(Advance::UntilChoice);
            }
        }
        app.update();
        app.update();
    }
    assert_eq!(state(&app), SimState::Finished);
    assert!(decisions >= 8, "the PRC decided {decisions} times");
    assert!(meetings > 0, "the PRC sat at the table");
    let game = &app.world().resource::<CurrentGame>().0;
    assert_eq!(
        game.state.armistice.as_ref().map(|a| a.date),
        NaiveDate::from_ymd_opt(1953, 7, 27)
    );
}

#[test]
fn plugin_steps_one_entry_at_a_time_and_refuses_bad_choices() {
    let mut app = app();
    let s = main_scenario();
    let role = s.actor_by_id("un").unwrap();
    app.world_mut().write_message(NewGame {
        scenario: s.clone(),
        setup: Setup {
            role,
            policy: Policy::Adaptive,
            seed: 9,
        },
        seats: Vec::new(),
    });
    app.update();
    app.world_mut().write_message(Advance::Step);
    app.update();
    let cursor = app.world().resource::<CurrentGame>().0.cursor();
    assert_eq!(cursor, 1, "one step processes one timeline entry");

    // No decision is waiting yet: a choice is refused, with a reason.
    app.world_mut().write_message(Choose(0));
    app.update();
    let refused: Vec<String> = app
        .world_mut()
        .resource_mut::<Messages<ChoiceRefused>>()
        .drain()
        .map(|m| m.0)
        .collect();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].contains("no decision"), "{refused:?}");
}
