//! Word tokens and sentences for the token-level exports (CoNLL, spaCy/Prodigy), in code points.
//!
//! Whitespace is what Python's `str.isspace()` says it is ([`is_python_space`]), the test
//! spaCy's tokenizer splits on, so a token never holds a char that Python tools split at.
//!
//! Tokens: runs of letters, digits, marks and symbols (so accented letters written with
//! combining marks, emoji with skin tones, flags and ZWJ sequences stay whole), with `.` `,`
//! `'` `’` `-` `:` `/` kept inside a run when they sit between two letters or digits (`3.7`,
//! `1,200`, `don't`, `Ashdown-Reyes`); every other punctuation mark is a token of its own, and
//! every CJK ideograph or kana is a token of its own (as in character-level Chinese NER data).
//! Tokens also break at every given cut (annotation boundaries), so spans always align.
//!
//! [`doc_tokens`] adds the whitespace between words the way a spaCy `Doc` holds it, so the
//! tokens rebuild the text exactly.
//!
//! Sentences end at a line break, or after `.` `!` `?` `…` `。` `！` `？` (and any closing
//! quotes or brackets after them) followed by whitespace; never inside an annotation.

use std::collections::BTreeSet;
use std::ops::Range;

/// A token: a char range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Punct,
    Cjk,
    Word,
}

/// Whether Python's `str.isspace()` is true for `c`: Rust's `char::is_whitespace` (Unicode
/// `White_Space`) plus the information separators U+001C–U+001F, which Python also counts.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

fn class(c: char) -> Class {
    if is_python_space(c) {
        Class::Space
    } else if is_cjk(c) {
        Class::Cjk
    } else if is_punct(c) {
        Class::Punct
    } else {
        Class::Word
    }
}

/// CJK ideographs, kana and CJK compatibility ideographs.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// Punctuation and currency signs (but not the zero-width joiners and marks that hold emoji
/// sequences and scripts together).
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(u32::from(c),
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF
            | 0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20CF
            | 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65)
}

/// Punctuation that stays inside a word between two letters or digits.
fn joins(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’' | '-' | ':' | '/')
}

/// The tokens of `text`, breaking also at every offset in `cuts`.
pub fn tokenize(text: &str, cuts: &BTreeSet<usize>) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let alnum = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    for (i, &c) in chars.iter().enumerate() {
        let cut = cuts.contains(&i);
        let kind = class(c);
        let inner_join = kind == Class::Punct
            && joins(c)
            && i > 0
            && alnum(i - 1)
            && alnum(i + 1)
            && !cut
            && !cuts.contains(&(i + 1));
        let continues = start.is_some() && !cut && (kind == Class::Word || inner_join);
        if continues {
            continue;
        }
        if let Some(s) = start.take() {
            tokens.push(Token { start: s, end: i });
        }
        match kind {
            Class::Space => {}
            Class::Word => start = Some(i),
            Class::Punct | Class::Cjk => tokens.push(Token {
                start: i,
                end: i + 1,
            }),
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            start: s,
            end: chars.len(),
        });
    }
    tokens
}

/// A token of a spaCy `Doc`: a word, or a run of whitespace that is not a single trailing
/// space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocToken {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Whether one `' '` follows the token as its trailing whitespace (spaCy's `spacy` flag,
    /// Prodigy's `ws`); that space belongs to no token.
    pub space_after: bool,
}

