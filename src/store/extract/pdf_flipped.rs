//! Letters whose Unicode map says the other case: some producers write a Type 1 font's
//! `ToUnicode` map with a few capitals as small letters (`N` drawn, `n` mapped), though the
//! font's encoding is a standard one in which each letter's code is the letter. On a page
//! with such a font, a Type 1 glyph's letter takes the case of its code, as PDF viewers read
//! it (`Norway`, not `norway`).

use hayro_interpret::hayro_cmap::{BfString, CMap};
use hayro_interpret::hayro_syntax::object::{Dict, Name, Stream};
use hayro_interpret::hayro_syntax::page::Resources;

/// How many font dictionaries of a page are looked at, at most.
const MAX_FONTS: usize = 256;

/// Whether a page's fonts include a Type 1 font with a standard encoding whose `ToUnicode`
/// map gives a letter's code the other case of that letter.
pub fn has_flipped_letters(resources: &Resources<'_>) -> bool {
    resources
        .fonts
        .keys()
        .take(MAX_FONTS)
        .filter_map(|key| resources.fonts.get::<Dict<'_>>(key.as_ref()))
        .any(|font| flips_letters(&font))
}

/// Whether one font is such a font.
fn flips_letters(font: &Dict<'_>) -> bool {
    let type1 = font
        .get::<Name<'_>>(b"Subtype")
        .is_some_and(|s| matches!(s.as_ref(), b"Type1" | b"MMType1"));
    let standard = |n: &Name<'_>| {
        matches!(
            n.as_ref(),
            b"WinAnsiEncoding" | b"MacRomanEncoding" | b"StandardEncoding"
        )
    };
    let encoded = match font.get::<Name<'_>>(b"Encoding") {
        Some(name) => standard(&name),
        None => font
            .get::<Dict<'_>>(b"Encoding")
            .and_then(|e| e.get::<Name<'_>>(b"BaseEncoding"))
            .is_some_and(|n| standard(&n)),
    };
    if !(type1 && encoded) {
        return false;
    }
    let Some(map) = font
        .get::<Stream<'_>>(b"ToUnicode")
        .and_then(|s| s.decoded_data().ok())
        .and_then(|data| CMap::parse(&data, |_| None))
    else {
        return false;
    };
    (b'A'..=b'Z').chain(b'a'..=b'z').any(|code| {
        let letter = char::from(code);
        matches!(
            map.lookup_bf_string(u32::from(code)),
            Some(BfString::Char(c)) if c != letter && c.eq_ignore_ascii_case(&letter)
        )
    })
}

/// A letter in the case its code says (`N` is 78 in the standard encodings); anything else
/// as it is.
pub fn letter_of_code(unicode: BfString, code: u32) -> BfString {
    let (BfString::Char(c), Ok(code)) = (&unicode, u8::try_from(code)) else {
        return unicode;
    };
    let by_code = char::from(code);
    if c.is_ascii_alphabetic() && c != &by_code && c.eq_ignore_ascii_case(&by_code) {
        BfString::Char(by_code)
    } else {
        unicode
    }
}

#[cfg(test)]
mod tests {
    use super::letter_of_code;
    use hayro_interpret::hayro_cmap::BfString;

    #[test]
    fn a_letter_takes_the_case_of_its_code_and_nothing_else_changes() {
        let case = |u: char, code: u32| match letter_of_code(BfString::Char(u), code) {
            BfString::Char(c) => c,
            BfString::String(_) => '?',
        };
        assert_eq!(case('n', 78), 'N');
        assert_eq!(case('n', 110), 'n');
        assert_eq!(case('x', 78), 'x');
        assert_eq!(case('é', 233), 'é');
        assert_eq!(case('n', 300), 'n');
    }
}
