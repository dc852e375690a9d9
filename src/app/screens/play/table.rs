//! The Table panel: at a meeting, for each issue its ordered positions, what each
//! party holds in public and what your side has learnt of their limits through
//! intelligence (nothing more); the package you build and table; the answers with
//! their reasons; the history of offers so far. Drawing only: every button writes a
//! [`UiAction`].

use bevy_egui::egui::{self, RichText};
use chrono::NaiveDate;

use super::view::{PlayView, SideTab};
use crate::app::UiAction;
use crate::app::theme;
use crate::app::widgets::charts::actor_color;
use crate::app::widgets::event_view::{Cell, table_row, text_cell};
use crate::app::widgets::timeline::long_date;
use crate::engine::{Decider, Game, Happening, Tabled};
use crate::scenario::{ActorId, Effect, IssueId, MeetingId, PosId, Scenario};

/// A limit of another side that the player's side learnt: where, when, and from what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearntLimit {
    pub actor: ActorId,
    pub issue: IssueId,
    pub limit: PosId,
    pub date: NaiveDate,
    /// The title of the event or decision it was learnt from.
    pub from: String,
}

/// The other sides' limits the player's side has learnt so far, with when and from
/// what: every fired event it knows of (public, or reported to it) that set another
/// side's limit; the latest per side and issue. The limits are the engine's
/// [`Game::known_limits`]; this adds the date and the event's title.
pub fn learnt_limits(g: &Game) -> Vec<LearntLimit> {
    let s = &*g.scenario;
    let role = g.setup.role;
    let mut out: Vec<LearntLimit> = Vec::new();
    for l in &g.log {
        if !g.player_sees(l) {
            continue;
        }
        let (entry, effects) = match &l.happening {
            Happening::Fired(id) | Happening::Report { event: id, .. } => {
                match s.entry(*id).as_event() {
                    Some(e) => (*id, &e.effects),
                    None => continue,
                }
            }
            _ => continue,
        };
        for e in effects {
            if let Effect::Limit(a, i, p) = e
                && *a != role
            {
                out.retain(|k| !(k.actor == *a && k.issue == *i));
                out.push(LearntLimit {
                    actor: *a,
                    issue: *i,
                    limit: *p,
                    date: l.date,
                    from: s.entry(entry).title().to_string(),
                });
            }
        }
    }
    out
}

/// The sides with a stance on some issue: the table's columns.
fn sides(s: &Scenario) -> Vec<ActorId> {
    s.actors
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.stances.is_empty())
        .map(|(i, _)| ActorId(i))
        .collect()
}

/// Whether the player's own side may offer `pos` on `issue` (inside its limit).
fn own_ok(g: &Game, issue: IssueId, pos: PosId) -> bool {
    let role = g.setup.role;
    g.scenario
        .actor(role)
        .stances
        .iter()
        .find(|st| st.issue == issue)
        .is_none_or(|st| g.state.within_limit(role, st, pos))
}

/// A package in words: one line per issue it addresses.
pub fn terms_lines(s: &Scenario, terms: &[Option<PosId>]) -> Vec<(String, String)> {
    terms
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let p = (*t)?;
            let issue = s.issues.get(i)?;
            Some((issue.name.clone(), issue.positions.get(p.0)?.label.clone()))
        })
        .collect()
}

