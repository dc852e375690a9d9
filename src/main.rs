//! The `panmunjom` binary: the command line (and, later, the window).

// No `unwrap`/`expect` on anything that depends on input (issue 5); the exceptions
// are reasoned `#[allow]`s where a failure is a bug.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    panmunjom::cli::run(panmunjom::cli::Cli::parse())
}
