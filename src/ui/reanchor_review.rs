//! Reviewing annotations after the document changed: for each changed, fuzzy, ambiguous or
//! orphaned annotation, the old quote beside the new text with the differences marked by words,
//! what accepting it does (a date's value read again, a rated claim marked for re-check), and
//! the ways to fix it — accept the corrected text, choose a candidate, re-attach to the
//! selection, delete — each one an undoable command.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, Stroke, Ui};

use super::actions::Action;
use super::{labels, theme};
use chrono::{SubsecRound as _, Utc};

use crate::core::anchor::{AnchorStatus, Anchoring};
use crate::core::annotation::{Annotation, Tag};
use crate::core::corrections::{accept_command, date_follow, is_rated_claim};
use crate::core::edit::Command;
use crate::core::text::Text;
use crate::core::worddiff::{DiffKind, word_diff};
use crate::workspace::Document;
use crate::workspace::Intent;

/// Context shown around a candidate, in chars.
const CONTEXT: usize = 40;

/// The list of annotations to review; returns the actions chosen.
pub fn review_ui(ui: &mut Ui, doc: &Document) -> Vec<Action> {
    let mut actions = Vec::new();
    let text = &doc.session.text;
    let pending: Vec<(&Annotation, &Anchoring)> = doc
        .session
        .annotations
        .iter()
        .filter_map(|a| doc.anchoring.get(&a.id).map(|r| (a, r)))
        .filter(|(_, r)| !r.status.is_anchored())
        .collect();
    if pending.is_empty() {
        ui.label("Every annotation sits on its text. Nothing to review.");
        return actions;
    }
    ui.label(format!(
        "{} {} a decision. Nothing is changed until you choose; every choice can be undone.",
        super::wording::plural(pending.len(), "annotation", "annotations"),
        if pending.len() == 1 { "needs" } else { "need" }
    ));
    let selection = doc.selection.filter(|s| !s.is_empty());
    egui::ScrollArea::vertical()
        .id_salt("reanchor-review")
        .max_height(520.0)
        .show(ui, |ui| {
            for (a, r) in pending {
                ui.separator();
                ui.push_id(a.id, |ui| {
                    let kind = a.tag.kind();
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(labels::tag_label(kind))
                                .strong()
                                .color(theme::tag_strong(kind, ui.visuals())),
                        );
                        ui.label(
                            RichText::new(labels::status_label(r.status))
                                .color(theme::warning(ui.visuals())),
                        );
                        if !a.note.is_empty() {
                            ui.label(
                                RichText::new(&a.note)
                                    .small()
                                    .color(theme::weak(ui.visuals())),
                            );
                        }
                    });
                    // Each line is one wrapped text, its name first: a long text laid out
                    // beside a label in a wrapping row loses words at the wrap.
                    let mut was = named(ui, "Was:");
                    was.append(
                        &a.exact,
                        0.0,
                        TextFormat {
                            color: ui.visuals().text_color(),
                            italics: true,
                            ..Default::default()
                        },
                    );
                    ui.label(was);
                    match r.status {
                        AnchorStatus::Changed | AnchorStatus::Fuzzy => {
                            let found = r
                                .found
                                .clone()
                                .unwrap_or_else(|| text.slice(r.start..r.end).to_owned());
                            ui.label(diff_job(ui, "Now:", &a.exact, &found));
                            follow_ups_ui(ui, a, &found);
                            ui.horizontal(|ui| {
                                let label = if r.status == AnchorStatus::Changed {
                                    "Accept the corrected text"
                                } else {
                                    "Accept the new text"
                                };
                                if ui
                                    .button(label)
                                    .on_hover_text("One step; undo takes it back")
                                    .clicked()
                                {
                                    let now = Utc::now().trunc_subsecs(0);
                                    actions.push(Action::Do(Intent::Edit(accept_command(
                                        a, text, r.start, r.end, now,
                                    ))));
                                }
                                if ui.button("Show").clicked() {
                                    actions.push(Action::ScrollTo(r.start));
                                }
                            });
                        }
                        _ => {
                            for (k, c) in r.candidates.iter().take(5).enumerate() {
                                ui.label(context_job(
                                    ui,
                                    &format!("Candidate {}:", k + 1),
                                    text,
                                    c.start,
                                    c.end,
                                ));
                                ui.horizontal(|ui| {
                                    if ui.small_button("Use this").clicked() {
                                        actions.push(Action::Do(Intent::Edit(Command::SetSpan {
                                            id: a.id,
                                            start: c.start,
                                            end: c.end,
                                        })));
                                    }
                                    if ui.small_button("Show").clicked() {
                                        actions.push(Action::ScrollTo(c.start));
                                    }
                                });
                            }
                            if r.candidates.is_empty() {
                                ui.label(
                                    RichText::new("The text is no longer in the document.")
                                        .color(theme::weak(ui.visuals())),
                                );
                            }
                        }
                    }
                    ui.horizontal(|ui| {
                        let reattach = ui
                            .add_enabled(
                                selection.is_some(),
                                egui::Button::new("Re-attach to the selected text"),
                            )
                            .on_disabled_hover_text("Select the right text in the document first");
                        if reattach.clicked()
                            && let Some(sel) = selection
                        {
                            actions.push(Action::Do(Intent::Edit(Command::SetSpan {
                                id: a.id,
                                start: sel.start(),
                                end: sel.end(),
                            })));
                        }
                        if ui.button("Delete").clicked() {
                            actions.push(Action::Do(Intent::Delete(a.id)));
                        }
                    });
                });
            }
        });
    actions
}

