//! The look of the window: the colours, text sizes readable at 1280×720, spacing, and
//! the UI scale (the window's own scale factor times the person's zoom, changed with
//! Ctrl+= / Ctrl+- / Ctrl+0 or in the Esc menu).
//!
//! Every colour the screens, overlays and widgets use is named here.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use bevy_egui::egui::Color32;

use crate::app::UiAction;

// --- Colours ---

/// As in history (a decision, a term, an outcome); "met" objectives.
pub const SAME: Color32 = Color32::from_rgb(120, 190, 140);
/// Different from history; "not met"; an export that failed.
pub const DIFFERENT: Color32 = Color32::from_rgb(235, 160, 80);
/// The "historical" tag of an event.
pub const HISTORICAL: Color32 = Color32::from_rgb(120, 180, 140);
/// Counterfactual marks and labels (did not happen in history).
pub const COUNTERFACTUAL: Color32 = Color32::from_rgb(235, 90, 70);
/// The "now" line on the timeline.
pub const NOW: Color32 = Color32::from_rgb(235, 80, 80);
/// An error message on a screen.
pub const ERROR: Color32 = Color32::RED;

/// Timeline marks, by how a side learnt of the item.
pub const MARK_PUBLIC: Color32 = Color32::from_rgb(90, 150, 230);
pub const MARK_PRIVATE: Color32 = Color32::from_rgb(175, 120, 225);
pub const MARK_REPORT: Color32 = Color32::from_rgb(230, 170, 50);
pub const MARK_DECISION: Color32 = Color32::from_rgb(240, 225, 120);
pub const MARK_OFFER: Color32 = Color32::from_rgb(240, 150, 60);
pub const MARK_ARMISTICE: Color32 = Color32::from_rgb(90, 200, 120);
pub const MARK_END: Color32 = Color32::from_gray(170);

/// The actors' lines in the charts (by actor index, repeating).
pub const ACTORS: [Color32; 9] = [
    Color32::from_rgb(90, 150, 230),
    Color32::from_rgb(230, 90, 90),
    Color32::from_rgb(240, 190, 60),
    Color32::from_rgb(175, 120, 225),
    Color32::from_rgb(90, 200, 170),
    Color32::from_rgb(240, 140, 60),
    Color32::from_rgb(150, 200, 90),
    Color32::from_rgb(200, 150, 120),
    Color32::from_rgb(160, 160, 160),
];
/// The variables' lines in the charts (by variable index, repeating).
pub const VARIABLES: [Color32; 6] = [
    Color32::from_rgb(230, 110, 90),
    Color32::from_rgb(90, 150, 230),
    Color32::from_rgb(120, 200, 140),
    Color32::from_rgb(200, 140, 220),
    Color32::from_rgb(240, 190, 60),
    Color32::from_rgb(150, 200, 210),
];

/// The unshaded rows of a table.
pub const PLAIN_ROW: Color32 = Color32::TRANSPARENT;

/// The source viewer's highlighted passage, on a dark and on a light background.
pub const HIGHLIGHT_DARK: Color32 = Color32::from_rgb(78, 66, 20);
pub const HIGHLIGHT_LIGHT: Color32 = Color32::from_rgb(255, 240, 170);

/// Notices: (fill, outline) of an error and of a confirmation; their text.
pub const TOAST_ERROR: (Color32, Color32) = (
    Color32::from_rgb(90, 24, 24),
    Color32::from_rgb(220, 90, 90),
);
pub const TOAST_OK: (Color32, Color32) = (
    Color32::from_rgb(24, 64, 40),
    Color32::from_rgb(90, 190, 120),
);
pub const TOAST_TEXT: Color32 = Color32::WHITE;

/// The explorer: history's line and row (the historical date, the historical terms).
pub const HISTORICAL_BAR: Color32 = Color32::from_rgb(235, 80, 80);
/// The explorer's strategies, side by side (by order, repeating).
pub const STRATEGIES: [Color32; 6] = [
    Color32::from_rgb(90, 150, 230),
    Color32::from_rgb(240, 190, 60),
    Color32::from_rgb(175, 120, 225),
    Color32::from_rgb(90, 200, 170),
    Color32::from_rgb(240, 140, 60),
    Color32::from_rgb(200, 150, 120),
];
/// The explorer's outcomes: an armistice before history's month, in it, after it; no
/// armistice by the horizon; any other ending the scenario declares.
pub const OUTCOME_EARLIER: Color32 = Color32::from_rgb(90, 170, 220);
pub const OUTCOME_AS_HISTORY: Color32 = Color32::from_rgb(120, 190, 140);
pub const OUTCOME_LATER: Color32 = Color32::from_rgb(235, 175, 80);
pub const OUTCOME_NONE: Color32 = Color32::from_rgb(200, 90, 80);
pub const OUTCOME_OTHER: Color32 = Color32::from_gray(150);
/// The empty part of a share bar, and the figures written on bars.
pub const BAR_TRACK: Color32 = Color32::from_gray(60);
pub const BAR_TEXT: Color32 = Color32::from_gray(20);

/// The bargaining panel's points: every deal, the Pareto frontier, the zone of
/// agreement, the Nash point, the historical terms, the game's own terms.
pub const DEALS: Color32 = Color32::GRAY;
pub const PARETO: Color32 = Color32::LIGHT_BLUE;
pub const RATIONAL_FRONTIER: Color32 = Color32::from_rgb(250, 230, 120);
pub const ZONE: Color32 = Color32::GREEN;
pub const NASH: Color32 = Color32::WHITE;
pub const HISTORICAL_TERMS: Color32 = Color32::RED;
pub const OWN_TERMS: Color32 = Color32::YELLOW;
/// The offers tabled in the game: your side's, the other sides'.
pub const OFFER_OWN: Color32 = Color32::from_rgb(240, 150, 60);
pub const OFFER_OTHER: Color32 = Color32::from_rgb(200, 120, 230);

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

/// The move classes of the negotiation dance (Hindriks, Jonker & Tykhonov 2007), as the
/// debrief marks them.
pub fn move_class(c: crate::compare::table::MoveClass) -> Color32 {
    use crate::compare::table::MoveClass::*;
    match c {
        Concession => Color32::from_rgb(120, 190, 140),
        Selfish => Color32::from_rgb(235, 160, 80),
        Fortunate => Color32::from_rgb(90, 170, 220),
        Unfortunate => Color32::from_rgb(220, 90, 80),
        Nice => Color32::from_rgb(190, 140, 230),
        Silent => Color32::from_gray(150),
    }
}
/// The dance plot's two lines: the game's moves and history's.
pub const DANCE_GAME: Color32 = Color32::from_rgb(240, 150, 60);
pub const DANCE_HISTORY: Color32 = Color32::from_rgb(120, 180, 140);
