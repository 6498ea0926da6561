//! The annotator window, driven headless with egui_kittest: open → drag-select → tag → note →
//! save → reload, undo and redo, delete, retag, list filters, tag-all from Find, cycling through
//! overlapping spans, and virtualized layout of a large document. Assertions are on the model
//! and the sidecar, not on pixels.

mod common;

use common::annotations;
use common::private_recovery_dir;

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::store::Session;
use factmark::ui::{FactmarkApp, Settings};
use factmark::workspace::Intent;

const DOC: &str = "The mayor said the harbor handled 4.2 million containers in 2023.\n\n\
Critics at the Harbor Institute disagreed. They said the harbor handled far fewer.\n\n\
“We doubled the budget,” the mayor said on 3 May 2024.\n";

fn setup(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("article.txt");
    std::fs::write(&doc, text).unwrap();
    (dir, doc)
}

fn settings() -> Settings {
    Settings {
        author: "tester".into(),
        ..Settings::default()
    }
}

fn harness(doc: &Path) -> Harness<'static, FactmarkApp> {
    private_recovery_dir();
    let app = FactmarkApp::new(settings(), Some(doc.to_owned()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(3);
    h
}

fn char_pos(h: &Harness<'_, FactmarkApp>, offset: usize) -> Pos2 {
    let doc = h.state().doc().unwrap();
    h.state()
        .view()
        .unwrap()
        .screen_pos_of(&doc.session.text, offset)
        .expect("the char is on screen")
}

fn drag(h: &mut Harness<'_, FactmarkApp>, from: usize, to: usize) {
    let (a, b) = (char_pos(h, from) + Vec2::new(1.0, 0.0), char_pos(h, to));
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(b);
    h.run();
    h.drop_at(b);
    h.run();
}

/// Selects an annotation, as a click on it in the list does.
fn select_annotation(
    h: &mut Harness<'_, FactmarkApp>,
    id: factmark::core::annotation::AnnotationId,
) {
    h.state_mut()
        .apply(factmark::ui::Action::Do(Intent::SelectAnnotation {
            id: Some(id),
            reveal: false,
        }));
    h.run();
}

fn click(h: &mut Harness<'_, FactmarkApp>, offset: usize) {
    let p = char_pos(h, offset) + Vec2::new(3.0, 0.0);
    h.hover_at(p);
    h.run();
    h.drag_at(p);
    h.run();
    h.drop_at(p);
    h.run();
}

fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn drag_tag_note_save_and_reload() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    let (s, e) = find(DOC, "handled 4.2 million containers");
    drag(&mut h, s, e);
    let sel = h.state().doc().unwrap().selection.unwrap();
    assert_eq!((sel.start(), sel.end()), (s, e));

    h.key_press(Key::C);
    h.run();
    let anns = annotations(&h);
    assert_eq!(anns.len(), 1);
    assert_eq!(anns[0].exact, "handled 4.2 million containers");
    assert_eq!(anns[0].tag.kind(), TagKind::Claim);
    assert_eq!(anns[0].author, "tester");
    assert_eq!(h.state().doc().unwrap().selected, Some(anns[0].id));

    h.key_press(Key::N);
    h.run();
    h.event(Event::Text("Port authority says 3.9 million.".into()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().doc().unwrap().dirty);

    let reloaded = Session::open(&path).unwrap();
    let saved = reloaded.annotations.as_slice();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].exact, "handled 4.2 million containers");
    assert_eq!(saved[0].note, "Port authority says 3.9 million.");
    assert_eq!((saved[0].start, saved[0].end), (s, e));
    assert!(matches!(saved[0].tag, Tag::Claim { .. }));

    // Reopening the window shows it again.
    let h2 = harness(&path);
    assert_eq!(annotations(&h2), saved);
}

#[test]
fn undo_redo_delete_and_retag() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    let (s, e) = find(DOC, "Harbor Institute");
    drag(&mut h, s, e);
    h.key_press(Key::E);
    h.run();
    assert_eq!(annotations(&h).len(), 1);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(annotations(&h).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(annotations(&h).len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    let id = annotations(&h)[0].id;

    // Retag the selected annotation with a key.
    h.state_mut().doc_mut().unwrap().selected = Some(id);
    h.key_press(Key::Q);
    h.run();
    assert_eq!(annotations(&h)[0].tag.kind(), TagKind::Quote);

    // Click it to select it, then delete it.
    h.state_mut().doc_mut().unwrap().selected = None;
    click(&mut h, s + 2);
    assert_eq!(h.state().doc().unwrap().selected, Some(id));
    h.key_press(Key::Delete);
    h.run();
    assert!(annotations(&h).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(annotations(&h)[0].tag.kind(), TagKind::Quote);
}

#[test]
fn date_value_is_prefilled_from_the_text() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    let (s, e) = find(DOC, "3 May 2024");
    drag(&mut h, s, e);
    h.key_press(Key::D);
    h.run();
    match &annotations(&h)[0].tag {
        Tag::Date { value } => assert_eq!(value.as_ref().unwrap().as_str(), "2024-05-03"),
        t => panic!("{t:?}"),
    }
}

fn with_sidecar(text: &str, spans: &[(&str, TagKind)]) -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = setup(text);
    let mut session = Session::open(&path).unwrap();
    for (needle, kind) in spans {
        let (s, e) = find(text, needle);
        let a = Annotation::new(
            &session.text,
            s,
            e,
            Tag::new(*kind),
            "ana",
            chrono::Utc::now(),
        )
        .unwrap();
        session.annotations.insert(a);
    }
    session.save().unwrap();
    (dir, path)
}

