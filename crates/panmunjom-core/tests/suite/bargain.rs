//! The bargaining analysis on the historical path: when the zone of agreement opens.

use std::sync::Arc;

use chrono::NaiveDate;
use panmunjom_core::bargain::{self, timeline::historical_setup};

use crate::common::main_scenario;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a valid date")
}

fn analysis_at(d: &str) -> bargain::Analysis {
    let s = main_scenario();
    let game = bargain::walk_to(Arc::clone(&s), date(d));
    bargain::analyze(&s, &game.state).expect("the space is small")
}

#[test]
fn the_zone_is_empty_through_the_winter_of_1952_53() {
    for d in ["1952-06-15", "1952-12-15", "1953-02-01", "1953-03-05"] {
        let a = analysis_at(d);
        assert!(a.zone.is_empty(), "zone not empty on {d}: {:?}", a.zone);
        assert_eq!(a.nash, None);
    }
}

#[test]
fn by_the_terms_of_8_june_1953_the_zone_is_open_and_holds_them() {
    let s = main_scenario();
    let a = analysis_at("1953-06-08");
    assert!(!a.zone.is_empty());
    let terms = bargain::historical_deal(&s).expect("the scenario has historical terms");
    assert!(a.in_zone(&terms), "the historical terms lie in the zone");
    let nash = a.nash.expect("a Nash point when the zone is open");
    assert!(a.in_zone(&a.model.decode(nash)));
    // the historical terms are the worst acceptable deal for the Communist parties
    let view = bargain::BargainView::new(&s, &a, date("1953-06-08"));
    let hist = view.historical.expect("historical terms");
    for v in hist
        .valuations
        .iter()
        .filter(|v| v.actor == "prc" || v.actor == "dprk")
    {
        assert_eq!(v.gain, 0, "{} gets exactly its limits", v.actor);
    }
    let un = hist
        .valuations
        .iter()
        .find(|v| v.actor == "un")
        .expect("un");
    assert!(un.gain > 0);
}

#[test]
fn the_timeline_names_the_events_that_open_the_zone() {
    let s = main_scenario();
    let t = bargain::timeline(Arc::clone(&s), historical_setup(&s), None);
    let opened = t.opened.expect("the zone opens on the historical path");
    assert!(
        opened >= date("1953-03-01") && opened <= date("1953-08-31"),
        "opens in the spring or summer of 1953, not {opened}"
    );
    let ids: Vec<&str> = t.opened_by.iter().map(|&e| s.entry(e).id()).collect();
    assert!(ids.contains(&"1953-03-19-council-resolution"), "{ids:?}");
    // before it opened, the zone was empty at every point
    for p in t.points.iter().filter(|p| p.date < opened) {
        assert_eq!(p.zone_size, 0);
        assert!(!p.blocking.is_empty());
    }
}
