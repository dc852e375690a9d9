//! The chain (issue 13, §6): from the player's first departure from history to the
//! outcome, which of the player's choices led to which events and how the other sides
//! reacted — traced through the conditions (`when`, `requires`) of what happened
//! differently: a condition that names one of the player's choices (`Chose`), an
//! event already in the chain (`Fired`), or a flag, variable or position that a
//! choice or event of the chain changed links the later entry to the earlier one.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::{Decider, Game, Happening, State};
use crate::scenario::{ActorId, Cond, Effect, EntryId, FlagId, IssueId, Scenario, VarId};

/// One link of the chain.
#[derive(Debug, Clone, Serialize)]
pub struct ChainStep {
    pub date: NaiveDate,
    /// `your_choice`, `event`, `did_not_happen`, `reaction`, `did_not_arise`.
    pub kind: String,
    /// What happened, in a sentence.
    pub text: String,
    /// The earlier links it follows from, in words (titles of choices and events).
    pub because: Vec<String>,
}

/// The chain of a game, with how it ended.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Chain {
    /// Every link, in the order of the game.
    pub steps: Vec<ChainStep>,
    /// Decisions of other sides unlike history that the chain does not explain (their
    /// own choices, under the adaptive policy).
    pub unexplained: usize,
    /// Decisions of history that did not arise once the game's agreement was signed
    /// (Rhee's breakout after a May armistice): counted, not told one by one.
    pub after_agreement: usize,
    /// How the game ended, beside history, in a sentence.
    pub outcome: String,
    /// The scenario's name for its agreement ([`Scenario::agreement_noun`]).
    #[serde(skip)]
    noun: String,
}

/// The most links the narrative tells: the first [`HEAD`] and the last
/// `MAX_TOLD - HEAD` (the road to the outcome).
pub const MAX_TOLD: usize = 14;
const HEAD: usize = 9;

/// What a condition reads.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Atom {
    Entry(EntryId),
    Flag(FlagId),
    Var(VarId),
    Pos(ActorId, IssueId),
}

fn atoms(c: &Cond, out: &mut Vec<Atom>) {
    match c {
        Cond::All(l) | Cond::Any(l) => l.iter().for_each(|c| atoms(c, out)),
        Cond::Not(inner) => atoms(inner, out),
        Cond::Flag(f) => out.push(Atom::Flag(*f)),
        Cond::AtLeast(v, _) | Cond::AtMost(v, _) => out.push(Atom::Var(*v)),
        Cond::Chose(e, _) | Cond::Fired(e) | Cond::Knows(_, e) => out.push(Atom::Entry(*e)),
        Cond::Holds(a, i, _) => out.push(Atom::Pos(*a, *i)),
        _ => {}
    }
}

/// The chain state: which atoms the chain has touched, and by which entry.
struct Tracer<'a> {
    s: &'a Scenario,
    touched: HashMap<Atom, EntryId>,
}

impl Tracer<'_> {
    /// The chain's entries a condition reads (each once, in order).
    fn links(&self, conds: &[&Cond]) -> Vec<EntryId> {
        let mut list = Vec::new();
        for c in conds {
            atoms(c, &mut list);
        }
        let mut out: Vec<EntryId> = Vec::new();
        for a in list {
            if let Some(&e) = self.touched.get(&a)
                && !out.contains(&e)
            {
                out.push(e);
            }
        }
        out
    }

    /// `id` joins the chain: it and what its effects change.
    fn join(&mut self, id: EntryId, effects: &[Effect]) {
        self.touched.insert(Atom::Entry(id), id);
        for e in effects {
            let atom = match e {
                Effect::Add(v, _) | Effect::Set(v, _) => Atom::Var(*v),
                Effect::Raise(f) | Effect::Lower(f) => Atom::Flag(*f),
                Effect::Move(a, i, _) | Effect::Limit(a, i, _) => Atom::Pos(*a, *i),
                _ => continue,
            };
            self.touched.insert(atom, id);
        }
    }

    fn because(&self, links: &[EntryId], game: &Game) -> Vec<String> {
        links.iter().map(|&e| what(self.s, game, e)).collect()
    }
}

