//! The flat row of one annotation shared by the CSV and JSON Lines exports: every field and
//! attribute in a fixed order, `null`/empty where an attribute does not apply.

use serde::Serialize;

use super::export_doc::{ExportAnnotation, ExportDoc};
use super::relations::exported_links;
use super::row_links::{EvidenceRecord, LinkRecord};
use super::warning::ExportWarning;
use crate::core::annotation::Tag;

/// One annotation, flattened. Field order is the CSV column order.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The document's path as given or found.
    pub document: String,
    /// The annotation id.
    pub id: String,
    /// claim, quote, date or entity.
    pub tag: &'static str,
    /// Start in code points (current span when anchored; the stored one otherwise).
    pub start: usize,
    /// End in code points, exclusive.
    pub end: usize,
    /// The annotated text.
    pub exact: String,
    /// Up to 32 chars before it.
    pub prefix: String,
    /// Up to 32 chars after it.
    pub suffix: String,
    /// The note.
    pub note: String,
    /// Claims: the verdict.
    pub verdict: Option<&'static str>,
    /// Claims: who made it.
    pub claimant: Option<String>,
    /// Quotes: who is quoted.
    pub speaker: Option<String>,
    /// Dates: the normalized value.
    pub date: Option<String>,
    /// Entities: the kind.
    pub kind: Option<&'static str>,
    /// Entities: a Wikidata QID or URL.
    pub identifier: Option<String>,
    /// Who created it.
    pub author: String,
    /// When it was created (RFC 3339, UTC).
    pub created: String,
    /// When it last changed (RFC 3339, UTC).
    pub modified: String,
    /// unreviewed, accepted, rejected or needs-work.
    pub review: &'static str,
    /// Who reviewed it.
    pub reviewer: Option<String>,
    /// When it was reviewed (RFC 3339, UTC).
    pub reviewed: Option<String>,
    /// The reviewer's comment.
    pub review_comment: Option<String>,
    /// Anchoring status in the current text: exact, moved, fuzzy, ambiguous or orphaned.
    pub status: &'static str,
    /// For a PDF: the page (1-based, as viewers count) where the annotation starts; `null`
    /// for other documents and for annotations not placed on the current text.
    pub page_start: Option<u32>,
    /// For a PDF: the page where it ends (the same as `page_start` unless it crosses a page
    /// break).
    pub page_end: Option<u32>,
    /// The links this annotation starts, in stored order (JSON Lines; CSV writes them to
    /// `NAME.links.csv`).
    pub links: Vec<LinkRecord>,
    /// Its evidence, in order (JSON Lines; CSV writes it to `NAME.evidence.csv`).
    pub evidence: Vec<EvidenceRecord>,
}

/// The CSV header, in field order.
pub const COLUMNS: [&str; 25] = [
    "document",
    "id",
    "tag",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "note",
    "verdict",
    "claimant",
    "speaker",
    "date",
    "kind",
    "identifier",
    "author",
    "created",
    "modified",
    "review",
    "reviewer",
    "reviewed",
    "review_comment",
    "status",
    "page_start",
    "page_end",
];

/// RFC 3339 in UTC, whole seconds unless the time has a fraction.
pub fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

impl Row {
    /// Flattens one annotation of `doc`.
    pub fn new(doc: &ExportDoc, p: &ExportAnnotation) -> Self {
        let a = &p.annotation;
        let mut row = Self {
            document: doc.path.clone(),
            id: a.id.to_string(),
            tag: a.tag.kind().as_str(),
            start: a.start,
            end: a.end,
            exact: a.exact.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            note: a.note.clone(),
            verdict: None,
            claimant: None,
            speaker: None,
            date: None,
            kind: None,
            identifier: None,
            author: a.author.clone(),
            created: rfc3339(a.created),
            modified: rfc3339(a.modified),
            review: a.review.status.as_str(),
            reviewer: a.review.by.clone(),
            reviewed: a.review.at.map(rfc3339),
            review_comment: a.review.comment.clone(),
            status: p.status.as_str(),
            page_start: None,
            page_end: None,
            links: Vec::new(),
            evidence: a.evidence.iter().map(EvidenceRecord::new).collect(),
        };
        if let Some((first, last)) = doc.page_range(p) {
            row.page_start = Some(first);
            row.page_end = Some(last);
        }
        match &a.tag {
            Tag::Claim { verdict, claimant } => {
                row.verdict = Some(verdict.as_str());
                row.claimant = claimant.clone();
            }
            Tag::Quote { speaker } => row.speaker = speaker.clone(),
            Tag::Date { value } => row.date = value.as_ref().map(|d| d.to_string()),
            Tag::Entity { kind, identifier } => {
                row.kind = Some(kind.as_str());
                row.identifier = identifier.clone();
            }
        }
        row
    }

    /// The cells in column order, `None` as empty.
    pub fn cells(&self) -> [String; 25] {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        [
            self.document.clone(),
            self.id.clone(),
            self.tag.to_owned(),
            self.start.to_string(),
            self.end.to_string(),
            self.exact.clone(),
            self.prefix.clone(),
            self.suffix.clone(),
            self.note.clone(),
            self.verdict.unwrap_or_default().to_owned(),
            o(&self.claimant),
            o(&self.speaker),
            o(&self.date),
            self.kind.unwrap_or_default().to_owned(),
            o(&self.identifier),
            self.author.clone(),
            self.created.clone(),
            self.modified.clone(),
            self.review.to_owned(),
            o(&self.reviewer),
            o(&self.reviewed),
            o(&self.review_comment),
            self.status.to_owned(),
            self.page_start.map(|p| p.to_string()).unwrap_or_default(),
            self.page_end.map(|p| p.to_string()).unwrap_or_default(),
        ]
    }
}

/// Every annotation of every document as rows, in document then annotation order, with the
/// links whose target is in the document (the others are reported as left out of `format`).
pub fn rows(docs: &[ExportDoc], format: &str, warnings: &mut Vec<ExportWarning>) -> Vec<Row> {
    let mut out = Vec::new();
    for d in docs {
        let links = exported_links(d, &|_| true, format, warnings);
        for p in &d.annotations {
            let mut row = Row::new(d, p);
            row.links = links
                .iter()
                .filter(|l| l.from.id == p.annotation.id)
                .map(LinkRecord::new)
                .collect();
            out.push(row);
        }
    }
    out
}
