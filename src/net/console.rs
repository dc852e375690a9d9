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

/// The class at a glance: a line per table.
pub fn status_text(class: &Class) -> String {
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
            view::divergence(g, &class.history),
            seats
        ));
    }
    out
}

fn commands(
    mut console: ResMut<Console>,
    mut class: ResMut<Class>,
    mut log: ResMut<ServerLog>,
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
                "stopping; every record is on disk".to_string()
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
            ["collect"] => collect(&class, None),
            ["collect", dir] => collect(&class, Some(PathBuf::from(dir))),
            _ => "commands: codes, computer T S, human T S, collect [DIR], quit".to_string(),
        };
        log.line(format!(
            "host: {line} → {}",
            answer.lines().next().unwrap_or("")
        ));
        println!("{answer}");
    }
}

fn collect(class: &Class, dir: Option<PathBuf>) -> String {
    let dir = dir.unwrap_or_else(|| class.dir.join("class"));
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
    let every = if console.tty {
        Duration::from_secs(1)
    } else {
        Duration::from_secs(2)
    };
    if console.last.is_some_and(|l| l.elapsed() < every) {
        return;
    }
    let text = status_text(&class);
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

/// Every table finished: collect the records once (and stop, with `exit_when_done`).
fn finish(
    mut console: ResMut<Console>,
    class: Res<Class>,
    mut log: ResMut<ServerLog>,
    mut exit: MessageWriter<AppExit>,
) {
    if console.collected || !class.tables.iter().all(|t| t.game.is_finished()) {
        return;
    }
    console.collected = true;
    let text = collect(&class, None);
    log.line(format!("every table has finished: {text}"));
    println!("every table has finished: {text}");
    if console.exit_when_done {
        exit.write(AppExit::Success);
    }
}
