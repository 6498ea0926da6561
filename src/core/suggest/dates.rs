//! Finding dates in English prose and normalizing them with chrono.
//!
//! Recognized: "3 May 2024", "3rd of May, 2024", "May 3, 2024", "Sept. 3 2024" (full dates);
//! "May 2021" (year and month); ISO "2024-05-03"; "03/05/2024" only when the reading is
//! unambiguous (one of the first two numbers is above 12, or both are equal); a bare year only
//! after a word that makes it one ("in 2019", "since 2019", "by 2030", "mid-2019", …) and not
//! before a counting noun ("by 2019 votes"). Month names must be capitalized, so the verb
//! "may" is never a month, and a month without a year ("May 3") is not suggested.
//!
//! Ranges become one suggestion whose value is the range's start: "2019–2021", "2019-21",
//! "3–5 May 2024", "May 3–5, 2024", and "between October 2021 and January 2022" / "from 2019
//! to 2021" (the span starts at the first date; "between"/"from" stays outside, as in
//! TimeML).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::{Suggestion, chars_of};
use crate::core::annotation::{DateValue, Tag};
use crate::core::text::Text;

/// A date found in the text (byte offsets), before ranges are joined.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    /// `None` when the text looks like a date but is not one ("31 June 2024"); it still keeps
    /// shorter patterns ("June 2024") from matching inside it.
    value: Option<DateValue>,
    /// A bare four-digit number: a year only with a cue word before it or in a range.
    bare: bool,
}

/// A pattern and how to read its captures.
struct Pattern {
    re: Option<Regex>,
    read: fn(&Captures) -> Option<DateValue>,
    bare: bool,
}

const MONTH: &str = r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const DAY: &str = r"(\d{1,2})(?:st|nd|rd|th)?";
const DASH: &str = r"\s?[-–—]\s?";

/// Words that make the four-digit number after them a year.
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "between", "early",
    "late", "mid", "around", "circa", "year", "spring", "summer", "autumn", "fall", "winter",
    "through",
];

/// Counting nouns: "since 2019 people" is still a year, but "by 2019 votes" is a quantity.
const COUNTED: &[&str] = &[
    "votes",
    "voters",
    "cases",
    "times",
    "people",
    "persons",
    "members",
    "residents",
    "patients",
    "students",
    "workers",
    "jobs",
    "deaths",
    "units",
    "copies",
    "signatures",
    "households",
    "homes",
    "families",
    "children",
    "employees",
    "dollars",
    "euros",
    "pounds",
];

fn pattern(src: String, read: fn(&Captures) -> Option<DateValue>, bare: bool) -> Pattern {
    Pattern {
        re: Regex::new(&src).ok(),
        read,
        bare,
    }
}

/// Longest and most specific first; overlapping matches are resolved by position and length.
static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    vec![
        // 3–5 May 2024
        pattern(
            format!(r"\b{DAY}{DASH}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"),
            |c| ymd(&c[3], month(&c[2])?, &c[1]),
            false,
        ),
        // May 3–5, 2024
        pattern(
            format!(r"\b{MONTH}\s+{DAY}{DASH}\d{{1,2}}(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
            |c| ymd(&c[3], month(&c[1])?, &c[2]),
            false,
        ),
        // 3 May 2024, 3rd of May, 2024
        pattern(
            format!(r"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"),
            |c| ymd(&c[3], month(&c[2])?, &c[1]),
            false,
        ),
        // May 3, 2024
        pattern(
            format!(r"\b{MONTH}\s+{DAY},?\s+(\d{{4}})\b"),
            |c| ymd(&c[3], month(&c[1])?, &c[2]),
            false,
        ),
        // May 2021
        pattern(
            format!(r"\b{MONTH},?\s+(\d{{4}})\b"),
            |c| {
                let m = month(&c[1])?;
                let y = year(&c[2])?;
                NaiveDate::from_ymd_opt(y, m, 1)?;
                DateValue::parse(&format!("{y:04}-{m:02}")).ok()
            },
            false,
        ),
        // 2024-05-03
        pattern(
            r"\b(\d{4})-(\d{2})-(\d{2})\b".to_owned(),
            |c| ymd(&c[1], c[2].parse().ok()?, &c[3]),
            false,
        ),
        // 03/05/2024, only when unambiguous
        pattern(
            r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b".to_owned(),
            |c| {
                let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
                let (m, d) = match (a > 12, b > 12) {
                    (true, false) => (b, a),
                    (false, true) => (a, b),
                    (false, false) if a == b => (a, b),
                    _ => return None,
                };
                ymd(&c[3], m, &d.to_string())
            },
            false,
        ),
        // 2019–2021, 2019-21
        pattern(
            format!(r"\b(\d{{4}})({DASH})(\d{{4}}|\d{{2}})\b"),
            |c| {
                let start = year(&c[1])?;
                let end_digits = &c[3];
                let end = if end_digits.len() == 2 {
                    let yy: i32 = end_digits.parse().ok()?;
                    // "2024-05" is a year and month, not a range; only an en or em dash makes
                    // a two-digit end up to 12 a year.
                    let dash_only = !c[2].contains('-');
                    if yy <= start % 100 || (yy <= 12 && !dash_only) {
                        return None;
                    }
                    start - start % 100 + yy
                } else {
                    year(end_digits)?
                };
                (end > start && end - start <= 200).then_some(())?;
                DateValue::parse(&format!("{start:04}")).ok()
            },
            false,
        ),
        // 2019 (a year only with a cue, see `keep_bare`)
        pattern(r"\b(\d{4})\b".to_owned(), |c| year_value(&c[1]), true),
    ]
});

