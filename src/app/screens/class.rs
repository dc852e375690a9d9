//! The Class screen: the class report over a folder of saved games (the same report as
//! `panmunjom class`), and its export as one HTML page.
//!
//! Reached from the start screen ([`UiAction::OpenClass`]). The folder defaults to the
//! window's own saves; any folder can be typed. Broken and foreign files are listed
//! with their reason, never fatal.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Bar, BarChart, Plot};

use crate::app::saves::known;
use crate::app::scenarios::ScenarioFiles;
use crate::app::screens::debrief::ExportDir;
use crate::app::theme;
use crate::app::{DataDir, LoadedScenario, Screen, UiAction};
use crate::class::{ClassGroup, ClassReport, gather};
use crate::fsio;
use crate::report::{html, month_short};

/// The Class screen's state.
#[derive(Resource, Default)]
pub struct ClassState {
    /// The folder as typed (empty until the screen first opens: then the saves folder).
    pub folder: String,
    /// The report of the last folder read.
    pub report: Option<ClassReport>,
    /// The last HTML export: the file written, or why it failed.
    pub export: Option<Result<PathBuf, String>>,
}

pub struct ClassPlugin;

impl Plugin for ClassPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<ClassState>()
            .add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Class)));
    }
}

/// Reads the records under `folder` and tallies them on the scenarios the window knows.
pub fn read(folder: &Path, files: &ScenarioFiles, loaded: &LoadedScenario) -> ClassReport {
    let scenarios: Vec<_> = known(files, loaded).into_iter().map(|(s, _)| s).collect();
    let found = gather(&[folder.to_path_buf()]);
    let mut report = ClassReport::build(found.records, &scenarios);
    report.skipped.splice(0..0, found.skipped);
    report
}

/// Writes the class report as HTML into `dir` as a new file `class-<UTC time>.html`.
pub fn export_html(report: &ClassReport, dir: &Path) -> std::io::Result<PathBuf> {
    let stem = format!("class-{}", fsio::now_stamp());
    fsio::write_new(dir, &stem, "html", html::class(report).as_bytes())
}

#[allow(
    clippy::too_many_arguments,
    reason = "a Bevy system: one parameter per resource"
)]
fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut state: ResMut<ClassState>,
    data: Res<DataDir>,
    files: Res<ScenarioFiles>,
    loaded: Res<LoadedScenario>,
    dir: Res<ExportDir>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::OpenClass => {
                if state.folder.is_empty() {
                    state.folder = data.saves().display().to_string();
                }
                screen.set(Screen::Class);
            }
            UiAction::ReadClass(folder) => {
                state.folder = folder.display().to_string();
                state.report = Some(read(folder, &files, &loaded));
                state.export = None;
            }
            UiAction::ExportClassHtml => {
                state.export = Some(match &state.report {
                    Some(r) if r.game_count() > 0 => export_html(r, &dir.0).map_err(|e| {
                        format!("cannot write the report into {}: {e}", dir.0.display())
                    }),
                    _ => Err("read a folder with game records first".to_string()),
                });
            }
            _ => {}
        }
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut state: ResMut<ClassState>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = crate::app::root_ui(ctx);
    egui::Panel::top("class-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("Class report");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("\u{2b05} Start screen").clicked() {
                    actions.write(UiAction::ToStart);
                }
                let ready = state.report.as_ref().is_some_and(|r| r.game_count() > 0);
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(egui::RichText::new("\u{2b07} Export to HTML").strong()),
                    )
                    .on_hover_text("one page to print or project: the same file as `panmunjom class FOLDER --format html`")
                    .clicked()
                {
                    actions.write(UiAction::ExportClassHtml);
                }
            });
        });
        ui.horizontal(|ui| {
            ui.label("Folder of game records:");
            let field = ui.add(egui::TextEdit::singleline(&mut state.folder).desired_width(520.0));
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Read the records").clicked() || enter {
                actions.write(UiAction::ReadClass(PathBuf::from(state.folder.trim())));
            }
        });
        match &state.export {
            Some(Ok(p)) => {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(theme::SAME, "Exported to");
                    ui.monospace(p.display().to_string());
                });
            }
            Some(Err(e)) => {
                ui.colored_label(theme::DIFFERENT, format!("Export failed: {e}"));
            }
            None => {}
        }
        ui.add_space(4.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match &state.report {
                None => {
                    ui.label("Choose a folder (your saved games are in the one shown) and read its records: every .json game record in it and in the folders below it. Students can save their games into a shared folder, or hand in the files.");
                }
                Some(r) => report(ui, r),
            });
    });
    Ok(())
}

