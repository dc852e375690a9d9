//! The scenarios and source texts built into the binary, and where other files are looked up.
//!
//! The shipped scenarios work from any folder with no files beside them: their RON
//! texts and the primary source's text are compiled in. The first of [`SHIPPED`] is
//! the main one, used when a command names no scenario. A scenario loaded from disk finds
//! its source texts among these built-in assets first, then beside the scenario file,
//! then in an `assets/` folder beside it or above it — folders found from the file's
//! real path, so the result does not depend on the working folder. A path written in a
//! scenario never leads out of those folders (see [`crate::input`]).

use std::path::{Path, PathBuf};

use super::Scenario;
use super::check::{SourceTexts, load_str};
use super::error::{LoadError, Place};
use crate::input;

/// Name under which the built-in main scenario reports itself.
pub const BUILTIN_ORIGIN: &str = "built-in:scenarios/korea-1952-1953.ron";

/// The RON text of the main shipped scenario.
pub const MAIN_SCENARIO: &str = include_str!("../../../../scenarios/korea-1952-1953.ron");

/// The RON text of the second shipped scenario: the Korean phase of the Geneva
/// Conference, 1954.
pub const GENEVA_SCENARIO: &str = include_str!("../../../../scenarios/geneva-1954.ron");

/// One scenario compiled into the binary: its file under `scenarios/` and its text.
#[derive(Debug, Clone, Copy)]
pub struct Shipped {
    /// The file the text is compiled from, relative to the repository's root.
    pub file: &'static str,
    pub text: &'static str,
}

impl Shipped {
    /// The name the scenario reports itself under (in errors and the window).
    pub fn origin(&self) -> String {
        format!("built-in:{}", self.file)
    }

    /// The scenario, checked.
    pub fn load(&self) -> Result<Scenario, LoadError> {
        load_str(&self.origin(), self.text, &Lookup { dir: None })
    }
}

/// Every scenario built into the binary, the main one first.
pub const SHIPPED: &[Shipped] = &[
    Shipped {
        file: "scenarios/korea-1952-1953.ron",
        text: MAIN_SCENARIO,
    },
    Shipped {
        file: "scenarios/geneva-1954.ron",
        text: GENEVA_SCENARIO,
    },
];

/// Every built-in scenario, checked, the main one first.
pub fn shipped_scenarios() -> Vec<Result<Scenario, LoadError>> {
    SHIPPED.iter().map(Shipped::load).collect()
}

/// The built-in scenario whose id is `id`, checked (`None` when no built-in scenario
/// has that id).
pub fn shipped_by_id(id: &str) -> Option<Result<Scenario, LoadError>> {
    SHIPPED
        .iter()
        .map(Shipped::load)
        .find(|r| r.as_ref().is_ok_and(|s| s.id == id))
}

/// Source documents shipped in `assets/`, by file name.
pub const ASSETS: &[(&str, &str)] = &[(
    "cia-oci-1953-05-21-sino-soviet-korean-truce.txt",
    include_str!("../../../../assets/cia-oci-1953-05-21-sino-soviet-korean-truce.txt"),
)];

/// Finds source texts: built-in assets, then files near the scenario.
pub struct Lookup {
    /// Folder of the scenario file, if it came from disk. Its real path (symbolic
    /// links and `.`/`..` resolved) is what the folders searched are built from.
    pub dir: Option<PathBuf>,
}

impl Lookup {
    /// The lookup for a scenario file at `path`: the real folder of the file, whatever
    /// the working folder and however the path was written (`k.ron` from inside
    /// `scenarios/`, `scenarios/./k.ron`, a link to the folder…).
    pub fn beside(path: &Path) -> Lookup {
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| absolute(path));
        Lookup {
            dir: real.parent().map(Path::to_path_buf),
        }
    }

    /// The folders searched for a source text, in order: the scenario's folder, its
    /// `assets/`, and `assets/` in the folder above. Built from the folder's real path:
    /// a relative folder such as `.` has no lexical parent to find `../assets` by.
    pub fn folders(&self) -> Vec<PathBuf> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| absolute(dir));
        let mut roots = vec![dir.clone(), dir.join("assets")];
        if let Some(parent) = dir.parent() {
            roots.push(parent.join("assets"));
        }
        roots
    }
}

