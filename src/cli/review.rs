//! `factmark review`: sets the review status of one annotation (by full id or a unique id
//! prefix) and saves the sidecar.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::SubsecRound as _;
use clap::Args;

use super::record::one_line;
use super::{Outcome, print_out};
use crate::core::annotation::{Annotation, AnnotationId, Review, ReviewStatus};
use crate::core::edit::{Command, History};
use crate::store::Session;
use crate::store::sidecar::document_of_sidecar;

/// The fewest hex digits of an id prefix.
const MIN_PREFIX: usize = 8;

/// Arguments of `factmark review`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  factmark review article.txt 3f6e0c2a --status accepted\n  factmark review article.txt 3f6e0c2a-8d5b-4c1e-9a7f-2b6d8e0f1a3c --status needs-work --comment \"source?\"\n\n\
ID is an annotation id as `factmark list` prints it, or its first 8 or more hex digits when \
they are unique in the document. The reviewer is --by, or the user name from the environment \
(FACTMARK_AUTHOR, then USER/USERNAME); the time is now, in UTC. Without --comment the existing \
comment is kept; --comment \"\" removes it. Prints the id. Exit code 2 for an unknown or \
ambiguous id."
)]
pub struct ReviewArgs {
    /// The document (or its sidecar).
    pub doc: PathBuf,
    /// The annotation id, or a unique prefix of at least 8 hex digits.
    pub id: String,
    /// accepted, rejected, needs-work or unreviewed.
    #[arg(long)]
    pub status: ReviewStatus,
    /// The reviewer's comment ("" removes it).
    #[arg(long, allow_hyphen_values = true)]
    pub comment: Option<String>,
    /// The reviewer (default: the user name from the environment).
    #[arg(long, allow_hyphen_values = true)]
    pub by: Option<String>,
}

pub fn run(args: ReviewArgs) -> anyhow::Result<Outcome> {
    let doc = document_path(&args.doc)?;
    let mut session = Session::open(&doc)?;
    let id = resolve_id(session.annotations.as_slice(), &args.id)
        .with_context(|| doc.display().to_string())?;
    let previous = session
        .annotations
        .get(id)
        .map(|a| a.review.comment.clone())
        .unwrap_or_default();
    let comment = match args.comment {
        Some(c) if c.trim().is_empty() => None,
        Some(c) => Some(c),
        None => previous,
    };
    let now = chrono::Utc::now().trunc_subsecs(0);
    let review = Review {
        status: args.status,
        by: Some(args.by.unwrap_or_else(crate::store::default_author)),
        at: Some(now),
        comment,
    };
    History::default().apply(
        &mut session.annotations,
        &session.text,
        &Command::SetReview(id, review),
        now,
    )?;
    session.save()?;
    print_out(&format!("{id}\n"))?;
    Ok(Outcome::Ok)
}

/// The document a DOC argument names: itself, or the document of a sidecar.
pub(super) fn document_path(path: &Path) -> anyhow::Result<PathBuf> {
    if path.is_dir() {
        bail!(
            "{} is a folder; give one document (or its sidecar)",
            path.display()
        );
    }
    Ok(document_of_sidecar(path).unwrap_or_else(|| path.to_owned()))
}

/// The id of the one annotation that `given` names: a full id, or a prefix of at least
/// [`MIN_PREFIX`] hex digits (hyphens ignored, any case) that only one id starts with.
pub fn resolve_id(annotations: &[Annotation], given: &str) -> anyhow::Result<AnnotationId> {
    let wanted = given.trim();
    if let Ok(id) = wanted.parse::<AnnotationId>() {
        if annotations.iter().any(|a| a.id == id) {
            return Ok(id);
        }
        bail!("no annotation has the id {id} ({})", how_many(annotations));
    }
    let hex: String = wanted
        .chars()
        .filter(|&c| c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if hex.len() < MIN_PREFIX || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        bail!(
            "{given:?} is not an annotation id; give the full id or at least its first \
             {MIN_PREFIX} hex digits (see `factmark list`)"
        );
    }
    let candidates: Vec<&Annotation> = annotations
        .iter()
        .filter(|a| a.id.0.simple().to_string().starts_with(&hex))
        .collect();
    match candidates.as_slice() {
        [] => bail!(
            "no annotation has an id starting with {given:?} ({})",
            how_many(annotations)
        ),
        [one] => Ok(one.id),
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|a| {
                    format!(
                        "  {}  {}:{}  {}  {}",
                        a.id,
                        a.start,
                        a.end,
                        a.tag.kind(),
                        one_line(&a.exact, 40)
                    )
                })
                .collect();
            bail!(
                "the id prefix {given:?} is ambiguous; {} annotations match; give more of the id:\n{}",
                many.len(),
                list.join("\n")
            )
        }
    }
}

fn how_many(annotations: &[Annotation]) -> String {
    match annotations.len() {
        0 => "the document has no annotations".to_owned(),
        1 => "the document has 1 annotation; see `factmark list`".to_owned(),
        n => format!("the document has {n} annotations; see `factmark list`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{Tag, TagKind};
    use crate::core::text::Text;

    fn ann(id: &str) -> Annotation {
        let t = Text::from_str_normalized("Some text here.");
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut a = Annotation::new(&t, 0, 4, Tag::new(TagKind::Claim), "a", now).unwrap();
        a.id = id.parse().unwrap();
        a
    }

    #[test]
    fn full_ids_and_unique_prefixes() {
        let set = [
            ann("3f6e0c2a-8d5b-4c1e-9a7f-2b6d8e0f1a3c"),
            ann("3f6e0c2a-9999-4c1e-9a7f-2b6d8e0f1a3c"),
            ann("12345678-0000-4000-8000-000000000000"),
        ];
        let full = "3F6E0C2A-8D5B-4C1E-9A7F-2B6D8E0F1A3C";
        assert_eq!(resolve_id(&set, full).unwrap(), set[0].id);
        assert_eq!(resolve_id(&set, "12345678").unwrap(), set[2].id);
        assert_eq!(resolve_id(&set, "3f6e0c2a-8d").unwrap(), set[0].id);
        let err = format!("{:#}", resolve_id(&set, "3f6e0c2a").unwrap_err());
        assert!(
            err.contains("ambiguous") && err.contains("3f6e0c2a-9999"),
            "{err}"
        );
        let err = resolve_id(&set, "1234").unwrap_err().to_string();
        assert!(err.contains("at least its first 8"), "{err}");
        let err = resolve_id(&set, "deadbeef").unwrap_err().to_string();
        assert!(
            err.contains("no annotation") && err.contains("3 annotations"),
            "{err}"
        );
        let err = resolve_id(&set, "00000000-0000-4000-8000-000000000000")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no annotation has the id"), "{err}");
    }
}
