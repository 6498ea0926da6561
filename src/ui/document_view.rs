//! The document view: the whole document as wrapped paragraphs in a scroll area, laid out only
//! where visible, with tag highlights, an owned selection in document char offsets, hover
//! details, click-to-select (repeated clicks cycle through overlapping annotations) and a
//! context menu.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, Galley, Pos2, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

use super::bidi_text::BidiBlock;
use super::selection::Selection;
use super::theme;
use crate::core::annotation::{Annotation, AnnotationId, TagKind};
use crate::core::bidi;
use crate::core::markdown::line_styles;
use crate::core::segments::{Span, flatten};
use crate::core::snap::{snap_point, snap_to_words, word_at};
use crate::core::source::Pages;
use crate::core::text::Text;

/// Space above the first and below the last paragraph, in points.
const PAGE_PAD: f32 = 24.0;
/// How far inside an annotation's edge (points) a press takes that edge to drag it.
const EDGE_GRAB_INSIDE: f32 = 3.0;
/// How far past an annotation's edge a press takes it: less than the space before the next
/// word, whose first letter starts a new selection.
const EDGE_GRAB_OUTSIDE: f32 = 1.5;
/// How much the text column's width may change before the text is wrapped again, in points.
const REWRAP_SLACK: f32 = 8.0;
/// Laid-out paragraphs kept beyond the visible ones, on each side.
const CACHE_MARGIN: usize = 40;

/// What the view shows this frame. Built by the app from its state; the view never changes
/// the model.
pub struct ViewModel<'a> {
    /// The document text.
    pub text: &'a Text,
    /// The annotations, in sidecar order.
    pub annotations: &'a [Annotation],
    /// Which annotations sit on their text and may be drawn (same order as `annotations`).
    pub drawable: &'a [bool],
    /// Changes whenever the annotations change.
    pub version: u64,
    /// The selected annotation.
    pub selected: Option<AnnotationId>,
    /// The text selection.
    pub selection: Option<Selection>,
    /// Find matches (char ranges) and the current one.
    pub find_matches: &'a [(usize, usize)],
    /// Index of the current find match.
    pub find_current: Option<usize>,
    /// Whether selections snap to word boundaries.
    pub snap_words: bool,
    /// Whether the text is Markdown source, shown with headings and emphasis styled (the text
    /// itself, and so every offset, stays as written).
    pub markdown: bool,
    /// Whether the document reads right to left (most of its letters are right-to-left ones):
    /// its paragraphs with right-to-left text then read right to left even when they start
    /// with a Latin word.
    pub rtl_document: bool,
    /// For a PDF: where its pages begin, marked in the margin (the text is not changed).
    pub pages: Option<&'a Pages>,
    /// Where annotations whose text changed (a correction) or was only found similar now sit,
    /// waiting for a decision: outlined dashed, a click selects them.
    pub pending: &'a [(AnnotationId, usize, usize)],
}

/// What the user did in the view this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewEvent {
    /// The text selection changed.
    Select(Option<Selection>),
    /// An annotation was clicked (or the empty text, `None`).
    SelectAnnotation(Option<AnnotationId>),
    /// The context menu asked to tag the selection.
    Tag(TagKind),
    /// The context menu asked to delete an annotation.
    Delete(AnnotationId),
    /// Shift+click with no text selected: move the nearer edge of this annotation's span to
    /// this char offset.
    Reach(AnnotationId, usize),
    /// An edge of this annotation was dragged: its span is now `start..end`.
    Respan(AnnotationId, usize, usize),
}

struct Cached {
    /// The document's version, the wrap width, the room for tables and the theme.
    key: (u64, u32, u32, bool),
    block: Block,
}

struct Visible {
    index: usize,
    origin: Pos2,
    block: Block,
}

/// A laid-out paragraph: by egui alone when it reads left to right, or by the bidirectional
/// algorithm (with its tag highlights, which egui cannot draw in it) when it needs it.
#[derive(Clone)]
enum Block {
    Plain(Arc<Galley>),
    Bidi(Arc<BidiPara>),
}

struct BidiPara {
    block: BidiBlock,
    /// Tag fills, drawn under the text.
    fills: Vec<(Rect, Color32)>,
    /// Underlines of the outer tags of nested spans.
    underlines: Vec<(Rect, Color32)>,
}

impl Block {
    fn height(&self) -> f32 {
        match self {
            Block::Plain(g) => g.rect.height(),
            Block::Bidi(b) => b.block.height(),
        }
    }

    /// The caret offset (in the paragraph) at point `p`, relative to the paragraph.
    fn caret_at(&self, p: Vec2) -> usize {
        match self {
            Block::Plain(g) => g.cursor_from_pos(p).index.into(),
            Block::Bidi(b) => b.block.caret_at(p),
        }
    }

    /// The char (in the paragraph) under point `p`, relative to the paragraph.
    fn char_at(&self, p: Vec2) -> usize {
        match self {
            Block::Plain(g) => g.cursor_from_pos(p).index.into(),
            Block::Bidi(b) => b.block.char_at(p).unwrap_or_else(|| b.block.caret_at(p)),
        }
    }

    /// Rectangles covering chars `a..b` of the paragraph, relative to it.
    fn rects(&self, a: usize, b: usize) -> Vec<Rect> {
        match self {
            Block::Plain(g) => range_rects(g, a, b),
            Block::Bidi(p) => p.block.rects(a, b),
        }
    }

    /// Where the caret before char `pos` of the paragraph is, relative to it.
    fn caret_rect(&self, pos: usize) -> Rect {
        match self {
            Block::Plain(g) => g.pos_from_cursor(CCursor::new(pos)),
            Block::Bidi(b) => b.block.caret_rect(pos),
        }
    }
}

