//! The page view of a PDF: its pages drawn as published (pictures made in the background by
//! [`super::page_pictures`]), one under another, with the annotations drawn on them where
//! their chars are. Text is selected by dragging over it and annotations picked by a click,
//! exactly as in the text view: both work on the same offsets, so each follows the other.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::document_view::{Move, ViewEvent, ViewModel};
use super::page_pictures::PictureWorker;
use super::theme;
use crate::core::annotation::{AnnotationId, TagKind};
use crate::core::snap::{snap_to_words, word_at};
use crate::core::source::Pages;
use crate::workspace::Selection;

/// A line drawn less than this tall (points on screen) is small: its marks keep inside it,
/// and the selected one is tinted deeper rather than outlined.
const SMALL_LINE: f32 = 16.0;

/// White around and between the pages, in points.
const GAP: f32 = 14.0;
/// A page is drawn again when its picture's pixels differ from the screen's by this factor.
const RESCALE: f32 = 1.3;
/// Pictures kept at once (pages far from view are dropped).
const KEPT: usize = 12;

/// An annotation's area on a page.
#[derive(Debug, Clone, Copy)]
struct Mark {
    id: AnnotationId,
    kind: TagKind,
    /// Points from the page's top-left corner.
    rect: [f32; 4],
}

/// Where the pages were laid out in a frame.
#[derive(Debug, Clone, Default)]
struct Geometry {
    /// The screen position of the top-left corner of the scrolled content.
    origin: Pos2,
    /// The content's width.
    width: f32,
    /// Screen points per PDF point, per page (each page fits the width, times the zoom).
    fits: Vec<f32>,
    /// Each page's top, from the content's top.
    tops: Vec<f32>,
    /// Each page's size in PDF points.
    sizes: Vec<(f32, f32)>,
}

impl Geometry {
    /// Page `i` on the screen.
    fn page_rect(&self, i: usize) -> Rect {
        let (w, h) = self.sizes[i];
        let fit = self.fits[i];
        let x = (self.width - w * fit) / 2.0;
        Rect::from_min_size(self.origin + vec2(x, self.tops[i]), vec2(w * fit, h * fit))
    }

    /// A rectangle of page `i` (PDF points) on the screen.
    fn to_screen(&self, i: usize, r: [f32; 4]) -> Rect {
        let page = self.page_rect(i);
        Rect::from_min_max(
            page.min + vec2(r[0], r[1]) * self.fits[i],
            page.min + vec2(r[2], r[3]) * self.fits[i],
        )
    }

    /// The page and the point on it (in PDF points) under a screen position: the nearest
    /// page's when between pages.
    fn page_point(&self, pos: Pos2) -> Option<(usize, Pos2)> {
        let i = (0..self.tops.len()).min_by(|&a, &b| {
            let d = |i: usize| {
                let r = self.page_rect(i);
                (pos.y - pos.y.clamp(r.top(), r.bottom())).abs()
            };
            d(a).total_cmp(&d(b))
        })?;
        let r = self.page_rect(i);
        Some((i, ((pos - r.min) / self.fits[i]).to_pos2()))
    }
}

/// The page view of one PDF (it keeps its own place).
pub struct PageView {
    path: PathBuf,
    worker: Option<PictureWorker>,
    /// Pictures by page number, with the pixels per point they were drawn at.
    pictures: HashMap<u32, (egui::TextureHandle, f32)>,
    /// Pages asked for and not back yet, with the scale asked.
    asked: HashMap<u32, f32>,
    /// Why pages could not be drawn (page 0: the whole file).
    failed: HashMap<u32, String>,
    /// The annotations' marks per page (index = page number - 1), for an annotations version.
    marks: Option<(u64, Vec<Vec<Mark>>)>,
    /// The drawn chars of each page: offset and rectangle.
    chars: Vec<Vec<(usize, [f32; 4])>>,
    /// The char offset to bring into view next frame.
    reveal: Option<usize>,
    /// A char to bring to the top of the view next frame (the place a document was left at).
    start_at: Option<usize>,
    /// A scroll asked for by a key.
    move_by: Option<Move>,
    /// Where a drag began (char offset).
    drag_anchor: Option<usize>,
    /// The annotation selected last frame (to follow a selection made elsewhere).
    last_selected: Option<AnnotationId>,
    /// The first char in view, as last drawn.
    top: Option<usize>,
    /// How far the pages are scrolled (across and down), as last drawn.
    offset: egui::Vec2,
    /// The size of the view, as last drawn.
    view_size: egui::Vec2,
    /// Where the pages were, as last drawn.
    drawn: Geometry,
    /// How much larger than fitting the width the pages are shown (1 = the width).
    zoom: f32,
    /// The zoom just changed by this factor around this point of the view (from its top-left
    /// corner): the scroll offset follows next frame, so that the point stays put.
    rescroll: Option<(f32, egui::Vec2)>,
}

