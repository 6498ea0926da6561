//! Choosing between two versions where two writers changed the same field of the same
//! annotation (another window or program, a git merge, a recovery): both values side by side,
//! one choice each.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::actions::Action;
use super::{annotation_card, labels, theme};
use crate::core::merge::{Conflict, FieldValue, Resolution, Side};
use crate::workspace::Document;
use crate::workspace::Intent;

/// The user's choices so far, by conflict.
#[derive(Default)]
pub struct ConflictsView {
    choices: HashMap<usize, Side>,
    for_conflicts: Vec<Conflict>,
}

impl ConflictsView {
    /// Draws the conflicts and the choice for each.
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document) -> Vec<Action> {
        let mut actions = Vec::new();
        let conflicts = doc.conflicts();
        if conflicts != self.for_conflicts {
            self.choices.clear();
            self.for_conflicts = conflicts.clone();
        }
        if conflicts.is_empty() {
            ui.label("No conflicts.");
            return actions;
        }
        ui.label("Two versions changed the same thing. Choose what to keep for each; nothing is lost until you save.");
        egui::ScrollArea::vertical()
            .id_salt("conflicts")
            .max_height(480.0)
            .show(ui, |ui| {
                for (i, c) in conflicts.iter().enumerate() {
                    ui.separator();
                    let exact = doc
                        .session
                        .annotations
                        .get(c.id)
                        .map(|a| a.exact.replace('\n', " "))
                        .unwrap_or_else(|| c.id.to_string());
                    ui.label(RichText::new(format!("“{exact}” — {}", c.field)).strong());
                    let mut choice = self.choices.get(&i).copied();
                    ui.horizontal_wrapped(|ui| {
                        ui.radio_value(&mut choice, Some(Side::Ours), "Keep this version:");
                        ui.label(describe_in(&c.ours, doc));
                    });
                    ui.horizontal_wrapped(|ui| {
                        ui.radio_value(&mut choice, Some(Side::Theirs), "Take the other version:");
                        ui.label(describe_in(&c.theirs, doc));
                    });
                    if let Some(side) = choice {
                        self.choices.insert(i, side);
                    }
                }
            });
        ui.separator();
        let all = self.choices.len() == conflicts.len();
        ui.horizontal(|ui| {
            if ui.button("Keep all of this version").clicked() {
                self.choices = (0..conflicts.len()).map(|i| (i, Side::Ours)).collect();
            }
            if ui.button("Take all of the other").clicked() {
                self.choices = (0..conflicts.len()).map(|i| (i, Side::Theirs)).collect();
            }
            if ui
                .add_enabled(all, egui::Button::new("Apply and save"))
                .on_disabled_hover_text("Choose a version for every conflict first")
                .clicked()
            {
                let resolutions = conflicts
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| {
                        self.choices.get(&i).map(|side| Resolution {
                            conflict: c.clone(),
                            value: c.value(*side).clone(),
                        })
                    })
                    .collect();
                actions.push(Action::Do(Intent::Resolve(resolutions)));
                actions.push(Action::Do(Intent::Save));
            }
        });
        if !all {
            ui.label(
                RichText::new(format!(
                    "{} of {} chosen",
                    self.choices.len(),
                    conflicts.len()
                ))
                .color(theme::weak(ui.visuals())),
            );
        }
        actions
    }
}

/// One value, in words; links name the annotation they point to, or say it was deleted.
fn describe_in(v: &FieldValue, doc: &Document) -> String {
    match v {
        FieldValue::Links(links) if !links.is_empty() => links
            .iter()
            .map(|l| match doc.session.annotations.get(l.to) {
                Some(t) => format!("{} “{}”", l.kind, crate::core::text::one_line(&t.exact, 30)),
                None => format!("{} a deleted annotation", l.kind),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => describe(other),
    }
}

/// One value, in words.
fn describe(v: &FieldValue) -> String {
    match v {
        FieldValue::Span {
            start, end, exact, ..
        } => format!("“{exact}” at {start}–{end}"),
        FieldValue::Tag(tag) => {
            let probe = crate::core::annotation::Annotation {
                tag: tag.clone(),
                ..placeholder()
            };
            match annotation_card::detail(&probe) {
                Some(d) => format!("{} ({d})", labels::tag_label(tag.kind())),
                None => labels::tag_label(tag.kind()).to_owned(),
            }
        }
        FieldValue::Note(n) if n.is_empty() => "(no note)".to_owned(),
        FieldValue::Note(n) => n.clone(),
        FieldValue::Review(r) => {
            let mut s = labels::review_label(r.status).to_owned();
            if let Some(by) = &r.by {
                s.push_str(&format!(" by {by}"));
            }
            if let Some(c) = &r.comment {
                s.push_str(&format!(": {c}"));
            }
            s
        }
        FieldValue::Author(a) => a.clone(),
        FieldValue::Created(t) => t.to_rfc3339(),
        FieldValue::Links(l) if l.is_empty() => "(no links)".to_owned(),
        FieldValue::Links(l) => l
            .iter()
            .map(|l| format!("{} (to {})", l.kind, short_id(&l.to.to_string())))
            .collect::<Vec<_>>()
            .join("; "),
        FieldValue::Evidence(e) if e.is_empty() => "(no evidence)".to_owned(),
        FieldValue::Evidence(e) => e
            .iter()
            .map(|e| format!("{} ({})", e.label(), e.stance))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The first block of an id, enough to tell annotations apart in a list.
fn short_id(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

fn placeholder() -> crate::core::annotation::Annotation {
    crate::core::annotation::Annotation {
        id: crate::core::annotation::AnnotationId(uuid::Uuid::nil()),
        start: 0,
        end: 0,
        exact: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        tag: crate::core::annotation::Tag::new(crate::core::annotation::TagKind::Claim),
        note: String::new(),
        author: String::new(),
        created: chrono::DateTime::UNIX_EPOCH,
        modified: chrono::DateTime::UNIX_EPOCH,
        review: Default::default(),
        links: Vec::new(),
        evidence: Vec::new(),
    }
}
