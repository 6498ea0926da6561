//! Words drawn large across the page's lines of text, over or behind them (a court's
//! preliminary print stamped `Page Proof Pending Publication` on every page): a watermark,
//! not part of what the page says. Read as text, it would be glued into the sentences it
//! crosses (`Publicationunder Rule 60(b)(6)`). A heading or a drop capital stands apart from
//! the lines around it; a watermark's letters stand on them.

use super::pdf_glyphs::{Glyph, PageGlyphs};

/// How many times the page's usual type a watermark is set, at least.
const LARGER: f32 = 1.8;
/// The most large glyphs of a page looked at (a page all set large is no watermark's).
const MOST: usize = 2000;

/// Which of the page's glyphs are a watermark's: the glyphs of a run set large on one
/// baseline, a third or more of which stand on smaller glyphs.
pub fn watermark(page: &PageGlyphs, usual: f32) -> Vec<bool> {
    let mut out = vec![false; page.glyphs.len()];
    let large: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| page.glyphs[i].size >= LARGER * usual)
        .collect();
    if large.is_empty() || large.len() > MOST {
        return out;
    }
    // The large glyphs by their run: one size, one baseline.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in &large {
        let g = &page.glyphs[i];
        match runs.iter_mut().find(|run| {
            let first = &page.glyphs[run[0]];
            (first.size - g.size).abs() < 0.05 * g.size
                && (first.baseline - g.baseline).abs() < 0.2 * g.size
        }) {
            Some(run) => run.push(i),
            None => runs.push(vec![i]),
        }
    }
    let inked = |g: &Glyph| (g.x0, g.x1, g.baseline - 0.7 * g.size, g.baseline);
    for run in runs {
        let over = run
            .iter()
            .filter(|&&i| {
                let (x0, x1, top, bottom) = inked(&page.glyphs[i]);
                page.glyphs.iter().any(|s| {
                    let (sx0, sx1, stop, sbottom) = inked(s);
                    s.size < 0.6 * page.glyphs[i].size
                        && sx0 < x1
                        && x0 < sx1
                        && stop < bottom
                        && top < sbottom
                })
            })
            .count();
        if 3 * over >= run.len() {
            for i in run {
                out[i] = true;
            }
        }
    }
    out
}
