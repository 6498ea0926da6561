//! Reading a document file into normalized text, with errors that name the file: plain text
//! and Markdown as they are written, HTML pages as the article text extracted from them, PDFs
//! as the text of their pages with where each page and char is.

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::error::StoreError;
use super::extract::limits::{MAX_PAGE_BYTES, MAX_PDF_BYTES};
use super::extract::{
    EXTRACTOR_VERSION, HtmlError, PDF_EXTRACTOR_VERSION, PdfError, extract_html, extract_pdf,
};
use super::read::{MAX_DOCUMENT_BYTES, first_nul, read_limited, regular_file};
use super::sidecar::{SourceInfo, SourceKind};
use crate::core::source::{DocumentKind, Pages};
use crate::core::text::Text;

/// A document as read from disk.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text that offsets refer to.
    pub text: Text,
    /// What kind of file it is (from its extension).
    pub kind: DocumentKind,
    /// For text extracted from another format (HTML, PDF): the file's hash, the extractor's
    /// version, its encoding and metadata. `None` for plain text and Markdown, whose text is
    /// the file's.
    pub source: Option<SourceInfo>,
    /// For a PDF: where each page and char of the text is. Read again from the file on every
    /// load, never stored in the sidecar.
    pub pages: Option<Arc<Pages>>,
}

/// Reads and normalizes a document. Refuses unreadable files, invalid UTF-8 and empty
/// documents, naming the file. The file itself is never modified.
pub fn read_document(path: &Path) -> Result<Text, StoreError> {
    load_document(path).map(|d| d.text)
}

/// Reads a document of any kind: `.html`/`.htm` pages are decoded (BOM, declared charset,
/// else UTF-8) and their article text extracted; `.pdf` files have the text of their pages
/// extracted in reading order; Markdown and everything else is read as
/// UTF-8 text. Line endings are normalized. Refuses files over [`MAX_DOCUMENT_BYTES`] (before
/// reading them), binary text files (NUL bytes) and documents with no text but white space. Errors
/// name the file; the file is never modified.
pub fn load_document(path: &Path) -> Result<Document, StoreError> {
    if path.is_dir() {
        return Err(StoreError::io(
            path,
            std::io::Error::other("this is a folder, not a document"),
        ));
    }
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .map_or(DocumentKind::Text, DocumentKind::from_extension);
    if kind == DocumentKind::Pdf {
        // A PDF over its own, smaller limit is refused before it is read.
        let size = regular_file(path)?.len();
        if size > MAX_PDF_BYTES as u64 {
            return Err(StoreError::Pdf {
                path: path.to_owned(),
                error: PdfError::TooLarge {
                    size: usize::try_from(size).unwrap_or(usize::MAX),
                    limit: MAX_PDF_BYTES,
                },
            });
        }
    }
    if kind == DocumentKind::Html {
        // A page over its own, smaller limit is refused before it is read.
        let size = regular_file(path)?.len();
        if size > MAX_PAGE_BYTES as u64 {
            return Err(StoreError::Html {
                path: path.to_owned(),
                error: HtmlError::TooLarge {
                    size: usize::try_from(size).unwrap_or(usize::MAX),
                    limit: MAX_PAGE_BYTES,
                },
            });
        }
    }
    let bytes = read_limited(path, MAX_DOCUMENT_BYTES, "document")?;
    // A PDF saved without its extension is still a PDF (its first bytes say so).
    let kind = if kind == DocumentKind::Text && bytes.starts_with(b"%PDF-") {
        if bytes.len() > MAX_PDF_BYTES {
            return Err(StoreError::Pdf {
                path: path.to_owned(),
                error: PdfError::TooLarge {
                    size: bytes.len(),
                    limit: MAX_PDF_BYTES,
                },
            });
        }
        DocumentKind::Pdf
    } else {
        kind
    };
    let mut pages = None;
    let (text, source) = match kind {
        DocumentKind::Pdf => {
            let extracted = extract_pdf(&bytes).map_err(|error| StoreError::Pdf {
                path: path.to_owned(),
                error,
            })?;
            let source = SourceInfo {
                kind: SourceKind::Pdf,
                sha256: hex_sha256(&bytes),
                extractor: PDF_EXTRACTOR_VERSION,
                encoding: extracted.version,
                metadata: extracted.metadata,
            };
            let text = Text::from_str_normalized(&extracted.text);
            debug_assert_eq!(text.char_count(), extracted.pages.boxes.len());
            pages = Some(Arc::new(extracted.pages));
            (text, Some(source))
        }
        DocumentKind::Html => {
            let extracted = extract_html(&bytes).map_err(|error| StoreError::Html {
                path: path.to_owned(),
                error,
            })?;
            let source = SourceInfo {
                kind: SourceKind::Html,
                sha256: hex_sha256(&bytes),
                extractor: EXTRACTOR_VERSION,
                encoding: extracted.encoding.to_owned(),
                metadata: extracted.metadata,
            };
            (Text::from_str_normalized(&extracted.text), Some(source))
        }
        DocumentKind::Markdown | DocumentKind::Text => {
            if let Some(offset) = first_nul(&bytes) {
                return Err(StoreError::Binary {
                    path: path.to_owned(),
                    offset,
                });
            }
            let text = Text::from_bytes(&bytes).map_err(|error| StoreError::Text {
                path: path.to_owned(),
                error,
            })?;
            (text, None)
        }
    };
    if text.as_str().trim().is_empty() {
        return Err(StoreError::EmptyDocument {
            path: path.to_owned(),
        });
    }
    Ok(Document {
        text,
        kind,
        source,
        pages,
    })
}

/// Lowercase hex SHA-256 of some bytes.
fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_over_its_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("huge.html");
        // Sparse: nothing is written, and reading it would take 300 MB.
        let f = std::fs::File::create(&page).unwrap();
        f.set_len(300 * 1024 * 1024).unwrap();
        let e = load_document(&page).unwrap_err();
        let said = e.to_string();
        assert!(
            said.contains("32 MiB") && said.contains("huge.html"),
            "{said}"
        );
    }
}
