//! Bidirectional text: one paragraph run through the Unicode Bidirectional Algorithm (the
//! `unicode-bidi` crate), cut into lines and into pieces a shaper can lay out, the pieces
//! placed in visual order, and the mapping between a point on a line and logical char
//! offsets. No GUI here: the widths of the pieces come from a `measure` callback.
//!
//! Offsets are chars into the paragraph's text, as everywhere in factmark. A piece is laid
//! out by the shaper as one unit only when the shaper will give it the direction the
//! algorithm resolved for it; everything else (a bracket inside Arabic, Arabic-Indic digits,
//! letters under a direction override) is laid out one grapheme at a time and placed here, so
//! that digits are never reversed and neutrals sit where the algorithm puts them.

use std::collections::HashMap;
use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};
use unicode_script::{Script, UnicodeScript as _};

/// `text` with the classes the algorithm should see for numbers, for the algorithm only
/// (each replacement is as many bytes long as the char it stands for, so byte offsets stay
/// the same):
/// - each space that groups a number's digits in threes (`3 001`, `68 795`, `١ ٢٣٤`) is given
///   the class of a comma: a space between two numbers would make them two numbers, and a
///   right-to-left line would show `001 3`;
/// - a minus sign starting a number (`-4.3` in a Hebrew table's cell) is given a digit's
///   class: the algorithm would set it apart from its number, and a right-to-left line would
///   show `4.3-`.
pub fn number_classes(text: &str) -> std::borrow::Cow<'_, str> {
    let cs: Vec<char> = text.chars().collect();
    let number = |c: char| matches!(bidi_class(c), BidiClass::EN | BidiClass::AN);
    let groups = |i: usize| {
        i > 0
            && cs[i] == ' '
            && cs.get(i + 1..i + 4).is_some_and(|g| {
                g.iter()
                    .all(|&c| number(c) && bidi_class(c) == bidi_class(cs[i - 1]))
            })
            && number(cs[i - 1])
            && !cs.get(i + 4).is_some_and(|&c| number(c))
    };
    let signs = |i: usize| {
        matches!(cs[i], '-' | '\u{2212}')
            && cs
                .get(i + 1)
                .is_some_and(|&c| bidi_class(c) == BidiClass::EN)
            && (i == 0 || cs[i - 1].is_whitespace() || cs[i - 1] == '(')
    };
    if !(0..cs.len()).any(|i| groups(i) || signs(i)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let out: String = (0..cs.len())
        .map(|i| {
            if groups(i) {
                ','
            } else if signs(i) {
                // A European digit as long as the sign: `0` for `-`, `⁰` for `−`.
                if cs[i] == '-' { '0' } else { '\u{2070}' }
            } else {
                cs[i]
            }
        })
        .collect();
    std::borrow::Cow::Owned(out)
}

/// Whether `text` needs the bidirectional algorithm to be shown right: it has a right-to-left
/// letter, an Arabic number, a char of a right-to-left script (such as Persian digits) or an
/// explicit direction control. Text without any of these reads left to right as it is.
pub fn needs_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        use BidiClass::*;
        matches!(
            bidi_class(c),
            R | AL | AN | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
        ) || rtl_script(c).is_some()
    })
}

/// Whether a paragraph reads right to left: its first strong char (outside isolates) is a
/// right-to-left one (rules P2 and P3 of the algorithm).
pub fn is_rtl_paragraph(text: &str) -> bool {
    ParagraphBidiInfo::new(text, None).paragraph_level.is_rtl()
}

/// Whether a document reads right to left: more of its letters are right-to-left ones than
/// left-to-right ones (a Persian article quoting English names, say). Its paragraphs that
/// hold any right-to-left text then read right to left even when they start with a Latin word,
/// as they do on a page marked `dir="rtl"`.
pub fn document_is_rtl(text: &str) -> bool {
    mostly_rtl(text)
}

/// Whether more of the letters of `text` are right-to-left ones than left-to-right ones.
fn mostly_rtl(text: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    rtl > ltr
}

