//! Runs the real `factmark` binary in temporary folders: add, list, check, stats, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLE: &str = "Senator Amélie Dufrêne spoke on 3 May 2024.\n\n\
“Unemployment fell to 3.7 percent,” she said. 😀 Critics at the Harbor\u{a0}Institute disagreed.\n\
Her rival, 陈静, said unemployment rose.\n";

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

fn json(out: &Output) -> Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn setup(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join(name);
    std::fs::write(&doc, bytes).unwrap();
    (dir, doc)
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

/// The chars `start..end` of a string, counted in code points.
fn chars(s: &str, start: u64, end: u64) -> String {
    s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn add_list_check_stats_round_trip() {
    let (dir, _) = setup("article.txt", ARTICLE.as_bytes());
    let d = dir.path();
    let ids = ok(&factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "Unemployment fell to 3.7 percent",
            "--verdict",
            "mostly-true",
            "--claimant",
            "Amélie Dufrêne",
            "--note",
            "BLS says 3.9",
        ],
    ));
    assert_eq!(ids.lines().count(), 1);
    ok(&factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "date",
            "--text",
            "3 May 2024",
        ],
    ));
    ok(&factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "entity",
            "--text",
            "Harbor Institute",
            "--kind",
            "organization",
        ],
    ));
    ok(&factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "entity",
            "--text",
            "陈静",
            "--kind",
            "person",
            "--identifier",
            "Q42",
        ],
    ));
    ok(&factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "quote",
            "--span",
            "45:81",
            "--speaker",
            "Dufrêne",
        ],
    ));
    assert!(d.join("article.txt.ann.ron").is_file());

    let list = json(&factmark(d, &["list", "article.txt", "--format", "json"]));
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 5);
    for item in items {
        for key in [
            "document",
            "id",
            "tag",
            "start",
            "end",
            "exact",
            "prefix",
            "suffix",
            "note",
            "status",
            "review",
            "author",
            "created",
            "modified",
            "verdict",
            "date",
            "kind",
            "identifier",
            "speaker",
            "claimant",
        ] {
            assert!(item.get(key).is_some(), "missing {key} in {item}");
        }
        let (s, e) = (
            item["start"].as_u64().unwrap(),
            item["end"].as_u64().unwrap(),
        );
        assert_eq!(chars(ARTICLE, s, e), item["exact"].as_str().unwrap());
        assert_eq!(item["status"], "exact");
        assert_eq!(item["author"], "tester");
    }
    // Sorted by start.
    let starts: Vec<u64> = items.iter().map(|i| i["start"].as_u64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    let date = items.iter().find(|i| i["tag"] == "date").unwrap();
    assert_eq!(
        date["date"], "2024-05-03",
        "the date value is read from the text"
    );
    let nbsp = items.iter().find(|i| i["kind"] == "organization").unwrap();
    assert_eq!(nbsp["exact"], "Harbor\u{a0}Institute");
    let claim = items.iter().find(|i| i["tag"] == "claim").unwrap();
    assert_eq!(
        (claim["verdict"].as_str(), claim["claimant"].as_str()),
        (Some("mostly-true"), Some("Amélie Dufrêne"))
    );

    let only = json(&factmark(
        d,
        &["list", ".", "--tag", "entity", "--format", "json"],
    ));
    assert_eq!(only.as_array().unwrap().len(), 2);
    assert_eq!(only[0]["document"], "./article.txt");

    let csv = ok(&factmark(d, &["list", "article.txt", "--format", "csv"]));
    assert!(csv.starts_with("document,id,tag,start,end,exact"));
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        5
    );
    let table = ok(&factmark(d, &["list", "article.txt"]));
    assert!(table.contains("Harbor Institute"), "{table}");

    let check = factmark(d, &["check", "."]);
    assert_eq!(check.status.code(), Some(0));
    let stats = json(&factmark(d, &["stats", ".", "--format", "json"]));
    assert_eq!(stats["annotations"], 5);
    assert_eq!(stats["by_tag"]["entity"], 2);
    assert_eq!(stats["by_verdict"]["mostly-true"], 1);
    assert_eq!(stats["by_review"]["unreviewed"], 5);
    assert_eq!(stats["by_status"]["exact"], 5);
    ok(&factmark(d, &["stats", "."]));
}

