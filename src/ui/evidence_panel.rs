//! The evidence of a claim or quote in the inspector: its sources, each with a stance, the
//! addresses of the source and of an archived copy, a local snapshot whose hash is checked,
//! an excerpt and a note. Items are added, edited, reordered, removed and opened here; every
//! change is one undoable replacement of the list.

use chrono::{Local, SubsecRound as _, Utc};
use egui::{RichText, Ui};

use super::actions::Action;
use super::theme;
use crate::core::annotation::{Annotation, AnnotationId, DateValue, Tag, Verdict};
use crate::core::edit::Command;
use crate::core::evidence::{Evidence, EvidenceId, Stance, is_web_url};
use crate::store::snapshot::{SnapshotState, resolve};
use crate::workspace::{Document, Intent};

/// The evidence being edited: a copy of the annotation's list, taken again from the model
/// whenever it changed and no field is being typed in.
#[derive(Default)]
pub struct EvidenceEditor {
    for_id: Option<AnnotationId>,
    for_version: u64,
    draft: Vec<Evidence>,
    /// The date typed in each item's "published" field, kept while it is not a valid date.
    published: Vec<String>,
    /// The item just added, opened and given the keyboard.
    fresh: Option<EvidenceId>,
}

impl EvidenceEditor {
    fn refresh(&mut self, a: &Annotation, version: u64, typing: bool) {
        if self.for_id == Some(a.id) && (self.for_version == version || typing) {
            return;
        }
        self.for_id = Some(a.id);
        self.for_version = version;
        self.draft = a.evidence.clone();
        self.published = self
            .draft
            .iter()
            .map(|e| {
                e.published
                    .as_ref()
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            })
            .collect();
    }

    /// Draws the evidence section for `a` (a claim or a quote).
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document, a: &Annotation, actions: &mut Vec<Action>) {
        let typing = ui.ctx().text_edit_focused();
        self.refresh(a, doc.version, typing);
        let weak = theme::weak(ui.visuals());
        let mut changed = false;
        let mut typed = false;
        let mut remove = None;
        let mut swap = None;
        egui::CollapsingHeader::new(format!("Evidence ({})", self.draft.len()))
            .id_salt("inspector-evidence")
            .default_open(true)
            .show(ui, |ui| {
                if self.draft.is_empty() {
                    ui.label(
                        RichText::new(
                            "No sources yet. Add the pages that support or refute it, with an archived copy: pages change and disappear.",
                        )
                        .small()
                        .color(weak),
                    );
                }
                let n = self.draft.len();
                for k in 0..n {
                    let state = self.draft[k]
                        .snapshot
                        .as_ref()
                        .map(|_| doc.snapshot_state(self.draft[k].id));
                    let header = item_header(&self.draft[k], state.as_ref(), ui);
                    let open = self.fresh == Some(self.draft[k].id);
                    egui::CollapsingHeader::new(header)
                        .id_salt(("evidence", self.draft[k].id))
                        .default_open(open)
                        .show(ui, |ui| {
                            let item = ItemUi {
                                doc,
                                annotation: a.id,
                                fresh: &mut self.fresh,
                            };
                            let (c, t) =
                                item.ui(ui, &mut self.draft[k], &mut self.published[k], state, actions);
                            changed |= c;
                            typed |= t;
                            ui.horizontal(|ui| {
                                if ui.add_enabled(k > 0, egui::Button::new("Up")).on_hover_text("Move up").clicked() {
                                    swap = Some((k - 1, k));
                                }
                                if ui.add_enabled(k + 1 < n, egui::Button::new("Down")).on_hover_text("Move down").clicked() {
                                    swap = Some((k, k + 1));
                                }
                                if ui.button("Remove source").clicked() {
                                    remove = Some(k);
                                }
                            });
                        });
                }
                if ui.button("Add source").clicked() {
                    let item = Evidence::new("", default_stance(&a.tag), Utc::now().trunc_subsecs(0));
                    // Kept here until something is written in it: an empty source is not saved.
                    self.fresh = Some(item.id);
                    self.draft.push(item);
                    self.published.push(String::new());
                }
            });
        if let Some((i, j)) = swap {
            self.draft.swap(i, j);
            self.published.swap(i, j);
            changed = true;
        }
        if let Some(k) = remove {
            self.draft.remove(k);
            self.published.remove(k);
            changed = true;
        }
        let keep = saved(&self.draft);
        if keep == a.evidence {
            return;
        }
        let cmd = Command::SetEvidence(a.id, keep);
        if changed {
            actions.push(Action::Do(Intent::Edit(cmd)));
        } else if typed {
            actions.push(Action::Do(Intent::EditTyping(cmd)));
        }
    }
}

