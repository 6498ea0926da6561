//! From the lines of every page to the document's text: running headers, footers and page
//! numbers left out, lines joined into paragraphs (a blank line between paragraphs, a line feed
//! between table rows, a tab between cells), words hyphenated at a line end joined, a page's
//! footnotes moved past the paragraph that goes on over the page ([`super::pdf_notes`]), and
//! for every char of the text the page and rectangle it was drawn in.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use super::pdf_glyphs::{Glyph, PageGlyphs, Turn};
use super::pdf_layout::{Line, Sep, lines};
use crate::core::source::{CharBox, PageSpan, Pages};

/// Lines whose baseline is this close to the top or bottom of the page (a fraction of its
/// height) may be running headers, footers or page numbers.
const MARGIN: f32 = 0.12;
/// So may this many lines at the top and at the bottom of each page, wherever they are.
const EDGE_LINES: usize = 2;

/// The text of all pages, and where each page and char is in it; `Err` with the page whose
/// layout was under way when the time ran out.
pub fn assemble(pages: &[PageGlyphs], deadline: Instant) -> Result<(String, Pages), usize> {
    let mut per_page: Vec<Vec<Line>> = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        per_page.push(lines(page, deadline).ok_or(i + 1)?);
    }
    for (page, ls) in pages.iter().zip(per_page.iter_mut()) {
        super::pdf_marks::drop_star_page_marks(page, ls);
    }
    let note_rules: Vec<Vec<super::pdf_notes::NoteRule>> = pages
        .iter()
        .zip(&per_page)
        .map(|(page, ls)| {
            let texts: Vec<String> = ls.iter().map(|l| line_text(page, l)).collect();
            super::pdf_notes::note_rules(page, ls, &texts)
        })
        .collect();
    drop_furniture(pages, &mut per_page);
    let texts: Vec<Vec<String>> = per_page
        .iter()
        .zip(pages)
        .map(|(ls, p)| ls.iter().map(|l| line_text(p, l)).collect())
        .collect();
    // (Not the words broken at a table cell's edge, which would tell themselves how they
    // are written.)
    let whole: Vec<Vec<String>> = per_page
        .iter()
        .zip(pages)
        .map(|(ls, p)| ls.iter().map(|l| unbroken_text(p, l)).collect())
        .collect();
    let words = inner_words(&whole);
    let notes = super::pdf_notes::footnote_lines(pages, &per_page, &texts, &note_rules);
    let rights = region_rights(&per_page, &notes);
    // The left edges likewise, for columns read from the right (measured in a mirror).
    let mirrored_pages: Vec<Vec<Line>> = per_page
        .iter()
        .map(|ls| ls.iter().map(mirrored).collect())
        .collect();
    let lefts: HashMap<(usize, u32), f32> = region_rights(&mirrored_pages, &notes)
        .into_iter()
        .map(|(k, v)| (k, -v))
        .collect();
    let flush_right = flush_right_columns(&per_page, &texts);
    let figures = super::pdf_floats::figure_lines(&per_page, &texts, &notes, &rights);
    // Lines that wait for the end of the paragraph going on around them.
    let aside: Vec<Vec<bool>> = notes
        .iter()
        .zip(&figures)
        .map(|(n, f)| n.iter().zip(f).map(|(n, f)| *n || *f).collect())
        .collect();
    let spacing = Spacing::measure(&per_page);
    let widest: Vec<f32> = per_page
        .iter()
        .map(|ls| {
            ls.iter()
                .map(|l| l.bounds.1 - l.bounds.0)
                .fold(0.0, f32::max)
        })
        .collect();

    let shared_size = text_size(&per_page);
    let weights = super::pdf_weights::TextWeights::measure(pages);
    let headings: HashSet<*const Line> = (0..pages.len())
        .flat_map(|pi| {
            super::pdf_weights::bold_headings(
                &pages[pi],
                (&per_page[pi], &texts[pi], &aside[pi]),
                &weights,
                shared_size,
            )
        })
        .collect();
    let run_in: HashSet<*const Line> = (0..pages.len())
        .flat_map(|pi| {
            let weights = &weights;
            per_page[pi]
                .iter()
                .zip(&aside[pi])
                .filter(move |(l, aside)| {
                    !**aside && weights.opens_with_run_in_heading(&pages[pi], l)
                })
                .map(|(l, _)| std::ptr::from_ref(l))
        })
        .collect();
    let shared = Shared {
        pages,
        rights: &rights,
        lefts: &lefts,
        flush_right: &flush_right,
        words: &words,
        spacing,
        widest: &widest,
        text_size: shared_size,
        headings: &headings,
        run_in: &run_in,
    };

    let mut out = Builder::default();
    let mut body = Flow::default();
    // Footnotes and figures not written yet: they wait for the end of the paragraph that
    // goes on over their page's foot or around them.
    let mut pending: Vec<(usize, &Line, &str)> = Vec::new();
    // The page whose last note goes on at the foot of the next: its notes wait for the rest.
    let mut held: Option<usize> = None;
    // Whether each page's last note goes on at the foot of the next page (whose notes start
    // with no note mark).
    let goes_on: Vec<bool> = (0..pages.len())
        .map(|pi| {
            let first_note_next = notes.get(pi + 1).and_then(|n| {
                let k = n.iter().position(|x| *x)?;
                Some(texts[pi + 1][k].as_str())
            });
            // (The next note's number before a year in brackets, `9 (1968) 1 SCR 505` after
            // note 8, starts a note, though alone it reads as a citation going on.)
            let last_number = notes[pi]
                .iter()
                .zip(&texts[pi])
                .filter(|(n, t)| **n && starts_note(t))
                .filter_map(|(_, t)| leading_number(t))
                .next_back();
            let next_number =
                |t: &str| last_number.is_some_and(|n| leading_number(t) == Some(n + 1));
            notes[pi].iter().any(|x| *x)
                && first_note_next.is_some_and(|t| {
                    !starts_note(t) && !super::pdf_notes::starts_table_note(t) && !next_number(t)
                })
        })
        .collect();
    // The columns whose last note goes on at the foot of a later column of the page.
    let goes_on_in_column = notes_going_on_in_columns(&per_page, &texts, &notes);
    // The column (page, region) whose last note waits for its rest.
    let mut held_in_column: Option<(usize, u32)> = None;
    // Where that note ends among the lines waiting, and the column its rest is in.
    let mut note_end: Option<usize> = None;
    let mut rest_of_note: Option<(usize, u32)> = None;
    // The note lines already written with the note they finish, by page and line.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (pi, (ls, ts)) in per_page.iter().zip(&texts).enumerate() {
        out.page_start(&pages[pi]);
        for (k, (line, text)) in ls.iter().zip(ts).enumerate() {
            if taken.contains(&(pi, k)) {
                continue;
            }
            if notes[pi][k] && super::pdf_notes::is_continued_marker(text) {
                // "(continued...)" is not the note's text; the note goes on where the
                // next page's notes start.
                held = Some(pi).filter(|_| !text.starts_with(|c: char| c.is_ascii_digit()));
                continue;
            }
            if aside[pi][k] {
                // The rest of the held note has come (a figure's lines do not count).
                if notes[pi][k] && held.is_some_and(|h| h < pi) {
                    held = None;
                }
                if notes[pi][k] && goes_on[pi] {
                    held = Some(pi);
                }
                let here = (pi, line.region);
                if notes[pi][k] {
                    if held_in_column.is_some_and(|h| h != here) {
                        held_in_column = None;
                        rest_of_note = Some(here);
                    }
                    if goes_on_in_column.contains(&here) {
                        held_in_column = Some(here);
                    }
                }
                // The rest of a column's last note goes right after it, before a figure
                // set aside between the two columns' notes.
                match note_end {
                    Some(at) if notes[pi][k] && rest_of_note == Some(here) => {
                        pending.insert(at, (pi, line, text));
                        note_end = Some(at + 1);
                    }
                    _ => {
                        pending.push((pi, line, text));
                        if notes[pi][k] && held_in_column == Some(here) {
                            note_end = Some(pending.len());
                        }
                    }
                }
                continue;
            }
            let next = ls[k + 1..]
                .iter()
                .zip(&aside[pi][k + 1..])
                .find(|(_, note)| !**note)
                .map(|(l, _)| l);
            let mut join = body.join_to(&shared, pi, line, text, next);
            // A row after a caption set aside on its page starts a new table, not the
            // last one of the page before going on.
            if join == Some(Join::Row)
                && body.prev.is_some_and(|(ppi, _, _)| ppi < pi)
                && pending
                    .iter()
                    .any(|(p, _, t)| *p == pi && super::pdf_floats::is_caption(t))
            {
                join = Some(Join::Paragraph);
            }
            // A page's title set in a row with its unit (`Statement of income …` / `(in
            // millions)`) starts a new table, not more rows of the page before's: its
            // first cell is a title's words, and it has not the rows' cells.
            if join == Some(Join::Row)
                && body.prev.is_some_and(|(ppi, _, pt)| {
                    let cells = |t: &str| t.split('\t').filter(|c| !c.trim().is_empty()).count();
                    ppi < pi
                        && cells(pt) != cells(text)
                        && text
                            .split('\t')
                            .next()
                            .is_some_and(|c| c.split_whitespace().count() >= 6)
                })
            {
                join = Some(Join::Paragraph);
            }
            // A slide's title never goes on the slide before's last line.
            if join.is_some_and(|j| j != Join::Paragraph)
                && body.prev.is_some_and(|(ppi, _, _)| ppi < pi)
                && slide_title(&pages[pi], ls, line)
            {
                join = Some(Join::Paragraph);
            }
            // The paragraph that went on over the page ends before the foot of this page,
            // where the held note goes on: the note's rest (its lines up to the next note's
            // mark) is written with it here, not after this page's last paragraph (a
            // heading that goes on over the next page).
            if join == Some(Join::Paragraph) && held.is_some_and(|h| h < pi) {
                let rest: Vec<usize> = (k + 1..ls.len())
                    .filter(|&j| aside[pi][j] && notes[pi][j])
                    .take_while(|&j| !starts_note(&ts[j]))
                    .collect();
                if !rest.is_empty() {
                    for j in rest {
                        if !super::pdf_notes::is_continued_marker(&ts[j]) {
                            pending.push((pi, &ls[j], ts[j].as_str()));
                        }
                        taken.push((pi, j));
                    }
                    held = None;
                }
            }
            // (A quotation set in deep from the left, and in from the right, that goes on over
            // the page, a statute's next proviso under the last one: the notes wait for its
            // end.)
            let quote_goes_on = body.prev.is_some_and(|(ppi, pl, _)| {
                let deep = |l: &Line| l.x0 - l.bounds.0 >= QUOTE_INDENT * l.size;
                ppi < pi
                    && deep(pl)
                    && deep(line)
                    && shared
                        .rights
                        .get(&(pi, line.region))
                        .is_some_and(|&right| line.x1 <= right - 1.5 * line.size)
                    && (pl.x0 - line.x0).abs() <= 0.5 * line.size
            });
            if join == Some(Join::Paragraph)
                && held.is_none()
                && held_in_column.is_none()
                && !quote_goes_on
            {
                write_notes(&mut out, &shared, &mut pending);
                note_end = None;
                rest_of_note = None;
            }
            body.push(&mut out, &shared, (pi, line, text), join);
        }
    }
    write_notes(&mut out, &shared, &mut pending);
    Ok(out.finish(
        pages
            .iter()
            .filter(|p| p.damaged)
            .map(|p| p.number)
            .collect(),
    ))
}

/// Lines set in this many times their size from their column's left edge, or more, are a
/// quotation's (deeper than a paragraph's first line).
const QUOTE_INDENT: f32 = 3.5;

/// Whether a note line starts a note: its number before it, or set apart from it
/// (`7⇥10th Edition, …`).
fn starts_note(text: &str) -> bool {
    super::pdf_notes::starts_with_note_mark(text)
        || super::pdf_notes::starts_with_mark_set_apart(text)
}

/// The columns (page, region) whose last note goes on at the foot of the next column of its
/// page: it stops inside a sentence, and that column's notes start in small letters.
fn notes_going_on_in_columns(
    per_page: &[Vec<Line>],
    texts: &[Vec<String>],
    notes: &[Vec<bool>],
) -> HashSet<(usize, u32)> {
    let mut out = HashSet::new();
    for (pi, ls) in per_page.iter().enumerate() {
        // Each column's note lines, in reading order: (region, first text, last text).
        let mut groups: Vec<(u32, &str, &str)> = Vec::new();
        for (k, line) in ls.iter().enumerate().filter(|(k, _)| notes[pi][*k]) {
            let text = texts[pi][k].as_str();
            match groups.last_mut() {
                Some(g) if g.0 == line.region => g.2 = text,
                _ => groups.push((line.region, text, text)),
            }
        }
        for w in groups.windows(2) {
            let unfinished = w[0]
                .2
                .trim_end()
                .ends_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';' | '-'));
            if unfinished && w[1].1.starts_with(char::is_lowercase) {
                out.insert((pi, w[0].0));
            }
        }
    }
    out
}

/// What every join looks at beyond the two lines.
struct Shared<'a> {
    pages: &'a [PageGlyphs],
    rights: &'a HashMap<(usize, u32), f32>,
    /// Where each column's lines of prose begin at the left (for lines read from the right).
    lefts: &'a HashMap<(usize, u32), f32>,
    /// The columns (page, region) whose right-to-left lines are set flush right (or
    /// justified), so that a paragraph's first line is indented at the right.
    flush_right: &'a HashSet<(usize, u32)>,
    words: &'a Words,
    spacing: Spacing,
    /// Per page, the width of its widest column.
    widest: &'a [f32],
    /// The size most of the text is set in.
    text_size: f32,
    /// The lines that are headings set in bold in the text's size.
    headings: &'a HashSet<*const Line>,
    /// The lines that open with a heading in bold run into their paragraph.
    run_in: &'a HashSet<*const Line>,
}

/// Lines being joined into paragraphs: the last one written, and the left and right edges
/// of the first line of the list item the current paragraph is, if it is one.
#[derive(Default)]
struct Flow<'a> {
    prev: Option<(usize, &'a Line, &'a str)>,
    /// The page, column and left edge of the line before the previous one.
    before_prev: Option<(usize, u32, f32)>,
    item: Option<(f32, f32)>,
    /// Whether the previous line, without cells, was set inside a table, between its rows
    /// (a label naming a group of rows): a row after it goes on the table.
    group_label: bool,
    /// Where the lines of the current paragraph end on the right, and how wide they are,
    /// on its page and column so far.
    rights: Vec<(f32, f32)>,
}

impl<'a> Flow<'a> {
    /// How `line` (on page `pi`, followed there by `next`) joins the line before it; `None`
    /// for the first line.
    fn join_to(
        &self,
        shared: &Shared,
        pi: usize,
        line: &Line,
        text: &str,
        next: Option<&Line>,
    ) -> Option<Join> {
        let (ppi, pl, pt) = self.prev?;
        // A note under its number set small and raised, after another: each note starts
        // its paragraph, whatever its first word (`9 https://…` / `10 https://…`).
        let note = |page: &PageGlyphs, l: &Line, t: &str| {
            let raised = l.items.first().is_some_and(|&(g, _)| {
                let g = &page.glyphs[g as usize];
                g.size < 0.85 * l.size && g.baseline < l.baseline - 0.2 * l.size
            });
            // (Not a table's row of times set small: `19:30	Opeth`.)
            let cells = l
                .items
                .iter()
                .any(|(_, s)| matches!(s, Sep::Tab | Sep::Cells(_)));
            raised
                && !cells
                && t.starts_with(|c: char| c.is_ascii_digit())
                && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        };
        if note(&shared.pages[pi], line, text) && note(&shared.pages[ppi], pl, pt) {
            return Some(Join::Paragraph);
        }
        // A table's note under a letter after the note under the letter before: each is a
        // paragraph of its own, though its letter is a small one (`b Except …` / `c In …`).
        if let (Some(a), Some(b)) = (letter_label(pt), letter_label(text))
            && u32::from(b) == u32::from(a) + 1
        {
            return Some(Join::Paragraph);
        }
        let context = self.context(shared, pi, line, text, next, (ppi, pl, pt));
        // Lines that read from the right are measured from the right: a paragraph's first
        // line is indented at the right, its last line stops short at the left. `join` sees
        // them in a mirror (x to -x), and what it is told of their edges is mirrored too.
        if reads_from_the_right(pt)
            && reads_from_the_right(text)
            && shared.flush_right.contains(&(pi, line.region))
        {
            let context = Context {
                prev_right: -shared
                    .lefts
                    .get(&(ppi, pl.region))
                    .copied()
                    .unwrap_or(pl.bounds.0),
                prev_second_word: second_word_x1(&shared.pages[ppi], pl).map(|x| -x),
                prev_cell_x: None,
                before_prev_x0: None,
                item: self.item.map(|(_, right)| -right),
                next_x0: next.filter(|_| context.next_x0.is_some()).map(|n| -n.x1),
                next_x1: next.filter(|_| context.next_x1.is_some()).map(|n| -n.x0),
                ..context
            };
            let (pl, line) = (mirrored(pl), mirrored(line));
            return Some(join(&pl, pt, &line, text, &context, shared.words));
        }
        Some(join(pl, pt, line, text, &context, shared.words))
    }

