//! `factmark history`: the corrections log of documents — each version of the text seen, and
//! what changed under each annotation and what was done about it.

use std::path::{Path, PathBuf};

use anyhow::bail;
use chrono::{DateTime, SubsecRound as _, Utc};
use clap::Args;
use serde::Serialize;

use super::report_format::ReportFormat;
use super::{Outcome, discover, print_out};
use crate::core::Annotation;
use crate::core::corrections::{ChangeRecord, CorrectionLog, recheck_note};
use crate::core::text::one_line;
use crate::store::Session;

/// Arguments of `factmark history`.
#[derive(Debug, Args)]
#[command(
    after_help = "The log is kept in the sidecar: each version of the document's text seen \
(its SHA-256 and when it was first seen), and for each annotation whose text changed \
(changed, fuzzy, ambiguous or orphaned) the old and new text, when it was noticed, in which \
version, and what was done: pending, accepted, auto-followed, reattached, deleted or \
superseded (a later version changed it again or gave the old text back). A date's value read \
again and a claim marked for re-check are shown with the decision.\n\n\
Changes in the current text that the sidecar does not record yet (the document changed since \
it was saved) are shown too, marked \"not saved\"; the window or `factmark check --write` \
records them. Nothing is written."
)]
pub struct HistoryArgs {
    /// Documents, sidecars or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

/// The history of one document. Field names are part of the documented JSON schema.
#[derive(Debug, Serialize)]
struct History {
    document: String,
    /// SHA-256 of the current text.
    current: String,
    versions: Vec<VersionJson>,
    changes: Vec<ChangeJson>,
}

#[derive(Debug, Serialize)]
struct VersionJson {
    /// 1 for the oldest.
    number: usize,
    sha256: String,
    chars: usize,
    /// When it was first seen (null: annotated before the log began).
    seen: Option<String>,
    current: bool,
}

#[derive(Debug, Serialize)]
struct ChangeJson {
    id: String,
    tag: &'static str,
    status: &'static str,
    old: String,
    new: Option<String>,
    /// The number of the version in which it was noticed.
    version: Option<usize>,
    noticed: String,
    action: &'static str,
    decided: Option<String>,
    date_from: Option<String>,
    date_to: Option<String>,
    recheck: bool,
    /// Whether a claim marked for re-check was rated again since (verdict picked or kept).
    rated_again: bool,
    /// False for a change found in the current text that the sidecar does not record yet.
    saved: bool,
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

pub fn run(args: HistoryArgs) -> anyhow::Result<Outcome> {
    let docs = discover::documents(&args.paths)?;
    let mut all = Vec::new();
    let mut failed = 0;
    for doc in &docs {
        match Session::open(doc) {
            Ok(session) => all.push(history(doc, &session)),
            Err(e) => {
                eprintln!("factmark: error: {e}");
                failed += 1;
            }
        }
    }
    let out = match args.format {
        ReportFormat::Json => {
            let mut s = if args.paths.len() == 1 && all.len() == 1 {
                serde_json::to_string_pretty(&all[0])?
            } else {
                serde_json::to_string_pretty(&all)?
            };
            s.push('\n');
            s
        }
        ReportFormat::Table => all.iter().map(text).collect::<Vec<_>>().join("\n"),
    };
    print_out(&out)?;
    if failed > 0 {
        bail!("{failed} of {} documents could not be read", docs.len());
    }
    Ok(Outcome::Ok)
}

/// The log of a document, with what the current text shows that it does not record yet.
fn history(doc: &Path, session: &Session) -> History {
    let mut log: CorrectionLog = session.corrections.clone();
    let saved = log.changes.len();
    let recorded = session
        .recorded
        .as_ref()
        .map(|d| (d.sha256.clone(), d.chars));
    let results = session.anchor();
    log.notice(
        recorded.as_ref().map(|(s, n)| (s.as_str(), *n)),
        &session.text,
        session.annotations.as_slice(),
        &results,
        Utc::now().trunc_subsecs(0),
    );
    let current = session.text.sha256().to_owned();
    let versions = log
        .versions
        .iter()
        .enumerate()
        .map(|(i, v)| VersionJson {
            number: i + 1,
            sha256: v.sha256.clone(),
            chars: v.chars,
            seen: v.seen.map(rfc3339),
            // A text seen again (a correction undone) is current only as the latest version.
            current: i + 1 == log.versions.len() && v.sha256 == current,
        })
        .collect();
    let changes = log
        .changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let now = session.annotations.get(c.id);
            change_json(&log, c, now, i < saved)
        })
        .collect();
    History {
        document: doc.display().to_string(),
        current,
        versions,
        changes,
    }
}

