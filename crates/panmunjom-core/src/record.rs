//! Game records: the few facts that fully determine a game, saved as JSON.
//!
//! A record names the scenario (id and content hash), the role (or, for a game with
//! several people, the `seats`: each role a person played, with an optional name), the
//! policy of the other sides, the seed and the players' choices and table moves by id. Replaying it through the
//! engine reproduces the game exactly. Records are written atomically, so a failed
//! save never destroys an earlier one.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::{Game, Policy, Progress, Seat, Setup, TableAction, TableMove};
use crate::input;
use crate::scenario::{LoadError, Scenario, error::Place};

/// The value of the `format` field of every record.
pub const FORMAT: &str = "panmunjom-record";
/// The record layout version this build writes and reads.
pub const VERSION: u32 = 1;

/// A saved game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub version: u32,
    pub scenario: ScenarioRef,
    /// Actor id of the role the player took.
    pub role: String,
    pub policy: Policy,
    pub seed: u64,
    pub choices: Vec<ChoiceRef>,
    /// The player's moves at the table, in order (absent in records of games without
    /// any: older records read as games in which the player passed every meeting).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table: Vec<TableMoveRef>,
    /// The player's or group's name, for the class report (optional: records written
    /// before it existed have none, and a record without a name leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The roles people played when more than one did (hot-seat or over the network),
    /// in the scenario's actor order, each with an optional name; `role` is one of them.
    /// Absent: one seat, `role` (with `name`), as in every older record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<SeatRef>,
    /// The meeting turn at which an unfinished game waited when it was recorded (the
    /// game's moves at that meeting so far are in `table`): a replay stops there rather
    /// than passing it. Absent: the game waited at a decision or was over, or the record
    /// predates this field — a replay then passes every meeting after the last move.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<WaitingRef>,
}

/// A meeting turn, by ids: the session, the meeting's date and the seated role whose
/// turn it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitingRef {
    pub session: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Actor id of the role whose turn it was.
    pub role: String,
}

/// One person's seat, by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatRef {
    /// Actor id of the role.
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One move of the player at the table, by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableMoveRef {
    /// The session's id and the meeting's date (`YYYY-MM-DD`).
    pub session: String,
    pub date: String,
    /// `table`, `historical`, `accept` or `reject`.
    pub action: String,
    /// For `table`: issue id → position id, for the issues addressed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<(String, String)>,
    /// For `historical`: the proposal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    /// For `accept` and `reject`: the offer's number in the table's history (from 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<usize>,
    /// The role that made the move, in a record with several seats (absent: `role`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Which scenario a record was played on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRef {
    pub id: String,
    /// SHA-256 of the scenario file's text.
    pub hash: String,
}

/// One choice of the player, by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceRef {
    pub decision: String,
    pub option: String,
}

