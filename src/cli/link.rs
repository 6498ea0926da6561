//! `factmark link`: links one annotation to another of the same document and saves the
//! sidecar; prints the new link's id.

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::SubsecRound as _;
use clap::Args;

use super::review::{document_path, resolve_id};
use super::{Outcome, print_out};
use crate::core::edit::{Command, History};
use crate::core::link::{Link, LinkKind};
use crate::store::Session;

/// Arguments of `factmark link`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  factmark link article.txt 3f6e0c2a 9b1d4e77 --kind attributed-to\n  factmark link article.txt 3f6e0c2a 51c0ffee --kind contradicts --note \"see the 2023 report\"\n\n\
FROM and TO are annotation ids as `factmark list` prints them, or their first 8 or more hex \
digits when unique. The link is stored on FROM. Built-in kinds join fixed tags: attributed-to \
(quote or claim → entity; the quote's speaker or the claim's claimant becomes the entity's \
text), about (claim or quote → entity), dated (claim or quote → date), same-claim and \
contradicts (claim ↔ claim, the same both ways). Any other word made of letters, digits and \
'-' (for example cites) is a kind of your own that may join any two annotations. Prints the \
link id. An unknown id, a kind that does not join these tags, a link to itself or a link that \
exists already is exit code 2, and nothing is written."
)]
pub struct LinkArgs {
    /// The document (or its sidecar).
    pub doc: PathBuf,
    /// The annotation the link starts from (id or unique prefix).
    pub from: String,
    /// The annotation it points to (id or unique prefix).
    pub to: String,
    /// attributed-to, about, dated, same-claim, contradicts, or a kind of your own.
    #[arg(long)]
    pub kind: LinkKind,
    /// A note on the link.
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Who makes the link (default: the user name from the environment).
    #[arg(long, allow_hyphen_values = true)]
    pub author: Option<String>,
}

pub fn run(args: LinkArgs) -> anyhow::Result<Outcome> {
    let doc = document_path(&args.doc)?;
    let mut session = Session::open(&doc)?;
    let name = doc.display().to_string();
    let all = session.annotations.as_slice();
    let from = resolve_id(all, &args.from).with_context(|| format!("{name}: FROM"))?;
    let to = resolve_id(all, &args.to).with_context(|| format!("{name}: TO"))?;
    let now = chrono::Utc::now().trunc_subsecs(0);
    let author = args.author.unwrap_or_else(crate::store::default_author);
    let mut link = Link::new(args.kind, to, &author, now);
    link.note = args.note.unwrap_or_default();
    let id = link.id;
    History::default()
        .apply(
            &mut session.annotations,
            &session.text,
            &Command::Link { from, link },
            now,
        )
        .with_context(|| name.clone())?;
    session.save()?;
    print_out(&format!("{id}\n"))?;
    Ok(Outcome::Ok)
}
