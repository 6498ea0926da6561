//! The claim register of a folder: every claim of every document, grouped into "same claim"
//! groups ([`super::claims`]), with each one's verdict, review and evidence at hand. People's
//! `same-claim` links always join their claims. A claim's key is kept while its text does
//! not change, so reading one changed document again costs only that document's claims.

use std::collections::{BTreeSet, HashMap};

use super::annotation::{Annotation, AnnotationId, ReviewStatus, Tag, Verdict};
use super::claims::{ClaimKey, closest, group};
use super::link::LinkKind;

/// One claim of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The document, as the caller numbered it.
    pub doc: usize,
    /// The annotation.
    pub id: AnnotationId,
    /// Its text.
    pub exact: String,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its review status.
    pub review: ReviewStatus,
    /// How many sources it has.
    pub evidence: usize,
    /// Where it starts, for the order within a document.
    pub start: usize,
}

impl Member {
    /// Whether someone rated it.
    pub fn checked(&self) -> bool {
        self.verdict != Verdict::Unrated
    }
}

/// Claims that say the same thing, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimGroup {
    /// Its members, by document then position.
    pub members: Vec<Member>,
}

impl ClaimGroup {
    /// A stable name for the group: the id of its first member.
    pub fn id(&self) -> String {
        self.members
            .first()
            .map_or_else(String::new, |m| m.id.to_string())
    }

    /// The verdicts its rated members were given.
    pub fn verdicts(&self) -> BTreeSet<Verdict> {
        self.members
            .iter()
            .filter(|m| m.checked())
            .map(|m| m.verdict)
            .collect()
    }

    /// Whether its members were rated differently.
    pub fn conflicting(&self) -> bool {
        self.verdicts().len() > 1
    }

    /// How many documents it appears in.
    pub fn documents(&self) -> usize {
        self.members
            .iter()
            .map(|m| m.doc)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Every claim of a folder, grouped.
#[derive(Debug, Default)]
pub struct ClaimRegister {
    keys: HashMap<AnnotationId, (String, ClaimKey)>,
    members: Vec<Member>,
    /// For each member, its group's index in `groups`.
    member_group: Vec<usize>,
    /// Each member's index, by annotation id.
    index: HashMap<AnnotationId, usize>,
    /// What the grouping was computed from (claims' ids and texts and people's same-claim
    /// links), and its result: a change to anything else (a verdict, a note, a review) keeps
    /// the groups and only refreshes what they show.
    shape: u64,
    roots: Vec<usize>,
    groups: Vec<ClaimGroup>,
}

impl ClaimRegister {
    /// Reads the claims of `docs` (each numbered by the caller, in the order groups should
    /// list them) and groups them. Keys of claims whose text did not change are reused.
    pub fn rebuild<'a>(&mut self, docs: impl IntoIterator<Item = (usize, &'a [Annotation])>) {
        let mut members = Vec::new();
        let mut joined_ids: Vec<(AnnotationId, AnnotationId)> = Vec::new();
        let mut keys = HashMap::with_capacity(self.keys.len());
        for (doc, annotations) in docs {
            for a in annotations {
                let Tag::Claim { verdict, .. } = &a.tag else {
                    continue;
                };
                let key = match self.keys.remove(&a.id) {
                    Some((text, key)) if text == a.exact => key,
                    _ => ClaimKey::of(&a.exact),
                };
                keys.insert(a.id, (a.exact.clone(), key));
                joined_ids.extend(
                    a.links
                        .iter()
                        .filter(|l| l.kind == LinkKind::SameClaim)
                        .map(|l| (a.id, l.to)),
                );
                members.push(Member {
                    doc,
                    id: a.id,
                    exact: a.exact.clone(),
                    verdict: *verdict,
                    review: a.review.status,
                    evidence: a.evidence.len(),
                    start: a.start,
                });
            }
        }
        members.sort_by_key(|m| (m.doc, m.start, m.id));
        let index: HashMap<AnnotationId, usize> =
            members.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        let joined: Vec<(usize, usize)> = joined_ids
            .iter()
            .filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?)))
            .collect();
        let shape = shape_of(&members, &joined);
        let roots = if shape == self.shape && self.roots.len() == members.len() {
            std::mem::take(&mut self.roots)
        } else {
            let refs: Vec<&ClaimKey> = members
                .iter()
                .filter_map(|m| keys.get(&m.id).map(|(_, k)| k))
                .collect();
            group(&refs, &joined)
        };
        let mut by_root: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<ClaimGroup> = Vec::new();
        let mut member_group = Vec::with_capacity(members.len());
        for (i, root) in roots.iter().enumerate() {
            let g = *by_root.entry(*root).or_insert_with(|| {
                groups.push(ClaimGroup {
                    members: Vec::new(),
                });
                groups.len() - 1
            });
            groups[g].members.push(members[i].clone());
            member_group.push(g);
        }
        self.keys = keys;
        self.index = index;
        self.shape = shape;
        self.roots = roots;
        self.members = members;
        self.member_group = member_group;
        self.groups = groups;
    }

    /// Every group, conflicting verdicts first, then the largest, then in document order.
    pub fn groups(&self) -> Vec<&ClaimGroup> {
        let mut out: Vec<&ClaimGroup> = self.groups.iter().collect();
        out.sort_by_key(|g| {
            (
                !g.conflicting(),
                std::cmp::Reverse(g.members.len()),
                g.members.first().map(|m| (m.doc, m.start)),
            )
        });
        out
    }

    /// The group of claim `id`, if it is a claim of the register.
    pub fn group_of(&self, id: AnnotationId) -> Option<&ClaimGroup> {
        let i = *self.index.get(&id)?;
        self.groups.get(*self.member_group.get(i)?)
    }

    /// The rated claims closest to `text`, the same claims first, at most `limit`: each with
    /// its similarity and, when it is not the same claim, why (`numbers`, `negation`, `names`
    /// or `words`).
    pub fn closest_why(
        &self,
        text: &str,
        limit: usize,
    ) -> Vec<(&Member, f64, Option<&'static str>)> {
        let query = ClaimKey::of(text);
        let checked: Vec<&Member> = self.members.iter().filter(|m| m.checked()).collect();
        let keys: Vec<&ClaimKey> = checked
            .iter()
            .filter_map(|m| self.keys.get(&m.id).map(|(_, k)| k))
            .collect();
        closest(&query, &keys, limit)
            .into_iter()
            .map(|m| (checked[m.index], m.similarity, m.differs))
            .collect()
    }

    /// The rated claims closest to `text`, the same claims first, at most `limit`: each with
    /// its similarity and whether it is the same claim.
    pub fn closest(&self, text: &str, limit: usize) -> Vec<(&Member, f64, bool)> {
        self.closest_why(text, limit)
            .into_iter()
            .map(|(m, similarity, differs)| (m, similarity, differs.is_none()))
            .collect()
    }

    /// How many claims it holds.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// A hash of what grouping depends on: the claims in order with their texts, and the joined
