//! The play screen's drawing: the date and timeline on top, what to do next at the
//! bottom, the item on screen in the centre (the side panel is `side.rs`), and the keys.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::side;
use super::view::{PlayView, Showing};
use crate::app::UiAction;
use crate::app::history::HistoricalPath;
use crate::app::overlays::menu::Overlays;
use crate::app::widgets::event_view;
use crate::app::widgets::timeline::{self, Mark, MarkKind, long_date};
use crate::engine::{Game, Happening, Outcome};
use crate::report::days_text;
use crate::sim::CurrentGame;

/// The timeline mark of log line `i` (`None` for lines the timeline does not show).
pub(super) fn mark_for(game: &Game, i: usize) -> Option<Mark> {
    let s = &*game.scenario;
    let l = game.log.get(i)?;
    Some(match &l.happening {
        Happening::Fired(id) => {
            let e = s.entry(*id);
            let kind = e
                .as_event()
                .map_or(MarkKind::Public, |e| MarkKind::of_visibility(&e.visibility));
            let mut m = Mark::for_entry(e, kind, i);
            m.date = game.shown_date(*id);
            m.title = format!(
                "{} \u{2014} {}",
                game.shown_date_text(*id),
                game.event_title(*id)
            );
            m
        }
        Happening::Report { event, .. } => {
            let mut m = Mark::for_entry(s.entry(*event), MarkKind::Report, i);
            m.date = l.date;
            m.title = format!(
                "Report received {}: {}",
                long_date(l.date),
                game.event_title(*event)
            );
            m
        }
        Happening::Decided { entry, .. } => Mark::for_entry(s.entry(*entry), MarkKind::Decision, i),
        Happening::Tabled(t) => Mark {
            date: l.date,
            kind: MarkKind::Offer,
            counterfactual: false,
            title: format!(
                "{} \u{2014} {}",
                long_date(l.date),
                game.table_history()
                    .get(*t)
                    .map_or(String::new(), |t| t.title(s))
            ),
            target: i,
        },
        Happening::Armistice => Mark {
            date: l.date,
            kind: MarkKind::Armistice,
            counterfactual: false,
            title: format!("{} \u{2014} {}", long_date(l.date), s.agreement_noun()),
            target: i,
        },
        _ => return None,
    })
}

/// The Play screen's keys: 1–6 take an option, Enter/Space go on, Enter/D open the
/// debrief. None acts unless `allowed` (see [`Overlays`]) or while a text
/// field has the keyboard. (Ctrl+S is the menu's, on every screen.)
fn keys(
    ctx: &egui::Context,
    allowed: bool,
    showing: Showing,
    options: usize,
    out: &mut Vec<UiAction>,
) {
    if !allowed || ctx.egui_wants_keyboard_input() {
        return;
    }
    ctx.input(|i| {
        let pressed = |k| i.key_pressed(k);
        match showing {
            Showing::Decision(_) => {
                let nums = [
                    egui::Key::Num1,
                    egui::Key::Num2,
                    egui::Key::Num3,
                    egui::Key::Num4,
                    egui::Key::Num5,
                    egui::Key::Num6,
                ];
                for (n, k) in nums.iter().enumerate().take(options) {
                    if pressed(*k) {
                        out.push(UiAction::Choose(n));
                    }
                }
            }
            Showing::Outcome => {
                if pressed(egui::Key::Enter) || pressed(egui::Key::D) {
                    out.push(UiAction::OpenDebrief);
                }
            }
            _ => {
                if pressed(egui::Key::Enter) || pressed(egui::Key::Space) {
                    out.push(UiAction::Continue);
                }
            }
        }
    });
}