/// Draws the Table panel for the meeting `m`.
pub fn panel(
    ui: &mut egui::Ui,
    g: &Game,
    m: MeetingId,
    view: &mut PlayView,
    out: &mut Vec<UiAction>,
) {
    let s = &*g.scenario;
    let meeting = s.meeting(m);
    let session = s.session(meeting.session);
    if view.draft_meeting != Some(m) || view.draft.len() != s.issues.len() {
        view.draft = vec![None; s.issues.len()];
        view.draft_meeting = Some(m);
        // A new meeting: the side panel shows what is on the table.
        view.tab = SideTab::Table;
    }
    ui.label(RichText::new(long_date(meeting.date)).weak());
    ui.heading(format!("At the table: {}", session.name));
    ui.add(egui::Label::new(RichText::new(&session.description).weak()).wrap());
    let seated: Vec<&str> = session
        .seated
        .iter()
        .map(|&a| s.actor(a).name.as_str())
        .collect();
    let rounds = g.rounds_left();
    ui.label(format!(
        "Seated: {}. {}",
        seated.join(", "),
        if g.may_table() {
            format!(
                "You may table {rounds} more package{} at this meeting.",
                if rounds == 1 { "" } else { "s" }
            )
        } else if session.may_table.contains(&g.setup.role) {
            "You have tabled all you may at this meeting.".to_string()
        } else {
            "Your side may not table here; it may answer what is put to it.".to_string()
        }
    ));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        marker(ui, Marker::Holds, ui.visuals().text_color());
        ui.label("what a side holds in public;");
        marker(ui, Marker::OwnLimit, ui.visuals().text_color());
        ui.label("your own side's limit;");
        marker(ui, Marker::LearntLimit, ui.visuals().text_color());
        ui.label("a limit your side has learnt through intelligence (nothing more is known).");
    });
    ui.weak("Pick a position on each issue for your package, or leave the issue open; positions beyond your own limit cannot be offered.");
    ui.add_space(4.0);
    issues(ui, g, view);

    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let named = view.draft.iter().filter(|t| t.is_some()).count();
        let can = g.may_table() && named > 0;
        let why = if !g.may_table() {
            "Your side may not table (more) at this meeting."
        } else if named == 0 {
            "Pick a position on at least one issue."
        } else {
            "The other sides answer at once."
        };
        if ui
            .add_enabled(
                can,
                egui::Button::new(RichText::new("Table this package \u{25b6}").strong()),
            )
            .on_hover_text(why)
            .on_disabled_hover_text(why)
            .clicked()
        {
            out.push(UiAction::TableOffer(view.draft.clone()));
        }
        if ui.button("Clear").clicked() {
            view.draft = vec![None; s.issues.len()];
        }
        ui.weak(format!(
            "{named} of {} issues in the package",
            s.issues.len()
        ));
    });
    let here = g.historical_here();
    if !here.is_empty() && g.may_table() {
        ui.add_space(4.0);
        for p in here {
            let prop = s.proposal(p);
            if ui
                .button(format!("Table history's proposal: {}", prop.title))
                .on_hover_text(&prop.text)
                .clicked()
            {
                out.push(UiAction::TableHistorical(p));
            }
        }
        if let Some(m) = g.at_table()
            && g.table_moves().iter().all(|mv| mv.meeting != m)
        {
            ui.weak(
                "Continue without a move of your own tables history's proposal, as history did.",
            );
        }
    }

    // The answers to your latest package at this meeting, by the button that tabled it
    // (in full on the side panel's Table tab).
    let meeting_date = meeting.date;
    if let Some((i, t)) = g.table_history().iter().enumerate().rev().find(|(_, t)| {
        t.by == Decider::Player && t.date == meeting_date && t.author == g.setup.role
    }) {
        ui.add_space(6.0);
        offer(ui, g, i, t, None);
    }
}

