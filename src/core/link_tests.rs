//! Tests of links and evidence as edits and in the three-way merge: a link's rules, the
//! speaker it sets, delete and undo, and merging link by link and item by item.

use super::*;
use crate::core::annotation::{EntityKind, TagKind};
use crate::core::edit::{Command, EditError, History};
use crate::core::evidence::{Evidence, Stance};
use crate::core::merge::{Field, FieldValue, merge};
use crate::core::model::AnnotationSet;
use crate::core::text::Text;
use chrono::TimeZone as _;

const TEXT: &str =
    "\"We will build it,\" said Mara Quist on 3 May 2024. The tower cost 40 million.";

fn at(s: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap()
}

fn text() -> Text {
    Text::from_str_normalized(TEXT)
}

fn on(quote: &str, tag: Tag) -> Annotation {
    let t = text();
    let start = t.as_str().find(quote).unwrap();
    let start = t.as_str()[..start].chars().count();
    Annotation::new(&t, start, start + quote.chars().count(), tag, "ana", at(0)).unwrap()
}

struct Doc {
    set: AnnotationSet,
    history: History,
    quote: AnnotationId,
    person: AnnotationId,
    date: AnnotationId,
    claim: AnnotationId,
}

fn doc() -> Doc {
    let quote = on("\"We will build it,\"", Tag::new(TagKind::Quote));
    let person = on(
        "Mara Quist",
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: None,
        },
    );
    let date = on("3 May 2024", Tag::for_text(TagKind::Date, "3 May 2024"));
    let claim = on("The tower cost 40 million.", Tag::new(TagKind::Claim));
    Doc {
        quote: quote.id,
        person: person.id,
        date: date.id,
        claim: claim.id,
        set: AnnotationSet::from_vec(vec![quote, person, date, claim]),
        history: History::default(),
    }
}

impl Doc {
    fn run(&mut self, cmd: Command) -> Result<(), EditError> {
        self.history
            .apply(&mut self.set, &text(), &cmd, at(5))
            .map(|_| ())
    }
    fn link(&mut self, from: AnnotationId, to: AnnotationId, kind: LinkKind) -> LinkId {
        let link = Link::new(kind, to, "ana", at(5));
        let id = link.id;
        self.run(Command::Link { from, link }).unwrap();
        id
    }
    fn get(&self, id: AnnotationId) -> &Annotation {
        self.set.get(id).unwrap()
    }
}

#[test]
fn attributing_a_quote_names_its_speaker_and_unlinking_clears_it() {
    let mut d = doc();
    let l = d.link(d.quote, d.person, LinkKind::AttributedTo);
    assert_eq!(speaker(&d.get(d.quote).tag), Some("Mara Quist"));
    assert_eq!(
        attributed_entity(d.set.iter(), d.get(d.quote)).map(|a| a.id),
        Some(d.person)
    );
    let ends = links_of(d.set.iter(), d.person);
    assert_eq!(ends.len(), 1);
    assert!(!ends[0].outgoing && ends[0].other == d.quote);
    d.run(Command::Unlink {
        from: d.quote,
        link: l,
    })
    .unwrap();
    assert_eq!(speaker(&d.get(d.quote).tag), None);
    assert!(d.get(d.quote).links.is_empty());
}

#[test]
fn built_in_kinds_check_their_ends_and_duplicates() {
    let mut d = doc();
    let wrong = Command::Link {
        from: d.quote,
        link: Link::new(LinkKind::AttributedTo, d.date, "ana", at(1)),
    };
    assert!(matches!(
        d.run(wrong),
        Err(EditError::Link(LinkError::WrongEnds { .. }))
    ));
    let itself = Command::Link {
        from: d.claim,
        link: Link::new(LinkKind::Other("cites".into()), d.claim, "ana", at(1)),
    };
    assert!(matches!(
        d.run(itself),
        Err(EditError::Link(LinkError::ToItself))
    ));
    d.link(d.claim, d.date, LinkKind::Dated);
    let again = Command::Link {
        from: d.claim,
        link: Link::new(LinkKind::Dated, d.date, "ana", at(1)),
    };
    assert!(matches!(
        d.run(again),
        Err(EditError::Link(LinkError::Exists(_)))
    ));
    // A user's own kind joins anything.
    d.link(d.date, d.person, LinkKind::Other("mentions".into()));
}

#[test]
fn symmetric_kinds_are_one_link_either_way() {
    let mut d = doc();
    let other = on("\"We will build it,\"", Tag::new(TagKind::Claim));
    let other_id = other.id;
    d.run(Command::Add(other)).unwrap();
    d.link(d.claim, other_id, LinkKind::Contradicts);
    let back = Command::Link {
        from: other_id,
        link: Link::new(LinkKind::Contradicts, d.claim, "ana", at(1)),
    };
    assert!(matches!(
        d.run(back),
        Err(EditError::Link(LinkError::Exists(_)))
    ));
}

