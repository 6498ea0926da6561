//! Reading the article out of a saved web page: decoding its bytes, choosing the main content,
//! turning it into plain paragraphs, and reading its metadata. Nothing is run and nothing is
//! fetched; the same bytes always give the same text ([`EXTRACTOR_VERSION`] changes when the
//! rules do, so old sidecars are re-anchored).

mod content;
mod encoding;
mod metadata;
mod render;
#[cfg(test)]
mod tests;

use scraper::Html;

use crate::core::source::Metadata;
use crate::core::text::TextError;

/// The version of the extraction rules; recorded in sidecars. Bump it whenever the text
/// extracted from some page would change.
pub const EXTRACTOR_VERSION: u32 = 1;

/// Why a page gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// Undeclared (or declared UTF-8) bytes that are not UTF-8.
    #[error("{error} (the page {}declare its encoding with <meta charset=\"…\"> if it is not UTF-8)",
        if *declared { "says it is UTF-8; " } else { "declares no charset: " })]
    NotUtf8 {
        /// Where the first bad byte is.
        error: TextError,
        /// Whether the page declared UTF-8.
        declared: bool,
    },
    /// Bytes that are not valid in the encoding the page declares.
    #[error(
        "the file is not valid {encoding}, the encoding that {declared_by} declares; save it as UTF-8 and try again"
    )]
    Malformed {
        /// The encoding's name.
        encoding: &'static str,
        /// What declared it.
        declared_by: &'static str,
    },
    /// Nothing readable is left once scripts, navigation, hidden parts and ads are dropped.
    #[error(
        "no readable text was found in this HTML page (scripts, styles, navigation, hidden parts and ads are left out); there is nothing to annotate"
    )]
    NoText,
}

/// The article read from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The article's text: paragraphs separated by a blank line, `<br>` as a line feed, a final
    /// line feed.
    pub text: String,
    /// What the page says about itself.
    pub metadata: Metadata,
    /// The encoding the page was read in (WHATWG name, e.g. `UTF-8`, `windows-1252`).
    pub encoding: &'static str,
}

/// Extracts the readable article text and metadata from a page's bytes.
pub fn extract_html(bytes: &[u8]) -> Result<Extracted, HtmlError> {
    let decoded = encoding::decode(bytes)?;
    let html = Html::parse_document(&decoded.text);
    let dropped = content::Dropped::of(&html);
    let root = content::main_content(&html, &dropped);
    let text = render::render(root, &dropped);
    if text.trim().is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(Extracted {
        text,
        metadata: metadata::read(&html, root),
        encoding: decoded.encoding,
    })
}
