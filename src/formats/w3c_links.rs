//! Links and evidence in W3C Web Annotation.
//!
//! - A link is an annotation of its own with `motivation` `linking`, the two annotations' IRIs
//!   (`urn:uuid:<factmark id>`, the ids the export gives annotations) as `target`, a
//!   `classifying` `TextualBody` naming the kind (`attributed-to`, …), a `commenting` body with
//!   its note, `creator` and `created`. JSON-LD lists of targets are unordered, so the
//!   annotation the link starts from is also named by `linkFrom` ([`LINK_FROM_IRI`]).
//! - Evidence items are `SpecificResource` bodies of the claim's (or quote's) annotation:
//!   `id` `urn:uuid:<evidence id>`, `source` the URL, `purpose` `linking`, and a `TimeState`
//!   `state` with `cached` the archived copy and `sourceDate` the time it was consulted. What
//!   the model has no term for is in factmark's terms, declared in the export's `@context`:
//!   `stance`, `sourceTitle`, `sourcePublisher`, `sourcePublished`, `excerpt`,
//!   `snapshotPath`, `snapshotSha256`, `evidenceNote`.
//!
//! Import reads both back.

use serde::Serialize;
use serde_json::Value;

use super::import::{Endpoint, IncomingLink};
use super::relations::DocLink;
use super::row::rfc3339;
use crate::core::annotation::{AnnotationId, DateValue};
use crate::core::evidence::{Evidence, EvidenceId, Snapshot, Stance};
use crate::core::link::LinkKind;

/// The IRI of the `linkFrom` term: the annotation a link starts from.
pub const LINK_FROM_IRI: &str = "urn:factmark:linkFrom";

/// factmark's terms for evidence and links, as `(term, IRI, whether its value is an IRI)`,
/// declared in the export's `@context`.
pub const TERMS: &[(&str, &str, bool)] = &[
    ("linkFrom", LINK_FROM_IRI, true),
    ("stance", "urn:factmark:stance", false),
    ("sourceTitle", "urn:factmark:sourceTitle", false),
    ("sourcePublisher", "urn:factmark:sourcePublisher", false),
    ("sourcePublished", "urn:factmark:sourcePublished", false),
    ("excerpt", "urn:factmark:excerpt", false),
    ("snapshotPath", "urn:factmark:snapshotPath", false),
    ("snapshotSha256", "urn:factmark:snapshotSha256", false),
    ("evidenceNote", "urn:factmark:evidenceNote", false),
];

/// A linking annotation.
#[derive(Serialize)]
pub struct LinkingAnnotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    creator: super::w3c::Agent,
    body: Vec<TextBody>,
    target: [String; 2],
    #[serde(rename = "linkFrom")]
    link_from: String,
}

