//! Tests of saving with concurrent writers: two sessions on one document.

#![allow(clippy::cloned_ref_to_slice_refs)] // `&[a.clone()]` reads best in these tests

use super::*;
use crate::core::annotation::{Tag, TagKind};
use crate::core::edit::{Command, History};
use crate::core::merge::{Field, FieldValue, Side};
use crate::store::sidecar::Sidecar;

const TEXT: &str = "The mayor said on 3 May 2024 that 40 percent of Westmarch voted.\n";

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, TEXT).unwrap();
    (dir, doc)
}

fn add(s: &mut Session, start: usize, end: usize, kind: TagKind) -> Annotation {
    let a = Annotation::new(&s.text, start, end, Tag::new(kind), "ana", Utc::now()).unwrap();
    s.annotations.insert(a.clone());
    a
}

fn run(s: &mut Session, cmd: Command) {
    let mut h = History::default();
    h.apply(&mut s.annotations, &s.text, &cmd, Utc::now())
        .unwrap();
}

fn on_disk(s: &Session) -> Sidecar {
    Session::open(&s.doc_path).unwrap().to_sidecar()
}

#[test]
fn two_windows_adding_and_editing_both_survive() {
    let (_dir, doc) = setup();
    let mut first = Session::open(&doc).unwrap();
    let shared = add(&mut first, 4, 9, TagKind::Entity);
    assert_eq!(first.save_merging().unwrap(), SaveOutcome::Saved);

    let mut a = Session::open(&doc).unwrap();
    let mut b = Session::open(&doc).unwrap();
    let from_a = add(&mut a, 18, 28, TagKind::Date);
    run(
        &mut a,
        Command::SetNote(shared.id, "the mayor of Westmarch".into()),
    );
    let from_b = add(&mut b, 34, 44, TagKind::Claim);
    run(&mut b, Command::SetTag(shared.id, Tag::new(TagKind::Quote)));
    assert_eq!(a.save_merging().unwrap(), SaveOutcome::Saved);
    let SaveOutcome::Merged(report) = b.save_merging().unwrap() else {
        panic!("b must merge");
    };
    assert_eq!(report.theirs.added, 1);
    assert_eq!(report.theirs.changed, 1);
    assert!(report.kept.is_empty());

    let saved = on_disk(&b);
    let ids: Vec<_> = saved.annotations.iter().map(|x| x.id).collect();
    for id in [shared.id, from_a.id, from_b.id] {
        assert!(ids.contains(&id), "{id} survives");
    }
    let merged = saved
        .annotations
        .iter()
        .find(|x| x.id == shared.id)
        .unwrap();
    assert_eq!(merged.note, "the mayor of Westmarch");
    assert_eq!(merged.tag.kind(), TagKind::Quote);
    assert_eq!(b.annotations.as_slice(), saved.annotations.as_slice());

    // A saves again (after B's merge): it merges B's work in too.
    run(&mut a, Command::Delete(from_a.id));
    let SaveOutcome::Merged(_) = a.save_merging().unwrap() else {
        panic!("a must merge");
    };
    let ids: Vec<_> = on_disk(&a).annotations.iter().map(|x| x.id).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&from_b.id) && !ids.contains(&from_a.id));
}

#[test]
fn same_field_changed_is_a_conflict_and_nothing_is_written() {
    let (_dir, doc) = setup();
    let mut first = Session::open(&doc).unwrap();
    let shared = add(&mut first, 4, 9, TagKind::Entity);
    first.save().unwrap();
    let mut a = Session::open(&doc).unwrap();
    let mut b = Session::open(&doc).unwrap();
    run(&mut a, Command::SetNote(shared.id, "from a".into()));
    run(&mut b, Command::SetNote(shared.id, "from b".into()));
    a.save().unwrap();
    let before = std::fs::read(&a.sidecar_path).unwrap();

    let SaveOutcome::Conflicts(conflicts) = b.save_merging().unwrap() else {
        panic!("must conflict");
    };
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, Field::Note);
    assert_eq!(conflicts[0].ours, FieldValue::Note("from b".into()));
    assert_eq!(conflicts[0].theirs, FieldValue::Note("from a".into()));
    assert_eq!(
        std::fs::read(&b.sidecar_path).unwrap(),
        before,
        "nothing written"
    );
    let e = b.save().unwrap_err();
    assert!(matches!(&e, StoreError::Conflict { conflicts, .. } if conflicts.len() == 1));
    assert!(e.to_string().contains("note"), "{e}");
    assert_eq!(std::fs::read(&b.sidecar_path).unwrap(), before);

    // A resolution that no longer matches is not applied.
    let mut stale = conflicts[0].clone();
    stale.theirs = FieldValue::Note("something else".into());
    assert!(matches!(
        b.save_resolved(&[stale.take(Side::Theirs)]).unwrap(),
        SaveOutcome::Conflicts(_)
    ));
    // The user picks theirs.
    let SaveOutcome::Merged(report) = b.save_resolved(&[conflicts[0].take(Side::Theirs)]).unwrap()
    else {
        panic!("resolved");
    };
    assert_eq!(report.resolved, 1);
    assert_eq!(on_disk(&b).annotations[0].note, "from a");
    assert_eq!(b.annotations.as_slice()[0].note, "from a");
}

