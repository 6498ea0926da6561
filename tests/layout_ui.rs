//! The window's layout at the smallest, a small and a large size: the text column keeps a
//! readable width, the inspector and the list never cover it, the inspector keeps its width
//! whichever annotation is selected, and the toolbar's buttons and the menus are on screen.

mod common;
use common::private_recovery_dir;

use std::path::{Path, PathBuf};

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::store::Session;
use factmark::ui::{Action, FactmarkApp, Settings};
use factmark::workspace::Intent;

const DOC: &str = "The mayor said the harbor handled 4.2 million containers in 2023, a record for the port and the region.\n\n\
Critics at the Harbor Institute disagreed. They said the harbor handled far fewer, and that the count included empty boxes.\n\n\
“We doubled the budget,” the mayor said on 3 May 2024, adding that a longer note would follow.\n";

const SIZES: [(f32, f32); 3] = [(640.0, 400.0), (800.0, 600.0), (1920.0, 1080.0)];

fn document() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, DOC).unwrap();
    let mut s = Session::open(&path).unwrap();
    for (needle, kind) in [
        ("The mayor", TagKind::Entity),
        (
            "Critics at the Harbor Institute disagreed. They said the harbor handled far fewer, and that the count included empty boxes.",
            TagKind::Claim,
        ),
    ] {
        let start = DOC[..DOC.find(needle).unwrap()].chars().count();
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
    (dir, path)
}

fn harness(path: &Path, size: (f32, f32)) -> Harness<'static, FactmarkApp> {
    private_recovery_dir();
    let app = FactmarkApp::new(
        Settings {
            author: "tester".into(),
            ..Settings::default()
        },
        Some(path.to_owned()),
    );
    let mut h = Harness::builder()
        .with_size(Vec2::new(size.0, size.1))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(3);
    h
}

