//! Errors of reading and writing documents and sidecars; each names the file it is about.

use std::path::PathBuf;

use super::extract::HtmlError;
use crate::core::merge::Conflict;
use crate::core::text::TextError;

/// Something went wrong reading or writing a document or its sidecar.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The document is not text factmark can read.
    #[error("{}: {error}", path.display())]
    Text {
        /// The document.
        path: PathBuf,
        /// What is wrong with it (not an error `source`: the message already says it).
        error: TextError,
    },
    /// An HTML page whose text could not be read.
    #[error("{}: {error}", path.display())]
    Html {
        /// The page.
        path: PathBuf,
        /// What is wrong with it (not an error `source`: the message already says it).
        error: HtmlError,
    },
    /// The document has no text.
    #[error(
        "{}: the document is empty; there is no text to annotate. Open a document with text",
        path.display()
    )]
    EmptyDocument {
        /// The document.
        path: PathBuf,
    },
    /// The sidecar does not parse.
    #[error(
        "{}:{line}:{column}: the sidecar does not parse: {message}. It was left untouched; fix it by hand or move it aside",
        path.display()
    )]
    Parse {
        /// The sidecar.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The sidecar was written by a newer factmark.
    #[error(
        "{}: the sidecar has format version {version}, but this factmark reads only version {supported}; it was left untouched. Upgrade factmark to open it",
        path.display()
    )]
    NewerVersion {
        /// The sidecar.
        path: PathBuf,
        /// Its version.
        version: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The sidecar parses but is not valid.
    #[error("{}:{line}: {message}. The sidecar was left untouched; fix it by hand", path.display())]
    Invalid {
        /// The sidecar.
        path: PathBuf,
        /// 1-based line of the offending annotation (0 if unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The annotations could not be encoded (a bug: please report it).
    #[error("could not encode the sidecar: {0}")]
    Encode(String),
    /// Another program changed the sidecar since it was loaded, and changed some of the same
    /// fields of the same annotations differently: nothing was written.
    #[error(
        "{}: the sidecar was changed by another program since it was opened, and {} changed differently on both sides; nothing was written. Open the document in the factmark window to choose, or reload it",
        path.display(),
        conflict_summary(conflicts)
    )]
    Conflict {
        /// The sidecar.
        path: PathBuf,
        /// The fields changed on both sides, each with both values.
        conflicts: Vec<Conflict>,
    },
    /// A file is larger than factmark reads.
    #[error(
        "{}: the {what} is {size} bytes, more than factmark's limit of {limit} bytes ({} MiB); it was not read and is left untouched. Split it into smaller files",
        path.display(),
        limit / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// "document" or "sidecar".
        what: &'static str,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The document holds NUL bytes: a binary file, or text in UTF-16 or UTF-32.
    #[error(
        "{}: this is not a text document (it contains a NUL byte at byte offset {offset}: a binary file, or text saved as UTF-16); save it as UTF-8 text and try again",
        path.display()
    )]
    Binary {
        /// The document.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

/// "annotation 3f6e0c2a…'s note" or "3 fields (annotation 3f6e0c2a…'s note, …)".
fn conflict_summary(conflicts: &[Conflict]) -> String {
    match conflicts {
        [] => "no field".to_owned(),
        [c] => format!("annotation {}'s {}", c.id, c.field),
        [c, ..] => format!(
            "{} fields (annotation {}'s {}, …)",
            conflicts.len(),
            c.id,
            c.field
        ),
    }
}

impl StoreError {
    /// Whether this error is about the file at `path` not being a readable sidecar (it does
    /// not parse, is invalid, newer, too large or binary), as opposed to the document.
    pub fn is_unreadable_sidecar(&self, path: &std::path::Path) -> bool {
        match self {
            StoreError::Parse { path: p, .. }
            | StoreError::NewerVersion { path: p, .. }
            | StoreError::Invalid { path: p, .. }
            | StoreError::TooLarge { path: p, .. }
            | StoreError::Binary { path: p, .. } => p == path,
            _ => false,
        }
    }

    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }
}
