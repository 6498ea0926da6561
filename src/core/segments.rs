//! Flattening overlapping and nested spans into ordered, non-overlapping runs, each listing the
//! spans that cover it (outermost first), so a view can give every run one format.

use std::ops::Range;

/// A span to flatten: a char range and the key of whatever it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span<K> {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The annotation (or other item) the span belongs to.
    pub key: K,
}

/// A run of text covered by the same set of spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<K> {
    /// First char of the run.
    pub start: usize,
    /// One past the last char of the run.
    pub end: usize,
    /// The spans covering the run, outermost (longest) first, innermost last; empty for text
    /// that no span covers.
    pub keys: Vec<K>,
}

/// Flattens `spans` into runs that tile `range` exactly: ordered, contiguous, non-overlapping,
/// non-empty. Spans are clipped to `range`; empty spans are ignored. O((n + r) log n) for n
/// spans and r runs, plus the size of the covering sets.
pub fn flatten<K: Copy + Ord>(spans: &[Span<K>], range: Range<usize>) -> Vec<Segment<K>> {
    // Clip, drop empties, order by start.
    let mut items: Vec<(usize, usize, usize, K)> = spans
        .iter()
        .filter_map(|s| {
            let start = s.start.max(range.start);
            let end = s.end.min(range.end);
            // Nesting order uses the span's full length, not the clipped one.
            (start < end).then(|| (start, end, s.end.saturating_sub(s.start), s.key))
        })
        .collect();
    items.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));

    let mut bounds: Vec<usize> = Vec::with_capacity(items.len() * 2 + 2);
    bounds.push(range.start);
    bounds.push(range.end);
    for it in &items {
        bounds.push(it.0);
        bounds.push(it.1);
    }
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = Vec::with_capacity(bounds.len());
    // Active spans as (length, key, end), kept sorted outermost first.
    let mut active: Vec<(std::cmp::Reverse<usize>, K, usize)> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        active.retain(|&(_, _, end)| end > a);
        while next < items.len() && items[next].0 <= a {
            let (_, end, len, key) = items[next];
            let entry = (std::cmp::Reverse(len), key, end);
            let at = active.partition_point(|x| (x.0, x.1) < (entry.0, entry.1));
            active.insert(at, entry);
            next += 1;
        }
        out.push(Segment {
            start: a,
            end: b,
            keys: active.iter().map(|x| x.1).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(start: usize, end: usize, key: u32) -> Span<u32> {
        Span { start, end, key }
    }

    #[test]
    fn nested_and_overlapping() {
        // 0123456789
        // [quote   )      key 1: 0..8
        //   [cl)          key 2: 2..5
        //       [ent  )   key 3: 6..10
        let segs = flatten(&[span(0, 8, 1), span(2, 5, 2), span(6, 10, 3)], 0..12);
        let got: Vec<_> = segs
            .iter()
            .map(|s| (s.start, s.end, s.keys.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 2, vec![1]),
                (2, 5, vec![1, 2]),
                (5, 6, vec![1]),
                (6, 8, vec![1, 3]),
                (8, 10, vec![3]),
                (10, 12, vec![]),
            ]
        );
    }

    #[test]
    fn clipped_to_range() {
        let segs = flatten(&[span(0, 20, 1), span(12, 14, 2)], 10..15);
        let got: Vec<_> = segs
            .iter()
            .map(|s| (s.start, s.end, s.keys.clone()))
            .collect();
        assert_eq!(
            got,
            vec![(10, 12, vec![1]), (12, 14, vec![1, 2]), (14, 15, vec![1])]
        );
    }

    #[test]
    fn empty_range_gives_nothing() {
        assert!(flatten(&[span(0, 3, 1)], 5..5).is_empty());
    }

    proptest! {
        #[test]
        fn segments_tile_the_text(
            len in 0usize..200,
            raw in prop::collection::vec((0usize..220, 0usize..40), 0..30),
        ) {
            let spans: Vec<Span<u32>> = raw.iter().enumerate()
                .map(|(i, &(s, l))| span(s, s + l, i as u32)).collect();
            let segs = flatten(&spans, 0..len);
            // Tiles 0..len exactly.
            let mut pos = 0;
            for s in &segs {
                prop_assert_eq!(s.start, pos);
                prop_assert!(s.end > s.start);
                pos = s.end;
            }
            prop_assert_eq!(pos, len);
            // Every char is covered by exactly the spans that contain it, outermost first.
            for s in &segs {
                for c in [s.start, s.end - 1] {
                    let mut want: Vec<&Span<u32>> = spans.iter().filter(|sp| sp.start <= c && c < sp.end).collect();
                    want.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.key.cmp(&b.key)));
                    let want: Vec<u32> = want.iter().map(|sp| sp.key).collect();
                    prop_assert_eq!(&s.keys, &want);
                }
            }
        }
    }
}