#[test]
fn crlf_and_bom_give_the_same_offsets_and_stay_untouched() {
    let lf = ARTICLE.as_bytes().to_vec();
    let mut crlf = b"\xEF\xBB\xBF".to_vec();
    crlf.extend(ARTICLE.replace('\n', "\r\n").as_bytes());
    let mut cr = Vec::new();
    cr.extend(ARTICLE.replace('\n', "\r").as_bytes());
    let mut spans = Vec::new();
    for bytes in [&lf, &crlf, &cr] {
        let (dir, doc) = setup("a.txt", bytes);
        let d = dir.path();
        ok(&factmark(
            d,
            &["add", "a.txt", "--tag", "entity", "--text", "陈静"],
        ));
        ok(&factmark(
            d,
            &[
                "add",
                "a.txt",
                "--tag",
                "claim",
                "--text",
                "unemployment rose",
            ],
        ));
        assert_eq!(
            &std::fs::read(&doc).unwrap(),
            bytes,
            "the document is never modified"
        );
        let list = json(&factmark(d, &["list", "a.txt", "--format", "json"]));
        let got: Vec<(u64, u64, String)> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["start"].as_u64().unwrap(),
                    i["end"].as_u64().unwrap(),
                    i["exact"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        for (s, e, exact) in &got {
            assert_eq!(&chars(ARTICLE, *s, *e), exact);
        }
        spans.push(got);
    }
    assert_eq!(spans[0], spans[1]);
    assert_eq!(spans[0], spans[2]);
}

#[test]
fn an_emoji_counts_as_one() {
    let (dir, _) = setup("e.txt", "a😀b bold".as_bytes());
    ok(&factmark(
        dir.path(),
        &["add", "e.txt", "--tag", "quote", "--text", "bold"],
    ));
    let list = json(&factmark(
        dir.path(),
        &["list", "e.txt", "--format", "json"],
    ));
    assert_eq!(
        (list[0]["start"].as_u64(), list[0]["end"].as_u64()),
        (Some(4), Some(8))
    );
}

#[test]
fn ambiguous_and_missing_text_are_refused() {
    let (dir, _) = setup("a.txt", b"the cat and the cat\n");
    let d = dir.path();
    let out = factmark(d, &["add", "a.txt", "--tag", "entity", "--text", "cat"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--occurrence"));
    assert!(!d.join("a.txt.ann.ron").exists());
    let out = factmark(d, &["add", "a.txt", "--tag", "entity", "--text", "dog"]);
    assert_eq!(out.status.code(), Some(2));
    ok(&factmark(
        d,
        &[
            "add",
            "a.txt",
            "--tag",
            "entity",
            "--text",
            "cat",
            "--occurrence",
            "2",
        ],
    ));
    let list = json(&factmark(d, &["list", "a.txt", "--format", "json"]));
    assert_eq!(list[0]["start"], 16);
    let ids = ok(&factmark(
        d,
        &["add", "a.txt", "--tag", "claim", "--text", "the", "--all"],
    ));
    assert_eq!(ids.lines().count(), 2);
    let out = factmark(
        d,
        &[
            "add", "a.txt", "--tag", "claim", "--text", "cat", "--kind", "person", "--all",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--kind applies only to --tag entity"));
}

#[test]
fn check_reports_moved_and_orphaned() {
    let (dir, doc) = setup("a.txt", b"Alpha said the budget grew by 4 percent.\n");
    let d = dir.path();
    ok(&factmark(
        d,
        &[
            "add",
            "a.txt",
            "--tag",
            "claim",
            "--text",
            "the budget grew by 4 percent",
        ],
    ));
    ok(&factmark(
        d,
        &["add", "a.txt", "--tag", "entity", "--text", "Alpha"],
    ));
    std::fs::write(&doc, "Yesterday, Beta said the budget grew by 4 percent.\n").unwrap();
    let out = factmark(d, &["check", "a.txt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_tag = |t: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|i| i["tag"] == t)
            .unwrap()
            .clone()
    };
    assert_eq!(by_tag("claim")["status"], "moved");
    assert_eq!(by_tag("claim")["start"], 21);
    assert_eq!(by_tag("entity")["status"], "orphaned");
    let table = factmark(d, &["check", "a.txt"]);
    assert_eq!(table.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&table.stdout).contains("1 moved, 1 orphaned"));
}

/// Each bad input: exit 2, one message naming the file, no panic, every file byte-identical.
fn refused(dir: &Path, args: &[&str], names: &str) {
    let before = snapshot(dir);
    let out = factmark(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(
        stderr.contains(names),
        "{args:?}: message should name {names}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(snapshot(dir), before, "{args:?} changed files");
}

#[test]
fn bad_input_is_refused_and_nothing_changes() {
    let (dir, _) = setup("good.txt", ARTICLE.as_bytes());
    let d = dir.path();
    ok(&factmark(
        d,
        &["add", "good.txt", "--tag", "date", "--text", "3 May 2024"],
    ));
    let sidecar = std::fs::read_to_string(d.join("good.txt.ann.ron")).unwrap();
    let add = |doc: &'static str| -> Vec<&'static str> {
        vec!["add", doc, "--tag", "claim", "--span", "0:5"]
    };

    // Missing document.
    refused(d, &add("missing.txt"), "missing.txt");
    refused(d, &["list", "missing.txt"], "missing.txt");
    // Invalid UTF-8.
    std::fs::write(d.join("latin1.txt"), b"caf\xE9 au lait\n").unwrap();
    refused(d, &add("latin1.txt"), "latin1.txt");
    refused(d, &["check", "latin1.txt"], "line 1, column 4");
    // Empty document.
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    refused(d, &add("empty.txt"), "empty.txt");
    // Truncated sidecar.
    std::fs::write(d.join("trunc.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("trunc.txt.ann.ron"), &sidecar[..sidecar.len() / 2]).unwrap();
    refused(d, &add("trunc.txt"), "trunc.txt.ann.ron:");
    refused(d, &["list", "trunc.txt"], "trunc.txt.ann.ron:");
    // A sidecar of version 99.
    std::fs::write(d.join("v99.txt"), ARTICLE).unwrap();
    std::fs::write(
        d.join("v99.txt.ann.ron"),
        sidecar.replace("version: 4,", "version: 99,\n    future: [],"),
    )
    .unwrap();
    refused(d, &add("v99.txt"), "version 99");
    refused(d, &["check", "v99.txt"], "v99.txt.ann.ron");
    // An annotation whose end is before its start.
    std::fs::write(d.join("rev.txt"), ARTICLE).unwrap();
    let reversed: String = sidecar
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("end: ") {
                "        end: 1,".to_owned()
            } else {
                l.to_owned()
            }
        })
        .map(|l| l + "\n")
        .collect();
    std::fs::write(d.join("rev.txt.ann.ron"), reversed).unwrap();
    refused(d, &add("rev.txt"), "rev.txt.ann.ron");
    refused(d, &["list", "rev.txt"], "before its start");
    // A span outside the document, and a reversed span on the command line.
    refused(
        d,
        &["add", "good.txt", "--tag", "claim", "--span", "0:100000"],
        "past the end",
    );
    refused(
        d,
        &["add", "good.txt", "--tag", "claim", "--span", "9:3"],
        "good.txt",
    );
    // A bad date.
    refused(
        d,
        &[
            "add",
            "good.txt",
            "--tag",
            "date",
            "--text",
            "3 May 2024",
            "--date",
            "2024-02-30",
        ],
        "2024-02-30",
    );
}

#[test]
fn help_documents_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(&factmark(dir.path(), &["--help"]));
    assert!(help.contains("Exit codes"));
    for sub in ["add", "list", "check", "stats"] {
        ok(&factmark(dir.path(), &[sub, "--help"]));
    }
}
