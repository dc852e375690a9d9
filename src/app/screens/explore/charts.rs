//! The explorer's results drawn: how the games ended (stacked bars), when the
//! armistice came (bars by month), the figures and the term sets (a table with share
//! bars) — each strategy in its own colour, beside history. Labels come from the
//! scenario (issue names, position labels), never its ids.

use bevy_egui::egui::{self, Color32, RichText};
use chrono::{Datelike, NaiveDate};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Plot, VLine};

use super::StrategyRun;
use crate::app::theme;
use crate::app::widgets::event_view::{Cell, table_row, text_cell};
use crate::app::widgets::timeline::long_date;
use crate::explore::ExploreReport;
use crate::scenario::Scenario;

/// The colour of the `k`-th strategy.
pub fn strategy_color(k: usize) -> Color32 {
    theme::STRATEGIES[k % theme::STRATEGIES.len()]
}

/// "27 Jul 1953".
fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A month as a number that counts months (`year * 12 + month - 1`).
fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// `YYYY-MM` (the report's months) as a month number.
fn parse_month(m: &str) -> Option<i32> {
    let (y, mo) = m.split_once('-')?;
    let (y, mo): (i32, i32) = (y.parse().ok()?, mo.parse().ok()?);
    (1..=12).contains(&mo).then_some(y * 12 + mo - 1)
}

/// "Jul 1953" for a month number.
fn month_label(i: i32) -> String {
    NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, 1)
        .map(|d| d.format("%b %Y").to_string())
        .unwrap_or_default()
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

/// How a report's games ended, as shares in the order of [`OUTCOMES`]: an armistice
/// before history's month, in it, after it; no armistice; any other ending.
fn outcome_counts(r: &ExploreReport) -> [usize; 5] {
    let hist = month_index(r.historical_date);
    // With no agreement in history, every agreement counts as "reached" (class 2).
    let agreed_in_history = r.historical_end.is_none();
    let mut c = [0; 5];
    for m in &r.months {
        match parse_month(&m.month).map(|i| i.cmp(&hist)) {
            Some(std::cmp::Ordering::Less) if agreed_in_history => c[0] += m.count,
            Some(std::cmp::Ordering::Equal) if agreed_in_history => c[1] += m.count,
            _ => c[2] += m.count,
        }
    }
    // The explorer's keys are in the scenario's noun ("armistice", "no_armistice").
    let key = r.noun.replace(' ', "_");
    let none = format!("no_{key}");
    for (ending, n) in &r.endings {
        if *ending == key {
        } else if *ending == none {
            c[3] += n;
        } else {
            c[4] += n;
        }
    }
    c
}

/// History's own bar: its agreement in its month, or no agreement.
fn history_counts(s: &Scenario) -> [usize; 5] {
    if s.armistice.agreed_in_history() {
        [0, 1, 0, 0, 0]
    } else {
        [0, 0, 0, 1, 0]
    }
}

/// The outcome classes: their colours, and their names for a historical month.
const OUTCOMES: [Color32; 5] = [
    theme::OUTCOME_EARLIER,
    theme::OUTCOME_AS_HISTORY,
    theme::OUTCOME_LATER,
    theme::OUTCOME_NONE,
    theme::OUTCOME_OTHER,
];

fn outcome_names(s: &Scenario) -> [String; 5] {
    let noun = s.agreement_noun();
    let m = month_label(month_index(s.armistice.historical_date));
    if !s.armistice.agreed_in_history() {
        return [
            String::new(),
            String::new(),
            format!("{noun} reached (history reached none)"),
            format!("no {noun} by {}, as in history", short_date(s.horizon)),
            "ended otherwise".to_string(),
        ];
    }
    [
        format!("{noun} before {m}"),
        format!("{noun} in {m}, as in history"),
        format!("{noun} after {m}"),
        format!("no {noun} by {}", short_date(s.horizon)),
        "ended otherwise".to_string(),
    ]
}