    /// What `join` needs to know about `line` and the line before it, `prev`.
    fn context(
        &self,
        shared: &Shared,
        pi: usize,
        line: &Line,
        text: &str,
        next: Option<&Line>,
        prev: (usize, &Line, &str),
    ) -> Context {
        let (ppi, pl, pt) = prev;
        // The next line, if it follows under this one in its column at the usual spacing.
        let next_under = next
            .filter(|n| n.region == line.region && n.baseline > line.baseline)
            .filter(|n| {
                n.baseline - line.baseline <= 1.6 * shared.spacing.of(line.size) * line.size
            });
        Context {
            prev_page: ppi,
            cur_page: pi,
            prev_right: self.measure(pl.size).unwrap_or_else(|| {
                shared
                    .rights
                    .get(&(ppi, pl.region))
                    .copied()
                    .unwrap_or(pl.x1)
            }),
            first_word: first_word_width(&shared.pages[pi], line),
            prev_second_word: second_word_x0(&shared.pages[ppi], pl),
            item: self.item.map(|(left, _)| left),
            // (As the line set under is spaced: a quote single-spaced in 11.4 points after a
            // ruling's text double-spaced in 12 starts its own paragraph.)
            spacing: shared.spacing.in_column(line.size, (pi, line.region)) * line.size
                / line.size.max(pl.size).max(1.0),
            next_x0: next_under.map(|n| n.x0),
            next_x1: next_under.map(|n| n.x1),
            label_goes_on: ppi == pi && label_goes_on(&shared.pages[pi], pl, pt, line),
            label_of_next: next.is_some_and(|n| label_goes_on(&shared.pages[pi], line, text, n)),
            group_label: ppi == pi && pl.has_tab() && names_group(line, text, next),
            after_group_label: self.group_label && ppi == pi,
            prev_widest: shared.widest.get(ppi).copied().unwrap_or(0.0),
            prev_cell_x: pl
                .items
                .iter()
                .find(|(_, sep)| matches!(sep, Sep::Tab | Sep::Cells(_)))
                .map(|&(gi, _)| shared.pages[ppi].glyphs[gi as usize].x0),
            text_size: shared.text_size,
            heading: (
                shared.headings.contains(&std::ptr::from_ref(pl)),
                shared.headings.contains(&std::ptr::from_ref(line)),
            ),
            run_in: shared.run_in.contains(&std::ptr::from_ref(line)),
            before_prev_x0: self
                .before_prev
                .filter(|&(p, r, _)| p == ppi && r == pl.region)
                .map(|(_, _, x0)| x0),
        }
    }

    /// The right edge the current paragraph is justified to, when it is narrower than its
    /// column (an abstract set narrower than the authors' addresses over it; a text box
    /// beside a chart): three of its lines or more, the last among them, end there, or its
    /// first two lines, lines of prose (fifteen sizes wide), end there to a third of a
    /// point.
    fn measure(&self, size: f32) -> Option<f32> {
        let &(last, _) = self.rights.last()?;
        let at_last: Vec<f32> = self
            .rights
            .iter()
            .map(|r| r.0)
            .filter(|r| (r - last).abs() <= 0.5)
            .collect();
        let two = match self.rights[..] {
            [(a, wa), (b, wb)] => (a - b).abs() <= 0.3 && wa.min(wb) >= 15.0 * size,
            _ => false,
        };
        (at_last.len() >= 3 || two).then(|| at_last.into_iter().fold(last, f32::max))
    }

    /// Writes a line after what `join` says goes between it and the line before.
    fn push(
        &mut self,
        out: &mut Builder,
        shared: &Shared,
        (pi, line, text): (usize, &'a Line, &'a str),
        join: Option<Join>,
    ) {
        match join {
            None => self.item = is_item(text).then_some((line.x0, line.x1)),
            Some(Join::Paragraph) => {
                out.push_sep("\n\n");
                // A nested item with an `o` for its bullet is an item too, under its parent,
                // and so are the items after it, set as far in.
                let nested = text.starts_with("o ")
                    && self
                        .item
                        .is_some_and(|(left, _)| line.x0 > left - 0.3 * line.size);
                self.item = (is_item(text) || nested).then_some((line.x0, line.x1));
            }
            Some(Join::Row) => out.push_sep("\n"),
            Some(Join::Space) => out.push_sep(" "),
            Some(Join::DropHyphen) => out.drop_last(),
            Some(Join::Glue) => {}
        }
        let page = &shared.pages[pi];
        out.push_line(page, line, &broken_words(page, line, shared.words));
        let same_block = self
            .prev
            .is_some_and(|(ppi, pl, _)| ppi == pi && pl.region == line.region);
        if !(same_block && matches!(join, Some(Join::Space | Join::Glue | Join::DropHyphen))) {
            self.rights.clear();
        }
        self.rights.push((line.x1, line.x1 - line.x0));
        self.group_label = join == Some(Join::Row) && !line.has_tab();
        self.before_prev = self.prev.map(|(p, l, _)| (p, l.region, l.x0));
        self.prev = Some((pi, line, text));
    }
}

/// Whether a line of a word or two, no cells, names the group of a table's rows it stands
/// between (`Single` set between the rows it spans): a row follows it closely.
fn names_group(line: &Line, text: &str, next: Option<&Line>) -> bool {
    super::pdf_layout::is_label(line, text)
        && next.is_some_and(|n| {
            n.has_tab()
                && n.region == line.region
                && n.baseline > line.baseline
                && n.baseline - line.baseline <= 2.0 * line.size.max(n.size)
        })
}

/// Whether `label`, a line without cells, is the first line of the label of `row`, the table
/// row below it: set close above it, inside the row's first cell, not ending a sentence, and
/// the row's label going on in small letters ("Offenses against the family and" /
/// "children . . . 92.4").
fn label_goes_on(page: &PageGlyphs, label: &Line, label_text: &str, row: &Line) -> bool {
    let size = label.size.max(row.size);
    let pitch = row.baseline - label.baseline;
    let second_cell = row
        .items
        .iter()
        .find(|(_, sep)| matches!(sep, Sep::Tab | Sep::Cells(_)))
        .map(|&(g, _)| page.glyphs[g as usize].x0);
    let goes_on_small = row
        .items
        .first()
        .and_then(|&(g, _)| page.text(&page.glyphs[g as usize]).first().copied())
        .is_some_and(char::is_lowercase);
    !label.has_tab()
        && row.has_tab()
        && row.lead == 0
        && (label.size - row.size).abs() < 0.1 * size
        && label.region == row.region
        && pitch > 0.0
        && pitch <= 1.8 * size
        && goes_on_small
        && !label_text.trim_end().ends_with(['.', ':', ';'])
        && (-0.5 * size..=3.0 * size).contains(&(row.x0 - label.x0))
        // The row's label goes on indented, or the line stops where a label cannot end (a
        // heading over the rows, "CanvasPixelArray interface", is neither).
        && (row.x0 > label.x0 + 0.2 * size || ends_unfinished(label_text))
        && second_cell.is_some_and(|x| label.x1 < x)
}

/// The word and number of a label a line opens with (`Group 1:`, `Step 2b:`): a word,
/// then a number (figures, perhaps with a letter), then a colon.
fn numbered_label(text: &str) -> Option<(&str, &str)> {
    let mut words = text.split_whitespace();
    let (word, number) = (words.next()?, words.next()?.strip_suffix(':')?);
    let figures = number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_alphanumeric())
        && number.chars().filter(char::is_ascii_alphabetic).count() <= 1;
    (word.chars().all(char::is_alphabetic) && figures).then_some((word, number))
}

/// Whether a line stops where a phrase cannot end: after a comma, a hyphen or a word that
/// joins ("and", "of", "the").
pub(super) fn ends_unfinished(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with([',', '-', '\u{2010}']) || ends_on_joining_word(text)
}

/// Whether a line opens with a step's number and a colon, as an algorithm numbers its lines
/// (`12: ℓ, u ← …` after `11: end for`).
/// The number a line starts with, as an algorithm's step does (`12 𝑀 ← …`, `3: for`): one to
/// three figures, then a space or a colon.
fn step_number(text: &str) -> Option<u32> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    ((1..=3).contains(&digits) && text[digits..].starts_with([' ', ':', '\t']))
        .then(|| text[..digits].parse().ok())
        .flatten()
}

fn numbered_step(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && text[digits..].starts_with(':')
}

/// Whether a line stops on a word that joins ("and", "of", "the", "to") or on an equals
/// sign: no paragraph ends there.
fn ends_on_joining_word(text: &str) -> bool {
    let last = text
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        last.as_str(),
        "=" | "and"
            | "or"
            | "of"
            | "the"
            | "a"
            | "an"
            | "for"
            | "in"
            | "to"
            | "on"
            | "by"
            | "with"
            | "from"
            | "at"
            | "et"
            | "de"
            | "des"
            | "du"
            | "la"
            | "le"
            | "les"
            | "und"
            | "der"
    )
}

/// Writes the footnotes waiting to be written, as paragraphs of their own after the text so
/// far.
fn write_notes<'a>(
    out: &mut Builder,
    shared: &Shared,
    pending: &mut Vec<(usize, &'a Line, &'a str)>,
) {
    if pending.is_empty() {
        return;
    }
    if !out.text.is_empty() {
        out.push_sep("\n\n");
    }
    let mut notes = Flow::default();
    let lines: Vec<(usize, &Line, &str)> = std::mem::take(pending);
    // The number of the note written last, to start the next one where its number comes
    // (`… The Digest, p. 276.` / `12 These numbers …` on a full line).
    let mut last: Option<u32> = None;
    // The page and left edge of the text of the note being written, after its number.
    let mut hang: Option<(usize, f32)> = None;
    for (k, &(pi, line, text)) in lines.iter().enumerate() {
        let next = lines
            .get(k + 1)
            .filter(|&&(npi, _, _)| npi == pi)
            .map(|&(_, l, _)| l);
        let mut join = notes.join_to(shared, pi, line, text, next);
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        let lead = digits.parse::<u32>().ok();
        // (The next note's number before a year in brackets, `9 (1968) 1 SCR 505`, which
        // alone reads as a citation's page and year going on.)
        let next_number = lead.is_some_and(|n| last.is_some_and(|l| n == l + 1))
            && text[digits.len()..].starts_with(' ');
        // (Or a number set apart from its note by a wide gap: `1⇥I understand …`.)
        let number = (super::pdf_notes::starts_with_note_mark(text)
            || super::pdf_notes::starts_with_mark_set_apart(text)
            || next_number)
            .then_some(lead)
            .flatten();
        // (After a note's end: `… into the Red River` / `5 and 40 percent …` goes on.)
        let after_end = k > 0
            && lines[k - 1]
                .2
                .trim_end()
                .ends_with(['.', '!', '?', ')', '”', '"']);
        // (Or a number set small or raised, the next after the last note's: `¹https://…` /
        // `²https://…`.)
        let raised = super::pdf_notes::raised_mark(&shared.pages[pi], line);
        let starts = number.is_some_and(|n| {
            (last.is_none() || n.checked_sub(1).is_some_and(|p| last == Some(p)))
                && (k == 0 || after_end || (raised && last.is_some()))
        });
        if starts {
            if k > 0 {
                join = Some(Join::Paragraph);
            }
            last = number;
            // (Where its text starts, after its number: its next lines hang there.)
            // (A note of words: not a printer's key, `1 3 5 7 9 10 8 6 4 2`.)
            let words = text.chars().filter(|c| c.is_alphabetic()).count() >= 2;
            hang = second_word_x0(&shared.pages[pi], line)
                .filter(|_| words)
                .map(|x| (pi, x));
        } else if lead.is_none()
            && !after_end
            && join == Some(Join::Paragraph)
            && hang.is_some_and(|(hp, x)| hp == pi && (line.x0 - x).abs() < 0.3 * line.size)
        {
            // A line set under a note's text, right of its number, goes on with the note,
            // however short the line over it, unless that ends a sentence (`… (United
            // Nations publication, New` / `York and Geneva).`).
            join = Some(Join::Space);
        }
        if join == Some(Join::Paragraph) && !starts {
            hang = None;
        }
        notes.push(out, shared, (pi, line, text), join);
    }
}

/// The text of a line as it will be written.
fn line_text(page: &PageGlyphs, line: &Line) -> String {
    let mut s = "\t".repeat(usize::from(line.lead));
    for (sep, _, chars) in written(page, line) {
        s.extend(sep_chars(sep));
        s.extend(chars);
    }
    s
}

/// The number a line starts with, followed by a space (a note's: `9 (1968) 1 SCR 505`).
fn leading_number(text: &str) -> Option<u32> {
    let digits: &str = &text[..text.find(|c: char| !c.is_ascii_digit())?];
    (!digits.is_empty() && text[digits.len()..].starts_with([' ', '\t']))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The small letter a line starts with as a note's label, set apart from a note that
/// starts with a capital or a figure (`b Except for …`).
fn letter_label(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let (label, space, first) = (chars.next()?, chars.next()?, chars.next()?);
    (label.is_ascii_lowercase() && space == ' ' && (first.is_uppercase() || first.is_ascii_digit()))
        .then_some(label)
}

/// A line's text without the words that hold a hyphen breaking a word at a table cell's
/// edge (their place a space).
fn unbroken_text(page: &PageGlyphs, line: &Line) -> String {
    if line.broken.is_empty() {
        return line_text(page, line);
    }
    let mut out = String::new();
    let mut word = String::new();
    let mut broken = false;
    for ((sep, _, chars), &(g, _)) in written(page, line).zip(&line.items) {
        if sep != Sep::None {
            if !broken {
                out.push_str(&word);
            }
            out.extend(sep_chars(sep));
            word.clear();
            broken = false;
        }
        word.extend(chars);
        broken |= line.broken.contains(&g);
    }
    if !broken {
        out.push_str(&word);
    }
    out
}

/// The glyphs of a line, each with what goes before it and the chars it writes. A glyph with
/// no Unicode text that starts a line, set apart from the words that follow, is a list's
/// bullet drawn with a symbol font, and writes `•`; a bracket the line reads turned writes
/// its fellow.
fn written<'p>(
    page: &'p PageGlyphs,
    line: &'p Line,
) -> impl Iterator<Item = (Sep, &'p Glyph, &'p [char])> + 'p {
    let text_of = |k: usize| page.text(&page.glyphs[line.items[k].0 as usize]);
    // What follows reads as words.
    let words_after =
        line.items.len() > 3 && (1..4).all(|k| text_of(k).iter().all(|c| c.is_alphanumeric()));
    let bullet = words_after && line.items[1].1 != Sep::None && text_of(0) == ['\u{FFFD}'];
    line.items.iter().enumerate().map(move |(k, &(gi, sep))| {
        let g = &page.glyphs[gi as usize];
        let chars: &[char] = if k == 0 && bullet {
            &['•']
        } else if line.turned.contains(&gi) {
            super::pdf_bidi::turned_bracket(page.text(g)).unwrap_or(page.text(g))
        } else {
            page.text(g)
        };
        (sep, g, chars)
    })
}

/// The chars a separator writes.
fn sep_chars(sep: Sep) -> std::iter::RepeatN<char> {
    match sep {
        Sep::None => std::iter::repeat_n(' ', 0),
        Sep::Space => std::iter::repeat_n(' ', 1),
        Sep::Tab => std::iter::repeat_n('\t', 1),
        Sep::Cells(n) => std::iter::repeat_n('\t', usize::from(n) + 1),
    }
}

/// A line's text with digits as `#` and without white space, lowercase: the same running
/// header on every page, whatever its page number and however far it stands from the words
/// (`Institute 21`, `Institute2`).
fn furniture_key(text: &str) -> String {
    page_number_key(text).split_whitespace().collect()
}

/// A line's text with digits (of any script's figures: `٣`) as `#` and white space
/// collapsed, lowercase (`page # of #`).
pub(super) fn page_number_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .map(|c| if is_figure(c) { '#' } else { c })
        .collect()
}

/// Whether a char is a decimal digit, in Latin or another script's figures (`٣`, `۳`).
fn is_figure(c: char) -> bool {
    super::pdf_own_map::digit_value(c).is_some()
}

/// A line's furniture key with its font size and the half of the page it is in: a
/// document's title on its first page is not the running header that repeats its words in
/// small type on the others.
fn sized_key(page: &PageGlyphs, line: &Line) -> String {
    // A running header stays at the head of its pages and a footer at the foot: a line of a
    // list that falls at the foot of one page and the head of the next is neither.
    let head = line.baseline < 0.5 * page.height;
    // (Without a page number at either end: a footer that sets it on the outer side of
    // each page, `180⇥The EFSA Journal` and `The EFSA Journal⇥181`, is the same.)
    format!(
        "{}@{}@{}",
        furniture_key(&line_text(page, line)).trim_matches('#'),
        (line.size * 2.0).round(),
        if head { "head" } else { "foot" }
    )
}

