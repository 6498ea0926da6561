//! Tables ruled only across: rules of one width set one under another between a table's
//! rows, with no rules down between its columns (a sentencing table, a survey's items). The
//! lines between two rules are one row when they are a row's cells wrapped (a label over two
//! lines, an offense's name under its group), each cell's lines one after another, the
//! columns taken from the cells of the table's lines. Under a row of headings drawn as a
//! grid as wide as its rules (each heading in its box), the rules part the table's rows and
//! the headings' boxes its columns: each row is read whole, its cells' lines one after
//! another (`Americas⇥804 735 (35%)⇥6%⇥…`, each figure over its share).

use super::pdf_glyphs::PageGlyphs;
use super::pdf_grid::{Grid, Placed, glyph_middle, row_line, rows_of_placed};
use super::pdf_layout::Line;
use super::pdf_layout::Sep;
use super::pdf_rules::Rule;
use super::pdf_table::cell_edges;

/// Ends of rule pieces closer than this (points) make one rule; rules whose ends are this
/// close are of one width.
const TOUCH: f32 = 3.0;
/// A rule shorter than this (points) is not a table's.
const SHORTEST: f32 = 60.0;
/// Rules farther apart than this (points) are not the rules around one row.
const TALLEST_ROW: f32 = 150.0;
/// A row of more lines than this is no row whose cells wrap.
const MOST_LINES: usize = 12;

/// Rules across of one width, one under another.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    x0: f32,
    x1: f32,
    /// The heights of its rules, top to bottom.
    rows: Vec<f32>,
    /// The edges of its columns, left to right, when a grid of headings as wide stands
    /// right over it.
    columns: Option<Vec<f32>>,
}

impl Ladder {
    /// Its left and right edges and how many rules it has.
    pub fn extent(&self) -> (f32, f32, usize) {
        (self.x0, self.x1, self.rows.len())
    }

    /// Whether a point lies between its first and last rules, within its width.
    pub fn holds(&self, x: f32, y: f32) -> bool {
        self.row_at(x, y).is_some()
    }

    /// The row a point lies in, if it lies between two of the rules.
    fn row_at(&self, x: f32, y: f32) -> Option<usize> {
        if !(self.x0 - TOUCH..=self.x1 + TOUCH).contains(&x) {
            return None;
        }
        let k = self.rows.partition_point(|&r| r <= y);
        (1..self.rows.len()).contains(&k).then(|| k - 1)
    }
}

/// The ladders of a page: three rules of one width or more, each row between two of them no
/// taller than [`TALLEST_ROW`], none inside a grid.
pub fn ladders(page: &PageGlyphs, grids: &[Grid]) -> Vec<Ladder> {
    let mut across: Vec<&Rule> = page
        .rules
        .iter()
        .filter(|r| r.is_horizontal())
        .filter(|r| !grids.iter().any(|g| g.spans(r)))
        .collect();
    across.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    // Pieces drawn end to end make one rule.
    let mut bars: Vec<(f32, f32, f32)> = Vec::new();
    for r in across {
        match bars.last_mut() {
            Some(b) if (b.0 - r.y0).abs() <= TOUCH && r.x0 <= b.2 + TOUCH => b.2 = b.2.max(r.x1),
            _ => bars.push((r.y0, r.x0, r.x1)),
        }
    }
    let mut out: Vec<Ladder> = Vec::new();
    for (y, x0, x1) in bars.into_iter().filter(|b| b.2 - b.1 >= SHORTEST) {
        let same = out.iter_mut().rev().find(|l| {
            (l.x0 - x0).abs() <= TOUCH
                && (l.x1 - x1).abs() <= TOUCH
                && l.rows.last().is_some_and(|&last| y - last <= TALLEST_ROW)
        });
        match same {
            Some(l) if l.rows.last().is_some_and(|&last| y - last > TOUCH) => l.rows.push(y),
            Some(_) => {}
            None => out.push(Ladder {
                x0,
                x1,
                rows: vec![y],
                columns: None,
            }),
        }
    }
    out.retain(|l| l.rows.len() >= 3);
    // A grid of headings as wide right over a ladder: its bottom is the first row's top
    // rule, and its boxes are the table's columns.
    for l in &mut out {
        let headings = grids.iter().find(|g| {
            (g.x0 - l.x0).abs() <= 2.0 * TOUCH
                && (g.x1 - l.x1).abs() <= 2.0 * TOUCH
                && g.y1 <= l.rows[0] + TOUCH
                && l.rows[0] - g.y1 <= TALLEST_ROW
                && g.columns().len() >= 3
        });
        if let Some(g) = headings {
            if l.rows[0] - g.y1 > TOUCH {
                l.rows.insert(0, g.y1);
            }
            l.columns = Some(g.columns().to_vec());
        }
    }
    out
}

