//! Short notices in a corner of the window: "Saved to …", "Could not load …".

use std::time::Duration;

use crate::app::theme;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// How long a confirmation stays; errors stay twice as long (or until closed).
const SHOWN: Duration = Duration::from_secs(4);

/// One notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub text: String,
    pub error: bool,
    /// `Time<Real>` elapsed when it was posted.
    posted: Duration,
}

/// The notices on show, oldest first. Any plugin may post one.
#[derive(Resource, Debug, Default)]
pub struct Toasts {
    pub shown: Vec<Toast>,
    /// Notices posted but not yet stamped with the time (stamped in `Update`).
    pending: Vec<(String, bool)>,
}

impl Toasts {
    /// A confirmation.
    pub fn ok(&mut self, text: impl Into<String>) {
        self.pending.push((text.into(), false));
    }
    /// An error the person should read.
    pub fn error(&mut self, text: impl Into<String>) {
        self.pending.push((text.into(), true));
    }
    /// Every notice, posted or on show.
    pub fn texts(&self) -> Vec<&str> {
        self.shown
            .iter()
            .map(|t| t.text.as_str())
            .chain(self.pending.iter().map(|(t, _)| t.as_str()))
            .collect()
    }
}

pub struct ToastPlugin;

impl Plugin for ToastPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Toasts>()
            .add_systems(Last, stamp_and_expire)
            .add_systems(EguiPrimaryContextPass, draw);
    }
}

fn lifetime(t: &Toast) -> Duration {
    if t.error { SHOWN * 2 } else { SHOWN }
}

fn stamp_and_expire(mut toasts: ResMut<Toasts>, time: Res<Time<Real>>) {
    let now = time.elapsed();
    if !toasts.pending.is_empty() {
        let pending = std::mem::take(&mut toasts.pending);
        toasts
            .shown
            .extend(pending.into_iter().map(|(text, error)| Toast {
                text,
                error,
                posted: now,
            }));
    }
    if toasts
        .shown
        .iter()
        .any(|t| now.saturating_sub(t.posted) > lifetime(t))
    {
        toasts
            .shown
            .retain(|t| now.saturating_sub(t.posted) <= lifetime(t));
    }
    let excess = toasts.shown.len().saturating_sub(4);
    if excess > 0 {
        toasts.shown.drain(..excess);
    }
}

fn draw(mut contexts: EguiContexts, mut toasts: ResMut<Toasts>, time: Res<Time<Real>>) -> Result {
    if toasts.shown.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let now = time.elapsed();
    let mut close = None;
    egui::Area::new("toasts".into())
        .order(egui::Order::Tooltip)
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            for (i, t) in toasts.shown.iter().enumerate() {
                let (fill, stroke) = if t.error {
                    theme::TOAST_ERROR
                } else {
                    theme::TOAST_OK
                };
                egui::Frame::new()
                    .fill(fill)
                    .stroke(egui::Stroke::new(1.0, stroke))
                    .corner_radius(6.0)
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(&t.text).color(theme::TOAST_TEXT),
                                )
                                .wrap(),
                            );
                            if ui.small_button("✕").on_hover_text("Dismiss").clicked() {
                                close = Some(i);
                            }
                        });
                    });
                ui.add_space(6.0);
            }
        });
    if let Some(i) = close {
        toasts.shown.remove(i);
    }
    // Wake up once more when the oldest notice should go (the window is reactive).
    if let Some(left) = toasts
        .shown
        .iter()
        .map(|t| lifetime(t).saturating_sub(now.saturating_sub(t.posted)))
        .min()
    {
        ctx.request_repaint_after(left + Duration::from_millis(50));
    }
    Ok(())
}
