//! A folder of documents: scanned in the background (the window never waits), each document
//! read once into the same [`Document`] model as a document opened alone, so its views and
//! the document view share one state and switching between them touches no file.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::document::Document;
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{ReviewStatus, TagKind};
use crate::store::Session;

/// File name endings that are documents.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "pdf"];

/// Called from the scanning threads when documents arrive (the window repaints).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// One document of the folder.
pub struct FolderDoc {
    /// The document file.
    pub path: PathBuf,
    /// Its path relative to the folder, for display.
    pub name: String,
    /// The document, or why it could not be read.
    pub doc: Result<Document, String>,
}

impl FolderDoc {
    fn load(root: &Path, path: PathBuf) -> Self {
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let doc = Document::open_quietly(&path).map_err(|e| e.to_string());
        Self { path, name, doc }
    }

    /// The document's text and annotations, if it could be read.
    pub fn session(&self) -> Option<&Session> {
        self.doc.as_ref().ok().map(|d| &d.session)
    }

    /// Annotation counts per tag (claim, quote, date, entity).
    pub fn counts(&self) -> [usize; 4] {
        self.doc.as_ref().map_or([0; 4], Document::tag_counts)
    }

    /// Number of annotations.
    pub fn total(&self) -> usize {
        self.session().map_or(0, |s| s.annotations.len())
    }

    /// Number of reviewed annotations (any status but unreviewed).
    pub fn reviewed(&self) -> usize {
        self.session().map_or(0, |s| {
            s.annotations
                .iter()
                .filter(|a| a.review.status != ReviewStatus::Unreviewed)
                .count()
        })
    }

    /// Number of annotations that do not sit exactly on their text.
    pub fn problems(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| {
            d.session
                .annotations
                .iter()
                .filter(|a| d.status(a.id) != AnchorStatus::Exact)
                .count()
        })
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
    Loaded(usize, Box<FolderDoc>),
    Failed(String),
}

/// A folder opened with its documents.
pub struct Folder {
    /// The folder.
    pub root: PathBuf,
    /// Documents, in path order; `None` while still loading.
    pub docs: Vec<Option<FolderDoc>>,
    /// Why scanning failed, if it did.
    pub error: Option<String>,
    scan: Option<Receiver<ScanMsg>>,
    loaded: usize,
    total: Option<usize>,
    /// Every claim of the folder's documents, grouped, and the [`Folder::version`] it was
    /// made for.
    register: crate::core::register::ClaimRegister,
    register_version: Option<u64>,
    /// When the sidecars were last looked at for other programs' writes, and where the next
    /// look starts.
    last_sidecar_check: Option<std::time::Instant>,
    sidecar_cursor: usize,
}

impl Folder {
    /// Starts scanning `root` in the background; `wake` is called as documents arrive.
    pub fn open(root: &Path, wake: Waker) -> Self {
        let (tx, rx) = channel();
        let root_owned = root.to_owned();
        std::thread::spawn(move || scan(&root_owned, &tx, &wake));
        Self {
            root: root.to_owned(),
            docs: Vec::new(),
            error: None,
            scan: Some(rx),
            loaded: 0,
            total: None,
            register: crate::core::register::ClaimRegister::default(),
            register_version: None,
            last_sidecar_check: None,
            sidecar_cursor: 0,
        }
    }

    /// Reads again the documents whose sidecar another program wrote (a `git pull`, a
    /// colleague's script, `factmark review`), so that the folder's views and its claims
    /// follow. A few hundred sidecars are looked at every quarter of a second, in turn, so a
    /// large folder never stalls the window. A document with unsaved changes, and `current`
    /// (merged when it is saved), are left alone. Returns how many were read again.
    pub fn reread_changed(&mut self, current: Option<usize>) -> usize {
        const EVERY: std::time::Duration = std::time::Duration::from_millis(250);
        const AT_ONCE: usize = 256;
        if self.scan.is_some()
            || self.docs.is_empty()
            || self.last_sidecar_check.is_some_and(|t| t.elapsed() < EVERY)
        {
            return 0;
        }
        self.last_sidecar_check = Some(std::time::Instant::now());
        let n = self.docs.len();
        let mut read = 0;
        for step in 0..AT_ONCE.min(n) {
            let i = (self.sidecar_cursor + step) % n;
            let Some(fd) = self.docs[i].as_mut() else {
                continue;
            };
            let Ok(doc) = fd.doc.as_mut() else { continue };
            if Some(i) == current || doc.dirty || !doc.sidecar_changed_on_disk() {
                continue;
            }
            if let Ok(fresh) = Document::open_quietly(&fd.path) {
                // Versions only grow, so views and the claims see a change.
                let version = doc.version + 1;
                *doc = fresh;
                doc.version = version;
                read += 1;
            }
        }
        self.sidecar_cursor = (self.sidecar_cursor + AT_ONCE) % n;
        read
    }

