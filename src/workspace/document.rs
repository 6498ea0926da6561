//! One document of the workspace, opened alone or from a folder: its session, undo history,
//! anchoring statuses, view state (text selection, selected annotation) and save state. Every
//! change goes through [`Document::apply`], which records it for undo and marks the document
//! dirty; the workspace decides when it is saved.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local, SubsecRound as _, Utc};

use super::outcome::{SaveFailure, Saved};
use super::selection::Selection;
use crate::core::anchor::{AnchorStatus, Anchoring, anchor_all, apply_anchoring};
use crate::core::annotation::AnnotationId;
use crate::core::corrections::CorrectionAction;
use crate::core::edit::{Command, EditError, History};
use crate::core::merge::{Conflict, Resolution};
use crate::core::model::AnnotationSet;
use crate::store::output::{OutputRules, free_name};
use crate::store::recovery::Recovery;
use crate::store::save::SaveOutcome;
use crate::store::target::{Stamp, stamp};
use crate::store::{Session, StoreError};

/// How long after the last change the autosave runs.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(1000);
/// How often the document file is checked for changes made by other programs.
pub const DISK_CHECK_EVERY: Duration = Duration::from_millis(1000);
/// How often unsaved changes are written to the recovery journal.
pub const JOURNAL_EVERY: Duration = Duration::from_millis(1000);

/// What re-anchoring found, for the banner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnchorSummary {
    /// Annotations found at a new place (already moved there).
    pub moved: usize,
    /// Annotations whose text was replaced in place (a correction; waiting for the user).
    pub changed: usize,
    /// Annotations on text that changed a little (waiting for the user).
    pub fuzzy: usize,
    /// Annotations whose text occurs at several places.
    pub ambiguous: usize,
    /// Annotations whose text was not found.
    pub orphaned: usize,
}

impl AnchorSummary {
    /// Whether anything needs the user's attention or moved.
    pub fn any(&self) -> bool {
        self.moved + self.changed + self.fuzzy + self.ambiguous + self.orphaned > 0
    }

    /// "37 moved, 2 fuzzy, 1 orphaned".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.moved, "moved"),
            (self.changed, "changed"),
            (self.fuzzy, "fuzzy"),
            (self.ambiguous, "ambiguous"),
            (self.orphaned, "orphaned"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
        parts.join(", ")
    }

    /// How many need the user's attention (not moved).
    pub fn needing_review(&self) -> usize {
        self.changed + self.fuzzy + self.ambiguous + self.orphaned
    }
}

/// What happened to the document file on disk.
#[derive(Debug, Clone, PartialEq)]
pub enum DiskChange {
    /// Its text changed; annotations were re-anchored.
    Changed(AnchorSummary),
    /// It is gone (deleted or renamed); the annotations stay in memory.
    Missing,
    /// It changed but cannot be read any more.
    Unreadable(String),
}

/// A document of the workspace.
pub struct Document {
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
    tag_counts: [usize; 4],
    /// Changes not yet saved.
    pub dirty: bool,
    /// When the last unsaved change happened.
    pub last_change: Option<Instant>,
    /// When the sidecar was last written.
    pub last_saved: Option<DateTime<Local>>,
    /// Why the last save failed; the work stays in memory.
    pub save_error: Option<Arc<SaveFailure>>,
    /// Word count of the text.
    pub words: usize,
    /// Whether the text reads right to left (most of its letters are right-to-left ones).
    pub rtl: bool,
    /// The text selection.
    pub selection: Option<Selection>,
    /// The selected annotation.
    pub selected: Option<AnnotationId>,
    /// Annotations selected together (in the list), for one change to all of them; empty or
    /// two and more.
    pub many: std::collections::BTreeSet<AnnotationId>,
    /// Anchoring results of the annotations that are not exact.
    pub anchoring: HashMap<AnnotationId, Anchoring>,
    /// What the last re-anchoring found.
    pub summary: AnchorSummary,
    disk_stamp: Stamp,
    last_disk_check: Instant,
    /// Whether the document file was found missing at the last check.
    pub missing: bool,
    /// Conflicts found by the last save: another program changed the same fields.
    pub save_conflicts: Vec<Conflict>,
    /// Unsaved annotations of an earlier session (after a crash), offered for recovery.
    pub recovery: Option<Recovery>,
    /// Evidence snapshots that are missing or changed since they were attached, as checked
    /// when the document was opened and whenever its evidence changes.
    pub snapshots: Vec<crate::store::snapshot::SnapshotProblem>,
    snapshots_checked: Vec<(crate::core::evidence::EvidenceId, String, String)>,
    /// The sidecar on disk as last read or written here, to notice another program's writes.
    sidecar_stamp: Stamp,
    /// Where annotations whose text was changed or only similar text was found now sit, until
    /// someone accepts or re-attaches them: (annotation, start, end), in text order.
    pub pending: Vec<(AnnotationId, usize, usize)>,
    last_journal: Option<Instant>,
    /// Annotations moved by re-anchoring that were not yet saved, in a document read quietly
    /// (in a folder): saved once the user opens it.
    moves_to_save: bool,
}

