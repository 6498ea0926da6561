//! The application: menus, panels, shortcuts, and the one place where actions change the
//! model (with undo), the document is saved, and files are opened.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{SubsecRound as _, Utc};
use egui::{RichText, Ui};

use super::actions::{Action, Mode};
use super::annotation_list::AnnotationList;
use super::commands::{self, Cmd, Scope};
use super::corpus::Corpus;
use super::corpus_view::CorpusView;
use super::disk_watch::DiskWatch;
use super::document_view::{ViewEvent, ViewModel};
use super::find::FindBar;
use super::inspector::Inspector;
use super::open_document::{OpenDocument, SaveFailure};
use super::settings::{Settings, ThemeChoice};
use super::span_review::SpanReview;
use super::stats_view::StatsView;
use super::wording;
use super::{labels, start_screen, theme};
use crate::core::annotation::{Annotation, AnnotationId, Tag, TagKind};
use crate::core::edit::Command;
use crate::store::StoreError;

/// How long typing pauses before the next keystroke starts a new undo step.
const TYPING_PAUSE: Duration = Duration::from_millis(1500);

/// A message shown in a banner at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Whether it reports an error (otherwise it is information).
    pub error: bool,
    /// Buttons offered with the message: their labels and what they do.
    pub actions: Vec<(String, Action)>,
    /// What it is about, so it can be taken down when that is settled.
    pub topic: Option<Topic>,
}

/// What a banner is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// The document changed on disk.
    DocumentChanged,
    /// Unsaved annotations of an earlier session were found.
    Recovery,
    /// Saving failed (conflicts, or the store refused).
    Save,
}

/// The factmark window.
pub struct FactmarkApp {
    /// The open folder, if any.
    pub corpus: Option<Corpus>,
    /// What the central area shows.
    pub mode: Mode,
    /// The corpus documents table.
    pub corpus_view: CorpusView,
    /// The span review table.
    pub span_review: SpanReview,
    stats_view: StatsView,
    /// Index in the corpus of the open document.
    open_in_corpus: Option<usize>,
    pending_folder: Option<PathBuf>,
    /// The open document, if any.
    pub doc: Option<OpenDocument>,
    /// Remembered settings.
    pub settings: Settings,
    /// The annotation list panel.
    pub list: AnnotationList,
    /// The inspector panel.
    pub inspector: Inspector,
    /// The find bar.
    pub find: FindBar,
    /// Banner messages, newest last.
    pub notices: Vec<Notice>,
    show_shortcuts: bool,
    show_reanchor: bool,
    show_conflicts: bool,
    conflicts_view: super::conflicts_view::ConflictsView,
    /// The Suggest pane.
    pub suggest: super::suggest_pane::SuggestPane,
    agreement: super::agreement_view::AgreementView,
    last_typing: Option<(AnnotationId, Instant)>,
    title: String,
    samples: Vec<PathBuf>,
    applied_theme: Option<ThemeChoice>,
    /// Frame timing for `FACTMARK_PROFILE`.
    frame_timer: super::profile::FrameTimer,
    /// Watches the open document's file.
    disk_watch: Option<DiskWatch>,
    /// Whether a text field had the keyboard at the end of the last frame.
    typing: bool,
    /// Whether the annotation list is open in the inspector's place (when there is no room for
    /// both beside the text).
    list_drawer: bool,
}

impl FactmarkApp {
    /// The app with these settings, with `doc` opened if given.
    pub fn new(settings: Settings, doc: Option<PathBuf>) -> Self {
        Self::with_opened(settings, doc, None)
    }

    /// Like [`Self::new`], with the document already read (by [`OpenDocument::open`] on
    /// another thread while the window was being created) if `opened` is given.
    pub fn with_opened(
        settings: Settings,
        doc: Option<PathBuf>,
        opened: Option<Result<OpenDocument, StoreError>>,
    ) -> Self {
        let mut app = Self {
            corpus: None,
            mode: Mode::Document,
            corpus_view: CorpusView::default(),
            span_review: SpanReview::default(),
            stats_view: StatsView::default(),
            open_in_corpus: None,
            pending_folder: None,
            doc: None,
            settings,
            list: AnnotationList::default(),
            inspector: Inspector::default(),
            find: FindBar::default(),
            notices: Vec::new(),
            show_shortcuts: false,
            show_reanchor: false,
            show_conflicts: false,
            conflicts_view: super::conflicts_view::ConflictsView::default(),
            suggest: super::suggest_pane::SuggestPane::default(),
            agreement: super::agreement_view::AgreementView::default(),
            last_typing: None,
            title: String::new(),
            samples: start_screen::samples(),
            applied_theme: None,
            frame_timer: super::profile::FrameTimer::default(),
            disk_watch: None,
            typing: false,
            list_drawer: false,
        };
        if let Some(path) = doc {
            if path.is_dir() {
                app.pending_folder = Some(path);
            } else {
                let opened = opened.unwrap_or_else(|| OpenDocument::open(&path));
                app.adopt(&path, opened);
            }
        }
        app
    }

    /// Opens a folder as a corpus; its documents are read in the background.
    pub fn open_folder(&mut self, ctx: &egui::Context, path: &Path) {
        if !self.close() {
            return;
        }
        self.corpus = Some(Corpus::open(path, ctx));
        self.corpus_view = CorpusView::default();
        self.span_review = SpanReview::default();
        self.open_in_corpus = None;
        self.mode = Mode::Documents;
        self.settings.remember(path);
    }

    /// Switches the central area, saving the open document before a corpus view shows it.
    fn set_mode(&mut self, mode: Mode) {
        if mode == self.mode {
            return;
        }
        if mode != Mode::Document {
            self.save_now();
            if let (Some(c), Some(i)) = (&mut self.corpus, self.open_in_corpus)
                && self.doc.as_ref().is_some_and(|d| !d.dirty)
            {
                c.reload(i);
            }
        } else if let (Some(c), Some(i)) = (&self.corpus, self.open_in_corpus)
            && let Some(Some(cd)) = c.docs.get(i)
            && self
                .doc
                .as_ref()
                .is_some_and(|d| !d.dirty && d.path() == cd.path)
        {
            // The corpus views may have changed it on disk: read it again.
            let path = cd.path.clone();
            if let Ok(fresh) = OpenDocument::open(&path) {
                self.doc = Some(fresh);
            }
        }
        self.mode = mode;
    }

