//! `panmunjom bargain`: the bargaining analysis at a date of the historical path.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{UserError, out};
use crate::bargain::timeline::historical_setup;
use crate::bargain::view::{BargainView, TimelineView};
use crate::bargain::{self, Model};
use crate::report;

/// Output formats of `bargain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BargainFormat {
    Text,
    Json,
}

/// The command's arguments.
pub struct Args {
    pub scenario: Option<PathBuf>,
    pub at: Option<NaiveDate>,
    pub format: BargainFormat,
    pub export_space: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode, UserError> {
    let s = crate::scenario::load(args.scenario.as_deref())?;
    let date = args.at.unwrap_or(s.armistice.historical_terms_date);
    let game = bargain::walk_to(Arc::clone(&s), date);
    if let Some(path) = &args.export_space {
        export_space(&s, &Model::new(&s, &game.state), path)?;
    }
    let analysis =
        bargain::analyze(&s, &game.state).map_err(|e| UserError::data(format!("error: {e}")))?;
    let view = BargainView::new(&s, &analysis, date);
    let timeline = bargain::timeline(Arc::clone(&s), historical_setup(&s), None);
    let tview = TimelineView::new(&s, &timeline);
    let text = match args.format {
        BargainFormat::Json => report::json(&bargain::view::Report {
            analysis: &view,
            timeline: &tview,
        }),
        BargainFormat::Text => {
            let mut t = format!(
                "BARGAINING ANALYSIS \u{2014} {}\nOn the historical path, {date} (after the entries of that day)\n\n",
                s.title
            );
            t.push_str(&report::bargain::text(&view, Some(&tview)));
            t
        }
    };
    out(&text);
    Ok(ExitCode::SUCCESS)
}

/// Writes the outcome space and the armistice parties' preferences as JSON (for NegMAS).
fn export_space(s: &crate::scenario::Scenario, m: &Model, path: &Path) -> Result<(), UserError> {
    std::fs::write(path, report::json(&bargain::export::Space::new(s, m)))
        .map_err(|e| UserError::data(format!("error: cannot write {}: {e}", path.display())))
}
