//! The export and import formats as a library: golden files for every format on a small sample
//! (fixed ids and times), a Unicode stress document whose every exported offset is checked in
//! the target's unit, round trips export → import for brat, W3C and doccano (also UTF-16, CRLF
//! and mixed readings), idempotent imports, CSV injection, ClaimReview required fields, and an
//! HTML report without scripts.
//!
//! Golden files live in tests/golden/; run with `FACTMARK_BLESS=1` to rewrite them after an
//! intended change, then review the diff by eye.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use factmark::core::annotation::{
    Annotation, AnnotationId, DateValue, EntityKind, Review, ReviewStatus, Tag, TagKind, Verdict,
};
use factmark::core::evidence::{Evidence, EvidenceId, Snapshot, Stance};
use factmark::core::link::{Link, LinkId, LinkKind};
use factmark::core::text::Text;
use factmark::formats::import::{ImportOptions, ImportReport, ImportTarget, import};
use factmark::formats::{
    ClaimReviewOptions, ConllLayout, ExportContent, ExportDoc, ExportFormat, ExportOptions,
    ExportOutput, ImportFormat, NamedFile, OffsetUnit, WarningKind, export,
};
use serde_json::Value;

// ---------------------------------------------------------------- fixtures

/// The worked example of formats-and-peers.md §2, plus a quote over a line break.
const SAMPLE: &str = "📉 On 3 May 2024, Minister Jane Doe said: \"Crime fell by 20% last year.\"\n\
The Ministry of Justice replied: «Les chiffres\nsont provisoires.»\n";

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, h, m, 0).unwrap()
}

fn ann(t: &Text, n: u128, start: usize, end: usize, tag: Tag) -> Annotation {
    let mut a = Annotation::new(t, start, end, tag, "ana", at(9, n as u32)).unwrap();
    a.id = AnnotationId(uuid::Uuid::from_u128(0x1000 + n));
    a
}

fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The sample's annotations: nested claim in quote, a multi-line quote, typed attributes,
/// a review, notes with markup and formula starts, and one annotation whose text is gone.
fn sample_annotations(t: &Text) -> Vec<Annotation> {
    let s = t.as_str();
    let mut v = Vec::new();
    let mut date = ann(
        t,
        1,
        5,
        15,
        Tag::Date {
            value: Some(DateValue::parse("2024-05-03").unwrap()),
        },
    );
    date.note = "Date of speech, not of article.".into();
    v.push(date);
    let mut jane = ann(
        t,
        2,
        26,
        34,
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: Some("https://example.org/people/jane-doe".into()),
        },
    );
    jane.note = "<script>alert('x')</script> is not a script here".into();
    v.push(jane);
    v.push(ann(
        t,
        3,
        41,
        71,
        Tag::Quote {
            speaker: Some("Jane Doe".into()),
        },
    ));
    let mut claim = ann(
        t,
        4,
        42,
        69,
        Tag::Claim {
            verdict: Verdict::MostlyFalse,
            claimant: Some("Jane Doe".into()),
        },
    );
    claim.note = "ONS figures show a 7% fall; check base year.".into();
    claim.review = Review {
        status: ReviewStatus::Accepted,
        by: Some("kim".into()),
        at: Some(at(11, 0)),
        comment: Some("Agreed".into()),
    };
    claim.modified = at(10, 30);
    v.push(claim);
    let (ms, me) = char_span(s, "Ministry of Justice");
    let mut ministry = ann(
        t,
        5,
        ms,
        me,
        Tag::Entity {
            kind: EntityKind::Organization,
            identifier: Some("Q1234567".into()),
        },
    );
    ministry.note = "=1+1 is not a formula here".into();
    v.push(ministry);
    let (qs, qe) = char_span(s, "«Les chiffres\nsont provisoires.»");
    let mut quote = ann(t, 6, qs, qe, Tag::Quote { speaker: None });
    quote.note = "Spans a line break.\nSecond line of the note.".into();
    v.push(quote);
    let (cs, ce) = char_span(s, "sont provisoires");
    v.push(ann(t, 7, cs, ce, Tag::new(TagKind::Claim)));
    // Links: the quote said by Jane, the second claim contradicting the first; evidence on
    // the first claim.
    let link = |n: u128, kind: LinkKind, to: u128| {
        let mut l = Link::new(
            kind,
            AnnotationId(uuid::Uuid::from_u128(0x1000 + to)),
            "kim",
            at(11, n as u32),
        );
        l.id = LinkId(uuid::Uuid::from_u128(0x5000 + n));
        l
    };
    v[2].links.push(link(1, LinkKind::AttributedTo, 2));
    v[6].links.push(link(2, LinkKind::Contradicts, 4));
    let mut ons = Evidence::new("https://ons.example/crime", Stance::Refutes, at(8, 0));
    ons.id = EvidenceId(uuid::Uuid::from_u128(0x6001));
    ons.title = "Crime in England and Wales".into();
    ons.archived = "https://web.archive.org/web/2026/https://ons.example/crime".into();
    ons.snapshot = Some(Snapshot {
        path: "snapshots/ons-crime.html".into(),
        sha256: "0f".repeat(32),
    });
    v[3].evidence.push(ons);
    // An annotation whose text is no longer in the document (orphaned).
    let mut gone = ann(t, 8, 0, 4, Tag::new(TagKind::Quote));
    gone.exact = "Police budget".into();
    gone.prefix = String::new();
    gone.suffix = " was cut".into();
    v.push(gone);
    v
}

