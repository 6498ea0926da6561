//! `factmark merge BASE OURS THEIRS [-o OUT]`: three-way merge of sidecars by annotation id,
//! usable as a git merge driver (`factmark merge %O %A %B` writes the result over OURS).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Args;

use super::Outcome;
use crate::core::merge::{Side, Tally, merge, merge_records, order_records};
use crate::store::atomic::write_atomic;
use crate::store::read::{
    MAX_SIDECAR_BYTES, check_size_to_write, decode_sidecar, read_sidecar_bytes,
};
use crate::store::sidecar::{DocumentInfo, FORMAT, Sidecar, VERSION};

/// Arguments of `factmark merge`.
#[derive(Debug, Args)]
#[command(
    after_help = "Annotations are merged by id: added on one side, kept; deleted on one \
side and unchanged on the other, deleted; deleted on one side and changed on the other, kept. \
Changed on both sides, they are merged field by field (span, tag, note, review, author, \
created); when both changed the same field differently, the annotation keeps OURS's value and \
a conflict record with both values is added to the sidecar's `conflicts` list, for the window \
to resolve. Nothing is lost either way.\n\n\
As a git merge driver:\n  \
echo '*.ann.ron merge=factmark' >> .gitattributes\n  \
git config merge.factmark.name \"factmark annotations\"\n  \
git config merge.factmark.driver \"factmark merge %O %A %B\"\n\n\
An empty BASE (git's when both branches added the file) means no common ancestor.\n\n\
Exit codes: 0 merged cleanly, 1 merged with conflict records (git then reports a conflict; \
resolve them in the window, or accept OURS's values, then `git add`), 2 bad input (nothing \
written)."
)]
pub struct MergeArgs {
    /// The common ancestor's sidecar (git's %O).
    pub base: PathBuf,
    /// Our sidecar (git's %A); the result is written over it unless --output is given.
    pub ours: PathBuf,
    /// Their sidecar (git's %B).
    pub theirs: PathBuf,
    /// Write the merged sidecar here instead of over OURS.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Reads a sidecar. An empty BASE means "no common ancestor" (git's empty %O when both
/// branches added the file); an empty OURS or THEIRS is refused like any broken sidecar.
fn load(path: &Path, may_be_empty: bool) -> anyhow::Result<Option<Sidecar>> {
    let bytes = read_sidecar_bytes(path)?.with_context(|| {
        format!(
            "{}: no such file; give three sidecar files (BASE may be empty)",
            path.display()
        )
    })?;
    if bytes.is_empty() && may_be_empty {
        return Ok(None);
    }
    Ok(Some(decode_sidecar(path, &bytes)?))
}

pub fn run(args: MergeArgs) -> anyhow::Result<Outcome> {
    let base = load(&args.base, true)?;
    let ours = load(&args.ours, false)?;
    let theirs = load(&args.theirs, false)?;
    let out = args.output.as_deref().unwrap_or(&args.ours);
    let part = |s: &Option<Sidecar>| {
        s.as_ref()
            .map(|s| (s.annotations.clone(), s.conflicts.clone()))
            .unwrap_or_default()
    };
    let ((b, bc), (o, oc), (t, tc)) = (part(&base), part(&ours), part(&theirs));
    let Some(document) = document(
        base.as_ref().map(|s| &s.document),
        ours.as_ref().map(|s| &s.document),
        theirs.as_ref().map(|s| &s.document),
    ) else {
        // Neither side has a sidecar: the result is empty too.
        write_atomic(out, b"")?;
        return Ok(Outcome::Ok);
    };
    let result = merge(&b, &o, &t);
    let mut records = merge_records(&bc, &oc, &tc, &result.merged);
    records.extend(result.conflicts.iter().cloned());
    let records = order_records(records, &result.merged);
    let merged = Sidecar {
        format: FORMAT.to_owned(),
        version: VERSION,
        document,
        annotations: result.merged.clone(),
        conflicts: records.clone(),
        corrections: merged_log(&base, &ours, &theirs),
    };
    let encoded = merged.encode()?;
    check_size_to_write(out, encoded.len(), MAX_SIDECAR_BYTES)?;
    write_atomic(out, encoded.as_bytes())?;

    let mut report = summary(out, &Tally::between(&o, &result.merged));
    if let (Some(o), Some(t)) = (&ours, &theirs)
        && o.document.sha256 != t.document.sha256
    {
        report.push_str(
            "factmark: note: the two sides annotated different versions of the document; \
             annotations are re-anchored when the document is opened\n",
        );
    }
    for k in &result.kept {
        let (deleted, changed) = match k.deleted_by {
            Side::Ours => ("ours", "theirs"),
            Side::Theirs => ("theirs", "ours"),
        };
        report.push_str(&format!(
            "factmark: warning: annotation {} was deleted in {deleted} but changed in {changed}; it was kept\n",
            k.id
        ));
    }
    for c in &records {
        report.push_str(&format!(
            "factmark: conflict: annotation {}: {} changed on both sides; keeping ours, both values recorded\n",
            c.id, c.field
        ));
    }
    if !records.is_empty() {
        report.push_str(&format!(
            "factmark: {} conflict{} recorded in {}; open the document in the factmark window to choose\n",
            records.len(),
            if records.len() == 1 { "" } else { "s" },
            out.display()
        ));
    }
    eprint!("{report}");
    Ok(if records.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// What the merge took from theirs, in one line.
fn summary(out: &Path, t: &Tally) -> String {
    if t.is_empty() {
        return format!(
            "factmark: merged {}: nothing new from theirs\n",
            out.display()
        );
    }
    format!(
        "factmark: merged {}: {} added, {} changed, {} deleted by theirs\n",
        out.display(),
        t.added,
        t.changed,
        t.deleted
    )
}

/// The document the merged sidecar describes: the one both sides agree on, else the side that
/// changed it from the base, else ours.
fn document(
    base: Option<&DocumentInfo>,
    ours: Option<&DocumentInfo>,
    theirs: Option<&DocumentInfo>,
) -> Option<DocumentInfo> {
    match (ours, theirs) {
        (Some(o), Some(t)) if o != t && base == Some(o) => Some(t.clone()),
        (Some(o), _) => Some(o.clone()),
        (None, t) => t.cloned(),
    }
}

/// The corrections logs of both sides together (each side's log includes what it inherited
/// from the base).
fn merged_log(
    base: &Option<Sidecar>,
    ours: &Option<Sidecar>,
    theirs: &Option<Sidecar>,
) -> crate::core::corrections::CorrectionLog {
    let mut log = crate::core::corrections::CorrectionLog::default();
    for s in [ours, theirs, base].into_iter().flatten() {
        log.merge(&s.corrections);
    }
    log
}
