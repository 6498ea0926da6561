//! Export to and import from the formats other tools read: W3C Web Annotation, brat standoff,
//! CSV, JSON Lines, doccano, spaCy/Prodigy, CoNLL, schema.org ClaimReview and an HTML report.
//!
//! One file per format. Every exporter converts factmark's offsets (code points of the
//! normalized text) to the unit its target counts in, and every importer checks the offsets it
//! reads against the quoted text before trusting them (see [`offsets`] and [`import`]). This
//! module uses `core` only: no window, no files. The caller reads the documents and writes the
//! result, so the CLI and the window share it:
//!
//! ```
//! use std::path::Path;
//! use factmark::core::annotation::{Annotation, Tag, TagKind};
//! use factmark::core::text::Text;
//! use factmark::formats::{export, ExportContent, ExportDoc, ExportFormat, ExportOptions};
//!
//! let text = Text::from_str_normalized("📉 On 3 May 2024, Jane Doe spoke.");
//! let now = chrono::Utc::now();
//! let date = Annotation::new(&text, 5, 15, Tag::new(TagKind::Date), "ana", now).unwrap();
//! // Anchors each annotation in the text; unanchored ones are reported, not exported blindly.
//! let doc = ExportDoc::new(Path::new("article.txt"), text, &[date]);
//! let out = export(ExportFormat::Doccano, &[doc], &ExportOptions::default()).unwrap();
//! let ExportContent::Single(jsonl) = out.content else { unreachable!() };
//! assert!(jsonl.contains("[5,15,\"DATE\"]"));
//! assert!(out.warnings.is_empty());
//! ```
//!
//! brat writes several files ([`ExportContent::Files`]); every other format one text. Warnings
//! ([`ExportWarning`]) say what was left out (`Skipped`), is missing a required field
//! (`Incomplete`), or could not be held whole (`Lossy`); show them to the user.

pub mod brat;
mod brat_links;
pub mod claimreview;
pub mod conll;
pub mod csv;
pub mod doccano;
mod error;
mod export_doc;
pub mod html;
mod html_links;
pub mod import;
mod import_links;
pub mod jsonl;
pub mod labels;
pub mod offsets;
mod relations;
mod row;
mod row_links;
pub mod spacy;
pub mod tokens;
pub mod w3c;
mod w3c_links;
mod warning;

pub use error::FormatError;
pub use export_doc::{ExportAnnotation, ExportDoc, file_uri};
pub use import::{ImportFormat, ImportOptions, ImportReport, ImportTarget, Skipped};
pub use offsets::OffsetUnit;
pub use warning::{ExportWarning, WarningKind};

use std::fmt;
use std::str::FromStr;

/// A format factmark exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// W3C Web Annotation `AnnotationCollection` (JSON-LD).
    W3c,
    /// brat standoff: `name.txt` + `name.ann` per document, plus brat's configuration files.
    Brat,
    /// One row per annotation, RFC 4180, safe to open in a spreadsheet.
    Csv,
    /// One JSON object per annotation per line.
    Jsonl,
    /// doccano sequence-labelling JSONL, one document per line.
    Doccano,
    /// spaCy / Prodigy span JSONL, one document per line.
    Spacy,
    /// Token-level IOB2 tags, one token per line.
    Conll,
    /// schema.org `ClaimReview` JSON-LD, one per rated claim.
    ClaimReview,
    /// A self-contained HTML report.
    Html,
}

impl ExportFormat {
    /// Every format, in the order the help lists them.
    pub const ALL: &'static [ExportFormat] = &[
        ExportFormat::W3c,
        ExportFormat::Brat,
        ExportFormat::Csv,
        ExportFormat::Jsonl,
        ExportFormat::Doccano,
        ExportFormat::Spacy,
        ExportFormat::Conll,
        ExportFormat::ClaimReview,
        ExportFormat::Html,
    ];

    /// The stable name used by the CLI (`--format`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::W3c => "w3c",
            ExportFormat::Brat => "brat",
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Doccano => "doccano",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Conll => "conll",
            ExportFormat::ClaimReview => "claimreview",
            ExportFormat::Html => "html",
        }
    }

    /// The usual file extension of the output (for brat, which writes a folder, `None`).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::W3c | ExportFormat::ClaimReview => Some("jsonld"),
            ExportFormat::Brat => None,
            ExportFormat::Csv => Some("csv"),
            ExportFormat::Jsonl | ExportFormat::Doccano | ExportFormat::Spacy => Some("jsonl"),
            ExportFormat::Conll => Some("conll"),
            ExportFormat::Html => Some("html"),
        }
    }

    /// Whether the output is a set of files (a folder) rather than one text.
    pub fn writes_folder(self) -> bool {
        self == ExportFormat::Brat
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ExportFormat {
    type Err = FormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let want = s.trim().to_ascii_lowercase();
        ExportFormat::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == want)
            .ok_or_else(|| FormatError::UnknownFormat(s.to_owned()))
    }
}