/// What is saved of the items being edited: an address written without its scheme
/// (`www.example.org/x`) gets `https://`, and an item with nothing in it yet is not saved (it
/// stays in the inspector while it is being filled in).
fn saved(draft: &[Evidence]) -> Vec<Evidence> {
    draft
        .iter()
        .filter(|e| {
            !(e.url.trim().is_empty()
                && e.archived.trim().is_empty()
                && e.title.trim().is_empty()
                && e.excerpt.trim().is_empty()
                && e.note.trim().is_empty()
                && e.snapshot.is_none())
        })
        .map(|e| {
            let mut e = e.clone();
            e.url = with_scheme(&e.url);
            e.archived = with_scheme(&e.archived);
            e
        })
        .collect()
}

/// `https://` before an address written without a scheme (a host with a dot, no spaces).
fn with_scheme(s: &str) -> String {
    let t = s.trim();
    let host = t.split('/').next().unwrap_or("");
    if !t.is_empty()
        && !t.contains("://")
        && host.contains('.')
        && !t.contains(char::is_whitespace)
        && !host.starts_with('.')
    {
        format!("https://{t}")
    } else {
        s.to_owned()
    }
}

/// The stance a new source most likely has: refuting a claim rated false, supporting one
/// rated true, context otherwise.
fn default_stance(tag: &Tag) -> Stance {
    match tag {
        Tag::Claim {
            verdict: Verdict::False | Verdict::MostlyFalse,
            ..
        } => Stance::Refutes,
        Tag::Claim {
            verdict: Verdict::True | Verdict::MostlyTrue,
            ..
        } => Stance::Supports,
        _ => Stance::Context,
    }
}

/// The one-line title of an item: its stance, its name and a warning when its snapshot is not
/// as attached.
fn item_header(e: &Evidence, state: Option<&SnapshotState>, ui: &Ui) -> RichText {
    let mut text = format!(
        "{} · {}",
        stance_label(e.stance),
        crate::core::text::one_line(&e.label(), 30)
    );
    if state.is_some_and(|s| !s.is_ok()) {
        text.push_str(" · snapshot ");
        text.push_str(match state {
            Some(SnapshotState::Missing) => "missing",
            Some(SnapshotState::Changed { .. }) => "changed",
            _ => "unreadable",
        });
        return RichText::new(text).color(theme::warning(ui.visuals()));
    }
    RichText::new(text)
}

fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::Supports => "Supports",
        Stance::Refutes => "Refutes",
        Stance::Context => "Context",
    }
}

/// One item's fields.
struct ItemUi<'a> {
    doc: &'a Document,
    annotation: AnnotationId,
    fresh: &'a mut Option<EvidenceId>,
}

