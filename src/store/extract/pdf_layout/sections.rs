//! Where a page set in columns turns: a white gap across both columns at one height is
//! either only a gap (each column is read to its end) or the end of a section read across
//! both columns before the next section starts; the words on either side of it tell which.

use super::{COLUMN_LINES, Fragment, WORD_GAP, column_cut, is_prose, median, span_x, widest_gaps};
use crate::store::extract::pdf_glyphs::PageGlyphs;

/// How many of a block's widest white gaps across it are tried as a section's end.
const SECTION_TRIES: usize = 6;
/// How many runs of rows sharing a white gap down them are tried as columns on a block
/// before the rest are only read row by row.
const RUN_TRIES: usize = 8;

/// A block set in columns split at a white gap across it where the part above reads across
/// its columns ([`reads_across`]), or is blocks side by side ([`heads_side_by_side`]): the
/// part above (as one part, or as its blocks left to right), then the part below.
pub(super) fn section_turn(
    page: &PageGlyphs,
    fragments: &[Fragment],
    block: &[usize],
    gutter: f32,
) -> Option<(Vec<Vec<usize>>, Vec<usize>)> {
    let size = median(block.iter().map(|&i| fragments[i].size).collect());
    let spans = block
        .iter()
        .map(|&i| (fragments[i].top, fragments[i].bottom));
    let found = widest_gaps(spans.collect(), 0.5 * size, SECTION_TRIES);
    found.into_iter().find_map(|(_, end)| {
        let (above, below): (Vec<usize>, Vec<usize>) =
            block.iter().partition(|&&i| fragments[i].top < end);
        if reads_across(page, fragments, &above, &below) {
            return Some((vec![above], below));
        }
        if let Some((first, next)) = heads_side_by_side(fragments, gutter, &above) {
            return Some((vec![first, next], below));
        }
        title_over(fragments, gutter, &above, &below).then(|| (vec![above], below))
    })
}

/// Whether `upper` is a page's title block over the columns of `lower`, beside the
/// journal's narrow margin column (`Original article` over the authors' addresses): a few
/// lines holding the largest type of the two, half as large again as `lower`'s text, over
/// a margin column left of `gutter`. It is read first, not after the margin column under
/// its label.
fn title_over(fragments: &[Fragment], gutter: f32, upper: &[usize], lower: &[usize]) -> bool {
    let largest = |part: &[usize]| part.iter().map(|&i| fragments[i].size).fold(0.0, f32::max);
    let size = |part: &[usize]| median(part.iter().map(|&i| fragments[i].size).collect());
    let width = |part: &[usize]| {
        let (x0, x1) = span_x(fragments, part);
        x1 - x0
    };
    // (Under it, a margin column: less than half as wide as the text beside it, set
    // smaller, the text prose or columns. Not two statements side by side, each under its
    // own title.)
    let (margin, text): (Vec<usize>, Vec<usize>) =
        lower.iter().partition(|&&i| fragments[i].x1 <= gutter);
    if margin.is_empty() || text.is_empty() {
        return false;
    }
    if width(&margin) >= 0.5 * width(&text)
        || size(&margin) >= 0.95 * size(&text)
        || !(is_prose(fragments, &text) || column_cut(fragments, &text).is_some())
    {
        return false;
    }
    !upper.is_empty()
        && lines_in(fragments, upper) <= 8
        && largest(upper) >= 1.5 * size(lower)
        && largest(upper) > largest(lower)
}

/// A part of a block set in columns that is blocks of centred lines side by side on the
/// same baselines (a paper's authors with their affiliations, one block per column, over
/// its text set in the same columns): its blocks, left and right, read before the columns
/// under them, each whole.
fn heads_side_by_side(
    fragments: &[Fragment],
    gutter: f32,
    part: &[usize],
) -> Option<(Vec<usize>, Vec<usize>)> {
    // The part parted where the block's columns are (`gutter`: the first column's right).
    let (first, next): (Vec<usize>, Vec<usize>) =
        part.iter().partition(|&&i| fragments[i].x1 <= gutter);
    let size = median(part.iter().map(|&i| fragments[i].size).collect());
    let a = centred_lines(fragments, &first)?;
    let b = centred_lines(fragments, &next)?;
    let level = a.len() >= 2
        && a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| (x - y).abs() <= 0.1 * size);
    level.then_some((first, next))
}

