//! Symbols a font names as letters. Some typesetting systems' symbol fonts (Advent 3B2's
//! `AdvP…` fonts in Elsevier and BMJ journals, Linotype's "Pi" fonts) draw `μ` under the name
//! "m", `±` under "six" and `=` under "onequarter", with no Unicode map to say otherwise, so
//! every reader takes them for those letters (`10 mg/l` for `10 μg/l`, `mean6SD`). The glyphs
//! of such fonts are compared, by shape, with the same letter in the page's other fonts and
//! in the window's own fonts, and with common symbols. In a font most of whose glyphs look
//! unlike their names, one that looks like a symbol reads as the symbol, and one that looks
//! like neither is counted as doubtful, for the reader to check.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use hayro_font::{CMapResolverFn, Font, FontCache, FontGlyph, FontResolverFn, GlyphId};
use hayro_interpret::font::OutlineGlyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::object::Name;
use hayro_interpret::hayro_syntax::page::Resources;
use hayro_interpret::kurbo::{self, BezPath, PathEl, Point, Shape as _};
use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};

/// Rows and columns of a shape's raster (a row is one `u64`).
const CELLS: usize = 44;
/// The cells a shape's box spans across and down (the rest is a margin).
const SPAN: f64 = 40.0;
/// How alike a glyph must look to a symbol to read as it.
const LIKE_SYMBOL: f32 = 0.75;
/// By how much more it must look like the symbol than like its own name.
const MARGIN: f32 = 0.2;
/// By how much more, in a font most of whose glyphs look like symbols and not like their
/// names (a Greek font whose `μ` is named `m`).
const SYMBOL_FONT_MARGIN: f32 = 0.1;
/// Below this, a glyph does not look like its own name.
const LIKE_NAME: f32 = 0.5;
/// How alike a text font's glyph with no text must look to a symbol to read as it.
const LIKE_UNNAMED: f32 = 0.9;

/// The symbols such fonts draw under letters' names. `−` stands for any horizontal bar:
/// which dash a bar is depends on what it stands between (see [`BAR`]).
/// Spacing accents are among them: drawn over a letter, [`super::pdf_accents`] puts them on it.
const SYMBOLS: [char; 76] = [
    '−', '=', '+', '±', '×', '<', '>', '≤', '≥', '†', '‡', 'μ', 'χ', '•', '●', '▶', '°', '(', ')',
    '[', ']', '{', '}', '|', '.', ',', '√', '∞', 'Δ', '∑', '©', '®', '·', '/', '≈', '∼', '≠', 'ϕ',
    '∂', '′', 'α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ', 'κ', 'λ', 'ν', 'ξ', 'π', 'ρ', 'σ', 'τ', 'φ',
    'ψ', 'ω', 'Γ', 'Θ', 'Λ', 'Ξ', 'Π', 'Σ', 'Φ', 'Ψ', 'Ω', '´', '`', 'ˆ', '˜', '¨', 'ˇ', '¯', '¸',
];

/// The reference font Arabic shapes are drawn from (the window's own Arabic font).
pub(super) static ARABIC: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf");

/// The most fonts of one page looked at.
const MAX_FONTS: usize = 64;
/// The most straight edges an outline is drawn with (a glyph's outline is far simpler).
const MAX_EDGES: usize = 4096;

/// What a bar looking like a minus sign reads as until its neighbours are known.
pub const BAR: char = '−';

/// A shape: its outline drawn into cells, its box stretched to span [`SPAN`] cells across and
/// down (bit `c` of row `r` is set when the cell is inked), and where it stands in the em.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Raster {
    cells: [u64; CELLS],
    /// The cells with every inked cell's eight neighbours inked too.
    grown: [u64; CELLS],
    /// How many cells are inked.
    inked: u32,
    /// Its box's middle height, in units of 1000 to the em above the baseline.
    middle: f64,
    /// Its box's height and width, in the same units.
    height: f64,
    width: f64,
}

/// What the shape of a glyph says about its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// It looks like what its font names it (or it cannot be told).
    AsNamed,
    /// It looks like this symbol and not like its name.
    Symbol(char),
    /// It looks neither like its name nor like a known symbol.
    Doubtful,
    /// It is a piece of a sign drawn in pieces that reads once, at another piece (a
    /// radical's bar), and has no text of its own.
    Nothing,
}

