//! The Esc menu (resume, save, back to start, text size, quit) and the keys that work
//! on every screen: Esc, Ctrl+S, Ctrl+= / Ctrl+- / Ctrl+0, F5, Ctrl+Q.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::overlays::source_viewer::SourceViewer;
use crate::app::theme::UiZoom;
use crate::app::{LoadedScenario, Screen, UiAction};
use crate::sim::CurrentGame;

/// Whether the Esc menu is open.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MenuOpen(pub bool);

/// What lies over the screen. While the Esc menu or the source viewer is open, the
/// screens' own keys (numbers, letters, Enter, Space, arrows) do nothing: they would act
/// on the screen under it (a number key would take a decision the player cannot see).
#[derive(SystemParam)]
pub struct Overlays<'w> {
    menu: Res<'w, MenuOpen>,
    viewer: Res<'w, SourceViewer>,
}

impl Overlays<'_> {
    /// Whether the screen's own keys may act.
    pub fn screen_keys(&self) -> bool {
        screen_keys(&self.menu, &self.viewer)
    }
}

/// Whether a screen's own keys may act: neither the Esc menu nor the source viewer open.
pub fn screen_keys(menu: &MenuOpen, viewer: &SourceViewer) -> bool {
    !menu.0 && viewer.0.is_none()
}

pub struct MenuPlugin;

impl Plugin for MenuPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<MenuOpen>()
            .add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, (keys, draw).chain());
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut menu: ResMut<MenuOpen>,
    mut exit: MessageWriter<AppExit>,
) {
    for action in actions.read() {
        match action {
            UiAction::ToggleMenu => menu.0 = !menu.0,
            // Whatever the menu started closes it.
            UiAction::ToStart | UiAction::Save | UiAction::ContinueSave(_) => menu.0 = false,
            UiAction::Quit => {
                exit.write(AppExit::Success);
            }
            _ => {}
        }
    }
}

/// The keys of every screen. Single letters only work in the menu (the screens use
/// theirs); none fires while a text field has the keyboard.
fn keys(
    mut contexts: EguiContexts,
    menu: Res<MenuOpen>,
    viewer: Res<SourceViewer>,
    loaded: Res<LoadedScenario>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let typing = ctx.egui_wants_keyboard_input();
    let mut out = Vec::new();
    ctx.input(|i| {
        use egui::Key;
        let command = i.modifiers.command;
        if i.key_pressed(Key::Escape) {
            out.push(if viewer.0.is_some() {
                UiAction::CloseSource
            } else {
                UiAction::ToggleMenu
            });
        }
        if command && i.key_pressed(Key::S) {
            out.push(UiAction::Save);
        }
        if command && (i.key_pressed(Key::Equals) || i.key_pressed(Key::Plus)) {
            out.push(UiAction::ZoomIn);
        }
        if command && i.key_pressed(Key::Minus) {
            out.push(UiAction::ZoomOut);
        }
        if command && i.key_pressed(Key::Num0) {
            out.push(UiAction::ZoomReset);
        }
        if command && i.key_pressed(Key::Q) {
            out.push(UiAction::Quit);
        }
        if i.key_pressed(Key::F5) && loaded.path.is_some() {
            out.push(UiAction::ReloadScenario);
        }
        if menu.0 && !typing && !command {
            if i.key_pressed(Key::R) || i.key_pressed(Key::Enter) {
                out.push(UiAction::ToggleMenu);
            }
            if i.key_pressed(Key::S) {
                out.push(UiAction::Save);
            }
            if i.key_pressed(Key::B) {
                out.push(UiAction::ToStart);
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                out.push(UiAction::ZoomIn);
            }
            if i.key_pressed(Key::Minus) {
                out.push(UiAction::ZoomOut);
            }
            if i.key_pressed(Key::Q) {
                out.push(UiAction::Quit);
            }
        }
    });
    actions.write_batch(out);
    Ok(())
}

fn draw(
    mut contexts: EguiContexts,
    menu: Res<MenuOpen>,
    zoom: Res<UiZoom>,
    game: Option<Res<CurrentGame>>,
    screen: Res<State<Screen>>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    if !menu.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let response = egui::Modal::new("menu".into()).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading("Menu");
        ui.add_space(8.0);
        let wide = |ui: &mut egui::Ui, text: &str, key: &str, enabled: bool| {
            ui.add_enabled_ui(enabled, |ui| {
                ui.horizontal(|ui| {
                    let b = ui.add_sized([250.0, 32.0], egui::Button::new(text));
                    ui.label(egui::RichText::new(key).weak());
                    b.clicked()
                })
                .inner
            })
            .inner
        };
        if wide(ui, "Resume", "Esc, R", true) {
            actions.write(UiAction::ToggleMenu);
        }
        if wide(ui, "Save the game", "S, Ctrl+S", game.is_some()) {
            actions.write(UiAction::Save);
        }
        if wide(ui, "Back to the start screen", "B", *screen.get() != Screen::Start) {
            actions.write(UiAction::ToStart);
        }
        ui.add_space(8.0);
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(format!("Text size: {}%", zoom.percent()));
            if ui.button("−").on_hover_text("Smaller (Ctrl+-)").clicked() {
                actions.write(UiAction::ZoomOut);
            }
            if ui.button("+").on_hover_text("Larger (Ctrl+=)").clicked() {
                actions.write(UiAction::ZoomIn);
            }
            if ui.button("Reset").on_hover_text("Ctrl+0").clicked() {
                actions.write(UiAction::ZoomReset);
            }
        });
        ui.label(
            egui::RichText::new("Ctrl+= and Ctrl+- work on every screen; the size is on top of the window's own scale.")
                .small()
                .weak(),
        );
        ui.separator();
        ui.add_space(4.0);
        if wide(ui, "Quit", "Q, Ctrl+Q", true) {
            actions.write(UiAction::Quit);
        }
    });
    if response.should_close() {
        // A click outside; Esc is handled by `keys`.
        let escaped = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if !escaped {
            actions.write(UiAction::ToggleMenu);
        }
    }
    Ok(())
}
