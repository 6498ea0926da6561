//! Finding one annotation whose stored place and stored window no longer hold: every exact
//! occurrence of its quote and every approximate match near its expected place are scored by
//! quote and context similarity, and the best is accepted only when it is clearly right.
//! The thresholds live in [`super::anchor`], which describes the whole algorithm.

use std::ops::Range;

use super::anchor::{
    AnchorStatus, Anchoring, Candidate, LONG_QUOTE, MARGIN, MAX_ERROR_RATE, MIN_CONTEXT,
    MIN_FUZZY_QUOTE, MIN_FUZZY_SCORE, MIN_LONE_FUZZY_QUOTE, SHORT_QUOTE,
};
use super::annotation::{Annotation, CONTEXT_CHARS};
use super::context::ContextScorer;
use super::fuzzy::{Pattern, align_span, align_start, levenshtein};
use super::text::Text;
use super::windows::occurrences;

/// The fuzzy search first looks this far (or a tenth of the text, if more) around the
/// expected place, then in the whole text if nothing there is good enough.
const MIN_WINDOW: usize = 2_000;
/// A short quote is searched with its context only if that adds at least this many chars.
const MIN_SHORT_CONTEXT: usize = 12;
/// A quote with more exact occurrences than this is only looked for near its expected place.
const MAX_EXACT: usize = 20_000;
/// At most this many approximate matches are scored per search (the closest ones).
const MAX_FUZZY_HITS: usize = 64;
/// At most this many candidates are kept in a result.
const MAX_KEPT: usize = 10;
/// A quote at least this long found verbatim once, in other surroundings, is offered as
/// similar (fuzzy) rather than called gone.
const UNIQUE_QUOTE: usize = 8;
/// A stored prefix or suffix this long that still occurs somewhere else than around the best
/// candidate says the annotated place may still be there, edited.
const MIN_WITNESS: usize = 16;
/// At most this many such places are reported.
const MAX_WITNESSES: usize = 3;
/// A witness place whose text is this unlike the quote is not another candidate (the
/// annotated text is gone from it), only evidence that the quote found elsewhere is a copy.
const MIN_WITNESS_LIKENESS: f64 = 0.5;
/// Approximate matches of quotes up to this long get their boundaries from an alignment with
/// their context.
const MAX_JOINT_ALIGNMENT: usize = 256;
/// Quotes longer than this are not compared char by char with a witness place (too slow).
const MAX_WITNESS_QUOTE: usize = 2_000;
/// A replacement in place is looked for only when each stored side of the context is at least
/// this long.
const MIN_CHANGED_CONTEXT: usize = 8;
/// The largest share of a context side's chars that may differ around a replacement.
const CONTEXT_ERROR_RATE: f64 = 0.15;
/// The similarity each side of the context needs around a replacement in place.
const MIN_CHANGED_SIDE: f64 = 0.85;
/// The mean similarity both sides need.
const MIN_CHANGED_PAIR: f64 = 0.9;
/// How far the best pair of context sides must lead any other pair.
const CHANGED_MARGIN: f64 = 0.1;
/// How far its context must lead that of any place where the quote itself was found.
const CHANGED_LEAD: f64 = 0.3;
/// The least text beside a likeness of the quote that makes it text put beside the quote.
const MIN_BESIDE: usize = 20;
/// A replacement may be longer than the quote by this many chars (or up to three times it).
const MAX_CHANGED_GROWTH: usize = 120;

/// A scored place.
#[derive(Debug, Clone)]
struct Scored {
    start: usize,
    end: usize,
    /// Whether the text there is exactly the quote.
    exact: bool,
    quote: f64,
    prefix: f64,
    suffix: f64,
    score: f64,
}

impl Scored {
    fn context(&self) -> f64 {
        (self.prefix + self.suffix) / 2.0
    }

