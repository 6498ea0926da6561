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
    "corrected:",
    "clarification:",
    "erratum:",
    "editor's note:",
    "editors' note:",
    "editor’s note:",
    "update:",
    "updated:",
    "edit:",
];

/// The words before what was corrected: "An earlier version of this post", "This story has
/// been updated" (each followed by one of [`THINGS`], compared without case).
const EARLIER: &[&str] = &[
    "in an earlier version of this ",
    "an earlier version of this ",
    "an earlier version of the ",
    "a previous version of this ",
    "a previous version of the ",
    "an older version of this ",
    "this ",
];

/// What a notice says was corrected.
const THINGS: &[&str] = &[
    "article",
    "story",
    "report",
    "post",
    "blog post",
    "piece",
    "column",
    "essay",
    "page",
    "release",
    "press release",
    "statement",
    "entry",
    "item",
    "document",
    "analysis",
    "fact check",
    "fact-check",
    "newsletter",
    "interview",
    "op-ed",
    "editorial",
];

/// After "this THING", what makes it a notice.
const CHANGED: &[&str] = &[
    " has been updated",
    " has been corrected",
    " has been amended",
    " was updated",
    " was corrected",
    " was amended",
];

/// Every way a notice starts, lowercased.
fn markers() -> Vec<String> {
    let mut out: Vec<String> = MARKERS.iter().map(|m| m.to_string()).collect();
    for lead in EARLIER {
        for thing in THINGS {
            if *lead == "this " {
                out.extend(CHANGED.iter().map(|c| format!("{lead}{thing}{c}")));
            } else {
                out.push(format!("{lead}{thing}"));
            }
        }
    }
    let curly: Vec<String> = out.iter().map(|m| m.replace('\'', "’")).collect();
    out.extend(curly);
    out.sort();
    out.dedup();
    out
}

/// A notice longer than this is cut at the end of a sentence within it (or here).
const MAX_NOTICE: usize = 600;

/// Correction notices in `text`, in order: from the marker to the end of its paragraph (lines
/// broken inside a sentence go on; a blank line or a line that ends a sentence ends it), or
/// of the sentence that ends before [`MAX_NOTICE`] chars.
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
    let markers = markers();
    let mut found: Vec<Suggestion> = Vec::new();
    let mut line_start = 0;
    // Where the last notice ended: the lines it took are not looked at again.
    let mut taken = 0;
    for line in s.split_inclusive('\n') {
        let this_line = line_start;
        line_start += line.len();
        if this_line < taken {
            continue;
        }
        let line_end = this_line + line.trim_end_matches('\n').len();
        let lower = &folded[this_line..line_end];
        let first = markers
            .iter()
            .filter_map(|m| lower.find(m.as_str()))
            .filter(|&at| at == 0 || starts_sentence(&lower[..at]))
            .min();
        let Some(at) = first else {
            continue;
        };
        let mut start = this_line + at;
        // `**Update:**`: emphasis opened before the marker and closed on its line is taken
        // with its opening, so the notice's marks stay balanced.
        for mark in ["**", "__"] {
            if s[..start].ends_with(mark) && s[start..line_end].contains(mark) {
                start -= mark.len();
            }
        }
        let quoted = s[this_line..line_end].trim_start().starts_with('>');
        let mut end = if quoted {
            quote_end(s, line_end)
        } else {
            paragraph_end(s, line_end)
        };
        if s[start..end].chars().count() > MAX_NOTICE {
            let cut = s[start..]
                .char_indices()
                .nth(MAX_NOTICE)
                .map_or(end, |(i, _)| start + i);
            end = s[start..cut].rfind(". ").map_or(cut, |i| start + i + 1);
        }
        taken = end;
        // Markdown's emphasis around the notice, and the bracket it was set in, are not its
        // words.
        let mut trimmed = s[start..end].trim_end().trim_end_matches(['_', '*']);
        if s[..start].trim_end_matches(['_', '*']).ends_with('(') {
            trimmed = trimmed
                .strip_suffix(')')
                .unwrap_or(trimmed)
                .trim_end_matches(['_', '*']);
        }
        let end = start + trimmed.len();
        let (cs, ce) = (text.char_of_byte(start), text.char_of_byte(end));
        if cs < ce {
            found.push(
                Suggestion::new(text, cs, ce, Tag::new(TagKind::Claim)).with_note(NOTICE_NOTE),
            );
        }
    }
    found
}

/// Where the block quote whose line ends at byte `line_end` ends: at the last of the lines
/// after it that start with `>` (a notice set as a quote, its heading and its text).
fn quote_end(s: &str, mut line_end: usize) -> usize {
    while let Some(next) = s[line_end..].strip_prefix('\n') {
        let next_line = next.split('\n').next().unwrap_or_default();
        if !next_line.trim_start().starts_with('>') {
            break;
        }
        line_end += 1 + next_line.len();
    }
    line_end
}

/// Where the paragraph whose line ends at byte `line_end` ends: the line goes on in the next
/// while it stops inside a sentence and the next line is text (not blank, not a heading or a
/// list item).
fn paragraph_end(s: &str, mut line_end: usize) -> usize {
    loop {
        let line = s[..line_end]
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .trim_end();
        let ends_sentence = line
            .trim_end_matches(['_', '*', ')', '"', '\u{201D}', '\u{2019}'])
            .ends_with(['.', '!', '?']);
        let rest = &s[line_end..];
        let Some(next) = rest.strip_prefix('\n') else {
            return line_end;
        };
        let next_line = next.split('\n').next().unwrap_or_default();
        let block = next_line.trim_start();
        if ends_sentence
            || block.is_empty()
            || block.starts_with(['#', '>', '-', '*', '+', '|'])
            || block
                .split(['.', ')'])
                .next()
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            return line_end;
        }
        line_end += 1 + next_line.len();
    }
}

/// Whether text before a marker on its line ends a sentence (or is only white space, a bracket
/// or Markdown's emphasis, quote or heading marks), so the marker starts one.
fn starts_sentence(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', '(', '[', '*', '_', '>', '#', '—', '-', ':'])
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

    #[test]
    fn a_notice_set_as_a_quote_is_taken_whole_with_balanced_emphasis() {
        let doc = "---\ndate: 2019-05-15\n---\n\n> **Update: Feb. 5 2020**\n>\n> The logs are \
now in the approved lists.\n\nToday we announce a log.\n\n> **Update:** The limit is higher.\n";
        assert_eq!(
            notices(doc),
            [
                "**Update: Feb. 5 2020**\n>\n> The logs are now in the approved lists.",
                "**Update:** The limit is higher.",
            ]
        );
    }

    #[test]
    fn notices_of_posts_in_markdown_and_over_wrapped_lines() {
        let doc = "# Release timeline\n\n\
**Update:** An earlier version of this post listed Mar 31 as the\n\
beta date, which was a typo.\n\n\
The beta ships on Apr 3.\n\n\
(_Correction: This did not end up happening. Plans changed._)\n\n\
EDIT: A previous version of this post said the tool was stable.\n\n\
**Edit** In an earlier version of this article, I had two bugs in the parser.\n\n\
### Corrections\n\n\
A previous version of this page gave the wrong\n\
release number.\n\
- a list item\n";
        assert_eq!(
            notices(doc),
            [
                "**Update:** An earlier version of this post listed Mar 31 as the\nbeta date, which was a typo.",
                "Correction: This did not end up happening. Plans changed.",
                "EDIT: A previous version of this post said the tool was stable.",
                "In an earlier version of this article, I had two bugs in the parser.",
                "A previous version of this page gave the wrong\nrelease number.",
            ]
        );
    }
}
