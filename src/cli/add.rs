//! `factmark add`: annotate text found by a loose search or given as a span, then save.

use std::path::PathBuf;

use anyhow::{Context as _, bail};
use clap::Args;

use super::{Outcome, print_out};
use crate::core::annotation::{Annotation, DateValue, EntityKind, Tag, TagKind, Verdict};
use crate::core::edit::Command;
use crate::core::search;
use crate::core::text::Text;
use crate::store::Session;

/// Arguments of `factmark add`.
#[derive(Debug, Args)]
#[command(
    group = clap::ArgGroup::new("target").required(true).args(["text", "span"]),
    after_help = "Examples:\n  factmark add article.txt --tag claim --text \"unemployment fell to 3.7 percent\" --verdict mostly-true\n  factmark add article.txt --tag date --text \"3 May 2024\"          (the date value is read from the text)\n  factmark add article.txt --tag entity --text \"Amélie Dufrêne\" --all --kind person\n  factmark add article.txt --tag quote --span 120:188 --speaker \"J. Núñez\"\n\n\
A space in --text matches any run of whitespace (spaces, no-break spaces, newlines). \
Spans are START:END in Unicode code points of the normalized text, end exclusive. \
Free-text values (--text, --note, --claimant, --speaker, --identifier, --author) may begin \
with a hyphen: --note -2 is the note \"-2\"."
)]
pub struct AddArgs {
    /// The document to annotate.
    pub doc: PathBuf,
    /// The tag: claim, quote, date or entity.
    #[arg(long)]
    pub tag: TagKind,
    /// The text to annotate (whitespace is matched loosely).
    #[arg(long, allow_hyphen_values = true)]
    pub text: Option<String>,
    /// Which occurrence of --text to annotate, counting from 1.
    #[arg(long, requires = "text", conflicts_with = "all")]
    pub occurrence: Option<usize>,
    /// Annotate every occurrence of --text.
    #[arg(long, requires = "text")]
    pub all: bool,
    /// The span START:END, in code points, end exclusive.
    #[arg(long, value_parser = parse_span)]
    pub span: Option<(usize, usize)>,
    /// A note.
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Claims: unrated, true, mostly-true, mixed, mostly-false, false or unverifiable.
    #[arg(long)]
    pub verdict: Option<Verdict>,
    /// Claims: who made the claim.
    #[arg(long, allow_hyphen_values = true)]
    pub claimant: Option<String>,
    /// Quotes: who is quoted.
    #[arg(long, allow_hyphen_values = true)]
    pub speaker: Option<String>,
    /// Dates: the normalized value, YYYY, YYYY-MM or YYYY-MM-DD (read from the text if omitted).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<DateValue>,
    /// Entities: person, organization, place or other.
    #[arg(long)]
    pub kind: Option<EntityKind>,
    /// Entities: a Wikidata QID or URL.
    #[arg(long, allow_hyphen_values = true)]
    pub identifier: Option<String>,
    /// The author (default: the user name from the environment).
    #[arg(long, allow_hyphen_values = true)]
    pub author: Option<String>,
}

fn parse_span(s: &str) -> Result<(usize, usize), String> {
    let (a, b) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?} is not a span; write START:END, for example 10:25"))?;
    let num = |x: &str| {
        x.trim()
            .parse::<usize>()
            .map_err(|_| format!("{x:?} in {s:?} is not a non-negative whole number"))
    };
    Ok((num(a)?, num(b)?))
}

fn parse_date(s: &str) -> Result<DateValue, String> {
    DateValue::parse(s).map_err(|e| e.to_string())
}

pub fn run(args: AddArgs) -> anyhow::Result<Outcome> {
    let tag = build_tag(&args)?;
    let mut session = Session::open(&args.doc)?;
    let spans = match (&args.text, args.span) {
        (Some(needle), _) => pick(&session.text, needle, args.occurrence, args.all)
            .with_context(|| format!("{}", args.doc.display()))?,
        (None, Some(span)) => vec![span],
        (None, None) => bail!("give --text or --span"),
    };
    let author = args
        .author
        .clone()
        .unwrap_or_else(crate::store::default_author);
    let now = chrono::Utc::now().trunc_subsecs_0();
    let mut commands = Vec::new();
    let mut ids = Vec::new();
    for (start, end) in spans {
        // A span already tagged so is not tagged twice: its annotation's id is printed.
        if let Some(existing) = session.annotations.tagged_so(start, end, tag.kind()) {
            eprintln!(
                "factmark: note: {start}:{end} of {} is already tagged {} ({}); not added again",
                args.doc.display(),
                existing.tag.kind().as_str(),
                existing.id
            );
            ids.push(existing.id);
            continue;
        }
        let tag = tag.clone().with_value_from(session.text.slice(start..end));
        let mut a = Annotation::new(&session.text, start, end, tag, &author, now)
            .with_context(|| format!("{}", args.doc.display()))?;
        a.note = args.note.clone().unwrap_or_default();
        ids.push(a.id);
        commands.push(Command::Add(a));
    }
    if !commands.is_empty() {
        super::apply_and_save(&mut session, commands, now)?;
    }
    let out: String = ids.iter().map(|id| format!("{id}\n")).collect();
    print_out(&out)?;
    Ok(Outcome::Ok)
}

