//! The screens, one plugin each, and the [`Screen`] state saying which one shows.

use bevy::prelude::*;

pub mod briefing;
pub mod class;
pub mod debrief;
pub mod explore;
pub mod play;
pub mod replay;
pub mod start;

/// Which screen the window shows.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Start,
    Briefing,
    Play,
    Debrief,
    Replay,
    /// The what-if explorer (`explore.rs`).
    Explore,
    /// The class report over a folder of records (`class.rs`).
    Class,
}

/// Adds every screen's plugin (the [`Screen`] state itself is set up by
/// [`crate::app::AppLogicPlugin`]).
pub struct ScreensPlugin;

impl Plugin for ScreensPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins((
            start::StartPlugin,
            briefing::BriefingPlugin,
            play::PlayPlugin,
            debrief::DebriefPlugin,
            replay::ReplayPlugin,
            explore::ExplorePlugin,
            class::ClassPlugin,
        ));
    }
}
