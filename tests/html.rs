//! HTML and Markdown documents: golden extracted texts of the sample pages in
//! `tests/fixtures/html/`, their metadata, and the real binary (`add`, `text`, `export`) on them
//! in temporary folders, plus the migration of version 1 sidecars.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factmark::store::extract::{HtmlError, extract_html};

/// The sample pages that have a golden text (`NAME.expected.txt`).
const GOLDEN: &[&str] = &[
    "news-article",
    "blog-no-article",
    "malformed",
    "windows-1252",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .output()
        .expect("run factmark")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A temporary folder holding copies of these fixtures.
fn folder_with(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::write(dir.path().join(name), read(name)).unwrap();
    }
    dir
}

fn chars(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

#[test]
fn golden_texts() {
    for name in GOLDEN {
        let page = read(&format!("{name}.html"));
        let expected = std::fs::read_to_string(fixture(&format!("{name}.expected.txt"))).unwrap();
        let got = extract_html(&page).unwrap();
        assert_eq!(got.text, expected, "{name}.html");
        for _ in 0..3 {
            assert_eq!(extract_html(&page).unwrap(), got, "{name}: deterministic");
        }
    }
}

#[test]
fn nothing_but_the_article() {
    let text = extract_html(&read("news-article.html")).unwrap().text;
    for gone in [
        "Injected by script",
        "dataLayer",
        "Skip to content",
        "cookies",
        "Sport",
        "Search",
        "ADVERTISEMENT",
        "Share on social media",
        "Sponsored",
        "Draft paragraph",
        "hidden draft",
        "Decorative",
        "enable JavaScript",
        "trackRead",
        "Related stories",
        "Teaser",
        "Comments",
        "newsletter",
        "All rights reserved",
        "Privacy",
        "&ldquo;",
        "&amp;",
        "min-height",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked into:\n{text}");
    }
    for kept in [
        "Council vote on river bridge delayed again",
        "the “Eastgate” river bridge",
        "£4.2\u{a0}million",
        "\"regrettable but responsible\" & promised a decision <before the summer>.",
        "Council office\n12 Market Street\nMillbrook",
        "corrosion in two of the five piers;",
        "no footpath on the north side.",
        "Photo: M. Ferreira",
    ] {
        assert!(text.contains(kept), "{kept:?} missing from:\n{text}");
    }
}

#[test]
fn metadata_of_the_sample_pages() {
    let m = extract_html(&read("news-article.html")).unwrap().metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Council vote on river bridge delayed again")
    );
    assert_eq!(m.byline.as_deref(), Some("Priya Okonkwo-Lindqvist"));
    assert_eq!(m.published.as_deref(), Some("2025-03-14T09:30:00+01:00"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://ledger.example/news/2025/03/bridge-vote")
    );

    let m = extract_html(&read("blog-no-article.html"))
        .unwrap()
        .metadata;
    assert_eq!(m.title.as_deref(), Some("Tide tables: what went wrong"));
    assert_eq!(
        m.byline.as_deref(),
        Some("Jonas Berglund-Achebe"),
        "article:author is a URL, so the JSON-LD author is used"
    );
    assert_eq!(m.published.as_deref(), Some("2024-11-02"));
    assert_eq!(m.url, None, "a relative canonical link is not a URL");

    let e = extract_html(&read("windows-1252.html")).unwrap();
    assert_eq!(e.encoding, "windows-1252");
    assert_eq!(
        e.metadata.title.as_deref(),
        Some("Café owners “relieved” by ruling")
    );
}

#[test]
fn windows_1252_bytes_are_decoded() {
    let page = read("windows-1252.html");
    for byte in [0x93, 0x94, 0xE9] {
        assert!(
            page.contains(&byte),
            "the fixture keeps its 0x{byte:02X} byte"
        );
    }
    let text = extract_html(&page).unwrap().text;
    assert!(
        text.contains("Café Renée said they were “relieved” – and"),
        "{text}"
    );
    assert!(
        text.contains("„Wir sind froh“") && text.contains("12€"),
        "{text}"
    );

    // The same bytes without the declaration are refused, not guessed at.
    let mut raw = page.clone();
    let declaration = b"charset=windows-1252";
    let at = page
        .windows(declaration.len())
        .position(|w| w == declaration)
        .unwrap();
    raw.drain(at..at + declaration.len());
    match extract_html(&raw).unwrap_err() {
        HtmlError::NotUtf8 { declared, error } => {
            assert!(!declared);
            assert!(error.to_string().contains("0xE9"), "{error}");
        }
        e => panic!("{e}"),
    }
}

#[test]
fn add_lands_on_the_extracted_text_and_the_page_is_untouched() {
    let dir = folder_with(&["news-article.html"]);
    let d = dir.path();
    let before = read("news-article.html");
    let adds: &[&[&str]] = &[
        &[
            "--tag",
            "claim",
            "--text",
            "£4.2 million gap in the budget",
            "--verdict",
            "mostly-true",
        ],
        &[
            "--tag",
            "quote",
            "--text",
            "regrettable but responsible",
            "--speaker",
            "Dara Hensley",
        ],
        &[
            "--tag",
            "entity",
            "--text",
            "Harlow & Vance Engineering",
            "--kind",
            "organization",
        ],
        &["--tag", "date", "--text", "14 March 2025"],
        &[
            "--tag",
            "claim",
            "--text",
            "a deck rated for 32 tonnes, not 44",
        ],
        &[
            "--tag",
            "entity",
            "--text",
            "12 Market Street",
            "--kind",
            "place",
        ],
    ];
    for args in adds {
        let mut all = vec!["add", "news-article.html"];
        all.extend_from_slice(args);
        ok(&factmark(d, &all));
    }
    assert_eq!(std::fs::read(d.join("news-article.html")).unwrap(), before);

    let text = ok(&factmark(d, &["text", "news-article.html"]));
    let golden = std::fs::read_to_string(fixture("news-article.expected.txt")).unwrap();
    assert_eq!(text, golden);

    let list: serde_json::Value = serde_json::from_str(&ok(&factmark(
        d,
        &["list", "news-article.html", "--format", "json"],
    )))
    .unwrap();
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), adds.len());
    for a in items {
        let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
        let exact = a["exact"].as_str().unwrap();
        assert_eq!(chars(&text, start as usize, end as usize), exact);
        assert_eq!(a["status"], "exact");
    }
    let dates: Vec<_> = items.iter().filter_map(|a| a["date"].as_str()).collect();
    assert_eq!(dates, ["2025-03-14"]);

    let sidecar = std::fs::read_to_string(d.join("news-article.html.ann.ron")).unwrap();
    for field in [
        "version: 4,",
        "file: \"news-article.html\",",
        "kind: Html,",
        "extractor: 1,",
        "encoding: \"UTF-8\",",
        "title: Some(\"Council vote on river bridge delayed again\"),",
        "byline: Some(\"Priya Okonkwo-Lindqvist\"),",
        "published: Some(\"2025-03-14T09:30:00+01:00\"),",
        "url: Some(\"https://ledger.example/news/2025/03/bridge-vote\"),",
    ] {
        assert!(sidecar.contains(field), "{field} missing from:\n{sidecar}");
    }
    ok(&factmark(d, &["check", "news-article.html"]));
}

