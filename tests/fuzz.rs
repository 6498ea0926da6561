//! Fuzzing that runs in `cargo test` (proptest): random bytes and mutated valid sidecars into
//! sidecar decoding, random bytes into document decoding, random and mutated files into every
//! importer, and random texts and annotations into re-anchoring. Nothing may panic; what
//! decodes must round-trip. `PROPTEST_CASES=20000 cargo test --test fuzz` runs it longer.
//!
//! Inputs that once crashed are kept in `tests/fixtures/fuzz/` (one folder per target) and
//! replayed by `regressions`; the cargo-fuzz targets in `fuzz/` run the same checks.

use std::path::Path;

use chrono::{TimeZone as _, Utc};
use proptest::prelude::*;

use factmark::core::anchor::anchor_all;
use factmark::core::annotation::{Annotation, AnnotationId, Review, Tag, TagKind};
use factmark::core::merge::merge;
use factmark::core::text::Text;
use factmark::formats::{ImportFormat, ImportOptions, ImportTarget};
use factmark::store::Sidecar;
use factmark::store::read::decode_sidecar;

const SIDECAR: &str = include_str!("../sample-docs/senator-speech.txt.ann.ron");
const BRAT_TEXT: &str = include_str!("golden/brat/sample.txt");
const BRAT: &str = include_str!("golden/brat/sample.ann");
const W3C: &str = include_str!("golden/sample.w3c.jsonld");
const DOCCANO: &str = include_str!("golden/sample.doccano.jsonl");

/// Pieces of RON, JSON and brat that mutations insert.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "'",
    "Some(",
    "None",
    "-1",
    "0",
    "18446744073709551615",
    "99999999999999999999999",
    "1e309",
    "version: 99,",
    "start: ",
    "end: ",
    "id: ",
    "tag: ",
    "Claim(",
    "r#\"",
    "/*",
    "//",
    "\n",
    "\u{feff}",
    "😀",
    "\u{0}",
    "T1\t",
    "#1\tAnnotatorNotes T1\t",
    "\t",
    " ",
    "\"start\": ",
    "\"end\": ",
    "null",
    "\"label\": [[",
    "]]",
    "\"selector\": ",
    "\"exact\": ",
    "TextPositionSelector",
    "TextQuoteSelector",
    "\r\n",
    "\r",
];

