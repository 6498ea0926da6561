//! How wide a glyph is drawn when its PDF font gives every glyph the default width: a
//! composite font without a widths array (`/W`) says 1,000 units for each glyph, and the
//! producer places the glyphs one by one; the font program's own metrics (`hmtx`) say how
//! wide each glyph is, so the gaps between words can be told from the gaps between letters.

use std::collections::HashMap;

use hayro_interpret::font::{FontData, OutlineGlyph};
use skrifa::raw::types::GlyphId;
use skrifa::raw::{FontRef, TableProvider as _};

/// The width a PDF gives a glyph it says nothing about (`/DW`'s default), in 1/1000 em.
const DEFAULT_WIDTH: f32 = 1000.0;

/// The font programs of a page's glyphs and the widths looked up in them.
#[derive(Default)]
pub struct FontAdvances {
    /// Per font program (by its content key): its data and units per em, or `None` for a
    /// font without readable metrics (not TrueType or OpenType, or damaged).
    fonts: HashMap<u128, Option<(FontData, f32)>>,
    /// Per font program and glyph: its advance in 1/1000 em (0 when unknown).
    glyphs: HashMap<(u128, u32), f32>,
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
        let key = (data.cache_key, glyph.glyph_id().to_u32());
        let own = match self.glyphs.get(&key) {
            Some(&w) => w,
            None => {
                let font = self
                    .fonts
                    .entry(data.cache_key)
                    .or_insert_with(|| per_em((*data.data).as_ref()).map(|e| (data.data, e)));
                let w = font
                    .as_ref()
                    .and_then(|(bytes, per_em)| own_advance((**bytes).as_ref(), key.1, *per_em))
                    .unwrap_or(0.0);
                self.glyphs.insert(key, w);
                w
            }
        };
        if own > 0.0 && own < advance {
            own
        } else {
            advance
        }
    }
}

/// A font program's units per em, if it is a TrueType or OpenType font that can be read.
fn per_em(data: &[u8]) -> Option<f32> {
    let font = FontRef::new(data).ok()?;
    let per_em = f32::from(font.head().ok()?.units_per_em());
    (per_em > 0.0 && font.hmtx().is_ok()).then_some(per_em)
}

/// A glyph's advance in a font program, scaled to 1/1000 em.
fn own_advance(data: &[u8], glyph: u32, per_em: f32) -> Option<f32> {
    let font = FontRef::new(data).ok()?;
    if glyph >= u32::from(font.maxp().ok()?.num_glyphs()) {
        return None;
    }
    let advance = font.hmtx().ok()?.advance(GlyphId::new(glyph))?;
    Some(f32::from(advance) * 1000.0 / per_em)
}
