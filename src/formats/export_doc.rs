//! A document as exporters see it: its path and URI, its text, and its annotations placed on
//! the current text (anchored), each with its anchoring status.

use std::path::Path;
use std::sync::Arc;

use crate::core::anchor::{AnchorStatus, anchor};
use crate::core::annotation::Annotation;
use crate::core::corrections::CorrectionLog;
use crate::core::source::{Metadata, PageRect, Pages};
use crate::core::text::Text;

use super::warning::{ExportWarning, WarningKind};

/// An annotation with its anchoring status in the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportAnnotation {
    /// The annotation; for `exact` and `moved` its span is the current one.
    pub annotation: Annotation,
    /// Where it stands in the current text.
    pub status: AnchorStatus,
    /// For a changed (or fuzzy) annotation, the text now found in its place.
    pub found: Option<String>,
}

impl ExportAnnotation {
    /// Whether its offsets point at its text in the current document (exact or moved).
    pub fn is_placed(&self) -> bool {
        self.status.is_anchored()
    }
}

/// One document to export.
#[derive(Debug, Clone)]
pub struct ExportDoc {
    /// The document's path as the user gave or found it; shown in outputs and warnings.
    pub path: String,
    /// The document as a URI (W3C `source`), normally `file:///…` of its absolute path.
    pub uri: String,
    /// The article's public URL, if known (ClaimReview `appearance`).
    pub url: Option<String>,
    /// What the page says about itself (title, byline, publication date, canonical URL),
    /// for documents extracted from HTML; empty otherwise.
    pub metadata: Metadata,
    /// The normalized text.
    pub text: Text,
    /// For a PDF: where its pages and chars are, to give each annotation its pages.
    pub pages: Option<Arc<Pages>>,
    /// The annotations, sorted by (start, end, id) of their current spans.
    pub annotations: Vec<ExportAnnotation>,
    /// The corrections log from the sidecar (empty if the text never changed).
    pub corrections: CorrectionLog,
}

impl ExportDoc {
    /// A document at `path` with its annotations anchored in `text`: annotations whose text is
    /// still exactly at their offsets, or found unambiguously elsewhere, get their current span;
    /// the others keep their stored span and status.
    pub fn new(path: &Path, text: Text, annotations: &[Annotation]) -> Self {
        let mut placed: Vec<ExportAnnotation> = annotations
            .iter()
            .map(|a| {
                let found = anchor(&text, a);
                let mut annotation = a.clone();
                if found.status.is_anchored() && (found.start, found.end) != (a.start, a.end) {
                    annotation.set_span(&text, found.start, found.end);
                }
                ExportAnnotation {
                    annotation,
                    status: found.status,
                    found: found.found,
                }
            })
            .collect();
        placed.sort_by_key(|p| p.annotation.sort_key());
        Self {
            path: path.display().to_string(),
            uri: file_uri(path),
            url: None,
            metadata: Metadata::default(),
            text,
            pages: None,
            annotations: placed,
            corrections: CorrectionLog::default(),
        }
    }

    /// The same document with its corrections log.
    pub fn with_corrections(mut self, corrections: CorrectionLog) -> Self {
        self.corrections = corrections;
        self
    }

    /// The same document with another URI (for example of its absolute path).
    pub fn with_uri(mut self, uri: String) -> Self {
        self.uri = uri;
        self
    }

    /// The same document with its public URL.
    pub fn with_url(mut self, url: Option<String>) -> Self {
        self.url = url;
        self
    }

    /// The same document with its page's metadata. Its canonical URL becomes the public URL
    /// unless one was given (call [`Self::with_url`] first to override it).
    pub fn with_metadata(mut self, metadata: Metadata) -> Self {
        if self.url.is_none() {
            self.url.clone_from(&metadata.url);
        }
        self.metadata = metadata;
        self
    }

    /// The same document with where its pages are (a PDF's).
    pub fn with_pages(mut self, pages: Option<Arc<Pages>>) -> Self {
        self.pages = pages;
        self
    }

    /// The first and last page (1-based) an annotation placed on the current text is on,
    /// for a PDF; `None` otherwise.
    pub fn page_range(&self, p: &ExportAnnotation) -> Option<(u32, u32)> {
        let pages = self.pages.as_ref().filter(|_| p.is_placed())?;
        pages.page_range(p.annotation.start, p.annotation.end)
    }

    /// Where on its pages an annotation placed on the current text is drawn: a rectangle
    /// per line, for a PDF; empty otherwise.
    pub fn page_rects(&self, p: &ExportAnnotation) -> Vec<PageRect> {
        match self.pages.as_ref().filter(|_| p.is_placed()) {
            Some(pages) => pages.rects_of(p.annotation.start, p.annotation.end),
            None => Vec::new(),
        }
    }

    /// The annotations placed on the current text, in order.
    pub fn placed(&self) -> impl Iterator<Item = &Annotation> {
        self.annotations
            .iter()
            .filter(|p| p.is_placed())
            .map(|p| &p.annotation)
    }

    /// Adds a `Skipped` warning for every annotation not placed on the current text, for
    /// formats that can only hold offsets.
    pub fn warn_unplaced(&self, format: &str, warnings: &mut Vec<ExportWarning>) {
        for p in self.annotations.iter().filter(|p| !p.is_placed()) {
            warnings.push(ExportWarning::about(
                &self.path,
                &p.annotation,
                WarningKind::Skipped,
                format!(
                    "not exported to {format}: the annotation is {} in the current text, so its offsets are not known (run `factmark check`)",
                    p.status.as_str()
                ),
            ));
        }
    }
}

/// A `file:` URI for a path: absolute paths give `file:///…` (Windows drive paths
/// `file:///C:/…`), relative ones a relative reference; unsafe characters are percent-encoded.
pub fn file_uri(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let is_drive = s.len() >= 2 && s.as_bytes()[1] == b':' && s.as_bytes()[0].is_ascii_alphabetic();
    let encoded = percent_encode_path(&s);
    if s.starts_with('/') {
        format!("file://{encoded}")
    } else if is_drive {
        format!("file:///{encoded}")
    } else {
        encoded
    }
}

/// Percent-encodes everything but unreserved characters, `/`, and `:` after a drive letter.
fn percent_encode_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, b) in s.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && i == 1);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_are_encoded() {
        assert_eq!(
            file_uri(Path::new("/home/ana/Les élections 2024.txt")),
            "file:///home/ana/Les%20%C3%A9lections%202024.txt"
        );
        assert_eq!(
            file_uri(Path::new("C:\\docs\\a b.txt")),
            "file:///C:/docs/a%20b.txt"
        );
        assert_eq!(file_uri(Path::new("sub/a.txt")), "sub/a.txt");
    }
}
