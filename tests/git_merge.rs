//! `factmark merge` as a git merge driver, in a real git repository: two branches annotate the
//! same article; `git merge` keeps both branches' annotations, and a field both changed is a
//! conflict record in the merged sidecar with both values, git reporting the conflict.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factmark::core::merge::{Field, FieldValue};
use factmark::store::Sidecar;

const ARTICLE: &str = "Senator Amélie Dufrêne spoke on 3 May 2024 in Westmarch.\n\n\
She said unemployment fell to 3.7 percent. Critics at the Harbor Institute disagreed.\n";

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn git(dir: &Path, args: &[&str]) -> String {
    ok(run(dir, "git", args))
}

fn factmark(dir: &Path, args: &[&str]) -> String {
    ok(run(dir, env!("CARGO_BIN_EXE_factmark"), args))
}

/// A repository with the article, the driver configured, and one committed annotation.
fn repo() -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("repo");
    std::fs::create_dir(&dir).unwrap();
    git(&dir, &["init", "-q", "-b", "main"]);
    std::fs::write(dir.join("article.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join(".gitattributes"), "*.ann.ron merge=factmark\n").unwrap();
    let driver = format!("\"{}\" merge %O %A %B", env!("CARGO_BIN_EXE_factmark"));
    git(
        &dir,
        &["config", "merge.factmark.name", "factmark annotations"],
    );
    git(&dir, &["config", "merge.factmark.driver", &driver]);
    let shared = factmark(
        &dir,
        &[
            "add",
            "article.txt",
            "--tag",
            "entity",
            "--text",
            "Westmarch",
        ],
    );
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "article"]);
    (tmp, dir, shared.trim().to_owned())
}