    /// Opens document `i` of the corpus in the document view.
    fn open_corpus_doc(&mut self, i: usize) -> bool {
        let Some(path) = self
            .corpus
            .as_ref()
            .and_then(|c| c.docs.get(i))
            .and_then(|d| d.as_ref())
            .map(|d| d.path.clone())
        else {
            return false;
        };
        if self.doc.as_ref().is_some_and(|d| d.path() == path) && self.open_in_corpus == Some(i) {
            self.set_mode(Mode::Document);
            return true;
        }
        self.save_now();
        if let (Some(c), Some(old)) = (&mut self.corpus, self.open_in_corpus) {
            c.reload(old);
        }
        self.doc = None;
        self.open(&path);
        self.mode = Mode::Document;
        let ok = self.doc.is_some();
        self.open_in_corpus = ok.then_some(i);
        ok
    }

    /// Shows a message in the window.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.notify_with(text, error, Vec::new());
    }

    /// Shows a message with buttons.
    pub fn notify_with(
        &mut self,
        text: impl Into<String>,
        error: bool,
        actions: Vec<(String, Action)>,
    ) {
        self.notify_about(None, text, error, actions);
    }

    /// Shows a message about `topic`, replacing an earlier one about it.
    fn notify_about(
        &mut self,
        topic: Option<Topic>,
        text: impl Into<String>,
        error: bool,
        actions: Vec<(String, Action)>,
    ) {
        let text = text.into();
        if topic.is_some() {
            self.settled(topic);
        }
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice {
                text,
                error,
                actions,
                topic,
            });
        }
    }

    /// Takes down the banners about `topic`.
    fn settled(&mut self, topic: Option<Topic>) {
        self.notices.retain(|n| n.topic != topic);
    }

    /// Reports a save: what it merged in, or why nothing was written (opening the conflict
    /// choice when that is why). `lead` starts the failure message ("Not closed: "). Returns
    /// whether it saved.
    fn after_save(
        &mut self,
        result: Result<super::open_document::Saved, std::sync::Arc<SaveFailure>>,
        lead: &str,
    ) -> bool {
        match result {
            Ok(saved) => {
                self.settled(Some(Topic::Save));
                if let Some(text) = wording::saved(&saved) {
                    self.notify(text, false);
                }
                true
            }
            Err(failure) => {
                if matches!(*failure, SaveFailure::Conflicts(_)) {
                    self.show_conflicts = true;
                }
                let text = format!("{lead}{}", wording::save_failed(&failure));
                self.notify_about(Some(Topic::Save), text, true, Vec::new());
                false
            }
        }
    }

    /// Tells the user what re-anchoring found, with a Review button when something needs a
    /// decision.
    fn announce_changes(&mut self, summary: super::open_document::AnchorSummary) {
        if !summary.any() {
            return;
        }
        let action: Vec<(String, Action)> = (summary.needing_review() > 0)
            .then(|| ("Review".to_owned(), Action::ShowReanchorReview))
            .into_iter()
            .collect();
        let mut text = format!("The document changed: {}.", summary.describe());
        if summary.moved > 0 {
            text.push_str(" Moved annotations follow their text.");
        }
        if summary.needing_review() > 0 {
            text.push_str(" The others are kept as they were until you decide.");
        }
        self.notify_about(Some(Topic::DocumentChanged), text, false, action);
    }

    /// Opens a document, saving the current one first. Errors are shown in the window.
    pub fn open(&mut self, path: &Path) {
        if !self.close() {
            return;
        }
        self.adopt(path, OpenDocument::open(path));
    }

    /// Makes a document just read the open one, or says why it could not be read.
    fn adopt(&mut self, path: &Path, opened: Result<OpenDocument, StoreError>) {
        match opened {
            Ok(doc) => {
                let summary = doc.summary;
                self.announce_changes(summary);
                if let Some(rec) = &doc.recovery {
                    self.notify_about(
                        Some(Topic::Recovery),
                        format!(
                            "Unsaved annotations from {} were found (factmark may have stopped before saving them): {} annotations, kept in {}.",
                            rec.written.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S"),
                            rec.annotations.len(),
                            rec.path.display()
                        ),
                        false,
                        vec![
                            ("Recover them".to_owned(), Action::Recover),
                            ("Discard".to_owned(), Action::DiscardRecovery),
                        ],
                    );
                }
                if !doc.session.conflicts.is_empty() {
                    self.notify_with(
                        format!(
                            "The annotations file holds {} merge conflicts (the same thing changed in two versions). Choose which to keep.",
                            doc.session.conflicts.len()
                        ),
                        false,
                        vec![("Resolve".to_owned(), Action::ShowConflicts)],
                    );
                }
                if let Some(elsewhere) = self
                    .settings
                    .saved_as_of(path)
                    .filter(|p| !crate::store::target::same_file(p, &doc.session.sidecar_path))
                    .map(Path::to_owned)
                {
                    self.notify_with(
                        format!(
                            "The annotations of this document were last saved to {} (File > Save Annotations As…); these are the ones in {}.",
                            elsewhere.display(),
                            doc.session.sidecar_path.display()
                        ),
                        false,
                        vec![(
                            "Open those annotations".to_owned(),
                            Action::OpenWithAnnotations(path.to_owned(), elsewhere),
                        )],
                    );
                }
                self.settings.remember(path);
                let mut doc = doc;
                let place = self.settings.place_of(path);
                doc.view.start_at(&doc.session.text, place);
                self.list = AnnotationList::default();
                self.inspector = Inspector::default();
                self.doc = Some(doc);
            }
            Err(e) if e.is_unreadable_sidecar(&crate::store::sidecar_path(path)) => self.notify_with(
                format!("Could not open the document's annotations. {e} The file is left untouched. You can open the document anyway and keep new annotations in a separate file beside it."),
                true,
                vec![("Open with a new annotations file".to_owned(), Action::OpenAside(path.to_owned()))],
            ),
            Err(e) => self.notify(format!("Could not open the document. {e}"), true),
        }
    }

    /// Remembers where the open document was left.
    fn remember_place(&mut self) {
        if let Some(doc) = &self.doc
            && let Some(at) = doc.view.top_offset(&doc.session.text)
        {
            let path = doc.path().to_owned();
            self.settings.leave_at(&path, at);
        }
    }

    /// Saves and closes the document. Returns false (and keeps it open) if saving failed.
    pub fn close(&mut self) -> bool {
        if let Some(doc) = &mut self.doc
            && doc.dirty
        {
            let saved = doc.save();
            if !self.after_save(saved, "Not closed. ") {
                return false;
            }
        }
        self.remember_place();
        self.doc = None;
        true
    }

    /// After a bug made a frame panic: writes a recovery copy of the in-memory annotations
    /// and tells the user where it is. The window goes on.
    pub fn after_panic(&mut self, payload: &(dyn std::any::Any + Send)) {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        let saved = match &self.doc {
            Some(doc) => match doc.write_recovery_now() {
                Ok(path) => format!(
                    " A copy of your annotations was written to {}.",
                    path.display()
                ),
                Err(e) => {
                    format!(" A recovery copy could not be written ({e}); save now with Ctrl+S.")
                }
            },
            None => String::new(),
        };
        self.notify(
            format!("Something went wrong inside factmark ({what}). Please report it.{saved}"),
            true,
        );
    }

    /// Saves now if there are unsaved changes (used on exit).
    pub fn save_now(&mut self) {
        if let Some(doc) = &mut self.doc
            && doc.dirty
        {
            let saved = doc.save();
            self.after_save(saved, "");
        }
    }

    /// Draws the whole window and applies what the user did. eframe calls this every frame;
    /// tests and the perf example call it directly.
    pub fn ui_body(&mut self, ui: &mut Ui) {
        // egui drops the focus on Esc before this frame is drawn: whether a field had the
        // keyboard is what the last frame saw.
        let typing_at_start = std::mem::take(&mut self.typing);
        self.apply_theme(ui.ctx());
        if let Some(folder) = self.pending_folder.take() {
            self.open_folder(ui.ctx(), &folder);
        }
        if let Some(c) = &mut self.corpus {
            c.poll();
        }
        let mut actions = commands::actions(ui, Scope::Everywhere);
        actions.extend(self.menu_bar(ui));
        self.status_bar(ui);
        actions.extend(self.banners(ui));
        actions.extend(self.corpus_tabs(ui));
        let document_mode = self.mode == Mode::Document || self.corpus.is_none();
        if self.find.open
            && document_mode
            && let Some(doc) = &self.doc
        {
            let text = &doc.session.text;
            egui::Panel::top("find-bar").show(ui, |ui| actions.extend(self.find.ui(ui, text)));
        }
        let mut list_folded = false;
        if let Some(doc) = self.doc.as_ref().filter(|_| document_mode) {
            let room = PanelRoom::of(
                ui.available_width(),
                self.settings.show_list,
                self.settings.show_inspector,
            );
            list_folded = self.settings.show_list && room.list.is_none();
            // No room for the list beside the text: it opens from the toolbar in the
            // inspector's place until an annotation is picked.
            let drawer = list_folded && self.list_drawer;
            if let Some(width) = room.inspector.filter(|_| !drawer) {
                // A fixed width: selecting another annotation never reflows the text.
                egui::Panel::right("inspector")
                    .resizable(false)
                    .exact_size(width)
                    .show(ui, |ui| {
                        actions.extend(self.inspector.ui(ui, doc, &self.settings.author));
                    });
            }
            if let Some(max) = room.list {
                egui::Panel::left("annotation-list")
                    .resizable(true)
                    .default_size(LIST_WIDTH.min(max))
                    .size_range(LIST_MIN..=max)
                    .show(ui, |ui| actions.extend(self.list.ui(ui, doc)));
            } else if drawer {
                let width = room.inspector.unwrap_or(LIST_MIN).max(LIST_MIN);
                egui::Panel::left("annotation-drawer")
                    .resizable(false)
                    .exact_size(width)
                    .show(ui, |ui| {
                        let picked = self.list.ui(ui, doc);
                        if picked
                            .iter()
                            .any(|a| matches!(a, Action::SelectAnnotation { .. }))
                        {
                            self.list_drawer = false;
                        }
                        actions.extend(picked);
                    });
            }
        }
        egui::CentralPanel::default().show(ui, |ui| match (&mut self.doc, &self.corpus) {
            (_, Some(corpus)) if !document_mode => match self.mode {
                Mode::Documents => {
                    actions.extend(self.corpus_view.ui(ui, corpus, self.open_in_corpus))
                }
                Mode::Spans => actions.extend(self.span_review.ui(ui, corpus)),
                Mode::Stats => self.stats_view.ui(ui, corpus),
                Mode::Document => {}
            },
            (Some(doc), _) => {
                let model = ViewModel {
                    text: &doc.session.text,
                    annotations: doc.session.annotations.as_slice(),
                    drawable: &doc.drawable,
                    version: doc.version,
                    selected: doc.selected,
                    selection: doc.selection,
                    find_matches: self.find.matches(),
                    find_current: self.find.current(),
                    snap_words: self.settings.snap_words,
                    markdown: doc.is_markdown(),
                };
                if list_folded {
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(self.list_drawer, "☰ Annotations")
                            .on_hover_text("Show the list of annotations in the inspector's place (there is no room for both at this window size)")
                            .clicked()
                        {
                            self.list_drawer = !self.list_drawer;
                        }
                    });
                }
                toolbar_ui(
                    ui,
                    doc.selection.is_some_and(|s| !s.is_empty()),
                    ui.ctx().text_edit_focused(),
                    &mut actions,
                );
                for e in doc.view.ui(ui, &model) {
                    actions.push(match e {
                        ViewEvent::Select(s) => Action::Select(s),
                        ViewEvent::SelectAnnotation(id) => {
                            Action::SelectAnnotation { id, scroll: false }
                        }
                        ViewEvent::Tag(k) => Action::Tag(k),
                        ViewEvent::Delete(id) => Action::Delete(id),
                        ViewEvent::Reach(id, at) => Action::Reach(id, at),
                    });
                }
            }
            (None, _) => actions.extend(start_screen::start_ui(
                ui,
                &self.settings.recent,
                &self.samples,
            )),
        });
        if self.show_shortcuts {
            let scopes = self.scopes();
            let mut open = true;
            let height = ui.ctx().content_rect().height() - 80.0;
            egui::Window::new("Keyboard shortcuts")
                .open(&mut open)
                .collapsible(false)
                .resizable(false)
                .max_height(height)
                .show(ui.ctx(), |ui| {
                    // Taller than a small window: it scrolls.
                    egui::ScrollArea::vertical()
                        .max_height(height)
                        .show(ui, |ui| commands::sheet_ui(ui, &scopes));
                });
            self.show_shortcuts = open;
        }
        // Keys pressed while a field had the keyboard at the start of this frame were for
        // that field (Esc only leaves it): they never reach the document.
        if !typing_at_start && !ui.ctx().text_edit_focused() && document_mode {
            actions.extend(commands::actions(ui, Scope::Document));
        } else if ui.input(|i| i.key_pressed(egui::Key::Escape)) && self.find.open {
            ui.ctx().memory_mut(|m| m.stop_text_input());
        }
        self.watch_disk(ui.ctx());
        if self.show_conflicts
            && let Some(doc) = &self.doc
        {
            let mut open = true;
            let mut chosen = Vec::new();
            let view = &mut self.conflicts_view;
            egui::Window::new("Resolve conflicts")
                .open(&mut open)
                .default_width(560.0)
                .show(ui.ctx(), |ui| chosen = view.ui(ui, doc));
            actions.extend(chosen);
            self.show_conflicts = open;
        }
        if let Some(doc) = self.doc.as_ref().filter(|_| document_mode) {
            if self.suggest.open {
                let mut open = true;
                let mut chosen = Vec::new();
                let author = self.settings.author.clone();
                let suggest = &mut self.suggest;
                egui::Window::new("Suggestions")
                    .open(&mut open)
                    .default_width(380.0)
                    .default_height(480.0)
                    .show(ui.ctx(), |ui| chosen = suggest.ui(ui, doc, &author));
                actions.extend(chosen);
                self.suggest.open = open;
            }
            if self.agreement.open {
                let mut open = true;
                let mut chosen = Vec::new();
                let agreement = &mut self.agreement;
                egui::Window::new("Compare annotators")
                    .open(&mut open)
                    .default_width(560.0)
                    .show(ui.ctx(), |ui| chosen = agreement.ui(ui, doc));
                actions.extend(chosen);
                self.agreement.open = open;
            }
        }
        if self.show_reanchor
            && let Some(doc) = &self.doc
        {
            let mut open = true;
            let mut chosen = Vec::new();
            egui::Window::new("Review changed annotations")
                .open(&mut open)
                .default_width(560.0)
                .show(ui.ctx(), |ui| {
                    chosen = super::reanchor_review::review_ui(ui, doc)
                });
            actions.extend(chosen);
            self.show_reanchor = open;
        }
        self.dropped_files(ui, &mut actions);
        for action in actions {
            self.apply(ui.ctx(), action);
        }
        self.autosave(ui.ctx());
        self.guard_close(ui.ctx());
        self.update_title(ui.ctx());
        self.typing = ui.ctx().text_edit_focused();
    }

    /// Saves before the window closes; if that fails, keeps the window open and says why, so
    /// no work is lost.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if let Some(doc) = &mut self.doc
            && doc.dirty
        {
            let saved = doc.save();
            if !self.after_save(saved, "The window stays open. ") {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
        }
    }

    /// The corpus bar: views, scanning progress, previous and next document.
    fn corpus_tabs(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(corpus) = &self.corpus else {
            return actions;
        };
        let doc_name = self.doc.as_ref().map(|d| d.name());
        egui::Panel::top("corpus-tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Folder: {}", corpus.name())).strong());
                ui.separator();
                let mut mode = self.mode;
                ui.selectable_value(&mut mode, Mode::Documents, "Documents");
                ui.selectable_value(&mut mode, Mode::Spans, "Review spans");
                ui.selectable_value(&mut mode, Mode::Stats, "Statistics");
                if let Some(name) = &doc_name {
                    ui.selectable_value(&mut mode, Mode::Document, format!("Document: {name}"));
                }
                if mode != self.mode {
                    actions.push(Action::SetMode(mode));
                }
                if self.open_in_corpus.is_some() && self.mode == Mode::Document {
                    ui.separator();
                    if ui
                        .button("Previous document")
                        .on_hover_text("Ctrl+Page Up")
                        .clicked()
                    {
                        actions.push(Action::StepDocument(-1));
                    }
                    if ui
                        .button("Next document")
                        .on_hover_text("Ctrl+Page Down")
                        .clicked()
                    {
                        actions.push(Action::StepDocument(1));
                    }
                }
                if let Some((done, total)) = corpus.progress() {
                    ui.separator();
                    let frac = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    ui.add(
                        egui::ProgressBar::new(frac)
                            .desired_width(180.0)
                            .text(format!("reading {done} of {total}")),
                    );
                }
            });
        });
        actions.extend(commands::actions(ui, Scope::Folder));
        actions
    }

    /// Whether the shortcut sheet (F1) is shown.
    pub fn shortcuts_shown(&self) -> bool {
        self.show_shortcuts
    }

    /// Where keys work in the current view: what the F1 sheet lists.
    pub fn scopes(&self) -> Vec<Scope> {
        let mut scopes = vec![Scope::Everywhere];
        match self.mode {
            Mode::Document => scopes.push(Scope::Document),
            Mode::Spans => scopes.push(Scope::SpanReview),
            Mode::Documents | Mode::Stats => {}
        }
        if self.corpus.is_some() {
            scopes.push(Scope::Folder);
        }
        scopes
    }

    /// Notices, within a second or so, when the document file is changed, deleted or renamed
    /// by another program.
    fn watch_disk(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else {
            self.disk_watch = None;
            return;
        };
        // A background thread looks at the file every second and wakes the window only when
        // it changed, so an idle window does not repaint every second.
        if self
            .disk_watch
            .as_ref()
            .is_none_or(|w| w.path() != doc.path())
        {
            self.disk_watch = Some(DiskWatch::new(doc.path(), doc.disk_stamp(), ctx));
        }
        let woken = self
            .disk_watch
            .as_ref()
            .is_some_and(DiskWatch::take_changed);
        let change = if woken {
            doc.check_disk_now()
        } else {
            doc.check_disk()
        };
        match change {
            Some(super::open_document::DiskChange::Changed(summary)) => {
                self.settled(Some(Topic::DocumentChanged));
                if summary.any() {
                    self.announce_changes(summary);
                } else {
                    self.notify("The document was changed by another program; every annotation still sits on its text.", false);
                }
            }
            Some(super::open_document::DiskChange::Missing) => self.notify(
                "The document file was deleted or renamed. Your annotations are kept in memory and saved to the sidecar; open the document again from its new place.",
                true,
            ),
            Some(super::open_document::DiskChange::Unreadable(e)) => self.notify(
                format!("The document changed on disk and can no longer be read. {e} Your annotations are kept."),
                true,
            ),
            None => {}
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else { return };
        if let Some(e) = doc.journal() {
            self.notify(format!("Could not write the recovery journal. {e}"), true);
            return;
        }
        if doc.autosave_due() {
            let saved = doc.save();
            self.after_save(saved, "");
            // Show what the save said now, not at the next input.
            ctx.request_repaint();
        } else if let Some(wait) = doc.autosave_in() {
            ctx.request_repaint_after(wait.min(super::open_document::JOURNAL_EVERY));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(doc) => format!(
                "{}{} — factmark",
                if doc.dirty { "• " } else { "" },
                doc.name()
            ),
            None => "factmark".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn dropped_files(&mut self, ui: &Ui, actions: &mut Vec<Action>) {
        let (dropped, hovering) = ui.input(|i| {
            (
                i.raw.dropped_files.first().map(|f| f.path().to_owned()),
                !i.raw.hovered_files.is_empty(),
            )
        });
        if let Some(path) = dropped {
            actions.push(Action::Open(path));
        }
        if hovering {
            let rect = ui.ctx().content_rect();
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop-overlay"),
            ));
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop to open",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let has_doc = self.doc.is_some();
        let (can_undo, can_redo) = self.doc.as_ref().map_or((false, false), |d| {
            (d.history.can_undo(), d.history.can_redo())
        });
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    if ui.add(egui::Button::new("Open…").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Open))).clicked() {
                        actions.push(Action::OpenDialog);
                    }
                    if ui.button("Open Folder…").clicked() {
                        actions.push(Action::OpenFolderDialog);
                    }
                    ui.menu_button("Open Recent", |ui| {
                        if self.settings.recent.is_empty() {
                            ui.label("No recent files");
                        }
                        for p in &self.settings.recent {
                            if ui.button(p.display().to_string()).clicked() {
                                actions.push(Action::Open(p.clone()));
                            }
                        }
                    });
                    ui.separator();
                    if ui
                        .add_enabled(has_doc, egui::Button::new("Save Annotations").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Save)))
                        .clicked()
                    {
                        actions.push(Action::Save);
                    }
                    if ui
                        .add_enabled(has_doc, egui::Button::new("Save Annotations As…"))
                        .clicked()
                    {
                        actions.push(Action::SaveCopyAs);
                    }
                    ui.add_enabled_ui(has_doc, |ui| {
                        ui.menu_button("Export", |ui| {
                            for f in crate::formats::ExportFormat::ALL {
                                if ui.button(super::export::format_label(*f)).clicked() {
                                    actions.push(Action::Export(*f));
                                }
                            }
                        });
                    });
                    if ui
                        .add_enabled(has_doc, egui::Button::new("Reload from Disk"))
                        .on_hover_text("Discard unsaved changes and read the document and its annotations again")
                        .clicked()
                    {
                        actions.push(Action::Reload);
                    }
                    ui.separator();
                    if ui.add_enabled(has_doc, egui::Button::new("Close")).clicked() {
                        actions.push(Action::Close);
                    }
                    if ui.button("Quit").clicked() {
                        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                });
                ui.menu_button("Edit", |ui| {
                    if ui
                        .add_enabled(can_undo, egui::Button::new("Undo").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Undo)))
                        .clicked()
                    {
                        actions.push(Action::Undo);
                    }
                    if ui
                        .add_enabled(can_redo, egui::Button::new("Redo").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Redo)))
                        .clicked()
                    {
                        actions.push(Action::Redo);
                    }
                    ui.separator();
                    if ui
                        .add_enabled(has_doc, egui::Button::new("Find…").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Find)))
                        .clicked()
                    {
                        actions.push(Action::ToggleFind);
                    }
                    ui.separator();
                    ui.checkbox(&mut self.settings.snap_words, "Snap selections to words");
                    ui.horizontal(|ui| {
                        ui.label("Your name:");
                        ui.add(egui::TextEdit::singleline(&mut self.settings.author).desired_width(120.0));
                    });
                });
                ui.menu_button("Tools", |ui| {
                    if ui.add_enabled(has_doc, egui::Button::new("Suggestions…")).clicked() {
                        self.suggest.open = true;
                    }
                    if ui.add_enabled(has_doc, egui::Button::new("Compare Annotators…")).clicked() {
                        self.agreement.open = true;
                    }
                    if ui.add_enabled(has_doc, egui::Button::new("Review Changed Annotations…")).clicked() {
                        actions.push(Action::ShowReanchorReview);
                    }
                    if ui.add_enabled(has_doc, egui::Button::new("Resolve Conflicts…")).clicked() {
                        actions.push(Action::ShowConflicts);
                    }
                });
                ui.menu_button("Tag", |ui| {
                    for k in TagKind::ALL {
                        if ui
                            .add_enabled(
                                has_doc,
                                egui::Button::new(labels::tag_label(*k)).shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Tag(*k))),
                            )
                            .clicked()
                        {
                            actions.push(Action::Tag(*k));
                        }
                    }
                    ui.separator();
                    if ui
                        .add_enabled(has_doc, egui::Button::new("Delete Annotation").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Delete)))
                        .clicked()
                    {
                        actions.push(Action::DeleteSelected);
                    }
                });
                ui.menu_button("View", |ui| {
                    ui.checkbox(&mut self.settings.show_list, "Annotation list");
                    ui.checkbox(&mut self.settings.show_inspector, "Inspector");
                    ui.separator();
                    ui.label("Theme");
                    ui.radio_value(&mut self.settings.theme, ThemeChoice::System, "Follow the system");
                    ui.radio_value(&mut self.settings.theme, ThemeChoice::Light, "Light");
                    ui.radio_value(&mut self.settings.theme, ThemeChoice::Dark, "Dark");
                });
                ui.menu_button("Help", |ui| {
                    if ui.add(egui::Button::new("Keyboard Shortcuts").shortcut_text(commands::shortcut_text(ui.ctx(), Cmd::Help))).clicked() {
                        actions.push(Action::ToggleShortcuts);
                    }
                });
            });
        });
        actions
    }

    fn banners(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.notices.is_empty() {
            return actions;
        }
        let mut dismiss = None;
        egui::Panel::top("notices").show(ui, |ui| {
            for (i, n) in self.notices.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let color = if n.error {
                        theme::error(ui.visuals())
                    } else {
                        theme::warning(ui.visuals())
                    };
                    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                        dismiss = Some(i);
                    }
                    ui.label(RichText::new(&n.text).color(color));
                    for (label, action) in &n.actions {
                        if ui.button(label).clicked() {
                            actions.push(action.clone());
                        }
                    }
                    if n.topic == Some(Topic::Save) {
                        if ui.button("Save Annotations As…").clicked() {
                            actions.push(Action::SaveCopyAs);
                        }
                        if ui.button("Try Again").clicked() {
                            actions.push(Action::Save);
                        }
                    }
                });
            }
        });
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
        actions
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let Some(doc) = &self.doc else {
                    ui.label("No document open");
                    return;
                };
                ui.label(RichText::new(doc.name()).strong())
                    .on_hover_text(doc.path().display().to_string());
                ui.separator();
                ui.label(format!(
                    "{} characters, {} words",
                    doc.session.text.char_count(),
                    doc.words
                ));
                ui.separator();
                for (k, n) in TagKind::ALL.iter().zip(doc.tag_counts()) {
                    ui.label(
                        RichText::new(format!("{} {n}", labels::tag_label(*k)))
                            .color(theme::tag_strong(*k, ui.visuals())),
                    );
                }
                let problems = doc.not_anchored();
                if problems > 0 {
                    ui.separator();
                    if ui
                        .link(
                            RichText::new(format!("{problems} not on their text"))
                                .color(theme::warning(ui.visuals())),
                        )
                        .on_hover_text("Review them")
                        .clicked()
                    {
                        self.show_reanchor = true;
                    }
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let state = match (&doc.save_error, doc.dirty, doc.last_saved) {
                        (Some(_), _, _) => RichText::new("Not saved: see the message above")
                            .color(theme::error(ui.visuals())),
                        (None, true, _) => RichText::new("Unsaved changes…"),
                        (None, false, Some(t)) => {
                            RichText::new(format!("Saved at {}", t.format("%H:%M:%S")))
                        }
                        (None, false, None) => RichText::new("No changes"),
                    };
                    ui.label(state);
                });
            });
        });
    }

    /// Applies one action. This is the only place where the model changes.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenDialog => self.open_dialog(),
            Action::OpenFolderDialog => match rfd::FileDialog::new().pick_folder() {
                Some(folder) => self.open_folder(ctx, &folder),
                None => self.notify(
                    "No folder was chosen (or no file dialog could be shown). You can also start factmark with a folder: factmark FOLDER",
                    false,
                ),
            },
            Action::OpenFolder(ref path) => self.open_folder(ctx, path),
            Action::OpenCorpusDoc(i) => {
                self.open_corpus_doc(i);
            }
            Action::StepDocument(delta) => {
                if let Some(next) = self.open_in_corpus.and_then(|i| self.corpus_view.neighbour(i, delta)) {
                    self.open_corpus_doc(next);
                }
            }
            Action::OpenSpan(d, id) => {
                if self.open_corpus_doc(d)
                    && let Some(doc) = &mut self.doc
                    && let Some(a) = doc.session.annotations.get(id)
                {
                    doc.view.scroll_to(a.start);
                    doc.selected = Some(id);
                    self.list.reveal_selected();
                }
            }
            Action::Review { doc, id, status, ref comment } => {
                let by = self.settings.author.clone();
                if let Some(c) = &mut self.corpus
                    && let Err(e) = c.set_review(doc, id, status, comment.clone(), &by)
                {
                    self.notify(format!("Could not save the review. {e}"), true);
                }
            }
            Action::UndoCorpus => {
                if let Some(c) = &mut self.corpus
                    && let Err(e) = c.undo()
                {
                    self.notify(format!("Could not undo. {e}"), true);
                }
            }
            Action::SetMode(mode) => self.set_mode(mode),
            Action::Open(ref path) => self.open(path),
            Action::OpenAside(ref path) if self.close() => {
                match OpenDocument::open_aside(path) {
                    Ok((doc, aside)) => {
                        self.notices.clear();
                        self.notify(
                            format!("New annotations of this document go to {}; its unreadable annotations file was not changed.", aside.display()),
                            false,
                        );
                        self.doc = Some(doc);
                    }
                    Err(e) => self.notify(format!("Could not open the document. {e}"), true),
                }
            }
            Action::OpenWithAnnotations(ref path, ref annotations) if self.close() => {
                match OpenDocument::open_with(path, annotations) {
                    Ok(doc) => {
                        self.notices.clear();
                        self.notify(
                            format!(
                                "The annotations are read from and saved to {}.",
                                annotations.display()
                            ),
                            false,
                        );
                        self.doc = Some(doc);
                    }
                    Err(e) => self.notify(format!("Could not open the document. {e}"), true),
                }
            }
            Action::Close => {
                self.close();
            }
            Action::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Action::ShowReanchorReview => self.show_reanchor = true,
            Action::ShowConflicts => self.show_conflicts = true,
            Action::ToggleFind if self.doc.is_some() => self.find.toggle(),
            _ => {}
        }
        let Some(doc) = &mut self.doc else { return };
        let mut notice = None;
        // Settled after the match, when the document is no longer borrowed.
        let mut saved = None;
        let mut settle = None;
        let mut failed = false;
        // Actions this one leads to, applied after it.
        let mut follow = Vec::new();
        match action {
            Action::Edit(cmd) => {
                self.last_typing = None;
                if let Err(e) = doc.apply(&cmd, false) {
                    notice = Some(e.to_string());
                }
            }
            Action::EditTyping(cmd) => {
                let id = cmd_id(&cmd);
                let coalesce = matches!((self.last_typing, id), (Some((last, t)), Some(id)) if last == id && t.elapsed() < TYPING_PAUSE);
                match doc.apply(&cmd, coalesce) {
                    Ok(_) => self.last_typing = id.map(|id| (id, Instant::now())),
                    Err(e) => notice = Some(e.to_string()),
                }
            }
            Action::Undo | Action::Redo => {
                self.last_typing = None;
                let r = if action == Action::Undo {
                    doc.undo()
                } else {
                    doc.redo()
                };
                match r {
                    Some(Ok(ids)) => {
                        if let Some(id) =
                            ids.iter().find(|id| doc.session.annotations.contains(**id))
                        {
                            doc.selected = Some(*id);
                            if let Some(a) = doc.session.annotations.get(*id) {
                                doc.view.scroll_to(a.start);
                            }
                        }
                    }
                    Some(Err(e)) => notice = Some(e.to_string()),
                    None => {}
                }
            }
            Action::Save => saved = Some(doc.save()),
            Action::Resolve(resolutions) => saved = Some(doc.resolve(&resolutions)),
            Action::Recover => {
                let conflicts = doc.restore_recovery();
                settle = Some(Topic::Recovery);
                notice = Some(if conflicts > 0 {
                    self.show_conflicts = true;
                    format!(
                        "Recovered the unsaved annotations; {conflicts} of their changes clash with changes saved since: choose in Tools > Resolve Conflicts."
                    )
                } else {
                    "Recovered the unsaved annotations; they will be saved in a moment.".to_owned()
                });
            }
            Action::DiscardRecovery => {
                doc.discard_recovery();
                settle = Some(Topic::Recovery);
            }
            Action::SaveCopyAs => {
                let suggested = doc.copy_name();
                let picked = rfd::FileDialog::new()
                    .set_directory(suggested.parent().unwrap_or(Path::new(".")))
                    .set_file_name(
                        suggested
                            .file_name()
                            .map(|n| n.to_string_lossy())
                            .unwrap_or_default(),
                    )
                    .save_file();
                // A save dialog asks before it returns an existing file; without one, a
                // free name beside the sidecar.
                let (to, replace) = match picked {
                    Some(to) => (to, true),
                    None => (suggested, false),
                };
                let before = doc.session.sidecar_path.clone();
                match doc.save_as(&to, replace) {
                    Ok(now) => {
                        settle = Some(Topic::Save);
                        self.settings.saved_as(doc.path(), &now);
                        notice = Some(format!(
                            "The annotations are now saved to {}. {} was not changed.",
                            now.display(),
                            before.display()
                        ));
                    }
                    Err(e) => {
                        failed = true;
                        notice = Some(format!("Could not save the annotations there. {e}"));
                    }
                }
            }
            Action::Reload => {
                let path = doc.path().to_owned();
                match OpenDocument::open(&path) {
                    Ok(fresh) => {
                        *doc = fresh;
                        self.notices.clear();
                    }
                    Err(e) => notice = Some(format!("Could not reload. {e}")),
                }
            }
            Action::SelectAnnotation { id, scroll } => {
                doc.selected = id;
                if id.is_some() {
                    self.list.reveal_selected();
                }
                if scroll && let Some(a) = id.and_then(|id| doc.session.annotations.get(id)) {
                    doc.view.scroll_to(a.start);
                }
            }
            Action::Select(sel) => doc.selection = sel,
            Action::Tag(kind) => {
                // What was just made shows in the inspector, not behind the folded list.
                self.list_drawer = false;
                let author = self.settings.author.clone();
                match doc.selection.filter(|s| !s.is_empty()) {
                    Some(sel) => {
                        let now = Utc::now().trunc_subsecs(0);
                        let text = &doc.session.text;
                        match Annotation::new(
                            text,
                            sel.start(),
                            sel.end(),
                            Tag::for_text(kind, text.slice(sel.start()..sel.end())),
                            &author,
                            now,
                        ) {
                            Ok(a) => {
                                let id = a.id;
                                match doc.apply(&Command::Add(a), false) {
                                    Ok(_) => {
                                        doc.selected = Some(id);
                                        doc.selection = None;
                                        self.list.reveal_selected();
                                    }
                                    Err(e) => notice = Some(e.to_string()),
                                }
                            }
                            Err(e) => notice = Some(e.to_string()),
                        }
                    }
                    None => {
                        if let Some(a) = doc.selected.and_then(|id| doc.session.annotations.get(id))
                            && a.tag.kind() != kind
                        {
                            let cmd = Command::SetTag(a.id, a.retagged(kind));
                            if let Err(e) = doc.apply(&cmd, false) {
                                notice = Some(e.to_string());
                            }
                        }
                    }
                }
            }
            Action::Delete(id) => {
                if let Err(e) = doc.apply(&Command::Delete(id), false) {
                    notice = Some(e.to_string());
                }
            }
            Action::DeleteSelected => {
                if let Some(id) = doc.selected
                    && let Err(e) = doc.apply(&Command::Delete(id), false)
                {
                    notice = Some(e.to_string());
                }
            }
            Action::Step(delta) => {
                if let Some(id) = self.list.step(doc.selected, delta) {
                    doc.selected = Some(id);
                    doc.selection = None;
                    if let Some(a) = doc.session.annotations.get(id) {
                        doc.view.scroll_to(a.start);
                    }
                }
            }
            Action::ScrollToSelected if self.find.open => follow.extend(self.find.step(1)),
            Action::PreviousMatch if self.find.open => follow.extend(self.find.step(-1)),
            Action::ScrollToSelected => {
                if let Some(a) = doc.selected.and_then(|id| doc.session.annotations.get(id)) {
                    doc.view.scroll_to(a.start);
                }
            }
            Action::PreviousMatch => {}
            Action::ScrollTo(pos) => doc.view.scroll_to(pos),
            Action::Reach(id, at) => {
                let span = doc
                    .session
                    .annotations
                    .get(id)
                    .and_then(|a| super::document_view::reach(a.start, a.end, at));
                if let Some((start, end)) = span {
                    self.last_typing = None;
                    if let Err(e) = doc.apply(&Command::SetSpan { id, start, end }, false) {
                        notice = Some(e.to_string());
                    }
                }
            }
            Action::Scroll(m) => doc.view.scroll_by(m),
            Action::Export(format) => match super::export::export_ui(doc, format) {
                Ok(msg) | Err(msg) => notice = Some(msg),
            },
            Action::FocusNote => {
                if doc.selected.is_some() {
                    self.settings.show_inspector = true;
                    self.inspector.focus_note();
                }
            }
            Action::Escape => {
                if self.find.open {
                    self.find.open = false;
                } else if doc.selection.is_some() {
                    doc.selection = None;
                } else {
                    doc.selected = None;
                }
            }
            Action::TagAllMatches(template) => {
                let kind = template.kind();
                let now = Utc::now().trunc_subsecs(0);
                let text = &doc.session.text;
                let author = self.settings.author.clone();
                let adds: Vec<Command> = self
                    .find
                    .matches()
                    .iter()
                    .filter(|(s, e)| {
                        // Skip matches already tagged the same way.
                        !doc.session
                            .annotations
                            .overlapping(*s..*e)
                            .any(|a| a.start == *s && a.end == *e && a.tag.kind() == kind)
                    })
                    .filter_map(|&(s, e)| {
                        Annotation::new(
                            text,
                            s,
                            e,
                            template.clone().with_value_from(text.slice(s..e)),
                            &author,
                            now,
                        )
                        .ok()
                    })
                    .map(Command::Add)
                    .collect();
                let n = adds.len();
                if n > 0 {
                    match doc.apply(&Command::Batch(adds), false) {
                        Ok(_) => {
                            notice = Some(format!(
                                "Tagged {n} matches as {}. Undo (Ctrl+Z) takes them all back.",
                                labels::tag_label(kind).to_lowercase()
                            ))
                        }
                        Err(e) => notice = Some(e.to_string()),
                    }
                }
            }
            Action::OpenDialog
            | Action::OpenFolderDialog
            | Action::OpenFolder(_)
            | Action::OpenCorpusDoc(_)
            | Action::StepDocument(_)
            | Action::OpenSpan(..)
            | Action::Review { .. }
            | Action::UndoCorpus
            | Action::SetMode(_)
            | Action::Open(_)
            | Action::OpenAside(_)
            | Action::OpenWithAnnotations(..)
            | Action::Close
            | Action::ToggleShortcuts
            | Action::ShowReanchorReview
            | Action::ShowConflicts
            | Action::ToggleFind => {}
        }
        let error = failed || doc.save_error.is_some();
        if settle.is_some() {
            self.settled(settle);
        }
        if let Some(result) = saved {
            self.after_save(result, "");
        }
        if let Some(text) = notice {
            self.notify(text, error);
        }
        for a in follow {
            self.apply(ctx, a);
        }
        ctx.request_repaint();
    }

    fn open_dialog(&mut self) {
        let started = Instant::now();
        let picked = rfd::FileDialog::new()
            .add_filter("Documents", super::corpus::DOCUMENT_EXTENSIONS)
            .add_filter("All files", &["*"])
            .pick_file();
        match picked {
            Some(path) => self.open(&path),
            // A dialog that "returns" at once was never shown: there is no file-dialog service.
            None if started.elapsed() < Duration::from_millis(400) => self.notify(
                "No file dialog could be shown on this system. Drag a document onto the window, choose a recent file, or start factmark with a path: factmark FILE",
                false,
            ),
            None => {}
        }
    }
}