/// A chain entry in words: a decision with the option taken, or an event's title.
fn what(s: &Scenario, game: &Game, id: EntryId) -> String {
    match s.entry(id).as_decision() {
        Some(d) => match game.state.chosen[id.0] {
            Some(o) => format!(
                "\u{201c}{}\u{201d} at \u{201c}{}\u{201d}",
                d.options[o].label, d.title
            ),
            None => format!("\u{201c}{}\u{201d} not arising", d.title),
        },
        None if game.state.fired[id.0] => format!("\u{201c}{}\u{201d}", game.event_title(id)),
        None => format!("\u{201c}{}\u{201d} not happening", game.event_title(id)),
    }
}

/// Traces the chain of `game` beside `history` (the historical path's end state).
pub fn chain(game: &Game, history: &State) -> Chain {
    let s = &*game.scenario;
    let me = game.setup.role;
    let g = &game.state;
    let mut t = Tracer {
        s,
        touched: HashMap::new(),
    };
    let mut steps = Vec::new();
    let mut started = false;
    let mut unexplained = 0;
    let mut seen: HashSet<EntryId> = HashSet::new();
    let mut signed = false;
    let mut after_agreement = 0;
    for line in &game.log {
        match line.happening {
            Happening::Armistice => signed = true,
            Happening::Decided { entry, option, by } => {
                let Some(d) = s.entry(entry).as_decision() else {
                    continue;
                };
                if history.chosen[entry.0] == Some(option) {
                    continue;
                }
                // History's option closed in this game: why is part of the chain.
                let closed = history.chosen[entry.0]
                    .filter(|_| game.history_was_closed(entry))
                    .map(|h| &d.options[h].requires);
                let hist = history.chosen[entry.0].map(|h| {
                    let why = if closed.is_some() {
                        ", not open in this game"
                    } else {
                        ""
                    };
                    format!(" (history: \u{201c}{}\u{201d}{why})", d.options[h].label)
                });
                let hist = hist.unwrap_or_else(|| " (a decision history never faced)".into());
                if by == Decider::Player && d.role == me {
                    started = true;
                    let mut conds = vec![&d.when];
                    conds.extend(closed);
                    let links = t.links(&conds);
                    steps.push(ChainStep {
                        date: line.date,
                        kind: "your_choice".into(),
                        text: format!(
                            "You chose \u{201c}{}\u{201d} at \u{201c}{}\u{201d}{hist}.",
                            d.options[option].label, d.title
                        ),
                        because: t.because(&links, game),
                    });
                    t.join(entry, &d.options[option].effects);
                } else if started {
                    let mut conds = vec![&d.when, &d.options[option].requires];
                    if let Some(h) = history.chosen[entry.0] {
                        conds.push(&d.options[h].requires);
                    }
                    let links = t.links(&conds);
                    if links.is_empty() {
                        unexplained += 1;
                        continue;
                    }
                    steps.push(ChainStep {
                        date: line.date,
                        kind: "reaction".into(),
                        text: format!(
                            "{} chose \u{201c}{}\u{201d} at \u{201c}{}\u{201d}{hist}.",
                            s.actor(d.role).name,
                            d.options[option].label,
                            d.title
                        ),
                        because: t.because(&links, game),
                    });
                    t.join(entry, &d.options[option].effects);
                }
            }
            Happening::Fired(id) if started && !history.fired[id.0] && seen.insert(id) => {
                let Some(e) = s.entry(id).as_event() else {
                    continue;
                };
                let links = t.links(&[&e.when]);
                if links.is_empty() {
                    continue;
                }
                steps.push(ChainStep {
                    date: line.date,
                    kind: "event".into(),
                    text: format!("{} happened.", what(s, game, id)),
                    because: t.because(&links, game),
                });
                t.join(id, &e.effects);
            }
            Happening::Missed(id) if started && history.fired[id.0] && seen.insert(id) => {
                let Some(e) = s.entry(id).as_event() else {
                    continue;
                };
                let links = t.links(&[&e.when]);
                if links.is_empty() {
                    continue;
                }
                steps.push(ChainStep {
                    date: line.date,
                    kind: "did_not_happen".into(),
                    text: format!(
                        "\u{201c}{}\u{201d} did not happen, as it did in history.",
                        e.title
                    ),
                    because: t.because(&links, game),
                });
                // What did not happen changes nothing, but later conditions on it follow.
                t.touched.insert(Atom::Entry(id), id);
            }
            Happening::NotArisen(id) if started && history.chosen[id.0].is_some() => {
                let Some(d) = s.entry(id).as_decision() else {
                    continue;
                };
                if signed {
                    // True but noise: the war is over, so its decisions no longer arise.
                    after_agreement += 1;
                    continue;
                }
                let links = t.links(&[&d.when]);
                if links.is_empty() {
                    continue;
                }
                let whose = if d.role == me {
                    "your".to_string()
                } else {
                    format!("{}'s", s.actor(d.role).name)
                };
                steps.push(ChainStep {
                    date: line.date,
                    kind: "did_not_arise".into(),
                    text: format!(
                        "{whose} decision \u{201c}{}\u{201d} did not arise.",
                        d.title
                    )
                    .replacen("your", "Your", 1),
                    because: t.because(&links, game),
                });
                t.touched.insert(Atom::Entry(id), id);
            }
            _ => {}
        }
    }
    let noun = s.agreement_noun();
    let outcome = match (&g.armistice, s.armistice.agreed_in_history()) {
        (Some(a), true) => format!(
            "In the end the {noun} was signed on {} (history: {}).",
            a.date, s.armistice.historical_date
        ),
        (Some(a), false) => format!(
            "In the end a {noun} was signed on {}; history reached none.",
            a.date
        ),
        (None, true) => format!(
            "In the end no {noun} was signed (history: {}).",
            s.armistice.historical_date
        ),
        (None, false) => format!("In the end no {noun} was signed, as in history."),
    };
    Chain {
        steps,
        unexplained,
        after_agreement,
        outcome,
        noun: noun.to_string(),
    }
}