/// The direction a paragraph is laid out in: right to left in a right-to-left document when
/// most of its own letters are right-to-left ones (even if it starts with a Latin name) or
/// it has no letters (a table's heading of years over right-to-left rows), otherwise from
/// its first strong char. `None` leaves it to the algorithm (rules P2, P3).
pub fn paragraph_direction(text: &str, document_rtl: bool) -> Option<bool> {
    (document_rtl && (mostly_rtl(text) || !has_letters(text))).then_some(true)
}

/// Whether `text` has a letter of a script with a direction (figures and punctuation alone,
/// such as a table's heading of years, have none).
fn has_letters(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::L | BidiClass::R | BidiClass::AL))
}

/// Whether a paragraph reads right to left, in a document that does or not.
pub fn reads_rtl(text: &str, document_rtl: bool) -> bool {
    paragraph_direction(text, document_rtl).unwrap_or_else(|| is_rtl_paragraph(text))
}

/// The right-to-left script of `c`, if it has one: the scripts a shaper lays out right to
/// left (the list HarfBuzz and harfrust use to guess a run's direction).
pub fn rtl_script(c: char) -> Option<Script> {
    use Script::*;
    let s = c.script();
    matches!(
        s,
        Arabic
            | Hebrew
            | Syriac
            | Thaana
            | Cypriot
            | Kharoshthi
            | Phoenician
            | Nko
            | Lydian
            | Avestan
            | Imperial_Aramaic
            | Inscriptional_Pahlavi
            | Inscriptional_Parthian
            | Old_South_Arabian
            | Old_Turkic
            | Samaritan
            | Mandaic
            | Meroitic_Cursive
            | Meroitic_Hieroglyphs
            | Manichaean
            | Mende_Kikakui
            | Nabataean
            | Old_North_Arabian
            | Palmyrene
            | Psalter_Pahlavi
            | Hatran
            | Adlam
            | Hanifi_Rohingya
            | Old_Sogdian
            | Sogdian
            | Elymaic
            | Chorasmian
            | Yezidi
            | Old_Uyghur
            | Garay
            | Sidetic
    )
    .then_some(s)
}

/// Chars that join or mark the letters around them: they stay in the same shaped piece.
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}') || c.script() == Script::Inherited
}

/// The mirrored form of a paired punctuation mark, drawn in right-to-left text (rule L4). The
/// common brackets and quotation marks; others are drawn as they are.
pub fn mirrored(c: char) -> Option<char> {
    const PAIRS: &[(char, char)] = &[
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
        ('₍', '₎'),
        ('⌈', '⌉'),
        ('⌊', '⌋'),
        ('〈', '〉'),
        ('⟨', '⟩'),
        ('⟦', '⟧'),
        ('⦃', '⦄'),
        ('〈', '〉'),
        ('《', '》'),
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('〔', '〕'),
        ('≤', '≥'),
        ('﴾', '﴿'),
    ];
    PAIRS.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}

/// A piece of a line that the shaper lays out as one unit, with one direction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Piece {
    /// Its chars, as offsets into the paragraph.
    pub range: Range<usize>,
    /// Whether it runs right to left (an odd embedding level).
    pub rtl: bool,
}

/// Where one char of a line was placed: its horizontal extent, relative to the start of the
/// line's box, and the direction of the piece it is in. Marks, joiners and controls have an
/// empty extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharBox {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Whether the char is in a right-to-left piece.
    pub rtl: bool,
}

