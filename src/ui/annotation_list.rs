//! The annotation list: every annotation in document order with its tag colour, text and note;
//! filters by tag, review and anchoring status; search in quote and note; counts per tag.

use egui::{RichText, Sense, Ui, vec2};

use super::actions::Action;
use super::{labels, theme};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{AnnotationId, ReviewStatus, TagKind};
use crate::core::text::one_line;
use crate::workspace::Document;
use crate::workspace::Intent;

const ROW_HEIGHT: f32 = 44.0;

/// Filters, search and the cached filtered order.
pub struct AnnotationList {
    show_tag: [bool; 4],
    review: Option<ReviewStatus>,
    status: Option<AnchorStatus>,
    search: String,
    /// (document version, filter key) the cache was computed for.
    cache_key: Option<(u64, String)>,
    rows: Vec<AnnotationId>,
    scroll_to_selected: bool,
}

impl Default for AnnotationList {
    fn default() -> Self {
        Self {
            show_tag: [true; 4],
            review: None,
            status: None,
            search: String::new(),
            cache_key: None,
            rows: Vec::new(),
            scroll_to_selected: false,
        }
    }
}

use crate::workspace::tag_index;

impl AnnotationList {
    /// The annotations shown, in order.
    pub fn rows(&self) -> &[AnnotationId] {
        &self.rows
    }

    /// The annotation `delta` rows away from `from` in the shown order (the first or last when
    /// nothing is selected), and asks the list to scroll to it.
    pub fn step(&mut self, from: Option<AnnotationId>, delta: i32) -> Option<AnnotationId> {
        if self.rows.is_empty() {
            return None;
        }
        let last = self.rows.len() as i64 - 1;
        let at = match from.and_then(|id| self.rows.iter().position(|r| *r == id)) {
            Some(i) => (i as i64 + i64::from(delta)).clamp(0, last),
            None if delta >= 0 => 0,
            None => last,
        };
        self.scroll_to_selected = true;
        self.rows.get(at as usize).copied()
    }

    /// Scrolls the list to the selected annotation in the next frame.
    pub fn reveal_selected(&mut self) {
        self.scroll_to_selected = true;
    }

    /// Sets the search text (used by tests and the find bar).
    pub fn set_search(&mut self, s: &str) {
        self.search = s.to_owned();
    }

    /// Shows only this tag (or all tags with `None`).
    pub fn only_tag(&mut self, tag: Option<TagKind>) {
        self.show_tag = [tag.is_none(); 4];
        if let Some(t) = tag {
            self.show_tag[tag_index(t)] = true;
        }
    }

    /// Works out the rows shown for `doc` with the filters (only when something changed); the
    /// list's keys need them even while the list is folded away.
    pub fn refilter(&mut self, doc: &Document) {
        let key = format!(
            "{:?}{:?}{:?}{}",
            self.show_tag, self.review, self.status, self.search
        );
        if self.cache_key.as_ref() == Some(&(doc.version, key.clone())) {
            return;
        }
        let needle = self.search.to_lowercase();
        self.rows = doc
            .session
            .annotations
            .iter()
            .filter(|a| self.show_tag[tag_index(a.tag.kind())])
            .filter(|a| self.review.is_none_or(|r| a.review.status == r))
            .filter(|a| self.status.is_none_or(|s| doc.status(a.id) == s))
            .filter(|a| {
                needle.is_empty()
                    || a.exact.to_lowercase().contains(&needle)
                    || a.note.to_lowercase().contains(&needle)
            })
            .map(|a| a.id)
            .collect();
        self.cache_key = Some((doc.version, key));
    }

