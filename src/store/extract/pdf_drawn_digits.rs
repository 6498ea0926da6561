//! Arabic-Indic digits named as Latin ones. Some producers (InDesign among them) write an
//! Arabic font's `ToUnicode` map with its Arabic-Indic digits (`٢٠٢٢`) named as the Latin
//! ones (`2022`), and embed the font without a character map of its own, so nothing but the
//! glyphs' shapes tells what the page shows. When a font's glyphs named Latin digits look
//! like the same digits in Arabic-Indic figures, and none like the Latin ones, its digits are
//! written as drawn (in Persian figures where its `4`, `5` or `6` is drawn the Persian way);
//! the text's rules go on reading them as the digits they are.

use std::collections::HashMap;
use std::sync::OnceLock;

use hayro_interpret::font::OutlineGlyph;

use super::pdf_glyphs::PageGlyphs;
use super::pdf_lookalikes::{ARABIC, Raster, likeness, likeness_to, outline_in, raster};

/// How alike a glyph must look to a digit to count as drawing it.
const LIKE: f32 = 0.6;
/// By how much more it must look like it than like the other script's digit.
const MARGIN: f32 = 0.1;

/// How much a glyph looks like its digit in each script's figures.
#[derive(Debug, Clone, Copy)]
struct Looks {
    latin: f32,
    arabic: f32,
    persian: f32,
}

impl Looks {
    /// The better of the two eastern figures.
    fn eastern(self) -> f32 {
        self.arabic.max(self.persian)
    }
}

/// What a document's pages showed of their fonts' digits, kept from page to page (the same
/// fonts are used on most pages).
#[derive(Default)]
pub struct DigitFonts {
    /// Per glyph (by its key): how it looks, `None` when it has no outline.
    looks: HashMap<u128, Option<Looks>>,
    /// The fonts (by their program's key) whose digits are drawn in Arabic-Indic or Persian
    /// figures, with the figures' zero.
    eastern: HashMap<u128, u32>,
}

/// The glyphs named Latin digits on a page, and how each looks.
pub struct DrawnDigits {
    fonts: DigitFonts,
    /// The page's glyphs named digits: the place of the glyph's text, its font's key, its
    /// glyph's key and the digit's value.
    seen: Vec<(u32, u128, u128, u32)>,
}

impl DrawnDigits {
    /// None seen yet on the page; what the pages before showed.
    pub fn new(fonts: DigitFonts) -> Self {
        Self {
            fonts,
            seen: Vec::new(),
        }
    }

    /// Notes a glyph of the font `font` whose text, at `text` in the page's chars, is the
    /// Latin digit `named`.
    pub fn note(&mut self, glyph: &OutlineGlyph, font: u128, text: u32, named: char) {
        let Some(value) = named.to_digit(10).filter(|_| named.is_ascii_digit()) else {
            return;
        };
        let key = glyph.identifier().cache_key();
        self.fonts
            .looks
            .entry(key)
            .or_insert_with(|| looks(&raster(&glyph.outline())?, named, value));
        self.seen.push((text, font, key, value));
    }

    /// Writes the page's digits as drawn, font by font, going by the pages before where the
    /// page's digits do not tell; what the pages showed, for the next.
    pub fn write(self, page: &mut PageGlyphs) -> DigitFonts {
        let Self {
            fonts: mut document,
            seen,
        } = self;
        let known = &mut document.eastern;
        // Per font: its glyphs' looks and digits (each glyph once).
        let mut fonts: HashMap<u128, HashMap<u128, (Looks, u32)>> = HashMap::new();
        for &(_, font, key, value) in &seen {
            if let Some(Some(l)) = document.looks.get(&key) {
                fonts.entry(font).or_default().insert(key, (*l, value));
            }
        }
        let mut written: HashMap<u128, u32> = HashMap::new();
        for (font, glyphs) in fonts {
            let drawn_eastern = |l: &Looks| l.eastern() >= LIKE && l.eastern() >= l.latin + MARGIN;
            let eastern = glyphs.values().filter(|(l, _)| drawn_eastern(l)).count();
            // (`1` and `9` look alike in both: one of the others must say so.)
            let telling = glyphs
                .values()
                .filter(|(l, v)| !matches!(v, 1 | 9) && drawn_eastern(l))
                .count();
            let latin = glyphs
                .values()
                .filter(|(l, _)| l.latin >= LIKE && l.latin >= l.eastern() + MARGIN)
                .count();
            if latin > 0 {
                continue;
            }
            if telling == 0 || eastern * 2 <= glyphs.len() {
                // (A page whose digits do not tell, such as `1` alone, goes by the pages
                // before.)
                if let Some(&zero) = known.get(&font) {
                    written.insert(font, zero);
                }
                continue;
            }
            // Persian figures where a digit drawn apart in them (4, 5, 6) looks Persian.
            let apart = |persian: bool| {
                glyphs
                    .values()
                    .filter(|(_, v)| (4..=6).contains(v))
                    .filter(|(l, _)| {
                        if persian {
                            l.persian >= l.arabic + MARGIN
                        } else {
                            l.arabic >= l.persian + MARGIN
                        }
                    })
                    .count()
            };
            let zero = if apart(true) > apart(false) {
                0x6F0
            } else {
                0x660
            };
            written.insert(font, zero);
            known.insert(font, zero);
        }
        for (text, font, _, value) in seen {
            if let Some(c) = written.get(&font).and_then(|z| char::from_u32(z + value)) {
                page.written.insert(text, c);
            }
        }
        document
    }
}

/// How a shape looks like the digit `value` in each script's figures (`named` in Latin).
fn looks(shape: &Raster, named: char, value: u32) -> Option<Looks> {
    let refs = references();
    let like = |zero: u32| {
        char::from_u32(zero + value)
            .and_then(|c| refs.get(&c))
            .map_or(0.0, |r| likeness(shape, r))
    };
    Some(Looks {
        latin: likeness_to(shape, named).unwrap_or(0.0),
        arabic: like(0x660),
        persian: like(0x6F0),
    })
}

/// The Arabic-Indic and Persian digits' shapes, drawn once.
fn references() -> &'static HashMap<char, Raster> {
    static SHAPES: OnceLock<HashMap<char, Raster>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        (0x660..0x66A)
            .chain(0x6F0..0x6FA)
            .filter_map(char::from_u32)
            .filter_map(|c| Some((c, raster(&outline_in(ARABIC, c)?)?)))
            .collect()
    })
}