impl Record {
    /// The record of a game (finished or not).
    #[allow(
        clippy::expect_used,
        reason = "a game's choices are always taken at decisions: a failure is a bug"
    )]
    pub fn of(game: &Game) -> Record {
        let s = &game.scenario;
        Record {
            format: FORMAT.to_string(),
            version: VERSION,
            scenario: ScenarioRef {
                id: s.id.clone(),
                hash: s.hash.clone(),
            },
            role: s.actor(game.setup.role).id.clone(),
            policy: game.setup.policy,
            seed: game.setup.seed,
            choices: game
                .choices
                .iter()
                .map(|&(entry, option)| {
                    let d = s.entry(entry).as_decision().expect("choices are decisions");
                    ChoiceRef {
                        decision: d.id.clone(),
                        option: d.options[option].id.clone(),
                    }
                })
                .collect(),
            table: game
                .table_moves()
                .iter()
                .map(|m| {
                    let mut r = move_ref(s, m);
                    if game.seats().len() > 1 {
                        r.role = Some(s.actor(m.role).id.clone());
                    }
                    r
                })
                .collect(),
            name: match game.seats() {
                [one] => one.name.clone(),
                _ => None,
            },
            seats: if game.seats().len() > 1 {
                game.seats()
                    .iter()
                    .map(|seat| SeatRef {
                        role: s.actor(seat.role).id.clone(),
                        name: seat.name.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            waiting: waiting_ref(game),
        }
    }

    /// The record of a game, with the player's or group's name (blank: none).
    pub fn named(game: &Game, name: &str) -> Record {
        let name = name.trim();
        Record {
            name: (!name.is_empty()).then(|| name.to_string()),
            ..Record::of(game)
        }
    }

    /// Pretty JSON with a final newline.
    #[allow(
        clippy::expect_used,
        reason = "a record is plain strings and numbers: serializing it cannot fail"
    )]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a record always serializes");
        text.push('\n');
        text
    }

    /// Parses a record's JSON text; `origin` names the file in errors.
    ///
    /// The `format` and `version` fields are checked first, so a record from a newer
    /// build is named as such rather than as a list of unknown fields; then the whole
    /// record, with the line and column of anything damaged.
    pub fn parse(origin: &str, text: &str) -> Result<Record, LoadError> {
        if text.len() as u64 > input::MAX_RECORD_BYTES {
            return Err(LoadError::single(
                origin,
                Place::File,
                input::ReadError::TooBig {
                    size: text.len() as u64,
                    max: input::MAX_RECORD_BYTES,
                }
                .to_string(),
            ));
        }
        if text.trim().is_empty() {
            return Err(LoadError::single(
                origin,
                Place::File,
                "the record is empty (an interrupted copy?): a game record is a JSON object written by `play --save`",
            ));
        }
        if let Some((line, col)) = input::too_deep(text, input::MAX_NESTING) {
            return Err(json_error(
                origin,
                text,
                line,
                col,
                format!(
                    "brackets nested too deep: more than {} levels; this is not a game record",
                    input::MAX_NESTING
                ),
            ));
        }
        let header: Header = serde_json::from_str(text).map_err(|e| damaged(origin, text, &e))?;
        match header.format.as_deref() {
            Some(FORMAT) => {}
            Some(other) => {
                return Err(LoadError::single(
                    origin,
                    item("format"),
                    format!("this is not a game record: format is `{other}`, expected `{FORMAT}`"),
                ));
            }
            None => {
                return Err(LoadError::single(
                    origin,
                    item("format"),
                    format!("this is not a game record: it has no `format: \"{FORMAT}\"` field"),
                ));
            }
        }
        match header.version {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) if v > u64::from(VERSION) => {
                return Err(LoadError::single(
                    origin,
                    item("version"),
                    format!(
                        "record version {v} was written by a newer Panmunjom; this build reads version {VERSION}: update Panmunjom to open it"
                    ),
                ));
            }
            Some(v) => {
                return Err(LoadError::single(
                    origin,
                    item("version"),
                    format!(
                        "record version {v} is not supported (this build reads version {VERSION})"
                    ),
                ));
            }
            None => {
                return Err(LoadError::single(
                    origin,
                    item("version"),
                    format!("the record has no `version` (this build reads version {VERSION})"),
                ));
            }
        }
        serde_json::from_str(text).map_err(|e| damaged(origin, text, &e))
    }

    /// Reads a record file (at most [`input::MAX_RECORD_BYTES`], in bounded memory).
    pub fn read(path: &Path) -> Result<Record, LoadError> {
        let origin = path.display().to_string();
        let bytes = input::read_capped(path, input::MAX_RECORD_BYTES).map_err(|e| {
            LoadError::single(&origin, Place::File, format!("cannot read the record: {e}"))
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            LoadError::single(
                &origin,
                Place::File,
                format!(
                    "the record is not UTF-8 text (invalid byte at offset {}): it is damaged, or not a game record",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        Record::parse(&origin, &text)
    }

    /// Writes the record atomically: to a temporary file beside it, flushed to disk, then
    /// renamed over the old one, and the folder flushed. Killed at any moment, the file
    /// holds either the previous record or this one, whole.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::fsio::write_atomic(path, self.to_json().as_bytes())
    }

    /// Replays the record on `scenario`, reproducing the game. The scenario must be the
    /// one the record names (same id and hash). A record whose choices stop early gives
    /// an unfinished game, waiting at the next decision.
    pub fn replay(&self, origin: &str, scenario: Arc<Scenario>) -> Result<Game, LoadError> {
        if self.scenario.id != scenario.id {
            return Err(LoadError::single(
                origin,
                item("scenario.id"),
                format!(
                    "the record was played on scenario `{}`, not `{}` ({}); pass the scenario file it was played on with --scenario",
                    self.scenario.id, scenario.id, scenario.origin
                ),
            ));
        }
        if self.scenario.hash != scenario.hash {
            return Err(LoadError::single(
                origin,
                item("scenario.hash"),
                format!(
                    "the record was played on another version of scenario `{}` (hash {}…, but {} has {}…); pass the scenario file it was played on with --scenario",
                    scenario.id,
                    short(&self.scenario.hash),
                    scenario.origin,
                    short(&scenario.hash)
                ),
            ));
        }
        let playable = |id: &str, place: Place| {
            scenario
                .actor_by_id(id)
                .filter(|&a| scenario.actor(a).playable)
                .ok_or_else(|| {
                    LoadError::single(
                        origin,
                        place,
                        format!(
                            "`{id}` is not a playable role of scenario `{}`",
                            scenario.id
                        ),
                    )
                })
        };
        let role = playable(&self.role, item("role"))?;
        let mut seats = Vec::new();
        for (n, seat) in self.seats.iter().enumerate() {
            let r = playable(&seat.role, seat_place(n))?;
            if seats.iter().any(|s: &Seat| s.role == r) {
                return Err(LoadError::single(
                    origin,
                    seat_place(n),
                    format!("role `{}` has two seats", seat.role),
                ));
            }
            seats.push(Seat {
                role: r,
                name: seat.name.clone(),
            });
        }
        if !seats.is_empty() && !seats.iter().any(|s| s.role == role) {
            return Err(LoadError::single(
                origin,
                item("role"),
                format!("role `{}` is not among the record's seats", self.role),
            ));
        }
        if seats.is_empty() {
            seats.push(Seat {
                role,
                name: self.name.clone(),
            });
        }
        let mut game = Game::new(
            scenario,
            Setup {
                role,
                policy: self.policy,
                seed: self.seed,
            },
        )
        .with_seats(seats);
        let mut choices = self.choices.iter().enumerate();
        let mut moves = self.table.iter().enumerate().peekable();
        loop {
            let id = match game.advance() {
                Progress::AwaitingChoice(id) => id,
                Progress::AtTable(m) => {
                    let scenario = Arc::clone(&game.scenario);
                    let meeting = scenario.meeting(m);
                    let session = &scenario.session(meeting.session).id;
                    let date = meeting.date.to_string();
                    let turn = game.turn().map(|a| scenario.actor(a).id.as_str());
                    while let Some((n, mv)) = moves.next_if(|(_, mv)| {
                        &mv.session == session
                            && mv.date == date
                            && Some(mv.role.as_deref().unwrap_or(&self.role)) == turn
                    }) {
                        apply_move(origin, &mut game, n, mv)?;
                    }
                    // The turn the recorded game waited at, every move made: stop here.
                    if let Some(w) = &self.waiting
                        && moves.peek().is_none()
                        && choices.len() == 0
                        && &w.session == session
                        && w.date == date
                        && Some(w.role.as_str()) == turn
                    {
                        return Ok(game);
                    }
                    // `pass` fails only when not at a meeting: the moves ended it.
                    let _ = game.pass();
                    continue;
                }
                Progress::Advanced | Progress::Finished => break,
            };
            let Some((n, choice)) = choices.next() else {
                if let Some(w) = &self.waiting {
                    return Err(LoadError::single(
                        origin,
                        item("waiting"),
                        format!(
                            "the record says the game waited at the meeting of `{}` on {} for `{}`, but its replay waits at a decision",
                            w.session, w.date, w.role
                        ),
                    ));
                }
                return Ok(game);
            };
            let scenario = Arc::clone(&game.scenario);
            let Some(d) = scenario.entry(id).as_decision() else {
                // The engine only waits at decisions; refuse rather than panic all the same.
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "decision"),
                    "the game is waiting at an entry that is not a decision",
                ));
            };
            if choice.decision != d.id {
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "decision"),
                    format!(
                        "the game reached decision `{}` but the record has `{}` here: the record does not fit this scenario",
                        d.id, choice.decision
                    ),
                ));
            }
            let Some(option) = d.options.iter().position(|o| o.id == choice.option) else {
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "option"),
                    format!("decision `{}` has no option `{}`", d.id, choice.option),
                ));
            };
            if let Err(e) = game.choose(option) {
                return Err(LoadError::single(
                    origin,
                    choice_place(n, "option"),
                    format!("option `{}` of `{}`: {e}", choice.option, d.id),
                ));
            }
        }
        if let Some((n, mv)) = moves.next() {
            return Err(LoadError::single(
                origin,
                move_place(n, "session"),
                format!(
                    "the game held no meeting of `{}` on {} where this move could be made (or the game ended before it)",
                    mv.session, mv.date
                ),
            ));
        }
        if let Some((n, _)) = choices.next() {
            return Err(LoadError::single(
                origin,
                choice_place(n, "decision"),
                format!(
                    "the game ended after {n} choices but the record has {}",
                    self.choices.len()
                ),
            ));
        }
        Ok(game)
    }
}

