//! `factmark check`: whether every annotation still sits on its text.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::list::render;
use super::record::load_records;
use super::{Format, Outcome, discover, print_out};
use crate::core::anchor::AnchorStatus;

/// Arguments of `factmark check`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 when every annotation is exact, 1 when any is moved, \
fuzzy, ambiguous or orphaned, 2 on errors. The JSON output has the schema of `list`, where \
start/end are the current positions."
)]
pub struct CheckArgs {
    /// Documents, sidecars or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (table or json).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    let docs = discover::documents(&args.paths)?;
    let (records, failed) = load_records(&docs);
    let problems: Vec<_> = records
        .iter()
        .filter(|r| r.status_kind != AnchorStatus::Exact)
        .cloned()
        .collect();
    match args.format {
        super::Format::Table => {
            let mut out = render(&problems, args.format)?;
            if problems.is_empty() {
                out = String::new();
            }
            out.push_str(&format!(
                "{} annotations in {} documents: {}\n",
                records.len(),
                docs.len(),
                summary(&records)
            ));
            print_out(&out)?;
        }
        other => print_out(&render(&records, other)?)?,
    }
    if failed > 0 {
        bail!("{failed} of {} documents could not be read", docs.len());
    }
    Ok(if problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

fn summary(records: &[super::record::Record]) -> String {
    let parts: Vec<String> = AnchorStatus::ALL
        .iter()
        .filter_map(|s| {
            let n = records.iter().filter(|r| r.status_kind == *s).count();
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}
