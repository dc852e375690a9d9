//! [`SeatView`]: what the server sends one seat — built only from what that seat's role
//! knows (`seat::sees`, its own limits, the public table), as plain text, so a client
//! needs no scenario and holds nothing of another role's private knowledge.

use serde::{Deserialize, Serialize};

use crate::compare::Divergence;
use crate::engine::{Decider, Game, Reason, RoleView, Waiting};
use crate::scenario::{ActorId, Effect, IssueId, PosId};

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
    /// The issues and their ordered positions, as the scenario names them (public), with
    /// which positions this seat may offer (inside its own limit).
    #[serde(default)]
    pub issues: Vec<IssueView>,
    /// The sides with a stance (the table's columns), as this seat knows them: what
    /// each holds in public, this seat's own limits, the limits it learnt of others.
    #[serde(default)]
    pub sides: Vec<SideView>,
    /// Every proposal of the sessions this seat sits at, with its answers and their
    /// reasons (oldest first).
    #[serde(default)]
    pub tabled: Vec<OfferView>,
}

/// An issue at the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueView {
    pub id: String,
    pub name: String,
    /// Its positions in the scenario's order: (id, label, whether this seat may offer it).
    pub positions: Vec<(String, String, bool)>,
}

/// A side at the table as this seat knows it (issues by index, positions by index).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideView {
    /// The side's index among the scenario's actors (its colour on screen).
    pub actor: usize,
    pub name: String,
    /// Whether it is this seat's side.
    pub you: bool,
    /// Per issue, the position it holds in public.
    pub holds: Vec<Option<usize>>,
    /// Per issue, its limit as this seat knows it: its own for this seat's side, one
    /// learnt through intelligence for another (None: not known).
    pub limits: Vec<Option<usize>>,
    /// Per issue, for a learnt limit: when and from what ("1952-10-08, from …").
    pub learnt: Vec<Option<String>>,
}

/// A proposal on the table, as the seats of its session see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    /// Its number in the table's history (from 0; the moves `Accept`/`Reject` name it).
    pub number: usize,
    pub date: String,
    pub session: String,
    pub author: String,
    pub author_actor: usize,
    /// "Proposal: …", "Proposal by … (yours)", "Counter-proposal by …".
    pub title: String,
    /// The terms, one "Issue: position" per issue addressed.
    pub terms: Vec<String>,
    pub historical: bool,
    /// Whether this seat's side put it there.
    pub yours: bool,
    pub agreed: bool,
    /// Whether this seat may answer it now.
    pub open: bool,
    pub answers: Vec<AnswerView>,
}

/// One side's answer to a proposal, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub side: String,
    pub actor: usize,
    /// "accepted", "rejected", … (None: not answered yet).
    pub word: Option<String>,
    pub accepts: bool,
    pub reason: String,
}

/// One thing the role learnt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    pub date: String,
    pub title: String,
    pub text: String,
    /// Where it is from: the event's sources ("FRUS 1952–54 XV, …"), as cited.
    #[serde(default)]
    pub sources: Vec<String>,
    /// `public`, `private` (the side's private channel), `report` (an intelligence
    /// report), `decision` (the side's own choice), `agreement`.
    #[serde(default)]
    pub kind: String,
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
    /// The session's name and description, the date of the meeting, who sits at it.
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub seated: Vec<String>,
    /// Whether this seat's side may table at this session at all (false: it may only
    /// answer what is put to it).
    #[serde(default)]
    pub may_table_here: bool,
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
    use crate::engine::Happening as H;
    let s = &*game.scenario;
    let sources = |id: crate::scenario::EntryId| -> Vec<String> {
        s.entry(id).as_event().map_or_else(Vec::new, |e| {
            e.sources
                .iter()
                .map(|c| crate::compare::CiteView::new(s, c).short())
                .collect()
        })
    };
    view.lines
        .iter()
        .map(|line| {
            let (title, text, sources, kind) = match &line.happening {
                H::Fired(id) if s.entry(*id).as_event().is_some() => (
                    game.event_title(*id).to_string(),
                    game.event_text(*id).to_string(),
                    sources(*id),
                    if view.private.contains(&line.index) {
                        "private"
                    } else {
                        "public"
                    },
                ),
                H::Report { event, .. } if s.entry(*event).as_event().is_some() => (
                    format!("Intelligence: {}", game.event_title(*event)),
                    game.event_text(*event).to_string(),
                    sources(*event),
                    "report",
                ),
                H::Decided { entry, option, .. } => match s.entry(*entry).as_decision() {
                    Some(d) => (
                        d.title.clone(),
                        format!(
                            "Your delegation chose: {}",
                            d.options.get(*option).map_or("", |o| o.label.as_str())
                        ),
                        Vec::new(),
                        "decision",
                    ),
                    None => (String::new(), String::new(), Vec::new(), ""),
                },
                H::Armistice => (
                    format!("The {} is signed", s.agreement_noun()),
                    String::new(),
                    Vec::new(),
                    "agreement",
                ),
                _ => (String::new(), String::new(), Vec::new(), ""),
            };
            Known {
                date: line.date.to_string(),
                title,
                text,
                sources,
                kind: kind.to_string(),
            }
        })
        .collect()
}

