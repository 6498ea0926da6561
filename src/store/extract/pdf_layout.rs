//! Reading order on one PDF page: glyphs become fragments (runs drawn one after another on
//! a baseline, with gaps no wider than a word space or so), fragments are split recursively
//! into blocks along the widest white gaps (a vertical gap only where both sides read as
//! columns of prose, or prose on one side and a figure or margin notes off its lines on the
//! other, so that table cells stay in their rows), and each block's fragments
//! become lines, left to right, with a space or a tab where the gap between glyphs says so;
//! right-to-left words are then put in reading order ([`super::pdf_bidi`]).

mod sections;
mod tight;

use std::time::Instant;

use super::pdf_glyphs::{Glyph, PageGlyphs};
use crate::core::bidi::rtl_script;
use sections::{columns_through, section_turn};

/// A gap wider than this many font sizes ends a fragment (and is a tab between cells).
const CELL_GAP: f32 = 1.0;
/// A gap wider than this many font sizes between two glyphs is a word space.
const WORD_GAP: f32 = 0.15;
/// The narrowest gap, in font sizes, after a comma or semicolon before a letter that is a
/// space: a comma's space squeezes further than the gaps between letters go.
const COMMA_GAP: f32 = 0.1;
/// How many lines each side of a row set in columns has at least, for the row's columns to
/// be taken as going on in the next row's.
const COLUMN_LINES: usize = 5;
/// Baselines closer than this many font sizes are one line.
const SAME_LINE: f32 = 0.3;
/// Type this many times the size of other type is larger: a line's own, beside its
/// subscripts and superscripts.
const LARGER_TYPE: f32 = 1.15;

/// What comes before a glyph in its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// Nothing: the next letter of a word.
    None,
    /// A word space.
    Space,
    /// A wide gap: the next cell of a table row.
    Tab,
    /// A wide gap over this many empty cells of a table row, then the next cell.
    Cells(u8),
}

/// A line of text in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Its glyphs (indices into the page's glyphs), each with what comes before it (the
    /// first one's is [`Sep::None`]).
    pub items: Vec<(u32, Sep)>,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline (of most of its glyphs).
    pub baseline: f32,
    /// Font size (of most of its glyphs).
    pub size: f32,
    /// The font sizes of its first and last glyph in reading order (a line of small capitals
    /// that ends in ordinary letters goes on in the next line).
    pub ends: (f32, f32),
    /// Which column of the page it is in (a number unique on the page).
    pub region: u32,
    /// The left and right edges of that column.
    pub bounds: (f32, f32),
    /// Empty table cells before its first glyph (a row whose first columns are blank).
    pub lead: u8,
    /// Whether a wide gap sets its list label (`(h)`, `2.`) apart from its text: a heading
    /// set so goes on in the next line only when that line goes on a sentence.
    pub labelled: bool,
    /// Whether it is a row of a table drawn as a grid, its cells read from the grid.
    pub ruled: bool,
    /// Whether it stands inside a table drawn as a grid (a row, or a title or heading the
    /// grid's rules enclose).
    pub in_grid: bool,
    /// Its brackets that read turned (`)` for `(`): in a line read from the right, a bracket
    /// whose fellow is on another line, named by its shape.
    pub turned: Vec<u32>,
    /// The hyphens that end a line of a table's cell, its word going on in the cell's next
    /// line (`Pre-` / `treat-` / `ment`): read as the document writes the word, whole or
    /// with its hyphen.
    pub broken: Vec<u32>,
}

impl Line {
    /// One line made of the items of lines set one above the other (a table's row over
    /// several lines), in the last one's column.
    pub fn of_lines(
        page: &PageGlyphs,
        items: Vec<(u32, Sep)>,
        lead: u8,
        lines: &[&Line],
        ruled: bool,
    ) -> Line {
        let x0 = lines.iter().map(|r| r.x0).fold(f32::MAX, f32::min);
        let x1 = lines.iter().map(|r| r.x1).fold(f32::MIN, f32::max);
        let size = lines.iter().map(|r| r.size).fold(0.0, f32::max);
        let (baseline, region, bounds) = lines
            .last()
            .map_or((0.0, 0, (x0, x1)), |l| (l.baseline, l.region, l.bounds));
        let size_of =
            |i: Option<&(u32, Sep)>| i.map_or(size, |&(g, _)| page.glyphs[g as usize].size);
        Line {
            ends: (size_of(items.first()), size_of(items.last())),
            items,
            x0,
            x1,
            baseline,
            size,
            region,
            bounds,
            lead,
            labelled: false,
            ruled,
            in_grid: ruled || lines.iter().any(|l| l.in_grid),
            turned: lines
                .iter()
                .flat_map(|l| l.turned.iter().copied())
                .collect(),
            broken: lines
                .iter()
                .flat_map(|l| l.broken.iter().copied())
                .collect(),
        }
    }

    /// Whether it holds a wide gap (a table row).
    pub fn has_tab(&self) -> bool {
        self.lead > 0
            || self
                .items
                .iter()
                .any(|&(_, s)| matches!(s, Sep::Tab | Sep::Cells(_)))
    }
}

/// A run of glyphs on one baseline.
#[derive(Debug, Clone)]
struct Fragment {
    glyphs: Vec<u32>,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    baseline: f32,
    size: f32,
    /// How many words it holds.
    words: u32,
    /// Its value, when it is a number alone (`2.40`, `1,000`, `25%`): a chart's scale is
    /// made of them.
    number: Option<f32>,
    /// Whether it is a figure in any script, with its separators and signs (`1 234`,
    /// `(٦٧٠ ٩٥٠)`, `12.5%`): a cell of figures.
    figures: bool,
    /// Whether it starts a caption (`Table 3:`, `Figure 1.`).
    caption: bool,
    /// The number in brackets it starts with (`[17] Ureña …`: an entry of a list of
    /// references).
    reference: Option<u32>,
    /// The table drawn as a grid it is in, if it is (index into the page's grids).
    grid: Option<usize>,
    /// The table ruled only across it is in, if it is: its index in the page's ladders,
    /// its left and right edges and how many rules it has.
    ladder: Option<(usize, f32, f32, usize)>,
    /// Whether most of its letters are of a right-to-left script (`None`: it has none).
    rtl: Option<bool>,
}

impl Fragment {
    fn new(i: u32, g: &Glyph) -> Self {
        Self {
            glyphs: vec![i],
            x0: g.x0,
            x1: g.x1,
            top: core_top(g),
            bottom: core_bottom(g),
            baseline: g.baseline,
            size: g.size,
            words: 1,
            number: None,
            figures: false,
            rtl: None,
            caption: false,
            reference: None,
            grid: None,
            ladder: None,
        }
    }

    /// Adds a glyph; `spaced` when a word space comes before it.
    fn push(&mut self, i: u32, g: &Glyph, spaced: bool) {
        self.glyphs.push(i);
        self.words += u32::from(spaced);
        self.x0 = self.x0.min(g.x0);
        self.x1 = self.x1.max(g.x1);
        self.top = self.top.min(core_top(g));
        self.bottom = self.bottom.max(core_bottom(g));
        // (A fragment that starts with a subscript, `i=1, where each …` after a sum's
        // limits, stands on the line of its larger type.)
        if g.size > LARGER_TYPE * self.size {
            self.baseline = g.baseline;
        }
        self.size = self.size.max(g.size);
    }
}

/// The part of a glyph's box used to find gaps between lines: from about the x-height to a
/// little below the baseline, so that tightly set lines still have white between them.
fn core_top(g: &Glyph) -> f32 {
    g.baseline - 0.7 * g.size
}

fn core_bottom(g: &Glyph) -> f32 {
    g.baseline + 0.15 * g.size
}

/// The lines of a page in reading order; `None` when the time runs out before they are
/// (a page made to take layout without end is stopped like one that takes drawing without
/// end).
pub fn lines(page: &PageGlyphs, deadline: Instant) -> Option<Vec<Line>> {
    let grids = super::pdf_grid::grids(page);
    let mut fragments = fragments(page);
    if fragments.is_empty() {
        return Some(Vec::new());
    }
    let ladders = super::pdf_ladder::ladders(page, &grids);
    for f in &mut fragments {
        let (x, y) = ((f.x0 + f.x1) / 2.0, (f.top + f.bottom) / 2.0);
        f.grid = grids.iter().position(|g| g.holds(x, y));
        f.ladder = ladders.iter().enumerate().find_map(|(k, l)| {
            let (x0, x1, rules) = l.extent();
            l.holds(x, y).then_some((k, x0, x1, rules))
        });
    }
    let mut all: Vec<usize> = (0..fragments.len()).collect();
    let bounds = span_x(&fragments, &all);
    let mut out = Vec::new();
    // A page number over or under the text is a block of its own: set in the gutter, it
    // would hide the columns.
    let over = edge_page_number(page, &fragments, &all, true);
    all.retain(|i| !over.contains(i));
    let mut under = edge_page_number(page, &fragments, &all, false);
    if under.is_empty() {
        under = foot_page_number(page, &fragments, &all);
    }
    all.retain(|i| !under.contains(i));
    let mut next_region = 3u32;
    // Blocks still to split, the next one on top.
    let mut stack = Vec::new();
    for (block, region) in [(under, 2u32), (all, 0), (over, 1)] {
        if !block.is_empty() {
            stack.push((block, region, bounds));
        }
    }
    while let Some((block, region, bounds)) = stack.pop() {
        if Instant::now() > deadline {
            return None;
        }
        if let Some((first, then)) = column_cut(&fragments, &block) {
            // A section that ends across both columns before the next one starts.
            // (Or blocks side by side over the columns, each read whole before them.)
            let gutter = span_x(&fragments, &first).1;
            if let Some((above, below)) = section_turn(page, &fragments, &block, gutter) {
                stack.push((below, region, bounds));
                match <[Vec<usize>; 2]>::try_from(above) {
                    Ok([left, right]) => {
                        let (lb, rb) = (span_x(&fragments, &left), span_x(&fragments, &right));
                        stack.push((right, next_region + 1, rb));
                        stack.push((left, next_region, lb));
                        next_region += 2;
                    }
                    Err(parts) => {
                        for part in parts.into_iter().rev() {
                            stack.push((part, region, bounds));
                        }
                    }
                }
                continue;
            }
            let (fb, tb) = (span_x(&fragments, &first), span_x(&fragments, &then));
            stack.push((then, next_region + 1, tb));
            stack.push((first, next_region, fb));
            next_region += 2;
            continue;
        }
        // A ruled table set beside prose, in a block of lines across the page.
        if let Some([above, left, right, below]) = grid_band(&fragments, &grids, &block) {
            for (part, r) in [
                (below, region),
                (right, next_region + 1),
                (left, next_region),
                (above, region),
            ] {
                if !part.is_empty() {
                    let b = if r == region {
                        bounds
                    } else {
                        span_x(&fragments, &part)
                    };
                    stack.push((part, r, b));
                }
            }
            next_region += 2;
            continue;
        }
        let rows = columns_through(page, &fragments, row_cut(&fragments, &block));
        if rows.len() > 1 {
            for row in rows.into_iter().rev() {
                stack.push((row, region, bounds));
            }
            continue;
        }
        out.extend(leaf_lines(page, &fragments, block, region, bounds));
    }
    settle_tabs(page, &mut out);
    super::pdf_grid::read_rows(page, &grids, &mut out);
    super::pdf_ladder::read_rows(page, &ladders, &mut out);
    super::pdf_table::fill_empty_cells(page, &mut out);
    super::pdf_stacked_labels::join_stacked_labels(page, &mut out);
    super::pdf_rtl_rows::read_from_the_right(page, &mut out);
    super::pdf_drop_caps::place_drop_caps(page, &mut out);
    Some(out)
}