#[test]
fn many_annotations_are_selected_in_the_list_and_changed_in_one_step() {
    let (_dir, path) = with_sidecar(
        DOC,
        &[
            ("The mayor", TagKind::Entity),
            ("Harbor Institute", TagKind::Entity),
            ("handled far fewer", TagKind::Claim),
            ("3 May 2024", TagKind::Date),
        ],
    );
    let mut h = harness(&path);
    // Click the first row, Shift+click the third: three selected together.
    h.get_by_label("The mayor").click();
    h.run();
    h.get_by_label("handled far fewer")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().doc().unwrap().many.len(), 3);
    // Ctrl+click takes one out again.
    h.get_by_label("Harbor Institute")
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().doc().unwrap().many.len(), 2);
    // The inspector's place offers one change for all of them.
    h.get_by_label("Accepted").click();
    h.run();
    let reviewed = |h: &Harness<'_, FactmarkApp>| {
        annotations(h)
            .iter()
            .filter(|a| a.review.status == factmark::core::annotation::ReviewStatus::Accepted)
            .map(|a| a.exact.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(reviewed(&h), ["The mayor", "handled far fewer"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        reviewed(&h).is_empty(),
        "one undo takes back the whole change"
    );
}

#[test]
fn list_filters_and_search() {
    let (_dir, path) = with_sidecar(
        DOC,
        &[
            ("The mayor", TagKind::Entity),
            ("Harbor Institute", TagKind::Entity),
            ("handled far fewer", TagKind::Claim),
            ("3 May 2024", TagKind::Date),
        ],
    );
    let mut h = harness(&path);
    assert_eq!(h.state().pane.list.rows().len(), 4);
    h.state_mut().pane.list.only_tag(Some(TagKind::Entity));
    h.run();
    assert_eq!(h.state().pane.list.rows().len(), 2);
    h.state_mut().pane.list.set_search("institute");
    h.run();
    assert_eq!(h.state().pane.list.rows().len(), 1);
    h.state_mut().pane.list.only_tag(None);
    h.state_mut().pane.list.set_search("fewer");
    h.run();
    let rows = h.state().pane.list.rows().to_vec();
    assert_eq!(rows.len(), 1);
    // J selects the next annotation in the list.
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().doc().unwrap().selected, Some(rows[0]));
}

#[test]
fn tag_all_find_matches_in_one_undoable_step() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().pane.find.open);
    h.state_mut().pane.find.set_query("harbor");
    h.run();
    assert_eq!(h.state().pane.find.matches().len(), 3);
    h.get_by_label("Tag all 3 matches").click();
    h.run();
    let anns = annotations(&h);
    assert_eq!(anns.len(), 3);
    assert!(anns.iter().all(|a| a.exact.eq_ignore_ascii_case("harbor")));
    let said = |h: &Harness<'_, FactmarkApp>| {
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Tagged 3 matches"))
    };
    assert!(said(&h), "the banner says what was done");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(annotations(&h).is_empty());
    assert!(!said(&h), "undone: the banner goes with it");
}

#[test]
fn what_is_typed_right_after_ctrl_f_goes_into_the_find_field() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.step();
    // Typed in the very next frame, before anything else happens.
    h.event(Event::Text("harbor".into()));
    h.step();
    h.run();
    assert_eq!(h.state().pane.find.matches().len(), 3);
    assert!(annotations(&h).is_empty(), "no key reached the document");
}

