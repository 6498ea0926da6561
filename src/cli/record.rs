//! The flat, stable record of one annotation that `list` and `check` print as JSON, CSV or a
//! table, and the loading of documents into such records.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::parallel::par_map;
use super::relations::{EvidenceRecord, LinkRecord, evidence_records, link_records, rfc3339};
use crate::core::anchor::{AnchorStatus, Anchoring};
use crate::core::annotation::{Annotation, Tag};
use crate::core::corrections::{date_follow, is_rated_claim, needs_recheck};
use crate::store::Session;

/// One annotation, flattened. Field names and meanings are part of the documented JSON schema.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The document's path, as given or found.
    pub document: String,
    /// The annotation id.
    pub id: String,
    /// claim, quote, date or entity.
    pub tag: &'static str,
    /// Current start (chars), after anchoring; the stored one when not anchored.
    pub start: usize,
    /// Current end (chars, exclusive).
    pub end: usize,
    /// The annotated text as stored.
    pub exact: String,
    /// Context before, as stored.
    pub prefix: String,
    /// Context after, as stored.
    pub suffix: String,
    /// The note.
    pub note: String,
    /// exact, moved, changed, fuzzy, ambiguous or orphaned.
    pub status: &'static str,
    /// Anchoring confidence, 0 to 1.
    pub score: f64,
    /// For changed and fuzzy annotations, the text now found.
    pub found: Option<String>,
    /// For changed annotations (a text replaced in place): the text before the correction.
    pub old_text: Option<String>,
    /// For changed annotations: the text after the correction (its span is start/end).
    pub new_text: Option<String>,
    /// For changed dates whose value was read from the text: the value read from the new text
    /// (what accepting the correction gives; null if it cannot be read).
    pub date_now: Option<String>,
    /// Whether this is a rated claim whose text changed since it was rated: changed now, or
    /// accepted and awaiting a new rating (review needs-work).
    pub recheck: bool,
    /// unreviewed, accepted, rejected or needs-work.
    pub review: &'static str,
    /// Who reviewed it.
    pub reviewer: Option<String>,
    /// When it was reviewed (RFC 3339, UTC).
    pub reviewed: Option<String>,
    /// The reviewer's comment.
    pub review_comment: Option<String>,
    /// Who created it.
    pub author: String,
    /// When it was created (RFC 3339, UTC).
    pub created: String,
    /// When it last changed (RFC 3339, UTC).
    pub modified: String,
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
    /// The links stored on this annotation (outgoing), in stored order.
    pub links: Vec<LinkRecord>,
    /// Claims and quotes: the evidence, in order, with each snapshot's state now.
    pub evidence: Vec<EvidenceRecord>,
    #[serde(skip)]
    /// The anchoring status, typed.
    pub status_kind: AnchorStatus,
}

impl Record {
    /// Flattens an annotation of `document` with its anchoring result.
    pub fn new(document: &Path, a: &Annotation, anchoring: &Anchoring) -> Self {
        let changed = anchoring
            .found
            .as_deref()
            .filter(|_| anchoring.status == AnchorStatus::Changed);
        let (mut verdict, mut claimant, mut speaker, mut date, mut kind, mut identifier) =
            (None, None, None, None, None, None);
        match &a.tag {
            Tag::Claim {
                verdict: v,
                claimant: c,
            } => (verdict, claimant) = (Some(v.as_str()), c.clone()),
            Tag::Quote { speaker: s } => speaker = s.clone(),
            Tag::Date { value } => date = value.as_ref().map(|d| d.to_string()),
            Tag::Entity {
                kind: k,
                identifier: i,
            } => (kind, identifier) = (Some(k.as_str()), i.clone()),
        }
        Self {
            document: document.display().to_string(),
            id: a.id.to_string(),
            tag: a.tag.kind().as_str(),
            start: anchoring.start,
            end: anchoring.end,
            exact: a.exact.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            note: a.note.clone(),
            status: anchoring.status.as_str(),
            score: anchoring.score,
            found: anchoring.found.clone(),
            old_text: changed.map(|_| a.exact.clone()),
            new_text: changed.map(str::to_owned),
            date_now: changed
                .and_then(|new| date_follow(a, new))
                .and_then(|(_, to)| to.map(|d| d.to_string())),
            recheck: needs_recheck(a) || (changed.is_some() && is_rated_claim(a)),
            review: a.review.status.as_str(),
            reviewer: a.review.by.clone(),
            reviewed: a.review.at.map(rfc3339),
            review_comment: a.review.comment.clone(),
            author: a.author.clone(),
            created: rfc3339(a.created),
            modified: rfc3339(a.modified),
            verdict,
            claimant,
            speaker,
            date,
            kind,
            identifier,
            links: Vec::new(),
            evidence: Vec::new(),
            status_kind: anchoring.status,
        }
    }

    /// Whether the annotation has a snapshot that is not as attached or a link whose target
    /// is gone.
    pub fn has_relation_problems(&self) -> bool {
        self.links.iter().any(|l| l.dangling)
            || self.evidence.iter().any(|e| e.snapshot_problem().is_some())
    }
}

/// The records of a session's annotations, with their anchoring results, links and evidence.
pub fn records_of(doc: &Path, session: &Session, anchored: &[Anchoring]) -> Vec<Record> {
    let all = session.annotations.as_slice();
    all.iter()
        .zip(anchored)
        .map(|(a, r)| Record {
            links: link_records(a, all),
            evidence: evidence_records(a, &session.sidecar_path),
            ..Record::new(doc, a, r)
        })
        .collect()
}

/// Loads each document, anchors its annotations and flattens them, in document then sidecar
/// order. Documents are loaded in parallel on all cores; the output order and the error
/// messages do not depend on it. Documents that fail to load are reported on stderr (in
/// document order) and counted in the second value; recorded merge conflicts are a warning.
pub fn load_records(docs: &[PathBuf]) -> (Vec<Record>, usize) {
    let loaded = par_map(docs, |doc| {
        Session::open(doc).map(|session| {
            let anchored = session.anchor();
            let records = records_of(doc, &session, &anchored);
            (records, session.conflicts.len(), session.sidecar_path)
        })
    });
    let mut records = Vec::with_capacity(loaded.iter().flatten().map(|(r, ..)| r.len()).sum());
    let mut failed = 0;
    for result in loaded {
        match result {
            Ok((rs, conflicts, sidecar)) => {
                if conflicts > 0 {
                    eprintln!(
                        "factmark: warning: {}: {conflicts} merge conflict{} recorded (both sides changed the same field; the annotation holds one value, the record both); open the document in the factmark window to choose",
                        sidecar.display(),
                        if conflicts == 1 { "" } else { "s" }
                    );
                }
                records.extend(rs);
            }
            Err(e) => {
                eprintln!("factmark: error: {e}");
                failed += 1;
            }
        }
    }
    (records, failed)
}

/// Makes a CSV cell safe to open in a spreadsheet (shared with `export --format csv`).
pub use crate::formats::csv::spreadsheet_safe;

/// Shortens text to one line of at most `max` chars (shared with the window).
pub use crate::core::text::one_line;
