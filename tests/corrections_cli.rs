//! Runs the real `factmark` binary on an article corrected under its annotations: `check
//! --format json` reports the old and new text of each change, `check --write` records the
//! corrections log, `--accept-changed` takes the corrected text with its follow-ups, and
//! `history` prints the log as text and JSON. Older sidecars load unchanged.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BEFORE: &str = "Harbour town corrects its records\n\n\
Health officials said the first case was confirmed on June 8, 2020, after a traveller \
returned from abroad.\n\n\
The harbour budget grew to 4.2 million euros last year, the treasurer said on Monday.\n\n\
Dr. Anna Kovac, who leads the clinic, welcomed the figures at a press conference.\n";

const AFTER: &str = "Correction: An earlier version of this article gave the wrong date for the \
first case.\n\n\
Harbour town corrects its records\n\n\
Health officials said the first case was confirmed on January 8, 2020, after a traveller \
returned from abroad.\n\n\
The harbour budget grew to 4.2 million euros last year, the treasurer said on Monday.\n";

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
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn add(dir: &Path, tag: &str, text: &str, more: &[&str]) {
    let mut args = vec!["add", "article.txt", "--tag", tag, "--text", text];
    args.extend(more);
    ok(&factmark(dir, &args));
}

fn by_tag<'a>(records: &'a [Value], tag: &str) -> &'a Value {
    records.iter().find(|r| r["tag"] == tag).unwrap()
}

fn annotated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), BEFORE).unwrap();
    add(d, "date", "June 8, 2020", &[]);
    add(
        d,
        "claim",
        "the first case was confirmed on June 8, 2020",
        &["--verdict", "false"],
    );
    add(d, "entity", "Dr. Anna Kovac", &["--kind", "person"]);
    add(d, "quote", "the treasurer said on Monday", &[]);
    std::fs::write(d.join("article.txt"), AFTER).unwrap();
    dir
}

