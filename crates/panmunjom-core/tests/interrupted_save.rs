//! A save killed half-way never damages the file: a child process saves two records in
//! turn, in a loop, and is killed with SIGKILL at random moments, many times; after
//! every kill the file is whole and is one of the records (or the one there before).
//!
//! The child is this same test binary, re-run on the `save_loop_child` test with
//! `PANMUNJOM_SAVE_LOOP` set; without it that test does nothing. Rounds: 60, or
//! `PANMUNJOM_KILL_ROUNDS` (docs/reliability.md gives the figures of a long run). With
//! `PANMUNJOM_SAVE_NAIVE` set, the child writes in place instead (the control
//! experiment: the test then counts damaged files instead of failing on the first).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use panmunjom_core::engine::{Game, Policy, Setup};
use panmunjom_core::record::Record;
use panmunjom_core::scenario::builtin;

/// Two different finished games' records on the built-in scenario.
fn records() -> (Record, Record) {
    let s = Arc::new(builtin::main_scenario().expect("the built-in scenario is valid"));
    let mut records = Vec::new();
    for (role, policy) in [("un", Policy::Historical), ("prc", Policy::Adaptive)] {
        let role = s.actor_by_id(role).expect("role exists");
        let mut game = Game::new(
            Arc::clone(&s),
            Setup {
                role,
                policy,
                seed: 11,
            },
        );
        game.play_historical();
        records.push(Record::of(&game));
    }
    let b = records.pop().expect("two records");
    let a = records.pop().expect("two records");
    assert_ne!(a, b);
    (a, b)
}

/// The child: saves A and B in turn until killed.
#[test]
fn save_loop_child() {
    let Some(path) = std::env::var_os("PANMUNJOM_SAVE_LOOP") else {
        return;
    };
    let path = PathBuf::from(path);
    let (a, b) = records();
    let naive = std::env::var_os("PANMUNJOM_SAVE_NAIVE").is_some();
    // Tell the parent the loop starts now (so its kill lands while saving, however
    // slowly this busy machine started the child).
    let _ = std::fs::write(ready_marker(&path), "ready");
    loop {
        for r in [&a, &b] {
            if naive {
                // The control experiment: writing in place, as `std::fs::write` does.
                std::fs::write(&path, r.to_json()).expect("naive save");
            } else {
                r.write(&path).expect("save");
            }
        }
    }
}

/// The file the child creates when its save loop starts.
fn ready_marker(path: &Path) -> PathBuf {
    path.with_extension("ready")
}

/// A small deterministic generator for the kill delays.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn leftover_temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_record() {
    let rounds: usize = std::env::var("PANMUNJOM_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(60);
    let dir = std::env::temp_dir().join(format!("panmunjom-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("save.json");
    let (a, b) = records();
    // The good save there before the first kill.
    let mut before = Record {
        seed: 99,
        ..a.clone()
    };
    before.choices.clear();
    before.write(&path).expect("first save");

    let exe = std::env::current_exe().expect("test binary");
    let mut seen = [0usize; 3];
    let naive = std::env::var_os("PANMUNJOM_SAVE_NAIVE").is_some();
    let mut damaged = 0usize;
    let mut empty = 0usize;
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let marker = ready_marker(&path);
    for round in 0..rounds {
        let _ = std::fs::remove_file(&marker);
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_loop_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PANMUNJOM_SAVE_LOOP", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        // Wait until its loop starts (60 s at most), then let it save for a random
        // while: 0 to 30 ms.
        for _ in 0..6_000 {
            if marker.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_micros(next(&mut rng) % 30_000));
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("child reaped");
        assert!(!status.success(), "round {round}: the child was not killed");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("round {round}: the save is gone or unreadable: {e}"));
        let got = match Record::parse("save.json", &text) {
            Ok(got) => got,
            Err(_) if naive => {
                damaged += 1;
                if text.is_empty() {
                    empty += 1;
                }
                continue;
            }
            Err(e) => panic!("round {round}: damaged save:\n{}", e.render()),
        };
        let which = [&before, &a, &b]
            .iter()
            .position(|r| **r == got)
            .unwrap_or_else(|| panic!("round {round}: the save is none of the records"));
        seen[which] += 1;
    }
    if naive {
        eprintln!(
            "naive in-place saves: {damaged} of {rounds} kills left a damaged file ({empty} empty)"
        );
        assert!(damaged > 0, "the control experiment damaged nothing");
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    eprintln!(
        "{rounds} kills: file held the earlier save {} times, record A {} times, record B {} times; {} temporary files left behind by killed saves",
        seen[0],
        seen[1],
        seen[2],
        leftover_temp_files(&dir)
    );
    assert!(
        seen[1] + seen[2] > 0,
        "no kill came after a save: the child never saved"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
