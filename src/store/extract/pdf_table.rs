//! Empty cells of PDF tables: a row with a blank cell draws nothing there, so its next values
//! would read as if they were in the columns before. The columns are taken from the rows that
//! fill them all, and a row with fewer cells gets an empty cell (one more tab) for each column
//! it skips, so every value stays under its heading.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::{Line, Sep};

/// The left and right edges of each cell of a table row, left to right; `None` when the row
/// does not read left to right.
fn cells(page: &PageGlyphs, line: &Line) -> Option<Vec<(f32, f32)>> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    for &(g, sep) in &line.items {
        let g = &page.glyphs[g as usize];
        match out.last_mut() {
            Some(last) if !matches!(sep, Sep::Tab | Sep::Cells(_)) => {
                last.0 = last.0.min(g.x0);
                last.1 = last.1.max(g.x1);
            }
            _ => out.push((g.x0, g.x1)),
        }
    }
    out.windows(2).all(|w| w[0].1 <= w[1].0).then_some(out)
}

/// Gives the rows of each table (lines in a row with cell gaps, in one column of the page) an
/// empty cell for each column they skip.
pub fn fill_empty_cells(page: &PageGlyphs, lines: &mut [Line]) {
    let mut start = 0;
    while start < lines.len() {
        let mut end = start;
        while end < lines.len() && lines[end].has_tab() && lines[end].region == lines[start].region
        {
            end += 1;
        }
        if end > start {
            fill_table(page, &mut lines[start..end]);
            start = end;
        } else {
            start += 1;
        }
    }
}

fn fill_table(page: &PageGlyphs, rows: &mut [Line]) {
    let Some(all) = rows
        .iter()
        .map(|r| cells(page, r))
        .collect::<Option<Vec<Vec<(f32, f32)>>>>()
    else {
        return;
    };
    let most = all.iter().map(Vec::len).max().unwrap_or(0);
    let full: Vec<&Vec<(f32, f32)>> = all.iter().filter(|c| c.len() == most).collect();
    if most < 3 || full.len() < 2 {
        return;
    }
    // Each column spans what its cells span in the full rows; they must not overlap.
    let columns: Vec<(f32, f32)> = (0..most)
        .map(|k| {
            full.iter().fold((f32::MAX, f32::MIN), |(l, r), c| {
                (l.min(c[k].0), r.max(c[k].1))
            })
        })
        .collect();
    if columns.windows(2).any(|w| w[0].1 > w[1].0) {
        return;
    }
    for (row, cs) in rows.iter_mut().zip(&all) {
        if cs.len() == most {
            continue;
        }
        let Some(at) = place(cs, &columns) else {
            continue;
        };
        // The first cell after a skipped column gets an extra tab per column skipped.
        let mut cell = 0;
        for (i, item) in row.items.iter_mut().enumerate() {
            let starts_cell = i == 0 || matches!(item.1, Sep::Tab | Sep::Cells(_));
            if !starts_cell {
                continue;
            }
            let skipped = if cell == 0 {
                at[0]
            } else {
                at[cell] - at[cell - 1] - 1
            };
            if cell == 0 {
                row.lead = skipped as u8;
            } else if skipped > 0 {
                item.1 = Sep::Cells(skipped.min(usize::from(u8::MAX)) as u8);
            }
            cell += 1;
        }
    }
}

/// The column of each cell (left to right, each in one column only), if every cell sits in
/// exactly one column and the columns increase.
fn place(cells: &[(f32, f32)], columns: &[(f32, f32)]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(cells.len());
    for &(l, r) in cells {
        let hit: Vec<usize> = (0..columns.len())
            .filter(|&k| l < columns[k].1 && r > columns[k].0)
            .collect();
        let [k] = hit.as_slice() else {
            return None;
        };
        if out.last().is_some_and(|&p| p >= *k) {
            return None;
        }
        out.push(*k);
    }
    Some(out)
}
