//! The replay: the historical path step by step — next, back, jump to a date, play at
//! a chosen speed — with the timeline, the step in full with its sources, and charts.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use chrono::NaiveDate;

use crate::app::history::{HistoricalPath, HistoryPlugin};
use crate::app::theme;
use crate::app::widgets::charts::{self, Series};
use crate::app::widgets::event_view;
use crate::app::widgets::timeline::{self, Mark, MarkKind, long_date};
use crate::app::{LoadedScenario, Screen, UiAction};

pub struct ReplayPlugin;

impl Plugin for ReplayPlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<HistoryPlugin>() {
            app.add_plugins(HistoryPlugin);
        }
        app.init_resource::<ReplayView>()
            .add_systems(
                Update,
                (handle_actions, autoplay.run_if(in_state(Screen::Replay))).chain(),
            )
            .add_systems(
                EguiPrimaryContextPass,
                draw.run_if(in_state(Screen::Replay)),
            );
    }
}

/// Where the replay stands.
#[derive(Resource, Debug, Clone)]
pub struct ReplayView {
    /// The step on screen (an index into the historical path's steps).
    pub step: usize,
    /// Steps per second while playing by itself; `None` when paused.
    pub autoplay: Option<u32>,
    /// The speed the controls show (kept while paused).
    pub speed: u32,
    elapsed: f32,
    /// The text of the date field.
    pub date_field: String,
    pub date_error: Option<String>,
    pub chart_issue: usize,
}

impl Default for ReplayView {
    fn default() -> Self {
        ReplayView {
            step: 0,
            autoplay: None,
            speed: 2,
            elapsed: 0.0,
            date_field: String::new(),
            date_error: None,
            chart_issue: 0,
        }
    }
}

/// The first step on or after `date` (the last step if none).
pub fn step_on_or_after(steps: &[crate::replay::ReplayStep], date: NaiveDate) -> usize {
    steps
        .iter()
        .position(|s| s.date >= date)
        .unwrap_or(steps.len().saturating_sub(1))
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    loaded: Option<Res<LoadedScenario>>,
    mut history: ResMut<HistoricalPath>,
    mut view: ResMut<ReplayView>,
) {
    let Some(loaded) = loaded else {
        actions.clear();
        return;
    };
    let h = history.of(&loaded.scenario);
    let steps = || h.steps.len();
    for action in actions.read() {
        match action {
            UiAction::OpenReplay => {
                view.step = 0;
                view.autoplay = None;
                view.date_error = None;
            }
            UiAction::ReplayNext => {
                let last = steps().saturating_sub(1);
                view.step = (view.step + 1).min(last);
            }
            UiAction::ReplayBack => view.step = view.step.saturating_sub(1),
            UiAction::ReplayJump(date) => {
                view.step = step_on_or_after(&h.steps, *date);
                view.date_error = None;
            }
            UiAction::ReplayAutoplay(speed) => {
                view.autoplay = speed.filter(|&s| s > 0);
                view.elapsed = 0.0;
                if let Some(s) = view.autoplay {
                    view.speed = s;
                    if view.step + 1 >= steps() {
                        view.step = 0;
                    }
                }
            }
            _ => {}
        }
    }
}

/// Moves the replay on while it plays, and keeps the window drawing meanwhile (the
/// window is otherwise idle until input).
fn autoplay(
    time: Res<Time>,
    loaded: Option<Res<LoadedScenario>>,
    mut history: ResMut<HistoricalPath>,
    mut view: ResMut<ReplayView>,
    redraw: Option<ResMut<Messages<RequestRedraw>>>,
) {
    let Some(speed) = view.autoplay else { return };
    let Some(loaded) = loaded else { return };
    let n = history.of(&loaded.scenario).steps.len();
    view.elapsed += time.delta_secs();
    let period = 1.0 / speed.max(1) as f32;
    while view.elapsed >= period {
        view.elapsed -= period;
        if view.step + 1 < n {
            view.step += 1;
        }
        if view.step + 1 >= n {
            view.autoplay = None;
            view.elapsed = 0.0;
            break;
        }
    }
    if let Some(mut redraw) = redraw {
        redraw.write(RequestRedraw);
    }
}

fn keys(ctx: &egui::Context, allowed: bool, view: &ReplayView, out: &mut Vec<UiAction>) {
    if !allowed || ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input(|i| {
        if i.key_pressed(egui::Key::ArrowRight) {
            out.push(UiAction::ReplayNext);
        }
        if i.key_pressed(egui::Key::ArrowLeft) {
            out.push(UiAction::ReplayBack);
        }
        if i.key_pressed(egui::Key::Space) {
            out.push(UiAction::ReplayAutoplay(match view.autoplay {
                Some(_) => None,
                None => Some(view.speed),
            }));
        }
    });
}

