//! `factmark claims` on a folder where three articles repeat two claims in different words:
//! the repeats are grouped, a claim with another number is not, a same-claim link joins two
//! claims, and `--match` finds the checked claim for a new wording.

mod common;
use common::{factmark, ok};

use std::path::Path;

const ONE: &str = "Mayor Lena Vasko said unemployment in Westmarch fell to 3.7 percent in 2024. \
She also said the harbour project never went over budget.\n";
const TWO: &str = "Westmarch's unemployment dropped to 3.7% in 2024, the mayor's office claimed. \
Critics noted that exports fell 20 percent.\n";
const THREE: &str = "According to Vasko, \"the harbour project has never gone over budget.\" \
Exports fell 2 percent, the port said.\n";

fn add(dir: &Path, doc: &str, text: &str, verdict: &str) {
    ok(&factmark(
        dir,
        &[
            "add",
            doc,
            "--tag",
            "claim",
            "--text",
            text,
            "--verdict",
            verdict,
        ],
    ));
}

fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    for (name, text) in [("one.txt", ONE), ("two.txt", TWO), ("three.txt", THREE)] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    add(
        dir,
        "one.txt",
        "unemployment in Westmarch fell to 3.7 percent in 2024",
        "true",
    );
    add(
        dir,
        "one.txt",
        "the harbour project never went over budget",
        "false",
    );
    add(
        dir,
        "two.txt",
        "Westmarch's unemployment dropped to 3.7% in 2024",
        "mostly-true",
    );
    add(dir, "two.txt", "exports fell 20 percent", "unrated");
    add(
        dir,
        "three.txt",
        "the harbour project has never gone over budget.",
        "unrated",
    );
    add(dir, "three.txt", "Exports fell 2 percent", "unrated");
    d
}

fn groups(dir: &Path) -> Vec<Vec<String>> {
    let out = ok(&factmark(dir, &["claims", ".", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut gs: Vec<Vec<String>> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let mut m: Vec<String> = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["text"].as_str().unwrap().to_owned())
                .collect();
            m.sort();
            m
        })
        .collect();
    gs.sort();
    gs
}

#[test]
fn repeats_group_other_numbers_do_not_and_conflicts_come_first() {
    let d = folder();
    let gs = groups(d.path());
    assert_eq!(gs.len(), 2, "{gs:?}");
    assert!(gs.contains(&vec![
        "Westmarch's unemployment dropped to 3.7% in 2024".to_owned(),
        "unemployment in Westmarch fell to 3.7 percent in 2024".to_owned(),
    ]));
    assert!(gs.contains(&vec![
        "the harbour project has never gone over budget.".to_owned(),
        "the harbour project never went over budget".to_owned(),
    ]));
    let out = ok(&factmark(d.path(), &["claims", ".", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["claims"], 6);
    assert_eq!(
        v["groups"][0]["conflicting"], true,
        "true vs mostly-true first"
    );
    // Every claim, with its group, one per line.
    let lines = ok(&factmark(d.path(), &["claims", ".", "--format", "jsonl"]));
    assert_eq!(lines.lines().count(), 6);
    for l in lines.lines() {
        let row: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(row["group"].as_str().is_some_and(|g| g.len() == 36));
    }
    let csv = ok(&factmark(d.path(), &["claims", ".", "--format", "csv"]));
    assert!(csv.starts_with("group,document,id,verdict,review,evidence,text\n"));
}

#[test]
fn match_finds_the_checked_claim_and_a_link_joins_claims() {
    let d = folder();
    let out = ok(&factmark(
        d.path(),
        &[
            "claims",
            ".",
            "--match",
            "Unemployment went down to 3.7 percent in Westmarch in 2024",
            "--format",
            "json",
        ],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &v[0];
    assert_eq!(first["same"], true, "{out}");
    assert!(first["text"].as_str().unwrap().contains("3.7"));
    assert_ne!(
        first["verdict"], "unrated",
        "only checked claims are offered"
    );
    // "fell 20 percent" and "fell 2 percent" are different claims, each in its own group.
    let out = ok(&factmark(
        d.path(),
        &["claims", ".", "--all", "--format", "jsonl"],
    ));
    let exports: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .starts_with("exports")
        })
        .map(|r| r["group"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(exports.len(), 2);
    assert_ne!(exports[0], exports[1]);
    // Nothing close to an unrelated text.
    let none = ok(&factmark(
        d.path(),
        &["claims", ".", "--match", "Fish stocks recovered"],
    ));
    assert!(none.contains("no rated claim"), "{none}");
}
