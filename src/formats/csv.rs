//! CSV export: one row per annotation with every field and attribute (see [`COLUMNS`]), RFC 4180
//! (comma, double-quote quoting, CRLF record ends), UTF-8, and safe to open in a spreadsheet:
//! a cell that a spreadsheet could run as a formula is neutralized by [`spreadsheet_safe`].
//!
//! Offsets are code points of the normalized text. Every annotation is exported, anchored or
//! not; the `status` column says whether `start`/`end` point at its text now.

use super::error::FormatError;
use super::export_doc::ExportDoc;
pub use super::row::COLUMNS;
use super::row::rows;

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

/// The CSV of every annotation of `docs`, with a header row; with `bom`, a UTF-8 byte order
/// mark first.
pub fn export(docs: &[ExportDoc], bom: bool) -> Result<String, FormatError> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for row in rows(docs) {
        w.write_record(row.cells().iter().map(|c| spreadsheet_safe(c)))?;
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
