//! The evidence and links of an annotation in the HTML report: each source with its stance,
//! its title linked to its URL, its archived copy, its snapshot's file name, its excerpt and
//! note; each link with its kind and the other annotation's text, both ways (an incoming
//! link reads as its reverse: "said", "is about it"). Everything is escaped, and only
//! `http(s)` addresses become links.

use std::fmt::Write as _;

use super::export_doc::ExportDoc;
use super::html::escape;
use crate::core::annotation::Annotation;
use crate::core::evidence::{Evidence, is_web_url};
use crate::core::link::links_of;

/// Writes `a`'s evidence and links, if it has any.
pub fn evidence_and_links(out: &mut String, doc: &ExportDoc, a: &Annotation) {
    if !a.evidence.is_empty() {
        out.push_str("<div class=\"evidence\"><p class=\"sub\">Evidence</p><ul>\n");
        for e in &a.evidence {
            evidence(out, e);
        }
        out.push_str("</ul></div>\n");
    }
    let all = doc.annotations.iter().map(|p| &p.annotation);
    let ends = links_of(all.clone(), a.id);
    if ends.is_empty() {
        return;
    }
    out.push_str("<div class=\"links\"><p class=\"sub\">Links</p><ul>\n");
    for end in ends {
        let label = if end.outgoing {
            format!("{} →", end.link.kind)
        } else {
            format!("← {}", end.link.kind.reverse_label())
        };
        let other = all.clone().find(|o| o.id == end.other);
        let target = match other {
            Some(o) => format!(
                "<span class=\"tag {}\">{}</span> <q dir=\"auto\">{}</q>",
                super::html::tag_class(o.tag.kind()),
                o.tag.kind(),
                escape(&o.exact)
            ),
            None => {
                "<span class=\"missing\">an annotation no longer in the document</span>".to_owned()
            }
        };
        let _ = write!(
            out,
            "<li><span class=\"link-kind\">{}</span> {target}",
            escape(&label)
        );
        if !end.link.note.is_empty() {
            let _ = write!(
                out,
                " <span class=\"note\" dir=\"auto\">{}</span>",
                escape(&end.link.note)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul></div>\n");
}

/// One evidence item.
fn evidence(out: &mut String, e: &Evidence) {
    let stance = e.stance.as_str();
    let _ = write!(out, "<li><span class=\"stance {stance}\">{stance}</span> ");
    let label = escape(&e.label());
    if is_web_url(&e.url) {
        let _ = write!(
            out,
            "<a href=\"{}\" rel=\"noreferrer\">{label}</a>",
            escape(e.url.trim())
        );
    } else {
        out.push_str(&label);
    }
    let mut parts = Vec::new();
    if !e.title.trim().is_empty() && !e.url.trim().is_empty() {
        parts.push(format!(
            "<span class=\"url\">{}</span>",
            escape(e.url.trim())
        ));
    }
    if !e.publisher.is_empty() {
        parts.push(escape(&e.publisher));
    }
    if let Some(d) = &e.published {
        parts.push(format!(
            "<time datetime=\"{0}\">{0}</time>",
            escape(d.as_str())
        ));
    }
    if is_web_url(&e.archived) {
        parts.push(format!(
            "<a href=\"{}\" rel=\"noreferrer\">archived copy</a>",
            escape(e.archived.trim())
        ));
    } else if !e.archived.trim().is_empty() {
        parts.push(format!("archived copy: {}", escape(&e.archived)));
    }
    if let Some(s) = &e.snapshot {
        let name = s.path.rsplit('/').next().unwrap_or(&s.path);
        parts.push(format!("snapshot <code>{}</code>", escape(name)));
    }
    parts.push(format!(
        "consulted {}",
        escape(&e.consulted.format("%Y-%m-%d").to_string())
    ));
    for p in parts {
        let _ = write!(out, " · {p}");
    }
    if !e.excerpt.is_empty() {
        let _ = write!(
            out,
            "<blockquote dir=\"auto\">{}</blockquote>",
            escape(&e.excerpt)
        );
    }
    if !e.note.is_empty() {
        let _ = write!(
            out,
            "<p class=\"note\" dir=\"auto\">{}</p>",
            escape(&e.note)
        );
    }
    out.push_str("</li>\n");
}
