//! Atomic file replacement: write a temporary file in the same folder, fsync it, rename it over
//! the target, fsync the folder. A crash at any instant leaves the old or the new file, whole.
//!
//! The path's symbolic links are followed: the file they name is replaced (in its own folder),
//! and the links keep pointing at it. A read-only file, a folder, a FIFO or a device is never
//! replaced. The replaced file keeps its permissions and, where the system allows, its owner
//! and group; when it belongs to another user and cannot be given back to them, it is
//! rewritten in place from the complete, synced temporary copy instead, so its owner stays.
//!
//! The temporary file is named `.NAME.XXXXXX.tmp` and locked while it is written. A process
//! killed mid-save leaves it behind, unlocked: the next save of `NAME` removes every such file
//! that no other process holds locked, so they never pile up.

use std::io::Write as _;
use std::path::Path;

use super::error::StoreError;
use super::target::{Existing, resolve};

/// How temporary files of `name` end.
const TEMP_SUFFIX: &str = ".tmp";
/// How many random chars a temporary file name has (the `tempfile` crate's default).
const TEMP_RANDOM_CHARS: usize = 6;

/// Replaces the file at `path` (links followed) with `bytes` atomically. No temporary file is
/// left behind, even on error. Refuses read-only files and anything but a regular file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = resolve(path)?;
    let old = match target.existing {
        Existing::Missing => None,
        Existing::Regular(meta) if meta.permissions().readonly() => {
            return Err(StoreError::ReadOnly { path: target.path });
        }
        Existing::Regular(meta) => Some(meta),
        other => {
            return Err(StoreError::NotRegular {
                what: other.what(),
                path: target.path,
            });
        }
    };
    let path = target.path.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temporaries(dir, &name);
    let mut tmp = locked_temporary(dir, &name)?;
    tmp.write_all(bytes)
        .map_err(|e| StoreError::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(tmp.path(), e))?;
    match &old {
        // Keep the permissions of the file being replaced, and its owner where we may.
        Some(meta) => {
            let _ = tmp.as_file().set_permissions(meta.permissions());
            if !keep_owner(tmp.as_file(), meta) {
                return rewrite_in_place(path, bytes);
            }
        }
        // A new file is readable by all, like any file a text editor creates (the temporary
        // file starts private).
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                let _ = tmp
                    .as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644));
            }
        }
    }
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Gives `file` the owner and group of `old` if they differ from ours. Returns false when the
/// owner cannot be kept (another user's file, and we may not give files away).
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let Ok(ours) = file.metadata() else {
            return true;
        };
        if (ours.uid(), ours.gid()) == (old.uid(), old.gid()) {
            return true;
        }
        if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_ok() {
            return true;
        }
        if ours.uid() == old.uid() {
            // Our file in a group we are not in: the group cannot be kept either way.
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
            return true;
        }
        false
    }
    #[cfg(not(unix))]
    {
        let _ = (file, old);
        true
    }
}

/// Overwrites `path` in place with `bytes` (used only once a complete, synced copy exists
/// beside it): the file keeps its owner, group, permissions and links.
fn rewrite_in_place(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| StoreError::io(path, e))?;
    file.write_all(bytes)
        .and_then(|()| file.set_len(bytes.len() as u64))
        .and_then(|()| file.sync_all())
        .map_err(|e| StoreError::io(path, e))
}

/// Creates `.NAME.XXXXXX.tmp` in `dir` and locks it, making sure the file locked is still the
/// one at that path (a concurrent clean-up may have removed it between creation and lock).
fn locked_temporary(dir: &Path, name: &str) -> Result<tempfile::NamedTempFile, StoreError> {
    let mut attempts = 0;
    loop {
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM_CHARS)
            .tempfile_in(dir)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied => StoreError::FolderNotWritable {
                    path: dir.join(name),
                    folder: dir.to_owned(),
                    error: super::error::without_path(e),
                },
                std::io::ErrorKind::NotFound => StoreError::FolderMissing {
                    path: dir.join(name),
                    folder: dir.to_owned(),
                },
                _ => StoreError::io(dir, e),
            })?;
        tmp.as_file()
            .lock()
            .map_err(|e| StoreError::io(tmp.path(), e))?;
        if still_at_its_path(&tmp) {
            return Ok(tmp);
        }
        // Removed by another process's clean-up before we locked it: never delete the path
        // (it is no longer ours), just try again with a new name.
        let _ = tmp.into_temp_path().keep();
        attempts += 1;
        if attempts >= 5 {
            return Err(StoreError::io(
                dir,
                std::io::Error::other("could not create a temporary file that stays put"),
            ));
        }
    }
}

