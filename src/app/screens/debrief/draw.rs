//! The debrief screen's drawing: the summary cards, the terms, the decisions beside
//! history with their sources, the events that went differently, the objectives, the
//! final state, and the charts of both paths.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use egui::RichText;

use super::{DebriefCache, DebriefTab, ExportStatus};
use crate::app::UiAction;
use crate::app::history::HistoricalPath;
use crate::app::overlays::menu::Overlays;
use crate::app::theme;
use crate::app::widgets::charts::{self, Series};
use crate::app::widgets::event_view::{self, badge, table_row, text_cell};
use crate::app::widgets::timeline::long_date;
use crate::compare::{Debrief, DecisionRow, OutcomeView};
use crate::engine::Game;
use crate::report::{date_or_never, days_text};
use crate::sim::CurrentGame;

fn same_badge(ui: &mut egui::Ui, same: bool) {
    if same {
        badge(ui, "as in history", theme::SAME);
    } else {
        badge(ui, "different", theme::DIFFERENT);
    }
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(14.0);
    ui.label(RichText::new(text).heading());
    ui.separator();
}

/// Draws the debrief of the current game (from the cache) and turns its clicks and
/// keys into [`UiAction`]s.
pub(super) fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    mut cache: ResMut<DebriefCache>,
    mut history: ResMut<HistoricalPath>,
    (status, tab): (Res<ExportStatus>, Res<DebriefTab>),
    overlays: Overlays,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = crate::app::root_ui(&ctx);
    let mut out = Vec::new();
    let Some(game) = &game else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            ui.heading("No game to debrief.");
            if ui.button("Back to the start").clicked() {
                actions.write(UiAction::ToStart);
            }
        });
        return Ok(());
    };
    let g = &game.0;
    let s = &*g.scenario;
    let d = cache.of(game);
    let h = history.of(&g.scenario);
    if overlays.screen_keys()
        && !ctx.egui_wants_keyboard_input()
        && ctx.input(|i| i.key_pressed(egui::Key::E))
    {
        out.push(UiAction::ExportMarkdown);
    }

    egui::Panel::top("debrief-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        if g.seats().len() > 1 {
            // Hot-seat: every delegation's debrief, one at a time.
            ui.horizontal(|ui| {
                ui.label("Delegations:");
                for seat in g.seats() {
                    let on = s.actor(seat.role).id == d.role;
                    if ui
                        .selectable_label(on, &s.actor(seat.role).name)
                        .clicked()
                    {
                        out.push(UiAction::DebriefSeat(seat.role));
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            ui.heading(format!("Debrief \u{2014} {}", d.role_name));
            let about = format!(
                "{} \u{b7} other sides: {} \u{b7} seed {}",
                d.scenario_title, d.policy, d.seed
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("\u{2b05} Start screen").clicked() {
                    out.push(UiAction::ToStart);
                }
                if ui.button("Replay history").clicked() {
                    out.push(UiAction::OpenReplay);
                }
                if ui
                    .button(RichText::new("\u{2b07} Export to Markdown").strong())
                    .on_hover_text(
                        "E \u{2014} the same file as `panmunjom debrief RECORD --format md`",
                    )
                    .clicked()
                {
                    out.push(UiAction::ExportMarkdown);
                }
                if ui
                    .button(RichText::new("\u{2b07} Export to HTML").strong())
                    .on_hover_text(
                        "one page to print or project: the same file as `panmunjom debrief RECORD --format html`",
                    )
                    .clicked()
                {
                    out.push(UiAction::ExportHtml);
                }
                // What is left beside the buttons: cut with an ellipsis, never under them.
                ui.add(egui::Label::new(RichText::new(about.as_str()).weak()).truncate())
                    .on_hover_text(about.as_str());
            });
        });
        match &status.0 {
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
        summary(ui, &d);
        ui.add_space(6.0);
    });

    egui::Panel::right("debrief-side")
        .default_size(440.0)
        .size_range(340.0..=640.0)
        .show(&mut root, |ui| {
            ui.add_space(4.0);
            ui.label(RichText::new("\u{1f4c8} Your path against history").strong());
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let yours = Series {
                        game: g,
                        lines: g.log.len(),
                        until: g.state.date,
                    };
                    let past = Series {
                        game: &h.game,
                        lines: h.game.log.len(),
                        until: h.game.state.date,
                    };
                    let mut issue = ui.data(|m| {
                        m.get_temp::<usize>(egui::Id::new("debrief-issue"))
                            .unwrap_or(0)
                    });
                    charts::charts(ui, "debrief", s, Some(yours), past, &mut issue);
                    ui.data_mut(|m| m.insert_temp(egui::Id::new("debrief-issue"), issue));
                });
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Never wider than the panel: text wraps inside it, not under the side.
                ui.set_max_width(ui.available_width().min(860.0));
                let table = d.table.as_ref();
                if let Some(t) = table {
                    ui.add_space(4.0);
                    ui.horizontal(|ui| {
                        if ui.selectable_label(!tab.table, RichText::new("Overview").size(15.0)).clicked() {
                            out.push(UiAction::DebriefTable(false));
                        }
                        let label = format!("At the table ({} of your proposals)", t.proposals.len());
                        if ui
                            .selectable_label(tab.table, RichText::new(label).size(15.0))
                            .on_hover_text("your proposals beside history's, the negotiation dance of every party, the frontiers")
                            .clicked()
                        {
                            out.push(UiAction::DebriefTable(true));
                        }
                    });
                    ui.separator();
                }
                match table {
                    Some(t) if tab.table => super::table::section(ui, t),
                    _ => details(ui, g, &d, &mut out),
                }
                ui.add_space(16.0);
            });
    });
    actions.write_batch(out);
    Ok(())
}

