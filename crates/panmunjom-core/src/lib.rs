//! The pure, deterministic core of Panmunjom: plain Rust, no rendering, no Bevy.
//!
//! Data flow: a RON scenario is read ([`scenario::raw`]) and checked
//! ([`scenario::check`]) into a [`scenario::Scenario`]; the [`engine`] plays it,
//! deterministically, from a role, a policy, a seed and the player's choices; a
//! [`record::Record`] saves exactly those; [`compare`] sets a game beside the
//! historical path and [`report`] prints that debrief, and the historical [`replay`].
//! The `panmunjom` crate (command line, Bevy app) drives this one.
#![forbid(unsafe_code)]
// User data never panics: no `unwrap`/`expect` outside tests, except where a failure is
// a bug (each such site says why, with `#[allow(…, reason = "…")]`).
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod bargain;
pub mod class;
pub mod compare;
pub mod conditions;
pub mod engine;
pub mod explore;
pub mod fsio;
pub mod input;
pub mod record;
pub mod replay;
pub mod report;
pub mod scenario;
pub mod story;
#[cfg(test)]
mod testkit;