    fn perfect_context(&self) -> bool {
        self.prefix >= 1.0 && self.suffix >= 1.0
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    fn candidate(&self) -> Candidate {
        Candidate {
            start: self.start,
            end: self.end,
            score: self.score,
        }
    }
}

/// Everything the search needs about one annotation.
struct Search<'a> {
    text: &'a Text,
    a: &'a Annotation,
    quote: Vec<char>,
    scorer: ContextScorer<'a>,
    hint: usize,
}

/// Anchors `a` by searching `text`, expecting it near char `hint`.
pub fn locate(text: &Text, a: &Annotation, hint: usize) -> Anchoring {
    let s = Search {
        text,
        a,
        quote: a.exact.chars().collect(),
        scorer: ContextScorer::new(text, a),
        hint: hint.min(text.char_count()),
    };
    let n = text.char_count();
    let reach = MIN_WINDOW.max(n / 10);
    let near = s.hint.saturating_sub(reach)..(s.hint + s.quote.len() + reach).min(n);
    let mut cands = s.exact_occurrences(near.clone());
    let exact_count = cands.len();
    let fuzzy = s.fuzzy(near.clone(), &cands);
    let found = cands
        .iter()
        .chain(&fuzzy)
        .any(|c| s.acceptable(c, exact_count));
    cands.extend(fuzzy);
    if !found {
        // The rest of the text, overlapping the part searched by a pattern's length (the
        // longest pattern is the quote with its context) so no match is cut in two.
        let overlap = 2 * (s.m() + 2 * CONTEXT_CHARS);
        let before = (near.start > 0).then(|| 0..(near.start + overlap).min(n));
        let after = (near.end < n).then(|| near.end.saturating_sub(overlap)..n);
        for rest in [before, after].into_iter().flatten() {
            let more = s.fuzzy(rest, &cands);
            cands.extend(more);
        }
    }
    s.decide(cands, exact_count)
}

