//! The scenario and source texts built into the binary, and where other files are looked up.
//!
//! The shipped scenario works from any folder with no files beside it: its RON text
//! and the primary source's text are compiled in. A scenario loaded from disk finds
//! its source texts among these built-in assets first, then beside the scenario file,
//! then in an `assets/` folder beside it or above it. A path written in a scenario
//! never leads out of those folders (see [`crate::input`]).

use std::path::{Path, PathBuf};

use super::Scenario;
use super::check::{SourceTexts, load_str};
use super::error::{LoadError, Place};
use crate::input;

/// Name under which the built-in scenario reports itself.
pub const BUILTIN_ORIGIN: &str = "built-in:scenarios/korea-1952-1953.ron";

/// The RON text of the shipped scenario.
pub const MAIN_SCENARIO: &str = include_str!("../../../../scenarios/korea-1952-1953.ron");

/// Source documents shipped in `assets/`, by file name.
pub const ASSETS: &[(&str, &str)] = &[(
    "cia-oci-1953-05-21-sino-soviet-korean-truce.txt",
    include_str!("../../../../assets/cia-oci-1953-05-21-sino-soviet-korean-truce.txt"),
)];

/// Finds source texts: built-in assets, then files near the scenario.
pub struct Lookup {
    /// Folder of the scenario file, if it came from disk.
    pub dir: Option<PathBuf>,
}

impl SourceTexts for Lookup {
    fn text(&self, name: &str) -> Result<String, String> {
        if let Some((_, text)) = ASSETS.iter().find(|(n, _)| *n == name) {
            return Ok((*text).to_string());
        }
        // A path written in a scenario may not leave the scenario's folder: no absolute
        // path, no `..`, no symbolic link leading out of it.
        let rel = input::relative_inside(name).map_err(|why| {
            format!(
                "source text `{name}` points outside the scenario's folder ({why}): write a file name or a relative path inside the scenario's folder"
            )
        })?;
        let mut tried = Vec::new();
        if let Some(dir) = &self.dir {
            let mut roots = vec![dir.clone(), dir.join("assets")];
            if let Some(parent) = dir.parent() {
                roots.push(parent.join("assets"));
            }
            for root in roots {
                let path = root.join(&rel);
                match input::resolve_inside(&root, &rel) {
                    Err(real) => {
                        return Err(format!(
                            "source text `{name}` points outside the scenario's folder: {} leads to {} (a symbolic link out of {})",
                            path.display(),
                            real.display(),
                            root.display()
                        ));
                    }
                    Ok(None) => tried.push(path.display().to_string()),
                    Ok(Some(real)) => {
                        let bytes = input::read_capped(&real, input::MAX_SOURCE_TEXT_BYTES)
                            .map_err(|e| {
                                format!("source text `{name}` ({}): {e}", path.display())
                            })?;
                        return String::from_utf8(bytes).map_err(|e| {
                            format!(
                                "source text `{name}` ({}) is not UTF-8 text (invalid byte at offset {})",
                                path.display(),
                                e.utf8_error().valid_up_to()
                            )
                        });
                    }
                }
            }
        }
        Err(format!(
            "source text `{name}` is neither built in nor found (looked in: {})",
            if tried.is_empty() {
                "built-in assets".to_string()
            } else {
                tried.join(", ")
            }
        ))
    }
}

/// The shipped scenario, checked.
pub fn main_scenario() -> Result<Scenario, LoadError> {
    load_str(BUILTIN_ORIGIN, MAIN_SCENARIO, &Lookup { dir: None })
}

/// Reads and checks a scenario file from disk.
pub fn load_file(path: &Path) -> Result<Scenario, LoadError> {
    let origin = path.display().to_string();
    let bytes = input::read_capped(path, input::MAX_SCENARIO_BYTES)
        .map_err(|e| LoadError::single(&origin, Place::File, e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        LoadError::single(
            &origin,
            Place::File,
            format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let dir = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    });
    load_str(&origin, &text, &Lookup { dir })
}

/// The scenario a command should use: the file given, or the built-in one.
pub fn load(path: Option<&Path>) -> Result<Scenario, LoadError> {
    match path {
        Some(p) => load_file(p),
        None => main_scenario(),
    }
}
