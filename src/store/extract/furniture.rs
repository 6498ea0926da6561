//! The rules for what is not article text: scripts and styles, hidden elements, navigation,
//! the page's header and footer, asides, forms, and boxes whose class or id says they are ads,
//! promotions, sharing or cookie banners. Each rule looks at one element; what it needs from
//! around the element (is it inside a section, how much paragraph text does it hold) is
//! counted once for the whole page by the census.

use scraper::ElementRef;

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
    "applet", "aside", "audio", "base", "button", "canvas", "datalist", "dialog", "embed", "form",
    "frame", "frameset", "head", "iframe", "img", "input", "link", "map", "math", "meta", "nav",
    "noscript", "object", "option", "picture", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
];

/// Words in a class or id that mark boilerplate (matched as whole words: `ad-slot` and
/// `adSlot` match `ad`, `header` and `shadow` do not).
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "adslot",
    "adunit",
    "ads",
    "adsense",
    "advert",
    "advertisement",
    "advertisements",
    "advertising",
    "adverts",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "dfp",
    "gdpr",
    "modal",
    "newsletter",
    "newsletters",
    "outbrain",
    "paywall",
    "popular",
    "popup",
    "promo",
    "promoted",
    "promos",
    "promotion",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "sponsors",
    "subscribe",
    "subscription",
    "taboola",
    "trending",
];

/// Class names that hide an element in common CSS frameworks (matched whole).
const HIDING_CLASSES: &[&str] = &[
    "d-none",
    "element-invisible",
    "hidden",
    "is-hidden",
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Words that mark the article's own container; with enough paragraph text they outweigh a
/// boilerplate word (`article-body has-ads`).
const CONTENT_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "prose", "story", "text",
];

/// Paragraph text (chars) that makes a container with a content word article text.
const CONTENT_CHARS: usize = 500;

/// Whether an element and everything in it is left out of the article text, given whether it
/// sits inside an `<article>`, `<aside>`, `<main>`, `<nav>` or `<section>` and how many
/// non-space chars the `<p>` elements in it (itself included) hold.
pub fn dropped(e: ElementRef<'_>, in_section: bool, paragraph_text: usize) -> bool {
    let el = e.value();
    let name = el.name();
    if DROPPED_TAGS.contains(&name) || hidden(e) {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if matches!(name, "header" | "footer") && !in_section {
        return true;
    }
    !matches!(name, "html" | "body" | "main" | "article") && boilerplate(e, paragraph_text)
}

/// Hidden by an attribute, an inline style or a hiding class.
fn hidden(e: ElementRef<'_>) -> bool {
    let el = e.value();
    if el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    el.classes()
        .any(|c| HIDING_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
}

/// Elements whose headers and footers belong to them rather than to the page.
pub const SECTIONS: &[&str] = &["article", "aside", "main", "nav", "section"];

/// Whether the class or id names boilerplate, and the element is not plainly the article's
/// own container.
fn boilerplate(e: ElementRef<'_>, paragraph_text: usize) -> bool {
    let el = e.value();
    let names = el.classes().chain(el.id());
    let (mut bad, mut good) = (false, false);
    for w in names.flat_map(words) {
        bad |= BOILERPLATE_WORDS.contains(&w.as_str());
        good |= CONTENT_WORDS.contains(&w.as_str());
    }
    bad && !(good && paragraph_text >= CONTENT_CHARS)
}

/// The lowercase words of a class or id: split at anything not a letter or digit, and where
/// a lowercase letter meets an uppercase one (`adSlot` → `ad`, `slot`).
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}
