//! The debrief's "At the table" section: what became of your proposals, each beside the
//! historical proposal nearest in time issue by issue, the negotiation dance of every
//! party (your game beside history, move classes of Hindriks, Jonker & Tykhonov, with a
//! plot in utility space), who conceded what and when, and how far your terms lie from
//! the Nash point and from both frontiers.

use bevy_egui::egui::{self, RichText};
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoints, Points};

use crate::app::theme;
use crate::app::widgets::event_view::{badge, body, table_row, text_cell};
use crate::app::widgets::timeline::long_date;
use crate::compare::table::{Dance, DanceLine, DanceMove, Distances, Frontiers, TableDebrief};

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(14.0);
    ui.label(RichText::new(text).heading());
    ui.separator();
}

fn sub(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(text).strong().size(15.0));
}

/// The whole section.
pub(super) fn section(ui: &mut egui::Ui, t: &TableDebrief) {
    heading(ui, "At the table");
    if t.proposals.is_empty() {
        body(ui, "You tabled no proposal of your own.");
    }
    for v in &t.verdict {
        body(ui, v);
    }
    for (i, p) in t.proposals.iter().enumerate() {
        ui.push_id(("proposal", i), |ui| proposal(ui, p));
    }
    if !t.dances.is_empty() {
        sub(
            ui,
            "The negotiation dance (Hindriks, Jonker & Tykhonov 2007)",
        );
        ui.add(
            egui::Label::new(
                RichText::new(
                    "Each proposal after a party's first is a move, classed by what it does to the mover's utility and to its opponent's: a concession gives up some of its own, a selfish move takes more, fortunate and unfortunate moves raise or lower both, a nice move gives without losing, a silent one changes nothing. Utilities are the scenario's on the historical terms date, for your game and history alike.",
                )
                .weak(),
            )
            .wrap(),
        );
        ui.horizontal_wrapped(|ui| {
            for c in crate::compare::table::MoveClass::ALL {
                badge(ui, c.word(), theme::move_class(c));
            }
        });
        for (i, d) in t.dances.iter().enumerate() {
            ui.push_id(("dance", i), |ui| dance(ui, d));
        }
        conceded(ui, &t.dances);
    }
    if let Some(f) = &t.frontiers {
        frontiers(ui, f, t.distances.as_ref());
    }
}

fn proposal(ui: &mut egui::Ui, p: &crate::compare::table::ProposalBeside) {
    egui::Frame::group(ui.style())
        .inner_margin(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width() - 6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Your proposal of {}", long_date(p.date))).strong());
                ui.weak(&p.session);
                if p.agreed {
                    badge(ui, "agreed by every party", theme::SAME);
                } else {
                    badge(ui, "not agreed", theme::DIFFERENT);
                }
            });
            let history_head = match &p.nearest {
                Some((title, date, author)) => {
                    ui.weak(format!(
                        "Beside the historical proposal nearest in time: {title} ({author}, {date})"
                    ));
                    "History (nearest)".to_string()
                }
                None => "History".to_string(),
            };
            let cols = [0.28, 0.3, 0.3, 0.12];
            table_row(
                ui,
                &cols,
                vec![
                    text_cell(RichText::new("Issue").strong()),
                    text_cell(RichText::new("Yours").strong()),
                    text_cell(RichText::new(history_head).strong()),
                    text_cell(""),
                ],
                false,
            );
            for (k, i) in p.issues.iter().enumerate() {
                let same = i.same;
                table_row(
                    ui,
                    &cols,
                    vec![
                        text_cell(i.issue.as_str()),
                        text_cell(i.yours.as_deref().unwrap_or("(left open)")),
                        text_cell(
                            RichText::new(i.history.as_deref().unwrap_or("(left open)")).weak(),
                        ),
                        Box::new(move |ui: &mut egui::Ui| {
                            if same {
                                badge(ui, "same", theme::SAME);
                            } else {
                                badge(ui, "differs", theme::DIFFERENT);
                            }
                        }),
                    ],
                    k % 2 == 0,
                );
            }
            ui.add_space(4.0);
            egui::Grid::new("answers")
                .num_columns(3)
                .spacing([10.0, 2.0])
                .show(ui, |ui| {
                    for (who, reply, reason) in &p.answers {
                        ui.label(who);
                        let color = if reply.starts_with("accepted") {
                            theme::SAME
                        } else {
                            theme::DIFFERENT
                        };
                        ui.colored_label(color, reply);
                        ui.add(egui::Label::new(reason).wrap());
                        ui.end_row();
                    }
                });
        });
}

