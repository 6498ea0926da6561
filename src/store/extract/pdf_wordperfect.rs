//! The chars of WordPerfect's typographic symbols font (`WP TypographicSymbols`), which
//! court opinions written in WordPerfect embed for their curly quotes, dashes, bullets and
//! section signs: the font names its glyphs by ASCII letters (`A` for `“`, `@` for `”`, `B`
//! for `–`), so a reader that trusts the encoding prints `AYes,@ he said B twice`.

/// WordPerfect's character set 4 (typographic symbols) in order, as the font places it from
/// code 0x21 (`!`) on.
const TYPOGRAPHIC: [char; 94] = [
    '●', '○', '■', '•', '*', '¶', '§', '¡', '¿', '«', '»', '£', '¥', '₧', 'ƒ', 'ª', 'º', '½', '¼',
    '¢', '²', 'ⁿ', '®', '©', '¤', '¾', '³', '‛', '’', '‘', '‟', '”', '“', '–', '—', '‹', '›', '○',
    '□', '†', '‡', '™', '℠', '℞', '●', '◦', '■', '▪', '□', '▫', '‒', 'ﬀ', 'ﬃ', 'ﬄ', 'ﬁ', 'ﬂ', '…',
    '$', '₣', '₢', '₠', '₤', '‚', '„', '⅓', '⅔', '⅛', '⅜', '⅝', '⅞', 'Ⓜ', 'Ⓟ', '€', '℅', '℆', '‰',
    '№', '—', '¹', '␉', '␌', '␍', '␊', '␤', '␋', '♼', '₩', '₦', '₨', ' ', ' ', ' ', ' ', ' ',
];

/// Whether a font's PostScript name (without its subset prefix) is WordPerfect's
/// typographic symbols font.
pub fn is_typographic_font(name: &str) -> bool {
    let name = name.rsplit('+').next().unwrap_or(name);
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .eq("wptypographicsymbols".chars())
}

/// The symbol WordPerfect's typographic font draws for the char its encoding gives (the code
/// itself, or the code in the private-use row symbol fonts are mapped to, `\u{F042}`).
pub fn typographic_symbol(c: char) -> Option<char> {
    let code = match u32::from(c) {
        n @ 0xF021..=0xF07E => n - 0xF000,
        n @ 0x21..=0x7E => n,
        _ => return None,
    };
    TYPOGRAPHIC
        .get((code - 0x21) as usize)
        .copied()
        .filter(|s| *s != ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_letters_read_as_the_quotes_and_dashes_they_draw() {
        assert_eq!(typographic_symbol('A'), Some('“'));
        assert_eq!(typographic_symbol('@'), Some('”'));
        assert_eq!(typographic_symbol('B'), Some('–'));
        assert_eq!(typographic_symbol('C'), Some('—'));
        assert_eq!(typographic_symbol('\u{F027}'), Some('§'));
        assert_eq!(typographic_symbol('!'), Some('●'));
        assert_eq!(typographic_symbol('é'), None);
        assert!(is_typographic_font("HFGNNN+WPTypographicSymbols"));
        assert!(is_typographic_font("WP-TypographicSymbols"));
        assert!(!is_typographic_font("Symbol"));
    }
}