/// A line's words with each run of digits as one `#`, and its size: the lines whose
/// numbers are compared to tell a running head (its page number changes) from notes citing
/// volumes and pages.
fn numbers_key(page: &PageGlyphs, line: &Line) -> String {
    format!(
        "{}@{}",
        digit_runs_key(&line_text(page, line)),
        (line.size * 2.0).round()
    )
}

/// A text without white space, lowercase, each run of digits as one `#`.
fn digit_runs_key(text: &str) -> String {
    let mut key = String::new();
    for c in text
        .split_whitespace()
        .collect::<String>()
        .to_lowercase()
        .chars()
    {
        if !is_figure(c) {
            key.push(c);
        } else if !key.ends_with('#') {
            key.push('#');
        }
    }
    key
}

/// Whether a line stands in the top or bottom margin band of its page.
fn in_band(page: &PageGlyphs, line: &Line) -> bool {
    line.baseline < MARGIN * page.height || line.baseline > (1.0 - MARGIN) * page.height
}

/// A line's text with each run of digits as one `#`, its size and how far down the page it
/// stands (to 3 points): a running header whose page number grows a digit keeps its key
/// (centred, it moves sideways). Only for lines of words (three letters or more), so rows
/// of numbers never match.
fn placed_key(page: &PageGlyphs, line: &Line) -> Option<String> {
    let text = line_text(page, line);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let key = digit_runs_key(&text);
    Some(format!(
        "{key}@{}@{}",
        (line.size * 2.0).round(),
        (line.baseline / 3.0).round()
    ))
}

/// Whether a line is only a page number: `12`, `- 12 -`, `Page 12`, `12 of 40`, `xii`,
/// `A-10`.
pub(super) fn is_page_number(key: &str) -> bool {
    let words: Vec<&str> = key
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| {
        w.chars().all(|c| c == '#')
            || (w.len() <= 6 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')))
    };
    match words.as_slice() {
        [n] => number(n),
        ["page" | "p." | "seite" | "página" | "pagina", n] => number(n),
        // An appendix's pages: `A-10`, `B-3`.
        [l, n] if l.chars().count() == 1 && l.chars().all(char::is_alphabetic) => {
            n.chars().all(|c| c == '#')
        }
        [n, "of" | "de" | "von", m] => number(n) && number(m),
        [
            "page" | "p." | "seite" | "página" | "pagina",
            n,
            "of" | "de" | "von",
            m,
        ] => number(n) && number(m),
        _ => false,
    }
}

/// A line's words without the page number at its end or start (`Cite as: 598 U. S. ____
/// (2023)` and 11), lowercase, its white space collapsed; `None` without such a number or
/// without words.
fn split_page_number(text: &str) -> Option<(String, i64)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| {
        let digits: Option<Vec<u32>> = w.chars().map(super::pdf_own_map::digit_value).collect();
        let digits = digits.filter(|d| (1..=4).contains(&d.len()))?;
        Some(digits.iter().fold(0i64, |n, &d| n * 10 + i64::from(d)))
    };
    let (n, rest) = match words.as_slice() {
        [rest @ .., last] if number(last).is_some() => (number(last)?, rest),
        [first, rest @ ..] if number(first).is_some() => (number(first)?, rest),
        _ => return None,
    };
    let rest = rest.join(" ").to_lowercase();
    rest.chars().any(char::is_alphabetic).then_some((rest, n))
}

/// Whether a line names its page among the document's (`2 of 11`, `Page 2 of 11`): a
/// running footer or header, however it is read on other pages (a left page's footer read
/// as one line on some pages and as two columns' parts on others).
fn names_its_page(text: &str, page: usize, pages: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (page, pages) = (page.to_string(), pages.to_string());
    words
        .windows(3)
        .any(|w| w[0] == page && w[1].eq_ignore_ascii_case("of") && w[2] == pages)
}

/// How many of these pages (in order) stand near another of them: the next page or the one
/// after.
fn pages_near(at: &[usize]) -> usize {
    at.iter()
        .enumerate()
        .filter(|&(j, &p)| {
            let before = j > 0 && p - at[j - 1] <= 2;
            let after = at.get(j + 1).is_some_and(|&q| q - p <= 2);
            before || after
        })
        .count()
}

/// Whether a line starts with a number set small and raised (a note's number, a third
/// smaller than the words after it or more) and words follow.
fn under_raised_number(page: &PageGlyphs, line: &Line) -> bool {
    let glyph = |k: usize| line.items.get(k).map(|&(g, _)| &page.glyphs[g as usize]);
    let Some(first) = glyph(0) else {
        return false;
    };
    let mark = line
        .items
        .iter()
        .take_while(|&&(g, _)| {
            let g = &page.glyphs[g as usize];
            g.size < 0.7 * line.size && page.text(g).iter().all(char::is_ascii_digit)
        })
        .count();
    let words = line.items[mark..]
        .iter()
        .filter(|&&(g, _)| {
            page.text(&page.glyphs[g as usize])
                .iter()
                .any(|c| c.is_alphabetic())
        })
        .count();
    mark > 0 && first.baseline < line.baseline && words >= 2
}

/// Leaves out lines near the top or bottom of pages that repeat on several pages (digits
/// aside) and page numbers there.
/// The size most of a document's glyphs are set in: its text's (to the half point).
pub(super) fn text_size(per_page: &[Vec<Line>]) -> f32 {
    let mut sizes: HashMap<i32, usize> = HashMap::new();
    for l in per_page.iter().flatten() {
        *sizes.entry((l.size * 2.0).round() as i32).or_default() += l.items.len();
    }
    sizes
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(0.0, |(size, _)| size as f32 / 2.0)
}

/// A line repeated at the edges of pages that stands further apart than this many of its
/// sizes from one page's edge to another's follows what is over it: no running header or
/// footer.
const WANDERS: f32 = 4.0;

/// A lone number set this many times the text's size or larger is no page number.
const LARGE_NUMBER: f32 = 1.8;

/// Whether a line stands between two others of its column, each a line's height from it
/// and over or under it: a figure in a box between its label and the next (`SITREP NO.` /
/// `31` / `Monday, …`; `Hospitalized cases` / `21` / `0`), not a page number set apart.
fn between_lines(ls: &[Line], l: &Line) -> bool {
    let near = |o: &&Line, above: bool| {
        let gap = if above {
            l.baseline - o.baseline
        } else {
            o.baseline - l.baseline
        };
        gap > 0.3 * l.size.min(o.size)
            && gap < 1.6 * l.size.max(o.size)
            && o.x0 < l.x1
            && o.x1 > l.x0
    };
    ls.iter().any(|o| near(&o, true)) && ls.iter().any(|o| near(&o, false))
}

fn drop_furniture(pages: &[PageGlyphs], per_page: &mut [Vec<Line>]) {
    // The top and bottom lines of each page, wherever its margins are (court filings set
    // their running headers well below the top), and any line in the margin bands.
    let text = text_size(per_page);
    let edges: Vec<(f32, f32)> = pages
        .iter()
        .zip(per_page.iter())
        .map(|(page, ls)| {
            let mut b: Vec<f32> = ls.iter().map(|l| l.baseline).collect();
            b.sort_by(f32::total_cmp);
            let top = b
                .get(EDGE_LINES - 1)
                .or(b.last())
                .copied()
                .unwrap_or(f32::MIN);
            let bottom = b
                .len()
                .checked_sub(EDGE_LINES)
                .and_then(|k| b.get(k))
                .or(b.first())
                .copied()
                .unwrap_or(f32::MAX);
            (head_block(page, ls, text).unwrap_or(top).max(top), bottom)
        })
        .collect();
    let page_index = |page: &PageGlyphs| pages.iter().position(|p| std::ptr::eq(p, page));
    let in_margin = |page: &PageGlyphs, line: &Line| {
        let (top, bottom) = page_index(page).map_or((f32::MIN, f32::MAX), |i| edges[i]);
        in_band(page, line) || line.baseline <= top || line.baseline >= bottom
    };
    // On how many pages each key stands, counted only where it stands on pages near each
    // other (the next page or the one after: a running header, on every page or on every
    // other one); a table's title on each month's page (`December - 2021`, `December -
    // 2020`, a year of pages apart) is not one.
    let pages_with = |key: &dyn Fn(&PageGlyphs, &Line) -> Option<String>| {
        let mut on: HashMap<String, Vec<usize>> = HashMap::new();
        for (pi, (page, ls)) in pages.iter().zip(per_page.iter()).enumerate() {
            let keys: HashSet<String> = ls.iter().filter_map(|l| key(page, l)).collect();
            for k in keys {
                on.entry(k).or_default().push(pi);
            }
        }
        on.into_iter()
            .map(|(k, at)| (k, pages_near(&at)))
            .collect::<HashMap<String, usize>>()
    };
    let counts = pages_with(&|page, l| in_margin(page, l).then(|| sized_key(page, l)));
    // How far from its edge of the page each margin line's key stands, nearest and
    // furthest: a running header or footer keeps its place on every page; a note set
    // under each figure (`**See data, table and figure notes`) follows the figure.
    let mut from_edge: HashMap<String, (f32, f32)> = HashMap::new();
    for (page, ls) in pages.iter().zip(per_page.iter()) {
        for l in ls.iter().filter(|l| in_margin(page, l)) {
            let d = if l.baseline < 0.5 * page.height {
                l.baseline
            } else {
                page.height - l.baseline
            };
            let e = from_edge.entry(sized_key(page, l)).or_insert((d, d));
            *e = (e.0.min(d), e.1.max(d));
        }
    }
    let wanders = |page: &PageGlyphs, l: &Line| {
        from_edge
            .get(&sized_key(page, l))
            .is_some_and(|&(near, far)| far - near > WANDERS * l.size)
    };
    // On how many pages each margin line's key stands at all.
    let mut on_pages: HashMap<String, usize> = HashMap::new();
    for (page, ls) in pages.iter().zip(per_page.iter()) {
        let keys: HashSet<String> = ls
            .iter()
            .filter(|l| in_margin(page, l))
            .map(|l| sized_key(page, l))
            .collect();
        for k in keys {
            *on_pages.entry(k).or_default() += 1;
        }
    }
    // A table's title over its top, repeated on each page the table goes on over and
    // changing with the table (`Assets and Liabilities of Commercial Banks …` on four
    // pages, `… of Domestically Chartered Commercial Banks …` on the next four): on fewer
    // than half the pages, at a page's head, with the table the first text under it. (A
    // running head stands on nearly every page; a chapter's, over prose, is left out.)
    let over_table = |page: &PageGlyphs, ls: &[Line], l: &Line| {
        ls.iter()
            .filter(|o| o.baseline > l.baseline && !in_margin(page, o))
            .min_by(|a, b| a.baseline.total_cmp(&b.baseline))
            .is_some_and(|o| o.has_tab() || o.in_grid)
    };
    // (A line that stands over prose on one page is no table's title on another: a running
    // head on every other page is over a figure's row of marks on one of them.)
    let over_prose: HashSet<String> = pages
        .iter()
        .zip(per_page.iter())
        .flat_map(|(page, ls)| {
            ls.iter()
                .filter(|l| in_margin(page, l) && l.baseline < 0.5 * page.height)
                .filter(|l| !over_table(page, ls, l))
                .map(|l| sized_key(page, l))
        })
        .collect();
    let titles_table = |page: &PageGlyphs, ls: &[Line], l: &Line| {
        let head = l.baseline < 0.5 * page.height;
        let few = on_pages
            .get(&sized_key(page, l))
            .is_some_and(|&k| 2 * k < pages.len());
        let words = line_text(page, l)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 3;
        // (A title is no row of cells: a running head beside its page number is.)
        head && few
            && words
            && !l.has_tab()
            && over_table(page, ls, l)
            && !over_prose.contains(&sized_key(page, l))
    };
    // The keys whose lines differ in two of their numbers or more from one page to another:
    // a running head changes its page number alone (also where it prints it twice,
    // `180⇥The EFSA Journal⇥180/312`); notes that cite a volume and page
    // (`2⇥(2013) 1 SCC 311.`, `4⇥(1987) 1 SCC 424.`) share a key but are no furniture.
    let mut numbers_of: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for (page, ls) in pages.iter().zip(per_page.iter()) {
        for l in ls.iter().filter(|l| in_margin(page, l)) {
            let text = line_text(page, l);
            let numbers: Vec<String> = text
                .split(|c: char| !is_figure(c))
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            numbers_of
                .entry(numbers_key(page, l))
                .or_default()
                .push(numbers);
        }
    }
    let varied: HashSet<String> = numbers_of
        .into_iter()
        .filter(|(_, all)| {
            all.iter().enumerate().any(|(i, a)| {
                all[i + 1..].iter().any(|b| {
                    let mut changes: Vec<(&String, &String)> =
                        a.iter().zip(b).filter(|(x, y)| x != y).collect();
                    changes.sort_unstable();
                    changes.dedup();
                    a.len() == b.len() && changes.len() >= 2
                })
            })
        })
        .map(|(key, _)| key)
        .collect();
    // The numbers a margin line's words carry on each page (`Cite as: 598 U. S. ____ (2023)`
    // with `9`, then `11`): a head whose number counts with the pages is a running head,
    // also where its number grows a digit.
    let mut numbered: HashMap<String, Vec<(usize, i64)>> = HashMap::new();
    for (pi, (page, ls)) in pages.iter().zip(per_page.iter()).enumerate() {
        for l in ls.iter().filter(|l| in_margin(page, l)) {
            if let Some((words, number)) = split_page_number(&line_text(page, l)) {
                numbered.entry(words).or_default().push((pi, number));
            }
        }
    }
    let counting = |pi: usize, raw: &str| {
        split_page_number(raw).is_some_and(|(words, number)| {
            numbered.get(&words).is_some_and(|at| {
                at.iter()
                    .filter(|&&(q, m)| q != pi && m - number == q as i64 - pi as i64)
                    .count()
                    >= 2
            })
        })
    };
    // How often each line's words (digits aside, in its size) stand in the margins and in
    // the text: an article's heading that starts a page (`Article (12):`) is set the same
    // way, with other numbers, more often in the text than in the margins; a running head
    // is not.
    let mut standing: HashMap<String, (usize, usize)> = HashMap::new();
    for (page, ls) in pages.iter().zip(per_page.iter()) {
        for l in ls {
            let key = format!(
                "{}@{}",
                furniture_key(&line_text(page, l)),
                (l.size * 2.0).round()
            );
            let (margin, text) = standing.entry(key).or_default();
            if in_margin(page, l) {
                *margin += 1;
            } else {
                *text += 1;
            }
        }
    }
    let set_as_text = |l: &Line, raw: &str| {
        if raw.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return false;
        }
        let key = format!("{}@{}", furniture_key(raw), (l.size * 2.0).round());
        standing
            .get(&key)
            .is_some_and(|&(margin, text)| text >= 2 && text >= margin)
    };
    let placed = pages_with(&|page, l| in_band(page, l).then(|| placed_key(page, l)).flatten());
    let n = pages.len();
    // What each line is: kept text, furniture, or a line that may stand in furniture's place.
    let verdicts: Vec<Vec<Verdict>> = pages
        .iter()
        .zip(per_page.iter())
        .enumerate()
        .map(|(pi, (page, ls))| {
            ls.iter()
                .map(|l| {
                    let raw = line_text(page, l);
                    // A rule drawn with dashes (over the footnotes) is not text.
                    if super::pdf_notes::is_dash_rule(&raw) {
                        return Verdict::Furniture;
                    }
                    // (A note's sentence under its number, however alike the notes, is no
                    // furniture: `7 Indexes on a December 2001=100 base.`)
                    let note_sentence = super::pdf_notes::starts_with_note_mark(&raw)
                        && raw.trim_end().ends_with('.')
                        && raw.split_whitespace().count() >= 5;
                    // (Nor a note under a number set small and raised, however short and
                    // alike: a court's `¹³ Id. at 24-25.`, `¹² Id. at 23-25.`.)
                    let note_sentence = note_sentence || under_raised_number(page, l);
                    // (Nor a table's title, headings, source or note, though the same over or
                    // under several tables: `Fuente: Sivigila. …`; nor what a table's grid
                    // encloses, dates and all: `May 2019`, `Total Tourist Arrivals May 2018`
                    // over each page of the table.)
                    if !in_margin(page, l) {
                        return Verdict::Text;
                    }
                    if is_table_row(&raw)
                        || super::pdf_floats::is_caption(&raw)
                        || super::pdf_notes::starts_note_label(&raw)
                        || note_sentence
                        || under_caption(page, ls, l, 3)
                        || heads_cells(page, ls, l)
                        || l.in_grid
                        || slide_title(page, ls, l)
                        || titles_table(page, ls, l)
                        || set_as_text(l, &raw)
                    {
                        return Verdict::Kept;
                    }
                    let key = furniture_key(&raw);
                    let varies = varied.contains(&numbers_key(page, l));
                    let repeated = if varies {
                        0
                    } else {
                        counts.get(&sized_key(page, l)).copied().unwrap_or(0)
                    };
                    // A line that repeats and carries a page number ("Chapter 2: Methods
                    // 14") is a running header even when it repeats only on a chapter's few
                    // pages.
                    let numbered = key.starts_with('#') || key.ends_with('#');
                    let running =
                        repeated >= 2 && (repeated >= 3 || n <= 3 || numbered) && !wanders(page, l);
                    // The same header at the same place on three pages or more, its numbers
                    // of any length ("Page: 9", "Page: 10").
                    let running = running
                        || (in_band(page, l)
                            && !varies
                            && placed_key(page, l)
                                .is_some_and(|k| placed.get(&k).copied().unwrap_or(0) >= 3))
                        || (in_band(page, l) && names_its_page(&raw, pi + 1, n))
                        || counting(pi, &raw);
                    // A section heading in capital numerals ("II") is not a page number
                    // ("ii"), unless it stands where other pages have theirs.
                    let heading = raw
                        .trim()
                        .chars()
                        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | '.'));
                    // (Nor is a number set far larger than the text: a cover's issue
                    // number, `8`.)
                    if running
                        || (is_page_number(&page_number_key(&raw))
                            && !heading
                            && !between_lines(ls, l)
                            && l.size < LARGE_NUMBER * text)
                    {
                        Verdict::Furniture
                    } else if in_band(page, l) {
                        Verdict::InBand
                    } else {
                        Verdict::Text
                    }
                })
                .collect()
        })
        .collect();
    // Where furniture stands on its pages (its height and size): a line in a margin band
    // alone at such a place, on a page among three or more with furniture there, is
    // furniture too (a thesis's running head that names each chapter, over a page or two
    // each; a page number in capital numerals where the others have theirs).
    let slot = |l: &Line| {
        (
            (l.baseline / 3.0).round() as i32,
            (l.size * 2.0).round() as i32,
        )
    };
    let mut slots: HashMap<(i32, i32), HashSet<usize>> = HashMap::new();
    for (pi, (ls, vs)) in per_page.iter().zip(&verdicts).enumerate() {
        for (l, v) in ls.iter().zip(vs) {
            if *v == Verdict::Furniture {
                slots.entry(slot(l)).or_default().insert(pi);
            }
        }
    }
    for (pi, ((page, ls), vs)) in pages
        .iter()
        .zip(per_page.iter_mut())
        .zip(verdicts)
        .enumerate()
    {
        // (Beside furniture is alone: `pnas.org` read apart from `2 of 11  https://…`.)
        let alone = |l: &Line, ls: &[Line]| {
            ls.iter()
                .zip(&vs)
                .filter(|(o, v)| {
                    **v != Verdict::Furniture && (o.baseline - l.baseline).abs() < 0.5 * l.size
                })
                .count()
                == 1
        };
        let mut keep: Vec<bool> = ls
            .iter()
            .zip(&vs)
            .map(|(l, v)| match v {
                Verdict::Kept | Verdict::Text => true,
                Verdict::Furniture => false,
                Verdict::InBand => {
                    let others = slots
                        .get(&slot(l))
                        .map_or(0, |at| at.iter().filter(|&&p| p != pi).count());
                    !(others >= 3 && alone(l, ls))
                }
            })
            .collect();
        // A footer's next line, set as small right under it, is the footer's too (`978-…
        // $26.00 © 2010 IEEE  142` / `DOI 10.1109/DSDE.2010.49` on a paper's first page).
        // (A rule of dashes over the notes is no footer: the note under it is text.)
        let footer_lines: Vec<(f32, f32)> = ls
            .iter()
            .zip(&keep)
            .filter(|(l, k)| !**k && !super::pdf_notes::is_dash_rule(&line_text(page, l)))
            .map(|(l, _)| (l.baseline, l.size))
            .collect();
        for ((l, v), k) in ls.iter().zip(&vs).zip(keep.iter_mut()) {
            let under_footer = l.size < 0.9 * text
                && in_margin(page, l)
                && footer_lines.iter().any(|&(baseline, size)| {
                    size < 0.9 * text
                        && l.baseline > baseline
                        && l.baseline - baseline <= 1.6 * size
                        && l.size <= size + 0.5
                });
            if *v != Verdict::Kept && under_footer {
                *k = false;
            }
        }
        let mut keep = keep.into_iter();
        ls.retain(|_| keep.next().unwrap_or(true));
    }
}

