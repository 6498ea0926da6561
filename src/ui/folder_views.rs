//! The folder's views in the central area: its documents, every span for review, and its
//! statistics.

use egui::Ui;

use super::actions::{Action, Mode};
use super::corpus_view::CorpusView;
use super::span_review::SpanReview;
use super::stats_view::StatsView;
use crate::workspace::Folder;

/// The folder views' state (sorting, filters, the selected span).
#[derive(Default)]
pub struct FolderViews {
    /// The documents table.
    pub documents: CorpusView,
    /// The span review table.
    pub spans: SpanReview,
    stats: StatsView,
}

impl FolderViews {
    /// Draws the view of `mode`; `current` is the folder index of the current document.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        mode: Mode,
        folder: &Folder,
        current: Option<usize>,
    ) -> Vec<Action> {
        match mode {
            Mode::Documents => self.documents.ui(ui, folder, current),
            Mode::Spans => self.spans.ui(ui, folder),
            Mode::Stats => {
                self.stats.ui(ui, folder);
                Vec::new()
            }
            Mode::Claims => super::claims_panel::claims_view_ui(ui, folder),
            Mode::Document => Vec::new(),
        }
    }
}
