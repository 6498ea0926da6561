//! Pairs of original and corrected texts: what anchoring finds, what follows from accepting
//! the corrected text, and what the log records.

use super::*;
use crate::core::anchor::{anchor_all, apply_anchoring, same_words};
use crate::core::annotation::EntityKind;
use crate::core::edit::History;
use crate::core::model::AnnotationSet;

const ORIGINAL: &str = "Harbour town corrects its records\n\n\
The council said the first case was confirmed on June 8, 2020, after a traveller returned \
from abroad.\n\n\
The harbour budget grew to 4.2 million euros last year, the treasurer said on Monday.\n\n\
Dr. Anna Kovac, who leads the clinic, welcomed the figures at a press conference.\n\n\
The opposition called the plan reckless and promised a referendum before the end of the \
year.\n";

fn now() -> DateTime<Utc> {
    "2026-11-26T21:00:00Z".parse().unwrap()
}

fn later() -> DateTime<Utc> {
    "2026-11-28T09:30:00Z".parse().unwrap()
}

/// An annotation of the first occurrence of `quote` with `tag`.
fn on(t: &Text, quote: &str, tag: Tag) -> Annotation {
    let byte = t
        .as_str()
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?}"));
    let start = t.char_of_byte(byte);
    Annotation::new(t, start, start + quote.chars().count(), tag, "ana", now()).unwrap()
}

fn rated(verdict: Verdict) -> Tag {
    Tag::Claim {
        verdict,
        claimant: None,
    }
}

/// The annotations of the original, anchored in `edited`: (annotations, results, log after
/// noticing).
fn corrected(anns: &[Annotation], edited: &str) -> (Text, Text, Vec<Anchoring>, CorrectionLog) {
    let t = Text::from_str_normalized(ORIGINAL);
    let t2 = Text::from_str_normalized(edited);
    let results = anchor_all(&t2, anns);
    let mut log = CorrectionLog::default();
    log.notice(
        Some((t.sha256(), t.char_count())),
        &t2,
        anns,
        &results,
        later(),
    );
    (t, t2, results, log)
}

/// Accepts the corrected text of `a` through the undo history, as the window does.
fn accept(
    set: &mut AnnotationSet,
    history: &mut History,
    log: &mut CorrectionLog,
    text: &Text,
    a: &Annotation,
    r: &Anchoring,
) -> Annotation {
    let cmd = accept_command(a, text, r.start, r.end, later());
    history.apply(set, text, &cmd, later()).unwrap();
    let after = set.get(a.id).unwrap().clone();
    assert!(log.resolve(
        a.id,
        Some(a),
        Some(&after),
        CorrectionAction::Accepted,
        later()
    ));
    after
}

fn date_of(a: &Annotation) -> Option<String> {
    match &a.tag {
        Tag::Date { value } => value.as_ref().map(|v| v.to_string()),
        _ => None,
    }
}

