//! PDF documents: the text extracted from the fixtures in `tests/fixtures/pdf/` (made by
//! `make.py` and `make_fonts.py` from text written there) against the text a reader takes from them, word by
//! word; pages and rectangles of annotations, also across a page break, in the exports; the
//! sidecar's record of the file and the extractor; and the real binary on good and bad PDFs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::formats::{ExportContent, ExportDoc, ExportFormat, ExportOptions, export};
use factmark::store::extract::extract_pdf;
use factmark::store::{Session, SourceKind};

/// Every fixture with an expected text.
const FIXTURES: &[&str] = &[
    "one-column",
    "two-columns",
    "hyphenation",
    "ligatures",
    "header-footer",
    "table",
    "stacked-labels",
    "non-latin",
    "right-to-left",
    "right-to-left-table",
    "right-to-left-paragraphs",
    "right-to-left-notes",
    "right-to-left-contract",
    "right-to-left-statement",
    "right-to-left-side-tables",
    "right-to-left-by-glyph",
    "page-quote",
    "encrypted-permissions",
    "three-columns",
    "figure-beside",
    "footnotes",
    "court-notes",
    "wide-gaps",
    "overdrawn",
    "symbolic-truetype",
    "no-widths",
    "misnamed-figures",
    "lam-alef",
    "drawn-figures",
    "misnamed-marks",
    "named-ligatures",
    "private-marks",
    "tex-maths",
    "tex-sum",
    "accent-glyphs",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixture(&format!("{name}.expected.txt"))).unwrap()
}

