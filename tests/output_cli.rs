//! Where `factmark export -o` may write, through the real binary: never over the document or
//! a sidecar, an existing file only with `--force`, links followed, FIFOs and `/dev/stdout`
//! written through; and sidecars saved through links, never over a read-only file, never
//! larger than factmark reads back; FIFOs given as inputs refused at once.

#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "On 3 May 2024, Minister Jane Doe said crime fell by 20% last year.\n";

fn factmark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .env_remove("FACTMARK_AUTHOR")
        .stdin(Stdio::null())
        .output()
        .expect("run factmark")
}

/// Runs factmark and fails the test if it has not ended within 10 s (a FIFO would block it
/// forever).
fn factmark_within(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("factmark {args:?} did not end: it waits on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{:?}: {}", out.status, stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn annotated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    ok(&factmark(
        dir.path(),
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
        dir.path(),
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "crime fell by 20%",
        ],
    ));
    dir
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[test]
fn export_never_writes_over_the_document_or_its_sidecar() {
    let dir = annotated();
    let d = dir.path();
    let sidecar = std::fs::read(d.join("article.txt.ann.ron")).unwrap();
    for target in ["article.txt", "article.txt.ann.ron", "./sub/../article.txt"] {
        std::fs::create_dir_all(d.join("sub")).unwrap();
        for force in [false, true] {
            let mut args = vec!["export", "article.txt", "--format", "csv", "-o", target];
            if force {
                args.push("--force");
            }
            let out = factmark(d, &args);
            assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
            let err = stderr(&out);
            assert!(err.contains("never replaces it"), "{err}");
            assert_eq!(err.lines().count(), 1, "one message: {err}");
        }
    }
    // A link to the sidecar is no way around it.
    symlink("article.txt.ann.ron", d.join("out.csv")).unwrap();
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "out.csv",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("article.txt")).unwrap(),
        ARTICLE
    );
    assert_eq!(
        std::fs::read(d.join("article.txt.ann.ron")).unwrap(),
        sidecar
    );
    ok(&factmark(d, &["list", "article.txt"]));
}

#[test]
fn export_replaces_an_existing_file_only_with_force() {
    let dir = annotated();
    let d = dir.path();
    std::fs::write(d.join("notes.csv"), "precious").unwrap();
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "notes.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("notes.csv")).unwrap(),
        "precious"
    );
    ok(&factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "notes.csv",
            "--force",
        ],
    ));
    assert!(
        std::fs::read_to_string(d.join("notes.csv"))
            .unwrap()
            .contains("crime fell by 20%")
    );
    // A new file needs no --force; a read-only one is never replaced.
    ok(&factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "jsonl",
            "-o",
            "new.jsonl",
        ],
    ));
    std::fs::set_permissions(d.join("new.jsonl"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "new.jsonl",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
}

#[test]
fn export_follows_links_and_writes_through_fifos_and_stdout() {
    let dir = annotated();
    let d = dir.path();
    std::fs::create_dir(d.join("exports")).unwrap();
    std::fs::write(d.join("exports/latest.csv"), "old").unwrap();
    symlink("exports/latest.csv", d.join("latest.csv")).unwrap();
    ok(&factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "latest.csv",
            "--force",
        ],
    ));
    assert!(
        std::fs::symlink_metadata(d.join("latest.csv"))
            .unwrap()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(d.join("exports/latest.csv"))
            .unwrap()
            .contains("3 May 2024")
    );
    // A dangling link: the file it names is created.
    symlink("exports/new.csv", d.join("new.csv")).unwrap();
    ok(&factmark(
        d,
        &["export", "article.txt", "--format", "csv", "-o", "new.csv"],
    ));
    assert!(d.join("exports/new.csv").is_file());

    // /dev/stdout and - are standard output.
    for target in ["/dev/stdout", "-"] {
        let out = ok(&factmark(
            d,
            &["export", "article.txt", "--format", "jsonl", "-o", target],
        ));
        assert_eq!(out.lines().count(), 2, "{out}");
    }
    // A FIFO gets the bytes and stays a FIFO.
    let fifo = d.join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    ok(&factmark_within(
        d,
        &["export", "article.txt", "--format", "jsonl", "-o", "pipe"],
    ));
    assert_eq!(reader.join().unwrap().lines().count(), 2);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // /dev/null is written through, and stays a device.
    ok(&factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "/dev/null",
        ],
    ));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn brat_export_never_replaces_the_document_in_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // CRLF: brat's NAME.txt (the normalized text) differs from the document.
    std::fs::write(d.join("article.txt"), ARTICLE.replace('\n', "\r\n")).unwrap();
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
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "brat",
            "-o",
            ".",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("article.txt")).unwrap(),
        ARTICLE.replace('\n', "\r\n")
    );
    assert!(!d.join("article.ann").exists(), "nothing was written");
}

