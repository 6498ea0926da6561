//! schema.org `ClaimReview` JSON-LD export (Google Search Central, "Fact check
//! (ClaimReview) structured data"): a JSON array with one `ClaimReview` per rated claim, each
//! with its own `@context`, ready for a `<script type="application/ld+json">`.
//!
//! Field by field:
//!
//! - `claimReviewed`: the claim's text, whitespace collapsed (Google advises under about 75
//!   characters; longer claims are exported whole, with advice).
//! - `reviewRating`: from the verdict, `alternateName` its display name ("Mostly false");
//!   `ratingValue` on the scale 1 = False, 2 = Mostly false, 3 = Mixed, 4 = Mostly true,
//!   5 = True (`worstRating` 1, `bestRating` 5). "Unverifiable" has a name and no value. An
//!   unrated claim gets no ClaimReview (reported as skipped).
//! - `url`, `author` (the fact-checker) and `datePublished` (when the fact-check was
//!   published): from [`ClaimReviewOptions`] (`--url`, `--publisher`, `--publisher-url`,
//!   `--date-published`). `url` is required by Google: without it the reviews are reported
//!   incomplete. `author` and `datePublished` are recommended: without them one warning says
//!   so, and nothing is invented (the date of the export is not the date of the fact-check).
//! - `reviewBody`: the claim's note, which explains the verdict, when it has one.
//! - `citation`: the claim's evidence, in order, each a `CreativeWork` with its `url`, its
//!   title as `name`, its `publisher` and `datePublished` when known, and the archived copy as
//!   `archivedAt`. An item without a URL (a local snapshot only) cannot be cited publicly and
//!   is left out, with advice.
//! - `itemReviewed`, a `Claim`:
//!   - `author`: the claimant, else the speaker of the quote the claim sits in. If an entity
//!     annotation has the same name, its kind picks `Person` or `Organization` and its
//!     identifier becomes `sameAs` (a QID as its Wikidata page); otherwise `Person`.
//!   - `datePublished`: the nearest date annotation (with a value) before the claim in the same
//!     paragraph, else the first dated annotation of the document if it is a full date before
//!     the claim and inside no claim or quote (a dateline). Dates inside the claim or inside
//!     its quote are what the claim is about, not when it was made, and are never used.
//!     Failing those, the article's publication date from the page's metadata (HTML
//!     documents), since the claim was public by then.
//!   - `appearance`: a `CreativeWork` with the article's URL (`--article-url`, else the
//!     page's canonical URL), its `headline`, `author` (byline) and `datePublished` where the
//!     page gives them, and, as `text`, the quote the claim sits in.
//!
//! Missing recommended fields are reported as advice, never invented. A claim whose text
//! changed since it was rated (changed in the current text, or accepted and awaiting a new
//! rating) is exported with its verdict and a warning.

use chrono::NaiveDate;
use serde::Serialize;

use super::ClaimReviewOptions;
use super::error::FormatError;
use super::export_doc::ExportDoc;
use super::labels::identifier_url;
use super::warning::{ExportWarning, WarningKind};
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{Annotation, EntityKind, Tag, Verdict};
use crate::core::corrections::needs_recheck;