/// Draws the Play screen and turns its clicks and keys into [`UiAction`]s.
pub(super) fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    mut view: ResMut<PlayView>,
    mut history: ResMut<HistoricalPath>,
    overlays: Overlays,
    seat: Res<super::HotSeat>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = crate::app::root_ui(&ctx);
    let Some(game) = &game else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            ui.heading("No game is running.");
            if ui.button("Back to the start").clicked() {
                actions.write(UiAction::ToStart);
            }
        });
        return Ok(());
    };
    // In a hot-seat game, the game as the viewer's side sees it.
    let g = seat.shown(game);
    let s = &*g.scenario;
    let hist = history.of(&g.scenario);
    let showing = view.showing(g);
    let now = view.now(g);
    let mut out: Vec<UiAction> = Vec::new();
    let options = match showing {
        Showing::Decision(d) => s.entry(d).as_decision().map_or(0, |d| d.options.len()),
        _ => 0,
    };
    keys(&ctx, overlays.screen_keys(), showing, options, &mut out);

    // Top: who and when, then the timeline.
    egui::Panel::top("play-top").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(long_date(now));
            ui.separator();
            ui.label(egui::RichText::new(&s.actor(g.setup.role).name).strong());
            let total = s.decisions_for(g.setup.role).count();
            // Only this side's: in a hot-seat game, the others' choices are theirs.
            let taken = g
                .choices
                .iter()
                .filter(|(e, _)| {
                    s.entry(*e)
                        .as_decision()
                        .is_some_and(|d| d.role == g.setup.role)
                })
                .count();
            ui.weak(format!(
                "\u{b7} {taken} of your {} decisions taken \u{b7} other sides: {}",
                total,
                g.setup.policy.name()
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(g.is_finished(), egui::Button::new("Debrief \u{25b6}"))
                    .on_hover_text("The comparison with history (D)")
                    .clicked()
                {
                    out.push(UiAction::OpenDebrief);
                }
                if ui
                    .button("\u{1f4be} Save")
                    .on_hover_text("Save the game (Ctrl+S)")
                    .clicked()
                {
                    out.push(UiAction::Save);
                }
            });
        });
        let limit = match showing {
            Showing::Item(i) if view.looking_back.is_none() => i + 1,
            Showing::Item(_) => view.items.get(view.current).map_or(g.log.len(), |&i| i + 1),
            _ => g.log.len(),
        };
        let marks: Vec<Mark> = view
            .items
            .iter()
            .filter(|&&i| i < limit)
            .filter_map(|&i| mark_for(g, i))
            .collect();
        let selected = match showing {
            Showing::Item(i) => Some(i),
            _ => None,
        };
        if let Some(t) = timeline::strip(
            ui,
            s.agreement_noun(),
            s.start,
            s.end,
            Some(now),
            &marks,
            selected,
        ) {
            out.push(UiAction::PlayShow(Some(t)));
        }
        timeline::legend(ui, &timeline::LEGEND, s.agreement_noun());
        ui.add_space(2.0);
    });

    // Bottom: what to do next.
    egui::Panel::bottom("play-actions").show(&mut root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| match showing {
            Showing::Item(_) if view.looking_back.is_some() => {
                if ui
                    .button(egui::RichText::new("\u{23ea} Back to the present").size(16.0))
                    .on_hover_text("Enter")
                    .clicked()
                {
                    out.push(UiAction::PlayShow(None));
                }
                ui.weak("You are looking back at an earlier item.");
            }
            Showing::Item(_) | Showing::Waiting => {
                if ui
                    .button(egui::RichText::new("Continue \u{25b6}").size(16.0))
                    .on_hover_text("Enter or Space")
                    .clicked()
                {
                    out.push(UiAction::Continue);
                }
                let more = view.unread_items();
                let next = if more > 0 {
                    format!("{more} more before your next decision \u{b7} Enter or Space to go on")
                } else if g.pending().is_some() {
                    "Next: your decision \u{b7} Enter or Space".to_string()
                } else {
                    "Enter or Space to go on".to_string()
                };
                ui.weak(next);
            }
            Showing::Decision(_) => {
                ui.label(
                    egui::RichText::new(format!(
                        "Choose an option: keys 1\u{2013}{options}, or click it"
                    ))
                    .strong(),
                );
            }
            Showing::Outcome => {
                if ui
                    .button(egui::RichText::new("Open the debrief \u{25b6}").size(16.0))
                    .on_hover_text("D or Enter")
                    .clicked()
                {
                    out.push(UiAction::OpenDebrief);
                }
                ui.weak("The game is over: compare it with history.");
            }
            Showing::Table(_) => {
                if ui
                    .button(egui::RichText::new("Leave the table \u{25b6}").size(16.0))
                    .on_hover_text("Enter or Space: pass, and the talks go on")
                    .clicked()
                {
                    out.push(UiAction::Continue);
                }
                ui.weak("Table a package, answer what is put to you, or leave the table.");
            }
        });
        ui.add_space(4.0);
    });

    // Right: charts, inbox, journal.
    side::panel(&mut root, g, &mut view, &hist, showing, now, &mut out);

    // Centre: the item on screen.
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(820.0);
                ui.add_space(6.0);
                match showing {
                    Showing::Item(i) => item(ui, g, i, &mut out),
                    Showing::Decision(d) => event_view::decision(ui, g, d, &mut out),
                    Showing::Table(m) => super::table::panel(ui, g, m, &mut view, &mut out),
                    Showing::Outcome => outcome(ui, g),
                    Showing::Waiting => {
                        ui.heading("The talks go on.");
                        ui.weak("Continue to see what your side learns next.");
                    }
                }
                ui.add_space(12.0);
            });
    });

    actions.write_batch(out);
    Ok(())
}

