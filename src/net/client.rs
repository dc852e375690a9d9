//! `SeatClientPlugin`: the client side of `panmunjom join` (and of the headless test
//! and benchmark clients) — connects to the server, asks for its seat with the join
//! code, keeps the seat's view as the server sends it, and sends the seat's moves.
//! It never runs the engine: every change of the game comes from the server.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RenetClient;
use bevy_replicon_renet::netcode::{ClientAuthentication, NetcodeClientTransport};

use super::protocol::{self, PROTOCOL_ID, Reply, Request, SeatAction};
use super::view::{Known, SeatView};

/// Where to connect and which seat to take.
#[derive(Resource, Debug, Clone)]
pub struct JoinTarget {
    pub addr: SocketAddr,
    pub code: String,
    pub name: Option<String>,
}

/// The seat as the client knows it: the latest view, every known item so far, the
/// latest refusal, and (when `record` is set) every reply received, in order.
#[derive(Resource, Debug, Default)]
pub struct SeatState {
    pub view: Option<SeatView>,
    pub known: Vec<Known>,
    pub refused: Option<String>,
    pub refusals: usize,
    /// Whether the client is connected and its join was answered with a view.
    pub seated: bool,
    pub record: bool,
    pub received: Vec<Reply>,
    /// Connection attempts so far (the first one and each retry after a drop).
    pub attempts: u32,
}

/// The client's UDP socket (a second handle on the transport's): a headless client
/// peeks at it to update only when something arrived (see `bots.rs`).
#[derive(Resource, Debug)]
pub struct ClientSocket(pub UdpSocket);

impl ClientSocket {
    /// Whether a datagram waits to be read (never blocks: netcode's socket does not).
    pub fn has_data(&self) -> bool {
        let mut byte = [0u8; 1];
        match self.0.peek_from(&mut byte) {
            Ok(_) => true,
            // A datagram bigger than the buffer is an error on some systems: still data.
            Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
        }
    }
}

/// A move or request to send (the screens and the bots write these).
#[derive(Message, Debug, Clone)]
pub struct SendRequest(pub Request);

impl SendRequest {
    pub fn act(action: SeatAction) -> Self {
        SendRequest(Request::Act(action))
    }
}

/// The client. Needs a [`JoinTarget`] resource, replicon's plugins and the
/// [`protocol::ProtocolPlugin`]. `retry`: reconnect by itself after a drop.
pub struct SeatClientPlugin {
    pub retry: bool,
}

#[derive(Resource)]
struct Retry {
    enabled: bool,
    next: Option<std::time::Instant>,
}

impl Plugin for SeatClientPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<SeatState>()
            .insert_resource(Retry {
                enabled: self.retry,
                next: None,
            })
            .add_message::<SendRequest>()
            .add_systems(Startup, connect)
            .add_systems(OnEnter(ClientState::Connected), send_join)
            .add_systems(OnExit(ClientState::Connected), dropped)
            .add_systems(Update, (receive, forward, retry));
    }
}

/// Opens a UDP socket on loopback or any address and starts connecting.
pub fn start_connection(
    world_commands: &mut Commands,
    channels: &RepliconChannels,
    addr: SocketAddr,
) -> Result<()> {
    let client = RenetClient::new(protocol::connection_config(channels));
    let current_time = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH)?;
    let mut id = [0u8; 8];
    getrandom::fill(&mut id).map_err(|e| std::io::Error::other(e.to_string()))?;
    let bind: SocketAddr = if addr.ip().is_loopback() {
        (Ipv4Addr::LOCALHOST, 0).into()
    } else {
        (Ipv4Addr::UNSPECIFIED, 0).into()
    };
    let socket = UdpSocket::bind(bind)?;
    if let Ok(peek) = socket.try_clone() {
        world_commands.insert_resource(ClientSocket(peek));
    }
    let authentication = ClientAuthentication::Unsecure {
        client_id: u64::from_le_bytes(id),
        protocol_id: PROTOCOL_ID,
        server_addr: addr,
        user_data: None,
    };
    let transport = NetcodeClientTransport::new(current_time, authentication, socket)?;
    world_commands.insert_resource(client);
    world_commands.insert_resource(transport);
    Ok(())
}

fn connect(
    mut commands: Commands,
    channels: Res<RepliconChannels>,
    target: Res<JoinTarget>,
    mut state: ResMut<SeatState>,
) -> Result<()> {
    state.attempts += 1;
    start_connection(&mut commands, &channels, target.addr)
}

fn send_join(
    target: Res<JoinTarget>,
    mut writer: MessageWriter<Request>,
    mut now: ResMut<super::SendNow>,
) {
    now.0 = true;
    writer.write(Request::Join {
        code: target.code.clone(),
        name: target.name.clone(),
    });
}

/// The connection ended: the seat waits on the server; try again in a second.
fn dropped(mut state: ResMut<SeatState>, mut retry: ResMut<Retry>) {
    state.seated = false;
    if retry.enabled {
        retry.next = Some(std::time::Instant::now() + Duration::from_secs(1));
    }
}

fn retry(
    mut commands: Commands,
    mut retry: ResMut<Retry>,
    channels: Res<RepliconChannels>,
    target: Res<JoinTarget>,
    client_state: Res<State<ClientState>>,
    mut state: ResMut<SeatState>,
) -> Result<()> {
    let Some(at) = retry.next else {
        return Ok(());
    };
    if *client_state.get() != ClientState::Disconnected || std::time::Instant::now() < at {
        return Ok(());
    }
    retry.next = None;
    commands.remove_resource::<RenetClient>();
    commands.remove_resource::<NetcodeClientTransport>();
    state.attempts += 1;
    start_connection(&mut commands, &channels, target.addr)
}

fn receive(mut replies: MessageReader<Reply>, mut state: ResMut<SeatState>) {
    for reply in replies.read() {
        if state.record {
            state.received.push(reply.clone());
        }
        match reply {
            Reply::View(view) => {
                let view = (**view).clone();
                state.known.truncate(view.known_from);
                state.known.extend(view.known.iter().cloned());
                state.view = Some(view);
                state.seated = true;
            }
            Reply::Refused(why) => {
                state.refused = Some(why.clone());
                state.refusals += 1;
            }
        }
    }
}

fn forward(
    mut from: MessageReader<SendRequest>,
    mut to: MessageWriter<Request>,
    mut now: ResMut<super::SendNow>,
) {
    for SendRequest(r) in from.read() {
        to.write(r.clone());
        now.0 = true;
    }
}