impl CharBox {
    fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    fn center(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

/// A laid-out piece: where it starts on its line, and what the shaper gave back for it.
#[derive(Debug, Clone)]
pub struct Placed<H> {
    /// The piece.
    pub piece: Piece,
    /// Its left edge on the line.
    pub x: f32,
    /// Its width.
    pub width: f32,
    /// What the shaper made of it (for the GUI, a laid-out galley).
    pub handle: H,
}

/// One line of a laid-out paragraph.
#[derive(Debug, Clone)]
pub struct Line<H> {
    /// Its chars, as offsets into the paragraph.
    pub range: Range<usize>,
    /// Its pieces, from left to right.
    pub pieces: Vec<Placed<H>>,
    /// Where each of its chars is (index 0 is `range.start`).
    pub boxes: Vec<CharBox>,
}

/// A paragraph laid out in lines, each in visual order.
#[derive(Debug, Clone)]
pub struct ParaLayout<H> {
    /// Whether the paragraph reads right to left (its lines are aligned right).
    pub rtl: bool,
    /// The lines, top to bottom.
    pub lines: Vec<Line<H>>,
    /// Number of chars in the paragraph.
    pub len: usize,
}

/// Shapes one piece (its chars and direction, and its text in logical order) to what the
/// shaper made of it and the advance of each char, in logical order.
pub type Measure<'a, H> = dyn FnMut(&Piece, &str) -> (H, Vec<f32>) + 'a;

/// Lays out paragraph `text` in lines no wider than `max_width` (a word wider than that is cut
/// between chars), in visual order. `measure` shapes one piece (its text in logical order, and
/// whether it runs right to left) and returns what it made with the advance of each of its
/// chars, in logical order. `forced` are char offsets where pieces must be cut (where the
/// style changes).
pub fn layout<H: Clone>(
    text: &str,
    max_width: f32,
    forced: &[usize],
    measure: &mut Measure<'_, H>,
) -> ParaLayout<H> {
    layout_in(text, None, max_width, forced, measure)
}

/// Like [`layout`], with the paragraph's direction given (`Some(true)`: right to left) instead
/// of found from its first strong char.
pub fn layout_in<H: Clone>(
    text: &str,
    rtl: Option<bool>,
    max_width: f32,
    forced: &[usize],
    measure: &mut Measure<'_, H>,
) -> ParaLayout<H> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let level = rtl.map(|r| if r { Level::rtl() } else { Level::ltr() });
    let classed = number_classes(text);
    let info = ParagraphBidiInfo::new(&classed, level);
    let rtl = info.paragraph_level.is_rtl();
    if n == 0 {
        return ParaLayout {
            rtl,
            lines: vec![Line {
                range: 0..0,
                pieces: Vec::new(),
                boxes: Vec::new(),
            }],
            len: 0,
        };
    }
    let cs: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let mut memo: HashMap<Piece, (H, Vec<f32>)> = HashMap::new();
    let mut shape = |p: &Piece| -> (H, Vec<f32>) {
        memo.entry(p.clone())
            .or_insert_with(|| {
                let (h, mut adv) = measure(p, &text[byte(p.range.start)..byte(p.range.end)]);
                adv.resize(p.range.len(), 0.0);
                for a in &mut adv {
                    if !a.is_finite() || *a < 0.0 {
                        *a = 0.0;
                    }
                }
                (h, adv)
            })
            .clone()
    };

    // The width of every char, from the pieces of the whole paragraph.
    let levels: Vec<Level> = chars.iter().map(|&(b, _)| info.levels[b]).collect();
    let mut adv = vec![0.0f32; n];
    for p in pieces(&cs, &levels, 0..n, forced) {
        let (_, a) = shape(&p);
        adv[p.range.clone()].copy_from_slice(&a);
    }

    let mut lines = Vec::new();
    // (A number grouped by spaces is not broken at its spaces.)
    let unbroken: Vec<char> = classed.chars().collect();
    for range in break_lines(&unbroken, &adv, max_width) {
        let reordered = info.reordered_levels(byte(range.start)..byte(range.end));
        let levels: Vec<Level> = chars.iter().map(|&(b, _)| reordered[b]).collect();
        let line_pieces = pieces(&cs, &levels, range.clone(), forced);
        let piece_levels: Vec<Level> = line_pieces.iter().map(|p| levels[p.range.start]).collect();
        let order = ParagraphBidiInfo::reorder_visual(&piece_levels);
        let mut placed = Vec::with_capacity(order.len());
        let mut boxes = vec![
            CharBox {
                x0: 0.0,
                x1: 0.0,
                rtl: false
            };
            range.len()
        ];
        let mut x = 0.0f32;
        for &k in &order {
            let p = &line_pieces[k];
            let (handle, a) = shape(p);
            let width: f32 = a.iter().sum();
            // Chars are placed from the piece's left edge, or from its right edge backwards.
            let mut edge = if p.rtl { x + width } else { x };
            for (i, w) in p.range.clone().zip(&a) {
                let b = &mut boxes[i - range.start];
                if p.rtl {
                    *b = CharBox {
                        x0: edge - w,
                        x1: edge,
                        rtl: true,
                    };
                    edge -= w;
                } else {
                    *b = CharBox {
                        x0: edge,
                        x1: edge + w,
                        rtl: false,
                    };
                    edge += w;
                }
            }
            placed.push(Placed {
                piece: p.clone(),
                x,
                width,
                handle,
            });
            x += width;
        }
        if rtl {
            // Aligned right. The whitespace that ends the line takes the paragraph's level
            // (rule L1), so it is leftmost, and hangs past the left edge if need be.
            let shift = max_width - x;
            for p in &mut placed {
                p.x += shift;
            }
            for b in &mut boxes {
                b.x0 += shift;
                b.x1 += shift;
            }
        }
        lines.push(Line {
            range,
            pieces: placed,
            boxes,
        });
    }
    ParaLayout { rtl, lines, len: n }
}

/// Cuts `range` of a paragraph into pieces: at changes of embedding level, around runs of
/// whitespace, at `forced` offsets, and where the shaper would not lay the chars out in the
/// direction they have. In logical order.
fn pieces(cs: &[char], levels: &[Level], range: Range<usize>, forced: &[usize]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    // The kind of piece being grown: whitespace, a run one shaper call lays out, or a single
    // grapheme placed by itself.
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Space,
        Run(Option<Script>),
        Single,
    }
    let mut kind = Kind::Single;
    for i in range {
        let c = cs[i];
        let rtl = levels[i].is_rtl();
        let here = if c.is_whitespace() {
            Kind::Space
        } else if rtl {
            match rtl_script(c) {
                Some(s) => Kind::Run(Some(s)),
                None => Kind::Single,
            }
        } else if rtl_script(c).is_some() {
            Kind::Single
        } else {
            Kind::Run(None)
        };
        let same_level = out
            .last()
            .is_some_and(|p| p.range.end == i && levels[p.range.start] == levels[i]);
        let cut = forced.binary_search(&i).is_ok();
        let joins = same_level
            && !cut
            && match (kind, here) {
                (Kind::Space, Kind::Space) => true,
                (Kind::Run(a), Kind::Run(b)) => a == b,
                // Marks and joiners go with the letter before them.
                (Kind::Run(_) | Kind::Single, _) => is_joiner(c),
                _ => false,
            };
        match out.last_mut() {
            Some(p) if joins => p.range.end = i + 1,
            _ => {
                out.push(Piece {
                    range: i..i + 1,
                    rtl,
                });
                kind = here;
            }
        }
    }
    out
}