/// How the games ended: one stacked bar per strategy and one for history (all of it an
/// armistice in history's month), in per cent of the games, with the figures on the
/// segments and a legend of the classes that occur.
pub fn outcomes(ui: &mut egui::Ui, s: &Scenario, runs: &[StrategyRun]) {
    let names = outcome_names(s);
    let mut rows: Vec<(String, Color32, [usize; 5], usize)> = runs
        .iter()
        .enumerate()
        .map(|(k, r)| {
            (
                r.name.clone(),
                strategy_color(k),
                outcome_counts(&r.report),
                r.report.runs,
            )
        })
        .collect();
    rows.push((
        "History".into(),
        theme::HISTORICAL_BAR,
        history_counts(s),
        1,
    ));
    let label_width = 160.0;
    for (name, color, counts, total) in &rows {
        ui.horizontal(|ui| {
            ui.add_sized(
                [label_width, 22.0],
                egui::Label::new(RichText::new(name).color(*color).strong()).truncate(),
            );
            let width = (ui.available_width() - 8.0).max(80.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 22.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, theme::BAR_TRACK);
            let mut x = rect.left();
            for (class, &n) in counts.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let p = percent(n, *total);
                let w = rect.width() * (p / 100.0) as f32;
                let seg = egui::Rect::from_min_size(
                    egui::pos2(x, rect.top()),
                    egui::vec2(w, rect.height()),
                );
                x += w;
                ui.painter().rect_filled(seg, 0.0, OUTCOMES[class]);
                if w > 44.0 {
                    let text = if *total == 1 && s.armistice.agreed_in_history() {
                        format!("signed {}", long_date(s.armistice.historical_date))
                    } else if *total == 1 {
                        format!(
                            "none: the talks ended {}",
                            long_date(s.armistice.historical_date)
                        )
                    } else {
                        format!("{p:.0}%")
                    };
                    ui.painter().text(
                        seg.center(),
                        egui::Align2::CENTER_CENTER,
                        text,
                        egui::FontId::proportional(13.0),
                        theme::BAR_TEXT,
                    );
                }
                let hover = if *total == 1 {
                    format!("History: {}", names[class])
                } else {
                    format!("{name}: {p:.1}% ({} games) {}", thousands(n), names[class])
                };
                ui.interact(seg, ui.id().with((name, class)), egui::Sense::hover())
                    .on_hover_text(hover);
            }
        });
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for (class, name) in names.iter().enumerate() {
            if rows.iter().all(|r| r.2[class] == 0) {
                continue;
            }
            // One label per class (a square in its colour, then its name), so that
            // the line breaks between classes, never inside one.
            let mut job = egui::text::LayoutJob::default();
            let font = egui::TextStyle::Small.resolve(ui.style());
            let text = ui.visuals().text_color();
            job.append(
                "\u{25a0} ",
                0.0,
                egui::TextFormat::simple(font.clone(), OUTCOMES[class]),
            );
            job.append(name, 0.0, egui::TextFormat::simple(font, text));
            ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Extend));
            ui.add_space(6.0);
        }
    });
}

