//! `factmark claims`: the same claim across a folder's documents. Lists the groups of claims
//! that say the same thing (conflicting verdicts first), every claim with its group for
//! engines such as DuckDB or Spark (`--format jsonl`), or the rated claims closest to a text
//! (`--match`).

use std::path::PathBuf;

use anyhow::bail;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::parallel::par_map;
use super::{Outcome, discover, print_out};
use crate::core::register::{ClaimGroup, ClaimRegister, Member};
use crate::store::read::read_sidecar;
use crate::store::sidecar::sidecar_path;

/// Output formats of `factmark claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ClaimsFormat {
    /// Aligned lines for people.
    #[default]
    Table,
    /// One JSON document.
    Json,
    /// RFC 4180 CSV with a header row, one row per claim.
    Csv,
    /// One JSON object per line, one line per claim, with its group.
    Jsonl,
}

/// Arguments of `factmark claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Folders, documents or sidecars.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ClaimsFormat,
    /// Find the rated claims closest to this text instead of listing groups.
    #[arg(long = "match", value_name = "TEXT", allow_hyphen_values = true)]
    pub matching: Option<String>,
    /// With --match, at most this many claims.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// List claims found in one document only, too (table, json and csv list only groups of
    /// two or more by default; jsonl always lists every claim).
    #[arg(long)]
    pub all: bool,
}

/// One claim as printed.
#[derive(Debug, Serialize)]
struct Row<'a> {
    group: String,
    document: &'a str,
    id: String,
    text: &'a str,
    verdict: &'static str,
    review: &'static str,
    evidence: usize,
}

/// One group as printed.
#[derive(Debug, Serialize)]
struct GroupOut<'a> {
    group: String,
    documents: usize,
    conflicting: bool,
    verdicts: Vec<&'static str>,
    members: Vec<Row<'a>>,
}

/// A close claim as printed.
#[derive(Debug, Serialize)]
struct MatchOut<'a> {
    same: bool,
    /// When not the same claim, why: numbers, negation, names or words.
    #[serde(skip_serializing_if = "Option::is_none")]
    differs: Option<&'static str>,
    similarity: f64,
    group: String,
    document: &'a str,
    id: String,
    text: &'a str,
    verdict: &'static str,
    review: &'static str,
    evidence: usize,
}

/// Runs `factmark claims`.
pub fn run(args: ClaimsArgs) -> anyhow::Result<Outcome> {
    let docs = discover::documents(&args.paths)?;
    let read = par_map(&docs, |doc| read_sidecar(&sidecar_path(doc)));
    let mut failed = 0;
    let mut loaded = Vec::new();
    for (i, r) in read.into_iter().enumerate() {
        match r {
            Ok(Some(l)) => loaded.push((i, l.sidecar.annotations)),
            Ok(None) => {}
            Err(e) => {
                eprintln!("factmark: error: {e}");
                failed += 1;
            }
        }
    }
    let mut register = ClaimRegister::default();
    register.rebuild(loaded.iter().map(|(i, a)| (*i, a.as_slice())));
    let names: Vec<String> = docs.iter().map(|d| d.display().to_string()).collect();
    let out = match &args.matching {
        Some(text) => matches(&register, &names, text, args.limit, args.format)?,
        None => groups(&register, &names, args.format, args.all)?,
    };
    print_out(&out)?;
    if failed > 0 {
        bail!("{failed} of {} documents could not be read", docs.len());
    }
    Ok(Outcome::Ok)
}

fn row<'a>(group: &ClaimGroup, m: &'a Member, names: &'a [String]) -> Row<'a> {
    Row {
        group: group.id(),
        document: names.get(m.doc).map_or("", String::as_str),
        id: m.id.to_string(),
        text: &m.exact,
        verdict: m.verdict.as_str(),
        review: m.review.as_str(),
        evidence: m.evidence,
    }
}

