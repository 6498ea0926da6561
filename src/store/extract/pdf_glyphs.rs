//! Collecting the glyphs of one PDF page: `hayro-interpret` runs the page's content and calls
//! this device for everything drawn; glyphs are kept with their Unicode text and rectangle in
//! page space (points, origin at the top-left of the page as shown), everything else is only
//! counted. The device stops the page (by unwinding with a [`Stop`], which the caller catches)
//! when it draws more than the step limit or the time runs out.

use std::collections::HashMap;
use std::time::Instant;

use super::pdf_advance::FontAdvances;
use super::pdf_covered::Covers;
use super::pdf_drawn_digits::DrawnDigits;
use super::pdf_glyph_names::NamedGlyphs;
use super::pdf_lam_alef::{LAM, LamAlefs};
use super::pdf_ligatures::Ligatures;
use super::pdf_lookalikes::{BAR, FontShapes, Lookalikes, Reading};
use super::pdf_own_map::{Instead, OwnMaps};
use super::pdf_rules::Rule;
use super::pdf_symbolic::SymbolFonts;
use super::pdf_weights::Weights;
use super::pdf_wide_letters::WideLetters;
use hayro_interpret::font::{Glyph as FontGlyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::object::Dict;
use hayro_interpret::hayro_syntax::page::Page;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect, Shape as _};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, Paint, RenderContent, SoftMask, TransformExt,
    interpret_page,
};

/// The side of the squares (in points) glyphs are filed under by where they are drawn, to
/// find a glyph drawn again at the same place anywhere on the page.
const PLACE: f32 = 4.0;

/// The square of the grid of [`PLACE`]-point squares a coordinate falls in.
fn square(v: f32) -> i32 {
    (v / PLACE).floor() as i32
}

/// Why a page was stopped (the payload of the unwinding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// It drew more than the step limit.
    Steps,
    /// The time ran out.
    Time,
}

/// How a page's glyphs are read: as the page stands, or turned a quarter so that text set
/// up or down the page (a table set sideways on an upright page) reads along its lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Turn {
    /// As the page stands.
    #[default]
    Upright,
    /// Text that reads from the page's foot to its head (turned to the left).
    Up,
    /// Text that reads from the page's head to its foot (turned to the right).
    Down,
}

impl Turn {
    /// The map from the page as shown (`width` × `height`) to the page turned this way.
    fn frame(self, width: f32, height: f32) -> Affine {
        let (w, h) = (f64::from(width), f64::from(height));
        match self {
            Turn::Upright => Affine::IDENTITY,
            Turn::Up => Affine::new([0.0, 1.0, -1.0, 0.0, h, 0.0]),
            Turn::Down => Affine::new([0.0, -1.0, 1.0, 0.0, 0.0, w]),
        }
    }
}

/// One glyph as drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Left edge (points from the page's left).
    pub x0: f32,
    /// Right edge: the origin plus the glyph's advance.
    pub x1: f32,
    /// The baseline (points from the page's top).
    pub baseline: f32,
    /// The font size in points, as drawn (after all scaling).
    pub size: f32,
    /// Where its text starts in [`PageGlyphs::chars`].
    pub text: u32,
    /// How many chars its text has (a ligature has several).
    pub len: u8,
    /// Whether the PDF drew a space glyph just before it.
    pub space_before: bool,
    /// Whether it was drawn invisible (text render mode 3).
    pub hidden: bool,
    /// Whether it is wholly outside the clip in force (cut away).
    pub clipped: bool,
    /// The width of its strokes, in thousandths of its size (0 when not known): a bold
    /// line's letters are heavier ([`super::pdf_weights`]).
    pub weight: f32,
}

impl Glyph {
    /// The top of its box.
    pub fn top(&self) -> f32 {
        self.baseline - 0.8 * self.size
    }

    /// The bottom of its box.
    pub fn bottom(&self) -> f32 {
        self.baseline + 0.2 * self.size
    }
}

