//! The inspector: the selected annotation's tag, typed attributes, note, author, times, review
//! and anchoring status, all editable through commands. The speaker and claimant fields offer
//! the names already used; the identifier field says what it expects.

use chrono::{Local, SubsecRound as _, Utc};
use egui::{RichText, Ui};

use super::actions::Action;
use super::{labels, theme};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{
    Annotation, AnnotationId, DateValue, EntityKind, Review, ReviewStatus, Tag, TagKind, Verdict,
};
use crate::core::edit::Command;
use crate::core::identifier::{self, Identifier};
use crate::core::names;
use crate::core::text::one_line;
use crate::workspace::Intent;
use crate::workspace::{Document, Folder};

/// At most this many names are offered under the speaker and claimant fields.
const MAX_SUGGESTIONS: usize = 8;

/// Text being typed into the inspector's fields, kept while a field has focus so that the
/// model can be updated on every keystroke without fighting the cursor.
#[derive(Default)]
pub struct Inspector {
    for_id: Option<AnnotationId>,
    for_version: u64,
    note: String,
    person: String,
    date: String,
    identifier: String,
    comment: String,
    focus_note: bool,
    /// Names from the folder's other documents, given by the window.
    folder_names: Vec<String>,
    /// Bumped when `folder_names` changes.
    folder_names_version: u64,
    /// The names offered in the speaker and claimant fields: this document's, then the folder's.
    names: Vec<String>,
    /// What `names` were gathered for.
    names_for: Option<NamesKey>,
    /// The names last offered, and for what typed text and names: matching runs once per
    /// change, not every frame the field is shown.
    offered: Vec<String>,
    offered_for: Option<(String, Option<NamesKey>)>,
    /// The evidence section.
    evidence: super::evidence_panel::EvidenceEditor,
}

/// What the offered names were gathered for: document version, annotation being edited, and
/// the version of the folder's names.
type NamesKey = (u64, AnnotationId, u64);

impl Inspector {
    /// Puts the keyboard focus in the note field in the next frame.
    pub fn focus_note(&mut self) {
        self.focus_note = true;
    }

    /// The names used in a folder's documents (speakers, claimants, person and organization
    /// entities), for [`Inspector::set_folder_names`]. This reads every loaded document: call
    /// it when the folder changes ([`Folder::version`]), not every frame.
    pub fn folder_names(folder: &Folder) -> Vec<String> {
        names::gather(
            folder
                .loaded()
                .filter_map(|(_, doc)| doc.session())
                .flat_map(|s| s.annotations.iter()),
        )
    }

    /// The names used in the folder's other documents, offered in the speaker and claimant
    /// fields after this document's own (see [`Inspector::folder_names`]).
    pub fn set_folder_names(&mut self, names: Vec<String>) {
        if names != self.folder_names {
            self.folder_names = names;
            self.folder_names_version += 1;
        }
    }

    /// The names the speaker and claimant fields offer for what is typed, best first.
    pub fn name_suggestions(&self, typed: &str) -> Vec<&str> {
        let mut found = names::suggest(typed, &self.names);
        found.truncate(MAX_SUGGESTIONS);
        found
    }

    /// Gathers the names of the document, leaving out the annotation being edited (its field
    /// changes the model as it is typed).
    fn refresh_names(&mut self, doc: &Document, editing: AnnotationId) {
        let key = (doc.version, editing, self.folder_names_version);
        if self.names_for == Some(key) {
            return;
        }
        let here = names::gather(doc.session.annotations.iter().filter(|a| a.id != editing));
        self.names = names::combine(here, &self.folder_names);
        self.names_for = Some(key);
    }

    fn refresh(&mut self, a: &Annotation, version: u64, ui: &Ui) {
        let typing = ui.ctx().text_edit_focused();
        if self.for_id == Some(a.id) && (self.for_version == version || typing) {
            return;
        }
        self.for_id = Some(a.id);
        self.for_version = version;
        self.note = a.note.clone();
        self.person = match &a.tag {
            Tag::Claim { claimant, .. } => claimant.clone().unwrap_or_default(),
            Tag::Quote { speaker } => speaker.clone().unwrap_or_default(),
            _ => String::new(),
        };
        self.date = match &a.tag {
            Tag::Date { value } => value.as_ref().map(|d| d.to_string()).unwrap_or_default(),
            _ => String::new(),
        };
        self.identifier = match &a.tag {
            Tag::Entity { identifier, .. } => identifier.clone().unwrap_or_default(),
            _ => String::new(),
        };
        self.comment = a.review.comment.clone().unwrap_or_default();
    }

