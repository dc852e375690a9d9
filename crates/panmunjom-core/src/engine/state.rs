//! The game's state at one moment, and the pure rules that read and change it.
//!
//! Conditions are evaluated and effects applied here, against a checked scenario;
//! nothing here knows about policies, players or time passing.

use chrono::NaiveDate;
use serde::Serialize;

use crate::scenario::{ActorId, Cond, Effect, EntryId, IssueId, PosId, Scenario, Stance, VarId};

/// A concluded armistice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Armistice {
    pub date: NaiveDate,
    /// The position the parties held on each issue when it was signed (None: not agreed).
    pub terms: Vec<Option<PosId>>,
    /// The event that signed it; None when the signing rule did (terms agreed long enough).
    pub signed_by: Option<EntryId>,
}

/// Everything that changes during a game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub date: NaiveDate,
    pub vars: Vec<i64>,
    pub flags: Vec<bool>,
    /// `positions[actor][issue]`: the position the actor holds, if it has a stake.
    pub positions: Vec<Vec<Option<PosId>>>,
    /// `limits[actor][issue]`: the furthest position it will settle on.
    pub limits: Vec<Vec<Option<PosId>>>,
    /// By timeline entry: whether the event fired.
    pub fired: Vec<bool>,
    /// By timeline entry: the option taken at the decision.
    pub chosen: Vec<Option<usize>>,
    /// `knows[actor][entry]`.
    pub knows: Vec<Vec<bool>>,
    pub armistice: Option<Armistice>,
    /// Set by an `End` effect: the game stops with this reason.
    pub ended: Option<String>,
    /// Per variable, how much weekly drift has been added so far.
    pub drift_applied: Vec<i64>,
    /// By issue: agreed at the table, so events no longer move the armistice parties
    /// off it (see [`crate::engine::table`]).
    pub locked: Vec<bool>,
}

impl State {
    /// The state at the scenario's start.
    pub fn initial(s: &Scenario) -> Self {
        let n_issues = s.issues.len();
        let mut positions = vec![vec![None; n_issues]; s.actors.len()];
        let mut limits = vec![vec![None; n_issues]; s.actors.len()];
        for (a, actor) in s.actors.iter().enumerate() {
            for st in &actor.stances {
                positions[a][st.issue.0] = Some(st.position);
                limits[a][st.issue.0] = Some(st.limit);
            }
        }
        State {
            date: s.start,
            vars: s.variables.iter().map(|v| v.initial).collect(),
            flags: s.flags.iter().map(|f| f.initial).collect(),
            positions,
            limits,
            fired: vec![false; s.timeline.len()],
            chosen: vec![None; s.timeline.len()],
            knows: vec![vec![false; s.timeline.len()]; s.actors.len()],
            armistice: None,
            ended: None,
            drift_applied: vec![0; s.variables.len()],
            locked: vec![false; n_issues],
        }
    }

    /// Puts this state back to [`State::initial`] of `s` (the scenario it was made
    /// for), reusing its allocations (the explorer plays many games on one).
    pub fn reset(&mut self, s: &Scenario) {
        self.date = s.start;
        self.vars.clear();
        self.vars.extend(s.variables.iter().map(|v| v.initial));
        self.flags.clear();
        self.flags.extend(s.flags.iter().map(|f| f.initial));
        let n_issues = s.issues.len();
        let n_actors = s.actors.len();
        let fresh = |rows: &mut Vec<Vec<Option<PosId>>>| {
            rows.resize_with(n_actors, Vec::new);
            for row in rows.iter_mut() {
                row.clear();
                row.resize(n_issues, None);
            }
        };
        fresh(&mut self.positions);
        fresh(&mut self.limits);
        for (a, actor) in s.actors.iter().enumerate() {
            for st in &actor.stances {
                self.positions[a][st.issue.0] = Some(st.position);
                self.limits[a][st.issue.0] = Some(st.limit);
            }
        }
        self.fired.clear();
        self.fired.resize(s.timeline.len(), false);
        self.chosen.clear();
        self.chosen.resize(s.timeline.len(), None);
        self.knows.resize_with(n_actors, Vec::new);
        for row in &mut self.knows {
            row.clear();
            row.resize(s.timeline.len(), false);
        }
        self.armistice = None;
        self.ended = None;
        self.drift_applied.clear();
        self.drift_applied.resize(s.variables.len(), 0);
        self.locked.clear();
        self.locked.resize(n_issues, false);
        debug_assert!(*self == State::initial(s), "reset is the initial state");
    }

    /// A state to score options on (see [`super::policy::decide_with`]): this state's
    /// variables, positions, limits and locked issues, nothing of what the score never
    /// reads (knowledge, fired events, choices), so that it costs few allocations.
    pub fn scratch(&self) -> State {
        State {
            date: self.date,
            vars: self.vars.clone(),
            flags: Vec::new(),
            positions: self.positions.clone(),
            limits: self.limits.clone(),
            fired: Vec::new(),
            chosen: Vec::new(),
            knows: Vec::new(),
            armistice: None,
            ended: None,
            drift_applied: Vec::new(),
            locked: self.locked.clone(),
        }
    }

    pub fn var(&self, v: VarId) -> i64 {
        self.vars[v.0]
    }

    pub fn position(&self, actor: ActorId, issue: IssueId) -> Option<PosId> {
        self.positions[actor.0][issue.0]
    }

