//! An event, a decision, or a replay step in full: text, figures, who knew, and the
//! sources, each citation a link that opens the source viewer at the quoted passage.

use bevy_egui::egui::{self, Color32, RichText};
use chrono::NaiveDate;

use crate::app::UiAction;
use crate::app::theme::{self, COUNTERFACTUAL};
use crate::app::widgets::timeline::{MarkKind, icon, long_date};
use crate::compare::CiteView;
use crate::conditions::why_not;
use crate::engine::Game;
use crate::replay::{ReplayStep, who_knew};
use crate::scenario::{Cite, EntryId, Scenario, SourceId};

/// Size of the running text of events.
pub const BODY: f32 = 15.0;

/// A small coloured tag.
pub fn badge(ui: &mut egui::Ui, text: &str, color: Color32) {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.22))
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(5, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small().color(color));
        });
}

/// The historical / counterfactual tag.
pub fn history_badge(ui: &mut egui::Ui, counterfactual: bool) {
    if counterfactual {
        badge(
            ui,
            "counterfactual: did not happen in history",
            COUNTERFACTUAL,
        );
    } else {
        badge(ui, "historical", theme::HISTORICAL);
    }
}

/// Running text, wrapped.
pub fn body(ui: &mut egui::Ui, text: &str) {
    if !text.is_empty() {
        ui.add(egui::Label::new(RichText::new(text).size(BODY)).wrap());
    }
}

fn source_link(
    ui: &mut egui::Ui,
    label: String,
    quote: Option<&str>,
    source: SourceId,
    out: &mut Vec<UiAction>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("\u{1f4c4}").small());
        if ui
            .link(label)
            .on_hover_text("Open the source at this passage")
            .clicked()
        {
            out.push(UiAction::OpenSource {
                source,
                passage: quote.map(str::to_string),
            });
        }
    });
    if let Some(q) = quote {
        ui.indent("quote", |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("\u{201c}{q}\u{201d}"))
                        .italics()
                        .weak(),
                )
                .wrap(),
            );
        });
    }
}

/// A list of citations as links.
pub fn cites(ui: &mut egui::Ui, s: &Scenario, list: &[Cite], out: &mut Vec<UiAction>) {
    for (i, c) in list.iter().enumerate() {
        ui.push_id(i, |ui| {
            source_link(ui, s.cite_text(c), c.quote.as_deref(), c.source, out)
        });
    }
}

/// Citations of a replay step or a debrief row (by source id).
pub fn cite_views(ui: &mut egui::Ui, s: &Scenario, list: &[CiteView], out: &mut Vec<UiAction>) {
    for (i, c) in list.iter().enumerate() {
        let Some(source) = s
            .sources
            .iter()
            .position(|x| x.id == c.source)
            .map(SourceId)
        else {
            ui.label(c.short());
            continue;
        };
        ui.push_id(i, |ui| {
            source_link(ui, c.short(), c.quote.as_deref(), source, out)
        });
    }
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().small());
}

/// An event of the timeline in full. `received`: the date an intelligence report about
/// it arrived, when that is how the player learnt of it.
pub fn event(
    ui: &mut egui::Ui,
    game: &Game,
    id: EntryId,
    received: Option<NaiveDate>,
    out: &mut Vec<UiAction>,
) {
    let s = &*game.scenario;
    let entry = s.entry(id);
    let Some(e) = entry.as_event() else { return };
    let outline = ui.visuals().text_color();
    let kind = if received.is_some() {
        MarkKind::Report
    } else {
        MarkKind::of_visibility(&e.visibility)
    };
    ui.horizontal_wrapped(|ui| {
        icon(ui, kind, e.counterfactual, outline);
        ui.label(RichText::new(game.shown_date_text(id)).strong());
        match received {
            Some(r) => badge(
                ui,
                &format!("intelligence report, received {}", long_date(r)),
                kind.color(),
            ),
            None => badge(ui, kind.name(s.agreement_noun()), kind.color()),
        }
        history_badge(ui, e.counterfactual);
    });
    ui.add(egui::Label::new(RichText::new(game.event_title(id)).heading()).wrap());
    body(ui, game.event_text(id));
    let figures = game.figures_of(id);
    if !figures.is_empty() {
        section(ui, "FIGURES");
        for f in figures {
            let note = if f.note.is_empty() {
                String::new()
            } else {
                format!(" \u{2014} {}", f.note)
            };
            ui.add(egui::Label::new(format!("\u{2022} {}: {}{note}", f.label, f.text())).wrap());
        }
    }
    section(ui, "WHO KNEW");
    ui.add(egui::Label::new(RichText::new(who_knew(s, &e.visibility)).weak()).wrap());
    if !e.actors.is_empty() {
        let names: Vec<&str> = e.actors.iter().map(|a| s.actor(*a).name.as_str()).collect();
        section(ui, "ACTORS");
        ui.add(egui::Label::new(names.join(", ")).wrap());
    }
    if !e.sources.is_empty() {
        section(ui, "SOURCES");
        cites(ui, s, &e.sources, out);
    }
}

