//! Styling Markdown source without changing it: for one line (or paragraph) of Markdown, the
//! runs of chars that are a heading, strong, emphasis or inline code, and which chars are
//! markup (`#`, `**`, `_`, backticks, escaping backslashes) that a view may dim. Offsets stay
//! those of the source text, so annotations on a Markdown document are unaffected.
//!
//! A line-local subset of CommonMark: ATX headings (`#` to `######` followed by a space),
//! code spans (a backtick run closed by one of the same length), backslash escapes, and `*`/`_`
//! emphasis and strong emphasis with CommonMark's flanking rules (so `snake_case_name` and
//! `2 * 3 * 4` stay plain) and its "rule of three". Links, lists and block quotes are left
//! unstyled.

use std::ops::Range;

/// How a run of Markdown source is shown. Styles combine: a strong word inside a heading has
/// both `heading` and `strong`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MarkdownStyle {
    /// The heading level (1–6) of an ATX heading line.
    pub heading: Option<u8>,
    /// Inside `**…**` or `__…__`.
    pub strong: bool,
    /// Inside `*…*` or `_…_`.
    pub emphasis: bool,
    /// Inside a code span `` `…` ``.
    pub code: bool,
    /// Markup rather than content: heading `#`s, emphasis delimiters, backticks and escaping
    /// backslashes.
    pub marker: bool,
}

/// A run of chars with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleRun {
    /// Char range in the line given to [`line_styles`], end exclusive.
    pub range: Range<usize>,
    /// Its style.
    pub style: MarkdownStyle,
}

/// The style runs of a line (or paragraph) of Markdown source: they tile the whole line in
/// order, adjacent runs differ in style, and an empty line has none. Offsets are chars of
/// `line`. Line feeds split headings (each line is its own heading or not); emphasis may span
/// them.
pub fn line_styles(line: &str) -> Vec<StyleRun> {
    let chars: Vec<char> = line.chars().collect();
    let mut styles = vec![MarkdownStyle::default(); chars.len()];
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            heading(&chars[start..i], &mut styles[start..i]);
            start = i + 1;
        }
    }
    heading(&chars[start..], &mut styles[start..]);
    let literal = escapes(&chars, &mut styles);
    let in_code = code_spans(&chars, &literal, &mut styles);
    emphasis(&chars, &literal, &in_code, &mut styles);
    runs(&styles)
}

/// Marks an ATX heading line: its level everywhere, its opening and closing `#`s as markup.
fn heading(line: &[char], styles: &mut [MarkdownStyle]) {
    let indent = line.iter().take_while(|&&c| c == ' ').count();
    if indent > 3 {
        return;
    }
    let hashes = line[indent..].iter().take_while(|&&c| c == '#').count();
    let after = indent + hashes;
    if !(1..=6).contains(&hashes) || line.get(after).is_some_and(|&c| c != ' ' && c != '\t') {
        return;
    }
    let level = u8::try_from(hashes).unwrap_or(6);
    for s in styles.iter_mut() {
        s.heading = Some(level);
    }
    for s in &mut styles[indent..after] {
        s.marker = true;
    }
    // A closing sequence: `#`s at the end, after a space (or the opening `#`s alone).
    let end = line.len() - line.iter().rev().take_while(|c| c.is_whitespace()).count();
    let closing = line[after..end]
        .iter()
        .rev()
        .take_while(|&&c| c == '#')
        .count();
    let close_start = end - closing;
    if closing > 0 && (close_start == after || matches!(line[close_start - 1], ' ' | '\t')) {
        for s in &mut styles[close_start..end] {
            s.marker = true;
        }
    }
}

/// Marks escaping backslashes as markup; returns which chars are escaped (literal).
fn escapes(chars: &[char], styles: &mut [MarkdownStyle]) -> Vec<bool> {
    let mut literal = vec![false; chars.len()];
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i] == '\\' && chars[i + 1].is_ascii_punctuation() {
            styles[i].marker = true;
            literal[i + 1] = true;
            i += 2;
        } else {
            i += 1;
        }
    }
    literal
}

