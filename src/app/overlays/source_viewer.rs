//! The source viewer: a window with a source's text (when the scenario ships it),
//! scrolled to the cited passage and highlighting it; for other sources, the title and
//! reference. Opened by [`UiAction::OpenSource`] from any screen.

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::app::{LoadedScenario, Screen, UiAction};
use crate::scenario::text::normalize;
use crate::scenario::{Scenario, SourceId};
use crate::sim::CurrentGame;

/// The source on show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSource {
    pub title: String,
    pub reference: String,
    /// The quote asked for, if any.
    pub passage: Option<String>,
    /// The text's paragraphs (empty when the source's text is not shipped).
    pub paragraphs: Vec<String>,
    /// Which paragraphs hold the passage.
    pub highlighted: Vec<bool>,
    /// Scroll to the first highlighted paragraph on the next drawing.
    pub scroll: bool,
}

impl OpenSource {
    /// Whether the passage was found in the text.
    pub fn found(&self) -> bool {
        self.highlighted.iter().any(|&h| h)
    }
}

/// The source viewer's content, `None` when closed.
#[derive(Resource, Debug, Default, Clone)]
pub struct SourceViewer(pub Option<OpenSource>);

pub struct SourceViewerPlugin;

impl Plugin for SourceViewerPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<SourceViewer>()
            .add_systems(Update, handle_actions)
            .add_systems(EguiPrimaryContextPass, draw);
    }
}

/// Opens `source` of `scenario` at `passage`.
pub fn open(scenario: &Scenario, source: SourceId, passage: Option<&str>) -> OpenSource {
    let Some(src) = scenario.sources.get(source.0) else {
        return OpenSource {
            title: format!("Unknown source #{}", source.0),
            reference: "This scenario has no such source.".into(),
            passage: passage.map(str::to_string),
            paragraphs: Vec::new(),
            highlighted: Vec::new(),
            scroll: false,
        };
    };
    let paragraphs: Vec<String> = src
        .text
        .as_deref()
        .unwrap_or("")
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let quote = passage.map(normalize).filter(|q| !q.is_empty());
    let highlighted = paragraphs
        .iter()
        .map(|p| {
            quote.as_deref().is_some_and(|q| {
                let p = normalize(p);
                p.contains(q) || (p.len() >= 40 && q.contains(&p))
            })
        })
        .collect();
    OpenSource {
        title: src.title.clone(),
        reference: src.reference.clone(),
        passage: passage.map(str::to_string),
        paragraphs,
        highlighted,
        scroll: true,
    }
}

fn handle_actions(
    mut actions: MessageReader<UiAction>,
    mut viewer: ResMut<SourceViewer>,
    loaded: Res<LoadedScenario>,
    game: Option<Res<CurrentGame>>,
    screen: Res<State<Screen>>,
) {
    for action in actions.read() {
        match action {
            UiAction::OpenSource { source, passage } => {
                // The screens of a game cite the game's scenario; the others the loaded one.
                let in_game = matches!(
                    screen.get(),
                    Screen::Briefing | Screen::Play | Screen::Debrief
                );
                let scenario: Arc<Scenario> = match (&game, in_game) {
                    (Some(g), true) => Arc::clone(&g.0.scenario),
                    _ => Arc::clone(&loaded.scenario),
                };
                viewer.0 = Some(open(&scenario, *source, passage.as_deref()));
            }
            UiAction::CloseSource | UiAction::ToStart => viewer.0 = None,
            _ => {}
        }
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut viewer: ResMut<SourceViewer>,
    mut actions: MessageWriter<UiAction>,
) -> Result {
    let Some(src) = viewer.0.as_mut() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let screen = ctx.content_rect();
    let mut open = true;
    let highlight_fill = if ctx.global_style().visuals.dark_mode {
        crate::app::theme::HIGHLIGHT_DARK
    } else {
        crate::app::theme::HIGHLIGHT_LIGHT
    };
    let text_height = (screen.height() * 0.8 - 190.0).max(160.0);
    egui::Window::new("Source")
        .id("source-viewer".into())
        .open(&mut open)
        .default_width((screen.width() * 0.62).max(480.0))
        // egui keeps a window's size: without a floor, a window once squeezed by a tiny
        // screen (1×1 in the stress tour) stays a sliver when the screen grows again.
        .min_width(320.0)
        .min_height(160.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(screen.center())
        .collapsible(false)
        .show(ctx, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(&src.title).size(18.0).strong()).wrap());
            ui.label(egui::RichText::new(&src.reference).italics());
            if let Some(q) = &src.passage {
                ui.add_space(4.0);
                let note = if src.found() {
                    "The cited passage is highlighted below."
                } else if src.paragraphs.is_empty() {
                    "The text of this source is not shipped with the scenario; the cited words are:"
                } else {
                    "The cited words were not found in the text; they are:"
                };
                ui.label(note);
                if !src.found() {
                    ui.label(egui::RichText::new(format!("“{}”", normalize(q))).strong());
                }
            } else if src.paragraphs.is_empty() {
                ui.add_space(4.0);
                ui.label("The text of this source is not shipped with the scenario.");
            }
            ui.separator();
            let scroll = std::mem::take(&mut src.scroll);
            egui::ScrollArea::vertical()
                .auto_shrink([false, true])
                .max_height(text_height)
                .show(ui, |ui| {
                    let mut first = true;
                    for (p, &lit) in src.paragraphs.iter().zip(&src.highlighted) {
                        if lit {
                            let r = egui::Frame::new()
                                .fill(highlight_fill)
                                .corner_radius(4.0)
                                .inner_margin(6.0)
                                .show(ui, |ui| {
                                    ui.add(egui::Label::new(p.as_str()).wrap());
                                })
                                .response;
                            if scroll && first {
                                r.scroll_to_me(Some(egui::Align::Center));
                            }
                            first = false;
                        } else {
                            ui.add(egui::Label::new(p.as_str()).wrap());
                        }
                        ui.add_space(6.0);
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Close (Esc)").clicked() {
                    actions.write(UiAction::CloseSource);
                }
            });
        });
    if !open {
        actions.write(UiAction::CloseSource);
    }
    Ok(())
}
