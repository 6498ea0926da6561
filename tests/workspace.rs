//! The workspace without a window: every intent, its undo, what it says it did, and the save
//! policy (when documents are written, and what happens when another program wrote first).

mod common;
use common::private_recovery_dir;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use factmark::core::annotation::{Annotation, ReviewStatus, Tag, TagKind, Verdict};
use factmark::core::edit::Command;
use factmark::store::Session;
use factmark::workspace::{
    AUTOSAVE_DELAY, Intent, Outcome, SaveFailure, Saved, Selection, Workspace,
};

const DOC: &str = "The mayor said exports rose 12 percent in 2023. Critics said exports fell.\n";

fn workspace() -> Workspace {
    private_recovery_dir();
    Workspace::new("tester", Arc::new(|| {}))
}

/// A folder with `DOC` as a.txt, and b.txt.
fn folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, DOC).unwrap();
    std::fs::write(&b, "Another article about the port.\n").unwrap();
    (dir, a, b)
}

fn span(needle: &str) -> (usize, usize) {
    let start = DOC[..DOC.find(needle).unwrap()].chars().count();
    (start, start + needle.chars().count())
}

fn select(ws: &mut Workspace, needle: &str) {
    let (start, end) = span(needle);
    ws.apply(Intent::Select(Some(Selection {
        anchor: start,
        head: end,
    })));
}

fn sidecar_of(doc: &Path) -> PathBuf {
    factmark::store::sidecar_path(doc)
}

fn on_disk(doc: &Path) -> Vec<Annotation> {
    Session::open(doc).unwrap().annotations.as_slice().to_vec()
}

#[test]
fn a_selection_of_spaces_only_tags_nothing_and_says_so() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    // The space between two words: what a drag across a table's rows can end up with.
    let (start, _) = span(" exports rose");
    ws.apply(Intent::Select(Some(Selection {
        anchor: start + 1,
        head: start,
    })));
    assert!(!ws.current().unwrap().has_words_selected());
    let out = ws.apply(Intent::Tag(TagKind::Quote));
    assert!(matches!(out[..], [Outcome::NothingToTag]), "{out:?}");
    assert!(ws.current().unwrap().session.annotations.is_empty());
    select(&mut ws, "exports rose");
    assert!(ws.current().unwrap().has_words_selected());
}

#[test]
fn tagging_a_selection_adds_selects_and_undoes() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    let opened = ws.apply(Intent::Open(a.clone()));
    assert!(matches!(&opened[..], [Outcome::Opened(o)] if o.path == a));
    select(&mut ws, "exports rose 12 percent");
    let out = ws.apply(Intent::Tag(TagKind::Claim));
    let doc = ws.current().unwrap();
    let added = doc.session.annotations.as_slice()[0].clone();
    assert!(matches!(out[..], [Outcome::Selected(id)] if id == added.id));
    assert_eq!(doc.selected, Some(added.id));
    assert_eq!(doc.selection, None, "the selection became the annotation");
    assert!(doc.dirty);

    ws.apply(Intent::Undo);
    assert!(ws.current().unwrap().session.annotations.is_empty());
    let redone = ws.apply(Intent::Redo);
    assert!(matches!(
        redone[..],
        [Outcome::Undone { redo: true }, Outcome::Selected(id), Outcome::Reveal(_)] if id == added.id
    ));
    assert_eq!(ws.current().unwrap().session.annotations.len(), 1);

    // With nothing selected, a tag key retags the selected annotation.
    ws.apply(Intent::Tag(TagKind::Quote));
    let a0 = &ws.current().unwrap().session.annotations.as_slice()[0];
    assert_eq!(a0.tag.kind(), TagKind::Quote);
    assert_eq!(a0.id, added.id);
}

