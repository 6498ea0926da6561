//! Reading the text of a PDF: its pages interpreted with `hayro-interpret` (pure Rust), every
//! glyph collected with its Unicode text and rectangle (`pdf_glyphs`), laid out into lines in
//! reading order (`pdf_layout`), and joined into paragraphs with running headers, footers and
//! page numbers left out (`pdf_text`). The same bytes always give the same text;
//! [`PDF_EXTRACTOR_VERSION`] changes when the rules do, so old sidecars are re-anchored.
//!
//! Limits ([`super::limits`]): the file's size, the page count, how far any stream that is
//! decoded may inflate (checked on the raw bytes before anything is parsed), how many things a
//! page may draw, and how long the whole file may take. A panic inside the PDF reader is
//! caught and reported as a broken file; it never takes the program down.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use hayro_interpret::hayro_syntax::Filter;
use hayro_interpret::hayro_syntax::object::{Array, Dict, Stream};
use hayro_interpret::hayro_syntax::page::Page;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};

use super::limits::{
    MAX_PDF_BYTES, MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGE_STEPS, MAX_PDF_PAGES, MAX_PDF_SECONDS,
    MAX_PDF_STREAM_BYTES,
};
use super::pdf_glyphs::{PageGlyphs, Stop, Turn, collect_page};
use super::pdf_lookalikes::FontShapes;
use super::pdf_text::assemble;
use super::{grouped, pdf_inflate};
use crate::core::source::{Metadata, Pages};

/// The version of the PDF extraction rules; recorded in sidecars. Bump it whenever the text
/// extracted from some PDF would change.
pub const PDF_EXTRACTOR_VERSION: u32 = 87;

/// How many glyphs set turned a page has when a whole block of text is turned (a table set
/// sideways), not a label along a chart's axis or a line up the margin.
const SIDEWAYS_GLYPHS: usize = 200;

