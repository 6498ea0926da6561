//! A PDF's page view in the window: P shows the pages as published, a drag over the words of
//! a page selects them and a key tags them (the same offsets as in the text), the text view
//! follows on the way back, and an annotation selected elsewhere is brought into view.

mod common;

use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::TagKind;

fn pdf_in_a_folder(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    std::fs::copy(fixture, &path).unwrap();
    (dir, path)
}

/// Runs frames until the page view has drawn its first page's picture (a background thread).
fn wait_for_pictures(h: &mut egui_kittest::Harness<'_, factmark::ui::FactmarkApp>) {
    for _ in 0..1500 {
        h.run_steps(1);
        if h.state()
            .page_view()
            .is_some_and(|pv| pv.pictures_shown() > 0)
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the page was never drawn");
}

/// A window on a copy of fixture `name`, shown as pages (P), its first page drawn.
fn on_drawn_pages(
    name: &str,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    egui_kittest::Harness<'static, factmark::ui::FactmarkApp>,
) {
    let (dir, path) = pdf_in_a_folder(name);
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(2);
    wait_for_pictures(&mut h);
    (dir, path, h)
}

/// The window of a next session, with the settings the last one left, on `path`.
fn reopened(
    settings: factmark::ui::Settings,
    path: &std::path::Path,
) -> egui_kittest::Harness<'static, factmark::ui::FactmarkApp> {
    let app = factmark::ui::FactmarkApp::new(settings, Some(path.to_owned()));
    egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(
            |ui, app: &mut factmark::ui::FactmarkApp| app.ui_body(ui),
            app,
        )
}

/// Drags over the words of `phrase` where the page view draws them; where it starts in the
/// text (chars).
fn drag_over_page(
    h: &mut egui_kittest::Harness<'_, factmark::ui::FactmarkApp>,
    phrase: &str,
) -> usize {
    let text = h.state().doc().unwrap().session.text.as_str().to_owned();
    let start = text[..text.find(phrase).unwrap()].chars().count();
    let end = start + phrase.chars().count();
    let (from, to) = {
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let pv = h.state().page_view().unwrap();
        let first = pv.rects_on_screen(pages, start, start + 1);
        let last = pv.rects_on_screen(pages, end - 1, end);
        (first[0].left_center(), last[0].right_center())
    };
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.run();
    }
    h.drop_at(to);
    h.run_steps(3);
    start
}

#[test]
fn words_dragged_over_on_a_page_are_tagged_and_the_text_view_follows() {
    let (_dir, path) = pdf_in_a_folder("two-columns.pdf");
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(2);
    assert!(h.state().page_view().is_some(), "P shows the pages");
    wait_for_pictures(&mut h);
    let text = h.state().doc().unwrap().session.text.as_str().to_owned();
    let phrase = "Kestle Bay were beyond repair";
    let start = drag_over_page(&mut h, phrase);
    let end = start + phrase.chars().count();
    let sel = h.state().doc().unwrap().selection.unwrap();
    assert_eq!(
        (sel.start(), sel.end()),
        (start, end),
        "the drag selects the words"
    );
    h.key_press(egui::Key::C);
    h.run_steps(3);
    let d = h.state().doc().unwrap();
    let a = d
        .session
        .annotations
        .as_slice()
        .iter()
        .find(|a| a.start == start)
        .unwrap();
    assert_eq!(a.tag.kind(), TagKind::Claim);
    assert_eq!(
        &text[text.find(phrase).unwrap()..][..phrase.len()],
        a.exact.as_str()
    );
    assert_eq!(d.selected, Some(a.id));
    // Back to the text: the claim is where the view is.
    h.key_press(egui::Key::P);
    h.run_steps(4);
    assert!(h.state().page_view().is_none());
    let d = h.state().doc().unwrap();
    let v = h.state().view().unwrap();
    assert!(
        v.screen_pos_of(&d.session.text, start).is_some(),
        "the text view shows the claim"
    );
}

