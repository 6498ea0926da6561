//! A paragraph's large first letter set down beside its first lines (a drop capital): drawn
//! on the baseline of its second or third line, it would be read there (`calable …` /
//! `Strapped atomic ions`). It is the first letter of the topmost line set beside it, which
//! starts a paragraph.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::{Line, Sep};

/// How much larger than its line's letters a drop capital is, at least.
pub const LARGER: f32 = 1.8;

/// Moves each drop capital to the start of the first line set beside it.
pub fn place_drop_caps(page: &PageGlyphs, lines: &mut [Line]) {
    for i in 0..lines.len() {
        let Some(&(cap, _)) = lines[i].items.first() else {
            continue;
        };
        let g = page.glyphs[cap as usize];
        let letter = matches!(page.text(&g), [c] if c.is_alphabetic() && !c.is_lowercase());
        let line = &lines[i];
        let next_x = line.items.get(1).map(|&(n, _)| page.glyphs[n as usize].x0);
        if !letter
            || g.size < LARGER * line.size
            || next_x.is_none_or(|x| x < g.x1 - 0.2 * line.size)
        {
            continue;
        }
        // The cap's top: its height is most of its size.
        let top = g.baseline - 0.75 * g.size;
        let beside = |l: &Line| {
            l.region == line.region
                && l.baseline < line.baseline
                && l.baseline > top
                && l.x0 >= g.x1 - 0.2 * line.size
                && l.x0 <= g.x1 + 2.0 * line.size
                && (l.size - line.size).abs() < 0.2 * line.size
        };
        let Some(target) = (0..i)
            .filter(|&k| beside(&lines[k]))
            .min_by(|&a, &b| lines[a].baseline.total_cmp(&lines[b].baseline))
        else {
            continue;
        };
        let from = &mut lines[i];
        from.items.remove(0);
        if let Some(first) = from.items.first_mut() {
            first.1 = Sep::None;
        }
        from.x0 = from
            .items
            .iter()
            .map(|&(k, _)| page.glyphs[k as usize].x0)
            .fold(f32::MAX, f32::min);
        if let Some(&(k, _)) = from.items.first() {
            from.ends.0 = page.glyphs[k as usize].size;
        }
        let to = &mut lines[target];
        if let Some(first) = to.items.first_mut() {
            first.1 = Sep::None;
        }
        // (Its first glyph's size is the cap's: the line starts a paragraph.)
        to.items.insert(0, (cap, Sep::None));
        to.x0 = to.x0.min(g.x0);
        to.ends.0 = g.size;
    }
}