/// What to try with a damaged PDF.
const VIEWER: &str = "If it opens in a PDF viewer, save or print it to a new PDF and try that";

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// Not a PDF, or damaged beyond repair.
    #[error("this is not a readable PDF: {why}")]
    Broken {
        /// What is wrong, in a few words.
        why: String,
    },
    /// Encrypted with a password.
    #[error(
        "the PDF is encrypted{}; factmark cannot read encrypted PDFs. Save a copy without a password (in a PDF viewer: print to PDF) and open that",
        if *password { " and needs a password to open" } else { " in a way factmark cannot read" }
    )]
    Encrypted {
        /// Whether it asks for a password (otherwise its encryption is unsupported or broken).
        password: bool,
    },
    /// Larger than factmark reads as a PDF.
    #[error(
        "the PDF is {} bytes, more than the {} MiB factmark reads; split it into smaller PDFs",
        grouped(*size as u64),
        limit / (1024 * 1024)
    )]
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// [`MAX_PDF_BYTES`].
        limit: usize,
    },
    /// More pages than factmark reads.
    #[error("the PDF has {} pages, more than the {} factmark reads; split it into smaller PDFs", grouped(*pages as u64), grouped(*limit as u64))]
    TooManyPages {
        /// How many it has.
        pages: usize,
        /// [`MAX_PDF_PAGES`].
        limit: usize,
    },
    /// A stream inflates beyond the limits (a "zip bomb", or a file built to exhaust memory).
    #[error(
        "a compressed stream at byte {offset} of the PDF inflates to more than {} MiB{}, more than any real page needs (the file is broken, or made to exhaust memory)",
        limit / (1024 * 1024),
        if *total { " together with the others" } else { "" }
    )]
    StreamTooLarge {
        /// Where the stream starts in the file.
        offset: usize,
        /// The limit it went past.
        limit: u64,
        /// Whether it was the sum of all streams that went past [`MAX_PDF_INFLATED_BYTES`].
        total: bool,
    },
    /// A page draws far more than any real page.
    #[error(
        "page {page} draws more than {} things, more than any real page (the file is broken, or made to stall programs that read it)",
        grouped(*limit)
    )]
    PageTooComplex {
        /// The page (1-based).
        page: usize,
        /// [`MAX_PDF_PAGE_STEPS`].
        limit: u64,
    },
    /// Reading took too long.
    #[error(
        "reading the PDF took more than {seconds} seconds and was stopped at page {page} (the file is very large, broken, or made to stall programs that read it)"
    )]
    TooSlow {
        /// The page it was reading (1-based).
        page: usize,
        /// [`MAX_PDF_SECONDS`].
        seconds: u64,
    },
    /// No page has a text layer: a scan, or text drawn as shapes.
    #[error(
        "the PDF has no text layer ({pages} {} of images or shapes, no characters): it is probably scanned. Run it through OCR (for example `ocrmypdf`) and open the result",
        if *pages == 1 { "page" } else { "pages" }
    )]
    NoText {
        /// How many pages it has.
        pages: usize,
    },
    /// The text is drawn with fonts that do not say which letters they draw.
    #[error(
        "{unmapped} of the PDF's {glyphs} characters are drawn with fonts that do not say which letters they are (no Unicode mapping), so its text cannot be read reliably. Run it through OCR and open the result"
    )]
    Unmapped {
        /// Glyphs without Unicode.
        unmapped: usize,
        /// All glyphs.
        glyphs: usize,
    },
    /// The PDF reader failed on this file.
    #[error(
        "the PDF reader failed on page {page} ({message}); the file is probably damaged. Save or print it to a new PDF and try that"
    )]
    ReaderFailed {
        /// The page it was reading (1-based, 0 before the first).
        page: usize,
        /// The reader's message.
        message: String,
    },
    /// Putting the text of the pages in reading order failed (a defect of factmark's).
    #[error(
        "factmark could not put the text of this PDF in reading order ({message}); nothing was changed. Please report it with the file; meanwhile, saving or printing the PDF to a new file may help"
    )]
    LayoutFailed {
        /// What went wrong.
        message: String,
    },
}

/// The text read from a PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfExtracted {
    /// Paragraphs separated by a blank line (table rows by a line feed, cells by a tab), a
    /// final line feed.
    pub text: String,
    /// Where each page and char is (offsets in chars of `text`, which is already normalized).
    pub pages: Pages,
    /// The document's title and author, where its information dictionary gives them.
    pub metadata: Metadata,
    /// The PDF's version, e.g. `PDF-1.7`.
    pub version: String,
}

/// The limits one extraction runs under: [`Limits::FILE`] for files; tests use smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfLimits {
    /// [`MAX_PDF_BYTES`].
    pub bytes: usize,
    /// [`MAX_PDF_PAGES`].
    pub pages: usize,
    /// [`MAX_PDF_STREAM_BYTES`].
    pub stream: u64,
    /// [`MAX_PDF_INFLATED_BYTES`].
    pub inflated: u64,
    /// [`MAX_PDF_PAGE_STEPS`].
    pub page_steps: u64,
    /// [`MAX_PDF_SECONDS`], as a duration.
    pub time: Duration,
}

impl PdfLimits {
    /// The limits for PDF files.
    pub const FILE: PdfLimits = PdfLimits {
        bytes: MAX_PDF_BYTES,
        pages: MAX_PDF_PAGES,
        stream: MAX_PDF_STREAM_BYTES,
        inflated: MAX_PDF_INFLATED_BYTES,
        page_steps: MAX_PDF_PAGE_STEPS,
        time: Duration::from_secs(MAX_PDF_SECONDS),
    };
}

/// Extracts the text of a PDF's bytes under the file limits.
pub fn extract_pdf(bytes: &[u8]) -> Result<PdfExtracted, PdfError> {
    extract_pdf_with(bytes, PdfLimits::FILE)
}

