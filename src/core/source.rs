//! What kind of file a document's text comes from, and the article metadata read from it
//! (title, byline, publication date, URL): plain data, shown in the window, stored in the
//! sidecar and used by exports.

use serde::{Deserialize, Serialize};

/// The kind of file a document is, which decides how its text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DocumentKind {
    /// Plain text: the file's text, normalized.
    #[default]
    Text,
    /// Markdown: the source text as written, normalized like plain text (offsets count the
    /// markup too); shown with headings and emphasis styled.
    Markdown,
    /// An HTML page: the readable article text extracted from it.
    Html,
    /// A PDF: the text of its pages in reading order, with where each char was drawn.
    Pdf,
}

impl DocumentKind {
    /// The kind of a file from its extension (case-insensitive): `html`/`htm`/`xhtml` are
    /// HTML, `pdf` is PDF, `md`/`markdown` are Markdown, anything else is plain text.
    pub fn from_extension(extension: &str) -> Self {
        match extension.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "md" | "markdown" => Self::Markdown,
            "pdf" => Self::Pdf,
            _ => Self::Text,
        }
    }

    /// A short lowercase name: `text`, `markdown`, `html` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }
}

/// What a page says about itself. Every field is optional: only what the page has is read,
/// nothing is guessed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The article's title (`og:title`, else `<title>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who wrote it (`<meta name="author">`, `article:author`, JSON-LD `author.name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When it was published, as the page gives it (ISO 8601 in practice, e.g.
    /// `2025-03-14` or `2025-03-14T09:30:00+01:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The article's canonical URL (`<link rel="canonical">`, else `og:url`); absolute
    /// `http(s)` URLs only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Metadata {
    /// Whether the page gave none of the fields.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.byline.is_none()
            && self.published.is_none()
            && self.url.is_none()
    }

    /// The publication date as `YYYY-MM-DD`, if `published` starts with a valid calendar
    /// date.
    pub fn published_date(&self) -> Option<String> {
        let p = self.published.as_deref()?.trim();
        let date = p.get(..10)?;
        let rest = &p[10..];
        let ok_rest = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
        (ok_rest && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
            .then(|| date.to_owned())
    }
}

/// Where the pages of a PDF are in its extracted text, and where on its page each char was
/// drawn: enough to say on which pages an annotation is, and to outline it on the page.
/// Offsets are chars of the normalized text, as everywhere.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pages {
    /// Every page of the PDF, in order, also those with no text (whose span is empty).
    pub pages: Vec<PageSpan>,
    /// One per char of the text: where it was drawn, or `None` for the spaces and line breaks
    /// the extractor put between words, lines and paragraphs.
    pub boxes: Vec<Option<CharBox>>,
    /// The numbers of the pages whose content could not all be read (a damaged file): text
    /// drawn on them is missing.
    pub damaged: Vec<u32>,
    /// How many pages the PDF says it has that could not be found at all (its page tree is
    /// damaged): their text is missing.
    pub missing: u32,
    /// Whether the PDF's list of its pages cannot be read at all (the pages shown were found
    /// by searching the file; others may be missing).
    pub page_tree_damaged: bool,
    /// The numbers of the pages that are pictures of text with no text layer (scanned pages
    /// in a PDF whose other pages have text): their words are not in the text.
    pub scanned: Vec<u32>,
    /// The pages with chars whose font does not say which letters they are (shown as
    /// U+FFFD), and how many each has.
    pub unreadable: Vec<(u32, usize)>,
    /// The pages with chars drawn by a symbol font that names its symbols as letters, whose
    /// shape is neither their letter's nor a known symbol's (so their text may be wrong), and
    /// how many each has.
    pub doubtful: Vec<(u32, usize)>,
    /// The pages with a block of text set turned (a table turned sideways on an upright
    /// page), which is left out of the text, and how many chars each has so.
    pub sideways: Vec<(u32, usize)>,
    /// The pages most of whose letters read as accented Latin letters and signs (fonts that
    /// name another script's letters by an old 8-bit encoding), and how many each has.
    pub garbled: Vec<(u32, usize)>,
}

