//! What panels, menus and keys ask for. A change to the documents is an [`Intent`] for the
//! workspace; the rest are the window's own business (dialogs, views, scrolling), handled by
//! the app after drawing, in one place.

use crate::core::annotation::Tag;
use crate::workspace::Intent;

/// A request from a panel, a menu or a shortcut. (A few are made per frame, so their size does
/// not matter.)
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Action {
    /// A change to the documents, applied by the workspace.
    Do(Intent),
    /// Save a copy of the annotations under another name (asks where).
    SaveCopyAs,
    /// Export the current document's annotations (asks where).
    Export(crate::formats::ExportFormat),
    /// Show the file dialog to open a document.
    OpenDialog,
    /// Show the folder dialog to open a folder.
    OpenFolderDialog,
    /// Open the next (+1) or previous (-1) document of the folder, in the table's order.
    StepDocument(i32),
    /// Show an annotation of folder document `doc` in the document view.
    OpenSpan(usize, crate::core::annotation::AnnotationId),
    /// Switch between the document and the folder's views.
    SetMode(Mode),
    /// Select the next (+1) or previous (-1) annotation in the list's order.
    Step(i32),
    /// Select every annotation the list shows, together.
    SelectAllListed,
    /// Move the caret; with `extend`, move the selection's moving end (the other stays).
    Caret {
        /// Where to.
        motion: Motion,
        /// Whether the selection grows or shrinks instead of the caret moving alone.
        extend: bool,
    },
    /// Scroll the document to the selected annotation; with Find open, select the next match.
    ScrollToSelected,
    /// With Find open, select the previous match.
    PreviousMatch,
    /// Scroll the document by a page, or to its top or end.
    Scroll(super::document_view::Move),
    /// Scroll the document so that this char offset is in the middle.
    ScrollTo(usize),
    /// Clear the selection, or close the find bar.
    Escape,
    /// Put the keyboard focus in the note field.
    FocusNote,
    /// Show or hide the find bar.
    ToggleFind,
    /// For a PDF: switch between its page view and its text.
    TogglePageView,
    /// Tag every find match like this, in one undoable step.
    TagAllMatches(Tag),
    /// Show or hide the keyboard shortcut sheet.
    ToggleShortcuts,
    /// Show the review of annotations that no longer sit on their text.
    ShowReanchorReview,
    /// Show the merge conflicts waiting for a choice.
    ShowConflicts,
    /// Start a link from the selected annotation: the next annotation clicked is its target.
    StartLink,
    /// Open a web address with the system's browser.
    OpenUrl(String),
    /// Open a local file (an evidence snapshot) with the system's opener.
    OpenFile(std::path::PathBuf),
    /// Ask for a file and attach it as the snapshot of an evidence item.
    AttachSnapshot(
        crate::core::annotation::AnnotationId,
        crate::core::evidence::EvidenceId,
    ),
}

impl From<Intent> for Action {
    fn from(intent: Intent) -> Self {
        Self::Do(intent)
    }
}

/// A caret move by the keyboard, on screen: left and right follow the line's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motion {
    /// A char to the left.
    Left,
    /// A char to the right.
    Right,
    /// A word to the left.
    WordLeft,
    /// A word to the right.
    WordRight,
    /// A line up.
    Up,
    /// A line down.
    Down,
    /// To the start of the line (as laid out), in reading order.
    LineStart,
    /// To the end of the line (as laid out), in reading order.
    LineEnd,
}

/// What the central area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The current document.
    #[default]
    Document,
    /// The folder's documents.
    Documents,
    /// Every span of the folder, for review.
    Spans,
    /// The folder's statistics.
    Stats,
    /// The claims made in more than one document of the folder.
    Claims,
}
