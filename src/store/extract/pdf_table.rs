//! The cells of PDF tables. A row with a blank cell draws nothing there, so its next values
//! would read as if they were in the columns before: the columns are taken from the rows that
//! fill them all, and a row with fewer cells gets an empty cell (one more tab) for each column
//! it skips, so every value stays under its heading. Headings set close together are split
//! at their columns ("Under 18" "18 years" are two headings, not one), a heading set over
//! two or three lines above its column is read as one cell ("Under 18 years"), and a value
//! set close after its row's label ("Total . . . 11,062.6") is a cell of its own.

use super::pdf_glyphs::{Glyph, PageGlyphs};
use super::pdf_layout::{Line, Sep};

/// The left and right edges of each cell of a table row, left to right; `None` when the row
/// does not read left to right.
fn cells(page: &PageGlyphs, line: &Line) -> Option<Vec<(f32, f32)>> {
    let out = cell_edges(page, line);
    out.windows(2).all(|w| w[0].1 <= w[1].0).then_some(out)
}

/// The left and right edges of each cell of a line (its glyphs between wide gaps), in the
/// line's order.
pub(super) fn cell_edges(page: &PageGlyphs, line: &Line) -> Vec<(f32, f32)> {
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
    out
}

/// Gives the rows of each table (lines in a row with cell gaps, in one column of the page) an
/// empty cell for each column they skip, splits headings and values at their columns and
/// reads a heading set over several lines as one row.
pub fn fill_empty_cells(page: &PageGlyphs, lines: &mut Vec<Line>) {
    let mut start = 0;
    while start < lines.len() {
        let run = table_run(page, lines, start);
        let Some(&last) = run.last() else {
            start += 1;
            continue;
        };
        let mut rows: Vec<&mut Line> = lines
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| run.binary_search(i).is_ok())
            .map(|(_, l)| l)
            .collect();
        let mut end = last + 1;
        // From the last, so that the earlier ones keep their places.
        for heading in fill_table(page, &mut rows).iter().rev() {
            let (first, through) = (run[heading.start], run[heading.end - 1]);
            // The rows follow one another on the page.
            if through - first == heading.end - 1 - heading.start {
                let merged = merge_heading(page, &lines[first..=through], &heading.columns);
                lines.splice(first..=through, [merged]);
                end -= through - first;
            }
        }
        start = end;
    }
    labels_around_rows(page, lines);
}

/// Reads as one row a table's row of values whose label is set over two lines around it,
/// half a line over and under its values (`Investigative Matters` / `426  365 …` /
/// `Received by AUSAs`): each label line stands alone, at the same left edge, nearer the
/// values than the rows over and under it.
fn labels_around_rows(page: &PageGlyphs, lines: &mut Vec<Line>) {
    let mut i = 1;
    while i + 1 < lines.len() {
        let (above, row, below) = (&lines[i - 1], &lines[i], &lines[i + 1]);
        let first_x = row
            .items
            .first()
            .map_or(f32::MIN, |&(g, _)| page.glyphs[g as usize].x0);
        let label = |l: &Line| {
            !l.has_tab()
                && l.region == row.region
                && l.x1 < first_x
                && (l.baseline - row.baseline).abs() < row.size
        };
        // Nearer the values than the lines beyond it.
        let nearer = |beyond: Option<&Line>, l: &Line| {
            beyond
                .is_none_or(|b| (b.baseline - l.baseline).abs() > (l.baseline - row.baseline).abs())
        };
        let fits = row.has_tab()
            && row.lead >= 1
            && label(above)
            && label(below)
            && (above.x0 - below.x0).abs() < 2.0
            && above.baseline < row.baseline
            && below.baseline > row.baseline
            && nearer(i.checked_sub(2).map(|k| &lines[k]), above)
            && nearer(lines.get(i + 2), below);
        if !fits {
            i += 1;
            continue;
        }
        let mut items: Vec<(u32, Sep)> = above.items.clone();
        for (k, &(g, sep)) in below.items.iter().enumerate() {
            items.push((g, if k == 0 { Sep::Space } else { sep }));
        }
        for (k, &(g, sep)) in row.items.iter().enumerate() {
            let sep = match (k, row.lead) {
                (0, 1) => Sep::Tab,
                (0, n) => Sep::Cells(n - 1),
                _ => sep,
            };
            items.push((g, sep));
        }
        let merged = Line::of_lines(page, items, 0, &[above, row, below], false);
        lines.splice(i - 1..=i + 1, [merged]);
    }
}

