//! Glyphs a simple font's `ToUnicode` map leaves out, whose encoding names them with a name
//! the Adobe Glyph List does not know: TeX's text companion font (TS1) names its low tilde
//! `tildelow`, and pdfTeX's maps leave it out, so `~100k queries` would read `�100k
//! queries`. Such a glyph reads as the char its name stands for, where every font of the
//! page that leaves its code out of its map names it the same.

use std::collections::HashMap;

use hayro_interpret::hayro_cmap::CMap;
use hayro_interpret::hayro_syntax::object::{Dict, Name, Stream};
use hayro_interpret::hayro_syntax::page::Resources;

/// How many font dictionaries of a page are looked at, at most.
const MAX_FONTS: usize = 256;

/// The char a glyph name outside the Adobe Glyph List stands for, for the names TeX's
/// fonts use.
fn char_of_name(name: &str) -> Option<char> {
    Some(match name {
        "tildelow" => '~',
        "visiblespace" => '␣',
        "angbracketleft" => '⟨',
        "angbracketright" => '⟩',
        "dblbracketleft" => '⟦',
        "dblbracketright" => '⟧',
        "bardbl" => '‖',
        "centigrade" => '℃',
        "Germandbls" => 'ẞ',
        _ => return None,
    })
}

/// The codes of a page's simple fonts left out of their maps, with the chars their names
/// stand for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct UnlistedNames {
    codes: HashMap<u8, char>,
}

impl UnlistedNames {
    /// The codes of a page's fonts left out of their maps that name such glyphs.
    pub fn new(resources: &Resources<'_>) -> Self {
        let mut seen: HashMap<u8, Vec<Option<char>>> = HashMap::new();
        for font in resources
            .fonts
            .keys()
            .take(MAX_FONTS)
            .filter_map(|key| resources.fonts.get::<Dict<'_>>(key.as_ref()))
        {
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
            if !simple {
                continue;
            }
            for (code, name) in super::pdf_ligatures::differences(&font) {
                if map.lookup_bf_string(u32::from(code)).is_none() {
                    seen.entry(code).or_default().push(char_of_name(&name));
                }
            }
        }
        let codes = seen
            .into_iter()
            .filter_map(|(code, chars)| {
                let c = (*chars.first()?)?;
                chars.iter().all(|o| *o == Some(c)).then_some((code, c))
            })
            .collect();
        Self { codes }
    }

    /// The char a glyph left out of its font's map stands for, by its code.
    pub fn char_of(&self, code: u32) -> Option<char> {
        self.codes.get(&u8::try_from(code).ok()?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::char_of_name;

    #[test]
    fn names_outside_the_glyph_list_stand_for_their_chars() {
        assert_eq!(char_of_name("tildelow"), Some('~'));
        assert_eq!(char_of_name("angbracketleft"), Some('⟨'));
        assert_eq!(char_of_name("tilde"), None);
        assert_eq!(char_of_name("uni0041"), None);
    }
}
