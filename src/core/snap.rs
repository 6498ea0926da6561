//! Snapping a selection to what a person means to tag: whole words, both marks of a quote or
//! bracket, a whole sentence's final stop, and no stray punctuation or Markdown emphasis
//! markers at its edges.

use super::caret::is_word_char;
use super::selection::Selection;
use super::text::Text;

/// The word (or run of non-space punctuation) around char `at`.
pub fn word_at(text: &Text, at: usize) -> (usize, usize) {
    let para = text.paragraphs()[text.paragraph_at(at)];
    let chars: Vec<char> = text.slice(para.range()).chars().collect();
    let i = (at - para.start).min(chars.len());
    if chars.is_empty() {
        return (at, at);
    }
    let probe = if i < chars.len() { i } else { i - 1 };
    // A click on the percent sign after a figure takes the figure with it (`-5%`).
    let probe = if chars[probe] == '%' && probe > 0 && chars[probe - 1].is_ascii_digit() {
        probe - 1
    } else {
        probe
    };
    let class = |c: char| (is_word_char(c), c.is_whitespace());
    let want = class(chars[probe]);
    let mut s = probe;
    while s > 0 && class(chars[s - 1]) == want {
        s -= 1;
    }
    let mut e = probe + 1;
    while e < chars.len() && class(chars[e]) == want {
        e += 1;
    }
    // A number is one word with its decimal point and thousands separators ("41.25",
    // "1,180,386") and a percent sign after it ("92%"); a click on the point takes it too.
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    let joins = |k: usize| matches!(chars.get(k), Some('.' | ','));
    if digit(probe) || (joins(probe) && digit(probe + 1) && probe > 0 && digit(probe - 1)) {
        if !digit(probe) {
            (s, e) = (probe, probe + 1);
        }
        loop {
            while s > 0 && digit(s - 1) {
                s -= 1;
            }
            if s >= 2 && joins(s - 1) && digit(s - 2) {
                s -= 1;
            } else {
                break;
            }
        }
        loop {
            while digit(e) {
                e += 1;
            }
            if joins(e) && digit(e + 1) {
                e += 1;
            } else {
                break;
            }
        }
        if chars.get(e) == Some(&'%') {
            e += 1;
        }
        // Its sign too (`-0.3`, `−23`, `+80`, `±2`), where the sign starts a word: not the
        // hyphen of `COVID-19` or the dash of `1990-2000`.
        let sign = s > 0 && matches!(chars[s - 1], '-' | '\u{2212}' | '+' | '±');
        let starts = s < 2 || !is_word_char(chars[s - 2]);
        if sign && starts {
            s -= 1;
        }
    }
    (para.start + s, para.start + e)
}

/// Grows a selection to whole words at both ends, and trims surrounding spaces.
pub fn snap_to_words(text: &Text, sel: Selection) -> Selection {
    let (mut s, mut e) = (sel.start(), sel.end());
    let slice: Vec<char> = text.slice(s..e).chars().collect();
    let lead = slice.iter().take_while(|c| c.is_whitespace()).count();
    let trail = slice.iter().rev().take_while(|c| c.is_whitespace()).count();
    if lead == slice.len() {
        return sel;
    }
    s += lead;
    e -= trail;
    // A stop or comma that ends the text before the selection is not part of it (". Ingrid").
    while s + 1 < e
        && text
            .slice(s..s + 1)
            .chars()
            .all(|c| matches!(c, '.' | ',' | ';' | ':'))
    {
        s += 1;
        while s < e && text.slice(s..s + 1).chars().all(char::is_whitespace) {
            s += 1;
        }
    }
    let (ws, _) = word_at(text, s);
    let (_, we) = word_at(text, e - 1);
    let starts_in_word = text.slice(s..s + 1).chars().all(is_word_char);
    let ends_in_word = text.slice(e - 1..e).chars().all(is_word_char);
    if starts_in_word {
        s = ws;
    }
    if ends_in_word {
        e = we;
    }
    (s, e) = balance(text, s, e);
    (s, e) = unemphasize(text, s, e);
    if sel.anchor <= sel.head {
        Selection { anchor: s, head: e }
    } else {
        Selection { anchor: e, head: s }
    }
}

