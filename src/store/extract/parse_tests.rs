//! The guarded parser against html5ever's own on random pages built from tricky pieces
//! (scripts with `<!--` escapes, comments, raw text, SVG and MathML, CDATA, quotes that swallow
//! tags): the same tree, however the text is cut into pieces for the tokenizer, and a tag with
//! too many attributes refused exactly when html5ever reads it as a tag.

use std::cell::Cell;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::TreeBuilder;
use proptest::prelude::*;
use scraper::{Html, HtmlTreeSink};

use super::HtmlError;
use super::limits::{Limits, MAX_ATTRIBUTES};
use super::parse::parse_with;

/// html5ever's tree builder behind a tokenizer, as `Html::parse_document` runs them, noting
/// the most attributes any tag token (start or end) had.
struct Recorder {
    builder: TreeBuilder<NodeId, HtmlTreeSink>,
    most: Cell<usize>,
}

impl TokenSink for Recorder {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        if let Token::TagToken(tag) = &token {
            self.most.set(self.most.get().max(tag.attrs.len()));
        }
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The most attributes html5ever's tokenizer reads on one tag of `page`.
fn most_attributes(page: &str) -> usize {
    let recorder = Recorder {
        builder: TreeBuilder::new(HtmlTreeSink::new(Html::new_document()), Default::default()),
        most: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(recorder, Default::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(page));
    while !matches!(tokenizer.feed(&queue), html5ever::TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.most.get()
}

/// Pieces of markup that change how what follows is read.
const PIECES: &[&str] = &[
    "<p>",
    "text ",
    " ",
    "\n",
    "\r\n",
    "\0",
    "&amp;",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "</SCRIPT >",
    "<script",
    " type=x>",
    "<!--",
    "-->",
    "--!>",
    "-",
    "<!-",
    "<!--<script>",
    "<",
    ">",
    "/",
    "\"",
    "'",
    "=",
    "<a title=\"",
    "<a title='",
    "<a title=",
    "<a title = \"",
    " b = ",
    " c ='",
    "<a b c=d e = 'f' g/h>",
    "<svg>",
    "</svg>",
    "<math>",
    "</math>",
    "<foreignObject>",
    "</foreignObject>",
    "<desc>",
    "<mi>",
    "<annotation-xml encoding=\"text/html\">",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<textarea>",
    "</textarea>",
    "<noscript>",
    "</noscript>",
    "<iframe>",
    "</iframe>",
    "<xmp>",
    "</xmp>",
    "<noembed>",
    "<noframes>",
    "<plaintext>",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<!DOCTYPE x \">\">",
    "<?php ",
    "</",
    "</ x>",
    "<table>",
    "<td>",
    "<template>",
    "</template>",
    "<x",
];

/// A start tag with `n` distinct attributes.
fn tag_with(n: usize) -> String {
    let attrs: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    format!("<div {}>", attrs.join(" "))
}

/// A page from piece numbers; numbers past the pieces are a tag with one attribute more than
/// the limit, or exactly the limit.
fn page(parts: &[usize]) -> String {
    parts
        .iter()
        .map(|&i| match PIECES.get(i) {
            Some(p) => (*p).to_owned(),
            None if i % 2 == 0 => tag_with(MAX_ATTRIBUTES + 1),
            None => tag_with(MAX_ATTRIBUTES),
        })
        .collect()
}

fn parts(extra: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..PIECES.len() + extra, 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn within_the_limits_the_tree_is_html5evers(parts in parts(0), piece in 1usize..40) {
        let page = page(&parts);
        let expected = Html::parse_document(&page).html();
        for piece in [piece, 1 << 16] {
            let got = parse_with(&page, piece, Limits::PAGE).map(|h| h.html());
            prop_assert_eq!(got.as_ref(), Ok(&expected), "{:?}", page);
        }
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_refused_exactly_when_it_is_read(parts in parts(4)) {
        let page = page(&parts);
        let read_as_tag = most_attributes(&page) > MAX_ATTRIBUTES;
        let refused = matches!(
            parse_with(&page, 1 << 16, Limits::PAGE),
            Err(HtmlError::TooManyAttributes { .. })
        );
        prop_assert_eq!(refused, read_as_tag, "{:?}", page);
    }
}

#[test]
fn attributes_are_counted_where_the_tokenizer_reads_tags() {
    let bomb = tag_with(MAX_ATTRIBUTES + 1);
    let refused = |page: &str| {
        matches!(
            parse_with(page, 1 << 16, Limits::PAGE),
            Err(HtmlError::TooManyAttributes { .. })
        )
    };
    // Text to the tokenizer: not tags.
    for page in [
        format!("<script>{bomb}</script>"),
        format!("<script><!--<script></script>{bomb}--></script>"),
        format!("<!-- {bomb} -->"),
        format!("<textarea>{bomb}</textarea>"),
        format!("<noscript>{bomb}</noscript>"),
        format!("<a title=\"{bomb}\">"),
        format!("<svg><![CDATA[ > {bomb} ]]></svg>"),
        format!("<plaintext>{bomb}"),
    ] {
        assert!(!refused(&page), "{page}");
    }
    // Tags to the tokenizer.
    for page in [
        bomb.clone(),
        format!("<script><!--<script></script></script>{bomb}"),
        format!("<svg><style>{bomb}</style></svg>"),
        format!("<math><title>{bomb}"),
        format!("<![CDATA[ > {bomb} ]]>"),
        format!("<svg><![CDATA[ ]]>{bomb}"),
        format!("<!-- a --!>{bomb}"),
        format!("<p a=\">\"{}", &bomb[4..]),
        format!("<title>x</title >{bomb}"),
        format!("</p{}", &bomb[4..]),
    ] {
        assert!(refused(&page), "{page}");
    }
    match parse_with(&format!("<p>\n\n{bomb}"), 1 << 16, Limits::PAGE) {
        Err(HtmlError::TooManyAttributes { line, limit }) => {
            assert_eq!((line, limit), (3, MAX_ATTRIBUTES));
        }
        other => panic!("{:?}", other.map(|h| h.html())),
    }
}
