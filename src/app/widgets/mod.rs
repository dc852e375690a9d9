//! Drawing shared by the screens: plain egui functions, no Bevy systems — the timeline
//! strip and its legend, an event or decision in full, charts beside history, the inbox.

pub mod charts;
pub mod event_view;
pub mod inbox;
pub mod timeline;
