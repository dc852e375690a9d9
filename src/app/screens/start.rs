//! The start screen: scenario, role, the other sides' policy, seed, mode, and the saved
//! games to continue.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::saves::{PlayerName, SaveEntry, SaveList};
use crate::app::scenarios::{ScenarioFiles, ScenarioProblem, problem_text};
use crate::app::{LoadedScenario, Screen, UiAction};
use crate::engine::{Policy, Setup};
use crate::scenario::{ActorId, Scenario};
use crate::sim::NewGame;

/// Play a role, walk the historical path, or explore many what-if games.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Play,
    Replay,
    Explore,
    /// The class report over a folder of records.
    Class,
}

/// What the start screen's form holds.
#[derive(Resource, Debug, Clone)]
pub struct StartForm {
    /// The role picked (`None`: the scenario's first playable role).
    pub role: Option<ActorId>,
    pub policy: Policy,
    /// The seed as typed.
    pub seed: String,
    pub mode: Mode,
    /// The scenario path being typed.
    pub path: String,
    /// The player's or group's name, kept in the saved record for the class report.
    pub name: String,
    /// Other roles played by people at this screen too (hot-seat).
    pub also: Vec<ActorId>,
}

impl Default for StartForm {
    fn default() -> Self {
        StartForm {
            role: None,
            policy: Policy::Historical,
            seed: random_seed().to_string(),
            mode: Mode::Play,
            path: String::new(),
            name: String::new(),
            also: Vec::new(),
        }
    }
}

impl StartForm {
    /// The seed typed, if it is a number.
    pub fn seed(&self) -> Option<u64> {
        self.seed.trim().parse().ok()
    }

    /// The role picked, or the scenario's first playable one.
    pub fn role(&self, s: &Scenario) -> Option<ActorId> {
        self.role
            .filter(|r| s.actors.get(r.0).is_some_and(|a| a.playable))
            .or_else(|| s.playable().next().map(|(id, _)| id))
    }

    /// The roles people play at this screen besides the chosen one (hot-seat), each a
    /// playable role of `s`.
    pub fn hot_seats(&self, s: &Scenario) -> Vec<ActorId> {
        let role = self.role(s);
        self.also
            .iter()
            .copied()
            .filter(|&r| Some(r) != role && s.actors.get(r.0).is_some_and(|a| a.playable))
            .collect()
    }

    /// The action the Begin button writes, if the form is complete.
    pub fn begin(&self, s: &Scenario) -> Option<UiAction> {
        match self.mode {
            Mode::Replay => Some(UiAction::OpenReplay),
            Mode::Explore => Some(UiAction::OpenExplore),
            Mode::Class => Some(UiAction::OpenClass),
            Mode::Play => Some(UiAction::NewGame(Setup {
                role: self.role(s)?,
                policy: self.policy,
                seed: self.seed()?,
            })),
        }
    }
}

/// A seed from the clock: different each time, short enough to read and type.
pub fn random_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    // A cheap mix so that consecutive starts differ in every digit.
    let mixed = (nanos as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(17);
    mixed % 1_000_000
}

