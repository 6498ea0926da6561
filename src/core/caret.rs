//! Moving a caret through the text by the keyboard: by a char or by a word, in reading order.

use super::text::Text;

/// Whether `c` belongs to a word (letters, digits, apostrophes inside words, and the joiners
/// that sit inside Persian and Urdu words).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '\'' | '’' | '\u{200C}' | '\u{200D}')
}

/// How far a caret moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One char.
    Char,
    /// To the end of this or the next word (forward), or the start of this or the previous
    /// word (backward).
    Word,
}

/// Where a caret at `pos` goes by `step`, forward (in reading order) or back; it stays in the
/// text.
pub fn step(text: &Text, pos: usize, forward: bool, by: Step) -> usize {
    let n = text.char_count();
    let pos = pos.min(n);
    match by {
        Step::Char if forward => (pos + 1).min(n),
        Step::Char => pos.saturating_sub(1),
        Step::Word => {
            // Looks at a window around `pos` rather than the whole text.
            const REACH: usize = 256;
            if forward {
                let end = (pos + REACH).min(n);
                let ahead: Vec<char> = text.slice(pos..end).chars().collect();
                let skip = ahead.iter().take_while(|c| !is_word_char(**c)).count();
                let word = ahead[skip..]
                    .iter()
                    .take_while(|c| is_word_char(**c))
                    .count();
                pos + skip + word
            } else {
                let start = pos.saturating_sub(REACH);
                let behind: Vec<char> = text.slice(start..pos).chars().collect();
                let skip = behind
                    .iter()
                    .rev()
                    .take_while(|c| !is_word_char(**c))
                    .count();
                let word = behind[..behind.len() - skip]
                    .iter()
                    .rev()
                    .take_while(|c| is_word_char(**c))
                    .count();
                pos - skip - word
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_forward_end_at_the_word_and_back_start_at_it() {
        let t = Text::from_str_normalized("The mayor’s “plan”, she said.");
        let at = |s: &str| {
            t.as_str()
                .find(s)
                .map(|b| t.as_str()[..b].chars().count())
                .unwrap()
        };
        assert_eq!(step(&t, 0, true, Step::Word), 3);
        assert_eq!(
            step(&t, 3, true, Step::Word),
            at("’s") + 2,
            "an apostrophe stays inside"
        );
        assert_eq!(step(&t, at(" she"), true, Step::Word), at(" said"));
        assert_eq!(step(&t, at("plan") + 2, false, Step::Word), at("plan"));
        assert_eq!(step(&t, at("plan"), false, Step::Word), at("mayor"));
        assert_eq!(step(&t, 0, false, Step::Word), 0);
        let n = t.char_count();
        assert_eq!(step(&t, n, true, Step::Word), n);
        assert_eq!(step(&t, n, true, Step::Char), n);
        assert_eq!(step(&t, 0, false, Step::Char), 0);
        assert_eq!(step(&t, 4, true, Step::Char), 5);
    }

    #[test]
    fn a_persian_word_with_a_half_space_is_one_word() {
        let t = Text::from_str_normalized("وزارت می‌گوید تورم");
        let start = "وزارت ".chars().count();
        let end = start + "می‌گوید".chars().count();
        assert_eq!(step(&t, start, true, Step::Word), end);
        assert_eq!(step(&t, end, false, Step::Word), start);
    }
}
