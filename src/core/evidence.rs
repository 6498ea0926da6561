//! Evidence on a claim or a quote: the sources a fact-checker found, each with where it can be
//! read again (an archived copy, a local snapshot whose hash is recorded) and whether it
//! supports or refutes what the annotation says.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::annotation::{DateValue, ParseValueError, word_enum};

/// A random evidence id, written as a hyphenated UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EvidenceId(pub uuid::Uuid);

impl EvidenceId {
    /// A new random id.
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4())
    }
}

impl fmt::Display for EvidenceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for EvidenceId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s).map(Self)
    }
}

word_enum!(
    /// What a source does to the annotation it is evidence for.
    Stance, "stance" {
        /// It shows the claim is right.
        Supports => "supports",
        /// It shows the claim is wrong.
        Refutes => "refutes",
        /// It gives background without settling the claim.
        Context => "context",
    }
);

/// A local copy of a source, stored beside the sidecar.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The file, relative to the sidecar's folder, with `/` between folders.
    pub path: String,
    /// SHA-256 of the file's bytes when it was attached (lowercase hex).
    pub sha256: String,
}

/// One source for a claim or quote.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Random, never reused.
    pub id: EvidenceId,
    /// Where the source is published.
    pub url: String,
    /// Its title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// The source's own date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateValue>,
    /// When the fact-checker read it.
    pub consulted: DateTime<Utc>,
    /// An archived copy's URL (a web archive's), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub archived: String,
    /// A local copy, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<Snapshot>,
    /// What it does to the annotation.
    pub stance: Stance,
    /// A passage quoted from the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Evidence {
    /// A new item for `url`, consulted `now`.
    pub fn new(url: &str, stance: Stance, now: DateTime<Utc>) -> Self {
        Self {
            id: EvidenceId::random(),
            url: url.trim().to_owned(),
            title: String::new(),
            publisher: String::new(),
            published: None,
            consulted: now,
            archived: String::new(),
            snapshot: None,
            stance,
            excerpt: String::new(),
            note: String::new(),
        }
    }

    /// A one-line name: the title, else the URL's host and path, else the snapshot's file.
    pub fn label(&self) -> String {
        if !self.title.trim().is_empty() {
            return self.title.trim().to_owned();
        }
        let url = self.url.trim();
        let bare = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or(url);
        if !bare.is_empty() {
            return bare.trim_end_matches('/').to_owned();
        }
        self.snapshot
            .as_ref()
            .map(|s| s.path.clone())
            .unwrap_or_else(|| "(no source yet)".to_owned())
    }
}

/// Whether a string looks like a web address factmark can open (`http://` or `https://` and
/// a host).
pub fn is_web_url(s: &str) -> bool {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_prefer_the_title_then_the_address() {
        let now = Utc::now();
        let mut e = Evidence::new("https://example.org/report/", Stance::Refutes, now);
        assert_eq!(e.label(), "example.org/report");
        e.title = "Annual report".into();
        assert_eq!(e.label(), "Annual report");
    }

    #[test]
    fn web_urls_need_a_scheme_and_a_host() {
        assert!(is_web_url("https://example.org/x"));
        assert!(is_web_url("http://a.b"));
        assert!(!is_web_url("example.org"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://a b"));
        assert!(!is_web_url("file:///etc/passwd"));
    }

    #[test]
    fn stances_read_their_names() {
        assert_eq!("refutes".parse::<Stance>().ok(), Some(Stance::Refutes));
        assert!("maybe".parse::<Stance>().is_err());
    }
}