/// One line on a role's situation: the second sentence of its briefing (the first says
/// whom you speak for).
pub fn situation(briefing: &str) -> String {
    let sentences: Vec<&str> = briefing
        .split_inclusive(". ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    sentences
        .get(1)
        .or(sentences.first())
        .map(|s| s.to_string())
        .unwrap_or_default()
}

pub struct StartPlugin;

impl Plugin for StartPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<StartForm>()
            .add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Start)));
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    loaded: Res<LoadedScenario>,
    mut form: ResMut<StartForm>,
    mut name: ResMut<PlayerName>,
    mut new_game: MessageWriter<NewGame>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::NewGame(setup) => {
                new_game.write(NewGame {
                    scenario: loaded.scenario.clone(),
                    setup: setup.clone(),
                    seats: form
                        .hot_seats(&loaded.scenario)
                        .into_iter()
                        .map(|role| crate::engine::Seat { role, name: None })
                        .collect(),
                });
                name.0 = form.name.trim().to_string();
                screen.set(Screen::Briefing);
            }
            UiAction::ToggleSeat(role) => {
                if let Some(k) = form.also.iter().position(|r| r == role) {
                    form.also.remove(k);
                } else {
                    form.also.push(*role);
                }
            }
            UiAction::OpenReplay => screen.set(Screen::Replay),
            UiAction::ToStart => screen.set(Screen::Start),
            _ => {}
        }
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "a Bevy system: one parameter per resource"
)]
fn draw(
    mut contexts: EguiContexts,
    loaded: Res<LoadedScenario>,
    files: Res<ScenarioFiles>,
    problem: Res<ScenarioProblem>,
    saves: Res<SaveList>,
    mut form: ResMut<StartForm>,
    overlays: crate::app::overlays::menu::Overlays,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let s = &loaded.scenario;
    if overlays.screen_keys() {
        keys(ctx, &mut form, s, &mut actions);
    }
    let mut root = crate::app::root_ui(ctx);

    egui::Panel::top("start-title").show(&mut root, |ui| {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new("Panmunjom").size(30.0).strong());
            ui.add_space(12.0);
            // The loaded scenario's own title: the start screen offers more than one.
            ui.label(egui::RichText::new(&s.title).size(18.0).weak());
        });
        ui.add_space(6.0);
    });

    egui::Panel::bottom("start-begin").show(&mut root, |ui| {
        ui.add_space(8.0);
        options_row(ui, s, &mut form);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let begin = form.begin(s);
            let label = match form.mode {
                Mode::Play => "Begin: read the briefing  (Enter)",
                Mode::Replay => "Open the historical replay  (Enter)",
                Mode::Explore => "Open the what-if explorer  (Enter)",
                Mode::Class => "Open the class report  (Enter)",
            };
            let button = egui::Button::new(egui::RichText::new(label).size(18.0).strong())
                .min_size(egui::vec2(340.0, 40.0));
            if ui.add_enabled(begin.is_some(), button).clicked()
                && let Some(a) = begin
            {
                actions.write(a);
            }
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new(
                    "Keys: 1–3 role · H/A other sides · P/R/X/C mode · N new seed · Esc menu",
                )
                .weak(),
            );
        });
        ui.add_space(8.0);
    });

    egui::Panel::right("start-saves")
        .default_size(430.0)
        .min_size(300.0)
        .show(&mut root, |ui| {
            ui.add_space(8.0);
            ui.heading("Continue a saved game");
            ui.add_space(4.0);
            saves_list(ui, &saves.0, &mut actions);
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(760.0);
                scenario_section(ui, &loaded, &files, &problem, &mut form, &mut actions);
                ui.add_space(4.0);
                role_section(ui, s, &mut form);
            });
    });
    Ok(())
}

/// The start screen's keys (none while a text field has the keyboard).
fn keys(
    ctx: &egui::Context,
    form: &mut StartForm,
    s: &Scenario,
    actions: &mut MessageWriter<UiAction>,
) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let roles: Vec<ActorId> = s.playable().map(|(id, _)| id).collect();
    let begin = ctx.input(|i| {
        use egui::Key;
        if i.modifiers.command || i.modifiers.alt {
            return false;
        }
        for (n, key) in [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5]
            .into_iter()
            .enumerate()
        {
            if i.key_pressed(key)
                && let Some(&r) = roles.get(n)
            {
                form.role = Some(r);
                form.mode = Mode::Play;
            }
        }
        if i.key_pressed(Key::H) {
            form.policy = Policy::Historical;
        }
        if i.key_pressed(Key::A) {
            form.policy = Policy::Adaptive;
        }
        if i.key_pressed(Key::P) {
            form.mode = Mode::Play;
        }
        if i.key_pressed(Key::R) {
            form.mode = Mode::Replay;
        }
        if i.key_pressed(Key::X) {
            form.mode = Mode::Explore;
        }
        if i.key_pressed(Key::C) {
            form.mode = Mode::Class;
        }
        if i.key_pressed(Key::N) {
            form.seed = random_seed().to_string();
        }
        i.key_pressed(Key::Enter)
    });
    if begin && let Some(a) = form.begin(s) {
        actions.write(a);
    }
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.label(egui::RichText::new(title).size(19.0).strong());
    ui.add_space(2.0);
}