/// The rows of the table starting at line `start` (none if it is not a table's row): the
/// lines with cell gaps that follow in its column, over a line or two without (a row's label
/// set over two lines, "Murder and nonnegligent" / "manslaughter . . . 10.0").
fn table_run(page: &PageGlyphs, lines: &[Line], start: usize) -> Vec<usize> {
    let mut run = Vec::new();
    // A grid's rows have their cells from the grid.
    if !lines[start].has_tab() || lines[start].ruled {
        return run;
    }
    let region = lines[start].region;
    // The left edges of the cells after the first in the rows so far.
    let mut cell_starts: Vec<f32> = Vec::new();
    // Whether the last line of the run is such a line of one cell.
    let mut alone = false;
    let close = |j: usize| {
        lines[j].region == region
            && lines[j].baseline - lines[j - 1].baseline
                <= 1.8 * lines[j].size.max(lines[j - 1].size)
    };
    let mut i = start;
    while i < lines.len() && lines[i].region == region {
        // A row read from its table's rules has its cells; the rows around it go on.
        if lines[i].ruled {
            i += 1;
            continue;
        }
        if lines[i].has_tab() {
            // A table goes on after a line of one cell only where it is set close.
            if alone && !close(i) {
                break;
            }
            alone = false;
            run.push(i);
            cell_starts.extend(cell_edges(page, &lines[i]).iter().skip(1).map(|c| c.0));
            i += 1;
            continue;
        }
        // A line set close under the rows at the left edge of one of their cells after the
        // first, and within that column, is a row with that column's words only (a cell's next line, or an entry
        // of that column alone).
        let line = &lines[i];
        let at_cell = cell_starts.iter().any(|&x| (line.x0 - x).abs() <= 1.0);
        let in_one = !cell_starts
            .iter()
            .any(|&x| x > line.x0 + 1.0 && x < line.x1);
        if close(i) && at_cell && in_one {
            alone = true;
            run.push(i);
            i += 1;
            continue;
        }
        // Up to two lines without gaps, set close, then a row again.
        let resumes = (i..lines.len().min(i + 3)).find(|&j| lines[j].has_tab());
        match resumes {
            Some(j) if (i..=j).all(close) => i = j,
            _ => break,
        }
    }
    run
}

/// The most lines a table's heading is set over.
const HEADING_LINES: usize = 4;

/// Heading rows of a table to be read as one: `start..end` of its rows, and the column of
/// each of their words.
struct Heading {
    start: usize,
    end: usize,
    columns: Vec<Vec<usize>>,
}

/// A word of a row: its items (`start..end` of the line's items) and its left and right edges.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    x0: f32,
    x1: f32,
    /// Whether it is a value: digits, with signs, separators and units (`11,062.6`, `-3%`).
    number: bool,
}

/// The words of a row, left to right.
fn words(page: &PageGlyphs, line: &Line) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut text: Vec<char> = Vec::new();
    for (i, &(g, sep)) in line.items.iter().enumerate() {
        let glyph = &page.glyphs[g as usize];
        let over = i > 0 && over_label(page, &page.glyphs[line.items[i - 1].0 as usize], glyph);
        match out.last_mut() {
            Some(last) if sep == Sep::None && !over => {
                last.end = i + 1;
                last.x0 = last.x0.min(glyph.x0);
                last.x1 = last.x1.max(glyph.x1);
            }
            _ => {
                if let Some(last) = out.last_mut() {
                    last.number = is_number(&text);
                }
                text.clear();
                out.push(Word {
                    start: i,
                    end: i + 1,
                    x0: glyph.x0,
                    x1: glyph.x1,
                    number: false,
                });
            }
        }
        text.extend_from_slice(page.text(glyph));
    }
    if let Some(last) = out.last_mut() {
        last.number = is_number(&text);
    }
    out
}

