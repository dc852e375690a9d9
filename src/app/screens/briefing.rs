//! The briefing: the role's situation at the start date, its objectives, the parties
//! and what is at stake (the issues and where each side stands), the primary source one
//! click away.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::{Screen, UiAction};
use crate::engine::{Game, Policy};
use crate::scenario::{Scenario, SourceId};
use crate::sim::{Advance, CurrentGame};

pub struct BriefingPlugin;

impl Plugin for BriefingPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, handle_actions).add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Briefing))
                .run_if(crate::app::screens::play::seats::curtain_down),
        );
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut advance: MessageWriter<Advance>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        if action == &UiAction::BeginPlay {
            advance.write(Advance::UntilChoice);
            screen.set(Screen::Play);
        }
    }
}

/// The scenario's primary source: the first whose text is shipped (else the first).
pub fn primary_source(s: &Scenario) -> Option<SourceId> {
    s.sources
        .iter()
        .position(|src| src.text.is_some())
        .or(if s.sources.is_empty() { None } else { Some(0) })
        .map(SourceId)
}

fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    seat: Res<crate::app::screens::play::HotSeat>,
    overlays: crate::app::overlays::menu::Overlays,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = crate::app::root_ui(ctx);
    let Some(game) = &game else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            ui.label("No game has been started.");
            if ui.button("Back to start").clicked() {
                actions.write(UiAction::ToStart);
            }
        });
        return Ok(());
    };
    // In a hot-seat game, the briefing of the role whose turn it is.
    let game = seat.shown(game);
    let s = &game.scenario;
    let role = s.actor(game.setup.role);
    let source = primary_source(s);

    if overlays.screen_keys() && !ctx.egui_wants_keyboard_input() {
        ctx.input(|i| {
            if i.modifiers.command || i.modifiers.alt {
                return;
            }
            if i.key_pressed(egui::Key::Enter) {
                actions.write(UiAction::BeginPlay);
            }
            if i.key_pressed(egui::Key::S)
                && let Some(source) = source
            {
                actions.write(UiAction::OpenSource {
                    source,
                    passage: None,
                });
            }
            if i.key_pressed(egui::Key::Backspace) {
                actions.write(UiAction::ToStart);
            }
        });
    }

    egui::Panel::top("briefing-title").show(&mut root, |ui| {
        ui.add_space(8.0);
        ui.label(
            egui::RichText::new(format!("Briefing: {}", role.name))
                .size(28.0)
                .strong(),
        );
        ui.label(
            egui::RichText::new(format!(
                "{} · the talks from {}{} · other sides: {} · seed {}",
                s.title,
                s.start.format("%-d %B %Y"),
                s.decisions_for(game.setup.role)
                    .next()
                    .map(|(_, d)| format!(" · your first decision: {}", d.date.format("%-d %B %Y")))
                    .unwrap_or_default(),
                match game.setup.policy {
                    Policy::Historical => "historical",
                    Policy::Adaptive => "adaptive",
                },
                game.setup.seed
            ))
            .weak(),
        );
        ui.add_space(6.0);
    });

    egui::Panel::bottom("briefing-actions").show(&mut root, |ui| {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let begin = egui::Button::new(
                egui::RichText::new("Begin playing  (Enter)")
                    .size(18.0)
                    .strong(),
            )
            .min_size(egui::vec2(260.0, 40.0));
            if ui.add(begin).clicked() {
                actions.write(UiAction::BeginPlay);
            }
            if let Some(source) = source {
                let title = &s.sources[source.0].title;
                if ui
                    .add(
                        egui::Button::new("Read the primary source  (S)")
                            .min_size(egui::vec2(0.0, 40.0)),
                    )
                    .on_hover_text(title)
                    .clicked()
                {
                    actions.write(UiAction::OpenSource {
                        source,
                        passage: None,
                    });
                }
            }
            if ui
                .add(
                    egui::Button::new("Back to start  (Backspace)").min_size(egui::vec2(0.0, 40.0)),
                )
                .clicked()
            {
                actions.write(UiAction::ToStart);
            }
        });
        ui.add_space(8.0);
    });

    egui::Panel::right("briefing-parties")
        .default_size(440.0)
        .min_size(300.0)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("parties-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| parties(ui, game));
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("briefing-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(820.0);
                heading(ui, "Your situation");
                ui.add(egui::Label::new(egui::RichText::new(&role.briefing).size(16.5)).wrap());
                ui.add_space(12.0);
                heading(ui, "Your objectives");
                let mut any = false;
                for o in s.objectives.iter().filter(|o| o.role == game.setup.role) {
                    any = true;
                    ui.horizontal_wrapped(|ui| {
                        ui.label("•");
                        ui.add(egui::Label::new(&o.text).wrap());
                    });
                }
                if !any {
                    ui.label(
                        egui::RichText::new("The scenario sets no objectives for this role.")
                            .weak(),
                    );
                }
                ui.add_space(12.0);
                heading(ui, "What is at stake");
                stakes(ui, game);
                if let Some(source) = source {
                    ui.add_space(12.0);
                    let src = &s.sources[source.0];
                    ui.horizontal_wrapped(|ui| {
                        ui.label("The primary source:");
                        if ui.link(&src.title).clicked() {
                            actions.write(UiAction::OpenSource {
                                source,
                                passage: None,
                            });
                        }
                        ui.label(egui::RichText::new(&src.reference).weak());
                    });
                }
            });
    });
    Ok(())
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.label(egui::RichText::new(text).size(20.0).strong());
    ui.add_space(2.0);
}

