//! Commands that change a document's annotations, their inverses, and the undo/redo history.
//!
//! Panels and the CLI never mutate an [`AnnotationSet`] directly: they build a [`Command`],
//! and [`History::apply`] turns it into a [`Change`] whose inverse is recorded for undo.

use chrono::{DateTime, Utc};

use super::annotation::{Annotation, AnnotationId, Review, SpanError, Tag, check_span};
use super::evidence::Evidence;
use super::link::{Link, LinkError, LinkId, LinkKind, check_link, set_speaker, speaker};
use super::model::AnnotationSet;
use super::text::Text;

/// What a user or a script asks to change.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add a new annotation.
    Add(Annotation),
    /// Delete an annotation.
    Delete(AnnotationId),
    /// Change the tag (and its attributes).
    SetTag(AnnotationId, Tag),
    /// Change the note.
    SetNote(AnnotationId, String),
    /// Change the review.
    SetReview(AnnotationId, Review),
    /// Move the annotation to another span of the current text (re-attach).
    SetSpan {
        /// The annotation.
        id: AnnotationId,
        /// New start.
        start: usize,
        /// New end.
        end: usize,
    },
    /// Link an annotation to another of the same document. An `attributed-to` link makes
    /// the target entity's text the quote's speaker (or the claim's claimant).
    Link {
        /// The annotation the link starts from (and is stored on).
        from: AnnotationId,
        /// The link, with its kind and target.
        link: Link,
    },
    /// Change a link in place (its kind or note), keeping its id and its place in the list.
    SetLink {
        /// The annotation holding the link.
        from: AnnotationId,
        /// The link as it is to be, with the id of the one it replaces.
        link: Link,
    },
    /// Remove a link; a speaker that came from it goes with it.
    Unlink {
        /// The annotation holding the link.
        from: AnnotationId,
        /// The link.
        link: LinkId,
    },
    /// Replace the evidence of a claim or quote (adding, editing, reordering or removing
    /// items is one replacement).
    SetEvidence(AnnotationId, Vec<Evidence>),
    /// Several commands applied as one undoable step.
    Batch(Vec<Command>),
}

/// A change that could not be applied; the set is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No annotation has this id.
    #[error("no annotation has the id {0}")]
    NotFound(AnnotationId),
    /// An annotation with this id already exists.
    #[error("an annotation with the id {0} already exists")]
    DuplicateId(AnnotationId),
    /// The span is not valid for this text.
    #[error(transparent)]
    Span(#[from] SpanError),
    /// The link cannot be made.
    #[error(transparent)]
    Link(#[from] LinkError),
    /// No link has this id on that annotation.
    #[error("the annotation has no link with the id {0}")]
    LinkNotFound(LinkId),
}

/// A primitive change with everything needed to invert it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// An annotation was inserted.
    Insert(Annotation),
    /// An annotation was removed.
    Remove(Annotation),
    /// An annotation was replaced by a new version with the same id.
    Replace {
        /// The version before.
        before: Box<Annotation>,
        /// The version after.
        after: Box<Annotation>,
    },
    /// Several changes, applied in order.
    Batch(Vec<Change>),
}