/// The smallest and largest zoom, as a share of fitting the width.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 6.0);

impl PageView {
    /// A page view of the PDF at `path`, whose text's chars are where `pages` says.
    pub fn new(path: &Path, pages: &Pages) -> Self {
        let mut chars = vec![Vec::new(); pages.pages.len()];
        for (at, b) in pages.boxes.iter().enumerate() {
            if let Some(b) = b
                && let Some(list) = chars.get_mut(b.page as usize - 1)
            {
                list.push((at, b.rect));
            }
        }
        Self {
            path: path.to_owned(),
            worker: None,
            pictures: HashMap::new(),
            asked: HashMap::new(),
            failed: HashMap::new(),
            marks: None,
            chars,
            reveal: None,
            start_at: None,
            move_by: None,
            drag_anchor: None,
            last_selected: None,
            top: None,
            offset: egui::Vec2::ZERO,
            view_size: egui::Vec2::ZERO,
            drawn: Geometry::default(),
            zoom: 1.0,
            rescroll: None,
        }
    }

    /// Brings char offset `at` into view next frame (if it is not in view already).
    pub fn reveal(&mut self, at: usize) {
        self.reveal = Some(at);
    }

    /// Shows char offset `at` at the top of the view next frame: the place the view was left
    /// at (the first char then in view), where it was.
    pub fn start_at(&mut self, at: usize) {
        self.start_at = Some(at);
    }

    /// Scrolls by a page, or to the top or the end.
    pub fn scroll_by(&mut self, m: Move) {
        self.move_by = Some(m);
    }

    /// How much larger than fitting the width the pages are shown (1 = the width).
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Starts zoomed `zoom` times the width (as left in an earlier session), before it is
    /// first drawn.
    pub fn start_zoomed(&mut self, zoom: f32) {
        if zoom.is_finite() {
            self.zoom = zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        }
    }

    /// Shows the pages `zoom` times as large as fitting the width (kept in [`ZOOM_RANGE`]),
    /// keeping the place in view.
    pub fn set_zoom(&mut self, zoom: f32) {
        self.zoom_around(zoom, self.view_size / 2.0);
    }

    /// Zooms keeping the point `anchor` of the view (from its top-left corner) over the same
    /// place of the page.
    fn zoom_around(&mut self, zoom: f32, anchor: egui::Vec2) {
        let zoom = zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        if (zoom - self.zoom).abs() > f32::EPSILON {
            let ratio = self.rescroll.map_or(1.0, |(r, _)| r) * zoom / self.zoom;
            self.rescroll = Some((ratio, anchor));
            self.zoom = zoom;
        }
    }

    /// How many pages' pictures are ready to be shown.
    pub fn pictures_shown(&self) -> usize {
        self.pictures.len()
    }

    /// The first char in view, as last drawn.
    pub fn top_offset(&self) -> Option<usize> {
        self.top
    }

    /// Where chars `start..end` were on the screen last frame (a rectangle per line), for
    /// checking the view.
    pub fn rects_on_screen(&self, pages: &Pages, start: usize, end: usize) -> Vec<Rect> {
        if self.drawn.tops.is_empty() {
            return Vec::new();
        }
        pages
            .rects_of(start, end)
            .into_iter()
            .map(|r| self.drawn.to_screen(r.page as usize - 1, r.rect))
            .collect()
    }

