//! The limits that keep a hostile or broken page from taking minutes or gigabytes: real pages
//! stay far below every one of them (README, "HTML and Markdown documents").

/// Pages larger than this (bytes, as saved) are refused before they are decoded or parsed.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// Elements nested deeper than this are flattened as they are parsed: each is closed as soon
/// as it opens, so what it holds follows it at the same level, and no text is lost (Chrome and
/// Safari stop nesting past 512 in much the same way). Table parts are not flattened, so that
/// cells stay apart. Real pages stay within a few dozen levels. A tag can cost the parser a
/// step per open element, so the limit also bounds that cost.
pub const MAX_DEPTH: u32 = 256;

/// Pages that would build more elements (and comments) than this are refused: the tree costs
/// a few hundred bytes per element.
pub const MAX_ELEMENTS: usize = 1_000_000;

/// A tag with more attributes than this is refused before the tokenizer reads it (the
/// tokenizer compares each attribute with all earlier ones of its tag).
pub const MAX_ATTRIBUTES: usize = 256;

/// Pages whose tree building takes more than this many steps of looking through the open
/// elements are refused. Flattening keeps that stack short, so only a page of deeply nested
/// tags followed by a flood of stray end tags, or misnested formatting tags that the parser
/// must reopen again and again, comes near it; real pages take well under a tenth of it.
pub const MAX_STEPS: u64 = 200_000_000;

/// The limits one parse runs under: [`Limits::PAGE`] for pages; tests use smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How deep elements nest before they are flattened ([`MAX_DEPTH`]).
    pub depth: u32,
    /// How many elements a page may build ([`MAX_ELEMENTS`]).
    pub elements: usize,
    /// How many steps building it may take ([`MAX_STEPS`]).
    pub steps: u64,
}

impl Limits {
    /// The limits for web pages.
    pub const PAGE: Limits = Limits {
        depth: MAX_DEPTH,
        elements: MAX_ELEMENTS,
        steps: MAX_STEPS,
    };
}

/// PDF files larger than this are refused before they are read.
pub const MAX_PDF_BYTES: usize = 128 * 1024 * 1024;

/// PDFs with more pages than this are refused (a 5,000-page PDF is a shelf of books).
pub const MAX_PDF_PAGES: usize = 5_000;

/// No stream that factmark decodes (page contents, forms, fonts, object streams) may inflate
/// to more than this; checked before anything is parsed, without keeping what is inflated.
pub const MAX_PDF_STREAM_BYTES: u64 = 64 * 1024 * 1024;

/// All such streams together may not inflate to more than this.
pub const MAX_PDF_INFLATED_BYTES: u64 = 1024 * 1024 * 1024;

/// A page that draws more than this many things (glyphs, paths, clips, groups, images) is
/// refused: real pages draw a few thousand, a dense map some hundred thousand. A page of
/// forms drawing forms reaches it in about a second (release build).
pub const MAX_PDF_PAGE_STEPS: u64 = 1_000_000;

/// Reading a whole PDF may take at most this long (seconds); real reports take a few
/// milliseconds a page.
pub const MAX_PDF_SECONDS: u64 = 30;
