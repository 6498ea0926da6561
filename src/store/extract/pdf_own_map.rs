//! The digit or letter a glyph draws, when the PDF's /ToUnicode map names another one than
//! the font program's own character map does. Some word processors write maps that are off
//! for a subset font: a bank's statements draw `2015` whose map reads `4137`, and `904,952`
//! that reads `409,952`; an Arabic `ق` reads `م`, `ي` reads as a vowel mark, and a
//! tanween (`ً`) or a Persian `ز` as a space. Others name
//! the Latin digit for a glyph that draws an Arabic-Indic one (`١٠١٠` read `1010`). The page
//! shows what the font's own map says, so a digit or a letter of the same script is read as
//! that map names it. Where the two maps name the same letter in other forms (a presentation
//! form, a letter with its mark, another case), nothing changes. The same figure in another
//! script's digits is written as drawn, while the reading rules (page numbers, numbered
//! items) go by the Latin digit named.

use std::collections::HashMap;

use hayro_interpret::font::{FontData, OutlineGlyph};
use hayro_interpret::hayro_cmap::BfString;
use skrifa::MetadataProvider as _;
use skrifa::raw::FontRef;
use unicode_normalization::UnicodeNormalization as _;
use unicode_script::{Script, UnicodeScript as _};

/// How many of a font's own mappings are read, at most, to find the chars that select a
/// glyph (a hostile font may map every code point).
const MAX_MAPPINGS: usize = 200_000;

/// The first digit of each run of decimal digits read in another script's figures.
const ZEROS: [u32; 6] = [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50];

/// What to read for a glyph whose maps disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instead {
    /// Another char: the text reads it.
    Reads(char),
    /// The same figure or separator in another script's digits: the text goes by the char
    /// named and writes this one.
    Writes(char),
}

/// The font programs of a page's glyphs and what their own maps say.
#[derive(Default)]
pub struct OwnMaps {
    /// Per font program (by its content key): what its own Unicode map gives, or `None` for
    /// a font without one (not TrueType or OpenType, a symbol font, or damaged).
    fonts: HashMap<u128, Option<Own>>,
    /// Per font program, glyph and the char its /ToUnicode map gives: what to read
    /// instead, if anything.
    read: HashMap<(u128, u32, char), Option<Instead>>,
}

/// A font program whose own character map can be read.
struct Own {
    /// The font program's bytes.
    data: FontData,
    /// Per glyph, the chars that select it, read once a glyph's maps disagree.
    selected_by: Option<HashMap<u32, Vec<char>>>,
}

impl OwnMaps {
    /// What to read for a glyph instead of the char its /ToUnicode map gives, when the
    /// font's own map names another digit, or another letter of the same script.
    pub fn instead(&mut self, glyph: &OutlineGlyph, unicode: Option<&BfString>) -> Option<Instead> {
        let named = match unicode? {
            BfString::Char(c) => *c,
            BfString::String(s) => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => return None,
                }
            }
        };
        if !(named.is_alphanumeric() || is_mark(named) || matches!(named, '.' | ',' | ' ')) {
            return None;
        }
        let data = glyph.font_data()?;
        let id = glyph.glyph_id().to_u32();
        let key = (data.cache_key, id, named);
        if let Some(read) = self.read.get(&key) {
            return *read;
        }
        let mut read = self.look_up(data.cache_key, data.data, id, named);
        // A glyph named as a space that draws nothing is one, whatever the font's map says.
        if named == ' '
            && matches!(read, Some(Instead::Reads(c)) if !is_mark(c))
            && glyph.outline().elements().is_empty()
        {
            read = None;
        }
        self.read.insert(key, read);
        read
    }

    fn look_up(&mut self, key: u128, data: FontData, id: u32, named: char) -> Option<Instead> {
        let own = self
            .fonts
            .entry(key)
            .or_insert_with(|| {
                readable(&data).then_some(Own {
                    data,
                    selected_by: None,
                })
            })
            .as_mut()?;
        let bytes = own.data.clone();
        let font = FontRef::new((*bytes).as_ref()).ok()?;
        let charmap = font.charmap();
        if charmap.map(named).map(|g| g.to_u32()) == Some(id) {
            return None;
        }
        let selected_by = own.selected_by.get_or_insert_with(|| {
            let mut by: HashMap<u32, Vec<char>> = HashMap::new();
            for (code, glyph) in charmap.mappings().take(MAX_MAPPINGS) {
                if let Some(c) = char::from_u32(code) {
                    by.entry(glyph.to_u32()).or_default().push(c);
                }
            }
            by
        });
        instead(named, selected_by.get(&id)?)
    }
}