impl Change {
    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        match self {
            Change::Insert(a) => Change::Remove(a.clone()),
            Change::Remove(a) => Change::Insert(a.clone()),
            Change::Replace { before, after } => Change::Replace {
                before: after.clone(),
                after: before.clone(),
            },
            Change::Batch(cs) => Change::Batch(cs.iter().rev().map(Change::inverse).collect()),
        }
    }

    /// Applies the change to a set; an inconsistent change is refused without effect.
    pub fn apply(&self, set: &mut AnnotationSet) -> Result<(), EditError> {
        if let Change::Batch(_) = self {
            // A batch may fail halfway: apply it to a copy.
            let mut scratch = set.clone();
            self.apply_in_place(&mut scratch)?;
            *set = scratch;
            Ok(())
        } else {
            // A primitive change fails before it touches the set.
            self.apply_in_place(set)
        }
    }

    fn apply_in_place(&self, set: &mut AnnotationSet) -> Result<(), EditError> {
        match self {
            Change::Insert(a) => {
                if !set.insert(a.clone()) {
                    return Err(EditError::DuplicateId(a.id));
                }
            }
            Change::Remove(a) => {
                set.remove(a.id).ok_or(EditError::NotFound(a.id))?;
            }
            Change::Replace { after, .. } => {
                set.replace((**after).clone())
                    .ok_or(EditError::NotFound(after.id))?;
            }
            Change::Batch(cs) => {
                for c in cs {
                    c.apply_in_place(set)?;
                }
            }
        }
        Ok(())
    }

    /// Ids of the annotations this change touches.
    pub fn ids(&self) -> Vec<AnnotationId> {
        match self {
            Change::Insert(a) | Change::Remove(a) => vec![a.id],
            Change::Replace { after, .. } => vec![after.id],
            Change::Batch(cs) => cs.iter().flat_map(Change::ids).collect(),
        }
    }
}

/// Turns a command into the change it makes to `set`, stamping `modified` with `now`.
pub fn plan(
    set: &AnnotationSet,
    text: &Text,
    cmd: &Command,
    now: DateTime<Utc>,
) -> Result<Change, EditError> {
    let update = |id: AnnotationId, f: &dyn Fn(&mut Annotation)| -> Result<Change, EditError> {
        let before = set.get(id).ok_or(EditError::NotFound(id))?.clone();
        let mut after = before.clone();
        f(&mut after);
        after.modified = now;
        Ok(Change::Replace {
            before: Box::new(before),
            after: Box::new(after),
        })
    };
    match cmd {
        Command::Add(a) => {
            check_span(text, a.start, a.end)?;
            if set.contains(a.id) {
                return Err(EditError::DuplicateId(a.id));
            }
            Ok(Change::Insert(a.clone()))
        }
        Command::Delete(id) => {
            let gone = set.get(*id).ok_or(EditError::NotFound(*id))?.clone();
            // Links to it go in the same step, so undo brings them back.
            let mut changes: Vec<Change> = set
                .iter()
                .filter(|a| a.id != *id && a.links.iter().any(|l| l.to == *id))
                .map(|a| {
                    let mut after = a.clone();
                    after.links.retain(|l| l.to != *id);
                    sync_speaker(set, &mut after, &[&gone]);
                    after.modified = now;
                    Change::Replace {
                        before: Box::new(a.clone()),
                        after: Box::new(after),
                    }
                })
                .collect();
            if changes.is_empty() {
                return Ok(Change::Remove(gone));
            }
            changes.push(Change::Remove(gone));
            Ok(Change::Batch(changes))
        }
        Command::Link { from, link } => {
            let source = set.get(*from).ok_or(EditError::NotFound(*from))?;
            let target = set.get(link.to).ok_or(EditError::NotFound(link.to))?;
            check_link(set.iter(), source, target, &link.kind)?;
            update(*from, &|a| {
                a.links.push(link.clone());
                sync_speaker(set, a, &[]);
            })
        }
        Command::SetLink { from, link } => {
            let source = set.get(*from).ok_or(EditError::NotFound(*from))?;
            let old = source
                .links
                .iter()
                .find(|l| l.id == link.id)
                .ok_or(EditError::LinkNotFound(link.id))?
                .clone();
            let target = set.get(link.to).ok_or(EditError::NotFound(link.to))?;
            // Checked as if the link it replaces were gone.
            let mut without = source.clone();
            without.links.retain(|l| l.id != link.id);
            let all = set
                .iter()
                .map(|x| if x.id == without.id { &without } else { x });
            check_link(all, &without, target, &link.kind)?;
            let old_target = set.get(old.to).cloned();
            update(*from, &|a| {
                if let Some(l) = a.links.iter_mut().find(|l| l.id == link.id) {
                    *l = link.clone();
                }
                let was: Vec<&Annotation> = old_target.iter().collect();
                sync_speaker(set, a, &was);
            })
        }
        Command::Unlink { from, link } => {
            let source = set.get(*from).ok_or(EditError::NotFound(*from))?;
            let gone = source
                .links
                .iter()
                .find(|l| l.id == *link)
                .ok_or(EditError::LinkNotFound(*link))?
                .clone();
            let target = set.get(gone.to).cloned();
            update(*from, &|a| {
                a.links.retain(|l| l.id != gone.id);
                let was: Vec<&Annotation> = target.iter().collect();
                sync_speaker(set, a, &was);
            })
        }
        Command::SetEvidence(id, items) => update(*id, &|a| a.evidence = items.clone()),
        Command::SetTag(id, tag) => update(*id, &|a| {
            // A claim awaiting a new rating after its text changed is rated again.
            let recheck = super::corrections::needs_recheck(a);
            let old = std::mem::replace(&mut a.tag, tag.clone());
            if recheck && verdict(&old) != verdict(tag) {
                // Rated again: the review starts over, its comment still saying what changed.
                let comment = a.review.comment.as_deref().map(|c| {
                    c.strip_suffix(super::corrections::RECHECK_ASK)
                        .unwrap_or(c)
                        .to_owned()
                });
                a.review = Review {
                    comment,
                    ..Review::default()
                };
            }
        }),
        Command::SetNote(id, note) => update(*id, &|a| a.note = note.clone()),
        Command::SetReview(id, review) => update(*id, &|a| {
            a.review = super::corrections::rated_again(a, review);
        }),
        Command::SetSpan { id, start, end } => {
            check_span(text, *start, *end)?;
            let moved = update(*id, &|a| a.set_span(text, *start, *end))?;
            Ok(follow_speakers(set, moved, now))
        }
        Command::Batch(cmds) => {
            // Each command is planned against the set as the earlier ones leave it.
            let mut scratch = set.clone();
            let mut changes = Vec::with_capacity(cmds.len());
            for c in cmds {
                let change = plan(&scratch, text, c, now)?;
                change.apply_in_place(&mut scratch)?;
                changes.push(change);
            }
            Ok(Change::Batch(changes))
        }
    }
}

