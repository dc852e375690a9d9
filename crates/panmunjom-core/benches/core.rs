//! Benchmarks of the core: load + validation, one full game, explore, bargaining, the class report.
//!
//! On the `divan` harness: each case runs a fixed number of samples, each of a fixed
//! number of iterations, and divan reports the fastest, slowest, median and mean time
//! per iteration. Run with `cargo bench -p panmunjom-core`; positional arguments are
//! regular expressions on the case names, so `cargo bench -p panmunjom-core -- bargain`
//! runs only the bargaining cases, `-- 'explore_10000$'` (or `-- --exact
//! core::explore_10000`) only that case: a bare `explore_10000` also matches
//! `explore_100000`. `-- --list` lists the cases.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use divan::{Bencher, black_box};
use panmunjom_core::bargain;
use panmunjom_core::engine::{Game, Policy, Setup};
use panmunjom_core::explore::{self, Config};
use panmunjom_core::scenario::{Scenario, builtin};

fn main() {
    divan::main();
}

fn scenario() -> Arc<Scenario> {
    Arc::new(builtin::main_scenario().expect("the shipped scenario is valid"))
}

/// Parse RON + check + hash + quotes (target < 5 ms).
#[divan::bench(sample_count = 15, sample_size = 5)]
fn load_and_validate() {
    black_box(builtin::main_scenario().expect("valid"));
}

/// One game, other sides adaptive, a new seed each time (target < 50 µs).
#[divan::bench(sample_count = 15, sample_size = 200)]
fn full_game_adaptive(bencher: Bencher) {
    let s = scenario();
    let role = s.actor_by_id("un").expect("un");
    let mut seed = 0u64;
    bencher
        .with_inputs(|| {
            seed += 1;
            seed
        })
        .bench_local_values(|seed| {
            let mut g = Game::new(
                Arc::clone(&s),
                Setup {
                    role,
                    policy: Policy::Adaptive,
                    seed,
                },
            );
            g.play_historical();
            black_box(g.state.armistice.is_some())
        });
}

/// The whole outcome space (4,320 deals) at the historical terms' date: utilities,
/// zone, frontier, Nash point (target ≥ 100× NegMAS's Pareto frontier).
#[divan::bench(sample_count = 31, sample_size = 200)]
fn bargain_analysis(bencher: Bencher) {
    let s = scenario();
    let game = bargain::walk_to(Arc::clone(&s), s.armistice.historical_terms_date);
    bencher.bench_local(|| {
        let a = bargain::analyze(&s, &game.state).expect("small space");
        black_box(a.frontier.len())
    });
}

/// The zone after every limit change on the historical path.
#[divan::bench(sample_count = 9, sample_size = 20)]
fn bargain_timeline(bencher: Bencher) {
    let s = scenario();
    bencher.bench_local(|| {
        black_box(bargain::timeline(
            Arc::clone(&s),
            bargain::timeline::historical_setup(&s),
            None,
        ))
    });
}

/// Explores `runs` games: random UN choices, adaptive sides, all cores.
fn explore_runs(bencher: Bencher, runs: usize) {
    let s = scenario();
    let cfg = Config {
        role: s.actor_by_id("un").expect("un"),
        runs,
        policy: Policy::Adaptive,
        seed: 1,
        vary: None,
        threads: 0,
    };
    bencher.bench_local(|| {
        let r = explore::explore(&s, &cfg, &AtomicUsize::new(0)).expect("runs");
        black_box(r.armistice)
    });
}

/// 10,000 explored games.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn explore_10000(bencher: Bencher) {
    explore_runs(bencher, 10_000);
}

/// 100,000 explored games (target < 5 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn explore_100000(bencher: Bencher) {
    explore_runs(bencher, 100_000);
}

