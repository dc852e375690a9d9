//! The game engine: plain, deterministic Rust with no rendering.
//!
//! A [`Game`] walks a checked scenario's timeline date by date. Events fire when their
//! conditions hold; at a decision point the player's role waits for [`Game::choose`],
//! the other roles decide by their [`Policy`]. Scenario + role + policy + seed +
//! choices determine the whole game: the only randomness is a seeded ChaCha RNG kept
//! in the game.

pub mod agent;
mod log;
pub mod policy;
pub mod seats;
pub mod state;
pub mod story;
pub mod table;
pub mod view;
mod visibility;

use std::sync::Arc;

use chrono::{Days, NaiveDate};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use agent::{Reason, Terms};
pub use log::{LogEntry, Positions};
pub use policy::Policy;
pub use seats::{ActError, Move, Seat};
pub use state::{Armistice, State};
pub use table::{TableAction, TableAnswer, TableError, TableMove, Tabled};
pub use view::{RoleView, SeenLine, Waiting};

use crate::scenario::{ActorId, Entry, EntryId, Scenario, Visibility};

/// Who plays what: everything besides the choices that fixes a game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// The role the player takes.
    pub role: ActorId,
    /// How the other roles decide.
    pub policy: Policy,
    pub seed: u64,
}

/// Who took a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decider {
    Player,
    Historical,
    Adaptive,
}

/// What one step of the game did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Happening {
    /// An event fired.
    Fired(EntryId),
    /// An event's condition did not hold (or its chance failed): it did not happen.
    Missed(EntryId),
    /// A decision was taken.
    Decided {
        entry: EntryId,
        option: usize,
        by: Decider,
    },
    /// A decision did not arise (its condition did not hold or no option was open).
    NotArisen(EntryId),
    /// An intelligence report about an event reached an actor.
    Report { event: EntryId, to: ActorId },
    /// A proposal was put on the table: its index in [`Game::table_history`] (a
    /// historical proposal, the player's package, or a side's counter-proposal).
    Tabled(usize),
    /// The armistice was concluded (by an event, or by the signing rule).
    Armistice,
    /// The game ended.
    End(Outcome),
}

/// How a game ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// An armistice was signed; the timeline ran to its end.
    Armistice,
    /// The horizon passed without an armistice.
    NoArmistice,
    /// An event ended the game early, for this reason.
    Ended(String),
}

/// What effects may have changed since the last log line (see [`Game::record`]).
#[derive(Debug, Clone, Copy, Default)]
struct Touched {
    flags: bool,
    positions: bool,
}

impl Touched {
    const ALL: Touched = Touched {
        flags: true,
        positions: true,
    };
}

/// Where the game stands after [`Game::step`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Something happened; call again.
    Advanced,
    /// The player must choose at this decision.
    AwaitingChoice(EntryId),
    /// The player sits at this meeting: table, accept, reject, or pass
    /// (see [`table`]).
    AtTable(crate::scenario::MeetingId),
    /// The game is over.
    Finished,
}

/// Why a choice was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceError {
    #[error("no decision is waiting for the player")]
    NotWaiting,
    #[error("there is no option {0} at this decision")]
    NoSuchOption(usize),
    #[error("option {0} is not open in the present situation")]
    Closed(usize),
}