/// The baseline of the last line of a page's running head set in smaller type than the
/// document's text (of size `text`), when it has more lines than [`EDGE_LINES`] (a court's
/// case name, docket number and `Opinion of the Court`, the third one under the margin
/// band): the lines from the top that are all smaller than the text and hold words (not a
/// chart's scale), up to the first other line.
fn head_block(page: &PageGlyphs, lines: &[Line], text: f32) -> Option<f32> {
    let mut by_height: Vec<&Line> = lines.iter().collect();
    by_height.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let head: Vec<&&Line> = by_height
        .iter()
        .take_while(|l| l.size < 0.9 * text && line_text(page, l).chars().any(char::is_alphabetic))
        .take(EDGE_LINES + 2)
        .collect();
    (head.len() > EDGE_LINES).then(|| head.last().map(|l| l.baseline))?
}

/// Whether a line goes on a table's or figure's caption set over it (`Table 6. Consumer
/// Price Index …` / `[1982-84=100, unless otherwise noted]`): the caption's second line is
/// the title's, though every table of the document repeats it. Up to `depth` lines under it.
fn under_caption(page: &PageGlyphs, lines: &[Line], line: &Line, depth: u8) -> bool {
    if depth == 0 {
        return false;
    }
    let above = lines
        .iter()
        .filter(|o| o.baseline < line.baseline - 0.5 * line.size)
        .filter(|o| o.x0 < line.x1 && line.x0 < o.x1)
        .max_by(|a, b| a.baseline.total_cmp(&b.baseline));
    above.is_some_and(|o| {
        line.baseline - o.baseline <= 1.6 * o.size.max(line.size)
            && (super::pdf_floats::is_caption(&line_text(page, o))
                || under_caption(page, lines, o, depth - 1))
    })
}

/// Whether a line of cells without figures heads a table's columns: cells stand close
/// under it (`Unadjusted percent  Seasonally adjusted percent` over `change  change` over
/// the rows), though every page of the table repeats it. (A court's running header of
/// cells numbers its page.)
fn heads_cells(page: &PageGlyphs, lines: &[Line], line: &Line) -> bool {
    let text = line_text(page, line);
    // (Or a group's heading of a few words set over columns right of the page's margin:
    // `Seasonally adjusted percent change`.)
    let over_columns = text.split_whitespace().count() <= 5
        && line.x0 > line.bounds.0 + 0.25 * (line.bounds.1 - line.bounds.0);
    (line.has_tab() || over_columns)
        && !text.contains(|c: char| c.is_ascii_digit())
        && lines.iter().any(|o| {
            o.has_tab()
                && o.baseline > line.baseline + 0.3 * line.size
                && o.baseline - line.baseline <= 4.0 * line.size
        })
}

/// Whether a line is a slide's title: on a page set wider than high (a presentation's
/// slide), the largest text in its top third, set well larger than the page's other text.
/// Slides of one part repeat their title (`Prescrizioni giornaliere 12 – 18 gennaio 2022`),
/// and it names what the slide's table or chart shows: it is no running header.
fn slide_title(page: &PageGlyphs, lines: &[Line], line: &Line) -> bool {
    if page.width < 1.2 * page.height || line.baseline > page.height / 3.0 {
        return false;
    }
    let largest = lines.iter().map(|l| l.size).fold(0.0, f32::max);
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    line.size >= 0.9 * largest && line.size >= 1.4 * median
}

/// What a line near a page's edge is, to [`drop_furniture`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Text of the page.
    Text,
    /// A line in a margin that is text of the page, not a running header or footer: a
    /// table's row, a caption, a note.
    Kept,
    /// A running header or footer, or a page number.
    Furniture,
    /// Neither yet, in a margin band: furniture if it stands where other pages have theirs.
    InBand,
}

/// Whether a line is a row of a table: four cells or more without a digit (the headings over
/// its columns, repeated on each page it goes on over; a court's running header of cells
/// numbers its page), cells of figures only, one with a decimal point or comma (`5  1.12`
/// at a page's foot), or three numbers or more, most of its cells (the
/// same table on every page ends in the same rows, `Wyoming  504  18  1,902 …`, `Grand Total
/// …`). Neither is a running header or footer, though only their figures differ from page
/// to page.
fn is_table_row(text: &str) -> bool {
    let cells: Vec<&str> = text
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let numbers = cells
        .iter()
        .filter(|c| {
            c.chars().any(|ch| ch.is_ascii_digit())
                && c.chars().all(|ch| {
                    ch.is_ascii_digit() || matches!(ch, ',' | '.' | '%' | '$' | '-' | '(' | ')')
                })
        })
        .count();
    let headings = cells.len() >= 4 && !text.contains(|c: char| c.is_ascii_digit());
    // A row of figures alone, one with a decimal point or a thousands comma (`5  1.12`).
    let figures = cells.len() >= 2
        && numbers == cells.len()
        && cells.iter().any(|c| c.contains(['.', ',', '%']));
    headings || figures || (numbers >= 3 && 2 * numbers >= cells.len())
}

/// Words written whole inside lines, to tell a compound split at its hyphen (`self-`
/// `reported`, written `self-reported` elsewhere) from a hyphenated word.
#[derive(Default)]
struct Words {
    /// As written.
    written: HashSet<String>,
    /// In lowercase.
    lower: HashSet<String>,
}

fn inner_words(texts: &[Vec<String>]) -> Words {
    let mut out = Words::default();
    for t in texts.iter().flatten() {
        let words: Vec<&str> = t.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            // A line's last word may be a hyphenated half.
            if i + 1 == words.len() && w.ends_with('-') {
                continue;
            }
            // A hyphen drawn as U+2010 is the same hyphen (`high‐quality`).
            let w = w.replace(['\u{2010}', '\u{2011}'], "-");
            // An identifier's parts count too (`astro-ph` of `astro-ph/0508079`).
            let parts = w
                .split(['/', '(', ')', '[', ']'])
                .filter(|p| p.len() < w.len());
            for w in std::iter::once(w.as_str()).chain(parts) {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .to_owned();
                if !w.is_empty() {
                    out.lower.insert(w.to_lowercase());
                    out.written.insert(w);
                }
            }
        }
    }
    out
}

/// The right edge of each column of each page: where its lines of prose end, leaving out the
/// farthest tenth (a line drawn past the margin, a wide equation or address). A column of a
/// few lines of prose (a short list under a table) reaches as far as its farthest line, and
/// one of fewer than three lines as far as the page's. Footnotes (`notes`), often set wider
/// than the text, do not count.
fn region_rights(per_page: &[Vec<Line>], notes: &[Vec<bool>]) -> HashMap<(usize, u32), f32> {
    let mut out: HashMap<(usize, u32), f32> = HashMap::new();
    // Each column's left edge, farthest right, lines' left ends and lines of prose (their
    // right ends).
    type Column = (f32, f32, Vec<f32>, Vec<f32>);
    let mut columns: Vec<(usize, u32, Column)> = Vec::new();
    let mut page_rights = Vec::with_capacity(per_page.len());
    for (pi, (ls, notes)) in per_page.iter().zip(notes).enumerate() {
        let text = || ls.iter().zip(notes).filter(|(_, n)| !**n).map(|(l, _)| l);
        page_rights.push(text().map(|l| l.x1).fold(f32::MIN, f32::max));
        let mut regions: HashMap<u32, Column> = HashMap::new();
        for l in text() {
            let (left, farthest, starts, prose) =
                regions
                    .entry(l.region)
                    .or_insert((l.x0, l.x1, Vec::new(), Vec::new()));
            if !l.has_tab() {
                prose.push(l.x1);
            }
            *left = left.min(l.x0);
            *farthest = farthest.max(l.x1);
            starts.push(l.x0);
        }
        let mut regions: Vec<(u32, Column)> = regions.into_iter().collect();
        regions.sort_by_key(|(r, _)| *r);
        columns.extend(regions.into_iter().map(|(r, c)| (pi, r, c)));
    }
    // Where most lines of prose of a column end (the tenth farthest out is past it).
    let usual_right = |prose: &[f32]| {
        let mut prose = prose.to_vec();
        prose.sort_by(f32::total_cmp);
        prose[prose.len() - 1 - prose.len() / 10]
    };
    // The right edges of the columns full of prose, with their left edges.
    let full: Vec<(f32, f32)> = columns
        .iter()
        .filter(|(_, _, (_, _, _, prose))| prose.len() >= 6)
        .map(|(_, _, (left, _, _, prose))| (*left, usual_right(prose)))
        .collect();
    for (pi, region, (left, farthest, starts, prose)) in columns {
        // (Lines set flush left, half of them or more at one edge; not centred ones.)
        let flush_left = || {
            starts.iter().any(|&x| {
                2 * starts.iter().filter(|&&o| (o - x).abs() <= 1.0).count() >= starts.len()
            })
        };
        let right = if starts.len() < 3 {
            page_rights[pi]
        } else if prose.len() >= 6 {
            usual_right(&prose)
        } else if flush_left() {
            // A page of a few lines set flush left (a judgment's last, its signature) is
            // measured by the columns of prose it stands in, if the document has them (not
            // by a column twice as wide).
            let mut rights: Vec<f32> = full
                .iter()
                .filter(|&&(l, r)| {
                    l <= left + 2.0 && r >= farthest - 2.0 && r - l < 2.0 * (farthest - l)
                })
                .map(|&(_, r)| r)
                .collect();
            rights.sort_by(f32::total_cmp);
            rights
                .get(rights.len() / 2)
                .map_or(farthest, |r| r.max(farthest))
        } else {
            farthest
        };
        out.insert((pi, region), right);
    }
    out
}

/// How two lines in reading order are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// A new paragraph.
    Paragraph,
    /// The next row of a table.
    Row,
    /// The same paragraph.
    Space,
    /// The same paragraph, the word hyphenated across the line end joined (hyphen dropped).
    DropHyphen,
    /// The same paragraph, with nothing between (a compound split at its own hyphen).
    Glue,
}

/// Where two lines are, beyond the lines themselves.
struct Context {
    prev_page: usize,
    cur_page: usize,
    /// The right edge of the previous line's column.
    prev_right: f32,
    /// The width of the next line's first word.
    first_word: f32,
    /// Where the previous line's second word starts (after a number, the item's text).
    prev_second_word: Option<f32>,
    /// The left edge of the list item the previous line belongs to, if it does.
    item: Option<f32>,
    /// The document's usual distance between the baselines of a paragraph's lines, in font
    /// sizes ([`Spacing`]).
    spacing: f32,
    /// The left edge of the line after the one being joined, in its column, if it follows at
    /// the usual spacing.
    next_x0: Option<f32>,
    /// Its right edge.
    next_x1: Option<f32>,
    /// Whether the previous line is the first line of a table row's label that goes on in
    /// this one ("Murder and nonnegligent" / "manslaughter . . . 10.0").
    label_goes_on: bool,
    /// Whether this line is the first line of the label of the row after it.
    label_of_next: bool,
    /// Whether this line names the group of a table's rows it stands between.
    group_label: bool,
    /// Whether the previous line did.
    after_group_label: bool,
    /// The width of the widest column of the previous line's page.
    prev_widest: f32,
    /// Where the previous line's second cell starts (a caption's words, set apart from its
    /// number).
    prev_cell_x: Option<f32>,
    /// The size most of the document's text is set in.
    text_size: f32,
    /// Whether the previous line and this one are headings set in bold in the text's size.
    heading: (bool, bool),
    /// Whether this line opens with a heading in bold run into its paragraph.
    run_in: bool,
    /// The left edge of the line before the previous one, in the same column.
    before_prev_x0: Option<f32>,
}

/// The usual distance between the baselines of consecutive lines of a column, in font sizes
/// (the lower quartile, from eight pairs of lines on): about 1.2 in most documents, 1.5 or 2
/// in a report or court filing set wider, whose lines are then not each a paragraph. Kept for
/// each class of font sizes, as a document may set its notes closer than its text; measured on lines
/// of prose, not table rows, which are often set closer.
struct Spacing {
    /// By font size class ([`size_class`]).
    by_size: HashMap<i32, f32>,
    /// By font size to the half point, where lines of that size are many: a ruling's text
    /// set double-spaced in 12 points beside its quotes set single-spaced in 11.4, which
    /// share a class.
    by_exact_size: HashMap<i32, f32>,
    /// For lines of a size with too few pairs.
    all: f32,
    /// By column (page, region) and font size (to the half point) whose lines of prose are
    /// set wider apart than the document's lines of their size (a page set one and a half
    /// lines apart): that column's own.
    by_column: HashMap<(usize, u32, i32), f32>,
}