/// One game at the table per iteration: the UN side plays the conceder strategy (a
/// package at every meeting, answers and counter-proposals by the agent model), other
/// sides adaptive, a new seed each time; the log kept or not.
fn table_games(bencher: Bencher, keep_log: bool) {
    let s = scenario();
    let cfg = Config {
        role: s.actor_by_id("un").expect("un"),
        runs: 1,
        policy: Policy::Adaptive,
        seed: 1,
        vary: None,
        threads: 1,
    };
    let mut index = 0usize;
    bencher
        .with_inputs(|| {
            index += 1;
            index
        })
        .bench_local_values(|index| {
            let g = explore::strategy::play_strategy(
                &s,
                &cfg,
                explore::Strategy::Conceder,
                index,
                keep_log,
            );
            black_box(g.table_history().len())
        });
}

/// One game at the table with its log, as a screen plays it (target < 50 µs).
#[divan::bench(sample_count = 15, sample_size = 200)]
fn full_game_table_adaptive(bencher: Bencher) {
    table_games(bencher, true);
}

/// The same game as the explorer plays it: no log kept (the log is for screens and
/// debriefs; the explorer reads only the end state).
#[divan::bench(sample_count = 15, sample_size = 200)]
fn full_game_table_adaptive_no_log(bencher: Bencher) {
    table_games(bencher, false);
}

/// 100,000 explored games at the table: the UN side plays the conceder strategy,
/// adaptive sides, all cores (target < 5 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn explore_table_100000(bencher: Bencher) {
    let s = scenario();
    let cfg = Config {
        role: s.actor_by_id("un").expect("un"),
        runs: 100_000,
        policy: Policy::Adaptive,
        seed: 1,
        vary: None,
        threads: 0,
    };
    bencher.bench_local(|| {
        let r = explore::explore_strategies(&s, &cfg, &[explore::Strategy::Conceder]);
        black_box(r.strategies[0].report.armistice)
    });
}

/// A class's worth of records for the class report: `n` games of every role, seed and
/// policy, each choosing its own way (the `i`th game takes option `(i + k) mod open` at
/// its `k`th decision), written as record files into a fresh folder.
fn class_folder(s: &Arc<Scenario>, n: usize) -> tempfile::TempDir {
    use panmunjom_core::engine::Progress;
    use panmunjom_core::record::Record;
    let dir = tempfile::tempdir().expect("temp dir");
    let roles: Vec<_> = s.playable().map(|(id, _)| id).collect();
    for i in 0..n {
        let policy = if i % 2 == 0 {
            Policy::Historical
        } else {
            Policy::Adaptive
        };
        let setup = Setup {
            role: roles[i % roles.len()],
            policy,
            seed: i as u64,
        };
        let mut g = Game::new(Arc::clone(s), setup);
        let mut k = 0;
        while let Progress::AwaitingChoice(id) = g.advance_passing() {
            let open = g.open_options(id);
            g.choose(open[(i + k) % open.len()]).expect("open option");
            k += 1;
        }
        Record::named(&g, &format!("Student {i}"))
            .write(&dir.path().join(format!("r{i:04}.json")))
            .expect("record written");
    }
    dir
}

/// The class report over 1,000 record files: read them, replay each, tally, and write
/// the HTML page (target < 2 s on two cores).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn class_report_1000_html(bencher: Bencher) {
    let s = scenario();
    let dir = class_folder(&s, 1000);
    let scenarios = [Arc::clone(&s)];
    bencher.bench_local(|| {
        let found = panmunjom_core::class::gather(&[dir.path().to_path_buf()]);
        let report = panmunjom_core::class::ClassReport::build(found.records, &scenarios);
        assert_eq!(report.game_count(), 1000);
        black_box(panmunjom_core::report::html::class(&report).len())
    });
}

/// The story checker over 100,000 games of the main scenario, both cores (target:
/// well under a minute; `panmunjom check-story`'s default).
#[divan::bench(sample_count = 2, sample_size = 1)]
fn check_story_100000(bencher: Bencher) {
    let s = scenario();
    bencher.bench(|| {
        panmunjom_core::story::check(&s, 100_000, 1, 0, &std::sync::atomic::AtomicUsize::new(0))
    });
}