#[test]
fn a_date_corrected_in_place_follows_and_its_claim_is_rechecked() {
    let t = Text::from_str_normalized(ORIGINAL);
    let date = on(
        &t,
        "June 8, 2020",
        Tag::for_text(TagKind::Date, "June 8, 2020"),
    );
    assert_eq!(date_of(&date).as_deref(), Some("2020-06-08"));
    let claim = on(
        &t,
        "the first case was confirmed on June 8, 2020",
        rated(Verdict::False),
    );
    let anns = vec![date.clone(), claim.clone()];
    let edited = ORIGINAL.replace("June 8, 2020", "January 8, 2020");
    let (t, t2, rs, mut log) = corrected(&anns, &edited);

    assert_eq!(rs[0].status, AnchorStatus::Changed, "{:?}", rs[0]);
    assert_eq!(rs[0].found.as_deref(), Some("January 8, 2020"));
    assert_eq!(rs[1].status, AnchorStatus::Changed, "{:?}", rs[1]);
    assert_eq!(
        rs[1].found.as_deref(),
        Some("the first case was confirmed on January 8, 2020")
    );
    // What accepting would do, shown before anyone decides.
    let (from, to) = date_follow(&date, "January 8, 2020").unwrap();
    assert_eq!(
        (from.unwrap().to_string(), to.unwrap().to_string()),
        ("2020-06-08".into(), "2020-01-08".into())
    );

    // The log: both versions, two pending changes.
    assert_eq!(log.versions.len(), 2);
    assert_eq!(log.versions[0].sha256, t.sha256());
    assert_eq!(log.versions[0].seen, None);
    assert_eq!(log.versions[1].sha256, t2.sha256());
    assert_eq!(log.versions[1].seen, Some(later()));
    assert_eq!(log.pending().count(), 2);
    let rec = log.of(date.id).next().unwrap();
    assert_eq!(
        (rec.status, rec.old.as_str(), rec.new.as_deref(), rec.tag),
        (
            AnchorStatus::Changed,
            "June 8, 2020",
            Some("January 8, 2020"),
            TagKind::Date
        )
    );
    assert_eq!(rec.version, t2.sha256());

    // Noticing the same version again records nothing new.
    let mut again = log.clone();
    assert!(!again.notice(Some((t.sha256(), t.char_count())), &t2, &anns, &rs, later()));
    assert_eq!(again, log);

    // Accept both, one undoable step each.
    let mut set = AnnotationSet::from_vec(anns.clone());
    let mut history = History::default();
    let d = accept(&mut set, &mut history, &mut log, &t2, &date, &rs[0]);
    assert_eq!(d.exact, "January 8, 2020");
    assert_eq!(date_of(&d).as_deref(), Some("2020-01-08"));
    assert_eq!(d.review, Review::default(), "a date is not re-checked");
    let c = accept(&mut set, &mut history, &mut log, &t2, &claim, &rs[1]);
    assert_eq!(c.tag, rated(Verdict::False), "the verdict is kept");
    assert!(needs_recheck(&c));
    assert_eq!(c.review.status, ReviewStatus::NeedsWork);
    assert_eq!(
        c.review.comment.as_deref(),
        Some(
            "Text changed from “the first case was confirmed on June 8, 2020” to “the first \
case was confirmed on January 8, 2020” on 2026-11-28; rate again"
        )
    );
    // Both sit on their text now.
    for a in [&d, &c] {
        assert_eq!(
            crate::core::anchor::anchor(&t2, a).status,
            AnchorStatus::Exact
        );
    }
    let rec = log.of(date.id).next().unwrap();
    assert_eq!(rec.action, CorrectionAction::Accepted);
    assert_eq!(rec.decided, Some(later()));
    assert_eq!(
        rec.date,
        Some(DateFollow {
            from: DateValue::parse("2020-06-08").ok(),
            to: DateValue::parse("2020-01-08").ok()
        })
    );
    let rec = log.of(claim.id).next().unwrap();
    assert!(rec.recheck && rec.action == CorrectionAction::Accepted);
    assert_eq!(log.pending().count(), 0);

    // Undo takes the claim back, and its change is pending again.
    history.undo(&mut set).unwrap().unwrap();
    assert_eq!(set.get(claim.id).unwrap(), &claim);
    assert!(log.reopen(claim.id));
    assert_eq!(log.pending().count(), 1);
    assert!(!log.of(claim.id).next().unwrap().recheck);
}

#[test]
fn a_typed_date_keeps_its_value() {
    let t = Text::from_str_normalized(ORIGINAL);
    let mut date = on(&t, "June 8, 2020", Tag::new(TagKind::Date));
    date.tag = Tag::Date {
        value: DateValue::parse("2020-06-09").ok(),
    };
    let edited = ORIGINAL.replace("June 8, 2020", "January 8, 2020");
    let (_, t2, rs, mut log) = corrected(std::slice::from_ref(&date), &edited);
    assert_eq!(rs[0].status, AnchorStatus::Changed);
    assert_eq!(date_follow(&date, "January 8, 2020"), None);
    let mut set = AnnotationSet::from_vec(vec![date.clone()]);
    let d = accept(
        &mut set,
        &mut History::default(),
        &mut log,
        &t2,
        &date,
        &rs[0],
    );
    assert_eq!(date_of(&d).as_deref(), Some("2020-06-09"));
    assert_eq!(log.changes[0].date, None);
}