/// The fonts and glyph shapes of a document already looked at, kept from page to page
/// (the same fonts are used on most pages).
#[derive(Default)]
pub struct FontShapes<'a> {
    fonts: FontCache<'a>,
    glyphs: HashMap<u128, (Option<Raster>, Option<char>)>,
    /// What the pages showed of their fonts' digits (Arabic-Indic ones named as Latin).
    pub digits: super::pdf_drawn_digits::DigitFonts,
    /// The glyphs mapped to lam already looked at.
    pub lam_alefs: super::pdf_lam_alef::LamAlefs,
    /// The stroke widths of the glyphs already drawn.
    pub weights: super::pdf_weights::Weights,
}

impl<'a> FontShapes<'a> {
    /// None looked at yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The glyphs a simple font's codes select, with their shapes.
    fn drawn(&mut self, font: &Font<'a>, deadline: Instant) -> Vec<Drawn> {
        let mut glyphs: Vec<Drawn> = Vec::new();
        for code in 0..=255u32 {
            let id = font.map_code(code);
            if id == GlyphId::NOTDEF || Instant::now() > deadline {
                continue;
            }
            let FontGlyph::Outline(glyph) = font.glyph(id, code) else {
                continue;
            };
            let key = glyph.identifier().cache_key();
            if glyphs.iter().any(|g| g.key == key) {
                continue;
            }
            let (shape, named) = *self.glyphs.entry(key).or_insert_with(|| {
                (
                    raster(&glyph.outline()),
                    sole_char(glyph.as_unicode().as_ref()),
                )
            });
            glyphs.push(Drawn { key, shape, named });
        }
        glyphs
    }
}

/// How to read the glyphs of a page's fonts that name symbols as letters, by glyph (the
/// key of its font program and glyph id, as the interpreter gives it).
#[derive(Default)]
pub struct Lookalikes {
    readings: HashMap<u128, Reading>,
    /// How far below its origin the line of a sign read by shape that hangs from its
    /// origin stands (a display sum drawn from its top down), in units of 1000 to the em.
    drops: HashMap<u128, f32>,
}

impl Lookalikes {
    /// Looks at the page's fonts of the families that name symbols as letters (see
    /// [`is_symbol_font`]): a font most of whose glyphs do not look like their names is
    /// read by shape; a text font of such a family (`AdvPECFD32`) is read as named. Fonts
    /// are no longer looked at past the deadline.
    pub fn new<'a>(
        resources: &Resources<'a>,
        shapes: &mut FontShapes<'a>,
        deadline: Instant,
    ) -> Self {
        let mut dicts = Vec::new();
        let mut any = false;
        super::pdf_symbolic::each_font(resources, |font| {
            let name = font.get::<Name<'_>>(b"BaseFont");
            let name = name.as_ref().map_or("", |n| n.as_str());
            let kind = if super::pdf_tex_maths::is_extension_font(name) {
                Kind::Pieces
            } else if super::pdf_tex_maths::is_tex_extension_font(name) {
                Kind::Hanging
            } else if is_symbol_font(name) {
                Kind::Suspect
            } else {
                Kind::Text
            };
            any |= kind != Kind::Text;
            if dicts.len() < MAX_FONTS {
                dicts.push((font.clone(), kind));
            }
        });
        let mut readings = HashMap::new();
        if !any {
            return Self::default();
        }
        let programs: FontResolverFn = Arc::new(|_| None);
        let cmaps: CMapResolverFn = Arc::new(|_| None);
        let mut fonts: Vec<(Vec<Drawn>, Kind)> = Vec::new();
        for (dict, kind) in &dicts {
            if Instant::now() > deadline {
                break;
            }
            if let Some(font) = shapes.fonts.font(dict, &programs, &cmaps) {
                fonts.push((shapes.drawn(&font, deadline), *kind));
            }
        }
        for (i, (glyphs, kind)) in fonts.iter().enumerate() {
            if *kind == Kind::Pieces {
                for g in glyphs {
                    let reading = match g.named.filter(|c| !c.is_whitespace()) {
                        None => continue,
                        Some(c) => match super::pdf_tex_maths::piece(c) {
                            Some(sign) => Reading::Symbol(sign),
                            None => Reading::Nothing,
                        },
                    };
                    readings.insert(g.key, reading);
                }
                continue;
            }
            if *kind != Kind::Suspect {
                continue;
            }
            // The same letter in the page's other fonts (its text in other styles).
            let siblings = |c: char| {
                fonts
                    .iter()
                    .enumerate()
                    .filter(move |(j, _)| *j != i)
                    .flat_map(|(_, (glyphs, _))| glyphs)
                    .filter(move |g| g.named == Some(c))
                    .filter_map(|g| g.shape.as_ref())
            };
            read_font(glyphs, siblings, &mut readings);
        }
        // A large operator that hangs from its origin stands on the line its middle is on,
        // the maths axis a quarter em over the baseline (tall brackets, which reach over
        // several lines, keep their place).
        // (TeX's own extension font names its signs as they are.)
        let operator = |c: char| super::pdf_tex_maths::is_large_operator(c);
        let drops = fonts
            .iter()
            .flat_map(|(glyphs, kind)| glyphs.iter().map(move |g| (g, *kind)))
            .filter(|(g, kind)| match readings.get(&g.key) {
                Some(Reading::Symbol(c)) => operator(*c),
                _ => *kind == Kind::Hanging && g.named.is_some_and(operator),
            })
            .filter_map(|(g, _)| {
                let shape = g.shape.as_ref().filter(|s| is_hung(s))?;
                Some((g.key, (AXIS - shape.middle) as f32))
            })
            .collect();
        Self { readings, drops }
    }

    /// How far below its origin a glyph's line stands, in units of 1000 to the em (0 for
    /// a glyph that stands on its origin, as most do).
    pub fn drop(&self, glyph: &OutlineGlyph) -> f32 {
        if self.drops.is_empty() {
            return 0.0;
        }
        self.drops
            .get(&glyph.identifier().cache_key())
            .copied()
            .unwrap_or(0.0)
    }

    /// How to read a glyph.
    pub fn reading(&self, glyph: &OutlineGlyph) -> Reading {
        if self.readings.is_empty() {
            return Reading::AsNamed;
        }
        self.readings
            .get(&glyph.identifier().cache_key())
            .copied()
            .unwrap_or(Reading::AsNamed)
    }
}