fn item(ui: &mut egui::Ui, g: &Game, i: usize, out: &mut Vec<UiAction>) {
    let Some(l) = g.log.get(i) else { return };
    match &l.happening {
        Happening::Fired(id) => event_view::event(ui, g, *id, None, out),
        Happening::Report { event, .. } => event_view::event(ui, g, *event, Some(l.date), out),
        Happening::Decided { entry, option, .. } => {
            event_view::reveal(ui, &g.scenario, *entry, *option, out)
        }
        Happening::Armistice => event_view::armistice(ui, g),
        Happening::Tabled(t) => {
            if let Some(t) = g.table_history().get(*t) {
                event_view::offer(ui, &g.scenario, t, out);
            }
        }
        _ => {}
    }
}

fn outcome(ui: &mut egui::Ui, g: &Game) {
    let s = &*g.scenario;
    let hist_date = s.armistice.historical_date;
    ui.heading("The game is over");
    ui.add_space(6.0);
    let noun = s.agreement_noun();
    let history = match &s.armistice.historical_end {
        None => format!(
            "In history the {noun} was signed on {}.",
            long_date(hist_date)
        ),
        Some(how) => format!(
            "In history there was no {noun} either: {how} ({}).",
            long_date(hist_date)
        ),
    };
    let text = match (g.outcome(), &g.state.armistice) {
        (_, Some(a)) if s.armistice.agreed_in_history() => format!(
            "{} on {} \u{2014} in history, {}: {}.",
            s.agreement_noun_capitalised(),
            long_date(a.date),
            long_date(hist_date),
            days_text((a.date - hist_date).num_days())
        ),
        (_, Some(a)) => format!(
            "{} on {}. In history there was none: {} ({}).",
            s.agreement_noun_capitalised(),
            long_date(a.date),
            s.armistice.historical_end.as_deref().unwrap_or_default(),
            long_date(hist_date)
        ),
        (Some(Outcome::Ended(r)), None) => {
            format!("The game ended with no {noun}: {r}. {history}")
        }
        _ => format!(
            "No {noun} by the horizon, {}. {history}",
            long_date(s.horizon)
        ),
    };
    event_view::body(ui, &text);
    if let Some(a) = &g.state.armistice {
        ui.add_space(8.0);
        event_view::terms_grid(ui, s, &a.terms);
    }
    ui.add_space(10.0);
    ui.label("The debrief sets every decision beside history, with the sources, and scores how far your path went from it.");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlays::menu::{MenuOpen, screen_keys};
    use crate::app::overlays::source_viewer::{OpenSource, SourceViewer};
    use crate::scenario::EntryId;

    /// The actions `keys` writes in a frame where `key` is pressed.
    fn press(key: egui::Key, allowed: bool) -> Vec<UiAction> {
        let ctx = egui::Context::default();
        ctx.begin_pass(egui::RawInput {
            events: vec![egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }],
            ..Default::default()
        });
        let mut out = Vec::new();
        keys(&ctx, allowed, Showing::Decision(EntryId(0)), 3, &mut out);
        // egui (debug) insists the font texture it made is handled, not dropped.
        ctx.end_pass().textures_delta.clear();
        out
    }

    #[test]
    fn number_keys_choose_only_with_nothing_over_the_screen() {
        let closed = SourceViewer::default();
        let open = SourceViewer(Some(OpenSource {
            title: "A source".into(),
            reference: String::new(),
            passage: None,
            paragraphs: Vec::new(),
            highlighted: Vec::new(),
            scroll: false,
        }));
        let free = screen_keys(&MenuOpen(false), &closed);
        assert_eq!(press(egui::Key::Num2, free), vec![UiAction::Choose(1)]);
        // The Esc menu open, the source viewer open, or both: the key does nothing.
        for (menu, viewer) in [(true, &closed), (false, &open), (true, &open)] {
            let allowed = screen_keys(&MenuOpen(menu), viewer);
            assert!(!allowed);
            assert_eq!(press(egui::Key::Num2, allowed), Vec::new());
            assert_eq!(press(egui::Key::Enter, allowed), Vec::new());
        }
    }
}