fn draw(
    mut contexts: EguiContexts,
    loaded: Res<LoadedScenario>,
    mut history: ResMut<HistoricalPath>,
    mut view: ResMut<ReplayView>,
    overlays: crate::app::overlays::menu::Overlays,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = crate::app::root_ui(&ctx);
    let h = history.of(&loaded.scenario);
    let s = &**h.scenario();
    let mut out = Vec::new();
    keys(&ctx, overlays.screen_keys(), &view, &mut out);
    let n = h.steps.len();
    let k = view.step.min(n.saturating_sub(1));
    let Some(st) = h.steps.get(k) else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            ui.heading("This scenario's historical path is empty.");
        });
        return Ok(());
    };

    egui::Panel::top("replay-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(long_date(st.date));
            ui.separator();
            ui.label(egui::RichText::new("The historical path").strong());
            ui.weak(format!("\u{b7} step {} of {n}", k + 1));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("\u{2b05} Start screen").clicked() {
                    out.push(UiAction::ToStart);
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(k > 0, egui::Button::new("\u{25c0} Back"))
                .on_hover_text("Left arrow")
                .clicked()
            {
                out.push(UiAction::ReplayBack);
            }
            if ui
                .add_enabled(k + 1 < n, egui::Button::new("Next \u{25b6}"))
                .on_hover_text("Right arrow")
                .clicked()
            {
                out.push(UiAction::ReplayNext);
            }
            ui.separator();
            let playing = view.autoplay.is_some();
            let label = if playing {
                "\u{23f8} Pause"
            } else {
                "\u{25b6}\u{25b6} Play"
            };
            if ui.button(label).on_hover_text("Space").clicked() {
                out.push(UiAction::ReplayAutoplay(if playing {
                    None
                } else {
                    Some(view.speed)
                }));
            }
            let mut speed = view.speed;
            let resp = ui.add(egui::Slider::new(&mut speed, 1..=10).suffix(" steps/s"));
            if resp.changed() {
                view.speed = speed;
                if playing {
                    out.push(UiAction::ReplayAutoplay(Some(speed)));
                }
            }
            ui.separator();
            ui.label("Jump to");
            // A date of this scenario (the day its terms were agreed, or its talks ended).
            let example = s
                .armistice
                .historical_terms_date
                .format("%Y-%m-%d")
                .to_string();
            let field = ui.add(
                egui::TextEdit::singleline(&mut view.date_field)
                    .hint_text(example.as_str())
                    .desired_width(96.0),
            );
            let go = ui.button("Go").clicked()
                || (field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
            if go {
                match NaiveDate::parse_from_str(view.date_field.trim(), "%Y-%m-%d") {
                    Ok(d) => {
                        view.date_error = None;
                        out.push(UiAction::ReplayJump(d));
                    }
                    Err(_) => view.date_error = Some(format!("a date like {example}")),
                }
            }
            if let Some(e) = &view.date_error {
                ui.colored_label(theme::COUNTERFACTUAL, e);
            }
        });
        let marks: Vec<Mark> = h
            .steps
            .iter()
            .enumerate()
            .map(|(i, st)| Mark {
                date: st.date,
                kind: MarkKind::of_step(s, st),
                counterfactual: false,
                title: format!("{} \u{2014} {}", st.date_text, st.title),
                target: i,
            })
            .collect();
        if let Some(t) = timeline::strip(
            ui,
            s.agreement_noun(),
            s.start,
            s.end,
            Some(st.date),
            &marks,
            Some(k),
        ) && let Some(d) = h.steps.get(t).map(|x| x.date)
        {
            out.push(UiAction::ReplayJump(d));
        }
        timeline::legend(ui, &timeline::LEGEND, s.agreement_noun());
        ui.add_space(2.0);
    });

    egui::Panel::right("replay-side")
        .default_size(440.0)
        .size_range(340.0..=640.0)
        .show(&mut root, |ui| {
            ui.add_space(4.0);
            ui.label(egui::RichText::new("\u{1f4c8} The state along the way").strong());
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let upto = h.step_log.get(k).map_or(h.game.log.len(), |&i| i + 1);
                    let path = Series {
                        game: &h.game,
                        lines: upto,
                        until: st.date,
                    };
                    let mut issue = view.chart_issue;
                    charts::charts(ui, "replay", s, None, path, &mut issue);
                    view.chart_issue = issue;
                });
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(820.0);
                ui.add_space(6.0);
                event_view::step(ui, s, st, &mut out);
                if !st.flags.is_empty() {
                    ui.add_space(8.0);
                    ui.label(egui::RichText::new("IN EFFECT").strong().small());
                    ui.add(
                        egui::Label::new(egui::RichText::new(st.flags.join(" \u{b7} ")).weak())
                            .wrap(),
                    );
                }
                ui.add_space(12.0);
            });
    });

    actions.write_batch(out);
    Ok(())
}
