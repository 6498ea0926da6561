//! Annotations: ids, tags with their typed attributes, review status, and the quote selector
//! (exact text plus context) that lets an annotation be found again.

use chrono::{DateTime, Datelike as _, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use super::text::Text;

/// How many chars of context are kept on each side of an annotation.
pub const CONTEXT_CHARS: usize = 32;

/// A random 128-bit annotation id, written as a hyphenated UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub uuid::Uuid);

impl AnnotationId {
    /// A new random id.
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4())
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for AnnotationId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s).map(Self)
    }
}

/// A value that is not one of the allowed words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {what}; expected one of: {expected}")]
pub struct ParseValueError {
    /// What was being parsed ("verdict", "tag", …).
    pub what: &'static str,
    /// The rejected input.
    pub value: String,
    /// The allowed values, separated by `|`.
    pub expected: &'static str,
}

/// Declares a unit enum with stable kebab-case names for the CLI and JSON.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable kebab-case name used by the CLI and JSON output.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ParseValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim().to_ascii_lowercase().replace(['_', ' '], "-").as_str() {
                    $($word => Ok($name::$variant),)+
                    _ => Err(ParseValueError {
                        what: $what,
                        value: s.to_owned(),
                        expected: concat!($($word, "|"),+).trim_end_matches('|'),
                    }),
                }
            }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// The kind of span an annotation marks.
    TagKind, "tag" {
        /// A checkable statement.
        Claim => "claim",
        /// Reported speech.
        Quote => "quote",
        /// A date or time expression.
        Date => "date",
        /// A person, organization, place or other named thing.
        Entity => "entity",
    }
);

word_enum!(
    /// A fact-checker's rating of a claim.
    Verdict, "verdict" {
        /// Not rated yet.
        Unrated => "unrated",
        /// Accurate.
        True => "true",
        /// Accurate but needs context.
        MostlyTrue => "mostly-true",
        /// Partly accurate.
        Mixed => "mixed",
        /// Mostly inaccurate.
        MostlyFalse => "mostly-false",
        /// Inaccurate.
        False => "false",
        /// Cannot be checked.
        Unverifiable => "unverifiable",
    }
);

word_enum!(
    /// What an entity is.
    EntityKind, "entity kind" {
        /// A person.
        Person => "person",
        /// A company, party, agency, team…
        Organization => "organization",
        /// A place.
        Place => "place",
        /// Anything else.
        Other => "other",
    }
);

word_enum!(
    /// Where an annotation stands in review.
    ReviewStatus, "review status" {
        /// Nobody has reviewed it.
        Unreviewed => "unreviewed",
        /// A reviewer agreed.
        Accepted => "accepted",
        /// A reviewer disagreed.
        Rejected => "rejected",
        /// A reviewer asked for changes.
        NeedsWork => "needs-work",
    }
);

/// A normalized date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, always a real calendar date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateValue(String);

/// A date value that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2024-05-03)")]
pub struct DateValueError(pub String);

impl DateValue {
    /// Parses and validates a normalized date.
    pub fn parse(s: &str) -> Result<Self, DateValueError> {
        let err = || DateValueError(s.to_owned());
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateValueError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let year = num(parts.first().copied().unwrap_or(""), 4)? as i32;
        let month = parts.get(1).map(|p| num(p, 2)).transpose()?.unwrap_or(1);
        let day = parts.get(2).map(|p| num(p, 2)).transpose()?.unwrap_or(1);
        if parts.len() > 3 || NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(err());
        }
        Ok(Self(s.to_owned()))
    }

    /// Reads a date written in prose ("June 8, 2020", "8 June 2020", "2020-06-08", "May 2021",
    /// "2019"), if it is one; also with its month named in Arabic, Persian, Hebrew, French,
    /// Spanish, Portuguese, Italian or German, and its digits in Arabic-Indic or Persian
    /// figures (`24 مارس 2016`, `8 de junio de 2020`).
    pub fn guess(text: &str) -> Option<Self> {
        Self::guess_english(text)
            .or_else(|| super::month_names::in_english(text).and_then(|t| Self::guess_english(&t)))
    }

    /// A date written in English words, or in figures.
    fn guess_english(text: &str) -> Option<Self> {
        let t = text
            .trim()
            .trim_end_matches(['.', ',', ';'])
            .replace('\u{a0}', " ");
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let no_ordinals = strip_ordinals(&t);
        for candidate in [t.as_str(), no_ordinals.as_str()] {
            for fmt in [
                "%Y-%m-%d",
                "%B %d, %Y",
                "%B %d %Y",
                "%d %B %Y",
                "%d %B, %Y",
                "%b %d, %Y",
                "%b %d %Y",
                "%d %b %Y",
                "%b. %d, %Y",
                "%A, %B %d, %Y",
                "%A %d %B %Y",
            ] {
                if let Ok(d) = NaiveDate::parse_from_str(candidate, fmt)
                    && d.year() >= 1000
                {
                    return Some(Self(d.format("%Y-%m-%d").to_string()));
                }
            }
            for fmt in ["%d %B %Y", "%d %b %Y"] {
                if let Ok(d) = NaiveDate::parse_from_str(&format!("1 {candidate}"), fmt)
                    && d.year() >= 1000
                {
                    return Some(Self(d.format("%Y-%m").to_string()));
                }
            }
        }
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{t}-01"), "%Y-%m-%d") {
            return Some(Self(d.format("%Y-%m").to_string()));
        }
        if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            return Self::parse(&t).ok();
        }
        None
    }

    /// The normalized value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Drops English ordinal suffixes after day numbers ("8th June" → "8 June").
