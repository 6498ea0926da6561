//! Links and evidence in every export, and back in on import: brat relations and evidence notes
//! (round trip, and through brat's own parser when it is at hand), W3C linking annotations and
//! evidence bodies (round trip, and into a document that already has the annotations), the
//! JSON Lines arrays, the CSV companion files and their protection, ClaimReview citations, the
//! HTML report (escaped), and the warning for a link whose target is left out.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use factmark::core::annotation::{
    Annotation, AnnotationId, DateValue, EntityKind, Tag, TagKind, Verdict,
};
use factmark::core::edit::{Command, History};
use factmark::core::evidence::{Evidence, EvidenceId, Snapshot, Stance};
use factmark::core::link::{Link, LinkId, LinkKind};
use factmark::core::model::AnnotationSet;
use factmark::core::text::Text;
use factmark::formats::import::{ImportOptions, ImportReport, ImportTarget, import};
use factmark::formats::{
    ClaimReviewOptions, ExportContent, ExportDoc, ExportFormat, ExportOptions, ExportOutput,
    ImportFormat, WarningKind, export,
};
use factmark::store::output::{FolderFile, OutputRules, companion_path, write_with_companions};
use serde_json::Value;

const TEXT: &str = "On 3 May 2024, Jane Doe said: \"Crime fell by 20% last year.\"\n\
The Ministry of Justice said crime rose.\n";

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, h, m, 0).unwrap()
}

fn span(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn ann(t: &Text, n: u128, needle: &str, tag: Tag) -> Annotation {
    let (s, e) = span(needle);
    let mut a = Annotation::new(t, s, e, tag, "ana", at(9, n as u32)).unwrap();
    a.id = AnnotationId(uuid::Uuid::from_u128(0x2000 + n));
    a
}

fn link(n: u128, kind: LinkKind, to: &Annotation) -> Link {
    let mut l = Link::new(kind, to.id, "kim", at(10, n as u32));
    l.id = LinkId(uuid::Uuid::from_u128(0x3000 + n));
    l
}

/// A URL with characters that must be escaped in HTML.
const NASTY_URL: &str = "https://stats.example/q?a=\"<b>&c='d'";

fn evidence() -> Vec<Evidence> {
    let mut ons = Evidence::new("https://ons.example/crime", Stance::Refutes, at(8, 0));
    ons.id = EvidenceId(uuid::Uuid::from_u128(0x4001));
    ons.title = "Crime in England and Wales".into();
    ons.publisher = "ONS".into();
    ons.published = Some(DateValue::parse("2025-04-24").unwrap());
    ons.archived = "https://web.archive.org/web/2026/https://ons.example/crime".into();
    ons.snapshot = Some(Snapshot {
        path: "snapshots/ons-crime.html".into(),
        sha256: "ab".repeat(32),
    });
    ons.excerpt = "Police recorded crime fell by 7%.".into();
    let mut nasty = Evidence::new(NASTY_URL, Stance::Context, at(8, 30));
    nasty.id = EvidenceId(uuid::Uuid::from_u128(0x4002));
    nasty.note = "<i>not markup</i>".into();
    vec![ons, nasty]
}

/// Date, Jane, quote, claim in the quote, ministry, second claim; the quote is attributed to
/// Jane, the first claim dated and contradicted by the second, which cites the ministry (a
/// kind of the user's own), and the first claim has two sources.
fn annotations(t: &Text) -> Vec<Annotation> {
    let date = ann(
        t,
        1,
        "3 May 2024",
        Tag::Date {
            value: Some(DateValue::parse("2024-05-03").unwrap()),
        },
    );
    let jane = ann(
        t,
        2,
        "Jane Doe",
        Tag::Entity {
            kind: EntityKind::Person,
            identifier: None,
        },
    );
    let mut quote = ann(
        t,
        3,
        "\"Crime fell by 20% last year.\"",
        Tag::Quote {
            speaker: Some("Jane Doe".into()),
        },
    );
    let mut claim = ann(
        t,
        4,
        "Crime fell by 20% last year",
        Tag::Claim {
            verdict: Verdict::MostlyFalse,
            claimant: Some("Jane Doe".into()),
        },
    );
    let ministry = ann(
        t,
        5,
        "Ministry of Justice",
        Tag::Entity {
            kind: EntityKind::Organization,
            identifier: None,
        },
    );
    let mut rose = ann(t, 6, "crime rose", Tag::new(TagKind::Claim));
    quote.links.push(link(1, LinkKind::AttributedTo, &jane));
    claim.links.push(link(2, LinkKind::Dated, &date));
    rose.links.push(link(3, LinkKind::Contradicts, &claim));
    let mut cites = link(4, LinkKind::Other("cites".into()), &ministry);
    cites.note = "press release".into();
    rose.links.push(cites);
    claim.evidence = evidence();
    claim.note = "Check the base year.".into();
    vec![date, jane, quote, claim, ministry, rose]
}

fn doc() -> ExportDoc {
    let t = Text::from_str_normalized(TEXT);
    let anns = annotations(&t);
    ExportDoc::new(Path::new("corpus/article.txt"), t, &anns)
        .with_uri("file:///corpus/article.txt".into())
}

fn run(format: ExportFormat, doc: &ExportDoc) -> ExportOutput {
    let options = ExportOptions {
        claim_review: ClaimReviewOptions {
            url: Some("https://checks.example/1".into()),
            publisher: Some("Checks".into()),
            publisher_url: None,
            date_published: Some("2026-01-03".parse().unwrap()),
        },
        ..ExportOptions::default()
    };
    export(format, std::slice::from_ref(doc), &options).unwrap()
}

fn single(out: &ExportOutput) -> &str {
    match &out.content {
        ExportContent::Single(s) => s,
        ExportContent::Files(_) => panic!("expected one text"),
    }
}

fn brat_file<'a>(out: &'a ExportOutput, name: &str) -> &'a str {
    match &out.content {
        ExportContent::Files(f) => &f.iter().find(|f| f.name == name).unwrap().contents,
        ExportContent::Single(_) => panic!("expected files"),
    }
}

