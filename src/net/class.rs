//! The class a server holds: its tables, each an authoritative game with its seats
//! (role, join code, player's name, connection, or the computer), and their files in
//! the class folder — each table's record after every move and the seats' codes, both
//! written atomically, from which a restarted server resumes every table.
//!
//! Plain logic on a [`Class`] resource; `server.rs` calls it from the network's systems.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::prelude::{Entity, Resource};
use serde::{Deserialize, Serialize};

use crate::engine::{Game, State};
use crate::record::Record;
use crate::scenario::{ActorId, Scenario};

use super::protocol::{MAX_NAME_CHARS, SeatAction};
use super::records::{RecordWriter, Written};
use super::seat;
use super::view::{self, SeatLine, SeatView};

/// The threads writing records (a table always on the same one).
const RECORD_THREADS: usize = 8;

/// The file of the seats' codes in the class folder.
pub const SEATS_FILE: &str = "seats.json";

/// One seat of a table.
#[derive(Debug, Clone)]
pub struct Seat {
    pub role: ActorId,
    pub code: String,
    pub name: Option<String>,
    /// The client sitting here.
    pub client: Option<Entity>,
    /// The computer plays this seat (the host handed it over).
    pub computer: bool,
    /// How many known items the connected client has been sent.
    pub sent_known: usize,
}

/// One table: its game, its seats.
#[derive(Debug, Clone)]
pub struct Table {
    pub game: Game,
    pub seats: Vec<Seat>,
    /// Moves accepted so far (seats' and the computer's for a seat: [`seat::moves`]).
    pub moves: u32,
}

/// The class: every table, the folder its files live in, the historical end state
/// (for the divergence so far).
#[derive(Resource)]
pub struct Class {
    pub tables: Vec<Table>,
    pub dir: PathBuf,
    pub history: State,
    /// Which (table, seat) each client holds.
    pub clients: HashMap<Entity, (usize, usize)>,
    /// Each table's move count whose record is on disk.
    written: Vec<u32>,
    /// Tables whose seats are to be sent their views (once the record is on disk).
    views_due: Vec<bool>,
    writer: RecordWriter,
}