    /// Draws the inspector for the selected annotation.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        author: &str,
        folder: Option<&Folder>,
        here: Option<usize>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(a) = doc.selected.and_then(|id| doc.session.annotations.get(id)) else {
            self.for_id = None;
            ui.heading("Inspector");
            ui.add_space(8.0);
            ui.label(
                "Select text and press C, Q, D or E to tag it as a claim, quote, date or entity.",
            );
            ui.add_space(4.0);
            ui.label("Click a highlight to inspect it. Press F1 for all shortcuts.");
            document_info_ui(ui, doc);
            return actions;
        };
        // Another annotation's inspector starts at its top.
        let another = self.for_id != Some(a.id);
        self.refresh(a, doc.version, ui);
        if matches!(a.tag, Tag::Claim { .. } | Tag::Quote { .. }) {
            self.refresh_names(doc, a.id);
        }
        let id = a.id;
        let kind = a.tag.kind();
        let mut area = egui::ScrollArea::vertical()
            .id_salt("inspector")
            .auto_shrink([false, true]);
        if another {
            area = area.vertical_scroll_offset(0.0);
        }
        area
            .show(ui, |ui| {
                // Nothing in it may widen the panel over the text.
                ui.set_max_width(ui.available_width());
                ui.horizontal(|ui| {
                    let (r, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(r, 2.0, theme::tag_strong(kind, ui.visuals()));
                    ui.heading(labels::tag_label(kind));
                });
                // A quotation that brings its own marks is not wrapped in more. Shown on one
                // line: a paragraph break as ` ¶ `, a table's cell gap as ` ¦ `, other white
                // space as a space (a break laid out in a right-to-left label would glue the
                // words around it).
                let exact = clip(&one_paragraph(&a.exact), 300);
                let marked = exact.starts_with(['“', '"', '«', '„', '‘']);
                let quote = if marked {
                    exact.to_string()
                } else {
                    format!("“{exact}”")
                };
                if crate::core::bidi::needs_bidi(&quote) {
                    // Right-to-left text, laid out by the bidirectional algorithm.
                    let format = egui::TextFormat {
                        font_id: egui::TextStyle::Body.resolve(ui.style()),
                        color: ui.visuals().text_color(),
                        italics: true,
                        ..Default::default()
                    };
                    super::bidi_text::label(ui, &quote, format);
                } else {
                    ui.label(RichText::new(quote).italics());
                }
                let status = doc.status(id);
                // A moved annotation already sits at its new place.
                let place = if matches!(status, AnchorStatus::Exact | AnchorStatus::Moved) {
                    format!("chars {}–{}", a.start, a.end)
                } else {
                    format!("was at chars {}–{} before the text changed", a.start, a.end)
                };
                ui.label(
                    RichText::new(place)
                        .small()
                        .color(theme::weak(ui.visuals())),
                );
                if status != AnchorStatus::Exact {
                    ui.label(
                        RichText::new(format!(
                            "{}: {}",
                            labels::status_label(status),
                            status_help(status)
                        ))
                        .color(theme::warning(ui.visuals())),
                    );
                    // Where its text is now, when it was found: one click takes it.
                    if let Some(r) = doc
                        .pending
                        .iter()
                        .find(|(p, _, _)| *p == id)
                        .map(|&(_, a, b)| (a, b))
                    {
                        let now = doc.session.text.slice(r.0..r.1);
                        // The words that changed when the text is long.
                        let was = doc.session.annotations.get(id).map_or("", |a| a.exact.as_str());
                        let (_, shown) = crate::core::worddiff::change_summary(was, now, 40);
                        // What accepting does beside moving it: a date's value read again, a
                        // rated claim marked for re-check.
                        if let Some(a) = doc.session.annotations.get(id) {
                            super::reanchor_review::follow_ups_ui(ui, a, now);
                        }
                        let accept = ui
                            .button(format!(
                                "Accept the text as it is now: {}",
                                super::links_panel::quoted(&one_line(&shown, 60))
                            ))
                            .on_hover_text("Moves the annotation onto the text outlined in the document (Ctrl+Z undoes it)");
                        if accept.clicked()
                            && let Some(a) = doc.session.annotations.get(id)
                        {
                            // As the review does: a rated claim is marked for re-check.
                            let now = chrono::Utc::now().trunc_subsecs(0);
                            actions.push(Action::Do(Intent::Edit(
                                crate::core::corrections::accept_command(
                                    a,
                                    &doc.session.text,
                                    r.0,
                                    r.1,
                                    now,
                                ),
                            )));
                        }
                    }
                    if let Some(sel) = doc.selection.filter(|s| !s.is_empty())
                        && ui.button("Re-attach to the selected text").clicked()
                    {
                        actions.push(Action::Do(Intent::Edit(Command::SetSpan {
                            id,
                            start: sel.start(),
                            end: sel.end(),
                        })));
                    }
                }
                history_ui(ui, doc, id);
                ui.separator();

                egui::Grid::new("inspector-grid")
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        ui.label("Tag");
                        let mut new_kind = kind;
                        let choices = super::choice::labelled(TagKind::ALL, labels::tag_label);
                        super::choice::choose_ui(
                            ui,
                            egui::ComboBox::from_id_salt("tag").selected_text(labels::tag_label(kind)),
                            &mut new_kind,
                            &choices,
                        );
                        if new_kind != kind {
                            actions.push(Action::Do(Intent::Edit(Command::SetTag(
                                id,
                                a.retagged(new_kind),
                            ))));
                        }
                        ui.end_row();
                        self.attributes_ui(ui, doc, a, &mut actions);
                    });

                ui.add_space(6.0);
                ui.label("Note");
                let note = ui.add(
                    egui::TextEdit::multiline(&mut self.note)
                        .desired_rows(5)
                        .desired_width(f32::INFINITY)
                        .hint_text("Why this matters, sources, what to check…"),
                );
                if self.focus_note {
                    note.request_focus();
                    self.focus_note = false;
                    // N writes on at the note's end, not where the caret was left in another
                    // annotation's note.
                    caret_at_end(ui.ctx(), note.id, &self.note);
                }
                if note.changed() {
                    actions.push(Action::Do(Intent::EditTyping(Command::SetNote(
                        id,
                        self.note.clone(),
                    ))));
                }

                ui.add_space(6.0);
                super::claims_panel::also_ui(ui, folder, here, a, &mut actions);
                super::links_panel::links_ui(ui, doc, a, &mut actions);
                if matches!(a.tag, Tag::Claim { .. } | Tag::Quote { .. }) || !a.evidence.is_empty()
                {
                    self.evidence.ui(ui, doc, a, &mut actions);
                }
                ui.separator();
                self.review_ui(ui, a, author, &mut actions);
                ui.separator();
                let weak = theme::weak(ui.visuals());
                ui.label(RichText::new(format!("Author: {}", a.author)).color(weak));
                ui.label(RichText::new(format!("Created: {}", local(a.created))).color(weak));
                ui.label(RichText::new(format!("Modified: {}", local(a.modified))).color(weak));
                ui.add_space(8.0);
                if ui
                    .add(egui::Button::new("Delete annotation").shortcut_text("Del"))
                    .clicked()
                {
                    actions.push(Action::Do(Intent::Delete(id)));
                }
            });
        actions
    }

    fn attributes_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        a: &Annotation,
        actions: &mut Vec<Action>,
    ) {
        let id = a.id;
        // A speaker or claimant given by a link to an entity shows that entity; the link
        // decides, so the name is not typed here.
        let linked = crate::core::link::attributed_entity(doc.session.annotations.iter(), a);
        match &a.tag {
            Tag::Claim { verdict, claimant } => {
                ui.label("Verdict");
                let mut v = *verdict;
                let choices = super::choice::labelled(Verdict::ALL, labels::verdict_label);
                super::choice::choose_ui(
                    ui,
                    egui::ComboBox::from_id_salt("verdict").selected_text(labels::verdict_label(v)),
                    &mut v,
                    &choices,
                );
                if v != *verdict {
                    actions.push(Action::Do(Intent::Edit(Command::SetTag(
                        id,
                        Tag::Claim {
                            verdict: v,
                            claimant: claimant.clone(),
                        },
                    ))));
                }
                ui.end_row();
                if let Some(e) = linked {
                    linked_person_ui(ui, "Claimant", e, actions);
                } else if self.person_ui(ui, "Claimant", "who said it") {
                    actions.push(Action::Do(Intent::EditTyping(Command::SetTag(
                        id,
                        Tag::Claim {
                            verdict: *verdict,
                            claimant: non_empty(&self.person),
                        },
                    ))));
                }
                ui.end_row();
            }
            Tag::Quote { .. } => {
                if let Some(e) = linked {
                    linked_person_ui(ui, "Speaker", e, actions);
                } else if self.person_ui(ui, "Speaker", "who is quoted") {
                    actions.push(Action::Do(Intent::EditTyping(Command::SetTag(
                        id,
                        Tag::Quote {
                            speaker: non_empty(&self.person),
                        },
                    ))));
                }
                ui.end_row();
            }
            Tag::Date { .. } => {
                ui.label("Value");
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut self.date)
                        .hint_text("YYYY, YYYY-MM or YYYY-MM-DD"),
                );
                let parsed = if self.date.trim().is_empty() {
                    Ok(None)
                } else {
                    DateValue::parse(self.date.trim()).map(Some)
                };
                if edit.changed()
                    && let Ok(value) = &parsed
                {
                    actions.push(Action::Do(Intent::EditTyping(Command::SetTag(
                        id,
                        Tag::Date {
                            value: value.clone(),
                        },
                    ))));
                }
                ui.end_row();
                if let Err(e) = parsed {
                    ui.label("");
                    ui.label(
                        RichText::new(e.to_string())
                            .small()
                            .color(theme::error(ui.visuals())),
                    );
                    ui.end_row();
                }
            }
            Tag::Entity { kind, identifier } => {
                ui.label("Kind");
                let mut k = *kind;
                let choices = super::choice::labelled(EntityKind::ALL, labels::kind_label);
                super::choice::choose_ui(
                    ui,
                    egui::ComboBox::from_id_salt("entity-kind")
                        .selected_text(labels::kind_label(k)),
                    &mut k,
                    &choices,
                );
                if k != *kind {
                    actions.push(Action::Do(Intent::Edit(Command::SetTag(
                        id,
                        Tag::Entity {
                            kind: k,
                            identifier: identifier.clone(),
                        },
                    ))));
                }
                ui.end_row();
                let label = ui.label("Identifier");
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.identifier)
                            .hint_text("Q42 or https://…"),
                    )
                    .labelled_by(label.id);
                // A valid identifier is stored in its one form (a Wikidata item as `Q42`);
                // anything else is kept as typed, under a hint saying what is expected.
                let typed = self.identifier.trim();
                let parsed = identifier::parse(typed);
                if edit.changed() {
                    let value = match &parsed {
                        Ok(valid) => Some(valid.as_str().to_owned()),
                        Err(_) => non_empty(typed),
                    };
                    actions.push(Action::Do(Intent::EditTyping(Command::SetTag(
                        id,
                        Tag::Entity {
                            kind: *kind,
                            identifier: value,
                        },
                    ))));
                }
                ui.end_row();
                identifier_hint_ui(ui, typed, &parsed);
            }
        }
    }

    /// The speaker or claimant field, offering names as the person types: ↓/↑ and Enter or a
    /// click fill the field, Esc closes the list and keeps the field. Whether the text changed.
    fn person_ui(&mut self, ui: &mut Ui, label: &str, hint: &str) -> bool {
        let label = ui.label(label);
        let id = egui::Id::unique("inspector-person");
        let focused = ui.memory(|m| m.has_focus(id));
        let (names, names_for) = (&self.names, self.names_for);
        let (offered, offered_for) = (&mut self.offered, &mut self.offered_for);
        let out = egui::CompletionPopup::new(id)
            // The whole field is the name being looked up, spaces included.
            .word_boundary(|_| false)
            .align(egui::RectAlign::BOTTOM_START)
            .max_height(220.0)
            .show(
                ui,
                egui::TextEdit::singleline(&mut self.person)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
                |query| {
                    if !focused {
                        return Vec::new();
                    }
                    let key = (query.text.to_owned(), names_for);
                    if offered_for.as_ref() != Some(&key) {
                        let mut found = names::suggest(query.text, names);
                        found.truncate(MAX_SUGGESTIONS);
                        *offered = found.into_iter().map(str::to_owned).collect();
                        *offered_for = Some(key);
                    }
                    offered.iter().map(egui::Suggestion::new).collect()
                },
            );
        let response = out.text_edit.response.response.labelled_by(label.id);
        if let Some(chosen) = out.accepted {
            // The chosen name replaces all that was typed, with the cursor after it.
            self.person = chosen.insert;
            caret_at_end(ui.ctx(), id, &self.person);
            return true;
        }
        response.changed()
    }

    fn review_ui(&mut self, ui: &mut Ui, a: &Annotation, author: &str, actions: &mut Vec<Action>) {
        let id = a.id;
        let mut status = a.review.status;
        ui.horizontal(|ui| {
            ui.label("Review");
            let choices = super::choice::labelled(ReviewStatus::ALL, labels::review_label);
            super::choice::choose_ui(
                ui,
                egui::ComboBox::from_id_salt("review").selected_text(labels::review_label(status)),
                &mut status,
                &choices,
            );
        });
        let now = Utc::now().trunc_subsecs(0);
        if crate::core::corrections::needs_recheck(a) {
            ui.label(
                RichText::new(
                    "Its text changed since it was rated: pick its verdict again, or keep it.",
                )
                .color(theme::warning(ui.visuals())),
            );
            if ui
                .button("Keep the verdict (checked again)")
                .on_hover_text("The verdict still holds for the new text: review set to accepted")
                .clicked()
            {
                status = ReviewStatus::Accepted;
            }
        }
        if status != a.review.status {
            actions.push(Action::Do(Intent::Edit(Command::SetReview(
                id,
                Review {
                    status,
                    by: Some(author.to_owned()),
                    at: Some(now),
                    comment: a.review.comment.clone(),
                },
            ))));
        }
        if let (Some(by), Some(at)) = (&a.review.by, a.review.at) {
            ui.label(
                RichText::new(format!("by {by}, {}", local(at)))
                    .small()
                    .color(theme::weak(ui.visuals())),
            );
        }
        if ui
            .add(
                egui::TextEdit::multiline(&mut self.comment)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("review comment"),
            )
            .changed()
        {
            actions.push(Action::Do(Intent::EditTyping(Command::SetReview(
                id,
                Review {
                    status: a.review.status,
                    by: Some(author.to_owned()),
                    at: Some(now),
                    comment: non_empty(&self.comment),
                },
            ))));
        }
    }
}

