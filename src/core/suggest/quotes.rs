//! Finding quotations: text between straight double quotes `"…"`, curly quotes `“…”` or
//! guillemets `«…»`, of at least three words, within one paragraph (no blank line inside).
//! The span includes the quotation marks. Single quotes are never delimiters, so apostrophes
//! (`don't`, `Dufrêne’s`) and quotes nested inside a quotation stay part of it.

use super::Suggestion;
use crate::core::annotation::Tag;
use crate::core::text::Text;

/// The fewest words a quotation must have to be suggested.
pub const MIN_QUOTE_WORDS: usize = 3;

/// Quotations in `text`, in order.
pub fn find_quotes(text: &Text) -> Vec<Suggestion> {
    let mut found = Vec::new();
    let mut straight: Option<usize> = None;
    // (start, nesting depth) of the open curly quotation and guillemet.
    let mut curly: Option<(usize, usize)> = None;
    let mut guillemet: Option<(usize, usize)> = None;
    let mut line_has_content = false;
    let mut prev: Option<char> = None;
    let mut chars = text.as_str().chars().enumerate().peekable();
    while let Some((pos, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '\n' => {
                if !line_has_content {
                    // A blank line ends the paragraph: nothing stays open across it.
                    (straight, curly, guillemet) = (None, None, None);
                }
                line_has_content = false;
            }
            '"' if !prev.is_some_and(|p| p.is_ascii_digit()) => {
                let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
                    && next.is_some_and(|n| !n.is_whitespace());
                match straight {
                    Some(open) if !opens || prev.is_some_and(|p| !p.is_whitespace()) => {
                        straight = None;
                        push(text, open, pos + 1, &mut found);
                    }
                    // A quote that can only open restarts an unclosed one.
                    _ if opens => straight = Some(pos),
                    _ => {}
                }
            }
            '“' => curly = Some(curly.map_or((pos, 1), |(s, d)| (s, d + 1))),
            '”' => curly = close(curly, pos, text, &mut found),
            '«' => guillemet = Some(guillemet.map_or((pos, 1), |(s, d)| (s, d + 1))),
            '»' => guillemet = close(guillemet, pos, text, &mut found),
            _ => {}
        }
        if !c.is_whitespace() {
            line_has_content = true;
        }
        prev = Some(c);
    }
    found
}

/// Closes one level of a nestable quotation; the outermost level becomes a suggestion.
fn close(
    open: Option<(usize, usize)>,
    pos: usize,
    text: &Text,
    found: &mut Vec<Suggestion>,
) -> Option<(usize, usize)> {
    match open {
        Some((start, 1)) => {
            push(text, start, pos + 1, found);
            None
        }
        Some((start, depth)) => Some((start, depth - 1)),
        None => None,
    }
}

fn push(text: &Text, start: usize, end: usize, found: &mut Vec<Suggestion>) {
    let inner = text.slice(start + 1..end - 1);
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words >= MIN_QUOTE_WORDS {
        found.push(Suggestion::new(
            text,
            start,
            end,
            Tag::Quote { speaker: None },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<String> {
        find_quotes(&Text::from_str_normalized(s))
            .into_iter()
            .map(|q| q.exact)
            .collect()
    }

    #[test]
    fn straight_curly_and_guillemets() {
        assert_eq!(
            quotes(r#"She said "we will win this" and left."#),
            [r#""we will win this""#]
        );
        assert_eq!(
            quotes("He said: “the port is open again,” adding more."),
            ["“the port is open again,”"]
        );
        assert_eq!(
            quotes("Elle a dit « nous allons gagner » hier."),
            ["« nous allons gagner »"]
        );
    }

    #[test]
    fn short_quotes_scare_quotes_and_inch_marks_are_skipped() {
        assert!(quotes(r#"the so-called "reform" passed"#).is_empty());
        assert!(quotes("a “big win” for us").is_empty());
        // 12" and 6" are inch marks, not quotation marks.
        assert!(quotes(r#"a 12" pipe and a 6" pipe were laid down here"#).is_empty());
    }

    #[test]
    fn apostrophes_and_nested_single_quotes_stay_inside() {
        assert_eq!(
            quotes(
                "Dufrêne’s aide said “it isn’t what they call ‘a done deal’ yet.” Then she left."
            ),
            ["“it isn’t what they call ‘a done deal’ yet.”"]
        );
        // Straight apostrophes neither open nor close anything.
        assert_eq!(
            quotes(r#"It's the mayor's view: "don't sell the port now" she said."#),
            [r#""don't sell the port now""#]
        );
        // Nested curly quotes: only the outer one.
        assert_eq!(
            quotes("“He told me “we are done here” and left the room”"),
            ["“He told me “we are done here” and left the room”"]
        );
    }

    #[test]
    fn quotes_do_not_cross_paragraphs() {
        assert!(quotes("“an unclosed quote runs on\n\nto the next paragraph”").is_empty());
        assert_eq!(
            quotes("“a quote wrapped\nover two lines”"),
            ["“a quote wrapped\nover two lines”"]
        );
        // An opener after an unclosed straight quote restarts it.
        assert_eq!(
            quotes(r#"a stray " and then "a real quote here" ok"#),
            [r#""a real quote here""#]
        );
    }
}
