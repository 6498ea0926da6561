//! Finding annotations again in the current text: each one gets an anchoring status, a score
//! and its current span, and is never put on wrong text while claiming to be right.
//!
//! # Algorithm
//!
//! [`anchor_all`] works in stages; an annotation leaves at the first stage that settles it
//! (thresholds are the constants below; `m` is the quote's length in chars).
//!
//! 1. **Stored place.** The stored span still holds `exact`: exact. Quotes shorter than
//!    [`STORED_CONTEXT_QUOTE`] chars must also keep their context — one side verbatim, both
//!    together at least [`MIN_STORED_CONTEXT`] similar — since a shifted offset can land on
//!    another "the" by chance. An unchanged document costs one comparison per annotation.
//! 2. **Whole window, all annotations at once.** One rolling-hash pass over the text finds
//!    every verbatim copy of `prefix + exact + suffix` (up to 32 + m + 32 chars). Exactly one
//!    copy: moved there, score 1. Several: ambiguous (a duplicated paragraph; its position
//!    alone never decides). This settles everything an edit did not touch within 32 chars.
//! 3. **Search, one annotation at a time** (in parallel threads). The expected place is the
//!    stored offset shifted like the nearest annotation before it that stage 1 or 2 placed.
//!    Candidates are every exact occurrence of the quote in the whole text, plus approximate
//!    matches (bit-parallel Myers over chars, at most [`MAX_ERROR_RATE`] of errors) found first
//!    within a tenth of the text around the expected place and, if nothing acceptable is
//!    there, in the whole text. Quotes shorter than [`SHORT_QUOTE`] chars are never searched
//!    approximately on their own: `prefix + exact + suffix` is, and the quote's part of the
//!    alignment is the candidate (h#2634: "Linus" must not match "chines"). Exact occurrences
//!    do not pre-empt approximate ones (h#2798). Each candidate is scored
//!    `S = (50·q + 20·p + 20·s) / 90` from the similarities of quote, prefix and suffix
//!    (1 − edit distance / length); the distance to the expected place only breaks ties in the
//!    order of candidates, never decides.
//!    The best candidate is accepted only if it is acceptable on its own — exact text with
//!    context ≥ [`MIN_CONTEXT`] (or a unique quote of at least [`LONG_QUOTE`] chars); or
//!    approximate text with q ≥ [`MIN_FUZZY_QUOTE`], S ≥ [`MIN_FUZZY_SCORE`] and context ≥
//!    [`MIN_CONTEXT`] (or q ≥ [`MIN_LONE_FUZZY_QUOTE`] for long quotes) — and leads every other
//!    candidate by at least [`MARGIN`]. When its context is not perfect, it must also have no
//!    *witness*: if the stored prefix or suffix (16+ chars) still occurs verbatim somewhere
//!    else, the annotated place may still be there, edited, while a lookalike paragraph kept
//!    the quote (client#7571); that is ambiguous, not moved.
//! 4. **Replacement in place.** When stage 3 placed nothing with certainty (fuzzy, ambiguous
//!    or orphaned), the stored prefix and suffix are looked for near the expected place
//!    (approximately, a few errors each). A tight pair of them — the prefix ending, the suffix
//!    starting a little further on — around text other than the quote is a correction made in
//!    place: **changed**, with the new text and its span. Only when that pair is the one
//!    place: another pair nearly as good (lookalike paragraphs), or a place where the quote
//!    itself was found with a context nearly as good, makes it ambiguous instead. Text with
//!    no letter or digit between the two sides (a cut) is not a replacement.
//! 5. **Otherwise** ambiguous, when two or more places are plausible, or orphaned; the best
//!    candidates are kept either way, for the user to choose from. A quote of 8 chars or
//!    more still found verbatim exactly once, whose surroundings changed too much to place it
//!    (its sentence reworded around a name), is **fuzzy** there instead: offered for a person
//!    to confirm, never applied on its own.
//!
//! [`apply_anchoring`] then updates exact and moved annotations (offsets and context);
//! changed, fuzzy, ambiguous and orphaned ones are never rewritten here: the user decides
//! (the `corrections` module says what accepting a change does).
//!
//! # No snapshot diff
//!
//! The sidecar stores no copy of the last-anchored text, so there is nothing to diff against
//! (the `similar` crate is not used). Stage 2 gives what a diff would for untouched spans at a
//! lower cost, and stage 3 handles edited ones. Keeping a snapshot would let lookalike and
//! duplicated paragraphs be told apart by history; without it they come out ambiguous, which
//! is honest.
//!
//! # Cost
//!
//! Stage 1 is O(m) per annotation; stage 2 one O(n) pass for all; stage 3 runs only for
//! annotations an edit touched: an exact search of the whole text (memchr) and a Myers scan of
//! O(window · ⌈k/64⌉) (Ukkonen's cut-off), the whole text only when nothing is found nearby.
//! Measured by `cargo bench --bench anchoring`: a 1 MB document with 5,000 annotations takes
//! about 1 ms unchanged and about 0.1 s after 100 random edits.