/// Turns the mouse wheel by `dy` (in `unit`s) over `at`, and lets the view settle.
fn wheel(h: &mut Harness<'_, FactmarkApp>, at: egui::Pos2, unit: egui::MouseWheelUnit, dy: f32) {
    h.event(egui::Event::PointerMoved(at));
    h.event(egui::Event::MouseWheel {
        unit,
        delta: Vec2::new(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(20);
}

#[test]
fn the_text_column_is_readable_and_never_covered_at_any_size() {
    let (_dir, path) = document();
    for size in SIZES {
        let mut h = harness(&path, size);
        let drawn = h.state().pane.drawn;
        let text = drawn.text.expect("the text is drawn");
        // About 45 characters of text at the least.
        assert!(text.width() >= 45.0 * 7.0, "{size:?}: text {text:?}");
        for (what, panel) in [("inspector", drawn.inspector), ("list", drawn.list)] {
            if let Some(panel) = panel {
                assert!(
                    !panel.intersects(text.shrink(1.0)),
                    "{size:?}: the {what} {panel:?} covers the text {text:?}"
                );
            }
        }
        assert!(
            drawn.inspector.is_some(),
            "{size:?}: the inspector is shown"
        );

        // The inspector keeps its width, whichever annotation is selected.
        let width = drawn.inspector.map(|r| r.width());
        let ids: Vec<_> = h
            .state()
            .doc()
            .unwrap()
            .session
            .annotations
            .iter()
            .map(|a| a.id)
            .collect();
        for id in ids {
            h.state_mut().apply(Action::Do(Intent::SelectAnnotation {
                id: Some(id),
                reveal: true,
            }));
            h.run_steps(2);
            let now = h.state().pane.drawn;
            assert_eq!(now.inspector.map(|r| r.width()), width, "{size:?}");
            assert_eq!(now.text, drawn.text, "{size:?}: the text does not reflow");
        }

        // Every tag button and menu is on screen, not clipped.
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(size.0, size.1));
        for label in [
            "Claim (C)",
            "Quote (Q)",
            "Date (D)",
            "Entity (E)",
            "File",
            "Edit",
            "Help",
        ] {
            let r = h.get_by_label(label).rect();
            assert!(screen.contains_rect(r), "{size:?}: {label} at {r:?}");
        }
    }
}

#[test]
fn a_narrow_window_folds_the_list_into_a_drawer_that_opens_in_the_inspectors_place() {
    let (_dir, path) = document();
    let mut h = harness(&path, (800.0, 600.0));
    assert_eq!(
        h.state().pane.drawn.list,
        None,
        "no room for the list beside the text"
    );
    h.get_by_label("Annotation list").click();
    h.run_steps(2);
    let drawn = h.state().pane.drawn;
    let list = drawn.list.expect("the drawer is open");
    let text = drawn.text.unwrap();
    assert!(!list.intersects(text.shrink(1.0)), "{list:?} {text:?}");
    // Picking an annotation closes the drawer and shows it in the inspector.
    h.get_by_label("The mayor").click();
    h.run_steps(2);
    assert_eq!(h.state().pane.drawn.list, None);
    assert!(h.state().doc().unwrap().selected.is_some());
}

#[test]
fn the_lists_keys_work_while_it_is_folded_away() {
    let (_dir, path) = document();
    let mut h = harness(&path, (800.0, 600.0));
    assert_eq!(h.state().pane.drawn.list, None);
    // J selects the first annotation; Ctrl+A selects every one together.
    h.key_press(egui::Key::J);
    h.run_steps(2);
    assert!(h.state().doc().unwrap().selected.is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(2);
    assert_eq!(h.state().doc().unwrap().many.len(), 2);
}

#[test]
fn the_folder_bar_wraps_rather_than_cutting_buttons_off() {
    let (dir, path) = document();
    std::fs::write(dir.path().join("another-article-with-a-long-name.txt"), DOC).unwrap();
    for size in SIZES {
        let mut h = harness(dir.path(), size);
        common::wait_for_folder(&mut h);
        let i = h
            .state()
            .ws
            .folder
            .as_ref()
            .unwrap()
            .index_of(&path)
            .unwrap();
        h.state_mut().apply(Action::Do(Intent::Show(i)));
        h.run_steps(3);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, Vec2::new(size.0, size.1));
        for label in ["Review spans", "Previous document", "Next document"] {
            let r = h.get_by_label(label).rect();
            assert!(screen.contains_rect(r), "{size:?}: {label} at {r:?}");
        }
        let drawn = h.state().pane.drawn;
        if let (Some(text), Some(inspector)) = (drawn.text, drawn.inspector) {
            assert!(!inspector.intersects(text.shrink(1.0)), "{size:?}");
        }
    }
}

#[test]
fn a_web_pages_long_title_and_address_stay_inside_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(
        &path,
        "<html><head><title>Appeals court strikes down the Westmarch water levy after a hearing that lasted three days</title>\
         <link rel=\"canonical\" href=\"https://courier.example/news/2025/06/appeals-court-strikes-down-the-westmarch-water-levy\">\
         <meta name=\"author\" content=\"Mireille Santoro-Quist, Courts Correspondent of the Westmarch Courier\"></head>\
         <body><article><h1>Appeals court strikes down water levy</h1><p>The three-judge panel said the levy was passed without the consultation the charter requires.</p></article></body></html>",
    )
    .unwrap();
    for size in SIZES {
        let h = harness(&path, size);
        let panel = h.state().pane.drawn.inspector.expect("the inspector");
        for label in ["Inspector", "Title", "URL"] {
            let r = h.get_by_label(label).rect();
            assert!(
                panel.expand(1.0).contains_rect(r),
                "{size:?}: {label} at {r:?} outside {panel:?}"
            );
        }
    }
}

#[test]
fn tagging_does_not_move_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let para = "For the first time we have strong evidence that a nasal vaccine can protect the people who are most likely to end up in the hospital, said the lead author. ";
    std::fs::write(&path, format!("{para}\n\n").repeat(30)).unwrap();
    for size in [(800.0, 600.0), (1920.0, 1080.0)] {
        let mut h = harness(&path, size);
        h.key_press(egui::Key::PageDown);
        h.run_steps(3);
        let top = |h: &Harness<'_, FactmarkApp>| {
            let text = &h.state().doc().unwrap().session.text;
            h.state().view().unwrap().top_offset(text).unwrap()
        };
        let before = top(&h);
        for (k, kind) in [
            Intent::Tag(factmark::core::annotation::TagKind::Quote),
            Intent::Tag(factmark::core::annotation::TagKind::Claim),
            Intent::Tag(factmark::core::annotation::TagKind::Entity),
        ]
        .into_iter()
        .enumerate()
        {
            let at = before + 200 + 160 * k;
            h.state_mut().apply(Action::Do(Intent::Select(Some(
                factmark::workspace::Selection {
                    anchor: at,
                    head: at + 30,
                },
            ))));
            h.run_steps(2);
            h.state_mut().apply(Action::Do(kind));
            h.run_steps(4);
            let d = h.state().pane.drawn;
            assert_eq!(top(&h), before, "{size:?}: tag {k} moved the text {d:?}");
        }
    }
}

