//! Unit tests of the extraction rules on small pages (whole sample pages and their golden
//! texts are in `tests/html.rs`).

use super::furniture::words;
use super::*;

fn text(html: &str) -> String {
    match extract_html(html.as_bytes()) {
        Ok(e) => e.text,
        Err(e) => format!("error: {e}"),
    }
}

fn meta(html: &str) -> Metadata {
    extract_html(html.as_bytes())
        .map(|e| e.metadata)
        .unwrap_or_default()
}

#[test]
fn blocks_are_paragraphs_and_br_is_a_line_break() {
    assert_eq!(
        text(
            "<h1>Title</h1><p>One  two\n three</p><p>a<br>b <br> c</p><ul><li>x</li><li>y</li></ul>"
        ),
        "Title\n\nOne two three\n\na\nb\nc\n\nx\n\ny\n"
    );
    assert_eq!(text("<p>a<br><br><br><br>b</p>"), "a\n\nb\n");
    assert_eq!(
        text("<p><b>bold</b><i>italic</i> <a href=x>link</a></p>"),
        "bolditalic link\n"
    );
    assert_eq!(
        text("<blockquote>quoted <p>inner</p> tail</blockquote>"),
        "quoted\n\ninner\n\ntail\n"
    );
    assert_eq!(
        text("<table><tr><th>A</th><td> 1 </td></tr></table>"),
        "A\n\n1\n"
    );
    assert_eq!(text("<p>&nbsp;</p><p>x&nbsp;y</p>"), "x\u{a0}y\n");
}

#[test]
fn pre_keeps_its_lines() {
    assert_eq!(
        text("<p>before</p><pre>  line one\n    line two  \n</pre><p>after</p>"),
        "before\n\n  line one\n    line two\n\nafter\n"
    );
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        text("<p>&ldquo;Caf&eacute;&rdquo; &amp; &lt;b&gt; &#8364;5 &#x1F600; &bogus;</p>"),
        "“Café” & <b> €5 😀 &bogus;\n"
    );
}

#[test]
fn furniture_is_dropped() {
    let page = r#"<body>
        <header><a href="/">Site</a></header><nav>Menu</nav>
        <div hidden>h1</div><div aria-hidden="true">h2</div><div style="DISPLAY : none">h3</div>
        <div style="visibility:hidden">h4</div><span class="sr-only">h5</span>
        <div class="adSlot">ad1</div><div id="div-gpt-ad-123">ad2</div><div class="promo">ad3</div>
        <div class="newsletter-box">ad4</div><div class="cookie-notice">ad5</div>
        <div class="related-links">ad6</div><div class="c-share">ad7</div>
        <div class="header">kept: header is not a boilerplate word</div>
        <div class="shadow">kept: shadow is not ad</div>
        <aside>aside</aside><form><p>form</p></form><template><p>tpl</p></template>
        <script>script()</script><style>p{}</style><noscript>ns</noscript>
        <iframe src="x">frame</iframe><svg><text>svg</text></svg><button>Click</button>
        <div role="navigation">roles</div><div role="contentinfo">roles</div>
        <footer>Page footer</footer>
    </body>"#;
    assert_eq!(
        text(page),
        "kept: header is not a boilerplate word\n\nkept: shadow is not ad\n"
    );
}

#[test]
fn headers_and_footers_of_sections_are_kept() {
    let page = "<body><header>Site</header><article><header><h1>Head</h1></header>\
                <p>Body text</p><footer>Article footer</footer></article><footer>Site</footer></body>";
    assert_eq!(text(page), "Head\n\nBody text\n\nArticle footer\n");
}

#[test]
fn the_article_with_most_text_wins() {
    let page = "<body><p>Outside the articles.</p>\
        <article><p>Short teaser.</p></article>\
        <article><h1>Main</h1><p>The main story has by far the most text of all.</p></article>\
        <aside><article><p>A related story in an aside, much longer than the teaser, but dropped with the aside.</p></article></aside>\
        </body>";
    assert_eq!(
        text(page),
        "Main\n\nThe main story has by far the most text of all.\n"
    );
}