/// The glyphs of one page, in the order they were drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageGlyphs {
    /// 1-based.
    pub number: u32,
    /// Width as shown, in points.
    pub width: f32,
    /// Height as shown, in points.
    pub height: f32,
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
    /// Their text, one after another.
    pub chars: Vec<char>,
    /// Chars written otherwise than [`Self::chars`] name them, by their place there: a
    /// figure drawn in Arabic-Indic digits that the PDF names as a Latin one. Reading goes
    /// by the Latin digit; the text writes what is drawn.
    pub written: HashMap<u32, char>,
    /// Glyphs whose font gives no Unicode text (kept as U+FFFD).
    pub unmapped: usize,
    /// Glyphs of symbol fonts that name them as letters whose shape is not that letter's
    /// nor a known symbol's: their text may be wrong.
    pub doubtful: usize,
    /// Glyphs left out because they are rotated, mirrored or off the page.
    pub skipped: usize,
    /// Of those, the glyphs on the page set turned (a table or a label turned sideways).
    pub sideways: usize,
    /// Of those, how many read up the page, and how many down it.
    pub sideways_up: usize,
    /// See `sideways_up`.
    pub sideways_down: usize,
    /// How the glyphs were read: a page's text set sideways is read as a part of its own,
    /// turned, whose width and height are the page's height and width.
    pub turn: Turn,
    /// Whether some of its content could not be read (a damaged file).
    pub damaged: bool,
    /// The straight lines drawn across or down it (table borders).
    pub rules: Vec<Rule>,
    /// The upright rectangles filled on it in a colour that shows (left, top, right,
    /// bottom): boxes a label or a figure is set in.
    pub boxes: Vec<[f32; 4]>,
    /// How much of it the largest picture drawn on it covers (0 to 1): a scanned page is
    /// one picture over all of it.
    pub picture_cover: f32,
    /// Whether most of its letters are right to left (Hebrew, Arabic): a line of Latin
    /// words there with a few right-to-left ones is a right-to-left paragraph's line.
    pub right_to_left: bool,
}

impl PageGlyphs {
    /// The text of a glyph.
    pub fn text(&self, g: &Glyph) -> &[char] {
        let start = g.text as usize;
        &self.chars[start..start + g.len as usize]
    }

    /// A rectangle (left, top, right, bottom) of this part turned back onto the page as it
    /// is shown.
    pub fn on_page(&self, [x0, top, x1, bottom]: [f32; 4]) -> [f32; 4] {
        match self.turn {
            Turn::Upright => [x0, top, x1, bottom],
            Turn::Up => [top, self.width - x1, bottom, self.width - x0],
            Turn::Down => [self.height - bottom, x0, self.height - top, x1],
        }
    }

    /// How many glyphs with text the page has.
    pub fn glyph_count(&self) -> usize {
        self.glyphs.len()
    }

    /// Leaves out the glyphs `gone` marks (one flag per glyph, in order).
    pub fn drop_glyphs(&mut self, gone: &[bool]) {
        let mut k = gone.iter();
        self.glyphs.retain(|_| !k.next().copied().unwrap_or(false));
    }
}

/// Runs one page and collects its glyphs, read as the page stands or turned. Unwinds with a
/// [`Stop`] past the limits.
pub fn collect_page<'a>(
    page: &Page<'a>,
    number: usize,
    turn: Turn,
    limits: (Instant, u64),
    shapes: &mut FontShapes<'a>,
) -> PageGlyphs {
    let (deadline, steps) = limits;
    let (shown_width, shown_height) = page.render_dimensions();
    let (width, height) = match turn {
        Turn::Upright => (shown_width, shown_height),
        Turn::Up | Turn::Down => (shown_height, shown_width),
    };
    let settings = InterpreterSettings {
        // Form fields and comments are not the document's text.
        render_content: RenderContent::PAGE,
        ..InterpreterSettings::default()
    };
    let cache = InterpreterCache::new();
    let transform = turn.frame(shown_width, shown_height) * page.initial_transform(true).to_kurbo();
    let mut context = Context::new(
        transform,
        Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
        &cache,
        page.xref(),
        settings,
    );
    let mut collector = Collector {
        page: PageGlyphs {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            width,
            height,
            turn,
            ..PageGlyphs::default()
        },
        pending_space: false,
        last_fill: None,
        placed: HashMap::new(),
        symbolic: SymbolFonts::new(page.resources()),
        lookalikes: Lookalikes::new(page.resources(), shapes, deadline),
        bars: Vec::new(),
        wide: WideLetters::default(),
        flipped: super::pdf_flipped::has_flipped_letters(page.resources()),
        ligatures: Ligatures::new(page.resources()),
        unlisted: super::pdf_unlisted_names::UnlistedNames::new(page.resources()),
        advances: FontAdvances::default(),
        own_maps: OwnMaps::default(),
        named_glyphs: NamedGlyphs::default(),
        lam_alefs: std::mem::take(&mut shapes.lam_alefs),
        weights: std::mem::take(&mut shapes.weights),
        drawn_digits: DrawnDigits::new(std::mem::take(&mut shapes.digits)),
        clips: Vec::new(),
        covers: Covers::default(),
        steps: 0,
        limit: steps,
        deadline,
    };
    interpret_page(page, &mut context, &mut collector);
    let mut page = collector.page;
    shapes.digits = collector.drawn_digits.write(&mut page);
    shapes.lam_alefs = collector.lam_alefs;
    shapes.weights = collector.weights;
    settle_bars(&mut page, &collector.bars);
    for (index, letters) in collector.wide.ligatures() {
        let start = u32::try_from(page.chars.len()).unwrap_or(u32::MAX);
        page.chars.extend(letters.chars());
        if let Some(g) = page.glyphs.get_mut(index) {
            g.text = start;
            g.len = u8::try_from(letters.chars().count()).unwrap_or(1);
        }
    }
    seen_with_their_words(&mut page.glyphs);
    drop_unmapped_under_letters(&mut page, &collector.placed);
    // Invisible text is a page's text when it is all there is (an OCR layer over a scan);
    // beside visible text it is not on the page as a reader sees it (hidden labels, text a
    // clip cuts away).
    let hidden = page.glyphs.iter().filter(|g| g.hidden).count();
    if hidden > 0 && 2 * hidden < page.glyphs.len() {
        page.glyphs.retain(|g| !g.hidden);
    }
    page
}

