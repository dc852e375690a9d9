//! `panmunjom class`: the class report over many records (files and folders), as text,
//! Markdown, JSON or one HTML page.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{UserError, out};
use crate::class::{ClassReport, gather};
use crate::report;
use crate::scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClassFormat {
    Text,
    Md,
    Html,
    Json,
}

pub struct Args {
    pub paths: Vec<PathBuf>,
    pub scenarios: Vec<PathBuf>,
    pub format: ClassFormat,
    pub out: Option<PathBuf>,
}

/// The scenarios a class report can replay records on: the files given, then the
/// built-in scenario (a record is tallied on the first with its id and hash).
fn scenarios(files: &[PathBuf]) -> Result<Vec<Arc<scenario::Scenario>>, UserError> {
    let mut list = Vec::new();
    for f in files {
        list.push(scenario::load(Some(f))?);
    }
    let builtin = scenario::load(None)?;
    if !list.iter().any(|s| s.hash == builtin.hash) {
        list.push(builtin);
    }
    Ok(list)
}

pub fn run(args: Args) -> Result<ExitCode, UserError> {
    let scenarios = scenarios(&args.scenarios)?;
    let found = gather(&args.paths);
    let mut report = ClassReport::build(found.records, &scenarios);
    let mut skipped = found.skipped;
    skipped.append(&mut report.skipped);
    report.skipped = skipped;
    for s in &report.skipped {
        eprintln!("{}: skipped: {}", s.file, s.reason);
    }
    if report.game_count() == 0 {
        return Err(UserError::data(
            "error: no game record could be read; nothing to report (give record files written by `play --save`, or folders of them)",
        ));
    }
    let text = match args.format {
        ClassFormat::Text => report::class_text::render(&report),
        ClassFormat::Md => report::class_md::render(&report),
        ClassFormat::Json => report::json(&report),
        ClassFormat::Html => report::html::class(&report),
    };
    match &args.out {
        Some(path) => {
            crate::fsio::write_atomic(path, text.as_bytes()).map_err(|e| {
                UserError::data(format!(
                    "{}: error: cannot write the class report: {e}",
                    path.display()
                ))
            })?;
            eprintln!(
                "Class report of {} records written to {}",
                report.game_count(),
                path.display()
            );
        }
        None => out(&text),
    }
    Ok(ExitCode::SUCCESS)
}
