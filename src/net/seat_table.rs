//! The Table panel of `panmunjom join`'s window, drawn from the [`SeatView`] alone (the
//! client has no game): for each issue its positions as the scenario names them, what
//! each side holds in public, the seat's own limit and the limits it learnt; the package
//! the seat builds (one position per issue, or some issues only) and tables; history's
//! proposals it may table; the offers with every answer and its reason, to accept or
//! reject; leaving the meeting. The marks and rows are the local Table panel's
//! (`app::screens::play::table`, `app::widgets::event_view`). Drawing only: every button
//! adds a [`SeatAction`].

use bevy::prelude::Resource;
use bevy_egui::egui::{self, RichText};

use super::protocol::SeatAction;
use super::view::{MeetingView, OfferView, SeatView};
use crate::app::screens::play::table::{Marker, marker};
use crate::app::theme;
use crate::app::widgets::charts::actor_color;
use crate::app::widgets::event_view::{Cell, table_row, text_cell};
use crate::scenario::ActorId;

/// The package the seat is building: a position (index) per issue, or none; kept for
/// one meeting (its date and session). And whether the side panel shows the offers on
/// the table (set at each new meeting) or what the side learnt.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub meeting: Option<(String, String)>,
    pub terms: Vec<Option<usize>>,
    pub side_table: bool,
}

impl Draft {
    /// Starts afresh when the seat sits at another meeting (or the issues changed).
    pub fn follow(&mut self, v: &SeatView, m: &MeetingView) {
        let key = (v.date.clone(), m.session.clone());
        if self.meeting.as_ref() != Some(&key) || self.terms.len() != v.issues.len() {
            self.meeting = Some(key);
            self.terms = vec![None; v.issues.len()];
            self.side_table = true;
        }
    }

    /// The package as the protocol names it: (issue id, position id) per issue named.
    pub fn pairs(&self, v: &SeatView) -> Vec<(String, String)> {
        self.terms
            .iter()
            .zip(&v.issues)
            .filter_map(|(t, issue)| {
                let (id, _, _) = issue.positions.get((*t)?)?;
                Some((issue.id.clone(), id.clone()))
            })
            .collect()
    }
}

/// The meeting: the session, the marks, the issues' table where the package is picked
/// (the bar under it, [`package_bar`], tables it).
pub fn meeting(ui: &mut egui::Ui, v: &SeatView, m: &MeetingView, draft: &mut Draft) {
    draft.follow(v, m);
    ui.label(RichText::new(&v.date).weak());
    ui.heading(format!("At the table: {}", m.session));
    if !m.description.is_empty() {
        ui.add(egui::Label::new(RichText::new(&m.description).weak()).wrap());
    }
    let rounds = m.rounds_left;
    ui.label(format!(
        "Seated: {}. {}",
        m.seated.join(", "),
        if m.may_table {
            format!(
                "You may table {rounds} more package{} at this meeting.",
                if rounds == 1 { "" } else { "s" }
            )
        } else if m.may_table_here {
            "You have tabled all you may at this meeting.".to_string()
        } else {
            "Your side may not table here; it may answer what is put to it.".to_string()
        }
    ));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let c = ui.visuals().text_color();
        marker(ui, Marker::Holds, c);
        ui.label("what a side holds in public;");
        marker(ui, Marker::OwnLimit, c);
        ui.label("your own side's limit;");
        marker(ui, Marker::LearntLimit, c);
        ui.label("a limit your side has learnt through intelligence (nothing more is known).");
    });
    if m.may_table {
        ui.weak("Pick a position on each issue for your package, or leave the issue open; positions beyond your own limit cannot be offered.");
    }
    ui.add_space(4.0);
    issues(ui, v, draft, m.may_table);
}

