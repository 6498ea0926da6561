//! Tables drawn as grids: rules across the page part its rows and rules down it its columns,
//! so that a row whose cells hold several lines (a description that wraps, a name set
//! halfway down its row) reads as one row, each cell's lines one after another, and no white
//! gap between a grid's columns is taken for the gutter between columns of prose.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::{Line, Sep};
use super::pdf_rules::Rule;

/// Ends of rules closer than this (points) touch; rules closer than this are one.
const TOUCH: f32 = 2.0;
/// A band between two rules thinner than this (points) holds no row (a double rule).
const THINNEST_ROW: f32 = 4.0;

/// A table drawn as a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge.
    pub y0: f32,
    /// Bottom edge.
    pub y1: f32,
    /// The heights of its rules across, top to bottom (its edges included): row `k` lies
    /// between `rows[k]` and `rows[k + 1]`.
    rows: Vec<f32>,
    /// The places of its rules down, left to right (its edges included).
    columns: Vec<f32>,
    /// Its rules down, to tell which rows each one parts (a cell over two columns has none
    /// between them).
    downs: Vec<Rule>,
    /// Its rules across, to tell how far each row reaches.
    across: Vec<Rule>,
}

impl Grid {
    /// Whether a rule is one of its own (its middle lies inside it).
    pub fn spans(&self, rule: &Rule) -> bool {
        self.contains((rule.x0 + rule.x1) / 2.0, (rule.y0 + rule.y1) / 2.0)
    }

    /// The places of its rules down, left to right (its edges included).
    pub fn columns(&self) -> &[f32] {
        &self.columns
    }

    /// Whether a point lies inside it.
    fn contains(&self, x: f32, y: f32) -> bool {
        (self.x0 - TOUCH..=self.x1 + TOUCH).contains(&x)
            && (self.y0 - TOUCH..=self.y1 + TOUCH).contains(&y)
    }

    /// Whether a point lies in a cell of it: rules across over and under it, in rows that
    /// rules down part into cells (a row of one cell, a box of notes over the table, and a
    /// chart beside it are read as the page's other text is). A cell may reach over
    /// several rows (a state beside its districts).
    pub fn holds(&self, x: f32, y: f32) -> bool {
        self.contains(x, y)
            && self.span_at(x, y).is_some_and(|(first, last)| {
                let (top, bottom) = (self.rows[first], self.rows[last + 1]);
                self.downs.iter().any(|d| {
                    d.x0 > self.x0 + TOUCH
                        && d.x0 < self.x1 - TOUCH
                        && d.y0 < bottom - TOUCH
                        && d.y1 > top + TOUCH
                })
            })
    }

    /// The first and last row of the cell a point is in: from the row it is in up to a
    /// rule across over it and down to one under it; `None` outside the rows or where no
    /// rule closes the cell.
    fn span_at(&self, x: f32, y: f32) -> Option<(usize, usize)> {
        let ruled_at = |at: f32| {
            self.across
                .iter()
                .any(|r| (r.y0 - at).abs() <= TOUCH && r.x0 - TOUCH <= x && x <= r.x1 + TOUCH)
        };
        let row = self.row_at(y)?;
        let first = (0..=row).rev().find(|&k| ruled_at(self.rows[k]))?;
        let last = (row..self.rows.len() - 1).find(|&k| ruled_at(self.rows[k + 1]))?;
        Some((first, last))
    }

    /// The row a height is in.
    fn row_at(&self, y: f32) -> Option<usize> {
        let k = self.rows.partition_point(|&r| r <= y);
        (1..self.rows.len()).contains(&k).then(|| k - 1)
    }

    /// The column (the index of its left edge in `columns`) a point of row `row` is in: the
    /// cell reaches from the nearest rule down on its left that parts this row to the next.
    fn column_at(&self, row: usize, x: f32) -> usize {
        let right_of = self.columns.partition_point(|&c| c <= x);
        (0..right_of.max(1))
            .rev()
            .find(|&k| self.parts_row(row, self.columns[k]))
            .unwrap_or(0)
    }

    /// Whether a rule down at `c` (or the grid's left edge) parts row `row`.
    fn parts_row(&self, row: usize, c: f32) -> bool {
        let (top, bottom) = (self.rows[row], self.rows[row + 1]);
        c <= self.x0 + TOUCH
            || self
                .downs
                .iter()
                .any(|d| (d.x0 - c).abs() <= TOUCH && d.y0 <= top + TOUCH && d.y1 >= bottom - TOUCH)
    }

    /// The left and right edges of the cell of row `row` whose left edge is `columns[column]`.
    fn cell_edges(&self, row: usize, column: usize) -> (f32, f32) {
        let right = self.columns[column + 1..]
            .iter()
            .copied()
            .find(|&c| self.parts_row(row, c))
            .unwrap_or(self.x1);
        (self.columns[column], right)
    }

