//! How wide a glyph is drawn when its PDF font gives every glyph the default width: a
//! composite font without a widths array (`/W`) says 1,000 units for each glyph, and the
//! producer places the glyphs one by one; the font program's own metrics (`hmtx`) say how
//! wide each glyph is, so the gaps between words can be told from the gaps between letters.

use std::collections::HashMap;

use hayro_interpret::font::OutlineGlyph;
use skrifa::raw::types::GlyphId;
use skrifa::raw::{FontRef, TableProvider as _};

/// The width a PDF gives a glyph it says nothing about (`/DW`'s default), in 1/1000 em.
const DEFAULT_WIDTH: f32 = 1000.0;

/// The advance of each glyph of each font program (by its content key), in 1/1000 em;
/// `None` for a font without readable metrics.
#[derive(Default)]
pub struct FontAdvances {
    fonts: HashMap<u128, Option<Vec<f32>>>,
}

impl FontAdvances {
    /// The glyph's width in 1/1000 em: the PDF's `advance`, or, when that is the default
    /// width and the font program says the glyph is narrower, the font program's.
    pub fn width(&mut self, glyph: &OutlineGlyph, advance: f32) -> f32 {
        if advance != DEFAULT_WIDTH {
            return advance;
        }
        let Some(data) = glyph.font_data() else {
            return advance;
        };
        let advances = self
            .fonts
            .entry(data.cache_key)
            .or_insert_with(|| advances((*data.data).as_ref()));
        let own = advances
            .as_ref()
            .and_then(|a| a.get(glyph.glyph_id().to_u32() as usize).copied());
        match own {
            Some(w) if w > 0.0 && w < advance => w,
            _ => advance,
        }
    }
}

/// Every glyph's advance in a font program, scaled to 1/1000 em.
fn advances(data: &[u8]) -> Option<Vec<f32>> {
    let font = FontRef::new(data).ok()?;
    let per_em = f32::from(font.head().ok()?.units_per_em());
    if per_em <= 0.0 {
        return None;
    }
    let count = font.maxp().ok()?.num_glyphs();
    let hmtx = font.hmtx().ok()?;
    Some(
        (0..u32::from(count))
            .map(|g| {
                hmtx.advance(GlyphId::new(g))
                    .map_or(0.0, |a| f32::from(a) * 1000.0 / per_em)
            })
            .collect(),
    )
}
