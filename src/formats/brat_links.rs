//! Links and evidence in brat standoff.
//!
//! - Links are relations, `R1\tAttributedTo Arg1:T3 Arg2:T2`: the type is the link kind in
//!   CamelCase (`AttributedTo`, `About`, `Dated`, `SameClaim`, `Contradicts`, a kind of the
//!   user's own such as `based-on` as `BasedOn`), which brat accepts as a type name
//!   (`[A-Za-z0-9_-]`); `Arg1` is the annotation the link starts from. `annotation.conf`
//!   declares each type with the entity types its ends may have, and `SameClaim` and
//!   `Contradicts` as `<REL-TYPE>:symmetric`.
//! - Evidence items are `AnnotatorNotes` of the claim or quote, after its note, one line each:
//!   `Evidence (refutes): URL — archived: URL — consulted: RFC 3339 — snapshot: PATH — title:
//!   TITLE` (the parts that are empty are left out; no URL is written `(no URL)`).
//!
//! Import reads relations back as links (a type brat-legal but unknown becomes a kind of the
//! user's own, lowercased: `Located_in` → `located-in`) and evidence notes back as evidence.

use std::collections::{BTreeSet, HashMap};

use super::export_doc::ExportDoc;
use super::import::{Endpoint, IncomingLink};
use super::labels::{brat_type, camel, kebab};
use super::relations::exported_links;
use super::row::rfc3339;
use super::warning::{ExportWarning, WarningKind};
use crate::core::annotation::AnnotationId;
use crate::core::evidence::{Evidence, EvidenceId, Snapshot, Stance};
use crate::core::link::LinkKind;

/// The brat relation type of a link kind, `None` if the kind's name cannot be one (brat type
/// names are ASCII letters, digits, `_` and `-`).
pub fn relation_type(kind: &LinkKind) -> Option<String> {
    let t = camel(kind.as_str());
    (!t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric())).then_some(t)
}

/// The link kind of a brat relation type: factmark's own names back, any other brat-legal
/// name as a kind of the user's own (lowercase, words joined by `-`).
pub fn kind_of_relation(t: &str) -> Result<LinkKind, String> {
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(format!("{t:?} is not a brat relation type"));
    }
    kebab(t)
        .parse()
        .map_err(|e: crate::core::link::LinkKindError| e.to_string())
}