/// The issues with the positions `role` may offer (inside its own limit).
fn issues(game: &Game, role: ActorId) -> Vec<IssueView> {
    let s = &*game.scenario;
    s.issues
        .iter()
        .enumerate()
        .map(|(i, issue)| {
            let stance = s.stance(role, IssueId(i));
            IssueView {
                id: issue.id.clone(),
                name: issue.name.clone(),
                positions: issue
                    .positions
                    .iter()
                    .enumerate()
                    .map(|(p, pos)| {
                        let ok =
                            stance.is_none_or(|st| game.state.within_limit(role, st, PosId(p)));
                        (pos.id.clone(), pos.label.clone(), ok)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The sides with a stance, as `role` knows them (from its view: public holdings, its
/// own limits, the limits it learnt and the lines it learnt them from).
fn sides(game: &Game, role: ActorId, rv: &RoleView) -> Vec<SideView> {
    let s = &*game.scenario;
    // Where each learnt limit came from: the latest line `role` saw that set it.
    let mut learnt: Vec<Vec<Option<String>>> = vec![vec![None; s.issues.len()]; s.actors.len()];
    for line in &rv.lines {
        let (crate::engine::Happening::Fired(id)
        | crate::engine::Happening::Report { event: id, .. }) = &line.happening
        else {
            continue;
        };
        let Some(e) = s.entry(*id).as_event() else {
            continue;
        };
        for effect in &e.effects {
            if let Effect::Limit(a, i, _) = effect
                && *a != role
            {
                learnt[a.0][i.0] = Some(format!(
                    "{}, from \u{201c}{}\u{201d}",
                    line.date,
                    game.event_title(*id)
                ));
            }
        }
    }
    s.actors
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.stances.is_empty())
        .map(|(k, a)| {
            let you = ActorId(k) == role;
            let limits: Vec<Option<usize>> = (0..s.issues.len())
                .map(|i| {
                    if you {
                        s.stance(role, IssueId(i))
                            .map(|st| rv.limits[i].unwrap_or(st.limit).0)
                    } else {
                        rv.known_limits[k][i].map(|p| p.0)
                    }
                })
                .collect();
            SideView {
                actor: k,
                name: a.name.clone(),
                you,
                holds: rv.positions[k].iter().map(|p| p.map(|p| p.0)).collect(),
                learnt: (0..s.issues.len())
                    .map(|i| {
                        (!you && limits[i].is_some())
                            .then(|| learnt[k][i].clone())
                            .flatten()
                    })
                    .collect(),
                limits,
            }
        })
        .collect()
}

/// Every proposal `role`'s view holds, with its answers and their reasons.
fn tabled(game: &Game, role: ActorId, rv: &RoleView) -> Vec<OfferView> {
    let s = &*game.scenario;
    let open: &[usize] = match &rv.waiting {
        Some(Waiting::Table { open_offers, .. }) => open_offers,
        _ => &[],
    };
    rv.table
        .iter()
        .map(|(i, t)| OfferView {
            number: *i,
            date: t.date.to_string(),
            session: s.session(t.session).name.clone(),
            author: s.actor(t.author).name.clone(),
            author_actor: t.author.0,
            title: match t.historical {
                Some(p) => format!("Proposal: {}", s.proposal(p).title),
                None if t.by == Decider::Player && t.author == role => "Your package".to_string(),
                None if t.by == Decider::Player => {
                    format!("Package of {}", s.actor(t.author).name)
                }
                None => format!("Counter-proposal by {}", s.actor(t.author).name),
            },
            terms: s.terms_in_words(&t.terms),
            historical: t.historical.is_some(),
            yours: t.author == role,
            agreed: t.agreed,
            open: open.contains(i),
            answers: t
                .answers
                .iter()
                .map(|a| AnswerView {
                    side: s.actor(a.actor).name.clone(),
                    actor: a.actor.0,
                    word: a.reply.map(|r| r.word().to_string()),
                    accepts: a.reply.is_some_and(|r| r.accepts()),
                    reason: match (a.reply, &a.reason) {
                        (None, _) => String::new(),
                        // A person's answer: "your answer" only to that person.
                        (Some(_), Reason::Player) if a.actor != role => {
                            "the delegation's own answer".to_string()
                        }
                        (Some(_), r) => r.text(s),
                    },
                })
                .collect(),
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
            meeting,
            rounds_left,
            may_table,
            open_offers,
            historical_here,
            ..
        }) => (
            None,
            Some(MeetingView {
                session: s.session(s.meeting(*meeting).session).name.clone(),
                description: s.session(s.meeting(*meeting).session).description.clone(),
                seated: s
                    .session(s.meeting(*meeting).session)
                    .seated
                    .iter()
                    .map(|&a| s.actor(a).name.clone())
                    .collect(),
                may_table_here: s
                    .session(s.meeting(*meeting).session)
                    .may_table
                    .contains(&role),
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
        issues: issues(game, role),
        sides: sides(game, role, &rv),
        tabled: tabled(game, role, &rv),
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
