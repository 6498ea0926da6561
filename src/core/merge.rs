//! Three-way merge of annotation sets by id, field by field: what one side changed is taken,
//! and only the same field changed differently on both sides is a [`Conflict`], which keeps
//! both values. Used for concurrent saves, recovery and the git merge driver.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::annotation::{Annotation, AnnotationId, Review, Tag};
use super::evidence::Evidence;
use super::link::Link;

/// A field of an annotation, as far as merging is concerned. The span, its quote and its
/// context move together; `modified` is not a field (it follows the merged content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    /// `start`, `end`, `exact`, `prefix` and `suffix` together.
    Span,
    /// The tag and its attributes.
    Tag,
    /// The note.
    Note,
    /// The review (status, reviewer, time and comment together).
    Review,
    /// Who created it.
    Author,
    /// When it was created.
    Created,
    /// Its links to other annotations (merged link by link).
    Links,
    /// Its evidence (merged item by item).
    Evidence,
}

impl Field {
    /// Every field, in the order conflicts are listed.
    pub const ALL: &'static [Field] = &[
        Field::Span,
        Field::Tag,
        Field::Note,
        Field::Review,
        Field::Author,
        Field::Created,
        Field::Links,
        Field::Evidence,
    ];

    /// The stable lowercase name (`span`, `tag`, `note`, `review`, `author`, `created`,
    /// `links`, `evidence`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Span => "span",
            Field::Tag => "tag",
            Field::Note => "note",
            Field::Review => "review",
            Field::Author => "author",
            Field::Created => "created",
            Field::Links => "links",
            Field::Evidence => "evidence",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The value of one [`Field`] of an annotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldValue {
    /// Where the annotation is, with its quote and context.
    Span {
        /// First char.
        start: usize,
        /// One past the last char.
        end: usize,
        /// The quoted text.
        exact: String,
        /// Context before.
        prefix: String,
        /// Context after.
        suffix: String,
    },
    /// The tag and its attributes.
    Tag(Tag),
    /// The note.
    Note(String),
    /// The review.
    Review(Review),
    /// The author.
    Author(String),
    /// The creation time.
    Created(DateTime<Utc>),
    /// The links.
    Links(Vec<Link>),
    /// The evidence.
    Evidence(Vec<Evidence>),
}

impl FieldValue {
    /// The value of `field` in `a`.
    pub fn of(a: &Annotation, field: Field) -> Self {
        match field {
            Field::Span => FieldValue::Span {
                start: a.start,
                end: a.end,
                exact: a.exact.clone(),
                prefix: a.prefix.clone(),
                suffix: a.suffix.clone(),
            },
            Field::Tag => FieldValue::Tag(a.tag.clone()),
            Field::Note => FieldValue::Note(a.note.clone()),
            Field::Review => FieldValue::Review(a.review.clone()),
            Field::Author => FieldValue::Author(a.author.clone()),
            Field::Created => FieldValue::Created(a.created),
            Field::Links => FieldValue::Links(a.links.clone()),
            Field::Evidence => FieldValue::Evidence(a.evidence.clone()),
        }
    }

    /// Which field this is a value of.
    pub fn field(&self) -> Field {
        match self {
            FieldValue::Span { .. } => Field::Span,
            FieldValue::Tag(_) => Field::Tag,
            FieldValue::Note(_) => Field::Note,
            FieldValue::Review(_) => Field::Review,
            FieldValue::Author(_) => Field::Author,
            FieldValue::Created(_) => Field::Created,
            FieldValue::Links(_) => Field::Links,
            FieldValue::Evidence(_) => Field::Evidence,
        }
    }

    /// Sets this field of `a` to this value (`modified` is left alone).
    pub fn apply_to(&self, a: &mut Annotation) {
        match self.clone() {
            FieldValue::Span {
                start,
                end,
                exact,
                prefix,
                suffix,
            } => {
                (a.start, a.end) = (start, end);
                (a.exact, a.prefix, a.suffix) = (exact, prefix, suffix);
            }
            FieldValue::Tag(t) => a.tag = t,
            FieldValue::Note(n) => a.note = n,
            FieldValue::Review(r) => a.review = r,
            FieldValue::Author(s) => a.author = s,
            FieldValue::Created(t) => a.created = t,
            FieldValue::Links(l) => a.links = l,
            FieldValue::Evidence(e) => a.evidence = e,
        }
    }

