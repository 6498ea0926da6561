//! Table rows whose label is set over several lines around its figures, the same way on every
//! row: a census table names each place in three languages, one under another, its figures on
//! the middle line (`මිනුවන්තෙගො` / `மினுவங்ெகோட  56,287 …` / `Minuwangoda`). Read line by
//! line, each place's last name would stand just before the next place's figures. Where
//! the lines between every two rows are as many, and as many stand over the first row and
//! under the last, the lines are shared out the same way: each row's label is the lines
//! over it and under it that are its own, read before its figures.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::{Line, Sep};
use super::pdf_table::cell_edges;

/// How far apart, at most, two lines of one run of rows are set (in font sizes).
const CLOSE: f32 = 1.8;

/// The fewest rows whose label lines must show the pattern, on a page, before it is read so.
const ROWS: usize = 3;

/// Joins to each row of such a table the label lines around it that are its own.
pub fn join_stacked_labels(page: &PageGlyphs, lines: &mut Vec<Line>) {
    let runs = runs(page, lines);
    // The lines over and under each row, as the runs that show it agree.
    let mut pattern: Option<(usize, usize)> = None;
    let mut shown = 0;
    for run in &runs {
        let Some(p) = run.pattern() else { continue };
        if run.rows.len() >= 2 {
            if pattern.is_some_and(|q| q != p) {
                return;
            }
            pattern = Some(p);
            shown += run.rows.len();
        }
    }
    let Some((over, under)) = pattern else { return };
    if shown < ROWS || under == 0 {
        return;
    }
    // From the last, so that the earlier lines keep their places.
    for run in runs.iter().rev() {
        if run.pattern() != Some((over, under)) {
            continue;
        }
        for &row in run.rows.iter().rev() {
            let merged = joined(page, lines, row, over, under);
            lines.splice(row - over..=row + under, [merged]);
        }
    }
}

/// A run of a table's rows in one column, with label lines between them.
#[derive(Debug)]
struct Run {
    /// The lines before the first row.
    before: usize,
    /// The rows (indices into the lines).
    rows: Vec<usize>,
    /// The lines after the last row.
    after: usize,
}

impl Run {
    /// How many of the lines around each row are its own, over and under it, when every gap
    /// between two rows holds as many lines as stand over the first and under the last.
    fn pattern(&self) -> Option<(usize, usize)> {
        let between = self.before + self.after;
        let even = self.rows.windows(2).all(|w| w[1] - w[0] - 1 == between);
        (between > 0 && even).then_some((self.before, self.after))
    }
}

/// The runs of rows of a page's lines: a row has cells, starts with words at the left of
/// its cells, and the lines around it stand alone within its label's column, set close.
fn runs(page: &PageGlyphs, lines: &[Line]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((x, cells)) = row_label(page, &lines[i]) else {
            i += 1;
            continue;
        };
        // Back over the label lines before the first row.
        let label = |l: &Line, near: &Line| {
            !l.has_tab()
                && l.region == near.region
                && (l.x0 - x).abs() <= 1.5 * near.size
                && l.x1 < cells - 0.5 * near.size
                && (l.baseline - near.baseline).abs() <= CLOSE * l.size.max(near.size)
                && has_words(page, &l.items)
        };
        let mut start = i;
        while start > 0 && label(&lines[start - 1], &lines[start]) {
            start -= 1;
        }
        let mut rows = vec![i];
        let mut end = i;
        while let Some(next) = lines.get(end + 1) {
            let near = &lines[end];
            let close = next.region == near.region
                && (next.baseline - near.baseline).abs() <= CLOSE * next.size.max(near.size);
            if !close {
                break;
            }
            if row_label(page, next).is_some_and(|(nx, _)| (nx - x).abs() <= 1.5 * near.size) {
                rows.push(end + 1);
            } else if !label(next, near) {
                break;
            }
            end += 1;
        }
        let last = *rows.last().unwrap_or(&i);
        out.push(Run {
            before: i - start,
            rows,
            after: end - last,
        });
        i = end + 1;
    }
    out
}

/// The left edge of a row's label and of its second cell, when it is a row that starts with
/// words (read from its own lines, not from a grid's rules).
fn row_label(page: &PageGlyphs, line: &Line) -> Option<(f32, f32)> {
    if line.ruled || line.lead > 0 {
        return None;
    }
    let cut = line
        .items
        .iter()
        .position(|(_, sep)| matches!(sep, Sep::Tab | Sep::Cells(_)))?;
    let edges = cell_edges(page, line);
    let x = edges.first()?.0;
    let cells = edges[1..].iter().map(|e| e.0).fold(f32::MAX, f32::min);
    (has_words(page, &line.items[..cut]) && x < cells).then_some((x, cells))
}

/// Whether items hold a letter.
fn has_words(page: &PageGlyphs, items: &[(u32, Sep)]) -> bool {
    items.iter().any(|&(g, _)| {
        page.text(&page.glyphs[g as usize])
            .iter()
            .any(|c| c.is_alphabetic())
    })
}

/// The row at `row` with the `over` lines over it and the `under` lines under it in its
/// first cell, in the order they are set.
fn joined(page: &PageGlyphs, lines: &[Line], row: usize, over: usize, under: usize) -> Line {
    let r = &lines[row];
    let cut = r
        .items
        .iter()
        .position(|(_, sep)| matches!(sep, Sep::Tab | Sep::Cells(_)))
        .unwrap_or(r.items.len());
    let mut items: Vec<(u32, Sep)> = Vec::new();
    let add = |part: &[(u32, Sep)], items: &mut Vec<(u32, Sep)>| {
        for (k, &(g, sep)) in part.iter().enumerate() {
            let sep = if k == 0 && !items.is_empty() {
                Sep::Space
            } else {
                sep
            };
            items.push((g, sep));
        }
    };
    for l in &lines[row - over..row] {
        add(&l.items, &mut items);
    }
    add(&r.items[..cut], &mut items);
    for l in &lines[row + 1..=row + under] {
        add(&l.items, &mut items);
    }
    items.extend_from_slice(&r.items[cut..]);
    // The row last: the joined line stands on its baseline.
    let mut parts: Vec<&Line> = lines[row - over..=row + under].iter().collect();
    parts.retain(|l| !std::ptr::eq(*l, r));
    parts.push(r);
    Line::of_lines(page, items, 0, &parts, false)
}
