//! Corrections: what it means when a document's text is corrected under its annotations, and
//! the log of it that the sidecar keeps.
//!
//! When re-anchoring finds an annotation's text replaced in place ([`AnchorStatus::Changed`]),
//! nothing is rewritten until someone accepts the corrected text. Accepting it
//! ([`accept_command`], one undoable step) moves the annotation onto the new text, and what
//! was derived from the old text follows:
//!
//! - a date's value is read again from the new text, unless the user typed it (the rule of
//!   [`Annotation::set_span`]);
//! - a rated claim keeps its verdict but is marked for re-check: review status *needs work*
//!   with a comment saying what changed ([`recheck_review`]), until someone reviews it again
//!   or changes its verdict.
//!
//! The [`CorrectionLog`] records each version of the document seen (its hash and when) and,
//! per annotation, what changed (old and new text, when it was noticed, in which version) and
//! what was done about it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::anchor::{AnchorStatus, Anchoring};
use super::annotation::{
    Annotation, AnnotationId, DateValue, Review, ReviewStatus, Tag, TagKind, Verdict,
};
use super::edit::Command;
use super::text::{Text, one_line};

/// How the comment of a re-check review starts; a claim whose review is *needs work* with
/// such a comment awaits a new rating.
pub const RECHECK_PREFIX: &str = "Text changed from “";

/// How a re-check comment ends while the claim awaits its new rating; taken off when it is
/// rated again (the comment stays as a record of what changed).
pub const RECHECK_ASK: &str = "; rate again";

/// The longest excerpt of old or new text quoted in a re-check comment.
const COMMENT_EXCERPT: usize = 80;

/// One version of the document's text that was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionSeen {
    /// SHA-256 of the normalized text.
    pub sha256: String,
    /// Its length in chars.
    pub chars: usize,
    /// When it was first seen; absent for the version annotated before the log began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<DateTime<Utc>>,
}

/// What was done about a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CorrectionAction {
    /// Nobody decided yet.
    Pending,
    /// The corrected text was accepted: the annotation is on it now.
    Accepted,
    /// The corrected text was taken without review (by a script, `check --write
    /// --accept-changed`).
    AutoFollowed,
    /// The annotation was attached to other text than the one found.
    Reattached,
    /// The annotation was deleted.
    Deleted,
    /// A later version of the text changed it again, or gave its old text back.
    Superseded,
}

impl CorrectionAction {
    /// The stable lowercase name used by the CLI and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionAction::Pending => "pending",
            CorrectionAction::Accepted => "accepted",
            CorrectionAction::AutoFollowed => "auto-followed",
            CorrectionAction::Reattached => "reattached",
            CorrectionAction::Deleted => "deleted",
            CorrectionAction::Superseded => "superseded",
        }
    }

    /// Whether a decision was taken (accepted, auto-followed, re-attached or deleted).
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            CorrectionAction::Accepted
                | CorrectionAction::AutoFollowed
                | CorrectionAction::Reattached
                | CorrectionAction::Deleted
        )
    }
}

/// A date value read again from corrected text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateFollow {
    /// The value before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateValue>,
    /// The value read from the new text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DateValue>,
}

/// What happened to one annotation's text in one version of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRecord {
    /// The annotation.
    pub id: AnnotationId,
    /// Its tag when the change was noticed.
    pub tag: TagKind,
    /// What anchoring found: changed, fuzzy, ambiguous or orphaned.
    pub status: AnchorStatus,
    /// The annotated text before.
    pub old: String,
    /// The text found instead (changed and fuzzy); absent when none was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// SHA-256 of the version of the text in which it was noticed.
    pub version: String,
    /// When it was noticed.
    pub noticed: DateTime<Utc>,
    /// What was done.
    pub action: CorrectionAction,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<DateTime<Utc>>,
    /// A date's value, read again from the new text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateFollow>,
    /// A rated claim marked for re-check.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recheck: bool,
}

/// The corrections log of a document (empty until its text first changes under its
/// annotations).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrectionLog {
    /// Every version of the text seen, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<VersionSeen>,
    /// Every change noticed, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeRecord>,
}

impl CorrectionLog {
    /// Whether nothing was logged.
    pub fn is_empty(&self) -> bool {
        self.versions.is_empty() && self.changes.is_empty()
    }

    /// The number (1-based) of the version with this hash, by first appearance.
    pub fn version_number(&self, sha256: &str) -> Option<usize> {
        self.versions
            .iter()
            .position(|v| v.sha256 == sha256)
            .map(|i| i + 1)
    }

    /// The number (1-based) of the version a change was noticed in: the latest one with its
    /// hash seen by then (a text can come back after a correction is undone).
    pub fn version_of(&self, change: &ChangeRecord) -> Option<usize> {
        self.versions
            .iter()
            .rposition(|v| {
                v.sha256 == change.version && v.seen.is_none_or(|seen| seen <= change.noticed)
            })
            .or_else(|| {
                self.versions
                    .iter()
                    .position(|v| v.sha256 == change.version)
            })
            .map(|i| i + 1)
    }

