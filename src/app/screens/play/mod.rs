//! The play screen: the timeline of the period, the current event in full, the
//! decisions and what the real side did, charts beside history, and the inbox.
//!
//! The game runs ahead to the next decision; [`PlayView`] (`view.rs`) walks the player
//! through what their side learnt on the way, one item at a time (Continue), so the
//! date, the timeline and the charts always show the moment on screen. This file holds
//! the plugin and its logic systems; `draw.rs` draws the screen, `side.rs` its side
//! panel (charts, inbox, journal).

mod draw;
mod side;
mod view;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

pub use view::{PlayView, Showing, SideTab};

use crate::app::history::HistoryPlugin;
use crate::app::{Screen, UiAction};
use crate::sim::{Advance, Choose, CurrentGame, NewGame, SimSet};

pub struct PlayPlugin;

impl Plugin for PlayPlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<HistoryPlugin>() {
            app.add_plugins(HistoryPlugin);
        }
        app.init_resource::<PlayView>()
            .add_systems(Update, handle_actions.before(SimSet::Start))
            .add_systems(Update, sync_view.after(SimSet::Advance))
            .add_systems(
                EguiPrimaryContextPass,
                draw::draw.run_if(in_state(Screen::Play)),
            );
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    game: Option<Res<CurrentGame>>,
    mut view: ResMut<PlayView>,
    mut advance: MessageWriter<Advance>,
    mut choose: MessageWriter<Choose>,
    mut screen: ResMut<NextState<Screen>>,
) {
    let mut advancing = false;
    for action in actions.read() {
        match action {
            UiAction::Continue => {
                let Some(game) = &game else { continue };
                if view.go_on(&game.0) && !advancing {
                    advance.write(Advance::UntilChoice);
                    advancing = true;
                }
            }
            UiAction::Choose(n) => {
                view.looking_back = None;
                choose.write(Choose(*n));
            }
            UiAction::PlayShow(i) => view.looking_back = *i,
            UiAction::OpenDebrief => screen.set(Screen::Debrief),
            _ => {}
        }
    }
}

/// Follows the game: resets for a new game, collects what the player's side learnt.
fn sync_view(
    game: Option<Res<CurrentGame>>,
    mut new_games: MessageReader<NewGame>,
    mut view: ResMut<PlayView>,
) {
    let fresh_start = new_games.read().count() > 0;
    if let Some(game) = game {
        view.follow(&game, fresh_start);
    }
}
