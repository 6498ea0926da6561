//! One change to many annotations at once (retag, review, a claim's verdict, an entity's kind,
//! delete), made into a single undoable command. Annotations a change does not apply to (a
//! verdict on a quote) or would not change are left out.

use chrono::{DateTime, Utc};

use super::annotation::{
    Annotation, AnnotationId, EntityKind, Review, ReviewStatus, Tag, TagKind, Verdict,
};
use super::edit::Command;
use super::model::AnnotationSet;

/// What a retag takes with it besides its old tag's details: the sources a tag that is not a
/// claim or a quote cannot hold, and the links whose kind no longer fits their ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RetagLoss {
    /// Sources removed.
    pub sources: usize,
    /// Links removed.
    pub links: usize,
}

/// The steps that retag `a` as `kind`, keeping what still fits: its sources go when the new
/// tag cannot hold them, and so do the links whose kind no longer fits (to or from it), all
/// in the same undoable step. Links in `skip` (already removed by an earlier step of the same
/// batch) are left out, and the ones removed here are added to it.
pub fn retag(
    set: &AnnotationSet,
    a: &Annotation,
    kind: TagKind,
    skip: &mut Vec<super::link::LinkId>,
) -> (Vec<Command>, RetagLoss) {
    let new = a.retagged(kind);
    let mut loss = RetagLoss::default();
    let mut cmds = vec![Command::SetTag(a.id, new.clone())];
    if !a.evidence.is_empty() && !matches!(kind, TagKind::Claim | TagKind::Quote) {
        cmds.push(Command::SetEvidence(a.id, Vec::new()));
        loss.sources = a.evidence.len();
    }
    let mut unlink = |from: AnnotationId, link: &super::link::Link, cmds: &mut Vec<Command>| {
        if !skip.contains(&link.id) {
            skip.push(link.id);
            cmds.push(Command::Unlink {
                from,
                link: link.id,
            });
            loss.links += 1;
        }
    };
    for l in &a.links {
        if set.get(l.to).is_some_and(|t| !l.kind.fits(&new, &t.tag)) {
            unlink(a.id, l, &mut cmds);
        }
    }
    for other in set.iter().filter(|o| o.id != a.id) {
        for l in other.links.iter().filter(|l| l.to == a.id) {
            if !l.kind.fits(&other.tag, &new) {
                unlink(other.id, l, &mut cmds);
            }
        }
    }
    (cmds, loss)
}

/// A change for many annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkEdit {
    /// Retag, keeping what still fits.
    Retag(TagKind),
    /// Set the review status (the review's comment is kept).
    Review(ReviewStatus),
    /// Set the verdict of the claims.
    Verdict(Verdict),
    /// Set the kind of the entities.
    EntityKind(EntityKind),
    /// Delete them.
    Delete,
}

/// The one command that makes `edit` to the annotations `ids` of `set` (reviews recorded as by
/// `by` at `now`), or `None` when it changes nothing. Unknown ids are skipped.
pub fn bulk(
    set: &AnnotationSet,
    ids: &[AnnotationId],
    edit: BulkEdit,
    by: &str,
    now: DateTime<Utc>,
) -> Option<Command> {
    // Links removed by one retag are not removed again by another.
    let unlinked = std::cell::RefCell::new(Vec::new());
    let cmds: Vec<Command> = ids
        .iter()
        .filter_map(|id| set.get(*id))
        .filter_map(|a| match edit {
            BulkEdit::Delete => Some(Command::Delete(a.id)),
            BulkEdit::Retag(kind) => (a.tag.kind() != kind).then(|| {
                let (steps, _) = retag(set, a, kind, &mut unlinked.borrow_mut());
                Command::Batch(steps)
            }),
            BulkEdit::Review(status) => (a.review.status != status).then(|| {
                Command::SetReview(
                    a.id,
                    Review {
                        status,
                        by: Some(by.to_owned()),
                        at: Some(now),
                        comment: a.review.comment.clone(),
                    },
                )
            }),
            BulkEdit::Verdict(v) => match &a.tag {
                Tag::Claim { verdict, claimant } if *verdict != v => Some(Command::SetTag(
                    a.id,
                    Tag::Claim {
                        verdict: v,
                        claimant: claimant.clone(),
                    },
                )),
                _ => None,
            },
            BulkEdit::EntityKind(k) => match &a.tag {
                Tag::Entity { kind, identifier } if *kind != k => Some(Command::SetTag(
                    a.id,
                    Tag::Entity {
                        kind: k,
                        identifier: identifier.clone(),
                    },
                )),
                _ => None,
            },
        })
        .collect();
    (!cmds.is_empty()).then_some(Command::Batch(cmds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::Annotation;
    use crate::core::edit::History;
    use crate::core::text::Text;

    fn set() -> (Text, AnnotationSet, Vec<AnnotationId>) {
        let t = Text::from_str_normalized("Alpha said beta rose. Gamma said delta fell.");
        let mut set = AnnotationSet::default();
        let mut ids = Vec::new();
        for (s, e, kind) in [
            (0, 5, TagKind::Entity),
            (11, 20, TagKind::Claim),
            (22, 27, TagKind::Entity),
            (33, 43, TagKind::Claim),
        ] {
            let a = Annotation::new(&t, s, e, Tag::new(kind), "ana", Utc::now()).unwrap();
            ids.push(a.id);
            set.insert(a);
        }
        (t, set, ids)
    }

    #[test]
    fn one_step_changes_what_it_applies_to_and_undoes_whole() {
        let (t, mut set, ids) = set();
        let now = Utc::now();
        let cmd = bulk(&set, &ids, BulkEdit::Verdict(Verdict::False), "rev", now).unwrap();
        let Command::Batch(cmds) = &cmd else {
            panic!("a batch")
        };
        assert_eq!(cmds.len(), 2, "only the claims");
        let mut h = History::default();
        h.apply(&mut set, &t, &cmd, now).unwrap();
        let verdicts = |set: &AnnotationSet| {
            set.iter()
                .filter(|a| {
                    matches!(
                        a.tag,
                        Tag::Claim {
                            verdict: Verdict::False,
                            ..
                        }
                    )
                })
                .count()
        };
        assert_eq!(verdicts(&set), 2);
        h.undo(&mut set).unwrap().unwrap();
        assert_eq!(verdicts(&set), 0);

        let kind = BulkEdit::EntityKind(EntityKind::Person);
        let Some(Command::Batch(cmds)) = bulk(&set, &ids, kind, "rev", now) else {
            panic!("a batch")
        };
        assert_eq!(cmds.len(), 2, "only the entities");

        let Some(Command::Batch(cmds)) = bulk(
            &set,
            &ids,
            BulkEdit::Review(ReviewStatus::Accepted),
            "rev",
            now,
        ) else {
            panic!("a batch")
        };
        assert_eq!(cmds.len(), 4);
        assert!(bulk(&set, &ids, BulkEdit::Retag(TagKind::Claim), "rev", now).is_some());
        assert!(bulk(&set, &ids[1..2], BulkEdit::Retag(TagKind::Claim), "r", now).is_none());
        let Some(Command::Batch(cmds)) = bulk(&set, &ids, BulkEdit::Delete, "rev", now) else {
            panic!("a batch")
        };
        assert_eq!(cmds.len(), 4);
    }
}
