//! Every command of the keyboard table, pressed in the headless window in the view where the
//! F1 sheet says it works, does what the sheet says; and the sheet of each view lists exactly
//! the commands whose keys work there.

mod common;

use common::annotations;
use common::private_recovery_dir;

use std::path::Path;
use std::time::Duration;

use egui::{KeyboardShortcut, Vec2};
use egui_kittest::Harness;
use factmark::core::annotation::{Annotation, ReviewStatus, Tag, TagKind};
use factmark::store::Session;
use factmark::ui::{
    Action, COMMANDS, Cmd, FactmarkApp, Mode, Motion, Move, Scope, Selection, Settings,
};
use factmark::workspace::Intent;

const A: &str =
    "The mayor said exports rose 12 percent in 2023.\n\nCritics disagreed on 3 May 2024.\n";
const B: &str = "The Harbor Institute said otherwise.\n";

/// A folder with two annotated documents.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, spans) in [
        (
            "a.txt",
            A,
            vec![
                ("exports rose 12 percent", TagKind::Claim),
                ("2023", TagKind::Date),
            ],
        ),
        ("b.txt", B, vec![("Harbor Institute", TagKind::Entity)]),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut s = Session::open(&path).unwrap();
        for (needle, kind) in spans {
            let (start, end) = span(text, needle);
            let a = Annotation::new(
                &s.text,
                start,
                end,
                Tag::new(kind),
                "ana",
                chrono::Utc::now(),
            )
            .unwrap();
            s.annotations.insert(a);
        }
        s.save().unwrap();
    }
    dir
}

fn span(text: &str, needle: &str) -> (usize, usize) {
    let start = text[..text.find(needle).unwrap()].chars().count();
    (start, start + needle.chars().count())
}

