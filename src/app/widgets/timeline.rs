//! The timeline strip: the whole period with the current date and the marked events.
//!
//! A mark's shape says how its side learnt of it (public, private channel, intelligence
//! report, a decision, the armistice); a filled mark is historical, a red ring marks a
//! counterfactual event. [`legend`] explains the marks.

use bevy_egui::egui::{self, Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};
use chrono::{Datelike, NaiveDate};

use crate::app::theme;
use crate::scenario::{Entry, Visibility};

/// How a side came to know of a timeline item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Public,
    Private,
    Report,
    Decision,
    /// A proposal put on the table (history's, yours, a counter-proposal).
    Offer,
    Armistice,
    End,
}

/// The marks the Play and Replay legends explain.
pub const LEGEND: [MarkKind; 6] = [
    MarkKind::Public,
    MarkKind::Private,
    MarkKind::Report,
    MarkKind::Decision,
    MarkKind::Offer,
    MarkKind::Armistice,
];

impl MarkKind {
    /// The mark of a step of the historical replay.
    pub fn of_step(s: &crate::scenario::Scenario, st: &crate::replay::ReplayStep) -> Self {
        match st.kind.as_str() {
            "decision" => MarkKind::Decision,
            "proposal" => MarkKind::Offer,
            "report" => MarkKind::Report,
            "armistice" => MarkKind::Armistice,
            "end" => MarkKind::End,
            _ => st
                .id
                .as_deref()
                .and_then(|id| s.entry_by_id(id))
                .and_then(|id| s.entry(id).as_event())
                .map_or(MarkKind::Public, |e| MarkKind::of_visibility(&e.visibility)),
        }
    }

    pub fn of_visibility(v: &Visibility) -> Self {
        match v {
            Visibility::Public => MarkKind::Public,
            Visibility::Private(_) => MarkKind::Private,
            Visibility::Intelligence { .. } => MarkKind::Private,
        }
    }

    pub fn color(self) -> Color32 {
        match self {
            MarkKind::Public => theme::MARK_PUBLIC,
            MarkKind::Private => theme::MARK_PRIVATE,
            MarkKind::Report => theme::MARK_REPORT,
            MarkKind::Decision => theme::MARK_DECISION,
            MarkKind::Offer => theme::MARK_OFFER,
            MarkKind::Armistice => theme::MARK_ARMISTICE,
            MarkKind::End => theme::MARK_END,
        }
    }

    /// The kind in words; the agreement's mark is named by the scenario's `noun`.
    pub fn name(self, noun: &str) -> &str {
        match self {
            MarkKind::Public => "public",
            MarkKind::Private => "private channel",
            MarkKind::Report => "intelligence report",
            MarkKind::Decision => "decision",
            MarkKind::Offer => "proposal at the table",
            MarkKind::Armistice => noun,
            MarkKind::End => "end",
        }
    }

    /// A one-character icon for lists (the same shapes as on the strip).
    pub fn icon(self) -> &'static str {
        match self {
            MarkKind::Public => "\u{25cf}",
            MarkKind::Private => "\u{25c6}",
            MarkKind::Report => "\u{25a0}",
            MarkKind::Decision => "\u{25b2}",
            MarkKind::Offer => "\u{25bc}",
            MarkKind::Armistice => "\u{2605}",
            MarkKind::End => "\u{25a1}",
        }
    }
}

/// One mark on the strip.
#[derive(Debug, Clone)]
pub struct Mark {
    pub date: NaiveDate,
    pub kind: MarkKind,
    pub counterfactual: bool,
    pub title: String,
    /// What clicking it selects (a log index or a step, as the screen likes).
    pub target: usize,
}

impl Mark {
    /// A mark for a timeline entry of the scenario seen as `kind`.
    pub fn for_entry(entry: &Entry, kind: MarkKind, target: usize) -> Self {
        Mark {
            date: entry.date(),
            kind,
            counterfactual: entry.as_event().is_some_and(|e| e.counterfactual),
            title: format!("{} \u{2014} {}", entry.date_text(), entry.title()),
            target,
        }
    }
}

/// "8 October 1952".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "Oct 1952".
pub fn month_date(d: NaiveDate) -> String {
    d.format("%b %Y").to_string()
}

const ROW: f32 = 11.0;
const ROWS: usize = 3;

