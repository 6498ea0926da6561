//! W3C Web Annotation (JSON-LD, context `http://www.w3.org/ns/anno.jsonld`), export and import.
//!
//! Export: one `AnnotationCollection` with one embedded `AnnotationPage` holding every
//! annotation of every document. Each annotation has:
//!
//! - `id` `urn:uuid:<factmark id>`, `created`, `modified`, `creator` (a `Person` with `name`);
//! - `motivation` `assessing` for claims, `tagging` otherwise;
//! - bodies: a `tagging` `TextualBody` with the tag (`claim`, `quote`, `date`, `entity`); an
//!   `assessing` body with a claim's verdict; `describing` bodies `"claimant: …"`,
//!   `"speaker: …"`, `"date: 2024-05-03"`, `"kind: person"`, `"review: accepted"`,
//!   `"reviewer: …"`, `"reviewed: <RFC 3339>"`, `"review comment: …"`; a `commenting` body with
//!   the note (`text/plain`); and for an entity identifier an `identifying` `SpecificResource`
//!   (`http://www.wikidata.org/entity/Q42`, or the URL);
//! - `linking` `SpecificResource` bodies for a claim's or quote's evidence, and a `linking`
//!   annotation of its own for each link (see [`super::w3c_links`]);
//! - `target`: `source` the document's file URI, a `TextQuoteSelector` (exact, prefix, suffix:
//!   up to 32 chars of context) and, where the positions count the text of what `source`
//!   names, a `TextPositionSelector` (see `positions_fit_source`); for a PDF, beside them, a
//!   `FragmentSelector` (RFC 8118, `page=N&viewrect=…`) for each page the annotation is on.
//!
//! Positions count the normalized text: a plain-text or Markdown file decoded, its BOM dropped
//! and its line ends as LF, which is also the text a browser shows for the file. They are
//! **code points**, as the spec requires, or with `--offsets utf16` UTF-16 code units, for
//! JavaScript tools that count that way (Hypothesis, Recogito). The collection says which in
//! `textPositionUnit` (`"codepoints"` or `"utf16"`), a term the export's `@context` defines
//! ([`UNIT_IRI`]). A web page (HTML) is annotated on the article text factmark extracts from
//! it, which is not the page's text, so its annotations have no position: only the quote.
//! Annotations not anchored in the current text are exported with their quote selector only.
//! Collection and page ids are derived from the content, so the output is deterministic.
//!
//! Import reads a collection (with embedded pages), a page, one annotation or an array of them,
//! takes the tag from a `tagging` body (factmark's tags or common NER labels), the other
//! attributes from the bodies above, and places each one by its selectors (see
//! [`super::import`]). Annotations of several documents: those whose `source` ends with the
//! target's file name are used, the others counted as other documents. For a document whose
//! text is extracted (HTML), positions given against a web page (an `http(s)` source, or one
//! named like the page) are ignored: they count the page's text, not the article's; the quote
//! places the annotation.

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::ExportOptions;
use super::error::FormatError;
use super::export_doc::{ExportAnnotation, ExportDoc};
use super::import::{Endpoint, Incoming, Parsed, Positions, Skipped};
use super::labels::{
    entity_kind, identifier_from_reference, qid, review_status, tag_for_label, verdict,
};
use super::offsets::{OffsetMap, OffsetUnit, Reading};
use super::relations::exported_links;
use super::row::rfc3339;
use super::w3c_links;
use super::warning::{ExportWarning, WarningKind};
use crate::core::annotation::{Annotation, DateValue, ReviewStatus, Tag};
use crate::core::source::DocumentKind;
use crate::core::text::Text;

/// The W3C Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The term, defined in the export's `@context`, whose value on the collection says what its
/// `TextPositionSelector`s count: [`OffsetUnit::as_str`] (`"codepoints"` or `"utf16"`).
pub const UNIT_TERM: &str = "textPositionUnit";

/// The IRI of [`UNIT_TERM`]. factmark has no web address of its own, so its terms are URNs.
pub const UNIT_IRI: &str = "urn:factmark:textPositionUnit";

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: (&'static str, ContextTerms),
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    /// What the positions count ([`UNIT_TERM`]).
    #[serde(rename = "textPositionUnit")]
    unit: &'static str,
    total: usize,
    first: Page,
}

