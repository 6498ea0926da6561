//! Figures set small and raised right after a figure (an exponent, `10`⁹, or a note's
//! number after a year, `1900`²³, or after a year's stop, `2018.`⁶) read as superscript
//! figures: read as figures they would make another number (`109`, `190023`, `2018.6`),
//! and a space between them would part one number into two. An exponent raised after a letter (`n`ᵏ, `cm`⁻³, `n`⁽⁰⁾) reads as superscript
//! letters and signs: read as letters it would make another word (`nk`, `cm-3`).

use unicode_normalization::UnicodeNormalization as _;

use super::pdf_glyphs::{Glyph, PageGlyphs};

/// The superscript form of each ASCII digit.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Rewrites as superscripts the digits drawn smaller and raised right after a digit set on
/// the line (and the digits drawn after them at their height and size).
pub fn raise_figures(page: &mut PageGlyphs) {
    let digit = |page: &PageGlyphs, g: &Glyph| {
        let t = page.text(g);
        t.len() == 1 && t[0].is_ascii_digit()
    };
    let mut raised: Vec<usize> = Vec::new();
    // Whether the glyph before is a raised figure.
    let mut in_run = false;
    for i in 1..page.glyphs.len() {
        let (p, g) = (&page.glyphs[i - 1], &page.glyphs[i]);
        if !digit(page, g) {
            in_run = false;
            continue;
        }
        let close = (g.x0 - p.x1).abs() < 0.3 * p.size.max(g.size);
        // The run goes on at the raised figures' height and size.
        let goes_on = in_run
            && close
            && (p.size - g.size).abs() < 0.05 * p.size
            && (p.baseline - g.baseline).abs() < 0.05 * p.size;
        let raised_over = |base: &Glyph| {
            g.size < 0.85 * base.size
                && base.baseline - g.baseline > 0.2 * base.size
                && base.baseline - g.baseline < 0.8 * base.size
        };
        let starts = digit(page, p) && close && raised_over(p);
        // A note's number after a figure's stop or comma (`30, 2018.`⁶): read as figures it
        // would make a decimal (`2018.6`).
        let after_stop = i >= 2
            && matches!(page.text(p), ['.' | ','])
            && digit(page, &page.glyphs[i - 2])
            && close
            && raised_over(&page.glyphs[i - 2]);
        in_run = starts || after_stop || goes_on;
        if in_run {
            raised.push(i);
        }
    }
    for i in raised {
        let at = page.glyphs[i].text as usize;
        if let Some(c) = page.chars.get_mut(at)
            && let Some(d) = c.to_digit(10)
        {
            *c = SUPERSCRIPTS[d as usize];
        }
    }
}

/// Rewrites as superscripts the small letters (one to four) drawn smaller and raised at the
/// start of a line, right before a word that starts with a capital, a figure or an opening
/// quote: a table's note mark (`ᵃNorethisterone 5 mg daily …`, `ⁱⁱ “Territories” include …`),
/// read as letters they would make another word.
pub fn raise_leading_marks(page: &mut PageGlyphs) {
    let mut marks = Vec::new();
    let mut i = 0;
    while i + 1 < page.glyphs.len() {
        let g = &page.glyphs[i];
        let starts_line = i == 0 || {
            let p = &page.glyphs[i - 1];
            (p.baseline - g.baseline).abs() > page.glyphs[i + 1].size || p.x0 >= g.x1
        };
        let letter = |k: usize| match page.text(&page.glyphs[k]) {
            [c] => c.is_ascii_lowercase() && superscript(*c).is_some(),
            _ => false,
        };
        if !starts_line || !letter(i) {
            i += 1;
            continue;
        }
        // The run of letters at the first one's height and size, each right after the last.
        let mut end = i + 1;
        while end < page.glyphs.len() && end - i < 4 && letter(end) {
            let (p, q) = (&page.glyphs[end - 1], &page.glyphs[end]);
            if (q.size - g.size).abs() > 0.05 * g.size
                || (q.baseline - g.baseline).abs() > 0.05 * g.size
                || (q.x0 - p.x1).abs() > 0.3 * g.size
            {
                break;
            }
            end += 1;
        }
        let Some(next) = page.glyphs.get(end) else {
            break;
        };
        let last = &page.glyphs[end - 1];
        let raised = g.size < 0.85 * next.size
            && g.size >= 0.5 * next.size
            && next.baseline - g.baseline > 0.2 * next.size
            && next.baseline - g.baseline < 0.8 * next.size;
        let close = (next.x0 - last.x1).abs() < 0.3 * next.size;
        let word = page.text(next).first().is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '"' | '‘' | '(')
        });
        if raised && close && word {
            marks.extend(i..end);
        }
        i = end;
    }
    for i in marks {
        let at = page.glyphs[i].text as usize;
        if let Some(c) = page.chars.get_mut(at)
            && let Some(s) = superscript(*c)
        {
            *c = s;
        }
    }
}

/// The chars that have a superscript form, and those forms, in the same order.
const FROM: &str = "0123456789+-\u{2212}=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW";
const TO: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ";

/// The superscript form of a letter, figure or sign, where Unicode has one.
fn superscript(c: char) -> Option<char> {
    let plain = if is_math_letter(c) {
        c.to_string().nfkc().next().unwrap_or(c)
    } else {
        c
    };
    FROM.chars()
        .position(|f| f == plain)
        .and_then(|i| TO.chars().nth(i))
}

/// Whether a char is a letter or figure of the mathematical alphabets (`𝑖`, `𝑇`, `𝐼`), as
/// formulas set in a sentence write them.
fn is_math_letter(c: char) -> bool {
    ('\u{1D400}'..='\u{1D7FF}').contains(&c)
}