    /// The columns (indices of their left edges) that rules down part in each of these rows:
    /// a column empty in all of them is still one (a table's notes column, empty on a page).
    fn columns_of_rows(&self, rows: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut rows: Vec<usize> = rows.collect();
        rows.sort_unstable();
        rows.dedup();
        (0..self.columns.len() - 1)
            .filter(|&k| {
                !rows.is_empty()
                    && rows.iter().all(|&r| {
                        let middle = (self.columns[k] + self.columns[k + 1]) / 2.0;
                        self.column_at(r, middle) == k
                    })
            })
            .collect()
    }

    /// Row and column of a glyph's middle; a cell over several rows is read in the first.
    fn cell_of(&self, x: f32, y: f32) -> Option<(usize, usize)> {
        let row = self.row_at(y)?;
        let first = self.span_at(x, y).map_or(row, |(first, _)| first);
        Some((first, self.column_at(row, x)))
    }
}

/// The tables of a page drawn as grids: rules that touch one another, with at least two
/// rows and two columns between them, most of whose cells hold text (a chart's grid lines
/// hold a few labels, and a box around a paragraph has one cell).
pub fn grids(page: &PageGlyphs) -> Vec<Grid> {
    let rules = &page.rules;
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..rules.len() {
        for j in i + 1..rules.len() {
            if touch(&rules[i], &rules[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = Default::default();
    for (i, rule) in rules.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*rule);
    }
    let mut out: Vec<Grid> = groups
        .into_values()
        .filter_map(|group| grid_of(&group))
        .filter(|g| mostly_filled(page, g))
        .collect();
    // (A row of boxes inside a grid drawn by rules is that grid's.)
    let rows: Vec<Grid> = box_rows(page)
        .into_iter()
        .filter(|row| {
            !out.iter()
                .any(|g| g.x0 < row.x1 && row.x0 < g.x1 && g.y0 < row.y1 && row.y0 < g.y1)
        })
        .collect();
    out.extend(rows);
    out.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    out
}

/// A filled box taller than this many lines of the text in it is a panel, not a cell.
const BOX_LINES: f32 = 6.0;

/// Boxes filled side by side in a row, each holding text (a report's key figures: a
/// label's box, then its figure's, `Reported Dengue Cases` beside `12644`), as a grid of one
/// row whose cells are the boxes, so that each box's lines read together. Boxes of a row
/// share their top and bottom, do not overlap, and stand less than a tenth of the page's
/// width apart (the white between two boxes is shared by them).
fn box_rows(page: &PageGlyphs) -> Vec<Grid> {
    let inside = |b: &[f32; 4], g: &super::pdf_glyphs::Glyph| {
        let (x, y) = ((g.x0 + g.x1) / 2.0, g.baseline - 0.3 * g.size);
        (b[0]..=b[2]).contains(&x) && (b[1]..=b[3]).contains(&y)
    };
    let mut boxes: Vec<[f32; 4]> = page
        .boxes
        .iter()
        .filter(|b| b[2] - b[0] <= 0.6 * page.width)
        .filter(|b| {
            let size = page
                .glyphs
                .iter()
                .filter(|g| inside(b, g))
                .map(|g| g.size)
                .fold(0.0, f32::max);
            size > 0.0 && b[3] - b[1] <= BOX_LINES * 1.2 * size
        })
        .copied()
        .collect();
    boxes.sort_by(|a, b| a[1].total_cmp(&b[1]).then(a[0].total_cmp(&b[0])));
    boxes.dedup_by(|a, b| (0..4).all(|k| (a[k] - b[k]).abs() <= TOUCH));
    let level =
        |a: &[f32; 4], b: &[f32; 4]| (a[1] - b[1]).abs() <= TOUCH && (a[3] - b[3]).abs() <= TOUCH;
    let mut out = Vec::new();
    let mut used = vec![false; boxes.len()];
    for i in 0..boxes.len() {
        if used[i] {
            continue;
        }
        let mut row: Vec<usize> = (i..boxes.len())
            .filter(|&k| !used[k] && level(&boxes[i], &boxes[k]))
            .collect();
        row.sort_by(|&a, &b| boxes[a][0].total_cmp(&boxes[b][0]));
        for &k in &row {
            used[k] = true;
        }
        // Runs of boxes side by side, each beside the last.
        let mut run: Vec<[f32; 4]> = Vec::new();
        for &k in &row {
            let b = boxes[k];
            let beside = run.last().is_some_and(|p: &[f32; 4]| {
                b[0] >= p[2] - TOUCH && b[0] - p[2] <= 0.1 * page.width
            });
            if !beside {
                out.extend(grid_of_boxes(page, &run));
                run.clear();
            }
            run.push(b);
        }
        out.extend(grid_of_boxes(page, &run));
    }
    out
}

/// The grid of one row a run of boxes side by side makes, if they are two or more and one
/// holds lines that the others' do not stand level with (a label over two or three lines
/// beside its figure): a row of boxes of one line each reads as it is, a table's row.
fn grid_of_boxes(page: &PageGlyphs, run: &[[f32; 4]]) -> Option<Grid> {
    let (first, last) = (run.first()?, run.last()?);
    if run.len() < 2 {
        return None;
    }
    let baselines = |b: &[f32; 4]| {
        let mut v: Vec<f32> = page
            .glyphs
            .iter()
            .filter(|g| {
                let (x, y) = ((g.x0 + g.x1) / 2.0, g.baseline - 0.3 * g.size);
                (b[0]..=b[2]).contains(&x) && (b[1]..=b[3]).contains(&y)
            })
            .map(|g| g.baseline)
            .collect();
        v.sort_by(f32::total_cmp);
        v.dedup_by(|a, b| *a - *b <= TOUCH);
        v
    };
    let lines: Vec<Vec<f32>> = run.iter().map(baselines).collect();
    let staggered = lines.iter().any(|own| {
        own.len() >= 2
            && own.iter().any(|y| {
                lines
                    .iter()
                    .filter(|other| !std::ptr::eq(*other, own))
                    .any(|other| !other.iter().any(|o| (o - y).abs() <= TOUCH))
            })
    });
    // (Boxes stacked on boxes are a timetable's or a table's cells, read as its rows are.)
    let y0 = run.iter().map(|b| b[1]).fold(f32::MAX, f32::min);
    let y1 = run.iter().map(|b| b[3]).fold(f32::MIN, f32::max);
    // (A table's first row of one line to a cell may stand right under its boxed
    // headings.)
    let stacked = page.boxes.iter().any(|o| {
        o[0] < last[2] - TOUCH
            && o[2] > first[0] + TOUCH
            && ((o[3] - y0).abs() <= TOUCH
                || ((o[1] - y1).abs() <= TOUCH && baselines(o).len() >= 2))
    });
    if lines.iter().any(Vec::is_empty) || !staggered || stacked {
        return None;
    }
    let mut columns = vec![first[0]];
    columns.extend(run.windows(2).map(|w| (w[0][2] + w[1][0]) / 2.0));
    columns.push(last[2]);
    let (x0, x1) = (first[0], last[2]);
    let down = |x: f32| Rule {
        x0: x,
        y0,
        x1: x,
        y1,
    };
    let across = |y: f32| Rule {
        x0,
        y0: y,
        x1,
        y1: y,
    };
    Some(Grid {
        x0,
        x1,
        y0,
        y1,
        rows: vec![y0, y1],
        downs: columns.iter().map(|&x| down(x)).collect(),
        columns,
        across: vec![across(y0), across(y1)],
    })
}

/// Whether two rules meet or continue one another.
fn touch(a: &Rule, b: &Rule) -> bool {
    a.x0 <= b.x1 + TOUCH && b.x0 <= a.x1 + TOUCH && a.y0 <= b.y1 + TOUCH && b.y0 <= a.y1 + TOUCH
}

/// The grid a group of touching rules draws, if it has two rows and two columns or more:
/// its rows lie between its rules across (a rule down that reaches above them, to a box of
/// notes over the table, makes no row), its columns between its rules down and the ends of
/// the rules across (a table open at its sides).
fn grid_of(group: &[Rule]) -> Option<Grid> {
    let (across, downs): (Vec<Rule>, Vec<Rule>) = group.iter().partition(|r| r.is_horizontal());
    let places = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        v.dedup_by(|a, b| *a - *b <= TOUCH);
        v
    };
    let rows = places(across.iter().map(|r| r.y0).collect());
    let (&y0, &y1) = (rows.first()?, rows.last()?);
    let x0 = across.iter().map(|r| r.x0).fold(f32::MAX, f32::min);
    let x1 = across.iter().map(|r| r.x1).fold(f32::MIN, f32::max);
    let columns = places(
        downs
            .iter()
            .map(|r| r.x0)
            .filter(|&x| x > x0 + TOUCH && x < x1 - TOUCH)
            .chain([x0, x1])
            .collect(),
    );
    (rows.len() >= 3 && columns.len() >= 3).then_some(Grid {
        x0,
        x1,
        y0,
        y1,
        rows,
        columns,
        downs,
        across,
    })
}

/// Whether half or more of a grid's cells (in rows tall enough for a line) hold text, and
/// three cells at least.
fn mostly_filled(page: &PageGlyphs, grid: &Grid) -> bool {
    let mut filled: Vec<(usize, usize)> = page
        .glyphs
        .iter()
        .filter_map(|g| {
            let (x, y) = ((g.x0 + g.x1) / 2.0, g.baseline - 0.3 * g.size);
            grid.contains(x, y).then(|| grid.cell_of(x, y)).flatten()
        })
        .collect();
    filled.sort_unstable();
    filled.dedup();
    let cells: usize = (0..grid.rows.len() - 1)
        .filter(|&r| grid.rows[r + 1] - grid.rows[r] >= THINNEST_ROW)
        .map(|r| {
            let mut starts: Vec<usize> = (0..grid.columns.len() - 1)
                .map(|k| grid.column_at(r, (grid.columns[k] + grid.columns[k + 1]) / 2.0))
                .collect();
            starts.dedup();
            starts.len()
        })
        .sum();
    filled.len() >= 3 && 2 * filled.len() >= cells
}

/// The grid a line lies in, if all its glyphs do.
fn grid_of_line<'g>(page: &PageGlyphs, grids: &'g [Grid], line: &Line) -> Option<&'g Grid> {
    let middle = |g: u32| glyph_middle(page, g);
    let (x, y) = middle(line.items.first()?.0);
    let grid = grids.iter().find(|grid| grid.holds(x, y))?;
    line.items
        .iter()
        .all(|&(g, _)| {
            let (x, y) = middle(g);
            grid.holds(x, y)
        })
        .then_some(grid)
}