/// Whether figure `g` is set over the end of the letter `p` before it: a value placed at its
/// column where the label before it runs on under the cell's edge (`Kaluwarippuwa East ‐
/// Dakuna` cut off at its column, `95` drawn over its last letter). No word's letters
/// overlap so: the value is a word, and a cell, of its own.
fn over_label(page: &PageGlyphs, p: &Glyph, g: &Glyph) -> bool {
    let (a, b) = (page.text(p), page.text(g));
    a.last().is_some_and(|c| c.is_alphabetic())
        && b.first().is_some_and(char::is_ascii_digit)
        && g.x0 < p.x1 - 0.04 * p.size.max(g.size)
        && (g.baseline - p.baseline).abs() < 0.1 * g.size
}

/// Whether a word is a value: mostly digits, with signs, separators and units.
fn is_number(text: &[char]) -> bool {
    let digits = text.iter().filter(|c| c.is_ascii_digit()).count();
    digits > 0
        && 2 * digits >= text.len()
        && text.iter().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ',' | '.'
                        | '%'
                        | '('
                        | ')'
                        | '$'
                        | '€'
                        | '£'
                        | '+'
                        | '-'
                        | '\u{2013}'
                        | '\u{2212}'
                )
        })
}

/// How many of a row's cells hold values only.
fn value_cells(row: &Line, ws: &[Word]) -> usize {
    let mut values = 0;
    let mut cell_is_value = true;
    for (i, w) in ws.iter().enumerate() {
        cell_is_value &= w.number;
        let cell_ends = ws
            .get(i + 1)
            .is_none_or(|n| matches!(row.items[n.start].1, Sep::Tab | Sep::Cells(_)));
        if cell_ends {
            values += usize::from(cell_is_value);
            cell_is_value = true;
        }
    }
    values
}

/// The column under the middle of `x0..x1`, each column reaching halfway to the next.
fn column_at(x0: f32, x1: f32, columns: &[(f32, f32)]) -> usize {
    let middle = (x0 + x1) / 2.0;
    (1..columns.len())
        .take_while(|&k| middle > (columns[k - 1].1 + columns[k].0) / 2.0)
        .count()
}

/// A row's words with a label's letters parted from a code glued after them whose figures
/// stand in the next column (`Weweldeniya Ihalagama Wes` cut off at its column, touching its
/// GN number `20C`): the code is a word, and a cell, of its own. A code inside one column
/// (`H1N1`) stays whole.
fn part_codes(page: &PageGlyphs, line: &Line, words: &[Word], columns: &[(f32, f32)]) -> Vec<Word> {
    let glyph = |i: usize| &page.glyphs[line.items[i].0 as usize];
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let at = (w.start + 1..w.end).find(|&j| {
            let letter = page
                .text(glyph(j - 1))
                .last()
                .is_some_and(|c| c.is_alphabetic());
            let figure = page
                .text(glyph(j))
                .first()
                .is_some_and(char::is_ascii_digit);
            letter
                && figure
                && column_at(w.x0, glyph(j - 1).x1, columns) < column_at(glyph(j).x0, w.x1, columns)
        });
        match at {
            Some(j) => {
                out.push(Word {
                    end: j,
                    x1: glyph(j - 1).x1,
                    number: false,
                    ..*w
                });
                out.push(Word {
                    start: j,
                    x0: glyph(j).x0,
                    number: true,
                    ..*w
                });
            }
            None => out.push(*w),
        }
    }
    out
}

