//! Runs the real `factmark` binary in temporary folders for the corpus commands: review,
//! agree, suggest (and --accept), and the per-author counts of stats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLE: &str = "Senator Amélie Dufrêne spoke in Westmarch on 3 May 2024.\n\n\
“We have turned the corner at last,” she said. Critics in Westmarch disagreed. \
Unemployment has fallen since 2019, and 2019 people applied.\n\n\
Dufrêne’s office said she would “never raise a single tax” between May 2021 and March 2024.\n";

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .env_remove("FACTMARK_AUTHOR")
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

fn fails(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&ok(out)).unwrap()
}

/// A folder with `article.txt` in it.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("article.txt");
    std::fs::write(&doc, ARTICLE).unwrap();
    (dir, doc)
}

/// Adds an annotation and returns its id.
fn add(dir: &Path, doc: &str, args: &[&str]) -> String {
    let mut all = vec!["add", doc];
    all.extend_from_slice(args);
    ok(&factmark(dir, &all)).trim().to_owned()
}

#[test]
fn review_by_id_prefix_sets_status_reviewer_and_comment() {
    let (dir, _) = setup();
    let d = dir.path();
    let id = add(
        d,
        "article.txt",
        &["--tag", "claim", "--text", "We have turned the corner"],
    );
    let out = factmark(
        d,
        &[
            "review",
            "article.txt",
            &id[..8],
            "--status",
            "needs-work",
            "--comment",
            "Source?",
            "--by",
            "kim",
        ],
    );
    assert_eq!(ok(&out).trim(), id);
    let list = json(&factmark(d, &["list", "article.txt", "--format", "json"]));
    let r = &list[0];
    assert_eq!(r["review"], "needs-work");
    assert_eq!(r["reviewer"], "kim");
    assert_eq!(r["review_comment"], "Source?");
    let at = r["reviewed"].as_str().unwrap();
    assert!(at.ends_with('Z') && !at.contains('.'), "{at}");

    // Accept through the sidecar path with the full id; the comment is kept, the reviewer
    // defaults to the user.
    let out = factmark(
        d,
        &["review", "article.txt.ann.ron", &id, "--status", "accepted"],
    );
    ok(&out);
    let list = json(&factmark(
        d,
        &["list", ".", "--review", "accepted", "--format", "json"],
    ));
    assert_eq!(list[0]["reviewer"], "tester");
    assert_eq!(list[0]["review_comment"], "Source?");
}

#[test]
fn review_refuses_unknown_ambiguous_and_short_ids() {
    let (dir, doc) = setup();
    let d = dir.path();
    let a = add(
        d,
        "article.txt",
        &["--tag", "entity", "--text", "Westmarch", "--all"],
    );
    let ids: Vec<&str> = a.lines().collect();
    assert_eq!(ids.len(), 2);
    // Give both annotations ids with the same first 8 digits.
    let sidecar = d.join("article.txt.ann.ron");
    let source = std::fs::read_to_string(&sidecar).unwrap();
    let source = source
        .replace(ids[0], "abcdef12-0000-4000-8000-000000000001")
        .replace(ids[1], "abcdef12-9999-4000-8000-000000000002");
    std::fs::write(&sidecar, &source).unwrap();

    let err = fails(&factmark(
        d,
        &["review", "article.txt", "abcdef12", "--status", "accepted"],
    ));
    assert!(err.contains("ambiguous"), "{err}");
    assert!(
        err.contains("abcdef12-0000-4000-8000-000000000001"),
        "{err}"
    );
    assert!(
        err.contains("abcdef12-9999-4000-8000-000000000002"),
        "{err}"
    );
    let err = fails(&factmark(
        d,
        &["review", "article.txt", "12345678", "--status", "accepted"],
    ));
    assert!(
        err.contains("no annotation has an id starting with"),
        "{err}"
    );
    let err = fails(&factmark(
        d,
        &["review", "article.txt", "abc", "--status", "accepted"],
    ));
    assert!(err.contains("at least its first 8 hex digits"), "{err}");
    fails(&factmark(
        d,
        &["review", "article.txt", "abcdef12", "--status", "maybe"],
    ));
    assert_eq!(
        std::fs::read_to_string(&sidecar).unwrap(),
        source,
        "nothing written"
    );

    // A longer prefix is unique; a full id without hyphens works too.
    let out = factmark(
        d,
        &[
            "review",
            doc.to_str().unwrap(),
            "ABCDEF12-9",
            "--status",
            "accepted",
        ],
    );
    assert_eq!(ok(&out).trim(), "abcdef12-9999-4000-8000-000000000002");
    let out = factmark(
        d,
        &[
            "review",
            "article.txt",
            "abcdef12000040008000000000000001",
            "--status",
            "rejected",
        ],
    );
    assert_eq!(ok(&out).trim(), "abcdef12-0000-4000-8000-000000000001");
}

