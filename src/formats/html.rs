//! HTML report: one self-contained page for editors. For each document, a table of claims
//! (verdict, claimant, note, review), the full text with every annotation highlighted, and the
//! list of annotations with their notes and attributes, numbered to match markers in the text,
//! and, when the text was corrected under the annotations, a "Corrections" section: what
//! changed (old and new text by words) and what was done about it.
//!
//! Nested and overlapping spans are flattened into runs ([`crate::core::segments`]): the
//! innermost tag gives a run its fill, outer tags an underline each. Annotations not anchored
//! in the current text are listed apart, without a highlight.
//!
//! The page has no script and loads nothing: one inline style sheet, and a Content Security
//! Policy (`default-src 'none'`) that forbids scripts and remote resources even if the page is
//! edited later. Every piece of text is HTML-escaped. The only links are entity identifiers
//! (Wikidata pages and http(s) URLs) and evidence sources and their archived copies (http(s)
//! only), which load nothing until clicked. Under each annotation come its evidence and its
//! links, both ways ([`super::html_links`]). The tag colours here
//! mirror the window's; they live in this file because the report cannot depend on the UI.

use std::fmt::Write as _;

use super::claimreview::rating;
use super::export_doc::ExportDoc;
use super::labels::identifier_url;
use crate::core::anchor::AnchorStatus;
use crate::core::annotation::{Annotation, ReviewStatus, Tag, TagKind};
use crate::core::corrections::{CorrectionAction, is_rated_claim, needs_recheck, recheck_note};
use crate::core::segments::{Span, flatten};
use crate::core::worddiff::{DiffKind, word_diff};

