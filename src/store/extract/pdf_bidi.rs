//! From the order a PDF draws a line in to the order it is read in. A PDF places glyphs where
//! they are seen, left to right; Hebrew, Arabic and other right-to-left words are drawn with
//! their first letter on the right. Read left to right they come out backwards ("הלשממה" for
//! "הממשלה"), and so would their numbers' places. Each line is put back in reading order, the
//! inverse of the Unicode bidirectional algorithm's reordering for one line:
//!
//! - a line whose letters are mostly right to left reads from the right: it is reversed
//!   whole, then each left-to-right run (Latin words, numbers like `4.2%` or `2024`, with the
//!   punctuation between them) is turned back;
//! - in a left-to-right line, each right-to-left run (from its first to its last
//!   right-to-left letter, with the numbers and punctuation between) is reversed, and the
//!   numbers inside turned back.
//!
//! Spaces between glyphs (the separators before each) move with the glyphs they separate.

use super::pdf_glyphs::PageGlyphs;
use super::pdf_layout::Sep;
use crate::core::bidi::rtl_script;

/// How a glyph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A right-to-left letter (`true`: Arabic, whose numbers keep their signs apart).
    Rtl(bool),
    /// A left-to-right letter.
    Ltr,
    /// A digit.
    Digit,
    /// A sign that goes with a number: `%`, `°`, a currency.
    NumberSign,
    /// Punctuation, symbols: takes the direction around it.
    Neutral,
    /// A comma, colon or semicolon: neutral too.
    Stop,
    /// A list's bullet or dash: neutral too, but it starts an item, so one at a line's right
    /// end is no closing punctuation of a left-to-right line.
    Bullet,
    /// A bracket, opening (`true`) or closing, of a kind (`(`, `[` or `{`): neutral too.
    Bracket(bool, char),
}

fn class(chars: &[char]) -> Class {
    match chars.first() {
        // The tatweel, which stretches an Arabic word, is of no one script.
        Some('\u{640}') => Class::Rtl(true),
        Some(&c) if c.is_alphabetic() && rtl_script(c).is_some() => Class::Rtl(matches!(
            rtl_script(c),
            Some(unicode_script::Script::Arabic)
        )),
        Some(c) if c.is_numeric() => Class::Digit,
        Some(c) if c.is_alphabetic() => Class::Ltr,
        Some('%' | '‰' | '‱' | '°' | '$' | '€' | '£' | '¥' | '₪' | '#') => {
            Class::NumberSign
        }
        Some('(') => Class::Bracket(true, '('),
        Some(')') => Class::Bracket(false, '('),
        Some('[') => Class::Bracket(true, '['),
        Some(']') => Class::Bracket(false, '['),
        Some('•' | '◦' | '▪' | '●' | '○' | '■' | '□' | '◆' | '❖' | '➢' | '►' | '-' | '–' | '—') => {
            Class::Bullet
        }
        Some('{') => Class::Bracket(true, '{'),
        Some('}') => Class::Bracket(false, '{'),
        Some(',' | ':' | ';' | '،' | '؛') => Class::Stop,
        _ => Class::Neutral,
    }
}

fn is_rtl(c: Class) -> bool {
    matches!(c, Class::Rtl(_))
}

fn is_neutral(c: Class) -> bool {
    matches!(
        c,
        Class::Neutral | Class::Stop | Class::Bullet | Class::Bracket(..)
    )
}

/// Puts the glyphs of a line, given in drawing order (left to right), in reading order.
/// Returns the brackets that read turned (`(` for `)`): in a line read from the right, a
/// bracket without its fellow in the line (the pair spans lines), named by its shape.
/// With `from_the_right`, a line whose letters are a quarter or more right to left reads
/// from the right (a right-to-left paragraph's line of mostly Latin words).
pub fn to_reading_order(
    page: &PageGlyphs,
    items: &mut [(u32, Sep)],
    from_the_right: bool,
) -> Vec<u32> {
    let classes: Vec<Class> = items
        .iter()
        .map(|&(g, _)| class(page.text(&page.glyphs[g as usize])))
        .collect();
    // (Most lines of most documents have no right-to-left letter: nothing to do.)
    if !classes.iter().any(|c| is_rtl(*c)) {
        if from_the_right {
            let chars: Vec<&[char]> = items
                .iter()
                .map(|&(g, _)| page.text(&page.glyphs[g as usize]))
                .collect();
            number_first(&chars, items);
        }
        return Vec::new();
    }
    let hebrew = !classes.contains(&Class::Rtl(true));
    let firsts: Vec<(char, Sep)> = items
        .iter()
        .map(|&(g, sep)| {
            let c = page.text(&page.glyphs[g as usize]).first().copied();
            (c.unwrap_or('\u{FFFD}'), sep)
        })
        .collect();
    let address = address_cells(&firsts, &classes);
    let web = web_words(&firsts);
    let Some(turned) = reorder(&classes, &address, &web, from_the_right, items) else {
        return Vec::new();
    };
    let turned = turned.into_iter().map(|k| items[k].0).collect();
    if hebrew {
        let mut chars: Vec<&[char]> = items
            .iter()
            .map(|&(g, _)| page.text(&page.glyphs[g as usize]))
            .collect();
        signs_first(&mut chars, items);
    }
    turned
}