/// Markdown emphasis markers (`**`, `_`) at the edges of a span are not part of what is said.
fn unemphasize(text: &Text, mut s: usize, mut e: usize) -> (usize, usize) {
    let marker = |i: usize| text.slice(i..i + 1).chars().all(|c| matches!(c, '*' | '_'));
    while s < e && marker(s) {
        s += 1;
    }
    while e > s && marker(e - 1) {
        e -= 1;
    }
    if s < e { (s, e) } else { (s.min(e), e.max(s)) }
}

/// Words ending in a full stop that do not end a sentence ("Dr. Solberg").
const ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt",
    "Capt", "Cpt", "Maj", "Adm", "Jr", "Sr", "Mt", "No", "vs", "etc", "e.g", "i.e", "approx",
    "Inc", "Ltd", "Co", "Corp", "Fig", "Vol", "Rev", "Hon", "Pres", "Supt", "Det", "Insp",
];

/// Whether the text before a full stop at the end of `before` is an abbreviation or an
/// initial ("J."), so the stop does not end a sentence.
fn abbreviated(before: &str) -> bool {
    let word = before
        .trim_end()
        .trim_end_matches('.')
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"'))
        .next()
        .unwrap_or_default();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&word) || word.contains('.')
}

/// The word boundary nearest to `at` (the start or end of the word it is in).
pub fn snap_point(text: &Text, at: usize) -> usize {
    let (s, e) = word_at(text, at);
    let inside = text.slice(s..e).chars().all(is_word_char) && s < at && at < e;
    if !inside {
        at
    } else if at - s < e - at {
        s
    } else {
        e
    }
}

/// Where a selection's moving end at `at` stops when selections snap to words: a point inside a
/// word goes on to that word's end when the selection grows forward, or back to its start
/// when it grows backward, so a selection made by lines never ends mid-word.
pub fn snap_outward(text: &Text, at: usize, forward: bool) -> usize {
    let (s, e) = word_at(text, at);
    let inside = s < at && at < e && text.slice(s..e).chars().all(is_word_char);
    match (inside, forward) {
        (false, _) => at,
        (true, true) => e,
        (true, false) => s,
    }
}

/// Where a Shift+click at `at` moves an edge of the span `start..end` when selections snap to
/// words: before the span or past it, to the far edge of the word clicked, so the span takes
/// that word whole wherever on it the click lands; inside, the span's nearer edge goes to
/// the word clicked and keeps it (a click on `creditors` near the span's end ends the span
/// after it).
pub fn snap_reach(text: &Text, start: usize, end: usize, at: usize) -> usize {
    let word_char = |k: usize| {
        text.slice(k..(k + 1).min(text.char_count()))
            .chars()
            .next()
            .is_some_and(is_word_char)
    };
    // (The span grown takes a bracket it opens, with its last words, as a drag's selection
    // does: `(Table 1)`, not `(Table`.)
    let balanced = |s: usize, e: usize| snap_to_words(text, Selection { anchor: s, head: e });
    if at < start {
        // A click on a word's last letter's right half lands at the word's end: the word is
        // the one clicked.
        let edge = if at > 0 && word_char(at - 1) {
            word_at(text, at - 1).0
        } else {
            snap_outward(text, at, false)
        };
        balanced(edge, end).start().min(edge)
    } else if at > end {
        // And on a word's first letter's left half, at its start.
        let edge = if word_char(at) {
            word_at(text, at).1
        } else {
            snap_outward(text, at, true)
        };
        balanced(start, edge).end().max(edge)
    } else if !(word_char(at) || (at > 0 && word_char(at - 1))) {
        at
    } else {
        // (On a word's last letter's right half, at its end: that word.)
        let word = if word_char(at) { at } else { at - 1 };
        let (ws, we) = word_at(text, word);
        if at - start <= end - at {
            ws
        } else {
            balanced(start, we).end().max(we)
        }
    }
}

