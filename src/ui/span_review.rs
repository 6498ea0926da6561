//! Span review across a corpus: every tagged span with a little context on each side
//! (keyword in context), filters and sorting, and fast keyboard review — `A` accept, `R` reject,
//! `W` needs work, `U` unreviewed, `C` comment, `J`/`K` next/previous, `Enter` opens the span.
//! Under the table, the selected span's whole text, note and review comment, wrapped.

use egui::{Align2, FontId, Key, RichText, Sense, Ui, vec2};

use super::actions::Action;
use super::commands::{Cmd, Scope, pressed};
use super::{annotation_card, labels, theme};
use crate::core::annotation::{Annotation, AnnotationId, ReviewStatus, Tag, TagKind, Verdict};
use crate::core::text::one_line;
use crate::workspace::Folder;
use crate::workspace::Intent;

const ROW_HEIGHT: f32 = 26.0;
const CONTEXT_CHARS: usize = 48;
/// The share of the view's height the selected span's details may take, and its bounds.
const DETAIL_SHARE: f32 = 0.3;
const DETAIL_MIN: f32 = 90.0;
const DETAIL_MAX: f32 = 260.0;

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum SortBy {
    #[default]
    Document,
    Tag,
    Review,
    Author,
}

/// The span review table's state.
#[derive(Default)]
pub struct SpanReview {
    tag: Option<TagKind>,
    review: Option<ReviewStatus>,
    verdict: Option<Verdict>,
    author: String,
    text: String,
    sort: SortBy,
    rows: Vec<(usize, usize)>,
    rows_for: Option<(u64, String)>,
    selected: Option<(usize, AnnotationId)>,
    selected_row: usize,
    comment: String,
    comment_for: Option<(usize, AnnotationId)>,
    focus_comment: bool,
    scroll_to_selected: bool,
}

impl SpanReview {
    /// The rows shown: (document index, annotation index), in order.
    pub fn rows(&self) -> &[(usize, usize)] {
        &self.rows
    }

    /// The selected span.
    pub fn selected(&self) -> Option<(usize, AnnotationId)> {
        self.selected
    }

    /// Shows only this tag (used by tests and the stats view).
    pub fn only_tag(&mut self, tag: Option<TagKind>) {
        self.tag = tag;
    }

    fn refilter(&mut self, corpus: &Folder) {
        let key = format!(
            "{:?}{:?}{:?}{:?}\u{0}{}\u{0}{}",
            self.tag, self.review, self.verdict, self.sort, self.author, self.text
        );
        if self.rows_for.as_ref() == Some(&(corpus.version(), key.clone())) {
            return;
        }
        let author = self.author.to_lowercase();
        let text = self.text.to_lowercase();
        let mut rows: Vec<(usize, usize)> = Vec::new();
        for (d, doc) in corpus.loaded() {
            let Some(s) = doc.session() else { continue };
            for (k, a) in s.annotations.iter().enumerate() {
                let keep = self.tag.is_none_or(|t| a.tag.kind() == t)
                    && self.review.is_none_or(|r| a.review.status == r)
                    && self.verdict.is_none_or(
                        |v| matches!(a.tag, Tag::Claim { verdict, .. } if verdict == v),
                    )
                    && (author.is_empty() || a.author.to_lowercase().contains(&author))
                    && (text.is_empty()
                        || a.exact.to_lowercase().contains(&text)
                        || a.note.to_lowercase().contains(&text));
                if keep {
                    rows.push((d, k));
                }
            }
        }
        let ann = |&(d, k): &(usize, usize)| -> Option<&Annotation> {
            corpus
                .docs
                .get(d)?
                .as_ref()?
                .session()?
                .annotations
                .as_slice()
                .get(k)
        };
        match self.sort {
            SortBy::Document => {}
            SortBy::Tag => rows.sort_by_key(|r| ann(r).map(|a| a.tag.kind())),
            SortBy::Review => rows.sort_by_key(|r| ann(r).map(|a| a.review.status)),
            SortBy::Author => rows.sort_by_key(|r| ann(r).map(|a| a.author.to_lowercase())),
        }
        self.rows = rows;
        self.rows_for = Some((corpus.version(), key));
        // Keep the selection on the same span if it is still shown, else at the same row; start
        // on the first row, so the review keys work at once.
        if self.selected.is_none() {
            self.select_row(corpus, 0);
        } else if let Some((d, id)) = self.selected {
            match self
                .rows
                .iter()
                .position(|r| ann(r).is_some_and(|a| a.id == id) && r.0 == d)
            {
                Some(i) => self.selected_row = i,
                None => self.select_row(corpus, self.selected_row),
            }
        }
    }

