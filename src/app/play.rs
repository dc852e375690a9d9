//! The play screen: the timeline of the period, the current event in full, the
//! decisions and what the real side did, charts beside history, and the inbox.
//!
//! The game runs ahead to the next decision; [`PlayView`] walks the player through
//! what their side learnt on the way, one item at a time (Continue), so the date, the
//! timeline and the charts always show the moment on screen.

use std::collections::BTreeSet;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::charts::{self, Path};
use super::event_view;
use super::history::{HistoricalPath, HistoryPlugin};
use super::inbox;
use super::timeline::{self, Mark, MarkKind, long_date};
use super::{Screen, UiAction};
use crate::engine::{Decider, Game, Happening, LogEntry, Outcome, Setup};
use crate::report::days_text;
use crate::scenario::EntryId;
use crate::sim::{Advance, Choose, CurrentGame, NewGame, SimSet};

pub struct PlayPlugin;

impl Plugin for PlayPlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<HistoryPlugin>() {
            app.add_plugins(HistoryPlugin);
        }
        app.init_resource::<PlayView>()
            .add_systems(Update, handle_actions.before(SimSet::Start))
            .add_systems(Update, sync_view.after(SimSet::Advance))
            .add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Play)));
    }
}

/// The tabs of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SideTab {
    #[default]
    Charts,
    Inbox,
    Journal,
}

/// What identifies the game the view follows.
#[derive(Debug, Clone, PartialEq)]
struct GameKey {
    scenario: usize,
    setup: Setup,
    choices: Vec<(EntryId, usize)>,
}

impl GameKey {
    fn of(game: &Game) -> Self {
        GameKey {
            scenario: Arc::as_ptr(&game.scenario) as usize,
            setup: game.setup.clone(),
            choices: game.choices.clone(),
        }
    }

    /// Whether `game` is this game, perhaps further on.
    fn continued_by(&self, game: &Game) -> bool {
        self.scenario == Arc::as_ptr(&game.scenario) as usize
            && self.setup == game.setup
            && game.choices.starts_with(&self.choices)
    }
}

/// What the player's side has seen of the game, and what is on screen.
#[derive(Resource, Debug, Default)]
pub struct PlayView {
    key: Option<GameKey>,
    /// Log indices of what the player's side learnt (events it knew of, reports that
    /// reached it, its own decisions, the armistice), in order.
    pub items: Vec<usize>,
    scanned: usize,
    /// The item on screen (an index into `items`); `items.len()` is the present: the
    /// decision waiting, the outcome, or nothing yet.
    pub current: usize,
    /// An earlier item opened again from the timeline, inbox or journal (a log index).
    pub looking_back: Option<usize>,
    /// Log indices the player has seen (for the inbox's unread count).
    pub read: BTreeSet<usize>,
    pub tab: SideTab,
    pub chart_issue: usize,
}

/// What the centre of the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// A line of the game's log: an event, a report, the player's decision with what
    /// history did, the armistice.
    Item(usize),
    /// The decision waiting for the player.
    Decision(EntryId),
    /// The game is over.
    Outcome,
    /// Nothing new: Continue moves the game on.
    Waiting,
}

/// Whether the player's side learns of this log line (and so sees it).
pub fn seen(game: &Game, line: &LogEntry) -> bool {
    let role = game.setup.role;
    let s = &*game.scenario;
    match &line.happening {
        Happening::Fired(id) => s
            .entry(*id)
            .as_event()
            .is_some_and(|e| e.visibility.known_at_once_to(role)),
        Happening::Report { to, .. } => *to == role,
        Happening::Decided {
            by: Decider::Player,
            ..
        } => true,
        Happening::Armistice => true,
        _ => false,
    }
}

impl PlayView {
    /// What the centre shows for `game`.
    pub fn showing(&self, game: &Game) -> Showing {
        if let Some(i) = self.looking_back.filter(|&i| i < game.log.len()) {
            return Showing::Item(i);
        }
        if let Some(&i) = self.items.get(self.current) {
            return Showing::Item(i);
        }
        match game.pending() {
            Some(d) => Showing::Decision(d),
            None if game.is_finished() => Showing::Outcome,
            None => Showing::Waiting,
        }
    }

