//! Finding further mentions of entities already tagged in a document: the same text (a space
//! matches any run of whitespace), case-sensitive, as a whole word, where no entity annotation
//! is yet. The suggestion copies the kind and identifier of the tagged entity (the most
//! frequent ones when the same text is tagged several ways).

use std::collections::BTreeMap;

use super::{Coverage, Suggestion, chars_of};
use crate::core::annotation::{Annotation, EntityKind, Tag};
use crate::core::text::Text;

/// Mentions of already-tagged entities not yet covered by an entity annotation, in order;
/// where two overlap, the longer one wins ("Amélie Dufrêne" over "Dufrêne").
pub fn find_entity_mentions(text: &Text, existing: &[Annotation]) -> Vec<Suggestion> {
    let entities: Vec<&Annotation> = existing
        .iter()
        .filter(|a| matches!(a.tag, Tag::Entity { .. }))
        .collect();
    let tags = tag_per_text(&entities);
    if tags.is_empty() {
        return Vec::new();
    }
    // Longest names first, so the leftmost-first alternation prefers "Amélie Dufrêne" to
    // "Amélie" at the same place.
    let mut names: Vec<&String> = tags.keys().collect();
    names.sort_by_key(|n| (std::cmp::Reverse(n.len()), n.as_str()));
    let pattern = names
        .iter()
        .map(|n| {
            n.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|");
    let Ok(re) = regex::RegexBuilder::new(&pattern)
        .size_limit(1 << 28)
        .build()
    else {
        return Vec::new();
    };
    let coverage = Coverage::new(entities.iter().copied());
    let s = text.as_str();
    let mut found = Vec::new();
    for m in re.find_iter(s) {
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        if before.is_some_and(is_word) || after.is_some_and(is_word) {
            continue;
        }
        let (start, end) = chars_of(text, m.start(), m.end());
        if coverage.overlaps(start, end) {
            continue;
        }
        let key = normalize(m.as_str());
        if let Some(tag) = tags.get(&key) {
            found.push(Suggestion::new(text, start, end, tag.clone()));
        }
    }
    found
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Collapses whitespace runs to one space.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For each tagged entity text (at least two chars with a letter or digit), the most frequent
/// (kind, identifier); ties go to the first in document order.
fn tag_per_text(entities: &[&Annotation]) -> BTreeMap<String, Tag> {
    type Attrs = (EntityKind, Option<String>);
    let mut votes: BTreeMap<String, Vec<(Attrs, usize)>> = BTreeMap::new();
    for a in entities {
        let Tag::Entity { kind, identifier } = &a.tag else {
            continue;
        };
        let name = normalize(&a.exact);
        if name.chars().count() < 2 || !name.chars().any(char::is_alphanumeric) {
            continue;
        }
        let tally = votes.entry(name).or_default();
        let attrs = (*kind, identifier.clone());
        match tally.iter_mut().find(|(x, _)| *x == attrs) {
            Some((_, n)) => *n += 1,
            None => tally.push((attrs, 1)),
        }
    }
    votes
        .into_iter()
        .filter_map(|(name, tally)| {
            // `max_by_key` keeps the last of equal maxima; reverse to keep the first.
            let ((kind, identifier), _) = tally.into_iter().rev().max_by_key(|(_, n)| *n)?;
            Some((name, Tag::Entity { kind, identifier }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &Text, start: usize, end: usize, kind: EntityKind) -> Annotation {
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        let tag = Tag::Entity {
            kind,
            identifier: None,
        };
        Annotation::new(text, start, end, tag, "ana", now).unwrap()
    }

    fn mentions(text: &Text, existing: &[Annotation]) -> Vec<(usize, String)> {
        find_entity_mentions(text, existing)
            .into_iter()
            .map(|s| (s.start, s.exact))
            .collect()
    }

    #[test]
    fn whole_words_not_yet_tagged() {
        let t = Text::from_str_normalized(
            "Calder grew. Calderwood did not. In Calder’s port, Calder\nCity and Calder again.",
        );
        let tagged = entity(&t, 0, 6, EntityKind::Place);
        let found = find_entity_mentions(&t, std::slice::from_ref(&tagged));
        let spans: Vec<_> = found.iter().map(|s| (s.start, s.exact.as_str())).collect();
        assert_eq!(spans, [(36, "Calder"), (51, "Calder"), (67, "Calder")]);
        assert_eq!(found[0].tag, tagged.tag);
    }

    #[test]
    fn longer_names_win_and_existing_entities_block() {
        let t = Text::from_str_normalized(
            "Amélie Dufrêne spoke. Dufrêne left. Later Amélie Dufrêne came back.",
        );
        let full = entity(&t, 0, 14, EntityKind::Person);
        let last = entity(&t, 22, 29, EntityKind::Person);
        assert_eq!(
            mentions(&t, &[full.clone(), last]),
            [(42, "Amélie Dufrêne".to_owned())]
        );
        // Only the surname tagged: the full name's surname is suggested, and the other one.
        let last = entity(&t, 22, 29, EntityKind::Person);
        assert_eq!(
            mentions(&t, &[last]),
            [(7, "Dufrêne".to_owned()), (49, "Dufrêne".to_owned())]
        );
    }

    #[test]
    fn most_frequent_attributes_and_loose_whitespace() {
        let t =
            Text::from_str_normalized("Harbor Institute, Harbor Institute, Harbor\u{a0}Institute.");
        let a = entity(&t, 0, 16, EntityKind::Organization);
        let b = entity(&t, 18, 34, EntityKind::Place);
        let c = entity(&t, 18, 34, EntityKind::Place);
        let found = find_entity_mentions(&t, &[a, b, c]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].exact, "Harbor\u{a0}Institute");
        assert!(matches!(
            found[0].tag,
            Tag::Entity {
                kind: EntityKind::Place,
                ..
            }
        ));
    }
}
