//! Figures at the top of a PDF page or column: the labels of a chart or a code listing drawn
//! above its caption ("Figure 2: …"), where a sentence begun on the page or column before goes
//! on below. The text assembler moves them past the end of that sentence's paragraph, like
//! footnotes, so that the figure's words do not land inside it.

use std::collections::HashMap;

use super::pdf_layout::Line;

/// A figure's block holds at most this many lines before its caption.
const MAX_LINES: usize = 60;

/// For each page, which of its lines (those not in `skip`, the footnotes) belong to a figure
/// at the top of the page or of a column. `rights` is each column's right edge.
pub fn figure_lines(
    per_page: &[Vec<Line>],
    texts: &[Vec<String>],
    skip: &[Vec<bool>],
    rights: &HashMap<(usize, u32), f32>,
) -> Vec<Vec<bool>> {
    let texts_all = texts;
    let skip_all = skip;
    let mut all: Vec<Vec<bool>> = Vec::with_capacity(per_page.len());
    let text_size = super::pdf_text::text_size(per_page);
    for (pi, ((lines, texts), skip)) in per_page.iter().zip(texts).zip(skip).enumerate() {
        {
            let mut out = vec![false; lines.len()];
            let body: Vec<usize> = (0..lines.len()).filter(|&k| !skip[k]).collect();
            let right = |l: &Line| rights.get(&(pi, l.region)).copied().unwrap_or(l.x1);
            // Blocks start at the page's first line and wherever a column begins.
            let starts = body
                .iter()
                .enumerate()
                .filter(|&(i, &k)| i == 0 || lines[body[i - 1]].region != lines[k].region);
            let starts: Vec<usize> = starts.map(|(i, _)| i).collect();
            // The last line of text before the page, for a sentence going on over it (past
            // the pages of figures and tables set aside before).
            let last_before = (0..pi).rev().find_map(|p| {
                (0..per_page[p].len())
                    .rev()
                    .find(|&k| !skip_all[p][k] && !all[p][k])
                    .map(|k| texts_all[p][k].as_str())
            });
            // A page of a table and nothing else, set where a sentence stops, waits for it.
            if let Some(before) = last_before
                && table_page(lines, texts, &body, (&right, text_size), before)
            {
                set_aside(&mut out, &body);
                all.push(out);
                continue;
            }
            // A box inside a column under a sentence that goes on past it.
            for i in 1..body.len() {
                let (k, above) = (body[i], body[i - 1]);
                if out[k] || lines[k].region != lines[above].region {
                    continue;
                }
                let before = Some(texts[above].as_str());
                if let Some(next) =
                    box_at(lines, texts, &body, (i, false), (&right, text_size), before)
                {
                    set_aside(&mut out, &body[i..next]);
                }
            }
            for mut i in starts {
                // (The text before, past a box set aside.)
                let before = match (0..i).rev().map(|j| body[j]).find(|&k| !out[k]) {
                    Some(k) => Some(texts[k].as_str()),
                    None => last_before,
                };
                if out[body[i]] {
                    continue;
                }
                if let Some(next) =
                    box_at(lines, texts, &body, (i, true), (&right, text_size), before)
                {
                    set_aside(&mut out, &body[i..next]);
                    continue;
                }
                if let Some(next) = chart_at(lines, texts, &body, i, (&right, text_size), before) {
                    set_aside(&mut out, &body[i..next]);
                    continue;
                }
                if i == 0
                    && let Some(next) = head_word_at(lines, texts, &body, &right, before)
                {
                    set_aside(&mut out, &body[..next]);
                    continue;
                }
                // One figure after another, while each ends in its caption.
                while let Some(next) = figure_at(lines, texts, &body, i, (&right, text_size)) {
                    set_aside(&mut out, &body[i..next]);
                    i = beside_caption(lines, texts, &body, i, next);
                    set_aside(&mut out, &body[next..i]);
                }
            }
            // A table under its caption inside a column, where a sentence of that column
            // stops over it (`The WMD of SF was`, the table at the column's foot, the
            // sentence going on over the page or under the table), waits for the sentence.
            for i in 1..body.len() {
                let (k, above) = (body[i], body[i - 1]);
                if out[k]
                    || out[above]
                    || lines[k].region != lines[above].region
                    || !is_caption(&texts[k])
                    || is_figure_caption(&texts[k])
                {
                    continue;
                }
                let before = Some(texts[above].as_str());
                if let Some(next) = chart_at(lines, texts, &body, i, (&right, text_size), before) {
                    set_aside(&mut out, &body[i..next]);
                }
            }
            all.push(out);
        }
    }
    all
}

