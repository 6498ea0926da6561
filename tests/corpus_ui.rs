//! The corpus views, driven headless: open a folder, review spans across documents with the
//! keyboard, open a span in its document. Assertions are on the sidecars.

mod common;
use common::private_recovery_dir;

use std::time::Duration;

use egui::{Key, Vec2};
use egui_kittest::Harness;
use factmark::core::annotation::{Annotation, ReviewStatus, Tag, TagKind};
use factmark::store::Session;
use factmark::ui::{FactmarkApp, Mode, Settings};

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, spans) in [
        (
            "a.txt",
            "The mayor said exports rose 12 percent in 2023.\n",
            vec![
                ("exports rose 12 percent", TagKind::Claim),
                ("2023", TagKind::Date),
            ],
        ),
        (
            "sub/b.txt",
            "Critics at the Harbor Institute disagreed.\n",
            vec![("Harbor Institute", TagKind::Entity)],
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        let mut s = Session::open(&path).unwrap();
        for (needle, kind) in spans {
            let start = text[..text.find(needle).unwrap()].chars().count();
            let a = Annotation::new(
                &s.text,
                start,
                start + needle.chars().count(),
                Tag::new(kind),
                "ana",
                chrono::Utc::now(),
            )
            .unwrap();
            s.annotations.insert(a);
        }
        s.save().unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "No annotations here.\n").unwrap();
    dir
}

fn harness(dir: &std::path::Path) -> Harness<'static, FactmarkApp> {
    common::window(dir, "rev")
}

#[test]
fn a_folder_lists_its_documents() {
    let dir = corpus();
    let h = harness(dir.path());
    let c = h.state().ws.folder.as_ref().expect("a corpus");
    assert_eq!(h.state().mode, Mode::Documents);
    let names: Vec<String> = c.loaded().map(|(_, d)| d.name.clone()).collect();
    assert_eq!(names, ["a.txt", "notes.txt", "sub/b.txt"]);
    let totals: Vec<usize> = c.loaded().map(|(_, d)| d.total()).collect();
    assert_eq!(totals, [2, 0, 1]);
}

#[test]
fn keyboard_review_across_documents_is_saved() {
    let dir = corpus();
    let mut h = harness(dir.path());
    h.state_mut().mode = Mode::Spans;
    h.run_steps(2);
    assert_eq!(h.state().folder_views.spans.rows().len(), 3);
    // A accepts the first span and moves on; R rejects the second; W marks the third.
    h.key_press(Key::A);
    h.run();
    h.key_press(Key::R);
    h.run();
    h.key_press(Key::W);
    h.run();
    // Saved by the autosave, as every change is.
    let autosaved = |h: &mut Harness<'_, FactmarkApp>| {
        std::thread::sleep(factmark::workspace::AUTOSAVE_DELAY + Duration::from_millis(100));
        h.run_steps(2);
    };
    autosaved(&mut h);
    let review = |name: &str| -> Vec<ReviewStatus> {
        Session::open(&dir.path().join(name))
            .unwrap()
            .annotations
            .iter()
            .map(|a| a.review.status)
            .collect()
    };
    assert_eq!(
        review("a.txt"),
        [ReviewStatus::Accepted, ReviewStatus::Rejected]
    );
    assert_eq!(review("sub/b.txt"), [ReviewStatus::NeedsWork]);
    let a = Session::open(&dir.path().join("a.txt")).unwrap();
    assert_eq!(
        a.annotations.as_slice()[0].review.by.as_deref(),
        Some("rev")
    );

    // Ctrl+Z takes the last review back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    autosaved(&mut h);
    assert_eq!(review("sub/b.txt"), [ReviewStatus::Unreviewed]);

    // K goes back up; Enter opens the span in its document, selected.
    h.key_press(Key::K);
    h.run();
    let (_, id) = h.state().folder_views.spans.selected().unwrap();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().mode, Mode::Document);
    let doc = h.state().doc().unwrap();
    assert!(doc.path().ends_with("a.txt"));
    assert_eq!(doc.selected, Some(id));
    assert_eq!(
        doc.session.annotations.get(id).unwrap().review.status,
        ReviewStatus::Rejected
    );
}

#[test]
fn a_span_opened_from_the_review_is_shown_even_where_the_document_was_left_elsewhere() {
    private_recovery_dir();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let mut raw = String::from("The mayor said exports rose.\n\n");
    raw.push_str(&"A paragraph of filler text about the harbor.\n\n".repeat(300));
    let id = common::saved_with(&path, &raw, "mayor", Tag::new(TagKind::Entity));
    // The document was last left near its end.
    let mut settings = Settings {
        author: "rev".into(),
        ..Settings::default()
    };
    settings.leave_at(&path, raw.chars().count() - 10);
    let app = FactmarkApp::new(settings, Some(dir.path().to_owned()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    common::wait_for_folder(&mut h);
    h.run_steps(2);
    h.state_mut().apply(factmark::ui::Action::OpenSpan(0, id));
    h.run_steps(4);
    assert_eq!(h.state().mode, Mode::Document);
    assert_eq!(h.state().doc().unwrap().selected, Some(id));
    let visible = h.state().view().unwrap().visible_paragraphs();
    assert!(visible.contains(&0), "the span is on screen: {visible:?}");
}
