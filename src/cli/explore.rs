//! `panmunjom explore`: many games with one role's decisions varied, and their spread.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use super::{UserError, out};
use crate::engine::Policy;
use crate::explore::{self, Config};
use crate::report;

/// Output formats of `explore`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExploreFormat {
    Text,
    Json,
}

/// The command's arguments.
pub struct Args {
    pub scenario: Option<PathBuf>,
    pub role: String,
    pub runs: usize,
    pub policy: Policy,
    pub seed: u64,
    pub vary: Option<String>,
    pub threads: usize,
    pub format: ExploreFormat,
    /// `--strategy`: proposal strategies for the role's side at the table.
    pub strategy: Option<String>,
}

/// Parses `--strategy`: names separated by commas, or `all`.
fn strategies(list: &str) -> Result<Vec<explore::Strategy>, UserError> {
    if list.trim().eq_ignore_ascii_case("all") {
        return Ok(explore::Strategy::ALL.to_vec());
    }
    list.split(',')
        .map(|name| {
            explore::Strategy::from_name(name).ok_or_else(|| {
                UserError::usage(format!(
                    "error: --strategy: `{}` is not a strategy (historical, boulware, conceder, tit-for-tat, random, or all)",
                    name.trim()
                ))
            })
        })
        .collect()
}

pub fn run(args: Args) -> Result<ExitCode, UserError> {
    let s = crate::scenario::load(args.scenario.as_deref())?;
    let role = s.role_by_name(&args.role)?;
    let vary = match &args.vary {
        None => None,
        Some(id) => Some(s.entry_by_id(id).ok_or_else(|| {
            UserError::usage(format!(
                "error: `{id}` is not an entry of scenario `{}`",
                s.id
            ))
        })?),
    };
    let cfg = Config {
        role,
        runs: args.runs,
        policy: args.policy,
        seed: args.seed,
        vary,
        threads: args.threads,
    };
    explore::check(&s, &cfg).map_err(|e| UserError::usage(format!("error: {e}")))?;
    if let Some(list) = &args.strategy {
        if cfg.vary.is_some() {
            return Err(UserError::usage(
                "error: --strategy and --vary do not go together: strategies play the table, --vary one decision".to_string(),
            ));
        }
        let chosen = strategies(list)?;
        let report = explore::explore_strategies(&s, &cfg, &chosen);
        out(&match args.format {
            ExploreFormat::Text => explore::strategy::text(&report),
            ExploreFormat::Json => report::json(&report),
        });
        return Ok(ExitCode::SUCCESS);
    }
    let total = explore::run_count(&s, &cfg);
    let done = AtomicUsize::new(0);
    let finished = AtomicBool::new(false);
    let show = std::io::stderr().is_terminal();
    let report = std::thread::scope(|scope| {
        if show {
            scope.spawn(|| progress(&done, &finished, total));
        }
        let r = explore::explore(&s, &cfg, &done);
        finished.store(true, Ordering::Relaxed);
        r
    })
    .map_err(|e| UserError::usage(format!("error: {e}")))?;
    let text = match args.format {
        ExploreFormat::Text => report::explore_text::render(&report),
        ExploreFormat::Json => report::json(&report),
    };
    out(&text);
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on stderr, redrawn ten times a second until `finished`.
fn progress(done: &AtomicUsize, finished: &AtomicBool, total: usize) {
    const WIDTH: usize = 40;
    loop {
        let end = finished.load(Ordering::Relaxed);
        let n = done.load(Ordering::Relaxed).min(total);
        let filled = (n * WIDTH).checked_div(total).unwrap_or(WIDTH);
        eprint!(
            "\r[{}{}] {n}/{total} games",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled)
        );
        if end {
            eprintln!();
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
