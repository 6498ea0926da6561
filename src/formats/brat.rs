//! brat standoff, export and import (brat `standoff.html`, `configuration.html`).
//!
//! Export writes, per document, `name.txt` (the normalized text: UTF-8, LF, no BOM) and
//! `name.ann`, plus one `annotation.conf` declaring every type and attribute used, so the folder
//! opens in brat as it is. Offsets are **code points of `name.txt`**, which is what brat's
//! server counts (Python `str` indices after universal-newline decoding); writing the
//! normalized text makes them agree by construction. brat's JavaScript client mishandles astral
//! characters (brat#1115), which affects display in brat, not the files.
//!
//! - `T` lines: one per annotation, type `Claim`, `Quote`, `Date` or `Entity`. brat spans
//!   cannot hold a line break, so a span over several lines becomes fragments `s e;s e` at the
//!   line breaks (brat's discontinuous form, its text the fragments joined by one space); the
//!   importer joins fragments separated only by whitespace back into one span.
//! - `A` lines: `Verdict` (claims), `Kind` (entities), `Review` (when reviewed), values in
//!   CamelCase (`MostlyFalse`).
//! - `N` lines: entity identifiers, `Reference T1 Wikidata:Q42`, or `URL:` / `Id:` for other
//!   identifiers (spaces and `%` percent-encoded).
//! - `#` lines: `AnnotatorNotes` for the note (line breaks become spaces), and `Claimant`,
//!   `Speaker`, `DateValue`, `Reviewer`, `ReviewComment` for the free-text attributes.
//!
//! - `R` lines: links, and more `AnnotatorNotes` lines: evidence (see [`super::brat_links`]).
//!
//! brat cannot hold authors, timestamps or factmark ids; they are not exported. The import
//! reads all of the above back; events (`E`), equivalences (`*`) and unknown types or
//! attributes are reported as skipped.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::NamedFile;
use super::brat_links::{
    evidence_is_lossy, evidence_line, other_relation_types, parse_evidence_line, parse_relation,
    relation_lines, relations_conf,
};
use super::error::FormatError;
use super::export_doc::ExportDoc;
use super::import::{Incoming, Parsed, Positions, Skipped};
use super::labels::{brat_type, camel, entity_kind, identifier_from_reference, qid};
use super::labels::{review_status, tag_for_label, verdict};
use super::warning::{ExportWarning, WarningKind};
use crate::core::annotation::{
    AnnotationId, DateValue, EntityKind, ReviewStatus, Tag, TagKind, Verdict,
};
use crate::core::text::Text;

pub use super::brat_links::{kind_of_relation, relation_type};

/// The name of brat's collection configuration file.
pub const CONF_NAME: &str = "annotation.conf";