fn import_into(format: ImportFormat, input: &str, existing: &[Annotation]) -> ImportReport {
    let text = Text::from_str_normalized(TEXT);
    let target = ImportTarget {
        text: &text,
        file: None,
        file_name: "article.txt",
        existing,
    };
    let options = ImportOptions {
        author: "importer".into(),
        now: at(12, 0),
    };
    import(format, input, &target, &options).unwrap()
}

/// Every link as (from span, kind, to span).
type Triple = ((usize, usize), String, (usize, usize));

fn triples<'a>(anns: impl IntoIterator<Item = &'a Annotation> + Clone) -> BTreeSet<Triple> {
    let mut out = BTreeSet::new();
    for a in anns.clone() {
        for l in &a.links {
            let to = anns.clone().into_iter().find(|b| b.id == l.to).unwrap();
            out.insert(((a.start, a.end), l.kind.to_string(), (to.start, to.end)));
        }
    }
    out
}

fn original_triples() -> BTreeSet<Triple> {
    let t = Text::from_str_normalized(TEXT);
    triples(&annotations(&t))
}

// ---------------------------------------------------------------- brat

#[test]
fn brat_relations_are_declared_and_written() {
    let out = run(ExportFormat::Brat, &doc());
    let conf = brat_file(&out, "annotation.conf");
    for line in [
        "AttributedTo\tArg1:Quote|Claim, Arg2:Entity\n",
        "Dated\tArg1:Claim|Quote, Arg2:Date\n",
        "Contradicts\tArg1:Claim|Quote, Arg2:Claim|Quote, <REL-TYPE>:symmetric\n",
        "Cites\tArg1:<ENTITY>, Arg2:<ENTITY>\n",
    ] {
        assert!(conf.contains(line), "{line:?} not in\n{conf}");
    }
    let relations = conf.split("[relations]").nth(1).unwrap();
    assert!(relations.find("Cites").unwrap() < relations.find("[events]").unwrap());
    let ann = brat_file(&out, "article.ann");
    // T ids follow the document order: date T1, Jane T2, quote T3, claim T4, ministry T5,
    // "crime rose" T6.
    for line in [
        "R1\tAttributedTo Arg1:T3 Arg2:T2\n",
        "R2\tDated Arg1:T4 Arg2:T1\n",
        "R3\tContradicts Arg1:T6 Arg2:T4\n",
        "R4\tCites Arg1:T6 Arg2:T5\n",
    ] {
        assert!(ann.contains(line), "{line:?} not in\n{ann}");
    }
    assert!(
        ann.contains("\tAnnotatorNotes T4\tEvidence (refutes): https://ons.example/crime — archived: https://web.archive.org/web/2026/https://ons.example/crime — consulted: 2026-01-02T08:00:00Z — snapshot: snapshots/ons-crime.html sha256:"),
        "{ann}"
    );
    assert!(
        ann.contains("\tAnnotatorNotes T4\tCheck the base year.\n"),
        "{ann}"
    );
    assert!(
        out.warnings
            .iter()
            .any(|w| w.kind == WarningKind::Lossy && w.message.contains("excerpt")),
        "{:?}",
        out.warnings
    );
}

