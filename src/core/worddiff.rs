//! Differences between an old and a new text by words, as people read a correction: "June" →
//! "January", not interleaved letters ("more‑than‑three‑hours‑lon~~terview~~g"). Inside a
//! replaced word, the letters are compared only when most of the word stays (a fixed typo,
//! "recieved" → "received"); otherwise, and always for numbers and names (a capitalized word:
//! "Faune" → "Faure" reads as two names, not as a letter struck out), the whole word is shown
//! removed and inserted.

use similar::{Algorithm, ChangeTag, capture_diff_slices};

/// What a piece of the difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffKind {
    /// In both texts.
    Same,
    /// Only in the old text.
    Removed,
    /// Only in the new text.
    Inserted,
}

/// A piece of text and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    /// What it is.
    pub kind: DiffKind,
    /// The text.
    pub text: String,
}

/// A word replaced by a word is compared letter by letter only if at least this share of the
/// longer word's letters stays.
const MIN_KEPT_IN_WORD: f64 = 0.6;
/// The most letters a small fix inside a word changes on either side.
const MAX_FIXED_LETTERS: usize = 2;

/// The difference from `old` to `new`, by words (and white space and punctuation, each a
/// token of its own); consecutive parts of the same kind are merged. Removed text comes
/// before the inserted text that replaces it. Concatenating the `Same` and `Removed` parts
/// gives `old`; the `Same` and `Inserted` parts give `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let a = tokens(old);
    let b = tokens(new);
    let ops = capture_diff_slices(Algorithm::Patience, &a, &b);
    let mut out: Vec<DiffPart> = Vec::new();
    // Runs of removed and inserted tokens, flushed at each unchanged token.
    let (mut removed, mut inserted): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<DiffPart>, removed: &mut Vec<&str>, inserted: &mut Vec<&str>| {
        match (removed.as_slice(), inserted.as_slice()) {
            ([r], [i]) if is_spelled(r) && is_spelled(i) && !is_name(r) && letters_kept(r, i) => {
                for part in char_diff(r, i) {
                    push(out, part.kind, &part.text);
                }
            }
            _ => {
                push(out, DiffKind::Removed, &removed.concat());
                push(out, DiffKind::Inserted, &inserted.concat());
            }
        }
        removed.clear();
        inserted.clear();
    };
    for op in ops {
        for change in op.iter_changes(&a, &b) {
            match change.tag() {
                ChangeTag::Equal => {
                    flush(&mut out, &mut removed, &mut inserted);
                    push(&mut out, DiffKind::Same, change.value());
                }
                ChangeTag::Delete => removed.push(change.value()),
                ChangeTag::Insert => inserted.push(change.value()),
            }
        }
    }
    flush(&mut out, &mut removed, &mut inserted);
    join_changes(out)
}

/// Changes parted only by white space read as one change: "~~slightly more modern~~ retro MS
/// DOS", not "~~slightly~~ retro ~~more~~ MS ~~modern~~ DOS".
fn join_changes(parts: Vec<DiffPart>) -> Vec<DiffPart> {
    let mut out: Vec<DiffPart> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        if parts[i].kind == DiffKind::Same {
            push(&mut out, DiffKind::Same, &parts[i].text);
            i += 1;
            continue;
        }
        // A run of changes and the white space between them.
        let mut end = i;
        let mut last_change = i;
        while end < parts.len() {
            let p = &parts[end];
            if p.kind != DiffKind::Same {
                last_change = end;
            } else if !p.text.chars().all(char::is_whitespace)
                || parts.get(end + 1).is_none_or(|n| n.kind == DiffKind::Same)
            {
                break;
            }
            end += 1;
        }
        let run = &parts[i..=last_change];
        let changes = run.iter().filter(|p| p.kind != DiffKind::Same).count();
        if changes <= 2 && run.len() <= 2 {
            for p in run {
                push(&mut out, p.kind, &p.text);
            }
        } else {
            let side = |skip: DiffKind| -> String {
                run.iter()
                    .filter(|p| p.kind != skip)
                    .map(|p| p.text.as_str())
                    .collect()
            };
            push(&mut out, DiffKind::Removed, &side(DiffKind::Inserted));
            push(&mut out, DiffKind::Inserted, &side(DiffKind::Removed));
        }
        i = last_change + 1;
    }
    out
}