/// The files of a brat collection holding `docs`, sorted by name.
pub fn export(docs: &[ExportDoc], warnings: &mut Vec<ExportWarning>) -> Vec<NamedFile> {
    let mut files = vec![NamedFile {
        name: CONF_NAME.to_owned(),
        contents: annotation_conf(&other_relation_types(docs)),
    }];
    let mut taken: HashSet<String> = HashSet::new();
    for doc in docs {
        let base = unique_base(&doc.path, &mut taken);
        doc.warn_unplaced("brat", warnings);
        files.push(NamedFile {
            name: format!("{base}.txt"),
            contents: doc.text.as_str().to_owned(),
        });
        files.push(NamedFile {
            name: format!("{base}.ann"),
            contents: ann(doc, warnings),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// The file name of a document without its extension, made unique in the collection.
fn unique_base(path: &str, taken: &mut HashSet<String>) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = if stem.is_empty() { "document" } else { stem }.to_owned();
    let mut name = stem.clone();
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{stem}-{n}");
    }
    taken.insert(name.clone());
    name
}

/// `annotation.conf` declaring factmark's types, relations (link kinds, and `others`: the
/// users' own kinds, as brat types) and attributes, with overlaps allowed.
fn annotation_conf(others: &BTreeSet<String>) -> String {
    let values = |words: Vec<&str>| words.iter().map(|w| camel(w)).collect::<Vec<_>>().join("|");
    let verdicts = values(Verdict::ALL.iter().map(|v| v.as_str()).collect());
    let kinds = values(EntityKind::ALL.iter().map(|k| k.as_str()).collect());
    let reviews = values(ReviewStatus::ALL.iter().map(|r| r.as_str()).collect());
    let entities: Vec<&str> = TagKind::ALL.iter().map(|k| brat_type(*k)).collect();
    format!(
        "# brat configuration written by factmark for the annotations in this folder.\n\
# The entity types are factmark's tags. A claim may sit inside a quote and spans may\n\
# overlap, so <OVERLAP> allows any overlap between any two types. The relations are\n\
# factmark's links, from Arg1 to Arg2.\n\
\n\
[entities]\n\
{}\n\
\n\
[relations]\n\
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\
{}\
\n\
[events]\n\
\n\
[attributes]\n\
Verdict\tArg:Claim, Value:{verdicts}\n\
Kind\tArg:Entity, Value:{kinds}\n\
Review\tArg:<ENTITY>, Value:{reviews}\n",
        entities.join("\n"),
        relations_conf(others)
    )
}

/// The `.ann` file of one document.
fn ann(doc: &ExportDoc, warnings: &mut Vec<ExportWarning>) -> String {
    let mut t_lines = Vec::new();
    let mut a_lines = Vec::new();
    let mut n_lines = Vec::new();
    let mut notes = Vec::new();
    let mut tids: HashMap<AnnotationId, String> = HashMap::new();
    let mut t = 0;
    for a in doc.placed() {
        let fragments = fragments(&doc.text, a.start, a.end);
        if fragments.is_empty() {
            warnings.push(ExportWarning::about(
                &doc.path,
                a,
                WarningKind::Skipped,
                "not exported to brat: the span holds only line breaks".to_owned(),
            ));
            continue;
        }
        if fragments.first().is_some_and(|f| f.0 != a.start)
            || fragments.last().is_some_and(|f| f.1 != a.end)
        {
            warnings.push(ExportWarning::about(
                &doc.path,
                a,
                WarningKind::Lossy,
                "brat spans cannot start or end with a line break; the line breaks at its edges were left out".to_owned(),
            ));
        }
        t += 1;
        let tid = format!("T{t}");
        tids.insert(a.id, tid.clone());
        let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = fragments
            .iter()
            .map(|&(s, e)| doc.text.slice(s..e))
            .collect();
        t_lines.push(format!(
            "{tid}\t{} {}\t{}",
            brat_type(a.tag.kind()),
            offsets.join(";"),
            texts.join(" ")
        ));
        let mut attr = |name: &str, value: &str| {
            a_lines.push(format!("{name} {tid} {}", camel(value)));
        };
        let mut note =
            |kind: &str, value: &str| notes.push((kind.to_owned(), tid.clone(), value.to_owned()));
        match &a.tag {
            Tag::Claim { verdict, claimant } => {
                attr("Verdict", verdict.as_str());
                if let Some(c) = claimant {
                    note("Claimant", c);
                }
            }
            Tag::Quote { speaker } => {
                if let Some(s) = speaker {
                    note("Speaker", s);
                }
            }
            Tag::Date { value } => {
                if let Some(v) = value {
                    note("DateValue", v.as_str());
                }
            }
            Tag::Entity { kind, identifier } => {
                attr("Kind", kind.as_str());
                if let Some(id) = identifier {
                    n_lines.push(format!(
                        "Reference {tid} {}\t{}",
                        reference(id),
                        one_line(&a.exact)
                    ));
                }
            }
        }
        if a.review.status != ReviewStatus::Unreviewed {
            attr("Review", a.review.status.as_str());
        }
        if let Some(by) = &a.review.by {
            note("Reviewer", by);
        }
        if let Some(c) = &a.review.comment {
            note("ReviewComment", c);
        }
        if !a.note.is_empty() {
            note("AnnotatorNotes", &a.note);
        }
        for e in &a.evidence {
            note("AnnotatorNotes", &evidence_line(e));
        }
        if a.evidence.iter().any(evidence_is_lossy) {
            warnings.push(ExportWarning::about(
                &doc.path,
                a,
                WarningKind::Lossy,
                "brat keeps each evidence item's stance, URL, archived copy, time consulted, snapshot and title; its publisher, date, excerpt and note are left out".to_owned(),
            ));
        }
        if notes
            .iter()
            .any(|(_, id, v)| *id == tid && v.contains(['\n', '\r', '\t']))
        {
            warnings.push(ExportWarning::about(
                &doc.path,
                a,
                WarningKind::Lossy,
                "brat notes are one line; line breaks and tabs in the note became spaces"
                    .to_owned(),
            ));
        }
    }
    let mut out = String::new();
    for line in &t_lines {
        out.push_str(line);
        out.push('\n');
    }
    for (i, line) in relation_lines(doc, &tids, warnings).iter().enumerate() {
        out.push_str(&format!("R{}\t{line}\n", i + 1));
    }
    for (i, line) in a_lines.iter().enumerate() {
        out.push_str(&format!("A{}\t{line}\n", i + 1));
    }
    for (i, line) in n_lines.iter().enumerate() {
        out.push_str(&format!("N{}\t{line}\n", i + 1));
    }
    for (i, (kind, tid, value)) in notes.iter().enumerate() {
        out.push_str(&format!("#{}\t{kind} {tid}\t{}\n", i + 1, one_line(value)));
    }
    out
}

/// The parts of `start..end` between line breaks, without the line breaks.
fn fragments(text: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    for (i, c) in text.slice(start..end).chars().enumerate() {
        if c == '\n' {
            if from < start + i {
                out.push((from, start + i));
            }
            from = start + i + 1;
        }
    }
    if from < end {
        out.push((from, end));
    }
    out
}

/// Tabs and line breaks as spaces.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
}

/// A normalization reference `DB:ID` for an identifier.
fn reference(identifier: &str) -> String {
    let id = identifier.trim();
    if qid(id).is_some() {
        return format!("Wikidata:{id}");
    }
    let db = if id.starts_with("http://") || id.starts_with("https://") {
        "URL"
    } else {
        "Id"
    };
    format!("{db}:{}", encode_ref(id))
}

/// Percent-encodes `%` and whitespace, which a brat reference cannot hold.
fn encode_ref(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c.is_whitespace() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Undoes [`encode_ref`].
fn decode_ref(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a brat `.ann` file.
pub fn parse(input: &str) -> Result<Parsed, FormatError> {
    let mut parsed = Parsed::default();
    let mut by_tid: HashMap<String, usize> = HashMap::new();
    let mut dropped_tids: Vec<String> = Vec::new();
    let mut others: BTreeMap<usize, (String, String, Option<String>)> = BTreeMap::new();
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    for (n, line) in input.lines().enumerate() {
        let lineno = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let Some((id, rest)) = line.split_once('\t') else {
            parsed.skipped.push(Skipped {
                item: format!("line {lineno}"),
                reason: "not a brat annotation line (no tab after the id)".to_owned(),
            });
            continue;
        };
        let (data, tail) = match rest.split_once('\t') {
            Some((d, t)) => (d, Some(t.to_owned())),
            None => (rest, None),
        };
        if id.starts_with('T') {
            match textbound(id, data, tail) {
                Ok(item) => {
                    by_tid.insert(id.to_owned(), parsed.items.len());
                    parsed.items.push(item);
                }
                Err(reason) => {
                    dropped_tids.push(id.to_owned());
                    parsed.skipped.push(Skipped {
                        item: format!("{id} ({data})"),
                        reason,
                    });
                }
            }
        } else {
            others.insert(lineno, (id.to_owned(), data.to_owned(), tail));
        }
    }
    for (lineno, (id, data, tail)) in others {
        let item = format!("{id} ({data})");
        let result = match id.chars().next() {
            Some('A' | 'M' | 'N' | '#') => {
                attach(&id, &data, tail, &by_tid, &dropped_tids, &mut parsed.items)
            }
            Some('R') => parse_relation(&id, &data, &by_tid, &dropped_tids)
                .map(|link| parsed.links.push(link)),
            Some('E') => Err("events are not imported: factmark has no events".to_owned()),
            Some('*') => Err(
                "equivalence sets are not imported: give each pair as a relation (R line)"
                    .to_owned(),
            ),
            _ => Err(format!("line {lineno}: unknown kind of brat annotation")),
        };
        if let Err(reason) = result {
            parsed.skipped.push(Skipped { item, reason });
        }
    }
    Ok(parsed)
}

/// A `T` line.
fn textbound(id: &str, data: &str, tail: Option<String>) -> Result<Incoming, String> {
    let (kind, offsets) = data
        .split_once(' ')
        .ok_or_else(|| "no offsets after the type".to_owned())?;
    let mut fragments = Vec::new();
    for part in offsets.split(';') {
        let nums: Vec<&str> = part.split_whitespace().collect();
        let [s, e] = nums.as_slice() else {
            return Err(format!("{part:?} is not START END"));
        };
        let s: usize = s.parse().map_err(|_| format!("{s:?} is not an offset"))?;
        let e: usize = e.parse().map_err(|_| format!("{e:?} is not an offset"))?;
        fragments.push((s, e));
    }
    let tag = tag_for_label(kind).ok_or_else(|| {
        format!("unknown type {kind:?}: factmark knows claim, quote, date, entity and the usual NER labels (person, organization, location…)")
    })?;
    let mut item = Incoming::new(format!("{id} ({data})"), Positions::Guess(fragments), tag);
    item.quote = tail;
    Ok(item)
}

/// An `A`, `N` or `#` line, applied to the `T` it refers to.
fn attach(
    id: &str,
    data: &str,
    tail: Option<String>,
    by_tid: &HashMap<String, usize>,
    dropped: &[String],
    items: &mut [Incoming],
) -> Result<(), String> {
    let words: Vec<&str> = data.split_whitespace().collect();
    let (Some(&kind), Some(&target)) = (words.first(), words.get(1)) else {
        return Err("expected TYPE TARGET".to_owned());
    };
    if dropped.iter().any(|d| d == target) {
        return Err(format!("refers to {target}, which was not imported"));
    }
    let Some(&index) = by_tid.get(target) else {
        return Err(format!(
            "refers to {target}, which is not a text span in the file"
        ));
    };
    let item = &mut items[index];
    let value = words.get(2).copied();
    let text = tail.unwrap_or_default();
    let wrong_tag =
        |what: &str, tag: &Tag| format!("{what} does not apply to a {} ({target})", tag.kind());
    match (id.chars().next(), kind) {
        (Some('A' | 'M'), "Verdict") => {
            let v = value
                .and_then(verdict)
                .ok_or_else(|| format!("{value:?} is not a verdict"))?;
            match &mut item.tag {
                Tag::Claim { verdict, .. } => *verdict = v,
                other => return Err(wrong_tag("a verdict", other)),
            }
        }
        (Some('A' | 'M'), "Kind") => {
            let k = value
                .and_then(entity_kind)
                .ok_or_else(|| format!("{value:?} is not an entity kind"))?;
            match &mut item.tag {
                Tag::Entity { kind, .. } => *kind = k,
                other => return Err(wrong_tag("an entity kind", other)),
            }
        }
        (Some('A' | 'M'), "Review") => {
            item.review.status = value
                .and_then(review_status)
                .ok_or_else(|| format!("{value:?} is not a review status"))?;
        }
        (Some('A' | 'M'), other) => {
            return Err(format!("factmark has no attribute {other:?}"));
        }
        (Some('N'), _) => {
            let reference = value.ok_or_else(|| "no DB:ID reference".to_owned())?;
            let identifier = match reference.split_once(':') {
                Some(("URL" | "Id", rest)) => decode_ref(rest),
                _ => identifier_from_reference(reference),
            };
            match &mut item.tag {
                Tag::Entity { identifier: i, .. } => *i = Some(identifier),
                other => return Err(wrong_tag("an identifier", other)),
            }
        }
        (Some('#'), "AnnotatorNotes") => match parse_evidence_line(&text) {
            Some(e) => item.evidence.push(e),
            None => push_line(&mut item.note, &text),
        },
        (Some('#'), "Claimant") => match &mut item.tag {
            Tag::Claim { claimant, .. } => *claimant = Some(text),
            other => return Err(wrong_tag("a claimant", other)),
        },
        (Some('#'), "Speaker") => match &mut item.tag {
            Tag::Quote { speaker } => *speaker = Some(text),
            other => return Err(wrong_tag("a speaker", other)),
        },
        (Some('#'), "DateValue") => {
            let v = DateValue::parse(text.trim()).map_err(|e| e.to_string())?;
            match &mut item.tag {
                Tag::Date { value } => *value = Some(v),
                other => return Err(wrong_tag("a date value", other)),
            }
        }
        (Some('#'), "Reviewer") => item.review.by = Some(text),
        (Some('#'), "ReviewComment") => item.review.comment = Some(text),
        (Some('#'), other) => push_line(&mut item.note, &format!("{other}: {text}")),
        _ => return Err("unknown kind of brat annotation".to_owned()),
    }
    Ok(())
}

/// Appends a line to a note.
fn push_line(note: &mut String, line: &str) {
    if !note.is_empty() {
        note.push('\n');
    }
    note.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::link::LinkKind;
    use crate::formats::import::Endpoint;

    #[test]
    fn multi_line_spans_become_fragments() {
        let t = Text::from_str_normalized("ab\ncd\n\nef");
        assert_eq!(fragments(&t, 0, 9), vec![(0, 2), (3, 5), (7, 9)]);
        assert_eq!(fragments(&t, 2, 4), vec![(3, 4)]);
        assert!(fragments(&t, 5, 7).is_empty());
    }

    #[test]
    fn document_names_are_unique() {
        let mut taken = HashSet::new();
        let names: Vec<String> = ["a/x.txt", "b/x.md", "x-2.txt", ".txt"]
            .iter()
            .map(|p| unique_base(p, &mut taken))
            .collect();
        assert_eq!(names, ["x", "x-2", "x-2-2", "document"]);
    }

    #[test]
    fn references_round_trip() {
        for id in ["Q42", "https://example.org/a b%20c", "ISNI 0000 0001"] {
            let r = reference(id);
            assert!(!r.contains(' '), "{r}");
            let (db, rest) = r.split_once(':').unwrap();
            let back = if db == "Wikidata" {
                rest.to_owned()
            } else {
                decode_ref(rest)
            };
            assert_eq!(back, id);
        }
    }

    #[test]
    fn reads_the_reference_example() {
        let ann = "T1\tDate 5 15\t3 May 2024\nT2\tEntity 26 34\tJane Doe\n\
T3\tQuote 41 71\t\"Crime fell by 20% last year.\"\nT4\tClaim 42 69\tCrime fell by 20% last year\n\
R1\tSpeaker Arg1:T3 Arg2:T2\nA1\tVerdict T4 MostlyFalse\n\
#1\tAnnotatorNotes T4\tONS figures show a 7% fall; check base year.\nE1\tSay:T3\n";
        let p = parse(ann).unwrap();
        assert_eq!(p.items.len(), 4);
        assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);
        assert!(p.skipped[0].reason.contains("events"));
        assert_eq!(p.links.len(), 1);
        assert_eq!(p.links[0].kind, LinkKind::Other("speaker".into()));
        assert_eq!(
            (p.links[0].from, p.links[0].to),
            (Endpoint::Item(2), Endpoint::Item(1))
        );
        assert_eq!(
            p.items[3].tag,
            Tag::Claim {
                verdict: Verdict::MostlyFalse,
                claimant: None
            }
        );
        assert_eq!(
            p.items[3].note,
            "ONS figures show a 7% fall; check base year."
        );
        assert_eq!(p.items[0].positions, Positions::Guess(vec![(5, 15)]));
    }

    #[test]
    fn unknown_types_and_attributes_are_reported() {
        let ann =
            "T1\tProtein 0 3\tabc\nA1\tNegation T1\nT2\tPerson 4 7\tdef\nA2\tConfidence T2 High\n";
        let p = parse(ann).unwrap();
        assert_eq!(p.items.len(), 1);
        let reasons: Vec<&str> = p.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[0].contains("unknown type"));
        assert!(reasons[1].contains("not imported"));
        assert!(reasons[2].contains("no attribute"));
    }
}