/// A game in progress (or finished).
#[derive(Debug, Clone)]
pub struct Game {
    pub scenario: Arc<Scenario>,
    pub setup: Setup,
    pub state: State,
    rng: ChaCha8Rng,
    /// Next timeline entry to process.
    next: usize,
    pending: Option<EntryId>,
    /// Intelligence reports on their way: (delivery date, recipient, event), by date.
    reports: Vec<(NaiveDate, ActorId, EntryId)>,
    /// Since when the terms have been agreed with the armistice's requirements met.
    agreed_since: Option<NaiveDate>,
    outcome: Option<Outcome>,
    /// Whether the log has (or, without a log, would have) an `Armistice` line.
    armistice_logged: bool,
    /// Whether steps are written to `log` (see [`Game::without_log`]).
    keep_log: bool,
    /// Whether effects may have changed the flags (`Raise`, `Lower`), the positions
    /// (`Move`, an agreement at the table) since the last log line: without, a new line
    /// shares them with the line before without comparing.
    touched: Touched,
    /// Whether the parties agree on every issue, as counted when no effect had been
    /// applied since (None: count again; see [`Game::after_change`]).
    terms_agreed: Option<bool>,
    /// A state the adaptive policy scores options on, reused from one option to the
    /// next so that scoring does not allocate (its content between uses is meaningless).
    scratch: State,
    /// The open options of the decision the policy takes (its content between uses is
    /// meaningless), kept so that deciding does not allocate.
    open: Vec<usize>,
    pub log: Vec<LogEntry>,
    /// The state after each log line (see [`log`]).
    snapshots: log::Snapshots,
    /// The player's choices so far: (decision, option).
    pub choices: Vec<(EntryId, usize)>,
    /// For each decision with context variants that has arisen: the variant shown
    /// (None: the plain `context`), fixed at the moment it arose.
    contexts: Vec<(EntryId, Option<usize>)>,
    /// Proposals, answers and the player's moves at the table.
    table: table::TableState,
    /// Wordings and figures shown, the aftermath on its way (see [`story`]).
    shown: story::Shown,
    /// The roles people play, in the scenario's actor order (see [`seats`]); by
    /// default the setup's role alone.
    seats: Vec<Seat>,
}

impl Game {
    pub fn new(scenario: Arc<Scenario>, setup: Setup) -> Self {
        let state = State::initial(&scenario);
        let log_capacity = 2 * scenario.timeline.len();
        let scratch = state.scratch();
        let rng = ChaCha8Rng::seed_from_u64(setup.seed);
        let first = setup.role;
        let mut snapshots = log::Snapshots::default();
        snapshots.reset(&scenario);
        Game {
            scenario,
            setup,
            state,
            rng,
            next: 0,
            pending: None,
            reports: Vec::new(),
            agreed_since: None,
            outcome: None,
            armistice_logged: false,
            keep_log: true,
            touched: Touched::ALL,
            terms_agreed: None,
            scratch,
            open: Vec::new(),
            log: Vec::with_capacity(log_capacity),
            snapshots,
            choices: Vec::new(),
            contexts: Vec::new(),
            table: table::TableState::default(),
            shown: story::Shown::default(),
            seats: vec![Seat {
                role: first,
                name: None,
            }],
        }
    }

    /// Starts this game again as [`Game::new`] would with `setup` (same scenario,
    /// log kept or not as before), reusing its allocations: the explorer plays many
    /// games one after the other on one.
    pub fn restart(&mut self, setup: Setup) {
        let s = Arc::clone(&self.scenario);
        self.state.reset(&s);
        self.rng = ChaCha8Rng::seed_from_u64(setup.seed);
        self.seats.clear();
        self.seats.push(Seat {
            role: setup.role,
            name: None,
        });
        self.setup = setup;
        self.next = 0;
        self.pending = None;
        self.reports.clear();
        self.agreed_since = None;
        self.outcome = None;
        self.armistice_logged = false;
        self.touched = Touched::ALL;
        self.terms_agreed = None;
        self.log.clear();
        self.snapshots.reset(&s);
        self.choices.clear();
        self.contexts.clear();
        self.table.reset();
        self.shown.reset();
    }

    /// The same game, but keeping no log: `log` stays empty, everything else (state,
    /// outcome, choices, RNG draws) is as with a log. For callers that read only the
    /// end state, such as the explorer.
    pub fn without_log(mut self) -> Self {
        self.keep_log = false;
        self
    }