fn harness(path: &Path) -> Harness<'static, FactmarkApp> {
    private_recovery_dir();
    let settings = Settings {
        author: "tester".into(),
        ..Settings::default()
    };
    let app = FactmarkApp::new(settings, Some(path.to_owned()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    common::wait_for_folder(&mut h);
    h.run_steps(3);
    h
}

fn press(h: &mut Harness<'_, FactmarkApp>, key: &KeyboardShortcut) {
    h.key_press_modifiers(key.modifiers, key.logical_key);
    h.run_steps(2);
}

fn apply(h: &mut Harness<'_, FactmarkApp>, action: Action) {
    h.state_mut().apply(action);
    h.run_steps(2);
}

fn select_text(h: &mut Harness<'_, FactmarkApp>, needle: &str) {
    let (start, end) = span(A, needle);
    apply(
        h,
        Action::Do(Intent::Select(Some(Selection {
            anchor: start,
            head: end,
        }))),
    );
}

fn selected(h: &Harness<'_, FactmarkApp>) -> Option<Annotation> {
    let doc = h.state().doc()?;
    doc.selected
        .and_then(|id| doc.session.annotations.get(id).cloned())
}

fn select_first(h: &mut Harness<'_, FactmarkApp>) -> Annotation {
    let first = annotations(h)[0].clone();
    apply(
        h,
        Action::Do(Intent::SelectAnnotation {
            id: Some(first.id),
            reveal: false,
        }),
    );
    first
}

/// Runs the window past the autosave delay: what is on disk then is what the save policy
/// wrote.
fn autosaved(h: &mut Harness<'_, FactmarkApp>) {
    std::thread::sleep(factmark::workspace::AUTOSAVE_DELAY + Duration::from_millis(100));
    h.run_steps(2);
}

fn on_disk(path: &Path) -> Vec<Annotation> {
    Session::open(path)
        .unwrap()
        .annotations
        .iter()
        .cloned()
        .collect()
}

/// Presses `key` of `cmd` in a fresh window (a document, or the folder's span review) and
/// checks the effect the sheet promises.
fn check(cmd: Cmd, key: &KeyboardShortcut) {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let what = format!("{cmd:?} with {key:?}");
    match cmd {
        Cmd::Save => {
            let mut h = harness(&doc);
            select_text(&mut h, "mayor");
            apply(&mut h, Action::Do(Intent::Tag(TagKind::Entity)));
            press(&mut h, key);
            assert_eq!(on_disk(&doc).len(), 3, "{what}: saved at once");
        }
        Cmd::Open => {
            // The file dialog itself cannot be shown headless: the key asks for it.
            let h = Harness::new_ui(|ui| {
                let got = factmark_actions(ui, Scope::Everywhere);
                if !got.is_empty() {
                    ui.ctx()
                        .data_mut(|d| d.insert_temp(egui::Id::unique("got"), got));
                }
            });
            let mut h = h;
            press_ui(&mut h, key);
            let got: Option<Vec<Action>> = h.ctx.data(|d| d.get_temp(egui::Id::unique("got")));
            assert_eq!(got, Some(vec![Action::OpenDialog]), "{what}");
        }
        Cmd::Find => {
            let mut h = harness(&doc);
            press(&mut h, key);
            assert!(h.state().pane.find.open, "{what}");
        }
        Cmd::PageView => {
            // A text document has no pages: the key leaves it as it is.
            let mut h = harness(&doc);
            press(&mut h, key);
            assert!(h.state().page_view().is_none(), "{what}");
            // A PDF's pages are shown, and its text again.
            let pdf = dir.path().join("b.pdf");
            let fixture =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/one-column.pdf");
            std::fs::copy(fixture, &pdf).unwrap();
            let mut h = harness(&pdf);
            press(&mut h, key);
            assert!(h.state().page_view().is_some(), "{what}: the pages");
            press(&mut h, key);
            assert!(h.state().page_view().is_none(), "{what}: the text again");
        }
        Cmd::Help => {
            let mut h = harness(&doc);
            press(&mut h, key);
            assert!(h.state().shortcuts_shown(), "{what}");
        }
        Cmd::Undo | Cmd::Redo => {
            let mut h = harness(&doc);
            select_text(&mut h, "mayor");
            apply(&mut h, Action::Do(Intent::Tag(TagKind::Entity)));
            assert_eq!(annotations(&h).len(), 3);
            if cmd == Cmd::Redo {
                apply(&mut h, Action::Do(Intent::Undo));
                press(&mut h, key);
                assert_eq!(annotations(&h).len(), 3, "{what}");
            } else {
                press(&mut h, key);
                assert_eq!(annotations(&h).len(), 2, "{what}");
            }
        }
        Cmd::Tag(kind) => {
            let mut h = harness(&doc);
            select_text(&mut h, "3 May 2024");
            press(&mut h, key);
            let added: Vec<_> = annotations(&h)
                .into_iter()
                .filter(|a| a.exact == "3 May 2024")
                .collect();
            assert_eq!(added.len(), 1, "{what}");
            assert_eq!(added[0].tag.kind(), kind, "{what}");
            // With an annotation selected and no text selected, the key retags it.
            let first = select_first(&mut h);
            apply(&mut h, Action::Do(Intent::Select(None)));
            press(&mut h, key);
            let now = h
                .state()
                .doc()
                .unwrap()
                .session
                .annotations
                .get(first.id)
                .unwrap()
                .tag
                .kind();
            assert_eq!(now, kind, "{what}: retags the selected annotation");
        }
        Cmd::Next | Cmd::Previous => {
            let mut h = harness(&doc);
            let all = annotations(&h);
            select_first(&mut h);
            press(&mut h, key);
            let want = if cmd == Cmd::Next { &all[1] } else { &all[0] };
            assert_eq!(selected(&h).map(|a| a.id), Some(want.id), "{what}");
        }
        Cmd::ScrollToSelected => {
            // A long document: the annotation at its end is off screen until Enter.
            let long = dir.path().join("long.txt");
            let text = format!(
                "{}The last claim fell.\n",
                "A paragraph of filler text.\n\n".repeat(400)
            );
            let id = common::saved_with(&long, &text, "last claim", Tag::new(TagKind::Claim));
            let mut h = harness(&long);
            apply(
                &mut h,
                Action::Do(Intent::SelectAnnotation {
                    id: Some(id),
                    reveal: false,
                }),
            );
            let p = {
                let d = h.state().doc().unwrap();
                d.session
                    .text
                    .paragraph_at(d.session.annotations.get(id).unwrap().start)
            };
            assert!(!h.state().view().unwrap().visible_paragraphs().contains(&p));
            press(&mut h, key);
            assert!(
                h.state().view().unwrap().visible_paragraphs().contains(&p),
                "{what}"
            );
        }
        Cmd::PreviousMatch => {
            let mut h = harness(&doc);
            let first = span(A, "e");
            h.state_mut().pane.find.toggle();
            h.state_mut().pane.find.set_query("e");
            h.run_steps(2);
            // Enter selects the current (first) match; Shift+Enter goes back to the last one.
            apply(&mut h, Action::ScrollToSelected);
            let sel = h.state().doc().unwrap().selection.unwrap();
            assert_eq!((sel.start(), sel.end()), first, "{what}");
            press(&mut h, key);
            let sel = h.state().doc().unwrap().selection.unwrap();
            let last = A.rfind('e').unwrap();
            let last = A[..last].chars().count();
            assert_eq!((sel.start(), sel.end()), (last, last + 1), "{what}");
        }
        Cmd::Scroll(m) => {
            let long = dir.path().join("long.txt");
            let text = "A paragraph of filler text about the harbor.\n\n".repeat(300);
            std::fs::write(&long, &text).unwrap();
            let mut h = harness(&long);
            let middle = text.chars().count() / 2;
            apply(&mut h, Action::ScrollTo(middle));
            h.run_steps(2);
            let visible =
                |h: &Harness<'_, FactmarkApp>| h.state().view().unwrap().visible_paragraphs();
            let before = visible(&h);
            press(&mut h, key);
            h.run_steps(2);
            let after = visible(&h);
            let last = h.state().doc().unwrap().session.text.paragraphs().len() - 1;
            match m {
                Move::PageDown => {
                    assert!(after[0] > before[0], "{what}: {before:?} → {after:?}");
                    assert!(
                        after[0] <= *before.last().unwrap(),
                        "{what}: no line skipped"
                    );
                }
                Move::PageUp => {
                    assert!(after[0] < before[0], "{what}: {before:?} → {after:?}");
                    assert!(
                        *after.last().unwrap() >= before[0],
                        "{what}: no line skipped"
                    );
                }
                Move::Top => assert_eq!(after[0], 0, "{what}"),
                Move::End => assert!(after.contains(&last), "{what}: {after:?}"),
            }
        }
        Cmd::FocusNote => {
            let mut h = harness(&doc);
            let first = select_first(&mut h);
            press(&mut h, key);
            h.event(egui::Event::Text("checked".into()));
            h.run_steps(2);
            let note = h
                .state()
                .doc()
                .unwrap()
                .session
                .annotations
                .get(first.id)
                .unwrap()
                .note
                .clone();
            assert_eq!(note, "checked", "{what}: typing goes into the note");
        }
        Cmd::Link => {
            let mut h = harness(&doc);
            let all = annotations(&h);
            let claim = all.iter().find(|a| a.tag.kind() == TagKind::Claim).unwrap();
            let date = all.iter().find(|a| a.tag.kind() == TagKind::Date).unwrap();
            apply(
                &mut h,
                Action::Do(Intent::SelectAnnotation {
                    id: Some(claim.id),
                    reveal: false,
                }),
            );
            press(&mut h, key);
            click_on(&mut h, "2023");
            let now = annotations(&h);
            let from = now.iter().find(|a| a.id == claim.id).unwrap();
            assert_eq!(from.links.len(), 1, "{what}: the click made the link");
            assert_eq!(from.links[0].to, date.id, "{what}");
            assert_eq!(from.links[0].kind.as_str(), "dated", "{what}");
            // Esc cancels a link being made: the next click only selects.
            apply(
                &mut h,
                Action::Do(Intent::SelectAnnotation {
                    id: Some(claim.id),
                    reveal: false,
                }),
            );
            press(&mut h, key);
            h.key_press(egui::Key::Escape);
            h.run_steps(2);
            click_on(&mut h, "2023");
            let from = annotations(&h)
                .into_iter()
                .find(|a| a.id == claim.id)
                .unwrap();
            assert_eq!(from.links.len(), 1, "{what}: Esc cancelled");
            assert_eq!(selected(&h).map(|a| a.id), Some(date.id), "{what}");
        }
        Cmd::Delete => {
            let mut h = harness(&doc);
            let first = select_first(&mut h);
            press(&mut h, key);
            assert!(annotations(&h).iter().all(|a| a.id != first.id), "{what}");
        }
        Cmd::Caret(motion, extend) => {
            let mut h = harness(&doc);
            // The caret starts in "exports" (a click puts it there; here, set directly).
            let (at, _) = span(A, "ports rose");
            let caret = |h: &mut Harness<'_, FactmarkApp>, p: usize| {
                apply(
                    h,
                    Action::Do(Intent::Select(Some(Selection { anchor: p, head: p }))),
                );
            };
            let from = if motion == Motion::Up {
                span(A, "disagreed").0
            } else {
                at
            };
            caret(&mut h, from);
            press(&mut h, key);
            let sel = h.state().doc().unwrap().selection.unwrap();
            let head = match motion {
                Motion::Right => from + 1,
                Motion::Left => from - 1,
                Motion::WordRight => span(A, "exports").1,
                Motion::WordLeft => span(A, "exports").0,
                // A line down leaves the first paragraph; up comes back to it.
                Motion::Down => {
                    assert!(sel.head > span(A, "2023.").1, "{what}: {sel:?}");
                    sel.head
                }
                Motion::Up => {
                    assert!(sel.head < span(A, "Critics").0, "{what}: {sel:?}");
                    sel.head
                }
                // The first paragraph is one line in this window.
                Motion::LineEnd => span(A, "2023.").1,
                Motion::LineStart => 0,
            };
            // (Selecting by lines takes the whole word the caret was in.)
            let chars: Vec<char> = A.chars().collect();
            let word_start = |mut k: usize| {
                while k > 0 && chars[k - 1].is_alphanumeric() {
                    k -= 1;
                }
                k
            };
            let word_end = |mut k: usize| {
                while k < chars.len() && chars[k].is_alphanumeric() {
                    k += 1;
                }
                k
            };
            let inside = from > 0
                && from < chars.len()
                && chars[from - 1].is_alphanumeric()
                && chars[from].is_alphanumeric();
            let anchor = match motion {
                _ if !extend => head,
                Motion::Down if inside => word_start(from),
                Motion::Up if inside => word_end(from),
                _ => from,
            };
            assert_eq!((sel.anchor, sel.head), (anchor, head), "{what}");
            if extend && matches!(motion, Motion::WordRight) {
                // What the keyboard selected is what a tag key tags.
                h.key_press(egui::Key::E);
                h.run_steps(2);
                assert!(annotations(&h).iter().any(|a| a.exact == "ports"), "{what}");
            }
        }
        Cmd::SelectAll => {
            let mut h = harness(&doc);
            press(&mut h, key);
            let all: Vec<_> = annotations(&h).iter().map(|a| a.id).collect();
            let many: Vec<_> = h.state().doc().unwrap().many.iter().copied().collect();
            assert_eq!(many.len(), all.len(), "{what}");
            // A tag key now retags them all in one step; Ctrl+Z takes it back whole.
            h.key_press(egui::Key::Q);
            h.run_steps(2);
            assert!(
                annotations(&h)
                    .iter()
                    .all(|a| a.tag.kind() == TagKind::Quote),
                "{what}"
            );
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
            h.run_steps(2);
            assert!(
                !annotations(&h)
                    .iter()
                    .any(|a| a.tag.kind() == TagKind::Quote),
                "{what}"
            );
            // Esc selects none; Delete then deletes only what is selected.
            h.key_press(egui::Key::Escape);
            h.run_steps(2);
            assert!(h.state().doc().unwrap().many.is_empty(), "{what}");
        }
        Cmd::Escape => {
            let mut h = harness(&doc);
            select_text(&mut h, "mayor");
            press(&mut h, key);
            assert_eq!(h.state().doc().unwrap().selection, None, "{what}");
        }
        Cmd::NextDocument | Cmd::PreviousDocument => {
            let mut h = harness(dir.path());
            apply(
                &mut h,
                Action::Do(Intent::Show(if cmd == Cmd::NextDocument { 0 } else { 1 })),
            );
            press(&mut h, key);
            let want = if cmd == Cmd::NextDocument {
                "b.txt"
            } else {
                "a.txt"
            };
            assert!(h.state().doc().unwrap().path().ends_with(want), "{what}");
        }
        Cmd::Review(status) => {
            let mut h = harness(dir.path());
            h.state_mut().mode = Mode::Spans;
            h.run_steps(2);
            let (_, id) = h.state().folder_views.spans.selected().unwrap();
            press(&mut h, key);
            autosaved(&mut h);
            let saved = on_disk(&doc).into_iter().find(|a| a.id == id).unwrap();
            assert_eq!(saved.review.status, status, "{what}: saved");
            assert_ne!(
                h.state().folder_views.spans.selected().map(|s| s.1),
                Some(id),
                "{what}: moves on"
            );
        }
        Cmd::ReviewComment => {
            let mut h = harness(dir.path());
            h.state_mut().mode = Mode::Spans;
            h.run_steps(2);
            let (_, id) = h.state().folder_views.spans.selected().unwrap();
            press(&mut h, key);
            h.event(egui::Event::Text("which survey?".into()));
            h.run_steps(1);
            h.key_press(egui::Key::Enter);
            h.run_steps(2);
            autosaved(&mut h);
            let saved = on_disk(&doc).into_iter().find(|a| a.id == id).unwrap();
            assert_eq!(
                saved.review.comment.as_deref(),
                Some("which survey?"),
                "{what}"
            );
        }
        Cmd::NextSpan | Cmd::PreviousSpan => {
            let mut h = harness(dir.path());
            h.state_mut().mode = Mode::Spans;
            h.run_steps(2);
            let first = h.state().folder_views.spans.selected().unwrap();
            press(
                &mut h,
                &KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::J),
            );
            let second = h.state().folder_views.spans.selected().unwrap();
            assert_ne!(first, second);
            if cmd == Cmd::NextSpan {
                apply_step_back(&mut h);
                press(&mut h, key);
                assert_eq!(
                    h.state().folder_views.spans.selected(),
                    Some(second),
                    "{what}"
                );
            } else {
                press(&mut h, key);
                assert_eq!(
                    h.state().folder_views.spans.selected(),
                    Some(first),
                    "{what}"
                );
            }
        }
        Cmd::OpenSpan => {
            let mut h = harness(dir.path());
            h.state_mut().mode = Mode::Spans;
            h.run_steps(2);
            let (_, id) = h.state().folder_views.spans.selected().unwrap();
            press(&mut h, key);
            assert_eq!(h.state().mode, Mode::Document, "{what}");
            assert_eq!(h.state().doc().unwrap().selected, Some(id), "{what}");
        }
        Cmd::UndoReview => {
            let mut h = harness(dir.path());
            h.state_mut().mode = Mode::Spans;
            h.run_steps(2);
            let (_, id) = h.state().folder_views.spans.selected().unwrap();
            h.key_press(egui::Key::A);
            h.run_steps(2);
            autosaved(&mut h);
            let reviewed = on_disk(&doc).into_iter().find(|a| a.id == id).unwrap();
            assert_ne!(reviewed.review.status, ReviewStatus::Unreviewed);
            press(&mut h, key);
            autosaved(&mut h);
            let saved = on_disk(&doc).into_iter().find(|a| a.id == id).unwrap();
            assert_eq!(saved.review.status, ReviewStatus::Unreviewed, "{what}");
        }
    }
}

