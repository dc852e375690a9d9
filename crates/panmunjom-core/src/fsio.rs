//! Writing files safely: the one atomic writer for records, saves and exports, and the
//! one sanitiser that turns ids from untrusted files into file names.
//!
//! A write goes to a temporary file in the target's folder (`.NAME.tmp-XXXXXX`), is
//! flushed to disk, then renamed into place, and the folder is flushed: killed at any
//! moment, the target holds either its previous content or the new one, whole.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The longest stem [`file_stem`] returns, in bytes (well under every file system's limit).
pub const MAX_STEM: usize = 64;

/// Writes `bytes` to `path` atomically, replacing any file there.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut tmp = temp_in(dir, path)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// Writes `bytes` atomically to a new file `STEM.EXT` in `dir` (or `STEM-2.EXT`,
/// `STEM-3.EXT`, … when taken), never replacing an existing file, even one created
/// by another process at the same moment. `stem` is passed through [`file_stem`].
/// Returns the path written.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = file_stem(stem);
    let ext = file_stem(ext);
    let mut tmp = temp_in(dir, &dir.join(format!("{stem}.{ext}")))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    for n in 1..=10_000u32 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match tmp.persist_noclobber(&path) {
            Ok(_) => {
                sync_folder(dir);
                return Ok(path);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!(
            "10,000 files named {stem}-N.{ext} already exist in {}",
            dir.display()
        ),
    ))
}

/// A file name stem made from text that may come from an untrusted file (an actor or
/// scenario id): ASCII letters, digits, `-` and `_` are kept, every other run of
/// characters becomes one `-`; leading dots and dashes go (no hidden files, no `..`,
/// no option-like names); at most [`MAX_STEM`] bytes; never empty (`file`). No path
/// separator, drive letter or parent step can survive it.
pub fn file_stem(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_STEM {
            break;
        }
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '.');
    if trimmed.is_empty() {
        "file".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The present moment in UTC as it goes into file names (`20531127-143005`): the one
/// time stamp of new saves and exports.
pub fn now_stamp() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .format("%Y%m%d-%H%M%S")
        .to_string()
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn temp_in(dir: &Path, target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-"))
        .tempfile_in(dir)
}

/// Makes a rename durable (a power cut could otherwise undo it). Opening a folder for
/// fsync is not possible everywhere (Windows): best effort.
fn sync_folder(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_ids_stay_one_plain_name() {
        for id in [
            "../x",
            "../../etc/passwd",
            "/etc/passwd",
            "C:\\Windows\\system32",
            "..",
            ".",
            "",
            ".hidden",
            "a/b\\c",
            "\u{0}nul",
            "-rf",
            "\u{202e}evil",
            &"long".repeat(100),
        ] {
            let stem = file_stem(id);
            assert!(!stem.is_empty(), "{id:?}");
            assert!(stem.len() <= MAX_STEM, "{id:?} gave {stem}");
            assert!(
                stem.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id:?} gave {stem}"
            );
            assert!(!stem.starts_with(['-', '.']), "{id:?} gave {stem}");
            assert_eq!(
                Path::new(&stem).components().count(),
                1,
                "{id:?} gave {stem}"
            );
        }
        assert_eq!(file_stem("un"), "un");
        assert_eq!(file_stem("korea-1952-1953"), "korea-1952-1953");
    }

    #[test]
    fn write_new_never_replaces_and_write_atomic_does() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_new(dir.path(), "../un", "json", b"first").unwrap();
        let b = write_new(dir.path(), "../un", "json", b"second").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.parent(), Some(dir.path()));
        assert_eq!(b.parent(), Some(dir.path()));
        assert_eq!(std::fs::read(&a).unwrap(), b"first");
        write_atomic(&a, b"third").unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"third");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }
}
