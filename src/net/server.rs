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

/// The server: add it to an app with [`Class`] and [`HostAddr`] resources (and
/// replicon's plugins with [`protocol::ProtocolPlugin`]).
pub struct HostPlugin;

impl Plugin for HostPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<ServerLog>()
            .init_resource::<LeftTables>()
            .add_systems(Startup, start_server)
            .add_systems(Update, (tell_who_left, handle_requests).chain())
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

fn send(
    writer: &mut MessageWriter<ToClients<Reply>>,
    connected: &Connected,
    client: Entity,
    reply: Reply,
) {
    if !connected.contains(client) {
        return;
    }
    writer.write(ToClients {
        targets: SendTargets::Single(ClientId::Client(client)),
        message: reply,
    });
}

/// Sends every connected seat of table `t` its view.
fn send_views(
    class: &mut Class,
    t: usize,
    writer: &mut MessageWriter<ToClients<Reply>>,
    connected: &Connected,
) {
    for s in 0..class.tables[t].seats.len() {
        if let Some(client) = class.tables[t].seats[s].client {
            let view = class.view_for(t, s);
            send(writer, connected, client, Reply::View(Box::new(view)));
        }
    }
}

/// Carries out the clients' requests: joins, moves; refuses the rest with a reason.
fn handle_requests(
    mut requests: MessageReader<FromClient<Request>>,
    mut class: ResMut<Class>,
    mut writer: MessageWriter<ToClients<Reply>>,
    mut log: ResMut<ServerLog>,
    connected: Connected,
) {
    for FromClient { client_id, message } in requests.read() {
        let Some(client) = client_id.entity() else {
            continue;
        };
        let refuse = |why: String, log: &mut ServerLog, writer: &mut MessageWriter<_>| {
            log.line(format!("refused client {client}: {why}"));
            send(writer, &connected, client, Reply::Refused(why));
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
                                &mut writer,
                                &connected,
                                old,
                                Reply::Refused(
                                    "another client took this seat with its code".into(),
                                ),
                            );
                        }
                        if let Err(e) = class.save_seats() {
                            log.line(format!("error: {e}"));
                        }
                        send_views(&mut class, t, &mut writer, &connected);
                    }
                    Err(why) => refuse(format!("join: {why}"), &mut log, &mut writer),
                }
            }
            Request::Act(action) => match class.act(client, action) {
                Ok(t) => {
                    send_views(&mut class, t, &mut writer, &connected);
                }
                Err(why) => refuse(format!("{action:?}: {why}"), &mut log, &mut writer),
            },
            Request::Malformed(why) => refuse(
                format!("a malformed message ({why})"),
                &mut log,
                &mut writer,
            ),
            Request::Oversized(len) => refuse(
                format!(
                    "a message of {len} bytes (the most is {})",
                    protocol::MAX_REQUEST_BYTES
                ),
                &mut log,
                &mut writer,
            ),
        }
    }
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

fn tell_who_left(
    mut left: ResMut<LeftTables>,
    mut class: ResMut<Class>,
    mut writer: MessageWriter<ToClients<Reply>>,
    connected: Connected,
) {
    let mut tables = std::mem::take(&mut left.0);
    tables.sort_unstable();
    tables.dedup();
    for t in tables {
        send_views(&mut class, t, &mut writer, &connected);
    }
}

/// How long a server frame sleeps at most between network polls.
pub const FRAME: Duration = Duration::from_millis(2);
