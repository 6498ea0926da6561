//! One open document in the window: its session, undo history, anchoring statuses, UI state
//! (selection, selected annotation, view) and save state. Every change goes through
//! [`OpenDocument::apply`], which records it for undo, marks the document dirty and schedules
//! the autosave.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, SubsecRound as _, Utc};

use super::document_view::DocumentView;
use super::selection::Selection;
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::AnnotationId;
use crate::core::edit::{Command, EditError, History};
use crate::store::{Session, StoreError};

/// How long after the last change the autosave runs.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1000);

/// A document open in the window.
pub struct OpenDocument {
    /// The document, its text and its annotations.
    pub session: Session,
    /// Undo and redo.
    pub history: History,
    /// Bumped on every change of the annotations.
    pub version: u64,
    /// Anchoring status of each annotation against the current text.
    pub statuses: HashMap<AnnotationId, AnchorStatus>,
    /// Per annotation (sidecar order): whether it sits on its text and is drawn.
    pub drawable: Vec<bool>,
    /// Changes not yet saved.
    pub dirty: bool,
    /// When the last unsaved change happened.
    pub last_change: Option<Instant>,
    /// When the sidecar was last written.
    pub last_saved: Option<DateTime<Local>>,
    /// Why the last save failed; the work stays in memory.
    pub save_error: Option<String>,
    /// Word count of the text.
    pub words: usize,
    /// The document view's layout state.
    pub view: DocumentView,
    /// The text selection.
    pub selection: Option<Selection>,
    /// The selected annotation.
    pub selected: Option<AnnotationId>,
}

impl OpenDocument {
    /// Opens a document and anchors its annotations against the current text. Annotations
    /// that moved get their new offsets (and the document is marked for saving); the others
    /// keep theirs and are listed with their status.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let mut session = Session::open(path)?;
        let anchoring = session.anchor();
        let mut statuses = HashMap::new();
        let mut moved = Vec::new();
        for (a, r) in session.annotations.iter().zip(&anchoring) {
            statuses.insert(a.id, r.status);
            if r.status == AnchorStatus::Moved {
                moved.push((a.id, r.start, r.end));
            }
        }
        for &(id, start, end) in &moved {
            if let Some(mut a) = session.annotations.get(id).cloned() {
                a.set_span(&session.text, start, end);
                session.annotations.replace(a);
            }
        }
        let words = session.text.as_str().split_whitespace().count();
        let mut doc = Self {
            session,
            history: History::default(),
            version: 0,
            statuses,
            drawable: Vec::new(),
            dirty: !moved.is_empty(),
            last_change: (!moved.is_empty()).then(Instant::now),
            last_saved: None,
            save_error: None,
            words,
            view: DocumentView::default(),
            selection: None,
            selected: None,
        };
        doc.refresh_drawable();
        Ok(doc)
    }

    /// The document's path.
    pub fn path(&self) -> &Path {
        &self.session.doc_path
    }

    /// The document's file name.
    pub fn name(&self) -> String {
        self.session.file_name()
    }

    /// The anchoring status of an annotation.
    pub fn status(&self, id: AnnotationId) -> AnchorStatus {
        self.statuses
            .get(&id)
            .copied()
            .unwrap_or(AnchorStatus::Exact)
    }

    /// How many annotations do not sit exactly on their text.
    pub fn not_anchored(&self) -> usize {
        self.session
            .annotations
            .iter()
            .filter(|a| !self.status(a.id).is_anchored())
            .count()
    }

    fn refresh_drawable(&mut self) {
        self.drawable = self
            .session
            .annotations
            .iter()
            .map(|a| self.status(a.id).is_anchored())
            .collect();
    }

    fn changed(&mut self) {
        self.version += 1;
        self.dirty = true;
        self.last_change = Some(Instant::now());
        self.refresh_drawable();
        if let Some(id) = self.selected
            && !self.session.annotations.contains(id)
        {
            self.selected = None;
        }
    }

    /// Applies a command and records it for undo. With `coalesce`, a change to the same
    /// annotation as the previous change joins that undo step.
    pub fn apply(&mut self, cmd: &Command, coalesce: bool) -> Result<Vec<AnnotationId>, EditError> {
        let now = Utc::now().trunc_subsecs(0);
        let s = &mut self.session;
        let ids = self
            .history
            .apply_coalesced(&mut s.annotations, &s.text, cmd, now, coalesce)?;
        // New and re-attached annotations sit exactly on their text.
        if matches!(
            cmd,
            Command::Add(_) | Command::SetSpan { .. } | Command::Batch(_)
        ) {
            for id in &ids {
                if matches!(cmd, Command::SetSpan { .. }) || !self.statuses.contains_key(id) {
                    self.statuses.insert(*id, AnchorStatus::Exact);
                }
            }
        }
        self.changed();
        Ok(ids)
    }

    /// Undoes the last change; returns the ids it touched.
    pub fn undo(&mut self) -> Option<Result<Vec<AnnotationId>, EditError>> {
        let r = self.history.undo(&mut self.session.annotations)?;
        self.changed();
        Some(r.map(|c| c.ids()))
    }

    /// Redoes the last undone change; returns the ids it touched.
    pub fn redo(&mut self) -> Option<Result<Vec<AnnotationId>, EditError>> {
        let r = self.history.redo(&mut self.session.annotations)?;
        self.changed();
        Some(r.map(|c| c.ids()))
    }

    /// Whether the autosave should run now.
    pub fn autosave_due(&self) -> bool {
        self.dirty
            && self.save_error.is_none()
            && self
                .last_change
                .is_none_or(|t| t.elapsed() >= AUTOSAVE_DELAY)
    }

    /// Time left until the autosave is due.
    pub fn autosave_in(&self) -> Option<Duration> {
        (self.dirty && self.save_error.is_none()).then(|| {
            self.last_change.map_or(Duration::ZERO, |t| {
                AUTOSAVE_DELAY.saturating_sub(t.elapsed())
            })
        })
    }

    /// Writes the sidecar through the store's rules. On failure the work stays in memory and
    /// the reason is kept for the window to show.
    pub fn save(&mut self) -> Result<(), String> {
        match self.session.save() {
            Ok(()) => {
                self.dirty = false;
                self.save_error = None;
                self.last_saved = Some(Local::now());
                Ok(())
            }
            Err(e) => {
                let msg = e.to_string();
                self.save_error = Some(msg.clone());
                Err(msg)
            }
        }
    }

    /// Writes a copy of the annotations to another sidecar file (Save As), leaving the
    /// document's own sidecar alone.
    pub fn save_copy(&mut self, to: &Path) -> Result<(), String> {
        let sidecar = crate::store::Sidecar::new(
            &self.name(),
            &self.session.text,
            self.session.annotations.as_slice().to_vec(),
        );
        let bytes = sidecar.encode().map_err(|e| e.to_string())?;
        crate::store::atomic::write_atomic(to, bytes.as_bytes()).map_err(|e| e.to_string())?;
        self.dirty = false;
        self.save_error = None;
        self.last_saved = Some(Local::now());
        Ok(())
    }

    /// A suggested file name for Save As of the sidecar.
    pub fn copy_name(&self) -> PathBuf {
        let mut name = self.session.sidecar_path.clone().into_os_string();
        name.push(".copy.ron");
        PathBuf::from(name)
    }
}
