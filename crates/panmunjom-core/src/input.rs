//! Limits on untrusted files: size caps read in bounded memory, a nesting-depth pre-scan,
//! and paths that must stay inside the scenario's folder.
//!
//! Scenario files, source texts and game records come from teachers and students: a
//! 100 MB file is refused from its metadata before a byte is read (and, for files that
//! lie about their size, after reading one byte past the cap), and a file nested
//! 100,000 brackets deep is refused by a linear scan before the recursive parser sees
//! it, so neither exhausts memory nor overflows the stack.

use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Largest scenario file accepted (the shipped one is about 0.2 MiB).
pub const MAX_SCENARIO_BYTES: u64 = 16 * 1024 * 1024;
/// Largest source text accepted (the shipped one is about 17 KiB).
pub const MAX_SOURCE_TEXT_BYTES: u64 = 16 * 1024 * 1024;
/// Largest game record accepted (a finished game's record is about 2 KiB).
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;
/// Deepest nesting of brackets accepted in a scenario or record (the shipped scenario
/// nests about 8 deep; conditions nest a few levels more).
pub const MAX_NESTING: usize = 64;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(String),
    /// The path is a folder (or another non-file).
    NotAFile,
    /// Bigger than the cap: the size, and the cap (`size == max` when the size is not
    /// known, only that it is more than `max`).
    TooBig { size: u64, max: u64 },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
            ReadError::NotAFile => f.write_str("cannot read the file: it is a folder, not a file"),
            ReadError::TooBig { size, max } if size > max => write!(
                f,
                "the file is too big: {size} bytes, but at most {max} bytes ({}) are accepted",
                mib(*max)
            ),
            ReadError::TooBig { max, .. } => write!(
                f,
                "the file is too big: it holds more than {max} bytes ({}), the most accepted",
                mib(*max)
            ),
        }
    }
}

fn mib(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// Reads a whole file of at most `max` bytes, in bounded memory: the size is checked
/// from the metadata before reading, and at most `max + 1` bytes are ever read (a file
/// that grows, or a device such as `/dev/zero`, is cut off there and refused).
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let meta = file.metadata().map_err(|e| ReadError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > max {
        return Err(ReadError::TooBig {
            size: meta.len(),
            max,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > max {
        // The metadata hid the size (a device, a file still growing): all we know is
        // that there is more than the cap.
        return Err(ReadError::TooBig { size: max, max });
    }
    Ok(bytes)
}

/// Where a text nests brackets deeper than `max`: the 1-based line and column of the
/// first bracket past the limit. Skips strings (`"…"` with escapes, RON's raw strings
/// `r#"…"#`), character literals and comments (`//…`, nested `/* … */`), so brackets
/// inside them do not count. Linear time, constant memory.
pub fn too_deep(text: &str, max: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(line_col(text, i));
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'"' => i = skip_string(b, i + 1),
            b'\'' => {
                // A character literal: 'x', '\'' or '\u{…}'; anything else is left alone.
                if b.get(i + 1) == Some(&b'\\') {
                    i = skip_until(b, i + 3, b'\'');
                } else {
                    let ch_len = text[i + 1..].chars().next().map_or(0, char::len_utf8);
                    if b.get(i + 1 + ch_len) == Some(&b'\'') {
                        i += ch_len + 2;
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident(b[i - 1])) =>
            {
                let mut hashes = 0;
                let mut j = i + 1;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) == Some(&b'"') {
                    i = skip_raw_string(b, j + 1, hashes);
                } else {
                    i = j;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => i = skip_until(b, i + 2, b'\n'),
            b'/' if b.get(i + 1) == Some(&b'*') => i = skip_block_comment(b, i + 2),
            _ => i += 1,
        }
    }
    None
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Index just past the closing quote of a string whose body starts at `i`.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn skip_raw_string(b: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < b.len() {
        if b[i] == b'"'
            && b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    b.len()
}

fn skip_until(b: &[u8], i: usize, end: u8) -> usize {
    match b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == end))
    {
        Some(p) => i + p + 1,
        None => b.len(),
    }
}

fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut level = 1usize;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Why a path written in a scenario is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// Empty.
    Empty,
    /// Absolute, or with a drive or root (`/etc/passwd`, `C:\x`, `\\server\x`).
    Absolute,
    /// Climbs out with `..`.
    ParentDir,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PathError::Empty => "the path is empty",
            PathError::Absolute => "it is an absolute path",
            PathError::ParentDir => "it climbs out with `..`",
        })
    }
}

/// Checks a path written inside a scenario: it must be relative, without `..`, so that
/// joined to a folder it stays inside it (symbolic links are checked by
/// [`resolve_inside`]). Backslashes count as separators, for files written on Windows.
pub fn relative_inside(name: &str) -> Result<PathBuf, PathError> {
    if name.trim().is_empty() {
        return Err(PathError::Empty);
    }
    let unified = name.replace('\\', "/");
    if unified.starts_with('/') || name.contains(':') {
        return Err(PathError::Absolute);
    }
    let path = PathBuf::from(&unified);
    for c in path.components() {
        match c {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err(PathError::ParentDir),
            Component::RootDir | Component::Prefix(_) => return Err(PathError::Absolute),
        }
    }
    Ok(path)
}

/// If `root.join(rel)` exists: `Ok(Some(real path))` when its real path (symbolic links
/// followed) lies inside `root`'s real path, `Err(real path)` when it escapes; `Ok(None)`
/// when there is no such file.
pub fn resolve_inside(root: &Path, rel: &Path) -> Result<Option<PathBuf>, PathBuf> {
    let candidate = root.join(rel);
    let Ok(real) = std::fs::canonicalize(&candidate) else {
        return Ok(None);
    };
    let Ok(real_root) = std::fs::canonicalize(root) else {
        return Ok(None);
    };
    if real.starts_with(&real_root) {
        Ok(Some(real))
    } else {
        Err(real)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_scan_skips_strings_comments_and_chars() {
        assert_eq!(too_deep("((()))", 3), None);
        assert_eq!(too_deep("((()))", 2), Some((1, 3)));
        assert_eq!(too_deep("(\"((((\")", 1), None);
        assert_eq!(too_deep("(r#\"(((\"#)", 1), None);
        assert_eq!(too_deep("( // (((\n)", 1), None);
        assert_eq!(too_deep("( /* (( /* ( */ */ )", 1), None);
        assert_eq!(too_deep("('(', ')')", 1), None);
        assert_eq!(too_deep("x\n  [[", 1), Some((2, 4)));
        assert_eq!(too_deep("é[[", 1), Some((1, 3)));
    }

    #[test]
    fn paths_must_stay_inside() {
        assert!(relative_inside("notes.txt").is_ok());
        assert!(relative_inside("texts/notes.txt").is_ok());
        assert_eq!(relative_inside("/etc/passwd"), Err(PathError::Absolute));
        assert_eq!(relative_inside("C:\\x.txt"), Err(PathError::Absolute));
        assert_eq!(relative_inside("\\\\server\\x"), Err(PathError::Absolute));
        assert_eq!(relative_inside("../x.txt"), Err(PathError::ParentDir));
        assert_eq!(relative_inside("a/../../x.txt"), Err(PathError::ParentDir));
        assert_eq!(relative_inside("a\\..\\x.txt"), Err(PathError::ParentDir));
        assert_eq!(relative_inside(" "), Err(PathError::Empty));
    }
}