#[test]
fn check_json_reports_old_and_new_text_of_changes() {
    let dir = annotated();
    let d = dir.path();
    let out = factmark(d, &["check", "article.txt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = v.as_array().unwrap();
    let date = by_tag(records, "date");
    assert_eq!(date["status"], "changed");
    assert_eq!(date["old_text"], "June 8, 2020");
    assert_eq!(date["new_text"], "January 8, 2020");
    assert_eq!(date["found"], "January 8, 2020");
    assert_eq!(date["date"], "2020-06-08", "nothing is rewritten by check");
    assert_eq!(date["date_now"], "2020-01-08");
    assert_eq!(date["recheck"], false);
    let (s, e) = (
        date["start"].as_u64().unwrap() as usize,
        date["end"].as_u64().unwrap() as usize,
    );
    let now: String = AFTER.chars().skip(s).take(e - s).collect();
    assert_eq!(
        now, "January 8, 2020",
        "start/end are those of the new text"
    );
    let claim = by_tag(records, "claim");
    assert_eq!(claim["status"], "changed");
    assert_eq!(
        claim["new_text"],
        "the first case was confirmed on January 8, 2020"
    );
    assert_eq!(claim["recheck"], true);
    let entity = by_tag(records, "entity");
    assert_eq!(entity["status"], "orphaned");
    assert_eq!(entity["old_text"], Value::Null);
    assert_eq!(by_tag(records, "quote")["status"], "moved");
    // check exits 1 when it finds anything; its table is still what is tested.
    let table =
        String::from_utf8_lossy(&factmark(d, &["check", "article.txt"]).stdout).into_owned();
    assert!(table.contains("2 changed"), "{table}");
    assert!(table.contains("June 8, 2020 → January 8, 2020"), "{table}");
}

#[test]
fn history_prints_the_log_that_check_write_records() {
    let dir = annotated();
    let d = dir.path();
    let sidecar = d.join("article.txt.ann.ron");
    let before = std::fs::read(&sidecar).unwrap();

    // Not yet recorded: shown, marked, and nothing is written.
    let text = ok(&factmark(d, &["history", "article.txt"]));
    assert!(text.contains("annotated before the log began"), "{text}");
    assert!(
        text.contains("“June 8, 2020” → “January 8, 2020”"),
        "{text}"
    );
    assert!(text.contains("pending (not saved)"), "{text}");
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);

    // Recorded by check --write; nothing is accepted without --accept-changed.
    factmark(d, &["check", "article.txt", "--write"]);
    let saved = std::fs::read_to_string(&sidecar).unwrap();
    assert!(saved.contains("version: 4,"), "{saved}");
    assert!(saved.contains("corrections: ("), "{saved}");
    let v: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["history", "article.txt", "--format", "json"],
    )))
    .unwrap();
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["seen"], Value::Null);
    assert_eq!(versions[1]["current"], true);
    assert!(versions[1]["seen"].is_string());
    let changes = v["changes"].as_array().unwrap();
    let statuses: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["tag"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
                c["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("claim", "changed", "pending"),
            ("date", "changed", "pending"),
            ("entity", "orphaned", "pending"),
        ]
    );
    assert!(
        changes
            .iter()
            .all(|c| c["saved"] == true && c["version"] == 2)
    );
    assert_eq!(changes[1]["old"], "June 8, 2020");
    assert_eq!(changes[1]["new"], "January 8, 2020");
    assert_eq!(changes[2]["new"], Value::Null);

    // The ClaimReview export warns about the claim whose text changed since it was rated.
    let export = |d: &Path| {
        let out = factmark(d, &["export", "article.txt", "--format", "claimreview"]);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let warned = export(d);
    assert!(
        warned.contains("the claim's text changed in the document since it was rated"),
        "{warned}"
    );

    let html = |d: &Path| ok(&factmark(d, &["export", "article.txt", "--format", "html"]));
    let report = html(d);
    assert!(report.contains("Corrections</h3>"), "{report}");
    assert!(
        report.contains("<del>June</del><ins>January</ins> 8, 2020"),
        "{report}"
    );
    // Changed annotations are counted as changed, not as lost, and the rated claim stays in
    // the claims table with what it reads now.
    assert!(
        report.contains("2 changed by a correction (see Corrections)"),
        "{report}"
    );
    assert!(
        report.contains("4 annotations: 1 claim, 1 quote, 1 date, 1 entity; 2 changed by a correction (see Corrections); 1 not found in the current text."),
        "{report}"
    );
    let not_found = &report[report.find("Not found in the current text").unwrap()..];
    assert!(!not_found.contains("June 8, 2020"), "{not_found}");
    assert!(
        report.contains("now reads: the first case was confirmed on January 8, 2020"),
        "{report}"
    );

    // A script takes the corrections: values follow, the rated claim is flagged.
    factmark(d, &["check", "article.txt", "--write", "--accept-changed"]);
    let report = html(d);
    assert!(
        report.contains("auto-followed; date 2020-06-08 → 2020-01-08"),
        "{report}"
    );
    assert!(
        report.contains("auto-followed; marked for re-check"),
        "{report}"
    );
    let warned = export(d);
    assert!(
        warned.contains("changed since it was rated and it awaits a new rating"),
        "{warned}"
    );
    let v: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["history", "article.txt", "--format", "json"],
    )))
    .unwrap();
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3, "{v}");
    assert_eq!(changes[0]["action"], "auto-followed");
    assert_eq!(changes[0]["recheck"], true);
    assert_eq!(changes[1]["action"], "auto-followed");
    assert_eq!(changes[1]["date_from"], "2020-06-08");
    assert_eq!(changes[1]["date_to"], "2020-01-08");
    assert_eq!(
        changes[2]["action"], "pending",
        "an orphan waits for a person"
    );
    let list: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["list", "article.txt", "--format", "json"],
    )))
    .unwrap();
    let records = list.as_array().unwrap();
    let claim = by_tag(records, "claim");
    assert_eq!(claim["verdict"], "false", "the verdict is kept");
    assert_eq!(claim["review"], "needs-work");
    assert_eq!(claim["recheck"], true);
    assert!(
        claim["review_comment"]
            .as_str()
            .unwrap()
            .starts_with("Text changed from “the first case was confirmed on June 8, 2020” to “the first case was confirmed on January 8, 2020” on ")
    );
    assert_eq!(by_tag(records, "date")["date"], "2020-01-08");
    let text = ok(&factmark(d, &["history", "article.txt"]));
    assert!(text.contains("date 2020-06-08 → 2020-01-08"), "{text}");
    assert!(
        text.contains("verdict kept, marked needs-work for re-check"),
        "{text}"
    );
    assert!(!text.contains("since rated again"), "{text}");

    // The verdict kept after a look: the log says the re-check is over.
    let id = claim["id"].as_str().unwrap().to_owned();
    ok(&factmark(
        d,
        &["review", "article.txt", &id, "--status", "accepted"],
    ));
    let text = ok(&factmark(d, &["history", "article.txt"]));
    assert!(
        text.contains("marked needs-work for re-check, since rated again"),
        "{text}"
    );
    let v: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["history", "article.txt", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(v["changes"][0]["rated_again"], true, "{v}");
    assert!(html(d).contains("marked for re-check, since rated again"));
}

