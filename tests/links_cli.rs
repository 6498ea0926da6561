//! Runs the real `factmark` binary: `link` and `unlink` between annotations, `evidence` with an
//! archived copy and a snapshot, `list --format json` showing both, and `check` reporting
//! snapshots that changed or went missing and links whose target is gone.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{factmark, ok};
use serde_json::Value;

const ARTICLE: &str = "Senator Amélie Dufrêne said: “Unemployment fell to 3.7 percent.”\n\n\
The statistics office reported on 3 May 2024 that unemployment rose to 4.1 percent.\n\
Unemployment fell, the senator's office repeated.\n";

const SIDECAR: &str = "article.txt.ann.ron";

/// A folder with the article and its quote, person, date and two claims; returns their ids.
struct Doc {
    dir: tempfile::TempDir,
    quote: String,
    person: String,
    date: String,
    claim: String,
    other_claim: String,
}

impl Doc {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
        let add = |tag: &str, text: &str, more: &[&str]| {
            let mut args = vec!["add", "article.txt", "--tag", tag, "--text", text];
            args.extend(more);
            ok(&factmark(dir.path(), &args)).trim().to_owned()
        };
        let quote = add("quote", "Unemployment fell to 3.7 percent.", &[]);
        let person = add("entity", "Amélie Dufrêne", &["--kind", "person"]);
        let date = add("date", "3 May 2024", &[]);
        let claim = add("claim", "unemployment rose to 4.1 percent", &[]);
        let other_claim = add("claim", "Unemployment fell, the senator's office", &[]);
        Self {
            dir,
            quote,
            person,
            date,
            claim,
            other_claim,
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        factmark(self.path(), args)
    }

    fn sidecar(&self) -> Vec<u8> {
        std::fs::read(self.path().join(SIDECAR)).unwrap()
    }

    fn records(&self) -> Vec<Value> {
        let out = ok(&self.run(&["list", "article.txt", "--format", "json"]));
        serde_json::from_str::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    fn record(&self, id: &str) -> Value {
        self.records()
            .into_iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no record {id}"))
    }

    fn check_json(&self) -> (Option<i32>, Vec<Value>) {
        let out = self.run(&["check", "article.txt", "--format", "json"]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), v.as_array().unwrap().clone())
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts a run failed with exit code 2, saying `needle`, and left the sidecar as it was.
fn refused(doc: &Doc, args: &[&str], needle: &str) {
    let before = doc.sidecar();
    let out = doc.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(doc.sidecar(), before, "{args:?} wrote the sidecar");
}

#[test]
fn linking_a_quote_to_a_person_makes_the_person_its_speaker() {
    let doc = Doc::new();
    assert_eq!(doc.record(&doc.quote)["speaker"], Value::Null);
    let out = doc.run(&[
        "link",
        "article.txt",
        &doc.quote[..8],
        &doc.person,
        "--kind",
        "attributed-to",
        "--note",
        "-on camera",
    ]);
    let link_id = ok(&out).trim().to_owned();
    let quote = doc.record(&doc.quote);
    assert_eq!(quote["speaker"], "Amélie Dufrêne");
    let links = quote["links"].as_array().unwrap();
    assert_eq!(links.len(), 1);
    let l = &links[0];
    assert_eq!(l["id"], link_id.as_str());
    assert_eq!(l["kind"], "attributed-to");
    assert_eq!(l["to"], doc.person.as_str());
    assert_eq!(l["to_exact"], "Amélie Dufrêne");
    assert_eq!(l["dangling"], false);
    assert_eq!(l["author"], "tester");
    assert_eq!(l["note"], "-on camera");
    assert!(l["created"].as_str().unwrap().ends_with('Z'));
    // The link is stored on the quote only.
    assert_eq!(doc.record(&doc.person)["links"], Value::Array(vec![]));
    // The table shows it under the quote.
    let table = ok(&doc.run(&["list", "article.txt"]));
    assert!(
        table.contains("→ attributed-to") && table.contains(&link_id[..8]),
        "{table}"
    );
}

#[test]
fn links_with_wrong_ends_unknown_ids_or_twice_are_refused_and_nothing_is_written() {
    let doc = Doc::new();
    ok(&doc.run(&[
        "link",
        "article.txt",
        &doc.quote,
        &doc.person,
        "--kind",
        "attributed-to",
    ]));
    let link = |from: &str, to: &str, kind: &str| {
        vec![
            "link".to_owned(),
            "article.txt".to_owned(),
            from.to_owned(),
            to.to_owned(),
            "--kind".to_owned(),
            kind.to_owned(),
        ]
    };
    let cases = [
        (
            link(&doc.quote, &doc.date, "attributed-to"),
            "not a quote to a date",
        ),
        (link(&doc.person, &doc.quote, "about"), "not an entity"),
        (link(&doc.claim, &doc.date, "contradicts"), "contradicts"),
        (
            link(&doc.quote, &doc.person, "attributed-to"),
            "already linked",
        ),
        (link(&doc.claim, &doc.claim, "cites"), "itself"),
        (link(&doc.claim, "deadbeef", "about"), "no annotation"),
        (
            link(&doc.claim, &doc.person, "not a kind!"),
            "not a link kind",
        ),
    ];
    for (args, needle) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&doc, &args, needle);
    }
}

