//! The integration tests that need the root crate (the `panmunjom` binary or Bevy), in
//! one binary (each test binary links Bevy). The core's own tests, which build without
//! Bevy, are in `crates/panmunjom-core/tests/`.

mod app;
mod app_screens;
mod bad_corpus;
mod bad_files;
mod bad_records;
mod bargain;
mod browser;
mod cli;
mod common;
#[path = "../../crates/panmunjom-core/tests/suite/corpus.rs"]
mod corpus;
mod explore;
mod hot_seat;
mod net;
mod net_seat;
#[path = "../../crates/panmunjom-core/tests/suite/record_cases.rs"]
mod record_cases;
mod sim;
mod window;