/// "between X and Y": the words before and between the two dates of a range.
static BETWEEN: LazyLock<Option<(Regex, Regex)>> =
    LazyLock::new(|| range_words(r"(?i)\bbetween\s+$", r"^\s+and\s+$"));
/// "from X to Y", "from X until Y", "from X through Y".
static FROM: LazyLock<Option<(Regex, Regex)>> =
    LazyLock::new(|| range_words(r"(?i)\bfrom\s+$", r"^\s+(?:to|until|till|through|thru)\s+$"));

fn range_words(opener: &str, gap: &str) -> Option<(Regex, Regex)> {
    Some((Regex::new(opener).ok()?, Regex::new(gap).ok()?))
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = w.to_ascii_lowercase();
    names
        .iter()
        .position(|n| lower.starts_with(n))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A plausible year: 1000 to 2999.
fn year(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y))
}

fn year_value(s: &str) -> Option<DateValue> {
    year(s).and_then(|y| DateValue::parse(&format!("{y:04}")).ok())
}

fn ymd(y: &str, m: u32, d: &str) -> Option<DateValue> {
    let date = NaiveDate::from_ymd_opt(year(y)?, m, d.parse().ok()?)?;
    DateValue::parse(&date.format("%Y-%m-%d").to_string()).ok()
}

/// Whether the match at `start..end` (bytes) is part of a longer number, an amount or a code:
/// "$2019", "2019.5", "12-2019-7", "2019%".
fn inside_number(s: &str, start: usize, end: usize) -> bool {
    let mut before = s[..start].chars().rev();
    let b1 = before.next();
    let b2 = before.next();
    let mut after = s[end..].chars();
    let a1 = after.next();
    let a2 = after.next();
    let joiner = |c: Option<char>| c.is_some_and(|c| "-/.,:".contains(c));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    b1.is_some_and(|c| "$£€¥#№".contains(c))
        || (joiner(b1) && digit(b2))
        || (joiner(a1) && digit(a2))
        || a1 == Some('%')
}

/// Whether a bare year has a cue word right before it and no counting noun after it.
fn keep_bare(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].trim_end_matches([' ', '\u{a0}', '-']);
    let cue = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let next = s[end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    YEAR_CUES.contains(&cue.as_str()) && before.len() < start && !COUNTED.contains(&next)
}

/// Dates in `text`, in order, each with its normalized value (a range: its start).
pub fn find_dates(text: &Text) -> Vec<Suggestion> {
    let s = text.as_str();
    let mut candidates: Vec<(Found, usize)> = Vec::new();
    for (rank, p) in PATTERNS.iter().enumerate() {
        let Some(re) = &p.re else { continue };
        for c in re.captures_iter(s) {
            let Some(m) = c.get(0) else { continue };
            if m.as_str().contains("\n\n") || inside_number(s, m.start(), m.end()) {
                continue;
            }
            let found = Found {
                start: m.start(),
                end: m.end(),
                value: (p.read)(&c),
                bare: p.bare,
            };
            candidates.push((found, rank));
        }
    }
    // Earliest first, then longest, then the most specific pattern; no overlaps.
    candidates.sort_by_key(|(f, rank)| (f.start, std::cmp::Reverse(f.end), *rank));
    let mut chosen: Vec<Found> = Vec::new();
    for (f, _) in candidates {
        if chosen.last().is_none_or(|last| f.start >= last.end) {
            chosen.push(f);
        }
    }
    join_ranges(s, chosen)
        .into_iter()
        .filter(|f| !f.bare || keep_bare(s, f.start, f.end))
        .filter_map(|f| {
            let (start, end) = chars_of(text, f.start, f.end);
            let tag = Tag::Date { value: f.value };
            tag_has_value(&tag).then(|| Suggestion::new(text, start, end, tag))
        })
        .collect()
}

fn tag_has_value(tag: &Tag) -> bool {
    matches!(tag, Tag::Date { value: Some(_) })
}

