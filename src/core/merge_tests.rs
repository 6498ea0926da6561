//! Tests of the three-way merge: the rules case by case, and properties over random edits.

#![allow(clippy::cloned_ref_to_slice_refs)] // `&[a.clone()]` reads best in these tests

use super::*;
use crate::core::annotation::{EntityKind, ReviewStatus, TagKind, Verdict};
use crate::core::text::Text;
use chrono::TimeZone as _;
use proptest::prelude::*;

fn at(s: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap()
}

fn text() -> Text {
    Text::from_str_normalized("The mayor said on 3 May 2024 that 40 percent of Westmarch voted.")
}

fn ann(start: usize, end: usize) -> Annotation {
    Annotation::new(&text(), start, end, Tag::new(TagKind::Claim), "ana", at(0)).unwrap()
}

fn with_note(a: &Annotation, note: &str, t: i64) -> Annotation {
    let mut a = a.clone();
    a.note = note.to_owned();
    a.modified = at(t);
    a
}

fn ids(v: &[Annotation]) -> Vec<AnnotationId> {
    let mut ids: Vec<_> = v.iter().map(|a| a.id).collect();
    ids.sort();
    ids
}

#[test]
fn additions_on_both_sides_are_kept() {
    let a = ann(0, 9);
    let b = ann(18, 28);
    let c = ann(34, 44);
    let r = merge(
        &[a.clone()],
        &[a.clone(), b.clone()],
        &[a.clone(), c.clone()],
    );
    assert!(r.conflicts.is_empty() && r.kept.is_empty());
    assert_eq!(ids(&r.merged), ids(&[a, b, c]));
}

#[test]
fn deletion_of_an_unchanged_annotation_wins() {
    let a = ann(0, 9);
    let b = ann(18, 28);
    let r = merge(
        &[a.clone(), b.clone()],
        &[a.clone()],
        &[a.clone(), b.clone()],
    );
    assert_eq!(r.merged, [a.clone()]);
    let r = merge(
        &[a.clone(), b.clone()],
        &[a.clone(), b.clone()],
        &[b.clone()],
    );
    assert_eq!(r.merged, [b]);
}

#[test]
fn deletion_of_a_changed_annotation_keeps_it_and_says_so() {
    let a = ann(0, 9);
    let changed = with_note(&a, "checked", 5);
    let r = merge(&[a.clone()], &[], &[changed.clone()]);
    assert_eq!(r.merged, [changed.clone()]);
    assert_eq!(
        r.kept,
        [Kept {
            id: a.id,
            deleted_by: Side::Ours
        }]
    );
    let r = merge(&[a.clone()], &[changed.clone()], &[]);
    assert_eq!(r.merged, [changed]);
    assert_eq!(r.kept[0].deleted_by, Side::Theirs);
}

#[test]
fn different_fields_merge_and_modified_follows() {
    let a = ann(0, 9);
    let ours = with_note(&a, "Source: city hall", 10);
    let mut theirs = a.clone();
    theirs.tag = Tag::Claim {
        verdict: Verdict::False,
        claimant: None,
    };
    theirs.modified = at(20);
    let r = merge(&[a.clone()], &[ours.clone()], &[theirs.clone()]);
    assert!(r.conflicts.is_empty());
    let m = &r.merged[0];
    assert_eq!(m.note, "Source: city hall");
    assert_eq!(m.tag, theirs.tag);
    assert_eq!(m.modified, at(20), "the later of both changes");
}

#[test]
fn same_field_changed_differently_is_a_conflict_holding_ours() {
    let a = ann(0, 9);
    let ours = with_note(&a, "ours", 10);
    let theirs = with_note(&a, "theirs", 20);
    let r = merge(&[a.clone()], &[ours.clone()], &[theirs.clone()]);
    assert_eq!(r.merged, [ours.clone()]);
    assert_eq!(
        r.conflicts,
        [Conflict {
            id: a.id,
            field: Field::Note,
            ours: FieldValue::Note("ours".into()),
            theirs: FieldValue::Note("theirs".into()),
        }]
    );
    // Resolving to theirs gives their note.
    let mut merged = r.merged.clone();
    assert!(r.conflicts[0].take(Side::Theirs).apply(&mut merged, at(30)));
    assert_eq!(merged[0].note, "theirs");
    assert_eq!(merged[0].modified, at(30));
    // Same change on both sides is no conflict.
    let r = merge(&[a.clone()], &[ours.clone()], &[with_note(&a, "ours", 25)]);
    assert!(r.conflicts.is_empty());
}

#[test]
fn span_moves_as_one_field() {
    let t = text();
    let a = ann(18, 28);
    let mut ours = a.clone();
    ours.set_span(&t, 18, 26);
    let mut theirs = a.clone();
    theirs.set_span(&t, 21, 28);
    let r = merge(&[a.clone()], &[ours.clone()], &[theirs]);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].field, Field::Span);
    assert_eq!(r.merged[0].exact, ours.exact);
}