    /// Whether two annotations have the same value of `field`.
    fn same(a: &Annotation, b: &Annotation, field: Field) -> bool {
        match field {
            Field::Span => {
                (a.start, a.end, &a.exact, &a.prefix, &a.suffix)
                    == (b.start, b.end, &b.exact, &b.prefix, &b.suffix)
            }
            Field::Tag => a.tag == b.tag,
            Field::Note => a.note == b.note,
            Field::Review => a.review == b.review,
            Field::Author => a.author == b.author,
            Field::Created => a.created == b.created,
            Field::Links => a.links == b.links,
            Field::Evidence => a.evidence == b.evidence,
        }
    }
}

/// One of the two sides of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The version being saved (the window's, or git's current branch).
    Ours,
    /// The other version (on disk, or the branch being merged in).
    Theirs,
}

/// The same field of the same annotation, changed differently on both sides. The merged
/// annotation holds `ours` until the conflict is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The annotation.
    pub id: AnnotationId,
    /// The field.
    pub field: Field,
    /// Our value (the one the merged annotation holds).
    pub ours: FieldValue,
    /// Their value.
    pub theirs: FieldValue,
}

impl Conflict {
    /// The value of one side.
    pub fn value(&self, side: Side) -> &FieldValue {
        match side {
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        }
    }

    /// The resolution that keeps one side's value.
    pub fn take(&self, side: Side) -> Resolution {
        Resolution {
            conflict: self.clone(),
            value: self.value(side).clone(),
        }
    }

    /// Whether both values are of the conflict's field (a hand-edited record may not be).
    pub fn is_consistent(&self) -> bool {
        self.ours.field() == self.field && self.theirs.field() == self.field
    }
}

/// How the user resolved a conflict: the value the field takes (usually one side's, see
/// [`Conflict::take`]; any value of that field is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The conflict, exactly as it was shown.
    pub conflict: Conflict,
    /// The chosen value.
    pub value: FieldValue,
}

impl Resolution {
    /// Applies the chosen value to the annotation of the conflict, if it is in `set` and the
    /// value is of the conflict's field. Returns whether it was applied. `modified` becomes
    /// `now`.
    pub fn apply(&self, annotations: &mut [Annotation], now: DateTime<Utc>) -> bool {
        if self.value.field() != self.conflict.field {
            return false;
        }
        match annotations.iter_mut().find(|a| a.id == self.conflict.id) {
            Some(a) => {
                self.value.apply_to(a);
                a.modified = now;
                true
            }
            None => false,
        }
    }
}

/// An annotation deleted on one side and changed on the other: it is kept, changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kept {
    /// The annotation.
    pub id: AnnotationId,
    /// The side that deleted it.
    pub deleted_by: Side,
}

/// The outcome of [`merge`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeResult {
    /// The merged annotations, sorted by (start, end, id); conflicting fields hold ours.
    pub merged: Vec<Annotation>,
    /// Fields changed differently on both sides, in merged order then field order.
    pub conflicts: Vec<Conflict>,
    /// Annotations deleted on one side and changed on the other, kept (in merged order).
    pub kept: Vec<Kept>,
}

/// How one set of annotations differs from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Ids only in the second set.
    pub added: usize,
    /// Ids only in the first set.
    pub deleted: usize,
    /// Ids in both whose annotations differ.
    pub changed: usize,
}

impl Tally {
    /// What turns `from` into `to`, by id.
    pub fn between(from: &[Annotation], to: &[Annotation]) -> Self {
        let from = by_id(from);
        let to = by_id(to);
        let mut t = Tally::default();
        for (id, a) in &to {
            match from.get(id) {
                None => t.added += 1,
                Some(b) if b != a => t.changed += 1,
                Some(_) => {}
            }
        }
        t.deleted = from.keys().filter(|id| !to.contains_key(id)).count();
        t
    }

    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        *self == Tally::default()
    }
}

fn by_id(items: &[Annotation]) -> BTreeMap<AnnotationId, &Annotation> {
    items.iter().map(|a| (a.id, a)).collect()
}