    /// When the screen shows the player's decision: (decision, option chosen) — the
    /// moment the historical choice is revealed beside it.
    pub fn reveal(&self, game: &Game) -> Option<(EntryId, usize)> {
        let Showing::Item(i) = self.showing(game) else {
            return None;
        };
        match game.log.get(i)?.happening {
            Happening::Decided {
                entry,
                option,
                by: Decider::Player,
            } => Some((entry, option)),
            _ => None,
        }
    }

    /// The date on screen.
    pub fn now(&self, game: &Game) -> chrono::NaiveDate {
        match self.showing(game) {
            Showing::Item(i) => game.log.get(i).map_or(game.state.date, |l| l.date),
            _ => game.state.date,
        }
    }

    /// How many items the player has not reached yet.
    pub fn unread_items(&self) -> usize {
        self.items.len().saturating_sub(self.current + 1)
    }

    fn reset(&mut self) {
        *self = PlayView {
            tab: self.tab,
            chart_issue: self.chart_issue,
            ..PlayView::default()
        };
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    game: Option<Res<CurrentGame>>,
    mut view: ResMut<PlayView>,
    mut advance: MessageWriter<Advance>,
    mut choose: MessageWriter<Choose>,
    mut screen: ResMut<NextState<Screen>>,
) {
    let mut advancing = false;
    for action in actions.read() {
        match action {
            UiAction::Continue => {
                let Some(game) = &game else { continue };
                if view.looking_back.take().is_some() {
                    continue;
                }
                if view.current < view.items.len() {
                    view.current += 1;
                }
                let g = &game.0;
                if view.current >= view.items.len()
                    && g.pending().is_none()
                    && !g.is_finished()
                    && !advancing
                {
                    advance.write(Advance::UntilChoice);
                    advancing = true;
                }
            }
            UiAction::Choose(n) => {
                view.looking_back = None;
                choose.write(Choose(*n));
            }
            UiAction::PlayShow(i) => view.looking_back = *i,
            UiAction::OpenDebrief => screen.set(Screen::Debrief),
            _ => {}
        }
    }
}

/// Follows the game: resets for a new game, collects what the player's side learnt.
fn sync_view(
    game: Option<Res<CurrentGame>>,
    mut new_games: MessageReader<NewGame>,
    mut view: ResMut<PlayView>,
) {
    let fresh_start = new_games.read().count() > 0;
    let Some(game) = game else { return };
    let g = &game.0;
    let same = !fresh_start
        && view.scanned <= g.log.len()
        && view.key.as_ref().is_some_and(|k| k.continued_by(g));
    let mut loaded = false;
    if !same {
        view.reset();
        // A game that comes in with choices made (a saved game) opens at the present.
        loaded = !g.choices.is_empty();
    }
    if view.scanned < g.log.len() {
        for i in view.scanned..g.log.len() {
            if seen(g, &g.log[i]) {
                view.items.push(i);
            }
        }
        view.scanned = g.log.len();
    }
    if loaded {
        view.current = view.items.len();
        let items = view.items.clone();
        view.read.extend(items);
    }
    if view
        .key
        .as_ref()
        .is_none_or(|k| k.choices.len() != g.choices.len())
    {
        view.key = Some(GameKey::of(g));
    }
    if let Showing::Item(i) = view.showing(g)
        && !view.read.contains(&i)
    {
        view.read.insert(i);
    }
}

fn mark_for(game: &Game, i: usize) -> Option<Mark> {
    let s = &*game.scenario;
    let l = game.log.get(i)?;
    Some(match &l.happening {
        Happening::Fired(id) => {
            let e = s.entry(*id);
            let kind = e
                .as_event()
                .map_or(MarkKind::Public, |e| MarkKind::of_visibility(&e.visibility));
            Mark::for_entry(e, kind, i)
        }
        Happening::Report { event, .. } => {
            let mut m = Mark::for_entry(s.entry(*event), MarkKind::Report, i);
            m.date = l.date;
            m.title = format!(
                "Report received {}: {}",
                long_date(l.date),
                s.entry(*event).title()
            );
            m
        }
        Happening::Decided { entry, .. } => Mark::for_entry(s.entry(*entry), MarkKind::Decision, i),
        Happening::Armistice => Mark {
            date: l.date,
            kind: MarkKind::Armistice,
            counterfactual: false,
            title: format!("{} \u{2014} armistice", long_date(l.date)),
            target: i,
        },
        _ => return None,
    })
}

/// The Play screen's keys: 1–6 take an option, Enter/Space go on, Enter/D open the
/// debrief. None acts unless `allowed` (see [`super::menu::Overlays`]) or while a text
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

fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    mut view: ResMut<PlayView>,
    mut history: ResMut<HistoricalPath>,
    overlays: super::menu::Overlays,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = super::root_ui(&ctx);
    let Some(game) = &game else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            ui.heading("No game is running.");
            if ui.button("Back to the start").clicked() {
                actions.write(UiAction::ToStart);
            }
        });
        return Ok(());
    };
    let g = &game.0;
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
            ui.weak(format!(
                "\u{b7} {} of your {} decisions taken \u{b7} other sides: {}",
                g.choices.len(),
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
        if let Some(t) = timeline::strip(ui, s.start, s.end, Some(now), &marks, selected) {
            out.push(UiAction::PlayShow(Some(t)));
        }
        timeline::legend(ui, &timeline::LEGEND);
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
        });
        ui.add_space(4.0);
    });

    // Right: charts, inbox, journal.
    let unread = inbox::unread(g, &view.read);
    egui::Panel::right("play-side")
        .default_size(440.0)
        .size_range(340.0..=640.0)
        .show(&mut root, |ui| {
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
                        let yours = Path {
                            log: &g.log[..limit.min(g.log.len())],
                            until: now,
                        };
                        // History to the same moment: at a decision, not yet history's choice.
                        let cut = match showing {
                            Showing::Decision(_) => hist.game.log.partition_point(|l| l.date < now),
                            _ => hist.game.log.len(),
                        };
                        let past = Path {
                            log: &hist.game.log[..cut],
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
                    SideTab::Journal => journal(ui, g, &view, showing, &mut out),
                });
        });

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
        Happening::Fired(id) => event_view::event(ui, &g.scenario, *id, None, out),
        Happening::Report { event, .. } => {
            event_view::event(ui, &g.scenario, *event, Some(l.date), out)
        }
        Happening::Decided { entry, option, .. } => {
            event_view::reveal(ui, &g.scenario, *entry, *option, out)
        }
        Happening::Armistice => event_view::armistice(ui, g),
        _ => {}
    }
}

fn journal(
    ui: &mut egui::Ui,
    g: &Game,
    view: &PlayView,
    showing: Showing,
    out: &mut Vec<UiAction>,
) {
    let s = &*g.scenario;
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
    let _ = s;
}

fn outcome(ui: &mut egui::Ui, g: &Game) {
    let s = &*g.scenario;
    let hist_date = s.armistice.historical_date;
    ui.heading("The game is over");
    ui.add_space(6.0);
    let text = match (g.outcome(), &g.state.armistice) {
        (_, Some(a)) => format!(
            "Armistice on {} \u{2014} in history, {}: {}.",
            long_date(a.date),
            long_date(hist_date),
            days_text((a.date - hist_date).num_days())
        ),
        (Some(Outcome::Ended(r)), None) => format!(
            "The game ended without an armistice: {r}. In history the armistice was signed on {}.",
            long_date(hist_date)
        ),
        _ => format!(
            "No armistice by the horizon, {}. In history it was signed on {}.",
            long_date(s.horizon),
            long_date(hist_date)
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
    use crate::app::menu::{MenuOpen, screen_keys};
    use crate::app::source_viewer::{OpenSource, SourceViewer};

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
