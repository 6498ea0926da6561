//! doccano sequence-labelling JSONL, export and import (doccano `data_export` and
//! `data_import` examples).
//!
//! Export: one line per document, `{"text": …, "label": [[start, end, "CLAIM"], …], "document":
//! path}`. `text` is the normalized text and offsets are **code points** of it, end exclusive,
//! which is doccano's default unit (its optional grapheme-cluster mode is not supported).
//! Labels are `CLAIM`, `QUOTE`, `DATE`, `ENTITY`; doccano keeps the extra `document` key as
//! metadata. Annotations not anchored in the current text are skipped.
//!
//! Nested or crossing spans (a claim in a quote) survive an import into doccano 1.6 or later
//! only in a project created with "Allow overlapping entity" ticked (named "Allow overlapping
//! spans" since doccano 1.8.4); otherwise doccano keeps the first of overlapping spans and
//! drops the rest. So a document with overlaps gets one `Advice` warning saying how many spans
//! overlap another and how many a project without the setting would drop.
//!
//! Import reads `label` (or `labels`) as `[start, end, label]` triples, or the relation format's
//! `entities` (`start_offset`, `end_offset`, `label`). Offsets count code points of the line's
//! own `text`, so they are converted exactly (a CRLF in that text is two code points) and the
//! span's text is checked against the document; if the line's text differs from the document,
//! each span's text is searched for with its context. With several lines, the line whose
//! `document` names the target file, or whose text is the document's, is used.

use serde::Serialize;
use serde_json::Value;

use super::error::FormatError;
use super::export_doc::ExportDoc;
use super::import::{ImportTarget, Incoming, Parsed, Positions, Skipped};
use super::labels::{tag_for_label, upper};
use super::offsets::{Newlines, OffsetMap, OffsetUnit, Reading};
use super::warning::{ExportWarning, WarningKind};
use crate::core::annotation::CONTEXT_CHARS;
use crate::core::text::Text;

/// One exported line.
#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'static str)>,
    document: &'a str,
}

/// One line per document.
pub fn export(
    docs: &[ExportDoc],
    warnings: &mut Vec<ExportWarning>,
) -> Result<String, FormatError> {
    let mut out = String::new();
    for doc in docs {
        doc.warn_unplaced("doccano", warnings);
        let line = Line {
            text: doc.text.as_str(),
            label: doc
                .placed()
                .map(|a| (a.start, a.end, upper(a.tag.kind())))
                .collect(),
            document: &doc.path,
        };
        let spans: Vec<(usize, usize)> = line.label.iter().map(|&(s, e, _)| (s, e)).collect();
        let overlapping = count_overlapping(&spans);
        if overlapping > 0 {
            warnings.push(ExportWarning::document(
                &doc.path,
                WarningKind::Advice,
                format!(
                    "{overlapping} of {} spans overlap another span (nested or crossing); doccano 1.6 and later drops {} of them on import unless the project was created with \"Allow overlapping entity\" ticked in its settings (\"Allow overlapping spans\" since doccano 1.8.4)",
                    spans.len(),
                    count_dropped(&spans)
                ),
            ));
        }
        out.push_str(&serde_json::to_string(&line)?);
        out.push('\n');
    }
    Ok(out)
}

/// How many of `spans` (start, end) share at least one char with another span.
fn count_overlapping(spans: &[(usize, usize)]) -> usize {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut overlaps = vec![false; sorted.len()];
    // The span reaching furthest right among those before `i`, by index.
    let mut reach: Option<usize> = None;
    for i in 0..sorted.len() {
        if let Some(r) = reach
            && sorted[r].1 > sorted[i].0
        {
            overlaps[r] = true;
            overlaps[i] = true;
        }
        if reach.is_none_or(|r| sorted[i].1 > sorted[r].1) {
            reach = Some(i);
        }
    }
    overlaps.into_iter().filter(|&o| o).count()
}

/// How many of `spans`, in file order, doccano drops when a project does not allow
/// overlapping spans: it sorts them by start (stably) and keeps a span only if it starts at or
/// after the end of the last one kept (`data_import/pipeline/labels.py`, `Spans.clean`).
fn count_dropped(spans: &[(usize, usize)]) -> usize {
    let mut by_start = spans.to_vec();
    by_start.sort_by_key(|&(s, _)| s);
    let mut last_end = 0;
    let mut dropped = 0;
    for (s, e) in by_start {
        if s >= last_end {
            last_end = e;
        } else {
            dropped += 1;
        }
    }
    dropped
}