#[test]
fn a_number_and_a_name_corrected_in_place() {
    let t = Text::from_str_normalized(ORIGINAL);
    let number = on(&t, "4.2 million euros", rated(Verdict::MostlyTrue));
    let name = on(
        &t,
        "Dr. Anna Kovac",
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: Some("Q42".into()),
        },
    );
    let unrated = on(&t, "The harbour budget grew", Tag::new(TagKind::Claim));
    let anns = vec![number.clone(), name.clone(), unrated.clone()];
    let edited = ORIGINAL
        .replace("4.2 million", "4.7 million")
        .replace("Anna Kovac", "Anna Kovács")
        .replace("The harbour budget grew", "The harbour budget rose");
    let (_, t2, rs, mut log) = corrected(&anns, &edited);
    let want = [
        "4.7 million euros",
        "Dr. Anna Kovács",
        "The harbour budget rose",
    ];
    for ((a, r), new) in anns.iter().zip(&rs).zip(want) {
        assert_eq!(r.status, AnchorStatus::Changed, "{}: {r:?}", a.exact);
        assert_eq!(r.found.as_deref(), Some(new));
        assert_eq!(t2.slice(r.start..r.end), new);
    }
    let mut set = AnnotationSet::from_vec(anns.clone());
    let mut history = History::default();
    let n = accept(&mut set, &mut history, &mut log, &t2, &number, &rs[0]);
    assert!(needs_recheck(&n));
    assert_eq!(n.tag, rated(Verdict::MostlyTrue));
    let e = accept(&mut set, &mut history, &mut log, &t2, &name, &rs[1]);
    assert_eq!(e.tag, name.tag, "an entity's kind and identifier stay");
    assert_eq!(e.review, Review::default());
    let u = accept(&mut set, &mut history, &mut log, &t2, &unrated, &rs[2]);
    assert!(
        !needs_recheck(&u),
        "an unrated claim has nothing to re-check"
    );
    assert_eq!(u.review, Review::default());
    let rechecked: Vec<bool> = log.changes.iter().map(|c| c.recheck).collect();
    assert_eq!(rechecked, [true, false, false]);
}

#[test]
fn a_reworded_sentence_is_changed() {
    let t = Text::from_str_normalized(ORIGINAL);
    let old =
        "The harbour budget grew to 4.2 million euros last year, the treasurer said on Monday.";
    let new =
        "According to the treasurer, the harbour budget reached about 4.2 million euros in 2025.";
    let claim = on(&t, old, rated(Verdict::True));
    let (_, _, rs, log) = corrected(std::slice::from_ref(&claim), &ORIGINAL.replace(old, new));
    assert_eq!(rs[0].status, AnchorStatus::Changed, "{:?}", rs[0]);
    assert_eq!(rs[0].found.as_deref(), Some(new));
    assert_eq!(log.changes[0].new.as_deref(), Some(new));
}