/// A heading of Latin words numbered in a right-to-left paragraph (`2. MIPS` in a Hebrew
/// document), which the page draws `MIPS .2`: its number, drawn last at the right, goes
/// first, its stop after it.
fn number_first<T: Copy>(chars: &[&[char]], items: &mut [(T, Sep)]) {
    let Some(start) = items.iter().rposition(|&(_, sep)| sep != Sep::None) else {
        return;
    };
    let text = |k: usize| chars[k];
    let number = &items[start..];
    let numbered = number.len() >= 2
        && number.len() <= 4
        && text(start) == ['.']
        && (start + 1..items.len()).all(|k| matches!(text(k), [c] if c.is_ascii_digit()))
        && (0..start).any(|k| text(k).iter().any(|c| c.is_alphabetic()));
    if !numbered {
        return;
    }
    // Digits, stop, then the words: a turn of the whole line, then the digits and the words
    // each turned back.
    items.reverse();
    let digits = items.len() - start - 1;
    items[..digits].reverse();
    items[digits + 1..].reverse();
    let seps: Vec<Sep> = (0..items.len())
        .map(|k| match k {
            0 => Sep::None,
            k if k <= digits => Sep::None,
            k if k == digits + 1 => Sep::Space,
            _ => items[k].1,
        })
        .collect();
    for (item, sep) in items.iter_mut().zip(seps) {
        item.1 = sep;
    }
}

/// Which glyphs (each given by its first char and what goes before it) are in a word that
/// is a web address (`http://…`, `www.…`).
fn web_words(firsts: &[(char, Sep)]) -> Vec<bool> {
    let mut out = vec![false; firsts.len()];
    let mut start = 0;
    for end in 1..=firsts.len() {
        if end < firsts.len() && firsts[end].1 == Sep::None {
            continue;
        }
        let word: String = firsts[start..end].iter().map(|&(c, _)| c).collect();
        if is_web_address(&word) {
            out[start..end].fill(true);
        }
        start = end;
    }
    out
}

/// Whether a word is a web address (`http://…`, `www.…`).
pub(super) fn is_web_address(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.contains("://") || lower.starts_with("www.")
}

/// A bracket turned: `)` for `(`, `]` for `[`, `}` for `{`, and the other way round.
pub fn turned_bracket(chars: &[char]) -> Option<&'static [char]> {
    match chars {
        ['('] => Some(&[')']),
        [')'] => Some(&['(']),
        ['['] => Some(&[']']),
        [']'] => Some(&['[']),
        ['{'] => Some(&['}']),
        ['}'] => Some(&['{']),
        _ => None,
    }
}

/// Puts each minus sign drawn at a number's left, touching it, before the number, once a
/// line that reads from the right is in reading order (`4.3-` as `-4.3`, as the page shows
/// it and a spreadsheet reads it). Not after Arabic letters, whose numbers the
/// bidirectional algorithm keeps apart from their signs.
fn signs_first<T: Copy>(chars: &mut [&[char]], items: &mut [(T, Sep)]) {
    let figure = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',');
    for k in 1..items.len() {
        let is = |k: usize, f: &dyn Fn(char) -> bool| chars[k].first().is_some_and(|&c| f(c));
        let token_ends = k + 1 == items.len() || items[k + 1].1 != Sep::None;
        if !(is(k, &|c| matches!(c, '-' | '\u{2212}'))
            && items[k].1 == Sep::None
            && token_ends
            && is(k - 1, &|c| c.is_ascii_digit()))
        {
            continue;
        }
        let mut start = k - 1;
        while start > 0 && items[start].1 == Sep::None && is(start - 1, &figure) {
            start -= 1;
        }
        if start > 0 && items[start].1 == Sep::None {
            continue;
        }
        // The sign takes the number's first place, and its separator.
        let sign = items[k].0;
        for j in (start..k).rev() {
            items[j + 1].0 = items[j].0;
        }
        items[start].0 = sign;
        chars[start..=k].rotate_right(1);
    }
}

