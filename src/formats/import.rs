//! Importing annotations from another tool's file into one document: every format's parser
//! turns its file into [`Incoming`] spans, and [`import`] places them on the document's text.
//!
//! Offsets are never trusted blindly. Offsets in an unknown unit are read every way the
//! document allows ([`OffsetMap::readings`]: code points or UTF-16 units; line ends as one
//! char, as in the file, or all as CRLF; a BOM counted or not). The reading under which most
//! spans reproduce their quoted text is used; a span that fails under it is tried under the
//! others (a brat file can mix readings, brat#853), then its quote is searched for with its
//! context ([`crate::core::anchor`]). What still does not match is reported, never guessed.
//!
//! Every added span that is not where its offsets, read the file's way, put it is listed in
//! [`ImportReport::relocated`] with its old and new offsets, so the user can check each one.
//!
//! Importing is idempotent: a span whose (start, end, tag) or id is already in the document
//! is counted as already present and not added again.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::error::FormatError;
use super::offsets::{OffsetMap, Reading};
use super::{brat, doccano, w3c};
use crate::core::anchor::{AnchorStatus, anchor};
use crate::core::annotation::{Annotation, AnnotationId, Review, Tag, TagKind, check_span};
use crate::core::evidence::Evidence;
use crate::core::link::{Link, LinkId, LinkKind};
use crate::core::text::Text;

/// A format factmark imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// A brat `.ann` standoff file.
    Brat,
    /// W3C Web Annotation JSON-LD: an `AnnotationCollection`, `AnnotationPage`, one
    /// `Annotation`, or an array of them.
    W3c,
    /// doccano sequence-labelling JSONL.
    Doccano,
}

impl ImportFormat {
    /// Every format.
    pub const ALL: &'static [ImportFormat] =
        &[ImportFormat::Brat, ImportFormat::W3c, ImportFormat::Doccano];

    /// The stable CLI name (`--from`).
    pub fn as_str(self) -> &'static str {
        match self {
            ImportFormat::Brat => "brat",
            ImportFormat::W3c => "w3c",
            ImportFormat::Doccano => "doccano",
        }
    }
}

impl fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ImportFormat {
    type Err = FormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let want = s.trim().to_ascii_lowercase();
        ImportFormat::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == want)
            .ok_or_else(|| FormatError::UnknownFormat(s.to_owned()))
    }
}

/// The document annotations are imported into.
#[derive(Debug, Clone, Copy)]
pub struct ImportTarget<'a> {
    /// Its normalized text.
    pub text: &'a Text,
    /// The document file as decoded, before its BOM was stripped and its line ends
    /// normalized, so CRLF and BOM readings can be tried; `None` to try LF-only readings.
    pub file: Option<&'a str>,
    /// The document's file name, to pick its annotations from a file about several documents.
    pub file_name: &'a str,
    /// The annotations it already has.
    pub existing: &'a [Annotation],
}

/// Who and when, for imported annotations that do not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The author of annotations whose file names none.
    pub author: String,
    /// The time of annotations whose file gives none.
    pub now: DateTime<Utc>,
}

/// Something in the file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// What it is, in the file's own terms ("T3 (Claim 41 71)", "line 2, span 1").
    pub item: String,
    /// Why it was not imported.
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.reason)
    }
}

/// Why an imported span sits elsewhere than its file's offsets, read the file's way, say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Its offsets hold its text only when counted this way, unlike most spans of the file
    /// (a file that mixes readings, brat#853).
    OtherReading(Reading),
    /// Its offsets hold other text; its text was found, by its context, elsewhere.
    FoundByText,
}

/// A span added elsewhere than its file's offsets, read as most of the file's are, give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relocation {
    /// What it is in the file's own terms (a brat id, a doccano line and span, a W3C id).
    pub item: String,
    /// Its text, as added.
    pub quote: String,
    /// Its offsets as the file writes them (for fragments, the first start and the last end).
    pub from: (usize, usize),
    /// Where it was added: code points of the normalized text, end exclusive.
    pub to: (usize, usize),
    /// Why it is not where the offsets say.
    pub how: Moved,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    /// New annotations, in file order; the caller applies them as one command.
    pub added: Vec<Annotation>,
    /// Spans already in the document (same span and tag, or same id).
    pub already_present: usize,
    /// What could not be imported.
    pub skipped: Vec<Skipped>,
    /// Annotations the file holds about other documents (ignored, not an error).
    pub other_documents: usize,
    /// The offset reading that matched the most spans, if the file had offsets to read.
    pub reading: Option<Reading>,
    /// Spans that matched only under another reading than `reading`.
    pub other_reading: usize,
    /// Spans found by searching for their text: those whose offsets did not hold it, and
    /// those without offsets.
    pub found_by_quote: usize,
    /// Spans the file gives no offsets for, found by their text (also in `found_by_quote`).
    pub without_offsets: usize,
    /// Added spans that are not where their offsets, read as `reading` says, put them: each
    /// named, with its old and new offsets, in file order.
    pub relocated: Vec<Relocation>,
    /// Spans with offsets but no text to check them against, taken as `reading` says.
    pub unchecked: usize,
    /// Links starting from annotations already in the document, to add with
    /// [`crate::core::edit::Command::Link`] after [`Self::added`] (links starting from a new
    /// annotation are already in its `links`).
    pub links: Vec<(AnnotationId, Link)>,
    /// Links imported in all: on new annotations and in [`Self::links`].
    pub links_added: usize,
    /// Links already in the document (same kind and ends).
    pub links_present: usize,
}

