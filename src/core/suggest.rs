//! Suggested annotations, never added silently: dates (normalized with chrono), quotations
//! between straight or curly quotes and guillemets, further mentions of entities already
//! tagged in the document, and correction notices ("Correction:", "Editor's note:", "An
//! earlier version of this article …"), offered as claims with a note. The user accepts or
//! dismisses them; this module only finds them.

mod dates;
mod entities;
mod notices;
mod quotes;

use chrono::{DateTime, Utc};

use super::annotation::{Annotation, DateValue, SpanError, Tag, TagKind};
use super::text::Text;

pub use dates::find_dates;
pub use entities::find_entity_mentions;
pub use notices::{NOTICE_NOTE, find_notices};
pub use quotes::find_quotes;

/// A span that could be annotated, with the tag (and attributes) it would get.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Suggestion {
    /// The tag with its attributes: a date's normalized value, an entity's kind and
    /// identifier copied from the annotation it repeats, a quote without speaker.
    pub tag: Tag,
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
    /// The text of the span.
    pub exact: String,
    /// The note the annotation gets (a correction notice says it is one); usually empty.
    pub note: String,
}

impl Suggestion {
    /// A suggestion of `text[start..end]`.
    pub fn new(text: &Text, start: usize, end: usize, tag: Tag) -> Self {
        Self {
            tag,
            start,
            end,
            exact: text.slice(start..end).to_owned(),
            note: String::new(),
        }
    }

    /// The same suggestion with a note for the annotation.
    pub fn with_note(mut self, note: &str) -> Self {
        self.note = note.to_owned();
        self
    }

    /// Which tag it suggests.
    pub fn kind(&self) -> TagKind {
        self.tag.kind()
    }

    /// For dates, the normalized value (for a range, its start).
    pub fn date(&self) -> Option<&DateValue> {
        match &self.tag {
            Tag::Date { value } => value.as_ref(),
            _ => None,
        }
    }

    /// The annotation that accepting this suggestion adds (a new random id).
    pub fn to_annotation(
        &self,
        text: &Text,
        author: &str,
        now: DateTime<Utc>,
    ) -> Result<Annotation, SpanError> {
        let mut a = Annotation::new(text, self.start, self.end, self.tag.clone(), author, now)?;
        a.note.clone_from(&self.note);
        Ok(a)
    }

    fn sort_key(&self) -> (usize, usize, TagKind) {
        (self.start, self.end, self.kind())
    }
}

/// Every suggestion for `text`, sorted by (start, end, tag). `existing` are the document's
/// annotations at their current spans. A suggestion is left out when an existing annotation of
/// the same tag already overlaps it (an exact duplicate, or the same date or quotation marked
/// with slightly different bounds).
pub fn suggest(text: &Text, existing: &[Annotation]) -> Vec<Suggestion> {
    let mut all = find_dates(text);
    all.extend(find_quotes(text));
    all.extend(find_entity_mentions(text, existing));
    all.extend(find_notices(text));
    drop_covered(&mut all, existing);
    all.sort_by_key(Suggestion::sort_key);
    all.dedup_by(|x, y| x.sort_key() == y.sort_key());
    all
}

/// Only the suggestions of one tag, as [`suggest`] gives them.
pub fn suggest_kind(text: &Text, existing: &[Annotation], kind: TagKind) -> Vec<Suggestion> {
    let mut found = match kind {
        TagKind::Date => find_dates(text),
        TagKind::Quote => find_quotes(text),
        TagKind::Entity => find_entity_mentions(text, existing),
        TagKind::Claim => find_notices(text),
    };
    drop_covered(&mut found, existing);
    found.sort_by_key(Suggestion::sort_key);
    found.dedup_by(|x, y| x.sort_key() == y.sort_key());
    found
}

/// Drops the suggestions that an existing annotation of the same tag overlaps.
fn drop_covered(found: &mut Vec<Suggestion>, existing: &[Annotation]) {
    let per_kind: Vec<(TagKind, Coverage)> = TagKind::ALL
        .iter()
        .map(|&k| {
            (
                k,
                Coverage::new(existing.iter().filter(|a| a.tag.kind() == k)),
            )
        })
        .collect();
    found.retain(|s| {
        !per_kind
            .iter()
            .any(|(k, c)| *k == s.kind() && c.overlaps(s.start, s.end))
    });
}

/// Spans, for asking in O(log n) whether any of them overlaps a range.
#[derive(Debug, Default)]
struct Coverage {
    /// (start, the largest end among this and all earlier spans), sorted by start.
    spans: Vec<(usize, usize)>,
}

impl Coverage {
    fn new<'a>(annotations: impl Iterator<Item = &'a Annotation>) -> Self {
        let mut spans: Vec<(usize, usize)> = annotations.map(|a| (a.start, a.end)).collect();
        spans.sort_unstable();
        let mut reach = 0;
        for span in &mut spans {
            reach = reach.max(span.1);
            span.1 = reach;
        }
        Self { spans }
    }

    /// Whether a span overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before_end = self.spans.partition_point(|&(s, _)| s < end);
        before_end > 0 && self.spans[before_end - 1].1 > start
    }
}

/// Byte range `start..end` of `text` as a char range.
fn chars_of(text: &Text, start: usize, end: usize) -> (usize, usize) {
    (text.char_of_byte(start), text.char_of_byte(end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::EntityKind;

    #[test]
    fn coverage_finds_overlaps() {
        let text = Text::from_str_normalized(&"x".repeat(100));
        let now = now();
        let spans = [(10, 50), (20, 25), (60, 70)];
        let anns: Vec<Annotation> = spans
            .iter()
            .map(|&(s, e)| {
                Annotation::new(&text, s, e, Tag::new(TagKind::Claim), "a", now).unwrap()
            })
            .collect();
        let c = Coverage::new(anns.iter());
        for (s, e, want) in [
            (0, 10, false),
            (0, 11, true),
            (49, 55, true),
            (50, 60, false),
            (30, 35, true),
            (69, 80, true),
            (70, 80, false),
        ] {
            assert_eq!(c.overlaps(s, e), want, "{s}..{e}");
        }
        assert!(!Coverage::default().overlaps(0, 10));
    }

    fn now() -> DateTime<Utc> {
        "2026-01-01T00:00:00Z".parse().unwrap()
    }

    #[test]
    fn suggestions_are_sorted_and_skip_existing_annotations() {
        let text = Text::from_str_normalized(
            "On 3 May 2024 Westmarch said “we will build the port” and Westmarch did. In 2019 too.",
        );
        let place = Annotation::new(
            &text,
            14,
            23,
            Tag::Entity {
                kind: EntityKind::Place,
                identifier: Some("Q1".into()),
            },
            "ana",
            now(),
        )
        .unwrap();
        let date = Annotation::new(&text, 3, 13, Tag::new(TagKind::Date), "ana", now()).unwrap();
        let found = suggest(&text, &[place.clone(), date]);
        let summary: Vec<_> = found
            .iter()
            .map(|s| (s.kind(), s.exact.as_str(), s.date().map(|d| d.to_string())))
            .collect();
        assert_eq!(
            summary,
            [
                (TagKind::Quote, "“we will build the port”", None),
                (TagKind::Entity, "Westmarch", None),
                (TagKind::Date, "2019", Some("2019".into())),
            ]
        );
        assert_eq!(found[1].tag, place.tag);
        let a = found[1].to_annotation(&text, "kim", now()).unwrap();
        assert_eq!((a.start, a.end, a.exact.as_str()), (58, 67, "Westmarch"));
        assert_eq!(suggest_kind(&text, &[place], TagKind::Date).len(), 2);
    }
}