#[test]
fn the_next_button_moves_on_from_the_match_the_counter_shows() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.state_mut().pane.find.set_query("harbor");
    h.run();
    h.get_by_label("Next").click();
    h.run();
    let sel = h.state().doc().unwrap().selection.unwrap();
    // "1 of 3" was shown: Next selects the second match.
    let starts: Vec<usize> = DOC
        .to_lowercase()
        .match_indices("harbor")
        .map(|(b, _)| DOC[..b].chars().count())
        .collect();
    assert_eq!(sel.start(), starts[1]);
    // And a tag key then tags it, not the search field.
    h.key_press(Key::E);
    h.run();
    assert_eq!(annotations(&h).len(), 1);
    assert_eq!(annotations(&h)[0].start, starts[1]);
}

#[test]
fn tag_all_gives_every_match_the_details_chosen_first() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.state_mut().pane.find.set_query("harbor");
    h.run();
    // Choose the tag and its details in the bar before adding.
    h.state_mut().pane.find.set_template(&Tag::Entity {
        kind: factmark::core::annotation::EntityKind::Place,
        identifier: None,
    });
    h.run();
    h.get_by_label("Tag all 3 matches").click();
    h.run();
    let anns = annotations(&h);
    assert_eq!(anns.len(), 3);
    assert!(
        anns.iter().all(|a| matches!(
            a.tag,
            Tag::Entity {
                kind: factmark::core::annotation::EntityKind::Place,
                ..
            }
        )),
        "{anns:?}"
    );
}

#[test]
fn clicking_overlapping_spans_cycles_through_them() {
    let (_dir, path) = with_sidecar(
        DOC,
        &[
            ("“We doubled the budget,”", TagKind::Quote),
            ("doubled the budget", TagKind::Claim),
        ],
    );
    let mut h = harness(&path);
    let anns = annotations(&h);
    let quote = anns
        .iter()
        .find(|a| a.tag.kind() == TagKind::Quote)
        .unwrap()
        .id;
    let claim = anns
        .iter()
        .find(|a| a.tag.kind() == TagKind::Claim)
        .unwrap()
        .id;
    let (s, _) = find(DOC, "doubled");
    click(&mut h, s + 2);
    assert_eq!(
        h.state().doc().unwrap().selected,
        Some(claim),
        "innermost first"
    );
    click(&mut h, s + 2);
    assert_eq!(h.state().doc().unwrap().selected, Some(quote));
    click(&mut h, s + 2);
    assert_eq!(h.state().doc().unwrap().selected, Some(claim));
}

#[test]
fn a_large_document_lays_out_only_the_visible_paragraphs() {
    let mut text = String::new();
    let mut seed = 7u64;
    for p in 0..20_000 {
        for w in 0..60 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 2 + (seed >> 60) as usize;
            let word: String = (0..len)
                .map(|i| (b'a' + ((seed >> ((i * 3) % 60)) % 26) as u8) as char)
                .collect();
            text.push_str(&word);
            text.push(if w == 59 { '.' } else { ' ' });
        }
        text.push_str(&format!(" ({p})\n"));
    }
    assert!(text.len() > 4_000_000);
    let (_dir, path) = setup(&text);
    let mut h = harness(&path);
    let visible = h.state().view().unwrap().visible_paragraphs().len();
    assert!(visible > 0 && visible < 60, "{visible} paragraphs drawn");
    assert!(h.state().view().unwrap().laid_out_last_frame() < 60);
    // A steady frame lays out nothing new.
    h.run();
    assert_eq!(h.state().view().unwrap().laid_out_last_frame(), 0);
    // Scrolling to the end shows the last paragraph in one frame.
    let last = text.chars().count() - 3;
    h.state_mut().view_mut().unwrap().scroll_to(last);
    h.run_steps(2);
    let doc = h.state().doc().unwrap();
    let last_para = doc.session.text.paragraph_at(last);
    assert!(
        h.state()
            .view()
            .unwrap()
            .visible_paragraphs()
            .contains(&last_para)
    );
    assert!(h.state().view().unwrap().laid_out_last_frame() < 60);
}

#[test]
fn suggested_dates_are_added_only_when_accepted() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.state_mut().windows.suggest = true;
    h.run();
    assert!(annotations(&h).is_empty(), "nothing is added by looking");
    let n = h
        .state()
        .windows
        .suggest_pane
        .pending()
        .filter(|s| s.kind() == TagKind::Date)
        .count();
    assert!(n >= 1);
    let label = if n == 1 {
        "Accept 1 date".to_owned()
    } else {
        format!("Accept {n} dates")
    };
    h.get_by_label(&label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = Session::open(&path).unwrap();
    let dates: Vec<String> = saved
        .annotations
        .iter()
        .filter_map(|a| match &a.tag {
            Tag::Date { value } => value.as_ref().map(|v| v.to_string()),
            _ => None,
        })
        .collect();
    assert!(dates.contains(&"2024-05-03".to_owned()), "{dates:?}");
    assert_eq!(dates.len(), n);
}

