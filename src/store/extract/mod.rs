//! Reading the article out of a saved web page: decoding its bytes, choosing the main content,
//! turning it into plain paragraphs, and reading its metadata. Nothing is run and nothing is
//! fetched; the same bytes always give the same text ([`EXTRACTOR_VERSION`] changes when the
//! rules do, so old sidecars are re-anchored).

mod census;
#[cfg(test)]
mod census_tests;
mod content;
mod encoding;
mod flattened;
mod furniture;
mod guard;
#[cfg(test)]
mod hostile_tests;
mod idmap;
pub mod limits;
mod metadata;
mod parse;
#[cfg(test)]
mod parse_tests;
pub mod pdf;
mod pdf_accents;
mod pdf_advance;
mod pdf_bidi;
mod pdf_covered;
mod pdf_drawn_digits;
mod pdf_drop_caps;
mod pdf_flipped;
mod pdf_floats;
mod pdf_garbled;
mod pdf_glyph_names;
mod pdf_glyphs;
mod pdf_grid;
mod pdf_inflate;
mod pdf_ladder;
mod pdf_lam_alef;
mod pdf_layout;
mod pdf_ligatures;
mod pdf_line_numbers;
mod pdf_lookalikes;
mod pdf_margin_letters;
mod pdf_marks;
mod pdf_notes;
mod pdf_own_map;
mod pdf_rtl_rows;
mod pdf_rules;
mod pdf_stacked_labels;
mod pdf_superscripts;
mod pdf_symbolic;
mod pdf_table;
#[cfg(test)]
mod pdf_tests;
mod pdf_tex_maths;
mod pdf_text;
mod pdf_unlisted_names;
mod pdf_vowel_marks;
mod pdf_watermarks;
mod pdf_weights;
mod pdf_wide_letters;
mod pdf_wordperfect;
mod render;
mod scan;
mod sink;
#[cfg(test)]
mod tests;

use crate::core::source::Metadata;
use crate::core::text::TextError;

pub use pdf::{PDF_EXTRACTOR_VERSION, PdfError, PdfExtracted, extract_pdf};

/// The version of the HTML extraction rules; recorded in sidecars. Bump it whenever the text
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
    /// The page is larger than factmark reads as a web page.
    #[error(
        "the page is {} bytes, more than the {} MiB factmark reads from a web page; copy the article's text into a .txt file and annotate that",
        grouped(*size as u64),
        limit / (1024 * 1024)
    )]
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// [`limits::MAX_PAGE_BYTES`].
        limit: usize,
    },
    /// The page would build more elements than factmark keeps in memory.
    #[error(
        "the page has more than {} elements, more than factmark builds for one web page; copy the article's text into a .txt file and annotate that",
        grouped(*limit as u64)
    )]
    TooManyElements {
        /// [`limits::MAX_ELEMENTS`].
        limit: usize,
    },
    /// One tag has more attributes than any real page has.
    #[error(
        "the tag on line {line} has more than {limit} attributes, which no real page has (the page is broken, or made to stall programs that read it); copy the article's text into a .txt file and annotate that"
    )]
    TooManyAttributes {
        /// The line of the tag (1-based).
        line: usize,
        /// [`limits::MAX_ATTRIBUTES`].
        limit: usize,
    },
    /// The page's tags are nested and misnested so that building it would take too long.
    #[error(
        "the page's tags are nested and misnested so much that reading it would take more than {} parser steps, although elements deeper than {depth} levels are flattened (the page is broken, or made to stall programs that read it); copy the article's text into a .txt file and annotate that",
        grouped(*limit)
    )]
    TooTangled {
        /// [`limits::MAX_DEPTH`].
        depth: u32,
        /// [`limits::MAX_STEPS`].
        limit: u64,
    },
    /// Nothing readable is left once scripts, navigation, hidden parts and ads are dropped.
    #[error(
        "no readable text was found in this HTML page (scripts, styles, navigation, hidden parts and ads are left out); there is nothing to annotate"
    )]
    NoText,
}

/// A number with its thousands set apart: `1,000,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
///
/// Pages beyond the [`limits`] are refused ([`HtmlError::TooLarge`],
/// [`HtmlError::TooManyElements`], [`HtmlError::TooManyAttributes`],
/// [`HtmlError::TooTangled`]) in time linear in their size; elements nested deeper than
/// [`limits::MAX_DEPTH`] are flattened, keeping their text.
pub fn extract_html(bytes: &[u8]) -> Result<Extracted, HtmlError> {
    if bytes.len() > limits::MAX_PAGE_BYTES {
        return Err(HtmlError::TooLarge {
            size: bytes.len(),
            limit: limits::MAX_PAGE_BYTES,
        });
    }
    let decoded = encoding::decode(bytes)?;
    let html = parse::parse(&decoded.text)?;
    drop(decoded.text);
    let census = census::Census::of(&html);
    let root = content::main_content(&html, &census);
    let text = render::render(root, &census.dropped);
    if text.trim().is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(Extracted {
        text,
        metadata: metadata::read(&html, root),
        encoding: decoded.encoding,
    })
}
