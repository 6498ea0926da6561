//! The pieces of TeX's maths extension font as some typesetting systems convert it
//! (`TeXCMMathsExtension`, in Wiley's and Hindawi's journals): big brackets, radicals, sums
//! and products, drawn under the names of the letters whose codes they stand at in TeX's
//! own font (`t` for a radical's foot, `Y` for a product sign) or of the control characters
//! the converter moved them to, with a Unicode map that says those letters, so other
//! readers show `vffiffiffiffi` for `√`. Each piece reads as the sign it draws, once for a
//! sign built of pieces (a radical reads at its foot, on the line of what it roots; a tall
//! brace at its middle), or as nothing (a radical's bar, a tall bracket's other pieces).

/// Whether a font (by its PostScript name, with or without its prefixes) is such a
/// converted extension font.
pub fn is_extension_font(name: &str) -> bool {
    name.contains("TeXCMMathsExtension")
}

/// Whether a font (by its PostScript name, with or without its subset prefix) is TeX's own
/// maths extension font or one made like it (`CMEX10`, `txex`), whose big signs hang from
/// their origins and which names them as they are.
pub fn is_tex_extension_font(name: &str) -> bool {
    let name = super::pdf_symbolic::without_subset_prefix(name).to_ascii_lowercase();
    ["cmex", "txex", "pxex", "ntxex"]
        .iter()
        .any(|family| name.starts_with(family))
}

/// Whether `c` is a large operator a formula sets beside its operand (`∑`, `∫`): drawn from
/// an extension font's top down, it stands on the line its middle is on.
pub fn is_large_operator(c: char) -> bool {
    matches!(
        c,
        '∑' | '∏'
            | '∐'
            | '∫'
            | '∬'
            | '∭'
            | '∮'
            | '⋃'
            | '⋂'
            | '⊎'
            | '⋀'
            | '⋁'
            | '⨀'
            | '⨁'
            | '⨂'
            | '⨄'
            | '⨆'
    )
}

/// What a glyph of such a font, which its font maps to `c`, reads as: a sign, or nothing
/// (`None`). Any other char is the converter's own piece: the bar over a radical's root.
pub fn piece(c: char) -> Option<char> {
    let code = u32::from(c);
    if code >= 0x80 {
        return None;
    }
    // TeX's maths extension font, code by code: its delimiters in four sizes, then the
    // pieces of tall ones, then its large operators, then radicals.
    let signs: [(u32, u32, &str); 8] = [
        (0x00, 0x0f, "()[]⌊⌋⌈⌉{}⟨⟩|‖/\\"),
        (0x10, 0x1f, "()()[]⌊⌋⌈⌉{}⟨⟩/\\"),
        (0x20, 0x2f, "()[]⌊⌋⌈⌉{}⟨⟩/\\/\\"),
        // Tall brackets' pieces: a square bracket's or parenthesis's foot reads as the
        // bracket, a brace's middle as the brace, the rest as nothing.
        (0x30, 0x3f, "    []      {}  "),
        (0x40, 0x4f, "()  ⟨⟩⊔⊔∮∮⊙⊙⊕⊕⊗⊗"),
        (0x50, 0x5f, "∑∏∫⋃⋂⊎⋀⋁∑∏∫⋃⋂⊎⋀⋁"),
        (0x60, 0x6f, "∐∐      []⌊⌋⌈⌉{}"),
        (0x70, 0x7f, "√√√√√           "),
    ];
    let (from, _, row) = signs.iter().find(|(a, b, _)| (*a..=*b).contains(&code))?;
    let sign = row.chars().nth(usize::try_from(code - from).ok()?)?;
    (sign != ' ').then_some(sign)
}

#[cfg(test)]
mod tests {
    use super::{is_extension_font, is_tex_extension_font, piece};

    #[test]
    fn pieces_read_as_the_signs_they_build() {
        assert!(is_extension_font("SwcrrqTeXCMMathsExtension"));
        assert!(!is_extension_font("JjlrbvTeXCMMathsSymbols"));
        assert!(is_tex_extension_font("IXNPPI+CMEX10"));
        assert!(is_tex_extension_font("txex"));
        assert!(!is_tex_extension_font("ABCDEF+CMMI10"));
        // A radical's foot, its upright and its top; a product sign; a big parenthesis
        // moved to a control character's code; the bar over a root.
        assert_eq!(piece('t'), Some('√'));
        assert_eq!(piece('u'), None);
        assert_eq!(piece('v'), None);
        assert_eq!(piece('Y'), Some('∏'));
        assert_eq!(piece('\u{12}'), Some('('));
        assert_eq!(piece('!'), Some(')'));
        assert_eq!(piece('\u{FB03}'), None);
        // A tall brace's top, middle and foot.
        assert_eq!(piece('8'), None);
        assert_eq!(piece('<'), Some('{'));
        assert_eq!(piece(':'), None);
    }
}