/// Reads the lines of each grid row by row: the lines that follow one another in a grid are
/// replaced by one line per row of the grid, its cells left to right, each cell's lines top
/// to bottom, a tab between cells and one more for each empty cell.
pub fn read_rows(page: &PageGlyphs, grids: &[Grid], lines: &mut Vec<Line>) {
    if grids.is_empty() {
        return;
    }
    gather_side_by_side(page, grids, lines);
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(grid) = grid_of_line(page, grids, &lines[i]) else {
            out.push(lines[i].clone());
            i += 1;
            continue;
        };
        let region = lines[i].region;
        let mut end = i + 1;
        while end < lines.len()
            && lines[end].region == region
            && grid_of_line(page, grids, &lines[end]) == Some(grid)
        {
            end += 1;
        }
        out.extend(
            rows_of(page, grid, &lines[i..end])
                .into_iter()
                .map(|mut l| {
                    l.in_grid = true;
                    l
                }),
        );
        i = end;
    }
    *lines = out;
}

/// Tables drawn as grids set side by side, their rows level (a bulletin's four boxed lists
/// of areas): the page's lines run across them all. Such lines are cut at the grids' edges,
/// and each grid's lines are put together where its first one stands, top to bottom, so
/// that each table reads whole, the left one first.
fn gather_side_by_side(page: &PageGlyphs, grids: &[Grid], lines: &mut Vec<Line>) {
    let box_of = |g: u32| {
        let (x, y) = glyph_middle(page, g);
        grids.iter().position(|grid| grid.contains(x, y))
    };
    // Each line or piece of one, with the grid it stands in.
    let mut pieces: Vec<(Option<usize>, Line)> = Vec::with_capacity(lines.len());
    let mut cut: Vec<usize> = Vec::new();
    for line in lines.iter() {
        let mut boxes: Vec<Option<usize>> = line.items.iter().map(|&(g, _)| box_of(g)).collect();
        // A word is not cut: one that runs over a grid's edge stays where it starts.
        for k in 1..boxes.len() {
            if line.items[k].1 == Sep::None {
                boxes[k] = boxes[k - 1];
            }
        }
        let mut distinct: Vec<usize> = boxes.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 2 {
            let whole = boxes
                .first()
                .copied()
                .flatten()
                .filter(|b| boxes.iter().all(|x| *x == Some(*b)));
            pieces.push((whole, line.clone()));
            continue;
        }
        cut.extend(distinct);
        let mut start = 0;
        while start < boxes.len() {
            let end = (start..boxes.len())
                .find(|&k| boxes[k] != boxes[start])
                .unwrap_or(boxes.len());
            pieces.push((boxes[start], piece(page, line, start..end)));
            start = end;
        }
    }
    if cut.is_empty() {
        return;
    }
    let mut out: Vec<Line> = Vec::with_capacity(pieces.len());
    let mut gathered: Vec<usize> = Vec::new();
    for (k, (grid, line)) in pieces.iter().enumerate() {
        match grid {
            Some(b) if cut.contains(b) => {
                if gathered.contains(b) {
                    continue;
                }
                gathered.push(*b);
                let mut own: Vec<&Line> = pieces[k..]
                    .iter()
                    .filter(|(g, _)| g == grid)
                    .map(|(_, l)| l)
                    .collect();
                own.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
                out.extend(own.into_iter().cloned());
            }
            _ => out.push(line.clone()),
        }
    }
    *lines = out;
}