/// The bar under the meeting (always in view): the package in words as it is being
/// built, Table / Clear, history's proposals the seat may table, and leaving the meeting.
pub fn package_bar(
    ui: &mut egui::Ui,
    v: &SeatView,
    m: &MeetingView,
    draft: &mut Draft,
    out: &mut Vec<SeatAction>,
) {
    draft.follow(v, m);
    ui.add_space(4.0);
    if m.may_table {
        let words: Vec<String> = draft
            .terms
            .iter()
            .zip(&v.issues)
            .filter_map(|(t, issue)| {
                let (_, label, _) = issue.positions.get((*t)?)?;
                Some(format!("{}: {label}", issue.name))
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Your package:").strong());
            if words.is_empty() {
                ui.weak("nothing picked yet \u{2014} pick a position on an issue above");
            } else {
                ui.label(words.join(" \u{b7} "));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let named = words.len();
            let why = if named == 0 {
                "Pick a position on at least one issue."
            } else {
                "The server puts it on the table; the other sides answer."
            };
            if ui
                .add_enabled(
                    named > 0,
                    egui::Button::new(RichText::new("Table this package \u{25b6}").strong()),
                )
                .on_hover_text(why)
                .on_disabled_hover_text(why)
                .clicked()
            {
                out.push(SeatAction::TableOffer(draft.pairs(v)));
            }
            if ui.button("Clear").clicked() {
                draft.terms = vec![None; v.issues.len()];
            }
            ui.weak(format!(
                "{named} of {} issues in the package",
                v.issues.len()
            ));
            ui.separator();
            for (id, title) in &m.historical {
                if ui
                    .button(format!("Table history's proposal: {title}"))
                    .clicked()
                {
                    out.push(SeatAction::TableHistorical(id.clone()));
                }
            }
            leave(ui, out);
        });
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Answer what is on the table below, or");
            leave(ui, out);
        });
    }
    ui.add_space(4.0);
}

fn leave(ui: &mut egui::Ui, out: &mut Vec<SeatAction>) {
    if ui
        .button("Leave the meeting")
        .on_hover_text("Pass: the meeting goes on without a move of yours.")
        .clicked()
    {
        out.push(SeatAction::Pass);
    }
}

/// The issues: a row per position, a column per side, and the package's choice.
fn issues(ui: &mut egui::Ui, v: &SeatView, draft: &mut Draft, may_table: bool) {
    let cols = &v.sides;
    let side_w = (0.5 / cols.len().max(1) as f32).min(0.11);
    let mut fractions = vec![0.06, 1.0 - 0.06 - side_w * cols.len() as f32];
    fractions.extend(std::iter::repeat_n(side_w, cols.len()));
    let mut header: Vec<Cell> = vec![text_cell(""), text_cell(RichText::new("Position").strong())];
    for side in cols {
        let text = if side.you {
            RichText::new(format!("{} (you)", side.name)).strong()
        } else {
            RichText::new(side.name.as_str())
        };
        header.push(text_cell(
            text.color(actor_color(ActorId(side.actor))).small(),
        ));
    }
    table_row(ui, &fractions, header, false);
    for (i, issue) in v.issues.iter().enumerate() {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(&issue.name).strong());
            if may_table {
                ui.radio_value(&mut draft.terms[i], None, "leave open");
            }
        });
        for (p, (_, label, allowed)) in issue.positions.iter().enumerate() {
            let allowed = *allowed && may_table;
            let mut cells: Vec<Cell> = Vec::new();
            let slot = &mut draft.terms[i];
            cells.push(Box::new(move |ui: &mut egui::Ui| {
                ui.add_enabled_ui(allowed, |ui| {
                    let on = *slot == Some(p);
                    if ui
                        .radio(on, "")
                        .on_disabled_hover_text(
                            "Beyond your own side's limit (or not yours to table).",
                        )
                        .clicked()
                    {
                        *slot = (!on).then_some(p);
                    }
                });
            }));
            let text = RichText::new(format!("{}. {label}", p + 1));
            cells.push(text_cell(if allowed || !may_table {
                text
            } else {
                text.weak()
            }));
            for side in cols {
                let holds = side.holds.get(i).copied().flatten() == Some(p);
                let limit = side.limits.get(i).copied().flatten() == Some(p);
                let learnt = side.learnt.get(i).cloned().flatten();
                let (you, c) = (side.you, actor_color(ActorId(side.actor)));
                cells.push(Box::new(move |ui: &mut egui::Ui| {
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 3.0;
                        if holds {
                            marker(ui, Marker::Holds, c).on_hover_text("Held in public");
                        }
                        if limit && you {
                            marker(ui, Marker::OwnLimit, c).on_hover_text("Your own side's limit");
                        } else if limit {
                            let how = learnt.map_or(String::new(), |l| format!(", learnt {l}"));
                            marker(ui, Marker::LearntLimit, c)
                                .on_hover_text(format!("Their limit{how}"));
                        }
                    });
                }));
            }
            table_row(ui, &fractions, cells, p % 2 == 0);
        }
    }
}