/// Both texts whole when each fits in `max` chars, else only the stretch that changed with a
/// word around it ([`changed_words`]): a long sentence cut at a fixed length would hide the
/// change. Returns (old, new).
pub fn change_summary(old: &str, new: &str, max: usize) -> (String, String) {
    if old.chars().count() <= max && new.chars().count() <= max {
        return (old.to_owned(), new.to_owned());
    }
    // Each stretch that changed, with a word around it, joined by "…" (several edits in one
    // long sentence are each shown).
    let stretches = changed_stretches(old, new);
    if stretches.len() <= 1 {
        return changed_words(old, new);
    }
    let join = |side: fn(&(String, String)) -> &String| {
        stretches
            .iter()
            .map(|s| side(s).as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    (join(|s| &s.0), join(|s| &s.1))
}

/// Each stretch of words that changed, with a word of context on each side: (old, new).
pub fn changed_stretches(old: &str, new: &str) -> Vec<(String, String)> {
    let parts = word_diff(old, new);
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        if parts[i].kind == DiffKind::Same {
            i += 1;
            continue;
        }
        let start = i;
        // A change goes on over a same part of at most one word between two changes: "the
        // 10x advantage on open" → "the open-time advantage" reads as one change, not as two
        // around "open".
        while i < parts.len()
            && (parts[i].kind != DiffKind::Same
                || (parts[i].text.split_whitespace().count() <= 1
                    && parts.get(i + 1).is_some_and(|p| p.kind != DiffKind::Same)))
        {
            i += 1;
        }
        let before: String = parts[..start]
            .iter()
            .filter(|p| p.kind == DiffKind::Same)
            .map(|p| p.text.as_str())
            .collect();
        let after: String = parts[i..]
            .iter()
            .filter(|p| p.kind == DiffKind::Same)
            .map(|p| p.text.as_str())
            .collect();
        let (lead, trail) = (last_word(&before), first_word(&after));
        let side = |skip: DiffKind| {
            let middle: String = parts[start..i]
                .iter()
                .filter(|p| p.kind != skip)
                .map(|p| p.text.as_str())
                .collect();
            format!("{lead}{middle}{trail}").trim().to_owned()
        };
        out.push((side(DiffKind::Inserted), side(DiffKind::Removed)));
    }
    out
}

/// Only the changed stretch with a word of context on each side: "on June 8" → "on January
/// 8", for one-line summaries. Returns (old excerpt, new excerpt).
pub fn changed_words(old: &str, new: &str) -> (String, String) {
    let parts = word_diff(old, new);
    let first = parts.iter().position(|p| p.kind != DiffKind::Same);
    let last = parts.iter().rposition(|p| p.kind != DiffKind::Same);
    let (Some(first), Some(last)) = (first, last) else {
        return (old.to_owned(), new.to_owned());
    };
    let before = parts[..first]
        .iter()
        .map(|p| p.text.as_str())
        .collect::<String>();
    let after = parts[last + 1..]
        .iter()
        .map(|p| p.text.as_str())
        .collect::<String>();
    let lead = last_word(&before);
    let trail = first_word(&after);
    let side = |skip: DiffKind| {
        let middle: String = parts[first..=last]
            .iter()
            .filter(|p| p.kind != skip)
            .map(|p| p.text.as_str())
            .collect();
        let dots_before = if lead.len() < before.len() { "…" } else { "" };
        let dots_after = if trail.len() < after.len() { "…" } else { "" };
        format!("{dots_before}{lead}{middle}{trail}{dots_after}")
    };
    (side(DiffKind::Inserted), side(DiffKind::Removed))
}

fn last_word(s: &str) -> &str {
    let trimmed = s.trim_end();
    let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    &s[start..]
}

fn first_word(s: &str) -> &str {
    let lead = s.len() - s.trim_start().len();
    let end = s[lead..]
        .find(char::is_whitespace)
        .map_or(s.len(), |i| lead + i);
    &s[..end]
}

fn push(out: &mut Vec<DiffPart>, kind: DiffKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(DiffPart {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// Words (letters, digits and the marks inside them such as "4.2", "don't", "co-op"), runs of
/// white space, and single other chars.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let class = |c: char| {
            if c.is_alphanumeric() {
                0
            } else if c.is_whitespace() {
                1
            } else {
                2
            }
        };
        let k = class(c);
        let mut j = i + 1;
        if k != 2 {
            while j < chars.len() {
                let c2 = chars[j].1;
                let joins = k == 0
                    && matches!(c2, '.' | ',' | '\'' | '’' | '-' | '‑')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if class(c2) == k || joins {
                    j += if joins { 2 } else { 1 };
                } else {
                    break;
                }
            }
        }
        let end = chars.get(j).map_or(s.len(), |x| x.0);
        debug_assert_eq!(at, start);
        out.push(&s[start..end]);
        start = end;
        i = j;
    }
    out
}

/// A word of letters (no digits: a number reads as a whole, "4.2" → "4.7").
/// Whether a word is capitalized (a name, or a sentence's first word).
fn is_name(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_spelled(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(|c| c.is_numeric())
}

/// Whether two words differ only by a small fix: one stretch of at most
/// [`MAX_FIXED_LETTERS`] letters changed on each side, most of the word staying around it
/// ("recieved" → "received"); a different word that happens to share
/// letters ("Wikipedia" → "Wikidata", "December" → "November") is not.
fn letters_kept(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (head, tail) = common_ends(&a, &b);
    let changed = (a.len() - head - tail).max(b.len() - head - tail);
    changed <= MAX_FIXED_LETTERS
        && (head + tail) as f64 >= MIN_KEPT_IN_WORD * a.len().max(b.len()) as f64
}

/// The lengths of the longest common start and (of what is left) the longest common end.
fn common_ends(a: &[char], b: &[char]) -> (usize, usize) {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (head, tail)
}

fn char_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (head, tail) = common_ends(&ac, &bc);
    let part = |kind, chars: &[char]| DiffPart {
        kind,
        text: chars.iter().collect(),
    };
    [
        part(DiffKind::Same, &ac[..head]),
        part(DiffKind::Removed, &ac[head..ac.len() - tail]),
        part(DiffKind::Inserted, &bc[head..bc.len() - tail]),
        part(DiffKind::Same, &ac[ac.len() - tail..]),
    ]
    .into_iter()
    .filter(|p| !p.text.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff written compactly: removed `[-…-]`, inserted `{+…+}`.
    fn show(old: &str, new: &str) -> String {
        word_diff(old, new)
            .iter()
            .map(|p| match p.kind {
                DiffKind::Same => p.text.clone(),
                DiffKind::Removed => format!("[-{}-]", p.text),
                DiffKind::Inserted => format!("{{+{}+}}", p.text),
            })
            .collect()
    }

    #[test]
    fn words_not_letters() {
        assert_eq!(
            show("June 8, 2020", "January 8, 2020"),
            "[-June-]{+January+} 8, 2020"
        );
        assert_eq!(
            show(
                "a more-than-three-hours-long interview",
                "a more-than-three-hours-long talk"
            ),
            "a more-than-three-hours-long [-interview-]{+talk+}"
        );
        assert_eq!(
            show("grew to 4.2 million euros", "grew to 4.7 million euros"),
            "grew to [-4.2-]{+4.7+} million euros"
        );
        assert_eq!(
            show(
                "The budget grew last year",
                "The budget rose sharply last year"
            ),
            "The budget [-grew-]{+rose sharply+} last year"
        );
    }

    #[test]
    fn several_edits_in_a_long_sentence_are_each_shown() {
        let old = "The Berlin-based team spent the past year using a large language model to turn 19 million entries within Wikidata into vectors that capture the meaning around the Wikidata entry.";
        let new = old
            .replace("the past year", "two years")
            .replace("19 million", "30 million")
            .replace("around the Wikidata", "around each Wikidata");
        let (was, now) = change_summary(old, &new, 80);
        for w in ["past year", "19 million", "the Wikidata"] {
            assert!(was.contains(w), "{was}");
        }
        for w in ["two years", "30 million", "each Wikidata"] {
            assert!(now.contains(w), "{now}");
        }
        assert!(was.chars().count() < 120, "{was}");
    }

    #[test]
    fn words_replaced_one_after_another_read_as_one_change() {
        assert_eq!(
            show("a slightly more modern look", "a retro MS DOS look"),
            "a [-slightly more modern-]{+retro MS DOS+} look"
        );
        assert_eq!(
            show(
                "the model does possess mild skills",
                "the model completes this regression skills"
            ),
            "the model [-does possess mild-]{+completes this regression+} skills"
        );
    }

    #[test]
    fn changes_one_word_apart_are_one_stretch() {
        let old = "This brought the same read down from 11 requests to 5, while keeping the 10x advantage on open.";
        let new = "This brought the same read down from 11 requests to 5, while keeping the open-time advantage.";
        assert_eq!(
            change_summary(old, new, 40),
            (
                "…the 10x advantage on open.".to_owned(),
                "…the open-time advantage.".to_owned()
            )
        );
    }

    #[test]
    fn letters_inside_a_word_only_when_most_stay() {
        // A name is shown whole, however little of it changed.
        assert_eq!(
            show("Dr. Anna Kovac", "Dr. Anna Kovacs"),
            "Dr. Anna [-Kovac-]{+Kovacs+}"
        );
        assert_eq!(
            show("Olivier Faune took", "Olivier Faure took"),
            "Olivier [-Faune-]{+Faure+} took"
        );
        assert_eq!(
            show("Dr. Anna Kovac", "Dr. Anna Kovács"),
            "Dr. Anna [-Kovac-]{+Kovács+}"
        );
        let typo = show("it was recieved", "it was received");
        assert!(
            typo.starts_with("it was rec") && !typo.contains("[-recieved-]"),
            "{typo}"
        );
        // Too little of the word stays, or another word: the whole word.
        assert_eq!(show("in June", "in July"), "in [-June-]{+July+}");
        assert_eq!(
            show(
                "the Wikipedia Embedding Project",
                "the Wikidata Embedding Project"
            ),
            "the [-Wikipedia-]{+Wikidata+} Embedding Project"
        );
        assert_eq!(
            show("December 2024", "November 2024"),
            "[-December-]{+November+} 2024"
        );
    }

    #[test]
    fn parts_rebuild_both_texts() {
        for (old, new) in [
            ("", "new text"),
            ("old text", ""),
            ("the same", "the same"),
            ("Hé, 😀 wörld. Done", "Hé 😀 world! Done now"),
        ] {
            let parts = word_diff(old, new);
            let side = |skip| {
                parts
                    .iter()
                    .filter(|p| p.kind != skip)
                    .map(|p| p.text.as_str())
                    .collect::<String>()
            };
            assert_eq!(side(DiffKind::Inserted), old);
            assert_eq!(side(DiffKind::Removed), new);
        }
    }

    #[test]
    fn changed_words_keep_a_word_around() {
        assert_eq!(
            changed_words(
                "the first case was confirmed on June 8, 2020",
                "the first case was confirmed on January 8, 2020"
            ),
            ("…on June 8,…".to_owned(), "…on January 8,…".to_owned())
        );
        assert_eq!(
            changed_words("June 8, 2020", "January 8, 2020"),
            ("June 8,…".to_owned(), "January 8,…".to_owned())
        );
    }
}
