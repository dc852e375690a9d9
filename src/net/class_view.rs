//! `ClassViewPlugin`: the host's class in a window (`panmunjom host --window`) — per
//! table the date, whose turn it is, each seat (connected, empty or the computer) with
//! its code, the divergence so far, and the latest lines of the server log.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use super::class::Class;
use super::seat;
use super::server::{HostAddr, ServerLog};
use super::view;
use crate::app::theme;

pub struct ClassViewPlugin;

impl Plugin for ClassViewPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(EguiPrimaryContextPass, draw);
    }
}

/// The server app with a window on the class (instead of a headless runner).
pub fn host_window_app(
    class: Class,
    bind: std::net::SocketAddr,
    screenshot: Option<PathBuf>,
) -> App {
    let mut app = App::new();
    app.add_plugins(crate::app::window_plugins(
        "Panmunjom — the class",
        (1280, 720),
    ))
    // The server polls the network every few milliseconds, window events or not.
    .insert_resource(WinitSettings {
        focused_mode: bevy::winit::UpdateMode::reactive(super::server::FRAME),
        unfocused_mode: bevy::winit::UpdateMode::reactive(super::server::FRAME),
    })
    .add_plugins(EguiPlugin::default());
    let log = ServerLog::open(&class.dir);
    super::add_network(&mut app);
    app.insert_resource(class)
        .insert_resource(log)
        .insert_resource(HostAddr(bind))
        .add_plugins((super::server::HostPlugin, ClassViewPlugin))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        });
    if let Some(path) = screenshot {
        app.insert_resource(Shot(path, 0))
            .add_systems(Update, shoot);
    }
    app
}

#[derive(Resource)]
struct Shot(PathBuf, u32);

fn shoot(mut shot: ResMut<Shot>, mut commands: Commands, mut exit: MessageWriter<AppExit>) {
    shot.1 += 1;
    if shot.1 == 60 {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(shot.0.clone()));
    }
    if shot.1 == 120 {
        exit.write(AppExit::Success);
    }
}

fn draw(
    mut contexts: EguiContexts,
    class: Res<Class>,
    addr: Res<HostAddr>,
    log: Res<ServerLog>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = crate::app::root_ui(&ctx);
    egui::Panel::top("class-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("The class");
            ui.separator();
            let finished = class.tables.iter().filter(|t| t.game.is_finished()).count();
            ui.label(format!(
                "{} table{} · {finished} finished · students join with: panmunjom join {} --code CODE",
                class.tables.len(),
                if class.tables.len() == 1 { "" } else { "s" },
                addr.0
            ));
        });
        ui.add_space(4.0);
    });
    egui::Panel::bottom("class-log").show(&mut root, |ui| {
        ui.label(egui::RichText::new("Server log").strong());
        for line in &log.recent {
            ui.monospace(line);
        }
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("class-grid")
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for h in ["Table", "Date", "Turn", "Divergence", "Seats"] {
                        ui.label(egui::RichText::new(h).strong());
                    }
                    ui.end_row();
                    for (t, table) in class.tables.iter().enumerate() {
                        let g = &table.game;
                        let s = &*g.scenario;
                        ui.label(format!("{}", t + 1));
                        ui.label(g.state.date.to_string());
                        match seat::to_act(g) {
                            Some(r) => ui.label(&s.actor(r).name),
                            None if g.is_finished() => ui.colored_label(theme::SAME, "finished"),
                            None => ui.label("—"),
                        };
                        ui.label(view::divergence(g, &class.history).to_string());
                        ui.vertical(|ui| {
                            for seat in &table.seats {
                                let (word, colour, filled) = if seat.computer {
                                    ("computer", egui::Color32::GRAY, true)
                                } else if seat.client.is_some() {
                                    ("connected", theme::SAME, true)
                                } else {
                                    ("empty", theme::DIFFERENT, false)
                                };
                                ui.horizontal(|ui| {
                                    ui.label(format!(
                                        "{} — {}",
                                        s.actor(seat.role).name,
                                        seat.name.as_deref().unwrap_or("no name")
                                    ));
                                    // A drawn dot (the fonts lack the shapes): filled
                                    // for a seat in play, hollow for an empty one.
                                    let (rect, _) = ui.allocate_exact_size(
                                        egui::vec2(12.0, 16.0),
                                        egui::Sense::hover(),
                                    );
                                    if filled {
                                        ui.painter().circle_filled(rect.center(), 5.0, colour);
                                    } else {
                                        ui.painter().circle_stroke(
                                            rect.center(),
                                            4.5,
                                            egui::Stroke::new(1.5, colour),
                                        );
                                    }
                                    ui.colored_label(colour, word);
                                    ui.weak(format!("code {}", seat.code));
                                });
                            }
                        });
                        ui.end_row();
                    }
                });
        });
    });
    Ok(())
}
