//! Text painted over: a glyph drawn and then covered whole by an opaque rectangle filled
//! after it (a page template's words under a box that a later layer writes on), or by an
//! opaque picture (a map over a source line left from its template), is not on the page as
//! a reader sees it.

use hayro_interpret::kurbo::{BezPath, Rect, Shape};
use hayro_interpret::{BlendMode, DrawMode, DrawProps, Image, ImageDrawProps, Paint};

use super::pdf_glyphs::Glyph;

/// At most this many glyphs are looked at, in all, for the rectangles a page fills over
/// them (a chart draws thousands of filled boxes over its labels; past this, the rest
/// cover nothing), so a page's time stays bounded.
const MOST_LOOKS: usize = 4_000_000;

/// What a page's transparency groups let through, and how much looking for covered
/// glyphs its filled rectangles have cost.
#[derive(Debug, Default)]
pub struct Covers {
    /// How many glyphs have been looked at so far.
    looked: usize,
    /// For each transparency group open, whether what it draws can be seen through.
    groups: Vec<bool>,
}

impl Covers {
    /// Notes a transparency group opened.
    pub fn push_group(&mut self, opacity: f32, masked: bool, blend: BlendMode) {
        self.groups
            .push(opacity < 0.99 || masked || !matches!(blend, BlendMode::Normal));
    }

    /// Notes a transparency group closed.
    pub fn pop_group(&mut self) {
        self.groups.pop();
    }

    /// The part of the page a path filled within `clip` after `drawn` glyphs covers: an
    /// opaque rectangle, in a plain colour drawn normally.
    pub fn cover(
        &mut self,
        path: &BezPath,
        props: &DrawProps<'_>,
        mode: &DrawMode,
        clip: Option<Rect>,
        drawn: usize,
    ) -> Option<Rect> {
        if self.looked + drawn > MOST_LOOKS
            || !matches!(mode, DrawMode::Fill(_) | DrawMode::FillAndStroke(..))
            || props.soft_mask.is_some()
            || !matches!(props.blend_mode, BlendMode::Normal)
            || self.groups.iter().any(|&through| through)
        {
            return None;
        }
        let Paint::Color(c) = &props.paint else {
            return None;
        };
        if c.to_rgba().to_rgba8()[3] < 250 {
            return None;
        }
        let shape = props.transform * path.clone();
        let b = shape.bounding_box();
        // (A rectangle: its area is its box's.)
        if b.area() < 1.0 || (shape.area().abs() - b.area()).abs() > 0.01 * b.area() {
            return None;
        }
        let seen = match clip {
            Some(c) => c.intersect(b),
            None => b,
        };
        (seen.area() > 0.0).then(|| {
            self.looked += drawn;
            seen
        })
    }
}

/// A picture covering at least this share of its page covers no text: a scanned page is
/// drawn over the text recognised in it, which is the page's only text.
const MOST_PICTURE: f64 = 0.5;

impl Covers {
    /// The part of the page an image drawn over `area` within `clip` after `drawn` glyphs
    /// covers: an opaque picture (no mask, no transparency) set upright, over less than
    /// half of the page (of `page` points square).
    pub fn picture(
        &mut self,
        image: &Image<'_, '_>,
        props: &ImageDrawProps<'_>,
        area: Rect,
        clip: Option<Rect>,
        page: f64,
        drawn: usize,
    ) -> Option<Rect> {
        let Image::Raster(raster) = image else {
            return None;
        };
        let dict = raster.stream().dict();
        let masked = [&b"SMask"[..], b"Mask", b"SMaskInData", b"ImageMask"]
            .iter()
            .any(|key| dict.contains_key(key));
        let [a, b, c, d, _, _] = props.transform.as_coeffs();
        let upright = b.abs() < 1e-6 * a.abs() && c.abs() < 1e-6 * d.abs();
        if masked
            || !upright
            || self.looked + drawn > MOST_LOOKS
            || props.soft_mask.is_some()
            || !matches!(props.blend_mode, BlendMode::Normal)
            || self.groups.iter().any(|&through| through)
        {
            return None;
        }
        let seen = match clip {
            Some(c) => c.intersect(area),
            None => area,
        };
        (seen.area() > 1.0 && seen.area() < MOST_PICTURE * page).then(|| {
            self.looked += drawn;
            seen
        })
    }
}

/// Whether a glyph stands wholly inside a rectangle (its letters' height, within half a
/// point).
pub fn covered(g: &Glyph, r: Rect) -> bool {
    let (top, bottom) = (g.baseline - 0.6 * g.size, g.baseline);
    f64::from(g.x0) >= r.x0 - 0.5
        && f64::from(g.x1) <= r.x1 + 0.5
        && f64::from(top) >= r.y0 - 0.5
        && f64::from(bottom) <= r.y1 + 0.5
}