/// The tokens of `text` as a spaCy `Doc` built from them holds it: the words of [`tokenize`]
/// plus the whitespace between them, so that joining every token's text, with a `' '` after
/// each token whose `space_after` is set, gives `text` back exactly.
///
/// Whitespace follows spaCy's tokenizer: a whitespace run (chars with [`is_python_space`])
/// that starts with `' '` right after a word gives that space to the word as `space_after`;
/// the rest of the run, or a whole run that starts otherwise (`"\n\n"`, a tab, a no-break
/// space, leading whitespace), is a token of its own. Every start and end of `spans` is a
/// token edge, also inside whitespace: a space is not given to the word before it when a span
/// starts at that space or ends right after it.
pub fn doc_tokens(text: &str, spans: &[(usize, usize)]) -> Vec<DocToken> {
    let chars: Vec<char> = text.chars().collect();
    let cut = cuts(spans);
    let starts: BTreeSet<usize> = spans.iter().map(|&(s, _)| s).collect();
    let ends: BTreeSet<usize> = spans.iter().map(|&(_, e)| e).collect();
    let words = tokenize(text, &cut);
    let end_of_text = Token {
        start: chars.len(),
        end: chars.len(),
    };
    let mut out: Vec<DocToken> = Vec::with_capacity(words.len() * 2);
    let mut pos = 0;
    for word in words.into_iter().chain([end_of_text]) {
        // chars[pos..word.start] is whitespace; `out.last()`, if any, is the word ending at pos.
        let mut from = pos;
        if from < word.start
            && chars[from] == ' '
            && !starts.contains(&from)
            && !ends.contains(&(from + 1))
            && let Some(previous) = out.last_mut()
        {
            previous.space_after = true;
            from += 1;
        }
        // Split at span edges inside the whitespace (`range` needs start <= end).
        for &c in cut.range(from + 1..word.start.max(from + 1)) {
            out.push(DocToken {
                start: from,
                end: c,
                space_after: false,
            });
            from = c;
        }
        if from < word.start {
            out.push(DocToken {
                start: from,
                end: word.start,
                space_after: false,
            });
        }
        if word.start < word.end {
            out.push(DocToken {
                start: word.start,
                end: word.end,
                space_after: false,
            });
        }
        pos = word.end;
    }
    out
}

/// Splits tokens into sentences (ranges of token indices). `spans` are the annotations, which
/// a sentence break never falls inside.
pub fn sentences(text: &str, tokens: &[Token], spans: &[(usize, usize)]) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let covered = merged(spans);
    let inside = |from: usize, to: usize| {
        // Some annotation covers both the char before `from` and the char at `to`.
        let i = covered.partition_point(|&(s, _)| s < from);
        i > 0 && covered[i - 1].1 > to
    };
    let is_final = |t: &Token| {
        t.end - t.start == 1 && matches!(chars[t.start], '.' | '!' | '?' | '…' | '。' | '！' | '？')
    };
    let is_closer = |t: &Token| {
        t.end - t.start == 1
            && matches!(
                chars[t.start],
                '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』'
            )
    };
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len().saturating_sub(1) {
        let (t, next) = (&tokens[i], &tokens[i + 1]);
        let gap = &chars[t.end..next.start];
        let newline = gap.contains(&'\n');
        let spaced = !gap.is_empty();
        let mut k = i;
        while k > first && is_closer(&tokens[k]) {
            k -= 1;
        }
        let ends = newline || (spaced && is_final(&tokens[k]));
        if ends && !inside(t.end, next.start) {
            out.push(first..i + 1);
            first = i + 1;
        }
    }
    if first < tokens.len() {
        out.push(first..tokens.len());
    }
    out
}