struct Collector {
    page: PageGlyphs,
    pending_space: bool,
    /// The glyph count and first origin of the last run filled, to skip its stroke.
    last_fill: Option<(usize, u64, u64)>,
    /// The glyphs kept so far, by the square their origin is in.
    placed: HashMap<(i32, i32), Vec<u32>>,
    /// Text for glyphs of fonts that give none, where the font's own map says which it is.
    symbolic: SymbolFonts,
    /// The glyphs of symbol fonts that name their symbols as letters, read by shape.
    lookalikes: Lookalikes,
    /// The glyphs read by shape as a bar: which dash each is waits for its neighbours.
    bars: Vec<usize>,
    /// The glyphs of fonts without glyph names for letters that end ligatures.
    wide: WideLetters,
    /// Whether a Type 1 font of the page maps some letters to the other case.
    flipped: bool,
    /// The page's ligatures whose Unicode map keeps only their last letter.
    ligatures: Ligatures,
    /// The glyphs its fonts' maps leave out, named outside the Adobe Glyph List.
    unlisted: super::pdf_unlisted_names::UnlistedNames,
    /// Glyph widths from the font programs, for fonts whose PDF gives none.
    advances: FontAdvances,
    /// What the font programs' own character maps name, for maps that name another digit
    /// or letter than the one drawn.
    own_maps: OwnMaps,
    /// The glyphs whose names spell letters of another script than their map's char.
    named_glyphs: NamedGlyphs,
    /// The glyphs mapped to lam that draw a lam-alef (the document's, kept from page to
    /// page).
    lam_alefs: LamAlefs,
    /// The glyphs named Latin digits that draw Arabic-Indic ones.
    drawn_digits: DrawnDigits,
    /// The stroke widths of the glyphs looked at (the document's, kept from page to page).
    weights: Weights,
    /// The bounding boxes of the clips in force, each within the one before (page space).
    clips: Vec<Rect>,
    /// The opaque rectangles filled over text drawn before them.
    covers: Covers,
    steps: u64,
    limit: u64,
    deadline: Instant,
}

impl Collector {
    /// Counts one step; stops the page past the limits.
    fn step(&mut self) {
        self.steps(1);
    }

    /// Counts `n` steps; stops the page past the limits.
    fn steps(&mut self, n: u64) {
        let before = self.steps;
        self.steps += n;
        if self.steps > self.limit {
            std::panic::resume_unwind(Box::new(Stop::Steps));
        }
        if before / 1024 != self.steps / 1024 && Instant::now() > self.deadline {
            std::panic::resume_unwind(Box::new(Stop::Time));
        }
    }

    /// Hides the glyphs drawn so far that a rectangle filled over them covers whole: they
    /// are not on the page, and the same text drawn there again later is (not a repeat).
    fn hide_under(&mut self, cover: Rect) {
        for (k, g) in self.page.glyphs.iter_mut().enumerate() {
            if g.hidden || !super::pdf_covered::covered(g, cover) {
                continue;
            }
            g.hidden = true;
            if let Some(at) = self.placed.get_mut(&(square(g.x0), square(g.baseline))) {
                at.retain(|&i| i as usize != k);
            }
        }
    }

