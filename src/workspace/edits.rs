//! Changing annotations: one small function per intent, each one undoable step on the
//! document it changes.

use std::time::{Duration, Instant};

use chrono::{SubsecRound as _, Utc};

use super::{Outcome, Workspace};
use crate::core::annotation::{Annotation, AnnotationId, Review, ReviewStatus, Tag, TagKind};
use crate::core::bulk::BulkEdit;
use crate::core::edit::Command;

/// How long typing pauses before the next keystroke starts a new undo step.
pub const TYPING_PAUSE: Duration = Duration::from_millis(1500);

impl Workspace {
    /// Applies a command to the current document. While `typing`, a change to the same
    /// annotation as the previous keystroke, soon after it, joins its undo step.
    pub(super) fn edit(&mut self, cmd: &Command, typing: bool) -> Vec<Outcome> {
        // A speaker typed by hand that a new link replaces is named, so that it can be
        // brought back.
        let speaker_of = |ws: &Self| -> Option<(AnnotationId, Option<String>)> {
            let from = match cmd {
                Command::Link { from, .. } => from,
                Command::Batch(steps) => steps.iter().find_map(|c| match c {
                    Command::Link { from, .. } => Some(from),
                    _ => None,
                })?,
                _ => return None,
            };
            let a = ws.current()?.session.annotations.get(*from)?;
            Some((*from, crate::core::link::speaker(&a.tag).map(str::to_owned)))
        };
        let before = speaker_of(self);
        let mut out = self.edit_plain(cmd, typing);
        if out.is_empty()
            && let Some((from, Some(old))) = before
            && let Some(new) = self
                .current()
                .and_then(|d| d.session.annotations.get(from))
                .and_then(|a| crate::core::link::speaker(&a.tag))
            && new != old
        {
            out.push(Outcome::SpeakerReplaced {
                old,
                new: new.to_owned(),
            });
        }
        out
    }

    fn edit_plain(&mut self, cmd: &Command, typing: bool) -> Vec<Outcome> {
        let id = cmd_id(cmd);
        let coalesce = typing
            && matches!((self.last_typing, id), (Some((last, t)), Some(id)) if last == id && t.elapsed() < TYPING_PAUSE);
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        match doc.apply(cmd, coalesce) {
            Ok(_) => {
                self.last_typing = if typing {
                    id.map(|id| (id, Instant::now()))
                } else {
                    None
                };
                Vec::new()
            }
            Err(e) => vec![Outcome::EditFailed(e)],
        }
    }

    /// Deletes an annotation with the links to and from it, in one undoable step; says how
    /// many links went with it.
    pub(super) fn delete(&mut self, id: AnnotationId) -> Vec<Outcome> {
        let links = self.current().map_or(0, |d| {
            crate::core::link::links_of(d.session.annotations.iter(), id).len()
        });
        let mut out = self.edit(&Command::Delete(id), false);
        if links > 0 && out.is_empty() {
            out.push(Outcome::DeletedLinks(links));
        }
        out
    }

    /// Undoes (or with `redo`, redoes) the current document's last change, and selects and
    /// shows what it touched.
    pub(super) fn undo(&mut self, redo: bool) -> Vec<Outcome> {
        self.last_typing = None;
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let r = if redo { doc.redo() } else { doc.undo() };
        match r {
            Some(Ok(ids)) => {
                let mut out = vec![Outcome::Undone { redo }];
                if let Some(a) = ids.iter().find_map(|id| doc.session.annotations.get(*id)) {
                    let (id, at) = (a.id, a.start);
                    doc.selected = Some(id);
                    out.extend([Outcome::Selected(id), Outcome::Reveal(at)]);
                }
                out
            }
            Some(Err(e)) => vec![Outcome::EditFailed(e)],
            None => Vec::new(),
        }
    }

    /// Selects an annotation of the current document (or none).
    pub(super) fn select_annotation(
        &mut self,
        id: Option<AnnotationId>,
        reveal: bool,
    ) -> Vec<Outcome> {
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        doc.selected = id.filter(|id| doc.session.annotations.contains(*id));
        doc.many.clear();
        let mut out = Vec::new();
        if let Some(a) = doc.selected.and_then(|id| doc.session.annotations.get(id)) {
            out.push(Outcome::Selected(a.id));
            if reveal {
                out.push(Outcome::Reveal(a.start));
            }
        }
        out
    }