fn counts(line: &DanceLine) -> String {
    let parts: Vec<String> = line
        .counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| format!("{n} {}", c.word()))
        .collect();
    match (parts.is_empty(), line.moves.len()) {
        (false, _) => parts.join(", "),
        (true, 0) => "no proposals".into(),
        (true, n) => format!("{n} proposal, no move after it"),
    }
}

fn dance(ui: &mut egui::Ui, d: &Dance) {
    ui.add_space(10.0);
    ui.label(
        RichText::new(format!(
            "{} \u{2014} opponent: {}",
            d.actor_name, d.opponent
        ))
        .strong(),
    );
    let pts = |line: &DanceLine| -> Vec<[f64; 2]> {
        line.moves
            .iter()
            .map(|m| [m.own as f64, m.other as f64])
            .collect()
    };
    let (game, history) = (pts(&d.game), pts(&d.history));
    // A plot only when someone moved in utility space (not for a single point).
    let moved = |list: &[[f64; 2]]| list.windows(2).any(|w| w[0] != w[1]);
    if moved(&game) || moved(&history) {
        Plot::new("dance-plot")
            .height(190.0)
            .legend(Legend::default().position(egui_plot::Corner::RightTop))
            .x_axis_label(format!("{} utility", d.actor_name))
            .y_axis_label(format!("{} utility", d.opponent))
            .allow_scroll(false)
            .allow_drag(false)
            .allow_zoom(false)
            .show(ui, |p| {
                // History first, dashed, under the game: where they coincide the
                // game's line lies on history's.
                for (name, list, color, shape, dashed) in [
                    (
                        "history",
                        &history,
                        theme::DANCE_HISTORY,
                        MarkerShape::Circle,
                        true,
                    ),
                    (
                        "your game",
                        &game,
                        theme::DANCE_GAME,
                        MarkerShape::Up,
                        false,
                    ),
                ] {
                    if list.is_empty() {
                        continue;
                    }
                    let mut line = Line::new(name, PlotPoints::from(list.clone()))
                        .color(color)
                        .width(1.5);
                    if dashed {
                        line = line.style(egui_plot::LineStyle::dashed_loose());
                    }
                    p.line(line);
                    p.points(
                        Points::new(name, PlotPoints::from(list.clone()))
                            .radius(4.5)
                            .shape(shape)
                            .filled(true)
                            .color(color),
                    );
                }
            });
    }
    ui.columns(2, |cols| {
        for (col, (title, line)) in cols
            .iter_mut()
            .zip([("Your game", &d.game), ("History", &d.history)])
        {
            col.label(RichText::new(format!("{title}: {}", counts(line))).strong());
            if line.moves.is_empty() {
                col.weak("No proposal.");
            }
            for m in &line.moves {
                dance_move(col, m);
            }
        }
    });
}

fn dance_move(ui: &mut egui::Ui, m: &DanceMove) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(m.date.format("%-d %b %Y").to_string())
                .small()
                .strong(),
        );
        match m.class {
            Some(c) => badge(ui, c.word(), theme::move_class(c)),
            None => badge(ui, "first", theme::MARK_END),
        }
        ui.add(egui::Label::new(RichText::new(&m.label).small()).wrap());
    });
    if m.class.is_some() {
        ui.weak(format!("own {:+}, opponent {:+}", m.d_own, m.d_other));
    }
    for c in &m.changes {
        ui.add(
            egui::Label::new(
                RichText::new(format!("  {}: {} \u{27a1} {}", c.issue, c.from, c.to)).small(),
            )
            .wrap(),
        );
    }
}