/// Google's advice on the length of `claimReviewed`.
const ADVISED_CHARS: usize = 75;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Party>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    claim_reviewed: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    review_body: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citation: Vec<Citation>,
    item_reviewed: Claim,
    review_rating: Rating,
    /// The document it comes from (not written).
    #[serde(skip)]
    source: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Claim {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Party>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    appearance: Option<Appearance>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Party {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Appearance {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Party>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

/// A source of the review (schema.org `citation`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Citation {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Party>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived_at: Option<String>,
}

/// The citations of a claim's evidence; items without a URL are reported.
fn citations(a: &Annotation, advise: &mut dyn FnMut(WarningKind, String)) -> Vec<Citation> {
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for e in &a.evidence {
        let Some(url) = some(&e.url) else {
            advise(
                WarningKind::Advice,
                format!(
                    "evidence {:?} has no URL, so it is not cited (a local snapshot cannot be)",
                    e.label()
                ),
            );
            continue;
        };
        out.push(Citation {
            kind: "CreativeWork",
            url,
            name: some(&e.title),
            publisher: some(&e.publisher).map(|name| Party {
                kind: "Organization",
                name,
                url: None,
                same_as: None,
            }),
            date_published: e.published.as_ref().map(|d| d.as_str().to_owned()),
            archived_at: some(&e.archived),
        });
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating_value: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    best_rating: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    worst_rating: Option<u8>,
    alternate_name: &'static str,
}

/// Why a fact-check's publication date (`--date-published`) was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written as four digits, two and two, joined by hyphens.
    #[error("{0:?} is not a date written YYYY-MM-DD (for example 2026-11-27)")]
    Shape(String),
    /// The shape is right but there is no such day.
    #[error("{0:?} is not a day of the calendar; write the date as YYYY-MM-DD")]
    NoSuchDay(String),
}

/// Reads a fact-check's publication date: exactly `YYYY-MM-DD`, a real calendar day.
pub fn parse_date_published(s: &str) -> Result<NaiveDate, DateError> {
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(DateError::Shape(s.to_owned()));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| DateError::NoSuchDay(s.to_owned()))
}

/// The display name and 1–5 value of a verdict (`None` for unrated).
pub fn rating(v: Verdict) -> Option<(&'static str, Option<u8>)> {
    Some(match v {
        Verdict::Unrated => return None,
        Verdict::False => ("False", Some(1)),
        Verdict::MostlyFalse => ("Mostly false", Some(2)),
        Verdict::Mixed => ("Mixed", Some(3)),
        Verdict::MostlyTrue => ("Mostly true", Some(4)),
        Verdict::True => ("True", Some(5)),
        Verdict::Unverifiable => ("Unverifiable", None),
    })
}

/// The ClaimReviews of every rated claim of `docs`, as a pretty JSON array.
pub fn export(
    docs: &[ExportDoc],
    options: &ClaimReviewOptions,
    warnings: &mut Vec<ExportWarning>,
) -> Result<String, FormatError> {
    let mut reviews = Vec::new();
    for doc in docs {
        let all: Vec<&Annotation> = doc.annotations.iter().map(|p| &p.annotation).collect();
        let entities = entity_names(&all);
        let dates: Vec<&Annotation> = all
            .iter()
            .copied()
            .filter(|a| matches!(a.tag, Tag::Date { value: Some(_) }))
            .collect();
        for (a, p) in all.iter().zip(&doc.annotations) {
            let Tag::Claim { verdict, .. } = &a.tag else {
                continue;
            };
            let Some((name, value)) = rating(*verdict) else {
                warnings.push(ExportWarning::about(
                    &doc.path,
                    a,
                    WarningKind::Skipped,
                    "no ClaimReview: the claim has no verdict yet".to_owned(),
                ));
                continue;
            };
            let mut advise = |kind: WarningKind, message: String| {
                warnings.push(ExportWarning::about(&doc.path, a, kind, message));
            };
            if p.status == AnchorStatus::Changed {
                advise(
                    WarningKind::Advice,
                    "the claim's text changed in the document since it was rated (a correction); review the change and rate it again before publishing".to_owned(),
                );
            } else if matches!(
                p.status,
                AnchorStatus::Orphaned | AnchorStatus::Ambiguous | AnchorStatus::Fuzzy
            ) {
                advise(
                    WarningKind::Advice,
                    format!(
                        "the claim's text is not where it was in the document ({}: deleted, reworded or repeated since it was rated); check the article still makes this claim before publishing",
                        p.status.as_str()
                    ),
                );
            } else if needs_recheck(a) {
                advise(
                    WarningKind::Advice,
                    "the claim's text changed since it was rated and it awaits a new rating (review: needs work); the verdict exported is the old one".to_owned(),
                );
            }
            let claim_reviewed = a.exact.split_whitespace().collect::<Vec<_>>().join(" ");
            let length = claim_reviewed.chars().count();
            if length > ADVISED_CHARS {
                advise(
                    WarningKind::Advice,
                    format!(
                        "claimReviewed is {length} characters; Google advises under {ADVISED_CHARS} (a summary reads better in results)"
                    ),
                );
            }
            let quote = enclosing_quote(&all, a);
            let claimant = claimant(a, quote);
            if claimant.is_none() {
                advise(
                    WarningKind::Advice,
                    "itemReviewed.author (recommended): the claim has no claimant and sits in no quote with a speaker".to_owned(),
                );
            }
            let date = date_published(doc, &dates, &all, a, quote);
            if date.is_none() {
                advise(
                    WarningKind::Advice,
                    "itemReviewed.datePublished (recommended): no date annotation before the claim in its paragraph, no dateline, and no publication date in the page".to_owned(),
                );
            }
            let citation = citations(a, &mut advise);
            reviews.push(ClaimReview {
                context: "https://schema.org",
                kind: "ClaimReview",
                url: options.url.clone(),
                author: options.publisher.clone().map(|name| Party {
                    kind: "Organization",
                    name,
                    url: options.publisher_url.clone(),
                    same_as: None,
                }),
                date_published: options
                    .date_published
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                claim_reviewed,
                review_body: Some(a.note.trim())
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned),
                citation,
                item_reviewed: Claim {
                    kind: "Claim",
                    author: claimant.map(|name| party_for(&entities, name)),
                    date_published: date,
                    appearance: doc.url.clone().map(|url| Appearance {
                        kind: "CreativeWork",
                        url,
                        headline: doc.metadata.title.clone(),
                        author: doc.metadata.byline.clone().map(|name| Party {
                            kind: "Person",
                            name,
                            url: None,
                            same_as: None,
                        }),
                        date_published: doc.metadata.published.clone(),
                        text: quote.map(|q| q.exact.clone()),
                    }),
                },
                review_rating: Rating {
                    kind: "Rating",
                    rating_value: value,
                    best_rating: value.map(|_| 5),
                    worst_rating: value.map(|_| 1),
                    alternate_name: name,
                },
                source: doc.path.clone(),
            });
        }
    }
    fields_missing(docs, options, &reviews, warnings);
    let mut s = serde_json::to_string_pretty(&reviews)?;
    s.push('\n');
    Ok(s)
}

