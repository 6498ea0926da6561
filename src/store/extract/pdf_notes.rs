//! Footnotes at the foot of a PDF page: the last lines of a page, set smaller than the
//! document's text, in the lower half of the page, from a line that starts with a note mark
//! (`1`, `*`, `†`), and each column's notes under a short rule drawn at its foot, also in a
//! band of columns above a table. The text assembler moves them past the end of the
//! paragraph that goes on over the page or column, so that a sentence is not cut by the
//! notes under it.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::Line;
use super::pdf_rules::Rule;

/// Notes are set at most this much of the text's size.
const SMALLER: f32 = 0.92;

/// A short rule over a page's (or a column's) notes, drawn or set as a line of dashes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoteRule {
    /// Its height on the page (points, y down).
    pub y: f32,
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Whether it is set with dashes (`——————`), as no signature's line is.
    pub dashes: bool,
    /// Whether it is drawn in the page's upper half (over a column's notes in a band of
    /// columns above a table): only notes set smaller than the text, from a marked one,
    /// stand under such a rule.
    pub high: bool,
}

/// Whether a line's text is a rule set with dashes or underscores (over the footnotes), or
/// with hyphens set apart.
pub fn is_dash_rule(text: &str) -> bool {
    let rule = text.trim();
    // (Or hyphens set apart, as a judgment's title page rules its parts: `- - - - - -`.)
    let spaced = rule.chars().filter(|&c| c == '-').count() >= 8
        && rule.chars().all(|c| c == '-' || c == ' ');
    spaced || (rule.chars().count() >= 3 && rule.chars().all(|c| matches!(c, '—' | '―' | '_')))
}

