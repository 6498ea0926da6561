//! Inter-annotator agreement between two annotators' annotations of the same document:
//! exact-span precision, recall and F1 (overall and per tag), Cohen's κ on the tags of
//! matching spans, and the list of disagreements.
//!
//! Annotator A is the reference: precision is "how much of B is also in A", recall "how much of
//! A is also in B". Two annotations *match on span* when their start and end are equal; they
//! *match labelled* when their tag (claim, quote, date, entity) is equal too. Matching is one to
//! one: when a span carries several annotations on a side, equal tags are paired first, then the
//! rest in tag order.

use std::collections::BTreeMap;

use super::annotation::{Annotation, AnnotationId, TagKind};

/// Precision, recall and F1 of B against the reference A, with the counts behind them.
///
/// `precision` is `matched / b`, `recall` is `matched / a` and `f1` is
/// `2 · matched / (a + b)`; each is `None` when its denominator is 0.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Share of B's annotations that match one of A's.
    pub precision: Option<f64>,
    /// Share of A's annotations that match one of B's.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
    /// Annotations counted on A's side.
    pub a: usize,
    /// Annotations counted on B's side.
    pub b: usize,
    /// Matching pairs.
    pub matched: usize,
}

impl Scores {
    /// Scores from the counts.
    pub fn from_counts(a: usize, b: usize, matched: usize) -> Self {
        let ratio = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
        Self {
            precision: ratio(matched, b),
            recall: ratio(matched, a),
            f1: ratio(2 * matched, a + b),
            a,
            b,
            matched,
        }
    }
}

/// Cohen's κ on the tags of span-matched pairs, or why it is undefined.
#[derive(Debug, Clone, PartialEq)]
pub enum Kappa {
    /// κ, from -1 to 1 (1: the tags always agree; 0: no better than chance).
    Value(f64),
    /// κ is undefined; the text says why.
    Undefined(String),
}

impl Kappa {
    /// The value, if defined.
    pub fn value(&self) -> Option<f64> {
        match self {
            Kappa::Value(k) => Some(*k),
            Kappa::Undefined(_) => None,
        }
    }
}

/// How two annotators disagree about a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DisagreementKind {
    /// Only A annotated this span (with this tag).
    OnlyInA,
    /// Only B annotated this span (with this tag).
    OnlyInB,
    /// Both annotated the span, with different tags.
    DifferentTag,
}

impl DisagreementKind {
    /// The stable name used in JSON: `only-a`, `only-b` or `different-tag`.
    pub fn as_str(self) -> &'static str {
        match self {
            DisagreementKind::OnlyInA => "only-a",
            DisagreementKind::OnlyInB => "only-b",
            DisagreementKind::DifferentTag => "different-tag",
        }
    }
}

/// One side of a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Side {
    /// The annotation's id in its file.
    pub id: AnnotationId,
    /// Its tag.
    pub tag: TagKind,
}

/// A span the two annotators did not agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// What kind of disagreement.
    pub kind: DisagreementKind,
    /// Start of the span (chars).
    pub start: usize,
    /// End of the span (chars, exclusive).
    pub end: usize,
    /// The annotated text, as stored.
    pub exact: String,
    /// A's annotation, if A has one here.
    pub a: Option<Side>,
    /// B's annotation, if B has one here.
    pub b: Option<Side>,
}

/// The comparison of two annotators' annotations of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Same span and same tag: the headline scores (`f1` in the CLI's JSON).
    pub labelled: Scores,
    /// Same span, whatever the tags.
    pub span: Scores,
    /// Per tag: an A and a B annotation match only when both have this tag.
    pub per_tag: BTreeMap<TagKind, Scores>,
    /// Cohen's κ on the tags of span-matched pairs.
    pub kappa: Kappa,
    /// Span-matched pairs that κ was computed on.
    pub pairs: usize,
    /// Everything not matched labelled, sorted by (start, end, kind).
    pub disagreements: Vec<Disagreement>,
}

/// A's and B's annotations of one span.
type Sides<'a> = (Vec<&'a Annotation>, Vec<&'a Annotation>);

