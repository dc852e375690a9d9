//! The story checker: many games played at random (every playable role in turn as
//! the player, both policies, many seeds, random moves at the table), and every place
//! where the story told is not true in the game told — a plain text shown whose
//! `presumes` fails, two events that `excludes` each other firing on one day, a
//! wartime event firing after the game's agreement. Each finding once, with how many
//! games showed it and one game (role, policy, seed) to reproduce it.
//!
//! Game `i` of a run seeded `S` is fixed by its index: the role is the `i mod r`-th
//! playable one, the policy historical for even `i / r` and adaptive for odd, the
//! seed `explore::game_seed(S, i)`; the player's choices and table moves are drawn
//! from that seed. So [`sample_game`] replays any finding's game.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::engine::policy::roll;
use crate::engine::story::{Presumer, Watch};
use crate::engine::{Game, Policy, Progress, Setup};
use crate::scenario::{ActorId, Cond, Entry, EntryId, Scenario};

/// What kind of untruth a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Untrue(EntryId, Presumer),
    Excluded(EntryId, EntryId),
    Peace(EntryId),
}

/// One game to reproduce a finding with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sample {
    /// The player's role (id).
    pub role: String,
    pub policy: String,
    pub seed: u64,
}

/// One thing the story says that is not true in some games.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// `untrue_text`, `excluded_pair` or `wartime_after_agreement`.
    pub kind: &'static str,
    /// The timeline entry (for a pair: the first of the two).
    pub entry: String,
    /// The field whose text is not true (`presumes`, `options.<id>.presumes`), or for
    /// a pair the other event's id, or `when` for a wartime event.
    pub field: String,
    /// What is wrong, in words (the failing condition, from the first game seen).
    pub why: String,
    /// In how many games it happened.
    pub count: u64,
    pub sample: Sample,
    /// The date in the sample game.
    pub date: NaiveDate,
}

/// What a run of the story checker found.
#[derive(Debug, Clone, Serialize)]
pub struct StoryReport {
    pub scenario: String,
    pub games: u64,
    pub seed: u64,
    /// In timeline order of their entries.
    pub findings: Vec<Finding>,
}

/// The role and policy of game `index` (see the module's doc).
fn setup_of(s: &Scenario, seed: u64, index: usize) -> Option<Setup> {
    let roles: Vec<ActorId> = s.playable().map(|(a, _)| a).collect();
    let r = roles.len();
    if r == 0 {
        return None;
    }
    Some(Setup {
        role: roles[index % r],
        policy: if (index / r).is_multiple_of(2) {
            Policy::Historical
        } else {
            Policy::Adaptive
        },
        seed: crate::explore::game_seed(seed, index),
    })
}

/// Plays one game with random choices and random moves at the table, watching it.
pub fn play_random(s: &Arc<Scenario>, setup: Setup, keep_log: bool) -> Game {
    let mut rng = ChaCha8Rng::seed_from_u64(setup.seed ^ 0x5709_C4EC_4E75_7031);
    let mut game = Game::new(Arc::clone(s), setup).watch_story();
    if !keep_log {
        game = game.without_log();
    }
    let me = game.setup.role;
    loop {
        match game.advance() {
            Progress::AwaitingChoice(id) => {
                let open = game.open_options(id);
                let Some(&pick) = open.get(roll(&mut rng, open.len().max(1) as u64) as usize)
                else {
                    break;
                };
                if game.choose(pick).is_err() {
                    break;
                }
            }
            Progress::AtTable(_) => {
                match roll(&mut rng, 4) {
                    0 if game.may_table() => {
                        let terms =
                            crate::explore::strategy::random_package(s, &game.state, me, &mut rng);
                        let _ = game.table(terms);
                    }
                    1 => {
                        let offers = game.open_offers();
                        if let Some(&o) =
                            offers.get(roll(&mut rng, offers.len().max(1) as u64) as usize)
                        {
                            let _ = game.accept(o);
                        }
                    }
                    2 => {
                        for p in game.historical_here() {
                            let _ = game.table_historical(p);
                        }
                    }
                    _ => {}
                }
                if game.pass().is_err() {
                    break;
                }
            }
            Progress::Advanced | Progress::Finished => break,
        }
    }
    game
}

/// The game of a finding's sample (with its log, for a debrief), if the role exists.
pub fn sample_game(s: &Arc<Scenario>, sample: &Sample) -> Option<Game> {
    let role = s.role_by_name(&sample.role).ok()?;
    let policy = match sample.policy.as_str() {
        "historical" => Policy::Historical,
        "adaptive" => Policy::Adaptive,
        _ => return None,
    };
    Some(play_random(
        s,
        Setup {
            role,
            policy,
            seed: sample.seed,
        },
        true,
    ))
}

/// Whether a condition names the agreement (the author has thought about peace).
fn mentions_agreement(c: &Cond) -> bool {
    match c {
        Cond::Armistice | Cond::ArmisticeBy(_) | Cond::Term(..) => true,
        Cond::All(l) | Cond::Any(l) => l.iter().any(mentions_agreement),
        Cond::Not(inner) => mentions_agreement(inner),
        _ => false,
    }
}

