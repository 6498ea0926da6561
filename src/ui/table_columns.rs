//! Tables in the text view: the rows of a table (lines one after another whose cells are
//! separated by tabs, as a PDF's tables and tab-separated text are) set in columns, each cell
//! at its column's left edge and a column of figures at its right edge, as the page shows
//! them. Only the space before each tab changes: the text, its offsets and what is copied are
//! the document's.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};

use crate::core::text::Text;

/// The most rows of a table set in columns: a longer run of tab-separated lines (a data
/// file) keeps its tabs as they are, so the view never measures thousands of cells at once.
pub const MAX_ROWS: usize = 400;

/// Where a table's columns stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Each column's left edge, from the row's start.
    lefts: Vec<f32>,
    /// Each column's width: its widest cell.
    widths: Vec<f32>,
    /// Whether a column holds figures (set at its right edge).
    figures: Vec<bool>,
}

/// The paragraphs of the table around paragraph `i`: the lines with a tab next to each
/// other, when there are two or more of them and no more than [`MAX_ROWS`].
pub fn table_of(text: &Text, i: usize) -> Option<Range<usize>> {
    let paragraphs = text.paragraphs();
    let is_row = |k: usize| text.slice(paragraphs[k].range()).contains('\t');
    // A short line between two rows (a group's label, `Management`; a label wrapped under
    // its row) is the table's too: its columns go on under it.
    let label = |k: usize| {
        let line = text.slice(paragraphs[k].range());
        !line.is_empty() && line.chars().count() <= MAX_LABEL
    };
    let within = |k: usize| {
        is_row(k)
            || (label(k) && k > 0 && k + 1 < paragraphs.len() && is_row(k - 1) && is_row(k + 1))
    };
    if !is_row(i) {
        return None;
    }
    let mut start = i;
    while start > 0 && within(start - 1) {
        start -= 1;
        if i - start > MAX_ROWS {
            return None;
        }
    }
    let mut end = i + 1;
    while end < paragraphs.len() && within(end) {
        end += 1;
        if end - start > MAX_ROWS {
            return None;
        }
    }
    (end - start >= 2).then_some(start..end)
}

/// The longest line without cells that stands between a table's rows as its own (a label).
const MAX_LABEL: usize = 60;

impl Columns {
    /// The columns of the rows `rows`, with `width_of` a cell's width and `tab` a tab's (the
    /// least gap between two columns).
    pub fn measure<'a>(
        rows: impl IntoIterator<Item = &'a str>,
        mut width_of: impl FnMut(&str) -> f32,
        tab: f32,
    ) -> Columns {
        let mut widths: Vec<f32> = Vec::new();
        // Per column: cells with text, and those of them that are figures.
        let mut cells: Vec<(usize, usize)> = Vec::new();
        // A row of fewer cells than most (a title beside the table's unit, a heading over
        // several columns) spans columns: it is set by them, not measured into them.
        let rows: Vec<&str> = rows.into_iter().collect();
        let mut counts: Vec<usize> = rows.iter().map(|r| r.split('\t').count()).collect();
        counts.sort_unstable();
        let most = counts
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| (run.len(), run[0]))
            .map_or(0, |run| run[0]);
        for row in rows.into_iter().filter(|r| r.split('\t').count() >= most) {
            for (k, cell) in row.split('\t').enumerate() {
                if widths.len() <= k {
                    widths.push(0.0);
                    cells.push((0, 0));
                }
                if cell.trim().is_empty() {
                    continue;
                }
                widths[k] = widths[k].max(width_of(cell));
                cells[k].0 += 1;
                cells[k].1 += usize::from(is_figure(cell));
            }
        }
        let mut lefts = Vec::with_capacity(widths.len());
        let mut x = 0.0;
        for w in &widths {
            lefts.push(x);
            x += w + tab;
        }
        // The first column holds the rows' labels, read from its left edge.
        let figures = cells
            .iter()
            .enumerate()
            .map(|(k, &(with_text, figures))| k > 0 && with_text > 0 && 2 * figures >= with_text)
            .collect();
        Columns {
            lefts,
            widths,
            figures,
        }
    }

    /// How wide the table is.
    pub fn width(&self) -> f32 {
        match (self.lefts.last(), self.widths.last()) {
            (Some(left), Some(width)) => left + width,
            _ => 0.0,
        }
    }

    /// The space to put before each tab of `row` so its cells stand in the columns: for each
    /// tab, its char offset in `row` and the space.
    pub fn pads(
        &self,
        row: &str,
        mut width_of: impl FnMut(&str) -> f32,
        tab: f32,
    ) -> Vec<(usize, f32)> {
        let mut pads = Vec::new();
        // Where the pen stands after the cell before the tab.
        let mut x = 0.0;
        let mut at = 0;
        for (k, cell) in row.split('\t').enumerate() {
            let width = if cell.is_empty() { 0.0 } else { width_of(cell) };
            if k > 0 {
                let left = self.lefts.get(k).copied().unwrap_or(x + tab);
                let column = self.widths.get(k).copied().unwrap_or(width);
                let right_aligned = self.figures.get(k).copied().unwrap_or(false);
                let start = if right_aligned {
                    left + (column - width).max(0.0)
                } else {
                    left
                };
                // The tab itself takes `tab`; the pad is the rest.
                let pad = (start - x - tab).max(0.0);
                pads.push((at - 1, pad));
                x += pad + tab;
            }
            x += width;
            at += cell.chars().count() + 1;
        }
        pads
    }
}

