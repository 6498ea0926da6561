//! The folder bar: the folder's views, the current document, reading progress, and the
//! previous and next document.

use egui::{RichText, Ui};

use super::actions::{Action, Mode};
use crate::workspace::Workspace;

/// Draws the folder bar when a folder is open; returns what was asked for.
pub fn folder_bar(ui: &mut Ui, ws: &Workspace, mode: Mode) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(folder) = &ws.folder else {
        return actions;
    };
    let doc_name = ws.current().map(|d| d.name());
    egui::Panel::top("corpus-tabs").show(ui, |ui| {
        // Wraps onto a second line rather than cutting buttons off in a small window.
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Folder: {}", folder.name())).strong());
            ui.separator();
            let mut chosen = mode;
            ui.selectable_value(&mut chosen, Mode::Documents, "Documents");
            ui.selectable_value(&mut chosen, Mode::Spans, "Review spans");
            ui.selectable_value(&mut chosen, Mode::Claims, "Claims");
            ui.selectable_value(&mut chosen, Mode::Stats, "Statistics");
            if let Some(name) = &doc_name {
                ui.selectable_value(&mut chosen, Mode::Document, format!("Document: {name}"));
            }
            if chosen != mode {
                actions.push(Action::SetMode(chosen));
            }
            if ws.current_in_folder().is_some() && mode == Mode::Document {
                ui.separator();
                if ui
                    .button("Previous document")
                    .on_hover_text("Ctrl+Page Up")
                    .clicked()
                {
                    actions.push(Action::StepDocument(-1));
                }
                if ui
                    .button("Next document")
                    .on_hover_text("Ctrl+Page Down")
                    .clicked()
                {
                    actions.push(Action::StepDocument(1));
                }
            }
            if let Some((done, total)) = folder.progress() {
                ui.separator();
                let frac = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                ui.add(
                    egui::ProgressBar::new(frac)
                        .desired_width(180.0)
                        .text(format!("reading {done} of {total}")),
                );
            }
        });
    });
    actions
}
