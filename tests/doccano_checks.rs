//! doccano export and import edge cases: overlapping spans are announced (a default doccano
//! project drops them on import), and a line whose `text` has the wrong JSON type is reported
//! as such, with its line, not as missing.

use std::path::Path;

use chrono::{TimeZone, Utc};
use factmark::core::annotation::{Annotation, Tag, TagKind};
use factmark::core::text::Text;
use factmark::formats::import::{ImportOptions, ImportTarget, import};
use factmark::formats::{
    ExportDoc, ExportFormat, ExportOptions, ExportWarning, ImportFormat, WarningKind, export,
};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, 9, 0, 0).unwrap()
}

fn doc(path: &str, text: &str, spans: &[(usize, usize)]) -> ExportDoc {
    let t = Text::from_str_normalized(text);
    let anns: Vec<Annotation> = spans
        .iter()
        .map(|&(s, e)| Annotation::new(&t, s, e, Tag::new(TagKind::Claim), "ana", now()).unwrap())
        .collect();
    ExportDoc::new(Path::new(path), t, &anns)
}

fn overlap_warnings(docs: &[ExportDoc]) -> Vec<ExportWarning> {
    export(ExportFormat::Doccano, docs, &ExportOptions::default())
        .unwrap()
        .warnings
        .into_iter()
        .filter(|w| w.message.contains("Allow overlapping entity"))
        .collect()
}

#[test]
fn overlapping_spans_get_one_warning_per_document_naming_the_setting() {
    let text = "Alpha beta gamma delta epsilon zeta eta theta.";
    // (0, 10) holds (6, 10); (11, 22) crosses (17, 30); (31, 35) and (36, 39) touch nothing.
    let nested_and_crossing = doc(
        "a.txt",
        text,
        &[(0, 10), (6, 10), (11, 22), (17, 30), (31, 35), (36, 39)],
    );
    // Spans that only touch (one ends where the next starts) do not overlap.
    let touching = doc("b.txt", text, &[(0, 5), (5, 10), (11, 16)]);
    let warnings = overlap_warnings(&[nested_and_crossing, touching]);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let w = &warnings[0];
    assert_eq!(w.document, "a.txt");
    assert!(w.annotation.is_none(), "one warning for the whole document");
    assert_eq!(w.kind, WarningKind::Advice);
    assert!(
        w.message.contains("4 of 6 spans overlap another span"),
        "{}",
        w.message
    );
    // doccano keeps the first of each overlapping group and drops the others.
    assert!(w.message.contains("drops 2 of them"), "{}", w.message);
    assert!(w.message.contains("doccano 1.6"), "{}", w.message);

    // One warning per document, however many overlaps it has.
    let two = overlap_warnings(&[
        doc("c.txt", text, &[(0, 20), (1, 19), (2, 18), (3, 17)]),
        doc("d.txt", text, &[(0, 9), (0, 9)]),
    ]);
    assert_eq!(two.len(), 2, "{two:#?}");
    assert!(
        two[0].message.contains("4 of 4 spans"),
        "{}",
        two[0].message
    );
    assert!(
        two[0].message.contains("drops 3 of them"),
        "{}",
        two[0].message
    );
    assert_eq!(two[1].document, "d.txt");
    assert!(
        two[1].message.contains("2 of 2 spans"),
        "{}",
        two[1].message
    );
}

fn import_doccano(input: &str) -> Result<String, String> {
    let text = Text::from_str_normalized("Crime fell by 20% last year.");
    let target = ImportTarget {
        text: &text,
        file: None,
        file_name: "sample.txt",
        existing: &[],
    };
    let options = ImportOptions {
        author: "importer".into(),
        now: now(),
    };
    import(ImportFormat::Doccano, input, &target, &options)
        .map(|r| format!("{r:?}"))
        .map_err(|e| e.to_string())
}

#[test]
fn text_of_the_wrong_type_is_named_with_its_type_and_line() {
    for (value, kind) in [
        ("42", "a number"),
        ("[\"Crime\"]", "an array"),
        ("{\"a\": 1}", "an object"),
        ("true", "a boolean"),
        ("null", "null"),
    ] {
        let input = format!("\n{{\"text\": {value}, \"label\": [[0, 5, \"CLAIM\"]]}}\n");
        let err = import_doccano(&input).unwrap_err();
        assert!(err.contains("line 2"), "{value}: {err}");
        assert!(
            err.contains(&format!("\"text\" is {kind}, not a string")),
            "{value}: {err}"
        );
        assert!(!err.contains("no \"text\""), "{value}: {err}");
    }
    // Missing is still reported as missing.
    let err = import_doccano("{\"label\": []}").unwrap_err();
    assert!(
        err.contains("line 1") && err.contains("no \"text\""),
        "{err}"
    );
    // The right type still imports.
    import_doccano("{\"text\": \"Crime fell by 20% last year.\", \"label\": [[0, 5, \"CLAIM\"]]}")
        .unwrap();
}