/// The union of spans as sorted, disjoint ranges.
fn merged(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = spans.iter().copied().filter(|(s, e)| s < e).collect();
    sorted.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in sorted {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The cut set for tokenizing around spans: every start and end.
pub fn cuts(spans: &[(usize, usize)]) -> BTreeSet<usize> {
    spans.iter().flat_map(|&(s, e)| [s, e]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, cut: &[usize]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(text, &cut.iter().copied().collect())
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_names_and_emoji_whole() {
        assert_eq!(
            words("📉 On 3 May, Ashdown-Reyes said \"3.7%\" (1,200).", &[]),
            [
                "📉",
                "On",
                "3",
                "May",
                ",",
                "Ashdown-Reyes",
                "said",
                "\"",
                "3.7",
                "%",
                "\"",
                "(",
                "1,200",
                ")",
                "."
            ]
        );
        assert_eq!(
            words("e\u{301}te\u{301} 👨‍👩‍👧 🇫🇷 «ok» 陈静", &[]),
            ["e\u{301}te\u{301}", "👨‍👩‍👧", "🇫🇷", "«", "ok", "»", "陈", "静"]
        );
        assert_eq!(words("abcdef", &[2, 4]), ["ab", "cd", "ef"]);
        assert_eq!(words("a.b", &[2]), ["a", ".", "b"]);
    }

    /// (text, space_after) of each token of `doc_tokens`.
    fn doc(text: &str, spans: &[(usize, usize)]) -> Vec<(String, bool)> {
        let chars: Vec<char> = text.chars().collect();
        doc_tokens(text, spans)
            .iter()
            .map(|t| (chars[t.start..t.end].iter().collect(), t.space_after))
            .collect()
    }

    fn rebuild(tokens: &[(String, bool)]) -> String {
        tokens
            .iter()
            .map(|(t, ws)| if *ws { format!("{t} ") } else { t.clone() })
            .collect()
    }

    #[test]
    fn doc_tokens_keep_whitespace_as_spacy_does() {
        let own = |t: &str, ws: bool| (t.to_owned(), ws);
        // spaCy's tokenizer: one ' ' after a word is its trailing space; the rest of a run,
        // and any run that starts otherwise, is a token.
        let text = " Hello  world\n\n x\u{a0}y\tz \u{1c}end\n";
        let got = doc(text, &[]);
        assert_eq!(
            got,
            [
                own(" ", false),
                own("Hello", true),
                own(" ", false),
                own("world", false),
                own("\n\n ", false),
                own("x", false),
                own("\u{a0}", false),
                own("y", false),
                own("\t", false),
                own("z", true),
                own("\u{1c}", false),
                own("end", false),
                own("\n", false),
            ]
        );
        assert_eq!(rebuild(&got), text);
        // A span that ends after a space or starts at one keeps that space a token.
        assert_eq!(
            doc("a b c", &[(0, 2), (3, 5)]),
            [
                own("a", false),
                own(" ", false),
                own("b", false),
                own(" ", false),
                own("c", false),
            ]
        );
        // A span edge inside a whitespace run splits it.
        assert_eq!(
            doc("a\n\n\nb", &[(2, 5)]),
            [
                own("a", false),
                own("\n", false),
                own("\n\n", false),
                own("b", false)
            ]
        );
        assert_eq!(doc("", &[]), []);
        assert_eq!(doc("  ", &[]), [own("  ", false)]);
    }

    #[test]
    fn python_whitespace_splits_words() {
        assert!(is_python_space('\u{1f}') && is_python_space('\u{85}'));
        assert!(!is_python_space('\u{200b}') && !is_python_space('\u{feff}'));
        assert_eq!(words("a\u{1d}b", &[]), ["a", "b"]);
    }

    #[test]
    fn sentences_break_at_ends_but_not_inside_spans() {
        let text = "It rose. \"It fell.\" Next\nline. Dr. Who";
        let toks = tokenize(text, &BTreeSet::new());
        let s = sentences(text, &toks, &[]);
        let chars: Vec<char> = text.chars().collect();
        let firsts: Vec<String> = s
            .iter()
            .map(|r| {
                chars[toks[r.start].start..toks[r.start].end]
                    .iter()
                    .collect()
            })
            .collect();
        // "Dr." ends a sentence too: abbreviations are not known.
        assert_eq!(firsts, ["It", "\"", "Next", "line", "Dr", "Who"]);
        // A span over `It rose. "It` keeps both sentences together.
        let s = sentences(text, &toks, &[(0, 12)]);
        assert_eq!(s[0], 0..8);
    }
}
