//! The same claim across documents: each claim's text is reduced to what makes it that claim
//! (its content words, lightly stemmed; its numbers; the names it mentions; whether it is
//! negated), and claims are grouped when their content words overlap enough and their numbers,
//! names and negation agree. People's `same-claim` links always join their two claims.
//!
//! Method: the content words of a claim are hashed; a MinHash signature of
//! [`HASHES`] values is cut into [`BANDS`] bands, and claims sharing a band (and the same
//! numbers and negation) are candidates (locality-sensitive hashing, so grouping does not
//! compare every pair). Each candidate pair is then checked exactly: Jaccard similarity of the
//! content words at least [`THRESHOLD`], equal numbers, no disjoint names, same negation.
//! Groups are the connected components (union-find). A signature depends only on its claim,
//! so when one document changes only its claims are read again.
//!
//! Costs: signatures O(words × HASHES) per claim; bucketing O(claims × BANDS); checks
//! O(candidates × words).

use std::collections::{BTreeSet, HashMap};

use super::names::fold;

/// Values in a MinHash signature.
pub const HASHES: usize = 32;
/// Bands the signature is cut into (of `HASHES / BANDS` rows each).
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// The least Jaccard similarity of content words for two claims to be the same claim.
pub const THRESHOLD: f64 = 0.6;

/// Words that carry no claim of their own.
const STOP: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "again",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "but",
    "by",
    "claim",
    "claimed",
    "claims",
    "could",
    "did",
    "do",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "i",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "more",
    "most",
    "of",
    "on",
    "or",
    "our",
    "over",
    "said",
    "say",
    "says",
    "she",
    "so",
    "some",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "year",
    "years",
    "you",
    "official",
    "officials",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "go",
    "went",
    "gone",
    "now",
];

/// Words for a change up or down, read as one word each: "rose", "went up", "increased" and
/// "grew" say the same of a number.
const DIRECTIONS: &[(&str, &[&str])] = &[
    (
        "+up",
        &[
            "rise", "increase", "grow", "climb", "jump", "surge", "soar", "up", "higher", "gain",
            "boost",
        ],
    ),
    (
        "+down",
        &[
            "fall", "drop", "decline", "decrease", "shrink", "plunge", "slump", "down", "lower",
            "reduce", "cut", "sink", "dip",
        ],
    ),
];

/// Words news writing uses for the same measure, read as one ("the jobless rate" is the
/// unemployment rate).
const SAME_MEASURE: &[(&str, &[&str])] = &[
    ("unemployment", &["jobless", "joblessness", "unemployed"]),
    ("employment", &["employed"]),
    ("inflation", &["cpi"]),
];

/// The stems of [`DIRECTIONS`], read once.
static DIRECTION_STEMS: std::sync::LazyLock<HashMap<String, &'static str>> =
    std::sync::LazyLock::new(|| {
        DIRECTIONS
            .iter()
            .chain(SAME_MEASURE)
            .flat_map(|(canon, words)| words.iter().map(move |w| (stem(w), *canon)))
            .collect()
    });

/// Words that turn a claim into its opposite.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
];

/// Number words read as digits.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1000000"),
    ("billion", "1000000000"),
    ("half", "0.5"),
    ("double", "2x"),
    ("doubled", "2x"),
    ("triple", "3x"),
    ("tripled", "3x"),
];

/// What makes a claim that claim, for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimKey {
    /// Hashes of its content words (folded, lightly stemmed), sorted, without repeats.
    pub words: Vec<u64>,
    /// Its numbers, normalized (`20%`, `3.7`, `2024`), sorted.
    pub numbers: Vec<String>,
    /// The names it mentions (capitalized words not at the start), folded.
    pub names: BTreeSet<String>,
    /// Whether it is negated.
    pub negated: bool,
    /// Its MinHash signature.
    pub signature: [u64; HASHES],
}

impl ClaimKey {
    /// The key of a claim's text.
    pub fn of(text: &str) -> Self {
        let tokens = tokens(text);
        let mut words = Vec::new();
        let mut numbers = Vec::new();
        let mut names = BTreeSet::new();
        let mut negated = false;
        for (i, t) in tokens.iter().enumerate() {
            match t {
                Token::Number(n) => numbers.push(n.clone()),
                Token::Word { folded, capital } => {
                    if NEGATIONS.contains(&folded.as_str()) {
                        negated = !negated;
                        continue;
                    }
                    if let Some((_, n)) = NUMBER_WORDS.iter().find(|(w, _)| w == folded) {
                        numbers.push((*n).to_owned());
                        continue;
                    }
                    if STOP.contains(&folded.as_str()) {
                        continue;
                    }
                    if *capital && i > 0 {
                        names.insert(folded.clone());
                    }
                    let stemmed = stem(folded);
                    match DIRECTION_STEMS.get(&stemmed) {
                        Some(canon) => words.push(hash(canon)),
                        None => words.push(hash(&stemmed)),
                    }
                }
            }
        }
        words.sort_unstable();
        words.dedup();
        numbers.sort();
        let signature = minhash(&words);
        Self {
            words,
            numbers,
            names,
            negated,
            signature,
        }
    }