/// How a page's font is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// As its glyphs are named.
    Text,
    /// Of a family that names symbols as letters: by shape.
    Suspect,
    /// TeX's maths extension font converted: by TeX's codes ([`super::pdf_tex_maths`]).
    Pieces,
    /// TeX's own maths extension font: as named, its large operators hanging from their
    /// origins.
    Hanging,
}

/// A glyph of a font, by code: its key, shape and the char it is named.
#[derive(Clone, Copy)]
struct Drawn {
    key: u128,
    shape: Option<Raster>,
    named: Option<char>,
}

/// Reads a font's glyphs by shape, when most of them look neither like their names (as the
/// reference font and the page's other fonts draw them) nor like nothing known: a text font
/// some of whose letters look like symbols (a serif `t` like `†`) is read as named.
fn read_font<'s, I>(
    glyphs: &[Drawn],
    siblings: impl Fn(char) -> I,
    readings: &mut HashMap<u128, Reading>,
) where
    I: Iterator<Item = &'s Raster>,
{
    let likes: Vec<(u128, &Raster, Option<char>, Option<f32>)> = glyphs
        .iter()
        .filter_map(|g| {
            let shape = g.shape.as_ref()?;
            let like_name = g.named.and_then(|c| {
                let own = siblings(c)
                    .map(|s| likeness(shape, s))
                    .max_by(f32::total_cmp);
                let reference = likeness_to(shape, c);
                own.into_iter().chain(reference).max_by(f32::total_cmp)
            });
            Some((g.key, shape, g.named, like_name))
        })
        .collect();
    let read = |margin: f32| -> Vec<(u128, Reading)> {
        likes
            .iter()
            .map(|&(key, shape, named, like_name)| {
                (key, read_shape(shape, named, like_name, margin))
            })
            .collect()
    };
    let unlike = read(MARGIN)
        .iter()
        .filter(|(_, r)| *r != Reading::AsNamed)
        .count();
    // (Half of the glyphs whose shapes are known: a text font has next to none.)
    if unlike > 0 && unlike * 2 >= likes.len() {
        let by_shape = read(SYMBOL_FONT_MARGIN);
        // (Each reading with the char its glyph is named: `likes` and `by_shape` go alike.)
        let named = || likes.iter().map(|l| l.2).zip(by_shape.iter().map(|r| r.1));
        let in_order = names_greek_in_order(named());
        readings.extend(
            by_shape
                .iter()
                .zip(named())
                .map(
                    |(&(key, _), (name, reading))| match name.and_then(greek_in_place) {
                        Some(greek) if in_order => (key, Reading::Symbol(greek)),
                        _ => (key, reading),
                    },
                ),
        );
        return;
    }
    // A text font's glyph with no text of its own (an accent drawn over a letter, `C19`)
    // reads as the symbol it plainly looks like.
    for &(key, shape, named, _) in &likes {
        if named.is_none()
            && let Some((s, l)) = closest_symbol(shape, None)
            && l >= LIKE_UNNAMED
        {
            readings.insert(key, Reading::Symbol(s));
        }
    }
}