/// Moves the span review's selection back up with K.
fn apply_step_back(h: &mut Harness<'_, FactmarkApp>) {
    press(
        h,
        &KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::K),
    );
}

fn press_ui(h: &mut Harness<'_>, key: &KeyboardShortcut) {
    h.key_press_modifiers(key.modifiers, key.logical_key);
    h.run_steps(1);
}

fn factmark_actions(ui: &egui::Ui, scope: Scope) -> Vec<Action> {
    factmark::ui::commands_actions(ui, scope)
}

#[test]
fn every_key_of_every_command_does_what_the_sheet_says() {
    for c in COMMANDS {
        for key in c.keys {
            check(c.cmd, key);
        }
    }
}

#[test]
fn the_sheet_lists_what_works_in_each_view_and_nothing_else() {
    let dir = folder();
    let mut h = harness(dir.path());
    apply(&mut h, Action::Do(Intent::Show(0)));
    assert_eq!(h.state().mode, Mode::Document);
    assert_eq!(
        h.state().scopes(),
        [Scope::Everywhere, Scope::Document, Scope::Folder]
    );
    let rows = factmark::ui::sheet_rows(&h.ctx, &h.state().scopes());
    assert!(rows.iter().any(|(k, _)| k == "C or 1"), "{rows:?}");
    assert!(
        !rows.iter().any(|(k, _)| k == "A"),
        "review keys are not listed here: {rows:?}"
    );
    // And A does nothing in the document view.
    let before = annotations(&h);
    select_first(&mut h);
    h.key_press(egui::Key::A);
    h.run_steps(2);
    assert_eq!(annotations(&h), before);

    h.state_mut().mode = Mode::Spans;
    h.run_steps(2);
    let rows = factmark::ui::sheet_rows(&h.ctx, &h.state().scopes());
    for key in ["A", "R", "W", "U", "C", "Enter"] {
        assert!(
            rows.iter().any(|(k, _)| k == key),
            "{key} in the review sheet: {rows:?}"
        );
    }
    assert!(!rows.iter().any(|(k, _)| k.contains("Delete")), "{rows:?}");
    assert!(
        !rows.iter().any(|(k, _)| k.contains("Page Down")),
        "the next document is not a key of the review: {rows:?}"
    );
    h.state_mut().mode = Mode::Documents;
    h.run_steps(2);
    assert_eq!(h.state().scopes(), [Scope::Everywhere]);
}