    /// Jaccard similarity of the content words.
    pub fn similarity(&self, other: &ClaimKey) -> f64 {
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < self.words.len() && j < other.words.len() {
            match self.words[i].cmp(&other.words[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = self.words.len() + other.words.len() - common;
        if union == 0 {
            return 0.0;
        }
        common as f64 / union as f64
    }

    /// Why two claims are not the same claim (`numbers`, `negation`, `names` or `words`), or
    /// `None` when they are.
    pub fn difference(&self, other: &ClaimKey) -> Option<&'static str> {
        if self.numbers != other.numbers {
            Some("numbers")
        } else if self.negated != other.negated {
            Some("negation")
        } else if !self.names.is_empty()
            && !other.names.is_empty()
            && self.names.is_disjoint(&other.names)
        {
            Some("names")
        } else if self.similarity(other) < THRESHOLD {
            Some("words")
        } else {
            None
        }
    }

    /// Whether two claims say the same thing: enough words in common, the same numbers and
    /// negation, and names that share at least one where both have some.
    pub fn same_as(&self, other: &ClaimKey) -> bool {
        self.numbers == other.numbers
            && self.negated == other.negated
            && (self.names.is_empty()
                || other.names.is_empty()
                || !self.names.is_disjoint(&other.names))
            && self.similarity(other) >= THRESHOLD
    }

    /// What candidates must share besides a band: numbers and negation.
    fn gate(&self) -> u64 {
        let mut s = self.numbers.join("|");
        s.push(if self.negated { '!' } else { '=' });
        hash(&s)
    }
}

enum Token {
    Word { folded: String, capital: bool },
    Number(String),
}

/// Words and numbers: "3.7 percent" and "3.7%" are one number, "didn't" is "did not", a
/// thousands separator is not a boundary.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut n = String::new();
            while i < chars.len() {
                let d = chars[i];
                let joins = (d == '.' || d == ',')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                    && !n.is_empty();
                if d.is_ascii_digit() {
                    n.push(d);
                } else if joins {
                    if d == '.' {
                        n.push('.');
                    }
                } else {
                    break;
                }
                i += 1;
            }
            // A percent sign, or the word, right after.
            let rest: String = chars[i..chars.len().min(i + 12)].iter().collect();
            let rest = rest.to_lowercase();
            if rest.starts_with('%') {
                n.push('%');
                i += 1;
            } else if let Some(skip) = ["percent", " percent", " per cent", "per cent"]
                .iter()
                .find(|p| rest.starts_with(*p))
            {
                n.push('%');
                i += skip.chars().count();
            }
            out.push(Token::Number(n));
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || ((chars[i] == '\'' || chars[i] == '’' || chars[i] == '-')
                        && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let capital = c.is_uppercase();
            let folded = fold(&word).replace('’', "'");
            for part in folded.split('-') {
                if let Some(base) = part.strip_suffix("n't") {
                    out.push(Token::Word {
                        folded: base.to_owned(),
                        capital: false,
                    });
                    out.push(Token::Word {
                        folded: "not".to_owned(),
                        capital: false,
                    });
                } else {
                    let part = part.strip_suffix("'s").unwrap_or(part);
                    out.push(Token::Word {
                        folded: part.to_owned(),
                        capital,
                    });
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Irregular forms read as their base, so that "rose" and "has risen" match.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("go", &["went", "gone", "goes", "going"]),
    ("rise", &["rose", "risen"]),
    ("fall", &["fell", "fallen"]),
    ("grow", &["grew", "grown"]),
    ("spend", &["spent"]),
    ("lose", &["lost"]),
    ("win", &["won"]),
    ("make", &["made"]),
    ("take", &["took", "taken"]),
    ("give", &["gave", "given"]),
    ("pay", &["paid"]),
    ("build", &["built"]),
    ("sell", &["sold"]),
    ("buy", &["bought"]),
    ("leave", &["left"]),
    ("keep", &["kept"]),
    ("hold", &["held"]),
    ("send", &["sent"]),
    ("bring", &["brought"]),
    ("think", &["thought"]),
    ("child", &["children"]),
    ("man", &["men"]),
    ("woman", &["women"]),
    ("person", &["people"]),
];

/// A light stem: irregular forms to their base, then "ies" → "y", or "ing", "ed", "es" or "s"
/// off a word long enough to keep a stem, a doubled last consonant made single ("dropped" →
/// "drop") and a final "e" dropped ("raise", "raised", "raises" → "rais").
fn stem(w: &str) -> String {
    if let Some((base, _)) = IRREGULAR.iter().find(|(_, forms)| forms.contains(&w)) {
        return stem_regular(base);
    }
    stem_regular(w)
}

fn stem_regular(w: &str) -> String {
    if w.chars().count() <= 3 {
        return w.to_owned();
    }
    let mut out = w.to_owned();
    if let Some(b) = w.strip_suffix("ies") {
        out = format!("{b}y");
    } else {
        for end in ["ing", "ed", "es", "s"] {
            if let Some(b) = w.strip_suffix(end)
                && b.chars().count() >= 3
            {
                out = b.to_owned();
                break;
            }
        }
    }
    let chars: Vec<char> = out.chars().collect();
    let n = chars.len();
    if n >= 4 && chars[n - 1] == chars[n - 2] && !"aeioulsz".contains(chars[n - 1]) {
        out.pop();
    }
    if out.chars().count() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// FNV-1a, stable across runs and platforms (groups must not depend on a random seed).
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A 64-bit mix (splitmix64's finalizer), for the MinHash permutations.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn minhash(words: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &w in words {
        for (k, s) in sig.iter_mut().enumerate() {
            let h = mix(w ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *s {
                *s = h;
            }
        }
    }
    sig
}

/// Groups claims: `keys[i]` is claim `i`'s key; `joined` are pairs people linked as the same
/// claim (always in one group). Returns each claim's group as the smallest claim index in it,
/// so the same input always gives the same groups.
pub fn group(keys: &[&ClaimKey], joined: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    let mut buckets: HashMap<(usize, u64, u64), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if k.words.is_empty() {
            continue;
        }
        let gate = k.gate();
        for b in 0..BANDS {
            let band = &k.signature[b * ROWS..(b + 1) * ROWS];
            let h = band.iter().fold(0u64, |acc, &v| mix(acc ^ v));
            buckets.entry((b, gate, h)).or_default().push(i);
        }
    }
    for members in buckets.values() {
        // Each member is checked against the first few of its bucket that are not yet in its
        // group; a bucket of identical claims costs one check each.
        for (n, &i) in members.iter().enumerate().skip(1) {
            for &j in &members[..n] {
                if find(&mut parent, i) == find(&mut parent, j) {
                    continue;
                }
                if keys[i].same_as(keys[j]) {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    for &(i, j) in joined {
        if i < keys.len() && j < keys.len() {
            union(&mut parent, i, j);
        }
    }
    (0..keys.len()).map(|i| find(&mut parent, i)).collect()
}

/// A claim close to a text: its index, its similarity, and whether it is the same claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// The claim's index in the keys searched.
    pub index: usize,
    /// Jaccard similarity of the content words.
    pub similarity: f64,
    /// Whether it counts as the same claim ([`ClaimKey::same_as`]).
    pub same: bool,
    /// When it is not the same claim, why ([`ClaimKey::difference`]).
    pub differs: Option<&'static str>,
}

/// The claims among `keys` closest to `query`: the same claims first, then the others with
/// at least [`NEAR`] of their content words in common, best first, at most `limit`.
pub fn closest(query: &ClaimKey, keys: &[&ClaimKey], limit: usize) -> Vec<Match> {
    let mut found: Vec<Match> = keys
        .iter()
        .enumerate()
        .filter_map(|(index, k)| {
            let similarity = query.similarity(k);
            (similarity >= NEAR).then(|| {
                let differs = query.difference(k);
                Match {
                    index,
                    similarity,
                    same: differs.is_none(),
                    differs,
                }
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.same
            .cmp(&a.same)
            .then(b.similarity.total_cmp(&a.similarity))
            .then(a.index.cmp(&b.index))
    });
    found.truncate(limit);
    found
}

/// The least similarity for a claim to be offered as close to a text ([`closest`]).
pub const NEAR: f64 = 0.3;

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins two groups under the smaller index.
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        parent[hi] = lo;
    }
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