/// The signs a maths font draws taller than an em, to stand around a formula's height, or
/// large beside it.
const TALL: [char; 11] = ['(', ')', '[', ']', '{', '}', '|', '∑', '∏', '∫', '√'];
/// A glyph half an em tall or more whose top stands no higher than this over its origin
/// (in units of 1000 to the em) hangs from it: such a sign drawn from the top down.
const HUNG: f64 = 100.0;
/// Taller than this, in units of 1000 to the em, a glyph is such a sign.
const TALL_HEIGHT: f64 = 1100.0;

/// The height of the maths axis over the baseline, in units of 1000 to the em.
const AXIS: f64 = 250.0;

/// Whether a shape hangs from its origin: half an em tall or more, its top no higher than
/// [`HUNG`] over it.
fn is_hung(shape: &Raster) -> bool {
    shape.height >= 500.0 && shape.middle + shape.height / 2.0 < HUNG
}

/// The Greek small letters in their alphabet's order. Some Greek fonts (Advent 3B2's) name
/// each by the Latin letter in the same place: `c` for `γ`, `g` for `η`, `w` for `ψ`.
const GREEK_ORDER: [char; 24] = [
    'α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ', 'ι', 'κ', 'λ', 'μ', 'ν', 'ξ', 'ο', 'π', 'ρ', 'σ', 'τ',
    'υ', 'φ', 'χ', 'ψ', 'ω',
];

/// Latin letters that look like the Greek letter in their place (`a` and `α`): their shapes
/// do not tell a font that names Greek letters by place from a text font.
const ALIKE_IN_PLACE: [char; 7] = ['a', 'b', 'd', 'e', 'i', 'o', 'p'];

/// The Greek letter in the place of a small Latin letter's (`c` → `γ`).
fn greek_in_place(named: char) -> Option<char> {
    let place = u32::from(named).checked_sub(u32::from('a'))?;
    GREEK_ORDER.get(usize::try_from(place).ok()?).copied()
}

/// Whether a font read by shape (each glyph's name and reading) names its Greek letters by
/// their place in the alphabet:
/// at least three glyphs whose shapes read as Greek letters unlike their names are the
/// letters in their names' places, and at most a third as many are other Greek letters
/// (`ξ` read as the `ζ` it looks like). Then a glyph whose shape says little (an italic `γ`
/// with a loop) reads as the letter of its name's place too.
fn names_greek_in_order(by_shape: impl Iterator<Item = (Option<char>, Reading)>) -> bool {
    let (mut agree, mut disagree) = (0, 0);
    for (named, reading) in by_shape {
        let Reading::Symbol(read) = reading else {
            continue;
        };
        let Some(named) = named.filter(|c| !ALIKE_IN_PLACE.contains(c)) else {
            continue;
        };
        match greek_in_place(named) {
            Some(greek) if greek == read => agree += 1,
            Some(_) if GREEK_ORDER.contains(&read) => disagree += 1,
            _ => {}
        }
    }
    agree >= 3 && disagree * 3 <= agree
}