/// The column each word is in: the one under its middle, each column reaching halfway to the
/// next. `None` when two cells of the row would share a column, or when words set a space
/// apart would go to two columns without the white between the columns between them (a
/// title over a table is not split into cells).
fn word_columns(line: &Line, words: &[Word], columns: &[(f32, f32)]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let middle = (w.x0 + w.x1) / 2.0;
        let k = (1..columns.len())
            .take_while(|&k| middle > (columns[k - 1].1 + columns[k].0) / 2.0)
            .count();
        if let (Some(&p), Some(before)) = (out.last(), i.checked_sub(1).map(|b| &words[b])) {
            // (A value drawn over its label's end, or touching it, starts a cell too.)
            let new_cell = matches!(line.items[w.start].1, Sep::Tab | Sep::Cells(_))
                || w.x0 <= before.x1 + 0.01;
            if k < p || (new_cell && k == p) {
                return None;
            }
            let apart = before.x1 <= columns[k].0 && w.x0 >= columns[p].1;
            if !new_cell && k != p && !apart {
                return None;
            }
        }
        out.push(k);
    }
    Some(out)
}

/// Splits a row's cell that runs into the next column at the word set at that column's very
/// left edge (`4.1 Current state of quality of healthcare` `(Additional file 1 …)`): the
/// words before it stay in the cell's column, however near the next column they end.
fn split_at_left_edges(line: &Line, words: &[Word], at: &mut [usize], columns: &[(f32, f32)]) {
    let mut cell = 0;
    for i in 1..words.len() {
        if !matches!(line.items[words[i].start].1, Sep::Space) {
            cell = i;
            continue;
        }
        let k = at[i];
        if k > at[cell] && (words[i].x0 - columns[k].0).abs() <= 1.0 {
            let first = at[cell];
            for c in &mut at[cell + 1..i] {
                *c = first;
            }
            cell = i;
        }
    }
}

/// What goes before a word in column `to` after one in column `from` (not further right): a
/// space in the same column, a tab into the next, and one more tab for each column skipped.
pub(super) fn separator(from: usize, to: usize) -> Sep {
    match to.saturating_sub(from) {
        0 => Sep::Space,
        1 => Sep::Tab,
        n => Sep::Cells((n - 1).min(usize::from(u8::MAX)) as u8),
    }
}

/// The usual gap between the words of a row set a space apart (the lower quartile: a heading
/// row may have as many wide gaps between columns as word spaces).
fn usual_space(line: &Line, words: &[Word]) -> f32 {
    let mut gaps: Vec<f32> = words
        .windows(2)
        .filter(|w| line.items[w[1].start].1 == Sep::Space)
        .map(|w| w[1].x0 - w[0].x1)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 4)
        .copied()
        .unwrap_or(0.25 * line.size)
}

/// Rewrites a row's separators so that each word is in its column: words of one column
/// apart by a space, a tab between columns and one more for each column skipped.
fn recell(line: &mut Line, words: &[Word], at: &[usize]) {
    for (i, w) in words.iter().enumerate() {
        if i == 0 {
            line.lead = at[0].min(usize::from(u8::MAX)) as u8;
            continue;
        }
        line.items[w.start].1 = separator(at[i - 1], at[i]);
    }
}

