//! Letters down a page's margin that mark its passages for citing (`[608-F-G]`): law
//! reports such as India's Supreme Court Reports set `A` to `H` beside every page's text, so
//! that a passage is cited by page and letter. Read as text they land in the middle of
//! sentences (`There may also be A quarrels …`) and on lines of their own, so they are left
//! out, as line numbers are.

use super::pdf_glyphs::{Glyph, PageGlyphs};

/// The fewest letters running down one page's margin (`A`, `B`, `C`, `D`).
const FEWEST: usize = 4;

/// A capital letter standing alone in the margin: its glyph, letter and place.
#[derive(Debug, Clone, Copy)]
struct Mark {
    glyph: usize,
    letter: u8,
    middle: f32,
    baseline: f32,
}

/// Leaves out the letters marking passages in the pages' margins: on a page, capitals from
/// `A` on, each the next letter, one under another down the page in one column, each alone
/// on its line and beside all the page's other text on it; on two pages or more.
pub fn drop_margin_letters(pages: &mut [PageGlyphs]) {
    let found: Vec<Vec<usize>> = pages.iter().map(margin_letters).collect();
    if found.iter().filter(|f| !f.is_empty()).count() < 2 {
        return;
    }
    for (page, glyphs) in pages.iter_mut().zip(found) {
        super::pdf_line_numbers::drop_glyphs(page, &glyphs);
    }
}

/// The glyphs of a page's margin letters (sorted), if it has a run of them.
fn margin_letters(page: &PageGlyphs) -> Vec<usize> {
    let mut marks = marks_alone(page);
    marks.sort_by(|a, b| a.middle.total_cmp(&b.middle));
    let mut best: Vec<Mark> = Vec::new();
    for column in marks.chunk_by(|a, b| (a.middle - b.middle).abs() < 3.0) {
        let mut column = column.to_vec();
        column.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
        // From an `A`, each next letter further down.
        for (i, first) in column.iter().enumerate().filter(|(_, m)| m.letter == b'A') {
            let mut run = vec![*first];
            for m in &column[i + 1..] {
                if m.letter == run[run.len() - 1].letter + 1 {
                    run.push(*m);
                }
            }
            if run.len() > best.len() {
                best = run;
            }
        }
    }
    if best.len() < FEWEST {
        return Vec::new();
    }
    let mut out: Vec<usize> = best.iter().map(|m| m.glyph).collect();
    out.sort_unstable();
    out
}

/// The capitals `A` to `K` standing alone on a page, an em or more from any other glyph on
/// their line, all of which stand on one side of them (the margin beside the text).
fn marks_alone(page: &PageGlyphs) -> Vec<Mark> {
    let capital = |g: &Glyph| match page.text(g) {
        [c] if ('A'..='K').contains(c) => Some(*c as u8),
        _ => None,
    };
    let glyphs = &page.glyphs;
    let mut by_baseline: Vec<usize> = (0..glyphs.len()).collect();
    by_baseline.sort_by(|&a, &b| glyphs[a].baseline.total_cmp(&glyphs[b].baseline));
    let mut out = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        let Some(letter) = capital(g) else {
            continue;
        };
        let size = g.size;
        let from = by_baseline.partition_point(|&k| glyphs[k].baseline < g.baseline - 0.5 * size);
        let line: Vec<&Glyph> = by_baseline[from..]
            .iter()
            .take_while(|&&k| glyphs[k].baseline <= g.baseline + 0.5 * size)
            .filter(|&&k| k != i)
            .map(|&k| &glyphs[k])
            .collect();
        let left = line.iter().all(|o| o.x1 < g.x0 - size);
        let right = line.iter().all(|o| o.x0 > g.x1 + size);
        if left || right {
            out.push(Mark {
                glyph: i,
                letter,
                middle: (g.x0 + g.x1) / 2.0,
                baseline: g.baseline,
            });
        }
    }
    out
}
