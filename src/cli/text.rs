//! `factmark text`: prints the exact text that annotation offsets count in — the normalized
//! file for plain text and Markdown, the extracted article for HTML pages.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, print_out};
use crate::store::document::load_document;
use crate::store::sidecar::document_of_sidecar;

/// Arguments of `factmark text`.
#[derive(Debug, Args)]
#[command(
    after_help = "The output is the document's normalized text (UTF-8, no BOM, LF line ends); for an HTML page, the article text factmark extracted from it. Offsets count Unicode code points of exactly this text, so `text[start:end] == exact` holds on it.\n\n\
Examples:\n  factmark text article.html > article.txt\n  factmark text article.html | less"
)]
pub struct TextArgs {
    /// The document (or its sidecar).
    pub doc: PathBuf,
}

pub fn run(args: TextArgs) -> anyhow::Result<Outcome> {
    let path = document_of_sidecar(&args.doc).unwrap_or(args.doc);
    let document = load_document(&path)?;
    if let Some(damage) = document.pages.as_ref().and_then(|p| p.damage()) {
        eprintln!("factmark: warning: {}: {damage}", path.display());
    }
    print_out(document.text.as_str())?;
    Ok(Outcome::Ok)
}