/// A wide gap in a line of prose (justified, or after a sentence) is a space, not a cell
/// break: a line next to it in its column runs on through the whole gap, where a table's
/// rows leave their column gaps white (a row keeps its cells when a row next to it has a
/// cell gap at the same place, even with prose on its other side).
fn settle_tabs(page: &PageGlyphs, lines: &mut [Line]) {
    // A blank left to be filled in is no cell gap: one between a pair of brackets (`رقم (
    // … )`), or before a comma (`المدينة …، ويشار`, `beginning …, 2010`): no cell starts with
    // a comma. (A cell may end with a bracket, `setTransform(`, or start with a stop, `..`.)
    for line in lines.iter_mut() {
        for k in 1..line.items.len() {
            if !matches!(line.items[k].1, Sep::Tab | Sep::Cells(_)) {
                continue;
            }
            let text = |k: usize| page.text(&page.glyphs[line.items[k].0 as usize]);
            let opens = matches!(text(k - 1), [.., '(' | '[']);
            let bracketed = opens && matches!(text(k).first(), Some(')' | ']'));
            let comma = matches!(text(k).first(), Some(',' | '،' | ';' | '؛'));
            if bracketed || comma {
                line.items[k].1 = Sep::Space;
            }
        }
    }
    // A bullet or a number set apart from its item's text is not a cell.
    for line in lines.iter_mut() {
        if let Some(first) = labels_item(page, line) {
            line.items[first].1 = Sep::Space;
            line.labelled = true;
        }
    }
    let mut spaces: Vec<(usize, usize)> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if !line.has_tab() {
            continue;
        }
        let near = |other: &Line| near(line, other);
        let neighbours: Vec<&Line> = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| lines.get(j))
            .filter(|l| near(l))
            .collect();
        // The rows beyond a label set on its own line between them (`Single` beside the
        // rows it names) are neighbours too; a caption under a table is not its prose.
        let beyond_labels: Vec<&Line> =
            [k.checked_sub(1).zip(k.checked_sub(2)), Some((k + 1, k + 2))]
                .into_iter()
                .flatten()
                .filter(|&(next, _)| {
                    lines
                        .get(next)
                        .is_some_and(|l| near(l) && is_label_line(page, l))
                })
                .filter_map(|(_, beyond)| lines.get(beyond))
                .filter(|l| l.region == line.region)
                .collect();
        let prose: Vec<&&Line> = neighbours
            .iter()
            .filter(|n| !super::pdf_floats::is_caption(&line_string(page, n)))
            .collect();
        for i in (1..line.items.len()).filter(|&i| line.items[i].1 == Sep::Tab) {
            let x0 = page.glyphs[line.items[i - 1].0 as usize].x1;
            let x1 = page.glyphs[line.items[i].0 as usize].x0;
            let in_a_table = neighbours
                .iter()
                .chain(&beyond_labels)
                .any(|n| tab_across(page, n, x0, x1));
            let in_prose = prose.iter().any(|n| {
                runs_through(page, n, x0, x1, line.size) && !ruled_between(page, line, n, x0, x1)
            });
            if in_prose && !in_a_table {
                spaces.push((k, i));
            }
        }
    }
    spaces.extend(prose_pairs(page, lines, &spaces));
    let lone: Vec<(usize, usize)> = (0..lines.len())
        .filter_map(|k| lone_prose_gap(page, lines, k, &spaces).map(|i| (k, i)))
        .collect();
    spaces.extend(lone);
    spaces.retain(|&(k, i)| !at_tab_stop(page, &lines[k], i));
    for (k, i) in spaces {
        lines[k].items[i].1 = Sep::Space;
    }
}

/// Whether the wide gap before item `i` sends the words after it to a tab stop far along
/// the line (`ARCELOR MITTAL … LTD.          Appellant (s)` under a centred line of a
/// caption): four sizes wide or more in a line whose other spaces are plain, not stretched
/// (a justified line spreads its room over all its spaces), and that stops short of its
/// column's edge (a justified line whose producer stretched one space reaches it).
fn at_tab_stop(page: &PageGlyphs, line: &Line, i: usize) -> bool {
    let gap = gap_before(page, &line.items, i);
    let spaces: Vec<f32> = (1..line.items.len())
        .filter(|&k| k != i && line.items[k].1 != Sep::None)
        .map(|k| gap_before(page, &line.items, k))
        .collect();
    gap >= 4.0 * line.size
        && line.x1 < line.bounds.1 - line.size
        && spaces.len() >= 2
        && spaces.iter().all(|&w| w <= 0.5 * line.size)
}

/// Whether `other` is the line just above or below `line` in its column.
fn near(line: &Line, other: &Line) -> bool {
    other.region == line.region
        && (other.baseline - line.baseline).abs() < 2.6 * line.size.max(other.size)
}

/// A line's text, words spaced.
fn line_string(page: &PageGlyphs, line: &Line) -> String {
    items_string(page, &line.items)
}

/// The text of some of a line's items, words spaced.
fn items_string(page: &PageGlyphs, items: &[(u32, Sep)]) -> String {
    items
        .iter()
        .flat_map(|&(g, sep)| {
            let space = (sep != Sep::None).then_some(' ');
            space
                .into_iter()
                .chain(page.text(&page.glyphs[g as usize]).iter().copied())
        })
        .collect()
}

/// Whether a line is a short label of words alone, no cells (a group of a table's rows
/// named on a line of its own: `Single`, `Multi`).
fn is_label_line(page: &PageGlyphs, line: &Line) -> bool {
    is_label(line, &line_string(page, line))
}

/// Whether a line of this text is a short label: a word or two, no cells.
pub(super) fn is_label(line: &Line, text: &str) -> bool {
    !line.has_tab() && text.split_whitespace().count() <= 2 && text.chars().any(char::is_alphabetic)
}

/// Whether `head` is the number or letter of an enumeration: `1.`, `2)`, `(a)`, `iv.`, a
/// reference's `[12]`; with `capitals`, also `A.` and `II.`.
pub(super) fn is_enumerator(head: &str, capitals: bool) -> bool {
    if let Some(n) = head.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit());
    }
    let inner = head
        .strip_prefix('(')
        .and_then(|h| h.strip_suffix(')'))
        .or_else(|| head.strip_suffix(['.', ')']));
    let letter = |c: char| c.is_ascii_lowercase() || (capitals && c.is_ascii_uppercase());
    let roman =
        |c: char| matches!(c, 'i' | 'v' | 'x') || (capitals && matches!(c, 'I' | 'V' | 'X'));
    // (A year is a citation's or a reference's, `(2004) tried …`, `2004. Discovering …`.)
    let year = |n: &str| n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y));
    inner.is_some_and(|n| {
        !n.is_empty()
            && n.len() <= 4
            && !year(n)
            && (n.chars().all(|c| c.is_ascii_digit())
                || (n.len() == 1 && n.chars().all(letter))
                || n.chars().all(roman))
    })
}

/// The cell gaps of line `k` not yet found to be spaces (`settled`).
fn open_gaps(lines: &[Line], k: usize, settled: &[(usize, usize)]) -> Vec<usize> {
    (1..lines[k].items.len())
        .filter(|&i| {
            matches!(lines[k].items[i].1, Sep::Tab | Sep::Cells(_)) && !settled.contains(&(k, i))
        })
        .collect()
}

/// The one wide gap of a line of prose among lines without gaps, set before its last word
/// or two (a justified line whose producer stretched one space: `on each     DEOCS` /
/// `factor.`): a sentence of words before it and a word after it, not a number, is no row of
/// a table (a table's rows come together, a line of contents ends in a number).
fn lone_prose_gap(
    page: &PageGlyphs,
    lines: &[Line],
    k: usize,
    settled: &[(usize, usize)],
) -> Option<usize> {
    let line = &lines[k];
    let has_cells = |j: usize| lines[j].lead > 0 || !open_gaps(lines, j, settled).is_empty();
    let near: Vec<usize> = [k.checked_sub(1), Some(k + 1)]
        .into_iter()
        .flatten()
        .filter(|&j| lines.get(j).is_some_and(|other| near(line, other)))
        .collect();
    if near.is_empty() || near.iter().any(|&j| has_cells(j)) || line.lead > 0 {
        return None;
    }
    let [gap] = open_gaps(lines, k, settled)[..] else {
        return None;
    };
    let (before, after) = (
        items_string(page, &line.items[..gap]),
        items_string(page, &line.items[gap..]),
    );
    let lower_words = before
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let after_words: Vec<&str> = after.split_whitespace().collect();
    let is_word =
        |w: &&str| w.chars().any(char::is_alphabetic) && !w.chars().any(|c| c.is_ascii_digit());
    let stretched_last_words =
        lower_words >= 5 && (1..=2).contains(&after_words.len()) && after_words.iter().all(is_word);
    // A justified line stretched after a sentence's end, reaching its column's edge, whose
    // next sentence starts after the gap (`… 908 (2025).     He has ably`).
    let right = lines[k.saturating_sub(3)..(k + 4).min(lines.len())]
        .iter()
        .filter(|l| l.region == line.region)
        .map(|l| l.x1)
        .fold(f32::MIN, f32::max);
    // (Stretched, not a gap between columns: a few spaces wide.)
    let width =
        page.glyphs[line.items[gap].0 as usize].x0 - page.glyphs[line.items[gap - 1].0 as usize].x1;
    let full = line.x1 >= right - line.size && width <= 2.5 * line.size;
    let sentence_ends = before
        .trim_end()
        .ends_with(['.', '?', '!', '"', '\u{201D}'])
        && before.split_whitespace().count() >= 3;
    let sentence_starts = after.trim_start().starts_with(char::is_uppercase)
        && after_words
            .iter()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase));
    (stretched_last_words || (full && sentence_ends && sentence_starts)).then_some(gap)
}

/// The gaps of one or two lines of prose that keep each other's gaps as cells (two justified
/// lines stretched after a sentence at the same place, `necessary."  Whitfield` over `Cir.
/// 2009).  We start`) when they go on a paragraph: the line just above, as wide and set at
/// the same spacing, runs through each of their gaps, and each has only that one gap. A
/// table's rows are not set as the next lines of a paragraph. `settled` are the gaps already
/// found to be spaces.
fn prose_pairs(
    page: &PageGlyphs,
    lines: &[Line],
    settled: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let tabs_of = |k: usize| open_gaps(lines, k, settled);
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if tabs_of(k).is_empty() {
            k += 1;
            continue;
        }
        // The run of lines with gaps left, in one column.
        let mut end = k + 1;
        while end < lines.len() && lines[end].region == lines[k].region && !tabs_of(end).is_empty()
        {
            end += 1;
        }
        let run = k..end;
        k = end;
        let Some(above) = run.start.checked_sub(1).map(|a| &lines[a]) else {
            continue;
        };
        let first = &lines[run.start];
        let usual = first.baseline - above.baseline;
        let same_spacing = usual > 0.0
            && usual <= 2.6 * first.size
            && (run.start + 1..run.end).all(|j| {
                let p = lines[j].baseline - lines[j - 1].baseline;
                (p - usual).abs() <= 0.15 * usual
            });
        let prose_above =
            above.region == first.region && tabs_of(run.start - 1).is_empty() && above.lead == 0;
        let as_wide = first.x1 - first.x0 >= 0.9 * (above.x1 - above.x0);
        let gaps_each = |most: usize| {
            run.clone()
                .all(|j| (1..=most).contains(&tabs_of(j).len()) && lines[j].lead == 0)
        };
        // Lines stretched so far that they have two to four gaps each are prose only between
        // lines of prose above and below that run through them all (`‘entertain’.  In
        // Martin  &  Harris  Ltd.` over `District Judge reported  in (1998)  1  SCC  732`).
        let below = lines.get(run.end).filter(|b| {
            b.region == first.region
                && tabs_of(run.end).is_empty()
                && b.lead == 0
                && b.x1 - b.x0 >= 0.9 * (first.x1 - first.x0)
                && b.baseline - lines[run.end - 1].baseline <= 1.15 * usual
        });
        let one_gap = gaps_each(1);
        let stretched = one_gap || (below.is_some() && gaps_each(4));
        if run.len() > 2 || !(same_spacing && prose_above && as_wide && stretched) {
            continue;
        }
        let gaps: Vec<(usize, usize)> = run
            .flat_map(|j| tabs_of(j).into_iter().map(move |i| (j, i)))
            .collect();
        let run_through = gaps.iter().all(|&(j, i)| {
            let x0 = page.glyphs[lines[j].items[i - 1].0 as usize].x1;
            let x1 = page.glyphs[lines[j].items[i].0 as usize].x0;
            runs_through(page, above, x0, x1, lines[j].size)
                && (one_gap || below.is_some_and(|b| runs_through(page, b, x0, x1, lines[j].size)))
        });
        if run_through {
            out.extend(gaps);
        }
    }
    out
}