/// Where an incoming span is, as its file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Positions {
    /// No offsets: the quote must be found.
    None,
    /// Fragments (start, end) in an unknown unit, to be read every way the document allows.
    /// Several fragments are a discontinuous span.
    Guess(Vec<(usize, usize)>),
    /// Offsets already in factmark's unit for this document's text.
    Known(usize, usize),
}

/// One span read from another tool's file.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// What it is, in the file's own terms, for reports.
    pub item: String,
    /// Where it is.
    pub positions: Positions,
    /// The text it should hold (fragments joined by one space), if the file says.
    pub quote: Option<String>,
    /// Text just before it, if the file says.
    pub prefix: Option<String>,
    /// Text just after it, if the file says.
    pub suffix: Option<String>,
    /// The tag and attributes.
    pub tag: Tag,
    /// The note.
    pub note: String,
    /// Who made it, if the file says.
    pub author: Option<String>,
    /// When it was made, if the file says.
    pub created: Option<DateTime<Utc>>,
    /// When it last changed, if the file says.
    pub modified: Option<DateTime<Utc>>,
    /// Its review.
    pub review: Review,
    /// Its factmark id, if the file carries one (a factmark export).
    pub id: Option<AnnotationId>,
    /// Its evidence, in order.
    pub evidence: Vec<Evidence>,
}

impl Incoming {
    /// A span with a tag and nothing else yet.
    pub fn new(item: String, positions: Positions, tag: Tag) -> Self {
        Self {
            item,
            positions,
            quote: None,
            prefix: None,
            suffix: None,
            tag,
            note: String::new(),
            author: None,
            created: None,
            modified: None,
            review: Review::default(),
            id: None,
            evidence: Vec::new(),
        }
    }
}

/// One end of an incoming link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// A span of the same file ([`Parsed::items`] index).
    Item(usize),
    /// An annotation the file names by its factmark id, not among its spans (it may already
    /// be in the document).
    Id(AnnotationId),
}

/// A link read from another tool's file.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingLink {
    /// What it is, in the file's own terms, for reports.
    pub item: String,
    /// The annotation it starts from.
    pub from: Endpoint,
    /// The annotation it points to.
    pub to: Endpoint,
    /// Its kind.
    pub kind: LinkKind,
    /// Its factmark id, if the file carries one.
    pub id: Option<LinkId>,
    /// Who made it, if the file says.
    pub author: Option<String>,
    /// When it was made, if the file says.
    pub created: Option<DateTime<Utc>>,
    /// Its note.
    pub note: String,
}

/// What a format's parser found in a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// Spans to place.
    pub items: Vec<Incoming>,
    /// What the parser already knows it cannot import (unknown labels, relations…).
    pub skipped: Vec<Skipped>,
    /// Annotations about other documents.
    pub other_documents: usize,
    /// Links between the spans (or to annotations named by id).
    pub links: Vec<IncomingLink>,
}

/// Reads `input` (a file of `format`) and works out which of its annotations to add to
/// `target`. Nothing is changed: the caller applies [`ImportReport::added`].
pub fn import(
    format: ImportFormat,
    input: &str,
    target: &ImportTarget<'_>,
    options: &ImportOptions,
) -> Result<ImportReport, FormatError> {
    let parsed = match format {
        ImportFormat::Brat => brat::parse(input)?,
        ImportFormat::W3c => w3c::parse(input, target.file_name)?,
        ImportFormat::Doccano => doccano::parse(input, target)?,
    };
    Ok(place(parsed, target, options))
}

