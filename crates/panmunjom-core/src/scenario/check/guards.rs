//! The guards run before the parser: a size cap, an empty file, brackets nested too
//! deep (a linear scan, so a hostile file cannot overflow the recursive parser's
//! stack); then the parse itself with the options every scenario is read with.

use super::super::error::{LoadError, Place, Problem};
use super::super::raw::RawScenario;
use crate::input;

/// RON options every scenario is read with: newtype variants may be written unwrapped
/// (`Event(id: …)`) and `Some` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(input::MAX_NESTING + 8)
        .with_default_extension(
            ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES
                | ron::extensions::Extensions::IMPLICIT_SOME,
        )
}

/// Refuses a text too big, empty, or nested too deep, before it is parsed.
pub(super) fn pre_check(origin: &str, text: &str) -> Result<(), LoadError> {
    if text.len() as u64 > input::MAX_SCENARIO_BYTES {
        return Err(LoadError::single(
            origin,
            Place::File,
            input::ReadError::TooBig {
                size: text.len() as u64,
                max: input::MAX_SCENARIO_BYTES,
            }
            .to_string(),
        ));
    }
    if text.trim().is_empty() {
        return Err(LoadError::single(
            origin,
            Place::File,
            "the file is empty: a scenario is one `( id: …, title: …, … )` block (see docs/scenario-format.md)",
        ));
    }
    if let Some((line, col)) = input::too_deep(text, input::MAX_NESTING) {
        return Err(LoadError {
            file: origin.to_string(),
            problems: vec![Problem {
                place: Place::LineCol(line, col),
                message: format!(
                    "brackets nested too deep: more than {} levels (a scenario needs far fewer; is a bracket left unclosed?)",
                    input::MAX_NESTING
                ),
            }],
            text: Some(text.to_string()),
        });
    }
    Ok(())
}

/// Parses the text into its raw form; a syntax or type error gives its line and column.
pub(super) fn parse(origin: &str, text: &str) -> Result<RawScenario, LoadError> {
    ron_options().from_str(text).map_err(|e| {
        let (at, message) = super::ron_words::explain(&e, text);
        LoadError {
            file: origin.to_string(),
            problems: vec![Problem {
                place: Place::LineCol(at.line, at.col),
                message,
            }],
            text: Some(text.to_string()),
        }
    })
}