/// The four figures at the top: outcome, time, divergence, objectives.
fn summary(ui: &mut egui::Ui, d: &Debrief) {
    let o = &d.outcome;
    ui.columns(4, |cols| {
        card(&mut cols[0], "Outcome", |ui| {
            let noun = &o.noun;
            match (o.armistice_date, o.days_from_history) {
                (Some(date), Some(days)) => {
                    ui.label(RichText::new(format!("{} {}", o.noun_capitalised(), long_date(date))).size(17.0).strong());
                    ui.colored_label(if days == 0 { theme::SAME } else { theme::DIFFERENT }, format!("history: {} \u{2014} {}", long_date(o.historical_date), days_text(days)));
                }
                (Some(date), None) => {
                    ui.label(RichText::new(format!("{} {}", o.noun_capitalised(), long_date(date))).size(17.0).strong().color(theme::DIFFERENT));
                    ui.label(format!("history: no {noun} \u{2014} the talks ended {}", long_date(o.historical_date)));
                }
                (None, _) if o.no_agreement_as_in_history() => {
                    ui.label(RichText::new(format!("No {noun}")).size(17.0).strong().color(theme::SAME));
                    ui.label(format!("as in history: the talks ended {}", long_date(o.historical_date)));
                }
                (None, _) => {
                    let what = if o.finished { format!("No {noun}") } else { "Unfinished".to_string() };
                    ui.label(RichText::new(what).size(17.0).strong().color(theme::DIFFERENT));
                    match &o.historical_end {
                        None => ui.label(format!("history: {noun} {}", long_date(o.historical_date))),
                        Some(_) => ui.label(format!("history: no {noun} \u{2014} the talks ended {}", long_date(o.historical_date))),
                    };
                }
            }
        });
        card(&mut cols[1], "Time taken", |ui| {
            ui.label(RichText::new(format!("{} weeks", o.weeks_taken)).size(17.0).strong());
            ui.label(format!("to {}; history: {} weeks", o.taken_until(), o.historical_weeks_taken));
        });
        let v = d.divergence;
        card(&mut cols[2], "Divergence from history", |ui| {
            ui.label(RichText::new(v.total.to_string()).size(17.0).strong().color(if v.total == 0 { theme::SAME } else { theme::DIFFERENT }));
            ui.label(v.parts_text())
                .on_hover_text("One point for each decision taken differently or that did not arise (counted apart), each event that happened in one path and not the other, each term unlike 8 June 1953, each whole week from 27 July 1953. 0 is the historical path.");
        });
        let mine: Vec<_> = d.objectives.iter().filter(|r| r.role == d.role).collect();
        let met = mine.iter().filter(|r| r.met).count();
        card(&mut cols[3], "Your objectives", |ui| {
            ui.label(RichText::new(format!("{met} of {} met", mine.len())).size(17.0).strong());
            let hist = mine.iter().filter(|r| r.met_in_history).count();
            ui.label(format!("history: {hist} of {}", mine.len()));
        });
    });
}

fn card(ui: &mut egui::Ui, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::group(ui.style())
        .inner_margin(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).small().weak());
            add(ui);
        });
}

