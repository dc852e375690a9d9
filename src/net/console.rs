//! `ConsolePlugin`: the host's terminal. Prints the address and every seat's join
//! code, then the class at a glance (per table: the date, whose turn it is, who is
//! connected, the divergence so far), redrawn every second on a terminal and printed
//! on each change otherwise; reads the host's commands on standard input:
//!
//! - `codes` — every seat's join code again;
//! - `computer T S` — hand seat S of table T (from 1) to the computer (it must be empty);
//! - `human T S` — take it back: its code seats a person again;
//! - `collect [DIR]` — copy every table's record into DIR (default: `class/` in the
//!   class folder), the input of `panmunjom class`;
//! - `quit` — stop the server (every record is already on disk).
//!
//! When every table has finished, the records are collected into `class/` at once.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::class::Class;
use super::seat;
use super::server::{HostAddr, ServerLog};
use super::view;

pub struct ConsolePlugin {
    pub exit_when_done: bool,
}

#[derive(Resource)]
struct Console {
    lines: Mutex<Receiver<String>>,
    tty: bool,
    last: Option<Instant>,
    last_text: String,
    started: bool,
    collected: bool,
    /// Each table's divergence and the move count it was measured at.
    divergence: Vec<Option<(u32, u32)>>,
    exit_when_done: bool,
}

impl Plugin for ConsolePlugin {
    fn build(&self, app: &mut App) {
        let (tx, rx) = std::sync::mpsc::channel();
        // Reads standard input line by line; ends at its end (no terminal: no commands).
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            for line in stdin.lock().lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        app.insert_resource(Console {
            lines: Mutex::new(rx),
            tty: std::io::stdout().is_terminal(),
            last: None,
            last_text: String::new(),
            started: false,
            collected: false,
            divergence: Vec::new(),
            exit_when_done: self.exit_when_done,
        })
        .add_systems(Update, (status, commands, finish).chain());
    }
}

/// Every seat's code, a line each.
pub fn codes_text(class: &Class) -> String {
    let mut out = String::new();
    for (t, table) in class.tables.iter().enumerate() {
        for (s, seat) in table.seats.iter().enumerate() {
            let role = &table.game.scenario.actor(seat.role).name;
            out.push_str(&format!(
                "table {:>2} seat {} {:<40} code {}\n",
                t + 1,
                s + 1,
                role,
                seat.code
            ));
        }
    }
    out
}

/// The class at a glance: a line per table; `divergence` gives each table's figure.
pub fn status_text(class: &Class, divergence: impl Fn(usize) -> String) -> String {
    let mut out =
        String::from("table  date        turn                          divergence  seats\n");
    for (t, table) in class.tables.iter().enumerate() {
        let g = &table.game;
        let s = &*g.scenario;
        let turn = match seat::to_act(g) {
            Some(r) => s.actor(r).name.clone(),
            None if g.is_finished() => "finished".to_string(),
            None => "—".to_string(),
        };
        let seats = table
            .seats
            .iter()
            .map(|seat| {
                let who = seat.name.clone().unwrap_or_else(|| "—".into());
                let state = if seat.computer {
                    "computer"
                } else if seat.client.is_some() {
                    "connected"
                } else {
                    "empty"
                };
                format!("{} {} ({state})", s.actor(seat.role).id, who)
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!(
            "{:>5}  {}  {:<28}  {:>10}  {}\n",
            t + 1,
            g.state.date,
            turn.chars().take(28).collect::<String>(),
            divergence(t),
            seats
        ));
    }
    out
}

fn commands(
    mut console: ResMut<Console>,
    mut class: ResMut<Class>,
    mut log: ResMut<ServerLog>,
    profile: Res<super::server::Profile>,
    mut exit: MessageWriter<AppExit>,
) {
    let mut lines = Vec::new();
    if let Ok(rx) = console.lines.lock() {
        while let Ok(l) = rx.try_recv() {
            lines.push(l);
        }
    }
    for line in lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        let answer = match words.as_slice() {
            [] => continue,
            ["codes"] => codes_text(&class),
            ["quit"] => {
                exit.write(AppExit::Success);
                format!("stopping; every record is on disk\n{}", profile.text())
            }
            [cmd @ ("computer" | "human"), t, s] => {
                match (t.parse::<usize>(), s.parse::<usize>()) {
                    (Ok(t), Ok(s)) if t > 0 && s > 0 => {
                        match class.set_computer(t - 1, s - 1, *cmd == "computer") {
                            Ok(()) => {
                                console.last_text.clear();
                                format!(
                                    "table {t} seat {s}: {}",
                                    if *cmd == "computer" {
                                        "the computer plays it"
                                    } else {
                                        "a person's seat again"
                                    }
                                )
                            }
                            Err(e) => e,
                        }
                    }
                    _ => {
                        "usage: computer TABLE SEAT | human TABLE SEAT (numbers from 1)".to_string()
                    }
                }
            }
            ["collect"] => collect(&mut class, None),
            ["collect", dir] => collect(&mut class, Some(PathBuf::from(dir))),
            _ => "commands: codes, computer T S, human T S, collect [DIR], quit".to_string(),
        };
        log.line(format!(
            "host: {line} → {}",
            answer.lines().next().unwrap_or("")
        ));
        println!("{answer}");
    }
}

