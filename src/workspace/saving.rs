//! The one save policy. A change is saved [`AUTOSAVE_DELAY`] after the last change to its
//! document (whichever document it is: the current one, or one reviewed in the folder's
//! views); unsaved changes are written to the recovery journal every [`JOURNAL_EVERY`];
//! before a document is closed or replaced, and before the window closes, everything unsaved
//! is saved, and a failed save keeps the document open. Switching documents or views saves
//! nothing by itself.
//!
//! [`AUTOSAVE_DELAY`]: super::AUTOSAVE_DELAY
//! [`JOURNAL_EVERY`]: super::JOURNAL_EVERY

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::{Document, Outcome, Workspace};
use crate::core::merge::Resolution;

/// Saves one document (with choices for the conflicts of its last save) and says how it went.
pub(super) fn save_doc(doc: &mut Document, resolutions: &[Resolution]) -> Vec<Outcome> {
    let path = doc.path().to_owned();
    let result = if resolutions.is_empty() {
        doc.save()
    } else {
        doc.resolve(resolutions)
    };
    vec![match result {
        Ok(saved) => Outcome::Saved { path, saved },
        Err(failure) => Outcome::SaveFailed { path, failure },
    }]
}

impl Workspace {
    /// Saves the current document now.
    pub(super) fn save_current(&mut self, resolutions: &[Resolution]) -> Vec<Outcome> {
        match self.current_mut() {
            Some(doc) => save_doc(doc, resolutions),
            None => Vec::new(),
        }
    }

    /// Settles merge conflicts of the current document (those of its last save are saved with
    /// the choices; those recorded in its sidecar are settled in memory, to be saved).
    pub(super) fn resolve(&mut self, resolutions: &[Resolution]) -> Vec<Outcome> {
        self.save_current(resolutions)
    }

    /// Saves the current document's annotations to another file from now on.
    pub(super) fn save_as(&mut self, to: &Path, replace: bool) -> Vec<Outcome> {
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let before = doc.session.sidecar_path.clone();
        match doc.save_as(to, replace) {
            Ok(now) => vec![Outcome::SavedAs { now, before }],
            Err(e) => vec![Outcome::SaveAsFailed {
                to: to.to_owned(),
                error: Arc::new(e),
            }],
        }
    }

    /// Takes the offered recovery into the current document (to be saved).
    pub(super) fn recover(&mut self) -> Vec<Outcome> {
        match self.current_mut() {
            Some(doc) => vec![Outcome::Recovered {
                conflicts: doc.restore_recovery(),
            }],
            None => Vec::new(),
        }
    }

    /// Saves every document with unsaved changes (before the window closes or a folder
    /// replaces them). Returns only what is worth telling: merges and failures.
    pub fn save_all(&mut self) -> Vec<Outcome> {
        self.all_docs_mut()
            .filter(|d| d.dirty)
            .flat_map(|d| save_doc(d, &[]))
            .collect()
    }

    /// What the timer asks for now: writes the recovery journal and saves the documents whose
    /// last change is [`super::AUTOSAVE_DELAY`] old. Returns what happened.
    pub fn tick(&mut self) -> Vec<Outcome> {
        let mut out = Vec::new();
        for doc in self.all_docs_mut() {
            if let Some(e) = doc.journal() {
                out.push(Outcome::JournalFailed(e));
                continue;
            }
            if doc.autosave_due() {
                out.extend(save_doc(doc, &[]));
            }
        }
        out
    }

    /// Takes in the folder's documents read since the last look.
    pub fn poll_folder(&mut self) {
        let current = self.current_in_folder();
        if let Some(f) = &mut self.folder {
            f.poll();
            f.reread_changed(current);
        }
    }

    /// How long until [`Self::tick`] has something to do, if anything waits.
    pub fn next_tick(&self) -> Option<Duration> {
        let alone = self.alone.iter();
        let folder = self
            .folder
            .iter()
            .flat_map(|f| f.loaded().filter_map(|(_, d)| d.doc.as_ref().ok()));
        alone
            .chain(folder)
            .filter_map(Document::autosave_in)
            .min()
            .map(|wait| wait.min(super::JOURNAL_EVERY))
    }

    /// Looks whether the current document's file changed on disk: at once when `now` (a
    /// watcher saw it change), otherwise at most every [`super::DISK_CHECK_EVERY`].
    pub fn check_disk(&mut self, now: bool) -> Vec<Outcome> {
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let change = if now {
            doc.check_disk_now()
        } else {
            doc.check_disk()
        };
        change.map(Outcome::DiskChanged).into_iter().collect()
    }
}