#[test]
fn both_added_with_one_id_conflict_without_base() {
    let a = ann(0, 9);
    let mut b = a.clone();
    b.review.status = ReviewStatus::Accepted;
    let r = merge(&[], &[a.clone()], &[b]);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].field, Field::Review);
}

#[test]
fn recorded_conflicts_merge_as_sets() {
    let a = ann(0, 9);
    let c1 = Conflict {
        id: a.id,
        field: Field::Note,
        ours: FieldValue::Note("x".into()),
        theirs: FieldValue::Note("y".into()),
    };
    let c2 = Conflict {
        field: Field::Tag,
        ours: FieldValue::Tag(Tag::new(TagKind::Date)),
        theirs: FieldValue::Tag(Tag::Entity {
            kind: EntityKind::Place,
            identifier: None,
        }),
        ..c1.clone()
    };
    let all = [a.clone()];
    // Resolved on our side (removed), untouched on theirs: stays resolved.
    assert!(merge_records(&[c1.clone()], &[], &[c1.clone()], &all).is_empty());
    // Added by theirs: kept, in field order.
    assert_eq!(
        merge_records(&[], &[c2.clone()], &[c1.clone(), c2.clone()], &all),
        [c2.clone(), c1.clone()]
    );
    // Records of annotations that are gone are dropped.
    assert!(merge_records(&[], &[c1], &[], &[]).is_empty());
}

#[test]
fn tally_counts_by_id() {
    let a = ann(0, 9);
    let b = ann(18, 28);
    let c = ann(34, 44);
    let t = Tally::between(&[a.clone(), b.clone()], &[with_note(&a, "n", 3), c]);
    assert_eq!(
        t,
        Tally {
            added: 1,
            deleted: 1,
            changed: 1
        }
    );
    assert!(Tally::between(&[b.clone()], &[b]).is_empty());
}

/// A random edit of a set: delete, change one field, or add.
fn edit(set: &[Annotation], ops: &[(u8, usize)]) -> Vec<Annotation> {
    let t = text();
    let mut out = set.to_vec();
    for (n, &(op, k)) in ops.iter().enumerate() {
        let i = if out.is_empty() { 0 } else { k % out.len() };
        match op % 6 {
            0 if !out.is_empty() => {
                out.remove(i);
            }
            1 if !out.is_empty() => out[i].note = format!("note {k}"),
            2 if !out.is_empty() => out[i].tag = Tag::new(TagKind::ALL[k % 4]),
            3 if !out.is_empty() => {
                let s = k % 60;
                out[i].set_span(&t, s, s + 1 + k % 5);
            }
            4 if !out.is_empty() => out[i].review.status = ReviewStatus::ALL[k % 4],
            _ => {
                let s = k % 60;
                let mut a = ann(s, s + 1 + k % 4);
                a.modified = at(n as i64);
                out.push(a);
            }
        }
    }
    out
}

fn sorted(mut v: Vec<Annotation>) -> Vec<Annotation> {
    v.sort_by_key(Annotation::sort_key);
    v
}

fn ops() -> impl Strategy<Value = Vec<(u8, usize)>> {
    proptest::collection::vec((any::<u8>(), 0usize..1000), 0..12)
}

proptest! {
    #[test]
    fn merging_with_an_unchanged_side_is_the_other_side(b in ops(), x in ops()) {
        let base = edit(&[], &b);
        let changed = edit(&base, &x);
        let r = merge(&base, &changed, &base);
        prop_assert_eq!(&r.merged, &sorted(changed.clone()));
        prop_assert!(r.conflicts.is_empty());
        let r = merge(&base, &base, &changed);
        prop_assert_eq!(&r.merged, &sorted(changed));
        prop_assert!(r.conflicts.is_empty());
    }

    #[test]
    fn no_id_of_either_side_is_lost(b in ops(), x in ops(), y in ops()) {
        let base = edit(&[], &b);
        let ours = edit(&base, &x);
        let theirs = edit(&base, &y);
        let r = merge(&base, &ours, &theirs);
        let merged: BTreeSet<_> = r.merged.iter().map(|a| a.id).collect();
        for a in ours.iter().chain(&theirs) {
            let other = if ours.contains(a) { &theirs } else { &ours };
            let deleted_unchanged = !other.iter().any(|o| o.id == a.id)
                && base.contains(a);
            prop_assert!(
                merged.contains(&a.id) || deleted_unchanged,
                "{} lost", a.id
            );
        }
        // Conflicts name merged annotations, and each holds ours.
        for c in &r.conflicts {
            let m = r.merged.iter().find(|a| a.id == c.id).unwrap();
            prop_assert_eq!(&FieldValue::of(m, c.field), &c.ours);
            prop_assert!(c.ours != c.theirs);
        }
        // Symmetric in what survives.
        let swapped = merge(&base, &theirs, &ours);
        prop_assert_eq!(ids(&swapped.merged), ids(&r.merged));
        prop_assert_eq!(swapped.conflicts.len(), r.conflicts.len());
    }
}