#[test]
fn brat_export_then_import_gives_the_same_links_and_evidence() {
    let out = run(ExportFormat::Brat, &doc());
    let r = import_into(ImportFormat::Brat, brat_file(&out, "article.ann"), &[]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.links_added, 4);
    assert!(
        r.links.is_empty(),
        "every link starts from a new annotation"
    );
    assert_eq!(triples(&r.added), original_triples());
    // The links point at the ids of the imported annotations.
    let ids: BTreeSet<AnnotationId> = r.added.iter().map(|a| a.id).collect();
    assert!(
        r.added
            .iter()
            .flat_map(|a| &a.links)
            .all(|l| ids.contains(&l.to))
    );
    assert!(
        r.added
            .iter()
            .flat_map(|a| &a.links)
            .all(|l| l.author == "importer")
    );
    let claim = r
        .added
        .iter()
        .find(|a| a.exact.starts_with("Crime"))
        .unwrap();
    assert_eq!(claim.note, "Check the base year.");
    let want = evidence();
    assert_eq!(claim.evidence.len(), 2);
    for (got, want) in claim.evidence.iter().zip(&want) {
        assert_eq!(
            (
                &got.url,
                &got.archived,
                &got.title,
                got.stance,
                got.consulted
            ),
            (
                &want.url,
                &want.archived,
                &want.title,
                want.stance,
                want.consulted
            )
        );
        assert_eq!(got.snapshot, want.snapshot);
    }
    // Importing again adds nothing, links included.
    let again = import_into(ImportFormat::Brat, brat_file(&out, "article.ann"), &r.added);
    assert!(again.added.is_empty() && again.links.is_empty());
    assert_eq!((again.links_added, again.links_present), (0, 4));
}

#[test]
fn brat_relations_of_other_tools_are_read() {
    let ann = "T1\tQuote 30 61\t\"Crime fell by 20% last year.\"\nT2\tPerson 15 23\tJane Doe\n\
R1\tLocated_in Arg1:T1 Arg2:T2\nR2\tAttributedTo Arg1:T1 Arg2:T2\nR3\tAbout Arg1:T1 Arg2:T9\n\
*\tEquiv T1 T2\n";
    let r = import_into(ImportFormat::Brat, ann, &[]);
    let quote = r
        .added
        .iter()
        .find(|a| a.tag.kind() == TagKind::Quote)
        .unwrap();
    let kinds: Vec<&LinkKind> = quote.links.iter().map(|l| &l.kind).collect();
    assert_eq!(
        kinds,
        [
            &LinkKind::Other("located-in".into()),
            &LinkKind::AttributedTo
        ]
    );
    // The attribution names the speaker, as a link made in the window does.
    assert_eq!(
        quote.tag,
        Tag::Quote {
            speaker: Some("Jane Doe".into())
        }
    );
    let reasons: Vec<&str> = r.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("T9")));
    assert!(reasons.iter().any(|r| r.contains("equivalence")));
}