#[test]
fn a_deleted_paragraph_orphans_its_annotations_and_moves_the_others() {
    let t = Text::from_str_normalized(ORIGINAL);
    let name = on(&t, "Dr. Anna Kovac", Tag::new(TagKind::Entity));
    let claim = on(&t, "promised a referendum", rated(Verdict::Mixed));
    let para =
        "Dr. Anna Kovac, who leads the clinic, welcomed the figures at a press conference.\n\n";
    let (_, t2, rs, log) = corrected(&[name.clone(), claim.clone()], &ORIGINAL.replace(para, ""));
    assert_eq!(rs[0].status, AnchorStatus::Orphaned, "{:?}", rs[0]);
    assert_eq!(rs[1].status, AnchorStatus::Moved);
    assert_eq!(t2.slice(rs[1].start..rs[1].end), "promised a referendum");
    assert_eq!(log.changes.len(), 1, "moved text is not a change");
    let rec = &log.changes[0];
    assert_eq!(
        (rec.id, rec.status, rec.new.clone(), rec.action),
        (
            name.id,
            AnchorStatus::Orphaned,
            None,
            CorrectionAction::Pending
        )
    );
    // Deleting the orphan settles it.
    let mut log = log;
    assert!(log.resolve(
        name.id,
        Some(&name),
        None,
        CorrectionAction::Accepted,
        later()
    ));
    assert_eq!(log.changes[0].action, CorrectionAction::Deleted);
}

#[test]
fn a_correction_notice_at_the_top_moves_everything_and_changes_nothing() {
    let t = Text::from_str_normalized(ORIGINAL);
    let anns = vec![
        on(
            &t,
            "June 8, 2020",
            Tag::for_text(TagKind::Date, "June 8, 2020"),
        ),
        on(&t, "4.2 million euros", rated(Verdict::True)),
    ];
    let notice = "Correction: An earlier version of this article misstated the date of the \
first case.\n\n";
    let edited = format!("{notice}{ORIGINAL}");
    let (_, _, rs, log) = corrected(&anns, &edited);
    assert!(rs.iter().all(|r| r.status == AnchorStatus::Moved), "{rs:?}");
    assert_eq!(log.versions.len(), 2);
    assert!(log.changes.is_empty());
    // The notice itself is offered as an annotation, a claim with a note.
    let t2 = Text::from_str_normalized(&edited);
    let offered = crate::core::suggest::suggest(&t2, &[]);
    let n = offered
        .iter()
        .find(|s| s.note == crate::core::suggest::NOTICE_NOTE)
        .unwrap();
    assert_eq!(n.exact, notice.trim_end());
    assert_eq!((n.kind(), n.start), (TagKind::Claim, 0));
    let a = n.to_annotation(&t2, "ana", later()).unwrap();
    assert_eq!(a.note, "Correction notice");
}

#[test]
fn lookalike_paragraphs_are_ambiguous_never_changed() {
    let para = |n: &str| {
        format!("The committee approved a budget of {n} euros for the harbour works this year.\n\n")
    };
    let before = format!("Budgets\n\n{}{}", para("4 million"), para("5 million"));
    let t = Text::from_str_normalized(&before);
    let a = on(&t, "4 million", rated(Verdict::False));
    let t2 = Text::from_str_normalized(&format!(
        "Budgets\n\n{}{}",
        para("4.5 million"),
        para("5 million")
    ));
    let rs = anchor_all(&t2, std::slice::from_ref(&a));
    assert_eq!(rs[0].status, AnchorStatus::Ambiguous, "{:?}", rs[0]);
    let mut log = CorrectionLog::default();
    log.notice(
        Some((t.sha256(), t.char_count())),
        &t2,
        std::slice::from_ref(&a),
        &rs,
        later(),
    );
    assert_eq!(
        (log.changes[0].status, log.changes[0].new.clone()),
        (AnchorStatus::Ambiguous, None)
    );
}

#[test]
fn a_later_version_supersedes_a_pending_change() {
    let t = Text::from_str_normalized(ORIGINAL);
    let date = on(
        &t,
        "June 8, 2020",
        Tag::for_text(TagKind::Date, "June 8, 2020"),
    );
    let anns = vec![date.clone()];
    let (_, t2, _, mut log) = corrected(&anns, &ORIGINAL.replace("June 8", "January 8"));
    // Corrected again, before anyone decided: the first change is superseded.
    let t3 = Text::from_str_normalized(&ORIGINAL.replace("June 8", "January 9"));
    let rs = anchor_all(&t3, &anns);
    assert!(log.notice(
        Some((t2.sha256(), t2.char_count())),
        &t3,
        &anns,
        &rs,
        later()
    ));
    let actions: Vec<_> = log.changes.iter().map(|c| c.action).collect();
    assert_eq!(
        actions,
        [CorrectionAction::Superseded, CorrectionAction::Pending]
    );
    assert_eq!(log.versions.len(), 3);
    // And the old text coming back settles the last one.
    let rs = anchor_all(&t, &anns);
    assert!(log.notice(
        Some((t3.sha256(), t3.char_count())),
        &t,
        &anns,
        &rs,
        later()
    ));
    assert_eq!(log.pending().count(), 0);
    assert_eq!(log.version_number(t.sha256()), Some(1));
}