#[test]
fn an_unchanged_document_has_no_history_and_old_sidecars_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), BEFORE).unwrap();
    add(d, "date", "June 8, 2020", &[]);
    let text = ok(&factmark(d, &["history", "article.txt"]));
    assert!(text.contains("no corrections"), "{text}");
    // The same sidecar as version 2 wrote it reads the same.
    let sidecar = d.join("article.txt.ann.ron");
    let v3 = std::fs::read_to_string(&sidecar).unwrap();
    assert!(!v3.contains("corrections"), "no log until the text changes");
    std::fs::write(&sidecar, v3.replace("version: 4,", "version: 2,")).unwrap();
    let list = ok(&factmark(d, &["list", "article.txt", "--format", "json"]));
    assert!(list.contains("\"2020-06-08\""), "{list}");
    assert!(ok(&factmark(d, &["history", "article.txt"])).contains("no corrections"));
}

#[test]
fn accepting_a_correction_in_one_step_never_moves_it_onto_a_lookalike() {
    // Two identical captions; the first is corrected in place, and a long paragraph above
    // both is deleted, so the second moves up before where the first was.
    let caption = "A chart of the goals of the algorithm was part of the report.";
    let long = "This paragraph, long enough to move everything after it a long way, was deleted from the article when it was corrected. ".repeat(3);
    let lead = "The company published its report on Tuesday morning.";
    let before = format!("Intro.\n\n{long}\n\n{lead}\n\n{caption}\n\nMiddle.\n\n{caption}\n");
    let fixed = caption.replace("the report.", "the document.");
    let after = format!("Intro.\n\n{lead}\n\n{fixed}\n\nMiddle.\n\n{caption}\n");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), &before).unwrap();
    add(
        d,
        "claim",
        caption,
        &["--occurrence", "1", "--verdict", "true", "--note", "first"],
    );
    add(
        d,
        "claim",
        caption,
        &["--occurrence", "2", "--verdict", "true", "--note", "second"],
    );
    std::fs::write(d.join("article.txt"), &after).unwrap();
    factmark(d, &["check", "article.txt", "--write", "--accept-changed"]);
    let list: Vec<Value> = serde_json::from_str(&ok(&factmark(
        d,
        &["list", "article.txt", "--format", "json"],
    )))
    .unwrap();
    let note = |n: &str| list.iter().find(|r| r["note"] == n).unwrap();
    let (first, second) = (note("first"), note("second"));
    let at = |s: &str| after[..after.find(s).unwrap()].chars().count() as u64;
    assert_eq!(first["exact"], fixed.as_str(), "{first}");
    assert_eq!(first["start"], at(&fixed));
    assert_eq!(first["review"], "needs-work");
    assert_eq!(second["exact"], caption);
    assert_eq!(second["start"], at(&format!("{caption}\n")));
    assert_eq!(second["review"], "unreviewed", "{second}");
}