/// Find leads to tagging: Enter in the find field selects the match and hands the keys to the
/// document, so a tag key tags it; Enter again selects the next one.
#[test]
fn a_find_match_is_the_selection_and_a_tag_key_tags_it() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    assert!(
        h.ctx.text_edit_focused(),
        "Ctrl+F puts the keys in the find field"
    );
    h.event(egui::Event::Text("3 May".into()));
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(
        !h.ctx.text_edit_focused(),
        "Enter hands the keys to the document"
    );
    h.key_press(egui::Key::D);
    h.run_steps(2);
    let dates: Vec<_> = annotations(&h)
        .into_iter()
        .filter(|a| a.exact == "3 May")
        .collect();
    assert_eq!(dates.len(), 1, "D tagged the match");
    let query = |h: &Harness<'_, FactmarkApp>| h.state().pane.find.current();
    assert_eq!(query(&h), Some(0));
}

/// Keys go where the person's last gesture was: after typing a note, a drag in the document
/// takes the keyboard back for tagging; Esc in a field only leaves the field.
#[test]
fn keys_follow_the_last_gesture() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    let first = select_first(&mut h);
    h.key_press(egui::Key::N);
    h.run_steps(2);
    h.event(egui::Event::Text("checked".into()));
    h.run_steps(2);
    let note = |h: &Harness<'_, FactmarkApp>| {
        h.state()
            .doc()
            .unwrap()
            .session
            .annotations
            .get(first.id)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note(&h), "checked");

    // A drag over "3 May 2024" in the document, then Q: a new quote; the note is untouched.
    drag_over(&mut h, "3 May 2024");
    h.key_press(egui::Key::Q);
    h.run_steps(2);
    assert_eq!(note(&h), "checked", "Q did not go into the note");
    let quotes: Vec<_> = annotations(&h)
        .into_iter()
        .filter(|a| a.tag.kind() == TagKind::Quote)
        .collect();
    assert_eq!(quotes.len(), 1, "Q tagged the dragged text");
    assert_eq!(quotes[0].exact, "3 May 2024");

    // Text selected, an annotation selected, then back into its note field: Esc leaves the
    // field and keeps the text selection. (The drag let go of the annotation selected
    // before; it is selected again from the list.)
    drag_over(&mut h, "exports rose");
    assert!(h.state().doc().unwrap().selected.is_none());
    assert!(
        h.state().doc().unwrap().selection.is_some(),
        "the drag selected text"
    );
    h.state_mut().apply(factmark::ui::Action::Do(
        factmark::workspace::Intent::SelectAnnotation {
            id: Some(first.id),
            reveal: false,
        },
    ));
    h.run_steps(2);
    assert!(h.state().doc().unwrap().selected.is_some());
    h.state_mut().pane.inspector.focus_note();
    h.run_steps(2);
    assert!(h.ctx.text_edit_focused(), "the note field has the keyboard");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.ctx.text_edit_focused(), "Esc left the field");
    assert!(
        h.state().doc().unwrap().selection.is_some(),
        "Esc kept the text selection"
    );
}

