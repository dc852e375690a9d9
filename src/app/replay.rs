//! The replay: the historical path step by step.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Screen, UiAction};

pub struct ReplayPlugin;

impl Plugin for ReplayPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Replay)),
        );
    }
}

fn draw(mut contexts: EguiContexts, mut actions: MessageWriter<UiAction>) -> Result {
    let mut root = super::root_ui(contexts.ctx_mut()?);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("The historical path");
        if ui.button("Back to start").clicked() {
            actions.write(UiAction::ToStart);
        }
    });
    Ok(())
}
