//! A document opened together with its sidecar: loading, anchoring against the current text,
//! and saving without ever clobbering a sidecar that changed on disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::document::load_document;
use super::error::StoreError;
use super::read::{Loaded, read_sidecar};
use super::save::{Base, SaveOutcome};
use super::sidecar::{DocumentInfo, Sidecar, SourceInfo, sidecar_path};
use crate::core::anchor::{Anchoring, anchor_all, apply_anchoring};
use crate::core::corrections::CorrectionLog;
use crate::core::merge::Conflict;
use crate::core::model::AnnotationSet;
use crate::core::source::{DocumentKind, Metadata, Pages};
use crate::core::text::Text;

/// A document and its annotations, as loaded from disk.
#[derive(Debug, Clone)]
pub struct Session {
    /// The document file.
    pub doc_path: PathBuf,
    /// Its sidecar (which may not exist yet).
    pub sidecar_path: PathBuf,
    /// The document's normalized text (for HTML, the extracted article text).
    pub text: Text,
    /// What kind of file the document is (plain text, Markdown, HTML or PDF).
    pub kind: DocumentKind,
    /// Where the text came from, for text extracted from another format (HTML, PDF): the file's
    /// hash, the extractor's version, the encoding and the page's metadata, as read now.
    pub source: Option<SourceInfo>,
    /// For a PDF: where its pages and chars are in the text (read from the file, not stored).
    pub pages: Option<Arc<Pages>>,
    /// The annotations.
    pub annotations: AnnotationSet,
    /// What the sidecar recorded about the document when it was last written, if it exists.
    pub recorded: Option<DocumentInfo>,
    /// Merge conflicts recorded in the sidecar (by `factmark merge` or a recovery), to be
    /// resolved with [`Self::resolve_recorded`]; saved back until then.
    pub conflicts: Vec<Conflict>,
    /// The corrections log: versions of the text seen and what changed under the annotations
    /// (see [`Self::notice_corrections`]).
    pub corrections: CorrectionLog,
    /// SHA-256 of the sidecar's bytes as loaded or last saved; `None` if there was none.
    pub(super) fingerprint: Option<Vec<u8>>,
    /// The sidecar as loaded or last saved, to merge against when it changed on disk.
    pub(super) base: Base,
}

impl Session {
    /// Opens a document and its sidecar, if it has one.
    pub fn open(doc_path: &Path) -> Result<Self, StoreError> {
        Self::open_with_sidecar(doc_path, &sidecar_path(doc_path))
    }

    /// Opens a document with its annotations kept in another file than the usual sidecar (for
    /// example when the usual one cannot be read and the user chose to go on in a new file).
    pub fn open_with_sidecar(doc_path: &Path, sidecar_path: &Path) -> Result<Self, StoreError> {
        // The document and the sidecar are read at the same time; the document's error, if
        // any, is the one reported.
        let (document, sidecar) = std::thread::scope(|s| {
            let reading = s.spawn(|| load_document(doc_path));
            let sidecar = read_sidecar(sidecar_path);
            let document = reading.join().unwrap_or_else(|_| load_document(doc_path));
            (document, sidecar)
        });
        let document = document?;
        let sidecar_path = sidecar_path.to_owned();
        let (sidecar, fingerprint, base) = match sidecar? {
            Some(Loaded {
                sidecar,
                fingerprint,
                bytes,
            }) => (
                Some(sidecar),
                Some(fingerprint),
                Base::from_bytes(&sidecar_path, bytes),
            ),
            None => (None, None, Base::default()),
        };
        let (recorded, annotations, conflicts, corrections) = match sidecar {
            Some(s) => (
                Some(s.document),
                AnnotationSet::from_vec(s.annotations),
                s.conflicts,
                s.corrections,
            ),
            None => (
                None,
                AnnotationSet::default(),
                Vec::new(),
                CorrectionLog::default(),
            ),
        };
        Ok(Self {
            doc_path: doc_path.to_owned(),
            sidecar_path,
            text: document.text,
            kind: document.kind,
            source: document.source,
            pages: document.pages,
            annotations,
            recorded,
            conflicts,
            corrections,
            fingerprint,
            base,
        })
    }

    /// Whether the document differs from the one the sidecar was written against: its text,
    /// or, for extracted text, the file's bytes or the extractor's version.
    pub fn document_changed(&self) -> bool {
        self.changes().any()
    }

    /// What differs from the document the sidecar was written against (nothing if there is no
    /// sidecar yet).
    pub fn changes(&self) -> DocumentChanges {
        let Some(recorded) = &self.recorded else {
            return DocumentChanges::default();
        };
        let (was, now) = (recorded.source.as_ref(), self.source.as_ref());
        DocumentChanges {
            text: recorded.sha256 != self.text.sha256(),
            file: was.map(|s| &s.sha256) != now.map(|s| &s.sha256),
            extractor: was.map(|s| (s.kind, s.extractor)) != now.map(|s| (s.kind, s.extractor)),
        }
    }

    /// The page's title, byline, publication date and URL, for an HTML document.
    pub fn metadata(&self) -> Option<&Metadata> {
        self.source.as_ref().map(|s| &s.metadata)
    }

    /// The sidecar that [`Self::save`] writes: the annotations, the current text's hash and
    /// length, and where the text came from.
    pub fn to_sidecar(&self) -> Sidecar {
        Sidecar::new(
            &self.file_name(),
            &self.text,
            self.annotations.as_slice().to_vec(),
        )
        .with_source(self.source.clone())
        .with_conflicts(self.conflicts.clone())
        .with_corrections(self.corrections.clone())
    }

