//! Finding text in a document the way people type it: a space matches any run of whitespace
//! (spaces, no-break spaces, line breaks), a figure the same figure in another script, an
//! Arabic word however it is stretched; optionally ignoring case, optionally only whole words.

use super::text::Text;

/// Why a search could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// Nothing to search for.
    #[error("the search text is empty")]
    Empty,
    /// The search text is too long to compile into a matcher.
    #[error("the search text is too long")]
    TooLong,
}

/// How to match the search text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FindOptions {
    /// Upper and lower case must match as typed.
    pub match_case: bool,
    /// A match must not start or end inside a word: `art` does not find "part" or "artist".
    /// Words are runs of Unicode letters, digits, marks and connectors, as in regex `\w`.
    pub whole_word: bool,
}

/// Every non-overlapping occurrence of `needle` in `text`, as char ranges, in order; at most
/// `limit` of them.
pub fn find_loose(
    text: &Text,
    needle: &str,
    ignore_case: bool,
    limit: usize,
) -> Result<Vec<(usize, usize)>, SearchError> {
    let options = FindOptions {
        match_case: !ignore_case,
        whole_word: false,
    };
    find(text, needle, options, limit)
}

/// The first digit of each script's figures a search treats as the same.
const ZEROS: [u32; 3] = [0x30, 0x660, 0x6F0];

/// A word of the search text as a pattern that finds it however the document writes it:
/// each digit matches the same digit in Latin, Arabic-Indic or Persian figures (`2015` finds
/// `٢٠١٥`, a statement's figures as the page draws them); the Arabic and the Persian yeh and
/// kaf match each other (`مرکزی` finds `مرکزي`, the same letter as fonts draw it); and an
/// Arabic word matches with the stretch a justified line sets inside it and with a half
/// space between its parts (`بانک` finds `بانـک`, `بانکها` finds `بانک‌ها`).
fn loose_word(word: &str) -> String {
    let mut out = String::with_capacity(2 * word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let value = ZEROS
            .iter()
            .find(|&&zero| (zero..zero + 10).contains(&u32::from(c)))
            .map(|zero| u32::from(c) - zero);
        match (value, c) {
            (Some(v), _) => {
                out.push('[');
                out.extend(ZEROS.iter().filter_map(|zero| char::from_u32(zero + v)));
                out.push(']');
            }
            (None, '\u{64A}' | '\u{6CC}' | '\u{649}') => out.push_str("[\u{64A}\u{6CC}\u{649}]"),
            (None, '\u{643}' | '\u{6A9}') => out.push_str("[\u{643}\u{6A9}]"),
            // (A stretch or half space typed is matched by the one after the letter before.)
            (None, '\u{640}' | '\u{200C}') => {}
            (None, c) => out.push_str(&regex::escape(c.encode_utf8(&mut [0u8; 4]))),
        }
        if is_arabic_letter(c) && chars.peek().is_some() {
            out.push_str("[\u{640}\u{200C}]*");
        }
    }
    out
}

/// Whether a char is a letter of the Arabic script (Arabic, Persian, Urdu).
fn is_arabic_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c, '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{8A0}'..='\u{8FF}')
        && c != '\u{640}'
}

