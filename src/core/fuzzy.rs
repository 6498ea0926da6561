//! Approximate string search over `char`s: Myers' (1999) bit-parallel edit-distance search in
//! its block form, for patterns of any length, plus small dynamic-programming alignments that
//! recover where a match starts.
//!
//! Distances are Levenshtein distances over Unicode scalar values (an emoji is one char, one
//! edit). The search is "infix": the pattern may match any substring of the text.

use std::ops::Range;

/// Bits per block.
const WORD: usize = 64;

/// Where a pattern matches a text approximately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// One past the last char of the match, counted from the start of the searched text.
    pub end: usize,
    /// The edit distance between the pattern and the best substring ending at `end`.
    pub errors: usize,
}

/// A pattern prepared for bit-parallel search: for every char it contains, the bit mask of its
/// positions, one 64-bit word per block of 64 pattern chars.
#[derive(Debug, Clone)]
pub struct Pattern {
    len: usize,
    blocks: usize,
    /// `ascii[c * blocks + b]`: positions of ASCII char `c` in block `b`.
    ascii: Vec<u64>,
    /// The same for every other char, sorted by char.
    other: Vec<(char, Vec<u64>)>,
    /// All zeros: the masks of a char the pattern does not contain.
    zeros: Vec<u64>,
    /// The bit of the pattern's last row in the last block.
    last_bit: u64,
}

impl Pattern {
    /// Prepares `chars` for searching.
    pub fn new(chars: &[char]) -> Self {
        let len = chars.len();
        let blocks = len.div_ceil(WORD).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: Vec<(char, Vec<u64>)> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let (b, bit) = (i / WORD, 1u64 << (i % WORD));
            if c.is_ascii() {
                ascii[c as usize * blocks + b] |= bit;
            } else {
                let at = match other.binary_search_by_key(&c, |(k, _)| *k) {
                    Ok(at) => at,
                    Err(at) => {
                        other.insert(at, (c, vec![0; blocks]));
                        at
                    }
                };
                other[at].1[b] |= bit;
            }
        }
        let last_bit = 1u64 << ((len.max(1) - 1) % WORD);
        Self {
            len,
            blocks,
            ascii,
            other,
            zeros: vec![0; blocks],
            last_bit,
        }
    }

    /// Number of chars in the pattern.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the pattern is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn masks(&self, c: char) -> &[u64] {
        if c.is_ascii() {
            let at = c as usize * self.blocks;
            &self.ascii[at..at + self.blocks]
        } else {
            match self.other.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(at) => &self.other[at].1,
                Err(_) => &self.zeros,
            }
        }
    }

    /// Runs the search over `text`, calling `column(i, d)` with the distance `d` of the best
    /// match ending after the `i + 1`-th char.
    #[inline]
    fn run(&self, text: impl Iterator<Item = char>, mut column: impl FnMut(usize, usize)) {
        if self.blocks == 1 {
            // One word: the whole state in registers.
            let (mut pv, mut mv, mut score) = (u64::MAX, 0u64, self.len);
            let high = self.last_bit;
            for (i, c) in text.enumerate() {
                let eq = if c.is_ascii() {
                    self.ascii[c as usize]
                } else {
                    self.masks(c)[0]
                };
                let xv = eq | mv;
                let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
                let ph = mv | !(xh | pv);
                let mh = pv & xh;
                if ph & high != 0 {
                    score += 1;
                } else if mh & high != 0 {
                    score = score.saturating_sub(1);
                }
                let (ph, mh) = (ph << 1, mh << 1);
                pv = mh | !(xv | ph);
                mv = ph & xv;
                column(i, score);
            }
        } else {
            let mut state = State::new(self);
            for (i, c) in text.enumerate() {
                column(i, state.step(self, c));
            }
        }
    }

    /// Every place where the pattern matches `text` with at most `max_errors` edits: the local
    /// minima of the distance along the text (a run of equal minima reports its first end).
    pub fn search(&self, text: impl Iterator<Item = char>, max_errors: usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.len == 0 {
            return hits;
        }
        // The previous distance, and the last minimum not yet confirmed by a rise after it.
        let mut prev = usize::MAX;
        let mut pending: Option<Hit> = None;
        let column = |i, d| {
            if d < prev {
                pending = (d <= max_errors).then_some(Hit {
                    end: i + 1,
                    errors: d,
                });
            } else if d > prev
                && let Some(h) = pending.take()
            {
                hits.push(h);
            }
            prev = d;
        };
        if self.blocks == 1 {
            self.run(text, column);
        } else {
            self.run_banded(text, max_errors, column);
        }
        hits.extend(pending);
        hits
    }

    /// Like [`Self::run`] for several blocks, but computes only the band of blocks that can
    /// hold a distance of at most `k` (Ukkonen's cut-off, as in Myers 1999 and
    /// approx-string-match); where the band stops short of the last row, the distance is
    /// reported as `usize::MAX` (more than `k`). Distances up to `k` are exact.
    fn run_banded(
        &self,
        text: impl Iterator<Item = char>,
        k: usize,
        mut column: impl FnMut(usize, usize),
    ) {
        let last = self.blocks - 1;
        let high = |b: usize| if b == last { self.last_bit } else { 1u64 << 63 };
        let mut pv = vec![u64::MAX; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        // The distance at the bottom row of each block; column 0 is D[i] = i.
        let mut score: Vec<isize> = (0..self.blocks)
            .map(|b| ((b + 1) * WORD).min(self.len) as isize)
            .collect();
        let k_signed = k as isize;
        let mut y = k.div_ceil(WORD).saturating_sub(1).min(last);
        for (i, c) in text.enumerate() {
            let eq = self.masks(c);
            let mut carry = 0i32;
            for b in 0..=y {
                carry = advance(&mut pv[b], &mut mv[b], eq[b], carry, high(b));
                score[b] += carry as isize;
            }
            if y < last
                && score[y] - carry as isize <= k_signed
                && (eq[y + 1] & 1 != 0 || carry < 0)
            {
                // The next block may come within k: start it from "every row one more".
                y += 1;
                pv[y] = u64::MAX;
                mv[y] = 0;
                let rows = if y == last { self.len - y * WORD } else { WORD };
                let out = advance(&mut pv[y], &mut mv[y], eq[y], carry, high(y));
                score[y] = score[y - 1] + rows as isize - carry as isize + out as isize;
            } else {
                while y > 0 && score[y] >= k_signed + WORD as isize {
                    y -= 1;
                }
            }
            let d = if y == last {
                score[y].max(0) as usize
            } else {
                usize::MAX
            };
            column(i, d);
        }
    }

    /// The smallest edit distance between the pattern and any suffix of `text` (the match must
    /// end where the text ends; it may start anywhere). The pattern's length for an empty text.
    pub fn distance_to_end(&self, text: impl Iterator<Item = char>) -> usize {
        let mut last = self.len;
        self.run(text, |_, d| last = d);
        last
    }
}

