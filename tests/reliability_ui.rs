//! The window never loses work: a save that meets another writer's changes merges them, asks
//! only about clashing fields, and a crash is recovered from the journal on the next start.

mod common;
use common::private_recovery_dir;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::core::edit::Command;
use factmark::store::Session;
use factmark::ui::{Action, FactmarkApp, Settings};
use factmark::workspace::Intent;

const DOC: &str = "The mayor said exports rose 12 percent in 2023, a record.\n";

fn harness(doc: &std::path::Path) -> Harness<'static, FactmarkApp> {
    let settings = Settings {
        author: "win".into(),
        ..Settings::default()
    };
    let app = FactmarkApp::new(settings, Some(doc.to_owned()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(2);
    h
}

fn add(session: &mut Session, needle: &str, kind: TagKind) -> Annotation {
    let start = DOC[..DOC.find(needle).unwrap()].chars().count();
    let a = Annotation::new(
        &session.text,
        start,
        start + needle.chars().count(),
        Tag::new(kind),
        "other",
        chrono::Utc::now(),
    )
    .unwrap();
    session.annotations.insert(a.clone());
    a
}

fn apply(h: &mut Harness<'_, FactmarkApp>, cmd: Command) {
    h.state_mut().apply(Action::Do(Intent::Edit(cmd)));
    h.run();
}

#[test]
fn saving_merges_other_writers_and_asks_only_about_clashes() {
    private_recovery_dir();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, DOC).unwrap();
    let mut first = Session::open(&path).unwrap();
    let shared = add(&mut first, "exports rose 12 percent", TagKind::Claim);
    first.save().unwrap();

    let mut h = harness(&path);
    // Another program adds an annotation and changes the shared one's note.
    let mut other = Session::open(&path).unwrap();
    let theirs = add(&mut other, "2023", TagKind::Date);
    let mut changed = other.annotations.get(shared.id).unwrap().clone();
    changed.note = "their note".into();
    other.annotations.replace(changed);
    other.save().unwrap();

    // The window adds its own annotation: saving merges, nothing is lost.
    let now = chrono::Utc::now();
    let text = factmark::core::text::Text::from_str_normalized(DOC);
    let ours = Annotation::new(&text, 4, 9, Tag::new(TagKind::Entity), "win", now).unwrap();
    apply(&mut h, Command::Add(ours.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = Session::open(&path).unwrap();
    for id in [shared.id, theirs.id, ours.id] {
        assert!(saved.annotations.contains(id), "lost {id}");
    }
    assert_eq!(saved.annotations.get(shared.id).unwrap().note, "their note");
    assert!(!h.state().doc().unwrap().dirty);

    // Both change the same note: the save asks, writes nothing until the user chooses.
    let mut other = Session::open(&path).unwrap();
    let mut changed = other.annotations.get(shared.id).unwrap().clone();
    changed.note = "theirs again".into();
    other.annotations.replace(changed);
    other.save().unwrap();
    let before = std::fs::read(dir.path().join("a.txt.ann.ron")).unwrap();
    apply(&mut h, Command::SetNote(shared.id, "mine".into()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        std::fs::read(dir.path().join("a.txt.ann.ron")).unwrap(),
        before,
        "nothing written"
    );
    assert_eq!(h.state().doc().unwrap().conflicts().len(), 1);
    h.get_by_label("Keep all of this version").click();
    h.run();
    h.get_by_label("Apply and save").click();
    h.run();
    h.run();
    let saved = Session::open(&path).unwrap();
    assert_eq!(saved.annotations.get(shared.id).unwrap().note, "mine");
    assert!(h.state().doc().unwrap().conflicts().is_empty());

    // A crash: unsaved work is in the journal, and the next start offers it back.
    apply(
        &mut h,
        Command::SetNote(shared.id, "typed before the crash".into()),
    );
    h.run();
    drop(h);
    let mut h = harness(&path);
    assert!(h.state().doc().unwrap().recovery.is_some());
    h.get_by_label("Recover them").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = Session::open(&path).unwrap();
    assert_eq!(
        saved.annotations.get(shared.id).unwrap().note,
        "typed before the crash"
    );
    assert!(
        factmark::store::recovery::find_recovery(&path)
            .unwrap()
            .is_none()
    );
}

#[test]
fn an_unreadable_sidecar_is_left_alone_and_work_goes_on_in_a_new_file_with_consent() {
    private_recovery_dir();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, DOC).unwrap();
    let broken = b"(format: \"factmark\", version: 2, annotations: [ (id: ".to_vec();
    let sidecar = dir.path().join("a.txt.ann.ron");
    std::fs::write(&sidecar, &broken).unwrap();

    let mut h = harness(&path);
    assert!(h.state().doc().is_none(), "not opened without consent");
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.error && n.text.contains("a.txt.ann.ron"))
    );
    h.get_by_label("Open with a new annotations file").click();
    h.run_steps(1);
    common::wait_for_reading(&mut h);
    assert!(h.state().doc().is_some());
    let text = factmark::core::text::Text::from_str_normalized(DOC);
    let a = Annotation::new(
        &text,
        4,
        9,
        Tag::new(TagKind::Entity),
        "win",
        chrono::Utc::now(),
    )
    .unwrap();
    apply(&mut h, Command::Add(a.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        std::fs::read(&sidecar).unwrap(),
        broken,
        "the unreadable file is untouched"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".recovered-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(
        std::fs::read_to_string(&aside[0])
            .unwrap()
            .contains(&a.id.to_string())
    );
}