/// The columns of the tables laid out, by their rows' text (a table is measured once, not
/// again when an annotation changes; a correction to its text measures it again).
#[derive(Default)]
pub struct Tables {
    columns: HashMap<u64, Arc<Columns>>,
}

/// The most tables whose columns are kept.
const KEPT: usize = 64;

impl Tables {
    /// The space to put before each tab of paragraph `i` (by char offset in it) so that its
    /// cells stand in its table's columns, and how wide the table is set so; `None` when it
    /// is no table's row. `width_of` measures a cell in the view's font.
    pub fn pads(
        &mut self,
        text: &Text,
        i: usize,
        mut width_of: impl FnMut(&str) -> f32,
    ) -> Option<(Vec<(usize, f32)>, f32)> {
        let (columns, tab) = self.columns_of(text, i, &mut width_of)?;
        let pads = columns.pads(text.slice(text.paragraphs()[i].range()), width_of, tab);
        Some((pads, columns.width()))
    }

    /// The columns of the table of paragraph `i` (measured once, then kept) and a tab's
    /// width.
    fn columns_of(
        &mut self,
        text: &Text,
        i: usize,
        width_of: &mut impl FnMut(&str) -> f32,
    ) -> Option<(Arc<Columns>, f32)> {
        use std::hash::{Hash, Hasher};
        let rows = table_of(text, i)?;
        let paragraphs = text.paragraphs();
        let cells = || rows.clone().map(|k| text.slice(paragraphs[k].range()));
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        cells().for_each(|row| row.hash(&mut hasher));
        let key = hasher.finish();
        if self.columns.len() >= KEPT && !self.columns.contains_key(&key) {
            self.columns.clear();
        }
        let tab = width_of("\t");
        let columns = self
            .columns
            .entry(key)
            .or_insert_with(|| Arc::new(Columns::measure(cells(), &mut *width_of, tab)))
            .clone();
        Some((columns, tab))
    }
}

/// Appends `text` (chars `from..` of its paragraph) to `job`, with the space in `pads` (by
/// char offset in the paragraph, sorted) before its tabs.
pub fn append_padded(
    job: &mut LayoutJob,
    text: &str,
    from: usize,
    pads: &[(usize, f32)],
    format: &TextFormat,
) {
    let mut piece = 0;
    for (k, (at, c)) in text.char_indices().enumerate() {
        if c != '\t' {
            continue;
        }
        let Ok(found) = pads.binary_search_by_key(&(from + k), |p| p.0) else {
            continue;
        };
        if piece < at {
            job.append(&text[piece..at], 0.0, format.clone());
        }
        job.append("\t", pads[found].1, format.clone());
        piece = at + 1;
    }
    if piece < text.len() || text.is_empty() {
        job.append(&text[piece..], 0.0, format.clone());
    }
}