/// The running columns of a search with several blocks.
struct State {
    pv: Vec<u64>,
    mv: Vec<u64>,
    score: usize,
}

impl State {
    fn new(p: &Pattern) -> Self {
        Self {
            pv: vec![u64::MAX; p.blocks],
            mv: vec![0; p.blocks],
            score: p.len,
        }
    }

    /// Consumes one text char; returns the distance of the best match ending here.
    fn step(&mut self, p: &Pattern, c: char) -> usize {
        let eq = p.masks(c);
        let mut carry = 0i32;
        let last = p.blocks - 1;
        let blocks = self.pv.iter_mut().zip(self.mv.iter_mut()).zip(eq);
        for (b, ((pv, mv), &eq)) in blocks.enumerate() {
            let high = if b == last { p.last_bit } else { 1u64 << 63 };
            carry = advance(pv, mv, eq, carry, high);
        }
        // The score only moves by -1, 0 or +1 and never below zero.
        self.score = self.score.saturating_add_signed(carry as isize);
        self.score
    }
}

/// One column step of one block (Myers 1999, Fig. 9; Hyyrö's formulation). `hin` is the
/// horizontal delta entering the block from above; returns the one leaving at row `high`.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, hin: i32, high: u64) -> i32 {
    let (p, m) = (*pv, *mv);
    let xv = eq | m;
    let eq = if hin < 0 { eq | 1 } else { eq };
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let hout = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if hin < 0 {
        mh |= 1;
    } else if hin > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}

