//! `factmark stats`: counts per tag, verdict, review status, anchoring status and document.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::bail;
use clap::Args;
use serde::Serialize;

use super::record::{Record, load_records};
use super::{Format, Outcome, discover, print_out};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{ReviewStatus, TagKind, Verdict};

/// Arguments of `factmark stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Documents, sidecars or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (table or json).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// The counts. Every known tag, verdict and status appears, with 0 where there are none.
#[derive(Debug, Serialize)]
struct Stats {
    documents: usize,
    annotations: usize,
    by_tag: BTreeMap<&'static str, usize>,
    by_verdict: BTreeMap<&'static str, usize>,
    by_review: BTreeMap<&'static str, usize>,
    by_status: BTreeMap<&'static str, usize>,
    by_document: BTreeMap<String, usize>,
}

fn zeroes(names: impl Iterator<Item = &'static str>) -> BTreeMap<&'static str, usize> {
    names.map(|n| (n, 0)).collect()
}

fn count(docs: &[PathBuf], records: &[Record]) -> Stats {
    let mut s = Stats {
        documents: docs.len(),
        annotations: records.len(),
        by_tag: zeroes(TagKind::ALL.iter().map(|t| t.as_str())),
        by_verdict: zeroes(Verdict::ALL.iter().map(|t| t.as_str())),
        by_review: zeroes(ReviewStatus::ALL.iter().map(|t| t.as_str())),
        by_status: zeroes(AnchorStatus::ALL.iter().map(|t| t.as_str())),
        by_document: docs.iter().map(|d| (d.display().to_string(), 0)).collect(),
    };
    for r in records {
        *s.by_tag.entry(r.tag).or_default() += 1;
        if let Some(v) = r.verdict {
            *s.by_verdict.entry(v).or_default() += 1;
        }
        *s.by_review.entry(r.review).or_default() += 1;
        *s.by_status.entry(r.status).or_default() += 1;
        *s.by_document.entry(r.document.clone()).or_default() += 1;
    }
    s
}

pub fn run(args: StatsArgs) -> anyhow::Result<Outcome> {
    let docs = discover::documents(&args.paths)?;
    let (records, failed) = load_records(&docs);
    let stats = count(&docs, &records);
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&stats)? + "\n",
        _ => table(&stats),
    };
    print_out(&out)?;
    if failed > 0 {
        bail!("{failed} of {} documents could not be read", docs.len());
    }
    Ok(Outcome::Ok)
}

fn table(s: &Stats) -> String {
    let mut out = format!(
        "{} annotations in {} documents\n",
        s.annotations, s.documents
    );
    let sections: [(&str, Vec<(String, usize)>); 5] = [
        (
            "tag",
            s.by_tag.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        ),
        (
            "verdict (claims)",
            s.by_verdict
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
        ),
        (
            "review",
            s.by_review
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
        ),
        (
            "anchoring",
            s.by_status
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
        ),
        (
            "document",
            s.by_document.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        ),
    ];
    for (title, rows) in sections {
        out.push_str(&format!("\n{title}:\n"));
        let width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (k, v) in rows {
            let pad = width - k.chars().count();
            out.push_str(&format!("  {k}{}  {v:>6}\n", " ".repeat(pad)));
        }
    }
    out
}
