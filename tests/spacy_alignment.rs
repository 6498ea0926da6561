//! The spaCy/Prodigy export checked the way spaCy reads it: a faithful reimplementation of
//! spaCy's Doc(words, spaces).text and Doc.char_span(alignment_mode='strict') (spaCy 3.8,
//! `spacy/tokens/doc.pyx`: `Doc.__init__`, `push_back`, `text`, `char_span`, `token_by_char`;
//! `spacy/tokens/span.pyx`: `Span.text`) is run over the export of `sample-docs/` through the
//! real binary, a Unicode and whitespace stress document, and proptest-generated texts with
//! random spans. The tokens must rebuild the text exactly, and every span must come back from
//! `char_span` with its text and with the `token_start`/`token_end` the export wrote.
//! `tests/spacy_check.py` runs the same checks with real spaCy (not part of CI).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::core::text::Text;
use factmark::formats::{ExportContent, ExportDoc, ExportFormat, ExportOptions, export};
use proptest::prelude::*;
use serde_json::Value;

// ------------------------------------------- spaCy's Doc(words, spaces), reimplemented

/// A spaCy `Doc` built as `Doc(vocab, words=words, spaces=spaces)`: per token its text, its
/// `idx` (code points) and its `spacy` flag (one trailing `' '`). Lengths are Python `len`,
/// that is code points.
struct SpacyDoc {
    words: Vec<String>,
    idx: Vec<usize>,
    len: Vec<usize>,
    spacy: Vec<bool>,
}

impl SpacyDoc {
    /// `Doc.__init__` with words and spaces: E027 when the lengths differ; `push_back` sets
    /// `idx = prev.idx + prev.length + prev.spacy` and raises E031 for an empty word
    /// (`lex.orth == 0`).
    fn new(words: &[String], spaces: &[bool]) -> Result<Self, String> {
        if words.len() != spaces.len() {
            return Err("E027: words and spaces differ in length".into());
        }
        let mut doc = SpacyDoc {
            words: Vec::new(),
            idx: Vec::new(),
            len: Vec::new(),
            spacy: Vec::new(),
        };
        for (i, (word, &has_space)) in words.iter().zip(spaces).enumerate() {
            let idx = match i {
                0 => 0,
                _ => doc.idx[i - 1] + doc.len[i - 1] + usize::from(doc.spacy[i - 1]),
            };
            if word.is_empty() {
                return Err(format!("E031: invalid token: empty string at position {i}"));
            }
            doc.words.push(word.clone());
            doc.idx.push(idx);
            doc.len.push(word.chars().count());
            doc.spacy.push(has_space);
        }
        Ok(doc)
    }

    /// `Doc.text`: `"".join(t.text_with_ws for t in self)`.
    fn text(&self) -> String {
        let mut out = String::new();
        for (w, &sp) in self.words.iter().zip(&self.spacy) {
            out.push_str(w);
            if sp {
                out.push(' ');
            }
        }
        out
    }

    /// `token_by_char`: binary search for the token whose `[idx, idx + length + spacy)`
    /// holds `char_idx`, or -1.
    fn token_by_char(&self, char_idx: i64) -> i64 {
        let (mut start, mut end) = (0i64, self.words.len() as i64 - 1);
        while start <= end {
            let mid = (start + end) / 2;
            let m = mid as usize;
            let idx = self.idx[m] as i64;
            if char_idx < idx {
                end = mid - 1;
            } else if char_idx >= idx + self.len[m] as i64 + i64::from(self.spacy[m]) {
                start = mid + 1;
            } else {
                return mid;
            }
        }
        -1
    }

    /// `Doc.char_span(start_idx, end_idx, alignment_mode="strict")`: the token range
    /// `[start, end)` of the `Span`, or `None`.
    fn char_span(&self, start_idx: usize, end_idx: usize) -> Option<(usize, usize)> {
        let start = self.token_by_char(start_idx as i64);
        if start < 0 || start_idx != self.idx[start as usize] {
            return None;
        }
        let end = self.token_by_char(end_idx as i64 - 1);
        if end < 0 || end_idx != self.idx[end as usize] + self.len[end as usize] {
            return None;
        }
        Some((start as usize, end as usize + 1))
    }

    /// `Span(doc, start, end).text`: the tokens' `text_with_ws`, without the last token's
    /// trailing space.
    fn span_text(&self, start: usize, end: usize) -> String {
        let mut out = String::new();
        for i in start..end {
            out.push_str(&self.words[i]);
            if self.spacy[i] {
                out.push(' ');
            }
        }
        if end > start && self.spacy[end - 1] {
            out.pop();
        }
        out
    }
}