#[test]
fn tagging_the_same_span_the_same_way_again_selects_it_and_adds_nothing() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    select(&mut ws, "exports rose 12 percent");
    ws.apply(Intent::Tag(TagKind::Quote));
    let first = ws.current().unwrap().session.annotations.as_slice()[0].id;
    // Another annotation is selected, then the same words are selected and tagged again.
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    select(&mut ws, "exports rose 12 percent");
    let again = ws.apply(Intent::Tag(TagKind::Quote));
    assert!(
        matches!(again[..], [Outcome::Selected(id), Outcome::AlreadyTagged(same, TagKind::Quote)] if id == first && same == first),
        "{again:?}"
    );
    let doc = ws.current().unwrap();
    assert_eq!(doc.session.annotations.len(), 2);
    assert_eq!(doc.selected, Some(first));
    // Another tag on the same words is another annotation.
    select(&mut ws, "exports rose 12 percent");
    ws.apply(Intent::Tag(TagKind::Claim));
    assert_eq!(ws.current().unwrap().session.annotations.len(), 3);
}

#[test]
fn a_date_tag_reads_its_value_from_the_text() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    select(&mut ws, "2023");
    ws.apply(Intent::Tag(TagKind::Date));
    let a0 = &ws.current().unwrap().session.annotations.as_slice()[0];
    assert!(
        matches!(&a0.tag, Tag::Date { value: Some(v) } if v.to_string().starts_with("2023")),
        "{:?}",
        a0.tag
    );
}

#[test]
fn typing_joins_one_undo_step_and_a_pause_or_other_change_starts_another() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    let id = ws.current().unwrap().selected.unwrap();
    for note in ["T", "Th", "The"] {
        ws.apply(Intent::EditTyping(Command::SetNote(id, note.into())));
    }
    ws.apply(Intent::Undo);
    let a0 = ws.current().unwrap().session.annotations.get(id).unwrap();
    assert_eq!(a0.note, "", "three keystrokes were one step");
    ws.apply(Intent::Undo);
    assert!(ws.current().unwrap().session.annotations.is_empty());
}

#[test]
fn tag_all_is_one_step_and_skips_spans_already_tagged_that_way() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    let first = span("exports");
    let second = {
        let at = DOC.rfind("exports").unwrap();
        let s = DOC[..at].chars().count();
        (s, s + 7)
    };
    select(&mut ws, "exports");
    ws.apply(Intent::Tag(TagKind::Entity));
    let template = Tag::Claim {
        verdict: Verdict::False,
        claimant: None,
    };
    let out = ws.apply(Intent::TagAll {
        template: template.clone(),
        spans: vec![first, second],
    });
    assert!(matches!(
        out[..],
        [Outcome::TaggedMatches {
            count: 2,
            skipped: 0,
            kind: TagKind::Claim
        }]
    ));
    let claims = |ws: &Workspace| {
        ws.current()
            .unwrap()
            .session
            .annotations
            .iter()
            .filter(|a| a.tag == template)
            .count()
    };
    assert_eq!(claims(&ws), 2, "each with the verdict chosen");
    // Again: both are already claims there, and it says so.
    assert!(matches!(
        ws.apply(Intent::TagAll {
            template: template.clone(),
            spans: vec![first, second],
        })[..],
        [Outcome::TaggedMatches {
            count: 0,
            skipped: 2,
            ..
        }]
    ));
    ws.apply(Intent::Undo);
    assert_eq!(claims(&ws), 0, "one undo takes all of them back");
    assert_eq!(ws.current().unwrap().session.annotations.len(), 1);
}

#[test]
fn reach_moves_the_nearer_edge_and_delete_removes() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    select(&mut ws, "exports rose");
    ws.apply(Intent::Tag(TagKind::Claim));
    let id = ws.current().unwrap().selected.unwrap();
    let (_, end) = span("exports rose 12 percent");
    ws.apply(Intent::Reach(id, end));
    let a0 = ws.current().unwrap().session.annotations.get(id).unwrap();
    assert_eq!(a0.exact, "exports rose 12 percent");
    ws.apply(Intent::DeleteSelected);
    assert!(ws.current().unwrap().session.annotations.is_empty());
    ws.apply(Intent::Undo);
    assert_eq!(ws.current().unwrap().session.annotations.len(), 1);
}

