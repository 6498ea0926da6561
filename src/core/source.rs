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
}

impl DocumentKind {
    /// The kind of a file from its extension (case-insensitive): `html`/`htm`/`xhtml` are
    /// HTML, `md`/`markdown` are Markdown, anything else is plain text.
    pub fn from_extension(extension: &str) -> Self {
        match extension.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "md" | "markdown" => Self::Markdown,
            _ => Self::Text,
        }
    }

    /// A short lowercase name: `text`, `markdown` or `html`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
