//! Offset units at the edges. factmark counts code points of the normalized text (LF line
//! ends, no BOM); other tools count UTF-16 code units (JavaScript, Java), count a CRLF as two
//! characters, or count a BOM as one. [`OffsetMap`] converts between factmark's offsets and
//! any such [`Reading`] in O(log n), and lists the readings an importer should try.

use crate::core::text::Text;

/// The unit offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum OffsetUnit {
    /// Unicode code points (Rust `char`, Python `str`): W3C, brat, doccano, spaCy.
    #[default]
    CodePoints,
    /// UTF-16 code units (JavaScript and Java strings): Hypothesis, INCEpTION, Label Studio.
    Utf16,
}

impl OffsetUnit {
    /// The stable CLI name.
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::CodePoints => "codepoints",
            OffsetUnit::Utf16 => "utf16",
        }
    }
}

/// How line ends are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Newlines {
    /// Every line end is one character (factmark, brat's server, Python universal newlines).
    Normalized,
    /// As in the document file: CRLF is two characters, LF and a lone CR one.
    AsInFile,
    /// Every line end is two characters, as in a copy of the document saved with CRLF.
    AllCrlf,
}

/// One way another tool may have counted offsets into a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    /// The unit.
    pub unit: OffsetUnit,
    /// How line ends count.
    pub newlines: Newlines,
    /// Whether a byte order mark at the start counts as one character.
    pub bom: bool,
}

impl Reading {
    /// factmark's own reading: code points of the normalized text.
    pub const CODE_POINTS: Reading = Reading {
        unit: OffsetUnit::CodePoints,
        newlines: Newlines::Normalized,
        bom: false,
    };

    /// UTF-16 code units of the normalized text.
    pub const UTF16: Reading = Reading {
        unit: OffsetUnit::Utf16,
        newlines: Newlines::Normalized,
        bom: false,
    };

    /// In words, for reports: "UTF-16 code units, CRLF counted as two".
    pub fn describe(&self) -> String {
        let mut s = match self.unit {
            OffsetUnit::CodePoints => "code points".to_owned(),
            OffsetUnit::Utf16 => "UTF-16 code units".to_owned(),
        };
        match self.newlines {
            Newlines::Normalized => {}
            Newlines::AsInFile => s.push_str(", line ends counted as in the file (CRLF as two)"),
            Newlines::AllCrlf => s.push_str(", every line end counted as two (CRLF)"),
        }
        if self.bom {
            s.push_str(", the byte order mark counted as one");
        }
        s
    }
}

/// Where other units count differently from code points of a normalized text.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    chars: usize,
    /// Offsets of chars outside the Basic Multilingual Plane (two UTF-16 units).
    astral: Vec<usize>,
    /// Offsets of line feeds.
    newlines: Vec<usize>,
    /// Offsets of line feeds that were CRLF in the document file.
    crlf: Vec<usize>,
    /// Whether the document file started with a byte order mark.
    bom: bool,
}

impl OffsetMap {
    /// The map of a normalized text alone.
    pub fn new(text: &Text) -> Self {
        let mut astral = Vec::new();
        let mut newlines = Vec::new();
        for (i, c) in text.as_str().chars().enumerate() {
            if c.len_utf16() == 2 {
                astral.push(i);
            } else if c == '\n' {
                newlines.push(i);
            }
        }
        Self {
            chars: text.char_count(),
            astral,
            newlines,
            crlf: Vec::new(),
            bom: false,
        }
    }

