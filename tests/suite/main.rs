//! The integration tests, in one binary (each test binary links Bevy).

mod bad_corpus;
mod bad_files;
mod bad_records;
mod cli;
mod common;
mod data;
mod debrief;
mod determinism;
mod invariant;
mod sim;
