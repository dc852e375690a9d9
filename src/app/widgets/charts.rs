//! Charts of the state over time (egui_plot): each side's position on an issue, and
//! every variable (cohesion, standing, cost of delay) — a game beside the historical path.

use bevy_egui::egui::{self, Color32, RichText};
use chrono::{Days, NaiveDate};
use egui_plot::{Line, LineStyle, Plot, PlotPoints};

use crate::app::theme;
use crate::app::widgets::timeline::month_date;
use crate::engine::{Game, Happening, LogEntry, State};
use crate::scenario::{ActorId, IssueId, Scenario, VarId};

/// A path through a game to draw: its first `lines` log lines, up to a date.
#[derive(Clone, Copy)]
pub struct Series<'a> {
    pub game: &'a Game,
    pub lines: usize,
    pub until: NaiveDate,
}

impl<'a> Series<'a> {
    /// The log lines drawn (at most the game's whole log).
    fn log(&self) -> impl Iterator<Item = &'a LogEntry> + 'a {
        let until = self.until;
        self.game
            .log
            .iter()
            .take(self.lines)
            .take_while(move |l| l.date <= until)
    }
}

/// Colour of an actor's lines.
pub fn actor_color(a: ActorId) -> Color32 {
    theme::ACTORS[a.0 % theme::ACTORS.len()]
}

fn x_of(s: &Scenario, d: NaiveDate) -> f64 {
    (d - s.start).num_days() as f64
}

fn date_of(s: &Scenario, x: f64) -> NaiveDate {
    s.start
        .checked_add_days(Days::new(x.max(0.0) as u64))
        .unwrap_or(s.start)
}

/// A variable over time along a path: its value after each log line, and at `until`
/// with the weekly drift since the last line.
pub fn var_series(s: &Scenario, path: Series<'_>, v: VarId) -> Vec<[f64; 2]> {
    let def = &s.variables[v.0];
    let initial = State::initial(s);
    let mut pts = vec![[0.0, initial.vars[v.0] as f64]];
    let mut last = (s.start, initial.vars[v.0]);
    let mut signed = false;
    for l in path.log() {
        let value = path.game.vars_at(l)[v.0];
        signed |= l.happening == Happening::Armistice;
        pts.push([x_of(s, l.date), value as f64]);
        last = (l.date, value);
    }
    if path.until > last.0 {
        let weeks = |d: NaiveDate| (d - s.start).num_days().max(0) / 7;
        let drift = if signed {
            0
        } else {
            def.per_week
                .saturating_mul(weeks(path.until) - weeks(last.0))
        };
        let value = last.1.saturating_add(drift).clamp(def.min, def.max);
        pts.push([x_of(s, path.until), value as f64]);
    }
    pts
}

/// An actor's position on an issue over time, as steps (None when it has no stake).
pub fn position_series(
    s: &Scenario,
    path: Series<'_>,
    actor: ActorId,
    issue: IssueId,
) -> Option<Vec<[f64; 2]>> {
    let initial = State::initial(s);
    let mut current = initial.positions[actor.0][issue.0];
    let mut pts = Vec::new();
    if let Some(p) = current {
        pts.push([0.0, p.0 as f64]);
    }
    for l in path.log() {
        let now = path.game.positions_at(l).get(actor, issue);
        if now != current {
            let x = x_of(s, l.date);
            if let Some(p) = current {
                pts.push([x, p.0 as f64]);
            }
            if let Some(p) = now {
                pts.push([x, p.0 as f64]);
            }
            current = now;
        }
    }
    let p = current?;
    pts.push([x_of(s, path.until), p.0 as f64]);
    Some(pts)
}

fn base_plot<'a>(s: &'a Scenario, id: &str, height: f32) -> Plot<'a> {
    let start = s.start;
    let fmt_x = move |m: egui_plot::GridMark, _r: &std::ops::RangeInclusive<f64>| {
        month_date(
            start
                .checked_add_days(Days::new(m.value.max(0.0) as u64))
                .unwrap_or(start),
        )
    };
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.0)
        .include_x(x_of(s, s.end))
        .x_axis_formatter(fmt_x)
        .x_grid_spacer(move |input| month_spacer(s, input))
        .link_cursor("panmunjom-charts", [true, false])
        .show_grid([true, true])
}

