//! Text for the glyphs of a simple TrueType font whose PDF gives no encoding and whose own
//! character map is a "symbol" table (as word processors embed text fonts): codes above 127
//! (curly quotes, dashes, accented letters) are read as Windows code page 1252, as other PDF
//! readers read them, not as glyphs without text or as the standard encoding's letters
//! (`é` read as `Ø`). And for a simple font with a standard encoding whose /ToUnicode map
//! gives a control character for a code (some producers map digits to U+0018), the
//! encoding's letter, as other PDF readers read it: silently dropped, `27 years` read
//! `7 years`.

use std::collections::{HashMap, HashSet};

use hayro_interpret::font::OutlineGlyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::object::{Dict, Name, Stream};
use hayro_interpret::hayro_syntax::page::Resources;
use skrifa::raw::tables::cmap::PlatformId;
use skrifa::raw::{FontRef, TableProvider as _};

/// Names of fonts whose codes are symbols, not letters: their glyphs keep no text.
const SYMBOL_FAMILIES: [&str; 6] = ["Symbol", "Wingding", "Webding", "Dingbat", "Math", "Extra"];

/// How many font dictionaries and forms a page's resources are searched through, at most.
const MAX_VISITS: usize = 512;

/// The TrueType fonts of one page without an encoding, and which glyph each code from 128 to
/// 255 selects through such a font's own symbol or Macintosh character map (per font
/// program, by its content key; `None` for fonts without such a map).
#[derive(Default)]
pub struct SymbolFonts {
    /// The names (without a subset prefix) of the page's TrueType fonts without /Encoding
    /// (and without /ToUnicode, whose text is the font's word).
    names: HashSet<String>,
    fonts: HashMap<u128, Option<Box<[Option<u32>; 128]>>>,
    /// The names of the page's simple TrueType fonts with a standard encoding (WinAnsi,
    /// MacRoman or Standard, whose codes 33 to 126 are ASCII) and a /ToUnicode map.
    encoded: HashSet<String>,
    /// Whether the page has a Type 1 font with a standard encoding (as the base of its
    /// differences, too) and a /ToUnicode map (a Type 1 glyph does not tell its font's name).
    type1_encoded: bool,
}

/// Calls `visit` with each font dictionary of a page's resources and of the forms it draws
/// (a bounded search).
pub fn each_font<'a>(resources: &Resources<'a>, mut visit: impl FnMut(&Dict<'a>)) {
    let mut visits = 0;
    let mut forms = vec![(resources.fonts.clone(), resources.x_objects.clone())];
    while let Some((fonts, x_objects)) = forms.pop() {
        for key in fonts.keys() {
            visits += 1;
            if visits > MAX_VISITS {
                return;
            }
            if let Some(font) = fonts.get::<Dict<'_>>(key.as_ref()) {
                visit(&font);
            }
        }
        for key in x_objects.keys() {
            visits += 1;
            if visits > MAX_VISITS {
                return;
            }
            let Some(inner) = x_objects
                .get::<Stream<'_>>(key.as_ref())
                .and_then(|form| form.dict().get::<Dict<'_>>(b"Resources"))
            else {
                continue;
            };
            let inner = Resources::new(inner);
            forms.push((inner.fonts, inner.x_objects));
        }
    }
}