impl Chain {
    /// The chain as a short narrative, one line per link: what happened and what did
    /// not arise because of the player's choices (what history had and the game did not
    /// is counted, not told: the debrief lists those events), at most [`MAX_TOLD`]
    /// links — the first ones and those that led to the outcome.
    pub fn lines(&self) -> Vec<String> {
        if self.steps.is_empty() {
            return vec![format!(
                "You took history's option at every decision you faced. {}",
                self.outcome
            )];
        }
        let told: Vec<&ChainStep> = self
            .steps
            .iter()
            .filter(|st| st.kind != "did_not_happen")
            .collect();
        let line = |st: &ChainStep| {
            let because = if st.because.is_empty() {
                String::new()
            } else {
                format!(" \u{2190} after {}", st.because.join(", "))
            };
            format!("{}: {}{because}", st.date, st.text)
        };
        let mut out: Vec<String> = Vec::new();
        if told.len() > MAX_TOLD {
            out.extend(told[..HEAD].iter().map(|st| line(st)));
            out.push(format!(
                "\u{2026} {} more link(s) \u{2026}",
                told.len() - MAX_TOLD
            ));
            out.extend(
                told[told.len() - (MAX_TOLD - HEAD)..]
                    .iter()
                    .map(|st| line(st)),
            );
        } else {
            out.extend(told.iter().map(|st| line(st)));
        }
        let missed = self.steps.len() - told.len();
        if missed > 0 {
            out.push(format!(
                "Because of these choices, {missed} event(s) of history did not happen in your game (listed under the events that went differently)."
            ));
        }
        if self.after_agreement > 0 {
            out.push(format!(
                "Once the {noun} was signed, {} decision(s) that history still faced did not arise.",
                self.after_agreement,
                noun = self.noun,
            ));
        }
        if self.unexplained > 0 {
            out.push(format!(
                "Besides, {} decision(s) of other sides went otherwise than in history for reasons the chain does not trace.",
                self.unexplained
            ));
        }
        out.push(self.outcome.clone());
        out
    }
}
