//! CoNLL / IOB2 export: one token per line, `token<TAB>tag`, a blank line between sentences,
//! and `-DOCSTART-` before each document (the CoNLL-2003 convention, understood by
//! `spacy convert`). Tokens and sentences come from [`super::tokens`], which breaks tokens at
//! every span boundary, so every span starts and ends on a token edge. Tags are `B-CLAIM`,
//! `I-CLAIM`, `B-QUOTE`, …, `O`.
//!
//! CoNLL cannot hold nesting or overlap; factmark spans can (a claim inside a quote). Two
//! layouts, chosen with [`ConllLayout`]:
//!
//! - `Innermost` (default, two columns): each token gets the innermost (shortest) span that
//!   covers it. An outer span is then split around the spans inside it (its remaining tokens
//!   start a new `B-` chunk), or hidden if they cover it all.
//! - `PerTag` (five columns: token, CLAIM, QUOTE, DATE, ENTITY): one IOB2 column per tag, so a
//!   claim inside a quote survives whole; only spans of the same tag compete, innermost first.
//!
//! Every split or hidden span is reported as a `Lossy` warning; a span with no word token, or
//! not anchored in the current text, as `Skipped`. Nothing is dropped silently.

use std::collections::BTreeMap;

use super::ConllLayout;
use super::export_doc::ExportDoc;
use super::labels::upper;
use super::tokens::{Token, cuts, sentences, tokenize};
use super::warning::{ExportWarning, WarningKind};
use crate::core::annotation::{Annotation, TagKind};
use crate::core::segments::{Span, flatten};

/// The CoNLL text of `docs`.
pub fn export(
    docs: &[ExportDoc],
    layout: ConllLayout,
    warnings: &mut Vec<ExportWarning>,
) -> String {
    let mut out = String::new();
    for doc in docs {
        doc.warn_unplaced("CoNLL", warnings);
        let placed: Vec<&Annotation> = doc.placed().collect();
        let bounds: Vec<(usize, usize)> = placed.iter().map(|a| (a.start, a.end)).collect();
        let text = doc.text.as_str();
        let tokens = tokenize(text, &cuts(&bounds));
        let columns: Vec<Vec<usize>> = match layout {
            ConllLayout::Innermost => vec![(0..placed.len()).collect()],
            ConllLayout::PerTag => TagKind::ALL
                .iter()
                .map(|k| {
                    (0..placed.len())
                        .filter(|&i| placed[i].tag.kind() == *k)
                        .collect()
                })
                .collect(),
        };
        let sentences = sentences(text, &tokens, &bounds);
        let mut starts = vec![false; tokens.len()];
        for s in &sentences {
            if let Some(first) = starts.get_mut(s.start) {
                *first = true;
            }
        }
        let tags: Vec<Vec<String>> = columns
            .iter()
            .map(|members| column(doc, &placed, members, &tokens, &starts, warnings))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        out.push_str("-DOCSTART-");
        for _ in &columns {
            out.push_str("\tO");
        }
        out.push_str("\n\n");
        for sentence in sentences {
            for i in sentence {
                let t = tokens[i];
                out.extend(&chars[t.start..t.end]);
                for col in &tags {
                    out.push('\t');
                    out.push_str(&col[i]);
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}

/// The IOB2 tags of one column: `members` are indices into `placed`.
fn column(
    doc: &ExportDoc,
    placed: &[&Annotation],
    members: &[usize],
    tokens: &[Token],
    sentence_starts: &[bool],
    warnings: &mut Vec<ExportWarning>,
) -> Vec<String> {
    let spans: Vec<Span<usize>> = members
        .iter()
        .map(|&i| Span {
            start: placed[i].start,
            end: placed[i].end,
            key: i,
        })
        .collect();
    let segments = flatten(&spans, 0..doc.text.char_count());
    // For each token, the innermost span covering it.
    let mut owner: Vec<Option<usize>> = Vec::with_capacity(tokens.len());
    let mut seg = 0;
    for t in tokens {
        while seg < segments.len() && segments[seg].end <= t.start {
            seg += 1;
        }
        owner.push(segments.get(seg).and_then(|s| s.keys.last().copied()));
    }
    let mut tags = Vec::with_capacity(tokens.len());
    for (i, o) in owner.iter().enumerate() {
        tags.push(match o {
            None => "O".to_owned(),
            Some(k) => {
                let begins = i == 0 || sentence_starts[i] || owner[i - 1] != Some(*k);
                let label = upper(placed[*k].tag.kind());
                format!("{}-{label}", if begins { "B" } else { "I" })
            }
        });
    }
    report(doc, placed, members, tokens, &owner, warnings);
    tags
}

/// Warns about spans of this column that are not shown whole.
fn report(
    doc: &ExportDoc,
    placed: &[&Annotation],
    members: &[usize],
    tokens: &[Token],
    owner: &[Option<usize>],
    warnings: &mut Vec<ExportWarning>,
) {
    // For each member: tokens covered, tokens owned, runs of owned tokens, who took the rest.
    let mut stats: BTreeMap<usize, (usize, usize, usize, Option<usize>)> =
        members.iter().map(|&k| (k, (0, 0, 0, None))).collect();
    for &k in members {
        let a = placed[k];
        let first = tokens.partition_point(|t| t.start < a.start);
        let last = tokens.partition_point(|t| t.end <= a.end);
        let mut entry = (0, 0, 0, None);
        let mut prev_owned = false;
        for (i, o) in owner.iter().enumerate().take(last).skip(first) {
            entry.0 += 1;
            let owned = *o == Some(k);
            if owned {
                entry.1 += 1;
                if !prev_owned || i == first {
                    entry.2 += 1;
                }
            } else if entry.3.is_none() {
                entry.3 = *o;
            }
            prev_owned = owned;
        }
        stats.insert(k, entry);
    }
    for (k, (covered, owned, runs, taker)) in stats {
        let a = placed[k];
        let by = taker
            .map(|t| format!(" ({})", super::warning::describe(placed[t])))
            .unwrap_or_default();
        let (kind, message) = if covered == 0 {
            (
                WarningKind::Skipped,
                "not exported to CoNLL: the span holds no word token".to_owned(),
            )
        } else if owned == 0 {
            (
                WarningKind::Lossy,
                format!(
                    "not visible in CoNLL: shorter spans inside it{by} take all of its {covered} tokens"
                ),
            )
        } else if owned < covered || runs > 1 {
            (
                WarningKind::Lossy,
                format!(
                    "split in CoNLL: {owned} of its {covered} tokens carry its tag, in {runs} chunk{}; shorter overlapping spans{by} take the rest",
                    if runs == 1 { "" } else { "s" }
                ),
            )
        } else {
            continue;
        };
        warnings.push(ExportWarning::about(&doc.path, a, kind, message));
    }
}
