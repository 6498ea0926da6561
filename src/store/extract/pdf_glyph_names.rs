//! Letters a glyph's own name spells, where the /ToUnicode map gives a Latin letter or a sign
//! for a glyph of another script. macOS's PDF writer (Safari's "Save as PDF") maps the
//! Arabic ligatures it has no one char for to their codes in the font, read as Latin-1:
//! `ا'ادة` for `المادة` (the glyph `u0644_u0645.initial.lamMeem` mapped to `'`), `ا9` for
//! `الله`, `بM` for `بين`. The font program names each glyph by the chars it draws
//! (`uXXXX` or `uniXXXX`, joined by `_` for a ligature, after the Adobe Glyph List's
//! rules), so such a glyph reads as its name spells. So does a glyph the map names with a
//! private-use code (`U+E821`), when its name spells letters or names a vowel mark
//! (`dammalow`).

use std::collections::HashMap;

use hayro_interpret::font::OutlineGlyph;
use hayro_interpret::hayro_cmap::BfString;
use skrifa::GlyphNames;
use skrifa::raw::FontRef;
use unicode_script::{Script, UnicodeScript as _};

/// The glyphs already looked at: per font program (by its content key), glyph and the char
/// its map gives, the letters its name spells where they replace that char.
#[derive(Default)]
pub struct NamedGlyphs {
    read: HashMap<(u128, u32, char), Option<String>>,
}

impl NamedGlyphs {
    /// The letters a glyph draws, by its name, when its map gives one Latin or common char
    /// and its name spells letters of another script.
    pub fn letters(&mut self, glyph: &OutlineGlyph, unicode: Option<&BfString>) -> Option<String> {
        let named = match unicode? {
            BfString::Char(c) => *c,
            BfString::String(_) => return None,
        };
        let private = ('\u{E000}'..='\u{F8FF}').contains(&named);
        if named.is_whitespace()
            || !(private || matches!(named.script(), Script::Latin | Script::Common))
        {
            return None;
        }
        let data = glyph.font_data()?;
        let id = glyph.glyph_id();
        self.read
            .entry((data.cache_key, id.to_u32(), named))
            .or_insert_with(|| {
                let font = FontRef::new((*data.data).as_ref()).ok()?;
                let name = GlyphNames::new(&font).get(skrifa::GlyphId::new(id.to_u32()))?;
                let spelt = spelled(name.as_str()).or_else(|| {
                    private
                        .then(|| mark_named(name.as_str()).map(String::from))
                        .flatten()
                });
                spelt.filter(|letters| of_another_script(letters))
            })
            .clone()
    }
}

/// The chars a glyph name spells after the Adobe Glyph List's rules for `uniXXXX` (one or
/// more groups of four hex digits) and `uXXXX` to `uXXXXXX`, its parts joined by `_` and
/// anything after a `.` left out (`u0644_u0645.initial.lamMeem` spells `لم`). `None` if any
/// part is not such a name.
pub fn spelled(name: &str) -> Option<String> {
    let base = name.split('.').next()?;
    if base.is_empty() {
        return None;
    }
    let mut letters = String::new();
    for part in base.split('_') {
        if let Some(hex) = part.strip_prefix("uni") {
            if hex.is_empty() || hex.len() % 4 != 0 {
                return None;
            }
            for at in (0..hex.len()).step_by(4) {
                letters.push(char_of(hex.get(at..at + 4)?)?);
            }
        } else if let Some(hex) = part.strip_prefix('u')
            && (4..=6).contains(&hex.len())
        {
            letters.push(char_of(hex)?);
        } else {
            return None;
        }
    }
    Some(letters)
}

/// Arabic vowel marks by the names fonts give their glyphs (the Adobe Glyph List's
/// `dammaarabic`, or `damma` with a variant's word: `dammalow`).
const MARK_NAMES: [(&str, char); 8] = [
    ("fathatan", '\u{64B}'),
    ("dammatan", '\u{64C}'),
    ("kasratan", '\u{64D}'),
    ("fatha", '\u{64E}'),
    ("damma", '\u{64F}'),
    ("kasra", '\u{650}'),
    ("shadda", '\u{651}'),
    ("sukun", '\u{652}'),
];

/// The Arabic vowel mark a glyph's name names, if it names one (`dammalow`: `ُ`).
pub fn mark_named(name: &str) -> Option<char> {
    let base = name.split('.').next()?;
    MARK_NAMES.iter().find_map(|&(mark, c)| {
        let rest = base.strip_prefix(mark)?;
        matches!(rest, "" | "arabic" | "low" | "high" | "small" | "alt").then_some(c)
    })
}

/// The char of a code point written in hex digits.
fn char_of(hex: &str) -> Option<char> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// Whether letters are letters and marks of a script other than Latin, with at least one
/// letter or mark and no sign, digit or Latin letter among them.
fn of_another_script(letters: &str) -> bool {
    !letters.is_empty()
        && letters
            .chars()
            .all(|c| c.is_alphabetic() && !matches!(c.script(), Script::Latin | Script::Common))
}

#[cfg(test)]
mod tests {
    use super::{mark_named, of_another_script, spelled};

    #[test]
    fn a_ligatures_name_spells_its_letters() {
        assert_eq!(
            spelled("u0644_u0645.initial.lamMeem").as_deref(),
            Some("\u{644}\u{645}")
        );
        assert_eq!(
            spelled("u0644_u0644_u0647.lamLamHeh").as_deref(),
            Some("\u{644}\u{644}\u{647}")
        );
        assert_eq!(spelled("uni06440627").as_deref(), Some("\u{644}\u{627}"));
        assert_eq!(
            spelled("uni0644_uni0627.fina").as_deref(),
            Some("\u{644}\u{627}")
        );
        assert_eq!(spelled("u1D400").as_deref(), Some("\u{1D400}"));
    }

    #[test]
    fn a_vowel_marks_name_names_it() {
        assert_eq!(mark_named("dammalow"), Some('\u{64F}'));
        assert_eq!(mark_named("fathatanlow"), Some('\u{64B}'));
        assert_eq!(mark_named("kasraarabic"), Some('\u{650}'));
        assert_eq!(mark_named("shadda.alt"), Some('\u{651}'));
        assert_eq!(mark_named("dammas"), None);
        assert_eq!(mark_named("fathom"), None);
    }

    #[test]
    fn other_names_spell_nothing() {
        for name in [
            "a", "f_i", "lam", "uni064", "u06", "gid12", ".notdef", "uniXYZW", "",
        ] {
            assert_eq!(spelled(name), None, "{name}");
        }
    }

    #[test]
    fn only_another_scripts_letters_replace_the_maps_char() {
        assert!(of_another_script("\u{644}\u{645}"));
        // Shadda with fatha: marks only.
        assert!(of_another_script("\u{64E}\u{651}"));
        assert!(of_another_script("\u{5E9}"));
        assert!(!of_another_script("fi"));
        assert!(!of_another_script("\u{663}"));
        assert!(!of_another_script(""));
    }
}
