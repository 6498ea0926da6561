//! `factmark suggest`: lists suggested dates, quotations and entity mentions of a document;
//! adds them only with `--accept KIND`, through the same undoable commands as the window.

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::SubsecRound as _;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::record::one_line;
use super::report_format::{ReportFormat, columns};
use super::{Outcome, print_out};
use crate::core::anchor::{AnchorStatus, apply_anchoring};
use crate::core::annotation::{Annotation, Tag, TagKind};
use crate::core::edit::Command;
use crate::core::suggest::{Suggestion, suggest};
use crate::store::Session;
use crate::store::sidecar::document_of_sidecar;

/// Arguments of `factmark suggest`.
#[derive(Debug, Args)]
#[command(
    after_help = "Suggests dates (\"3 May 2024\", \"May 3, 2024\", \"May 2021\", \"in 2019\", \
2024-05-03, 25/12/2023 when unambiguous, ranges such as 2019–2021 with their start date), \
quotations of 3 or more words between \"…\", “…” or «…» (marks included), and further \
mentions of entities already tagged in the document, and correction notices (\"Correction:\", \
\"Editor's note:\", \"An earlier version of this article …\") as claims. A suggestion that an \
annotation of the same tag already overlaps is left out. Nothing is added unless --accept is given; then the \
new ids are printed, one per line."
)]
pub struct SuggestArgs {
    /// The document (or its sidecar).
    pub doc: PathBuf,
    /// Output format of the list.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Add every suggestion of this kind (or all) and save; prints the new ids.
    #[arg(long, value_enum)]
    pub accept: Option<Accept>,
    /// The author of accepted annotations (default: the user name from the environment).
    #[arg(long, requires = "accept", allow_hyphen_values = true)]
    pub author: Option<String>,
}

/// Which suggestions `--accept` adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Accept {
    /// Dates.
    Date,
    /// Quotations.
    Quote,
    /// Entity mentions.
    Entity,
    /// Correction notices (suggested as claims).
    Claim,
    /// Everything suggested.
    All,
}

impl Accept {
    fn takes(self, kind: TagKind) -> bool {
        match self {
            Accept::Date => kind == TagKind::Date,
            Accept::Quote => kind == TagKind::Quote,
            Accept::Entity => kind == TagKind::Entity,
            Accept::Claim => kind == TagKind::Claim,
            Accept::All => true,
        }
    }
}

pub fn run(args: SuggestArgs) -> anyhow::Result<Outcome> {
    let doc = document_of_sidecar(&args.doc).unwrap_or_else(|| args.doc.clone());
    let mut session = Session::open(&doc)?;
    let current = current_annotations(&session);
    let suggestions = suggest(&session.text, &current);
    let Some(accept) = args.accept else {
        let out = match args.format {
            ReportFormat::Json => {
                let rows: Vec<SuggestionJson> =
                    suggestions.iter().map(SuggestionJson::new).collect();
                serde_json::to_string_pretty(&rows)? + "\n"
            }
            ReportFormat::Table => table(&suggestions),
        };
        print_out(&out)?;
        return Ok(Outcome::Ok);
    };
    let author = args.author.unwrap_or_else(crate::store::default_author);
    let now = chrono::Utc::now().trunc_subsecs(0);
    let mut ids = Vec::new();
    let mut commands = Vec::new();
    for s in suggestions.iter().filter(|s| accept.takes(s.kind())) {
        let a = s
            .to_annotation(&session.text, &author, now)
            .with_context(|| doc.display().to_string())?;
        ids.push(a.id);
        commands.push(Command::Add(a));
    }
    if commands.is_empty() {
        eprintln!("factmark: nothing to accept: no suggestion of that kind");
        return Ok(Outcome::Ok);
    }
    super::apply_and_save(&mut session, commands, now)?;
    print_out(&ids.iter().map(|id| format!("{id}\n")).collect::<String>())?;
    Ok(Outcome::Ok)
}

/// The annotations at their current places: when the document changed since the sidecar was
/// written, exact and moved ones take their new span, and changed or similar ones count where
/// their text now is, so nothing is suggested again on top of them (in memory only; nothing is
/// saved here). Those no longer found in the text (orphaned or ambiguous) are left out: their
/// old offsets cover other text now.
fn current_annotations(session: &Session) -> Vec<Annotation> {
    let mut items = session.annotations.as_slice().to_vec();
    if session.document_changed() {
        let mut placed = Vec::with_capacity(items.len());
        for (mut a, r) in items.into_iter().zip(session.anchor()) {
            if matches!(r.status, AnchorStatus::Orphaned | AnchorStatus::Ambiguous) {
                continue;
            }
            if matches!(r.status, AnchorStatus::Changed | AnchorStatus::Fuzzy)
                && r.start < r.end
                && r.end <= session.text.char_count()
            {
                (a.start, a.end) = (r.start, r.end);
            } else {
                apply_anchoring(&session.text, &mut a, &r);
            }
            placed.push(a);
        }
        items = placed;
    }
    items
}

/// One suggestion in JSON. Field names are part of the documented schema.
#[derive(Debug, Serialize)]
struct SuggestionJson {
    tag: &'static str,
    start: usize,
    end: usize,
    exact: String,
    date: Option<String>,
    kind: Option<&'static str>,
    identifier: Option<String>,
}

impl SuggestionJson {
    fn new(s: &Suggestion) -> Self {
        let (kind, identifier) = match &s.tag {
            Tag::Entity { kind, identifier } => (Some(kind.as_str()), identifier.clone()),
            _ => (None, None),
        };
        Self {
            tag: s.kind().as_str(),
            start: s.start,
            end: s.end,
            exact: s.exact.clone(),
            date: s.date().map(|d| d.to_string()),
            kind,
            identifier,
        }
    }
}

fn table(suggestions: &[Suggestion]) -> String {
    if suggestions.is_empty() {
        return "no suggestions\n".to_owned();
    }
    let mut rows = vec![["SPAN", "TAG", "VALUE", "TEXT"].map(str::to_owned).to_vec()];
    for s in suggestions {
        let value = match &s.tag {
            Tag::Date { value } => value.as_ref().map(|d| d.to_string()),
            Tag::Entity { kind, .. } => Some(kind.to_string()),
            _ => None,
        };
        rows.push(vec![
            format!("{}:{}", s.start, s.end),
            s.kind().to_string(),
            value.unwrap_or_default(),
            one_line(&s.exact, 64),
        ]);
    }
    let mut out = columns(&rows);
    out.push_str(&format!(
        "\n{} suggestions; add them with --accept date|quote|entity|claim|all\n",
        suggestions.len()
    ));
    out
}
