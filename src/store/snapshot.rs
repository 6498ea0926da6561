//! Local snapshots of evidence: attaching a file (its path relative to the sidecar and its
//! SHA-256) and checking, when the annotations are opened or checked, that it is still there
//! and unchanged. A changed or missing snapshot is reported, never accepted silently.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use super::error::StoreError;
use crate::core::annotation::{Annotation, AnnotationId};
use crate::core::evidence::{EvidenceId, Snapshot};

/// How a snapshot file stands against the hash recorded when it was attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotState {
    /// The file is there with the recorded hash.
    Unchanged,
    /// The file is there but its bytes differ.
    Changed {
        /// The hash it has now.
        found: String,
    },
    /// There is no such file.
    Missing,
    /// The file could not be read (the reason).
    Unreadable(String),
}

impl SnapshotState {
    /// Whether the snapshot is as attached.
    pub fn is_ok(&self) -> bool {
        *self == SnapshotState::Unchanged
    }

    /// A short phrase for the window and the command line.
    pub fn describe(&self) -> String {
        match self {
            SnapshotState::Unchanged => "unchanged".to_owned(),
            SnapshotState::Changed { .. } => {
                "changed since it was attached (its SHA-256 differs)".to_owned()
            }
            SnapshotState::Missing => "missing".to_owned(),
            SnapshotState::Unreadable(why) => format!("cannot be read: {why}"),
        }
    }
}

/// A snapshot that is not as attached, with where it is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotProblem {
    /// The annotation.
    pub annotation: AnnotationId,
    /// The evidence item.
    pub evidence: EvidenceId,
    /// The file as recorded (relative to the sidecar).
    pub path: String,
    /// What is wrong.
    pub state: SnapshotState,
}

/// The SHA-256 of a regular file's bytes, read in pieces (lowercase hex). Anything else (a
/// folder, a FIFO, a device) is refused with `InvalidInput` without waiting on it.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut file = open_regular(path)?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
    }
    Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Opens a file for reading only if it is a regular file. The type is checked before the
/// open (opening a FIFO would wait for a writer) and again on the open file, which is opened
/// non-blocking on Unix so that a file swapped for a FIFO in between cannot hang either.
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let not_a_file = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "a snapshot must be a saved file (a page or a PDF), not a folder, a FIFO or a device",
        )
    };
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_a_file());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_a_file());
    }
    Ok(file)
}

/// Where a snapshot recorded as `relative` is, for the sidecar at `sidecar`.
pub fn resolve(sidecar: &Path, relative: &str) -> PathBuf {
    if Path::new(relative).is_absolute() {
        // Recorded as it was: on another drive, or with no folder in common.
        return PathBuf::from(relative);
    }
    folder_of(sidecar).join(relative.split('/').collect::<PathBuf>())
}

/// Records `file` as a snapshot for the sidecar at `sidecar`: its path relative to the
/// sidecar's folder (with `..` where it is outside) and its SHA-256 now. The file must be a
/// regular file that can be read.
pub fn attach(sidecar: &Path, file: &Path) -> Result<Snapshot, StoreError> {
    let io = |e: std::io::Error| StoreError::io(file, e);
    let sha256 = file_sha256(file).map_err(io)?;
    let folder = absolute(folder_of(sidecar));
    let target = absolute(file);
    let relative = relative_to(&folder, &target);
    let path = if relative.is_absolute() {
        relative.to_string_lossy().into_owned()
    } else {
        relative
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    };
    Ok(Snapshot { path, sha256 })
}

/// Checks one snapshot against the file beside the sidecar at `sidecar`.
pub fn check(sidecar: &Path, snapshot: &Snapshot) -> SnapshotState {
    let path = resolve(sidecar, &snapshot.path);
    match file_sha256(&path) {
        Ok(found) if found.eq_ignore_ascii_case(&snapshot.sha256) => SnapshotState::Unchanged,
        Ok(found) => SnapshotState::Changed { found },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => SnapshotState::Missing,
        Err(e) => SnapshotState::Unreadable(e.to_string()),
    }
}

/// Every snapshot of these annotations that is not as attached, in annotation then evidence
/// order.
pub fn problems(sidecar: &Path, annotations: &[Annotation]) -> Vec<SnapshotProblem> {
    annotations
        .iter()
        .flat_map(|a| a.evidence.iter().map(move |e| (a.id, e)))
        .filter_map(|(annotation, e)| {
            let s = e.snapshot.as_ref()?;
            let state = check(sidecar, s);
            (!state.is_ok()).then(|| SnapshotProblem {
                annotation,
                evidence: e.id,
                path: s.path.clone(),
                state,
            })
        })
        .collect()
}

/// The folder a sidecar is in: `.` for a bare file name.
fn folder_of(sidecar: &Path) -> &Path {
    match sidecar.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn absolute(p: &Path) -> PathBuf {
    let p = std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    std::fs::canonicalize(&p).unwrap_or(p)
}

/// `target` relative to `folder` (both absolute).
fn relative_to(folder: &Path, target: &Path) -> PathBuf {
    let f: Vec<Component> = folder.components().collect();
    let t: Vec<Component> = target.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return target.to_owned();
    }
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attached_snapshots_are_relative_and_changes_are_seen() {
        let d = tempfile::tempdir().unwrap();
        let sidecar = d.path().join("article.txt.ann.ron");
        std::fs::create_dir(d.path().join("sources")).unwrap();
        let file = d.path().join("sources").join("page.html");
        std::fs::write(&file, "<p>original</p>").unwrap();
        let s = attach(&sidecar, &file).unwrap();
        assert_eq!(s.path, "sources/page.html");
        assert_eq!(s.sha256.len(), 64);
        assert_eq!(check(&sidecar, &s), SnapshotState::Unchanged);
        std::fs::write(&file, "<p>edited</p>").unwrap();
        assert!(matches!(check(&sidecar, &s), SnapshotState::Changed { .. }));
        std::fs::remove_file(&file).unwrap();
        assert_eq!(check(&sidecar, &s), SnapshotState::Missing);
    }

    #[test]
    fn a_snapshot_outside_the_folder_goes_up_and_a_folder_is_refused() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("a")).unwrap();
        let sidecar = d.path().join("a").join("x.txt.ann.ron");
        let file = d.path().join("page.pdf");
        std::fs::write(&file, b"%PDF-1.4").unwrap();
        let s = attach(&sidecar, &file).unwrap();
        assert_eq!(s.path, "../page.pdf");
        assert!(check(&sidecar, &s).is_ok());
        assert!(attach(&sidecar, d.path()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let d = tempfile::tempdir().unwrap();
        let sidecar = d.path().join("x.txt.ann.ron");
        let fifo = d.path().join("pipe");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let err = attach(&sidecar, &fifo).unwrap_err().to_string();
        assert!(err.contains("FIFO"), "{err}");
        let s = Snapshot {
            path: "pipe".into(),
            sha256: "00".into(),
        };
        assert!(matches!(check(&sidecar, &s), SnapshotState::Unreadable(_)));
    }
}