/// Draws the strip from `start` to `end` with `now` marked; `selected` is highlighted;
/// `noun` names the agreement's mark. Returns the target of a clicked mark.
pub fn strip(
    ui: &mut egui::Ui,
    noun: &str,
    start: NaiveDate,
    end: NaiveDate,
    now: Option<NaiveDate>,
    marks: &[Mark],
    selected: Option<usize>,
) -> Option<usize> {
    let height = 22.0 + ROW * ROWS as f32 + 16.0;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    let painter = ui.painter_at(rect.expand(2.0));
    let visuals = ui.visuals();
    let span = (end - start).num_days().max(1) as f32;
    let left = rect.left() + 8.0;
    let width = rect.width() - 16.0;
    let x_of = |d: NaiveDate| left + width * ((d - start).num_days() as f32 / span).clamp(0.0, 1.0);
    let axis_y = rect.top() + 16.0;
    let weak = visuals.weak_text_color();
    let text = visuals.text_color();

    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    // The past, shaded.
    if let Some(now) = now {
        let past = Rect::from_min_max(
            pos2(left, rect.top() + 2.0),
            pos2(x_of(now), rect.bottom() - 2.0),
        );
        painter.rect_filled(past, 2.0, visuals.faint_bg_color);
    }
    painter.line_segment(
        [pos2(left, axis_y), pos2(left + width, axis_y)],
        Stroke::new(1.0, weak),
    );
    // Month ticks, labels on January, April, July and October.
    let mut d = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    while d <= end {
        if d >= start {
            let x = x_of(d);
            let quarter = d.month0().is_multiple_of(3);
            let h = if d.month() == 1 {
                7.0
            } else if quarter {
                5.0
            } else {
                3.0
            };
            painter.line_segment(
                [pos2(x, axis_y - h), pos2(x, axis_y + h)],
                Stroke::new(1.0, weak),
            );
            if quarter {
                let label = if d.month() == 1 {
                    d.format("%Y").to_string()
                } else {
                    d.format("%b").to_string()
                };
                let font = if d.month() == 1 {
                    egui::FontId::proportional(12.0)
                } else {
                    egui::FontId::proportional(10.5)
                };
                painter.text(
                    pos2(x + 2.0, axis_y - 3.0),
                    egui::Align2::LEFT_BOTTOM,
                    label,
                    font,
                    if d.month() == 1 { text } else { weak },
                );
            }
        }
        d = next_month(d);
    }

    // Marks in rows so that close ones do not hide each other.
    let mut last_x = [f32::NEG_INFINITY; ROWS];
    let mut placed: Vec<(Pos2, &Mark)> = Vec::with_capacity(marks.len());
    for m in marks {
        let x = x_of(m.date);
        let row = (0..ROWS)
            .find(|&r| x - last_x[r] >= 9.0)
            .unwrap_or_else(|| {
                (0..ROWS)
                    .min_by(|&a, &b| last_x[a].total_cmp(&last_x[b]))
                    .unwrap_or(0)
            });
        last_x[row] = x;
        placed.push((pos2(x, axis_y + 12.0 + ROW * row as f32), m));
    }
    let hovered = response
        .hover_pos()
        .and_then(|p| {
            placed
                .iter()
                .map(|(c, m)| (c.distance(p), *c, *m))
                .filter(|(dist, _, _)| *dist < 9.0)
                .min_by(|a, b| a.0.total_cmp(&b.0))
        })
        .map(|(_, c, m)| (c, m));
    for (c, m) in &placed {
        let sel = selected == Some(m.target);
        let hot = hovered.is_some_and(|(_, h)| std::ptr::eq(h, *m));
        draw_mark(
            &painter,
            *c,
            m.kind,
            m.counterfactual,
            if sel || hot { 1.45 } else { 1.0 },
            text,
        );
        if sel {
            painter.circle_stroke(*c, 7.5, Stroke::new(1.5, text));
        }
    }
    if let Some(now) = now {
        let x = x_of(now);
        let c = theme::NOW;
        painter.line_segment(
            [pos2(x, rect.top() + 2.0), pos2(x, rect.bottom() - 2.0)],
            Stroke::new(2.0, c),
        );
        let align = if x > rect.right() - 120.0 {
            egui::Align2::RIGHT_BOTTOM
        } else {
            egui::Align2::LEFT_BOTTOM
        };
        let dx = if align == egui::Align2::LEFT_BOTTOM {
            4.0
        } else {
            -4.0
        };
        painter.text(
            pos2(x + dx, rect.bottom() - 1.0),
            align,
            long_date(now),
            egui::FontId::proportional(11.5),
            c,
        );
    }
    let mut clicked = None;
    if let Some((_, m)) = hovered {
        let kind = if m.counterfactual {
            format!("{} \u{b7} counterfactual", m.kind.name(noun))
        } else {
            m.kind.name(noun).to_string()
        };
        let title = m.title.clone();
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(360.0);
            ui.strong(title);
            ui.weak(kind);
        });
        if response.clicked() {
            clicked = Some(m.target);
        }
    }
    clicked
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
}

