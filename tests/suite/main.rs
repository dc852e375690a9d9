//! The integration tests, in one binary (each test binary links Bevy).

mod app_screens;
mod bad_files;
mod cli;
mod common;
mod data;
mod debrief;
mod determinism;
mod invariant;
mod sim;