/// The agreement's terms, the game's beside history's (or a line saying there were
/// none, as in history).
fn terms(ui: &mut egui::Ui, o: &OutcomeView) {
    if o.armistice_date.is_none() && !o.agreed_in_history() {
        heading(ui, "The terms");
        event_view::body(
            ui,
            &format!("None: no {} was reached, as in history.", o.noun),
        );
        return;
    }
    let history_head = if o.agreed_in_history() {
        format!("Terms of {}", long_date(o.historical_terms_date))
    } else {
        format!("History: no {}", o.noun)
    };
    heading(
        ui,
        &if o.agreed_in_history() {
            format!(
                "The terms: yours against those of {}",
                long_date(o.historical_terms_date)
            )
        } else {
            format!("The terms: yours (history reached no {})", o.noun)
        },
    );
    let cols = [0.22, 0.31, 0.31, 0.16];
    table_row(
        ui,
        &cols,
        vec![
            text_cell(RichText::new("Issue").strong()),
            text_cell(RichText::new("Your terms").strong()),
            text_cell(RichText::new(history_head).strong()),
            text_cell(""),
        ],
        false,
    );
    for (i, t) in o.terms.iter().enumerate() {
        let same = t.same;
        table_row(
            ui,
            &cols,
            vec![
                text_cell(t.issue_name.as_str()),
                text_cell(t.game_text()),
                text_cell(RichText::new(&t.historical_label).weak()),
                Box::new(move |ui: &mut egui::Ui| same_badge(ui, same)),
            ],
            i % 2 == 0,
        );
    }
}

fn details(ui: &mut egui::Ui, g: &Game, d: &Debrief, out: &mut Vec<UiAction>) {
    let s = &*g.scenario;
    let o = &d.outcome;
    delegations(ui, s, d, out);
    if let Some((date, title)) = &d.first_divergence {
        ui.add_space(6.0);
        event_view::body(
            ui,
            &format!(
                "{} first left history on {}: {title}{}",
                if d.seats.is_empty() {
                    "Your game"
                } else {
                    "The game"
                },
                long_date(*date),
                if title.ends_with(['.', '?', '!']) {
                    ""
                } else {
                    "."
                }
            ),
        );
    }

    terms(ui, o);

    heading(ui, "How your choices led here");
    for line in d.chain.lines() {
        event_view::body(ui, &format!("\u{2022} {line}"));
    }

    heading(ui, "Your decisions beside history");
    let mine: Vec<&DecisionRow> = d.player_decisions().collect();
    if mine.is_empty() {
        ui.weak("You took no decision in this game.");
    }
    for (i, r) in mine.iter().enumerate() {
        ui.push_id(("mine", i), |ui| decision_row(ui, s, r, out));
    }
    let others: Vec<&DecisionRow> = d.decisions.iter().filter(|r| !r.player).collect();
    egui::CollapsingHeader::new(format!("The other sides' decisions ({})", others.len()))
        .id_salt("others")
        .show(ui, |ui| {
            for (i, r) in others.iter().enumerate() {
                ui.push_id(("other", i), |ui| decision_row(ui, s, r, out));
            }
        });

    heading(ui, "Events that went differently");
    if d.events.is_empty() {
        ui.label("None: every event happened as in history.");
    }
    for e in &d.events {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&e.date_text).strong());
            ui.label(&e.title);
            badge(
                ui,
                e.what(),
                if e.counterfactual {
                    theme::COUNTERFACTUAL
                } else {
                    theme::DIFFERENT
                },
            );
        });
    }

    heading(ui, "When the parties' positions met");
    let cols = [0.5, 0.25, 0.25];
    table_row(
        ui,
        &cols,
        vec![
            text_cell(RichText::new("Issue").strong()),
            text_cell(RichText::new("Your game").strong()),
            text_cell(RichText::new("History").strong()),
        ],
        false,
    );
    for (i, r) in d.settled.iter().enumerate() {
        table_row(
            ui,
            &cols,
            vec![
                text_cell(r.issue_name.as_str()),
                text_cell(date_or_never(r.game)),
                text_cell(date_or_never(r.history)),
            ],
            i % 2 == 0,
        );
    }

    heading(ui, "Objectives");
    let cols = [0.2, 0.5, 0.15, 0.15];
    table_row(
        ui,
        &cols,
        vec![
            text_cell(RichText::new("Side").strong()),
            text_cell(RichText::new("Objective").strong()),
            text_cell(RichText::new("Your game").strong()),
            text_cell(RichText::new("History").strong()),
        ],
        false,
    );
    let yn = |b: bool| {
        if b {
            RichText::new("\u{2714} met").color(theme::SAME)
        } else {
            RichText::new("\u{2718} not met").color(theme::DIFFERENT)
        }
    };
    for (i, r) in d.objectives.iter().enumerate() {
        let name = if r.role == d.role {
            RichText::new(&r.role_name).strong()
        } else {
            RichText::new(&r.role_name)
        };
        table_row(
            ui,
            &cols,
            vec![
                text_cell(name),
                text_cell(r.text.as_str()),
                text_cell(yn(r.met)),
                text_cell(yn(r.met_in_history)),
            ],
            i % 2 == 0,
        );
    }

    heading(ui, "The state at the end");
    egui::Grid::new("debrief-final")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.strong("");
            ui.strong("Your game");
            ui.strong("History");
            ui.end_row();
            for (_, label, _, gv, hv) in &o.final_vars {
                ui.label(label);
                ui.label(gv.to_string());
                ui.label(hv.to_string());
                ui.end_row();
            }
        });
}