    fn select_row(&mut self, corpus: &Folder, row: usize) {
        if self.rows.is_empty() {
            self.selected = None;
            return;
        }
        let row = row.min(self.rows.len() - 1);
        self.selected_row = row;
        let (d, k) = self.rows[row];
        self.selected = annotation(corpus, d, k).map(|a| (d, a.id));
        self.scroll_to_selected = true;
    }

    /// Draws the table and reads the review keys.
    pub fn ui(&mut self, ui: &mut Ui, corpus: &Folder) -> Vec<Action> {
        let mut actions = Vec::new();
        // A key pressed in a field is for the field, also the Enter that leaves it (which
        // would otherwise open the span as well).
        let typing_at_start = ui.ctx().text_edit_focused();
        self.refilter(corpus);
        let visuals = ui.visuals().clone();
        self.filters_ui(ui);
        self.refilter(corpus);
        ui.label(
            RichText::new(format!(
                "{} spans. Keys: A accept, R reject, W needs work, U unreviewed (then next), C comment, J/K next/previous, Enter open, Ctrl+Z undo.",
                self.rows.len()
            ))
            .small()
            .color(theme::weak(&visuals)),
        );
        self.comment_ui(ui, corpus, &mut actions);
        ui.separator();
        if !typing_at_start && !ui.ctx().text_edit_focused() {
            self.keys(ui, corpus, &mut actions);
        }

        let mut area = egui::ScrollArea::vertical()
            .id_salt("span-review")
            .auto_shrink(false);
        if std::mem::take(&mut self.scroll_to_selected) && self.selected.is_some() {
            let h = ui.available_height();
            area = area
                .vertical_scroll_offset((self.selected_row as f32 * ROW_HEIGHT - h / 2.0).max(0.0));
        }
        let width = ui.available_width();
        let cols = Columns::new(width);
        let (header, _) = ui.allocate_exact_size(vec2(width, 18.0), Sense::hover());
        // Room under the table for the selected span in full.
        let detail_height = if self.selected.is_some() {
            (ui.available_height() * DETAIL_SHARE).clamp(DETAIL_MIN, DETAIL_MAX)
        } else {
            0.0
        };
        area = area.max_height((ui.available_height() - detail_height).max(ROW_HEIGHT * 2.0));
        for (x, w, title, align) in [
            (cols.tag, 70.0, "Tag", Align2::LEFT_CENTER),
            (cols.left, cols.ctx_w, "before", Align2::RIGHT_CENTER),
            (cols.exact, cols.exact_w, "Span", Align2::LEFT_CENTER),
            (cols.right, cols.ctx_w, "after", Align2::LEFT_CENTER),
            (cols.detail, 120.0, "Verdict / value", Align2::LEFT_CENTER),
            (cols.note, cols.note_w, "Note", Align2::LEFT_CENTER),
            (cols.author, 80.0, "Author", Align2::LEFT_CENTER),
            (cols.review, 96.0, "Review", Align2::LEFT_CENTER),
            (cols.doc, cols.doc_w, "Document", Align2::LEFT_CENTER),
        ] {
            let at = match align {
                Align2::RIGHT_CENTER => egui::pos2(header.min.x + x + w - 6.0, header.center().y),
                _ => egui::pos2(header.min.x + x, header.center().y),
            };
            ui.painter().text(
                at,
                align,
                title,
                FontId::proportional(12.0),
                theme::weak(&visuals),
            );
        }
        area.show_rows(ui, ROW_HEIGHT, self.rows.len(), |ui, range| {
            for row in range {
                let (d, k) = self.rows[row];
                let Some(doc) = corpus.docs.get(d).and_then(|x| x.as_ref()) else {
                    continue;
                };
                let Some(session) = doc.session() else {
                    continue;
                };
                let Some(a) = session.annotations.as_slice().get(k) else {
                    continue;
                };
                let (rect, resp) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::click());
                let is_selected = self.selected == Some((d, a.id));
                if is_selected {
                    ui.painter().rect_filled(
                        rect,
                        2.0,
                        visuals.selection.bg_fill.gamma_multiply(0.6),
                    );
                } else if resp.hovered() {
                    ui.painter().rect_filled(rect, 2.0, visuals.faint_bg_color);
                }
                let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
                let y = rect.center().y;
                let font = FontId::proportional(14.0);
                let kind = a.tag.kind();
                let weak = theme::weak(&visuals);
                let text_color = visuals.text_color();
                let cell = |x: f32, w: f32, s: String, color, align: Align2| {
                    let clip = egui::Rect::from_min_max(
                        egui::pos2(rect.min.x + x, rect.min.y),
                        egui::pos2(rect.min.x + x + w - 6.0, rect.max.y),
                    );
                    let at = match align {
                        Align2::RIGHT_CENTER => egui::pos2(clip.max.x, y),
                        _ => egui::pos2(clip.min.x, y),
                    };
                    let painter = painter.with_clip_rect(clip.intersect(rect));
                    if crate::core::bidi::needs_bidi(&s) {
                        // Right-to-left text, laid out by the bidirectional algorithm.
                        let format = egui::TextFormat::simple(font.clone(), color);
                        super::bidi_text::paint_line(ui, &painter, &s, format, at, align);
                    } else {
                        painter.text(at, align, s, font.clone(), color);
                    }
                };
                painter.rect_filled(
                    egui::Rect::from_min_size(
                        rect.min + vec2(2.0, 5.0),
                        vec2(4.0, ROW_HEIGHT - 10.0),
                    ),
                    1.0,
                    theme::tag_strong(kind, &visuals),
                );
                cell(
                    cols.tag,
                    70.0,
                    labels::tag_label(kind).to_owned(),
                    theme::tag_strong(kind, &visuals),
                    Align2::LEFT_CENTER,
                );
                let (left, right) = context(session, a);
                cell(cols.left, cols.ctx_w, left, weak, Align2::RIGHT_CENTER);
                cell(
                    cols.exact,
                    cols.exact_w,
                    one_line(&a.exact, 200),
                    text_color,
                    Align2::LEFT_CENTER,
                );
                cell(cols.right, cols.ctx_w, right, weak, Align2::LEFT_CENTER);
                cell(
                    cols.detail,
                    120.0,
                    annotation_card::detail(a).unwrap_or_default(),
                    text_color,
                    Align2::LEFT_CENTER,
                );
                cell(
                    cols.note,
                    cols.note_w,
                    one_line(&a.note, 200),
                    weak,
                    Align2::LEFT_CENTER,
                );
                cell(
                    cols.author,
                    80.0,
                    a.author.clone(),
                    weak,
                    Align2::LEFT_CENTER,
                );
                let review_color = match a.review.status {
                    ReviewStatus::Accepted => egui::Color32::from_rgb(0x2E, 0xA0, 0x43),
                    ReviewStatus::Rejected => theme::error(&visuals),
                    ReviewStatus::NeedsWork => theme::warning(&visuals),
                    ReviewStatus::Unreviewed => weak,
                };
                cell(
                    cols.review,
                    96.0,
                    labels::review_label(a.review.status).to_owned(),
                    review_color,
                    Align2::LEFT_CENTER,
                );
                cell(
                    cols.doc,
                    cols.doc_w,
                    doc.name.clone(),
                    weak,
                    Align2::LEFT_CENTER,
                );
                if resp.clicked() {
                    self.selected = Some((d, a.id));
                    self.selected_row = row;
                }
                if resp.double_clicked() {
                    actions.push(Action::OpenSpan(d, a.id));
                }
            }
        });
        if detail_height > 0.0 {
            ui.separator();
            self.detail_ui(ui, corpus, detail_height);
        }
        actions
    }

    /// The selected span in full: its tag and details, its text in its context, its note and
    /// its review comment, wrapped, scrolling when long.
    fn detail_ui(&self, ui: &mut Ui, corpus: &Folder, height: f32) {
        let Some((d, id)) = self.selected else {
            return;
        };
        let Some(doc) = corpus.docs.get(d).and_then(|x| x.as_ref()) else {
            return;
        };
        let Some(session) = doc.session() else {
            return;
        };
        let Some(a) = session.annotations.get(id) else {
            return;
        };
        let visuals = ui.visuals().clone();
        let weak = theme::weak(&visuals);
        egui::ScrollArea::vertical()
            .id_salt("span-review-detail")
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let kind = a.tag.kind();
                    ui.label(
                        RichText::new(labels::tag_label(kind))
                            .strong()
                            .color(theme::tag_strong(kind, &visuals)),
                    );
                    if let Some(detail) = annotation_card::detail(a) {
                        ui.label(detail);
                    }
                    ui.label(RichText::new(labels::review_label(a.review.status)).color(weak));
                    ui.label(
                        RichText::new(format!(
                            "{} · chars {}–{} · by {}",
                            doc.name, a.start, a.end, a.author
                        ))
                        .color(weak),
                    );
                });
                let (left, right) = context(session, a);
                let mut job = egui::text::LayoutJob::default();
                let body = FontId::proportional(14.0);
                let plain = |color| egui::TextFormat {
                    font_id: body.clone(),
                    color,
                    ..Default::default()
                };
                job.append(&left, 0.0, plain(weak));
                job.append(
                    &a.exact,
                    0.0,
                    egui::TextFormat {
                        background: visuals.selection.bg_fill.gamma_multiply(0.5),
                        ..plain(visuals.strong_text_color())
                    },
                );
                job.append(&right, 0.0, plain(weak));
                ui.add(egui::Label::new(job).wrap());
                for (title, text) in [
                    ("Note", a.note.as_str()),
                    (
                        "Review comment",
                        a.review.comment.as_deref().unwrap_or_default(),
                    ),
                ] {
                    if text.trim().is_empty() {
                        continue;
                    }
                    ui.add_space(4.0);
                    ui.label(RichText::new(title).small().color(weak));
                    ui.add(egui::Label::new(text).wrap());
                }
            });
    }

    fn filters_ui(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            super::choice::filter_ui(
                ui,
                ("review-tag", None),
                &mut self.tag,
                ("Any tag", TagKind::ALL),
                labels::tag_label,
            );
            super::choice::filter_ui(
                ui,
                ("review-status", None),
                &mut self.review,
                ("Any review", ReviewStatus::ALL),
                labels::review_label,
            );
            super::choice::filter_ui(
                ui,
                ("review-verdict", None),
                &mut self.verdict,
                ("Any verdict", Verdict::ALL),
                labels::verdict_label,
            );
            ui.add(
                egui::TextEdit::singleline(&mut self.author)
                    .hint_text("author")
                    .desired_width(90.0),
            );
            ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .hint_text("text or note")
                    .desired_width(160.0),
            );
            ui.label("Sort:");
            ui.selectable_value(&mut self.sort, SortBy::Document, "document");
            ui.selectable_value(&mut self.sort, SortBy::Tag, "tag");
            ui.selectable_value(&mut self.sort, SortBy::Review, "review");
            ui.selectable_value(&mut self.sort, SortBy::Author, "author");
        });
    }

    fn comment_ui(&mut self, ui: &mut Ui, corpus: &Folder, actions: &mut Vec<Action>) {
        let current = self
            .selected
            .and_then(|(d, id)| find(corpus, d, id).map(|a| (d, a)));
        if self.comment_for != self.selected && !ui.ctx().text_edit_focused() {
            self.comment = current
                .and_then(|(_, a)| a.review.comment.clone())
                .unwrap_or_default();
            self.comment_for = self.selected;
        }
        ui.horizontal(|ui| {
            ui.label("Comment");
            let edit = ui.add_enabled(
                current.is_some(),
                egui::TextEdit::singleline(&mut self.comment)
                    .hint_text("review comment for the selected span (Enter keeps it)")
                    .desired_width(420.0),
            );
            if std::mem::take(&mut self.focus_comment) {
                edit.request_focus();
            }
            if edit.lost_focus()
                && ui.input(|i| i.key_pressed(Key::Enter))
                && let Some((d, a)) = current
            {
                actions.push(Action::Do(Intent::Review {
                    doc: d,
                    id: a.id,
                    status: a.review.status,
                    comment: non_empty(&self.comment),
                }));
            }
        });
    }

    fn keys(&mut self, ui: &Ui, corpus: &Folder, actions: &mut Vec<Action>) {
        let mut review = None;
        let mut step = 0i64;
        let mut open = false;
        let mut undo = false;
        for cmd in pressed(ui, Scope::SpanReview) {
            match cmd {
                Cmd::Review(status) => review = Some(status),
                Cmd::NextSpan => step = 1,
                Cmd::PreviousSpan => step = -1,
                Cmd::ReviewComment => self.focus_comment = true,
                Cmd::OpenSpan => open = true,
                Cmd::UndoReview => undo = true,
                _ => {}
            }
        }
        if undo {
            actions.push(Action::Do(Intent::UndoReview));
        }
        if let Some(status) = review
            && let Some((d, id)) = self.selected
        {
            actions.push(Action::Do(Intent::Review {
                doc: d,
                id,
                status,
                comment: non_empty(&self.comment),
            }));
            step = 1;
        }
        if step != 0 {
            let next = match self.selected {
                None => 0,
                Some(_) => (self.selected_row as i64 + step).max(0) as usize,
            };
            self.select_row(corpus, next);
        }
        if open && let Some((d, id)) = self.selected {
            actions.push(Action::OpenSpan(d, id));
        }
    }
}