fn sample_doc() -> ExportDoc {
    let t = Text::from_str_normalized(SAMPLE);
    let anns = sample_annotations(&t);
    ExportDoc::new(Path::new("corpus/sample.txt"), t, &anns)
        .with_uri("file:///corpus/sample.txt".into())
        .with_url(Some("https://news.example/minister".into()))
}

fn options() -> ExportOptions {
    ExportOptions {
        claim_review: ClaimReviewOptions {
            url: Some("https://factchecker.example/checks/crime-fell-20".into()),
            publisher: Some("Example Fact Check".into()),
            publisher_url: Some("https://factchecker.example".into()),
            date_published: Some("2026-01-03".parse().unwrap()),
        },
        ..ExportOptions::default()
    }
}

fn run(format: ExportFormat, docs: &[ExportDoc], options: &ExportOptions) -> ExportOutput {
    export(format, docs, options).unwrap()
}

fn single(out: &ExportOutput) -> &str {
    match &out.content {
        ExportContent::Single(s) => s,
        ExportContent::Files(_) => panic!("expected one text"),
    }
}

fn files(out: &ExportOutput) -> &[NamedFile] {
    match &out.content {
        ExportContent::Files(f) => f,
        ExportContent::Single(_) => panic!("expected files"),
    }
}

fn file<'a>(out: &'a ExportOutput, name: &str) -> &'a str {
    &files(out)
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .contents
}

fn import_into(
    format: ImportFormat,
    input: &str,
    text: &Text,
    file: Option<&str>,
    existing: &[Annotation],
) -> ImportReport {
    let target = ImportTarget {
        text,
        file,
        file_name: "sample.txt",
        existing,
    };
    let options = ImportOptions {
        author: "importer".into(),
        now: at(12, 0),
    };
    import(format, input, &target, &options).unwrap()
}

// ---------------------------------------------------------------- golden files

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("FACTMARK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with FACTMARK_BLESS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the export; if the change is intended, rerun with FACTMARK_BLESS=1 and review the diff\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn warnings_text(out: &ExportOutput) -> String {
    out.warnings.iter().map(|w| format!("{w}\n")).collect()
}

fn golden_single(format: ExportFormat, name: &str, options: &ExportOptions) {
    let out = run(format, &[sample_doc()], options);
    check_golden(name, single(&out));
    check_golden(&format!("{name}.warnings.txt"), &warnings_text(&out));
}

#[test]
fn golden_w3c() {
    golden_single(ExportFormat::W3c, "sample.w3c.jsonld", &options());
}

#[test]
fn golden_w3c_utf16() {
    let o = ExportOptions {
        offsets: OffsetUnit::Utf16,
        ..options()
    };
    golden_single(ExportFormat::W3c, "sample.w3c-utf16.jsonld", &o);
}

#[test]
fn golden_brat() {
    let out = run(ExportFormat::Brat, &[sample_doc()], &options());
    let names: Vec<&str> = files(&out).iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["annotation.conf", "sample.ann", "sample.txt"]);
    for f in files(&out) {
        check_golden(&format!("brat/{}", f.name), &f.contents);
    }
    check_golden("brat/warnings.txt", &warnings_text(&out));
}

#[test]
fn golden_csv_links_and_evidence() {
    let out = run(ExportFormat::Csv, &[sample_doc()], &options());
    let names: Vec<&str> = out.companions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["links.csv", "evidence.csv"]);
    for f in &out.companions {
        check_golden(&format!("sample.{}", f.name), &f.contents);
    }
}