/// Compares annotator B's annotations against annotator A's (the reference). Every tag
/// appears in `per_tag`, with zero counts where neither has it.
pub fn compare(a: &[Annotation], b: &[Annotation]) -> Agreement {
    // Group each side by span; within a span, sort by (tag, id) for a stable pairing.
    let mut spans: BTreeMap<(usize, usize), Sides<'_>> = BTreeMap::new();
    for x in a {
        spans.entry((x.start, x.end)).or_default().0.push(x);
    }
    for y in b {
        spans.entry((y.start, y.end)).or_default().1.push(y);
    }
    let mut tag_pairs: Vec<(TagKind, TagKind)> = Vec::new();
    let mut labelled_by_tag: BTreeMap<TagKind, usize> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for ((start, end), (mut xs, mut ys)) in spans {
        let key = |v: &&Annotation| (v.tag.kind(), v.id);
        xs.sort_by_key(key);
        ys.sort_by_key(key);
        // Equal tags first.
        let mut rest_a = Vec::new();
        let mut ys_left: Vec<Option<&Annotation>> = ys.into_iter().map(Some).collect();
        for x in xs {
            let hit = ys_left
                .iter_mut()
                .find(|y| y.is_some_and(|y| y.tag.kind() == x.tag.kind()));
            match hit {
                Some(slot) => {
                    *slot = None;
                    let t = x.tag.kind();
                    tag_pairs.push((t, t));
                    *labelled_by_tag.entry(t).or_default() += 1;
                }
                None => rest_a.push(x),
            }
        }
        let rest_b: Vec<&Annotation> = ys_left.into_iter().flatten().collect();
        let side = |v: &Annotation| Side {
            id: v.id,
            tag: v.tag.kind(),
        };
        let mut disagree = |kind, x: Option<&Annotation>, y: Option<&Annotation>| {
            let exact = x.or(y).map(|v| v.exact.clone()).unwrap_or_default();
            disagreements.push(Disagreement {
                kind,
                start,
                end,
                exact,
                a: x.map(side),
                b: y.map(side),
            });
        };
        // Then the rest in tag order: same span, different tags.
        let paired = rest_a.len().min(rest_b.len());
        for (x, y) in rest_a.iter().zip(&rest_b) {
            tag_pairs.push((x.tag.kind(), y.tag.kind()));
            disagree(DisagreementKind::DifferentTag, Some(x), Some(y));
        }
        for x in &rest_a[paired..] {
            disagree(DisagreementKind::OnlyInA, Some(x), None);
        }
        for y in &rest_b[paired..] {
            disagree(DisagreementKind::OnlyInB, None, Some(y));
        }
    }
    disagreements.sort_by(|x, y| {
        (x.start, x.end, x.kind, x.a, x.b).cmp(&(y.start, y.end, y.kind, y.a, y.b))
    });

    let count = |set: &[Annotation], t: TagKind| set.iter().filter(|v| v.tag.kind() == t).count();
    let per_tag = TagKind::ALL
        .iter()
        .map(|&t| {
            let matched = labelled_by_tag.get(&t).copied().unwrap_or(0);
            (t, Scores::from_counts(count(a, t), count(b, t), matched))
        })
        .collect();
    let labelled_total = labelled_by_tag.values().sum();
    Agreement {
        labelled: Scores::from_counts(a.len(), b.len(), labelled_total),
        span: Scores::from_counts(a.len(), b.len(), tag_pairs.len()),
        per_tag,
        kappa: cohen_kappa(&tag_pairs),
        pairs: tag_pairs.len(),
        disagreements,
    }
}