/// The rules in a page's lower half that may stand over its notes: its lines of dashes
/// (`texts` are its lines' texts) and the short rules it draws across.
pub fn note_rules(page: &PageGlyphs, lines: &[Line], texts: &[String]) -> Vec<NoteRule> {
    let low = |y: f32| y > 0.5 * page.height;
    let set = lines
        .iter()
        .zip(texts)
        .filter(|(l, t)| low(l.baseline) && is_dash_rule(t))
        .map(|(l, t)| NoteRule {
            y: l.baseline,
            x0: l.x0,
            x1: l.x1,
            dashes: !t.contains('_'),
            high: false,
        });
    // A rule drawn alone: none level with it (a table's rules across come in cells) and
    // none down the page from it, under its span (a table's columns; a table further down
    // the page, under columns of text with their notes, is not it).
    // (The same rule stroked again over itself, a hair lower, is no other.)
    let same = |o: &Rule, r: &Rule| {
        (o.y0 - r.y0).abs() <= 1.0 && (o.x0 - r.x0).abs() <= 1.0 && (o.x1 - r.x1).abs() <= 1.0
    };
    let alone = |r: &Rule| {
        page.rules.iter().all(|o| {
            std::ptr::eq(o, r)
                || if o.is_horizontal() {
                    (o.y0 - r.y0).abs() > 3.0 || same(o, r)
                } else {
                    o.y1 < r.y0 || o.x0 < r.x0 - 3.0 || o.x0 > r.x1 + 3.0 || o.y0 > r.y0 + 24.0
                }
        })
    };
    let drawn = page
        .rules
        .iter()
        .filter(|r| r.is_horizontal() && r.y1 - r.y0 < 2.0 && r.x1 - r.x0 >= 30.0)
        .filter(|r| alone(r))
        .map(|r| NoteRule {
            y: 0.5 * (r.y0 + r.y1),
            x0: r.x0,
            x1: r.x1,
            dashes: false,
            high: !low(r.y0),
        });
    let mut out: Vec<NoteRule> = set.chain(drawn).collect();
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

/// For each page, which of its lines are footnotes: the notes at the foot of the page, or
/// at the foot of each column on pages that set them there. `rules` are each page's
/// [`note_rules`].
pub fn footnote_lines(
    pages: &[PageGlyphs],
    per_page: &[Vec<Line>],
    texts: &[Vec<String>],
    rules: &[Vec<NoteRule>],
) -> Vec<Vec<bool>> {
    let body = body_size(per_page);
    // Whether the page before had notes (a note may go on at the foot of the next page).
    let mut after_notes = false;
    // Whether the last note so far stops inside a sentence (it goes on in the next column).
    let mut unfinished = false;
    per_page
        .iter()
        .zip(pages)
        .zip(texts)
        .zip(rules)
        .map(|(((lines, page), texts), rules)| {
            let mut notes = vec![false; lines.len()];
            // Each run of lines of one column, and the page as a whole.
            let mut runs: Vec<(usize, usize)> = Vec::new();
            let mut start = 0;
            for k in 1..=lines.len() {
                if k == lines.len() || lines[k].region != lines[start].region {
                    runs.push((start, k));
                    start = k;
                }
            }
            runs.push((0, lines.len()));
            for (a, b) in runs {
                let before = Earlier {
                    notes: after_notes,
                    unfinished,
                };
                let column = &lines[a..b];
                let first = a + under_rule(column, &texts[a..b], rules, body, before)
                    .unwrap_or_else(|| notes_on_page(page, column, &texts[a..b], body, before));
                // After the first note in reading order, the lines of another column are
                // notes only if set at the foot beside it, no larger than it (the next
                // column's text is not).
                if let Some(head) = lines.get(first) {
                    let top = head.baseline - 0.5 * head.size;
                    for (n, line) in notes[first..b].iter_mut().zip(&lines[first..b]) {
                        *n |= line.region == head.region
                            || (line.baseline >= top && line.size <= 1.05 * head.size);
                    }
                }
                if first < b {
                    unfinished = texts[b - 1]
                        .trim_end()
                        .ends_with(|c: char| c.is_lowercase() || matches!(c, ',' | '-' | ';'));
                }
            }
            after_notes = notes.iter().any(|n| *n);
            notes
        })
        .collect()
}

/// The size most of the document's glyphs are set in (to half a point).
fn body_size(per_page: &[Vec<Line>]) -> f32 {
    let mut weights: Vec<(i32, usize)> = Vec::new();
    for line in per_page.iter().flatten() {
        let key = (line.size * 2.0).round() as i32;
        match weights.iter_mut().find(|(k, _)| *k == key) {
            Some((_, w)) => *w += line.items.len(),
            None => weights.push((key, line.items.len())),
        }
    }
    weights
        .iter()
        .max_by_key(|&&(k, w)| (w, -k))
        .map_or(0.0, |&(k, _)| k as f32 / 2.0)
}

/// The notes before a column.
#[derive(Debug, Clone, Copy)]
struct Earlier {
    /// Whether the page before has notes (which may go on at the foot of this page).
    notes: bool,
    /// Whether the last note so far (of an earlier column or page) stops inside a sentence.
    unfinished: bool,
}

/// The first line under a short rule at the left of a column (or page) over lines no larger
/// than the text to its foot, when the last note before stopped inside a sentence (the
/// first goes on with it, in the text's size: a court's notes), the rule is set with dashes
/// after a page with notes, or the first starts with a note mark (or a number, set smaller
/// than the text). A signature's line over a
/// name, after a note that ended, is no such rule.
fn under_rule(
    lines: &[Line],
    texts: &[String],
    rules: &[NoteRule],
    body: f32,
    earlier: Earlier,
) -> Option<usize> {
    let left = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
    rules.iter().find_map(|rule| {
        if (rule.x0 - left).abs() > 6.0 || rule.x1 - rule.x0 > 0.5 * (right - left) {
            return None;
        }
        let i = lines.iter().position(|l| l.baseline > rule.y)?;
        let under = &lines[i..];
        let first = &lines[i];
        let high_notes =
            || starts_with_note_mark(&texts[i]) && under.iter().all(|l| l.size <= SMALLER * body);
        (i > 0
            && first.baseline - rule.y <= 3.0 * first.size
            && under
                .iter()
                .all(|l| l.baseline > rule.y && l.size <= 1.05 * body)
            && (!rule.high || high_notes())
            && (earlier.unfinished
                || rule.dashes && earlier.notes
                || starts_with_note_mark(&texts[i])
                || (first.size <= SMALLER * body && starts_with_number(&texts[i]))))
        .then_some(i)
    })
}

/// Whether a line starts with a number of one to three figures and a space: under a note's
/// rule, in a smaller size, a note's number even before a year in brackets (`15 (2015) 2
/// SCC 52`, which elsewhere reads as a citation's page going on).
fn starts_with_number(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && text[digits..].starts_with(' ')
}

/// The first note line of a column (or page), or `lines.len()`.
fn notes_on_page(
    page: &PageGlyphs,
    lines: &[Line],
    texts: &[String],
    body: f32,
    earlier: Earlier,
) -> usize {
    let after_notes = earlier.notes;
    let none = lines.len();
    let low = |l: &Line| l.baseline > 0.5 * page.height;
    let small = |l: &Line| l.size <= SMALLER * body && low(l);
    // Notes set smaller than the text: the run of small lines at the foot of the page, from
    // the first that starts with a mark, under text of the document's size.
    let first_small = lines.iter().rposition(|l| !small(l)).map_or(0, |i| i + 1);
    // Set apart from the line above by more than a line's spacing (a rule, a gap).
    let apart = |i: usize| i > 0 && lines[i].baseline - lines[i - 1].baseline > 1.5 * lines[i].size;
    // (Not a number that goes on the sentence of the line close over it: a reference's
    // `… Human Language Technologies, Volume` / `1 (Long and Short Papers), pages …`.)
    let goes_on_above = |i: usize| {
        i > first_small
            && !apart(i)
            && texts[i - 1]
                .trim_end()
                .ends_with(|c: char| c.is_alphabetic() || c == ',')
    };
    if first_small > 0
        && let Some(i) = (first_small..none).find(|&i| {
            (starts_with_note_mark(&texts[i]) || starts_with_mark_set_apart(&texts[i]))
                && !goes_on_above(i)
        })
        && (first_small..=i).any(apart)
    {
        // The rest of a note of an earlier column (or page) that stopped inside a sentence,
        // before this column's own notes: set apart from the text above it (going on with
        // a small letter or a name: `Plans to Picket Tucson` / `Funerals, USA Today, …`).
        // After a page with notes, the lines set close above its first marked note go on
        // with the last note too (`___ (2007). Tinker also relied on …` after `550 U. S.`).
        let close = (first_small + 1..=i)
            .all(|k| lines[k].baseline - lines[k - 1].baseline <= 1.5 * lines[k].size);
        let goes_on = (earlier.unfinished && texts[first_small].starts_with(char::is_alphabetic)
            || earlier.notes && close)
            && i > first_small
            && apart(first_small);
        return if goes_on { first_small } else { i };
    }
    // A paper's note on where it appears, at the foot of its first column, without a mark
    // (`Proceedings of the 31st International Conference …`, `Copyright 2014 by …`).
    if first_small > 0
        && first_small < none
        && apart(first_small)
        && is_publication_note(&texts[first_small])
    {
        return first_small;
    }
    // A note of the page (or column) before going on at the foot of this one, before its
    // own notes.
    if first_small > 0
        && (after_notes || earlier.unfinished)
        && let Some(i) = (first_small..none).find(|&i| apart(i))
    {
        return i;
    }
    // Notes set in the text's size (court filings): a line that starts with a raised mark,
    // set apart from the text above it by more than a line's spacing, and what follows it.
    (1..none)
        .find(|&i| {
            let (l, above) = (&lines[i], &lines[i - 1]);
            low(l)
                && l.baseline - above.baseline > 1.5 * l.size
                && starts_with_note_mark(&texts[i])
                && raised_mark(page, l)
                && lines[i..].iter().all(|n| n.size <= 1.05 * body)
        })
        .unwrap_or(none)
}

/// Whether a line's first glyphs (its note mark) are set smaller or raised.
pub(super) fn raised_mark(page: &PageGlyphs, line: &Line) -> bool {
    let Some(&(first, _)) = line.items.first() else {
        return false;
    };
    let g = &page.glyphs[first as usize];
    g.size < 0.85 * line.size || g.baseline < line.baseline - 0.2 * line.size
}

/// Whether a line starts a paper's note on where and how it is published, which journals and
/// proceedings set at the foot of the first column without a note mark.
fn is_publication_note(text: &str) -> bool {
    const OPENINGS: [&str; 12] = [
        "proceedings of",
        "in proceedings of",
        "appearing in proceedings",
        "copyright",
        "©",
        "(c) ",
        "permission to make digital",
        "preprint submitted to",
        "published as a conference paper",
        "accepted to",
        "presented at",
        "to appear in",
    ];
    let lower = text.trim_start().to_lowercase();
    OPENINGS.iter().any(|o| lower.starts_with(o))
}

/// Whether a line only says that a footnote goes on over the page: `(continued...)` at the
/// foot of one page, `10(...continued)` at the foot of the next.
pub fn is_continued_marker(text: &str) -> bool {
    let squeezed: String = text
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '…' | '(' | ')' | '[' | ']'))
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        squeezed.as_str(),
        "continued" | "cont'd" | "cont’d" | "continuedonnextpage" | "continuedonthenextpage"
    )
}

