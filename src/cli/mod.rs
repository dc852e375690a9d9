//! The command line: validate, replay, play and debrief.
//!
//! Every command reads user data through the loaders, so a bad file ends in an error
//! naming the file and the place, with exit code 1 — never a panic. Exit code 2 is a
//! usage error (clap's).

// User data never panics: clippy refuses `unwrap`/`expect` here and in `play`, except
// where a failure is a bug (with the reason).
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod bargain;
mod explore;
mod play;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::compare::Debrief;
use crate::engine::Policy;
use crate::record::Record;
use crate::report::{self, Format};

use crate::scenario::{ActorId, LoadError, Scenario, builtin};

/// Panmunjom: replay and play the 1952–1953 Korean armistice talks.
#[derive(Debug, Parser)]
#[command(name = "panmunjom", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files; exit 0 if all are valid, else list the errors and exit 1.
    Validate {
        /// Scenario files (RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The historical path step by step: date, actors, what happened, who knew, sources,
    /// the state after it.
    Replay {
        /// Scenario file (default: the one built in).
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Stop after this date (YYYY-MM-DD).
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "text")]
        format: ReplayFormat,
    },
    /// Play one role in the terminal.
    Play {
        /// The role: un, soviet or chinese (or any playable actor id of the scenario).
        #[arg(long)]
        role: String,
        /// Scenario file (default: the one built in).
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Seed of the random choices of adaptive sides.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How the other sides decide.
        #[arg(long, value_enum, default_value = "historical")]
        policy: PolicyArg,
        /// Play without prompting: option numbers separated by commas (e.g. 1,2,1),
        /// `h` for the historical option at one decision, or the word `historical`.
        #[arg(long)]
        choices: Option<String>,
        /// Write the game record (JSON) here.
        #[arg(long)]
        save: Option<PathBuf>,
    },
    /// Compare a saved game with history.
    Debrief {
        /// A game record written by `play --save`.
        record: PathBuf,
        /// The scenario file it was played on (default: the built-in one).
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: DebriefFormat,
    },
    /// Open the window and drive it through every screen, saving a screenshot of each
    /// (start, briefing, play, debrief, replay) into a folder; exit 0 when all are written.
    Tour {
        /// Folder for the PNG files.
        #[arg(long)]
        screenshots: PathBuf,
        /// The role to play: un, soviet or chinese.
        #[arg(long, default_value = "un")]
        role: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also resize the window to 1×1 and 3840×2160, override its scale factor
        /// (0.25, 4) and set the UI zoom to its extremes on each main screen.
        #[arg(long)]
        stress: bool,
    },
    /// Bargaining analysis at a date of the historical path: utilities, zone of
    /// agreement, Pareto frontier, Nash point, the historical terms; and when the zone
    /// opens.
    Bargain {
        /// Scenario file (default: the one built in).
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// The date (YYYY-MM-DD; default: the date of the historical terms).
        #[arg(long)]
        at: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "text")]
        format: bargain::BargainFormat,
        /// Also write the outcome space and the parties' preferences (JSON) here.
        #[arg(long)]
        export_space: Option<PathBuf>,
    },
    /// What-if explorer: many games in which the role's decisions vary, and the spread
    /// of their outcomes beside history.
    Explore {
        /// The role whose decisions vary: un, soviet or chinese (or an actor id).
        #[arg(long)]
        role: String,
        /// How many games.
        #[arg(long, default_value_t = 1000)]
        runs: usize,
        /// How the other sides decide.
        #[arg(long, value_enum, default_value = "historical")]
        policy: PolicyArg,
        /// The seed every game's seed is derived from.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Vary only this decision (every option in turn); the others stay historical.
        #[arg(long)]
        vary: Option<String>,
        /// Worker threads (0: all cores). The report does not depend on it.
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Scenario file (default: the one built in).
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: explore::ExploreFormat,
    },
}

/// `debrief --format`: the core's [`Format`] as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DebriefFormat {
    Text,
    Md,
    Json,
}

