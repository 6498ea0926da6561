//! `factmark evidence`: adds an evidence item to a claim or quote (with an archived copy and a
//! local snapshot whose hash is recorded), removes one, or lists them.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::{DateTime, NaiveDate, SubsecRound as _, Utc};
use clap::Args;

use super::prefix::find_by_id;
use super::relations::evidence_record;
use super::review::{document_path, resolve_id};
use super::{Outcome, print_out};
use crate::core::annotation::{DateValue, TagKind};
use crate::core::edit::{Command, History};
use crate::core::evidence::{Evidence, Stance, is_web_url};
use crate::store::Session;
use crate::store::snapshot::attach;

/// Arguments of `factmark evidence`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  factmark evidence article.txt 3f6e0c2a --url https://stats.example.org/q1 --stance refutes \\\n      --title \"Q1 labour survey\" --published 2024-04-30 \\\n      --archived https://web.archive.org/web/2024/https://stats.example.org/q1 --snapshot sources/q1.pdf\n  factmark evidence article.txt 3f6e0c2a                       (list the items)\n  factmark evidence article.txt 3f6e0c2a --remove 7c2e9d10\n\n\
ANNOTATION is a claim or a quote: its id as `factmark list` prints it, or its first 8 or more \
hex digits when unique. With --url an item is added at the end and its id printed. --stance \
defaults to context (background that settles nothing), so an item is never counted for or \
against a claim by accident. --consulted defaults to now. --snapshot records a saved copy of \
the page (a file, not a folder, FIFO or device) by its path relative to the sidecar and its \
SHA-256; `factmark check` reports it if it changes or goes missing. --url and --archived must \
be http:// or https:// addresses. Free-text values (--title, --publisher, --excerpt, --note) \
may begin with a hyphen. Without --url or --remove the items are listed. Errors are exit \
code 2, and nothing is written."
)]
pub struct EvidenceArgs {
    /// The document (or its sidecar).
    pub doc: PathBuf,
    /// The claim or quote (id or unique prefix).
    pub annotation: String,
    /// Add an item for this source address (http:// or https://).
    #[arg(long, conflicts_with = "remove")]
    pub url: Option<String>,
    /// The source's title.
    #[arg(long, requires = "url", allow_hyphen_values = true)]
    pub title: Option<String>,
    /// Who published it.
    #[arg(long, requires = "url", allow_hyphen_values = true)]
    pub publisher: Option<String>,
    /// Its own date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, requires = "url", value_parser = parse_published)]
    pub published: Option<DateValue>,
    /// When you read it: RFC 3339 or YYYY-MM-DD (UTC midnight); default now.
    #[arg(long, requires = "url", value_parser = parse_consulted)]
    pub consulted: Option<DateTime<Utc>>,
    /// An archived copy's address (http:// or https://).
    #[arg(long, requires = "url")]
    pub archived: Option<String>,
    /// A saved copy of the source to record by path and SHA-256.
    #[arg(long, requires = "url")]
    pub snapshot: Option<PathBuf>,
    /// supports, refutes or context (default context).
    #[arg(long, requires = "url")]
    pub stance: Option<Stance>,
    /// A passage quoted from the source.
    #[arg(long, requires = "url", allow_hyphen_values = true)]
    pub excerpt: Option<String>,
    /// A note.
    #[arg(long, requires = "url", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Remove the item with this id (or unique prefix).
    #[arg(long)]
    pub remove: Option<String>,
}

fn parse_published(s: &str) -> Result<DateValue, String> {
    DateValue::parse(s).map_err(|e| e.to_string())
}

fn parse_consulted(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| {
            format!("{s:?} is not a time; write RFC 3339 (2024-05-03T14:00:00Z) or YYYY-MM-DD")
        })
}

