//! The rows of a right-to-left table in reading order. A table's cells are found left to
//! right, as the page sets them; an Arabic or Hebrew table is read from its right edge (a
//! list's rank, its name, then its figures, the total last). So each row of a table whose
//! words are mostly right to left has its cells put in that order, the empty cells with
//! them: its first cell is the rightmost on the page, and shown right to left the row
//! stands as the page does.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::{Line, Sep};
use crate::core::bidi::rtl_script;

/// Puts the cells of the rows of each right-to-left table of a page (lines with cells, one
/// after another in one column) in reading order, from the right.
pub fn read_from_the_right(page: &PageGlyphs, lines: &mut [Line]) {
    let mut start = 0;
    while start < lines.len() {
        if !lines[start].has_tab() {
            start += 1;
            continue;
        }
        let region = lines[start].region;
        let end = (start..lines.len())
            .find(|&i| !lines[i].has_tab() || lines[i].region != region)
            .unwrap_or(lines.len());
        // The table's rows may go on after a line or two without cells (a group's label,
        // `الموجودات`, under the dates heading the figures): their columns count too, so a
        // heading over the figures only stands over them.
        let width = |rows: &[Line]| {
            rows.iter()
                .map(|r| cells(r).last().map_or(0, |(k, _)| k + 1))
                .max()
                .unwrap_or(0)
        };
        let resumes = (end..lines.len().min(end + 3))
            .take_while(|&i| lines[i].region == region)
            .find(|&i| lines[i].has_tab());
        let after = resumes.map_or(end..end, |from| {
            let to = (from..lines.len())
                .find(|&i| !lines[i].has_tab() || lines[i].region != region)
                .unwrap_or(lines.len());
            from..to
        });
        let ahead_rtl = mostly_right_to_left(page, &lines[after.clone()]);
        let ahead = if ahead_rtl {
            width(&lines[after.clone()])
        } else {
            0
        };
        let columns = width(&lines[start..end]).max(ahead);
        // The left edges of a full row's cells, to place a row of fewer cells under them.
        let full = lines[start..end]
            .iter()
            .chain(&lines[after])
            .find(|r| cells(r).len() == columns)
            .map(|r| cell_lefts(page, r));
        let rows = &mut lines[start..end];
        // (Rows of figures alone, the years over a table's columns, go with the rows under
        // them.)
        let rtl = mostly_right_to_left(page, rows) || (ahead_rtl && !has_letters(page, rows));
        if rtl {
            for row in rows.iter_mut() {
                // (A row already read from the right, as a line of a form may be, stays.)
                let lefts = cell_lefts(page, row);
                if lefts.windows(2).all(|w| w[0] < w[1]) {
                    reverse_cells(row, columns);
                } else if row.lead == 0
                    && cells(row).len() < columns
                    && let (Some(full), Some(first)) = (&full, first_cell_right(page, row))
                {
                    // A row already read from the right with fewer cells (the dates over
                    // the figures): the full row's cells wholly right of its first cell are
                    // empty in it.
                    let before = full.iter().filter(|&&x| x > first).count();
                    row.lead = u8::try_from(before).unwrap_or(u8::MAX);
                }
            }
        }
        start = end;
    }
}

/// Whether the rows hold any letter.
fn has_letters(page: &PageGlyphs, rows: &[Line]) -> bool {
    rows.iter().any(|row| {
        row.items.iter().any(|&(g, _)| {
            page.text(&page.glyphs[g as usize])
                .iter()
                .any(|c| c.is_alphabetic())
        })
    })
}

/// The left edge of each of a row's cells.
fn cell_lefts(page: &PageGlyphs, row: &Line) -> Vec<f32> {
    cells(row)
        .iter()
        .filter_map(|(_, items)| {
            items
                .iter()
                .map(|&(g, _)| page.glyphs[g as usize].x0)
                .min_by(f32::total_cmp)
        })
        .collect()
}

/// The right edge of a row's first cell (in reading order).
fn first_cell_right(page: &PageGlyphs, row: &Line) -> Option<f32> {
    let cells = cells(row);
    let (_, items) = cells.first()?;
    items
        .iter()
        .map(|&(g, _)| page.glyphs[g as usize].x1)
        .max_by(f32::total_cmp)
}

/// Whether more of the rows' letters are right to left than left to right.
fn mostly_right_to_left(page: &PageGlyphs, rows: &[Line]) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for row in rows {
        for &(g, _) in &row.items {
            for &c in page.text(&page.glyphs[g as usize]) {
                if !c.is_alphabetic() {
                    continue;
                }
                if rtl_script(c).is_some() {
                    rtl += 1;
                } else {
                    ltr += 1;
                }
            }
        }
    }
    rtl > ltr
}

/// A row's cells: each one's column and its items.
fn cells(row: &Line) -> Vec<(usize, Vec<(u32, Sep)>)> {
    let mut out: Vec<(usize, Vec<(u32, Sep)>)> = Vec::new();
    let mut k = usize::from(row.lead);
    for (i, &(g, sep)) in row.items.iter().enumerate() {
        let skip = match sep {
            Sep::Tab if i > 0 => 1,
            Sep::Cells(n) if i > 0 => usize::from(n) + 1,
            _ => 0,
        };
        k += skip;
        match out.last_mut() {
            Some((at, items)) if *at == k => items.push((g, sep)),
            _ => out.push((k, vec![(g, Sep::None)])),
        }
    }
    out
}

/// Rewrites a row of a table of `columns` columns with its cells from the right.
fn reverse_cells(row: &mut Line, columns: usize) {
    let cells = cells(row);
    let mut items = Vec::with_capacity(row.items.len());
    let mut previous: Option<usize> = None;
    for (k, cell) in cells.into_iter().rev() {
        let at = columns.saturating_sub(k + 1);
        let mut cell = cell.into_iter();
        let Some((g, _)) = cell.next() else {
            continue;
        };
        let sep = match previous {
            None => {
                row.lead = at.min(usize::from(u8::MAX)) as u8;
                Sep::None
            }
            Some(p) => super::pdf_table::separator(p, at),
        };
        items.push((g, sep));
        items.extend(cell);
        previous = Some(at);
    }
    row.items = items;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(lead: u8, items: &[Sep]) -> Line {
        Line {
            items: items
                .iter()
                .enumerate()
                .map(|(i, &s)| (i as u32, s))
                .collect(),
            x0: 0.0,
            x1: 0.0,
            baseline: 0.0,
            size: 10.0,
            ends: (10.0, 10.0),
            region: 0,
            bounds: (0.0, 100.0),
            lead,
            labelled: false,
            ruled: false,
            in_grid: false,
            turned: Vec::new(),
            broken: Vec::new(),
        }
    }

    #[test]
    fn a_rows_cells_come_from_the_right_with_its_empty_cells() {
        // Cells a b | c || d in four columns (a blank third column): from the right, d, the
        // blank, c, then a b.
        let mut r = row(0, &[Sep::None, Sep::Space, Sep::Tab, Sep::Cells(1)]);
        reverse_cells(&mut r, 4);
        assert_eq!(r.lead, 0);
        assert_eq!(
            r.items,
            vec![
                (3, Sep::None),
                (2, Sep::Cells(1)),
                (0, Sep::Tab),
                (1, Sep::Space)
            ]
        );
        // A row with its first column empty ends with an empty cell after the reversal.
        let mut r = row(1, &[Sep::None, Sep::Tab]);
        reverse_cells(&mut r, 4);
        assert_eq!(r.lead, 1);
        assert_eq!(r.items, vec![(1, Sep::None), (0, Sep::Tab)]);
    }
}