impl From<DebriefFormat> for Format {
    fn from(f: DebriefFormat) -> Self {
        match f {
            DebriefFormat::Text => Format::Text,
            DebriefFormat::Md => Format::Md,
            DebriefFormat::Json => Format::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReplayFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PolicyArg {
    Historical,
    Adaptive,
}

impl From<PolicyArg> for Policy {
    fn from(p: PolicyArg) -> Self {
        match p {
            PolicyArg::Historical => Policy::Historical,
            PolicyArg::Adaptive => Policy::Adaptive,
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let Some(command) = cli.command else {
        return crate::app::run(crate::app::AppOptions::default());
    };
    let result = match command {
        Command::Validate { files } => return validate(&files),
        Command::Tour {
            screenshots,
            role,
            seed,
            stress,
        } => {
            return crate::app::tour::run(crate::app::tour::TourArgs {
                screenshots,
                role,
                seed,
                stress,
            });
        }
        Command::Replay {
            scenario,
            to,
            format,
        } => replay(scenario.as_deref(), to, format),
        Command::Play {
            role,
            scenario,
            seed,
            policy,
            choices,
            save,
        } => play::run(play::Args {
            role,
            scenario,
            seed,
            policy: policy.into(),
            choices,
            save,
        }),
        Command::Debrief {
            record,
            scenario,
            format,
        } => debrief(&record, scenario.as_deref(), format.into()),
        Command::Bargain {
            scenario,
            at,
            format,
            export_space,
        } => bargain::run(bargain::Args {
            scenario,
            at,
            format,
            export_space,
        }),
        Command::Explore {
            role,
            runs,
            policy,
            seed,
            vary,
            threads,
            scenario,
            format,
        } => explore::run(explore::Args {
            scenario,
            role,
            runs,
            policy: policy.into(),
            seed,
            vary,
            threads,
            format,
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprint!("{e}");
            ExitCode::from(1)
        }
    }
}

/// An error for the user: already rendered text.
#[derive(Debug)]
pub struct UserError(pub String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.0.trim_end();
        writeln!(f, "{text}")
    }
}

impl From<LoadError> for UserError {
    fn from(e: LoadError) -> Self {
        UserError(e.render())
    }
}

/// Loads the scenario given, or the built-in one.
pub fn load_scenario(path: Option<&Path>) -> Result<Arc<Scenario>, UserError> {
    Ok(crate::scenario::load(path)?)
}

/// Resolves a role name: a playable actor's id or one of the aliases its scenario declares.
pub fn resolve_role(s: &Scenario, name: &str) -> Result<ActorId, UserError> {
    s.role_by_name(name)
        .map_err(|e| UserError(format!("error: {e}")))
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for f in files {
        match builtin::load_file(f) {
            Ok(s) => {
                let events = s.timeline.iter().filter(|e| e.as_event().is_some()).count();
                let counterfactual = s
                    .timeline
                    .iter()
                    .filter(|e| e.as_event().is_some_and(|e| e.counterfactual))
                    .count();
                let per_role = s
                    .playable()
                    .map(|(id, a)| format!("{} {}", a.id, s.decisions_for(id).count()))
                    .collect::<Vec<_>>()
                    .join(", ");
                println!(
                    "{}: ok \u{2014} `{}`: {events} events ({counterfactual} counterfactual), decisions: {per_role}",
                    f.display(),
                    s.id
                );
            }
            Err(e) => {
                failed = true;
                eprint!("{}", e.render());
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn replay(
    scenario: Option<&Path>,
    to: Option<NaiveDate>,
    format: ReplayFormat,
) -> Result<ExitCode, UserError> {
    let s = load_scenario(scenario)?;
    let steps = crate::replay::replay(Arc::clone(&s), to);
    let text = match format {
        ReplayFormat::Text => report::replay_text::render(&s.title, &steps),
        ReplayFormat::Json => report::json(&steps),
    };
    out(&text);
    Ok(ExitCode::SUCCESS)
}

fn debrief(record: &Path, scenario: Option<&Path>, format: Format) -> Result<ExitCode, UserError> {
    let r = Record::read(record)?;
    let s = load_scenario(scenario)?;
    let game = r.replay(&record.display().to_string(), s)?;
    let d = Debrief::new(&game);
    let text = match format {
        Format::Text => report::debrief_text::render(&d),
        Format::Md => report::debrief_md::render(&d),
        Format::Json => report::json(&d),
    };
    out(&text);
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout, ignoring a closed pipe (`panmunjom replay | head`).
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