fn click_on(h: &mut Harness<'_, FactmarkApp>, needle: &str) {
    let (start, _) = span(A, needle);
    let at = {
        let d = h.state().doc().unwrap();
        let v = h.state().view().unwrap();
        v.screen_pos_of(&d.session.text, start).unwrap() + Vec2::new(3.0, 4.0)
    };
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run_steps(2);
}

fn drag_over(h: &mut Harness<'_, FactmarkApp>, needle: &str) {
    let (start, end) = span(A, needle);
    let (a, b) = {
        let d = h.state().doc().unwrap();
        let v = h.state().view().unwrap();
        (
            v.screen_pos_of(&d.session.text, start).unwrap() + Vec2::new(1.0, 0.0),
            v.screen_pos_of(&d.session.text, end).unwrap(),
        )
    };
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(b);
    h.run();
    h.drop_at(b);
    h.run_steps(2);
}

/// After a search in the find bar (its field has the keyboard), a drag over text in the
/// document and a tag key tag the text dragged over.
#[test]
fn a_drag_after_a_search_takes_the_keys_for_tagging() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("Critics".into()));
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    let before = annotations(&h).len();
    drag_over(&mut h, "Critics disagreed on 3 May 2024.");
    h.key_press(egui::Key::C);
    h.run_steps(3);
    let all = annotations(&h);
    assert_eq!(all.len(), before + 1, "C tagged the dragged text");
    assert!(
        all.iter().any(
            |a| a.tag.kind() == TagKind::Claim && a.exact == "Critics disagreed on 3 May 2024."
        )
    );
}

