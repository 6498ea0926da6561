//! The links and evidence of one annotation as `list` and `check` print them: flat records
//! with each link's target (or that it is gone) and each snapshot's state on disk now.

use std::path::Path;

use serde::Serialize;

use crate::core::annotation::Annotation;
use crate::core::evidence::Evidence;
use crate::core::link::Link;
use crate::store::snapshot::{SnapshotState, check};

/// One link stored on an annotation. Field names are part of the documented JSON schema.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRecord {
    /// The link id.
    pub id: String,
    /// attributed-to, about, dated, same-claim, contradicts, or a user's own kind.
    pub kind: String,
    /// The id of the annotation it points to.
    pub to: String,
    /// The target's text, or `None` when the target is gone.
    pub to_exact: Option<String>,
    /// Whether the target annotation no longer exists.
    pub dangling: bool,
    /// Who made it.
    pub author: String,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// The note.
    pub note: String,
}

/// A local snapshot of an evidence item and how it stands now.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotRecord {
    /// The file, relative to the sidecar's folder.
    pub path: String,
    /// Its SHA-256 when attached.
    pub sha256: String,
    /// unchanged, changed, missing or unreadable.
    pub state: &'static str,
    /// For a changed file, its SHA-256 now.
    pub found: Option<String>,
    /// For an unreadable file, why.
    pub error: Option<String>,
}

/// One evidence item of a claim or quote.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRecord {
    /// The evidence id.
    pub id: String,
    /// The source's address.
    pub url: String,
    /// Its title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Its own date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub published: Option<String>,
    /// When it was consulted (RFC 3339, UTC).
    pub consulted: String,
    /// An archived copy's address.
    pub archived: Option<String>,
    /// A local copy.
    pub snapshot: Option<SnapshotRecord>,
    /// supports, refutes or context.
    pub stance: &'static str,
    /// A passage quoted from the source.
    pub excerpt: String,
    /// The note.
    pub note: String,
}

impl EvidenceRecord {
    /// Whether its snapshot, if any, is not as attached.
    pub fn snapshot_problem(&self) -> Option<&SnapshotRecord> {
        self.snapshot.as_ref().filter(|s| s.state != "unchanged")
    }
}

/// An RFC 3339 timestamp in UTC, as every record prints them.
pub fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// The links stored on `a`, with their targets looked up among `all`.
pub fn link_records(a: &Annotation, all: &[Annotation]) -> Vec<LinkRecord> {
    a.links.iter().map(|l| link_record(l, all)).collect()
}

fn link_record(l: &Link, all: &[Annotation]) -> LinkRecord {
    let target = all.iter().find(|x| x.id == l.to);
    LinkRecord {
        id: l.id.to_string(),
        kind: l.kind.to_string(),
        to: l.to.to_string(),
        to_exact: target.map(|t| t.exact.clone()),
        dangling: target.is_none(),
        author: l.author.clone(),
        created: rfc3339(l.created),
        note: l.note.clone(),
    }
}

/// The evidence of `a`, with each snapshot checked against the file beside `sidecar`.
pub fn evidence_records(a: &Annotation, sidecar: &Path) -> Vec<EvidenceRecord> {
    a.evidence
        .iter()
        .map(|e| evidence_record(e, sidecar))
        .collect()
}

/// One evidence item, its snapshot checked against the file beside `sidecar`.
pub fn evidence_record(e: &Evidence, sidecar: &Path) -> EvidenceRecord {
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
    EvidenceRecord {
        id: e.id.to_string(),
        url: e.url.clone(),
        title: e.title.clone(),
        publisher: e.publisher.clone(),
        published: e.published.as_ref().map(|d| d.to_string()),
        consulted: rfc3339(e.consulted),
        archived: non_empty(&e.archived),
        snapshot: e.snapshot.as_ref().map(|s| {
            let state = check(sidecar, s);
            let (found, error) = match &state {
                SnapshotState::Changed { found } => (Some(found.clone()), None),
                SnapshotState::Unreadable(why) => (None, Some(why.clone())),
                _ => (None, None),
            };
            SnapshotRecord {
                path: s.path.clone(),
                sha256: s.sha256.clone(),
                state: state_name(&state),
                found,
                error,
            }
        }),
        stance: e.stance.as_str(),
        excerpt: e.excerpt.clone(),
        note: e.note.clone(),
    }
}

/// The one-word name of a snapshot state in the JSON output.
pub fn state_name(state: &SnapshotState) -> &'static str {
    match state {
        SnapshotState::Unchanged => "unchanged",
        SnapshotState::Changed { .. } => "changed",
        SnapshotState::Missing => "missing",
        SnapshotState::Unreadable(_) => "unreadable",
    }
}

/// The indented lines under an annotation's row in a table: one per link and evidence item.
pub fn detail_lines(links: &[LinkRecord], evidence: &[EvidenceRecord]) -> Vec<String> {
    use crate::core::text::one_line;
    let short = |id: &str| id.chars().take(8).collect::<String>();
    let mut out = Vec::new();
    for l in links {
        let target = match &l.to_exact {
            Some(t) => format!("{:?}", one_line(t, 40)),
            None => "(gone: dangling link)".to_owned(),
        };
        out.push(format!(
            "  → {} {} {target}  [link {}]",
            l.kind,
            short(&l.to),
            short(&l.id)
        ));
    }
    for e in evidence {
        let label = if e.title.trim().is_empty() {
            e.url.clone()
        } else {
            format!("{} <{}>", one_line(&e.title, 40), e.url)
        };
        let mut line = format!("  ● {} {label}", e.stance);
        if e.archived.is_some() {
            line.push_str(" (archived)");
        }
        if let Some(s) = &e.snapshot {
            line.push_str(&format!(" snapshot {} ({})", s.path, s.state));
        }
        line.push_str(&format!("  [evidence {}]", short(&e.id)));
        out.push(line);
    }
    out
}