#[test]
fn a_right_to_left_document_reopens_with_the_line_it_was_left_at_on_top() {
    // Each reopen takes the place the last one left; a right-to-left line's left end is its
    // last char, and the place must not slip to the next line each time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("he.txt");
    let para = "הממשלה הודיעה היום כי שיעור האבטלה ירד במהלך הרבעון האחרון, והשרים אמרו כי הצמיחה תימשך גם בשנה הבאה לפי התחזיות של הבנק. ";
    std::fs::write(&path, format!("{}\n\n", para.repeat(3)).repeat(20)).unwrap();
    private_recovery_dir();
    // (The test's window has no Hebrew font: the letters are drawn as boxes, laid out
    // right to left all the same.)
    let window = |settings: Settings| {
        let app = FactmarkApp::new(settings, Some(path.clone()));
        let mut h = Harness::builder()
            .with_size(Vec2::new(800.0, 600.0))
            .with_accessibility_check(false)
            .allow_missing_glyphs()
            .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
        h.run_steps(6);
        h
    };
    let mut h = window(Settings {
        author: "tester".into(),
        ..Settings::default()
    });
    h.key_press(egui::Key::PageDown);
    h.run_steps(4);
    let top = |h: &Harness<'_, FactmarkApp>| {
        let text = &h.state().doc().unwrap().session.text;
        h.state().view().unwrap().top_offset(text).unwrap()
    };
    let mut left_at = top(&h);
    let mut settings = h.state().settings.clone();
    drop(h);
    for reopen in 0..3 {
        settings.leave_at(&path, left_at);
        let h = window(settings.clone());
        let now = top(&h);
        assert_eq!(now, left_at, "reopen {reopen}");
        left_at = now;
        settings = h.state().settings.clone();
    }
}

#[test]
fn a_table_wider_than_the_text_keeps_each_row_on_one_line_where_the_window_has_room() {
    // A release's table: a label and twelve columns of figures, wider than the text's
    // reading column. On a wide screen each row is one line, its cells in their columns;
    // the prose under it keeps the reading column.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("release.txt");
    let mut doc = String::from("Assets of banks, billions of dollars\n\n");
    for (k, label) in [
        "Bank credit",
        "Securities in bank credit",
        "Other securities",
    ]
    .iter()
    .enumerate()
    {
        let figures: Vec<String> = (0..12)
            .map(|c| format!("{},{:03}.{}", 10 + k, 100 + 37 * c, c % 10))
            .collect();
        doc.push_str(&format!("{}\t{label}\t{}\n", k + 1, figures.join("\t")));
    }
    doc.push_str("\nPercent changes are at a simple annual rate and have been adjusted to remove the effects of structure activity of five billion or more, as the notes explain.\n");
    std::fs::write(&path, &doc).unwrap();
    let mut h = harness(&path, (1920.0, 1080.0));
    h.run_steps(2);
    let text = h.state().doc().unwrap().session.text.clone();
    let view = h.state().view().unwrap();
    let column = h.state().pane.drawn.text.unwrap();
    let at = |needle: &str| {
        text.as_str()[..text.as_str().find(needle).unwrap()]
            .chars()
            .count()
    };
    for (first, last) in [("1\tBank", "10,507.1"), ("3\tOther", "12,507.1")] {
        let a = view.screen_pos_of(&text, at(first)).unwrap();
        let b = view.screen_pos_of(&text, at(last)).unwrap();
        assert!((a.y - b.y).abs() < 1.0, "{first}: {a:?} {b:?}");
        assert!(
            b.x > column.right(),
            "set wider than the column {column:?}: {b:?}"
        );
    }
    // The cells of a column stand one under another.
    let x1 = view.screen_pos_of(&text, at("10,507.1")).unwrap().x;
    let x3 = view.screen_pos_of(&text, at("12,507.1")).unwrap().x;
    assert!((x1 - x3).abs() < 1.0, "{x1} {x3}");
    // The prose keeps the reading column.
    let p = view
        .screen_pos_of(&text, at("as the notes explain"))
        .unwrap();
    assert!(p.x < column.right() + 1.0, "{p:?} {column:?}");
}