/// The baselines of a column's lines, top down, when they are centred on one middle and
/// not set flush at one edge.
fn centred_lines(fragments: &[Fragment], part: &[usize]) -> Option<Vec<f32>> {
    if part.is_empty() {
        return None;
    }
    let size = median(part.iter().map(|&i| fragments[i].size).collect());
    // Each line's edges, by its baseline.
    let mut lines: Vec<(f32, f32, f32)> = Vec::new();
    for &i in part {
        let f = &fragments[i];
        match lines
            .iter_mut()
            .find(|l| (l.0 - f.baseline).abs() < 0.3 * size)
        {
            Some(l) => {
                l.1 = l.1.min(f.x0);
                l.2 = l.2.max(f.x1);
            }
            None => lines.push((f.baseline, f.x0, f.x1)),
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let spread = |v: Vec<f32>| {
        let lo = v.iter().copied().fold(f32::MAX, f32::min);
        let hi = v.iter().copied().fold(f32::MIN, f32::max);
        hi - lo
    };
    let middles = spread(lines.iter().map(|l| l.1 + l.2).collect());
    let lefts = spread(lines.iter().map(|l| l.1).collect());
    (middles <= 2.0 * size && lefts > 2.0 * size).then(|| lines.iter().map(|l| l.0).collect())
}

/// Whether `upper`, set in columns, reads across them before `lower` starts: its first
/// column ends inside a sentence in a full line, its next column starts in small letters
/// (going on with it), or `lower` is set smaller, in a line of a few words, and `lower`
/// does not start in small letters (a heading, a new paragraph).
fn reads_across(
    page: &PageGlyphs,
    fragments: &[Fragment],
    upper: &[usize],
    lower: &[usize],
) -> bool {
    let Some((first, next)) = column_cut(fragments, upper) else {
        return false;
    };
    let lower_cut = column_cut(fragments, lower);
    // (Not where either column runs on through the gap at its own line spacing: a gap
    // across the page only where the other column has a heading, or ends a paragraph, is
    // no section's end.)
    // (Under the gap, each column's lines are those within its edges: a line or two there
    // need not read as columns.)
    let (gutter0, gutter1) = (span_x(fragments, &first).1, span_x(fragments, &next).0);
    let (lower_left, lower_right): (Vec<usize>, Vec<usize>) = lower
        .iter()
        .filter(|&&i| fragments[i].x1 <= gutter0 + 1.0 || fragments[i].x0 >= gutter1 - 1.0)
        .partition(|&&i| fragments[i].x1 <= gutter0 + 1.0);
    if runs_on_evenly(fragments, &next, &lower_right)
        || runs_on_evenly(fragments, &first, &lower_left)
    {
        return false;
    }
    let lower_first = match lower_cut {
        Some((a, _)) => a,
        None => lower.to_vec(),
    };
    let (Some(end), Some(start), Some(then)) = (
        edge_line(page, fragments, &first, true),
        edge_line(page, fragments, &next, false),
        edge_line(page, fragments, &lower_first, false),
    ) else {
        return false;
    };
    // Lines of prose: the first column's last line full (not a heading), the next one's
    // first line a few words (not a figure's label).
    let (_, right) = span_x(fragments, &first);
    if end.words < 4 || end.x1 < right - 2.0 * end.size || start.words < 3 {
        return false;
    }
    // A part set smaller under the columns (a paper's references at the foot of its last
    // page) follows them whole, whatever the next column's first word (`PARP1 activity …`).
    let size_of = |part: &[usize]| median(part.iter().map(|&i| fragments[i].size).collect());
    let smaller_under = size_of(lower) < 0.9 * size_of(upper);
    let (end, start, then) = (end.text, start.text, then.text);
    let small = |t: &str| t.starts_with(char::is_lowercase);
    // (Not an entry of a table of contents, its dot leaders reaching the page number.)
    let leaders = end.contains(". . .") || end.contains("....");
    let inside = !leaders
        && !end
            .trim_end()
            .ends_with(['.', ':', ';', '!', '?', '"', '\u{201D}', ')']);
    end.chars().any(char::is_alphabetic)
        && inside
        && (small(&start) || smaller_under)
        && !small(&then)
}

/// Whether a column's last lines above a gap (`above`: three, or two over two more in
/// `below`) go on in `below` at the spacing they keep among themselves: the column runs on
/// through the gap.
fn runs_on_evenly(fragments: &[Fragment], above: &[usize], below: &[usize]) -> bool {
    let baselines = |part: &[usize]| {
        let size = median(part.iter().map(|&i| fragments[i].size).collect());
        let mut b: Vec<f32> = part.iter().map(|&i| fragments[i].baseline).collect();
        b.sort_by(f32::total_cmp);
        b.dedup_by(|a, b| (*a - *b).abs() < 0.5 * size);
        b
    };
    let (up, down) = (baselines(above), baselines(below));
    let (Some(&last), Some(&first)) = (up.last(), down.first()) else {
        return false;
    };
    // The spacing of its last three lines over the gap (a paragraph's gap higher up is its
    // own); two are enough where the lines under the gap keep their spacing too (a box's
    // columns whose first lines end inside a sentence).
    let pitches: Vec<f32> = up[up.len().saturating_sub(3)..]
        .windows(2)
        .chain(down.windows(2).take(if up.len() < 3 { 2 } else { 0 }))
        .map(|w| w[1] - w[0])
        .collect();
    if up.len() < 2 || pitches.len() < 2 {
        return false;
    }
    let pitch = median(pitches.clone());
    let even = pitches.iter().all(|p| (p - pitch).abs() <= 0.1 * pitch);
    even && (first - last - pitch).abs() <= 0.1 * pitch
}

/// A part's last line (`last`) or first line: its text, words, right edge and size.
struct Edge {
    text: String,
    words: u32,
    x1: f32,
    size: f32,
}

/// The line (all fragments on one baseline) that ends a part or starts it.
fn edge_line(
    page: &PageGlyphs,
    fragments: &[Fragment],
    part: &[usize],
    last: bool,
) -> Option<Edge> {
    let baselines = part.iter().map(|&i| fragments[i].baseline);
    let at = if last {
        baselines.reduce(f32::max)?
    } else {
        baselines.reduce(f32::min)?
    };
    let mut line: Vec<&Fragment> = part
        .iter()
        .map(|&i| &fragments[i])
        .filter(|f| (f.baseline - at).abs() < 0.3 * f.size)
        .collect();
    line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let text: Vec<String> = line.iter().map(|f| words(page, &f.glyphs)).collect();
    Some(Edge {
        text: text.join(" "),
        words: line.iter().map(|f| f.words).sum(),
        x1: line.iter().map(|f| f.x1).fold(f32::MIN, f32::max),
        size: line.iter().map(|f| f.size).fold(0.0, f32::max),
    })
}

/// The text of glyphs drawn one after another, a space where a word space is.
pub(super) fn words(page: &PageGlyphs, glyphs: &[u32]) -> String {
    let mut out = String::new();
    let mut last: Option<&crate::store::extract::pdf_glyphs::Glyph> = None;
    for &k in glyphs {
        let g = &page.glyphs[k as usize];
        if last.is_some_and(|l| g.space_before || g.x0 - l.x1 > WORD_GAP * g.size) {
            out.push(' ');
        }
        out.extend(page.text(g));
        last = Some(g);
    }
    out
}

/// Rows of a cut joined again where the columns of one go on in the next: a white gap that
/// happens to cross both columns of a page at one height (a section's space in one, a
/// paragraph's in the other) is not where the page's reading turns; the left column is read
/// to its end before the right one. Only columns of several lines on both sides of the gap
/// (a table's rows, a line or three in each cell, keep their order), and not a band of
/// captions, each column's first line a caption, under the tables or figures they name.
/// Nor where the upper row reads across ([`reads_across`]). A row of short columns of
/// prose (two lines or more each: the end of a list item in one, a heading and the start of
/// a section in the other), or of prose beside a figure's few labels, goes on in tall ones
/// above or below it. Each pair of rows is
/// tested once, so a page of many rows costs a few passes over it.
pub(super) fn columns_through(
    page: &PageGlyphs,
    fragments: &[Fragment],
    rows: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    if rows.len() < 2 {
        return rows;
    }
    let rows = lines_in_columns(page, fragments, rows);
    let first_is_caption = |part: &[usize]| {
        part.iter()
            .map(|&i| &fragments[i])
            .min_by(|a, b| {
                a.baseline
                    .total_cmp(&b.baseline)
                    .then(a.x0.total_cmp(&b.x0))
            })
            .is_some_and(|f| f.caption)
    };
    let tall = |part: &[usize]| lines_in(fragments, part) >= COLUMN_LINES;
    let short_prose = |part: &[usize]| lines_in(fragments, part) >= 2 && is_prose(fragments, part);
    let labels = |part: &[usize]| {
        lines_in(fragments, part) <= 2
            && !is_prose(fragments, part)
            && part
                .iter()
                .all(|&i| fragments[i].words <= 3 && !fragments[i].caption)
    };
    // Whether each row is set in tall columns (or in short columns of prose), and whether it
    // is a band of captions.
    let cut: Vec<(Columns, bool)> = rows
        .iter()
        .map(|row| {
            match (lines_in(fragments, row) >= 2)
                .then(|| column_cut(fragments, row))
                .flatten()
            {
                Some((a, b)) if tall(&a) && tall(&b) => {
                    (Columns::Tall, first_is_caption(&a) && first_is_caption(&b))
                }
                Some((a, b)) if short_prose(&a) && short_prose(&b) => {
                    (Columns::Short, first_is_caption(&a) || first_is_caption(&b))
                }
                _ => (Columns::None, false),
            }
        })
        .collect();
    // A row of prose beside a figure's few labels (`50  50` on a pie chart), parted where
    // the tall columns above or below part, goes on with them too.
    let gutter = |k: usize| -> Option<(f32, f32)> {
        if cut.get(k)?.0 != Columns::Tall {
            return None;
        }
        let (a, b) = column_cut(fragments, &rows[k])?;
        let (l, r) = (span_x(fragments, &a), span_x(fragments, &b));
        (l.1 < r.0).then_some((l.1, r.0))
    };
    let cut: Vec<(Columns, bool)> = cut
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            if c.0 != Columns::None {
                return c;
            }
            let beside = k
                .checked_sub(1)
                .and_then(gutter)
                .or_else(|| gutter(k + 1))
                .is_some_and(|(a, b)| {
                    let row = &rows[k];
                    let (left, right): (Vec<usize>, Vec<usize>) =
                        row.iter().partition(|&&i| fragments[i].x1 <= a + 1.0);
                    right.iter().all(|&i| fragments[i].x0 >= b - 1.0)
                        && (short_prose(&left) && labels(&right)
                            || labels(&left) && short_prose(&right))
                });
            if beside { (Columns::Short, false) } else { c }
        })
        .collect();
    // A row of text on one side only of the gutter of the tall columns under it (the top
    // of the right column beside a figure that heads the left one, with no text of its
    // own) is the top of that column: it goes on with them, so the left column is read
    // first. So is each such row over it, on the same side.
    let mut tops = vec![None; rows.len()];
    for k in (0..rows.len().saturating_sub(1)).rev() {
        let under = if cut[k + 1].0 == Columns::Tall {
            gutter(k + 1)
        } else {
            tops[k + 1]
        };
        tops[k] = under.filter(|&(a, b)| {
            cut[k].0 == Columns::None
                && (rows[k].iter().all(|&i| fragments[i].x0 >= b - 1.0)
                    || rows[k].iter().all(|&i| fragments[i].x1 <= a + 1.0))
        });
    }
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(rows.len());
    for (k, row) in rows.iter().enumerate() {
        let column_top = k > 0 && tops[k - 1].is_some();
        let goes_on = k > 0
            && !cut[k - 1].1
            && (column_top
                || matches!(
                    (cut[k - 1].0, cut[k].0),
                    (Columns::Tall, Columns::Tall | Columns::Short)
                        | (Columns::Short, Columns::Tall)
                ))
            && !reads_across(page, fragments, &rows[k - 1], row)
            && (column_top || {
                let pair: Vec<usize> = rows[k - 1].iter().chain(row).copied().collect();
                column_cut(fragments, &pair).is_some()
            });
        match out.last_mut() {
            Some(last) if goes_on => last.extend_from_slice(row),
            _ => out.push(row.clone()),
        }
    }
    out
}

