//! A line set tight, as a justified column squeezes a long line to fit: its letters touch
//! (or overlap, kerned) and its words stand only about a tenth of a size apart, with no
//! space drawn, narrower than [`super::WORD_GAP`]. Its words still part where the gap
//! stands clearly apart from the letters' own (`demonstrated to improve IDA. The`, not
//! `demonstratedtoimprove IDA.The`).

use super::Sep;
use crate::store::extract::pdf_glyphs::PageGlyphs;

/// The narrowest gap, in font sizes, that parts two words in a tight line.
const TIGHT_WORD_GAP: f32 = 0.1;
/// How close, in font sizes, the letters of a tight line stand (three gaps in four).
const TOUCHING: f32 = 0.02;

/// Turns the gaps that part words in a tight line into spaces.
pub(super) fn tight_words(page: &PageGlyphs, items: &mut [(u32, Sep)]) {
    if items.len() < 12 {
        return;
    }
    let glyph = |k: usize| &page.glyphs[items[k].0 as usize];
    let first = |k: usize| page.text(glyph(k)).first().copied();
    let last = |k: usize| page.text(glyph(k)).last().copied();
    // (A line the PDF draws its spaces in says itself where its words part.)
    if (1..items.len()).any(|k| glyph(k).space_before) {
        return;
    }
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let gap = |k: usize| {
        let (p, g) = (glyph(k - 1), glyph(k));
        (g.x0 - p.x1) / p.size.max(g.size)
    };
    let letters: Vec<usize> = (1..items.len())
        .filter(|&k| items[k].1 == Sep::None && letter(last(k - 1)) && letter(first(k)))
        .collect();
    let mut gaps: Vec<f32> = letters.iter().map(|&k| gap(k)).collect();
    gaps.sort_by(f32::total_cmp);
    let Some(&touching) = gaps.get(gaps.len() * 3 / 4) else {
        return;
    };
    if gaps.len() < 10 || touching > TOUCHING {
        return;
    }
    // Where a word may end: after a letter, a figure or a stop, before a letter or figure.
    let ends_word = |c: Option<char>| {
        c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | ';' | ':' | ')'))
    };
    let parts: Vec<usize> = (1..items.len())
        .filter(|&k| {
            items[k].1 == Sep::None
                && ends_word(last(k - 1))
                && first(k).is_some_and(|c| c.is_alphanumeric() || c == '(')
                && gap(k) >= TIGHT_WORD_GAP.max(touching + 0.08)
        })
        .collect();
    // The line's gaps already wide enough for a space that are as narrow as these: a line
    // whose word gaps stand about the width a space needs has some on each side of it.
    let spaced = (1..items.len())
        .filter(|&k| items[k].1 == Sep::Space && gap(k) < 2.0 * TIGHT_WORD_GAP)
        .count();
    // A justified line's word gaps are alike; a gap or two apart from the rest is a
    // letter's own (an italic `f` before the next letter, `conf igs`). Gaps this wide
    // between most letters are letters spaced out, not words.
    let (narrowest, widest) = parts
        .iter()
        .map(|&k| gap(k))
        .fold((f32::MAX, f32::MIN), |(lo, hi), w| (lo.min(w), hi.max(w)));
    if parts.is_empty()
        || parts.len() + spaced < 3
        || widest > 1.3 * narrowest
        || parts.len() * 3 > letters.len()
    {
        return;
    }
    for k in parts {
        items[k].1 = Sep::Space;
    }
}
