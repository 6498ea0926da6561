//! The inspector's place when several annotations are selected together in the list: one
//! change to all of them (retag, review, a claim's verdict, an entity's kind, delete), each in
//! one undoable step.

use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::annotation::{EntityKind, ReviewStatus, Tag, TagKind, Verdict};
use crate::core::bulk::BulkEdit;
use crate::workspace::{Document, Intent};

/// Draws the panel for the annotations `doc` has selected together; returns what was chosen.
pub fn bulk_ui(ui: &mut Ui, doc: &Document) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut edit = |e: BulkEdit| actions.push(Action::Do(Intent::EditMany(e)));
    let chosen: Vec<_> = doc
        .many
        .iter()
        .filter_map(|id| doc.session.annotations.get(*id))
        .collect();
    let count = |k: TagKind| chosen.iter().filter(|a| a.tag.kind() == k).count();
    ui.heading(format!("{} annotations selected", chosen.len()));
    ui.horizontal_wrapped(|ui| {
        for k in TagKind::ALL {
            let n = count(*k);
            if n > 0 {
                ui.label(
                    RichText::new(format!("{} {n}", labels::tag_label(*k)))
                        .color(theme::tag_strong(*k, ui.visuals())),
                );
            }
        }
    });
    ui.label(
        RichText::new(
            "A change here is made to all of them in one step (Ctrl+Z takes it back). Ctrl+click in the list adds or removes one, Shift+click takes a range, Esc selects none.",
        )
        .small()
        .color(theme::weak(ui.visuals())),
    );
    ui.separator();
    ui.label("Tag all as");
    ui.horizontal_wrapped(|ui| {
        for k in TagKind::ALL {
            let button = egui::Button::new(
                RichText::new(format!(
                    "{} ({})",
                    labels::tag_label(*k),
                    labels::tag_key(*k)
                ))
                .color(theme::tag_strong(*k, ui.visuals())),
            )
            .fill(theme::tag_fill(*k, ui.visuals()));
            if ui.add(button).clicked() {
                edit(BulkEdit::Retag(*k));
            }
        }
    });
    ui.label("Review all");
    ui.horizontal_wrapped(|ui| {
        for r in ReviewStatus::ALL {
            if ui.button(labels::review_label(*r)).clicked() {
                edit(BulkEdit::Review(*r));
            }
        }
    });
    if count(TagKind::Claim) > 0 {
        let mut verdict = common(chosen.iter().filter_map(|a| match a.tag {
            Tag::Claim { verdict, .. } => Some(verdict),
            _ => None,
        }));
        let verdicts: Vec<(Option<Verdict>, &str)> =
            super::choice::labelled(Verdict::ALL, labels::verdict_label)
                .into_iter()
                .map(|(x, l)| (Some(x), l))
                .collect();
        let combo =
            egui::ComboBox::from_label(format!("Verdict of the {} claims", count(TagKind::Claim)))
                .selected_text(verdict.map_or("(mixed)", labels::verdict_label));
        if let Some(Some(v)) = super::choice::choose_ui(ui, combo, &mut verdict, &verdicts) {
            edit(BulkEdit::Verdict(v));
        }
    }
    if count(TagKind::Entity) > 0 {
        let mut kind = common(chosen.iter().filter_map(|a| match a.tag {
            Tag::Entity { kind, .. } => Some(kind),
            _ => None,
        }));
        let kinds: Vec<(Option<EntityKind>, &str)> =
            super::choice::labelled(EntityKind::ALL, labels::kind_label)
                .into_iter()
                .map(|(x, l)| (Some(x), l))
                .collect();
        let combo =
            egui::ComboBox::from_label(format!("Kind of the {} entities", count(TagKind::Entity)))
                .selected_text(kind.map_or("(mixed)", labels::kind_label));
        if let Some(Some(k)) = super::choice::choose_ui(ui, combo, &mut kind, &kinds) {
            edit(BulkEdit::EntityKind(k));
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .button(
                RichText::new(format!("Delete all {}", chosen.len()))
                    .color(theme::error(ui.visuals())),
            )
            .clicked()
        {
            actions.push(Action::Do(Intent::EditMany(BulkEdit::Delete)));
        }
        if ui.button("Select none").clicked() {
            actions.push(Action::Do(Intent::SelectAnnotation {
                id: None,
                reveal: false,
            }));
        }
    });
    actions
}

/// The value all of them share, if they share one.
fn common<T: PartialEq + Copy>(mut values: impl Iterator<Item = T>) -> Option<T> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}