/// A file dropped onto the window, as the windowing layer reports it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_opens_it() {
    let (_dir, path) = setup(DOC);
    private_recovery_dir();
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(
            |ui, app: &mut FactmarkApp| app.ui_body(ui),
            FactmarkApp::new(settings(), None),
        );
    h.run();
    assert!(h.state().doc().is_none());
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run_steps(1);
    common::wait_for_reading(&mut h);
    assert_eq!(h.state().doc().unwrap().path(), path);
}

#[test]
fn every_document_opens_at_its_own_place() {
    let dir = tempfile::tempdir().unwrap();
    let long = "A paragraph of filler text about the harbor.\n\n".repeat(300);
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &long).unwrap();
    std::fs::write(&b, &long).unwrap();
    let mut h = harness(&a);
    let end = long.chars().count() - 5;
    h.state_mut().apply(factmark::ui::Action::ScrollTo(end));
    h.run_steps(4);
    let last = |h: &Harness<'_, FactmarkApp>| h.state().view().unwrap().visible_paragraphs();
    let far = h.state().doc().unwrap().session.text.paragraph_at(end);
    assert!(last(&h).contains(&far), "scrolled to the end");

    // Another document opens at its top, not where the first one was.
    common::open_in_window(&mut h, &b);
    assert!(last(&h).contains(&0), "b opens at its top: {:?}", last(&h));

    // The first one, opened again, is where it was left.
    common::open_in_window(&mut h, &a);
    assert!(
        last(&h).contains(&far),
        "a is where it was left: {:?}",
        last(&h)
    );
}

