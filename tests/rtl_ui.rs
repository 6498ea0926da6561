//! Right-to-left and mixed paragraphs in the real document view, headless: the visual order of
//! runs and digits as egui draws them, drags that select what the reader swept over, tags
//! whose highlights cover exactly their chars, and no panic on
//! direction controls. Positions come from the view's own layout (the rectangles it highlights
//! with), assertions are on the model.

use std::path::{Path, PathBuf};

use egui::{Key, Pos2, Rect, Vec2};
use egui_kittest::Harness;
use factmark::core::annotation::Annotation;
use factmark::ui::{FactmarkApp, Settings};

/// Arabic: "Minister John Smith said that 25 people were injured on 12 May 2024, and ٢٠٢٤ in
/// Arabic-Indic digits" (written for this test).
const ARABIC: &str = "قال الوزير John Smith إن 25 شخصا أصيبوا في 12 مايو 2024 وفي عام ٢٠٢٤ أيضا.";
/// Persian: "The ministry says inflation fell to 32 percent in 1403".
const PERSIAN: &str = "وزارت اقتصاد می‌گوید تورم در سال ۱۴۰۳ به ۳۲ درصد رسید.";
/// Hebrew: "According to the CBS, unemployment was 3.4% in March 2024".
const HEBREW: &str = "לפי נתוני CBS, שיעור האבטלה עמד על 3.4% בחודש מרץ 2024.";
/// Controls, marks and unpaired brackets that must not break anything.
const HOSTILE: &str = "\u{2067}abc (\u{2069} \u{200F}12\u{200E} ]ש[ \u{202E}xyz\u{202C} ((ب";

fn doc_text() -> String {
    format!(
        "{ARABIC}\n\n{PERSIAN}\n\n{HEBREW}\n\n{HOSTILE}\n\nThe minister told Al Jazeera: \"قلنا إن الأسعار ستنخفض بنسبة 10%\" on 3 June.\n"
    )
}

fn setup() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("article.txt");
    let text = doc_text();
    std::fs::write(&doc, &text).unwrap();
    (dir, doc, text)
}

fn harness(doc: &Path) -> Harness<'static, FactmarkApp> {
    let recovery = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("rtl-recovery-{}", std::process::id()));
    // SAFETY: set before any thread of this test reads it; tests in this file all set the same.
    unsafe { std::env::set_var("FACTMARK_RECOVERY_DIR", recovery) };
    let settings = Settings {
        author: "tester".into(),
        ..Settings::default()
    };
    let app = FactmarkApp::new(settings, Some(doc.to_owned()));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 900.0))
        .with_accessibility_check(false)
        // The built-in Arabic and Hebrew fonts, as the window has them (kittest panics on a
        // missing glyph, so a char without a font fails the test).
        .with_context_setup(factmark::ui::install_fonts)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(4);
    h
}

