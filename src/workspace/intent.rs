//! Every change a person can ask of the workspace, typed. The window's panels, menus and keys
//! produce intents; [`super::Workspace::apply`] carries them out.

use std::path::PathBuf;

use super::selection::Selection;
use crate::core::annotation::{AnnotationId, ReviewStatus, Tag, TagKind};
use crate::core::bulk::BulkEdit;
use crate::core::edit::Command;
use crate::core::merge::Resolution;

/// A change asked for by the person using factmark.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Change the current document's annotations (one undo step).
    Edit(Command),
    /// Change the annotations while typing: joins the previous step on the same annotation
    /// if it was recent.
    EditTyping(Command),
    /// Undo the current document's last change.
    Undo,
    /// Redo its last undone change.
    Redo,
    /// Save the current document's annotations now.
    Save,
    /// Save the current document's annotations to another file from now on; an existing file
    /// is replaced only with `replace` (a file dialog asked the user).
    SaveAs {
        /// The file.
        to: PathBuf,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// Drop unsaved changes and read the current document and its annotations again.
    Reload,
    /// Open a document (the folder's own document when it is one of the folder's).
    Open(PathBuf),
    /// Open a document whose sidecar cannot be read, keeping its annotations in a new file.
    OpenAside(PathBuf),
    /// Open a document with its annotations kept in another file than its sidecar.
    OpenWithAnnotations(PathBuf, PathBuf),
    /// Open a folder; its documents are read in the background.
    OpenFolder(PathBuf),
    /// Make document `i` of the folder the current document.
    Show(usize),
    /// Save and close the current document.
    Close,
    /// Select an annotation (or none), optionally showing it.
    SelectAnnotation {
        /// The annotation.
        id: Option<AnnotationId>,
        /// Whether the view should show it.
        reveal: bool,
    },
    /// Select these annotations together (two or more), the last one as the selected one.
    SelectMany(Vec<AnnotationId>),
    /// Make one change to every annotation selected together, in one undoable step.
    EditMany(BulkEdit),
    /// Set or clear the text selection.
    Select(Option<Selection>),
    /// Tag the text selection, or retag the selected annotation (or the ones selected together)
    /// when no text is selected.
    Tag(TagKind),
    /// Tag these spans like `template`, in one undoable step (spans already tagged that way
    /// are left alone).
    TagAll {
        /// The tag and details to give each.
        template: Tag,
        /// The char ranges.
        spans: Vec<(usize, usize)>,
    },
    /// Delete an annotation.
    Delete(AnnotationId),
    /// Delete the selected annotation (or the ones selected together).
    DeleteSelected,
    /// Move the nearer edge of an annotation's span to this char offset.
    Reach(AnnotationId, usize),
    /// Review an annotation of folder document `doc`.
    Review {
        /// The folder document.
        doc: usize,
        /// The annotation.
        id: AnnotationId,
        /// The new status.
        status: ReviewStatus,
        /// The review comment.
        comment: Option<String>,
    },
    /// Undo the last review made in the folder's views.
    UndoReview,
    /// Take the unsaved annotations of an earlier session into the current document.
    Recover,
    /// Drop the unsaved annotations of an earlier session.
    DiscardRecovery,
    /// Settle merge conflicts with these choices (and save).
    Resolve(Vec<Resolution>),
}
