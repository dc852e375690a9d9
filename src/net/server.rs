//! `HostPlugin`: the server side of `panmunjom host` — the netcode server on its
//! address, the seats taken by join code, every move checked and applied to the
//! table's game (the only place a game advances), the views sent to each seat alone,
//! and the server log (`server.log` in the class folder).

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::{NetcodeServerTransport, ServerAuthentication, ServerConfig};

use super::class::Class;
use super::protocol::{self, PROTOCOL_ID, Reply, Request};

/// The most clients connected at once (netcode's own limit is 1024).
pub const MAX_CLIENTS: usize = 1000;

/// The server's address and log, as a resource.
#[derive(Resource, Debug)]
pub struct HostAddr(pub SocketAddr);

/// The server log: one line per join, leave, refusal and error, appended to
/// `server.log` in the class folder (and kept in memory for the host's console).
#[derive(Resource, Default)]
pub struct ServerLog {
    pub file: Option<std::fs::File>,
    /// The latest lines (at most [`ServerLog::KEEP`]).
    pub recent: std::collections::VecDeque<String>,
}

impl ServerLog {
    pub const KEEP: usize = 8;

    /// Opens (appends to) `server.log` in `dir`.
    pub fn open(dir: &std::path::Path) -> ServerLog {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .ok();
        ServerLog {
            file,
            recent: Default::default(),
        }
    }

    pub fn line(&mut self, text: String) {
        let stamp = chrono::DateTime::<chrono::Utc>::from(SystemTime::now()).format("%H:%M:%S%.3f");
        let line = format!("{stamp} {text}");
        if let Some(f) = &mut self.file {
            let _ = writeln!(f, "{line}");
        }
        if self.recent.len() == Self::KEEP {
            self.recent.pop_front();
        }
        self.recent.push_back(line);
    }
}

/// Where the server's time goes (printed by the host's `quit`, read by `net-bench`).
#[derive(Resource, Debug, Default)]
pub struct Profile {
    pub frames: u64,
    pub moves: u64,
    /// Records written (by the writer threads; a later version waiting replaces an
    /// earlier one).
    pub records: u64,
    /// Time applying requests; building and sending views; from a move to its record
    /// on disk (summed over records, and the longest).
    pub apply: Duration,
    pub send: Duration,
    pub save: Duration,
    pub longest_save: Duration,
    /// The longest time between two frames' request handling.
    pub longest_gap: Duration,
    last: Option<std::time::Instant>,
}

impl Profile {
    pub fn text(&self) -> String {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        format!(
            "host profile: {} frames, {} moves; applying them {:.0} ms, views {:.0} ms; {} records written in the background, {:.1} ms on average from the move to the disk (longest {:.1} ms); longest gap between frames {:.1} ms",
            self.frames,
            self.moves,
            ms(self.apply),
            ms(self.send),
            self.records,
            ms(self.save) / self.records.max(1) as f64,
            ms(self.longest_save),
            ms(self.longest_gap),
        )
    }
}

/// The server: add it to an app with [`Class`] and [`HostAddr`] resources (and
/// replicon's plugins with [`protocol::ProtocolPlugin`]).
pub struct HostPlugin;

impl Plugin for HostPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<ServerLog>()
            .init_resource::<LeftTables>()
            .init_resource::<Profile>()
            .add_systems(Startup, start_server)
            .add_systems(Update, (tell_who_left, handle_requests, deliver).chain())
            .add_observer(on_disconnect);
    }
}

/// Binds the address and starts the netcode server.
fn start_server(
    mut commands: Commands,
    channels: Res<RepliconChannels>,
    addr: Res<HostAddr>,
    mut log: ResMut<ServerLog>,
) -> Result<()> {
    let socket = UdpSocket::bind(addr.0)?;
    let local = socket.local_addr()?;
    let server = RenetServer::new(protocol::connection_config(&channels));
    let current_time = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH)?;
    let config = ServerConfig {
        current_time,
        max_clients: MAX_CLIENTS,
        protocol_id: PROTOCOL_ID,
        authentication: ServerAuthentication::Unsecure,
        public_addresses: vec![local],
    };
    let transport = NetcodeServerTransport::new(config, socket)?;
    commands.insert_resource(server);
    commands.insert_resource(transport);
    commands.insert_resource(HostAddr(local));
    log.line(format!("listening on {local}"));
    Ok(())
}

/// The clients still connected (a message to a client whose entity is gone would fail).
type Connected<'w, 's> = Query<'w, 's, (), With<ConnectedClient>>;

fn send(out: &mut Out<'_, '_>, connected: &Connected, client: Entity, reply: Reply) {
    if !connected.contains(client) {
        return;
    }
    out.now.0 = true;
    out.writer.write(ToClients {
        targets: SendTargets::Single(ClientId::Client(client)),
        message: reply,
    });
}

/// Where replies go: the message writer, and the flag that sends them this frame.
struct Out<'a, 'w> {
    writer: &'a mut MessageWriter<'w, ToClients<Reply>>,
    now: &'a mut super::SendNow,
}