/// A box set in a column (a journal's `Main messages`, `Current research questions`) where
/// the sentence before it (`before`) stops inside and goes on past it: a short heading set
/// larger than the text (of size `text_size`) and three lines or more, all set in another
/// size than the text and inset from both of the column's edges, from the column's top
/// (`top`) to a line that goes on in a small letter, or to the column's foot. Where the
/// lines after it start in `body`.
fn box_at(
    lines: &[Line],
    texts: &[String],
    body: &[usize],
    (i, top): (usize, bool),
    (right, text_size): (&dyn Fn(&Line) -> f32, f32),
    before: Option<&str>,
) -> Option<usize> {
    // (A sentence's words: not a title page's last line, `Москва`.)
    let before = before?.trim_end();
    if before.split_whitespace().count() < 5 || before.contains('\t') || ends_clause(before) {
        return None;
    }
    let first = &lines[*body.get(i)?];
    let (left, edge) = (first.bounds.0, right(first));
    let inset = |l: &Line| {
        l.x0 >= left + 2.0
            && l.x1 <= edge - 2.0
            && !l.has_tab()
            && (l.size - text_size).abs() >= 0.04 * text_size
    };
    let heading = texts[body[i]].split_whitespace().count() <= 6 && first.size > text_size;
    if !heading || !inset(first) {
        return None;
    }
    let n = body[i..]
        .iter()
        .take_while(|&&k| lines[k].region == first.region && inset(&lines[k]))
        .count();
    let end = i + n;
    let after = body.get(end).filter(|&&k| lines[k].region == first.region);
    let goes_on = match after {
        None => true,
        Some(&k) => top && texts[k].starts_with(char::is_lowercase),
    };
    (n >= 4 && goes_on).then_some(end)
}

/// Marks `lines` as a float's, read after the paragraph they interrupt.
fn set_aside(out: &mut [bool], lines: &[usize]) {
    for &k in lines {
        out[k] = true;
    }
}

/// Whether a page is a table and nothing else (its caption first and no line of prose going
/// on in a small letter, or rows of cells first and for most of its lines and no line of
/// prose), after text that stops inside a sentence (`before`):
/// the sentence goes on after it, on a later page.
fn table_page(
    lines: &[Line],
    texts: &[String],
    body: &[usize],
    (right, text_size): (&dyn Fn(&Line) -> f32, f32),
    before: &str,
) -> bool {
    let before = before.trim_end();
    let prose = |k: usize| is_prose(&lines[k], &texts[k], right(&lines[k]));
    // (A table's last row before a page of its next rows is no sentence, nor a title
    // page's date: `31 December 2024`.)
    if before.is_empty()
        || before.contains('\t')
        || before.ends_with(char::is_numeric)
        || ends_clause(before)
        || super::pdf_notes::starts_note_label(before)
        || body.len() < 3
    {
        return false;
    }
    // (The line at the page's top, wherever its column comes in reading order: a landscape
    // table's caption over columns read one after the other.)
    let top = body
        .iter()
        .copied()
        .min_by(|&a, &b| lines[a].baseline.total_cmp(&lines[b].baseline))
        .unwrap_or(body[0]);
    let first = if is_caption(&texts[top]) {
        top
    } else {
        body[0]
    };
    let rows = body.iter().filter(|&&k| lines[k].has_tab()).count();
    if is_caption(&texts[first]) {
        // Under its caption (`Table 2 … (Continued)`), cells of words may read as prose;
        // the sentence going on would start in a small letter, in the text's size (a
        // cell's wrapped line is set smaller).
        body.iter().all(|&k| {
            !(prose(k)
                && texts[k].starts_with(char::is_lowercase)
                && lines[k].size >= 0.92 * text_size)
        })
    } else {
        // (Nor a line of words that goes on in a small letter: the sentence's end.)
        let goes_on = |k: usize| {
            !lines[k].has_tab()
                && texts[k].starts_with(char::is_lowercase)
                && texts[k].split_whitespace().count() >= 3
        };
        lines[first].has_tab()
            && 2 * rows >= body.len()
            && body.iter().all(|&k| !prose(k) && !goes_on(k))
    }
}

