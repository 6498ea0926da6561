//! Lam-alef drawn as one glyph and mapped to its lam alone. Some producers (LibreOffice's
//! PDF export among them) write a font's `ToUnicode` map with the lam-alef ligature (`لا`)
//! mapped to `ل`, so every reader takes `مقالات` for `مقالت` and `تلاش` for `تلش`. A glyph
//! mapped to `ل` whose shape is a lam-alef's, and not any form of the lam's, reads as the
//! two letters it draws.

use std::collections::HashMap;
use std::sync::OnceLock;

use hayro_interpret::font::OutlineGlyph;

use super::pdf_lookalikes::{ARABIC, Raster, likeness, outline_in, raster};

/// The Arabic letter lam.
pub const LAM: char = '\u{644}';

/// The lam's own forms: isolated, final, initial and medial.
const LAM_FORMS: [char; 4] = ['\u{FEDD}', '\u{FEDE}', '\u{FEDF}', '\u{FEE0}'];

/// The lam-alef ligatures (isolated and final forms) and the letters each draws.
const LAM_ALEFS: [(char, &str); 8] = [
    ('\u{FEFB}', "\u{644}\u{627}"),
    ('\u{FEFC}', "\u{644}\u{627}"),
    ('\u{FEF7}', "\u{644}\u{623}"),
    ('\u{FEF8}', "\u{644}\u{623}"),
    ('\u{FEF9}', "\u{644}\u{625}"),
    ('\u{FEFA}', "\u{644}\u{625}"),
    ('\u{FEF5}', "\u{644}\u{622}"),
    ('\u{FEF6}', "\u{644}\u{622}"),
];

/// How alike a glyph must look to a lam-alef to read as one.
const LIKE_LAM_ALEF: f32 = 0.7;
/// By how much more it must look like a lam-alef than like any form of the lam.
const MARGIN: f32 = 0.1;

/// The glyphs mapped to lam already looked at, by the key of their font program and glyph.
#[derive(Default)]
pub struct LamAlefs {
    read: HashMap<u128, Option<&'static str>>,
}

impl LamAlefs {
    /// What a glyph mapped to lam draws, when it is a lam-alef: the letters to read.
    pub fn letters(&mut self, glyph: &OutlineGlyph) -> Option<&'static str> {
        *self
            .read
            .entry(glyph.identifier().cache_key())
            .or_insert_with(|| read_shape(&raster(&glyph.outline())?))
    }
}

/// The letters a shape draws if it is a lam-alef's and not a lam's.
fn read_shape(shape: &Raster) -> Option<&'static str> {
    let (shapes, lams) = references();
    let lam = lams
        .iter()
        .map(|r| likeness(shape, r))
        .fold(0.0f32, f32::max);
    let (letters, like) = shapes
        .iter()
        .map(|(r, letters)| (*letters, likeness(shape, r)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    (like >= LIKE_LAM_ALEF && like >= lam + MARGIN).then_some(letters)
}

/// The lam-alefs' shapes with the letters each draws, and the shapes of the lam's forms.
type References = (Vec<(Raster, &'static str)>, Vec<Raster>);

/// The reference shapes, drawn once.
fn references() -> &'static References {
    static SHAPES: OnceLock<References> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let shape = |c: char| outline_in(ARABIC, c).and_then(|o| raster(&o));
        let lam_alefs = LAM_ALEFS
            .iter()
            .filter_map(|&(c, letters)| Some((shape(c)?, letters)))
            .collect();
        let lams = LAM_FORMS.iter().filter_map(|&c| shape(c)).collect();
        (lam_alefs, lams)
    })
}
