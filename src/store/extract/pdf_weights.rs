//! How heavy glyphs are drawn, and the headings set in bold in the text's size. Such a
//! heading, when it fills its line, looks like any other line of its column but for its
//! weight. The weight is read from each glyph's outline, whatever its font is named or says
//! of itself (a Type 1 font says nothing): a glyph's ink area over half its outline's
//! length is about the width of its strokes. Each letter is compared with the same letter
//! in most of the text, as letters differ (an `l` is all stem, an `e` has a thin bar).

use std::collections::{HashMap, HashSet};

use hayro_interpret::font::OutlineGlyph;
use hayro_interpret::kurbo::{BezPath, Shape as _};

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::Line;
use super::pdf_text::{ends_abbreviation, ends_unfinished};

/// How much heavier than the same letter in the text a bold letter is (a bold face's
/// strokes are about one and a half to two times a regular one's).
const BOLD: f32 = 1.25;
/// The share of a line's letters that must be bold for the line to be set in bold (not a
/// line with a few words in bold).
const BOLD_SHARE: f32 = 0.97;
/// The fewest letters a line is weighed by.
const LETTERS: usize = 3;
/// The fewest times a letter is drawn in the text for its own weight to be known.
const SEEN: usize = 5;
/// The most lines a heading runs to.
const HEADING_LINES: usize = 3;
/// The most words a heading run into its paragraph's first line has.
const RUN_IN_WORDS: usize = 8;

/// The stroke widths of the glyphs already looked at, by the key of their font program and
/// glyph (kept from page to page).
#[derive(Default)]
pub struct Weights {
    by_glyph: HashMap<u128, f32>,
}

impl Weights {
    /// The width of a glyph's strokes, in thousandths of its size (0 for an empty one).
    pub fn of(&mut self, glyph: &OutlineGlyph) -> f32 {
        *self
            .by_glyph
            .entry(glyph.identifier().cache_key())
            .or_insert_with(|| stroke_width(&glyph.outline()))
    }
}

/// About the width of an outline's strokes: its inked area over half its length.
fn stroke_width(outline: &BezPath) -> f32 {
    let length = outline.perimeter(1.0);
    if !(length.is_finite() && length > 0.0) {
        return 0.0;
    }
    (2.0 * outline.area().abs() / length) as f32
}

/// The weight each letter is drawn in in a document's text, when not in bold.
pub struct TextWeights {
    by_letter: HashMap<char, f32>,
    /// Of all letters, for a letter seen too seldom.
    all: f32,
}

impl TextWeights {
    /// Measures the letters of a document's pages.
    pub fn measure(pages: &[PageGlyphs]) -> Self {
        let mut seen: HashMap<char, Vec<f32>> = HashMap::new();
        for page in pages {
            for g in &page.glyphs {
                if let (Some(c), true) = (letter(page, g), g.weight > 0.0) {
                    seen.entry(c).or_default().push(g.weight);
                }
            }
        }
        // (The lower quartile: a letter of the text's is drawn in bold now and then.)
        let usual = |mut v: Vec<f32>| {
            v.sort_by(f32::total_cmp);
            v.get(v.len() / 4).copied().unwrap_or(0.0)
        };
        let all = usual(seen.values().flatten().copied().collect());
        let by_letter = seen
            .into_iter()
            .filter(|(_, v)| v.len() >= SEEN)
            .map(|(c, v)| (c, usual(v)))
            .collect();
        Self { by_letter, all }
    }

    /// Whether a letter drawn with strokes `weight` wide is bold.
    fn is_heavy(&self, c: char, weight: f32) -> bool {
        let usual = self.by_letter.get(&c).copied().unwrap_or(self.all);
        usual > 0.0 && weight >= BOLD * usual
    }

    /// Whether a line is set in bold: all its letters, or all but one in thirty or more, are
    /// bold.
    pub fn is_bold(&self, page: &PageGlyphs, line: &Line) -> bool {
        self.bold_items(page, &line.items)
    }

    /// Whether these items of a line are set in bold (see [`Self::is_bold`]).
    fn bold_items(&self, page: &PageGlyphs, items: &[(u32, super::pdf_layout::Sep)]) -> bool {
        let letters = self.heavy_letters(page, items);
        let heavy = letters.iter().filter(|h| **h).count();
        letters.len() >= LETTERS && heavy as f32 >= BOLD_SHARE * letters.len() as f32
    }

    /// For each letter among these items whose weight is known, whether it is bold.
    fn heavy_letters(
        &self,
        page: &PageGlyphs,
        items: &[(u32, super::pdf_layout::Sep)],
    ) -> Vec<bool> {
        items
            .iter()
            .filter_map(|(i, _)| page.glyphs.get(*i as usize))
            .filter(|g| g.weight > 0.0)
            .filter_map(|g| Some(self.is_heavy(letter(page, g)?, g.weight)))
            .collect()
    }

