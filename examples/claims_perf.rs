//! How fast claims are grouped across a folder: generates `--claims` claims over `--docs`
//! documents, where each checked claim is repeated in a few documents with small rewordings,
//! then times reading the claims' keys, grouping them, and matching a text against them.
//! Prints one JSON line.
//!
//! cargo run --release --example claims_perf -- --claims 100000 --docs 10000

use std::time::Instant;

use factmark::core::claims::{ClaimKey, closest, group};

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
    let started = Instant::now();
    let keys: Vec<ClaimKey> = texts.iter().map(|t| ClaimKey::of(t)).collect();
    let keyed = started.elapsed();
    let refs: Vec<&ClaimKey> = keys.iter().collect();
    let started = Instant::now();
    let groups = group(&refs, &[]);
    let grouped = started.elapsed();
    let mut distinct = groups.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let query = ClaimKey::of(&texts[claims / 2]);
    let started = Instant::now();
    let found = closest(&query, &refs, 10);
    let matched = started.elapsed();
    println!(
        "{{\"claims\":{claims},\"docs\":{docs},\"keys_ms\":{:.1},\"group_ms\":{:.1},\"groups\":{},\"match_ms\":{:.2},\"matches\":{}}}",
        keyed.as_secs_f64() * 1000.0,
        grouped.as_secs_f64() * 1000.0,
        distinct.len(),
        matched.as_secs_f64() * 1000.0,
        found.len()
    );
}