/// factmark's own terms, added to the W3C context (a JSON-LD context list), sorted by name.
type ContextTerms = std::collections::BTreeMap<&'static str, TermDefinition>;

/// A JSON-LD expanded term definition.
#[derive(Serialize)]
struct TermDefinition {
    #[serde(rename = "@id")]
    id: &'static str,
    /// `@id` for a term whose values are IRIs.
    #[serde(rename = "@type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
}

/// Every term of factmark's the export uses.
fn context_terms() -> ContextTerms {
    let mut terms = ContextTerms::new();
    terms.insert(
        UNIT_TERM,
        TermDefinition {
            id: UNIT_IRI,
            kind: None,
        },
    );
    for &(term, iri, is_iri) in w3c_links::TERMS {
        terms.insert(
            term,
            TermDefinition {
                id: iri,
                kind: is_iri.then_some("@id"),
            },
        );
    }
    terms
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item>,
}

/// An annotation of the page: of a span, or a link between two of them.
#[derive(Serialize)]
#[serde(untagged)]
enum Item {
    Span(Box<W3cAnnotation>),
    Link(Box<w3c_links::LinkingAnnotation>),
}

#[derive(Serialize)]
struct W3cAnnotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    modified: String,
    creator: Agent,
    body: Vec<AnyBody>,
    target: Target,
}

/// A `creator`.
#[derive(Serialize)]
pub(super) struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

