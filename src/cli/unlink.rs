//! `factmark unlink`: removes one link, named by its id or by the two annotations it joins,
//! saves the sidecar and says what was removed.

use std::path::PathBuf;

use anyhow::{Context as _, bail};
use chrono::SubsecRound as _;
use clap::Args;

use super::prefix::find_by_id;
use super::record::one_line;
use super::review::{document_path, resolve_id};
use super::{Outcome, print_out};
use crate::core::annotation::{Annotation, AnnotationId};
use crate::core::edit::{Command, History};
use crate::core::link::{Link, LinkKind};
use crate::core::model::AnnotationSet;
use crate::store::Session;

/// Arguments of `factmark unlink`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  factmark unlink article.txt 7c2e9d10                 (a link id or its first 8+ hex digits)\n  factmark unlink article.txt 3f6e0c2a 9b1d4e77        (the link between two annotations)\n  factmark unlink article.txt 3f6e0c2a 9b1d4e77 --kind about\n\n\
With one id, it is a link's id as `factmark list` prints it. With two, they are the \
annotations the link joins (FROM then TO; either order for same-claim and contradicts); when \
several links join them, choose one with --kind. A speaker or claimant that came from an \
attributed-to link goes with it. Prints what was removed. An unknown or ambiguous id is exit \
code 2, and nothing is written."
)]
pub struct UnlinkArgs {
    /// The document (or its sidecar).
    pub doc: PathBuf,
    /// The link id (or a unique prefix); or, with TO, the annotation the link starts from.
    pub id: String,
    /// The annotation the link points to (id or unique prefix).
    pub to: Option<String>,
    /// With FROM TO: only a link of this kind.
    #[arg(long, requires = "to")]
    pub kind: Option<LinkKind>,
}

/// A link with the annotation that holds it.
struct Held<'a> {
    from: &'a Annotation,
    link: &'a Link,
}

pub fn run(args: UnlinkArgs) -> anyhow::Result<Outcome> {
    let doc = document_path(&args.doc)?;
    let mut session = Session::open(&doc)?;
    let name = doc.display().to_string();
    let set = &session.annotations;
    let held: Vec<Held> = set
        .iter()
        .flat_map(|from| from.links.iter().map(move |link| Held { from, link }))
        .collect();
    let chosen = match &args.to {
        None => find_by_id(
            &held,
            &args.id,
            "link",
            |h| h.link.id.0,
            |h| describe(set, h),
        ),
        Some(to) => between(set, &held, &args.id, to, args.kind.as_ref()),
    }
    .with_context(|| name.clone())?;
    let (from, link) = (chosen.from.id, chosen.link.id);
    let said = describe(set, chosen);
    let now = chrono::Utc::now().trunc_subsecs(0);
    History::default()
        .apply(
            &mut session.annotations,
            &session.text,
            &Command::Unlink { from, link },
            now,
        )
        .with_context(|| name.clone())?;
    session.save()?;
    print_out(&format!("removed {said}\n"))?;
    Ok(Outcome::Ok)
}

/// The one link between the annotations named `from` and `to` (either way for a symmetric
/// kind), of `kind` if given.
fn between<'a, 'b>(
    set: &AnnotationSet,
    held: &'b [Held<'a>],
    from: &str,
    to: &str,
    kind: Option<&LinkKind>,
) -> anyhow::Result<&'b Held<'a>> {
    let from = resolve_id(set.as_slice(), from).context("FROM")?;
    let to = resolve_id(set.as_slice(), to).context("TO")?;
    let joins = |h: &Held, a: AnnotationId, b: AnnotationId| h.from.id == a && h.link.to == b;
    let found: Vec<&Held> = held
        .iter()
        .filter(|h| joins(h, from, to) || (h.link.kind.is_symmetric() && joins(h, to, from)))
        .filter(|h| kind.is_none_or(|k| h.link.kind == *k))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => match kind {
            Some(k) => bail!("no {k} link joins {from} to {to}"),
            None => bail!("no link joins {from} to {to}"),
        },
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|h| format!("  {}", describe(set, h)))
                .collect();
            bail!(
                "{} links join these annotations; choose one with --kind or give its id:\n{}",
                many.len(),
                list.join("\n")
            )
        }
    }
}

/// "attributed-to link <id> from quote <id> "…" to entity <id> "…"".
fn describe(set: &AnnotationSet, h: &Held) -> String {
    let end = |a: Option<&Annotation>, id: AnnotationId| match a {
        Some(a) => format!("{} {id} {:?}", a.tag.kind(), one_line(&a.exact, 40)),
        None => format!("{id} (no longer exists)"),
    };
    format!(
        "{} link {} from {} to {}",
        h.link.kind,
        h.link.id,
        end(Some(h.from), h.from.id),
        end(set.get(h.link.to), h.link.to)
    )
}
