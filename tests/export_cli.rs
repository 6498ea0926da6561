//! `factmark export` and `factmark import` through the real binary in temporary folders:
//! every format to stdout or a file, brat folders (and refusing to clobber them), exit codes
//! and warnings, flag checks, and imports of brat, W3C and doccano files that bring the same
//! spans back, twice without duplicates.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLE: &str = "📉 On 3 May 2024, Minister Jane Doe said: \"Crime fell by 20% last year.\"\r\n\
The Ministry of Justice replied: «Les chiffres sont provisoires».\r\n";

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .env_remove("FACTMARK_AUTHOR")
        .output()
        .expect("run factmark")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        code(out),
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

/// A folder with `article.txt` (CRLF line ends) annotated through the CLI.
fn annotated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    let add = |args: &[&str]| {
        let mut all = vec!["add", "article.txt"];
        all.extend_from_slice(args);
        ok(&factmark(d, &all));
    };
    add(&["--tag", "date", "--text", "3 May 2024", "--note", "=1+1"]);
    add(&[
        "--tag",
        "entity",
        "--text",
        "Jane Doe",
        "--kind",
        "person",
        "--identifier",
        "Q42",
    ]);
    add(&["--tag", "quote", "--span", "41:71", "--speaker", "Jane Doe"]);
    add(&[
        "--tag",
        "claim",
        "--text",
        "Crime fell by 20% last year",
        "--verdict",
        "mostly-false",
        "--claimant",
        "Jane Doe",
        "--note",
        "ONS: 7%",
    ]);
    add(&[
        "--tag",
        "entity",
        "--text",
        "Ministry of Justice",
        "--kind",
        "organization",
    ]);
    dir
}

/// (start, end, tag) of every annotation of a document, from `list --format json`.
fn spans(dir: &Path, doc: &str) -> Vec<(u64, u64, String)> {
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
            )
        })
        .collect();
    out.sort();
    out
}

/// A copy of the article (same bytes) without annotations, in the same folder.
fn fresh_copy(dir: &Path, name: &str) {
    std::fs::write(dir.join(name), ARTICLE).unwrap();
}

#[test]
fn export_every_format_to_stdout_and_files() {
    let dir = annotated();
    let d = dir.path();
    for format in ["w3c", "csv", "jsonl", "doccano", "spacy", "html"] {
        let out = factmark(d, &["export", "article.txt", "--format", format]);
        assert_eq!(code(&out), Some(0), "{format}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty(), "{format}");
        let file = format!("out.{format}");
        ok(&factmark(
            d,
            &["export", "article.txt", "--format", format, "-o", &file],
        ));
        assert_eq!(
            std::fs::read_to_string(d.join(&file)).unwrap(),
            stdout(&out)
        );
    }
    // JSON-LD with the W3C context; offsets in code points of the normalized (LF) text.
    let w3c: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["export", "article.txt", "--format", "w3c"],
    )))
    .unwrap();
    assert_eq!(w3c["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    let item = &w3c["first"]["items"][3];
    assert_eq!(item["target"]["selector"][1]["start"], 42);
    assert!(
        item["target"]["source"]
            .as_str()
            .unwrap()
            .starts_with("file:///")
    );
    let utf16: Value = serde_json::from_str(&ok(&factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "w3c",
            "--offsets",
            "utf16",
        ],
    )))
    .unwrap();
    assert_eq!(
        utf16["first"]["items"][3]["target"]["selector"][1]["start"],
        43
    );
    // JSONL: one object per annotation per line.
    let jsonl = ok(&factmark(
        d,
        &["export", "article.txt", "--format", "jsonl"],
    ));
    assert_eq!(jsonl.lines().count(), 5);
    for line in jsonl.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["document"], "article.txt");
    }
    // CSV: formula-safe.
    let csv = ok(&factmark(d, &["export", "article.txt", "--format", "csv"]));
    assert!(csv.contains(",'=1+1,"), "{csv}");
}

#[test]
fn conll_warns_about_nesting_on_stderr() {
    let dir = annotated();
    let out = factmark(dir.path(), &["export", "article.txt", "--format", "conll"]);
    assert_eq!(code(&out), Some(0));
    assert!(stdout(&out).contains("Crime\tB-CLAIM"));
    assert!(stderr(&out).contains("split in CoNLL"), "{}", stderr(&out));
    let per_tag = ok(&factmark(
        dir.path(),
        &["export", "article.txt", "--format", "conll", "--per-tag"],
    ));
    assert!(
        per_tag.contains("Crime\tB-CLAIM\tI-QUOTE\tO\tO"),
        "{per_tag}"
    );
}

#[test]
fn claimreview_reports_missing_url_with_exit_1() {
    let dir = annotated();
    let d = dir.path();
    let out = factmark(d, &["export", "article.txt", "--format", "claimreview"]);
    assert_eq!(code(&out), Some(1));
    assert!(
        stderr(&out).contains("url, required by Google"),
        "{}",
        stderr(&out)
    );
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "claimreview",
            "--url",
            "https://checks.example/1",
            "--publisher",
            "Example Fact Check",
            "--article-url",
            "https://news.example/a",
        ],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v[0]["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(
        v[0]["itemReviewed"]["author"]["sameAs"],
        "https://www.wikidata.org/wiki/Q42"
    );
    assert_eq!(v[0]["itemReviewed"]["datePublished"], "2024-05-03");
}