#[test]
fn unlink_by_id_or_by_its_two_ends_removes_the_link_and_the_speaker_it_gave() {
    let doc = Doc::new();
    let id = ok(&doc.run(&[
        "link",
        "article.txt",
        &doc.quote,
        &doc.person,
        "--kind",
        "attributed-to",
    ]))
    .trim()
    .to_owned();
    refused(&doc, &["unlink", "article.txt", "00000000"], "no link");
    let out = ok(&doc.run(&["unlink", "article.txt", &id[..8]]));
    assert!(
        out.contains("removed attributed-to link") && out.contains(&id),
        "{out}"
    );
    let quote = doc.record(&doc.quote);
    assert_eq!(quote["links"], Value::Array(vec![]));
    assert_eq!(quote["speaker"], Value::Null);

    // A symmetric link is found from either end.
    ok(&doc.run(&[
        "link",
        "article.txt",
        &doc.claim,
        &doc.other_claim,
        "--kind",
        "contradicts",
    ]));
    refused(
        &doc,
        &[
            "unlink",
            "article.txt",
            &doc.other_claim,
            &doc.claim,
            "--kind",
            "same-claim",
        ],
        "no same-claim link",
    );
    let out = ok(&doc.run(&["unlink", "article.txt", &doc.other_claim, &doc.claim]));
    assert!(out.contains("removed contradicts link"), "{out}");
    assert_eq!(doc.record(&doc.claim)["links"], Value::Array(vec![]));
}

