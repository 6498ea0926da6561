//! The same claim across a folder, in the window: a claim's inspector offers the check made in
//! another document, "Reuse this check" copies its verdict and sources in one undoable step,
//! and the folder's Claims view lists the group.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factmark::core::annotation::{Annotation, Tag, Verdict};
use factmark::core::evidence::{Evidence, Stance};
use factmark::store::Session;
use factmark::ui::{Action, FactmarkApp, Mode};
use factmark::workspace::Intent;

fn claim(s: &Session, text: &str, needle: &str, verdict: Verdict) -> Annotation {
    let start = text[..text.find(needle).unwrap()].chars().count();
    Annotation::new(
        &s.text,
        start,
        start + needle.chars().count(),
        Tag::Claim {
            verdict,
            claimant: None,
        },
        "ana",
        chrono::Utc::now(),
    )
    .unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let one = "The mayor said unemployment in Westmarch fell to 3.7 percent in 2024.\n";
    let two = "Westmarch's unemployment dropped to 3.7% in 2024, officials said.\n";
    for (name, text, needle, verdict, sources) in [
        (
            "one.txt",
            one,
            "unemployment in Westmarch fell to 3.7 percent in 2024",
            Verdict::False,
            1,
        ),
        (
            "two.txt",
            two,
            "Westmarch's unemployment dropped to 3.7% in 2024",
            Verdict::Unrated,
            0,
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut s = Session::open(&path).unwrap();
        let mut a = claim(&s, text, needle, verdict);
        for _ in 0..sources {
            let mut e = Evidence::new(
                "https://stats.example/jobs",
                Stance::Refutes,
                chrono::Utc::now(),
            );
            e.archived = "https://web.archive.org/web/2025/https://stats.example/jobs".into();
            a.evidence.push(e);
        }
        s.annotations.insert(a);
        s.save().unwrap();
    }
    dir
}

fn harness(dir: &std::path::Path) -> Harness<'static, FactmarkApp> {
    common::window(dir, "rev")
}

fn the_claim(h: &Harness<'_, FactmarkApp>) -> Annotation {
    h.state().doc().unwrap().session.annotations.as_slice()[0].clone()
}

#[test]
fn a_repeated_claim_reuses_the_check_made_elsewhere_in_one_undoable_step() {
    let dir = folder();
    let mut h = harness(dir.path());
    let two = {
        let f = h.state().ws.folder.as_ref().unwrap();
        let i = f.index_of(&dir.path().join("two.txt")).unwrap();
        let id = f.doc(i).unwrap().session.annotations.as_slice()[0].id;
        (i, id)
    };
    h.state_mut().apply(Action::OpenSpan(two.0, two.1));
    h.run_steps(3);
    assert_eq!(h.state().doc().unwrap().selected, Some(two.1));
    h.get_by_label("Also in 1 other document");
    h.get_by_label("Reuse this check").click();
    h.run_steps(3);
    let a = the_claim(&h);
    assert!(
        matches!(
            a.tag,
            Tag::Claim {
                verdict: Verdict::False,
                ..
            }
        ),
        "{:?}",
        a.tag
    );
    assert_eq!(a.evidence.len(), 1);
    assert!(a.evidence[0].archived.contains("web.archive.org"));
    assert!(a.note.contains("one.txt"), "{}", a.note);
    h.state_mut().apply(Action::Do(Intent::Undo));
    h.run_steps(2);
    let a = the_claim(&h);
    assert!(matches!(
        a.tag,
        Tag::Claim {
            verdict: Verdict::Unrated,
            ..
        }
    ));
    assert!(
        a.evidence.is_empty() && a.note.is_empty(),
        "one undo takes it all back"
    );
    // The folder's Claims view lists the group.
    h.state_mut().apply(Action::SetMode(Mode::Claims));
    h.run_steps(2);
    h.get_by_label("Claims made in more than one place");
    h.get_by_label("one.txt");
}
