//! Accents drawn as glyphs of their own: some fonts (TeX's, and some print workflows) draw
//! "ê" as an "e" and a "ˆ" placed over it. Read apart they give "Ageˆncia"; each such accent
//! is put on the letter it stands over, as one char ("Agência"), where Unicode has that letter.

use unicode_normalization::UnicodeNormalization as _;

use super::pdf_glyphs::PageGlyphs;

/// The combining mark of a spacing accent.
fn combining(c: char) -> Option<char> {
    Some(match c {
        'ˆ' | '^' => '\u{302}',
        '˜' => '\u{303}',
        '´' => '\u{301}',
        '`' => '\u{300}',
        '¨' => '\u{308}',
        '˚' => '\u{30A}',
        '¸' => '\u{327}',
        'ˇ' => '\u{30C}',
        '¯' => '\u{304}',
        '˘' => '\u{306}',
        '˙' => '\u{307}',
        '˝' => '\u{30B}',
        '˛' => '\u{328}',
        _ => return None,
    })
}

/// Puts accents drawn as their own glyphs on the letter drawn right before or after them that
/// they stand over (most of the accent's width over it), when the two make one char.
pub fn combine_accents(page: &mut PageGlyphs) {
    let mut gone = vec![false; page.glyphs.len()];
    for i in 0..page.glyphs.len() {
        let g = page.glyphs[i];
        let Some(mark) = page
            .text(&g)
            .first()
            .copied()
            .filter(|_| g.len == 1)
            .and_then(combining)
        else {
            continue;
        };
        let width = (g.x1 - g.x0).max(0.1);
        let near = [i.checked_sub(1), Some(i + 1)];
        for j in near.into_iter().flatten() {
            let Some(&l) = page.glyphs.get(j) else {
                continue;
            };
            if gone[j] || l.len != 1 {
                continue;
            }
            let overlap = g.x1.min(l.x1) - g.x0.max(l.x0);
            if overlap < 0.5 * width || (g.baseline - l.baseline).abs() > l.size {
                continue;
            }
            // A dotless i or j takes the accent in place of its dot ("na¨ıve" → "naïve").
            let letter = match page.chars[l.text as usize] {
                'ı' => 'i',
                'ȷ' => 'j',
                c => c,
            };
            if !letter.is_alphabetic() {
                continue;
            }
            let composed: Vec<char> = [letter, mark].iter().collect::<String>().nfc().collect();
            if let [one] = composed[..] {
                page.chars[l.text as usize] = one;
                gone[i] = true;
                break;
            }
        }
    }
    page.drop_glyphs(&gone);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::extract::pdf_glyphs::Glyph;

    fn glyph(x0: f32, x1: f32, baseline: f32, text: u32) -> Glyph {
        Glyph {
            x0,
            x1,
            baseline,
            size: 10.0,
            text,
            len: 1,
            space_before: false,
            hidden: false,
            clipped: false,
            weight: 0.0,
        }
    }

    /// The text of `chars` drawn as glyphs (spaces drawn as none) at `place(k)` = (x0, x1,
    /// baseline) for the k-th char, after accents are combined.
    fn combined(text: &str, place: impl Fn(usize) -> (f32, f32, f32)) -> String {
        let chars: Vec<char> = text.chars().collect();
        let glyphs: Vec<Glyph> = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| **c != ' ')
            .map(|(k, _)| {
                let (x0, x1, baseline) = place(k);
                glyph(x0, x1, baseline, k as u32)
            })
            .collect();
        let mut page = PageGlyphs {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs,
            chars,
            ..PageGlyphs::default()
        };
        combine_accents(&mut page);
        page.glyphs
            .iter()
            .flat_map(|g| page.text(g).to_vec())
            .collect()
    }

    #[test]
    fn an_accent_over_its_letter_becomes_one_char_and_one_beside_stays() {
        // "Age" + "ˆ" over the "e" drawn before it, then "ncia"; and a circumflex standing
        // alone between words stays.
        let xs = [0.0, 6.0, 12.0, 12.5, 18.0, 24.0, 30.0, 36.0, 60.0, 80.0];
        let text = combined("Ageˆncia ˆ", |k| {
            (xs[k], xs[k] + 5.0, if k == 3 { 97.0 } else { 100.0 })
        });
        assert_eq!(text, "Agênciaˆ");
    }

    #[test]
    fn a_diaeresis_over_a_dotless_i_makes_an_i_with_diaeresis() {
        // TeX's naïve: "¨" drawn over a dotless "ı".
        let xs = [0.0, 6.0, 12.0, 12.5, 16.0, 22.0];
        let text = combined("na¨ıve", |k| {
            (xs[k], xs[k] + if k == 3 { 3.0 } else { 5.0 }, 100.0)
        });
        assert_eq!(text, "naïve");
    }
}
