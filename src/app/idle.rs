//! Keeps an idle window idle. bevy_egui 0.42 feeds egui a `ModifiersChanged` event on
//! every frame, even when no key changed; egui answers any input event by asking for
//! an immediate repaint, bevy_egui turns that into a redraw request, and the "reactive"
//! window redraws forever (about one core of CPU while nothing happens, measured with
//! `scripts/measure-window.sh`). This plugin drops the repeats, so egui only sees the
//! modifiers when they change (egui keeps the last state between frames).

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};

pub struct IdlePlugin;

impl Plugin for IdlePlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            PreUpdate,
            drop_repeated_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        );
    }
}

fn drop_repeated_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        let mut seen = last.get(&entity).copied();
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(m) => {
                let repeat = seen == Some(*m);
                seen = Some(*m);
                !repeat
            }
            _ => true,
        });
        if let Some(m) = seen {
            last.insert(entity, m);
        }
    }
}
