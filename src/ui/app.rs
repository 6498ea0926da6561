//! The application: lays out the panels, runs dialogs, shows banners, and hands every change
//! the person asks for to the workspace. Panels return [`Action`]s; a change to the documents
//! is an [`Intent`] applied by [`Workspace::apply`], whose outcomes [`wording`] puts into words.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Ui;

use super::actions::{Action, Mode};
use super::annotation_list::AnnotationList;
use super::banners::{Banners, Notice};
use super::commands::{self, Scope};
use super::corpus_view::CorpusView;
use super::dialogs::{self, Picked};
use super::disk_watch::DiskWatch;
use super::document_view::{DocumentView, ViewEvent, ViewModel};
use super::find::FindBar;
use super::inspector::Inspector;
use super::layout::{LIST_MIN, LIST_WIDTH, PanelRoom};
use super::menu::{ToolWindows, menu_bar};
use super::settings::{Settings, ThemeChoice};
use super::span_review::SpanReview;
use super::stats_view::StatsView;
use super::windows::{shortcut_sheet, tool_window};
use super::{start_screen, wording};
use crate::store::StoreError;
use crate::workspace::{Document, Intent, Outcome, SaveFailure, Workspace};

/// The factmark window.
pub struct FactmarkApp {
    /// The open documents and folder.
    pub ws: Workspace,
    /// What the central area shows.
    pub mode: Mode,
    /// The folder's documents table.
    pub corpus_view: CorpusView,
    /// The folder's span review table.
    pub span_review: SpanReview,
    stats_view: StatsView,
    pending_folder: Option<PathBuf>,
    /// The current document's view (layout and scroll), by its path. Every document starts
    /// where it was left (see [`Settings::place_of`]).
    views: HashMap<PathBuf, DocumentView>,
    /// The current document and the text position at the top of its view, as last drawn.
    place: Option<(PathBuf, usize)>,
    /// Remembered settings.
    pub settings: Settings,
    /// The annotation list panel.
    pub list: AnnotationList,
    /// The inspector panel.
    pub inspector: Inspector,
    /// The find bar.
    pub find: FindBar,
    /// The banners.
    pub banners: Banners,
    show_shortcuts: bool,
    show_reanchor: bool,
    show_conflicts: bool,
    /// Which tool windows are open.
    pub tools: ToolWindows,
    conflicts_view: super::conflicts_view::ConflictsView,
    /// The Suggest pane.
    pub suggest: super::suggest_pane::SuggestPane,
    agreement: super::agreement_view::AgreementView,
    title: String,
    samples: Vec<PathBuf>,
    applied_theme: Option<ThemeChoice>,
    /// Frame timing for `FACTMARK_PROFILE`.
    frame_timer: super::profile::FrameTimer,
    /// Watches the current document's file.
    disk_watch: Option<DiskWatch>,
    /// Whether a text field had the keyboard at the end of the last frame.
    typing: bool,
    /// Whether the annotation list is open in the inspector's place (when there is no room for
    /// both beside the text).
    list_drawer: bool,
    /// Wakes the window from other threads (set on the first frame).
    repaint: Arc<std::sync::OnceLock<egui::Context>>,
}

impl FactmarkApp {
    /// The app with these settings, with `doc` opened if given.
    pub fn new(settings: Settings, doc: Option<PathBuf>) -> Self {
        Self::with_opened(settings, doc, None)
    }

    /// Like [`Self::new`], with the document already read (by [`Document::open`] on another
    /// thread while the window was being created) if `opened` is given.
    pub fn with_opened(
        settings: Settings,
        doc: Option<PathBuf>,
        opened: Option<Result<Document, StoreError>>,
    ) -> Self {
        let repaint: Arc<std::sync::OnceLock<egui::Context>> = Arc::default();
        let waker = Arc::clone(&repaint);
        let ws = Workspace::new(
            settings.author.clone(),
            Arc::new(move || {
                if let Some(ctx) = waker.get() {
                    ctx.request_repaint();
                }
            }),
        );
        let mut app = Self {
            ws,
            mode: Mode::Document,
            corpus_view: CorpusView::default(),
            span_review: SpanReview::default(),
            stats_view: StatsView::default(),
            pending_folder: None,
            views: HashMap::new(),
            place: None,
            settings,
            list: AnnotationList::default(),
            inspector: Inspector::default(),
            find: FindBar::default(),
            banners: Banners::default(),
            show_shortcuts: false,
            show_reanchor: false,
            show_conflicts: false,
            tools: ToolWindows::default(),
            conflicts_view: super::conflicts_view::ConflictsView::default(),
            suggest: super::suggest_pane::SuggestPane::default(),
            agreement: super::agreement_view::AgreementView::default(),
            title: String::new(),
            samples: start_screen::samples(),
            applied_theme: None,
            frame_timer: super::profile::FrameTimer::default(),
            disk_watch: None,
            typing: false,
            list_drawer: false,
            repaint,
        };
        if let Some(path) = doc {
            if path.is_dir() {
                app.pending_folder = Some(path);
            } else {
                let outcomes = match opened {
                    Some(read) => app.ws.adopt(&path, read),
                    None => app.ws.apply(Intent::Open(path)),
                };
                app.tell(outcomes);
            }
        }
        app
    }

