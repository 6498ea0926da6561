//! A document open in the window whose file is corrected on disk: the changes are noticed and
//! logged, accepting a corrected text is one undoable step that settles its log entry, and
//! undo makes it pending again.

mod common;
use common::private_recovery_dir;

use chrono::Utc;
use factmark::core::anchor::AnchorStatus;
use factmark::core::annotation::{Annotation, ReviewStatus, Tag, TagKind, Verdict};
use factmark::core::corrections::{CorrectionAction, accept_command, needs_recheck};
use factmark::core::edit::Command;
use factmark::workspace::{DiskChange, Document};

const BEFORE: &str = "Health officials said the first case was confirmed on June 8, 2020, after \
a traveller returned from abroad. The ministry published its figures a week later.\n";

fn add(doc: &mut Document, quote: &str, tag: Tag) -> Annotation {
    let text = &doc.session.text;
    let start = text.char_of_byte(text.as_str().find(quote).unwrap());
    let a = Annotation::new(
        text,
        start,
        start + quote.chars().count(),
        tag,
        "ana",
        Utc::now(),
    )
    .unwrap();
    doc.apply(&Command::Add(a.clone()), false).unwrap();
    a
}

#[test]
fn a_correction_on_disk_is_logged_accepted_and_undone() {
    private_recovery_dir();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, BEFORE).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let date = add(
        &mut doc,
        "June 8, 2020",
        Tag::for_text(TagKind::Date, "June 8, 2020"),
    );
    let claim = add(
        &mut doc,
        "the first case was confirmed on June 8, 2020",
        Tag::Claim {
            verdict: Verdict::False,
            claimant: None,
        },
    );
    doc.save().unwrap();

    std::fs::write(&path, BEFORE.replace("June 8", "January 8")).unwrap();
    let Some(DiskChange::Changed(summary)) = doc.check_disk_now() else {
        panic!("the change on disk was not seen");
    };
    assert_eq!(summary.changed, 2);
    assert_eq!(summary.describe(), "2 changed");
    assert_eq!(doc.status(date.id), AnchorStatus::Changed);
    assert!(doc.dirty, "the log is to be saved");
    let log = &doc.session.corrections;
    assert_eq!(log.versions.len(), 2);
    assert_eq!(log.pending().count(), 2);

    // Accept the claim's corrected text: one step.
    let r = doc.anchoring[&claim.id].clone();
    let cmd = accept_command(&claim, &doc.session.text, r.start, r.end, Utc::now());
    doc.apply(&cmd, false).unwrap();
    assert_eq!(doc.status(claim.id), AnchorStatus::Exact);
    let now = doc.session.annotations.get(claim.id).unwrap().clone();
    assert!(needs_recheck(&now));
    assert_eq!(now.review.status, ReviewStatus::NeedsWork);
    let rec = doc.session.corrections.of(claim.id).last().unwrap();
    assert_eq!(rec.action, CorrectionAction::Accepted);
    assert!(rec.recheck);

    // Undo: the claim is changed again, its entry pending; redo settles it again.
    doc.undo().unwrap().unwrap();
    assert_eq!(doc.status(claim.id), AnchorStatus::Changed);
    assert_eq!(
        doc.session.corrections.of(claim.id).last().unwrap().action,
        CorrectionAction::Pending
    );
    doc.redo().unwrap().unwrap();
    assert_eq!(
        doc.session.corrections.of(claim.id).last().unwrap().action,
        CorrectionAction::Accepted
    );

    // The date's corrected text: its value follows, and keeps following after undo and redo.
    let r = doc.anchoring[&date.id].clone();
    let cmd = accept_command(&date, &doc.session.text, r.start, r.end, Utc::now());
    doc.apply(&cmd, false).unwrap();
    let followed = doc
        .session
        .corrections
        .of(date.id)
        .last()
        .unwrap()
        .date
        .clone();
    let followed = followed.expect("the date's value followed the text");
    let value = |d: &Option<factmark::core::annotation::DateValue>| {
        d.as_ref().map(|d| d.as_str().to_owned())
    };
    assert_eq!(value(&followed.from).as_deref(), Some("2020-06-08"));
    assert_eq!(value(&followed.to).as_deref(), Some("2020-01-08"));
    doc.undo().unwrap().unwrap();
    assert_eq!(
        doc.session.corrections.of(date.id).last().unwrap().date,
        None
    );
    doc.redo().unwrap().unwrap();
    assert_eq!(
        doc.session.corrections.of(date.id).last().unwrap().date,
        Some(followed),
        "redo records the date it followed again"
    );
    doc.undo().unwrap().unwrap();

    // Saved and read back: the log is in the sidecar.
    doc.save().unwrap();
    let again = Document::open(&path).unwrap();
    assert_eq!(again.session.corrections, doc.session.corrections);
    assert_eq!(again.status(date.id), AnchorStatus::Changed);
    assert_eq!(
        again.session.corrections.pending().count(),
        1,
        "reopening records nothing twice"
    );
}