/// Cohen's κ for two raters' categories of the same items: `(pₒ − pₑ) / (1 − pₑ)`, where pₒ
/// is the observed agreement and pₑ the agreement expected from each rater's own category
/// frequencies. Undefined with no items, or when both raters used one and the same category
/// (pₑ = 1).
pub fn cohen_kappa<T: Ord + Copy + std::fmt::Display>(pairs: &[(T, T)]) -> Kappa {
    if pairs.is_empty() {
        return Kappa::Undefined(
            "no span was annotated by both annotators, so there are no tag pairs to compare"
                .to_owned(),
        );
    }
    let n = pairs.len() as f64;
    let mut freq_a: BTreeMap<T, usize> = BTreeMap::new();
    let mut freq_b: BTreeMap<T, usize> = BTreeMap::new();
    let mut agree = 0usize;
    for &(x, y) in pairs {
        *freq_a.entry(x).or_default() += 1;
        *freq_b.entry(y).or_default() += 1;
        agree += usize::from(x == y);
    }
    let observed = agree as f64 / n;
    let expected: f64 = freq_a
        .iter()
        .map(|(k, &fa)| fa as f64 / n * freq_b.get(k).copied().unwrap_or(0) as f64 / n)
        .sum();
    if freq_a.len() == 1 && freq_b.len() == 1 && freq_a.keys().eq(freq_b.keys()) {
        let only = freq_a
            .keys()
            .next()
            .map(|k| k.to_string())
            .unwrap_or_default();
        return Kappa::Undefined(format!(
            "every matched span is tagged {only} by both annotators; κ is undefined when only \
             one category is used (the tags agree on all {} pairs)",
            pairs.len()
        ));
    }
    Kappa::Value((observed - expected) / (1.0 - expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::Tag;
    use crate::core::text::Text;

    const DOC: &str = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz";

    fn ann(start: usize, end: usize, tag: TagKind) -> Annotation {
        let text = Text::from_str_normalized(DOC);
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        Annotation::new(&text, start, end, Tag::new(tag), "t", now).unwrap()
    }

    fn close(x: Option<f64>, y: f64) {
        let x = x.unwrap();
        assert!((x - y).abs() < 1e-9, "{x} != {y}");
    }

    use TagKind::{Claim, Date, Entity, Quote};

    #[test]
    fn hand_computed_example() {
        // A: claim 0-5, quote 10-20, date 30-34, entity 40-45, entity 50-55
        // B: claim 0-5, claim 10-20, date 30-34, entity 40-45, date 60-64
        let a = [
            ann(0, 5, Claim),
            ann(10, 20, Quote),
            ann(30, 34, Date),
            ann(40, 45, Entity),
            ann(50, 55, Entity),
        ];
        let b = [
            ann(0, 5, Claim),
            ann(10, 20, Claim),
            ann(30, 34, Date),
            ann(40, 45, Entity),
            ann(60, 64, Date),
        ];
        let r = compare(&a, &b);
        // Span: 4 of 5 on each side match.
        assert_eq!((r.span.a, r.span.b, r.span.matched), (5, 5, 4));
        close(r.span.precision, 0.8);
        close(r.span.recall, 0.8);
        close(r.span.f1, 0.8);
        // Labelled: 3 (claim, date, entity).
        assert_eq!(r.labelled.matched, 3);
        close(r.labelled.f1, 0.6);
        // Per tag. Claim: A 1, B 2, matched 1 → P 0.5, R 1, F1 2/3.
        let claim = r.per_tag[&Claim];
        assert_eq!((claim.a, claim.b, claim.matched), (1, 2, 1));
        close(claim.precision, 0.5);
        close(claim.recall, 1.0);
        close(claim.f1, 2.0 / 3.0);
        // Quote: A 1, B 0 → precision undefined, recall 0, F1 0.
        let quote = r.per_tag[&Quote];
        assert_eq!(quote.precision, None);
        close(quote.recall, 0.0);
        close(quote.f1, 0.0);
        // Entity: A 2, B 1, matched 1 → P 1, R 0.5, F1 2/3.
        close(r.per_tag[&Entity].f1, 2.0 / 3.0);
        // κ on 4 pairs: (claim,claim) (quote,claim) (date,date) (entity,entity).
        // pₒ = 3/4. A: claim 1, quote 1, date 1, entity 1; B: claim 2, date 1, entity 1.
        // pₑ = (1·2 + 1·0 + 1·1 + 1·1) / 16 = 4/16 = 0.25. κ = (0.75 − 0.25) / 0.75 = 2/3.
        assert_eq!(r.pairs, 4);
        close(r.kappa.value(), 2.0 / 3.0);
        let kinds: Vec<_> = r
            .disagreements
            .iter()
            .map(|d| (d.kind, d.start, d.end))
            .collect();
        assert_eq!(
            kinds,
            [
                (DisagreementKind::DifferentTag, 10, 20),
                (DisagreementKind::OnlyInA, 50, 55),
                (DisagreementKind::OnlyInB, 60, 64),
            ]
        );
        assert_eq!(r.disagreements[0].a.unwrap().tag, Quote);
        assert_eq!(r.disagreements[0].b.unwrap().tag, Claim);
        assert_eq!(r.disagreements[1].exact, DOC[50..55]);
    }

    #[test]
    fn identical_files_agree_fully() {
        let a = [ann(0, 5, Claim), ann(10, 20, Quote), ann(10, 20, Claim)];
        let r = compare(&a, &a);
        close(r.labelled.f1, 1.0);
        close(r.kappa.value(), 1.0);
        assert!(r.disagreements.is_empty());
        // Stacked annotations on one span pair equal tags first.
        assert_eq!(r.pairs, 3);
    }

    #[test]
    fn degenerate_kappa_and_empty_sides() {
        let a = [ann(0, 5, Claim), ann(6, 9, Claim)];
        let r = compare(&a, &a);
        assert!(matches!(&r.kappa, Kappa::Undefined(why) if why.contains("claim")));
        close(r.labelled.f1, 1.0);

        let r = compare(&a, &[]);
        assert!(matches!(&r.kappa, Kappa::Undefined(why) if why.contains("no span")));
        assert_eq!(r.labelled.precision, None);
        close(r.labelled.recall, 0.0);
        close(r.labelled.f1, 0.0);

        let r = compare(&[], &[]);
        assert_eq!(r.labelled.f1, None);
        assert!(r.per_tag.values().all(|s| s.f1.is_none()));
    }

    #[test]
    fn kappa_textbook_value() {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. pₒ = 0.7,
        // pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
        let mut pairs = vec![("yes", "yes"); 20];
        pairs.extend(vec![("yes", "no"); 5]);
        pairs.extend(vec![("no", "yes"); 10]);
        pairs.extend(vec![("no", "no"); 15]);
        close(cohen_kappa(&pairs).value(), 0.4);
        // Two raters who always disagree on two categories: κ = -1.
        close(cohen_kappa(&[("x", "y"), ("y", "x")]).value(), -1.0);
        // One category each, but different ones: pₑ = 0, κ = 0.
        close(cohen_kappa(&[("x", "y"), ("x", "y")]).value(), 0.0);
    }
}