/// When the armistice came: per month, one bar per strategy (share of its games),
/// and history's date as a red line.
pub fn dates(ui: &mut egui::Ui, s: &Scenario, runs: &[StrategyRun]) {
    let hist = s.armistice.historical_date;
    let hist_month = month_index(hist);
    let months: Vec<Vec<(i32, usize)>> = runs
        .iter()
        .map(|r| {
            r.report
                .months
                .iter()
                .filter_map(|m| Some((parse_month(&m.month)?, m.count)))
                .collect()
        })
        .collect();
    let all = months.iter().flatten().map(|(i, _)| *i);
    let lo = all.clone().min().unwrap_or(hist_month).min(hist_month);
    let hi = all.max().unwrap_or(hist_month).max(hist_month);
    let n = runs.len().max(1);
    let width = 0.84 / n as f64;
    let charts: Vec<BarChart> = runs
        .iter()
        .zip(&months)
        .enumerate()
        .map(|(k, (r, ms))| {
            let offset = (k as f64 - (n as f64 - 1.0) / 2.0) * width;
            let total = r.report.runs;
            let bars = ms
                .iter()
                .map(|&(i, count)| {
                    Bar::new((i - lo) as f64 + offset, percent(count, total))
                        .width(width * 0.92)
                        .fill(strategy_color(k).gamma_multiply(0.85))
                        .stroke(egui::Stroke::new(1.0, strategy_color(k)))
                        .name(month_label(i))
                })
                .collect();
            let name = r.name.clone();
            BarChart::new(format!("{} ({})", r.name, k), bars)
                .name(&r.name)
                .color(strategy_color(k))
                .element_formatter(Box::new(move |bar, _| {
                    format!("{name}\n{}: {:.1}% of games", bar.name, bar.value)
                }))
        })
        .collect();
    // The historical date inside its month's column (columns span i - 0.5 .. i + 0.5).
    let days = days_in_month(hist);
    let hist_x = (hist_month - lo) as f64 - 0.5 + f64::from(hist.day0()) / days;
    let span = hi - lo + 1;
    let step = (span as f64 / 14.0).ceil().max(1.0) as i32;
    Plot::new("explore-dates")
        .height(250.0)
        .legend(
            Legend::default()
                .position(Corner::LeftTop)
                .follow_insertion_order(true),
        )
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(-0.6)
        .include_x(f64::from(span) - 0.4)
        .include_y(0.0)
        .y_axis_label("% of games")
        .y_axis_formatter(|m, _| format!("{}%", m.value))
        .x_grid_spacer(move |_| {
            (0..span)
                .filter(|i| i % step == 0)
                .map(|i| GridMark {
                    value: f64::from(i),
                    step_size: f64::from(step),
                })
                .collect()
        })
        .x_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() > 1e-6 {
                return String::new();
            }
            month_label(lo + i as i32)
        })
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
            p.vline(
                VLine::new(format!("history: {}", long_date(hist)), hist_x)
                    .color(theme::HISTORICAL_BAR)
                    .width(2.0),
            );
        });
}

fn days_in_month(d: NaiveDate) -> f64 {
    let first = d.with_day(1).unwrap_or(d);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (next - first).num_days().max(1) as f64
}