fn sidecar(dir: &Path) -> (String, Sidecar) {
    let path = dir.join("article.txt.ann.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let s = Sidecar::decode(&path, &text).unwrap();
    (text, s)
}

fn ids(s: &Sidecar) -> Vec<String> {
    s.annotations.iter().map(|a| a.id.to_string()).collect()
}

#[test]
fn two_branches_annotating_one_article_merge_cleanly() {
    let (_tmp, dir, shared) = repo();
    git(&dir, &["checkout", "-q", "-b", "ana"]);
    let ana = factmark(
        &dir,
        &[
            "add",
            "article.txt",
            "--tag",
            "date",
            "--text",
            "3 May 2024",
        ],
    );
    factmark(
        &dir,
        &["review", "article.txt", &shared, "--status", "accepted"],
    );
    git(&dir, &["commit", "-q", "-am", "ana"]);
    git(&dir, &["checkout", "-q", "main"]);
    let ben = factmark(
        &dir,
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "unemployment fell to 3.7 percent",
        ],
    );
    git(&dir, &["commit", "-q", "-am", "ben"]);

    let out = run(&dir, "git", &["merge", "--no-edit", "ana"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("factmark: merged"),
        "the driver ran: {stderr}"
    );
    let (_, merged) = sidecar(&dir);
    let ids = ids(&merged);
    for id in [&shared, ana.trim(), ben.trim()] {
        assert!(
            ids.contains(&id.to_owned()),
            "{id} survives the merge: {ids:?}"
        );
    }
    assert_eq!(ids.len(), 3);
    assert!(merged.conflicts.is_empty());
    let reviewed = merged
        .annotations
        .iter()
        .find(|a| a.id.to_string() == shared)
        .unwrap();
    assert_eq!(
        reviewed.review.status.as_str(),
        "accepted",
        "ana's review is merged"
    );
    assert!(git(&dir, &["status", "--porcelain"]).is_empty());
    // list and check read the result.
    assert!(factmark(&dir, &["check", "article.txt"]).contains("3 annotations"));
}

#[test]
fn the_same_field_changed_on_both_branches_is_a_recorded_conflict() {
    let (_tmp, dir, shared) = repo();
    git(&dir, &["checkout", "-q", "-b", "ana"]);
    let ana = factmark(
        &dir,
        &[
            "add",
            "article.txt",
            "--tag",
            "date",
            "--text",
            "3 May 2024",
        ],
    );
    factmark(
        &dir,
        &[
            "review",
            "article.txt",
            &shared,
            "--status",
            "accepted",
            "--comment",
            "ana: the city",
        ],
    );
    git(&dir, &["commit", "-q", "-am", "ana"]);
    git(&dir, &["checkout", "-q", "main"]);
    factmark(
        &dir,
        &[
            "review",
            "article.txt",
            &shared,
            "--status",
            "rejected",
            "--comment",
            "ben: the county",
        ],
    );
    git(&dir, &["commit", "-q", "-am", "ben"]);
    let ours_before = sidecar(&dir).1;

    let out = run(&dir, "git", &["merge", "--no-edit", "ana"]);
    assert!(!out.status.success(), "git reports the conflict");
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("article.txt.ann.ron"), "{report}");

    let (text, merged) = sidecar(&dir);
    assert!(
        !text.contains("<<<<<<<"),
        "no text conflict markers: {text}"
    );
    let ids = ids(&merged);
    assert!(ids.contains(&shared) && ids.contains(&ana.trim().to_owned()));
    assert_eq!(merged.conflicts.len(), 1, "{text}");
    let c = &merged.conflicts[0];
    assert_eq!(c.id.to_string(), shared);
    assert_eq!(c.field, Field::Review);
    let comment = |v: &FieldValue| match v {
        FieldValue::Review(r) => r.comment.clone().unwrap_or_default(),
        other => panic!("{other:?}"),
    };
    assert_eq!(comment(&c.ours), "ben: the county");
    assert_eq!(comment(&c.theirs), "ana: the city");
    let kept = merged.annotations.iter().find(|a| a.id == c.id).unwrap();
    let was = ours_before
        .annotations
        .iter()
        .find(|a| a.id == c.id)
        .unwrap();
    assert_eq!(
        kept.review, was.review,
        "the annotation holds ours until resolved"
    );

    // The conflicted sidecar still loads, and the commands say there are conflicts.
    let out = run(
        &dir,
        env!("CARGO_BIN_EXE_factmark"),
        &["list", "article.txt"],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 merge conflict recorded"), "{stderr}");
    let out = run(&dir, env!("CARGO_BIN_EXE_factmark"), &["stats", "."]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("merge conflict"));
}

/// Changes the article's annotations as the window or a script would, and saves.
fn edit(dir: &Path, cmds: &[factmark::core::edit::Command]) {
    let mut s = factmark::store::Session::open(&dir.join("article.txt")).unwrap();
    let mut h = factmark::core::edit::History::default();
    for c in cmds {
        h.apply(&mut s.annotations, &s.text, c, chrono::Utc::now())
            .unwrap();
    }
    s.save().unwrap();
}

fn id_of(dir: &Path, exact: &str) -> factmark::core::annotation::AnnotationId {
    sidecar(dir)
        .1
        .annotations
        .iter()
        .find(|a| a.exact == exact)
        .unwrap()
        .id
}

#[test]
fn links_and_evidence_from_two_branches_merge_and_a_link_to_a_deleted_annotation_is_a_conflict() {
    use factmark::core::edit::Command as Cmd;
    use factmark::core::evidence::{Evidence, Stance};
    use factmark::core::link::{Link, LinkKind};
    let (_tmp, dir, _) = repo();
    for (tag, text) in [
        ("claim", "unemployment fell to 3.7 percent"),
        ("entity", "Amélie Dufrêne"),
        ("date", "3 May 2024"),
    ] {
        factmark(&dir, &["add", "article.txt", "--tag", tag, "--text", text]);
    }
    git(&dir, &["commit", "-q", "-am", "claims"]);
    let claim = id_of(&dir, "unemployment fell to 3.7 percent");
    let person = id_of(&dir, "Amélie Dufrêne");
    let date = id_of(&dir, "3 May 2024");
    let now = chrono::Utc::now();

    git(&dir, &["checkout", "-q", "-b", "ana"]);
    let attributed = Link::new(LinkKind::AttributedTo, person, "ana", now);
    let source = Evidence::new("https://stats.example/jobs", Stance::Refutes, now);
    edit(
        &dir,
        &[
            Cmd::Link {
                from: claim,
                link: attributed.clone(),
            },
            Cmd::SetEvidence(claim, vec![source.clone()]),
        ],
    );
    git(&dir, &["commit", "-q", "-am", "ana"]);
    git(&dir, &["checkout", "-q", "main"]);
    let dated = Link::new(LinkKind::Dated, date, "ben", now);
    let other = Evidence::new("https://archive.example/jobs", Stance::Context, now);
    edit(
        &dir,
        &[
            Cmd::Link {
                from: claim,
                link: dated.clone(),
            },
            Cmd::SetEvidence(claim, vec![other.clone()]),
        ],
    );
    git(&dir, &["commit", "-q", "-am", "ben"]);
    git(&dir, &["merge", "--no-edit", "ana"]);
    let (text, merged) = sidecar(&dir);
    let c = merged.annotations.iter().find(|a| a.id == claim).unwrap();
    let mut kinds: Vec<_> = c.links.iter().map(|l| l.kind.as_str().to_owned()).collect();
    kinds.sort();
    assert_eq!(kinds, ["attributed-to", "dated"], "{text}");
    assert_eq!(c.evidence.len(), 2, "{text}");
    assert!(merged.conflicts.is_empty(), "{text}");

    // One branch deletes the date; the other links a new claim to it.
    git(&dir, &["checkout", "-q", "-b", "cleo"]);
    edit(&dir, &[Cmd::Delete(date)]);
    git(&dir, &["commit", "-q", "-am", "cleo"]);
    git(&dir, &["checkout", "-q", "main"]);
    factmark(
        &dir,
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "Critics at the Harbor Institute disagreed.",
        ],
    );
    let critics = id_of(&dir, "Critics at the Harbor Institute disagreed.");
    edit(
        &dir,
        &[Cmd::Link {
            from: critics,
            link: Link::new(LinkKind::Dated, date, "ben", now),
        }],
    );
    git(&dir, &["commit", "-q", "-am", "ben again"]);
    let out = run(&dir, "git", &["merge", "--no-edit", "cleo"]);
    assert!(!out.status.success(), "git reports the conflict");
    let (text, merged) = sidecar(&dir);
    assert!(merged.annotations.iter().all(|a| a.id != date), "{text}");
    let k = merged.annotations.iter().find(|a| a.id == critics).unwrap();
    assert_eq!(k.links.len(), 1, "kept until the user decides: {text}");
    assert!(
        merged
            .conflicts
            .iter()
            .any(|c| c.id == critics && c.field == Field::Links),
        "{text}"
    );
}