/// Runs one frame whose input holds `events` all at once, as a window that draws slower
/// than the person types gets them, through the window's type-ahead hold.
fn frame_of(h: &mut Harness<'_, FactmarkApp>, events: Vec<egui::Event>) {
    let ctx = h.ctx.clone();
    let mut input = std::mem::take(h.input_mut());
    input.events.extend(events);
    h.state_mut().hold_type_ahead(&ctx, &mut input);
    *h.input_mut() = input;
    h.step();
}

/// Runs frames with no new input, so that what is held comes.
fn settle(h: &mut Harness<'_, FactmarkApp>) {
    for _ in 0..6 {
        frame_of(h, Vec::new());
    }
}

/// Esc pressed.
fn escape() -> egui::Event {
    egui::Event::Key {
        key: egui::Key::Escape,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// The events a key typing `text` sends: its press, its text, its release.
fn typed(text: &str) -> Vec<egui::Event> {
    let key = |c: char, pressed| {
        let name = c.to_ascii_uppercase().to_string();
        egui::Key::from_name(if c == ' ' { "Space" } else { &name }).map(|key| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        })
    };
    text.chars()
        .flat_map(|c| {
            key(c, true)
                .into_iter()
                .chain([egui::Event::Text(c.to_string())])
                .chain(key(c, false))
        })
        .collect()
}

#[test]
fn a_note_typed_faster_than_the_window_draws_is_written_whole() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    let first = select_first(&mut h);
    assert_eq!(first.tag.kind(), TagKind::Claim);
    // N and the note's first letters in one frame, the rest over the next frames, then Esc
    // right after the last letters; then N alone in its frame, and more letters.
    let mut keys = typed("n");
    keys.extend(typed("rech"));
    frame_of(&mut h, keys);
    frame_of(&mut h, typed("eck"));
    frame_of(&mut h, typed(" figure"));
    frame_of(&mut h, typed(" in the"));
    let mut last = typed(" plot");
    last.push(escape());
    frame_of(&mut h, last);
    settle(&mut h);
    let now = h
        .state()
        .doc()
        .unwrap()
        .session
        .annotations
        .get(first.id)
        .cloned()
        .unwrap();
    assert_eq!(now.note, "recheck figure in the plot");
    // The `e` and `c` of `recheck` were no tag keys: the claim is still a claim.
    assert_eq!(now.tag.kind(), TagKind::Claim);
    assert!(!h.ctx.text_edit_focused(), "Esc left the field");
    frame_of(&mut h, typed("n"));
    frame_of(&mut h, typed(" again"));
    settle(&mut h);
    let note = &h
        .state()
        .doc()
        .unwrap()
        .session
        .annotations
        .get(first.id)
        .unwrap()
        .note;
    assert_eq!(note, "recheck figure in the plot again");
}

