//! `SeatScreenPlugin`: the window of `panmunjom join` — one seat's table as the server
//! sends it: the date and whose turn it is, the table's seats (who is connected), what
//! the role learnt, the decision or the meeting waiting for it, its own limits, the
//! outcome. Buttons send the seat's moves to the server; nothing here plays the game.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use bevy_replicon::prelude::ClientState;

use super::JoinArgs;
use super::client::{JoinTarget, SeatClientPlugin, SeatState, SendRequest};
use super::protocol::SeatAction;
use super::seat_table::{self, Draft};
use super::view::{Known, SeatLine};
use crate::app::theme;
use crate::app::widgets::event_view::badge;

/// The client's window app.
pub fn client_window_app(args: JoinArgs) -> App {
    let mut app = App::new();
    app.add_plugins(crate::app::window_plugins(
        format!("Panmunjom — seat {}", args.code),
        (1280, 800),
    ))
    // Redraw at least every 100 ms: network replies arrive without window events.
    .insert_resource(WinitSettings {
        focused_mode: bevy::winit::UpdateMode::reactive(std::time::Duration::from_millis(50)),
        unfocused_mode: bevy::winit::UpdateMode::reactive_low_power(
            std::time::Duration::from_millis(100),
        ),
    })
    .add_plugins(EguiPlugin::default());
    super::add_network(&mut app);
    app.insert_resource(JoinTarget {
        addr: args.addr,
        code: args.code,
        name: args.name,
    })
    .add_plugins((SeatClientPlugin { retry: true }, SeatScreenPlugin))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    });
    if let Some(path) = args.screenshot {
        app.insert_resource(ShotAt { path, frames: 0 })
            .add_systems(Update, shoot);
    }
    app
}

pub struct SeatScreenPlugin;

impl Plugin for SeatScreenPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Draft>()
            .add_systems(EguiPrimaryContextPass, draw);
    }
}

#[derive(Resource)]
struct ShotAt {
    path: PathBuf,
    frames: u32,
}

/// Saves the window once the view has been there for a few frames, then exits. At a
/// meeting where the seat may table, `PANMUNJOM_SHOT_DRAFT=N` (a developer's setting,
/// read only with `--screenshot`) first picks, on the first N issues, the first position
/// the seat may offer, so that the shot shows a package being built
/// (`PANMUNJOM_SHOT_TABLE=1`: and tables it, so that it shows the answers).
fn shoot(
    mut shot: ResMut<ShotAt>,
    state: Res<SeatState>,
    mut draft: ResMut<Draft>,
    mut send: MessageWriter<SendRequest>,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(v) = &state.view else {
        return;
    };
    shot.frames += 1;
    if shot.frames == 5
        && let Some(m) = v.meeting.as_ref().filter(|m| m.may_table)
        && let Some(n) = std::env::var("PANMUNJOM_SHOT_DRAFT")
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
    {
        draft.follow(v, m);
        for (i, issue) in v.issues.iter().enumerate().take(n) {
            draft.terms[i] = issue.positions.iter().position(|p| p.2);
        }
        // `PANMUNJOM_SHOT_TABLE=1`: table it, to show the answers.
        if std::env::var("PANMUNJOM_SHOT_TABLE").is_ok_and(|x| x == "1") {
            send.write(SendRequest::act(SeatAction::TableOffer(draft.pairs(v))));
            // As the button does: the next package starts afresh.
            draft.terms.iter_mut().for_each(|t| *t = None);
        }
    }
    if shot.frames == 15 {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(shot.path.clone()));
    }
    if shot.frames == 40 {
        exit.write(AppExit::Success);
    }
}