#[test]
fn a_changed_page_is_re_anchored() {
    let dir = folder_with(&["news-article.html"]);
    let d = dir.path();
    ok(&factmark(
        d,
        &[
            "add",
            "news-article.html",
            "--tag",
            "claim",
            "--text",
            "The next meeting is on 2 April.",
        ],
    ));
    let page = String::from_utf8(read("news-article.html")).unwrap();
    let edited = page.replace(
        "<h2>What the engineers",
        "<p>A paragraph added after publication.</p>\n      <h2>What the engineers",
    );
    std::fs::write(d.join("news-article.html"), edited).unwrap();
    let out = factmark(d, &["check", "news-article.html", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "moved is reported: {out:?}");
    let check: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = check
        .as_array()
        .and_then(|a| a.first())
        .map(|a| a["status"].clone());
    assert_eq!(status, Some("moved".into()), "{check}");
}

#[test]
fn a_page_without_text_is_refused_naming_it() {
    let dir = folder_with(&["scripts-only.html"]);
    let d = dir.path();
    let err = refused(&factmark(
        d,
        &[
            "add",
            "scripts-only.html",
            "--tag",
            "claim",
            "--span",
            "0:1",
        ],
    ));
    assert!(
        err.contains("scripts-only.html") && err.contains("no readable text"),
        "{err}"
    );
    assert_eq!(
        err.matches("no readable text").count(),
        1,
        "said once: {err}"
    );
    let err = refused(&factmark(d, &["text", "scripts-only.html"]));
    assert!(err.contains("scripts-only.html"), "{err}");
    assert!(!d.join("scripts-only.html.ann.ron").exists());
}

#[test]
fn text_prints_what_offsets_count_for_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "\u{feff}One\r\ntwo\rthree\n").unwrap();
    std::fs::write(d.join("b.md"), "# Title\r\n\n*Some* text.\n").unwrap();
    std::fs::write(d.join("c.HTM"), "<p>x &amp; y</p>").unwrap();
    assert_eq!(ok(&factmark(d, &["text", "a.txt"])), "One\ntwo\nthree\n");
    assert_eq!(
        ok(&factmark(d, &["text", "b.md"])),
        "# Title\n\n*Some* text.\n"
    );
    assert_eq!(ok(&factmark(d, &["text", "c.HTM"])), "x & y\n");
    let err = refused(&factmark(d, &["text", "missing.html"]));
    assert!(err.contains("missing.html"), "{err}");
}

