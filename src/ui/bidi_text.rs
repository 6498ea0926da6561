//! Right-to-left and mixed-direction text drawn with egui. egui 0.37 shapes Arabic and Hebrew
//! (harfrust joins the letters) but has no bidirectional algorithm: it lays out font runs left
//! to right, reverses Arabic-Indic digits, and its cursors are wrong after an RTL run. So a
//! paragraph that needs it is cut by `core::bidi` into pieces of one direction, each piece is
//! shaped by egui on its own, the advance of each char is read back from the glyphs, and the
//! pieces are drawn where the algorithm puts them.

use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::Glyph;
use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Align2, Color32, Galley, Painter, Pos2, Rect, Ui, Vec2, pos2, vec2};

use crate::core::bidi::{self, ParaLayout, Piece};

/// A paragraph laid out by the bidirectional algorithm, ready to draw and to hit-test.
pub struct BidiBlock {
    layout: ParaLayout<Arc<Galley>>,
    /// Top of each line, and the bottom of the last one.
    tops: Vec<f32>,
}

impl BidiBlock {
    /// Lays out `text` in lines no wider than `width`. `format_at` gives the format of the
    /// piece starting at a char offset; `cuts` are the offsets where the format changes.
    pub fn new(
        ui: &Ui,
        text: &str,
        width: f32,
        cuts: &[usize],
        format_at: &dyn Fn(usize) -> TextFormat,
    ) -> Self {
        Self::new_in(ui, text, None, width, cuts, format_at)
    }

    /// Like [`Self::new`], with the paragraph's direction given (`Some(true)`: right to
    /// left) instead of found from its first strong char.
    pub fn new_in(
        ui: &Ui,
        text: &str,
        rtl: Option<bool>,
        width: f32,
        cuts: &[usize],
        format_at: &dyn Fn(usize) -> TextFormat,
    ) -> Self {
        Self::with_pads(ui, text, (rtl, width), cuts, format_at, &[])
    }

    /// Like [`Self::new_in`], with `pads` (char offset of a tab, sorted, and the space to
    /// add to it) widening tabs so that a table's cells stand in columns.
    pub fn with_pads(
        ui: &Ui,
        text: &str,
        (rtl, width): (Option<bool>, f32),
        cuts: &[usize],
        format_at: &dyn Fn(usize) -> TextFormat,
        pads: &[(usize, f32)],
    ) -> Self {
        let layout = bidi::layout_in(text, rtl, width, cuts, &mut |piece: &Piece, s: &str| {
            let (galley, mut advances) = shape(ui, piece, s, format_at(piece.range.start));
            if s == "\t"
                && let Ok(k) = pads.binary_search_by_key(&piece.range.start, |p| p.0)
                && let Some(advance) = advances.first_mut()
            {
                *advance += pads[k].1;
            }
            (galley, advances)
        });
        let min_height = format_at(0).line_height.unwrap_or(0.0);
        let mut tops = Vec::with_capacity(layout.lines.len() + 1);
        let mut y = 0.0;
        for line in &layout.lines {
            tops.push(y);
            let h = line
                .pieces
                .iter()
                .map(|p| p.handle.rect.height())
                .fold(min_height, f32::max);
            y += if h > 0.0 {
                h
            } else {
                ui.text_style_height(&egui::TextStyle::Body)
            };
        }
        tops.push(y);
        Self { layout, tops }
    }

    /// Height of all the lines.
    pub fn height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Where the leftmost and the rightmost piece of any line end.
    pub fn used_width(&self) -> (f32, f32) {
        let mut lo = f32::INFINITY;
        let mut hi = f32::NEG_INFINITY;
        for line in &self.layout.lines {
            for p in &line.pieces {
                lo = lo.min(p.x);
                hi = hi.max(p.x + p.width);
            }
        }
        if lo > hi { (0.0, 0.0) } else { (lo, hi) }
    }

