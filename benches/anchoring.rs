//! Re-anchoring speed: a 1 MB non-repeating document with 5,000 annotations, re-anchored
//! unchanged and after 100 random edits (inserted, deleted and replaced words and sentences).
//! Budget (DESIGN.md): ≤ 500 ms after the edits; the unchanged case should cost almost nothing.
//!
//! Run with `cargo bench --bench anchoring`.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use factmark::core::anchor::{AnchorStatus, anchor_all};
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::core::text::Text;

/// Target document size in bytes.
const DOC_BYTES: usize = 1_000_000;
/// Annotations to place.
const ANNOTATIONS: usize = 5_000;
/// Random edits between the annotated and the current text.
const EDITS: usize = 100;

/// SplitMix64: a small, seeded, deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// A vocabulary of pronounceable made-up words, a few with accents (so the text is not ASCII).
fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr",
        "pl", "gr", "ch", "sh",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "é", "ü"];
    (0..20_000)
        .map(|_| {
            let syllables = rng.between(1, 4);
            (0..syllables)
                .map(|_| {
                    let accented = rng.below(20) == 0;
                    let v = VOWELS[rng.below(if accented { 9 } else { 7 })];
                    format!("{}{}", ONSETS[rng.below(ONSETS.len())], v)
                })
                .collect()
        })
        .collect()
}

fn sentence(rng: &mut Rng, vocab: &[String]) -> String {
    let words = rng.between(6, 24);
    let mut s = String::new();
    for w in 0..words {
        let word = &vocab[rng.below(vocab.len())];
        if w == 0 {
            let mut c = word.chars();
            if let Some(first) = c.next() {
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(word);
        }
    }
    s.push('.');
    s
}

fn document(rng: &mut Rng, vocab: &[String]) -> String {
    let mut doc = String::with_capacity(DOC_BYTES + 1_000);
    while doc.len() < DOC_BYTES {
        for i in 0..rng.between(3, 7) {
            if i > 0 {
                doc.push(' ');
            }
            doc.push_str(&sentence(rng, vocab));
        }
        doc.push_str("\n\n");
    }
    doc
}

/// Char offsets where words start.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.chars().enumerate() {
        let space = c.is_whitespace();
        if prev_space && !space {
            starts.push(i);
        }
        prev_space = space;
    }
    starts
}

/// 5,000 annotations from one word (an entity) to a sentence or two (a claim).
fn annotations(rng: &mut Rng, text: &Text) -> Vec<Annotation> {
    let starts = word_starts(text.as_str());
    let epoch = DateTime::<Utc>::UNIX_EPOCH;
    let mut out = Vec::with_capacity(ANNOTATIONS);
    while out.len() < ANNOTATIONS {
        let first = rng.below(starts.len() - 40);
        let words = match rng.below(10) {
            0..=3 => rng.between(1, 3),
            4..=7 => rng.between(4, 12),
            _ => rng.between(13, 40),
        };
        let (start, end) = (starts[first], starts[first + words] - 1);
        let kind = [
            TagKind::Entity,
            TagKind::Date,
            TagKind::Quote,
            TagKind::Claim,
        ][rng.below(4)];
        if let Ok(a) = Annotation::new(text, start, end, Tag::new(kind), "bench", epoch) {
            out.push(a);
        }
    }
    out
}

/// Applies random word and sentence insertions, deletions and replacements, and tracks where
/// each span truly goes: `Some(span)` if no edit touched it, `None` if one did.
fn edit(
    rng: &mut Rng,
    vocab: &[String],
    doc: &str,
    spans: &[(usize, usize)],
) -> (String, Vec<Option<(usize, usize)>>) {
    let mut chars: Vec<char> = doc.chars().collect();
    let mut truth: Vec<Option<(usize, usize)>> = spans.iter().copied().map(Some).collect();
    for _ in 0..EDITS {
        let text: String = chars.iter().collect();
        let starts = word_starts(&text);
        let at = starts[rng.below(starts.len() - 30)];
        let word_end = |from: usize| {
            (from..chars.len())
                .find(|&i| chars[i] == ' ')
                .unwrap_or(from)
        };
        let sentence_end = |from: usize| {
            (from..chars.len())
                .find(|&i| chars[i] == '.')
                .map_or(from, |i| i + 1)
        };
        let (end, insert) = match rng.below(5) {
            0 => (at, format!("{} ", vocab[rng.below(vocab.len())])),
            1 => (at, format!("{} ", sentence(rng, vocab))),
            2 => ((word_end(at) + 1).min(chars.len()), String::new()),
            3 => (sentence_end(at), String::new()),
            _ => (word_end(at), vocab[rng.below(vocab.len())].clone()),
        };
        let inserted = insert.chars().count();
        chars.splice(at..end, insert.chars());
        for t in truth.iter_mut() {
            *t = match *t {
                Some((s, e)) if e <= at => Some((s, e)),
                Some((s, e)) if s >= end => {
                    Some((s + inserted - (end - at), e + inserted - (end - at)))
                }
                _ => None,
            };
        }
    }
    (chars.into_iter().collect(), truth)
}

/// The statuses, and how many untouched annotations were placed confidently on wrong text.
fn counts(text: &Text, anns: &[Annotation], truth: &[Option<(usize, usize)>]) -> String {
    let results = anchor_all(text, anns);
    let wrong = results
        .iter()
        .zip(truth)
        .filter(|(r, t)| {
            let placed = r.status.is_anchored() || r.status == AnchorStatus::Fuzzy;
            placed && t.is_some_and(|t| (r.start, r.end) != t)
        })
        .count();
    let by_status: Vec<String> = AnchorStatus::ALL
        .iter()
        .map(|s| {
            let n = results.iter().filter(|r| r.status == *s).count();
            format!("{n} {}", s.as_str())
        })
        .collect();
    format!(
        "{}; {} spans touched by an edit; {wrong} untouched spans placed elsewhere",
        by_status.join(", "),
        truth.iter().filter(|t| t.is_none()).count()
    )
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(0x5EED_FAC7_0000_0001);
    let vocab = vocabulary(&mut rng);
    let original = Text::from_str_normalized(&document(&mut rng, &vocab));
    let anns = annotations(&mut rng, &original);
    let spans: Vec<(usize, usize)> = anns.iter().map(|a| (a.start, a.end)).collect();
    let (edited, truth) = edit(&mut rng, &vocab, original.as_str(), &spans);
    let edited = Text::from_str_normalized(&edited);
    eprintln!(
        "document: {} bytes, {} chars; {} annotations; after {EDITS} edits: {}",
        original.as_str().len(),
        original.char_count(),
        anns.len(),
        counts(&edited, &anns, &truth)
    );
    let mut group = c.benchmark_group("anchoring");
    group.sample_size(20);
    group.bench_function("unchanged_1MB_5000", |b| {
        b.iter(|| anchor_all(black_box(&original), black_box(&anns)))
    });
    group.bench_function("after_100_edits_1MB_5000", |b| {
        b.iter(|| anchor_all(black_box(&edited), black_box(&anns)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