#[test]
fn golden_csv() {
    golden_single(ExportFormat::Csv, "sample.csv", &options());
}

#[test]
fn golden_jsonl() {
    golden_single(ExportFormat::Jsonl, "sample.jsonl", &options());
}

#[test]
fn golden_doccano() {
    golden_single(ExportFormat::Doccano, "sample.doccano.jsonl", &options());
}

#[test]
fn golden_spacy() {
    golden_single(ExportFormat::Spacy, "sample.spacy.jsonl", &options());
}

#[test]
fn golden_conll() {
    golden_single(ExportFormat::Conll, "sample.conll", &options());
    let o = ExportOptions {
        conll_layout: ConllLayout::PerTag,
        ..options()
    };
    golden_single(ExportFormat::Conll, "sample.per-tag.conll", &o);
}

#[test]
fn golden_claimreview() {
    golden_single(
        ExportFormat::ClaimReview,
        "sample.claimreview.jsonld",
        &options(),
    );
}

#[test]
fn the_count_of_exported_annotations_is_what_the_file_holds() {
    let doc = sample_doc();
    let total = doc.annotations.len();
    // CSV writes every annotation; ClaimReview only the rated claims (the sample has one
    // rated claim and one without a verdict, which is skipped with a warning).
    assert_eq!(
        run(ExportFormat::Csv, &[sample_doc()], &options()).exported,
        total
    );
    let reviews = run(ExportFormat::ClaimReview, &[doc], &options());
    let written = single(&reviews)
        .matches("\"@type\": \"ClaimReview\"")
        .count();
    assert!(written > 0);
    assert_eq!(reviews.exported, written);
}

#[test]
fn golden_html() {
    golden_single(ExportFormat::Html, "sample.html", &options());
}

#[test]
fn exports_are_deterministic() {
    for f in ExportFormat::ALL {
        let a = run(*f, &[sample_doc()], &options());
        let b = run(*f, &[sample_doc()], &options());
        assert_eq!(a, b, "{f}");
    }
}

#[test]
fn unplaced_annotations_are_reported_not_dropped_silently() {
    for f in [
        ExportFormat::Brat,
        ExportFormat::Doccano,
        ExportFormat::Spacy,
        ExportFormat::Conll,
    ] {
        let out = run(f, &[sample_doc()], &options());
        let w: Vec<_> = out
            .warnings
            .iter()
            .filter(|w| w.message.contains("orphaned"))
            .collect();
        assert_eq!(w.len(), 1, "{f}: {:?}", out.warnings);
        assert_eq!(w[0].kind, WarningKind::Skipped);
        assert!(out.has_problems());
    }
    // CSV and JSONL keep it, with its status.
    let csv = run(ExportFormat::Csv, &[sample_doc()], &options());
    assert!(single(&csv).contains(",orphaned,,\r\n"));
}

// ---------------------------------------------------------------- Unicode stress

/// Astral emoji, a flag, a ZWJ family, combining accents, CJK, guillemets, CRLF in the file.
const STRESS_FILE: &str = "\u{feff}📉 Le ministre a dit : « Le chômage a baissé de 3 % » 🇫🇷.\r\n\
La famille 👨‍👩‍👧‍👦 de Rene\u{301}e e\u{301}tait la\u{300} ; 陈静 a répondu « non ».\r\n\
Un 🏳️‍🌈 drapeau, puis 💶 2 €.\r\n";

fn stress() -> (Text, Vec<Annotation>) {
    let t = Text::from_str_normalized(STRESS_FILE);
    let s = t.as_str().to_owned();
    let mut v = Vec::new();
    let mut n = 0;
    let mut add = |needle: &str, tag: Tag| {
        n += 1;
        let (a, b) = char_span(&s, needle);
        v.push(ann(&t, n, a, b, tag));
    };
    add("« Le chômage a baissé de 3 % »", Tag::new(TagKind::Quote));
    add(
        "Le chômage a baissé de 3 %",
        Tag::Claim {
            verdict: Verdict::False,
            claimant: Some("Le ministre".into()),
        },
    );
    add("🇫🇷", Tag::new(TagKind::Entity));
    add("famille 👨‍👩‍👧‍👦", Tag::new(TagKind::Entity));
    add(
        "Rene\u{301}e",
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: Some("Q42".into()),
        },
    );
    add("e\u{301}tait la\u{300}", Tag::new(TagKind::Quote));
    add(
        "陈静",
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: None,
        },
    );
    add("« non »", Tag::new(TagKind::Quote));
    add("🏳️‍🌈 drapeau", Tag::new(TagKind::Entity));
    add("💶 2 €", Tag::new(TagKind::Claim));
    add("drapeau, puis 💶", Tag::new(TagKind::Date));
    (t, v)
}