    /// Draws the text with its top left corner at `origin`.
    pub fn paint(&self, painter: &Painter, origin: Pos2, color: Color32) {
        let clip = painter.clip_rect();
        for (line, &top) in self.layout.lines.iter().zip(&self.tops) {
            if origin.y + top > clip.max.y {
                break;
            }
            for p in &line.pieces {
                painter.galley(origin + vec2(p.x, top), p.handle.clone(), color);
            }
        }
    }

    fn line_at(&self, y: f32) -> usize {
        let n = self.layout.lines.len();
        self.tops[1..n].partition_point(|&t| t <= y)
    }

    /// The caret offset at point `p` (relative to the block).
    pub fn caret_at(&self, p: Vec2) -> usize {
        self.layout.lines[self.line_at(p.y)].caret_at(p.x)
    }

    /// The char under point `p` (relative to the block), or the nearest one on its line.
    pub fn char_at(&self, p: Vec2) -> Option<usize> {
        self.layout.lines[self.line_at(p.y)].char_at(p.x)
    }

    /// When `a` and `b` are on the same line: the chars swept between them (`Some(None)` when
    /// none). `None` when they are on different lines.
    pub fn swept(&self, a: Vec2, b: Vec2) -> Option<Option<Range<usize>>> {
        let k = self.line_at(a.y);
        (k == self.line_at(b.y)).then(|| self.layout.lines[k].covered(a.x, b.x))
    }

    /// Rectangles (relative to the block) covering chars `a..b`: on each line, one for each
    /// group of them that is together on screen.
    pub fn rects(&self, a: usize, b: usize) -> Vec<Rect> {
        let mut out = Vec::new();
        for (k, line) in self.layout.lines.iter().enumerate() {
            if line.range.end <= a && !(a == b && line.range.is_empty()) {
                continue;
            }
            if line.range.start >= b && line.range.start > a {
                break;
            }
            let (y0, y1) = (self.tops[k], self.tops[k + 1]);
            for (x0, x1) in line.extents(a, b) {
                out.push(Rect::from_min_max(pos2(x0, y0), pos2(x1.max(x0 + 4.0), y1)));
            }
        }
        out
    }

    /// A thin rectangle where the caret before char `pos` is (relative to the block).
    pub fn caret_rect(&self, pos: usize) -> Rect {
        let k = self.layout.line_of(pos);
        let x = self.layout.lines[k].caret_x(pos);
        Rect::from_min_max(pos2(x, self.tops[k]), pos2(x, self.tops[k + 1]))
    }
}

/// Shapes one piece with egui and reads back each char's advance.
fn shape(ui: &Ui, piece: &Piece, text: &str, format: TextFormat) -> (Arc<Galley>, Vec<f32>) {
    let chars: Vec<char> = text.chars().collect();
    let rtl_script = chars.iter().any(|&c| bidi::rtl_script(c).is_some());
    // A neutral drawn right to left is mirrored: "(" shows as ")".
    let shown: String = if piece.rtl && !rtl_script {
        chars
            .iter()
            .map(|&c| bidi::mirrored(c).unwrap_or(c))
            .collect()
    } else {
        text.to_owned()
    };
    let mut job = LayoutJob::single_section(shown, format);
    job.wrap.max_width = f32::INFINITY;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let glyphs: Vec<&Glyph> = galley.rows.iter().flat_map(|r| &r.row.glyphs).collect();
    let width: f32 = glyphs.iter().map(|g| g.advance_width).sum();
    let advances = if rtl_script {
        rtl_advances(&chars, &glyphs)
    } else {
        (glyphs.len() == chars.len()).then(|| glyphs.iter().map(|g| g.advance_width).collect())
    }
    .unwrap_or_else(|| share(&chars, width));
    (galley, advances)
}

/// Whether a char takes room of its own (not a mark, joiner or control).
fn takes_room(c: char) -> bool {
    !(is_control(c) || bidi::is_joiner(c) && c != '\u{0640}')
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{061C}')
}