/// Places parsed spans on the target text.
pub fn place(parsed: Parsed, target: &ImportTarget<'_>, options: &ImportOptions) -> ImportReport {
    let text = target.text;
    let map = match target.file {
        Some(file) => OffsetMap::with_file(text, file),
        None => OffsetMap::new(text),
    };
    let readings = map.readings();
    let best = best_reading(&parsed.items, text, &map, &readings);
    let mut report = ImportReport {
        skipped: parsed.skipped,
        other_documents: parsed.other_documents,
        reading: best,
        ..ImportReport::default()
    };
    let mut spans: HashMap<(usize, usize, TagKind), AnnotationId> = target
        .existing
        .iter()
        .map(|a| ((a.start, a.end, a.tag.kind()), a.id))
        .collect();
    let mut ids: HashSet<AnnotationId> = target.existing.iter().map(|a| a.id).collect();
    // The annotation each item became (added or already present), by item index.
    let mut resolved: Vec<Option<AnnotationId>> = Vec::with_capacity(parsed.items.len());

    for item in parsed.items {
        let (start, end, moved) = match locate(&item, text, &map, &readings, best, &mut report) {
            Ok(placed) => placed,
            Err(reason) => {
                report.skipped.push(Skipped {
                    item: item.item,
                    reason,
                });
                resolved.push(None);
                continue;
            }
        };
        let kind = item.tag.kind();
        let present = item
            .id
            .filter(|id| ids.contains(id))
            .or_else(|| spans.get(&(start, end, kind)).copied());
        if let Some(id) = present {
            report.already_present += 1;
            resolved.push(Some(id));
            continue;
        }
        match build(&item, text, start, end, options) {
            Ok(a) => {
                spans.insert((start, end, kind), a.id);
                ids.insert(a.id);
                resolved.push(Some(a.id));
                if let (Some(how), Some(from)) = (moved, written_offsets(&item.positions)) {
                    report.relocated.push(Relocation {
                        item: item.item.clone(),
                        quote: a.exact.clone(),
                        from,
                        to: (start, end),
                        how,
                    });
                }
                report.added.push(a);
            }
            Err(reason) => {
                resolved.push(None);
                report.skipped.push(Skipped {
                    item: item.item,
                    reason,
                });
            }
        }
    }
    super::import_links::place_links(parsed.links, &resolved, target, options, &mut report);
    report
}

/// The reading under which the most quoted spans hold their text (the earliest on a tie);
/// `None` when no span has offsets to read.
fn best_reading(
    items: &[Incoming],
    text: &Text,
    map: &OffsetMap,
    readings: &[Reading],
) -> Option<Reading> {
    let guessed: Vec<&Incoming> = items
        .iter()
        .filter(|i| matches!(i.positions, Positions::Guess(_)))
        .collect();
    if guessed.is_empty() {
        return None;
    }
    let mut best: Option<(usize, Reading)> = None;
    for &r in readings {
        let score = guessed
            .iter()
            .filter(|i| i.quote.is_some() && read(i, text, map, r).is_ok())
            .count();
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, r));
        }
    }
    best.map(|(_, r)| r)
}

/// The offsets an item's file gives, as written: (start, end), or the first fragment's start
/// and the last one's end.
fn written_offsets(positions: &Positions) -> Option<(usize, usize)> {
    match positions {
        Positions::None => None,
        Positions::Known(s, e) => Some((*s, *e)),
        Positions::Guess(fragments) => Some((fragments.first()?.0, fragments.last()?.1)),
    }
}

/// Where an item goes in the text (start, end, and why it is not where its offsets say, if it
/// is not), or why it cannot be placed.
fn locate(
    item: &Incoming,
    text: &Text,
    map: &OffsetMap,
    readings: &[Reading],
    best: Option<Reading>,
    report: &mut ImportReport,
) -> Result<(usize, usize, Option<Moved>), String> {
    let mut hint = None;
    match &item.positions {
        Positions::Known(s, e) => {
            let (s, e) = (*s, *e);
            if check_span(text, s, e).is_ok()
                && item.quote.as_deref().is_none_or(|q| text.slice(s..e) == q)
            {
                return Ok((s, e, None));
            }
            hint = Some((s, e));
        }
        Positions::Guess(_) => {
            let first = best.unwrap_or(Reading::CODE_POINTS);
            match read(item, text, map, first) {
                Ok((s, e)) => {
                    if item.quote.is_none() {
                        report.unchecked += 1;
                    }
                    return Ok((s, e, None));
                }
                Err(ReadError::Discontinuous(why)) => return Err(why),
                Err(ReadError::NoMatch(h)) => hint = h,
            }
            // Without a quote nothing can confirm another reading: only the first is taken.
            let others = if item.quote.is_some() { readings } else { &[] };
            for &r in others.iter().filter(|&&r| r != first) {
                if let Ok((s, e)) = read(item, text, map, r) {
                    report.other_reading += 1;
                    return Ok((s, e, Some(Moved::OtherReading(r))));
                }
            }
        }
        Positions::None => {}
    }
    let Some(quote) = item.quote.as_deref().filter(|q| !q.is_empty()) else {
        return Err(match hint {
            Some((s, e)) => format!(
                "the offsets {s}–{e} are not a span of the document and there is no text to search for"
            ),
            None => "it has neither offsets nor text to find it by".to_owned(),
        });
    };
    let (s, e) = find_quote(item, quote, text, hint)?;
    report.found_by_quote += 1;
    if item.positions == Positions::None {
        report.without_offsets += 1;
        return Ok((s, e, None));
    }
    Ok((s, e, Some(Moved::FoundByText)))
}