/// A drag over text made in less time than a frame takes (its press, moves and release all
/// in one frame's input), then a tag key: the dragged text is tagged, and the annotation
/// selected before is left as it was.
#[test]
fn a_quick_drag_then_a_tag_key_tags_the_text_not_the_annotation_selected_before() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    let first = select_first(&mut h);
    assert_eq!(first.tag.kind(), TagKind::Claim);
    let (start, end) = span(A, "Critics disagreed");
    let (a, b) = {
        let d = h.state().doc().unwrap();
        let v = h.state().view().unwrap();
        (
            v.screen_pos_of(&d.session.text, start).unwrap() + Vec2::new(1.0, 4.0),
            v.screen_pos_of(&d.session.text, end).unwrap() + Vec2::new(0.0, 4.0),
        )
    };
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    let mut events = vec![
        egui::Event::PointerMoved(a),
        button(a, true),
        egui::Event::PointerMoved(a + (b - a) / 2.0),
        egui::Event::PointerMoved(b),
        button(b, false),
    ];
    events.extend(typed("e"));
    frame_of(&mut h, events);
    settle(&mut h);
    let all = annotations(&h);
    let was = all.iter().find(|x| x.id == first.id).unwrap();
    assert_eq!(was.tag.kind(), TagKind::Claim, "the claim was not retagged");
    let entities: Vec<_> = all
        .iter()
        .filter(|x| x.tag.kind() == TagKind::Entity)
        .collect();
    assert_eq!(entities.len(), 1, "{all:#?}");
    assert_eq!(entities[0].exact, "Critics disagreed");
}