/// Keeps a quote's speaker (or a claim's claimant) in step with its links: the text of the
/// entity its first `attributed-to` link points to; with no such link left, a speaker that
/// was the text of an entity it was attributed to (`unlinked`) is cleared, and one typed by
/// hand stays.
fn sync_speaker(set: &AnnotationSet, a: &mut Annotation, unlinked: &[&Annotation]) {
    let first = a
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::AttributedTo)
        .find_map(|l| set.get(l.to));
    match first {
        Some(e) if !e.exact.trim().is_empty() => {
            set_speaker(&mut a.tag, Some(e.exact.trim().to_owned()));
        }
        _ => {
            let was_linked =
                speaker(&a.tag).is_some_and(|s| unlinked.iter().any(|t| t.exact.trim() == s));
            if was_linked {
                set_speaker(&mut a.tag, None);
            }
        }
    }
}

/// When an entity's span moved, quotes and claims attributed to it by a link take its new
/// text as their speaker, in the same step.
fn follow_speakers(set: &AnnotationSet, moved: Change, now: DateTime<Utc>) -> Change {
    let Change::Replace { before, after } = &moved else {
        return moved;
    };
    if before.exact == after.exact || !matches!(after.tag, Tag::Entity { .. }) {
        return moved;
    }
    let (old, new) = (before.exact.trim(), after.exact.trim().to_owned());
    let mut changes: Vec<Change> = set
        .iter()
        .filter(|a| {
            a.links
                .iter()
                .any(|l| l.to == after.id && l.kind == LinkKind::AttributedTo)
                && speaker(&a.tag) == Some(old)
        })
        .map(|a| {
            let mut b = a.clone();
            set_speaker(&mut b.tag, Some(new.clone()));
            b.modified = now;
            Change::Replace {
                before: Box::new(a.clone()),
                after: Box::new(b),
            }
        })
        .collect();
    if changes.is_empty() {
        return moved;
    }
    changes.insert(0, moved);
    Change::Batch(changes)
}

