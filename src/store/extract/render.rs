//! Turning the article's elements into plain text: each block (heading, paragraph, list item,
//! block quote, table cell…) becomes a paragraph, with one blank line between paragraphs;
//! `<br>` is a line feed; runs of whitespace inside a paragraph become one space (`<pre>` keeps
//! its lines); entities are already decoded by the parser.

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

use super::census::Dropped;

/// Elements that start and end a paragraph.
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The text of `root` and everything in it that is not dropped, ending in a line feed (empty
/// if there is no text).
pub fn render(root: ElementRef<'_>, dropped: &Dropped) -> String {
    let mut out = Builder::default();
    walk(root, dropped, &mut out);
    out.finish()
}

/// The chars of [`render`]'s text, counted without keeping the text.
pub fn count(root: ElementRef<'_>, dropped: &Dropped) -> usize {
    let mut out = Builder {
        count_only: true,
        ..Builder::default()
    };
    walk(root, dropped, &mut out);
    out.finish_count()
}

/// Feeds `root` and everything in it that is not dropped to `out`, in document order. A
/// dropped element is stepped over without visiting what it holds.
fn walk(root: ElementRef<'_>, dropped: &Dropped, out: &mut Builder) {
    let root = *root;
    let mut pre = 0usize;
    let mut node = root;
    loop {
        let entered = match node.value() {
            Node::Text(t) if pre > 0 => {
                out.verbatim(t);
                true
            }
            Node::Text(t) => {
                out.text(t);
                true
            }
            Node::Element(_) if node.id() != root.id() && dropped.contains(node.id()) => false,
            Node::Element(el) => {
                match el.name() {
                    "br" => out.line_break(),
                    "pre" => {
                        out.paragraph_break();
                        pre += 1;
                    }
                    name if BLOCK_TAGS.contains(&name) => out.paragraph_break(),
                    _ => {}
                }
                true
            }
            _ => true,
        };
        if entered {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            close(node, &mut pre, out);
        }
        // Up to the next sibling, closing the elements left.
        loop {
            if node.id() == root.id() {
                return;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    close(node, &mut pre, out);
                }
                None => return,
            }
        }
    }
}

/// The end of an element that was entered.
fn close(node: NodeRef<'_, Node>, pre: &mut usize, out: &mut Builder) {
    if let Node::Element(el) = node.value() {
        if el.name() == "pre" {
            *pre = pre.saturating_sub(1);
            out.paragraph_break();
        } else if BLOCK_TAGS.contains(&el.name()) {
            out.paragraph_break();
        }
    }
}

/// Whitespace as HTML collapses it (not the no-break space).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}')
}

/// Text being assembled paragraph by paragraph.
#[derive(Default)]
struct Builder {
    /// Finished paragraphs.
    out: String,
    /// The paragraph being written.
    paragraph: String,
    /// Whitespace was seen since the last char written.
    space: bool,
    /// The paragraph holds `<pre>` text, whose lines keep their indentation.
    verbatim: bool,
    /// Only count: finished paragraphs are not kept.
    count_only: bool,
    /// Chars of the finished paragraphs.
    chars: usize,
    /// Finished paragraphs with text.
    paragraphs: usize,
}

impl Builder {
    /// Text, whitespace collapsed.
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if is_html_space(c) {
                self.space = true;
                continue;
            }
            if self.space && !self.paragraph.is_empty() && !self.paragraph.ends_with('\n') {
                self.paragraph.push(' ');
            }
            self.space = false;
            self.paragraph.push(c);
        }
    }

    /// `<pre>` text, as it is (CRs dropped).
    fn verbatim(&mut self, s: &str) {
        self.verbatim = true;
        self.paragraph.extend(s.chars().filter(|&c| c != '\r'));
    }

    fn line_break(&mut self) {
        self.paragraph.push('\n');
        self.space = false;
    }

    /// Ends the paragraph, if it has text.
    fn paragraph_break(&mut self) {
        let tidy = tidy(&self.paragraph, self.verbatim);
        if !tidy.is_empty() {
            if self.count_only {
                self.chars += tidy.chars().count();
            } else {
                if !self.out.is_empty() {
                    self.out.push_str("\n\n");
                }
                self.out.push_str(&tidy);
            }
            self.paragraphs += 1;
        }
        self.paragraph.clear();
        self.space = false;
        self.verbatim = false;
    }

    /// The chars the text would have: the paragraphs, a blank line between each two, a final
    /// line feed.
    fn finish_count(mut self) -> usize {
        self.paragraph_break();
        match self.paragraphs {
            0 => 0,
            n => self.chars + 2 * (n - 1) + 1,
        }
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// A paragraph's lines trimmed (verbatim ones only at their end), without blank lines at
/// either end and with at most one blank line in a row.
fn tidy(paragraph: &str, verbatim: bool) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in paragraph.split('\n') {
        let line = if verbatim {
            line.trim_end()
        } else {
            line.trim()
        };
        let blank = line.is_empty();
        if blank && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}