/// The figures of each strategy beside history's, in a table.
pub fn figures(ui: &mut egui::Ui, s: &Scenario, runs: &[StrategyRun]) {
    let hist = s.armistice.historical_date;
    let noun = s.agreement_noun();
    let agreed = s.armistice.agreed_in_history();
    let hist_date = || {
        if agreed {
            short_date(hist)
        } else {
            "\u{2013}".to_string()
        }
    };
    let cost_label = s.cost_of_delay.map(|v| s.variables[v.0].label.clone());
    egui::Grid::new("explore-figures")
        .striped(true)
        .spacing([18.0, 6.0])
        .show(ui, |ui| {
            ui.label("");
            for (k, r) in runs.iter().enumerate() {
                ui.label(RichText::new(&r.name).strong().color(strategy_color(k)));
            }
            ui.label(
                RichText::new("History")
                    .strong()
                    .color(theme::HISTORICAL_BAR),
            );
            ui.end_row();

            let row = |ui: &mut egui::Ui, name: &str, cells: Vec<String>, hist: String| {
                ui.label(name);
                for c in cells {
                    ui.label(c);
                }
                ui.label(hist);
                ui.end_row();
            };
            let each = |f: &dyn Fn(&ExploreReport) -> String| -> Vec<String> {
                runs.iter().map(|r| f(&r.report)).collect()
            };
            row(
                ui,
                "Games",
                each(&|r| thousands(r.runs)),
                "one path".to_string(),
            );
            row(
                ui,
                &format!("{} signed", crate::scenario::capitalise(noun)),
                each(&|r| {
                    format!(
                        "{} ({:.0}%)",
                        thousands(r.armistice),
                        percent(r.armistice, r.runs)
                    )
                }),
                if agreed { "yes" } else { "no" }.to_string(),
            );
            let date = |pick: fn(&crate::explore::summary::Spread<NaiveDate>) -> NaiveDate| {
                move |r: &ExploreReport| {
                    r.dates
                        .as_ref()
                        .map_or("\u{2013}".into(), |d| short_date(pick(d)))
                }
            };
            row(
                ui,
                &format!("Earliest {noun}"),
                each(&date(|d| d.min)),
                hist_date(),
            );
            row(
                ui,
                &format!("Median {noun}"),
                each(&date(|d| d.median)),
                hist_date(),
            );
            row(
                ui,
                &format!("Latest {noun}"),
                each(&date(|d| d.max)),
                hist_date(),
            );
            row(
                ui,
                &format!(
                    "On the terms of {}",
                    short_date(s.armistice.historical_terms_date)
                ),
                each(&|r| {
                    format!(
                        "{} ({:.0}%)",
                        thousands(r.historical_terms),
                        percent(r.historical_terms, r.runs)
                    )
                }),
                if agreed { "yes" } else { "\u{2013}" }.to_string(),
            );
            if runs.iter().any(|r| r.agreed_at_table.is_some()) {
                ui.label("Your package agreed at the table");
                for r in runs {
                    ui.label(r.agreed_at_table.map_or("\u{2013}".to_string(), |n| {
                        format!("{} ({:.0}%)", thousands(n), percent(n, r.report.runs))
                    }));
                }
                ui.label("\u{2013}");
                ui.end_row();
            }
            row(
                ui,
                "Divergence from history",
                each(&|r| {
                    r.divergence.map_or("\u{2013}".into(), |d| {
                        format!("median {} ({}\u{2013}{})", d.median, d.min, d.max)
                    })
                }),
                "0".to_string(),
            );
            row(
                ui,
                "Games identical to history",
                each(&|r| thousands(r.same_as_history)),
                "\u{2013}".to_string(),
            );
            if let Some(label) = &cost_label {
                row(
                    ui,
                    &format!("{label} at the end"),
                    each(&|r| {
                        r.cost_of_delay.map_or("\u{2013}".into(), |c| {
                            format!("median {} ({}\u{2013}{})", c.median, c.min, c.max)
                        })
                    }),
                    runs.first()
                        .and_then(|r| r.report.historical_cost_of_delay)
                        .map_or("\u{2013}".into(), |h| h.to_string()),
                );
            }
        });
}

/// 12,345.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A set of terms as (issue id, position id or `-`) pairs, the report's form.
type Terms = Vec<(String, String)>;

/// The historical terms in the report's form.
fn historical_terms(s: &Scenario) -> Terms {
    s.issues
        .iter()
        .zip(s.armistice.historical_terms.iter().flatten())
        .map(|(issue, p)| (issue.id.clone(), issue.positions[p.0].id.clone()))
        .collect()
}

/// How a set of terms differs from history's, in the scenario's words: one line per
/// issue that differs ("Who holds the unwilling: UN Command keeps them").
pub fn differences(s: &Scenario, terms: &Terms, hist: &Terms) -> Vec<String> {
    terms
        .iter()
        .filter(|t| !hist.contains(t))
        .map(|(issue, pos)| {
            let Some(i) = s.issues.iter().find(|i| &i.id == issue) else {
                return format!("{issue}: {pos}");
            };
            let label = if pos == "-" {
                "not agreed".to_string()
            } else {
                i.positions
                    .iter()
                    .find(|p| &p.id == pos)
                    .map_or(pos.clone(), |p| p.label.clone())
            };
            format!("{}: {label}", i.name)
        })
        .collect()
}

/// A bar showing a share, with its figure beside it.
fn share_bar(ui: &mut egui::Ui, share: Option<(usize, usize)>, color: Color32) {
    ui.horizontal(|ui| {
        let width = (ui.available_width() - 96.0).clamp(40.0, 200.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, theme::BAR_TRACK);
        match share {
            Some((n, of)) => {
                let p = percent(n, of);
                let mut fill = rect;
                fill.set_width(rect.width() * (p / 100.0) as f32);
                ui.painter().rect_filled(fill, 2.0, color);
                ui.label(format!("{p:.1}% ({})", thousands(n)));
            }
            None => {
                ui.weak("\u{2013}")
                    .on_hover_text("Not among this strategy's five most frequent sets of terms.");
            }
        }
    });
}