    /// Records in the corrections log what anchoring found (`results`, in sidecar order, as
    /// [`Self::anchor`] returns them) if the text differs from the version the sidecar was
    /// written against: that version and this one, and each annotation not on its text. Nothing
    /// when the text is the one recorded, or there is no sidecar yet. Returns whether anything
    /// was recorded (to be saved).
    pub fn notice_corrections(
        &mut self,
        results: &[Anchoring],
        now: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        let recorded = self.recorded.as_ref().map(|d| (d.sha256.clone(), d.chars));
        self.corrections.notice(
            recorded.as_ref().map(|(s, n)| (s.as_str(), *n)),
            &self.text,
            self.annotations.as_slice(),
            results,
            now,
        )
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

    /// Writes the sidecar atomically. If another program changed it on disk since it was
    /// loaded or last saved, merges its changes in by annotation id first (see
    /// [`Self::save_merging`], which also says what was merged); if both changed the same
    /// field differently, writes nothing and returns [`StoreError::Conflict`] with both values.
    /// A sidecar on disk that does not parse or is newer is never overwritten.
    pub fn save(&mut self) -> Result<(), StoreError> {
        match self.save_merging()? {
            SaveOutcome::Conflicts(conflicts) => Err(StoreError::Conflict {
                path: self.sidecar_path.clone(),
                conflicts,
            }),
            SaveOutcome::Saved | SaveOutcome::Merged(_) | SaveOutcome::Recreated => Ok(()),
        }
    }
}

/// What changed in a document since its sidecar was written. Annotations are re-anchored on
/// every open in any case; this says why they may have moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DocumentChanges {
    /// The normalized text differs.
    pub text: bool,
    /// The file's bytes differ (recorded only for extracted text: HTML, PDF).
    pub file: bool,
    /// The text was extracted by another version of the extractor, or not extracted before.
    pub extractor: bool,
}

impl DocumentChanges {
    /// Whether anything changed.
    pub fn any(self) -> bool {
        self.text || self.file || self.extractor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Annotation, Tag, TagKind};
    use chrono::Utc;

    #[test]
    fn moved_annotations_are_saved_and_changed_ones_kept() {
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
        assert_eq!(statuses, ["changed", "exact"]);
        assert_eq!(again.annotations.as_slice()[0], before.as_slice()[0]);
        assert_eq!(again.annotations.as_slice()[1].start, 27);
    }

    #[test]
    fn html_sessions_record_and_compare_their_source() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.html");
        let page = "<title>T</title><nav>Menu</nav><p>Hello <b>world</b></p>";
        std::fs::write(&doc, page).unwrap();
        let mut s = Session::open(&doc).unwrap();
        assert_eq!(s.kind, DocumentKind::Html);
        assert_eq!(s.text.as_str(), "Hello world\n");
        assert_eq!(s.metadata().and_then(|m| m.title.as_deref()), Some("T"));
        let a =
            Annotation::new(&s.text, 6, 11, Tag::new(TagKind::Entity), "ana", Utc::now()).unwrap();
        s.annotations.insert(a);
        s.save().unwrap();
        let saved = std::fs::read_to_string(&s.sidecar_path).unwrap();
        assert!(saved.contains("version: 4,"), "{saved}");
        assert!(saved.contains("kind: Html,"), "{saved}");
        assert!(saved.contains("title: Some(\"T\"),"), "{saved}");
        assert_eq!(
            std::fs::read_to_string(&doc).unwrap(),
            page,
            "the page is untouched"
        );
        assert!(!Session::open(&doc).unwrap().document_changed());

        // Same text, other bytes: the file changed, the text did not.
        std::fs::write(&doc, page.replace("Menu", "Other menu")).unwrap();
        let again = Session::open(&doc).unwrap();
        let changes = again.changes();
        assert_eq!(
            (changes.text, changes.file, changes.extractor),
            (false, true, false)
        );
        assert!(again.document_changed());

        // A sidecar written by another extractor version.
        std::fs::write(&doc, page).unwrap();
        let older = saved.replace("extractor: 1,", "extractor: 0,");
        std::fs::write(&s.sidecar_path, older).unwrap();
        let changes = Session::open(&doc).unwrap().changes();
        assert_eq!(
            (changes.text, changes.file, changes.extractor),
            (false, false, true)
        );
    }

    #[test]
    fn markdown_is_its_source_text() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("a.md");
        std::fs::write(&doc, "# Title\r\n\nSome **bold** text.\n").unwrap();
        let s = Session::open(&doc).unwrap();
        assert_eq!(s.kind, DocumentKind::Markdown);
        assert_eq!(s.text.as_str(), "# Title\n\nSome **bold** text.\n");
        assert!(s.source.is_none() && s.metadata().is_none());
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

        // Another program rewrites the sidecar into something that does not parse: our next
        // save must refuse, naming the problem, and write nothing.
        std::fs::write(&s.sidecar_path, "(format: \"factmark\", version: 1)").unwrap();
        assert!(matches!(s.save(), Err(StoreError::Parse { .. })));
        assert_eq!(
            std::fs::read_to_string(&s.sidecar_path).unwrap(),
            "(format: \"factmark\", version: 1)"
        );
    }
}