impl Spacing {
    fn measure(per_page: &[Vec<Line>]) -> Self {
        let pairs: Vec<(f32, f32)> = per_page
            .iter()
            .flat_map(|ls| ls.windows(2))
            .filter(|w| {
                w[0].region == w[1].region
                    && (w[0].size - w[1].size).abs() < 0.15 * w[0].size
                    && !w[0].has_tab()
                    && !w[1].has_tab()
            })
            .map(|w| {
                let ratio = (w[1].baseline - w[0].baseline) / w[0].size.max(1.0);
                (w[0].size, ratio)
            })
            .filter(|(_, r)| *r > 0.8 && *r < 3.0)
            .collect();
        let all = lower_quartile(pairs.iter().map(|p| p.1).collect()).unwrap_or(1.2);
        let by = |key: fn(f32) -> i32| -> HashMap<i32, f32> {
            let mut sizes: HashMap<i32, Vec<f32>> = HashMap::new();
            for &(size, ratio) in &pairs {
                sizes.entry(key(size)).or_default().push(ratio);
            }
            sizes
                .into_iter()
                .filter_map(|(size, ratios)| Some((size, lower_quartile(ratios)?)))
                .collect()
        };
        let by_size = by(size_class);
        let by_exact_size = by(exact_size);
        // Each column's spacing, from pairs of full lines (prose set justified), where it is
        // wider than its size's in the whole document.
        let mut columns: HashMap<(usize, u32, i32), Vec<f32>> = HashMap::new();
        for (pi, ls) in per_page.iter().enumerate() {
            // How wide each column's lines stand (not its bounds, which furniture left out,
            // a letterhead wider than the text, may widen).
            let mut spans: HashMap<u32, (f32, f32)> = HashMap::new();
            for l in ls.iter().filter(|l| !l.has_tab()) {
                let span = spans.entry(l.region).or_insert((l.x0, l.x1));
                *span = (span.0.min(l.x0), span.1.max(l.x1));
            }
            for w in ls.windows(2) {
                let full = |l: &Line| {
                    let (a, b) = spans.get(&l.region).copied().unwrap_or(l.bounds);
                    l.x1 - l.x0 >= 0.85 * (b - a).min(l.bounds.1 - l.bounds.0)
                };
                if w[0].region == w[1].region
                    && (w[0].size - w[1].size).abs() < 0.15 * w[0].size
                    && !w[0].has_tab()
                    && !w[1].has_tab()
                    && full(&w[0])
                    && full(&w[1])
                {
                    let ratio = (w[1].baseline - w[0].baseline) / w[0].size.max(1.0);
                    if ratio > 0.8 && ratio < 3.0 {
                        columns
                            .entry((pi, w[0].region, exact_size(w[0].size)))
                            .or_default()
                            .push(ratio);
                    }
                }
            }
        }
        let by_column = columns
            .into_iter()
            .filter_map(|(at, ratios)| {
                // (A page of a double-spaced contract has few full lines: five pairs do.)
                let own = lower_quartile_of(ratios, 5)?;
                let usual = by_exact_size
                    .get(&at.2)
                    .or(by_size.get(&size_class(at.2 as f32 / 2.0)))
                    .copied()
                    .unwrap_or(all);
                (own > 1.15 * usual).then_some((at, own))
            })
            .collect();
        Spacing {
            by_size,
            by_exact_size,
            all,
            by_column,
        }
    }

    /// The usual spacing of lines set in `size` in a column (page, region).
    fn in_column(&self, size: f32, at: (usize, u32)) -> f32 {
        self.by_column
            .get(&(at.0, at.1, exact_size(size)))
            .copied()
            .unwrap_or_else(|| self.of(size))
    }

    /// The usual spacing of lines set in `size`.
    fn of(&self, size: f32) -> f32 {
        self.by_exact_size
            .get(&exact_size(size))
            .or(self.by_size.get(&size_class(size)))
            .copied()
            .unwrap_or(self.all)
    }
}

/// A font size to the half point.
fn exact_size(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

/// A font size's class: sizes within about a tenth of each other share one (a ruling's first
/// pages in 11.5 points and the rest in 12 are one text; its notes in 10 are another).
fn size_class(size: f32) -> i32 {
    (size.max(1.0).ln() / 1.1f32.ln()).round() as i32
}

/// The lower quartile of eight values or more: paragraph gaps, however many, do not count
/// as line spacing.
fn lower_quartile(ratios: Vec<f32>) -> Option<f32> {
    lower_quartile_of(ratios, 8)
}

/// The lower quartile of `ratios`, when there are `least` of them or more.
fn lower_quartile_of(mut ratios: Vec<f32>, least: usize) -> Option<f32> {
    if ratios.len() < least {
        return None;
    }
    ratios.sort_by(f32::total_cmp);
    Some(ratios[ratios.len() / 4])
}

/// Whether a line starts a list item: a bullet, or a dash followed by a space.
fn is_item(text: &str) -> bool {
    let mut chars = text.chars();
    let (first, second) = (chars.next(), chars.next());
    match first {
        Some(
            '•' | '◦' | '▪' | '▫' | '‣' | '⁃' | '●' | '○' | '■' | '□' | '➢' | '►' | '▶' | '▸' | '·'
            | '∙' | '✔' | '✓' | '❖' | '◆' | '❑',
        ) => true,
        Some('-' | '–' | '—' | '*') => second == Some(' '),
        // A symbol font's bullet a word processor maps to the private use area (`\u{F0A3}`,
        // `\u{F0B7}`), before the item's words.
        Some('\u{F000}'..='\u{F0FF}') => matches!(second, Some(' ' | '\t')),
        // A symbol font's bullet read as the letter its code names (`n` for ■, `l` for ●,
        // `£`), before words of a script that is not Latin: `n 최근 AI 기술이 …`.
        Some('n' | 'l' | 'q' | 'u' | 'v' | 'ü' | 'Ø' | '§' | '£') if second == Some(' ') => {
            chars
                .next()
                .is_some_and(|c| c.is_alphabetic() && !c.is_ascii() && !matches!(c, 'À'..='ɏ'))
        }
        _ => false,
    }
}

/// Whether `cur` starts with a letter or figure in brackets (`(c)`) whose fellow before it
/// (`(b)`) stands inside `prev`, past its start.
fn label_before_inside(prev: &str, cur: &str) -> bool {
    let mut chars = cur.chars();
    let (Some('('), Some(label), Some(')')) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    let Some(before) = char::from_u32(u32::from(label).wrapping_sub(1))
        .filter(|c| c.is_ascii_alphanumeric() && label.is_ascii_alphanumeric())
    else {
        return false;
    };
    let fellow = format!("({before}) ");
    prev.char_indices()
        .nth(1)
        .is_some_and(|(i, _)| prev[i..].contains(&fellow))
}

/// Whether a line is an entry of a table of contents: dot leaders, then a page number
/// (`2.1 Principles . . . . . . 14`), or a page number named as one (`… digestivo pág. 18`).
fn is_contents_entry(text: &str) -> bool {
    let text = text.trim_end();
    let number = text
        .rsplit(|c: char| c.is_whitespace() || c == '.')
        .next()
        .unwrap_or_default();
    let leaders = text.len() - number.len();
    // Or the page named by the abbreviation only contents use (`… digestivo pág. 18`; not
    // `at p. 1057` or `on page 12`, which sentences say).
    let named_page = {
        let head = text[..leaders].trim_end().trim_end_matches('.');
        let last = head.rsplit(char::is_whitespace).next().unwrap_or_default();
        matches!(last.to_lowercase().as_str(), "pág" | "pag")
    };
    !number.is_empty()
        && (number.chars().all(|c| c.is_ascii_digit())
            || number.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
        && (named_page || {
            let dots = text[..leaders]
                .chars()
                .rev()
                .take_while(|c| *c == '.' || *c == ' ')
                .filter(|c| *c == '.')
                .count();
            dots >= 4
        })
}

/// Whether a line starts with a number or letter of an enumeration: `1.`, `2)`, `(a)`, `iv.`.
/// Whether a line opens a law's article or section by its number: `ماده ٧-`, `المادة (٣):`,
/// `Article 5:`, `§ 12.` (not `Section 9 of the Act …`, a sentence that names one).
fn opens_article(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let named = words.next().is_some_and(|w| {
        matches!(
            w,
            "ماده"
                | "مادهٔ"
                | "مادة"
                | "المادة"
                | "סעיף"
                | "Article"
                | "ARTICLE"
                | "Section"
                | "SECTION"
                | "Art."
                | "§"
                | "Artículo"
                | "Artigo"
                | "Articolo"
                | "Artikel"
                | "Статья"
        )
    });
    let Some(number) = words.next() else {
        return false;
    };
    let marks = |c: char| {
        matches!(
            c,
            '(' | ')' | '[' | ']' | ':' | '-' | '\u{2013}' | '\u{2014}' | '.'
        )
    };
    let core = number.trim_matches(marks);
    let marked = core.len() < number.len();
    let after = words.next();
    named
        && !core.is_empty()
        && core.chars().all(char::is_numeric)
        && (marked || after.is_none_or(|w| matches!(w, "-" | ":" | "\u{2013}" | "\u{2014}")))
}

/// Whether a line starts with a year and its stop, as an entry of references gives its
/// year after its authors (`2004. Discovering …`, `2001a. Covering …`).
/// Whether a line ends on a year and its stop, as a reference's authors' line does
/// (`… and Mike Lewis. 2020.`, `2019a.`).
fn ends_with_year(text: &str) -> bool {
    text.trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(starts_with_year)
}

fn starts_with_year(text: &str) -> bool {
    text.split(' ').next().is_some_and(|w| {
        let w = w.strip_suffix('.').unwrap_or_default();
        let w = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
        w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y))
    })
}

fn is_enumerated(text: &str) -> bool {
    text.split(' ')
        .next()
        .is_some_and(|head| super::pdf_layout::is_enumerator(head, false))
}

/// The hyphens of a table cell's broken words to leave out (sorted): those that broke a
/// word at the cell's edge (`treat-` / `ment`), not a compound's own (`pre-` / `treatment`
/// where the document writes `pre-treatment`), as [`hyphen_join`] tells them at a line's
/// end.
fn broken_words(page: &PageGlyphs, line: &Line, words: &Words) -> Vec<u32> {
    let mut out = Vec::new();
    let text_of = |i: usize| page.text(&page.glyphs[line.items[i].0 as usize]);
    let is_broken = |i: usize| line.broken.contains(&line.items[i].0);
    for k in (0..line.items.len()).filter(|&k| is_broken(k)) {
        // The word up to the hyphen, as read so far (its hyphens before dropped or kept),
        // and the rest of the word after it, whole (`Pre-` before `treatment`).
        let start = (0..=k)
            .rev()
            .find(|&i| line.items[i].1 != Sep::None)
            .unwrap_or(0);
        let end = (k + 1..line.items.len())
            .find(|&i| line.items[i].1 != Sep::None)
            .unwrap_or(line.items.len());
        let head: String = (start..=k)
            .filter(|&i| i == k || !out.contains(&line.items[i].0))
            .flat_map(text_of)
            .collect();
        let tail: String = (k + 1..end)
            .filter(|&i| !is_broken(i))
            .flat_map(text_of)
            .collect();
        if hyphen_join(&head, &tail, words) == Some(Join::DropHyphen) {
            out.push(line.items[k].0);
        }
    }
    out.sort_unstable();
    out
}

/// How a line ending in a hyphen joins the line after it, when the hyphen may break a word
/// (`prev_text` ends with it, `cur_text` goes on): the hyphen dropped where the word was
/// broken, kept where it is the word's own (a compound, a code). `None` when `prev_text`
/// does not end in such a hyphen.
fn hyphen_join(prev_text: &str, cur_text: &str, words: &Words) -> Option<Join> {
    let starts_lower = cur_text.chars().next().is_some_and(char::is_lowercase);
    let mut back = prev_text.chars().rev();
    let (last, before) = (back.next(), back.next());
    let starts_letter = cur_text.chars().next().is_some_and(char::is_alphabetic);
    // A hyphen ending a code of letters and figures at a line's end, before capitals, is
    // the code's own: no word is broken there (a docket's `10CV1513-` / `CAB(KSC)`).
    let code = prev_text
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| {
            w.contains(|c: char| c.is_ascii_digit()) && w.contains(char::is_alphabetic)
        });
    if matches!(last, Some('-' | '\u{2010}'))
        && code
        && before.is_some_and(|c| c.is_ascii_digit())
        && cur_text.starts_with(char::is_uppercase)
    {
        return Some(Join::Glue);
    }
    // A hyphen after a figure at a line's end is the compound's own (`PARP1-` / `depleted`,
    // `E1-` / `like`, `360-` / `degree`): no word is broken after a figure. (Not a dash
    // before a short word, `p63-` / `a rare …`.)
    if matches!(last, Some('-' | '\u{2010}'))
        && before.is_some_and(|c| c.is_ascii_digit())
        && cur_text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase) && w.chars().count() >= 4)
    {
        return Some(Join::Glue);
    }
    if matches!(last, Some('-' | '\u{2010}'))
        && before.is_some_and(char::is_alphabetic)
        && starts_letter
    {
        let head = prev_text
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        // (Up to an identifier's first slash: `ph/0303455` after `astro-`.)
        let tail = cur_text
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .split(['/', '(', '['])
            .next()
            .unwrap_or_default()
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        // (Without a note's number after the word: `granting9`.)
        let bare = tail.trim_end_matches(|c: char| c.is_ascii_digit());
        let tail = if bare.ends_with(char::is_lowercase) {
            bare
        } else {
            tail
        };
        let stem = head.trim_end_matches(['-', '\u{2010}']);
        let compound = format!("{stem}-{tail}")
            .replace(['\u{2010}', '\u{2011}'], "-")
            .to_lowercase();
        let joined = format!("{stem}{tail}");
        // Before a capital ("Trace-" "Monkey", "Franco-" "German") the hyphen is the word's
        // own unless the document writes the word whole elsewhere; before a small letter it
        // is a break unless the document writes the compound with its hyphen (and not the
        // word whole as it would be joined: "e-" "discovery" is not "eDiscovery").
        return Some(if starts_lower {
            // A compound of three parts or more keeps its hyphens ("like-for-" "like").
            let written_whole = words.lower.contains(&joined.to_lowercase());
            // So does one whose second part is a compound itself after a word the document
            // writes on its own ("high-" "molecular-weight"; not "collec-" "tion-level"), and a
            // prefix that makes compounds before a word the document writes on its own
            // ("semi-" "supervised", "anti-" "marijuana"; not "anti-" "body").
            let prefixed = is_compound_prefix(stem)
                && tail.chars().count() >= 5
                && words.lower.contains(&tail.to_lowercase());
            // A word is not broken after its first letter: `N-` `nitrosamines` is a compound.
            let one_letter = stem.chars().count() == 1;
            // Nor between two words the document writes on their own and never as one
            // (`vendor-` `plaintiffs`, `second-` `story`): not after a part that makes
            // words closed up (`under-` `standing`), nor before a suffix (`Constitution-`
            // `ality`).
            let two_words = stem.chars().count() >= 5
                && tail.chars().count() >= 5
                && !closes_up(stem)
                && !is_suffix_start(tail)
                && words.lower.contains(&stem.to_lowercase())
                && words.lower.contains(&tail.to_lowercase())
                && !written_whole;
            // (Unless the document writes it whole elsewhere: `lesser-in-` `cluded`,
            // `post-convic-` `tion` are `lesser-included`, `post-conviction`.)
            if (stem.contains(['-', '\u{2010}']) && !written_whole)
                || one_letter
                || (tail.contains(['-', '\u{2010}'])
                    && stem.chars().count() >= 3
                    && words.lower.contains(&stem.to_lowercase()))
                || (words.lower.contains(&compound) && !words.written.contains(&joined))
                || ((is_compound_form(stem, tail) || prefixed) && !written_whole)
                || two_words
            {
                Join::Glue
            } else {
                Join::DropHyphen
            }
        } else if words.lower.contains(&joined.to_lowercase()) {
            Join::DropHyphen
        } else {
            Join::Glue
        });
    }
    None
}

