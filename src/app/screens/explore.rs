//! The Explore screen: the what-if explorer run in the background, with its progress
//! and the histogram of armistice dates by month.
//!
//! Reached with [`UiAction::OpenExplore`]. The games run on a std thread (which itself
//! uses every core); the window polls a shared counter and stays responsive.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::app::theme;
use crate::app::{LoadedScenario, Screen, UiAction};
use crate::engine::Policy;
use crate::explore::{self, Config, ExploreError, ExploreReport};

/// A run in progress.
pub struct Job {
    pub done: Arc<AtomicUsize>,
    pub total: usize,
    pub handle: JoinHandle<Result<ExploreReport, ExploreError>>,
}

/// The Explore screen's state.
#[derive(Resource, Default)]
pub struct ExploreState {
    /// Index into the scenario's playable roles.
    pub role: usize,
    pub runs: usize,
    pub adaptive: bool,
    pub seed: u64,
    pub job: Option<Job>,
    pub report: Option<Result<ExploreReport, String>>,
}

pub struct ExplorePlugin;

impl Plugin for ExplorePlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(ExploreState {
            runs: 2000,
            seed: 1,
            ..default()
        })
        .add_systems(Update, (handle_actions, poll))
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Explore)),
        );
    }
}

fn handle_actions(mut actions: MessageReader<UiAction>, mut screen: ResMut<NextState<Screen>>) {
    for action in actions.read() {
        if *action == UiAction::OpenExplore {
            screen.set(Screen::Explore);
        }
    }
}

/// Collects a finished run.
fn poll(mut state: ResMut<ExploreState>) {
    if state.job.as_ref().is_some_and(|j| j.handle.is_finished())
        && let Some(job) = state.job.take()
    {
        state.report = Some(match job.handle.join() {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(_) => Err("the exploration stopped unexpectedly".to_string()),
        });
    }
}

fn start(state: &mut ExploreState, loaded: &LoadedScenario) {
    let s = Arc::clone(&loaded.scenario);
    let Some((role, _)) = s.playable().nth(state.role) else {
        return;
    };
    let cfg = Config {
        role,
        runs: state.runs,
        policy: if state.adaptive {
            Policy::Adaptive
        } else {
            Policy::Historical
        },
        seed: state.seed,
        vary: None,
        threads: 0,
    };
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    let total = explore::run_count(&s, &cfg);
    let handle = std::thread::spawn(move || explore::explore(&s, &cfg, &counter));
    state.report = None;
    state.job = Some(Job {
        done,
        total,
        handle,
    });
}

fn draw(
    mut contexts: EguiContexts,
    loaded: Option<Res<LoadedScenario>>,
    mut state: ResMut<ExploreState>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = crate::app::root_ui(ctx);
    let Some(loaded) = loaded else { return Ok(()) };
    let roles: Vec<String> = loaded
        .scenario
        .playable()
        .map(|(_, a)| a.name.clone())
        .collect();
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading("What-if explorer");
        ui.label(format!("Many games in which your side's decisions are drawn at random; how often, when and on what terms the {} comes, beside history.", loaded.scenario.agreement_noun()));
        let running = state.job.is_some();
        ui.add_enabled_ui(!running, |ui| {
            ui.horizontal(|ui| {
                ui.label("Role:");
                for (i, name) in roles.iter().enumerate() {
                    ui.radio_value(&mut state.role, i, name);
                }
            });
            ui.horizontal(|ui| {
                ui.label("Games:");
                ui.add(egui::Slider::new(&mut state.runs, 10..=100_000).logarithmic(true));
                ui.checkbox(&mut state.adaptive, "other sides adaptive (else historical)");
                ui.label("Seed:");
                ui.add(egui::DragValue::new(&mut state.seed));
            });
            if ui.button("Run").clicked() {
                start(&mut state, &loaded);
            }
        });
        if let Some(job) = &state.job {
            let done = job.done.load(Ordering::Relaxed).min(job.total);
            let frac = if job.total == 0 { 1.0 } else { done as f32 / job.total as f32 };
            ui.add(egui::ProgressBar::new(frac).text(format!("{done}/{} games", job.total)));
            ctx.request_repaint();
        }
        match &state.report {
            Some(Ok(r)) => report(ui, r),
            Some(Err(e)) => {
                ui.colored_label(theme::ERROR, e);
            }
            None => {}
        }
        if ui.button("Back to start").clicked() {
            actions.write(UiAction::ToStart);
        }
    });
    Ok(())
}

fn report(ui: &mut egui::Ui, r: &ExploreReport) {
    let history = match &r.historical_end {
        None => r.historical_date.to_string(),
        Some(_) => format!("none (the talks ended {})", r.historical_date),
    };
    ui.label(format!(
        "{} in {} of {} games; history: {history}.",
        crate::scenario::capitalise(&r.noun),
        r.armistice,
        r.runs
    ));
    let bars: Vec<Bar> = r
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let bar = Bar::new(i as f64, m.count as f64).name(&m.month);
            if m.historical {
                bar.fill(theme::HISTORICAL_BAR)
            } else {
                bar
            }
        })
        .collect();
    let labels: Vec<String> = r.months.iter().map(|m| m.month.clone()).collect();
    let chart_name = format!(
        "games with the {} signed in each month (red: history)",
        r.noun
    );
    Plot::new("explore-histogram")
        .height(260.0)
        .legend(Legend::default())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |p| {
            p.bar_chart(BarChart::new(chart_name, bars));
        });
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.monospace(crate::report::explore_text::render(r));
    });
}