/// One offer: who, what, and every answer with its reason; Accept / Reject when open.
pub fn offer(ui: &mut egui::Ui, o: &OfferView, issues: usize, out: &mut Vec<SeatAction>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let color = if o.yours {
            actor_color(ActorId(o.author_actor))
        } else {
            ui.visuals().text_color()
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "#{} \u{b7} {} \u{b7} {}",
                    o.number + 1,
                    o.date,
                    o.title
                ))
                .strong()
                .color(color),
            );
            if o.historical {
                ui.label(RichText::new("history").small().color(theme::HISTORICAL));
            }
            if o.agreed {
                ui.label(RichText::new("AGREED").strong().color(theme::SAME));
            }
        });
        for t in &o.terms {
            ui.add(egui::Label::new(format!("\u{2022} {t}")).wrap());
        }
        let open = issues.saturating_sub(o.terms.len());
        if open > 0 {
            ui.weak(format!(
                "{open} issue{} left open",
                if open == 1 { "" } else { "s" }
            ));
        }
        for a in &o.answers {
            let (word, c) = match &a.word {
                None => ("waits for an answer".to_string(), theme::MARK_DECISION),
                Some(w) if a.accepts => (w.clone(), theme::SAME),
                Some(w) => (w.clone(), theme::DIFFERENT),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{}:", a.side)).color(actor_color(ActorId(a.actor))),
                );
                ui.label(RichText::new(word).color(c));
                if !a.reason.is_empty() {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("\u{2014} \u{201c}{}\u{201d}", a.reason))
                                .italics(),
                        )
                        .wrap(),
                    );
                }
            });
        }
        if o.open {
            ui.horizontal(|ui| {
                if ui.button("Accept").clicked() {
                    out.push(SeatAction::Accept(o.number));
                }
                if ui.button("Reject").clicked() {
                    out.push(SeatAction::Reject(o.number));
                }
            });
        }
    });
}

/// The offers: those this seat may answer now first, then the rest, newest first.
pub fn offers(ui: &mut egui::Ui, v: &SeatView, out: &mut Vec<SeatAction>) {
    let n = v.issues.len();
    let open: Vec<&OfferView> = v.tabled.iter().filter(|o| o.open).collect();
    if !open.is_empty() {
        ui.label(
            RichText::new("Waiting for your answer")
                .heading()
                .size(19.0),
        );
        for o in open.iter().rev() {
            offer(ui, o, n, out);
            ui.add_space(4.0);
        }
    }
    egui::CollapsingHeader::new(
        RichText::new(format!("The offers so far ({})", v.tabled.len())).strong(),
    )
    .id_salt("seat-offers-so-far")
    .default_open(open.is_empty())
    .show(ui, |ui| {
        if v.tabled.is_empty() {
            ui.weak("Nothing has been tabled at your sessions yet.");
        }
        for o in v.tabled.iter().rev().filter(|o| !o.open) {
            offer(ui, o, n, out);
            ui.add_space(4.0);
        }
    });
}