    /// Tags the text selection as `kind` (with details read from the text where they can be);
    /// with no text selected, retags the selected annotation, keeping what still fits.
    pub(super) fn tag(&mut self, kind: TagKind) -> Vec<Outcome> {
        self.last_typing = None;
        let author = self.author.clone();
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let Some(sel) = doc.selection.filter(|s| !s.is_empty()) else {
            if !doc.many.is_empty() {
                return self.edit_many(BulkEdit::Retag(kind));
            }
            let retag = doc
                .selected
                .and_then(|id| doc.session.annotations.get(id))
                .filter(|a| a.tag.kind() != kind)
                .map(|a| {
                    let mut lost = dropped_details(&a.tag, &a.retagged(kind));
                    let (mut steps, loss) = crate::core::bulk::retag(
                        &doc.session.annotations,
                        a,
                        kind,
                        &mut Vec::new(),
                    );
                    if loss.sources > 0 {
                        lost.push(crate::core::text::plural(loss.sources, "source", "sources"));
                    }
                    if loss.links > 0 {
                        lost.push(crate::core::text::plural(loss.links, "link", "links"));
                    }
                    let cmd = if steps.len() == 1 {
                        steps.remove(0)
                    } else {
                        Command::Batch(steps)
                    };
                    (cmd, a.tag.kind(), lost)
                });
            return match retag {
                Some((cmd, from, lost)) => {
                    let mut out = self.edit(&cmd, false);
                    if out.is_empty() && !lost.is_empty() {
                        out.push(Outcome::Retagged {
                            from,
                            to: kind,
                            lost,
                        });
                    }
                    out
                }
                None => Vec::new(),
            };
        };
        let text = &doc.session.text;
        // Spaces at the edges of a selection (made by the keyboard) are not tagged.
        let picked = text.slice(sel.start()..sel.end());
        let lead = picked.chars().take_while(|c| c.is_whitespace()).count();
        let trail = picked
            .chars()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        let (start, end) = (sel.start() + lead, sel.end().saturating_sub(trail));
        if start >= end {
            return vec![Outcome::NothingToTag];
        }
        // The same span tagged the same way again (a key pressed twice): the annotation there
        // is selected, not made twice.
        if let Some(id) = doc
            .session
            .annotations
            .tagged_so(start, end, kind)
            .map(|a| a.id)
        {
            doc.selected = Some(id);
            doc.selection = None;
            return vec![Outcome::Selected(id), Outcome::AlreadyTagged(id, kind)];
        }
        let tag = Tag::for_text(kind, text.slice(start..end));
        let now = Utc::now().trunc_subsecs(0);
        let a = match Annotation::new(text, start, end, tag, &author, now) {
            Ok(a) => a,
            Err(e) => return vec![Outcome::EditFailed(e.into())],
        };
        let id = a.id;
        match doc.apply(&Command::Add(a), false) {
            Ok(_) => {
                doc.selected = Some(id);
                doc.selection = None;
                vec![Outcome::Selected(id)]
            }
            Err(e) => vec![Outcome::EditFailed(e)],
        }
    }

    /// Selects annotations together (fewer than two: just the one, as a single selection).
    pub(super) fn select_many(&mut self, ids: Vec<AnnotationId>) -> Vec<Outcome> {
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let ids: Vec<AnnotationId> = ids
            .into_iter()
            .filter(|id| doc.session.annotations.contains(*id))
            .collect();
        doc.selection = None;
        doc.selected = ids.last().copied();
        doc.many = ids.iter().copied().collect();
        if doc.many.len() < 2 {
            doc.many.clear();
        }
        doc.selected.map(Outcome::Selected).into_iter().collect()
    }

    /// Makes one change to every annotation selected together, in one undoable step.
    pub(super) fn edit_many(&mut self, edit: BulkEdit) -> Vec<Outcome> {
        self.last_typing = None;
        let by = self.author.clone();
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let ids: Vec<AnnotationId> = doc.many.iter().copied().collect();
        let now = Utc::now().trunc_subsecs(0);
        let Some(cmd) = crate::core::bulk::bulk(&doc.session.annotations, &ids, edit, &by, now)
        else {
            return Vec::new();
        };
        let count = match &cmd {
            Command::Batch(cmds) => cmds.len(),
            _ => 1,
        };
        match doc.apply(&cmd, false) {
            Ok(_) => vec![Outcome::EditedMany { count }],
            Err(e) => vec![Outcome::EditFailed(e)],
        }
    }

