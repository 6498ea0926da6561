//! Writing an export where the user asked, without ever losing a file: documents and sidecars
//! are never written over; an existing file is replaced only when the user said so; a FIFO, a
//! terminal or another character device (`/dev/null`, `/dev/stdout`) is written through; a
//! symbolic link is followed to the file it names.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::error::StoreError;
use super::sidecar::{SUFFIX, sidecar_path};
use super::target::{Existing, Target, resolve, same_file};

/// What an export may write over.
#[derive(Debug, Clone, Default)]
pub struct OutputRules {
    /// Replace an existing regular file (`--force`, or a file dialog that asked).
    pub replace: bool,
    /// The documents being exported and their sidecars: never written over, whatever
    /// `replace` says.
    pub protected: Vec<PathBuf>,
    /// The file written is a sidecar (Save Annotations As): a `*.ann.ron` name is fine.
    /// Otherwise (an export) no sidecar and no annotated document is ever written over.
    pub is_sidecar: bool,
    /// Evidence snapshots (saved copies of sources) of the annotations: never written over.
    pub snapshots: Vec<PathBuf>,
}

impl OutputRules {
    /// Rules protecting `documents` and their sidecars (and `extra` files, such as a sidecar
    /// kept under another name).
    pub fn protecting<'a>(
        documents: impl IntoIterator<Item = &'a Path>,
        extra: impl IntoIterator<Item = &'a Path>,
    ) -> Self {
        let mut protected = Vec::new();
        for doc in documents {
            protected.push(doc.to_owned());
            protected.push(sidecar_path(doc));
        }
        protected.extend(extra.into_iter().map(Path::to_owned));
        Self {
            replace: false,
            protected,
            is_sidecar: false,
            snapshots: Vec::new(),
        }
    }

    /// The same rules, also protecting the evidence snapshots of `annotations`, kept beside
    /// the sidecar at `sidecar`.
    pub fn keeping_snapshots(
        mut self,
        sidecar: &Path,
        annotations: &[crate::core::annotation::Annotation],
    ) -> Self {
        self.snapshots.extend(
            annotations
                .iter()
                .flat_map(|a| &a.evidence)
                .filter_map(|e| e.snapshot.as_ref())
                .map(|s| super::snapshot::resolve(sidecar, &s.path)),
        );
        self
    }

    /// The same rules for writing a sidecar (Save Annotations As) rather than an export.
    pub fn for_sidecar(mut self) -> Self {
        self.is_sidecar = true;
        self
    }

    /// The same rules, replacing existing files or not.
    pub fn replacing(mut self, replace: bool) -> Self {
        self.replace = replace;
        self
    }
}

/// Where an export went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// This process's standard output (`-`, `/dev/stdout`).
    Stdout,
    /// Written through to a FIFO or character device.
    Stream(PathBuf),
    /// A regular file, created or replaced atomically (the path a link named, if it was one).
    File(PathBuf),
}

/// A checked place to write one file: see [`check`].
#[derive(Debug)]
pub struct Checked {
    kind: Place,
}

#[derive(Debug)]
enum Place {
    Stdout,
    Stream(PathBuf),
    File(PathBuf),
}

/// Decides whether an export may be written at `path`, writing nothing. Refuses: a document
/// or sidecar in `rules.protected`, any sidecar (`*.ann.ron`) and any document that has a
/// sidecar beside it; an existing regular file unless `rules.replace`; a read-only file; a
/// folder, block device or socket.
pub fn check(path: &Path, rules: &OutputRules) -> Result<Checked, StoreError> {
    if is_stdout(path) {
        return Ok(Checked {
            kind: Place::Stdout,
        });
    }
    let target = resolve(path)?;
    protect(path, &target, rules)?;
    let kind = match target.existing {
        Existing::Stream(_) => Place::Stream(target.path),
        Existing::Missing => Place::File(target.path),
        Existing::Regular(meta) => {
            if meta.permissions().readonly() {
                return Err(StoreError::ReadOnly { path: target.path });
            }
            if !rules.replace {
                return Err(StoreError::Exists { path: target.path });
            }
            Place::File(target.path)
        }
        other => {
            return Err(StoreError::NotRegular {
                what: other.what(),
                path: target.path,
            });
        }
    };
    Ok(Checked { kind })
}