/// Whether the line's one wide gap sets its first glyph or word, a list's bullet or number
/// (`•`, `2.`, `a.`, `(iv)`), apart from the item's text: that gap.
fn labels_item(page: &PageGlyphs, line: &Line) -> Option<usize> {
    if let Some(gap) = numbers_paragraph(page, line) {
        return Some(gap);
    }
    let mut gaps = (1..line.items.len()).filter(|&i| line.items[i].1 != Sep::None);
    let first = gaps.next()?;
    let tabs = (first..line.items.len())
        .filter(|&i| matches!(line.items[i].1, Sep::Tab | Sep::Cells(_)))
        .count();
    if line.items[first].1 != Sep::Tab || tabs != 1 || line.lead > 0 {
        return None;
    }
    let head: Vec<char> = line.items[..first]
        .iter()
        .flat_map(|&(g, _)| page.text(&page.glyphs[g as usize]).iter().copied())
        .collect();
    if first == 1 && is_bullet(&head) {
        return Some(first);
    }
    // A label of the item's text: words follow (`II.  DEMOGRAPHIC BREAKOUT`; a row `1.  Q1`
    // is a table's).
    let after = page.text(&page.glyphs[line.items[first].0 as usize]);
    let text_after = items_string(page, &line.items[first..]);
    let words = text_after.split_whitespace().count();
    // A dash set apart before a sentence's words is a list's bullet (`-   Plaintif berumur
    // 28 tahun …`); before a figure or a word or two it is a table's empty cell.
    let small_words = text_after
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    if first == 1
        && matches!(head[..], ['-' | '\u{2013}' | '\u{2014}'])
        && after.first().is_some_and(|c| c.is_alphabetic())
        && words >= 4
        && small_words >= 2
    {
        return Some(first);
    }
    if words < 3 && text_after.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let head: String = head.iter().collect();
    // A section's number before its title (`3.2.1  Reported Losses`).
    let section =
        is_section_number(&head) && after.first().is_some_and(|c| c.is_uppercase()) && words >= 2;
    (after.first().is_some_and(|c| c.is_alphabetic()) && is_enumerator(&head, true) || section)
        .then_some(first)
}

/// Whether the line starts with a paragraph's number set apart in the margin, as courts
/// number their opinions' paragraphs (`¶ 12`, `¶12`) and words follow: the gap after it.
fn numbers_paragraph(page: &PageGlyphs, line: &Line) -> Option<usize> {
    let text_of = |k: usize| page.text(&page.glyphs[line.items[k].0 as usize]);
    if line.lead > 0 || text_of(0) != ['¶'] {
        return None;
    }
    // The number, next to the mark or a space after it.
    let digits = (1..line.items.len())
        .take_while(|&i| i == 1 || line.items[i].1 == Sep::None)
        .take_while(|&i| text_of(i).iter().all(char::is_ascii_digit))
        .count();
    if line.items.get(1)?.1 == Sep::Tab {
        return None;
    }
    let gap = 1 + digits;
    let tabs = (gap..line.items.len())
        .filter(|&i| matches!(line.items[i].1, Sep::Tab | Sep::Cells(_)))
        .count();
    let words = items_string(page, &line.items[gap..])
        .split_whitespace()
        .count();
    (digits > 0 && line.items.get(gap)?.1 == Sep::Tab && tabs == 1 && words >= 3).then_some(gap)
}

/// Whether a word is a section's number of two levels or more (`3.2`, `4.1.1`, `2.3.`).
fn is_section_number(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts.len() >= 2
        && parts.len() <= 5
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a glyph's text is a list bullet (a symbol font's bullet, an unmapped one).
fn is_bullet(text: &[char]) -> bool {
    matches!(
        text,
        ['•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '▶'
            | '▸'
            | '✔'
            | '✓'
            | '❖'
            | '◆'
            | '❑'
            | '·'
            | '\u{F0B7}'
            | '\u{F0A7}'
            | '\u{FFFD}']
    )
}

/// Whether `line` has a cell gap overlapping `x0..x1`.
fn tab_across(page: &PageGlyphs, line: &Line, x0: f32, x1: f32) -> bool {
    (1..line.items.len())
        .filter(|&i| line.items[i].1 == Sep::Tab)
        .any(|i| {
            let a = page.glyphs[line.items[i - 1].0 as usize].x1;
            let b = page.glyphs[line.items[i].0 as usize].x0;
            a < x1 && b > x0
        })
}

/// Whether `line` has ink across the whole of `x0..x1`: at its start, middle and end (each
/// probe an em wide, wider than a word space even in a stretched line).
fn runs_through(page: &PageGlyphs, line: &Line, x0: f32, x1: f32, size: f32) -> bool {
    let probe = 0.5 * size;
    let inked = |x: f32| {
        line.items.iter().any(|&(g, _)| {
            let g = &page.glyphs[g as usize];
            g.x1 > x - probe && g.x0 < x + probe
        })
    };
    let mid = (x0 + x1) / 2.0;
    inked(x0 + probe) && inked(mid) && inked(x1 - probe)
}

/// Whether a rule across runs between two lines under the whole gap `x0..x1`: a table's
/// top or bottom rule parts its rows from the caption or note beside them, so the prose
/// of those is no reason to read the rows' gaps as spaces. (A rule under the upper line's
/// baseline, its words underlined, does not part them.)
fn ruled_between(page: &PageGlyphs, line: &Line, other: &Line, x0: f32, x1: f32) -> bool {
    let (upper, lower) = if other.baseline < line.baseline {
        (other, line)
    } else {
        (line, other)
    };
    let (top, bottom) = (
        upper.baseline + 0.3 * upper.size,
        lower.baseline - 0.6 * lower.size,
    );
    page.rules
        .iter()
        .any(|r| r.is_horizontal() && r.y0 > top && r.y0 < bottom && r.x0 <= x0 && r.x1 >= x1)
}

/// Glyphs in drawing order, cut into fragments.
fn fragments(page: &PageGlyphs) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    // Type too small to read, among type a reader reads (figures drawn at a point behind a
    // table's cells of eleven), is none of the page's text. (A page set all small, a
    // dashboard's labels, is read whole.)
    let usual = median(page.glyphs.iter().map(|g| g.size).collect());
    let unreadable = |g: &Glyph| g.size < 2.0 && g.size < 0.25 * usual;
    // Nor is a watermark set large across the lines.
    let watermark = super::pdf_watermarks::watermark(page, usual);
    for (i, g) in page.glyphs.iter().enumerate() {
        if unreadable(g) || watermark[i] {
            continue;
        }
        let i = i as u32;
        if let Some(f) = out.last_mut() {
            let last = &page.glyphs[*f.glyphs.last().unwrap_or(&i) as usize];
            let size = last.size.max(g.size);
            let gap = g.x0 - last.x1;
            // A note mark set small and raised right after a word (`I see.”¹`) is on its
            // word's line.
            let raised_mark = g.size < 0.8 * last.size
                && g.baseline < last.baseline
                && last.baseline - g.baseline < 0.6 * last.size
                && gap.abs() < 0.3 * last.size
                && page
                    .text(g)
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'));
            let same_line = (g.baseline - last.baseline).abs() < SAME_LINE * size || raised_mark;
            // A glyph drawn wholly to the left of the one before (the `-` of a right-to-left
            // `أ-`, drawn in reading order) is a fragment of its own, put in its place by x.
            let leftward = g.x1 <= last.x0 + 0.1 * size && g.x0 < last.x0 - 0.1 * size;
            if (same_line && gap > -0.5 * size && !leftward || tucked(page, last, g))
                && gap < CELL_GAP * size
            {
                f.push(i, g, gap > WORD_GAP * size || g.space_before);
                continue;
            }
        }
        out.push(Fragment::new(i, g));
    }
    for f in out
        .iter_mut()
        .filter(|f| f.words == 1 && f.glyphs.len() <= 12)
    {
        let digits: String = f
            .glyphs
            .iter()
            .flat_map(|&g| page.text(&page.glyphs[g as usize]).iter())
            .filter(|c| !matches!(c, ',' | '%' | '$'))
            .collect();
        f.number = digits.parse::<f32>().ok().filter(|v| v.is_finite());
    }
    for f in out.iter_mut() {
        let chars = f
            .glyphs
            .iter()
            .flat_map(|&g| page.text(&page.glyphs[g as usize]).iter());
        f.figures = chars.clone().any(|c| c.is_numeric())
            && chars.clone().all(|c| {
                c.is_numeric() || matches!(c, ',' | '.' | '%' | '(' | ')' | '-' | '٫' | '٬')
            });
        let (rtl, letters) = chars
            .filter(|c| c.is_alphabetic())
            .fold((0, 0), |(r, n), &c| {
                (r + usize::from(rtl_script(c).is_some()), n + 1)
            });
        f.rtl = (letters > 0).then_some(2 * rtl > letters);
    }
    for f in out.iter_mut().filter(|f| f.words >= 2) {
        f.caption = super::pdf_floats::is_caption(&sections::words(
            page,
            &f.glyphs[..f.glyphs.len().min(16)],
        ));
    }
    for f in out.iter_mut() {
        let head = sections::words(page, &f.glyphs[..f.glyphs.len().min(6)]);
        f.reference = head
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(n, _)| n.parse::<u32>().ok().filter(|_| n.len() <= 3));
    }
    out
}

/// Whether `g`, drawn right after `p`, is a right-to-left letter of the same word set apart
/// from its origin's place: a final `ر` or `ي` set a little higher or lower for its tail, or
/// placed over the letter drawn after it (drawn to the left of its origin). Their order is
/// the order they are drawn in, and the gap between their origins is no space.
fn tucked(page: &PageGlyphs, p: &Glyph, g: &Glyph) -> bool {
    let rtl_letter = |g: &Glyph| {
        page.text(g)
            .first()
            .is_some_and(|&c| c.is_alphabetic() && rtl_script(c).is_some())
    };
    let size = p.size.max(g.size);
    let gap = g.x0 - p.x1;
    let shift = (g.baseline - p.baseline).abs();
    let moved = (SAME_LINE * size..0.5 * size).contains(&shift) && gap.abs() < 0.5 * size;
    // (Over it, not beside it: a line drawn from the right, glyph by glyph, sets each one
    // just touching the one before.)
    let over =
        shift < 0.5 * size && gap <= -0.5 * size && gap > -1.5 * size && g.x1 > p.x0 + 0.01 * size;
    (moved || over) && !g.space_before && rtl_letter(p) && rtl_letter(g)
}

/// Whether `p` and `g` are joined by a kashida (`ـ`, drawn to stretch an Arabic word, often
/// as several glyphs with white between them): its white is inside the word.
fn stretched(page: &PageGlyphs, p: &Glyph, g: &Glyph) -> bool {
    let kashida = |g: &Glyph| page.text(g) == ['\u{640}'];
    (kashida(p) || kashida(g)) && !g.space_before && g.x0 - p.x1 < 0.5 * p.size.max(g.size)
}

/// The fragments of a page number standing alone over (`top`) or under all the other text
/// of `block`, a line's height apart from it (`12`, `- 12 -`, `Page 3 of 9`); none if there
/// is none.
fn edge_page_number(
    page: &PageGlyphs,
    fragments: &[Fragment],
    block: &[usize],
    top: bool,
) -> Vec<usize> {
    let key = |i: usize| {
        if top {
            fragments[i].top
        } else {
            -fragments[i].bottom
        }
    };
    let Some(&edge) = block.iter().min_by(|&&a, &&b| key(a).total_cmp(&key(b))) else {
        return Vec::new();
    };
    let e = &fragments[edge];
    let line: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&i| (fragments[i].baseline - e.baseline).abs() < SAME_LINE * e.size)
        .collect();
    if line.len() == block.len() {
        return Vec::new();
    }
    let text: String = line
        .iter()
        .map(|&i| sections::words(page, &fragments[i].glyphs))
        .collect::<Vec<_>>()
        .join(" ");
    let number = super::pdf_text::is_page_number(&super::pdf_text::page_number_key(&text));
    // White of a line's height or more between it and the rest.
    let apart = block.iter().filter(|i| !line.contains(i)).all(|&i| {
        let f = &fragments[i];
        if top {
            f.top
                - line
                    .iter()
                    .map(|&k| fragments[k].bottom)
                    .fold(f32::MIN, f32::max)
                >= e.size
        } else {
            line.iter()
                .map(|&k| fragments[k].top)
                .fold(f32::MAX, f32::min)
                - f.bottom
                >= e.size
        }
    });
    if number && apart { line } else { Vec::new() }
}

/// A page number in the foot band stands this far down the page or further (a share of
/// its height).
const FOOT_BAND: f32 = 0.88;