#[test]
fn a_click_on_an_annotation_on_the_page_selects_it() {
    let (_dir, path) = pdf_in_a_folder("page-quote.pdf");
    let out = common::factmark(
        path.parent().unwrap(),
        &[
            "add",
            "page-quote.pdf",
            "--tag",
            "quote",
            "--text",
            "I will resign before I break that promise",
        ],
    );
    common::ok(&out);
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let (id, at) = {
        let d = h.state().doc().unwrap();
        let a = &d.session.annotations.as_slice()[0];
        let pages = d.session.pages.as_deref().unwrap();
        assert_eq!(
            pages.pages_of(a.start, a.end),
            vec![2],
            "the quote is on page 2"
        );
        (a.id, a.start)
    };
    // Selected from the list (J): the page view brings page 2 into view.
    h.key_press(egui::Key::J);
    h.run_steps(4);
    assert_eq!(h.state().doc().unwrap().selected, Some(id));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().doc().unwrap().selected, None);
    // Pages are drawn in the background: the view settles within a few frames, however
    // long the drawing takes.
    let in_view = |h: &egui_kittest::Harness<'static, factmark::ui::FactmarkApp>| {
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let pv = h.state().page_view().unwrap();
        pv.rects_on_screen(pages, at + 2, at + 3)
            .first()
            .copied()
            .filter(|r| r.min.y > 0.0 && r.max.y < 800.0)
    };
    // In view and still (a scroll may still be under way).
    let mut seen = in_view(&h);
    for _ in 0..200 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
        let now = in_view(&h);
        if now.is_some() && now == seen {
            break;
        }
        seen = now;
    }
    let p = seen.expect("page 2's quote is in view").center();
    h.hover_at(p);
    h.run();
    h.drag_at(p);
    h.run();
    h.drop_at(p);
    h.run_steps(3);
    for _ in 0..100 {
        if h.state().doc().unwrap().selected == Some(id) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    assert_eq!(h.state().doc().unwrap().selected, Some(id));
}

#[test]
fn the_pages_zoom_and_a_pdf_shown_as_pages_opens_as_pages_again() {
    let (_dir, path) = pdf_in_a_folder("two-columns.pdf");
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let width = |h: &egui_kittest::Harness<'_, factmark::ui::FactmarkApp>| {
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let r = h.state().page_view().unwrap().rects_on_screen(pages, 0, 6);
        r[0].width()
    };
    let before = width(&h);
    h.get_by_label("+").click();
    h.run_steps(3);
    assert!((h.state().page_view().unwrap().zoom() - 1.25).abs() < 1e-3);
    let after = width(&h);
    assert!((after / before - 1.25).abs() < 0.02, "{before} → {after}");
    h.get_by_label("125%").click();
    h.run_steps(3);
    assert!((width(&h) - before).abs() < 0.5, "back to the width");
    h.get_by_label("+").click();
    h.get_by_label("+").click();
    h.run_steps(3);
    // The next session opens it as pages, zoomed as it was left.
    h.state_mut().remember_view();
    let settings = h.state().settings.clone();
    assert!(settings.is_paged(&path));
    assert!((settings.zoom_of(&path) - 1.5625).abs() < 1e-3);
    drop(h);
    let mut h = reopened(settings, &path);
    h.run_steps(4);
    assert!(h.state().page_view().is_some(), "opened as pages");
    assert!((h.state().page_view().unwrap().zoom() - 1.5625).abs() < 1e-3);
    h.key_press(egui::Key::P);
    h.run_steps(2);
    assert!(!h.state().settings.is_paged(&path));
}

/// Keys go where the person's last gesture was: after typing in a note, a drag over words of
/// a page takes the keyboard back, so the key that follows tags them and the note is left as
/// typed.
#[test]
fn a_drag_on_a_page_after_typing_a_note_takes_the_keys_back() {
    let (_dir, _path, mut h) = on_drawn_pages("two-columns.pdf");
    drag_over_page(&mut h, "Kestle Bay were beyond repair");
    h.key_press(egui::Key::C);
    h.run_steps(3);
    h.state_mut().pane.inspector.focus_note();
    h.run_steps(2);
    assert!(h.ctx.text_edit_focused(), "the note field has the keyboard");
    h.event(egui::Event::Text("checked".into()));
    h.run_steps(2);
    let start = drag_over_page(&mut h, "Hallow Point");
    assert!(
        !h.ctx.text_edit_focused(),
        "the drag took the keyboard back"
    );
    h.key_press(egui::Key::E);
    h.run_steps(3);
    let d = h.state().doc().unwrap();
    let entity = d
        .session
        .annotations
        .as_slice()
        .iter()
        .find(|a| a.start == start)
        .expect("E tagged the dragged words");
    assert_eq!(entity.tag.kind(), TagKind::Entity);
    let claim = d
        .session
        .annotations
        .as_slice()
        .iter()
        .find(|a| a.tag.kind() == TagKind::Claim)
        .unwrap();
    assert_eq!(claim.note, "checked", "E did not go into the note");
}