/// Marks code spans; returns which chars are inside one (backticks included).
fn code_spans(chars: &[char], literal: &[bool], styles: &mut [MarkdownStyle]) -> Vec<bool> {
    let mut in_code = vec![false; chars.len()];
    let run_at = |i: usize| chars[i..].iter().take_while(|&&c| c == '`').count();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' || literal[i] {
            i += 1;
            continue;
        }
        let open = run_at(i);
        let mut j = i + open;
        let mut close = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let len = run_at(j);
                if len == open {
                    close = Some(j);
                    break;
                }
                j += len;
            } else {
                j += 1;
            }
        }
        match close {
            Some(j) => {
                let span = in_code.iter_mut().zip(styles.iter_mut()).enumerate();
                for (k, (code, s)) in span.take(j + open).skip(i) {
                    *code = true;
                    s.code = true;
                    s.marker = k < i + open || k >= j;
                }
                i = j + open;
            }
            None => i += open,
        }
    }
    in_code
}

/// A run of `*` or `_` that may open or close emphasis.
struct Delimiter {
    ch: char,
    /// First char of the part of the run not yet used.
    start: usize,
    /// How many chars of the run are not yet used.
    count: usize,
    /// The run's length as written (for the rule of three).
    length: usize,
    can_open: bool,
    can_close: bool,
}

/// Finds `*`/`_` delimiter runs and pairs them as CommonMark does.
fn emphasis(chars: &[char], literal: &[bool], in_code: &[bool], styles: &mut [MarkdownStyle]) {
    let mut delims = delimiters(chars, literal, in_code);
    for c in 0..delims.len() {
        if !delims[c].can_close {
            continue;
        }
        while delims[c].count > 0 {
            let closer = &delims[c];
            let opener = (0..c).rev().find(|&o| {
                let d = &delims[o];
                let odd = (d.can_close || closer.can_open)
                    && (d.length + closer.length).is_multiple_of(3)
                    && !(d.length.is_multiple_of(3) && closer.length.is_multiple_of(3));
                d.ch == closer.ch && d.can_open && d.count > 0 && !odd
            });
            let Some(o) = opener else { break };
            let used = if delims[o].count >= 2 && delims[c].count >= 2 {
                2
            } else {
                1
            };
            let open_end = delims[o].start + delims[o].count;
            let from = open_end - used;
            let to = delims[c].start + used;
            for (k, s) in styles.iter_mut().enumerate().take(to).skip(from) {
                if used == 2 {
                    s.strong = true;
                } else {
                    s.emphasis = true;
                }
                if k < open_end || k >= delims[c].start {
                    s.marker = true;
                }
            }
            delims[o].count -= used;
            delims[c].start += used;
            delims[c].count -= used;
            for d in &mut delims[o + 1..c] {
                d.count = 0;
            }
        }
    }
}

/// The `*`/`_` runs outside code spans, with whether each can open or close emphasis.
fn delimiters(chars: &[char], literal: &[bool], in_code: &[bool]) -> Vec<Delimiter> {
    let is_delim = |i: usize| matches!(chars[i], '*' | '_') && !literal[i] && !in_code[i];
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_delim(i) {
            i += 1;
            continue;
        }
        let ch = chars[i];
        let mut j = i;
        while j < chars.len() && chars[j] == ch && is_delim(j) {
            j += 1;
        }
        let before = if i == 0 { ' ' } else { chars[i - 1] };
        let after = chars.get(j).copied().unwrap_or(' ');
        let space = |c: char| c.is_whitespace();
        let punct = |c: char| c.is_ascii_punctuation() || (!c.is_alphanumeric() && !space(c));
        let left = !space(after) && (!punct(after) || space(before) || punct(before));
        let right = !space(before) && (!punct(before) || space(after) || punct(after));
        let (can_open, can_close) = if ch == '*' {
            (left, right)
        } else {
            (
                left && (!right || punct(before)),
                right && (!left || punct(after)),
            )
        };
        out.push(Delimiter {
            ch,
            start: i,
            count: j - i,
            length: j - i,
            can_open,
            can_close,
        });
        i = j;
    }
    out
}

