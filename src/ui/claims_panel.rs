//! The same claim elsewhere in the folder: in the inspector of a claim, the other documents
//! that make it, with each one's verdict, review and sources a click away, and "Reuse this
//! check"; and the folder's Claims view, listing every group, conflicting verdicts first.

use chrono::{SubsecRound as _, Utc};
use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::annotation::{Annotation, Tag};
use crate::core::edit::Command;
use crate::core::evidence::{Evidence, EvidenceId};
use crate::core::register::{ClaimGroup, Member};
use crate::core::text::one_line;
use crate::workspace::{Folder, Intent};

/// The claims elsewhere in the folder that say what `a` says: its group's other members, or,
/// for a document not of the folder, the folder's rated claims that are the same.
fn others<'a>(folder: &'a Folder, a: &Annotation, here: Option<usize>) -> Vec<&'a Member> {
    let register = folder.claims();
    match register.group_of(a.id) {
        Some(g) => g.members.iter().filter(|m| m.id != a.id).collect(),
        None => register
            .closest(&a.exact, 8)
            .into_iter()
            .filter(|(m, _, same)| *same && Some(m.doc) != here)
            .map(|(m, _, _)| m)
            .collect(),
    }
}

/// The "also in N documents" section of a claim's inspector; nothing when the claim is made
/// nowhere else.
pub fn also_ui(
    ui: &mut Ui,
    folder: Option<&Folder>,
    here: Option<usize>,
    a: &Annotation,
    actions: &mut Vec<Action>,
) {
    let (Some(folder), Tag::Claim { verdict, claimant }) = (folder, &a.tag) else {
        return;
    };
    let others = others(folder, a, here);
    if others.is_empty() {
        return;
    }
    let docs: std::collections::BTreeSet<usize> = others.iter().map(|m| m.doc).collect();
    let title = if docs.iter().all(|d| Some(*d) == here) {
        "Also made elsewhere in this document".to_owned()
    } else {
        format!(
            "Also in {}",
            super::wording::plural(
                docs.iter().filter(|d| Some(**d) != here).count(),
                "other document",
                "other documents"
            )
        )
    };
    let weak = theme::weak(ui.visuals());
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("inspector-also")
        .default_open(true)
        .show(ui, |ui| {
            for m in &others {
                let name = folder
                    .docs
                    .get(m.doc)
                    .and_then(Option::as_ref)
                    .map_or("?", |d| d.name.as_str());
                ui.horizontal_wrapped(|ui| {
                    let open = ui
                        .add(
                            egui::Label::new(
                                RichText::new(name).color(ui.visuals().hyperlink_color),
                            )
                            .sense(egui::Sense::click()),
                        )
                        .on_hover_text(format!("Show “{}” there", one_line(&m.exact, 80)));
                    if open.clicked() {
                        actions.push(Action::OpenSpan(m.doc, m.id));
                    }
                    ui.label(RichText::new(labels::verdict_label(m.verdict)).strong());
                    ui.label(
                        RichText::new(format!(
                            "{} · {}",
                            labels::review_label(m.review),
                            super::wording::plural(m.evidence, "source", "sources")
                        ))
                        .small()
                        .color(weak),
                    );
                });
                ui.label(RichText::new(super::links_panel::quoted(&one_line(&m.exact, 90))).small().color(weak));
                let source = folder
                    .doc(m.doc)
                    .and_then(|d| d.session.annotations.get(m.id));
                if let Some(src) = source.filter(|_| m.checked())
                    && (*verdict != m.verdict || !covers(&a.evidence, &src.evidence))
                    && ui
                        .button("Reuse this check")
                        .on_hover_text("Copy its verdict and sources to this claim (one step; Ctrl+Z undoes it)")
                        .clicked()
                {
                    actions.push(Action::Do(Intent::Edit(reuse(a, claimant, src, name))));
                }
            }
        });
}

/// Whether `have` already holds every source of `from` (by address).
fn covers(have: &[Evidence], from: &[Evidence]) -> bool {
    from.iter().all(|e| have.iter().any(|h| h.url == e.url))
}