/// Fills the empty cells of a table's rows and splits their cells at the columns; returns
/// the heading rows to read as one, if there are.
fn fill_table(page: &PageGlyphs, rows: &mut [&mut Line]) -> Vec<Heading> {
    let Some(all) = rows
        .iter()
        .map(|r| cells(page, r))
        .collect::<Option<Vec<Vec<(f32, f32)>>>>()
    else {
        return Vec::new();
    };
    let most = all.iter().map(Vec::len).max().unwrap_or(0);
    let full: Vec<&Vec<(f32, f32)>> = all.iter().filter(|c| c.len() == most).collect();
    // One full row will do where two other rows of several cells start each cell at one of
    // its cells (a table's last rows, on a page of their own).
    let aligned = |c: &Vec<(f32, f32)>| {
        c.len() >= 2
            && c.len() < most
            && c.iter().all(|a| {
                full.iter()
                    .any(|f| f.iter().any(|b| (a.0 - b.0).abs() <= 1.0))
            })
    };
    let enough =
        full.len() >= 2 || (full.len() == 1 && all.iter().filter(|c| aligned(c)).count() >= 2);
    if most < 3 || !enough {
        return Vec::new();
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
        return Vec::new();
    }
    let row_words: Vec<Vec<Word>> = rows.iter().map(|r| words(page, r)).collect();
    // The heading: the rows above the first with two cells of values ("Under 18" is not).
    let body = rows
        .iter()
        .zip(&row_words)
        .position(|(row, ws)| value_cells(row, ws) >= 2)
        // A table of words has no heading to tell apart.
        .unwrap_or(0);
    // A heading is set over a few lines right above the body.
    let in_heading = |i: usize| i < body && i + HEADING_LINES >= body;
    let mut placed: Vec<Option<Vec<usize>>> = vec![None; rows.len()];
    for (i, ((row, cs), ws)) in rows.iter_mut().zip(&all).zip(&row_words).enumerate() {
        if cs.len() == most {
            continue;
        }
        let parted;
        let ws = if in_heading(i) {
            ws
        } else {
            parted = part_codes(page, row, ws, &columns);
            &parted
        };
        if let Some(mut at) = word_columns(row, ws, &columns) {
            if !in_heading(i) {
                split_at_left_edges(row, ws, &mut at, &columns);
            }
            // A heading's words go to their columns where a gap wider than the line's word
            // spaces parts them; in the body a cell is split only before a value or a word
            // at its column's left edge. A heading
            // over groups of columns (half of them or fewer) keeps its cells as they are.
            let space = usual_space(row, ws);
            let splits_fit = ws.iter().zip(&at).skip(1).zip(ws.iter().zip(&at)).all(
                |((w, &k), (before, &b))| {
                    k == b
                        || !matches!(row.items[w.start].1, Sep::Space)
                        || if in_heading(i) {
                            w.x0 - before.x1 >= (1.8 * space).max(0.25 * row.size)
                        } else {
                            // A value, or a word at the very left edge of its column (a
                            // long label runs up to the column after it).
                            w.number || (w.x0 - columns[k].0).abs() <= 1.0
                        }
                },
            );
            let mut filled = at.clone();
            filled.dedup();
            let cells_after = filled.len();
            let spread = !in_heading(i) || 2 * cells_after > most;
            if cells_after <= most && splits_fit && spread {
                recell(row, ws, &at);
                placed[i] = Some(at).filter(|_| in_heading(i));
                continue;
            }
        }
        // A heading over groups of columns stands in the first column of its group (words
        // only: a contents entry's page number is no heading).
        let spanning = || {
            (in_heading(i) && value_cells(row, ws) == 0)
                .then(|| place_over(cs, &columns))
                .flatten()
        };
        let Some(at) = place(cs, &columns).or_else(spanning) else {
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
    let mut merges: Vec<Heading> = heading(rows, &placed[..body], most).into_iter().collect();
    let wrapped = wrapped_cells(page, rows, columns.len(), body);
    let free = |h: &Heading| {
        merges
            .iter()
            .chain(&wrapped)
            .all(|o| o.end <= h.start || h.end <= o.start)
    };
    let others: Vec<Heading> = multi_line_rows(page, rows, &columns, body)
        .into_iter()
        .filter(free)
        .collect();
    let wrapped: Vec<Heading> = wrapped
        .into_iter()
        .filter(|h| merges.iter().all(|o| o.end <= h.start || h.end <= o.start))
        .collect();
    merges.extend(wrapped);
    merges.extend(others);
    merges.sort_by_key(|h| h.start);
    merges
}

/// The column of each word of a table's row, from its separators, and whether each word is
/// a value; `None` when the row has more cells than the table has columns.
fn row_columns(page: &PageGlyphs, row: &Line, columns: usize) -> Option<(Vec<usize>, Vec<bool>)> {
    let ws = words(page, row);
    let mut at = Vec::with_capacity(ws.len());
    let mut k = usize::from(row.lead);
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            k += match row.items[w.start].1 {
                Sep::Tab => 1,
                Sep::Cells(n) => usize::from(n) + 1,
                _ => 0,
            };
        }
        at.push(k);
    }
    (at.last().is_some_and(|&k| k < columns)).then(|| (at, ws.iter().map(|w| w.number).collect()))
}