#[test]
fn claimreview_warns_about_a_rated_claim_no_longer_in_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let before = "The mayor opened the bridge.\n\nThe bridge cost 40 million euros, twice the estimate given to the council in 2019.\n\nIt opened on time.\n";
    std::fs::write(d.join("article.txt"), before).unwrap();
    add(
        d,
        "claim",
        "The bridge cost 40 million euros, twice the estimate given to the council in 2019.",
        &["--verdict", "false"],
    );
    std::fs::write(
        d.join("article.txt"),
        "The mayor opened the bridge.\n\nIt opened on time.\n",
    )
    .unwrap();
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "claimreview",
            "--url",
            "https://example.org/a",
            "--publisher",
            "Desk",
            "--date-published",
            "2026-11-29",
        ],
    );
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains("the claim's text is not where it was in the document (orphaned"),
        "{warned}"
    );
}

#[test]
fn a_correction_undone_is_a_new_version_and_only_the_latest_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let one = "The company was founded in 1998 in a garage in Leeds, its first report says.\n";
    let two = one.replace("1998", "1999");
    std::fs::write(d.join("article.txt"), one).unwrap();
    add(d, "date", "1998", &[]);
    std::fs::write(d.join("article.txt"), &two).unwrap();
    factmark(d, &["check", "article.txt", "--write", "--accept-changed"]);
    // The correction is undone: the first text comes back.
    std::fs::write(d.join("article.txt"), one).unwrap();
    factmark(d, &["check", "article.txt", "--write", "--accept-changed"]);
    let log: Value = serde_json::from_str(&ok(&factmark(
        d,
        &["history", "article.txt", "--format", "json"],
    )))
    .unwrap();
    let versions = log["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3, "{log}");
    let current: Vec<&Value> = versions.iter().filter(|v| v["current"] == true).collect();
    assert_eq!(current.len(), 1, "{log}");
    assert_eq!(current[0]["number"], 3);
    let changes = log["changes"].as_array().unwrap();
    let last = changes.last().unwrap();
    assert_eq!(last["old"], "1999");
    assert_eq!(last["new"], "1998");
    assert_eq!(last["version"], 3, "{log}");
    assert_eq!(changes[0]["version"], 2, "{log}");
}

#[test]
fn a_correction_notice_is_suggested_and_accepted_as_a_claim_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), AFTER).unwrap();
    let out = ok(&factmark(
        d,
        &["suggest", "article.txt", "--accept", "claim"],
    ));
    assert_eq!(out.lines().count(), 1, "one notice: {out}");
    let list: Vec<Value> = serde_json::from_str(&ok(&factmark(
        d,
        &["list", "article.txt", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(
        list.len(),
        1,
        "only the notice, no dates or quotes: {list:?}"
    );
    assert_eq!(list[0]["tag"], "claim");
    assert!(
        list[0]["exact"]
            .as_str()
            .unwrap()
            .starts_with("Correction: An earlier version of this article"),
        "{list:?}"
    );
}

#[test]
fn a_name_waiting_for_review_is_not_suggested_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("article.txt"),
        "The chart was made in Beijing. A company spokeswoman, Hilary McQuaide, confirmed it.\n",
    )
    .unwrap();
    add(d, "entity", "Hilary McQuaide", &["--kind", "person"]);
    std::fs::write(
        d.join("article.txt"),
        "The chart was made in Beijing. Hilary McQuaide, a company spokeswoman, confirmed that it was real.\n",
    )
    .unwrap();
    let check: Vec<Value> = serde_json::from_str(&String::from_utf8_lossy(
        &factmark(d, &["check", "article.txt", "--format", "json"]).stdout,
    ))
    .unwrap();
    assert_eq!(check[0]["status"], "fuzzy", "{check:?}");
    let out = ok(&factmark(
        d,
        &["suggest", "article.txt", "--format", "json"],
    ));
    assert!(!out.contains("Hilary McQuaide"), "{out}");
}

#[test]
fn a_notice_where_a_lost_annotation_was_is_still_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("article.txt"),
        "The survey is open until Friday and every team can answer it online.\n\nThe results come out in March.\n",
    )
    .unwrap();
    add(
        d,
        "claim",
        "The survey is open until Friday and every team can answer it online.",
        &["--verdict", "true"],
    );
    std::fs::write(
        d.join("article.txt"),
        "Correction: the survey closed early, on Wednesday, after a fault.\n\nThe results come out in March.\n",
    )
    .unwrap();
    let out = ok(&factmark(d, &["suggest", "article.txt"]));
    assert!(out.contains("Correction: the survey closed early"), "{out}");
}