/// Whether a line starts a table's note, which never goes on with a note before it: a
/// label (`NOTE:`, `Sources:`) or the key of a dash (`— Not available.`).
pub fn starts_table_note(text: &str) -> bool {
    let t = text.trim_start();
    starts_note_label(t) || t.starts_with("— ") || t.starts_with("– ")
}

/// Whether a line starts with a note's or a source's label (`NOTE:`, `Sources:`,
/// `Fuente:`).
pub fn starts_note_label(text: &str) -> bool {
    let t = text.trim_start();
    [
        "note", "notes", "source", "sources", "nota", "notas", "fuente", "fuentes",
    ]
    .iter()
    .any(|label| {
        t.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label))
            && t[label.len()..].starts_with(':')
    })
}

/// Whether a small line starts with a note's number set apart from its note by a wide gap,
/// the line's only one (`3⇥Kanai Lal Sur v. …`, `4⇥(1987) 1 SCC 424.`, `9⇥[1968] AC 1097.`,
/// `7⇥10th Edition, 2002, Pg. 1629.`). Only notes set
/// smaller than the text are read so: a line of the text's size so set is a table's row or
/// a running head.
pub(super) fn starts_with_mark_set_apart(text: &str) -> bool {
    let Some((mark, note)) = text.split_once('\t') else {
        return false;
    };
    // (A citation may open with its year or edition, `[1968] AC 1097.`, `10th Edition,
    // 2002, Pg. 1629.`, `1957 SCC OnLine SC 8.`: words follow; not a table's figure and
    // its unit, `45.3 per cent`.)
    let words = note
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let head = note.split_whitespace().next().unwrap_or_default();
    let year = head.trim_end_matches([',', '.', ':']);
    let dated = head.chars().any(char::is_alphabetic)
        || (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()));
    (1..=3).contains(&mark.len())
        && mark.chars().all(|c| c.is_ascii_digit())
        && !note.contains('\t')
        && (note
            .starts_with(|c: char| c.is_alphabetic() || matches!(c, '(' | '[' | '\u{201C}' | '"'))
            || note.starts_with(|c: char| c.is_ascii_digit()) && words >= 2 && dated)
}

