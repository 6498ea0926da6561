//! W3C Web Annotation export and import of documents whose text is extracted from a web page
//! (HTML), through the real binary: positions are never given against the page, the unit of
//! positions is stated in the JSON-LD, and factmark's own exports of HTML and text documents,
//! and other tools' annotations of a page, import back onto the right spans.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .env_remove("FACTMARK_AUTHOR")
        .output()
        .expect("run factmark")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        stderr(out)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-docs")
            .join(name),
    )
    .unwrap()
}

/// A folder with the annotated sample page `court-ruling.html` and its sidecar.
fn court_ruling() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["court-ruling.html", "court-ruling.html.ann.ron"] {
        std::fs::write(dir.path().join(name), sample(name)).unwrap();
    }
    dir
}

/// (start, end, tag, exact) of every annotation of a document, from `list --format json`.
fn spans(dir: &Path, doc: &str) -> Vec<(u64, u64, String, String)> {
    let v: Value =
        serde_json::from_str(&ok(&factmark(dir, &["list", doc, "--format", "json"]))).unwrap();
    let mut out: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["start"].as_u64().unwrap(),
                r["end"].as_u64().unwrap(),
                r["tag"].as_str().unwrap().to_owned(),
                r["exact"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn selectors(item: &Value) -> Vec<&Value> {
    item["target"]["selector"]
        .as_array()
        .unwrap()
        .iter()
        .collect()
}

/// The `@context` names the W3C context and defines the unit term with an absolute IRI.
fn unit_of(collection: &Value) -> &str {
    let context = collection["@context"].as_array().expect("@context list");
    assert_eq!(context[0], "http://www.w3.org/ns/anno.jsonld");
    let term = &context[1]["textPositionUnit"]["@id"];
    let iri = term.as_str().expect("textPositionUnit is defined");
    assert!(
        iri.split_once(':')
            .is_some_and(|(scheme, _)| !scheme.is_empty()),
        "{iri}"
    );
    collection["textPositionUnit"]
        .as_str()
        .expect("the collection says its unit")
}

#[test]
fn html_exports_anchor_by_quote_on_the_page_not_by_extracted_positions() {
    let dir = court_ruling();
    let d = dir.path();
    let w3c: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["export", "court-ruling.html", "--format", "w3c"],
    )))
    .unwrap();
    let items = w3c["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 17);
    for item in items {
        let source = item["target"]["source"].as_str().unwrap();
        assert!(source.ends_with("/court-ruling.html"), "{source}");
        let sels = selectors(item);
        // The positions factmark knows count the extracted article text, not the page that
        // `source` names, so they are not given.
        assert!(
            sels.iter().all(|s| s["type"] != "TextPositionSelector"),
            "{item:#}"
        );
        let quote = sels
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("a quote selector");
        assert!(!quote["exact"].as_str().unwrap().is_empty());
    }
    assert_eq!(unit_of(&w3c), "codepoints");
}

#[test]
fn text_exports_say_which_unit_their_positions_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "📉 Crime fell by 20%.\r\n").unwrap();
    ok(&factmark(
        d,
        &["add", "a.txt", "--tag", "claim", "--text", "Crime fell"],
    ));
    for (flag, unit, start) in [("codepoints", "codepoints", 2), ("utf16", "utf16", 3)] {
        let w3c: Value = serde_json::from_str(&ok(&factmark(
            d,
            &["export", "a.txt", "--format", "w3c", "--offsets", flag],
        )))
        .unwrap();
        assert_eq!(unit_of(&w3c), unit);
        let item = &w3c["first"]["items"][0];
        let position = selectors(item)
            .into_iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .expect("text documents keep their positions");
        assert_eq!(position["start"], start, "{flag}");
    }
}

#[test]
fn html_w3c_export_imports_back_onto_the_same_spans() {
    let dir = court_ruling();
    let d = dir.path();
    for offsets in ["codepoints", "utf16"] {
        let file = format!("{offsets}.jsonld");
        ok(&factmark(
            d,
            &[
                "export",
                "court-ruling.html",
                "--format",
                "w3c",
                "--offsets",
                offsets,
                "-o",
                &file,
            ],
        ));
        let _ = std::fs::remove_file(d.join("copy.html.ann.ron"));
        std::fs::write(d.join("copy.html"), sample("court-ruling.html")).unwrap();
        let out = factmark(d, &["import", "copy.html", "--from", "w3c", &file]);
        ok(&out);
        assert_eq!(
            String::from_utf8(out.stdout.clone())
                .unwrap()
                .lines()
                .count(),
            17
        );
        assert_eq!(
            spans(d, "copy.html"),
            spans(d, "court-ruling.html"),
            "{offsets}"
        );
        let again = factmark(d, &["import", "copy.html", "--from", "w3c", &file]);
        ok(&again);
        assert!(
            stderr(&again).contains("17 already present"),
            "{}",
            stderr(&again)
        );
    }
}

#[test]
fn text_w3c_export_imports_back_with_its_positions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "📉 On 3 May, the minister said crime fell.\r\nThe minister said so twice.\r\n";
    std::fs::write(d.join("a.txt"), text).unwrap();
    ok(&factmark(
        d,
        &[
            "add",
            "a.txt",
            "--tag",
            "quote",
            "--text",
            "the minister said",
            "--occurrence",
            "1",
        ],
    ));
    ok(&factmark(
        d,
        &["add", "a.txt", "--tag", "claim", "--text", "crime fell"],
    ));
    ok(&factmark(
        d,
        &["export", "a.txt", "--format", "w3c", "-o", "out.jsonld"],
    ));
    std::fs::create_dir_all(d.join("copy")).unwrap();
    std::fs::write(d.join("copy/a.txt"), text).unwrap();
    let out = factmark(d, &["import", "copy/a.txt", "--from", "w3c", "out.jsonld"]);
    ok(&out);
    assert!(!stderr(&out).contains("found by"), "{}", stderr(&out));
    assert_eq!(spans(d, "copy/a.txt"), spans(d, "a.txt"));
}

#[test]
fn another_tools_annotation_of_the_page_lands_on_its_quote() {
    let dir = court_ruling();
    let d = dir.path();
    std::fs::create_dir_all(d.join("fresh")).unwrap();
    std::fs::write(
        d.join("fresh/court-ruling.html"),
        sample("court-ruling.html"),
    )
    .unwrap();
    // A Hypothesis-style annotation of the live page: UTF-16 positions of the page's whole
    // text (navigation and all), which mean nothing in the extracted article.
    let input = r#"{
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "type": "Annotation",
      "creator": "acct:kim@hypothes.is",
      "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"},
               {"type": "TextualBody", "purpose": "commenting", "value": "Check the audit."}],
      "target": {
        "source": "https://news.example/2025/06/court-ruling.html",
        "selector": [
          {"type": "TextPositionSelector", "start": 2480, "end": 2508},
          {"type": "TextQuoteSelector", "exact": "not a single euro was wasted",
           "prefix": "been spent on pipe work and that “", "suffix": ".”"}
        ]
      }
    }"#;
    std::fs::write(d.join("hypothesis.json"), input).unwrap();
    ok(&factmark(
        d,
        &[
            "import",
            "fresh/court-ruling.html",
            "--from",
            "w3c",
            "hypothesis.json",
        ],
    ));
    let got = spans(d, "fresh/court-ruling.html");
    assert_eq!(
        got,
        [(
            1434,
            1462,
            "claim".to_owned(),
            "not a single euro was wasted".to_owned()
        )]
    );
}