fn draw(
    mut contexts: EguiContexts,
    state: Res<SeatState>,
    client: Res<State<ClientState>>,
    target: Res<JoinTarget>,
    mut send: MessageWriter<SendRequest>,
    mut draft: ResMut<Draft>,
    // The refusals seen so far and the table's move count when the last came: a
    // refusal shows until the game moves on.
    mut refusal: Local<(usize, u32)>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = crate::app::root_ui(&ctx);
    let mut out: Vec<SeatAction> = Vec::new();
    let Some(v) = &state.view else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.heading("Panmunjom — joining a table");
                ui.add_space(12.0);
                let line = match client.get() {
                    ClientState::Connected => "Connected; asking for the seat…".to_string(),
                    ClientState::Connecting => format!("Connecting to {}…", target.addr),
                    ClientState::Disconnected => format!(
                        "Not connected to {} (attempt {}); trying again…",
                        target.addr, state.attempts
                    ),
                };
                ui.label(line);
                if let Some(why) = &state.refused {
                    ui.add_space(8.0);
                    ui.colored_label(theme::ERROR, format!("The server refused: {why}"));
                }
            });
        });
        return Ok(());
    };

    if refusal.0 != state.refusals {
        *refusal = (state.refusals, v.moves);
    }
    egui::Panel::top("seat-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(&v.date);
            ui.separator();
            ui.label(
                egui::RichText::new(format!("Table {} \u{b7} {}", v.table, v.role_name)).strong(),
            );
            ui.weak(&v.scenario);
        });
        ui.horizontal_wrapped(|ui| {
            match (&v.outcome, &v.turn) {
                (Some(o), _) => ui.label(egui::RichText::new(o).strong()),
                (None, Some(_)) if v.your_turn => {
                    ui.colored_label(theme::NOW, egui::RichText::new("Your turn").strong())
                }
                (None, Some(t)) => ui.label(format!("Waiting for {t}")),
                (None, None) => ui.label("The game moves on\u{2026}"),
            };
            ui.separator();
            for seat in &v.seats {
                seat_mark(ui, seat, v.turn.as_deref());
            }
            if *client.get() != ClientState::Connected {
                ui.colored_label(theme::ERROR, "connection lost \u{2014} reconnecting");
            }
        });
        if let Some(why) = state.refused.as_ref().filter(|_| refusal.1 == v.moves) {
            ui.colored_label(theme::ERROR, format!("Refused: {why}"));
        }
        ui.add_space(4.0);
    });

    if let Some(m) = &v.meeting {
        draft.follow(v, m);
    }
    egui::Panel::right("seat-side")
        .default_size(440.0)
        .show(&mut root, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let learnt = format!("What {} learnt", v.role_name);
                if ui
                    .selectable_label(!draft.side_table, egui::RichText::new(learnt).size(15.0))
                    .clicked()
                {
                    draft.side_table = false;
                }
                let open = v.tabled.iter().filter(|o| o.open).count();
                let table = if open > 0 {
                    format!("On the table ({open} to answer)")
                } else {
                    format!("On the table ({})", v.tabled.len())
                };
                if ui
                    .selectable_label(draft.side_table, egui::RichText::new(table).size(15.0))
                    .clicked()
                {
                    draft.side_table = true;
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                if draft.side_table {
                    seat_table::offers(ui, v, &mut out);
                    return;
                }
                if !v.limits.is_empty() {
                    ui.label(egui::RichText::new("Your limits (private)").strong());
                    for l in &v.limits {
                        ui.label(format!("\u{b7} {l}"));
                    }
                    ui.separator();
                }
                for k in state.known.iter().rev() {
                    known(ui, k);
                }
            });
        });

    if let Some(m) = &v.meeting {
        egui::Panel::bottom("seat-package").show(&mut root, |ui| {
            seat_table::package_bar(ui, v, m, &mut draft, &mut out);
        });
    }

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            if let Some(d) = &v.decision {
                ui.heading(&d.title);
                ui.label(egui::RichText::new(&d.prompt).italics());
                ui.add_space(6.0);
                ui.label(&d.context);
                ui.add_space(10.0);
                for (i, (label, text, open)) in d.options.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .add_enabled(*open, egui::Button::new(format!("{}. {label}", i + 1)))
                            .clicked()
                        {
                            out.push(SeatAction::Choose(i));
                        }
                    });
                    ui.weak(text);
                    ui.add_space(6.0);
                }
            } else if let Some(m) = &v.meeting {
                seat_table::meeting(ui, v, m, &mut draft);
            } else if let Some(o) = &v.outcome {
                ui.heading(o);
                ui.label("The host collects every table's record for the class debrief.");
            } else if let Some(t) = &v.turn {
                ui.heading(format!("Waiting for {t}"));
                ui.label("Another delegation is deciding. This screen follows by itself.");
            }
        });
    });
    for a in out {
        if matches!(a, SeatAction::TableOffer(_)) {
            // Tabled: the next package starts afresh.
            draft.terms.iter_mut().for_each(|t| *t = None);
        }
        send.write(SendRequest::act(a));
    }
    Ok(())
}

/// One seat in the top bar: a drawn dot (filled: connected or the computer; hollow:
/// away), the role and the person, underlined when it is that seat's turn.
fn seat_mark(ui: &mut egui::Ui, seat: &SeatLine, turn: Option<&str>) {
    let (color, note) = if seat.computer {
        (theme::MARK_PUBLIC, "the computer plays it")
    } else if seat.connected {
        (theme::SAME, "connected")
    } else {
        (theme::MARK_END, "away")
    };
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 16.0), egui::Sense::hover());
    let painter = ui.painter();
    if seat.computer || seat.connected {
        painter.circle_filled(rect.center(), 5.0, color);
    } else {
        painter.circle_stroke(rect.center(), 4.5, egui::Stroke::new(1.5, color));
    }
    let who = seat.name.clone().unwrap_or_else(|| "no name".into());
    let text = egui::RichText::new(format!("{} ({who}, {note})", seat.role_name));
    let text = if turn == Some(seat.role_name.as_str()) {
        text.strong().underline()
    } else {
        text
    };
    ui.label(text).on_hover_text(note);
}

/// One thing the seat learnt: date, kind, title, text, sources.
fn known(ui: &mut egui::Ui, k: &Known) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&k.date).weak());
        let (word, color) = match k.kind.as_str() {
            "private" => ("private channel", theme::MARK_PRIVATE),
            "report" => ("intelligence", theme::MARK_REPORT),
            "decision" => ("your decision", theme::MARK_DECISION),
            "agreement" => ("agreement", theme::MARK_ARMISTICE),
            _ => ("public", theme::MARK_PUBLIC),
        };
        badge(ui, word, color);
    });
    ui.label(egui::RichText::new(&k.title).strong());
    if !k.text.is_empty() {
        ui.add(egui::Label::new(&k.text).wrap());
    }
    if !k.sources.is_empty() {
        ui.label(
            egui::RichText::new(format!("Sources: {}", k.sources.join("; ")))
                .small()
                .weak(),
        );
    }
    ui.add_space(8.0);
}