#[derive(Serialize)]
struct TextBody {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

/// The IRI the export gives an annotation.
pub fn iri(id: AnnotationId) -> String {
    format!("urn:uuid:{id}")
}

/// The linking annotation of a link.
pub fn linking(l: &DocLink<'_>) -> LinkingAnnotation {
    let mut body = vec![TextBody {
        kind: "TextualBody",
        purpose: "classifying",
        value: l.link.kind.as_str().to_owned(),
    }];
    if !l.link.note.is_empty() {
        body.push(TextBody {
            kind: "TextualBody",
            purpose: "commenting",
            value: l.link.note.clone(),
        });
    }
    LinkingAnnotation {
        id: format!("urn:uuid:{}", l.link.id),
        kind: "Annotation",
        motivation: "linking",
        created: rfc3339(l.link.created),
        creator: super::w3c::Agent::person(&l.link.author),
        body,
        target: [iri(l.from.id), iri(l.to.id)],
        link_from: iri(l.from.id),
    }
}

/// An evidence body.
#[derive(Serialize)]
pub struct EvidenceBody {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    // The Web Annotation Data Model's `linking` purpose is "to link to a resource related to
    // the Target", which a source found for a claim is; `describing` and `commenting` are for
    // text about the target, `identifying` for the resource the target *is*.
    purpose: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    state: TimeState,
    stance: &'static str,
    #[serde(rename = "sourceTitle", skip_serializing_if = "String::is_empty")]
    title: String,
    #[serde(rename = "sourcePublisher", skip_serializing_if = "String::is_empty")]
    publisher: String,
    #[serde(rename = "sourcePublished", skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    excerpt: String,
    #[serde(rename = "snapshotPath", skip_serializing_if = "Option::is_none")]
    snapshot_path: Option<String>,
    #[serde(rename = "snapshotSha256", skip_serializing_if = "Option::is_none")]
    snapshot_sha256: Option<String>,
    #[serde(rename = "evidenceNote", skip_serializing_if = "String::is_empty")]
    note: String,
}

#[derive(Serialize)]
struct TimeState {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cached: Option<String>,
    #[serde(rename = "sourceDate")]
    source_date: String,
}

/// The body of one evidence item.
pub fn evidence_body(e: &Evidence) -> EvidenceBody {
    let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    EvidenceBody {
        id: format!("urn:uuid:{}", e.id),
        kind: "SpecificResource",
        purpose: "linking",
        source: nonempty(&e.url),
        state: TimeState {
            kind: "TimeState",
            cached: nonempty(&e.archived),
            source_date: rfc3339(e.consulted),
        },
        stance: e.stance.as_str(),
        title: e.title.clone(),
        publisher: e.publisher.clone(),
        published: e.published.as_ref().map(|d| d.as_str().to_owned()),
        excerpt: e.excerpt.clone(),
        snapshot_path: e.snapshot.as_ref().map(|s| s.path.clone()),
        snapshot_sha256: e.snapshot.as_ref().map(|s| s.sha256.clone()),
        note: e.note.clone(),
    }
}

/// Whether a W3C annotation is a link between annotations.
pub fn is_linking(a: &Value) -> bool {
    a.get("motivation")
        .and_then(Value::as_str)
        .is_some_and(|m| m.trim_start_matches("oa:") == "linking")
        && super::w3c::many_values(a.get("target"))
            .iter()
            .all(|t| t.is_string())
}

/// The target IRIs of a linking annotation.
pub fn targets(a: &Value) -> Vec<&str> {
    super::w3c::many_values(a.get("target"))
        .into_iter()
        .filter_map(Value::as_str)
        .collect()
}

/// A linking annotation as a link; `resolve` turns a target IRI into an end (`None`: the IRI
/// names nothing factmark can find).
pub fn incoming_link(
    a: &Value,
    item: String,
    resolve: &dyn Fn(&str) -> Option<Endpoint>,
) -> Result<IncomingLink, String> {
    let targets = targets(a);
    let [first, second] = targets.as_slice() else {
        return Err(format!(
            "a linking annotation needs two targets, not {}",
            targets.len()
        ));
    };
    let (from, to) = match a.get("linkFrom").and_then(Value::as_str) {
        Some(f) if f == *second => (*second, *first),
        _ => (*first, *second),
    };
    let mut kind = None;
    let mut note = Vec::new();
    for b in super::w3c::many_values(a.get("body")) {
        let (Some(value), purpose) = (
            b.get("value").and_then(Value::as_str),
            b.get("purpose").and_then(Value::as_str),
        ) else {
            continue;
        };
        match purpose.map(|p| p.trim_start_matches("oa:")) {
            Some("classifying" | "tagging") if kind.is_none() => {
                kind = Some(value.parse::<LinkKind>().map_err(|e| e.to_string())?);
            }
            Some("commenting") | None => note.push(value.to_owned()),
            _ => {}
        }
    }
    let kind = kind.ok_or_else(|| {
        "a linking annotation without a classifying body naming its kind".to_owned()
    })?;
    let end = |iri: &str| {
        resolve(iri).ok_or_else(|| {
            format!("its target {iri} is not an annotation of the file or the document")
        })
    };
    Ok(IncomingLink {
        item,
        from: end(from)?,
        to: end(to)?,
        kind,
        id: a
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| s.strip_prefix("urn:uuid:"))
            .and_then(|s| s.parse().ok()),
        author: super::w3c::creator(a.get("creator")),
        created: super::w3c::time(a.get("created")),
        note: note.join("\n\n"),
    })
}

/// An evidence body (a `linking` `SpecificResource`) as evidence; `None` for other bodies.
/// Without a `sourceDate`, `fallback` is the time it was consulted.
pub fn evidence_of(b: &Value, fallback: chrono::DateTime<chrono::Utc>) -> Option<Evidence> {
    let is_resource = b.get("type").and_then(Value::as_str) == Some("SpecificResource");
    let purpose = b.get("purpose").and_then(Value::as_str)?;
    if !is_resource || purpose.trim_start_matches("oa:") != "linking" {
        return None;
    }
    let text = |k: &str| {
        b.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let state = b.get("state");
    let consulted = super::w3c::time(state.and_then(|s| s.get("sourceDate"))).unwrap_or(fallback);
    let stance = b
        .get("stance")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<Stance>().ok())
        .unwrap_or(Stance::Context);
    let mut e = Evidence::new(&text("source"), stance, consulted);
    if let Some(id) = b
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| s.strip_prefix("urn:uuid:"))
        .and_then(|s| s.parse::<uuid::Uuid>().ok())
    {
        e.id = EvidenceId(id);
    }
    e.archived = state
        .and_then(|s| s.get("cached"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    e.title = text("sourceTitle");
    e.publisher = text("sourcePublisher");
    e.published = b
        .get("sourcePublished")
        .and_then(Value::as_str)
        .and_then(|d| DateValue::parse(d).ok());
    e.excerpt = text("excerpt");
    e.note = text("evidenceNote");
    let (path, sha) = (text("snapshotPath"), text("snapshotSha256"));
    if !path.is_empty() {
        e.snapshot = Some(Snapshot { path, sha256: sha });
    }
    Some(e)
}
