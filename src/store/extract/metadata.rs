//! A page's metadata: title (`og:title`, `twitter:title`, `<title>`, JSON-LD `headline`),
//! byline (`<meta name="author">`, `article:author`, JSON-LD `author`), publication date
//! (`article:published_time`, JSON-LD `datePublished`, the article's first
//! `<time datetime>`) and canonical URL (`<link rel="canonical">`, `og:url`).

use std::collections::BTreeMap;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html};
use serde_json::Value;

use crate::core::source::Metadata;

/// Reads the metadata of `html`, whose article is `content`.
pub fn read(html: &Html, content: ElementRef<'_>) -> Metadata {
    let mut meta: BTreeMap<String, String> = BTreeMap::new();
    let mut canonical = None;
    let mut title = None;
    let mut ld = Vec::new();
    // Inside how many `<svg>` elements the walk is (an SVG `<title>` is not the page's).
    let mut svg = 0usize;
    for edge in html.root_element().traverse() {
        let e = match edge {
            Edge::Open(node) => match ElementRef::wrap(node) {
                Some(e) => e,
                None => continue,
            },
            Edge::Close(node) => {
                if ElementRef::wrap(node).is_some_and(|e| e.value().name() == "svg") {
                    svg = svg.saturating_sub(1);
                }
                continue;
            }
        };
        let el = e.value();
        match el.name() {
            "svg" => svg += 1,
            "meta" => {
                let key = el.attr("property").or_else(|| el.attr("name"));
                if let (Some(key), Some(value)) = (key, el.attr("content").and_then(clean)) {
                    meta.entry(key.trim().to_ascii_lowercase()).or_insert(value);
                }
            }
            "link" if canonical.is_none() => {
                let rel = el.attr("rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical = el.attr("href").and_then(absolute_url);
                }
            }
            "title" if title.is_none() && svg == 0 => {
                title = clean(&e.text().collect::<String>());
            }
            "script" => {
                let kind = el.attr("type").unwrap_or_default().to_ascii_lowercase();
                if kind.trim() == "application/ld+json" {
                    let source: String = e.text().collect();
                    if let Ok(value) = serde_json::from_str::<Value>(&source) {
                        ld.push(value);
                    }
                }
            }
            _ => {}
        }
    }
    let article = ld.iter().find_map(article_object);
    let ld_str = |key: &str| {
        article
            .and_then(|a| a.get(key))
            .and_then(Value::as_str)
            .and_then(clean)
    };
    let get = |key: &str| meta.get(key).cloned();
    let not_url = |s: &String| absolute_url(s).is_none();
    Metadata {
        title: get("og:title")
            .or_else(|| get("twitter:title"))
            .or(title)
            .or_else(|| ld_str("headline")),
        byline: get("author")
            .or_else(|| get("article:author").filter(not_url))
            .or_else(|| article.and_then(|a| a.get("author")).and_then(author_names)),
        published: get("article:published_time")
            .or_else(|| ld_str("datePublished"))
            .or_else(|| time_in(content)),
        url: canonical.or_else(|| get("og:url").as_deref().and_then(absolute_url)),
    }
}

/// Whitespace collapsed and trimmed; `None` if nothing is left.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The URL if it is absolute `http(s)`.
fn absolute_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.chars().any(char::is_whitespace);
    ok.then(|| s.to_owned())
}

/// The `datetime` of the first `<time>` in the article that has one.
fn time_in(content: ElementRef<'_>) -> Option<String> {
    content
        .descendent_elements()
        .filter(|e| e.value().name() == "time")
        .find_map(|e| e.value().attr("datetime").and_then(clean))
}

/// The first JSON-LD object whose `@type` is an article (`NewsArticle`, `Article`,
/// `BlogPosting`…), looking into arrays and `@graph`.
fn article_object(value: &Value) -> Option<&serde_json::Map<String, Value>> {
    match value {
        Value::Array(items) => items.iter().find_map(article_object),
        Value::Object(map) => {
            let is_article = |t: &Value| {
                t.as_str()
                    .is_some_and(|t| t.ends_with("Article") || t.ends_with("BlogPosting"))
            };
            let typed = match map.get("@type") {
                Some(Value::Array(types)) => types.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                Some(map)
            } else {
                map.get("@graph").and_then(article_object)
            }
        }
        _ => None,
    }
}

/// The names of a JSON-LD `author`: a string, an object with `name`, or a list of them,
/// joined with ", ".
fn author_names(author: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean),
        _ => None,
    };
    let names: Vec<String> = match author {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}