/// `width` shared evenly by the chars that take room.
fn share(chars: &[char], width: f32) -> Vec<f32> {
    let k = chars.iter().filter(|&&c| takes_room(c)).count();
    if k == 0 {
        let mut v = vec![0.0; chars.len()];
        if let Some(first) = v.first_mut() {
            *first = width;
        }
        return v;
    }
    chars
        .iter()
        .map(|&c| if takes_room(c) { width / k as f32 } else { 0.0 })
        .collect()
}

/// The advance of each char (in logical order) of a piece egui shaped right to left.
///
/// egui 0.37 keeps the shaper's glyphs in visual order, each named by the first char of its
/// cluster, and then appends zero-width stand-ins for the chars after the first cluster's
/// (<https://github.com/emilk/egui/issues/8576>). The stand-ins are recognised and dropped,
/// the real glyphs are walked back in logical order and matched to the chars that start
/// their clusters, and each cluster's width is shared by the chars in it (a ligature such as
/// lam-alef is split in two; marks take none). `None` when the glyphs do not match, for
/// another version of egui to be handled by an even share.
fn rtl_advances(chars: &[char], glyphs: &[&Glyph]) -> Option<Vec<f32>> {
    let (n, g) = (chars.len(), glyphs.len());
    if n == 0 || g == 0 {
        return None;
    }
    // The stand-ins are the chars after the first cluster's `j` glyphs.
    let real = (1..=n).find_map(|j| {
        let tail = n - j;
        (tail < g
            && glyphs[g - tail..]
                .iter()
                .zip(&chars[j..])
                .all(|(gl, &c)| gl.chr == c && gl.advance_width == 0.0 && gl.uv_rect.is_nothing()))
        .then_some(g - tail)
    })?;
    // Clusters in logical order: (first char, width).
    let mut clusters: Vec<(usize, f32)> = Vec::new();
    let mut next = 0;
    for gl in glyphs[..real].iter().rev() {
        if let Some(last) = clusters.last_mut()
            && gl.chr == chars[last.0]
            && (gl.advance_width == 0.0 || !chars[next..].contains(&gl.chr))
        {
            last.1 += gl.advance_width;
            continue;
        }
        let q = next + chars[next..].iter().position(|&c| c == gl.chr)?;
        if clusters.is_empty() && q != 0 {
            return None;
        }
        clusters.push((q, gl.advance_width));
        next = q + 1;
    }
    let mut adv = vec![0.0; n];
    for (k, &(start, width)) in clusters.iter().enumerate() {
        let end = clusters.get(k + 1).map_or(n, |c| c.0);
        adv[start..end].copy_from_slice(&share(&chars[start..end], width));
    }
    Some(adv)
}

/// Width given to text laid out on one line, wider than any line shown.
const ONE_LINE: f32 = 1.0e6;

/// Draws `text` as a label that may wrap, laid out by the bidirectional algorithm when it
/// needs it (right-to-left letters, Arabic digits), and as an ordinary label otherwise. A
/// right-to-left paragraph is aligned right, as a browser does with `dir="auto"`.
pub fn label(ui: &mut Ui, text: &str, format: TextFormat) -> egui::Response {
    if !bidi::needs_bidi(text) {
        let mut job = LayoutJob::single_section(text.to_owned(), format);
        job.wrap.max_width = ui.available_width();
        return ui.label(job);
    }
    let width = ui.available_width().max(40.0);
    let color = format.color;
    let block = BidiBlock::new(ui, text, width, &[], &|_| format.clone());
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, block.height()), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        block.paint(ui.painter(), rect.min, color);
    }
    response
}

