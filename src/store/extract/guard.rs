//! Between html5ever's tokenizer and its tree builder: passes every token on, flattens
//! elements nested deeper than [`Limits::depth`] (each is closed as soon as it opens, so what it
//! holds follows it at the same level and no text is lost; table parts are kept, so that cells
//! stay apart), and stops the page once it would build more than [`Limits::elements`] elements
//! or take more than [`Limits::steps`] steps. It also tells the pre-scan how the tokenizer goes
//! on after a start tag (raw text after `<script>` and the like, unless they sit in SVG or
//! MathML).

use std::cell::{Cell, RefCell};

use ego_tree::NodeId;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, ns};
use scraper::Html;

use super::HtmlError;
use super::flattened::{EndTag, Flattened};
use super::limits::Limits;
use super::sink::CountingSink;

/// HTML elements that never hold anything (the tree builder never keeps them open).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Table parts, never flattened: rows and cells outside an open table are ignored by the
/// parser, so closing a table at once would run its cells' text together. They cost little
/// to nest, since the parser's searches through open elements stop at a table or cell.
const TABLE: &[&str] = &[
    "caption", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// How the tokenizer reads what follows a start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextMode {
    /// Tags and text (the usual).
    Data,
    /// Text with character references, up to the matching end tag (`<title>`, `<textarea>`).
    Rcdata,
    /// Text up to the matching end tag (`<style>`, `<xmp>`, `<iframe>`, `<noscript>`…).
    Rawtext,
    /// Script text, up to `</script>` outside `<!-- <script> … -->` escapes.
    ScriptData,
    /// Text to the end of the page (`<plaintext>`).
    Plaintext,
}

/// The token filter in front of the tree builder.
pub struct Guard {
    builder: TreeBuilder<NodeId, CountingSink>,
    limits: Limits,
    /// How the tokenizer goes on after the last start tag.
    mode: Cell<TextMode>,
    /// The elements closed early that the full tree would still have open.
    flattened: RefCell<Flattened>,
    /// Whether text or elements came since the last empty block put in for a flattened one.
    since_break: Cell<bool>,
    /// Why the page was given up, if it was.
    stop: RefCell<Option<HtmlError>>,
}

impl Guard {
    /// A guard in front of a tree builder for a new document (html5ever's default options,
    /// as `scraper::Html::parse_document` uses), keeping these limits.
    pub fn new(limits: Limits) -> Self {
        Self {
            builder: TreeBuilder::new(CountingSink::new(), TreeBuilderOpts::default()),
            limits,
            mode: Cell::new(TextMode::Data),
            flattened: RefCell::new(Flattened::default()),
            since_break: Cell::new(true),
            stop: RefCell::new(None),
        }
    }

    /// How the tokenizer goes on after the last start tag.
    pub fn mode(&self) -> TextMode {
        self.mode.get()
    }

    /// Whether `<![CDATA[` here opens a CDATA section (inside SVG or MathML) rather than a
    /// bogus comment.
    pub fn cdata_allowed(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }

    /// The limit the page went past, if it did.
    pub fn status(&self) -> Result<(), HtmlError> {
        match &*self.stop.borrow() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    /// The tree built.
    pub fn finish(self) -> Html {
        html5ever::tree_builder::TreeSink::finish(self.builder.sink)
    }

    fn stopped(&self) -> bool {
        self.stop.borrow().is_some()
    }

    /// Stops the page if it went past a limit.
    fn check(&self) {
        let sink = &self.builder.sink;
        let limits = self.limits;
        let error = if sink.nodes() > limits.elements {
            HtmlError::TooManyElements {
                limit: limits.elements,
            }
        } else if sink.steps() > limits.steps {
            HtmlError::TooTangled {
                depth: limits.depth,
                limit: limits.steps,
            }
        } else {
            return;
        };
        *self.stop.borrow_mut() = Some(error);
    }

    /// A start tag: built, and closed again at once if it landed deeper than [`Limits::depth`].
    fn start_tag(&self, tag: Tag, line_number: u64) -> TokenSinkResult<NodeId> {
        let name = tag.name.clone();
        let self_closing = tag.self_closing;
        let before = self.builder.sink.nodes();
        let result = self
            .builder
            .process_token(Token::TagToken(tag), line_number);
        self.mode.set(match result {
            TokenSinkResult::RawData(RawKind::Rcdata) => TextMode::Rcdata,
            TokenSinkResult::RawData(RawKind::Rawtext) => TextMode::Rawtext,
            TokenSinkResult::RawData(RawKind::ScriptData) => TextMode::ScriptData,
            TokenSinkResult::Plaintext => TextMode::Plaintext,
            _ => TextMode::Data,
        });
        if self.builder.sink.nodes() == before {
            return result;
        }
        let deepest = self.limits.depth as usize;
        let Some(created) = self.builder.sink.last_created(deepest) else {
            return result;
        };
        let html = created.name.ns == ns!(html);
        let flattens = if html {
            !VOID.contains(&&*name) && !TABLE.contains(&&*name)
        } else {
            !self_closing
        };
        let own = created.name.local.eq_ignore_ascii_case(&name);
        if created.depth > deepest && flattens && own && matches!(result, TokenSinkResult::Continue)
        {
            self.close(name.clone(), line_number);
            self.flattened.borrow_mut().push(name, created.depth);
        } else {
            self.flattened.borrow_mut().built_at(created.depth);
        }
        result
    }

    /// An end tag: dropped if it closes elements that were flattened.
    fn end_tag(&self, tag: Tag, line_number: u64) -> TokenSinkResult<NodeId> {
        let matched = self.flattened.borrow_mut().end_tag(&tag.name);
        match matched {
            EndTag::PassOn => self
                .builder
                .process_token(Token::TagToken(tag), line_number),
            EndTag::Drop { paragraph_break } => {
                // Several in a row make one paragraph break.
                if paragraph_break && self.since_break.replace(false) {
                    // An empty block where the flattened one ended: the text after it starts a
                    // new paragraph, as it would after the block.
                    let name = LocalName::from("div");
                    let start = Tag {
                        kind: TagKind::StartTag,
                        name: name.clone(),
                        self_closing: false,
                        attrs: Vec::new(),
                        had_duplicate_attributes: false,
                    };
                    let _ = self
                        .builder
                        .process_token(Token::TagToken(start), line_number);
                    self.close(name, line_number);
                }
                TokenSinkResult::Continue
            }
        }
    }

    /// Sends the end tag of the element just opened.
    fn close(&self, name: LocalName, line_number: u64) {
        let end = Tag {
            kind: TagKind::EndTag,
            name,
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        };
        // An end tag never switches the tokenizer to raw text; what it returns is not needed.
        let _ = self
            .builder
            .process_token(Token::TagToken(end), line_number);
    }
}

impl TokenSink for Guard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.stopped() {
            return TokenSinkResult::Continue;
        }
        if matches!(token, Token::CharacterTokens(_)) {
            self.since_break.set(true);
        }
        let result = match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                self.since_break.set(true);
                self.start_tag(tag, line_number)
            }
            Token::TagToken(tag) => self.end_tag(tag, line_number),
            token => self.builder.process_token(token, line_number),
        };
        self.check();
        result
    }

    fn end(&self) {
        if !self.stopped() {
            self.builder.end();
            self.check();
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.cdata_allowed()
    }
}
