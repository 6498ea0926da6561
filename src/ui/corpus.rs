//! A folder of documents opened as a corpus: scanned in the background (the window never
//! waits), kept in memory with each document's annotations, and changed through the same
//! commands, undo and saving rules as a single document.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::{SubsecRound as _, Utc};

use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{AnnotationId, Review, ReviewStatus, TagKind};
use crate::core::edit::{Command, History};
use crate::store::Session;

/// File name endings that are documents.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// One document of the corpus.
pub struct CorpusDoc {
    /// The document file.
    pub path: PathBuf,
    /// Its path relative to the corpus folder, for display.
    pub name: String,
    /// The loaded document, or why it could not be loaded.
    pub session: Result<Session, String>,
    /// Anchoring status per annotation (sidecar order).
    pub statuses: Vec<AnchorStatus>,
    /// Undo history of changes made from the corpus views.
    pub history: History,
}

impl CorpusDoc {
    fn load(root: &Path, path: PathBuf) -> Self {
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let session = Session::open(&path).map_err(|e| e.to_string());
        let statuses = match &session {
            Ok(s) => s.anchor().iter().map(|r| r.status).collect(),
            Err(_) => Vec::new(),
        };
        Self {
            path,
            name,
            session,
            statuses,
            history: History::default(),
        }
    }

    /// Annotation counts per tag (claim, quote, date, entity).
    pub fn counts(&self) -> [usize; 4] {
        let mut c = [0; 4];
        if let Ok(s) = &self.session {
            for a in s.annotations.iter() {
                c[tag_index(a.tag.kind())] += 1;
            }
        }
        c
    }

    /// Number of annotations.
    pub fn total(&self) -> usize {
        self.session.as_ref().map_or(0, |s| s.annotations.len())
    }

    /// Number of reviewed annotations (any status but unreviewed).
    pub fn reviewed(&self) -> usize {
        self.session.as_ref().map_or(0, |s| {
            s.annotations
                .iter()
                .filter(|a| a.review.status != ReviewStatus::Unreviewed)
                .count()
        })
    }

    /// Number of annotations that do not sit exactly on their text.
    pub fn problems(&self) -> usize {
        self.statuses
            .iter()
            .filter(|s| **s != AnchorStatus::Exact)
            .count()
    }
}

/// Index of a tag in per-tag arrays.
pub fn tag_index(k: TagKind) -> usize {
    match k {
        TagKind::Claim => 0,
        TagKind::Quote => 1,
        TagKind::Date => 2,
        TagKind::Entity => 3,
    }
}

enum ScanMsg {
    Total(usize),
    Loaded(usize, Box<CorpusDoc>),
    Failed(String),
}

/// A folder opened as a corpus.
pub struct Corpus {
    /// The folder.
    pub root: PathBuf,
    /// Documents, in path order; `None` while still loading.
    pub docs: Vec<Option<CorpusDoc>>,
    /// Bumped whenever a document is loaded or changed.
    pub version: u64,
    /// Why scanning failed, if it did.
    pub error: Option<String>,
    scan: Option<Receiver<ScanMsg>>,
    loaded: usize,
    total: Option<usize>,
    /// Documents changed from the corpus views, for undo, newest last.
    undo: Vec<usize>,
}

impl Corpus {
    /// Starts scanning `root` in the background; `ctx` is asked to repaint as documents arrive.
    pub fn open(root: &Path, ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        let root_owned = root.to_owned();
        let ctx = ctx.clone();
        std::thread::spawn(move || scan(&root_owned, &tx, &ctx));
        Self {
            root: root.to_owned(),
            docs: Vec::new(),
            version: 0,
            error: None,
            scan: Some(rx),
            loaded: 0,
            total: None,
            undo: Vec::new(),
        }
    }

