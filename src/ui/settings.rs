//! What the window remembers between runs (recent files, theme, panel layout), stored with
//! eframe's persistence. Documents and annotations are never stored here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files are remembered.
const MAX_RECENT: usize = 12;

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The remembered settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened documents, newest first.
    pub recent: Vec<PathBuf>,
    /// The colour theme.
    pub theme: ThemeChoice,
    /// Whether selections snap to word boundaries.
    pub snap_words: bool,
    /// Whether the annotation list is shown.
    pub show_list: bool,
    /// Whether the inspector is shown.
    pub show_inspector: bool,
    /// The name written as author and reviewer.
    pub author: String,
    /// Documents whose annotations were last saved to another file (File > Save Annotations
    /// As…), and that file: offered when the document is opened again.
    pub saved_as: std::collections::BTreeMap<PathBuf, PathBuf>,
    /// Where each document was left: the char offset at the top of the view.
    pub places: std::collections::BTreeMap<PathBuf, usize>,
    /// The PDFs last shown as pages rather than as text.
    pub paged: std::collections::BTreeSet<PathBuf>,
    /// How far each PDF's pages were zoomed (1 = the width of the view), where not 1.
    pub zooms: std::collections::BTreeMap<PathBuf, f32>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            theme: ThemeChoice::System,
            snap_words: true,
            show_list: true,
            show_inspector: true,
            author: crate::store::default_author(),
            saved_as: std::collections::BTreeMap::new(),
            places: std::collections::BTreeMap::new(),
            paged: std::collections::BTreeSet::new(),
            zooms: std::collections::BTreeMap::new(),
        }
    }
}

impl Settings {
    /// Remembers that the annotations of `doc` are now saved to `sidecar` (File > Save
    /// Annotations As…).
    pub fn saved_as(&mut self, doc: &Path, sidecar: &Path) {
        self.saved_as.insert(key(doc), key(sidecar));
    }

    /// Remembers that `doc` was left with char offset `at` at the top of the view.
    pub fn leave_at(&mut self, doc: &Path, at: usize) {
        self.places.insert(key(doc), at);
        // As many places as recent files are worth keeping.
        if self.places.len() > 4 * MAX_RECENT {
            let recent = self.recent.clone();
            self.places.retain(|p, _| recent.contains(p));
        }
    }

    /// Where `doc` was left (the char offset at the top of the view), if it was open before.
    pub fn place_of(&self, doc: &Path) -> Option<usize> {
        self.places.get(&key(doc)).copied()
    }

    /// Remembers whether `doc` (a PDF) is shown as pages.
    pub fn set_paged(&mut self, doc: &Path, paged: bool) {
        if paged {
            self.paged.insert(key(doc));
            if self.paged.len() > 4 * MAX_RECENT {
                let recent = self.recent.clone();
                self.paged.retain(|p| recent.contains(p));
            }
        } else {
            self.paged.remove(&key(doc));
        }
    }

    /// Remembers how far the pages of `doc` (a PDF) are zoomed.
    pub fn set_zoom(&mut self, doc: &Path, zoom: f32) {
        if (zoom - 1.0).abs() < 0.01 || !zoom.is_finite() {
            self.zooms.remove(&key(doc));
        } else {
            self.zooms.insert(key(doc), zoom);
            if self.zooms.len() > 4 * MAX_RECENT {
                let recent = self.recent.clone();
                self.zooms.retain(|p, _| recent.contains(p));
            }
        }
    }

    /// How far the pages of `doc` were zoomed (1 when never).
    pub fn zoom_of(&self, doc: &Path) -> f32 {
        self.zooms.get(&key(doc)).copied().unwrap_or(1.0)
    }

    /// Whether `doc` was last shown as pages.
    pub fn is_paged(&self, doc: &Path) -> bool {
        self.paged.contains(&key(doc))
    }

    /// Where the annotations of `doc` were last saved with Save As, if that file still exists.
    pub fn saved_as_of(&self, doc: &Path) -> Option<&Path> {
        self.saved_as
            .get(&key(doc))
            .map(PathBuf::as_path)
            .filter(|p| p.is_file())
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = key(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// How a file is remembered: its absolute path with links resolved, so one file is one entry
/// however it was opened.
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}