#[test]
fn brat_links_of_the_wrong_tags_are_refused() {
    // A date cannot be attributed to anyone.
    let ann = "T1\tDate 3 13\t3 May 2024\nT2\tPerson 15 23\tJane Doe\n\
R1\tAttributedTo Arg1:T1 Arg2:T2\n";
    let r = import_into(ImportFormat::Brat, ann, &[]);
    assert_eq!(r.added.len(), 2);
    assert_eq!(r.links_added, 0);
    assert_eq!(r.skipped.len(), 1, "{:?}", r.skipped);
    assert!(r.skipped[0].item.starts_with("R1"));
}

/// Runs brat's own parser (server/src/annotation.py of nlplab/brat, path in
/// `BRAT_ANNOTATION_PY`) on the exported folder through tests/brat_check.py, and checks that
/// it reads the same relations as the links exported, and the evidence notes. Skipped when the
/// variable is not set or python3 is missing.
#[test]
fn brat_own_parser_reads_the_relations() {
    let Some(parser) = std::env::var_os("BRAT_ANNOTATION_PY") else {
        eprintln!("skipped: set BRAT_ANNOTATION_PY to brat's server/src/annotation.py");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = run(ExportFormat::Brat, &doc());
    let ExportContent::Files(files) = &out.content else {
        panic!("expected files")
    };
    for f in files {
        std::fs::write(dir.path().join(&f.name), &f.contents).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/brat_check.py");
    let run = std::process::Command::new("python3")
        .arg(script)
        .arg(&parser)
        .arg(dir.path())
        .output();
    let Ok(run) = run else {
        eprintln!("skipped: python3 is not available");
        return;
    };
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let line: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(line["errors"], Value::Array(vec![]), "{line}");
    let span = |v: &Value| {
        let s = v.as_array().unwrap();
        let first = s.first().unwrap().as_array().unwrap();
        let last = s.last().unwrap().as_array().unwrap();
        (
            first[0].as_u64().unwrap() as usize,
            last[1].as_u64().unwrap() as usize,
        )
    };
    let seen: BTreeSet<Triple> = line["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let kind = factmark::formats::brat::kind_of_relation(r[0].as_str().unwrap()).unwrap();
            (span(&r[1]), kind.to_string(), span(&r[3]))
        })
        .collect();
    assert_eq!(seen, original_triples());
    // And factmark's import of the same file agrees with brat.
    let back = import_into(ImportFormat::Brat, brat_file(&out, "article.ann"), &[]);
    assert_eq!(triples(&back.added), seen);
    let notes: Vec<&str> = line["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n[1].as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Evidence (refutes): https://ons.example/crime")),
        "{notes:?}"
    );
}

// ---------------------------------------------------------------- W3C

