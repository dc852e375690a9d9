//! Panmunjom: a turn-based simulation of the 1952–1953 Korean armistice talks.
//!
//! Data flow: a RON scenario is read ([`scenario::raw`]) and checked
//! ([`scenario::check`]) into a [`scenario::Scenario`]; the [`engine`] plays it,
//! deterministically, from a role, a policy, a seed and the player's choices; a
//! [`record::Record`] saves exactly those; [`compare`] sets a game beside the
//! historical path and [`report`] prints that debrief, and the historical [`replay`].
//! The command line ([`cli`]) and the Bevy wrapper ([`sim`]) drive the engine.
#![forbid(unsafe_code)]

pub mod cli;
pub mod compare;
pub mod engine;
pub mod record;
pub mod replay;
pub mod report;
pub mod scenario;
pub mod sim;