#[test]
fn merging_logs_keeps_both_and_prefers_decisions() {
    let t = Text::from_str_normalized(ORIGINAL);
    let date = on(
        &t,
        "June 8, 2020",
        Tag::for_text(TagKind::Date, "June 8, 2020"),
    );
    let (_, _, _, ours) = corrected(
        std::slice::from_ref(&date),
        &ORIGINAL.replace("June 8", "January 8"),
    );
    let mut theirs = ours.clone();
    theirs.resolve(
        date.id,
        Some(&date),
        None,
        CorrectionAction::Accepted,
        later(),
    );
    let mut merged = ours.clone();
    merged.merge(&theirs);
    assert_eq!(merged.changes.len(), 1);
    assert_eq!(merged.changes[0].action, CorrectionAction::Deleted);
    assert_eq!(merged.versions, ours.versions);
}

#[test]
fn changing_the_verdict_ends_the_recheck() {
    let t = Text::from_str_normalized(ORIGINAL);
    let mut claim = on(&t, "4.2 million euros", rated(Verdict::True));
    claim.review = recheck_review("4.1 million euros", "4.2 million euros", later());
    assert!(needs_recheck(&claim));
    let mut set = AnnotationSet::from_vec(vec![claim.clone()]);
    let mut history = History::default();
    history
        .apply(
            &mut set,
            &t,
            &Command::SetTag(claim.id, rated(Verdict::MostlyTrue)),
            later(),
        )
        .unwrap();
    let after = set.get(claim.id).unwrap();
    assert!(!needs_recheck(after));
    assert_eq!(after.review.status, ReviewStatus::Unreviewed);
    // What changed is still said; a rating is no longer asked for.
    let comment = after.review.comment.clone().unwrap();
    assert!(
        comment.contains("4.1 million") && !comment.contains("rate again"),
        "{comment}"
    );
    // A note changes nothing about it.
    let mut set = AnnotationSet::from_vec(vec![claim.clone()]);
    history
        .apply(
            &mut set,
            &t,
            &Command::SetNote(claim.id, "x".into()),
            later(),
        )
        .unwrap();
    assert!(needs_recheck(set.get(claim.id).unwrap()));
}

#[test]
fn scripts_can_follow_every_change() {
    let t = Text::from_str_normalized(ORIGINAL);
    let anns = vec![
        on(
            &t,
            "June 8, 2020",
            Tag::for_text(TagKind::Date, "June 8, 2020"),
        ),
        on(&t, "4.2 million euros", rated(Verdict::True)),
        on(&t, "promised a referendum", rated(Verdict::Mixed)),
    ];
    let edited = ORIGINAL
        .replace("June 8", "January 8")
        .replace("4.2 million", "4.7 million");
    let (_, t2, rs, _) = corrected(&anns, &edited);
    let followed = follow_changes(&t2, &anns, &rs, later());
    assert_eq!(followed.len(), 2);
    assert_eq!(date_of(&followed[0]).as_deref(), Some("2020-01-08"));
    assert!(needs_recheck(&followed[1]));
    assert_eq!(followed[1].exact, "4.7 million euros");
}

#[test]
fn the_recheck_comment_of_a_long_claim_shows_the_words_that_changed() {
    let old = "The Berlin-based team spent the past year using a large language model to turn 19 million entries within Wikidata into vectors.";
    let new = old.replace("19 million", "30 million");
    let r = recheck_review(old, &new, later());
    let c = r.comment.unwrap();
    assert!(c.contains("19 million") && c.contains("30 million"), "{c}");
}