#[test]
fn main_then_paragraph_density_then_body() {
    assert_eq!(
        text("<body><div>menu</div><main><p>In main.</p></main></body>"),
        "In main.\n"
    );
    assert_eq!(
        text("<body><div role='main'><p>In role main.</p></div><p>out</p></body>"),
        "In role main.\n"
    );
    let page = "<body><div id=a><p>Short.</p></div>\
        <div id=b><p>This paragraph is long enough to count for its container.</p>\
        <p>And so is this second paragraph, which settles the matter.</p></div></body>";
    assert_eq!(
        text(page),
        "This paragraph is long enough to count for its container.\n\nAnd so is this second paragraph, which settles the matter.\n"
    );
    assert_eq!(text("<body>Just <b>text</b>.</body>"), "Just text.\n");
}

#[test]
fn an_ad_word_does_not_drop_the_article_body() {
    let long = "A sentence of the article that goes on for a while. ".repeat(20);
    let page = format!(
        "<main><div class=\"article-body has-ads\"><p>{long}</p></div><div class=\"ad-unit\">Buy</div></main>"
    );
    let t = text(&page);
    assert!(t.starts_with("A sentence"), "{t}");
    assert!(!t.contains("Buy"), "{t}");
}

#[test]
fn a_page_wrapped_in_a_form_still_has_text() {
    let page = "<body><form id=aspnetForm><div><p>The whole page sits inside a form, as old ASP.NET pages do.</p></div></form></body>";
    assert_eq!(
        text(page),
        "The whole page sits inside a form, as old ASP.NET pages do.\n"
    );
}

#[test]
fn no_text_is_an_error() {
    assert!(matches!(
        extract_html(b"<script>x()</script><nav>Home</nav>"),
        Err(HtmlError::NoText)
    ));
    assert!(matches!(extract_html(b""), Err(HtmlError::NoText)));
    assert!(matches!(
        extract_html(b"<p>   &nbsp; </p>"),
        Err(HtmlError::NoText)
    ));
}

#[test]
fn class_words() {
    assert_eq!(words("ad-slot"), ["ad", "slot"]);
    assert_eq!(words("adSlot"), ["ad", "slot"]);
    assert_eq!(words("div-gpt-ad-1"), ["div", "gpt", "ad", "1"]);
    assert_eq!(words("header"), ["header"]);
    assert_eq!(words("ShareBar__item"), ["share", "bar", "item"]);
}

#[test]
fn metadata_sources_in_order() {
    let m = meta(
        r#"<head><title>T tag</title><meta property="og:title" content=" OG   title ">
        <meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2025-01-02">
        <link rel="Canonical" href="https://x.example/a"><meta property="og:url" content="https://x.example/og">
        </head><p>x</p>"#,
    );
    assert_eq!(m.title.as_deref(), Some("OG title"));
    assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(m.published.as_deref(), Some("2025-01-02"));
    assert_eq!(m.url.as_deref(), Some("https://x.example/a"));

    let m = meta(
        r#"<head><title>Only  the
        title</title><meta property="og:url" content="https://x.example/og">
        <link rel=canonical href="/relative"></head>
        <article><p>By <time datetime="2024-06-01T08:00Z">June 1</time></p></article>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Only the title"));
    assert_eq!(m.url.as_deref(), Some("https://x.example/og"));
    assert_eq!(m.published.as_deref(), Some("2024-06-01T08:00Z"));
    assert_eq!(m.byline, None);

    let m = meta(
        r#"<script type="application/ld+json">[{"@type":"Organization","name":"No"},
        {"@type":"NewsArticle","headline":"LD head","datePublished":"2023-05-06",
         "author":[{"@type":"Person","name":"A. One"},"B. Two"]}]</script>
        <script type="application/ld+json">{ not json </script>
        <meta property="article:author" content="https://social.example/someone"><p>x</p>"#,
    );
    assert_eq!(m.title.as_deref(), Some("LD head"));
    assert_eq!(m.byline.as_deref(), Some("A. One, B. Two"));
    assert_eq!(m.published.as_deref(), Some("2023-05-06"));

    let m = meta(r#"<meta property="article:author" content="Kim Lee"><p>x</p>"#);
    assert_eq!(m.byline.as_deref(), Some("Kim Lee"));
    assert!(meta("<p>x</p>").is_empty());
}

#[test]
fn extraction_is_deterministic() {
    let page = r#"<html><head><title>T</title></head><body><div class="a b c" id="x" data-q="1">
        <article><p>One</p><p>Two</p></article></div></body></html>"#;
    let first = extract_html(page.as_bytes()).unwrap();
    for _ in 0..20 {
        assert_eq!(extract_html(page.as_bytes()).unwrap(), first);
    }
}