fn stress_doc() -> ExportDoc {
    let (t, v) = stress();
    ExportDoc::new(Path::new("stress.txt"), t, &v)
}

fn cp(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

fn u16_slice(s: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn stress_spans_are_what_they_claim() {
    let (t, v) = stress();
    for a in &v {
        assert_eq!(cp(t.as_str(), a.start, a.end), a.exact);
    }
    assert!(t.as_str().contains('\u{200d}') && !t.as_str().contains('\r'));
}

#[test]
fn stress_w3c_offsets_in_code_points_and_utf16() {
    let doc = stress_doc();
    let text = doc.text.as_str().to_owned();
    for (unit, slice) in [
        (
            OffsetUnit::CodePoints,
            cp as fn(&str, usize, usize) -> String,
        ),
        (OffsetUnit::Utf16, u16_slice),
    ] {
        let o = ExportOptions {
            offsets: unit,
            ..ExportOptions::default()
        };
        let out = run(ExportFormat::W3c, std::slice::from_ref(&doc), &o);
        let v: Value = serde_json::from_str(single(&out)).unwrap();
        assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 11);
        for item in items {
            let sels = item["target"]["selector"].as_array().unwrap();
            let exact = sels[0]["exact"].as_str().unwrap();
            let (s, e) = (
                sels[1]["start"].as_u64().unwrap() as usize,
                sels[1]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(slice(&text, s, e), exact, "{unit:?}");
        }
    }
}

#[test]
fn stress_brat_offsets_count_code_points_of_the_txt() {
    let out = run(
        ExportFormat::Brat,
        &[stress_doc()],
        &ExportOptions::default(),
    );
    let txt = file(&out, "stress.txt");
    let ann = file(&out, "stress.ann");
    let mut seen = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let parts: Vec<&str> = line.split('\t').collect();
        let (_, offsets) = parts[1].split_once(' ').unwrap();
        let joined: Vec<String> = offsets
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                cp(txt, s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        assert_eq!(joined.join(" "), parts[2], "{line}");
        seen += 1;
    }
    assert_eq!(seen, 11);
    assert!(!txt.starts_with('\u{feff}') && !txt.contains('\r'));
}

#[test]
fn stress_doccano_and_spacy_offsets_count_code_points() {
    let doc = stress_doc();
    let exacts: BTreeSet<String> = doc.placed().map(|a| a.exact.clone()).collect();
    let out = run(
        ExportFormat::Doccano,
        std::slice::from_ref(&doc),
        &ExportOptions::default(),
    );
    let line: Value = serde_json::from_str(single(&out).trim_end()).unwrap();
    let text = line["text"].as_str().unwrap();
    let got: BTreeSet<String> = line["label"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            cp(
                text,
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(got, exacts);

    let out = run(
        ExportFormat::Spacy,
        std::slice::from_ref(&doc),
        &ExportOptions::default(),
    );
    let line: Value = serde_json::from_str(single(&out).trim_end()).unwrap();
    let text = line["text"].as_str().unwrap();
    let tokens = line["tokens"].as_array().unwrap();
    for tok in tokens {
        let (s, e) = (
            tok["start"].as_u64().unwrap() as usize,
            tok["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(cp(text, s, e), tok["text"].as_str().unwrap());
    }
    let mut got = BTreeSet::new();
    for span in line["spans"].as_array().unwrap() {
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        got.insert(cp(text, s, e));
        let (ts, te) = (
            span["token_start"].as_u64().unwrap() as usize,
            span["token_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(tokens[ts]["start"].as_u64().unwrap() as usize, s);
        assert_eq!(tokens[te]["end"].as_u64().unwrap() as usize, e);
    }
    assert_eq!(got, exacts);
    // Emoji sequences are whole tokens.
    let texts: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
    for whole in [
        "👨‍👩‍👧‍👦",
        "🇫🇷",
        "🏳️‍🌈",
        "Rene\u{301}e",
        "e\u{301}tait",
        "la\u{300}",
        "陈",
    ] {
        assert!(texts.contains(&whole), "{whole:?} in {texts:?}");
    }
}

#[test]
fn stress_csv_and_jsonl_offsets_count_code_points() {
    let doc = stress_doc();
    let text = doc.text.as_str().to_owned();
    let out = run(
        ExportFormat::Jsonl,
        std::slice::from_ref(&doc),
        &ExportOptions::default(),
    );
    for line in single(&out).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(cp(&text, s, e), v["exact"].as_str().unwrap());
    }
    let out = run(
        ExportFormat::Csv,
        std::slice::from_ref(&doc),
        &ExportOptions::default(),
    );
    let mut r = csv::Reader::from_reader(single(&out).as_bytes());
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        let (s, e): (usize, usize) = (rec[3].parse().unwrap(), rec[4].parse().unwrap());
        assert_eq!(cp(&text, s, e), &rec[5]);
        rows += 1;
    }
    assert_eq!(rows, 11);
}

/// Char offsets of CoNLL tokens, found in order in the text, and the chunks of each column.
fn conll_chunks(conll: &str, text: &str, column: usize) -> BTreeSet<(String, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let mut chunks = BTreeSet::new();
    let mut open: Option<(String, usize, usize)> = None;
    for line in conll.lines() {
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let tok: Vec<char> = cols[0].chars().collect();
        while chars[pos..pos + tok.len()] != tok[..] {
            pos += 1;
        }
        let (s, e) = (pos, pos + tok.len());
        pos = e;
        let tag = cols[column];
        match (tag.split_once('-'), open.as_mut()) {
            (Some(("I", l)), Some(o)) if o.0 == l => o.2 = e,
            (Some((_, l)), _) => {
                chunks.extend(open.take());
                open = Some((l.to_owned(), s, e));
            }
            (None, _) => chunks.extend(open.take()),
        }
    }
    chunks.extend(open);
    chunks
}

#[test]
fn stress_conll_tokens_and_chunks_line_up() {
    let doc = stress_doc();
    let text = doc.text.as_str().to_owned();
    let o = ExportOptions {
        conll_layout: ConllLayout::PerTag,
        ..ExportOptions::default()
    };
    let out = run(ExportFormat::Conll, std::slice::from_ref(&doc), &o);
    for (col, kind) in TagKind::ALL.iter().enumerate() {
        let want: BTreeSet<(String, usize, usize)> = doc
            .placed()
            .filter(|a| a.tag.kind() == *kind)
            .map(|a| (kind.as_str().to_uppercase(), a.start, a.end))
            .collect();
        let got = conll_chunks(single(&out), &text, col + 1);
        assert_eq!(got, want, "{kind}");
    }
    // The innermost layout splits the quote around the claim and says so.
    let out = run(ExportFormat::Conll, &[doc], &ExportOptions::default());
    assert!(
        out.warnings
            .iter()
            .any(|w| w.kind == WarningKind::Lossy && w.message.contains("split in CoNLL")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn stress_claimreview_and_html_keep_the_text() {
    let doc = stress_doc();
    let out = run(
        ExportFormat::ClaimReview,
        std::slice::from_ref(&doc),
        &options(),
    );
    let v: Value = serde_json::from_str(single(&out)).unwrap();
    assert_eq!(v[0]["claimReviewed"], "Le chômage a baissé de 3 %");
    let html = run(ExportFormat::Html, &[doc], &options());
    assert!(single(&html).contains("👨‍👩‍👧‍👦"));
    assert!(single(&html).contains("Rene\u{301}e"));
}

// ---------------------------------------------------------------- round trips

/// (start, end, tag with its attributes) of each annotation.
fn spans(anns: &[Annotation]) -> BTreeSet<(usize, usize, String)> {
    anns.iter()
        .map(|a| (a.start, a.end, format!("{:?}", a.tag)))
        .collect()
}

fn placed_spans(doc: &ExportDoc) -> BTreeSet<(usize, usize, String)> {
    spans(&doc.placed().cloned().collect::<Vec<_>>())
}

fn round_trip(format: ExportFormat, from: ImportFormat, doc: &ExportDoc, options: &ExportOptions) {
    let out = run(format, std::slice::from_ref(doc), options);
    let input = match &out.content {
        ExportContent::Single(s) => s.clone(),
        ExportContent::Files(f) => f
            .iter()
            .find(|f| f.name.ends_with(".ann"))
            .unwrap()
            .contents
            .clone(),
    };
    let first = import_into(from, &input, &doc.text, None, &[]);
    // W3C exports unanchored annotations by their quote alone; they cannot be placed back.
    let unplaced = match format {
        ExportFormat::W3c => doc.annotations.iter().filter(|p| !p.is_placed()).count(),
        _ => 0,
    };
    assert_eq!(
        first.skipped.len(),
        unplaced,
        "{format}: {:?}",
        first.skipped
    );
    assert_eq!(first.found_by_quote, 0, "{format}");
    // doccano holds only the tag, not its attributes.
    let kinds = |anns: Vec<&Annotation>| -> BTreeSet<(usize, usize, TagKind)> {
        anns.iter()
            .map(|a| (a.start, a.end, a.tag.kind()))
            .collect()
    };
    if format == ExportFormat::Doccano {
        assert_eq!(
            kinds(first.added.iter().collect()),
            kinds(doc.placed().collect())
        );
    } else {
        assert_eq!(spans(&first.added), placed_spans(doc), "{format}");
    }
    // Importing the same file again adds nothing.
    let second = import_into(from, &input, &doc.text, None, &first.added);
    assert!(second.added.is_empty(), "{format}: {:?}", second.added);
    assert_eq!(second.already_present, first.added.len());
}

#[test]
fn round_trip_brat() {
    round_trip(
        ExportFormat::Brat,
        ImportFormat::Brat,
        &sample_doc(),
        &options(),
    );
    round_trip(
        ExportFormat::Brat,
        ImportFormat::Brat,
        &stress_doc(),
        &ExportOptions::default(),
    );
}

#[test]
fn round_trip_w3c() {
    round_trip(
        ExportFormat::W3c,
        ImportFormat::W3c,
        &sample_doc(),
        &options(),
    );
    round_trip(
        ExportFormat::W3c,
        ImportFormat::W3c,
        &stress_doc(),
        &ExportOptions::default(),
    );
}

#[test]
fn round_trip_w3c_utf16_is_detected() {
    let o = ExportOptions {
        offsets: OffsetUnit::Utf16,
        ..ExportOptions::default()
    };
    round_trip(ExportFormat::W3c, ImportFormat::W3c, &stress_doc(), &o);
    let out = run(ExportFormat::W3c, &[stress_doc()], &o);
    let doc = stress_doc();
    let r = import_into(ImportFormat::W3c, single(&out), &doc.text, None, &[]);
    assert_eq!(r.reading.map(|r| r.unit), Some(OffsetUnit::Utf16));
}

#[test]
fn round_trip_doccano() {
    round_trip(
        ExportFormat::Doccano,
        ImportFormat::Doccano,
        &sample_doc(),
        &options(),
    );
    round_trip(
        ExportFormat::Doccano,
        ImportFormat::Doccano,
        &stress_doc(),
        &ExportOptions::default(),
    );
}

#[test]
fn w3c_round_trip_keeps_every_field() {
    let doc = sample_doc();
    let out = run(ExportFormat::W3c, std::slice::from_ref(&doc), &options());
    let r = import_into(ImportFormat::W3c, single(&out), &doc.text, None, &[]);
    let placed: Vec<&Annotation> = doc.placed().collect();
    assert_eq!(r.added.len(), placed.len());
    for (a, b) in placed.iter().zip(&r.added) {
        assert_eq!(**a, *b);
    }
}

#[test]
fn brat_round_trip_keeps_notes_and_attributes() {
    let doc = sample_doc();
    let out = run(ExportFormat::Brat, std::slice::from_ref(&doc), &options());
    let r = import_into(
        ImportFormat::Brat,
        file(&out, "sample.ann"),
        &doc.text,
        None,
        &[],
    );
    let claim = r.added.iter().find(|a| a.start == 42).unwrap();
    assert_eq!(claim.note, "ONS figures show a 7% fall; check base year.");
    assert_eq!(claim.review.status, ReviewStatus::Accepted);
    assert_eq!(claim.review.by.as_deref(), Some("kim"));
    assert_eq!(claim.author, "importer");
    let quote = r.added.iter().find(|a| a.exact.starts_with('«')).unwrap();
    assert_eq!(quote.exact, "«Les chiffres\nsont provisoires.»");
    // brat notes are one line.
    assert_eq!(quote.note, "Spans a line break. Second line of the note.");
}

#[test]
fn brat_offsets_counting_crlf_and_bom_are_read_right() {
    // A brat server reading this CRLF file with a BOM counts CRLF as two chars and the BOM
    // as one (anchoring.md §5.2); the importer must find the reading that holds the text.
    let (t, v) = stress();
    let map = factmark::formats::offsets::OffsetMap::with_file(&t, STRESS_FILE);
    let reading = factmark::formats::offsets::Reading {
        unit: OffsetUnit::CodePoints,
        newlines: factmark::formats::offsets::Newlines::AsInFile,
        bom: true,
    };
    let mut ann = String::new();
    for (i, a) in v.iter().enumerate() {
        let (s, e) = (map.to_unit(reading, a.start), map.to_unit(reading, a.end));
        ann.push_str(&format!("T{}\tEntity {s} {e}\t{}\n", i + 1, a.exact));
    }
    // One line from a browser client that counted the CRLFs as one (brat#853): mixed readings.
    let last = v.last().unwrap();
    ann.push_str(&format!(
        "T99\tQuote {} {}\t{}\n",
        last.start, last.end, last.exact
    ));
    let r = import_into(ImportFormat::Brat, &ann, &t, Some(STRESS_FILE), &[]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.reading, Some(reading));
    assert_eq!(r.other_reading, 1);
    let got: BTreeSet<(usize, usize)> = r.added.iter().map(|a| (a.start, a.end)).collect();
    let want: BTreeSet<(usize, usize)> = v.iter().map(|a| (a.start, a.end)).collect();
    assert_eq!(got, want);
}

#[test]
fn brat_utf16_offsets_from_a_javascript_tool_are_read_right() {
    let (t, v) = stress();
    let mut ann = String::new();
    for (i, a) in v.iter().enumerate() {
        let s = t.as_str();
        let u = |c: usize| factmark::formats::offsets::utf16_of(s, c);
        ann.push_str(&format!(
            "T{}\tClaim {} {}\t{}\n",
            i + 1,
            u(a.start),
            u(a.end),
            a.exact
        ));
    }
    let r = import_into(ImportFormat::Brat, &ann, &t, None, &[]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.reading.map(|r| r.unit), Some(OffsetUnit::Utf16));
    assert_eq!(r.added.len(), v.len());
}

#[test]
fn import_reports_what_does_not_match() {
    let t = Text::from_str_normalized(SAMPLE);
    let ann = "T1\tDate 5 15\t3 May 2024\n\
T2\tClaim 0 4\tnot in the document\n\
T3\tProtein 26 34\tJane Doe\n\
T4\tEntity 26 34;41 45\tJane Doe \"Cri\n\
R1\tSpeaker Arg1:T1 Arg2:T2\n";
    let r = import_into(ImportFormat::Brat, ann, &t, None, &[]);
    assert_eq!(r.added.len(), 1);
    assert_eq!(
        r.added[0].tag,
        Tag::Date {
            value: Some(DateValue::parse("2024-05-03").unwrap())
        }
    );
    let reasons: Vec<String> = r.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(reasons.len(), 4, "{reasons:#?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("T2") && r.contains("not in the document"))
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("T3") && r.contains("unknown type"))
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("T4") && r.contains("discontinuous"))
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("R1") && r.contains("ends was not imported"))
    );
}

#[test]
fn w3c_import_finds_hypothesis_style_quotes_and_picks_its_document() {
    let t = Text::from_str_normalized(SAMPLE);
    // No position, tag "person", a Hypothesis-like creator; and one annotation of another page.
    let input = r#"[
      {"type": "Annotation", "creator": "acct:ana@example.org",
       "body": [{"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
                {"type": "TextualBody", "value": "A note without purpose"}],
       "target": {"source": "https://news.example/a/sample.txt",
                  "selector": {"type": "TextQuoteSelector", "exact": "Jane Doe", "prefix": "Minister ", "suffix": " said"}}},
      {"type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
       "target": {"source": "https://news.example/other.txt",
                  "selector": {"type": "TextQuoteSelector", "exact": "Crime"}}}
    ]"#;
    let r = import_into(ImportFormat::W3c, input, &t, None, &[]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.other_documents, 1);
    assert_eq!(r.found_by_quote, 1);
    let a = &r.added[0];
    assert_eq!((a.start, a.end), (26, 34));
    assert_eq!(
        a.tag,
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: None
        }
    );
    assert_eq!(a.author, "ana@example.org");
    assert_eq!(a.note, "A note without purpose");
}

#[test]
fn doccano_import_converts_crlf_text_offsets() {
    let t = Text::from_str_normalized(SAMPLE);
    // doccano's text kept CRLF, so its code points count each line end as two.
    let crlf = SAMPLE.replace('\n', "\r\n");
    let (s, e) = char_span(&crlf, "Ministry of Justice");
    let line = serde_json::json!({"text": crlf, "label": [[s, e, "ORG"], [0, 1, "SENTIMENT"]]});
    let r = import_into(ImportFormat::Doccano, &line.to_string(), &t, None, &[]);
    assert_eq!(r.added.len(), 1);
    assert_eq!(r.added[0].exact, "Ministry of Justice");
    assert_eq!(r.skipped.len(), 1);
    assert!(r.skipped[0].reason.contains("SENTIMENT"));
}

// ---------------------------------------------------------------- CSV, ClaimReview, HTML

#[test]
fn csv_neutralizes_formula_injection() {
    let t = Text::from_str_normalized("=SUM(A1) +cmd -x @me\tand more");
    let mut v = Vec::new();
    for (i, needle) in ["=SUM(A1)", "+cmd", "-x", "@me"].iter().enumerate() {
        let (s, e) = char_span(t.as_str(), needle);
        let mut a = ann(&t, i as u128, s, e, Tag::new(TagKind::Claim));
        a.note = format!("{needle} in a note");
        a.author = "=HYPERLINK(\"http://evil.example\")".into();
        v.push(a);
    }
    let doc = ExportDoc::new(Path::new("inject.txt"), t, &v);
    let out = run(ExportFormat::Csv, &[doc], &ExportOptions::default());
    let mut r = csv::Reader::from_reader(single(&out).as_bytes());
    for rec in r.records() {
        let rec = rec.unwrap();
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?}"
            );
        }
        assert!(rec[5].starts_with('\''));
        assert!(rec[15].starts_with("'=HYPERLINK"));
    }
    // With --bom the file starts with a UTF-8 byte order mark.
    let o = ExportOptions {
        csv_bom: true,
        ..ExportOptions::default()
    };
    assert!(single(&run(ExportFormat::Csv, &[sample_doc()], &o)).starts_with('\u{feff}'));
}

#[test]
fn claimreview_has_google_required_fields() {
    let out = run(ExportFormat::ClaimReview, &[sample_doc()], &options());
    let v: Value = serde_json::from_str(single(&out)).unwrap();
    let reviews = v.as_array().unwrap();
    // One rated claim; the unrated one is reported, not written.
    assert_eq!(reviews.len(), 1);
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["claimReviewed"], "Crime fell by 20% last year");
    assert_eq!(r["url"], "https://factchecker.example/checks/crime-fell-20");
    assert_eq!(r["reviewRating"]["@type"], "Rating");
    assert_eq!(r["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(r["reviewRating"]["ratingValue"], 2);
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    assert_eq!(r["itemReviewed"]["author"]["name"], "Jane Doe");
    assert_eq!(r["itemReviewed"]["datePublished"], "2024-05-03");
    assert_eq!(
        r["itemReviewed"]["appearance"]["url"],
        "https://news.example/minister"
    );
    assert!(
        out.warnings
            .iter()
            .any(|w| w.kind == WarningKind::Skipped && w.message.contains("no verdict"))
    );

    // Without --url the required field is reported as missing.
    let out = run(
        ExportFormat::ClaimReview,
        &[sample_doc()],
        &ExportOptions::default(),
    );
    assert!(out.has_problems());
    assert!(
        out.warnings
            .iter()
            .any(|w| w.kind == WarningKind::Incomplete && w.message.contains("url"))
    );
    let v: Value = serde_json::from_str(single(&out)).unwrap();
    assert!(v[0].get("url").is_none());
}

#[test]
fn html_report_has_no_script_and_no_remote_resources() {
    let out = run(
        ExportFormat::Html,
        &[sample_doc(), stress_doc()],
        &options(),
    );
    let html = single(&out);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a <script> tag");
    for bad in [
        "<link",
        "<img",
        "<iframe",
        "src=",
        "@import",
        "url(",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "{bad}");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("default-src 'none'"));
    // Every placed annotation has a numbered entry, and the claims table lists the claim.
    assert!(html.contains("id=\"d1-a7\""));
    assert!(html.contains("<td dir=\"auto\">Crime fell by 20% last year</td>"));
    assert!(html.contains("Not found in the current text"));
}

#[test]
fn only_w3c_counts_utf16() {
    let o = ExportOptions {
        offsets: OffsetUnit::Utf16,
        ..ExportOptions::default()
    };
    assert!(export(ExportFormat::Brat, &[sample_doc()], &o).is_err());
    assert!(export(ExportFormat::W3c, &[sample_doc()], &o).is_ok());
}
