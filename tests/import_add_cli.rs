//! `factmark import` and `factmark add` through the real binary: an import names every span it
//! had to move (its place in the file, its text, old offsets → new), a dry run shows what it
//! would add and saves nothing, and free-text options take values that begin with `-`.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Three CRLF lines, so offsets that count CRLF as two differ from factmark's.
const ARTICLE: &str = "Line one says crime fell by a fifth in the city.\r\n\
The Ministry of Justice replied on Monday.\r\n\
Later the minister spoke again about prisons.\r\n";

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

/// Code point offset of `needle` in `s` (which may hold CRLF).
fn at(s: &str, needle: &str) -> usize {
    s[..s.find(needle).unwrap()].chars().count()
}

fn list(dir: &Path, doc: &str) -> Vec<Value> {
    let v: Value =
        serde_json::from_str(&ok(&factmark(dir, &["list", doc, "--format", "json"]))).unwrap();
    v.as_array().unwrap().clone()
}

fn article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    dir
}

/// A brat file whose offsets mostly count CRLF as two (as in the file), with one span counted
/// with LF line ends and one whose offsets hold other text.
fn mixed_brat(dir: &Path) {
    let normalized = ARTICLE.replace("\r\n", "\n");
    let ministry = at(ARTICLE, "Ministry of Justice");
    let minister = at(ARTICLE, "minister spoke again about prisons");
    let monday = at(&normalized, "Monday");
    let ann = format!(
        "T1\tOrganization {} {}\tMinistry of Justice\n\
T2\tQuote {} {}\tminister spoke again about prisons\n\
T3\tDate {} {}\tMonday\n\
T4\tClaim 0 33\tcrime fell by a fifth in the city\n",
        ministry,
        ministry + 19,
        minister,
        minister + 34,
        monday,
        monday + 6,
    );
    std::fs::write(dir.join("article.ann"), ann).unwrap();
}

#[test]
fn import_names_every_span_it_moved() {
    let dir = article();
    let d = dir.path();
    mixed_brat(d);
    let out = factmark(
        d,
        &["import", "article.txt", "--from", "brat", "article.ann"],
    );
    ok(&out);
    let err = stderr(&out);
    let normalized = ARTICLE.replace("\r\n", "\n");
    let monday = at(&normalized, "Monday");
    let claim = at(&normalized, "crime fell by a fifth in the city");
    // Counted another way than the rest of the file: named, with both spans.
    let line = err
        .lines()
        .find(|l| l.contains("T3"))
        .unwrap_or_else(|| panic!("T3 not named:\n{err}"));
    assert!(line.contains("\"Monday\""), "{line}");
    assert!(
        line.contains(&format!(
            "{monday}:{} → {monday}:{}",
            monday + 6,
            monday + 6
        )),
        "{line}"
    );
    // Offsets that held other text: found by its text, old → new.
    let line = err
        .lines()
        .find(|l| l.contains("T4"))
        .unwrap_or_else(|| panic!("T4 not named:\n{err}"));
    assert!(line.contains("\"crime fell by a fifth"), "{line}");
    assert!(
        line.contains(&format!("0:33 → {claim}:{}", claim + 33)),
        "{line}"
    );
    // The spans that held their text are not listed one by one.
    assert!(!err.lines().any(|l| l.contains("T1")), "{err}");
    assert_eq!(list(d, "article.txt").len(), 4);
}

#[test]
fn import_names_the_quote_shortened() {
    let dir = article();
    let d = dir.path();
    let long = "Later the minister spoke again about prisons.";
    std::fs::write(d.join("article.ann"), format!("T7\tQuote 1 47\t{long}\n")).unwrap();
    let out = factmark(
        d,
        &["import", "article.txt", "--from", "brat", "article.ann"],
    );
    ok(&out);
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("T7"))
        .unwrap_or_else(|| panic!("T7 not named:\n{err}"));
    assert!(!line.contains(long), "not shortened: {line}");
    assert!(line.contains('…'), "{line}");
}

#[test]
fn dry_run_shows_what_it_would_add_and_no_ids() {
    let dir = article();
    let d = dir.path();
    mixed_brat(d);
    let out = factmark(
        d,
        &[
            "import",
            "article.txt",
            "--from",
            "brat",
            "article.ann",
            "--dry-run",
        ],
    );
    let text = ok(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    for line in &lines {
        assert!(line.starts_with("would add: "), "{line}");
        // No ids: nothing was created.
        assert!(
            !line
                .split(|c: char| !c.is_ascii_hexdigit() && c != '-')
                .any(|w| w.len() == 36),
            "{line}"
        );
    }
    let normalized = ARTICLE.replace("\r\n", "\n");
    let ministry = at(&normalized, "Ministry of Justice");
    assert!(
        lines.contains(
            &format!(
                "would add: entity {ministry}:{} \"Ministry of Justice\"",
                ministry + 19
            )
            .as_str()
        ),
        "{text}"
    );
    assert!(
        stderr(&out).contains("nothing was saved"),
        "{}",
        stderr(&out)
    );
    assert!(!d.join("article.txt.ann.ron").exists());
}

#[test]
fn free_text_options_take_values_that_begin_with_a_hyphen() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "Growth was -2% this year, said -Anon-, quoting --Rex.\n",
    )
    .unwrap();
    let id = ok(&factmark(
        d,
        &[
            "add",
            "a.txt",
            "--tag",
            "claim",
            "--text",
            "-2% this year",
            "--note",
            "-2",
            "--claimant",
            "-Anon-",
            "--verdict",
            "false",
            "--author",
            "-bot",
        ],
    ));
    ok(&factmark(
        d,
        &[
            "add",
            "a.txt",
            "--tag",
            "quote",
            "--text",
            "--Rex",
            "--speaker",
            "--Rex",
        ],
    ));
    ok(&factmark(
        d,
        &[
            "add",
            "a.txt",
            "--tag",
            "entity",
            "--text",
            "-Anon-",
            "--identifier",
            "-x",
            "--kind",
            "person",
        ],
    ));
    ok(&factmark(
        d,
        &[
            "review",
            "a.txt",
            id.trim(),
            "--status",
            "rejected",
            "--comment",
            "-1: the base year is wrong",
            "--by",
            "-kim",
        ],
    ));
    let items = list(d, "a.txt");
    let claim = items.iter().find(|a| a["tag"] == "claim").unwrap();
    assert_eq!(claim["exact"], "-2% this year");
    assert_eq!(claim["note"], "-2");
    assert_eq!(claim["claimant"], "-Anon-");
    assert_eq!(claim["author"], "-bot");
    assert_eq!(claim["review_comment"], "-1: the base year is wrong");
    assert_eq!(claim["reviewer"], "-kim");
    let quote = items.iter().find(|a| a["tag"] == "quote").unwrap();
    assert_eq!(quote["speaker"], "--Rex");
    let entity = items.iter().find(|a| a["tag"] == "entity").unwrap();
    assert_eq!(entity["identifier"], "-x");
}

#[test]
fn import_author_may_begin_with_a_hyphen() {
    let dir = article();
    let d = dir.path();
    std::fs::write(d.join("article.ann"), "T1\tDate 0 4\tLine\n").unwrap();
    ok(&factmark(
        d,
        &[
            "import",
            "article.txt",
            "--from",
            "brat",
            "article.ann",
            "--author",
            "-importer",
        ],
    ));
    assert_eq!(list(d, "article.txt")[0]["author"], "-importer");
}
