//! The shared protocol of `host` and `join`: the two remote messages and their
//! registration ([`ProtocolPlugin`], added by the server and the client alike, in the
//! same order), the netcode protocol id and the channel configuration.
//!
//! A client sends [`Request`]s (join a seat with its code, act); the server answers
//! each client alone with [`Reply`]s (the seat's view, a refusal and its reason).
//! Nothing is replicated: the only data that reaches a client is the `Reply`s addressed
//! to it, built from what its role knows (`view.rs`).

use bevy::prelude::*;
use bevy_replicon::bytes::Bytes;
use bevy_replicon::postcard_utils;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::message::ctx::{ClientSendCtx, ServerReceiveCtx};
use bevy_replicon_renet::RenetChannelsExt;
use bevy_replicon_renet::renet::ConnectionConfig;
use serde::{Deserialize, Serialize};

use super::view::SeatView;

/// Netcode's protocol id: a client of another build or game cannot connect.
pub const PROTOCOL_ID: u64 = 0x50_4d_4a_4f_4d_01; // "PMJOM" v1

/// The largest request the server reads (bytes, as received). A request is a code, a
/// name and a move: a few hundred bytes; anything above is refused unread.
pub const MAX_REQUEST_BYTES: usize = 4096;

/// The longest name a seat keeps (characters; longer names are cut).
pub const MAX_NAME_CHARS: usize = 60;

/// What a client asks of the server.
#[derive(Message, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Take the seat of this join code, under this name (optional).
    Join { code: String, name: Option<String> },
    /// A move of the client's seat (it must be that seat's turn).
    Act(SeatAction),
    /// Bytes that were not a request (set by the server's reader; a client that sends
    /// this variant is refused like one that sent garbage).
    Malformed(String),
    /// A request over [`MAX_REQUEST_BYTES`] (set by the server's reader).
    Oversized(usize),
}

/// A move of one seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeatAction {
    /// Take option `n` (0-based) of the decision waiting for the seat.
    Choose(usize),
    /// At the table: table this historical proposal (by id) of the seat's side.
    TableHistorical(String),
    /// At the table: table a package, `(issue id, position id)` for each issue addressed.
    TableOffer(Vec<(String, String)>),
    /// At the table: accept / reject the offer with this number.
    Accept(usize),
    Reject(usize),
    /// Leave the meeting.
    Pass,
}

/// What the server sends one client.
#[derive(Message, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    /// The client's seat as its role knows it (after a join and after every move at the
    /// table, and whenever the seats' connections change).
    View(Box<SeatView>),
    /// A request was refused (nothing was applied), and why.
    Refused(String),
}

/// Registers the messages (the server and the client add it alike).
pub struct ProtocolPlugin;

impl Plugin for ProtocolPlugin {
    fn build(&self, app: &mut App) {
        app.add_client_message_with(Channel::Ordered, serialize_request, deserialize_request)
            .add_server_message::<Reply>(Channel::Ordered)
            // A reply may go to a client the moment it connects (a refused join).
            .make_message_independent::<Reply>();
    }
}

fn serialize_request(
    _ctx: &mut ClientSendCtx,
    request: &Request,
    bytes: &mut Vec<u8>,
) -> Result<()> {
    postcard_utils::to_extend_mut(request, bytes)?;
    Ok(())
}

/// Never fails: bytes that are too many or not a request become [`Request::Oversized`]
/// or [`Request::Malformed`], so the server can answer and log them (replicon would
/// otherwise drop them silently).
fn deserialize_request(_ctx: &mut ServerReceiveCtx, bytes: &mut Bytes) -> Result<Request> {
    Ok(decode_request(bytes))
}

/// The server's reading of a request's bytes (all of them are consumed).
pub fn decode_request(bytes: &mut Bytes) -> Request {
    let len = bytes.len();
    if len > MAX_REQUEST_BYTES {
        *bytes = Bytes::new();
        return Request::Oversized(len);
    }
    let result = postcard_utils::from_buf::<Request, Bytes>(bytes);
    let rest = bytes.len();
    *bytes = Bytes::new();
    match result {
        Ok(_) if rest > 0 => Request::Malformed(format!("{rest} bytes after the request")),
        Ok(Request::Malformed(_) | Request::Oversized(_)) => {
            Request::Malformed("a reserved request".to_string())
        }
        Ok(request) => request,
        Err(e) => Request::Malformed(e.to_string()),
    }
}

/// Renet's connection settings for these channels (after [`ProtocolPlugin`]).
pub fn connection_config(channels: &RepliconChannels) -> ConnectionConfig {
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: channels.client_configs(),
        ..Default::default()
    }
}