/// State of the document view that lives across frames (layout caches, scroll requests).
#[derive(Default)]
pub struct DocumentView {
    wrap_width: f32,
    /// How wide a table may be set, wider than the text's column: the view's width.
    table_room: f32,
    /// The paragraphs laid out as rows of a table wider than the text's column, with the
    /// table's width (set further left than the text, as far as it needs).
    wide: HashMap<usize, f32>,
    heights: Vec<f32>,
    tops: Vec<f32>,
    dirty_from: Option<usize>,
    cache: HashMap<usize, Cached>,
    index_version: Option<u64>,
    /// For each paragraph, the indices of the annotations that touch it.
    para_spans: Vec<Vec<u32>>,
    /// The links between drawable annotations: (from, to) indices into the annotations.
    links: Vec<super::link_marks::Drawn>,
    avg_char_width: f32,
    visible: Vec<Visible>,
    viewport_height: f32,
    /// The scroll offset of the last frame.
    offset: f32,
    /// A move asked for by the keyboard, applied in the next frame.
    move_by: Option<Move>,
    /// The paragraph to start at, applied once the paragraphs' heights are known.
    start: Option<usize>,
    scroll_to: Option<usize>,
    /// How many frames in a row `scroll_to` was asked again for a paragraph not laid out.
    scroll_again: u8,
    keep_top: Option<usize>,
    /// The char to bring to the top once its paragraph is laid out (where the document was
    /// left, to the line), and the scroll offset that does it, for the next frame.
    start_char: Option<usize>,
    fine_offset: Option<f32>,
    /// The screen rectangle the text was shown in, last frame.
    shown: Option<Rect>,
    laid_out: usize,
    last_click: Option<(usize, AnnotationId)>,
    /// Where a drag started: the paragraph and the point in it.
    drag_from: Option<(usize, Vec2)>,
    /// An edge of the selected annotation being dragged: the annotation, the edge that stays
    /// and where the moving one is now.
    edge_drag: Option<(AnnotationId, usize, usize)>,
    /// The columns of the tables shown.
    tables: super::table_columns::Tables,
    /// Where the last line move left the caret and the column it aimed for.
    line_x: Option<(usize, f32)>,
}

/// A move of the view asked for by the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    /// Down a page (Page Down, Space).
    PageDown,
    /// Up a page (Page Up, Shift+Space).
    PageUp,
    /// To the top (Ctrl+Home).
    Top,
    /// To the end (Ctrl+End).
    End,
}

impl DocumentView {
    /// Starts the view with char offset `at` at its top (where the document was left), or at
    /// the top of the document. The place is kept as a position in the text, not in pixels,
    /// so it holds however the paragraphs wrap.
    pub fn start_at(&mut self, text: &Text, at: Option<usize>) {
        let p = at.map_or(0, |at| text.paragraph_at(at.min(text.char_count())));
        self.start = Some(p);
        self.start_char = at.filter(|at| *at > text.paragraphs()[p].start);
    }

    /// The char offset at the top of the view: a char of the topmost line on screen (the one
    /// under its left end) of which half or more is in view, so that the view reopened with
    /// that line on top moves by less than half a line.
    pub fn top_offset(&self, text: &Text) -> Option<usize> {
        let first = self.visible.first()?;
        // (The char under the line's left end, not the caret there: in a right-to-left line
        // that caret is the line's end, which is the next line's start, and the document
        // would open a line lower each time.)
        let line = self.shown.and_then(|shown| {
            self.hit_char(
                text,
                pos2(
                    first.origin.x + 1.0,
                    shown.min.y + theme::DOC_LINE_HEIGHT / 2.0,
                ),
            )
        });
        let at = line.or_else(|| text.paragraphs().get(first.index).map(|p| p.start))?;
        // (Not the blank line between two paragraphs, which opens as the line before it:
        // the paragraph under it, so the place does not slip a line up each time.)
        let paragraphs = text.paragraphs();
        let p = text.paragraph_at(at);
        if !paragraphs[p].is_empty() {
            return Some(at);
        }
        paragraphs[p..]
            .iter()
            .find(|q| !q.is_empty())
            .map_or(Some(at), |q| Some(q.start))
    }

    /// Scrolls by a page, or to the top or the end, in the next frame.
    pub fn scroll_by(&mut self, m: Move) {
        self.move_by = Some(m);
    }

    /// Asks the view to scroll so that char offset `pos` is centred, in the next frame.
    pub fn scroll_to(&mut self, pos: usize) {
        self.scroll_to = Some(pos);
    }

    /// The screen rectangle the text's column was drawn in last frame (within the view's
    /// margins).
    pub fn text_rect(&self) -> Option<Rect> {
        let shown = self.shown?;
        let width = (shown.width() - 2.0 * theme::DOC_MARGIN).clamp(120.0, theme::READING_WIDTH);
        let left = shown.min.x + ((shown.width() - width) / 2.0).max(0.0);
        Some(Rect::from_x_y_ranges(left..=left + width, shown.y_range()))
    }

    /// Scrolls so that char offset `pos` is on screen, only if it is not (it is centred then).
    pub fn reveal(&mut self, text: &Text, pos: usize) {
        let seen = self.shown.is_some_and(|shown| {
            let inner = shown.shrink2(vec2(0.0, theme::DOC_LINE_HEIGHT));
            self.screen_pos_of(text, pos)
                .is_some_and(|p| p.y >= inner.min.y && p.y <= inner.max.y)
        });
        if !seen {
            self.scroll_to = Some(pos);
        }
    }

    /// Where a caret at `pos` goes `lines` lines down (up when negative), keeping its column,
    /// as the text was laid out last frame, with the x it aimed for; `None` when that line is
    /// not on screen.
    pub fn line_step(&self, text: &Text, pos: usize, lines: i32) -> Option<(usize, f32)> {
        let mut from = self.screen_pos_of(text, pos)?;
        // A run of line moves keeps to the column it started in.
        if let Some((at, x)) = self.line_x
            && at == pos
        {
            from.x = x;
        }
        // Paragraph gaps are taller than a line: try a little further until the caret moves.
        (1..=3).find_map(|k| {
            let dy = lines as f32 * theme::DOC_LINE_HEIGHT * (1.0 + 0.5 * (k - 1) as f32);
            self.hit(text, from + vec2(0.0, dy))
                .filter(|to| *to != pos)
                .map(|to| (to, from.x))
        })
    }

    /// Remembers that a line move left the caret at `pos`, aiming for the column at `x`: the
    /// next line move from there aims for it again.
    pub fn keep_line_x(&mut self, pos: usize, x: f32) {
        self.line_x = Some((pos, x));
    }

    /// Where a caret at `pos` goes at the left (`right` false) or right edge of its line, as
    /// the text was laid out last frame; `None` when that line is not on screen.
    pub fn line_edge(&self, text: &Text, pos: usize, right: bool) -> Option<usize> {
        let from = self.screen_pos_of(text, pos)?;
        let v = self
            .visible
            .iter()
            .find(|v| v.index == text.paragraph_at(pos))?;
        let local = v
            .block
            .caret_at(pos2(if right { 1.0e6 } else { -1.0e6 }, from.y) - v.origin);
        let para = text.paragraphs()[v.index];
        Some(para.start + local.min(para.len()))
    }

    /// How many paragraphs were laid out in the last frame (not taken from the cache).
    pub fn laid_out_last_frame(&self) -> usize {
        self.laid_out
    }

    /// Indices of the paragraphs drawn in the last frame.
    pub fn visible_paragraphs(&self) -> Vec<usize> {
        self.visible.iter().map(|v| v.index).collect()
    }