fn join(
    prev: &Line,
    prev_text: &str,
    cur: &Line,
    cur_text: &str,
    context: &Context,
    words: &Words,
) -> Join {
    let Context {
        prev_page,
        cur_page,
        prev_right,
        first_word,
        prev_second_word,
        item,
        spacing,
        next_x0,
        next_x1,
        label_goes_on,
        label_of_next,
        group_label,
        after_group_label,
        prev_widest,
        prev_cell_x,
        text_size,
        heading,
        run_in,
        before_prev_x0,
    } = *context;
    if label_goes_on {
        return Join::Space;
    }
    // A narrow side column's last line (a journal's margin of dates and addresses) does
    // not go on in the next page's text, nor in the text beside it (set larger, in a column
    // twice as wide, that starts higher).
    let width = |l: &Line| l.bounds.1 - l.bounds.0;
    let next_page = prev_page != cur_page && width(prev) < 0.4 * prev_widest;
    let beside = prev_page == cur_page
        && prev.region != cur.region
        && prev.size < 0.95 * cur.size
        && cur.baseline < prev.baseline - cur.size;
    if (next_page || beside) && width(cur) > 2.0 * width(prev) {
        return Join::Paragraph;
    }
    // A table's title whose number is set apart from its words (`Table 18.  Actual and …`)
    // starts a paragraph, also after another table's last row.
    if cur.has_tab() && !prev_text.is_empty() && is_punctuated_caption(cur_text) {
        return Join::Paragraph;
    }
    // A caption whose number is set apart from its words goes on in the line under its
    // words (`Table 17.   Actual and … by control of` / `school: Fall 1996 through …`).
    let under_words = prev_cell_x.is_some_and(|x| (cur.x0 - x).abs() <= 0.5 * cur.size);
    let pitch = cur.baseline - prev.baseline;
    if prev.has_tab()
        && !cur.has_tab()
        && under_words
        && is_punctuated_caption(prev_text)
        && prev_page == cur_page
        && prev.region == cur.region
        && pitch > 0.0
        && pitch <= 1.6 * cur.size
    {
        return Join::Space;
    }
    if prev.has_tab() && cur.has_tab()
        || (prev.has_tab() && group_label)
        || (after_group_label && cur.has_tab())
    {
        return Join::Row;
    }
    if prev.has_tab() && label_of_next {
        return Join::Row;
    }
    // A row's label going on in a line set in under it, inside its first cell and closer
    // than a line apart (`(iii) GoI Cash Balances  93,729 …` / `[build-up (-) / drawdown
    // (+)]`): the table goes on.
    let label_goes_on_under = prev.has_tab()
        && !cur.has_tab()
        && prev.lead == 0
        && prev_page == cur_page
        && prev.region == cur.region
        && cur.x0 > prev.x0 + 0.5 * cur.size
        && prev_cell_x.is_some_and(|x| cur.x1 < x - cur.size)
        && pitch > 0.0
        && pitch <= 1.35 * cur.size;
    if label_goes_on_under {
        return Join::Row;
    }
    // An item whose label is set apart (`ii)⇥2.5 % setahun … dari tarikh kemalangan`), its
    // text running to the column's edge, goes on in the line under its text.
    let item_goes_on = prev.has_tab()
        && !cur.has_tab()
        && prev_text.matches('\t').count() == 1
        && prev_text.split('\t').next().is_some_and(|label| {
            super::pdf_layout::is_enumerator(label.trim(), false)
                || is_item(&format!("{} x", label.trim()))
        })
        && under_words
        && prev_page == cur_page
        && prev.region == cur.region
        && (prev.size - cur.size).abs() <= 0.05 * prev.size
        && pitch > 0.0
        && pitch <= (1.25 * spacing).max(1.55) * cur.size
        && prev_right - prev.x1 <= 2.0 * cur.size;
    if item_goes_on {
        return Join::Space;
    }
    if prev.has_tab() || cur.has_tab() {
        return Join::Paragraph;
    }
    // A figure alone on its line with no stop after it, under a label of a few words, ends
    // no wrapped sentence: it is one of a box's figures set one under their labels
    // (`Confirmed cases` / `21` / `Hospitalized cases`), a paragraph of its own.
    let lone_figure = |t: &str| {
        let t = t.trim();
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%'))
            && !t.ends_with('.')
    };
    if lone_figure(cur_text)
        && prev_text.split_whitespace().count() <= 3
        && !ends_unfinished(prev_text)
        && !prev_text.ends_with(['-', ','])
    {
        return Join::Paragraph;
    }
    // An address or identifier broken after a mark that cannot end it (`wangst@` /
    // `umich.edu`, `lua-l/2008-` / `02/msg00051.html`) goes on, however short the line.
    let breaks_inside = prev_text.ends_with(['@', '-', '_', '=', '&', '?'])
        || (prev_text.ends_with('/') && cur_text.starts_with(char::is_lowercase));
    if breaks_inside
        && prev_page == cur_page
        && prev.region == cur.region
        && runs_on(prev_text, cur_text)
    {
        return Join::Glue;
    }
    // A DOI broken after its `10.` (`DOI: 10.` / `1109/TRO.2012.2197158`) goes on whole.
    let doi_prefix = prev_text
        .split_whitespace()
        .last()
        .is_some_and(|w| w == "10." || w.ends_with("/10."));
    let registrant = cur_text.split('/').next().is_some_and(|r| {
        (4..=9).contains(&r.len()) && r.chars().all(|c| c.is_ascii_digit() || c == '.')
    }) && cur_text.contains('/');
    if doi_prefix && registrant && prev_page == cur_page {
        return Join::Glue;
    }
    // A line that opens with a drop capital starts a paragraph.
    if cur.ends.0 >= super::pdf_drop_caps::LARGER * cur.size {
        return Join::Paragraph;
    }
    let size = prev.size.max(cur.size);
    let differ = |a: f32, b: f32| (a - b).abs() > 0.15 * a.max(b);
    // A change of size (a heading) unless the lines meet in the same size (a lead-in set
    // in small capitals that ends in ordinary letters), or a full line set larger stops
    // inside its sentence, which goes on in small letters (a paragraph's first line set
    // larger: `… Российской Федерации` / `на 1 августа 2017г. …`).
    let lead_in = prev.region == cur.region
        && prev_page == cur_page
        && prev_right - prev.x1 <= size
        && !prev_text.trim_end().ends_with(['.', ':', ';', '!', '?'])
        && cur_text.starts_with(char::is_lowercase);
    if differ(prev.size, cur.size) && differ(prev.ends.1, cur.ends.0) && !lead_in {
        return Join::Paragraph;
    }
    // Lines that each open with a label of the same word numbered (`Group 1:` / `Group
    // 2:`) are items of a list, each its own paragraph, however full the first is.
    if let (Some(a), Some(b)) = (numbered_label(prev_text), numbered_label(cur_text))
        && a.0 == b.0
        && a.1 != b.1
    {
        return Join::Paragraph;
    }
    let same_column = prev_page == cur_page && prev.region == cur.region;
    // Lines that start with steps numbered one after the other, set as far in, are each a
    // step of their own (an algorithm's `12 𝑀 ← minStateMem(…) // Section 5.3.` / `13 𝑛 ←
    // 1`), however full the first.
    if same_column
        && (prev.x0 - cur.x0).abs() <= 0.5 * size
        && step_number(prev_text).is_some_and(|n| step_number(cur_text) == Some(n + 1))
    {
        return Join::Paragraph;
    }
    // A short line set in by a third of its column or more (a figure under its cell,
    // `RM 108,000` / `(1500/2 x 144 bulan)`; a note in brackets set flush right under a
    // quotation, `(Emphasis supplied)`) ends its paragraph before a line that starts at the
    // column's left: a paragraph's next line starts where its lines do.
    if same_column
        && prev_widest > 0.0
        && prev.x0 - cur.x0 >= prev_widest / 3.0
        && (prev_right - prev.x1 > 2.0 * size || prev_text.trim_end().ends_with(')'))
        && !prev_text.trim_end().ends_with(['-', ','])
    {
        return Join::Paragraph;
    }
    // Text flows from the foot of a column to the top of the next one, to the right; a
    // block below and to the left of the last is a new part of the page.
    if prev_page == cur_page
        && prev.region != cur.region
        && cur.baseline > prev.baseline
        && cur.x0 < prev.x0 - size
    {
        return Join::Paragraph;
    }
    // A heading in capitals at the top of the next column of the page (`PRACTICE SETTING`)
    // starts something new, whatever the last column ended with; at the top of the next page
    // it does after a sentence's end (a quote in capitals goes on over the page).
    let capitals = |t: &str| {
        let letters = t.chars().filter(|c| c.is_alphabetic());
        letters.clone().count() >= 4 && letters.clone().all(char::is_uppercase)
    };
    // (An abbreviation that ends a line before a word in small letters ends no sentence:
    // `accord Joker Club, L.L.C.` / `v. Hardin, …`.)
    let abbreviated = ends_abbreviation(prev_text) && cur_text.starts_with(char::is_lowercase);
    let ends_clause = prev_text.trim_end().ends_with(['.', ':', ';', '!', '?']) && !abbreviated;
    // A heading set in bold in the text's size (`Mathematical model of LGG response`) stands
    // apart from the lines around it.
    if heading.0 != heading.1 {
        return Join::Paragraph;
    }
    // So does a heading in bold run into its paragraph's first line, after a sentence's end
    // (`… x ∈ Z[xmin,xmax].` / `Valleys In Projection Profiles. For simplicity, …`), though
    // the line before is full.
    if run_in && ends_clause {
        return Join::Paragraph;
    }
    if !same_column
        && (prev_page == cur_page || ends_clause)
        && capitals(cur_text)
        && prev_text.contains(char::is_lowercase)
    {
        return Join::Paragraph;
    }
    // So does one set larger after a sentence's end in its column, though the line before
    // stops where its first word would not have fitted (`… (Table 2).` / `MIDNIGHT TOTAL
    // OF DENGUE PATIENT ADMISSIONS`), whose first word it would have been.
    if same_column
        && ends_clause
        && capitals(cur_text)
        && cur.size >= 1.05 * prev.size
        && prev_text.contains(char::is_lowercase)
    {
        return Join::Paragraph;
    }
    // And the text under such a heading starts one.
    if same_column
        && capitals(prev_text)
        && cur_text.contains(char::is_lowercase)
        && cur_text.starts_with(char::is_uppercase)
        && prev.size >= 1.05 * cur.size
    {
        return Join::Paragraph;
    }
    if same_column {
        let pitch = cur.baseline - prev.baseline;
        // Wider than the document's own spacing (single or double) by a quarter, unless a
        // full line that ends inside a sentence goes on in small letters in its size (or
        // stops on a word no phrase ends on: `In comparison to` / `May last year`), set no
        // wider than double (a quote set one and a half lines apart among quotes set
        // single-spaced).
        // (A line of prose: wide, not a word or two in a box of its own; nor a label's
        // line, `platforms: …`.)
        let prose = prev.x1 - prev.x0 >= (15.0 * size).max(0.8 * (prev.bounds.1 - prev.bounds.0));
        let labelled = cur_text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with(':'));
        let goes_on = pitch <= 2.2 * size
            && !differ(prev.size, cur.size)
            && prose
            && prev_right - prev.x1 <= first_word + 0.4 * size
            && (cur_text.starts_with(char::is_lowercase) || ends_unfinished(prev_text))
            && !labelled
            && !ends_clause;
        if pitch <= 0.0 || (pitch > (1.25 * spacing).max(1.55) * size && !goes_on) {
            return Join::Paragraph;
        }
    }
    // A line of a table of contents ends its entry.
    if is_contents_entry(prev_text) {
        return Join::Paragraph;
    }
    // An entry of a codebook's list of codes (`3 = Handgun`) starts a line of its own.
    let mut tokens = cur_text.split_whitespace();
    let code = tokens
        .next()
        .is_some_and(|w| (1..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()));
    if code && tokens.next() == Some("=") {
        return Join::Paragraph;
    }
    // A caption after a sentence's end (`Table 3: …` after another table's caption), or
    // named in capitals (`TABLE 1. Selected …`, never a sentence's words).
    let capitals = cur_text.split_whitespace().next().is_some_and(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    });
    if (ends_clause || capitals) && is_punctuated_caption(cur_text) {
        return Join::Paragraph;
    }
    let room = prev_right - prev.x1;
    // (A page's last line set flush to the column's far edge, starting past its middle, is
    // no full line of a paragraph going on over the page: a signature under a decree,
    // `عبد الفتاح السيسى`.)
    let flush_far =
        prev_page != cur_page && prev.x0 > prev.bounds.0 + 0.5 * (prev.bounds.1 - prev.bounds.0);
    // (Or a line that shares both its edges with the next two, well across the column and
    // in from its left: a quotation justified narrower than the column, set in from both
    // sides, whose first line's measure is not known yet.)
    // (Not a line that ends a clause: a paragraph's last line as wide as the next one's
    // first by chance.)
    let justified_pair = same_column
        && !ends_clause
        && !prev_text.trim_end().ends_with([',', '"', '\u{201D}', ')'])
        && prev.x0 > prev.bounds.0 + size
        && (prev.x0 - cur.x0).abs() <= 0.5 * size
        && [Some(cur.x1), next_x1]
            .iter()
            .all(|x1| x1.is_some_and(|x1| (prev.x1 - x1).abs() <= 0.15 * size))
        && next_x0.is_some_and(|x0| (prev.x0 - x0).abs() <= 0.5 * size)
        && prev.x1 - prev.x0 >= 0.6 * (prev.bounds.1 - prev.bounds.0);
    let full = (room <= first_word + 0.4 * size || justified_pair) && !flush_far;
    // Nor is a line set flush to the column's far edge from past its middle, when the next
    // line starts further in: a line of its own (`REPORTABLE` over a court's name, a
    // letter's date over its greeting). (A right-to-left line starts at that edge; lines
    // set flush to it one under the other are a block set ragged at the left.)
    let past_middle = prev.x0 > prev.bounds.0 + 0.5 * (prev.bounds.1 - prev.bounds.0);
    if same_column
        && past_middle
        && room <= size
        && cur.x0 < prev.x0 - 2.0 * size
        && cur.x1 < prev.x1 - size
        && !reads_from_the_right(prev_text)
        && !prev_text.ends_with(['-', ','])
        && !cur_text.starts_with(char::is_lowercase)
    {
        return Join::Paragraph;
    }
    // A dash after a full line that ends inside a sentence is the sentence's own ("did this
    // set of policies" / "— or, alternatively, …"), not a list's.
    // (Not after an item opened by a hyphen at the same place: the list's next item. A
    // justified line's sentence may start with a dash by chance, never with a hyphen.)
    let same_mark = prev_text.starts_with("- ")
        && cur_text.starts_with("- ")
        && (prev.x0 - cur.x0).abs() < 0.5 * size;
    let dash_inside =
        cur_text.starts_with(['-', '\u{2013}', '\u{2014}']) && full && !ends_clause && !same_mark;
    // (A page cited over the line's end is no list's number: `… reporting, p.` / `11.
    // Retrieved …`.)
    let cites_page = prev_text
        .rsplit(' ')
        .next()
        .is_some_and(|w| matches!(w, "p." | "pp." | "at" | "No." | "no."));
    // (Nor is a label whose fellow before it stands inside the full line over it: a
    // sentence's own run of `(a) …; (b) …;` / `(c) …`.)
    let inline_run = full && label_before_inside(prev_text, cur_text);
    if (is_item(cur_text) && !dash_inside)
        || (ends_clause && is_enumerated(cur_text) && !cites_page && !inline_run)
        || (ends_clause && opens_article(cur_text))
    {
        return Join::Paragraph;
    }
    // A paragraph's number set in the margin (`¶ 27`) starts it, after a full line too.
    if cur.labelled && cur_text.starts_with('¶') {
        return Join::Paragraph;
    }
    // A reference's number in brackets out of the hanging lines of the entry before, or
    // after its short last line (`… In KDD, 2020. 1, 2, 6` / `[29] Yiheng Xu, …`); a
    // citation starting a line of prose (`[28], which …`) is neither.
    // (Nor one going on with a small letter after a line that stops inside a sentence,
    // `… open-source CodeLlama` / `[37] as our base model`.)
    let mut heads = cur_text.split(' ');
    let numbered = heads
        .next()
        .is_some_and(|head| head.starts_with('[') && super::pdf_layout::is_enumerator(head, false));
    let goes_on_small = heads
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    let reference = numbered && (ends_clause || !goes_on_small);
    if reference && (cur.x0 < prev.x0 - 0.5 * size || !full) {
        return Join::Paragraph;
    }
    // A line that stops inside a sentence and a line that goes on in small letters are one
    // sentence, however the producer indented the second (not a centred line under a title).
    let centred = cur.x0 > prev.x0 + size && ((cur.x0 + cur.x1) - (prev.x0 + prev.x1)).abs() < size;
    // (Chinese and Japanese have no small letters: a line that stops on an ideograph, not
    // on a stop or a comma and reaches its column's edge, goes on in the next, `…创新投入
    // 的影` / `响研究`; a heading, `1.1 研究背景`, stops short.)
    let reaches_edge = prev_right - prev.x1 <= size;
    let ideograph_goes_on = reaches_edge
        && prev_text
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| is_unspaced_script(c) && !('\u{3000}'..='\u{303F}').contains(&c))
        && !prev_text
            .trim_end()
            .ends_with(['！', '？', '：', '；', '）'])
        && cur_text.chars().next().is_some_and(is_unspaced_script);
    // (Korean is written with spaces, but a full line may stop inside a word: the line
    // after goes on however it is indented, `…격차를 해소` / `하기 위해`.)
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let hangul_goes_on = reaches_edge
        && prev_text.trim_end().chars().last().is_some_and(hangul)
        && cur_text.chars().next().is_some_and(hangul);
    // (Nor has a page range broken after its hyphen, `(04):175-` / `192.`, under ideographs.)
    let range_goes_on = reaches_edge
        && prev_text.trim_end().ends_with('-')
        && prev_text.chars().any(is_unspaced_script)
        && prev_text
            .trim_end()
            .trim_end_matches('-')
            .ends_with(|c: char| c.is_ascii_digit())
        && cur_text.starts_with(|c: char| c.is_ascii_digit());
    if range_goes_on && same_column {
        return Join::Glue;
    }
    let goes_on = !ends_clause
        && (prev_text.split_whitespace().count() >= 4
            && cur_text.starts_with(char::is_lowercase)
            && !cur_text.starts_with("o ")
            || ideograph_goes_on
            || hangul_goes_on)
        && same_column
        && !centred;
    // A title centred over two lines, set larger than the text or in capitals, its first
    // as wide as the column nearly (it was wrapped, not ended): `Energy Efficient Routing
    // Protocol for Zone Based` / `Mobile Sensor Networks`. (Centred headings one under the
    // other are each short; a paper's authors and their addresses are set in the text's
    // size.)
    let in_capitals = |t: &str| {
        t.chars().any(char::is_alphabetic)
            && t.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let titled = cur.size > 1.15 * text_size || (in_capitals(prev_text) && in_capitals(cur_text));
    // (Or set flush left, its first line stopping on a word no phrase ends on: `Fuzzy
    // Multidimensional Model to Cluster Dengue Risk in` / `Sri Lanka`.)
    let flush_title = (prev.x0 - cur.x0).abs() <= 0.5 * size
        && ends_unfinished(prev_text)
        && !prev_text.trim_end().ends_with([',', '-', '\u{2010}']);
    let wrapped_title = (centred || flush_title)
        && titled
        && !ends_clause
        && same_column
        && prev.x1 - prev.x0 >= 0.8 * (prev.bounds.1 - prev.bounds.0)
        && cur.x1 - cur.x0 < prev.x1 - prev.x0;
    if wrapped_title {
        return Join::Space;
    }
    // A caption centred over two lines, its first as wide as the column nearly and stopping
    // inside a sentence: `Fig. 3: Number of commits for each type in the` / `dataset`.
    let wrapped_caption = centred
        && super::pdf_floats::is_caption(prev_text)
        && !ends_clause
        && same_column
        && !differ(prev.size, cur.size)
        && prev.x1 - prev.x0 >= 0.8 * (prev.bounds.1 - prev.bounds.0);
    if wrapped_caption {
        return Join::Space;
    }
    // A statement centred over two lines, its first stopping on a word no phrase ends on
    // (a judgment's counsel: `… (instructed by Giambrone & Partners LLP) for` / `the
    // Claimant`).
    let wrapped_centred = centred
        && ends_unfinished(prev_text)
        && !prev_text.trim_end().ends_with([',', '-', '\u{2010}'])
        && same_column
        && !differ(prev.size, cur.size)
        && prev.x1 - prev.x0 >= 0.6 * (prev.bounds.1 - prev.bounds.0);
    if wrapped_centred {
        return Join::Space;
    }
    // A name of a few words centred over a wider line in the text's size, centred on the
    // same middle, with room for that line's first word, was not wrapped: an author's name
    // over their affiliation.
    let middle = |l: &Line| l.x0 + l.x1;
    let room_under = (cur.x1 - cur.x0) - (prev.x1 - prev.x0);
    let name_over = prev_text.split_whitespace().count() <= 4
        && room_under > first_word + size
        && cur.x0 < prev.x0 - size
        && (middle(cur) - middle(prev)).abs() < 2.0 * size
        && !titled
        && !cur_text.starts_with(char::is_lowercase)
        && !prev_text.trim_end().ends_with(',');
    if name_over && same_column && prev.x0 > prev.bounds.0 + size {
        return Join::Paragraph;
    }
    // An author's address alone on a line set in under their affiliation (centred).
    let lone_address = !cur_text.trim().contains(' ') && cur_text.contains('@');
    if lone_address && cur.x0 > prev.x0 + size && same_column {
        return Join::Paragraph;
    }
    // A heading whose label is set apart (`(h)   Revisions`) ends at its line (a full line
    // of an item's text may go on with a capital in the next line of its column, where a
    // sentence's next word would not fit: `… di Syarikat Teras` / `Maju Sdn Bhd …`).
    let sentence_words = prev_text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count()
        >= 2;
    let fits = if sentence_words {
        size.max(first_word)
    } else {
        size
    };
    if prev.labelled && !goes_on && (room > 1.5 * fits || !same_column) {
        return Join::Paragraph;
    }
    // The next line of a numbered entry, set under its text after the number.
    let hanging = is_enumerated(prev_text)
        && prev_second_word.is_some_and(|x| (cur.x0 - x).abs() < 0.35 * size);
    match item {
        _ if goes_on => {}
        // A nested item set with an `o` for its bullet, indented under its parent's text.
        Some(left)
            if cur_text.starts_with("o ")
                && cur.x0 > left + 0.5 * size
                && prev_page == cur_page
                && prev.region == cur.region =>
        {
            return Join::Paragraph;
        }
        // A list item goes on in the lines indented under its text (a hanging indent), and
        // ends at a line back at the bullet's edge.
        Some(left) if prev_page == cur_page && prev.region == cur.region => {
            // Some lists set the bullet indented and its next lines at the column's edge:
            // a line further left than the bullet after a full line goes on with the item,
            // and so does one at the bullet's edge after a full line inside a sentence.
            let full = prev_right - prev.x1 <= first_word + 0.4 * size;
            let outdented_item = (cur.x0 < left - 0.5 * size || !ends_clause) && full;
            if cur.x0 < left + 0.3 * size && !outdented_item {
                return Join::Paragraph;
            }
        }
        // A first-line indent: the line after it goes back to the left (when it stays
        // indented, or under the text of a numbered line, the lines are a hanging indent
        // or an indented block, which a sentence's end or the top of a column starts; not
        // at a column's top where the next line stands as far in: the column's notes,
        // wider than its text, set its edge).
        _ => {
            let back_left = next_x0.is_none_or(|x| x < cur.x0 - 0.5 * size);
            // (At the top of a column or page, the line is measured against its own
            // column's edge and the line under it, not against the last line of another
            // column.)
            let in_from_prev =
                cur.x0 > prev.x0 + 0.8 * size || !same_column && next_x0.is_some() && back_left;
            // (Or as far in as a line before it that ends a sentence short of the column's
            // edge, when the line after goes back to the left and it runs to that edge: a
            // paragraph's first line after a paragraph of one line, `JUSTICE BARRETT
            // delivered the opinion of the Court.` / `The Bankruptcy Code strikes …`; a
            // quotation's lines are set in at the right too, and a reference's hanging
            // lines run on to the edge.)
            let first_line_again = same_column
                && ends_clause
                && next_x0.is_some()
                && back_left
                && (prev.x0 - cur.x0).abs() <= 0.5 * size
                && prev_right - cur.x1 <= size
                && prev_right - prev.x1 > size;
            let in_from_prev = in_from_prev || first_line_again;
            // A line set out to the left after a sentence's end, between lines set in as far
            // as each other (the two before it and the one after): the next entry of a list
            // set with hanging indents (a reference's authors after the last lines of the
            // one before). (A paragraph's first line, set in, has the last line of the
            // paragraph before it at the left.)
            let set_in = |x: f32| (x - prev.x0).abs() <= 0.5 * size;
            let hanging_start = same_column
                && ends_clause
                && cur.x0 < prev.x0 - 0.8 * size
                && before_prev_x0.is_some_and(set_in)
                && next_x0.is_some_and(set_in);
            if hanging_start {
                return Join::Paragraph;
            }
            // (A reference's year after its authors, under them in its hanging indent,
            // `… and Ralph Grishman.` / `2004. Discovering relations …`, starts no block.)
            let year_goes_on = ends_clause && starts_with_year(cur_text);
            // (Nor does a reference's title set in under its authors' line that ends on the
            // year, the entry's next lines as far in: `… and Mike Lewis. 2020.` / `Asking
            // and answering …`.)
            let after_year = ends_with_year(prev_text) && !back_left && next_x0.is_some();
            if cur.x0 > cur.bounds.0 + 0.8 * size
                && in_from_prev
                && (back_left || ends_clause || (!same_column && next_x0.is_none()))
                && !hanging
                && !year_goes_on
                && !after_year
            {
                return Join::Paragraph;
            }
        }
    }
    // A short line ending a sentence, when the next line's first word would have fitted
    // (or a quotation's lead-in, as courts end it: `… seperti berikut :-`).
    let ends_sentence = prev_text
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '\u{201D}', '\u{2019}', ')', '…'])
        || [":-", ":\u{2013}", ":\u{2014}"]
            .iter()
            .any(|lead_in| prev_text.trim_end().ends_with(lead_in));
    // Lines set as a block of their own, far in from the column's edge and stretched to one
    // width (a signature: `محمـــد بـــن زايـــد آل نهيـــان` over `رئــيس دولــة …`), are
    // lines of their own, not a paragraph wrapped.
    let width = cur.bounds.1 - cur.bounds.0;
    let one_block =
        (cur.x0 - prev.x0).abs() <= 0.5 * size && (cur.x1 - prev.x1).abs() <= 0.5 * size;
    if same_column
        && one_block
        && prev.x0 > cur.bounds.0 + 0.25 * width
        && prev.x1 - prev.x0 < 0.5 * width
        && !prev_text.trim_end().ends_with([',', '،', '-'])
        && !cur_text.starts_with(char::is_lowercase)
    {
        return Join::Paragraph;
    }
    // A short line ending with a colon after a sentence's end, with a line under it, is a
    // heading over what follows (`مـــادة ( ١٤ ) :` after a full line ending a sentence).
    let short = cur.x1 - cur.x0 < 0.5 * (cur.bounds.1 - cur.bounds.0);
    if ends_clause
        && short
        && cur_text.trim_end().ends_with(':')
        && next_x0.is_some()
        && same_column
    {
        return Join::Paragraph;
    }
    // (A number and a word in small letters at a line's start go on a sentence that has not
    // ended: `Of people aged` / `6 years and older`; producers keep a number with its word.)
    let number_goes_on =
        !ends_clause && prev.x1 - prev.x0 >= 0.5 * (prev.bounds.1 - prev.bounds.0) && {
            let mut words = cur_text.split_whitespace();
            // (Not a list's number, `1.`, `2)`.)
            words.next().is_some_and(|n| {
                n.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
                    && !n.ends_with('.')
            }) && words
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase))
        };
    // (Past an opening quote, and a capital in brackets a quote changed: `“[I]n a civil
    // case, …` after `A. Choice of Law`.)
    let unquoted = cur_text.trim_start_matches(['“', '"', '‘', '\'']);
    let bracketed = unquoted.strip_prefix('[').is_some_and(|rest| {
        let mut chars = rest.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next() == Some(']')
    });
    let starts_capital = bracketed
        || unquoted
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (c.is_ascii_digit() && !number_goes_on));
    let outdented = cur.x0 < prev.x0 - 0.8 * size;
    // (A script without capitals, Arabic or Hebrew: a line that stops short ends on purpose
    // before any word, `البند الأول: التكامل` over its clause. Chinese and Japanese lines,
    // broken between any two characters, are measured otherwise.)
    let uncased = cur_text.chars().next().is_some_and(|c| {
        c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase() && !is_unspaced_script(c)
    });
    // Text set line by line wraps where the next word does not fit: a line that stops short
    // of that, before a sentence, a capital or a line further left, was ended on purpose
    // (the last line of a paragraph, a heading, a line of a list).
    // (An outdented line after a short one, or after page numbers, starts an entry of an
    // index.)
    let long = prev.x1 - prev.x0 >= 0.7 * (prev.bounds.1 - prev.bounds.0)
        && !prev_text
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.contains(|c: char| c.is_ascii_digit()));
    // (A reference's next line after its first, short of the column's edge: `15. Katikireddi
    // SV, Cloud GC: Planning a patient's discharge from hospital.` / `Br Med J 2008, …`;
    // not a heading's, `(f) Compliance`, nor `v. McPherson`.)
    let entry_goes_on = hanging
        && prev.x1 - prev.x0 >= 0.6 * (prev.bounds.1 - prev.bounds.0)
        && prev_text.split(' ').next().is_some_and(|head| {
            let number = head
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .or_else(|| head.strip_suffix('.'));
            number.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
    // (A closing quote before a word in small letters ends no sentence: `… the expression
    // “Prize Chit”` / `in Srinivasa …`.)
    let quote_goes_on = goes_on
        && prev_text
            .trim_end()
            .ends_with(['"', '\u{201D}', '\u{2019}']);
    if !full
        && !entry_goes_on
        && ((ends_sentence && !quote_goes_on)
            || (starts_capital && (!ends_on_joining_word(prev_text) || numbered_step(cur_text)))
            || uncased
            || (outdented && !(goes_on && long)))
    {
        return Join::Paragraph;
    }
    // A page's first line, short and set apart from the lines under it, after a sentence's
    // end on the page before, is a heading (`… in the CPI market basket.` / `Technical
    // Note`).
    let short = cur.x1 - cur.x0 < 0.5 * (cur.bounds.1 - cur.bounds.0);
    if prev_page != cur_page && ends_sentence && starts_capital && short && next_x0.is_none() {
        return Join::Paragraph;
    }
    if runs_on(prev_text, cur_text) {
        return Join::Glue;
    }
    // Hyphenation.
    if let Some(join) = hyphen_join(prev_text, cur_text, words) {
        return join;
    }
    let last = prev_text.chars().next_back();
    // Chinese and Japanese set no spaces between words and wrap anywhere: a line wrap
    // between their characters is no space (`地缘政治冲` / `突频发`).
    if last.is_some_and(is_unspaced_script)
        && cur_text.chars().next().is_some_and(is_unspaced_script)
    {
        return Join::Glue;
    }
    // A Korean word broken at a line's end is joined when the document writes it whole
    // elsewhere (`연평` / `균` → `연평균`); two words keep their space.
    if hangul_goes_on {
        let head = prev_text.split_whitespace().last().unwrap_or_default();
        let tail = cur_text.split_whitespace().next().unwrap_or_default();
        let whole = format!("{head}{tail}");
        let bare = whole.trim_end_matches(|c: char| !c.is_alphanumeric());
        if words.lower.contains(bare) {
            return Join::Glue;
        }
    }
    Join::Space
}

/// Whether a character is of a script written without spaces between words: CJK ideographs,
/// kana, their punctuation and full-width forms (Korean Hangul is written with spaces).
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F // CJK punctuation: 、。「」
        | 0x3040..=0x30FF // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF01..=0xFF60 // full-width forms: ，（）：
        | 0x20000..=0x2FFFF // extensions B and on
    )
}

