//! A document opened together with its sidecar: loading, anchoring against the current text,
//! and saving without ever clobbering a sidecar that changed on disk.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::atomic::write_atomic;
use super::document::read_document;
use super::error::StoreError;
use super::sidecar::{DocumentInfo, Sidecar, sidecar_path};
use crate::core::anchor::{Anchoring, anchor_all, apply_anchoring};
use crate::core::model::AnnotationSet;
use crate::core::text::Text;

/// A document and its annotations, as loaded from disk.
#[derive(Debug, Clone)]
pub struct Session {
    /// The document file.
    pub doc_path: PathBuf,
    /// Its sidecar (which may not exist yet).
    pub sidecar_path: PathBuf,
    /// The document's normalized text.
    pub text: Text,
    /// The annotations.
    pub annotations: AnnotationSet,
    /// What the sidecar recorded about the document when it was last written, if it exists.
    pub recorded: Option<DocumentInfo>,
    /// SHA-256 of the sidecar's bytes as loaded or last saved; `None` if there was none.
    fingerprint: Option<Vec<u8>>,
}

impl Session {
    /// Opens a document and its sidecar, if it has one.
    pub fn open(doc_path: &Path) -> Result<Self, StoreError> {
        let text = read_document(doc_path)?;
        let sidecar_path = sidecar_path(doc_path);
        let (sidecar, fingerprint) = match std::fs::read(&sidecar_path) {
            Ok(bytes) => {
                let source = String::from_utf8(bytes.clone()).map_err(|e| StoreError::Parse {
                    path: sidecar_path.clone(),
                    line: 1 + bytes[..e.utf8_error().valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count(),
                    column: 0,
                    message: "the file is not valid UTF-8".to_owned(),
                })?;
                let sidecar = Sidecar::decode(&sidecar_path, &source)?;
                (Some(sidecar), Some(digest(&bytes)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, None),
            Err(e) => return Err(StoreError::io(&sidecar_path, e)),
        };
        let (recorded, annotations) = match sidecar {
            Some(s) => (Some(s.document), AnnotationSet::from_vec(s.annotations)),
            None => (None, AnnotationSet::default()),
        };
        Ok(Self {
            doc_path: doc_path.to_owned(),
            sidecar_path,
            text,
            annotations,
            recorded,
            fingerprint,
        })
    }

    /// Whether the document's text differs from the one the sidecar was written against.
    pub fn document_changed(&self) -> bool {
        self.recorded
            .as_ref()
            .is_some_and(|r| r.sha256 != self.text.sha256())
    }

    /// Anchors every annotation against the current text, in sidecar order.
    pub fn anchor(&self) -> Vec<Anchoring> {
        anchor_all(&self.text, self.annotations.as_slice())
    }

    /// Applies anchoring results (in sidecar order, as [`Self::anchor`] returns them) where
    /// nothing can be lost: exact and moved annotations take their current span and context;
    /// fuzzy, ambiguous and orphaned ones are left for the user. Returns how many changed.
    pub fn apply_anchoring(&mut self, results: &[Anchoring]) -> usize {
        let mut items = self.annotations.as_slice().to_vec();
        let changed = items
            .iter_mut()
            .zip(results)
            .map(|(a, r)| apply_anchoring(&self.text, a, r))
            .filter(|&changed| changed)
            .count();
        if changed > 0 {
            self.annotations = AnnotationSet::from_vec(items);
        }
        changed
    }

    /// The document's file name, as recorded in the sidecar.
    pub fn file_name(&self) -> String {
        self.doc_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Writes the sidecar atomically. Refuses (and writes nothing) if the sidecar on disk is no
    /// longer the one loaded or last saved.
    pub fn save(&mut self) -> Result<(), StoreError> {
        let on_disk = match std::fs::read(&self.sidecar_path) {
            Ok(bytes) => Some(digest(&bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(StoreError::io(&self.sidecar_path, e)),
        };
        if on_disk != self.fingerprint {
            return Err(StoreError::Conflict {
                path: self.sidecar_path.clone(),
            });
        }
        let sidecar = Sidecar::new(
            &self.file_name(),
            &self.text,
            self.annotations.as_slice().to_vec(),
        );
        let encoded = sidecar.encode()?;
        write_atomic(&self.sidecar_path, encoded.as_bytes())?;
        self.fingerprint = Some(digest(encoded.as_bytes()));
        self.recorded = Some(sidecar.document);
        Ok(())
    }
}

fn digest(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Annotation, Tag, TagKind};
    use chrono::Utc;

    #[test]
    fn moved_annotations_are_saved_and_fuzzy_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.txt");
        std::fs::write(&doc, "Spoke on 3 May 2024 in Lyon.\n").unwrap();
        let mut s = Session::open(&doc).unwrap();
        for (start, end) in [(9, 19), (23, 27)] {
            let a = Annotation::new(
                &s.text,
                start,
                end,
                Tag::new(TagKind::Date),
                "a",
                Utc::now(),
            )
            .unwrap();
            s.annotations.insert(a);
        }
        s.save().unwrap();
        std::fs::write(&doc, "She spoke on 4 May 2024 in Lyon.\n").unwrap();
        let mut s = Session::open(&doc).unwrap();
        let before = s.annotations.clone();
        let results = s.anchor();
        assert_eq!(s.apply_anchoring(&results), 1);
        s.save().unwrap();
        let again = Session::open(&doc).unwrap();
        let statuses: Vec<_> = again.anchor().iter().map(|r| r.status.as_str()).collect();
        assert_eq!(statuses, ["fuzzy", "exact"]);
        assert_eq!(again.annotations.as_slice()[0], before.as_slice()[0]);
        assert_eq!(again.annotations.as_slice()[1].start, 27);
    }

    #[test]
    fn save_reload_and_refuse_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.txt");
        std::fs::write(&doc, "Hello world\r\n").unwrap();
        let mut s = Session::open(&doc).unwrap();
        assert!(s.annotations.is_empty());
        let a =
            Annotation::new(&s.text, 6, 11, Tag::new(TagKind::Entity), "ana", Utc::now()).unwrap();
        s.annotations.insert(a.clone());
        s.save().unwrap();
        let again = Session::open(&doc).unwrap();
        assert_eq!(again.annotations.as_slice(), [a]);
        assert!(!again.document_changed());

        // Another program rewrites the sidecar: our next save must refuse.
        std::fs::write(&s.sidecar_path, "(format: \"factmark\", version: 1)").unwrap();
        assert!(matches!(s.save(), Err(StoreError::Conflict { .. })));
        assert_eq!(
            std::fs::read_to_string(&s.sidecar_path).unwrap(),
            "(format: \"factmark\", version: 1)"
        );
    }
}