/// Two annotators' copies of the same article, in folders `a` and `b`.
fn two_annotators() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for who in ["a", "b"] {
        std::fs::create_dir(dir.path().join(who)).unwrap();
        std::fs::write(dir.path().join(who).join("article.txt"), ARTICLE).unwrap();
    }
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    // A: claim, quote, date, entity. B: same claim, the quote as a claim, same date, and a
    // second entity A does not have.
    add(
        &a,
        "article.txt",
        &[
            "--tag",
            "claim",
            "--text",
            "We have turned the corner at last",
        ],
    );
    add(
        &a,
        "article.txt",
        &["--tag", "quote", "--text", "“never raise a single tax”"],
    );
    add(
        &a,
        "article.txt",
        &["--tag", "date", "--text", "3 May 2024"],
    );
    add(
        &a,
        "article.txt",
        &[
            "--tag",
            "entity",
            "--text",
            "Westmarch",
            "--occurrence",
            "1",
        ],
    );
    add(
        &b,
        "article.txt",
        &[
            "--tag",
            "claim",
            "--text",
            "We have turned the corner at last",
        ],
    );
    add(
        &b,
        "article.txt",
        &["--tag", "claim", "--text", "“never raise a single tax”"],
    );
    add(
        &b,
        "article.txt",
        &["--tag", "date", "--text", "3 May 2024"],
    );
    add(
        &b,
        "article.txt",
        &[
            "--tag",
            "entity",
            "--text",
            "Westmarch",
            "--occurrence",
            "2",
        ],
    );
    (dir, a, b)
}

#[test]
fn agree_reports_scores_kappa_and_disagreements() {
    let (dir, _, _) = two_annotators();
    let d = dir.path();
    let r = json(&factmark(
        d,
        &[
            "agree",
            "a/article.txt.ann.ron",
            "b/article.txt.ann.ron",
            "--format",
            "json",
        ],
    ));
    // Labelled: claim and date match (2 of 4 each side).
    assert_eq!(r["f1"], 0.5);
    assert_eq!(r["precision"], 0.5);
    assert_eq!(r["recall"], 0.5);
    // Span: claim, quote/claim, date (3 of 4).
    assert_eq!(r["span"]["matched"], 3);
    assert_eq!(r["span"]["f1"], 0.75);
    // Pairs (claim,claim) (quote,claim) (date,date): pₒ = 2/3; A claim, quote, date 1/3 each;
    // B claim 2/3, date 1/3; pₑ = (2 + 0 + 1) / 9 = 1/3; κ = (2/3 − 1/3) / (2/3) = 0.5.
    assert!((r["kappa"].as_f64().unwrap() - 0.5).abs() < 1e-9, "{r}");
    assert_eq!(r["kappa_note"], Value::Null);
    assert_eq!(r["pairs"], 3);
    let claim = &r["per_tag"]["claim"];
    assert_eq!(
        (
            claim["a"].as_u64(),
            claim["b"].as_u64(),
            claim["matched"].as_u64()
        ),
        (Some(1), Some(2), Some(1))
    );
    assert_eq!(claim["precision"], 0.5);
    assert_eq!(claim["recall"], 1.0);
    assert_eq!(r["per_tag"]["quote"]["precision"], Value::Null);
    let kinds: Vec<&str> = r["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["only-a", "only-b", "different-tag"]);
    let diff = &r["disagreements"][2];
    assert_eq!(
        (diff["a_tag"].as_str(), diff["b_tag"].as_str()),
        (Some("quote"), Some("claim"))
    );
    assert_eq!(diff["exact"], "“never raise a single tax”");

    // The table says the same, and documents stand for their sidecars.
    let table = ok(&factmark(d, &["agree", "a/article.txt", "b/article.txt"]));
    assert!(
        table.contains("span and tag") && table.contains("0.500"),
        "{table}"
    );
    assert!(table.contains("different-tag"), "{table}");
}

#[test]
fn agree_refuses_different_texts_unless_forced() {
    let (dir, _, b) = two_annotators();
    let d = dir.path();
    std::fs::write(b.join("article.txt"), format!("{ARTICLE}One more line.\n")).unwrap();
    add(
        &b,
        "article.txt",
        &["--tag", "claim", "--text", "One more line"],
    );
    let err = fails(&factmark(
        d,
        &["agree", "a/article.txt.ann.ron", "b/article.txt.ann.ron"],
    ));
    assert!(
        err.contains("different texts") && err.contains("--force"),
        "{err}"
    );
    let out = factmark(
        d,
        &[
            "agree",
            "a/article.txt.ann.ron",
            "b/article.txt.ann.ron",
            "--force",
            "--format",
            "json",
        ],
    );
    let r = json(&out);
    assert_eq!(r["labelled"]["b"], 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
    fails(&factmark(
        d,
        &["agree", "a/article.txt.ann.ron", "missing.ann.ron"],
    ));
}

#[test]
fn suggest_lists_without_adding_and_accepts_a_kind() {
    let (dir, _) = setup();
    let d = dir.path();
    add(
        d,
        "article.txt",
        &[
            "--tag",
            "entity",
            "--text",
            "Westmarch",
            "--occurrence",
            "1",
            "--kind",
            "place",
        ],
    );
    let sidecar = d.join("article.txt.ann.ron");
    let before = std::fs::read(&sidecar).unwrap();
    let s = json(&factmark(
        d,
        &["suggest", "article.txt", "--format", "json"],
    ));
    let got: Vec<(String, String, Value)> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["tag"].as_str().unwrap().to_owned(),
                x["exact"].as_str().unwrap().to_owned(),
                x["date"].clone(),
            )
        })
        .collect();
    let v = |s: &str| Value::String(s.to_owned());
    assert_eq!(
        got,
        [
            ("date".to_owned(), "3 May 2024".to_owned(), v("2024-05-03")),
            (
                "quote".to_owned(),
                "“We have turned the corner at last,”".to_owned(),
                Value::Null
            ),
            ("entity".to_owned(), "Westmarch".to_owned(), Value::Null),
            ("date".to_owned(), "2019".to_owned(), v("2019")),
            (
                "quote".to_owned(),
                "“never raise a single tax”".to_owned(),
                Value::Null
            ),
            (
                "date".to_owned(),
                "May 2021 and March 2024".to_owned(),
                v("2021-05")
            ),
        ]
    );
    let entity = &s[2];
    assert_eq!(entity["kind"], "place");
    let starts: Vec<u64> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["start"].as_u64().unwrap())
        .collect();
    assert!(starts.is_sorted());
    assert_eq!(
        std::fs::read(&sidecar).unwrap(),
        before,
        "suggest alone adds nothing"
    );

    let table = ok(&factmark(d, &["suggest", "article.txt"]));
    assert!(
        table.contains("2024-05-03") && table.contains("--accept"),
        "{table}"
    );

    let ids = ok(&factmark(
        d,
        &[
            "suggest",
            "article.txt",
            "--accept",
            "date",
            "--author",
            "kim",
        ],
    ));
    assert_eq!(ids.lines().count(), 3);
    let list = json(&factmark(
        d,
        &["list", "article.txt", "--tag", "date", "--format", "json"],
    ));
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2024-05-03", "2019", "2021-05"]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|x| x["author"] == "kim")
    );
    for id in ids.lines() {
        assert!(list.as_array().unwrap().iter().any(|x| x["id"] == id));
    }
    // Accepted dates are no longer suggested; the rest still are.
    let s = json(&factmark(
        d,
        &["suggest", "article.txt", "--format", "json"],
    ));
    assert!(s.as_array().unwrap().iter().all(|x| x["tag"] != "date"));
    assert_eq!(s.as_array().unwrap().len(), 3);
    let ids = ok(&factmark(d, &["suggest", "article.txt", "--accept", "all"]));
    assert_eq!(ids.lines().count(), 3);
    let s = json(&factmark(
        d,
        &["suggest", "article.txt", "--format", "json"],
    ));
    assert_eq!(s, Value::Array(vec![]));
}