impl Document {
    /// Opens a document and anchors its annotations against the current text. Annotations
    /// that moved get their new offsets (and the document is marked for saving); the others
    /// keep theirs and are listed with their status.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::with_session(path, Session::open(path)?)
    }

    /// Opens a document whose sidecar cannot be read, keeping its annotations in a new file
    /// beside it; the unreadable sidecar is left untouched. Returns the document and that file.
    pub fn open_aside(path: &Path) -> Result<(Self, PathBuf), StoreError> {
        let stamp = Local::now().format("%Y%m%d-%H%M%S");
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".recovered-{stamp}.ann.ron"));
        let aside = PathBuf::from(name);
        let session = Session::open_with_sidecar(path, &aside)?;
        Ok((Self::with_session(path, session)?, aside))
    }

    /// Opens a document with its annotations in `annotations` instead of its sidecar.
    pub fn open_with(path: &Path, annotations: &Path) -> Result<Self, StoreError> {
        Self::with_session(path, Session::open_with_sidecar(path, annotations)?)
    }

    /// Opens a document of a folder: like [`Self::open`], but annotations that moved are only
    /// saved once the user opens the document ([`Self::take_moves`]), so reading a folder
    /// writes nothing.
    pub fn open_quietly(path: &Path) -> Result<Self, StoreError> {
        let mut doc = Self::open(path)?;
        if doc.dirty {
            doc.dirty = false;
            doc.last_change = None;
            doc.moves_to_save = true;
        }
        Ok(doc)
    }

    /// Marks the moves found when the document was read quietly for saving (the user opened
    /// it); returns whether there were any.
    pub fn take_moves(&mut self) -> bool {
        let moves = std::mem::take(&mut self.moves_to_save);
        if moves {
            self.dirty = true;
            self.last_change = Some(Instant::now());
        }
        moves
    }

    fn with_session(path: &Path, session: Session) -> Result<Self, StoreError> {
        let words = session.text.word_count();
        let rtl = crate::core::bidi::document_is_rtl(session.text.as_str());
        let mut doc = Self {
            session,
            history: History::default(),
            version: 0,
            statuses: HashMap::new(),
            drawable: Vec::new(),
            tag_counts: [0; 4],
            dirty: false,
            last_change: None,
            last_saved: None,
            save_error: None,
            words,
            rtl,
            selection: None,
            selected: None,
            many: std::collections::BTreeSet::new(),
            anchoring: HashMap::new(),
            summary: AnchorSummary::default(),
            disk_stamp: stamp(path),
            last_disk_check: Instant::now(),
            missing: false,
            save_conflicts: Vec::new(),
            recovery: None,
            snapshots: Vec::new(),
            snapshots_checked: Vec::new(),
            sidecar_stamp: None,
            pending: Vec::new(),
            last_journal: None,
            moves_to_save: false,
        };
        doc.snapshots_checked = doc.attached_snapshots();
        doc.sidecar_stamp = stamp(&doc.session.sidecar_path);
        doc.check_snapshots();
        doc.reanchor();
        doc.recovery = crate::store::recovery::find_recovery(path).ok().flatten();
        Ok(doc)
    }

    /// Anchors every annotation against the current text: moved ones take their new place
    /// (to be saved), the others keep theirs and wait for the user.
    fn reanchor(&mut self) {
        let s = &mut self.session;
        let results = anchor_all(&s.text, s.annotations.as_slice());
        // Changes under the annotations go to the corrections log (saved with them).
        let noticed = s.notice_corrections(&results, Utc::now().trunc_subsecs(0));
        let mut summary = AnchorSummary::default();
        let mut moved = Vec::new();
        self.statuses.clear();
        self.anchoring.clear();
        for (a, r) in s.annotations.iter().zip(results) {
            self.statuses.insert(a.id, r.status);
            match r.status {
                AnchorStatus::Exact => {}
                AnchorStatus::Moved => {
                    summary.moved += 1;
                    let mut moved_a = a.clone();
                    if apply_anchoring(&s.text, &mut moved_a, &r) {
                        moved.push(moved_a);
                    }
                }
                AnchorStatus::Changed => summary.changed += 1,
                AnchorStatus::Fuzzy => summary.fuzzy += 1,
                AnchorStatus::Ambiguous => summary.ambiguous += 1,
                AnchorStatus::Orphaned => summary.orphaned += 1,
            }
            if r.status != AnchorStatus::Exact {
                self.anchoring.insert(a.id, r);
            }
        }
        let any_moved = !moved.is_empty();
        for a in moved {
            s.annotations.replace(a);
        }
        self.summary = summary;
        self.version += 1;
        if any_moved || noticed {
            self.dirty = true;
            self.last_change = Some(Instant::now());
        }
        self.refresh_drawable();
    }

    /// Checks, at most every [`DISK_CHECK_EVERY`], whether the document file changed on disk;
    /// if its text changed, reads it and re-anchors. Undo history is cleared then, because
    /// earlier steps refer to the old text.
    pub fn check_disk(&mut self) -> Option<DiskChange> {
        if self.last_disk_check.elapsed() < DISK_CHECK_EVERY {
            return None;
        }
        self.check_disk_now()
    }

    /// Whether another program wrote the sidecar since this document last read or wrote it
    /// (its time or size changed).
    pub fn sidecar_changed_on_disk(&self) -> bool {
        stamp(&self.session.sidecar_path) != self.sidecar_stamp
    }

    /// What the document file looked like on disk when last looked at.
    pub fn disk_stamp(&self) -> Stamp {
        self.disk_stamp
    }

    /// Checks at once whether the document file changed on disk (see [`Self::check_disk`]).
    pub fn check_disk_now(&mut self) -> Option<DiskChange> {
        self.last_disk_check = Instant::now();
        let now = stamp(self.path());
        if now.is_none() {
            if self.missing {
                return None;
            }
            self.missing = true;
            return Some(DiskChange::Missing);
        }
        self.missing = false;
        if now == self.disk_stamp {
            return None;
        }
        self.disk_stamp = now;
        match crate::store::document::read_document(self.path()) {
            Ok(text) if text.sha256() == self.session.text.sha256() => None,
            Ok(text) => {
                self.words = text.as_str().split_whitespace().count();
                self.rtl = crate::core::bidi::document_is_rtl(text.as_str());
                self.session.text = text;
                self.history = History::default();
                self.selection = None;
                self.reanchor();
                Some(DiskChange::Changed(self.summary))
            }
            Err(e) => Some(DiskChange::Unreadable(e.to_string())),
        }
    }

    /// The document's path.
    pub fn path(&self) -> &Path {
        &self.session.doc_path
    }

    /// Whether text with words in it is selected (not only spaces or line breaks, which
    /// nothing can tag: a drag across a table's rows read in another order can take just
    /// the break between two of them).
    pub fn has_words_selected(&self) -> bool {
        self.selection.is_some_and(|s| {
            !s.is_empty()
                && self
                    .session
                    .text
                    .slice(s.start()..s.end())
                    .chars()
                    .any(|c| !c.is_whitespace())
        })
    }

    /// Whether the document is Markdown source.
    pub fn is_markdown(&self) -> bool {
        self.session.kind == crate::core::source::DocumentKind::Markdown
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
        self.drawable.iter().filter(|d| !**d).count()
    }

    /// Annotation counts per tag (claim, quote, date, entity), kept up to date on every change
    /// so panels need not count every frame.
    pub fn tag_counts(&self) -> [usize; 4] {
        self.tag_counts
    }

    /// Recomputes what is derived from the annotations and their statuses (once per change,
    /// not per frame).
    fn refresh_drawable(&mut self) {
        let mut counts = [0; 4];
        self.drawable = self
            .session
            .annotations
            .iter()
            .map(|a| {
                counts[super::folder::tag_index(a.tag.kind())] += 1;
                self.status(a.id).is_anchored()
            })
            .collect();
        self.tag_counts = counts;
        let mut pending: Vec<(AnnotationId, usize, usize)> = self
            .anchoring
            .iter()
            .filter(|(id, r)| {
                matches!(r.status, AnchorStatus::Changed | AnchorStatus::Fuzzy)
                    && self.status(**id) == r.status
                    && r.start < r.end
                    && r.end <= self.session.text.char_count()
            })
            .map(|(id, r)| (*id, r.start, r.end))
            .collect();
        pending.sort_by_key(|&(id, a, b)| (a, b, id));
        self.pending = pending;
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
        let annotations = &self.session.annotations;
        self.many.retain(|id| annotations.contains(*id));
        if self.many.len() < 2 {
            self.many.clear();
        }
        // Snapshots are hashed again only when one was attached, replaced or removed.
        let attached = self.attached_snapshots();
        if attached != self.snapshots_checked {
            self.snapshots_checked = attached;
            self.check_snapshots();
        }
    }

    /// Every attached snapshot (evidence id, file and hash), to tell when to check again.
    fn attached_snapshots(&self) -> Vec<(crate::core::evidence::EvidenceId, String, String)> {
        self.session
            .annotations
            .iter()
            .flat_map(|a| &a.evidence)
            .filter_map(|e| {
                let s = e.snapshot.as_ref()?;
                Some((e.id, s.path.clone(), s.sha256.clone()))
            })
            .collect()
    }

    /// Checks every evidence snapshot against the hash recorded when it was attached.
    pub fn check_snapshots(&mut self) {
        self.snapshots = crate::store::snapshot::problems(
            &self.session.sidecar_path,
            self.session.annotations.as_slice(),
        );
    }

    /// How the snapshot of evidence item `id` stands, as last checked.
    pub fn snapshot_state(
        &self,
        id: crate::core::evidence::EvidenceId,
    ) -> crate::store::snapshot::SnapshotState {
        self.snapshots
            .iter()
            .find(|p| p.evidence == id)
            .map_or(crate::store::snapshot::SnapshotState::Unchanged, |p| {
                p.state.clone()
            })
    }

    /// Applies a command and records it for undo. With `coalesce`, a change to the same
    /// annotation as the previous change joins that undo step.
    pub fn apply(&mut self, cmd: &Command, coalesce: bool) -> Result<Vec<AnnotationId>, EditError> {
        let now = Utc::now().trunc_subsecs(0);
        let s = &mut self.session;
        let before: Vec<_> = cmd_spans(cmd)
            .into_iter()
            .filter_map(|id| s.annotations.get(id).cloned())
            .collect();
        let ids = self
            .history
            .apply_coalesced(&mut s.annotations, &s.text, cmd, now, coalesce)?;
        // New and re-attached annotations sit exactly on their text.
        let spans = cmd_spans(cmd);
        if matches!(
            cmd,
            Command::Add(_) | Command::SetSpan { .. } | Command::Batch(_)
        ) {
            for id in &ids {
                if spans.contains(id) || !self.statuses.contains_key(id) {
                    self.statuses.insert(*id, AnchorStatus::Exact);
                    // Settled: no longer waiting in the review of changed annotations.
                    self.anchoring.remove(id);
                }
            }
        }
        // A change under the annotation is settled: accepted, re-attached or deleted.
        let log = &mut self.session.corrections;
        for id in &ids {
            let was = before.iter().find(|a| a.id == *id);
            let now_a = self.session.annotations.get(*id);
            if now_a.is_none() || spans.contains(id) {
                log.resolve(*id, was, now_a, CorrectionAction::Accepted, now);
            }
        }
        self.changed();
        Ok(ids)
    }

    /// Undoes the last change; returns the ids it touched.
    pub fn undo(&mut self) -> Option<Result<Vec<AnnotationId>, EditError>> {
        let before = self.session.annotations.clone();
        let r = self.history.undo(&mut self.session.annotations)?;
        let r = r.map(|c| c.ids());
        self.restatus(r.as_deref().unwrap_or_default(), &before);
        self.changed();
        Some(r)
    }

    /// Redoes the last undone change; returns the ids it touched.
    pub fn redo(&mut self) -> Option<Result<Vec<AnnotationId>, EditError>> {
        let before = self.session.annotations.clone();
        let r = self.history.redo(&mut self.session.annotations)?;
        let r = r.map(|c| c.ids());
        self.restatus(r.as_deref().unwrap_or_default(), &before);
        self.changed();
        Some(r)
    }

    /// Anchors these annotations again (after undo or redo moved them; `before` as they were),
    /// and brings their corrections back in line: an annotation off its text again has its
    /// change pending again; one back on the text found, or gone, has it settled again (with
    /// the date it followed, as when it was first settled).
    fn restatus(&mut self, ids: &[AnnotationId], before: &AnnotationSet) {
        let now = Utc::now().trunc_subsecs(0);
        for id in ids {
            match self.session.annotations.get(*id) {
                Some(a) => {
                    let r = crate::core::anchor::anchor(&self.session.text, a);
                    self.statuses.insert(*id, r.status);
                    if r.status.is_anchored() {
                        self.session.corrections.resolve(
                            *id,
                            before.get(*id),
                            Some(a),
                            CorrectionAction::Accepted,
                            now,
                        );
                    } else {
                        self.session.corrections.reopen(*id);
                    }
                    if r.status == AnchorStatus::Exact {
                        self.anchoring.remove(id);
                    } else {
                        self.anchoring.insert(*id, r);
                    }
                }
                None => {
                    self.session.corrections.resolve(
                        *id,
                        before.get(*id),
                        None,
                        CorrectionAction::Accepted,
                        now,
                    );
                    self.statuses.remove(id);
                    self.anchoring.remove(id);
                }
            }
        }
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

    /// Writes the sidecar through the store's rules. When another program changed it
    /// meanwhile, the two are merged by id ([`Saved::Merged`] says what came in). When both
    /// changed the same fields, nothing is written: the conflicts wait in
    /// [`Self::save_conflicts`] for the user. On failure the work stays in memory and the
    /// reason is kept in [`Self::save_error`] for the window to show.
    pub fn save(&mut self) -> Result<Saved, Arc<SaveFailure>> {
        self.save_with(&[])
    }

    /// Saves with the user's choices for the conflicts of the last save.
    pub fn save_with(&mut self, resolutions: &[Resolution]) -> Result<Saved, Arc<SaveFailure>> {
        let outcome = match self.session.save_resolved(resolutions) {
            Ok(SaveOutcome::Conflicts(conflicts)) => {
                let failure = Arc::new(SaveFailure::Conflicts(conflicts.len()));
                self.save_conflicts = conflicts;
                self.save_error = Some(Arc::clone(&failure));
                return Err(failure);
            }
            Ok(outcome) => outcome,
            Err(e) => {
                let failure = Arc::new(SaveFailure::Store(e));
                self.save_error = Some(Arc::clone(&failure));
                return Err(failure);
            }
        };
        self.dirty = false;
        self.save_error = None;
        self.save_conflicts.clear();
        self.last_saved = Some(Local::now());
        self.sidecar_stamp = stamp(&self.session.sidecar_path);
        let _ = crate::store::recovery::discard_recovery(self.path());
        self.last_journal = None;
        Ok(match outcome {
            SaveOutcome::Merged(report) => {
                self.reanchor();
                Saved::Merged(report)
            }
            SaveOutcome::Recreated => Saved::Recreated,
            SaveOutcome::Saved | SaveOutcome::Conflicts(_) => Saved::Written,
        })
    }

    /// Writes unsaved changes to the recovery journal, at most every [`JOURNAL_EVERY`], so a
    /// crash loses at most about a second of work. Returns an error message once if it fails.
    pub fn journal(&mut self) -> Option<String> {
        if !self.dirty
            || self
                .last_journal
                .is_some_and(|t| t.elapsed() < JOURNAL_EVERY)
        {
            return None;
        }
        self.last_journal = Some(Instant::now());
        self.session.write_recovery().err().map(|e| e.to_string())
    }

    /// Writes a recovery copy now (for example when something went wrong); returns where.
    pub fn write_recovery_now(&self) -> Result<PathBuf, String> {
        self.session.write_recovery().map_err(|e| e.to_string())
    }

    /// Takes the offered recovery into the document (unsaved); returns the conflicts it left.
    pub fn restore_recovery(&mut self) -> usize {
        let Some(rec) = self.recovery.take() else {
            return 0;
        };
        let conflicts = self.session.restore(&rec).len();
        self.reanchor();
        self.dirty = true;
        self.last_change = Some(Instant::now());
        conflicts
    }

    /// Drops the offered recovery.
    pub fn discard_recovery(&mut self) {
        if self.recovery.take().is_some() {
            let _ = crate::store::recovery::discard_recovery(self.path());
        }
    }

    /// Settles conflicts: those of the last save by saving with the choices, those recorded in
    /// the sidecar (by a git merge or a recovery) in memory, to be saved.
    pub fn resolve(&mut self, resolutions: &[Resolution]) -> Result<Saved, Arc<SaveFailure>> {
        let (pending, recorded): (Vec<&Resolution>, Vec<&Resolution>) = resolutions
            .iter()
            .partition(|r| self.save_conflicts.contains(&r.conflict));
        let mut any_recorded = false;
        for r in recorded {
            any_recorded |= self.session.resolve_recorded(r);
        }
        if any_recorded {
            self.reanchor();
            self.dirty = true;
            self.last_change = Some(Instant::now());
        }
        if pending.is_empty() {
            return Ok(Saved::Nothing);
        }
        let owned: Vec<Resolution> = pending.into_iter().cloned().collect();
        self.save_with(&owned)
    }

    /// Whether conflicts wait for the user (see [`Self::conflicts`]).
    pub fn has_conflicts(&self) -> bool {
        !self.save_conflicts.is_empty() || !self.session.conflicts.is_empty()
    }

    /// Every conflict waiting for the user: from the last save, and recorded in the sidecar.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut all = self.save_conflicts.clone();
        all.extend(self.session.conflicts.iter().cloned());
        all
    }

    /// Saves the annotations to another file from now on (Save Annotations As), leaving the
    /// sidecar loaded before as it was. The document and that sidecar are never written over;
    /// an existing file only if `replace` (a file dialog asked the user).
    pub fn save_as(&mut self, to: &Path, replace: bool) -> Result<PathBuf, StoreError> {
        let rules = OutputRules::protecting([self.path()], [self.session.sidecar_path.as_path()])
            .replacing(replace);
        let saved = self.session.save_as(to, &rules)?;
        self.dirty = false;
        self.save_error = None;
        self.save_conflicts.clear();
        self.last_saved = Some(Local::now());
        self.sidecar_stamp = stamp(&self.session.sidecar_path);
        // Saved: the recovery journal of this work is no longer needed.
        let _ = crate::store::recovery::discard_recovery(self.path());
        self.last_journal = None;
        Ok(saved)
    }

    /// A suggested file name for Save As of the sidecar.
    pub fn copy_name(&self) -> PathBuf {
        let mut name = self.session.sidecar_path.clone().into_os_string();
        name.push(".copy.ron");
        free_name(&PathBuf::from(name))
    }

    /// Where a copy of the annotations goes when no dialog can ask: beside the sidecar, or,
    /// when that folder takes no new file (read-only), in the home folder under the same
    /// name.
    pub fn copy_place(&self) -> PathBuf {
        let beside = self.copy_name();
        let folder = beside
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if tempfile::tempfile_in(folder).is_ok() {
            return beside;
        }
        let home = std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" })
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        match (home, beside.file_name()) {
            (Some(home), Some(name)) if home.is_dir() => free_name(&home.join(name)),
            _ => beside,
        }
    }
}

/// The annotations a command puts on a span of the current text (set span, also inside a
/// batch such as accepting a corrected text).
fn cmd_spans(cmd: &Command) -> Vec<AnnotationId> {
    match cmd {
        Command::SetSpan { id, .. } => vec![*id],
        Command::Batch(cmds) => cmds.iter().flat_map(cmd_spans).collect(),
        _ => Vec::new(),
    }
}
