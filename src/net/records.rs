//! The record writer of a served class: after every move the table's record is written
//! atomically and flushed to disk (`fsio::write_atomic`) on a few background threads, a
//! table always on the same thread (its versions in order, only its latest waiting one
//! written). The server sends a move's views once its record is on disk: a client never
//! sees a move that a restarted server would not have, and no frame waits on the disk.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// One record to write: table, version (the table's move count), file, text.
struct Job {
    table: usize,
    version: u64,
    path: PathBuf,
    bytes: Vec<u8>,
    queued: Instant,
}

/// A written record: table, version, how long it waited and took, or the error.
pub struct Written {
    pub table: usize,
    pub version: u64,
    pub took: Duration,
    pub result: Result<(), String>,
}

/// The writer threads and their answers.
pub struct RecordWriter {
    queues: Vec<Sender<Job>>,
    answers: Mutex<Receiver<Written>>,
    answer_to: Sender<Written>,
}

impl RecordWriter {
    /// Starts `threads` writer threads (they end when the writer is dropped).
    pub fn start(threads: usize) -> RecordWriter {
        let (answer_to, answers) = channel();
        let queues = (0..threads.max(1))
            .filter_map(|n| {
                let (tx, rx) = channel::<Job>();
                let answer = answer_to.clone();
                std::thread::Builder::new()
                    .name(format!("record writer {n}"))
                    .spawn(move || write_loop(&rx, &answer))
                    .ok()
                    .map(|_| tx)
            })
            .collect();
        RecordWriter {
            queues,
            answers: Mutex::new(answers),
            answer_to,
        }
    }

    /// Writes `bytes` to `path` as version `version` of table `table` (on its thread;
    /// on this one if no thread could start).
    pub fn write(&self, table: usize, version: u64, path: PathBuf, bytes: Vec<u8>) {
        let job = Job {
            table,
            version,
            path,
            bytes,
            queued: Instant::now(),
        };
        let job = match self.queues.get(table % self.queues.len().max(1)) {
            Some(q) => match q.send(job) {
                Ok(()) => return,
                Err(e) => e.0,
            },
            None => job,
        };
        let _ = self.answer_to.send(write_one(job));
    }

    /// The records written since the last call.
    pub fn written(&self) -> Vec<Written> {
        self.answers
            .lock()
            .map(|a| a.try_iter().collect())
            .unwrap_or_default()
    }
}

fn write_one(job: Job) -> Written {
    let result = crate::fsio::write_atomic(&job.path, &job.bytes)
        .map_err(|e| format!("{}: {e}", job.path.display()));
    Written {
        table: job.table,
        version: job.version,
        took: job.queued.elapsed(),
        result,
    }
}

/// A writer thread: takes every job waiting, keeps each table's latest, writes them.
fn write_loop(jobs: &Receiver<Job>, answers: &Sender<Written>) {
    while let Ok(first) = jobs.recv() {
        // A later version of a table replaces an earlier one still waiting (its answer
        // covers both: the server compares versions).
        let mut latest: BTreeMap<usize, Job> = BTreeMap::new();
        for job in std::iter::once(first).chain(jobs.try_iter()) {
            latest.insert(job.table, job);
        }
        for job in latest.into_values() {
            if answers.send(write_one(job)).is_err() {
                return;
            }
        }
    }
}