fn groups(
    register: &ClaimRegister,
    names: &[String],
    format: ClaimsFormat,
    all: bool,
) -> anyhow::Result<String> {
    let shown: Vec<&ClaimGroup> = register
        .groups()
        .into_iter()
        .filter(|g| all || format == ClaimsFormat::Jsonl || g.members.len() > 1)
        .collect();
    Ok(match format {
        ClaimsFormat::Jsonl => {
            let mut out = String::new();
            for g in &shown {
                for m in &g.members {
                    out.push_str(&serde_json::to_string(&row(g, m, names))?);
                    out.push('\n');
                }
            }
            out
        }
        ClaimsFormat::Json => {
            let list: Vec<GroupOut<'_>> = shown
                .iter()
                .map(|g| GroupOut {
                    group: g.id(),
                    documents: g.documents(),
                    conflicting: g.conflicting(),
                    verdicts: g.verdicts().iter().map(|v| v.as_str()).collect(),
                    members: g.members.iter().map(|m| row(g, m, names)).collect(),
                })
                .collect();
            serde_json::to_string_pretty(&serde_json::json!({
                "claims": register.len(),
                "groups": list,
            }))? + "\n"
        }
        ClaimsFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "group", "document", "id", "verdict", "review", "evidence", "text",
            ])?;
            for g in &shown {
                for m in &g.members {
                    let r = row(g, m, names);
                    w.write_record([
                        r.group.as_str(),
                        r.document,
                        &r.id,
                        r.verdict,
                        r.review,
                        &r.evidence.to_string(),
                        &super::record::spreadsheet_safe(r.text),
                    ])?;
                }
            }
            String::from_utf8(w.into_inner()?)?
        }
        ClaimsFormat::Table => {
            let mut out = format!(
                "{} claims, {} repeated in more than one place\n",
                register.len(),
                register
                    .groups()
                    .iter()
                    .filter(|g| g.members.len() > 1)
                    .count()
            );
            for g in &shown {
                let verdicts: Vec<&str> = g.verdicts().iter().map(|v| v.as_str()).collect();
                out.push_str(&format!(
                    "\ngroup {} — {} in {}; verdicts: {}{}\n",
                    short(&g.id()),
                    crate::core::text::plural(g.members.len(), "claim", "claims"),
                    crate::core::text::plural(g.documents(), "document", "documents"),
                    if verdicts.is_empty() {
                        "none yet".to_owned()
                    } else {
                        verdicts.join(", ")
                    },
                    if g.conflicting() {
                        " (CONFLICTING)"
                    } else {
                        ""
                    }
                ));
                let width = g
                    .members
                    .iter()
                    .map(|m| names.get(m.doc).map_or(0, |n| n.chars().count()))
                    .max()
                    .unwrap_or(0);
                for m in &g.members {
                    let r = row(g, m, names);
                    out.push_str(&format!(
                        "  {:<width$}  {}  {:<12}  {}\n",
                        r.document,
                        short(&r.id),
                        r.verdict,
                        super::record::one_line(r.text, 90)
                    ));
                }
            }
            out
        }
    })
}

fn matches(
    register: &ClaimRegister,
    names: &[String],
    text: &str,
    limit: usize,
    format: ClaimsFormat,
) -> anyhow::Result<String> {
    let found: Vec<MatchOut<'_>> = register
        .closest_why(text, limit)
        .into_iter()
        .map(|(m, similarity, differs)| MatchOut {
            same: differs.is_none(),
            differs,
            similarity: (similarity * 1000.0).round() / 1000.0,
            group: register
                .group_of(m.id)
                .map(ClaimGroup::id)
                .unwrap_or_default(),
            document: names.get(m.doc).map_or("", String::as_str),
            id: m.id.to_string(),
            text: &m.exact,
            verdict: m.verdict.as_str(),
            review: m.review.as_str(),
            evidence: m.evidence,
        })
        .collect();
    Ok(match format {
        ClaimsFormat::Json => serde_json::to_string_pretty(&found)? + "\n",
        ClaimsFormat::Jsonl => {
            let mut out = String::new();
            for f in &found {
                out.push_str(&serde_json::to_string(f)?);
                out.push('\n');
            }
            out
        }
        ClaimsFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "same",
                "similarity",
                "group",
                "document",
                "id",
                "verdict",
                "text",
            ])?;
            for f in &found {
                w.write_record([
                    &f.same.to_string(),
                    &f.similarity.to_string(),
                    &f.group,
                    f.document,
                    &f.id,
                    f.verdict,
                    &super::record::spreadsheet_safe(f.text),
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        ClaimsFormat::Table => {
            if found.is_empty() {
                return Ok("no rated claim is close to this text\n".to_owned());
            }
            let mut out = String::new();
            for f in &found {
                let what = match f.differs {
                    None => "same claim           ".to_owned(),
                    Some(why) => format!("close, other {why:<8}"),
                };
                out.push_str(&format!(
                    "{}  {:.2}  {}  {}  {:<12}  {}\n",
                    what,
                    f.similarity,
                    f.document,
                    short(&f.id),
                    f.verdict,
                    super::record::one_line(f.text, 80)
                ));
            }
            out
        }
    })
}

/// The first block of an id, enough to tell claims apart on screen.
fn short(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}