    fn glyph(&mut self, drawn: Drawn, unicode: Option<BfString>, hidden: bool) {
        let Drawn {
            transform,
            advance,
            weight,
            drop,
        } = drawn;
        let origin = transform * Point::ZERO;
        let along = transform * Point::new(f64::from(advance), 0.0) - origin;
        let up = transform * Point::new(0.0, 1000.0) - origin;
        let size = up.hypot() as f32;
        // (The line a sign hanging from its origin stands on.)
        let on_line = transform * Point::new(0.0, -f64::from(drop));
        let (x0, baseline) = (origin.x as f32, on_line.y as f32);
        let x1 = x0 + along.x as f32;
        // (Slanted is upright: an italic made by shearing a roman font leans its glyphs'
        // up by a fifth to a third, along its line.)
        let upright = up.y < 0.0
            && up.x.abs() < 0.6 * up.y.abs()
            && along.y.abs() <= 0.2 * along.x.abs().max(1e-3)
            && along.x >= 0.0;
        let on_page = (0.0..=self.page.width).contains(&((x0 + x1) / 2.0))
            && (0.0..=self.page.height + size).contains(&baseline);
        let finite = size.is_finite() && x0.is_finite() && x1.is_finite() && baseline.is_finite();
        if !(finite && size >= 0.5 && upright && on_page) {
            self.page.skipped += 1;
            if finite && size >= 0.5 && on_page && !hidden {
                self.page.sideways += 1;
                if along.x.abs() < 0.2 * along.y.abs() {
                    if along.y < 0.0 {
                        self.page.sideways_up += 1;
                    } else {
                        self.page.sideways_down += 1;
                    }
                }
            }
            return;
        }
        let mut text: Vec<char> = Vec::with_capacity(2);
        // A map to control characters (U+0018 for a digit) is a broken map, not a glyph
        // without text: it is counted as unread, not dropped unseen.
        let control = |c: char| ('\u{1}'..='\u{1F}').contains(&c) && !c.is_whitespace();
        let broken = match &unicode {
            Some(BfString::Char(c)) => control(*c),
            Some(BfString::String(s)) => !s.is_empty() && s.chars().all(control),
            None => false,
        };
        let unmapped = unicode.is_none() || broken;
        match unicode {
            _ if broken => text.push('\u{FFFD}'),
            Some(BfString::Char(c)) => push_clean(&mut text, c),
            Some(BfString::String(s)) => s.chars().for_each(|c| push_clean(&mut text, c)),
            None => text.push('\u{FFFD}'),
        }
        if text.iter().all(|c| c.is_whitespace()) {
            if !text.is_empty() {
                self.pending_space = true;
            }
            return;
        }
        // A glyph is drawn as one mark: white space its font maps into it (" ." for a
        // decimal point in some tables) is not a space on the page.
        text.retain(|c| !c.is_whitespace());
        // Text drawn twice at (almost) the same place, for a bold look or a shadow (glyph by
        // glyph, a word or line at a time, or a whole block again), counts once.
        let near = 0.15 * size.min(100.0);
        let squares = |v: f32| square(v - near)..=square(v + near);
        let twice = squares(x0)
            .flat_map(|x| squares(baseline).map(move |y| (x, y)))
            .filter_map(|at| self.placed.get(&at))
            .flatten()
            .any(|&k| {
                let g = &self.page.glyphs[k as usize];
                (g.x0 - x0).abs() < 0.15 * size
                    && (g.baseline - baseline).abs() < 0.15 * size
                    && self.page.text(g) == text.as_slice()
            });
        if twice {
            return;
        }
        // Counted once drawn, not for each time it is drawn again.
        if unmapped {
            self.page.unmapped += 1;
        }
        let index = u32::try_from(self.page.glyphs.len()).unwrap_or(u32::MAX);
        self.placed
            .entry((square(x0), square(baseline)))
            .or_default()
            .push(index);
        // A glyph wholly outside the clip in force is not drawn (text cut away by its box);
        // one partly inside is seen.
        let clipped = self.clips.last().is_some_and(|c| {
            let (top, bottom) = (baseline - 0.8 * size, baseline + 0.2 * size);
            f64::from(x1) < c.x0
                || f64::from(x0) > c.x1
                || f64::from(bottom) < c.y0
                || f64::from(top) > c.y1
        });
        let len = text.len().min(usize::from(u8::MAX));
        let start = u32::try_from(self.page.chars.len()).unwrap_or(u32::MAX);
        self.page.chars.extend(text.into_iter().take(len));
        self.page.glyphs.push(Glyph {
            x0,
            x1: x1.max(x0),
            baseline,
            size,
            text: start,
            len: len as u8,
            space_before: std::mem::take(&mut self.pending_space),
            hidden,
            clipped,
            weight,
        });
    }
}

/// Where a glyph is drawn, how far it moves the pen, how heavy its strokes are and how far
/// below its origin its line stands (in units of 1000 to the em).
struct Drawn {
    transform: Affine,
    advance: f32,
    weight: f32,
    drop: f32,
}

