//! `factmark check`: whether every annotation still sits on its text, its evidence snapshots are
//! unchanged and its links point to annotations that exist.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::list::render;
use super::record::{Record, load_records, records_of};
use super::{Format, Outcome, discover, print_out};
use chrono::SubsecRound as _;

use crate::core::anchor::AnchorStatus;
use crate::core::corrections::{CorrectionAction, follow_changes};
use crate::store::Session;

/// Arguments of `factmark check`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each annotation is found again in the current text: exact (still at its \
place), moved (the same text and context elsewhere), changed (the text was replaced in place: \
its context is intact around other text, shown in `found`; a correction to review), fuzzy \
(similar text, shown in `found`; needs review), ambiguous (several places fit) or orphaned (no \
place fits).\n\n\
With --write, moved annotations are saved at their new positions (and exact ones with \
refreshed context), and what changed under the annotations since the sidecar was written is \
recorded in its corrections log (see `factmark history`); changed, fuzzy, ambiguous and orphaned \
annotations are never rewritten, unless --accept-changed: then changed ones take their \
corrected text (a date's value is read again unless it was typed; a rated claim keeps its \
verdict and is marked needs-work for re-check), logged as auto-followed. A sidecar that \
changed on disk since it was read is not overwritten.\n\n\
Evidence snapshots are hashed again: one that changed since it was attached, is missing or \
cannot be read is reported, and so is a link whose target annotation no longer exists \
(dangling). Neither is ever repaired by --write.\n\n\
Exit codes: 0 when every annotation is exact and every snapshot and link is sound, 1 when any \
annotation is moved, changed, fuzzy, ambiguous or orphaned (even if --write saved the moved \
ones), or a snapshot is changed, missing or unreadable, or a link dangles; 2 on errors. The JSON output has the schema \
of `list`, where start/end are the current positions."
)]
pub struct CheckArgs {
    /// Documents, sidecars or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (table or json).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Save the new positions of moved annotations to their sidecars, and log the changes.
    #[arg(long)]
    pub write: bool,
    /// With --write: changed annotations take their corrected text (see below).
    #[arg(long, requires = "write")]
    pub accept_changed: bool,
}

pub fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    let docs = discover::documents(&args.paths)?;
    let (records, failed, saved) = if args.write {
        load_and_write(&docs, args.accept_changed)
    } else {
        let (records, failed) = load_records(&docs);
        (records, failed, Vec::new())
    };
    let problems: Vec<_> = records
        .iter()
        .filter(|r| r.status_kind != AnchorStatus::Exact || r.has_relation_problems())
        .cloned()
        .collect();
    match args.format {
        super::Format::Table => {
            let mut out = render(&problems, args.format)?;
            if problems.is_empty() {
                out = String::new();
            }
            out.push_str(&format!(
                "{} in {}: {}\n",
                crate::core::text::plural(records.len(), "annotation", "annotations"),
                crate::core::text::plural(docs.len(), "document", "documents"),
                summary(&records)
            ));
            out.push_str(&relation_problems(&records));
            for (sidecar, n) in &saved {
                out.push_str(&format!(
                    "saved {n} updated annotations to {}\n",
                    sidecar.display()
                ));
            }
            print_out(&out)?;
        }
        other => print_out(&render(&records, other)?)?,
    }
    if failed > 0 {
        let what = if args.write { "read or saved" } else { "read" };
        bail!("{failed} of {} documents could not be {what}", docs.len());
    }
    Ok(if problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// Like `load_records`, and saves each sidecar whose exact or moved annotations changed.
/// Returns the records, the number of documents that failed, and the sidecars saved with how
/// many annotations each.
fn load_and_write(
    docs: &[PathBuf],
    accept_changed: bool,
) -> (Vec<Record>, usize, Vec<(PathBuf, usize)>) {
    let now = chrono::Utc::now().trunc_subsecs(0);
    let (mut records, mut failed, mut saved) = (Vec::new(), 0, Vec::new());
    for doc in docs {
        let mut session = match Session::open(doc) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("factmark: error: {e}");
                failed += 1;
                continue;
            }
        };
        let anchored = session.anchor();
        records.extend(records_of(doc, &session, &anchored));
        let noticed = session.notice_corrections(&anchored, now);
        // In the order the results are in: applying them may reorder the annotations.
        let before = session.annotations.as_slice().to_vec();
        let mut changed = session.apply_anchoring(&anchored);
        if accept_changed {
            let followed = follow_changes(&session.text, &before, &anchored, now);
            for a in followed {
                let was = before.iter().find(|b| b.id == a.id);
                session.corrections.resolve(
                    a.id,
                    was,
                    Some(&a),
                    CorrectionAction::AutoFollowed,
                    now,
                );
                session.annotations.replace(a);
                changed += 1;
            }
        }
        if changed > 0 || noticed {
            match session.save() {
                Ok(()) => saved.push((session.sidecar_path.clone(), changed)),
                Err(e) => {
                    eprintln!("factmark: error: {e}");
                    failed += 1;
                }
            }
        }
    }
    (records, failed, saved)
}

/// One line per snapshot that is not as attached and per link whose target is gone.
fn relation_problems(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records {
        for e in &r.evidence {
            if let Some(s) = e.snapshot_problem() {
                let why = s
                    .error
                    .as_deref()
                    .map(|w| format!(": {w}"))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "snapshot {}{why}: {} (document {}, annotation {}, evidence {})\n",
                    s.state, s.path, r.document, r.id, e.id
                ));
            }
        }
        for l in r.links.iter().filter(|l| l.dangling) {
            out.push_str(&format!(
                "dangling link: {} {} → {} no longer exists (document {}, annotation {})\n",
                l.kind, l.id, l.to, r.document, r.id
            ));
        }
    }
    out
}

fn summary(records: &[Record]) -> String {
    let parts: Vec<String> = AnchorStatus::ALL
        .iter()
        .filter_map(|s| {
            let n = records.iter().filter(|r| r.status_kind == *s).count();
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}