/// The part of a line made of its items `range`, as a line of its own.
fn piece(page: &PageGlyphs, line: &Line, range: std::ops::Range<usize>) -> Line {
    let mut items = line.items[range].to_vec();
    if let Some(first) = items.first_mut() {
        first.1 = Sep::None;
    }
    let edge = |&(g, _): &(u32, Sep)| &page.glyphs[g as usize];
    let x0 = items.iter().map(|i| edge(i).x0).fold(f32::MAX, f32::min);
    let x1 = items.iter().map(|i| edge(i).x1).fold(f32::MIN, f32::max);
    let size_of = |i: Option<&(u32, Sep)>| i.map_or(line.size, |i| edge(i).size);
    Line {
        ends: (size_of(items.first()), size_of(items.last())),
        items,
        x0,
        x1,
        lead: 0,
        ..line.clone()
    }
}

/// The rows of a grid made of its lines (in reading order).
fn rows_of(page: &PageGlyphs, grid: &Grid, lines: &[Line]) -> Vec<Line> {
    match place_glyphs(page, lines, |x, y| grid.cell_of(x, y)) {
        Some(placed) => {
            let columns = grid.columns_of_rows(placed.iter().map(|p| p.0));
            rows_of_placed(page, lines, placed, &columns, &|_, _| false, &|row| {
                wrapped_in_cells(page, grid, lines, row)
            })
        }
        // A line outside the rows keeps its place as it is.
        None => lines.to_vec(),
    }
}

