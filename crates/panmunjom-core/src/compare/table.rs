//! The table in the debrief: your proposals beside history's, the negotiation dance of
//! every party, and how far your terms lie from the Nash point and the frontiers.
//!
//! **The dance** follows Hindriks, Jonker and Tykhonov, "Negotiation dynamics:
//! analysis, concession tactics, and outcomes" (IAT 2007). Each proposal of a party
//! after its first is a *move* from its previous one; with ΔS the change of the
//! mover's own utility and ΔO the change of its opponent's, the move is
//! - *silent*: ΔS = 0 and ΔO = 0;
//! - *nice*: ΔS = 0 and ΔO > 0;
//! - *fortunate*: ΔS > 0 and ΔO > 0;
//! - *selfish*: ΔS > 0 and ΔO ≤ 0;
//! - *concession*: ΔS < 0 and ΔO ≥ 0;
//! - *unfortunate*: ΔS ≤ 0 and ΔO < 0.
//!
//! Utilities are the scenario's (see [`crate::bargain`]), measured on the state of the
//! historical terms date, so that your game and history are judged by one yardstick. A
//! proposal that leaves issues open is valued with the positions its author held then.
//! With more than two parties, a mover's *opponent* is the armistice party whose ideal
//! terms lie furthest from its own (for the Korean scenario: the UN Command for the
//! Communist sides, Peking for the UN Command).

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bargain::{self, Analysis};
use crate::engine::{Decider, Game, Tabled, Terms};
use crate::scenario::{ActorId, IssueId, Scenario};

/// A move class of Hindriks, Jonker and Tykhonov (2007).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MoveClass {
    Concession,
    Selfish,
    Fortunate,
    Unfortunate,
    Nice,
    Silent,
}

impl MoveClass {
    pub const ALL: [MoveClass; 6] = [
        MoveClass::Concession,
        MoveClass::Selfish,
        MoveClass::Fortunate,
        MoveClass::Unfortunate,
        MoveClass::Nice,
        MoveClass::Silent,
    ];
    pub fn word(self) -> &'static str {
        match self {
            MoveClass::Concession => "concession",
            MoveClass::Selfish => "selfish",
            MoveClass::Fortunate => "fortunate",
            MoveClass::Unfortunate => "unfortunate",
            MoveClass::Nice => "nice",
            MoveClass::Silent => "silent",
        }
    }
}

/// The class of a move that changes the mover's utility by `own` and its opponent's
/// by `other`.
pub fn classify(own: i64, other: i64) -> MoveClass {
    use std::cmp::Ordering::*;
    match (own.cmp(&0), other.cmp(&0)) {
        (Equal, Equal) => MoveClass::Silent,
        (Equal, Greater) => MoveClass::Nice,
        (Greater, Greater) => MoveClass::Fortunate,
        (Greater, _) => MoveClass::Selfish,
        (Less, Greater | Equal) => MoveClass::Concession,
        (Less | Equal, Less) => MoveClass::Unfortunate,
    }
}

/// One position that changed between two proposals of a party.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub issue: String,
    pub from: String,
    pub to: String,
}

/// One proposal of a party in its dance.
#[derive(Debug, Clone, Serialize)]
pub struct DanceMove {
    pub date: NaiveDate,
    /// The proposal's title when it is history's, else "your proposal" / "counter-proposal".
    pub label: String,
    /// Utilities of the full package for the mover and its opponent.
    pub own: i64,
    pub other: i64,
    /// The changes since the party's previous proposal (0 for its first).
    pub d_own: i64,
    pub d_other: i64,
    /// None for the party's first proposal (no move yet).
    pub class: Option<MoveClass>,
    pub changes: Vec<Change>,
}

/// A party's proposals in order, classified move by move.
#[derive(Debug, Clone, Serialize)]
pub struct DanceLine {
    pub moves: Vec<DanceMove>,
    /// (class, how many moves) for every class.
    pub counts: Vec<(MoveClass, usize)>,
}

/// One party's dance in your game and in history.
#[derive(Debug, Clone, Serialize)]
pub struct Dance {
    pub actor: String,
    pub actor_name: String,
    pub opponent: String,
    pub game: DanceLine,
    pub history: DanceLine,
}

/// One issue of a proposal beside history's.
#[derive(Debug, Clone, Serialize)]
pub struct IssueBeside {
    pub issue: String,
    /// Position labels; None where the proposal leaves the issue open.
    pub yours: Option<String>,
    pub history: Option<String>,
    pub same: bool,
}