/// Whether the path of a temporary file still names the file we hold open.
fn still_at_its_path(tmp: &tempfile::NamedTempFile) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (std::fs::metadata(tmp.path()), tmp.as_file().metadata()) {
            (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        tmp.path().exists()
    }
}

/// Whether `file_name` is one of our temporary files for the file `name`.
fn is_temporary_of(file_name: &str, name: &str) -> bool {
    file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|r| {
            r.len() == TEMP_RANDOM_CHARS && r.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files of `name` in `dir` left by saves that never finished (a killed
/// or crashed process): those no process holds locked. On systems where an open file cannot
/// be removed anyway, only files older than a minute are tried. Errors are ignored: this is
/// housekeeping. Returns how many were removed.
pub fn remove_stale_temporaries(dir: &Path, name: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if !file_name.to_str().is_some_and(|f| is_temporary_of(f, name)) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        if !cfg!(unix) {
            let old = file
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() >= 60);
            if !old {
                continue;
            }
        }
        // Holding the lock while removing: a writer that created the file meanwhile waits for
        // it, then sees the file gone and starts again.
        if file.try_lock().is_ok() && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Makes the rename durable (Unix); elsewhere the rename is already durable or cannot be
/// synced this way.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt.ann.ron");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn stale_temporaries_are_removed_and_locked_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt.ann.ron");
        // Left by a killed save.
        let stale = dir.path().join(".a.txt.ann.ron.Ab12Cd.tmp");
        std::fs::write(&stale, b"half").unwrap();
        // Being written by another process right now (we hold its lock).
        let busy = dir.path().join(".a.txt.ann.ron.Zz9Yy8.tmp");
        std::fs::write(&busy, b"busy").unwrap();
        let lock = std::fs::File::open(&busy).unwrap();
        lock.lock().unwrap();
        // Not ours: other names, other files' temporaries, other shapes.
        let others = [
            ".b.txt.ann.ron.Ab12Cd.tmp",
            ".a.txt.ann.ron.backup-1.tmp",
            "a.txt.ann.ron.Ab12Cd.tmp",
            ".a.txt.ann.ron.Ab12Cd.tmp.keep",
        ];
        for o in others {
            std::fs::write(dir.path().join(o), b"x").unwrap();
        }
        write_atomic(&p, b"new").unwrap();
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(busy.exists(), "a locked temporary file is kept");
        for o in others {
            assert!(dir.path().join(o).exists(), "{o} is not ours");
        }
        drop(lock);
        assert_eq!(remove_stale_temporaries(dir.path(), "a.txt.ann.ron"), 1);
        assert!(!busy.exists());
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_links_and_refuses_what_it_must_not_replace() {
        use std::os::unix::fs::{PermissionsExt as _, symlink};
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        let real = shared.join("a.txt.ann.ron");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.path().join("a.txt.ann.ron");
        symlink("shared/a.txt.ann.ron", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");

        // A dangling link: the file it names is created, the link stays.
        let dangling = dir.path().join("b.txt.ann.ron");
        symlink("shared/b.txt.ann.ron", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());
        assert_eq!(
            std::fs::read(shared.join("b.txt.ann.ron")).unwrap(),
            b"made"
        );

        // Read-only: refused, untouched.
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = write_atomic(&link, b"newer").unwrap_err();
        assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
        assert_eq!(std::fs::read(&real).unwrap(), b"new");

        // A FIFO is not replaced by a regular file.
        let fifo = dir.path().join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        assert!(matches!(
            write_atomic(&fifo, b"x"),
            Err(StoreError::NotRegular { .. })
        ));
        use std::os::unix::fs::FileTypeExt as _;
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    #[cfg(unix)]
    #[test]
    fn another_users_file_keeps_its_owner() {
        use std::os::unix::fs::MetadataExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt.ann.ron");
        std::fs::write(&p, b"old").unwrap();
        // Only root can give a file away; elsewhere this test has nothing to show.
        if std::os::unix::fs::chown(&p, Some(4242), Some(4343)).is_err() {
            return;
        }
        write_atomic(&p, b"new").unwrap();
        let meta = std::fs::metadata(&p).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (4242, 4343));
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
    }

    #[test]
    fn temporary_names() {
        assert!(is_temporary_of(".x.ann.ron.a1B2c3.tmp", "x.ann.ron"));
        assert!(!is_temporary_of(".x.ann.ron.a1B2c.tmp", "x.ann.ron"));
        assert!(!is_temporary_of(".x.ann.ron.a1-2c3.tmp", "x.ann.ron"));
        assert!(!is_temporary_of(".y.ann.ron.a1B2c3.tmp", "x.ann.ron"));
    }
}
