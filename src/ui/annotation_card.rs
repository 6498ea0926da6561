//! A compact description of annotations, shown when hovering a highlight.

use egui::{RichText, Ui};

use super::{labels, theme};
use crate::core::annotation::{Annotation, Tag};

/// One short line with a tag's most telling attribute: verdict, date value, kind, speaker.
pub fn detail(a: &Annotation) -> Option<String> {
    match &a.tag {
        Tag::Claim { verdict, claimant } => Some(match claimant {
            Some(c) => format!("{} — {c}", labels::verdict_label(*verdict)),
            None => labels::verdict_label(*verdict).to_owned(),
        }),
        Tag::Quote { speaker } => speaker.clone(),
        Tag::Date { value } => value.as_ref().map(|v| v.to_string()),
        Tag::Entity { kind, identifier } => Some(match identifier {
            Some(i) => format!("{} · {i}", labels::kind_label(*kind)),
            None => labels::kind_label(*kind).to_owned(),
        }),
    }
}

/// The hover card: innermost annotation first.
pub fn hover_ui(ui: &mut Ui, annotations: &[&Annotation]) {
    ui.set_max_width(360.0);
    for (i, a) in annotations.iter().enumerate() {
        if i > 0 {
            ui.separator();
        }
        let kind = a.tag.kind();
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(labels::tag_label(kind))
                    .strong()
                    .color(theme::tag_strong(kind, ui.visuals())),
            );
            if let Some(d) = detail(a) {
                ui.label(d);
            }
        });
        if !a.note.is_empty() {
            ui.label(&a.note);
        }
        if !a.evidence.is_empty() {
            let stances: Vec<String> = a
                .evidence
                .iter()
                .map(|e| format!("{} ({})", e.label(), e.stance))
                .take(3)
                .collect();
            ui.label(
                RichText::new(format!("Evidence: {}", stances.join("; ")))
                    .small()
                    .color(theme::weak(ui.visuals())),
            );
        }
    }
    if annotations.len() > 1 {
        ui.label(
            RichText::new("Click again to select the next one.")
                .small()
                .color(theme::weak(ui.visuals())),
        );
    }
}