/// The `[relations]` lines declaring factmark's link kinds and `others` (kinds of the users'
/// own, as brat types), sorted.
pub fn relations_conf(others: &BTreeSet<String>) -> String {
    use crate::core::annotation::TagKind;
    let mut out = String::new();
    for kind in LinkKind::BUILT_IN {
        let (Some(name), Some((froms, tos))) = (relation_type(kind), kind.endpoints()) else {
            continue;
        };
        let types = |ks: &[TagKind]| ks.iter().map(|k| brat_type(*k)).collect::<Vec<_>>();
        out.push_str(&format!(
            "{name}\tArg1:{}, Arg2:{}{}\n",
            types(froms).join("|"),
            types(tos).join("|"),
            if kind.is_symmetric() {
                ", <REL-TYPE>:symmetric"
            } else {
                ""
            }
        ));
    }
    for name in others {
        out.push_str(&format!("{name}\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
    }
    out
}

/// The brat types of the users' own link kinds used in `docs`.
pub fn other_relation_types(docs: &[ExportDoc]) -> BTreeSet<String> {
    docs.iter()
        .flat_map(|d| d.annotations.iter())
        .flat_map(|p| p.annotation.links.iter())
        .filter(|l| matches!(l.kind, LinkKind::Other(_)))
        .filter_map(|l| relation_type(&l.kind))
        .collect()
}

/// The relation lines (without their `R` ids) of `doc`'s links whose ends have `T` ids in
/// `tids`; the others are reported.
pub fn relation_lines(
    doc: &ExportDoc,
    tids: &HashMap<AnnotationId, String>,
    warnings: &mut Vec<ExportWarning>,
) -> Vec<String> {
    let mut out = Vec::new();
    for l in exported_links(doc, &|id| tids.contains_key(&id), "brat", warnings) {
        let (Some(name), Some(a1), Some(a2)) = (
            relation_type(&l.link.kind),
            tids.get(&l.from.id),
            tids.get(&l.to.id),
        ) else {
            warnings.push(ExportWarning::about(
                &doc.path,
                l.from,
                WarningKind::Skipped,
                format!(
                    "its {} link is not exported to brat: brat relation types are ASCII letters and digits",
                    l.link.kind
                ),
            ));
            continue;
        };
        out.push(format!("{name} Arg1:{a1} Arg2:{a2}"));
    }
    out
}

/// Separates the parts of an evidence line.
const SEP: &str = " — ";

/// The start of an evidence note.
const PREFIX: &str = "Evidence (";

/// One readable line for an evidence item.
pub fn evidence_line(e: &Evidence) -> String {
    let url = if e.url.trim().is_empty() {
        "(no URL)".to_owned()
    } else {
        one_word(&e.url)
    };
    let mut line = format!("{PREFIX}{}): {url}", e.stance.as_str());
    if !e.archived.trim().is_empty() {
        line.push_str(&format!("{SEP}archived: {}", one_word(&e.archived)));
    }
    line.push_str(&format!("{SEP}consulted: {}", rfc3339(e.consulted)));
    if let Some(s) = &e.snapshot {
        line.push_str(&format!("{SEP}snapshot: {} sha256:{}", s.path, s.sha256));
    }
    if !e.title.trim().is_empty() {
        line.push_str(&format!("{SEP}title: {}", e.title.trim()));
    }
    line
}

/// Whether an evidence item holds more than its brat line can (publisher, date, excerpt,
/// note).
pub fn evidence_is_lossy(e: &Evidence) -> bool {
    !e.publisher.is_empty() || e.published.is_some() || !e.excerpt.is_empty() || !e.note.is_empty()
}

/// A URL with its whitespace percent-encoded, so it stays one word.
fn one_word(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                let mut buf = [0u8; 4];
                c.encode_utf8(&mut buf)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Reads an evidence line back; `None` if the note is not one.
pub fn parse_evidence_line(line: &str) -> Option<Evidence> {
    let rest = line.trim().strip_prefix(PREFIX)?;
    let (stance, rest) = rest.split_once("): ")?;
    let stance: Stance = stance.parse().ok()?;
    let mut parts = rest.split(SEP);
    let url = parts.next()?.trim();
    let url = if url == "(no URL)" { "" } else { url };
    let mut consulted = None;
    let mut e = Evidence::new(url, stance, chrono::DateTime::<chrono::Utc>::UNIX_EPOCH);
    let mut title: Option<String> = None;
    for part in parts {
        if let Some(t) = title.as_mut() {
            // A title holding the separator: the rest of the line is the title.
            t.push_str(SEP);
            t.push_str(part);
            continue;
        }
        let (key, value) = part.split_once(": ")?;
        match key {
            "archived" => e.archived = value.trim().to_owned(),
            "consulted" => {
                consulted = chrono::DateTime::parse_from_rfc3339(value.trim())
                    .ok()
                    .map(|t| t.with_timezone(&chrono::Utc));
            }
            "snapshot" => {
                let (path, sha) = value.rsplit_once(" sha256:")?;
                e.snapshot = Some(Snapshot {
                    path: path.to_owned(),
                    sha256: sha.trim().to_owned(),
                });
            }
            "title" => title = Some(value.to_owned()),
            _ => return None,
        }
    }
    e.consulted = consulted?;
    e.title = title.unwrap_or_default();
    e.id = EvidenceId::random();
    Some(e)
}

/// An `R` line (`data` is `TYPE Arg1:T1 Arg2:T2`) as a link between the items of `by_tid`.
pub fn parse_relation(
    id: &str,
    data: &str,
    by_tid: &HashMap<String, usize>,
    dropped: &[String],
) -> Result<IncomingLink, String> {
    let words: Vec<&str> = data.split_whitespace().collect();
    let [kind, a1, a2] = words.as_slice() else {
        return Err("expected TYPE Arg1:ID Arg2:ID".to_owned());
    };
    let kind = kind_of_relation(kind)?;
    let mut ends = Vec::with_capacity(2);
    for arg in [a1, a2] {
        let Some((_role, target)) = arg.split_once(':') else {
            return Err(format!("{arg:?} is not ROLE:ID"));
        };
        if dropped.iter().any(|d| d == target) {
            return Err(format!("refers to {target}, which was not imported"));
        }
        let index = by_tid
            .get(target)
            .ok_or_else(|| format!("refers to {target}, which is not a text span in the file"))?;
        ends.push(Endpoint::Item(*index));
    }
    Ok(IncomingLink {
        item: format!("{id} ({data})"),
        from: ends[0],
        to: ends[1],
        kind,
        id: None,
        author: None,
        created: None,
        note: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_types_round_trip() {
        for k in LinkKind::BUILT_IN
            .iter()
            .cloned()
            .chain([LinkKind::Other("based-on".into())])
        {
            let t = relation_type(&k).unwrap();
            assert!(t.chars().all(|c| c.is_ascii_alphanumeric()), "{t}");
            assert_eq!(kind_of_relation(&t).unwrap(), k);
        }
        assert_eq!(
            kind_of_relation("Located_in").unwrap(),
            LinkKind::Other("located-in".into())
        );
        assert!(relation_type(&LinkKind::Other("réfute".into())).is_none());
        assert!(kind_of_relation("a:b").is_err());
    }

    #[test]
    fn evidence_lines_round_trip() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-01-02T09:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let mut e = Evidence::new("https://ons.example/crime?a=1", Stance::Refutes, t);
        e.archived = "https://web.archive.org/web/2026/https://ons.example/crime".into();
        e.title = "Crime — year ending March".into();
        e.snapshot = Some(Snapshot {
            path: "snapshots/ons crime.html".into(),
            sha256: "ab".repeat(32),
        });
        let line = evidence_line(&e);
        assert!(!line.contains(['\n', '\t']), "{line}");
        let mut back = parse_evidence_line(&line).unwrap();
        back.id = e.id;
        assert_eq!(back, e);
        assert!(parse_evidence_line("Evidence is thin here").is_none());
    }
}