#[test]
fn stats_counts_per_author() {
    let (dir, _) = setup();
    let d = dir.path();
    add(
        d,
        "article.txt",
        &[
            "--tag",
            "entity",
            "--text",
            "Westmarch",
            "--all",
            "--author",
            "zoé",
        ],
    );
    add(
        d,
        "article.txt",
        &["--tag", "date", "--text", "3 May 2024", "--author", "ana"],
    );
    add(
        d,
        "article.txt",
        &["--tag", "claim", "--text", "Critics in Westmarch disagreed"],
    );
    let s = json(&factmark(d, &["stats", ".", "--format", "json"]));
    assert_eq!(
        s["by_author"],
        serde_json::json!({"ana": 1, "tester": 1, "zoé": 2})
    );
    let keys: Vec<&String> = s["by_author"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["ana", "tester", "zoé"]);
    let table = ok(&factmark(d, &["stats", "."]));
    assert!(table.contains("author:\n  ana"), "{table}");
}

#[test]
fn list_and_stats_over_many_documents_keep_document_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in (0..24).rev() {
        let name = format!("doc-{i:02}.txt");
        std::fs::write(
            d.join(&name),
            format!("Document number {i} mentions Westmarch.\n"),
        )
        .unwrap();
        add(d, &name, &["--tag", "entity", "--text", "Westmarch"]);
    }
    let list = json(&factmark(d, &["list", ".", "--format", "json"]));
    let docs: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            Path::new(x["document"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs.len(), 24);
    assert_eq!(docs, sorted);
    let s = json(&factmark(d, &["stats", ".", "--format", "json"]));
    assert_eq!(s["documents"], 24);
    assert_eq!(s["by_author"]["tester"], 24);
}
