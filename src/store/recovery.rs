//! The recovery journal: while the window holds unsaved changes it writes them, atomically,
//! to a recovery file in the user's data folder (and from its panic hook), so a crash loses at
//! most the last second of work; the next start offers what differs from the sidecar.
//!
//! One file per sidecar: `<data dir>/factmark/recovery/<name>-<hash>.ann.ron`, where the hash
//! is of the sidecar's absolute path. The folder is `$FACTMARK_RECOVERY_DIR` if set, else
//! `$XDG_DATA_HOME/factmark/recovery`, else `~/.local/share/factmark/recovery` (on Windows
//! `%LOCALAPPDATA%\factmark\recovery`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::atomic::write_atomic;
use super::error::StoreError;
use super::read::{MAX_RECOVERY_BYTES, check_size_to_write, read_limited, read_sidecar};
use super::session::Session;
use super::sidecar::{SUFFIX, sidecar_path};
use crate::core::annotation::Annotation;
use crate::core::merge::{Conflict, merge, order_records};
use crate::core::model::AnnotationSet;

/// The environment variable that overrides the recovery folder.
pub const RECOVERY_DIR_VAR: &str = "FACTMARK_RECOVERY_DIR";
const FORMAT: &str = "factmark-recovery";
const VERSION: u32 = 1;

/// A recovery file as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryFile {
    format: String,
    version: u32,
    document: PathBuf,
    written: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<Vec<Annotation>>,
    annotations: Vec<Annotation>,
}

/// Unsaved annotations found in the recovery folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file (to tell the user where it is).
    pub path: PathBuf,
    /// The document they belong to (absolute).
    pub document: PathBuf,
    /// The annotations as they were in memory, sorted.
    pub annotations: Vec<Annotation>,
    /// The sidecar's annotations they were edited from, when the writer knew them (see
    /// [`Session::write_recovery`]); used to merge with changes saved since.
    pub base: Option<Vec<Annotation>>,
    /// When they were written.
    pub written: DateTime<Utc>,
}

/// The recovery folder (not created).
pub fn recovery_dir() -> Result<PathBuf, StoreError> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var(RECOVERY_DIR_VAR) {
        return Ok(dir);
    }
    let data = if cfg!(windows) {
        var("LOCALAPPDATA").or_else(|| var("APPDATA"))
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|h| h.join(".local").join("share")))
    };
    data.map(|d| d.join("factmark").join("recovery"))
        .ok_or_else(|| {
            StoreError::io(
                "recovery folder",
                std::io::Error::other(format!(
                    "no data folder: set {RECOVERY_DIR_VAR}, XDG_DATA_HOME or HOME"
                )),
            )
        })
}

/// The absolute path of a document (resolving links when it exists).
fn absolute(doc_path: &Path) -> PathBuf {
    std::fs::canonicalize(doc_path)
        .or_else(|_| std::path::absolute(doc_path))
        .unwrap_or_else(|_| doc_path.to_owned())
}

/// The recovery file of a document in `dir`.
pub fn recovery_path_in(dir: &Path, doc_path: &Path) -> PathBuf {
    let doc = absolute(doc_path);
    let sidecar = sidecar_path(&doc);
    let hash = Sha256::digest(sidecar.as_os_str().as_encoded_bytes());
    let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    let name: String = doc
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    dir.join(format!("{name}-{hex}{SUFFIX}"))
}

/// Writes the in-memory annotations of a document to its recovery file, atomically, and
/// returns the file. Call it whenever there are unsaved changes (about every second) and from
/// a panic hook; it never panics.
pub fn write_recovery(doc_path: &Path, annotations: &[Annotation]) -> Result<PathBuf, StoreError> {
    write_recovery_in(&recovery_dir()?, doc_path, annotations, None)
}

/// [`write_recovery`] into `dir`, recording the `base` the annotations were edited from.
pub fn write_recovery_in(
    dir: &Path,
    doc_path: &Path,
    annotations: &[Annotation],
    base: Option<&[Annotation]>,
) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    let sorted = |v: &[Annotation]| AnnotationSet::from_vec(v.to_vec()).into_vec();
    let file = RecoveryFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        document: absolute(doc_path),
        written: Utc::now(),
        base: base.map(sorted),
        annotations: sorted(annotations),
    };
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false);
    let encoded =
        ron::ser::to_string_pretty(&file, config).map_err(|e| StoreError::Encode(e.to_string()))?;
    let path = recovery_path_in(dir, doc_path);
    check_size_to_write(&path, encoded.len(), MAX_RECOVERY_BYTES)?;
    write_atomic(&path, encoded.as_bytes())?;
    Ok(path)
}