/// Where the best alignment of `pattern` that ends exactly at the end of `window` starts, and
/// its edit distance. Among equally good starts, the one giving a length closest to the
/// pattern's. O(|pattern| · |window|) time, O(|pattern|) memory.
pub fn align_start(pattern: &[char], window: &[char]) -> (usize, usize) {
    // Levenshtein distance between the reversed pattern and every prefix of the reversed window.
    let m = pattern.len();
    let mut col: Vec<usize> = (0..=m).collect();
    let mut best = (window.len(), col[m]);
    let mut best_gap = m;
    for (j, &t) in window.iter().rev().enumerate() {
        let mut diag = col[0];
        col[0] = j + 1;
        for i in 1..=m {
            let sub = diag + usize::from(pattern[m - i] != t);
            diag = col[i];
            col[i] = sub.min(col[i] + 1).min(col[i - 1] + 1);
        }
        let len = j + 1;
        let gap = len.abs_diff(m);
        if col[m] < best.1 || (col[m] == best.1 && gap < best_gap) {
            best = (window.len() - len, col[m]);
            best_gap = gap;
        }
    }
    best
}

/// An alignment of a pattern against part of a window, with the window range that a chosen
/// range of the pattern aligns to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Where the match starts in the window.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// Its edit distance.
    pub errors: usize,
    /// The window range aligned to the requested pattern range.
    pub span: Range<usize>,
}

