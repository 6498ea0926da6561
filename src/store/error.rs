//! Errors of reading and writing documents and sidecars; each names the file it is about.

use std::path::PathBuf;

use super::extract::{HtmlError, PdfError};
use crate::core::merge::Conflict;
use crate::core::text::TextError;

/// Something went wrong reading or writing a document or its sidecar.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read or written. (The OS error is part of the message, not an
    /// error `source`, so that it is said once.)
    #[error("{}: {error}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The folder a file was to be written in does not let factmark create files.
    #[error(
        "cannot write {}: the folder {} does not allow writing new files ({error}); nothing was written. Choose another folder, or make it writable",
        path.display(),
        folder.display()
    )]
    FolderNotWritable {
        /// The file that was to be written.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The folder a file was to be written in does not exist.
    #[error(
        "cannot write {}: the folder {} does not exist; nothing was written. Create it, or choose another folder",
        path.display(),
        folder.display()
    )]
    FolderMissing {
        /// The file that was to be written.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// The file is read-only: factmark does not replace it.
    #[error(
        "{}: the file is read-only; factmark does not replace a read-only file, and nothing was written. Make it writable, or save to another file",
        path.display()
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The path names a FIFO, device, socket or folder, where a regular file was expected.
    #[error(
        "{}: this is {what}, not a regular file; factmark reads and replaces only regular files",
        path.display()
    )]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is ("a FIFO (named pipe)", "a folder", …).
        what: &'static str,
    },
    /// A named pipe that nothing read from in time.
    #[error(
        "{}: nothing is reading from this named pipe, so nothing was written; start the program that reads it first",
        path.display()
    )]
    NoReader {
        /// The pipe.
        path: PathBuf,
    },
    /// A folder export was given something else than a folder.
    #[error("{}: this is {what}; a folder is needed here", path.display())]
    NotAFolder {
        /// The path.
        path: PathBuf,
        /// What it is.
        what: &'static str,
    },
    /// An export was asked to write over a document or a sidecar.
    #[error(
        "{}: this is {role}; an export never replaces it, and nothing was written. Choose another file name",
        path.display()
    )]
    Protected {
        /// The path.
        path: PathBuf,
        /// What it is ("the document being exported", "a sidecar", …).
        role: &'static str,
    },
    /// An export's file exists and replacing it was not asked for.
    #[error(
        "{}: the file already exists; nothing was written. Replace it only if you mean to (--force on the command line), or choose another name",
        path.display()
    )]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// Files of a folder export exist and differ, and replacing them was not asked for.
    #[error(
        "{}: these files exist and differ from the export: {names}; nothing was written. Replace them only if you mean to (--force on the command line), or choose another folder",
        path.display()
    )]
    FolderClash {
        /// The folder.
        path: PathBuf,
        /// The differing files' names, comma-separated.
        names: String,
    },
    /// Saving would make a sidecar larger than factmark reads back.
    #[error(
        "{}: the annotations would make a sidecar of {size} bytes, more than the {} MiB factmark can read back; nothing was written and the sidecar on disk is unchanged. Shorten the longest notes, or split the document",
        path.display(),
        limit / (1024 * 1024)
    )]
    TooLargeToSave {
        /// The sidecar.
        path: PathBuf,
        /// The size it would have.
        size: u64,
        /// The limit in bytes.
        limit: u64,
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
    /// A PDF whose text could not be read.
    #[error("{}: {error}", path.display())]
    Pdf {
        /// The PDF.
        path: PathBuf,
        /// What is wrong with it (not an error `source`: the message already says it).
        error: PdfError,
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

    /// An I/O error about `path`. An error that already names a path (as the `tempfile`
    /// crate's do: "… at path X") is reduced to its cause, so the message names each path once.
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            error: without_path(error),
        }
    }
}

/// `error` without the path a wrapper added to it (the `tempfile` crate's private `PathError`
/// shows as "CAUSE at path \"X\""): the cause alone, with its OS error code when it has one.
pub(crate) fn without_path(error: std::io::Error) -> std::io::Error {
    let Some(inner) = error.get_ref() else {
        return error;
    };
    let shown = inner.to_string();
    let Some((cause, _)) = shown.rsplit_once(" at path \"") else {
        return error;
    };
    let code = cause
        .rsplit_once("(os error ")
        .and_then(|(_, n)| n.strip_suffix(')'))
        .and_then(|n| n.parse::<i32>().ok());
    match code {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::new(error.kind(), cause.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_say_their_path_and_cause_once() {
        let dir = tempfile::tempdir().unwrap();
        // tempfile's errors name the path already.
        let e = tempfile::Builder::new()
            .tempfile_in(dir.path().join("missing"))
            .unwrap_err();
        let err = StoreError::io(dir.path(), e);
        let shown = format!("{:#}", anyhow::Error::new(err));
        assert_eq!(shown.matches("No such file").count(), 1, "{shown}");
        assert_eq!(shown.matches("missing").count(), 0, "{shown}");
        let full = StoreError::io("/x", std::io::Error::from_raw_os_error(28));
        let shown = format!("{:#}", anyhow::Error::new(full));
        assert_eq!(shown, "/x: No space left on device (os error 28)");
    }
}
