//! Line numbers in a page's margin: pleading paper (`1` to `28` down the left margin of
//! every page of a court filing) and drafts numbered for review. Read as text they would be
//! a column of a table beside every line and a number inside every quote, so they are left
//! out, as page numbers are.

use super::pdf_glyphs::{Glyph, PageGlyphs};

/// The fewest numbers counting down one page's margin.
const FEWEST: usize = 10;
/// The fewest a document of one page needs (a ruling's single page of pleading paper).
const FEWEST_ALONE: usize = 20;

/// A number standing alone on its line: its glyphs, value and place.
#[derive(Debug, Clone)]
struct Number {
    glyphs: Vec<usize>,
    value: u32,
    x0: f32,
    x1: f32,
    baseline: f32,
    size: f32,
}

/// Leaves out the line numbers in the pages' left margins: on a page, numbers counting up
/// by one from 1 down the page, one under another at even steps, sharing a right edge (or a
/// left one), left of all the page's other text on their lines; on two pages or more (or
/// twenty numbers on a document's one page).
pub fn drop_line_numbers(pages: &mut [PageGlyphs]) {
    let found: Vec<Vec<usize>> = pages.iter().map(line_numbers).collect();
    let counted = found.iter().filter(|f| f.len() >= FEWEST).count();
    let alone = pages.len() == 1 && found.first().is_some_and(|f| f.len() >= FEWEST_ALONE);
    if counted < 2 && !alone {
        return;
    }
    for (page, glyphs) in pages.iter_mut().zip(found) {
        if glyphs.len() >= FEWEST {
            drop_glyphs(page, &glyphs);
        }
    }
}

/// Leaves these glyphs (indices, sorted) out of a page.
pub(super) fn drop_glyphs(page: &mut PageGlyphs, sorted: &[usize]) {
    let mut k = 0;
    page.glyphs.retain(|_| {
        let keep = sorted.binary_search(&k).is_err();
        k += 1;
        keep
    });
}

/// The glyphs of a page's margin line numbers (sorted), if it has a run of them.
fn line_numbers(page: &PageGlyphs) -> Vec<usize> {
    let numbers = numbers_alone(page);
    // By their right edges (set flush right) or their left edges, then down the page.
    let mut best: Vec<&Number> = Vec::new();
    for edge in [|n: &Number| n.x1, |n: &Number| n.x0] {
        let mut by_edge: Vec<&Number> = numbers.iter().collect();
        by_edge.sort_by(|a, b| edge(a).total_cmp(&edge(b)));
        for column in by_edge.chunk_by(|a, b| (edge(a) - edge(b)).abs() < 2.0) {
            let mut column = column.to_vec();
            column.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
            let run = counting_run(&column);
            if run.len() > best.len() {
                best = run;
            }
        }
    }
    if best.len() < FEWEST || !in_left_margin(page, &best) || numbers_rows(page, &best) {
        return Vec::new();
    }
    let mut out: Vec<usize> = best.iter().flat_map(|n| n.glyphs.iter().copied()).collect();
    out.sort_unstable();
    out
}

/// The longest run of numbers from 1 counting up by one, each under the last at one step
/// (within a tenth of it).
fn counting_run<'a>(column: &[&'a Number]) -> Vec<&'a Number> {
    let mut best: Vec<&Number> = Vec::new();
    for (i, first) in column.iter().enumerate() {
        if first.value != 1 {
            continue;
        }
        let mut run = vec![*first];
        for n in &column[i + 1..] {
            let last = run[run.len() - 1];
            if n.value == last.value + 1 && (n.size - last.size).abs() < 0.5 {
                run.push(n);
            }
        }
        let steps: Vec<f32> = run
            .windows(2)
            .map(|w| w[1].baseline - w[0].baseline)
            .collect();
        let mut sorted = steps.clone();
        sorted.sort_by(f32::total_cmp);
        let middle = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
        let even = middle > 0.0 && steps.iter().all(|s| (s - middle).abs() <= 0.1 * middle);
        if even && run.len() > best.len() {
            best = run;
        }
    }
    best
}

