//! Start-up and frame-time figures, printed to stderr when `PANMUNJOM_TIMING=1`: the
//! time from process start to the first rendered frame, and on exit the frame times
//! per screen. `examples/bare_window.rs` uses the same plugin, so the two compare.
//!
//! Lines start with `PANMUNJOM_TIMING` so that `scripts/measure-window.sh` finds them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bevy::prelude::*;
use bevy::render::{Render, RenderApp, RenderSystems};

/// Whether `PANMUNJOM_TIMING` asks for the figures.
pub fn enabled() -> bool {
    std::env::var("PANMUNJOM_TIMING").is_ok_and(|v| v == "1")
}

/// How long the process had been running when this is called (from `/proc`, 10 ms
/// resolution), if it can be told.
fn process_age() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let after = stat.rsplit_once(')')?.1;
    let start_ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // USER_HZ is 100 on Linux.
    Some(Duration::from_secs_f64(
        (uptime - start_ticks / 100.0).max(0.0),
    ))
}

/// When the plugin was built, and the process's age then.
#[derive(Resource, Clone, Copy)]
struct Clock {
    built: Instant,
    age_at_build: Option<Duration>,
}

static FIRST_FRAME: AtomicBool = AtomicBool::new(false);

/// Frame times seen, per screen (`None` outside the app, e.g. the bare window).
#[derive(Resource, Default)]
struct Frames {
    frame_start: Option<Instant>,
    /// (screen, frame interval, main-schedule work) in milliseconds.
    samples: Vec<(String, f64, f64)>,
}

pub struct TimingPlugin;

impl Plugin for TimingPlugin {
    fn build(&self, app: &mut App) {
        if !enabled() {
            return;
        }
        let clock = Clock {
            built: Instant::now(),
            age_at_build: process_age(),
        };
        app.insert_resource(clock)
            .init_resource::<Frames>()
            .add_systems(First, frame_start)
            .add_systems(Last, (frame_end, report_on_exit).chain());
        if let Some(render) = app.get_sub_app_mut(RenderApp) {
            render
                .insert_resource(clock)
                .add_systems(Render, first_frame.in_set(RenderSystems::Cleanup));
        }
    }
}

/// In the render world, after the first frame was rendered and presented.
fn first_frame(clock: Res<Clock>) {
    if FIRST_FRAME.swap(true, Ordering::AcqRel) {
        return;
    }
    let since_build = clock.built.elapsed();
    let unix_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let from_start = clock
        .age_at_build
        .map(|a| format!("{:.0}", (a + since_build).as_secs_f64() * 1000.0))
        .unwrap_or_else(|| "?".into());
    eprintln!(
        "PANMUNJOM_TIMING first_frame_ms={from_start} first_frame_unix_ms={unix_ms} pid={}",
        std::process::id()
    );
}

fn frame_start(mut frames: ResMut<Frames>) {
    frames.frame_start = Some(Instant::now());
}

fn frame_end(
    mut frames: ResMut<Frames>,
    time: Res<Time<Real>>,
    screen: Option<Res<State<crate::app::Screen>>>,
) {
    let work = frames
        .frame_start
        .map(|s| s.elapsed().as_secs_f64() * 1000.0)
        .unwrap_or(0.0);
    let interval = time.delta_secs_f64() * 1000.0;
    let screen = screen
        .map(|s| format!("{:?}", s.get()))
        .unwrap_or_else(|| "window".into());
    frames.samples.push((screen, interval, work));
}

fn report_on_exit(mut exits: MessageReader<AppExit>, frames: Res<Frames>) {
    if exits.read().next().is_none() {
        return;
    }
    let mut screens: Vec<&str> = frames.samples.iter().map(|s| s.0.as_str()).collect();
    screens.dedup();
    screens.sort_unstable();
    screens.dedup();
    for screen in screens {
        // The first frames of a screen include its set-up; all are kept, as a person sees them.
        let mut interval: Vec<f64> = Vec::new();
        let mut work: Vec<f64> = Vec::new();
        for (s, i, w) in &frames.samples {
            if s == screen {
                interval.push(*i);
                work.push(*w);
            }
        }
        eprintln!(
            "PANMUNJOM_TIMING frames screen={screen} n={} interval_ms: {} · update_ms: {}",
            interval.len(),
            summary(&mut interval),
            summary(&mut work)
        );
    }
}

fn summary(v: &mut [f64]) -> String {
    if v.is_empty() {
        return "-".into();
    }
    v.sort_by(f64::total_cmp);
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    let pct = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    format!(
        "mean={mean:.1} p50={:.1} p95={:.1} max={:.1}",
        pct(0.5),
        pct(0.95),
        v[v.len() - 1]
    )
}