/// Whether `stem-` `tail` broken at a line end is a compound by its form, even where the
/// document writes it only this once: a number word, `self` or `vice` before it
/// (`three-part`, `one-dimensional`, `self-reported`, `vice-president`; not an ending that
/// makes one word with it, `seven-` `teen`, `self-` `ishness`), or an ending that makes
/// compounds (`data-driven`, `country-specific`, `large-scale`).
fn is_compound_form(stem: &str, tail: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "thousand", "million", "billion", "half", "self", "vice",
    ];
    // Endings that make one word with the number or `self` (`seven-` `teen`, `one-` `self`,
    // `self-` `ishness`, `vice-` `roy`).
    const NUMBER_ENDINGS: &[&str] = &[
        "teen", "teens", "teenth", "ty", "ties", "tieth", "th", "ths", "some", "self", "selves",
        "ness", "ish", "ishly", "ishness", "less", "lessly", "lessness", "same", "roy", "regal",
        "rous", "rously",
    ];
    const COMPOUND_TAILS: &[&str] = &[
        "based", "specific", "related", "driven", "oriented", "friendly", "sized", "scale",
        "level", "term", "funded", "led", "owned", "run", "wide", "born",
    ];
    // Second parts of compounds after a word of three letters or more that does not close
    // up with what follows (`time-` `intensive`, `best-` `performing`; not `out-`
    // `performing` nor `in-` `dependent`).
    const WORD_TAILS: &[&str] = &[
        "intensive",
        "performing",
        "aware",
        "dependent",
        "independent",
        "sensitive",
        "efficient",
        "consuming",
        "defined",
        "centric",
        "focused",
        "enabled",
        "assisted",
        "generated",
        "trained",
        "tuned",
        "controlled",
        "induced",
        "mediated",
        "associated",
        "critical",
        "making",
        "known",
    ];
    const CLOSING: &[&str] = &["out", "over", "under", "self", "with", "fore", "down", "up"];
    let (stem, tail) = (stem.to_lowercase(), tail.to_lowercase());
    let alphabetic = |w: &str| w.len() >= 2 && w.chars().all(char::is_alphabetic);
    if !alphabetic(&stem) || !alphabetic(&tail) {
        return false;
    }
    (NUMBERS.contains(&stem.as_str()) && !NUMBER_ENDINGS.contains(&tail.as_str()))
        || COMPOUND_TAILS.contains(&tail.as_str())
        || (WORD_TAILS.contains(&tail.as_str())
            && stem.chars().count() >= 3
            && !CLOSING.contains(&stem.as_str())
            && !closes_up(&stem))
}

