//! Figures set small and raised right after a figure (an exponent, `10`⁹, or a note's
//! number after a year, `1900`²³) read as superscript figures: read as figures they would
//! make another number (`109`, `190023`), and a space between them would part one number
//! into two.

use super::pdf_glyphs::{Glyph, PageGlyphs};

/// The superscript form of each ASCII digit.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Rewrites as superscripts the digits drawn smaller and raised right after a digit set on
/// the line (and the digits drawn after them at their height and size).
pub fn raise_figures(page: &mut PageGlyphs) {
    let digit = |page: &PageGlyphs, g: &Glyph| {
        let t = page.text(g);
        t.len() == 1 && t[0].is_ascii_digit()
    };
    let mut raised: Vec<usize> = Vec::new();
    // Whether the glyph before is a raised figure.
    let mut in_run = false;
    for i in 1..page.glyphs.len() {
        let (p, g) = (&page.glyphs[i - 1], &page.glyphs[i]);
        if !digit(page, g) {
            in_run = false;
            continue;
        }
        let close = (g.x0 - p.x1).abs() < 0.3 * p.size.max(g.size);
        // The run goes on at the raised figures' height and size.
        let goes_on = in_run
            && close
            && (p.size - g.size).abs() < 0.05 * p.size
            && (p.baseline - g.baseline).abs() < 0.05 * p.size;
        let starts = digit(page, p)
            && close
            && g.size < 0.85 * p.size
            && p.baseline - g.baseline > 0.2 * p.size
            && p.baseline - g.baseline < 0.8 * p.size;
        in_run = starts || goes_on;
        if in_run {
            raised.push(i);
        }
    }
    for i in raised {
        let at = page.glyphs[i].text as usize;
        if let Some(c) = page.chars.get_mut(at)
            && let Some(d) = c.to_digit(10)
        {
            *c = SUPERSCRIPTS[d as usize];
        }
    }
}