fn extracted(name: &str) -> factmark::store::extract::PdfExtracted {
    let bytes = std::fs::read(fixture(&format!("{name}.pdf"))).unwrap();
    extract_pdf(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Compares word by word, saying where the first difference is.
fn same_words(name: &str, got: &str, want: &str) {
    let (g, w): (Vec<&str>, Vec<&str>) = (
        got.split_whitespace().collect(),
        want.split_whitespace().collect(),
    );
    if let Some(i) = (0..g.len().max(w.len())).find(|&i| g.get(i) != w.get(i)) {
        let around = |v: &[&str]| v[i.saturating_sub(4)..(i + 4).min(v.len())].join(" ");
        panic!(
            "{name}: word {i} differs\n  got:  … {} …\n  want: … {} …",
            around(&g),
            around(&w)
        );
    }
}

#[test]
fn every_fixture_reads_as_written_word_by_word_and_by_paragraph() {
    for name in FIXTURES {
        let got = extracted(name).text;
        let want = expected(name);
        same_words(name, &got, &want);
        // Paragraphs, table rows and cells too.
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn the_table_keeps_its_rows_and_cells() {
    let text = extracted("table").text;
    assert!(
        text.contains("\n\nRegion\t2023\t2024\tChange\nNorth\t6.1%\t5.4%\t-0.7\n"),
        "{text}"
    );
}

#[test]
fn the_running_header_and_page_numbers_are_left_out() {
    let text = extracted("header-footer").text;
    assert!(!text.contains("Ministry of Fisheries"), "{text}");
    assert!(!text.contains("Page 2"), "{text}");
}

#[test]
fn every_char_has_its_page_and_the_rectangles_cover_the_right_words() {
    let e = extracted("two-columns");
    let text = &e.text;
    assert_eq!(text.chars().count(), e.pages.boxes.len());
    let offset = |s: &str| text[..text.find(s).unwrap()].chars().count();
    let page_width = e.pages.pages[0].width;
    // "Hallow Point" is in the left column, "Kestle Bay" in the right one.
    let at = offset("Hallow Point");
    let left = e.pages.rects_of(at, at + "Hallow Point".len());
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].rect[2] < page_width / 2.0, "{left:?}");
    let at = offset("Kestle Bay");
    let right = e.pages.rects_of(at, at + "Kestle Bay".len());
    assert!(right[0].rect[0] > page_width / 2.0, "{right:?}");
    // About ten points high, one line: the font is 11 pt.
    let [_, top, _, bottom] = right[0].rect;
    assert!((9.0..13.0).contains(&(bottom - top)), "{right:?}");
    // The title is above both.
    let title = e.pages.rects_of(0, 6);
    assert!(title[0].rect[3] < left[0].rect[1], "{title:?} {left:?}");
}

#[test]
fn a_sentence_over_a_page_is_not_cut_by_the_notes_under_it_and_the_notes_keep_their_page() {
    for (name, sentence, note) in [
        (
            "footnotes",
            "the works discharge directly into it",
            "Sampling followed the national protocol",
        ),
        (
            "court-notes",
            "the petitioner was eighteen years old",
            "raised this argument for the first time",
        ),
    ] {
        let e = extracted(name);
        let text = &e.text;
        let offset = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let at = offset(sentence);
        let pages = e.pages.pages_of(at, at + sentence.chars().count());
        assert_eq!(pages, vec![1, 2], "{name}: the sentence goes over the page");
        let at = offset(note);
        assert!(
            at > offset(sentence),
            "{name}: the note comes after the paragraph"
        );
        assert_eq!(e.pages.pages_of(at, at + note.len()), vec![1], "{name}");
        assert_eq!(e.pages.page_at(at), Some(1), "{name}");
        let rects = e.pages.rects_of(at, at + note.len());
        assert!(
            rects[0].rect[1] > e.pages.pages[0].height / 2.0,
            "{name}: the note is drawn at the foot of page 1: {rects:?}"
        );
    }
}

/// A folder holding a copy of a fixture.
fn folder_with(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

fn export_one(format: ExportFormat, doc: &ExportDoc) -> String {
    match export(format, std::slice::from_ref(doc), &ExportOptions::default())
        .unwrap()
        .content
    {
        ExportContent::Single(s) => s,
        ExportContent::Files(_) => unreachable!(),
    }
}

#[test]
fn a_quote_across_a_page_break_is_exported_with_both_pages() {
    let (_dir, path) = folder_with("page-quote.pdf");
    let mut session = Session::open(&path).unwrap();
    let quote =
        "whatever happens to the public finances, and I will resign before I break that promise.";
    let text = session.text.as_str().to_owned();
    let start = text[..text.find(quote).unwrap()].chars().count();
    let end = start + quote.chars().count();
    let a = Annotation::new(
        &session.text,
        start,
        end,
        Tag::new(TagKind::Quote),
        "tester",
        chrono::Utc::now(),
    )
    .unwrap();
    session.annotations = factmark::core::model::AnnotationSet::from_vec(vec![a]);
    session.save().unwrap();

    let session = Session::open(&path).unwrap();
    let pages = session.pages.clone().expect("a PDF has pages");
    assert_eq!(pages.pages_of(start, end), vec![1, 2]);
    let doc = ExportDoc::new(&path, session.text.clone(), session.annotations.as_slice())
        .with_pages(session.pages.clone());

    let jsonl: serde_json::Value =
        serde_json::from_str(export_one(ExportFormat::Jsonl, &doc).trim()).unwrap();
    assert_eq!(jsonl["page_start"], 1);
    assert_eq!(jsonl["page_end"], 2);
    assert_eq!(jsonl["exact"], quote);

    let csv = export_one(ExportFormat::Csv, &doc);
    let header = csv.lines().next().unwrap().trim_end();
    assert!(header.ends_with(",status,page_start,page_end"), "{header}");
    assert!(csv.trim_end().ends_with(",exact,1,2"), "{csv}");

    let w3c: serde_json::Value =
        serde_json::from_str(&export_one(ExportFormat::W3c, &doc)).unwrap();
    let selectors = w3c["first"]["items"][0]["target"]["selector"]
        .as_array()
        .unwrap();
    let fragments: Vec<&str> = selectors
        .iter()
        .filter(|s| s["type"] == "FragmentSelector")
        .map(|s| s["value"].as_str().unwrap())
        .collect();
    assert_eq!(fragments.len(), 2, "{selectors:?}");
    assert!(
        fragments[0].starts_with("page=1&viewrect="),
        "{fragments:?}"
    );
    assert!(
        fragments[1].starts_with("page=2&viewrect="),
        "{fragments:?}"
    );
    assert!(
        selectors.iter().any(|s| s["type"] == "TextQuoteSelector"),
        "{selectors:?}"
    );

    let html = export_one(ExportFormat::Html, &doc);
    assert!(html.contains("pages 1–2"), "{html}");
}

#[test]
fn exports_of_plain_text_have_empty_page_columns() {
    let text = factmark::core::text::Text::from_str_normalized("One claim here.");
    let a = Annotation::new(
        &text,
        4,
        9,
        Tag::new(TagKind::Claim),
        "t",
        chrono::Utc::now(),
    )
    .unwrap();
    let doc = ExportDoc::new(Path::new("a.txt"), text, &[a]);
    let row: serde_json::Value =
        serde_json::from_str(export_one(ExportFormat::Jsonl, &doc).trim()).unwrap();
    assert!(
        row["page_start"].is_null() && row["page_end"].is_null(),
        "{row}"
    );
    assert!(!export_one(ExportFormat::W3c, &doc).contains("FragmentSelector"));
}

#[test]
fn the_sidecar_records_the_pdf_and_its_extractor_and_notices_changes() {
    let (_dir, path) = folder_with("one-column.pdf");
    let mut session = Session::open(&path).unwrap();
    let source = session.source.clone().unwrap();
    assert_eq!(source.kind, SourceKind::Pdf);
    assert_eq!(
        source.extractor,
        factmark::store::extract::PDF_EXTRACTOR_VERSION
    );
    assert_eq!(source.sha256.len(), 64);
    let a = Annotation::new(
        &session.text,
        0,
        13,
        Tag::new(TagKind::Entity),
        "tester",
        chrono::Utc::now(),
    )
    .unwrap();
    session.annotations = factmark::core::model::AnnotationSet::from_vec(vec![a]);
    session.save().unwrap();
    let sidecar_path = session.sidecar_path.clone();
    let written = std::fs::read_to_string(&sidecar_path).unwrap();
    assert!(written.contains("kind: Pdf"), "{written}");
    assert!(!Session::open(&path).unwrap().document_changed());

    // Another extractor version: the annotations are anchored again.
    let older = written.replace(
        &format!("extractor: {},", source.extractor),
        "extractor: 0,",
    );
    std::fs::write(&sidecar_path, older).unwrap();
    let changes = Session::open(&path).unwrap().changes();
    assert!(
        changes.extractor && !changes.file && !changes.text,
        "{changes:?}"
    );

    // Another file (same text): noticed too.
    let other = written.replace(&source.sha256, &"0".repeat(64));
    std::fs::write(&sidecar_path, other).unwrap();
    let changes = Session::open(&path).unwrap().changes();
    assert!(changes.file && !changes.extractor, "{changes:?}");
}

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .output()
        .expect("run factmark")
}

#[test]
fn the_cli_prints_a_pdfs_text_and_tags_in_it() {
    let (dir, _) = folder_with("ligatures.pdf");
    let out = factmark(dir.path(), &["text", "ligatures.pdf"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        expected("ligatures")
    );
    let out = factmark(
        dir.path(),
        &[
            "add",
            "ligatures.pdf",
            "--tag",
            "claim",
            "--text",
            "financial difficulty",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let out = factmark(
        dir.path(),
        &["export", "ligatures.pdf", "--format", "jsonl"],
    );
    let row: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(row["exact"], "financial difficulty");
    assert_eq!(row["page_start"], 1);
}

#[test]
fn the_cli_refuses_bad_pdfs_naming_the_file_and_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("encrypted-password.pdf"),
        dir.path().join("locked.pdf"),
    )
    .unwrap();
    let whole = std::fs::read(fixture("one-column.pdf")).unwrap();
    std::fs::write(dir.path().join("cut.pdf"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(dir.path().join("fake.pdf"), "just text").unwrap();
    for (file, why) in [
        ("locked.pdf", "needs a password"),
        ("cut.pdf", "cut short"),
        ("fake.pdf", "PDF header"),
    ] {
        let out = factmark(dir.path(), &["text", file]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(file) && err.contains(why), "{err}");
        assert_eq!(err.lines().count(), 1, "said once: {err}");
    }
}

#[test]
fn folders_list_pdfs_as_documents() {
    assert!(factmark::workspace::is_document(Path::new("report.PDF")));
    assert!(factmark::workspace::DOCUMENT_EXTENSIONS.contains(&"pdf"));
}

#[test]
fn a_pdf_saved_without_its_extension_is_read_as_a_pdf() {
    let d = tempfile::tempdir().unwrap();
    let bare = d.path().join("report");
    std::fs::copy(fixture("one-column.pdf"), &bare).unwrap();
    let s = Session::open(&bare).unwrap();
    assert_eq!(s.kind, factmark::core::source::DocumentKind::Pdf);
    same_words("report", s.text.as_str(), &expected("one-column"));
}
