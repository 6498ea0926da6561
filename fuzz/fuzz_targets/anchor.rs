//! Fuzz target: re-anchoring annotations (any span, quote and context) in any text. Never
//! panics; one result per annotation, anchored ones inside the text.
#![no_main]

use chrono::TimeZone as _;
use libfuzzer_sys::fuzz_target;

use factmark::core::anchor::anchor_all;
use factmark::core::annotation::{Annotation, AnnotationId, Review, Tag, TagKind};
use factmark::core::text::Text;

fuzz_target!(|input: (String, Vec<(u16, u8, String, String, String)>)| {
    let (text, spans) = input;
    let text = Text::from_str_normalized(&text);
    let now = chrono::Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let annotations: Vec<Annotation> = spans
        .into_iter()
        .enumerate()
        .filter(|(_, (_, _, exact, _, _))| !exact.is_empty())
        .map(|(i, (start, len, exact, prefix, suffix))| Annotation {
            id: AnnotationId(uuid::Uuid::from_u128(i as u128)),
            start: start as usize,
            end: start as usize + 1 + len as usize,
            exact,
            prefix,
            suffix,
            tag: Tag::new(TagKind::Claim),
            note: String::new(),
            author: "fuzz".into(),
            created: now,
            modified: now,
            review: Review::default(),
        })
        .collect();
    let results = anchor_all(&text, &annotations);
    assert_eq!(results.len(), annotations.len());
    for r in &results {
        assert!(r.start <= r.end);
        if r.status.is_anchored() {
            assert!(r.end <= text.char_count());
        }
    }
});
