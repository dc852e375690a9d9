//! The core's integration tests, in one binary: they build and run without Bevy.
//! (`interrupted_save.rs` is its own binary: it re-runs itself as the child it kills.)

mod bad_corpus;
mod bad_files;
mod bad_records;
mod bargain;
mod class;
mod common;
mod corpus;
mod data;
mod debrief;
mod determinism;
mod explore;
mod invariant;
mod record_cases;
mod scores;
mod seats;
mod story;
mod table;