#[test]
fn the_tag_hint_is_whole_on_a_wide_screen_and_short_in_a_narrow_window() {
    // With text selected, the toolbar's hint says which keys tag it: all of it where there
    // is room, in short where the whole would be cut off.
    let (_dir, path) = document();
    for (size, shown, not) in [
        (
            (1920.0, 1080.0),
            "Press C, Q, D or E (or 1–4) to tag the selection.",
            "C, Q, D, E or 1–4 tags it",
        ),
        (
            (800.0, 600.0),
            "C, Q, D, E or 1–4 tags it",
            "Press C, Q, D or E (or 1–4) to tag the selection.",
        ),
    ] {
        let mut h = harness(&path, size);
        h.state_mut().apply(Action::Do(Intent::Select(Some(
            factmark::workspace::Selection { anchor: 4, head: 9 },
        ))));
        h.run_steps(3);
        assert!(h.query_by_label(shown).is_some(), "{size:?}: {shown}");
        assert!(h.query_by_label(not).is_none(), "{size:?}: {not}");
    }
}

#[test]
fn the_place_kept_is_the_top_line_half_or_more_in_view() {
    // Scrolled a few points at a time, the line kept as the view's place (where it reopens)
    // is never one more than half out of view: reopened there, the text moves less than
    // half a line, not a whole line down for a line of which a sliver showed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let para = "The health ministry said on Monday that the number of confirmed cases had risen for the third week running, and that hospitals in the capital had opened extra wards. ";
    std::fs::write(&path, format!("{}\n\n", para.repeat(2)).repeat(30)).unwrap();
    let mut h = harness(&path, (800.0, 600.0));
    h.key_press(egui::Key::PageDown);
    h.run_steps(4);
    let middle = h
        .state()
        .pane
        .drawn
        .text
        .expect("the text is drawn")
        .center();
    for step in 0..16 {
        wheel(&mut h, middle, egui::MouseWheelUnit::Point, -3.0);
        let text = &h.state().doc().unwrap().session.text;
        let view = h.state().view().unwrap();
        let top = view.top_offset(text).unwrap();
        let line = view.rects_on_screen(text, top, top + 1);
        let line = line.first().expect("the kept line is drawn");
        let view_top = view.text_rect().expect("the view is drawn").min.y;
        let hidden = view_top - line.min.y;
        assert!(
            hidden <= 0.5 * line.height() + 0.5,
            "step {step}: the line kept is {hidden} points out of view ({line:?})"
        );
    }
}

#[test]
fn a_document_reopens_with_the_line_it_was_left_at_on_top_at_any_size() {
    // Left at a place scrolled to by the wheel, then reopened again and again, a document
    // keeps that line on top: the place does not slip a line each time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let mut doc = String::new();
    for k in 0..40 {
        doc.push_str(&format!("{k}. Introduction\n\n"));
        doc.push_str("The health ministry said on Monday that the number of confirmed cases had risen for the third week running, and that hospitals in the capital had opened extra wards, while the schools stayed open.\n\n");
    }
    std::fs::write(&path, &doc).unwrap();
    private_recovery_dir();
    for size in [(800.0, 600.0), (1920.0, 1080.0)] {
        let window = |settings: Settings| {
            let app = FactmarkApp::new(settings, Some(path.clone()));
            let mut h = Harness::builder()
                .with_size(Vec2::new(size.0, size.1))
                .with_accessibility_check(false)
                .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
            h.run_steps(6);
            h
        };
        let top = |h: &Harness<'_, FactmarkApp>| {
            let text = &h.state().doc().unwrap().session.text;
            h.state().view().unwrap().top_offset(text).unwrap()
        };
        let mut h = window(Settings {
            author: "tester".into(),
            ..Settings::default()
        });
        h.key_press(egui::Key::PageDown);
        h.run_steps(4);
        let middle = h
            .state()
            .pane
            .drawn
            .text
            .expect("the text is drawn")
            .center();
        for _ in 0..3 {
            wheel(&mut h, middle, egui::MouseWheelUnit::Line, -1.0);
        }
        let mut left_at = top(&h);
        let mut settings = h.state().settings.clone();
        drop(h);
        for reopen in 0..3 {
            settings.leave_at(&path, left_at);
            let h = window(settings.clone());
            let now = top(&h);
            assert_eq!(now, left_at, "{size:?}: reopen {reopen}");
            left_at = now;
            settings = h.state().settings.clone();
        }
    }
}
