//! The intelligence inbox: the reports delivered to the player's side, newest first,
//! with an unread count (for a side that gets no reports, its private channel).

use std::collections::BTreeSet;

use bevy_egui::egui::{self, RichText};

use crate::app::widgets::timeline::{MarkKind, icon, long_date};
use crate::engine::{Game, Happening};
use crate::scenario::Visibility;

/// Whether the player's side receives intelligence reports in this scenario.
pub fn gets_reports(game: &Game) -> bool {
    let role = game.setup.role;
    game.scenario.timeline.iter().any(|e| {
        e.as_event().is_some_and(
            |e| matches!(&e.visibility, Visibility::Intelligence { to, .. } if to.contains(&role)),
        )
    })
}

/// The inbox's name for this side.
pub fn title(game: &Game) -> &'static str {
    if gets_reports(game) {
        "Intelligence"
    } else {
        "Private channel"
    }
}

/// The log lines in the inbox, in order: reports delivered to the player's side, or
/// (without reports) the private events it learnt of at once.
pub fn items(game: &Game) -> Vec<usize> {
    let role = game.setup.role;
    let s = &*game.scenario;
    let reports = gets_reports(game);
    game.log
        .iter()
        .enumerate()
        .filter(|(_, l)| match &l.happening {
            Happening::Report { to, .. } => reports && *to == role,
            Happening::Fired(id) => {
                !reports
                    && s.entry(*id).as_event().is_some_and(|e| {
                        matches!(e.visibility, Visibility::Private(_))
                            && e.visibility.known_at_once_to(role)
                    })
            }
            _ => false,
        })
        .map(|(i, _)| i)
        .collect()
}

/// How many inbox items are unread.
pub fn unread(game: &Game, read: &BTreeSet<usize>) -> usize {
    items(game).iter().filter(|i| !read.contains(i)).count()
}

/// The inbox list; returns the log index of the item clicked.
pub fn draw(
    ui: &mut egui::Ui,
    game: &Game,
    read: &BTreeSet<usize>,
    selected: Option<usize>,
) -> Option<usize> {
    let s = &*game.scenario;
    let list = items(game);
    let reports = gets_reports(game);
    ui.add(
        egui::Label::new(
            RichText::new(if reports {
                "Reports reach you late and are not always reliable; each names how it came in. The estimate of 21 May 1953 weighed the same kind of reports."
            } else {
                "What your side learnt through its own private channel, not known to the others."
            })
            .small()
            .weak(),
        )
        .wrap(),
    );
    ui.add_space(4.0);
    if list.is_empty() {
        ui.weak(if reports {
            "No reports yet."
        } else {
            "Nothing yet."
        });
        return None;
    }
    let outline = ui.visuals().text_color();
    let mut clicked = None;
    for &i in list.iter().rev() {
        let l = &game.log[i];
        let (event, kind) = match l.happening {
            Happening::Report { event, .. } => (event, MarkKind::Report),
            Happening::Fired(id) => (id, MarkKind::Private),
            _ => continue,
        };
        let entry = s.entry(event);
        let unread = !read.contains(&i);
        let reliability = match entry.as_event().map(|e| &e.visibility) {
            Some(Visibility::Intelligence { reliability, .. }) if !reliability.is_empty() => {
                format!(" \u{b7} {reliability}")
            }
            _ => String::new(),
        };
        let frame = egui::Frame::group(ui.style())
            .inner_margin(6)
            .fill(if selected == Some(i) {
                ui.visuals().selection.bg_fill.gamma_multiply(0.5)
            } else {
                ui.visuals().panel_fill
            });
        let resp = frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    icon(ui, kind, false, outline);
                    if unread {
                        ui.label(
                            RichText::new("NEW")
                                .small()
                                .strong()
                                .color(MarkKind::Report.color()),
                        );
                    }
                    ui.small(format!("received {}{reliability}", long_date(l.date)));
                });
                let title = RichText::new(game.event_title(event));
                ui.add(egui::Label::new(if unread { title.strong() } else { title }).wrap());
                ui.small(format!("about: {}", game.shown_date_text(event)));
            })
            .response
            .interact(egui::Sense::click())
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        if resp.clicked() {
            clicked = Some(i);
        }
    }
    clicked
}