/// Every non-overlapping occurrence of `needle` in `text` with these options, as char ranges,
/// in order; at most `limit` of them. Spaces in `needle` match any run of whitespace; figures,
/// Arabic and Persian letters match as [`loose_word`] says.
pub fn find(
    text: &Text,
    needle: &str,
    options: FindOptions,
    limit: usize,
) -> Result<Vec<(usize, usize)>, SearchError> {
    let words: Vec<String> = needle
        .split_whitespace()
        .map(|w| match loose_word(w) {
            // (A word of stretches alone is looked for as typed.)
            p if p.is_empty() => regex::escape(w),
            p => p,
        })
        .collect();
    if words.is_empty() {
        return Err(SearchError::Empty);
    }
    let re = regex::RegexBuilder::new(&words.join(r"\s+"))
        .case_insensitive(!options.match_case)
        .build()
        .map_err(|_| SearchError::TooLong)?;
    let word_char = regex::Regex::new(r"\A\w\z").map_err(|_| SearchError::TooLong)?;
    let is_word = |c: Option<char>| {
        let mut buf = [0u8; 4];
        c.is_some_and(|c| word_char.is_match(c.encode_utf8(&mut buf)))
    };
    let hay = text.as_str();
    let mut found = Vec::new();
    let mut at = 0;
    while found.len() < limit
        && let Some(m) = re.find_at(hay, at)
    {
        let (before, after) = (&hay[..m.start()], &hay[m.end()..]);
        let inside = options.whole_word
            && ((is_word(m.as_str().chars().next()) && is_word(before.chars().next_back()))
                || (is_word(m.as_str().chars().next_back()) && is_word(after.chars().next())));
        if inside {
            // A whole-word match may still start inside this one: look again one char on.
            at = m.start() + m.as_str().chars().next().map_or(1, char::len_utf8);
            continue;
        }
        found.push((text.char_of_byte(m.start()), text.char_of_byte(m.end())));
        at = m.end();
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_whitespace_matches_nbsp_and_newlines() {
        let t = Text::from_str_normalized("said the\u{a0}prime\n  minister, the Prime Minister");
        let found = find_loose(&t, "the prime  minister", false, usize::MAX).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(
            t.slice(found[0].0..found[0].1),
            "the\u{a0}prime\n  minister"
        );
        assert_eq!(
            find_loose(&t, "PRIME minister", true, usize::MAX)
                .unwrap()
                .len(),
            2
        );
        assert_eq!(find_loose(&t, "e", false, 3).unwrap().len(), 3);
        assert_eq!(find_loose(&t, "  ", false, 3), Err(SearchError::Empty));
    }

    #[test]
    fn a_year_finds_itself_in_arabic_indic_and_persian_figures() {
        let t = Text::from_str_normalized("في ٣١ ديسمبر ٢٠١٥ و۲۰۱۵ and 2015, not 2016");
        let found: Vec<&str> = find_loose(&t, "2015", true, usize::MAX)
            .unwrap()
            .into_iter()
            .map(|(s, e)| t.slice(s..e))
            .collect();
        assert_eq!(found, ["٢٠١٥", "۲۰۱۵", "2015"]);
        // And the other way round.
        assert_eq!(find_loose(&t, "٣١", true, usize::MAX).unwrap().len(), 1);
        // A dot stays a dot, not any char.
        assert!(find_loose(&t, "20.5", true, usize::MAX).unwrap().is_empty());
    }

    #[test]
    fn persian_words_find_their_stretched_and_arabic_spellings() {
        // Justified: `بانـک`, `عامـل` stretched; `مرکزي` with the Arabic yeh; `مدارك` with the
        // Arabic kaf; `بانک‌ها` with a half space.
        let t = Text::from_str_normalized("به بانـک عامـل و بانک مرکزي مدارك بانک‌ها و بانکها ـ");
        let found = |needle: &str| -> Vec<String> {
            find_loose(&t, needle, true, usize::MAX)
                .unwrap()
                .into_iter()
                .map(|(s, e)| t.slice(s..e).to_owned())
                .collect()
        };
        assert_eq!(found("بانک"), ["بانـک", "بانک", "بانک", "بانک"]);
        assert_eq!(found("بانک عامل"), ["بانـک عامـل"]);
        assert_eq!(found("مرکزی"), ["مرکزي"]);
        assert_eq!(found("مدارک"), ["مدارك"]);
        assert_eq!(found("بانکها"), ["بانک‌ها", "بانکها"]);
        assert_eq!(found("بانک‌ها"), ["بانک‌ها", "بانکها"]);
        // A stretch alone is looked for as typed, and other letters stay apart.
        assert_eq!(found("ـ"), ["ـ", "ـ", "ـ"]);
        assert!(found("بانل").is_empty());
    }

    fn whole(text: &str, needle: &str, match_case: bool) -> Vec<String> {
        let t = Text::from_str_normalized(text);
        let options = FindOptions {
            match_case,
            whole_word: true,
        };
        find(&t, needle, options, usize::MAX)
            .unwrap()
            .into_iter()
            .map(|(s, e)| t.slice(s..e).to_owned())
            .collect()
    }

    #[test]
    fn whole_words_do_not_match_inside_words() {
        let text = "Art, the artist's part: ART and art.";
        assert_eq!(whole(text, "art", false), ["Art", "ART", "art"]);
        assert_eq!(whole(text, "art", true), ["art"]);
        // Letters with accents and other scripts are word characters too.
        assert!(whole("the café's menu", "caf", false).is_empty());
        assert_eq!(whole("the café's menu", "café", false), ["café"]);
        assert!(whole("Überprüfung prüfen", "prüf", false).is_empty());
        assert!(whole("Москва́ Москва", "Москв", false).is_empty());
        // A combining accent after the match is part of the word.
        assert!(whole("Jose\u{301} Garcia", "jose", false).is_empty());
        // Digits and underscores belong to words; hyphens and apostrophes do not.
        assert!(whole("covid19 covid_19", "covid", false).is_empty());
        assert_eq!(
            whole("well-known, known", "known", false),
            ["known", "known"]
        );
        // Several words, across any whitespace.
        assert_eq!(
            whole(
                "the prime\nminister, the prime ministers",
                "prime minister",
                false
            ),
            ["prime\nminister"]
        );
        // An edge that is not a word character needs no boundary.
        assert_eq!(whole("f(x) = (x)", "(x", false), ["(x", "(x"]);
    }

    #[test]
    fn a_rejected_match_does_not_hide_a_whole_word_inside_it() {
        // The first "a a" starts inside "aa"; the whole-word one begins at its last char.
        let t = Text::from_str_normalized("aa a a");
        let options = FindOptions {
            match_case: true,
            whole_word: true,
        };
        assert_eq!(find(&t, "a a", options, usize::MAX).unwrap(), [(3, 6)]);
        assert!(whole("aaa", "aa", true).is_empty());
    }

    /// Whole-word matches found char by char: leftmost first, then after the match.
    fn brute_force(text: &str, needle: &str) -> Vec<(usize, usize)> {
        let t: Vec<char> = text.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
        let mut out = Vec::new();
        let mut i = 0;
        while i + n.len() <= t.len() {
            let fits = t[i..i + n.len()] == n[..]
                && !(word(n.first()) && i > 0 && word(t.get(i - 1)))
                && !(word(n.last()) && word(t.get(i + n.len())));
            if fits {
                out.push((i, i + n.len()));
                i += n.len();
            } else {
                i += 1;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn whole_word_matches_are_exactly_the_bounded_ones(
            text in "[abé_. -]{0,40}",
            needle in "[abé_.-]{1,4}",
        ) {
            let t = Text::from_str_normalized(&text);
            let options = FindOptions { match_case: true, whole_word: true };
            let found = find(&t, &needle, options, usize::MAX).unwrap();
            proptest::prop_assert_eq!(found, brute_force(&text, &needle));
        }

        #[test]
        fn a_word_set_apart_is_always_found(
            before in "[a-zé ]{0,20}",
            after in "[a-zé ]{0,20}",
            needle in "[a-zé]{1,6}",
        ) {
            let text = format!("{before} {needle} {after}");
            let t = Text::from_str_normalized(&text);
            let options = FindOptions { match_case: false, whole_word: true };
            let found = find(&t, &needle, options, usize::MAX).unwrap();
            let at = before.chars().count() + 1;
            proptest::prop_assert!(
                found.contains(&(at, at + needle.chars().count())),
                "{:?} in {:?}: {:?}", needle, text, found
            );
        }
    }
}
