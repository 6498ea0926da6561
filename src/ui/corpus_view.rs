//! The corpus's documents as a sortable table: annotation counts per tag, review progress and
//! anchoring problems; clicking a row opens the document.

use egui::{RichText, Sense, Ui, vec2};

use super::actions::Action;
use super::{labels, theme};
use crate::core::annotation::TagKind;
use crate::workspace::Folder;
use crate::workspace::Intent;

const ROW_HEIGHT: f32 = 24.0;

/// What the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum SortBy {
    #[default]
    Name,
    Tag(usize),
    Total,
    Reviewed,
    Problems,
}

/// The documents table's state.
#[derive(Default)]
pub struct CorpusView {
    sort: SortBy,
    descending: bool,
    order: Vec<usize>,
    order_for: Option<(u64, SortBy, bool)>,
}

impl CorpusView {
    fn resort(&mut self, corpus: &Folder) {
        let key = (corpus.version(), self.sort, self.descending);
        if self.order_for == Some(key) {
            return;
        }
        let mut order: Vec<usize> = corpus.loaded().map(|(i, _)| i).collect();
        let value = |i: usize| -> usize {
            let Some(Some(d)) = corpus.docs.get(i) else {
                return 0;
            };
            match self.sort {
                SortBy::Name => i,
                SortBy::Tag(t) => d.counts()[t],
                SortBy::Total => d.total(),
                SortBy::Reviewed => d.reviewed() * 1000 / d.total().max(1),
                SortBy::Problems => d.problems(),
            }
        };
        order.sort_by_key(|&i| (value(i), i));
        if self.descending {
            order.reverse();
        }
        self.order = order;
        self.order_for = Some(key);
    }

    /// The document `delta` places away from `from` in the table's order.
    pub fn neighbour(&self, from: usize, delta: i32) -> Option<usize> {
        let at = self.order.iter().position(|&i| i == from)? as i64 + i64::from(delta);
        usize::try_from(at)
            .ok()
            .and_then(|at| self.order.get(at).copied())
    }

    /// Draws the table.
    pub fn ui(&mut self, ui: &mut Ui, corpus: &Folder, open: Option<usize>) -> Vec<Action> {
        let mut actions = Vec::new();
        self.resort(corpus);
        let visuals = ui.visuals().clone();
        let total: usize = corpus.loaded().map(|(_, d)| d.total()).sum();
        let reviewed: usize = corpus.loaded().map(|(_, d)| d.reviewed()).sum();
        ui.horizontal(|ui| {
            ui.heading(corpus.name());
            ui.label(format!(
                "{} documents, {total} annotations, {reviewed} reviewed",
                self.order.len()
            ));
        });
        if let Some(e) = &corpus.error {
            ui.label(RichText::new(e).color(theme::error(&visuals)));
        }
        ui.separator();
        let widths = [0.0, 64.0, 64.0, 64.0, 64.0, 64.0, 110.0, 80.0];
        let fixed: f32 = widths.iter().sum();
        let name_w = (ui.available_width() - fixed - 16.0).max(160.0);
        let col_x = |c: usize| -> f32 {
            if c == 0 {
                0.0
            } else {
                name_w + widths[1..c].iter().sum::<f32>()
            }
        };
        // Header.
        let headers: [(&str, SortBy); 8] = [
            ("Document", SortBy::Name),
            (labels::tag_label(TagKind::Claim), SortBy::Tag(0)),
            (labels::tag_label(TagKind::Quote), SortBy::Tag(1)),
            (labels::tag_label(TagKind::Date), SortBy::Tag(2)),
            (labels::tag_label(TagKind::Entity), SortBy::Tag(3)),
            ("All", SortBy::Total),
            ("Reviewed", SortBy::Reviewed),
            ("Problems", SortBy::Problems),
        ];
        let (rect, _) =
            ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::hover());
        for (c, (title, key)) in headers.iter().enumerate() {
            let w = if c == 0 { name_w } else { widths[c] };
            let r = egui::Rect::from_min_size(rect.min + vec2(col_x(c), 0.0), vec2(w, ROW_HEIGHT));
            let arrow = if self.sort == *key {
                if self.descending { " v" } else { " ^" }
            } else {
                ""
            };
            let resp = ui.put(
                r,
                egui::Button::new(RichText::new(format!("{title}{arrow}")).strong()).frame(false),
            );
            if resp.on_hover_text("Sort by this column").clicked() {
                if self.sort == *key {
                    self.descending = !self.descending;
                } else {
                    self.sort = *key;
                    self.descending = !matches!(key, SortBy::Name);
                }
            }
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("corpus-docs")
            .auto_shrink(false)
            .show_rows(ui, ROW_HEIGHT, self.order.len(), |ui, range| {
                for &i in &self.order[range] {
                    let Some(Some(d)) = corpus.docs.get(i) else {
                        continue;
                    };
                    let (rect, resp) = ui.allocate_exact_size(
                        vec2(ui.available_width(), ROW_HEIGHT),
                        Sense::click(),
                    );
                    if open == Some(i) {
                        ui.painter().rect_filled(
                            rect,
                            2.0,
                            visuals.selection.bg_fill.gamma_multiply(0.5),
                        );
                    } else if resp.hovered() {
                        ui.painter().rect_filled(rect, 2.0, visuals.faint_bg_color);
                    }
                    let counts = d.counts();
                    let cells: [(String, Option<egui::Color32>); 8] = [
                        (
                            d.name.clone(),
                            d.doc.as_ref().err().map(|_| theme::error(&visuals)),
                        ),
                        (
                            counts[0].to_string(),
                            Some(theme::tag_strong(TagKind::Claim, &visuals)),
                        ),
                        (
                            counts[1].to_string(),
                            Some(theme::tag_strong(TagKind::Quote, &visuals)),
                        ),
                        (
                            counts[2].to_string(),
                            Some(theme::tag_strong(TagKind::Date, &visuals)),
                        ),
                        (
                            counts[3].to_string(),
                            Some(theme::tag_strong(TagKind::Entity, &visuals)),
                        ),
                        (d.total().to_string(), None),
                        (format!("{} / {}", d.reviewed(), d.total()), None),
                        (
                            if d.problems() > 0 {
                                d.problems().to_string()
                            } else {
                                String::new()
                            },
                            Some(theme::warning(&visuals)),
                        ),
                    ];
                    for (c, (text, color)) in cells.into_iter().enumerate() {
                        let pos = rect.min + vec2(col_x(c) + 4.0, ROW_HEIGHT / 2.0);
                        let color = color.unwrap_or(visuals.text_color());
                        ui.painter().text(
                            pos,
                            egui::Align2::LEFT_CENTER,
                            text,
                            egui::FontId::proportional(14.0),
                            color,
                        );
                    }
                    let resp = match &d.doc {
                        Err(e) => resp.on_hover_text(e.as_str()),
                        Ok(_) => resp.on_hover_text(d.path.display().to_string()),
                    };
                    if resp.clicked() && d.doc.is_ok() {
                        actions.push(Action::Do(Intent::Show(i)));
                    }
                }
            });
        actions
    }
}
