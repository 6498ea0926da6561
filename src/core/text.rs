//! Normalized document text: decoding, line-ending normalization, hashing, char<->byte maps and
//! the paragraph index that every offset in factmark refers to.

use sha2::{Digest, Sha256};
use std::ops::Range;

/// How many chars lie between two checkpoints of the char -> byte map.
const CHECKPOINT_EVERY: usize = 64;

/// Why a document's bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The bytes are not valid UTF-8.
    #[error(
        "the file is not valid UTF-8: invalid byte 0x{byte:02X} at line {line}, column {column} (byte offset {offset}); save it as UTF-8 and try again"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the file as read (before normalization).
        offset: usize,
        /// 1-based line of the invalid byte.
        line: usize,
        /// 1-based column (in chars) of the invalid byte.
        column: usize,
        /// The offending byte.
        byte: u8,
    },
}

/// One paragraph of the document: a line of text between line feeds, without the line feed.
///
/// Blank lines are empty paragraphs. Every char of the text except the line feeds belongs to
/// exactly one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// First char of the paragraph.
    pub start: usize,
    /// One past the last char (the position of the line feed, or the end of the text).
    pub end: usize,
}

impl Paragraph {
    /// The paragraph's char range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Number of chars in the paragraph.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the paragraph is a blank line.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The normalized text of a document: UTF-8, no BOM, LF line endings.
///
/// All offsets are Unicode scalar values (Rust `char`s), end exclusive.
#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    chars: usize,
    /// Byte offset of every `CHECKPOINT_EVERY`-th char; empty when the text is ASCII.
    checkpoints: Vec<usize>,
    paragraphs: Vec<Paragraph>,
    sha256: String,
}

