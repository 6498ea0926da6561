//! What an entity's identifier may be: a Wikidata item (`Q42`) or a web address. Every way of
//! writing a Wikidata item (`q42`, `wd:Q42`, `https://www.wikidata.org/wiki/Q42`, …) is stored as
//! its id `Q42`, the form the exports turn into links; a web address is stored as written.

use std::fmt;

/// A valid entity identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    /// A Wikidata item, as its id (`Q42`).
    Wikidata(String),
    /// An http(s) address, as written.
    Url(String),
}

impl Identifier {
    /// What is stored in the annotation.
    pub fn as_str(&self) -> &str {
        match self {
            Identifier::Wikidata(q) | Identifier::Url(q) => q,
        }
    }

    /// The web page of the identifier.
    pub fn url(&self) -> String {
        match self {
            Identifier::Wikidata(q) => format!("https://www.wikidata.org/wiki/{q}"),
            Identifier::Url(u) => u.clone(),
        }
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why text is not an identifier. The messages say what is expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentifierError {
    /// Nothing was written.
    #[error("Expected a Wikidata id like Q42 or a web address")]
    Empty,
    /// Digits alone: a Wikidata id without its `Q`.
    #[error("A Wikidata id starts with Q, like Q{0}")]
    MissingQ(String),
    /// A web address without `https://`.
    #[error("A web address starts with https:// (like https://{0})")]
    MissingScheme(String),
    /// Spaces inside.
    #[error("An identifier has no spaces: expected a Wikidata id like Q42 or a web address")]
    Spaces,
    /// Anything else.
    #[error("Expected a Wikidata id like Q42 or a web address (https://…)")]
    Unrecognized,
}

/// Reads an identifier as typed (surrounding spaces ignored).
pub fn parse(input: &str) -> Result<Identifier, IdentifierError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(IdentifierError::Empty);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(IdentifierError::Spaces);
    }
    if let Some(q) = item_id(s) {
        return Ok(Identifier::Wikidata(q));
    }
    for prefix in ["wd:", "wikidata:"] {
        if let Some(rest) = strip_prefix_ignore_case(s, prefix)
            && let Some(q) = item_id(rest)
        {
            return Ok(Identifier::Wikidata(q));
        }
    }
    if let Some(rest) =
        strip_prefix_ignore_case(s, "https://").or_else(|| strip_prefix_ignore_case(s, "http://"))
    {
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (host, path) = rest.split_at(host_end);
        if !is_host(host) {
            return Err(IdentifierError::Unrecognized);
        }
        if let Some(q) = wikidata_item_page(host, path) {
            return Ok(Identifier::Wikidata(q));
        }
        return Ok(Identifier::Url(s.to_owned()));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') {
        return Err(IdentifierError::MissingQ(s.to_owned()));
    }
    let host = &s[..s.find(['/', '?', '#']).unwrap_or(s.len())];
    if is_host(host) && host.contains('.') && !host.starts_with('.') {
        return Err(IdentifierError::MissingScheme(s.to_owned()));
    }
    Err(IdentifierError::Unrecognized)
}

/// `Q` (or `q`) and a number without leading zeros, as `Q…`.
fn item_id(s: &str) -> Option<String> {
    let digits = s.strip_prefix(['Q', 'q'])?;
    let number = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    number.then(|| format!("Q{digits}"))
}

/// The item of a Wikidata page address: `/wiki/Q42`, `/entity/Q42` or
/// `/wiki/Special:EntityPage/Q42` on wikidata.org, with any query or fragment.
fn wikidata_item_page(host: &str, path: &str) -> Option<String> {
    let host = host.to_ascii_lowercase();
    let host = host.split(':').next().unwrap_or_default();
    if !matches!(host, "wikidata.org" | "www.wikidata.org" | "m.wikidata.org") {
        return None;
    }
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let rest = path
        .strip_prefix("/wiki/Special:EntityPage/")
        .or_else(|| path.strip_prefix("/wiki/"))
        .or_else(|| path.strip_prefix("/entity/"))?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    rest.starts_with('Q').then(|| item_id(rest)).flatten()
}

/// A host name with an optional port: letters, digits, dots and hyphens (any script), or
/// `localhost`; at least one dot between names.
fn is_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let labels_ok = name
        .split('.')
        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    labels_ok && (name.contains('.') || name.eq_ignore_ascii_case("localhost"))
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<Identifier, IdentifierError> {
        parse(s)
    }

    #[test]
    fn every_way_of_writing_a_wikidata_item_is_its_id() {
        for s in [
            "Q42",
            " q42 ",
            "wd:Q42",
            "Wikidata:Q42",
            "https://www.wikidata.org/wiki/Q42",
            "http://www.wikidata.org/entity/Q42",
            "https://m.wikidata.org/wiki/Q42?uselang=pt#P31",
            "https://wikidata.org/wiki/Special:EntityPage/Q42",
            "HTTPS://WWW.WIKIDATA.ORG/wiki/Q42",
        ] {
            assert_eq!(q(s), Ok(Identifier::Wikidata("Q42".into())), "{s}");
        }
        assert_eq!(
            q("Q42").map(|i| i.url()),
            Ok("https://www.wikidata.org/wiki/Q42".into())
        );
    }

    #[test]
    fn web_addresses_are_kept_as_written() {
        for s in [
            "https://en.wikipedia.org/wiki/Douglas_Adams",
            "http://example.org",
            "https://www.wikidata.org/wiki/Property:P31",
            "https://orcid.org/0000-0002-1825-0097",
            "https://localhost:8080/x",
            "https://bücher.example/autor?id=7",
        ] {
            assert_eq!(q(s), Ok(Identifier::Url(s.into())), "{s}");
        }
    }

    #[test]
    fn anything_else_says_what_is_expected() {
        assert_eq!(q(""), Err(IdentifierError::Empty));
        assert_eq!(q("42"), Err(IdentifierError::MissingQ("42".into())));
        assert_eq!(
            q("www.example.org/who"),
            Err(IdentifierError::MissingScheme("www.example.org/who".into()))
        );
        assert_eq!(q("Douglas Adams"), Err(IdentifierError::Spaces));
        for s in [
            "Q",
            "Q042",
            "Q42a",
            "P31",
            "wd:",
            "https://",
            "https:///path",
            "ftp://example.org",
            "mailto:someone@example.org",
            "Adams",
            "https://www.wikidata.org/wiki/Q42 extra",
        ] {
            let e = q(s).unwrap_err();
            assert!(e.to_string().contains("Q42"), "{s}: {e}");
        }
        assert_eq!(
            IdentifierError::Unrecognized.to_string(),
            "Expected a Wikidata id like Q42 or a web address (https://…)"
        );
    }
}
