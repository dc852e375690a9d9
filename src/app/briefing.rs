//! The briefing: the role's situation at the start date, its objectives, the parties.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Screen, UiAction};
use crate::sim::{Advance, CurrentGame};

pub struct BriefingPlugin;

impl Plugin for BriefingPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, handle_actions).add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Briefing)),
        );
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut advance: MessageWriter<Advance>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        if action == &UiAction::BeginPlay {
            advance.write(Advance::UntilChoice);
            screen.set(Screen::Play);
        }
    }
}

fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let mut root = super::root_ui(contexts.ctx_mut()?);
    egui::CentralPanel::default().show(&mut root, |ui| {
        if let Some(game) = &game {
            let s = &game.0.scenario;
            let role = s.actor(game.0.setup.role);
            ui.heading(format!("Briefing — {}", role.name));
            ui.label(&role.briefing);
        }
        if ui.button("Begin").clicked() {
            actions.write(UiAction::BeginPlay);
        }
    });
    Ok(())
}