#[test]
fn changes_are_saved_after_the_autosave_delay_not_before() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    assert!(ws.tick().is_empty());
    assert!(!sidecar_of(&a).exists(), "not before the delay");
    assert!(ws.next_tick().is_some());
    std::thread::sleep(AUTOSAVE_DELAY + Duration::from_millis(50));
    let out = ws.tick();
    assert!(
        matches!(&out[..], [Outcome::Saved { path, saved: Saved::Written }] if *path == a),
        "{out:?}"
    );
    assert_eq!(on_disk(&a).len(), 1);
    assert!(!ws.current().unwrap().dirty);
    assert_eq!(ws.next_tick(), None, "nothing waits");
}

#[test]
fn saving_merges_another_writers_annotations_and_asks_about_clashes() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    ws.apply(Intent::Save);
    let mine = ws.current().unwrap().selected.unwrap();

    // Another program adds an annotation and changes the note of mine.
    let mut other = Session::open(&a).unwrap();
    let (s, e) = span("Critics");
    let theirs = Annotation::new(
        &other.text,
        s,
        e,
        Tag::new(TagKind::Entity),
        "other",
        chrono::Utc::now(),
    )
    .unwrap();
    other.annotations.insert(theirs.clone());
    let mut changed = other.annotations.get(mine).unwrap().clone();
    changed.note = "theirs".into();
    other.annotations.replace(changed);
    other.save().unwrap();

    // Here, a change to another field merges.
    select(&mut ws, "2023");
    ws.apply(Intent::Tag(TagKind::Date));
    let out = ws.apply(Intent::Save);
    assert!(
        matches!(
            &out[..],
            [Outcome::Saved {
                saved: Saved::Merged(_),
                ..
            }]
        ),
        "{out:?}"
    );
    let doc = ws.current().unwrap();
    assert!(
        doc.session.annotations.contains(theirs.id),
        "theirs came in"
    );
    assert_eq!(doc.session.annotations.get(mine).unwrap().note, "theirs");
    assert_eq!(on_disk(&a).len(), 3);

    // Both change the same note: nothing is written, the clash waits for a choice.
    let mut other = Session::open(&a).unwrap();
    let mut changed = other.annotations.get(mine).unwrap().clone();
    changed.note = "theirs again".into();
    other.annotations.replace(changed);
    other.save().unwrap();
    ws.apply(Intent::Edit(Command::SetNote(mine, "mine".into())));
    let out = ws.apply(Intent::Save);
    assert!(
        matches!(&out[..], [Outcome::SaveFailed { failure, .. }] if matches!(**failure, SaveFailure::Conflicts(1))),
        "{out:?}"
    );
    assert!(ws.current().unwrap().dirty, "the work stays in memory");
    assert_eq!(ws.current().unwrap().conflicts().len(), 1);
}