/// The step that gives `a` the verdict and sources of `src` (from document `name`), and says
/// so in its note.
fn reuse(a: &Annotation, claimant: &Option<String>, src: &Annotation, name: &str) -> Command {
    let Tag::Claim { verdict, .. } = &src.tag else {
        return Command::Batch(Vec::new());
    };
    let mut evidence = a.evidence.clone();
    for e in &src.evidence {
        if evidence.iter().all(|h| h.url != e.url) {
            let mut copy = e.clone();
            copy.id = EvidenceId::random();
            evidence.push(copy);
        }
    }
    let mut note = a.note.trim_end().to_owned();
    if !note.is_empty() {
        note.push('\n');
    }
    note.push_str(&format!(
        "Check reused from {name} (“{}”, {}) on {}.",
        one_line(&src.exact, 60),
        labels::verdict_label(*verdict).to_lowercase(),
        Utc::now().trunc_subsecs(0).format("%Y-%m-%d")
    ));
    Command::Batch(vec![
        Command::SetTag(
            a.id,
            Tag::Claim {
                verdict: *verdict,
                claimant: claimant.clone(),
            },
        ),
        Command::SetEvidence(a.id, evidence),
        Command::SetNote(a.id, note),
    ])
}

/// What the toolbar adds while text is selected that repeats a rated claim of the folder.
pub fn selection_hint(folder: &Folder, text: &str, here: Option<usize>) -> Option<String> {
    if text.split_whitespace().count() < 3 {
        return None;
    }
    let (m, _, _) = folder
        .claims()
        .closest(text, 4)
        .into_iter()
        .find(|(m, _, same)| *same && Some(m.doc) != here)?;
    let name = folder.docs.get(m.doc)?.as_ref()?.name.clone();
    Some(format!(
        "Rated {} in {name}",
        labels::verdict_label(m.verdict).to_lowercase()
    ))
}

/// The folder's Claims view: every claim made in more than one place, grouped, conflicting
/// verdicts first.
pub fn claims_view_ui(ui: &mut Ui, folder: &Folder) -> Vec<Action> {
    let mut actions = Vec::new();
    let register = folder.claims();
    let groups: Vec<&ClaimGroup> = register
        .groups()
        .into_iter()
        .filter(|g| g.members.len() > 1)
        .collect();
    let weak = theme::weak(ui.visuals());
    ui.heading("Claims made in more than one place");
    ui.label(
        RichText::new(format!(
            "{} of the folder's {} claims are repeats: {}. Conflicting verdicts come first. Click a document to open the claim there.",
            groups.iter().map(|g| g.members.len()).sum::<usize>(),
            register.len(),
            super::wording::plural(groups.len(), "group", "groups")
        ))
        .color(weak),
    );
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("claims-view")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for g in &groups {
                let verdicts: Vec<&str> = g
                    .verdicts()
                    .iter()
                    .map(|v| labels::verdict_label(*v))
                    .collect();
                let head = format!(
                    "{} claims in {} — {}",
                    g.members.len(),
                    super::wording::plural(g.documents(), "document", "documents"),
                    if verdicts.is_empty() {
                        "not rated yet".to_owned()
                    } else {
                        verdicts.join(" / ")
                    }
                );
                let colour = if g.conflicting() {
                    theme::warning(ui.visuals())
                } else {
                    ui.visuals().text_color()
                };
                ui.label(RichText::new(head).strong().color(colour));
                for m in &g.members {
                    let name = folder
                        .docs
                        .get(m.doc)
                        .and_then(Option::as_ref)
                        .map_or("?", |d| d.name.as_str());
                    ui.horizontal(|ui| {
                        ui.add_space(12.0);
                        if ui
                            .add(
                                egui::Label::new(
                                    RichText::new(name).color(ui.visuals().hyperlink_color),
                                )
                                .sense(egui::Sense::click()),
                            )
                            .clicked()
                        {
                            actions.push(Action::OpenSpan(m.doc, m.id));
                        }
                        ui.label(RichText::new(labels::verdict_label(m.verdict)).strong());
                        ui.add(
                            egui::Label::new(RichText::new(one_line(&m.exact, 110)).color(weak))
                                .truncate(),
                        );
                    });
                }
                ui.add_space(8.0);
            }
            if groups.is_empty() {
                ui.label("No claim is made in more than one place yet.");
            }
        });
    actions
}