/// The figure whose lines start at `body[i]`: where the lines after its caption start in
/// `body`, or `None` when no caption closes lines that are not prose.
fn figure_at(
    lines: &[Line],
    texts: &[String],
    body: &[usize],
    i: usize,
    (right, text_size): (&dyn Fn(&Line) -> f32, f32),
) -> Option<usize> {
    let caption = body
        .get(i..)?
        .iter()
        .take(MAX_LINES + 1)
        .position(|&k| is_caption(&texts[k]))?;
    // A figure's caption standing first (under a picture with no words) goes alone; a
    // table's caption stands above its table, and stays with it.
    if caption == 0 && !is_figure_caption(&texts[body[i]]) {
        return None;
    }
    let block = &body[i..i + caption];
    // The text's own lines are set in its size; a code listing's, set smaller, are not.
    let in_text_size = |k: usize| lines[k].size >= 0.92 * text_size;
    let first = block.first().map_or("", |&k| texts[k].as_str());
    // What goes on from the page before starts in a small letter and reads as words (a
    // code listing's first line may start in one too); a figure's labels are not lines of
    // prose.
    if (first.chars().next().is_some_and(char::is_lowercase)
        && first.split_whitespace().count() >= 4
        && block.first().is_some_and(|&k| in_text_size(k)))
        || block
            .iter()
            .any(|&k| in_text_size(k) && is_prose(&lines[k], &texts[k], right(&lines[k])))
    {
        return None;
    }
    // The caption, to the gap under it.
    let mut end = i + caption + 1;
    while let Some(&k) = body.get(end) {
        let (a, b) = (&lines[body[end - 1]], &lines[k]);
        let pitch = b.baseline - a.baseline;
        if b.region != a.region
            || pitch <= 0.0
            || pitch > 1.4 * a.size
            || (a.size - b.size).abs() > 0.15 * a.size
        {
            break;
        }
        end += 1;
    }
    Some(end)
}

/// Past the caption of a figure or table set beside the one that ends at `body[end]` (two
/// tables side by side, each captioned under it: the second caption stands no lower than the
/// first one's last line): where the lines after it start in `body`.
fn beside_caption(
    lines: &[Line],
    texts: &[String],
    body: &[usize],
    start: usize,
    end: usize,
) -> usize {
    let Some(&k) = body.get(end) else {
        return end;
    };
    let bottom = body[start..end]
        .iter()
        .map(|&j| lines[j].baseline)
        .fold(f32::MIN, f32::max);
    if !is_caption(&texts[k]) || lines[k].baseline > bottom {
        return end;
    }
    let mut next = end + 1;
    while let Some(&j) = body.get(next) {
        let (a, b) = (&lines[body[next - 1]], &lines[j]);
        if b.baseline <= a.baseline || b.baseline - a.baseline > 1.4 * a.size {
            break;
        }
        next += 1;
    }
    next
}