/// Where the lines of a paragraph start and end: greedily, breaking after whitespace, and
/// between chars only when a word alone is wider than the line. Whitespace at the end of a
/// line does not count against its width.
fn break_lines(cs: &[char], adv: &[f32], max_width: f32) -> Vec<Range<usize>> {
    let n = cs.len();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut width = 0.0f32;
    let mut w = 0;
    while w < n {
        // The next word and the whitespace after it.
        let mut content_end = w;
        while content_end < n && !cs[content_end].is_whitespace() {
            content_end += 1;
        }
        let mut end = content_end;
        while end < n && cs[end].is_whitespace() {
            end += 1;
        }
        let content: f32 = adv[w..content_end].iter().sum();
        if start < w && width + content > max_width {
            lines.push(start..w);
            start = w;
            width = 0.0;
        }
        if start == w && content > max_width {
            // A word wider than the line: as many chars as fit on each line (at least one).
            let mut i = w;
            let mut line_w = 0.0;
            while i < content_end {
                if i > start && line_w + adv[i] > max_width {
                    lines.push(start..i);
                    start = i;
                    line_w = 0.0;
                }
                line_w += adv[i];
                i += 1;
            }
            width = line_w + adv[content_end..end].iter().sum::<f32>();
        } else {
            width += adv[w..end].iter().sum::<f32>();
        }
        w = end;
    }
    lines.push(start..n);
    lines
}

