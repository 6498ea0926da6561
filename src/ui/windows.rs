//! Floating windows (conflicts, suggestions, compare annotators, changed annotations, the
//! shortcut sheet): which are open, and drawing them.

use egui::Ui;

use super::actions::Action;
use super::agreement_view::AgreementView;
use super::commands::Scope;
use super::conflicts_view::ConflictsView;
use super::suggest_pane::SuggestPane;
use crate::workspace::Document;

/// The floating windows and whether each is open.
#[derive(Default)]
pub struct Windows {
    /// The keyboard shortcut sheet (F1).
    pub shortcuts: bool,
    /// The review of annotations no longer on their text.
    pub reanchor: bool,
    /// The merge conflicts waiting for a choice.
    pub conflicts: bool,
    /// The Suggestions pane.
    pub suggest: bool,
    /// Compare annotators.
    pub agreement: bool,
    conflicts_view: ConflictsView,
    /// The Suggestions pane's state.
    pub suggest_pane: SuggestPane,
    agreement_view: AgreementView,
}

impl Windows {
    /// Draws the open windows about `doc`; the suggestions and the comparison only with the
    /// document shown (`document_mode`). Returns what they ask for.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        author: &str,
        document_mode: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let conflicts = &mut self.conflicts_view;
        actions.extend(window(
            ctx,
            "Resolve conflicts",
            560.0,
            &mut self.conflicts,
            |ui| conflicts.ui(ui, doc),
        ));
        if document_mode {
            let suggest = &mut self.suggest_pane;
            actions.extend(window(ctx, "Suggestions", 380.0, &mut self.suggest, |ui| {
                suggest.ui(ui, doc, author)
            }));
            let agreement = &mut self.agreement_view;
            actions.extend(window(
                ctx,
                "Compare annotators",
                560.0,
                &mut self.agreement,
                |ui| agreement.ui(ui, doc),
            ));
        }
        actions.extend(window(
            ctx,
            "Review changed annotations",
            560.0,
            &mut self.reanchor,
            |ui| super::reanchor_review::review_ui(ui, doc),
        ));
        actions
    }

    /// Shows the keyboard shortcut sheet while open, listing the keys of `scopes`; taller than
    /// a small window, it scrolls.
    pub fn shortcut_sheet(&mut self, ctx: &egui::Context, scopes: &[Scope]) {
        if !self.shortcuts {
            return;
        }
        let height = ctx.content_rect().height() - 96.0;
        let width = (ctx.content_rect().width() - 48.0).min(640.0);
        egui::Window::new("Keyboard shortcuts")
            // Below the menu bar, never over its labels.
            .default_pos(egui::pos2(24.0, 56.0))
            .open(&mut self.shortcuts)
            .collapsible(false)
            .resizable(false)
            .max_height(height)
            .max_width(width)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(height)
                    .show(ui, |ui| super::commands::sheet_ui(ui, scopes));
            });
    }
}

/// Shows a floating window titled `title` while `open`; returns what its contents ask for.
fn window(
    ctx: &egui::Context,
    title: &str,
    width: f32,
    open: &mut bool,
    contents: impl FnOnce(&mut Ui) -> Vec<Action>,
) -> Vec<Action> {
    let mut chosen = Vec::new();
    if *open {
        egui::Window::new(title)
            .open(open)
            .default_width(width)
            .show(ctx, |ui| chosen = contents(ui));
    }
    chosen
}