/// A chart without a caption (or a table under its caption) at the top of a page or column,
/// where the sentence of the text before (`before`, stopping inside it) goes on below: its
/// title, scale (three numbers on
/// lines of their own or more) and labels (most lines short or of figures, no caption), up
/// to the first line of prose, which goes on in a small letter. Where the lines after it
/// start in `body`.
fn chart_at(
    lines: &[Line],
    texts: &[String],
    body: &[usize],
    i: usize,
    (right, text_size): (&dyn Fn(&Line) -> f32, f32),
    before: Option<&str>,
) -> Option<usize> {
    let before = before?.trim_end();
    // (A table's source at the foot of the page before is no sentence: `Fuente: Sivigila.
    // …, 2015-2016`.)
    if before.is_empty() || ends_clause(before) || super::pdf_notes::starts_note_label(before) {
        return None;
    }
    let rest = body.get(i..)?;
    // A caption standing first is read past (its lines go on in small letters too).
    let skip = match rest.first() {
        Some(&k) if is_caption(&texts[k]) => {
            1 + rest
                .windows(2)
                .take_while(|w| {
                    let (a, b) = (&lines[w[0]], &lines[w[1]]);
                    b.baseline > a.baseline
                        && b.baseline - a.baseline <= 1.5 * a.size
                        && (a.size - b.size).abs() <= 0.15 * a.size
                        && !b.has_tab()
                })
                .count()
        }
        _ => 0,
    };
    // The sentence goes on in a small letter (in a line of prose, or the first line past
    // the figure's column: a table beside the text), not in a table's note set much
    // smaller under its rows (`aNorethisterone 5 mg …`); a figure with a caption is another
    // rule's.
    let column = lines[rest[0]].region;
    let under = &rest[skip..];
    let goes_on = (0..under.len().min(MAX_LINES + 1)).find(|&n| {
        let k = under[n];
        let table_note =
            lines[k].size <= 0.8 * text_size && under[..n].iter().any(|&r| lines[r].has_tab());
        texts[k].starts_with(char::is_lowercase)
            && !table_note
            && (is_prose(&lines[k], &texts[k], right(&lines[k])) || lines[k].region != column)
    });
    // (A table under its caption at the page's foot waits for the sentence to go on over
    // the page.)
    let Some(j) = goes_on.map(|j| skip + j) else {
        if skip == 0 || rest.len() > MAX_LINES {
            return None;
        }
        return captioned_table(lines, texts, rest, right).map(|end| i + end);
    };
    let block = &rest[..j];
    if let Some(end) = captioned_table(lines, texts, block, right) {
        return Some(i + end);
    }
    // No line of prose in it but its title.
    if block.len() < 3
        || block.iter().any(|&k| is_caption(&texts[k]))
        || block[1..]
            .iter()
            .any(|&k| is_prose(&lines[k], &texts[k], right(&lines[k])))
    {
        return None;
    }
    // A scale: three lines or more of a number alone.
    let scale = block
        .iter()
        .filter(|&&k| {
            let t = texts[k].trim();
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%'))
        })
        .count();
    let chart_like = block
        .iter()
        .filter(|&&k| {
            let t = &texts[k];
            t.split_whitespace().count() <= 3 || t.contains(|c: char| c.is_ascii_digit())
        })
        .count();
    (scale >= 3 && 3 * chart_like >= 2 * block.len()).then_some(i + j)
}

/// A page's head of a word or two (`Syllabus`, a section's name) set over the rest of a
/// sentence the page before stopped inside (`must follow the` / `Syllabus` / `procedures
/// applicable …`): it waits for the sentence's end, which goes on in small letters under
/// it. Where the lines after it start in `body`.
fn head_word_at(
    lines: &[Line],
    texts: &[String],
    body: &[usize],
    right: &dyn Fn(&Line) -> f32,
    before: Option<&str>,
) -> Option<usize> {
    let before = before?.trim_end();
    let unfinished = before
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || c == ',')
        && !before.contains('\t');
    let (&head, rest) = body.split_first()?;
    let &next = rest.first()?;
    let head_text = texts[head].trim();
    let words = head_text.split_whitespace().count();
    // (Or a running head in capitals: `2011 IPEC ANNUAL REPORT ON INTELLECTUAL PROPERTY
    // ENFORCEMENT`, printed on every other page.)
    let capitals = words <= 12
        && !head_text.contains(char::is_lowercase)
        && head_text.chars().filter(|c| c.is_uppercase()).count() >= 4;
    let short = ((1..=3).contains(&words)
        && head_text.chars().next().is_some_and(char::is_uppercase)
        || capitals)
        && !head_text.ends_with(['.', ':', ';'])
        && !lines[head].has_tab();
    // (The sentence's last line may stop short of the column's edge.)
    let goes_on = texts[next].starts_with(char::is_lowercase)
        && (texts[next].split_whitespace().count() >= 3
            || is_prose(&lines[next], &texts[next], right(&lines[next])));
    // (A running head stands apart, over the page's white: not a title over its byline.)
    let apart = lines[next].baseline - lines[head].baseline >= 1.5 * lines[next].size;
    (unfinished && short && goes_on && apart).then_some(1)
}