/// A glyph with no Unicode text drawn in another size where a letter is drawn too (at its
/// origin, on its baseline: a mark under a heading's first letter) is not text of its own;
/// left out, it does not read as U+FFFD before the word. The letters are looked up in the
/// squares `placed` files the page's glyphs under, a few per square, so a page of many
/// glyphs drawn on one spot cannot make this slow.
fn drop_unmapped_under_letters(page: &mut PageGlyphs, placed: &HashMap<(i32, i32), Vec<u32>>) {
    /// The most glyphs looked at near one glyph.
    const LOOKED_AT: usize = 64;
    if page.unmapped == 0 {
        return;
    }
    let unmapped = |p: &PageGlyphs, g: &Glyph| p.text(g) == ['\u{FFFD}'];
    let largest = page
        .glyphs
        .iter()
        .map(|g| g.size)
        .fold(0.0, f32::max)
        .min(100.0);
    let under: Vec<bool> = page
        .glyphs
        .iter()
        .map(|g| {
            let reach = 0.2 * g.size.max(largest);
            let squares = |v: f32| square(v - reach)..=square(v + reach);
            unmapped(page, g)
                && squares(g.x0)
                    .flat_map(|x| squares(g.baseline).map(move |y| (x, y)))
                    .filter_map(|at| placed.get(&at))
                    .flat_map(|here| here.iter().take(LOOKED_AT))
                    .filter_map(|&k| page.glyphs.get(k as usize))
                    .any(|o| {
                        !unmapped(page, o)
                            && (o.x0 - g.x0).abs() < 0.15 * g.size.max(o.size)
                            && (o.baseline - g.baseline).abs() < 0.2 * g.size.max(o.size)
                            && (o.size - g.size).abs() > 0.1 * g.size.max(o.size)
                    })
        })
        .collect();
    if !under.iter().any(|u| *u) {
        return;
    }
    page.drop_glyphs(&under);
    page.unmapped -= under.iter().filter(|u| **u).count().min(page.unmapped);
}

/// A symbol font's code, given the char a font's map gives its glyph: the code itself or
/// the code in the private-use row symbol fonts are mapped to (`\u{F0FC}`).
fn symbol_code(c: char) -> Option<u32> {
    match u32::from(c) {
        n @ 0xF020..=0xF0FF => Some(n - 0xF000),
        n @ 0x20..=0xFF => Some(n),
        _ => None,
    }
}

/// The Unicode mark a Wingdings glyph draws, for the list markers documents use, given the
/// char a font's map gives it ([`symbol_code`]).
fn wingdings_mark(c: char) -> Option<char> {
    Some(match symbol_code(c)? {
        0x6C => '●',
        0x6E => '■',
        0x71 => '❑',
        0x75 => '◆',
        0x76 => '❖',
        0x9F => '•',
        0xA7 => '▪',
        0xD8 => '➢',
        0xFB => '✘',
        0xFC => '✔',
        _ => return None,
    })
}

/// The arrow a Wingdings 3 glyph draws, for the arrows tables mark rises and falls with
/// (`▲`-headed block arrows), given the char a font's map gives it.
fn wingdings3_mark(c: char) -> Option<char> {
    Some(match symbol_code(c)? {
        0xC7 => '⬆',
        0xC8 => '⬇',
        _ => return None,
    })
}

/// Bars a symbol font draws under letters' names read as an en dash between two figures or
/// letters set close (`10–17`, `Asia.1–3`) and as a minus sign elsewhere (`−0.40`).
fn settle_bars(page: &mut PageGlyphs, bars: &[usize]) {
    let close = |a: &Glyph, b: &Glyph| {
        !b.space_before
            && (a.baseline - b.baseline).abs() < 0.4 * a.size.max(b.size)
            && (b.x0 - a.x1).abs() < 0.3 * a.size.max(b.size)
    };
    for &i in bars {
        let g = page.glyphs[i];
        let before = i
            .checked_sub(1)
            .map(|j| &page.glyphs[j])
            .filter(|p| close(p, &g))
            .and_then(|p| page.text(p).last());
        let after = page
            .glyphs
            .get(i + 1)
            .filter(|n| close(&g, n))
            .and_then(|n| page.text(n).first());
        if before.is_some_and(|c| c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric())
        {
            page.chars[g.text as usize] = '–';
        }
    }
}

/// Glyphs cut away by a clip are hidden, except those of a word partly seen: a word that runs
/// past its table cell's edge is read whole ("29.01.2016", not "29.01.20"); a word wholly cut
/// away is not on the page.
fn seen_with_their_words(glyphs: &mut [Glyph]) {
    let same_word = |a: &Glyph, b: &Glyph| {
        !b.space_before
            && (a.baseline - b.baseline).abs() < 0.2 * a.size
            && (b.x0 - a.x1).abs() < 0.3 * a.size
    };
    for i in 1..glyphs.len() {
        if glyphs[i].clipped && !glyphs[i - 1].clipped && same_word(&glyphs[i - 1], &glyphs[i]) {
            glyphs[i].clipped = false;
        }
    }
    for i in (1..glyphs.len()).rev() {
        if glyphs[i - 1].clipped && !glyphs[i].clipped && same_word(&glyphs[i - 1], &glyphs[i]) {
            glyphs[i - 1].clipped = false;
        }
    }
    for g in glyphs.iter_mut().filter(|g| g.clipped) {
        g.hidden = true;
    }
}

