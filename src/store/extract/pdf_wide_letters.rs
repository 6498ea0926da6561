//! Ligatures of a composite font whose Unicode map keeps only their last letter. A font
//! with no glyph names (a CID-keyed one) cannot say that a glyph is `fi`, but its map may
//! give the `fi` glyph as `i`, so every extractor reads `conidence` and `classiied`
//! where the page prints `confidence` and `classified`. Such a glyph is the font's second
//! glyph for that letter, wider than the first by an `f`: it reads as the `f`s it is wider
//! by and the letter.

use std::collections::HashMap;

/// The letters a ligature of `f`s ends with (`fi`, `fl`, `ff`, `ffi`, `ffl`).
const LAST_LETTERS: [char; 3] = ['i', 'l', 'f'];

/// The glyphs of a page drawn with a font that names no glyphs, for one of
/// [`LAST_LETTERS`]: which glyph of which font each is, and how wide.
#[derive(Default)]
pub struct WideLetters {
    /// (glyph index on the page, font, glyph id, letter, advance in 1/1000 em).
    drawn: Vec<(usize, u128, u32, char, f32)>,
}

impl WideLetters {
    /// Notes a glyph of the page (its index there) drawn with `font` as `letter`.
    pub fn note(&mut self, index: usize, font: u128, glyph: u32, letter: char, advance: f32) {
        if LAST_LETTERS.contains(&letter) && advance.is_finite() && advance > 0.0 {
            self.drawn.push((index, font, glyph, letter, advance));
        }
    }

    /// The letters each ligature noted draws, by glyph index on the page: a font's glyph
    /// for a letter that is wider than its narrowest glyph for it by one or two of its
    /// narrowest `f`s (within a fifth of an `f`).
    pub fn ligatures(&self) -> Vec<(usize, String)> {
        // The narrowest glyph of each font for each letter.
        let mut narrowest: HashMap<(u128, char), (u32, f32)> = HashMap::new();
        for &(_, font, glyph, letter, advance) in &self.drawn {
            let slot = narrowest.entry((font, letter)).or_insert((glyph, advance));
            if advance < slot.1 {
                *slot = (glyph, advance);
            }
        }
        let mut out = Vec::new();
        for &(index, font, glyph, letter, advance) in &self.drawn {
            let (Some(&(own, base)), Some(&(_, f))) =
                (narrowest.get(&(font, letter)), narrowest.get(&(font, 'f')))
            else {
                continue;
            };
            if glyph == own || f <= 0.0 {
                continue;
            }
            // Another glyph for 'f' is its own narrowest 'f' plus more.
            let extra = advance - base;
            let fs = (extra / f).round();
            if !(1.0..=2.0).contains(&fs) || (extra - fs * f).abs() > 0.2 * f {
                continue;
            }
            let mut letters = "f".repeat(fs as usize);
            letters.push(letter);
            out.push((index, letters));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_glyph_for_a_letter_wider_by_an_f_is_a_ligature() {
        let mut w = WideLetters::default();
        // Font 1: `f` 300 wide, `i` 250, a second `i` glyph 550 (fi), a second `l` 560
        // (fl), a third `i` 850 (ffi), a second `f` 600 (ff).
        w.note(0, 1, 10, 'f', 300.0);
        w.note(1, 1, 11, 'i', 250.0);
        w.note(2, 1, 12, 'i', 550.0);
        w.note(3, 1, 13, 'l', 260.0);
        w.note(4, 1, 14, 'l', 560.0);
        w.note(5, 1, 15, 'i', 850.0);
        w.note(6, 1, 16, 'f', 600.0);
        // Font 2: a small capital `i`, a little wider than the letter, is no ligature.
        w.note(7, 2, 20, 'f', 300.0);
        w.note(8, 2, 21, 'i', 250.0);
        w.note(9, 2, 22, 'i', 320.0);
        // Font 3 has no `f` on the page: nothing can be told.
        w.note(10, 3, 30, 'i', 250.0);
        w.note(11, 3, 31, 'i', 550.0);
        let mut found = w.ligatures();
        found.sort();
        assert_eq!(
            found,
            vec![
                (2, "fi".to_owned()),
                (4, "fl".to_owned()),
                (5, "ffi".to_owned()),
                (6, "ff".to_owned())
            ]
        );
    }
}