impl Agent {
    /// A person by name.
    pub(super) fn person(name: &str) -> Self {
        Self {
            kind: "Person",
            name: name.to_owned(),
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum AnyBody {
    Plain(Body),
    Evidence(Box<w3c_links::EvidenceBody>),
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

impl Body {
    fn text(purpose: &'static str, value: impl Into<String>) -> Self {
        Self {
            kind: "TextualBody",
            purpose,
            value: Some(value.into()),
            format: None,
            source: None,
        }
    }
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
#[allow(clippy::enum_variant_names)] // The names are W3C's types.
enum Selector {
    TextQuoteSelector {
        exact: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        prefix: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
    /// A place in a PDF (RFC 8118): `page=N&viewrect=left,top,width,height` in points from
    /// the page's top-left corner.
    FragmentSelector {
        #[serde(rename = "conformsTo")]
        conforms_to: &'static str,
        value: String,
    },
}

/// The collection of every annotation of `docs`, pretty-printed, with a final newline.
pub fn export(
    docs: &[ExportDoc],
    options: &ExportOptions,
    warnings: &mut Vec<ExportWarning>,
) -> Result<String, FormatError> {
    let reading = match options.offsets {
        OffsetUnit::CodePoints => Reading::CODE_POINTS,
        OffsetUnit::Utf16 => Reading::UTF16,
    };
    let mut items = Vec::new();
    let mut hash = Sha256::new();
    for doc in docs {
        let map = OffsetMap::new(&doc.text);
        let positions = positions_fit_source(doc);
        for p in &doc.annotations {
            let a = &p.annotation;
            hash.update(format!("{}\n{}\n", doc.uri, a.id));
            let position = if !p.is_placed() {
                let what = if positions {
                    "its quote only, no position"
                } else {
                    "its quote as stored"
                };
                warnings.push(ExportWarning::about(
                    &doc.path,
                    a,
                    WarningKind::Advice,
                    format!(
                        "exported with {what}: it is {} in the current text",
                        p.status.as_str()
                    ),
                ));
                None
            } else if positions {
                Some((map.to_unit(reading, a.start), map.to_unit(reading, a.end)))
            } else {
                None
            };
            let mut item = annotation(doc, a, position);
            item.target.selector.extend(page_selectors(doc, p));
            items.push(Item::Span(Box::new(item)));
        }
        for l in exported_links(doc, &|_| true, "w3c", warnings) {
            hash.update(format!("{}\n{}\n", doc.uri, l.link.id));
            items.push(Item::Link(Box::new(w3c_links::linking(&l))));
        }
    }
    let digest = hash.finalize();
    let label = match docs {
        [one] => format!("factmark annotations of {}", one.path),
        _ => format!("factmark annotations of {} documents", docs.len()),
    };
    let collection = Collection {
        context: (CONTEXT, context_terms()),
        id: urn(&digest, 0),
        kind: "AnnotationCollection",
        label,
        unit: options.offsets.as_str(),
        total: items.len(),
        first: Page {
            id: urn(&digest, 1),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut s = serde_json::to_string_pretty(&collection)?;
    s.push('\n');
    Ok(s)
}

/// Whether `TextPositionSelector`s can be given for `doc`: only when the text factmark counts
/// in is the text of what the target's `source` names.
///
/// A plain-text or Markdown file: yes; its normalized text is the file's text (and what a
/// browser shows for it). A web page: no. Its positions count the article text factmark
/// extracts (boilerplate dropped, whitespace collapsed, blocks joined by blank lines), while
/// `source` is the page, whose text a consumer counts in its own way (Hypothesis: the DOM's
/// `textContent`). Positions into the extracted text would select the wrong text in the page
/// for every annotation.
///
/// The alternatives were worse. A `source` naming the extracted text would be a resource that
/// exists nowhere, so tools that look annotations up by the page's address (Hypothesis) would
/// never show them. A `refinedBy` chain cannot say "the text factmark extracted": no selector
/// of the page yields it, and Hypothesis ignores `refinedBy` anyway. So the page stays the
/// `source` and the annotation is anchored by its `TextQuoteSelector`, which is how Hypothesis
/// anchors when positions do not hold the quote: exact, then fuzzy search scored by prefix
/// and suffix. factmark's import does the same with its own anchoring.
fn positions_fit_source(doc: &ExportDoc) -> bool {
    let extension = std::path::Path::new(&doc.path)
        .extension()
        .map(|e| e.to_string_lossy())
        .unwrap_or_default();
    match DocumentKind::from_extension(&extension) {
        DocumentKind::Text | DocumentKind::Markdown => true,
        DocumentKind::Html | DocumentKind::Pdf => false,
    }
}

/// A `urn:uuid:` (version 8, content-derived) from a digest and a salt.
fn urn(digest: &[u8], salt: u8) -> String {
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = digest
            .get(i + usize::from(salt) * 16)
            .copied()
            .unwrap_or(salt);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    format!("urn:uuid:{}", uuid::Uuid::from_bytes(bytes).hyphenated())
}

/// One annotation.
fn annotation(doc: &ExportDoc, a: &Annotation, position: Option<(usize, usize)>) -> W3cAnnotation {
    let mut body = vec![Body::text("tagging", a.tag.kind().as_str())];
    let describe = |body: &mut Vec<Body>, key: &str, value: &str| {
        body.push(Body::text("describing", format!("{key}: {value}")));
    };
    match &a.tag {
        Tag::Claim { verdict, claimant } => {
            body.push(Body::text("assessing", verdict.as_str()));
            if let Some(c) = claimant {
                describe(&mut body, "claimant", c);
            }
        }
        Tag::Quote { speaker } => {
            if let Some(s) = speaker {
                describe(&mut body, "speaker", s);
            }
        }
        Tag::Date { value } => {
            if let Some(v) = value {
                describe(&mut body, "date", v.as_str());
            }
        }
        Tag::Entity { kind, identifier } => {
            describe(&mut body, "kind", kind.as_str());
            if let Some(id) = identifier {
                match entity_iri(id) {
                    Some(iri) => body.push(Body {
                        kind: "SpecificResource",
                        purpose: "identifying",
                        value: None,
                        format: None,
                        source: Some(iri),
                    }),
                    None => describe(&mut body, "identifier", id),
                }
            }
        }
    }
    if a.review.status != ReviewStatus::Unreviewed {
        describe(&mut body, "review", a.review.status.as_str());
    }
    if let Some(by) = &a.review.by {
        describe(&mut body, "reviewer", by);
    }
    if let Some(at) = a.review.at {
        describe(&mut body, "reviewed", &rfc3339(at));
    }
    if let Some(c) = &a.review.comment {
        describe(&mut body, "review comment", c);
    }
    if !a.note.is_empty() {
        body.push(Body {
            format: Some("text/plain"),
            ..Body::text("commenting", a.note.clone())
        });
    }
    let mut body: Vec<AnyBody> = body.into_iter().map(AnyBody::Plain).collect();
    body.extend(
        a.evidence
            .iter()
            .map(|e| AnyBody::Evidence(Box::new(w3c_links::evidence_body(e)))),
    );
    let mut selector = vec![Selector::TextQuoteSelector {
        exact: a.exact.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
    }];
    if let Some((start, end)) = position {
        selector.push(Selector::TextPositionSelector { start, end });
    }
    W3cAnnotation {
        id: format!("urn:uuid:{}", a.id),
        kind: "Annotation",
        motivation: if matches!(a.tag, Tag::Claim { .. }) {
            "assessing"
        } else {
            "tagging"
        },
        created: rfc3339(a.created),
        modified: rfc3339(a.modified),
        creator: Agent::person(&a.author),
        body,
        target: Target {
            source: doc.uri.clone(),
            selector,
        },
    }
}

/// For an annotation placed in a PDF, a `FragmentSelector` (RFC 8118) per page it is on:
/// the page and the rectangle around its part of that page. Most annotations have one; one
/// that crosses a page break has one for each page.
fn page_selectors(doc: &ExportDoc, p: &ExportAnnotation) -> Vec<Selector> {
    let mut per_page: Vec<(u32, [f32; 4])> = Vec::new();
    for r in doc.page_rects(p) {
        match per_page.last_mut() {
            Some((page, rect)) if *page == r.page => {
                *rect = [
                    rect[0].min(r.rect[0]),
                    rect[1].min(r.rect[1]),
                    rect[2].max(r.rect[2]),
                    rect[3].max(r.rect[3]),
                ];
            }
            _ => per_page.push((r.page, r.rect)),
        }
    }
    per_page
        .into_iter()
        .map(|(page, [l, t, r, b])| Selector::FragmentSelector {
            conforms_to: "http://tools.ietf.org/rfc/rfc8118",
            value: format!(
                "page={page}&viewrect={:.1},{:.1},{:.1},{:.1}",
                l,
                t,
                r - l,
                b - t
            ),
        })
        .collect()
}

/// The IRI of an entity identifier: a QID's Wikidata entity, or an http(s) URL as it is.
fn entity_iri(identifier: &str) -> Option<String> {
    let id = identifier.trim();
    if let Some(q) = qid(id) {
        return Some(format!("http://www.wikidata.org/entity/{q}"));
    }
    (id.starts_with("https://") || id.starts_with("http://")).then(|| id.to_owned())
}

/// Reads a W3C Web Annotation file for the document named `file_name`.
pub fn parse(input: &str, file_name: &str) -> Result<Parsed, FormatError> {
    let root: Value = serde_json::from_str(input.trim_start_matches('\u{feff}'))
        .map_err(|e| FormatError::parse("w3c", Some(e.line()), e.to_string()))?;
    let mut found = Vec::new();
    let mut parsed = Parsed::default();
    collect(&root, &mut found, &mut parsed.skipped)?;
    let (linking, found): (Vec<Value>, Vec<Value>) =
        found.into_iter().partition(w3c_links::is_linking);
    let sources: std::collections::BTreeSet<String> = found.iter().filter_map(source_of).collect();
    let ours = |a: &Value| {
        sources.len() <= 1 || source_of(a).is_some_and(|s| last_segment(&s) == file_name)
    };
    if !found.is_empty() && !found.iter().any(&ours) {
        return Err(FormatError::NothingForDocument {
            format: "w3c",
            message: format!(
                "its annotations are about {} other documents, none named {file_name}",
                sources.len()
            ),
        });
    }
    let extracted = text_is_extracted(file_name);
    // Annotation IRIs: of this document's spans (item index), and of other documents'.
    let mut by_iri: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut elsewhere: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (i, a) in found.iter().enumerate() {
        let iri = a.get("id").and_then(Value::as_str).map(str::to_owned);
        if !ours(a) {
            parsed.other_documents += 1;
            elsewhere.extend(iri);
            continue;
        }
        if let Some(iri) = iri {
            by_iri.insert(iri, parsed.items.len());
        }
        let item = match a.get("id").and_then(Value::as_str) {
            Some(id) => format!("annotation {id}"),
            None => format!("annotation #{}", i + 1),
        };
        let positions = !(extracted && source_of(a).is_some_and(|s| is_web_page(&s)));
        match incoming(a, item.clone(), positions) {
            Ok(inc) => parsed.items.push(inc),
            Err(reason) => parsed.skipped.push(Skipped { item, reason }),
        }
    }
    let resolve = |iri: &str| {
        by_iri.get(iri).map(|&i| Endpoint::Item(i)).or_else(|| {
            iri.strip_prefix("urn:uuid:")
                .and_then(|s| s.parse().ok())
                .map(Endpoint::Id)
        })
    };
    for (i, a) in linking.iter().enumerate() {
        let item = match a.get("id").and_then(Value::as_str) {
            Some(id) => format!("link {id}"),
            None => format!("link #{}", i + 1),
        };
        if w3c_links::targets(a).iter().any(|t| elsewhere.contains(*t)) {
            parsed.other_documents += 1;
            continue;
        }
        match w3c_links::incoming_link(a, item.clone(), &resolve) {
            Ok(link) => parsed.links.push(link),
            Err(reason) => parsed.skipped.push(Skipped { item, reason }),
        }
    }
    Ok(parsed)
}

/// Whether the document named `file_name` is annotated on text extracted from it (a web page
/// or a PDF), not on its own text.
fn text_is_extracted(file_name: &str) -> bool {
    let extension = file_name.rsplit_once('.').map_or("", |(_, e)| e);
    match DocumentKind::from_extension(extension) {
        DocumentKind::Text | DocumentKind::Markdown => false,
        DocumentKind::Html | DocumentKind::Pdf => true,
    }
}

/// Whether a target's `source` is a web page, whose text positions count the page's text: an
/// `http(s)` URL, or a file named like a page.
fn is_web_page(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || {
        text_is_extracted(&last_segment(source))
    }
}

/// Gathers the annotation objects of a collection, page, annotation or array.
fn collect(v: &Value, out: &mut Vec<Value>, skipped: &mut Vec<Skipped>) -> Result<(), FormatError> {
    match v {
        Value::Array(items) => {
            for item in items {
                collect(item, out, skipped)?;
            }
        }
        Value::Object(o) => {
            if has_type(v, "Annotation") {
                out.push(v.clone());
            } else if has_type(v, "AnnotationCollection") {
                match o.get("first") {
                    Some(first @ Value::Object(_)) => collect(first, out, skipped)?,
                    Some(Value::String(iri)) => {
                        return Err(FormatError::parse(
                            "w3c",
                            None,
                            format!(
                                "the collection's pages are not in the file (first page: {iri}); save them into the file first"
                            ),
                        ));
                    }
                    _ => {}
                }
            } else if let Some(items) = o.get("items") {
                collect(items, out, skipped)?;
                if let Some(next @ Value::Object(_)) = o.get("next") {
                    collect(next, out, skipped)?;
                }
            } else {
                skipped.push(Skipped {
                    item: "an object without type".to_owned(),
                    reason: "not an Annotation, AnnotationPage or AnnotationCollection".to_owned(),
                });
            }
        }
        _ => {
            return Err(FormatError::parse(
                "w3c",
                None,
                "expected an annotation, a page, a collection or an array of annotations",
            ));
        }
    }
    Ok(())
}

/// Whether a JSON-LD object has this `type` (or `@type`), alone or in a list.
fn has_type(v: &Value, want: &str) -> bool {
    let t = v.get("type").or_else(|| v.get("@type"));
    match t {
        Some(Value::String(s)) => s == want || s == &format!("oa:{want}"),
        Some(Value::Array(list)) => list.iter().any(|x| x.as_str() == Some(want)),
        _ => false,
    }
}

/// The target's `source`, if there is one target with one.
fn source_of(a: &Value) -> Option<String> {
    match a.get("target")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("source").and_then(Value::as_str).map(str::to_owned),
        Value::Array(list) => list
            .first()
            .and_then(|t| {
                t.get("source")
                    .and_then(Value::as_str)
                    .or_else(|| t.as_str())
            })
            .map(str::to_owned),
        _ => None,
    }
}

/// The file name at the end of a URI or path, percent-decoded.
fn last_segment(uri: &str) -> String {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    let seg = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let mut bytes = Vec::with_capacity(seg.len());
    let raw = seg.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'%', Some(b)) => {
                bytes.push(b);
                i += 3;
            }
            (b, _) => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A body or target list as a slice, whether the JSON has one object or an array.
pub(super) fn many_values(v: Option<&Value>) -> Vec<&Value> {
    many(v)
}

/// A body or target list as a slice, whether the JSON has one object or an array.
fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

/// One annotation as an incoming span; its `TextPositionSelector` is read only if
/// `use_positions`.
fn incoming(a: &Value, item: String, use_positions: bool) -> Result<Incoming, String> {
    let targets = many(a.get("target"));
    let target = match targets.as_slice() {
        [one] => *one,
        [] => return Err("it has no target".to_owned()),
        _ => {
            return Err(
                "it has several targets (a discontinuous span), which factmark cannot hold"
                    .to_owned(),
            );
        }
    };
    if target.is_string() {
        return Err("it targets the whole document, not a span of it".to_owned());
    }
    let mut quote = None;
    let mut position = None;
    for sel in many(target.get("selector")) {
        if has_type(sel, "TextQuoteSelector") {
            let field = |k: &str| sel.get(k).and_then(Value::as_str).map(normalize);
            quote = Some((field("exact"), field("prefix"), field("suffix")));
        } else if use_positions && has_type(sel, "TextPositionSelector") {
            let num = |k: &str| sel.get(k).and_then(Value::as_u64).map(|n| n as usize);
            if let (Some(s), Some(e)) = (num("start"), num("end")) {
                position = Some((s, e));
            }
        }
    }
    let (tag, mut notes) = tag_and_notes(a)?;
    let positions = match position {
        Some(p) => Positions::Guess(vec![p]),
        None => Positions::None,
    };
    let mut inc = Incoming::new(item, positions, tag);
    if let Some((exact, prefix, suffix)) = quote {
        inc.quote = exact;
        inc.prefix = prefix;
        inc.suffix = suffix;
    }
    apply_bodies(a, &mut inc, &mut notes);
    inc.note = notes.join("\n\n");
    inc.author = creator(a.get("creator"));
    inc.created = time(a.get("created"));
    inc.modified = time(a.get("modified"));
    inc.id = a
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| s.strip_prefix("urn:uuid:"))
        .and_then(|s| s.parse().ok());
    Ok(inc)
}

/// CRLF and CR as LF, as in factmark's normalized text.
fn normalize(s: &str) -> String {
    Text::from_str_normalized(s).as_str().to_owned()
}

/// The tag from the first `tagging` body factmark knows, and the comments.
fn tag_and_notes(a: &Value) -> Result<(Tag, Vec<String>), String> {
    let mut unknown = Vec::new();
    let mut tag = None;
    let mut notes = Vec::new();
    if let Some(v) = a.get("bodyValue").and_then(Value::as_str) {
        notes.push(v.to_owned());
    }
    for b in many(a.get("body")) {
        let Some(value) = b.get("value").and_then(Value::as_str) else {
            continue;
        };
        match purpose(a, b).as_deref() {
            Some("tagging") | Some("classifying") => match tag_for_label(value) {
                Some(t) if tag.is_none() => tag = Some(t),
                Some(_) => {}
                None => unknown.push(value.to_owned()),
            },
            Some("commenting") | None => notes.push(value.to_owned()),
            _ => {}
        }
    }
    match tag {
        Some(t) => Ok((t, notes)),
        None if unknown.is_empty() => {
            Err("it has no tagging body, so its tag is unknown".to_owned())
        }
        None => Err(format!(
            "its tags ({}) are not claim, quote, date, entity or a usual NER label",
            unknown.join(", ")
        )),
    }
}

/// A body's purpose, or the annotation's motivation when a lone body has none.
fn purpose(a: &Value, b: &Value) -> Option<String> {
    b.get("purpose")
        .and_then(Value::as_str)
        .or_else(|| {
            a.get("motivation")
                .and_then(Value::as_str)
                .filter(|_| many(a.get("body")).len() == 1)
        })
        .map(|p| p.trim_start_matches("oa:").to_owned())
}

/// The attributes in `assessing`, `describing` and `identifying` bodies.
fn apply_bodies(a: &Value, inc: &mut Incoming, notes: &mut Vec<String>) {
    let fallback = time(a.get("created")).unwrap_or(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH);
    for b in many(a.get("body")) {
        if let Some(e) = w3c_links::evidence_of(b, fallback) {
            inc.evidence.push(e);
            continue;
        }
        let value = b.get("value").and_then(Value::as_str);
        match (purpose(a, b).as_deref(), value) {
            (Some("assessing"), Some(v)) => match (&mut inc.tag, verdict(v)) {
                (Tag::Claim { verdict, .. }, Some(found)) => *verdict = found,
                _ => notes.push(format!("assessment: {v}")),
            },
            (Some("describing"), Some(v)) => describe(inc, v, notes),
            (Some("identifying"), _) => {
                let iri = b
                    .get("source")
                    .or_else(|| b.get("id"))
                    .and_then(Value::as_str)
                    .or(value);
                if let (Tag::Entity { identifier, .. }, Some(iri)) = (&mut inc.tag, iri) {
                    *identifier = Some(identifier_from_reference(iri));
                }
            }
            _ => {}
        }
    }
}

/// A `describing` body `key: value`.
fn describe(inc: &mut Incoming, v: &str, notes: &mut Vec<String>) {
    let Some((key, value)) = v.split_once(": ") else {
        notes.push(v.to_owned());
        return;
    };
    let value = value.to_owned();
    let done = match (key, &mut inc.tag) {
        ("claimant", Tag::Claim { claimant, .. }) => {
            *claimant = Some(value.clone());
            true
        }
        ("speaker", Tag::Quote { speaker }) => {
            *speaker = Some(value.clone());
            true
        }
        ("date", Tag::Date { value: d }) => match DateValue::parse(&value) {
            Ok(parsed) => {
                *d = Some(parsed);
                true
            }
            Err(_) => false,
        },
        ("kind", Tag::Entity { kind, .. }) => match entity_kind(&value) {
            Some(k) => {
                *kind = k;
                true
            }
            None => false,
        },
        ("identifier", Tag::Entity { identifier, .. }) => {
            *identifier = Some(value.clone());
            true
        }
        ("review", _) => match review_status(&value) {
            Some(s) => {
                inc.review.status = s;
                true
            }
            None => false,
        },
        ("reviewer", _) => {
            inc.review.by = Some(value.clone());
            true
        }
        ("reviewed", _) => match time(Some(&Value::String(value.clone()))) {
            Some(t) => {
                inc.review.at = Some(t);
                true
            }
            None => false,
        },
        ("review comment", _) => {
            inc.review.comment = Some(value.clone());
            true
        }
        _ => false,
    };
    if !done {
        notes.push(v.to_owned());
    }
}

/// The creator's name: a string, or an agent's `name` or `nickname`.
pub(super) fn creator(v: Option<&Value>) -> Option<String> {
    let first = many(v).into_iter().next()?;
    match first {
        Value::String(s) => Some(s.strip_prefix("acct:").unwrap_or(s).to_owned()),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("nickname"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => None,
    }
}

/// An RFC 3339 time.
pub(super) fn time(v: Option<&Value>) -> Option<chrono::DateTime<chrono::Utc>> {
    v.and_then(Value::as_str)
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&chrono::Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::TagKind;

    #[test]
    fn a_page_annotation_off_its_text_is_still_reported() {
        let text = Text::from_str_normalized("The council met on Monday.");
        let now = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
        let mut gone = Annotation::new(&text, 4, 11, Tag::new(TagKind::Entity), "ana", now)
            .expect("a span of the text");
        gone.exact = "parliament".to_owned();
        gone.prefix.clear();
        gone.suffix.clear();
        let doc = ExportDoc::new(std::path::Path::new("page.html"), text, &[gone]);
        let mut warnings = Vec::new();
        let out = export(&[doc], &ExportOptions::default(), &mut warnings).expect("export");
        assert!(!out.contains("TextPositionSelector"), "{out}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].message.contains("orphaned"),
            "{:?}",
            warnings[0]
        );
    }

    #[test]
    fn pages_are_told_from_texts() {
        assert!(text_is_extracted("story.HTML"));
        assert!(text_is_extracted("story.htm"));
        assert!(!text_is_extracted("story.txt"));
        assert!(!text_is_extracted("notes.md"));
        assert!(!text_is_extracted("README"));
        assert!(is_web_page("https://news.example/2025/06/bridge"));
        assert!(is_web_page("file:///home/ana/story.html"));
        assert!(!is_web_page("file:///home/ana/story.txt"));
    }
}