/// Draws `text` on one line across the available width, when it needs the bidirectional
/// algorithm; where it does not fit, it ends at the last whole word that does, with `…` (a
/// word cut at the edge, `تسهیلات` shown as `تسهیا`, would read as another word). `None`
/// (nothing drawn) when it needs no bidirectional layout, for the caller to draw it as usual.
pub fn one_line(ui: &mut Ui, text: &str, format: TextFormat) -> Option<egui::Response> {
    if !bidi::needs_bidi(text) {
        return None;
    }
    let height = ui.fonts_mut(|f| f.row_height(&format.font_id));
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect);
        let rtl = bidi::is_rtl_paragraph(text);
        let (at, align) = if rtl {
            (rect.right_center(), Align2::RIGHT_CENTER)
        } else {
            (rect.left_center(), Align2::LEFT_CENTER)
        };
        let measure = |t: &str| {
            let (lo, hi) = BidiBlock::new_in(ui, t, Some(rtl), ONE_LINE, &[], &|_| format.clone())
                .used_width();
            hi - lo
        };
        let fitted = fit_to(text, rect.width(), measure);
        paint_line(ui, &painter, &fitted, format, at, align);
    }
    Some(response)
}

/// `text`, or as much of it as `measure` says fits in `width` ending at a word's end, with
/// `…` after it (a word longer than the width is cut inside, with `…`).
fn fit_to(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> std::borrow::Cow<'_, str> {
    if measure(text) <= width {
        return text.into();
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let with_dots = |end: usize| format!("{}…", text[..end].trim_end());
    // The longest start that fits, found by halving.
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if measure(&with_dots(ends[mid - 1])) <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return "…".into();
    }
    let end = ends[lo - 1];
    // Back to the last space in it, unless the first word alone is too long.
    let word_end = if text[end..].starts_with(char::is_whitespace) {
        Some(end)
    } else {
        text[..end].rfind(char::is_whitespace)
    };
    match word_end {
        Some(at) if !text[..at].trim().is_empty() => with_dots(at).into(),
        _ => with_dots(end).into(),
    }
}

/// Paints `text` on one line, laid out by the bidirectional algorithm, placed at `at` as
/// `align` says (like `Painter::text`).
pub fn paint_line(
    ui: &Ui,
    painter: &Painter,
    text: &str,
    format: TextFormat,
    at: Pos2,
    align: Align2,
) {
    let color = format.color;
    let block = BidiBlock::new(ui, text, ONE_LINE, &[], &|_| format.clone());
    let (lo, hi) = block.used_width();
    let x = match align.x() {
        Align::Min => at.x - lo,
        Align::Center => at.x - (lo + hi) / 2.0,
        Align::Max => at.x - hi,
    };
    let h = block.height();
    let y = match align.y() {
        Align::Min => at.y,
        Align::Center => at.y - h / 2.0,
        Align::Max => at.y - h,
    };
    block.paint(painter, pos2(x, y), color);
}

#[cfg(test)]
mod tests {
    use super::fit_to;

    /// One unit a char.
    fn chars(t: &str) -> f32 {
        t.chars().count() as f32
    }

    #[test]
    fn a_line_too_long_ends_at_a_whole_word_with_an_ellipsis() {
        let text = "پیرو نامه شماره ۰۳/۶۶۹ پیرامون تسهیلات قرض‌الحسنه";
        assert_eq!(fit_to(text, 100.0, chars), text);
        // `تسهیلات` would be cut after its fourth letter: the line ends before it.
        assert_eq!(fit_to(text, 35.0, chars), "پیرو نامه شماره ۰۳/۶۶۹ پیرامون…");
        assert!(chars(&fit_to(text, 35.0, chars)) <= 35.0);
        // A first word longer than the width is cut inside it.
        assert_eq!(fit_to("تسهیلات", 4.0, chars), "تسه…");
        assert_eq!(fit_to("abc", 0.5, chars), "…");
        // A cut just before a space keeps the whole word before it.
        assert_eq!(fit_to("ab cd ef", 6.0, chars), "ab cd…");
    }
}
