//! The application: lays out the panels, runs dialogs, shows banners, and hands every change
//! the person asks for to the workspace. Panels return [`Action`]s; a change to the documents
//! is an [`Intent`] applied by [`Workspace::apply`], whose outcomes [`wording`] puts into words.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Ui;

use super::actions::{Action, Mode};
use super::banners::{Banners, Notice, Topic};
use super::commands::{self, Scope};
use super::dialogs::{self, Picked};
use super::disk_watch::DiskWatch;
use super::document_pane::DocumentPane;
use super::document_view::DocumentView;
use super::folder_views::FolderViews;
use super::menu::menu_bar;
use super::settings::{Settings, ThemeChoice};
use super::windows::Windows;
use super::{start_screen, wording};
use crate::workspace::{Background, Document, Intent, Outcome, Reading, SaveFailure, Workspace};

/// The factmark window.
pub struct FactmarkApp {
    /// The open documents and folder.
    pub ws: Workspace,
    /// What the central area shows.
    pub mode: Mode,
    /// The folder's views.
    pub folder_views: FolderViews,
    pending_folder: Option<PathBuf>,
    /// The current document's pane (list, inspector, find, view).
    pub pane: DocumentPane,
    /// Remembered settings.
    pub settings: Settings,
    /// The settings as last given to eframe to keep: while they differ, a frame is asked for
    /// after the save interval, so that a window left alone keeps them too.
    kept_settings: Settings,
    /// The banners.
    pub banners: Banners,
    /// The floating windows.
    pub windows: Windows,
    title: String,
    samples: Vec<PathBuf>,
    applied_theme: Option<ThemeChoice>,
    /// Frame timing for `FACTMARK_PROFILE`.
    frame_timer: super::profile::FrameTimer,
    /// Watches the current document's file.
    disk_watch: Option<DiskWatch>,
    /// Whether a text field had the keyboard at the end of the last frame.
    typing: bool,
    /// Keys waiting for the field they were typed for.
    type_ahead: super::type_ahead::TypeAhead,
    /// Wakes the window from other threads (set on the first frame).
    repaint: Arc<std::sync::OnceLock<egui::Context>>,
    /// The document being read on another thread while the window shows.
    reading: Option<Reading>,
}