/// Merges two versions of a set of annotations, `ours` and `theirs`, both derived from `base`,
/// by annotation id:
///
/// - added on one side: kept;
/// - deleted on one side and unchanged on the other: deleted;
/// - deleted on one side and changed on the other: kept, changed, and listed in `kept`;
/// - changed on both sides: merged field by field; a field changed on one side takes that
///   change, and a field changed differently on both is a [`Conflict`] (the merged annotation
///   holds ours until it is resolved).
///
/// No id present in `ours` or `theirs` is lost unless the other side deleted it unchanged.
pub fn merge(base: &[Annotation], ours: &[Annotation], theirs: &[Annotation]) -> MergeResult {
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let ids: BTreeSet<AnnotationId> = b.keys().chain(o.keys()).chain(t.keys()).copied().collect();
    let mut result = MergeResult::default();
    for id in ids {
        let (base, ours, theirs) = (b.get(&id), o.get(&id), t.get(&id));
        let merged = match (base, ours, theirs) {
            (_, None, None) => None,
            (None, Some(x), None) | (None, None, Some(x)) => Some((*x).clone()),
            (Some(b), Some(o), None) => (o != b).then(|| keep(&mut result, o, id, Side::Theirs)),
            (Some(b), None, Some(t)) => (t != b).then(|| keep(&mut result, t, id, Side::Ours)),
            (b, Some(o), Some(t)) => Some(merge_one(b.copied(), o, t, &mut result.conflicts)),
        };
        result.merged.extend(merged);
    }
    result.merged.sort_by_key(Annotation::sort_key);
    for c in dangling_links(&result.merged) {
        if !result.conflicts.contains(&c) {
            result.conflicts.push(c);
        }
    }
    let order: BTreeMap<AnnotationId, usize> = result
        .merged
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    result
        .conflicts
        .sort_by_key(|c| (order.get(&c.id).copied(), c.field));
    result.kept.sort_by_key(|k| order.get(&k.id).copied());
    result
}

fn keep(
    result: &mut MergeResult,
    a: &Annotation,
    id: AnnotationId,
    deleted_by: Side,
) -> Annotation {
    result.kept.push(Kept { id, deleted_by });
    a.clone()
}

/// Merges one annotation present on both sides, field by field.
fn merge_one(
    base: Option<&Annotation>,
    ours: &Annotation,
    theirs: &Annotation,
    conflicts: &mut Vec<Conflict>,
) -> Annotation {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    let mut merged = ours.clone();
    for &field in Field::ALL {
        if FieldValue::same(ours, theirs, field) {
            continue;
        }
        match base {
            Some(b) if FieldValue::same(b, ours, field) => {
                FieldValue::of(theirs, field).apply_to(&mut merged);
            }
            Some(b) if FieldValue::same(b, theirs, field) => {}
            Some(b) if field == Field::Links => {
                let (list, clash) = merge_items(&b.links, &ours.links, &theirs.links, |l| l.id);
                merged.links = list;
                if let Some(theirs_list) = clash {
                    conflicts.push(Conflict {
                        id: ours.id,
                        field,
                        ours: FieldValue::Links(merged.links.clone()),
                        theirs: FieldValue::Links(theirs_list),
                    });
                }
            }
            Some(b) if field == Field::Evidence => {
                let (list, clash) =
                    merge_items(&b.evidence, &ours.evidence, &theirs.evidence, |e| e.id);
                merged.evidence = list;
                if let Some(theirs_list) = clash {
                    conflicts.push(Conflict {
                        id: ours.id,
                        field,
                        ours: FieldValue::Evidence(merged.evidence.clone()),
                        theirs: FieldValue::Evidence(theirs_list),
                    });
                }
            }
            _ => conflicts.push(Conflict {
                id: ours.id,
                field,
                ours: FieldValue::of(ours, field),
                theirs: FieldValue::of(theirs, field),
            }),
        }
    }
    let content = |a: &Annotation| {
        let mut a = a.clone();
        a.modified = DateTime::<Utc>::MIN_UTC;
        a
    };
    let merged_content = content(&merged);
    merged.modified = if merged_content == content(ours) {
        ours.modified
    } else if merged_content == content(theirs) {
        theirs.modified
    } else {
        ours.modified.max(theirs.modified)
    };
    merged
}