impl SymbolFonts {
    /// The fonts of a page's resources and of the forms it draws (a bounded search).
    pub fn new(resources: &Resources<'_>) -> Self {
        let mut names = HashSet::new();
        let mut encoded = HashSet::new();
        let mut type1_encoded = false;
        each_font(resources, |font| {
            let true_type = font
                .get::<Name<'_>>(b"Subtype")
                .is_some_and(|s| s.as_ref() == b"TrueType");
            let Some(name) = font.get::<Name<'_>>(b"BaseFont") else {
                return;
            };
            let name = without_subset_prefix(name.as_str()).to_owned();
            let is_standard = |e: Name<'_>| {
                matches!(
                    e.as_ref(),
                    b"WinAnsiEncoding" | b"MacRomanEncoding" | b"StandardEncoding"
                )
            };
            let standard = font.get::<Name<'_>>(b"Encoding").is_some_and(is_standard)
                || font
                    .get::<Dict<'_>>(b"Encoding")
                    .and_then(|e| e.get::<Name<'_>>(b"BaseEncoding"))
                    .is_some_and(is_standard);
            let type1 = font
                .get::<Name<'_>>(b"Subtype")
                .is_some_and(|s| matches!(s.as_ref(), b"Type1" | b"MMType1"));
            if type1 && standard && font.contains_key(b"ToUnicode") {
                type1_encoded = true;
            }
            if true_type && standard && font.contains_key(b"ToUnicode") {
                encoded.insert(name);
            } else if true_type
                && !font.contains_key(b"Encoding")
                && !font.contains_key(b"ToUnicode")
            {
                names.insert(name);
            }
        });
        Self {
            names,
            fonts: HashMap::new(),
            encoded,
            type1_encoded,
        }
    }

    /// The text of a glyph whose /ToUnicode map gives only control characters, when its
    /// font is a simple font with a standard encoding (a TrueType font named so, or a Type 1
    /// font on a page that has one) and its code is a printable ASCII char (33 to 126):
    /// that char.
    pub fn instead_of_control(
        &self,
        glyph: &OutlineGlyph,
        unicode: Option<&BfString>,
    ) -> Option<BfString> {
        let control = |c: char| c.is_control() && !c.is_whitespace();
        let mapped_to_control = match unicode? {
            BfString::Char(c) => control(*c),
            BfString::String(s) => !s.is_empty() && s.chars().all(control),
        };
        if !mapped_to_control {
            return None;
        }
        let code = u8::try_from(glyph.char_code())
            .ok()
            .filter(|c| (33..=126).contains(c))?;
        let simple = match glyph.font_data() {
            Some(data) => self.encoded.contains(data.postscript_name.as_deref()?),
            // (Only a Type 1 font's glyph gives no font data.)
            None => self.type1_encoded,
        };
        simple.then_some(BfString::Char(char::from(code)))
    }

    /// The text of a glyph of a TrueType font without an encoding, when the glyph is a code
    /// from 128 to 255 that the font's own symbol map selects (a code of a simple font, not
    /// of a composite one) and the font is not a symbol font.
    pub fn text(&mut self, glyph: &OutlineGlyph) -> Option<BfString> {
        if self.names.is_empty() {
            return None;
        }
        let code = u8::try_from(glyph.char_code()).ok().filter(|c| *c >= 128)?;
        let data = glyph.font_data()?;
        if !self.names.contains(data.postscript_name.as_deref()?) {
            return None;
        }
        let codes = self.fonts.entry(data.cache_key).or_insert_with(|| {
            let name = data.postscript_name.as_deref().unwrap_or("");
            if SYMBOL_FAMILIES.iter().any(|f| name.contains(f)) {
                return None;
            }
            symbol_codes((*data.data).as_ref())
        });
        let selects = codes.as_ref()?[usize::from(code - 128)];
        if selects != Some(glyph.glyph_id().to_u32()) {
            return None;
        }
        windows_1252(code).map(BfString::Char)
    }
}

/// The glyph each code from 128 to 255 selects through the font's Windows symbol map (at
/// the code, or the code moved into the private-use rows symbol fonts use) or its Macintosh
/// map, the way a simple TrueType font without an encoding is drawn.
fn symbol_codes(data: &[u8]) -> Option<Box<[Option<u32>; 128]>> {
    let font = FontRef::new(data).ok()?;
    let cmap = font.cmap().ok()?;
    let tables: Vec<_> = cmap
        .encoding_records()
        .iter()
        .filter(|r| {
            r.is_symbol() || (r.platform_id() == PlatformId::Macintosh && r.encoding_id() == 0)
        })
        .filter_map(|r| {
            let table = r.subtable(cmap.offset_data()).ok()?;
            Some((r.is_symbol(), table))
        })
        .collect();
    if tables.is_empty() {
        return None;
    }
    let mut codes = Box::new([None; 128]);
    for (code, slot) in (128u32..).zip(codes.iter_mut()) {
        *slot = tables.iter().find_map(|(symbol, table)| {
            let offsets: &[u32] = if *symbol {
                &[0, 0xF000, 0xF100, 0xF200]
            } else {
                &[0]
            };
            offsets
                .iter()
                .find_map(|o| table.map_codepoint(code + o).filter(|g| g.to_u32() != 0))
                .map(|g| g.to_u32())
        });
    }
    Some(codes)
}

/// A font's name without the six capitals and `+` that mark a subset (`ABCDEF+Times`).
pub fn without_subset_prefix(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// The character code page 1252 gives a code from 128 to 255, if it gives one.
fn windows_1252(code: u8) -> Option<char> {
    let byte = [code];
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
    text.chars().next().filter(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::windows_1252;

    #[test]
    fn code_page_1252_gives_quotes_and_dashes_and_no_controls() {
        assert_eq!(windows_1252(0x91), Some('\u{2018}'));
        assert_eq!(windows_1252(0x94), Some('\u{201D}'));
        assert_eq!(windows_1252(0x97), Some('\u{2014}'));
        assert_eq!(windows_1252(0xA7), Some('§'));
        assert_eq!(windows_1252(0xE9), Some('é'));
        assert_eq!(windows_1252(0x81), None);
    }
}
