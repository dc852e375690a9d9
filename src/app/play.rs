//! The play screen: timeline, the current event, decisions, state panels.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Screen, UiAction};
use crate::sim::{Advance, Choose, CurrentGame, SimState};

pub struct PlayPlugin;

impl Plugin for PlayPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Play)));
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut advance: MessageWriter<Advance>,
    mut choose: MessageWriter<Choose>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::Continue => {
                advance.write(Advance::UntilChoice);
            }
            UiAction::Choose(n) => {
                choose.write(Choose(*n));
                advance.write(Advance::UntilChoice);
            }
            UiAction::OpenDebrief => screen.set(Screen::Debrief),
            _ => {}
        }
    }
}

fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    sim: Res<State<SimState>>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let mut root = super::root_ui(contexts.ctx_mut()?);
    egui::CentralPanel::default().show(&mut root, |ui| {
        let Some(game) = &game else { return };
        ui.heading(format!("{}", game.0.state.date));
        if let Some(entry) = game.0.pending() {
            let s = &game.0.scenario;
            if let Some(d) = s.entry(entry).as_decision() {
                ui.label(&d.title);
                for (i, o) in d.options.iter().enumerate() {
                    if ui.button(&o.label).clicked() {
                        actions.write(UiAction::Choose(i));
                    }
                }
            }
        } else if *sim.get() == SimState::Finished {
            if ui.button("Debrief").clicked() {
                actions.write(UiAction::OpenDebrief);
            }
        } else if ui.button("Continue").clicked() {
            actions.write(UiAction::Continue);
        }
    });
    Ok(())
}
