//! The debrief: the game beside history.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{Screen, UiAction};
use crate::compare::Debrief;
use crate::sim::CurrentGame;

pub struct DebriefPlugin;

impl Plugin for DebriefPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Debrief)),
        );
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
            let d = Debrief::new(&game.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.monospace(crate::report::debrief_text::render(&d));
            });
        }
        if ui.button("Back to start").clicked() {
            actions.write(UiAction::ToStart);
        }
    });
    Ok(())
}
