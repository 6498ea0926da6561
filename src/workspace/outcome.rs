//! What applying an intent did, typed: the window puts outcomes into words in one place
//! (`ui::wording`), and decides from their type, never from their text, what to show.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::document::{AnchorSummary, DiskChange};
use crate::core::annotation::{AnnotationId, TagKind};
use crate::core::edit::EditError;
use crate::store::StoreError;
use crate::store::save::MergeReport;

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing needed writing.
    Nothing,
    /// Written; the sidecar on disk was the one loaded.
    Written,
    /// Another program's changes were merged in, then written.
    Merged(MergeReport),
    /// The sidecar had been removed; it was written again.
    Recreated,
}

/// Why a save wrote nothing; the work stays in memory.
#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    /// Another program changed some of the same fields: the user chooses.
    #[error("{0} fields changed both here and by another program")]
    Conflicts(usize),
    /// The store refused or failed (read-only, disk full, unreadable sidecar on disk…).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Unsaved annotations of an earlier session, found when a document was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryFound {
    /// When they were written.
    pub written: DateTime<Utc>,
    /// How many annotations they hold.
    pub annotations: usize,
    /// The journal file that keeps them.
    pub path: PathBuf,
}

/// What the user should know about a document that was just opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The document.
    pub path: PathBuf,
    /// The file its annotations are read from and saved to.
    pub annotations: PathBuf,
    /// What re-anchoring found.
    pub summary: AnchorSummary,
    /// Unsaved annotations of an earlier session, offered for recovery.
    pub recovery: Option<RecoveryFound>,
    /// Merge conflicts recorded in the sidecar, waiting for a choice.
    pub conflicts: usize,
    /// Its annotations are kept in a new file because its sidecar cannot be read.
    pub aside: bool,
    /// Its annotations are read from a file the user chose (not its sidecar).
    pub chosen: bool,
    /// Evidence snapshots missing or changed since they were attached: the file as recorded
    /// and what is wrong.
    pub snapshots: Vec<(String, String)>,
    /// For a damaged PDF: which pages could not be read whole, and what to do.
    pub damage: Option<String>,
}

/// What applying an intent did.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A document was opened (alone, or from the folder) and is now the current one.
    Opened(Opened),
    /// An annotation was deleted with this many links to or from it (undo brings them back).
    DeletedLinks(usize),
    /// A link to an entity replaced the speaker (or claimant) written before.
    SpeakerReplaced {
        /// The name written before.
        old: String,
        /// The entity's text, now the speaker.
        new: String,
    },
    /// An annotation was retagged and lost details its old tag had (undo brings them back).
    Retagged {
        /// Its old tag.
        from: crate::core::annotation::TagKind,
        /// Its new tag.
        to: crate::core::annotation::TagKind,
        /// What it lost, in words.
        lost: Vec<String>,
    },
    /// A document could not be opened.
    OpenFailed {
        /// The document.
        path: PathBuf,
        /// Why.
        error: Arc<StoreError>,
        /// Its sidecar cannot be read: it may be opened with a new annotations file instead.
        sidecar_unreadable: bool,
    },
    /// A folder was opened; its documents are read in the background.
    FolderOpened(PathBuf),
    /// The current document was closed.
    Closed(PathBuf),
    /// A document's annotations were saved.
    Saved {
        /// The document.
        path: PathBuf,
        /// What the save did.
        saved: Saved,
    },
    /// A save wrote nothing; the work stays in memory.
    SaveFailed {
        /// The document.
        path: PathBuf,
        /// Why (conflicts to choose, or the store's error).
        failure: Arc<SaveFailure>,
    },
    /// The annotations are saved to another file from now on.
    SavedAs {
        /// The file they are saved to now.
        now: PathBuf,
        /// The file they were saved to before (left as it was).
        before: PathBuf,
    },
    /// Save As wrote nothing.
    SaveAsFailed {
        /// Where it was to write.
        to: PathBuf,
        /// Why it did not.
        error: Arc<StoreError>,
    },
    /// The document and its annotations were read again, unsaved changes dropped.
    Reloaded,
    /// A change could not be made.
    EditFailed(EditError),
    /// Find matches were tagged in one step.
    TaggedMatches {
        /// How many.
        count: usize,
        /// How many were left alone (already tagged so).
        skipped: usize,
        /// As what.
        kind: TagKind,
    },
    /// The last change was undone (or, with `redo`, redone).
    Undone {
        /// Whether it was redone.
        redo: bool,
    },
    /// Annotations selected together were changed in one step.
    EditedMany {
        /// How many were changed.
        count: usize,
    },
    /// An annotation became the selected one.
    Selected(AnnotationId),
    /// The selection holds only spaces or line breaks: nothing was tagged.
    NothingToTag,
    /// The span is already tagged so: that annotation is selected, and nothing is added.
    AlreadyTagged(AnnotationId, crate::core::annotation::TagKind),
    /// The current document's view should show this char offset.
    Reveal(usize),
    /// Unsaved annotations of an earlier session were taken in (to be saved).
    Recovered {
        /// How many of their changes clash with changes saved since.
        conflicts: usize,
    },
    /// The offered recovery was dropped.
    RecoveryDiscarded,
    /// The recovery journal could not be written.
    JournalFailed(String),
    /// The current document's file changed, went missing or became unreadable on disk.
    DiskChanged(DiskChange),
    /// A review made in the folder's views could not be made or undone.
    ReviewFailed(String),
}