/// `path` made absolute against the working folder (lexically), or as it is when even
/// that fails.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
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
        let folders = self.folders();
        for root in &folders {
            let path = root.join(&rel);
            match input::resolve_inside(root, &rel) {
                Err(real) => {
                    return Err(format!(
                        "source text `{name}` points outside the scenario's folder: {} leads to {} (a symbolic link out of {})",
                        path.display(),
                        real.display(),
                        root.display()
                    ));
                }
                Ok(None) => {}
                Ok(Some(real)) => {
                    let bytes = input::read_capped(&real, input::MAX_SOURCE_TEXT_BYTES)
                        .map_err(|e| format!("source text `{name}` ({}): {e}", path.display()))?;
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
        let mut searched = vec!["the built-in texts".to_string()];
        searched.extend(folders.iter().map(|f| format!("{}", f.display())));
        Err(format!(
            "source text `{name}` is neither built in nor found (looked in: {})",
            searched.join(", ")
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
    load_str(&origin, &text, &Lookup::beside(path))
}

/// The scenario a command should use: the file given, or the built-in one.
pub fn load(path: Option<&Path>) -> Result<Scenario, LoadError> {
    match path {
        Some(p) => load_file(p),
        None => main_scenario(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::testkit;

    /// A scenario citing `notes.txt`, which lies in `assets/` beside `scenarios/`.
    fn scenario_text(text_name: &str) -> String {
        testkit::text(
            r#"Event(id: "open", date: "1952-02-04", title: "Talks open", sources: [(source: "Notes", quote: "p. 1 to 4")])"#,
        )
        .replacen(
            r#"(id: "Notes", title: "Test notes")"#,
            &format!(r#"(id: "Notes", title: "Test notes", text: "{text_name}")"#),
            1,
        )
    }

    /// `ROOT/scenarios/k.ron` citing `ROOT/assets/notes.txt`, and
    /// `ROOT/elsewhere/link` a symbolic link to `ROOT/scenarios` (on Unix).
    fn layout(text_name: &str) -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        std::fs::create_dir_all(r.join("scenarios/sub")).unwrap();
        std::fs::create_dir_all(r.join("assets")).unwrap();
        std::fs::create_dir_all(r.join("elsewhere")).unwrap();
        std::fs::write(r.join("assets/notes.txt"), "Test notes, p. 1 to 4.").unwrap();
        std::fs::write(r.join("scenarios/k.ron"), scenario_text(text_name)).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(r.join("scenarios"), r.join("elsewhere/link")).unwrap();
        root
    }

    /// `path` written relative to the working folder (`../../tmp/…`), without
    /// changing the working folder (other tests run beside this one).
    fn relative(path: &Path) -> PathBuf {
        let cwd = std::env::current_dir().unwrap();
        let mut rel = PathBuf::new();
        for _ in cwd.components().skip(1) {
            rel.push("..");
        }
        rel.join(path.strip_prefix("/").unwrap_or(path))
    }

    /// Regression (bug 5): the folders searched were built from the path as typed, so
    /// the parent of a path ending in `sub/..` (or `.`, as `k.ron` from inside
    /// `scenarios/` has) or of a linked folder was not the real parent folder, and
    /// `../assets` was missed or looked for somewhere else.
    #[test]
    fn a_scenario_finds_its_source_text_however_its_path_is_written() {
        let root = layout("notes.txt");
        let r = root.path();
        let mut paths = vec![
            r.join("scenarios/k.ron"),
            r.join("scenarios/./k.ron"),
            r.join("scenarios/../scenarios/k.ron"),
            r.join("scenarios/sub/../k.ron"),
            relative(&r.join("scenarios/sub/../k.ron")),
        ];
        if cfg!(unix) {
            paths.push(r.join("elsewhere/link/k.ron"));
            paths.push(relative(&r.join("elsewhere/link/k.ron")));
        }
        let mut hashes = Vec::new();
        for path in &paths {
            let s =
                load_file(path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.render()));
            assert_eq!(
                s.sources[0].text.as_deref(),
                Some("Test notes, p. 1 to 4."),
                "{}",
                path.display()
            );
            assert_eq!(
                s.origin,
                path.display().to_string(),
                "errors name the path typed"
            );
            hashes.push(s.hash);
        }
        hashes.dedup();
        assert_eq!(hashes.len(), 1);
    }

    #[test]
    fn a_missing_source_text_error_lists_every_folder_searched() {
        let root = layout("missing.txt");
        let real = std::fs::canonicalize(root.path()).unwrap();
        let path = root.path().join("scenarios/sub/../k.ron");
        let err = load_file(&path).expect_err("the text is missing").render();
        let folders = format!(
            "{}, {}, {}",
            real.join("scenarios").display(),
            real.join("scenarios/assets").display(),
            real.join("assets").display()
        );
        assert!(
            err.contains(&format!(
                "source `Notes`, field `text`: error: source text `missing.txt` is neither built in nor found (looked in: the built-in texts, {folders})"
            )),
            "{err}"
        );
    }
}
