//! `factmark export --format claimreview` through the real binary: the review's own
//! publication date (`--date-published`, validated, else one warning), and the note that
//! explains a verdict exported as the review's text (`reviewBody`).

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLE: &str = "On 3 May 2024, Minister Jane Doe said: \"Crime fell by 20% last year.\"\n\
She added that prisons were half empty.\n";

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

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

/// Two rated claims, one with a note explaining its verdict and one without.
fn annotated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    let add = |args: &[&str]| {
        let mut all = vec!["add", "article.txt"];
        all.extend_from_slice(args);
        ok(&factmark(d, &all));
    };
    add(&["--tag", "date", "--text", "3 May 2024"]);
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
        "Police figures show a 7% fall; the 20% counts one district.",
    ]);
    add(&[
        "--tag",
        "claim",
        "--text",
        "prisons were half empty",
        "--verdict",
        "false",
        "--claimant",
        "Jane Doe",
    ]);
    dir
}

fn export(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        "article.txt",
        "--format",
        "claimreview",
        "--url",
        "https://checks.example/crime",
        "--publisher",
        "Example Fact Check",
        "--article-url",
        "https://news.example/a",
    ];
    args.extend_from_slice(extra);
    factmark(dir, &args)
}

#[test]
fn date_published_is_the_reviews_own_date() {
    let dir = annotated();
    let out = export(dir.path(), &["--date-published", "2024-05-06"]);
    let v: Value = serde_json::from_str(&ok(&out)).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 2);
    for r in reviews {
        assert_eq!(r["datePublished"], "2024-05-06", "{r:#}");
        // The claim's own date is another thing and stays where it was.
        assert_eq!(r["itemReviewed"]["datePublished"], "2024-05-03");
    }
    assert!(
        !stderr(&out).contains("--date-published"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_date_published_is_reported_once_not_invented() {
    let dir = annotated();
    let out = export(dir.path(), &[]);
    // Recommended, not required: advice, exit code 0.
    let v: Value = serde_json::from_str(&ok(&out)).unwrap();
    for r in v.as_array().unwrap() {
        assert!(r.get("datePublished").is_none(), "{r:#}");
    }
    let err = stderr(&out);
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("--date-published"))
        .collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(warnings[0].contains("datePublished"), "{err}");
    assert!(warnings[0].contains("recommended"), "{err}");
}

#[test]
fn bad_dates_are_refused() {
    let dir = annotated();
    for bad in [
        "2024-13-01",
        "2024-02-30",
        "6 May 2024",
        "2024-5-6",
        "24-05-06",
        "",
    ] {
        let out = export(dir.path(), &["--date-published", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("YYYY-MM-DD"),
            "{bad:?}: {}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "");
    }
    let out = factmark(
        dir.path(),
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "--date-published",
            "2024-05-06",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--date-published applies only to --format claimreview"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_note_explaining_the_verdict_is_the_review_body() {
    let dir = annotated();
    let v: Value = serde_json::from_str(&ok(&export(dir.path(), &[]))).unwrap();
    let by_claim = |claim: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["claimReviewed"] == claim)
            .unwrap_or_else(|| panic!("no review of {claim:?}"))
            .clone()
    };
    assert_eq!(
        by_claim("Crime fell by 20% last year")["reviewBody"],
        "Police figures show a 7% fall; the 20% counts one district."
    );
    assert!(
        by_claim("prisons were half empty")
            .get("reviewBody")
            .is_none()
    );
}

#[test]
fn help_documents_date_published() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(&factmark(dir.path(), &["export", "--help"]));
    assert!(help.contains("--date-published"), "{help}");
    assert!(help.contains("reviewBody"), "{help}");
}

#[test]
fn a_date_inside_another_claim_is_not_the_dateline_of_a_later_claim() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("plan.txt"),
        "The final release ships on May 15, 2015, the team says.\n\n\
The beta ships on Apr 3, six weeks before.\n",
    )
    .unwrap();
    let add = |args: &[&str]| {
        let mut all = vec!["add", "plan.txt"];
        all.extend_from_slice(args);
        ok(&factmark(d, &all));
    };
    add(&["--tag", "date", "--text", "May 15, 2015"]);
    add(&[
        "--tag",
        "claim",
        "--text",
        "The final release ships on May 15, 2015",
        "--verdict",
        "true",
    ]);
    add(&[
        "--tag",
        "claim",
        "--text",
        "The beta ships on Apr 3",
        "--verdict",
        "false",
    ]);
    let out = factmark(
        d,
        &[
            "export",
            "plan.txt",
            "--format",
            "claimreview",
            "--url",
            "https://checks.example/plan",
            "--publisher",
            "Example Fact Check",
        ],
    );
    let v: Value = serde_json::from_str(&ok(&out)).unwrap();
    let beta = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["claimReviewed"]
                .as_str()
                .is_some_and(|c| c.contains("beta"))
        })
        .expect("the beta claim");
    // The release date is what the first claim is about, not when the second was made.
    assert!(
        beta["itemReviewed"].get("datePublished").is_none(),
        "{beta:#}"
    );
}