#[test]
fn deleting_a_target_removes_its_links_in_one_step_and_undo_restores_them() {
    let mut d = doc();
    d.link(d.quote, d.person, LinkKind::AttributedTo);
    d.link(d.claim, d.person, LinkKind::About);
    let before = d.set.clone();
    d.run(Command::Delete(d.person)).unwrap();
    assert!(d.set.get(d.person).is_none());
    assert!(d.get(d.quote).links.is_empty() && d.get(d.claim).links.is_empty());
    assert_eq!(speaker(&d.get(d.quote).tag), None, "the speaker went too");
    d.history.undo(&mut d.set).unwrap().unwrap();
    assert_eq!(
        d.set, before,
        "one undo brings the entity and both links back"
    );
    d.history.redo(&mut d.set).unwrap().unwrap();
    assert!(d.set.get(d.person).is_none());
}

#[test]
fn moving_an_attributed_entity_renames_the_speaker() {
    let mut d = doc();
    d.link(d.quote, d.person, LinkKind::AttributedTo);
    let p = d.get(d.person).clone();
    // "Mara Quist" → "Quist"
    d.run(Command::SetSpan {
        id: d.person,
        start: p.start + 5,
        end: p.end,
    })
    .unwrap();
    assert_eq!(speaker(&d.get(d.quote).tag), Some("Quist"));
    d.history.undo(&mut d.set).unwrap().unwrap();
    assert_eq!(speaker(&d.get(d.quote).tag), Some("Mara Quist"));
}

#[test]
fn evidence_is_replaced_as_one_undoable_step() {
    let mut d = doc();
    let a = Evidence::new("https://example.org/a", Stance::Refutes, at(1));
    let b = Evidence::new("https://example.org/b", Stance::Context, at(1));
    d.run(Command::SetEvidence(d.claim, vec![a.clone(), b.clone()]))
        .unwrap();
    d.run(Command::SetEvidence(d.claim, vec![b.clone(), a.clone()]))
        .unwrap();
    assert_eq!(d.get(d.claim).evidence, vec![b.clone(), a.clone()]);
    d.history.undo(&mut d.set).unwrap().unwrap();
    assert_eq!(d.get(d.claim).evidence, vec![a, b]);
}

#[test]
fn links_added_on_both_sides_merge_by_id() {
    let d = doc();
    let base: Vec<Annotation> = d.set.as_slice().to_vec();
    let mut ours = d.set.clone();
    let mut theirs = d.set.clone();
    let mut h = History::default();
    let l1 = Link::new(LinkKind::AttributedTo, d.person, "ana", at(2));
    h.apply(
        &mut ours,
        &text(),
        &Command::Link {
            from: d.quote,
            link: l1.clone(),
        },
        at(2),
    )
    .unwrap();
    let l2 = Link::new(LinkKind::Dated, d.date, "bo", at(3));
    h.apply(
        &mut theirs,
        &text(),
        &Command::Link {
            from: d.quote,
            link: l2.clone(),
        },
        at(3),
    )
    .unwrap();
    let m = merge(&base, ours.as_slice(), theirs.as_slice());
    let q = m.merged.iter().find(|a| a.id == d.quote).unwrap();
    assert_eq!(q.links, vec![l1, l2]);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
}