/// Paints one mark centred on `c`.
pub fn draw_mark(
    painter: &egui::Painter,
    c: Pos2,
    kind: MarkKind,
    counterfactual: bool,
    scale: f32,
    outline: Color32,
) {
    let r = 4.2 * scale;
    let fill = kind.color();
    let stroke = Stroke::new(0.8, outline.gamma_multiply(0.6));
    match kind {
        MarkKind::Public => {
            painter.circle(c, r, fill, stroke);
        }
        MarkKind::Private => {
            let pts = vec![
                c + vec2(0.0, -r * 1.25),
                c + vec2(r * 1.1, 0.0),
                c + vec2(0.0, r * 1.25),
                c + vec2(-r * 1.1, 0.0),
            ];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
        MarkKind::Report => {
            painter.rect(
                Rect::from_center_size(c, Vec2::splat(r * 1.8)),
                1.0,
                fill,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
        MarkKind::Decision => {
            let pts = vec![
                c + vec2(0.0, -r * 1.3),
                c + vec2(r * 1.2, r * 0.9),
                c + vec2(-r * 1.2, r * 0.9),
            ];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
        MarkKind::Offer => {
            let pts = vec![
                c + vec2(-r * 1.2, -r * 0.9),
                c + vec2(r * 1.2, -r * 0.9),
                c + vec2(0.0, r * 1.3),
            ];
            painter.add(Shape::convex_polygon(pts, fill, stroke));
        }
        MarkKind::Armistice => {
            let mut pts = Vec::with_capacity(10);
            for i in 0..10 {
                let a = std::f32::consts::PI * (i as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
                let rr = if i % 2 == 0 { r * 1.6 } else { r * 0.7 };
                pts.push(c + vec2(a.cos() * rr, a.sin() * rr));
            }
            painter.add(Shape::closed_line(pts.clone(), Stroke::new(1.0, fill)));
            painter.circle_filled(c, r * 0.75, fill);
        }
        MarkKind::End => {
            painter.rect_stroke(
                Rect::from_center_size(c, Vec2::splat(r * 1.8)),
                1.0,
                Stroke::new(1.5, fill),
                egui::StrokeKind::Middle,
            );
        }
    }
    if counterfactual {
        painter.circle_stroke(c, r + 2.5, Stroke::new(1.8, theme::COUNTERFACTUAL));
    }
}

/// The legend of the marks, on one line (wrapping if narrow); `noun` names the
/// agreement's mark.
pub fn legend(ui: &mut egui::Ui, kinds: &[MarkKind], noun: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let outline = ui.visuals().text_color();
        for &k in kinds {
            icon(ui, k, false, outline);
            ui.small(k.name(noun));
            ui.add_space(6.0);
        }
        icon(ui, MarkKind::Public, true, outline);
        ui.small("counterfactual (did not happen in history)");
        ui.add_space(6.0);
        let (r, _) = ui.allocate_exact_size(vec2(10.0, 12.0), Sense::hover());
        ui.painter().line_segment(
            [r.center_top(), r.center_bottom()],
            Stroke::new(2.0, theme::NOW),
        );
        ui.small("now");
    });
}

/// A mark as an inline icon.
pub fn icon(ui: &mut egui::Ui, kind: MarkKind, counterfactual: bool, outline: Color32) {
    let (r, _) = ui.allocate_exact_size(vec2(16.0, 14.0), Sense::hover());
    draw_mark(ui.painter(), r.center(), kind, counterfactual, 0.9, outline);
}