/// Whether a font program has a Unicode character map of its own.
fn readable(data: &FontData) -> bool {
    FontRef::new((**data).as_ref()).is_ok_and(|font| {
        let charmap = font.charmap();
        charmap.has_map() && !charmap.is_symbol()
    })
}

/// What to read instead of `named` for a glyph that the chars `own` select in its font's
/// own map: a digit for a digit, a decimal or thousands separator of Arabic figures for
/// `.` or `,`, a letter of the same script for a letter (or for an Arabic mark, which such
/// maps give for letters). `None` when the maps agree (in any normal form) or the font's
/// own map names several different ones (or letters of several scripts).
pub fn instead(named: char, own: &[char]) -> Option<Instead> {
    if own.is_empty() || own.contains(&named) {
        return None;
    }
    let named_norm: String = named.to_string().nfkd().collect();
    let agrees = own.iter().any(|&c| {
        let norm: String = c.to_string().nfkd().collect();
        norm == named_norm || norm.contains(&named_norm) || named_norm.contains(&norm)
    });
    if agrees {
        return None;
    }
    if digit_value(named).is_some() {
        let digits: Vec<(u32, char)> = own
            .iter()
            .filter_map(|&c| digit_value(c).map(|v| (v, c)))
            .collect();
        let (first, _) = *digits.first()?;
        if digits.len() != own.len() || digits.iter().any(|&(v, _)| v != first) {
            return None;
        }
        // A font that maps Arabic-Indic and Persian digits to one glyph reads as the first.
        let drawn = digits.iter().map(|&(_, c)| c).min()?;
        return Some(if digit_value(named) == Some(first) {
            Instead::Writes(drawn)
        } else {
            Instead::Reads(drawn)
        });
    }
    match named {
        // A vowel mark named as a space (`قانوناً` read `قانونا`, its tanween lost), or a
        // letter (`مرکزی` read `مرک `).
        ' ' => {
            let mark = own.iter().copied().min()?;
            if own.iter().all(|&c| is_mark(c)) {
                return Some(Instead::Reads(mark));
            }
            // (Not a mark of another script, Thai's `ํ` drawn apart from the `ำ` it is part
            // of.)
            let letters: Vec<char> = own
                .iter()
                .filter_map(|&c| sole_letter(c))
                .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
                .collect();
            let letter = letters.iter().copied().min()?;
            return (letters.len() == own.len()
                && letters.iter().all(|l| l.script() == letter.script()))
            .then_some(Instead::Reads(letter));
        }
        '.' => {
            return own
                .contains(&'\u{66B}')
                .then_some(Instead::Writes('\u{66B}'));
        }
        ',' => {
            return own
                .contains(&'\u{66C}')
                .then_some(Instead::Writes('\u{66C}'));
        }
        _ => {}
    }
    let letters: Vec<char> = own.iter().filter_map(|&c| sole_letter(c)).collect();
    // Letters that share a glyph look alike there (the Arabic and the Persian yeh's first
    // form): the first reads.
    let letter = letters.iter().copied().min()?;
    if letters.len() != own.len() || letters.iter().any(|&l| l.script() != letter.script()) {
        return None;
    }
    // (The Arabic tatweel, which stretches a word, belongs to no one script: a glyph the
    // font draws as one and the map names an Arabic letter, `ق`, is the stretch.)
    let tatweel = letter == '\u{640}' && named.script() == Script::Arabic;
    let same_script = letter.script() == named.script()
        || tatweel
        || (is_mark(named) && matches!(letter.script(), Script::Arabic | Script::Hebrew));
    // A capital named for a small letter, or the other way round, is the letter typed,
    // set in capitals or small capitals.
    let case = named.to_lowercase().eq(letter.to_lowercase());
    (same_script && !case).then_some(Instead::Reads(letter))
}

/// A decimal digit's value, in the scripts whose figures PDFs draw most.
pub(super) fn digit_value(c: char) -> Option<u32> {
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

/// The letter a char is in its compatibility form (`ﻖ` is `ق`), if it is one letter.
fn sole_letter(c: char) -> Option<char> {
    let norm: Vec<char> = c.to_string().nfkc().collect();
    match norm[..] {
        [l] if l.is_alphabetic() => Some(l),
        _ => None,
    }
}

/// Whether a char is a combining mark of Arabic or Hebrew (a vowel sign).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{591}'..='\u{5C7}' | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}')
}