const STYLE: &str = "
:root { --claim: #ffd8a8; --claim-line: #e8590c; --quote: #d0ebff; --quote-line: #1c7ed6;
  --date: #d3f9d8; --date-line: #2b8a3e; --entity: #e5dbff; --entity-line: #7048e8; }
body { font: 16px/1.6 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #212529;
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #dee2e6; padding-bottom: .3rem; margin-top: 3rem; }
h3 { font-size: 1.05rem; margin-top: 2rem; }
.legend span, .tag { display: inline-block; border-radius: .25rem; padding: 0 .4rem; font-size: .85rem; }
.t-claim { background: var(--claim); } .t-quote { background: var(--quote); }
.t-date { background: var(--date); } .t-entity { background: var(--entity); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fcfcfd; border: 1px solid #e9ecef;
  border-radius: .4rem; padding: 1rem 1.2rem; unicode-bidi: plaintext; text-align: start; }
.hl { border-radius: .15rem; }
sup.ref { font-size: .7rem; line-height: 0; }
sup.ref a { color: #495057; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: start; vertical-align: top; border-bottom: 1px solid #e9ecef; padding: .35rem .5rem; }
th { background: #f1f3f5; }
.verdict { display: inline-block; border-radius: 1rem; padding: 0 .55rem; font-size: .85rem; font-weight: 600;
  white-space: nowrap; }
.v-true { background: #2b8a3e; color: #fff; } .v-mostly-true { background: #8ce99a; }
.v-mixed { background: #ffe066; } .v-mostly-false { background: #ffa94d; }
.v-false { background: #e03131; color: #fff; } .v-unverifiable { background: #ced4da; }
.v-unrated { border: 1px dashed #868e96; color: #495057; }
ol.notes li { margin-bottom: .8rem; }
.exact { background: #f8f9fa; border-left: 3px solid #dee2e6; padding: 0 .3rem; white-space: pre-wrap; }
.attrs { color: #495057; font-size: .9rem; }
.note { margin: .2rem 0 0; white-space: pre-wrap; }
.evidence ul, .links ul { margin: .2rem 0; padding-left: 1.2rem; }
.sub { margin: .3rem 0 0; font-size: .85rem; font-weight: bold; }
.stance { font-size: .8rem; padding: 0 .3rem; border-radius: .2rem; background: #eee; }
.stance.supports { background: #d7f0d7; } .stance.refutes { background: #f6d5d5; }
.url { color: #555; word-break: break-all; }
blockquote { margin: .2rem 0 .2rem 1rem; font-style: italic; }
.missing { color: #868e96; }
del { color: #c92a2a; } ins { background: #fff3bf; text-decoration: underline; }
footer { margin-top: 3rem; color: #868e96; font-size: .85rem; }
@media print { body { max-width: none; } .text { border: none; padding: 0; } }
";

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn tag_class(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Claim => "t-claim",
        TagKind::Quote => "t-quote",
        TagKind::Date => "t-date",
        TagKind::Entity => "t-entity",
    }
}

fn line_colour(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Claim => "var(--claim-line)",
        TagKind::Quote => "var(--quote-line)",
        TagKind::Date => "var(--date-line)",
        TagKind::Entity => "var(--entity-line)",
    }
}

/// The report of `docs`.
pub fn export(docs: &[ExportDoc]) -> String {
    let title = match docs {
        // The file name only: a report is shared, the folders it came from are not.
        [one] => format!(
            "factmark report: {}",
            std::path::Path::new(&one.path)
                .file_name()
                .map_or_else(|| one.path.clone(), |n| n.to_string_lossy().into_owned())
        ),
        _ => format!("factmark report: {} documents", docs.len()),
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"generator\" content=\"factmark\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&title));
    out.push_str("<p class=\"legend\">");
    for k in TagKind::ALL {
        let _ = write!(
            out,
            "<span class=\"{}\">{}</span> ",
            tag_class(*k),
            k.as_str()
        );
    }
    out.push_str("</p>\n</header>\n<main>\n");
    for (d, doc) in docs.iter().enumerate() {
        document(&mut out, d + 1, doc);
    }
    out.push_str("</main>\n<footer>Written by factmark. Offsets and text are those of each document's normalized text; highlights are flattened where spans nest or overlap.</footer>\n</body>\n</html>\n");
    out
}

/// One document's section.
fn document(out: &mut String, d: usize, doc: &ExportDoc) {
    let placed: Vec<&Annotation> = doc.placed().collect();
    let _ = writeln!(
        out,
        "<section class=\"doc\" id=\"doc-{d}\">\n<h2>{}</h2>",
        escape(&doc.path)
    );
    source(out, doc);
    let count = |k: TagKind| {
        doc.annotations
            .iter()
            .filter(|p| p.annotation.tag.kind() == k)
            .count()
    };
    let parts: Vec<String> = [
        (TagKind::Claim, "claim", "claims"),
        (TagKind::Quote, "quote", "quotes"),
        (TagKind::Date, "date", "dates"),
        (TagKind::Entity, "entity", "entities"),
    ]
    .iter()
    .map(|&(k, one, many)| plural(count(k), one, many))
    .collect();
    let changed: Vec<&super::ExportAnnotation> = doc
        .annotations
        .iter()
        .filter(|p| p.status == AnchorStatus::Changed)
        .collect();
    let similar = doc
        .annotations
        .iter()
        .filter(|p| p.status == AnchorStatus::Fuzzy)
        .count();
    let missing = doc.annotations.len() - placed.len() - changed.len() - similar;
    let mut notes = String::new();
    if !changed.is_empty() {
        let _ = write!(
            notes,
            "; {} by a correction (see Corrections)",
            plural(changed.len(), "changed", "changed")
        );
    }
    if similar > 0 {
        let _ = write!(notes, "; {similar} found as similar text, to confirm");
    }
    if missing > 0 {
        let _ = write!(notes, "; {missing} not found in the current text");
    }
    let _ = writeln!(
        out,
        "<p>{}: {}{notes}.</p>",
        plural(doc.annotations.len(), "annotation", "annotations"),
        parts.join(", "),
    );
    claims_table(out, d, &placed, &changed);
    // Each paragraph reads in the direction of its first strong letter, as in the window.
    out.push_str("<h3>Text</h3>\n<div class=\"text\" dir=\"auto\">");
    text(out, d, doc, &placed);
    out.push_str("</div>\n<h3>Annotations</h3>\n<ol class=\"notes\">\n");
    let placed_pages: Vec<Option<(u32, u32)>> = doc
        .annotations
        .iter()
        .filter(|p| p.is_placed())
        .map(|p| doc.page_range(p))
        .collect();
    for (i, a) in placed.iter().enumerate() {
        let _ = write!(out, "<li id=\"d{d}-a{}\">", i + 1);
        entry(out, a, placed_pages.get(i).copied().flatten());
        super::html_links::evidence_and_links(out, doc, a);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    corrections(out, d, doc);
    // Changed ones are in the Corrections section, with their old and new text.
    let similar: Vec<_> = doc
        .annotations
        .iter()
        .filter(|p| p.status == AnchorStatus::Fuzzy)
        .collect();
    if !similar.is_empty() {
        out.push_str("<h3>Found as similar text, to confirm</h3>\n<ul class=\"notes\">\n");
        for p in similar {
            let _ = write!(
                out,
                "<li><span class=\"missing\">now reads: {}</span> ",
                escape(p.found.as_deref().unwrap_or_default())
            );
            entry(out, &p.annotation, None);
            super::html_links::evidence_and_links(out, doc, &p.annotation);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    let unplaced: Vec<_> = doc
        .annotations
        .iter()
        .filter(|p| {
            !p.is_placed() && !matches!(p.status, AnchorStatus::Changed | AnchorStatus::Fuzzy)
        })
        .collect();
    if !unplaced.is_empty() {
        out.push_str("<h3>Not found in the current text</h3>\n<ul class=\"notes\">\n");
        for p in unplaced {
            let _ = write!(
                out,
                "<li><span class=\"missing\">{}</span> ",
                p.status.as_str()
            );
            entry(out, &p.annotation, None);
            super::html_links::evidence_and_links(out, doc, &p.annotation);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The "Corrections" section: annotations whose text was replaced in place in the current text
/// (old and new text by words), then the log of earlier changes and what was done. Nothing
/// when the text never changed under the annotations.
fn corrections(out: &mut String, d: usize, doc: &ExportDoc) {
    let changed: Vec<_> = doc
        .annotations
        .iter()
        .filter(|p| p.status == AnchorStatus::Changed)
        .collect();
    let log = &doc.corrections;
    if changed.is_empty() && log.changes.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3 id=\"d{d}-corrections\">Corrections</h3>");
    if log.versions.len() > 1 {
        let _ = writeln!(
            out,
            "<p>{} versions of the text seen.</p>",
            log.versions.len()
        );
    }
    if !changed.is_empty() {
        out.push_str(
            "<p>Changed in the current text, waiting for review:</p>\n<ul class=\"notes\">\n",
        );
        for p in &changed {
            let a = &p.annotation;
            let _ = write!(
                out,
                "<li><span class=\"tag {}\">{}</span> ",
                tag_class(a.tag.kind()),
                a.tag.kind().as_str()
            );
            diff_html(out, &a.exact, p.found.as_deref().unwrap_or(""));
            if needs_recheck(a) || is_rated_claim(a) {
                out.push_str(
                    " <span class=\"attrs\">rated before the change: to be rated again</span>",
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    let logged: Vec<_> = log
        .changes
        .iter()
        .filter(|c| c.action != CorrectionAction::Pending)
        .collect();
    if !logged.is_empty() {
        out.push_str("<table><thead><tr><th>Noticed</th><th>Tag</th><th>Change</th><th>Done</th></tr></thead><tbody>\n");
        for c in logged {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>",
                c.noticed.format("%Y-%m-%d"),
                c.tag.as_str()
            );
            match &c.new {
                Some(new) => diff_html(out, &c.old, new),
                None => {
                    let _ = write!(out, "{} ({})", escape(&c.old), c.status.as_str());
                }
            }
            let mut done = c.action.as_str().to_owned();
            if let Some(d) = &c.date {
                let show = |v: &Option<crate::core::annotation::DateValue>| {
                    v.as_ref()
                        .map_or_else(|| "none".to_owned(), |d| d.to_string())
                };
                done.push_str(&format!("; date {} → {}", show(&d.from), show(&d.to)));
            }
            let now = doc
                .annotations
                .iter()
                .map(|p| &p.annotation)
                .find(|a| a.id == c.id);
            if let Some(note) = recheck_note(c, now) {
                done.push_str(&format!("; {note}"));
            }
            let _ = writeln!(out, "</td><td>{}</td></tr>", escape(&done));
        }
        out.push_str("</tbody></table>\n");
    }
}

/// Old and new text by words: removed words struck through, inserted ones underlined.
fn diff_html(out: &mut String, old: &str, new: &str) {
    out.push_str("<span class=\"exact\">");
    for part in word_diff(old, new) {
        match part.kind {
            DiffKind::Same => out.push_str(&escape(&part.text)),
            DiffKind::Removed => {
                let _ = write!(out, "<del>{}</del>", escape(&part.text));
            }
            DiffKind::Inserted => {
                let _ = write!(out, "<ins>{}</ins>", escape(&part.text));
            }
        }
    }
    out.push_str("</span>");
}

/// The page's title (linked to its URL), byline and publication date, for documents
/// extracted from HTML that have them.
fn source(out: &mut String, doc: &ExportDoc) {
    let m = &doc.metadata;
    if m.is_empty() {
        return;
    }
    let mut parts = Vec::new();
    let title = m.title.as_deref().map(escape);
    match (title, &doc.url) {
        (Some(t), Some(url)) => parts.push(format!("<a href=\"{}\">{t}</a>", escape(url))),
        (Some(t), None) => parts.push(format!("<cite dir=\"auto\">{t}</cite>")),
        (None, Some(url)) => parts.push(format!("<a href=\"{0}\">{0}</a>", escape(url))),
        (None, None) => {}
    }
    if let Some(by) = &m.byline {
        parts.push(format!("by {}", escape(by)));
    }
    if let Some(date) = &m.published {
        parts.push(format!(
            "published <time datetime=\"{0}\">{0}</time>",
            escape(date)
        ));
    }
    if !parts.is_empty() {
        let _ = writeln!(out, "<p class=\"source\">{}</p>", parts.join(" · "));
    }
}

/// "1 date", "2 dates".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The table of claims.
/// The claims placed in the text, then those whose text a correction changed (their claim
/// cell says what it reads now; the row links to the Corrections section).
fn claims_table(
    out: &mut String,
    d: usize,
    placed: &[&Annotation],
    changed: &[&super::ExportAnnotation],
) {
    out.push_str("<h3>Claims</h3>\n");
    let claims: Vec<(usize, &Annotation)> = placed
        .iter()
        .enumerate()
        .filter(|(_, a)| a.tag.kind() == TagKind::Claim)
        .map(|(i, a)| (i + 1, *a))
        .collect();
    let changed: Vec<&super::ExportAnnotation> = changed
        .iter()
        .copied()
        .filter(|p| p.annotation.tag.kind() == TagKind::Claim)
        .collect();
    if claims.is_empty() && changed.is_empty() {
        out.push_str("<p class=\"missing\">No claims.</p>\n");
        return;
    }
    out.push_str("<table class=\"claims\">\n<thead><tr><th>#</th><th>Claim</th><th>Verdict</th><th>Claimant</th><th>Note</th><th>Review</th></tr></thead>\n<tbody>\n");
    for (n, a) in claims {
        let (verdict, claimant) = match &a.tag {
            Tag::Claim { verdict, claimant } => (*verdict, claimant.clone().unwrap_or_default()),
            _ => continue,
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#d{d}-a{n}\">{n}</a></td><td dir=\"auto\">{}</td><td>{}</td><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td><td>{}</td></tr>",
            escape(&a.exact),
            verdict_badge(verdict),
            escape(&claimant),
            escape(&a.note),
            review(a)
        );
    }
    for p in changed {
        let a = &p.annotation;
        let (verdict, claimant) = match &a.tag {
            Tag::Claim { verdict, claimant } => (*verdict, claimant.clone().unwrap_or_default()),
            _ => continue,
        };
        let now = p.found.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#d{d}-corrections\">changed</a></td><td dir=\"auto\">{}<br><span class=\"missing\">now reads: {}</span></td><td>{}</td><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td><td>{}</td></tr>",
            escape(&a.exact),
            escape(now),
            verdict_badge(verdict),
            escape(&claimant),
            escape(&a.note),
            review(a)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A verdict as a coloured badge.
fn verdict_badge(v: crate::core::annotation::Verdict) -> String {
    let name = rating(v).map_or("Unrated", |(name, _)| name);
    format!("<span class=\"verdict v-{}\">{name}</span>", v.as_str())
}

/// The review status, with reviewer and comment.
fn review(a: &Annotation) -> String {
    if a.review.status == ReviewStatus::Unreviewed {
        return "<span class=\"missing\">unreviewed</span>".to_owned();
    }
    let mut s = escape(a.review.status.as_str());
    if let Some(by) = &a.review.by {
        let _ = write!(s, " by {}", escape(by));
    }
    if let Some(c) = &a.review.comment {
        let _ = write!(s, ": {}", escape(c));
    }
    s
}

/// The highlighted text with numbered markers at the end of each annotation.
fn text(out: &mut String, d: usize, doc: &ExportDoc, placed: &[&Annotation]) {
    let spans: Vec<Span<usize>> = placed
        .iter()
        .enumerate()
        .map(|(i, a)| Span {
            start: a.start,
            end: a.end,
            key: i,
        })
        .collect();
    let mut ends: Vec<(usize, usize)> =
        placed.iter().enumerate().map(|(i, a)| (a.end, i)).collect();
    ends.sort_unstable();
    let mut next_end = 0;
    for seg in flatten(&spans, 0..doc.text.char_count()) {
        let body = escape(doc.text.slice(seg.start..seg.end));
        match seg.keys.split_last() {
            None => out.push_str(&body),
            Some((&inner, outer)) => {
                let kind = placed[inner].tag.kind();
                let shadows: Vec<String> = outer
                    .iter()
                    .rev()
                    .enumerate()
                    .map(|(j, &k)| {
                        format!(
                            "0 {}px 0 0 {}",
                            2 * (j + 1),
                            line_colour(placed[k].tag.kind())
                        )
                    })
                    .collect();
                let style = if shadows.is_empty() {
                    String::new()
                } else {
                    format!(" style=\"box-shadow: {}\"", shadows.join(", "))
                };
                let title: Vec<&str> = seg
                    .keys
                    .iter()
                    .map(|&k| placed[k].tag.kind().as_str())
                    .collect();
                let _ = write!(
                    out,
                    "<span class=\"hl {}\"{style} title=\"{}\">{body}</span>",
                    tag_class(kind),
                    escape(&title.join(" ⊃ "))
                );
            }
        }
        while next_end < ends.len() && ends[next_end].0 <= seg.end {
            let n = ends[next_end].1 + 1;
            let _ = write!(
                out,
                "<sup class=\"ref\"><a href=\"#d{d}-a{n}\">{n}</a></sup>"
            );
            next_end += 1;
        }
    }
}

/// One annotation in a list: tag, text, attributes (and for a PDF its pages), note.
fn entry(out: &mut String, a: &Annotation, pages: Option<(u32, u32)>) {
    let kind = a.tag.kind();
    let _ = write!(
        out,
        "<span class=\"tag {}\">{}</span> <span class=\"exact\" dir=\"auto\">{}</span> <span class=\"attrs\">{}–{}",
        tag_class(kind),
        kind.as_str(),
        escape(&a.exact),
        a.start,
        a.end
    );
    let mut attrs = Vec::new();
    match pages {
        Some((first, last)) if first == last => attrs.push(format!("page {first}")),
        Some((first, last)) => attrs.push(format!("pages {first}–{last}")),
        None => {}
    }
    match &a.tag {
        Tag::Claim { verdict, claimant } => {
            attrs.push(verdict_badge(*verdict));
            if let Some(c) = claimant {
                attrs.push(format!("claimant: <bdi>{}</bdi>", escape(c)));
            }
        }
        Tag::Quote { speaker } => {
            if let Some(s) = speaker {
                attrs.push(format!("speaker: <bdi>{}</bdi>", escape(s)));
            }
        }
        Tag::Date { value } => {
            if let Some(v) = value {
                attrs.push(format!(
                    "<time datetime=\"{0}\">{0}</time>",
                    escape(v.as_str())
                ));
            }
        }
        Tag::Entity { kind, identifier } => {
            attrs.push(escape(kind.as_str()));
            if let Some(id) = identifier {
                attrs.push(match identifier_url(id) {
                    Some(url) => format!(
                        "<a href=\"{}\" rel=\"noreferrer\">{}</a>",
                        escape(&url),
                        escape(id)
                    ),
                    None => escape(id),
                });
            }
        }
    }
    if a.review.status != ReviewStatus::Unreviewed {
        attrs.push(format!("review: {}", review(a)));
    }
    attrs.push(format!("by {}", escape(&a.author)));
    for attr in attrs {
        let _ = write!(out, " · {attr}");
    }
    out.push_str("</span>");
    if !a.note.is_empty() {
        let _ = write!(
            out,
            "<p class=\"note\" dir=\"auto\">{}</p>",
            escape(&a.note)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
