//! Label names: the labels factmark writes for its tags, and the labels of other tools an
//! importer maps back to tags (common NER labels included). Unknown labels map to nothing; the
//! importer reports them rather than guess.

use crate::core::annotation::{EntityKind, ReviewStatus, Tag, TagKind, Verdict};

/// The upper-case label of a tag in doccano, spaCy and CoNLL: `CLAIM`, `QUOTE`, `DATE`,
/// `ENTITY`.
pub fn upper(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Claim => "CLAIM",
        TagKind::Quote => "QUOTE",
        TagKind::Date => "DATE",
        TagKind::Entity => "ENTITY",
    }
}

/// The capitalized brat type of a tag: `Claim`, `Quote`, `Date`, `Entity`.
pub fn brat_type(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Claim => "Claim",
        TagKind::Quote => "Quote",
        TagKind::Date => "Date",
        TagKind::Entity => "Entity",
    }
}

/// The tag (with default attributes, and the entity kind the label implies) for a label of
/// another tool, case-insensitively: factmark's own four tags and the usual NER labels
/// (`PERSON`/`PER`, `ORG`, `LOC`/`GPE`/`PLACE`, `MISC`, `TIME`…). `None` if unknown.
pub fn tag_for_label(label: &str) -> Option<Tag> {
    let l = label.trim().to_ascii_lowercase().replace([' ', '_'], "-");
    let entity = |kind| Tag::Entity {
        kind,
        identifier: None,
    };
    Some(match l.as_str() {
        "claim" | "claims" | "check-worthy-claim" => Tag::new(TagKind::Claim),
        "quote" | "quotation" | "quote-span" | "citation" => Tag::new(TagKind::Quote),
        "date" | "time" | "datetime" | "timex" | "timex3" => Tag::new(TagKind::Date),
        "entity" | "ent" | "misc" | "other" | "named-entity" => entity(EntityKind::Other),
        "person" | "per" | "pers" | "people" => entity(EntityKind::Person),
        "organization" | "organisation" | "org" | "company" | "institution" => {
            entity(EntityKind::Organization)
        }
        "place" | "location" | "loc" | "gpe" | "geo" | "country" | "city" => {
            entity(EntityKind::Place)
        }
        _ => return None,
    })
}

/// `mostly-false` → `MostlyFalse`: a kebab-case word as a brat attribute value.
pub fn camel(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let mut cs = part.chars();
            cs.next()
                .map(|first| first.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `MostlyFalse` (or `Mostly false`, `mostly_false`) → `mostly-false`: a brat attribute value
/// as a kebab-case word.
pub fn kebab(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        if matches!(c, ' ' | '_' | '-') {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            continue;
        }
        if c.is_ascii_uppercase() && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A verdict from a word in any common spelling (`MostlyFalse`, `mostly false`, `mostly-false`).
pub fn verdict(word: &str) -> Option<Verdict> {
    kebab(word.trim()).parse().ok()
}

/// An entity kind from a word in any common spelling.
pub fn entity_kind(word: &str) -> Option<EntityKind> {
    kebab(word.trim()).parse().ok()
}

/// A review status from a word in any common spelling (`NeedsWork`, `needs-work`).
pub fn review_status(word: &str) -> Option<ReviewStatus> {
    kebab(word.trim()).parse().ok()
}

/// A Wikidata QID (`Q42`), if `s` is one.
pub fn qid(s: &str) -> Option<&str> {
    let digits = s.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// The URL of an entity identifier: a QID's Wikidata page, or the identifier if it is an
/// http(s) URL. `None` for anything else.
pub fn identifier_url(identifier: &str) -> Option<String> {
    let id = identifier.trim();
    if let Some(q) = qid(id) {
        return Some(format!("https://www.wikidata.org/wiki/{q}"));
    }
    (id.starts_with("https://") || id.starts_with("http://")).then(|| id.to_owned())
}

/// The identifier factmark stores for a URL or `DB:ID` reference from another tool: Wikidata
/// entity and page URLs become their QID; anything else is kept as it is.
pub fn identifier_from_reference(reference: &str) -> String {
    let r = reference.trim();
    for prefix in [
        "http://www.wikidata.org/entity/",
        "https://www.wikidata.org/entity/",
        "https://www.wikidata.org/wiki/",
        "http://www.wikidata.org/wiki/",
        "Wikidata:",
        "wikidata:",
        "wd:",
    ] {
        if let Some(rest) = r.strip_prefix(prefix)
            && qid(rest).is_some()
        {
            return rest.to_owned();
        }
    }
    r.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_convert_both_ways() {
        for v in Verdict::ALL {
            assert_eq!(verdict(&camel(v.as_str())), Some(*v));
        }
        assert_eq!(camel("needs-work"), "NeedsWork");
        assert_eq!(kebab("NeedsWork"), "needs-work");
        assert_eq!(verdict("Mostly False"), Some(Verdict::MostlyFalse));
        assert_eq!(review_status("NeedsWork"), Some(ReviewStatus::NeedsWork));
        assert_eq!(entity_kind("Organization"), Some(EntityKind::Organization));
    }

    #[test]
    fn labels_map_to_tags() {
        assert_eq!(tag_for_label("CLAIM"), Some(Tag::new(TagKind::Claim)));
        assert_eq!(
            tag_for_label("PER"),
            Some(Tag::Entity {
                kind: EntityKind::Person,
                identifier: None
            })
        );
        assert_eq!(tag_for_label("Negation"), None);
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            identifier_url("Q42").as_deref(),
            Some("https://www.wikidata.org/wiki/Q42")
        );
        assert_eq!(identifier_url("javascript:alert(1)"), None);
        assert_eq!(
            identifier_from_reference("http://www.wikidata.org/entity/Q42"),
            "Q42"
        );
        assert_eq!(
            identifier_from_reference("https://example.org/x"),
            "https://example.org/x"
        );
    }
}
