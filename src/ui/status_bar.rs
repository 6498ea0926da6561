//! The status bar: the current document, its size, its annotations per tag, those not on
//! their text, and whether everything is saved.

use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::annotation::TagKind;
use crate::workspace::Document;

/// Draws the status bar for the current document; returns what its links ask for.
pub fn status_bar(ui: &mut Ui, doc: Option<&Document>) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let Some(doc) = doc else {
                ui.label("No document open");
                return;
            };
            ui.label(RichText::new(doc.name()).strong())
                .on_hover_text(doc.path().display().to_string());
            ui.separator();
            ui.label(format!(
                "{} characters, {} words",
                doc.session.text.char_count(),
                doc.words
            ));
            ui.separator();
            for (k, n) in TagKind::ALL.iter().zip(doc.tag_counts()) {
                ui.label(
                    RichText::new(format!("{} {n}", labels::tag_label(*k)))
                        .color(theme::tag_strong(*k, ui.visuals())),
                );
            }
            let problems = doc.not_anchored();
            if problems > 0 {
                ui.separator();
                if ui
                    .link(
                        RichText::new(format!("{problems} not on their text"))
                            .color(theme::warning(ui.visuals())),
                    )
                    .on_hover_text("Review them")
                    .clicked()
                {
                    actions.push(Action::ShowReanchorReview);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let state = match (&doc.save_error, doc.dirty, doc.last_saved) {
                    (Some(_), _, _) => RichText::new("Not saved: see the message above")
                        .color(theme::error(ui.visuals())),
                    (None, true, _) => RichText::new("Unsaved changes…"),
                    (None, false, Some(t)) => {
                        RichText::new(format!("Saved at {}", t.format("%H:%M:%S")))
                    }
                    (None, false, None) => RichText::new("No changes"),
                };
                ui.label(state);
            });
        });
    });
    actions
}