/// Appends a char of a glyph's text: ligatures as their letters, Arabic presentation forms
/// (the shaped letters many producers map glyphs to) as the letters people type, white space
/// as a space, other control characters dropped.
fn push_clean(out: &mut Vec<char>, c: char) {
    use unicode_normalization::UnicodeNormalization as _;
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        out.extend(c.to_string().nfkc().filter(|c| !c.is_whitespace()));
        return;
    }
    let letters: &str = match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        // The Symbol font's bullet, as Word writes it (a private-use code).
        '\u{F0B7}' => "•",
        // A soft hyphen drawn is a hyphen seen (some producers map every hyphen at a line's
        // end to it, a compound's own too): whether it stays is decided as for any hyphen.
        '\u{AD}' => "-",
        // A symbol font's space, as mapped to the private-use row of its codes.
        c if c.is_whitespace() || c == '\u{F020}' => " ",
        c if c.is_control() || c == '\u{FEFF}' => "",
        c => {
            out.push(c);
            return;
        }
    };
    out.extend(letters.chars());
}

/// The steps a clip counts for: each form drawn pushes one (its box), and drawing a form
/// costs many times what drawing a glyph or path does (its stream and resources are read
/// again each time). A page of forms drawing forms reaches the limit in well under a second;
/// the most clips any of a thousand real PDFs' pages pushes (15,000) count for a quarter of
/// it.
const CLIP_STEPS: u64 = 16;

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        self.step();
        // A line drawn in white (or not at all) parts nothing a reader sees.
        let seen = match &props.paint {
            Paint::Color(c) => {
                let [r, g, b, a] = c.to_rgba().to_rgba8();
                a >= 16 && r.min(g).min(b) < 240
            }
            Paint::Pattern(_) => true,
        };
        if seen {
            super::pdf_rules::rules_of(path, props.transform, mode, &mut self.page.rules);
            super::pdf_rules::boxes_of(path, props.transform, mode, &mut self.page.boxes);
        }
        let clip = self.clips.last().copied();
        if !self.page.glyphs.is_empty()
            && let Some(cover) = self
                .covers
                .cover(path, &props, mode, clip, self.page.glyphs.len())
        {
            self.hide_under(cover);
        }
    }

    fn push_clip_path(&mut self, clip: &ClipPath) {
        self.steps(CLIP_STEPS);
        let bbox = clip.path.bounding_box();
        let within = match self.clips.last() {
            Some(outer) => outer.intersect(bbox),
            None => bbox,
        };
        self.clips.push(within);
    }

    fn push_transparency_group(
        &mut self,
        opacity: f32,
        mask: Option<SoftMask<'a>>,
        blend: BlendMode,
    ) {
        self.step();
        self.covers.push_group(opacity, mask.is_some(), blend);
    }

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        // Text filled and then stroked (render mode 2) is drawn twice: the stroke is skipped.
        let key = run.glyphs().first().map(|g| {
            let o = (props.transform * g.transform()) * Point::ZERO;
            (run.glyphs().len(), o.x.to_bits(), o.y.to_bits())
        });
        let last = self.last_fill.take();
        if matches!(mode, DrawMode::Stroke(_)) && key.is_some() && key == last {
            return;
        }
        if !matches!(mode, DrawMode::Stroke(_)) {
            self.last_fill = key;
        }
        for glyph in run.glyphs() {
            self.step();
            let advance = match &**glyph {
                FontGlyph::Outline(g) => g.advance_width().map(|a| self.advances.width(g, a)),
                FontGlyph::Type3(g) => g.advance_width(),
            }
            .filter(|a| a.is_finite() && *a > 0.0)
            .unwrap_or(500.0);
            let unicode = match &**glyph {
                FontGlyph::Outline(g) => self.symbolic.text(g),
                FontGlyph::Type3(_) => None,
            }
            .or_else(|| glyph.as_unicode())
            .or_else(|| match &**glyph {
                FontGlyph::Outline(g) => self.unlisted.char_of(g.char_code()).map(BfString::Char),
                FontGlyph::Type3(_) => None,
            });
            // The font program's data (no Type 1 font gives any), read once for the glyph.
            let font = match &**glyph {
                FontGlyph::Outline(g) => g.font_data(),
                FontGlyph::Type3(_) => None,
            };
            let unicode = match &**glyph {
                FontGlyph::Outline(g) if self.flipped && font.is_none() => {
                    unicode.map(|u| super::pdf_flipped::letter_of_code(u, g.char_code()))
                }
                _ => unicode,
            };
            let unicode = match &**glyph {
                FontGlyph::Outline(g) => self
                    .symbolic
                    .instead_of_control(g, unicode.as_ref())
                    .or(unicode),
                FontGlyph::Type3(_) => unicode,
            };
            let instead = match &**glyph {
                FontGlyph::Outline(g) => self.own_maps.instead(g, unicode.as_ref()),
                FontGlyph::Type3(_) => None,
            };
            let unicode = match instead {
                Some(Instead::Reads(c)) => Some(BfString::Char(c)),
                _ => unicode,
            };
            let unicode = match &**glyph {
                FontGlyph::Outline(g) if instead.is_none() => self
                    .named_glyphs
                    .letters(g, unicode.as_ref())
                    .map(BfString::String)
                    .or(unicode),
                _ => unicode,
            };
            let unicode = match (&**glyph, &unicode) {
                (FontGlyph::Outline(g), Some(u)) if !self.ligatures.is_empty() => self
                    .ligatures
                    .letters(g.char_code(), u)
                    .map(|l| BfString::String(l.to_owned()))
                    .or(unicode),
                _ => unicode,
            };
            let unicode = match (&**glyph, &unicode) {
                (FontGlyph::Outline(g), Some(BfString::Char(LAM))) => self
                    .lam_alefs
                    .letters(g)
                    .map(|l| BfString::String(l.to_owned()))
                    .or(unicode),
                _ => unicode,
            };
            // A Wingdings mark its map gives as a private-use code (`\u{F0FC}`) reads as
            // the mark it draws (`✔`), as a list's bullet should.
            let wingdings = font
                .as_ref()
                .and_then(|d| d.postscript_name.as_deref())
                .and_then(|n| n.find("Wingdings").map(|at| &n[at..]));
            let unicode = match (&unicode, wingdings) {
                (Some(BfString::Char(c)), Some("Wingdings3")) => {
                    wingdings3_mark(*c).map(BfString::Char).or(unicode)
                }
                (Some(BfString::Char(c)), Some(_)) => {
                    wingdings_mark(*c).map(BfString::Char).or(unicode)
                }
                _ => unicode,
            };
            // So does a quote or dash of WordPerfect's typographic font, named by a letter.
            let wordperfect = font.as_ref().is_some_and(|d| {
                d.postscript_name
                    .as_deref()
                    .is_some_and(super::pdf_wordperfect::is_typographic_font)
            });
            let unicode = match &unicode {
                Some(BfString::Char(c)) if wordperfect => {
                    super::pdf_wordperfect::typographic_symbol(*c)
                        .map(BfString::Char)
                        .or(unicode)
                }
                _ => unicode,
            };
            let reading = match &**glyph {
                FontGlyph::Outline(g) => self.lookalikes.reading(g),
                FontGlyph::Type3(_) => Reading::AsNamed,
            };
            let unicode = match reading {
                Reading::Symbol(c) => Some(BfString::Char(c)),
                Reading::Nothing => Some(BfString::String(String::new())),
                _ => unicode,
            };
            let before = self.page.glyphs.len();
            let (weight, drop) = match &**glyph {
                FontGlyph::Outline(g) => (self.weights.of(g), self.lookalikes.drop(g)),
                FontGlyph::Type3(_) => (0.0, 0.0),
            };
            let drawn = Drawn {
                transform: props.transform * glyph.transform(),
                advance,
                weight,
                drop,
            };
            self.glyph(drawn, unicode, matches!(mode, DrawMode::Invisible));
            if self.page.glyphs.len() > before {
                if let Some(Instead::Writes(c)) = instead
                    && let Some(g) = self.page.glyphs.get(before)
                    && g.len == 1
                {
                    self.page.written.insert(g.text, c);
                }
                // A digit its font's own map says nothing of: its shape may (an
                // Arabic-Indic digit named as a Latin one).
                if instead.is_none()
                    && let FontGlyph::Outline(o) = &**glyph
                    && let Some(data) = &font
                    && let Some(g) = self.page.glyphs.get(before)
                    && let [digit] = self.page.text(g)
                    && digit.is_ascii_digit()
                {
                    self.drawn_digits.note(o, data.cache_key, g.text, *digit);
                }
                if let FontGlyph::Outline(g) = &**glyph
                    && let Some(data) = &font
                    && let [letter] = self.page.text(&self.page.glyphs[before])
                {
                    self.wide.note(
                        before,
                        data.cache_key,
                        g.glyph_id().to_u32(),
                        *letter,
                        advance,
                    );
                }
                match reading {
                    Reading::Symbol(BAR) => self.bars.push(before),
                    Reading::Doubtful => self.page.doubtful += 1,
                    _ => {}
                }
            }
        }
    }

    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        self.step();
        // Its transform places the image's pixels on the page.
        let area = Rect::new(
            0.0,
            0.0,
            f64::from(image.width()),
            f64::from(image.height()),
        )
        .to_path(0.1);
        let b = (props.transform * area).bounding_box().intersect(Rect::new(
            0.0,
            0.0,
            f64::from(self.page.width),
            f64::from(self.page.height),
        ));
        let page = f64::from(self.page.width) * f64::from(self.page.height);
        if page > 0.0 && b.area().is_finite() {
            let cover = (b.area().max(0.0) / page) as f32;
            self.page.picture_cover = self.page.picture_cover.max(cover.min(1.0));
        }
        let clip = self.clips.last().copied();
        if !self.page.glyphs.is_empty()
            && let Some(cover) =
                self.covers
                    .picture(&image, &props, b, clip, page, self.page.glyphs.len())
        {
            self.hide_under(cover);
        }
    }

    fn pop_clip(&mut self) {
        self.clips.pop();
    }

    fn pop_transparency_group(&mut self) {
        self.covers.pop_group();
    }

    fn begin_marked_content(&mut self, _tag: &[u8], _properties: Option<&Dict<'_>>) {
        self.step();
    }
}