impl FactmarkApp {
    /// The app with these settings, with `doc` opened if given.
    pub fn new(settings: Settings, doc: Option<PathBuf>) -> Self {
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
            folder_views: FolderViews::default(),
            pending_folder: None,
            pane: DocumentPane::default(),
            kept_settings: settings.clone(),
            settings,
            banners: Banners::default(),
            windows: Windows::default(),
            title: String::new(),
            samples: start_screen::samples(),
            applied_theme: None,
            frame_timer: super::profile::FrameTimer::default(),
            disk_watch: None,
            typing: false,
            type_ahead: super::type_ahead::TypeAhead::default(),
            repaint,
            reading: None,
        };
        if let Some(path) = doc {
            if path.is_dir() {
                app.pending_folder = Some(path);
            } else {
                let outcomes = app.ws.apply(Intent::Open(path));
                app.tell(outcomes);
            }
        }
        app
    }

    /// Like [`Self::new`], with `doc` being read on another thread: the window shows that it
    /// is being read, and the document once it is (a long PDF takes seconds).
    pub fn with_reading(settings: Settings, reading: Reading) -> Self {
        let mut app = Self::new(settings, None);
        app.reading = Some(reading);
        app
    }

    /// Whether a document is still being read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Takes the document read on another thread once it is; until then, says so in the
    /// window, which Esc or Stop leaves waiting (the document shown before stays). Whether it
    /// is still being read.
    fn poll_reading(&mut self, ui: &mut Ui) -> bool {
        let Some(reading) = self.reading.take() else {
            return false;
        };
        if let Some(read) = reading.try_take() {
            let outcomes = self.ws.adopt(&reading, read);
            self.tell(outcomes);
            return false;
        }
        let path = reading.path();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut stop = ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        ui.vertical_centered(|ui| {
            ui.add_space(
                (ui.available_height() / 2.0 - 2.0 * ui.spacing().interact_size.y).max(0.0),
            );
            ui.label(
                egui::RichText::new(format!("Reading {name}…"))
                    .color(super::theme::weak(ui.visuals())),
            );
            ui.add_space(ui.spacing().item_spacing.y);
            stop |= ui
                .button("Stop")
                .on_hover_text("Stop waiting for this document (Esc)")
                .clicked();
        });
        if stop {
            // The thread finishes on its own; what it read is dropped.
            return false;
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
        self.reading = Some(reading);
        true
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
        self.pane.view(self.ws.current()?.path())
    }

    /// The current PDF's page view, when it shows its pages.
    pub fn page_view(&self) -> Option<&super::page_view::PageView> {
        self.pane.page_view(self.ws.current()?.path())
    }

    /// The current document's view, to scroll it.
    pub fn view_mut(&mut self) -> Option<&mut DocumentView> {
        let path = self.ws.current()?.path().to_owned();
        self.pane.view_mut(&path)
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
            self.pane.close_drawer();
        }
        self.ws.author.clone_from(&self.settings.author);
        // A document opened from disk is read on another thread: a long PDF takes seconds.
        let outcomes = match self.ws.open_in_background(intent) {
            Background::Reading(reading, saved) => {
                self.reading = Some(reading);
                saved
            }
            Background::Kept(saved) => saved,
            Background::Apply(intent) => self.ws.apply(*intent),
        };
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
                    self.open_view();
                    self.pane.reset_panels();
                    self.mode = Mode::Document;
                }
                Outcome::FolderOpened(path) => {
                    self.leave_place();
                    self.settings.remember(path);
                    self.folder_views = FolderViews::default();
                    self.mode = Mode::Documents;
                }
                Outcome::Closed(path) => {
                    self.leave_place();
                    self.pane.forget(path);
                }
                Outcome::Reloaded => {
                    self.banners.clear();
                    self.open_view();
                }
                // The text changed under the view: laid out again, at the reader's place.
                Outcome::DiskChanged(crate::workspace::DiskChange::Changed(_)) => self.open_view(),
                Outcome::Selected(_) => self.pane.list.reveal_selected(),
                Outcome::Reveal(at) => {
                    if let Some(path) = self.ws.current().map(|d| d.path().to_owned()) {
                        self.pane.reveal(&path, *at);
                    }
                }
                Outcome::SaveFailed { failure, .. }
                    if matches!(**failure, SaveFailure::Conflicts(_)) =>
                {
                    self.windows.conflicts = true;
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

    /// Takes down the banners whose matter is settled: no annotation waits for a decision, no
    /// conflict waits for a choice.
    fn settle_done(&mut self) {
        let Some(doc) = self.ws.current() else { return };
        if doc.not_anchored() == 0 {
            self.banners
                .settle(Some(super::banners::Topic::NeedsReview));
        }
        if !doc.has_conflicts() {
            self.banners.settle(Some(super::banners::Topic::Conflicts));
        }
    }

    /// Shows the current document's view where it was left: its place as last drawn, or the
    /// one remembered from an earlier session.
    fn open_view(&mut self) {
        if let Some(doc) = self.ws.current() {
            self.pane.show(
                doc,
                self.settings.place_of(doc.path()),
                self.settings.is_paged(doc.path()),
                self.settings.zoom_of(doc.path()),
            );
        }
    }

    /// Records in the settings where the current document is and how far its pages are
    /// zoomed, keeping them current (what the next session starts from).
    pub fn remember_view(&mut self) {
        if let Some((path, at)) = self.pane.place() {
            if let Some(zoom) = self.pane.zoom(path) {
                self.settings.set_zoom(path, zoom);
            }
            self.settings.leave_at(path, *at);
        }
    }

    /// Remembers where the current document was left (for the next session).
    fn leave_place(&mut self) {
        if let Some((path, at)) = self.pane.take_place() {
            if let Some(zoom) = self.pane.zoom(&path) {
                self.settings.set_zoom(&path, zoom);
            }
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
        if self.poll_reading(ui) {
            return;
        }
        // egui drops the focus on Esc before this frame is drawn: whether a field had the
        // keyboard is what the last frame saw.
        let typing_at_start = std::mem::take(&mut self.typing);
        // Keys pressed while a drop-down or menu was open are for it (Down, Enter and Esc in
        // a verdict's list): they never reach the document, the find bar or the sheet.
        let popup_at_start = egui::Popup::is_any_open(ui.ctx());
        self.apply_theme(ui.ctx());
        if let Some(folder) = self.pending_folder.take() {
            self.run(Intent::OpenFolder(folder));
        }
        self.ws.poll_folder();
        // The claim groups are brought up to date only when something shows them: the Claims
        // view, a claim's inspector, or selected text (the repeat hint).
        let shows_claims = self.mode == Mode::Claims
            || self.ws.current().is_some_and(|d| {
                d.selection.is_some_and(|s| !s.is_empty())
                    || d.selected
                        .and_then(|id| d.session.annotations.get(id))
                        .is_some_and(|a| a.tag.kind() == crate::core::annotation::TagKind::Claim)
            });
        if shows_claims && let Some(folder) = self.ws.folder.as_mut() {
            folder.refresh_claims();
        }
        let mut actions = commands::actions(ui, Scope::Everywhere);
        actions.extend(menu_bar(
            ui,
            &self.ws,
            &mut self.settings,
            &mut self.windows,
        ));
        actions.extend(super::status_bar::status_bar(ui, self.ws.current()));
        if let Some(news) = super::fonts::missing_glyphs(ui.ctx()).and_then(|m| m.news()) {
            self.banners.show(Notice::info(news).about(Topic::Fonts));
        }
        actions.extend(self.banners.ui(ui));
        actions.extend(super::folder_bar::folder_bar(ui, &self.ws, self.mode));
        if self.scopes().contains(&Scope::Folder) {
            actions.extend(commands::actions(ui, Scope::Folder));
        }
        let document_mode = self.document_mode();
        if let Some(doc) = self.ws.current().filter(|_| document_mode) {
            self.pane.offer_folder_names(self.ws.folder.as_ref(), doc);
            let here = self.ws.current_in_folder();
            actions.extend(self.pane.side_panels(
                ui,
                doc,
                &self.settings,
                self.ws.folder.as_ref(),
                here,
            ));
        }
        actions.extend(self.central(ui));
        let scopes = self.scopes();
        self.windows.shortcut_sheet(ui.ctx(), &scopes);
        // Esc closes the shortcut sheet first.
        if self.windows.shortcuts
            && !typing_at_start
            && !popup_at_start
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.windows.shortcuts = false;
        }
        // Keys pressed while a field had the keyboard at the start of this frame were for
        // that field (Esc only leaves it): they never reach the document.
        let keys_free = !typing_at_start && !popup_at_start && !ui.ctx().text_edit_focused();
        if keys_free && self.document_mode() {
            actions.extend(commands::actions(ui, Scope::Document));
        } else if !popup_at_start
            && ui.input(|i| i.key_pressed(egui::Key::Escape))
            && self.pane.find.open
        {
            ui.ctx().memory_mut(|m| m.stop_text_input());
        }
        self.watch_disk(ui.ctx());
        if let Some(doc) = self.ws.current() {
            actions.extend(
                self.windows
                    .ui(ui.ctx(), doc, &self.settings.author, document_mode),
            );
        }
        super::drop_files::dropped_files(ui, &mut actions);
        // What the actions change was not drawn this frame: draw it at once, not at the next
        // input (a tag key's claim showed only when the pointer next moved).
        if !actions.is_empty() {
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(action);
        }
        let outcomes = self.ws.tick();
        self.tell(outcomes);
        self.settle_done();
        // A message told after the banners were drawn (an autosave that failed) is drawn at
        // once, not when the pointer next moves.
        if self.banners.changed_since_drawn() {
            ui.ctx().request_repaint();
        }
        if let Some(wait) = self.ws.next_tick() {
            ui.ctx().request_repaint_after(wait);
        }
        self.guard_close(ui.ctx());
        self.update_title(ui.ctx());
        self.keep_keys_in_the_document(ui, typing_at_start);
        self.typing = ui.ctx().text_edit_focused();
    }

    /// Tab does not hand the document's keys to a menu or button (where Enter would open a
    /// menu and Backspace still delete): in the document, keys go where the last gesture was.
    fn keep_keys_in_the_document(&self, ui: &Ui, typing_at_start: bool) {
        let tabbed = ui.input(|i| i.key_pressed(egui::Key::Tab));
        if tabbed
            && !typing_at_start
            && self.document_mode()
            && !ui.ctx().text_edit_focused()
            && let Some(id) = ui.ctx().memory(|m| m.focused())
        {
            ui.ctx().memory_mut(|m| m.surrender_focus(id));
        }
    }

    /// The central area: a folder view, the current document, or the start screen.
    fn central(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let document_mode = self.document_mode();
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(folder) = self.ws.folder.as_ref().filter(|_| !document_mode) {
                let current = self.ws.current_in_folder();
                actions.extend(self.folder_views.ui(ui, self.mode, folder, current));
            } else if let Some(doc) = self.ws.current() {
                let here = self.ws.current_in_folder();
                actions.extend(self.pane.central(
                    ui,
                    doc,
                    &self.settings,
                    self.ws.folder.as_ref(),
                    here,
                ));
            } else {
                actions.extend(start_screen::start_ui(
                    ui,
                    &self.settings.recent,
                    &self.samples,
                ));
            }
        });
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
        self.windows.shortcuts
    }

    /// Holds back the keys typed after one that gives a field the keyboard until the field
    /// has it, and an Esc typed right after letters until they are written (see
    /// [`super::type_ahead`]). Called with each frame's input before the frame.
    pub fn hold_type_ahead(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let scopes = self.scopes();
        let typing = ctx.text_edit_focused();
        self.type_ahead
            .hold(raw_input, typing, |e| commands::gives_field(e, &scopes));
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
            Mode::Document | Mode::Documents | Mode::Stats | Mode::Claims => {}
        }
        if self.document_mode() && self.ws.current_in_folder().is_some() {
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
            // A double click whose second click comes half a second after the first, as
            // desktops allow (and as a busy frame may make it): egui's own limit is 0.3 s,
            // past which the second click selected the annotation under it again, not the
            // word.
            ctx.options_mut(|o| o.input_options.max_double_click_delay = 0.5);
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
                let Some(doc) = self.ws.current() else { return };
                let suggested = doc.copy_name();
                let failing = doc.save_error.is_some();
                match dialogs::pick_save(&suggested) {
                    Picked::Path(to) => self.run(Intent::SaveAs { to, replace: true }),
                    // No dialog, and saving fails: the work is kept in a new file beside the
                    // sidecar (or in the home folder when that folder is read-only) rather
                    // than only in memory.
                    Picked::NoDialog if failing => self.run(Intent::SaveAs {
                        to: doc.copy_place(),
                        replace: false,
                    }),
                    Picked::NoDialog => self.notify(
                        format!(
                            "No file dialog could be shown on this system, so the annotations stay where they are saved now: {}. (When saving there fails, Save Annotations As… keeps them in a new file beside it, or in your home folder when that folder is read-only.)",
                            doc.session.sidecar_path.display()
                        ),
                        false,
                    ),
                    Picked::Nothing => {}
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
                    .and_then(|i| self.folder_views.documents.neighbour(i, delta))
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
            Action::ToggleShortcuts => self.windows.shortcuts = !self.windows.shortcuts,
            Action::ShowReanchorReview => self.windows.reanchor = true,
            Action::ShowConflicts => self.windows.conflicts = true,
            Action::OpenUrl(url) => {
                if let Err(e) = open::that_detached(&url) {
                    self.notify(format!("Could not open {url}: {e}."), true);
                }
            }
            Action::OpenFile(path) => {
                if let Err(e) = open::that_detached(&path) {
                    self.notify(
                        format!("Could not open {}: {e}.", path.display()),
                        true,
                    );
                }
            }
            Action::AttachSnapshot(id, item) => self.attach_snapshot(id, item),
            Action::Step(_)
            | Action::SelectAllListed
            | Action::Caret { .. }
            | Action::ScrollToSelected
            | Action::PreviousMatch
            | Action::Scroll(_)
            | Action::ScrollTo(_)
            | Action::Escape
            | Action::FocusNote
            | Action::ToggleFind
            | Action::TogglePageView
            | Action::StartLink
            | Action::TagAllMatches(_) => {
                let Some(doc) = self.ws.current() else { return };
                for next in self.pane.act(&action, doc, &mut self.settings) {
                    self.apply(next);
                }
            }
        }
    }
}