/// How many chars, and on which pages, in words (`7 characters`, `pages 3–4`), for counts of
/// chars by page; `None` when there are none.
fn chars_on_pages(counts: &[(u32, usize)]) -> Option<(String, String)> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let pages: Vec<u32> = counts.iter().map(|(p, _)| *p).collect();
    let (first, rest) = pages.split_first()?;
    let chars = if total == 1 {
        "1 character".to_owned()
    } else {
        format!("{total} characters")
    };
    let on = if rest.is_empty() {
        format!("page {first}")
    } else {
        format!("pages {}", page_list(&pages))
    };
    Some((chars, on))
}

/// One page: its number and where the chars drawn on it are in the text (in order, except
/// that a page's footnotes come after the paragraph that goes on over the page's foot, so
/// they may follow the next page's first lines).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSpan {
    /// 1-based, as PDF viewers count (`#page=N`), not the number printed on the page.
    pub number: u32,
    /// The first char drawn on the page.
    pub start: usize,
    /// Just past the last char drawn on it (`start` when it has none). The chars between
    /// are the page's, except where another page's text comes first (see above).
    pub end: usize,
    /// Its width in points (1/72 inch), as shown (rotation applied).
    pub width: f32,
    /// Its height in points.
    pub height: f32,
}

/// Where one char was drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharBox {
    /// The page's number (1-based).
    pub page: u32,
    /// Left, top, right, bottom in points from the page's top-left corner.
    pub rect: [f32; 4],
}

/// An area of a page that an annotation covers: the union of its chars on one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRect {
    /// The page's number (1-based).
    pub page: u32,
    /// Left, top, right, bottom in points from the page's top-left corner.
    pub rect: [f32; 4],
}