/// A table with its caption above it at the start of `block` (the lines before a sentence
/// that goes on): the caption's lines set close, then rows of cells with no line of prose
/// among them but the table's notes and source, to the end of the block. How many lines it
/// has.
fn captioned_table(
    lines: &[Line],
    texts: &[String],
    block: &[usize],
    right: &dyn Fn(&Line) -> f32,
) -> Option<usize> {
    let (&first, _) = block.split_first()?;
    if !is_caption(&texts[first]) {
        return None;
    }
    let rows = block.iter().position(|&k| lines[k].has_tab())?;
    let caption_close = block[..rows].windows(2).all(|w| {
        let (a, b) = (&lines[w[0]], &lines[w[1]]);
        b.baseline > a.baseline && b.baseline - a.baseline <= 1.5 * a.size
    });
    // Its notes and source under it are its own (`Source: …`, `* Denotes …`, `1 Age-…`).
    let table_note = |t: &str| {
        let t = t.trim_start();
        ["Source", "Note", "*", "†", "–"]
            .iter()
            .any(|p| t.starts_with(p))
            || super::pdf_notes::starts_note_label(t)
            || super::pdf_notes::starts_with_note_mark(t)
    };
    // (The notes run on to the block's end, their lines after the first unmarked; they may
    // be set smaller than the rows, their marks glued on, `aNorethisterone …`.)
    let row_size = lines[block[rows]].size;
    let rest: Vec<usize> = block[rows..]
        .iter()
        .copied()
        .take_while(|&k| !table_note(&texts[k]) && lines[k].size >= 0.9 * row_size)
        .collect();
    let cells = rest.iter().filter(|&&k| lines[k].has_tab()).count();
    let no_prose = rest
        .iter()
        .all(|&k| !is_prose(&lines[k], &texts[k], right(&lines[k])));
    (caption_close && no_prose && 2 * cells >= rest.len()).then_some(block.len())
}

/// Whether a line starts a figure's caption (`Figure 2:`, `Fig. 3.`), not a table's.
fn is_figure_caption(text: &str) -> bool {
    is_caption(text)
        && text.split_whitespace().next().is_some_and(|w| {
            matches!(
                w.trim_end_matches('.').to_lowercase().as_str(),
                "figure" | "fig"
            )
        })
}

/// Whether text ends a sentence or a clause (`.`, `:`, a closing quote or bracket): no
/// sentence goes on past a float after it.
fn ends_clause(text: &str) -> bool {
    text.ends_with(['.', ':', ';', '!', '?', '"', '\u{201D}', ')'])
}

/// Whether a line starts a caption: `Figure 2:`, `Fig. 3.`, `Table 1`, `Listing 4`, and in
/// Spanish, French and German (`Cuadro 3.3`, `Tableau 2`, `Abbildung 1`).
pub(super) fn is_caption(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(name), Some(mut number)) = (words.next(), words.next()) else {
        return false;
    };
    // (Past a sign for "number": `Tabla N° 45`, `Table No. 3`.)
    if matches!(
        number,
        "N°" | "Nº" | "No." | "No" | "n°" | "nº" | "Núm." | "núm."
    ) && let Some(n) = words.next()
    {
        number = n;
    }
    let name = name.trim_end_matches('.').to_lowercase();
    let number = number.trim_end_matches(['.', ':']);
    matches!(
        name.as_str(),
        "figure"
            | "fig"
            | "table"
            | "chart"
            | "exhibit"
            | "listing"
            | "graph"
            | "map"
            | "mapa"
            | "carte"
            | "karte"
            | "cuadro"
            | "tabla"
            | "figura"
            | "gráfica"
            | "gráfico"
            | "tableau"
            | "graphique"
            | "tabelle"
            | "abbildung"
    ) && !number.is_empty()
        && (number.chars().next().is_some_and(|c| c.is_ascii_digit())
            && number
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.')
            || is_roman_numeral(number))
}

/// Whether a word is a number in capital Roman numerals, as IEEE papers number their tables
/// (`TABLE II:`): up to six of `I V X L C`.
fn is_roman_numeral(word: &str) -> bool {
    (1..=6).contains(&word.len())
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// Whether a line reads as a line of prose: five words or more, some of them in small
/// letters (a table's heading of names, `NQ TriviaQA WQ TREC SQuAD`, is not), no cells,
/// reaching its column's right edge.
fn is_prose(line: &Line, text: &str, right: f32) -> bool {
    let words = text.split_whitespace();
    let small = words
        .clone()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    // (A line set from past its column's middle is a cell's, under its column of a table.)
    let from_middle = line.x0 > line.bounds.0 + 0.5 * (line.bounds.1 - line.bounds.0);
    !line.has_tab()
        && !from_middle
        && words.count() >= 5
        && small >= 2
        && line.x1 >= right - 2.0 * line.size
}
