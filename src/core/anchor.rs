//! Finding annotations again in the current text: each one gets an anchoring status, a score
//! and its current span. This is the seam the full re-anchoring algorithm plugs into.

use super::annotation::Annotation;
use super::text::Text;

/// How an annotation relates to the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AnchorStatus {
    /// The stored offsets still hold the exact text.
    Exact,
    /// The exact text was found, unambiguously, at another place.
    Moved,
    /// Similar, but not identical, text was found.
    Fuzzy,
    /// The text occurs at several places and context cannot tell which one is meant.
    Ambiguous,
    /// The text was not found.
    Orphaned,
}

impl AnchorStatus {
    /// Every status, in order.
    pub const ALL: &'static [AnchorStatus] = &[
        AnchorStatus::Exact,
        AnchorStatus::Moved,
        AnchorStatus::Fuzzy,
        AnchorStatus::Ambiguous,
        AnchorStatus::Orphaned,
    ];

    /// The stable lowercase name used by the CLI and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Ambiguous => "ambiguous",
            AnchorStatus::Orphaned => "orphaned",
        }
    }

    /// Whether the annotation sits on its text with certainty (exact or moved).
    pub fn is_anchored(self) -> bool {
        matches!(self, AnchorStatus::Exact | AnchorStatus::Moved)
    }
}

impl std::str::FromStr for AnchorStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|st| st.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                format!("{s:?} is not an anchoring status; expected exact|moved|fuzzy|ambiguous|orphaned")
            })
    }
}

/// A place in the current text where an annotation may belong.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// How well it fits, from 0 (not at all) to 1 (exact text and context).
    pub score: f64,
}

/// The result of anchoring one annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchoring {
    /// The status.
    pub status: AnchorStatus,
    /// The current span: the found place for exact, moved and fuzzy; the stored one otherwise.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Confidence from 0 to 1.
    pub score: f64,
    /// For fuzzy matches, the text now found (which differs from `exact`).
    pub found: Option<String>,
    /// For ambiguous annotations, the places it could belong to.
    pub candidates: Vec<Candidate>,
}

impl Anchoring {
    fn unresolved(a: &Annotation, status: AnchorStatus, candidates: Vec<Candidate>) -> Self {
        Self {
            status,
            start: a.start,
            end: a.end,
            score: 0.0,
            found: None,
            candidates,
        }
    }
}

/// Anchors one annotation in `text`: the stored offsets if they still hold the exact text;
/// otherwise the single occurrence of the exact text, or the single occurrence whose context
/// also matches; otherwise ambiguous (several) or orphaned (none).
pub fn anchor(text: &Text, a: &Annotation) -> Anchoring {
    if a.exact.is_empty() || a.end <= a.start {
        return Anchoring::unresolved(a, AnchorStatus::Orphaned, Vec::new());
    }
    if a.end <= text.char_count() && text.slice(a.start..a.end) == a.exact {
        return Anchoring {
            status: AnchorStatus::Exact,
            start: a.start,
            end: a.end,
            score: 1.0,
            found: None,
            candidates: Vec::new(),
        };
    }
    let len = a.exact.chars().count();
    let hits: Vec<Candidate> = text
        .as_str()
        .match_indices(a.exact.as_str())
        .map(|(byte, _)| {
            let start = text.char_of_byte(byte);
            let end = start + len;
            let score = context_score(text, a, start, end);
            Candidate { start, end, score }
        })
        .collect();
    let chosen = match hits.as_slice() {
        [] => None,
        [only] => Some(only.clone()),
        many => {
            let full: Vec<&Candidate> = many.iter().filter(|c| c.score >= 1.0).collect();
            match full.as_slice() {
                [only] => Some((*only).clone()),
                _ => None,
            }
        }
    };
    match chosen {
        Some(c) => Anchoring {
            status: AnchorStatus::Moved,
            start: c.start,
            end: c.end,
            score: c.score,
            found: None,
            candidates: Vec::new(),
        },
        None if hits.is_empty() => Anchoring::unresolved(a, AnchorStatus::Orphaned, hits),
        None => Anchoring::unresolved(a, AnchorStatus::Ambiguous, hits),
    }
}

/// Anchors every annotation.
pub fn anchor_all(text: &Text, annotations: &[Annotation]) -> Vec<Anchoring> {
    annotations.iter().map(|a| anchor(text, a)).collect()
}

/// 1 when both the stored prefix and suffix match exactly around `start..end`, 0.5 when one
/// does, 0 when neither does.
fn context_score(text: &Text, a: &Annotation, start: usize, end: usize) -> f64 {
    let plen = a.prefix.chars().count();
    let slen = a.suffix.chars().count();
    let prefix_ok = start >= plen && text.slice(start - plen..start) == a.prefix;
    let suffix_ok = text.slice(end..end + slen) == a.suffix;
    (f64::from(u8::from(prefix_ok)) + f64::from(u8::from(suffix_ok))) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Tag, TagKind};
    use chrono::Utc;

    fn ann(t: &Text, s: usize, e: usize) -> Annotation {
        Annotation::new(t, s, e, Tag::new(TagKind::Quote), "ana", Utc::now()).unwrap()
    }

    #[test]
    fn unchanged_is_exact() {
        let t = Text::from_str_normalized("one two three");
        let a = ann(&t, 4, 7);
        assert_eq!(anchor(&t, &a).status, AnchorStatus::Exact);
    }

    #[test]
    fn inserted_text_moves_it() {
        let t = Text::from_str_normalized("one two three");
        let a = ann(&t, 8, 13);
        let t2 = Text::from_str_normalized("zero 😀 one two three");
        let r = anchor(&t2, &a);
        assert_eq!((r.status, r.start, r.end), (AnchorStatus::Moved, 15, 20));
        assert_eq!(t2.slice(r.start..r.end), "three");
    }

    #[test]
    fn repeated_text_uses_context_or_is_ambiguous() {
        let t = Text::from_str_normalized("the cat sat. the dog sat.");
        let a = ann(&t, 17, 24); // "dog sat"
        let t2 = Text::from_str_normalized("A the cat sat. the dog sat.");
        assert_eq!(anchor(&t2, &a).status, AnchorStatus::Moved);
        let b = ann(&t, 8, 11); // first "sat"
        let t3 = Text::from_str_normalized("sat, sat, sat");
        let r = anchor(&t3, &b);
        assert_eq!(r.status, AnchorStatus::Ambiguous);
        assert_eq!(r.candidates.len(), 3);
    }

    #[test]
    fn missing_text_is_orphaned_and_keeps_offsets() {
        let t = Text::from_str_normalized("one two three");
        let a = ann(&t, 4, 7);
        let r = anchor(&Text::from_str_normalized("nothing here"), &a);
        assert_eq!((r.status, r.start, r.end), (AnchorStatus::Orphaned, 4, 7));
    }
}
