//! Pages whose text reads as accented Latin letters and signs in words no language writes
//! (`ÌÈ˜¯Ù‰ ÌÈ¯˘Ú`): the PDF's fonts name another script's letters (Hebrew, Arabic, Greek)
//! by the codes of an old 8-bit encoding, and say nothing truer, so the text is not what
//! the page shows. The reader is told, never shown such text as if it were right.

use std::collections::BTreeMap;

use crate::core::source::CharBox;

/// The fewest such chars on a page for it to be told.
const LEAST: usize = 20;
/// The share of a page's letters and signs that must be such chars: accented letters are a
/// few in a hundred of any language's letters.
const SHARE: f32 = 0.4;

/// Whether a char is one an 8-bit encoding's upper half reads as in Windows-1252: a Latin-1
/// letter or sign, or one of the signs of codes 0x80–0x9F (`‰`, `˜`, `„`, `‡`).
fn upper_half(c: char) -> bool {
    matches!(c, '\u{A1}'..='\u{FF}')
        || matches!(
            c,
            '€' | '‚'
                | 'ƒ'
                | '„'
                | '…'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '•'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
                | '˙'
                | '˘'
        )
}

/// The pages (by number) most of whose letters read as such chars, with how many each has.
pub fn garbled_pages(text: &str, boxes: &[Option<CharBox>]) -> Vec<(u32, usize)> {
    // Per page: such chars, and all letters and such chars.
    let mut counts: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    for (c, b) in text.chars().zip(boxes) {
        let Some(b) = b else { continue };
        let odd = upper_half(c);
        if odd || c.is_alphabetic() {
            let e = counts.entry(b.page).or_default();
            e.0 += usize::from(odd);
            e.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (odd, all))| odd >= LEAST && odd as f32 >= SHARE * all as f32)
        .map(|(page, (odd, _))| (page, odd))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::garbled_pages;
    use crate::core::source::CharBox;

    fn on_page(text: &str, page: u32) -> Vec<Option<CharBox>> {
        text.chars()
            .map(|_| {
                Some(CharBox {
                    page,
                    rect: [0.0; 4],
                })
            })
            .collect()
    }

    #[test]
    fn hebrew_named_by_an_old_encoding_is_told_and_accented_languages_are_not() {
        let hebrew = "ÌÈ˜¯Ù‰ ÌÈ¯˘Ú ˙‡ Â„ÓÏ˘ È¯Á‡Ï ,ÈÎ ,ÂÊ ‰˘Ï ÍÈÈ˘‰ ˜¯Ù‰ ‡Â‰˘";
        assert_eq!(garbled_pages(hebrew, &on_page(hebrew, 3)), [(3, 43)]);
        let french = "Le gouvernement a annoncé que le taux de chômage a baissé à 4,2 % en juin, d'après l'Insee, qui publiait jeudi ses données définitives.";
        assert!(garbled_pages(french, &on_page(french, 1)).is_empty());
        let german = "Die Regierung gab bekannt, dass die Arbeitslosenquote im Juni auf 4,2 % gesunken ist; für Männer und Frauen gleichermaßen, heißt es.";
        assert!(garbled_pages(german, &on_page(german, 1)).is_empty());
    }
}
