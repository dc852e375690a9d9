//! The explorer's cost line follows the variable the scenario declares.

use std::sync::atomic::AtomicUsize;

use super::{Config, explore};
use crate::engine::Policy;
use crate::testkit::{actor, load, text};

const OPENING: &str =
    r#"Event(id: "open", date: "1952-02-04", title: "Talks open", sources: [(source: "Notes")])"#;

fn report_of(scenario_text: &str) -> super::ExploreReport {
    let s = load(scenario_text);
    let cfg = Config {
        role: actor(&s, "north"),
        runs: 3,
        policy: Policy::Historical,
        seed: 5,
        vary: None,
        threads: 1,
    };
    explore(&s, &cfg, &AtomicUsize::new(0)).unwrap()
}

/// Regression (no hidden ids): the explorer looked the variable up by the id
/// `cost_of_delay`, so a scenario whose cost variable had another id (here `cost`)
/// silently lost the cost line.
#[test]
fn the_cost_line_reports_the_declared_variable_whatever_its_id() {
    let r = report_of(&text(OPENING));
    // No armistice: 51 whole weeks of drift at 2 a week, to the horizon.
    let spread = r.cost_of_delay.expect("the scenario declares `cost`");
    assert_eq!((spread.min, spread.median, spread.max), (102, 102, 102));
    assert_eq!(r.historical_cost_of_delay, Some(102));
    assert!(
        crate::report::explore_text::render(&r).contains(
            "COST OF DELAY (points at the end): min 102, median 102, max 102; history 102."
        ),
    );
}

#[test]
fn without_a_declared_cost_of_delay_there_is_no_cost_line() {
    let r = report_of(&text(OPENING).replacen("cost_of_delay: \"cost\",", "", 1));
    assert_eq!(r.cost_of_delay, None);
    assert_eq!(r.historical_cost_of_delay, None);
    assert!(!crate::report::explore_text::render(&r).contains("COST OF DELAY"));
}