/// Puts a line in reading order. When it reads from the right: the places of the brackets
/// that read turned.
fn reorder<T: Copy>(
    classes: &[Class],
    address: &[bool],
    web: &[bool],
    from_the_right: bool,
    items: &mut [(T, Sep)],
) -> Option<Vec<usize>> {
    let rtl = classes.iter().filter(|c| is_rtl(**c)).count();
    if rtl == 0 {
        return None;
    }
    let ltr = classes.iter().filter(|c| **c == Class::Ltr).count();
    let mut classes = classes.to_vec();
    // (A line with a few right-to-left words among many Latin ones is a left-to-right
    // paragraph's, whatever the page; a web address's letters count as none, `השפה כאן:
    // http://www.egr.unlv.edu/…`.)
    let words_ltr = (0..classes.len())
        .filter(|&k| classes[k] == Class::Ltr && !web.get(k).copied().unwrap_or(false))
        .count();
    let from_the_right = from_the_right && 3 * rtl >= words_ltr;
    if from_the_right || reads_from_the_right(&classes, rtl, ltr) {
        let drawn: Vec<(T, Sep)> = items.to_vec();
        let drawn_classes = classes.clone();
        reverse(items, &mut classes, 0, items.len());
        let numbers_apart: Vec<(usize, usize)> =
            runs(&classes, |c| matches!(c, Class::Ltr | Class::Digit))
                .into_iter()
                .flat_map(|(a, b)| words_of(items, &classes, a, b))
                .flat_map(|(a, b)| numbers_of(items, &classes, a, b))
                .collect();
        for (a, b) in numbers_apart {
            // A table's cells are apart: each cell's number is turned back on its own, and
            // the cells stay in reading order (`63  58  121`, not `121  58  63`).
            let mut from = a;
            let ends: Vec<usize> = (a + 1..=b)
                .filter(|&j| j == b || matches!(items[j].1, Sep::Tab | Sep::Cells(_)))
                .collect();
            for to in ends {
                // (A cell's brackets around its figures are not turned back with them:
                // `(670 950)`, a negative amount.)
                let digits = |c: &Class| matches!(c, Class::Ltr | Class::Digit);
                if let (Some(x), Some(y)) = (
                    classes[from..to].iter().position(digits),
                    classes[from..to].iter().rposition(digits),
                ) {
                    let (x, y) = with_signs(&classes, from + x, from + y + 1);
                    reverse(items, &mut classes, x, y);
                }
                from = to;
            }
        }
        // A cell that is a piece of a web address (an address wrapped in a Hebrew table's
        // cell) reads as drawn, its stops and signs at its ends too (`.il/%d7%9`). (Latin
        // words of a right-to-left cell's sentence, `(Web Scraping).`, are set at its ends
        // in the cell's direction: they stay as read.)
        let n = items.len();
        for (a, b) in cells(&drawn) {
            if address[a] {
                let at = n - b;
                for j in 0..b - a {
                    items[at + j].0 = drawn[a + j].0;
                    if j > 0 {
                        items[at + j].1 = drawn[a + j].1;
                    }
                    classes[at + j] = drawn_classes[a + j];
                }
            }
        }
        let alone = mirror_brackets(items, &mut classes);
        Some(
            alone
                .into_iter()
                .filter(|&k| reads_turned(items, &classes, k))
                .collect(),
        )
    } else {
        for (a, b) in runs(&classes, is_rtl) {
            reverse(items, &mut classes, a, b);
            let inner: Vec<(usize, usize)> = runs(&classes[a..b], |c| c == Class::Digit)
                .into_iter()
                .map(|(x, y)| with_signs(&classes, a + x, a + y))
                .collect();
            for (x, y) in inner {
                reverse(items, &mut classes, x, y);
            }
        }
        None
    }
}

/// A left-to-right run `a..b` of a line read from the right, split at a comma, colon or
/// semicolon set as the line's own (in reading order, touching the word before it with a
/// space after; drawn on the left word's left): Latin words typed among right-to-left ones
/// with the line's punctuation between them (`lw, li`, drawn `li ,lw`) are each turned
/// back on their own. A Latin phrase's own comma touches the word on its left when drawn.
fn words_of<T: Copy>(
    items: &[(T, Sep)],
    classes: &[Class],
    a: usize,
    b: usize,
) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = a;
    for k in a + 1..b.saturating_sub(1) {
        let stop = classes[k] == Class::Stop
            && items[k].1 == Sep::None
            && items[k + 1].1 != Sep::None
            && matches!(classes[k - 1], Class::Ltr | Class::Digit)
            && matches!(
                classes[k + 1],
                Class::Ltr | Class::Digit | Class::NumberSign
            );
        if stop {
            parts.push((start, k));
            start = k + 1;
        }
    }
    parts.push((start, b));
    parts
}

