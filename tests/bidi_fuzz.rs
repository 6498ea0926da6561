//! The bidi layout against the reference algorithm (`unicode-bidi`'s own reordering), on
//! random mixes of Arabic, Persian, Hebrew, Latin, digits, brackets, marks and controls.

use factmark::core::bidi::{ParaLayout, layout, number_classes};
use proptest::prelude::*;
use unicode_bidi::ParagraphBidiInfo;

const ALPHABET: &[char] = &[
    'a', 'B', 'z', '1', '2', '9', ' ', ' ', '.', ',', '-', '%', '(', ')', '[', ']', '"', 'ب', 'س',
    'ل', 'ا', 'ی', 'ک', 'ש', 'ל', 'ם', '٢', '٠', '۱', '۴', '،', '؟', '\u{064E}', '\u{0650}',
    '\u{200C}', '\u{200D}', '\u{0640}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2066}', '\u{2067}',
    '\u{2068}', '\u{2069}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\t',
];

/// Every char one unit wide, so the visual order is the order of the boxes.
fn unit(text: &str, width: f32) -> ParaLayout<()> {
    layout(text, width, &[], &mut |_, s: &str| {
        ((), vec![1.0; s.chars().count()])
    })
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..48)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn visual_order_is_the_reference_order(text in text_strategy(), width in 1u8..30) {
        let l = unit(&text, f32::from(width));
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        // (A number grouped by spaces, `1 111`, is read as one number, on purpose: the
        // reference is given the same classes.)
        let classed = number_classes(&text);
        let info = ParagraphBidiInfo::new(&classed, None);
        prop_assert_eq!(l.rtl, info.paragraph_level.is_rtl());
        let cs: Vec<char> = text.chars().collect();
        for (line, order) in l.lines.iter().zip(l.visual_order()) {
            let range = byte(line.range.start)..byte(line.range.end);
            // The reference: the line's levels after rule L1, reordered by rule L2, both by
            // `unicode-bidi`. (Its `reorder_line` returns a line unchanged when no char had an
            // odd level before L1, which is wrong for a tab or space that L1 makes
            // right-to-left at the end of a line, so it is not used here.)
            let levels = info.reordered_levels(range);
            let line_levels: Vec<_> = line.range.clone().map(|i| levels[byte(i)]).collect();
            let want: String = ParagraphBidiInfo::reorder_visual(&line_levels)
                .into_iter()
                .map(|k| cs[line.range.start + k])
                .collect();
            let got: String = order.iter().map(|&i| cs[i]).collect();
            prop_assert_eq!(&got, &want, "line {:?} of {:?}", line.range, text);
            // Each char's direction is the level the algorithm gave it.
            for i in line.range.clone() {
                prop_assert_eq!(line.boxes[i - line.range.start].rtl, levels[byte(i)].is_rtl());
            }
        }
    }

    #[test]
    fn points_map_to_the_chars_under_them(text in text_strategy(), width in 1u8..30) {
        let l = unit(&text, f32::from(width));
        for (line, order) in l.lines.iter().zip(l.visual_order()) {
            let s = line.range.start;
            for &i in &order {
                let b = line.boxes[i - s];
                prop_assert_eq!(line.char_at(b.x0 + 0.5), Some(i));
                // The half a reader reaches first is before the char, the other after it.
                let (first, second) = if b.rtl { (b.x1 - 0.25, b.x0 + 0.25) } else { (b.x0 + 0.25, b.x1 - 0.25) };
                prop_assert_eq!(line.caret_at(first), i);
                prop_assert_eq!(line.caret_at(second), i + 1);
            }
            // A sweep over visual positions k..=m selects the smallest logical range holding
            // those chars, and its extents cover each of them.
            if order.len() >= 2 {
                let (k, m) = (order.len() / 3, order.len() - 1 - order.len() / 4);
                let (k, m) = (k.min(m), k.max(m));
                let x0 = line.boxes[order[k] - s].x0 + 0.1;
                let x1 = line.boxes[order[m] - s].x1 - 0.1;
                let swept = &order[k..=m];
                let lo = *swept.iter().min().unwrap();
                let hi = *swept.iter().max().unwrap();
                prop_assert_eq!(line.covered(x1, x0), Some(lo..hi + 1));
                let ext = line.extents(lo, hi + 1);
                let total: f32 = ext.iter().map(|(a, b)| b - a).sum();
                prop_assert!((total - (hi + 1 - lo) as f32).abs() < 1e-3);
                for w in ext.windows(2) {
                    prop_assert!(w[0].1 < w[1].0, "extents overlap or touch: {:?}", ext);
                }
                for i in lo..=hi {
                    let b = line.boxes[i - s];
                    prop_assert!(ext.iter().any(|&(a, z)| a <= b.x0 && b.x1 <= z));
                }
            }
        }
    }

    #[test]
    fn real_widths_never_panic_and_tile_each_line(
        text in text_strategy(),
        width in 0.0f32..40.0,
        widths in prop::collection::vec(0.0f32..3.0, 48),
    ) {
        let mut k = 0;
        let l = layout(&text, width, &[3, 7], &mut |_, s: &str| {
            let adv = s.chars().map(|_| { k += 1; widths[k % widths.len()] }).collect();
            ((), adv)
        });
        let n = text.chars().count();
        prop_assert_eq!(l.lines.first().unwrap().range.start, 0);
        prop_assert_eq!(l.lines.last().unwrap().range.end, n);
        for w in l.lines.windows(2) {
            prop_assert_eq!(w[0].range.end, w[1].range.start);
        }
        for line in &l.lines {
            let mut boxes: Vec<_> = line.boxes.iter().map(|b| (b.x0, b.x1)).collect();
            boxes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in boxes.windows(2) {
                prop_assert!(w[0].1 <= w[1].0 + 1e-3, "boxes overlap: {:?}", boxes);
            }
            for x in [-3.0, 0.0, width / 2.0, width, width + 5.0] {
                let c = line.caret_at(x);
                prop_assert!(line.range.start <= c && c <= line.range.end);
            }
        }
    }
}
