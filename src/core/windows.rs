//! One pass over the text that finds, for many annotations at once, every place where an
//! annotation's whole stored window (prefix, quote and suffix) still occurs verbatim.
//!
//! Each window is looked for through a 16-byte key cut from it around the start of the quote:
//! a rolling hash of every 16 bytes of the text is checked against the keys' hashes (a bitset
//! first, so most positions cost a multiply and a bit test), and every hash hit is checked
//! against the whole window. Cost O(text + keys + hits), whatever the number of annotations.

use std::collections::HashMap;

use super::annotation::Annotation;
use super::text::Text;

/// Bytes of each window used as its search key.
const KEY_BYTES: usize = 16;

/// At most this many places are kept per annotation (more only means "many").
pub const MAX_HITS: usize = 16;

/// Up to this many windows are each searched directly instead of hashing the whole text.
const DIRECT_SEARCH: usize = 4;

/// The rolling hash's multiplier (odd, with well-mixed high bits).
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// Bits of the pre-filter indexed by a hash's top bits.
const FILTER_BITS: u32 = 20;

/// A window to look for: `prefix + exact + suffix`, the byte offset of the quote in it, and
/// where its key starts.
struct Window {
    bytes: String,
    quote_at: usize,
    key_at: usize,
}

impl Window {
    fn new(a: &Annotation) -> Self {
        let bytes = format!("{}{}{}", a.prefix, a.exact, a.suffix);
        let quote_at = a.prefix.len();
        let key_at = quote_at
            .saturating_sub(KEY_BYTES / 2)
            .min(bytes.len().saturating_sub(KEY_BYTES));
        Self {
            bytes,
            quote_at,
            key_at,
        }
    }

    fn key(&self) -> Option<&[u8]> {
        self.bytes
            .as_bytes()
            .get(self.key_at..self.key_at + KEY_BYTES)
    }

    /// If the whole window occurs where this key hit starts, the byte offset of the quote.
    fn verify(&self, text: &str, key_hit: usize) -> Option<usize> {
        let start = key_hit.checked_sub(self.key_at)?;
        let hay = text.as_bytes().get(start..start + self.bytes.len())?;
        (hay == self.bytes.as_bytes()).then_some(start + self.quote_at)
    }
}

/// Every byte offset where `needle` occurs in `hay`, overlapping occurrences included ("aa"
/// occurs twice in "aaa"), in order. An empty needle occurs nowhere.
pub fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let finder = memchr::memmem::Finder::new(needle);
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        let at = from + finder.find(hay.get(from..)?)?;
        from = at + 1;
        Some(at)
    })
}

/// The hash of a key: the polynomial `Σ (byte + 1) · BASE^(n-1-i)`, wrapping.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b) + 1)
    })
}

fn filter_slot(h: u64) -> (usize, u64) {
    let i = (h >> (64 - FILTER_BITS)) as usize;
    (i / 64, 1u64 << (i % 64))
}

/// For each annotation, the char offsets where its quote starts with its whole stored context
/// around it (at most [`MAX_HITS`], in text order).
pub fn find_windows(text: &Text, anns: &[&Annotation]) -> Vec<Vec<usize>> {
    let windows: Vec<Window> = anns.iter().map(|a| Window::new(a)).collect();
    let hay = text.as_str();
    let mut hits: Vec<Vec<usize>> = vec![Vec::new(); anns.len()];
    let mut record = |i: usize, key_hit: usize| {
        if hits[i].len() < MAX_HITS
            && let Some(quote) = windows[i].verify(hay, key_hit)
        {
            hits[i].push(quote);
        }
    };
    if windows.len() <= DIRECT_SEARCH {
        // A few windows (one `anchor` call): a direct search for each is cheaper than hashing
        // every position of the text.
        for (i, w) in windows.iter().enumerate() {
            for at in occurrences(hay.as_bytes(), w.bytes.as_bytes()).take(MAX_HITS) {
                record(i, at + w.key_at);
            }
        }
        return to_chars(text, hits);
    }
    let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
    for (i, w) in windows.iter().enumerate() {
        match w.key() {
            Some(key) => {
                let h = hash(key);
                by_hash.entry(h).or_default().push(i);
                let (word, bit) = filter_slot(h);
                filter[word] |= bit;
            }
            // A window shorter than a key (a tiny document): look for it on its own.
            None => {
                for at in occurrences(hay.as_bytes(), w.bytes.as_bytes()).take(MAX_HITS) {
                    record(i, at + w.key_at);
                }
            }
        }
    }
    let bytes = hay.as_bytes();
    if !by_hash.is_empty() && bytes.len() >= KEY_BYTES {
        let out_weight = (1..KEY_BYTES).fold(1u64, |p, _| p.wrapping_mul(BASE));
        let mut h = hash(&bytes[..KEY_BYTES]);
        for start in 0..=bytes.len() - KEY_BYTES {
            if start > 0 {
                let out = u64::from(bytes[start - 1]) + 1;
                let inc = u64::from(bytes[start + KEY_BYTES - 1]) + 1;
                h = h
                    .wrapping_sub(out.wrapping_mul(out_weight))
                    .wrapping_mul(BASE)
                    .wrapping_add(inc);
            }
            let (word, bit) = filter_slot(h);
            if filter[word] & bit != 0
                && let Some(ids) = by_hash.get(&h)
            {
                for &i in ids {
                    record(i, start);
                }
            }
        }
    }
    to_chars(text, hits)
}