#[test]
fn w3c_links_are_linking_annotations() {
    let out = run(ExportFormat::W3c, &doc());
    let v: Value = serde_json::from_str(single(&out)).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let linking: Vec<&Value> = items
        .iter()
        .filter(|i| i["motivation"] == "linking")
        .collect();
    assert_eq!(linking.len(), 4);
    let ids: BTreeSet<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
    let quote = "urn:uuid:00000000-0000-0000-0000-000000002003";
    let jane = "urn:uuid:00000000-0000-0000-0000-000000002002";
    let first = linking[0];
    assert_eq!(first["target"], serde_json::json!([quote, jane]));
    assert_eq!(first["linkFrom"], quote);
    assert_eq!(first["body"][0]["purpose"], "classifying");
    assert_eq!(first["body"][0]["value"], "attributed-to");
    assert_eq!(first["creator"]["name"], "kim");
    assert_eq!(first["created"], "2026-01-02T10:01:00Z");
    for l in &linking {
        for t in l["target"].as_array().unwrap() {
            assert!(
                ids.contains(t.as_str().unwrap()),
                "{t} is not an exported id"
            );
        }
    }
    // Evidence: SpecificResource bodies of the claim's annotation, with factmark's terms
    // declared in the context.
    let claim = items
        .iter()
        .find(|i| i["id"] == "urn:uuid:00000000-0000-0000-0000-000000002004")
        .unwrap();
    let bodies: Vec<&Value> = claim["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "SpecificResource")
        .collect();
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[0]["source"], "https://ons.example/crime");
    assert_eq!(bodies[0]["purpose"], "linking");
    assert_eq!(bodies[0]["state"]["type"], "TimeState");
    assert_eq!(
        bodies[0]["state"]["cached"],
        "https://web.archive.org/web/2026/https://ons.example/crime"
    );
    assert_eq!(bodies[0]["state"]["sourceDate"], "2026-01-02T08:00:00Z");
    assert_eq!(bodies[0]["stance"], "refutes");
    let context = &v["@context"][1];
    for term in [
        "stance",
        "sourceTitle",
        "excerpt",
        "snapshotPath",
        "snapshotSha256",
        "linkFrom",
    ] {
        assert!(
            context[term]["@id"].is_string(),
            "{term} not declared: {context}"
        );
    }
    assert_eq!(context["linkFrom"]["@type"], "@id");
}

#[test]
fn w3c_export_then_import_gives_the_same_links_and_evidence() {
    let d = doc();
    let out = run(ExportFormat::W3c, &d);
    let r = import_into(ImportFormat::W3c, single(&out), &[]);
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    let want: Vec<&Annotation> = d.placed().collect();
    assert_eq!(r.added.len(), want.len());
    for (got, want) in r.added.iter().zip(want) {
        assert_eq!(got.links, want.links, "{}", want.exact);
        assert_eq!(got.evidence, want.evidence, "{}", want.exact);
    }
}

#[test]
fn w3c_links_into_a_document_that_has_the_annotations() {
    let d = doc();
    let out = run(ExportFormat::W3c, &d);
    let text = Text::from_str_normalized(TEXT);
    // The same annotations, without their links: the import brings the links alone.
    let bare: Vec<Annotation> = annotations(&text)
        .into_iter()
        .map(|mut a| {
            a.links.clear();
            a
        })
        .collect();
    let r = import_into(ImportFormat::W3c, single(&out), &bare);
    assert!(r.added.is_empty());
    assert_eq!(r.links.len(), 4, "{:?}", r.skipped);
    let mut set = AnnotationSet::default();
    for a in bare {
        set.insert(a);
    }
    let commands = r
        .links
        .iter()
        .map(|(from, link)| Command::Link {
            from: *from,
            link: link.clone(),
        })
        .collect();
    History::default()
        .apply(&mut set, &text, &Command::Batch(commands), at(13, 0))
        .unwrap();
    assert_eq!(triples(set.iter()), original_triples());
}

// ---------------------------------------------------------------- left-out targets

#[test]
fn a_link_to_an_annotation_not_exported_is_reported() {
    let t = Text::from_str_normalized(TEXT);
    let mut anns = annotations(&t);
    // The entity's text is gone from the document: offset formats leave it out.
    let jane = anns.iter_mut().find(|a| a.exact == "Jane Doe").unwrap();
    jane.exact = "John Roe".into();
    jane.prefix.clear();
    jane.suffix.clear();
    let d = ExportDoc::new(Path::new("article.txt"), t, &anns);
    let out = run(ExportFormat::Brat, &d);
    let w = out
        .warnings
        .iter()
        .find(|w| w.message.contains("attributed-to link"))
        .unwrap_or_else(|| panic!("{:?}", out.warnings));
    assert_eq!(w.kind, WarningKind::Skipped);
    assert!(w.message.contains("John Roe"), "{w}");
    assert!(!brat_file(&out, "article.ann").contains("AttributedTo"));
    assert!(out.has_problems());
    // A link to an annotation no longer in the document at all.
    let t = Text::from_str_normalized(TEXT);
    let mut anns = annotations(&t);
    anns.retain(|a| a.exact != "Ministry of Justice");
    let d = ExportDoc::new(Path::new("article.txt"), t, &anns);
    for format in [ExportFormat::Jsonl, ExportFormat::W3c, ExportFormat::Csv] {
        let out = run(format, &d);
        assert!(
            out.warnings
                .iter()
                .any(|w| w.kind == WarningKind::Skipped && w.message.contains("cites link")),
            "{format}: {:?}",
            out.warnings
        );
    }
}

