//! Where a write lands: a path's symbolic links followed to the file they name, and what is
//! there now (nothing yet, a regular file, a folder, a FIFO or character device to write
//! through, or something factmark never writes to).

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use super::error::StoreError;

/// How many links a path may go through, as Linux allows (`ELOOP` beyond).
const MAX_LINKS: usize = 40;

/// What is at a path, links followed.
#[derive(Debug)]
pub enum Existing {
    /// Nothing yet (the last link may dangle: this is where it points).
    Missing,
    /// A regular file.
    Regular(Metadata),
    /// A folder.
    Folder,
    /// A FIFO or a character device (a terminal, `/dev/null`): written through, never
    /// replaced. Says which.
    Stream(&'static str),
    /// A block device or a socket: never written to.
    Other(&'static str),
}

impl Existing {
    /// What is there, for messages: "a folder", "a FIFO or device", ….
    pub fn what(&self) -> &'static str {
        match self {
            Existing::Missing => "nothing",
            Existing::Regular(_) => "a file",
            Existing::Folder => "a folder",
            Existing::Stream(what) => what,
            Existing::Other(what) => what,
        }
    }
}

/// A path with its links followed.
#[derive(Debug)]
pub struct Target {
    /// The path the last link names (the path itself if it is no link).
    pub path: PathBuf,
    /// What is there.
    pub existing: Existing,
}

/// Follows `path`'s symbolic links (each relative link from its own folder) to the file they
/// name, and says what is there. A dangling link resolves to the missing file it names, so a
/// write creates that file instead of replacing the link.
pub fn resolve(path: &Path) -> Result<Target, StoreError> {
    let mut current = path.to_owned();
    for _ in 0..=MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Target {
                    path: current,
                    existing: Existing::Missing,
                });
            }
            Err(e) => return Err(StoreError::io(&current, e)),
        };
        if meta.file_type().is_symlink() {
            let link = std::fs::read_link(&current).map_err(|e| StoreError::io(&current, e))?;
            current = match current.parent() {
                Some(dir) if link.is_relative() => dir.join(link),
                _ => link,
            };
            continue;
        }
        let existing = classify(meta);
        return Ok(Target {
            path: current,
            existing,
        });
    }
    Err(StoreError::io(
        path,
        std::io::Error::other(format!(
            "more than {MAX_LINKS} symbolic links in a row (a loop?)"
        )),
    ))
}

/// The path `path`'s links lead to (the path itself when it is no link or cannot be read).
pub fn resolve_links(path: &Path) -> PathBuf {
    resolve(path).map_or_else(|_| path.to_owned(), |t| t.path)
}

/// What `meta` says is there.
pub fn classify(meta: Metadata) -> Existing {
    let ft = meta.file_type();
    if ft.is_file() {
        return Existing::Regular(meta);
    }
    if ft.is_dir() {
        return Existing::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if ft.is_fifo() {
            return Existing::Stream("a FIFO (named pipe)");
        }
        if ft.is_char_device() {
            return Existing::Stream("a character device");
        }
        if ft.is_block_device() {
            return Existing::Other("a block device");
        }
        if ft.is_socket() {
            return Existing::Other("a socket");
        }
    }
    Existing::Other("not a regular file")
}

/// Whether two paths name the same file: the same device and inode when both exist (links
/// and `..` followed), else the same absolute path once the existing folders are resolved.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    match (absolute(a), absolute(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// `path` made absolute, its links and its folder's links resolved, even when the file
/// itself does not exist.
fn absolute(path: &Path) -> Option<PathBuf> {
    let resolved = resolve_links(path);
    if let Ok(c) = std::fs::canonicalize(&resolved) {
        return Some(c);
    }
    let name = resolved.file_name()?;
    let dir = match resolved.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(name))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn follows_links_relative_to_their_folder_and_dangling_ones() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        std::fs::write(shared.join("real.ron"), b"x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("shared/real.ron", &link).unwrap();
        let t = resolve(&link).unwrap();
        assert_eq!(t.path, dir.path().join("shared/real.ron"));
        assert!(matches!(t.existing, Existing::Regular(_)));

        let dangling = dir.path().join("dangling.ron");
        std::os::unix::fs::symlink("shared/none.ron", &dangling).unwrap();
        let t = resolve(&dangling).unwrap();
        assert_eq!(t.path, dir.path().join("shared/none.ron"));
        assert!(matches!(t.existing, Existing::Missing));

        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", &b).unwrap();
        assert!(resolve(&a).unwrap_err().to_string().contains("loop"));
    }

    #[test]
    fn same_file_sees_through_links_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, b"x").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(same_file(&real, &link));
        let missing = dir.path().join("sub/../none.txt");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(same_file(&missing, &dir.path().join("none.txt")));
        assert!(!same_file(&real, &dir.path().join("none.txt")));
    }

    #[test]
    fn fifos_and_devices_are_streams() {
        let t = resolve(Path::new("/dev/null")).unwrap();
        assert!(matches!(t.existing, Existing::Stream(_)));
        assert!(matches!(
            resolve(Path::new("/")).unwrap().existing,
            Existing::Folder
        ));
    }
}

/// What a file looks like on disk for noticing changes: its modification time and size, or
/// `None` when it is missing.
pub type Stamp = Option<(std::time::SystemTime, u64)>;

/// The [`Stamp`] of `path` now (following links).
pub fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
