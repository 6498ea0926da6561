//! Where the window puts what happened into words: saves, merges and save failures. Everything
//! else speaks in types; a sentence is made only here, once, for the banner or status bar.

use super::open_document::{SaveFailure, Saved};

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
