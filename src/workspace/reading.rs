//! Opening a document on another thread: a long PDF takes seconds to read, and the window
//! stays alive meanwhile (it says what it reads and can stop waiting). The workspace is
//! changed only when the read document is taken, so waiting for one changes nothing.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::{Document, Intent, Outcome, Workspace};
use crate::store::StoreError;

/// A document being read on another thread, taken with [`Workspace::adopt`].
pub struct Reading {
    path: PathBuf,
    /// Whether new annotations go to a new file beside an unreadable sidecar.
    aside: bool,
    /// Whether the annotations were read from a file the person chose.
    chosen: bool,
    read: mpsc::Receiver<Result<Document, StoreError>>,
}

/// What [`Workspace::open_in_background`] did with an intent.
pub enum Background {
    /// The document is being read; the outcomes of saving the one it replaces.
    Reading(Reading, Vec<Outcome>),
    /// Nothing is read: the document it would replace could not be saved (the failure).
    Kept(Vec<Outcome>),
    /// The intent reads nothing from disk (a folder's document, already read, or no opening
    /// at all): apply it as it is.
    Apply(Box<Intent>),
}

impl Reading {
    /// Starts reading the document at `path` (its annotations from its sidecar) on another
    /// thread.
    pub fn open(path: PathBuf) -> Self {
        Self::with(path, Document::open)
    }

    /// Starts reading the document at `path` on another thread with `read`.
    pub fn with(
        path: PathBuf,
        read: impl FnOnce(&Path) -> Result<Document, StoreError> + Send + 'static,
    ) -> Self {
        Self::start(path, false, false, read)
    }

    fn start(
        path: PathBuf,
        aside: bool,
        chosen: bool,
        read: impl FnOnce(&Path) -> Result<Document, StoreError> + Send + 'static,
    ) -> Self {
        let (send, receive) = mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || {
            // No one waits any more when the person stopped waiting.
            let _ = send.send(read(&p));
        });
        Self {
            path,
            aside,
            chosen,
            read: receive,
        }
    }

    /// The document being read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The document (or why it could not be read) once it is read; `None` while it is read.
    pub fn try_take(&self) -> Option<Result<Document, StoreError>> {
        match self.read.try_recv() {
            Ok(read) => Some(read),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(StoreError::io(
                &self.path,
                std::io::Error::other("reading it stopped on an internal error; try again"),
            ))),
        }
    }
}

impl Workspace {
    /// Opens what `intent` opens from disk on another thread. The document opened alone is
    /// saved first, as when opening on this thread; if it cannot be, nothing is read.
    pub fn open_in_background(&mut self, intent: Intent) -> Background {
        let (path, aside, annotations) = match intent {
            Intent::Open(path)
                if self
                    .folder
                    .as_ref()
                    .and_then(|f| f.index_of(&path))
                    .is_none() =>
            {
                (path, false, None)
            }
            Intent::OpenAside(path) => (path, true, None),
            Intent::OpenWithAnnotations(path, annotations) => (path, false, Some(annotations)),
            other => return Background::Apply(Box::new(other)),
        };
        let saved = self.save_alone();
        if self.alone.as_ref().is_some_and(|d| d.dirty) {
            return Background::Kept(saved);
        }
        let reading = match annotations {
            Some(a) => Reading::start(path, false, true, move |p| Document::open_with(p, &a)),
            None if aside => Reading::start(path, true, false, |p| {
                Document::open_aside(p).map(|(d, _)| d)
            }),
            None => Reading::open(path),
        };
        Background::Reading(reading, saved)
    }

    /// Takes a document read on another thread as the document opened alone (saving the one
    /// it replaces first), or says why it could not be read.
    pub fn adopt(&mut self, reading: &Reading, read: Result<Document, StoreError>) -> Vec<Outcome> {
        self.replace_alone(&reading.path, move |_| read, reading.aside, reading.chosen)
    }
}
