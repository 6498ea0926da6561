//! The inspector's fields, the find bar's options and the span review's details, driven
//! headless: names offered in the speaker and claimant fields while the keys stay in the
//! field, the identifier's hint, whole-word find, and a selected span's full note and comment.

mod common;

use common::annotations;
use common::private_recovery_dir;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::{Annotation, EntityKind, Tag, TagKind, Verdict};
use factmark::store::Session;
use factmark::ui::{Action, FactmarkApp, Mode, Selection, Settings};
use factmark::workspace::Intent;

const DOC: &str = "“We will cut the deficit,” said Cédric Dupont on Monday. Diane Dubois, the \
finance minister, disagreed. “It cannot be done,” she said. The Dubois Foundation declined to \
comment.\n";

fn span(text: &str, needle: &str) -> (usize, usize) {
    let start = text[..text.find(needle).unwrap()].chars().count();
    (start, start + needle.chars().count())
}

/// `text` saved as `name` in `dir` with these annotations in its sidecar.
fn annotated(dir: &Path, name: &str, text: &str, spans: &[(&str, Tag, &str)]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let mut s = Session::open(&path).unwrap();
    for (needle, tag, note) in spans {
        let (start, end) = span(text, needle);
        let mut a =
            Annotation::new(&s.text, start, end, tag.clone(), "ana", chrono::Utc::now()).unwrap();
        a.note = (*note).to_owned();
        s.annotations.insert(a);
    }
    s.save().unwrap();
    path
}

fn entity(kind: EntityKind) -> Tag {
    Tag::Entity {
        kind,
        identifier: None,
    }
}

/// The article with a quote whose speaker is known, a quote without one, a claim without a
/// claimant, and a person and an organization.
fn article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = annotated(
        dir.path(),
        "article.txt",
        DOC,
        &[
            (
                "We will cut the deficit",
                Tag::Quote {
                    speaker: Some("Cédric Dupont".into()),
                },
                "",
            ),
            ("Diane Dubois", entity(EntityKind::Person), ""),
            ("Dubois Foundation", entity(EntityKind::Organization), ""),
            ("It cannot be done", Tag::Quote { speaker: None }, ""),
            (
                "declined to comment",
                Tag::Claim {
                    verdict: Verdict::Unrated,
                    claimant: None,
                },
                "",
            ),
        ],
    );
    (dir, path)
}

fn harness(path: &Path, size: Vec2) -> Harness<'static, FactmarkApp> {
    private_recovery_dir();
    let settings = Settings {
        author: "tester".into(),
        ..Settings::default()
    };
    let app = FactmarkApp::new(settings, Some(path.to_owned()));
    let mut h = Harness::builder()
        .with_size(size)
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    common::wait_for_folder(&mut h);
    h.run_steps(3);
    h
}

fn annotation_at(h: &Harness<'_, FactmarkApp>, exact: &str) -> Annotation {
    annotations(h)
        .into_iter()
        .find(|a| a.exact == exact)
        .unwrap()
}

/// Selects the annotation on `exact` (the inspector shows it), then selects other text, so
/// that a tag key reaching the document would tag it.
fn inspect(h: &mut Harness<'_, FactmarkApp>, exact: &str) {
    let id = annotation_at(h, exact).id;
    h.state_mut().apply(Action::Do(Intent::SelectAnnotation {
        id: Some(id),
        reveal: false,
    }));
    let (start, end) = span(DOC, "Monday");
    h.state_mut()
        .apply(Action::Do(Intent::Select(Some(Selection {
            anchor: start,
            head: end,
        }))));
    h.run_steps(2);
}

fn type_text(h: &mut Harness<'_, FactmarkApp>, text: &str) {
    h.event(Event::Text(text.into()));
    h.run_steps(2);
}

fn press(h: &mut Harness<'_, FactmarkApp>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn field(h: &mut Harness<'_, FactmarkApp>, label: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run_steps(2);
}

/// Where the name is offered under the field, if it is.
fn offered(h: &Harness<'_, FactmarkApp>, name: &str) -> Option<egui::Rect> {
    h.query_by_role_and_label(Role::Button, name)
        .map(|n| n.rect())
}

fn speaker(h: &Harness<'_, FactmarkApp>, exact: &str) -> Option<String> {
    match annotation_at(h, exact).tag {
        Tag::Quote { speaker } => speaker,
        Tag::Claim { claimant, .. } => claimant,
        other => panic!("not a quote or claim: {other:?}"),
    }
}

