//! A linear pre-scan that finds every tag where html5ever's tokenizer will, and counts its
//! attributes before the tokenizer reads it: the tokenizer compares each new attribute with
//! all earlier ones of its tag, so one tag with 100,000 attributes takes seconds and a million
//! take many minutes. The scan follows the tokenizer's states for tags, comments, doctypes,
//! CDATA and raw text (`<script>` with its `<!-- -->` escapes, `<style>`, `<title>`…). Whether
//! a start tag really switches to raw text, and whether `<![CDATA[` opens a CDATA section,
//! depends on the tree being built (not inside SVG or MathML), so at those points the scan
//! lets the parser catch up and asks it. The parser is fed in pieces as the scan goes, never
//! past a tag that has not been counted.

use memchr::{memchr, memchr2, memmem};

use super::HtmlError;
use super::guard::TextMode;
use super::limits::MAX_ATTRIBUTES;

/// The parser, as the scan drives it.
pub trait Parser {
    /// Parses the page's text up to byte `end` (a char boundary past what was parsed).
    fn feed_to(&mut self, end: usize) -> Result<(), HtmlError>;
    /// How the tokenizer goes on after the start tag parsed last.
    fn mode(&self) -> TextMode;
    /// Whether `<![CDATA[` at the point parsed so far opens a CDATA section.
    fn cdata_allowed(&self) -> bool;
}

/// How much text the scan lets pile up before it feeds the parser.
pub const FEED_BYTES: usize = 64 * 1024;

/// Start tags after which the tokenizer may switch to raw text.
const RAW: &[&[u8]] = &[
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
    b"plaintext",
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
];

/// Scans the page's text, feeding it to `parser` in pieces of about `feed_bytes` (between
/// tags); refuses a tag with more than [`MAX_ATTRIBUTES`] attributes before the parser reads it.
pub fn scan(text: &str, parser: &mut impl Parser, feed_bytes: usize) -> Result<(), HtmlError> {
    let b = text.as_bytes();
    let mut fed = 0;
    let mut pos = 0;
    let mut mode = TextMode::Data;
    // The start tag whose raw text the scan is in.
    let mut raw_name: &[u8] = b"";
    while pos < b.len() {
        if pos - fed >= feed_bytes {
            parser.feed_to(pos)?;
            fed = pos;
        }
        pos = match mode {
            TextMode::Data => {
                let Some(lt) = memchr(b'<', &b[pos..]).map(|i| pos + i) else {
                    break;
                };
                match markup(b, lt, parser)? {
                    Markup::Skip(next) => next,
                    Markup::StartTag { name, end } => {
                        if RAW.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                            parser.feed_to(end)?;
                            fed = end;
                            mode = parser.mode();
                            raw_name = name;
                        }
                        end
                    }
                }
            }
            TextMode::Rcdata | TextMode::Rawtext => {
                let (next, ended) = raw_text(b, pos, raw_name)?;
                if ended {
                    mode = TextMode::Data;
                }
                next
            }
            TextMode::ScriptData => {
                let (next, ended) = script(b, pos)?;
                if ended {
                    mode = TextMode::Data;
                }
                next
            }
            TextMode::Plaintext => break,
        };
    }
    parser.feed_to(b.len())
}

/// What a `<` in the data state starts.
enum Markup<'a> {
    /// Text, a comment, a doctype, CDATA or an end tag: scanning goes on at this byte.
    Skip(usize),
    /// A start tag named `name` (as written), ending before byte `end`.
    StartTag { name: &'a [u8], end: usize },
}

/// What the `<` at `lt` (in the data state) starts, and where it ends.
fn markup<'a>(b: &'a [u8], lt: usize, parser: &mut impl Parser) -> Result<Markup<'a>, HtmlError> {
    let rest = &b[lt + 1..];
    let skip = Markup::Skip;
    Ok(match rest.first() {
        Some(b'!') => {
            let decl = &rest[1..];
            if decl.starts_with(b"--") {
                skip(comment_end(b, lt + 4))
            } else if decl.len() >= 7 && decl[..7].eq_ignore_ascii_case(b"doctype") {
                skip(after(b, b'>', lt + 9))
            } else if decl.starts_with(b"[CDATA[") {
                parser.feed_to(lt)?;
                if parser.cdata_allowed() {
                    let body = lt + 9;
                    skip(memmem::find(&b[body..], b"]]>").map_or(b.len(), |i| body + i + 3))
                } else {
                    skip(after(b, b'>', lt + 2))
                }
            } else {
                skip(after(b, b'>', lt + 2))
            }
        }
        Some(b'/') => match rest.get(1) {
            Some(c) if c.is_ascii_alphabetic() => skip(tag(b, lt, lt + 2)?.1),
            Some(b'>') => skip(lt + 3),
            Some(_) => skip(after(b, b'>', lt + 2)),
            None => skip(b.len()),
        },
        Some(b'?') => skip(after(b, b'>', lt + 1)),
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, end) = tag(b, lt, lt + 1)?;
            Markup::StartTag {
                name: &b[name.0..name.1],
                end,
            }
        }
        _ => skip(lt + 1),
    })
}

