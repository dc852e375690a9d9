//! The pages' charts as inline SVG, drawn with plotters' SVG backend (it escapes the
//! labels it writes). A chart that cannot be drawn gives an empty string: the page
//! keeps its table of the same figures.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The colours of the pages' style sheet.
const GAME: RGBColor = RGBColor(0x1f, 0x5f, 0xa8);
const HIST: RGBColor = RGBColor(0xb8, 0x41, 0x2c);
const INK: RGBColor = RGBColor(0x1d, 0x1d, 0x1f);
const MUTED: RGBColor = RGBColor(0x5b, 0x5b, 0x66);
const FONT: &str = "sans-serif";

/// One bar of a column chart.
pub struct Column {
    /// The label under it (empty: none; long runs of bars label every few).
    pub label: String,
    pub count: usize,
    /// Drawn in the history colour.
    pub highlight: bool,
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn draw(size: (u32, u32), f: impl FnOnce(&Area) -> Result<(), String>) -> String {
    let mut svg = String::new();
    let ok = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE)
            .map_err(|e| e.to_string())
            .and_then(|()| f(&root))
            .and_then(|()| root.present().map_err(|e| e.to_string()))
    };
    if ok.is_ok() { svg } else { String::new() }
}

/// A column chart: counts per category, `y_desc` up the side.
pub fn columns(bars: &[Column], y_desc: &str) -> String {
    if bars.is_empty() {
        return String::new();
    }
    let n = bars.len();
    let top = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    // Headroom for the count over the tallest bar.
    let y_max = top + top.div_ceil(8).max(1);
    draw((760, 300), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(46)
            .y_label_area_size(44)
            .build_cartesian_2d((0..n).into_segmented(), 0..y_max)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(RGBColor(0xe2, 0xe2, 0xe8))
            .light_line_style(WHITE)
            .y_desc(y_desc)
            .y_labels(6)
            .x_labels(n)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => {
                    bars.get(*i).map(|b| b.label.clone()).unwrap_or_default()
                }
                _ => String::new(),
            })
            .label_style((FONT, 13).into_font().color(&INK))
            .axis_desc_style((FONT, 13).into_font().color(&MUTED))
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, b)| {
                let colour = if b.highlight { HIST } else { GAME };
                let mut r = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0),
                        (SegmentValue::Exact(i + 1), b.count),
                    ],
                    colour.filled(),
                );
                r.set_margin(0, 0, 2, 2);
                r
            }))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(
                bars.iter()
                    .enumerate()
                    .filter(|(_, b)| b.count > 0)
                    .map(|(i, b)| {
                        Text::new(
                            b.count.to_string(),
                            (SegmentValue::CenterOf(i), b.count),
                            (FONT, 12)
                                .into_font()
                                .color(&INK)
                                .pos(Pos::new(HPos::Center, VPos::Bottom)),
                        )
                    }),
            )
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}

/// A variable over time, the game's line beside history's; x in days from the first
/// sample, labelled with `x_label(day)`.
pub fn lines(points: &[(i64, i64, i64)], x_label: &dyn Fn(i64) -> String, y_desc: &str) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return String::new();
    };
    let x0 = first.0;
    let x1 = last.0.max(x0 + 1);
    let lo = points.iter().map(|p| p.1.min(p.2)).min().unwrap_or(0);
    let hi = points.iter().map(|p| p.1.max(p.2)).max().unwrap_or(0);
    let pad = ((hi - lo) / 10).max(1);
    let (y0, y1) = (lo - pad, hi + pad);
    draw((760, 240), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(30)
            .y_label_area_size(56)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .bold_line_style(RGBColor(0xe2, 0xe2, 0xe8))
            .light_line_style(WHITE)
            .x_labels(6)
            .y_labels(5)
            .x_label_formatter(&|d| x_label(*d))
            .y_desc(y_desc)
            .label_style((FONT, 13).into_font().color(&INK))
            .axis_desc_style((FONT, 13).into_font().color(&MUTED))
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(
                points.iter().map(|p| (p.0, p.2)),
                HIST.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(
                points.iter().map(|p| (p.0, p.1)),
                GAME.stroke_width(3),
            ))
            .map_err(|e| e.to_string())?;
        Ok(())
    })
}
