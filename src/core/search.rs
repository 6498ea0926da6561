//! Finding text in a document the way people type it: a space matches any run of whitespace
//! (spaces, no-break spaces, line breaks), optionally ignoring case.

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

/// Every non-overlapping occurrence of `needle` in `text`, as char ranges, in order; at most
/// `limit` of them.
pub fn find_loose(
    text: &Text,
    needle: &str,
    ignore_case: bool,
    limit: usize,
) -> Result<Vec<(usize, usize)>, SearchError> {
    let words: Vec<String> = needle.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return Err(SearchError::Empty);
    }
    let re = regex::RegexBuilder::new(&words.join(r"\s+"))
        .case_insensitive(ignore_case)
        .build()
        .map_err(|_| SearchError::TooLong)?;
    Ok(re
        .find_iter(text.as_str())
        .take(limit)
        .map(|m| (text.char_of_byte(m.start()), text.char_of_byte(m.end())))
        .collect())
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
}