/// A page number set at the page's middle in the foot band beside the last lines of the
/// columns, on the baseline of one of them (`2` before `décès. Ce sont …`): a number alone,
/// one and a half sizes or more from the words level with it (no figures: a table's row).
fn foot_page_number(page: &PageGlyphs, fragments: &[Fragment], block: &[usize]) -> Vec<usize> {
    let alone = |i: usize| {
        let f = &fragments[i];
        let words = sections::words(page, &f.glyphs);
        let middle = (f.x0 + f.x1) / 2.0;
        let level = block
            .iter()
            .filter(|&&k| k != i && fragments[k].bottom > f.top && fragments[k].top < f.bottom);
        super::pdf_text::is_page_number(&super::pdf_text::page_number_key(&words))
            && (middle - page.width / 2.0).abs() <= 0.05 * page.width
            && f.baseline >= FOOT_BAND * page.height
            && level.clone().all(|&k| {
                let o = &fragments[k];
                // (Words, not a table's figures: a row's middle cell is no page number.)
                (o.x0 - f.x1).max(f.x0 - o.x1) >= 1.5 * f.size
                    && o.number.is_none()
                    && !o.figures
                    && o.words >= 2
            })
    };
    let found: Vec<usize> = block.iter().copied().filter(|&i| alone(i)).collect();
    if found.len() == 1 { found } else { Vec::new() }
}

fn span_x(fragments: &[Fragment], block: &[usize]) -> (f32, f32) {
    block.iter().fold((f32::MAX, f32::MIN), |(l, r), &i| {
        (l.min(fragments[i].x0), r.max(fragments[i].x1))
    })
}

fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// White gaps along one axis: intervals sorted by start, merged; the gaps between them as
/// (start, end) with the index of the first interval after the gap.
fn gaps(mut intervals: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut reach = f32::MIN;
    for (a, b) in intervals {
        if reach > f32::MIN && a > reach {
            out.push((reach, a));
        }
        reach = reach.max(b);
    }
    out
}

/// The white gaps between intervals at least `min` wide, widest first, `most` of them.
fn widest_gaps(intervals: Vec<(f32, f32)>, min: f32, most: usize) -> Vec<(f32, f32)> {
    let mut found: Vec<(f32, f32)> = gaps(intervals)
        .into_iter()
        .filter(|(a, b)| b - a >= min)
        .collect();
    found.sort_by(|a, b| (b.1 - b.0).total_cmp(&(a.1 - a.0)));
    found.truncate(most);
    found
}

/// How many columns deep a side of a cut is looked into: a page of up to four columns is
/// cut at its widest gutter first even though neither side is one column yet.
const COLUMN_DEPTH: u32 = 3;

/// A split of the block at the widest vertical white gap that has columns of prose on both
/// sides, or prose on one side and something beside it on the other (then the prose comes
/// first); the two parts in reading order.
fn column_cut(fragments: &[Fragment], block: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    column_cut_within(fragments, block, COLUMN_DEPTH)
}

/// [`column_cut`] where each side may itself be columns of prose, `depth` cuts deep.
fn column_cut_within(
    fragments: &[Fragment],
    block: &[usize],
    depth: u32,
) -> Option<(Vec<usize>, Vec<usize>)> {
    if block.len() < 4 {
        return None;
    }
    let size = median(block.iter().map(|&i| fragments[i].size).collect());
    let spans = block.iter().map(|&i| (fragments[i].x0, fragments[i].x1));
    // The widest few: a table with many columns is not tried at every one of them.
    for (a, b) in widest_gaps(spans.collect(), 0.6 * size, 6) {
        let (left, right): (Vec<usize>, Vec<usize>) =
            block.iter().partition(|&&i| fragments[i].x1 <= a);
        // The white between a grid's columns is no gutter.
        let grids = |side: &[usize]| {
            let mut g: Vec<usize> = side.iter().filter_map(|&i| fragments[i].grid).collect();
            g.sort_unstable();
            g.dedup();
            g
        };
        let right_grids = grids(&right);
        if grids(&left).iter().any(|g| right_grids.contains(g)) {
            continue;
        }
        // Two tables ruled only across, side by side, each on its side.
        let ladders = |side: &[usize]| {
            let mut l: Vec<(usize, f32, f32, usize)> =
                side.iter().filter_map(|&i| fragments[i].ladder).collect();
            l.sort_unstable_by_key(|e| e.0);
            l.dedup_by_key(|e| e.0);
            l
        };
        // (One each, of three rules or more, wholly on its side of the white: not the
        // rules under a statement's figures.)
        let (left_ladders, right_ladders) = (ladders(&left), ladders(&right));
        // (Most of each side in its table: a form's boxes beside its labels are not.)
        let whole =
            |ls: &[(usize, f32, f32, usize)], side: &[usize], on: &dyn Fn(f32, f32) -> bool| {
                let [(k, x0, x1, rules)] = ls else {
                    return false;
                };
                let members = side
                    .iter()
                    .filter(|&&i| fragments[i].ladder.is_some_and(|l| l.0 == *k))
                    .count();
                *rules >= 3 && members >= 6 && 3 * members >= 2 * side.len() && on(*x0, *x1)
            };
        // (Their rules reach past their words, not past the white's far side.)
        if whole(&left_ladders, &left, &|_, x1| x1 <= b + 1.0)
            && whole(&right_ladders, &right, &|x0, _| x0 >= a - 1.0)
        {
            return Some((left, right));
        }
        // A table beside a figure's caption (a map, a picture: no cells of its own), and
        // the other way round: read left to right.
        if table_beside_caption(fragments, &left, &right, b - a)
            || table_beside_caption(fragments, &right, &left, b - a)
        {
            return Some((left, right));
        }
        let (l, r) = (
            is_columns(fragments, &left, depth),
            is_columns(fragments, &right, depth),
        );
        // Two columns of prose, or prose beside something that is not in its rows (a
        // figure's labels, notes in the margin), which is read after it: a table's cells
        // share their rows' lines.
        // Two columns of prose (either may be one whose tables outweigh its text but that
        // has a paragraph of its own): read left to right.
        let left_column = l || has_paragraph(fragments, &left);
        let right_column = r || has_paragraph(fragments, &right);
        if left_column && right_column && (l || r) {
            return Some((left, right));
        }
        if l && is_aside(fragments, &right, &left) && !cells_of(fragments, &left, &right) {
            return Some((left, right));
        }
        if r && is_aside(fragments, &left, &right) && !cells_of(fragments, &right, &left) {
            return Some((right, left));
        }
        if one_list(fragments, &left, &right) {
            return Some((left, right));
        }
        if notes_beside_text(fragments, &left, &right) {
            return Some((right, left));
        }
        if tables_side_by_side(fragments, &left, &right, b - a)
            || tables_apart(fragments, &left, &right, b - a)
        {
            return Some(in_reading_order(fragments, left, right));
        }
        // A table beside a chart: the table, then the chart's words.
        if table_beside_chart(fragments, &left, &right) {
            return Some((left, right));
        }
        if table_beside_chart(fragments, &right, &left) {
            return Some((right, left));
        }
    }
    None
}

/// Whether `notes` are a column's notes, set smaller than the lines of `text` beside them
/// (the other column's last lines, which go on from the column above them): the notes are
/// read after the text, not as the first cells of its rows.
fn notes_beside_text(fragments: &[Fragment], notes: &[usize], text: &[usize]) -> bool {
    let largest_note = notes.iter().map(|&i| fragments[i].size).fold(0.0, f32::max);
    let smallest_text = text
        .iter()
        .map(|&i| fragments[i].size)
        .fold(f32::MAX, f32::min);
    !notes.is_empty()
        && text.iter().all(|&i| fragments[i].words >= 3)
        && largest_note <= 0.85 * smallest_text
}

/// Whether the two sides are columns of one list of references: entries numbered in
/// brackets at each side's left edge, the right side's going on after the left side's
/// (`[1]` … `[16]`, then `[17]` … `[19]`), whatever their lines' spacing makes of them.
fn one_list(fragments: &[Fragment], left: &[usize], right: &[usize]) -> bool {
    let numbers = |side: &[usize]| {
        let (l, _) = span_x(fragments, side);
        let size = median(side.iter().map(|&i| fragments[i].size).collect());
        let mut n: Vec<u32> = side
            .iter()
            .map(|&i| &fragments[i])
            .filter(|f| f.x0 <= l + 1.5 * size)
            .filter_map(|f| f.reference)
            .collect();
        n.sort_unstable();
        n
    };
    let (l, r) = (numbers(left), numbers(right));
    l.len() >= 2 && r.len() >= 2 && l.last() < r.first()
}

/// Whether the two sides of a white gap `gutter` wide are tables of their own, set side by
/// side: each has rows of several cells, and a line of words across it (its title or its
/// source note) that is no cell of the other's rows. One wide table's label column is not a
/// table of its own.
fn tables_side_by_side(
    fragments: &[Fragment],
    left: &[usize],
    right: &[usize],
    gutter: f32,
) -> bool {
    let table = |side: &[usize]| {
        let size = median(side.iter().map(|&i| fragments[i].size).collect());
        let (l, r) = span_x(fragments, side);
        let titled = side.iter().any(|&i| {
            let f = &fragments[i];
            f.words >= 3 && f.x1 - f.x0 >= 0.6 * (r - l)
        });
        gutter >= 2.0 * size && rows_of_cells(fragments, side) >= 3 && titled
    };
    // (A statement's labels and its columns of figures, each row's label on its figures'
    // line, are one table: one side mostly figures, the other mostly words, and most of one
    // side's lines stand on the other's, whatever stands above or under them.)
    let figures = |side: &[usize]| side.iter().filter(|&&i| fragments[i].figures).count();
    let (of_figures, of_words) = (
        |side: &[usize]| 2 * figures(side) >= side.len(),
        |side: &[usize]| 4 * figures(side) < side.len(),
    );
    let one_table = (of_figures(left) && of_words(right) || of_words(left) && of_figures(right))
        && (in_rows_of(fragments, left, right) || in_rows_of(fragments, right, left));
    table(left) && table(right) && !one_table
}

/// Whether the two sides of a white gap `gutter` wide are tables of their own, set side by
/// side with rows at their own heights (a bank's statements, two to a page): each has rows
/// of a label and its figures, and rows level with no line of the other's. One wide table's
/// rows go on across the gap (its labels on one side, its figures on the other), whatever
/// its title or its group headings do on one side.
fn tables_apart(fragments: &[Fragment], left: &[usize], right: &[usize], gutter: f32) -> bool {
    let size = median(
        left.iter()
            .chain(right)
            .map(|&i| fragments[i].size)
            .collect(),
    );
    gutter >= 2.0 * size
        && labelled_rows(fragments, left) >= 4
        && labelled_rows(fragments, right) >= 4
        && has_own_rows(fragments, left, right)
        && has_own_rows(fragments, right, left)
}

/// How many rows of `side` hold a label (words) and a figure.
fn labelled_rows(fragments: &[Fragment], side: &[usize]) -> usize {
    let size = median(side.iter().map(|&i| fragments[i].size).collect());
    let mut cells: Vec<&Fragment> = side.iter().map(|&i| &fragments[i]).collect();
    cells.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    cells
        .chunk_by(|a, b| (a.baseline - b.baseline).abs() < 0.5 * size)
        .filter(|row| {
            row.iter().any(|f| f.figures) && row.iter().any(|f| !f.figures && f.rtl.is_some())
        })
        .count()
}

/// Whether a third or more of `side`'s rows, and three at least, have no line of `other`
/// level with them.
fn has_own_rows(fragments: &[Fragment], side: &[usize], other: &[usize]) -> bool {
    let size = median(side.iter().map(|&i| fragments[i].size).collect());
    let mut baselines: Vec<f32> = side.iter().map(|&i| fragments[i].baseline).collect();
    baselines.sort_by(f32::total_cmp);
    let rows: Vec<f32> = baselines
        .chunk_by(|a, b| (a - b).abs() < 0.5 * size)
        .filter_map(|row| row.first().copied())
        .collect();
    let own = rows
        .iter()
        .filter(|&&b| {
            !other
                .iter()
                .any(|&i| (fragments[i].baseline - b).abs() < SAME_LINE * size)
        })
        .count();
    own >= 3 && 3 * own >= rows.len()
}

/// Two sides of a cut in reading order: the right one first where both read from the right
/// (more of their fragments with letters read right to left than left to right).
fn in_reading_order(
    fragments: &[Fragment],
    left: Vec<usize>,
    right: Vec<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let rtl = |side: &[usize]| {
        let count = |rtl: bool| {
            side.iter()
                .filter(|&&i| fragments[i].rtl == Some(rtl))
                .count()
        };
        count(true) > count(false)
    };
    if rtl(&left) && rtl(&right) {
        (right, left)
    } else {
        (left, right)
    }
}

