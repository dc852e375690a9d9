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

use super::client::{ClientSocket, JoinTarget, SeatState, SendRequest};
use super::protocol::SeatAction;

/// One headless client playing its seat.
pub struct Bot {
    pub app: App,
    /// The move in flight: when it was sent and the table's move count then.
    outstanding: Option<(Instant, u32)>,
    pub latencies: Vec<Duration>,
    /// How long the bot "thinks" before each move (none: it moves at once).
    think: Option<Think>,
    /// When its next move may go (set when its turn comes, with `think`).
    move_at: Option<Instant>,
    last_update: Instant,
}

/// A bot's thinking time before a move: uniform in `[0, 2 × mean)`, from a small
/// generator seeded by the seat's code (the benchmark's pace, not the game's: the
/// game's randomness is the engine's own seeded RNG, on the server).
struct Think {
    mean: Duration,
    state: u64,
}

impl Think {
    fn next(&mut self) -> Duration {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        let r = self.state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11;
        let unit = r as f64 / (1u64 << 53) as f64;
        self.mean.mul_f64(2.0 * unit)
    }
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
            think: None,
            move_at: None,
            last_update: Instant::now(),
        }
    }

    /// The bot thinks `mean` on average before each move (zero: none).
    pub fn thinking(mut self, mean: Duration, code: &str) -> Bot {
        let seed = code.bytes().fold(0x9e37_79b9_7f4a_7c15u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        self.think = (!mean.is_zero()).then_some(Think {
            mean,
            state: seed | 1,
        });
        self
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

    /// Whether a move was sent and its view has not come back yet.
    pub fn in_flight(&self) -> bool {
        self.outstanding.is_some()
    }

    /// A frame only when it is needed: a datagram waits on the socket, the bot's
    /// thinking time is over, or [`super::ACK_PERIOD`] has passed (acknowledgements,
    /// the connection's own packets). Cheap enough to call in a tight loop for many bots.
    pub fn poll(&mut self) {
        let data = self
            .app
            .world()
            .get_resource::<ClientSocket>()
            .is_none_or(ClientSocket::has_data);
        let now = Instant::now();
        if data
            || self.move_at.is_some_and(|t| now >= t)
            || now.duration_since(self.last_update) >= super::ACK_PERIOD
        {
            self.tick();
        }
    }

    /// One frame: receive, and move when it is the seat's turn and no move is in flight.
    pub fn tick(&mut self) {
        self.tick_unless(|_| false);
    }

    /// One frame, moving as [`Bot::tick`] does unless `hold` says to wait on this view.
    pub fn tick_unless(&mut self, hold: impl Fn(&super::view::SeatView) -> bool) {
        self.app.update();
        self.last_update = Instant::now();
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
        if !view.your_turn || view.outcome.is_some() || hold(view) {
            self.move_at = None;
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
        if let Some(think) = &mut self.think {
            let at = *self
                .move_at
                .get_or_insert_with(|| Instant::now() + think.next());
            if Instant::now() < at {
                return;
            }
        }
        self.move_at = None;
        let moves = view.moves;
        self.app.world_mut().resource_mut::<SeatState>().refused = None;
        self.app.world_mut().write_message(SendRequest::act(action));
        self.outstanding = Some((Instant::now(), moves));
        // Send it now, not at the next frame.
        self.app.update();
        self.last_update = Instant::now();
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

/// `net-bench`'s settings.
#[derive(Debug, Clone)]
pub struct BenchArgs {
    pub tables: usize,
    /// Processes running the headless clients (each on one thread).
    pub processes: usize,
    /// The clients' mean thinking time before a move (zero: none).
    pub think: Duration,
    pub timeout: Duration,
}

/// `panmunjom net-bench`: `tables` tables on a real `host` process on loopback, one bot
/// per seat, the bots spread over `processes` processes of this binary (see
/// [`bots_process`]), every game to its end or `timeout`.
pub fn bench(args: &BenchArgs) -> ExitCode {
    match run_bench(args) {
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

/// What one bots process reports on its standard output (one JSON line).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct BotsReport {
    /// Seats that saw their game end.
    pub done: usize,
    /// Every move's latency, in microseconds.
    pub latencies_us: Vec<u64>,
    /// This process's user + system CPU seconds.
    pub cpu_seconds: f64,
}

/// The pause between two rounds of a bots process over its bots (each round peeks at
/// every bot's socket and updates only the bots with something to do).
const ROUND_PAUSE: Duration = Duration::from_millis(1);

/// A bots process (`net-bench --bots ADDR --codes A,B,…`, hidden): plays these seats on
/// one thread until every game ends or `timeout`, then prints a [`BotsReport`].
pub fn bots_process(
    addr: SocketAddr,
    codes: &[String],
    think: Duration,
    timeout: Duration,
) -> ExitCode {
    let mut bots: Vec<Bot> = codes
        .iter()
        .map(|c| Bot::new(addr, c, false).thinking(think, c))
        .collect();
    let started = Instant::now();
    // Bounded in time and in rounds (a round takes at least ROUND_PAUSE).
    let rounds = (timeout.as_micros() / ROUND_PAUSE.as_micros()).max(1);
    for _ in 0..rounds {
        if started.elapsed() > timeout || bots.iter().all(Bot::done) {
            break;
        }
        for b in &mut bots {
            if !b.done() {
                b.poll();
            }
        }
        std::thread::sleep(ROUND_PAUSE);
    }
    let report = BotsReport {
        done: bots.iter().filter(|b| b.done()).count(),
        latencies_us: bots
            .iter()
            .flat_map(|b| b.latencies.iter().map(|d| d.as_micros() as u64))
            .collect(),
        cpu_seconds: cpu_seconds(std::process::id()).unwrap_or(0.0),
    };
    match serde_json::to_string(&report) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("panmunjom net-bench: {e}");
            ExitCode::from(1)
        }
    }
}

/// The load average over the last minute (Linux `/proc/loadavg`).
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn run_bench(args: &BenchArgs) -> Result<String, String> {
    let tables = args.tables;
    let dir = std::env::temp_dir().join(format!("panmunjom-net-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Command::new(&exe)
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
    // Keep reading the host's output so that it never blocks on a full pipe; keep its
    // profile (printed when it quits).
    let reader = std::thread::spawn(move || {
        lines
            .map_while(Result::ok)
            .filter(|l| l.starts_with("host profile:"))
            .last()
    });
    let codes: Vec<String> = read_codes(&dir)?.into_iter().flatten().collect();
    let clients = codes.len();
    let load_before = load_average();
    let started = Instant::now();
    let cpu_before = cpu_seconds(pid);
    let per = clients.div_ceil(args.processes.max(1)).max(1);
    let mut children = Vec::new();
    for chunk in codes.chunks(per) {
        let c = Command::new(&exe)
            .args(["net-bench", "--bots"])
            .arg(addr.to_string())
            .arg("--codes")
            .arg(chunk.join(","))
            .arg("--think-ms")
            .arg(args.think.as_millis().to_string())
            .arg("--timeout-secs")
            .arg(args.timeout.as_secs().max(1).to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("starting a bots process: {e}"))?;
        children.push(c);
    }
    let mut done = 0;
    let mut latencies = Vec::new();
    let mut bots_cpu = 0.0;
    for c in children {
        let out = c
            .wait_with_output()
            .map_err(|e| format!("a bots process: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        let report: BotsReport = serde_json::from_str(text.trim())
            .map_err(|e| format!("a bots process reported `{}`: {e}", text.trim()))?;
        done += report.done;
        bots_cpu += report.cpu_seconds;
        latencies.extend(report.latencies_us.into_iter().map(Duration::from_micros));
    }
    let wall = started.elapsed();
    let cpu = cpu_seconds(pid).zip(cpu_before).map(|(a, b)| a - b);
    let peak = peak_rss_kb(pid);
    let load_after = load_average();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = writeln!(stdin, "quit");
    }
    let _ = child.wait();
    let profile = reader.join().ok().flatten().unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    let (median, p99) = percentiles(&mut latencies);
    let max = latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let load = |l: Option<f64>| l.map_or("unknown".into(), |l| format!("{l:.2}"));
    Ok(format!(
        "net-bench: {tables} tables, {clients} clients in {} processes on loopback, thinking {} ms on average; {done}/{clients} seats saw their game end in {:.1} s\n\
         moves: {}; move-to-update latency: median {median:.1} ms, p99 {p99:.1} ms, max {max:.1} ms\n\
         server: CPU {} over the run; peak memory {}\n\
         clients: CPU {bots_cpu:.2} s; load average (1 min) {} before, {} after\n\
         {profile}",
        codes.chunks(per).len(),
        args.think.as_millis(),
        wall.as_secs_f64(),
        latencies.len(),
        cpu.map_or("unknown".into(), |c| format!(
            "{c:.2} s ({:.0}% of one core)",
            100.0 * c / wall.as_secs_f64()
        )),
        peak.map_or("unknown".into(), |k| format!("{:.1} MB", k as f64 / 1024.0)),
        load(load_before),
        load(load_after),
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