impl Pages {
    /// What to tell a reader when some pages could not be read (damaged, or scanned with no
    /// text layer): which, and what to do.
    pub fn damage(&self) -> Option<String> {
        let parts: Vec<String> = [
            self.damaged_pages(),
            self.scanned_pages(),
            self.unreadable_chars(),
            self.doubtful_chars(),
            self.garbled_chars(),
            self.sideways_chars(),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// What to tell a reader of chars that could not be read, if any.
    fn unreadable_chars(&self) -> Option<String> {
        let (chars, on) = chars_on_pages(&self.unreadable)?;
        Some(format!(
            "{chars} on {on} could not be read (the PDF's font does not say which letters they are): they show as \u{FFFD}. Check them against the page view before quoting."
        ))
    }

    /// What to tell a reader of chars whose text may be wrong, if any.
    fn doubtful_chars(&self) -> Option<String> {
        let (chars, on) = chars_on_pages(&self.doubtful)?;
        Some(format!(
            "{chars} on {on} may read wrong: the PDF draws them with a symbol font that names its symbols as letters, and their shapes match no known symbol. Check them against the page view before quoting."
        ))
    }

    /// What to tell a reader of text that reads as accented Latin letters, if any.
    fn garbled_chars(&self) -> Option<String> {
        let (chars, on) = chars_on_pages(&self.garbled)?;
        Some(format!(
            "{chars} on {on} read as accented Latin letters and signs in words no language writes (ÌÈ˜¯Ù‰): the PDF's fonts name another script's letters (Hebrew, Arabic, Greek) by an old 8-bit encoding, so the text is not what the page shows. Read those pages in the page view; OCR (e.g. ocrmypdf) reads them correctly."
        ))
    }

    /// What to tell a reader of text set turned and left out, if any.
    fn sideways_chars(&self) -> Option<String> {
        let (chars, on) = chars_on_pages(&self.sideways)?;
        Some(format!(
            "{chars} on {on} are set turned (a table or a block of text turned sideways on the page) and are left out of the text. Read them in the page view."
        ))
    }

    /// What to tell a reader of the pages that are pictures with no text layer, if any.
    fn scanned_pages(&self) -> Option<String> {
        let (first, rest) = self.scanned.split_first()?;
        let (which, are) = if rest.is_empty() {
            (format!("Page {first}"), "is a picture")
        } else {
            (
                format!("Pages {}", page_list(&self.scanned)),
                "are pictures",
            )
        };
        Some(format!(
            "{which} of this PDF {are} with no text layer (a scan, a cover or a full-page figure): words printed there are not in the text and cannot be annotated. If they are scanned, run the PDF through OCR (e.g. ocrmypdf) to read them."
        ))
    }

    /// What to tell a reader of damaged or missing pages, if any.
    fn damaged_pages(&self) -> Option<String> {
        if self.missing > 0 {
            let found = self.pages.len();
            let declared = found + self.missing as usize;
            let pages = if self.missing == 1 { "page" } else { "pages" };
            let also = match self.damaged.len() {
                0 => String::new(),
                1 => format!(" Page {} is damaged too.", self.damaged[0]),
                n => format!(" {n} more pages are damaged too."),
            };
            return Some(format!(
                "This PDF says it has {declared} pages, but {} of them could not be found (the file is damaged): the text of the missing {pages} is not here.{also} Open the PDF in a viewer, save or print it to a new PDF, and open that.",
                self.missing
            ));
        }
        if self.page_tree_damaged {
            let found = self.pages.len();
            let pages = if found == 1 { "page" } else { "pages" };
            return Some(format!(
                "The list of pages of this PDF is damaged: {found} {pages} could be found by searching the file, and others may be missing here. Open the PDF in a viewer, save or print it to a new PDF, and open that."
            ));
        }
        let (last, rest) = self.damaged.split_last()?;
        const SHOWN: usize = 8;
        let pages = if rest.is_empty() {
            format!("Page {last} of this PDF")
        } else if rest.len() < SHOWN {
            let rest: Vec<String> = rest.iter().map(u32::to_string).collect();
            format!("Pages {} and {last} of this PDF", rest.join(", "))
        } else {
            let shown: Vec<String> = rest[..SHOWN].iter().map(u32::to_string).collect();
            format!(
                "Pages {} and {} more of this PDF",
                shown.join(", "),
                rest.len() + 1 - SHOWN
            )
        };
        let verb = if rest.is_empty() { "is" } else { "are" };
        Some(format!(
            "{pages} {verb} damaged and could not be read whole: text on {} is missing here. Open the PDF in a viewer, save or print it to a new PDF, and open that.",
            if rest.is_empty() { "it" } else { "them" }
        ))
    }

    /// The boxes of the chars of `start..end` that were drawn (separators have none).
    fn drawn(&self, start: usize, end: usize) -> impl Iterator<Item = &CharBox> {
        let end = end.min(self.boxes.len());
        self.boxes
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .flatten()
    }

    /// The page numbers of the chars in `start..end`, in the order of the text, each once:
    /// one page for most annotations, two for one that crosses a page break. Empty when no
    /// char of the span was drawn (it holds only separators) or it is out of range.
    pub fn pages_of(&self, start: usize, end: usize) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for b in self.drawn(start, end) {
            if !out.contains(&b.page) {
                out.push(b.page);
            }
        }
        out
    }

    /// The first and last page of `start..end`, if any char of it was drawn.
    pub fn page_range(&self, start: usize, end: usize) -> Option<(u32, u32)> {
        let pages = self.pages_of(start, end);
        Some((*pages.iter().min()?, *pages.iter().max()?))
    }

    /// The areas `start..end` covers: one rectangle per page and line (chars whose boxes
    /// overlap vertically on the same page are one line), in text order.
    pub fn rects_of(&self, start: usize, end: usize) -> Vec<PageRect> {
        let union = |a: [f32; 4], b: [f32; 4]| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        };
        let mut out: Vec<PageRect> = Vec::new();
        for b in self.drawn(start, end) {
            out.push(PageRect {
                page: b.page,
                rect: b.rect,
            });
            // Each char joins the rectangle it stands beside among the line's last few, either
            // way along the line (a right-to-left line's chars go leftward); a run that comes
            // back beside an earlier one is joined too (the digits of a bracketed number, read
            // left to right inside a right-to-left line, end beside its opening bracket). A
            // number at the other end of a right-to-left line stays a rectangle of its own, not
            // one over the words between.
            while out.len() >= 2 {
                let last = out[out.len() - 1];
                let near = out.len().saturating_sub(5)..out.len() - 1;
                let Some(k) = near.rev().find(|&k| touches(&out[k], &last)) else {
                    break;
                };
                out[k].rect = union(out[k].rect, last.rect);
                out.truncate(out.len() - 1);
                if k + 1 != out.len() {
                    break;
                }
            }
        }
        out
    }

