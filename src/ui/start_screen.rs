//! The start screen, shown when no document is open: open a file, recent files, the samples.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::actions::Action;
use super::theme;
use crate::workspace::Intent;

/// The sample articles shipped with factmark, if they can be found next to the program or in
/// the current folder.
pub fn samples() -> Vec<PathBuf> {
    let mut roots = vec![PathBuf::from("sample-docs")];
    if let Ok(exe) = std::env::current_exe() {
        for up in exe.ancestors().skip(1).take(4) {
            roots.push(up.join("sample-docs"));
        }
    }
    for root in roots {
        if let Ok(entries) = std::fs::read_dir(&root) {
            let mut docs: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| crate::workspace::is_document(p))
                .collect();
            if !docs.is_empty() {
                docs.sort();
                return docs;
            }
        }
    }
    Vec::new()
}

/// Draws the start screen.
pub fn start_ui(ui: &mut Ui, recent: &[PathBuf], samples: &[PathBuf]) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(48.0);
        ui.heading(RichText::new("factmark").size(32.0));
        ui.label("Tag claims, quotes, dates and entities in articles.");
        ui.add_space(24.0);
        if ui
            .add(
                egui::Button::new(RichText::new("Open a document…").size(18.0))
                    .shortcut_text("Ctrl+O"),
            )
            .clicked()
        {
            actions.push(Action::OpenDialog);
        }
        if ui.button("Open a folder of documents…").clicked() {
            actions.push(Action::OpenFolderDialog);
        }
        ui.label(
            RichText::new("or drop a document (text, Markdown, HTML or PDF) onto this window")
                .color(theme::weak(ui.visuals())),
        );
        ui.add_space(24.0);
        let list = |ui: &mut Ui, title: &str, paths: &[PathBuf], actions: &mut Vec<Action>| {
            if paths.is_empty() {
                return;
            }
            ui.add_space(12.0);
            ui.label(RichText::new(title).strong());
            for p in paths {
                let name = p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .link(name)
                    .on_hover_text(p.display().to_string())
                    .clicked()
                {
                    actions.push(Action::Do(Intent::Open(p.clone())));
                }
            }
        };
        list(ui, "Recent", recent, &mut actions);
        list(ui, "Samples", samples, &mut actions);
    });
    actions
}