/// Whether a line starts a caption whose number is followed by `:` or `.` (`Table 3:`,
/// `Figure 1.`), not a sentence that names one (`Table 2 shows`).
pub(super) fn is_punctuated_caption(text: &str) -> bool {
    super::pdf_floats::is_caption(text)
        && text
            .split_whitespace()
            .nth(1)
            .is_some_and(|n| n.ends_with([':', '.']))
}

/// Whether a line ends with an abbreviation: initials (`L.L.C.`, `U.S.`, `N.C.`) or a
/// company's, court's or reporter's short word (`Inc.`, `Co.`, `App.`, `Cir.`).
pub(super) fn ends_abbreviation(text: &str) -> bool {
    let Some(last) = text.split_whitespace().next_back() else {
        return false;
    };
    let Some(word) = last.strip_suffix('.') else {
        return false;
    };
    let initials = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    initials
        || matches!(
            word,
            "Inc"
                | "Co"
                | "Corp"
                | "Ltd"
                | "Bros"
                | "Jr"
                | "Sr"
                | "St"
                | "App"
                | "Cir"
                | "Ct"
                | "Dist"
                | "Supp"
                | "Cal"
                | "Mass"
                | "v"
                | "vs"
                | "al"
                | "cf"
                | "Fed"
                | "Dept"
        )
}

/// Whether a word begins English words written closed up (`understanding`, `overturned`,
/// `storytelling`): a line broken after it is a word broken, not a compound.
fn closes_up(stem: &str) -> bool {
    matches!(
        stem.to_lowercase().as_str(),
        "under"
            | "after"
            | "counter"
            | "inter"
            | "super"
            | "where"
            | "there"
            | "story"
            | "every"
            | "other"
            | "water"
            | "house"
            | "light"
            | "words"
            | "world"
    )
}

/// Whether a word starts with a suffix (`ality`, `ation`, `ments`): the end of a word broken
/// before it, not a word of its own.
fn is_suffix_start(tail: &str) -> bool {
    let tail = tail.to_lowercase();
    [
        "ality", "ation", "ition", "ment", "ness", "able", "ably", "ible", "ingly", "ings", "ised",
        "ized", "ising", "izing", "ously", "ively", "fully", "ity",
    ]
    .iter()
    .any(|s| tail.starts_with(s))
}

/// Whether a word is a prefix that makes hyphenated compounds (`semi-supervised`,
/// `anti-marijuana`, `non-profit`).
fn is_compound_prefix(stem: &str) -> bool {
    matches!(
        stem.to_lowercase().as_str(),
        "anti" | "semi" | "non" | "multi" | "pseudo" | "quasi"
    )
}

/// Whether a line ends inside a token that the next line finishes, so that no space goes
/// between: a number range or identifier broken after its dash (`FAA–2020–` `0686`, `77–`
/// `78`, `CodeLlama-` `7B`, `COVID-` `19`, `10,000-` `square-foot`, `13-4016-` `KHV/GLR`), a web address broken after `/`, `.`, `-`, `=`, `&` or `?` (`https://`
/// `www.regulations.gov`), an e-mail address broken after `@`.
pub(super) fn runs_on(prev: &str, cur: &str) -> bool {
    let Some(last) = prev.split_whitespace().next_back() else {
        return false;
    };
    let Some(next) = cur.chars().next() else {
        return false;
    };
    let mut back = last.chars().rev();
    let (end, before) = (back.next(), back.next());
    let dash_between = |dash: char| {
        end == Some(dash)
            && before.is_some_and(char::is_alphanumeric)
            && next.is_alphanumeric()
            && (dash == '\u{2013}'
                || next.is_ascii_digit()
                || (before.is_some_and(|c| c.is_ascii_digit()) && measure(cur)))
    };
    let lower = last.to_lowercase();
    // (Also a host and path without a scheme: `<factfinder2.census.gov/bkmk/table/1.0/en`.)
    let host = lower
        .trim_start_matches(['<', '(', '[', '"', '\u{201c}'])
        .split('/')
        .next()
        .unwrap_or_default();
    let host_path = lower.contains('/')
        && host.contains('.')
        && host
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let address = lower.contains("://") || lower.starts_with("www.") || host_path;
    // A docket or part number broken after a dash between its parts, going on in capitals
    // (`13-4016-` / `KHV/GLR`).
    let next_word = cur.split_whitespace().next().unwrap_or_default();
    let code_goes_on = end == Some('-')
        && before.is_some_and(|c| c.is_ascii_digit())
        && last[..last.len() - 1].contains('-')
        && next_word.chars().filter(char::is_ascii_uppercase).count() >= 2
        && next_word
            .trim_end_matches([',', '.', ';', ')'])
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '/' | '-'));
    dash_between('\u{2013}')
        || dash_between('-')
        || code_goes_on
        || (address && last.ends_with(['/', '.', '-', '=', '&', '?', '_']) && !next.is_whitespace())
        // (An address broken before its next part: `…/1.0/en` / `/ACS/…`, `…/S&A08` /
        // `_W1toW6.pdf`.)
        || (address && matches!(next, '/' | '_'))
        // (Or inside a part, before the rest of its query: `…&_schema=PORTA` /
        // `L30&doc_num=489669`.)
        || (address && last.contains('?') && next_word.contains(['&', '=', '%']))
        || (last.ends_with('@') && last.len() > 1 && next.is_alphanumeric())
}

/// The columns (page, region) whose lines that read from the right are justified or set
/// flush right (Arabic or Hebrew not set flush left: fewer than twice as many of its lines
/// stand at the left edge as at the right).
fn flush_right_columns(per_page: &[Vec<Line>], texts: &[Vec<String>]) -> HashSet<(usize, u32)> {
    let mut out = HashSet::new();
    for (pi, (ls, ts)) in per_page.iter().zip(texts).enumerate() {
        let mut regions: Vec<u32> = ls.iter().map(|l| l.region).collect();
        regions.sort_unstable();
        regions.dedup();
        for region in regions {
            let rtl: Vec<&Line> = ls
                .iter()
                .zip(ts)
                .filter(|(l, t)| l.region == region && reads_from_the_right(t))
                .map(|(l, _)| l)
                .collect();
            // How many lines share the edge most of them stand at (not the outermost one: a
            // heading or a line of cells may stand past the text's edge).
            let shared_edge = |edge: &dyn Fn(&Line) -> f32| {
                rtl.iter()
                    .map(|a| {
                        rtl.iter()
                            .filter(|b| (edge(a) - edge(b)).abs() <= 0.5 * b.size)
                            .count()
                    })
                    .max()
                    .unwrap_or(0)
            };
            let at_right = shared_edge(&|l| l.x1);
            let at_left = shared_edge(&|l| l.x0);
            // (Justified text stands at both edges but for its paragraphs' first and last
            // lines; only text set flush left, ragged at the right, is read as left to
            // right is.)
            if !rtl.is_empty() && at_left < 2 * at_right.max(1) {
                out.insert((pi, region));
            }
        }
    }
    out
}

/// Whether a line reads from the right: most of its letters are right to left, or its
/// first letter is and a quarter of them are (a Hebrew line of Latin words, `ב-ABI של
/// MIPS.`, read from the right). Arabic-Indic figures count with them; the tatweel, which
/// stretches an Arabic word (`هـ`), and other letters of no one script count for neither.
fn reads_from_the_right(text: &str) -> bool {
    use unicode_script::{Script, UnicodeScript as _};
    let (mut rtl, mut ltr) = (0usize, 0usize);
    let mut first_rtl = None;
    // (A web address's letters count as none: `השפה כאן: http://www.egr.unlv.edu/…`.)
    let words = text
        .split_whitespace()
        .filter(|w| !super::pdf_bidi::is_web_address(w));
    for c in words.flat_map(str::chars) {
        if crate::core::bidi::rtl_script(c).is_some() && (c.is_alphabetic() || c.is_numeric()) {
            rtl += 1;
            first_rtl.get_or_insert(c.is_alphabetic());
        } else if c.is_alphabetic() && !matches!(c.script(), Script::Common | Script::Inherited) {
            ltr += 1;
            first_rtl.get_or_insert(false);
        }
    }
    rtl > ltr || (first_rtl == Some(true) && 3 * rtl >= ltr)
}

/// A line seen in a mirror (x to -x): a right-to-left line measured as a left-to-right one.
fn mirrored(line: &Line) -> Line {
    Line {
        x0: -line.x1,
        x1: -line.x0,
        bounds: (-line.bounds.1, -line.bounds.0),
        ..line.clone()
    }
}

/// Where a right-to-left line's second word starts (its right edge).
fn second_word_x1(page: &PageGlyphs, line: &Line) -> Option<f32> {
    let start = line
        .items
        .iter()
        .skip(1)
        .position(|(_, sep)| *sep != Sep::None)?
        + 1;
    line.items[start..]
        .iter()
        .enumerate()
        .take_while(|&(k, (_, sep))| k == 0 || *sep == Sep::None)
        .map(|(_, &(gi, _))| page.glyphs[gi as usize].x1)
        .reduce(f32::max)
}

/// Where a line's second word starts.
fn second_word_x0(page: &PageGlyphs, line: &Line) -> Option<f32> {
    line.items
        .iter()
        .skip(1)
        .find(|(_, sep)| *sep != Sep::None)
        .map(|&(gi, _)| page.glyphs[gi as usize].x0)
}

/// Whether a line starts with a word that a number joins with a hyphen: a measure
/// (`10,000-` `square-foot`, `5-` `year`) or the rest of an identifier (`9-` `ANM-Seattle`,
/// `MDA904-01-` `C-0988`), not a dash's next word (`5-` `that is`).
fn measure(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or_default();
    if first.contains('-') || first.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let word: String = line
        .split(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let unit = word.trim_end_matches('s');
    matches!(
        unit,
        "square"
            | "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "minute"
            | "second"
            | "foot"
            | "feet"
            | "inch"
            | "mile"
            | "meter"
            | "metre"
            | "acre"
            | "page"
            | "point"
            | "percent"
            | "member"
            | "person"
            | "story"
            | "storey"
            | "part"
            | "judge"
            | "pound"
            | "ton"
            | "dollar"
            | "million"
            | "billion"
    )
}

/// The width of a line's first word.
/// The width of a line's first word; a single capital letter naming something (`K LLC`,
/// `S corporation`; not the words `A` and `I`) is kept with the word after it, as writers tie
/// them with a no-break space.
fn first_word_width(page: &PageGlyphs, line: &Line) -> f32 {
    // (From its own left edge: a right-to-left line's first word stands at its right.)
    let mut left = f32::MAX;
    let mut right = f32::MIN;
    let letter = line.items.first().is_some_and(|&(gi, _)| {
        matches!(page.text(&page.glyphs[gi as usize]), [c] if c.is_uppercase() && !matches!(c, 'A' | 'I'))
    }) && line.items.get(1).is_some_and(|&(_, sep)| sep == Sep::Space);
    let mut words = 1;
    for (k, &(gi, sep)) in line.items.iter().enumerate() {
        // (Chinese and Japanese wrap after any character: the first is the first word.)
        let unspaced =
            |g: u32| matches!(page.text(&page.glyphs[g as usize]), [c] if is_unspaced_script(*c));
        if k > 0 && unspaced(gi) && unspaced(line.items[k - 1].0) {
            break;
        }
        if k > 0 && sep != Sep::None {
            if words == 2 || !letter || sep != Sep::Space {
                break;
            }
            words += 1;
        }
        right = right.max(page.glyphs[gi as usize].x1);
        left = left.min(page.glyphs[gi as usize].x0);
    }
    (right - left).max(0.0)
}

/// The text being written, with a box for every char.
#[derive(Default)]
struct Builder {
    text: String,
    boxes: Vec<Option<CharBox>>,
    pages: Vec<PageSpan>,
}

impl Builder {
    fn page_start(&mut self, page: &PageGlyphs) {
        // The part of a page read turned goes on in its page's span.
        if page.turn != Turn::Upright && self.pages.last().is_some_and(|p| p.number == page.number)
        {
            return;
        }
        let at = self.boxes.len();
        self.pages.push(PageSpan {
            number: page.number,
            start: at,
            end: at,
            width: page.width,
            height: page.height,
        });
    }

    fn push_sep(&mut self, sep: &str) {
        for c in sep.chars() {
            self.text.push(c);
            self.boxes.push(None);
        }
    }

    /// Drops the last char (a hyphen at a line end).
    fn drop_last(&mut self) {
        if self.text.pop().is_some() {
            self.boxes.pop();
            let len = self.boxes.len();
            for p in self.pages.iter_mut().rev().take(2) {
                p.end = p.end.min(len);
                p.start = p.start.min(p.end);
            }
        }
    }

    /// Writes a line's glyphs but those in `dropped` (sorted).
    fn push_line(&mut self, page: &PageGlyphs, line: &Line, dropped: &[u32]) {
        self.push_sep(&"\t".repeat(usize::from(line.lead)));
        for ((sep, g, chars), &(gi, _)) in written(page, line).zip(&line.items) {
            if dropped.binary_search(&gi).is_ok() {
                continue;
            }
            for c in sep_chars(sep) {
                self.text.push(c);
                self.boxes.push(None);
            }
            let n = chars.len().max(1) as f32;
            let w = (g.x1 - g.x0) / n;
            for (k, &c) in chars.iter().enumerate() {
                let x = g.x0 + w * k as f32;
                let place = g.text.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
                self.text
                    .push(page.written.get(&place).copied().unwrap_or(c));
                let at = self.boxes.len();
                self.boxes.push(Some(CharBox {
                    page: page.number,
                    rect: page.on_page([x, g.top(), x + w, g.bottom()]),
                }));
                // Usually the last page begun; a page's footnotes may come after the next
                // page's first paragraph.
                if let Some(p) = self
                    .pages
                    .iter_mut()
                    .rev()
                    .find(|p| p.number == page.number)
                {
                    if p.start == p.end {
                        p.start = at;
                    }
                    p.end = at + 1;
                }
            }
        }
    }

    fn finish(mut self, damaged: Vec<u32>) -> (String, Pages) {
        self.push_sep("\n");
        (
            self.text,
            Pages {
                pages: self.pages,
                boxes: self.boxes,
                damaged,
                missing: 0,
                page_tree_damaged: false,
                scanned: Vec::new(),
                unreadable: Vec::new(),
                doubtful: Vec::new(),
                sideways: Vec::new(),
                garbled: Vec::new(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{inner_words, is_item, names_its_page, reads_from_the_right};

    #[test]
    fn a_line_naming_its_page_among_the_documents_is_known() {
        assert!(names_its_page(
            "2 of 11\thttps://doi.org/10.1073/pnas",
            2,
            11
        ));
        assert!(names_its_page("Page 7 of 40", 7, 40));
        assert!(!names_its_page("2 of 11 patients relapsed", 3, 11));
        assert!(!names_its_page("2 of 11 patients relapsed", 2, 12));
    }

    #[test]
    fn an_articles_number_opens_it_and_a_sentence_naming_one_does_not() {
        use super::opens_article;
        for heading in [
            "ماده ٧- حداقل مستندات و مدارک ذيل",
            "المادة (٣): يعمل بهذا القانون",
            "Article 5: Scope",
            "Article 12",
            "§ 4. Definitions",
            "Section 9 - Interim measures",
        ] {
            assert!(opens_article(heading), "{heading}");
        }
        for sentence in [
            "Section 9 of the Act is set out below",
            "Section 9(1) by the amending Act",
            "Article the fifth",
            "ماده",
        ] {
            assert!(!opens_article(sentence), "{sentence}");
        }
    }

    #[test]
    fn a_hyphen_drawn_as_u2010_is_known_as_a_hyphen() {
        let words = inner_words(&[vec!["we keep high\u{2010}quality data".to_owned()]]);
        assert!(words.lower.contains("high-quality"));
    }

    #[test]
    fn a_box_of_points_set_with_triangles_is_a_list() {
        // A journal's `Main messages` box: each point after a triangle is an item of its own,
        // though the one before stops without a full stop.
        assert!(is_item(
            "▶ Bismuth based triple therapy has a better response"
        ));
        assert!(is_item("▸ To explore the actual relationship"));
    }

    #[test]
    fn a_hebrew_line_of_latin_words_reads_from_the_right_and_an_english_one_does_not() {
        assert!(reads_from_the_right("ב-ABI של MIPS."));
        assert!(reads_from_the_right("ו. משפט while"));
        assert!(reads_from_the_right("٢٧ / ٨ / ١٤١٢ هـ."));
        // A web address's letters, however many, count as none.
        assert!(reads_from_the_right(
            "השפה כאן: http://www.egr.unlv.edu/~ed/MIPStextSMv11.pdf"
        ));
        assert!(!reads_from_the_right(
            "The ministry said unemployment fell (מקור: הלשכה"
        ));
        assert!(!reads_from_the_right(
            "שלום means peace in the language of the Bible"
        ));
    }
}