/// Extracts the text of a PDF's bytes under `limits`.
pub fn extract_pdf_with(bytes: &[u8], limits: PdfLimits) -> Result<PdfExtracted, PdfError> {
    if bytes.len() > limits.bytes {
        return Err(PdfError::TooLarge {
            size: bytes.len(),
            limit: limits.bytes,
        });
    }
    if bytes.is_empty() {
        return Err(PdfError::Broken {
            why: "the file is empty (0 bytes): an interrupted download or copy, or a file created but never written; get the file again".to_owned(),
        });
    }
    if !looks_like_pdf(bytes) {
        return Err(PdfError::Broken {
            why: "it does not start with a PDF header (%PDF-), so it is another kind of file named .pdf; open it with the program it was made with".to_owned(),
        });
    }
    // A file saved with updates has a marker after each; one cut inside its last update
    // still holds an earlier one, with the update's objects cut off after it (an update
    // whose end, `startxref`, is there has lost its marker only, and is read). Something
    // else after the last marker (a web server's page appended to a download) is no part
    // of the PDF, which is read.
    let after_marker = memchr::memmem::rfind(bytes, b"%%EOF").map(|at| &bytes[at + 5..]);
    let cut_in_update = after_marker.is_some_and(|rest| {
        (memchr::memmem::find_iter(rest, b" obj").any(|at| at > 0 && rest[at - 1].is_ascii_digit())
            || [&b"endobj"[..], b"endstream", b"\nxref", b"\rxref"]
                .iter()
                .any(|k| memchr::memmem::find(rest, k).is_some()))
            && memchr::memmem::find(rest, b"startxref").is_none()
    });
    if after_marker.is_none() || cut_in_update {
        return Err(PdfError::Broken {
            why: "it stops before its end-of-file marker (%%EOF), so it was probably cut short (an interrupted download or copy); get the file again".to_owned(),
        });
    }
    pdf_inflate::check_streams(bytes, limits.stream, limits.inflated)?;
    let started = Instant::now();
    let mut page_no = 0usize;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        read_pages(bytes, limits, started, &mut page_no)
    }));
    let (pages, metadata, version, missing) = match outcome {
        Ok(result) => result?,
        Err(payload) => return Err(stopped(payload, page_no, limits)),
    };
    let glyphs: usize = pages.iter().map(|p| p.glyph_count()).sum();
    let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
    if glyphs == 0 {
        if pages.iter().any(|p| p.damaged) {
            return Err(PdfError::Broken {
                why: format!(
                    "the content of its pages cannot be read (the file is damaged). {VIEWER}"
                ),
            });
        }
        return Err(PdfError::NoText { pages: pages.len() });
    }
    if unmapped * 2 > glyphs {
        return Err(PdfError::Unmapped { unmapped, glyphs });
    }
    let mut pages = pages;
    for page in &mut pages {
        settle_glyphs(page);
    }
    super::pdf_line_numbers::drop_line_numbers(&mut pages);
    super::pdf_margin_letters::drop_margin_letters(&mut pages);
    let laid_out = catch_unwind(AssertUnwindSafe(|| assemble(&pages, started + limits.time)))
        .map_err(|payload| PdfError::LayoutFailed {
            message: panic_message(payload.as_ref()),
        })?;
    let (text, mut page_map) = laid_out.map_err(|page| PdfError::TooSlow {
        page,
        seconds: limits.time.as_secs(),
    })?;
    match missing {
        Missing::Pages(n) => page_map.missing = u32::try_from(n).unwrap_or(u32::MAX),
        Missing::Unknown => page_map.page_tree_damaged = true,
    }
    let mut unreadable: Vec<(u32, usize)> = Vec::new();
    for (c, b) in text.chars().zip(&page_map.boxes) {
        if let (Some(b), '\u{FFFD}') = (b, c) {
            match unreadable.last_mut() {
                Some((p, n)) if *p == b.page => *n += 1,
                _ => unreadable.push((b.page, 1)),
            }
        }
    }
    unreadable.sort_unstable();
    unreadable.dedup_by(|a, b| {
        let same = a.0 == b.0;
        if same {
            b.1 += a.1;
        }
        same
    });
    page_map.unreadable = unreadable;
    page_map.doubtful = pages.iter().filter(|p| p.doubtful > 0).fold(
        Vec::new(),
        |mut by_page: Vec<(u32, usize)>, p| {
            // A page read in two parts (upright and turned) is told once.
            match by_page.last_mut() {
                Some((number, n)) if *number == p.number => *n += p.doubtful,
                _ => by_page.push((p.number, p.doubtful)),
            }
            by_page
        },
    );
    page_map.garbled = super::pdf_garbled::garbled_pages(&text, &page_map.boxes);
    page_map.sideways = pages
        .iter()
        .filter(|p| p.sideways >= SIDEWAYS_GLYPHS)
        .map(|p| (p.number, p.sideways))
        .collect();
    page_map.scanned = pages
        .iter()
        .filter(|p| p.turn == Turn::Upright)
        .filter(|p| p.glyph_count() < SCANNED_GLYPHS && p.picture_cover >= SCANNED_COVER)
        .map(|p| p.number)
        .collect();
    if text.trim().is_empty() {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(PdfExtracted {
        text,
        pages: page_map,
        metadata,
        version,
    })
}

