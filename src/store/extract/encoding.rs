//! Decoding an HTML page's bytes: a byte order mark wins, then a `<meta charset>` or
//! `http-equiv="content-type"` declaration in the first 1024 bytes (the HTML standard's
//! prescan, simplified), else UTF-8. Undeclared bytes that are not UTF-8 are refused, never
//! guessed at.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::HtmlError;
use crate::core::text::Text;

/// How many bytes the prescan for a `<meta>` declaration looks at.
const PRESCAN_BYTES: usize = 1024;

/// A page decoded to text, with the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    /// The page's text (not yet line-normalized; the parser treats CR LF as LF).
    pub text: String,
    /// The encoding's WHATWG name, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
}

/// Decodes a page: BOM, then declared charset, then strict UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Decoded, HtmlError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom..], "its byte order mark");
    }
    match declared(bytes) {
        Some(encoding) if encoding != UTF_8 => decode_as(encoding, bytes, "the page"),
        declared => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Decoded {
                text: s.to_owned(),
                encoding: UTF_8.name(),
            }),
            Err(_) => Err(match Text::from_bytes(bytes) {
                Err(error) => HtmlError::NotUtf8 {
                    error,
                    declared: declared.is_some(),
                },
                Ok(_) => HtmlError::Malformed {
                    encoding: UTF_8.name(),
                    declared_by: "the page",
                },
            }),
        },
    }
}

/// Decodes `bytes` as `encoding`, refusing malformed sequences.
fn decode_as(
    encoding: &'static Encoding,
    bytes: &[u8],
    declared_by: &'static str,
) -> Result<Decoded, HtmlError> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        }),
        None => Err(HtmlError::Malformed {
            encoding: encoding.name(),
            declared_by,
        }),
    }
}

/// The encoding a `<meta>` in the first 1024 bytes declares, as the HTML standard maps it
/// (UTF-16 labels mean UTF-8 there, `x-user-defined` means windows-1252).
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i += find(&rest[4..], b"-->").map_or(head.len(), |end| 4 + end + 3);
            continue;
        }
        if rest.len() > 5 && rest[..5].eq_ignore_ascii_case(b"<meta") && is_space_or_slash(rest[5])
        {
            let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
            if let Some(encoding) = meta_charset(&rest[5..end]).and_then(Encoding::for_label) {
                return Some(match encoding.name() {
                    "UTF-16LE" | "UTF-16BE" => UTF_8,
                    "x-user-defined" => WINDOWS_1252,
                    _ => encoding,
                });
            }
            i += end;
            continue;
        }
        i += 1;
    }
    None
}

fn is_space_or_slash(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'/'
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The charset label of one `<meta …>` tag's attributes, if it declares one.
fn meta_charset(attrs: &[u8]) -> Option<&[u8]> {
    let mut charset = None;
    let mut content = None;
    let mut content_type = false;
    for (name, value) in attributes(attrs) {
        if name.eq_ignore_ascii_case(b"charset") {
            charset.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"content") {
            content.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            content_type |= value.trim_ascii().eq_ignore_ascii_case(b"content-type");
        }
    }
    charset.or_else(|| {
        content
            .filter(|_| content_type)
            .and_then(charset_from_content)
    })
}

/// The attributes of a tag as (name, value) pairs; values without quotes end at whitespace.
fn attributes(mut s: &[u8]) -> Vec<(&[u8], &[u8])> {
    let mut out = Vec::new();
    loop {
        s = s.trim_ascii_start();
        while let [b'/', rest @ ..] = s {
            s = rest.trim_ascii_start();
        }
        if s.is_empty() {
            return out;
        }
        let name_len = s
            .iter()
            .position(|&b| b == b'=' || b.is_ascii_whitespace() || b == b'/')
            .unwrap_or(s.len());
        let name = &s[..name_len.max(1).min(s.len())];
        s = s[name.len()..].trim_ascii_start();
        let value: &[u8] = if let [b'=', rest @ ..] = s {
            let rest = rest.trim_ascii_start();
            match rest {
                [q @ (b'"' | b'\''), body @ ..] => {
                    let end = body.iter().position(|b| b == q).unwrap_or(body.len());
                    s = body.get(end + 1..).unwrap_or_default();
                    &body[..end]
                }
                _ => {
                    let end = rest
                        .iter()
                        .position(|b| b.is_ascii_whitespace())
                        .unwrap_or(rest.len());
                    s = &rest[end..];
                    &rest[..end]
                }
            }
        } else {
            b""
        };
        out.push((name, value));
    }
}

/// The charset in a content-type value such as `text/html; charset=windows-1252`.
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let lower = content.to_ascii_lowercase();
    let at = find(&lower, b"charset")? + b"charset".len();
    let rest = content[at..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| b == b';' || b == b'"' || b == b'\'' || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(bytes: &[u8]) -> Option<&'static str> {
        declared(bytes).map(Encoding::name)
    }

    #[test]
    fn declarations_are_found() {
        assert_eq!(
            name(b"<meta charset=\"windows-1252\">"),
            Some("windows-1252")
        );
        assert_eq!(name(b"<META CHARSET=latin1>"), Some("windows-1252"));
        assert_eq!(name(b"<meta charset='iso-8859-1'/>"), Some("windows-1252"));
        assert_eq!(
            name(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"),
            Some("Shift_JIS")
        );
        assert_eq!(
            name(b"<meta content='text/html;charset=koi8-r' http-equiv='content-type'>"),
            Some("KOI8-R")
        );
        assert_eq!(name(b"<meta charset=\"utf-16\">"), Some("UTF-8"));
        assert_eq!(name(b"<!-- <meta charset=koi8-r> --><p>x"), None);
        assert_eq!(name(b"<meta content=\"charset=koi8-r\">"), None);
        assert_eq!(name(b"<meta charset=\"no-such-thing\">"), None);
        assert_eq!(name(b"<metadata charset=koi8-r>"), None);
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"<meta charset=koi8-r>");
        assert_eq!(name(&late), None);
    }

    #[test]
    fn decoding() {
        let page = b"<meta charset=windows-1252><p>\x93caf\xE9\x94</p>";
        let d = decode(page).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("\u{201C}café\u{201D}"), "{}", d.text);

        let bom = b"\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9";
        let d = decode(bom).unwrap();
        assert_eq!((d.encoding, d.text.ends_with("café")), ("UTF-8", true));

        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>é".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap().text, "<p>é");

        match decode(b"<p>caf\xE9</p>").unwrap_err() {
            HtmlError::NotUtf8 { declared, error } => {
                assert!(!declared);
                assert!(error.to_string().contains("column 7"), "{error}");
            }
            e => panic!("{e}"),
        }
        assert!(matches!(
            decode(b"<meta charset=utf-8><p>caf\xE9").unwrap_err(),
            HtmlError::NotUtf8 { declared: true, .. }
        ));
        assert!(matches!(
            decode(b"<meta charset=shift_jis><p>\x81").unwrap_err(),
            HtmlError::Malformed {
                encoding: "Shift_JIS",
                ..
            }
        ));
    }
}
