//! The current document's pane: the find bar, the inspector and the annotation list beside the
//! text (the list folds into a drawer when the window is narrow), the tag toolbar and the
//! document view; and what the window's own keys do to it (scrolling, stepping through
//! annotations, find, Esc).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::Ui;

use super::actions::{Action, Motion};
use super::annotation_list::AnnotationList;
use super::document_view::{DocumentView, ViewEvent, ViewModel};
use super::find::FindBar;
use super::inspector::Inspector;
use super::layout::{LIST_MIN, LIST_WIDTH, PanelRoom};
use super::page_view::PageView;
use super::settings::Settings;
use crate::core::caret::{Step, step};
use crate::core::snap::snap_outward;
use crate::workspace::{Document, Intent, Selection};

/// The document pane's state.
#[derive(Default)]
pub struct DocumentPane {
    /// The annotation list.
    pub list: AnnotationList,
    /// The inspector.
    pub inspector: Inspector,
    /// The find bar.
    pub find: FindBar,
    /// The current document's view (layout and scroll), by its path.
    views: HashMap<PathBuf, DocumentView>,
    /// The current PDF's page view, by its path.
    page_views: HashMap<PathBuf, PageView>,
    /// The PDFs shown as pages rather than as text.
    paged: std::collections::HashSet<PathBuf>,
    /// The current document and the text position at the top of its view, as last drawn.
    place: Option<(PathBuf, usize)>,
    /// How far the current PDF's pages were zoomed when it was last left: its page view
    /// starts so when the PDF was opened as text and P shows its pages.
    zoom_left: Option<(PathBuf, f32)>,
    /// Whether the list is open in the inspector's place (no room for both beside the text).
    list_drawer: bool,
    /// Where the panels were drawn last frame.
    pub drawn: Drawn,
    /// The folder's documents read and the current document when the names the inspector
    /// offers from the folder were gathered.
    names_for: Option<(usize, PathBuf)>,
    /// A link being made (L): the annotation it starts from; the next annotation clicked,
    /// in the text or the list, is its target.
    linking: Option<crate::core::annotation::AnnotationId>,
    /// The last hint that the selected text repeats a rated claim, and what it was made for.
    repeat: Option<(RepeatKey, Option<String>)>,
}

/// Selection start and end, document version and folder version.
type RepeatKey = (usize, usize, u64, u64);

/// Where the document pane's parts were drawn in the last frame (screen rectangles), to check
/// the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Drawn {
    /// The inspector (or what shows in its place), if shown.
    pub inspector: Option<egui::Rect>,
    /// The list, beside the text or in the drawer, if shown.
    pub list: Option<egui::Rect>,
    /// The document text's column.
    pub text: Option<egui::Rect>,
}

impl DocumentPane {
    /// Shows `doc`, just made current, starting at `remembered` (where it was left in an
    /// earlier session) unless this session's place of it is known; as pages when it is a PDF
    /// last shown that way (`paged`).
    pub fn show(&mut self, doc: &Document, remembered: Option<usize>, paged: bool, zoom: f32) {
        if paged && doc.session.pages.is_some() {
            self.paged.insert(doc.path().to_owned());
        }
        let path = doc.path();
        let at = match &self.place {
            Some((p, at)) if p == path => Some(*at),
            _ => remembered,
        };
        let mut view = DocumentView::default();
        view.start_at(&doc.session.text, at);
        self.views.clear();
        self.views.insert(path.to_owned(), view);
        let kept = self.page_views.remove(path);
        self.page_views.clear();
        self.zoom_left = Some((path.to_owned(), zoom));
        if self.paged.contains(path)
            && let Some(pages) = doc.session.pages.as_deref()
        {
            let mut pv = kept.unwrap_or_else(|| {
                let mut pv = PageView::new(path, pages);
                pv.start_zoomed(zoom);
                pv
            });
            if let Some(at) = at {
                pv.start_at(at);
            }
            self.page_views.insert(path.to_owned(), pv);
        }
    }

    /// The page view of the document at `path`, when it shows its pages.
    pub fn page_view(&self, path: &Path) -> Option<&PageView> {
        self.page_views
            .get(path)
            .filter(|_| self.paged.contains(path))
    }

    /// Whether the document at `path` is shown as pages.
    pub fn shows_pages(&self, path: &Path) -> bool {
        self.paged.contains(path) && self.page_views.contains_key(path)
    }

