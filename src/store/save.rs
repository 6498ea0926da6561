//! Saving a session without ever clobbering another writer: when the sidecar on disk changed
//! since it was loaded (another window, another program, a `git pull`), its annotations are
//! merged with ours by id against the version we loaded (three-way); only fields both sides
//! changed differently are handed back as conflicts, and then nothing is written.

use chrono::Utc;

use super::atomic::write_atomic;
use super::error::StoreError;
use super::output::{self, OutputRules};
use super::read::{
    MAX_SIDECAR_BYTES, check_size_to_write, decode_sidecar, fingerprint, read_sidecar_bytes,
};
use super::session::Session;
use super::target::resolve_links;
use crate::core::annotation::Annotation;
use crate::core::merge::{Conflict, Kept, Resolution, Tally, merge, merge_records};
use crate::core::model::AnnotationSet;

/// The sidecar as it was loaded or last saved: the base of the next three-way merge. As loaded,
/// it is kept as the file's bytes and decoded only when a merge or a recovery needs it, so
/// opening a document does not hold every annotation twice.
#[derive(Debug, Clone, Default)]
pub struct Base {
    /// The sidecar's bytes as loaded (with the path they were read from), not yet decoded.
    bytes: Option<(std::path::PathBuf, std::sync::Arc<[u8]>)>,
    /// Its annotations and recorded conflicts, once decoded or as last saved.
    decoded: std::sync::OnceLock<(Vec<Annotation>, Vec<Conflict>)>,
}

impl Base {
    /// The base of a sidecar read from `path` as `bytes`.
    pub fn from_bytes(path: &std::path::Path, bytes: Vec<u8>) -> Self {
        Self {
            bytes: Some((path.to_owned(), bytes.into())),
            decoded: std::sync::OnceLock::new(),
        }
    }

    /// The base of a sidecar holding these annotations and conflicts.
    pub fn from_parts(annotations: Vec<Annotation>, conflicts: Vec<Conflict>) -> Self {
        Self {
            bytes: None,
            decoded: std::sync::OnceLock::from((annotations, conflicts)),
        }
    }

    /// Its annotations.
    pub fn annotations(&self) -> &[Annotation] {
        &self.parts().0
    }

    /// Its recorded conflicts.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.parts().1
    }

    fn parts(&self) -> &(Vec<Annotation>, Vec<Conflict>) {
        self.decoded.get_or_init(|| {
            // These bytes decoded when the sidecar was loaded, so they decode again; were they
            // not to, an empty base makes the merge keep every annotation of both sides.
            self.bytes
                .as_ref()
                .and_then(|(path, bytes)| decode_sidecar(path, bytes).ok())
                .map(|s| (s.annotations, s.conflicts))
                .unwrap_or_default()
        })
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written; the sidecar on disk was the one loaded (or there was none).
    Saved,
    /// Another program had changed the sidecar: its changes were merged with ours, the merge
    /// was written, and the session now holds it.
    Merged(MergeReport),
    /// The sidecar loaded had been deleted or moved away meanwhile: it was written again, with
    /// our annotations.
    Recreated,
    /// Another program changed some of the same fields differently: nothing was written.
    /// Show them, and call [`Session::save_resolved`] with the user's choices.
    Conflicts(Vec<Conflict>),
}

/// What a merged save took from the other writer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// How the annotations changed from ours to the merge: annotations the other writer
    /// added, deleted and changed.
    pub theirs: Tally,
    /// Annotations one side deleted and the other changed: kept, changed.
    pub kept: Vec<Kept>,
    /// Conflicts settled by the resolutions given to [`Session::save_resolved`].
    pub resolved: usize,
}

impl Session {
    /// The annotations as loaded or last saved: what the next save merges against.
    pub fn base(&self) -> &[Annotation] {
        self.base.annotations()
    }

    /// Saves, merging with the sidecar on disk if another program changed it since it was
    /// loaded or last saved. A sidecar on disk that does not parse, or that a newer factmark
    /// wrote, is never overwritten: its error is returned and nothing is written.
    pub fn save_merging(&mut self) -> Result<SaveOutcome, StoreError> {
        self.save_resolved(&[])
    }

