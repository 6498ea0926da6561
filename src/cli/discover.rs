//! Turning the PATH arguments of `list`, `check` and `stats` into documents: a document, a
//! sidecar (meaning its document), or a folder searched recursively for sidecars.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::store::sidecar::{SUFFIX, document_of_sidecar};

/// The documents named by `paths`, in a stable order, without duplicates.
pub fn documents(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut docs = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .with_context(|| format!("{}: cannot read it", path.display()))?;
        if meta.is_dir() {
            docs.extend(in_folder(path)?);
        } else if let Some(doc) = document_of_sidecar(path) {
            if !doc.is_file() {
                bail!(
                    "{}: this sidecar's document {} is missing",
                    path.display(),
                    doc.display()
                );
            }
            docs.push(doc);
        } else if crate::store::output::holds_annotations(path) {
            bail!(
                "{}: this file holds factmark annotations, not a document; give the document it annotates",
                path.display()
            );
        } else {
            docs.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    docs.retain(|d| seen.insert(d.clone()));
    Ok(docs)
}

/// Documents with sidecars under `folder`, sorted by path. A sidecar whose document is
/// missing is reported on stderr and skipped.
fn in_folder(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut docs = Vec::new();
    for entry in walkdir::WalkDir::new(folder).sort_by_file_name() {
        let entry =
            entry.with_context(|| format!("{}: cannot read the folder", folder.display()))?;
        let name = entry.file_name().to_string_lossy();
        // Links are followed (a sidecar may be a link to a shared file); FIFOs and devices
        // are never opened.
        if !name.ends_with(SUFFIX) || name.starts_with('.') || !entry.path().is_file() {
            continue;
        }
        match document_of_sidecar(entry.path()) {
            Some(doc) if doc.is_file() => docs.push(doc),
            _ => eprintln!(
                "factmark: warning: {}: this sidecar's document is missing; skipped",
                entry.path().display()
            ),
        }
    }
    Ok(docs)
}