    /// The map of a normalized text and of the file it was read from (`file` decoded as UTF-8,
    /// before its BOM was stripped and its line ends normalized). A file that does not
    /// normalize to `text` is ignored.
    pub fn with_file(text: &Text, file: &str) -> Self {
        let mut map = Self::new(text);
        let (body, bom) = match file.strip_prefix('\u{feff}') {
            Some(rest) => (rest, true),
            None => (file, false),
        };
        if Text::from_str_normalized(body).sha256() != text.sha256() {
            return map;
        }
        map.bom = bom;
        let mut pos = 0;
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                map.crlf.push(pos);
            }
            pos += 1;
        }
        map
    }

    /// Length of the text in code points.
    pub fn char_count(&self) -> usize {
        self.chars
    }

    /// The offset, in `reading`, of code point offset `pos` (clamped to the text).
    pub fn to_unit(&self, reading: Reading, pos: usize) -> usize {
        let pos = pos.min(self.chars);
        let mut unit = pos;
        if reading.unit == OffsetUnit::Utf16 {
            unit += count_below(&self.astral, pos);
        }
        unit += match reading.newlines {
            Newlines::Normalized => 0,
            Newlines::AsInFile => count_below(&self.crlf, pos),
            Newlines::AllCrlf => count_below(&self.newlines, pos),
        };
        unit + usize::from(reading.bom)
    }

    /// The code point offset of `unit` in `reading`, if `unit` falls between two characters
    /// of the text (not inside a surrogate pair or a CRLF, not before a BOM, not past the end).
    pub fn from_unit(&self, reading: Reading, unit: usize) -> Option<usize> {
        // to_unit is strictly increasing in pos: find the first pos whose unit is >= unit.
        let (mut lo, mut hi) = (0, self.chars + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.to_unit(reading, mid) < unit {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo <= self.chars && self.to_unit(reading, lo) == unit).then_some(lo)
    }

    /// The distinct readings worth trying for this text, most likely first: code points before
    /// UTF-16 units, normalized line ends before CRLF, no BOM before a BOM. Readings that give
    /// the same offsets as an earlier one for this text are left out.
    pub fn readings(&self) -> Vec<Reading> {
        let units: &[OffsetUnit] = if self.astral.is_empty() {
            &[OffsetUnit::CodePoints]
        } else {
            &[OffsetUnit::CodePoints, OffsetUnit::Utf16]
        };
        let mut newlines = vec![Newlines::Normalized];
        if !self.crlf.is_empty() {
            newlines.push(Newlines::AsInFile);
        }
        if !self.newlines.is_empty() && self.crlf.len() != self.newlines.len() {
            newlines.push(Newlines::AllCrlf);
        }
        let boms: &[bool] = if self.bom { &[false, true] } else { &[false] };
        let mut out = Vec::new();
        for &bom in boms {
            for &unit in units {
                for &nl in &newlines {
                    out.push(Reading {
                        unit,
                        newlines: nl,
                        bom,
                    });
                }
            }
        }
        out
    }
}

/// How many of the sorted offsets are below `pos`.
fn count_below(sorted: &[usize], pos: usize) -> usize {
    sorted.partition_point(|&p| p < pos)
}

/// UTF-16 offset of code point offset `pos` in `s` (for one-off conversions).
pub fn utf16_of(s: &str, pos: usize) -> usize {
    s.chars().take(pos).map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str =
        "📉 On 3 May 2024, Minister Jane Doe said: \"Crime fell by 20% last year.\"\n";

    #[test]
    fn reference_table_of_units() {
        // formats-and-peers.md §2: code points and UTF-16 units of the sample spans.
        let t = Text::from_str_normalized(SAMPLE);
        let m = OffsetMap::new(&t);
        for (cp, u16) in [
            ((5, 15), (6, 16)),
            ((26, 34), (27, 35)),
            ((41, 71), (42, 72)),
            ((42, 69), (43, 70)),
        ] {
            assert_eq!(m.to_unit(Reading::CODE_POINTS, cp.0), cp.0);
            assert_eq!(
                (
                    m.to_unit(Reading::UTF16, cp.0),
                    m.to_unit(Reading::UTF16, cp.1)
                ),
                u16
            );
            assert_eq!(m.from_unit(Reading::UTF16, u16.0), Some(cp.0));
            assert_eq!(m.from_unit(Reading::UTF16, u16.1), Some(cp.1));
        }
        // Inside the surrogate pair of the emoji.
        assert_eq!(m.from_unit(Reading::UTF16, 1), None);
    }

    #[test]
    fn crlf_and_bom_readings() {
        let file = "\u{feff}ab\r\ncd\ne\rf";
        let t = Text::from_str_normalized(file);
        assert_eq!(t.as_str(), "ab\ncd\ne\nf");
        let m = OffsetMap::with_file(&t, file);
        let in_file = Reading {
            unit: OffsetUnit::CodePoints,
            newlines: Newlines::AsInFile,
            bom: true,
        };
        // 'c' is char 3 normalized; in the file (BOM, a, b, CR, LF, c) it is at 5.
        assert_eq!(m.to_unit(in_file, 3), 5);
        assert_eq!(m.from_unit(in_file, 5), Some(3));
        assert_eq!(m.from_unit(in_file, 4), None); // between CR and LF
        assert_eq!(m.from_unit(in_file, 0), None); // before the BOM
        let all = Reading {
            unit: OffsetUnit::CodePoints,
            newlines: Newlines::AllCrlf,
            bom: false,
        };
        assert_eq!(m.to_unit(all, 9), 12);
        assert_eq!(m.readings().len(), 6);
        assert_eq!(m.readings()[0], Reading::CODE_POINTS);
        assert_eq!(
            OffsetMap::new(&Text::from_str_normalized("plain"))
                .readings()
                .len(),
            1
        );
    }

    proptest! {
        #[test]
        fn utf16_round_trips(s in "\\PC{0,80}") {
            let t = Text::from_str_normalized(&s);
            let m = OffsetMap::new(&t);
            for pos in 0..=t.char_count() {
                let u = m.to_unit(Reading::UTF16, pos);
                prop_assert_eq!(u, utf16_of(t.as_str(), pos));
                prop_assert_eq!(m.from_unit(Reading::UTF16, u), Some(pos));
            }
        }
    }
}