/// What accepting the new text does besides moving the annotation: a date's value read again,
/// a rated claim marked for re-check.
pub(super) fn follow_ups_ui(ui: &mut Ui, a: &Annotation, new: &str) {
    let weak = theme::weak(ui.visuals());
    if let Some((from, to)) = date_follow(a, new) {
        let show = |v: Option<crate::core::annotation::DateValue>| {
            v.map_or_else(|| "none".to_owned(), |d| d.to_string())
        };
        ui.label(RichText::new(format!("Date value: {} → {}", show(from), show(to))).color(weak));
    } else if let Tag::Date { value: Some(v) } = &a.tag {
        ui.label(RichText::new(format!("Date value stays {v} (typed)")).color(weak));
    }
    if is_rated_claim(a)
        && let Tag::Claim { verdict, .. } = &a.tag
    {
        ui.label(
            RichText::new(format!(
                "Rated {}: the verdict stays, and the claim is marked needs work to be rated again",
                labels::verdict_label(*verdict)
            ))
            .color(theme::warning(ui.visuals())),
        );
    }
}

/// The new text with what changed from the old one marked by words: inserted words
/// underlined, removed ones struck through (letters only inside a word that mostly stays).
fn diff_job(ui: &Ui, name: &str, old: &str, new: &str) -> LayoutJob {
    let v = ui.visuals();
    let plain = TextFormat {
        color: v.text_color(),
        ..Default::default()
    };
    let inserted = TextFormat {
        color: v.text_color(),
        background: theme::find_match(v, false),
        underline: Stroke::new(1.5, theme::warning(v)),
        ..Default::default()
    };
    let removed = TextFormat {
        color: theme::error(v),
        strikethrough: Stroke::new(1.0, theme::error(v)),
        ..Default::default()
    };
    let mut job = named(ui, name);
    for part in word_diff(old, new) {
        let format = match part.kind {
            DiffKind::Same => plain.clone(),
            DiffKind::Inserted => inserted.clone(),
            DiffKind::Removed => removed.clone(),
        };
        job.append(&part.text, 0.0, format);
    }
    job
}

/// A text that starts with its name (`Was:`, `Now:`) in the weak colour, to be laid out as
/// one text that wraps.
fn named(ui: &Ui, name: &str) -> LayoutJob {
    let mut out = LayoutJob::default();
    out.append(
        name,
        0.0,
        TextFormat {
            color: theme::weak(ui.visuals()),
            ..Default::default()
        },
    );
    out.append(" ", 0.0, TextFormat::default());
    out
}

/// A candidate place with a little context, the candidate itself emphasized.
fn context_job(ui: &Ui, name: &str, text: &Text, start: usize, end: usize) -> LayoutJob {
    let v = ui.visuals();
    let weak = TextFormat {
        color: theme::weak(v),
        ..Default::default()
    };
    let strong = TextFormat {
        color: v.strong_text_color(),
        background: Color32::TRANSPARENT,
        underline: Stroke::new(1.0, v.strong_text_color()),
        ..Default::default()
    };
    let n = text.char_count();
    let flat = |s: &str| s.replace('\n', " ");
    let mut job = named(ui, name);
    job.append(
        &format!(
            "…{}",
            flat(text.slice(start.saturating_sub(CONTEXT)..start))
        ),
        0.0,
        weak.clone(),
    );
    job.append(&flat(text.slice(start..end.min(n))), 0.0, strong);
    job.append(
        &format!("{}…", flat(text.slice(end.min(n)..(end + CONTEXT).min(n)))),
        0.0,
        weak,
    );
    job
}
