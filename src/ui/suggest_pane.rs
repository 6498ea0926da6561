//! The Suggest pane: dates, quotations and repeated entity mentions found in the document,
//! offered one by one or all of a kind. Nothing is added until the user accepts.

use std::collections::HashSet;

use chrono::{SubsecRound as _, Utc};
use egui::{RichText, Ui};

use super::actions::Action;
use super::selection::Selection;
use super::{labels, theme};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::TagKind;
use crate::core::edit::Command;
use crate::core::suggest::{Suggestion, suggest};
use crate::core::text::one_line;
use crate::workspace::Document;
use crate::workspace::Intent;

/// The pane's state: the suggestions for the current annotations, and those dismissed.
#[derive(Default)]
pub struct SuggestPane {
    suggestions: Vec<Suggestion>,
    computed_for: Option<(u64, String)>,
    dismissed: HashSet<(usize, usize, TagKind)>,
}

impl SuggestPane {
    fn refresh(&mut self, doc: &Document) {
        let key = (doc.version, doc.session.text.sha256().to_owned());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        // Annotations no longer found in the text (their old offsets cover other text now)
        // do not keep anything from being suggested.
        let placed: Vec<_> = doc
            .session
            .annotations
            .iter()
            .filter(|a| {
                !matches!(
                    doc.statuses.get(&a.id),
                    Some(AnchorStatus::Orphaned | AnchorStatus::Ambiguous)
                )
            })
            .cloned()
            .collect();
        self.suggestions = suggest(&doc.session.text, &placed);
        self.computed_for = Some(key);
    }

    /// The suggestions not dismissed.
    pub fn pending(&self) -> impl Iterator<Item = &Suggestion> {
        self.suggestions
            .iter()
            .filter(|s| !self.dismissed.contains(&(s.start, s.end, s.kind())))
    }

    /// Draws the pane.
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document, author: &str) -> Vec<Action> {
        let mut actions = Vec::new();
        self.refresh(doc);
        let text = &doc.session.text;
        let now = Utc::now().trunc_subsecs(0);
        let add = |s: &Suggestion| s.to_annotation(text, author, now).ok().map(Command::Add);
        ui.label(
            RichText::new("Found in the text; nothing is added until you accept.")
                .small()
                .color(theme::weak(ui.visuals())),
        );
        ui.horizontal_wrapped(|ui| {
            // Claims are only ever suggested as correction notices.
            for kind in [
                TagKind::Date,
                TagKind::Quote,
                TagKind::Entity,
                TagKind::Claim,
            ] {
                let of_kind: Vec<&Suggestion> =
                    self.pending().filter(|s| s.kind() == kind).collect();
                if ui
                    .add_enabled(
                        !of_kind.is_empty(),
                        egui::Button::new(format!("Accept {}", plural(of_kind.len(), kind))),
                    )
                    .clicked()
                {
                    let cmds: Vec<Command> = of_kind.iter().filter_map(|s| add(s)).collect();
                    actions.push(Action::Do(Intent::Edit(Command::Batch(cmds))));
                }
            }
        });
        ui.separator();
        let pending: Vec<Suggestion> = self.pending().cloned().collect();
        if pending.is_empty() {
            ui.label("No suggestions.");
        }
        egui::ScrollArea::vertical()
            .id_salt("suggestions")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for s in &pending {
                    ui.push_id((s.start, s.end, s.kind()), |ui| {
                        ui.horizontal_wrapped(|ui| {
                            let kind = s.kind();
                            ui.label(
                                RichText::new(labels::tag_label(kind))
                                    .color(theme::tag_strong(kind, ui.visuals())),
                            );
                            ui.label(one_line(&s.exact, 90));
                            if !s.note.is_empty() {
                                ui.label(RichText::new(&s.note).color(theme::weak(ui.visuals())));
                            }
                            if let Some(d) = s.date() {
                                ui.label(
                                    RichText::new(d.as_str()).color(theme::weak(ui.visuals())),
                                );
                            }
                        });
                        ui.horizontal(|ui| {
                            if ui.small_button("Accept").clicked()
                                && let Some(cmd) = add(s)
                            {
                                actions.push(Action::Do(Intent::Edit(cmd)));
                            }
                            if ui.small_button("Dismiss").clicked() {
                                self.dismissed.insert((s.start, s.end, s.kind()));
                            }
                            if ui.small_button("Show").clicked() {
                                actions.push(Action::Do(Intent::Select(Some(Selection {
                                    anchor: s.start,
                                    head: s.end,
                                }))));
                                actions.push(Action::ScrollTo(s.start));
                            }
                        });
                    });
                    ui.add_space(4.0);
                }
            });
        actions
    }
}

/// "1 date", "3 entities", "1 correction notice" (the only claims suggested).
fn plural(n: usize, kind: TagKind) -> String {
    let (one, many) = match kind {
        TagKind::Claim => ("correction notice", "correction notices"),
        TagKind::Quote => ("quote", "quotes"),
        TagKind::Date => ("date", "dates"),
        TagKind::Entity => ("entity", "entities"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}