/// Rows of a few lines each that stand, one under another, on both sides of one white gap
/// down them, joined into one row where together they read as columns of prose: a box's
/// two columns of small type under its title, whose line gaps are as wide as the title's,
/// are cut into lines along with it, and would be read line by line across both columns.
/// (Rows set in tall columns each are left to [`columns_through`].)
fn lines_in_columns(
    page: &PageGlyphs,
    fragments: &[Fragment],
    rows: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    let tall = |part: &[usize]| lines_in(fragments, part) >= COLUMN_LINES;
    let short: Vec<bool> = rows
        .iter()
        .map(|r| !column_cut(fragments, r).is_some_and(|(a, b)| tall(&a) && tall(&b)))
        .collect();
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(rows.len());
    let mut k = 0;
    let mut failed = 0;
    while k < rows.len() {
        let end = shared_gutter_run(fragments, &rows, &short, k);
        if end - k >= 2 {
            let run: Vec<usize> = rows[k..end].iter().flatten().copied().collect();
            if column_cut(fragments, &run).is_some_and(|(a, b)| {
                justified(page, fragments, &a) && justified(page, fragments, &b)
            }) {
                out.push(run);
                k = end;
                continue;
            }
        }
        // (A run that does not read as columns is tried again from its next row, but only a
        // few times on a block: a long table's rows share their column gaps.)
        let next = if end - k >= 2 {
            failed += 1;
            if failed > RUN_TRIES { end } else { k + 1 }
        } else {
            k + 1
        };
        out.extend(rows[k..next].iter().cloned());
        k = next;
    }
    out
}