/// pairs.
fn shape_of(members: &[Member], joined: &[(usize, usize)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for m in members {
        m.id.hash(&mut h);
        m.exact.hash(&mut h);
    }
    joined.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::{Command, History};
    use crate::core::link::Link;
    use crate::core::model::AnnotationSet;
    use crate::core::text::Text;

    fn doc(text: &str, claims: &[(&str, Verdict)]) -> Vec<Annotation> {
        let t = Text::from_str_normalized(text);
        claims
            .iter()
            .map(|(q, v)| {
                let s = t.as_str()[..t.as_str().find(q).unwrap()].chars().count();
                Annotation::new(
                    &t,
                    s,
                    s + q.chars().count(),
                    Tag::Claim {
                        verdict: *v,
                        claimant: None,
                    },
                    "ana",
                    chrono::Utc::now(),
                )
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn repeats_across_documents_group_and_conflicting_verdicts_come_first() {
        let a = doc(
            "Exports fell 20 percent in 2024. The port doubled its trade.",
            &[
                ("Exports fell 20 percent in 2024.", Verdict::False),
                ("The port doubled its trade.", Verdict::True),
            ],
        );
        let b = doc(
            "Officials said exports dropped 20% in 2024. Exports fell 2% in 2024.",
            &[
                ("exports dropped 20% in 2024", Verdict::MostlyFalse),
                ("Exports fell 2% in 2024.", Verdict::Unrated),
            ],
        );
        let mut r = ClaimRegister::default();
        r.rebuild([(0, a.as_slice()), (1, b.as_slice())]);
        assert_eq!(r.len(), 4);
        let groups = r.groups();
        assert_eq!(groups.len(), 3);
        assert!(groups[0].conflicting(), "false and mostly false disagree");
        assert_eq!(groups[0].documents(), 2);
        assert_eq!(
            r.group_of(b[1].id).unwrap().members.len(),
            1,
            "2% is not 20%"
        );
        let found = r.closest("Exports went down by 20 percent in 2024", 5);
        assert!(found[0].2, "the same claim first");
        assert!(found.iter().all(|(m, _, _)| m.checked()));
    }

    #[test]
    fn a_new_verdict_keeps_the_groups_and_shows_at_once() {
        let a = doc(
            "Exports fell 20 percent in 2024.",
            &[("Exports fell 20 percent in 2024.", Verdict::False)],
        );
        let mut b = doc(
            "Exports dropped 20% in 2024.",
            &[("Exports dropped 20% in 2024.", Verdict::Unrated)],
        );
        let mut r = ClaimRegister::default();
        r.rebuild([(0, a.as_slice()), (1, b.as_slice())]);
        assert!(!r.groups()[0].conflicting());
        b[0].tag = Tag::Claim {
            verdict: Verdict::True,
            claimant: None,
        };
        r.rebuild([(0, a.as_slice()), (1, b.as_slice())]);
        assert_eq!(r.groups().len(), 1);
        assert!(r.groups()[0].conflicting(), "the new verdict is seen");
    }

    #[test]
    fn a_same_claim_link_joins_and_a_text_change_is_read_again() {
        let text = "Crime rose. The harbour will double trade.";
        let mut set = AnnotationSet::from_vec(doc(
            text,
            &[
                ("Crime rose.", Verdict::False),
                ("The harbour will double trade.", Verdict::False),
            ],
        ));
        let (x, y) = (set.as_slice()[0].id, set.as_slice()[1].id);
        let mut r = ClaimRegister::default();
        r.rebuild([(0, set.as_slice())]);
        assert_eq!(r.groups().len(), 2);
        History::default()
            .apply(
                &mut set,
                &Text::from_str_normalized(text),
                &Command::Link {
                    from: x,
                    link: Link::new(LinkKind::SameClaim, y, "ana", chrono::Utc::now()),
                },
                chrono::Utc::now(),
            )
            .unwrap();
        r.rebuild([(0, set.as_slice())]);
        assert_eq!(r.groups().len(), 1, "people's links always win");
    }
}