#[test]
fn a_failed_save_keeps_the_document_open_and_says_why() {
    let (dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    // The sidecar's place is taken by a folder: the store refuses to write there.
    std::fs::create_dir(sidecar_of(&a)).unwrap();
    let out = ws.apply(Intent::Close);
    assert!(
        matches!(&out[..], [Outcome::SaveFailed { failure, .. }] if matches!(**failure, SaveFailure::Store(_))),
        "{out:?}"
    );
    assert!(ws.current().is_some(), "not closed");
    // Save As elsewhere keeps the work, and then it closes.
    let elsewhere = dir.path().join("kept.ann.ron");
    let out = ws.apply(Intent::SaveAs {
        to: elsewhere.clone(),
        replace: false,
    });
    assert!(matches!(&out[..], [Outcome::SavedAs { now, .. }] if *now == elsewhere));
    assert!(matches!(ws.apply(Intent::Close)[..], [Outcome::Closed(_)]));
    assert!(ws.current().is_none());
}

/// Opens `dir` as a folder and waits until its documents are read.
fn open_folder(ws: &mut Workspace, dir: &Path) {
    let out = ws.apply(Intent::OpenFolder(dir.to_owned()));
    assert!(
        matches!(out.last(), Some(Outcome::FolderOpened(p)) if p == dir),
        "{out:?}"
    );
    let t = Instant::now();
    while ws.folder.as_ref().is_some_and(|f| f.progress().is_some())
        && t.elapsed() < Duration::from_secs(20)
    {
        ws.poll_folder();
        std::thread::sleep(Duration::from_millis(5));
    }
    ws.poll_folder();
}

#[test]
fn a_folder_document_is_one_model_for_every_view_and_switching_touches_no_file() {
    let (dir, a, b) = folder();
    let mut ws = workspace();
    open_folder(&mut ws, dir.path());
    let ia = ws.folder.as_ref().unwrap().index_of(&a).unwrap();
    let ib = ws.folder.as_ref().unwrap().index_of(&b).unwrap();
    ws.apply(Intent::Show(ia));
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    let id = ws.current().unwrap().selected.unwrap();

    // Opening the same file by its path shows the folder's copy, not a second one.
    assert!(ws.apply(Intent::Open(a.clone())).is_empty());
    assert_eq!(ws.current_in_folder(), Some(ia));

    // The files go away: switching documents reads and writes nothing, and nothing is lost.
    std::fs::remove_file(&a).unwrap();
    std::fs::remove_file(&b).unwrap();
    ws.apply(Intent::Show(ib));
    assert_eq!(ws.current().unwrap().path(), b);
    ws.apply(Intent::Show(ia));
    let doc = ws.current().unwrap();
    assert_eq!(doc.selected, Some(id), "its view state kept");
    assert!(doc.dirty && doc.session.annotations.contains(id));
    assert!(!sidecar_of(&a).exists() && !sidecar_of(&b).exists());

    // A review in the folder's views changes the same document, undoably.
    ws.apply(Intent::Review {
        doc: ia,
        id,
        status: ReviewStatus::Accepted,
        comment: Some("checked".into()),
    });
    let review = |ws: &Workspace| {
        ws.current()
            .unwrap()
            .session
            .annotations
            .get(id)
            .unwrap()
            .review
            .clone()
    };
    assert_eq!(review(&ws).status, ReviewStatus::Accepted);
    assert_eq!(review(&ws).by.as_deref(), Some("tester"));
    ws.apply(Intent::UndoReview);
    assert_eq!(review(&ws).status, ReviewStatus::Unreviewed);
}

#[test]
fn reading_a_folder_writes_nothing_until_a_moved_document_is_opened() {
    let (dir, a, _) = folder();
    // Annotate, then change the text so the annotation moves.
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "Critics");
    ws.apply(Intent::Tag(TagKind::Entity));
    ws.apply(Intent::Save);
    std::fs::write(&a, format!("Update: {DOC}")).unwrap();
    let before = std::fs::read(sidecar_of(&a)).unwrap();

    let mut ws = workspace();
    open_folder(&mut ws, dir.path());
    std::thread::sleep(AUTOSAVE_DELAY + Duration::from_millis(50));
    ws.tick();
    assert_eq!(
        std::fs::read(sidecar_of(&a)).unwrap(),
        before,
        "reading the folder wrote nothing"
    );
    let ia = ws.folder.as_ref().unwrap().index_of(&a).unwrap();
    let out = ws.apply(Intent::Show(ia));
    assert!(matches!(&out[..], [Outcome::Opened(o)] if o.summary.moved == 1));
    assert!(ws.current().unwrap().dirty, "the move is saved once opened");
    assert_eq!(ws.save_all().len(), 1);
    assert_eq!(on_disk(&a)[0].start, span("Critics").0 + "Update: ".len());
}

#[test]
fn opening_a_folder_saves_the_document_open_alone_first() {
    let (dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    open_folder(&mut ws, dir.path());
    assert_eq!(on_disk(&a).len(), 1);
    assert!(ws.current().is_none());
    assert!(!ws.unsaved());
}

#[test]
fn spaces_at_the_edges_of_a_selection_are_not_tagged() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a));
    let (s, e) = span(" exports rose ");
    ws.apply(Intent::Select(Some(Selection { anchor: e, head: s })));
    ws.apply(Intent::Tag(TagKind::Claim));
    let a0 = &ws.current().unwrap().session.annotations.as_slice()[0];
    assert_eq!(a0.exact, "exports rose");
}

