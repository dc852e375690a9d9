//! Headless clients that play a seat to the end (the first open option at each
//! decision, passing at the table), measuring the time from each move to the view that
//! shows it; and `panmunjom net-bench`, which runs a real `host` process and one bot
//! per seat on loopback, then reports the latency, the server's CPU and peak memory.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::client::{JoinTarget, SeatState, SendRequest};
use super::protocol::SeatAction;

/// One headless client playing its seat.
pub struct Bot {
    pub app: App,
    /// The move in flight: when it was sent and the table's move count then.
    outstanding: Option<(Instant, u32)>,
    pub latencies: Vec<Duration>,
}

impl Bot {
    pub fn new(addr: SocketAddr, code: &str, record: bool) -> Bot {
        let mut app = super::headless_client_app(
            JoinTarget {
                addr,
                code: code.to_string(),
                name: Some(format!("bot {code}")),
            },
            false,
        );
        app.world_mut().resource_mut::<SeatState>().record = record;
        Bot {
            app,
            outstanding: None,
            latencies: Vec::new(),
        }
    }

    pub fn state(&self) -> &SeatState {
        self.app.world().resource::<SeatState>()
    }

    /// Whether the seat's game is over (as its view says).
    pub fn done(&self) -> bool {
        self.state()
            .view
            .as_ref()
            .is_some_and(|v| v.outcome.is_some())
    }

    /// One frame: receive, and move when it is the seat's turn and no move is in flight.
    pub fn tick(&mut self) {
        self.app.update();
        let state = self.app.world().resource::<SeatState>();
        let Some(view) = &state.view else { return };
        if let Some((sent, moves)) = self.outstanding {
            if view.moves > moves {
                self.latencies.push(sent.elapsed());
                self.outstanding = None;
            } else if state.refused.is_some() {
                self.outstanding = None;
            } else {
                return;
            }
        }
        if !view.your_turn || view.outcome.is_some() {
            return;
        }
        let action = match (&view.decision, &view.meeting) {
            (Some(d), _) => match d.options.iter().position(|o| o.2) {
                Some(n) => SeatAction::Choose(n),
                None => return,
            },
            (None, Some(_)) => SeatAction::Pass,
            (None, None) => return,
        };
        let moves = view.moves;
        self.app.world_mut().resource_mut::<SeatState>().refused = None;
        self.app.world_mut().write_message(SendRequest::act(action));
        self.outstanding = Some((Instant::now(), moves));
    }
}

/// The codes in a class folder's seats file, table by table.
pub fn read_codes(dir: &Path) -> Result<Vec<Vec<String>>, String> {
    let path = dir.join(super::class::SEATS_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let tables = v["tables"].as_array().cloned().unwrap_or_default();
    Ok(tables
        .iter()
        .map(|t| {
            t.as_array()
                .map(|seats| {
                    seats
                        .iter()
                        .filter_map(|s| s["code"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect())
}

/// Median and 99th percentile of `d` (sorted in place), in milliseconds.
pub fn percentiles(d: &mut [Duration]) -> (f64, f64) {
    if d.is_empty() {
        return (0.0, 0.0);
    }
    d.sort();
    let at = |q: f64| {
        let i = ((d.len() as f64 - 1.0) * q).round() as usize;
        d[i].as_secs_f64() * 1000.0
    };
    (at(0.5), at(0.99))
}

/// `panmunjom net-bench`: `tables` tables on a real `host` process on loopback, one bot
/// per seat (on `threads` threads), every game to its end or `timeout`.
pub fn bench(tables: usize, threads: usize, timeout: Duration) -> ExitCode {
    match run_bench(tables, threads.max(1), timeout) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("panmunjom net-bench: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_bench(tables: usize, threads: usize, timeout: Duration) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("panmunjom-net-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Command::new(exe)
        .args(["host", "--bind", "127.0.0.1:0", "--tables"])
        .arg(tables.to_string())
        .arg("--dir")
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("starting the host: {e}"))?;
    let pid = child.id();
    let stdout = child.stdout.take().ok_or("no stdout of the host")?;
    let mut lines = BufReader::new(stdout).lines();
    let addr: SocketAddr = loop {
        let Some(Ok(line)) = lines.next() else {
            return Err("the host ended before listening".into());
        };
        if let Some(a) = line.strip_prefix("panmunjom host: listening on ") {
            break a.trim().parse().map_err(|e| format!("{a}: {e}"))?;
        }
    };
    // Keep reading the host's output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.by_ref() {});
    let codes: Vec<String> = read_codes(&dir)?.into_iter().flatten().collect();
    let clients = codes.len();
    let started = Instant::now();
    let cpu_before = cpu_seconds(pid);
    let chunks: Vec<Vec<String>> = codes
        .chunks(clients.div_ceil(threads).max(1))
        .map(<[String]>::to_vec)
        .collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            std::thread::spawn(move || {
                let mut bots: Vec<Bot> = chunk.iter().map(|c| Bot::new(addr, c, false)).collect();
                let deadline = Instant::now() + timeout;
                while Instant::now() < deadline && !bots.iter().all(Bot::done) {
                    for b in &mut bots {
                        b.tick();
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
                let done = bots.iter().filter(|b| b.done()).count();
                let lat: Vec<Duration> = bots.into_iter().flat_map(|b| b.latencies).collect();
                (done, lat)
            })
        })
        .collect();
    let mut done = 0;
    let mut latencies = Vec::new();
    for h in handles {
        let (d, l) = h.join().map_err(|_| "a bot thread panicked")?;
        done += d;
        latencies.extend(l);
    }
    let wall = started.elapsed();
    let cpu = cpu_seconds(pid).zip(cpu_before).map(|(a, b)| a - b);
    let peak = peak_rss_kb(pid);
    if let Some(mut stdin) = child.stdin.take() {
        let _ = writeln!(stdin, "quit");
    }
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    let (median, p99) = percentiles(&mut latencies);
    Ok(format!(
        "net-bench: {tables} tables, {clients} clients on loopback; {done}/{clients} seats saw their game end in {:.1} s\n\
         moves: {}; move-to-update latency: median {median:.1} ms, p99 {p99:.1} ms\n\
         server: CPU {} over the run; peak memory {}",
        wall.as_secs_f64(),
        latencies.len(),
        cpu.map_or("unknown".into(), |c| format!(
            "{c:.2} s ({:.0}% of one core)",
            100.0 * c / wall.as_secs_f64()
        )),
        peak.map_or("unknown".into(), |k| format!("{:.1} MB", k as f64 / 1024.0)),
    ))
}

/// User + system CPU seconds of process `pid` (Linux `/proc`).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident memory of process `pid` in kB (Linux `/proc`, VmHWM).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
