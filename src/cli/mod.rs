//! The command line: argument parsing, one file per subcommand, and exit codes. No egui here.

mod add;
mod agree;
mod check;
mod claims;
mod discover;
mod evidence;
mod export;
mod history;
mod import;
mod link;
mod list;
mod merge;
mod parallel;
mod prefix;
mod record;
mod relations;
mod report_format;
mod review;
mod stats;
mod suggest;
mod text;
mod unlink;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// factmark: annotate claims, quotes, dates and entities in articles.
#[derive(Debug, Parser)]
#[command(
    name = "factmark",
    version,
    about = "Annotate claims, quotes, dates and entities in articles; annotations live in a RON sidecar next to each document.",
    after_help = "Without a subcommand, factmark opens the annotator window (on DOC, if given).\n\n\
Exit codes:\n  0  success\n  1  ran, but found problems (for example annotations that are not exact)\n  2  bad input or error (a message on stderr says which file and why)"
)]
pub struct Cli {
    /// The document to open in the window.
    pub doc: Option<PathBuf>,
    /// A subcommand for scripts; without one the window opens.
    #[command(subcommand)]
    pub command: Option<Commands>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Add annotations to a document, found by text or by span; prints the new ids.
    Add(Box<add::AddArgs>),
    /// List annotations of documents and folders.
    List(list::ListArgs),
    /// Check that every annotation still sits on its text, that evidence snapshots are unchanged
    /// and that links point to annotations that exist; exit 1 if not.
    Check(check::CheckArgs),
    /// Print the corrections log: versions of the text seen, and what changed under each
    /// annotation and what was done.
    History(history::HistoryArgs),
    /// Count annotations per tag, verdict, author, review status, anchoring status and document.
    Stats(stats::StatsArgs),
    /// Set the review status of an annotation (accepted, rejected, needs-work, unreviewed).
    Review(review::ReviewArgs),
    /// Link one annotation to another (attributed-to, about, dated, same-claim, contradicts or
    /// a kind of your own); prints the link id.
    Link(link::LinkArgs),
    /// Remove a link, given its id or the two annotations it joins.
    Unlink(unlink::UnlinkArgs),
    /// Add evidence (a source, an archived copy, a snapshot) to a claim or quote, remove it,
    /// or list it.
    Evidence(Box<evidence::EvidenceArgs>),
    /// Compare two annotators' sidecars of one document: precision, recall, F1, Cohen's kappa.
    Agree(agree::AgreeArgs),
    /// Suggest dates, quotations and entity mentions; add them only with --accept.
    Suggest(suggest::SuggestArgs),
    /// Export annotations to another tool's format: w3c, brat, csv, jsonl, doccano, spacy,
    /// conll, claimreview or html.
    Export(Box<export::ExportArgs>),
    /// Import annotations from a brat, W3C or doccano file into a document.
    Import(import::ImportArgs),
    /// Print the exact text that offsets refer to (for HTML, the extracted article text).
    Text(text::TextArgs),
    /// Merge two versions of a sidecar with their common ancestor by annotation id (a git merge
    /// driver: `factmark merge %O %A %B`); exit 1 when conflicts were recorded.
    Merge(merge::MergeArgs),
    /// The same claim across documents: groups of claims that say the same thing (conflicting
    /// verdicts first), or with --match the rated claims closest to a text.
    Claims(claims::ClaimsArgs),
}

/// Output formats shared by several subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON document (stable schema, see the README).
    Json,
    /// RFC 4180 CSV with a header row.
    Csv,
}

/// How a subcommand ended, when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was fine.
    Ok,
    /// It ran, but found problems.
    Problems,
}

/// Runs a subcommand and maps its result to an exit code, printing any error once on stderr.
pub fn run(command: Commands) -> ExitCode {
    let result = match command {
        Commands::Add(a) => add::run(*a),
        Commands::List(a) => list::run(a),
        Commands::Check(a) => check::run(a),
        Commands::History(a) => history::run(a),
        Commands::Stats(a) => stats::run(a),
        Commands::Review(a) => review::run(a),
        Commands::Link(a) => link::run(a),
        Commands::Unlink(a) => unlink::run(a),
        Commands::Evidence(a) => evidence::run(*a),
        Commands::Agree(a) => agree::run(a),
        Commands::Suggest(a) => suggest::run(a),
        Commands::Export(a) => export::run(*a),
        Commands::Import(a) => import::run(a),
        Commands::Text(a) => text::run(a),
        Commands::Merge(a) => merge::run(a),
        Commands::Claims(a) => claims::run(a),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            eprintln!("factmark: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Applies `commands` to a document's annotations as one step and saves its sidecar.
fn apply_and_save(
    session: &mut crate::store::Session,
    commands: Vec<crate::core::edit::Command>,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    crate::core::edit::History::default().apply(
        &mut session.annotations,
        &session.text,
        &crate::core::edit::Command::Batch(commands),
        now,
    )?;
    session.save()?;
    Ok(())
}

/// Writes `s` to stdout; a closed pipe (`factmark list | head`) is not an error.
fn print_out(s: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