use std::num::NonZero;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::annotation::Annotation;
use super::context::ContextScorer;
use super::locate::locate;
use super::text::Text;
use super::windows::find_windows;

/// Quotes shorter than this are accepted at their stored place only if their context agrees.
pub const STORED_CONTEXT_QUOTE: usize = 16;
/// The mean context similarity a short quote needs to stay at its stored place; one side of
/// its context must moreover be intact, char for char (a similarity alone would let an offset
/// shifted by a few chars land on a nearby copy of a one-word quote).
pub const MIN_STORED_CONTEXT: f64 = 0.75;
/// Quotes shorter than this are searched approximately only together with their context.
pub const SHORT_QUOTE: usize = 12;
/// Quotes at least this long may be accepted with little matching context.
pub const LONG_QUOTE: usize = 40;
/// The largest share of a quote's chars that an approximate match may get wrong.
pub const MAX_ERROR_RATE: f64 = 0.25;
/// The mean prefix and suffix similarity a candidate needs.
pub const MIN_CONTEXT: f64 = 0.5;
/// The quote similarity an approximate match needs.
pub const MIN_FUZZY_QUOTE: f64 = 0.75;
/// The overall score an approximate match needs.
pub const MIN_FUZZY_SCORE: f64 = 0.8;
/// The quote similarity a long approximate match needs when its context is poor.
pub const MIN_LONE_FUZZY_QUOTE: f64 = 0.9;
/// How far the best candidate's score must lead every other's.
pub const MARGIN: f64 = 0.05;
/// Below this many searches, stage 3 runs on one thread.
const MIN_SEARCHES_PER_THREAD: usize = 4;

/// How an annotation relates to the current text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum AnchorStatus {
    /// The stored offsets still hold the exact text.
    Exact,
    /// The exact text was found, unambiguously, at another place.
    Moved,
    /// The text was replaced in place: the stored context before and after it was found once,
    /// unambiguously, around different text (a correction). The new text is in `found`.
    Changed,
    /// Similar, but not identical, text was found.
    Fuzzy,
    /// Several places fit about equally well and nothing tells which one is meant.
    Ambiguous,
    /// No place fits: the text was not found, or only where its context says it does not
    /// belong.
    Orphaned,
}

impl AnchorStatus {
    /// Every status, in order.
    pub const ALL: &'static [AnchorStatus] = &[
        AnchorStatus::Exact,
        AnchorStatus::Moved,
        AnchorStatus::Changed,
        AnchorStatus::Fuzzy,
        AnchorStatus::Ambiguous,
        AnchorStatus::Orphaned,
    ];

    /// The stable lowercase name used by the CLI and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Changed => "changed",
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
                format!("{s:?} is not an anchoring status; expected exact|moved|changed|fuzzy|ambiguous|orphaned")
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
    /// The current span: the found place for exact, moved, changed and fuzzy; the stored one
    /// otherwise.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Confidence from 0 to 1: the score of the place found (1 for an untouched quote and
    /// context); for ambiguous and orphaned annotations, that of the best candidate (0 if none).
    pub score: f64,
    /// For changed and fuzzy annotations, the text now found (which differs from `exact`).
    pub found: Option<String>,
    /// For ambiguous and orphaned annotations, the places it could belong to, best first (at
    /// most a few); empty otherwise.
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

    fn placed(a: &Annotation, start: usize, end: usize, score: f64) -> Self {
        let same = start == a.start && end == a.end;
        Self {
            status: if same {
                AnchorStatus::Exact
            } else {
                AnchorStatus::Moved
            },
            start,
            end,
            score,
            found: None,
            candidates: Vec::new(),
        }
    }
}

/// Anchors one annotation in `text` (see the module documentation). Anchoring many at once
/// with [`anchor_all`] is faster and better informed.
pub fn anchor(text: &Text, a: &Annotation) -> Anchoring {
    anchor_all(text, std::slice::from_ref(a))
        .pop()
        .unwrap_or_else(|| Anchoring::unresolved(a, AnchorStatus::Orphaned, Vec::new()))
}

/// Anchors every annotation; the results are in the same order as `annotations`.
pub fn anchor_all(text: &Text, annotations: &[Annotation]) -> Vec<Anchoring> {
    let mut out: Vec<Option<Anchoring>> = annotations
        .iter()
        .map(|a| at_stored_place(text, a))
        .collect();
    let pending: Vec<usize> = (0..annotations.len())
        .filter(|&i| out[i].is_none())
        .collect();
    if !pending.is_empty() {
        let refs: Vec<&Annotation> = pending.iter().map(|&i| &annotations[i]).collect();
        let mut searches = Vec::new();
        for (&i, places) in pending.iter().zip(find_windows(text, &refs)) {
            let a = &annotations[i];
            let m = a.exact.chars().count();
            match places.as_slice() {
                [] => searches.push(i),
                [one] => out[i] = Some(Anchoring::placed(a, *one, one + m, 1.0)),
                many => {
                    let candidates = many
                        .iter()
                        .map(|&start| Candidate {
                            start,
                            end: start + m,
                            score: 1.0,
                        })
                        .collect();
                    let mut r = Anchoring::unresolved(a, AnchorStatus::Ambiguous, candidates);
                    r.score = 1.0;
                    out[i] = Some(r);
                }
            }
        }
        let jobs = with_hints(annotations, &out, &searches);
        for (i, r) in search_all(text, annotations, &jobs) {
            out[i] = Some(r);
        }
    }
    out.into_iter()
        .zip(annotations)
        .map(|(r, a)| {
            r.unwrap_or_else(|| Anchoring::unresolved(a, AnchorStatus::Orphaned, Vec::new()))
        })
        .collect()
}