/// Where a glyph stands, to say which cell it is in: its middle, a little over its baseline.
pub(super) fn glyph_middle(page: &PageGlyphs, g: u32) -> (f32, f32) {
    let g = &page.glyphs[g as usize];
    ((g.x0 + g.x1) / 2.0, g.baseline - 0.3 * g.size)
}

/// Each glyph of the lines placed in the row and column `cell` gives where it stands;
/// `None` if one stands in none.
pub(super) fn place_glyphs(
    page: &PageGlyphs,
    lines: &[Line],
    cell: impl Fn(f32, f32) -> Option<(usize, usize)>,
) -> Option<Vec<Placed>> {
    let mut placed: Vec<Placed> = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        for (k, &(g, _)) in line.items.iter().enumerate() {
            let (x, y) = glyph_middle(page, g);
            let (row, column) = cell(x, y)?;
            placed.push((row, column, l, k));
        }
    }
    Some(placed)
}

/// Whether a row's lines are its cells' words wrapped at the cells' edges: in most of the
/// cells' line breaks, the next line's first word would not have fitted on the line before
/// it (a row of several records leaves room after most of its values).
fn wrapped_in_cells(page: &PageGlyphs, grid: &Grid, lines: &[Line], row: &[Placed]) -> bool {
    let mut by_cell: Vec<(usize, usize, usize)> = row.iter().map(|p| (p.1, p.2, p.3)).collect();
    by_cell.sort_unstable();
    let (mut breaks, mut full) = (0usize, 0usize);
    for cell in by_cell.chunk_by(|a, b| a.0 == b.0) {
        let (left, right) = grid.cell_edges(row[0].0, cell[0].0);
        let cell_lines: Vec<&[(usize, usize, usize)]> = cell.chunk_by(|a, b| a.1 == b.1).collect();
        let extent = |part: &[(usize, usize, usize)]| {
            part.iter()
                .fold((f32::MAX, f32::MIN), |(x0, x1), &(_, l, k)| {
                    let g = &page.glyphs[lines[l].items[k].0 as usize];
                    (x0.min(g.x0), x1.max(g.x1))
                })
        };
        let pad = cell_lines
            .iter()
            .map(|part| {
                let (x0, x1) = extent(part);
                (x0 - left).min(right - x1)
            })
            .fold(f32::MAX, f32::min)
            .max(0.0);
        let room = right - left - 2.0 * pad;
        for pair in cell_lines.windows(2) {
            let (before, next) = (pair[0], pair[1]);
            let word_end = next
                .iter()
                .skip(1)
                .position(|&(_, l, k)| lines[l].items[k].1 != Sep::None)
                .map_or(next.len(), |i| i + 1);
            let (x0, x1) = extent(before);
            let (w0, w1) = extent(&next[..word_end]);
            let size = page.glyphs[lines[next[0].1].items[next[0].2].0 as usize].size;
            breaks += 1;
            if (x1 - x0) + 0.25 * size + (w1 - w0) > room {
                full += 1;
            }
        }
    }
    breaks >= 2 && 3 * full >= 2 * breaks
}

/// A glyph placed in a table: its row, its column, its line and its place in the line.
pub(super) type Placed = (usize, usize, usize, usize);

