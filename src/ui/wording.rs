//! Where the window puts what happened into words: every [`Outcome`] of the workspace becomes
//! (at most) one banner here, and says which earlier banner it settles. Everything else speaks
//! in types; a sentence is made only here, once.

use super::actions::Action;
use super::banners::{Notice, Topic};
use super::labels;
use crate::workspace::{AnchorSummary, DiskChange, Intent, Opened, Outcome, SaveFailure, Saved};

/// The banners an outcome deserves.
pub fn notices(o: &Outcome) -> Vec<Notice> {
    match o {
        Outcome::Opened(opened) => opened_notices(opened),
        _ => notice(o).into_iter().collect(),
    }
}

/// The banner an outcome other than [`Outcome::Opened`] deserves, if any.
fn notice(o: &Outcome) -> Option<Notice> {
    Some(match o {
        Outcome::OpenFailed {
            path,
            error,
            sidecar_unreadable: true,
        } => Notice::error(format!(
            "Could not open the document's annotations. {error} The file is left untouched. You can open the document anyway and keep new annotations in a separate file beside it."
        ))
        .offering(
            "Open with a new annotations file",
            Intent::OpenAside(path.clone()),
        ),
        Outcome::OpenFailed { error, .. } => {
            Notice::error(format!("Could not open the document. {error}"))
        }
        Outcome::Saved { saved, .. } => Notice::info(self::saved(saved)?),
        Outcome::SaveFailed { failure, .. } => {
            Notice::error(save_failed(failure)).about(Topic::Save)
        }
        Outcome::SavedAs { now, before } => Notice::info(format!(
            "The annotations are now saved to {}. {} was not changed.",
            now.display(),
            before.display()
        )),
        Outcome::SaveAsFailed { to, error } => Notice::error(format!(
            "Could not save the annotations to {}. {} They are kept in memory; choose another place.",
            to.display(),
            sentence(&error.to_string())
        )),
        Outcome::EditFailed(e) => Notice::error(sentence(&e.to_string())),
        Outcome::Retagged { from, to, lost } => Notice::info(format!(
            "The {} is now {}; its {} went with the old tag. Ctrl+Z brings them back.",
            labels::tag_label(*from).to_lowercase(),
            a_or_an(&labels::tag_label(*to).to_lowercase()),
            and_list(lost)
        ))
        .about(Topic::Edit),
        Outcome::SpeakerReplaced { old, new } => Notice::info(format!(
            "The link names “{new}” as who said it, in place of “{old}”. Ctrl+Z brings “{old}” back."
        ))
        .about(Topic::Edit),
        Outcome::NothingToTag => Notice::info(
            "Nothing was tagged: the selection holds only spaces or a line break. Select the words to tag, then press the key.",
        )
        .about(Topic::Edit),
        Outcome::AlreadyTagged(_, kind) => Notice::info(format!(
            "This span is already tagged as {}: that annotation is selected, and no second one was made.",
            a_or_an(&labels::tag_label(*kind).to_lowercase())
        ))
        .about(Topic::Edit),
        Outcome::DeletedLinks(n) => Notice::info(format!(
            "The annotation was deleted together with {}. Ctrl+Z brings it all back.",
            plural(*n, "link", "links")
        ))
        .about(Topic::Edit),
        Outcome::TaggedMatches {
            count,
            skipped,
            kind,
        } => {
            let tag = labels::tag_label(*kind).to_lowercase();
            let left = match skipped {
                0 => String::new(),
                1 => format!(" 1 match was left alone: it is already tagged as {tag} there."),
                n => format!(" {n} matches were left alone: they are already tagged as {tag} there."),
            };
            Notice::info(if *count == 0 {
                format!("Nothing to tag.{left}")
            } else {
                format!(
                    "Tagged {} as {tag}.{left} Undo (Ctrl+Z) takes {} back.",
                    plural(*count, "match", "matches"),
                    if *count == 1 { "it" } else { "them all" }
                )
            })
            .about(Topic::Edit)
        }
        Outcome::EditedMany { count } => Notice::info(format!(
            "Changed {count} annotations in one step. Undo (Ctrl+Z) takes it back."
        ))
        .about(Topic::Edit),
        Outcome::Recovered { conflicts: 0 } => {
            Notice::info("Recovered the unsaved annotations; they will be saved in a moment.")
        }
        Outcome::Recovered { conflicts } => Notice::info(format!(
            "Recovered the unsaved annotations; {conflicts} of their changes clash with changes saved since: choose in Tools > Resolve Conflicts."
        ))
        .offering("Resolve", Action::ShowConflicts),
        Outcome::JournalFailed(e) => {
            Notice::error(format!("Could not write the recovery journal. {e}"))
        }
        Outcome::DiskChanged(DiskChange::Changed(summary)) if summary.any() => {
            changed_notice(summary)
        }
        Outcome::DiskChanged(DiskChange::Changed(_)) => Notice::info(
            "The document was changed by another program; every annotation still sits on its text.",
        )
        .about(Topic::DocumentChanged),
        Outcome::DiskChanged(DiskChange::Missing) => Notice::error(
            "The document file was deleted or renamed. Your annotations are kept in memory and saved to the sidecar; open the document again from its new place.",
        ),
        Outcome::DiskChanged(DiskChange::Unreadable(e)) => Notice::error(format!(
            "The document changed on disk and can no longer be read. {e} Your annotations are kept."
        )),
        Outcome::ReviewFailed(e) => Notice::error(format!("Could not review. {e}")),
        Outcome::Opened(_)
        | Outcome::Undone { .. }
        | Outcome::FolderOpened(_)
        | Outcome::Closed(_)
        | Outcome::Reloaded
        | Outcome::Selected(_)
        | Outcome::Reveal(_)
        | Outcome::RecoveryDiscarded => return None,
    })
}

