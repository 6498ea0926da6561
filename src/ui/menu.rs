//! The menu bar: every menu item is an action, with its shortcut taken from the command table.

use egui::Ui;

use super::actions::Action;
use super::commands::{Cmd, shortcut_text};
use super::settings::{Settings, ThemeChoice};
use super::windows::Windows;
use super::{export, labels};
use crate::core::annotation::TagKind;
use crate::workspace::{Intent, Workspace};

/// Draws the menu bar; returns what was chosen. Settings shown as check boxes change in place.
pub fn menu_bar(
    ui: &mut Ui,
    ws: &Workspace,
    settings: &mut Settings,
    tools: &mut Windows,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let doc = ws.current();
    let has_doc = doc.is_some();
    let (can_undo, can_redo) = doc.map_or((false, false), |d| {
        (d.history.can_undo(), d.history.can_redo())
    });
    let item = |ui: &mut Ui, enabled: bool, label: &str, cmd: Option<Cmd>| {
        let mut button = egui::Button::new(label);
        if let Some(cmd) = cmd {
            button = button.shortcut_text(shortcut_text(ui.ctx(), cmd));
        }
        ui.add_enabled(enabled, button).clicked()
    };
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if item(ui, true, "Open…", Some(Cmd::Open)) {
                    actions.push(Action::OpenDialog);
                }
                if item(ui, true, "Open Folder…", None) {
                    actions.push(Action::OpenFolderDialog);
                }
                ui.menu_button("Open Recent", |ui| {
                    if settings.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for p in &settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            actions.push(Intent::Open(p.clone()).into());
                        }
                    }
                });
                ui.separator();
                if item(ui, has_doc, "Save Annotations", Some(Cmd::Save)) {
                    actions.push(Intent::Save.into());
                }
                if item(ui, has_doc, "Save Annotations As…", None) {
                    actions.push(Action::SaveCopyAs);
                }
                ui.add_enabled_ui(has_doc, |ui| {
                    ui.menu_button("Export", |ui| {
                        for f in crate::formats::ExportFormat::ALL {
                            if ui.button(export::format_label(*f)).clicked() {
                                actions.push(Action::Export(*f));
                            }
                        }
                    });
                });
                if ui
                    .add_enabled(has_doc, egui::Button::new("Reload from Disk"))
                    .on_hover_text(
                        "Discard unsaved changes and read the document and its annotations again",
                    )
                    .clicked()
                {
                    actions.push(Intent::Reload.into());
                }
                ui.separator();
                if item(ui, has_doc, "Close", None) {
                    actions.push(Intent::Close.into());
                }
                if item(ui, true, "Quit", None) {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                if item(ui, can_undo, "Undo", Some(Cmd::Undo)) {
                    actions.push(Intent::Undo.into());
                }
                if item(ui, can_redo, "Redo", Some(Cmd::Redo)) {
                    actions.push(Intent::Redo.into());
                }
                ui.separator();
                if item(ui, has_doc, "Find…", Some(Cmd::Find)) {
                    actions.push(Action::ToggleFind);
                }
                ui.separator();
                ui.checkbox(&mut settings.snap_words, "Snap selections to words");
                ui.horizontal(|ui| {
                    ui.label("Your name:");
                    ui.add(egui::TextEdit::singleline(&mut settings.author).desired_width(120.0));
                });
            });
            ui.menu_button("Tools", |ui| {
                if item(ui, has_doc, "Suggestions…", None) {
                    tools.suggest = true;
                }
                if item(ui, has_doc, "Compare Annotators…", None) {
                    tools.agreement = true;
                }
                if item(ui, has_doc, "Review Changed Annotations…", None) {
                    tools.reanchor = true;
                }
                if item(ui, has_doc, "Resolve Conflicts…", None) {
                    tools.conflicts = true;
                }
            });
            ui.menu_button("Tag", |ui| {
                for k in TagKind::ALL {
                    if item(ui, has_doc, labels::tag_label(*k), Some(Cmd::Tag(*k))) {
                        actions.push(Intent::Tag(*k).into());
                    }
                }
                ui.separator();
                if item(ui, has_doc, "Link To…", Some(Cmd::Link)) {
                    actions.push(Action::StartLink);
                }
                if item(ui, has_doc, "Delete Annotation", Some(Cmd::Delete)) {
                    actions.push(Intent::DeleteSelected.into());
                }
            });
            ui.menu_button("View", |ui| {
                if item(ui, has_doc, "PDF Pages / Text", Some(Cmd::PageView)) {
                    actions.push(Action::TogglePageView);
                }
                ui.checkbox(&mut settings.show_list, "Annotation list");
                ui.checkbox(&mut settings.show_inspector, "Inspector");
                ui.separator();
                ui.label("Theme");
                ui.radio_value(
                    &mut settings.theme,
                    ThemeChoice::System,
                    "Follow the system",
                );
                ui.radio_value(&mut settings.theme, ThemeChoice::Light, "Light");
                ui.radio_value(&mut settings.theme, ThemeChoice::Dark, "Dark");
            });
            ui.menu_button("Help", |ui| {
                if item(ui, true, "Keyboard Shortcuts", Some(Cmd::Help)) {
                    tools.shortcuts = !tools.shortcuts;
                }
            });
        });
    });
    actions
}