/// A page with fewer glyphs than this (a page number, a stamp) under a picture covering
/// [`SCANNED_COVER`] of it or more is a scanned page without a text layer.
const SCANNED_GLYPHS: usize = 20;
/// How much of a page a picture covers to be a scan of it.
const SCANNED_COVER: f32 = 0.5;

/// Whether the bytes hold a PDF header near their start (viewers accept junk before it).
fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// Whether the file's bytes hold a page object (`/Type /Page`, not `/Pages` or
/// `/PageMode`).
fn holds_a_page(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, b"/Page")
        .any(|at| bytes.get(at + 5).is_none_or(|c| !c.is_ascii_alphanumeric()))
}

/// The glyphs of every page, the metadata and the version.
fn read_pages(
    bytes: &[u8],
    limits: PdfLimits,
    started: Instant,
    page_no: &mut usize,
) -> Result<(Vec<PageGlyphs>, Metadata, String, Missing), PdfError> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(d) => PdfError::Encrypted {
            password: matches!(
                d,
                hayro_interpret::hayro_syntax::DecryptionError::PasswordProtected
            ),
        },
        LoadPdfError::Invalid => PdfError::Broken {
            why: format!("its structure (cross-reference table, trailer or catalog) cannot be read: it is damaged, or built (nested or looped) past what a reader accepts. {VIEWER}"),
        },
    })?;
    let count = pdf.pages().len();
    if count > limits.pages {
        return Err(PdfError::TooManyPages {
            pages: count,
            limit: limits.pages,
        });
    }
    if count == 0 {
        // (A file that holds page objects none of which can be read is damaged, not empty.)
        let why = if holds_a_page(bytes) {
            "none of its pages can be read: its page tree is damaged, or nested past what a reader accepts"
        } else {
            "it has no pages"
        };
        return Err(PdfError::Broken {
            why: format!("{why}. {VIEWER}"),
        });
    }
    let deadline = started + limits.time;
    let mut out = Vec::with_capacity(count);
    let mut shapes = FontShapes::new();
    for (i, page) in pdf.pages().iter().enumerate() {
        *page_no = i + 1;
        if Instant::now() > deadline {
            return Err(PdfError::TooSlow {
                page: i + 1,
                seconds: limits.time.as_secs(),
            });
        }
        let page_limits = (deadline, limits.page_steps);
        let mut glyphs = collect_page(page, i + 1, Turn::Upright, page_limits, &mut shapes);
        glyphs.damaged = damaged(page);
        let turned = turned_part(&glyphs)
            .map(|turn| collect_page(page, i + 1, turn, page_limits, &mut shapes))
            .filter(|part| 2 * part.glyph_count() >= glyphs.sideways);
        // What is turned that way is read (a block), or is a stamp up the margin and a
        // chart's labels, left out as on a page with fewer of them: no longer counted as
        // text left out either way. What is turned another way still is.
        let read = turned.as_ref().map_or(0, |part| match part.turn {
            Turn::Up => glyphs.sideways_up,
            Turn::Down => glyphs.sideways_down,
            Turn::Upright => 0,
        });
        glyphs.sideways -= read.min(glyphs.sideways);
        out.push(glyphs);
        if let Some(mut part) = turned.filter(is_block) {
            part.sideways = 0;
            part.skipped = 0;
            out.push(part);
        }
    }
    let metadata = metadata(&pdf);
    let version = format!("PDF-{}", version_name(&pdf));
    let missing = match declared_pages(&pdf) {
        Some(declared) => Missing::Pages(declared.min(limits.pages).saturating_sub(count)),
        None => Missing::Unknown,
    };
    Ok((out, metadata, version, missing))
}