// ---------------------------------------------------------------- JSONL, CSV

#[test]
fn jsonl_lines_carry_links_and_evidence() {
    let out = run(ExportFormat::Jsonl, &doc());
    let lines: Vec<Value> = single(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for l in &lines {
        assert!(l["links"].is_array() && l["evidence"].is_array(), "{l}");
    }
    let rose = lines.iter().find(|l| l["exact"] == "crime rose").unwrap();
    let links = rose["links"].as_array().unwrap();
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["kind"], "contradicts");
    assert_eq!(links[0]["to"], "00000000-0000-0000-0000-000000002004");
    assert_eq!(links[0]["to_exact"], "Crime fell by 20% last year");
    assert_eq!(links[1]["kind"], "cites");
    assert_eq!(links[1]["note"], "press release");
    let claim = lines
        .iter()
        .find(|l| l["exact"] == "Crime fell by 20% last year")
        .unwrap();
    let ev = claim["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0]["stance"], "refutes");
    assert_eq!(
        ev[0]["archived"],
        "https://web.archive.org/web/2026/https://ons.example/crime"
    );
    assert_eq!(ev[0]["snapshot_path"], "snapshots/ons-crime.html");
    assert_eq!(ev[1]["url"], NASTY_URL);
    assert_eq!(ev[1]["title"], Value::Null);
}

#[test]
fn csv_writes_links_and_evidence_files() {
    let out = run(ExportFormat::Csv, &doc());
    let names: Vec<&str> = out.companions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["links.csv", "evidence.csv"]);
    let read = |s: &str| -> Vec<Vec<String>> {
        csv::Reader::from_reader(s.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    let links = read(&out.companions[0].contents);
    assert_eq!(links.len(), 4);
    assert_eq!(
        links[0][..8],
        [
            "corpus/article.txt",
            "00000000-0000-0000-0000-000000002003",
            "quote",
            "\"Crime fell by 20% last year.\"",
            "attributed-to",
            "00000000-0000-0000-0000-000000002002",
            "entity",
            "Jane Doe"
        ]
    );
    let evidence = read(&out.companions[1].contents);
    assert_eq!(evidence.len(), 2);
    assert_eq!(evidence[0][4], "1");
    assert_eq!(evidence[0][6], "refutes");
    assert_eq!(evidence[0][7], "https://ons.example/crime");
    assert_eq!(evidence[1][7], NASTY_URL);
    // No links or evidence: no extra files.
    let t = Text::from_str_normalized(TEXT);
    let plain: Vec<Annotation> = annotations(&t)
        .into_iter()
        .map(|mut a| {
            a.links.clear();
            a.evidence.clear();
            a
        })
        .collect();
    let d = ExportDoc::new(Path::new("article.txt"), t, &plain);
    assert!(run(ExportFormat::Csv, &d).companions.is_empty());
}

#[test]
fn csv_companions_are_protected_like_the_main_file() {
    let dir = tempfile::tempdir().unwrap();
    let document = dir.path().join("article.txt");
    std::fs::write(&document, TEXT).unwrap();
    let out = dir.path().join("out.csv");
    assert_eq!(
        companion_path(&out, "csv", "links.csv"),
        dir.path().join("out.links.csv")
    );
    let files = [
        FolderFile {
            name: "links.csv",
            contents: b"links",
        },
        FolderFile {
            name: "evidence.csv",
            contents: b"evidence",
        },
    ];
    let rules = OutputRules::protecting([document.as_path()], []);
    // A companion that is a link to the document: refused, and nothing is written.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&document, dir.path().join("out.evidence.csv")).unwrap();
        let err = write_with_companions(&out, "csv", b"main", &files, &rules).unwrap_err();
        assert!(err.to_string().contains("document"), "{err}");
        assert!(!out.exists());
        assert!(!dir.path().join("out.links.csv").exists());
        assert_eq!(std::fs::read_to_string(&document).unwrap(), TEXT);
        std::fs::remove_file(dir.path().join("out.evidence.csv")).unwrap();
    }
    // An existing companion is replaced only when asked.
    std::fs::write(dir.path().join("out.links.csv"), "old").unwrap();
    assert!(write_with_companions(&out, "csv", b"main", &files, &rules).is_err());
    assert!(!out.exists());
    write_with_companions(&out, "csv", b"main", &files, &rules.clone().replacing(true)).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "main");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.links.csv")).unwrap(),
        "links"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.evidence.csv")).unwrap(),
        "evidence"
    );
    // On standard output only the main file can go: the companions come back unwritten.
    let (_, unwritten) = write_with_companions(Path::new("-"), "csv", b"", &files, &rules).unwrap();
    assert_eq!(unwritten.len(), 2);
}