    /// Brings char offset `at` of the document at `path` into view, in its text and pages.
    pub fn reveal(&mut self, path: &Path, at: usize) {
        if let Some(v) = self.views.get_mut(path) {
            v.scroll_to(at);
        }
        if let Some(pv) = self.page_views.get_mut(path) {
            pv.reveal(at);
        }
    }

    /// Switches a PDF between its pages and its text, at the same place: the selection, the
    /// selected annotation, or what was at the top of the view left.
    fn toggle_pages(&mut self, doc: &Document) {
        let Some(pages) = doc.session.pages.as_deref() else {
            return;
        };
        let path = doc.path();
        let chosen = doc
            .selection
            .filter(|s| !s.is_empty())
            .map(|s| s.start())
            .or_else(|| {
                doc.selected
                    .and_then(|id| doc.session.annotations.get(id))
                    .map(|a| a.start)
            });
        if self.shows_pages(path) {
            self.paged.remove(path);
            let top = self.page_views.get(path).and_then(PageView::top_offset);
            // What was selected is shown in the middle of the text; what was at the top of
            // the pages, at the top of the text.
            if let Some(v) = self.views.get_mut(path) {
                match (chosen, top) {
                    (Some(at), _) => v.scroll_to(at),
                    (None, Some(at)) => v.start_at(&doc.session.text, Some(at)),
                    (None, None) => {}
                }
            }
        } else {
            self.paged.insert(path.to_owned());
            let top = self
                .views
                .get(path)
                .and_then(|v| v.top_offset(&doc.session.text));
            let zoom = self
                .zoom_left
                .as_ref()
                .filter(|(p, _)| p == path)
                .map_or(1.0, |&(_, z)| z);
            let pv = self.page_views.entry(path.to_owned()).or_insert_with(|| {
                let mut pv = PageView::new(path, pages);
                pv.start_zoomed(zoom);
                pv
            });
            // What was selected is shown a third down the view; what was at the top of the
            // text, at the top of the pages.
            match (chosen, top) {
                (Some(at), _) => pv.reveal(at),
                (None, Some(at)) => pv.start_at(at),
                (None, None) => {}
            }
        }
    }

    /// A new document: the list and inspector start afresh.
    pub fn reset_panels(&mut self) {
        self.list = AnnotationList::default();
        self.inspector = Inspector::default();
        self.names_for = None;
    }

    /// Gives the inspector the names used in the folder's documents (for the speaker and
    /// claimant fields), gathered again when more documents are read or another is shown.
    pub fn offer_folder_names(
        &mut self,
        folder: Option<&crate::workspace::Folder>,
        doc: &Document,
    ) {
        let Some(folder) = folder else { return };
        let key = (folder.loaded().count(), doc.path().to_owned());
        if self.names_for.as_ref() != Some(&key) {
            self.inspector
                .set_folder_names(Inspector::folder_names(folder));
            self.names_for = Some(key);
        }
    }

    /// Forgets the view of the document at `path` (closed).
    pub fn forget(&mut self, path: &Path) {
        self.views.remove(path);
        self.page_views.remove(path);
    }

    /// Where the current document was left: its path and the text position at the top.
    pub fn take_place(&mut self) -> Option<(PathBuf, usize)> {
        self.place.take()
    }

    /// How far the pages of the PDF at `path` are zoomed, when it has a page view.
    pub fn zoom(&self, path: &Path) -> Option<f32> {
        self.page_views.get(path).map(PageView::zoom)
    }

    /// Where the current document is now, without forgetting it.
    pub fn place(&self) -> Option<&(PathBuf, usize)> {
        self.place.as_ref()
    }

    /// The view of the document at `path`.
    pub fn view(&self, path: &Path) -> Option<&DocumentView> {
        self.views.get(path)
    }

    /// The view of the document at `path`, to scroll it.
    pub fn view_mut(&mut self, path: &Path) -> Option<&mut DocumentView> {
        self.views.get_mut(path)
    }

    /// Closes the list drawer (an annotation was just made: it shows in the inspector).
    pub fn close_drawer(&mut self) {
        self.list_drawer = false;
    }