impl Checked {
    /// The regular file that will be written, if it is one (not a stream or stdout).
    pub fn file(&self) -> Option<&Path> {
        match &self.kind {
            Place::File(p) => Some(p),
            Place::Stdout | Place::Stream(_) => None,
        }
    }

    /// Writes `bytes` there: atomically for a regular file, through for a stream.
    pub fn write(self, bytes: &[u8]) -> Result<Written, StoreError> {
        match self.kind {
            Place::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)
                    .and_then(|()| out.flush())
                    .map_err(|e| StoreError::io("standard output", e))?;
                Ok(Written::Stdout)
            }
            Place::Stream(path) => {
                let mut f = open_stream(&path)?;
                f.write_all(bytes)
                    .and_then(|()| f.flush())
                    .map_err(|e| StoreError::io(&path, e))?;
                Ok(Written::Stream(path))
            }
            Place::File(path) => {
                write_atomic(&path, bytes)?;
                Ok(Written::File(path))
            }
        }
    }
}

/// [`check`], then [`Checked::write`].
pub fn write_output(path: &Path, bytes: &[u8], rules: &OutputRules) -> Result<Written, StoreError> {
    check(path, rules)?.write(bytes)
}

/// Where a companion file of `path` goes: beside it, its name `path`'s without the
/// extension `main_ext`, then `.SUFFIX` (`out.csv` and `links.csv` → `out.links.csv`).
pub fn companion_path(path: &Path, main_ext: &str, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dotted = format!(".{main_ext}");
    let stem = match name.len().checked_sub(dotted.len()) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(&dotted) => {
            &name[..cut]
        }
        _ => name.as_str(),
    };
    path.with_file_name(format!("{stem}.{suffix}"))
}

/// Writes `main` at `path` and each companion beside it (see [`companion_path`]), every one
/// checked as [`check`] checks an export (a document, a sidecar, an existing file without
/// `rules.replace`… are refused) before the first is written, so a refusal writes nothing.
/// On standard output only `main` is written: the companions are returned unwritten, for
/// the caller to say so.
pub fn write_with_companions<'a>(
    path: &Path,
    main_ext: &str,
    main: &[u8],
    companions: &[FolderFile<'a>],
    rules: &OutputRules,
) -> Result<(Written, Vec<FolderFile<'a>>), StoreError> {
    if is_stdout(path) {
        return Ok((write_output(path, main, rules)?, companions.to_vec()));
    }
    let first = check(path, rules)?;
    let others = companions
        .iter()
        .map(|c| check(&companion_path(path, main_ext, c.name), rules))
        .collect::<Result<Vec<_>, _>>()?;
    let written = first.write(main)?;
    for (c, f) in others.into_iter().zip(companions) {
        c.write(f.contents)?;
    }
    Ok((written, Vec::new()))
}

/// One file of an export that writes a folder.
#[derive(Debug, Clone, Copy)]
pub struct FolderFile<'a> {
    /// Its name in the folder.
    pub name: &'a str,
    /// What it holds.
    pub contents: &'a [u8],
}