/// The sets of terms the games ended on, history's first: how each differs from
/// history, and the share of each strategy's games that ended on it.
pub fn terms(ui: &mut egui::Ui, s: &Scenario, runs: &[StrategyRun]) {
    let hist = historical_terms(s);
    // Every set among some strategy's most frequent, history's excluded (its row is
    // first, counted exactly by every report).
    let mut sets: Vec<(Terms, Vec<Option<usize>>)> = Vec::new();
    for (k, r) in runs.iter().enumerate() {
        for t in r.report.terms.iter().filter(|t| t.terms != hist) {
            match sets.iter_mut().find(|(terms, _)| *terms == t.terms) {
                Some((_, counts)) => counts[k] = Some(t.count),
                None => {
                    let mut counts = vec![None; runs.len()];
                    counts[k] = Some(t.count);
                    sets.push((t.terms.clone(), counts));
                }
            }
        }
    }
    let best = |c: &Vec<Option<usize>>| c.iter().flatten().max().copied().unwrap_or(0);
    sets.sort_by_key(|b| std::cmp::Reverse(best(&b.1)));

    let n = runs.len();
    let bar_share = (0.42 / n as f32).clamp(0.16, 0.3);
    let mut fractions = vec![1.0 - bar_share * n as f32];
    fractions.extend(std::iter::repeat_n(bar_share, n));
    let mut header: Vec<Cell> = vec![text_cell(RichText::new("Terms").strong())];
    for (k, r) in runs.iter().enumerate() {
        header.push(text_cell(
            RichText::new(&r.name).strong().color(strategy_color(k)),
        ));
    }
    table_row(ui, &fractions, header, false);

    let mut cells: Vec<Cell> = vec![Box::new(|ui: &mut egui::Ui| {
        ui.label(
            RichText::new(format!(
                "The terms of {} (history)",
                long_date(s.armistice.historical_terms_date)
            ))
            .strong()
            .color(theme::HISTORICAL_BAR),
        );
        ui.weak(format!("as signed in the {}", s.agreement_noun()));
    })];
    for (k, r) in runs.iter().enumerate() {
        let share = Some((r.report.historical_terms, r.report.runs));
        cells.push(Box::new(move |ui: &mut egui::Ui| {
            share_bar(ui, share, strategy_color(k))
        }));
    }
    table_row(ui, &fractions, cells, true);

    for (row, (terms, counts)) in sets.iter().enumerate() {
        let diff = differences(s, terms, &hist);
        let mut cells: Vec<Cell> = vec![Box::new(move |ui: &mut egui::Ui| {
            ui.label(
                RichText::new(format!(
                    "Differs from history on {} issue{}:",
                    diff.len(),
                    if diff.len() == 1 { "" } else { "s" }
                ))
                .weak(),
            );
            for d in diff {
                ui.add(egui::Label::new(format!("\u{2022} {d}")).wrap());
            }
        })];
        for (k, r) in runs.iter().enumerate() {
            let share = counts[k].map(|c| (c, r.report.runs));
            cells.push(Box::new(move |ui: &mut egui::Ui| {
                share_bar(ui, share, strategy_color(k))
            }));
        }
        table_row(ui, &fractions, cells, row % 2 == 1);
    }
    if sets.is_empty() && runs.iter().all(|r| r.report.historical_terms == 0) {
        ui.weak(format!("No game ended in the {}.", s.agreement_noun()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_label() {
        assert_eq!(parse_month("1953-07"), Some(1953 * 12 + 6));
        assert_eq!(parse_month("1953-13"), None);
        assert_eq!(month_label(1953 * 12 + 6), "Jul 1953");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