    /// Shows the pages; returns what the user did.
    pub fn ui(&mut self, ui: &mut Ui, m: &ViewModel<'_>) -> Vec<ViewEvent> {
        let mut events = Vec::new();
        let Some(pages) = m.pages else {
            return events;
        };
        self.take_pictures(ui.ctx());
        self.update_marks(m, pages);
        if m.selected != self.last_selected {
            if let Some(a) = m
                .selected
                .and_then(|id| m.annotations.iter().find(|a| a.id == id))
            {
                self.reveal.get_or_insert(a.start);
            }
            self.last_selected = m.selected;
        }
        // Ctrl and the wheel (or a pinch) over the pages zoom them.
        let view = ui.available_rect_before_wrap();
        self.view_size = view.size();
        let pinch = ui.input(|i| i.zoom_delta());
        if let Some(pointer) = ui.ctx().pointer_hover_pos().filter(|p| view.contains(*p))
            && (pinch - 1.0).abs() > 1e-3
        {
            self.zoom_around(self.zoom * pinch, pointer - view.min);
        }
        // Each page fits the width (a landscape table page among portrait ones too, not
        // every page shrunk to the widest), times the zoom.
        let avail = ui.available_width();
        let fits: Vec<f32> = pages
            .pages
            .iter()
            .map(|p| ((avail - 2.0 * GAP - 12.0) / p.width.max(1.0)).clamp(0.2, 3.0) * self.zoom)
            .collect();
        let widest = pages
            .pages
            .iter()
            .zip(&fits)
            .map(|(p, f)| p.width * f)
            .fold(1.0_f32, f32::max);
        let mut tops = Vec::with_capacity(pages.pages.len());
        let mut y = GAP;
        for (p, fit) in pages.pages.iter().zip(&fits) {
            tops.push(y);
            y += p.height * fit + GAP;
        }
        let total = y;
        let viewport_h = ui.available_height();
        let mut area = egui::ScrollArea::both()
            .id_salt(("page-view", &self.path))
            .auto_shrink([false, false]);
        if let Some((ratio, anchor)) = self.rescroll.take() {
            self.offset = ((self.offset + anchor) * ratio - anchor).max(egui::Vec2::ZERO);
            area = area.scroll_offset(self.offset);
        }
        // Where the view stands is known once it is drawn: before that, the scroll area may
        // stand where an earlier session left it, so nothing asked for counts as in view.
        let current = (!self.drawn.tops.is_empty()).then_some(self.offset.y);
        if let Some(target) = self.scroll_target(pages, &tops, &fits, current, viewport_h, total) {
            area = area.vertical_scroll_offset(target);
        }
        let ppp = ui.ctx().pixels_per_point();
        let visuals = ui.visuals().clone();
        // Solid scroll bars, shown whenever the pages are larger than the view (zoomed past
        // its width), as a document viewer's are: not bars that appear only under the
        // pointer.
        let scroll_style = std::mem::replace(
            &mut ui.spacing_mut().scroll,
            egui::style::ScrollStyle::solid(),
        );
        area.show_viewport(ui, |ui, viewport| {
            let width = (widest + 2.0 * GAP).max(ui.available_width());
            let (rect, response) =
                ui.allocate_exact_size(vec2(width, total), Sense::click_and_drag());
            self.drawn = Geometry {
                origin: rect.min,
                width,
                fits: fits.clone(),
                tops: tops.clone(),
                sizes: pages.pages.iter().map(|p| (p.width, p.height)).collect(),
            };
            self.offset = viewport.min.to_vec2();
            let painter = ui.painter_at(ui.clip_rect());
            let mut wanted = Vec::new();
            let mut top_char = None;
            for (i, (&top, page)) in tops.iter().zip(&pages.pages).enumerate() {
                let fit = fits[i];
                let bottom = top + page.height * fit;
                if bottom < viewport.min.y - viewport.height()
                    || top > viewport.max.y + viewport.height()
                {
                    continue;
                }
                let in_view = bottom >= viewport.min.y && top <= viewport.max.y;
                if in_view && top_char.is_none() {
                    let above = (viewport.min.y - top).max(0.0) / fit;
                    // (The first line half or more in view: reopened with it at the top,
                    // the page moves by less than half a line.)
                    top_char = self.chars[i]
                        .iter()
                        .find(|(_, r)| 0.5 * (r[1] + r[3]) >= above)
                        .map(|&(at, _)| at);
                }
                let scale = fit * ppp;
                if self.needs(page.number, scale) {
                    wanted.push((in_view, page.number, scale));
                }
                self.paint_page(&painter, self.drawn.page_rect(i), page.number, &visuals);
                self.paint_marks(&painter, i, m, pages, &visuals);
            }
            self.top = top_char.or(self.top);
            // Pages in view first, then the ones just above and below.
            wanted.sort_by_key(|&(in_view, _, _)| !in_view);
            let wanted: Vec<(u32, f32)> = wanted.into_iter().map(|(_, n, s)| (n, s)).collect();
            if !wanted.is_empty() {
                self.ask(ui.ctx(), wanted);
            }
            self.forget_far(viewport, pages);
            self.interact(ui, &response, m, &mut events);
        });
        ui.spacing_mut().scroll = scroll_style;
        events
    }

