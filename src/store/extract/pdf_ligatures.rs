//! Ligatures whose Unicode map keeps only their last letter, or only their first: some
//! producers write a simple font's `ToUnicode` map with the glyph its encoding names `fi`
//! (or `fl`, `ffi`, `T_h`) mapped to `i` (`l`, `i`, `h`), so every extractor reads
//! `deinition`, `Paciic` and `his report` where the page prints `definition`, `Pacific` and
//! `This report`; others (the US Reports' preliminary prints) map `fi` and `fl` to `f`,
//! read `fled`, `fnal` and `affrmed` for `filed`, `final` and `affirmed`. On a page with
//! such a font, the glyph of such a code reads as the letters its name spells, where no
//! other font of the page gives that code the same text for a glyph of another name.

use std::collections::HashMap;

use hayro_interpret::hayro_cmap::{BfString, CMap};
use hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Object, Stream};
use hayro_interpret::hayro_syntax::page::Resources;

/// How many font dictionaries of a page are looked at, at most.
const MAX_FONTS: usize = 256;
/// How many entries of an encoding's differences are read, at most.
const MAX_DIFFERENCES: usize = 512;

/// The codes of a page whose glyphs are ligatures mapped to their last or first letter,
/// with the letter they are mapped to: the letters each draws.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Ligatures {
    codes: HashMap<(u8, char), String>,
}

impl Ligatures {
    /// The ligatures of a page's fonts.
    pub fn new(resources: &Resources<'_>) -> Self {
        // For each code and the letter a font's map gives it: the ligature each such font
        // draws there, if it is one mapped to its last or first letter.
        let mut seen: HashMap<(u8, char), Vec<Option<String>>> = HashMap::new();
        for font in resources
            .fonts
            .keys()
            .take(MAX_FONTS)
            .filter_map(|key| resources.fonts.get::<Dict<'_>>(key.as_ref()))
        {
            // (A composite font's codes count too: one that gives a code the same text for
            // another glyph keeps that code from being read as a ligature.)
            let simple = font
                .get::<Name<'_>>(b"Subtype")
                .is_some_and(|s| matches!(s.as_ref(), b"Type1" | b"MMType1" | b"TrueType"));
            let Some(map) = font
                .get::<Stream<'_>>(b"ToUnicode")
                .and_then(|s| s.decoded_data().ok())
                .and_then(|data| CMap::parse(&data, |_| None))
            else {
                continue;
            };
            let names = if simple {
                differences(&font)
            } else {
                HashMap::new()
            };
            for code in 0..=u8::MAX {
                let text = match map.lookup_bf_string(u32::from(code)) {
                    Some(BfString::Char(c)) => Some(c),
                    _ => None,
                };
                let ligature = names
                    .get(&code)
                    .and_then(|name| ligature_letters(name))
                    .filter(|letters| {
                        text.is_some_and(|t| {
                            letters.len() > 1 && (letters.ends_with(t) || letters.starts_with(t))
                        })
                    });
                if let Some(text) = text {
                    seen.entry((code, text)).or_default().push(ligature);
                }
            }
        }
        // Every font that maps the code to this letter draws this ligature there.
        let codes = seen
            .into_iter()
            .filter_map(|(key, fonts)| {
                let letters = fonts.first()?.clone()?;
                fonts
                    .iter()
                    .all(|l| l.as_deref() == Some(letters.as_str()))
                    .then_some((key, letters))
            })
            .collect();
        Self { codes }
    }

    /// The letters a glyph of a simple font draws, where its code is such a ligature and its
    /// map gave `text`.
    pub fn letters(&self, code: u32, text: &BfString) -> Option<&str> {
        let BfString::Char(c) = text else {
            return None;
        };
        self.codes
            .get(&(u8::try_from(code).ok()?, *c))
            .map(String::as_str)
    }

    /// Whether the page has none.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// The glyph names a simple font's encoding gives codes in its differences.
pub(super) fn differences(font: &Dict<'_>) -> HashMap<u8, String> {
    let mut out = HashMap::new();
    let Some(array) = font
        .get::<Dict<'_>>(b"Encoding")
        .and_then(|e| e.get::<Array<'_>>(b"Differences"))
    else {
        return out;
    };
    let mut code: Option<i64> = None;
    for object in array.iter::<Object<'_>>().take(MAX_DIFFERENCES) {
        match object {
            Object::Number(n) => code = Some(n.as_i64()),
            Object::Name(name) => {
                if let Some(c) = code {
                    if let Ok(c) = u8::try_from(c) {
                        out.insert(c, name.as_str().to_owned());
                    }
                    code = Some(c + 1);
                }
            }
            _ => {}
        }
    }
    out
}

/// The letters a ligature's glyph name spells (`fi`, `ffl`, `f_f_i`, `T_h`, `s_t`), if it
/// names a ligature of letters.
fn ligature_letters(name: &str) -> Option<String> {
    let letters: String = match name {
        "fi" | "fl" | "ff" | "ffi" | "ffl" => name.to_owned(),
        _ if name.contains('_') => name.split('_').collect(),
        _ => return None,
    };
    (letters.chars().count() >= 2 && letters.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::ligature_letters;

    #[test]
    fn ligature_names_spell_their_letters() {
        assert_eq!(ligature_letters("fi").as_deref(), Some("fi"));
        assert_eq!(ligature_letters("ffl").as_deref(), Some("ffl"));
        assert_eq!(ligature_letters("T_h").as_deref(), Some("Th"));
        assert_eq!(ligature_letters("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(ligature_letters("a"), None);
        assert_eq!(ligature_letters("uni00A0"), None);
        assert_eq!(ligature_letters("one_two3"), None);
    }
}