#[test]
fn sidecars_are_saved_through_links_and_read_only_ones_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    std::fs::create_dir(d.join("shared")).unwrap();
    // A dangling link to the shared sidecar: saving creates the file it names.
    symlink("shared/article.txt.ann.ron", d.join("article.txt.ann.ron")).unwrap();
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
    assert!(
        std::fs::symlink_metadata(d.join("article.txt.ann.ron"))
            .unwrap()
            .is_symlink()
    );
    ok(&factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "crime fell",
        ],
    ));
    assert!(
        std::fs::symlink_metadata(d.join("article.txt.ann.ron"))
            .unwrap()
            .is_symlink(),
        "the link stays a link"
    );
    let shared = std::fs::read_to_string(d.join("shared/article.txt.ann.ron")).unwrap();
    assert!(
        shared.contains("3 May 2024") && shared.contains("crime fell"),
        "{shared}"
    );

    // Read-only: refused with a message, unchanged.
    let real = d.join("shared/article.txt.ann.ron");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "entity",
            "--text",
            "Jane Doe",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), shared);
    assert!(
        std::fs::metadata(&real).unwrap().permissions().readonly(),
        "still read-only"
    );
}

#[test]
fn fifos_given_as_inputs_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    mkfifo(&d.join("doc.txt"));
    let out = factmark_within(d, &["list", "doc.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("FIFO"), "{}", stderr(&out));

    std::fs::write(d.join("real.txt"), ARTICLE).unwrap();
    mkfifo(&d.join("real.txt.ann.ron"));
    for args in [
        vec!["list", "real.txt"],
        vec!["add", "real.txt", "--tag", "date", "--text", "3 May 2024"],
        vec![
            "merge",
            "real.txt.ann.ron",
            "real.txt.ann.ron",
            "real.txt.ann.ron",
        ],
        vec!["agree", "real.txt.ann.ron", "real.txt.ann.ron"],
    ] {
        let out = factmark_within(d, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("FIFO"), "{args:?}: {}", stderr(&out));
    }
    // A FIFO given as the file to import.
    std::fs::remove_file(d.join("real.txt.ann.ron")).unwrap();
    mkfifo(&d.join("spans.jsonl"));
    let args = ["import", "real.txt", "--from", "doccano", "spans.jsonl"];
    let out = factmark_within(d, &args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains("FIFO"), "{args:?}: {}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(d.join("spans.jsonl"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_sidecar_too_large_to_read_back_is_never_written() {
    use factmark::core::annotation::{Annotation, Tag, TagKind};
    use factmark::store::Session;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("article.txt"), ARTICLE).unwrap();
    // A sidecar just under the 64 MiB factmark reads: one very long note.
    let mut s = Session::open(&d.join("article.txt")).unwrap();
    let mut a = Annotation::new(
        &s.text,
        3,
        13,
        Tag::new(TagKind::Date),
        "tester",
        chrono::Utc::now(),
    )
    .unwrap();
    a.note = "x".repeat(64 * 1024 * 1024 - 64 * 1024);
    s.annotations.insert(a);
    s.save().unwrap();
    let before = std::fs::read(d.join("article.txt.ann.ron")).unwrap();
    // One more note of 100 KB (an argument the system accepts) would take it over.
    let note = "y".repeat(100 * 1024);
    let out = factmark(
        d,
        &[
            "add",
            "article.txt",
            "--tag",
            "claim",
            "--text",
            "crime fell",
            "--note",
            &note,
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("read back"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(d.join("article.txt.ann.ron")).unwrap(),
        before
    );
    ok(&factmark(d, &["list", "article.txt", "--format", "json"]));
}

/// Saving another user's sidecar (shared, writable folder) keeps its owner: as root in CI, the
/// save runs as a second, unprivileged user through `setpriv`.
#[test]
fn saving_another_users_sidecar_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = annotated();
    let d = dir.path();
    let sidecar = d.join("article.txt.ann.ron");
    let is_root = std::fs::metadata(d).unwrap().uid() == 0;
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        eprintln!("skipped: needs root and setpriv to act as two users");
        return;
    }
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(
        d.join("article.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::os::unix::fs::chown(&sidecar, Some(4242), Some(4242)).unwrap();
    std::fs::set_permissions(&sidecar, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = Command::new(setpriv)
        .args(["--reuid", "4343", "--regid", "4343", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_factmark"))
        .args([
            "add",
            "article.txt",
            "--tag",
            "entity",
            "--text",
            "Jane Doe",
        ])
        .current_dir(d)
        .env("USER", "other")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(&sidecar).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4242, 4242), "the owner is kept");
    assert_eq!(meta.mode() & 0o777, 0o666);
    let saved = std::fs::read_to_string(&sidecar).unwrap();
    assert!(
        saved.contains("Jane Doe") && saved.contains("3 May 2024"),
        "{saved}"
    );
    ok(&factmark(d, &["list", "article.txt"]));
}

#[test]
fn a_file_of_annotations_is_not_taken_for_a_document() {
    let dir = annotated();
    let d = dir.path();
    std::fs::copy(d.join("article.txt.ann.ron"), d.join("mine.copy.ron")).unwrap();
    for cmd in ["list", "stats", "check"] {
        let out = factmark(d, &[cmd, "mine.copy.ron"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("holds factmark annotations"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn an_export_into_a_missing_folder_names_the_folder_and_writes_nothing() {
    let dir = annotated();
    let d = dir.path();
    let out = factmark(
        d,
        &[
            "export",
            "article.txt",
            "--format",
            "csv",
            "-o",
            "nodir/notes.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("the folder nodir does not exist; nothing was written"),
        "{err}"
    );
    assert!(!d.join("nodir").exists());
}
