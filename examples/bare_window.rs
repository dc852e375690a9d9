//! A bare bevy_egui window with one label, built with the same Bevy features and
//! plugins as `panmunjom`'s window: the baseline for `scripts/measure-window.sh`.
//!
//! `cargo run --example bare_window --features bare-window` (the feature keeps `cargo
//! test` from building it). With `PANMUNJOM_TIMING=1` it prints the time to its first
//! rendered frame, like the app. With `BARE_IDLE_FIX=1` it adds the app's `IdlePlugin`,
//! which stops bevy_egui 0.42 from redrawing an idle window forever.

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

fn main() -> AppExit {
    let mut app = App::new();
    if std::env::var("BARE_IDLE_FIX").is_ok_and(|v| v == "1") {
        app.add_plugins(panmunjom::app::idle::IdlePlugin);
    }
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "bare bevy_egui window".into(),
                    resolution: (1280, 720).into(),
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                level: bevy::log::Level::WARN,
                ..default()
            }),
    )
    .insert_resource(WinitSettings::desktop_app())
    .add_plugins(EguiPlugin::default())
    .add_plugins(panmunjom::app::dev::timing::TimingPlugin)
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    })
    .add_systems(EguiPrimaryContextPass, label)
    .run()
}

fn label(mut contexts: EguiContexts) -> Result {
    let mut root = panmunjom::app::root_ui(contexts.ctx_mut()?);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.label("Hello from a bare bevy_egui window.");
    });
    Ok(())
}
