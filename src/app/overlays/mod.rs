//! What opens over any screen: the Esc menu and the global keys, the source viewer, the
//! bargaining panel (B; drawing only, added by the window) and short notices (toasts).

use bevy::prelude::*;

pub mod bargaining;
pub mod menu;
pub mod source_viewer;
pub mod toast;

/// The overlays' logic: the source viewer, the menu and the notices (the bargaining
/// panel only draws, so [`crate::app::window_app`] adds it).
pub struct OverlaysPlugin;

impl Plugin for OverlaysPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            source_viewer::SourceViewerPlugin,
            menu::MenuPlugin,
            toast::ToastPlugin,
        ));
    }
}