/// An annotation of the `nth` occurrence (from 0) of `quote` in `original`.
fn annotation_of(original: &str, quote: &str, nth: usize, tag: Tag) -> Annotation {
    let t = Text::from_str_normalized(original);
    let byte = t
        .as_str()
        .match_indices(quote)
        .nth(nth)
        .unwrap_or_else(|| panic!("{quote:?}"))
        .0;
    let start = t.char_of_byte(byte);
    Annotation::new(&t, start, start + quote.chars().count(), tag, "ana", now()).unwrap()
}

/// The annotation of the `nth` occurrence (from 0) of `quote` in `original`, anchored in
/// `edited`: (the edited text, the result).
fn anchored_in(
    original: &str,
    quote: &str,
    nth: usize,
    tag: Tag,
    edited: &str,
) -> (Text, Anchoring) {
    let a = annotation_of(original, quote, nth, tag);
    let t2 = Text::from_str_normalized(edited);
    let r = anchor_all(&t2, std::slice::from_ref(&a)).remove(0);
    (t2, r)
}

#[test]
fn a_sentence_wrapped_in_a_link_has_moved_not_changed() {
    let original = "The portal now serves 1,200 programs across the country. We last wrote about \
this project in 2020. Since then the team has grown and the portal has moved to a new host.\n";
    let edited = original.replace(
        "We last wrote about this project in 2020.",
        "[We last wrote about this project in 2020.](https://example.org/2020/12/01/portal-update/)",
    );
    let quote = "We last wrote about this project in 2020.";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    assert_eq!(r.status, AnchorStatus::Moved, "{r:?}");
    assert_eq!(t2.slice(r.start..r.end), quote);
}

#[test]
fn a_name_wrapped_in_a_link_has_moved_even_with_a_copy_elsewhere() {
    let original = "---\nexcerpt: A project with the Office of Family Assistance to collect \
data.\n---\n\nWe worked with the Office of Family Assistance to build a portal for state data, \
and the states now report every month.\n";
    let edited = original.replace(
        "with the Office of Family Assistance to build",
        "with the [Office of Family Assistance](https://example.gov/ofa) to build",
    );
    let quote = "Office of Family Assistance";
    let (t2, r) = anchored_in(
        original,
        quote,
        1,
        Tag::Entity {
            kind: EntityKind::Organization,
            identifier: None,
        },
        &edited,
    );
    assert_eq!(r.status, AnchorStatus::Moved, "{r:?}");
    assert_eq!(t2.slice(r.start..r.end), quote);
    assert!(r.start > t2.as_str().find("[Office").unwrap(), "{r:?}");
}

#[test]
fn text_inserted_before_an_edited_claim_is_never_taken_as_its_new_text() {
    let original = "Two proposals were discussed in the open ([#273](https://example.org/issues/273)). \
A second proposal was submitted and has since moved to a vote of the whole council.\n";
    let edited = original.replace(
        ")). A second proposal was submitted",
        ")), which was meant to settle the most pressing concerns in the main repository. A second \
proposal was also submitted",
    );
    let quote = "A second proposal was submitted and has since moved to";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    // Offered for a person to confirm, on the claim's own words.
    assert_eq!(r.status, AnchorStatus::Fuzzy, "{r:?}");
    assert_eq!(
        t2.slice(r.start..r.end),
        "A second proposal was also submitted and has since moved to"
    );
    for c in &r.candidates {
        assert!(
            !t2.slice(c.start..c.end).contains("which was meant"),
            "{r:?}"
        );
    }
}

