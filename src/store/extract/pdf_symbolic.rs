//! Text for the glyphs of a simple TrueType font whose PDF gives no encoding and whose own
//! character map is a "symbol" table (as word processors embed text fonts): codes above 127
//! (curly quotes, dashes, accented letters) are read as Windows code page 1252, as other PDF
//! readers read them, not as glyphs without text or as the standard encoding's letters
//! (`é` read as `Ø`).

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
        each_font(resources, |font| {
            let true_type = font
                .get::<Name<'_>>(b"Subtype")
                .is_some_and(|s| s.as_ref() == b"TrueType");
            if true_type
                && !font.contains_key(b"Encoding")
                && !font.contains_key(b"ToUnicode")
                && let Some(name) = font.get::<Name<'_>>(b"BaseFont")
            {
                names.insert(without_subset_prefix(name.as_str()).to_owned());
            }
        });
        Self {
            names,
            fonts: HashMap::new(),
        }
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