    /// Whether a line opens with a heading run into its paragraph: a few words in bold,
    /// starting with a capital and ending on a stop or colon, then the paragraph's text, not
    /// in bold (`Valleys In Projection Profiles. For simplicity, …`).
    pub fn opens_with_run_in_heading(&self, page: &PageGlyphs, line: &Line) -> bool {
        let text_of = |&(g, _): &(u32, super::pdf_layout::Sep)| {
            page.glyphs
                .get(g as usize)
                .map_or(&[][..], |g| page.text(g))
        };
        let Some(stop) = line
            .items
            .iter()
            .position(|item| matches!(text_of(item), ['.' | ':']))
        else {
            return false;
        };
        let (head, rest) = line.items.split_at(stop + 1);
        let words = 1 + head
            .iter()
            .filter(|(_, sep)| *sep != super::pdf_layout::Sep::None)
            .count();
        let starts_capital = head
            .first()
            .is_some_and(|item| text_of(item).first().is_some_and(|c| c.is_uppercase()));
        // (A name in bold inside a sentence stops on an abbreviation: `Tufan Chatterjee v.
        // Sri. Rangan Dhar`, `Balasinor Nagrik Coop. Bank Ltd.`.)
        let head_text: String = head
            .iter()
            .flat_map(|item| {
                let space = (item.1 != super::pdf_layout::Sep::None).then_some(' ');
                space.into_iter().chain(text_of(item).iter().copied())
            })
            .collect();
        let last_word = head_text
            .split_whitespace()
            .next_back()
            .unwrap_or_default()
            .trim_end_matches(['.', ':']);
        if ends_abbreviation(&head_text)
            || last_word.chars().filter(|c| c.is_alphabetic()).count() < 2
        {
            return false;
        }
        // (The rest goes on in the text's weight: a line all in bold is a heading of its own.)
        let rest_letters = self.heavy_letters(page, rest);
        let rest_heavy = rest_letters.iter().filter(|h| **h).count();
        starts_capital
            && words <= RUN_IN_WORDS
            && rest
                .first()
                .is_some_and(|(_, sep)| *sep != super::pdf_layout::Sep::None)
            && self.bold_items(page, head)
            && rest_letters.len() >= LETTERS
            && 2 * rest_heavy < rest_letters.len()
    }
}

/// The letter a glyph draws, if it draws one letter.
fn letter(page: &PageGlyphs, g: &super::pdf_glyphs::Glyph) -> Option<char> {
    match page.text(g) {
        [c] if c.is_alphabetic() => Some(*c),
        _ => None,
    }
}

/// The lines that are headings set in bold in the text's size or larger, among a page's
/// lines (with their texts, and whether each is set aside, a note or a figure, not looked
/// at; `text_size` the size most of the text is set in): one to three lines in bold in one
/// column, after a sentence's end or at the column's top, the last ending as a heading does
/// (on no stop, comma or joining word), before a line not in bold that starts a sentence,
/// or nothing.
pub fn bold_headings(
    page: &PageGlyphs,
    (lines, texts, aside): (&[Line], &[String], &[bool]),
    weights: &TextWeights,
    text_size: f32,
) -> HashSet<*const Line> {
    let body: Vec<usize> = (0..lines.len()).filter(|&k| !aside[k]).collect();
    let bold: Vec<bool> = body
        .iter()
        .map(|&k| lines[k].size >= 0.95 * text_size && weights.is_bold(page, &lines[k]))
        .collect();
    let ends_sentence = |t: &str| {
        let t = t.trim_end();
        t.ends_with(['.', ':', ';', '!', '?']) && !ends_abbreviation(t)
    };
    let mut headings = HashSet::new();
    let mut i = 0;
    while i < body.len() {
        if !bold[i] {
            i += 1;
            continue;
        }
        let region = lines[body[i]].region;
        let mut end = i + 1;
        while end < body.len() && bold[end] && lines[body[end]].region == region {
            end += 1;
        }
        let before = i
            .checked_sub(1)
            .map(|b| body[b])
            .filter(|&b| lines[b].region == region);
        let after = body
            .get(end)
            .copied()
            .filter(|&a| lines[a].region == region);
        let last = texts[body[end - 1]].trim_end();
        let heading = end - i <= HEADING_LINES
            && before.is_none_or(|b| ends_sentence(&texts[b]))
            && !last.ends_with(['.', ',', ';'])
            && !ends_unfinished(last)
            && after.is_none_or(|a| {
                texts[a].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            });
        if heading {
            headings.extend(body[i..end].iter().map(|&k| std::ptr::from_ref(&lines[k])));
        }
        i = end;
    }
    headings
}
