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
#[derive(Debug, Clone, Serialize, Deserialize)]
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
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
