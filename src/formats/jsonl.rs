//! JSON Lines export: one JSON object per annotation per line, with its document path, its text
//! and context, and every attribute (the CSV columns; `null` where an attribute does not apply,
//! every key always present), so DuckDB (`read_json_auto`), Spark or pandas read a whole corpus
//! at once with one schema.
//!
//! Offsets are code points of the normalized text; `status` says whether they point at the
//! annotation's text now. Lines end with LF; the file ends with one.
//!
//! Each line also has `links`, the links the annotation starts (`id`, `kind`, `to`, `to_tag`,
//! `to_exact`, `author`, `created`, `note`; a link appears once, on the annotation holding
//! it), and `evidence`, its sources in order (`id`, `stance`, `url`, `title`, `publisher`,
//! `published`, `consulted`, `archived`, `snapshot_path`, `snapshot_sha256`, `excerpt`,
//! `note`); both are arrays, empty when there is nothing.

use super::error::FormatError;
use super::export_doc::ExportDoc;
use super::row::rows;
use super::warning::ExportWarning;

/// One line per annotation of `docs`, in document then annotation order.
pub fn export(
    docs: &[ExportDoc],
    warnings: &mut Vec<ExportWarning>,
) -> Result<String, FormatError> {
    let mut out = String::new();
    for row in rows(docs, "jsonl", warnings) {
        out.push_str(&serde_json::to_string(&row)?);
        out.push('\n');
    }
    Ok(out)
}