/// The recovery of a document, if there is one and it differs from the document's sidecar now
/// (a sidecar that is missing counts as no annotations; one that does not parse always
/// differs).
pub fn find_recovery(doc_path: &Path) -> Result<Option<Recovery>, StoreError> {
    find_recovery_in(&recovery_dir()?, doc_path)
}

/// [`find_recovery`] in `dir`.
pub fn find_recovery_in(dir: &Path, doc_path: &Path) -> Result<Option<Recovery>, StoreError> {
    let path = recovery_path_in(dir, doc_path);
    match read_recovery(&path)? {
        Some(r) if differs_from_sidecar(&r) => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// Every recovery in the recovery folder that differs from its document's sidecar, newest
/// first: what the start screen offers after a crash. Unreadable files are skipped.
pub fn pending_recoveries() -> Result<Vec<Recovery>, StoreError> {
    pending_recoveries_in(&recovery_dir()?)
}

/// [`pending_recoveries`] in `dir`.
pub fn pending_recoveries_in(dir: &Path) -> Result<Vec<Recovery>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    let mut found: Vec<Recovery> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(SUFFIX) && !n.starts_with('.'))
        })
        .filter_map(|p| read_recovery(&p).ok().flatten())
        .filter(differs_from_sidecar)
        .collect();
    found.sort_by(|a, b| b.written.cmp(&a.written).then(a.path.cmp(&b.path)));
    Ok(found)
}

/// Removes the recovery of a document (after it was saved, restored or declined).
pub fn discard_recovery(doc_path: &Path) -> Result<(), StoreError> {
    discard_recovery_in(&recovery_dir()?, doc_path)
}

/// [`discard_recovery`] in `dir`.
pub fn discard_recovery_in(dir: &Path, doc_path: &Path) -> Result<(), StoreError> {
    let path = recovery_path_in(dir, doc_path);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::io(&path, e)),
        _ => Ok(()),
    }
}

fn read_recovery(path: &Path) -> Result<Option<Recovery>, StoreError> {
    let bytes = match read_limited(path, MAX_RECOVERY_BYTES, "recovery file") {
        Ok(b) => b,
        Err(StoreError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let parse_error = |line, column, message: String| StoreError::Parse {
        path: path.to_owned(),
        line,
        column,
        message,
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| parse_error(1, 1, "the file is not valid UTF-8".to_owned()))?;
    let file: RecoveryFile = ron::from_str(text)
        .map_err(|e| parse_error(e.span.start.line, e.span.start.col, e.code.to_string()))?;
    if file.format != FORMAT || file.version > VERSION {
        return Err(parse_error(
            1,
            1,
            format!("not a factmark recovery file of version {VERSION} or older"),
        ));
    }
    Ok(Some(Recovery {
        path: path.to_owned(),
        document: file.document,
        annotations: file.annotations,
        base: file.base,
        written: file.written,
    }))
}

fn differs_from_sidecar(r: &Recovery) -> bool {
    match read_sidecar(&sidecar_path(&r.document)) {
        Ok(Some(loaded)) => {
            AnnotationSet::from_vec(loaded.sidecar.annotations).into_vec() != r.annotations
        }
        Ok(None) => !r.annotations.is_empty(),
        Err(_) => true,
    }
}

impl Session {
    /// Writes this session's annotations to its recovery file (see [`write_recovery`]),
    /// recording the sidecar they were edited from, so [`Self::restore`] can merge them with
    /// whatever was saved since.
    pub fn write_recovery(&self) -> Result<PathBuf, StoreError> {
        self.write_recovery_in(&recovery_dir()?)
    }

    /// [`Self::write_recovery`] into `dir`.
    pub fn write_recovery_in(&self, dir: &Path) -> Result<PathBuf, StoreError> {
        write_recovery_in(
            dir,
            &self.doc_path,
            self.annotations.as_slice(),
            Some(self.base.annotations()),
        )
    }

    /// Takes a recovery's annotations into the session (not saved: the caller marks the
    /// document unsaved). With a recorded base, this is a three-way merge with the current
    /// annotations, so changes saved after the recovery was written are kept too; where both
    /// changed a field differently the recovered value wins and the other is kept as a
    /// recorded conflict (see [`Self::conflicts`]). Returns those conflicts.
    pub fn restore(&mut self, recovery: &Recovery) -> Vec<Conflict> {
        let current = self.annotations.as_slice();
        let base = recovery.base.as_deref().unwrap_or(current);
        let result = merge(base, &recovery.annotations, current);
        let mut records = self.conflicts.clone();
        records.extend(result.conflicts.iter().cloned());
        self.conflicts = order_records(records, &result.merged);
        self.annotations = AnnotationSet::from_vec(result.merged);
        result.conflicts
    }
}

#[cfg(test)]
#[path = "recovery_tests.rs"]
mod tests;