#[test]
fn reattaching_a_changed_annotation_settles_it() {
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "exports rose 12 percent");
    ws.apply(Intent::Tag(TagKind::Claim));
    ws.apply(Intent::Save);
    // The article is corrected under the claim.
    std::fs::write(&a, DOC.replace("rose 12 percent", "rose 14 percent")).unwrap();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    let doc = ws.current().unwrap();
    let id = doc.session.annotations.as_slice()[0].id;
    assert_eq!(doc.not_anchored(), 1);
    assert!(doc.anchoring.contains_key(&id), "waits for a decision");
    let (start, end) = span("exports rose 12 percent");
    ws.apply(Intent::Edit(Command::SetSpan { id, start, end }));
    let doc = ws.current().unwrap();
    assert_eq!(doc.not_anchored(), 0);
    assert!(
        !doc.anchoring.contains_key(&id),
        "no longer listed for review"
    );
}

#[test]
fn exports_beside_a_document_are_not_read_as_documents_of_the_folder() {
    let (dir, a, b) = folder();
    std::fs::write(
        dir.path().join("a.txt.html"),
        "<html><body>report</body></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt.csv"), "id,start\n").unwrap();
    std::fs::create_dir(dir.path().join("a.txt.brat")).unwrap();
    std::fs::write(dir.path().join("a.txt.brat/a.txt"), DOC).unwrap();
    // A page that merely shares a name with no document is a document.
    std::fs::write(dir.path().join("notes.html"), "<p>Notes.</p>").unwrap();
    let mut ws = workspace();
    open_folder(&mut ws, dir.path());
    let mut names: Vec<String> = ws
        .folder
        .as_ref()
        .unwrap()
        .loaded()
        .map(|(_, d)| d.name.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "b.txt", "notes.html"]);
    let _ = (a, b);
}

