//! Two walks over a page's tree that decide, once for every element, what the article rules
//! need. The first goes children before parents: it counts the text each element holds and the
//! text of the `<p>` elements in it, and decides which elements are left out. The second goes
//! parents first and lists the candidates for the article (`<article>`, then `<main>` or
//! `role="main"`) and the paragraphs outside the left-out parts. Each walk visits every node
//! once, however deep the nesting.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::furniture::{self, SECTIONS};
use super::idmap::{IdMap, IdSet};

/// The elements of a page that are left out of the text, each decided once.
pub struct Dropped(IdSet);

impl Dropped {
    /// Whether this element (and so everything in it) is left out.
    pub fn contains(&self, id: NodeId) -> bool {
        self.0.contains(&id)
    }
}

/// What the article rules need to know about a page.
pub struct Census<'a> {
    /// The elements left out.
    pub dropped: Dropped,
    /// The `<article>` elements outside left-out parts that could hold the most text, in
    /// document order. An article inside another one, with no left-out element (a `<form>`)
    /// between them, is not listed: the outer one's text holds all of its text and the outer
    /// one comes first, so it could never be chosen over it. (Not quite never: a `&#13;`
    /// counts as a space in text but is dropped from `<pre>` text, so an inner article whose
    /// text has some, inside a `<pre>` of the outer one, could have had one char more. Such a
    /// page gets the outer one; listing inner articles would make the choice quadratic.)
    pub articles: Vec<ElementRef<'a>>,
    /// The same for `<main>` and `role="main"` elements.
    pub mains: Vec<ElementRef<'a>>,
    /// The `<p>` elements outside left-out parts, in document order, with the non-space chars
    /// of their text.
    pub paragraphs: Vec<(ElementRef<'a>, usize)>,
}

impl<'a> Census<'a> {
    /// Takes the census of a page.
    pub fn of(html: &'a Html) -> Self {
        let root = html.root_element();
        let (dropped, paragraph_chars) = decide(root);
        let mut census = Census {
            dropped,
            articles: Vec::new(),
            mains: Vec::new(),
            paragraphs: Vec::new(),
        };
        census.list(root, &paragraph_chars);
        census
    }

    /// The second walk: candidates and paragraphs outside left-out parts.
    fn list(&mut self, root: ElementRef<'a>, paragraph_chars: &IdMap<usize>) {
        // Per open element: whether an article (a main) encloses it with no left-out element
        // after it.
        let mut open: Vec<(bool, bool)> = Vec::new();
        let mut skipping: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => {
                    let Some(e) = ElementRef::wrap(node) else {
                        continue;
                    };
                    let el = e.value();
                    let left_out = self.dropped.contains(e.id());
                    // A `<form>` around everything, as ASP.NET pages have, is not a left-out
                    // part; anything else left out is skipped with all it holds.
                    if left_out && el.name() != "form" {
                        skipping = Some(e.id());
                        continue;
                    }
                    let (in_article, in_main) = open.last().copied().unwrap_or_default();
                    // Enclosed by a candidate of the same kind with nothing left out between.
                    let (in_article, in_main) = (in_article && !left_out, in_main && !left_out);
                    let is_article = el.name() == "article";
                    let is_main = el.name() == "main" || el.attr("role") == Some("main");
                    if is_article && !in_article {
                        self.articles.push(e);
                    }
                    if is_main && !in_main {
                        self.mains.push(e);
                    }
                    if el.name() == "p" {
                        let chars = paragraph_chars.get(&e.id()).copied().unwrap_or(0);
                        self.paragraphs.push((e, chars));
                    }
                    open.push((is_article || in_article, is_main || in_main));
                }
                Edge::Open(_) => {}
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none() && node.value().is_element() {
                        open.pop();
                    }
                }
            }
        }
    }
}

/// Counts while walking children before parents.
#[derive(Default)]
struct Counts {
    /// Non-space chars of the text inside.
    chars: usize,
    /// Non-space chars of the text of the `<p>` elements inside.
    paragraph_text: usize,
}

/// The first walk: which elements are left out, and the non-space chars of every `<p>`.
fn decide(root: ElementRef<'_>) -> (Dropped, IdMap<usize>) {
    let mut dropped = IdSet::default();
    let mut paragraph_chars = IdMap::default();
    let mut open: Vec<Counts> = Vec::new();
    let mut sections = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    open.push(Counts::default());
                    sections += usize::from(SECTIONS.contains(&el.name()));
                }
                Node::Text(t) => {
                    if let Some(top) = open.last_mut() {
                        top.chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Some(e) = ElementRef::wrap(node) else {
                    continue;
                };
                let counts = open.pop().unwrap_or_default();
                let name = e.value().name();
                sections = sections.saturating_sub(usize::from(SECTIONS.contains(&name)));
                let is_p = name == "p";
                let paragraph_text = counts.paragraph_text + if is_p { counts.chars } else { 0 };
                if furniture::dropped(e, sections > 0, paragraph_text) {
                    dropped.insert(e.id());
                }
                if is_p {
                    paragraph_chars.insert(e.id(), counts.chars);
                }
                if let Some(parent) = open.last_mut() {
                    parent.chars += counts.chars;
                    parent.paragraph_text += paragraph_text;
                }
            }
        }
    }
    (Dropped(dropped), paragraph_chars)
}
