//! `factmark export`: the annotations of documents and folders in another tool's format
//! (the formats themselves live in `crate::formats`).

use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser as _};

use super::{Outcome, discover, print_out};
use crate::formats::{
    ClaimReviewOptions, ConllLayout, ExportContent, ExportDoc, ExportFormat, ExportOptions,
    OffsetUnit, file_uri,
};
use crate::store::Session;
use crate::store::output::{
    FolderFile, OutputRules, Written, write_folder, write_output, write_with_companions,
};

/// Arguments of `factmark export`.
#[derive(Debug, Args)]
#[command(after_help = "Formats:\n  \
w3c          W3C Web Annotation AnnotationCollection (JSON-LD), quote and position selectors\n  \
brat         a brat folder: NAME.txt + NAME.ann per document, and annotation.conf (needs -o FOLDER)\n  \
csv          one row per annotation, every attribute; RFC 4180, formula-safe for spreadsheets; \
links and evidence in OUT.links.csv and OUT.evidence.csv beside -o OUT.csv\n  \
jsonl        one JSON object per annotation per line (DuckDB, Spark, pandas)\n  \
doccano      doccano sequence labelling: {\"text\", \"label\": [[start, end, LABEL]]} per document\n  \
spacy        spaCy/Prodigy spans JSONL with tokens, per document\n  \
conll        token<TAB>IOB2 tag, blank line between sentences (--per-tag: a column per tag)\n  \
claimreview  schema.org ClaimReview JSON-LD for every rated claim (--url, --publisher, \
--date-published); the claim's note is the reviewBody\n  \
html         a self-contained, script-free report with highlights, notes and a table of claims\n\n\
Offsets are Unicode code points of the normalized text (BOM removed, CRLF and CR as LF), end \
exclusive, except w3c with --offsets utf16. Annotations that are not anchored in the current \
text are left out of offset-based formats and reported. Warnings go to stderr; the exit code \
is 1 when something was left out or a required field is missing.\n\n\
Examples:\n  factmark export sample-docs --format csv -o annotations.csv\n  \
factmark export article.txt --format brat -o brat-collection/\n  \
factmark export article.txt --format claimreview --url https://checks.example/a1 \
--publisher \"Example Fact Check\" --date-published 2026-11-27 --article-url https://news.example/story")]
pub struct ExportArgs {
    /// Documents, sidecars or folders (searched recursively for documents with sidecars).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The format (see the list below).
    #[arg(long, value_parser = PossibleValuesParser::new(ExportFormat::ALL.iter().map(|f| f.as_str()))
        .try_map(|s| s.parse::<ExportFormat>()))]
    pub format: ExportFormat,
    /// Write to this file (for brat: this folder, created if missing) instead of stdout. An
    /// existing file is replaced only with --force; a document or sidecar never; a link is
    /// followed; a FIFO or device (/dev/stdout, /dev/null) is written through; - is stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// w3c: count offsets in code points (the W3C spec) or in UTF-16 units (Hypothesis and
    /// other JavaScript tools).
    #[arg(long, default_value = "codepoints", value_parser = PossibleValuesParser::new(["codepoints", "utf16"])
        .map(|s| if s == "utf16" { OffsetUnit::Utf16 } else { OffsetUnit::CodePoints }))]
    pub offsets: OffsetUnit,
    /// conll: one IOB2 column per tag (claim, quote, date, entity) instead of one column with
    /// the innermost span.
    #[arg(long)]
    pub per_tag: bool,
    /// csv: start the file with a UTF-8 byte order mark, so Excel reads accents correctly.
    #[arg(long)]
    pub bom: bool,
    /// claimreview: the URL of the published fact-check (required by Google).
    #[arg(long)]
    pub url: Option<String>,
    /// claimreview: the name of the fact-checking organization.
    #[arg(long, allow_hyphen_values = true)]
    pub publisher: Option<String>,
    /// claimreview: the fact-checking organization's home page.
    #[arg(long)]
    pub publisher_url: Option<String>,
    /// claimreview: the public URL of the article (only with one document); for an HTML page
    /// the default is its canonical URL.
    #[arg(long)]
    pub article_url: Option<String>,
    /// claimreview: when the fact-check was published, YYYY-MM-DD (recommended by Google;
    /// without it a warning says so and none is made up).
    #[arg(long, value_name = "DATE", value_parser = crate::formats::claimreview::parse_date_published)]
    pub date_published: Option<chrono::NaiveDate>,
    /// Replace the -o file if it exists (for brat: files in the folder that differ from the
    /// export). A document or sidecar is never replaced, nor a read-only file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ExportArgs) -> anyhow::Result<Outcome> {
    check_flags(&args)?;
    let paths = discover::documents(&args.paths)?;
    if args.article_url.is_some() && paths.len() != 1 {
        bail!(
            "--article-url names one article, but {} documents were given",
            paths.len()
        );
    }
    let mut docs = Vec::with_capacity(paths.len());
    let mut snapshots: Vec<(PathBuf, Vec<crate::core::annotation::Annotation>)> = Vec::new();
    for path in &paths {
        let session = Session::open(path)?;
        snapshots.push((
            session.sidecar_path.clone(),
            session.annotations.as_slice().to_vec(),
        ));
        let metadata = session.metadata().cloned().unwrap_or_default();
        let doc = ExportDoc::new(path, session.text, session.annotations.as_slice())
            .with_corrections(session.corrections)
            .with_uri(absolute_uri(path))
            .with_url(args.article_url.clone())
            .with_metadata(metadata)
            .with_pages(session.pages);
        docs.push(doc);
    }
    let options = ExportOptions {
        offsets: args.offsets,
        conll_layout: if args.per_tag {
            ConllLayout::PerTag
        } else {
            ConllLayout::Innermost
        },
        csv_bom: args.bom,
        claim_review: ClaimReviewOptions {
            url: args.url.clone(),
            publisher: args.publisher.clone(),
            publisher_url: args.publisher_url.clone(),
            date_published: args.date_published,
        },
    };
    let output = crate::formats::export(args.format, &docs, &options)?;
    for w in &output.warnings {
        eprintln!("factmark: warning: {w}");
    }
    let count = output.exported;
    let mut rules =
        OutputRules::protecting(paths.iter().map(PathBuf::as_path), []).replacing(args.force);
    for (sidecar, annotations) in &snapshots {
        rules = rules.keeping_snapshots(sidecar, annotations);
    }
    let companions: Vec<FolderFile> = output
        .companions
        .iter()
        .map(|f| FolderFile {
            name: &f.name,
            contents: f.contents.as_bytes(),
        })
        .collect();
    let mut left_out = false;
    match (&output.content, &args.output) {
        (ExportContent::Single(s), None) if companions.is_empty() => print_out(s)?,
        (ExportContent::Single(s), Some(out)) if companions.is_empty() => {
            let written = write_output(out, s.as_bytes(), &rules)?;
            if written != Written::Stdout {
                summary(count, docs.len(), args.format, &through(out, &written));
            }
        }
        (ExportContent::Single(s), out) => {
            let out = out.clone().unwrap_or_else(|| PathBuf::from("-"));
            let ext = args.format.extension().unwrap_or_default();
            let (written, unwritten) =
                write_with_companions(&out, ext, s.as_bytes(), &companions, &rules)?;
            for f in &unwritten {
                left_out = true;
                eprintln!(
                    "factmark: warning: the {} file (NAME.{}) is not written to standard output: give -o FILE.{ext} to write it beside FILE",
                    f.name.trim_end_matches(&format!(".{ext}")),
                    f.name
                );
            }
            if written != Written::Stdout {
                summary(count, docs.len(), args.format, &through(&out, &written));
            }
        }
        (ExportContent::Files(_), None) => {
            bail!(
                "{} writes a folder of files; give one with -o FOLDER",
                args.format
            )
        }
        (ExportContent::Files(files), Some(out)) => {
            let files: Vec<FolderFile> = files
                .iter()
                .map(|f| FolderFile {
                    name: &f.name,
                    contents: f.contents.as_bytes(),
                })
                .collect();
            write_folder(out, &files, &rules)?;
            summary(count, docs.len(), args.format, out);
        }
    }
    Ok(if output.has_problems() || left_out {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

/// Refuses format-specific flags given with another format.
fn check_flags(args: &ExportArgs) -> anyhow::Result<()> {
    let only = |flag: &str, given: bool, format: ExportFormat| -> anyhow::Result<()> {
        if given && args.format != format {
            bail!(
                "--{flag} applies only to --format {format}, not to --format {}",
                args.format
            );
        }
        Ok(())
    };
    only(
        "offsets utf16",
        args.offsets == OffsetUnit::Utf16,
        ExportFormat::W3c,
    )?;
    only("per-tag", args.per_tag, ExportFormat::Conll)?;
    only("bom", args.bom, ExportFormat::Csv)?;
    only("url", args.url.is_some(), ExportFormat::ClaimReview)?;
    only(
        "publisher",
        args.publisher.is_some(),
        ExportFormat::ClaimReview,
    )?;
    only(
        "publisher-url",
        args.publisher_url.is_some(),
        ExportFormat::ClaimReview,
    )?;
    only(
        "article-url",
        args.article_url.is_some(),
        ExportFormat::ClaimReview,
    )?;
    only(
        "date-published",
        args.date_published.is_some(),
        ExportFormat::ClaimReview,
    )?;
    Ok(())
}

/// The `file:` URI of a document's absolute path.
fn absolute_uri(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let s = abs.to_string_lossy();
    // Windows verbatim paths (\\?\C:\…) are plain drive paths for a URI.
    let plain = s
        .strip_prefix(r"\\?\")
        .map(PathBuf::from)
        .unwrap_or(abs.clone());
    file_uri(&plain)
}

/// Where an export went, as said to the user: the path given, and the file it named when it
/// was a link (so a file written through a link is never a surprise).
fn through(given: &Path, written: &Written) -> PathBuf {
    match written {
        Written::File(file) if file != given && !file.ends_with(given) => PathBuf::from(format!(
            "{} (the file {} it links to)",
            given.display(),
            file.display()
        )),
        _ => given.to_owned(),
    }
}

fn summary(annotations: usize, documents: usize, format: ExportFormat, out: &Path) {
    eprintln!(
        "factmark: exported {annotations} annotation{} of {documents} document{} as {format} to {}",
        if annotations == 1 { "" } else { "s" },
        if documents == 1 { "" } else { "s" },
        out.display()
    );
}