/// A decision waiting for the player: context, prompt and the options (closed ones
/// disabled, with why).
pub fn decision(ui: &mut egui::Ui, game: &Game, id: EntryId, out: &mut Vec<UiAction>) {
    let s = &*game.scenario;
    let entry = s.entry(id);
    let Some(d) = entry.as_decision() else { return };
    let outline = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        icon(ui, MarkKind::Decision, false, outline);
        ui.label(RichText::new(game.shown_date_text(id)).strong());
        badge(
            ui,
            &format!("your decision \u{2014} {}", s.actor(d.role).name),
            MarkKind::Decision.color(),
        );
    });
    ui.add(egui::Label::new(RichText::new(&d.title).heading()).wrap());
    body(ui, game.context_of(id));
    if !d.sources.is_empty() {
        section(ui, "SOURCES");
        cites(ui, s, &d.sources, out);
    }
    ui.add_space(10.0);
    ui.add(egui::Label::new(RichText::new(&d.prompt).size(BODY + 1.0).strong()).wrap());
    ui.add_space(4.0);
    let open = game.open_options(id);
    for (i, o) in d.options.iter().enumerate() {
        let is_open = open.contains(&i);
        egui::Frame::group(ui.style())
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let key = if i < 9 {
                        format!(" {} ", i + 1)
                    } else {
                        " \u{b7} ".into()
                    };
                    let button = egui::Button::new(RichText::new(key).strong().size(BODY + 1.0))
                        .min_size(egui::vec2(30.0, 26.0));
                    let resp = ui.add_enabled(is_open, button);
                    if resp.clicked() {
                        out.push(UiAction::Choose(i));
                    }
                    ui.vertical(|ui| {
                        let label = RichText::new(&o.label).size(BODY).strong();
                        let resp = ui.add_enabled(
                            is_open,
                            egui::Label::new(label).wrap().sense(egui::Sense::click()),
                        );
                        if resp.clicked() {
                            out.push(UiAction::Choose(i));
                        }
                        let text = game.option_text(id, i);
                        if !text.is_empty() {
                            ui.add_enabled(
                                is_open,
                                egui::Label::new(RichText::new(text).weak()).wrap(),
                            );
                        }
                        if !is_open {
                            let why = why_not(s, &game.state, &o.requires).join("; ");
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("Not open now: {why}"))
                                        .small()
                                        .color(COUNTERFACTUAL),
                                )
                                .wrap(),
                            );
                        }
                    });
                });
            });
    }
}

