//! CSV export: one row per annotation with every field and attribute (see [`COLUMNS`]), RFC 4180
//! (comma, double-quote quoting, CRLF record ends), UTF-8, and safe to open in a spreadsheet:
//! a cell that a spreadsheet could run as a formula is neutralized by [`spreadsheet_safe`].
//!
//! Offsets are code points of the normalized text. Every annotation is exported, anchored or
//! not; the `status` column says whether `start`/`end` point at its text now.
//!
//! Links and evidence do not fit one row per annotation, so they go in two more files of the
//! same kind, written beside the main one when any annotation has some ([`Companions`]):
//! `NAME.links.csv` (one row per link, [`LINK_COLUMNS`]) and `NAME.evidence.csv` (one row per
//! evidence item, [`EVIDENCE_COLUMNS`]), both keyed by the annotation `id` of the main file.

use super::NamedFile;
use super::error::FormatError;
use super::export_doc::ExportDoc;
pub use super::row::COLUMNS;
use super::row::rows;
pub use super::row_links::{EVIDENCE_COLUMNS, LINK_COLUMNS};
use super::row_links::{evidence_cells, link_cells};
use super::warning::ExportWarning;

/// The name suffix of the links file (`NAME.links.csv`).
pub const LINKS_SUFFIX: &str = "links.csv";

/// The name suffix of the evidence file (`NAME.evidence.csv`).
pub const EVIDENCE_SUFFIX: &str = "evidence.csv";

/// The files written beside the main CSV, named by suffix: empty when no annotation has links
/// or evidence, else both (each with at least its header).
pub type Companions = Vec<NamedFile>;

/// Makes a cell safe to open in a spreadsheet (CSV or formula injection, OWASP): a cell that
/// starts with `=`, `+`, `-`, `@`, tab or CR, or with the full-width forms `＝ ＋ － ＠`, gets a
/// leading apostrophe, which spreadsheets show as text and never evaluate.
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ]) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The CSV of every annotation of `docs`, with a header row, and its companions; with `bom`,
/// each starts with a UTF-8 byte order mark.
pub fn export(
    docs: &[ExportDoc],
    bom: bool,
    warnings: &mut Vec<ExportWarning>,
) -> Result<(String, Companions), FormatError> {
    let rows = rows(docs, "csv", warnings);
    let main = table(&COLUMNS, rows.iter().map(|r| r.cells().to_vec()), bom)?;
    if rows
        .iter()
        .all(|r| r.links.is_empty() && r.evidence.is_empty())
    {
        return Ok((main, Vec::new()));
    }
    let links = rows
        .iter()
        .flat_map(|r| r.links.iter().map(move |l| link_cells(r, l).to_vec()));
    let evidence = rows.iter().flat_map(|r| {
        r.evidence
            .iter()
            .enumerate()
            .map(move |(i, e)| evidence_cells(r, i + 1, e).to_vec())
    });
    let companions = vec![
        NamedFile {
            name: LINKS_SUFFIX.to_owned(),
            contents: table(&LINK_COLUMNS, links, bom)?,
        },
        NamedFile {
            name: EVIDENCE_SUFFIX.to_owned(),
            contents: table(&EVIDENCE_COLUMNS, evidence, bom)?,
        },
    ];
    Ok((main, companions))
}

/// One CSV table: header, rows made spreadsheet-safe, CRLF.
fn table(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    bom: bool,
) -> Result<String, FormatError> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| spreadsheet_safe(c)))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| FormatError::Csv(e.into_error().into()))?;
    let body = String::from_utf8_lossy(&bytes).into_owned();
    Ok(if bom { format!("\u{feff}{body}") } else { body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralized() {
        for bad in [
            "=1+1",
            "+cmd",
            "-2+3",
            "@SUM(A1)",
            "\t=x",
            "\r=x",
            "＝1+1",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert!(spreadsheet_safe(bad).starts_with('\''), "{bad:?}");
        }
        for fine in [
            "Crime fell",
            "3.7 percent",
            "",
            " =not at start",
            "\nnext line",
            "'quoted",
        ] {
            assert_eq!(spreadsheet_safe(fine), fine);
        }
    }
}