    /// The find bar, the inspector and the list (or the list in a drawer when the window is
    /// narrow).
    pub fn side_panels(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        settings: &Settings,
        folder: Option<&crate::workspace::Folder>,
        here: Option<usize>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.find.open {
            let text = &doc.session.text;
            egui::Panel::top("find-bar").show(ui, |ui| actions.extend(self.find.ui(ui, text)));
        }
        let room = PanelRoom::of(
            ui.available_width(),
            settings.show_list,
            settings.show_inspector,
        );
        // No room for the list beside the text: it opens from the toolbar in the inspector's
        // place until an annotation is picked.
        let drawer = settings.show_list && room.list.is_none() && self.list_drawer;
        self.drawn = Drawn::default();
        if let Some(width) = room.inspector.filter(|_| !drawer) {
            // A fixed width: selecting another annotation never reflows the text.
            let shown = egui::Panel::right("inspector")
                .resizable(false)
                .exact_size(width)
                .show(ui, |ui| {
                    if doc.many.is_empty() {
                        actions.extend(self.inspector.ui(ui, doc, &settings.author, folder, here));
                    } else {
                        egui::ScrollArea::vertical()
                            .id_salt("bulk-panel")
                            .show(ui, |ui| actions.extend(super::bulk_panel::bulk_ui(ui, doc)));
                    }
                });
            self.drawn.inspector = Some(shown.response.rect);
        }
        if let Some(max) = room.list {
            let shown = egui::Panel::left("annotation-list")
                .resizable(true)
                .default_size(LIST_WIDTH.min(max))
                .size_range(LIST_MIN..=max)
                .show(ui, |ui| actions.extend(self.list.ui(ui, doc)));
            self.drawn.list = Some(shown.response.rect);
            self.finish_link(doc, &settings.author, &mut actions);
        } else if drawer {
            let width = room.inspector.unwrap_or(LIST_MIN).max(LIST_MIN);
            let shown = egui::Panel::left("annotation-drawer")
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
            self.drawn.list = Some(shown.response.rect);
            self.finish_link(doc, &settings.author, &mut actions);
        }
        actions
    }

    /// While text is selected that repeats a claim rated elsewhere in the folder, a word about
    /// it (read again only when the selection or the folder changes).
    fn repeat_hint(
        &mut self,
        doc: &Document,
        folder: Option<&crate::workspace::Folder>,
        here: Option<usize>,
    ) -> Option<String> {
        let folder = folder?;
        let sel = doc.selection.filter(|s| !s.is_empty())?;
        let key = (sel.start(), sel.end(), doc.version, folder.version());
        if self.repeat.as_ref().map(|(k, _)| *k) != Some(key) {
            let text = doc.session.text.slice(sel.start()..sel.end());
            let hint = super::claims_panel::selection_hint(folder, text, here);
            self.repeat = Some((key, hint));
        }
        self.repeat.as_ref().and_then(|(_, h)| h.clone())
    }

    /// The annotation a link being made starts from, if one is (and it is in `doc`).
    pub fn linking(&self, doc: &Document) -> Option<crate::core::annotation::AnnotationId> {
        self.linking
            .filter(|id| doc.session.annotations.contains(*id))
    }

    /// While a link is being made, an annotation picked (in the text or the list) becomes its
    /// target: the pick is replaced by the link.
    fn finish_link(&mut self, doc: &Document, author: &str, actions: &mut [Action]) {
        let Some(from) = self.linking(doc) else {
            self.linking = None;
            return;
        };
        let picked = actions.iter().position(|a| {
            matches!(a, Action::Do(Intent::SelectAnnotation { id: Some(to), .. }) if *to != from)
        });
        if let Some(k) = picked
            && let Action::Do(Intent::SelectAnnotation { id: Some(to), .. }) = actions[k]
        {
            actions[k] = super::links_panel::link_action(doc, from, to, author);
            self.linking = None;
        }
    }