/// Writes `files` into `folder` (created if missing). Files there that already hold the same
/// bytes are fine; a file that differs is replaced only with `rules.replace`, and then every
/// file is checked (see [`check`]) before the first is written, so a refusal writes nothing.
pub fn write_folder(
    folder: &Path,
    files: &[FolderFile],
    rules: &OutputRules,
) -> Result<(), StoreError> {
    let target = resolve(folder)?;
    if !matches!(target.existing, Existing::Missing | Existing::Folder) {
        return Err(StoreError::NotAFolder {
            what: target.existing.what(),
            path: target.path,
        });
    }
    std::fs::create_dir_all(&target.path).map_err(|e| match e.kind() {
        // The folder around it does not let the export's folder be made.
        std::io::ErrorKind::PermissionDenied => StoreError::FolderNotWritable {
            folder: target
                .path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_owned(),
            path: target.path.clone(),
            error: super::error::without_path(e),
        },
        _ => StoreError::io(&target.path, e),
    })?;
    let differing: Vec<&str> = files
        .iter()
        .filter(|f| std::fs::read(target.path.join(f.name)).is_ok_and(|old| old != f.contents))
        .map(|f| f.name)
        .collect();
    if !differing.is_empty() && !rules.replace {
        return Err(StoreError::FolderClash {
            path: target.path,
            names: differing.join(", "),
        });
    }
    let checked = files
        .iter()
        .map(|f| check(&target.path.join(f.name), &rules.clone().replacing(true)))
        .collect::<Result<Vec<_>, _>>()?;
    for (c, f) in checked.into_iter().zip(files) {
        c.write(f.contents)?;
    }
    Ok(())
}

/// `path`, or the first of `NAME (2).EXT`, `NAME (3).EXT`, … that does not exist yet.
pub fn free_name(path: &Path) -> PathBuf {
    if std::fs::symlink_metadata(path).is_err() {
        return path.to_owned();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem} ({n}){ext}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.to_owned())
}

/// `-`, `/dev/stdout` and the descriptor links that name standard output.
fn is_stdout(path: &Path) -> bool {
    matches!(
        path.to_str(),
        Some("-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1")
    )
}

/// Refuses `target` if it is a document or sidecar factmark knows about.
fn protect(given: &Path, target: &Target, rules: &OutputRules) -> Result<(), StoreError> {
    let refuse = |role| {
        Err(StoreError::Protected {
            path: given.to_owned(),
            role,
        })
    };
    if rules.protected.iter().any(|p| same_file(p, &target.path)) {
        let role = if rules
            .protected
            .iter()
            .any(|p| same_file(p, &target.path) && is_sidecar(p))
        {
            "the sidecar that holds the annotations"
        } else {
            "a document being exported"
        };
        return refuse(role);
    }
    if rules.snapshots.iter().any(|p| same_file(p, &target.path)) {
        return refuse("an evidence snapshot (the saved copy of a source)");
    }
    if rules.is_sidecar {
        return Ok(());
    }
    if is_sidecar(given) || is_sidecar(&target.path) {
        return refuse("a sidecar (a file of annotations)");
    }
    if matches!(target.existing, Existing::Regular(_)) && sidecar_path(&target.path).exists() {
        return refuse("an annotated document (it has a sidecar beside it)");
    }
    if matches!(target.existing, Existing::Regular(_)) && holds_annotations(&target.path) {
        return refuse("a file of factmark annotations (a sidecar saved under another name)");
    }
    // No export is a PDF: an existing one is a document, whatever its name.
    if matches!(target.existing, Existing::Regular(_)) && is_pdf(&target.path) {
        return refuse("a PDF document (no export is a PDF)");
    }
    Ok(())
}

/// Whether a regular file starts like a PDF (viewers accept junk before the header).
fn is_pdf(path: &Path) -> bool {
    head_of(path, 1024).is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-"))
}

/// The first `n` bytes (or fewer) of a regular file; `None` for anything else (a FIFO would
/// wait for a writer) or a file that cannot be read.
fn head_of(path: &Path, n: usize) -> Option<Vec<u8>> {
    use std::io::Read as _;
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let mut head = Vec::with_capacity(n);
    std::fs::File::open(path)
        .ok()?
        .take(n as u64)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// Whether the file starts like a factmark sidecar or recovery file, whatever its name.
pub fn holds_annotations(path: &Path) -> bool {
    let Some(head) = head_of(path, 512) else {
        return false;
    };
    let head = String::from_utf8_lossy(&head);
    head.trim_start().starts_with('(') && head.contains("format: \"factmark")
}

fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(SUFFIX))
}

/// How long a named pipe is given to find a reader before writing to it is given up.
pub const PIPE_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Opens a FIFO or character device for writing. A named pipe with nothing reading from it
/// would make the open wait for ever: it is given [`PIPE_WAIT`] to get a reader, then refused
/// with a clear error.
fn open_stream(path: &Path) -> Result<std::fs::File, StoreError> {
    open_stream_within(path, PIPE_WAIT)
}