// ---------------------------------------------------------------- ClaimReview, HTML

#[test]
fn claimreview_cites_the_evidence() {
    let out = run(ExportFormat::ClaimReview, &doc());
    let v: Value = serde_json::from_str(single(&out)).unwrap();
    let review = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["claimReviewed"] == "Crime fell by 20% last year")
        .unwrap();
    assert_eq!(review["reviewBody"], "Check the base year.");
    assert_eq!(review["datePublished"], "2026-01-03");
    let citation = review["citation"].as_array().unwrap();
    assert_eq!(citation.len(), 2);
    assert_eq!(citation[0]["@type"], "CreativeWork");
    assert_eq!(citation[0]["url"], "https://ons.example/crime");
    assert_eq!(citation[0]["name"], "Crime in England and Wales");
    assert_eq!(
        citation[0]["archivedAt"],
        "https://web.archive.org/web/2026/https://ons.example/crime"
    );
    assert_eq!(citation[0]["publisher"]["name"], "ONS");
    assert_eq!(citation[1]["url"], NASTY_URL);
}

#[test]
fn html_report_lists_evidence_and_links_escaped() {
    let out = run(ExportFormat::Html, &doc());
    let html = single(&out);
    assert!(
        !html.contains("<b>&c"),
        "the URL broke out of its attribute"
    );
    assert!(!html.contains("<i>not markup"), "a note was not escaped");
    assert!(
        html.contains("href=\"https://stats.example/q?a=&quot;&lt;b&gt;&amp;c=&#39;d&#39;\""),
        "the URL is not an escaped link"
    );
    assert!(html.contains("<span class=\"stance refutes\">refutes</span> <a href=\"https://ons.example/crime\" rel=\"noreferrer\">Crime in England and Wales</a>"));
    assert!(html.contains(
        "<a href=\"https://web.archive.org/web/2026/https://ons.example/crime\" rel=\"noreferrer\">archived copy</a>"
    ));
    assert!(html.contains("snapshot <code>ons-crime.html</code>"));
    assert!(
        html.contains("<blockquote dir=\"auto\">Police recorded crime fell by 7%.</blockquote>")
    );
    // Links both ways: the quote says who said it, Jane's entry what she said.
    assert!(html.contains(
        "<span class=\"link-kind\">attributed-to →</span> <span class=\"tag t-entity\">entity</span> <q dir=\"auto\">Jane Doe</q>"
    ), "{html}");
    assert!(html.contains(
        "<span class=\"link-kind\">← said</span> <span class=\"tag t-quote\">quote</span> <q dir=\"auto\">&quot;Crime fell by 20% last year.&quot;</q>"
    ));
    assert!(html.contains("<span class=\"link-kind\">contradicts →</span>"));
    assert!(html.contains("<span class=\"link-kind\">← contradicts</span>"));
    assert!(!html.contains("<script"));
}