    /// Where on screen the char at `pos` was drawn in the last frame (the middle of its left
    /// edge), if it was visible.
    pub fn screen_pos_of(&self, text: &Text, pos: usize) -> Option<Pos2> {
        let p = text.paragraph_at(pos);
        let v = self.visible.iter().find(|v| v.index == p)?;
        let local = pos - text.paragraphs()[p].start;
        let r = v.block.caret_rect(local);
        Some(v.origin + vec2(r.min.x, r.center().y))
    }

    /// The screen y of the top of the line holding char `pos`, as drawn in the last frame.
    fn line_top_of(&self, text: &Text, pos: usize) -> Option<f32> {
        let p = text.paragraph_at(pos);
        let v = self.visible.iter().find(|v| v.index == p)?;
        let para = text.paragraphs()[p];
        let local = pos - para.start;
        // The char's own box: a caret at a line's start would count as the previous line's end.
        let top = match v.block.rects(local, (local + 1).min(para.len())).first() {
            Some(r) if local < para.len() => r.min.y,
            _ => v.block.caret_rect(local).min.y,
        };
        Some(v.origin.y + top)
    }

    /// The screen rectangles covering chars `a..b`, as drawn in the last frame (the same that
    /// highlight them), on the paragraphs that were visible.
    pub fn rects_on_screen(&self, text: &Text, a: usize, b: usize) -> Vec<Rect> {
        let mut out = Vec::new();
        for v in &self.visible {
            let para = text.paragraphs()[v.index];
            let (s, e) = (a.max(para.start), b.min(para.end));
            if s < e {
                out.extend(
                    v.block
                        .rects(s - para.start, e - para.start)
                        .into_iter()
                        .map(|r| r.translate(v.origin.to_vec2())),
                );
            }
        }
        out
    }