    /// Where to scroll this frame: to a char asked to be revealed (when out of view) or by a
    /// key. `current` is where the view stands, when known.
    fn scroll_target(
        &mut self,
        pages: &Pages,
        tops: &[f32],
        fits: &[f32],
        current: Option<f32>,
        viewport_h: f32,
        total: f32,
    ) -> Option<f32> {
        let max = (total - viewport_h).max(0.0);
        if let Some(m) = self.move_by.take() {
            let current = current.unwrap_or(0.0);
            let step = (viewport_h - 40.0).max(40.0);
            return Some(match m {
                Move::PageDown => (current + step).min(max),
                Move::PageUp => (current - step).max(0.0),
                Move::Top => 0.0,
                Move::End => max,
            });
        }
        let place = |at: usize| -> Option<(f32, f32)> {
            let b = pages.boxes.get(at..)?.iter().flatten().next()?;
            let i = b.page as usize - 1;
            let (top, fit) = (tops.get(i)?, fits.get(i)?);
            Some((top + b.rect[1] * fit, top + b.rect[3] * fit))
        };
        if let Some(at) = self.start_at.take() {
            self.reveal = None;
            let (y0, _) = place(at)?;
            // A page's first line is shown with the page's top over it, as it was left.
            let page = pages.boxes.get(at..)?.iter().flatten().next()?.page as usize - 1;
            let first = self
                .chars
                .get(page)
                .and_then(|c| c.first())
                .map(|&(a, _)| a);
            let y = if first == Some(at) {
                tops[page] - GAP
            } else {
                y0
            };
            return Some(y.clamp(0.0, max));
        }
        let (y0, y1) = place(self.reveal.take()?)?;
        let seen = current.is_some_and(|c| y0 >= c + 20.0 && y1 <= c + viewport_h - 20.0);
        (!seen).then(|| (y0 - viewport_h / 3.0).clamp(0.0, max))
    }

    /// Whether page `number` needs drawing at `scale` (none yet, or one too coarse or fine).
    fn needs(&self, number: u32, scale: f32) -> bool {
        if self.failed.contains_key(&number) || self.failed.contains_key(&0) {
            return false;
        }
        let off = |s: f32| s > scale * RESCALE || s * RESCALE < scale;
        let have = self.pictures.get(&number).is_none_or(|(_, s)| off(*s));
        let asked = self.asked.get(&number).is_some_and(|s| !off(*s));
        have && !asked
    }

    fn ask(&mut self, ctx: &egui::Context, wanted: Vec<(u32, f32)>) {
        let worker = self
            .worker
            .get_or_insert_with(|| PictureWorker::start(self.path.clone(), ctx.clone()));
        for &(n, s) in &wanted {
            self.asked.insert(n, s);
        }
        worker.want(wanted);
    }

    /// Turns the pictures drawn since last frame into textures.
    fn take_pictures(&mut self, ctx: &egui::Context) {
        let Some(worker) = &self.worker else { return };
        for drawn in worker.take() {
            match drawn {
                Ok(p) => {
                    self.asked.remove(&p.number);
                    let image =
                        egui::ColorImage::from_rgba_premultiplied([p.width, p.height], &p.rgba);
                    let texture = ctx.load_texture(
                        format!("page-{}", p.number),
                        image,
                        egui::TextureOptions::LINEAR,
                    );
                    self.pictures.insert(p.number, (texture, p.scale));
                }
                Err((number, why)) => {
                    self.asked.remove(&number);
                    self.failed.insert(number, why);
                }
            }
        }
    }