/// The meeting turn an unfinished game waits at, by ids.
fn waiting_ref(game: &Game) -> Option<WaitingRef> {
    if game.is_finished() || game.pending().is_some() {
        return None;
    }
    let s = &game.scenario;
    let meeting = s.meeting(game.at_table()?);
    Some(WaitingRef {
        session: s.session(meeting.session).id.clone(),
        date: meeting.date.to_string(),
        role: s.actor(game.turn()?).id.clone(),
    })
}

/// A table move by ids.
fn move_ref(s: &Scenario, m: &TableMove) -> TableMoveRef {
    let meeting = s.meeting(m.meeting);
    let mut r = TableMoveRef {
        session: s.session(meeting.session).id.clone(),
        date: meeting.date.to_string(),
        action: String::new(),
        terms: Vec::new(),
        proposal: None,
        offer: None,
        role: None,
    };
    match &m.action {
        TableAction::Table(terms) => {
            r.action = "table".into();
            r.terms = terms
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let p = (*p)?;
                    let issue = &s.issues[i];
                    Some((issue.id.clone(), issue.positions[p.0].id.clone()))
                })
                .collect();
        }
        TableAction::Historical(p) => {
            r.action = "historical".into();
            r.proposal = Some(s.proposal(*p).id.clone());
        }
        TableAction::Accept(i) => {
            r.action = "accept".into();
            r.offer = Some(*i);
        }
        TableAction::Reject(i) => {
            r.action = "reject".into();
            r.offer = Some(*i);
        }
    }
    r
}