/// The symbol a shape looks most like, other than the char it is named, and how much.
fn closest_symbol(shape: &Raster, named: Option<char>) -> Option<(char, f32)> {
    // A glyph taller than an em, or one that hangs an em's half or more below its
    // origin, is a sign stretched over a formula or set large beside it (a display sum):
    // it is looked at as drawn, not where it stands.
    if shape.height > TALL_HEIGHT || is_hung(shape) {
        return TALL
            .iter()
            .filter(|s| Some(**s) != named)
            .filter_map(|s| {
                let like = references(*s).iter().map(|r| drawn_likeness(shape, r));
                like.max_by(f32::total_cmp).map(|l| (*s, l))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
    }
    let best = SYMBOLS
        .iter()
        .filter(|s| Some(**s) != named)
        .filter_map(|s| likeness_to(shape, *s).map(|l| (*s, l)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    // A large round bullet is a bullet.
    best.map(|(s, l)| (if s == '●' { '•' } else { s }, l))
}

/// The one char of a glyph's text, if it has exactly one.
pub fn sole_char(unicode: Option<&BfString>) -> Option<char> {
    match unicode {
        Some(BfString::Char(c)) => Some(*c),
        Some(BfString::String(s)) => {
            let mut chars = s.chars();
            chars.next().filter(|_| chars.next().is_none())
        }
        None => None,
    }
}

/// Whether a font (by its PostScript name, with or without a subset prefix) is of a family
/// known to name symbols as letters: Advent 3B2's (`AdvP4C4E74`, `AdvPS44A44B`, and its
/// conversions of TeX's maths fonts, `JjlrbvTeXCMMathsSymbols`, whose `(` is named `eth`) and
/// Linotype's Pi fonts (`MathematicalPi-One`, `UniversalStd-NewswithCommPi`).
pub fn is_symbol_font(name: &str) -> bool {
    let name = super::pdf_symbolic::without_subset_prefix(name);
    name.starts_with("AdvP")
        || name.starts_with("AdvMa")
        || name.contains("TeXCMMaths")
        || name.ends_with("Pi")
        || name.contains("Pi-")
}

/// How a glyph of a font read by shape reads, given the char it is named, how much it looks
/// like that char, and by how much more it must look like a symbol to read as one.
fn read_shape(shape: &Raster, named: Option<char>, like_name: Option<f32>, margin: f32) -> Reading {
    match (like_name, closest_symbol(shape, named)) {
        (Some(n), Some((s, l))) if l >= LIKE_SYMBOL && l >= n + margin => Reading::Symbol(s),
        (Some(n), _) if n < LIKE_NAME => Reading::Doubtful,
        (Some(_), _) => Reading::AsNamed,
        // A glyph its font names as a symbol with no reference shape (`▲`) is that symbol
        // (not one mapped to a control character, which names nothing: TeX maths fonts'
        // `]` mapped to U+0002).
        (None, _) if named.is_some_and(|c| !c.is_alphanumeric() && !c.is_control()) => {
            Reading::AsNamed
        }
        // A glyph with no text of its own, or a name with no reference shape: a symbol if it
        // looks like one.
        (None, Some((s, l))) if l >= LIKE_SYMBOL => Reading::Symbol(s),
        (None, _) => Reading::Doubtful,
    }
}

/// How alike two shapes are, from 0 to 1: 0 when they stand at other heights of the em or
/// differ much in size or proportion; else the share of each one's inked cells that have an
/// inked cell of the other within one cell (so a stroke a little heavier or shifted still
/// matches).
pub(super) fn likeness(a: &Raster, b: &Raster) -> f32 {
    let ratio = |x: f64, y: f64| x.max(1.0) / y.max(1.0);
    let placed = (a.middle - b.middle).abs() <= 150.0
        && (0.5..=2.0).contains(&ratio(a.height, b.height))
        && (0.4..=2.5).contains(&ratio(a.width, b.width))
        && (0.5..=2.0).contains(&(ratio(a.width, a.height) / ratio(b.width, b.height)));
    if !placed {
        return 0.0;
    }
    drawn_likeness(a, b)
}

/// How alike two shapes' cells are, wherever the shapes stand in the em: the share of each
/// one's inked cells that have an inked cell of the other within one cell.
fn drawn_likeness(a: &Raster, b: &Raster) -> f32 {
    let (na, nb) = (a.inked, b.inked);
    if na + nb == 0 {
        return 0.0;
    }
    let near = |r: &Raster, other: &Raster| {
        r.cells
            .iter()
            .zip(&other.grown)
            .map(|(x, y)| (x & y).count_ones())
            .sum::<u32>()
    };
    (near(a, b) + near(b, a)) as f32 / (na + nb) as f32
}

/// Cells with every inked cell's eight neighbours inked too.
fn grow(r: &[u64; CELLS]) -> [u64; CELLS] {
    let wide = r.map(|row| row | (row << 1) | (row >> 1));
    let mut out = [0u64; CELLS];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = wide[i]
            | if i > 0 { wide[i - 1] } else { 0 }
            | if i + 1 < CELLS { wide[i + 1] } else { 0 };
    }
    out
}

/// The outline drawn into cells, its box stretched to span [`SPAN`] cells across and down,
/// centred; filled by the nonzero rule, scanning each row's centre line. `None` for an empty
/// outline or one of more than [`MAX_EDGES`] edges.
pub(super) fn raster(outline: &BezPath) -> Option<Raster> {
    let bounds = outline.bounding_box();
    if !(bounds.width() > 0.0 && bounds.height() > 0.0 && bounds.is_finite()) {
        return None;
    }
    let mut edges: Vec<(Point, Point)> = Vec::new();
    let (mut start, mut last) = (Point::ZERO, Point::ZERO);
    kurbo::flatten(outline.iter(), 4.0, |el| match el {
        PathEl::MoveTo(p) => {
            if last != start {
                edges.push((last, start));
            }
            start = p;
            last = p;
        }
        PathEl::LineTo(p) => {
            edges.push((last, p));
            last = p;
        }
        PathEl::ClosePath => {
            edges.push((last, start));
            last = start;
        }
        _ => {}
    });
    if last != start {
        edges.push((last, start));
    }
    if edges.len() > MAX_EDGES {
        return None;
    }
    let (across, down) = (bounds.width() / SPAN, bounds.height() / SPAN);
    let left = bounds.center().x - CELLS as f64 * across / 2.0;
    let top = bounds.center().y + CELLS as f64 * down / 2.0;
    let column = |x: f64| ((x - left) / across).floor().clamp(0.0, CELLS as f64 - 1.0) as usize;
    let mut cells = [0u64; CELLS];
    let mut crossings: Vec<(f64, i32)> = Vec::new();
    for (row, slot) in cells.iter_mut().enumerate() {
        let y = top - (row as f64 + 0.5) * down;
        crossings.clear();
        for (a, b) in &edges {
            if (a.y <= y) != (b.y <= y) {
                let x = a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
                crossings.push((x, if b.y > a.y { 1 } else { -1 }));
            }
        }
        crossings.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut winding = 0;
        for pair in crossings.windows(2) {
            winding += pair[0].1;
            if winding != 0 {
                for c in column(pair[0].0)..=column(pair[1].0) {
                    *slot |= 1 << c;
                }
            }
        }
    }
    cells.iter().any(|r| *r != 0).then_some(Raster {
        cells,
        grown: grow(&cells),
        inked: cells.iter().map(|row| row.count_ones()).sum(),
        middle: bounds.center().y,
        height: bounds.height(),
        width: bounds.width(),
    })
}

/// The reference shapes of a char: its glyphs in the window's own fonts (Ubuntu Light and
/// Hack, whichever have it), rastered once.
fn references(c: char) -> &'static [Raster] {
    static SHAPES: OnceLock<HashMap<char, Vec<Raster>>> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let letters = ('a'..='z').chain('A'..='Z').chain('0'..='9');
        let named = [
            '¼', '½', '¾', '£', '%', '.', ',', ':', ';', '!', '?', '#', '$', '&', '*',
        ];
        // Letters in the proportional font only (a monospaced `m` is squeezed); symbols in
        // both.
        let fonts = |c: char| {
            let both = [
                epaint_default_fonts::UBUNTU_LIGHT,
                epaint_default_fonts::HACK_REGULAR,
            ];
            let n = if SYMBOLS.contains(&c) { 2 } else { 1 };
            both.into_iter().take(n)
        };
        letters
            .chain(named)
            .chain(SYMBOLS)
            .map(|c| {
                // Symbols upright and slanted as an italic draws them (a math font's `μ`).
                let slants: &[f64] = if SYMBOLS.contains(&c) {
                    &[0.0, 0.21]
                } else {
                    &[0.0]
                };
                let shapes = fonts(c)
                    .filter_map(|font| outline_in(font, c))
                    .flat_map(|outline| {
                        slants.iter().filter_map(move |&slant| {
                            raster(&(kurbo::Affine::skew(slant, 0.0) * outline.clone()))
                        })
                    })
                    .collect();
                (c, shapes)
            })
            .collect()
    });
    shapes.get(&c).map_or(&[], Vec::as_slice)
}