    /// Draws the view and reports what the user did.
    pub fn ui(&mut self, ui: &mut Ui, m: &ViewModel<'_>) -> Vec<ViewEvent> {
        let mut events = Vec::new();
        let n = m.text.paragraphs().len();
        if self.heights.len() != n {
            self.heights = vec![theme::DOC_LINE_HEIGHT; n];
            self.tops = vec![0.0; n + 1];
            self.dirty_from = Some(0);
            self.cache.clear();
            self.wrap_width = 0.0;
        }
        if self.index_version != Some(m.version) {
            self.rebuild_index(m);
            self.cache.clear();
        }
        if self.avg_char_width == 0.0 {
            self.avg_char_width = measure_avg_char_width(ui);
        }
        let visuals = ui.visuals().clone();

        let mut area = egui::ScrollArea::vertical()
            .id_salt("document")
            .auto_shrink(false);
        if self.wrap_width == 0.0 && (self.start.is_some() || self.scroll_to.is_some()) {
            // The first frame: the paragraphs' heights are not known yet, so places are found
            // in the next one; no offset remembered from elsewhere is used meanwhile.
            area = area.vertical_scroll_offset(0.0);
            ui.ctx().request_repaint();
        } else {
            // Showing an annotation wins over the place the document was left at.
            if self.scroll_to.is_some() {
                self.start = None;
                self.start_char = None;
            }
            if let Some(p) = self.start.take() {
                self.fix_tops();
                self.keep_top = Some(p.min(n.saturating_sub(1)));
            }
        }
        let scroll_to = if self.wrap_width > 0.0 {
            self.scroll_to.take()
        } else {
            None
        };
        if let Some(pos) = scroll_to {
            area = area.vertical_scroll_offset(self.offset_for(m.text, pos));
            // A paragraph not laid out yet was placed by its top: once it is (this frame,
            // now that it is on screen), the char inside it is centred in the next.
            let laid_out = self.cache.contains_key(&m.text.paragraph_at(pos));
            if !laid_out && self.scroll_again < 2 {
                self.scroll_again += 1;
                self.scroll_to = Some(pos);
            } else {
                self.scroll_again = 0;
            }
        } else if let Some(y) = self.fine_offset.take() {
            area = area.vertical_scroll_offset(y);
        } else if let Some(p) = self.keep_top.take() {
            area = area.vertical_scroll_offset(self.tops[p]);
        } else if let Some(mv) = self.move_by.take() {
            // A page keeps two lines of the last one in view.
            let page =
                (self.viewport_height - 2.0 * theme::DOC_LINE_HEIGHT).max(theme::DOC_LINE_HEIGHT);
            self.fix_tops();
            let end = (self.tops[n] + 2.0 * PAGE_PAD - self.viewport_height).max(0.0);
            let to = match mv {
                Move::PageDown => self.offset + page,
                Move::PageUp => self.offset - page,
                Move::Top => 0.0,
                Move::End => end,
            };
            area = area.vertical_scroll_offset(to.clamp(0.0, end));
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            let full_width = ui.available_width();
            let text_width =
                (full_width - 2.0 * theme::DOC_MARGIN).clamp(120.0, theme::READING_WIDTH);
            let left = ((full_width - text_width) / 2.0).max(0.0);
            let table_room = (full_width - theme::DOC_MARGIN).max(text_width);
            if (table_room - self.table_room).abs() > REWRAP_SLACK {
                self.table_room = table_room;
            }
            // A change of a few points (a panel settling for a frame) does not re-wrap the
            // text: the lines under the reader's eyes stay where they are. The margins take it.
            if self.wrap_width == 0.0 || (text_width - self.wrap_width).abs() > REWRAP_SLACK {
                let top = self.first_visible(viewport.min.y);
                // The line at the top stays at the top, not just its paragraph.
                let top_char = self.top_offset(m.text);
                self.reflow(m.text, text_width);
                if viewport.min.y > 0.0 {
                    self.keep_top = Some(top);
                    if self.start_char.is_none() {
                        self.start_char = top_char;
                    }
                }
            }
            self.fix_tops();
            let total = self.tops[n] + 2.0 * PAGE_PAD;
            let (rect, response) =
                ui.allocate_exact_size(vec2(full_width, total), Sense::click_and_drag());
            let dark = visuals.dark_mode;
            let page = Rect::from_min_max(
                pos2(rect.min.x + left - theme::DOC_MARGIN / 2.0, rect.min.y),
                pos2(
                    rect.min.x + left + text_width + theme::DOC_MARGIN / 2.0,
                    rect.max.y,
                ),
            );
            // (Painted once the rows shown are known: a wide table's widen it.)
            let background = ui.painter().add(egui::Shape::Noop);

            // Lay out and place the visible paragraphs.
            self.visible.clear();
            self.laid_out = 0;
            let first = self.first_visible(viewport.min.y);
            let mut y = self.tops[first];
            let mut i = first;
            while i < n && y < viewport.max.y - PAGE_PAD {
                let block = self.galley(ui, m, i, dark);
                let h = block.height().max(theme::DOC_LINE_HEIGHT);
                if (self.heights[i] - h).abs() > 0.01 {
                    self.heights[i] = h;
                    self.dirty_from = Some(self.dirty_from.map_or(i + 1, |d| d.min(i + 1)));
                }
                // (A wide table's row starts where the text does, or as far left as it
                // needs to end in the view.)
                let x = self.wide.get(&i).map_or(left, |&w| {
                    left.min(full_width - theme::DOC_MARGIN / 2.0 - w)
                        .max(theme::DOC_MARGIN / 2.0)
                });
                let origin = rect.min + vec2(x, PAGE_PAD + y);
                self.visible.push(Visible {
                    index: i,
                    origin,
                    block,
                });
                y += h;
                i += 1;
            }
            let keep = first.saturating_sub(CACHE_MARGIN)..i + CACHE_MARGIN;
            self.cache.retain(|k, _| keep.contains(k));
            self.wide.retain(|k, _| keep.contains(k));
            let page = self
                .visible
                .iter()
                .filter_map(|v| {
                    let w = self.wide.get(&v.index)?;
                    Some((v.origin.x, v.origin.x + w))
                })
                .fold(page, |p, (x0, x1)| {
                    Rect::from_min_max(
                        pos2(p.min.x.min(x0 - theme::DOC_MARGIN / 2.0), p.min.y),
                        pos2(p.max.x.max(x1 + theme::DOC_MARGIN / 2.0), p.max.y),
                    )
                });
            ui.painter().set(
                background,
                egui::Shape::rect_filled(page, 0.0, theme::page_background(&visuals)),
            );
            if self.dirty_from.is_some() {
                ui.ctx().request_repaint();
            }

            self.paint(ui, m, &visuals);
            self.paint_page_marks(ui, m, &visuals, text_width);
            let first_shown = self
                .visible
                .first()
                .map_or(0, |v| m.text.paragraphs()[v.index].start);
            super::link_marks::paint(
                ui,
                &self.links,
                m.annotations,
                m.selected,
                |a, b| self.rects_on_screen(m.text, a, b),
                first_shown,
                rect.min.x + left + text_width,
                ui.clip_rect(),
            );
            self.interact(ui, m, &response, &mut events);
        });
        self.viewport_height = output.inner_rect.height();
        self.shown = Some(output.inner_rect);
        self.offset = output.state.clamped_offset().y;
        // Where the document was left, to the line: once its paragraph is at the top, the
        // line is brought up too.
        if self.start.is_none()
            && self.keep_top.is_none()
            && let Some(at) = self.start_char
            && let Some(line_top) = self.line_top_of(m.text, at)
        {
            self.start_char = None;
            let dy = line_top - output.inner_rect.min.y;
            if dy > 1.0 {
                self.fine_offset = Some(self.offset + dy);
                ui.ctx().request_repaint();
            }
        }
        events
    }

    /// Recomputes which annotations touch which paragraph.
    fn rebuild_index(&mut self, m: &ViewModel<'_>) {
        let n = m.text.paragraphs().len();
        let mut para_spans: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (i, a) in m.annotations.iter().enumerate() {
            if !m.drawable.get(i).copied().unwrap_or(false) || a.end > m.text.char_count() {
                continue;
            }
            let p0 = m.text.paragraph_at(a.start);
            let p1 = m.text.paragraph_at(a.end.saturating_sub(1).max(a.start));
            for spans in &mut para_spans[p0..=p1] {
                spans.push(i as u32);
            }
        }
        self.para_spans = para_spans;
        self.links = super::link_marks::index(m.annotations, m.drawable);
        self.index_version = Some(m.version);
    }

    /// Re-estimates every paragraph's height for a new wrap width.
    fn reflow(&mut self, text: &Text, width: f32) {
        self.wrap_width = width;
        self.cache.clear();
        let per_row = (width / self.avg_char_width.max(1.0)).max(1.0);
        for (h, p) in self.heights.iter_mut().zip(text.paragraphs()) {
            let rows = (p.len() as f32 / per_row).ceil().max(1.0);
            *h = rows * theme::DOC_LINE_HEIGHT;
        }
        self.dirty_from = Some(0);
    }

    fn fix_tops(&mut self) {
        if let Some(from) = self.dirty_from.take() {
            for i in from.max(1)..self.tops.len() {
                self.tops[i] = self.tops[i - 1] + self.heights[i - 1];
            }
        }
    }

    fn first_visible(&self, y: f32) -> usize {
        let n = self.heights.len();
        self.tops[..n]
            .partition_point(|&t| t <= y - PAGE_PAD)
            .saturating_sub(1)
    }

    /// The scroll offset that centres char `pos` in the viewport.
    fn offset_for(&mut self, text: &Text, pos: usize) -> f32 {
        self.fix_tops();
        let p = text.paragraph_at(pos);
        let mut y = self.tops.get(p).copied().unwrap_or(0.0);
        if let Some(c) = self.cache.get(&p) {
            let local = pos - text.paragraphs()[p].start;
            y += c.block.caret_rect(local).min.y;
        }
        (y + PAGE_PAD - self.viewport_height / 2.0 + theme::DOC_LINE_HEIGHT / 2.0).max(0.0)
    }

    /// The laid-out paragraph `i`, from the cache or newly laid out.
    fn galley(&mut self, ui: &Ui, m: &ViewModel<'_>, i: usize, dark: bool) -> Block {
        let key = (
            m.version,
            self.wrap_width.round() as u32,
            self.table_room.round() as u32,
            dark,
        );
        if let Some(c) = self.cache.get(&i)
            && c.key == key
        {
            return c.block.clone();
        }
        self.laid_out += 1;
        let para = m.text.paragraphs()[i];
        let spans: Vec<Span<u32>> = self.para_spans[i]
            .iter()
            .map(|&k| {
                let a = &m.annotations[k as usize];
                Span {
                    start: a.start,
                    end: a.end,
                    key: k,
                }
            })
            .collect();
        let visuals = ui.visuals();
        let base = TextFormat {
            font_id: theme::doc_font(),
            color: theme::doc_text(visuals),
            line_height: Some(theme::DOC_LINE_HEIGHT),
            ..Default::default()
        };
        // (A paragraph of figures alone in a right-to-left document, such as a table's
        // heading of years, reads right to left too.)
        let text = m.text.slice(para.range());
        let bidi =
            bidi::needs_bidi(text) || bidi::paragraph_direction(text, m.rtl_document).is_some();
        let styles = if m.markdown {
            line_styles(text)
        } else {
            Vec::new()
        };
        let font = base.font_id.clone();
        let mut measure = |cell: &str| {
            ui.fonts_mut(|f| f.layout_no_wrap(cell.to_owned(), font.clone(), Color32::WHITE))
                .size()
                .x
        };
        // A table's row has its cells set in columns (not with Markdown's styles, whose
        // tables are drawn with bars, not tabs), unless the table is wider than the view.
        // A table wider than the text's column is set as wide as it is, up to the view's
        // width, so that its columns hold (a statistical release's twelve columns of
        // figures), not wrapped at the column's width; the bidirectional layout keeps to
        // the column.
        let limit = if bidi {
            self.wrap_width
        } else {
            self.table_room
        };
        let found = if styles.is_empty() {
            self.tables.pads(m.text, i, &mut measure)
        } else {
            None
        };
        let (pads, wide) = match found {
            Some((pads, w)) if w <= limit => (pads, (w > self.wrap_width).then_some(w)),
            _ => (Vec::new(), None),
        };
        match wide {
            Some(w) => self.wide.insert(i, w),
            None => self.wide.remove(&i),
        };
        let mut job = LayoutJob::default();
        job.wrap.max_width = wide.map_or(self.wrap_width, |w| w + 1.0);
        if para.is_empty() {
            job.append("", 0.0, base.clone());
        }
        if bidi {
            let para = self.bidi_para(ui, m, (i, &pads), &spans, &styles, &base);
            let block = Block::Bidi(Arc::new(para));
            self.cache.insert(
                i,
                Cached {
                    key,
                    block: block.clone(),
                },
            );
            return block;
        }
        for seg in flatten(&spans, para.range()) {
            let mut format = base.clone();
            if let Some(&inner) = seg.keys.last() {
                let kind = m.annotations[inner as usize].tag.kind();
                format.background = theme::tag_fill(kind, visuals);
            }
            if seg.keys.len() >= 2 {
                let outer = m.annotations[seg.keys[0] as usize].tag.kind();
                format.underline = Stroke::new(2.0, theme::tag_strong(outer, visuals));
            }
            if styles.is_empty() {
                let from = seg.start - para.start;
                let text = m.text.slice(seg.start..seg.end);
                super::table_columns::append_padded(&mut job, text, from, &pads, &format);
                continue;
            }
            // Split the run where the Markdown style changes.
            let (ls, le) = (seg.start - para.start, seg.end - para.start);
            for run in styles
                .iter()
                .filter(|r| r.range.start < le && r.range.end > ls)
            {
                let (a, b) = (run.range.start.max(ls), run.range.end.min(le));
                let styled = theme::markdown_format(format.clone(), &run.style, visuals);
                job.append(m.text.slice(para.start + a..para.start + b), 0.0, styled);
            }
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let block = Block::Plain(galley);
        self.cache.insert(
            i,
            Cached {
                key,
                block: block.clone(),
            },
        );
        block
    }

    /// Paragraph `i` laid out by the bidirectional algorithm, with its tag highlights.
    fn bidi_para(
        &self,
        ui: &Ui,
        m: &ViewModel<'_>,
        (i, pads): (usize, &[(usize, f32)]),
        spans: &[Span<u32>],
        styles: &[crate::core::markdown::StyleRun],
        base: &TextFormat,
    ) -> BidiPara {
        let visuals = ui.visuals();
        let para = m.text.paragraphs()[i];
        let mut cuts: Vec<usize> = styles
            .iter()
            .flat_map(|r| [r.range.start, r.range.end])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let format_at = |k: usize| match styles.iter().find(|r| r.range.contains(&k)) {
            Some(r) => theme::markdown_format(base.clone(), &r.style, visuals),
            None => base.clone(),
        };
        let text = m.text.slice(para.range());
        let block = BidiBlock::with_pads(
            ui,
            text,
            (
                bidi::paragraph_direction(text, m.rtl_document),
                self.wrap_width,
            ),
            &cuts,
            &format_at,
            pads,
        );
        let mut fills = Vec::new();
        let mut underlines = Vec::new();
        for seg in flatten(spans, para.range()) {
            let (a, b) = (seg.start - para.start, seg.end - para.start);
            if let Some(&inner) = seg.keys.last() {
                let kind = m.annotations[inner as usize].tag.kind();
                let fill = theme::tag_fill(kind, visuals);
                fills.extend(block.rects(a, b).into_iter().map(|r| (r, fill)));
            }
            if seg.keys.len() >= 2 {
                let outer = m.annotations[seg.keys[0] as usize].tag.kind();
                let color = theme::tag_strong(outer, visuals);
                underlines.extend(block.rects(a, b).into_iter().map(|r| {
                    (
                        Rect::from_min_max(
                            pos2(r.min.x, r.max.y - 3.0),
                            pos2(r.max.x, r.max.y - 1.0),
                        ),
                        color,
                    )
                }));
            }
        }
        BidiPara {
            block,
            fills,
            underlines,
        }
    }

    fn paint(&self, ui: &Ui, m: &ViewModel<'_>, visuals: &egui::Visuals) {
        let painter = ui.painter();
        // An annotation that no longer sits on its text (changed, moved away, orphaned, until
        // it is settled) is not outlined at its old offsets, which hold other text now.
        let selected = m.selected.and_then(|id| {
            let k = m.annotations.iter().position(|a| a.id == id)?;
            m.drawable
                .get(k)
                .copied()
                .unwrap_or(false)
                .then(|| &m.annotations[k])
        });
        for v in &self.visible {
            let para = m.text.paragraphs()[v.index];
            match &v.block {
                Block::Plain(g) => painter.galley(v.origin, g.clone(), theme::doc_text(visuals)),
                Block::Bidi(b) => {
                    for (r, c) in &b.fills {
                        painter.rect_filled(r.translate(v.origin.to_vec2()), 0.0, *c);
                    }
                    b.block.paint(painter, v.origin, theme::doc_text(visuals));
                    for (r, c) in &b.underlines {
                        painter.rect_filled(r.translate(v.origin.to_vec2()), 0.0, *c);
                    }
                }
            }
            let local = |a: usize, b: usize| -> Option<(usize, usize)> {
                let (s, e) = (a.max(para.start), b.min(para.end));
                (s < e || (a <= para.start && b > para.end && para.is_empty()))
                    .then(|| (s - para.start, e.max(s) - para.start))
            };
            // Find matches.
            let first_match = m.find_matches.partition_point(|&(_, e)| e <= para.start);
            for (k, &(a, b)) in m.find_matches[first_match..].iter().enumerate() {
                if a >= para.end {
                    break;
                }
                if let Some((s, e)) = local(a, b) {
                    let current = m.find_current == Some(first_match + k);
                    for r in v.block.rects(s, e) {
                        let r = r.translate(v.origin.to_vec2());
                        painter.rect_filled(r, 2.0, theme::find_match(visuals, current));
                        if current {
                            painter.rect_stroke(
                                r,
                                2.0,
                                theme::find_current_outline(visuals),
                                egui::StrokeKind::Outside,
                            );
                        }
                    }
                }
            }
            // The text selection.
            if let Some(sel) = m.selection.filter(|s| !s.is_empty())
                && let Some((s, e)) = local(sel.start(), sel.end())
            {
                for r in v.block.rects(s, e) {
                    painter.rect_filled(
                        r.translate(v.origin.to_vec2()),
                        0.0,
                        theme::selection(visuals),
                    );
                }
            }
            // The caret (an empty selection, placed by a click or the keyboard).
            if let Some(sel) = m.selection.filter(|s| s.is_empty())
                && (para.start..=para.end).contains(&sel.head)
            {
                let r = v.block.caret_rect(sel.head - para.start);
                let x = v.origin.x + r.min.x;
                painter.line_segment(
                    [pos2(x, v.origin.y + r.min.y), pos2(x, v.origin.y + r.max.y)],
                    Stroke::new(1.5, visuals.text_cursor.stroke.color),
                );
            }
            // An edge being dragged: the span it will have.
            if let Some((_, a, b)) = self.edge_preview()
                && let Some((s, e)) = local(a, b)
            {
                for r in v.block.rects(s, e) {
                    painter.rect_filled(
                        r.translate(v.origin.to_vec2()),
                        0.0,
                        theme::selection(visuals),
                    );
                }
            }
            // Annotations waiting for a decision, where their text is now: a dashed outline.
            for &(id, a, b) in m.pending {
                if a >= para.end.max(para.start + 1) || b <= para.start {
                    continue;
                }
                if let Some((s, e)) = local(a, b) {
                    let colour = theme::warning(visuals);
                    let width = if m.selected == Some(id) { 2.0 } else { 1.0 };
                    for r in v.block.rects(s, e) {
                        let r = r.translate(v.origin.to_vec2()).expand(1.0);
                        let stroke = Stroke::new(width, colour);
                        for side in [
                            [r.left_top(), r.right_top()],
                            [r.left_bottom(), r.right_bottom()],
                            [r.left_top(), r.left_bottom()],
                            [r.right_top(), r.right_bottom()],
                        ] {
                            painter.extend(egui::Shape::dashed_line(&side, stroke, 4.0, 3.0));
                        }
                    }
                }
            }
            // The selected annotation.
            if let Some(a) = selected
                && let Some((s, e)) = local(a.start, a.end)
            {
                for r in v.block.rects(s, e) {
                    painter.rect_stroke(
                        r.translate(v.origin.to_vec2()).expand(1.0),
                        2.0,
                        Stroke::new(1.5, theme::selected_outline(visuals)),
                        egui::StrokeKind::Outside,
                    );
                }
            }
        }
    }

    /// Where the pages of a PDF begin: a thin rule with "Page N" in the blank line before a
    /// page that begins with a paragraph, and "p. N" in the margin beside the line where a
    /// page begins inside a paragraph (with a tick before its first char). Drawn over the
    /// laid-out text; the text and its offsets are not changed.
    fn paint_page_marks(&self, ui: &Ui, m: &ViewModel<'_>, visuals: &egui::Visuals, width: f32) {
        let Some(pages) = m.pages else {
            return;
        };
        let painter = ui.painter();
        let colour = theme::weak(visuals);
        let font = egui::FontId::proportional(11.0);
        let paragraphs = m.text.paragraphs();
        let shown = |i: usize| self.visible.iter().find(|v| v.index == i);
        for page in pages.pages.iter().filter(|p| p.start < p.end) {
            let at = page.start;
            let pi = m.text.paragraph_at(at);
            let Some(v) = shown(pi) else {
                continue;
            };
            let local = at - paragraphs[pi].start;
            let blank_before = pi > 0 && local == 0 && paragraphs[pi - 1].is_empty();
            let rule_y = if pi == 0 && local == 0 {
                Some(v.origin.y - PAGE_PAD / 2.0)
            } else if blank_before {
                shown(pi - 1).map(|b| b.origin.y + theme::DOC_LINE_HEIGHT / 2.0)
            } else {
                None
            };
            if let Some(y) = rule_y {
                let label = format!("Page {}", page.number);
                let galley = painter.layout_no_wrap(label, font.clone(), colour);
                let x1 = v.origin.x + width;
                let text_x = x1 - galley.size().x;
                painter.line_segment(
                    [pos2(v.origin.x, y), pos2(text_x - 6.0, y)],
                    Stroke::new(1.0, colour.gamma_multiply(0.5)),
                );
                painter.galley(pos2(text_x, y - galley.size().y / 2.0), galley, colour);
                continue;
            }
            // The page's first char, not the caret before it: at a wrapped line's start the
            // caret stands at the end of the line above.
            let r = v
                .block
                .rects(local, local + 1)
                .first()
                .copied()
                .unwrap_or_else(|| v.block.caret_rect(local))
                .translate(v.origin.to_vec2());
            painter.line_segment(
                [
                    pos2(r.min.x - 1.0, r.min.y + 2.0),
                    pos2(r.min.x - 1.0, r.max.y - 2.0),
                ],
                Stroke::new(1.0, colour),
            );
            painter.text(
                pos2(v.origin.x - 6.0, r.center().y),
                egui::Align2::RIGHT_CENTER,
                format!("p. {}", page.number),
                font.clone(),
                colour,
            );
        }
    }

    /// The visible paragraph at a screen position (the last one below them all).
    fn visible_at(&self, pos: Pos2) -> Option<&Visible> {
        self.visible
            .iter()
            .find(|v| pos.y < v.origin.y + v.block.height().max(theme::DOC_LINE_HEIGHT))
            .or(self.visible.last())
    }

    /// The document caret offset at a screen position (clamped to the visible text).
    fn hit(&self, text: &Text, pos: Pos2) -> Option<usize> {
        let v = self.visible_at(pos)?;
        let para = text.paragraphs()[v.index];
        let local = v.block.caret_at(pos - v.origin);
        Some(para.start + local.min(para.len()))
    }

    /// The document offset of the char under a screen position (clamped to the visible text).
    fn hit_char(&self, text: &Text, pos: Pos2) -> Option<usize> {
        let v = self.visible_at(pos)?;
        let para = text.paragraphs()[v.index];
        let local = v.block.char_at(pos - v.origin);
        Some(para.start + local.min(para.len()))
    }

    /// The selection made by dragging from where the drag started to `to`, `anchor` being
    /// the offset it started at. Within one line of a bidirectional paragraph it is the chars
    /// swept over (the smallest range holding them, as a line mixing directions shows one
    /// logical range in several places); elsewhere, from the anchor to the caret at `to`.
    fn drag_selection(
        &self,
        text: &Text,
        to: Pos2,
        anchor: usize,
        extend: bool,
    ) -> Option<Selection> {
        let head = self.hit(text, to)?;
        if !extend
            && let Some((p, from)) = self.drag_from
            && let Some(v) = self.visible_at(to)
            && v.index == p
            && let Block::Bidi(b) = &v.block
            && let Some(swept) = b.block.swept(from, to - v.origin)
        {
            let start = text.paragraphs()[p].start;
            return Some(match swept {
                Some(r) if anchor <= head => Selection {
                    anchor: start + r.start,
                    head: start + r.end,
                },
                Some(r) => Selection {
                    anchor: start + r.end,
                    head: start + r.start,
                },
                None => Selection { anchor: head, head },
            });
        }
        Some(Selection { anchor, head })
    }

    /// Dragging an edge of the selected annotation moves that edge (snapped to words unless
    /// Alt is held), in one undoable step when the drag ends; the pointer shows where an edge
    /// can be taken. Returns whether the pointer is busy with an edge.
    fn drag_edge(
        &mut self,
        ui: &Ui,
        m: &ViewModel<'_>,
        response: &egui::Response,
        events: &mut Vec<ViewEvent>,
    ) -> bool {
        let text = m.text;
        let selected = m
            .selected
            .and_then(|id| m.annotations.iter().find(|a| a.id == id));
        // Which edge of the selected annotation a screen point is on, if any: on the
        // annotation's side of it, or just past it, never on the next word's first letter
        // (a drag there selects that word).
        let edge_at = |p: Pos2| -> Option<(usize, usize)> {
            let a = selected?;
            [
                (a.start, a.end, a.start + 1),
                (a.end, a.start, a.end.saturating_sub(1)),
            ]
            .into_iter()
            .find(|(edge, _, inner)| {
                self.screen_pos_of(text, *edge).is_some_and(|e| {
                    // Outward is away from the annotation's letter beside the edge
                    // (leftward at the end of a right-to-left span).
                    let outward = match self.screen_pos_of(text, *inner) {
                        Some(i) if (i.y - e.y).abs() < 1.0 && i.x != e.x => (e.x - i.x).signum(),
                        _ if edge == &a.start => -1.0,
                        _ => 1.0,
                    };
                    let past = (p.x - e.x) * outward;
                    (-EDGE_GRAB_INSIDE..=EDGE_GRAB_OUTSIDE).contains(&past)
                        && (e.y - p.y).abs() <= theme::DOC_LINE_HEIGHT / 2.0
                })
            })
            .map(|(edge, fixed, _)| (fixed, edge))
        };
        if self.edge_drag.is_none()
            && response.hovered()
            && !response.dragged()
            && response.hover_pos().and_then(edge_at).is_some()
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
        if response.drag_started()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
            && let (Some(a), Some((fixed, edge))) = (selected, edge_at(origin))
        {
            self.edge_drag = Some((a.id, fixed, edge));
        }
        let Some((id, fixed, _)) = self.edge_drag else {
            return false;
        };
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        if let Some(at) = response
            .interact_pointer_pos()
            .and_then(|p| self.hit(text, p))
        {
            let exact = ui.input(|i| i.modifiers.alt) || !m.snap_words;
            let at = if exact { at } else { snap_point(text, at) };
            self.edge_drag = Some((id, fixed, at));
        }
        if response.drag_stopped()
            && let Some((id, fixed, at)) = self.edge_drag.take()
            && at != fixed
        {
            // Spaces at the new edges are not part of the span.
            let (s, e) =
                crate::core::reach::without_blank_edges(text, fixed.min(at), fixed.max(at));
            if s < e {
                events.push(ViewEvent::Respan(id, s, e));
            }
        }
        true
    }

    /// The span being given to an annotation by dragging its edge, to draw.
    fn edge_preview(&self) -> Option<(AnnotationId, usize, usize)> {
        self.edge_drag
            .map(|(id, fixed, at)| (id, fixed.min(at), fixed.max(at)))
    }

    fn interact(
        &mut self,
        ui: &Ui,
        m: &ViewModel<'_>,
        response: &egui::Response,
        events: &mut Vec<ViewEvent>,
    ) {
        let text = m.text;
        let shift = ui.input(|i| i.modifiers.shift);
        // A press in the document is a gesture in the document: the keys that follow belong
        // to it, so a field that was being typed in (a note) lets go of the keyboard.
        if response.hovered() && ui.input(|i| i.pointer.any_pressed()) {
            ui.ctx().memory_mut(|m| m.stop_text_input());
        }
        if self.drag_edge(ui, m, response, events) {
            return;
        }
        if response.drag_started()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
            && let (Some(a), Some(to)) = (self.hit(text, origin), response.interact_pointer_pos())
        {
            let extend = shift && m.selection.is_some();
            let anchor = match m.selection {
                Some(s) if shift => s.anchor,
                _ => a,
            };
            // Extending a selection goes from its anchor; a new one from the chars swept.
            self.drag_from = if extend {
                None
            } else {
                self.visible_at(origin)
                    .map(|v| (v.index, origin - v.origin))
            };
            if let Some(sel) = self.drag_selection(text, to, anchor, extend) {
                events.push(ViewEvent::Select(Some(sel)));
            }
            // A drag selects text: the keys that follow are for it, not for the annotation
            // selected before (a tag key would retag it).
            if m.selected.is_some() {
                events.push(ViewEvent::SelectAnnotation(None));
            }
        } else if response.dragged()
            && let (Some(sel), Some(to)) = (m.selection, response.interact_pointer_pos())
        {
            let extend = self.drag_from.is_none();
            if let Some(new) = self.drag_selection(text, to, sel.anchor, extend)
                && new != sel
            {
                events.push(ViewEvent::Select(Some(new)));
            }
            scroll_at_edges(ui, response.interact_pointer_pos());
        }
        // Alt held while dragging selects exactly what was dragged over.
        if response.drag_stopped()
            && m.snap_words
            && !ui.input(|i| i.modifiers.alt)
            && let Some(sel) = m.selection.filter(|s| !s.is_empty())
        {
            events.push(ViewEvent::Select(Some(snap_to_words(text, sel))));
        }
        if response.double_clicked()
            && let Some(at) = response
                .interact_pointer_pos()
                .and_then(|p| self.hit_char(text, p))
        {
            let (s, e) = word_at(text, at);
            events.push(ViewEvent::Select(Some(Selection { anchor: s, head: e })));
        } else if response.clicked()
            && let Some(at) = response
                .interact_pointer_pos()
                .and_then(|p| self.hit(text, p))
        {
            // Shift+click extends a text selection; with an annotation selected and only a
            // caret (the click that selected it placed one), it moves the annotation's edge.
            let extending = m
                .selection
                .filter(|s| !s.is_empty() || m.selected.is_none());
            if shift && let Some(sel) = extending {
                // To whole words, as a drag's end is (Alt keeps it exact).
                let extended = Selection { head: at, ..sel };
                let extended =
                    if m.snap_words && !ui.input(|i| i.modifiers.alt) && !extended.is_empty() {
                        snap_to_words(text, extended)
                    } else {
                        extended
                    };
                events.push(ViewEvent::Select(Some(extended)));
            } else if shift
                && let Some(id) = m.selected
                && !self.on_another(m, id, response.interact_pointer_pos())
            {
                // No text selected: Shift+click moves the nearer edge of the selected
                // annotation's span there (on another annotation, it selects that one, as a
                // click does, rather than growing the selected one over it).
                let span = m.annotations.iter().find(|a| a.id == id);
                let at = match span {
                    Some(a) if m.snap_words => {
                        crate::core::snap::snap_reach(text, a.start, a.end, at)
                    }
                    _ => at,
                };
                events.push(ViewEvent::Reach(id, at));
            } else {
                // The annotations on the char clicked.
                let at = response
                    .interact_pointer_pos()
                    .and_then(|p| self.hit_char(text, p))
                    .unwrap_or(at);
                let covering = self.covering(m, at);
                let pick = match (self.last_click, m.selected) {
                    // A repeated click on the same spot cycles through the overlapping ones.
                    (Some((last_at, last_id)), Some(sel))
                        if last_id == sel
                            && covering.contains(&sel)
                            && text.paragraph_at(last_at) == text.paragraph_at(at) =>
                    {
                        let k = covering.iter().position(|&id| id == sel).unwrap_or(0);
                        Some(covering[(k + 1) % covering.len()])
                    }
                    _ => covering.last().copied(),
                };
                self.last_click = pick.map(|id| (at, id));
                // The caret goes where the click was, for selecting with the keyboard.
                let caret = response
                    .interact_pointer_pos()
                    .and_then(|p| self.hit(text, p))
                    .map(|at| Selection {
                        anchor: at,
                        head: at,
                    });
                events.push(ViewEvent::Select(caret));
                events.push(ViewEvent::SelectAnnotation(pick));
            }
        }

        // Hover details.
        if !response.dragged()
            && let Some(at) = response.hover_pos().and_then(|p| self.hit_char(text, p))
        {
            let covering = self.covering(m, at);
            if !covering.is_empty() {
                let details: Vec<&Annotation> = covering
                    .iter()
                    .rev()
                    .filter_map(|id| m.annotations.iter().find(|a| a.id == *id))
                    .collect();
                response.clone().on_hover_ui_at_pointer(|ui| {
                    super::annotation_card::hover_ui(ui, &details);
                });
            }
        }

        // Context menu.
        let clicked_annotation = m.selected;
        let has_selection = m.selection.is_some_and(|s| !s.is_empty());
        response.context_menu(|ui| {
            if has_selection {
                for kind in TagKind::ALL {
                    let label = format!("Tag as {}", super::labels::tag_label(*kind));
                    if ui
                        .add(egui::Button::new(label).shortcut_text(super::labels::tag_key(*kind)))
                        .clicked()
                    {
                        events.push(ViewEvent::Tag(*kind));
                        ui.close();
                    }
                }
            }
            if let Some(id) = clicked_annotation {
                if has_selection {
                    ui.separator();
                }
                if ui
                    .add(egui::Button::new("Delete annotation").shortcut_text("Del"))
                    .clicked()
                {
                    events.push(ViewEvent::Delete(id));
                    ui.close();
                }
            }
            if !has_selection && clicked_annotation.is_none() {
                ui.label("Select text to tag it.");
            }
        });
    }

    /// Drawable annotations that cover char `at`, outermost first.
    /// Whether the point is on an annotation other than `id`, outside `id`'s own span.
    fn on_another(&self, m: &ViewModel<'_>, id: AnnotationId, point: Option<Pos2>) -> bool {
        let Some(at) = point.and_then(|p| self.hit_char(m.text, p)) else {
            return false;
        };
        let covering = self.covering(m, at);
        !covering.contains(&id) && !covering.is_empty()
    }

    fn covering(&self, m: &ViewModel<'_>, at: usize) -> Vec<AnnotationId> {
        let p = m.text.paragraph_at(at);
        let mut hits: Vec<&Annotation> = self
            .para_spans
            .get(p)
            .into_iter()
            .flatten()
            .map(|&k| &m.annotations[k as usize])
            .filter(|a| a.start <= at && at < a.end)
            .collect();
        hits.sort_by_key(|a| (std::cmp::Reverse(a.len()), a.start, a.id));
        let mut ids: Vec<AnnotationId> = hits.into_iter().map(|a| a.id).collect();
        // Then those waiting for a decision where their text now is.
        ids.extend(
            m.pending
                .iter()
                .filter(|&&(_, a, b)| a <= at && at < b)
                .map(|&(id, _, _)| id),
        );
        ids
    }
}