impl ItemUi<'_> {
    /// Draws the fields, each under its name so that they fit the inspector's width whatever
    /// they hold; returns whether a choice was made (one undo step) and whether text was
    /// typed (joined to the previous step while typing goes on).
    fn ui(
        self,
        ui: &mut Ui,
        e: &mut Evidence,
        published: &mut String,
        state: Option<SnapshotState>,
        actions: &mut Vec<Action>,
    ) -> (bool, bool) {
        let mut changed = false;
        let mut typed = false;
        let weak = theme::weak(ui.visuals());
        ui.horizontal(|ui| {
            ui.label("Stance");
            let mut s = e.stance;
            let stances = super::choice::labelled(Stance::ALL, stance_label);
            super::choice::choose_ui(
                ui,
                egui::ComboBox::from_id_salt(("stance", e.id)).selected_text(stance_label(s)),
                &mut s,
                &stances,
            );
            if s != e.stance {
                e.stance = s;
                changed = true;
            }
        });
        let url = address_field(
            ui,
            "Source",
            &mut e.url,
            "https://… the page or document",
            actions,
        );
        if *self.fresh == Some(e.id) {
            url.request_focus();
            *self.fresh = None;
        }
        typed |= url.changed();
        typed |= address_field(
            ui,
            "Archived copy",
            &mut e.archived,
            "https://web.archive.org/… a copy that will not change",
            actions,
        )
        .changed();
        typed |= text_field(ui, "Title", &mut e.title);
        typed |= text_field(ui, "Publisher", &mut e.publisher);
        ui.label(RichText::new("Published").small().color(weak));
        let edit = ui.add(
            egui::TextEdit::singleline(published)
                .hint_text("YYYY, YYYY-MM or YYYY-MM-DD")
                .desired_width(f32::INFINITY),
        );
        let parsed = if published.trim().is_empty() {
            Ok(None)
        } else {
            DateValue::parse(published.trim()).map(Some)
        };
        match parsed {
            Ok(v) if edit.changed() => {
                e.published = v;
                typed = true;
            }
            Ok(_) => {}
            Err(err) => {
                ui.add(
                    egui::Label::new(
                        RichText::new(err.to_string())
                            .small()
                            .color(theme::error(ui.visuals())),
                    )
                    .wrap(),
                );
            }
        }
        ui.label(
            RichText::new(format!(
                "Consulted {}",
                e.consulted.with_timezone(&Local).format("%Y-%m-%d %H:%M")
            ))
            .small()
            .color(weak),
        );
        changed |= self.snapshot_ui(ui, e, state, actions);
        ui.label(RichText::new("Excerpt").small().color(weak));
        typed |= ui
            .add(
                egui::TextEdit::multiline(&mut e.excerpt)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("the passage that settles it, as the source words it"),
            )
            .changed();
        ui.label(RichText::new("Note").small().color(weak));
        typed |= ui
            .add(
                egui::TextEdit::multiline(&mut e.note)
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .changed();
        (changed, typed)
    }

    /// The snapshot line: the file and how it stands, with Open, Attach/Replace and Remove.
    fn snapshot_ui(
        &self,
        ui: &mut Ui,
        e: &mut Evidence,
        state: Option<SnapshotState>,
        actions: &mut Vec<Action>,
    ) -> bool {
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            ui.label("Snapshot");
            match (&e.snapshot, state) {
                (Some(s), Some(state)) => {
                    let colour = if state.is_ok() {
                        theme::weak(ui.visuals())
                    } else {
                        theme::warning(ui.visuals())
                    };
                    let what = if state.is_ok() {
                        format!("{} (unchanged since attached)", s.path)
                    } else {
                        format!("{}: {}", s.path, state.describe())
                    };
                    ui.add(egui::Label::new(RichText::new(what).color(colour)).wrap());
                    if state.is_ok() && ui.small_button("Open").clicked() {
                        actions.push(Action::OpenFile(resolve(&self.doc.session.sidecar_path, &s.path)));
                    }
                    if ui.small_button("Replace…").clicked() {
                        actions.push(Action::AttachSnapshot(self.annotation, e.id));
                    }
                    if ui.small_button("Remove").on_hover_text("Forget the snapshot (the file is not deleted)").clicked() {
                        e.snapshot = None;
                        changed = true;
                    }
                }
                _ => {
                    ui.label(RichText::new("none").color(theme::weak(ui.visuals())));
                    if ui.small_button("Attach file…").on_hover_text("A saved copy of the page or PDF; its SHA-256 is recorded and checked each time the document is opened").clicked() {
                        actions.push(Action::AttachSnapshot(self.annotation, e.id));
                    }
                }
            }
        });
        changed
    }
}

/// A web address under its name, with an Open button when it is one; says what is wrong
/// otherwise.
fn address_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let valid = is_web_url(value);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(label)
                .small()
                .color(theme::weak(ui.visuals())),
        );
        let open = ui
            .add_enabled(valid, egui::Button::new("Open").small())
            .on_hover_text("Open it in the browser");
        if open.clicked() {
            actions.push(Action::OpenUrl(value.trim().to_owned()));
        }
    });
    let edit = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(value.as_str());
    if !value.trim().is_empty() && !is_web_url(value) {
        ui.label(
            RichText::new("An address starts with https:// or http://")
                .small()
                .color(theme::warning(ui.visuals())),
        );
    }
    edit
}

/// A line of text under its name.
fn text_field(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    ui.label(
        RichText::new(label)
            .small()
            .color(theme::weak(ui.visuals())),
    );
    ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
        .changed()
}
