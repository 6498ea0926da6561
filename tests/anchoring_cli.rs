//! Runs the real `factmark` binary on an annotated article that is then edited: `check`
//! reports moved, fuzzy and orphaned annotations at their current places, and `check --write`
//! saves the moved ones so that the next `check` finds them exact.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BEFORE: &str = "Council approves budget\n\n\
The council voted on 3 May 2024 to approve a budget of 4.2 million euros. The WHO welcomed it.\n\n\
According to the WHO, vaccination rates rose by 12 percent last year. Critics disagreed.\n\n\
“We built 200 new schools,” said councillor Robin Meyer.\n";

/// A paragraph added above, the date corrected, the vaccination paragraph deleted.
const AFTER: &str = "Council approves budget\n\n\
Update: this article was corrected on 6 May.\n\n\
The council voted on 4 May 2024 to approve a budget of 4.2 million euros. The WHO welcomed it.\n\n\
“We built 200 new schools,” said councillor Robin Meyer.\n";

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .output()
        .expect("run factmark")
}

fn add(dir: &Path, tag: &str, text: &str, more: &[&str]) {
    let mut args = vec!["add", "article.txt", "--tag", tag, "--text", text];
    args.extend(more);
    let out = factmark(dir, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Char offsets of the first occurrence of `needle` in `hay`.
fn span(hay: &str, needle: &str) -> (u64, u64) {
    let byte = hay.find(needle).unwrap();
    let start = hay[..byte].chars().count() as u64;
    (start, start + needle.chars().count() as u64)
}

/// `check --format json`: the exit code and each record by its stored quote.
fn check(dir: &Path) -> (Option<i32>, Vec<Value>) {
    let out = factmark(dir, &["check", "article.txt", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), v.as_array().unwrap().clone())
}

fn record<'a>(records: &'a [Value], exact: &str) -> &'a Value {
    records.iter().find(|r| r["exact"] == exact).unwrap()
}

fn at(r: &Value) -> (u64, u64) {
    (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap())
}

#[test]
fn check_follows_edits_and_write_saves_moved_positions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), BEFORE).unwrap();
    add(d, "date", "3 May 2024", &[]);
    add(d, "claim", "We built 200 new schools", &[]);
    add(
        d,
        "claim",
        "vaccination rates rose by 12 percent last year",
        &[],
    );
    add(d, "entity", "Robin Meyer", &[]);
    let (code, records) = check(d);
    assert_eq!(code, Some(0));
    assert!(records.iter().all(|r| r["status"] == "exact"));

    std::fs::write(d.join("article.txt"), AFTER).unwrap();
    let (code, records) = check(d);
    assert_eq!(code, Some(1));
    assert_eq!(records.len(), 4, "nothing is dropped");
    let date = record(&records, "3 May 2024");
    assert_eq!(date["status"], "fuzzy");
    assert_eq!(date["found"], "4 May 2024");
    assert_eq!(at(date), span(AFTER, "4 May 2024"));
    let schools = record(&records, "We built 200 new schools");
    assert_eq!(schools["status"], "moved");
    assert!(schools["score"].as_f64().unwrap() > 0.8);
    assert_eq!(at(schools), span(AFTER, "We built 200 new schools"));
    assert_eq!(
        at(record(&records, "Robin Meyer")),
        span(AFTER, "Robin Meyer")
    );
    let gone = record(&records, "vaccination rates rose by 12 percent last year");
    assert_eq!(gone["status"], "orphaned");
    assert_eq!(
        at(gone),
        span(BEFORE, "vaccination rates rose by 12 percent last year")
    );
    assert_eq!(gone["found"], Value::Null);

    // --write saves the moved ones; the table says so; nothing else changes.
    let out = factmark(d, &["check", "article.txt", "--write"]);
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("2 moved, 1 fuzzy, 1 orphaned"), "{table}");
    assert!(table.contains("saved 2 updated annotations"), "{table}");
    let (code, again) = check(d);
    assert_eq!(
        code,
        Some(1),
        "the fuzzy and orphaned ones are still reported"
    );
    for quote in ["We built 200 new schools", "Robin Meyer"] {
        let r = record(&again, quote);
        assert_eq!(r["status"], "exact");
        assert_eq!(at(r), span(AFTER, quote));
        assert_eq!(
            r["suffix"].as_str().unwrap(),
            &AFTER[AFTER.find(quote).unwrap() + quote.len()..]
                .chars()
                .take(32)
                .collect::<String>()
        );
    }
    assert_eq!(record(&again, "3 May 2024")["status"], "fuzzy");
    assert_eq!(record(&again, "3 May 2024")["exact"], "3 May 2024");
    let gone = record(&again, "vaccination rates rose by 12 percent last year");
    assert_eq!(gone["status"], "orphaned");
    assert_eq!(
        at(gone),
        span(BEFORE, "vaccination rates rose by 12 percent last year")
    );

    // Writing again changes nothing more.
    let sidecar = std::fs::read(d.join("article.txt.ann.ron")).unwrap();
    let out = factmark(d, &["check", "article.txt", "--write", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read(d.join("article.txt.ann.ron")).unwrap(),
        sidecar
    );
}

#[test]
fn after_write_only_moves_check_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), BEFORE).unwrap();
    add(d, "entity", "WHO", &["--occurrence", "2"]);
    add(d, "claim", "We built 200 new schools", &[]);
    let edited = BEFORE.replace("\n\n", "\n\nA new first paragraph.\n\n");
    // Re-saved with CRLF line endings too: that alone changes nothing.
    std::fs::write(d.join("article.txt"), edited.replace('\n', "\r\n")).unwrap();
    assert_eq!(check(d).0, Some(1));
    let out = factmark(d, &["check", "article.txt", "--write", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v.as_array().unwrap().iter().all(|r| r["status"] == "moved"),
        "{v}"
    );
    let (code, records) = check(d);
    assert_eq!(code, Some(0));
    let (who, _) = span(&edited, "WHO, vaccination");
    assert_eq!(at(record(&records, "WHO")), (who, who + 3));
}

#[test]
fn adding_a_span_already_tagged_so_prints_its_id_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("article.txt"),
        "The mayor said crime fell by 12 percent last year.\n",
    )
    .unwrap();
    let args = [
        "add",
        "article.txt",
        "--tag",
        "quote",
        "--text",
        "crime fell",
    ];
    let first = factmark(dir.path(), &args);
    let second = factmark(dir.path(), &args);
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(first.stdout, second.stdout, "the same id");
    let note = String::from_utf8_lossy(&second.stderr);
    assert!(note.contains("already tagged quote"), "{note}");
    let (_, records) = check(dir.path());
    assert_eq!(records.len(), 1, "{records:?}");
}

#[test]
fn help_documents_write_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = factmark(dir.path(), &["check", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for needed in [
        "--write",
        "moved",
        "fuzzy",
        "ambiguous",
        "orphaned",
        "Exit codes",
        "not overwritten",
    ] {
        assert!(help.contains(needed), "{needed} missing from:\n{help}");
    }
}