/// Which way to turn a page to read the block of text set sideways on it: the way most of
/// its turned glyphs read, when there are enough of them to be a block (a table set
/// sideways), not a label along a chart's axis or a line up the margin.
fn turned_part(page: &PageGlyphs) -> Option<Turn> {
    if page.sideways < SIDEWAYS_GLYPHS {
        return None;
    }
    let (up, down) = (page.sideways_up, page.sideways_down);
    if 2 * up.max(down) < page.sideways {
        return None;
    }
    Some(if up >= down { Turn::Up } else { Turn::Down })
}

/// Whether a page's turned part is a block of text (a table's rows, a paragraph's lines):
/// [`BLOCK_LINES`] lines or more, one under another at most two sizes apart, not a stamp up
/// the margin and a chart's axis labels here and there.
fn is_block(part: &PageGlyphs) -> bool {
    // Lines (of a few glyphs or more) by their place down the turned page, in half sizes.
    let mut lines: HashMap<i32, usize> = HashMap::new();
    for g in &part.glyphs {
        *lines
            .entry((g.baseline / (0.5 * g.size.max(1.0))).round() as i32)
            .or_default() += 1;
    }
    let mut at: Vec<i32> = lines
        .into_iter()
        .filter(|&(_, n)| n >= 4)
        .map(|(k, _)| k)
        .collect();
    at.sort_unstable();
    let mut run = 1;
    let mut longest = usize::from(!at.is_empty());
    for w in at.windows(2) {
        run = if w[1] - w[0] <= 4 { run + 1 } else { 1 };
        longest = longest.max(run);
    }
    longest >= BLOCK_LINES
}

/// How many lines a turned part has to be read as a block of text.
const BLOCK_LINES: usize = 6;

/// Pages the PDF has that could not be found.
enum Missing {
    /// This many, by the page tree's own count.
    Pages(usize),
    /// The page tree itself cannot be read: the pages found were found by searching the
    /// file, and others may be missing.
    Unknown,
}

/// How many pages the PDF's page tree says it has (`/Count` of the catalog's `/Pages`),
/// `None` when the page tree cannot be read (a damaged file).
fn declared_pages(pdf: &Pdf) -> Option<usize> {
    let xref = pdf.xref();
    xref.get::<Dict<'_>>(xref.root_id())
        .and_then(|catalog| catalog.get::<Dict<'_>>(b"Pages"))
        .and_then(|pages| pages.get::<usize>(b"Count"))
}

/// Whether a page's content cannot all be read: a content stream missing, or whose data
/// does not decode (a damaged file: the reader goes on with what it can make of it, and text
/// drawn on the page is missing, in part or whole).
fn damaged(page: &Page<'_>) -> bool {
    const CONTENTS: &[u8] = b"Contents";
    let raw = page.raw();
    if !raw.contains_key(CONTENTS) {
        return false;
    }
    if let Some(stream) = raw.get::<Stream<'_>>(CONTENTS) {
        return !readable(&stream);
    }
    if let Some(array) = raw.get::<Array<'_>>(CONTENTS) {
        let streams: Vec<Stream<'_>> = array.iter::<Stream<'_>>().collect();
        return streams.len() != array.raw_iter().count() || !streams.iter().all(readable);
    }
    true
}

