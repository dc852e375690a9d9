//! The command line: its clap definition ([`Cli`]) and the terminal commands (validate,
//! replay, play, debrief, bargain, explore).
//!
//! Every command reads user data through the loaders, so a bad file ends in an error
//! naming the file and the place, with exit code 1 — never a panic. Exit code 2 is a
//! bad command line: clap's own errors (unknown flags, numbers out of range) and values
//! the scenario refuses (a role, a `--choices` list, a `--vary` id).
//!
//! This module does not know the window: `main.rs` sends no subcommand to the window
//! and `tour` to the app's tour (mapping [`TourOptions`] onto it), everything else to
//! [`run`].

// User data never panics: clippy refuses `unwrap`/`expect` here and in `play`, except
// where a failure is a bug (with the reason).
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod bargain;
mod class;
mod explore;
mod play;
mod story;
mod table;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand};

use crate::compare::Debrief;
use crate::engine::Policy;
use crate::record::Record;
use crate::report::{self, Format};

use crate::scenario::{self, LoadError, RoleError, builtin};

/// The most games `explore --runs` plays. The explorer keeps one result per game until
/// the summary (about 250 bytes each: 200,000 games peak at 78 MB and take 3 s in a dev
/// build on two cores), so this bounds it to about 250 MB and well under a minute.
pub const MAX_RUNS: usize = 1_000_000;

/// The most worker threads `explore --threads` starts (each is a real OS thread).
pub const MAX_THREADS: usize = 256;

/// Panmunjom: replay and play the 1952–1953 Korean armistice talks.
#[derive(Debug, Parser)]
#[command(name = "panmunjom", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Invocation>,
}

/// A subcommand: a terminal [`Command`] (run by [`run`]) or the window's tour (run by
/// the binary, which knows the window).
#[derive(Debug, Subcommand)]
pub enum Invocation {
    #[command(flatten)]
    Command(Command),
    /// Open the window and drive it through every screen, saving a screenshot of each
    /// (start, briefing, play, debrief, replay, class) into a folder; exit 0 when all are written.
    #[command(display_order = 4)]
    Tour(TourOptions),
    /// Hold a class over the network: a headless server with the authoritative games
    /// of several tables; prints each seat's join code; commands on standard input
    /// (`codes`, `computer T S`, `human T S`, `collect [DIR]`, `quit`).
    #[command(display_order = 8)]
    Host(HostOptions),
    /// Take a seat at a table of a `host`: the window as the client of that seat.
    #[command(display_order = 9)]
    Join(JoinOptions),
    /// Benchmark of `host` on loopback: a real server process, one headless client per
    /// seat, every game to its end; prints the move-to-update latency (median, p99),
    /// the server's CPU time and peak memory.
    #[command(display_order = 10)]
    NetBench(NetBenchOptions),
}

/// `host`'s options, as plain values (the binary maps them onto the network's host).
#[derive(Debug, Clone, Args)]
pub struct HostOptions {
    /// The address and UDP port to listen on (0.0.0.0: every network of this computer).
    #[arg(long, default_value = "0.0.0.0:5853")]
    pub bind: std::net::SocketAddr,
    /// How many tables (games) to hold.
    #[arg(long, default_value_t = 1, value_parser = RangedU64ValueParser::<usize>::new().range(1..=300))]
    pub tables: usize,
    /// Scenario file (default: the one built in).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The class folder: each table's record (after every move), the seats' codes and
    /// the server log. A folder that holds a class resumes it.
    #[arg(long, default_value = "panmunjom-class")]
    pub dir: PathBuf,
    /// Stop once every table has finished (after collecting the records).
    #[arg(long)]
    pub exit_when_done: bool,
    /// Also show the class in a window (the same view as the terminal's).
    #[arg(long)]
    pub window: bool,
    /// With --window: save a screenshot of it here after a moment, then exit.
    #[arg(long, hide = true)]
    pub screenshot: Option<PathBuf>,
}

/// `join`'s options.
#[derive(Debug, Clone, Args)]
pub struct JoinOptions {
    /// The host's address and port, e.g. 192.168.1.20:5853.
    pub addr: std::net::SocketAddr,
    /// The seat's join code (the host prints it).
    #[arg(long)]
    pub code: String,
    /// Your name (or your group's), kept in the table's record.
    #[arg(long)]
    pub name: Option<String>,
    /// Save a screenshot of the window here once the seat is shown, then exit.
    #[arg(long, hide = true)]
    pub screenshot: Option<PathBuf>,
}