#[test]
fn claimreview_uses_the_page_metadata() {
    let dir = folder_with(&["news-article.html"]);
    let d = dir.path();
    ok(&factmark(
        d,
        &[
            "add",
            "news-article.html",
            "--tag",
            "claim",
            "--text",
            "a deck rated for 32 tonnes, not 44",
            "--verdict",
            "true",
        ],
    ));
    let export = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["export", "news-article.html", "--format", "claimreview"];
        args.extend_from_slice(extra);
        let out = factmark(d, &args);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let reviews = export(&[]);
    let item = &reviews[0]["itemReviewed"];
    assert_eq!(
        item["appearance"]["url"],
        "https://ledger.example/news/2025/03/bridge-vote"
    );
    assert_eq!(
        item["appearance"]["headline"],
        "Council vote on river bridge delayed again"
    );
    assert_eq!(
        item["appearance"]["author"]["name"],
        "Priya Okonkwo-Lindqvist"
    );
    assert_eq!(
        item["appearance"]["datePublished"],
        "2025-03-14T09:30:00+01:00"
    );
    assert_eq!(item["datePublished"], "2025-03-14");
    let reviews = export(&["--article-url", "https://mirror.example/x"]);
    assert_eq!(
        reviews[0]["itemReviewed"]["appearance"]["url"],
        "https://mirror.example/x"
    );

    let out = factmark(d, &["export", "news-article.html", "--format", "html"]);
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains(
            "<p class=\"source\"><a href=\"https://ledger.example/news/2025/03/bridge-vote\">Council vote on river bridge delayed again</a> · by Priya Okonkwo-Lindqvist · published <time"
        ),
        "{report}"
    );
}

#[test]
fn version_1_sidecars_load_and_are_written_back_as_the_current_version() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-docs");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["senator-speech.txt", "senator-speech.txt.ann.ron"] {
        std::fs::copy(samples.join(name), d.join(name)).unwrap();
    }
    let old = std::fs::read_to_string(d.join("senator-speech.txt.ann.ron")).unwrap();
    assert!(
        old.contains("version: 1,"),
        "the sample sidecar is still version 1"
    );
    let count = |d: &Path| -> usize {
        let list = ok(&factmark(
            d,
            &["list", "senator-speech.txt", "--format", "json"],
        ));
        serde_json::from_str::<serde_json::Value>(&list)
            .unwrap()
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = count(d);
    assert!(before > 10);
    ok(&factmark(
        d,
        &[
            "add",
            "senator-speech.txt",
            "--tag",
            "entity",
            "--span",
            "0:7",
            "--kind",
            "other",
        ],
    ));
    let new = std::fs::read_to_string(d.join("senator-speech.txt.ann.ron")).unwrap();
    assert!(
        new.contains("version: 4,") && !new.contains("version: 1,"),
        "{new}"
    );
    assert!(!new.contains("source:"), "plain text has no source");
    assert_eq!(count(d), before + 1);
    // Every old annotation is still there, byte for byte apart from the version.
    let old_body = &old[old.find("annotations:").unwrap()..];
    for line in old_body
        .lines()
        .filter(|l| l.trim_start().starts_with("id: "))
    {
        assert!(new.contains(line), "{line} lost");
    }
}
