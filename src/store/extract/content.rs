//! Which part of a page is the article: the `<article>` with the most text, else the `<main>`
//! (or `role="main"`) with the most, else the element with the most paragraph text, else
//! `<body>`. What is left out of any article is decided by the rules in `furniture.rs`, once
//! per element, in the census.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::census::{Census, Dropped};
use super::render::count;

/// Paragraphs shorter than this (chars) do not vote for their container.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// The element holding the article: the `<article>` with the most text, else `<main>` (or
/// `role="main"`), else the element with the most paragraph text, else `<body>`.
pub fn main_content<'a>(html: &'a Html, census: &Census<'a>) -> ElementRef<'a> {
    if let Some(article) = most_text(&census.articles, &census.dropped) {
        return article;
    }
    if let Some(main) = most_text(&census.mains, &census.dropped) {
        return main;
    }
    if let Some(best) = most_paragraph_text(&census.paragraphs) {
        return best;
    }
    let root = html.root_element();
    root.descendent_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root)
}

/// Of these candidates, the one with the most extracted text (the first of equals); `None`
/// if none has any.
fn most_text<'a>(candidates: &[ElementRef<'a>], dropped: &Dropped) -> Option<ElementRef<'a>> {
    let mut best: Option<(usize, ElementRef<'a>)> = None;
    for &e in candidates {
        let chars = count(e, dropped);
        if chars > 0 && best.is_none_or(|(most, _)| chars > most) {
            best = Some((chars, e));
        }
    }
    best.map(|(_, e)| e)
}

/// Readability's choice: each paragraph's text counts for its parent, and half for its
/// grandparent; the element with the highest count wins (the first of equals).
fn most_paragraph_text<'a>(paragraphs: &[(ElementRef<'a>, usize)]) -> Option<ElementRef<'a>> {
    let mut order: Vec<(ElementRef<'a>, usize)> = Vec::new();
    let mut index: HashMap<NodeId, usize> = HashMap::new();
    let mut add = |e: ElementRef<'a>, score: usize| {
        let i = *index.entry(e.id()).or_insert_with(|| {
            order.push((e, 0));
            order.len() - 1
        });
        order[i].1 += score;
    };
    for &(p, chars) in paragraphs {
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