    /// The changes of one annotation, oldest first.
    pub fn of(&self, id: AnnotationId) -> impl Iterator<Item = &ChangeRecord> {
        self.changes.iter().filter(move |c| c.id == id)
    }

    /// The changes nobody decided about yet.
    pub fn pending(&self) -> impl Iterator<Item = &ChangeRecord> {
        self.changes
            .iter()
            .filter(|c| c.action == CorrectionAction::Pending)
    }

    /// Records what anchoring found in `text` when it differs from the version the sidecar
    /// was written against (`recorded`: its hash and length): both versions, and each
    /// annotation that is not on its text (changed, fuzzy, ambiguous, orphaned) unless that
    /// was already recorded for this version. A change still pending from an earlier version
    /// is superseded by the new one, or by the annotation's text coming back. `results` are
    /// in the order of `annotations`. Returns whether anything was recorded.
    pub fn notice(
        &mut self,
        recorded: Option<(&str, usize)>,
        text: &Text,
        annotations: &[Annotation],
        results: &[Anchoring],
        now: DateTime<Utc>,
    ) -> bool {
        let Some((was, was_chars)) = recorded else {
            return false;
        };
        let sha = text.sha256();
        if was == sha {
            return false;
        }
        let mut any = false;
        if !self.versions.iter().any(|v| v.sha256 == was) {
            self.versions.push(VersionSeen {
                sha256: was.to_owned(),
                chars: was_chars,
                seen: None,
            });
            any = true;
        }
        if self.versions.last().map(|v| v.sha256.as_str()) != Some(sha) {
            self.versions.push(VersionSeen {
                sha256: sha.to_owned(),
                chars: text.char_count(),
                seen: Some(now),
            });
            any = true;
        }
        for (a, r) in annotations.iter().zip(results) {
            if r.status.is_anchored() {
                for c in self.changes.iter_mut().filter(|c| {
                    c.id == a.id && c.action == CorrectionAction::Pending && c.version != sha
                }) {
                    c.action = CorrectionAction::Superseded;
                    c.decided = Some(now);
                    any = true;
                }
                continue;
            }
            let new = match r.status {
                AnchorStatus::Changed | AnchorStatus::Fuzzy => r.found.clone(),
                _ => None,
            };
            let known = self
                .changes
                .iter()
                .any(|c| c.id == a.id && c.version == sha && c.old == a.exact && c.new == new);
            if known {
                continue;
            }
            for c in self
                .changes
                .iter_mut()
                .filter(|c| c.id == a.id && c.action == CorrectionAction::Pending)
            {
                c.action = CorrectionAction::Superseded;
                c.decided = Some(now);
            }
            self.changes.push(ChangeRecord {
                id: a.id,
                tag: a.tag.kind(),
                status: r.status,
                old: a.exact.clone(),
                new,
                version: sha.to_owned(),
                noticed: now,
                action: CorrectionAction::Pending,
                decided: None,
                date: None,
                recheck: false,
            });
            any = true;
        }
        any
    }

    /// Records the decision about the pending change of annotation `id`: `before` is the
    /// annotation as it was, `after` as it is now (`None`: deleted). On the text found, it is
    /// `action` (accepted or auto-followed); on other text, re-attached. Returns whether a
    /// pending change was there.
    pub fn resolve(
        &mut self,
        id: AnnotationId,
        before: Option<&Annotation>,
        after: Option<&Annotation>,
        action: CorrectionAction,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(c) = self
            .changes
            .iter_mut()
            .rev()
            .find(|c| c.id == id && c.action == CorrectionAction::Pending)
        else {
            return false;
        };
        c.decided = Some(now);
        let Some(after) = after else {
            c.action = CorrectionAction::Deleted;
            return true;
        };
        c.action = if c.new.as_deref() == Some(after.exact.as_str()) {
            action
        } else {
            CorrectionAction::Reattached
        };
        if let (Some(Tag::Date { value: from }), Tag::Date { value: to }) =
            (before.map(|b| &b.tag), &after.tag)
            && from != to
        {
            c.date = Some(DateFollow {
                from: from.clone(),
                to: to.clone(),
            });
        }
        c.recheck = needs_recheck(after);
        true
    }

    /// Takes back the last decision about annotation `id` (it was undone): its change is
    /// pending again. Returns whether there was one.
    pub fn reopen(&mut self, id: AnnotationId) -> bool {
        let Some(c) = self.changes.iter_mut().rev().find(|c| c.id == id) else {
            return false;
        };
        if !c.action.is_decided() {
            return false;
        }
        c.action = CorrectionAction::Pending;
        c.decided = None;
        c.date = None;
        c.recheck = false;
        true
    }