/// The rows of a table made of its lines, each glyph placed in its row and column: a row's
/// lines become one line, each cell's lines one after another, unless they are rows of
/// their own, do not keep to the cells, or `apart` says so (given the row's glyphs and
/// whether it is the table's first row). A row of one line set in the cells has a cell for
/// each column, empty where nothing starts in it (under a cell over several rows, or where
/// a cell spans several columns), as the rows under a heading that spans them.
pub(super) fn rows_of_placed(
    page: &PageGlyphs,
    lines: &[Line],
    mut placed: Vec<Placed>,
    columns: &[usize],
    apart: &dyn Fn(&[Placed], bool) -> bool,
    wrapped: &dyn Fn(&[Placed]) -> bool,
) -> Vec<Line> {
    // Row by row, column by column, line by line, glyph by glyph.
    placed.sort_unstable();
    // The row of each glyph, by line and place in the line.
    let row_of: std::collections::HashMap<(usize, usize), usize> =
        placed.iter().map(|p| ((p.2, p.3), p.0)).collect();
    let rows: Vec<&[(usize, usize, usize, usize)]> = placed.chunk_by(|a, b| a.0 == b.0).collect();
    let in_cells: Vec<bool> = rows
        .iter()
        .map(|r| !words_cross_rules(page, lines, r))
        .collect();
    // The columns some cell starts at (a rule down only among the headings parts no
    // column of the rows under them).
    let mut used: Vec<usize> = rows
        .iter()
        .zip(&in_cells)
        .filter(|(_, ok)| **ok)
        .flat_map(|(r, _)| r.iter().map(|p| p.1))
        .chain(columns.iter().copied())
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut out: Vec<Line> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    let first = rows.first().map(|r| r[0].0);
    for (row, ok) in rows.into_iter().zip(in_cells) {
        let mut ls: Vec<usize> = row.iter().map(|p| p.2).collect();
        ls.sort_unstable();
        ls.dedup();
        // A row of one line, one not set in the grid's cells (a heading over several
        // columns whose rules run through it) and rows the grid does not part: their
        // lines as they are, their cells found as other tables' are.
        let heading = Some(row[0].0) == first;
        // (A row of one cell, a title over the table, is read as lines of text are.)
        let one_cell = row.iter().all(|p| p.1 == row[0].1);
        // A grid's row of one line whose cells its rules part: its cells from the grid,
        // an empty one for each column it leaves out (a row over a paragraph that runs
        // through its gaps kept them as spaces; a label spanning two columns stands
        // before as many cells as a label in one of them and an empty one).
        let whole_line = ls.len() == 1
            && row.iter().filter(|p| p.2 == ls[0]).count() == lines[ls[0]].items.len();
        if ok && !one_cell && whole_line {
            if !kept.contains(&ls[0]) {
                kept.push(ls[0]);
                out.push(row_line(page, lines, row, &used));
            }
            continue;
        }
        if ls.len() < 2
            || one_cell
            || !ok
            || several_rows(page, lines, row, heading, &|| wrapped(row))
            || apart(row, heading)
        {
            for l in ls {
                if !kept.contains(&l) {
                    // (Not its glyphs already written in a row above: a cell over several
                    // rows, `Food and non-` / `alcoholic beverages`, is written once. Nor
                    // those that stand in a row below, written with that row's other lines:
                    // `Week` over `30` in the cells beside a cell over both rows.)
                    let mut line = lines[l].clone();
                    let this_row = row[0].0;
                    let below: Vec<u32> = (0..line.items.len())
                        .filter(|&k| row_of.get(&(l, k)).is_some_and(|&r| r > this_row))
                        .map(|k| line.items[k].0)
                        .collect();
                    // (A line whose rest stands below is written on there.)
                    if below.is_empty() {
                        kept.push(l);
                    }
                    let fresh =
                        |item: &(u32, Sep)| !written(&out, item.0) && !below.contains(&item.0);
                    if !line.items.iter().all(fresh) {
                        // The column of each glyph the row places, by its place in the line.
                        let column_at =
                            |k: usize| row.iter().find(|p| p.2 == l && p.3 == k).map(|p| p.1);
                        let mut kept_items: Vec<(u32, Sep)> = Vec::new();
                        let mut last_column: Option<usize> = None;
                        for (k, item) in line.items.iter().enumerate() {
                            if !fresh(item) {
                                continue;
                            }
                            let column = column_at(k);
                            let mut sep = item.1;
                            // (A wide gap between two cells counts the empty cells between
                            // them, as the grid has them: `Food`, an empty cell, `15,30`.)
                            if let (Some(c), Some(n)) = (last_column, column)
                                && n > c
                                && matches!(sep, Sep::Tab | Sep::Cells(_))
                            {
                                let skipped = cells_between(&used, Some(c), n);
                                sep = if skipped == 0 {
                                    Sep::Tab
                                } else {
                                    Sep::Cells(skipped.min(usize::from(u8::MAX)) as u8)
                                };
                            }
                            kept_items.push((item.0, sep));
                            last_column = column.or(last_column);
                        }
                        line.items = kept_items;
                        if line.items.is_empty() {
                            continue;
                        }
                        if let Some(first) = line.items.first_mut() {
                            first.1 = Sep::None;
                        }
                        // Its first cells are empty: the cell above reaches into them.
                        let from = row
                            .iter()
                            .filter(|p| p.2 == l && fresh(&lines[l].items[p.3]))
                            .map(|p| p.1)
                            .min();
                        let before = used.iter().filter(|&&u| from.is_some_and(|f| u < f));
                        line.lead = u8::try_from(before.count()).unwrap_or(u8::MAX);
                    }
                    out.push(line);
                }
            }
            continue;
        }
        out.push(row_line(page, lines, row, &used));
    }
    out
}

