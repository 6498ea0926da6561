//! A small dashboard of the corpus: counts per tag, verdict, review status, author and
//! anchoring status, as bar charts.

use std::collections::BTreeMap;

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::{labels, theme};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{ReviewStatus, Tag, TagKind, Verdict};
use crate::workspace::Folder;

/// Counts behind the dashboard.
#[derive(Default)]
struct Counts {
    tags: Vec<(String, usize, Color32)>,
    verdicts: Vec<(String, usize, Color32)>,
    reviews: Vec<(String, usize, Color32)>,
    statuses: Vec<(String, usize, Color32)>,
    authors: Vec<(String, usize, Color32)>,
}

/// The dashboard's cached counts.
#[derive(Default)]
pub struct StatsView {
    counts: Counts,
    counted_for: Option<(u64, bool)>,
}

impl StatsView {
    fn recount(&mut self, corpus: &Folder, ui: &Ui) {
        let dark = ui.visuals().dark_mode;
        if self.counted_for == Some((corpus.version(), dark)) {
            return;
        }
        let v = ui.visuals();
        let accent = v.selection.bg_fill;
        let mut tags = [0usize; 4];
        let mut verdicts = [0usize; 7];
        let mut reviews = [0usize; 4];
        let mut statuses = [0usize; 5];
        let mut authors: BTreeMap<String, usize> = BTreeMap::new();
        for (_, doc) in corpus.loaded() {
            let Ok(d) = &doc.doc else { continue };
            for a in d.session.annotations.iter() {
                tags[crate::workspace::tag_index(a.tag.kind())] += 1;
                if let Tag::Claim { verdict, .. } = a.tag {
                    let i = Verdict::ALL.iter().position(|x| *x == verdict).unwrap_or(0);
                    verdicts[i] += 1;
                }
                let r = ReviewStatus::ALL
                    .iter()
                    .position(|x| *x == a.review.status)
                    .unwrap_or(0);
                reviews[r] += 1;
                let st = d.status(a.id);
                statuses[AnchorStatus::ALL.iter().position(|x| *x == st).unwrap_or(0)] += 1;
                *authors.entry(a.author.clone()).or_default() += 1;
            }
        }
        self.counts = Counts {
            tags: TagKind::ALL
                .iter()
                .zip(tags)
                .map(|(k, n)| {
                    (
                        labels::tag_label(*k).to_owned(),
                        n,
                        theme::tag_strong(*k, v),
                    )
                })
                .collect(),
            verdicts: Verdict::ALL
                .iter()
                .zip(verdicts)
                .map(|(x, n)| {
                    (
                        labels::verdict_label(*x).to_owned(),
                        n,
                        theme::tag_strong(TagKind::Claim, v),
                    )
                })
                .collect(),
            reviews: ReviewStatus::ALL
                .iter()
                .zip(reviews)
                .map(|(x, n)| (labels::review_label(*x).to_owned(), n, accent))
                .collect(),
            statuses: AnchorStatus::ALL
                .iter()
                .zip(statuses)
                .map(|(x, n)| {
                    let c = if *x == AnchorStatus::Exact {
                        accent
                    } else {
                        theme::warning(v)
                    };
                    (labels::status_label(*x).to_owned(), n, c)
                })
                .collect(),
            authors: authors.into_iter().map(|(a, n)| (a, n, accent)).collect(),
        };
        self.counted_for = Some((corpus.version(), dark));
    }

    /// Draws the dashboard.
    pub fn ui(&mut self, ui: &mut Ui, corpus: &Folder) {
        self.recount(corpus, ui);
        egui::ScrollArea::vertical()
            .id_salt("stats")
            .show(ui, |ui| {
                ui.heading(format!("Statistics — {}", corpus.name()));
                ui.add_space(8.0);
                ui.columns(2, |cols| {
                    bars_ui(&mut cols[0], "Tags", &self.counts.tags);
                    bars_ui(&mut cols[0], "Verdicts (claims)", &self.counts.verdicts);
                    bars_ui(&mut cols[0], "Anchoring", &self.counts.statuses);
                    bars_ui(&mut cols[1], "Review", &self.counts.reviews);
                    bars_ui(&mut cols[1], "Authors", &self.counts.authors);
                });
            });
    }
}

/// One bar chart: a label, a bar proportional to the largest count, the count.
fn bars_ui(ui: &mut Ui, title: &str, rows: &[(String, usize, Color32)]) {
    ui.label(RichText::new(title).strong());
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let label_w = 110.0;
    let width = (ui.available_width() - label_w - 60.0).max(60.0);
    for (name, n, color) in rows {
        let (rect, resp) = ui.allocate_exact_size(vec2(ui.available_width(), 20.0), Sense::hover());
        let painter = ui.painter();
        painter.text(
            rect.left_center(),
            egui::Align2::LEFT_CENTER,
            name,
            egui::FontId::proportional(13.0),
            ui.visuals().text_color(),
        );
        let bar = egui::Rect::from_min_size(
            rect.min + vec2(label_w, 3.0),
            vec2(width * (*n as f32 / max as f32), 14.0),
        );
        painter.rect_filled(bar, 2.0, *color);
        painter.text(
            bar.right_center() + vec2(6.0, 0.0),
            egui::Align2::LEFT_CENTER,
            n.to_string(),
            egui::FontId::proportional(13.0),
            theme::weak(ui.visuals()),
        );
        resp.on_hover_text(format!("{name}: {n}"));
    }
    ui.add_space(12.0);
}