impl Text {
    /// Decodes a document's bytes: strips a UTF-8 BOM, refuses invalid UTF-8 and turns CRLF and
    /// lone CR into LF.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TextError> {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let bom = bytes.len() - body.len();
        match std::str::from_utf8(body) {
            Ok(s) => Ok(Self::new(normalize_newlines(s))),
            Err(e) => {
                let valid = e.valid_up_to();
                // The prefix up to `valid` is valid UTF-8 by definition.
                let before = std::str::from_utf8(&body[..valid]).unwrap_or_default();
                let line = 1 + before.matches('\n').count() + before.matches('\r').count()
                    - before.matches("\r\n").count();
                let last_break = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
                let column = before[last_break..].chars().count() + 1;
                Err(TextError::InvalidUtf8 {
                    offset: bom + valid,
                    line,
                    column,
                    byte: body[valid],
                })
            }
        }
    }

    /// Builds the text from a string, normalizing line endings.
    pub fn from_str_normalized(s: &str) -> Self {
        let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
        Self::new(normalize_newlines(s))
    }

    fn new(text: String) -> Self {
        let mut chars = 0;
        let mut checkpoints = Vec::new();
        let ascii = text.is_ascii();
        if ascii {
            chars = text.len();
        } else {
            checkpoints.reserve(text.len() / CHECKPOINT_EVERY + 1);
            for (byte, _) in text.char_indices() {
                if chars % CHECKPOINT_EVERY == 0 {
                    checkpoints.push(byte);
                }
                chars += 1;
            }
        }
        let mut paragraphs = Vec::new();
        let mut start = 0;
        let mut pos = 0;
        for c in text.chars() {
            if c == '\n' {
                paragraphs.push(Paragraph { start, end: pos });
                start = pos + 1;
            }
            pos += 1;
        }
        paragraphs.push(Paragraph { start, end: pos });
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        Self {
            text,
            chars,
            checkpoints,
            paragraphs,
            sha256,
        }
    }

    /// The whole normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of chars (Unicode scalar values).
    pub fn char_count(&self) -> usize {
        self.chars
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// How many words the text has: runs of chars that are not white space (what
    /// `str::split_whitespace` counts), with a fast path for ASCII.
    pub fn word_count(&self) -> usize {
        let bytes = self.text.as_bytes();
        let mut words = 0;
        let mut in_word = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let space = if b.is_ascii() {
                i += 1;
                matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
            } else {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                c.is_whitespace()
            };
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        words
    }

    /// Lowercase hex SHA-256 of the normalized text's UTF-8 bytes.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The paragraphs (lines) of the text, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Index of the paragraph containing char offset `pos` (a position on a line feed belongs to
    /// the paragraph it ends). O(log n).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end < pos)
            .min(self.paragraphs.len() - 1)
    }

    /// Byte offset of char offset `char_idx`; offsets past the end clamp to the text's length.
    /// O(1) with a bounded scan.
    pub fn byte_of_char(&self, char_idx: usize) -> usize {
        if char_idx >= self.chars {
            return self.text.len();
        }
        if self.checkpoints.is_empty() {
            return char_idx;
        }
        let base = self.checkpoints[char_idx / CHECKPOINT_EVERY];
        let skip = char_idx % CHECKPOINT_EVERY;
        self.text[base..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    /// Char offset of byte offset `byte_idx` (which should lie on a char boundary; inside a
    /// char it gives that char's offset). Offsets past the end clamp. O(log n).
    pub fn char_of_byte(&self, byte_idx: usize) -> usize {
        if byte_idx >= self.text.len() {
            return self.chars;
        }
        if self.checkpoints.is_empty() {
            return byte_idx;
        }
        let block = self.checkpoints.partition_point(|&b| b <= byte_idx) - 1;
        let base = self.checkpoints[block];
        let extra = self.text[base..]
            .char_indices()
            .take_while(|&(b, _)| base + b < byte_idx)
            .count();
        let at = block * CHECKPOINT_EVERY + extra;
        // Inside a multi-byte char: count the char itself, not the next one.
        if self.text.is_char_boundary(byte_idx) {
            at
        } else {
            at - 1
        }
    }

    /// Byte range of a char range (clamped to the text).
    pub fn byte_range(&self, chars: Range<usize>) -> Range<usize> {
        self.byte_of_char(chars.start)..self.byte_of_char(chars.end.max(chars.start))
    }

    /// The text of a char range (clamped to the text).
    pub fn slice(&self, chars: Range<usize>) -> &str {
        &self.text[self.byte_range(chars)]
    }

    /// 1-based line and column (in chars) of a char offset.
    pub fn line_col(&self, pos: usize) -> (usize, usize) {
        let p = self.paragraph_at(pos);
        (p + 1, pos - self.paragraphs[p].start + 1)
    }
}

/// A count with its noun: "1 source", "3 sources".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Shortens `s` to at most `max` chars on one line, marking the cut with `…`.
pub fn one_line(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Turns CRLF and lone CR into LF.
fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bom_and_crlf_are_normalized() {
        let t = Text::from_bytes(b"\xEF\xBB\xBFa\r\nb\rc\n").unwrap();
        assert_eq!(t.as_str(), "a\nb\nc\n");
        assert_eq!(t.char_count(), 6);
        let lf = Text::from_bytes(b"a\nb\nc\n").unwrap();
        assert_eq!(t.sha256(), lf.sha256());
    }

    #[test]
    fn invalid_utf8_says_where() {
        let err = Text::from_bytes(b"ok\nfine \xFF here").unwrap_err();
        assert_eq!(
            err,
            TextError::InvalidUtf8 {
                offset: 8,
                line: 2,
                column: 6,
                byte: 0xFF
            }
        );
        assert!(err.to_string().contains("line 2, column 6"));
    }

    #[test]
    fn emoji_is_one_char() {
        let t = Text::from_str_normalized("a😀b");
        assert_eq!(t.char_count(), 3);
        assert_eq!(t.slice(1..2), "😀");
        assert_eq!(t.byte_of_char(2), 5);
        assert_eq!(t.char_of_byte(5), 2);
        assert_eq!(t.char_of_byte(2), 1);
    }

    #[test]
    fn paragraphs_are_lines() {
        let t = Text::from_str_normalized("one\n\ntwo three\n");
        let p: Vec<_> = t.paragraphs().iter().map(|p| t.slice(p.range())).collect();
        assert_eq!(p, ["one", "", "two three", ""]);
        assert_eq!(t.paragraph_at(0), 0);
        assert_eq!(t.paragraph_at(3), 0);
        assert_eq!(t.paragraph_at(4), 1);
        assert_eq!(t.paragraph_at(6), 2);
        assert_eq!(t.line_col(7), (3, 3));
    }

    #[test]
    fn sha256_of_empty_text() {
        assert_eq!(
            Text::from_str_normalized("").sha256(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    proptest! {
        #[test]
        fn char_byte_maps_agree_with_naive(s in "\\PC{0,300}", picks in prop::collection::vec(0usize..400, 1..20)) {
            let t = Text::from_str_normalized(&s);
            let norm = t.as_str();
            let naive: Vec<usize> = norm.char_indices().map(|(b, _)| b).chain([norm.len()]).collect();
            prop_assert_eq!(t.char_count(), naive.len() - 1);
            for p in picks {
                let c = p.min(naive.len() - 1);
                prop_assert_eq!(t.byte_of_char(c), naive[c]);
                prop_assert_eq!(t.char_of_byte(naive[c]), c);
            }
        }

        #[test]
        fn word_count_is_split_whitespace(s in "[a \t\n\u{a0}\u{2003}\u{85}é😀\u{1c}\u{b}\u{c}]{0,60}") {
            let t = Text::from_str_normalized(&s);
            prop_assert_eq!(t.word_count(), t.as_str().split_whitespace().count());
        }
    }
}