/// Whether `table` has rows of cells and `figure`, across a wide white gutter from it, holds
/// a caption (`Mapa N° 7`, `Figure 2:`) and no row of cells nor mostly numbers: a map or
/// picture set beside the table, whose caption is level with its rows.
fn table_beside_caption(
    fragments: &[Fragment],
    table: &[usize],
    figure: &[usize],
    gutter: f32,
) -> bool {
    let size = median(table.iter().map(|&i| fragments[i].size).collect());
    // (A column of years holding a table's title set apart from its words, `Table 18.
    // Actual …`, is the table's own.)
    let numbers = figure
        .iter()
        .filter(|&&i| fragments[i].number.is_some())
        .count();
    gutter >= 2.5 * size
        && rows_of_cells(fragments, table) >= 3
        && rows_of_cells(fragments, figure) == 0
        && 2 * numbers < figure.len()
        && figure.iter().any(|&i| fragments[i].caption)
}

/// How many rows of two cells or more `side` has.
fn rows_of_cells(fragments: &[Fragment], side: &[usize]) -> usize {
    if side.is_empty() {
        return 0;
    }
    let size = median(side.iter().map(|&i| fragments[i].size).collect());
    let mut baselines: Vec<f32> = side.iter().map(|&i| fragments[i].baseline).collect();
    baselines.sort_by(f32::total_cmp);
    baselines
        .chunk_by(|a, b| (a - b).abs() < 0.5 * size)
        .filter(|row| row.len() >= 2)
        .count()
}

/// Whether `table` has rows of cells and `chart` is a chart beside it, not more of its
/// columns: what of the chart stands level with the table's rows is its scale and its short
/// labels (the months under it), not cells.
fn table_beside_chart(fragments: &[Fragment], table: &[usize], chart: &[usize]) -> bool {
    if rows_of_cells(fragments, table) < 3 || !is_chart(fragments, chart) {
        return false;
    }
    let mut baselines: Vec<f32> = table.iter().map(|&i| fragments[i].baseline).collect();
    baselines.sort_by(f32::total_cmp);
    let level: Vec<&Fragment> = chart
        .iter()
        .map(|&i| &fragments[i])
        .filter(|f| {
            let near = baselines.partition_point(|&b| b < f.baseline - SAME_LINE * f.size);
            baselines
                .get(near)
                .is_some_and(|&b| (b - f.baseline).abs() < SAME_LINE * f.size)
        })
        .collect();
    let labels = level
        .iter()
        .filter(|f| f.number.is_some() || f.glyphs.len() <= 2)
        .count();
    3 * labels >= 2 * level.len()
}

/// Whether `side` holds a chart: a scale of four numbers or more, one above the other at
/// even steps and aligned on one edge (its axis), whatever else it holds (its title, its
/// legend, the months under it).
fn is_chart(fragments: &[Fragment], side: &[usize]) -> bool {
    let mut ticks: Vec<&Fragment> = side
        .iter()
        .map(|&i| &fragments[i])
        .filter(|f| f.number.is_some())
        .collect();
    ticks.sort_by(|a, b| a.x1.total_cmp(&b.x1));
    // Numbers sharing a right edge, evenly apart, and counting down the page by one step, as
    // a scale rises up the page (a table's column of numbers does not; line numbers and
    // years count up).
    ticks
        .chunk_by(|a, b| (a.x1 - b.x1).abs() < 1.0)
        .any(|axis| {
            let mut axis = axis.to_vec();
            axis.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
            let even = |v: Vec<f32>| {
                let steps: Vec<f32> = v.windows(2).map(|w| w[1] - w[0]).collect();
                let first = steps.first().copied().unwrap_or(0.0);
                first.abs() > 0.0 && steps.iter().all(|s| (s - first).abs() <= 0.1 * first.abs())
            };
            let values: Vec<f32> = axis.iter().filter_map(|f| f.number).collect();
            axis.len() >= 4
                && even(axis.iter().map(|f| f.baseline).collect())
                && values.windows(2).all(|w| w[1] < w[0])
                && even(values)
        })
}

/// Whether `side` stands beside the column `prose` (level with it, not above or below it)
/// without being cells of its rows.
fn is_aside(fragments: &[Fragment], side: &[usize], prose: &[usize]) -> bool {
    let extent = |part: &[usize]| {
        part.iter().fold((f32::MAX, f32::MIN), |(t, b), &i| {
            (t.min(fragments[i].top), b.max(fragments[i].bottom))
        })
    };
    let ((st, sb), (pt, pb)) = (extent(side), extent(prose));
    let level = sb.min(pb) - st.max(pt);
    level >= 0.5 * (sb - st)
        && !in_rows_of(fragments, side, prose)
        && !has_paragraph(fragments, side)
}

/// Whether `column`, read as prose, is rather a table's last column beside `rows`, the
/// table's first ones: it has fewer lines than they do, and half its lines or more, three
/// at least, stand level with their rows of cells (a label and its text: a cell's sentence
/// or two on its row's first line). Prose beside a figure's labels or a margin's notes has
/// the more lines, and few of them level with cells.
fn cells_of(fragments: &[Fragment], column: &[usize], rows: &[usize]) -> bool {
    let lines = |side: &[usize]| -> Vec<Vec<&Fragment>> {
        let size = median(side.iter().map(|&i| fragments[i].size).collect());
        let mut cells: Vec<&Fragment> = side.iter().map(|&i| &fragments[i]).collect();
        cells.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
        cells
            .chunk_by(|a, b| (a.baseline - b.baseline).abs() < 0.5 * size)
            .map(<[&Fragment]>::to_vec)
            .collect()
    };
    let (column, rows) = (lines(column), lines(rows));
    let level = column
        .iter()
        .filter(|line| {
            let f = line[0];
            rows.iter().any(|row| {
                row.len() >= 2 && (row[0].baseline - f.baseline).abs() < SAME_LINE * f.size
            })
        })
        .count();
    column.len() < rows.len() && level >= 3 && 2 * level >= column.len()
}

/// Whether `side` holds a paragraph of its own: three lines or more of five words or more
/// filling most of its width (a column whose tables outweigh its text, not a figure's labels).
fn has_paragraph(fragments: &[Fragment], side: &[usize]) -> bool {
    let (l, r) = span_x(fragments, side);
    let full = side
        .iter()
        .map(|&i| &fragments[i])
        .filter(|f| f.words >= 5 && f.x1 - f.x0 >= 0.8 * (r - l))
        .count();
    full >= 3
}

/// Whether most of `side`'s fragments stand on a baseline of `prose` (cells of the same
/// table rows rather than a figure beside a column).
fn in_rows_of(fragments: &[Fragment], side: &[usize], prose: &[usize]) -> bool {
    if side.is_empty() {
        return true;
    }
    let mut baselines: Vec<(f32, f32)> = prose
        .iter()
        .map(|&i| (fragments[i].baseline, fragments[i].size))
        .collect();
    baselines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let on_a_row = side
        .iter()
        .filter(|&&i| {
            let f = &fragments[i];
            // On a line's baseline, or a note's number set small and raised at its start.
            let mark = f.number.is_some() && f.glyphs.len() <= 3;
            let on = |&(b, size): &(f32, f32)| {
                (b - f.baseline).abs() < SAME_LINE * f.size
                    || (mark
                        && f.size < 0.8 * size
                        && f.baseline < b
                        && b - f.baseline < 0.6 * size)
            };
            let from = baselines.partition_point(|&(b, _)| b < f.baseline - SAME_LINE * f.size);
            baselines[from..]
                .iter()
                .take_while(|(b, size)| *b <= f.baseline + 0.6 * size)
                .any(on)
        })
        .count();
    2 * on_a_row >= side.len()
}

/// Whether fragments read as a column of prose or, `depth` cuts deep, as columns of prose
/// side by side (the left part of a three-column page).
fn is_columns(fragments: &[Fragment], side: &[usize], depth: u32) -> bool {
    // Columns of prose need lines of a few words: a table's cells (a number, a name) are
    // not cut again at every gap between them, which would take time without end.
    let worded = side.iter().filter(|&&i| fragments[i].words >= 3).count();
    is_prose(fragments, side)
        || (depth > 1 && worded >= 4 && column_cut_within(fragments, side, depth - 1).is_some())
}

/// Whether fragments read as a column of prose: two lines or more, at least six font sizes
/// wide, most of its glyphs in lines filling half its width or more and holding a few words
/// (the cells of a table's column hold one or two; a figure's labels beside a few lines of
/// prose do not outweigh them).
fn is_prose(fragments: &[Fragment], side: &[usize]) -> bool {
    if side.len() < 2 {
        return false;
    }
    let size = median(side.iter().map(|&i| fragments[i].size).collect());
    let (l, r) = span_x(fragments, side);
    let width = r - l;
    let mut baselines: Vec<f32> = side.iter().map(|&i| fragments[i].baseline).collect();
    baselines.sort_by(f32::total_cmp);
    baselines.dedup_by(|a, b| (*a - *b).abs() < 0.5 * size);
    let (mut prose, mut all) = (0usize, 0usize);
    for &i in side {
        let f = &fragments[i];
        all += f.glyphs.len();
        if f.x1 - f.x0 >= 0.5 * width && f.words >= 3 {
            prose += f.glyphs.len();
        }
    }
    baselines.len() >= 2 && width >= 6.0 * size && 2 * prose >= all
}

/// A block with a ruled table set beside lines of prose, under and over lines across the
/// block (no white runs down it, so no column is cut): the lines over the table's band,
/// the prose beside it, the table (with what stands over or under it on its side: its
/// caption) and the lines under the band. The band reaches up and down as far as the white
/// between the prose and the table runs.
fn grid_band(
    fragments: &[Fragment],
    grids: &[super::pdf_grid::Grid],
    block: &[usize],
) -> Option<[Vec<usize>; 4]> {
    let grid = block.iter().find_map(|&i| fragments[i].grid)?;
    let table: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&i| fragments[i].grid == Some(grid))
        .collect();
    // (Its rules' edges: its caption may stand out from its cells' text.)
    let (gx0, gx1) = grids.get(grid).map(|g| (g.x0, g.x1))?;
    let top = table
        .iter()
        .map(|&i| fragments[i].top)
        .fold(f32::MAX, f32::min);
    let bottom = table
        .iter()
        .map(|&i| fragments[i].bottom)
        .fold(f32::MIN, f32::max);
    let level = |f: &Fragment| f.bottom > top && f.top < bottom;
    // The prose beside the table, on its left or its right, and the white between.
    let others: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&i| fragments[i].grid != Some(grid))
        .collect();
    let beside_left: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| level(&fragments[i]) && fragments[i].x1 <= gx0)
        .collect();
    let beside_right: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| level(&fragments[i]) && fragments[i].x0 >= gx1)
        .collect();
    let (beside, table_left) = if beside_left.len() >= beside_right.len() {
        (beside_left, false)
    } else {
        (beside_right, true)
    };
    // (A table of figures in rows of cells: a diagram's boxes are none.)
    let figures = table
        .iter()
        .filter(|&&i| fragments[i].number.is_some())
        .count();
    if rows_of_cells(fragments, &table) < 3 || figures < 3 {
        return None;
    }
    // (Lines of prose: a form's letters set down its margin are none.)
    let prose = beside.iter().filter(|&&i| fragments[i].words >= 4).count();
    if prose < 3
        || others
            .iter()
            .any(|&i| level(&fragments[i]) && fragments[i].x1 > gx0 && fragments[i].x0 < gx1)
    {
        return None;
    }
    let (gutter0, gutter1) = if table_left {
        let start = beside
            .iter()
            .map(|&i| fragments[i].x0)
            .fold(f32::MAX, f32::min);
        (gx1, start)
    } else {
        let end = beside
            .iter()
            .map(|&i| fragments[i].x1)
            .fold(f32::MIN, f32::max);
        (end, gx0)
    };
    if gutter1 - gutter0 < 3.0 {
        return None;
    }
    // The band: from the lowest line over the table that crosses the white to the highest
    // under it that does.
    let crosses = |f: &Fragment| f.x0 < gutter1 && f.x1 > gutter0;
    let band_top = block
        .iter()
        .map(|&i| &fragments[i])
        .filter(|f| crosses(f) && f.bottom <= top)
        .map(|f| f.bottom)
        .fold(f32::MIN, f32::max);
    let band_bottom = block
        .iter()
        .map(|&i| &fragments[i])
        .filter(|f| crosses(f) && f.top >= bottom)
        .map(|f| f.top)
        .fold(f32::MAX, f32::min);
    let middle = |f: &Fragment| (f.top + f.bottom) / 2.0;
    let mut parts: [Vec<usize>; 4] = Default::default();
    for &i in block {
        let f = &fragments[i];
        let k = if middle(f) <= band_top {
            0
        } else if middle(f) >= band_bottom {
            3
        } else if (f.x1 <= gutter0) != table_left {
            // The prose's side.
            if table_left { 2 } else { 1 }
        } else if table_left {
            1
        } else {
            2
        };
        parts[k].push(i);
    }
    // The lines across the band, over or under it, make the cut: with none, the columns
    // are cut as columns are.
    (parts[0].len() + parts[3].len() > 0 && !parts[1].is_empty() && !parts[2].is_empty())
        .then_some(parts)
}