fn open_stream_within(path: &Path, wait: std::time::Duration) -> Result<std::fs::File, StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let started = std::time::Instant::now();
        loop {
            // Without waiting: fails at once (ENXIO) while nothing reads from the pipe.
            match std::fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)
            {
                // A reader is there. The file is opened again for ordinary (waiting) writes
                // while this one still holds the pipe, so the reader never sees it closed.
                Ok(probe) => {
                    let file = std::fs::OpenOptions::new()
                        .write(true)
                        .open(path)
                        .map_err(|e| StoreError::io(path, e));
                    drop(probe);
                    return file;
                }
                Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
                    if started.elapsed() >= wait {
                        return Err(StoreError::NoReader {
                            path: path.to_owned(),
                        });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(e) => return Err(StoreError::io(path, e)),
            }
        }
    }
    #[cfg(not(unix))]
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| StoreError::io(path, e))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, PathBuf, OutputRules) {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("article.txt");
        std::fs::write(&doc, "The text.\n").unwrap();
        std::fs::write(sidecar_path(&doc), "(annotations)").unwrap();
        let rules = OutputRules::protecting([doc.as_path()], []);
        (dir, doc, rules)
    }

    #[test]
    fn never_over_a_pdf_even_when_forced_or_through_a_link() {
        let (dir, _doc, rules) = setup();
        let forced = rules.clone().replacing(true);
        let pdf = dir.path().join("ruling.pdf");
        std::fs::write(&pdf, b"%PDF-1.7\n...").unwrap();
        let renamed = dir.path().join("report.html");
        std::fs::write(&renamed, b"%PDF-1.4\n...").unwrap();
        let link = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&pdf, &link).unwrap();
        for p in [&pdf, &renamed, &link] {
            let e = write_output(p, b"csv", &forced).unwrap_err();
            assert!(e.to_string().contains("a PDF document"), "{e}");
        }
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-1.7"));
        assert!(std::fs::read(&renamed).unwrap().starts_with(b"%PDF-1.4"));
        // Any other existing file is replaced when asked.
        let csv = dir.path().join("old.csv");
        std::fs::write(&csv, b"a,b").unwrap();
        write_output(&csv, b"csv", &forced).unwrap();
        assert_eq!(std::fs::read(&csv).unwrap(), b"csv");
    }

    #[test]
    fn never_over_the_document_or_a_sidecar_even_when_forced() {
        let (dir, doc, rules) = setup();
        let forced = rules.clone().replacing(true);
        let side = sidecar_path(&doc);
        for p in [&doc, &side] {
            let e = write_output(p, b"csv", &forced).unwrap_err();
            assert!(matches!(e, StoreError::Protected { .. }), "{e}");
        }
        // Through a link, and through `..`.
        let link = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&doc, &link).unwrap();
        assert!(matches!(
            write_output(&link, b"csv", &forced),
            Err(StoreError::Protected { .. })
        ));
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let dotdot = dir.path().join("sub/../article.txt");
        assert!(matches!(
            write_output(&dotdot, b"csv", &forced),
            Err(StoreError::Protected { .. })
        ));
        // Another sidecar, another annotated document, a sidecar not yet written.
        let other = dir.path().join("other.txt");
        std::fs::write(&other, "x").unwrap();
        std::fs::write(sidecar_path(&other), "y").unwrap();
        for p in [
            other.clone(),
            sidecar_path(&other),
            dir.path().join("new.txt.ann.ron"),
        ] {
            assert!(
                matches!(
                    write_output(&p, b"csv", &forced),
                    Err(StoreError::Protected { .. })
                ),
                "{}",
                p.display()
            );
        }
        // Annotations saved under another name (Save Annotations As).
        let copy = dir.path().join("article.txt.ann.ron.copy.ron");
        std::fs::write(&copy, "(\n    format: \"factmark\",\n    version: 2,\n").unwrap();
        assert!(matches!(
            write_output(&copy, b"csv", &forced),
            Err(StoreError::Protected { .. })
        ));
        assert_eq!(std::fs::read_to_string(&doc).unwrap(), "The text.\n");
        assert_eq!(std::fs::read_to_string(&side).unwrap(), "(annotations)");
        assert_eq!(std::fs::read_to_string(&other).unwrap(), "x");
        assert!(!dir.path().join("new.txt.ann.ron").exists());
    }

    #[test]
    fn existing_files_only_when_asked_links_followed_streams_written_through() {
        let (dir, _doc, rules) = setup();
        let out = dir.path().join("out.csv");
        assert_eq!(
            write_output(&out, b"one", &rules).unwrap(),
            Written::File(out.clone())
        );
        let e = write_output(&out, b"two", &rules).unwrap_err();
        assert!(matches!(e, StoreError::Exists { .. }), "{e}");
        assert_eq!(std::fs::read(&out).unwrap(), b"one");
        write_output(&out, b"two", &rules.clone().replacing(true)).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");

        // A link to an export file: the file it names is replaced, the link stays.
        let link = dir.path().join("latest.csv");
        std::os::unix::fs::symlink("out.csv", &link).unwrap();
        let w = write_output(&link, b"three", &rules.clone().replacing(true)).unwrap();
        assert_eq!(w, Written::File(dir.path().join("out.csv")));
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&out).unwrap(), b"three");

        // /dev/null is written through, not replaced.
        let w = write_output(Path::new("/dev/null"), b"x", &rules).unwrap();
        assert_eq!(w, Written::Stream(PathBuf::from("/dev/null")));
        use std::os::unix::fs::FileTypeExt as _;
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );

        // A FIFO: a reader gets the bytes.
        let fifo = dir.path().join("pipe");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_output(&fifo, b"through", &rules).unwrap();
        assert_eq!(reader.join().unwrap(), b"through");
        // A reader that comes a little later still gets them.
        let late = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(300));
                std::fs::read(fifo).unwrap()
            })
        };
        write_output(&fifo, b"later", &rules).unwrap();
        assert_eq!(late.join().unwrap(), b"later");
        // With nothing reading, the write is given up with a clear error, not a hang.
        let started = std::time::Instant::now();
        assert!(matches!(
            open_stream_within(&fifo, std::time::Duration::from_millis(200)),
            Err(StoreError::NoReader { .. })
        ));
        assert!(started.elapsed() < std::time::Duration::from_secs(2));

        // A read-only file is not replaced even when asked.
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).unwrap();
        assert!(matches!(
            write_output(&out, b"four", &rules.clone().replacing(true)),
            Err(StoreError::ReadOnly { .. })
        ));
    }

    #[test]
    fn folders_are_checked_whole_before_writing() {
        let (dir, doc, rules) = setup();
        let out = dir.path().join("brat");
        let files = [
            FolderFile {
                name: "a.ann",
                contents: b"T1",
            },
            FolderFile {
                name: "a.txt",
                contents: b"text",
            },
        ];
        write_folder(&out, &files, &rules).unwrap();
        write_folder(&out, &files, &rules).unwrap(); // the same bytes: fine
        let changed = [FolderFile {
            name: "a.ann",
            contents: b"T2",
        }];
        assert!(matches!(
            write_folder(&out, &changed, &rules),
            Err(StoreError::FolderClash { .. })
        ));
        // The document's own folder: its text file would be replaced by the export's.
        let into_doc_folder = [
            FolderFile {
                name: "zzz.ann",
                contents: b"T1",
            },
            FolderFile {
                name: "article.txt",
                contents: b"normalized",
            },
        ];
        let forced = rules.clone().replacing(true);
        assert!(matches!(
            write_folder(dir.path(), &into_doc_folder, &forced),
            Err(StoreError::Protected { .. })
        ));
        assert!(!dir.path().join("zzz.ann").exists(), "nothing was written");
        assert_eq!(std::fs::read_to_string(&doc).unwrap(), "The text.\n");
    }
}