impl Search<'_> {
    fn m(&self) -> usize {
        self.quote.len()
    }

    fn scored(&self, start: usize, end: usize, errors: usize) -> Scored {
        let quote = (1.0 - errors as f64 / self.m().max(1) as f64).max(0.0);
        let prefix = self.scorer.prefix(start);
        let suffix = self.scorer.suffix(end);
        Scored {
            start,
            end,
            exact: errors == 0,
            quote,
            prefix,
            suffix,
            score: (50.0 * quote + 20.0 * prefix + 20.0 * suffix) / 90.0,
        }
    }

    /// Every exact occurrence of the quote in the whole text; for a quote so common that
    /// there are more than [`MAX_EXACT`], only those in `near` (at most [`MAX_EXACT`]).
    fn exact_occurrences(&self, near: Range<usize>) -> Vec<Scored> {
        let m = self.m();
        let hay = self.text.as_str().as_bytes();
        let mut found: Vec<usize> = occurrences(hay, self.a.exact.as_bytes()).collect();
        if found.len() > MAX_EXACT {
            let bytes = self.text.byte_range(near);
            found.retain(|b| bytes.contains(b));
            found.truncate(MAX_EXACT);
        }
        found
            .into_iter()
            .map(|b| {
                let start = self.text.char_of_byte(b);
                self.scored(start, start + m, 0)
            })
            .collect()
    }

    /// Approximate matches of the quote (short quotes: of the quote with its context) in the
    /// char range `range`, with up to [`MAX_ERROR_RATE`] errors; places that overlap an exact
    /// occurrence are left out.
    fn fuzzy(&self, range: Range<usize>, exact: &[Scored]) -> Vec<Scored> {
        let m = self.m();
        let (pattern, quote_in_pattern) = if m < SHORT_QUOTE {
            let mut p: Vec<char> = self.a.prefix.chars().collect();
            let at = p.len();
            p.extend(&self.quote);
            p.extend(self.a.suffix.chars());
            if p.len() < m + MIN_SHORT_CONTEXT {
                return Vec::new();
            }
            (p, Some(at..at + m))
        } else {
            (self.quote.clone(), None)
        };
        let len = pattern.len();
        let k = (len as f64 * MAX_ERROR_RATE).floor() as usize;
        let mut hits = Pattern::new(&pattern).search(self.text.slice(range.clone()).chars(), k);
        hits.sort_by_key(|h| (h.errors, h.end));
        hits.truncate(MAX_FUZZY_HITS);
        let mut out: Vec<Scored> = Vec::new();
        for h in hits {
            let end = range.start + h.end;
            let from = end.saturating_sub(len + k);
            let window: Vec<char> = self.text.slice(from..end).chars().collect();
            let (start, end) = match &quote_in_pattern {
                Some(q) => {
                    let al = align_span(&pattern, &window, q.clone());
                    (from + al.span.start, from + al.span.end)
                }
                None => {
                    let (start, _) = align_start(&pattern, &window);
                    self.with_context(from + start, end)
                }
            };
            if start >= end || exact.iter().chain(&out).any(|c| c.overlaps(start, end)) {
                continue;
            }
            let found: Vec<char> = self.text.slice(start..end).chars().collect();
            let errors = if quote_in_pattern.is_some() || m <= MAX_JOINT_ALIGNMENT {
                levenshtein(&self.quote, &found)
            } else {
                h.errors.max(1)
            };
            if errors > 0 {
                out.push(self.scored(start, end, errors));
            }
        }
        out
    }

    /// Re-aligns an approximate match of the quote together with the stored context around
    /// it, so that its boundaries follow the context ("drafted by Elisa", not "drafted by
    /// Eli" when "Robin" became "Elisa"). Quotes too long for a full alignment keep theirs.
    fn with_context(&self, start: usize, end: usize) -> (usize, usize) {
        let m = self.m();
        if m > MAX_JOINT_ALIGNMENT {
            return (start, end);
        }
        let prefix: Vec<char> = self.a.prefix.chars().collect();
        let suffix: Vec<char> = self.a.suffix.chars().collect();
        // Room for the context, and for the match to grow by its error budget either way.
        let k = (m as f64 * MAX_ERROR_RATE) as usize;
        let from = start.saturating_sub(prefix.len() + prefix.len() / 4 + 1 + k);
        let to = (end + suffix.len() + suffix.len() / 4 + 1 + k).min(self.text.char_count());
        let window: Vec<char> = self.text.slice(from..to).chars().collect();
        let mut pattern = prefix;
        let at = pattern.len();
        pattern.extend(&self.quote);
        pattern.extend(suffix);
        let al = align_span(&pattern, &window, at..at + m);
        (from + al.span.start, from + al.span.end)
    }

    /// Whether a candidate is good enough on its own to be accepted.
    fn acceptable(&self, c: &Scored, exact_count: usize) -> bool {
        let long = self.m() >= LONG_QUOTE;
        if c.exact {
            c.context() >= MIN_CONTEXT || (long && exact_count == 1)
        } else {
            c.quote >= MIN_FUZZY_QUOTE
                && c.score >= MIN_FUZZY_SCORE
                && (c.context() >= MIN_CONTEXT || (long && c.quote >= MIN_LONE_FUZZY_QUOTE))
        }
    }

    /// Decides by the quote ([`Self::decide_by_quote`]); what is not placed with certainty
    /// that way is then looked at as a replacement in place ([`Self::in_place`]).
    fn decide(&self, cands: Vec<Scored>, exact_count: usize) -> Anchoring {
        let mut by_quote = self.decide_by_quote(cands.clone(), exact_count);
        // Slightly different text that is the same words wrapped at other places: moved.
        if by_quote.status == AnchorStatus::Fuzzy
            && by_quote
                .found
                .as_deref()
                .is_some_and(|f| f != self.a.exact && super::anchor::same_words(f, &self.a.exact))
        {
            by_quote.status = AnchorStatus::Moved;
            by_quote.found = None;
            by_quote.candidates.clear();
        }
        if by_quote.status.is_anchored() {
            return by_quote;
        }
        // The quote still where it was with marks put inside it (a link around some of its
        // words), its context around it as stored: that place, changed.
        if let Some((start, end)) = self.with_insertions_at_place() {
            return Anchoring {
                status: AnchorStatus::Changed,
                start,
                end,
                score: 1.0,
                found: Some(self.text.slice(start..end).to_owned()),
                candidates: Vec::new(),
            };
        }
        let r = self.in_place(by_quote, &cands);
        if r.status != AnchorStatus::Orphaned {
            return r;
        }
        if exact_count == 0 {
            return self.close_likeness(&cands).unwrap_or(r);
        }
        if exact_count != 1 || self.m() < UNIQUE_QUOTE {
            return r;
        }
        // The quote is still there, once, in other surroundings (its sentence was reworded
        // around it): offered for a person to confirm, never taken on its own.
        match cands.iter().find(|c| c.exact) {
            Some(c) => self.offered(c),
            None => r,
        }
    }

    /// The one place whose text is nearly the quote (a word added or changed) with one side of
    /// its context as stored, when no other place comes close: offered for a person to
    /// confirm (fuzzy), never taken on its own. The other side was edited (a sentence put
    /// before the claim), which is why the quote's score alone did not place it.
    fn close_likeness(&self, cands: &[Scored]) -> Option<Anchoring> {
        let close = |c: &&Scored| {
            !c.exact
                && c.quote >= MIN_LONE_FUZZY_QUOTE
                && c.prefix.max(c.suffix) >= MIN_LONE_FUZZY_QUOTE
        };
        let mut likely = cands.iter().filter(close);
        let c = likely.next()?;
        let others = cands
            .iter()
            .filter(|o| !o.overlaps(c.start, c.end) && c.quote - o.quote < MARGIN)
            .count();
        if likely.next().is_some() || others > 0 || self.m() < LONG_QUOTE {
            return None;
        }
        Some(self.offered(c))
    }

    /// Picks the best candidate if it is acceptable, leads every other by [`MARGIN`] and, when
    /// its context is not perfect, no witness says the annotated place is elsewhere.
    fn decide_by_quote(&self, mut cands: Vec<Scored>, exact_count: usize) -> Anchoring {
        let hint = self.hint;
        cands.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then(x.start.abs_diff(hint).cmp(&y.start.abs_diff(hint)))
                .then(x.start.cmp(&y.start))
        });
        let Some(best) = cands.first().cloned() else {
            return self.unresolved(AnchorStatus::Orphaned, &[]);
        };
        // Of places that fit about equally well, the quote found exactly where it was (a
        // mark or two put before it: a link around a name whose address repeats it) stays,
        // when the others are copies away from it.
        let m = self.m();
        let at_place = |c: &Scored| {
            c.exact
                && c.start.abs_diff(hint) <= 3
                && c.prefix.max(c.suffix) >= 0.9
                && m >= SHORT_QUOTE
        };
        let tied: Vec<usize> = (0..cands.len())
            .filter(|&i| best.score - cands[i].score < MARGIN)
            .collect();
        let placed: Vec<usize> = tied
            .iter()
            .copied()
            .filter(|&i| at_place(&cands[i]))
            .collect();
        if let [i] = placed[..]
            && tied.len() > 1
            && tied
                .iter()
                .all(|&j| j == i || cands[j].start.abs_diff(hint) > m)
            && self.acceptable(&cands[i], exact_count)
        {
            return self.resolved(&cands[i]);
        }
        let best_ok = self.acceptable(&best, exact_count);
        let contenders = cands[1..]
            .iter()
            .filter(|c| best.score - c.score < MARGIN)
            .count();
        if best_ok && contenders == 0 {
            let witnesses = if best.perfect_context() {
                Vec::new()
            } else {
                self.witnesses(&best)
            };
            if witnesses.is_empty() {
                // The quote found away from its place with neither side of its context as
                // stored is likely a copy of text that was cut (a summary repeating a sentence
                // of the body): offered, not taken.
                let away = best.start.abs_diff(self.a.start) > self.m();
                let both_edited = best.prefix < 1.0 && best.suffix < 1.0;
                if best.exact && away && both_edited && best.prefix.min(best.suffix) < 0.8 {
                    return self.offered(&best);
                }
                return self.resolved(&best);
            }
            // The stored context still stands elsewhere around other text: the annotated
            // text was there and is gone. A copy of it in other surroundings is offered for a
            // person to confirm, never taken on its own.
            if best.exact && witnesses.iter().all(|w| w.quote < MIN_WITNESS_LIKENESS) {
                return self.offered(&best);
            }
            cands.truncate(MAX_KEPT - witnesses.len());
            let fresh: Vec<Scored> = witnesses
                .into_iter()
                .filter(|w| w.start < w.end && !cands.iter().any(|c| c.overlaps(w.start, w.end)))
                .collect();
            cands.extend(fresh);
            return self.unresolved(AnchorStatus::Ambiguous, &cands);
        }
        // Ambiguous only when several places each fit; places whose context says they are
        // not the one (an acronym whose paragraph was deleted) leave it orphaned.
        let plausible = if best_ok {
            1 + contenders
        } else {
            cands
                .iter()
                .filter(|c| self.acceptable(c, exact_count))
                .count()
        };
        let status = if plausible >= 2 {
            AnchorStatus::Ambiguous
        } else {
            AnchorStatus::Orphaned
        };
        cands.truncate(MAX_KEPT);
        self.unresolved(status, &cands)
    }

    /// Places other than `best` where the stored prefix still ends or the stored suffix still
    /// starts: the annotated text may have been edited there while a lookalike elsewhere kept
    /// the quote (hypothesis/client#7571).
    fn witnesses(&self, best: &Scored) -> Vec<Scored> {
        let (text, m, n) = (self.text, self.m(), self.text.char_count());
        let hay = text.as_str().as_bytes();
        let mut out: Vec<Scored> = Vec::new();
        let mut add = |start: usize, end: usize| {
            let elsewhere =
                !best.overlaps(start, end) && !out.iter().any(|c| c.overlaps(start, end));
            if out.len() < MAX_WITNESSES && elsewhere {
                let found: Vec<char> = text.slice(start..end).chars().collect();
                let errors = if m <= MAX_WITNESS_QUOTE {
                    levenshtein(&self.quote, &found)
                } else {
                    m
                };
                out.push(self.scored(start, end, errors.max(1)));
            }
        };
        // A stored side found a little way from the best place, on its own side (text put
        // between the quote and its context: a link around it), is that place's own context,
        // not another place.
        let prefix = &self.a.prefix;
        if prefix.chars().count() >= MIN_WITNESS {
            for b in occurrences(hay, prefix.as_bytes()) {
                let start = text.char_of_byte(b + prefix.len());
                // Before the best place whose text after it is as stored: text was put
                // between (a notice before a claim).
                if start <= best.start
                    && (best.suffix >= 1.0 || best.start - start <= MAX_CHANGED_GROWTH)
                {
                    continue;
                }
                add(start, (start + m).min(n));
            }
        }
        let suffix = &self.a.suffix;
        if suffix.chars().count() >= MIN_WITNESS {
            for b in occurrences(hay, suffix.as_bytes()) {
                let end = text.char_of_byte(b);
                if end >= best.end && (best.prefix >= 1.0 || end - best.end <= MAX_CHANGED_GROWTH) {
                    continue;
                }
                add(end.saturating_sub(m), end);
            }
        }
        out
    }

    /// A replacement in place: the stored prefix and suffix found once, near the expected
    /// place, around text that differs from the quote. `by_quote` is what the quote alone gave
    /// (fuzzy, ambiguous or orphaned) and `cands` the places it considered.
    ///
    /// - One pair of context sides, clearly better than any other (by [`CHANGED_MARGIN`]) and
    ///   than every place the quote was found with its context (by [`CHANGED_LEAD`]):
    ///   changed, on the text between them.
    /// - Two or more pairs that fit about equally well (lookalike paragraphs), or a place
    ///   where the quote was found with a context nearly as good: never changed, and not
    ///   fuzzy either (a likeness in one lookalike paragraph says nothing about which one was
    ///   annotated): ambiguous, with those places among the candidates.
    /// - No pair: what the quote gave.
    fn in_place(&self, by_quote: Anchoring, cands: &[Scored]) -> Anchoring {
        let mut pairs = self.context_pairs();
        if pairs.is_empty() {
            return by_quote;
        }
        pairs.sort_by(|x, y| {
            y.context().total_cmp(&x.context()).then(
                x.start
                    .abs_diff(self.hint)
                    .cmp(&y.start.abs_diff(self.hint)),
            )
        });
        let best = pairs[0].clone();
        let rivals: Vec<&Scored> = pairs[1..]
            .iter()
            .filter(|p| best.context() - p.context() < CHANGED_MARGIN)
            .chain(cands.iter().filter(|c| {
                !c.overlaps(best.start, best.end.max(best.start + 1))
                    && c.quote >= MIN_FUZZY_QUOTE
                    && best.context() - c.context() < CHANGED_LEAD
            }))
            .collect();
        if rivals.is_empty() {
            // The same words wrapped at other places: moved, not changed.
            if super::anchor::same_words(self.text.slice(best.start..best.end), &self.a.exact) {
                return Anchoring {
                    status: AnchorStatus::Moved,
                    start: best.start,
                    end: best.end,
                    score: best.context(),
                    found: None,
                    candidates: Vec::new(),
                };
            }
            let start = self.start_past_markup(best.start, best.end);
            let end = self.sentence_end_within(start, best.end);
            let found = self.text.slice(start..end).to_owned();
            return Anchoring {
                status: AnchorStatus::Changed,
                start,
                end,
                score: best.context(),
                found: Some(found),
                candidates: Vec::new(),
            };
        }
        let mut all: Vec<Scored> = std::iter::once(best)
            .chain(rivals.into_iter().cloned())
            .collect();
        for c in cands {
            if !all.iter().any(|x| x.overlaps(c.start, c.end)) {
                all.push(c.clone());
            }
        }
        all.truncate(MAX_KEPT);
        let mut r = self.unresolved(AnchorStatus::Ambiguous, &all);
        r.score = all.first().map_or(0.0, Scored::context);
        r
    }

    /// Every place near the expected one where the stored prefix (approximately, with at most
    /// [`CONTEXT_ERROR_RATE`] of errors) ends and, a little further on, the stored suffix
    /// starts, around text other than the quote: scored by their similarity, with `quote`
    /// the similarity of the text between them to the quote. Pairs are tight (no other
    /// prefix end or suffix start between them), so the text between never holds the stored
    /// context itself. Both sides must be at least [`MIN_CHANGED_CONTEXT`] chars: at a
    /// document's edge, one side alone is too little to say the text was replaced.
    fn context_pairs(&self) -> Vec<Scored> {
        let (text, m, n) = (self.text, self.m(), self.text.char_count());
        let pre: Vec<char> = self.a.prefix.chars().collect();
        let suf: Vec<char> = self.a.suffix.chars().collect();
        if pre.len().min(suf.len()) < MIN_CHANGED_CONTEXT {
            return Vec::new();
        }
        let max_gap = (3 * m).max(m + MAX_CHANGED_GROWTH);
        let reach = MIN_WINDOW.max(n / 10);
        let near = self.hint.saturating_sub(reach + CONTEXT_CHARS)
            ..(self.hint + m + reach + CONTEXT_CHARS).min(n);
        let budget = |len: usize| (len as f64 * CONTEXT_ERROR_RATE).floor() as usize;
        // (position, errors): where the prefix ends, where the suffix starts.
        let ends: Vec<(usize, usize)> = Pattern::new(&pre)
            .search(text.slice(near.clone()).chars(), budget(pre.len()))
            .into_iter()
            .map(|h| (near.start + h.end, h.errors))
            .collect();
        let rev: Vec<char> = suf.iter().rev().copied().collect();
        let mut starts: Vec<(usize, usize)> = Pattern::new(&rev)
            .search(text.slice(near.clone()).chars().rev(), budget(suf.len()))
            .into_iter()
            .map(|h| (near.end - h.end, h.errors))
            .collect();
        starts.sort_unstable();
        let quote_has_break = self.a.exact.contains("\n\n");
        let mut out: Vec<Scored> = Vec::new();
        for (i, &(e, de)) in ends.iter().enumerate() {
            let next_end = ends.get(i + 1).map_or(usize::MAX, |x| x.0);
            let at = starts.partition_point(|&(s, _)| s < e);
            let Some(&(s, ds)) = starts.get(at) else {
                continue;
            };
            // Tight: the next prefix end comes after this suffix start.
            if next_end <= s || s - e > max_gap || s == e {
                continue;
            }
            let new = text.slice(e..s);
            // Text that holds the quote is the quote kept with its context edited or text
            // inserted beside it (a link around it), not a replacement of it; so is text that
            // holds a close likeness of the quote with more beside it (a sentence added before
            // a claim that was itself edited).
            if new.contains(self.a.exact.as_str())
                || !new.chars().any(char::is_alphanumeric)
                || (!quote_has_break && new.contains("\n\n"))
                || self.holds_likeness(new)
            {
                continue;
            }
            let sim = |d: usize, len: usize| (1.0 - d as f64 / len as f64).max(0.0);
            let (p, sx) = (sim(de, pre.len()), sim(ds, suf.len()));
            if p < MIN_CHANGED_SIDE || sx < MIN_CHANGED_SIDE || (p + sx) / 2.0 < MIN_CHANGED_PAIR {
                continue;
            }
            let found: Vec<char> = new.chars().collect();
            let quote = if m <= MAX_WITNESS_QUOTE && found.len() <= MAX_WITNESS_QUOTE {
                1.0 - levenshtein(&self.quote, &found) as f64 / m.max(found.len()).max(1) as f64
            } else {
                0.0
            };
            out.push(Scored {
                start: e,
                end: s,
                exact: false,
                quote,
                prefix: p,
                suffix: sx,
                score: (50.0 * quote + 20.0 * p + 20.0 * sx) / 90.0,
            });
        }
        out
    }

    /// Where the new text of a replacement in place `start..end` starts: after white space
    /// and a list's marker (`- `, `* `, `+ `) the quote does not start with (a list item whose
    /// line before was cut).
    fn start_past_markup(&self, start: usize, end: usize) -> usize {
        let region: Vec<char> = self.text.slice(start..end).chars().collect();
        let quote_starts_marked = matches!(self.quote.first(), Some(c) if c.is_whitespace() || matches!(c, '-' | '*' | '+'));
        if quote_starts_marked {
            return start;
        }
        let mut k = region.iter().take_while(|c| c.is_whitespace()).count();
        if !(matches!(region.get(k), Some('-' | '*' | '+')) && region.get(k + 1) == Some(&' ')) {
            return start;
        }
        k += 2;
        k += region[k..].iter().take_while(|c| c.is_whitespace()).count();
        if k < region.len() { start + k } else { start }
    }

    /// Where the new text of a replacement in place `start..end` ends: at the end of the
    /// first sentence in it when the quote holds no sentence end and that sentence is at least
    /// half as long as the quote (a sentence added after the corrected one, "…for AI
    /// contributions. An interim proposal was submitted in", is not the claim's text); else
    /// `end`.
    fn sentence_end_within(&self, start: usize, end: usize) -> usize {
        let ends_sentence =
            |w: &[char]| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase();
        if self.quote.windows(3).any(ends_sentence) {
            return end;
        }
        let region: Vec<char> = self.text.slice(start..end).chars().collect();
        region
            .windows(3)
            .position(ends_sentence)
            .map(|i| i + 1)
            .filter(|&len| 2 * len >= self.m())
            .map_or(end, |len| start + len)
    }

    /// Whether `region` (the text between the stored context sides) holds an approximate
    /// match of the quote (at most [`MAX_ERROR_RATE`] of its chars differ) with a fifth of the
    /// region, and at least [`MIN_BESIDE`] chars, left beside it (a sentence, not words put
    /// inside the quote: "this 25 minute Claude Conversation" is a change of it).
    fn holds_likeness(&self, region: &str) -> bool {
        let m = self.m();
        let len = region.chars().count();
        if m < SHORT_QUOTE || len < m + m / 5 || m > MAX_WITNESS_QUOTE {
            return false;
        }
        let budget = (m as f64 * MAX_ERROR_RATE).floor() as usize;
        Pattern::new(&self.quote)
            .search(region.chars(), budget)
            .iter()
            .any(|h| {
                let beside = len.saturating_sub(m + h.errors);
                5 * beside >= len && beside >= MIN_BESIDE
            })
    }

    /// Where the quote still stands at its place (starting where it started) with at most
    /// three runs of chars put inside it, no more than the quote's length or
    /// [`MAX_CHANGED_GROWTH`] in all, the stored prefix ending and suffix starting exactly
    /// around it.
    fn with_insertions_at_place(&self) -> Option<(usize, usize)> {
        let (m, n) = (self.m(), self.text.char_count());
        if m < SHORT_QUOTE {
            return None;
        }
        let limit = m.max(MAX_CHANGED_GROWTH);
        let from = self.hint;
        let window: Vec<char> = self
            .text
            .slice(from..(self.hint + m + limit).min(n))
            .chars()
            .collect();
        // Only from where the quote was: text put right before it is the in-place
        // replacement's to find.
        for s in 0..window.len().min(1) {
            if window[s] != self.quote[0] {
                continue;
            }
            let (mut j, mut k, mut runs, mut put) = (0, s, 0, 0);
            let mut in_run = false;
            while j < m && k < window.len() && put <= limit {
                if window[k] == self.quote[j] {
                    j += 1;
                    in_run = false;
                } else {
                    put += 1;
                    if !in_run {
                        runs += 1;
                        in_run = true;
                    }
                }
                k += 1;
            }
            if j < m || runs == 0 || runs > 3 || put > limit {
                continue;
            }
            let (start, end) = (from + s, from + k);
            // Both sides as stored, to the char: the marks put inside are all that changed.
            if self.scorer.prefix(start) >= 1.0 && self.scorer.suffix(end) >= 1.0 {
                return Some((start, end));
            }
        }
        None
    }

    /// `best` offered for a person to confirm (fuzzy), never taken on its own.
    fn offered(&self, best: &Scored) -> Anchoring {
        Anchoring {
            status: AnchorStatus::Fuzzy,
            start: best.start,
            end: best.end,
            score: best.score,
            found: Some(self.text.slice(best.start..best.end).to_owned()),
            candidates: vec![best.candidate()],
        }
    }

    fn resolved(&self, best: &Scored) -> Anchoring {
        let a = self.a;
        let (status, found) = if !best.exact {
            (
                AnchorStatus::Fuzzy,
                Some(self.text.slice(best.start..best.end).to_owned()),
            )
        } else if best.start == a.start && best.end == a.end {
            (AnchorStatus::Exact, None)
        } else {
            (AnchorStatus::Moved, None)
        };
        Anchoring {
            status,
            start: best.start,
            end: best.end,
            score: best.score,
            found,
            candidates: Vec::new(),
        }
    }

    fn unresolved(&self, status: AnchorStatus, cands: &[Scored]) -> Anchoring {
        Anchoring {
            status,
            start: self.a.start,
            end: self.a.end,
            score: cands.first().map_or(0.0, |c| c.score),
            found: None,
            candidates: cands.iter().map(Scored::candidate).collect(),
        }
    }
}