/// Rows `start..end` to read as one, each word in its column, when they are two or more.
fn rows_as_one(
    placed: &[Option<(Vec<usize>, Vec<bool>)>],
    start: usize,
    end: usize,
) -> Option<Heading> {
    (end - start >= 2).then(|| Heading {
        start,
        end,
        columns: placed[start..end]
            .iter()
            .map(|p| p.as_ref().map(|(a, _)| a.clone()).unwrap_or_default())
            .collect(),
    })
}

/// Whether a row (its words' columns and whether each is a value) has a cell of values only.
fn value_cell(at: &[usize], numbers: &[bool]) -> bool {
    at.iter().any(|&k| {
        at.iter()
            .zip(numbers)
            .filter(|&(&c, _)| c == k)
            .all(|(_, &number)| number)
    })
}

/// Rows of a table of words whose cells are set over several lines, the rows set further
/// apart than the lines of a cell (an interview's themes, each a sentence or two): a line
/// set at the tighter spacing under a row goes on the cells of its columns. Its cells hold
/// words (not values only), in columns the row fills, and leaves the first column (the
/// rows' labels) empty. In a table whose lines are all set alike, such a line goes on the
/// row above only where most rows have their label, and with words in one column only.
fn wrapped_cells(
    page: &PageGlyphs,
    rows: &[&mut Line],
    columns: usize,
    body: usize,
) -> Vec<Heading> {
    let gaps: Vec<f32> = rows
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .collect();
    let Some(tight) = gaps
        .iter()
        .copied()
        .filter(|&g| g > 0.0)
        .min_by(f32::total_cmp)
    else {
        return Vec::new();
    };
    let size = rows.iter().map(|r| r.size).fold(0.0, f32::max);
    let is_tight = |g: f32| g > 0.0 && g <= 1.15 * tight && g <= 1.35 * size;
    let is_loose = |g: f32| g >= 1.35 * tight;
    let body_gaps = gaps.get(body..).unwrap_or_default();
    let (tight_gaps, loose_gaps) = (
        body_gaps.iter().filter(|&&g| is_tight(g)).count(),
        body_gaps.iter().filter(|&&g| is_loose(g)).count(),
    );
    let bimodal = tight_gaps >= 2 && loose_gaps >= 2 && tight_gaps + loose_gaps == body_gaps.len();
    let placed: Vec<Option<(Vec<usize>, Vec<bool>)>> =
        rows.iter().map(|r| row_columns(page, r, columns)).collect();
    // Or a table whose rows all have their label in the first column, but for a few lines
    // that go on a cell of the row above (`boolean` / `null, or` / `undefined`).
    let (labelled, unlabelled) = placed
        .get(body..)
        .unwrap_or_default()
        .iter()
        .flatten()
        .fold((0, 0), |(yes, no), (at, _)| {
            if at.first() == Some(&0) {
                (yes + 1, no)
            } else {
                (yes, no + 1)
            }
        });
    let labelled = labelled >= 3 && 2 * unlabelled <= labelled;
    if !bimodal && !labelled {
        return Vec::new();
    }
    let goes_on_at = |gap: f32| {
        if bimodal {
            is_tight(gap)
        } else {
            gap > 0.0 && gap <= 1.35 * size
        }
    };
    let mut out = Vec::new();
    let mut i = body;
    while i < rows.len() {
        let Some((first, _)) = &placed[i] else {
            i += 1;
            continue;
        };
        let mut filled: Vec<usize> = first.clone();
        let mut end = i + 1;
        while let (Some(Some((at, numbers))), Some(&gap)) = (placed.get(end), gaps.get(end - 1)) {
            let goes_on = goes_on_at(gap)
                && at.iter().all(|k| filled.contains(k))
                && !value_cell(at, numbers)
                && at.first() != Some(&0)
                // (A group's next row fills several cells again: `RSY1880  Sycamore Creek`.)
                && (bimodal || at.iter().all(|&k| Some(&k) == at.first()));
            if !goes_on {
                break;
            }
            filled.extend_from_slice(at);
            end += 1;
        }
        out.extend(rows_as_one(&placed, i, end));
        i = end;
    }
    out
}

