//! spaCy / Prodigy span JSONL export (Prodigy's task format, `spans.manual`).
//!
//! One line per document: `{"text", "tokens": [{text, start, end, id, ws}], "spans": [{start,
//! end, token_start, token_end, label}], "meta": {"document"}}`. Character offsets are **code
//! points** of the normalized text, end exclusive (Python `str` indices, what spaCy's
//! `Doc.char_span` takes); `token_end` is inclusive, as Prodigy wants.
//!
//! The tokens rebuild the text exactly, as spaCy's own tokenizer does: `ws` is true when one
//! `' '` follows the token, and any other whitespace (`"\n\n"`, a tab, a no-break space,
//! leading whitespace, the rest of a run of spaces) is a token of its own, so
//! `Doc(vocab, words=[t.text], spaces=[t.ws]).text == text` and whitespace tokens count in
//! `token_start`/`token_end`. Tokens come from [`super::tokens::doc_tokens`] and break at every
//! span boundary, also inside whitespace, so `doc.char_span(start, end)` (strict alignment)
//! gives every span. Labels are `CLAIM`, `QUOTE`, `DATE`, `ENTITY`. Spans may nest and overlap
//! (spaCy `doc.spans`, not `doc.ents`). Annotations not anchored in the current text are
//! skipped.

use serde::Serialize;

use super::error::FormatError;
use super::export_doc::ExportDoc;
use super::labels::upper;
use super::tokens::doc_tokens;
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
        let tokens = doc_tokens(doc.text.as_str(), &bounds);
        let chars: Vec<char> = doc.text.as_str().chars().collect();
        let mut spans = Vec::new();
        for a in placed {
            let first = tokens.binary_search_by_key(&a.start, |t| t.start);
            let last = tokens.binary_search_by_key(&a.end, |t| t.end);
            let (Ok(first), Ok(last)) = (first, last) else {
                warnings.push(ExportWarning::about(
                    &doc.path,
                    a,
                    WarningKind::Skipped,
                    "not exported to spaCy: the span does not start and end on token edges (a bug: please report it)"
                        .to_owned(),
                ));
                continue;
            };
            if first > last {
                warnings.push(ExportWarning::about(
                    &doc.path,
                    a,
                    WarningKind::Skipped,
                    "not exported to spaCy: the span is empty".to_owned(),
                ));
                continue;
            }
            spans.push(SpanOut {
                start: a.start,
                end: a.end,
                token_start: first,
                token_end: last,
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
                    ws: t.space_after,
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