    /// Tags every span like `template` in one step, skipping spans already tagged that way.
    pub(super) fn tag_all(&mut self, template: &Tag, spans: &[(usize, usize)]) -> Vec<Outcome> {
        self.last_typing = None;
        let author = self.author.clone();
        let Some(doc) = self.current_mut() else {
            return Vec::new();
        };
        let kind = template.kind();
        let now = Utc::now().trunc_subsecs(0);
        let text = &doc.session.text;
        let adds: Vec<Command> = spans
            .iter()
            .filter(|&&(s, e)| doc.session.annotations.tagged_so(s, e, kind).is_none())
            .filter_map(|&(s, e)| {
                let tag = template.clone().with_value_from(text.slice(s..e));
                Annotation::new(text, s, e, tag, &author, now).ok()
            })
            .map(Command::Add)
            .collect();
        let count = adds.len();
        let skipped = spans.len() - count;
        if count == 0 {
            return vec![Outcome::TaggedMatches {
                count,
                skipped,
                kind,
            }];
        }
        match doc.apply(&Command::Batch(adds), false) {
            Ok(_) => vec![Outcome::TaggedMatches {
                count,
                skipped,
                kind,
            }],
            Err(e) => vec![Outcome::EditFailed(e)],
        }
    }

    /// Moves the nearer edge of an annotation's span to `at`.
    pub(super) fn reach(&mut self, id: AnnotationId, at: usize) -> Vec<Outcome> {
        let span = self.current().and_then(|d| {
            let a = d.session.annotations.get(id)?;
            let (s, e) = crate::core::reach::reach(a.start, a.end, at)?;
            // Spaces at the new edges are not part of the span (a click at a word's very
            // left edge lands on the space before it).
            let (s, e) = crate::core::reach::without_blank_edges(&d.session.text, s, e);
            (s < e && (s, e) != (a.start, a.end)).then_some((s, e))
        });
        match span {
            Some((start, end)) => self.edit(&Command::SetSpan { id, start, end }, false),
            None => Vec::new(),
        }
    }

    /// Reviews an annotation of folder document `i` (saved by the save policy like any other
    /// change); [`Self::undo_review`] takes it back.
    pub(super) fn review(
        &mut self,
        i: usize,
        id: AnnotationId,
        status: ReviewStatus,
        comment: Option<String>,
    ) -> Vec<Outcome> {
        let now = Utc::now().trunc_subsecs(0);
        let review = Review {
            status,
            by: Some(self.author.clone()),
            at: Some(now),
            comment,
        };
        let Some(doc) = self.folder.as_mut().and_then(|f| f.doc_mut(i)) else {
            return vec![Outcome::ReviewFailed(
                "the document is not read yet".to_owned(),
            )];
        };
        match doc.apply(&Command::SetReview(id, review), false) {
            Ok(_) => {
                self.review_undo.push(i);
                Vec::new()
            }
            Err(e) => vec![Outcome::ReviewFailed(e.to_string())],
        }
    }

    /// Undoes the last review made in the folder's views.
    pub(super) fn undo_review(&mut self) -> Vec<Outcome> {
        let Some(i) = self.review_undo.pop() else {
            return Vec::new();
        };
        let Some(doc) = self.folder.as_mut().and_then(|f| f.doc_mut(i)) else {
            return Vec::new();
        };
        match doc.undo() {
            Some(Err(e)) => vec![Outcome::ReviewFailed(e.to_string())],
            _ => Vec::new(),
        }
    }
}

/// The details of `old` that a retag to `new` drops, in words ("verdict False",
/// "claimant Ann Poe", …).
fn dropped_details(old: &Tag, new: &Tag) -> Vec<String> {
    use crate::core::annotation::{EntityKind, Verdict};
    let mut lost = Vec::new();
    match old {
        Tag::Claim { verdict, claimant } => {
            if *verdict != Verdict::Unrated {
                lost.push(format!("verdict {verdict}"));
            }
            if let Some(c) = claimant
                && !matches!(new, Tag::Quote { speaker: Some(s) } if s == c)
            {
                lost.push(format!("claimant {c}"));
            }
        }
        Tag::Quote { speaker: Some(s) } if !matches!(new, Tag::Claim { claimant: Some(c), .. } if c == s) =>
        {
            lost.push(format!("speaker {s}"));
        }
        Tag::Entity { kind, identifier } => {
            if *kind != EntityKind::Other {
                lost.push(format!("kind {kind}"));
            }
            if let Some(i) = identifier {
                lost.push(format!("identifier {i}"));
            }
        }
        Tag::Date { .. } | Tag::Quote { .. } => {}
    }
    lost
}

/// The annotation a command is about, if it is about one.
fn cmd_id(cmd: &Command) -> Option<AnnotationId> {
    match cmd {
        Command::Add(a) => Some(a.id),
        Command::Delete(id)
        | Command::SetTag(id, _)
        | Command::SetNote(id, _)
        | Command::SetReview(id, _)
        | Command::SetSpan { id, .. }
        | Command::SetEvidence(id, _)
        | Command::Link { from: id, .. }
        | Command::Unlink { from: id, .. }
        | Command::SetLink { from: id, .. } => Some(*id),
        Command::Batch(_) => None,
    }
}