fn decision_row(
    ui: &mut egui::Ui,
    s: &crate::scenario::Scenario,
    r: &DecisionRow,
    out: &mut Vec<UiAction>,
) {
    egui::Frame::group(ui.style())
        .inner_margin(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width() - 6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&r.date_text).strong());
                if !r.player {
                    ui.weak(&r.role_name);
                }
                ui.label(RichText::new(&r.title).strong());
                same_badge(ui, r.same);
            });
            egui::Grid::new("choice")
                .num_columns(2)
                .spacing([10.0, 2.0])
                .show(ui, |ui| {
                    ui.weak(if r.player { "You" } else { "In this game" });
                    ui.add(
                        egui::Label::new(r.chosen_label.as_deref().unwrap_or("(did not arise)"))
                            .wrap(),
                    );
                    ui.end_row();
                    ui.weak("History");
                    ui.add(egui::Label::new(&r.historical_label).wrap());
                    ui.end_row();
                });
            if !r.note.is_empty() {
                ui.add(egui::Label::new(RichText::new(&r.note).weak()).wrap());
            }
            if !r.sources.is_empty() {
                egui::CollapsingHeader::new(
                    RichText::new(format!("Sources ({})", r.sources.len())).small(),
                )
                .id_salt("sources")
                .show(ui, |ui| event_view::cite_views(ui, s, &r.sources, out));
            }
        });
}

/// Every delegation of a game several people played: per seat its person and role, its
/// decisions beside history, its moves at the table with their answers, its objectives;
/// a button opens that delegation's own debrief. Nothing for a game of one seat.
fn delegations(
    ui: &mut egui::Ui,
    s: &crate::scenario::Scenario,
    d: &Debrief,
    out: &mut Vec<UiAction>,
) {
    if d.seats.is_empty() {
        return;
    }
    heading(ui, "Every delegation");
    for seat in &d.seats {
        let actor = s.actor_by_id(&seat.role);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let color = actor.map_or(ui.visuals().text_color(), charts::actor_color);
                ui.label(RichText::new(seat.who()).strong().size(16.0).color(color));
                let differ = seat.choices.iter().filter(|c| !c.same).count();
                ui.weak(format!(
                    "{} decision{} ({differ} unlike history) \u{b7} {} move{} at the table \u{b7} objectives {} of {} met",
                    seat.choices.len(),
                    if seat.choices.len() == 1 { "" } else { "s" },
                    seat.moves.len(),
                    if seat.moves.len() == 1 { "" } else { "s" },
                    seat.objectives.iter().filter(|o| o.met).count(),
                    seat.objectives.len()
                ));
                if let Some(a) = actor
                    && seat.role != d.role
                    && ui.small_button("Show this delegation's debrief").clicked()
                {
                    out.push(UiAction::DebriefSeat(a));
                }
            });
            egui::CollapsingHeader::new("Its decisions, moves at the table and objectives")
                .id_salt(("delegation", &seat.role))
                .show(ui, |ui| seat_details(ui, seat));
        });
        ui.add_space(4.0);
    }
}

/// One delegation's decisions beside history, moves with their answers, objectives.
fn seat_details(ui: &mut egui::Ui, seat: &crate::compare::SeatDebrief) {
    for c in &seat.choices {
        ui.horizontal_wrapped(|ui| {
            same_badge(ui, c.same);
            ui.label(format!(
                "{} \u{2014} {}: {}",
                c.date_text, c.title, c.chosen
            ));
            if !c.same {
                ui.weak(format!("(history: {})", c.historical));
            }
        });
    }
    for m in &seat.moves {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{} \u{b7} {}:", long_date(m.date), m.session)).weak());
            ui.label(&m.text);
            if m.agreed {
                ui.label(RichText::new("AGREED").strong().color(theme::SAME));
            }
        });
        for a in &m.answers {
            ui.label(RichText::new(format!("    {a}")).italics());
        }
    }
    for r in &seat.objectives {
        ui.horizontal_wrapped(|ui| {
            badge(
                ui,
                if r.met { "met" } else { "not met" },
                if r.met { theme::SAME } else { theme::DIFFERENT },
            );
            ui.label(&r.text);
        });
    }
}
