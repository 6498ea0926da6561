//! Vowel marks drawn as glyphs of their own: Arabic tashkeel (a tanween `ً`, a shadda `ّ`, a
//! damma `ُ`) and Hebrew points are often drawn apart from their letter, set higher or lower
//! than its line. Read apart they stand alone on a line of their own or at the start of a
//! word (`ًيعتبر`, `جزءلا`); each is put after the letter it stands over, in that letter's
//! glyph, so it reads in its word (`جزءً لا`). So is a zero-width non-joiner or joiner, on
//! the letter it follows.

use super::pdf_glyphs::PageGlyphs;

/// Whether `c` is a mark set over or under a letter that a PDF may draw apart from it: an
/// Arabic or Hebrew vowel mark, or a mark over a symbol (a vector's arrow `⃗`). (Thai and Indic
/// vowel signs are drawn in their order and stay as drawn.)
fn is_vowel_mark(c: char) -> bool {
    matches!(c,
        '\u{591}'..='\u{5BD}' | '\u{5BF}' | '\u{5C1}' | '\u{5C2}' | '\u{5C4}' | '\u{5C5}'
        | '\u{5C7}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}'
        | '\u{6D6}'..='\u{6DC}' | '\u{6DF}'..='\u{6E4}' | '\u{6E7}' | '\u{6E8}'
        | '\u{6EA}'..='\u{6ED}' | '\u{8D3}'..='\u{8FF}' | '\u{20D0}'..='\u{20FF}')
}

/// Puts each glyph of only combining marks on the letter beside it in drawing order (the one
/// after it, or else the one before) that it stands over: the two overlap across, and the
/// mark is no further than a line's height from the letter's baseline.
pub fn attach_vowel_marks(page: &mut PageGlyphs) {
    let mut gone = vec![false; page.glyphs.len()];
    for i in 0..page.glyphs.len() {
        let g = page.glyphs[i];
        let text = page.text(&g);
        if text.is_empty() || !text.iter().all(|&c| is_vowel_mark(c)) {
            continue;
        }
        let overlap = |j: usize| -> Option<f32> {
            let l = page.glyphs.get(j)?;
            let letter = page.text(l).first().is_some_and(|c| c.is_alphabetic());
            let over = g.x1.min(l.x1) - g.x0.max(l.x0);
            (letter && !gone[j] && over > 0.0 && (g.baseline - l.baseline).abs() < l.size)
                .then_some(over)
        };
        let after = overlap(i + 1);
        let before = i.checked_sub(1).and_then(overlap);
        let host = match (after, before) {
            (Some(a), Some(b)) if b > a => i - 1,
            (Some(_), _) => i + 1,
            (None, Some(_)) => i - 1,
            (None, None) => continue,
        };
        if !append_text(page, host, i) {
            continue;
        }
        // A word's space drawn before the mark is before its letter.
        if host > i {
            page.glyphs[host].space_before |= g.space_before;
        }
        gone[i] = true;
    }
    page.drop_glyphs(&gone);
}

/// Puts each zero-width non-joiner or joiner (Persian `می‌کردند`, drawn as a glyph of its
/// own at the letters' boundary) on the letter it follows in reading order: the
/// right-to-left letter that starts where it stands (or the left-to-right one that ends
/// there). Read apart, it is placed by its drawn width and splits its word (`م ‌یکردند`).
pub fn attach_joiners(page: &mut PageGlyphs) {
    let mut gone = vec![false; page.glyphs.len()];
    for i in 0..page.glyphs.len() {
        let g = page.glyphs[i];
        let text = page.text(&g);
        if text.is_empty() || !text.iter().all(|&c| matches!(c, '\u{200C}' | '\u{200D}')) {
            continue;
        }
        let near = |j: usize| {
            let l = &page.glyphs[j];
            page.text(l).last().is_some_and(|&c| {
                let rtl = crate::core::bidi::rtl_script(c).is_some();
                let edge = if rtl { l.x0 } else { l.x1 };
                !gone[j]
                    && c.is_alphabetic()
                    && (g.baseline - l.baseline).abs() <= 0.2 * l.size
                    && (edge - g.x0).abs() < 0.1 * l.size
            })
        };
        let host = (i.saturating_sub(3)..(i + 4).min(page.glyphs.len()))
            .filter(|&j| j != i)
            .find(|&j| near(j));
        if let Some(host) = host
            && append_text(page, host, i)
        {
            gone[i] = true;
        }
    }
    page.drop_glyphs(&gone);
}