struct Columns {
    tag: f32,
    left: f32,
    exact: f32,
    right: f32,
    detail: f32,
    note: f32,
    author: f32,
    review: f32,
    doc: f32,
    ctx_w: f32,
    exact_w: f32,
    note_w: f32,
    doc_w: f32,
}

impl Columns {
    fn new(width: f32) -> Self {
        let fixed = 10.0 + 70.0 + 120.0 + 80.0 + 96.0;
        let flexible = (width - fixed).max(400.0);
        let ctx_w = flexible * 0.17;
        let exact_w = flexible * 0.26;
        let note_w = flexible * 0.22;
        let doc_w = flexible * 0.18;
        let tag = 10.0;
        let left = tag + 70.0;
        let exact = left + ctx_w;
        let right = exact + exact_w;
        let detail = right + ctx_w;
        let note = detail + 120.0;
        let author = note + note_w;
        let review = author + 80.0;
        let doc = review + 96.0;
        Self {
            tag,
            left,
            exact,
            right,
            detail,
            note,
            author,
            review,
            doc,
            ctx_w,
            exact_w,
            note_w,
            doc_w,
        }
    }
}

fn annotation(corpus: &Folder, d: usize, k: usize) -> Option<&Annotation> {
    corpus
        .docs
        .get(d)?
        .as_ref()?
        .session()?
        .annotations
        .as_slice()
        .get(k)
}

fn find(corpus: &Folder, d: usize, id: AnnotationId) -> Option<&Annotation> {
    corpus.docs.get(d)?.as_ref()?.session()?.annotations.get(id)
}

/// Up to [`CONTEXT_CHARS`] chars on each side of the span, on one line.
fn context(session: &crate::store::Session, a: &Annotation) -> (String, String) {
    let t = &session.text;
    let n = t.char_count();
    if a.end > n {
        return (one_line(&a.prefix, 200), one_line(&a.suffix, 200));
    }
    let left = t.slice(a.start.saturating_sub(CONTEXT_CHARS)..a.start);
    let right = t.slice(a.end..(a.end + CONTEXT_CHARS).min(n));
    (one_line(left, 200), one_line(right, 200))
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}
