//! The story checker on every shipped scenario: in 10,000 random games of each (every
//! playable role, both policies, random table moves), no text shown presumes what the
//! game does not hold, no two excluded events fire on one day, no wartime event fires
//! after the game's agreement. The documented command runs it at 100,000 games.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use panmunjom_core::scenario::builtin;
use panmunjom_core::story;

#[test]
fn every_shipped_scenario_tells_a_true_story_in_10000_games() {
    let mut checked = 0;
    for shipped in builtin::shipped_scenarios() {
        let s = Arc::new(shipped.expect("the shipped scenario is valid"));
        let done = AtomicUsize::new(0);
        let report = story::check(&s, 10_000, 1, 0, &done);
        assert_eq!(
            done.load(Ordering::Relaxed),
            10_000,
            "{}: every game played",
            s.id
        );
        assert!(report.findings.is_empty(), "{}", report.text());
        checked += 1;
    }
    assert_eq!(
        checked,
        builtin::SHIPPED.len(),
        "every shipped scenario checked"
    );
}