    /// Drops the pictures of pages far from view when more than [`KEPT`] are held.
    fn forget_far(&mut self, viewport: Rect, pages: &Pages) {
        let (tops, fits) = (&self.drawn.tops, &self.drawn.fits);
        if self.pictures.len() <= KEPT {
            return;
        }
        let middle = viewport.center().y;
        let mut far: Vec<(f32, u32)> = self
            .pictures
            .keys()
            .filter_map(|&n| {
                let i = n as usize - 1;
                let centre = tops.get(i)? + pages.pages.get(i)?.height * fits.get(i)? / 2.0;
                Some(((centre - middle).abs(), n))
            })
            .collect();
        far.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, n) in far.into_iter().take(self.pictures.len() - KEPT) {
            self.pictures.remove(&n);
        }
    }

    fn paint_page(&self, painter: &egui::Painter, r: Rect, number: u32, visuals: &egui::Visuals) {
        painter.rect_filled(
            r.translate(vec2(2.0, 2.0)),
            0.0,
            Color32::from_black_alpha(40),
        );
        painter.rect_filled(r, 0.0, Color32::WHITE);
        if let Some((texture, _)) = self.pictures.get(&number) {
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            painter.image(texture.id(), r, uv, Color32::WHITE);
        } else {
            let why = self.failed.get(&number).or_else(|| self.failed.get(&0));
            let label = match why {
                Some(why) => format!("Page {number} could not be drawn: {why}"),
                None => format!("Drawing page {number}…"),
            };
            painter.text(
                r.center_top() + vec2(0.0, 40.0),
                egui::Align2::CENTER_CENTER,
                label,
                egui::FontId::proportional(14.0),
                Color32::from_gray(90),
            );
        }
        painter.rect_stroke(
            r,
            0.0,
            Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            egui::StrokeKind::Outside,
        );
    }

    fn paint_marks(
        &self,
        painter: &egui::Painter,
        i: usize,
        m: &ViewModel<'_>,
        pages: &Pages,
        visuals: &egui::Visuals,
    ) {
        let to_screen = |r: [f32; 4]| self.drawn.to_screen(i, r);
        let number = pages.pages[i].number;
        if let Some((_, marks)) = &self.marks
            && let Some(on_page) = marks.get(i)
        {
            for mark in on_page {
                let line = to_screen(mark.rect);
                // Lines drawn small stand close: the marks keep within their own line, not
                // over the lines above and under it.
                let small = line.height() < SMALL_LINE;
                let r = if small { line } else { line.expand(1.0) };
                let width = if small { 1.0 } else { 2.0 };
                let strong = theme::tag_strong(mark.kind, visuals);
                let selected = m.selected == Some(mark.id);
                // (Small, the selected one is tinted deeper, not outlined: an outline there
                // would cross the lines above and under it.)
                let tint = if selected && small { 0.45 } else { 0.22 };
                painter.rect_filled(r, 2.0, strong.gamma_multiply(tint));
                // Pages are white paper in either theme.
                let outline = theme::selected_outline(&egui::Visuals::light());
                painter.line_segment(
                    [r.left_bottom(), r.right_bottom()],
                    Stroke::new(width, if selected && small { outline } else { strong }),
                );
                if selected && !small {
                    painter.rect_stroke(
                        r.expand(1.5),
                        2.0,
                        Stroke::new(2.0, outline),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
        if let Some(sel) = m.selection.filter(|s| !s.is_empty()) {
            for r in pages.rects_of(sel.start(), sel.end()) {
                if r.page == number {
                    painter.rect_filled(
                        to_screen(r.rect),
                        0.0,
                        theme::selection(visuals).gamma_multiply(0.6),
                    );
                }
            }
        }
    }

    /// The marks of the annotations that sit on their text, made again when they change.
    fn update_marks(&mut self, m: &ViewModel<'_>, pages: &Pages) {
        if self.marks.as_ref().is_some_and(|(v, _)| *v == m.version) {
            return;
        }
        let mut per_page = vec![Vec::new(); pages.pages.len()];
        for (a, &drawable) in m.annotations.iter().zip(m.drawable) {
            if !drawable {
                continue;
            }
            for r in pages.rects_of(a.start, a.end) {
                if let Some(list) = per_page.get_mut(r.page as usize - 1) {
                    list.push(Mark {
                        id: a.id,
                        kind: a.tag.kind(),
                        rect: r.rect,
                    });
                }
            }
        }
        // Larger first, so a smaller one inside it is drawn over it and picked first.
        for list in &mut per_page {
            list.sort_by(|a: &Mark, b: &Mark| area(b.rect).total_cmp(&area(a.rect)));
        }
        self.marks = Some((m.version, per_page));
    }

    /// The text position nearest a point of page `i`: before or after the char under it (or
    /// nearest it on its line, else nearest it at all).
    fn offset_at(&self, i: usize, p: Pos2) -> Option<usize> {
        offset_among(self.chars.get(i)?, p)
    }

    /// The char under a point of page `i`, if one is.
    fn char_at(&self, i: usize, p: Pos2) -> Option<usize> {
        self.chars
            .get(i)?
            .iter()
            .find(|(_, r)| {
                p.x >= r[0] - 0.5 && p.x <= r[2] + 0.5 && p.y >= r[1] - 1.0 && p.y <= r[3] + 1.0
            })
            .map(|&(at, _)| at)
    }

    /// The annotation marked under a point of page `i` (the smallest there).
    fn mark_at(&self, i: usize, p: Pos2) -> Option<AnnotationId> {
        let (_, marks) = self.marks.as_ref()?;
        marks
            .get(i)?
            .iter()
            .rev()
            .find(|mark| {
                let r = mark.rect;
                p.x >= r[0] - 1.0 && p.x <= r[2] + 1.0 && p.y >= r[1] - 1.0 && p.y <= r[3] + 1.0
            })
            .map(|mark| mark.id)
    }

    /// Whether a point of page `i` is on an annotation other than `id`, outside `id`'s span.
    fn on_another(&self, m: &ViewModel<'_>, id: AnnotationId, at: Option<(usize, Pos2)>) -> bool {
        let Some((i, p)) = at else {
            return false;
        };
        let covers = |at: usize| {
            m.annotations
                .iter()
                .any(|a| a.id == id && a.start <= at && at < a.end)
        };
        self.mark_at(i, p).is_some_and(|other| other != id)
            && !self.char_at(i, p).is_some_and(covers)
    }

    fn interact(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        m: &ViewModel<'_>,
        events: &mut Vec<ViewEvent>,
    ) {
        let pointer = response.interact_pointer_pos();
        let at_pointer = |this: &Self| this.drawn.page_point(pointer?);
        // A press on the pages is a gesture on the document: the keys that follow belong to
        // it, so a field that was being typed in (a note) lets go of the keyboard, as in the
        // text view.
        if response.hovered() && ui.input(|i| i.pointer.any_pressed()) {
            ui.ctx().memory_mut(|m| m.stop_text_input());
        }
        if response.hovered()
            && let Some(pos) = response.hover_pos()
            && let Some((i, p)) = self.drawn.page_point(pos)
            && self.drawn.page_rect(i).contains(pos)
            && self.char_at(i, p).is_some()
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
        }
        if response.drag_started() {
            // Where the button went down, not where the drag was first noticed.
            let origin = ui.input(|i| i.pointer.press_origin()).or(pointer);
            self.drag_anchor = origin
                .and_then(|pos| self.drawn.page_point(pos))
                .and_then(|(i, p)| self.offset_at(i, p));
            // A drag selects text: the keys that follow are for it, not for the annotation
            // selected before (a tag key would retag it).
            if m.selected.is_some() {
                events.push(ViewEvent::SelectAnnotation(None));
            }
        }
        if response.dragged()
            && let Some(anchor) = self.drag_anchor
            && let Some(head) = at_pointer(self).and_then(|(i, p)| self.offset_at(i, p))
        {
            let new = Selection { anchor, head };
            if m.selection != Some(new) {
                events.push(ViewEvent::Select(Some(new)));
            }
            super::document_view::scroll_at_edges(ui, pointer);
        }
        if response.drag_stopped() {
            self.drag_anchor = None;
            if m.snap_words
                && !ui.input(|i| i.modifiers.alt)
                && let Some(sel) = m.selection.filter(|s| !s.is_empty())
            {
                events.push(ViewEvent::Select(Some(snap_to_words(m.text, sel))));
            }
        }
        if response.double_clicked() {
            if let Some(at) = at_pointer(self).and_then(|(i, p)| self.char_at(i, p)) {
                let (s, e) = word_at(m.text, at);
                events.push(ViewEvent::Select(Some(Selection { anchor: s, head: e })));
            }
        } else if response.clicked() {
            let shift = ui.input(|i| i.modifiers.shift);
            let at = at_pointer(self).and_then(|(i, p)| self.offset_at(i, p));
            if shift && let (Some(sel), Some(at)) = (m.selection.filter(|s| !s.is_empty()), at) {
                // Shift+click extends the text selection to the click, as in the text view,
                // to whole words as a drag's end is.
                let extended = Selection { head: at, ..sel };
                let extended = if m.snap_words && !ui.input(|i| i.modifiers.alt) {
                    snap_to_words(m.text, extended)
                } else {
                    extended
                };
                events.push(ViewEvent::Select(Some(extended)));
            } else if shift
                && let (Some(id), Some(at)) = (m.selected, at)
                && !self.on_another(m, id, at_pointer(self))
            {
                // With an annotation selected, it moves the nearer edge of its span there (on
                // another annotation, it selects that one, as a click does).
                let span = m.annotations.iter().find(|a| a.id == id);
                let at = match span {
                    Some(a) if m.snap_words => {
                        crate::core::snap::snap_reach(m.text, a.start, a.end, at)
                    }
                    _ => at,
                };
                events.push(ViewEvent::Reach(id, at));
            } else {
                let picked = at_pointer(self).and_then(|(i, p)| self.mark_at(i, p));
                events.push(ViewEvent::Select(None));
                events.push(ViewEvent::SelectAnnotation(picked));
            }
        }
    }
}

/// The text position nearest a point among a page's drawn chars (offset and rectangle, in
/// text order): before or after the char under it, by the half the point is on, read in the
/// char's direction (after a right-to-left letter is at its left); or nearest it on its line,
/// else nearest it at all. Beyond either end of a line: the end the line reads to or from
/// there (a right-to-left line ends at its left, past a number set there, `… مارس 2016`).
fn offset_among(chars: &[(usize, [f32; 4])], p: Pos2) -> Option<usize> {
    let on_line = |r: &[f32; 4]| p.y >= r[1] - 1.0 && p.y <= r[3] + 1.0;
    let dist = |r: &[f32; 4]| {
        let dx = (r[0] - p.x).max(p.x - r[2]).max(0.0);
        let dy = (r[1] - p.y).max(p.y - r[3]).max(0.0);
        dx * dx + dy * dy * 4.0
    };
    let nearest = |line_only: bool| {
        (0..chars.len())
            .filter(|&k| !line_only || on_line(&chars[k].1))
            .min_by(|&a, &b| dist(&chars[a].1).total_cmp(&dist(&chars[b].1)))
    };
    let k = nearest(true).or_else(|| nearest(false))?;
    let (at, r) = chars[k];
    // Its line: the chars before and after it in the text that share its row and stand
    // near each other (a table's next cell on the row, or the table beside, is not its line).
    let same_row = |a: usize, b: usize| {
        let (x, y) = (chars[a], chars[b]);
        let height = (x.1[3] - x.1[1]).max(y.1[3] - y.1[1]);
        let gap = (y.1[0] - x.1[2]).max(x.1[0] - y.1[2]);
        y.0 <= x.0 + 3 && y.1[1] < x.1[3] && y.1[3] > x.1[1] && gap <= 3.0 * height
    };
    let mut lo = k;
    while lo > 0 && same_row(lo - 1, lo) {
        lo -= 1;
    }
    let mut hi = k;
    while hi + 1 < chars.len() && same_row(hi, hi + 1) {
        hi += 1;
    }
    let line = &chars[lo..=hi];
    let leftmost = line.iter().min_by(|a, b| a.1[0].total_cmp(&b.1[0]))?;
    let rightmost = line.iter().max_by(|a, b| a.1[2].total_cmp(&b.1[2]))?;
    if on_line(&r) && (p.x < leftmost.1[0] || p.x > rightmost.1[2]) {
        let rtl = leftmost.0 > rightmost.0;
        let (first, last) = (line[0].0, line[line.len() - 1].0 + 1);
        return Some(if (p.x < leftmost.1[0]) == rtl {
            last
        } else {
            first
        });
    }
    // The char reads right to left when the next one in the text stands at its left (or
    // the one before at its right).
    let mid = |c: &(usize, [f32; 4])| (c.1[0] + c.1[2]) / 2.0;
    let rtl = match (
        k.checked_sub(1).filter(|&j| j >= lo),
        (k < hi).then_some(k + 1),
    ) {
        (_, Some(next)) => mid(&chars[next]) < mid(&chars[k]),
        (Some(before), None) => mid(&chars[before]) > mid(&chars[k]),
        (None, None) => false,
    };
    let right_half = p.x > (r[0] + r[2]) / 2.0;
    Some(if right_half != rtl { at + 1 } else { at })
}

fn area(r: [f32; 4]) -> f32 {
    (r[2] - r[0]).max(0.0) * (r[3] - r[1]).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beyond_a_lines_end_is_where_it_reads_to() {
        // `بتاريخ 29 مارس 2016` drawn from the right: the year at the left (its digits left
        // to right), the first word at the right. Offsets: ب..خ 0..6, 29 at 7..9, مارس at
        // 10..14, 2016 at 15..19.
        let mut chars: Vec<(usize, [f32; 4])> = Vec::new();
        let mut put = |at: usize, x: f32| chars.push((at, [x, 0.0, x + 5.0, 10.0]));
        for (k, at) in (15..19).enumerate() {
            put(at, 10.0 + 5.0 * k as f32);
        }
        for (k, at) in (10..14).enumerate() {
            put(at, 50.0 - 5.0 * k as f32);
        }
        put(7, 60.0);
        put(8, 65.0);
        for (k, at) in (0..6).enumerate() {
            put(at, 95.0 - 5.0 * k as f32);
        }
        chars.sort_by_key(|c| c.0);
        assert_eq!(
            offset_among(&chars, pos2(2.0, 5.0)),
            Some(19),
            "after the year"
        );
        assert_eq!(offset_among(&chars, pos2(120.0, 5.0)), Some(0));
        // A left-to-right line: beyond its left, its start; beyond its right, its end.
        let ltr: Vec<(usize, [f32; 4])> = (0..4)
            .map(|k| (k, [10.0 + 5.0 * k as f32, 0.0, 15.0 + 5.0 * k as f32, 10.0]))
            .collect();
        assert_eq!(offset_among(&ltr, pos2(2.0, 5.0)), Some(0));
        assert_eq!(offset_among(&ltr, pos2(90.0, 5.0)), Some(4));
        // On a char: before or after it by the half, in its direction.
        assert_eq!(offset_among(&ltr, pos2(11.0, 5.0)), Some(0));
        assert_eq!(offset_among(&ltr, pos2(14.0, 5.0)), Some(1));
        assert_eq!(
            offset_among(&chars, pos2(99.0, 5.0)),
            Some(0),
            "right half of ب"
        );
        assert_eq!(
            offset_among(&chars, pos2(96.0, 5.0)),
            Some(1),
            "left half of ب"
        );
        // Another block on the same row further left (a signature) is not this line's end.
        let mut with_block = chars.clone();
        with_block.insert(0, (100, [-80.0, 0.0, -75.0, 10.0]));
        with_block.sort_by_key(|c| c.0);
        assert_eq!(offset_among(&with_block, pos2(5.0, 5.0)), Some(19));
        // A table's next cell on the row, next in the text (a row read from the right):
        // past this cell's left end is its end, not before its year.
        let mut row = chars.clone();
        row.push((20, [-150.0, 0.0, -145.0, 10.0]));
        row.push((21, [-145.0, 0.0, -140.0, 10.0]));
        assert_eq!(offset_among(&row, pos2(2.0, 5.0)), Some(19));
    }
}
