//! Reading files within limits: documents and sidecars larger than a documented size are
//! refused before they are read, so a huge or endless file cannot exhaust memory; sidecars
//! are decoded with errors that name the file, and fingerprinted to notice later changes.

use std::io::Read as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::error::StoreError;
use super::sidecar::Sidecar;
use super::target::classify;

/// The largest document factmark reads: 256 MiB.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;
/// The largest sidecar factmark reads: 64 MiB (about 100,000 annotations with notes).
pub const MAX_SIDECAR_BYTES: u64 = 64 * 1024 * 1024;

/// The largest recovery file factmark reads: it holds the annotations twice (as edited, and
/// as last saved), so three sidecars' worth.
pub const MAX_RECOVERY_BYTES: u64 = 3 * MAX_SIDECAR_BYTES;

/// Refuses to write `size` bytes to `path` when factmark would then refuse to read the file
/// back (over `limit`): nothing is written, and the error says how to get under the limit.
pub fn check_size_to_write(path: &Path, size: usize, limit: u64) -> Result<(), StoreError> {
    let size = size as u64;
    if size > limit {
        return Err(StoreError::TooLargeToSave {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    Ok(())
}

/// Reads a whole file of at most `limit` bytes. The size is checked before reading, and the
/// read stops past the limit in case the file grows meanwhile. `what` names the file's role
/// ("document", "sidecar") in the error.
pub fn read_limited(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, StoreError> {
    let too_large = |size| StoreError::TooLarge {
        path: path.to_owned(),
        what,
        size,
        limit,
    };
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    regular_file(path)?;
    let file = std::fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    // And again once open, in case the path was replaced in between.
    let meta = file.metadata().map_err(|e| StoreError::io(path, e))?;
    if !meta.is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_owned(),
            what: classify(meta).what(),
        });
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Refuses anything at `path` but a regular file (links followed), without opening it: a
/// FIFO, a device, a socket or a folder is named in the error.
pub fn regular_file(path: &Path) -> Result<std::fs::Metadata, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| StoreError::io(path, e))?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(StoreError::NotRegular {
            path: path.to_owned(),
            what: classify(meta).what(),
        })
    }
}

/// The bytes of a sidecar, or `None` if there is none. Refuses sidecars over
/// [`MAX_SIDECAR_BYTES`].
pub fn read_sidecar_bytes(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match read_limited(path, MAX_SIDECAR_BYTES, "sidecar") {
        Ok(bytes) => Ok(Some(bytes)),
        Err(StoreError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Decodes a sidecar's bytes read from `path`: refuses invalid UTF-8 (with the line of the
/// first bad byte), then everything [`Sidecar::decode`] refuses.
pub fn decode_sidecar(path: &Path, bytes: &[u8]) -> Result<Sidecar, StoreError> {
    let source = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        StoreError::Parse {
            path: path.to_owned(),
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
            column: 1 + valid.iter().rev().take_while(|&&b| b != b'\n').count(),
            message: "the file is not valid UTF-8 (is it a sidecar?)".to_owned(),
        }
    })?;
    Sidecar::decode(path, source)
}

/// A sidecar as read from disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// What it holds.
    pub sidecar: Sidecar,
    /// SHA-256 of its bytes, to tell later whether the file changed.
    pub fingerprint: Vec<u8>,
    /// The bytes read.
    pub bytes: Vec<u8>,
}

/// From this size on, a sidecar is hashed and decoded at the same time (a thread costs more
/// than hashing a smaller file).
const PARALLEL_BYTES: usize = 1024 * 1024;

/// Reads and decodes the sidecar at `path`, if there is one.
pub fn read_sidecar(path: &Path) -> Result<Option<Loaded>, StoreError> {
    let Some(bytes) = read_sidecar_bytes(path)? else {
        return Ok(None);
    };
    // A large sidecar is hashed on another core while it is decoded.
    let (sidecar, fingerprint) = if bytes.len() >= PARALLEL_BYTES {
        std::thread::scope(|s| {
            let hashing = s.spawn(|| fingerprint(&bytes));
            let sidecar = decode_sidecar(path, &bytes);
            (
                sidecar,
                hashing.join().unwrap_or_else(|_| fingerprint(&bytes)),
            )
        })
    } else {
        (decode_sidecar(path, &bytes), fingerprint(&bytes))
    };
    Ok(Some(Loaded {
        sidecar: sidecar?,
        fingerprint,
        bytes,
    }))
}

/// The fingerprint of a file's bytes (SHA-256).
pub fn fingerprint(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// The offset of the first NUL byte, which no text document has.
pub fn first_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_files_over_the_limit_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(MAX_DOCUMENT_BYTES + 1).unwrap(); // sparse: nothing is written
        let e = read_limited(&p, MAX_DOCUMENT_BYTES, "document").unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("big.txt") && msg.contains("256 MiB"), "{msg}");
        std::fs::write(&p, b"abc").unwrap();
        assert_eq!(read_limited(&p, 3, "document").unwrap(), b"abc");
        assert!(read_limited(&p, 2, "document").is_err());
    }

    #[test]
    fn missing_sidecar_is_none_and_bad_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt.ann.ron");
        assert!(read_sidecar(&p).unwrap().is_none());
        std::fs::write(&p, b"(\n  format: \"\xff\"").unwrap();
        match read_sidecar(&p).unwrap_err() {
            StoreError::Parse { line, column, .. } => assert_eq!((line, column), (2, 12)),
            e => panic!("{e}"),
        }
        assert_eq!(first_nul(b"ab\0c"), Some(2));
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.txt.ann.ron");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        // Opening the FIFO for reading would block this test forever.
        let e = read_sidecar(&fifo).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        let e = read_limited(&fifo, 10, "document").unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let e = read_limited(dir.path(), 10, "document").unwrap_err();
        assert!(e.to_string().contains("a folder"), "{e}");
    }
}