/// Opening marks and the marks that close them.
const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('"', '"'),
    ('‘', '’'),
    ('«', '»'),
    ('„', '“'),
    ('(', ')'),
    ('[', ']'),
];

/// Treats both ends of a snapped selection alike: a selection that starts with an opening
/// quote or bracket takes the closing one that follows its end (with the `,` `.` `?` `!`
/// written inside it), one that ends with a closing mark takes the opening one just before
/// it, and a selection that starts a sentence takes the `.` `?` `!` or `…` that ends it.
fn balance(text: &Text, s: usize, e: usize) -> (usize, usize) {
    let para = text.paragraphs()[text.paragraph_at(s)];
    let at = |i: usize| -> Option<char> {
        (i >= para.start && i < para.end).then(|| text.slice(i..i + 1).chars().next())?
    };
    // A comma, semicolon or colon after the last word is never part of a span.
    let mut e = e;
    while e > s + 1 && at(e - 1).is_some_and(|c| matches!(c, ',' | ';' | ':')) {
        e -= 1;
    }
    // A closing bracket inside the selection whose opening one is not: the opening one, a
    // word or two back (`[31] tools …` for a drag that starts on `31`).
    let mut s = s;
    let inside: Vec<char> = text.slice(s..e).chars().collect();
    let unopened = PAIRS.iter().find_map(|&(open, close)| {
        let opens = inside.iter().filter(|&&c| c == open).count();
        let closes = inside.iter().filter(|&&c| c == close).count();
        (open != close && closes > opens && matches!(open, '(' | '[')).then_some(open)
    });
    if let Some(open) = unopened {
        let (mut k, mut spaces) = (s, 0);
        while k > para.start
            && k + 16 > s
            && at(k - 1).is_some_and(|c| !matches!(c, ')' | ']' | '(' | '['))
        {
            spaces += usize::from(at(k - 1).is_some_and(char::is_whitespace));
            k -= 1;
        }
        if k > para.start && at(k - 1) == Some(open) && spaces <= 2 {
            s = k - 1;
        }
    }
    let (first, last) = (at(s), e.checked_sub(1).and_then(at));
    // An opening mark inside the selection whose closing one is not: the closing one.
    let inside: Vec<char> = text.slice(s..e).chars().collect();
    let unclosed = PAIRS.iter().find_map(|&(open, close)| {
        let opens = inside.iter().filter(|&&c| c == open).count();
        let closes = inside.iter().filter(|&&c| c == close).count();
        let open_left = if open == close {
            opens % 2 == 1
        } else {
            opens > closes
        };
        open_left.then_some(close)
    });
    let before = text.slice(para.start..s).trim_end();
    let starts_sentence = s == para.start
        || before.ends_with(['.', '?', '!', '…', ':'])
            && !(before.ends_with('.') && abbreviated(before))
            && at(s - 1).is_some_and(char::is_whitespace);
    let ends_sentence =
        |k: usize| at(k).is_none_or(|c| c.is_whitespace() || PAIRS.iter().any(|p| p.1 == c));
    // A selection that starts a sentence and reaches its end takes the stop that ends it.
    let with_stop = |e: usize| {
        if starts_sentence
            && at(e).is_some_and(|c| matches!(c, '.' | '?' | '!' | '…'))
            && ends_sentence(e + 1)
        {
            e + 1
        } else {
            e
        }
    };
    if let Some(close) = unclosed {
        // The closing mark may come after a stop, or after a space ("(MITV )").
        let mut k = e;
        while k < e + 3
            && at(k).is_some_and(|c| matches!(c, ',' | '.' | '?' | '!' | '…') || c == ' ')
        {
            k += 1;
        }
        if at(k) == Some(close) {
            // (And the sentence's stop after the bracket: `… p<0.001).`)
            return (s, with_stop(k + 1));
        }
        // Or a word or two on, inside a bracket (`(Table 1)`, `[n = 47]`); not a
        // quotation's words, where a selection may stop on purpose.
        if matches!(close, ')' | ']') {
            let (mut k, mut spaces) = (e, 0);
            while k < e + 16 && at(k).is_some_and(|c| !matches!(c, ')' | ']' | '(' | '[')) {
                spaces += usize::from(at(k).is_some_and(char::is_whitespace));
                k += 1;
            }
            if at(k) == Some(close) && spaces <= 2 {
                return (s, with_stop(k + 1));
            }
        }
    }
    // The whole of a quotation, from its first word to its last: both its marks come too.
    if s > para.start
        && let Some(&(open, close)) = PAIRS.iter().find(|p| at(s - 1) == Some(p.0))
        && first != Some(open)
    {
        let mut k = e;
        while k < e + 2 && at(k).is_some_and(|c| matches!(c, ',' | '.' | '?' | '!' | '…')) {
            k += 1;
        }
        if at(k) == Some(close) && !text.slice(s..e).contains(close) {
            return (s - 1, k + 1);
        }
    }
    if let Some(open) = last.and_then(|c| PAIRS.iter().find(|p| p.1 == c).map(|p| p.0))
        && first != Some(open)
        && s > para.start
        && at(s - 1) == Some(open)
    {
        return (s - 1, e);
    }
    (s, with_stop(e))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_double_click_on_a_number_takes_the_whole_number() {
        let t = Text::from_str_normalized(
            "Chicago 30.50 unq 28.00 and 1,180,386 checks, up 92% in 2024.",
        );
        let word = |needle: &str, k: usize| {
            let at = t.as_str().find(needle).unwrap() + k;
            let (s, e) = word_at(&t, at);
            t.slice(s..e).to_owned()
        };
        assert_eq!(word("28.00", 0), "28.00");
        assert_eq!(word("28.00", 2), "28.00", "a click on the point");
        assert_eq!(word("28.00", 4), "28.00");
        assert_eq!(word("1,180,386", 6), "1,180,386");
        assert_eq!(word("92%", 0), "92%");
        assert_eq!(word("92%", 2), "92%", "a click on the percent sign");
        assert_eq!(
            word("2024.", 1),
            "2024",
            "a sentence's full stop is not a decimal point"
        );
        assert_eq!(word("Chicago", 2), "Chicago");
        let t = Text::from_str_normalized("Loans\t-0.3\t15.2 (−23) +80 COVID-19 1990-2000 ±2");
        // (Offsets count chars.)
        let char_at = |needle: &str| {
            t.as_str()[..t.as_str().find(needle).unwrap()]
                .chars()
                .count()
        };
        let word = |needle: &str, k: usize| {
            let (s, e) = word_at(&t, char_at(needle) + k);
            t.slice(s..e).to_owned()
        };
        assert_eq!(word("0.3", 0), "-0.3", "its sign");
        assert_eq!(word("0.3", 2), "-0.3");
        assert_eq!(word("23", 0), "−23");
        assert_eq!(word("80", 1), "+80");
        assert_eq!(word("±2", 1), "±2");
        assert_eq!(word("19", 0), "19", "a hyphen inside a word is no sign");
        assert_eq!(word("2000", 0), "2000", "nor a range's dash");
        let sel = snap_to_words(
            &t,
            Selection {
                anchor: char_at("0.3") + 1,
                head: char_at("15.2") + 2,
            },
        );
        assert_eq!(t.slice(sel.start()..sel.end()), "-0.3\t15.2");
    }
    use super::*;

    #[test]
    fn a_shift_click_outside_a_span_takes_the_word_clicked_whole() {
        let t = Text::from_str_normalized("the harbor handled 4.2 million boxes");
        let at = |needle: &str| t.as_str().find(needle).unwrap();
        let (start, end) = (at("handled"), at(" million"));
        // On `harbor`'s last letters: its start. On `million`'s first ones: its end.
        assert_eq!(snap_reach(&t, start, end, at("bor")), at("harbor"));
        assert_eq!(snap_reach(&t, start, end, at("illion")), at(" boxes"));
        // On the last letter's right half (at the word's end) and the first letter's left
        // half (at the next word's start): those words.
        assert_eq!(snap_reach(&t, start, end, at(" handled")), at("harbor"));
        assert_eq!(snap_reach(&t, start, end, at("million")), at(" boxes"));
        // Inside the span: the span's nearer edge goes to the word clicked, and keeps it.
        assert_eq!(snap_reach(&t, start, end, at("led")), at("handled"));
        assert_eq!(snap_reach(&t, start, end, at("andled")), at("handled"));
        let end = at(" boxes");
        assert_eq!(snap_reach(&t, start, end, at("million")), at(" boxes"));
        assert_eq!(snap_reach(&t, start, end, at("2 million")), at(" million"));
    }

    #[test]
    fn a_shift_click_on_a_word_near_a_spans_end_keeps_that_word() {
        let t = Text::from_str_normalized(
            "It lets debtors keep what they owe to their creditors. It is the rule.",
        );
        let at = |needle: &str| t.as_str().find(needle).unwrap();
        let (start, end) = (at("It lets"), at(" is the"));
        // On `creditors`' first letters, its last letters, and the right half of its last
        // letter: the span ends with it, and its sentence's stop.
        for click in [at("creditors"), at("itors"), at(". It")] {
            let edge = snap_reach(&t, start, end, click);
            let (s, e) = crate::core::reach::reach(start, end, edge).unwrap();
            assert_eq!(
                t.slice(s..e),
                "It lets debtors keep what they owe to their creditors.",
                "click at {click}"
            );
        }
    }

    #[test]
    fn a_selection_that_stops_inside_a_bracket_takes_its_last_words_and_closing_mark() {
        let t = Text::from_str_normalized(
            "Rates rose from 2007 (Table 1) and fell (as the survey of all the towns shows).",
        );
        let at = |needle: &str| t.as_str().find(needle).unwrap();
        let snapped = |from: &str, to: &str| {
            let sel = snap_to_words(
                &t,
                Selection {
                    anchor: at(from),
                    head: at(to),
                },
            );
            t.slice(sel.start()..sel.end()).to_owned()
        };
        assert_eq!(snapped("Rates", "able"), "Rates rose from 2007 (Table 1)");
        // And the other way round: one that starts inside a bracket takes its first words
        // and opening mark.
        assert_eq!(snapped("able", " fell"), "(Table 1) and");
        let t = Text::from_str_normalized(
            "They use the boxes from OCR [31] tools without reading order.",
        );
        let at = |needle: &str| t.as_str().find(needle).unwrap();
        let sel = snap_to_words(
            &t,
            Selection {
                anchor: at("1]"),
                head: at(" reading"),
            },
        );
        assert_eq!(t.slice(sel.start()..sel.end()), "[31] tools without");
        // A bracket whose closing mark stands many words on is left as it is.
        assert_eq!(snapped("fell", "he survey"), "fell (as the");
    }

    #[test]
    fn a_shift_click_that_grows_a_span_into_a_bracket_takes_it_whole() {
        let t =
            Text::from_str_normalized("Rents rose by a third since 2007 (Table 1) in the city.");
        let at = |needle: &str| t.as_str().find(needle).unwrap();
        let (start, end) = (at("Rents"), at(" since"));
        assert_eq!(snap_reach(&t, start, end, at("able")), at(" in the"));
    }

    #[test]
    fn words_and_snapping() {
        let t = Text::from_str_normalized("The rival’s claim, “3.7 percent”, was wrong.");
        assert_eq!(
            t.slice({
                let (s, e) = word_at(&t, 6);
                s..e
            }),
            "rival’s"
        );
        let snapped = snap_to_words(
            &t,
            Selection {
                anchor: 6,
                head: 14,
            },
        );
        assert_eq!(t.slice(snapped.start()..snapped.end()), "rival’s claim");
        let back = snap_to_words(
            &t,
            Selection {
                anchor: 14,
                head: 6,
            },
        );
        assert_eq!((back.anchor, back.head), (snapped.end(), snapped.start()));
    }

    #[test]
    fn a_persian_word_keeps_its_half_space() {
        let t = Text::from_str_normalized("وزارت اقتصاد می‌گوید تورم");
        let (s, e) = word_at(&t, 15);
        assert_eq!(t.slice(s..e), "می‌گوید");
    }

    /// Snaps the selection of `from`..`to` (the first occurrences) and returns its text.
    fn snapped(text: &str, from: &str, to: &str) -> String {
        let t = Text::from_str_normalized(text);
        let at = |n: &str| text[..text.find(n).unwrap()].chars().count();
        let sel = Selection {
            anchor: at(from),
            head: at(to) + to.chars().count(),
        };
        let s = snap_to_words(&t, sel);
        t.slice(s.start()..s.end()).to_owned()
    }

    #[test]
    fn both_ends_of_a_quote_or_sentence_are_treated_alike() {
        let text =
            "He said: “We doubled the budget,” and left. Critics disagreed. Then (briefly) more.";
        // From the opening mark to inside the last word: the closing mark comes too.
        assert_eq!(snapped(text, "“We", "budg"), "“We doubled the budget,”");
        // From inside the first word to the closing mark: the opening mark comes too.
        assert_eq!(
            snapped(text, "e doubled", "budget,”"),
            "“We doubled the budget,”"
        );
        // Inside the quote only: no marks added.
        assert_eq!(snapped(text, "doubled", "budg"), "doubled the budget");
        // The whole quotation, from inside its first word to inside its last: both marks.
        assert_eq!(
            snapped(text, "e doubled", "budg"),
            "“We doubled the budget,”"
        );
        // A whole sentence takes its final period; part of one does not.
        assert_eq!(snapped(text, "Critics", "disagre"), "Critics disagreed.");
        assert_eq!(snapped(text, "ritics", "disagre"), "Critics disagreed.");
        assert_eq!(snapped(text, "disagre", "disagre"), "disagreed");
        assert_eq!(snapped(text, "(briefly", "briefl"), "(briefly)");
        // A sentence that ends in a bracket takes the bracket and its stop.
        let stats = "Iron rose. The mean was 10.05 (95% CI 5.48 to 14.63, p<0.001). Then more.";
        assert_eq!(
            snapped(stats, "The mean", "p<0.00"),
            "The mean was 10.05 (95% CI 5.48 to 14.63, p<0.001)."
        );
        assert_eq!(
            snapped(stats, "mean", "p<0.00"),
            "mean was 10.05 (95% CI 5.48 to 14.63, p<0.001)"
        );
        // An opening mark in the middle of the selection takes its closing one too.
        assert_eq!(
            snapped(text, "said: ", "budg"),
            "said: “We doubled the budget,”"
        );
        // A trailing comma is left out.
        assert_eq!(snapped(text, "doubled", "budget,"), "doubled the budget");
    }

    #[test]
    fn names_after_titles_and_emphasis_markers_snap_to_the_words() {
        let text = "Led by the epidemiologist Dr. Ingrid Solberg. Then on **Monday** (founder MITV ) spoke.";
        // "Dr." does not end a sentence: the name does not take the final stop.
        assert_eq!(snapped(text, "Ingrid", "Solberg"), "Ingrid Solberg");
        // A drag that starts on the stop before the name leaves the stop out.
        assert_eq!(snapped(text, ". Ingrid", "Solberg"), "Ingrid Solberg");
        // Markdown emphasis is not part of the word.
        assert_eq!(snapped(text, "**Monday", "Monday**"), "Monday");
        assert_eq!(snapped(text, "Monday", "Monday**"), "Monday");
        // A closing bracket after a space still closes the span.
        assert_eq!(snapped(text, "(founder", "MITV"), "(founder MITV )");
        // A real sentence still takes its stop.
        assert_eq!(
            snapped(text, "Then", "spoke"),
            "Then on **Monday** (founder MITV ) spoke."
        );
    }
}