/// Whether a column is set justified, in lines of prose: five lines or more, half of them
/// full (from its left edge to its right, within an em) and of four words or more,
/// most of its glyphs letters. (Not a program's lines beside their comments, a form's
/// fields, nor a table's cells of figures.)
fn justified(page: &PageGlyphs, fragments: &[Fragment], column: &[usize]) -> bool {
    let glyphs = column.iter().flat_map(|&i| fragments[i].glyphs.iter());
    let (letters, all) = glyphs.fold((0usize, 0usize), |(l, a), &g| {
        let start = page.glyphs[g as usize].text as usize;
        let letter = page.chars.get(start).is_some_and(|c| c.is_alphabetic());
        (l + usize::from(letter), a + 1)
    });
    if 3 * letters < 2 * all {
        return false;
    }
    let size = median(column.iter().map(|&i| fragments[i].size).collect());
    let (left, right) = span_x(fragments, column);
    let mut parts: Vec<&Fragment> = column.iter().map(|&i| &fragments[i]).collect();
    parts.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    // Each line: its left and right edges and its words.
    let mut lines: Vec<(f32, f32, u32, f32)> = Vec::new();
    for f in parts {
        match lines.last_mut() {
            Some(l) if (f.baseline - l.3).abs() < 0.5 * size => {
                l.0 = l.0.min(f.x0);
                l.1 = l.1.max(f.x1);
                l.2 += f.words;
            }
            _ => lines.push((f.x0, f.x1, f.words, f.baseline)),
        }
    }
    let full = lines
        .iter()
        .filter(|l| l.0 <= left + size && l.1 >= right - size && l.2 >= 4)
        .count();
    lines.len() >= COLUMN_LINES && 2 * full >= lines.len()
}