/// The block split at its widest horizontal white gaps (all gaps at least half as wide as
/// the widest), top to bottom; the block itself if it has none.
fn row_cut(fragments: &[Fragment], block: &[usize]) -> Vec<Vec<usize>> {
    let found = gaps(
        block
            .iter()
            .map(|&i| (fragments[i].top, fragments[i].bottom))
            .collect(),
    );
    let Some(widest) = found.iter().map(|(a, b)| b - a).reduce(f32::max) else {
        return vec![block.to_vec()];
    };
    let cuts: Vec<f32> = found
        .iter()
        .filter(|(a, b)| b - a >= 0.5 * widest)
        .map(|(_, b)| *b)
        .collect();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
    for &i in block {
        let row = cuts.partition_point(|&c| c <= fragments[i].top);
        rows[row].push(i);
    }
    rows.retain(|r| !r.is_empty());
    rows
}

/// The lines of a block with no white gap: fragments grouped by baseline (top to bottom),
/// each group left to right.
fn leaf_lines(
    page: &PageGlyphs,
    fragments: &[Fragment],
    mut block: Vec<usize>,
    region: u32,
    bounds: (f32, f32),
) -> Vec<Line> {
    block.sort_by(|&a, &b| fragments[a].baseline.total_cmp(&fragments[b].baseline));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in block {
        let f = &fragments[i];
        match groups.last_mut() {
            Some(g)
                if {
                    let first = &fragments[g[0]];
                    (f.baseline - first.baseline).abs() < 0.5 * f.size.max(first.size)
                } =>
            {
                g.push(i)
            }
            _ => groups.push(vec![i]),
        }
    }
    // Superscripts set as a line of their own over the line they belong to.
    let mut raised: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    // Fractions set in a line at its own size (`will create P` N over R `copysets`): the
    // numerators over it and the denominators under it are the line's.
    let mut fractions: Vec<(Vec<usize>, Vec<usize>)> = vec![Default::default(); groups.len()];
    for j in 1..groups.len().saturating_sub(1) {
        if fractions_of(page, fragments, &groups[j - 1], &groups[j], &groups[j + 1]) {
            fractions[j] = (
                std::mem::take(&mut groups[j - 1]),
                std::mem::take(&mut groups[j + 1]),
            );
        }
    }
    for j in (0..groups.len().saturating_sub(1)).rev() {
        let above = j.checked_sub(1).map(|a| groups[a].as_slice());
        if set_off_from(
            page,
            fragments,
            &groups[j],
            &groups[j + 1],
            above,
            Side::Over,
        ) {
            let sup = std::mem::take(&mut groups[j]);
            raised[j + 1].extend(sup);
        }
    }
    // And subscripts (a fraction's denominator in a sentence) set under it.
    for j in 1..groups.len() {
        let Some(line) = (0..j).rev().find(|&k| !groups[k].is_empty()) else {
            continue;
        };
        let below = groups.get(j + 1).map(Vec::as_slice);
        if set_off_from(
            page,
            fragments,
            &groups[j],
            &groups[line],
            below,
            Side::Under,
        ) {
            let sub = std::mem::take(&mut groups[j]);
            raised[line].extend(sub);
        }
    }
    groups
        .into_iter()
        .zip(raised)
        .zip(fractions)
        .filter(|((g, _), _)| !g.is_empty())
        .map(|((mut g, sup), (over, under))| {
            g.sort_by(|&a, &b| fragments[a].x0.total_cmp(&fragments[b].x0));
            over_before_under(fragments, &mut g);
            let mut glyphs = in_line_order(page, fragments, &g);
            place_fractions(page, fragments, &over, &under, &mut glyphs);
            place_superscripts(page, fragments, &sup, &mut glyphs);
            line_of(page, &glyphs, region, bounds)
        })
        .collect()
}

/// Bits of a line stacked one over the other (a fraction's `1` over `|S|` in a sentence)
/// read top first, whichever starts further left.
fn over_before_under(fragments: &[Fragment], group: &mut [usize]) {
    for k in 1..group.len() {
        let (a, b) = (&fragments[group[k - 1]], &fragments[group[k]]);
        if stacked(a, b) && b.baseline < a.baseline {
            group.swap(k - 1, k);
        }
    }
}

/// Whether two fragments stand one over the other, most of the narrower within the
/// other's width and a line of their type apart.
fn stacked(a: &Fragment, b: &Fragment) -> bool {
    let overlap = a.x1.min(b.x1) - a.x0.max(b.x0);
    let narrower = (a.x1 - a.x0).min(b.x1 - b.x0);
    overlap > 0.5 * narrower && (a.baseline - b.baseline).abs() >= 0.9 * a.size.min(b.size)
}

/// Whether `over` and `under` are the numerators and denominators of fractions set in
/// `line` at about its size: each bit over the line has one under it across the line (and
/// each under, one over), a bar is drawn between them across the line, which is white
/// there, and they stand off its baseline by about two thirds of its size (less than a
/// line apart).
fn fractions_of(
    page: &PageGlyphs,
    fragments: &[Fragment],
    over: &[usize],
    line: &[usize],
    under: &[usize],
) -> bool {
    if over.is_empty() || line.is_empty() || under.is_empty() {
        return false;
    }
    let size = median(line.iter().map(|&i| fragments[i].size).collect());
    let base = median(line.iter().map(|&i| fragments[i].baseline).collect());
    let (x0, x1) = span_x(fragments, line);
    let across = |a: &Fragment, b: &Fragment| a.x0 < b.x1 && a.x1 > b.x0;
    // (No glyph of the line stands where the fraction does.)
    let white = |f: &Fragment| {
        !line.iter().any(|&i| {
            fragments[i].glyphs.iter().any(|&g| {
                let g = &page.glyphs[g as usize];
                g.x0 < f.x1 - 0.1 * size && g.x1 > f.x0 + 0.1 * size
            })
        })
    };
    // (A bar drawn across both, between the line's baseline and its x-height: the
    // fraction's.)
    let barred = |a: &Fragment, b: &Fragment| {
        let (l, r) = (a.x0.min(b.x0), a.x1.max(b.x1));
        page.rules.iter().any(|bar| {
            bar.is_horizontal()
                && (base - 0.8 * size..base).contains(&bar.y0)
                && bar.x0 <= l + 0.2 * size
                && bar.x1 >= r - 0.2 * size
                && bar.x1 - bar.x0 <= r - l + size
        })
    };
    let part = |f: &Fragment, off: f32, others: &[usize]| {
        (0.35 * size..0.85 * size).contains(&off)
            && f.size <= 1.05 * size
            && f.x0 >= x0 - 10.0 * size
            && f.x1 <= x1 + size
            && white(f)
            && others.iter().any(|&o| {
                let o = &fragments[o];
                across(f, o) && barred(f, o)
            })
    };
    over.iter()
        .all(|&i| part(&fragments[i], base - fragments[i].baseline, under))
        && under
            .iter()
            .all(|&i| part(&fragments[i], fragments[i].baseline - base, over))
}

/// Which side of its line a bit set off from it stands on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Raised over it: superscripts.
    Over,
    /// Set under it: subscripts, a fraction's denominator.
    Under,
}

/// Whether `group` is the superscripts (or subscripts) of `line`, set as a line of their
/// own (`100 cm⁻³`, `n⁽⁰⁾`; `|S|` under `1` in `defined as 1/|S|`): short bits set smaller,
/// moved off its baseline by less than its size, within its width, right beside its glyphs,
/// nearer to it than to the line `beyond` them.
fn set_off_from(
    page: &PageGlyphs,
    fragments: &[Fragment],
    group: &[usize],
    line: &[usize],
    beyond: Option<&[usize]>,
    side: Side,
) -> bool {
    if group.is_empty() || line.is_empty() {
        return false;
    }
    let glyphs = |g: &[usize]| g.iter().map(|&i| fragments[i].glyphs.len()).sum::<usize>();
    let baseline = |g: &[usize]| median(g.iter().map(|&i| fragments[i].baseline).collect());
    let size = median(line.iter().map(|&i| fragments[i].size).collect());
    let (x0, x1) = span_x(fragments, line);
    let base = baseline(line);
    let off = |b: f32| match side {
        Side::Over => base - b,
        Side::Under => b - base,
    };
    let shift = off(baseline(group));
    let nearer = beyond.is_none_or(|b| (baseline(b) - baseline(group)).abs() > 1.5 * shift);
    // A letter of a word set down the page (a chart's label) has another beyond it, or
    // one small on the line's baseline beside it.
    let stacked = |f: &Fragment| {
        let further = beyond.is_some_and(|b| {
            b.iter().any(|&i| {
                let o = &fragments[i];
                o.size < 0.85 * size && o.x0 < f.x1 && o.x1 > f.x0
            })
        });
        let on_line = line.iter().any(|&i| {
            fragments[i].glyphs.iter().any(|&g| {
                let u = &page.glyphs[g as usize];
                u.size < 0.85 * size
                    && (u.baseline - base).abs() < 0.1 * size
                    && u.x0 < f.x1
                    && u.x1 > f.x0
            })
        });
        further || on_line
    };
    // A superscript stands right after the glyph it is raised from, or right before the
    // word it marks; so does a subscript.
    let beside = |f: &Fragment| {
        line.iter().any(|&i| {
            fragments[i].glyphs.iter().any(|&g| {
                let h = &page.glyphs[g as usize];
                (h.x1 - f.x0).abs() < 0.5 * size || (h.x0 - f.x1).abs() < 0.5 * size
            })
        })
    };
    let moved = match side {
        Side::Over => 0.2 * size..0.8 * size,
        Side::Under => 0.15 * size..0.7 * size,
    };
    nearer
        && 4 * glyphs(group) <= glyphs(line)
        && group.iter().all(|&i| {
            let f = &fragments[i];
            f.size < 0.85 * size
                && f.glyphs.len() <= 16
                && moved.contains(&off(f.baseline))
                // (A note's number may hang in the margin before its note.)
                && f.x0 >= x0 - 1.5 * size
                && f.x1 <= x1 + 0.5 * size
                && !stacked(f)
                && beside(f)
        })
}

/// Puts fractions' numerators (`over`) and denominators (`under`) into a line's `glyphs`
/// where they stand: each numerator, then the denominators under it.
fn place_fractions(
    page: &PageGlyphs,
    fragments: &[Fragment],
    over: &[usize],
    under: &[usize],
    glyphs: &mut Vec<u32>,
) {
    let mut over = over.to_vec();
    over.sort_by(|&a, &b| fragments[a].x0.total_cmp(&fragments[b].x0));
    let mut under = under.to_vec();
    under.sort_by(|&a, &b| fragments[a].x0.total_cmp(&fragments[b].x0));
    let mut placed = vec![false; under.len()];
    for &o in &over {
        let top = &fragments[o];
        let mut unit = top.glyphs.clone();
        let mut left = top.x0;
        for (k, &u) in under.iter().enumerate() {
            let bottom = &fragments[u];
            if !placed[k] && bottom.x0 < top.x1 && bottom.x1 > top.x0 {
                placed[k] = true;
                unit.extend(&bottom.glyphs);
                left = left.min(bottom.x0);
            }
        }
        let at = glyphs
            .iter()
            .position(|&g| page.glyphs[g as usize].x0 >= left)
            .unwrap_or(glyphs.len());
        glyphs.splice(at..at, unit);
    }
}