/// Three-way merge of a list of items by id, in ours' order with theirs' additions after
/// their predecessor (at the end when they have none): an item added on either side is kept; removed on one side and
/// unchanged on the other, removed; changed on one side, that change; removed on one side
/// and changed on the other, kept changed. When the same item changed differently on both
/// sides the list holds ours, and the second value is the list with theirs instead.
fn merge_items<T: Clone + PartialEq, K: Ord + Copy>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
) -> (Vec<T>, Option<Vec<T>>) {
    let find = |list: &[T], k: K| list.iter().find(|x| key(x) == k).cloned();
    let mut order: Vec<K> = ours.iter().map(&key).collect();
    for (i, t) in theirs.iter().enumerate() {
        let k = key(t);
        if order.contains(&k) {
            continue;
        }
        // Placed after the item that precedes it in theirs, where that is kept.
        let after = theirs[..i]
            .iter()
            .rev()
            .find_map(|p| order.iter().position(|&o| o == key(p)));
        order.insert(after.map_or(order.len(), |p| p + 1), k);
    }
    let mut merged = Vec::new();
    let mut alternative = Vec::new();
    let mut clash = false;
    for k in order {
        let (b, o, t) = (find(base, k), find(ours, k), find(theirs, k));
        let (pick, other) = match (b, o, t) {
            (_, None, None) => (None, None),
            (None, Some(x), None) | (None, None, Some(x)) => (Some(x.clone()), Some(x)),
            (Some(b), Some(o), None) => {
                let kept = (o != b).then_some(o);
                (kept.clone(), kept)
            }
            (Some(b), None, Some(t)) => {
                let kept = (t != b).then_some(t);
                (kept.clone(), kept)
            }
            (b, Some(o), Some(t)) => {
                if o == t || b.as_ref() == Some(&t) {
                    (Some(o.clone()), Some(o))
                } else if b.as_ref() == Some(&o) {
                    (Some(t.clone()), Some(t))
                } else {
                    clash = true;
                    (Some(o), Some(t))
                }
            }
        };
        merged.extend(pick);
        alternative.extend(other);
    }
    (merged, clash.then_some(alternative))
}

/// Links in `merged` whose target is not among the merged annotations (deleted on one side
/// while the other side linked to it): each annotation holding one gets a [`Field::Links`]
/// conflict whose `ours` keeps the link (the annotation holds it) and whose `theirs` drops
/// it, so the user decides; nothing is dropped silently.
pub fn dangling_links(merged: &[Annotation]) -> Vec<Conflict> {
    let ids: BTreeSet<AnnotationId> = merged.iter().map(|a| a.id).collect();
    merged
        .iter()
        .filter(|a| a.links.iter().any(|l| !ids.contains(&l.to)))
        .map(|a| Conflict {
            id: a.id,
            field: Field::Links,
            ours: FieldValue::Links(a.links.clone()),
            theirs: FieldValue::Links(
                a.links
                    .iter()
                    .filter(|l| ids.contains(&l.to))
                    .cloned()
                    .collect(),
            ),
        })
        .collect()
}

/// Three-way merge of recorded conflicts (a sidecar's `conflicts` list) as sets: a record
/// kept by both sides or added by one stays; one that either side removed (resolved) goes.
/// Records of annotations not in `annotations` are dropped; the result is deduplicated and
/// in the order of `annotations`, then field.
pub fn merge_records(
    base: &[Conflict],
    ours: &[Conflict],
    theirs: &[Conflict],
    annotations: &[Annotation],
) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = Vec::new();
    for c in ours.iter().chain(theirs) {
        let in_ours = ours.contains(c);
        let in_theirs = theirs.contains(c);
        let keep = (in_ours && in_theirs) || !base.contains(c);
        if keep && !out.contains(c) {
            out.push(c.clone());
        }
    }
    order_records(out, annotations)
}

/// Keeps the records whose annotation is in `annotations`, deduplicated, in the order of the
/// annotations, then field.
pub fn order_records(records: Vec<Conflict>, annotations: &[Annotation]) -> Vec<Conflict> {
    let order: BTreeMap<AnnotationId, usize> = annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut out: Vec<(usize, Conflict)> = Vec::new();
    for c in records {
        if let Some(&i) = order.get(&c.id)
            && !out.iter().any(|(_, x)| *x == c)
        {
            out.push((i, c));
        }
    }
    out.sort_by_key(|(i, c)| (*i, c.field));
    out.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