/// One game's findings: (key, date, why in words).
fn findings_of(s: &Scenario, w: &Watch) -> Vec<(Key, NaiveDate, String)> {
    let mut out = Vec::new();
    for u in &w.untrue {
        let cond = presumption(s, u.entry, u.what);
        let why = crate::conditions::why_not(s, &u.state, cond).join("; ");
        out.push((Key::Untrue(u.entry, u.what), u.state.date, why));
    }
    for (i, &(a, date, _)) in w.fired.iter().enumerate() {
        let Some(ea) = s.entry(a).as_event() else {
            continue;
        };
        for &(b, d2, _) in &w.fired[i + 1..] {
            if d2 != date {
                break;
            }
            let eb = s.entry(b).as_event();
            if ea.excludes.contains(&b) || eb.is_some_and(|e| e.excludes.contains(&a)) {
                let (x, y) = if a < b { (a, b) } else { (b, a) };
                out.push((
                    Key::Excluded(x, y),
                    date,
                    format!(
                        "\u{201c}{}\u{201d} and \u{201c}{}\u{201d} both happened on {date}, but they exclude each other",
                        s.entry(x).title(),
                        s.entry(y).title()
                    ),
                ));
            }
        }
    }
    for &(e, date, after) in &w.fired {
        let Some(ev) = s.entry(e).as_event() else {
            continue;
        };
        if after
            && ev.after_agreement.is_none()
            && !ev.in_peace
            && ev.date < s.armistice.historical_date
            && !mentions_agreement(&ev.when)
            && !mentions_agreement(&ev.presumes)
        {
            out.push((
                Key::Peace(e),
                date,
                format!(
                    "dated before the historical {noun}, it happened after the game's {noun} was signed (add `Not(Armistice)` to its `when`, or `in_peace: true` if it is true in peace as well)",
                    noun = s.agreement_noun()
                ),
            ));
        }
    }
    out
}

/// The condition a presumer stands for.
fn presumption(s: &Scenario, entry: EntryId, what: Presumer) -> &Cond {
    match (s.entry(entry), what) {
        (Entry::Event(e), _) => &e.presumes,
        (Entry::Decision(d), Presumer::Option(i)) => &d.options[i].presumes,
        (Entry::Decision(d), _) => &d.presumes,
    }
}

/// Per finding: count, and the first game's (index, date, why).
type Tally = BTreeMap<Key, (u64, usize, NaiveDate, String)>;

/// Plays `games` games seeded `seed` on `threads` threads (0: as many as the machine
/// has), `done` counting the games finished, and gathers what they found.
pub fn check(
    s: &Arc<Scenario>,
    games: usize,
    seed: u64,
    threads: usize,
    done: &AtomicUsize,
) -> StoryReport {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |t| t.get()),
        t => t,
    }
    .clamp(1, games.max(1));
    const CHUNK: usize = 64;
    let next = AtomicUsize::new(0);
    let mut tally: Tally = BTreeMap::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine: Tally = BTreeMap::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= games {
                            break;
                        }
                        for i in start..(start + CHUNK).min(games) {
                            let Some(setup) = setup_of(s, seed, i) else {
                                break;
                            };
                            let game = play_random(s, setup, false);
                            if let Some(w) = game.watched() {
                                for (key, date, why) in findings_of(s, w) {
                                    let e = mine.entry(key).or_insert((0, i, date, why));
                                    e.0 += 1;
                                    if i < e.1 {
                                        (e.1, e.2) = (i, date);
                                    }
                                }
                            }
                            done.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(part) => {
                    for (key, (n, i, date, why)) in part {
                        let e = tally.entry(key).or_insert((0, i, date, why.clone()));
                        e.0 += n;
                        if i < e.1 {
                            (e.1, e.2, e.3) = (i, date, why);
                        }
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    StoryReport {
        scenario: s.id.clone(),
        games: games as u64,
        seed,
        findings: tally
            .into_iter()
            .map(|(key, (count, i, date, why))| finding(s, seed, key, count, i, date, why))
            .collect(),
    }
}

fn finding(
    s: &Scenario,
    seed: u64,
    key: Key,
    count: u64,
    index: usize,
    date: NaiveDate,
    why: String,
) -> Finding {
    let setup = setup_of(s, seed, index);
    let sample = Sample {
        role: setup
            .as_ref()
            .map_or(String::new(), |st| s.actor(st.role).id.clone()),
        policy: setup
            .as_ref()
            .map_or("historical", |st| st.policy.name())
            .to_string(),
        seed: setup.map_or(0, |st| st.seed),
    };
    let (kind, entry, field) = match key {
        Key::Untrue(e, what) => {
            let field = match (what, s.entry(e)) {
                (Presumer::Option(i), Entry::Decision(d)) => {
                    format!("options.{}.presumes", d.options[i].id)
                }
                _ => "presumes".to_string(),
            };
            ("untrue_text", e, field)
        }
        Key::Excluded(a, b) => ("excluded_pair", a, format!("excludes {}", s.entry(b).id())),
        Key::Peace(e) => ("wartime_after_agreement", e, "when".to_string()),
    };
    Finding {
        kind,
        entry: s.entry(entry).id().to_string(),
        field,
        why,
        count,
        sample,
        date,
    }
}

impl StoryReport {
    /// The report as a user reads it.
    pub fn text(&self) -> String {
        let mut out = format!(
            "Story check of {}: {} games (seed {}).\n",
            self.scenario, self.games, self.seed
        );
        if self.findings.is_empty() {
            out.push_str("No findings: every text shown was true in every game.\n");
            return out;
        }
        out.push_str(&format!(
            "{} finding{}:\n",
            self.findings.len(),
            if self.findings.len() == 1 { "" } else { "s" }
        ));
        for f in &self.findings {
            let kind = match f.kind {
                "untrue_text" => "untrue text",
                "excluded_pair" => "excluded events on one day",
                _ => "wartime event after the agreement",
            };
            out.push_str(&format!(
                "- {kind}: `{}`, {}: {}\n  in {} game{}; e.g. --show {}:{}:{} (on {})\n",
                f.entry,
                f.field,
                f.why,
                f.count,
                if f.count == 1 { "" } else { "s" },
                f.sample.role,
                f.sample.policy,
                f.sample.seed,
                f.date
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests;
