//! The census and the counting renderer against the obvious definitions they replace, which
//! look at every element's ancestors and descendants again (quadratic in the nesting), on
//! random pages of nested articles, mains, forms, `<pre>`, paragraphs, furniture and text
//! (but no `&#13;`: see [`Census::articles`]).

use std::collections::HashSet;

use ego_tree::NodeId;
use proptest::prelude::*;
use scraper::{ElementRef, Html};

use super::census::{Census, Dropped};
use super::content::main_content;
use super::furniture::{self, SECTIONS};
use super::render::{count, render};

/// Pieces of pages that the article rules weigh.
const PIECES: &[&str] = &[
    "<article>",
    "</article>",
    "<main>",
    "</main>",
    "<div role=main>",
    "<span role=main>",
    "<form role=main>",
    "<form>",
    "</form>",
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<pre>",
    "</pre>",
    "<p>",
    "</p>",
    "<br>",
    "<section>",
    "<header>",
    "</header>",
    "<footer>",
    "<nav>",
    "</nav>",
    "<aside>",
    "<div class=ad>",
    "<div class='article-body ad'>",
    "<div hidden>",
    "<svg><foreignObject>",
    "</svg>",
    "<template>",
    "<li>",
    "<table><td>",
    "</table>",
    "A few words of text, long enough to count as a paragraph. ",
    "word ",
    " ",
    "  \n  ",
    "\n\n",
    "&nbsp;",
    "x",
];

fn page(parts: &[usize]) -> String {
    parts.iter().map(|&i| PIECES[i % PIECES.len()]).collect()
}

fn chars(e: ElementRef<'_>) -> usize {
    e.text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .count()
}

/// Each element decided from its ancestors and descendants.
fn dropped_naively(html: &Html) -> HashSet<NodeId> {
    let root = html.root_element();
    root.descendent_elements()
        .filter(|&e| {
            let in_section = e
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| SECTIONS.contains(&a.value().name()));
            let paragraph_text = e
                .descendent_elements()
                .filter(|p| p.value().name() == "p")
                .map(chars)
                .sum();
            furniture::dropped(e, in_section, paragraph_text)
        })
        .map(|e| e.id())
        .collect()
}

fn in_dropped_part(e: ElementRef<'_>, dropped: &Dropped) -> bool {
    std::iter::once(e)
        .chain(e.ancestors().filter_map(ElementRef::wrap))
        .any(|a| a.value().name() != "form" && dropped.contains(a.id()))
}

/// The candidate with the most rendered text, rendering every one.
fn most_text_naively<'a>(
    candidates: impl Iterator<Item = ElementRef<'a>>,
    dropped: &Dropped,
) -> Option<NodeId> {
    let mut best: Option<(usize, NodeId)> = None;
    for e in candidates.filter(|e| !in_dropped_part(*e, dropped)) {
        let chars = render(e, dropped).chars().count();
        if chars > 0 && best.is_none_or(|(most, _)| chars > most) {
            best = Some((chars, e.id()));
        }
    }
    best.map(|(_, id)| id)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_census_decides_as_the_rules_say(parts in prop::collection::vec(0usize..100, 0..60)) {
        let page = page(&parts);
        let html = Html::parse_document(&page);
        let census = Census::of(&html);
        let root = html.root_element();

        let naive = dropped_naively(&html);
        for e in root.descendent_elements() {
            prop_assert_eq!(census.dropped.contains(e.id()), naive.contains(&e.id()), "{}", page);
        }

        let paragraphs: Vec<(NodeId, usize)> = root
            .descendent_elements()
            .filter(|p| p.value().name() == "p" && !in_dropped_part(*p, &census.dropped))
            .map(|p| (p.id(), chars(p)))
            .collect();
        let listed: Vec<(NodeId, usize)> =
            census.paragraphs.iter().map(|(p, n)| (p.id(), *n)).collect();
        prop_assert_eq!(listed, paragraphs, "{}", page);

        for e in root.descendent_elements() {
            prop_assert_eq!(
                count(e, &census.dropped),
                render(e, &census.dropped).chars().count(),
                "{}",
                page
            );
        }

        let is = |e: &ElementRef, name: &str| e.value().name() == name;
        let chosen = main_content(&html, &census).id();
        let articles = root.descendent_elements().filter(|e| is(e, "article"));
        let mains = root
            .descendent_elements()
            .filter(|e| is(e, "main") || e.value().attr("role") == Some("main"));
        if let Some(article) = most_text_naively(articles, &census.dropped) {
            prop_assert_eq!(chosen, article, "{}", page);
        } else if let Some(main) = most_text_naively(mains, &census.dropped) {
            prop_assert_eq!(chosen, main, "{}", page);
        }
    }
}
