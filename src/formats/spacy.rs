//! spaCy / Prodigy span JSONL export (Prodigy's task format, `spans.manual`).
//!
//! One line per document: `{"text", "tokens": [{text, start, end, id, ws}], "spans": [{start,
//! end, token_start, token_end, label}], "meta": {"document"}}`. Character offsets are **code
//! points** of the normalized text, end exclusive (Python `str` indices, what spaCy's
//! `Doc.char_span` takes); `token_end` is inclusive, as Prodigy wants. Tokens come from
//! [`super::tokens`] and break at every span boundary, so every span aligns with tokens;
//! `ws` says whether whitespace follows the token. Labels are `CLAIM`, `QUOTE`, `DATE`,
//! `ENTITY`. Spans may nest and overlap (spaCy `doc.spans`, not `doc.ents`). Annotations not
//! anchored in the current text are skipped.

use serde::Serialize;

use super::error::FormatError;
use super::export_doc::ExportDoc;
use super::labels::upper;
use super::tokens::{cuts, tokenize};
use super::warning::{ExportWarning, WarningKind};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    tokens: Vec<TokenOut>,
    spans: Vec<SpanOut>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct TokenOut {
    text: String,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    token_start: usize,
    token_end: usize,
    label: &'static str,
}

#[derive(Serialize)]
struct Meta<'a> {
    document: &'a str,
}

/// One line per document.
pub fn export(
    docs: &[ExportDoc],
    warnings: &mut Vec<ExportWarning>,
) -> Result<String, FormatError> {
    let mut out = String::new();
    for doc in docs {
        doc.warn_unplaced("spaCy", warnings);
        let placed: Vec<_> = doc.placed().collect();
        let bounds: Vec<(usize, usize)> = placed.iter().map(|a| (a.start, a.end)).collect();
        let tokens = tokenize(doc.text.as_str(), &cuts(&bounds));
        let chars: Vec<char> = doc.text.as_str().chars().collect();
        let mut spans = Vec::new();
        for a in placed {
            let first = tokens.partition_point(|t| t.start < a.start);
            let last = tokens.partition_point(|t| t.end <= a.end);
            if first >= last {
                warnings.push(ExportWarning::about(
                    &doc.path,
                    a,
                    WarningKind::Skipped,
                    "not exported to spaCy: the span holds no word token".to_owned(),
                ));
                continue;
            }
            spans.push(SpanOut {
                start: a.start,
                end: a.end,
                token_start: first,
                token_end: last - 1,
                label: upper(a.tag.kind()),
            });
        }
        let line = Line {
            text: doc.text.as_str(),
            tokens: tokens
                .iter()
                .enumerate()
                .map(|(id, t)| TokenOut {
                    text: chars[t.start..t.end].iter().collect(),
                    start: t.start,
                    end: t.end,
                    id,
                    ws: chars.get(t.end).is_some_and(|c| c.is_whitespace()),
                })
                .collect(),
            spans,
            meta: Meta {
                document: &doc.path,
            },
        };
        out.push_str(&serde_json::to_string(&line)?);
        out.push('\n');
    }
    Ok(out)
}
