//! The play screen: the timeline of the period, the current event in full, the
//! decisions and what the real side did, charts beside history, and the inbox.
//!
//! The game runs ahead to the next decision; [`PlayView`] (`view.rs`) walks the player
//! through what their side learnt on the way, one item at a time (Continue), so the
//! date, the timeline and the charts always show the moment on screen. At a meeting
//! the centre shows the Table panel (`table.rs`): build a package, table it, answer
//! offers; Continue leaves the table. This file holds the plugin and its logic systems;
//! `draw.rs` draws the screen, `side.rs` its side panel (charts, inbox, journal).

mod draw;
pub mod seats;
mod side;
pub mod table;
mod view;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

pub use seats::HotSeat;
pub use view::{PlayView, Showing, SideTab};

use crate::app::history::HistoryPlugin;
use crate::app::overlays::toast::Toasts;
use crate::app::{Screen, UiAction};
use crate::sim::{Advance, AtTable, ChoiceRefused, Choose, CurrentGame, NewGame, SimSet};

pub struct PlayPlugin;

impl Plugin for PlayPlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<HistoryPlugin>() {
            app.add_plugins(HistoryPlugin);
        }
        app.init_resource::<PlayView>()
            .add_plugins(seats::HotSeatPlugin)
            .add_systems(Update, handle_actions.before(SimSet::Start))
            .add_systems(
                Update,
                (sync_view.after(seats::follow_turns), show_refusals).after(SimSet::Advance),
            )
            .add_systems(
                EguiPrimaryContextPass,
                draw::draw
                    .run_if(in_state(Screen::Play))
                    .run_if(seats::curtain_down),
            );
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    game: Option<Res<CurrentGame>>,
    mut view: ResMut<PlayView>,
    mut advance: MessageWriter<Advance>,
    mut choose: MessageWriter<Choose>,
    mut table: MessageWriter<AtTable>,
    mut screen: ResMut<NextState<Screen>>,
) {
    let mut advancing = false;
    for action in actions.read() {
        match action {
            UiAction::Continue => {
                let Some(game) = &game else { continue };
                if view.go_on(&game.0) && !advancing {
                    if let Some(m) = game.0.at_table() {
                        // As history: history's proposal of this meeting is tabled
                        // when the player has made no move here.
                        if game.0.table_moves().iter().all(|mv| mv.meeting != m) {
                            for p in game.0.historical_here() {
                                table.write(AtTable::Historical(p));
                            }
                        }
                        table.write(AtTable::Pass);
                    }
                    advance.write(Advance::UntilChoice);
                    advancing = true;
                }
            }
            UiAction::TableOffer(terms) => {
                table.write(AtTable::Table(terms.clone()));
            }
            UiAction::TableHistorical(p) => {
                table.write(AtTable::Historical(*p));
            }
            UiAction::TableAccept(i) => {
                table.write(AtTable::Accept(*i));
            }
            UiAction::TableReject(i) => {
                table.write(AtTable::Reject(*i));
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
    seat: Res<HotSeat>,
    mut new_games: MessageReader<NewGame>,
    mut view: ResMut<PlayView>,
) {
    let fresh_start = new_games.read().count() > 0;
    if let Some(game) = game {
        view.follow(game.number(), seat.shown(&game), fresh_start);
    }
}

/// A choice or a move at the table the game refused: a notice says why.
fn show_refusals(mut refused: MessageReader<ChoiceRefused>, toasts: Option<ResMut<Toasts>>) {
    let Some(mut toasts) = toasts else {
        refused.clear();
        return;
    };
    for ChoiceRefused(why) in refused.read() {
        toasts.error(format!("Not possible: {why}."));
    }
}