/// Reads a doccano JSONL file for `target`.
pub fn parse(input: &str, target: &ImportTarget<'_>) -> Result<Parsed, FormatError> {
    let mut lines = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .map_err(|e| FormatError::parse("doccano", Some(n + 1), e.to_string()))?;
        lines.push((n + 1, value));
    }
    let chosen = choose(&lines, target)?;
    let mut parsed = Parsed {
        other_documents: lines.len() - 1,
        ..Parsed::default()
    };
    let (lineno, value) = &lines[chosen];
    let text = line_text(value, *lineno)?;
    let theirs = Text::from_str_normalized(text);
    let same_text = theirs.sha256() == target.text.sha256();
    let reading = Reading {
        unit: OffsetUnit::CodePoints,
        newlines: Newlines::AsInFile,
        bom: text.starts_with('\u{feff}'),
    };
    let map = OffsetMap::with_file(&theirs, text);
    for (k, (start, end, label)) in spans(value, *lineno)?.into_iter().enumerate() {
        let item = format!("line {lineno}, span {} ({start}, {end}, {label:?})", k + 1);
        let Some(tag) = tag_for_label(&label) else {
            parsed.skipped.push(Skipped {
                item,
                reason: format!("unknown label {label:?}: factmark knows claim, quote, date, entity and the usual NER labels"),
            });
            continue;
        };
        let (Some(s), Some(e)) = (map.from_unit(reading, start), map.from_unit(reading, end))
        else {
            parsed.skipped.push(Skipped {
                item,
                reason: format!(
                    "the offsets are not a span of the line's text ({} code points)",
                    text.chars().count()
                ),
            });
            continue;
        };
        if s >= e {
            parsed.skipped.push(Skipped {
                item,
                reason: "the span is empty or reversed".to_owned(),
            });
            continue;
        }
        let positions = if same_text {
            Positions::Known(s, e)
        } else {
            Positions::None
        };
        let mut incoming = Incoming::new(item, positions, tag);
        incoming.quote = Some(theirs.slice(s..e).to_owned());
        incoming.prefix = Some(theirs.slice(s.saturating_sub(CONTEXT_CHARS)..s).to_owned());
        incoming.suffix = Some(theirs.slice(e..e + CONTEXT_CHARS).to_owned());
        parsed.items.push(incoming);
    }
    Ok(parsed)
}

/// The `text` (or older `data`) of a line: missing and of the wrong type are told apart.
fn line_text(value: &Value, lineno: usize) -> Result<&str, FormatError> {
    let (key, found) = match (value.get("text"), value.get("data")) {
        (Some(t), _) => ("text", t),
        (None, Some(d)) => ("data", d),
        (None, None) => {
            return Err(FormatError::parse(
                "doccano",
                Some(lineno),
                "no \"text\": each line needs the document's text as a string",
            ));
        }
    };
    found.as_str().ok_or_else(|| {
        FormatError::parse(
            "doccano",
            Some(lineno),
            format!("\"{key}\" is {}, not a string", json_type(found)),
        )
    })
}

/// The JSON type of `v`, with its article: "a number", "an array", "null"…
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Which line is about the target document.
fn choose(lines: &[(usize, Value)], target: &ImportTarget<'_>) -> Result<usize, FormatError> {
    match lines.len() {
        0 => Err(FormatError::NothingForDocument {
            format: "doccano",
            message: "the file has no lines".to_owned(),
        }),
        1 => Ok(0),
        _ => {
            let names = lines.iter().position(|(_, v)| {
                v.get("document")
                    .and_then(Value::as_str)
                    .and_then(|d| d.rsplit(['/', '\\']).next())
                    == Some(target.file_name)
            });
            let texts = || {
                lines.iter().position(|(_, v)| {
                    v.get("text").and_then(Value::as_str).is_some_and(|t| {
                        Text::from_str_normalized(t).sha256() == target.text.sha256()
                    })
                })
            };
            names.or_else(texts).ok_or_else(|| FormatError::NothingForDocument {
                format: "doccano",
                message: format!(
                    "none of its {} lines is about {} (no \"document\" names it and no \"text\" is its text)",
                    lines.len(),
                    target.file_name
                ),
            })
        }
    }
}

/// The (start, end, label) spans of a line.
fn spans(value: &Value, lineno: usize) -> Result<Vec<(usize, usize, String)>, FormatError> {
    let bad = |what: &str| FormatError::parse("doccano", Some(lineno), what.to_owned());
    let mut out = Vec::new();
    if let Some(list) = value.get("label").or_else(|| value.get("labels")) {
        let list = list
            .as_array()
            .ok_or_else(|| bad("\"label\" is not a list"))?;
        for triple in list {
            let t = triple.as_array().map(Vec::as_slice).unwrap_or_default();
            match t {
                [s, e, l] => out.push((
                    s.as_u64()
                        .ok_or_else(|| bad("a start is not a whole number"))?
                        as usize,
                    e.as_u64()
                        .ok_or_else(|| bad("an end is not a whole number"))?
                        as usize,
                    l.as_str()
                        .ok_or_else(|| bad("a label is not text"))?
                        .to_owned(),
                )),
                _ => return Err(bad("each label must be [start, end, \"LABEL\"]")),
            }
        }
    } else if let Some(list) = value.get("entities").and_then(Value::as_array) {
        for ent in list {
            let num = |k: &str| {
                ent.get(k)
                    .and_then(Value::as_u64)
                    .map(|n| n as usize)
                    .ok_or_else(|| bad(&format!("an entity has no {k}")))
            };
            let label = ent
                .get("label")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("an entity has no label"))?;
            out.push((num("start_offset")?, num("end_offset")?, label.to_owned()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn overlap_count_matches_pairwise_check(
            raw in prop::collection::vec((0usize..30, 1usize..10), 0..12)
        ) {
            let spans: Vec<(usize, usize)> = raw.iter().map(|&(s, len)| (s, s + len)).collect();
            let pairwise = (0..spans.len())
                .filter(|&i| {
                    (0..spans.len()).any(|j| {
                        j != i && spans[i].0 < spans[j].1 && spans[j].0 < spans[i].1
                    })
                })
                .count();
            prop_assert_eq!(count_overlapping(&spans), pairwise);
            prop_assert!(count_dropped(&spans) <= pairwise);
            prop_assert_eq!(count_dropped(&spans) == 0, pairwise == 0);
        }
    }
}