/// Aligns `pattern` to the substring of `window` it fits best (any start, any end; among
/// equally good ends, the last), and maps the pattern range `span` to a window range. Text
/// inserted exactly at either boundary of `span` is kept outside it. Full matrix: meant for
/// short patterns (a quote of up to a few hundred chars with its context).
pub fn align_span(pattern: &[char], window: &[char], span: Range<usize>) -> Alignment {
    let (m, n) = (pattern.len(), window.len());
    let w = n + 1;
    let mut d = vec![0usize; (m + 1) * w];
    for i in 1..=m {
        d[i * w] = i;
        for j in 1..=n {
            let sub = d[(i - 1) * w + j - 1] + usize::from(pattern[i - 1] != window[j - 1]);
            d[i * w + j] = sub.min(d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1);
        }
    }
    let last_row = &d[m * w..];
    let best = last_row.iter().copied().min().unwrap_or(m);
    let end = last_row.iter().rposition(|&x| x == best).unwrap_or(n);
    // Walk back from (m, end). The path's columns never grow as its rows shrink, so the last
    // column seen on the span's first row and the first seen on its last row bound it.
    let (first, last) = (span.start.min(m), span.end.min(m));
    let (mut from, mut to) = (0, end);
    let (mut i, mut j) = (m, end);
    let mut seen_first = false;
    loop {
        if i == last {
            to = to.min(j);
        }
        if i == first && !seen_first {
            from = j;
            seen_first = true;
        }
        if i == 0 {
            break;
        }
        let here = d[i * w + j];
        if j > 0 && here == d[(i - 1) * w + j - 1] + usize::from(pattern[i - 1] != window[j - 1]) {
            i -= 1;
            j -= 1;
        } else if here == d[(i - 1) * w + j] + 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    Alignment {
        start: j,
        end,
        errors: best,
        span: from..to.max(from),
    }
}

/// Plain Levenshtein distance between two char slices. O(|a| · |b|).
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut col: Vec<usize> = (0..=a.len()).collect();
    for (j, &t) in b.iter().enumerate() {
        let mut diag = col[0];
        col[0] = j + 1;
        for i in 1..=a.len() {
            let sub = diag + usize::from(a[i - 1] != t);
            diag = col[i];
            col[i] = sub.min(col[i] + 1).min(col[i - 1] + 1);
        }
    }
    col[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The O(n·m) oracle: for every text position, the distance of the best match ending there.
    fn naive_ends(p: &[char], t: &[char]) -> Vec<usize> {
        let m = p.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = Vec::new();
        for &c in t {
            let mut diag = col[0];
            col[0] = 0;
            for i in 1..=m {
                let sub = diag + usize::from(p[i - 1] != c);
                diag = col[i];
                col[i] = sub.min(col[i] + 1).min(col[i - 1] + 1);
            }
            out.push(col[m]);
        }
        out
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_an_edited_word() {
        let p = Pattern::new(&chars("3 May 2024"));
        let hits = p.search("Spoke on 4 May 2024, then".chars(), 2);
        assert_eq!(hits, [Hit { end: 19, errors: 1 }]);
        let (start, errors) = align_start(&chars("3 May 2024"), &chars("Spoke on 4 May 2024"));
        assert_eq!((start, errors), (9, 1));
    }

    #[test]
    fn astral_chars_count_once() {
        let p = Pattern::new(&chars("a😀b"));
        assert_eq!(p.search("xxa😃bxx".chars(), 1), [Hit { end: 5, errors: 1 }]);
    }

    #[test]
    fn marks_exclude_text_inserted_at_a_boundary() {
        let pattern = chars("said XY today");
        let window = chars("she said, XY today");
        let a = align_span(&pattern, &window, 5..7);
        assert_eq!(a.errors, 1);
        let found: String = window[a.span].iter().collect();
        assert_eq!(found, "XY");
    }

    #[test]
    fn long_patterns_cross_blocks() {
        // 64, 65 and 130 chars: block boundaries and a length that is a multiple of 64.
        for n in [64usize, 65, 128, 130] {
            let p: String = (0..n)
                .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
                .collect();
            let mut t = format!("zz{p}zz");
            t.replace_range(n / 2 + 2..n / 2 + 3, "#");
            let hits = Pattern::new(&chars(&p)).search(t.chars(), 3);
            assert_eq!(
                hits,
                [Hit {
                    end: n + 2,
                    errors: 1
                }],
                "n={n}"
            );
        }
    }

    proptest! {
        /// Long patterns over a larger alphabet, planted with edits in random text: the band
        /// of blocks really is cut there.
        #[test]
        fn banded_search_finds_planted_copies(
            p in "[a-h ]{65,260}",
            before in "[a-h ]{0,200}",
            after in "[a-h ]{0,200}",
            edits in prop::collection::vec((any::<prop::sample::Index>(), "[a-i]?"), 0..20),
        ) {
            let mut copy = chars(&p);
            for (at, ins) in &edits {
                let at = at.index(copy.len());
                copy.splice(at..(at + 1).min(copy.len()), ins.chars());
            }
            let t: Vec<char> = before.chars().chain(copy).chain(after.chars()).collect();
            let p = chars(&p);
            let want = naive_ends(&p, &t);
            let k = p.len() / 4;
            let hits = Pattern::new(&p).search(t.iter().copied(), k);
            for h in &hits {
                prop_assert_eq!(want[h.end - 1], h.errors);
            }
            for j in 0..want.len() {
                let left = if j == 0 { usize::MAX } else { want[j - 1] };
                let right = want.get(j + 1).copied().unwrap_or(usize::MAX);
                if want[j] <= k && want[j] < left && want[j] < right {
                    prop_assert!(hits.iter().any(|h| h.end == j + 1), "end {} missing", j + 1);
                }
            }
        }

        #[test]
        fn matches_the_dynamic_programming_oracle(
            p in "[abc😀]{1,150}",
            t in "[abcd😀]{0,300}",
        ) {
            let (p, t) = (chars(&p), chars(&t));
            let want = naive_ends(&p, &t);
            let pat = Pattern::new(&p);
            let mut state = State::new(&pat);
            let got: Vec<usize> = t.iter().map(|&c| state.step(&pat, c)).collect();
            prop_assert_eq!(&got, &want);
            let mut run = Vec::new();
            pat.run(t.iter().copied(), |_, d| run.push(d));
            prop_assert_eq!(&run, &want);
            prop_assert_eq!(pat.distance_to_end(t.iter().copied()), want.last().copied().unwrap_or(p.len()));
            let k = p.len() / 3;
            let hits = pat.search(t.iter().copied(), k);
            // Every end whose true distance is at most k and below both neighbours is found.
            for j in 0..want.len() {
                let left = if j == 0 { usize::MAX } else { want[j - 1] };
                let right = want.get(j + 1).copied().unwrap_or(usize::MAX);
                if want[j] <= k && want[j] < left && want[j] < right {
                    prop_assert!(hits.iter().any(|h| h.end == j + 1), "end {} missing", j + 1);
                }
            }
            for h in hits {
                prop_assert_eq!(want[h.end - 1], h.errors);
                let (s, e) = align_start(&p, &t[..h.end]);
                prop_assert_eq!(e, h.errors);
                prop_assert_eq!(levenshtein(&p, &t[s..h.end]), h.errors);
                let a = align_span(&p, &t[..h.end], 0..p.len());
                prop_assert!(a.errors <= h.errors);
                prop_assert_eq!(levenshtein(&p, &t[a.start..a.end]), a.errors);
                prop_assert_eq!(a.span.clone(), a.start..a.end);
            }
        }
    }
}
