//! The `panmunjom` binary: the command line (and, later, the window).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    panmunjom::cli::run(panmunjom::cli::Cli::parse())
}