#[test]
fn merge_command_exit_codes() {
    let (_tmp, dir, shared) = repo();
    let side = |name: &str, comment: &str| {
        let p = dir.join(name);
        std::fs::copy(dir.join("article.txt.ann.ron"), &p).unwrap();
        let s = std::fs::read_to_string(&p).unwrap();
        // A review with a comment after the (only) annotation's last field.
        let s: String = s
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("modified:") {
                    format!("{l}\n            review: (status: Unreviewed, comment: Some(\"{comment}\")),\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(&p, s).unwrap();
        p
    };
    std::fs::copy(dir.join("article.txt.ann.ron"), dir.join("base.ron")).unwrap();
    side("a.ron", "a");
    side("b.ron", "b");
    let fm = |args: &[&str]| run(&dir, env!("CARGO_BIN_EXE_factmark"), args);
    // Clean: same change on both sides.
    let out = fm(&["merge", "base.ron", "a.ron", "a.ron", "-o", "clean.ron"]);
    assert_eq!(out.status.code(), Some(0));
    // Conflict: exit 1, both values kept, OURS untouched with -o.
    let a_before = std::fs::read(dir.join("a.ron")).unwrap();
    let out = fm(&["merge", "base.ron", "a.ron", "b.ron", "-o", "out.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.join("a.ron")).unwrap(), a_before);
    let merged = std::fs::read_to_string(dir.join("out.ron")).unwrap();
    assert!(
        merged.contains(&shared) && merged.contains("conflicts: ["),
        "{merged}"
    );
    // Merging a conflicted file again keeps the record.
    let out = fm(&["merge", "a.ron", "out.ron", "a.ron", "-o", "again.ron"]);
    assert_eq!(out.status.code(), Some(1));
    // No common ancestor (git's empty %O when both branches added the file).
    std::fs::write(dir.join("empty.ron"), "").unwrap();
    let out = fm(&["merge", "empty.ron", "a.ron", "a.ron", "-o", "new.ron"]);
    assert_eq!(out.status.code(), Some(0));
    // Bad input: exit 2, the file named, nothing written.
    std::fs::write(dir.join("bad.ron"), "(format: \"factmark\", version: 2").unwrap();
    let out = fm(&["merge", "base.ron", "a.ron", "bad.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.ron"));
    assert_eq!(std::fs::read(dir.join("a.ron")).unwrap(), a_before);
    let out = fm(&["merge", "base.ron", "a.ron", "missing.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(dir.join("a.ron")).unwrap(), a_before);
}
