//! Errors of exporting and importing: an unknown or unsupported request, or a file of another
//! tool that does not parse.

/// An export or import that could not be done at all.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The format name is not one factmark knows.
    #[error(
        "{0:?} is not a format factmark knows; expected one of: w3c, brat, csv, jsonl, doccano, spacy, conll, claimreview, html"
    )]
    UnknownFormat(String),
    /// The format cannot do what was asked.
    #[error("{format} cannot do this: {what}")]
    Unsupported {
        /// The format.
        format: &'static str,
        /// What was asked, and why not.
        what: String,
    },
    /// The other tool's file does not parse.
    #[error("{format}: {location}{message}", location = line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Parse {
        /// The format being read.
        format: &'static str,
        /// 1-based line, when there is one.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The file holds nothing for this document.
    #[error("{format}: {message}")]
    NothingForDocument {
        /// The format being read.
        format: &'static str,
        /// Why nothing matched.
        message: String,
    },
    /// JSON could not be written (a bug: please report it).
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV could not be written (a bug: please report it).
    #[error("could not write CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

impl FormatError {
    /// A parse error at a line of the input.
    pub fn parse(format: &'static str, line: Option<usize>, message: impl Into<String>) -> Self {
        FormatError::Parse {
            format,
            line,
            message: message.into(),
        }
    }
}