/// Scrolls the view while a drag goes past its top or bottom edge (faster the further past).
pub(super) fn scroll_at_edges(ui: &Ui, pointer: Option<Pos2>) {
    let Some(p) = pointer else { return };
    let clip = ui.clip_rect();
    let dy = if p.y < clip.min.y + 8.0 {
        (clip.min.y + 8.0 - p.y).min(40.0)
    } else if p.y > clip.max.y - 8.0 {
        -(p.y - clip.max.y + 8.0).min(40.0)
    } else {
        0.0
    };
    if dy != 0.0 {
        ui.scroll_with_delta(vec2(0.0, dy));
        ui.ctx().request_repaint();
    }
}

/// Screen rectangles (relative to the galley) covering chars `a..b` of a one-paragraph galley,
/// one per row.
fn range_rects(galley: &Galley, a: usize, b: usize) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let count: usize = row.char_count_including_newline().into();
        let row_end = row_start + count;
        let (s, e) = (a.max(row_start), b.min(row_end));
        if s < e || (a == b && row.row.glyphs.is_empty() && a == row_start) {
            let x0 = row.row.x_offset((s - row_start).into());
            let x1 = row.row.x_offset((e - row_start).into());
            let r = row.rect();
            out.push(Rect::from_min_max(
                pos2(r.min.x + x0, r.min.y),
                pos2(r.min.x + x1.max(x0 + 4.0), r.max.y),
            ));
        }
        row_start = row_end;
        if row_start >= b {
            break;
        }
    }
    out
}

fn measure_avg_char_width(ui: &Ui) -> f32 {
    const SAMPLE: &str = "The committee said the figures, published on 3 May, were revised twice.";
    let galley = ui.fonts_mut(|f| {
        f.layout_no_wrap(SAMPLE.to_owned(), theme::doc_font(), egui::Color32::WHITE)
    });
    (galley.rect.width() / SAMPLE.chars().count() as f32).max(1.0)
}