trait TruncSubsecs {
    fn trunc_subsecs_0(self) -> Self;
}

impl TruncSubsecs for chrono::DateTime<chrono::Utc> {
    fn trunc_subsecs_0(self) -> Self {
        chrono::SubsecRound::trunc_subsecs(self, 0)
    }
}

/// The tag with the attributes given on the command line; refuses attributes of other tags.
fn build_tag(args: &AddArgs) -> anyhow::Result<Tag> {
    let given = |name: &str, present: bool, allowed: TagKind| -> anyhow::Result<()> {
        if present && args.tag != allowed {
            bail!(
                "--{name} applies only to --tag {allowed}, not to --tag {}",
                args.tag
            );
        }
        Ok(())
    };
    given("verdict", args.verdict.is_some(), TagKind::Claim)?;
    given("claimant", args.claimant.is_some(), TagKind::Claim)?;
    given("speaker", args.speaker.is_some(), TagKind::Quote)?;
    given("date", args.date.is_some(), TagKind::Date)?;
    given("kind", args.kind.is_some(), TagKind::Entity)?;
    given("identifier", args.identifier.is_some(), TagKind::Entity)?;
    Ok(match args.tag {
        TagKind::Claim => Tag::Claim {
            verdict: args.verdict.unwrap_or(Verdict::Unrated),
            claimant: args.claimant.clone(),
        },
        TagKind::Quote => Tag::Quote {
            speaker: args.speaker.clone(),
        },
        TagKind::Date => Tag::Date {
            value: args.date.clone(),
        },
        TagKind::Entity => Tag::Entity {
            kind: args.kind.unwrap_or(EntityKind::Other),
            identifier: args.identifier.clone(),
        },
    })
}

/// The spans of `needle` in `text` to annotate: the one occurrence, the chosen one, or all.
fn pick(
    text: &Text,
    needle: &str,
    occurrence: Option<usize>,
    all: bool,
) -> anyhow::Result<Vec<(usize, usize)>> {
    let found = find_loose(text, needle)?;
    let n = found.len();
    if n == 0 {
        bail!("the text {needle:?} is not in the document");
    }
    if all {
        return Ok(found);
    }
    match occurrence {
        Some(0) => bail!("--occurrence counts from 1"),
        Some(k) if k > n => bail!(
            "--occurrence {k} asked, but {needle:?} occurs only {n} time{}",
            if n == 1 { "" } else { "s" }
        ),
        Some(k) => Ok(vec![found[k - 1]]),
        None if n == 1 => Ok(found),
        None => {
            let places: Vec<String> = found
                .iter()
                .take(5)
                .map(|&(s, _)| {
                    let (line, col) = text.line_col(s);
                    format!("line {line}, column {col}")
                })
                .collect();
            bail!(
                "{needle:?} occurs {n} times ({}{}); choose one with --occurrence N or annotate all with --all",
                places.join("; "),
                if n > 5 { "; …" } else { "" }
            )
        }
    }
}

/// Every occurrence of `needle`, where a space matches any run of whitespace.
fn find_loose(text: &Text, needle: &str) -> anyhow::Result<Vec<(usize, usize)>> {
    search::find_loose(text, needle, false, usize::MAX).context("--text")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_needs_occurrence() {
        let t = Text::from_str_normalized("a cat, a cat");
        let err = pick(&t, "cat", None, false).unwrap_err().to_string();
        assert!(err.contains("--occurrence"), "{err}");
        assert_eq!(pick(&t, "cat", Some(2), false).unwrap(), vec![(9, 12)]);
        assert!(pick(&t, "dog", None, false).is_err());
    }
}