/// Merges per-char styles into runs.
fn runs(styles: &[MarkdownStyle]) -> Vec<StyleRun> {
    let mut out: Vec<StyleRun> = Vec::new();
    for (i, &style) in styles.iter().enumerate() {
        match out.last_mut() {
            Some(run) if run.style == style => run.range.end = i + 1,
            _ => out.push(StyleRun {
                range: i..i + 1,
                style,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line with each styled run in brackets: `[h1 m:# ]`, `[s:bold]`, `[e:it]`, `[c:x]`,
    /// `[m:**]` (flags: hN heading, s strong, e emphasis, c code, m marker). Unstyled text is
    /// written as it is.
    fn show(line: &str) -> String {
        let chars: Vec<char> = line.chars().collect();
        let mut out = String::new();
        for run in line_styles(line) {
            let text: String = chars[run.range.clone()].iter().collect();
            let s = run.style;
            let mut flags = String::new();
            if let Some(h) = s.heading {
                flags.push_str(&format!("h{h}"));
            }
            for (on, f) in [
                (s.strong, 's'),
                (s.emphasis, 'e'),
                (s.code, 'c'),
                (s.marker, 'm'),
            ] {
                if on {
                    flags.push(f);
                }
            }
            if flags.is_empty() {
                out.push_str(&text);
            } else {
                out.push_str(&format!("[{flags}:{text}]"));
            }
        }
        out
    }

    #[test]
    fn headings() {
        assert_eq!(show("# Title"), "[h1m:#][h1: Title]");
        assert_eq!(show("### Three ###"), "[h3m:###][h3: Three ][h3m:###]");
        assert_eq!(show("   ## Indented"), "[h2:   ][h2m:##][h2: Indented]");
        assert_eq!(show("#"), "[h1m:#]");
        assert_eq!(show("#hashtag"), "#hashtag");
        assert_eq!(show("####### seven"), "####### seven");
        assert_eq!(show("    # code block"), "    # code block");
        assert_eq!(
            show("## C# is # not closing"),
            "[h2m:##][h2: C# is # not closing]"
        );
        assert_eq!(show("\\# not a heading"), "[m:\\]# not a heading");
    }

    #[test]
    fn strong_emphasis_and_code() {
        assert_eq!(show("a **bold** b"), "a [sm:**][s:bold][sm:**] b");
        assert_eq!(show("a __bold__ b"), "a [sm:__][s:bold][sm:__] b");
        assert_eq!(
            show("an *it* and _it_"),
            "an [em:*][e:it][em:*] and [em:_][e:it][em:_]"
        );
        assert_eq!(show("`a*b*c`"), "[cm:`][c:a*b*c][cm:`]");
        assert_eq!(show("``a ` b``"), "[cm:``][c:a ` b][cm:``]");
        assert_eq!(show("***both***"), "[em:*][sem:**][se:both][sem:**][em:*]");
        assert_eq!(
            show("# A **big** deal"),
            "[h1m:#][h1: A ][h1sm:**][h1s:big][h1sm:**][h1: deal]"
        );
        assert_eq!(
            show("*it **bold** it*"),
            "[em:*][e:it ][sem:**][se:bold][sem:**][e: it][em:*]"
        );
    }

    #[test]
    fn plain_text_stays_plain() {
        for s in [
            "snake_case_name and another_one",
            "2 * 3 * 4",
            "**unclosed",
            "a ` lone backtick",
            "\\*not emphasis\\*",
            "",
            "price: 5*",
        ] {
            let styled = line_styles(s);
            assert!(
                styled
                    .iter()
                    .all(|r| !r.style.strong && !r.style.emphasis && !r.style.code),
                "{s:?}: {}",
                show(s)
            );
        }
        assert!(line_styles("").is_empty());
        assert_eq!(show("plain words"), "plain words");
    }

    #[test]
    fn offsets_are_chars_and_runs_tile_the_line() {
        let line = "# Élan **café** 😀 `naïve`";
        let runs = line_styles(line);
        let n = line.chars().count();
        assert_eq!(runs.first().map(|r| r.range.start), Some(0));
        assert_eq!(runs.last().map(|r| r.range.end), Some(n));
        for w in runs.windows(2) {
            assert_eq!(w[0].range.end, w[1].range.start);
            assert_ne!(w[0].style, w[1].style);
        }
        let strong: Vec<_> = runs
            .iter()
            .filter(|r| r.style.strong && !r.style.marker)
            .map(|r| r.range.clone())
            .collect();
        assert_eq!(strong, vec![9..13]);
        let chars: Vec<char> = line.chars().collect();
        assert_eq!(chars[9..13].iter().collect::<String>(), "café");
        let code: Vec<_> = runs
            .iter()
            .filter(|r| r.style.code && !r.style.marker)
            .map(|r| r.range.clone())
            .collect();
        assert_eq!(code, vec![19..24]);
    }

    #[test]
    fn each_line_of_a_paragraph_is_its_own_heading() {
        assert_eq!(show("# One\ntwo"), "[h1m:#][h1: One]\ntwo");
        assert_eq!(show("*a\nb*"), "[em:*][e:a\nb][em:*]");
    }
}