fn scenario_section(
    ui: &mut egui::Ui,
    loaded: &LoadedScenario,
    files: &ScenarioFiles,
    problem: &ScenarioProblem,
    form: &mut StartForm,
    actions: &mut MessageWriter<UiAction>,
) {
    let s = &loaded.scenario;
    section(ui, "Scenario");
    let current = match &loaded.path {
        None => format!("Built in: {}", s.title),
        Some(p) => p.display().to_string(),
    };
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("scenario-choice")
            .selected_text(current)
            .width(400.0)
            .show_ui(ui, |ui| {
                for b in &files.builtins {
                    let selected = loaded.path.is_none() && loaded.scenario.origin == b.origin;
                    let label = format!("Built in: {}", b.title);
                    if ui.selectable_label(selected, label).clicked() {
                        actions.write(UiAction::LoadBuiltin(b.id.clone()));
                    }
                }
                for f in &files.files {
                    let label = match &f.loaded {
                        Ok(sc) => format!("{} — {}", f.path.display(), sc.title),
                        Err(_) => format!("{} — has errors", f.path.display()),
                    };
                    let selected = loaded.path.as_deref() == Some(f.path.as_path());
                    if ui.selectable_label(selected, label).clicked() {
                        actions.write(UiAction::LoadScenario(Some(f.path.clone())));
                    }
                }
            });
        ui.label("or a file:");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut form.path)
                .hint_text("path/to/scenario.ron")
                .desired_width(200.0),
        );
        let typed = !form.path.trim().is_empty();
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.add_enabled(typed, egui::Button::new("Load")).clicked() || enter) && typed {
            actions.write(UiAction::LoadScenario(Some(form.path.trim().into())));
        }
    });
    ui.add(egui::Label::new(egui::RichText::new(&s.summary).size(14.0)).wrap());
    ui.label(
        egui::RichText::new(format!(
            "{} to {} · {} playable roles · {} timeline entries{}",
            s.start.format("%-d %B %Y"),
            s.end.format("%-d %B %Y"),
            s.playable().count(),
            s.timeline.len(),
            if loaded.path.is_some() {
                " · reloaded when the file changes (F5 to reload now)"
            } else {
                ""
            }
        ))
        .weak(),
    );
    if let Some(text) = &problem.0 {
        egui::Frame::new()
            .stroke(egui::Stroke::new(1.0, ui.visuals().error_fg_color))
            .corner_radius(4.0)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.label(
                    egui::RichText::new(format!(
                        "This scenario file has errors; still using “{}”.",
                        s.title
                    ))
                    .strong(),
                );
                egui::ScrollArea::vertical()
                    .id_salt("scenario-problem-scroll")
                    .max_height(200.0)
                    .show(ui, |ui| problem_text(ui, text));
            });
    }
}

fn role_section(ui: &mut egui::Ui, s: &Scenario, form: &mut StartForm) {
    section(ui, "Your role");
    let picked = form.role(s);
    for (n, (id, actor)) in s.playable().enumerate() {
        let selected = picked == Some(id) && form.mode == Mode::Play;
        let fill = if selected {
            ui.visuals().selection.bg_fill
        } else {
            ui.visuals().faint_bg_color
        };
        let frame = egui::Frame::new()
            .fill(fill)
            .corner_radius(6.0)
            .inner_margin(egui::Margin::symmetric(10, 4))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(format!("{}", n + 1)).monospace().weak());
                    ui.label(egui::RichText::new(&actor.name).size(17.0).strong());
                });
                ui.add(
                    egui::Label::new(egui::RichText::new(situation(&actor.briefing)).size(14.5))
                        .wrap(),
                );
            });
        let response = ui.interact(
            frame.response.rect,
            ui.id().with(("role", n)),
            egui::Sense::click(),
        );
        if response.clicked() {
            form.role = Some(id);
            form.mode = Mode::Play;
        }
        ui.add_space(2.0);
    }
}