/// Appends glyph `from`'s text to glyph `host`'s (written anew at the end of the page's
/// chars); `false`, and nothing changed, when the two are too long to join.
fn append_text(page: &mut PageGlyphs, host: usize, from: usize) -> bool {
    let mut joined: Vec<char> = page.text(&page.glyphs[host]).to_vec();
    joined.extend_from_slice(page.text(&page.glyphs[from]));
    let (Ok(len), Ok(at)) = (u8::try_from(joined.len()), u32::try_from(page.chars.len())) else {
        return false;
    };
    page.chars.extend(joined);
    let h = &mut page.glyphs[host];
    h.text = at;
    h.len = len;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::extract::pdf_glyphs::Glyph;

    fn glyph(x0: f32, x1: f32, baseline: f32, text: u32, len: u8, space: bool) -> Glyph {
        Glyph {
            x0,
            x1,
            baseline,
            size: 14.0,
            text,
            len,
            space_before: space,
            hidden: false,
            clipped: false,
            weight: 0.0,
        }
    }

    #[test]
    fn a_tanween_set_above_its_line_goes_on_the_letter_it_stands_over() {
        // `جزءً لا` as Word draws it, left to right: `لا`, then the tanween (with the word's
        // space before it) raised over the `ء` drawn after it, then `ء`, `ز`, `ج`.
        let chars: Vec<char> = "لا\u{64b}ءزج".chars().collect();
        let mut page = PageGlyphs {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs: vec![
                glyph(404.6, 411.4, 594.3, 0, 2, false),
                glyph(415.3, 422.3, 589.7, 2, 1, true),
                glyph(413.5, 417.8, 594.3, 3, 1, false),
                glyph(417.8, 423.4, 594.3, 4, 1, false),
                glyph(423.4, 430.6, 594.3, 5, 1, false),
            ],
            chars,
            ..PageGlyphs::default()
        };
        attach_vowel_marks(&mut page);
        let texts: Vec<String> = page
            .glyphs
            .iter()
            .map(|g| page.text(g).iter().collect())
            .collect();
        assert_eq!(texts, ["لا", "ء\u{64b}", "ز", "ج"]);
        assert!(page.glyphs[1].space_before, "the word's space stays");
        assert_eq!(page.glyphs[1].x0, 413.5, "the letter keeps its place");
    }

    #[test]
    fn a_non_joiner_goes_on_the_letter_it_follows() {
        // `سابقه‌ای` as a word processor draws it, left to right: `ی`, `ا`, `ه`, then the
        // non-joiner (half an em wide by its font's default) at `ه`'s left edge, `ق`, `ب`.
        let chars: Vec<char> = "یاه\u{200c}قب".chars().collect();
        let mut page = PageGlyphs {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs: vec![
                glyph(306.5, 315.9, 71.8, 0, 1, false),
                glyph(315.9, 319.2, 71.8, 1, 1, false),
                glyph(319.2, 325.6, 71.8, 2, 1, false),
                glyph(319.2, 325.2, 71.8, 3, 1, false),
                glyph(325.5, 331.6, 71.8, 4, 1, false),
                glyph(331.6, 335.0, 71.8, 5, 1, false),
            ],
            chars,
            ..PageGlyphs::default()
        };
        attach_joiners(&mut page);
        let texts: Vec<String> = page
            .glyphs
            .iter()
            .map(|g| page.text(g).iter().collect())
            .collect();
        assert_eq!(texts, ["ی", "ا", "ه\u{200c}", "ق", "ب"]);
    }

    #[test]
    fn a_mark_over_no_letter_stays() {
        let chars: Vec<char> = "\u{651}ab".chars().collect();
        let mut page = PageGlyphs {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs: vec![
                glyph(10.0, 17.0, 100.0, 0, 1, false),
                glyph(40.0, 45.0, 100.0, 1, 1, false),
                glyph(45.0, 50.0, 100.0, 2, 1, false),
            ],
            chars,
            ..PageGlyphs::default()
        };
        attach_vowel_marks(&mut page);
        assert_eq!(page.glyphs.len(), 3);
    }
}
