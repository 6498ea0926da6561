//! A corrected article in the window: an annotation whose text was replaced in place is
//! outlined where its text now is, a click selects it, and the inspector accepts the
//! corrected text in one click (one undoable step; a date's value follows).

mod common;

use egui::Vec2;
use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::{DateValue, Tag, TagKind};

#[test]
fn a_corrected_date_is_outlined_where_it_now_is_and_accepted_from_the_inspector() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    let before = "The council met on June 8, 2020 to discuss the bridge.\n";
    let id = common::saved_with(
        &doc,
        before,
        "June 8, 2020",
        Tag::for_text(TagKind::Date, "June 8, 2020"),
    );
    let after = before.replace("June 8, 2020", "January 8, 2020");
    std::fs::write(&doc, &after).unwrap();

    let mut h = common::window(&doc, "rev");
    // The history's arrows come from the system's fonts in the real window; the test window
    // has only egui's own.
    h.ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    let pending = h.state().doc().unwrap().pending.clone();
    let at = after.find("January").unwrap();
    assert_eq!(pending, vec![(id, at, at + "January 8, 2020".len())]);
    // A click on the outlined text selects the annotation.
    let p = {
        let d = h.state().doc().unwrap();
        let v = h.state().view().unwrap();
        v.screen_pos_of(&d.session.text, at + 2).unwrap() + Vec2::new(2.0, 0.0)
    };
    h.hover_at(p);
    h.run();
    h.drag_at(p);
    h.run();
    h.drop_at(p);
    h.run_steps(3);
    assert_eq!(h.state().doc().unwrap().selected, Some(id));
    h.get_by_label_contains("Accept the text as it is now")
        .click();
    h.run_steps(3);
    let d = h.state().doc().unwrap();
    let a = d.session.annotations.get(id).unwrap();
    assert_eq!(a.exact, "January 8, 2020");
    assert_eq!(
        a.tag,
        Tag::Date {
            value: Some(DateValue::parse("2020-01-08").unwrap())
        },
        "the date's value follows its text"
    );
    assert!(d.pending.is_empty(), "nothing waits any more");
}

#[test]
fn a_rated_claim_accepted_from_the_inspector_is_marked_for_re_check() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    let before = "Officials said the first case was confirmed on June 8, 2020 in the port.\n";
    let id = common::saved_with(
        &doc,
        before,
        "the first case was confirmed on June 8, 2020",
        Tag::Claim {
            verdict: factmark::core::annotation::Verdict::False,
            claimant: None,
        },
    );
    std::fs::write(&doc, before.replace("June", "January")).unwrap();

    let mut h = common::window(&doc, "rev");
    h.ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    h.state_mut().apply(factmark::ui::Action::Do(
        factmark::workspace::Intent::SelectAnnotation {
            id: Some(id),
            reveal: true,
        },
    ));
    h.run_steps(3);
    h.get_by_label_contains("Accept the text as it is now")
        .click();
    h.run_steps(3);
    let d = h.state().doc().unwrap();
    let a = d.session.annotations.get(id).unwrap();
    assert_eq!(a.exact, "the first case was confirmed on January 8, 2020");
    assert!(
        matches!(
            a.tag,
            Tag::Claim {
                verdict: factmark::core::annotation::Verdict::False,
                ..
            }
        ),
        "the verdict stays"
    );
    assert!(
        factmark::core::corrections::needs_recheck(a),
        "marked for re-check: {:?}",
        a.review
    );
}