#[test]
fn deleted_here_changed_there_is_kept() {
    let (_dir, doc) = setup();
    let mut first = Session::open(&doc).unwrap();
    let shared = add(&mut first, 4, 9, TagKind::Entity);
    first.save().unwrap();
    let mut a = Session::open(&doc).unwrap();
    let mut b = Session::open(&doc).unwrap();
    run(&mut a, Command::SetNote(shared.id, "kept".into()));
    a.save().unwrap();
    run(&mut b, Command::Delete(shared.id));
    let SaveOutcome::Merged(report) = b.save_merging().unwrap() else {
        panic!("merge");
    };
    assert_eq!(report.kept.len(), 1);
    assert_eq!(report.kept[0].deleted_by, Side::Ours);
    assert_eq!(on_disk(&b).annotations[0].note, "kept");
}

#[test]
fn unparsable_or_newer_sidecar_on_disk_is_never_overwritten() {
    let (_dir, doc) = setup();
    let mut s = Session::open(&doc).unwrap();
    add(&mut s, 4, 9, TagKind::Entity);
    s.save().unwrap();
    add(&mut s, 18, 28, TagKind::Date);
    let good = std::fs::read_to_string(&s.sidecar_path).unwrap();
    for broken in [
        good.replace("version: 4,", "version: 99,"),
        good[..good.len() / 2].to_owned(),
        String::new(),
    ] {
        std::fs::write(&s.sidecar_path, &broken).unwrap();
        assert!(s.save().is_err());
        assert_eq!(std::fs::read_to_string(&s.sidecar_path).unwrap(), broken);
    }
}

#[test]
fn a_deleted_sidecar_is_written_again() {
    let (_dir, doc) = setup();
    let mut s = Session::open(&doc).unwrap();
    add(&mut s, 4, 9, TagKind::Entity);
    s.save().unwrap();
    std::fs::remove_file(&s.sidecar_path).unwrap();
    assert_eq!(s.save_merging().unwrap(), SaveOutcome::Recreated);
    assert_eq!(on_disk(&s).annotations.len(), 1);
}

#[test]
fn recorded_conflicts_are_kept_until_resolved() {
    let (_dir, doc) = setup();
    let mut s = Session::open(&doc).unwrap();
    let a = add(&mut s, 4, 9, TagKind::Entity);
    let conflict = Conflict {
        id: a.id,
        field: Field::Note,
        ours: FieldValue::Note(String::new()),
        theirs: FieldValue::Note("their note".into()),
    };
    s.conflicts.push(conflict.clone());
    s.save().unwrap();
    let text = std::fs::read_to_string(&s.sidecar_path).unwrap();
    assert!(
        text.contains("conflicts: [") && text.contains("their note"),
        "{text}"
    );
    let mut again = Session::open(&doc).unwrap();
    assert_eq!(again.conflicts, [conflict.clone()]);
    assert!(again.resolve_recorded(&conflict.take(Side::Theirs)));
    assert!(again.conflicts.is_empty());
    again.save().unwrap();
    let reloaded = Session::open(&doc).unwrap();
    assert!(reloaded.conflicts.is_empty());
    assert_eq!(reloaded.annotations.as_slice()[0].note, "their note");
}

/// Saves racing each other take turns (the folder lock is Unix only).
#[cfg(unix)]
#[test]
fn concurrent_saves_lose_nothing() {
    let (_dir, doc) = setup();
    Session::open(&doc).unwrap().save().unwrap();
    let threads: Vec<_> = (0..3)
        .map(|t| {
            let doc = doc.clone();
            std::thread::spawn(move || {
                let mut s = Session::open(&doc).unwrap();
                (0..20)
                    .map(|i| {
                        let start = (t * 20 + i) % 60;
                        let a = add(&mut s, start, start + 3, TagKind::Claim);
                        s.save().unwrap();
                        a.id
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: Vec<_> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let saved = Session::open(&doc).unwrap();
    assert_eq!(saved.annotations.len(), 60);
    for id in ids {
        assert!(saved.annotations.contains(id), "{id} was lost");
    }
}

#[cfg(unix)]
#[test]
fn save_as_moves_later_saves_and_leaves_a_read_only_sidecar_alone() {
    use crate::store::output::OutputRules;
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, doc) = setup();
    let mut s = Session::open(&doc).unwrap();
    add(&mut s, 4, 9, TagKind::Entity);
    s.save().unwrap();
    let original = std::fs::read(&s.sidecar_path).unwrap();
    std::fs::set_permissions(&s.sidecar_path, std::fs::Permissions::from_mode(0o444)).unwrap();
    add(&mut s, 18, 28, TagKind::Date);
    assert!(matches!(s.save(), Err(StoreError::ReadOnly { .. })));

    let rules = OutputRules::protecting([doc.as_path()], [s.sidecar_path.as_path()]);
    // Never onto the document or the sidecar it came from, even when asked to replace.
    for p in [doc.clone(), s.sidecar_path.clone()] {
        let e = s.save_as(&p, &rules.clone().replacing(true)).unwrap_err();
        assert!(matches!(e, StoreError::Protected { .. }), "{e}");
    }
    let elsewhere = dir.path().join("mine.ann.ron");
    assert_eq!(s.save_as(&elsewhere, &rules).unwrap(), elsewhere);
    add(&mut s, 34, 44, TagKind::Claim);
    s.save().unwrap();
    let mine = Session::open_with_sidecar(&doc, &elsewhere).unwrap();
    assert_eq!(mine.annotations.len(), 3);
    assert_eq!(
        std::fs::read(dir.path().join("a.txt.ann.ron")).unwrap(),
        original
    );
    // An existing file is replaced only when asked.
    std::fs::write(dir.path().join("taken.ron"), "x").unwrap();
    assert!(matches!(
        s.save_as(&dir.path().join("taken.ron"), &rules),
        Err(StoreError::Exists { .. })
    ));
}
