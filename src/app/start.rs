//! The start screen: scenario, role, the other sides' policy, seed, mode.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{LoadedScenario, Screen, UiAction};
use crate::engine::{Policy, Setup};
use crate::sim::NewGame;

pub struct StartPlugin;

impl Plugin for StartPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Start)));
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    loaded: Option<Res<LoadedScenario>>,
    mut new_game: MessageWriter<NewGame>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::NewGame(setup) => {
                if let Some(loaded) = &loaded {
                    new_game.write(NewGame {
                        scenario: loaded.scenario.clone(),
                        setup: setup.clone(),
                    });
                    screen.set(Screen::Briefing);
                }
            }
            UiAction::OpenReplay => screen.set(Screen::Replay),
            UiAction::ToStart => screen.set(Screen::Start),
            _ => {}
        }
    }
}

fn draw(
    mut contexts: EguiContexts,
    loaded: Res<LoadedScenario>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let mut root = super::root_ui(contexts.ctx_mut()?);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading(&loaded.scenario.title);
        for (id, actor) in loaded.scenario.playable() {
            if ui.button(format!("Play as {}", actor.name)).clicked() {
                actions.write(UiAction::NewGame(Setup {
                    role: id,
                    policy: Policy::Historical,
                    seed: 1,
                }));
            }
        }
        if ui.button("Replay the historical path").clicked() {
            actions.write(UiAction::OpenReplay);
        }
    });
    Ok(())
}
