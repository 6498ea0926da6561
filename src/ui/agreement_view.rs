//! Comparing two annotators: the open document's annotations (A) against another sidecar of
//! the same document (B) — precision, recall and F1 overall and per tag, Cohen's κ, and the
//! disagreements, each a click away from its place in the text.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::agreement::{Agreement, DisagreementKind, Kappa, Scores, compare};
use crate::core::annotation::TagKind;
use crate::store::read::read_sidecar;
use crate::workspace::Document;
use crate::workspace::Intent;

/// The comparison window's state.
#[derive(Default)]
pub struct AgreementView {
    path: String,
    result: Option<(PathBuf, Agreement, bool)>,
    error: Option<String>,
}

impl AgreementView {
    fn load(&mut self, doc: &Document, path: &Path) {
        let read = match read_sidecar(path) {
            Ok(Some(loaded)) => Ok(loaded.sidecar),
            Ok(None) => Err(format!("{}: there is no such sidecar", path.display())),
            Err(e) => Err(e.to_string()),
        };
        match read {
            Ok(other) => {
                let same_text = other.document.sha256 == doc.session.text.sha256();
                let agreement = compare(doc.session.annotations.as_slice(), &other.annotations);
                self.result = Some((path.to_owned(), agreement, same_text));
                self.error = None;
            }
            Err(e) => {
                self.error = Some(e);
                self.result = None;
            }
        }
    }

    /// Draws the window's contents.
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.label("A is the open document's annotations; B is another annotator's sidecar of the same document.");
        ui.horizontal(|ui| {
            ui.label("B:");
            ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .hint_text("path to the other .ann.ron")
                    .desired_width(320.0),
            );
            if ui.button("Browse…").clicked()
                && let Some(p) = rfd::FileDialog::new()
                    .add_filter("factmark sidecar", &["ron"])
                    .pick_file()
            {
                self.path = p.display().to_string();
            }
            if ui
                .add_enabled(!self.path.trim().is_empty(), egui::Button::new("Compare"))
                .clicked()
            {
                let p = PathBuf::from(self.path.trim());
                self.load(doc, &p);
            }
        });
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::error(ui.visuals())));
        }
        let Some((path, a, same_text)) = &self.result else {
            return actions;
        };
        if !same_text {
            ui.label(
                RichText::new(format!(
                    "{} was made on a different version of the text; spans are compared as stored.",
                    path.display()
                ))
                .color(theme::warning(ui.visuals())),
            );
        }
        egui::Grid::new("agreement-scores")
            .striped(true)
            .num_columns(7)
            .show(ui, |ui| {
                for h in ["", "precision", "recall", "F1", "A", "B", "matched"] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                scores_row(ui, "Same span and tag", &a.labelled);
                scores_row(ui, "Same span", &a.span);
                for (tag, s) in &a.per_tag {
                    scores_row(ui, labels::tag_label(*tag), s);
                }
            });
        ui.label(match &a.kappa {
            Kappa::Value(k) => format!(
                "Cohen's κ on the tags of {} span-matched pairs: {k:.3}",
                a.pairs
            ),
            Kappa::Undefined(why) => format!("Cohen's κ: undefined ({why})"),
        });
        ui.separator();
        ui.label(RichText::new(format!("{} disagreements", a.disagreements.len())).strong());
        egui::ScrollArea::vertical()
            .id_salt("disagreements")
            .max_height(320.0)
            .show(ui, |ui| {
                for d in &a.disagreements {
                    ui.horizontal_wrapped(|ui| {
                        let what = match d.kind {
                            DisagreementKind::OnlyInA => {
                                format!("only A: {}", tag(d.a.map(|s| s.tag)))
                            }
                            DisagreementKind::OnlyInB => {
                                format!("only B: {}", tag(d.b.map(|s| s.tag)))
                            }
                            DisagreementKind::DifferentTag => {
                                format!(
                                    "A {} / B {}",
                                    tag(d.a.map(|s| s.tag)),
                                    tag(d.b.map(|s| s.tag))
                                )
                            }
                        };
                        ui.label(RichText::new(what).color(theme::warning(ui.visuals())));
                        if ui.link(d.exact.replace('\n', " ")).clicked() {
                            actions.push(Action::ScrollTo(d.start));
                            actions.push(Action::Do(Intent::Select(Some(
                                super::selection::Selection {
                                    anchor: d.start,
                                    head: d.end,
                                },
                            ))));
                        }
                    });
                }
            });
        actions
    }
}

fn tag(t: Option<TagKind>) -> &'static str {
    t.map_or("?", labels::tag_label)
}

fn scores_row(ui: &mut Ui, name: &str, s: &Scores) {
    let f = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{v:.3}"));
    ui.label(name);
    ui.label(f(s.precision));
    ui.label(f(s.recall));
    ui.label(f(s.f1));
    ui.label(s.a.to_string());
    ui.label(s.b.to_string());
    ui.label(s.matched.to_string());
    ui.end_row();
}