/// The id a command is about, if it is about one annotation.
fn cmd_id(cmd: &Command) -> Option<AnnotationId> {
    match cmd {
        Command::Add(a) => Some(a.id),
        Command::Delete(id)
        | Command::SetTag(id, _)
        | Command::SetNote(id, _)
        | Command::SetReview(id, _)
        | Command::SetSpan { id, .. } => Some(*id),
        Command::Batch(_) => None,
    }
}

/// The tag toolbar: one button per tag, in its colours, that tags the selection (or retags
/// the selected annotation); it doubles as the legend.
/// The list's usual width, and the narrowest it may be.
const LIST_WIDTH: f32 = 300.0;
const LIST_MIN: f32 = 200.0;
/// The inspector's width, and the narrowest it may be.
const INSPECTOR_WIDTH: f32 = 320.0;
const INSPECTOR_MIN: f32 = 200.0;
/// The document column never gets narrower than this because of side panels: about 45
/// characters of text and its margins.
const MIN_TEXT_COLUMN: f32 = 45.0 * 8.5 + 2.0 * theme::DOC_MARGIN;

/// How wide the side panels may be at a window width: the inspector first (it is where a
/// change is made), then the list; a panel that does not fit beside a readable text column
/// is folded (`None`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct PanelRoom {
    /// The inspector's width.
    inspector: Option<f32>,
    /// The list's greatest width.
    list: Option<f32>,
}