/// One of your proposals beside the historical proposal nearest in time.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalBeside {
    pub date: NaiveDate,
    pub session: String,
    pub agreed: bool,
    /// The other sides' answers: (actor name, reply word, reason in words).
    pub answers: Vec<(String, String, String)>,
    /// The nearest historical proposal: (title, date text, author name).
    pub nearest: Option<(String, String, String)>,
    pub issues: Vec<IssueBeside>,
}

/// How far a package lies from the Nash point and the frontiers.
#[derive(Debug, Clone, Serialize)]
pub struct Distances {
    /// What is measured: "the terms of your armistice" or "your last proposal".
    pub what: String,
    /// The parties' utilities for it: (actor name, points).
    pub utilities: Vec<(String, i64)>,
    /// Sum over the parties of |u − u(Nash)|; None without a Nash point.
    pub to_nash: Option<i64>,
    /// Total gain of the nearest deal of the full frontier at least as good for every
    /// party (0: on the frontier).
    pub to_frontier: i64,
    /// Whether every party prefers it to no deal.
    pub rational: bool,
    /// The same gain toward the rational frontier (None: no rational deal is at least
    /// as good for every party — it is not rational, or beaten by nothing rational).
    pub to_rational_frontier: Option<i64>,
}

/// The frontiers of the reference state, counted.
#[derive(Debug, Clone, Serialize)]
pub struct Frontiers {
    pub date: NaiveDate,
    /// Deals on the Pareto frontier over the whole space, and how many distinct
    /// utility points they make.
    pub full_deals: usize,
    pub full_points: usize,
    /// How many of those lie in the zone of agreement.
    pub full_in_zone: usize,
    /// The same over the deals every party prefers to no deal (NegMAS's rational outcomes).
    pub rational_deals: usize,
    pub rational_points: usize,
    pub zone: usize,
}

/// Everything the debrief says about the table.
#[derive(Debug, Clone, Serialize)]
pub struct TableDebrief {
    pub proposals: Vec<ProposalBeside>,
    pub dances: Vec<Dance>,
    pub frontiers: Option<Frontiers>,
    pub distances: Option<Distances>,
    /// What happened to your proposals, in words (why an armistice came early, or why
    /// they were refused).
    pub verdict: Vec<String>,
}

impl TableDebrief {
    /// The table of `game` beside the table of `history` (the historical path).
    pub fn new(game: &Game, history: &Game) -> TableDebrief {
        let s = &*game.scenario;
        let reference = bargain::walk_to(
            Arc::clone(&game.scenario),
            s.armistice.historical_terms_date,
        );
        let analysis = bargain::analyze(s, &reference.state).ok();
        let role = game.setup.role;
        let proposals = game
            .table_history()
            .iter()
            .filter(|t| t.author == role && t.historical.is_none() && t.by == Decider::Player)
            .map(|t| beside(s, role, t))
            .collect();
        let dances = analysis
            .as_ref()
            .map(|a| {
                dancers(s, game, history)
                    .into_iter()
                    .map(|actor| dance(s, a, actor, game.table_history(), history.table_history()))
                    .collect()
            })
            .unwrap_or_default();
        let frontiers = analysis
            .as_ref()
            .map(|a| frontiers(a, reference.state.date));
        let distances = analysis.as_ref().and_then(|a| distances(s, a, game));
        TableDebrief {
            verdict: verdict(s, game, history),
            proposals,
            dances,
            frontiers,
            distances,
        }
    }
}

/// The parties with stances that tabled something, in the game or in history.
fn dancers(s: &Scenario, game: &Game, history: &Game) -> Vec<ActorId> {
    let mut out: Vec<ActorId> = Vec::new();
    for t in game.table_history().iter().chain(history.table_history()) {
        if !s.actor(t.author).stances.is_empty() && !out.contains(&t.author) {
            out.push(t.author);
        }
    }
    out.sort();
    out
}

/// The armistice party whose ideal terms lie furthest from `actor`'s.
pub fn opponent(s: &Scenario, actor: ActorId) -> Option<ActorId> {
    let ideal = |a: ActorId, i: usize| s.stance(a, IssueId(i)).map(|st| st.position.0);
    s.armistice
        .parties
        .iter()
        .copied()
        .filter(|&p| p != actor)
        .max_by_key(|&p| {
            let d: usize = (0..s.issues.len())
                .filter_map(|i| Some(ideal(actor, i)?.abs_diff(ideal(p, i)?)))
                .sum();
            // ties: the party listed first
            (d, std::cmp::Reverse(p))
        })
}