#[cfg(test)]
mod tests {
    use super::{BAR, Glyph, PageGlyphs, push_clean, settle_bars, wingdings_mark, wingdings3_mark};

    #[test]
    fn wingdings_3_arrows_read_as_the_arrows_drawn() {
        // A bulletin marks each hospital's rise or fall with Wingdings 3's block arrows.
        assert_eq!(wingdings3_mark('\u{F0C7}'), Some('⬆'));
        assert_eq!(wingdings3_mark('\u{F0C8}'), Some('⬇'));
        // Not Wingdings' own marks: its `l`, a bullet, is another shape in Wingdings 3.
        assert_eq!(wingdings3_mark('l'), None);
    }

    #[test]
    fn wingdings_list_marks_read_as_the_marks_drawn() {
        assert_eq!(wingdings_mark('\u{F0FC}'), Some('✔'));
        assert_eq!(wingdings_mark('\u{F0A7}'), Some('▪'));
        assert_eq!(wingdings_mark('\u{F0D8}'), Some('➢'));
        assert_eq!(wingdings_mark('l'), Some('●'));
        assert_eq!(wingdings_mark('\u{F041}'), None);
    }

    /// A page of one line: each char a glyph 6 points wide at 10 points, `space` marking
    /// the glyphs after a space.
    fn line(text: &str) -> PageGlyphs {
        let mut page = PageGlyphs::default();
        let mut x = 72.0;
        let mut space = false;
        for c in text.chars() {
            if c == ' ' {
                space = true;
                x += 3.0;
                continue;
            }
            page.glyphs.push(Glyph {
                x0: x,
                x1: x + 6.0,
                baseline: 100.0,
                size: 10.0,
                text: page.chars.len() as u32,
                len: 1,
                space_before: std::mem::take(&mut space),
                hidden: false,
                clipped: false,
                weight: 0.0,
            });
            page.chars.push(c);
            x += 6.0;
        }
        page
    }