#[test]
fn evidence_edited_on_both_sides_merges_item_by_item() {
    let d = doc();
    let mut base = d.set.as_slice().to_vec();
    let a = Evidence::new("https://example.org/a", Stance::Refutes, at(1));
    let b = Evidence::new("https://example.org/b", Stance::Refutes, at(1));
    let k = base.iter().position(|x| x.id == d.claim).unwrap();
    base[k].evidence = vec![a.clone(), b.clone()];
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours[k].evidence[0].archived = "https://archive.example/a".into();
    theirs[k].evidence[1].note = "their note".into();
    let c = Evidence::new("https://example.org/c", Stance::Context, at(2));
    theirs[k].evidence.push(c.clone());
    let m = merge(&base, &ours, &theirs);
    let ev = &m.merged.iter().find(|x| x.id == d.claim).unwrap().evidence;
    assert_eq!(ev.len(), 3);
    assert_eq!(ev[0].archived, "https://archive.example/a");
    assert_eq!(ev[1].note, "their note");
    assert_eq!(ev[2], c);
    assert!(m.conflicts.is_empty());
    // The same item changed differently: ours is held, and theirs is offered.
    theirs[k].evidence[0].archived = "https://other.example/a".into();
    let m = merge(&base, &ours, &theirs);
    let c = m
        .conflicts
        .iter()
        .find(|c| c.field == Field::Evidence)
        .unwrap();
    match (&c.ours, &c.theirs) {
        (FieldValue::Evidence(o), FieldValue::Evidence(t)) => {
            assert_eq!(o[0].archived, "https://archive.example/a");
            assert_eq!(t[0].archived, "https://other.example/a");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_link_to_an_annotation_deleted_on_the_other_side_is_a_conflict_never_dropped() {
    let d = doc();
    let base = d.set.as_slice().to_vec();
    let mut ours = d.set.clone();
    let link = Link::new(LinkKind::AttributedTo, d.person, "ana", at(2));
    History::default()
        .apply(
            &mut ours,
            &text(),
            &Command::Link {
                from: d.quote,
                link: link.clone(),
            },
            at(2),
        )
        .unwrap();
    let theirs: Vec<Annotation> = base.iter().filter(|a| a.id != d.person).cloned().collect();
    let m = merge(&base, ours.as_slice(), &theirs);
    assert!(
        m.merged.iter().all(|a| a.id != d.person),
        "the deletion stands"
    );
    let q = m.merged.iter().find(|a| a.id == d.quote).unwrap();
    assert_eq!(
        q.links,
        vec![link],
        "the link is kept until the user decides"
    );
    let c = m
        .conflicts
        .iter()
        .find(|c| c.id == d.quote && c.field == Field::Links)
        .expect("reported");
    assert_eq!(c.theirs, FieldValue::Links(Vec::new()));
}

#[test]
fn the_speaker_follows_the_first_attribution_whatever_kinds_change() {
    let mut d = doc();
    let other = on(
        "Quist",
        Tag::Entity {
            kind: EntityKind::Organization,
            identifier: None,
        },
    );
    // An organization overlapping the person, for a second possible speaker.
    let org = other.id;
    d.run(Command::Add(other)).unwrap();
    d.link(d.quote, d.person, LinkKind::AttributedTo);
    let second = d.link(d.quote, org, LinkKind::About);
    assert_eq!(speaker(&d.get(d.quote).tag), Some("Mara Quist"));
    // About → attributed-to, in place: the first attribution still names the speaker.
    let mut changed = d.get(d.quote).links[1].clone();
    changed.kind = LinkKind::AttributedTo;
    d.run(Command::SetLink {
        from: d.quote,
        link: changed.clone(),
    })
    .unwrap();
    assert_eq!(d.get(d.quote).links[1].id, second, "kept its place");
    assert_eq!(speaker(&d.get(d.quote).tag), Some("Mara Quist"));
    // And back: the speaker stays, the person's link is still there.
    changed.kind = LinkKind::About;
    d.run(Command::SetLink {
        from: d.quote,
        link: changed,
    })
    .unwrap();
    assert_eq!(speaker(&d.get(d.quote).tag), Some("Mara Quist"));
    // Removing the person's link: the next attribution (none) — the speaker goes.
    let first = d.get(d.quote).links[0].id;
    d.run(Command::Unlink {
        from: d.quote,
        link: first,
    })
    .unwrap();
    assert_eq!(speaker(&d.get(d.quote).tag), None);
}

#[test]
fn a_place_is_never_who_said_it() {
    let mut d = doc();
    let place = on(
        "tower",
        Tag::Entity {
            kind: EntityKind::Place,
            identifier: None,
        },
    );
    let id = place.id;
    d.run(Command::Add(place)).unwrap();
    let cmd = Command::Link {
        from: d.quote,
        link: Link::new(LinkKind::AttributedTo, id, "ana", at(1)),
    };
    assert!(matches!(
        d.run(cmd),
        Err(EditError::Link(LinkError::NotASpeaker))
    ));
    assert_eq!(
        LinkKind::guess(&d.get(d.quote).tag, &d.get(id).tag),
        Some(LinkKind::About)
    );
}

#[test]
fn retagging_both_ends_of_a_link_together_removes_it_once_in_one_step() {
    use crate::core::bulk::{BulkEdit, bulk};
    let mut d = doc();
    d.link(d.claim, d.date, LinkKind::Dated);
    d.run(Command::SetEvidence(
        d.claim,
        vec![Evidence::new(
            "https://example.org/a",
            Stance::Refutes,
            at(1),
        )],
    ))
    .unwrap();
    let before = d.set.clone();
    let cmd = bulk(
        &d.set,
        &[d.claim, d.date],
        BulkEdit::Retag(TagKind::Entity),
        "ana",
        at(6),
    )
    .unwrap();
    d.run(cmd).unwrap();
    let (c, t) = (d.get(d.claim), d.get(d.date));
    assert_eq!(
        (c.tag.kind(), t.tag.kind()),
        (TagKind::Entity, TagKind::Entity)
    );
    assert!(c.links.is_empty() && c.evidence.is_empty());
    d.history.undo(&mut d.set).unwrap().unwrap();
    assert_eq!(d.set, before);
}