/// The byte after the first `needle` at or after `from` (the end of the text if none).
fn after(b: &[u8], needle: u8, from: usize) -> usize {
    let from = from.min(b.len());
    memchr(needle, &b[from..]).map_or(b.len(), |i| from + i + 1)
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The comment whose text starts at `from` (after `<!--`): the byte after its end.
fn comment_end(b: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy)]
    enum S {
        Start,
        StartDash,
        Text,
        EndDash,
        End,
        EndBang,
    }
    let mut s = S::Start;
    let mut i = from;
    while i < b.len() {
        if let S::Text = s {
            match memchr(b'-', &b[i..]) {
                Some(d) => {
                    i += d + 1;
                    s = S::EndDash;
                    continue;
                }
                None => return b.len(),
            }
        }
        let c = b[i];
        i += 1;
        s = match (s, c) {
            (S::Start, b'-') => S::StartDash,
            (S::Start | S::StartDash | S::End | S::EndBang, b'>') => return i,
            (S::StartDash | S::EndDash, b'-') => S::End,
            (S::End, b'-') => S::End,
            (S::End, b'!') => S::EndBang,
            (S::EndBang, b'-') => S::EndDash,
            (S::Start | S::End | S::EndBang, _) => {
                // Reconsumed as comment text.
                i -= 1;
                S::Text
            }
            (S::StartDash | S::EndDash | S::Text, _) => S::Text,
        };
    }
    b.len()
}