/// Joins "between X and Y" / "from X to Y" into one date with X's value.
fn join_ranges(s: &str, found: Vec<Found>) -> Vec<Found> {
    let forms: Vec<&(Regex, Regex)> = [&*BETWEEN, &*FROM].into_iter().flatten().collect();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut iter = found.into_iter().peekable();
    while let Some(first) = iter.next() {
        let joins = iter.peek().is_some_and(|second| {
            let before = tail(s, first.start, 16);
            let between = &s[first.end..second.start];
            forms
                .iter()
                .any(|(opener, gap)| opener.is_match(before) && gap.is_match(between))
                && first.value.is_some()
                && second.value.is_some()
                && first.value <= second.value
        });
        match iter.next_if(|_| joins) {
            Some(second) => out.push(Found {
                end: second.end,
                bare: false,
                ..first
            }),
            None => out.push(first),
        }
    }
    out
}

/// The last `n` chars of `s[..end]`.
fn tail(s: &str, end: usize, n: usize) -> &str {
    let head = &s[..end];
    let from = head.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &head[from..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(String, String)> {
        find_dates(&Text::from_str_normalized(s))
            .into_iter()
            .map(|d| {
                let v = d.date().map(|v| v.to_string()).unwrap_or_default();
                (d.exact, v)
            })
            .collect()
    }

    fn pair(exact: &str, value: &str) -> (String, String) {
        (exact.to_owned(), value.to_owned())
    }

    #[test]
    fn patterns_compile() {
        assert!(PATTERNS.iter().all(|p| p.re.is_some()));
        assert!(BETWEEN.is_some() && FROM.is_some());
    }

    #[test]
    fn written_dates() {
        assert_eq!(
            dates("Spoke on 3 May 2024, and on May 3, 2024; and the 21st of June, 2020."),
            [
                pair("3 May 2024", "2024-05-03"),
                pair("May 3, 2024", "2024-05-03"),
                pair("21st of June, 2020", "2020-06-21"),
            ]
        );
        assert_eq!(
            dates("In May 2021 and Sept. 3 2024 and Dec 2019."),
            [
                pair("May 2021", "2021-05"),
                pair("Sept. 3 2024", "2024-09-03"),
                pair("Dec 2019", "2019-12"),
            ]
        );
        // Not a real day.
        assert!(dates("on 31 June 2024").is_empty());
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(dates("Prices may 2024 rise, she said. May I ask? You may go.").is_empty());
        assert_eq!(
            dates("It may rise in May 2024."),
            [pair("May 2024", "2024-05")]
        );
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            dates("Filed 2024-05-03, heard 25/12/2023, and 12/25/2023 too."),
            [
                pair("2024-05-03", "2024-05-03"),
                pair("25/12/2023", "2023-12-25"),
                pair("12/25/2023", "2023-12-25"),
            ]
        );
        // 03/05/2024 is 3 May or March 5: not suggested. 04/04/2024 is the same both ways.
        assert_eq!(
            dates("on 03/05/2024 or 04/04/2024"),
            [pair("04/04/2024", "2024-04-04")]
        );
        assert!(dates("on 2024-02-30").is_empty());
    }

    #[test]
    fn bare_years_need_a_cue() {
        assert_eq!(
            dates("In 2019, since 2020 and by 2030, mid-2018."),
            [
                pair("2019", "2019"),
                pair("2020", "2020"),
                pair("2030", "2030"),
                pair("2018", "2018"),
            ]
        );
        // Quantities, amounts and codes are not years.
        assert!(dates("2019 people came; a crowd of 2019 people.").is_empty());
        assert!(
            dates("won by 2019 votes, paid $2019, grew 2019% to 2019.5, room 12-2019").is_empty()
        );
        assert!(dates("the 1990s").is_empty());
    }

    #[test]
    fn ranges_are_one_suggestion_with_the_start_date() {
        assert_eq!(
            dates("from 2019–2021, in 2019-21, and 3–5 May 2024 or May 3-5, 2024."),
            [
                pair("2019–2021", "2019"),
                pair("2019-21", "2019"),
                pair("3–5 May 2024", "2024-05-03"),
                pair("May 3-5, 2024", "2024-05-03"),
            ]
        );
        assert_eq!(
            dates("between October 2021 and January 2022, and from 2019 to 2021."),
            [
                pair("October 2021 and January 2022", "2021-10"),
                pair("2019 to 2021", "2019"),
            ]
        );
        // "from X and Y" is two dates, not a range; a range needs a later end.
        assert_eq!(
            dates("from 2022 and 2023; between 2021 and 2019"),
            [pair("2022", "2022"), pair("2021", "2021")]
        );
        // A year and month, and a backwards "range", are not ranges.
        assert!(dates("in 2024-05 and 2024-05 and 2021–2019 and 2010-11").is_empty());
        assert_eq!(dates("(2024-05)"), []);
    }
}
