//! How fast claims are grouped across a folder: generates `--claims` claims over `--docs`
//! documents, about a quarter of them repeats of others in other words, then times the
//! folder's claim register (reading every claim's key and grouping), reading it again after
//! one document changed (only that document's claims are read again), and matching a text
//! against the rated claims. Prints one JSON line.
//!
//! cargo run --release --example claims_perf -- --claims 100000 --docs 10000

use std::time::Instant;

use factmark::core::annotation::{Annotation, Tag, Verdict};
use factmark::core::register::ClaimRegister;
use factmark::core::text::Text;

const SUBJECTS: &[&str] = &[
    "unemployment",
    "crime",
    "exports",
    "housing prices",
    "vaccination rates",
    "rents",
    "the deficit",
    "hospital waiting times",
    "school funding",
    "container traffic",
    "energy prices",
    "bus ridership",
    "tax revenue",
    "wages",
    "the harbour budget",
];
const PLACES: &[&str] = &[
    "Westmarch",
    "Eastmere",
    "Dunhollow",
    "Port Ardent",
    "Kessrow",
    "Lowmere",
    "Brannock",
    "Tillingford",
    "Marrowgate",
    "Osk",
];
const VERBS: &[(&str, &str)] = &[
    ("rose", "went up"),
    ("fell", "dropped"),
    ("doubled", "has doubled"),
    ("grew", "increased"),
];

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A deterministic pseudo-random stream.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn main() {
    let claims = arg("--claims", 100_000);
    let docs = arg("--docs", 10_000).max(1);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // A claim is (subject, place, verb, number, year); about one in four is repeated.
    let base = claims * 3 / 4;
    let mut texts = Vec::with_capacity(claims);
    let mut originals = Vec::with_capacity(base);
    for _ in 0..base {
        let c = (
            rng.next(SUBJECTS.len()),
            rng.next(PLACES.len()),
            rng.next(VERBS.len()),
            rng.next(100) + 1,
            2000 + rng.next(26),
        );
        originals.push(c);
        let (s, p, v, n, y) = c;
        texts.push(format!(
            "In {}, {} {} {n} percent in {y}.",
            PLACES[p], SUBJECTS[s], VERBS[v].0
        ));
    }
    while texts.len() < claims {
        let (s, p, v, n, y) = originals[rng.next(originals.len())];
        texts.push(format!(
            "{} in {} {} by {n}% in {y}, officials said",
            SUBJECTS[s], PLACES[p], VERBS[v].1
        ));
    }
    // The claims, dealt out to the documents; every other one rated.
    let now = chrono::Utc::now();
    let mut docs_annotations: Vec<Vec<Annotation>> = vec![Vec::new(); docs];
    let mut doc_texts: Vec<String> = vec![String::new(); docs];
    for (k, t) in texts.iter().enumerate() {
        doc_texts[k % docs].push_str(t);
        doc_texts[k % docs].push('\n');
    }
    for (d, body) in doc_texts.iter().enumerate() {
        let text = Text::from_str_normalized(body);
        let mut start = 0;
        for (n, line) in body.lines().enumerate() {
            let len = line.chars().count();
            let verdict = if n % 2 == 0 {
                Verdict::False
            } else {
                Verdict::Unrated
            };
            let tag = Tag::Claim {
                verdict,
                claimant: None,
            };
            if let Ok(a) = Annotation::new(&text, start, start + len, tag, "perf", now) {
                docs_annotations[d].push(a);
            }
            start += len + 1;
        }
    }
    let mut register = ClaimRegister::default();
    let started = Instant::now();
    register.rebuild(
        docs_annotations
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.as_slice())),
    );
    let built = started.elapsed();
    let groups = register.groups().len();
    // A verdict changes: the groups stay, what they show is refreshed.
    if let Some(a) = docs_annotations[1].first_mut() {
        a.tag = Tag::Claim {
            verdict: Verdict::True,
            claimant: None,
        };
    }
    let started = Instant::now();
    register.rebuild(
        docs_annotations
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.as_slice())),
    );
    let rated = started.elapsed();
    // One document changes: a claim's text is edited.
    if let Some(a) = docs_annotations[0].first_mut() {
        a.exact.push_str(" (corrected)");
    }
    let started = Instant::now();
    register.rebuild(
        docs_annotations
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.as_slice())),
    );
    let again = started.elapsed();
    let started = Instant::now();
    let found = register.closest(&texts[claims / 2], 10);
    let matched = started.elapsed();
    println!(
        "{{\"claims\":{claims},\"docs\":{docs},\"register_ms\":{:.1},\"after_a_verdict_ms\":{:.1},\"after_a_text_change_ms\":{:.1},\"groups\":{groups},\"match_ms\":{:.2},\"matches\":{}}}",
        built.as_secs_f64() * 1000.0,
        rated.as_secs_f64() * 1000.0,
        again.as_secs_f64() * 1000.0,
        matched.as_secs_f64() * 1000.0,
        found.len()
    );
}
