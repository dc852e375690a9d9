//! The `panmunjom` binary: parses the command line and sends it on — no subcommand to
//! the window, `tour` to the window's tour, every other command to the terminal
//! commands of [`panmunjom::cli`]. The only place that knows both the window and the
//! command line.

// No `unwrap`/`expect` on anything that depends on input (issue 5); the exceptions
// are reasoned `#[allow]`s where a failure is a bug.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;
use panmunjom::app::dev::tour;
use panmunjom::app::{self, AppOptions};
use panmunjom::cli::{
    self, Cli, HostOptions, Invocation, JoinOptions, NetBenchOptions, TourOptions,
};
use panmunjom::net;

fn main() -> ExitCode {
    match Cli::parse().command {
        None => app::run(AppOptions::default()),
        Some(Invocation::Tour(TourOptions {
            screenshots,
            role,
            seed,
            stress,
        })) => tour::run(tour::TourArgs {
            screenshots,
            role,
            seed,
            stress,
        }),
        Some(Invocation::Host(HostOptions {
            bind,
            tables,
            scenario,
            dir,
            exit_when_done,
            window,
            screenshot,
        })) => net::host(net::HostArgs {
            bind,
            tables,
            scenario,
            dir,
            exit_when_done,
            window,
            screenshot,
        }),
        Some(Invocation::Join(JoinOptions {
            addr,
            code,
            name,
            screenshot,
        })) => net::join(net::JoinArgs {
            addr,
            code,
            name,
            screenshot,
        }),
        Some(Invocation::NetBench(NetBenchOptions {
            tables,
            processes,
            think_ms,
            timeout_secs,
            bots,
            codes,
        })) => {
            let think = std::time::Duration::from_millis(think_ms);
            let timeout = std::time::Duration::from_secs(timeout_secs);
            match bots {
                Some(addr) => net::bots::bots_process(addr, &codes, think, timeout),
                None => net::bots::bench(&net::bots::BenchArgs {
                    tables,
                    processes,
                    think,
                    timeout,
                }),
            }
        }
        Some(Invocation::Command(command)) => cli::run(command),
    }
}