/// Sends every connected seat of table `t` its view.
fn send_views(class: &mut Class, t: usize, out: &mut Out<'_, '_>, connected: &Connected) {
    for s in 0..class.tables[t].seats.len() {
        if let Some(client) = class.tables[t].seats[s].client {
            let view = class.view_for(t, s);
            send(out, connected, client, Reply::View(Box::new(view)));
        }
    }
}

/// Carries out the clients' requests: joins, moves; refuses the rest with a reason.
/// The views of the tables that changed go out in [`deliver`], once their records are
/// on disk.
fn handle_requests(
    mut requests: MessageReader<FromClient<Request>>,
    mut class: ResMut<Class>,
    mut writer: MessageWriter<ToClients<Reply>>,
    mut now: ResMut<super::SendNow>,
    mut log: ResMut<ServerLog>,
    mut profile: ResMut<Profile>,
    connected: Connected,
) {
    let started = std::time::Instant::now();
    if let Some(last) = profile.last {
        profile.longest_gap = profile.longest_gap.max(started - last);
    }
    profile.last = Some(started);
    profile.frames += 1;
    let out = &mut Out {
        writer: &mut writer,
        now: &mut now,
    };
    // The seats file is written once a frame however many joined in it (each write is
    // flushed to disk: a class of 300 joining at once would hold the frame up).
    let mut seats_changed = false;
    for FromClient { client_id, message } in requests.read() {
        let Some(client) = client_id.entity() else {
            continue;
        };
        let refuse = |why: String, log: &mut ServerLog, out: &mut Out<'_, '_>| {
            log.line(format!("refused client {client}: {why}"));
            send(out, &connected, client, Reply::Refused(why));
        };
        match message {
            Request::Join { code, name } => {
                let code: String = code.chars().take(32).collect();
                match class.join(client, &code, name.as_deref()) {
                    Ok(((t, s), replaced)) => {
                        let role = class.tables[t]
                            .game
                            .scenario
                            .actor(class.tables[t].seats[s].role)
                            .id
                            .clone();
                        log.line(format!(
                            "client {client} took table {} seat {} ({role})",
                            t + 1,
                            s + 1
                        ));
                        if let Some(old) = replaced {
                            send(
                                out,
                                &connected,
                                old,
                                Reply::Refused(
                                    "another client took this seat with its code".into(),
                                ),
                            );
                        }
                        seats_changed = true;
                        class.views_due(t);
                    }
                    Err(why) => refuse(format!("join: {why}"), &mut log, out),
                }
            }
            Request::Act(action) => match class.act(client, action) {
                Ok(_) => profile.moves += 1,
                Err(why) => refuse(format!("{action:?}: {why}"), &mut log, out),
            },
            Request::Malformed(why) => {
                refuse(format!("a malformed message ({why})"), &mut log, out);
            }
            Request::Oversized(len) => refuse(
                format!(
                    "a message of {len} bytes (the most is {})",
                    protocol::MAX_REQUEST_BYTES
                ),
                &mut log,
                out,
            ),
        }
    }
    if seats_changed && let Err(e) = class.save_seats() {
        log.line(format!("error: {e}"));
    }
    profile.apply += started.elapsed();
}

/// Sends the views of the tables whose records now hold their latest move (and whose
/// seats changed); logs a record that could not be written.
fn deliver(
    mut class: ResMut<Class>,
    mut writer: MessageWriter<ToClients<Reply>>,
    mut now: ResMut<super::SendNow>,
    mut log: ResMut<ServerLog>,
    mut profile: ResMut<Profile>,
    connected: Connected,
) {
    for w in class.poll_written() {
        profile.records += 1;
        profile.save += w.took;
        profile.longest_save = profile.longest_save.max(w.took);
        if let Err(e) = w.result {
            log.line(format!("error: {e}"));
        }
    }
    let started = std::time::Instant::now();
    let out = &mut Out {
        writer: &mut writer,
        now: &mut now,
    };
    for t in class.views_ready() {
        send_views(&mut class, t, out, &connected);
    }
    profile.send += started.elapsed();
}

/// Tables whose seats changed by a client leaving, to tell their other seats.
#[derive(Resource, Default)]
struct LeftTables(Vec<usize>);

/// A client left (closed, dropped, timed out): its seat stays for it. The table's other
/// seats are told on the next `Update`, not here: several clients can leave in one
/// frame, and a message to one of them after its entity is gone would fail.
fn on_disconnect(
    remove: On<Remove, ConnectedClient>,
    mut class: ResMut<Class>,
    mut left: ResMut<LeftTables>,
    mut log: ResMut<ServerLog>,
) {
    if let Some((t, s)) = class.leave(remove.entity) {
        log.line(format!(
            "client {} left table {} seat {}",
            remove.entity,
            t + 1,
            s + 1
        ));
        left.0.push(t);
    }
}

fn tell_who_left(mut left: ResMut<LeftTables>, mut class: ResMut<Class>) {
    for t in std::mem::take(&mut left.0) {
        class.views_due(t);
    }
}

/// How long a server frame sleeps at most between network polls.
pub const FRAME: Duration = Duration::from_millis(2);
