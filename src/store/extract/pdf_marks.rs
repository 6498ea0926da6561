//! Star-page marks: the page's own number set before its first line (`[*2]`, as the Tax
//! Court prints its opinions). Read into the text they would split the sentence that runs
//! on from the page before, so they are left out; the line keeps its left edge, so it still
//! reads as going on (not as an indented new paragraph).

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::{Line, Sep};

/// How far down the page (a share of its height) a star-page mark can stand.
const TOP_SHARE: f32 = 0.3;

/// Leaves out each line's leading `[*N]` near the top of the page.
pub fn drop_star_page_marks(page: &PageGlyphs, lines: &mut [Line]) {
    for line in lines {
        if line.baseline > TOP_SHARE * page.height || line.lead > 0 {
            continue;
        }
        if let Some(end) = mark_end(page, line) {
            line.items.drain(..end);
            if let Some(first) = line.items.first_mut() {
                // A table's row keeps its first cells empty where the mark stood.
                line.lead = match first.1 {
                    Sep::Tab => 1,
                    Sep::Cells(n) => n.saturating_add(1),
                    Sep::None | Sep::Space => 0,
                };
                first.1 = Sep::None;
            }
        }
    }
}

/// The number of items a leading `[*N]` takes, when the line starts with one set apart from
/// the words after it.
fn mark_end(page: &PageGlyphs, line: &Line) -> Option<usize> {
    let text = |k: usize| -> Option<&[char]> {
        line.items
            .get(k)
            .map(|&(g, _)| page.text(&page.glyphs[g as usize]))
    };
    let joined = |k: usize| line.items.get(k).is_some_and(|&(_, s)| s == Sep::None);
    if text(0)? != ['['] || text(1)? != ['*'] || !joined(1) {
        return None;
    }
    let mut k = 2;
    while joined(k) && text(k)?.iter().all(char::is_ascii_digit) {
        k += 1;
    }
    if k == 2 || text(k)? != [']'] || !joined(k) {
        return None;
    }
    // Words follow, a space away.
    let next = line.items.get(k + 1)?;
    (next.1 != Sep::None).then_some(k + 1)
}