fn report(ui: &mut egui::Ui, r: &ClassReport) {
    ui.label(format!(
        "{}{}.",
        plural(r.game_count(), "game record"),
        if r.skipped.is_empty() {
            String::new()
        } else {
            format!(
                ", {} left out (listed at the end)",
                plural(r.skipped.len(), "file")
            )
        }
    ));
    for (n, g) in r.groups.iter().enumerate() {
        group(ui, n, g);
    }
    if !r.skipped.is_empty() {
        ui.add_space(8.0);
        ui.heading("Files left out");
        for s in &r.skipped {
            ui.horizontal_wrapped(|ui| {
                ui.monospace(&s.file);
                ui.colored_label(theme::DIFFERENT, &s.reason);
            });
        }
    }
}

/// "1 game", "2 games".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The games' agreements by month, history's month in red.
fn months_chart(ui: &mut egui::Ui, n: usize, g: &ClassGroup, labels: Vec<String>, bars: Vec<Bar>) {
    Plot::new(("class-months", n))
        .height(200.0)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |p| {
            p.bar_chart(BarChart::new(
                format!(
                    "games with the {} signed in each month (red: history)",
                    g.noun
                ),
                bars,
            ));
        });
}

fn group(ui: &mut egui::Ui, n: usize, g: &ClassGroup) {
    ui.add_space(8.0);
    ui.heading(format!(
        "{} \u{2014} {}",
        g.scenario_title,
        plural(g.games.len(), "game")
    ));
    let signed = g
        .games
        .iter()
        .filter(|x| x.armistice_date.is_some())
        .count();
    ui.label(format!(
        "{signed} of {} reached the {} (history: {}); divergence lowest {}, median {}, highest {}.",
        g.games.len(),
        g.noun,
        g.history_phrase(),
        g.divergence.min,
        g.divergence.median,
        g.divergence.max
    ));
    for o in &g.outcomes {
        ui.label(format!("  {} \u{d7} {}", o.count, o.label));
    }
    let bars: Vec<Bar> = g
        .armistice_months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let bar = Bar::new(i as f64, m.count as f64).name(month_short(m.month));
            bar.fill(if m.historical {
                theme::HISTORICAL_BAR
            } else {
                theme::MARK_PUBLIC
            })
        })
        .collect();
    let labels: Vec<String> = g
        .armistice_months
        .iter()
        .map(|m| month_short(m.month))
        .collect();
    if signed == 0 {
        ui.weak(format!("No game reached the {}.", g.noun));
    } else {
        months_chart(ui, n, g, labels, bars);
    }

    ui.add_space(6.0);
    ui.label(
        egui::RichText::new("The decisions, the most divided first")
            .size(17.0)
            .strong(),
    );
    for d in &g.decisions {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(format!("{} \u{2014} {}", d.date_text, d.title)).strong());
        let chose = d.players - d.not_arisen;
        ui.weak(format!("{}: {chose} of {} chose", d.role_name, d.players));
        for o in &d.options {
            ui.horizontal(|ui| {
                let frac = if chose == 0 {
                    0.0
                } else {
                    o.count as f32 / chose as f32
                };
                let mut bar = egui::ProgressBar::new(frac)
                    .desired_width(180.0)
                    .text(o.count.to_string());
                if o.historical {
                    bar = bar.fill(theme::HISTORICAL_BAR);
                }
                ui.add(bar);
                ui.label(&o.label);
                if o.historical {
                    ui.colored_label(theme::HISTORICAL, "historical");
                }
            });
        }
        for q in &d.discussion {
            ui.label(egui::RichText::new(format!("? {}", q.question)).italics());
        }
    }

    ui.add_space(6.0);
    ui.label(egui::RichText::new("The records").size(17.0).strong());
    egui::Grid::new(("class-records", n))
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for h in ["Name", "Role", "Outcome", "Divergence"] {
                ui.strong(h);
            }
            ui.end_row();
            for r in &g.games {
                ui.label(r.name.clone().unwrap_or_else(|| file_name(&r.file)));
                ui.label(r.roles_text());
                ui.label(&r.outcome_text);
                ui.label(r.divergence.total.to_string());
                ui.end_row();
            }
        });
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().into_owned())
}
