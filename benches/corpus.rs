//! Corpus speed: `factmark list` and `factmark stats` over 1,000 documents (~5 KB of
//! non-repeating text each) with sidecars of 20 annotations, in a temporary folder.
//! Budget (issue 6): ≤ 5 s each, cold, on the 2-core reference machine.
//!
//! Run with `cargo bench --bench corpus`.
//!
//! The bench runs the real binary, the way a user or a script does: Cargo builds it for
//! benches and passes its path in `CARGO_BIN_EXE_factmark`, so the numbers include process
//! start, argument parsing, the folder walk, parallel loading, anchoring and output (to
//! /dev/null). The first run right after the corpus is written is reported separately as
//! "first run"; it is as cold as an unprivileged bench can make it (the page cache holds the
//! fresh files; dropping it needs root).

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use factmark::core::annotation::{
    Annotation, EntityKind, Review, ReviewStatus, Tag, TagKind, Verdict,
};
use factmark::store::Session;

/// Documents in the corpus.
const DOCUMENTS: usize = 1_000;
/// Target size of each document in bytes.
const DOC_BYTES: usize = 5_000;
/// Annotations per document.
const ANNOTATIONS: usize = 20;
/// Sub-folders the documents are spread over (the folder walk is part of the work).
const FOLDERS: usize = 10;

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
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "sur", "tal", "ver", "do", "an", "ri", "pel", "os", "qua", "ben",
    "tor", "lis", "ga", "mon", "zé", "fu", "hal", "cre", "dan", "wi",
];

/// A word made of random syllables: practically never the same sentence twice.
fn word(rng: &mut Rng) -> String {
    (0..1 + rng.below(3))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// About `bytes` bytes of sentences in paragraphs.
fn document(rng: &mut Rng, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 200);
    while s.len() < bytes {
        let mut sentence = word(rng);
        if let Some(first) = sentence.get(..1) {
            sentence.replace_range(..1, &first.to_uppercase());
        }
        for _ in 0..6 + rng.below(12) {
            sentence.push(' ');
            sentence.push_str(&word(rng));
        }
        s.push_str(&sentence);
        s.push_str(if rng.below(5) == 0 { ".\n\n" } else { ". " });
    }
    s
}

fn tag(rng: &mut Rng) -> Tag {
    match rng.below(4) {
        0 => Tag::Claim {
            verdict: Verdict::ALL[rng.below(Verdict::ALL.len())],
            claimant: None,
        },
        1 => Tag::Quote { speaker: None },
        2 => Tag::new(TagKind::Date),
        _ => Tag::Entity {
            kind: EntityKind::ALL[rng.below(EntityKind::ALL.len())],
            identifier: None,
        },
    }
}

/// Writes the corpus under `root` through the library's own save path.
fn write_corpus(root: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let authors = ["ana", "ben", "chloé", "dmitri", "eun-ji"];
    let now: DateTime<Utc> = "2026-01-01T00:00:00Z".parse()?;
    let mut rng = Rng(42);
    for i in 0..DOCUMENTS {
        let folder = root.join(format!("batch-{:02}", i % FOLDERS));
        std::fs::create_dir_all(&folder)?;
        let doc = folder.join(format!("article-{i:04}.txt"));
        std::fs::write(&doc, document(&mut rng, DOC_BYTES))?;
        let mut session = Session::open(&doc)?;
        let len = session.text.char_count();
        for _ in 0..ANNOTATIONS {
            let start = rng.below(len - 60);
            let end = start + 5 + rng.below(50);
            let author = authors[rng.below(authors.len())];
            let mut a = Annotation::new(&session.text, start, end, tag(&mut rng), author, now)?;
            a.review = Review {
                status: ReviewStatus::ALL[rng.below(ReviewStatus::ALL.len())],
                ..Review::default()
            };
            session.annotations.insert(a);
        }
        session.save()?;
    }
    Ok(())
}

/// Runs `factmark ARGS ROOT` with stdout discarded; fails on a non-zero exit.
fn run(args: &[&str], root: &Path) -> Result<Duration, String> {
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .arg(root)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run factmark: {e}"))?;
    if !status.success() {
        return Err(format!("factmark {args:?} failed: {status}"));
    }
    Ok(started.elapsed())
}

fn corpus(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => return eprintln!("corpus bench: no temporary folder: {e}"),
    };
    let root = dir.path();
    let written = Instant::now();
    if let Err(e) = write_corpus(root) {
        return eprintln!("corpus bench: could not write the corpus: {e}");
    }
    eprintln!(
        "corpus: {DOCUMENTS} documents × ~{DOC_BYTES} bytes, {ANNOTATIONS} annotations each, \
         written in {:.2?}",
        written.elapsed()
    );
    let commands: [(&str, &[&str]); 3] = [
        ("list (table)", &["list"]),
        ("list --format json", &["list", "--format", "json"]),
        ("stats --format json", &["stats", "--format", "json"]),
    ];
    for (name, args) in commands {
        match run(args, root) {
            Ok(t) => eprintln!("first run: factmark {name}: {t:.2?}"),
            Err(e) => return eprintln!("corpus bench: {e}"),
        }
    }
    let mut group = c.benchmark_group("corpus_1000_docs");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    for (name, args) in commands {
        group.bench_function(name, |b| b.iter(|| black_box(run(args, root))));
    }
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