    /// Draws the list.
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document) -> Vec<Action> {
        let mut actions = Vec::new();
        let visuals = ui.visuals().clone();
        let counts = doc.tag_counts();
        ui.horizontal(|ui| {
            ui.heading("Annotations");
            ui.label(
                RichText::new(doc.session.annotations.len().to_string())
                    .color(theme::weak(&visuals)),
            );
        });
        ui.horizontal_wrapped(|ui| {
            for k in TagKind::ALL {
                let i = tag_index(*k);
                let text = RichText::new(format!("{} {}", labels::tag_label(*k), counts[i]))
                    .color(theme::tag_strong(*k, &visuals));
                ui.toggle_value(&mut self.show_tag[i], text)
                    .on_hover_text(format!("Show {}s", labels::tag_label(*k).to_lowercase()));
            }
        });
        ui.horizontal(|ui| {
            super::choice::filter_ui(
                ui,
                ("filter-review", Some(110.0)),
                &mut self.review,
                ("Any review", ReviewStatus::ALL),
                labels::review_label,
            );
            super::choice::filter_ui(
                ui,
                ("filter-status", Some(110.0)),
                &mut self.status,
                ("Any anchoring", AnchorStatus::ALL),
                labels::status_label,
            );
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Search quotes and notes")
                .desired_width(f32::INFINITY),
        );
        ui.separator();

        self.refilter(doc);
        if self.rows.is_empty() {
            ui.label(RichText::new("No annotations match.").color(theme::weak(&visuals)));
            return actions;
        }
        let mut area = egui::ScrollArea::vertical()
            .id_salt("annotation-list")
            .auto_shrink(false);
        if std::mem::take(&mut self.scroll_to_selected)
            && let Some(i) = doc
                .selected
                .and_then(|id| self.rows.iter().position(|r| *r == id))
        {
            let h = ui.available_height();
            area = area.vertical_scroll_offset((i as f32 * ROW_HEIGHT - h / 2.0).max(0.0));
        }
        area.show_rows(ui, ROW_HEIGHT, self.rows.len(), |ui, range| {
            for id in &self.rows[range] {
                let Some(a) = doc.session.annotations.get(*id) else {
                    continue;
                };
                let kind = a.tag.kind();
                let selected = doc.selected == Some(*id) || doc.many.contains(id);
                let (rect, response) =
                    ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
                if selected {
                    ui.painter().rect_filled(
                        rect,
                        3.0,
                        visuals.selection.bg_fill.gamma_multiply(0.5),
                    );
                } else if response.hovered() {
                    ui.painter().rect_filled(rect, 3.0, visuals.faint_bg_color);
                }
                ui.painter().rect_filled(
                    egui::Rect::from_min_size(
                        rect.min + vec2(2.0, 6.0),
                        vec2(4.0, ROW_HEIGHT - 12.0),
                    ),
                    1.0,
                    theme::tag_strong(kind, &visuals),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        // Inside the row on both sides: right-aligned (right-to-left) text keeps its
                        // first letter.
                        .max_rect(egui::Rect::from_min_max(
                            rect.min + vec2(12.0, 3.0),
                            rect.max - vec2(4.0, 3.0),
                        ))
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                child.set_clip_rect(rect.intersect(ui.clip_rect()));
                let status = doc.status(*id);
                let excerpt = one_line(&a.exact, 160);
                let color = if status.is_anchored() {
                    visuals.text_color()
                } else {
                    theme::warning(&visuals)
                };
                let format = egui::TextFormat {
                    font_id: egui::TextStyle::Body.resolve(child.style()),
                    color,
                    ..Default::default()
                };
                // Right-to-left text is laid out by the bidirectional algorithm and aligned
                // right. Not selectable: a click anywhere on the row selects the annotation.
                if super::bidi_text::one_line(&mut child, &excerpt, format).is_none() {
                    let first = RichText::new(excerpt).color(color);
                    child.add(egui::Label::new(first).truncate().selectable(false));
                }
                let mut second = labels::tag_label(kind).to_owned();
                if let Some(d) = super::annotation_card::detail(a) {
                    second.push_str(&format!(" · {d}"));
                }
                if status != AnchorStatus::Exact {
                    second.push_str(&format!(" · {}", labels::status_label(status)));
                }
                if crate::core::corrections::needs_recheck(a) {
                    second.push_str(" · Re-check: text changed");
                }
                if !a.evidence.is_empty() {
                    second.push_str(&format!(
                        " · {}",
                        super::wording::plural(a.evidence.len(), "source", "sources")
                    ));
                }
                if !a.note.is_empty() {
                    second.push_str(&format!(" — {}", one_line(&a.note, 160)));
                }
                child.add(
                    egui::Label::new(RichText::new(second).small().color(theme::weak(&visuals)))
                        .truncate()
                        .selectable(false),
                );
                if response.clicked() {
                    let mods = ui.input(|i| i.modifiers);
                    actions.push(Action::Do(self.clicked(doc, *id, mods)));
                }
            }
        });
        actions
    }

    /// What a click on row `id` selects: that annotation; with Ctrl (⌘), it is added to or taken
    /// out of the annotations selected together; with Shift, every row from the selected one to
    /// it.
    fn clicked(&self, doc: &Document, id: AnnotationId, mods: egui::Modifiers) -> Intent {
        let together: Vec<AnnotationId> = if doc.many.is_empty() {
            doc.selected.into_iter().collect()
        } else {
            self.rows
                .iter()
                .filter(|r| doc.many.contains(r))
                .copied()
                .collect()
        };
        if mods.shift
            && let Some(from) = doc
                .selected
                .and_then(|s| self.rows.iter().position(|r| *r == s))
            && let Some(to) = self.rows.iter().position(|r| *r == id)
        {
            let mut range: Vec<AnnotationId> = self.rows[from.min(to)..=from.max(to)].to_vec();
            // The one clicked last stays the selected one.
            range.retain(|r| *r != id);
            range.push(id);
            return Intent::SelectMany(range);
        }
        if mods.command {
            let mut ids = together;
            if let Some(i) = ids.iter().position(|r| *r == id) {
                ids.remove(i);
            } else {
                ids.push(id);
            }
            return Intent::SelectMany(ids);
        }
        Intent::SelectAnnotation {
            id: Some(id),
            reveal: true,
        }
    }

    /// Selects every annotation the list shows (with its filters), together.
    pub fn select_all(&self) -> Intent {
        Intent::SelectMany(self.rows.clone())
    }
}
