//! The set of annotations of one document, kept in sidecar order (start, end, id).

use super::annotation::{Annotation, AnnotationId, TagKind};

/// The annotations of one document, always sorted by (start, end, id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
}

impl AnnotationSet {
    /// A set from annotations in any order.
    pub fn from_vec(mut items: Vec<Annotation>) -> Self {
        items.sort_by_key(Annotation::sort_key);
        Self { items }
    }

    /// The annotations in order.
    pub fn as_slice(&self) -> &[Annotation] {
        &self.items
    }

    /// Iterates in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Annotation> {
        self.items.iter()
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The annotation with this id.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.items.iter().find(|a| a.id == id)
    }

    /// Whether an annotation with this id exists.
    pub fn contains(&self, id: AnnotationId) -> bool {
        self.get(id).is_some()
    }

    /// Inserts an annotation in order. Returns `false` (and changes nothing) if its id exists.
    pub fn insert(&mut self, a: Annotation) -> bool {
        if self.contains(a.id) {
            return false;
        }
        let at = self.items.partition_point(|x| x.sort_key() < a.sort_key());
        self.items.insert(at, a);
        true
    }

    /// Removes and returns the annotation with this id.
    pub fn remove(&mut self, id: AnnotationId) -> Option<Annotation> {
        let at = self.items.iter().position(|a| a.id == id)?;
        Some(self.items.remove(at))
    }

    /// Replaces the annotation with the same id, keeping the order. Returns the old one.
    pub fn replace(&mut self, a: Annotation) -> Option<Annotation> {
        let old = self.remove(a.id)?;
        self.insert(a);
        Some(old)
    }

    /// The annotations, consuming the set.
    pub fn into_vec(self) -> Vec<Annotation> {
        self.items
    }

    /// Indices of annotations that overlap `range` (a binary search bounds the scan on the
    /// left; spans are sorted by start).
    pub fn overlapping(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &Annotation> {
        let upto = self.items.partition_point(|a| a.start < range.end);
        self.items[..upto]
            .iter()
            .filter(move |a| a.end > range.start)
    }

    /// The annotation on exactly `start..end` with a tag of `kind`, if there is one (the
    /// same words tagged the same way are not tagged twice).
    pub fn tagged_so(&self, start: usize, end: usize, kind: TagKind) -> Option<&Annotation> {
        self.overlapping(start..end)
            .find(|a| a.start == start && a.end == end && a.tag.kind() == kind)
    }
}