#[test]
fn a_sentence_added_after_a_corrected_claim_is_not_part_of_its_new_text() {
    let original = "### Contribution policy\n\nA lively discussion has been taking place around \
adopting a policy for low-effort contributions, particularly those made with tools \
([#273](https://example.org/issues/273)). More proposals followed.\n";
    let edited = original.replace(
        "adopting a policy for low-effort contributions, particularly those made with tools \
([#273]",
        "policies for automated contributions. An interim proposal was submitted in [#273]",
    );
    let quote = "A lively discussion has been taking place around adopting a policy for \
low-effort contributions, particularly those made with tools";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    assert_eq!(r.status, AnchorStatus::Changed, "{r:?}");
    assert_eq!(
        t2.slice(r.start..r.end),
        "A lively discussion has been taking place around policies for automated contributions."
    );
}

#[test]
fn keeping_the_verdict_ends_the_recheck_and_the_comment_stops_asking() {
    let t = Text::from_str_normalized(ORIGINAL);
    let mut claim = on(&t, "4.2 million euros", rated(Verdict::True));
    claim.review = recheck_review("4.1 million euros", "4.2 million euros", later());
    let mut set = AnnotationSet::from_vec(vec![claim.clone()]);
    let mut history = History::default();
    let accepted = Review {
        status: ReviewStatus::Accepted,
        by: Some("kim".into()),
        at: Some(later()),
        comment: claim.review.comment.clone(),
    };
    history
        .apply(
            &mut set,
            &t,
            &Command::SetReview(claim.id, accepted),
            later(),
        )
        .unwrap();
    let after = set.get(claim.id).unwrap();
    assert!(!needs_recheck(after));
    let comment = after.review.comment.clone().unwrap();
    // What changed is still said; a rating is no longer asked for.
    assert!(
        comment.contains("4.1 million") && comment.contains("4.2 million"),
        "{comment}"
    );
    assert!(!comment.contains("rate again"), "{comment}");
    history.undo(&mut set).unwrap().unwrap();
    assert!(needs_recheck(set.get(claim.id).unwrap()));
}

#[test]
fn a_notice_put_before_an_unchanged_claim_leaves_it_moved_not_ambiguous() {
    let original = "---\ntitle: A new log\ndate: 2019-05-15\n---\n\nToday we are announcing a new \
[public log called Oak](https://example.org/logs). It is open to every certificate authority.\n";
    let edited = original.replace(
        "---\n\nToday",
        "---\n\n> **Update: Feb. 5 2020**\n>\n> The logs are now included in the approved lists \
and are usable by every browser that checks them, as planned from the start.\n\nToday",
    );
    let quote = "Today we are announcing a new [public log called Oak](https://example.org/logs).";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    assert_eq!(r.status, AnchorStatus::Moved, "{r:?}");
    assert_eq!(t2.slice(r.start..r.end), quote);
}

#[test]
fn a_copy_of_deleted_text_elsewhere_in_other_surroundings_is_offered_not_taken() {
    // The summary repeats a sentence of the body; the correction cuts the summary's copy.
    let original = "---\nsummary: Built by a small team on the Web. A sort of health monitor for \
the country's websites, it is called Pulse and you can see it today.\n---\n\nThe new dashboard \
went live this week after six weeks of work on the Web.\n\nA sort of health monitor for the \
country's websites, it is called [Pulse](https://example.gov/pulse) and it tracks every domain.\n";
    let edited = original.replace(
        " A sort of health monitor for the country's websites, it is called Pulse and you can see \
it today.",
        "",
    );
    let quote = "A sort of health monitor for the country's websites";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    assert_ne!(r.status, AnchorStatus::Moved, "{r:?}");
    assert_ne!(r.status, AnchorStatus::Exact, "{r:?}");
    if r.status == AnchorStatus::Fuzzy {
        assert_eq!(t2.slice(r.start..r.end), quote);
    }
}

#[test]
fn words_inserted_inside_a_quote_with_its_context_kept_are_a_change() {
    let original = "I wrote the code for this project in [this Claude Conversation](https://example.org/share/5f3a) and then tested it by hand.\n";
    let edited = original.replace("[this Claude", "[this 25 minute Claude");
    let quote = "this Claude Conversation";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    assert_eq!(r.status, AnchorStatus::Changed, "{r:?}");
    assert_eq!(
        t2.slice(r.start..r.end),
        "this 25 minute Claude Conversation"
    );
}

