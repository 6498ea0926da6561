//! The workspace: the documents a person has open (one opened alone, or a folder's), the
//! current one, and their view state, changed only by [`Workspace::apply`]. No window here:
//! the window draws what the workspace holds, turns gestures into [`Intent`]s and the
//! [`Outcome`]s it gets back into words.
//!
//! Where things happen: `intent.rs` lists every change a person can ask for; `edits.rs`
//! changes annotations; `opening.rs` opens, shows and closes documents and folders, and
//! `reading.rs` reads a document to open on another thread; `saving.rs` is the one save
//! policy (when documents are saved, journalled and checked on disk).

mod document;
mod edits;
mod folder;
mod intent;
mod opening;
mod outcome;
mod reading;
mod saving;
mod selection;

use std::time::Instant;

pub use document::{
    AUTOSAVE_DELAY, AnchorSummary, DISK_CHECK_EVERY, DiskChange, Document, JOURNAL_EVERY,
};
pub use folder::{DOCUMENT_EXTENSIONS, Folder, FolderDoc, Waker, is_document, tag_index};
pub use intent::Intent;
pub use outcome::{Opened, Outcome, RecoveryFound, SaveFailure, Saved};
pub use reading::{Background, Reading};
pub use selection::Selection;

use crate::core::annotation::AnnotationId;

/// Which document is the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Current {
    /// The document opened alone.
    Alone,
    /// Document `i` of the folder.
    InFolder(usize),
}

/// The open documents and folder, and which document is current.
pub struct Workspace {
    /// The open folder, if any.
    pub folder: Option<Folder>,
    /// A document opened on its own (not from the folder).
    alone: Option<Document>,
    current: Option<Current>,
    /// Who makes the changes (recorded on new annotations and reviews).
    pub author: String,
    /// The annotation being typed into and when, to join keystrokes into one undo step.
    last_typing: Option<(AnnotationId, Instant)>,
    /// Folder documents changed by reviews in the folder's views, newest last (for undo).
    review_undo: Vec<usize>,
    wake: Waker,
}

impl Workspace {
    /// An empty workspace; `wake` is called when documents of a folder arrive.
    pub fn new(author: impl Into<String>, wake: Waker) -> Self {
        Self {
            folder: None,
            alone: None,
            current: None,
            author: author.into(),
            last_typing: None,
            review_undo: Vec::new(),
            wake,
        }
    }

    /// The current document.
    pub fn current(&self) -> Option<&Document> {
        match self.current? {
            Current::Alone => self.alone.as_ref(),
            Current::InFolder(i) => self.folder.as_ref()?.doc(i),
        }
    }

    /// The current document, to change (view state; annotations change through
    /// [`Self::apply`]).
    pub fn current_mut(&mut self) -> Option<&mut Document> {
        match self.current? {
            Current::Alone => self.alone.as_mut(),
            Current::InFolder(i) => self.folder.as_mut()?.doc_mut(i),
        }
    }

    /// The folder index of the current document, when it is one of the folder's.
    pub fn current_in_folder(&self) -> Option<usize> {
        match self.current? {
            Current::InFolder(i) => Some(i),
            Current::Alone => None,
        }
    }

    /// Every document open, the current one first.
    fn all_docs_mut(&mut self) -> impl Iterator<Item = &mut Document> {
        self.alone
            .iter_mut()
            .chain(self.folder.iter_mut().flat_map(Folder::docs_mut))
    }

    /// Whether any open document has unsaved changes.
    pub fn unsaved(&self) -> bool {
        self.alone.as_ref().is_some_and(|d| d.dirty)
            || self.folder.as_ref().is_some_and(|f| {
                f.loaded()
                    .any(|(_, d)| d.doc.as_ref().is_ok_and(|d| d.dirty))
            })
    }

    /// Carries out an intent; says what happened.
    pub fn apply(&mut self, intent: Intent) -> Vec<Outcome> {
        match intent {
            Intent::Edit(cmd) => self.edit(&cmd, false),
            Intent::EditTyping(cmd) => self.edit(&cmd, true),
            Intent::Undo => self.undo(false),
            Intent::Redo => self.undo(true),
            Intent::Save => self.save_current(&[]),
            Intent::SaveAs { to, replace } => self.save_as(&to, replace),
            Intent::Reload => self.reload(),
            Intent::Open(path) => self.open(&path),
            Intent::OpenAside(path) => self.open_aside(&path),
            Intent::OpenWithAnnotations(path, annotations) => self.open_with(&path, &annotations),
            Intent::OpenFolder(path) => self.open_folder(&path),
            Intent::Show(i) => self.show(i),
            Intent::Close => self.close(),
            Intent::SelectAnnotation { id, reveal } => self.select_annotation(id, reveal),
            Intent::Select(selection) => {
                if let Some(doc) = self.current_mut() {
                    doc.selection = selection;
                }
                Vec::new()
            }
            Intent::Tag(kind) => self.tag(kind),
            Intent::TagAll { template, spans } => self.tag_all(&template, &spans),
            Intent::Delete(id) => self.delete(id),
            Intent::DeleteSelected if self.current().is_some_and(|d| !d.many.is_empty()) => {
                self.edit_many(crate::core::bulk::BulkEdit::Delete)
            }
            Intent::DeleteSelected => match self.current().and_then(|d| d.selected) {
                Some(id) => self.delete(id),
                None => Vec::new(),
            },
            Intent::SelectMany(ids) => self.select_many(ids),
            Intent::EditMany(edit) => self.edit_many(edit),
            Intent::Reach(id, at) => self.reach(id, at),
            Intent::Review {
                doc,
                id,
                status,
                comment,
            } => self.review(doc, id, status, comment),
            Intent::UndoReview => self.undo_review(),
            Intent::Recover => self.recover(),
            Intent::DiscardRecovery => {
                if let Some(doc) = self.current_mut() {
                    doc.discard_recovery();
                }
                vec![Outcome::RecoveryDiscarded]
            }
            Intent::Resolve(resolutions) => self.resolve(&resolutions),
        }
    }
}