/// Why an item's offsets do not place it under one reading.
enum ReadError {
    /// The offsets are valid but do not hold the quote; the span they give, if any, is a hint
    /// for the search.
    NoMatch(Option<(usize, usize)>),
    /// The fragments are separated by more than whitespace.
    Discontinuous(String),
}

/// The span an item's guessed fragments give under `reading`, if they hold its quote.
fn read(
    item: &Incoming,
    text: &Text,
    map: &OffsetMap,
    reading: Reading,
) -> Result<(usize, usize), ReadError> {
    let Positions::Guess(fragments) = &item.positions else {
        return Err(ReadError::NoMatch(None));
    };
    let mut placed = Vec::with_capacity(fragments.len());
    for &(s, e) in fragments {
        match (map.from_unit(reading, s), map.from_unit(reading, e)) {
            (Some(s), Some(e)) if s < e => placed.push((s, e)),
            _ => return Err(ReadError::NoMatch(None)),
        }
    }
    let (Some(&(start, _)), Some(&(_, end))) = (placed.first(), placed.last()) else {
        return Err(ReadError::NoMatch(None));
    };
    if let Some(quote) = &item.quote {
        let joined: Vec<&str> = placed.iter().map(|&(s, e)| text.slice(s..e)).collect();
        if joined.join(" ") != *quote {
            return Err(ReadError::NoMatch(Some((start, end))));
        }
    }
    for pair in placed.windows(2) {
        let gap = text.slice(pair[0].1..pair[1].0);
        if pair[1].0 < pair[0].1 || !gap.chars().all(char::is_whitespace) {
            return Err(ReadError::Discontinuous(format!(
                "a discontinuous span ({}) cannot be imported: factmark spans are contiguous",
                fragments
                    .iter()
                    .map(|(s, e)| format!("{s}–{e}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            )));
        }
    }
    Ok((start, end))
}

/// Finds a quote in the text by its context, as re-anchoring does.
fn find_quote(
    item: &Incoming,
    quote: &str,
    text: &Text,
    hint: Option<(usize, usize)>,
) -> Result<(usize, usize), String> {
    // Anchoring looks at the stored offsets first: without a hint, offer the start of the text.
    let (start, end) = hint.unwrap_or((0, quote.chars().count()));
    let probe = Annotation {
        id: AnnotationId(uuid::Uuid::nil()),
        start,
        end,
        exact: quote.to_owned(),
        prefix: item.prefix.clone().unwrap_or_default(),
        suffix: item.suffix.clone().unwrap_or_default(),
        tag: item.tag.clone(),
        note: String::new(),
        author: String::new(),
        created: DateTime::<Utc>::UNIX_EPOCH,
        modified: DateTime::<Utc>::UNIX_EPOCH,
        review: Review::default(),
        links: Vec::new(),
        evidence: Vec::new(),
    };
    let found = anchor(text, &probe);
    let why_offsets = match hint {
        Some((s, e)) => format!("its offsets (read as {s}–{e}) do not hold its text"),
        None => "it has no usable offsets".to_owned(),
    };
    match found.status {
        AnchorStatus::Exact | AnchorStatus::Moved => Ok((found.start, found.end)),
        AnchorStatus::Ambiguous => Err(format!(
            "{why_offsets}, and its text {quote:?} occurs {} times with no context to tell which",
            found.candidates.len()
        )),
        AnchorStatus::Changed | AnchorStatus::Fuzzy | AnchorStatus::Orphaned => Err(format!(
            "{why_offsets}, and its text {quote:?} is not in the document"
        )),
    }
}

/// The new annotation for a placed item.
fn build(
    item: &Incoming,
    text: &Text,
    start: usize,
    end: usize,
    options: &ImportOptions,
) -> Result<Annotation, String> {
    let created = item.created.unwrap_or(options.now);
    let author = item
        .author
        .clone()
        .unwrap_or_else(|| options.author.clone());
    let tag = item.tag.clone().with_value_from(text.slice(start..end));
    let mut a =
        Annotation::new(text, start, end, tag, &author, created).map_err(|e| e.to_string())?;
    if let Some(id) = item.id {
        a.id = id;
    }
    a.modified = item.modified.unwrap_or(created).max(created);
    a.note = item.note.clone();
    a.review = item.review.clone();
    a.evidence = item.evidence.clone();
    Ok(a)
}
