//! Every delegation of a game several people played (hot-seat or a network table): per
//! seat its person's name, its role, the decisions it took beside history, its moves at
//! the table with the answers they met, and its objectives. Empty for a game of one seat.

use chrono::NaiveDate;
use serde::Serialize;

use super::{DecisionRow, ObjectiveRow};
use crate::engine::{Decider, Game, Reason, TableAction};
use crate::scenario::Scenario;

/// One seat of a game with several, as the debrief names it.
#[derive(Debug, Clone, Serialize)]
pub struct SeatDebrief {
    /// Actor id of the role, and its name.
    pub role: String,
    pub role_name: String,
    /// The person's or team's name, if the seat had one.
    pub name: Option<String>,
    /// The seat's decisions, beside history.
    pub choices: Vec<SeatChoice>,
    /// The seat's moves at the table, in order.
    pub moves: Vec<SeatMove>,
    /// The seat's objectives (met in the game; met in history).
    pub objectives: Vec<ObjectiveRow>,
}

impl SeatDebrief {
    /// "Ann (United Nations Command)", or the role's name alone.
    pub fn who(&self) -> String {
        match &self.name {
            Some(n) => format!("{n} ({})", self.role_name),
            None => self.role_name.clone(),
        }
    }
}

/// One decision a seat took.
#[derive(Debug, Clone, Serialize)]
pub struct SeatChoice {
    pub date_text: String,
    pub title: String,
    pub chosen: String,
    pub historical: String,
    pub same: bool,
}

/// One move of a seat at the table.
#[derive(Debug, Clone, Serialize)]
pub struct SeatMove {
    pub date: NaiveDate,
    /// The session's name.
    pub session: String,
    /// `table`, `historical`, `accept` or `reject`.
    pub action: String,
    /// The move in words ("Tabled: Repatriation: voluntary; …").
    pub text: String,
    /// For a package or proposal the seat tabled: every answer, "Side: word — reason".
    pub answers: Vec<String>,
    /// Whether what it tabled was agreed.
    pub agreed: bool,
}

/// The seats of `game` (empty unless several people played it), with `decisions` and
/// `objectives` the debrief's rows.
pub fn seats(
    game: &Game,
    decisions: &[DecisionRow],
    objectives: &[ObjectiveRow],
) -> Vec<SeatDebrief> {
    if game.seats().len() < 2 {
        return Vec::new();
    }
    let s = &*game.scenario;
    game.seats()
        .iter()
        .map(|seat| {
            let actor = s.actor(seat.role);
            SeatDebrief {
                role: actor.id.clone(),
                role_name: actor.name.clone(),
                name: seat.name.clone(),
                choices: decisions
                    .iter()
                    .filter(|d| d.role == actor.id && d.by == Some(Decider::Player))
                    .map(|d| SeatChoice {
                        date_text: d.date_text.clone(),
                        title: d.title.clone(),
                        chosen: d.chosen_label.clone().unwrap_or_default(),
                        historical: d.historical_label.clone(),
                        same: d.same,
                    })
                    .collect(),
                moves: moves(s, game, seat.role),
                objectives: objectives
                    .iter()
                    .filter(|o| o.role == actor.id)
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}

/// The moves of `role` at the table, each tabling matched with what it put on the table.
fn moves(s: &Scenario, game: &Game, role: crate::scenario::ActorId) -> Vec<SeatMove> {
    let history = game.table_history();
    let mut tabled = history
        .iter()
        .enumerate()
        .filter(|(_, t)| t.author == role && t.by == Decider::Player)
        .peekable();
    let title_of = |i: usize| {
        history.get(i).map_or_else(
            || format!("#{}", i + 1),
            |t| {
                let author = &s.actor(t.author).name;
                let what = match t.historical {
                    Some(p) => format!("{author}: {}", s.proposal(p).title),
                    None if t.by == Decider::Player => format!("the package of {author}"),
                    None => format!("the counter-proposal of {author}"),
                };
                format!("#{} ({what})", i + 1)
            },
        )
    };
    let mut out = Vec::new();
    for m in game.table_moves().iter().filter(|m| m.role == role) {
        let meeting = s.meeting(m.meeting);
        let (action, mut text) = match &m.action {
            TableAction::Table(terms) => (
                "table",
                format!("Tabled: {}", s.terms_in_words(terms).join("; ")),
            ),
            TableAction::Historical(p) => (
                "historical",
                format!("Tabled history's proposal: {}", s.proposal(*p).title),
            ),
            TableAction::Accept(i) => ("accept", format!("Accepted {}", title_of(*i))),
            TableAction::Reject(i) => ("reject", format!("Rejected {}", title_of(*i))),
        };
        let mut answers = Vec::new();
        let mut agreed = false;
        if matches!(m.action, TableAction::Table(_) | TableAction::Historical(_))
            && let Some((i, t)) = tabled.next_if(|(_, t)| t.date == meeting.date)
        {
            text = format!("#{}: {text}", i + 1);
            agreed = t.agreed;
            answers = t
                .answers
                .iter()
                .map(|a| {
                    let who = &s.actor(a.actor).name;
                    match (a.reply, &a.reason) {
                        // A person's answer ("your answer" to that person alone).
                        (Some(r), Reason::Player) => {
                            format!("{who}: {} \u{2014} by its delegation", r.word())
                        }
                        (Some(r), reason) => {
                            format!("{who}: {} \u{2014} {}", r.word(), reason.text(s))
                        }
                        (None, _) => format!("{who}: no answer"),
                    }
                })
                .collect();
        }
        out.push(SeatMove {
            date: meeting.date,
            session: s.session(meeting.session).name.clone(),
            action: action.to_string(),
            text,
            answers,
            agreed,
        });
    }
    out
}