/// Stage 1: the stored span, if it still holds the quote (and, for short quotes, its
/// context). Annotations that can never be found (empty or reversed span, empty quote) are
/// orphaned here.
fn at_stored_place(text: &Text, a: &Annotation) -> Option<Anchoring> {
    if a.exact.is_empty() || a.end <= a.start {
        return Some(Anchoring::unresolved(a, AnchorStatus::Orphaned, Vec::new()));
    }
    if a.end > text.char_count() || text.slice(a.start..a.end) != a.exact {
        return None;
    }
    if a.end - a.start >= STORED_CONTEXT_QUOTE {
        return Some(Anchoring::placed(a, a.start, a.end, 1.0));
    }
    let prefix_kept =
        text.slice(a.start.saturating_sub(a.prefix.chars().count())..a.start) == a.prefix;
    let suffix_kept = text.slice(a.end..a.end + a.suffix.chars().count()) == a.suffix;
    let (p, s) = match (prefix_kept, suffix_kept) {
        (true, true) => return Some(Anchoring::placed(a, a.start, a.end, 1.0)),
        (true, false) => (1.0, ContextScorer::new(text, a).suffix(a.end)),
        (false, true) => (ContextScorer::new(text, a).prefix(a.start), 1.0),
        (false, false) => return None,
    };
    ((p + s) / 2.0 >= MIN_STORED_CONTEXT)
        .then(|| Anchoring::placed(a, a.start, a.end, (50.0 + 20.0 * p + 20.0 * s) / 90.0))
}

/// The expected current start of each annotation to search: its stored start shifted like the
/// nearest placed annotation stored before it (or, failing that, after it).
fn with_hints(
    annotations: &[Annotation],
    out: &[Option<Anchoring>],
    searches: &[usize],
) -> Vec<(usize, usize)> {
    let mut shifts: Vec<(usize, isize)> = annotations
        .iter()
        .zip(out)
        .filter_map(|(a, r)| {
            let r = r.as_ref().filter(|r| r.status.is_anchored())?;
            Some((a.start, r.start as isize - a.start as isize))
        })
        .collect();
    shifts.sort_unstable();
    searches
        .iter()
        .map(|&i| {
            let start = annotations[i].start;
            let at = shifts.partition_point(|&(s, _)| s <= start);
            let shift = shifts
                .get(at.wrapping_sub(1))
                .or(shifts.get(at))
                .map_or(0, |&(_, d)| d);
            (i, start.saturating_add_signed(shift))
        })
        .collect()
}

/// Stage 3 for each `(annotation index, hint)`, on as many threads as are useful.
fn search_all(
    text: &Text,
    annotations: &[Annotation],
    jobs: &[(usize, usize)],
) -> Vec<(usize, Anchoring)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZero::get)
        .min(jobs.len() / MIN_SEARCHES_PER_THREAD)
        .max(1);
    let run = |&(i, hint): &(usize, usize)| (i, locate(text, &annotations[i], hint));
    if threads == 1 {
        return jobs.iter().map(run).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
            mine.push(run(job));
        }
        mine
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
        // A search that panicked leaves its annotations unresolved: they come out orphaned.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Brings `a` in line with its anchoring result `r` where nothing can be lost: an exact or
/// moved annotation takes its current span and fresh context (its quote is, by definition,
/// unchanged). Fuzzy, ambiguous and orphaned annotations are left untouched until the user
/// accepts a place. Returns whether anything changed.
pub fn apply_anchoring(text: &Text, a: &mut Annotation, r: &Anchoring) -> bool {
    if !r.status.is_anchored()
        || r.start >= r.end
        || r.end > text.char_count()
        || !same_words(text.slice(r.start..r.end), &a.exact)
    {
        return false;
    }
    let before = (a.start, a.end, a.prefix.clone(), a.suffix.clone());
    a.set_span(text, r.start, r.end);
    (a.start, a.end, &a.prefix, &a.suffix) != (before.0, before.1, &before.2, &before.3)
}

/// Whether two texts have the same words, whatever white space is between them (a paragraph
/// wrapped again at other places: a space matches any white space).
pub fn same_words(a: &str, b: &str) -> bool {
    a == b || a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