fn collect(class: &mut Class, dir: Option<PathBuf>) -> String {
    let dir = dir.unwrap_or_else(|| class.dir.join("class"));
    let errors = class.wait_written(Duration::from_secs(30));
    if let Some(e) = errors.first() {
        return format!("a record could not be written: {e}");
    }
    match class.collect(&dir) {
        Ok(n) => format!(
            "{n} records collected in {}; the class report: panmunjom class {}",
            dir.display(),
            dir.display()
        ),
        Err(e) => e,
    }
}

fn status(
    mut console: ResMut<Console>,
    class: Res<Class>,
    addr: Res<HostAddr>,
    log: Res<ServerLog>,
) {
    let mut out = std::io::stdout().lock();
    if !console.started {
        console.started = true;
        let _ = writeln!(out, "panmunjom host: listening on {}", addr.0);
        let _ = write!(out, "{}", codes_text(&class));
        let _ = writeln!(
            out,
            "commands: codes, computer T S, human T S, collect [DIR], quit"
        );
        let _ = out.flush();
    }
    refresh_divergence(&mut console, &class);
    let every = if console.tty {
        Duration::from_secs(1)
    } else {
        Duration::from_secs(2)
    };
    if console.last.is_some_and(|l| l.elapsed() < every) {
        return;
    }
    let text = status_text(&class, |t| {
        console
            .divergence
            .get(t)
            .copied()
            .flatten()
            .map_or_else(|| "…".to_string(), |(_, d)| d.to_string())
    });
    if console.tty {
        let _ = write!(out, "\x1b[H\x1b[2J{}\n{}", codes_text(&class), text);
        for line in &log.recent {
            let _ = writeln!(out, "  {line}");
        }
    } else if text != console.last_text {
        let _ = write!(out, "{text}");
    }
    let _ = out.flush();
    console.last_text = text;
    console.last = Some(Instant::now());
}

/// The most tables whose divergence is measured again in one frame: with a hundred
/// tables moving, measuring all of them at once would hold up the frame (and every
/// reply waiting in it); the class view shows a figure a few frames old instead.
const DIVERGENCE_PER_FRAME: usize = 4;

fn refresh_divergence(console: &mut Console, class: &Class) {
    console.divergence.resize(class.tables.len(), None);
    let stale = class
        .tables
        .iter()
        .enumerate()
        .filter(|(t, table)| console.divergence[*t].is_none_or(|(m, _)| m != table.moves))
        .map(|(t, _)| t)
        .take(DIVERGENCE_PER_FRAME)
        .collect::<Vec<_>>();
    for t in stale {
        let table = &class.tables[t];
        console.divergence[t] = Some((table.moves, view::divergence(&table.game, &class.history)));
    }
}

/// Every table finished: collect the records once (and stop, with `exit_when_done`).
fn finish(
    mut console: ResMut<Console>,
    mut class: ResMut<Class>,
    mut log: ResMut<ServerLog>,
    mut exit: MessageWriter<AppExit>,
) {
    if console.collected
        || !class.tables.iter().all(|t| t.game.is_finished())
        || !class.all_written()
    {
        return;
    }
    console.collected = true;
    let text = collect(&mut class, None);
    log.line(format!("every table has finished: {text}"));
    println!("every table has finished: {text}");
    if console.exit_when_done {
        exit.write(AppExit::Success);
    }
}