#[test]
fn typing_part_of_a_name_offers_it_and_enter_fills_the_speaker() {
    let (_dir, path) = article();
    let mut h = harness(&path, Vec2::new(1280.0, 800.0));
    inspect(&mut h, "It cannot be done");
    let before = annotations(&h).len();
    field(&mut h, "Speaker");
    // C, E and D are tag keys in the document: here they are letters of a name.
    type_text(&mut h, "ced");
    assert!(
        offered(&h, "Cédric Dupont").is_some(),
        "the name used for the other quote is offered, accents ignored"
    );
    press(&mut h, Key::Enter);
    assert_eq!(
        speaker(&h, "It cannot be done").as_deref(),
        Some("Cédric Dupont")
    );
    assert_eq!(annotations(&h).len(), before, "no key tagged anything");
    assert_eq!(
        h.state()
            .doc()
            .unwrap()
            .selection
            .map(|s| (s.start(), s.end())),
        Some(span(DOC, "Monday")),
        "the document's selection is untouched"
    );
    assert!(
        h.query_by_label("Cédric Dupont").is_none(),
        "the list is closed"
    );
}

#[test]
fn arrows_choose_among_names_esc_closes_the_list_and_a_click_fills_the_claimant() {
    let (_dir, path) = article();
    let mut h = harness(&path, Vec2::new(1280.0, 800.0));
    inspect(&mut h, "declined to comment");
    let before = annotations(&h).len();
    field(&mut h, "Claimant");
    type_text(&mut h, "dub");
    // The organization's name starts with it: it comes first; the person's second word does.
    let both = |h: &Harness<'_, FactmarkApp>| {
        (
            offered(h, "Dubois Foundation").map(|r| r.min.y),
            offered(h, "Diane Dubois").map(|r| r.min.y),
        )
    };
    let (org, person) = both(&h);
    assert!(org.unwrap() < person.unwrap(), "best match first");

    // Esc closes the list but keeps the field and the selected annotation.
    press(&mut h, Key::Escape);
    assert_eq!(both(&h), (None, None));
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Claimant")
            .is_focused()
    );
    let selected = h.state().doc().unwrap().selected;
    assert_eq!(selected, Some(annotation_at(&h, "declined to comment").id));

    // Typing on offers them again; ↓ then Enter takes the second.
    type_text(&mut h, "o");
    assert!(both(&h).0.is_some());
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    assert_eq!(
        speaker(&h, "declined to comment").as_deref(),
        Some("Diane Dubois")
    );

    // A click on a name fills the field with it, whatever was typed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "foundation");
    h.get_by_role_and_label(Role::Button, "Dubois Foundation")
        .click();
    h.run_steps(2);
    assert_eq!(
        speaker(&h, "declined to comment").as_deref(),
        Some("Dubois Foundation")
    );
    assert_eq!(annotations(&h).len(), before);
}

#[test]
fn names_from_the_folder_are_offered_after_the_documents_own() {
    let (_dir, path) = article();
    let mut h = harness(&path, Vec2::new(1280.0, 800.0));
    h.state_mut()
        .pane
        .inspector
        .set_folder_names(vec!["Cecilia Dunn".into(), "Cédric Dupont".into()]);
    inspect(&mut h, "It cannot be done");
    field(&mut h, "Speaker");
    type_text(&mut h, "c d");
    assert_eq!(
        h.state().pane.inspector.name_suggestions("c d"),
        ["Cédric Dupont", "Cecilia Dunn"]
    );
    assert!(offered(&h, "Cecilia Dunn").is_some());
}

#[test]
fn a_name_used_in_another_document_of_the_folder_is_offered() {
    let (dir, _) = article();
    annotated(
        dir.path(),
        "other.txt",
        "Minister Cecilia Dunn spoke at length.\n",
        &[("Cecilia Dunn", entity(EntityKind::Person), "")],
    );
    let mut h = harness(dir.path(), Vec2::new(1280.0, 800.0));
    let folder = h.state().ws.folder.as_ref().unwrap();
    let i = folder.index_of(&dir.path().join("article.txt")).unwrap();
    h.state_mut()
        .apply(factmark::ui::Action::Do(factmark::workspace::Intent::Show(
            i,
        )));
    h.run_steps(2);
    inspect(&mut h, "It cannot be done");
    field(&mut h, "Speaker");
    type_text(&mut h, "cec");
    assert_eq!(
        h.state().pane.inspector.name_suggestions("cec"),
        ["Cecilia Dunn"]
    );
}