    /// The current document.
    pub fn doc(&self) -> Option<&Document> {
        self.ws.current()
    }

    /// The current document, to change its view state.
    pub fn doc_mut(&mut self) -> Option<&mut Document> {
        self.ws.current_mut()
    }

    /// The current document's view.
    pub fn view(&self) -> Option<&DocumentView> {
        self.views.get(self.ws.current()?.path())
    }

    /// The current document's view, to scroll it.
    pub fn view_mut(&mut self) -> Option<&mut DocumentView> {
        let path = self.ws.current()?.path().to_owned();
        self.views.get_mut(&path)
    }

    /// The banners shown.
    pub fn notices(&self) -> &[Notice] {
        self.banners.shown()
    }

    /// Shows a message in the window.
    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.banners.show(if error {
            Notice::error(text)
        } else {
            Notice::info(text)
        });
    }

    /// Asks the workspace for a change and shows what came of it.
    pub fn run(&mut self, intent: Intent) {
        if matches!(intent, Intent::Tag(_)) {
            // What was just made shows in the inspector, not behind the folded list.
            self.list_drawer = false;
        }
        self.ws.author.clone_from(&self.settings.author);
        let outcomes = self.ws.apply(intent);
        self.tell(outcomes);
    }

    /// Acts on what the workspace did (views, dialogs, remembered places) and says it.
    fn tell(&mut self, outcomes: Vec<Outcome>) {
        for o in &outcomes {
            match o {
                Outcome::Opened(opened) => {
                    self.leave_place();
                    self.settings.remember(&opened.path);
                    if let Some(elsewhere) = self
                        .settings
                        .saved_as_of(&opened.path)
                        .filter(|p| !crate::store::target::same_file(p, &opened.annotations))
                        .map(Path::to_owned)
                    {
                        self.banners.show(
                            Notice::info(format!(
                                "The annotations of this document were last saved to {} (File > Save Annotations As…); these are the ones in {}.",
                                elsewhere.display(),
                                opened.annotations.display()
                            ))
                            .offering(
                                "Open those annotations",
                                Intent::OpenWithAnnotations(opened.path.clone(), elsewhere),
                            ),
                        );
                    }
                    self.open_view(&opened.path);
                    self.list = AnnotationList::default();
                    self.inspector = Inspector::default();
                    self.mode = Mode::Document;
                }
                Outcome::FolderOpened(path) => {
                    self.leave_place();
                    self.settings.remember(path);
                    self.views.clear();
                    self.corpus_view = CorpusView::default();
                    self.span_review = SpanReview::default();
                    self.mode = Mode::Documents;
                }
                Outcome::Closed(path) => {
                    self.leave_place();
                    self.views.remove(path);
                }
                Outcome::Reloaded => {
                    self.banners.clear();
                    if let Some(path) = self.ws.current().map(|d| d.path().to_owned()) {
                        self.open_view(&path);
                    }
                }
                Outcome::DiskChanged(crate::workspace::DiskChange::Changed(_)) => {
                    // The text changed under the view: laid out again, at the reader's place.
                    if let Some(path) = self.ws.current().map(|d| d.path().to_owned()) {
                        self.open_view(&path);
                    }
                }
                Outcome::Selected(_) => self.list.reveal_selected(),
                Outcome::Reveal(at) => {
                    if let Some(v) = self.view_mut() {
                        v.scroll_to(*at);
                    }
                }
                Outcome::SaveFailed { failure, .. }
                    if matches!(**failure, SaveFailure::Conflicts(_)) =>
                {
                    self.show_conflicts = true;
                }
                Outcome::SavedAs { now, .. } => {
                    if let Some(doc) = self.ws.current().map(|d| d.path().to_owned()) {
                        self.settings.saved_as(&doc, now);
                    }
                }
                _ => {}
            }
            if let Some(topic) = wording::settles(o) {
                self.banners.settle(Some(topic));
            }
            for notice in wording::notices(o) {
                self.banners.show(notice);
            }
        }
    }

    /// Makes the view of the current document at `path`, starting where it was left: its
    /// place as last drawn, or the one remembered from an earlier session.
    fn open_view(&mut self, path: &Path) {
        let Some(doc) = self.ws.current() else { return };
        let at = match &self.place {
            Some((p, at)) if p == path => Some(*at),
            _ => self.settings.place_of(path),
        };
        let mut view = DocumentView::default();
        view.start_at(&doc.session.text, at);
        self.views.clear();
        self.views.insert(path.to_owned(), view);
    }

    /// Remembers where the current document was left (for the next session).
    fn leave_place(&mut self) {
        if let Some((path, at)) = self.place.take() {
            self.settings.leave_at(&path, at);
        }
    }

    /// Saves everything and closes the current document. Returns false (and keeps it open) if
    /// saving failed.
    pub fn close(&mut self) -> bool {
        self.run(Intent::Close);
        self.ws.current().is_none()
    }

    /// After a bug made a frame panic: writes a recovery copy of the in-memory annotations
    /// and tells the user where it is. The window goes on.
    pub fn after_panic(&mut self, payload: &(dyn std::any::Any + Send)) {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        let saved = match self.ws.current() {
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

    /// Saves every unsaved change now (used on exit).
    pub fn save_now(&mut self) {
        let outcomes = self.ws.save_all();
        self.tell(outcomes);
    }

    /// Whether the central area shows the current document (not a folder view).
    fn document_mode(&self) -> bool {
        self.mode == Mode::Document || self.ws.folder.is_none()
    }

    /// Draws the whole window and applies what the user did. eframe calls this every frame;
    /// tests and the perf example call it directly.
    pub fn ui_body(&mut self, ui: &mut Ui) {
        let _ = self.repaint.set(ui.ctx().clone());
        // egui drops the focus on Esc before this frame is drawn: whether a field had the
        // keyboard is what the last frame saw.
        let typing_at_start = std::mem::take(&mut self.typing);
        self.apply_theme(ui.ctx());
        if let Some(folder) = self.pending_folder.take() {
            self.run(Intent::OpenFolder(folder));
        }
        self.ws.poll_folder();
        let mut actions = commands::actions(ui, Scope::Everywhere);
        actions.extend(menu_bar(ui, &self.ws, &mut self.settings, &mut self.tools));
        actions.extend(super::status_bar::status_bar(ui, self.ws.current()));
        actions.extend(self.banners.ui(ui));
        actions.extend(super::folder_bar::folder_bar(ui, &self.ws, self.mode));
        if self.ws.folder.is_some() {
            actions.extend(commands::actions(ui, Scope::Folder));
        }
        actions.extend(self.side_panels(ui));
        actions.extend(self.central(ui));
        let scopes = self.scopes();
        shortcut_sheet(ui.ctx(), &mut self.show_shortcuts, &scopes);
        // Keys pressed while a field had the keyboard at the start of this frame were for
        // that field (Esc only leaves it): they never reach the document.
        if !typing_at_start && !ui.ctx().text_edit_focused() && self.document_mode() {
            actions.extend(commands::actions(ui, Scope::Document));
        } else if ui.input(|i| i.key_pressed(egui::Key::Escape)) && self.find.open {
            ui.ctx().memory_mut(|m| m.stop_text_input());
        }
        self.watch_disk(ui.ctx());
        actions.extend(self.tool_windows(ui.ctx()));
        super::drop_files::dropped_files(ui, &mut actions);
        for action in actions {
            self.apply(action);
        }
        let outcomes = self.ws.tick();
        self.tell(outcomes);
        if let Some(wait) = self.ws.next_tick() {
            ui.ctx().request_repaint_after(wait);
        }
        self.guard_close(ui.ctx());
        self.update_title(ui.ctx());
        self.typing = ui.ctx().text_edit_focused();
    }

    /// The inspector and the list beside the document (or the list in a drawer when the
    /// window is narrow).
    fn side_panels(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let document_mode = self.document_mode();
        let Some(doc) = self.ws.current().filter(|_| document_mode) else {
            return actions;
        };
        if self.find.open {
            let text = &doc.session.text;
            egui::Panel::top("find-bar").show(ui, |ui| actions.extend(self.find.ui(ui, text)));
        }
        let room = PanelRoom::of(
            ui.available_width(),
            self.settings.show_list,
            self.settings.show_inspector,
        );
        // No room for the list beside the text: it opens from the toolbar in the inspector's
        // place until an annotation is picked.
        let drawer = self.settings.show_list && room.list.is_none() && self.list_drawer;
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
                        .any(|a| matches!(a, Action::Do(Intent::SelectAnnotation { .. })))
                    {
                        self.list_drawer = false;
                    }
                    actions.extend(picked);
                });
        }
        actions
    }

    /// The central area: a folder view, the current document, or the start screen.
    fn central(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let document_mode = self.document_mode();
        let list_folded = self.settings.show_list
            && PanelRoom::of(
                ui.ctx().content_rect().width(),
                true,
                self.settings.show_inspector,
            )
            .list
            .is_none();
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(folder) = self.ws.folder.as_ref().filter(|_| !document_mode) {
                match self.mode {
                    Mode::Documents => actions.extend(self.corpus_view.ui(
                        ui,
                        folder,
                        self.ws.current_in_folder(),
                    )),
                    Mode::Spans => actions.extend(self.span_review.ui(ui, folder)),
                    Mode::Stats => self.stats_view.ui(ui, folder),
                    Mode::Document => {}
                }
                return;
            }
            let Some(doc) = self.ws.current() else {
                actions.extend(start_screen::start_ui(
                    ui,
                    &self.settings.recent,
                    &self.samples,
                ));
                return;
            };
            let Some(view) = self.views.get_mut(doc.path()) else {
                return;
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
            super::toolbar::toolbar_ui(
                ui,
                doc.selection.is_some_and(|s| !s.is_empty()),
                ui.ctx().text_edit_focused(),
                &mut actions,
            );
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
            for e in view.ui(ui, &model) {
                actions.push(Action::Do(match e {
                    ViewEvent::Select(s) => Intent::Select(s),
                    ViewEvent::SelectAnnotation(id) => Intent::SelectAnnotation { id, reveal: false },
                    ViewEvent::Tag(k) => Intent::Tag(k),
                    ViewEvent::Delete(id) => Intent::Delete(id),
                    ViewEvent::Reach(id, at) => Intent::Reach(id, at),
                }));
            }
            if let Some(at) = view.top_offset(&doc.session.text) {
                self.place = Some((doc.path().to_owned(), at));
            }
        });
        actions
    }

    /// The floating tool windows about the current document.
    fn tool_windows(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(doc) = self.ws.current() else {
            return actions;
        };
        let author = &self.settings.author;
        let conflicts = &mut self.conflicts_view;
        actions.extend(tool_window(
            ctx,
            "Resolve conflicts",
            560.0,
            &mut self.show_conflicts,
            |ui| conflicts.ui(ui, doc),
        ));
        if self.mode == Mode::Document || self.ws.folder.is_none() {
            let suggest = &mut self.suggest;
            actions.extend(tool_window(
                ctx,
                "Suggestions",
                380.0,
                &mut self.tools.suggest,
                |ui| suggest.ui(ui, doc, author),
            ));
            let agreement = &mut self.agreement;
            actions.extend(tool_window(
                ctx,
                "Compare annotators",
                560.0,
                &mut self.tools.agreement,
                |ui| agreement.ui(ui, doc),
            ));
        }
        actions.extend(tool_window(
            ctx,
            "Review changed annotations",
            560.0,
            &mut self.show_reanchor,
            |ui| super::reanchor_review::review_ui(ui, doc),
        ));
        actions
    }

    /// Saves before the window closes; if that fails, keeps the window open and says why, so
    /// no work is lost.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        self.leave_place();
        let outcomes = self.ws.save_all();
        self.tell(outcomes);
        if self.ws.unsaved() {
            self.notify(
                "The window stays open: the annotations above could not be saved.",
                true,
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    /// Whether the shortcut sheet (F1) is shown.
    pub fn shortcuts_shown(&self) -> bool {
        self.show_shortcuts
    }

    /// Where keys work in the current view: what the F1 sheet lists.
    pub fn scopes(&self) -> Vec<Scope> {
        let mut scopes = vec![Scope::Everywhere];
        match self.mode {
            _ if self.document_mode() => {
                if self.ws.current().is_some() {
                    scopes.push(Scope::Document);
                }
            }
            Mode::Spans => scopes.push(Scope::SpanReview),
            Mode::Document | Mode::Documents | Mode::Stats => {}
        }
        if self.ws.folder.is_some() {
            scopes.push(Scope::Folder);
        }
        scopes
    }

    /// Notices, within a second or so, when the current document's file is changed, deleted
    /// or renamed by another program.
    fn watch_disk(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.ws.current() else {
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
        let outcomes = self.ws.check_disk(woken);
        self.tell(outcomes);
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.ws.current() {
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

    /// Does what an action asks: a change goes to the workspace; the rest is the window's.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Do(intent) => self.run(intent),
            Action::OpenDialog => match dialogs::pick_document() {
                Picked::Path(path) => self.run(Intent::Open(path)),
                Picked::NoDialog => self.notify(
                    "No file dialog could be shown on this system. Drag a document onto the window, choose a recent file, or start factmark with a path: factmark FILE",
                    false,
                ),
                Picked::Nothing => {}
            },
            Action::OpenFolderDialog => match dialogs::pick_folder() {
                Picked::Path(folder) => self.run(Intent::OpenFolder(folder)),
                Picked::NoDialog => self.notify(
                    "No folder dialog could be shown on this system. You can start factmark with a folder: factmark FOLDER",
                    false,
                ),
                Picked::Nothing => {}
            },
            Action::SaveCopyAs => {
                let Some(suggested) = self.ws.current().map(Document::copy_name) else {
                    return;
                };
                if let Some((to, replace)) = dialogs::pick_save(&suggested) {
                    self.run(Intent::SaveAs { to, replace });
                }
            }
            Action::Export(format) => {
                if let Some(doc) = self.ws.current() {
                    match super::export::export_ui(doc, format) {
                        Ok(msg) => self.notify(msg, false),
                        Err(msg) => self.notify(msg, true),
                    }
                }
            }
            Action::StepDocument(delta) => {
                if let Some(next) = self
                    .ws
                    .current_in_folder()
                    .and_then(|i| self.corpus_view.neighbour(i, delta))
                {
                    self.run(Intent::Show(next));
                }
            }
            Action::OpenSpan(d, id) => {
                self.run(Intent::Show(d));
                self.mode = Mode::Document;
                self.run(Intent::Select(None));
                self.run(Intent::SelectAnnotation {
                    id: Some(id),
                    reveal: true,
                });
            }
            Action::SetMode(mode) => self.mode = mode,
            Action::Step(delta) => {
                let from = self.ws.current().and_then(|d| d.selected);
                if let Some(id) = self.list.step(from, delta) {
                    self.run(Intent::Select(None));
                    self.run(Intent::SelectAnnotation {
                        id: Some(id),
                        reveal: true,
                    });
                }
            }
            Action::ScrollToSelected | Action::PreviousMatch if self.find.open => {
                let delta = if action == Action::PreviousMatch { -1 } else { 1 };
                for a in self.find.step(delta) {
                    self.apply(a);
                }
            }
            Action::ScrollToSelected => {
                let at = self
                    .ws
                    .current()
                    .and_then(|d| d.selected.and_then(|id| d.session.annotations.get(id)))
                    .map(|a| a.start);
                if let (Some(at), Some(view)) = (at, self.view_mut()) {
                    view.scroll_to(at);
                }
            }
            Action::PreviousMatch => {}
            Action::Scroll(m) => {
                if let Some(view) = self.view_mut() {
                    view.scroll_by(m);
                }
            }
            Action::ScrollTo(at) => {
                if let Some(view) = self.view_mut() {
                    view.scroll_to(at);
                }
            }
            Action::Escape => {
                let Some(doc) = self.ws.current() else { return };
                if self.find.open {
                    self.find.open = false;
                } else if doc.selection.is_some() {
                    self.run(Intent::Select(None));
                } else {
                    self.run(Intent::SelectAnnotation {
                        id: None,
                        reveal: false,
                    });
                }
            }
            Action::FocusNote => {
                if self.ws.current().is_some_and(|d| d.selected.is_some()) {
                    self.settings.show_inspector = true;
                    self.inspector.focus_note();
                }
            }
            Action::ToggleFind => {
                if self.ws.current().is_some() {
                    self.find.toggle();
                }
            }
            Action::TagAllMatches(template) => {
                let spans = self.find.matches().to_vec();
                self.run(Intent::TagAll { template, spans });
            }
            Action::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Action::ShowReanchorReview => self.show_reanchor = true,
            Action::ShowConflicts => self.show_conflicts = true,
        }
    }
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
        if let Some((path, at)) = &self.place {
            self.settings.leave_at(path, *at);
        }
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        self.save_now();
    }
}