#[test]
fn reimplementation_behaves_like_spacy() {
    // Doc(vocab, words=["Hello", "\n\n", "world", "!"], spaces=[True, False, False, False]).
    let words: Vec<String> = ["Hello", "\n\n", "world", "!"].map(String::from).into();
    let doc = SpacyDoc::new(&words, &[true, false, false, false]).unwrap();
    assert_eq!(doc.text(), "Hello \n\nworld!");
    assert_eq!(doc.char_span(0, 5), Some((0, 1)));
    // Ending on the trailing space of a token is not strictly aligned.
    assert_eq!(doc.char_span(0, 6), None);
    assert_eq!(doc.char_span(6, 8), Some((1, 2)));
    assert_eq!(doc.char_span(7, 13), None);
    assert_eq!(doc.char_span(0, 14), Some((0, 4)));
    assert_eq!(doc.span_text(0, 4), "Hello \n\nworld!");
    assert!(SpacyDoc::new(&["".to_owned()], &[false]).is_err());
}

// ------------------------------------------------------------- checking an export line

/// What one exported line came to.
#[derive(Debug, Default, PartialEq)]
struct Checked {
    tokens: usize,
    spans: usize,
}

fn code_points(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

/// Checks one spaCy/Prodigy line as spaCy would read it.
fn check_line(line: &Value) -> Result<Checked, String> {
    let text = line["text"].as_str().ok_or("no text")?;
    let tokens = line["tokens"].as_array().ok_or("no tokens")?;
    let words: Vec<String> = tokens
        .iter()
        .map(|t| t["text"].as_str().unwrap_or_default().to_owned())
        .collect();
    let spaces: Vec<bool> = tokens
        .iter()
        .map(|t| t["ws"].as_bool().unwrap_or_default())
        .collect();
    let doc = SpacyDoc::new(&words, &spaces)?;
    let rebuilt = doc.text();
    if rebuilt != text {
        let at = rebuilt
            .chars()
            .zip(text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        return Err(format!(
            "Doc(words, spaces).text != text: first difference at char {at}: rebuilt {:?}, text {:?}",
            code_points(&rebuilt, at, at + 12),
            code_points(text, at, at + 12)
        ));
    }
    for (i, t) in tokens.iter().enumerate() {
        let (s, e, id) = (
            t["start"].as_u64().ok_or("token start")? as usize,
            t["end"].as_u64().ok_or("token end")? as usize,
            t["id"].as_u64().ok_or("token id")? as usize,
        );
        if (s, e, id) != (doc.idx[i], doc.idx[i] + doc.len[i], i) {
            return Err(format!(
                "token {i} {:?} says start {s}, end {e}, id {id}; spaCy has idx {}",
                words[i], doc.idx[i]
            ));
        }
    }
    let spans = line["spans"].as_array().ok_or("no spans")?;
    for span in spans {
        let (s, e) = (
            span["start"].as_u64().ok_or("span start")? as usize,
            span["end"].as_u64().ok_or("span end")? as usize,
        );
        let (ts, te) = (
            span["token_start"].as_u64().ok_or("token_start")? as usize,
            span["token_end"].as_u64().ok_or("token_end")? as usize,
        );
        let Some((a, b)) = doc.char_span(s, e) else {
            return Err(format!(
                "doc.char_span({s}, {e}) is None for {:?}",
                code_points(text, s, e)
            ));
        };
        if (a, b) != (ts, te + 1) {
            return Err(format!(
                "char_span({s}, {e}) is tokens {a}..{b}, the export says {ts}..={te}"
            ));
        }
        if doc.span_text(a, b) != code_points(text, s, e) {
            return Err(format!("char_span({s}, {e}).text differs from the text"));
        }
    }
    Ok(Checked {
        tokens: tokens.len(),
        spans: spans.len(),
    })
}

// ------------------------------------------------------------------- sample-docs, CLI

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn sample_docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-docs")
}

#[test]
fn sample_docs_export_rebuilds_in_spacy_doc_and_char_span() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("sample-docs");
    std::fs::create_dir(&docs).unwrap();
    copy_dir(&sample_docs(), &docs);
    let out = Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(["export", "sample-docs", "--format", "spacy"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("spaCy"), "spans left out: {stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = 0;
    let mut spans = 0;
    let mut failures = Vec::new();
    for line in stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        lines += 1;
        match check_line(&v) {
            Ok(c) => spans += c.spans,
            Err(e) => failures.push(format!("{}: {e}", v["meta"]["document"])),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(lines, 4);
    // Every annotation of the samples is exported (compare with the sidecars).
    let annotated: usize = std::fs::read_dir(sample_docs())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ann.ron"))
        .map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .matches("exact:")
                .count()
        })
        .sum();
    assert_eq!(spans, annotated);
}

// ----------------------------------------------------------------- library, stress text

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, 9, 0, 0).unwrap()
}

fn spacy_line(text: &Text, spans: &[(usize, usize)]) -> (Value, usize) {
    let anns: Vec<Annotation> = spans
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| {
            Annotation::new(text, s, e, Tag::new(TagKind::ALL[i % 4]), "ana", now()).unwrap()
        })
        .collect();
    let doc = ExportDoc::new(Path::new("doc.txt"), text.clone(), &anns);
    let placed = doc.placed().count();
    let out = export(
        ExportFormat::Spacy,
        std::slice::from_ref(&doc),
        &ExportOptions::default(),
    )
    .unwrap();
    let ExportContent::Single(s) = out.content else {
        panic!("one text expected");
    };
    (serde_json::from_str(s.trim_end()).unwrap(), placed)
}

fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Leading whitespace, a trailing newline, CRLF in the file, NBSP, tabs, runs of spaces,
/// paragraph breaks, Python-only whitespace (U+001C–U+001F, U+0085, U+2028, U+3000), emoji
/// and CJK.
const STRESS_FILE: &str = "  \tLeading blanks.\r\n\r\nLe\u{a0}ministre a dit\u{a0}: «\u{a0}3\u{a0}%\u{a0}» 📉  \
     (twice)   thrice.\r\nTabs\there\t\tand\u{2028}line\u{2029}para\u{85}next\u{1c}sep\u{1f}unit \
     \u{3000}陈静\u{3000}说 👨‍👩‍👧‍👦 🇫🇷 e\u{301}te\u{301}.\n\n\n \n";

#[test]
fn unicode_stress_export_rebuilds_in_spacy_doc_and_char_span() {
    let t = Text::from_str_normalized(STRESS_FILE);
    let s = t.as_str();
    assert!(!s.contains('\r'));
    let n = t.char_count();
    let mut spans = vec![
        find(s, "Leading blanks."),
        find(s, "  \tLeading"),
        find(s, "blanks.\n\nLe"),
        find(s, "ministre a dit"),
        find(s, "«\u{a0}3\u{a0}%\u{a0}»"),
        find(s, "3\u{a0}%"),
        find(s, "📉  "),
        find(s, " (twice)"),
        find(s, "(twice) "),
        find(s, "  thrice"),
        find(s, "Tabs\there"),
        find(s, "line\u{2029}para"),
        find(s, "next\u{1c}sep"),
        find(s, "sep\u{1f}unit"),
        find(s, "陈静"),
        find(s, "👨‍👩‍👧‍👦"),
        find(s, "🇫🇷 e\u{301}te\u{301}."),
        find(s, ".\n\n\n \n"),
        (0, n),
        (0, 1),
        (n - 1, n),
    ];
    // Whitespace-only spans, and spans starting or ending inside a run of spaces.
    let (twice, _) = find(s, "  (twice)");
    spans.push((twice, twice + 1));
    spans.push((twice + 1, twice + 2));
    spans.push((twice - 1, twice + 1));
    let (thrice, _) = find(s, "   thrice");
    spans.push((thrice + 1, thrice + 9));
    let (line, placed) = spacy_line(&t, &spans);
    assert_eq!(placed, spans.len());
    let checked = check_line(&line).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checked.spans, spans.len(), "every span is exported");
    // The Prodigy tokens carry the same whitespace spaCy's tokenizer makes.
    let tokens = line["tokens"].as_array().unwrap();
    let texts: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
    // The leading blanks, split after the first char by the span (0, 1).
    assert_eq!(texts[..3], [" ", " \t", "Leading"]);
    assert!(texts.contains(&"\n\n"), "{texts:?}");
    assert!(texts.contains(&"\u{a0}"), "{texts:?}");
    assert!(texts.contains(&"\u{3000}"), "{texts:?}");
    assert!(texts.contains(&"\u{1c}"), "{texts:?}");
    // A token is all whitespace (as Python's str.isspace() says) or has none, and a
    // whitespace token never takes a trailing space.
    let py_space = |c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
    for t in tokens {
        let txt = t["text"].as_str().unwrap();
        let spaces = txt.chars().filter(|&c| py_space(c)).count();
        assert!(spaces == 0 || spaces == txt.chars().count(), "{txt:?}");
        if spaces > 0 {
            assert_eq!(t["ws"], false, "{txt:?}");
        }
    }
}

// ------------------------------------------------------------------------- proptest

/// Pieces of text, whitespace-heavy.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Bc",
        "word",
        "3.7",
        "1,200",
        "don't",
        "-",
        ".",
        ",",
        "\"",
        "«",
        "é",
        "e\u{301}",
        "陈",
        "📉",
        "👨‍👩‍👧",
        "🇫🇷",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\u{a0}",
        "\u{2028}",
        "\u{85}",
        "\u{1c}",
        "\u{3000}",
        "\u{200b}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_texts_and_spans_rebuild_in_spacy_doc_and_char_span(
        pieces in prop::collection::vec(piece(), 1..40),
        raw in prop::collection::vec((0usize..1000, 1usize..12), 0..8),
    ) {
        let t = Text::from_str_normalized(&pieces.concat());
        let n = t.char_count();
        prop_assume!(n > 0);
        let mut spans: Vec<(usize, usize)> = raw
            .iter()
            .map(|&(s, len)| {
                let s = s % n;
                (s, (s + len).min(n))
            })
            .collect();
        spans.sort_unstable();
        spans.dedup();
        let (line, placed) = spacy_line(&t, &spans);
        let checked = check_line(&line).map_err(TestCaseError::fail)?;
        prop_assert_eq!(checked.spans, placed);
    }
}
