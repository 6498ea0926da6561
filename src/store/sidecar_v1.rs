//! Sidecar format version 1, read only to migrate it: version 2 added the optional
//! `document.source` and version 3 the optional corrections log, and nothing else, so a
//! version 1 file becomes a current sidecar with no source and no log. Unknown fields are
//! still refused.

use serde::Deserialize;

use super::sidecar::{DocumentInfo, Sidecar, VERSION};
use crate::core::annotation::Annotation;

/// What a version 1 sidecar recorded about its document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentInfoV1 {
    file: String,
    sha256: String,
    chars: usize,
}

/// A version 1 sidecar.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SidecarV1 {
    format: String,
    #[serde(rename = "version")]
    _version: u32,
    document: DocumentInfoV1,
    annotations: Vec<Annotation>,
}

/// The current sidecar of a version 1 one (same annotations, no source, no log).
pub fn migrate(old: SidecarV1) -> Sidecar {
    Sidecar {
        format: old.format,
        version: VERSION,
        document: DocumentInfo {
            file: old.document.file,
            sha256: old.document.sha256,
            chars: old.document.chars,
            source: None,
        },
        annotations: old.annotations,
        conflicts: Vec::new(),
        corrections: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::error::StoreError;
    use super::super::sidecar::{SourceInfo, SourceKind};
    use super::*;
    use crate::core::source::Metadata;
    use crate::core::text::Text;

    const V1: &str = r#"(
    format: "factmark",
    version: 1,
    document: (
        file: "a.txt",
        sha256: "abc",
        chars: 11,
    ),
    annotations: [
        (
            id: "16a0840d-95b3-4cbc-8cc8-9ae9599eab7f",
            start: 6,
            end: 11,
            exact: "world",
            prefix: "Hello ",
            suffix: "",
            tag: Entity(
                kind: Place,
            ),
            note: "",
            author: "ana",
            created: "2026-11-26T21:00:00Z",
            modified: "2026-11-26T21:00:00Z",
            review: (
                status: Unreviewed,
            ),
        ),
    ],
)
"#;

    #[test]
    fn version_1_is_read_and_written_as_the_current_version() {
        let s = Sidecar::decode(Path::new("a.txt.ann.ron"), V1).unwrap();
        assert_eq!(s.version, VERSION);
        assert_eq!(s.document.source, None);
        assert_eq!(s.annotations.len(), 1);
        assert_eq!(s.annotations[0].exact, "world");
        let encoded = s.encode().unwrap();
        // An empty note and an unreviewed review are not written (both are their defaults).
        let v2 = V1
            .replace("version: 1,", "version: 4,")
            .replace("            note: \"\",\n", "")
            .replace(
                "            review: (\n                status: Unreviewed,\n            ),\n",
                "",
            );
        assert_eq!(encoded, v2);
    }

    #[test]
    fn version_1_refuses_fields_it_did_not_have() {
        let with_source = V1.replace(
            "        chars: 11,\n",
            "        chars: 11,\n        source: None,\n",
        );
        let e = Sidecar::decode(Path::new("a.txt.ann.ron"), &with_source).unwrap_err();
        assert!(matches!(e, StoreError::Parse { line: 8, .. }), "{e}");
        let as_v2 = with_source.replace("version: 1,", "version: 2,");
        assert!(Sidecar::decode(Path::new("a.txt.ann.ron"), &as_v2).is_ok());
    }

    #[test]
    fn version_2_records_the_html_source() {
        let text = Text::from_str_normalized("Hello world\n");
        let source = SourceInfo {
            kind: SourceKind::Html,
            sha256: "0f1e".into(),
            extractor: 1,
            encoding: "windows-1252".into(),
            metadata: Metadata {
                title: Some("A \"title\"".into()),
                byline: None,
                published: Some("2025-03-14".into()),
                url: Some("https://news.example/a".into()),
            },
        };
        let s = Sidecar::new("a.html", &text, Vec::new()).with_source(Some(source));
        let encoded = s.encode().unwrap();
        let expected = format!(
            r#"(
    format: "factmark",
    version: 4,
    document: (
        file: "a.html",
        sha256: "{}",
        chars: 12,
        source: Some((
            kind: Html,
            sha256: "0f1e",
            extractor: 1,
            encoding: "windows-1252",
            metadata: (
                title: Some("A \"title\""),
                published: Some("2025-03-14"),
                url: Some("https://news.example/a"),
            ),
        )),
    ),
    annotations: [],
)
"#,
            text.sha256()
        );
        assert_eq!(encoded, expected);
        let back = Sidecar::decode(Path::new("a.html.ann.ron"), &encoded).unwrap();
        assert_eq!(back, s);
        let unknown = encoded.replace("extractor: 1,", "extractor: 1,\n            shiny: 2,");
        let e = Sidecar::decode(Path::new("a.html.ann.ron"), &unknown).unwrap_err();
        assert!(matches!(e, StoreError::Parse { line: 12, .. }), "{e}");
    }
}
