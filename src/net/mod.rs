//! Several people at one table over the network: `panmunjom host` (a headless server
//! holding the authoritative games of a class's tables) and `panmunjom join` (the
//! window as the client of one seat), on bevy_replicon with its renet/netcode backend.
//!
//! One plugin per file: [`protocol`] (the shared messages, registered alike on both
//! sides), [`server`] (`HostPlugin`), [`console`] (the host's terminal: the class at a
//! glance, its commands), [`class_view`] (the class in a window, `host --window`),
//! [`client`] (`SeatClientPlugin`), [`screen`] (the client's window). Plain logic:
//! [`class`] (tables, seats, codes, files), [`seat`] (the seam to the engine), [`view`]
//! (what one seat is sent), [`records`] (the records written in the background),
//! [`bots`] (headless clients for the tests and `net-bench`).
//!
//! The invariant: **the server is the only place a game advances.** A client holds a
//! [`view::SeatView`] and sends [`protocol::Request`]s; it never runs the engine.

#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod bots;
pub mod class;
pub mod class_view;
pub mod client;
pub mod console;
pub mod protocol;
pub mod records;
pub mod screen;
pub mod seat;
pub mod seat_table;
pub mod server;
pub mod view;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use bevy::app::ScheduleRunnerPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RepliconRenetPlugins;

use class::Class;

/// The default address of `host`.
pub const DEFAULT_BIND: &str = "0.0.0.0:5853";

/// `panmunjom host`'s options.
#[derive(Debug, Clone)]
pub struct HostArgs {
    pub bind: SocketAddr,
    pub tables: usize,
    pub scenario: Option<PathBuf>,
    pub dir: PathBuf,
    /// Leave when every table has finished (after collecting the records).
    pub exit_when_done: bool,
    /// Show the class in a window too.
    pub window: bool,
    /// With `window`: save a screenshot of it here after a moment, then exit.
    pub screenshot: Option<PathBuf>,
}

/// `panmunjom join`'s options.
#[derive(Debug, Clone)]
pub struct JoinArgs {
    pub addr: SocketAddr,
    pub code: String,
    pub name: Option<String>,
    /// Save a screenshot of the window here once the seat's view has arrived, then exit.
    pub screenshot: Option<PathBuf>,
}

/// The plugins both sides share: replicon, its renet backend, the protocol.
/// The server's tick (when buffered messages go out) is every frame, not replicon's
/// default 64 Hz fixed step: nothing is replicated, and replies should leave at once.
///
/// The transport sends in a frame that wrote a message ([`SendNow`]), else at most every
/// [`ACK_PERIOD`]: renet acknowledges every packet it receives, acknowledgements
/// included, with one packet per connection per frame that sends, so a server polling
/// every [`server::FRAME`] would otherwise send one packet to every client every frame.
pub fn add_network(app: &mut App) {
    app.add_plugins((
        RepliconPlugins.set(bevy_replicon::server::ServerPlugin::new(PostUpdate)),
        RepliconRenetPlugins,
        protocol::ProtocolPlugin,
    ))
    .init_resource::<SendNow>()
    .configure_sets(PostUpdate, bevy_replicon_renet::RenetSend.run_if(send_due))
    .add_systems(
        PostUpdate,
        (|mut now: ResMut<SendNow>| now.0 = false).after(bevy_replicon_renet::RenetSend),
    );
}

/// How often the transport sends when no message waits (acknowledgements, resends).
pub const ACK_PERIOD: Duration = Duration::from_millis(200);

/// Set by a system that wrote a message this frame: the transport sends it at once.
#[derive(Resource, Debug, Default)]
pub struct SendNow(pub bool);

fn send_due(now: Res<SendNow>, mut last: Local<Option<Instant>>) -> bool {
    let due = now.0 || last.is_none_or(|l| l.elapsed() >= ACK_PERIOD);
    if due {
        *last = Some(Instant::now());
    }
    due
}

/// Runs every schedule of `app` on the calling thread: a headless server or client has
/// a few small systems, for which the multi-threaded executor's hand-offs between
/// threads cost more than the systems (and add latency on a busy machine).
pub fn single_threaded(app: &mut App) {
    use bevy::ecs::schedule::{Schedules, SingleThreadedExecutor};
    for (_, schedule) in app.world_mut().resource_mut::<Schedules>().iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::new());
    }
}

/// The headless server app on `class`, bound to `bind` (port 0: any free port).
/// Its runner polls every [`server::FRAME`] when run (`host`); tests call `update`.
pub fn server_app(class: Class, bind: SocketAddr) -> App {
    let mut app = App::new();
    let log = server::ServerLog::open(&class.dir);
    app.add_plugins((
        MinimalPlugins.set(ScheduleRunnerPlugin::run_loop(server::FRAME)),
        StatesPlugin,
    ));
    add_network(&mut app);
    app.insert_resource(class)
        .insert_resource(log)
        .insert_resource(server::HostAddr(bind))
        .add_plugins(server::HostPlugin);
    single_threaded(&mut app);
    app
}

/// A headless client app of one seat (tests, benchmark), ready to be driven by
/// `update` (its plugins are finished: nothing more can be added).
pub fn headless_client_app(target: client::JoinTarget, retry: bool) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    add_network(&mut app);
    app.insert_resource(target)
        .add_plugins(client::SeatClientPlugin { retry });
    ready(&mut app);
    single_threaded(&mut app);
    app
}

/// Finishes an app's plugins, as `App::run` does, for an app driven by `update`
/// (replicon builds its message systems in `Plugin::finish`).
pub fn ready(app: &mut App) {
    while app.plugins_state() == bevy::app::PluginsState::Adding {
        bevy::tasks::tick_global_task_pools_on_main_thread();
    }
    app.finish();
    app.cleanup();
}

/// `panmunjom host`: opens (or resumes) the class in `--dir` and serves it until `quit`
/// (or until every table has finished, with `exit_when_done`).
pub fn host(args: HostArgs) -> ExitCode {
    if args.window && !crate::app::has_display() {
        eprintln!(
            "panmunjom host: no display for --window; the class shows in this terminal without it"
        );
        return ExitCode::from(1);
    }
    let scenario = match crate::scenario::load(args.scenario.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", e.render());
            return ExitCode::from(1);
        }
    };
    let class = match Class::open(scenario, &args.dir, args.tables) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("panmunjom host: {e}");
            return ExitCode::from(1);
        }
    };
    let mut app = if args.window {
        class_view::host_window_app(class, args.bind, args.screenshot)
    } else {
        server_app(class, args.bind)
    };
    app.add_plugins(console::ConsolePlugin {
        exit_when_done: args.exit_when_done,
    });
    crate::app::exit_code(app.run())
}

/// `panmunjom join`: the window as the client of one seat.
pub fn join(args: JoinArgs) -> ExitCode {
    if !crate::app::has_display() {
        eprintln!("panmunjom join: no display to open a window on");
        return ExitCode::from(1);
    }
    let mut app = screen::client_window_app(args);
    crate::app::exit_code(app.run())
}
