//! Which part of a page is the article, and which elements are not part of any article:
//! scripts and styles, hidden elements, navigation, the page's header and footer, asides,
//! forms, and boxes whose class or id says they are ads, promotions, sharing or cookie
//! banners.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::render::render;

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
    "applet", "aside", "audio", "base", "button", "canvas", "datalist", "dialog", "embed", "form",
    "frame", "frameset", "head", "iframe", "img", "input", "link", "map", "math", "meta", "nav",
    "noscript", "object", "option", "picture", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
];

/// Words in a class or id that mark boilerplate (matched as whole words: `ad-slot` and
/// `adSlot` match `ad`, `header` and `shadow` do not).
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "adslot",
    "adunit",
    "ads",
    "adsense",
    "advert",
    "advertisement",
    "advertisements",
    "advertising",
    "adverts",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "dfp",
    "gdpr",
    "modal",
    "newsletter",
    "newsletters",
    "outbrain",
    "paywall",
    "popular",
    "popup",
    "promo",
    "promoted",
    "promos",
    "promotion",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "sponsors",
    "subscribe",
    "subscription",
    "taboola",
    "trending",
];

/// Class names that hide an element in common CSS frameworks (matched whole).
const HIDING_CLASSES: &[&str] = &[
    "d-none",
    "element-invisible",
    "hidden",
    "is-hidden",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Words that mark the article's own container; with enough paragraph text they outweigh a
/// boilerplate word (`article-body has-ads`).
const CONTENT_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "prose", "story", "text",
];

/// Paragraph text (chars) that makes a container with a content word article text.
const CONTENT_CHARS: usize = 500;

/// Paragraphs shorter than this (chars) do not vote for their container.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// The elements of a page that are left out of the text, each decided once.
pub struct Dropped(HashSet<NodeId>);

impl Dropped {
    /// Decides every element of `html`.
    pub fn of(html: &Html) -> Self {
        let root = html.root_element();
        let ids = std::iter::once(root)
            .chain(root.descendent_elements())
            .filter(|e| dropped(*e))
            .map(|e| e.id())
            .collect();
        Self(ids)
    }

    /// Whether this element (and so everything in it) is left out.
    pub fn contains(&self, id: NodeId) -> bool {
        self.0.contains(&id)
    }

    /// Whether the element or one of its ancestors is left out (a `<form>` around
    /// everything, as ASP.NET pages have, does not count).
    fn in_dropped_part(&self, e: ElementRef<'_>) -> bool {
        std::iter::once(e)
            .chain(e.ancestors().filter_map(ElementRef::wrap))
            .any(|a| a.value().name() != "form" && self.contains(a.id()))
    }
}

/// The element holding the article: the `<article>` with the most text, else `<main>` (or
/// `role="main"`), else the element with the most paragraph text, else `<body>`.
pub fn main_content<'a>(html: &'a Html, dropped: &Dropped) -> ElementRef<'a> {
    let root = html.root_element();
    let is = |e: &ElementRef, name: &str| e.value().name() == name;
    let articles = root.descendent_elements().filter(|e| is(e, "article"));
    if let Some(article) = most_text(articles, dropped) {
        return article;
    }
    let mains = root
        .descendent_elements()
        .filter(|e| is(e, "main") || e.value().attr("role") == Some("main"));
    if let Some(main) = most_text(mains, dropped) {
        return main;
    }
    if let Some(best) = most_paragraph_text(root, dropped) {
        return best;
    }
    root.descendent_elements()
        .find(|e| is(e, "body"))
        .unwrap_or(root)
}

/// Of these candidates outside dropped parts, the one with the most extracted text (the first
/// of equals); `None` if none has any.
fn most_text<'a>(
    candidates: impl Iterator<Item = ElementRef<'a>>,
    dropped: &Dropped,
) -> Option<ElementRef<'a>> {
    let mut best: Option<(usize, ElementRef<'a>)> = None;
    for e in candidates.filter(|e| !dropped.in_dropped_part(*e)) {
        let chars = render(e, dropped).chars().count();
        if chars > 0 && best.is_none_or(|(most, _)| chars > most) {
            best = Some((chars, e));
        }
    }
    best.map(|(_, e)| e)
}

/// Readability's choice: each paragraph's text counts for its parent, and half for its
/// grandparent; the element with the highest count wins (the first of equals).
fn most_paragraph_text<'a>(root: ElementRef<'a>, dropped: &Dropped) -> Option<ElementRef<'a>> {
    let mut order: Vec<(ElementRef<'a>, usize)> = Vec::new();
    let mut index: HashMap<NodeId, usize> = HashMap::new();
    let mut add = |e: ElementRef<'a>, score: usize| {
        let i = *index.entry(e.id()).or_insert_with(|| {
            order.push((e, 0));
            order.len() - 1
        });
        order[i].1 += score;
    };
    for p in root.descendent_elements() {
        if p.value().name() != "p" || dropped.in_dropped_part(p) {
            continue;
        }
        let chars = paragraph_chars(p);
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let mut parents = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = parents.next() {
            add(parent, chars);
        }
        if let Some(grandparent) = parents.next() {
            add(grandparent, chars / 2);
        }
    }
    let mut best: Option<(ElementRef<'a>, usize)> = None;
    for (e, score) in order {
        if best.is_none_or(|(_, most)| score > most) {
            best = Some((e, score));
        }
    }
    best.map(|(e, _)| e)
}

/// Non-space chars of an element's text.
fn paragraph_chars(e: ElementRef<'_>) -> usize {
    e.text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .count()
}

/// Whether an element and everything in it is left out of the article text.
fn dropped(e: ElementRef<'_>) -> bool {
    let el = e.value();
    let name = el.name();
    if DROPPED_TAGS.contains(&name) || hidden(e) {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if matches!(name, "header" | "footer") && !in_section(e) {
        return true;
    }
    !matches!(name, "html" | "body" | "main" | "article") && boilerplate(e)
}

/// Hidden by an attribute, an inline style or a hiding class.
fn hidden(e: ElementRef<'_>) -> bool {
    let el = e.value();
    if el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    el.classes()
        .any(|c| HIDING_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
}

/// Whether a header or footer belongs to a section of the page rather than to the page.
fn in_section(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| {
        matches!(
            a.value().name(),
            "article" | "aside" | "main" | "nav" | "section"
        )
    })
}

/// Whether the class or id names boilerplate, and the element is not plainly the article's
/// own container.
fn boilerplate(e: ElementRef<'_>) -> bool {
    let el = e.value();
    let names = el.classes().chain(el.id());
    let (mut bad, mut good) = (false, false);
    for w in names.flat_map(words) {
        bad |= BOILERPLATE_WORDS.contains(&w.as_str());
        good |= CONTENT_WORDS.contains(&w.as_str());
    }
    bad && !(good && paragraph_text(e) >= CONTENT_CHARS)
}

/// Chars of text in the `<p>` elements inside `e`.
fn paragraph_text(e: ElementRef<'_>) -> usize {
    e.descendent_elements()
        .filter(|p| p.value().name() == "p")
        .map(paragraph_chars)
        .sum()
}

/// The lowercase words of a class or id: split at anything not a letter or digit, and where
/// a lowercase letter meets an uppercase one (`adSlot` → `ad`, `slot`).
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}
