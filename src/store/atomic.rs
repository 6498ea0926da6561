//! Atomic file replacement: write a temporary file in the same folder, fsync it, rename it over
//! the target, fsync the folder. A crash at any instant leaves the old or the new file, whole.

use std::io::Write as _;
use std::path::Path;

use super::error::StoreError;

/// Replaces `path` with `bytes` atomically. No temporary file is left behind, even on error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| StoreError::io(tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(tmp.path(), e))?;
    // Keep the permissions of the file being replaced; a new file is readable by all, like
    // any file a text editor creates (the temporary file starts private).
    match std::fs::metadata(path) {
        Ok(meta) => {
            let _ = tmp.as_file().set_permissions(meta.permissions());
        }
        Err(_) => {
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
}
