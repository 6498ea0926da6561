//! The output choice of reports that are a table for people or JSON for scripts (`agree`,
//! `suggest`), and the aligned columns of such tables.

use clap::ValueEnum;

/// Table or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON document (stable schema, see the README).
    Json,
}

/// Rows as left-aligned columns separated by two spaces, without trailing spaces.
pub fn columns(rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let w = cell.chars().count();
            match widths.get_mut(i) {
                Some(x) => *x = (*x).max(w),
                None => widths.push(w),
            }
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, w) in row.iter().zip(&widths) {
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', w - cell.chars().count() + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_chars() {
        let rows = vec![
            vec!["é".to_owned(), "x".to_owned()],
            vec!["abc".to_owned(), "y".to_owned()],
        ];
        assert_eq!(columns(&rows), "é    x\nabc  y\n");
    }
}