/// Reads the lines of each ladder's table row by row (see the module's note); other lines
/// stay as they are.
pub fn read_rows(page: &PageGlyphs, ladders: &[Ladder], lines: &mut Vec<Line>) {
    if ladders.is_empty() {
        return;
    }
    let within = |ladder: &Ladder, line: &Line| {
        !line.ruled
            && line.items.iter().all(|&(g, _)| {
                let (x, y) = glyph_middle(page, g);
                ladder.row_at(x, y).is_some()
            })
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(ladder) = ladders.iter().find(|l| within(l, &lines[i])) else {
            out.push(lines[i].clone());
            i += 1;
            continue;
        };
        let region = lines[i].region;
        let mut end = i + 1;
        while end < lines.len() && lines[end].region == region && within(ladder, &lines[end]) {
            end += 1;
        }
        out.extend(rows_of(page, ladder, &lines[i..end]));
        i = end;
    }
    *lines = out;
}

/// The rows of a ladder's table made of its lines (in reading order).
fn rows_of(page: &PageGlyphs, ladder: &Ladder, lines: &[Line]) -> Vec<Line> {
    if let Some(rows) = ladder
        .columns
        .as_ref()
        .and_then(|edges| rows_under_headings(page, ladder, lines, edges))
    {
        return rows;
    }
    // The table's columns: where the cells of its lines with cells stand, those that
    // overlap taken together. Each cell's edges are taken with the run of lines of cells
    // it stands in (a line of prose or a label alone ends a run), its line and its place.
    let mut run = 0;
    let mut cells: Vec<Cell> = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        if line.has_tab() {
            let edges = cell_edges(page, line).into_iter().enumerate();
            cells.extend(edges.map(|(k, edges)| Cell {
                run,
                line: l,
                nth: k,
                edges,
            }));
        } else {
            run += 1;
        }
    }
    // A heading over several columns (`Estimated from Fig. 4` over `Total flow` and `Low
    // flow`) parts none: a cell over two cells that lie apart, on lines below it in its
    // run, is left out. (A wide value that reaches under the next column's heading is no
    // heading.)
    // (Two of them lie apart when the one that ends first ends before the one that starts
    // last starts.)
    let over_two = |c: &Cell| {
        let (first_end, last_start) = cells
            .iter()
            .filter(|t| {
                t.run == c.run && t.line > c.line && t.edges.0 < c.edges.1 && t.edges.1 > c.edges.0
            })
            .fold((f32::MAX, f32::MIN), |(e, b), t| {
                (e.min(t.edges.1), b.max(t.edges.0))
            });
        first_end < last_start
    };
    let (spanning, single): (Vec<Cell>, Vec<Cell>) = cells.iter().partition(|c| over_two(c));
    let mut spans: Vec<(f32, f32)> = single.iter().map(|c| c.edges).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match columns.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => columns.push((a, b)),
        }
    }
    if columns.len() < 2 {
        return lines.to_vec();
    }
    let Some(placed) = place_cells(page, ladder, lines, &columns, &spanning) else {
        return lines.to_vec();
    };
    // A table: two rows or more start with a line of cells.
    let mut starts: Vec<(usize, usize)> = placed.iter().map(|p| (p.0, p.2)).collect();
    starts.sort_unstable();
    starts.dedup_by(|a, b| a.0 == b.0);
    if starts.iter().filter(|&&(_, l)| lines[l].has_tab()).count() < 2 {
        return lines.to_vec();
    }
    // A row is one only when its first line has cells, it has a few lines, words wrap in
    // one of its cells, and no later line of it starts a cell in the column its first line
    // starts in (each a row's label); the table's first row, its headings, may.
    let apart = |row: &[Placed], heading: bool| {
        let mut ls: Vec<usize> = row.iter().map(|p| p.2).collect();
        ls.sort_unstable();
        ls.dedup();
        let first = ls[0];
        let first_column = row
            .iter()
            .filter(|p| p.2 == first)
            .map(|p| p.1)
            .min()
            .unwrap_or(0);
        let labels_again = ls[1..]
            .iter()
            .any(|&l| row.iter().any(|p| p.2 == l && p.1 == first_column));
        // A line without cells across columns is prose, not a cell's line.
        let prose = ls.iter().any(|&l| {
            !lines[l].has_tab() && {
                let mut cs = row.iter().filter(|p| p.2 == l).map(|p| p.1);
                let c0 = cs.next();
                cs.any(|c| Some(c) != c0)
            }
        });
        // Words wrapped in a cell: a column holding words on two lines or more.
        let mut words: Vec<(usize, usize)> = row
            .iter()
            .filter(|p| {
                page.text(&page.glyphs[lines[p.2].items[p.3].0 as usize])
                    .iter()
                    .any(|c| c.is_alphabetic())
            })
            .map(|p| (p.1, p.2))
            .collect();
        words.sort_unstable();
        words.dedup();
        let wrapped = words.chunk_by(|a, b| a.0 == b.0).any(|c| c.len() >= 2);
        // Three lines or more filling the same two cells or more are rows, under headings
        // too (`cravatta (tie)  nero (black)` / `velluto (velvet)  bianco (white)` / …).
        let mut fills: Vec<Vec<usize>> = ls
            .iter()
            .map(|&l| {
                let mut cs: Vec<usize> = row.iter().filter(|p| p.2 == l).map(|p| p.1).collect();
                cs.dedup();
                cs
            })
            .filter(|cs| cs.len() >= 2)
            .collect();
        fills.sort();
        let rows_alike = fills.chunk_by(|a, b| a == b).any(|same| same.len() >= 3);
        !lines[first].has_tab()
            || rows_alike
            || ls.len() > MOST_LINES
            || prose
            || !wrapped
            || (!heading && labels_again)
    };
    rows_of_placed(page, lines, placed, &[], &apart, &|_| false)
}