impl PanelRoom {
    fn of(width: f32, list: bool, inspector: bool) -> Self {
        let mut spare = width - MIN_TEXT_COLUMN;
        let inspector = (inspector && spare >= INSPECTOR_MIN).then(|| {
            let w = spare.min(INSPECTOR_WIDTH);
            spare -= w;
            w
        });
        let list = (list && spare >= LIST_MIN).then_some(spare);
        Self { inspector, list }
    }
}

fn toolbar_ui(ui: &mut Ui, has_selection: bool, typing: bool, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for k in TagKind::ALL {
            let fill = theme::tag_fill(*k, ui.visuals());
            let strong = theme::tag_strong(*k, ui.visuals());
            let button = egui::Button::new(
                RichText::new(format!(
                    "{} ({})",
                    labels::tag_label(*k),
                    labels::tag_key(*k)
                ))
                .color(strong),
            )
            .fill(fill);
            if ui
                .add(button)
                .on_hover_text(format!(
                    "Tag the selected text as {} (or retag the selected annotation)",
                    labels::tag_label(*k).to_lowercase()
                ))
                .clicked()
            {
                actions.push(Action::Tag(*k));
            }
        }
        // The hint says where keys go now.
        let hint = if typing {
            "Keys go into the field being edited; press Esc or click in the text to tag."
        } else if has_selection {
            "Press C, Q, D or E (or 1–4) to tag the selection."
        } else {
            "Select text, then press a key. Outer spans of nested ones are underlined."
        };
        ui.label(RichText::new(hint).small().color(theme::weak(ui.visuals())));
    });
}