/// Who gave up what, and when: every concession of your game, by date.
fn conceded(ui: &mut egui::Ui, dances: &[Dance]) {
    sub(ui, "Who conceded what, and when (your game)");
    let mut rows: Vec<(&DanceMove, &str)> = dances
        .iter()
        .flat_map(|d| {
            d.game
                .moves
                .iter()
                .filter(|m| m.d_own < 0)
                .map(move |m| (m, d.actor_name.as_str()))
        })
        .collect();
    rows.sort_by_key(|(m, _)| m.date);
    if rows.is_empty() {
        ui.weak("Nobody gave up any utility from one proposal to the next.");
        return;
    }
    let cols = [0.16, 0.22, 0.14, 0.48];
    table_row(
        ui,
        &cols,
        vec![
            text_cell(RichText::new("Date").strong()),
            text_cell(RichText::new("Party").strong()),
            text_cell(RichText::new("Own utility").strong()),
            text_cell(RichText::new("What it gave up").strong()),
        ],
        false,
    );
    for (k, (m, who)) in rows.iter().enumerate() {
        let what: Vec<String> = m
            .changes
            .iter()
            .map(|c| format!("{}: {} \u{27a1} {}", c.issue, c.from, c.to))
            .collect();
        table_row(
            ui,
            &cols,
            vec![
                text_cell(long_date(m.date)),
                text_cell(*who),
                text_cell(format!("{:+}", m.d_own)),
                text_cell(what.join("; ")),
            ],
            k % 2 == 0,
        );
    }
}

fn frontiers(ui: &mut egui::Ui, f: &Frontiers, d: Option<&Distances>) {
    sub(ui, &format!("The frontiers on {}", long_date(f.date)));
    egui::Grid::new("frontiers")
        .num_columns(4)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Frontier");
            ui.strong("Over which deals");
            ui.strong("Deals");
            ui.strong("Utility points");
            ui.end_row();
            ui.label(RichText::new("Zone frontier").color(theme::RATIONAL_FRONTIER));
            ui.label("those every party prefers to no deal (NegMAS's rational outcomes)");
            ui.label(f.rational_deals.to_string());
            ui.label(f.rational_points.to_string());
            ui.end_row();
            ui.label(RichText::new("Whole-space Pareto frontier").color(theme::PARETO));
            ui.label(format!(
                "every deal, wanted or not ({} of its deals in the zone of {})",
                f.full_in_zone, f.zone
            ));
            ui.label(f.full_deals.to_string());
            ui.label(f.full_points.to_string());
            ui.end_row();
        });
    ui.weak("The zone frontier is the one that teaches: the best deals a party could sign instead of fighting on.");
    let Some(d) = d else { return };
    sub(ui, &format!("How far {} lie", d.what));
    egui::Grid::new("distances")
        .num_columns(2)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("Worth to each party");
            let utils: Vec<String> = d
                .utilities
                .iter()
                .map(|(n, u)| format!("{n} {u}"))
                .collect();
            ui.label(utils.join(", "));
            ui.end_row();
            if let Some(n) = d.to_nash {
                ui.label("From the Nash point");
                ui.label(format!("{n} utility points"));
                ui.end_row();
            }
            ui.label(RichText::new("From the zone frontier").color(theme::RATIONAL_FRONTIER));
            ui.label(if d.rational {
                gap(d.to_rational_frontier)
            } else {
                "outside the zone: some party values it below no deal".into()
            });
            ui.end_row();
            ui.label(RichText::new("From the whole-space frontier").color(theme::PARETO));
            ui.label(gap(Some(d.to_frontier)));
            ui.end_row();
        });
}

fn gap(g: Option<i64>) -> String {
    match g {
        Some(0) => "on it".into(),
        Some(n) => {
            format!("{n} utility points short of the nearest deal at least as good for every party")
        }
        None => "no deal on it is at least as good for every party".into(),
    }
}