    /// The toolbar and the document view, in the central area.
    pub fn central(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        settings: &Settings,
        folder: Option<&crate::workspace::Folder>,
        here: Option<usize>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let repeat = self.repeat_hint(doc, folder, here);
        let list_folded = settings.show_list
            && PanelRoom::of(
                ui.ctx().content_rect().width(),
                true,
                settings.show_inspector,
            )
            .list
            .is_none();
        let Some(view) = self.views.get_mut(doc.path()) else {
            return actions;
        };
        let is_pdf = doc.session.pages.is_some();
        let paged = self.paged.contains(doc.path()) && self.page_views.contains_key(doc.path());
        if list_folded || is_pdf {
            ui.horizontal(|ui| {
                if list_folded
                    && ui
                        .selectable_label(self.list_drawer, "Annotation list")
                        .on_hover_text("Show the list of annotations in the inspector's place (there is no room for both at this window size)")
                        .clicked()
                {
                    self.list_drawer = !self.list_drawer;
                }
                if is_pdf {
                    let text = ui
                        .selectable_label(!paged, "Text")
                        .on_hover_text("The PDF's text, extracted in reading order (P)");
                    let pages = ui
                        .selectable_label(paged, "Pages")
                        .on_hover_text("The PDF's pages as published, with the annotations on them (P)");
                    if (text.clicked() && paged) || (pages.clicked() && !paged) {
                        actions.push(Action::TogglePageView);
                    }
                    if let Some(pv) = self.page_views.get_mut(doc.path()).filter(|_| paged) {
                        zoom_controls(ui, pv);
                    }
                }
            });
        }
        let linking = self.linking.and_then(|id| doc.session.annotations.get(id));
        super::toolbar::toolbar_ui(
            ui,
            doc.has_words_selected(),
            doc.many.len(),
            ui.ctx().text_edit_focused(),
            linking.map(super::links_panel::linking_hint),
            repeat,
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
            snap_words: settings.snap_words,
            markdown: doc.is_markdown(),
            rtl_document: doc.rtl,
            pages: doc.session.pages.as_deref(),
            pending: &doc.pending,
        };
        let events = match self.page_views.get_mut(doc.path()).filter(|_| paged) {
            Some(pv) => pv.ui(ui, &model),
            None => view.ui(ui, &model),
        };
        for e in events {
            actions.push(Action::Do(match e {
                ViewEvent::Select(s) => Intent::Select(s),
                ViewEvent::SelectAnnotation(id) => Intent::SelectAnnotation { id, reveal: false },
                ViewEvent::Tag(k) => Intent::Tag(k),
                ViewEvent::Delete(id) => Intent::Delete(id),
                ViewEvent::Reach(id, at) => Intent::Reach(id, at),
                ViewEvent::Respan(id, start, end) => {
                    Intent::Edit(crate::core::edit::Command::SetSpan { id, start, end })
                }
            }));
        }
        let top = match self.page_views.get(doc.path()).filter(|_| paged) {
            Some(pv) => pv.top_offset(),
            None => view.top_offset(&doc.session.text),
        };
        if let Some(at) = top {
            self.place = Some((doc.path().to_owned(), at));
        }
        self.drawn.text = view.text_rect();
        self.finish_link(doc, &settings.author, &mut actions);
        actions
    }

    /// Does one of the window's own actions about the current document (scrolling, stepping,
    /// find, Esc); returns the changes it leads to, for the workspace.
    pub fn act(&mut self, action: &Action, doc: &Document, settings: &mut Settings) -> Vec<Action> {
        let view = self.views.get_mut(doc.path());
        // The list's order counts even when the list is folded away.
        self.list.refilter(doc);
        match action {
            Action::Step(delta) => self
                .list
                .step(doc.selected, *delta)
                .map(|id| {
                    vec![
                        Intent::Select(None).into(),
                        Intent::SelectAnnotation {
                            id: Some(id),
                            reveal: true,
                        }
                        .into(),
                    ]
                })
                .unwrap_or_default(),
            Action::ScrollToSelected if self.find.open => self.find.step(1),
            Action::PreviousMatch if self.find.open => self.find.step(-1),
            Action::ScrollToSelected => {
                if let Some(a) = doc.selected.and_then(|id| doc.session.annotations.get(id)) {
                    self.reveal(doc.path(), a.start);
                }
                Vec::new()
            }
            Action::Scroll(m) => {
                match self.page_views.get_mut(doc.path()) {
                    Some(pv) if self.paged.contains(doc.path()) => pv.scroll_by(*m),
                    _ => {
                        if let Some(view) = view {
                            view.scroll_by(*m);
                        }
                    }
                }
                Vec::new()
            }
            Action::ScrollTo(at) => {
                self.reveal(doc.path(), *at);
                Vec::new()
            }
            Action::TogglePageView => {
                self.toggle_pages(doc);
                settings.set_paged(doc.path(), self.shows_pages(doc.path()));
                Vec::new()
            }
            Action::StartLink => {
                self.linking = doc.selected;
                Vec::new()
            }
            Action::Escape
                if self
                    .linking
                    .is_some_and(|id| doc.session.annotations.contains(id)) =>
            {
                self.linking = None;
                Vec::new()
            }
            Action::Escape if self.find.open => {
                self.find.open = false;
                Vec::new()
            }
            Action::Escape if doc.selection.is_some() => vec![Intent::Select(None).into()],
            Action::Escape => vec![
                Intent::SelectAnnotation {
                    id: None,
                    reveal: false,
                }
                .into(),
            ],
            Action::FocusNote => {
                if doc.selected.is_some() {
                    settings.show_inspector = true;
                    self.inspector.focus_note();
                }
                Vec::new()
            }
            Action::ToggleFind => {
                self.find.toggle();
                Vec::new()
            }
            Action::SelectAllListed => vec![self.list.select_all().into()],
            Action::Caret { motion, extend } => {
                caret(doc, view, *motion, *extend, settings.snap_words)
                    .map_or_else(Vec::new, |sel| vec![Intent::Select(Some(sel)).into()])
            }
            Action::TagAllMatches(template) => vec![
                Intent::TagAll {
                    template: template.clone(),
                    spans: self.find.matches().to_vec(),
                }
                .into(),
            ],
            _ => Vec::new(),
        }
    }
}