impl FactmarkApp {
    /// Asks for a file and attaches it as the snapshot of evidence item `item` of annotation
    /// `id`: its path beside the annotations and its SHA-256 are recorded (one undoable step).
    fn attach_snapshot(
        &mut self,
        id: crate::core::annotation::AnnotationId,
        item: crate::core::evidence::EvidenceId,
    ) {
        let Some(doc) = self.ws.current() else { return };
        let Some(a) = doc.session.annotations.get(id) else {
            return;
        };
        let folder = doc
            .session
            .sidecar_path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .to_owned();
        let file = match dialogs::pick_snapshot(&folder) {
            Picked::Path(p) => p,
            Picked::NoDialog => {
                self.notify(
                    "No file dialog could be shown on this system. Attach a snapshot from the command line: factmark evidence DOC ANNOTATION --url URL --snapshot FILE",
                    false,
                );
                return;
            }
            Picked::Nothing => return,
        };
        match crate::store::snapshot::attach(&doc.session.sidecar_path, &file) {
            Ok(snapshot) => {
                let mut items = a.evidence.clone();
                if let Some(e) = items.iter_mut().find(|e| e.id == item) {
                    e.snapshot = Some(snapshot);
                }
                self.run(Intent::Edit(crate::core::edit::Command::SetEvidence(
                    id, items,
                )));
            }
            Err(e) => self.notify(format!("Could not attach the snapshot. {e}"), true),
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
        // Held input comes in the next frame, at once.
        if self.type_ahead.holding() {
            ctx.request_repaint();
        }
        // (eframe keeps them only in a frame after its interval: an idle window has none.)
        self.remember_view();
        if self.settings != self.kept_settings {
            ctx.request_repaint_after(
                self.auto_save_interval() + std::time::Duration::from_millis(200),
            );
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.hold_type_ahead(ctx, raw_input);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_view();
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        self.kept_settings = self.settings.clone();
    }

    /// The recent documents and each document's view are kept every few seconds, so a
    /// window killed or a machine that loses power keeps them (eframe's default is 30 s).
    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(3)
    }

    fn on_exit(&mut self) {
        self.save_now();
    }
}