fn to_chars(text: &Text, hits: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    hits.into_iter()
        .map(|h| h.into_iter().map(|b| text.char_of_byte(b)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Tag, TagKind};
    use chrono::Utc;

    #[test]
    fn finds_whole_windows_only() {
        let t = Text::from_str_normalized("x. The cat sat on the mat, said Ünal. The end.");
        let a = Annotation::new(&t, 7, 10, Tag::new(TagKind::Quote), "a", Utc::now()).unwrap();
        assert_eq!(a.exact, "cat");
        let b = Annotation::new(&t, 32, 36, Tag::new(TagKind::Entity), "a", Utc::now()).unwrap();
        assert_eq!(b.exact, "Ünal");
        let t2 = Text::from_str_normalized(
            "😀 x. The cat sat on the mat, said Ünal. The end.\nThe cat sat on a mat.",
        );
        assert_eq!(find_windows(&t2, &[&a, &b]), [vec![9], vec![34]]);
        let t3 = Text::from_str_normalized("x. The cat sat on the mat, said Ünal. The end!");
        assert_eq!(find_windows(&t3, &[&a, &b]), [vec![7], vec![]]);
    }

    #[test]
    fn hashing_and_direct_search_agree() {
        let words: Vec<String> = (0..300).map(|i| format!("w{}", i % 37)).collect();
        let t = Text::from_str_normalized(&words.join(" "));
        let anns: Vec<Annotation> = (0..40)
            .map(|i| {
                let (s, e) = (i * 23 % 900, i * 23 % 900 + 3 + i % 20);
                Annotation::new(&t, s, e, Tag::new(TagKind::Quote), "a", Utc::now()).unwrap()
            })
            .collect();
        let edited = Text::from_str_normalized(&format!("Intro é. {}", t.as_str()));
        let refs: Vec<&Annotation> = anns.iter().collect();
        let together = find_windows(&edited, &refs);
        for (a, hits) in refs.iter().zip(&together) {
            assert_eq!(&find_windows(&edited, &[a])[0], hits);
            assert!(!hits.is_empty());
        }
    }

    #[test]
    fn occurrences_overlap() {
        let found: Vec<usize> = occurrences(b"ha ha ha ha", b"ha ha").collect();
        assert_eq!(found, [0, 3, 6]);
        assert_eq!(occurrences(b"abc", b"").count(), 0);
        assert_eq!(occurrences(b"", b"a").count(), 0);
    }

    #[test]
    fn reports_every_copy() {
        let t = Text::from_str_normalized("ab ab ab");
        let a = Annotation::new(&t, 3, 5, Tag::new(TagKind::Quote), "a", Utc::now()).unwrap();
        let t2 = Text::from_str_normalized("ab ab ab ab ab ab");
        assert_eq!(find_windows(&t2, &[&a]), [vec![3, 6, 9, 12]]);
        let t3 = Text::from_str_normalized("ab ab ab\nab ab ab");
        assert_eq!(find_windows(&t3, &[&a]), [vec![3, 12]]);
    }
}