    /// The decision waiting for the player, if any.
    pub fn pending(&self) -> Option<EntryId> {
        self.pending
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    pub fn is_finished(&self) -> bool {
        self.outcome.is_some()
    }

    /// Index of the next timeline entry to process (for progress displays).
    pub fn cursor(&self) -> usize {
        self.next
    }

    /// Options of a decision open in the present state.
    pub fn open_options(&self, entry: EntryId) -> Vec<usize> {
        let Some(d) = self.scenario.entry(entry).as_decision() else {
            return Vec::new();
        };
        d.options
            .iter()
            .enumerate()
            .filter(|(_, o)| self.state.holds(&self.scenario, &o.requires))
            .map(|(i, _)| i)
            .collect()
    }

    /// Runs until the player must choose or the game is over.
    pub fn advance(&mut self) -> Progress {
        loop {
            match self.step() {
                Progress::Advanced => continue,
                other => return other,
            }
        }
    }

    /// Processes the next timeline entry (with the time that passes before it).
    pub fn step(&mut self) -> Progress {
        if self.outcome.is_some() {
            return Progress::Finished;
        }
        if let Some(p) = self.pending {
            return Progress::AwaitingChoice(p);
        }
        if let Some(m) = self.table.current {
            return Progress::AtTable(m);
        }
        let s = Arc::clone(&self.scenario);
        self.schedule_aftermath();
        let next_date = s
            .timeline
            .get(self.next)
            .map_or(NaiveDate::MAX, Entry::date);
        let aftermath = self.next_aftermath();
        let before = aftermath.map_or(next_date, |(due, _)| due.min(next_date));
        if let Some(m) = self.meeting_due(before, s.horizon) {
            return self.meet(m);
        }
        // An aftermath event fires at its place: before the timeline's entries of a
        // later day, and in timeline order on its own day.
        if let Some((due, id)) = aftermath
            && (due, id.0) <= (next_date, self.next)
        {
            self.pop_aftermath();
            self.pass_time(due);
            if let Entry::Event(e) = s.entry(id) {
                self.fire(id, e);
            }
            self.after_change();
            return Progress::Advanced;
        }
        let Some(entry) = s.timeline.get(self.next) else {
            let last = if self.state.armistice.is_some() {
                s.end.max(self.state.date)
            } else {
                s.horizon
            };
            self.pass_time(last);
            let outcome = if self.state.armistice.is_some() {
                Outcome::Armistice
            } else {
                Outcome::NoArmistice
            };
            self.finish(outcome);
            return Progress::Finished;
        };
        let id = EntryId(self.next);
        if entry
            .as_event()
            .is_some_and(|e| e.after_agreement.is_some())
        {
            // Fired from the aftermath queue, if the game reaches an agreement.
            self.next += 1;
            return Progress::Advanced;
        }
        let date = entry.date();
        if self.state.armistice.is_none() && date > s.horizon {
            self.pass_time(s.horizon);
            if self.state.armistice.is_none() {
                self.finish(Outcome::NoArmistice);
                return Progress::Finished;
            }
        }
        self.pass_time(date);
        self.next += 1;
        match entry {
            Entry::Event(e) => self.fire(id, e),
            Entry::Decision(d) => {
                let is_open =
                    |o: &crate::scenario::DecisionOption| self.state.holds(&s, &o.requires);
                let any_open = d.options.iter().any(is_open);
                if !self.state.holds(&s, &d.when) || !any_open {
                    self.record(Happening::NotArisen(id));
                    self.after_change();
                    return Progress::Advanced;
                }
                if !d.contexts.is_empty() {
                    let variant = d.contexts.iter().position(|(c, _)| self.state.holds(&s, c));
                    self.contexts.push((id, variant));
                }
                self.show_decision(id, d);
                if self.is_seated(d.role) {
                    self.pending = Some(id);
                    return Progress::AwaitingChoice(id);
                } else {
                    // The open options, listed in a vector kept from one decision to the next.
                    let mut open = std::mem::take(&mut self.open);
                    open.clear();
                    open.extend(
                        (0..d.options.len())
                            .filter(|&o| self.state.holds(&s, &d.options[o].requires)),
                    );
                    let (option, by) = policy::decide_with(
                        &s,
                        &self.state,
                        &mut self.scratch,
                        &mut self.rng,
                        self.setup.policy,
                        id,
                        &open,
                    );
                    self.open = open;
                    self.take(id, option, by);
                }
            }
        }
        self.after_change();
        Progress::Advanced
    }

    /// The player whose decision waits (see [`Game::turn`]) takes `option` (an index
    /// into the decision's options).
    #[allow(
        clippy::expect_used,
        reason = "`pending` is only ever set to a decision: a failure is a bug"
    )]
    pub fn choose(&mut self, option: usize) -> Result<(), ChoiceError> {
        let id = self.pending.ok_or(ChoiceError::NotWaiting)?;
        let d = self
            .scenario
            .entry(id)
            .as_decision()
            .expect("a pending entry is always a decision");
        if option >= d.options.len() {
            return Err(ChoiceError::NoSuchOption(option));
        }
        if !self
            .state
            .holds(&self.scenario, &d.options[option].requires)
        {
            return Err(ChoiceError::Closed(option));
        }
        self.pending = None;
        self.choices.push((id, option));
        self.take(id, option, Decider::Player);
        self.after_change();
        Ok(())
    }

    /// An event's turn: it fires if its condition holds (and its chance, if any).
    fn fire(&mut self, id: EntryId, e: &crate::scenario::Event) {
        let s = Arc::clone(&self.scenario);
        let mut fires = self.state.holds(&s, &e.when);
        if fires && let Some(chance) = e.chance {
            fires = policy::roll(&mut self.rng, 100) < u64::from(chance);
        }
        if fires {
            self.show_event(id, e);
            self.state.fired[id.0] = true;
            self.learn(id, &e.visibility, self.state.date);
            self.touch_by(&e.effects);
            for effect in &e.effects {
                self.state.apply(&s, effect, id);
            }
            self.record(Happening::Fired(id));
        } else {
            self.record(Happening::Missed(id));
        }
    }

    /// Applies a decision's option.
    #[allow(
        clippy::expect_used,
        reason = "only called with decisions and their own option index: a failure is a bug"
    )]
    fn take(&mut self, id: EntryId, option: usize, by: Decider) {
        let s = Arc::clone(&self.scenario);
        let d = s
            .entry(id)
            .as_decision()
            .expect("take is only called on decisions");
        self.state.chosen[id.0] = Some(option);
        self.state.knows[d.role.0][id.0] = true;
        self.touch_by(&d.options[option].effects);
        for effect in &d.options[option].effects {
            self.state.apply(&s, effect, id);
        }
        if let Some(p) = d.options[option].proposal {
            self.put_historical(p, by);
        }
        self.record(Happening::Decided {
            entry: id,
            option,
            by,
        });
    }

    /// Who learns of a fired event now, and whose report is on its way.
    fn learn(&mut self, id: EntryId, visibility: &Visibility, date: NaiveDate) {
        match visibility {
            Visibility::Public => {
                for knows in &mut self.state.knows {
                    knows[id.0] = true;
                }
            }
            Visibility::Private(actors) => {
                for a in actors {
                    self.state.knows[a.0][id.0] = true;
                }
            }
            Visibility::Intelligence {
                among,
                to,
                delay_days,
                ..
            } => {
                for a in among {
                    self.state.knows[a.0][id.0] = true;
                }
                let when = date
                    .checked_add_days(Days::new(u64::from(*delay_days)))
                    .unwrap_or(date);
                for &a in to {
                    let at = self.reports.partition_point(|r| r.0 <= when);
                    self.reports.insert(at, (when, a, id));
                }
            }
        }
    }

    /// Moves the clock to `date`: the signing rule may conclude an armistice on the way,
    /// weekly drift accrues, and reports due by then arrive.
    fn pass_time(&mut self, date: NaiveDate) {
        let s = Arc::clone(&self.scenario);
        if let Some(deadline) = self.signing_deadline()
            && deadline <= date
            && deadline <= s.horizon
        {
            self.state.set_date(&s, deadline);
            self.state.sign(&s, None);
            self.record(Happening::Armistice);
            self.agreed_since = None;
        }
        self.state.set_date(&s, date);
        while let Some(&(when, to, event)) = self.reports.first() {
            if when > date {
                break;
            }
            self.reports.remove(0);
            if !self.state.knows[to.0][event.0] {
                self.state.knows[to.0][event.0] = true;
                self.record(Happening::Report { event, to });
            }
        }
    }

    /// The date the signing rule would conclude the armistice, if terms stay agreed.
    pub fn signing_deadline(&self) -> Option<NaiveDate> {
        let since = self.agreed_since?;
        since.checked_add_days(Days::new(u64::from(
            self.scenario.armistice.signing_after_days,
        )))
    }

    /// Book-keeping after the state changed: an armistice, the agreement clock, an end.
    fn after_change(&mut self) {
        let s = Arc::clone(&self.scenario);
        if self.state.armistice.is_some() && !self.armistice_logged {
            self.record(Happening::Armistice);
        }
        // Agreement depends on positions and limits, which only effects and the table
        // change: counted again only after those.
        let agreed = match self.terms_agreed {
            Some(a) => a,
            None => self.state.terms_agreed(&s),
        };
        debug_assert_eq!(
            agreed,
            self.state.terms_agreed(&s),
            "a change the count missed"
        );
        self.terms_agreed = Some(agreed);
        if self.state.armistice.is_none() && agreed && self.state.holds(&s, &s.armistice.requires) {
            if self.agreed_since.is_none() {
                self.agreed_since = Some(self.state.date);
            }
        } else {
            self.agreed_since = None;
        }
        if let Some(reason) = self.state.ended.clone() {
            self.finish(Outcome::Ended(reason));
        }
    }

    /// `effects` are about to be applied: note what they may change (the flags or
    /// positions the log shares, the limits and positions agreement depends on).
    fn touch_by(&mut self, effects: &[crate::scenario::Effect]) {
        use crate::scenario::Effect;
        for e in effects {
            match e {
                Effect::Raise(_) | Effect::Lower(_) => self.touched.flags = true,
                Effect::Move(..) => self.touch_positions(),
                Effect::Limit(..) => self.terms_agreed = None,
                _ => {}
            }
        }
    }

    /// The positions change (an effect, or terms agreed at the table).
    fn touch_positions(&mut self) {
        self.touched.positions = true;
        self.terms_agreed = None;
    }

    fn finish(&mut self, outcome: Outcome) {
        if self.outcome.is_none() {
            self.pending = None;
            self.outcome = Some(outcome.clone());
            self.record(Happening::End(outcome));
        }
    }

    fn record(&mut self, happening: Happening) {
        if happening == Happening::Armistice {
            self.armistice_logged = true;
        }
        if !self.keep_log {
            return;
        }
        let touched = std::mem::take(&mut self.touched);
        let entry = self.snapshots.line(&self.state, happening, touched);
        self.log.push(entry);
    }

    /// The context of decision `id` as its side saw it when the decision arose: the
    /// variant whose condition held then, else the plain `context` (also for a decision
    /// that has not arisen).
    pub fn context_of(&self, id: EntryId) -> &str {
        let Some(d) = self.scenario.entry(id).as_decision() else {
            return "";
        };
        match self.contexts.iter().find(|(e, _)| *e == id) {
            Some((_, Some(v))) => &d.contexts[*v].1,
            _ => &d.context,
        }
    }

    /// The option history took at decision `id` if it is open now, else the first open
    /// one (None if the entry is not a decision or no option is open).
    pub fn historical_or_first(&self, id: EntryId) -> Option<usize> {
        let d = self.scenario.entry(id).as_decision()?;
        let open = |o: &usize| self.state.holds(&self.scenario, &d.options[*o].requires);
        match d.historical {
            Some(h) if h < d.options.len() && open(&h) => Some(h),
            _ => (0..d.options.len()).find(open),
        }
    }

    /// Plays the game to its end with the player taking the historical option at every
    /// decision (or the first open one when history is closed off).
    #[allow(
        clippy::expect_used,
        reason = "the game waits only at a decision with an open option, and an open option is accepted: a failure is a bug"
    )]
    pub fn play_historical(&mut self) {
        loop {
            match self.advance() {
                Progress::AwaitingChoice(id) => {
                    let pick = self
                        .historical_or_first(id)
                        .expect("a pending decision has an open option");
                    self.choose(pick)
                        .expect("an open option is always accepted");
                }
                Progress::AtTable(_) => {
                    for p in self.historical_here() {
                        // History's proposal may lie beyond a limit the game has
                        // moved: then the player does not table it.
                        let _ = self.table_historical(p);
                    }
                    let _ = self.pass();
                }
                Progress::Advanced | Progress::Finished => break,
            }
        }
    }
}