#[test]
fn an_identifier_that_is_not_one_shows_what_is_expected() {
    let (_dir, path) = article();
    let mut h = harness(&path, Vec2::new(1280.0, 800.0));
    inspect(&mut h, "Diane Dubois");
    let identifier = |h: &Harness<'_, FactmarkApp>| match annotation_at(h, "Diane Dubois").tag {
        Tag::Entity { identifier, .. } => identifier,
        other => panic!("{other:?}"),
    };
    let expected = "Expected a Wikidata id like Q42 or a web address (https://…)";
    field(&mut h, "Identifier");
    type_text(&mut h, "Dubois");
    assert!(h.query_by_label(expected).is_some());
    // What was typed is kept, not lost.
    assert_eq!(identifier(&h).as_deref(), Some("Dubois"));

    // A Wikidata item written another way is stored as its id, and the field says so.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "wd:Q42");
    assert!(h.query_by_label(expected).is_none());
    assert!(
        h.query_by_label("Saved as Q42, the Wikidata item’s id")
            .is_some()
    );
    assert_eq!(identifier(&h).as_deref(), Some("Q42"));

    // A web address needs no hint.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "https://example.org/dubois");
    assert!(h.query_by_label(expected).is_none());
    assert!(h.query_by_label_contains("Saved as").is_none());
    assert_eq!(
        identifier(&h).as_deref(),
        Some("https://example.org/dubois")
    );
}

#[test]
fn whole_word_find_does_not_match_inside_words() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Art and the artist: part of the art.\n";
    let path = annotated(dir.path(), "art.txt", text, &[]);
    let mut h = harness(&path, Vec2::new(1280.0, 800.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.state_mut().pane.find.set_query("art");
    h.run();
    assert_eq!(h.state().pane.find.matches().len(), 4);
    h.get_by_label("Whole word").click();
    h.run();
    let found: Vec<(usize, usize)> = h.state().pane.find.matches().to_vec();
    assert_eq!(
        found,
        [span(text, "Art"), span(text, "art.")].map(|(s, _)| (s, s + 3))
    );
    h.get_by_label("Match case").click();
    h.run();
    assert_eq!(h.state().pane.find.matches().len(), 1);
    // Tagging all matches tags only the whole words.
    h.get_by_label("Tag the match").click();
    h.run();
    assert_eq!(annotations(&h).len(), 1);
    assert_eq!(annotations(&h)[0].exact, "art");
    assert_eq!(annotations(&h)[0].tag.kind(), TagKind::Entity);
}

#[test]
fn span_review_shows_the_selected_spans_whole_note_and_comment() {
    let dir = tempfile::tempdir().unwrap();
    let note = format!(
        "{} The ministry's own figures for the last quarter say otherwise.",
        "The deficit was cut by two percent according to the budget office. ".repeat(5)
    );
    annotated(
        dir.path(),
        "article.txt",
        DOC,
        &[(
            "We will cut the deficit",
            Tag::Claim {
                verdict: Verdict::MostlyFalse,
                claimant: None,
            },
            &note,
        )],
    );
    let comment = "Check the budget office's report before accepting; the quarter matters.";
    let mut h = harness(dir.path(), Vec2::new(1280.0, 800.0));
    h.state_mut().mode = Mode::Spans;
    h.run_steps(2);
    let (d, id) = h.state().folder_views.spans.selected().unwrap();
    h.state_mut().apply(Action::Do(Intent::Review {
        doc: d,
        id,
        status: factmark::core::annotation::ReviewStatus::NeedsWork,
        comment: Some(comment.into()),
    }));
    h.run_steps(2);
    assert!(
        h.query_by_label(&note).is_some(),
        "the whole note is shown, not cut at the table's cell"
    );
    assert!(h.query_by_label(comment).is_some());
    assert!(
        h.query_by_label_contains("We will cut the deficit")
            .is_some()
    );
}

#[test]
fn enter_in_the_review_comment_keeps_it_and_stays_in_the_review() {
    let dir = tempfile::tempdir().unwrap();
    annotated(
        dir.path(),
        "article.txt",
        DOC,
        &[("Diane Dubois", entity(EntityKind::Person), "")],
    );
    let mut h = harness(dir.path(), Vec2::new(1280.0, 800.0));
    h.state_mut().mode = Mode::Spans;
    h.run_steps(2);
    press(&mut h, Key::C);
    type_text(&mut h, "Check the spelling");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().mode, Mode::Spans, "Enter left the field only");
    let (d, id) = h.state().folder_views.spans.selected().unwrap();
    let folder = h.state().ws.folder.as_ref().unwrap();
    let doc = folder.docs[d].as_ref().unwrap().session().unwrap();
    assert_eq!(
        doc.annotations.get(id).unwrap().review.comment.as_deref(),
        Some("Check the spelling")
    );
}