impl eframe::App for FactmarkApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let mut timer = std::mem::take(&mut self.frame_timer);
        let ctx = ui.ctx().clone();
        let caught = timer.frame(&ctx, || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.ui_body(ui)))
        });
        self.frame_timer = timer;
        if let Err(payload) = caught {
            self.after_panic(&payload);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_place();
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        self.save_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_panels_leave_a_readable_text_column() {
        for width in [640.0, 800.0, 1024.0, 1280.0, 1920.0, 2560.0] {
            let room = PanelRoom::of(width, true, true);
            let used = room.inspector.unwrap_or(0.0) + room.list.unwrap_or(0.0);
            assert!(width - used >= MIN_TEXT_COLUMN, "{width}: {room:?}");
        }
        // Large windows show both; 800 px keeps the inspector and folds the list.
        let wide = PanelRoom::of(1280.0, true, true);
        assert!(wide.inspector.is_some() && wide.list.is_some());
        let small = PanelRoom::of(800.0, true, true);
        assert!(small.inspector.is_some() && small.list.is_none());
        // The smallest window still has the inspector, the list folded.
        let tiny = PanelRoom::of(640.0, true, true);
        assert!(tiny.inspector.is_some() && tiny.list.is_none(), "{tiny:?}");
        // The inspector has the same width whatever is shown beside it.
        assert_eq!(
            PanelRoom::of(1280.0, true, true).inspector,
            PanelRoom::of(1280.0, false, true).inspector
        );
    }
}
