//! The play screen's side panel: charts of the game beside history, the inbox of
//! intelligence reports, and the journal of what the player's side learnt so far.

use bevy_egui::egui;

use super::draw::mark_for;
use super::view::{PlayView, Showing, SideTab};
use crate::app::UiAction;
use crate::app::history::History;
use crate::app::widgets::charts::{self, Series};
use crate::app::widgets::{inbox, timeline};
use crate::engine::Game;

/// The right-hand panel: charts, inbox, journal (one tab at a time).
pub(super) fn panel(
    root: &mut egui::Ui,
    g: &Game,
    view: &mut PlayView,
    hist: &History,
    showing: Showing,
    now: chrono::NaiveDate,
    out: &mut Vec<UiAction>,
) {
    let s = &*g.scenario;
    let unread = inbox::unread(g, &view.read);
    egui::Panel::right("play-side")
        .default_size(440.0)
        .size_range(340.0..=640.0)
        .show(root, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.selectable_value(&mut view.tab, SideTab::Charts, "\u{1f4c8} Charts");
                let inbox_label = if unread > 0 {
                    format!("\u{2709} {} ({unread} new)", inbox::title(g))
                } else {
                    format!("\u{2709} {}", inbox::title(g))
                };
                ui.selectable_value(&mut view.tab, SideTab::Inbox, inbox_label);
                ui.selectable_value(&mut view.tab, SideTab::Journal, "\u{1f4d6} So far");
                let offers = g.table_history().len();
                ui.selectable_value(&mut view.tab, SideTab::Table, format!("Table ({offers})"));
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match view.tab {
                    SideTab::Charts => {
                        let limit = match showing {
                            Showing::Item(i) => i + 1,
                            _ => g.log.len(),
                        };
                        let yours = Series {
                            game: g,
                            lines: limit,
                            until: now,
                        };
                        // History to the same moment: at a decision, not yet history's choice.
                        let cut = match showing {
                            Showing::Decision(_) => hist.game.log.partition_point(|l| l.date < now),
                            _ => hist.game.log.len(),
                        };
                        let past = Series {
                            game: &hist.game,
                            lines: cut,
                            until: now,
                        };
                        let mut issue = view.chart_issue;
                        charts::charts(ui, "play", s, Some(yours), past, &mut issue);
                        view.chart_issue = issue;
                    }
                    SideTab::Inbox => {
                        let selected = match showing {
                            Showing::Item(i) => Some(i),
                            _ => None,
                        };
                        if let Some(i) = inbox::draw(ui, g, &view.read, selected) {
                            out.push(UiAction::PlayShow(Some(i)));
                        }
                    }
                    SideTab::Journal => journal(ui, g, view, showing, out),
                    SideTab::Table => {
                        let at_table = matches!(showing, Showing::Table(_));
                        if let Showing::Table(m) = showing {
                            super::table::offers_here(ui, g, m, out);
                            ui.add_space(8.0);
                        }
                        super::table::history(ui, g, !at_table);
                    }
                });
        });
}

fn journal(
    ui: &mut egui::Ui,
    g: &Game,
    view: &PlayView,
    showing: Showing,
    out: &mut Vec<UiAction>,
) {
    let outline = ui.visuals().text_color();
    let upto = (view.current + 1).min(view.items.len());
    if upto == 0 {
        ui.weak("Nothing yet.");
    }
    for &i in view.items[..upto].iter().rev() {
        let Some(m) = mark_for(g, i) else { continue };
        let selected = showing == Showing::Item(i);
        let resp = ui
            .horizontal(|ui| {
                timeline::icon(ui, m.kind, m.counterfactual, outline);
                let text = egui::RichText::new(&m.title);
                ui.add(
                    egui::Label::new(if selected { text.strong() } else { text })
                        .wrap()
                        .sense(egui::Sense::click()),
                )
            })
            .inner;
        if resp
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .clicked()
        {
            out.push(UiAction::PlayShow(Some(i)));
        }
    }
}