/// Puts the glyphs of superscript fragments `sup` into a line's `glyphs` where they stand:
/// each run of them after the glyphs that start before its middle.
fn place_superscripts(
    page: &PageGlyphs,
    fragments: &[Fragment],
    sup: &[usize],
    glyphs: &mut Vec<u32>,
) {
    let mut runs: Vec<Vec<u32>> = Vec::new();
    for &f in sup {
        let mut last: Option<&Glyph> = None;
        for &g in &fragments[f].glyphs {
            let glyph = &page.glyphs[g as usize];
            match (last, runs.last_mut()) {
                (Some(l), Some(run)) if glyph.x0 - l.x1 <= WORD_GAP * glyph.size => run.push(g),
                _ => runs.push(vec![g]),
            }
            last = Some(glyph);
        }
    }
    for run in runs {
        let first = &page.glyphs[run[0] as usize];
        let middle = 0.5 * (first.x0 + first.x1);
        let mut at = glyphs
            .iter()
            .position(|&g| page.glyphs[g as usize].x0 >= middle)
            .unwrap_or(glyphs.len());
        // (After what stands over it: a denominator after its numerator.)
        let (x0, x1) = run.iter().fold((f32::MAX, f32::MIN), |(a, b), &g| {
            let g = &page.glyphs[g as usize];
            (a.min(g.x0), b.max(g.x1))
        });
        while glyphs.get(at).is_some_and(|&g| {
            let g = &page.glyphs[g as usize];
            g.x0 < x1 && g.x1 > x0 && first.baseline - g.baseline >= 0.9 * g.size.min(first.size)
        }) {
            at += 1;
        }
        glyphs.splice(at..at, run);
    }
}

/// The glyphs of a line's fragments, left to right, with a note mark drawn apart (after the
/// line, out of order) set small and raised inside another fragment put where it stands:
/// `termination.²` / `Robinson`, not at the line's end.
fn in_line_order(page: &PageGlyphs, fragments: &[Fragment], group: &[usize]) -> Vec<u32> {
    let is_mark = |f: &Fragment, host: &Fragment| {
        f.glyphs.len() <= 3
            && f.size < 0.8 * host.size
            && f.baseline < host.baseline
            && host.baseline - f.baseline < 0.6 * host.size
            && f.x0 > host.x0
            && f.x1 < host.x1
            && f.glyphs.iter().all(|&g| {
                page.text(&page.glyphs[g as usize])
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
            })
    };
    // A superscript stacked over a subscript inside a run (`yⁱ₁` in `{[y₁, y₂]}`, the run
    // `₁, y` drawn after the `ⁱ`) goes over it, however it is drawn.
    let lowered_under = |f: &Fragment, g: &Glyph, host: &Fragment| {
        g.size < 0.8 * host.size
            && g.baseline > host.baseline + 0.1 * host.size
            && g.x0.max(f.x0) < g.x1.min(f.x1)
            && g.x1.min(f.x1) - g.x0.max(f.x0) > 0.5 * (f.x1 - f.x0)
    };
    let is_stacked_script = |f: &Fragment, host: &Fragment| {
        f.glyphs.len() <= 3
            && f.size < 0.8 * host.size
            && (0.2 * host.size..0.6 * host.size).contains(&(host.baseline - f.baseline))
            && f.x0 > host.x0
            && f.x1 < host.x1
            && host
                .glyphs
                .iter()
                .any(|&g| lowered_under(f, &page.glyphs[g as usize], host))
    };
    let mut placed: Vec<Option<usize>> = vec![None; group.len()];
    for (m, &f) in group.iter().enumerate() {
        placed[m] = group.iter().position(|&h| {
            h != f
                && (is_mark(&fragments[f], &fragments[h])
                    || is_stacked_script(&fragments[f], &fragments[h]))
        });
    }
    // A stop drawn out of its run's order (a Persian full stop drawn after its line, at its
    // place in the white between two words of a run): put where it stands, in the gap of
    // the run whose glyphs go left to right around it, on its baseline.
    let mut inside: Vec<Option<usize>> = vec![None; group.len()];
    for (m, &f) in group.iter().enumerate() {
        let small = &fragments[f];
        let [stop] = small.glyphs[..] else {
            continue;
        };
        let stop = &page.glyphs[stop as usize];
        let punctuation = page
            .text(stop)
            .iter()
            .all(|c| matches!(c, '.' | ',' | ':' | ';' | '!' | '?' | '،' | '؛' | '؟'));
        if placed[m].is_some() || !punctuation {
            continue;
        }
        inside[m] = group.iter().position(|&h| {
            let host = &fragments[h];
            let glyphs: Vec<&Glyph> = host
                .glyphs
                .iter()
                .map(|&g| &page.glyphs[g as usize])
                .collect();
            let tolerance = 0.05 * stop.size;
            h != f
                && glyphs.len() >= 3
                && (host.baseline - stop.baseline).abs() < 0.1 * stop.size
                && glyphs.windows(2).all(|w| w[0].x0 <= w[1].x0)
                && glyphs
                    .windows(2)
                    .any(|w| w[0].x1 <= stop.x0 + tolerance && stop.x1 <= w[1].x0 + tolerance)
        });
    }
    // Note marks and stops both go inside their host, where they stand.
    for (host, stop) in placed.iter_mut().zip(inside) {
        *host = host.or(stop);
    }
    let mut out: Vec<u32> = Vec::new();
    for (k, &f) in group.iter().enumerate() {
        if placed[k].is_some() {
            continue;
        }
        let guests: Vec<&Fragment> = group
            .iter()
            .zip(&placed)
            .filter(|(_, host)| **host == Some(k))
            .map(|(&m, _)| &fragments[m])
            .collect();
        for &g in &fragments[f].glyphs {
            let x0 = page.glyphs[g as usize].x0;
            let lowered = |m: &Fragment| lowered_under(m, &page.glyphs[g as usize], &fragments[f]);
            for guest in guests.iter().filter(|m| m.x0 <= x0 || lowered(m)) {
                if !out.contains(&guest.glyphs[0]) {
                    out.extend(&guest.glyphs);
                }
            }
            out.push(g);
        }
        for guest in &guests {
            if !out.contains(&guest.glyphs[0]) {
                out.extend(&guest.glyphs);
            }
        }
    }
    out
}

/// Letters set apart one by one (`w w w . i n s . g o v . c o`, a letter-spaced heading):
/// in a run of four or more one-glyph words of letters and stops (no figures: a row of
/// `1 2 3 4 5` is a scale), spaced within a fifth of the narrowest gap and no wider than a
/// space, the gaps are the word's own; a gap half as wide again parts two words
/// (`S U M M A R Y   O F`).
fn close_letter_spacing(page: &PageGlyphs, items: &mut [(u32, Sep)]) {
    let singles: Vec<bool> = (0..items.len())
        .map(|k| {
            items[k].1 != Sep::Tab
                && items.get(k + 1).is_none_or(|&(_, sep)| sep != Sep::None)
                && (k == 0 || items[k].1 != Sep::None)
                && matches!(page.text(&page.glyphs[items[k].0 as usize]),
                    [c] if c.is_alphabetic() || matches!(c, '.' | '-' | '&'))
        })
        .collect();
    let mut k = 0;
    while k < items.len() {
        if !singles[k] {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < items.len() && items[end].1 == Sep::Space && singles[end] {
            end += 1;
        }
        let letters = (k..end)
            .filter(|&i| {
                page.text(&page.glyphs[items[i].0 as usize])
                    .iter()
                    .all(|c| c.is_alphabetic())
            })
            .count();
        if end - k >= 4 && letters * 2 >= end - k {
            let gaps: Vec<f32> = (k + 1..end).map(|i| gap_before(page, items, i)).collect();
            let narrowest = gaps.iter().copied().fold(f32::MAX, f32::min).max(0.0);
            let even = gaps.iter().filter(|&&g| g <= 1.2 * narrowest + 0.5).count();
            let size = page.glyphs[items[k].0 as usize].size;
            // (Most gaps alike, and no wider than a space: letter-spacing, not a row of
            // cells of one letter each, `A  B  C`.)
            if 3 * even >= 2 * gaps.len() && narrowest <= 0.35 * size {
                for (i, g) in (k + 1..end).zip(&gaps) {
                    if *g <= 1.5 * narrowest + 0.5 && *g <= 0.45 * size {
                        items[i].1 = Sep::None;
                    }
                }
            }
        }
        k = end;
    }
}

/// A line set with its letters spread (tracking: small print whose every letter stands a
/// little apart, `N ot se a s on ally`): when even its narrow gaps (the lowest quarter) are
/// that wide, in a line of letters, only a gap twice the line's usual one (or a space the
/// PDF draws) parts words.
fn close_tracking(page: &PageGlyphs, items: &mut [(u32, Sep)]) {
    if items.len() < 8 {
        return;
    }
    let inner: Vec<usize> = (1..items.len())
        .filter(|&k| items[k].1 != Sep::Tab)
        .collect();
    let mut gaps: Vec<f32> = inner.iter().map(|&k| gap_before(page, items, k)).collect();
    gaps.sort_by(f32::total_cmp);
    let (Some(&least), Some(&usual)) = (gaps.get(gaps.len() / 4), gaps.get(gaps.len() / 2)) else {
        return;
    };
    let size = page.glyphs[items[0].0 as usize].size;
    // (Even the narrow gaps, inside words, are wide; and the line is of letters: not dot
    // leaders, a formula or a line of code whose tokens stand a space apart.)
    let letters = items
        .iter()
        .filter(|&&(g, _)| {
            page.text(&page.glyphs[g as usize])
                .iter()
                .all(|c| c.is_alphabetic())
        })
        .count();
    // (Nor wider than a space: a row of one-letter cells, `A  B  C`.)
    if least < 0.5 * WORD_GAP * size || usual > 0.35 * size || 10 * letters < 8 * items.len() {
        return;
    }
    for &k in &inner {
        let g = &page.glyphs[items[k].0 as usize];
        let gap = gap_before(page, items, k);
        items[k].1 = if g.space_before || gap > (2.0 * usual).max(WORD_GAP * size) {
            Sep::Space
        } else {
            Sep::None
        };
    }
}

/// A justified line stretched so far that its word spaces are as wide as cell gaps (the
/// line before a long word that did not fit): when every gap between its words is about as
/// wide as the others, they are word spaces, not cells (unless most of its words are
/// numbers or codes of one letter: a table's row, `107  505  R  D  Bush`).
fn evenly_stretched(page: &PageGlyphs, items: &mut [(u32, Sep)]) {
    let breaks: Vec<usize> = (1..items.len())
        .filter(|&k| items[k].1 != Sep::None)
        .collect();
    let tabs = breaks.iter().filter(|&&k| items[k].1 == Sep::Tab).count();
    if tabs == 0 || breaks.len() < 3 {
        return;
    }
    // A row of numbers set at even gaps is a table's row, not a stretched line of words.
    let mut starts = vec![0];
    starts.extend(&breaks);
    starts.push(items.len());
    let numbers = starts
        .windows(2)
        .filter(|w| {
            let mut chars = items[w[0]..w[1]]
                .iter()
                .flat_map(|&(g, _)| page.text(&page.glyphs[g as usize]).iter());
            // (Or a code of one letter: a party's `R` or `D`, a grade.)
            let one_letter = chars.clone().count() == 1 && chars.clone().all(|c| c.is_alphabetic());
            one_letter
                || chars.clone().any(char::is_ascii_digit)
                    && chars.all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '$' | '-'))
        })
        .count();
    if 2 * numbers > breaks.len() {
        return;
    }
    if evenly_apart(page, items, &breaks) || justified(page, items, &breaks) {
        for &k in &breaks {
            items[k].1 = Sep::Space;
        }
    }
}

/// Whether a line's gaps are those of a justified line of prose that sets wider spaces
/// after a sentence's or a clause's end (`(2009):`, `Haushalte.`): its other gaps, wide as
/// cells, are about as wide as one another (a note's number set close to its note aside),
/// and those after a stop no narrower and at most three times as wide. A row with dot
/// leaders is no line of prose.
fn justified(page: &PageGlyphs, items: &[(u32, Sep)], breaks: &[usize]) -> bool {
    let gap = |k: usize| gap_before(page, items, k);
    let text = |k: usize| page.text(&page.glyphs[items[k].0 as usize]);
    let after_stop = |k: usize| {
        text(k - 1)
            .last()
            .is_some_and(|c| matches!(c, '.' | ':' | ';' | '!' | '?'))
    };
    let dot = |k: usize| k < items.len() && text(k) == ['.'];
    if breaks
        .iter()
        .any(|&k| dot(k) && dot(k + 1) && items[k + 1].1 != Sep::None)
    {
        return false;
    }
    let (stops, words): (Vec<usize>, Vec<usize>) = breaks
        .iter()
        .copied()
        .filter(|&k| gap(k) > WORD_GAP * page.glyphs[items[k].0 as usize].size)
        .partition(|&k| after_stop(k));
    if words.len() < 3 || stops.is_empty() || !words.iter().any(|&k| items[k].1 == Sep::Tab) {
        return false;
    }
    let (lo, hi) = gap_range(page, items, &words);
    let (stop_lo, stop_hi) = gap_range(page, items, &stops);
    evenly_apart(page, items, &words) && stop_lo >= lo && stop_hi <= 3.0 * hi
}