/// Rows of a table's body set over several lines (a name set a line lower than its number, a
/// value set higher than the others): a line whose first column is empty, set at the line
/// spacing under the row above, goes on with it where it fills a column the row left empty
/// and every cell they both fill holds words (a row of values under a group's first row,
/// `2024  6` under `North  2023  5`, is a row of its own).
fn multi_line_rows(
    page: &PageGlyphs,
    rows: &[&mut Line],
    columns: &[(f32, f32)],
    body: usize,
) -> Vec<Heading> {
    // Each body row's words: their columns and whether each is a value.
    let placed: Vec<Option<(Vec<usize>, Vec<bool>)>> = rows
        .iter()
        .map(|r| row_columns(page, r, columns.len()))
        .collect();
    let mut out: Vec<Heading> = Vec::new();
    let mut i = body;
    while i < rows.len() {
        let Some((first, _)) = &placed[i] else {
            i += 1;
            continue;
        };
        if first.first() != Some(&0) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while let Some(Some((at, numbers))) = placed.get(end) {
            let (above, below) = (&rows[end - 1], &rows[end]);
            let close = below.baseline > above.baseline
                && below.baseline - above.baseline <= 1.35 * below.size.max(above.size);
            // Every column both fill holds words in both.
            let words_only = |k: usize| {
                (i..end).all(|j| {
                    placed[j]
                        .as_ref()
                        .is_none_or(|(a, n)| a.iter().zip(n).all(|(&c, &number)| c != k || !number))
                }) && at
                    .iter()
                    .zip(numbers)
                    .all(|(&c, &number)| c != k || !number)
            };
            let shared: Vec<usize> = at
                .iter()
                .copied()
                .filter(|&k| {
                    (i..end).any(|j| placed[j].as_ref().is_some_and(|(a, _)| a.contains(&k)))
                })
                .collect();
            // It fills a column the row left empty (a name set lower than its number, a
            // value set higher than the others): rows of a group that fill the same
            // columns again (`CBU2822  Buckeye Campground` under `DHO2697  Hospital Rock`)
            // are rows of their own.
            let fills_empty = at.iter().any(|k| !shared.contains(k));
            if at.first() == Some(&0)
                || !close
                || !fills_empty
                || !shared.iter().all(|&k| words_only(k))
            {
                break;
            }
            end += 1;
        }
        out.extend(rows_as_one(&placed, i, end));
        i = end;
    }
    out
}

/// The heading rows read as one: the last rows above the body that each fill half the
/// columns or more, set close together (a heading over the columns of a group, "Male",
/// "Female", stays a row of its own).
fn heading(rows: &[&mut Line], placed: &[Option<Vec<usize>>], most: usize) -> Option<Heading> {
    let fills = |at: &Vec<usize>| {
        let mut ks = at.clone();
        ks.dedup();
        2 * ks.len() >= most
    };
    let end = placed.len();
    let mut start = end;
    while start > 0
        && placed[start - 1].as_ref().is_some_and(fills)
        && (start == end
            || rows[start].baseline - rows[start - 1].baseline <= 1.6 * rows[start].size)
    {
        start -= 1;
    }
    (end - start >= 2).then(|| Heading {
        start,
        end,
        columns: placed[start..end].iter().flatten().cloned().collect(),
    })
}