/// `net-bench`'s options.
#[derive(Debug, Clone, Args)]
pub struct NetBenchOptions {
    #[arg(long, default_value_t = 100, value_parser = RangedU64ValueParser::<usize>::new().range(1..=300))]
    pub tables: usize,
    /// Processes running the headless clients (each on one thread), apart from the host.
    #[arg(long, default_value_t = 4, value_parser = RangedU64ValueParser::<usize>::new().range(1..=64))]
    pub processes: usize,
    /// The clients' mean thinking time before each move, in milliseconds (each waits a
    /// time drawn evenly between 0 and twice this); 0: they move at once.
    #[arg(long, default_value_t = 0, value_parser = RangedU64ValueParser::<u64>::new().range(0..=60_000))]
    pub think_ms: u64,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 600, value_parser = RangedU64ValueParser::<u64>::new().range(1..=3600))]
    pub timeout_secs: u64,
    /// (Internal) run as one bots process of a benchmark: the host's address.
    #[arg(long, hide = true, requires = "codes")]
    pub bots: Option<std::net::SocketAddr>,
    /// (Internal) with --bots: the seats' codes, comma-separated.
    #[arg(long, hide = true, value_delimiter = ',')]
    pub codes: Vec<String>,
}

/// `tour`'s options, as plain values (the binary maps them onto the app's tour).
#[derive(Debug, Clone, Args)]
pub struct TourOptions {
    /// Folder for the PNG files.
    #[arg(long)]
    pub screenshots: PathBuf,
    /// The role to play: un, soviet or chinese.
    #[arg(long, default_value = "un")]
    pub role: String,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also resize the window to 1×1 and 3840×2160, override its scale factor
    /// (0.25, 4) and set the UI zoom to its extremes on each main screen.
    #[arg(long)]
    pub stress: bool,
}

/// The commands that run in the terminal. (`display_order` keeps `--help` in the order
/// it had before `tour` moved out: validate, replay, play, debrief, tour, bargain, explore.)
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files; exit 0 if all are valid, else list the errors and exit 1.
    #[command(display_order = 0)]
    Validate {
        /// Scenario files (RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The historical path step by step: date, actors, what happened, who knew, sources,
    /// the state after it.
    #[command(display_order = 1)]
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
    /// Play one role in the terminal, or several hot-seat (--roles).
    #[command(display_order = 2)]
    Play {
        /// The role: un, soviet or chinese (or any playable actor id of the scenario).
        #[arg(long, required_unless_present = "roles", conflicts_with = "roles")]
        role: Option<String>,
        /// Several roles played by people taking turns at one terminal (hot-seat),
        /// comma-separated: `un,chinese`. A curtain hides the screen between them.
        #[arg(long)]
        roles: Option<String>,
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
        /// The player's or group's name, kept in the record for the class report
        /// (with --roles: once per role, in the order of --roles).
        #[arg(long)]
        name: Vec<String>,
    },
    /// Compare a saved game with history.
    #[command(display_order = 3)]
    Debrief {
        /// A game record written by `play --save`.
        record: PathBuf,
        /// The scenario file it was played on (default: the built-in one).
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: DebriefFormat,
    },
    /// The class report: many game records (files, or folders of them) at a glance,
    /// beside history — outcomes and dates, terms, how the class chose at each decision,
    /// divergence, objectives, one row per record. Broken files are named and skipped.
    #[command(display_order = 7)]
    Class {
        /// Game records, or folders holding them (their .json files, a few levels down).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A scenario file the records were played on (repeat for several; the
        /// built-in scenario is always known).
        #[arg(long)]
        scenario: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: class::ClassFormat,
        /// Write the report to this file instead of printing it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Bargaining analysis at a date of the historical path: utilities, zone of
    /// agreement, Pareto frontier, Nash point, the historical terms; and when the zone
    /// opens.
    #[command(display_order = 5)]
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
    #[command(display_order = 6)]
    Explore {
        /// The role whose decisions vary: un, soviet or chinese (or an actor id).
        #[arg(long)]
        role: String,
        /// How many games (1 to 1,000,000).
        #[arg(long, default_value_t = 1000,
              value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_RUNS as u64))]
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
        /// Worker threads (0: all cores; at most 256). The report does not depend on it.
        #[arg(long, default_value_t = 0,
              value_parser = RangedU64ValueParser::<usize>::new().range(0..=MAX_THREADS as u64))]
        threads: usize,
        /// Scenario file (default: the one built in).
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: explore::ExploreFormat,
        /// Play the role's side at the table with proposal strategies, one spread each:
        /// historical, boulware, conceder, tit-for-tat, random (comma-separated, or
        /// `all`); decisions stay historical. Not with --vary.
        #[arg(long)]
        strategy: Option<String>,
    },
    /// Story checker: many random games (every playable role, both policies, random
    /// moves at the table); lists every text shown that was not true in its game and
    /// every pair of events that exclude each other firing on one day. Exit 1 on findings.
    #[command(display_order = 7)]
    CheckStory {
        /// Scenario file (default: the one built in).
        scenario: Option<PathBuf>,
        /// How many games (1 to 1,000,000).
        #[arg(long, default_value_t = 100_000,
              value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_RUNS as u64))]
        games: usize,
        /// The seed every game's seed is derived from.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Worker threads (0: all cores; at most 256). The report does not depend on it.
        #[arg(long, default_value_t = 0,
              value_parser = RangedU64ValueParser::<usize>::new().range(0..=MAX_THREADS as u64))]
        threads: usize,
        #[arg(long, value_enum, default_value = "text")]
        format: story::StoryFormat,
        /// Play one finding's game again (ROLE:POLICY:SEED, as a finding prints it) and
        /// print its debrief.
        #[arg(long)]
        show: Option<String>,
    },
}