/// The other sides' policy, the seed and the mode, in one block above the Begin button.
fn options_row(ui: &mut egui::Ui, s: &Scenario, form: &mut StartForm) {
    egui::Grid::new("start-options")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            ui.label(egui::RichText::new("The other sides").strong());
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.policy, Policy::Historical, "Historical (H)")
                    .on_hover_text(
                        "They do what they did, as long as it still makes sense in your game.",
                    );
                ui.radio_value(&mut form.policy, Policy::Adaptive, "Adaptive (A)")
                    .on_hover_text(
                        "They choose by their own interests, with chance drawn from the seed.",
                    );
                ui.label(
                    egui::RichText::new(match form.policy {
                        Policy::Historical => {
                            "they do what they did, as long as it still makes sense in your game"
                        }
                        Policy::Adaptive => {
                            "they choose by their own interests, with chance drawn from the seed"
                        }
                    })
                    .weak(),
                );
            });
            ui.end_row();
            ui.label(egui::RichText::new("Seed").strong());
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut form.seed).desired_width(110.0));
                if ui.button("New random seed (N)").clicked() {
                    form.seed = random_seed().to_string();
                }
                if form.seed().is_none() {
                    ui.colored_label(ui.visuals().error_fg_color, "a seed is a whole number");
                } else {
                    ui.label(
                        egui::RichText::new("the same seed and choices give the same game").weak(),
                    );
                }
            });
            ui.end_row();
            ui.label(egui::RichText::new("Mode").strong());
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.mode, Mode::Play, "Play your role (P)");
                ui.radio_value(
                    &mut form.mode,
                    Mode::Replay,
                    "Replay the historical path step by step (R)",
                );
                ui.radio_value(
                    &mut form.mode,
                    Mode::Explore,
                    "Explore many what-if games (X)",
                );
                ui.radio_value(
                    &mut form.mode,
                    Mode::Class,
                    "Class report over saved games (C)",
                );
            });
            ui.end_row();
            // Hot-seat: more people at this screen, each playing another role.
            let picked = form.role(s);
            let others: Vec<(ActorId, String)> = s
                .playable()
                .filter(|(id, _)| Some(*id) != picked)
                .map(|(id, a)| (id, a.name.clone()))
                .collect();
            if form.mode == Mode::Play && !others.is_empty() {
                ui.label(egui::RichText::new("Hot-seat").strong());
                ui.horizontal_wrapped(|ui| {
                    for (id, name) in others {
                        let mut on = form.also.contains(&id);
                        if ui.checkbox(&mut on, name).changed() {
                            if on {
                                form.also.push(id);
                            } else {
                                form.also.retain(|&r| r != id);
                            }
                        }
                    }
                    ui.label(
                        egui::RichText::new(
                            "also played by a person at this screen; a curtain between turns",
                        )
                        .weak(),
                    );
                });
                ui.end_row();
            }
            ui.label(egui::RichText::new("Name").strong());
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.name)
                        .hint_text("player or group")
                        .desired_width(220.0)
                        .char_limit(80),
                );
                ui.label(
                    egui::RichText::new("saved with the game, shown in the class report").weak(),
                );
            });
            ui.end_row();
        });
}

fn saves_list(ui: &mut egui::Ui, saves: &[SaveEntry], actions: &mut MessageWriter<UiAction>) {
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "{} in {}",
                match saves.len() {
                    0 => "No saves".to_string(),
                    1 => "1 save".to_string(),
                    n => format!("{n} saves"),
                },
                "the data folder"
            ))
            .weak(),
        );
        if ui.small_button("Refresh").clicked() {
            actions.write(UiAction::RefreshSaves);
        }
    });
    if saves.is_empty() {
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(
                egui::RichText::new(
                    "Save a game at any time with Ctrl+S (or from the Esc menu); it shows up here.",
                )
                .weak(),
            )
            .wrap(),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("saves-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for save in saves {
                save_row(ui, save, actions);
                ui.add_space(4.0);
            }
        });
}

fn save_row(ui: &mut egui::Ui, save: &SaveEntry, actions: &mut MessageWriter<UiAction>) {
    let name = save
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| save.path.display().to_string());
    let saved = save
        .saved
        .map(|t| t.format("saved %-d %b %Y, %H:%M UTC").to_string())
        .unwrap_or_default();
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            match &save.summary {
                Ok(sum) => {
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(&sum.role).strong());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let label = if sum.finished {
                                "See the debrief"
                            } else {
                                "Continue"
                            };
                            if ui.button(label).clicked() {
                                actions.write(UiAction::ContinueSave(save.path.clone()));
                            }
                        });
                    });
                    ui.label(format!(
                        "{} · {} decision{} · {}",
                        sum.date.format("%-d %b %Y"),
                        sum.decisions,
                        if sum.decisions == 1 { "" } else { "s" },
                        sum.status
                    ));
                    ui.label(
                        egui::RichText::new(format!("{saved} · {name}"))
                            .small()
                            .weak(),
                    );
                }
                Err(e) => {
                    ui.label(
                        egui::RichText::new(format!("{name}: cannot be continued"))
                            .strong()
                            .color(ui.visuals().error_fg_color),
                    );
                    ui.label(egui::RichText::new(&saved).small().weak());
                    let mut lines = e.lines();
                    let headline = lines.next().unwrap_or_default();
                    // The headline names file, place and problem; the rest is the snippet.
                    let headline = headline
                        .split_once(": error: ")
                        .map(|(_, problem)| problem)
                        .unwrap_or(headline);
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(headline).color(ui.visuals().error_fg_color),
                        )
                        .wrap(),
                    );
                    let details: Vec<&str> = lines.collect();
                    if !details.is_empty() {
                        egui::CollapsingHeader::new("Details")
                            .id_salt(("save-error", &save.path))
                            .default_open(false)
                            .show(ui, |ui| problem_text(ui, e));
                    }
                }
            }
        });
}