#[test]
fn format_flags_are_checked() {
    let dir = annotated();
    let d = dir.path();
    let out = factmark(
        d,
        &["export", "article.txt", "--format", "csv", "--url", "x"],
    );
    assert_eq!(code(&out), Some(2));
    assert!(stderr(&out).contains("--url applies only to --format claimreview"));
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "--offsets",
            "utf16",
        ],
    );
    assert_eq!(code(&out), Some(2));
    let out = factmark(d, &["export", "article.txt", "--format", "nope"]);
    assert_eq!(code(&out), Some(2));
    let out = factmark(d, &["export", "article.txt", "--format", "brat"]);
    assert_eq!(code(&out), Some(2));
    assert!(stderr(&out).contains("-o FOLDER"));
}

#[test]
fn brat_folder_opens_as_is_and_is_never_clobbered() {
    let dir = annotated();
    let d = dir.path();
    ok(&factmark(
        d,
        &["export", "article.txt", "--format", "brat", "-o", "brat"],
    ));
    let mut names: Vec<String> = std::fs::read_dir(d.join("brat"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["annotation.conf", "article.ann", "article.txt"]);
    let txt = std::fs::read_to_string(d.join("brat/article.txt")).unwrap();
    assert!(!txt.contains('\r'), "brat gets the normalized LF text");
    let ann = std::fs::read_to_string(d.join("brat/article.ann")).unwrap();
    assert!(
        ann.contains("T4\tClaim 42 69\tCrime fell by 20% last year\n"),
        "{ann}"
    );
    // The same export again is fine; a changed file is not overwritten without --force.
    ok(&factmark(
        d,
        &["export", "article.txt", "--format", "brat", "-o", "brat"],
    ));
    std::fs::write(d.join("brat/article.ann"), "T1\tClaim 0 1\tx\n").unwrap();
    let out = factmark(
        d,
        &["export", "article.txt", "--format", "brat", "-o", "brat"],
    );
    assert_eq!(code(&out), Some(2));
    assert!(stderr(&out).contains("article.ann"));
    assert_eq!(
        std::fs::read_to_string(d.join("brat/article.ann")).unwrap(),
        "T1\tClaim 0 1\tx\n"
    );
    ok(&factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "brat",
            "-o",
            "brat",
            "--force",
        ],
    ));
    assert_eq!(
        std::fs::read_to_string(d.join("brat/article.ann")).unwrap(),
        ann
    );
}

/// Exports `article.txt` in `format`, imports it into a fresh copy twice, and checks the spans.
fn import_round_trip(format: &str, file: &str, export_args: &[&str]) {
    let dir = annotated();
    let d = dir.path();
    let mut args = vec!["export", "article.txt", "--format", format];
    args.extend_from_slice(export_args);
    ok(&factmark(d, &args));
    fresh_copy(d, "copy.txt");
    let out = factmark(d, &["import", "copy.txt", "--from", format, file]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 5, "one new id per line");
    assert_eq!(spans(d, "copy.txt"), spans(d, "article.txt"), "{format}");
    // Again: nothing new, nothing skipped.
    let out = factmark(d, &["import", "copy.txt", "--from", format, file]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("imported 0 annotation(s)"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("5 already present"));
    assert_eq!(spans(d, "copy.txt").len(), 5);
}

#[test]
fn import_brat_round_trip() {
    import_round_trip("brat", "brat/article.ann", &["-o", "brat"]);
}

#[test]
fn import_w3c_round_trip() {
    import_round_trip("w3c", "out.jsonld", &["-o", "out.jsonld"]);
}

#[test]
fn import_w3c_utf16_round_trip() {
    import_round_trip(
        "w3c",
        "out.jsonld",
        &["-o", "out.jsonld", "--offsets", "utf16"],
    );
}

#[test]
fn import_doccano_round_trip() {
    import_round_trip("doccano", "out.jsonl", &["-o", "out.jsonl"]);
}

#[test]
fn import_of_crlf_counted_brat_offsets_and_unknown_labels() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    // Offsets of the raw CRLF file, as a tool that counts CR and LF would write them.
    let second_line = ARTICLE.find("Ministry").unwrap();
    let start = ARTICLE[..second_line].chars().count();
    let ann = format!(
        "T1\tOrganization {start} {}\tMinistry of Justice\nT2\tSentiment 0 1\t📉\nR1\tSays Arg1:T1 Arg2:T2\n",
        start + 19
    );
    std::fs::write(d.join("article.ann"), ann).unwrap();
    let out = factmark(
        d,
        &["import", "article.txt", "--from", "brat", "article.ann"],
    );
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Sentiment"), "{err}");
    // The relation's second end was not imported, so neither is the relation.
    assert!(
        err.contains("R1 (Says Arg1:T1 Arg2:T2): refers to T2, which was not imported"),
        "{err}"
    );
    assert!(err.contains("CRLF"), "{err}");
    let v: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["list", "article.txt", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(v[0]["exact"], "Ministry of Justice");
    assert_eq!(v[0]["kind"], "organization");
    assert_eq!(v[0]["status"], "exact");
}

#[test]
fn import_dry_run_changes_nothing() {
    let dir = annotated();
    let d = dir.path();
    ok(&factmark(
        d,
        &["export", "article.txt", "--format", "w3c", "-o", "a.jsonld"],
    ));
    fresh_copy(d, "copy.txt");
    let out = factmark(
        d,
        &[
            "import",
            "copy.txt",
            "--from",
            "w3c",
            "a.jsonld",
            "--dry-run",
        ],
    );
    assert_eq!(code(&out), Some(0));
    assert!(stderr(&out).contains("would import 5"));
    assert!(!d.join("copy.txt.ann.ron").exists());
}