fn line(s: &Scenario, a: &Analysis, actor: ActorId, table: &[Tabled]) -> DanceLine {
    let k_of = |who: ActorId| a.model.actors.iter().position(|m| m.actor == who);
    let opp = opponent(s, actor).and_then(k_of);
    let me = k_of(actor);
    let mut moves: Vec<DanceMove> = Vec::new();
    let mut previous: Option<Terms> = None;
    for t in table.iter().filter(|t| t.author == actor) {
        let package = t.package();
        let Some(deal) = bargain::deal_of(&package) else {
            continue;
        };
        let own = me.map_or(0, |k| a.model.utility(k, &deal));
        let other = opp.map_or(0, |k| a.model.utility(k, &deal));
        let (d_own, d_other) = moves
            .last()
            .map_or((0, 0), |last| (own - last.own, other - last.other));
        let (class, changes) = match &previous {
            Some(prev) => (Some(classify(d_own, d_other)), changes(s, prev, &package)),
            None => (None, Vec::new()),
        };
        let label = match t.historical {
            Some(p) => s.proposal(p).title.clone(),
            None if t.by == Decider::Player => "your proposal".into(),
            None => "counter-proposal".into(),
        };
        moves.push(DanceMove {
            date: t.date,
            label,
            own,
            other,
            d_own,
            d_other,
            class,
            changes,
        });
        previous = Some(package);
    }
    let counts = MoveClass::ALL
        .iter()
        .map(|&c| (c, moves.iter().filter(|m| m.class == Some(c)).count()))
        .collect();
    DanceLine { moves, counts }
}

fn changes(s: &Scenario, from: &Terms, to: &Terms) -> Vec<Change> {
    let label = |i: usize, p: Option<crate::scenario::PosId>| {
        p.map_or("open".to_string(), |p| {
            s.position_label(IssueId(i), p).to_string()
        })
    };
    (0..s.issues.len())
        .filter(|&i| from[i] != to[i])
        .map(|i| Change {
            issue: s.issues[i].name.clone(),
            from: label(i, from[i]),
            to: label(i, to[i]),
        })
        .collect()
}

fn dance(s: &Scenario, a: &Analysis, actor: ActorId, game: &[Tabled], history: &[Tabled]) -> Dance {
    Dance {
        actor: s.actor(actor).id.clone(),
        actor_name: s.actor(actor).name.clone(),
        opponent: opponent(s, actor).map_or(String::new(), |o| s.actor(o).name.clone()),
        game: line(s, a, actor, game),
        history: line(s, a, actor, history),
    }
}

fn beside(s: &Scenario, role: ActorId, t: &Tabled) -> ProposalBeside {
    // The nearest historical proposal in time: the role's own first, else anyone's.
    let nearest_of = |own: bool| {
        s.proposals
            .iter()
            .filter(|p| !own || p.author == role)
            .min_by_key(|p| (p.date - t.date).num_days().abs())
    };
    let nearest = nearest_of(true).or_else(|| nearest_of(false));
    let issues = (0..s.issues.len())
        .filter(|&i| t.terms[i].is_some() || nearest.is_some_and(|p| p.terms[i].is_some()))
        .map(|i| {
            let yours = t.terms[i].map(|p| s.position_label(IssueId(i), p).to_string());
            let history = nearest
                .and_then(|p| p.terms[i])
                .map(|p| s.position_label(IssueId(i), p).to_string());
            IssueBeside {
                issue: s.issues[i].name.clone(),
                same: yours == history,
                yours,
                history,
            }
        })
        .collect();
    ProposalBeside {
        date: t.date,
        session: s.session(t.session).name.clone(),
        agreed: t.agreed,
        answers: t
            .answers
            .iter()
            .map(|a| {
                (
                    s.actor(a.actor).name.clone(),
                    a.reply.map_or("no answer".into(), |r| r.word().to_string()),
                    a.reason.text(s),
                )
            })
            .collect(),
        nearest: nearest.map(|p| {
            (
                p.title.clone(),
                p.date_text(),
                s.actor(p.author).name.clone(),
            )
        }),
        issues,
    }
}