/// A double click whose two clicks come in one frame's input still selects the word.
#[test]
fn a_double_click_in_one_frame_selects_the_word() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    let (start, _) = span(A, "disagreed");
    let at = {
        let d = h.state().doc().unwrap();
        let v = h.state().view().unwrap();
        v.screen_pos_of(&d.session.text, start).unwrap() + Vec2::new(12.0, 4.0)
    };
    let button = |pressed| egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    frame_of(
        &mut h,
        vec![
            egui::Event::PointerMoved(at),
            button(true),
            button(false),
            button(true),
            button(false),
        ],
    );
    settle(&mut h);
    let selection = h.state().doc().unwrap().selection.unwrap();
    assert_eq!((selection.anchor, selection.head), span(A, "disagreed"));
}

/// N writes on at the end of the selected annotation's note, wherever the caret was left in
/// another annotation's note.
#[test]
fn the_note_key_writes_on_at_the_notes_end() {
    let dir = folder();
    let doc = dir.path().join("a.txt");
    let mut h = harness(&doc);
    let ids: Vec<_> = annotations(&h).iter().map(|a| a.id).collect();
    let write = |h: &mut Harness<'_, FactmarkApp>, id, text: &str| {
        apply(
            h,
            Action::Do(Intent::SelectAnnotation {
                id: Some(id),
                reveal: false,
            }),
        );
        frame_of(h, typed("n"));
        frame_of(h, typed(text));
        frame_of(h, vec![escape()]);
        settle(h);
    };
    write(&mut h, ids[0], "abc");
    write(&mut h, ids[1], "a long second note");
    write(&mut h, ids[0], "d");
    write(&mut h, ids[1], "s");
    let notes: Vec<String> = ids
        .iter()
        .map(|&id| {
            let d = h.state().doc().unwrap();
            d.session.annotations.get(id).unwrap().note.clone()
        })
        .collect();
    assert_eq!(notes, ["abcd", "a long second notes"]);
}