/// The tag whose `<` is at `lt` and whose name starts at `name`: the name's byte range and the
/// byte after the tag's `>` (the end of the text if it never ends). Refuses a tag with more
/// than [`MAX_ATTRIBUTES`] attributes.
fn tag(b: &[u8], lt: usize, name: usize) -> Result<((usize, usize), usize), HtmlError> {
    let name_end = b[name..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .map_or(b.len(), |n| name + n);
    let end = attributes(b, lt, name_end)?;
    Ok(((name, name_end), end))
}

/// The attributes of a tag from `from` (the byte that ended its name): the byte after the
/// tag's `>`. Follows the tokenizer's tag states.
fn attributes(b: &[u8], lt: usize, from: usize) -> Result<usize, HtmlError> {
    #[derive(Clone, Copy)]
    enum S {
        /// Right after the name: the byte decides.
        Name,
        BeforeAttr,
        Attr,
        AfterAttr,
        BeforeValue,
        Quoted(u8),
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    let mut s = S::Name;
    let mut count = 0usize;
    let mut i = from;
    while i < b.len() {
        if let S::Quoted(q) = s {
            match memchr(q, &b[i..]) {
                Some(n) => {
                    i += n + 1;
                    s = S::AfterQuoted;
                    continue;
                }
                None => return Ok(b.len()),
            }
        }
        let c = b[i];
        i += 1;
        let mut new_attr = false;
        s = match (s, c) {
            (S::Name | S::BeforeAttr | S::Attr | S::AfterAttr | S::BeforeValue, b'>')
            | (S::Unquoted | S::AfterQuoted | S::SelfClosing, b'>') => return Ok(i),
            (S::Name | S::Unquoted | S::AfterQuoted, c) if is_space(c) => S::BeforeAttr,
            (S::Attr, c) if is_space(c) => S::AfterAttr,
            (S::BeforeAttr | S::AfterAttr | S::BeforeValue, c) if is_space(c) => s,
            (S::Name | S::BeforeAttr | S::Attr | S::AfterAttr | S::AfterQuoted, b'/') => {
                S::SelfClosing
            }
            (S::Attr | S::AfterAttr, b'=') => S::BeforeValue,
            (S::Attr, _) => S::Attr,
            (S::BeforeValue, b'"' | b'\'') => S::Quoted(c),
            (S::BeforeValue | S::Unquoted, _) => S::Unquoted,
            (S::Name | S::BeforeAttr | S::AfterAttr, _) => {
                new_attr = true;
                S::Attr
            }
            (S::AfterQuoted | S::SelfClosing, _) => {
                // Reconsumed in the before-attribute-name state: starts an attribute.
                i -= 1;
                S::BeforeAttr
            }
            (S::Quoted(_), _) => s,
        };
        if new_attr {
            count += 1;
            if count > MAX_ATTRIBUTES {
                return Err(HtmlError::TooManyAttributes {
                    line: line_of(b, lt),
                    limit: MAX_ATTRIBUTES,
                });
            }
        }
    }
    Ok(b.len())
}

/// The 1-based line of byte `at`.
fn line_of(b: &[u8], at: usize) -> usize {
    memchr::memchr_iter(b'\n', &b[..at]).count() + 1
}

/// After `</` at `lt`: if an end tag named `name` follows (ASCII case-insensitive, then a
/// space, `/` or `>`), the byte after it (its attributes counted); else `None`.
fn raw_end_tag(b: &[u8], lt: usize, name: &[u8]) -> Result<Option<usize>, HtmlError> {
    let start = lt + 2;
    let run = b[start.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let stop = start + run;
    let fits = run == name.len() && b[start..stop].eq_ignore_ascii_case(name);
    match b.get(stop) {
        Some(&c) if fits && (is_space(c) || c == b'/' || c == b'>') => {
            Ok(Some(attributes(b, lt, stop)?))
        }
        _ => Ok(None),
    }
}

/// Raw text (`<title>`, `<textarea>`, `<style>`, `<xmp>`, `<iframe>`, `<noscript>`…) from
/// `from`, up to the end tag of `name`: the byte after it and whether it was found.
fn raw_text(b: &[u8], from: usize, name: &[u8]) -> Result<(usize, bool), HtmlError> {
    let mut i = from;
    while let Some(n) = memchr(b'<', &b[i..]) {
        let lt = i + n;
        if b.get(lt + 1) == Some(&b'/')
            && let Some(end) = raw_end_tag(b, lt, name)?
        {
            return Ok((end, true));
        }
        i = lt + 1;
    }
    Ok((b.len(), false))
}

/// Script text from `from` up to `</script>`, through the `<!--` … `<script>` … `-->`
/// escapes as the tokenizer reads them: the byte after the end tag and whether it was found.
fn script(b: &[u8], from: usize) -> Result<(usize, bool), HtmlError> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum S {
        Data,
        /// After `<` in script data.
        Lt,
        /// After `<!`.
        EscapeStart,
        /// After `<!-`.
        EscapeStartDash,
        /// Escaped (after `<!--`), or double escaped (after `<!--<script>`) when `true`.
        Escaped(bool),
        Dash(bool),
        DashDash(bool),
        /// After `<` in escaped or double escaped text.
        EscapedLt(bool),
    }
    // The ASCII letters from `at`: where they stop, and whether they spell `script`.
    let word = |at: usize| {
        let at = at.min(b.len());
        let stop = at
            + b[at..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
        (stop, b[at..stop].eq_ignore_ascii_case(b"script"))
    };
    let ends_word = |at: usize| {
        b.get(at)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    };
    let mut s = S::Data;
    let mut i = from;
    while i < b.len() {
        if let S::Data | S::Escaped(_) = s {
            let found = match s {
                S::Data => memchr(b'<', &b[i..]),
                _ => memchr2(b'<', b'-', &b[i..]),
            };
            let Some(n) = found else {
                break;
            };
            i += n;
        }
        let c = b[i];
        i += 1;
        s = match (s, c) {
            (S::Data, _) => S::Lt,
            (S::Lt, b'/') => {
                if let Some(end) = raw_end_tag(b, i - 2, b"script")? {
                    return Ok((end, true));
                }
                // Reconsumed in script data after the letters read.
                i = word(i).0;
                S::Data
            }
            (S::Lt, b'!') => S::EscapeStart,
            (S::EscapeStart, b'-') => S::EscapeStartDash,
            (S::EscapeStartDash, b'-') => S::DashDash(false),
            (S::Lt | S::EscapeStart | S::EscapeStartDash, _) => {
                i -= 1;
                S::Data
            }
            (S::Escaped(d) | S::Dash(d), b'-') => {
                if s == S::Escaped(d) {
                    S::Dash(d)
                } else {
                    S::DashDash(d)
                }
            }
            (S::DashDash(d), b'-') => S::DashDash(d),
            (S::Escaped(d) | S::Dash(d) | S::DashDash(d), b'<') => S::EscapedLt(d),
            (S::DashDash(_), b'>') => S::Data,
            (S::Escaped(d) | S::Dash(d) | S::DashDash(d), _) => S::Escaped(d),
            (S::EscapedLt(false), b'/') => {
                if let Some(end) = raw_end_tag(b, i - 2, b"script")? {
                    return Ok((end, true));
                }
                i = word(i).0;
                S::Escaped(false)
            }
            (S::EscapedLt(false), c) if c.is_ascii_alphabetic() => {
                // `<script` followed by a space, `/` or `>` starts double escaping.
                let (stop, is_script) = word(i - 1);
                if ends_word(stop) {
                    i = stop + 1;
                    S::Escaped(is_script)
                } else {
                    i = stop;
                    S::Escaped(false)
                }
            }
            (S::EscapedLt(true), b'/') => {
                // `</script` followed by a space, `/` or `>` ends double escaping.
                let (stop, is_script) = word(i);
                if ends_word(stop) {
                    i = stop + 1;
                    S::Escaped(!is_script)
                } else {
                    i = stop;
                    S::Escaped(true)
                }
            }
            (S::EscapedLt(d), _) => {
                i -= 1;
                S::Escaped(d)
            }
        };
    }
    Ok((b.len(), false))
}