/// After a choice: what the player chose, and what the real side did, with note and
/// sources.
pub fn reveal(
    ui: &mut egui::Ui,
    s: &Scenario,
    id: EntryId,
    chosen: usize,
    out: &mut Vec<UiAction>,
) {
    let entry = s.entry(id);
    let Some(d) = entry.as_decision() else { return };
    let outline = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        icon(ui, MarkKind::Decision, false, outline);
        ui.label(RichText::new(entry.date_text()).strong());
        badge(
            ui,
            "your decision, and history's",
            MarkKind::Decision.color(),
        );
    });
    ui.add(egui::Label::new(RichText::new(&d.title).heading()).wrap());
    let yours = d.options.get(chosen).map_or("?", |o| o.label.as_str());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("You chose:").size(BODY).strong());
        ui.label(RichText::new(yours).size(BODY));
    });
    ui.add_space(8.0);
    let Some(h) = d.historical_option() else {
        egui::Frame::group(ui.style())
            .inner_margin(10)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new("History: this decision did not arise")
                        .size(BODY + 1.0)
                        .strong()
                        .color(theme::DIFFERENT),
                );
                body(
                    ui,
                    "It is a counterfactual decision: it comes up only off the historical path, so there is no historical choice to compare yours with.",
                );
            });
        return;
    };
    egui::Frame::group(ui.style())
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let same = Some(chosen) == d.historical;
            let (verdict, color) = if same {
                ("History: the real side did the same", theme::SAME)
            } else {
                ("History: the real side chose otherwise", theme::DIFFERENT)
            };
            ui.label(
                RichText::new(verdict)
                    .size(BODY + 1.0)
                    .strong()
                    .color(color),
            );
            ui.add(egui::Label::new(RichText::new(&h.label).size(BODY).strong()).wrap());
            if !h.text.is_empty() {
                ui.add(egui::Label::new(RichText::new(&h.text).weak()).wrap());
            }
            if let Some(note) = &h.historical {
                section(ui, "WHY");
                body(ui, &note.note);
                if !note.sources.is_empty() {
                    section(ui, "SOURCES");
                    cites(ui, s, &note.sources, out);
                }
            }
        });
}

/// A proposal put on the table in a game: its title, who tabled it where, the terms
/// issue by issue, each answer with its reason, and history's sources for a
/// historical one.
pub fn offer(ui: &mut egui::Ui, s: &Scenario, t: &crate::engine::Tabled, out: &mut Vec<UiAction>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(long_date(t.date)).strong());
        badge(ui, "at the table", theme::MARK_OFFER);
        if t.agreed {
            badge(ui, "agreed by every party", theme::SAME);
        }
    });
    ui.heading(t.title(s));
    ui.weak(format!(
        "Tabled by {} at {}",
        s.actor(t.author).name,
        s.session(t.session).name
    ));
    if let Some(p) = t.historical {
        body(ui, &s.proposal(p).text);
    }
    ui.add_space(6.0);
    egui::Grid::new("offer-terms")
        .num_columns(2)
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            for (i, p) in t.terms.iter().enumerate() {
                let Some(p) = p else { continue };
                ui.label(&s.issues[i].name);
                ui.label(RichText::new(&s.issues[i].positions[p.0].label).strong());
                ui.end_row();
            }
        });
    if !t.answers.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Answers").strong());
        for a in &t.answers {
            ui.horizontal_wrapped(|ui| {
                ui.label(&s.actor(a.actor).name);
                match a.reply {
                    Some(r) => {
                        let color = if r.accepts() {
                            theme::SAME
                        } else {
                            theme::DIFFERENT
                        };
                        badge(ui, r.word(), color);
                        ui.weak(a.reason.text(s));
                    }
                    None => {
                        ui.weak("not answered yet");
                    }
                }
            });
        }
    }
    if let Some(p) = t.historical {
        let sources = &s.proposal(p).sources;
        if !sources.is_empty() {
            ui.add_space(6.0);
            cites(ui, s, sources, out);
        }
    }
}

/// The agreement (the scenario's armistice, or whatever its noun names) as concluded
/// in a game.
pub fn armistice(ui: &mut egui::Ui, game: &Game) {
    let s = &*game.scenario;
    let Some(a) = &game.state.armistice else {
        return;
    };
    let outline = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        icon(ui, MarkKind::Armistice, false, outline);
        ui.label(RichText::new(long_date(a.date)).strong());
        badge(ui, s.agreement_noun(), MarkKind::Armistice.color());
    });
    let how = if a.signed_by.is_some() {
        format!("The {} is signed", s.agreement_noun())
    } else {
        format!(
            "The {} is concluded: the terms have been agreed for long enough",
            s.agreement_noun()
        )
    };
    ui.heading(how);
    terms_grid(ui, s, &a.terms);
}

/// A table whose columns take the given fractions of the width; cells wrap. Each row
/// is a list of cell-drawing closures.
pub type Cell<'a> = Box<dyn FnOnce(&mut egui::Ui) + 'a>;

