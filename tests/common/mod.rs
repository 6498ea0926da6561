//! Helpers shared by the window and workspace tests.
// Each test file uses only some of these.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use factmark::ui::FactmarkApp;

/// Keeps the recovery journal of the tests out of the user's data folder (one folder per test
/// process, in the build's folder for tests' files, set once, before any test reads it).
pub fn private_recovery_dir() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("recovery-{}", std::process::id()));
        // SAFETY: set once, before any thread of this test process reads it.
        unsafe { std::env::set_var("FACTMARK_RECOVERY_DIR", dir) };
    });
}

/// Runs the window until a folder it opened is read (at most 20 s); with no folder, one frame.
pub fn wait_for_folder(h: &mut Harness<'_, FactmarkApp>) {
    let t = Instant::now();
    // The first frame opens a folder given at start.
    h.run_steps(1);
    while h
        .state()
        .ws
        .folder
        .as_ref()
        .is_some_and(|f| f.progress().is_some())
        && t.elapsed() < Duration::from_secs(20)
    {
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_steps(2);
}

/// Runs the window until the document it reads on another thread is read (at most 20 s).
pub fn wait_for_reading(h: &mut Harness<'_, FactmarkApp>) {
    let t = Instant::now();
    h.run_steps(1);
    while h.state().is_reading() && t.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
        h.run_steps(1);
    }
    assert!(!h.state().is_reading(), "the document was read");
    h.run_steps(2);
}

/// Opens `path` as the window's File ▸ Open does, and waits until it is read.
pub fn open_in_window(h: &mut Harness<'_, FactmarkApp>, path: &std::path::Path) {
    h.state_mut()
        .apply(factmark::ui::Action::Do(factmark::workspace::Intent::Open(
            path.to_owned(),
        )));
    wait_for_reading(h);
}

/// Runs the real `factmark` binary in `dir` with `args`, as the user "tester".
pub fn factmark(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .current_dir(dir)
        .env("USER", "tester")
        .env_remove("FACTMARK_AUTHOR")
        .output()
        .expect("run factmark")
}

/// The stdout of a run that must have succeeded (its stderr in the failure message).
pub fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A window at 1280×800 opened on `path` (a document or a folder, read to the end) by
/// `author`.
pub fn window(path: &std::path::Path, author: &str) -> Harness<'static, FactmarkApp> {
    private_recovery_dir();
    let settings = factmark::ui::Settings {
        author: author.into(),
        ..factmark::ui::Settings::default()
    };
    let app = FactmarkApp::new(settings, Some(path.to_owned()));
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut FactmarkApp| app.ui_body(ui), app);
    wait_for_folder(&mut h);
    h.run_steps(2);
    h
}

/// Writes `text` to `doc`, annotates the first occurrence of `quote` with `tag` (by "ana")
/// and saves the sidecar; returns the annotation's id.
pub fn saved_with(
    doc: &std::path::Path,
    text: &str,
    quote: &str,
    tag: factmark::core::annotation::Tag,
) -> factmark::core::annotation::AnnotationId {
    std::fs::write(doc, text).unwrap();
    let mut s = factmark::store::Session::open(doc).unwrap();
    let start = s.text.char_of_byte(text.find(quote).unwrap());
    let a = factmark::core::annotation::Annotation::new(
        &s.text,
        start,
        start + quote.chars().count(),
        tag,
        "ana",
        chrono::Utc::now(),
    )
    .unwrap();
    let id = a.id;
    s.annotations.insert(a);
    s.save().unwrap();
    id
}

/// The annotations of the current document, in their order.
pub fn annotations(h: &Harness<'_, FactmarkApp>) -> Vec<factmark::core::annotation::Annotation> {
    h.state()
        .doc()
        .map(|d| d.session.annotations.as_slice().to_vec())
        .unwrap_or_default()
}