/// The issues: a row per position, a column per side, and the package's choice.
fn issues(ui: &mut egui::Ui, g: &Game, view: &mut PlayView) {
    let s = &*g.scenario;
    let role = g.setup.role;
    let cols = sides(s);
    let learnt = learnt_limits(g);
    let known_limits = g.known_limits();
    let side_w = (0.5 / cols.len().max(1) as f32).min(0.11);
    let mut fractions = vec![0.06, 1.0 - 0.06 - side_w * cols.len() as f32];
    fractions.extend(std::iter::repeat_n(side_w, cols.len()));

    let mut header: Vec<Cell> = vec![text_cell(""), text_cell(RichText::new("Position").strong())];
    for &a in &cols {
        let name = &s.actor(a).name;
        let text = if a == role {
            RichText::new(format!("{name} (you)")).strong()
        } else {
            RichText::new(name.as_str())
        };
        header.push(text_cell(text.color(actor_color(a)).small()));
    }
    table_row(ui, &fractions, header, false);

    for (i, issue) in s.issues.iter().enumerate() {
        let iid = IssueId(i);
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(&issue.name).strong());
            ui.radio_value(&mut view.draft[i], None, "leave open");
        });
        for (p, pos) in issue.positions.iter().enumerate() {
            let pid = PosId(p);
            let allowed = own_ok(g, iid, pid);
            let mut cells: Vec<Cell> = Vec::new();
            let draft = &mut view.draft[i];
            cells.push(Box::new(move |ui: &mut egui::Ui| {
                ui.add_enabled_ui(allowed, |ui| {
                    let mut on = *draft == Some(pid);
                    if ui
                        .radio(on, "")
                        .on_disabled_hover_text("Beyond your own side's limit.")
                        .clicked()
                    {
                        on = !on;
                        *draft = on.then_some(pid);
                    }
                });
            }));
            let label = RichText::new(format!("{}. {}", p + 1, pos.label));
            cells.push(text_cell(if allowed { label } else { label.weak() }));
            for &a in &cols {
                let holds = g.state.positions[a.0][i] == Some(pid);
                let limit = if a == role {
                    let own = s.actor(a).stances.iter().find(|st| st.issue == iid);
                    own.map(|st| g.state.limits[a.0][i].unwrap_or(st.limit)) == Some(pid)
                } else {
                    false
                };
                let known = (a != role && known_limits[a.0][i] == Some(pid)).then(|| {
                    learnt
                        .iter()
                        .find(|k| k.actor == a && k.issue == iid && k.limit == pid)
                        .cloned()
                });
                cells.push(Box::new(move |ui: &mut egui::Ui| {
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 3.0;
                        let c = actor_color(a);
                        if holds {
                            marker(ui, Marker::Holds, c).on_hover_text("Held in public");
                        }
                        if limit {
                            marker(ui, Marker::OwnLimit, c).on_hover_text("Your own side's limit");
                        }
                        if let Some(k) = known {
                            let how = k.map_or(String::new(), |k| {
                                format!(
                                    ", learnt on {} (from \u{201c}{}\u{201d})",
                                    long_date(k.date),
                                    k.from
                                )
                            });
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

/// One offer: who, what, and every answer with its reason.
fn offer(ui: &mut egui::Ui, g: &Game, index: usize, t: &Tabled, out: Option<&mut Vec<UiAction>>) {
    let s = &*g.scenario;
    let role = g.setup.role;
    let author = &s.actor(t.author).name;
    let mut title = format!(
        "#{} \u{b7} {} \u{b7} {author}",
        index + 1,
        long_date(t.date)
    );
    if let Some(p) = t.historical {
        title.push_str(&format!(": {}", s.proposal(p).title));
    } else if t.by == Decider::Player {
        title.push_str(": your package");
    } else if let Some(c) = t.counter_to {
        title.push_str(&format!(": counter-proposal to #{}", c + 1));
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let color = if t.author == role {
            actor_color(role)
        } else {
            ui.visuals().text_color()
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(title).strong().color(color));
            if t.historical.is_some() {
                ui.label(RichText::new("history").small().color(theme::HISTORICAL));
            }
            if t.agreed {
                ui.label(RichText::new("AGREED").strong().color(theme::SAME));
            }
        });
        let lines = terms_lines(s, &t.terms);
        for (issue, pos) in &lines {
            ui.add(egui::Label::new(format!("\u{2022} {issue}: {pos}")).wrap());
        }
        let open = s.issues.len() - lines.len();
        if open > 0 {
            ui.weak(format!(
                "{open} issue{} left open",
                if open == 1 { "" } else { "s" }
            ));
        }
        for a in &t.answers {
            let who = &s.actor(a.actor).name;
            let (word, color) = match a.reply {
                None => ("waits for your answer".to_string(), theme::MARK_DECISION),
                Some(r) if r.accepts() => (r.word().to_string(), theme::SAME),
                Some(r) => (r.word().to_string(), theme::DIFFERENT),
            };
            let reason = match a.reply {
                None => String::new(),
                Some(_) => format!(" \u{2014} \u{201c}{}\u{201d}", a.reason.text(s)),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{who}:")).color(actor_color(a.actor)));
                ui.label(RichText::new(word).color(color));
                if !reason.is_empty() {
                    ui.add(egui::Label::new(RichText::new(reason).italics()).wrap());
                }
            });
        }
        if let Some(out) = out
            && g.open_offers().contains(&index)
        {
            ui.horizontal(|ui| {
                if ui.button("Accept").clicked() {
                    out.push(UiAction::TableAccept(index));
                }
                if ui.button("Reject").clicked() {
                    out.push(UiAction::TableReject(index));
                }
            });
        }
    });
}

/// The offers of this meeting (tabled today at this session), the newest first, then
/// the earlier offers still waiting for your answer (folded).
pub fn offers_here(ui: &mut egui::Ui, g: &Game, m: MeetingId, out: &mut Vec<UiAction>) {
    let s = &*g.scenario;
    let meeting = s.meeting(m);
    let open = g.open_offers();
    type Offers<'a> = Vec<(usize, &'a Tabled)>;
    let (today, earlier): (Offers, Offers) = g
        .table_history()
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            (t.date == meeting.date && t.session == meeting.session) || open.contains(i)
        })
        .partition(|(_, t)| t.date == meeting.date && t.session == meeting.session);
    ui.label(RichText::new("On the table").heading().size(19.0));
    if today.is_empty() {
        ui.weak("Nothing has been tabled at this meeting yet.");
    }
    for (i, t) in today.into_iter().rev() {
        offer(ui, g, i, t, Some(out));
        ui.add_space(4.0);
    }
    if !earlier.is_empty() {
        egui::CollapsingHeader::new(format!(
            "Earlier offers still waiting for your answer ({})",
            earlier.len()
        ))
        .id_salt("earlier-open-offers")
        .show(ui, |ui| {
            for (i, t) in earlier.into_iter().rev() {
                offer(ui, g, i, t, Some(out));
                ui.add_space(4.0);
            }
        });
    }
}

