//! `factmark stats`: counts per tag, verdict, author, review status, anchoring status and
//! document.

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
    by_tag: Counts,
    by_verdict: Counts,
    by_author: BTreeMap<String, usize>,
    by_review: Counts,
    by_status: Counts,
    by_document: BTreeMap<String, usize>,
}

/// Counts in a fixed order (the order of the values' definitions), serialized as a map.
#[derive(Debug)]
struct Counts(Vec<(&'static str, usize)>);

impl Counts {
    fn zeroes(names: impl Iterator<Item = &'static str>) -> Self {
        Self(names.map(|n| (n, 0)).collect())
    }

    fn rows(&self) -> Vec<(String, usize)> {
        self.0.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn bump(&mut self, name: &str) {
        if let Some(entry) = self.0.iter_mut().find(|(n, _)| *n == name) {
            entry.1 += 1;
        }
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn count(docs: &[PathBuf], records: &[Record]) -> Stats {
    let mut s = Stats {
        documents: docs.len(),
        annotations: records.len(),
        by_tag: Counts::zeroes(TagKind::ALL.iter().map(|t| t.as_str())),
        by_verdict: Counts::zeroes(Verdict::ALL.iter().map(|t| t.as_str())),
        by_author: BTreeMap::new(),
        by_review: Counts::zeroes(ReviewStatus::ALL.iter().map(|t| t.as_str())),
        by_status: Counts::zeroes(AnchorStatus::ALL.iter().map(|t| t.as_str())),
        by_document: docs.iter().map(|d| (d.display().to_string(), 0)).collect(),
    };
    for r in records {
        s.by_tag.bump(r.tag);
        if let Some(v) = r.verdict {
            s.by_verdict.bump(v);
        }
        *s.by_author.entry(r.author.clone()).or_default() += 1;
        s.by_review.bump(r.review);
        s.by_status.bump(r.status);
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
        "{} in {}\n",
        crate::core::text::plural(s.annotations, "annotation", "annotations"),
        crate::core::text::plural(s.documents, "document", "documents")
    );
    let sections: [(&str, Vec<(String, usize)>); 6] = [
        ("tag", s.by_tag.rows()),
        ("verdict (claims)", s.by_verdict.rows()),
        (
            "author",
            s.by_author.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        ),
        ("review", s.by_review.rows()),
        ("anchoring", s.by_status.rows()),
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
