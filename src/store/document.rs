//! Reading a document file into normalized text, with errors that name the file.

use std::path::Path;

use super::error::StoreError;
use crate::core::text::Text;

/// Reads and normalizes a document. Refuses unreadable files, invalid UTF-8 and empty
/// documents, naming the file. The file itself is never modified.
pub fn read_document(path: &Path) -> Result<Text, StoreError> {
    if path.is_dir() {
        return Err(StoreError::io(
            path,
            std::io::Error::other("this is a folder, not a document"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    let text = Text::from_bytes(&bytes).map_err(|source| StoreError::Text {
        path: path.to_owned(),
        source,
    })?;
    if text.is_empty() {
        return Err(StoreError::EmptyDocument {
            path: path.to_owned(),
        });
    }
    Ok(text)
}
