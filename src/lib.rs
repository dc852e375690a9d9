//! Panmunjom: a turn-based simulation of the 1952–1953 Korean armistice talks.
//!
//! The pure engine lives in the `panmunjom-core` crate (re-exported here, so
//! `panmunjom::scenario`, `panmunjom::engine`, … name it); this crate adds what
//! drives it: the command line ([`cli`]), the Bevy wrapper ([`sim`]) and the window ([`app`]).
//! `cli` and `app` do not use each other; the binary (`src/main.rs`) sends each
//! invocation to one of them.
#![forbid(unsafe_code)]

pub use panmunjom_core::{
    bargain, class, compare, conditions, engine, explore, fsio, record, replay, report, scenario,
    story,
};

pub mod app;
pub mod cli;
pub mod net;
pub mod sim;