/// Applies byte-level mutations to `seed`: flip, delete a range, insert a token, duplicate a
/// range, truncate.
fn mutate(seed: &[u8], ops: &[(u8, usize, usize, usize)]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for &(op, at, len, k) in ops {
        let at = if v.is_empty() { 0 } else { at % (v.len() + 1) };
        let end = (at + len % 64).min(v.len());
        match op % 6 {
            0 if at < v.len() => v[at] ^= 1 << (k % 8),
            1 => {
                v.drain(at..end);
            }
            2 | 3 => {
                let t = TOKENS[k % TOKENS.len()].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            4 => {
                let piece = v[at..end].to_vec();
                v.splice(at..at, piece);
            }
            _ => v.truncate(at.max(v.len().saturating_sub(k % 4096))),
        }
    }
    v
}

fn ops() -> impl Strategy<Value = Vec<(u8, usize, usize, usize)>> {
    proptest::collection::vec(
        (any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()),
        1..8,
    )
}

/// Sidecar decoding: never panics; what decodes re-encodes and decodes to the same, and can
/// be anchored and merged.
fn check_sidecar(bytes: &[u8]) {
    let path = Path::new("fuzz.ann.ron");
    if let Ok(mut s) = decode_sidecar(path, bytes) {
        // Annotations are kept in file order when decoded and sorted when encoded.
        s.annotations.sort_by_key(Annotation::sort_key);
        let encoded = s.encode().expect("a decoded sidecar encodes");
        let back = Sidecar::decode(path, &encoded).expect("an encoded sidecar decodes");
        assert_eq!(back, s);
        let text = Text::from_str_normalized(&"Senator Dufrêne spoke. ".repeat(40));
        let _ = anchor_all(&text, &s.annotations);
        let _ = merge(&s.annotations, &s.annotations, &[]);
    }
}

/// Document decoding: never panics; what decodes has consistent offsets.
fn check_text(bytes: &[u8]) {
    if let Ok(t) = Text::from_bytes(bytes) {
        let n = t.as_str().chars().count();
        assert_eq!(t.char_count(), n);
        assert!(!t.as_str().contains('\r'));
        let mid = n / 2;
        assert_eq!(t.char_of_byte(t.byte_of_char(mid)), mid);
        let _ = t.line_col(mid);
        let _ = t.paragraph_at(mid);
    }
}

fn check_import(format: ImportFormat, input: &str, text: &str) {
    let text = Text::from_str_normalized(text);
    let target = ImportTarget {
        text: &text,
        file: None,
        file_name: "sample.txt",
        existing: &[],
    };
    let options = ImportOptions {
        author: "fuzz".into(),
        now: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    };
    if let Ok(report) = factmark::formats::import::import(format, input, &target, &options) {
        for a in &report.added {
            assert!(a.start < a.end && a.end <= text.char_count(), "{a:?}");
            assert_eq!(text.slice(a.start..a.end), a.exact);
        }
    }
}

/// An annotation as a sidecar may hold it: any span (start < end), any quote and context.
fn any_annotation() -> impl Strategy<Value = Annotation> {
    (
        0usize..400,
        1usize..60,
        "\\PC{1,20}",
        "\\PC{0,40}",
        "\\PC{0,40}",
        any::<u128>(),
    )
        .prop_map(|(start, len, exact, prefix, suffix, id)| {
            let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
            Annotation {
                id: AnnotationId(uuid::Uuid::from_u128(id)),
                start,
                end: start + len,
                exact,
                prefix,
                suffix,
                tag: Tag::new(TagKind::Claim),
                note: String::new(),
                author: "fuzz".into(),
                created: now,
                modified: now,
                review: Review::default(),
                links: Vec::new(),
                evidence: Vec::new(),
            }
        })
}

proptest! {
    #[test]
    fn random_bytes_into_sidecar_decoding(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_sidecar(&bytes);
    }

    #[test]
    fn random_ron_into_sidecar_decoding(s in "[()\\[\\]{},:\" a-z0-9_\\-.]{0,300}") {
        check_sidecar(format!("(format: \"factmark\", version: 2, {s}").as_bytes());
    }

    #[test]
    fn mutated_sidecars_into_sidecar_decoding(ops in ops()) {
        check_sidecar(&mutate(SIDECAR.as_bytes(), &ops));
    }

    #[test]
    fn random_bytes_into_document_decoding(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_text(&bytes);
    }

    #[test]
    fn random_text_into_document_decoding(s in "(\\PC|\r|\n|\u{feff}){0,200}") {
        check_text(s.as_bytes());
    }

    #[test]
    fn mutated_files_into_importers(ops in ops(), which in 0usize..3, text_ops in ops()) {
        let (format, seed) = [
            (ImportFormat::Brat, BRAT),
            (ImportFormat::W3c, W3C),
            (ImportFormat::Doccano, DOCCANO),
        ][which];
        let input = String::from_utf8_lossy(&mutate(seed.as_bytes(), &ops)).into_owned();
        check_import(format, &input, BRAT_TEXT);
        // The same file against a changed document.
        let text = String::from_utf8_lossy(&mutate(BRAT_TEXT.as_bytes(), &text_ops)).into_owned();
        check_import(format, &input, &text);
    }

    #[test]
    fn random_files_into_importers(input in "\\PC{0,300}", text in "\\PC{0,200}", which in 0usize..3) {
        check_import(ImportFormat::ALL[which], &input, &text);
    }

    #[test]
    fn random_annotations_into_reanchoring(
        text in "(\\PC|\n){0,400}",
        annotations in proptest::collection::vec(any_annotation(), 0..12),
    ) {
        let text = Text::from_str_normalized(&text);
        let results = anchor_all(&text, &annotations);
        prop_assert_eq!(results.len(), annotations.len());
        for r in &results {
            prop_assert!(r.start <= r.end);
            if r.status.is_anchored() {
                prop_assert!(r.end <= text.char_count());
            }
        }
    }

    #[test]
    fn quotes_from_the_text_into_reanchoring(
        text in "[a-c \n]{1,300}",
        spans in proptest::collection::vec((0usize..300, 1usize..20), 1..10),
        edits in ops(),
    ) {
        // Quotes cut from the text, then the text edited: the realistic re-anchoring case.
        let before = Text::from_str_normalized(&text);
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let annotations: Vec<Annotation> = spans
            .iter()
            .filter_map(|&(s, len)| {
                let s = s % before.char_count();
                let e = (s + len).min(before.char_count());
                Annotation::new(&before, s, e, Tag::new(TagKind::Quote), "f", now).ok()
            })
            .collect();
        let after = String::from_utf8_lossy(&mutate(text.as_bytes(), &edits)).into_owned();
        let after = Text::from_str_normalized(&after);
        let results = anchor_all(&after, &annotations);
        prop_assert_eq!(results.len(), annotations.len());
    }
}

/// Inputs that crashed a target once, replayed on every run.
#[test]
fn regressions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let Ok(targets) = std::fs::read_dir(&root) else {
        return;
    };
    for target in targets {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for input in std::fs::read_dir(&target).unwrap() {
            let bytes = std::fs::read(input.unwrap().path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            match name.as_str() {
                "sidecar" => check_sidecar(&bytes),
                "document" => check_text(&bytes),
                "import_brat" => check_import(ImportFormat::Brat, &text, BRAT_TEXT),
                "import_w3c" => check_import(ImportFormat::W3c, &text, BRAT_TEXT),
                "import_doccano" => check_import(ImportFormat::Doccano, &text, BRAT_TEXT),
                other => panic!("unknown fuzz target folder {other}"),
            }
        }
    }
}
