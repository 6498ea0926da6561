//! Tests of the recovery journal, in a temporary recovery folder.

#![allow(clippy::cloned_ref_to_slice_refs)] // `&[a.clone()]` reads best in these tests

use super::*;
use crate::core::annotation::{Tag, TagKind};

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a b.txt");
    std::fs::write(&doc, "The mayor of Westmarch spoke on 3 May 2024.\n").unwrap();
    let rec = dir.path().join("recovery");
    (dir, doc, rec)
}

fn ann(s: &Session, start: usize, end: usize) -> Annotation {
    Annotation::new(
        &s.text,
        start,
        end,
        Tag::new(TagKind::Entity),
        "ana",
        Utc::now(),
    )
    .unwrap()
}

#[test]
fn written_found_until_saved_and_discarded() {
    let (_dir, doc, rec) = setup();
    assert!(find_recovery_in(&rec, &doc).unwrap().is_none());
    let mut s = Session::open(&doc).unwrap();
    let a = ann(&s, 13, 22);
    s.annotations.insert(a.clone());
    let path = s.write_recovery_in(&rec).unwrap();
    assert!(path.starts_with(&rec));
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("a_b.txt-") && name.ends_with(".ann.ron"),
        "{name}"
    );

    let found = find_recovery_in(&rec, &doc)
        .unwrap()
        .expect("unsaved work is found");
    assert_eq!(found.annotations, [a.clone()]);
    assert_eq!(found.path, path);
    assert_eq!(found.document, std::fs::canonicalize(&doc).unwrap());
    assert!((Utc::now() - found.written).num_seconds() < 60);
    assert_eq!(pending_recoveries_in(&rec).unwrap(), [found.clone()]);

    // Once the sidecar holds the same annotations, there is nothing to recover.
    s.save().unwrap();
    assert!(find_recovery_in(&rec, &doc).unwrap().is_none());
    assert!(pending_recoveries_in(&rec).unwrap().is_empty());

    // The same path reached another way names the same recovery file.
    let other_way = doc.parent().unwrap().join(".").join("a b.txt");
    assert_eq!(recovery_path_in(&rec, &other_way), path);

    discard_recovery_in(&rec, &doc).unwrap();
    assert!(!path.exists());
    discard_recovery_in(&rec, &doc).unwrap();
}

#[test]
fn restore_merges_with_what_was_saved_since() {
    let (_dir, doc, rec) = setup();
    let mut s = Session::open(&doc).unwrap();
    let first = ann(&s, 13, 22);
    s.annotations.insert(first.clone());
    s.save().unwrap();
    // The window adds one and edits one, writes its journal, then crashes.
    let unsaved = ann(&s, 32, 42);
    s.annotations.insert(unsaved.clone());
    let mut edited = first.clone();
    edited.note = "recovered note".into();
    s.annotations.replace(edited);
    s.write_recovery_in(&rec).unwrap();
    // Meanwhile another program saved a new annotation and another note.
    let mut other = Session::open(&doc).unwrap();
    let theirs = ann(&other, 4, 9);
    other.annotations.insert(theirs.clone());
    let mut their_edit = first.clone();
    their_edit.note = "their note".into();
    other.annotations.replace(their_edit);
    other.save().unwrap();

    let mut next = Session::open(&doc).unwrap();
    let r = find_recovery_in(&rec, &doc).unwrap().unwrap();
    let conflicts = next.restore(&r);
    let ids: Vec<_> = next.annotations.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&theirs.id) && ids.contains(&unsaved.id));
    assert_eq!(
        next.annotations.get(first.id).unwrap().note,
        "recovered note"
    );
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        next.conflicts, conflicts,
        "their note is kept as a conflict record"
    );
    next.save().unwrap();
    discard_recovery_in(&rec, &doc).unwrap();
    assert_eq!(Session::open(&doc).unwrap().conflicts.len(), 1);
}

#[test]
fn without_a_base_the_recovery_replaces() {
    let (_dir, doc, rec) = setup();
    let mut s = Session::open(&doc).unwrap();
    let a = ann(&s, 13, 22);
    write_recovery_in(&rec, &doc, &[a.clone()], None).unwrap();
    let r = find_recovery_in(&rec, &doc).unwrap().unwrap();
    assert!(r.base.is_none());
    assert!(s.restore(&r).is_empty());
    assert_eq!(s.annotations.as_slice(), [a]);
}

#[test]
fn broken_sidecar_means_the_recovery_is_offered_and_broken_recovery_is_an_error() {
    let (_dir, doc, rec) = setup();
    let s = Session::open(&doc).unwrap();
    let path = write_recovery_in(&rec, &doc, &[], None).unwrap();
    assert!(
        find_recovery_in(&rec, &doc).unwrap().is_none(),
        "empty = no sidecar"
    );
    std::fs::write(&s.sidecar_path, "garbage").unwrap();
    assert!(find_recovery_in(&rec, &doc).unwrap().is_some());
    std::fs::write(&path, "(format: \"factmark-recovery\", version: 1,").unwrap();
    let e = find_recovery_in(&rec, &doc).unwrap_err();
    assert!(e.to_string().contains(&*path.to_string_lossy()), "{e}");
    assert!(pending_recoveries_in(&rec).unwrap().is_empty(), "skipped");
}

#[test]
fn the_folder_comes_from_the_environment() {
    // Read only: the variable is not set by these tests.
    if std::env::var_os(RECOVERY_DIR_VAR).is_none() && std::env::var_os("HOME").is_some() {
        let dir = recovery_dir().unwrap();
        assert!(dir.ends_with("factmark/recovery"), "{}", dir.display());
    }
}