/// Whether a line starts like a footnote: a number of up to three digits, or `*`, `†`, `‡`,
/// followed by a space or a letter, or a note's continuation mark (`10(...continued)`).
pub fn starts_with_note_mark(text: &str) -> bool {
    // A row of a table's cells is no note (`1 193  135  87 …`).
    if text.matches('\t').count() >= 2 {
        return false;
    }
    if is_continued_marker(text) && text.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // `(1) Identical sales …`: a number in brackets, then the note.
    if let Some(rest) = text.strip_prefix('(')
        && let Some((number, after)) = rest.split_once(')')
        && (1..=2).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
        && after.starts_with(' ')
    {
        return true;
    }
    let mark: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡'))
        .collect();
    let rest = text[mark.len()..].chars().next();
    let digits = mark.chars().filter(char::is_ascii_digit).count();
    // A page and year of a citation going on from the line before (`510 (1925).`).
    let cited = text[mark.len()..]
        .strip_prefix(" (")
        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    !mark.is_empty()
        && !cited
        && mark.chars().count() <= 3
        && (digits == 0 || digits == mark.chars().count())
        && rest.is_some_and(|c| c == ' ' || c.is_alphabetic() || c == '\u{201C}' || c == '"')
}

#[cfg(test)]
mod tests {
    use super::{
        is_continued_marker, is_publication_note, starts_table_note, starts_with_mark_set_apart,
        starts_with_note_mark,
    };