/// How much a shape looks like a char: its likeness to the closest of the char's reference
/// shapes (`None` when there is none).
pub(super) fn likeness_to(shape: &Raster, c: char) -> Option<f32> {
    references(c)
        .iter()
        .map(|r| likeness(shape, r))
        .max_by(f32::total_cmp)
}

/// A char's outline in a font, in units of 1000 to the em.
pub(super) fn outline_in(data: &[u8], c: char) -> Option<BezPath> {
    let font = skrifa::FontRef::new(data).ok()?;
    let id = font.charmap().map(c)?;
    let glyph = font.outline_glyphs().get(id)?;
    let mut pen = Pen(BezPath::new());
    glyph
        .draw(
            DrawSettings::unhinted(Size::new(1000.0), LocationRef::default()),
            &mut pen,
        )
        .ok()?;
    Some(pen.0)
}

/// Collects an outline as a path.
struct Pen(BezPath);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to((f64::from(x), f64::from(y)));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to((f64::from(x), f64::from(y)));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(x), f64::from(y)),
        );
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.curve_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(cx1), f64::from(cy1)),
            (f64::from(x), f64::from(y)),
        );
    }
    fn close(&mut self) {
        self.0.close_path();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_families_that_name_symbols_as_letters_are_known() {
        for name in [
            "ELGKIF+AdvPS44A44B",
            "AdvP4C4E74",
            "AdvMathSymb",
            "AdvMacMthSyN",
            "MathematicalPi-One",
            "ABCDEF+UniversalStd-NewswithCommPi",
            "EuropeanPi-Three",
            "JAKLIE+JjlrbvTeXCMMathsSymbols",
        ] {
            assert!(is_symbol_font(name), "{name}");
        }
        for name in [
            "AdvTT5bf2ac07",
            "AdvOT863180fb.I",
            "Times-Roman",
            "Pilgrim",
            "Arial",
        ] {
            assert!(!is_symbol_font(name), "{name}");
        }
    }

    /// The reference fonts' shape of a char.
    fn shape_of(drawn: char) -> Raster {
        let outline = outline_in(epaint_default_fonts::UBUNTU_LIGHT, drawn)
            .or_else(|| outline_in(epaint_default_fonts::HACK_REGULAR, drawn))
            .expect("the reference font draws it");
        raster(&outline).expect("it has a shape")
    }

    /// A glyph drawn as the reference font draws `drawn`, named `named`.
    fn reading_of(drawn: char, named: Option<char>) -> Reading {
        let shape = shape_of(drawn);
        read_shape(
            &shape,
            named,
            named.and_then(|c| likeness_to(&shape, c)),
            MARGIN,
        )
    }

    /// A font's glyphs, each drawn as the first char and named the second; keys by order.
    fn font(glyphs: &[(char, char)]) -> Vec<Drawn> {
        (0u128..)
            .zip(glyphs)
            .map(|(key, (drawn, named))| Drawn {
                key,
                shape: Some(shape_of(*drawn)),
                named: Some(*named),
            })
            .collect()
    }

    /// How `read_font` reads a font's glyphs (by key) beside the page's other fonts.
    fn read(glyphs: &[Drawn], others: &[Drawn]) -> HashMap<u128, Reading> {
        let mut readings = HashMap::new();
        let siblings = |c: char| {
            others
                .iter()
                .filter(move |g| g.named == Some(c))
                .filter_map(|g| g.shape.as_ref())
        };
        read_font(glyphs, siblings, &mut readings);
        readings
    }

    #[test]
    fn a_font_of_symbols_named_as_letters_is_read_by_shape() {
        let symbols = font(&[('μ', 'm'), ('±', '6'), ('−', 'e'), ('=', '¼'), ('†', 'y')]);
        let readings = read(&symbols, &[]);
        let read: Vec<Reading> = (0..5).map(|k| readings[&k]).collect();
        assert_eq!(
            read,
            ['μ', '±', BAR, '=', '†'].map(Reading::Symbol).to_vec()
        );
    }

    /// A font's glyphs drawn slanted as an italic draws them, each named the second char.
    fn slanted_font(glyphs: &[(char, char)]) -> Vec<Drawn> {
        (0u128..)
            .zip(glyphs)
            .map(|(key, (drawn, named))| {
                let outline = outline_in(epaint_default_fonts::UBUNTU_LIGHT, *drawn)
                    .expect("the reference font draws it");
                Drawn {
                    key,
                    shape: raster(&(kurbo::Affine::skew(0.25, 0.0) * outline)),
                    named: Some(*named),
                }
            })
            .collect()
    }

    #[test]
    fn an_italic_greek_font_named_as_latin_letters_reads_as_greek() {
        // A journal's math font: `6.5 μm` is drawn with a `μ` named `m`.
        let greek = slanted_font(&[
            ('μ', 'm'),
            ('τ', 't'),
            ('ω', 'v'),
            ('σ', 's'),
            ('Ω', 'V'),
            ('Φ', 'W'),
        ]);
        let readings = read(&greek, &[]);
        let read: Vec<Reading> = (0..6).map(|k| readings[&k]).collect();
        assert_eq!(
            read,
            ['μ', 'τ', 'ω', 'σ', 'Ω', 'Φ'].map(Reading::Symbol).to_vec()
        );
    }

    #[test]
    fn a_greek_font_naming_its_letters_by_their_place_reads_every_one_so() {
        // Advent 3B2's Greek fonts name `γ` as `c`, `η` as `g`, `ψ` as `w`: where the shapes
        // say so, a `ξ` that looks like a `ζ` and a `γ` whose shape matches nothing known
        // (here a `§`) read as the letters their names' places give.
        let greek = slanted_font(&[
            ('ζ', 'f'),
            ('η', 'g'),
            ('λ', 'k'),
            ('ψ', 'w'),
            ('β', 'b'),
            ('ζ', 'n'),
            ('§', 'c'),
        ]);
        let readings = read(&greek, &[]);
        let got: Vec<Reading> = (0..7).map(|k| readings[&k]).collect();
        assert_eq!(
            got,
            ['ζ', 'η', 'λ', 'ψ', 'β', 'ξ', 'γ']
                .map(Reading::Symbol)
                .to_vec()
        );
        // Letters that look like the Greek letters in their places (`α` named `a`) do not
        // make a font one that names Greek letters by place.
        let alike = slanted_font(&[('α', 'a'), ('δ', 'd'), ('ε', 'e'), ('ζ', 'n'), ('§', 'c')]);
        let readings = read(&alike, &[]);
        assert_eq!(readings[&3], Reading::Symbol('ζ'));
        assert_eq!(readings[&4], Reading::Doubtful);
    }

    #[test]
    fn a_bracket_without_text_stretched_over_a_formula_reads_as_the_bracket() {
        // A formula's big brackets: drawn two and a half times as tall, reaching far below
        // the line, with no text of their own.
        let tall = |c: char| {
            let outline = outline_in(epaint_default_fonts::UBUNTU_LIGHT, c).expect("drawn");
            let stretched = kurbo::Affine::new([1.0, 0.0, 0.0, 2.5, 0.0, -1200.0]) * outline;
            raster(&stretched).expect("it has a shape")
        };
        for c in ['(', ')', '[', '}'] {
            assert_eq!(read_shape(&tall(c), None, None, MARGIN), Reading::Symbol(c));
        }
    }

    #[test]
    fn a_display_sum_hanging_from_its_origin_reads_as_a_sum() {
        // A journal's maths font draws a large `∑`, named `P`, from its origin down, an em
        // below the line it is set on.
        let outline = outline_in(epaint_default_fonts::UBUNTU_LIGHT, '∑').expect("drawn");
        let hung = kurbo::Affine::new([1.4, 0.0, 0.0, 1.2, 0.0, -1000.0]) * outline;
        let sum = vec![Drawn {
            key: 0,
            shape: raster(&hung),
            named: Some('P'),
        }];
        assert_eq!(read(&sum, &[])[&0], Reading::Symbol('∑'));
    }

    #[test]
    fn a_symbol_a_font_names_as_a_symbol_stays_that_symbol() {
        // A form's pointer `▲` looks like a `Δ`, but its font names it a symbol.
        let symbols = font(&[('Δ', '▲'), ('±', '6'), ('=', '¼')]);
        assert_eq!(read(&symbols, &[])[&0], Reading::AsNamed);
    }

    #[test]
    fn a_text_font_is_read_as_named_though_a_letter_looks_like_a_symbol() {
        // A serif `t` can look like a dagger: beside the font's other letters, it is one.
        let mut glyphs: Vec<(char, char)> = ('a'..='s').map(|c| (c, c)).collect();
        glyphs.push(('†', 't'));
        assert!(read(&font(&glyphs), &[]).is_empty());
    }

    #[test]
    fn a_glyph_like_the_same_letter_of_the_pages_other_fonts_is_read_as_named() {
        // Alone, a `t` drawn like a dagger reads as one; where the page's text font draws
        // its `t` so, it is that font's `t` in another size or weight.
        let alone = font(&[('†', 't')]);
        assert_eq!(read(&alone, &[])[&0], Reading::Symbol('†'));
        let text = font(&[('†', 't'), ('a', 'a')]);
        assert_eq!(read(&alone, &text).get(&0), None);
    }

    #[test]
    fn a_symbol_drawn_under_a_letters_name_reads_as_the_symbol() {
        assert_eq!(reading_of('μ', Some('m')), Reading::Symbol('μ'));
        assert_eq!(reading_of('±', Some('6')), Reading::Symbol('±'));
        assert_eq!(reading_of('=', Some('¼')), Reading::Symbol('='));
        assert_eq!(reading_of('−', Some('e')), Reading::Symbol(BAR));
        assert_eq!(reading_of('†', Some('y')), Reading::Symbol('†'));
        assert_eq!(reading_of('−', None), Reading::Symbol(BAR));
    }

    #[test]
    fn a_letter_drawn_as_itself_reads_as_named() {
        for c in ('a'..='z')
            .chain('A'..='Z')
            .chain('0'..='9')
            .chain(['<', '>', '%'])
        {
            assert_eq!(reading_of(c, Some(c)), Reading::AsNamed, "{c}");
        }
    }
}