/// Whether a char is the superscript form of a letter (`ᵃ`, `ʰ`).
pub(super) fn is_superscript_letter(c: char) -> bool {
    c.is_alphabetic() && TO.contains(c)
}

/// Rewrites as superscripts a run of glyphs drawn smaller and raised right after a letter,
/// a figure, a bracket's end or a per cent sign, when the run holds a letter, or a sign with a figure (figures alone after a
/// word are a note's number, read as figures; after a figure [`raise_figures`] reads them;
/// a sign alone marks an author's affiliation), is no ordinal's
/// ending (`1st`, `2e`) and every glyph of it has a superscript form but the commas between
/// an author's affiliations' letters (`Lane`ᵃ,ᶜ, not `Lanea,c`), which stay commas.
pub fn raise_exponents(page: &mut PageGlyphs) {
    let single = |page: &PageGlyphs, g: &Glyph| match page.text(g) {
        [c] => Some(*c),
        _ => None,
    };
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut i = 1;
    while i < page.glyphs.len() {
        let base = &page.glyphs[i - 1];
        let close = |p: &Glyph, g: &Glyph| (g.x0 - p.x1).abs() < 0.3 * p.size.max(g.size);
        // (A note's number set a space after a closing quote: `Kirmani”` ², as a word
        // processor writes it with a space typed before the note's mark.)
        let after_quote = matches!(single(page, base), Some('”' | '’' | '"'))
            && page.text(&page.glyphs[i]).iter().all(char::is_ascii_digit)
            && (page.glyphs[i].x0 - base.x1) < 0.5 * base.size;
        let raised = |g: &Glyph| {
            (close(base, g) || after_quote)
                && g.size < 0.85 * base.size
                && g.size >= 0.5 * base.size
                && base.baseline - g.baseline > 0.2 * base.size
                && base.baseline - g.baseline < 0.8 * base.size
        };
        // (After a bracket's end or a per cent sign too: `(a+b)`ⁿ, `reduction (%)`ᵇ; and
        // after a word's stop, comma or closing quote: `Israel.`⁴, `said.”`¹².)
        // (Or after a bracket that closes after a word: `(NCT of Delhi),`⁵.)
        let after_word = |k: usize| {
            k.checked_sub(1)
                .and_then(|j| single(page, &page.glyphs[j]))
                .is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | ']'))
        };
        let base_char = single(page, base);
        let base_ok = base_char
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | ']' | '%'))
            || (base_char.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '”' | '"' | '’'))
                && after_word(i - 1));
        // (Whether it follows a word: its last letter, or its stop after it.)
        // (Or its bracket, closed after a word: `(Inspector of Taxes)`⁹.)
        let after_letter = base_char
            .is_some_and(|c| !c.is_numeric() && !matches!(c, ')' | ']' | '%'))
            || (base_char.is_some_and(|c| matches!(c, ')' | ']')) && after_word(i - 1));
        if !base_ok || !raised(&page.glyphs[i]) {
            i += 1;
            continue;
        }
        // The run goes on at the first raised glyph's height and size.
        let first = &page.glyphs[i];
        let mut end = i + 1;
        while end < page.glyphs.len() {
            let (p, g) = (&page.glyphs[end - 1], &page.glyphs[end]);
            if !close(p, g)
                || (g.size - first.size).abs() > 0.05 * first.size
                || (g.baseline - first.baseline).abs() > 0.05 * first.size
            {
                break;
            }
            end += 1;
        }
        // (Not a word that goes on at the run's size off its line: text set along a curve.)
        let drifts = page.glyphs.get(end).is_some_and(|g| {
            close(&page.glyphs[end - 1], g) && (g.size - first.size).abs() <= 0.05 * first.size
        });
        let chars: Vec<Option<char>> = (i..end).map(|k| single(page, &page.glyphs[k])).collect();
        // (Commas part the marks of several affiliations, `Lane`ᵃ,ᶜ: they stay commas.)
        let all_have = chars
            .iter()
            .all(|c| c.is_some_and(|c| superscript(c).is_some() || c == ','))
            && chars.iter().any(|c| c.is_some_and(|c| c != ','));
        // (A letter, or a sign with a figure: a mark alone, `+`, is an affiliation's.)
        let letter = chars.iter().flatten().any(|c| c.is_alphabetic());
        let figure = chars.iter().flatten().any(|c| c.is_ascii_digit());
        let sign = chars
            .iter()
            .flatten()
            .any(|c| !c.is_alphanumeric() && *c != ',');
        // (Figures alone after a word: a note's number, `Sharma`¹⁰, not `Sharma10`.)
        // (A sign alone after a formula's letter is its exponent: `𝐼`⁺.)
        let math_base = base_char.is_some_and(is_math_letter);
        let not_figures =
            letter || (figure && sign) || (figure && after_letter) || (sign && math_base);
        let run: String = chars.iter().flatten().collect();
        // (An ordinal's ending goes on with a word on its line, `2a edición`; a table's
        // note mark ends its cell, `10`ᵃ.)
        let last = &page.glyphs[end - 1];
        let word_after = page.glyphs.get(end).is_some_and(|g| {
            (g.baseline - base.baseline).abs() < 0.2 * base.size
                && g.x0 > last.x1
                && g.x0 - last.x1 < base.size
        });
        let ordinal = single(page, base).is_some_and(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th", "e", "er", "re", "o", "a"].contains(&run.as_str())
            && (word_after || run.len() > 1);
        if all_have && not_figures && !ordinal && !drifts {
            runs.push((i..end).collect());
        }
        i = end;
    }
    for k in runs.into_iter().flatten() {
        let at = page.glyphs[k].text as usize;
        if let Some(c) = page.chars.get_mut(at)
            && let Some(s) = superscript(*c)
        {
            *c = s;
        }
    }
}