#[cfg(test)]
mod tests {
    use super::Instead::{Reads, Writes};
    use super::instead;

    #[test]
    fn a_stretch_named_as_a_letter_reads_as_the_stretch() {
        assert_eq!(instead('\u{642}', &['\u{640}']), Some(Reads('\u{640}')));
        // A Latin letter is no Arabic word's stretch.
        assert_eq!(instead('q', &['\u{640}']), None);
    }

    #[test]
    fn a_digit_reads_as_the_font_draws_it() {
        // `2015` whose map reads `4137`.
        assert_eq!(instead('4', &['2']), Some(Reads('2')));
        assert_eq!(instead('9', &['4']), Some(Reads('4')));
        assert_eq!(instead('9', &['\u{664}']), Some(Reads('\u{664}')));
        // A Latin digit named for the Arabic-Indic one drawn.
        assert_eq!(instead('1', &['\u{661}']), Some(Writes('\u{661}')));
        // A glyph for both Arabic-Indic and Persian zero writes the Arabic-Indic one.
        assert_eq!(
            instead('0', &['\u{6F0}', '\u{660}']),
            Some(Writes('\u{660}'))
        );
        // A glyph for several figures is no figure to go by.
        assert_eq!(instead('0', &['1', '7']), None);
        assert_eq!(instead('0', &['O']), None);
    }

    #[test]
    fn a_vowel_mark_named_as_a_space_reads_as_the_mark() {
        // Fathatan, the tanween of `قانوناً`.
        assert_eq!(instead(' ', &['\u{64B}']), Some(Reads('\u{64B}')));
        assert_eq!(instead(' ', &['\u{5B8}']), Some(Reads('\u{5B8}')));
        // A space the font maps as a space stays.
        assert_eq!(instead(' ', &[' ', '\u{A0}']), None);
    }

    #[test]
    fn a_letter_named_as_a_space_reads_as_the_letter() {
        // The zain of `مرکزی` and the kaf of `مدارک` (the Arabic and Persian kaf share the
        // glyph: the first reads).
        assert_eq!(instead(' ', &['\u{632}']), Some(Reads('\u{632}')));
        assert_eq!(
            instead(' ', &['\u{6A9}', '\u{643}']),
            Some(Reads('\u{643}'))
        );
        assert_eq!(instead(' ', &['a']), Some(Reads('a')));
        // Not letters of two scripts, nor a letter and a sign.
        assert_eq!(instead(' ', &['a', '\u{632}']), None);
        assert_eq!(instead(' ', &['a', '-']), None);
        assert_eq!(instead(' ', &['\u{E4D}']), None);
    }

    #[test]
    fn arabic_separators_read_as_drawn() {
        assert_eq!(instead('.', &['\u{66B}']), Some(Writes('\u{66B}')));
        assert_eq!(instead(',', &['\u{66C}']), Some(Writes('\u{66C}')));
        assert_eq!(instead(',', &['\u{60C}']), None);
    }

    #[test]
    fn a_letter_reads_as_drawn_in_its_own_script_only() {
        // A final qaf (a presentation form) named kaf.
        assert_eq!(instead('ك', &['\u{FED6}']), Some(Reads('ق')));
        // A final yeh named as a vowel mark.
        assert_eq!(instead('\u{64B}', &['\u{FEF2}']), Some(Reads('ي')));
        // A yeh's first form, which the Arabic and the Persian yeh share.
        assert_eq!(
            instead('\u{64C}', &['\u{FBFE}', '\u{FEF3}']),
            Some(Reads('ي'))
        );
        // A Latin letter is not read as a Cyrillic one that shares its glyph.
        assert_eq!(instead('A', &['А']), None);
        // Nor a small letter as the capital a title is set in.
        assert_eq!(instead('r', &['R']), None);
    }

    #[test]
    fn the_same_letter_in_another_form_stays() {
        assert_eq!(instead('ب', &['\u{FE91}']), None);
        assert_eq!(instead('\u{E33}', &['\u{E32}']), None);
        assert_eq!(instead('ש', &['\u{FB2A}']), None);
        assert_eq!(instead('a', &['a', 'b']), None);
        assert_eq!(instead('a', &[]), None);
    }
}
