//! The Bargaining panel: the deals by the UN's and the Communist side's utilities.
//!
//! Press B on the Play or Debrief screen to show or hide it. Every deal of the
//! outcome space is a grey point (x: the first armistice party's utility, the UN
//! Command; y: the sum of the other parties', the Communist side); the zone of
//! agreement is green, the Pareto frontier of all deals blue, the frontier of the deals
//! every party prefers to no deal (NegMAS's rational frontier) outlined squares, the historical terms a red diamond
//! and the game's own deal (its agreement's terms) a smaller yellow square (drawn on
//! top, so the diamond rings it when they coincide). The offers tabled in the game are
//! marked and numbered as on the Table panel (#1, #2, …), joined in order per side — the
//! negotiation's dance: your side's as upward triangles, the other sides' as downward
//! ones. An offer that leaves issues open is placed with its author's own public
//! position on those issues (what it holds until they are settled).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Text};

use crate::app::Screen;
use crate::app::theme;
use crate::bargain;
use crate::engine::Game;
use crate::sim::CurrentGame;

/// Whether the panel shows.
#[derive(Resource, Debug, Default)]
pub struct BargainPanel {
    pub open: bool,
}

pub struct BargainingPlugin;

impl Plugin for BargainingPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<BargainPanel>().add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::Play).or_else(in_state(Screen::Debrief))),
        );
    }
}

/// A deal's point: (UN, Communist side).
fn point(a: &bargain::Analysis, deal: &[usize]) -> [f64; 2] {
    let u = a.party_utilities(deal);
    let x = u.first().copied().unwrap_or(0);
    let y: i64 = u.iter().skip(1).sum();
    [x as f64, y as f64]
}

/// An offer's place in utility space: (its number on the Table panel, the point, whether
/// the player's side tabled it). Open issues take the author's own positions then
/// ([`crate::engine::Tabled::package`]).
pub fn offer_points(game: &Game, a: &bargain::Analysis) -> Vec<(usize, [f64; 2], bool)> {
    game.table_history()
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let deal = bargain::deal_of(&t.package())?;
            Some((i + 1, point(a, &deal), t.author == game.setup.role))
        })
        .collect()
}

fn draw(
    mut contexts: EguiContexts,
    game: Option<Res<CurrentGame>>,
    seat: Option<Res<crate::app::screens::play::HotSeat>>,
    mut panel: ResMut<BargainPanel>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Not in a hot-seat game: the panel shows every side's limits and every session's
    // offers, which one delegation must not see of another.
    if seat.is_some_and(|s| s.active()) {
        panel.open = false;
        return Ok(());
    }
    if ctx.input(|i| i.key_pressed(egui::Key::B)) {
        panel.open = !panel.open;
    }
    let Some(game) = game else { return Ok(()) };
    if !panel.open {
        return Ok(());
    }
    let s = &game.0.scenario;
    let Ok(a) = bargain::analyze(s, &game.0.state) else {
        return Ok(());
    };
    let m = &a.model;
    let all: Vec<[f64; 2]> = (0..m.size()).map(|i| point(&a, &m.decode(i))).collect();
    let zone: Vec<[f64; 2]> = a.zone.iter().map(|&i| point(&a, &m.decode(i))).collect();
    let frontier: Vec<[f64; 2]> = a
        .frontier
        .iter()
        .map(|&i| point(&a, &m.decode(i)))
        .collect();
    let rational: Vec<[f64; 2]> = bargain::rational_frontier(m)
        .into_iter()
        .map(|i| point(&a, &m.decode(i)))
        .collect();
    let hist = bargain::historical_deal(s).map(|d| point(&a, &d));
    let own = game
        .0
        .state
        .armistice
        .as_ref()
        .and_then(|arm| bargain::deal_of(&arm.terms))
        .map(|d| point(&a, &d));
    let nash = a.nash.map(|n| point(&a, &m.decode(n)));
    let offers = offer_points(&game.0, &a);
    let mut open = panel.open;
    egui::Window::new("Bargaining (B)")
        .open(&mut open)
        .default_size([640.0, 480.0])
        .show(ctx, |ui| {
            let zone_text = if a.zone.is_empty() {
                "Zone of agreement: empty".to_string()
            } else {
                format!("Zone of agreement: {} deals", a.zone.len())
            };
            ui.label(format!(
                "{} on {} \u{b7} {} deals \u{b7} frontier {}",
                zone_text,
                game.0.state.date,
                m.size(),
                a.frontier.len()
            ));
            Plot::new("bargaining-plot")
                .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
                .x_axis_label("UN Command utility")
                .y_axis_label("Communist side utility (sum)")
                .show(ui, |p| {
                    p.points(
                        Points::new("deals", PlotPoints::from(all))
                            .radius(1.5)
                            .color(theme::DEALS),
                    );
                    p.points(
                        Points::new("Pareto frontier (all deals)", PlotPoints::from(frontier))
                            .radius(2.5)
                            .color(theme::PARETO),
                    );
                    p.points(
                        Points::new(
                            "rational frontier (deals all prefer to none)",
                            PlotPoints::from(rational),
                        )
                        .radius(4.5)
                        .shape(MarkerShape::Square)
                        .filled(false)
                        .color(theme::RATIONAL_FRONTIER),
                    );
                    p.points(
                        Points::new("zone of agreement", PlotPoints::from(zone))
                            .radius(3.5)
                            .color(theme::ZONE),
                    );
                    if let Some(n) = nash {
                        p.points(
                            Points::new("Nash point", PlotPoints::from(vec![n]))
                                .radius(6.0)
                                .shape(MarkerShape::Circle)
                                .filled(false)
                                .color(theme::NASH),
                        );
                    }
                    if let Some(h) = hist {
                        p.points(
                            Points::new("historical terms", PlotPoints::from(vec![h]))
                                .radius(8.0)
                                .shape(MarkerShape::Diamond)
                                .color(theme::HISTORICAL_TERMS),
                        );
                    }
                    for (mine, color, shape, name) in [
                        (true, theme::OFFER_OWN, MarkerShape::Up, "your offers"),
                        (
                            false,
                            theme::OFFER_OTHER,
                            MarkerShape::Down,
                            "the other sides' offers",
                        ),
                    ] {
                        let pts: Vec<[f64; 2]> =
                            offers.iter().filter(|o| o.2 == mine).map(|o| o.1).collect();
                        if pts.is_empty() {
                            continue;
                        }
                        p.line(
                            Line::new(name, PlotPoints::from(pts.clone()))
                                .color(color)
                                .width(1.0),
                        );
                        p.points(
                            Points::new(name, PlotPoints::from(pts))
                                .radius(6.0)
                                .shape(shape)
                                .filled(true)
                                .color(color),
                        );
                    }
                    for (n, [x, y], mine) in &offers {
                        let color = if *mine {
                            theme::OFFER_OWN
                        } else {
                            theme::OFFER_OTHER
                        };
                        p.text(
                            Text::new("", PlotPoint::new(*x, *y), format!("  #{n}"))
                                .anchor(egui::Align2::LEFT_BOTTOM)
                                .color(color),
                        );
                    }
                    if let Some(o) = own {
                        p.points(
                            Points::new(
                                format!("your {}", s.agreement_noun()),
                                PlotPoints::from(vec![o]),
                            )
                            .radius(4.0)
                            .shape(MarkerShape::Square)
                            .color(theme::OWN_TERMS),
                        );
                    }
                });
        });
    panel.open = open;
    Ok(())
}
