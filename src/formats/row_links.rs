//! Links and evidence as flat records, shared by JSON Lines (arrays `links` and `evidence` on
//! each annotation's line) and CSV (the files `NAME.links.csv` and `NAME.evidence.csv`
//! beside `NAME.csv`). Every key is always present, `null` (or an empty cell) when unknown.

use serde::Serialize;

use super::relations::DocLink;
use super::row::{Row, rfc3339};
use crate::core::evidence::Evidence;

/// One link, from the annotation holding it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRecord {
    /// The link id.
    pub id: String,
    /// attributed-to, about, dated, same-claim, contradicts, or the user's own kind.
    pub kind: String,
    /// The id of the annotation it points to.
    pub to: String,
    /// That annotation's tag.
    pub to_tag: &'static str,
    /// That annotation's text.
    pub to_exact: String,
    /// Who made the link.
    pub author: String,
    /// When (RFC 3339, UTC).
    pub created: String,
    /// Its note (empty when none).
    pub note: String,
}

impl LinkRecord {
    /// The record of one link.
    pub fn new(l: &DocLink<'_>) -> Self {
        Self {
            id: l.link.id.to_string(),
            kind: l.link.kind.as_str().to_owned(),
            to: l.to.id.to_string(),
            to_tag: l.to.tag.kind().as_str(),
            to_exact: l.to.exact.clone(),
            author: l.link.author.clone(),
            created: rfc3339(l.link.created),
            note: l.link.note.clone(),
        }
    }
}

/// The columns of `NAME.links.csv`.
pub const LINK_COLUMNS: [&str; 12] = [
    "document",
    "from",
    "from_tag",
    "from_exact",
    "kind",
    "to",
    "to_tag",
    "to_exact",
    "link_id",
    "author",
    "created",
    "note",
];

/// The cells of a link's row in `NAME.links.csv`, from the row of the annotation holding it.
pub fn link_cells(from: &Row, r: &LinkRecord) -> [String; 12] {
    [
        from.document.clone(),
        from.id.clone(),
        from.tag.to_owned(),
        from.exact.clone(),
        r.kind.clone(),
        r.to.clone(),
        r.to_tag.to_owned(),
        r.to_exact.clone(),
        r.id.clone(),
        r.author.clone(),
        r.created.clone(),
        r.note.clone(),
    ]
}

/// One evidence item.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRecord {
    /// The evidence id.
    pub id: String,
    /// supports, refutes or context.
    pub stance: &'static str,
    /// Where the source is published.
    pub url: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// Its own date (`2024-05-03`, `2024-05`, `2024`).
    pub published: Option<String>,
    /// When the fact-checker read it (RFC 3339, UTC).
    pub consulted: String,
    /// An archived copy's URL.
    pub archived: Option<String>,
    /// A local copy, relative to the sidecar's folder.
    pub snapshot_path: Option<String>,
    /// SHA-256 of that copy (lowercase hex).
    pub snapshot_sha256: Option<String>,
    /// A passage quoted from the source.
    pub excerpt: Option<String>,
    /// Free-text note.
    pub note: Option<String>,
}

impl EvidenceRecord {
    /// The record of one item.
    pub fn new(e: &Evidence) -> Self {
        let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        Self {
            id: e.id.to_string(),
            stance: e.stance.as_str(),
            url: some(&e.url),
            title: some(&e.title),
            publisher: some(&e.publisher),
            published: e.published.as_ref().map(|d| d.as_str().to_owned()),
            consulted: rfc3339(e.consulted),
            archived: some(&e.archived),
            snapshot_path: e.snapshot.as_ref().map(|s| s.path.clone()),
            snapshot_sha256: e.snapshot.as_ref().map(|s| s.sha256.clone()),
            excerpt: some(&e.excerpt),
            note: some(&e.note),
        }
    }
}

/// The columns of `NAME.evidence.csv`.
pub const EVIDENCE_COLUMNS: [&str; 17] = [
    "document",
    "annotation",
    "tag",
    "exact",
    "position",
    "evidence_id",
    "stance",
    "url",
    "title",
    "publisher",
    "published",
    "consulted",
    "archived",
    "snapshot_path",
    "snapshot_sha256",
    "excerpt",
    "note",
];

/// The cells of an evidence item's row in `NAME.evidence.csv`; `position` counts from 1 in
/// the annotation's order.
pub fn evidence_cells(a: &Row, position: usize, r: &EvidenceRecord) -> [String; 17] {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        a.document.clone(),
        a.id.clone(),
        a.tag.to_owned(),
        a.exact.clone(),
        position.to_string(),
        r.id.clone(),
        r.stance.to_owned(),
        o(&r.url),
        o(&r.title),
        o(&r.publisher),
        o(&r.published),
        r.consulted.clone(),
        o(&r.archived),
        o(&r.snapshot_path),
        o(&r.snapshot_sha256),
        o(&r.excerpt),
        o(&r.note),
    ]
}