/// A click with Shift held at `p` on the pages.
fn shift_click(h: &mut egui_kittest::Harness<'_, factmark::ui::FactmarkApp>, p: egui::Pos2) {
    h.hover_at(p);
    h.run();
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::SHIFT));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::SHIFT,
        });
        h.run();
    }
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.run_steps(2);
}

#[test]
fn shift_click_on_a_page_moves_the_edge_of_the_selected_annotation() {
    let (_dir, _path, mut h) = on_drawn_pages("two-columns.pdf");
    let start = drag_over_page(&mut h, "Kestle Bay were beyond");
    h.key_press(egui::Key::C);
    h.run_steps(3);
    let id = h
        .state()
        .doc()
        .unwrap()
        .selected
        .expect("the claim is selected");
    // Shift+click in the middle of `repair`: the end moves to the word's end.
    let text = h.state().doc().unwrap().session.text.as_str().to_owned();
    let repair = text[..text.find("repair. Their").unwrap()].chars().count();
    let p = {
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let pv = h.state().page_view().unwrap();
        pv.rects_on_screen(pages, repair + 3, repair + 4)[0].center()
    };
    shift_click(&mut h, p);
    let d = h.state().doc().unwrap();
    let a = d.session.annotations.get(id).unwrap();
    assert_eq!(
        (a.start, a.exact.as_str()),
        (start, "Kestle Bay were beyond repair")
    );
}

#[test]
fn shift_click_on_a_page_extends_the_selection_to_whole_words() {
    let (_dir, _path, mut h) = on_drawn_pages("two-columns.pdf");
    let start = drag_over_page(&mut h, "Kestle Bay");
    let text = h.state().doc().unwrap().session.text.as_str().to_owned();
    let beyond = text[..text.find("beyond repair").unwrap()].chars().count();
    let p = {
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let pv = h.state().page_view().unwrap();
        pv.rects_on_screen(pages, beyond + 2, beyond + 3)[0].center()
    };
    shift_click(&mut h, p);
    let sel = h.state().doc().unwrap().selection.unwrap();
    assert_eq!(
        (sel.start(), sel.end()),
        (start, beyond + "beyond".len()),
        "the selection reaches the end of the word clicked"
    );
}

#[test]
fn a_pdf_shown_as_pages_opens_at_the_page_it_was_left_at() {
    let (_dir, path) = pdf_in_a_folder("page-quote.pdf");
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    h.state_mut().remember_view();
    // Left with the second page's last words at the top of the view.
    let d = h.state().doc().unwrap();
    let pages = d.session.pages.as_deref().unwrap().clone();
    let end = d.session.text.char_count() - 2;
    assert_eq!(pages.page_at(end), Some(2));
    let mut settings = h.state().settings.clone();
    settings.leave_at(&path, end);
    drop(h);
    let mut h = reopened(settings, &path);
    h.run_steps(6);
    let pv = h.state().page_view().expect("opened as pages");
    // The place left is in view, not the first page's top.
    let shown = pv.rects_on_screen(&pages, end, end + 1);
    assert!(
        shown.iter().any(|r| r.min.y > 0.0 && r.max.y < 800.0),
        "{shown:?}"
    );
    assert!(pv.top_offset().unwrap() > 0);
}

#[test]
fn shift_click_on_another_annotation_on_a_page_selects_it_and_changes_neither() {
    let (_dir, _path, mut h) = on_drawn_pages("two-columns.pdf");
    drag_over_page(&mut h, "beyond repair");
    h.key_press(egui::Key::C);
    h.run_steps(3);
    let claim = h.state().doc().unwrap().selected.expect("the claim");
    drag_over_page(&mut h, "Kestle Bay");
    h.key_press(egui::Key::E);
    h.run_steps(3);
    let entity = h.state().doc().unwrap().selected.expect("the entity");
    let spans = |h: &egui_kittest::Harness<'_, factmark::ui::FactmarkApp>| {
        common::annotations(h)
            .into_iter()
            .map(|a| (a.id, a.exact))
            .collect::<Vec<_>>()
    };
    let before = spans(&h);
    // With the entity selected, Shift+click on the claim.
    let text = h.state().doc().unwrap().session.text.as_str().to_owned();
    let repair = text[..text.find("repair. Their").unwrap()].chars().count();
    let p = {
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let pv = h.state().page_view().unwrap();
        pv.rects_on_screen(pages, repair + 3, repair + 4)[0].center()
    };
    shift_click(&mut h, p);
    assert_eq!(spans(&h), before, "no annotation grew over the other");
    assert_eq!(
        h.state().doc().unwrap().selected,
        Some(claim),
        "the annotation clicked is selected"
    );
    assert_ne!(claim, entity);
}