/// A speaker or claimant given by a link: the entity's text, a click away.
fn linked_person_ui(ui: &mut Ui, label: &str, entity: &Annotation, actions: &mut Vec<Action>) {
    ui.label(label);
    let shown = ui
        .add(
            egui::Label::new(
                RichText::new(one_line(&entity.exact, 40)).color(ui.visuals().hyperlink_color),
            )
            .sense(egui::Sense::click()),
        )
        .on_hover_text("Given by its link to this entity: click to show it. Remove the link under Links to type another name.");
    if shown.clicked() {
        actions.push(Action::Do(Intent::SelectAnnotation {
            id: Some(entity.id),
            reveal: true,
        }));
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

fn local(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// `s` on one line: each paragraph break as ` ¶ `, other runs of white space as a space.
fn one_paragraph(s: &str) -> String {
    // (A table's cells keep a visible mark between them: a space alone made `-4.3⇥12.0`
    // look like one figure, `12.0 -4.3`, in a right-to-left row.)
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    s.split("\n\n")
        .map(|p| {
            p.split('\t')
                .map(words)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ¦ ")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ¶ ")
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max).chain(['…']).collect()
    }
}

fn status_help(s: AnchorStatus) -> &'static str {
    match s {
        AnchorStatus::Exact => "on its text",
        AnchorStatus::Moved => "found at a new place",
        AnchorStatus::Changed => "its text was replaced in place (a correction)",
        AnchorStatus::Fuzzy => "only similar text was found",
        AnchorStatus::Ambiguous => "the text occurs at several places",
        AnchorStatus::Orphaned => "the text is no longer in the document",
    }
}

/// Under the identifier field: what a value that is not an identifier should look like, or,
/// when a Wikidata item was written another way, the form it is stored in.
fn identifier_hint_ui(
    ui: &mut Ui,
    typed: &str,
    parsed: &Result<Identifier, identifier::IdentifierError>,
) {
    let text = match parsed {
        Err(identifier::IdentifierError::Empty) => return,
        // As large as the field's text: it says what to write instead.
        Err(e) => RichText::new(e.to_string()).color(theme::warning(ui.visuals())),
        Ok(valid @ Identifier::Wikidata(q)) if q != typed => {
            RichText::new(format!("Saved as {valid}, the Wikidata item’s id"))
                .small()
                .color(theme::weak(ui.visuals()))
        }
        Ok(_) => return,
    };
    ui.label("");
    ui.add(egui::Label::new(text).wrap());
    ui.end_row();
}

/// What is known about the document: its kind and, for web pages, title, byline, date and URL.
fn document_info_ui(ui: &mut Ui, doc: &Document) {
    use crate::core::source::DocumentKind;
    ui.add_space(16.0);
    ui.separator();
    ui.set_max_width(ui.available_width());
    ui.label(RichText::new("Document").strong());
    let weak = theme::weak(ui.visuals());
    let kind = match doc.session.kind {
        DocumentKind::Text => "Plain text",
        DocumentKind::Markdown => "Markdown (shown styled; offsets count the source as written)",
        DocumentKind::Html => {
            "Web page: the article text extracted from the HTML (the file is never changed)"
        }
        DocumentKind::Pdf => {
            "PDF: the text of its pages in reading order (the file is never changed)"
        }
    };
    ui.label(RichText::new(kind).color(weak));
    if let Some(m) = doc.session.metadata() {
        // Each name over its value, wrapped to the inspector's width: a long title or address
        // never widens the panel over the text.
        for (name, value) in [
            ("Title", &m.title),
            ("By", &m.byline),
            ("Published", &m.published),
        ] {
            if let Some(v) = value {
                ui.label(RichText::new(name).small().color(weak));
                // (A right-to-left title is laid out by the bidirectional algorithm.)
                let format = egui::TextFormat {
                    font_id: egui::TextStyle::Body.resolve(ui.style()),
                    color: ui.visuals().text_color(),
                    ..Default::default()
                };
                super::bidi_text::label(ui, v, format);
            }
        }
        if let Some(url) = &m.url {
            ui.label(RichText::new("URL").small().color(weak));
            let link = ui
                .add(
                    egui::Label::new(
                        RichText::new(url.as_str()).color(ui.visuals().hyperlink_color),
                    )
                    .truncate()
                    .sense(egui::Sense::click()),
                )
                .on_hover_text(format!("Open {url}"));
            if link.clicked() {
                ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            }
        }
    }
}

/// The annotation's corrections, newest first (a few): what changed in which version of the
/// text, and what was done about it. Nothing when its text never changed.
fn history_ui(ui: &mut Ui, doc: &Document, id: AnnotationId) {
    let log = &doc.session.corrections;
    let records: Vec<_> = log.of(id).collect();
    if records.is_empty() {
        return;
    }
    let weak = theme::weak(ui.visuals());
    egui::CollapsingHeader::new(format!("History ({})", records.len()))
        .id_salt("inspector-history")
        .default_open(true)
        .show(ui, |ui| {
            for c in records.iter().rev().take(4) {
                let version = log
                    .version_of(c)
                    .map_or_else(String::new, |v| format!("v{v}, "));
                let (old, new) = match &c.new {
                    Some(new) => {
                        let (o, n) = crate::core::worddiff::changed_words(&c.old, new);
                        (o, Some(n))
                    }
                    None => (c.old.clone(), None),
                };
                let what = match new {
                    Some(new) => format!("“{}” → “{}”", one_line(&old, 40), one_line(&new, 40)),
                    None => format!("“{}” {}", one_line(&old, 40), c.status.as_str()),
                };
                ui.label(RichText::new(what).small());
                let mut done = format!(
                    "{version}noticed {}: {}",
                    c.noticed.format("%Y-%m-%d"),
                    c.action.as_str()
                );
                if let Some(d) = &c.date {
                    let show = |v: &Option<crate::core::annotation::DateValue>| {
                        v.as_ref()
                            .map_or_else(|| "none".to_owned(), |d| d.to_string())
                    };
                    done.push_str(&format!("; date {} → {}", show(&d.from), show(&d.to)));
                }
                let now = doc.session.annotations.get(id);
                if let Some(note) = crate::core::corrections::recheck_note(c, now) {
                    done.push_str(&format!("; {note}"));
                }
                ui.label(RichText::new(done).small().color(weak));
            }
        });
}

/// Puts the caret of the text field `id` after the last char of its `text`.
fn caret_at_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, id);
}

#[cfg(test)]
mod tests {
    use super::one_paragraph;

    #[test]
    fn a_quote_across_paragraphs_is_shown_on_one_line_with_its_breaks_marked() {
        assert_eq!(
            one_paragraph("جميع المستندات\n\nاللازمة لتلبية\tالاستشارة"),
            "جميع المستندات ¶ اللازمة لتلبية ¦ الاستشارة"
        );
        assert_eq!(one_paragraph("one line"), "one line");
        // A table's row: its cells apart.
        assert_eq!(
            one_paragraph("תעשייה\t-4.3\t12.0\n\tבינוי\t3.4"),
            "תעשייה ¦ -4.3 ¦ 12.0 ¦ בינוי ¦ 3.4"
        );
    }
}