/// A claim's verdict.
fn verdict(tag: &Tag) -> Option<super::annotation::Verdict> {
    match tag {
        Tag::Claim { verdict, .. } => Some(*verdict),
        _ => None,
    }
}

/// Undo and redo stacks of applied changes.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Applies a command, records it for undo and clears the redo stack. Returns the ids of
    /// the annotations it touched.
    pub fn apply(
        &mut self,
        set: &mut AnnotationSet,
        text: &Text,
        cmd: &Command,
        now: DateTime<Utc>,
    ) -> Result<Vec<AnnotationId>, EditError> {
        let change = plan(set, text, cmd, now)?;
        change.apply(set)?;
        let ids = change.ids();
        self.redo.clear();
        self.undo.push(change);
        Ok(ids)
    }

    /// Like [`History::apply`], but when `coalesce` is true and the last recorded change
    /// replaced the same single annotation, the two become one undo step (typing a note
    /// is undone per pause, not per keystroke).
    pub fn apply_coalesced(
        &mut self,
        set: &mut AnnotationSet,
        text: &Text,
        cmd: &Command,
        now: DateTime<Utc>,
        coalesce: bool,
    ) -> Result<Vec<AnnotationId>, EditError> {
        let change = plan(set, text, cmd, now)?;
        change.apply(set)?;
        let ids = change.ids();
        self.redo.clear();
        match (self.undo.last_mut(), change) {
            (
                Some(Change::Replace { before, after }),
                Change::Replace {
                    after: new_after, ..
                },
            ) if coalesce && after.id == new_after.id => {
                let _ = before;
                *after = new_after;
            }
            (_, change) => self.undo.push(change),
        }
        Ok(ids)
    }

    /// Undoes the last change; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, set: &mut AnnotationSet) -> Option<Result<Change, EditError>> {
        let change = self.undo.pop()?;
        Some(match change.inverse().apply(set) {
            Ok(()) => {
                self.redo.push(change.clone());
                Ok(change)
            }
            Err(e) => {
                self.undo.push(change);
                Err(e)
            }
        })
    }

    /// Redoes the last undone change; returns it, or `None` when there is nothing to redo.
    pub fn redo(&mut self, set: &mut AnnotationSet) -> Option<Result<Change, EditError>> {
        let change = self.redo.pop()?;
        Some(match change.apply(set) {
            Ok(()) => {
                self.undo.push(change.clone());
                Ok(change)
            }
            Err(e) => {
                self.redo.push(change);
                Err(e)
            }
        })
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{ReviewStatus, TagKind, Verdict};
    use proptest::prelude::*;

    fn doc() -> Text {
        Text::from_str_normalized("Alpha beta gamma delta epsilon zeta eta theta iota kappa.")
    }

    fn now() -> DateTime<Utc> {
        "2026-01-02T03:04:05Z".parse().unwrap()
    }

    fn ann(t: &Text, s: usize, e: usize) -> Annotation {
        Annotation::new(t, s, e, Tag::new(TagKind::Claim), "ana", now()).unwrap()
    }

    #[test]
    fn add_retag_undo_redo() {
        let t = doc();
        let mut set = AnnotationSet::default();
        let mut h = History::default();
        let a = ann(&t, 6, 10);
        h.apply(&mut set, &t, &Command::Add(a.clone()), now())
            .unwrap();
        let tag = Tag::Claim {
            verdict: Verdict::False,
            claimant: Some("Bo".into()),
        };
        h.apply(&mut set, &t, &Command::SetTag(a.id, tag.clone()), now())
            .unwrap();
        assert_eq!(set.get(a.id).unwrap().tag, tag);
        h.undo(&mut set).unwrap().unwrap();
        assert_eq!(set.get(a.id).unwrap().tag, a.tag);
        h.undo(&mut set).unwrap().unwrap();
        assert!(set.is_empty());
        assert!(h.undo(&mut set).is_none());
        h.redo(&mut set).unwrap().unwrap();
        h.redo(&mut set).unwrap().unwrap();
        assert_eq!(set.get(a.id).unwrap().tag, tag);
        assert!(!h.can_redo());
    }

    #[test]
    fn coalesced_note_edits_undo_in_one_step() {
        let t = doc();
        let mut set = AnnotationSet::default();
        let mut h = History::default();
        let a = ann(&t, 6, 10);
        h.apply(&mut set, &t, &Command::Add(a.clone()), now())
            .unwrap();
        for (i, note) in ["n", "no", "not", "note"].iter().enumerate() {
            let cmd = Command::SetNote(a.id, (*note).to_owned());
            h.apply_coalesced(&mut set, &t, &cmd, now(), i > 0).unwrap();
        }
        assert_eq!(set.get(a.id).unwrap().note, "note");
        h.undo(&mut set).unwrap().unwrap();
        assert_eq!(set.get(a.id).unwrap().note, "");
        h.redo(&mut set).unwrap().unwrap();
        assert_eq!(set.get(a.id).unwrap().note, "note");
    }

    #[test]
    fn failed_batch_changes_nothing() {
        let t = doc();
        let mut set = AnnotationSet::default();
        let mut h = History::default();
        let a = ann(&t, 0, 5);
        let missing = AnnotationId::random();
        let err = h
            .apply(
                &mut set,
                &t,
                &Command::Batch(vec![Command::Add(a), Command::Delete(missing)]),
                now(),
            )
            .unwrap_err();
        assert_eq!(err, EditError::NotFound(missing));
        assert!(set.is_empty());
        assert!(!h.can_undo());
    }

    #[test]
    fn re_attach_refreshes_quote() {
        let t = doc();
        let mut set = AnnotationSet::default();
        let mut h = History::default();
        let a = ann(&t, 0, 5);
        h.apply(&mut set, &t, &Command::Add(a.clone()), now())
            .unwrap();
        h.apply(
            &mut set,
            &t,
            &Command::SetSpan {
                id: a.id,
                start: 6,
                end: 10,
            },
            now(),
        )
        .unwrap();
        assert_eq!(set.get(a.id).unwrap().exact, "beta");
        assert!(
            h.apply(
                &mut set,
                &t,
                &Command::SetSpan {
                    id: a.id,
                    start: 6,
                    end: 999
                },
                now()
            )
            .is_err()
        );
    }

    proptest! {
        #[test]
        fn apply_then_undo_is_identity(
            seed in prop::collection::vec((0usize..50, 1usize..8), 0..6),
            ops in prop::collection::vec((0u8..6, 0usize..6, 0usize..50, 1usize..8), 1..12),
        ) {
            let t = doc();
            let mut set = AnnotationSet::from_vec(seed.iter().map(|&(s, l)| ann(&t, s, s + l)).collect());
            let mut h = History::default();
            for (op, pick, s, l) in ops {
                let before = set.clone();
                let ids: Vec<AnnotationId> = set.iter().map(|a| a.id).collect();
                let id = ids.get(pick % ids.len().max(1)).copied().unwrap_or_else(AnnotationId::random);
                let cmd = match op {
                    0 => Command::Add(ann(&t, s, s + l)),
                    1 => Command::Delete(id),
                    2 => Command::SetTag(id, Tag::Date { value: None }),
                    3 => Command::SetNote(id, format!("note {s} ✓")),
                    4 => Command::SetReview(id, Review { status: ReviewStatus::Accepted, by: Some("kim".into()), at: Some(now()), comment: None }),
                    _ => Command::Batch(vec![Command::SetSpan { id, start: s, end: s + l }, Command::Add(ann(&t, l, l + s + 1))]),
                };
                if h.apply(&mut set, &t, &cmd, now()).is_ok() {
                    let after = set.clone();
                    h.undo(&mut set).unwrap().unwrap();
                    prop_assert_eq!(&set, &before);
                    h.redo(&mut set).unwrap().unwrap();
                    prop_assert_eq!(&set, &after);
                } else {
                    prop_assert_eq!(&set, &before);
                }
            }
        }
    }
}