/// The rows of a ladder's table under a grid of headings whose boxes are its columns
/// (`edges`): every glyph in the column its middle stands in, each row whole, each cell's
/// lines one after another. `None` where the rules part groups of rows, not rows: a column
/// holds two figures on two lines between two rules (a region's total over its first
/// country's row), not a figure over its share in brackets (`804 735` / `(35%)`).
fn rows_under_headings(
    page: &PageGlyphs,
    ladder: &Ladder,
    lines: &[Line],
    edges: &[f32],
) -> Option<Vec<Line>> {
    let column_at = |x: f32| {
        edges[1..edges.len() - 1]
            .iter()
            .filter(|&&e| e <= x)
            .count()
    };
    let mut placed: Vec<Placed> = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        for (k, &(g, _)) in line.items.iter().enumerate() {
            let (x, y) = glyph_middle(page, g);
            placed.push((ladder.row_at(x, y)?, column_at(x), l, k));
        }
    }
    placed.sort_unstable();
    // Each cell's text on each line: (row, column, line).
    let mut cells: Vec<((usize, usize, usize), String)> = Vec::new();
    for &(row, column, l, k) in &placed {
        let text = page.text(&page.glyphs[lines[l].items[k].0 as usize]);
        match cells.last_mut() {
            Some((key, t)) if *key == (row, column, l) => t.extend(text),
            _ => cells.push(((row, column, l), text.iter().collect())),
        }
    }
    let figure = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && !t.starts_with('(')
            && t.chars()
                .all(|c| c.is_ascii_digit() || " ,.%-\u{2212}".contains(c))
    };
    let mut figures: Vec<(usize, usize)> = cells
        .iter()
        .filter(|(_, t)| figure(t))
        .map(|((row, column, _), _)| (*row, *column))
        .collect();
    figures.sort_unstable();
    if figures.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    // (Nor a group's label alone on its line over a row's label and figures,
    // `Territories` over `Puerto Rico  2 989  …`; a label wrapped round its figures,
    // `Northern Mariana Islands` / `4  77  …` / `(Commonwealth of The)`, is one row's.)
    let cells_of = |row: usize, l: usize| {
        cells
            .iter()
            .filter(move |((r, _, line), _)| *r == row && *line == l)
            .map(|((_, column, _), _)| *column)
    };
    let group_label = cells.iter().any(|&((row, _, l), _)| {
        cells_of(row, l).all(|c| c == 0)
            && cells.iter().any(|&((r, _, m), _)| {
                r == row
                    && m > l
                    && cells_of(row, m).any(|c| c == 0)
                    && cells_of(row, m).any(|c| c > 0)
            })
    });
    if group_label {
        return None;
    }
    let columns: Vec<usize> = (0..edges.len() - 1).collect();
    Some(
        placed
            .chunk_by(|a, b| a.0 == b.0)
            .map(|row| row_line(page, lines, row, &columns))
            .collect(),
    )
}

/// A cell of a line of a ladder's table.
#[derive(Clone, Copy)]
struct Cell {
    /// The run of lines of cells it stands in.
    run: usize,
    /// Its line.
    line: usize,
    /// Its place among its line's cells.
    nth: usize,
    /// Its left and right edges.
    edges: (f32, f32),
}

/// Each glyph of the lines placed in its row of the ladder and in the column it stands in,
/// or, in a cell over several columns, in the column the cell starts in (the column its
/// left edge stands in, or the next one right of a gap: a heading centred over two
/// columns starts before the first); `None` if a glyph stands in no row.
fn place_cells(
    page: &PageGlyphs,
    ladder: &Ladder,
    lines: &[Line],
    columns: &[(f32, f32)],
    spanning: &[Cell],
) -> Option<Vec<Placed>> {
    let column_at = |x: f32| columns.iter().rposition(|c| c.0 <= x).unwrap_or(0);
    let column_from = |x: f32| {
        columns
            .iter()
            .position(|c| x <= c.1)
            .unwrap_or(columns.len() - 1)
    };
    let mut placed: Vec<Placed> = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        let mut nth = 0;
        for (k, &(g, sep)) in line.items.iter().enumerate() {
            if k > 0 && matches!(sep, Sep::Tab | Sep::Cells(_)) {
                nth += 1;
            }
            let (x, y) = glyph_middle(page, g);
            let over = spanning.iter().find(|c| c.line == l && c.nth == nth);
            let column = over.map_or_else(|| column_at(x), |c| column_from(c.edges.0));
            placed.push((ladder.row_at(x, y)?, column, l, k));
        }
    }
    Some(placed)
}
