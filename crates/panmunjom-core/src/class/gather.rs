//! Finding a class's records: files and folders given on the command line or chosen in
//! the window. A file that is not a readable record is named and skipped, never fatal.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::record::Record;
use crate::scenario::LoadError;

/// The most records one class report reads (a school's years of records fit; memory
/// stays bounded: a record is at most 1 MB on disk, a few hundred bytes in memory).
pub const MAX_RECORDS: usize = 100_000;
/// How deep folders are searched below a folder that was named.
const MAX_DEPTH: usize = 4;

/// A file left out of the report, and why (one line, naming the place).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

impl Skipped {
    /// The first problem of a load error, as one line.
    pub fn of(e: &LoadError) -> Skipped {
        let reason = e
            .problems
            .first()
            .map(|p| {
                let place = p.place.to_string();
                if place.is_empty() {
                    p.message.clone()
                } else {
                    format!("{place}: {}", p.message)
                }
            })
            .unwrap_or_else(|| "cannot be read".to_string());
        Skipped {
            file: e.file.clone(),
            reason,
        }
    }
}

/// The records read, in the order found (folders sorted by name), and the files skipped.
#[derive(Debug, Default)]
pub struct Gathered {
    pub records: Vec<(String, Record)>,
    pub skipped: Vec<Skipped>,
}

/// Reads every record named: a file is read whatever its name; a folder contributes its
/// `.json` files (and those of its subfolders, a few levels down), sorted by name.
pub fn gather(paths: &[PathBuf]) -> Gathered {
    let mut out = Gathered::default();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            json_files(p, 0, &mut files, &mut out.skipped);
            files.sort();
            for f in files {
                read_one(&f, &mut out);
            }
        } else {
            read_one(p, &mut out);
        }
    }
    out
}

fn read_one(path: &Path, out: &mut Gathered) {
    if out.records.len() >= MAX_RECORDS {
        out.skipped.push(Skipped {
            file: path.display().to_string(),
            reason: format!("more than {MAX_RECORDS} records: this one and the rest are left out"),
        });
        return;
    }
    match Record::read(path) {
        Ok(r) => out.records.push((path.display().to_string(), r)),
        Err(e) => out.skipped.push(Skipped::of(&e)),
    }
}

fn json_files(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped {
                file: dir.display().to_string(),
                reason: format!("cannot read the folder: {e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH {
                json_files(&path, depth + 1, files, skipped);
            }
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            files.push(path);
        }
    }
}