    /// Whether a position lies between the actor's starting position and its limit.
    pub fn within_limit(&self, actor: ActorId, stance: &Stance, pos: PosId) -> bool {
        let limit = self.limits[actor.0][stance.issue.0].unwrap_or(stance.limit);
        let (lo, hi) = if stance.position <= limit {
            (stance.position, limit)
        } else {
            (limit, stance.position)
        };
        lo <= pos && pos <= hi
    }

    /// The position all armistice parties hold on an issue, if they agree and each is
    /// within its limit.
    pub fn agreed_on(&self, s: &Scenario, issue: IssueId) -> Option<PosId> {
        // The positions first (cheap, and where the parties differ the answer is
        // known), then each party's stance and limit.
        let mut common = None;
        for &party in &s.armistice.parties {
            let pos = self.position(party, issue)?;
            match common {
                None => common = Some(pos),
                Some(c) if c != pos => return None,
                Some(_) => {}
            }
        }
        let pos = common?;
        for &party in &s.armistice.parties {
            let stance = s.stance(party, issue)?;
            if !self.within_limit(party, stance, pos) {
                return None;
            }
        }
        common
    }

    /// Whether the parties agree on every issue.
    pub fn terms_agreed(&self, s: &Scenario) -> bool {
        (0..s.issues.len()).all(|i| self.agreed_on(s, IssueId(i)).is_some())
    }

    /// How many issues the parties agree on.
    pub fn agreed_count(&self, s: &Scenario) -> usize {
        (0..s.issues.len())
            .filter(|&i| self.agreed_on(s, IssueId(i)).is_some())
            .count()
    }

    /// Evaluates a condition.
    pub fn holds(&self, s: &Scenario, c: &Cond) -> bool {
        match c {
            Cond::Always => true,
            Cond::Never => false,
            Cond::All(list) => list.iter().all(|c| self.holds(s, c)),
            Cond::Any(list) => list.iter().any(|c| self.holds(s, c)),
            Cond::Not(c) => !self.holds(s, c),
            Cond::Flag(f) => self.flags[f.0],
            Cond::AtLeast(v, n) => self.vars[v.0] >= *n,
            Cond::AtMost(v, n) => self.vars[v.0] <= *n,
            Cond::Chose(e, o) => self.chosen[e.0] == Some(*o),
            Cond::Fired(e) => self.fired[e.0],
            Cond::Holds(a, i, p) => self.position(*a, *i) == Some(*p),
            Cond::Knows(a, e) => self.knows[a.0][e.0],
            Cond::Agreed(i) => self.agreed_on(s, *i).is_some(),
            Cond::TermsAgreed => self.terms_agreed(s),
            Cond::Armistice => self.armistice.is_some(),
            Cond::ArmisticeBy(d) => self.armistice.as_ref().is_some_and(|a| a.date <= *d),
            Cond::Term(i, p) => self
                .armistice
                .as_ref()
                .is_some_and(|a| a.terms[i.0] == Some(*p)),
        }
    }

    /// Applies one effect. `entry` is the timeline entry it comes from.
    pub fn apply(&mut self, s: &Scenario, effect: &Effect, entry: EntryId) {
        match effect {
            Effect::Add(v, n) => self.set_var(s, *v, self.vars[v.0].saturating_add(*n)),
            Effect::Set(v, n) => self.set_var(s, *v, *n),
            Effect::Raise(f) => self.flags[f.0] = true,
            Effect::Lower(f) => self.flags[f.0] = false,
            Effect::Move(a, i, p) => {
                if !(self.locked[i.0] && s.armistice.parties.contains(a)) {
                    self.positions[a.0][i.0] = Some(*p);
                }
            }
            Effect::Limit(a, i, p) => self.limits[a.0][i.0] = Some(*p),
            Effect::Reveal(a, e) => self.knows[a.0][e.0] = true,
            Effect::SignArmistice => self.sign(s, Some(entry)),
            Effect::End(reason) => {
                if self.ended.is_none() {
                    self.ended = Some(reason.clone());
                }
            }
        }
    }

    /// Sets a variable, clamped to its range.
    pub fn set_var(&mut self, s: &Scenario, v: VarId, value: i64) {
        let def = &s.variables[v.0];
        self.vars[v.0] = value.clamp(def.min, def.max);
    }

    /// Concludes the armistice on the positions the parties hold now (once only).
    pub fn sign(&mut self, s: &Scenario, by: Option<EntryId>) {
        if self.armistice.is_some() {
            return;
        }
        let terms = (0..s.issues.len())
            .map(|i| self.agreed_on(s, IssueId(i)))
            .collect();
        self.armistice = Some(Armistice {
            date: self.date,
            terms,
            signed_by: by,
        });
    }

    /// Moves the clock to `date`, adding the weekly drift of every variable since the
    /// start (until an armistice stops it).
    pub fn set_date(&mut self, s: &Scenario, date: NaiveDate) {
        if date <= self.date {
            return;
        }
        self.date = date;
        if self.armistice.is_some() {
            return;
        }
        let weeks = (date - s.start).num_days() / 7;
        for (i, def) in s.variables.iter().enumerate() {
            if def.per_week == 0 {
                continue;
            }
            let total = def.per_week.saturating_mul(weeks);
            let delta = total.saturating_sub(self.drift_applied[i]);
            self.drift_applied[i] = total;
            self.set_var(s, VarId(i), self.vars[i].saturating_add(delta));
        }
    }
}

#[cfg(test)]
mod tests;
