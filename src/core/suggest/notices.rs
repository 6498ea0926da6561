//! Finding correction notices: paragraphs where the outlet says the article was corrected or
//! updated ("Correction:", "Editor's note:", "An earlier version of this article …", "This
//! article has been updated …"). Each is offered as a claim (the outlet's own statement of what
//! it corrected, worth checking against what changed) with a note saying what it is.

use super::Suggestion;
use crate::core::annotation::{Tag, TagKind};
use crate::core::text::Text;

/// The note of an accepted notice.
pub const NOTICE_NOTE: &str = "Correction notice";

/// How a notice starts (compared without case; curly and straight apostrophes alike).
const MARKERS: &[&str] = &[
    "correction:",
    "corrections:",
    "clarification:",
    "editor's note:",
    "editors' note:",
    "an earlier version of this article",
    "an earlier version of this story",
    "an earlier version of this report",
    "a previous version of this article",
    "this article has been updated",
    "this article has been corrected",
    "this article was updated",
    "this article was corrected",
    "this story has been updated",
    "this story has been corrected",
    "this story was updated",
];

/// A notice longer than this is cut at the end of a sentence within it (or here).
const MAX_NOTICE: usize = 600;

/// Correction notices in `text`, in order: from the marker to the end of its paragraph (a
/// line), or of the sentence that ends before [`MAX_NOTICE`] chars.
pub fn find_notices(text: &Text) -> Vec<Suggestion> {
    let s = text.as_str();
    // Lowercased char by char where that keeps byte positions (it always does for ASCII).
    let folded: String = s
        .chars()
        .map(|c| {
            let mut low = c.to_lowercase();
            match (low.next(), low.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect();
    let markers: Vec<String> = MARKERS
        .iter()
        .flat_map(|m| [m.to_string(), m.replace('\'', "’")])
        .collect();
    let mut found: Vec<Suggestion> = Vec::new();
    let mut line_start = 0;
    for line in s.split_inclusive('\n') {
        let line_end = line_start + line.trim_end_matches('\n').len();
        let lower = &folded[line_start..line_end];
        let first = markers
            .iter()
            .filter_map(|m| lower.find(m.as_str()))
            .filter(|&at| at == 0 || starts_sentence(&lower[..at]))
            .min();
        if let Some(at) = first {
            let start = line_start + at;
            let mut end = line_end;
            if s[start..end].chars().count() > MAX_NOTICE {
                let cut = s[start..]
                    .char_indices()
                    .nth(MAX_NOTICE)
                    .map_or(end, |(i, _)| start + i);
                end = s[start..cut].rfind(". ").map_or(cut, |i| start + i + 1);
            }
            let trimmed = s[start..end].trim_end();
            let end = start + trimmed.len();
            let (cs, ce) = (text.char_of_byte(start), text.char_of_byte(end));
            if cs < ce {
                found.push(
                    Suggestion::new(text, cs, ce, Tag::new(TagKind::Claim)).with_note(NOTICE_NOTE),
                );
            }
        }
        line_start += line.len();
    }
    found
}

/// Whether text before a marker on its line ends a sentence (or is only white space or a
/// bracket), so the marker starts one.
fn starts_sentence(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', '(', '[', '*', '—', '-', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notices(s: &str) -> Vec<String> {
        find_notices(&Text::from_str_normalized(s))
            .into_iter()
            .map(|n| n.exact)
            .collect()
    }

    #[test]
    fn notices_are_found_at_the_start_of_sentences() {
        let doc = "Correction: An earlier version of this article misstated the date.\n\n\
Harbour town corrects its records\n\n\
The budget grew. This article has been updated to include the treasurer’s comment.\n\n\
Editor’s note: the interview was condensed.\n\n\
The word correction: appears mid-sentence here and is not a notice.\n";
        assert_eq!(
            notices(doc),
            [
                "Correction: An earlier version of this article misstated the date.",
                "This article has been updated to include the treasurer’s comment.",
                "Editor’s note: the interview was condensed.",
            ]
        );
        let s = find_notices(&Text::from_str_normalized(doc));
        assert_eq!(s[0].tag, Tag::new(TagKind::Claim));
        assert_eq!(s[0].note, NOTICE_NOTE);
        assert!(notices("Nothing to see.\n").is_empty());
    }
}