    /// The folder's name.
    pub fn name(&self) -> String {
        self.root.file_name().map_or_else(
            || self.root.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Takes in what the scanner found since the last frame.
    pub fn poll(&mut self) {
        let Some(rx) = &self.scan else { return };
        let mut changed = false;
        let mut done = false;
        loop {
            match rx.try_recv() {
                Ok(ScanMsg::Total(n)) => {
                    self.total = Some(n);
                    self.docs = (0..n).map(|_| None).collect();
                }
                Ok(ScanMsg::Loaded(i, doc)) => {
                    if let Some(slot) = self.docs.get_mut(i) {
                        *slot = Some(*doc);
                        self.loaded += 1;
                        changed = true;
                    }
                }
                Ok(ScanMsg::Failed(e)) => self.error = Some(e),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    done = true;
                    break;
                }
            }
        }
        if changed {
            self.version += 1;
        }
        if done {
            self.scan = None;
        }
    }

    /// (loaded, total) while scanning, `None` when done.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.scan
            .as_ref()
            .map(|_| (self.loaded, self.total.unwrap_or(0)))
    }

    /// Index of the document at `path`.
    pub fn index_of(&self, path: &Path) -> Option<usize> {
        self.docs
            .iter()
            .position(|d| d.as_ref().is_some_and(|d| d.path == path))
    }

    /// Reads one document again from disk (after it was edited in the document view).
    pub fn reload(&mut self, i: usize) {
        if let Some(slot) = self.docs.get_mut(i)
            && let Some(d) = slot
        {
            let path = d.path.clone();
            *slot = Some(CorpusDoc::load(&self.root, path));
            self.version += 1;
        }
    }

    /// Sets the review of an annotation of document `i` and saves that document.
    pub fn set_review(
        &mut self,
        i: usize,
        id: AnnotationId,
        status: ReviewStatus,
        comment: Option<String>,
        by: &str,
    ) -> Result<(), String> {
        let Some(Some(doc)) = self.docs.get_mut(i) else {
            return Err("the document is not loaded".to_owned());
        };
        let Ok(session) = &mut doc.session else {
            return Err(format!("{} could not be read", doc.name));
        };
        let now = Utc::now().trunc_subsecs(0);
        let cmd = Command::SetReview(
            id,
            Review {
                status,
                by: Some(by.to_owned()),
                at: Some(now),
                comment,
            },
        );
        doc.history
            .apply(&mut session.annotations, &session.text, &cmd, now)
            .map_err(|e| e.to_string())?;
        self.undo.push(i);
        self.version += 1;
        session.save().map_err(|e| e.to_string())
    }

    /// Undoes the last change made from the corpus views and saves that document.
    pub fn undo(&mut self) -> Result<bool, String> {
        let Some(i) = self.undo.pop() else {
            return Ok(false);
        };
        let Some(Some(doc)) = self.docs.get_mut(i) else {
            return Ok(false);
        };
        let Ok(session) = &mut doc.session else {
            return Ok(false);
        };
        match doc.history.undo(&mut session.annotations) {
            Some(Ok(_)) => {
                self.version += 1;
                session.save().map_err(|e| e.to_string())?;
                Ok(true)
            }
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(false),
        }
    }

    /// The loaded documents with their indices.
    pub fn loaded(&self) -> impl Iterator<Item = (usize, &CorpusDoc)> {
        self.docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.as_ref().map(|d| (i, d)))
    }
}

/// Whether `path` looks like a document factmark opens.
pub fn is_document(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !name.starts_with('.')
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn scan(root: &Path, tx: &Sender<ScanMsg>, ctx: &egui::Context) {
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() && is_document(e.path()) => {
                paths.push(e.path().to_owned());
            }
            Ok(_) => {}
            Err(e) => {
                let _ = tx.send(ScanMsg::Failed(format!("{}: {e}", root.display())));
            }
        }
    }
    if tx.send(ScanMsg::Total(paths.len())).is_err() {
        return;
    }
    ctx.request_repaint();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    std::thread::scope(|s| {
        for w in 0..workers {
            let paths = &paths;
            let tx = tx.clone();
            s.spawn(move || {
                for (i, p) in paths.iter().enumerate().skip(w).step_by(workers) {
                    let doc = CorpusDoc::load(root, p.clone());
                    if tx.send(ScanMsg::Loaded(i, Box::new(doc))).is_err() {
                        return;
                    }
                    if i % 16 == 0 {
                        ctx.request_repaint();
                    }
                }
            });
        }
    });
    ctx.request_repaint();
}
