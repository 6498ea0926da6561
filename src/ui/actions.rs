//! What panels ask the app to do. Panels never change the model: they return actions, and the
//! app applies them after drawing, in one place.

use std::path::PathBuf;

use crate::core::annotation::{AnnotationId, TagKind};
use crate::core::edit::Command;

use super::selection::Selection;

/// A request from a panel, a menu or a shortcut.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Change the annotations (one undo step).
    Edit(Command),
    /// Change the annotations while typing: joins the previous step on the same annotation
    /// if it was recent.
    EditTyping(Command),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Save the sidecar now.
    Save,
    /// Save a copy of the annotations under another name.
    SaveCopyAs,
    /// Discard unsaved changes and read the document and sidecar again.
    Reload,
    /// Open a document.
    Open(PathBuf),
    /// Open a document whose sidecar cannot be read, keeping annotations in a new file.
    OpenAside(PathBuf),
    /// Open a document with its annotations kept in another file than its sidecar (where
    /// File > Save Annotations As… put them).
    OpenWithAnnotations(PathBuf, PathBuf),
    /// Export the open document's annotations.
    Export(crate::formats::ExportFormat),
    /// Show the file dialog to open a document.
    OpenDialog,
    /// Show the folder dialog to open a corpus.
    OpenFolderDialog,
    /// Open a folder as a corpus.
    OpenFolder(PathBuf),
    /// Open document `i` of the corpus.
    OpenCorpusDoc(usize),
    /// Open the next (+1) or previous (-1) document of the corpus.
    StepDocument(i32),
    /// Open a span of the corpus in its document.
    OpenSpan(usize, AnnotationId),
    /// Review a span of corpus document `doc` (saved at once).
    Review {
        /// The corpus document.
        doc: usize,
        /// The annotation.
        id: AnnotationId,
        /// The new status.
        status: crate::core::annotation::ReviewStatus,
        /// The review comment.
        comment: Option<String>,
    },
    /// Undo the last review made in the corpus views.
    UndoCorpus,
    /// Switch between the document and the corpus views.
    SetMode(Mode),
    /// Close the document (saving first).
    Close,
    /// Select an annotation (or none), optionally scrolling it into the middle of the view.
    SelectAnnotation {
        /// The annotation.
        id: Option<AnnotationId>,
        /// Whether to scroll the document to it.
        scroll: bool,
    },
    /// Set or clear the text selection.
    Select(Option<Selection>),
    /// Tag the text selection (or retag the selected annotation when nothing is selected).
    Tag(TagKind),
    /// Delete an annotation.
    Delete(AnnotationId),
    /// Move the nearer edge of an annotation's span to this char offset (one undoable step).
    Reach(AnnotationId, usize),
    /// Delete the selected annotation.
    DeleteSelected,
    /// Scroll the document to the selected annotation; with Find open, select the next match.
    ScrollToSelected,
    /// With Find open, select the previous match.
    PreviousMatch,
    /// Scroll the document by a page, or to its top or end.
    Scroll(super::document_view::Move),
    /// Clear the selection, or close the find bar.
    Escape,
    /// Select the next (+1) or previous (-1) annotation in the list's order.
    Step(i32),
    /// Put the keyboard focus in the note field.
    FocusNote,
    /// Show or hide the find bar.
    ToggleFind,
    /// Tag every find match, in one undoable step.
    TagAllMatches(crate::core::annotation::Tag),
    /// Scroll the document so that this char offset is in the middle.
    ScrollTo(usize),
    /// Show or hide the keyboard shortcut sheet.
    ToggleShortcuts,
    /// Show the review of annotations that no longer sit on their text.
    ShowReanchorReview,
    /// Show the merge conflicts waiting for a choice.
    ShowConflicts,
    /// Settle merge conflicts with these choices (and save).
    Resolve(Vec<crate::core::merge::Resolution>),
    /// Take the unsaved annotations of an earlier session into the document.
    Recover,
    /// Drop the unsaved annotations of an earlier session.
    DiscardRecovery,
}

/// What the central area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The open document.
    #[default]
    Document,
    /// The corpus's documents.
    Documents,
    /// Every span of the corpus, for review.
    Spans,
    /// The corpus statistics.
    Stats,
}
