//! Hot-seat in the window: several people play at one screen. Whose screen it is (the
//! role whose turn it is), the curtain that hides the screen when the turn passes to
//! another person, and the game as that person's side sees it.
//!
//! The screens draw [`HotSeat::shown`]: for the viewer's role, a copy of the game whose
//! setup names that role (every drawing that says "your side" then means the viewer's,
//! and [`crate::engine::Game::player_sees`] filters by it); each role keeps its own
//! [`PlayView`] (what it has read, its tab, the package it is building). When the turn
//! passes to another person, the curtain goes up: nothing of the game is drawn, egui's
//! remembered widget state (scroll positions, typed text, open sections) is forgotten,
//! the bargaining panel (every side's limits) and the source viewer are closed and
//! notices are cleared. Enter
//! or the button lifts it; a role's first turn opens its briefing.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::PlayView;
use crate::app::overlays::bargaining::BargainPanel;
use crate::app::overlays::source_viewer::SourceViewer;
use crate::app::overlays::toast::Toasts;
use crate::app::{Screen, UiAction};
use crate::engine::Game;
use crate::scenario::ActorId;
use crate::sim::{CurrentGame, GameNumber, SimSet};

/// Whose screen it is in a game with several people (all empty for a game with one).
#[derive(Resource, Debug, Default)]
pub struct HotSeat {
    game: Option<GameNumber>,
    /// The role whose screen it is (None: one person plays).
    pub viewer: Option<ActorId>,
    /// The curtain is up: the screen shows nothing of the game.
    pub curtain: bool,
    /// egui's memory is still to be cleared (the curtain just went up).
    forget: bool,
    /// Roles that have read their briefing.
    briefed: Vec<ActorId>,
    /// The other roles' views, kept while they are away from the screen.
    stash: Vec<(ActorId, PlayView)>,
    /// The game as the viewer's side sees it (its setup's role is the viewer's), when
    /// that is not the setup's own role.
    lens: Option<Game>,
}

impl HotSeat {
    /// The game to draw: as the viewer's side sees it in a hot-seat game, else as is.
    pub fn shown<'a>(&'a self, current: &'a CurrentGame) -> &'a Game {
        match &self.lens {
            Some(g) if self.game == Some(current.number()) => g,
            _ => &current.0,
        }
    }

    /// Whether several people play the current game.
    pub fn active(&self) -> bool {
        self.viewer.is_some()
    }
}

/// Whether the curtain is down (the screens may draw the game).
pub fn curtain_down(seat: Option<Res<HotSeat>>) -> bool {
    seat.is_none_or(|s| !s.curtain)
}

/// Whether the curtain is up.
pub fn curtain_up(seat: Option<Res<HotSeat>>) -> bool {
    seat.is_some_and(|s| s.curtain)
}

pub struct HotSeatPlugin;

impl Plugin for HotSeatPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<HotSeat>()
            .add_systems(Update, follow_turns.after(SimSet::Advance))
            .add_systems(Update, lift.before(SimSet::Start))
            .add_systems(
                EguiPrimaryContextPass,
                draw_curtain
                    .run_if(in_state(Screen::Play).or_else(in_state(Screen::Briefing)))
                    .run_if(curtain_up),
            );
    }
}

/// After every move: when the game waits for another person's role, its screen
/// (behind the curtain) becomes that role's, with its own view.
pub(super) fn follow_turns(
    game: Option<Res<CurrentGame>>,
    mut seat: ResMut<HotSeat>,
    mut view: ResMut<PlayView>,
    sources: Option<ResMut<SourceViewer>>,
) {
    let Some(game) = game else { return };
    let g = &game.0;
    if g.seats().len() < 2 {
        if seat.viewer.is_some() {
            *seat = HotSeat::default();
        }
        return;
    }
    let number = game.number();
    let mut changed = game.is_changed();
    if seat.game != Some(number) {
        *seat = HotSeat {
            game: Some(number),
            viewer: Some(g.turn().unwrap_or(g.seats()[0].role)),
            curtain: true,
            forget: true,
            ..HotSeat::default()
        };
        *view = PlayView::starting(number);
        changed = true;
    }
    if let (Some(turn), Some(viewer)) = (g.turn(), seat.viewer)
        && turn != viewer
    {
        let away = std::mem::replace(&mut *view, PlayView::starting(number));
        seat.stash.push((viewer, away));
        if let Some(k) = seat.stash.iter().position(|(r, _)| *r == turn) {
            *view = seat.stash.swap_remove(k).1;
        }
        seat.viewer = Some(turn);
        seat.curtain = true;
        seat.forget = true;
        changed = true;
        // No panel of the last person's stays open over the curtain.
        if let Some(mut v) = sources {
            v.0 = None;
        }
    }
    if changed {
        seat.lens = seat.viewer.filter(|&v| v != g.setup.role).map(|v| {
            let mut lens = g.clone();
            lens.setup.role = v;
            lens
        });
    }
}

/// Enter or the button: the curtain lifts; a role's first turn opens its briefing.
fn lift(
    mut actions: MessageReader<UiAction>,
    mut seat: ResMut<HotSeat>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        if action != &UiAction::LiftCurtain || !seat.curtain {
            continue;
        }
        seat.curtain = false;
        if let Some(v) = seat.viewer
            && !seat.briefed.contains(&v)
        {
            seat.briefed.push(v);
            screen.set(Screen::Briefing);
        }
    }
}

/// The curtain: the whole window, the next delegation's name, Enter to go on.
fn draw_curtain(
    mut contexts: EguiContexts,
    mut seat: ResMut<HotSeat>,
    game: Option<Res<CurrentGame>>,
    mut panel: ResMut<BargainPanel>,
    mut toasts: ResMut<Toasts>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if seat.forget {
        // Nothing of the last person's screen survives: scroll positions, typed
        // text, open sections, focus.
        ctx.memory_mut(|m| {
            m.data.clear();
            m.reset_areas();
            m.stop_text_input();
        });
        panel.open = false;
        toasts.shown.clear();
        seat.forget = false;
    }
    let (who, name) = match (&game, seat.viewer) {
        (Some(g), Some(v)) => (
            g.0.scenario.actor(v).name.clone(),
            g.0.seats()
                .iter()
                .find(|s| s.role == v)
                .and_then(|s| s.name.clone()),
        ),
        _ => ("the next delegation".to_string(), None),
    };
    if ctx.input(|i| i.key_pressed(egui::Key::Enter)) {
        actions.write(UiAction::LiftCurtain);
    }
    let mut root = crate::app::root_ui(&ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            ui.label(egui::RichText::new("Hand over to the delegation of").size(22.0));
            ui.add_space(8.0);
            ui.label(egui::RichText::new(&who).size(34.0).strong());
            if let Some(n) = name {
                ui.label(egui::RichText::new(n).size(20.0).weak());
            }
            ui.add_space(16.0);
            ui.label(
                egui::RichText::new(
                    "Only this delegation should look at the screen now: it shows what its side knows, and nothing of the others'.",
                )
                .size(15.0),
            );
            ui.add_space(20.0);
            if ui
                .button(egui::RichText::new("Enter when ready").size(20.0))
                .clicked()
            {
                actions.write(UiAction::LiftCurtain);
            }
        });
    });
    Ok(())
}