/// What the seats file keeps: the codes, names and computer seats of every table.
#[derive(Debug, Serialize, Deserialize)]
struct SeatsFile {
    scenario: String,
    tables: Vec<Vec<SeatEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SeatEntry {
    role: String,
    code: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    computer: bool,
}

/// A fresh join code: 8 letters and digits from the operating system's randomness
/// (never the game's RNG), without look-alikes (0/O, 1/I/L).
pub fn new_code() -> std::io::Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

impl Class {
    /// Opens the class in `dir`: resumes every table from its files when the folder
    /// holds a class, else seats `tables` new tables (codes written at once).
    pub fn open(scenario: Arc<Scenario>, dir: &Path, tables: usize) -> Result<Class, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let history = crate::compare::historical_path(Arc::clone(&scenario)).state;
        let seats_path = dir.join(SEATS_FILE);
        let mut class = Class {
            tables: Vec::new(),
            dir: dir.to_path_buf(),
            history,
            clients: HashMap::new(),
            written: Vec::new(),
            views_due: Vec::new(),
            writer: RecordWriter::start(RECORD_THREADS),
        };
        if seats_path.exists() {
            class.resume(&scenario, &seats_path)?;
        } else {
            for t in 0..tables {
                let game = seat::new_game(Arc::clone(&scenario), t as u64 + 1)?;
                let seats = seat::human_roles(&game)
                    .into_iter()
                    .map(|role| {
                        Ok(Seat {
                            role,
                            code: new_code().map_err(|e| format!("join codes: {e}"))?,
                            name: None,
                            client: None,
                            computer: false,
                            sent_known: 0,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                class.tables.push(Table {
                    game,
                    seats,
                    moves: 0,
                });
            }
            class.save_seats()?;
            for t in 0..class.tables.len() {
                class.save_record(t)?;
            }
        }
        class.written = class.tables.iter().map(|t| t.moves).collect();
        class.views_due = vec![false; class.tables.len()];
        Ok(class)
    }

    fn resume(&mut self, scenario: &Arc<Scenario>, seats_path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(seats_path)
            .map_err(|e| format!("{}: {e}", seats_path.display()))?;
        let file: SeatsFile =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", seats_path.display()))?;
        if file.scenario != scenario.id {
            return Err(format!(
                "{}: the class was held on scenario `{}`, not `{}`",
                seats_path.display(),
                file.scenario,
                scenario.id
            ));
        }
        for (t, entries) in file.tables.into_iter().enumerate() {
            let path = self.record_path(t);
            let record = Record::read(&path).map_err(|e| e.render())?;
            let origin = path.display().to_string();
            let mut game = record
                .replay(&origin, Arc::clone(scenario))
                .map_err(|e| e.render())?;
            seat::advance(&mut game);
            let mut seats = Vec::new();
            for e in entries {
                let role = scenario
                    .actor_by_id(&e.role)
                    .ok_or_else(|| format!("{}: no role `{}`", seats_path.display(), e.role))?;
                seats.push(Seat {
                    role,
                    code: e.code,
                    name: e.name,
                    client: None,
                    computer: e.computer,
                    sent_known: 0,
                });
            }
            let moves = seat::moves(&game);
            self.tables.push(Table { game, seats, moves });
        }
        Ok(())
    }

    /// The record file of table `t` (from 0).
    pub fn record_path(&self, t: usize) -> PathBuf {
        self.dir.join(format!("table-{:02}.json", t + 1))
    }

    /// Writes table `t`'s record (atomically).
    pub fn save_record(&self, t: usize) -> Result<(), String> {
        let path = self.record_path(t);
        crate::fsio::write_atomic(&path, self.record_of(t).to_json().as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Has table `t`'s record written after its latest move (in the background, see
    /// [`RecordWriter`]); its seats are sent their views once it is on disk.
    fn queue_record(&mut self, t: usize) {
        let bytes = self.record_of(t).to_json().into_bytes();
        let moves = self.tables[t].moves;
        self.writer
            .write(t, u64::from(moves), self.record_path(t), bytes);
        self.views_due[t] = true;
    }

    /// The records written since the last call (updates what is on disk).
    pub fn poll_written(&mut self) -> Vec<Written> {
        let written = self.writer.written();
        for w in &written {
            if w.result.is_ok()
                && let Some(on_disk) = self.written.get_mut(w.table)
            {
                *on_disk = (*on_disk).max(w.version as u32);
            }
        }
        written
    }

    /// Whether every table's record holds its latest move.
    pub fn all_written(&self) -> bool {
        self.tables
            .iter()
            .zip(&self.written)
            .all(|(table, &w)| w >= table.moves)
    }

    /// Waits (at most `timeout`) until every record holds its latest move. Returns the
    /// errors of the writes it saw.
    pub fn wait_written(&mut self, timeout: Duration) -> Vec<String> {
        let start = Instant::now();
        let mut errors = Vec::new();
        while !self.all_written() && start.elapsed() < timeout {
            errors.extend(
                self.poll_written()
                    .into_iter()
                    .filter_map(|w| w.result.err()),
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        errors
    }

    /// Table `t`'s seats are to be sent their views (joins, leaves, moves).
    pub fn views_due(&mut self, t: usize) {
        if let Some(due) = self.views_due.get_mut(t) {
            *due = true;
        }
    }

    /// The tables whose views are due and whose record holds their latest move
    /// (their flags cleared).
    pub fn views_ready(&mut self) -> Vec<usize> {
        (0..self.tables.len())
            .filter(|&t| {
                let ready = self.views_due[t] && self.written[t] >= self.tables[t].moves;
                if ready {
                    self.views_due[t] = false;
                }
                ready
            })
            .collect()
    }

    /// Table `t`'s record: its game, its seats' names.
    fn record_of(&self, t: usize) -> Record {
        let table = &self.tables[t];
        let names = table
            .seats
            .iter()
            .filter_map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let mut record = Record::named(&table.game, &names);
        if record.name.is_none() {
            record.name = Some(format!("Table {}", t + 1));
        }
        let s = &table.game.scenario;
        for seat_ref in &mut record.seats {
            if let Some(seat) = table
                .seats
                .iter()
                .find(|seat| s.actor(seat.role).id == seat_ref.role)
            {
                seat_ref.name.clone_from(&seat.name);
            }
        }
        record
    }

    /// Writes the seats' codes, names and computer seats (atomically).
    pub fn save_seats(&self) -> Result<(), String> {
        let scenario = self
            .tables
            .first()
            .map(|t| t.game.scenario.id.clone())
            .unwrap_or_default();
        let file = SeatsFile {
            scenario,
            tables: self
                .tables
                .iter()
                .map(|t| {
                    t.seats
                        .iter()
                        .map(|s| SeatEntry {
                            role: t.game.scenario.actor(s.role).id.clone(),
                            code: s.code.clone(),
                            name: s.name.clone(),
                            computer: s.computer,
                        })
                        .collect()
                })
                .collect(),
        };
        let text = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
        let path = self.dir.join(SEATS_FILE);
        crate::fsio::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The seat with this code: (table, seat).
    pub fn seat_of_code(&self, code: &str) -> Option<(usize, usize)> {
        let code = code.trim().to_uppercase();
        self.tables.iter().enumerate().find_map(|(t, table)| {
            table
                .seats
                .iter()
                .position(|s| s.code == code)
                .map(|s| (t, s))
        })
    }

    /// Seats `client` at the seat of `code` (a client already sitting elsewhere leaves
    /// that seat; a seat's earlier client is replaced: a rejoin after a drop).
    /// Returns the (table, seat) and the client it replaced.
    pub fn join(
        &mut self,
        client: Entity,
        code: &str,
        name: Option<&str>,
    ) -> Result<((usize, usize), Option<Entity>), String> {
        let (t, s) = self
            .seat_of_code(code)
            .ok_or_else(|| "no seat has this join code".to_string())?;
        if let Some(old) = self.clients.remove(&client) {
            self.tables[old.0].seats[old.1].client = None;
        }
        let seat = &mut self.tables[t].seats[s];
        if seat.computer {
            return Err("the host has handed this seat to the computer".into());
        }
        let replaced = seat.client.replace(client).filter(|&c| c != client);
        seat.sent_known = 0;
        if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
            seat.name = Some(name.chars().take(MAX_NAME_CHARS).collect());
        }
        if let Some(old) = replaced {
            self.clients.remove(&old);
        }
        self.clients.insert(client, (t, s));
        Ok(((t, s), replaced))
    }

    /// A client left: its seat stays, empty.
    pub fn leave(&mut self, client: Entity) -> Option<(usize, usize)> {
        let (t, s) = self.clients.remove(&client)?;
        self.tables[t].seats[s].client = None;
        Some((t, s))
    }

    /// `client`'s move; on success the game has run on to the next person's turn and
    /// the table's record is being written ([`Class::views_ready`] says when it is on
    /// disk, and the seats may see the move). Returns the table.
    pub fn act(&mut self, client: Entity, action: &SeatAction) -> Result<usize, String> {
        let (t, s) = *self
            .clients
            .get(&client)
            .ok_or_else(|| "join a seat with its code first".to_string())?;
        let table = &mut self.tables[t];
        let role = table.seats[s].role;
        seat::apply(&mut table.game, role, action)?;
        table.moves = seat::moves(&table.game);
        self.play_computer_seats(t);
        self.queue_record(t);
        Ok(t)
    }

    /// Plays the seats handed to the computer while it is their turn (the historical
    /// option, else the first open one; passing at the table).
    pub fn play_computer_seats(&mut self, t: usize) {
        let table = &mut self.tables[t];
        for _ in 0..10_000 {
            let Some(role) = seat::to_act(&table.game) else {
                return;
            };
            if !table.seats.iter().any(|s| s.role == role && s.computer) {
                return;
            }
            let action = match table.game.pending() {
                Some(d) => match table.game.historical_or_first(d) {
                    Some(n) => SeatAction::Choose(n),
                    None => return,
                },
                None => SeatAction::Pass,
            };
            if seat::apply(&mut table.game, role, &action).is_err() {
                return;
            }
            table.moves = seat::moves(&table.game);
        }
    }

    /// Hands seat `s` of table `t` to the computer (`true`) or takes it back.
    pub fn set_computer(&mut self, t: usize, s: usize, computer: bool) -> Result<(), String> {
        let seat = self
            .tables
            .get_mut(t)
            .and_then(|table| table.seats.get_mut(s))
            .ok_or_else(|| format!("there is no seat {} at table {}", s + 1, t + 1))?;
        if computer && seat.client.is_some() {
            return Err(format!(
                "seat {} of table {} has a player connected",
                s + 1,
                t + 1
            ));
        }
        seat.computer = computer;
        if computer {
            self.play_computer_seats(t);
            self.queue_record(t);
        }
        self.save_seats()
    }

    /// The seats of table `t` as its players see them.
    pub fn seat_lines(&self, t: usize) -> Vec<SeatLine> {
        let table = &self.tables[t];
        table
            .seats
            .iter()
            .map(|s| SeatLine {
                role_name: table.game.scenario.actor(s.role).name.clone(),
                name: s.name.clone(),
                connected: s.client.is_some(),
                computer: s.computer,
            })
            .collect()
    }

    /// The view of seat `s` at table `t` for its client (the known items it was not
    /// sent yet), and marks them sent.
    pub fn view_for(&mut self, t: usize, s: usize) -> SeatView {
        let seats = self.seat_lines(t);
        let table = &mut self.tables[t];
        let seat = &mut table.seats[s];
        let v = view::seat_view(
            t + 1,
            &table.game,
            seat.role,
            table.moves,
            seats,
            seat.sent_known,
        );
        seat.sent_known = v.known_from + v.known.len();
        v
    }

    /// Copies every table's record into `out` (the input of `panmunjom class`).
    pub fn collect(&self, out: &Path) -> Result<usize, String> {
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        for t in 0..self.tables.len() {
            let from = self.record_path(t);
            let to = out.join(format!("table-{:02}.json", t + 1));
            let bytes = std::fs::read(&from).map_err(|e| format!("{}: {e}", from.display()))?;
            crate::fsio::write_atomic(&to, &bytes).map_err(|e| format!("{}: {e}", to.display()))?;
        }
        Ok(self.tables.len())
    }
}