#[test]
fn evidence_with_an_archived_copy_and_a_snapshot_is_listed_and_checked() {
    let doc = Doc::new();
    let d = doc.path();
    std::fs::create_dir(d.join("sources")).unwrap();
    let page = d.join("sources").join("release.html");
    std::fs::write(&page, "<p>Unemployment rose to 4.1 percent.</p>").unwrap();
    let out = doc.run(&[
        "evidence",
        "article.txt",
        &doc.claim[..8],
        "--url",
        "https://stats.example.org/release",
        "--title",
        "-Quarterly release",
        "--publisher",
        "Statistics office",
        "--published",
        "2024-05-03",
        "--consulted",
        "2024-05-04",
        "--archived",
        "https://web.archive.org/web/2024/https://stats.example.org/release",
        "--snapshot",
        "sources/release.html",
        "--stance",
        "supports",
        "--excerpt",
        "rose to 4.1 percent",
        "--note",
        "-table 2",
    ]);
    let id = ok(&out).trim().to_owned();
    let claim = doc.record(&doc.claim);
    let items = claim["evidence"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let e = &items[0];
    assert_eq!(e["id"], id.as_str());
    assert_eq!(e["url"], "https://stats.example.org/release");
    assert_eq!(e["title"], "-Quarterly release");
    assert_eq!(e["publisher"], "Statistics office");
    assert_eq!(e["published"], "2024-05-03");
    assert_eq!(e["consulted"], "2024-05-04T00:00:00Z");
    assert_eq!(
        e["archived"],
        "https://web.archive.org/web/2024/https://stats.example.org/release"
    );
    assert_eq!(e["stance"], "supports");
    assert_eq!(e["excerpt"], "rose to 4.1 percent");
    assert_eq!(e["note"], "-table 2");
    assert_eq!(e["snapshot"]["path"], "sources/release.html");
    assert_eq!(e["snapshot"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(e["snapshot"]["state"], "unchanged");
    let (code, _) = doc.check_json();
    assert_eq!(code, Some(0), "a sound snapshot is no problem");

    // The text listing shows the item.
    let listing = ok(&doc.run(&["evidence", "article.txt", &doc.claim]));
    assert!(
        listing.contains(&id)
            && listing.contains("supports")
            && listing.contains("sources/release.html (unchanged"),
        "{listing}"
    );

    // Edited: check reports it as changed, with the new hash.
    std::fs::write(&page, "<p>Unemployment rose to 4.2 percent.</p>").unwrap();
    let (code, records) = doc.check_json();
    assert_eq!(code, Some(1));
    let r = records.iter().find(|r| r["id"] == doc.claim).unwrap();
    let s = &r["evidence"][0]["snapshot"];
    assert_eq!(s["state"], "changed");
    assert_ne!(s["found"], s["sha256"]);
    let out = doc.run(&["check", "article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("snapshot changed: sources/release.html")
            && table.contains(&doc.claim)
            && table.contains(&id),
        "{table}"
    );

    // Deleted: missing.
    std::fs::remove_file(&page).unwrap();
    let (code, records) = doc.check_json();
    assert_eq!(code, Some(1));
    let r = records.iter().find(|r| r["id"] == doc.claim).unwrap();
    assert_eq!(r["evidence"][0]["snapshot"]["state"], "missing");
    let table = ok_or_problems(&doc.run(&["check", "article.txt"]));
    assert!(
        table.contains("snapshot missing: sources/release.html"),
        "{table}"
    );

    // Removed: gone from the list, and check is clean again.
    let out = ok(&doc.run(&["evidence", "article.txt", &doc.claim, "--remove", &id[..8]]));
    assert!(out.contains("removed evidence"), "{out}");
    assert_eq!(doc.record(&doc.claim)["evidence"], Value::Array(vec![]));
    assert_eq!(doc.check_json().0, Some(0));
}

/// The stdout of a `check` that found problems (exit 1).
fn ok_or_problems(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn evidence_defaults_to_context_and_bad_input_is_refused() {
    let doc = Doc::new();
    ok(&doc.run(&[
        "evidence",
        "article.txt",
        &doc.quote,
        "--url",
        "https://example.org/a",
    ]));
    let e = &doc.record(&doc.quote)["evidence"][0];
    assert_eq!(e["stance"], "context");
    assert_eq!(e["archived"], Value::Null);
    assert_eq!(e["snapshot"], Value::Null);
    let url = "https://example.org/b";
    let cases: [(&[&str], &str); 6] = [
        (&["--url", url], "evidence goes on a claim or a quote"),
        (&["--url", "example.org/b"], "not a web address"),
        (&["--url", url, "--archived", "archive/b"], "--archived"),
        (&["--url", url, "--snapshot", "nothing.html"], "--snapshot"),
        (&["--url", url, "--snapshot", "."], "not a folder"),
        (&["--url", url, "--published", "May 2024"], "--published"),
    ];
    for (i, (more, needle)) in cases.iter().enumerate() {
        // The first case targets an entity; the others a claim.
        let target = if i == 0 { &doc.person } else { &doc.claim };
        let mut args = vec!["evidence", "article.txt", target.as_str()];
        args.extend(*more);
        refused(&doc, &args, needle);
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_as_snapshot_is_refused_promptly() {
    let doc = Doc::new();
    let fifo = doc.path().join("page.html");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let before = doc.sidecar();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args([
            "evidence",
            "article.txt",
            &doc.claim,
            "--url",
            "https://example.org/a",
            "--snapshot",
            "page.html",
        ])
        .current_dir(doc.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("factmark waited on a FIFO given as --snapshot");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains("FIFO"), "{err}");
    assert_eq!(doc.sidecar(), before);
}

#[test]
fn check_reports_a_link_whose_target_is_gone() {
    let doc = Doc::new();
    let id = ok(&doc.run(&[
        "link",
        "article.txt",
        &doc.claim,
        &doc.date,
        "--kind",
        "dated",
    ]))
    .trim()
    .to_owned();
    assert_eq!(doc.check_json().0, Some(0));
    // Another writer's edit left the link pointing at an annotation that is not there.
    let gone = "00000000-0000-4000-8000-000000000000";
    let text = String::from_utf8(doc.sidecar()).unwrap();
    let needle = format!("to: \"{}\"", doc.date);
    assert_eq!(text.matches(&needle).count(), 1, "{text}");
    std::fs::write(
        doc.path().join(SIDECAR),
        text.replace(&needle, &format!("to: \"{gone}\"")),
    )
    .unwrap();
    let (code, records) = doc.check_json();
    assert_eq!(code, Some(1));
    let l = &records.iter().find(|r| r["id"] == doc.claim).unwrap()["links"][0];
    assert_eq!(l["dangling"], true);
    assert_eq!(l["to"], gone);
    assert_eq!(l["to_exact"], Value::Null);
    let table = ok_or_problems(&doc.run(&["check", "article.txt"]));
    assert!(
        table.contains("dangling link") && table.contains(&id) && table.contains(gone),
        "{table}"
    );
    // The dangling link can be removed by its id.
    ok(&doc.run(&["unlink", "article.txt", &id]));
    assert_eq!(doc.check_json().0, Some(0));
}

#[test]
fn an_export_never_writes_over_an_evidence_snapshot_even_with_force() {
    let doc = Doc::new();
    std::fs::create_dir(doc.path().join("sources")).unwrap();
    let page = doc.path().join("sources").join("office.html");
    std::fs::write(&page, "<p>The saved page.</p>").unwrap();
    ok(&doc.run(&[
        "evidence",
        "article.txt",
        &doc.claim,
        "--url",
        "https://stats.example/may",
        "--snapshot",
        "sources/office.html",
    ]));
    let out = doc.run(&[
        "export",
        "article.txt",
        "--format",
        "html",
        "-o",
        "sources/office.html",
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("evidence snapshot"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        "<p>The saved page.</p>"
    );
}