#[test]
fn annotations_saved_elsewhere_are_offered_when_the_document_is_opened_again() {
    let (dir, doc) = with_sidecar(DOC, &[("harbor", TagKind::Entity)]);
    // Save As put the latest annotations (two of them) in another file.
    let elsewhere = dir.path().join("mine.ann.ron.copy.ron");
    let mut s = Session::open_with_sidecar(&doc, &elsewhere).unwrap();
    for a in Session::open(&doc).unwrap().annotations.iter() {
        s.annotations.insert(a.clone());
    }
    let (start, end) = find(DOC, "Harbor Institute");
    let a = Annotation::new(
        &s.text,
        start,
        end,
        Tag::new(TagKind::Entity),
        "t",
        chrono::Utc::now(),
    )
    .unwrap();
    s.annotations.insert(a);
    s.save().unwrap();

    private_recovery_dir();
    let mut settings = settings();
    settings.saved_as(&doc, &elsewhere);
    let app = FactmarkApp::new(settings, Some(doc.clone()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(3);
    assert_eq!(
        annotations(&h).len(),
        1,
        "the document's own sidecar is opened"
    );
    let offer = h
        .state()
        .notices()
        .iter()
        .find_map(|n| n.actions.first().map(|(_, a)| a.clone()))
        .expect("the annotations saved elsewhere are offered");
    h.state_mut().apply(offer);
    common::wait_for_reading(&mut h);
    assert_eq!(annotations(&h).len(), 2, "the latest annotations are open");
    assert_eq!(h.state().doc().unwrap().session.sidecar_path, elsewhere);
}

#[test]
fn a_document_reopens_where_it_was_left_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..300)
        .map(|i| format!("Paragraph {i} of filler text about the harbor.\n\n"))
        .collect();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, &long).unwrap();
    let mut h = harness(&a);
    let middle = long.find("Paragraph 150 ").unwrap();
    h.state_mut().apply(factmark::ui::Action::ScrollTo(middle));
    h.run_steps(4);
    h.state_mut().apply(factmark::ui::Action::Do(Intent::Close));
    let settings = h.state().settings.clone();
    let place = settings.place_of(&a).expect("the place is remembered");
    assert!(place > 0 && place <= middle, "{place}");

    // A new window (as after a restart), with the remembered settings.
    let app = FactmarkApp::new(settings, Some(a.clone()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(4);
    let doc = h.state().doc().unwrap();
    // The paragraph left at the top is at the top again (give or take the page's margin).
    let top = h.state().view().unwrap().visible_paragraphs()[0];
    let want = doc.session.text.paragraph_at(place);
    assert!(
        top.abs_diff(want) <= 1,
        "opens where it was left: {top} vs {want}"
    );
}

/// A click with Shift held just after char `offset`.
fn shift_click(h: &mut Harness<'_, FactmarkApp>, offset: usize) {
    let p = char_pos(h, offset) + Vec2::new(1.0, 0.0);
    h.hover_at(p);
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    h.event(Event::PointerButton {
        pos: p,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::SHIFT,
    });
    h.run();
    h.event(Event::PointerButton {
        pos: p,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(2);
}

#[test]
fn shift_click_moves_the_edge_of_an_annotation_selected_by_a_click_on_it() {
    // The click on the annotation also places a caret there; Shift+click still moves the
    // annotation's edge rather than selecting text from that caret.
    let (_dir, path) = with_sidecar(DOC, &[("harbor handled", TagKind::Claim)]);
    let mut h = harness(&path);
    let a = annotations(&h)[0].clone();
    let (start, _) = find(DOC, "harbor handled");
    click(&mut h, start + 2);
    assert_eq!(
        h.state().doc().unwrap().selected,
        Some(a.id),
        "the click selected it"
    );
    let (_, end) = find(DOC, "harbor handled 4.2 million containers");
    shift_click(&mut h, end);
    let after = annotations(&h);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].exact, "harbor handled 4.2 million containers");
}

#[test]
fn moving_an_edge_onto_the_space_before_a_word_leaves_the_space_out() {
    let (_dir, path) = with_sidecar(DOC, &[("handled 4.2", TagKind::Claim)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    let (word, _) = find(DOC, "harbor handled 4.2");
    h.state_mut()
        .apply(factmark::ui::Action::Do(Intent::Reach(id, word - 1)));
    h.run();
    assert_eq!(annotations(&h)[0].exact, "harbor handled 4.2");
}

#[test]
fn shift_click_anywhere_on_a_word_outside_the_span_takes_the_word_whole() {
    let (_dir, path) = with_sidecar(DOC, &[("handled 4.2", TagKind::Claim)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    select_annotation(&mut h, id);
    // On the last letters of the word before the span: the start takes the whole word.
    let (word, _) = find(DOC, "harbor handled 4.2");
    shift_click(&mut h, word + 4);
    assert_eq!(annotations(&h)[0].exact, "harbor handled 4.2");
    // On the first letters of the word after it: the end takes that word whole.
    let (_, end) = find(DOC, "harbor handled 4.2 mi");
    shift_click(&mut h, end - 1);
    assert_eq!(annotations(&h)[0].exact, "harbor handled 4.2 million");
}

#[test]
fn shift_click_adjusts_the_selected_annotations_span() {
    let (_dir, path) = with_sidecar(DOC, &[("harbor handled", TagKind::Claim)]);
    let mut h = harness(&path);
    let a = annotations(&h)[0].clone();
    select_annotation(&mut h, a.id);
    // Shift+click after "containers": the end moves there, the annotation is the same one.
    let (_, end) = find(DOC, "harbor handled 4.2 million containers");
    shift_click(&mut h, end);
    let after = annotations(&h);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].id, a.id, "the same annotation");
    assert_eq!(after[0].exact, "harbor handled 4.2 million containers");
    // One undo step puts the span back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(annotations(&h)[0].exact, "harbor handled");
}

#[test]
fn dragging_an_edge_of_the_selected_annotation_moves_it_in_one_step() {
    let (_dir, path) = with_sidecar(DOC, &[("the harbor", TagKind::Entity)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    select_annotation(&mut h, id);
    let (_, end) = find(DOC, "the harbor");
    let (_, further) = find(DOC, "the harbor handled");
    // Take the end edge exactly and drop it after "handled".
    let (a, b) = (
        char_pos(&h, end),
        char_pos(&h, further) - Vec2::new(1.0, 0.0),
    );
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(b);
    h.run();
    h.drop_at(b);
    h.run();
    let a0 = annotations(&h).into_iter().find(|a| a.id == id).unwrap();
    assert_eq!(a0.exact, "the harbor handled", "the same annotation, wider");
    assert_eq!(
        h.state().doc().unwrap().selection,
        None,
        "no text was selected"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let a0 = annotations(&h).into_iter().find(|a| a.id == id).unwrap();
    assert_eq!(a0.exact, "the harbor");
}

#[test]
fn a_drag_from_the_next_words_first_letter_selects_it_and_leaves_the_annotation() {
    let (_dir, path) = with_sidecar(DOC, &[("the harbor", TagKind::Entity)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    select_annotation(&mut h, id);
    // From the first letter of "handled", a space past the annotation's end, to its end.
    let (start, end) = find(DOC, "handled");
    drag(&mut h, start, end);
    let a0 = annotations(&h).into_iter().find(|a| a.id == id).unwrap();
    assert_eq!(a0.exact, "the harbor", "the annotation is as it was");
    let selection = h.state().doc().unwrap().selection.expect("a selection");
    assert_eq!(
        (
            selection.anchor.min(selection.head),
            selection.anchor.max(selection.head)
        ),
        (start, end),
        "the word is selected"
    );
}

#[test]
fn a_drag_over_text_lets_go_of_the_selected_annotation_so_a_tag_key_never_retags_it() {
    let (_dir, path) = with_sidecar(DOC, &[("the harbor", TagKind::Entity)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    select_annotation(&mut h, id);
    let (start, end) = find(DOC, "Critics");
    drag(&mut h, start, end);
    assert_eq!(
        h.state().doc().unwrap().selected,
        None,
        "the drag let go of it"
    );
    // With the text it selected taken away (as a drag that selected nothing leaves it), a
    // tag key has nothing to tag.
    h.state_mut()
        .apply(factmark::ui::Action::Do(Intent::Select(None)));
    h.run();
    h.key_press(Key::Q);
    h.run();
    let all = annotations(&h);
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].tag.kind(),
        TagKind::Entity,
        "the annotation kept its tag"
    );
}

#[test]
fn an_annotation_deep_in_a_long_paragraph_far_down_is_brought_into_view() {
    // Short paragraphs, then one of many lines whose last sentence is tagged.
    let short = "The harbor authority met again.\n\n".repeat(60);
    let long = "The count of containers rose again this year, the authority said. ".repeat(60);
    let doc = format!("{short}{long}The mayor was wrong about the harbor.\n\nThe end.\n");
    let (_dir, path) = with_sidecar(&doc, &[("The mayor was wrong", TagKind::Claim)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    h.state_mut()
        .apply(factmark::ui::Action::Do(Intent::SelectAnnotation {
            id: Some(id),
            reveal: true,
        }));
    h.run_steps(6);
    let (start, _) = find(&doc, "The mayor was wrong");
    let at = h
        .state()
        .view()
        .unwrap()
        .screen_pos_of(&h.state().doc().unwrap().session.text, start)
        .expect("its paragraph is on screen");
    let shown = h.state().view().unwrap().text_rect().unwrap();
    assert!(
        shown.y_range().contains(at.y),
        "the annotation at y {} is inside the view {:?}",
        at.y,
        shown.y_range()
    );
}

#[test]
fn a_document_comes_back_at_the_line_it_was_left_at() {
    let dir = tempfile::tempdir().unwrap();
    // Long paragraphs: several lines each, so the place is inside a paragraph.
    let para = "The harbor authority said the count of containers rose again this year. ".repeat(8);
    let long = format!("{para}\n\n").repeat(40);
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &long).unwrap();
    std::fs::write(&b, &long).unwrap();
    let mut h = harness(&a);
    let middle = long.chars().count() / 2 + 200;
    h.state_mut().apply(factmark::ui::Action::ScrollTo(middle));
    h.run_steps(4);
    let top = |h: &Harness<'_, FactmarkApp>| {
        let text = &h.state().doc().unwrap().session.text;
        h.state().view().unwrap().top_offset(text).unwrap()
    };
    let left_at = top(&h);
    let text = h.state().doc().unwrap().session.text.clone();
    assert!(
        left_at > text.paragraphs()[text.paragraph_at(left_at)].start,
        "the top line is inside a paragraph"
    );
    common::open_in_window(&mut h, &b);
    common::open_in_window(&mut h, &a);
    assert_eq!(top(&h), left_at, "back at the same line");
}

#[test]
fn the_empty_find_bar_lays_its_buttons_out_beside_the_field_not_over_it() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    let rect_of = |h: &Harness<'_, FactmarkApp>, label: &str| h.get_by_label(label).rect();
    let field = h
        .get_all(egui_kittest::kittest::by().role(egui::accesskit::Role::TextInput))
        .map(|n| n.rect())
        .next()
        .expect("the find field");
    for label in ["Previous", "Next", "Match case", "Whole word"] {
        let r = rect_of(&h, label);
        assert!(
            !r.intersects(field),
            "{label} {r:?} is drawn over the find field {field:?}"
        );
    }
    assert!(!rect_of(&h, "Previous").intersects(rect_of(&h, "Match case")));
}

/// The selected claim's verdict list (an unrated claim's).
fn verdict_list<'h>(h: &'h Harness<'_, FactmarkApp>) -> egui_kittest::Node<'h> {
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| format!("{n:?}").contains("Unrated"))
        .expect("the verdict list")
}

#[test]
fn keys_pressed_in_an_open_verdict_list_go_to_the_list_only() {
    // With the find bar open, the claim's verdict list open: Esc closes the list only, and
    // a tag key does not retag the claim.
    let (_dir, path) = with_sidecar(DOC, &[("handled 4.2 million containers", TagKind::Claim)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    select_annotation(&mut h, id);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(h.state().pane.find.open);
    // Leave the find field, then open the verdict list.
    h.key_press(Key::Escape);
    h.run();
    verdict_list(&h).click();
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx), "the list is open");
    h.key_press(Key::Q);
    h.run();
    assert_eq!(annotations(&h)[0].tag.kind(), TagKind::Claim);
    h.key_press(Key::Escape);
    h.run();
    assert!(!egui::Popup::is_any_open(&h.ctx), "Esc closed the list");
    assert!(h.state().pane.find.open, "and not the find bar");
    // Enter in the list picks a verdict, and does not step the find bar to a match.
    verdict_list(&h).click();
    h.run();
    let selection = h.state().doc().unwrap().selection;
    for _ in 0..3 {
        h.key_press(Key::ArrowDown);
        h.run();
    }
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert!(
        !matches!(
            annotations(&h)[0].tag,
            factmark::core::annotation::Tag::Claim {
                verdict: factmark::core::annotation::Verdict::Unrated,
                ..
            }
        ),
        "Enter chose a verdict"
    );
    assert!(!egui::Popup::is_any_open(&h.ctx), "and closed the list");
    assert!(h.state().pane.find.open, "the find bar stays");
    assert_eq!(
        h.state().doc().unwrap().selection,
        selection,
        "no match was selected"
    );
}

#[test]
fn earlier_messages_fold_away_and_errors_stay() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    h.state_mut().banners.show(factmark::ui::Notice::error(
        "Saving failed: the folder is read-only.",
    ));
    for k in 1..=4 {
        h.state_mut()
            .banners
            .show(factmark::ui::Notice::info(format!("Exported report {k}.")));
    }
    h.run();
    // The error and the newest two messages are drawn; two earlier ones are folded.
    assert!(
        h.query_by_label("Saving failed: the folder is read-only.")
            .is_some()
    );
    assert!(h.query_by_label("Exported report 4.").is_some());
    assert!(h.query_by_label("Exported report 3.").is_some());
    assert!(h.query_by_label("Exported report 2.").is_none());
    h.get_by_label("Show 2 earlier messages").click();
    h.run();
    assert!(h.query_by_label("Exported report 1.").is_some());
    h.get_by_label("Hide earlier messages").click();
    h.run();
    assert!(h.query_by_label("Exported report 1.").is_none());
    assert_eq!(h.state().banners.shown().len(), 5, "folded, not dismissed");
}

/// The combo box showing `label`.
fn combo_showing<'h>(h: &'h Harness<'_, FactmarkApp>, label: &str) -> egui_kittest::Node<'h> {
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| format!("{n:?}").contains(label))
        .expect("the list")
}

#[test]
fn down_in_an_opened_verdict_list_goes_to_the_verdict_after_the_current_one() {
    use factmark::core::annotation::{Tag, Verdict};
    let (_dir, path) = with_sidecar(DOC, &[("handled 4.2 million containers", TagKind::Claim)]);
    let mut h = harness(&path);
    let id = annotations(&h)[0].id;
    select_annotation(&mut h, id);
    let verdict = |h: &Harness<'_, FactmarkApp>| match annotations(h)[0].tag {
        Tag::Claim { verdict, .. } => verdict,
        _ => panic!("not a claim"),
    };
    // Unrated, then Down and Enter: the next verdict, True.
    for (shown, next) in [
        ("Unrated", Verdict::True),
        ("True", Verdict::MostlyTrue),
        ("Mostly true", Verdict::Mixed),
    ] {
        combo_showing(&h, shown).click();
        h.run();
        h.run();
        h.key_press(Key::ArrowDown);
        h.run();
        h.key_press(Key::Enter);
        h.run();
        h.run();
        assert_eq!(verdict(&h), next, "Down from {shown}");
        assert!(!egui::Popup::is_any_open(&h.ctx), "Enter closed the list");
    }
}

#[test]
fn selecting_down_by_lines_takes_whole_words_and_keeps_to_its_column() {
    // One long paragraph of words of many lengths, wrapped over many lines.
    let words = [
        "harbor",
        "a",
        "containers",
        "of",
        "shipping",
        "in",
        "extraordinarily",
        "to",
        "the",
        "mayor",
        "budget",
        "at",
        "quay",
    ];
    let text: String = (0..400)
        .map(|i| words[(i * 7 + i / 3) % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
        + ".\n";
    let (_dir, path) = setup(&text);
    let mut h = harness(&path);
    let start = text.find("extraordinarily").unwrap() + 4;
    click(&mut h, start);
    let x0 = char_pos(&h, start).x;
    let chars: Vec<char> = text.chars().collect();
    for k in 1..=8 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
        h.run();
        let sel = h.state().doc().unwrap().selection.expect("a selection");
        assert_eq!(
            sel.anchor,
            start - 4,
            "the selection grows from the start of the word the caret is in"
        );
        let head = sel.head;
        assert!(
            !(chars[head - 1].is_alphanumeric() && chars[head].is_alphanumeric()),
            "line {k}: the selection ends between words, not in `{}`",
            chars[head.saturating_sub(8)..head + 8]
                .iter()
                .collect::<String>()
        );
        let x = char_pos(&h, head).x;
        assert!(
            x >= x0 - 1.0 && x - x0 < 120.0,
            "line {k}: the end stays near its column ({x} from {x0})"
        );
    }
}

#[test]
fn shift_click_on_another_annotation_selects_it_and_changes_neither() {
    let (_dir, path) = with_sidecar(
        DOC,
        &[
            ("The mayor", TagKind::Entity),
            ("4.2 million containers", TagKind::Claim),
        ],
    );
    let mut h = harness(&path);
    let before = annotations(&h);
    let mayor = before.iter().find(|a| a.exact == "The mayor").unwrap().id;
    let claim = before.iter().find(|a| a.exact != "The mayor").unwrap().id;
    let (start, _) = find(DOC, "mayor said");
    click(&mut h, start + 1);
    assert_eq!(h.state().doc().unwrap().selected, Some(mayor));
    let (inside, _) = find(DOC, "million containers");
    shift_click(&mut h, inside + 2);
    assert_eq!(
        annotations(&h),
        before,
        "the entity did not grow over the claim"
    );
    assert_eq!(h.state().doc().unwrap().selected, Some(claim));
    // Outside any other annotation, Shift+click still moves the selected one's edge.
    let (said, _) = find(DOC, "said the harbor");
    shift_click(&mut h, said + 1);
    let grown = annotations(&h);
    assert_eq!(
        grown.iter().find(|a| a.id == claim).unwrap().exact,
        "said the harbor handled 4.2 million containers"
    );
}

#[test]
fn shift_click_extends_a_text_selection_to_the_whole_word_clicked() {
    let (_dir, path) = setup(DOC);
    let mut h = harness(&path);
    let (start, end) = find(DOC, "Harbor");
    drag(&mut h, start, end);
    let (institute, _) = find(DOC, "Institute");
    shift_click(&mut h, institute + 3);
    let doc = h.state().doc().unwrap();
    let sel = doc.selection.expect("a selection");
    assert_eq!(
        doc.session.text.slice(sel.start()..sel.end()),
        "Harbor Institute"
    );
}

/// A window reading `path` on another thread, which reads it only once `go` is sent.
fn window_reading(path: &Path) -> (Harness<'static, FactmarkApp>, std::sync::mpsc::Sender<()>) {
    common::private_recovery_dir();
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let reading = factmark::workspace::Reading::with(path.to_owned(), move |p| {
        let _ = wait.recv();
        factmark::workspace::Document::open(p)
    });
    let app = FactmarkApp::with_reading(
        Settings {
            author: "tester".into(),
            ..Settings::default()
        },
        reading,
    );
    let h = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(800.0, 600.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    (h, go)
}

#[test]
fn a_document_read_on_another_thread_shows_in_the_window_once_read() {
    // The window shows at once, saying the document is being read; the document comes when
    // it is.
    let (_dir, path) = setup(DOC);
    let (mut h, go) = window_reading(&path);
    h.run_steps(2);
    assert!(h.state().is_reading());
    assert!(h.query_by_label("Reading article.txt…").is_some());
    assert!(h.state().doc().is_none());
    go.send(()).unwrap();
    common::wait_for_reading(&mut h);
    assert_eq!(
        h.state().doc().map(|d| d.path().to_owned()),
        Some(path.clone())
    );
}

#[test]
fn esc_stops_waiting_for_a_document_being_read() {
    let (_dir, path) = setup(DOC);
    let (mut h, go) = window_reading(&path);
    h.run_steps(2);
    assert!(h.state().is_reading());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().is_reading(), "Esc stopped waiting");
    // What is read after the person stopped waiting is dropped, not shown.
    go.send(()).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(50));
    h.run_steps(3);
    assert!(h.state().doc().is_none());
}

#[test]
fn a_document_opened_from_the_window_is_read_while_the_one_shown_stays() {
    let (dir, a) = setup(DOC);
    let b = dir.path().join("other.txt");
    std::fs::write(&b, "The port opened in 1911.\n").unwrap();
    let mut h = harness(&a);
    h.run_steps(2);
    h.state_mut()
        .apply(factmark::ui::Action::Do(Intent::Open(b.clone())));
    // Until it is read, the document shown is still the current one.
    assert!(h.state().is_reading());
    assert_eq!(
        h.state().doc().map(|d| d.path().to_owned()),
        Some(a.clone())
    );
    common::wait_for_reading(&mut h);
    assert_eq!(h.state().doc().map(|d| d.path().to_owned()), Some(b));
}