#[test]
fn a_pdf_shown_as_pages_reopens_with_the_line_it_was_left_at_on_top() {
    let (_dir, path) = pdf_in_a_folder("header-footer.pdf");
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let d = h.state().doc().unwrap();
    let text = d.session.text.as_str().to_owned();
    let pages = d.session.pages.as_deref().unwrap().clone();
    let left_at = text[..text.find("Inspections found").unwrap()]
        .chars()
        .count();
    let mut settings = h.state().settings.clone();
    settings.leave_at(&path, left_at);
    drop(h);
    let mut h = reopened(settings, &path);
    h.run_steps(6);
    let pv = h.state().page_view().expect("opened as pages");
    // The line left at the top is at the top again, not a third of the way down.
    assert_eq!(
        pv.top_offset(),
        Some(left_at),
        "{:?}",
        pages.page_at(left_at)
    );
}

/// A PDF in a folder of its own, named `name`, of pages of these sizes (`612 792`) and
/// contents, drawn with Helvetica as /F1.
fn pdf_of_pages(name: &str, pages: &[(&str, String)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 4 + 2 * i))
        .collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    for (i, (size, content)) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        out.push_str(&format!("{o:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, out).unwrap();
    (dir, path)
}

/// A PDF of three pages of 24 paragraphs of two lines each, in a folder of its own.
fn long_pdf() -> (tempfile::TempDir, std::path::PathBuf) {
    let pages: Vec<(&str, String)> = (1..=3)
        .map(|p| {
            let mut content = String::from("BT /F1 11 Tf 72 740 Td ");
            for l in 1..=24 {
                content.push_str(&format!(
                    "(Paragraph {l} of page {p} says one thing about the matter and goes) Tj 0 -13 Td (on to say it again.) Tj 0 -16 Td "
                ));
            }
            content.push_str("ET");
            ("612 792", content)
        })
        .collect();
    pdf_of_pages("long.pdf", &pages)
}

/// Where `phrase` starts in the text of the document open in `h` (chars).
fn offset_of(h: &egui_kittest::Harness<'_, factmark::ui::FactmarkApp>, phrase: &str) -> usize {
    let text = h.state().doc().unwrap().session.text.as_str().to_owned();
    text[..text.find(phrase).unwrap()].chars().count()
}

/// A window of a next session on `path`, left shown as pages at `at` (or as text, zoomed
/// `zoom`), its view drawn.
fn reopened_at(
    path: &std::path::Path,
    at: usize,
    paged: bool,
    zoom: f32,
) -> egui_kittest::Harness<'static, factmark::ui::FactmarkApp> {
    let mut settings = factmark::ui::Settings {
        author: "ana".into(),
        ..factmark::ui::Settings::default()
    };
    settings.set_paged(path, paged);
    settings.set_zoom(path, zoom);
    settings.leave_at(path, at);
    let mut h = reopened(settings, path);
    h.run_steps(6);
    h
}

#[test]
fn p_without_a_selection_shows_the_line_at_the_top_of_the_pages_at_the_top_of_the_text() {
    let (_dir, path) = long_pdf();
    let mut h = common::window(&path, "ana");
    // Shown as text, then as pages, paged down a few times.
    h.key_press(egui::Key::P);
    h.run_steps(3);
    for _ in 0..3 {
        h.key_press(egui::Key::PageDown);
        h.run_steps(2);
    }
    let at = h
        .state()
        .page_view()
        .expect("as pages")
        .top_offset()
        .unwrap();
    assert!(at > 0, "paged down");
    h.key_press(egui::Key::P);
    h.run_steps(6);
    assert!(h.state().page_view().is_none(), "shown as text");
    let d = h.state().doc().unwrap();
    let text = &d.session.text;
    // The same line at the top, not half a view above it: the char at the pages' top is
    // on the text's top line (which may start earlier, wrapped otherwise).
    let v = h.state().view().unwrap();
    let view_top = v.text_rect().expect("drawn").min.y;
    let line = v.rects_on_screen(text, at, at + 1);
    let line = line.first().expect("the char is in view");
    assert!(
        (line.min.y - view_top).abs() < 0.5 * line.height(),
        "{line:?} under {view_top}"
    );
}

