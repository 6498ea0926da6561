//! Floating tool windows (conflicts, suggestions, compare annotators, changed annotations, the
//! shortcut sheet): shown while open, closed by their ×.

use egui::Ui;

use super::actions::Action;

/// Shows a floating window titled `title` while `open`; returns what its contents ask for.
pub fn tool_window(
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

/// Shows the keyboard shortcut sheet while `open`, listing the keys of `scopes`; taller than
/// a small window, it scrolls.
pub fn shortcut_sheet(ctx: &egui::Context, open: &mut bool, scopes: &[super::commands::Scope]) {
    if !*open {
        return;
    }
    let height = ctx.content_rect().height() - 80.0;
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .max_height(height)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(height)
                .show(ui, |ui| super::commands::sheet_ui(ui, scopes));
        });
}