    #[test]
    fn a_notes_number_set_apart_before_a_citation_opening_on_a_figure() {
        for yes in [
            "3\tKanai Lal Sur v. Paramnidhi Sadhukhan, 1957 SCC OnLine SC 8.",
            "4\t(1987) 1 SCC 424.",
            "7\t10th Edition, 2002, Pg. 1629.",
            "9\t[1968] AC 1097.",
            "2\t1957 SCC OnLine SC 8.",
        ] {
            assert!(starts_with_mark_set_apart(yes), "{yes}");
        }
        // A table's row of a number and a figure, or of three cells, is none.
        for no in ["7\t1,234", "12\t45.3 per cent", "7\tKaski\t1903"] {
            assert!(!starts_with_mark_set_apart(no), "{no}");
        }
    }

    #[test]
    fn table_notes() {
        for yes in [
            "NOTE: Some data",
            "Sources: Census",
            "— Not available.",
            "Note: x",
        ] {
            assert!(starts_table_note(yes), "{yes}");
        }
        for no in [
            "Notes on the method",
            "noted: x",
            "Source of funds",
            "—",
            "a — b",
        ] {
            assert!(!starts_table_note(no), "{no}");
        }
    }

    #[test]
    fn publication_notes() {
        for yes in [
            "Proceedings of the 31st International Conference on Machine Learning, Beijing",
            "Copyright 2014 by the author(s).",
            "© 2016 Association for Computational Linguistics",
            "Permission to make digital or hard copies of all or part of this work",
        ] {
            assert!(is_publication_note(yes), "{yes}");
        }
        for no in [
            "The proceedings of the court",
            "Copy the file",
            "In this paper",
        ] {
            assert!(!is_publication_note(no), "{no}");
        }
    }

    #[test]
    fn continuation_marks() {
        for yes in [
            "(continued...)",
            "10(...continued)",
            "(continued)",
            "3 (continued)",
            "(Continued on next page)",
        ] {
            assert!(is_continued_marker(yes), "{yes}");
        }
        for no in ["continued to grow", "(see above)", "10 Continued use of"] {
            assert!(!is_continued_marker(no), "{no}");
        }
        assert!(starts_with_note_mark("10(...continued)"));
    }

    #[test]
    fn note_marks() {
        for yes in [
            "1 For this discussion",
            "12 See",
            "* This order",
            "†Died 2020",
            "3“Quoted",
            "(1) Identical sales without fuel",
        ] {
            assert!(starts_with_note_mark(yes), "{yes}");
        }
        for no in [
            "1234 is a year",
            "For this",
            "1.5 percent",
            "12, 13",
            "",
            "7",
            "(123) a code",
            "(a) an item",
            "(1)",
            "510 (1925). Pierce has nothing to say",
            "1 193\t135\t87\tList of the Republican Party",
        ] {
            assert!(!starts_with_note_mark(no), "{no}");
        }
    }
}
