//! `panmunjom check-story`: many random games, and every text shown that was not true
//! in the game it was shown in (see `panmunjom_core::story`); `--show` plays one
//! finding's game again and prints its debrief.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicUsize;

use super::{UserError, out};
use crate::compare::Debrief;
use crate::report;
use crate::story::{self, Sample};

/// Output formats of `check-story`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StoryFormat {
    Text,
    Json,
}

/// The command's arguments.
pub struct Args {
    pub scenario: Option<PathBuf>,
    pub games: usize,
    pub seed: u64,
    pub threads: usize,
    pub format: StoryFormat,
    /// `ROLE:POLICY:SEED` of a finding's game to show.
    pub show: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode, UserError> {
    let s = crate::scenario::load(args.scenario.as_deref())?;
    if let Some(show) = &args.show {
        let parts: Vec<&str> = show.split(':').collect();
        let sample = match parts.as_slice() {
            [role, policy, seed] => seed.parse().ok().map(|seed| Sample {
                role: (*role).to_string(),
                policy: (*policy).to_string(),
                seed,
            }),
            _ => None,
        };
        let game = sample
            .as_ref()
            .and_then(|sample| story::sample_game(&s, sample))
            .ok_or_else(|| {
                UserError::usage(format!(
                    "error: --show `{show}`: write ROLE:POLICY:SEED as a finding prints it, e.g. un:adaptive:1234 (policy historical or adaptive)"
                ))
            })?;
        out(&report::debrief_text::render(&Debrief::new(&game)));
        return Ok(ExitCode::SUCCESS);
    }
    let r = story::check(
        &s,
        args.games,
        args.seed,
        args.threads,
        &AtomicUsize::new(0),
    );
    out(&match args.format {
        StoryFormat::Text => r.text(),
        StoryFormat::Json => report::json(&r),
    });
    Ok(if r.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