/// One warning per missing field that the options (not the annotations) provide.
fn fields_missing(
    docs: &[ExportDoc],
    options: &ClaimReviewOptions,
    reviews: &[ClaimReview],
    warnings: &mut Vec<ExportWarning>,
) {
    if reviews.is_empty() {
        return;
    }
    let all = docs
        .iter()
        .map(|d| d.path.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let n = reviews.len();
    let mut warn = |document: &str, kind, message: String| {
        warnings.push(ExportWarning::document(document, kind, message));
    };
    match &options.url {
        None => warn(
            &all,
            WarningKind::Incomplete,
            format!(
                "url, required by Google, is missing from all {n} ClaimReviews: give the fact-check's URL with --url"
            ),
        ),
        Some(url) if n > 1 => warn(
            &all,
            WarningKind::Advice,
            format!(
                "{n} ClaimReviews share the url {url}; Google shows the fact-check rich result only for a page with a single ClaimReview"
            ),
        ),
        Some(_) => {}
    }
    if options.publisher.is_none() {
        warn(
            &all,
            WarningKind::Advice,
            "author, recommended, is missing: name the fact-checking organization with --publisher"
                .to_owned(),
        );
    }
    if options.date_published.is_none() {
        warn(
            &all,
            WarningKind::Advice,
            "datePublished, recommended by Google for a ClaimReview, is missing: give the date the fact-check was published with --date-published YYYY-MM-DD".to_owned(),
        );
    }
    for doc in docs.iter().filter(|d| d.url.is_none()) {
        let claims = reviews.iter().filter(|r| r.source == doc.path).count();
        if claims > 0 {
            warn(
                &doc.path,
                WarningKind::Advice,
                format!(
                    "itemReviewed.appearance, recommended, is missing from its {claims} ClaimReviews: give the article's URL with --article-url"
                ),
            );
        }
    }
}

/// The innermost quote annotation containing the claim.
fn enclosing_quote<'a>(all: &[&'a Annotation], claim: &Annotation) -> Option<&'a Annotation> {
    all.iter()
        .copied()
        .filter(|q| {
            matches!(q.tag, Tag::Quote { .. }) && q.start <= claim.start && claim.end <= q.end
        })
        .min_by_key(|q| (q.end - q.start, q.start))
}