    /// The page a char offset is on: the page of the nearest char drawn at or before it (a
    /// separator between two pages belongs to the earlier one), else the first drawn after.
    pub fn page_at(&self, at: usize) -> Option<u32> {
        let upto = at.saturating_add(1).min(self.boxes.len());
        self.boxes[..upto]
            .iter()
            .rev()
            .flatten()
            .next()
            .or_else(|| {
                self.boxes
                    .get(at..)
                    .unwrap_or_default()
                    .iter()
                    .flatten()
                    .next()
            })
            .map(|b| b.page)
    }
}

/// Whether two rectangles stand on one line of one page, side by side or overlapping (no
/// more than a line's height apart), and of one line's height: a drop capital set beside
/// three lines keeps its own rectangle, not one over the three.
fn touches(a: &PageRect, b: &PageRect) -> bool {
    let ([al, at, ar, ab], [bl, bt, br, bb]) = (a.rect, b.rect);
    let overlap = ab.min(bb) - at.max(bt);
    let height = (ab - at).min(bb - bt).max(0.0);
    let line = (ab - at).max(bb - bt);
    a.page == b.page
        && overlap > 0.5 * height
        && line <= 1.8 * height
        && bl <= ar + line
        && br >= al - line
}

/// Page numbers as a reader writes them: runs as ranges, the last joined by "and"
/// (`7–11`, `3, 5 and 8–9`).
fn page_list(pages: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &p in pages {
        match runs.last_mut() {
            Some(run) if run.1 + 1 == p => run.1 = p,
            _ => runs.push((p, p)),
        }
    }
    let shown: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}\u{2013}{b}")
            }
        })
        .collect();
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn damaged_pages_are_named_with_what_to_do() {
        let with = |damaged: Vec<u32>| Pages {
            damaged,
            ..Pages::default()
        };
        assert_eq!(with(vec![]).damage(), None);
        let one = with(vec![4]).damage().unwrap();
        assert!(one.starts_with("Page 4 of this PDF is damaged"), "{one}");
        assert!(one.contains("save or print it to a new PDF"), "{one}");
        let two = with(vec![4, 11]).damage().unwrap();
        assert!(
            two.starts_with("Pages 4 and 11 of this PDF are damaged"),
            "{two}"
        );
        let many = with((1..=20).collect()).damage().unwrap();
        assert!(
            many.starts_with("Pages 1, 2, 3, 4, 5, 6, 7, 8 and 12 more of this PDF"),
            "{many}"
        );
        let lost = Pages {
            pages: vec![
                PageSpan {
                    number: 1,
                    start: 0,
                    end: 0,
                    width: 1.0,
                    height: 1.0,
                };
                2
            ],
            missing: 3,
            ..Pages::default()
        };
        let lost = lost.damage().unwrap();
        assert!(
            lost.starts_with("This PDF says it has 5 pages, but 3 of them could not be found"),
            "{lost}"
        );
        let searched = Pages {
            page_tree_damaged: true,
            scanned: Vec::new(),
            unreadable: Vec::new(),
            doubtful: Vec::new(),
            sideways: Vec::new(),
            garbled: Vec::new(),
            ..Pages::default()
        };
        let searched = searched.damage().unwrap();
        assert!(
            searched.starts_with("The list of pages of this PDF is damaged"),
            "{searched}"
        );
    }

    use super::*;

    #[test]
    fn pages_and_rects_of_a_span() {
        let bx = |page, x: f32, y: f32| {
            Some(CharBox {
                page,
                rect: [x, y, x + 5.0, y + 10.0],
            })
        };
        // "ab cd" on page 1 (two lines: "ab" and "cd"), "\n\n", "ef" on page 3.
        let pages = Pages {
            damaged: Vec::new(),
            missing: 0,
            page_tree_damaged: false,
            scanned: Vec::new(),
            unreadable: Vec::new(),
            doubtful: Vec::new(),
            sideways: Vec::new(),
            garbled: Vec::new(),
            pages: vec![
                PageSpan {
                    number: 1,
                    start: 0,
                    end: 5,
                    width: 600.0,
                    height: 800.0,
                },
                PageSpan {
                    number: 2,
                    start: 5,
                    end: 5,
                    width: 600.0,
                    height: 800.0,
                },
                PageSpan {
                    number: 3,
                    start: 7,
                    end: 9,
                    width: 600.0,
                    height: 800.0,
                },
            ],
            boxes: vec![
                bx(1, 10.0, 10.0),
                bx(1, 15.0, 10.0),
                None,
                bx(1, 10.0, 30.0),
                bx(1, 15.0, 30.0),
                None,
                None,
                bx(3, 10.0, 10.0),
                bx(3, 15.0, 10.0),
            ],
        };
        assert_eq!(pages.pages_of(0, 2), vec![1]);
        assert_eq!(pages.pages_of(3, 9), vec![1, 3]);
        assert_eq!(pages.pages_of(5, 7), Vec::<u32>::new());
        assert_eq!(pages.page_range(1, 8), Some((1, 3)));
        let rects = pages.rects_of(0, 9);
        assert_eq!(rects.len(), 3, "{rects:?}");
        assert_eq!(rects[0].rect, [10.0, 10.0, 20.0, 20.0]);
        assert_eq!(rects[1].rect, [10.0, 30.0, 20.0, 40.0]);
        assert_eq!(rects[2].page, 3);
        assert_eq!(pages.page_at(6), Some(1));
        // A right-to-left line's chars, in text order, go leftward: still one rectangle.
        let rtl = Pages {
            boxes: vec![bx(1, 30.0, 10.0), bx(1, 25.0, 10.0), bx(1, 20.0, 10.0)],
            ..pages.clone()
        };
        assert_eq!(rtl.rects_of(0, 3).len(), 1);
        assert_eq!(rtl.rects_of(0, 3)[0].rect, [20.0, 10.0, 35.0, 20.0]);
        // A char far along the same line (a number at a right-to-left line's other end): a
        // rectangle of its own.
        let apart = Pages {
            boxes: vec![bx(1, 300.0, 10.0), bx(1, 295.0, 10.0), bx(1, 20.0, 10.0)],
            ..pages.clone()
        };
        assert_eq!(apart.rects_of(0, 3).len(), 2);
        // `رقم (1010)` read from the right: the bracket, then the number's digits left to
        // right, which end beside the bracket: one rectangle.
        let number = Pages {
            boxes: vec![
                bx(1, 300.0, 10.0),
                bx(1, 295.0, 10.0),
                bx(1, 260.0, 10.0),
                bx(1, 265.0, 10.0),
                bx(1, 270.0, 10.0),
                bx(1, 275.0, 10.0),
                bx(1, 280.0, 10.0),
                bx(1, 285.0, 10.0),
                bx(1, 290.0, 10.0),
            ],
            ..pages.clone()
        };
        assert_eq!(
            number.rects_of(0, 9).len(),
            1,
            "{:?}",
            number.rects_of(0, 9)
        );
        assert_eq!(pages.page_at(8), Some(3));
        assert_eq!(pages.page_at(99), Some(3));
        // A drop capital three lines tall beside the first line's letters: its own
        // rectangle, and the next line's letters one of their own.
        let cap = Pages {
            boxes: vec![
                Some(CharBox {
                    page: 1,
                    rect: [0.0, 10.0, 20.0, 40.0],
                }),
                bx(1, 22.0, 10.0),
                bx(1, 27.0, 10.0),
                bx(1, 22.0, 21.0),
                bx(1, 27.0, 21.0),
            ],
            ..pages.clone()
        };
        assert_eq!(cap.rects_of(0, 5).len(), 3, "{:?}", cap.rects_of(0, 5));
    }

    #[test]
    fn a_page_whose_notes_come_after_the_next_pages_first_lines() {
        let bx = |page| {
            Some(CharBox {
                page,
                rect: [0.0, 0.0, 5.0, 10.0],
            })
        };
        // "ab" on page 1, "cd" on page 2, then "n" (page 1's note), then "ef" on page 2.
        let span = |number, start, end| PageSpan {
            number,
            start,
            end,
            width: 600.0,
            height: 800.0,
        };
        let pages = Pages {
            damaged: Vec::new(),
            missing: 0,
            page_tree_damaged: false,
            scanned: Vec::new(),
            unreadable: Vec::new(),
            doubtful: Vec::new(),
            sideways: Vec::new(),
            garbled: Vec::new(),
            pages: vec![span(1, 0, 7), span(2, 3, 10)],
            boxes: vec![
                bx(1),
                bx(1),
                None,
                bx(2),
                bx(2),
                None,
                bx(1),
                None,
                bx(2),
                bx(2),
            ],
        };
        assert_eq!(pages.pages_of(6, 7), vec![1]);
        assert_eq!(pages.pages_of(3, 10), vec![2, 1]);
        assert_eq!(pages.page_range(3, 10), Some((1, 2)));
        assert_eq!(pages.page_at(6), Some(1));
        assert_eq!(pages.page_at(7), Some(1));
        assert_eq!(pages.page_at(8), Some(2));
        assert_eq!(pages.rects_of(6, 7)[0].page, 1);
    }

    #[test]
    fn kinds_from_extensions() {
        assert_eq!(DocumentKind::from_extension("HTM"), DocumentKind::Html);
        assert_eq!(DocumentKind::from_extension("html"), DocumentKind::Html);
        assert_eq!(DocumentKind::from_extension("md"), DocumentKind::Markdown);
        assert_eq!(
            DocumentKind::from_extension("Markdown"),
            DocumentKind::Markdown
        );
        assert_eq!(DocumentKind::from_extension("txt"), DocumentKind::Text);
        assert_eq!(DocumentKind::from_extension(""), DocumentKind::Text);
    }

    #[test]
    fn published_dates() {
        let m = |p: &str| Metadata {
            published: Some(p.to_owned()),
            ..Metadata::default()
        };
        assert_eq!(
            m("2025-03-14T09:30:00+01:00").published_date().as_deref(),
            Some("2025-03-14")
        );
        assert_eq!(
            m("2025-03-14").published_date().as_deref(),
            Some("2025-03-14")
        );
        assert_eq!(m("2025-02-30").published_date(), None);
        assert_eq!(m("March 14, 2025").published_date(), None);
        assert_eq!(m("2025-03-145").published_date(), None);
        assert!(Metadata::default().is_empty());
    }

    #[test]
    fn scanned_pages_are_named_as_a_reader_counts_them() {
        let with = |scanned: Vec<u32>| Pages {
            scanned,
            ..Pages::default()
        };
        assert_eq!(with(vec![]).damage(), None);
        let one = with(vec![3]).damage().unwrap();
        assert!(one.starts_with("Page 3 of this PDF is a picture"), "{one}");
        let run = with(vec![7, 8, 9, 10, 11]).damage().unwrap();
        assert!(
            run.starts_with("Pages 7\u{2013}11 of this PDF are pictures"),
            "{run}"
        );
        let mixed = with(vec![1, 4, 5, 9]).damage().unwrap();
        assert!(mixed.starts_with("Pages 1, 4\u{2013}5 and 9 of"), "{mixed}");
        let both = Pages {
            damaged: vec![2],
            scanned: vec![6],
            ..Pages::default()
        };
        let both = both.damage().unwrap();
        let unreadable = Pages {
            unreadable: vec![(3, 5), (4, 2)],
            ..Pages::default()
        };
        let unreadable = unreadable.damage().unwrap();
        assert!(
            unreadable.starts_with("7 characters on pages 3\u{2013}4 could not be read"),
            "{unreadable}"
        );
        let doubtful = Pages {
            doubtful: vec![(2, 1)],
            ..Pages::default()
        };
        let doubtful = doubtful.damage().unwrap();
        assert!(
            doubtful.starts_with("1 character on page 2 may read wrong")
                && doubtful.contains("page view"),
            "{doubtful}"
        );
        assert!(
            both.contains("Page 2 of this PDF is damaged")
                && both.contains("Page 6 of this PDF is a picture"),
            "{both}"
        );
    }
}
