//! Benchmarks of the core: load + validation, one full game, explore, bargaining.
//!
//! A small hand-rolled harness (no dependency): each case runs in rounds, and the
//! median time per iteration over the rounds is reported (also the best). Run with
//! `cargo bench -p panmunjom-core`; `cargo bench -p panmunjom-core -- bargain` runs
//! only the cases whose name contains `bargain`.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use panmunjom_core::bargain;
use panmunjom_core::engine::{Game, Policy, Setup};
use panmunjom_core::explore::{self, Config};
use panmunjom_core::scenario::builtin;

/// Times `f` in `rounds` rounds of `iters` iterations: (median, best) per iteration.
fn time(rounds: usize, iters: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f(); // warm-up
    let mut per: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed() / iters as u32
        })
        .collect();
    per.sort_unstable();
    (per[per.len() / 2], per[0])
}

fn report(name: &str, (median, best): (Duration, Duration), note: &str) {
    println!(
        "{name:<34} median {:>12.3} µs   best {:>12.3} µs   {note}",
        median.as_secs_f64() * 1e6,
        best.as_secs_f64() * 1e6
    );
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| {
        filter
            .as_ref()
            .is_none_or(|f| name.contains(f.as_str()) || f.contains(name))
    };
    let s = Arc::new(builtin::main_scenario().expect("the shipped scenario is valid"));

    if wanted("load") {
        report(
            "load_and_validate",
            time(15, 5, || {
                black_box(builtin::main_scenario().expect("valid"));
            }),
            "parse RON + check + hash + quotes (target < 5 ms)",
        );
    }
    if wanted("game") {
        let role = s.actor_by_id("un").expect("un");
        let mut seed = 0u64;
        report(
            "full_game_adaptive",
            time(15, 200, || {
                seed += 1;
                let mut g = Game::new(
                    Arc::clone(&s),
                    Setup {
                        role,
                        policy: Policy::Adaptive,
                        seed,
                    },
                );
                g.play_historical();
                black_box(g.state.armistice.is_some());
            }),
            "one game, other sides adaptive (target < 50 µs)",
        );
    }
    if wanted("bargain") {
        let game = bargain::walk_to(Arc::clone(&s), s.armistice.historical_terms_date);
        let m = bargain::Model::new(&s, &game.state);
        let size = m.size();
        report(
            "bargain_analysis",
            time(31, 200, || {
                let a = bargain::analyze(&s, &game.state).expect("small space");
                black_box(a.frontier.len());
            }),
            &format!("{size} deals: utilities, zone, frontier, Nash (target ≥100× NegMAS Pareto)"),
        );
        report(
            "bargain_timeline",
            time(9, 20, || {
                black_box(bargain::timeline(
                    Arc::clone(&s),
                    bargain::timeline::historical_setup(&s),
                    None,
                ));
            }),
            "the zone after every limit change on the historical path",
        );
    }
    for (name, runs, rounds) in [("explore_10000", 10_000, 5), ("explore_100000", 100_000, 3)] {
        if !wanted(name) {
            continue;
        }
        let cfg = Config {
            role: s.actor_by_id("un").expect("un"),
            runs,
            policy: Policy::Adaptive,
            seed: 1,
            vary: None,
            threads: 0,
        };
        report(
            name,
            time(rounds, 1, || {
                let r = explore::explore(&s, &cfg, &AtomicUsize::new(0)).expect("runs");
                black_box(r.armistice);
            }),
            "random UN choices, adaptive sides, all cores (target 100,000 < 5 s)",
        );
    }
}