fn change_json(
    log: &CorrectionLog,
    c: &ChangeRecord,
    now: Option<&Annotation>,
    saved: bool,
) -> ChangeJson {
    let date = c.date.as_ref();
    ChangeJson {
        id: c.id.to_string(),
        tag: c.tag.as_str(),
        status: c.status.as_str(),
        old: c.old.clone(),
        new: c.new.clone(),
        version: log.version_of(c),
        noticed: rfc3339(c.noticed),
        action: c.action.as_str(),
        decided: c.decided.map(rfc3339),
        date_from: date.and_then(|d| d.from.as_ref()).map(|d| d.to_string()),
        date_to: date.and_then(|d| d.to.as_ref()).map(|d| d.to_string()),
        recheck: c.recheck,
        rated_again: recheck_note(c, now).is_some_and(|n| n.ends_with("rated again")),
        saved,
    }
}

/// The history as text for people.
fn text(h: &History) -> String {
    let mut out = format!("{}\n", h.document);
    if h.versions.is_empty() && h.changes.is_empty() {
        out.push_str("  no corrections: the text is the one annotated\n");
        return out;
    }
    out.push_str("versions of the text:\n");
    let mut rows = Vec::new();
    for v in &h.versions {
        rows.push(vec![
            format!("  v{}", v.number),
            v.sha256.chars().take(12).collect(),
            format!("{} chars", v.chars),
            match &v.seen {
                Some(t) => format!("first seen {}", short_time(t)),
                None => "annotated before the log began".to_owned(),
            },
            if v.current { "(current)" } else { "" }.to_owned(),
        ]);
    }
    out.push_str(&super::report_format::columns(&rows));
    out.push_str("changes:\n");
    if h.changes.is_empty() {
        out.push_str("  none under the annotations\n");
    }
    for c in &h.changes {
        let version = c
            .version
            .map_or_else(|| "v?".to_owned(), |v| format!("v{v}"));
        let what = match &c.new {
            Some(new) => {
                let (was, now_is) = crate::core::worddiff::change_summary(&c.old, new, 60);
                format!("“{}” → “{}”", one_line(&was, 160), one_line(&now_is, 160))
            }
            None => format!("“{}” (not found)", one_line(&c.old, 60)),
        };
        out.push_str(&format!(
            "  {}  {version}  {} {}  {}: {what}\n",
            short_time(&c.noticed),
            c.tag,
            &c.id[..8],
            c.status,
        ));
        let mut done = c.action.to_owned();
        if let Some(t) = &c.decided {
            done.push_str(&format!(" {}", short_time(t)));
        }
        if c.date_from.is_some() || c.date_to.is_some() {
            done.push_str(&format!(
                "; date {} → {}",
                c.date_from.as_deref().unwrap_or("none"),
                c.date_to.as_deref().unwrap_or("none")
            ));
        }
        if c.recheck {
            done.push_str("; verdict kept, marked needs-work for re-check");
            if c.rated_again {
                done.push_str(", since rated again");
            }
        }
        if !c.saved {
            done.push_str(" (not saved)");
        }
        out.push_str(&format!("      {done}\n"));
    }
    out
}

/// "2026-11-28 09:30 UTC" from an RFC 3339 time.
fn short_time(t: &str) -> String {
    DateTime::parse_from_rfc3339(t).map_or_else(
        |_| t.to_owned(),
        |d| {
            d.with_timezone(&Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        },
    )
}