#[test]
fn a_link_put_inside_a_claim_keeps_it_in_its_place_not_on_a_summary_copy() {
    let original = "---\ntitle: Training needs\ndescription: So, when we teamed up with the Faculty of Management at\n  Dalhousie University to ask about training\n---\n\nLast year we set out to learn what public servants need. So, when we teamed up with the Faculty of Management at Dalhousie University late last year, we asked them.\n";
    let edited = original
        .replace(
            "servants need. So, when we teamed up",
            "servants need. So, when we [teamed up](/2018/11/01/partners/) up",
        )
        .replace(") up with", ") with");
    let quote = "So, when we teamed up with the Faculty of Management at Dalhousie University late last year";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    let body = t2.as_str().find("servants need.").unwrap();
    assert!(r.start > t2.char_of_byte(body), "{r:?}");
    assert!(
        matches!(
            r.status,
            AnchorStatus::Changed | AnchorStatus::Moved | AnchorStatus::Fuzzy
        ),
        "{r:?}"
    );
}

#[test]
fn a_name_put_inside_a_link_whose_address_repeats_it_has_moved() {
    let original = "Compiling code that uses ForwardDiff.jl is now much faster than before.\n";
    let edited = original.replace(
        "uses ForwardDiff.jl is",
        "uses [ForwardDiff.jl](https://github.com/JuliaDiff/ForwardDiff.jl) is",
    );
    let quote = "ForwardDiff.jl";
    let (t2, r) = anchored_in(
        original,
        quote,
        0,
        Tag::Entity {
            kind: EntityKind::Other,
            identifier: None,
        },
        &edited,
    );
    assert_eq!(r.status, AnchorStatus::Moved, "{r:?}");
    assert_eq!(
        r.start,
        t2.char_of_byte(t2.as_str().find("[ForwardDiff").unwrap()) + 1
    );
}

#[test]
fn a_changed_list_item_does_not_take_the_lists_marker() {
    let original = "## Fixes\n\n- Added a limit to the size of arrays.\n- Changes a `Pay` error to return `tecNO_PERMISSION` instead of `temINVALID_FLAG`.\n- Capped the base fee.\n";
    let edited = original
        .replace("- Added a limit to the size of arrays.\n", "")
        .replace("- Changes a", "   - Changed a");
    let quote = "Changes a `Pay` error to return `tecNO_PERMISSION` instead of `temINVALID_FLAG`";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), &edited);
    if r.status == AnchorStatus::Changed {
        assert!(
            t2.slice(r.start..r.end).starts_with("Changed a `Pay`"),
            "{r:?}"
        );
    }
}

#[test]
fn a_paragraph_wrapped_again_at_other_places_has_moved_not_changed() {
    let original = "The loop reads a line, splits it into tokens and runs them.\nThe process repeats until no token is returned by\n`strtok`, and then we return the list of tokens. Finally, we free\nthe line and read the next one.\n";
    let edited = "The loop reads a line, splits it into tokens and runs them.\nThe process repeats until no token is returned by `strtok`,\nand then we return the list of tokens. Finally, we free the line\nand read the next one.\n";
    let quote = "The process repeats until no token is returned by\n`strtok`, and then we return the list of tokens.";
    let (t2, r) = anchored_in(original, quote, 0, rated(Verdict::True), edited);
    assert_eq!(r.status, AnchorStatus::Moved, "{r:?}");
    assert!(same_words(t2.slice(r.start..r.end), quote));
    // Applied like any move, the annotation takes the text as it is now wrapped.
    let mut a = annotation_of(original, quote, 0, rated(Verdict::True));
    assert!(apply_anchoring(&t2, &mut a, &r));
    assert_eq!(a.exact, t2.slice(r.start..r.end));
}
