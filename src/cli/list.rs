//! `factmark list`: the annotations of documents and folders, filtered, as a table, JSON or CSV.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::record::{Record, load_records, one_line, spreadsheet_safe};
use super::relations::detail_lines;
use super::{Format, Outcome, discover, print_out};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{ReviewStatus, TagKind};

/// Arguments of `factmark list`.
#[derive(Debug, Args)]
#[command(
    after_help = "PATH is a document, a sidecar or a folder (searched recursively for \
documents with sidecars). Positions are Unicode code points into the document's normalized \
text (BOM removed, CRLF and CR turned into LF), end exclusive. See the README for the JSON schema."
)]
pub struct ListArgs {
    /// Documents, sidecars or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Only this tag: claim, quote, date or entity.
    #[arg(long)]
    pub tag: Option<TagKind>,
    /// Only this review status: unreviewed, accepted, rejected or needs-work.
    #[arg(long)]
    pub review: Option<ReviewStatus>,
    /// Only this anchoring status: exact, moved, changed, fuzzy, ambiguous or orphaned.
    #[arg(long)]
    pub status: Option<AnchorStatus>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: ListArgs) -> anyhow::Result<Outcome> {
    let docs = discover::documents(&args.paths)?;
    let (mut records, failed) = load_records(&docs);
    records.retain(|r| {
        args.tag.is_none_or(|t| r.tag == t.as_str())
            && args.review.is_none_or(|s| r.review == s.as_str())
            && args.status.is_none_or(|s| r.status_kind == s)
    });
    print_out(&render(&records, args.format)?)?;
    if failed > 0 {
        bail!("{failed} of {} documents could not be read", docs.len());
    }
    Ok(Outcome::Ok)
}

/// Renders records in a format.
pub fn render(records: &[Record], format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(records)?;
            s.push('\n');
            s
        }
        Format::Csv => csv(records)?,
        Format::Table => table(records),
    })
}

const CSV_HEADER: [&str; 25] = [
    "document",
    "id",
    "tag",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "note",
    "status",
    "score",
    "found",
    "review",
    "reviewer",
    "reviewed",
    "review_comment",
    "author",
    "created",
    "modified",
    "verdict",
    "claimant",
    "speaker",
    "date",
    "kind",
    "identifier",
];

fn csv(records: &[Record]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for r in records {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let row = [
            r.document.clone(),
            r.id.clone(),
            r.tag.to_owned(),
            r.start.to_string(),
            r.end.to_string(),
            r.exact.clone(),
            r.prefix.clone(),
            r.suffix.clone(),
            r.note.clone(),
            r.status.to_owned(),
            format!("{:.3}", r.score),
            o(&r.found),
            r.review.to_owned(),
            o(&r.reviewer),
            o(&r.reviewed),
            o(&r.review_comment),
            r.author.clone(),
            r.created.clone(),
            r.modified.clone(),
            r.verdict.unwrap_or_default().to_owned(),
            o(&r.claimant),
            o(&r.speaker),
            o(&r.date),
            r.kind.unwrap_or_default().to_owned(),
            o(&r.identifier),
        ];
        w.write_record(row.iter().map(|c| spreadsheet_safe(c)))?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn table(records: &[Record]) -> String {
    let mut rows: Vec<[String; 7]> = vec![[
        "DOCUMENT".into(),
        "SPAN".into(),
        "TAG".into(),
        "STATUS".into(),
        "REVIEW".into(),
        "TEXT".into(),
        "NOTE".into(),
    ]];
    for r in records {
        let detail = r
            .verdict
            .map(str::to_owned)
            .or_else(|| r.date.clone())
            .or_else(|| r.kind.map(str::to_owned))
            .map(|d| format!("{} ({d})", r.tag))
            .unwrap_or_else(|| r.tag.to_owned());
        rows.push([
            r.document.clone(),
            format!("{}:{}", r.start, r.end),
            detail,
            r.status.to_owned(),
            r.review.to_owned(),
            match (&r.old_text, &r.new_text) {
                (Some(old), Some(new)) => {
                    // The words that changed, not the start of both sentences.
                    let (was, now) = crate::core::worddiff::change_summary(old, new, 22);
                    format!("{} → {}", one_line(&was, 40), one_line(&now, 40))
                }
                _ => one_line(&r.exact, 48),
            },
            one_line(&r.note, 40),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.extend(std::iter::repeat_n(' ', w - cell.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if let Some(r) = i.checked_sub(1).and_then(|k| records.get(k)) {
            for detail in detail_lines(&r.links, &r.evidence) {
                out.push_str(&detail);
                out.push('\n');
            }
        }
    }
    if records.is_empty() {
        out = "no annotations\n".to_owned();
    }
    out
}