/// The end of the run of `short` rows from `start` on that keep a white gap, at least an
/// em wide, open at one place between their fragments (`start` itself when its row has no
/// such gap). Each row narrows the gap to the white between its fragments either side of
/// it; a row whose fragments all stand to one side of it keeps it open.
fn shared_gutter_run(
    fragments: &[Fragment],
    rows: &[Vec<usize>],
    short: &[bool],
    start: usize,
) -> usize {
    if !short[start] {
        return start;
    }
    let size = median(rows[start].iter().map(|&i| fragments[i].size).collect());
    let mut row: Vec<&Fragment> = rows[start].iter().map(|&i| &fragments[i]).collect();
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // The white gaps between the first row's fragments.
    let mut open: Vec<(f32, f32)> = row
        .windows(2)
        .map(|w| (w[0].x1, w[1].x0))
        .filter(|(a, b)| b - a >= size)
        .collect();
    let mut end = start;
    while end < rows.len() && short[end] && !open.is_empty() {
        for gap in &mut open {
            for &i in &rows[end] {
                let f = &fragments[i];
                if f.x1 > gap.0 && f.x0 < gap.1 {
                    if f.x0 + f.x1 < gap.0 + gap.1 {
                        gap.0 = f.x1;
                    } else {
                        gap.1 = f.x0;
                    }
                }
            }
        }
        open.retain(|(a, b)| b - a >= size);
        if open.is_empty() {
            break;
        }
        end += 1;
    }
    end
}

/// How a row of a page is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Columns {
    /// In columns of several lines each.
    Tall,
    /// In columns of two or more lines of prose each.
    Short,
    /// Otherwise.
    None,
}

/// How many lines (baselines) fragments stand on.
fn lines_in(fragments: &[Fragment], part: &[usize]) -> usize {
    let mut baselines: Vec<f32> = part.iter().map(|&i| fragments[i].baseline).collect();
    baselines.sort_by(f32::total_cmp);
    let size = median(part.iter().map(|&i| fragments[i].size).collect());
    baselines.dedup_by(|a, b| (*a - *b).abs() < 0.5 * size);
    baselines.len()
}