/// Whether each number stands left of all the page's other glyphs on its line, apart from
/// them by an em at least.
fn in_left_margin(page: &PageGlyphs, run: &[&Number]) -> bool {
    let ours: Vec<usize> = run.iter().flat_map(|n| n.glyphs.iter().copied()).collect();
    run.iter().all(|n| {
        page.glyphs.iter().enumerate().all(|(i, g)| {
            ours.contains(&i)
                || (g.baseline - n.baseline).abs() > 0.5 * n.size
                || g.x0 >= n.x1 + n.size
        })
    })
}

/// Whether the numbers label a table's rows (`1  Bank credit  10,762.7  11,244.4 …`, which
/// the notes under the table cite by line): two thirds of their lines or more hold three
/// figures or more beside them. A pleading's lines of prose seldom hold as many.
fn numbers_rows(page: &PageGlyphs, run: &[&Number]) -> bool {
    let figures_beside = |n: &Number| {
        let mut on_line: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| (g.baseline - n.baseline).abs() < 0.3 * n.size && g.x0 >= n.x1 + n.size)
            .collect();
        on_line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // Runs of figures (with their points and commas), each apart from the last.
        let mut count = 0;
        let mut in_figure = false;
        let mut last: Option<&Glyph> = None;
        for g in on_line {
            let t = page.text(g);
            let figure = t
                .iter()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
            let apart = last.is_none_or(|p| g.x0 - p.x1 > 0.2 * n.size);
            let starts = figure && t.iter().any(char::is_ascii_digit) && (!in_figure || apart);
            if starts {
                count += 1;
            }
            in_figure = figure && (in_figure || starts);
            last = Some(g);
        }
        count >= 3
    };
    3 * run.iter().filter(|n| figures_beside(n)).count() >= 2 * run.len()
}

/// The numbers of up to three digits standing alone on a page: digit glyphs drawn one after
/// another, with nothing else within an em of them on their line.
fn numbers_alone(page: &PageGlyphs) -> Vec<Number> {
    let digit = |g: &Glyph| {
        let t = page.text(g);
        t.len() == 1 && t[0].is_ascii_digit()
    };
    let mut out: Vec<Number> = Vec::new();
    let glyphs = &page.glyphs;
    // The glyphs by baseline, to look only at those on a number's line.
    let mut by_baseline: Vec<usize> = (0..glyphs.len()).collect();
    by_baseline.sort_by(|&a, &b| glyphs[a].baseline.total_cmp(&glyphs[b].baseline));
    let mut i = 0;
    while i < glyphs.len() {
        if !digit(&glyphs[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < glyphs.len()
            && end - i < 3
            && digit(&glyphs[end])
            && (glyphs[end].baseline - glyphs[end - 1].baseline).abs() < 0.1 * glyphs[i].size
            && (glyphs[end].x0 - glyphs[end - 1].x1).abs() < 0.15 * glyphs[i].size
        {
            end += 1;
        }
        let (x0, x1) = (glyphs[i].x0, glyphs[end - 1].x1);
        let (baseline, size) = (glyphs[i].baseline, glyphs[i].size);
        let from = by_baseline.partition_point(|&k| glyphs[k].baseline < baseline - 0.5 * size);
        let alone = by_baseline[from..]
            .iter()
            .take_while(|&&k| glyphs[k].baseline <= baseline + 0.5 * size)
            .all(|&k| {
                let g = &glyphs[k];
                (i..end).contains(&k) || g.x1 < x0 - size || g.x0 > x1 + size
            });
        let value: String = glyphs[i..end]
            .iter()
            .flat_map(|g| page.text(g).iter())
            .collect();
        if alone && let Ok(value) = value.parse::<u32>() {
            out.push(Number {
                glyphs: (i..end).collect(),
                value,
                x0,
                x1,
                baseline,
                size,
            });
        }
        i = end;
    }
    out
}
