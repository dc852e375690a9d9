//! [`SeatView`]: what the server sends one seat — built only from what that seat's role
//! knows (`seat::sees`, its own limits, the public table), as plain text, so a client
//! needs no scenario and holds nothing of another role's private knowledge.

use serde::{Deserialize, Serialize};

use crate::compare::Divergence;
use crate::engine::{Game, RoleView, Waiting};
use crate::scenario::ActorId;

use super::seat;

/// One seat's view of its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatView {
    /// The table (from 1) and the seat's role.
    pub table: usize,
    pub role: String,
    pub role_name: String,
    pub scenario: String,
    /// The game's date (YYYY-MM-DD).
    pub date: String,
    /// The role whose turn it is (its name), if the game waits for a person.
    pub turn: Option<String>,
    /// Whether that is this seat.
    pub your_turn: bool,
    /// How many moves the table has seen (every accepted move adds one).
    pub moves: u32,
    /// What the role learnt, from item number `known_from` on (the items before it
    /// were in earlier views to this client).
    pub known_from: usize,
    pub known: Vec<Known>,
    /// The decision waiting for this seat.
    pub decision: Option<DecisionView>,
    /// The meeting this seat sits at.
    pub meeting: Option<MeetingView>,
    /// The role's own limits, one line per issue that has one.
    pub limits: Vec<String>,
    /// How the game ended.
    pub outcome: Option<String>,
    /// Every seat of the table: role name, player's name, connected, computer.
    pub seats: Vec<SeatLine>,
}

/// One thing the role learnt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    pub date: String,
    pub title: String,
    pub text: String,
}

/// A decision waiting for the seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    pub title: String,
    pub prompt: String,
    pub context: String,
    /// Every option: label, text, whether it is open now.
    pub options: Vec<(String, String, bool)>,
}

/// The meeting the seat sits at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    pub rounds_left: u32,
    pub may_table: bool,
    /// Offers so far at this table: number, author's name, terms, replies.
    pub offers: Vec<(usize, String, String, String)>,
    /// Offers this seat may answer (numbers).
    pub open_offers: Vec<usize>,
    /// Historical proposals of the seat's side it may table here: id, title.
    pub historical: Vec<(String, String)>,
}

/// A seat as every player of the table sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatLine {
    pub role_name: String,
    pub name: Option<String>,
    pub connected: bool,
    pub computer: bool,
}

/// Every item `role` knows of `game` (from the engine's per-role view), in order.
pub fn known_items(game: &Game, view: &RoleView) -> Vec<Known> {
    let s = &*game.scenario;
    view.lines
        .iter()
        .map(|line| {
            use crate::engine::Happening as H;
            let (title, text) = match &line.happening {
                H::Fired(id) => match s.entry(*id).as_event() {
                    Some(e) => (e.title.clone(), e.text.clone()),
                    None => (String::new(), String::new()),
                },
                H::Report { event, .. } => match s.entry(*event).as_event() {
                    Some(e) => (format!("Intelligence: {}", e.title), e.text.clone()),
                    None => (String::new(), String::new()),
                },
                H::Decided { entry, option, .. } => match s.entry(*entry).as_decision() {
                    Some(d) => (
                        d.title.clone(),
                        format!(
                            "Your delegation chose: {}",
                            d.options.get(*option).map_or("", |o| o.label.as_str())
                        ),
                    ),
                    None => (String::new(), String::new()),
                },
                H::Armistice => (
                    format!("The {} is signed", s.agreement_noun()),
                    String::new(),
                ),
                _ => (String::new(), String::new()),
            };
            Known {
                date: line.date.to_string(),
                title,
                text,
            }
        })
        .collect()
}

/// The view of `role` at table `table` (from 1), with the known items from `known_from`.
pub fn seat_view(
    table: usize,
    game: &Game,
    role: ActorId,
    moves: u32,
    seats: Vec<SeatLine>,
    known_from: usize,
) -> SeatView {
    let s = &*game.scenario;
    let rv = seat::knows(game, role);
    let turn = seat::to_act(game);
    let your_turn = turn == Some(role);
    let (decision, meeting) = match &rv.waiting {
        Some(Waiting::Decision {
            entry,
            open,
            context,
        }) => (
            s.entry(*entry).as_decision().map(|d| DecisionView {
                title: d.title.clone(),
                prompt: d.prompt.clone(),
                context: context.clone(),
                options: d
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.label.clone(), o.text.clone(), open.contains(&i)))
                    .collect(),
            }),
            None,
        ),
        Some(Waiting::Table {
            rounds_left,
            may_table,
            open_offers,
            historical_here,
            ..
        }) => (
            None,
            Some(MeetingView {
                rounds_left: *rounds_left,
                may_table: *may_table,
                offers: rv
                    .table
                    .iter()
                    .map(|(i, t)| {
                        let replies = t
                            .answers
                            .iter()
                            .map(|a| {
                                let reply = a.reply.map_or("no answer yet".to_string(), |r| {
                                    format!("{r:?}").to_lowercase()
                                });
                                format!("{}: {reply}", s.actor(a.actor).name)
                            })
                            .collect::<Vec<_>>()
                            .join("; ");
                        (
                            *i,
                            s.actor(t.author).name.clone(),
                            crate::engine::table::terms_text(s, &t.terms),
                            replies,
                        )
                    })
                    .collect(),
                open_offers: open_offers.clone(),
                historical: historical_here
                    .iter()
                    .map(|p| (s.proposals[p.0].id.clone(), s.proposals[p.0].title.clone()))
                    .collect(),
            }),
        ),
        None => (None, None),
    };
    let limits = s.terms_in_words(&rv.limits);
    let known = known_items(game, &rv);
    let outcome = rv.outcome.as_ref().map(|o| match o {
        crate::engine::Outcome::Armistice => format!("The {} was signed.", s.agreement_noun()),
        crate::engine::Outcome::NoArmistice => {
            format!("No {} by the horizon.", s.agreement_noun())
        }
        crate::engine::Outcome::Ended(why) => format!("The game ended: {why}"),
    });
    let known_from = known_from.min(known.len());
    SeatView {
        table,
        role: s.actor(role).id.clone(),
        role_name: s.actor(role).name.clone(),
        scenario: s.title.clone(),
        date: rv.date.to_string(),
        turn: turn.map(|r| s.actor(r).name.clone()),
        your_turn,
        moves,
        known_from,
        known: known.into_iter().skip(known_from).collect(),
        decision,
        meeting,
        limits,
        outcome,
        seats,
    }
}

/// The divergence of `game` from history so far (the host's class view). A decision
/// waiting for its seat is not counted yet (the score counts every entry the game has
/// reached, and a waiting decision has no choice to compare).
pub fn divergence(game: &Game, history: &crate::engine::State) -> u32 {
    let total = Divergence::measure(&game.scenario, game, history).total;
    let waiting = game
        .pending()
        .is_some_and(|p| game.state.chosen[p.0] != history.chosen[p.0]);
    total - u32::from(waiting && total > 0)
}