/// Grid marks on the first of every third month (bigger on January).
fn month_spacer(s: &Scenario, input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    use chrono::Datelike;
    let (lo, hi) = input.bounds;
    let mut d = date_of(s, lo);
    d = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    let mut out = Vec::new();
    while x_of(s, d) <= hi {
        let x = x_of(s, d);
        if x >= lo && d.month0().is_multiple_of(6) {
            out.push(egui_plot::GridMark {
                value: x,
                step_size: if d.month() == 1 { 365.0 } else { 182.0 },
            });
        } else if x >= lo && d.month0().is_multiple_of(3) {
            out.push(egui_plot::GridMark {
                value: x,
                step_size: 91.0,
            });
        }
        let (y, m) = if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        };
        d = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX);
        if d == NaiveDate::MAX {
            break;
        }
    }
    out
}

/// How the two paths are named and drawn.
fn styles(has_game: bool) -> (&'static str, &'static str) {
    if has_game {
        ("your game", "history")
    } else {
        ("history", "history")
    }
}

/// The charts: positions on the chosen issue, then each variable. `game` is the
/// player's path (None in the replay, where history is drawn alone).
pub fn charts(
    ui: &mut egui::Ui,
    id: &str,
    s: &Scenario,
    game: Option<Series<'_>>,
    history: Series<'_>,
    issue: &mut usize,
) {
    let (yours, hist) = styles(game.is_some());
    ui.horizontal_wrapped(|ui| {
        if game.is_some() {
            line_sample(ui, false);
            ui.small("your game");
            ui.add_space(8.0);
            line_sample(ui, true);
            ui.small("the historical path (to the same date)");
        } else {
            ui.small("The historical path, to the step on screen");
        }
    });
    // Positions on one issue.
    if s.issues.is_empty() {
        return;
    }
    *issue = (*issue).min(s.issues.len() - 1);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Positions on").strong());
        egui::ComboBox::from_id_salt((id, "issue"))
            .width(ui.available_width() - 8.0)
            .selected_text(&s.issues[*issue].name)
            .show_ui(ui, |ui| {
                for (i, is) in s.issues.iter().enumerate() {
                    ui.selectable_value(issue, i, &is.name);
                }
            });
    });
    let iss = IssueId(*issue);
    let positions = &s.issues[iss.0].positions;
    let parties: Vec<ActorId> = if s.armistice.parties.is_empty() {
        s.playable().map(|(a, _)| a).collect()
    } else {
        s.armistice.parties.clone()
    };
    let n = positions.len().max(1) as f64;
    let fmt_y = move |m: egui_plot::GridMark, _r: &std::ops::RangeInclusive<f64>| {
        let v = m.value.round();
        if (m.value - v).abs() < 1e-6 && v >= 0.0 && v < n {
            format!("{}", v as usize + 1)
        } else {
            String::new()
        }
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (k, &a) in parties.iter().enumerate() {
        let offset = (k as f64 - (parties.len() as f64 - 1.0) / 2.0) * 0.06;
        let name = &s.actor(a).name;
        let color = actor_color(a);
        let shift = |v: Vec<[f64; 2]>| {
            v.into_iter()
                .map(|[x, y]| [x, y + offset])
                .collect::<Vec<_>>()
        };
        if let Some(pts) = position_series(s, history, a, iss) {
            let l = Line::new(format!("{name} ({hist})"), PlotPoints::from(shift(pts)))
                .color(if game.is_some() {
                    color.gamma_multiply(0.7)
                } else {
                    color
                })
                .width(if game.is_some() { 1.5 } else { 2.2 });
            lines.push(if game.is_some() {
                l.style(LineStyle::dashed_dense())
            } else {
                l
            });
        }
        if let Some(g) = game
            && let Some(pts) = position_series(s, g, a, iss)
        {
            lines.push(
                Line::new(format!("{name} ({yours})"), PlotPoints::from(shift(pts)))
                    .color(color)
                    .width(2.4),
            );
        }
    }
    base_plot(s, &format!("{id}-positions"), 170.0)
        .include_y(-0.3)
        .include_y(n - 0.7)
        .y_axis_formatter(fmt_y)
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .label_formatter(|p: &egui_plot::HoverPosition<'_>| match p {
            egui_plot::HoverPosition::NearDataPoint { plot_name, .. } => {
                Some((*plot_name).to_string())
            }
            _ => None,
        })
        .show(ui, |plot| {
            for l in lines {
                plot.line(l);
            }
        });
    ui.horizontal_wrapped(|ui| {
        for &a in &parties {
            ui.label(RichText::new("\u{25a0}").color(actor_color(a)));
            ui.small(&s.actor(a).name);
        }
    });
    egui::CollapsingHeader::new(RichText::new("The positions, numbered").small())
        .id_salt((id, "key"))
        .show(ui, |ui| {
            for (i, p) in positions.iter().enumerate() {
                ui.add(
                    egui::Label::new(RichText::new(format!("{}  {}", i + 1, p.label)).small())
                        .wrap(),
                );
            }
        });

    // Every variable, one small chart each.
    for (i, var) in s.variables.iter().enumerate() {
        let v = VarId(i);
        let color = theme::VARIABLES[i % theme::VARIABLES.len()];
        ui.add_space(6.0);
        let now_g = game.map(|g| var_series(s, g, v));
        let now_h = var_series(s, history, v);
        let value = now_g
            .as_ref()
            .unwrap_or(&now_h)
            .last()
            .map_or(0.0, |p| p[1]);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&var.label).strong());
            ui.label(RichText::new(format!("{value}")).color(color).strong());
            if game.is_some()
                && let Some(h) = now_h.last()
            {
                ui.small(format!("(history {})", h[1]));
            }
        });
        let lo = var.min.max(0) as f64;
        base_plot(s, &format!("{id}-var-{i}"), 92.0)
            .include_y(lo)
            .include_y(if var.max <= 100 {
                var.max as f64
            } else {
                value.max(now_h.last().map_or(0.0, |p| p[1])) + 5.0
            })
            .label_formatter(move |p: &egui_plot::HoverPosition<'_>| match p {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => Some(format!("{plot_name}: {}", position.y)),
                _ => None,
            })
            .show(ui, |plot| {
                let hl = Line::new(format!("{} ({hist})", var.label), PlotPoints::from(now_h))
                    .color(if game.is_some() {
                        color.gamma_multiply(0.6)
                    } else {
                        color
                    })
                    .width(if game.is_some() { 1.4 } else { 2.2 });
                plot.line(if game.is_some() {
                    hl.style(LineStyle::dashed_dense())
                } else {
                    hl
                });
                if let Some(g) = now_g {
                    plot.line(
                        Line::new(format!("{} ({yours})", var.label), PlotPoints::from(g))
                            .color(color)
                            .width(2.2),
                    );
                }
            });
        if !var.description.is_empty() {
            ui.add(egui::Label::new(RichText::new(&var.description).small().weak()).wrap());
        }
    }
}

/// A short solid or dashed line, for the charts' key.
fn line_sample(ui: &mut egui::Ui, dashed: bool) {
    let (r, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
    let stroke = egui::Stroke::new(2.0, ui.visuals().text_color());
    let y = r.center().y;
    if dashed {
        let mut x = r.left();
        while x < r.right() {
            ui.painter().line_segment(
                [egui::pos2(x, y), egui::pos2((x + 5.0).min(r.right()), y)],
                stroke,
            );
            x += 9.0;
        }
    } else {
        ui.painter()
            .line_segment([egui::pos2(r.left(), y), egui::pos2(r.right(), y)], stroke);
    }
}