/// How CoNLL lays out nested and overlapping spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ConllLayout {
    /// One tag column: each token gets the innermost (shortest) span covering it.
    #[default]
    Innermost,
    /// One tag column per tag (claim, quote, date, entity), so nesting across tags survives.
    PerTag,
}

/// Settings for ClaimReview: what the annotations cannot say about the fact-check itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimReviewOptions {
    /// URL of the published fact-check (required by Google).
    pub url: Option<String>,
    /// Name of the fact-checking organization (`author.name`).
    pub publisher: Option<String>,
    /// Home page of the fact-checking organization (`author.url`).
    pub publisher_url: Option<String>,
    /// When the fact-check was published (the review's own `datePublished`, recommended by
    /// Google); see [`claimreview::parse_date_published`].
    pub date_published: Option<chrono::NaiveDate>,
}

/// Options of an export; `Default` gives what the CLI does without flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The unit of W3C `TextPositionSelector` offsets (the spec says code points; JavaScript
    /// tools such as Hypothesis count UTF-16 units). Only W3C accepts `Utf16`.
    pub offsets: OffsetUnit,
    /// The CoNLL column layout.
    pub conll_layout: ConllLayout,
    /// Start the CSV with a UTF-8 byte order mark (helps Excel on Windows detect UTF-8).
    pub csv_bom: bool,
    /// Fact-check details for ClaimReview.
    pub claim_review: ClaimReviewOptions,
}

/// One file of an export that writes several (brat).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedFile {
    /// The file name, relative to the output folder.
    pub name: String,
    /// Its contents (UTF-8, LF line ends).
    pub contents: String,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportContent {
    /// One text, for a file or stdout.
    Single(String),
    /// Several files, for a folder.
    Files(Vec<NamedFile>),
}

/// The result of an export: the content and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOutput {
    /// The exported content.
    pub content: ExportContent,
    /// Annotations not exported, exported incompletely, or exported with a loss, in document
    /// order.
    pub warnings: Vec<ExportWarning>,
    /// Files to write beside a single output, named by the suffix that replaces its
    /// extension (CSV: `links.csv` and `evidence.csv`, see [`csv`]); empty for the other
    /// formats and when there is nothing to put in them.
    pub companions: Vec<NamedFile>,
    /// How many annotations are written as records of their own (ClaimReview: the rated
    /// claims; the others: all but those skipped).
    pub exported: usize,
}

impl ExportOutput {
    /// Whether any warning means something was left out or is incomplete (the CLI exits 1).
    pub fn has_problems(&self) -> bool {
        self.warnings.iter().any(|w| w.kind.is_problem())
    }
}

/// Exports `docs` (in the given order) to `format`.
pub fn export(
    format: ExportFormat,
    docs: &[ExportDoc],
    options: &ExportOptions,
) -> Result<ExportOutput, FormatError> {
    if options.offsets != OffsetUnit::CodePoints && format != ExportFormat::W3c {
        return Err(FormatError::Unsupported {
            format: format.as_str(),
            what: format!(
                "--offsets {}: {} counts code points; only w3c can count UTF-16 units",
                options.offsets.as_str(),
                format.as_str()
            ),
        });
    }
    let mut warnings = Vec::new();
    let mut companions = Vec::new();
    let content = match format {
        ExportFormat::W3c => ExportContent::Single(w3c::export(docs, options, &mut warnings)?),
        ExportFormat::Brat => ExportContent::Files(brat::export(docs, &mut warnings)),
        ExportFormat::Csv => {
            let (main, extra) = csv::export(docs, options.csv_bom, &mut warnings)?;
            companions = extra;
            ExportContent::Single(main)
        }
        ExportFormat::Jsonl => ExportContent::Single(jsonl::export(docs, &mut warnings)?),
        ExportFormat::Doccano => ExportContent::Single(doccano::export(docs, &mut warnings)?),
        ExportFormat::Spacy => ExportContent::Single(spacy::export(docs, &mut warnings)?),
        ExportFormat::Conll => {
            ExportContent::Single(conll::export(docs, options.conll_layout, &mut warnings))
        }
        ExportFormat::ClaimReview => ExportContent::Single(claimreview::export(
            docs,
            &options.claim_review,
            &mut warnings,
        )?),
        ExportFormat::Html => ExportContent::Single(html::export(docs)),
    };
    let written = |d: &ExportDoc| -> usize {
        d.annotations
            .iter()
            .filter(|p| {
                format != ExportFormat::ClaimReview
                    || matches!(p.annotation.tag, crate::core::annotation::Tag::Claim { .. })
            })
            .count()
    };
    let mut skipped: Vec<(&str, String)> = warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Skipped)
        .filter_map(|w| Some((w.document.as_str(), w.annotation.as_ref()?.0.to_string())))
        .collect();
    skipped.sort();
    skipped.dedup();
    let exported = docs
        .iter()
        .map(written)
        .sum::<usize>()
        .saturating_sub(skipped.len());
    Ok(ExportOutput {
        content,
        warnings,
        companions,
        exported,
    })
}
