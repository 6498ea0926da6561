//! `factmark import`: adds the annotations of another tool's file (brat, W3C, doccano) to a
//! document, checking every offset against the text, and saves them as one undoable change.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser as _};

use super::{Outcome, print_out};
use crate::core::edit::Command;
use crate::core::text::one_line;
use crate::formats::import::{ImportReport, Moved};
use crate::formats::{ImportFormat, ImportOptions, ImportTarget};
use crate::store::Session;
use crate::store::default_author;
use crate::store::read::{MAX_DOCUMENT_BYTES, read_limited};

/// Arguments of `factmark import`.
#[derive(Debug, Args)]
#[command(
    after_help = "FILE is a brat .ann file (its .txt is not needed), a W3C Web Annotation \
JSON-LD file (a collection, a page, one annotation or an array), or a doccano JSONL file.\n\n\
Offsets are checked against each span's text before they are trusted: code points and UTF-16 \
units, line ends counted as one or two characters, and a BOM counted or not are all tried, and \
the reading under which the spans hold their text is used; a span whose offsets fail is searched \
for by its text and context. Labels map to tags case-insensitively (claim, quote, date, entity, \
and person/per, organization/org, location/loc/gpe, misc, time…); unknown labels, events and \
spans that cannot be found are reported on stderr and not imported (exit code 1).\n\n\
A span added elsewhere than its offsets say is named on stderr: its place in the file (brat id, \
doccano line, W3C id), its text, and old offsets → new ones.\n\n\
Importing the same file twice adds nothing: a span whose start, end and tag (or id) are already \
in the document is skipped. The ids of the new annotations are printed, one per line. With \
--dry-run nothing is saved and no ids are made: each annotation that would be added is printed \
as `would add: TAG START:END \"text\"`."
)]
pub struct ImportArgs {
    /// The document to add annotations to.
    pub doc: PathBuf,
    /// The other tool's format: brat, w3c or doccano.
    #[arg(long, value_parser = PossibleValuesParser::new(ImportFormat::ALL.iter().map(|f| f.as_str()))
        .try_map(|s| s.parse::<ImportFormat>()))]
    pub from: ImportFormat,
    /// The file to import.
    pub file: PathBuf,
    /// The author of imported annotations whose file names none (default: the user name).
    #[arg(long, allow_hyphen_values = true)]
    pub author: Option<String>,
    /// Print what would be imported (`would add: TAG START:END "text"`) without saving
    /// anything.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: ImportArgs) -> anyhow::Result<Outcome> {
    let mut session = Session::open(&args.doc)?;
    let raw = read_limited(&args.doc, MAX_DOCUMENT_BYTES, "document")
        .ok()
        .and_then(|b| String::from_utf8(b).ok());
    let mut file = args.file.clone();
    if args.from == ImportFormat::Brat && file.extension().is_some_and(|e| e == "txt") {
        file.set_extension("ann");
    }
    // Only a regular file, within the document size limit (a FIFO is refused, never waited on).
    let input = read_limited(&file, MAX_DOCUMENT_BYTES, "file to import")?;
    let input = String::from_utf8(input)
        .with_context(|| format!("{}: cannot read it as UTF-8 text", file.display()))?;
    let file_name = session.file_name();
    let target = ImportTarget {
        text: &session.text,
        file: raw.as_deref(),
        file_name: &file_name,
        existing: session.annotations.as_slice(),
    };
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 0);
    let options = ImportOptions {
        author: args.author.clone().unwrap_or_else(default_author),
        now,
    };
    let report = crate::formats::import::import(args.from, &input, &target, &options)
        .with_context(|| format!("{}", file.display()))?;

    let doc = args.doc.display();
    tell(&report, &file.display().to_string());
    let verb = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    eprintln!(
        "factmark: {verb} {} annotation(s) into {doc}; {} already present; {} skipped{}{}",
        report.added.len(),
        report.already_present,
        report.skipped.len(),
        if report.links_added + report.links_present > 0 {
            format!(
                "; links: {} new, {} already present",
                report.links_added, report.links_present
            )
        } else {
            String::new()
        },
        if args.dry_run {
            "; dry run: nothing was saved"
        } else {
            ""
        }
    );
    if args.dry_run {
        // Nothing was created, so there are no ids: say what would be added.
        let would: String = report
            .added
            .iter()
            .map(|a| {
                format!(
                    "would add: {} {}:{} {:?}\n",
                    a.tag.kind(),
                    a.start,
                    a.end,
                    one_line(&a.exact, QUOTE_CHARS)
                )
            })
            .collect();
        print_out(&would)?;
    } else {
        if !report.added.is_empty() || !report.links.is_empty() {
            let links = report.links.iter().map(|(from, link)| Command::Link {
                from: *from,
                link: link.clone(),
            });
            let commands = report
                .added
                .iter()
                .cloned()
                .map(Command::Add)
                .chain(links)
                .collect();
            super::apply_and_save(&mut session, commands, now)?;
        }
        let ids: String = report.added.iter().map(|a| format!("{}\n", a.id)).collect();
        print_out(&ids)?;
    }
    Ok(if report.skipped.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// How much of a span's text messages show.
const QUOTE_CHARS: usize = 40;

/// What the import found on the way, on stderr: skipped items, the offset reading, each span
/// added elsewhere than its offsets say (named, old → new), and the counts worth knowing.
fn tell(report: &ImportReport, file: &str) {
    for s in &report.skipped {
        eprintln!("factmark: skipped: {file}: {s}");
    }
    let best = report.reading;
    if let Some(reading) = best
        && reading != crate::formats::offsets::Reading::CODE_POINTS
    {
        eprintln!("factmark: offsets read as {}", reading.describe());
    }
    for r in &report.relocated {
        let why = match r.how {
            Moved::OtherReading(reading) => format!(
                "its offsets hold its text only when read as {}{}",
                reading.describe(),
                best.map(|b| format!(", unlike the rest of the file ({})", b.describe()))
                    .unwrap_or_default()
            ),
            Moved::FoundByText => {
                "its offsets hold other text; found by its text and context".to_owned()
            }
        };
        eprintln!(
            "factmark: moved: {file}: {} {:?}: {}:{} → {}:{} ({why})",
            r.item,
            one_line(&r.quote, QUOTE_CHARS),
            r.from.0,
            r.from.1,
            r.to.0,
            r.to.1
        );
    }
    if report.without_offsets > 0 {
        eprintln!(
            "factmark: {} span(s) had no offsets in the file and were found by their text and context",
            report.without_offsets
        );
    }
    if report.unchecked > 0 {
        eprintln!(
            "factmark: {} span(s) had no text in the file to check their offsets against",
            report.unchecked
        );
    }
    if report.other_documents > 0 {
        eprintln!(
            "factmark: {} annotation(s) or line(s) in the file are about other documents; ignored",
            report.other_documents
        );
    }
}