#[test]
fn links_and_evidence_are_saved_undone_and_a_changed_snapshot_is_reported_on_opening() {
    use factmark::core::evidence::{Evidence, Stance};
    use factmark::core::link::{Link, LinkKind};
    let (dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "The mayor");
    ws.apply(Intent::Tag(TagKind::Entity));
    select(&mut ws, "exports rose 12 percent");
    ws.apply(Intent::Tag(TagKind::Claim));
    let (mayor, claim) = {
        let s = &ws.current().unwrap().session.annotations;
        (s.as_slice()[0].id, s.as_slice()[1].id)
    };
    let link = Link::new(LinkKind::AttributedTo, mayor, "tester", chrono::Utc::now());
    ws.apply(Intent::Edit(Command::Link { from: claim, link }));
    let page = dir.path().join("source.html");
    std::fs::write(&page, "<p>Exports fell 3 percent.</p>").unwrap();
    let mut item = Evidence::new(
        "https://stats.example/trade",
        Stance::Refutes,
        chrono::Utc::now(),
    );
    item.snapshot = Some(factmark::store::snapshot::attach(&sidecar_of(&a), &page).unwrap());
    ws.apply(Intent::Edit(Command::SetEvidence(claim, vec![item])));
    assert!(ws.current().unwrap().snapshots.is_empty(), "just attached");
    // Deleting the entity takes the link with it, and one undo brings both back.
    ws.apply(Intent::Delete(mayor));
    let doc = ws.current().unwrap();
    assert!(doc.session.annotations.get(claim).unwrap().links.is_empty());
    ws.apply(Intent::Undo);
    let doc = ws.current().unwrap();
    assert_eq!(doc.session.annotations.get(claim).unwrap().links.len(), 1);
    let claimant = match &doc.session.annotations.get(claim).unwrap().tag {
        Tag::Claim { claimant, .. } => claimant.clone(),
        _ => None,
    };
    assert_eq!(claimant.as_deref(), Some("The mayor"));
    ws.apply(Intent::Save);
    let saved = on_disk(&a);
    let c = saved.iter().find(|x| x.id == claim).unwrap();
    assert_eq!((c.links.len(), c.evidence.len()), (1, 1));
    assert!(
        std::fs::read_to_string(sidecar_of(&a))
            .unwrap()
            .contains("version: 4,")
    );
    ws.apply(Intent::Close);
    // The saved copy changes behind factmark's back: opening says so.
    std::fs::write(&page, "<p>Exports rose.</p>").unwrap();
    let opened = ws.apply(Intent::Open(a.clone()));
    match &opened[..] {
        [Outcome::Opened(o)] => {
            assert_eq!(o.snapshots.len(), 1, "{:?}", o.snapshots);
            assert_eq!(o.snapshots[0].0, "source.html");
            assert!(o.snapshots[0].1.contains("changed"), "{:?}", o.snapshots);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_folder_claims_follow_a_sidecar_another_program_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.txt");
    let two = dir.path().join("two.txt");
    std::fs::write(
        &one,
        "Exports fell 20 percent in 2024, the minister said.\n",
    )
    .unwrap();
    std::fs::write(&two, "The minister claimed exports dropped 20% in 2024.\n").unwrap();
    let claim = |path: &Path, needle: &str, verdict: Verdict| {
        let mut s = Session::open(path).unwrap();
        let text = s.text.as_str().to_owned();
        let start = text[..text.find(needle).unwrap()].chars().count();
        let a = Annotation::new(
            &s.text,
            start,
            start + needle.chars().count(),
            Tag::Claim {
                verdict,
                claimant: None,
            },
            "other",
            chrono::Utc::now(),
        )
        .unwrap();
        s.annotations.insert(a);
        s.save().unwrap();
    };
    claim(&one, "Exports fell 20 percent in 2024", Verdict::False);
    let mut ws = workspace();
    open_folder(&mut ws, dir.path());
    let groups = |ws: &mut Workspace| {
        let f = ws.folder.as_mut().unwrap();
        f.refresh_claims();
        (f.claims().len(), f.claims().groups().len())
    };
    assert_eq!(groups(&mut ws), (1, 1));
    // Another program (a colleague's script, a git pull) tags the repeat in two.txt.
    claim(&two, "exports dropped 20% in 2024", Verdict::Unrated);
    std::thread::sleep(Duration::from_millis(300));
    ws.poll_folder();
    assert_eq!(
        groups(&mut ws),
        (2, 1),
        "the repeat joined the first claim's group"
    );
}

#[test]
fn retagging_a_claim_as_an_entity_takes_its_sources_and_unfitting_links_in_one_undoable_step() {
    use factmark::core::evidence::{Evidence, Stance};
    use factmark::core::link::{Link, LinkKind};
    let (_dir, a, _) = folder();
    let mut ws = workspace();
    ws.apply(Intent::Open(a.clone()));
    select(&mut ws, "2023");
    ws.apply(Intent::Tag(TagKind::Date));
    select(&mut ws, "exports rose 12 percent");
    ws.apply(Intent::Tag(TagKind::Claim));
    let (date, claim) = {
        let s = ws.current().unwrap().session.annotations.as_slice();
        let id = |k: TagKind| s.iter().find(|x| x.tag.kind() == k).unwrap().id;
        (id(TagKind::Date), id(TagKind::Claim))
    };
    let now = chrono::Utc::now();
    ws.apply(Intent::Edit(Command::Link {
        from: claim,
        link: Link::new(LinkKind::Dated, date, "tester", now),
    }));
    ws.apply(Intent::Edit(Command::SetEvidence(
        claim,
        vec![Evidence::new(
            "https://stats.example/x",
            Stance::Refutes,
            now,
        )],
    )));
    let before = ws.current().unwrap().session.annotations.clone();
    ws.apply(Intent::SelectAnnotation {
        id: Some(claim),
        reveal: false,
    });
    let out = ws.apply(Intent::Tag(TagKind::Entity));
    match &out[..] {
        [Outcome::Retagged { lost, .. }] => {
            assert!(lost.iter().any(|l| l == "1 source"), "{lost:?}");
            assert!(lost.iter().any(|l| l == "1 link"), "{lost:?}");
        }
        other => panic!("{other:?}"),
    }
    let e = ws
        .current()
        .unwrap()
        .session
        .annotations
        .get(claim)
        .unwrap()
        .clone();
    assert_eq!(e.tag.kind(), TagKind::Entity);
    assert!(e.evidence.is_empty() && e.links.is_empty());
    ws.apply(Intent::Undo);
    assert_eq!(
        ws.current().unwrap().session.annotations.as_slice(),
        before.as_slice(),
        "one undo brings the claim, its source and its link back"
    );
}
