//! The Explore screen's drawing: the settings and the Run button on top, then the
//! results (`charts.rs`): how the games ended and the figures side by side, when the
//! armistice came, on what terms.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{ExploreResults, ExploreState, Way, charts};
use crate::app::theme;
use crate::app::{LoadedScenario, UiAction};

pub(super) fn draw(
    mut contexts: EguiContexts,
    loaded: Option<Res<LoadedScenario>>,
    mut state: ResMut<ExploreState>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = crate::app::root_ui(&ctx);
    let Some(loaded) = loaded else { return Ok(()) };
    let roles: Vec<String> = loaded
        .scenario
        .playable()
        .map(|(_, a)| a.name.clone())
        .collect();
    let mut out: Vec<UiAction> = Vec::new();

    egui::Panel::top("explore-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("What-if explorer");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Back to start").clicked() {
                    out.push(UiAction::ToStart);
                }
            });
        });
        ui.label(format!("Many games for each way of playing your side: how often, when and on what terms the {} comes, beside history.", loaded.scenario.agreement_noun()));
        ui.add_space(4.0);
        let running = state.running();
        ui.add_enabled_ui(!running, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label("Your side:");
                for (i, name) in roles.iter().enumerate() {
                    ui.radio_value(&mut state.role, i, name);
                }
                ui.separator();
                ui.label("Games:");
                ui.add(egui::Slider::new(&mut state.runs, 10..=100_000).logarithmic(true));
                ui.separator();
                ui.checkbox(&mut state.adaptive, "other sides adaptive (else as in history)");
                ui.separator();
                ui.label("Seed:");
                ui.add(egui::DragValue::new(&mut state.seed));
            });
            ui.horizontal_wrapped(|ui| {
                ui.label("Ways of playing your side:");
                for way in Way::all() {
                    let mut on = state.ways.contains(&way);
                    if ui
                        .checkbox(&mut on, way.label())
                        .on_hover_text(way.explain())
                        .changed()
                    {
                        state.ways.retain(|w| *w != way);
                        if on {
                            state.ways.push(way);
                            let order = Way::all();
                            state.ways.sort_by_key(|w| order.iter().position(|o| o == w));
                        }
                    }
                }
                ui.separator();
                if ui
                    .button(egui::RichText::new("Run \u{25b6}").strong())
                    .clicked()
                {
                    out.push(UiAction::RunExplore);
                }
            });
        });
        if let Some(job) = &state.job {
            let done = job.done();
            let frac = if job.total == 0 {
                1.0
            } else {
                done as f32 / job.total as f32
            };
            ui.add(egui::ProgressBar::new(frac).text(format!("{done} of {} games", job.total)));
            ctx.request_repaint();
        }
        ui.add_space(4.0);
    });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match &state.results {
                Some(Ok(r)) => results(ui, r),
                Some(Err(e)) => {
                    ui.colored_label(theme::ERROR, e);
                }
                None if state.running() => {
                    ui.weak("Playing the games\u{2026}");
                }
                None => {
                    ui.weak("Choose your side and the number of games, then Run.");
                }
            });
    });
    actions.write_batch(out);
    Ok(())
}

fn section(ui: &mut egui::Ui, title: &str, note: &str) {
    ui.add_space(10.0);
    ui.label(egui::RichText::new(title).heading().size(19.0));
    if !note.is_empty() {
        ui.weak(note);
    }
    ui.add_space(2.0);
}

fn results(ui: &mut egui::Ui, r: &ExploreResults) {
    let Some(first) = r.runs.first() else {
        return;
    };
    let rep = &first.report;
    ui.label(format!(
        "{} games for each way of playing, as {}; other sides {}; seed {}.",
        rep.runs,
        rep.role_name,
        if rep.policy == "historical" {
            "as in history".to_string()
        } else {
            rep.policy.clone()
        },
        rep.seed
    ));
    // One or two strategies fit two columns (charts left, tables right); more take
    // the full width each.
    if ui.available_width() > 1000.0 && r.runs.len() <= 1 {
        ui.columns(2, |cols| {
            let [left, right] = cols else { return };
            outcomes_and_dates(left, r);
            figures_and_terms(right, r);
        });
    } else {
        outcomes_and_dates(ui, r);
        figures_and_terms(ui, r);
    }
    ui.add_space(10.0);
    if ui
        .button("Copy the report as text")
        .on_hover_text("The same text as `panmunjom explore` prints")
        .clicked()
    {
        let text: Vec<String> = r
            .runs
            .iter()
            .map(|run| {
                format!(
                    "== {} ==\n{}",
                    run.name,
                    crate::report::explore_text::render(&run.report)
                )
            })
            .collect();
        ui.ctx().copy_text(text.join("\n"));
    }
    ui.add_space(12.0);
}

fn outcomes_and_dates(ui: &mut egui::Ui, r: &ExploreResults) {
    let s = &*r.scenario;
    section(
        ui,
        "How the games ended",
        "Each bar is every game of one way of playing; history is one path.",
    );
    charts::outcomes(ui, s, &r.runs);
    section(
        ui,
        &format!("When the {} came", s.agreement_noun()),
        "The share of games signed in each month; the red line is the historical signing.",
    );
    charts::dates(ui, s, &r.runs);
}

fn figures_and_terms(ui: &mut egui::Ui, r: &ExploreResults) {
    let s = &*r.scenario;
    section(ui, "Figures beside history", "");
    charts::figures(ui, s, &r.runs);
    section(
        ui,
        "On what terms",
        "The most frequent sets of terms, each by how it differs from the terms history signed.",
    );
    charts::terms(ui, s, &r.runs);
}
