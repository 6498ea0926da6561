//! Hostile pages against the limits: nesting past [`MAX_DEPTH`] flattened with every word
//! kept, pages that multiply elements, attributes or parser steps refused with the limit they
//! went past, and oversized pages refused before they are parsed. The inputs are large enough
//! that the old parser took many seconds to minutes on them.

use ego_tree::iter::Edge;
use scraper::Html;

use super::census::Census;
use super::content::main_content;
use super::limits::{Limits, MAX_ATTRIBUTES, MAX_DEPTH, MAX_ELEMENTS, MAX_PAGE_BYTES};
use super::parse::{parse, parse_with};
use super::render::render;
use super::{HtmlError, extract_html};

/// How deep the tree goes (`<html>` is 1).
fn depth(html: &Html) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Edge::Close(_) => depth -= 1,
        }
    }
    deepest
}

fn text(page: &str) -> String {
    match extract_html(page.as_bytes()) {
        Ok(e) => e.text,
        Err(e) => panic!("{e}"),
    }
}

/// The text the rules give on the tree html5ever builds with no limits.
fn unflattened_text(page: &str) -> String {
    let html = Html::parse_document(page);
    let census = Census::of(&html);
    render(main_content(&html, &census), &census.dropped)
}

fn words(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("w{i}")).collect()
}

#[test]
fn nesting_past_the_limit_is_flattened_keeping_every_word() {
    let n = 5_000;
    let shapes = [
        ("<div>", "</div>"),
        ("<blockquote><ul><li>", ""),
        ("<span><b><i>", "</i></b></span>"),
        ("<p><a href=x>", ""),
        ("<li><dl><dt>", ""),
    ];
    for (open, close) in shapes {
        let page: String = words(n)
            .iter()
            .map(|w| format!("{open}{w} "))
            .chain(std::iter::repeat_n(close.to_owned(), n))
            .collect();
        let html = parse(&page).unwrap();
        let deepest = depth(&html);
        assert!(deepest <= MAX_DEPTH as usize + 3, "{open}: {deepest} deep");
        let got: Vec<String> = text(&page).split_whitespace().map(str::to_owned).collect();
        assert_eq!(got, words(n), "{open}");
    }
}

#[test]
fn flattened_pages_read_as_the_full_tree_does() {
    let n = MAX_DEPTH as usize + 150;
    let deep = |open: &str, inner: &str, close: &str| {
        format!("{}{inner}{}", open.repeat(n), close.repeat(n))
    };
    let pages = [
        deep("<div>a ", "", "</div>"),
        deep("<div><p>para</p>", "x", " tail</div>"),
        deep("<span>a <b>b</b> ", "", " c</span>"),
        deep("<section><h2>head</h2>", "", "</section>"),
        deep("<ul><li>item ", "", "</li></ul>"),
        deep("<blockquote>q <p>p", "", "</p></blockquote>"),
        deep(
            "<div>",
            "<table><tr><td>a</td><td>b</td></tr></table>",
            "</div>",
        ),
        deep("<div>", "<p>one<p>two<li>three<li>four<br>five", "</div>"),
        deep("<dl><dt>term<dd>def ", "", "</dl>"),
    ];
    for page in pages {
        assert_eq!(text(&page), unflattened_text(&page), "{}", &page[..60]);
    }
}

#[test]
fn deeply_nested_tables_keep_their_cells_apart() {
    let n = 5_000;
    let page = format!(
        "{}{}",
        "<table><tr><td>cell <td>next ".repeat(n),
        "</td></tr></table>".repeat(n)
    );
    let t = text(&page);
    assert_eq!(t.matches("cell\n\nnext").count(), n, "{}", &t[..100]);
}

#[test]
fn a_tag_with_too_many_attributes_is_refused_before_it_is_read() {
    let attrs = |n: usize| (0..n).map(|i| format!(" a{i}")).collect::<String>();
    let page = format!("<p>Text</p>\n<p>\n<div{}>x</div>", attrs(100_000));
    match extract_html(page.as_bytes()) {
        Err(HtmlError::TooManyAttributes { line, limit }) => {
            assert_eq!((line, limit), (3, MAX_ATTRIBUTES));
        }
        other => panic!("{other:?}"),
    }
    let within = format!("<div{}>x</div>", attrs(MAX_ATTRIBUTES));
    assert_eq!(text(&within), "x\n");
}

#[test]
fn misnested_formatting_that_multiplies_elements_is_refused() {
    // Every paragraph reopens all the bold elements left open before it.
    let page: String = (0..8_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
    assert_eq!(
        extract_html(page.as_bytes()),
        Err(HtmlError::TooManyElements {
            limit: MAX_ELEMENTS
        })
    );
}

#[test]
fn a_flood_of_stray_end_tags_under_deep_nesting_is_refused() {
    // Each end tag looks through all the open elements for a `<div>` that is not there.
    let limits = Limits {
        steps: 2_000_000,
        ..Limits::PAGE
    };
    let page = |n: usize| format!("{}x{}", "<span>".repeat(250), "</div>".repeat(n));
    assert!(parse_with(&page(1_000), 1 << 16, limits).is_ok());
    assert_eq!(
        parse_with(&page(10_000), 1 << 16, limits).map(|h| h.html()),
        Err(HtmlError::TooTangled {
            depth: MAX_DEPTH,
            limit: 2_000_000
        })
    );
}

#[test]
fn messages_name_the_limit() {
    let e = HtmlError::TooManyElements {
        limit: MAX_ELEMENTS,
    };
    assert!(
        e.to_string().contains("more than 1,000,000 elements"),
        "{e}"
    );
    let e = HtmlError::TooLarge {
        size: 40 * 1024 * 1024,
        limit: MAX_PAGE_BYTES,
    };
    assert!(
        e.to_string()
            .contains("41,943,040 bytes, more than the 32 MiB"),
        "{e}"
    );
    let e = HtmlError::TooTangled {
        depth: MAX_DEPTH,
        limit: 1234,
    };
    assert!(
        e.to_string().contains("more than 1,234 parser steps"),
        "{e}"
    );
}

#[test]
fn a_page_over_the_size_limit_is_refused_before_it_is_parsed() {
    let page = vec![b'<'; MAX_PAGE_BYTES + 1];
    assert_eq!(
        extract_html(&page),
        Err(HtmlError::TooLarge {
            size: MAX_PAGE_BYTES + 1,
            limit: MAX_PAGE_BYTES
        })
    );
}