/// Every offer tabled so far, the newest first (folded when `open` is false).
pub fn history(ui: &mut egui::Ui, g: &Game, open: bool) {
    let all = g.table_history();
    egui::CollapsingHeader::new(
        RichText::new(format!("The offers so far ({})", all.len())).strong(),
    )
    .id_salt(("offers-so-far", open))
    .default_open(open)
    .show(ui, |ui| {
        if all.is_empty() {
            ui.weak("Nothing has been tabled yet.");
        }
        for (i, t) in all.iter().enumerate().rev() {
            offer(ui, g, i, t, None);
            ui.add_space(4.0);
        }
    });
}

/// The marks of the issues' table (the network client's Table panel draws them too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A filled disc: held in public.
    Holds,
    /// A filled bar: the player's own limit.
    OwnLimit,
    /// An outlined bar: a limit learnt through intelligence.
    LearntLimit,
}

/// Paints a mark (the fonts lack the geometric shapes, so they are drawn).
pub fn marker(ui: &mut egui::Ui, m: Marker, color: egui::Color32) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(14.0, 16.0), egui::Sense::hover());
    let p = ui.painter();
    let c = rect.center();
    match m {
        Marker::Holds => {
            p.circle_filled(c, 5.5, color);
        }
        Marker::OwnLimit => {
            p.rect_filled(
                egui::Rect::from_center_size(c, egui::vec2(6.0, 14.0)),
                1.0,
                color,
            );
        }
        Marker::LearntLimit => {
            p.rect_stroke(
                egui::Rect::from_center_size(c, egui::vec2(6.0, 14.0)),
                1.0,
                egui::Stroke::new(1.5, color),
                egui::StrokeKind::Inside,
            );
        }
    }
    resp
}
