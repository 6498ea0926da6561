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

/// Names that tell paths apart: each file's name, and for files of the same name the
/// folders above it that differ (`he.pdf — reports/2024`), as few as tell them apart.
pub fn distinct_names(paths: &[PathBuf]) -> Vec<String> {
    let parts = |p: &PathBuf| -> Vec<String> {
        p.components()
            .rev()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let all: Vec<Vec<String>> = paths.iter().map(parts).collect();
    all.iter()
        .map(|mine| {
            let Some(name) = mine.first() else {
                return String::new();
            };
            let namesakes: Vec<&Vec<String>> = all
                .iter()
                .filter(|other| other.first() == Some(name) && *other != mine)
                .collect();
            if namesakes.is_empty() {
                return name.clone();
            }
            // The folders above the file, up to the first that no namesake shares there.
            let depth = (1..mine.len())
                .find(|&d| namesakes.iter().all(|o| o.get(1..=d) != mine.get(1..=d)))
                .unwrap_or(mine.len() - 1);
            let folders: Vec<&str> = mine[1..=depth].iter().rev().map(String::as_str).collect();
            format!("{name} \u{2014} {}", folders.join("/"))
        })
        .collect()
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
            for (p, name) in paths.iter().zip(distinct_names(paths)) {
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

#[cfg(test)]
mod tests {
    use super::distinct_names;
    use std::path::PathBuf;

    #[test]
    fn files_of_the_same_name_are_told_apart_by_their_folders() {
        let paths: Vec<PathBuf> = [
            "/home/ana/walk41/he.pdf",
            "/home/ana/walk40/he.pdf",
            "/home/ana/notes/article.txt",
            "/data/a/2024/report.pdf",
            "/data/b/2024/report.pdf",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(
            distinct_names(&paths),
            [
                "he.pdf \u{2014} walk41",
                "he.pdf \u{2014} walk40",
                "article.txt",
                "report.pdf \u{2014} a/2024",
                "report.pdf \u{2014} b/2024",
            ]
        );
    }
}