    /// Like [`Self::save_merging`], settling conflicts with the user's choices. The merge is
    /// done again against the sidecar on disk now; a resolution applies to a conflict only if
    /// it is still exactly the one shown (same annotation, field and both values). If any
    /// conflict is left unresolved, nothing is written and the conflicts are returned again.
    pub fn save_resolved(&mut self, resolutions: &[Resolution]) -> Result<SaveOutcome, StoreError> {
        let _turn = lock_folder(&self.sidecar_path);
        let on_disk = read_sidecar_bytes(&self.sidecar_path)?;
        let changed = on_disk.as_deref().map(fingerprint) != self.fingerprint;
        let Some(bytes) = on_disk.filter(|_| changed) else {
            let recreated = changed;
            self.write_sidecar()?;
            return Ok(if recreated {
                SaveOutcome::Recreated
            } else {
                SaveOutcome::Saved
            });
        };
        let theirs = decode_sidecar(&self.sidecar_path, &bytes)?;
        let ours = self.annotations.as_slice();
        let mut result = merge(self.base.annotations(), ours, &theirs.annotations);
        let now = Utc::now();
        let mut unresolved = Vec::new();
        let mut resolved = 0;
        for c in std::mem::take(&mut result.conflicts) {
            match resolutions.iter().find(|r| r.conflict == c) {
                Some(r) if r.apply(&mut result.merged, now) => resolved += 1,
                _ => unresolved.push(c),
            }
        }
        if !unresolved.is_empty() {
            return Ok(SaveOutcome::Conflicts(unresolved));
        }
        let report = MergeReport {
            theirs: Tally::between(ours, &result.merged),
            kept: result.kept,
            resolved,
        };
        let merged = AnnotationSet::from_vec(result.merged);
        self.conflicts = merge_records(
            self.base.conflicts(),
            &self.conflicts,
            &theirs.conflicts,
            merged.as_slice(),
        );
        self.annotations = merged;
        self.corrections.merge(&theirs.corrections);
        self.write_sidecar()?;
        Ok(SaveOutcome::Merged(report))
    }

    /// Settles a recorded conflict (one `factmark merge` or a recovery left in the sidecar):
    /// the annotation takes the chosen value and the record goes. Returns whether the record
    /// was found. Nothing is saved until the next save.
    pub fn resolve_recorded(&mut self, resolution: &Resolution) -> bool {
        let Some(at) = self
            .conflicts
            .iter()
            .position(|c| *c == resolution.conflict)
        else {
            return false;
        };
        let mut items = self.annotations.as_slice().to_vec();
        if !resolution.apply(&mut items, Utc::now()) {
            return false;
        }
        self.conflicts.remove(at);
        self.annotations = AnnotationSet::from_vec(items);
        true
    }

    /// Saves the annotations to another file from now on (Save Annotations As): written there
    /// as a sidecar, which later saves replace; the sidecar loaded before is left as it was.
    /// `rules` say what may not be written over (see [`super::output`]); the file must be a
    /// regular file. Returns where the annotations are now saved.
    pub fn save_as(
        &mut self,
        to: &std::path::Path,
        rules: &OutputRules,
    ) -> Result<std::path::PathBuf, StoreError> {
        let sidecar = self.to_sidecar();
        let encoded = sidecar.encode()?;
        check_size_to_write(to, encoded.len(), MAX_SIDECAR_BYTES)?;
        let checked = output::check(to, &rules.clone().for_sidecar())?;
        if checked.file().is_none() {
            return Err(StoreError::NotRegular {
                path: to.to_owned(),
                what: "a FIFO or device",
            });
        }
        checked.write(encoded.as_bytes())?;
        self.sidecar_path = to.to_owned();
        self.fingerprint = Some(fingerprint(encoded.as_bytes()));
        self.recorded = Some(sidecar.document);
        self.base = Base::from_parts(sidecar.annotations, sidecar.conflicts);
        Ok(self.sidecar_path.clone())
    }

    /// Encodes and writes the sidecar atomically, then remembers it as the new base. A
    /// sidecar too large to be read back is refused before anything is written.
    fn write_sidecar(&mut self) -> Result<(), StoreError> {
        let sidecar = self.to_sidecar();
        let encoded = sidecar.encode()?;
        check_size_to_write(&self.sidecar_path, encoded.len(), MAX_SIDECAR_BYTES)?;
        write_atomic(&self.sidecar_path, encoded.as_bytes())?;
        self.fingerprint = Some(fingerprint(encoded.as_bytes()));
        self.recorded = Some(sidecar.document);
        self.base = Base::from_parts(sidecar.annotations, sidecar.conflicts);
        Ok(())
    }
}

/// How long a save waits for another factmark process's save in the same folder.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Takes an advisory lock on the sidecar's folder (Unix), so that factmark processes saving
/// there take turns between reading the sidecar on disk and replacing it: no save can slip in
/// between and be lost. Best effort: after [`LOCK_WAIT`] (a hung process), or where folders
/// cannot be locked, the save goes ahead; other programs do not take this lock. A sidecar
/// that is a symbolic link is saved in its target's folder, so that folder is the one locked.
fn lock_folder(sidecar: &std::path::Path) -> Option<std::fs::File> {
    if !cfg!(unix) {
        return None;
    }
    let sidecar = resolve_links(sidecar);
    let dir = match sidecar.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let folder = std::fs::File::open(dir).ok()?;
    let start = std::time::Instant::now();
    loop {
        match folder.try_lock() {
            Ok(()) => return Some(folder),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(_) => return None,
        }
    }
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