fn strip_ordinals(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let (word, comma) = w.strip_suffix(',').map_or((w, ""), |x| (x, ","));
            for suffix in ["st", "nd", "rd", "th"] {
                if let Some(num) = word.strip_suffix(suffix)
                    && !num.is_empty()
                    && num.len() <= 2
                    && num.bytes().all(|b| b.is_ascii_digit())
                {
                    return format!("{num}{comma}");
                }
            }
            w.to_owned()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl TryFrom<String> for DateValue {
    type Error = DateValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<DateValue> for String {
    fn from(d: DateValue) -> Self {
        d.0
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The tag of an annotation with its typed attributes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Tag {
    /// A checkable statement.
    Claim {
        /// The fact-checker's rating.
        verdict: Verdict,
        /// Who made the claim, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claimant: Option<String>,
    },
    /// Reported speech.
    Quote {
        /// Who is quoted, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
    },
    /// A date expression.
    Date {
        /// The normalized date, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<DateValue>,
    },
    /// A named thing.
    Entity {
        /// What it is.
        kind: EntityKind,
        /// A Wikidata QID or URL identifying it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        identifier: Option<String>,
    },
}

impl Tag {
    /// The tag with default attributes.
    pub fn new(kind: TagKind) -> Self {
        match kind {
            TagKind::Claim => Tag::Claim {
                verdict: Verdict::Unrated,
                claimant: None,
            },
            TagKind::Quote => Tag::Quote { speaker: None },
            TagKind::Date => Tag::Date { value: None },
            TagKind::Entity => Tag::Entity {
                kind: EntityKind::Other,
                identifier: None,
            },
        }
    }

    /// The tag of a new annotation of `kind` on the text `exact`: a date's value is read from
    /// the text where it can be ("3 May 2024" → 2024-05-03).
    pub fn for_text(kind: TagKind, exact: &str) -> Self {
        Self::new(kind).with_value_from(exact)
    }

    /// This tag, with a date's missing value read from `exact` where it can be; any other tag,
    /// or a date that has a value, as it is.
    pub fn with_value_from(mut self, exact: &str) -> Self {
        if let Tag::Date {
            value: value @ None,
        } = &mut self
        {
            *value = DateValue::guess(exact);
        }
        self
    }

    /// Which of the four tags this is.
    pub fn kind(&self) -> TagKind {
        match self {
            Tag::Claim { .. } => TagKind::Claim,
            Tag::Quote { .. } => TagKind::Quote,
            Tag::Date { .. } => TagKind::Date,
            Tag::Entity { .. } => TagKind::Entity,
        }
    }
}

/// A review of an annotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The outcome.
    pub status: ReviewStatus,
    /// Who reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When it was reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
    /// The reviewer's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Review {
    /// Whether this is the review of an annotation nobody reviewed: unreviewed, with no
    /// reviewer, time or comment.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl Default for Review {
    fn default() -> Self {
        Self {
            status: ReviewStatus::Unreviewed,
            by: None,
            at: None,
            comment: None,
        }
    }
}

/// One tagged span of a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Random, never reused.
    pub id: AnnotationId,
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
    /// The text of the span when it was last anchored.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars before the span.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after the span.
    pub suffix: String,
    /// The tag and its attributes.
    pub tag: Tag,
    /// Free-text note (not written when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who created it.
    pub author: String,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub modified: DateTime<Utc>,
    /// Review state (not written while unreviewed with no reviewer, time or comment).
    #[serde(default, skip_serializing_if = "Review::is_default")]
    pub review: Review,
    /// Links from this annotation to others of the same document (not written when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<super::link::Link>,
    /// Sources for a claim or quote, in the order the user gave them (not written when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<super::evidence::Evidence>,
}

/// A span that cannot be annotated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// Start is not before end.
    #[error("the span {start}:{end} is empty or reversed; the end must be after the start")]
    Empty {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// The span runs past the end of the document.
    #[error("the span {start}:{end} runs past the end of the document ({len} chars)")]
    OutOfBounds {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// Document length in chars.
        len: usize,
    },
}

/// Checks that `start..end` is a non-empty span inside `text`.
pub fn check_span(text: &Text, start: usize, end: usize) -> Result<(), SpanError> {
    if start >= end {
        return Err(SpanError::Empty { start, end });
    }
    if end > text.char_count() {
        return Err(SpanError::OutOfBounds {
            start,
            end,
            len: text.char_count(),
        });
    }
    Ok(())
}

impl Annotation {
    /// A new annotation of `text[start..end]`, with its quote and context taken from the text.
    pub fn new(
        text: &Text,
        start: usize,
        end: usize,
        tag: Tag,
        author: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, SpanError> {
        check_span(text, start, end)?;
        let mut a = Self {
            id: AnnotationId::random(),
            start,
            end,
            exact: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            tag,
            note: String::new(),
            author: author.to_owned(),
            created: now,
            modified: now,
            review: Review::default(),
            links: Vec::new(),
            evidence: Vec::new(),
        };
        a.set_span(text, start, end);
        Ok(a)
    }

    /// The tag this annotation gets when retagged as `kind`, keeping what carries over: a
    /// quote's speaker becomes a claim's claimant and back; a date's value is read from the
    /// text; anything else starts from the tag's defaults.
    pub fn retagged(&self, kind: TagKind) -> Tag {
        match (kind, &self.tag) {
            (TagKind::Claim, Tag::Quote { speaker }) => Tag::Claim {
                verdict: Verdict::Unrated,
                claimant: speaker.clone(),
            },
            (TagKind::Quote, Tag::Claim { claimant, .. }) => Tag::Quote {
                speaker: claimant.clone(),
            },
            _ => Tag::for_text(kind, &self.exact),
        }
    }

    /// Moves the annotation to `start..end` of `text` and refreshes its quote and context.
    /// The caller checks the span first.
    ///
    /// A date whose value was read from its old text (or had none) has it read again from the
    /// new text; a value the user typed stays.
    pub fn set_span(&mut self, text: &Text, start: usize, end: usize) {
        let exact = text.slice(start..end);
        if let Tag::Date { value } = &mut self.tag
            && exact != self.exact
            && (value.is_none() || *value == DateValue::guess(&self.exact))
        {
            *value = DateValue::guess(exact);
        }
        self.start = start;
        self.end = end;
        self.exact = exact.to_owned();
        self.prefix = text
            .slice(start.saturating_sub(CONTEXT_CHARS)..start)
            .to_owned();
        self.suffix = text
            .slice(end..(end + CONTEXT_CHARS).min(text.char_count()))
            .to_owned();
    }

    /// The span length in chars.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty (never true for a valid annotation).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sort key of the sidecar and of every listing: (start, end, id).
    pub fn sort_key(&self) -> (usize, usize, AnnotationId) {
        (self.start, self.end, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_tags_read_dates_and_retagging_keeps_what_fits() {
        let date = |v: &str| Tag::Date {
            value: DateValue::parse(v).ok(),
        };
        assert_eq!(
            Tag::for_text(TagKind::Date, "3 May 2024"),
            date("2024-05-03")
        );
        assert_eq!(
            Tag::for_text(TagKind::Date, "last week"),
            Tag::Date { value: None }
        );
        assert_eq!(
            Tag::for_text(TagKind::Claim, "3 May 2024"),
            Tag::new(TagKind::Claim)
        );
        // A date with a value keeps it.
        assert_eq!(date("2020").with_value_from("3 May 2024"), date("2020"));

        let t = Text::from_str_normalized("Doe said on May 2021 that it was so.");
        let now = Utc::now();
        let quote = Tag::Quote {
            speaker: Some("Doe".into()),
        };
        let a = Annotation::new(&t, 0, 8, quote.clone(), "ana", now).unwrap();
        let claim = a.retagged(TagKind::Claim);
        assert_eq!(
            claim,
            Tag::Claim {
                verdict: Verdict::Unrated,
                claimant: Some("Doe".into())
            }
        );
        let mut c = a.clone();
        c.tag = claim;
        assert_eq!(c.retagged(TagKind::Quote), quote);
        let d = Annotation::new(&t, 12, 20, Tag::new(TagKind::Entity), "ana", now).unwrap();
        assert_eq!(d.retagged(TagKind::Date), date("2021-05"));
        assert_eq!(d.retagged(TagKind::Entity), Tag::new(TagKind::Entity));
    }

    #[test]
    fn words_round_trip() {
        for v in Verdict::ALL {
            assert_eq!(v.as_str().parse::<Verdict>().unwrap(), *v);
        }
        assert_eq!(
            "Mostly True".parse::<Verdict>().unwrap(),
            Verdict::MostlyTrue
        );
        let err = "maybe".parse::<Verdict>().unwrap_err().to_string();
        assert!(err.contains("unrated|true|mostly-true"), "{err}");
        assert_eq!(
            "needs-work".parse::<ReviewStatus>().unwrap(),
            ReviewStatus::NeedsWork
        );
    }

    #[test]
    fn date_values_are_validated() {
        for ok in ["2024", "2024-02", "2024-02-29"] {
            assert_eq!(DateValue::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "24",
            "2023-02-29",
            "2024-13",
            "2024-1-05",
            "May 2024",
            "2024-05-03-01",
            "",
        ] {
            assert!(DateValue::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_are_guessed_from_prose() {
        let cases = [
            ("June 8, 2020", "2020-06-08"),
            ("8 June 2020", "2020-06-08"),
            ("2020-06-08", "2020-06-08"),
            ("May 2021", "2021-05"),
            ("3 May 2024", "2024-05-03"),
            ("Sept. 2019", ""),
            ("8th June 2020", "2020-06-08"),
            ("Jan 5, 2021", "2021-01-05"),
            ("2019", "2019"),
            ("2021-07", "2021-07"),
            ("last Tuesday", ""),
            ("24 مارس 2016.", "2016-03-24"),
            ("٢٩ آذار ٢٠١٦", "2016-03-29"),
            ("8 de junio de 2020", "2020-06-08"),
            ("mai 2021", "2021-05"),
        ];
        for (text, want) in cases {
            let got = DateValue::guess(text).map(|d| d.0).unwrap_or_default();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn new_annotation_takes_quote_and_context() {
        let t = Text::from_str_normalized("The minister said “we built 200 schools” in 2023.");
        let a = Annotation::new(&t, 19, 39, Tag::new(TagKind::Claim), "ana", Utc::now()).unwrap();
        assert_eq!(a.exact, "we built 200 schools");
        assert_eq!(a.prefix, "The minister said “");
        assert_eq!(a.suffix, "” in 2023.");
        assert!(Annotation::new(&t, 5, 5, Tag::new(TagKind::Date), "a", Utc::now()).is_err());
        assert!(Annotation::new(&t, 5, 500, Tag::new(TagKind::Date), "a", Utc::now()).is_err());
    }

    #[test]
    fn a_dates_value_follows_its_text_unless_typed() {
        let t = Text::from_str_normalized("Signed on June 8, 2020 and on 9 July 2021.");
        let find = |s: &str| t.as_str().find(s).unwrap();
        let (s, e) = (find("June 8"), find("June 8") + "June 8".len());
        let tag = Tag::for_text(TagKind::Date, t.slice(s..e));
        let mut a = Annotation::new(&t, s, e, tag, "ana", Utc::now()).unwrap();
        let value = |a: &Annotation| match &a.tag {
            Tag::Date { value } => value.as_ref().map(|v| v.0.clone()),
            _ => None,
        };
        assert_eq!(value(&a), None, "no year yet");
        // Widened to take the year: read again.
        a.set_span(&t, s, find(" and"));
        assert_eq!(value(&a).as_deref(), Some("2020-06-08"));
        // Moved onto the other date: read again, since it was read from the text.
        let other = find("9 July 2021");
        a.set_span(&t, other, other + "9 July 2021".len());
        assert_eq!(value(&a).as_deref(), Some("2021-07-09"));
        // A value the user typed stays when the span changes.
        a.tag = Tag::Date {
            value: Some(DateValue::parse("2021-07-10").unwrap()),
        };
        a.set_span(&t, s, find(" and"));
        assert_eq!(value(&a).as_deref(), Some("2021-07-10"));
    }
}
