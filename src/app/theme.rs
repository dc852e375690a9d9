//! The look of the window: text sizes readable at 1280×720, spacing, and the UI scale
//! (the window's own scale factor times the person's zoom, changed with Ctrl+= / Ctrl+-
//! / Ctrl+0 or in the Esc menu).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::UiAction;

/// The person's zoom on top of the window's scale factor (1.0 = the window's own).
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct UiZoom(pub f32);

impl Default for UiZoom {
    fn default() -> Self {
        UiZoom(1.0)
    }
}

impl UiZoom {
    pub const MIN: f32 = 0.6;
    pub const MAX: f32 = 2.5;
    pub const STEP: f32 = 0.1;

    /// As a percentage, for the menu.
    pub fn percent(self) -> u32 {
        (self.0 * 100.0).round() as u32
    }
}

/// Whether the style has been set on the egui context.
#[derive(Resource, Default)]
struct Styled(bool);

pub struct ThemePlugin;

impl Plugin for ThemePlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<UiZoom>()
            .init_resource::<Styled>()
            .add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, apply);
    }
}

fn handle_actions(mut actions: MessageReader<UiAction>, mut zoom: ResMut<UiZoom>) {
    for action in actions.read() {
        let z = match action {
            UiAction::ZoomIn => zoom.0 + UiZoom::STEP,
            UiAction::ZoomOut => zoom.0 - UiZoom::STEP,
            UiAction::ZoomReset => 1.0,
            _ => continue,
        };
        // Rounded to a step so that in-and-out comes back to the same size.
        zoom.0 = ((z / UiZoom::STEP).round() * UiZoom::STEP).clamp(UiZoom::MIN, UiZoom::MAX);
    }
}

fn apply(mut contexts: EguiContexts, zoom: Res<UiZoom>, mut styled: ResMut<Styled>) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !styled.0 {
        styled.0 = true;
        // The app's own keys change the zoom (so the menu shows it); not egui's.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.all_styles_mut(style);
    }
    if (ctx.zoom_factor() - zoom.0).abs() > f32::EPSILON {
        ctx.set_zoom_factor(zoom.0);
    }
    Ok(())
}

fn style(style: &mut egui::Style) {
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (
            TextStyle::Small,
            FontId::new(12.0, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(15.5, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(15.5, FontFamily::Proportional),
        ),
        (
            TextStyle::Heading,
            FontId::new(23.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(13.5, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(10.0, 5.0);
    style.spacing.interact_size.y = 26.0;
}