/// The claimant, else the speaker of the enclosing quote.
fn claimant<'a>(claim: &'a Annotation, quote: Option<&'a Annotation>) -> Option<&'a str> {
    let from_claim = match &claim.tag {
        Tag::Claim { claimant, .. } => claimant.as_deref(),
        _ => None,
    };
    let from_quote = quote.and_then(|q| match &q.tag {
        Tag::Quote { speaker } => speaker.as_deref(),
        _ => None,
    });
    from_claim
        .or(from_quote)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Lowercase with runs of whitespace as one space, to compare names.
fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The entity annotations of a document by name: (name key, kind, identifier), in order.
fn entity_names<'a>(all: &[&'a Annotation]) -> Vec<(String, EntityKind, Option<&'a str>)> {
    all.iter()
        .filter_map(|a| match &a.tag {
            Tag::Entity { kind, identifier } => {
                Some((name_key(&a.exact), *kind, identifier.as_deref()))
            }
            _ => None,
        })
        .collect()
}

/// The claim's author: typed and linked by the first entity annotation of the same name.
fn party_for(entities: &[(String, EntityKind, Option<&str>)], name: &str) -> Party {
    let want = name_key(name);
    let entity = entities.iter().find(|(key, _, _)| *key == want);
    let kind = match entity {
        Some((_, EntityKind::Organization, _)) => "Organization",
        _ => "Person",
    };
    Party {
        kind,
        name: name.to_owned(),
        url: None,
        same_as: entity.and_then(|(_, _, id)| id.and_then(identifier_url)),
    }
}

/// When the claim was made, from the date annotations around it (see the module doc).
fn date_published(
    doc: &ExportDoc,
    dates: &[&Annotation],
    all: &[&Annotation],
    claim: &Annotation,
    quote: Option<&Annotation>,
) -> Option<String> {
    let outside = |d: &Annotation| {
        let inside = |c: &Annotation| c.start <= d.start && d.end <= c.end;
        !inside(claim) && !quote.is_some_and(inside)
    };
    let dated: Vec<(&Annotation, String)> = dates
        .iter()
        .filter_map(|a| match &a.tag {
            Tag::Date { value: Some(v) } if outside(a) && a.end <= claim.start => {
                Some((*a, v.to_string()))
            }
            _ => None,
        })
        .collect();
    let paragraph = doc.text.paragraph_at(claim.start);
    let same_paragraph = dated
        .iter()
        .filter(|(d, _)| doc.text.paragraph_at(d.start) == paragraph)
        .max_by_key(|(d, _)| (d.end, d.start));
    if let Some((_, v)) = same_paragraph {
        return Some(v.clone());
    }
    // A date inside another claim or quote is what that one is about, never a dateline.
    let in_a_statement = |d: &Annotation| {
        all.iter().any(|o| {
            o.id != d.id
                && matches!(o.tag, Tag::Claim { .. } | Tag::Quote { .. })
                && o.start <= d.start
                && d.end <= o.end
        })
    };
    let dateline = dates.first().and_then(|first| {
        dated
            .iter()
            .find(|(d, v)| d.id == first.id && v.len() == 10 && !in_a_statement(d))
            .map(|(_, v)| v.clone())
    });
    dateline.or_else(|| doc.metadata.published_date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_are_strict() {
        assert_eq!(
            parse_date_published("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        for bad in [
            "2026-2-28",
            "26-02-28",
            "2026/02/28",
            "+2026-02-2",
            " 2026-02-28",
            "",
        ] {
            assert!(
                matches!(parse_date_published(bad), Err(DateError::Shape(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            parse_date_published("2026-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
    }
}
