//! `host` and `join` over loopback: what a client receives, a hostile client, drops and
//! `kill -9`, the host's commands, and ten tables played to the end. Every network
//! loop is bounded in frames and in time.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::shared::message::registry::RemoteMessageRegistry;
use bevy_replicon_renet::RenetClient;
use bevy_replicon_renet::netcode::NetcodeClientTransport;

use panmunjom::engine::Happening;
use panmunjom::net::bots::{Bot, read_codes};
use panmunjom::net::class::Class;
use panmunjom::net::client::{SeatState, SendRequest};
use panmunjom::net::protocol::{Request, SeatAction};
use panmunjom::net::server::HostAddr;
use panmunjom::net::{self, seat};

use crate::common::{main_scenario, temp_dir};

/// A server app on 127.0.0.1 (any port) over a new class in `dir`.
fn server(dir: &Path, tables: usize) -> (App, SocketAddr) {
    let class = Class::open(main_scenario(), dir, tables).expect("class opens");
    let mut app = net::server_app(class, "127.0.0.1:0".parse().unwrap());
    net::ready(&mut app);
    app.update();
    let addr = app.world().resource::<HostAddr>().0;
    assert_ne!(addr.port(), 0, "the server is bound");
    (app, addr)
}

/// Updates the server and the bots until `done` holds, at most `frames` rounds and 60 s.
fn pump(
    server: &mut App,
    bots: &mut [Bot],
    frames: usize,
    mut done: impl FnMut(&App, &[Bot]) -> bool,
) -> bool {
    let start = Instant::now();
    for _ in 0..frames {
        server.update();
        for b in bots.iter_mut() {
            b.tick();
        }
        if done(server, bots) {
            return true;
        }
        // A safety net, not a speed target (that is `net-bench`): CI runs this beside
        // the real-window tour on 2 cores, and a loaded machine once took over 60 s.
        if start.elapsed() > Duration::from_secs(240) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

/// Updates the server and plain client apps (not playing) for `frames` rounds.
fn pump_apps(server: &mut App, clients: &mut [&mut App], frames: usize) {
    for _ in 0..frames {
        server.update();
        for c in clients.iter_mut() {
            c.update();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn codes_of(server: &App) -> Vec<Vec<String>> {
    server
        .world()
        .resource::<Class>()
        .tables
        .iter()
        .map(|t| t.seats.iter().map(|s| s.code.clone()).collect())
        .collect()
}

/// `text` as it appears inside a JSON string (escaped, without the quotes).
fn json(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap();
    quoted[1..quoted.len() - 1].to_string()
}

/// The secrets of `me` in `game` as it stands: the title and text (as they appear in
/// JSON) of every event `me` does not know now — not fired yet, private to another
/// role, or an intelligence report not yet delivered to it — and the prompt of every
/// decision of another role.
fn secrets_now(
    game: &panmunjom::engine::Game,
    me: panmunjom::scenario::ActorId,
) -> Vec<(String, String)> {
    let s = &*game.scenario;
    let mut fired = vec![false; s.timeline.len()];
    for line in &game.log {
        if let Happening::Fired(id) = line.happening
            && let Some(f) = fired.get_mut(id.0)
        {
            *f = true;
        }
    }
    let mut out = Vec::new();
    for (i, entry) in s.timeline.iter().enumerate() {
        let id = panmunjom::scenario::EntryId(i);
        if let Some(e) = entry.as_event() {
            let knows =
                game.state.knows[me.0][i] || (fired[i] && e.visibility.known_at_once_to(me));
            if !knows {
                out.push((e.id.clone(), json(&e.title)));
                out.push((e.id.clone(), json(&e.text)));
            }
        } else if let Some(d) = s.entry(id).as_decision()
            && d.role != me
        {
            out.push((d.id.clone(), json(&d.prompt)));
        }
    }
    out.retain(|(_, text)| text.len() >= 12);
    out
}

#[test]
fn each_client_receives_only_what_its_role_knows_at_each_move() {
    let dir = temp_dir("net-privacy");
    let (mut srv, addr) = server(&dir, 1);
    let codes = codes_of(&srv);
    let mut bots: Vec<Bot> = codes[0].iter().map(|c| Bot::new(addr, c, true)).collect();
    // The server's game after every move: each view is built from the game as it
    // stands at the end of a server frame, and carries that game's move count.
    let mut at_move: std::collections::BTreeMap<u32, panmunjom::engine::Game> = Default::default();
    let mut snapshot = |srv: &App| {
        let table = &srv.world().resource::<Class>().tables[0];
        at_move
            .entry(table.moves)
            .or_insert_with(|| table.game.clone());
    };
    snapshot(&srv);
    assert!(
        pump(&mut srv, &mut bots, 200_000, |srv, b| {
            snapshot(srv);
            b.iter().all(Bot::done)
        }),
        "the game reaches its end"
    );
    let class = srv.world().resource::<Class>();
    let table = &class.tables[0];
    let s = &*table.game.scenario;
    let mut secrets_checked = 0;
    let mut timing_checked = 0;
    for (seat, bot) in table.seats.iter().zip(&bots) {
        let me = seat.role;
        let own = seat::own_limits(&table.game, me);
        let at_end: std::collections::HashSet<String> = secrets_now(&table.game, me)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let mut views = 0;
        for reply in &bot.state().received {
            let panmunjom::net::protocol::Reply::View(v) = reply else {
                continue;
            };
            views += 1;
            assert_eq!(v.role, s.actor(me).id, "every view is of this seat");
            assert!(v.limits.len() <= own.iter().filter(|l| l.is_some()).count());
            let game = at_move
                .get(&v.moves)
                .unwrap_or_else(|| panic!("the server's game at move {} was seen", v.moves));
            let text = serde_json::to_string(reply).expect("a reply serializes");
            for (id, secret) in secrets_now(game, me) {
                secrets_checked += 1;
                // Known by the end, not yet at this move (a report on its way, an event
                // to come): only a check at the view's own moment can catch it.
                timing_checked += usize::from(!at_end.contains(&secret));
                assert!(
                    !text.contains(&secret),
                    "{} did not know `{id}` at move {} ({}), yet its view then held {secret:?}",
                    s.actor(me).id,
                    v.moves,
                    v.date
                );
            }
        }
        assert!(views > 10, "the client got its views ({views})");
    }
    assert!(
        secrets_checked > 0 && timing_checked > 0,
        "there were secrets to keep ({secrets_checked}), some only for a while ({timing_checked})"
    );
}

#[test]
fn a_hostile_client_is_refused_with_reasons_and_nothing_is_applied() {
    let dir = temp_dir("net-hostile");
    let (mut srv, addr) = server(&dir, 1);
    let (code, other_code) = {
        let class = srv.world().resource::<Class>();
        let table = &class.tables[0];
        let turn = seat::to_act(&table.game).expect("a seat's turn");
        let mine = table
            .seats
            .iter()
            .find(|s| s.role == turn)
            .unwrap()
            .code
            .clone();
        let other = table
            .seats
            .iter()
            .find(|s| s.role != turn)
            .unwrap()
            .code
            .clone();
        (mine, other)
    };
    let record_before = std::fs::read_to_string(dir.join("table-01.json")).unwrap();
    let mut hostile = net::headless_client_app(
        panmunjom::net::client::JoinTarget {
            addr,
            code: "WRONGCODE".into(),
            name: Some("mallory".into()),
        },
        false,
    );
    pump_apps(&mut srv, &mut [&mut hostile], 300);
    let refusals = |app: &App| app.world().resource::<SeatState>().refusals;
    assert!(refusals(&hostile) >= 1, "a wrong code is refused");
    assert!(
        hostile.world().resource::<SeatState>().view.is_none(),
        "and seats no one"
    );

    // A move without a seat; an option that does not exist; garbage; too many bytes.
    let expect_refusal = |srv: &mut App, hostile: &mut App, what: &str, send: &dyn Fn(&mut App)| {
        let before = refusals(hostile);
        send(hostile);
        pump_apps(srv, &mut [&mut *hostile], 200);
        assert_eq!(refusals(hostile), before + 1, "{what} is refused");
        let why = hostile
            .world()
            .resource::<SeatState>()
            .refused
            .clone()
            .unwrap_or_default();
        assert!(!why.is_empty(), "{what}: a reason comes back");
        why
    };
    let why = expect_refusal(&mut srv, &mut hostile, "a move without a seat", &|app| {
        app.world_mut()
            .write_message(SendRequest::act(SeatAction::Choose(0)));
    });
    assert!(why.contains("join a seat"), "{why}");
    let channel = {
        let registry = hostile.world().resource::<RemoteMessageRegistry>();
        registry
            .client_message_channel::<Request>()
            .expect("the request channel") as u8
    };
    let why = expect_refusal(&mut srv, &mut hostile, "garbage bytes", &|app| {
        app.world_mut()
            .resource_mut::<RenetClient>()
            .send_message(channel, vec![0xff, 0xff, 0xff, 0xff, 0x07]);
        // Sent at once, as the client's own requests are (not at the next
        // acknowledgement period).
        app.world_mut().resource_mut::<net::SendNow>().0 = true;
    });
    assert!(why.contains("malformed"), "{why}");
    let why = expect_refusal(&mut srv, &mut hostile, "an oversized message", &|app| {
        app.world_mut()
            .resource_mut::<RenetClient>()
            .send_message(channel, vec![1u8; 64 * 1024]);
        app.world_mut().resource_mut::<net::SendNow>().0 = true;
    });
    assert!(why.contains("bytes"), "{why}");
    let why = expect_refusal(&mut srv, &mut hostile, "a reserved request", &|app| {
        app.world_mut()
            .write_message(SendRequest(Request::Oversized(3)));
    });
    assert!(why.contains("malformed"), "{why}");

    // The rightful client: an option that does not exist is refused, a real one applied.
    let mut honest = net::headless_client_app(
        panmunjom::net::client::JoinTarget {
            addr,
            code: code.clone(),
            name: Some("ann".into()),
        },
        false,
    );
    pump_apps(&mut srv, &mut [&mut hostile, &mut honest], 300);
    let view = honest
        .world()
        .resource::<SeatState>()
        .view
        .clone()
        .expect("seated");
    assert!(view.your_turn, "the seat's turn");
    // Another seat's move, out of its turn: the hostile client takes a seat whose turn it
    // is not and tries to move.
    hostile
        .world_mut()
        .write_message(SendRequest(Request::Join {
            code: other_code,
            name: None,
        }));
    pump_apps(&mut srv, &mut [&mut hostile, &mut honest], 300);
    assert!(
        hostile.world().resource::<SeatState>().view.is_some(),
        "seated at another seat"
    );
    let why = expect_refusal(&mut srv, &mut hostile, "a move out of turn", &|app| {
        app.world_mut()
            .write_message(SendRequest::act(SeatAction::Choose(0)));
    });
    assert!(why.contains("not your turn"), "{why}");
    let why = expect_refusal(&mut srv, &mut honest, "option 99", &|app| {
        app.world_mut()
            .write_message(SendRequest::act(SeatAction::Choose(99)));
    });
    assert!(why.contains("99"), "{why}");
    assert_eq!(
        std::fs::read_to_string(dir.join("table-01.json")).unwrap(),
        record_before,
        "no refused request changed the record"
    );
    let log = std::fs::read_to_string(dir.join("server.log")).unwrap();
    for needle in [
        "no seat has this join code",
        "join a seat",
        "malformed",
        "bytes (the most is",
        "not your turn",
        "99",
    ] {
        assert!(
            log.contains(needle),
            "the server log has a line with `{needle}`:\n{log}"
        );
    }
    // The server still serves: a real move goes through.
    let n = view
        .decision
        .as_ref()
        .unwrap()
        .options
        .iter()
        .position(|o| o.2)
        .unwrap();
    honest
        .world_mut()
        .write_message(SendRequest::act(SeatAction::Choose(n)));
    pump_apps(&mut srv, &mut [&mut hostile, &mut honest], 300);
    let after = honest.world().resource::<SeatState>().view.clone().unwrap();
    assert_eq!(after.moves, view.moves + 1, "the rightful move is applied");
    assert_ne!(
        std::fs::read_to_string(dir.join("table-01.json")).unwrap(),
        record_before,
        "and written to the record"
    );
}

/// The most moves any of `bots` has seen at its table.
fn moves_seen(bots: &[Bot]) -> u32 {
    bots.iter()
        .filter_map(|b| b.state().view.as_ref().map(|v| v.moves))
        .max()
        .unwrap_or(0)
}

#[test]
fn a_dropped_client_rejoins_with_its_code_and_finds_the_game_where_it_was() {
    let dir = temp_dir("net-drop");
    let (mut srv, addr) = server(&dir, 1);
    let codes = codes_of(&srv)[0].clone();
    let mut bots: Vec<Bot> = codes.iter().map(|c| Bot::new(addr, c, false)).collect();
    assert!(
        pump(&mut srv, &mut bots, 50_000, |_, b| moves_seen(b) >= 3),
        "three moves are played"
    );
    // Nobody moves any more; let the last replies settle.
    for _ in 0..100 {
        srv.update();
        for b in &mut bots {
            b.app.update();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let before = bots[0].state().view.clone().unwrap();
    let known_before = bots[0].state().known.len();
    assert!(known_before > 0, "the seat knew something before the drop");
    // The first seat's laptop drops.
    let mut dropped = bots.remove(0);
    dropped
        .app
        .world_mut()
        .resource_mut::<NetcodeClientTransport>()
        .disconnect();
    drop(dropped);
    let start = Instant::now();
    while srv.world().resource::<Class>().tables[0].seats[0]
        .client
        .is_some()
    {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the server sees the client gone"
        );
        srv.update();
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut again = net::headless_client_app(
        panmunjom::net::client::JoinTarget {
            addr,
            code: codes[0].clone(),
            name: None,
        },
        false,
    );
    pump_apps(&mut srv, &mut [&mut again], 300);
    let state = again.world().resource::<SeatState>();
    let view = state.view.clone().expect("seated again");
    assert_eq!(view.moves, before.moves, "no move lost");
    assert_eq!(view.date, before.date, "the same date");
    assert_eq!(view.decision, before.decision, "the same decision waiting");
    assert_eq!(view.meeting, before.meeting, "the same meeting");
    assert_eq!(
        state.known.len(),
        known_before,
        "everything known before is known again"
    );
    assert!(
        view.seats[0]
            .name
            .as_deref()
            .is_some_and(|n| n.starts_with("bot")),
        "the name stays"
    );
}

/// Starts the real binary as a host on loopback; returns it and its address.
fn spawn_host(
    dir: &Path,
    tables: usize,
) -> (
    Child,
    SocketAddr,
    std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_panmunjom"))
        .args([
            "host",
            "--bind",
            "127.0.0.1:0",
            "--tables",
            &tables.to_string(),
            "--dir",
        ])
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the host starts");
    let out = child.stdout.take().unwrap();
    let mut lines = std::io::BufReader::new(out).lines();
    let start = Instant::now();
    let addr = loop {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the host prints its address"
        );
        let line = lines.next().expect("the host prints").expect("text");
        if let Some(a) = line.strip_prefix("panmunjom host: listening on ") {
            break a.trim().parse().unwrap();
        }
    };
    (child, addr, lines)
}

/// What a seat sees of where its game stands (everything but the connections).
fn standing(b: &Bot) -> impl PartialEq + std::fmt::Debug + use<> {
    let state = b.state();
    let v = state.view.clone().expect("seated");
    (
        (v.table, v.role, v.date, v.turn, v.your_turn, v.moves),
        (v.decision, v.meeting, v.limits, v.outcome),
        state.known.clone(),
    )
}

/// A host process killed when the test ends, failed or not.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_host_killed_with_sigkill_resumes_every_table_exactly_where_it_was() {
    let dir = temp_dir("net-kill9");
    let (child, addr, _lines) = spawn_host(&dir, 2);
    let mut child = Killed(child);
    let codes = read_codes(&dir).unwrap();
    assert_eq!(codes.len(), 2);
    let mut bots: Vec<Bot> = codes
        .iter()
        .flatten()
        .map(|c| Bot::new(addr, c, false))
        .collect();
    // Table 1 plays until, after four moves or more, it waits at a meeting for a seat
    // (the turn a record without passes used to lose); table 2 does not play.
    let hold = |v: &panmunjom::net::view::SeatView| v.moves >= 4 && v.meeting.is_some();
    let start = Instant::now();
    let held = |bots: &[Bot]| {
        bots[..3].iter().all(|b| !b.in_flight())
            && bots[..3].iter().any(|b| {
                b.state()
                    .view
                    .as_ref()
                    .is_some_and(|v| v.your_turn && hold(v))
            })
    };
    while !held(&bots) && start.elapsed() < Duration::from_secs(120) {
        for b in &mut bots[..3] {
            b.tick_unless(hold);
        }
        for b in &mut bots[3..] {
            b.app.update();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(held(&bots), "table 1 waits at a meeting after four moves");
    // Nobody moves any more; let the last replies arrive.
    for _ in 0..300 {
        for b in &mut bots {
            b.app.update();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let before: Vec<_> = bots.iter().map(standing).collect();
    child.0.kill().expect("kill -9"); // SIGKILL on Unix
    let _ = child.0.wait();
    drop(bots);

    let (child, addr, _lines) = spawn_host(&dir, 2);
    let _child = Killed(child);
    assert_eq!(
        read_codes(&dir).unwrap(),
        codes,
        "the same codes after the restart"
    );
    let mut bots: Vec<Bot> = codes
        .iter()
        .flatten()
        .map(|c| Bot::new(addr, c, false))
        .collect();
    let start = Instant::now();
    while bots.iter().any(|b| b.state().view.is_none()) && start.elapsed() < Duration::from_secs(60)
    {
        for b in &mut bots {
            b.app.update();
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    for _ in 0..300 {
        for b in &mut bots {
            b.app.update();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    for (b, was) in bots.iter().zip(&before) {
        assert_eq!(
            &standing(b),
            was,
            "each seat finds its table exactly where it was: date, turn, moves, the meeting, all it knew"
        );
    }
    assert_eq!(
        bots[3].state().view.as_ref().unwrap().moves,
        0,
        "table 2 was untouched"
    );
}

#[test]
fn the_host_hands_an_empty_seat_to_the_computer_and_takes_it_back() {
    let dir = temp_dir("net-computer");
    let mut class = Class::open(main_scenario(), &dir, 1).unwrap();
    assert_eq!(
        class.tables[0].seats.len(),
        3,
        "every playable role has a seat"
    );
    let role = seat::to_act(&class.tables[0].game).expect("a seat's turn");
    let s = class.tables[0]
        .seats
        .iter()
        .position(|x| x.role == role)
        .unwrap();
    class.set_computer(0, s, true).unwrap();
    let g = &class.tables[0].game;
    assert!(
        g.is_finished() || seat::to_act(g) != Some(role),
        "the computer played the seat's turn"
    );
    assert!(class.tables[0].moves > 0);
    let other = seat::to_act(&class.tables[0].game);
    assert!(other.is_none() || other != Some(role));
    assert!(
        std::fs::read_to_string(dir.join("seats.json"))
            .unwrap()
            .contains("\"computer\": true"),
        "the computer seat is kept"
    );
    let code = class.tables[0].seats[s].code.clone();
    assert!(
        class.join(Entity::PLACEHOLDER, &code, None).is_err(),
        "its code seats no one meanwhile"
    );
    class.set_computer(0, s, false).unwrap();
    assert!(!class.tables[0].seats[s].computer, "a person's seat again");
    // A seat with a player connected is not taken from them.
    class.join(Entity::PLACEHOLDER, &code, None).unwrap();
    assert!(class.set_computer(0, s, true).is_err());
}

#[test]
fn host_prints_the_codes_and_obeys_its_commands() {
    use std::io::Write;
    let dir = temp_dir("net-console");
    let (mut child, _addr, lines) = spawn_host(&dir, 3);
    let codes = read_codes(&dir).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "computer 2 1").unwrap();
    writeln!(stdin, "collect {}", dir.join("out").display()).unwrap();
    writeln!(stdin, "quit").unwrap();
    drop(stdin);
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "the host quits");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    let text: String = lines.map_while(Result::ok).collect::<Vec<_>>().join("\n");
    for code in codes.iter().flatten() {
        assert!(
            text.contains(code.as_str()),
            "the host shows code {code}:\n{text}"
        );
    }
    assert!(
        text.contains("table 2 seat 1: the computer plays it"),
        "{text}"
    );
    assert!(text.contains("3 records collected"), "{text}");
    assert!(dir.join("out/table-03.json").exists());
    assert!(text.contains("divergence"), "the class at a glance: {text}");
}

#[test]
fn ten_tables_of_three_clients_play_to_the_end() {
    let dir = temp_dir("net-load");
    let (mut srv, addr) = server(&dir, 10);
    let codes = codes_of(&srv);
    let mut bots: Vec<Bot> = codes
        .iter()
        .flatten()
        .map(|c| Bot::new(addr, c, false))
        .collect();
    assert!(
        pump(&mut srv, &mut bots, 200_000, |_, b| b.iter().all(Bot::done)),
        "every seat saw its game end"
    );
    let class = srv.world().resource::<Class>();
    assert!(class.tables.iter().all(|t| t.game.is_finished()));
    for t in 0..10 {
        let record =
            panmunjom::record::Record::read(&class.record_path(t)).expect("each record reads");
        let game = record
            .replay("record", main_scenario())
            .expect("and replays");
        assert!(
            game.is_finished(),
            "the record holds the whole game of table {}",
            t + 1
        );
    }
}