/// A left-to-right run `a..b` of a line read from the right, split where it is numbers
/// apart: between two numbers (with no Latin letter in the run), signs set off by a space
/// (`٢٧ / ٨ / ١٤١٢`, a date) resolve to the line's direction, as the bidirectional
/// algorithm has it, so each number is turned back on its own and the date reads from the
/// right as the page shows it. A space alone between figures (`2 582`) or a sign touching
/// both (`8/3/1428`) keeps them one number.
fn numbers_of<T: Copy>(
    items: &[(T, Sep)],
    classes: &[Class],
    a: usize,
    b: usize,
) -> Vec<(usize, usize)> {
    if classes[a..b].contains(&Class::Ltr) {
        return vec![(a, b)];
    }
    let mut parts = Vec::new();
    let mut start = a;
    let mut last_digit: Option<usize> = None;
    for (k, _) in classes
        .iter()
        .enumerate()
        .take(b)
        .skip(a)
        .filter(|(_, c)| **c == Class::Digit)
    {
        if let Some(d) = last_digit
            && k > d + 1
            && (d + 1..=k).any(|j| items[j].1 != Sep::None)
        {
            parts.push((start, d + 1));
            start = k;
        }
        last_digit = Some(k);
    }
    parts.push((start, b));
    parts
}

/// Whether a bracket without its fellow in a line read from the right is named by its
/// shape: a closing one that opens a word (a space before it, a word or a quote touching
/// it after, `)הדרך`) or an opening one that closes one (touching the word or quote before
/// it, a space, the line's end or a stop after, `מגבלותיו(`).
fn reads_turned<T: Copy>(items: &[(T, Sep)], classes: &[Class], k: usize) -> bool {
    let word = |c: Class| {
        matches!(
            c,
            Class::Rtl(_) | Class::Ltr | Class::Digit | Class::Neutral | Class::Stop
        )
    };
    let spaced_before = k == 0 || items[k].1 != Sep::None;
    let after = items.get(k + 1);
    let spaced_after = after.is_none_or(|&(_, sep)| sep != Sep::None);
    match classes[k] {
        Class::Bracket(false, _) => {
            spaced_before && !spaced_after && classes.get(k + 1).is_some_and(|&c| word(c))
        }
        Class::Bracket(true, _) => {
            !spaced_before
                && word(classes[k - 1])
                && (spaced_after
                    || matches!(classes.get(k + 1), Some(Class::Neutral | Class::Stop)))
        }
        _ => false,
    }
}

/// Whether a cell is one piece of a web address: Latin letters or figures, no space, no
/// right-to-left letter or bracket, and a mark of an address (`/`, `%`, `:`, `@`, `=`,
/// `?`, `#`; with figures alone, `/`).
fn address_piece(items: &[(char, Sep)], classes: &[Class]) -> bool {
    // (Figures alone need a slash: `8/` ends an address, `5.2%` is a share.)
    let letters = classes.contains(&Class::Ltr);
    let marks: &[char] = if letters {
        &['/', '%', ':', '@', '=', '?', '#']
    } else {
        &['/']
    };
    classes
        .iter()
        .any(|c| matches!(c, Class::Ltr | Class::Digit))
        && !classes
            .iter()
            .any(|c| is_rtl(*c) || matches!(c, Class::Bracket(..)))
        && items.iter().skip(1).all(|&(_, sep)| sep == Sep::None)
        && items.iter().any(|(c, _)| marks.contains(c))
}

/// For each glyph of a line in drawing order (given by its first char), whether its cell is
/// a piece of a web address.
fn address_cells(items: &[(char, Sep)], classes: &[Class]) -> Vec<bool> {
    let mut out = vec![false; items.len()];
    for (a, b) in cells(items) {
        if address_piece(&items[a..b], &classes[a..b]) {
            out[a..b].fill(true);
        }
    }
    out
}