/// Makes the `n`th (0-based) table move of a record in the game.
fn apply_move(origin: &str, game: &mut Game, n: usize, mv: &TableMoveRef) -> Result<(), LoadError> {
    let s = Arc::clone(&game.scenario);
    let fail = |field: &str, msg: String| LoadError::single(origin, move_place(n, field), msg);
    let result = match mv.action.as_str() {
        "table" => {
            let mut terms = vec![None; s.issues.len()];
            for (issue, pos) in &mv.terms {
                let Some(i) = s.issues.iter().position(|x| &x.id == issue) else {
                    return Err(fail(
                        "terms",
                        format!("the scenario has no issue `{issue}`"),
                    ));
                };
                let Some(p) = s.issues[i].positions.iter().position(|x| &x.id == pos) else {
                    return Err(fail(
                        "terms",
                        format!("issue `{issue}` has no position `{pos}`"),
                    ));
                };
                terms[i] = Some(crate::scenario::PosId(p));
            }
            game.table(terms).map(|_| ())
        }
        "historical" => {
            let id = mv.proposal.as_deref().unwrap_or("");
            let Some(p) = s.proposal_by_id(id) else {
                return Err(fail(
                    "proposal",
                    format!("the scenario has no proposal `{id}`"),
                ));
            };
            game.table_historical(p).map(|_| ())
        }
        "accept" | "reject" => {
            let Some(i) = mv.offer else {
                return Err(fail("offer", "an answer names the offer it answers".into()));
            };
            if mv.action == "accept" {
                game.accept(i)
            } else {
                game.reject(i)
            }
        }
        other => {
            return Err(fail(
                "action",
                format!("`{other}` is not a move: table, historical, accept or reject"),
            ));
        }
    };
    result.map_err(|e| {
        fail(
            "action",
            format!("{} at {} on {}: {e}", mv.action, mv.session, mv.date),
        )
    })
}

/// The place of the `n`th (0-based) seat of a record.
fn seat_place(n: usize) -> Place {
    Place::Item {
        kind: "record".into(),
        id: format!("seat {}", n + 1),
        field: "role".into(),
    }
}

/// The place of the `n`th (0-based) table move of a record.
fn move_place(n: usize, field: &str) -> Place {
    Place::Item {
        kind: "record".into(),
        id: format!("table move {}", n + 1),
        field: field.into(),
    }
}

/// The fields checked before the rest: what the file is, and which layout.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

/// A JSON error on a record: damaged, truncated, or of the wrong shape.
fn damaged(origin: &str, text: &str, e: &serde_json::Error) -> LoadError {
    let what = match e.classify() {
        serde_json::error::Category::Eof => {
            "the record ends too early (truncated, or an interrupted copy)"
        }
        serde_json::error::Category::Syntax => "the record is damaged (not valid JSON)",
        serde_json::error::Category::Data => "the record has a wrong or missing field",
        serde_json::error::Category::Io => "the record cannot be read",
    };
    json_error(origin, text, e.line(), e.column(), format!("{what}: {e}"))
}

fn json_error(origin: &str, text: &str, line: usize, col: usize, message: String) -> LoadError {
    LoadError {
        file: origin.to_string(),
        problems: vec![crate::scenario::Problem {
            place: Place::LineCol(line.max(1), col.max(1)),
            message,
        }],
        text: Some(text.to_string()),
    }
}

/// The place of the `n`th (0-based) choice of a record.
fn choice_place(n: usize, field: &str) -> Place {
    Place::Item {
        kind: "record".into(),
        id: format!("choice {}", n + 1),
        field: field.into(),
    }
}

fn item(field: &str) -> Place {
    Place::Item {
        kind: "record".into(),
        id: "record".into(),
        field: field.into(),
    }
}

/// The first 12 characters of a hash (a record's may be any text: cut on characters,
/// not bytes, or a multi-byte character would panic the slice).
fn short(hash: &str) -> String {
    hash.chars().take(12).collect()
}