    /// Brings the claim register up to date with the documents read and their changes (only
    /// the claims whose text changed are read again); call before [`Folder::claims`].
    pub fn refresh_claims(&mut self) {
        let version = self.version();
        if self.register_version == Some(version) {
            return;
        }
        let docs: Vec<(usize, &[crate::core::annotation::Annotation])> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((i, d.as_ref()?.session()?.annotations.as_slice())))
            .collect();
        self.register.rebuild(docs);
        self.register_version = Some(version);
    }

    /// Every claim of the folder, grouped as of the last [`Folder::refresh_claims`].
    pub fn claims(&self) -> &crate::core::register::ClaimRegister {
        &self.register
    }

    /// The folder's name.
    pub fn name(&self) -> String {
        self.root.file_name().map_or_else(
            || self.root.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Changes whenever a document is read or any document's annotations change, for views
    /// that cache what they show.
    pub fn version(&self) -> u64 {
        let changes: u64 = self
            .loaded()
            .filter_map(|(_, d)| d.doc.as_ref().ok())
            .map(|d| d.version)
            .sum();
        changes + self.loaded as u64
    }

    /// Takes in what the scanner found since the last look.
    pub fn poll(&mut self) {
        let Some(rx) = &self.scan else { return };
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
                    }
                }
                Ok(ScanMsg::Failed(e)) => self.error = Some(e),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.scan = None;
                    break;
                }
            }
        }
    }

    /// (read, total) while scanning, `None` when done.
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

    /// Document `i`, if it was read.
    pub fn doc(&self, i: usize) -> Option<&Document> {
        self.docs.get(i)?.as_ref()?.doc.as_ref().ok()
    }

    /// Document `i`, if it was read, to change.
    pub fn doc_mut(&mut self, i: usize) -> Option<&mut Document> {
        self.docs.get_mut(i)?.as_mut()?.doc.as_mut().ok()
    }

    /// The documents read so far, with their indices.
    pub fn loaded(&self) -> impl Iterator<Item = (usize, &FolderDoc)> {
        self.docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.as_ref().map(|d| (i, d)))
    }

    /// Every document read, to change (for saving).
    pub fn docs_mut(&mut self) -> impl Iterator<Item = &mut Document> {
        self.docs
            .iter_mut()
            .filter_map(|d| d.as_mut().and_then(|d| d.doc.as_mut().ok()))
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

/// Whether `path` is something factmark wrote from a document beside it (an export such as
/// `article.txt.html`, or a file inside an `article.txt.brat` folder), not a document.
pub fn is_export(path: &Path) -> bool {
    let in_brat = path.ancestors().skip(1).any(|a| {
        a.file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(".brat"))
    });
    // `article.txt.html`: what is left without the last ending is itself a document beside it.
    let from_document = path.file_stem().is_some_and(|stem| {
        let source = path.with_file_name(stem);
        is_document(&source) && source.is_file()
    });
    in_brat || from_document
}

fn scan(root: &Path, tx: &Sender<ScanMsg>, wake: &Waker) {
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() && is_document(e.path()) && !is_export(e.path()) => {
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
    wake();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    std::thread::scope(|s| {
        for w in 0..workers {
            let paths = &paths;
            let tx = tx.clone();
            s.spawn(move || {
                for (i, p) in paths.iter().enumerate().skip(w).step_by(workers) {
                    let doc = FolderDoc::load(root, p.clone());
                    if tx.send(ScanMsg::Loaded(i, Box::new(doc))).is_err() {
                        return;
                    }
                    if i % 16 == 0 {
                        wake();
                    }
                }
            });
        }
    });
    wake();
}