/// The cells of a line, `a..b`: parted by wide gaps.
fn cells<T: Copy>(items: &[(T, Sep)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=items.len() {
        if k == items.len() || matches!(items[k].1, Sep::Tab | Sep::Cells(_)) {
            out.push((start, k));
            start = k;
        }
    }
    out
}

/// Brackets a right-to-left line has backwards once in reading order (`)670 950(`): the
/// PDF's text names each bracket by the shape drawn, and a right-to-left line draws an
/// opening bracket turned, at its right. Each such pair trades places, so the text reads
/// `(670 950)`, as the bidirectional algorithm shows it. A PDF that names them by their
/// meaning gives pairs the right way round, which stay. Returns the brackets left without
/// a fellow.
fn mirror_brackets<T: Copy>(items: &mut [(T, Sep)], classes: &mut [Class]) -> Vec<usize> {
    // Each cell on its own: no pair spans a table's cells.
    let mut alone = Vec::new();
    for (start, end) in cells(items) {
        let cell = mirror_brackets_in(&mut items[start..end], &mut classes[start..end]);
        alone.extend(cell.into_iter().map(|k| start + k));
    }
    alone
}

/// [`mirror_brackets`] in one cell. The brackets are read both ways, as named and turned;
/// the way that leaves fewer of them without a fellow wins (as named on a tie: `1) … (1010)`,
/// whose item's `)` closes nothing). Read turned, each pair trades places. Returns the
/// brackets left without a fellow.
fn mirror_brackets_in<T: Copy>(items: &mut [(T, Sep)], classes: &mut [Class]) -> Vec<usize> {
    let (alone, pairs_named) = pairs(classes, false);
    let (alone_turned, turned) = pairs(classes, true);
    let paired = if alone_turned < alone {
        for &(a, b) in &turned {
            let glyph = items[a].0;
            items[a].0 = items[b].0;
            items[b].0 = glyph;
            classes.swap(a, b);
        }
        turned
    } else {
        pairs_named
    };
    (0..classes.len())
        .filter(|&k| matches!(classes[k], Class::Bracket(..)))
        .filter(|&k| !paired.iter().any(|&(a, b)| a == k || b == k))
        .collect()
}

/// The pairs of brackets of a cell in reading order (each opening one with the next closing
/// one of its kind that nothing between closes), read as named or `turned` (`)` opening),
/// and how many brackets are left without a fellow.
fn pairs(classes: &[Class], turned: bool) -> (usize, Vec<(usize, usize)>) {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut pairs = Vec::new();
    let mut alone = 0usize;
    for (k, c) in classes.iter().enumerate() {
        let Class::Bracket(opens, kind) = *c else {
            continue;
        };
        if opens != turned {
            open.push((kind, k));
        } else if let Some(at) = open.iter().rposition(|&(q, _)| q == kind) {
            pairs.push((open.remove(at).1, k));
            // (Those opened inside it and not closed are left alone.)
            alone += open.len() - at;
            open.truncate(at);
        } else {
            alone += 1;
        }
    }
    (alone + open.len(), pairs)
}

/// A number's or Latin word's run `a..b` (in reading order) with the signs right beside it
/// (`4.2%`, `$5`, `$sp`),
/// except after Arabic letters, where the bidirectional algorithm leaves them apart.
fn with_signs(classes: &[Class], a: usize, b: usize) -> (usize, usize) {
    let arabic = classes[..a]
        .iter()
        .rev()
        .find(|c| matches!(c, Class::Rtl(_) | Class::Ltr))
        .is_some_and(|c| *c == Class::Rtl(true));
    if arabic {
        return (a, b);
    }
    let mut a = a;
    let mut b = b;
    // (A sign goes with a Latin word too: a register's `$sp`, `C#`.)
    let word = |c: Class| matches!(c, Class::Digit | Class::Ltr);
    if classes.get(b) == Some(&Class::NumberSign) && word(classes[b - 1]) {
        b += 1;
    }
    if a > 0 && classes[a - 1] == Class::NumberSign && word(classes[a]) {
        a -= 1;
    }
    (a, b)
}

/// Whether a line (in drawing order) reads from the right: most of its letters are
/// right to left, unless it is the last line of a left-to-right paragraph that ends in
/// right-to-left words (its closing punctuation then stands at the right: "תיזכרמה).").
fn reads_from_the_right(classes: &[Class], rtl: usize, ltr: usize) -> bool {
    if rtl <= ltr {
        return false;
    }
    let first = classes.first().copied();
    // The punctuation at the right (not a bullet), after a right-to-left letter: not an
    // opening bracket before a number, `(12251)، وتمثلها` drawn from the right.
    let trailing = classes
        .iter()
        .rev()
        .take_while(|c| is_neutral(**c) && **c != Class::Bullet)
        .count();
    let before = classes.len().checked_sub(trailing + 1).map(|k| classes[k]);
    // (A bracket at the right whose fellow, turned the other way, stands in the line is a
    // right-to-left line's opening bracket named by its shape, `)הקואליציה(`.)
    let opens_pair = classes[classes.len() - trailing..].iter().any(|c| {
        matches!(c, Class::Bracket(false, kind)
            if classes.contains(&Class::Bracket(true, *kind)))
    });
    let ends_right = trailing > 0
        && !opens_pair
        && matches!(before, Some(Class::Rtl(_)))
        && matches!(first, Some(Class::Rtl(_)));
    !ends_right || ltr > 0
}

/// Maximal runs `a..b` that start and end with a glyph of the kind `is` picks, with only such
/// glyphs and neutrals between.
fn runs(classes: &[Class], is: impl Fn(Class) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        if !is(classes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < classes.len()
            && (is(classes[j]) || is_neutral(classes[j]) || classes[j] == Class::NumberSign)
        {
            if is(classes[j]) {
                end = j + 1;
            }
            j += 1;
        }
        out.push((start, end));
        i = end.max(start + 1);
    }
    out
}

/// Reverses glyphs `a..b` with the separators between them; the separators at the run's
/// edges stay where they are.
fn reverse<T: Copy>(items: &mut [(T, Sep)], classes: &mut [Class], a: usize, b: usize) {
    if b <= a + 1 {
        return;
    }
    let glyphs: Vec<T> = items[a..b].iter().rev().map(|&(g, _)| g).collect();
    let gaps: Vec<Sep> = items[a + 1..b].iter().rev().map(|&(_, s)| s).collect();
    for (k, g) in glyphs.into_iter().enumerate() {
        items[a + k].0 = g;
        if k > 0 {
            items[a + k].1 = gaps[k - 1];
        }
    }
    classes[a..b].reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line from its drawn (visual) text: glyphs are chars, a space is a separator.
    fn line(visual: &str) -> (Vec<Class>, Vec<(char, Sep)>) {
        let mut items = Vec::new();
        let mut sep = Sep::None;
        for c in visual.chars() {
            if c == ' ' {
                sep = Sep::Space;
                continue;
            }
            if c == '\t' {
                sep = Sep::Tab;
                continue;
            }
            items.push((c, sep));
            sep = Sep::None;
        }
        let classes = items.iter().map(|&(c, _)| class(&[c])).collect();
        (classes, items)
    }

    fn read(visual: &str) -> String {
        let (classes, mut items) = line(visual);
        let address = address_cells(&items, &classes);
        let web = web_words(&items);
        for k in reorder(&classes, &address, &web, false, &mut items).unwrap_or_default() {
            let turned = turned_bracket(&[items[k].0]).expect("a bracket");
            items[k].0 = turned[0];
        }
        written(&items)
    }

    /// The text of chars with their separators.
    fn written(items: &[(char, Sep)]) -> String {
        let mut s = String::new();
        for &(c, sep) in items {
            match sep {
                Sep::Space => s.push(' '),
                Sep::Tab => s.push('\t'),
                _ => {}
            }
            s.push(c);
        }
        s
    }

    #[test]
    fn a_heading_of_latin_words_numbered_in_a_right_to_left_document_starts_with_its_number() {
        let first = |visual: &str| {
            let (_, mut items) = line(visual);
            let chars: Vec<[char; 1]> = items.iter().map(|&(c, _)| [c]).collect();
            let chars: Vec<&[char]> = chars.iter().map(|c| &c[..]).collect();
            number_first(&chars, &mut items);
            written(&items)
        };
        assert_eq!(first("MIPS .2"), "2. MIPS");
        assert_eq!(first("Code Generation .12"), "12. Code Generation");
        // Not a number that is no heading's, nor one drawn first.
        assert_eq!(first("version 1.2"), "version 1.2");
        assert_eq!(first("2. MIPS"), "2. MIPS");
        assert_eq!(first(".2"), ".2");
    }

    #[test]
    fn a_right_to_left_line_reads_from_the_right_with_its_numbers_in_order() {
        // As drawn (left to right) for "הממשלה הודיעה כי האבטלה ירדה ל-4.2% ביוני 2024."
        assert_eq!(
            read(".2024 ינויב 4.2%-ל הדרי הלטבאה יכ העידוה הלשממה"),
            "הממשלה הודיעה כי האבטלה ירדה ל-4.2% ביוני 2024."
        );
        assert_eq!(
            read(".2024 وينوي يف %4.2 ىلإ تضفخنا"),
            "انخفضت إلى 4.2% في يونيو 2024."
        );
    }

    #[test]
    fn a_minus_sign_drawn_at_a_numbers_left_in_a_right_to_left_row_goes_before_it() {
        // As drawn: the 2010 figure at the left of the 2009 one, the sign at its number's
        // left.
        let visual = "0.3\t12.0\t-4.3\tםילהי אלל";
        let (classes, mut items) = line(visual);
        assert!(
            reorder(
                &classes,
                &[false; 64][..items.len()],
                &[],
                false,
                &mut items
            )
            .is_some()
        );
        let chars: Vec<[char; 1]> = items.iter().map(|&(c, _)| [c]).collect();
        let mut refs: Vec<&[char]> = chars.iter().map(|c| c.as_slice()).collect();
        signs_first(&mut refs, &mut items);
        assert_eq!(written(&items), "ללא יהלים\t-4.3\t12.0\t0.3");
    }

    #[test]
    fn a_right_to_left_tables_row_keeps_its_cells_of_figures_apart_and_in_reading_order() {
        // As drawn: the total at the left, the rank at the right.
        assert_eq!(
            read("3 001\t2 582\t419\tلمألا ةمئاق\t2"),
            "2\tقائمة الأمل\t419\t2 582\t3 001"
        );
    }

    #[test]
    fn brackets_named_by_their_shape_in_a_right_to_left_line_read_the_right_way_round() {
        // A statement's row of negative amounts, its brackets named as drawn: "(" at each
        // amount's left, ")" at its right.
        assert_eq!(
            read("(٤٢٧ ٢٤٠)\t(٦٧٠ ٩٥٠)\tةهباشملا فيلاكتلاو"),
            "والتكاليف المشابهة\t(٦٧٠ ٩٥٠)\t(٤٢٧ ٢٤٠)"
        );
        assert_eq!(read("(ةيرصم ةمهاسم ةكرش)"), "(شركة مساهمة مصرية)");
        // Named by their meaning (the opening one drawn turned at the right is "("), they
        // are right already.
        assert_eq!(read(")لوألا بابلا("), "(الباب الأول)");
        // A bracket without its pair stays as it is: a list's number, `1)`.
        assert_eq!(read("ةدام )1"), "1) مادة");
        // A line that opens with a bracketed word, its opening bracket at the right end.
        assert_eq!(read("טלשנ רשא (היצילאוקה)"), "(הקואליציה) אשר נשלט");
    }

    #[test]
    fn a_date_set_with_spaced_slashes_reads_from_the_right_as_drawn() {
        // `وتاريخ ٢٧ / ٨ / ١٤١٢ هـ`: the page draws the day at the right.
        assert_eq!(read(".ـه ١٤١٢ / ٨ / ٢٧ خيراتو"), "وتاريخ ٢٧ / ٨ / ١٤١٢ هـ.");
        assert_eq!(read("8 / 3 / 1428 خيراتب"), "بتاريخ 1428 / 3 / 8");
        // Touching signs keep a date one number; a space alone keeps a grouped figure.
        assert_eq!(read("1428/3/8 خيراتب"), "بتاريخ 1428/3/8");
        assert_eq!(read("2 582 غلبم"), "مبلغ 2 582");
        // With a Latin word, the run is left to right whole.
        assert_eq!(read("Law 8 / 2020 نوناق"), "قانون Law 8 / 2020");
    }

    #[test]
    fn a_cell_of_latin_words_in_a_right_to_left_row_reads_as_drawn() {
        // An address wrapped in a Hebrew table's last cell: its line starts with the stop
        // that ends `org`.
        assert_eq!(
            read(".il/%d7%9\tםיבוט םהש\tרוטינומה"),
            "המוניטור\tשהם טובים\t.il/%d7%9"
        );
        assert_eq!(read("8/\tםיבוט"), "טובים\t8/");
        // Latin words of a right-to-left cell's sentence stay as read.
        assert_eq!(read(".(Database\tםיבוט םה םהש"), "שהם הם טובים\tDatabase).");
    }

    #[test]
    fn a_right_to_left_paragraphs_line_of_mostly_latin_words_reads_from_the_right() {
        // `ב-ABI של MIPS.`, the last line of a Hebrew paragraph.
        let (classes, mut items) = line(".MIPS לש ABI-ב");
        let address = address_cells(&items, &classes);
        reorder(&classes, &address, &[], true, &mut items);
        assert_eq!(written(&items), "ב-ABI של MIPS.");
        // Without the page's direction, the Latin words decide.
        assert_eq!(read(".MIPS לש ABI-ב"), ".MIPS של ABI-ב");
        // A web address's letters, however many, count as none.
        let (classes, mut items) = line("http://www.egr.unlv.edu/~ed/MIPStextSMv11.pdf :ןאכ הפשה");
        let address = address_cells(&items, &classes);
        let web = web_words(&items);
        reorder(&classes, &address, &web, true, &mut items);
        assert_eq!(
            written(&items),
            "השפה כאן: http://www.egr.unlv.edu/~ed/MIPStextSMv11.pdf"
        );
    }

    #[test]
    fn latin_words_with_the_lines_own_commas_between_keep_their_order() {
        // `טעינה: lw, li ו-la`, each word typed on its own, the comma the line's: drawn
        // `li ,lw`.
        assert_eq!(
            read("la-ו li ,lw :ןורכיזהמ הניעטל"),
            "לטעינה מהזיכרון: lw, li ו-la"
        );
        // A Latin phrase's own comma, drawn touching the word on its left, stays in it.
        assert_eq!(
            read("la-ו lw, li :ןורכיזהמ הניעטל"),
            "לטעינה מהזיכרון: lw, li ו-la"
        );
    }

    #[test]
    fn a_sign_before_a_latin_word_in_a_right_to_left_line_stays_before_it() {
        // `שמירת $sp ו-$ra` (registers), drawn from the right.
        assert_eq!(read("$ra-ו $sp תרימש"), "שמירת $sp ו-$ra");
    }

    #[test]
    fn a_line_of_words_stretched_with_tatweels_reads_from_the_right() {
        assert_eq!(
            read("ناـــــيهن لآ دـــــياز نـــــب دـــــمحم"),
            "محمـــــد بـــــن زايـــــد آل نهيـــــان"
        );
    }

    #[test]
    fn a_left_to_right_line_turns_only_its_right_to_left_words() {
        assert_eq!(
            read("Unemployment fell (הכשלה :רוקמ) in 2024."),
            "Unemployment fell (מקור: הלשכה) in 2024."
        );
        assert_eq!(read("Plain English 4.2% line."), "Plain English 4.2% line.");
        // The last line of that paragraph, wrapped after "הלשכה": its period on the right.
        assert_eq!(read("תיזכרמה)."), "המרכזית).");
    }

    #[test]
    fn a_bullet_at_a_lines_right_starts_a_right_to_left_item() {
        // `• المرحلة الأولى`, drawn with its bullet at the right: an item read from the
        // right, not the last line of a left-to-right paragraph.
        assert_eq!(read("ىلوألا ةلحرملا •"), "• المرحلة الأولى");
        assert_eq!(read("םלוע םולש -"), "- שלום עולם");
    }

    #[test]
    fn an_items_bracket_and_a_numbers_brackets_named_by_their_meaning_stay() {
        // `1) מספר (1010) רשום`, a PDF naming brackets by meaning, drawn from the left: the
        // item's `)` closes nothing and the number's pair is its own.
        assert_eq!(read("םושר )1010( רפסמ )1"), "1) מספר (1010) רשום");
        // A line starting (at its right) with a bracketed number: read from the right.
        assert_eq!(read("םושר ،)1225("), "(1225)، רשום");
    }

    #[test]
    fn a_lines_bracketed_words_and_numbers_named_by_their_shape_all_turn() {
        // `بناء على المادة (السبعين) … رقم (أ/٩٠) وتاريخ`, each bracket named as drawn: the
        // first pair's `(` and the second's `)` stand side by side in reading order and
        // must not be taken for a pair.
        assert_eq!(
            read("خيراتو (٩٠/أ) مقر ... (نيعبسلا) ةداملا ىلع ءانب"),
            "بناء على المادة (السبعين) ... رقم (أ/٩٠) وتاريخ"
        );
        assert_eq!(
            read("ןולחב (תיאמצע) הדובע (Gemini ומכ) LLM שרוד"),
            "דורש LLM (כמו Gemini) עבודה (עצמאית) בחלון"
        );
    }

    #[test]
    fn a_bracket_whose_fellow_is_on_another_line_reads_by_the_word_it_touches() {
        // `(הדרך לנסות` … / … `ומה מגבלותיו)` over two lines, each bracket named as drawn.
        assert_eq!(read("תוסנל ךרדה) ?Database"), "Database? (הדרך לנסות");
        assert_eq!(read("(ויתולבגמ המו"), "ומה מגבלותיו)");
        assert_eq!(read("(\"םינגולס\" 5"), "5 \"סלוגנים\")");
        // Named by their meaning, they stay.
        assert_eq!(read("תוסנל ךרדה( ?Database"), "Database? (הדרך לנסות");
        assert_eq!(read(")ויתולבגמ המו"), "ומה מגבלותיו)");
        // A list's number stays as it is.
        assert_eq!(read("ةدام )1"), "1) مادة");
    }
}