/// The banner topic an outcome settles (its banner is taken down).
pub fn settles(o: &Outcome) -> Option<Topic> {
    match o {
        Outcome::Saved { .. } | Outcome::SavedAs { .. } => Some(Topic::Save),
        Outcome::Recovered { .. } | Outcome::RecoveryDiscarded => Some(Topic::Recovery),
        Outcome::Opened(_) | Outcome::Closed(_) | Outcome::Reloaded => Some(Topic::Opened),
        Outcome::Undone { .. } => Some(Topic::Edit),
        _ => None,
    }
}

/// What to tell about a document just opened: how its annotations fared against its text,
/// recovered work, conflicts waiting, and where its annotations are kept.
fn opened_notices(o: &Opened) -> Vec<Notice> {
    let mut said = Vec::new();
    if o.summary.any() {
        said.push(changed_notice(&o.summary));
    }
    if let Some(rec) = &o.recovery {
        said.push(
            Notice::info(format!(
                "Unsaved annotations from {} were found (factmark may have stopped before saving them): {} annotations, kept in {}.",
                rec.written.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S"),
                rec.annotations,
                rec.path.display()
            ))
            .offering("Recover them", Intent::Recover)
            .offering("Discard", Intent::DiscardRecovery)
            .about(Topic::Recovery),
        );
    }
    if o.conflicts > 0 {
        said.push(
            Notice::info(format!(
                "The annotations file holds {} (the same thing changed in two versions). Choose which to keep.",
                plural(o.conflicts, "merge conflict", "merge conflicts")
            ))
            .offering("Resolve", Action::ShowConflicts)
            .about(Topic::Conflicts),
        );
    }
    if let Some(damage) = &o.damage {
        said.push(Notice::error(damage.clone()).about(Topic::Opened));
    }
    if !o.snapshots.is_empty() {
        let list = o
            .snapshots
            .iter()
            .map(|(path, state)| format!("{path} ({state})"))
            .collect::<Vec<_>>()
            .join("; ");
        said.push(
            Notice::error(format!(
                "{} of the evidence's saved copies {} not as attached: {list}. Put the original file back, or attach it again in the claim's evidence.",
                plural(o.snapshots.len(), "snapshot", "snapshots"),
                if o.snapshots.len() == 1 { "is" } else { "are" },
            ))
            .about(Topic::Opened),
        );
    }
    if o.aside {
        said.push(
            Notice::info(format!(
                "New annotations of this document go to {}; its unreadable annotations file was not changed.",
                o.annotations.display()
            ))
            .about(Topic::Opened),
        );
    } else if o.chosen {
        said.push(
            Notice::info(format!(
                "The annotations are read from and saved to {}.",
                o.annotations.display()
            ))
            .about(Topic::Opened),
        );
    }
    said
}

/// What re-anchoring found, with a Review button when something needs a decision.
fn changed_notice(summary: &AnchorSummary) -> Notice {
    let mut text = format!("The document changed: {}.", summary.describe());
    if summary.moved > 0 {
        text.push_str(" Moved annotations follow their text.");
    }
    if summary.needing_review() > 0 {
        text.push_str(" The others are kept as they were until you decide.");
        Notice::info(text)
            .offering("Review", Action::ShowReanchorReview)
            .about(Topic::NeedsReview)
    } else {
        Notice::info(text).about(Topic::DocumentChanged)
    }
}

/// What a save did, said for a banner; `None` when there is nothing worth saying.
pub fn saved(s: &Saved) -> Option<String> {
    match s {
        Saved::Nothing | Saved::Written => None,
        Saved::Merged(report) => Some(format!(
            "Merged changes another program saved meanwhile: {} added, {} changed, {} deleted.",
            report.theirs.added, report.theirs.changed, report.theirs.deleted
        )),
        Saved::Recreated => {
            Some("The annotations file had been removed; it was written again.".to_owned())
        }
    }
}

/// Why a save wrote nothing, and what to do, said for a banner.
pub fn save_failed(f: &SaveFailure) -> String {
    match f {
        SaveFailure::Conflicts(n) => format!(
            "Another program changed {n} of the same things in the annotations file since it was opened. Nothing was saved; choose which version to keep (Tools > Resolve Conflicts)."
        ),
        SaveFailure::Store(e) => format!(
            "Could not save the annotations; they are kept in memory (and in the recovery journal). {} Use File > Save Annotations As… to keep them elsewhere.",
            sentence(&e.to_string())
        ),
    }
}

/// "a date", "an entity".
fn a_or_an(word: &str) -> String {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {word}")
    } else {
        format!("a {word}")
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 match", "3 matches".
pub use crate::core::text::plural;

/// `s` ending as a sentence does.
fn sentence(s: &str) -> String {
    let s = s.trim_end();
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    #[test]
    fn failures_say_what_to_do() {
        let ro = SaveFailure::Store(StoreError::ReadOnly {
            path: "a.txt.ann.ron".into(),
        });
        let said = save_failed(&ro);
        assert!(
            said.contains("read-only") && said.contains("Save Annotations As"),
            "{said}"
        );
        assert!(save_failed(&SaveFailure::Conflicts(2)).contains("Resolve Conflicts"));
        assert_eq!(saved(&Saved::Written), None);
    }
}