/// `debrief --format`: the core's [`Format`] as the command line spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DebriefFormat {
    Text,
    Md,
    Json,
    /// One self-contained HTML page (for screens, projectors and paper).
    Html,
}

impl From<DebriefFormat> for Format {
    fn from(f: DebriefFormat) -> Self {
        match f {
            DebriefFormat::Text => Format::Text,
            DebriefFormat::Md => Format::Md,
            DebriefFormat::Json => Format::Json,
            DebriefFormat::Html => Format::Html,
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

/// Runs a terminal command; returns the process's exit code (see the module's doc).
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Validate { files } => return validate(&files),
        Command::Replay {
            scenario,
            to,
            format,
        } => replay(scenario.as_deref(), to, format),
        Command::Play {
            role,
            roles,
            scenario,
            seed,
            policy,
            choices,
            save,
            name,
        } => play::run(play::Args {
            roles: match (role, roles) {
                (Some(one), _) => vec![one],
                (None, Some(list)) => list.split(',').map(|r| r.trim().to_string()).collect(),
                (None, None) => Vec::new(),
            },
            scenario,
            seed,
            policy: policy.into(),
            choices,
            save,
            name,
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
        Command::Class {
            paths,
            scenario,
            format,
            out,
        } => class::run(class::Args {
            paths,
            scenarios: scenario,
            format,
            out,
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
            strategy,
        } => explore::run(explore::Args {
            scenario,
            role,
            runs,
            policy: policy.into(),
            seed,
            vary,
            threads,
            format,
            strategy,
        }),
        Command::CheckStory {
            scenario,
            games,
            seed,
            threads,
            format,
            show,
        } => story::run(story::Args {
            scenario,
            games,
            seed,
            threads,
            format,
            show,
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprint!("{e}");
            ExitCode::from(e.code)
        }
    }
}

/// An error for the user: already rendered text, and the exit code it ends in.
#[derive(Debug)]
pub struct UserError {
    pub text: String,
    /// 1: bad data or an unwritable file; 2: a bad command line.
    pub code: u8,
}

impl UserError {
    /// Bad data (a scenario, a record) or a file that cannot be written: exit 1.
    pub fn data(text: impl Into<String>) -> Self {
        UserError {
            text: text.into(),
            code: 1,
        }
    }

    /// A value on the command line the scenario or the game refuses: exit 2.
    pub fn usage(text: impl Into<String>) -> Self {
        UserError {
            text: text.into(),
            code: 2,
        }
    }
}

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.text.trim_end();
        writeln!(f, "{text}")
    }
}

impl From<LoadError> for UserError {
    fn from(e: LoadError) -> Self {
        UserError::data(e.render())
    }
}

/// A role the scenario has no playable actor for is a bad command line; the error
/// lists the scenario's own roles and aliases.
impl From<RoleError> for UserError {
    fn from(e: RoleError) -> Self {
        UserError::usage(format!("error: {e}"))
    }
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
    let s = scenario::load(scenario)?;
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
    // Without --scenario, the built-in scenario the record names (the main one when
    // none has its id: the replay then says which file to pass).
    let s = match (scenario, builtin::shipped_by_id(&r.scenario.id)) {
        (None, Some(built_in)) => std::sync::Arc::new(built_in?),
        _ => scenario::load(scenario)?,
    };
    let game = r.replay(&record.display().to_string(), s)?;
    let d = Debrief::new(&game);
    let text = match format {
        Format::Text => report::debrief_text::render(&d),
        Format::Md => report::debrief_md::render(&d),
        Format::Json => report::json(&d),
        Format::Html => report::html::debrief(&d),
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