impl<H> Line<H> {
    /// Boxes that take room (not marks, joiners or controls), with their char offsets.
    fn solid(&self) -> impl Iterator<Item = (usize, &CharBox)> {
        self.boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| b.width() > 0.0)
            .map(|(i, b)| (self.range.start + i, b))
    }

    /// The char whose box is under `x`, or the nearest one.
    pub fn char_at(&self, x: f32) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for (i, b) in self.solid() {
            let d = if x < b.x0 {
                b.x0 - x
            } else if x >= b.x1 {
                x - b.x1
            } else {
                return Some(i);
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The offset just past char `i` and the marks and joiners that follow it.
    fn after(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.range.end && self.boxes[j - self.range.start].width() <= 0.0 {
            j += 1;
        }
        j
    }

    /// The caret offset for a point at `x`: before or after the char under it, depending on
    /// which half of it `x` is in and which way the char runs.
    pub fn caret_at(&self, x: f32) -> usize {
        let Some(i) = self.char_at(x) else {
            return self.range.start;
        };
        // Beyond either end of the line: the end it reads to or from there, even when the
        // char nearest is a number's (a right-to-left line ending `… مارس 2016` ends at its
        // left, after the number, not before it).
        let leftmost = self.solid().min_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
        let rightmost = self.solid().max_by(|a, b| a.1.x1.total_cmp(&b.1.x1));
        if let (Some((l, lb)), Some((r, rb))) = (leftmost, rightmost)
            && (x < lb.x0 || x >= rb.x1)
        {
            let rtl = l > r;
            let first = self.solid().map(|(k, _)| k).min().unwrap_or(i);
            let last = self.solid().map(|(k, _)| k).max().unwrap_or(i);
            return if (x < lb.x0) == rtl {
                self.after(last)
            } else {
                first
            };
        }
        let b = self.boxes[i - self.range.start];
        let right_half = x >= b.center();
        if right_half != b.rtl {
            self.after(i)
        } else {
            i
        }
    }

    /// The chars whose middles lie between `x0` and `x1` (in either order), as the smallest
    /// logical range that holds them all.
    pub fn covered(&self, x0: f32, x1: f32) -> Option<Range<usize>> {
        let (lo, hi) = (x0.min(x1), x0.max(x1));
        let mut r: Option<(usize, usize)> = None;
        for (i, b) in self.solid() {
            if (lo..=hi).contains(&b.center()) {
                r = Some(r.map_or((i, i), |(s, e)| (s.min(i), e.max(i))));
            }
        }
        r.map(|(s, e)| s..self.after(e))
    }

    /// The horizontal extents covering chars `a..b` on this line, merged where they touch,
    /// left to right. Several when the chars are not together on screen (a span that crosses
    /// from a right-to-left run into a left-to-right one). A range of only marks or controls
    /// gives one empty extent where it is.
    pub fn extents(&self, a: usize, b: usize) -> Vec<(f32, f32)> {
        let (s, e) = (a.max(self.range.start), b.min(self.range.end));
        if s >= e {
            return Vec::new();
        }
        let mut spans: Vec<(f32, f32)> = (s..e)
            .map(|i| self.boxes[i - self.range.start])
            .filter(|b| b.width() > 0.0)
            .map(|b| (b.x0, b.x1))
            .collect();
        if spans.is_empty() {
            let x = self.boxes[s - self.range.start].x0;
            return vec![(x, x)];
        }
        spans.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut out: Vec<(f32, f32)> = Vec::with_capacity(spans.len());
        for (x0, x1) in spans {
            match out.last_mut() {
                Some(last) if x0 <= last.1 + 0.01 => last.1 = last.1.max(x1),
                _ => out.push((x0, x1)),
            }
        }
        out
    }

    /// The x of the caret before char `pos` (its leading edge), or after the last char of the
    /// line when `pos` is the line's end.
    pub fn caret_x(&self, pos: usize) -> f32 {
        if pos < self.range.end && pos >= self.range.start {
            let b = self.boxes[pos - self.range.start];
            if b.rtl { b.x1 } else { b.x0 }
        } else if let Some(b) = self.boxes.last() {
            if b.rtl { b.x0 } else { b.x1 }
        } else {
            0.0
        }
    }
}

impl<H> ParaLayout<H> {
    /// The line holding char `pos` (the last line for the end of the paragraph).
    pub fn line_of(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.range.end <= pos)
            .min(self.lines.len() - 1)
    }

    /// The chars in visual order, left to right, line by line (each line's marks and
    /// controls included, in the place the layout gave them).
    pub fn visual_order(&self) -> Vec<Vec<usize>> {
        self.lines
            .iter()
            .map(|l| {
                let mut idx: Vec<usize> = l.range.clone().collect();
                idx.sort_by(|&a, &b| {
                    let (p, q) = (l.boxes[a - l.range.start], l.boxes[b - l.range.start]);
                    p.x0.total_cmp(&q.x0)
                        .then(p.x1.total_cmp(&q.x1))
                        // Chars with no width at the same place: in the run's direction.
                        .then(if p.rtl { b.cmp(&a) } else { a.cmp(&b) })
                });
                idx
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays `text` out with every char one unit wide, except marks and controls.
    fn unit(text: &str, width: f32) -> ParaLayout<String> {
        layout(text, width, &[], &mut |_, s: &str| {
            let adv = s
                .chars()
                .map(|c| {
                    if is_joiner(c) || matches!(bidi_class(c), BidiClass::BN) || is_control(c) {
                        0.0
                    } else {
                        1.0
                    }
                })
                .collect();
            (s.to_owned(), adv)
        })
    }

    fn is_control(c: char) -> bool {
        use BidiClass::*;
        matches!(
            bidi_class(c),
            RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
        )
    }

    /// The visible chars of each line, left to right.
    fn seen(l: &ParaLayout<String>, text: &str) -> Vec<String> {
        let cs: Vec<char> = text.chars().collect();
        l.visual_order()
            .iter()
            .map(|line| line.iter().map(|&i| cs[i]).collect())
            .collect()
    }

    #[test]
    fn arabic_with_a_latin_name_and_a_number() {
        // "The agency Reuters said 25 people" in Arabic, with the Latin name and digits.
        let text = "قالت وكالة Reuters إن 25 شخصا";
        let l = unit(text, 1000.0);
        assert!(l.rtl);
        assert_eq!(
            seen(&l, text),
            vec!["اصخش 25 نإ Reuters ةلاكو تلاق".to_owned()]
        );
    }

    #[test]
    fn a_minus_sign_stays_before_its_number_in_a_right_to_left_line() {
        for (text, want) in [
            ("תעשייה\t-4.3\t12.0", "12.0\t-4.3\tהיישעת"),
            ("ירידה של \u{2212}2.5 אחוז", "זוחא \u{2212}2.5 לש הדירי"),
            // A hyphen after a word is no sign.
            ("ירדה ל-4.2%", "4.2%-ל הדרי"),
        ] {
            assert_eq!(
                seen(&unit(text, 1000.0), text),
                vec![want.to_owned()],
                "{text}"
            );
        }
    }

    #[test]
    fn a_paragraph_of_figures_alone_reads_right_to_left_in_a_right_to_left_document() {
        assert_eq!(paragraph_direction("\t2009\t2010\t2011", true), Some(true));
        assert_eq!(paragraph_direction("\t2009\t2010\t2011", false), None);
        assert_eq!(paragraph_direction("Table 2", true), None);
    }

    #[test]
    fn digits_keep_their_order_in_every_script() {
        for (text, want) in [
            ("عام 2024 م", "م 2024 ماع"),
            ("عام ٢٠٢٤ م", "م ٢٠٢٤ ماع"),
            ("سال ۱۴۰۳ بود", "دوب ۱۴۰۳ لاس"),
            ("בשנת 1948 הוקמה", "המקוה 1948 תנשב"),
            // Persian digits in an English sentence are not reversed either.
            ("In ۱۴۰۳ it rose", "In ۱۴۰۳ it rose"),
        ] {
            assert_eq!(
                seen(&unit(text, 1000.0), text),
                vec![want.to_owned()],
                "{text}"
            );
        }
    }

    #[test]
    fn a_number_grouped_by_spaces_keeps_its_groups_in_order() {
        for (text, want) in [
            // "Votes: 3 001 of 68 795" in Arabic.
            ("الأصوات 3 001 من 68 795", "68 795 نم 3 001 تاوصألا"),
            ("عدد ١ ٢٣٤ صوت", "توص ١ ٢٣٤ ددع"),
            ("בסך 1 250 000 קולות", "תולוק 1 250 000 ךסב"),
        ] {
            assert_eq!(
                seen(&unit(text, 1000.0), text),
                vec![want.to_owned()],
                "{text}"
            );
        }
        // Nor is such a number broken at a line's end.
        let text = "عدد 12 345 صوت";
        let lines = seen(&unit(text, 8.0), text);
        assert!(lines.iter().any(|l| l.contains("12 345")), "{lines:?}");
        // Two numbers side by side, not grouped in threes, stay two numbers.
        let text = "الصفحة 12 34";
        assert_eq!(
            seen(&unit(text, 1000.0), text),
            vec!["34 12 ةحفصلا".to_owned()]
        );
    }

    #[test]
    fn hebrew_pure_and_in_an_english_sentence() {
        let t = "שלום עולם";
        assert_eq!(seen(&unit(t, 100.0), t), vec!["םלוע םולש"]);
        let t = "He said שלום עולם today.";
        let l = unit(t, 100.0);
        assert!(!l.rtl);
        assert_eq!(seen(&l, t), vec!["He said םלוע םולש today."]);
    }

    #[test]
    fn lines_wrap_in_reading_order_and_align_right() {
        let text = "אחד שתיים שלוש";
        let l = unit(text, 9.0);
        let lines: Vec<String> = l
            .lines
            .iter()
            .map(|line| {
                text.chars()
                    .skip(line.range.start)
                    .take(line.range.len())
                    .collect()
            })
            .collect();
        assert_eq!(lines, vec!["אחד שתיים ", "שלוש"]);
        // The second line's last letter (its leftmost) ends at the right edge: right-aligned.
        let second = &l.lines[1];
        let first_char = second.boxes[0];
        assert_eq!(first_char.x1, 9.0);
        assert!(second.boxes.iter().all(|b| b.x0 >= 5.0));
    }

    #[test]
    fn carets_and_clicks_in_a_mixed_line() {
        // Logical: ق ا ل (0..3) ' ' (3) J o e (4..7) ' ' (7) B i d e n (8..13) ' ' (13) ا ن (14..16)
        let text = "قال Joe Biden ان";
        let l = unit(text, 100.0);
        let line = &l.lines[0];
        // Visually: "نا Joe Biden لاق", right-aligned to x=100, 16 units wide.
        assert_eq!(seen(&l, text), vec!["نا Joe Biden لاق"]);
        let x_of = |i: usize| line.boxes[i].x0 + 0.25;
        // The right half of the first Arabic letter (its start, in reading order): before it.
        assert_eq!(line.caret_at(line.boxes[0].x1 - 0.1), 0);
        // The left half of it: after it.
        assert_eq!(line.caret_at(line.boxes[0].x0 + 0.1), 1);
        // The left half of "J": before it; right half of "n": after it.
        assert_eq!(line.caret_at(x_of(4)), 4);
        assert_eq!(line.caret_at(line.boxes[12].x1 - 0.1), 13);
        // Far right: the start of the paragraph; far left: its end.
        assert_eq!(line.caret_at(1000.0), 0);
        assert_eq!(line.caret_at(-5.0), 16);
        // A line that ends with a number, at its left: far left is after the number.
        let dated = "بتاريخ 29 مارس 2016";
        let l = unit(dated, 100.0);
        assert_eq!(seen(&l, dated), vec!["2016 سرام 29 خيراتب"]);
        assert_eq!(l.lines[0].caret_at(-5.0), dated.chars().count());
        assert_eq!(l.lines[0].caret_at(1000.0), 0);
        // Sweeping from the right edge over "قال" and the whole of "Joe Biden": exactly that.
        let r = line.covered(100.0, line.boxes[4].x0 + 0.1).unwrap();
        assert_eq!(
            &text.chars().skip(r.start).take(r.len()).collect::<String>(),
            "قال Joe Biden"
        );
        // Sweeping only over "Biden" and the spaces around it.
        let r = line.covered(line.boxes[8].x0, line.boxes[12].x1).unwrap();
        assert_eq!(r, 8..13);
    }

    #[test]
    fn a_span_from_arabic_into_latin_is_two_extents() {
        let text = "قال Joe Biden ان";
        let l = unit(text, 100.0);
        let line = &l.lines[0];
        // "ال Joe" : chars 1..7, i.e. two Arabic letters (at the right) and "Joe" (middle).
        let ext = line.extents(1, 7);
        assert_eq!(ext.len(), 2, "{ext:?}");
        // Each covers exactly the chars' boxes.
        let joe = (line.boxes[4].x0, line.boxes[6].x1);
        let al = (line.boxes[2].x0, line.boxes[1].x1);
        assert_eq!(ext, vec![joe, (line.boxes[3].x0, al.1)]);
        // And the whole line is one extent.
        assert_eq!(line.extents(0, 16).len(), 1);
    }

    #[test]
    fn brackets_inside_arabic_are_single_pieces_placed_right_to_left() {
        let text = "قال (الأمم المتحدة) اليوم";
        let l = unit(text, 1000.0);
        // All of it is right to left: exactly the reverse. The brackets keep their logical
        // chars here; the painter mirrors them.
        let reversed: String = text.chars().rev().collect();
        assert_eq!(seen(&l, text), vec![reversed]);
        assert_eq!(mirrored('('), Some(')'));
        let pieces = &l.lines[0].pieces;
        let open = pieces.iter().find(|p| p.handle == "(").unwrap();
        assert!(open.piece.rtl);
    }

    #[test]
    fn nothing_panics_on_controls_marks_and_unpaired_brackets() {
        for text in [
            "\u{2067}abc\u{2069} ש",
            "\u{2068}שלום\u{2069} 12",
            "\u{202B}abc\u{202C}",
            "\u{202E}abc (x\u{202C} ש",
            "\u{200F}12\u{200E}",
            "\u{061C}٢٠",
            "(((ש",
            "ש)))",
            "]ש[",
            "کِتاب می‌شود",
            "\u{2069}\u{2069}\u{2066}",
            "\u{202C}\u{202C}ש",
            " ",
            "ש ",
        ] {
            for w in [0.5, 1.0, 3.0, 100.0] {
                let l = unit(text, w);
                let all: Vec<usize> = l.visual_order().concat();
                let mut sorted = all.clone();
                sorted.sort_unstable();
                assert_eq!(
                    sorted,
                    (0..text.chars().count()).collect::<Vec<_>>(),
                    "{text:?}"
                );
                for line in &l.lines {
                    for x in [-1.0, 0.0, 0.5, 2.5, 50.0] {
                        let c = line.caret_at(x);
                        assert!(line.range.contains(&c) || c == line.range.end);
                    }
                }
            }
        }
    }

    #[test]
    fn a_right_to_left_document_reads_its_mixed_paragraphs_right_to_left() {
        let doc = "MTC توسط شهرام پناهی راه اندازی شد.\n\nشبکه ماهواره ای در سال ۱۴۰۲ آغاز شد.";
        assert!(document_is_rtl(doc));
        assert!(!document_is_rtl("The minister said «سلام» twice."));
        let para = "MTC توسط شهرام پناهی راه اندازی شد.";
        assert!(
            !is_rtl_paragraph(para),
            "alone, it starts with a Latin word"
        );
        assert!(
            reads_rtl(para, true),
            "in a Persian article it reads right to left"
        );
        assert!(!reads_rtl("Plain English line.", true));
        // An English sentence quoting a little Arabic keeps its own direction.
        assert!(!reads_rtl(
            "The minister told Al Jazeera: «قلنا إن» on 3 June.",
            true
        ));
        let l = layout_in(para, Some(true), 1000.0, &[], &mut |p: &Piece, s: &str| {
            ((), vec![1.0; s.chars().count().max(p.range.len())])
        });
        assert!(l.rtl);
    }

    #[test]
    fn needs_bidi_only_when_it_matters() {
        assert!(!needs_bidi("Plain English, 2024 (and more)."));
        assert!(needs_bidi("شلوم"));
        assert!(needs_bidi("x \u{2067}y\u{2069}"));
        assert!(needs_bidi("In ۱۴۰۳"));
        assert!(is_rtl_paragraph("שלום, world"));
        assert!(!is_rtl_paragraph("world, שלום"));
        assert!(is_rtl_paragraph("2024 שלום"));
    }
}