/// Whether a cell is a figure: digits with their signs and separators (`1 381`, `-14%`,
/// `(3.2)`, `$40`), not a word.
fn is_figure(cell: &str) -> bool {
    let cell = cell.trim();
    cell.chars().any(|c| c.is_ascii_digit())
        && cell.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ',' | '.'
                        | '%'
                        | '-'
                        | '+'
                        | '−'
                        | '–'
                        | '('
                        | ')'
                        | '$'
                        | '€'
                        | '£'
                        | '*'
                        | ' '
                        | '\u{a0}'
                        | '\u{202f}'
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each char is 10 wide; a tab 30.
    fn width_of(s: &str) -> f32 {
        10.0 * s.chars().count() as f32
    }

    /// Where each cell after a tab of `row` starts, once padded.
    fn starts(columns: &Columns, row: &str) -> Vec<f32> {
        let pads = columns.pads(row, width_of, 30.0);
        let mut x = 0.0;
        let mut starts = Vec::new();
        for (k, cell) in row.split('\t').enumerate() {
            if k > 0 {
                x += pads[k - 1].1 + 30.0;
                starts.push(x);
            }
            x += width_of(cell);
        }
        starts
    }

    #[test]
    fn cells_stand_at_their_columns_edges_and_figures_at_the_right() {
        let rows = [
            "Colombo\t104\t8504",
            "Nuwara Eliya\t5\t253",
            "Kandy\t94\t3320",
        ];
        let columns = Columns::measure(rows, width_of, 30.0);
        // Widths 120, 30, 40; lefts 0, 150, 210.
        assert_eq!(columns.width(), 250.0);
        // Figures end at their column's right edge: 150 + 30 and 210 + 40.
        assert_eq!(starts(&columns, "Colombo\t104\t8504"), vec![150.0, 210.0]);
        assert_eq!(starts(&columns, "Nuwara Eliya\t5\t253"), vec![170.0, 220.0]);
        // The pads are given at each tab's char offset.
        let pads = columns.pads("Kandy\t94\t3320", width_of, 30.0);
        assert_eq!(pads.iter().map(|p| p.0).collect::<Vec<_>>(), vec![5, 8]);
    }

    #[test]
    fn a_column_of_words_is_set_from_its_left_edge() {
        let rows = [
            "Disease\tCases\tNote",
            "Mumps\t02\tmild",
            "Measles\t1\tsevere cases",
        ];
        let columns = Columns::measure(rows, width_of, 30.0);
        // Lefts 0, 100, 180: the figures' column is 50 wide ("Cases"), and "02" ends at its
        // right edge; the notes start at their column's left edge.
        assert_eq!(starts(&columns, "Mumps\t02\tmild"), vec![130.0, 180.0]);
        assert_eq!(starts(&columns, "Disease\tCases\tNote"), vec![100.0, 180.0]);
    }

    #[test]
    fn a_title_row_of_fewer_cells_is_set_by_the_columns_not_measured_into_them() {
        let rows = [
            "Income statement for the year ended\t(millions)",
            "Interest income\t948\t605",
            "Fees\t28\t18",
            "Dividends\t1\t2",
        ];
        let columns = Columns::measure(rows, width_of, 30.0);
        // Column 0 is the labels' width (150), not the title's (350); figures end at 210 and 270.
        assert_eq!(starts(&columns, "Fees\t28\t18"), vec![190.0, 250.0]);
        assert_eq!(
            starts(&columns, "Income statement for the year ended\t(millions)"),
            vec![380.0]
        );
    }

    #[test]
    fn empty_cells_keep_the_next_cells_in_their_columns() {
        let rows = ["A\t1\t\t2", "B\t\t3\t4"];
        let columns = Columns::measure(rows, width_of, 30.0);
        // Column lefts 0, 40, 80, 120 (each 10 wide plus 30).
        let b = starts(&columns, "B\t\t3\t4");
        assert_eq!(&b[1..], &[80.0, 120.0]);
        assert_eq!(starts(&columns, "A\t1\t\t2")[2], 120.0);
    }

    #[test]
    fn figures_are_told_from_words() {
        for figure in ["1 381", "-14%", "(3.2)", "$40", "0 %", "−0.40", "12*"] {
            assert!(is_figure(figure), "{figure}");
        }
        for word in ["AFP*", "Total", "", "n/a", "2a"] {
            assert!(!is_figure(word), "{word}");
        }
    }

    #[test]
    fn a_table_is_its_run_of_lines_with_tabs() {
        let text = Text::from_str_normalized("Title\nA\t1\nB\t2\nC\t3\n\nD\t4\nprose");
        assert_eq!(table_of(&text, 0), None);
        assert_eq!(table_of(&text, 2), Some(1..4));
        // A single line with a tab is no table.
        assert_eq!(table_of(&text, 5), None);
    }

    #[test]
    fn a_label_between_a_tables_rows_does_not_part_the_table() {
        // A group's label and a label wrapped under its row stand between rows; a line of
        // prose after the last row is not the table's.
        let text = Text::from_str_normalized(
            "Item\t2024\t2025\nDrivers\n(i) CiC\t-2,12,987\t-4,43,215\n(iii) GoI Cash Balances\t93,729\t-1,66,865\n[build-up (-) / drawdown (+)]\n(iv) Excess Reserves\t816\t19,015\nThe figures are in crore.",
        );
        assert_eq!(table_of(&text, 0), Some(0..6));
        assert_eq!(table_of(&text, 5), Some(0..6));
        assert_eq!(table_of(&text, 1), None, "the label alone is no row");
    }
}