/// Char offsets of `needle` (the `nth` occurrence) in `text`.
fn find(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Screen rectangles of chars `a..b` as the view draws (and highlights) them.
fn rects(h: &Harness<'_, FactmarkApp>, a: usize, b: usize) -> Vec<Rect> {
    let doc = h.state().doc().unwrap();
    h.state()
        .view()
        .unwrap()
        .rects_on_screen(&doc.session.text, a, b)
}

/// The one rectangle of char `i`.
fn char_rect(h: &Harness<'_, FactmarkApp>, i: usize) -> Rect {
    let r = rects(h, i, i + 1);
    assert_eq!(r.len(), 1, "char {i}: {r:?}");
    r[0]
}

fn drag_between(h: &mut Harness<'_, FactmarkApp>, a: Pos2, b: Pos2) {
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(Pos2::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
    h.run();
    h.hover_at(b);
    h.run();
    h.drop_at(b);
    h.run();
}

fn annotations(h: &Harness<'_, FactmarkApp>) -> Vec<Annotation> {
    h.state()
        .doc()
        .unwrap()
        .session
        .annotations
        .as_slice()
        .to_vec()
}

fn selected_text(h: &Harness<'_, FactmarkApp>, text: &str) -> Option<String> {
    let doc = h.state().doc().unwrap();
    let sel = doc.selection?;
    Some(
        text.chars()
            .skip(sel.start())
            .take(sel.end() - sel.start())
            .collect(),
    )
}

#[test]
fn runs_and_digits_are_drawn_in_visual_order() {
    let (_dir, path, text) = setup();
    let h = harness(&path);
    let x = |needle: &str| {
        let (a, b) = find(&text, needle);
        let r = rects(&h, a, b);
        assert_eq!(r.len(), 1, "{needle}: {r:?}");
        r[0]
    };
    // An RTL paragraph: the first word is rightmost, the Latin name to its left, in its own
    // order, and the rest further left.
    let qal = x("قال");
    let name = x("John Smith");
    let people = x("شخصا");
    assert!(qal.min.x > name.max.x, "{qal:?} {name:?}");
    assert!(name.min.x > people.max.x);
    let (j, _) = find(&text, "John");
    let (s, _) = find(&text, "Smith");
    assert!(char_rect(&h, j).max.x <= char_rect(&h, s).min.x);
    // Digits read left to right in every script: each digit right of the one before it.
    for number in ["2024", "٢٠٢٤", "۱۴۰۳", "3.4%", "12"] {
        let (a, b) = find(&text, number);
        for i in a..b - 1 {
            assert!(
                char_rect(&h, i).max.x <= char_rect(&h, i + 1).min.x + 0.5,
                "{number}: char {} is not left of char {}",
                i - a,
                i + 1 - a
            );
        }
    }
    // The RTL paragraph is aligned right: it ends where the LTR one at the bottom starts.
    let (e, _) = find(&text, "The minister");
    assert!((qal.max.x - char_rect(&h, e).min.x) > 300.0);
}

#[test]
fn a_drag_across_a_mixed_line_selects_what_was_swept_and_tags_it() {
    let (_dir, path, text) = setup();
    let mut h = harness(&path);
    // From the right edge of "قال" (its start) leftwards to the left edge of "John": over
    // "قال", "الوزير" and all of "John Smith".
    let (q, _) = find(&text, "قال");
    let (j, _) = find(&text, "John");
    let from = char_rect(&h, q);
    let to = char_rect(&h, j);
    drag_between(
        &mut h,
        Pos2::new(from.max.x - 1.0, from.center().y),
        Pos2::new(to.min.x + 1.0, to.center().y),
    );
    assert_eq!(
        selected_text(&h, &text).as_deref(),
        Some("قال الوزير John Smith")
    );
    h.key_press(Key::C);
    h.run();
    let anns = annotations(&h);
    assert_eq!(anns.len(), 1);
    let a = &anns[0];
    assert_eq!(a.exact, "قال الوزير John Smith");
    assert_eq!((a.start, a.end), find(&text, "قال الوزير John Smith"));
}

#[test]
fn a_drag_inside_a_persian_sentence_selects_the_words_between() {
    let (_dir, path, text) = setup();
    let mut h = harness(&path);
    // From inside "تورم" to inside "درصد" (reading right to left): words snap whole, the
    // Persian digits come along in their order.
    let (t, _) = find(&text, "تورم");
    let (d, _) = find(&text, "درصد");
    let from = char_rect(&h, t + 1);
    let to = char_rect(&h, d + 2);
    drag_between(&mut h, from.center(), to.center());
    assert_eq!(
        selected_text(&h, &text).as_deref(),
        Some("تورم در سال ۱۴۰۳ به ۳۲ درصد")
    );
}

#[test]
fn a_span_from_arabic_into_latin_is_highlighted_on_exactly_its_chars() {
    let (_dir, path, text) = setup();
    let mut h = harness(&path);
    // "الوزير John": it starts in the RTL run and ends inside the LTR name.
    let (a, b) = find(&text, "الوزير John");
    // A reader cannot sweep over it in one stroke (" Smith" lies between its parts on
    // screen), so it is selected with the keyboard: Find, Enter, then a tag key.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("الوزير John".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    h.key_press(Key::Q);
    h.run_steps(2);
    let anns = annotations(&h);
    assert_eq!(anns.len(), 1, "{anns:?}");
    assert_eq!((anns[0].start, anns[0].end), (a, b));
    let hl = rects(&h, a, b);
    // Two groups on screen: "الوزير " at the right, "John" to the left of "Smith".
    assert_eq!(hl.len(), 2, "{hl:?}");
    // (A char's own rectangle is at least 4 points wide, so its middle is what is checked.)
    let inside = |r: Rect| hl.iter().any(|h| h.contains(r.center()));
    for i in a..b {
        assert!(inside(char_rect(&h, i)), "char {i} is not highlighted");
    }
    // And the highlight reaches no further than the chars: its width is theirs.
    let width: f32 = hl.iter().map(|r| r.width()).sum();
    let chars: f32 = (a..b).map(|i| char_rect(&h, i).width()).sum();
    assert!((width - chars).abs() < 1.0, "{width} vs {chars}");
    // Nothing else on the line is: not "Smith", not "قال".
    let (s, e) = find(&text, "Smith");
    for i in (s..e).chain(find(&text, "قال").0..find(&text, "قال").1) {
        let r = char_rect(&h, i);
        assert!(
            !hl.iter().any(|h| h.contains(r.center())),
            "char {i} is highlighted"
        );
    }
}

#[test]
fn controls_marks_and_unpaired_brackets_are_laid_out_and_hit() {
    let (_dir, path, text) = setup();
    let mut h = harness(&path);
    let (a, b) = find(&text, HOSTILE);
    // Every visible char of the paragraph has a place, and sweeping the whole line selects
    // all of it without a panic.
    let all = rects(&h, a, b);
    assert!(!all.is_empty());
    let left = all.iter().map(|r| r.min.x).fold(f32::INFINITY, f32::min);
    let right = all
        .iter()
        .map(|r| r.max.x)
        .fold(f32::NEG_INFINITY, f32::max);
    let y = all[0].center().y;
    drag_between(
        &mut h,
        Pos2::new(right + 20.0, y),
        Pos2::new(left - 20.0, y),
    );
    let sel = h.state().doc().unwrap().selection.unwrap();
    assert!(sel.start() >= a && sel.end() <= b && sel.end() > sel.start());
}

#[test]
fn in_a_persian_article_a_paragraph_starting_with_a_latin_name_reads_right_to_left() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("fa.txt");
    let first = "MTC توسط شهرام پناهی راه اندازی شد.";
    let text = format!("{first}\n\nشبکه ماهواره ای در سال ۱۴۰۲ آغاز شد و برنامه های زیادی دارد.\n");
    std::fs::write(&doc, &text).unwrap();
    let h = harness(&doc);
    // "MTC" is the first thing read: at the right end of the line, right of the Persian words.
    let mtc = rects(&h, 0, 3);
    let persian = rects(&h, 4, 8);
    assert!(
        mtc[0].min.x > persian[0].max.x,
        "MTC {mtc:?} should be right of {persian:?}"
    );
}

#[test]
fn characters_no_installed_font_has_are_explained_in_a_banner() {
    // Korean on a computer with no Korean font: the boxes are explained, with what to install.
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("brief.txt");
    std::fs::write(&doc, "연평균 성장률 is the average yearly growth rate.\n").unwrap();
    let recovery = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("rtl-recovery-{}", std::process::id()));
    // SAFETY: set before any thread of this test reads it; tests in this file all set the same.
    unsafe { std::env::set_var("FACTMARK_RECOVERY_DIR", recovery) };
    let app = FactmarkApp::new(Settings::default(), Some(doc));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1280.0, 900.0))
        .with_accessibility_check(false)
        .with_context_setup(|ctx| {
            factmark::ui::install_fonts(ctx);
            // A system with no font for Hangul.
            factmark::ui::watch_fonts(
                ctx,
                std::sync::Arc::new(|_: &egui::FallbackRequest<'_>| None),
            );
        })
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    h.run_steps(4);
    let banners: Vec<String> = h
        .state()
        .banners
        .shown()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert!(
        banners
            .iter()
            .any(|b| b.contains("Hangul characters") && b.contains("fonts-noto-cjk")),
        "{banners:?}"
    );
}