/// Whether a glyph is written in one of the rows made so far.
fn written(out: &[Line], glyph: u32) -> bool {
    out.iter().any(|l| l.items.iter().any(|&(g, _)| g == glyph))
}

/// Whether the lines between two rules across are rows of their own (a table ruled only
/// under its headings and at its foot): three lines or more fill the same two cells or
/// more (unless `wrapped` says their words wrap at the cells' edges), or two lines fill two
/// cells or more and a column holds a value in both, unless those are years in words that
/// wrap (a value is
/// not wrapped over two lines; the grid's first row, its headings, may fill the same cells
/// line by line). The lines of a row whose cells wrap (or of headings set over several lines,
/// each centred in its cell) meet in other cells line by line.
fn several_rows(
    page: &PageGlyphs,
    lines: &[Line],
    row: &[(usize, usize, usize, usize)],
    heading: bool,
    wrapped: &dyn Fn() -> bool,
) -> bool {
    // Each line's cells: column and text.
    let mut cells: Vec<(usize, usize, String)> = Vec::new();
    let mut by_line: Vec<(usize, usize, usize)> = row.iter().map(|p| (p.2, p.1, p.3)).collect();
    by_line.sort_unstable();
    for (l, c, k) in by_line {
        let text = page.text(&page.glyphs[lines[l].items[k].0 as usize]);
        match cells.last_mut() {
            Some(last) if last.0 == l && last.1 == c => last.2.extend(text),
            _ => cells.push((l, c, text.iter().collect())),
        }
    }
    // The lines that fill two cells or more, and the cells each fills.
    let lines_of_cells: Vec<&[(usize, usize, String)]> = cells
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|cs| cs.len() >= 2)
        .collect();
    let spanning: Vec<usize> = lines_of_cells.iter().map(|cs| cs[0].0).collect();
    let mut fills: Vec<Vec<usize>> = lines_of_cells
        .iter()
        .map(|cs| cs.iter().map(|c| c.1).collect())
        .collect();
    fills.sort();
    if !heading && fills.chunk_by(|a, b| a == b).any(|same| same.len() >= 3) && !wrapped() {
        return true;
    }
    if spanning.len() < 2 {
        return false;
    }
    let mut values: Vec<(usize, usize, bool)> = cells
        .iter()
        .filter(|(l, c, text)| *c > 0 && spanning.contains(l) && is_value(text))
        .map(|(l, c, text)| (*c, *l, is_year(text)))
        .collect();
    values.sort_unstable();
    let in_a_column = |values: &[(usize, usize, bool)]| {
        values
            .chunk_by(|a, b| a.0 == b.0)
            .any(|same| same.len() >= 2)
    };
    // (Headings set over several lines hold years: `May` / `2023`, `Apr` / `2023`.)
    in_a_column(&values) && {
        values.retain(|v| !v.2);
        in_a_column(&values) || !wrapped()
    }
}

/// Whether a cell's text is a year (`2023`).
fn is_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4
        && text
            .parse::<u16>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Whether a cell's text is a value: figures with their signs and separators, or a dash
/// (not a unit alone, `%` under `0.05`: a value's second line).
fn is_value(text: &str) -> bool {
    let text = text.trim();
    let dash = matches!(text, "-" | "\u{2013}" | "\u{2212}");
    (dash || text.chars().any(|c| c.is_ascii_digit()))
        && text.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ' ' | ',' | '.' | '%' | '$' | '(' | ')' | '-' | '\u{2013}' | '\u{2212}'
                )
        })
}

/// Whether a row's lines do not keep to its cells: a word lies in two of them, or a wide
/// gap parts a value from what is before it in one cell (columns the grid does not rule: a
/// table ruled only around groups of its columns; a justified line's wide spaces are
/// none).
fn words_cross_rules(
    page: &PageGlyphs,
    lines: &[Line],
    row: &[(usize, usize, usize, usize)],
) -> bool {
    let mut by_place: Vec<(usize, usize, usize)> = row.iter().map(|p| (p.2, p.3, p.1)).collect();
    by_place.sort_unstable();
    by_place.windows(2).any(|w| {
        let ((l, k, c), (nl, nk, nc)) = (w[0], w[1]);
        if l != nl || nk != k + 1 {
            return false;
        }
        let items = &lines[l].items;
        let sep = items[nk].1;
        let value_after = || {
            let part: String = items[nk..]
                .iter()
                .enumerate()
                .take_while(|(i, (_, s))| *i == 0 || !matches!(s, Sep::Tab | Sep::Cells(_)))
                .flat_map(|(_, &(g, _))| page.text(&page.glyphs[g as usize]).iter())
                .collect();
            is_value(&part)
        };
        (c != nc && sep == Sep::None)
            || (c == nc && matches!(sep, Sep::Tab | Sep::Cells(_)) && value_after())
    })
}

