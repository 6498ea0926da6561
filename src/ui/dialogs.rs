//! The system's file dialogs, and what to do when there is none (a dialog that "returns" at
//! once was never shown).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::workspace::DOCUMENT_EXTENSIONS;

/// What a dialog gave.
pub enum Picked {
    /// The path chosen.
    Path(PathBuf),
    /// The person closed the dialog without choosing.
    Nothing,
    /// No dialog could be shown on this system.
    NoDialog,
}

fn picked(started: Instant, path: Option<PathBuf>) -> Picked {
    match path {
        Some(p) => Picked::Path(p),
        None if started.elapsed() < Duration::from_millis(400) => Picked::NoDialog,
        None => Picked::Nothing,
    }
}

/// Asks for a document to open.
pub fn pick_document() -> Picked {
    let started = Instant::now();
    let path = rfd::FileDialog::new()
        .add_filter("Documents", DOCUMENT_EXTENSIONS)
        .add_filter("All files", &["*"])
        .pick_file();
    picked(started, path)
}

/// Asks for a folder to open.
pub fn pick_folder() -> Picked {
    let started = Instant::now();
    picked(started, rfd::FileDialog::new().pick_folder())
}

/// Asks where to save, suggesting `suggested`. A save dialog asks before it returns an
/// existing file, so the path it gives may be replaced.
pub fn pick_save(suggested: &Path) -> Picked {
    let started = Instant::now();
    let path = rfd::FileDialog::new()
        .set_directory(suggested.parent().unwrap_or(Path::new(".")))
        .set_file_name(
            suggested
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
        )
        .save_file();
    picked(started, path)
}

/// Asks for a saved copy of a source (a page or a PDF) to attach as a snapshot, starting in
/// `folder` (the document's).
pub fn pick_snapshot(folder: &Path) -> Picked {
    let started = Instant::now();
    let path = rfd::FileDialog::new()
        .set_title("Attach a saved copy of the source")
        .set_directory(folder)
        .add_filter(
            "Saved pages and PDFs",
            &["html", "htm", "mhtml", "pdf", "png", "jpg", "txt"],
        )
        .add_filter("All files", &["*"])
        .pick_file();
    picked(started, path)
}