/// Whether a content stream decodes whole. Compressed streams are checked strictly (the
/// reader itself, like viewers, makes what it can of a damaged one).
fn readable(stream: &Stream<'_>) -> bool {
    use std::io::Read;
    if stream.decoded_data().is_err() {
        return false;
    }
    if stream.filters().as_slice() != [Filter::FlateDecode] {
        return true;
    }
    let data = stream.raw_data();
    let whole =
        |mut decoder: Box<dyn Read + '_>| std::io::copy(&mut decoder, &mut std::io::sink()).is_ok();
    whole(Box::new(flate2::read::ZlibDecoder::new(&data[..])))
        || whole(Box::new(flate2::read::DeflateDecoder::new(&data[..])))
}

/// The error for an unwinding out of the reader: a stop asked for by the glyph collector
/// (a limit), or a panic in the reader.
fn stopped(payload: Box<dyn std::any::Any + Send>, page: usize, limits: PdfLimits) -> PdfError {
    match payload.downcast::<Stop>() {
        Ok(stop) => match *stop {
            Stop::Steps => PdfError::PageTooComplex {
                page,
                limit: limits.page_steps,
            },
            Stop::Time => PdfError::TooSlow {
                page,
                seconds: limits.time.as_secs(),
            },
        },
        Err(payload) => PdfError::ReaderFailed {
            page,
            message: panic_message(payload.as_ref()),
        },
    }
}

/// The message a panic carried.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_owned())
}

/// The version as written in the file's header or catalog, e.g. `1.7`.
fn version_name(pdf: &Pdf) -> &'static str {
    use hayro_interpret::hayro_syntax::PdfVersion as V;
    match pdf.version() {
        V::Pdf10 => "1.0",
        V::Pdf11 => "1.1",
        V::Pdf12 => "1.2",
        V::Pdf13 => "1.3",
        V::Pdf14 => "1.4",
        V::Pdf15 => "1.5",
        V::Pdf16 => "1.6",
        V::Pdf17 => "1.7",
        V::Pdf20 => "2.0",
    }
}

/// Title and author from the information dictionary. The creation date is not taken as the
/// publication date: it is when the file was made, which may be another day.
fn metadata(pdf: &Pdf) -> Metadata {
    let info = pdf.metadata();
    Metadata {
        title: info.title.as_deref().and_then(text_string),
        byline: info.author.as_deref().and_then(text_string),
        published: None,
        url: None,
    }
}

/// A PDF text string: UTF-16BE with a byte order mark, UTF-8 with one (PDF 2.0), else
/// PDFDocEncoding (read as Latin-1, which it equals for letters). Blank ones are `None`.
pub(super) fn text_string(bytes: &[u8]) -> Option<String> {
    let s = if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!s.is_empty()).then_some(s)
}

/// Puts a page's glyphs as the layout reads them: marks and joiners on their letters,
/// accents combined, raised figures and exponents as superscripts.
pub(super) fn settle_glyphs(page: &mut PageGlyphs) {
    super::pdf_vowel_marks::attach_vowel_marks(page);
    super::pdf_vowel_marks::attach_joiners(page);
    super::pdf_accents::combine_accents(page);
    super::pdf_superscripts::raise_figures(page);
    super::pdf_superscripts::raise_exponents(page);
    super::pdf_superscripts::raise_leading_marks(page);
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in page.chars.iter().filter(|c| c.is_alphabetic()) {
        if crate::core::bidi::rtl_script(*c).is_some() {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    page.right_to_left = rtl > ltr;
}