/// One row made of heading rows set one above the other: each column's words, top to
/// bottom, in one cell.
fn merge_heading(page: &PageGlyphs, rows: &[Line], columns: &[Vec<usize>]) -> Line {
    let row_words: Vec<Vec<Word>> = rows.iter().map(|r| words(page, r)).collect();
    let last_column = columns.iter().flatten().copied().max().unwrap_or(0);
    let mut items: Vec<(u32, Sep)> = Vec::new();
    let mut lead = 0u8;
    let mut previous: Option<usize> = None;
    for k in 0..=last_column {
        for ((row, ws), at) in rows.iter().zip(&row_words).zip(columns) {
            for (w, _) in ws.iter().zip(at).filter(|(_, c)| **c == k) {
                let sep = match previous {
                    None => {
                        lead = k.min(usize::from(u8::MAX)) as u8;
                        Sep::None
                    }
                    Some(p) => separator(p, k),
                };
                items.push((row.items[w.start].0, sep));
                items.extend_from_slice(&row.items[w.start + 1..w.end]);
                previous = Some(k);
            }
        }
    }
    let rows: Vec<&Line> = rows.iter().collect();
    Line::of_lines(page, items, lead, &rows, false)
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

/// The first column under each cell of a heading set over groups of columns (`Constant
/// 2010–11 dollars` over `Total` and `Per pupil`); `None` unless each cell stands over
/// columns of its own, left to right. A heading centred over its group may stop short of
/// the group's outer columns (a narrow `No.` under `Rodent seen in unit recently`): the
/// group is the one whose middle is nearest the heading's, a column wider on either side.
fn place_over(cells: &[(f32, f32)], columns: &[(f32, f32)]) -> Option<Vec<usize>> {
    let hits: Vec<(usize, usize)> = cells
        .iter()
        .map(|&(l, r)| {
            let mut hit = (0..columns.len()).filter(|&k| l < columns[k].1 && r > columns[k].0);
            let first = hit.next()?;
            Some((first, hit.next_back().unwrap_or(first)))
        })
        .collect::<Option<_>>()?;
    if hits.windows(2).any(|w| w[0].1 >= w[1].0) {
        return None;
    }
    if let Some(out) = equal_groups(&hits, columns.len()) {
        return Some(out);
    }
    let mut out: Vec<usize> = Vec::with_capacity(cells.len());
    let mut taken: Option<usize> = None;
    for (c, (&(l, r), &(first, through))) in cells.iter().zip(&hits).enumerate() {
        let free_before = first
            .checked_sub(1)
            .filter(|&k| taken.is_none_or(|t| k > t));
        let next = hits.get(c + 1).map_or(columns.len(), |h| h.0);
        let free_after = Some(through + 1).filter(|&k| k < next);
        let middle = (l + r) / 2.0;
        let mut best = (first, through);
        // (A heading over one column is that column's.)
        let (free_before, free_after) = if through > first {
            (free_before, free_after)
        } else {
            (None, None)
        };
        for a in [Some(first), free_before].into_iter().flatten() {
            for b in [Some(through), free_after].into_iter().flatten() {
                let off =
                    |(a, b): (usize, usize)| ((columns[a].0 + columns[b].1) / 2.0 - middle).abs();
                if off((a, b)) < off(best) {
                    best = (a, b);
                }
            }
        }
        out.push(best.0);
        taken = Some(best.1);
    }
    Some(out)
}

/// The first column of each heading of a row of groups of equal size side by side (`Rodent
/// seen in unit recently` and `Leaks during preceding 12 months`, each over `No.`, `(%)`,
/// `odds ratio`, `(95% CI)`), when the columns from the cell before the groups to the row's
/// end part evenly among them, each around the middle of the columns its heading stands
/// over; `hits` are the first and last column under each cell.
fn equal_groups(hits: &[(usize, usize)], columns: usize) -> Option<Vec<usize>> {
    let groups: Vec<usize> = (0..hits.len()).filter(|&c| hits[c].1 > hits[c].0).collect();
    let (&first, &last) = (groups.first()?, groups.last()?);
    if groups.len() < 2 || last + 1 != hits.len() || last - first + 1 != groups.len() {
        return None;
    }
    let lo = first.checked_sub(1).map_or(0, |c| hits[c].1 + 1);
    let span = columns.checked_sub(lo)?;
    if span % groups.len() != 0 {
        return None;
    }
    let size = span / groups.len();
    let mut out: Vec<usize> = hits[..first].iter().map(|h| h.0).collect();
    for (n, &(a, b)) in hits[first..].iter().enumerate() {
        let start = lo + n * size;
        // Around the middle of its group, as a heading centred over it stands.
        let off = (a + b) as f32 / 2.0 - (start + (start + size - 1)) as f32 / 2.0;
        if a < start || b >= start + size || off.abs() > 0.5 {
            return None;
        }
        out.push(start);
    }
    Some(out)
}