/// Smaller, fit the width, larger, and the zoom (Ctrl and the wheel also zoom the pages).
fn zoom_controls(ui: &mut Ui, pv: &mut PageView) {
    ui.separator();
    let z = pv.zoom();
    let (low, high) = super::page_view::ZOOM_RANGE;
    if ui
        .add_enabled(z > low, egui::Button::new("−"))
        .on_hover_text("Smaller (Ctrl and the wheel over the page also zoom)")
        .clicked()
    {
        pv.set_zoom(z / 1.25);
    }
    if ui
        .selectable_label((z - 1.0).abs() < 1e-3, format!("{:.0}%", z * 100.0))
        .on_hover_text("Fit the page to the width")
        .clicked()
    {
        pv.set_zoom(1.0);
    }
    if ui
        .add_enabled(z < high, egui::Button::new("+"))
        .on_hover_text("Larger")
        .clicked()
    {
        pv.set_zoom(z * 1.25);
    }
}

/// The selection after a caret move: the caret starts at the selection's moving end, or at the
/// selected annotation, or at the top of the view. Left and right follow the direction of the
/// paragraph (in a right-to-left one, left reads on). A move without `extend` collapses a
/// selection to its edge on that side first. With `snap_words`, a selection grown by a line
/// takes the whole word its end lands in (a char or a word at a time stays exact).
fn caret(
    doc: &Document,
    view: Option<&mut DocumentView>,
    motion: Motion,
    extend: bool,
    snap_words: bool,
) -> Option<Selection> {
    let text = &doc.session.text;
    let selected = doc.selected.and_then(|id| doc.session.annotations.get(id));
    let forward_hint = matches!(
        motion,
        Motion::Right | Motion::WordRight | Motion::Down | Motion::LineEnd
    );
    let from = doc
        .selection
        .map(|s| s.head)
        .or_else(|| selected.map(|a| if forward_hint { a.end } else { a.start }))
        .or_else(|| view.as_ref().and_then(|v| v.top_offset(text)))
        .unwrap_or(0);
    let para = text.paragraphs()[text.paragraph_at(from.min(text.char_count()))];
    let rtl = crate::core::bidi::reads_rtl(text.slice(para.range()), doc.rtl);
    let reading = |right: bool| right != rtl;
    let mut line_x = None;
    let to = match motion {
        Motion::Left | Motion::Right => {
            let forward = reading(motion == Motion::Right);
            match doc.selection.filter(|s| !s.is_empty() && !extend) {
                // A selection collapses to its edge first.
                Some(s) => {
                    if forward {
                        s.end()
                    } else {
                        s.start()
                    }
                }
                None => step(text, from, forward, Step::Char),
            }
        }
        Motion::WordLeft | Motion::WordRight => {
            step(text, from, reading(motion == Motion::WordRight), Step::Word)
        }
        Motion::Up | Motion::Down => {
            let lines = if motion == Motion::Down { 1 } else { -1 };
            match view.as_ref().and_then(|v| v.line_step(text, from, lines)) {
                Some((to, x)) => {
                    line_x = Some(x);
                    to
                }
                None => from,
            }
        }
        Motion::LineStart | Motion::LineEnd => {
            let right = reading(motion == Motion::LineEnd);
            view.as_ref()
                .and_then(|v| v.line_edge(text, from, right))
                .unwrap_or(from)
        }
    };
    let anchor = match doc.selection {
        Some(s) if extend => s.anchor,
        _ if extend => from,
        _ => to,
    };
    let by_lines = extend && snap_words && matches!(motion, Motion::Up | Motion::Down);
    let (anchor, to) = if by_lines {
        // Both ends on whole words: the end reached, and the caret it started from.
        let grows = to > anchor;
        (
            snap_outward(text, anchor, !grows),
            snap_outward(text, to, grows),
        )
    } else {
        (anchor, to)
    };
    if let Some(v) = view {
        if let Some(x) = line_x {
            v.keep_line_x(to, x);
        }
        v.reveal(text, to);
    }
    Some(Selection { anchor, head: to })
}