/// A cell of wrapped text.
pub fn text_cell<'a>(text: impl Into<egui::WidgetText> + 'a) -> Cell<'a> {
    Box::new(move |ui: &mut egui::Ui| {
        ui.add(egui::Label::new(text).wrap());
    })
}

/// Draws one row of a table (the header too, with strong text cells).
pub fn table_row(ui: &mut egui::Ui, fractions: &[f32], cells: Vec<Cell<'_>>, shaded: bool) {
    let width = ui.available_width();
    let gap = 10.0;
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(4, 3))
        .fill(if shaded {
            ui.visuals().faint_bg_color
        } else {
            theme::PLAIN_ROW
        });
    frame.show(ui, |ui| {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            let usable = width - 20.0 - gap * (fractions.len() as f32 - 1.0);
            for (f, cell) in fractions.iter().zip(cells) {
                let w = (usable * f).max(40.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(w, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(w);
                        cell(ui);
                    },
                );
            }
        });
    });
}

/// The terms of an agreement beside the historical terms (or "no agreement" when
/// history reached none).
pub fn terms_grid(ui: &mut egui::Ui, s: &Scenario, terms: &[Option<crate::scenario::PosId>]) {
    let hist: &[crate::scenario::PosId] = s.armistice.historical_terms.as_deref().unwrap_or(&[]);
    let history_head = if s.armistice.agreed_in_history() {
        format!("Terms of {}", long_date(s.armistice.historical_terms_date))
    } else {
        format!("History: no {}", s.agreement_noun())
    };
    let cols = [0.24, 0.38, 0.38];
    table_row(
        ui,
        &cols,
        vec![
            text_cell(RichText::new("Issue").strong()),
            text_cell(RichText::new("Terms").strong()),
            text_cell(RichText::new(history_head).strong()),
        ],
        false,
    );
    for (i, issue) in s.issues.iter().enumerate() {
        let t = terms.get(i).copied().flatten();
        let same = t.is_some() && t == hist.get(i).copied();
        let label = t.map_or("(not agreed)", |p| issue.positions[p.0].label.as_str());
        let color = if same {
            ui.visuals().text_color()
        } else {
            theme::DIFFERENT
        };
        let h = hist
            .get(i)
            .map_or("\u{2014}", |p| issue.positions[p.0].label.as_str());
        table_row(
            ui,
            &cols,
            vec![
                text_cell(issue.name.as_str()),
                text_cell(RichText::new(label).color(color)),
                text_cell(RichText::new(h).weak()),
            ],
            i % 2 == 0,
        );
    }
}

/// A step of the historical replay in full.
pub fn step(ui: &mut egui::Ui, s: &Scenario, st: &ReplayStep, out: &mut Vec<UiAction>) {
    let kind = MarkKind::of_step(s, st);
    let outline = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        icon(ui, kind, false, outline);
        ui.label(RichText::new(&st.date_text).strong());
        badge(ui, kind.name(s.agreement_noun()), kind.color());
    });
    ui.add(egui::Label::new(RichText::new(&st.title).heading()).wrap());
    body(ui, &st.text);
    if let Some(c) = &st.choice {
        ui.add_space(6.0);
        egui::Frame::group(ui.style())
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("Decided: {}", c.label))
                        .size(BODY)
                        .strong(),
                );
                if !c.note.is_empty() {
                    body(ui, &c.note);
                }
            });
    }
    if !st.figures.is_empty() {
        section(ui, "FIGURES");
        for f in &st.figures {
            ui.add(egui::Label::new(format!("\u{2022} {f}")).wrap());
        }
    }
    if !st.who_knew.is_empty() {
        section(ui, "WHO KNEW");
        ui.add(egui::Label::new(RichText::new(&st.who_knew).weak()).wrap());
    }
    if !st.actors.is_empty() {
        section(ui, "ACTORS");
        ui.add(egui::Label::new(st.actors.join(", ")).wrap());
    }
    if !st.moves.is_empty() {
        section(ui, "POSITIONS MOVED");
        for m in &st.moves {
            ui.add(egui::Label::new(format!("\u{2022} {m}")).wrap());
        }
    }
    if !st.sources.is_empty() {
        section(ui, "SOURCES");
        cite_views(ui, s, &st.sources, out);
    }
}