/// The issues, each with where the playable sides stand at the start.
fn stakes(ui: &mut egui::Ui, game: &Game) {
    let s = &game.scenario;
    for (i, issue) in s.issues.iter().enumerate() {
        let issue_id = crate::scenario::IssueId(i);
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .corner_radius(6.0)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new(&issue.name).strong());
                ui.add(egui::Label::new(egui::RichText::new(&issue.description).weak()).wrap());
                egui::Grid::new(("stances", i))
                    .num_columns(2)
                    .spacing([12.0, 2.0])
                    .show(ui, |ui| {
                        for (actor_id, actor) in s.playable() {
                            let Some(pos) = game.state.position(actor_id, issue_id) else {
                                continue;
                            };
                            let you = actor_id == game.setup.role;
                            let name = if you {
                                egui::RichText::new(format!("{} (you)", actor.name)).strong()
                            } else {
                                egui::RichText::new(&actor.name)
                            };
                            ui.label(name);
                            let mut text = s.position_label(issue_id, pos).to_string();
                            if you
                                && let Some(stance) = s.stance(actor_id, issue_id)
                                && stance.limit != pos
                            {
                                text.push_str(&format!(
                                    "  — furthest you will go: {}",
                                    s.position_label(issue_id, stance.limit)
                                ));
                            }
                            ui.add(egui::Label::new(text).wrap());
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(4.0);
    }
}

/// Every party with its people; the playable ones first.
fn parties(ui: &mut egui::Ui, game: &Game) {
    let s = &game.scenario;
    heading(ui, "The parties");
    let mut order: Vec<usize> = (0..s.actors.len()).collect();
    order.sort_by_key(|&i| !s.actors[i].playable);
    for i in order {
        let a = &s.actors[i];
        let mut name = egui::RichText::new(&a.name).strong();
        if i == game.setup.role.0 {
            name = egui::RichText::new(format!("{} — your role", a.name))
                .strong()
                .color(ui.visuals().selection.stroke.color);
        }
        ui.label(name);
        let note = if a.playable && i != game.setup.role.0 {
            format!("{} (played by the computer)", a.description)
        } else {
            a.description.clone()
        };
        ui.add(egui::Label::new(egui::RichText::new(note).weak()).wrap());
        ui.add_space(6.0);
    }
}