    /// Adds what another copy of the log holds that this one does not (saving over a
    /// sidecar another program changed): versions by hash, changes by annotation, version
    /// and text; of the same change recorded twice, the decided one wins.
    pub fn merge(&mut self, other: &CorrectionLog) {
        for v in &other.versions {
            if !self.versions.iter().any(|x| x.sha256 == v.sha256) {
                self.versions.push(v.clone());
            }
        }
        for c in &other.changes {
            let same = |x: &ChangeRecord| {
                x.id == c.id && x.version == c.version && x.old == c.old && x.new == c.new
            };
            match self.changes.iter_mut().find(|x| same(x)) {
                Some(x) if !x.action.is_decided() && c.action.is_decided() => *x = c.clone(),
                Some(_) => {}
                None => self.changes.push(c.clone()),
            }
        }
        self.changes.sort_by_key(|c| c.noticed);
    }
}

/// The review a rated claim gets when its text changes: needs work, with a comment saying
/// what changed and when.
pub fn recheck_review(old: &str, new: &str, now: DateTime<Utc>) -> Review {
    Review {
        status: ReviewStatus::NeedsWork,
        by: None,
        at: Some(now),
        comment: Some({
            let (was, now_is) = super::worddiff::change_summary(old, new, COMMENT_EXCERPT);
            format!(
                "{RECHECK_PREFIX}{}” to “{}” on {}{RECHECK_ASK}",
                one_line(&was, 3 * COMMENT_EXCERPT),
                one_line(&now_is, 3 * COMMENT_EXCERPT),
                now.format("%Y-%m-%d")
            )
        }),
    }
}

/// Whether an annotation is a rated claim (verdict other than unrated).
pub fn is_rated_claim(a: &Annotation) -> bool {
    matches!(&a.tag, Tag::Claim { verdict, .. } if *verdict != Verdict::Unrated)
}

/// Whether a claim awaits a new rating because its text changed since it was rated: its review
/// is the one [`recheck_review`] gave it.
pub fn needs_recheck(a: &Annotation) -> bool {
    is_rated_claim(a)
        && a.review.status == ReviewStatus::NeedsWork
        && a.review
            .comment
            .as_deref()
            .is_some_and(|c| c.starts_with(RECHECK_PREFIX))
}

/// `review` given to a claim that awaited its new rating (see [`needs_recheck`]): when it no
/// longer asks for work, its comment stops asking for a rating.
pub fn rated_again(a: &Annotation, review: &Review) -> Review {
    let mut out = review.clone();
    if needs_recheck(a) && review.status != ReviewStatus::NeedsWork {
        out.comment = review
            .comment
            .as_deref()
            .map(|c| c.strip_suffix(RECHECK_ASK).unwrap_or(c).to_owned());
    }
    out
}

/// What a change record says about re-checking, given the annotation as it is now: nothing,
/// "marked for re-check", or "marked for re-check, since rated again" once its verdict was
/// picked again or kept.
pub fn recheck_note(c: &ChangeRecord, now: Option<&Annotation>) -> Option<&'static str> {
    if !c.recheck {
        return None;
    }
    Some(if now.is_some_and(|a| !needs_recheck(a)) {
        "marked for re-check, since rated again"
    } else {
        "marked for re-check"
    })
}

/// What a date's value becomes when the annotation moves onto `new_text` (see
/// [`Annotation::set_span`]): `Some((before, after))` when it changes.
pub fn date_follow(
    a: &Annotation,
    new_text: &str,
) -> Option<(Option<DateValue>, Option<DateValue>)> {
    let mut moved = a.clone();
    let Tag::Date { value: before } = &a.tag else {
        return None;
    };
    let text = Text::from_str_normalized(new_text);
    moved.set_span(&text, 0, text.char_count());
    match moved.tag {
        Tag::Date { value: after } if after != *before => Some((before.clone(), after)),
        _ => None,
    }
}

/// The one undoable step that accepts the corrected text `start..end` of `text` for `a`: the
/// annotation moves onto it (a date's value follows), and a rated claim is marked for
/// re-check.
pub fn accept_command(
    a: &Annotation,
    text: &Text,
    start: usize,
    end: usize,
    now: DateTime<Utc>,
) -> Command {
    let span = Command::SetSpan {
        id: a.id,
        start,
        end,
    };
    let new = text.slice(start..end.min(text.char_count()));
    if is_rated_claim(a) && new != a.exact {
        Command::Batch(vec![
            span,
            Command::SetReview(a.id, recheck_review(&a.exact, new, now)),
        ])
    } else {
        span
    }
}

/// Accepts the corrected text of every changed annotation without review (a script's choice):
/// returns the annotations as they become, each with the same follow-ups as
/// [`accept_command`], in the order of `annotations`; those not changed are left out.
pub fn follow_changes(
    text: &Text,
    annotations: &[Annotation],
    results: &[Anchoring],
    now: DateTime<Utc>,
) -> Vec<Annotation> {
    annotations
        .iter()
        .zip(results)
        .filter(|(_, r)| {
            r.status == AnchorStatus::Changed && r.start < r.end && r.end <= text.char_count()
        })
        .map(|(a, r)| {
            let mut b = a.clone();
            b.set_span(text, r.start, r.end);
            if is_rated_claim(a) {
                b.review = recheck_review(&a.exact, &b.exact, now);
            }
            b.modified = now;
            b
        })
        .collect()
}

#[cfg(test)]
#[path = "corrections_tests.rs"]
mod tests;