fn frontiers(a: &Analysis, date: NaiveDate) -> Frontiers {
    let points = |list: &[u64]| {
        list.iter()
            .map(|&i| a.party_utilities(&a.model.decode(i)))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let rational = bargain::rational_frontier(&a.model);
    Frontiers {
        date,
        full_deals: a.frontier.len(),
        full_points: points(&a.frontier),
        full_in_zone: a
            .frontier
            .iter()
            .filter(|&&i| a.in_zone(&a.model.decode(i)))
            .count(),
        rational_deals: rational.len(),
        rational_points: points(&rational),
        zone: a.zone.len(),
    }
}

/// The package the game is judged by: its armistice's terms, else the player's last
/// proposal (with its held positions on open issues).
fn judged(game: &Game) -> Option<(String, Terms)> {
    if let Some(arm) = &game.state.armistice {
        return Some((
            format!("the terms of your {}", game.scenario.agreement_noun()),
            arm.terms.clone(),
        ));
    }
    game.table_history()
        .iter()
        .rev()
        .find(|t| t.author == game.setup.role && t.by == Decider::Player)
        .map(|t| ("your last proposal".into(), t.package()))
}

fn distances(s: &Scenario, a: &Analysis, game: &Game) -> Option<Distances> {
    let (what, terms) = judged(game)?;
    let deal = bargain::deal_of(&terms)?;
    let u = a.party_utilities(&deal);
    let to_nash = a.nash.map(|n| {
        let v = a.party_utilities(&a.model.decode(n));
        u.iter().zip(&v).map(|(x, y)| (x - y).abs()).sum()
    });
    let gain_to = |list: &[u64]| {
        list.iter()
            .map(|&f| a.party_utilities(&a.model.decode(f)))
            .filter(|v| v.iter().zip(&u).all(|(x, y)| x >= y))
            .map(|v| v.iter().zip(&u).map(|(x, y)| x - y).sum::<i64>())
            .min()
    };
    let rational_list = bargain::rational_frontier(&a.model);
    Some(Distances {
        what,
        utilities: a
            .model
            .parties
            .iter()
            .zip(&u)
            .map(|(&k, &x)| (s.actor(a.model.actors[k].actor).name.clone(), x))
            .collect(),
        to_nash,
        to_frontier: gain_to(&a.frontier).unwrap_or(0),
        rational: bargain::is_rational(&a.model, &deal),
        to_rational_frontier: gain_to(&rational_list),
    })
}

/// What became of the player's proposals, in words.
fn verdict(s: &Scenario, game: &Game, history: &Game) -> Vec<String> {
    let role = game.setup.role;
    let mine: Vec<&Tabled> = game
        .table_history()
        .iter()
        .filter(|t| t.author == role && t.by == Decider::Player && t.historical.is_none())
        .collect();
    let mut out = Vec::new();
    if mine.is_empty() {
        return out;
    }
    let hist_date = history.state.armistice.as_ref().map(|a| a.date);
    if let Some(t) = mine.iter().find(|t| t.agreed) {
        out.push(format!(
            "Your proposal of {} was accepted by every party: the terms were agreed at the table.",
            t.date
        ));
        match (&game.state.armistice, hist_date) {
            (Some(a), Some(h)) if a.date < h => out.push(format!(
                "The {} followed on {}, {} days before the historical signing on {h}: you found terms inside every party's limits once their aspirations had fallen.",
                s.agreement_noun(),
                a.date,
                (h - a.date).num_days()
            )),
            (Some(a), _) => out.push(format!(
                "The {} followed on {}.",
                s.agreement_noun(),
                a.date
            )),
            (None, _) => out.push(format!(
                "No {} followed: the conditions of signing never held long enough.",
                s.agreement_noun()
            )),
        }
    } else {
        let mut reasons: Vec<String> = Vec::new();
        for t in &mine {
            for a in &t.answers {
                if !a.reply.is_some_and(crate::scenario::Reply::accepts) {
                    let r = format!("{}: {}", s.actor(a.actor).name, a.reason.text(s));
                    if !reasons.contains(&r) {
                        reasons.push(r);
                    }
                }
            }
        }
        out.push(if mine.len() == 1 {
            format!(
                "Your proposal was not accepted by every party. Their reasons: {}.",
                reasons.join("; ")
            )
        } else {
            format!(
                "None of your {} proposals was accepted by every party. Their reasons: {}.",
                mine.len(),
                reasons.join("; ")
            )
        });
        if game.state.armistice.is_none() {
            out.push(format!(
                "No {} was signed by the horizon ({}): a side never accepts a position beyond its limit, however long the war goes on.",
                s.agreement_noun(),
                s.horizon
            ));
        }
    }
    out
}