/// One row's line from its glyphs, sorted by column, line and place in the line.
pub(super) fn row_line(
    page: &PageGlyphs,
    lines: &[Line],
    row: &[(usize, usize, usize, usize)],
    used: &[usize],
) -> Line {
    let mut items: Vec<(u32, Sep)> = Vec::with_capacity(row.len());
    let mut broken: Vec<u32> = Vec::new();
    let mut lead = 0u8;
    let mut previous: Option<(usize, usize)> = None;
    for &(_, column, l, k) in row {
        let (g, sep) = lines[l].items[k];
        let sep = match previous {
            None => {
                lead = cells_between(used, None, column).min(usize::from(u8::MAX)) as u8;
                Sep::None
            }
            // The same cell and line: as the line has it, a wide gap being a space.
            Some((c, pl)) if c == column && pl == l => match sep {
                Sep::Tab | Sep::Cells(_) => Sep::Space,
                s => s,
            },
            // The cell's next line: a word broken at its hyphen stays whole, and so does a
            // web address broken where the cell's edge fell.
            Some((c, _)) if c == column => {
                let last = items
                    .last()
                    .map(|&(p, _)| page.text(&page.glyphs[p as usize]));
                let hyphen = last.is_some_and(|t| t.last() == Some(&'-'));
                let lower = page
                    .text(&page.glyphs[g as usize])
                    .first()
                    .is_some_and(|c| c.is_lowercase());
                if hyphen
                    && lower
                    && let Some(&(h, _)) = items.last()
                {
                    broken.push(h);
                    Sep::None
                } else if hyphen && !lower && attached_hyphen(page, &items) {
                    // A compound broken at its own hyphen before a capital stays whole
                    // (`KwaZulu-` / `Natal`).
                    Sep::None
                } else if address_goes_on(page, &items, g) {
                    Sep::None
                } else {
                    Sep::Space
                }
            }
            Some((c, _)) => {
                let skipped = cells_between(used, Some(c), column);
                if skipped == 0 {
                    Sep::Tab
                } else {
                    Sep::Cells(skipped.min(usize::from(u8::MAX)) as u8)
                }
            }
        };
        items.push((g, sep));
        previous = Some((column, l));
    }
    let used: Vec<&Line> = {
        let mut ls: Vec<usize> = row.iter().map(|p| p.2).collect();
        ls.sort_unstable();
        ls.dedup();
        ls.into_iter().map(|l| &lines[l]).collect()
    };
    let mut line = Line::of_lines(page, items, lead, &used, true);
    line.broken.extend(broken);
    line
}

/// Whether a cell's line ends on a hyphen set right after a letter (`KwaZulu-`), not a
/// dash set apart (`WALR -`).
fn attached_hyphen(page: &PageGlyphs, items: &[(u32, Sep)]) -> bool {
    let [.., (before, _), (_, Sep::None)] = items else {
        return false;
    };
    page.text(&page.glyphs[*before as usize])
        .last()
        .is_some_and(|c| c.is_alphabetic())
}

/// Whether the glyph `next`, starting a cell's next line, goes on the web address the
/// cell's last word is (`https://ww` / `w.ceci.org`): the word starts as one does and the
/// line goes on in the chars of one.
fn address_goes_on(page: &PageGlyphs, items: &[(u32, Sep)], next: u32) -> bool {
    let start = items
        .iter()
        .rposition(|&(_, sep)| sep != Sep::None)
        .unwrap_or(0);
    let word: String = items[start..]
        .iter()
        .flat_map(|&(g, _)| page.text(&page.glyphs[g as usize]).iter())
        .collect();
    let address = ["http://", "https://", "www."]
        .iter()
        .any(|head| word.starts_with(head));
    address
        && page
            .text(&page.glyphs[next as usize])
            .first()
            .is_some_and(|c| c.is_ascii_graphic())
}

/// How many columns some cell starts at lie between two columns (indices of their left
/// edges; `None`: the grid's left edge): the empty cells between.
fn cells_between(used: &[usize], from: Option<usize>, to: usize) -> usize {
    used.iter()
        .filter(|&&c| from.is_none_or(|f| c > f) && c < to)
        .count()
}
