//! Opening, showing and closing documents and folders. A folder's documents are read once;
//! showing one of them, or going back to the folder's views, reads and writes nothing.

use std::path::Path;
use std::sync::Arc;

use super::folder::Folder;
use super::outcome::{Opened, RecoveryFound};
use super::{Current, Document, Outcome, Workspace};
use crate::store::StoreError;

impl Workspace {
    /// Opens a document: the folder's own copy when it is one of the folder's documents,
    /// otherwise read from disk in place of the document opened alone (saved first).
    pub(super) fn open(&mut self, path: &Path) -> Vec<Outcome> {
        if let Some(i) = self.folder.as_ref().and_then(|f| f.index_of(path)) {
            return self.show(i);
        }
        self.replace_alone(path, Document::open, false, false)
    }

    /// Opens a document whose sidecar cannot be read, keeping new annotations in a new file
    /// beside it (the unreadable one is left untouched).
    pub(super) fn open_aside(&mut self, path: &Path) -> Vec<Outcome> {
        self.replace_alone(
            path,
            |p| Document::open_aside(p).map(|(d, _)| d),
            true,
            false,
        )
    }

    /// Opens a document with its annotations read from and saved to `annotations`.
    pub(super) fn open_with(&mut self, path: &Path, annotations: &Path) -> Vec<Outcome> {
        self.replace_alone(path, |p| Document::open_with(p, annotations), false, true)
    }

    pub(super) fn replace_alone(
        &mut self,
        path: &Path,
        read: impl FnOnce(&Path) -> Result<Document, StoreError>,
        aside: bool,
        chosen: bool,
    ) -> Vec<Outcome> {
        let mut out = self.save_alone();
        if self.alone.as_ref().is_some_and(|d| d.dirty) {
            return out;
        }
        match read(path) {
            Ok(doc) => {
                out.push(Outcome::Opened(opened(&doc, aside, chosen)));
                self.alone = Some(doc);
                self.current = Some(Current::Alone);
                self.last_typing = None;
            }
            Err(error) => {
                let sidecar_unreadable =
                    error.is_unreadable_sidecar(&crate::store::sidecar_path(path));
                out.push(Outcome::OpenFailed {
                    path: path.to_owned(),
                    error: Arc::new(error),
                    sidecar_unreadable,
                });
            }
        }
        out
    }

    /// Saves the document opened alone if it has unsaved changes.
    pub(super) fn save_alone(&mut self) -> Vec<Outcome> {
        match &mut self.alone {
            Some(doc) if doc.dirty => super::saving::save_doc(doc, &[]),
            _ => Vec::new(),
        }
    }

    /// Opens a folder in place of everything open (saved first; if a save fails, nothing is
    /// replaced and the failure is returned).
    pub(super) fn open_folder(&mut self, path: &Path) -> Vec<Outcome> {
        let mut out = self.save_all();
        if self.unsaved() {
            return out;
        }
        self.alone = None;
        self.current = None;
        self.review_undo.clear();
        self.folder = Some(Folder::open(path, Arc::clone(&self.wake)));
        out.push(Outcome::FolderOpened(path.to_owned()));
        out
    }

    /// Makes folder document `i` the current one; its annotations that moved when it was
    /// read are saved from now on.
    pub(super) fn show(&mut self, i: usize) -> Vec<Outcome> {
        if self.current == Some(Current::InFolder(i)) {
            return Vec::new();
        }
        let Some(doc) = self.folder.as_mut().and_then(|f| f.doc_mut(i)) else {
            return Vec::new();
        };
        doc.take_moves();
        let opened = opened(doc, false, false);
        self.current = Some(Current::InFolder(i));
        vec![Outcome::Opened(opened)]
    }

    /// Saves and closes the current document (a folder's document stays in the folder).
    pub(super) fn close(&mut self) -> Vec<Outcome> {
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let path = doc.path().to_owned();
        let mut out = Vec::new();
        if doc.dirty {
            out = super::saving::save_doc(doc, &[]);
            if doc.dirty {
                return out;
            }
        }
        if self.current == Some(Current::Alone) {
            self.alone = None;
        }
        self.current = None;
        self.last_typing = None;
        out.push(Outcome::Closed(path));
        out
    }

    /// Reads the current document and its annotations again, dropping unsaved changes.
    pub(super) fn reload(&mut self) -> Vec<Outcome> {
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        match Document::open_with(doc.path(), &doc.session.sidecar_path) {
            Ok(fresh) => {
                *doc = fresh;
                vec![Outcome::Reloaded]
            }
            Err(error) => vec![Outcome::OpenFailed {
                path: doc.path().to_owned(),
                error: Arc::new(error),
                sidecar_unreadable: false,
            }],
        }
    }
}

/// What to tell about a document just opened.
fn opened(doc: &Document, aside: bool, chosen: bool) -> Opened {
    Opened {
        path: doc.path().to_owned(),
        annotations: doc.session.sidecar_path.clone(),
        summary: doc.summary,
        recovery: doc.recovery.as_ref().map(|r| RecoveryFound {
            written: r.written,
            annotations: r.annotations.len(),
            path: r.path.clone(),
        }),
        conflicts: doc.session.conflicts.len(),
        aside,
        chosen,
        snapshots: doc
            .snapshots
            .iter()
            .map(|p| (p.path.clone(), p.state.describe()))
            .collect(),
        damage: doc.session.pages.as_ref().and_then(|p| p.damage()),
    }
}
