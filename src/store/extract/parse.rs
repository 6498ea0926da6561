//! Parsing a page into scraper's tree with html5ever, as `scraper::Html::parse_document` does,
//! but fed piece by piece by the pre-scan (which refuses tags with too many attributes before
//! the tokenizer reads them) and with the guard between tokenizer and tree builder (which
//! flattens nesting past a depth and stops a page that would build too many elements or take
//! too many steps). A page within the limits, nested no deeper, gets the tree that
//! `Html::parse_document` builds.

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use scraper::Html;

use super::HtmlError;
use super::guard::{Guard, TextMode};
use super::limits::Limits;
use super::scan::{self, Parser};

/// Parses a page's (decoded) text under the page limits.
pub fn parse(text: &str) -> Result<Html, HtmlError> {
    parse_with(text, scan::FEED_BYTES, Limits::PAGE)
}

/// Parses a page's text fed to the tokenizer in pieces of about `piece` bytes, under `limits`.
pub fn parse_with(text: &str, piece: usize, limits: Limits) -> Result<Html, HtmlError> {
    let mut feeder = Feeder {
        text,
        fed: 0,
        queue: BufferQueue::default(),
        tokenizer: Tokenizer::new(Guard::new(limits), TokenizerOpts::default()),
    };
    scan::scan(text, &mut feeder, piece)?;
    feeder.tokenizer.end();
    feeder.tokenizer.sink.status()?;
    Ok(feeder.tokenizer.sink.finish())
}

/// The tokenizer and what it has been fed.
struct Feeder<'a> {
    text: &'a str,
    fed: usize,
    queue: BufferQueue,
    tokenizer: Tokenizer<Guard>,
}

impl Parser for Feeder<'_> {
    fn feed_to(&mut self, end: usize) -> Result<(), HtmlError> {
        if let Some(piece) = self.text.get(self.fed..end).filter(|p| !p.is_empty()) {
            self.queue.push_back(StrTendril::from_slice(piece));
            self.fed = end;
            // `Script` results only pause the tokenizer for a script to run; none is run.
            while !matches!(self.tokenizer.feed(&self.queue), TokenizerResult::Done) {}
        }
        self.tokenizer.sink.status()
    }

    fn mode(&self) -> TextMode {
        self.tokenizer.sink.mode()
    }

    fn cdata_allowed(&self) -> bool {
        self.tokenizer.sink.cdata_allowed()
    }
}