    #[test]
    fn a_bar_between_figures_is_an_en_dash_and_before_one_a_minus() {
        let text = format!("ages 10{BAR}17 and CI {BAR}0.40 to 3 p{BAR}value");
        let mut page = line(&text);
        let bars: Vec<usize> = page
            .chars
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == BAR)
            .map(|(i, _)| i)
            .collect();
        settle_bars(&mut page, &bars);
        let read: String = page.chars.iter().collect();
        assert_eq!(read, "ages10–17andCI−0.40to3p–value");
    }

    #[test]
    fn arabic_presentation_forms_become_the_letters_people_type() {
        let mut out = Vec::new();
        // ﺍﻟﺨﻄﻮﻁ as a producer maps shaped glyphs, and the lam-alef ligature ﻻ.
        for c in "\u{FE8D}\u{FEDF}\u{FEA8}\u{FEC4}\u{FEEE}\u{FEC1} \u{FEFB}".chars() {
            push_clean(&mut out, c);
        }
        assert_eq!(out.iter().collect::<String>(), "الخطوط لا");
    }

    #[test]
    fn a_symbol_fonts_space_is_a_space() {
        // Symbol fonts' codes mapped to the private-use row: `\u{F020}` is the space.
        let mut out = Vec::new();
        push_clean(&mut out, '\u{F020}');
        assert_eq!(out, [' ']);
    }
}
