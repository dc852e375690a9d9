//! The integration tests, in one binary (each test binary links Bevy).

mod app;
mod app_screens;
mod bad_corpus;
mod bad_files;
mod bad_records;
mod bargain;
mod cli;
mod common;
mod data;
mod debrief;
mod determinism;
mod explore;
mod invariant;
mod sim;
mod window;