pub fn run(args: EvidenceArgs) -> anyhow::Result<Outcome> {
    let doc = document_path(&args.doc)?;
    let mut session = Session::open(&doc)?;
    let name = doc.display().to_string();
    let id = resolve_id(session.annotations.as_slice(), &args.annotation)
        .with_context(|| name.clone())?;
    let Some(a) = session.annotations.get(id) else {
        bail!("{name}: no annotation has the id {id}");
    };
    let tag = a.tag.kind();
    let mut items = a.evidence.clone();
    let out = if let Some(url) = &args.url {
        if !matches!(tag, TagKind::Claim | TagKind::Quote) {
            bail!(
                "{name}: evidence goes on a claim or a quote, and {id} is {} {tag}",
                if tag.to_string().starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                }
            );
        }
        let item = new_item(&args, url, &session.sidecar_path)?;
        let out = format!("{}\n", item.id);
        items.push(item);
        out
    } else if let Some(given) = &args.remove {
        let gone = find_by_id(
            &items,
            given,
            "evidence item",
            |e| e.id.0,
            |e| format!("{}  {}", e.id, e.label()),
        )
        .with_context(|| format!("{name}: annotation {id}"))?
        .clone();
        items.retain(|e| e.id != gone.id);
        format!(
            "removed evidence {} ({}) from {tag} {id}\n",
            gone.id,
            gone.label()
        )
    } else {
        print_out(&listing(&session.sidecar_path, &items, tag, id))?;
        return Ok(Outcome::Ok);
    };
    let now = Utc::now().trunc_subsecs(0);
    History::default()
        .apply(
            &mut session.annotations,
            &session.text,
            &Command::SetEvidence(id, items),
            now,
        )
        .with_context(|| name.clone())?;
    session.save()?;
    print_out(&out)?;
    Ok(Outcome::Ok)
}

/// The item the flags describe, with its snapshot recorded for the sidecar at `sidecar`.
fn new_item(args: &EvidenceArgs, url: &str, sidecar: &Path) -> anyhow::Result<Evidence> {
    if !is_web_url(url) {
        bail!("--url {url:?} is not a web address; give one starting with http:// or https://");
    }
    if let Some(archived) = &args.archived
        && !is_web_url(archived)
    {
        bail!(
            "--archived {archived:?} is not a web address; give one starting with http:// or https://"
        );
    }
    let now = Utc::now().trunc_subsecs(0);
    let mut e = Evidence::new(url, args.stance.unwrap_or(Stance::Context), now);
    e.consulted = args.consulted.unwrap_or(now);
    e.title = args.title.clone().unwrap_or_default();
    e.publisher = args.publisher.clone().unwrap_or_default();
    e.published = args.published.clone();
    e.archived = args
        .archived
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    e.excerpt = args.excerpt.clone().unwrap_or_default();
    e.note = args.note.clone().unwrap_or_default();
    if let Some(file) = &args.snapshot {
        e.snapshot = Some(attach(sidecar, file).context("--snapshot")?);
    }
    Ok(e)
}

/// The items as text: one header line each, then the fields that are set, indented.
fn listing(
    sidecar: &Path,
    items: &[Evidence],
    tag: TagKind,
    id: crate::core::annotation::AnnotationId,
) -> String {
    if items.is_empty() {
        return format!("no evidence on {tag} {id}\n");
    }
    let mut out = String::new();
    for e in items {
        let r = evidence_record(e, sidecar);
        out.push_str(&format!("{}  {}  {}\n", r.id, r.stance, r.url));
        let mut field = |key: &str, value: &str| {
            if !value.trim().is_empty() {
                out.push_str(&format!("    {key}: {value}\n"));
            }
        };
        field("title", &r.title);
        field("publisher", &r.publisher);
        field("published", r.published.as_deref().unwrap_or_default());
        field("consulted", &r.consulted);
        field("archived", r.archived.as_deref().unwrap_or_default());
        if let Some(s) = &r.snapshot {
            field(
                "snapshot",
                &format!("{} ({}, sha256 {})", s.path, s.state, s.sha256),
            );
        }
        field("excerpt", &r.excerpt);
        field("note", &r.note);
    }
    out
}