#[test]
fn a_pdf_left_as_text_shows_its_pages_zoomed_as_they_were_left() {
    let (_dir, path) = long_pdf();
    let h = common::window(&path, "ana");
    drop(h);
    let mut h = reopened_at(&path, 0, false, 1.5625);
    assert!(h.state().page_view().is_none(), "opened as text");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let zoom = h.state().page_view().expect("as pages").zoom();
    assert!((zoom - 1.5625).abs() < 1e-3, "{zoom}");
}

#[test]
fn a_pdf_left_at_a_pages_first_line_shows_that_pages_top_over_it() {
    let (_dir, path) = long_pdf();
    let h = common::window(&path, "ana");
    let first = offset_of(&h, "Paragraph 1 of page 2");
    let second = offset_of(&h, "Paragraph 2 of page 2");
    drop(h);
    let y_of = |at: usize| {
        let h = reopened_at(&path, at, true, 1.0);
        let d = h.state().doc().unwrap();
        let pages = d.session.pages.as_deref().unwrap();
        let pv = h.state().page_view().expect("as pages");
        assert_eq!(pv.top_offset(), Some(at));
        pv.rects_on_screen(pages, at, at + 1)[0].min.y
    };
    // Left at a line inside the page, that line is at the top; left at its first line, the
    // page's top margin shows over it.
    let (y_first, y_second) = (y_of(first), y_of(second));
    assert!(y_first > y_second + 20.0, "{y_first} {y_second}");
}

/// A PDF of a portrait page and a landscape one, each drawing `Results of the …` at the
/// same size (under the same running head), in a folder of its own.
fn portrait_and_landscape_pdf() -> (tempfile::TempDir, std::path::PathBuf) {
    let page = |words: &str| {
        format!(
            "BT /F1 12 Tf 72 500 Td (Table of results for the year.) Tj 0 -20 Td ({words}) Tj ET"
        )
    };
    pdf_of_pages(
        "mixed.pdf",
        &[
            ("612 792", page("Results of the first survey.")),
            ("792 612", page("Results of the second survey.")),
        ],
    )
}

#[test]
fn each_page_fits_the_width_so_a_landscape_page_shrinks_no_other() {
    let (_dir, path) = portrait_and_landscape_pdf();
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let d = h.state().doc().unwrap();
    let text = d.session.text.as_str().to_owned();
    let pages = d.session.pages.as_deref().unwrap().clone();
    let at = |phrase: &str| text[..text.find(phrase).unwrap()].chars().count();
    let (first, second) = (at("Results of the first"), at("Results of the second"));
    let pv = h.state().page_view().expect("as pages");
    let width = |at: usize| pv.rects_on_screen(&pages, at, at + 5)[0].width();
    // The portrait page is drawn 792/612 times as large as the landscape one: both fill
    // the width.
    let ratio = width(first) / width(second);
    assert!((ratio - 792.0 / 612.0).abs() < 0.02, "{ratio}");
}

#[test]
fn the_first_p_of_a_session_shows_the_selection_not_where_the_pages_were_left() {
    let (_dir, path) = long_pdf();
    // A session leaves the pages scrolled to the last page, then shows the text.
    let mut h = common::window(&path, "ana");
    h.key_press(egui::Key::P);
    h.run_steps(3);
    for _ in 0..8 {
        h.key_press(egui::Key::PageDown);
        h.run_steps(2);
    }
    let page_three = offset_of(&h, "Paragraph 1 of page 3");
    assert!(
        h.state().page_view().unwrap().top_offset().unwrap() >= page_three,
        "paged to the last page"
    );
    h.key_press(egui::Key::P);
    h.run_steps(3);
    // The window keeps what egui remembers (the scroll areas' places) for the next session.
    let remembered = h.ctx.memory(|m| m.clone());
    drop(h);
    let mut h = common::window(&path, "ana");
    h.ctx.memory_mut(|m| *m = remembered);
    h.run_steps(2);
    // Words on the first page selected, then P: the pages show them.
    let at = offset_of(&h, "Paragraph 3 of page 1");
    h.state_mut().apply(factmark::ui::Action::Do(
        factmark::workspace::Intent::Select(Some(factmark::ui::Selection {
            anchor: at,
            head: at + 9,
        })),
    ));
    h.run_steps(2);
    h.key_press(egui::Key::P);
    h.run_steps(6);
    let top = h
        .state()
        .page_view()
        .expect("as pages")
        .top_offset()
        .unwrap();
    assert!(top <= at, "{top} {at}");
}