/// The white between item `k` of a line and the one before it.
fn gap_before(page: &PageGlyphs, items: &[(u32, Sep)], k: usize) -> f32 {
    page.glyphs[items[k].0 as usize].x0 - page.glyphs[items[k - 1].0 as usize].x1
}

/// The narrowest and widest of the gaps before items `ks`.
fn gap_range(page: &PageGlyphs, items: &[(u32, Sep)], ks: &[usize]) -> (f32, f32) {
    ks.iter()
        .map(|&k| gap_before(page, items, k))
        .fold((f32::MAX, f32::MIN), |(lo, hi), w| (lo.min(w), hi.max(w)))
}

/// Whether the gaps before items `ks` are about as wide as one another.
fn evenly_apart(page: &PageGlyphs, items: &[(u32, Sep)], ks: &[usize]) -> bool {
    let (lo, hi) = gap_range(page, items, ks);
    lo > 0.0 && hi <= 1.25 * lo
}

/// Whether the glyphs before the `k`th of a line are all set at the size and height of the
/// one just before it: a note's number, of one figure or more (`10`), starts the line.
fn mark_starts_line(page: &PageGlyphs, glyphs: &[u32], k: usize) -> bool {
    let Some(&last) = k.checked_sub(1).and_then(|j| glyphs.get(j)) else {
        return false;
    };
    let p = &page.glyphs[last as usize];
    glyphs[..k].iter().all(|&j| {
        let o = &page.glyphs[j as usize];
        (o.size - p.size).abs() < 0.05 * p.size && (o.baseline - p.baseline).abs() < 0.1 * p.size
    })
}

/// Whether `p` is a raised, smaller mark (a footnote number) right before the capital that
/// starts a word, or before any letter when the mark starts its line (a note's number).
fn is_note_mark(page: &PageGlyphs, p: &Glyph, g: &Glyph, starts_line: bool) -> bool {
    p.size < 0.85 * g.size
        && g.baseline - p.baseline > 0.2 * g.size
        && page.text(p).iter().all(|c| {
            c.is_ascii_digit() || *c == '*' || super::pdf_superscripts::is_superscript_letter(*c)
        })
        && page
            .text(g)
            .first()
            .is_some_and(|c| c.is_uppercase() || (starts_line && c.is_alphabetic()))
}

/// The line made of these glyphs, in this order, with what comes before each.
fn line_of(page: &PageGlyphs, glyphs: &[u32], region: u32, bounds: (f32, f32)) -> Line {
    let mut items: Vec<(u32, Sep)> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    // Where each glyph's word part starts on the left: a letter drawn first but set over
    // the ones after it (see `tucked`) starts where they do.
    let mut lefts: Vec<f32> = glyphs.iter().map(|&g| page.glyphs[g as usize].x0).collect();
    for k in (1..glyphs.len()).rev() {
        let (p, g) = (
            &page.glyphs[glyphs[k - 1] as usize],
            &page.glyphs[glyphs[k] as usize],
        );
        if tucked(page, p, g) {
            lefts[k - 1] = lefts[k - 1].min(lefts[k]);
        }
    }
    // How wide this line's spaces are where the PDF draws them (some fonts' spaces are
    // narrower than `WORD_GAP`).
    let drawn_spaces: Vec<f32> = (1..glyphs.len())
        .filter_map(|k| {
            let (p, g) = (
                &page.glyphs[glyphs[k - 1] as usize],
                &page.glyphs[glyphs[k] as usize],
            );
            let gap = lefts[k] - p.x1;
            (g.space_before && gap > 0.02 * p.size.max(g.size)).then_some(gap)
        })
        .collect();
    // (The narrowest of them: where the PDF draws three spaces or more, a gap less than half
    // as wide without one is letters spaced out, `N o t  s e a s o n a l l y`.)
    let narrowest = drawn_spaces.iter().copied().fold(f32::MAX, f32::min);
    let space = (drawn_spaces.len() >= 3).then(|| median(drawn_spaces));
    let gap_at = |k: usize| {
        (1..glyphs.len()).contains(&k).then(|| {
            let (p, g) = (
                &page.glyphs[glyphs[k - 1] as usize],
                &page.glyphs[glyphs[k] as usize],
            );
            let letters = page
                .text(p)
                .iter()
                .chain(page.text(g))
                .all(|c| c.is_alphabetic());
            (letters && !g.space_before).then_some(lefts[k] - p.x1)
        })?
    };
    // (Between letters spaced out alike: a gap between two letters next to one about as
    // wide; not `i sin`, a letter apart from a word whose letters touch.)
    let letter_spaced = |k: usize, size: f32| {
        gap_at(k).is_some_and(|gap| {
            space.is_some()
                && gap < 0.5 * narrowest
                && gap < 0.25 * size
                && [k - 1, k + 1]
                    .iter()
                    .any(|&j| gap_at(j).is_some_and(|other| other >= 0.5 * gap))
        })
    };
    for (k, &gi) in glyphs.iter().enumerate() {
        let g = &page.glyphs[gi as usize];
        let sep = match prev {
            None => Sep::None,
            Some(p) => {
                let size = p.size.max(g.size);
                let gap = lefts[k] - p.x1;
                // Two glyphs not drawn one after the other (a right-to-left line's `أ-`
                // drawn before the rest of its line): the space drawn between them is not
                // beside either, so a gap as wide as the line's spaces is one.
                let apart = k > 0 && glyphs[k - 1] + 1 != gi;
                let spaced = apart && space.is_some_and(|w| gap >= 0.8 * w && gap > 0.05 * size);
                // (A fraction's numerator and denominator set one over the other.)
                let over = gap < -0.2 * size
                    && (g.baseline - p.baseline).abs() >= 0.9 * g.size.min(p.size);
                if tucked(page, p, g) || stretched(page, p, g) {
                    Sep::None
                } else if over {
                    Sep::Space
                } else if gap >= CELL_GAP * size {
                    Sep::Tab
                } else if (gap > WORD_GAP * size && !letter_spaced(k, size))
                    || (g.space_before && gap > 0.02 * size)
                    || spaced
                {
                    // A space the PDF draws counts unless the next glyph is drawn over
                    // it (some producers kern with a space moved back).
                    Sep::Space
                } else if gap > COMMA_GAP * size
                    && matches!(page.text(p), [',' | ';'])
                    && page.text(g).first().is_some_and(|c| c.is_alphabetic())
                {
                    // A comma's space squeezed in a justified line, before a formula's
                    // letter (`in TLS 1.2, 𝑏0 = (…`).
                    Sep::Space
                } else if is_note_mark(page, p, g, mark_starts_line(page, glyphs, k)) {
                    // A footnote number set small and raised before a word: "1 Three",
                    // not "1Three"; at a line's start, before any word ("1 https://…").
                    Sep::Space
                } else {
                    Sep::None
                }
            }
        };
        items.push((gi, sep));
        prev = Some(g);
    }
    part_numbers(page, &mut items);
    evenly_stretched(page, &mut items);
    close_tracking(page, &mut items);
    close_letter_spacing(page, &mut items);
    tight::tight_words(page, &mut items);
    // Right-to-left words are drawn from the right: put them in reading order.
    // (On a right-to-left page, a line that does not stop short at the left, ragged at the
    // right, is a right-to-left paragraph's, whatever its Latin words.)
    let (left, right) = glyphs.iter().fold((f32::MAX, f32::MIN), |(l, r), &g| {
        let g = &page.glyphs[g as usize];
        (l.min(g.x0), r.max(g.x1))
    });
    let size = glyphs
        .first()
        .map_or(0.0, |&g| page.glyphs[g as usize].size);
    let ragged_right = left - bounds.0 <= size && bounds.1 - right > size;
    let from_the_right = page.right_to_left && !ragged_right;
    let turned = super::pdf_bidi::to_reading_order(page, &mut items, from_the_right);
    let glyphs = || items.iter().map(|&(i, _)| &page.glyphs[i as usize]);
    Line {
        x0: glyphs().map(|g| g.x0).fold(f32::MAX, f32::min),
        x1: glyphs().map(|g| g.x1).fold(f32::MIN, f32::max),
        baseline: median(glyphs().map(|g| g.baseline).collect()),
        size: median(glyphs().map(|g| g.size).collect()),
        ends: (
            glyphs().next().map_or(0.0, |g| g.size),
            glyphs().next_back().map_or(0.0, |g| g.size),
        ),
        items,
        region,
        bounds,
        lead: 0,
        labelled: false,
        ruled: false,
        in_grid: false,
        turned,
        broken: Vec::new(),
    }
}

/// Two numbers set close with no space between them (a chart's axis labels,
/// `10 000 000` and `12 000 000`): a gap between two figures where the figures around it
/// touch is where one number ends and the next begins, so it is a space, not `00012`.
fn part_numbers(page: &PageGlyphs, items: &mut [(u32, Sep)]) {
    let digit = |k: usize| {
        items.get(k).is_some_and(
            |&(g, _)| matches!(page.text(&page.glyphs[g as usize]), [c] if c.is_ascii_digit()),
        )
    };
    let gap = |k: usize| {
        let (p, g) = (
            &page.glyphs[items[k - 1].0 as usize],
            &page.glyphs[items[k].0 as usize],
        );
        (g.x0 - p.x1) / p.size.max(g.size)
    };
    // Figures of one number, touching.
    let touching = |k: usize| {
        k >= 1 && digit(k - 1) && digit(k) && items[k].1 == Sep::None && gap(k).abs() <= 0.02
    };
    let parted: Vec<usize> = (2..items.len().saturating_sub(1))
        .filter(|&k| {
            digit(k - 1)
                && digit(k)
                && items[k].1 == Sep::None
                && gap(k) > 0.07
                && touching(k - 1)
                && touching(k + 1)
        })
        .collect();
    for k in parted {
        items[k].1 = Sep::Space;
    }
}

#[cfg(test)]
mod tests {
    use super::{Fragment, tables_side_by_side};

    /// A fragment of `words` words at `x0..x1` on `baseline`, a cell of figures or not.
    fn fragment(x0: f32, x1: f32, baseline: f32, words: u32, figures: bool) -> Fragment {
        Fragment {
            glyphs: vec![0],
            x0,
            x1,
            top: baseline - 7.0,
            bottom: baseline + 1.5,
            baseline,
            size: 10.0,
            words,
            number: None,
            figures,
            caption: false,
            reference: None,
            grid: None,
            ladder: None,
            rtl: None,
        }
    }

    /// Each side's title line split in several runs (as right-to-left titles are), rows of
    /// two cells on the left, a label on the right on each row's line, and under the labels
    /// a note's line in runs: the left holds `left_figures` cells.
    fn statement(left_figures: bool) -> (Vec<Fragment>, Vec<usize>, Vec<usize>) {
        let mut f = vec![
            fragment(100.0, 240.0, 90.0, 4, false),
            fragment(250.0, 260.0, 90.0, 1, false),
            fragment(350.0, 450.0, 75.0, 3, false),
            fragment(460.0, 540.0, 75.0, 3, false),
            fragment(350.0, 450.0, 90.0, 5, false),
            fragment(460.0, 540.0, 90.0, 3, false),
        ];
        for k in 0..7 {
            let baseline = 120.0 + 20.0 * k as f32;
            f.push(fragment(100.0, 140.0, baseline, 1, left_figures));
            f.push(fragment(200.0, 240.0, baseline, 1, left_figures));
            f.push(fragment(380.0, 530.0, baseline, 4, false));
        }
        for x in [350.0, 390.0, 430.0, 470.0, 510.0] {
            f.push(fragment(x, x + 30.0, 300.0, 1, false));
        }
        let left: Vec<usize> = (0..f.len()).filter(|&i| f[i].x1 <= 260.0).collect();
        let right: Vec<usize> = (0..f.len()).filter(|&i| f[i].x0 >= 350.0).collect();
        (f, left, right)
    }

    #[test]
    fn a_statements_labels_and_figures_on_the_same_lines_are_one_table() {
        let (f, left, right) = statement(true);
        assert!(!tables_side_by_side(&f, &left, &right, 90.0));
        // Two tables of words side by side (a reference card's two tables) stay two.
        let (f, left, right) = statement(false);
        assert!(tables_side_by_side(&f, &left, &right, 90.0));
    }
}
