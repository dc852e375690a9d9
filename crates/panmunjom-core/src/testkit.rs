//! Small scenarios for unit tests, written in RON and loaded through the checker, so
//! that a test reads like the file an author writes.

use std::sync::Arc;

use crate::scenario::builtin::Lookup;
use crate::scenario::check::load_str;
use crate::scenario::{ActorId, EntryId, Scenario};

/// A two-party negotiation over two issues; `TIMELINE` is replaced by a test's entries.
///
/// - `north` (playable) starts at `prisoners: all` (limit `some`) and `custody:
///   commission` (limit `commission`); it dislikes `cost` and likes `trust`; settle 5.
/// - `south` (playable) starts at `prisoners: willing` (limit `some`) and `custody:
///   commission`.
/// - `cost` drifts by 2 a week from 0 (max 500); `trust` starts at 50 (0..100).
/// - The armistice needs the flag `talks`; the signing rule signs after 14 days.
pub const BASE: &str = r#"(
    id: "unit",
    title: "Unit test negotiation",
    start: "1952-01-07",
    end: "1952-12-31",
    horizon: "1952-12-31",
    adaptive_noise: 0,
    cost_of_delay: "cost",
    sources: [(id: "Notes", title: "Test notes")],
    actors: [
        (id: "north", name: "North side", playable: true,
         stances: [
            (issue: "prisoners", position: "all", limit: "some", weight: 3),
            (issue: "custody", position: "commission", limit: "commission", weight: 2),
         ],
         interests: [(variable: "cost", weight: -1), (variable: "trust", weight: 2)],
         settle: 5),
        (id: "south", name: "South side", playable: true,
         stances: [
            (issue: "prisoners", position: "willing", limit: "some", weight: 5),
            (issue: "custody", position: "commission", limit: "commission", weight: 1),
         ]),
        (id: "broker", name: "Broker"),
    ],
    issues: [
        (id: "prisoners", name: "Prisoners", positions: [
            (id: "all", label: "All return"),
            (id: "some", label: "Some return"),
            (id: "willing", label: "Only the willing return"),
        ]),
        (id: "custody", name: "Custody", positions: [
            (id: "commission", label: "A commission"),
            (id: "release", label: "Release at once"),
        ]),
    ],
    variables: [
        (id: "cost", label: "Cost", initial: 0, max: 500, per_week: 2),
        (id: "trust", label: "Trust", initial: 50),
    ],
    flags: [(id: "talks", label: "Talks in session", initial: true)],
    timeline: [TIMELINE],
    armistice: (
        parties: ["north", "south"],
        requires: Flag("talks"),
        signing_after_days: 14,
        historical: (date: "1952-06-02", terms_date: "1952-03-03",
            terms: [("prisoners", "some"), ("custody", "commission")],
            sources: [(source: "Notes")]),
    ),
)"#;

/// [`BASE`] with `timeline` as its timeline entries.
pub fn text(timeline: &str) -> String {
    BASE.replace("TIMELINE", timeline)
}

/// Loads a scenario text, or panics with the checker's errors.
pub fn load(text: &str) -> Arc<Scenario> {
    match load_str("unit.ron", text, &Lookup { dir: None }) {
        Ok(s) => Arc::new(s),
        Err(e) => panic!("the test scenario is invalid:\n{}", e.render()),
    }
}

/// [`BASE`] with `timeline`, loaded.
pub fn scenario(timeline: &str) -> Arc<Scenario> {
    load(&text(timeline))
}

/// The checker's errors for a text, rendered as a user sees them (empty if it loads).
pub fn errors(text: &str) -> String {
    match load_str("unit.ron", text, &Lookup { dir: None }) {
        Ok(_) => String::new(),
        Err(e) => e.render(),
    }
}

/// An actor by id.
pub fn actor(s: &Scenario, id: &str) -> ActorId {
    s.actor_by_id(id)
        .unwrap_or_else(|| panic!("no actor `{id}`"))
}

/// A timeline entry by id.
pub fn entry(s: &Scenario, id: &str) -> EntryId {
    s.entry_by_id(id)
        .unwrap_or_else(|| panic!("no entry `{id}`"))
}
