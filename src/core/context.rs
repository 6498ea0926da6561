//! How well the text around a candidate place matches an annotation's stored prefix and
//! suffix: a similarity from 0 to 1 for each side, by bit-parallel edit distance.

use super::annotation::Annotation;
use super::fuzzy::Pattern;
use super::text::Text;

/// Similarity given to a side whose stored context is empty (the annotation touched the start
/// or end of the document) when the candidate does not touch it: no evidence either way.
const NEUTRAL: f64 = 0.5;

/// Scores the context of candidate places for one annotation.
#[derive(Debug, Clone)]
pub struct ContextScorer<'a> {
    text: &'a Text,
    prefix: Pattern,
    /// The stored suffix, reversed: it is matched backwards from the candidate's end.
    suffix_rev: Pattern,
}

impl<'a> ContextScorer<'a> {
    /// Prepares the stored prefix and suffix of `a` for scoring places in `text`.
    pub fn new(text: &'a Text, a: &Annotation) -> Self {
        let prefix: Vec<char> = a.prefix.chars().collect();
        let suffix_rev: Vec<char> = a.suffix.chars().rev().collect();
        Self {
            text,
            prefix: Pattern::new(&prefix),
            suffix_rev: Pattern::new(&suffix_rev),
        }
    }

    /// Similarity of the text just before `start` to the stored prefix: 1 minus the edit
    /// distance of the prefix to the best-matching text that ends exactly at `start`, divided
    /// by the prefix's length.
    pub fn prefix(&self, start: usize) -> f64 {
        let len = self.prefix.len();
        if len == 0 {
            return if start == 0 { 1.0 } else { NEUTRAL };
        }
        let from = start.saturating_sub(reach(len));
        let d = self
            .prefix
            .distance_to_end(self.text.slice(from..start).chars());
        similarity(d, len)
    }

    /// Similarity of the text just after `end` to the stored suffix (see [`Self::prefix`]).
    pub fn suffix(&self, end: usize) -> f64 {
        let len = self.suffix_rev.len();
        let n = self.text.char_count();
        if len == 0 {
            return if end >= n { 1.0 } else { NEUTRAL };
        }
        let to = (end + reach(len)).min(n);
        let d = self
            .suffix_rev
            .distance_to_end(self.text.slice(end.min(to)..to).chars().rev());
        similarity(d, len)
    }
}

/// How far from the candidate a side of `len` chars is looked for: its length plus a quarter,
/// so text inserted into the context costs what it should and no more.
fn reach(len: usize) -> usize {
    len + len / 4 + 1
}

fn similarity(distance: usize, len: usize) -> f64 {
    (1.0 - distance as f64 / len as f64).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Tag, TagKind};
    use chrono::Utc;

    #[test]
    fn context_is_scored_by_edit_distance() {
        let t = Text::from_str_normalized("one two three four five six seven");
        let a = Annotation::new(&t, 14, 18, Tag::new(TagKind::Quote), "a", Utc::now()).unwrap();
        assert_eq!(a.exact, "four");
        let same = ContextScorer::new(&t, &a);
        assert_eq!((same.prefix(14), same.suffix(18)), (1.0, 1.0));
        let t2 = Text::from_str_normalized("one two thre four five six seven");
        let edited = ContextScorer::new(&t2, &a);
        let p = edited.prefix(13);
        assert!((p - (1.0 - 1.0 / 14.0)).abs() < 1e-9, "{p}");
        assert_eq!(edited.suffix(17), 1.0);
        assert!(edited.prefix(0) < 0.1);
    }

    #[test]
    fn empty_context_means_a_document_edge() {
        let t = Text::from_str_normalized("Hello there");
        let a = Annotation::new(&t, 0, 11, Tag::new(TagKind::Quote), "a", Utc::now()).unwrap();
        let s = ContextScorer::new(&t, &a);
        assert_eq!((s.prefix(0), s.suffix(11)), (1.0, 1.0));
        let t2 = Text::from_str_normalized("Oh. Hello there!");
        let s2 = ContextScorer::new(&t2, &a);
        assert_eq!((s2.prefix(4), s2.suffix(15)), (NEUTRAL, NEUTRAL));
    }
}
