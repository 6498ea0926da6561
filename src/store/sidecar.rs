//! The sidecar file format (`<document>.ann.ron`, version 4): schema, deterministic encoding,
//! and decoding with errors that name the file, line and column. Older sidecars are read and
//! written back as version 4: version 1 through `sidecar_v1`, versions 2 and 3 as they are
//! (each only added optional fields).
//!
//! Version 2 added `document.source`, recorded for text extracted from another format (HTML):
//! the hash of the file's bytes, the extractor's version, the encoding and the page's metadata,
//! and the optional `conflicts` list that `factmark merge` records.
//!
//! Version 3 added the optional `corrections` log
//! ([`crate::core::corrections::CorrectionLog`]): each version of the document's text seen
//! since the annotations were made, and what changed under each annotation and what was done
//! about it. It is absent until the text first changes under the annotations.
//!
//! Version 4 added two optional fields to each annotation: `links` (typed links to other
//! annotations of the document, [`crate::core::link::Link`]) and `evidence` (sources with
//! archived copies and snapshots, [`crate::core::evidence::Evidence`]). A version 3 reader
//! would refuse them as unknown fields, hence the new version.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::sidecar_v1;
use crate::core::annotation::Annotation;
use crate::core::corrections::CorrectionLog;
use crate::core::merge::Conflict;
use crate::core::source::Metadata;
use crate::core::text::Text;

/// The value of the `format` field.
pub const FORMAT: &str = "factmark";
/// The newest sidecar version this build reads and the one it writes.
pub const VERSION: u32 = 4;
/// What a sidecar's name adds to its document's name.
pub const SUFFIX: &str = ".ann.ron";
/// No offset can be larger: a document has at most as many chars as the size limit has
/// bytes.
const MAX_OFFSET: usize = super::read::MAX_DOCUMENT_BYTES as usize;

/// The sidecar path of a document: `article.txt` → `article.txt.ann.ron`.
pub fn sidecar_path(document: &Path) -> PathBuf {
    let mut s = document.as_os_str().to_owned();
    s.push(SUFFIX);
    PathBuf::from(s)
}

/// The document a sidecar belongs to, if `path` is named like a sidecar.
pub fn document_of_sidecar(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let doc = name.strip_suffix(SUFFIX)?;
    (!doc.is_empty()).then(|| path.with_file_name(doc))
}

/// What the sidecar records about its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    /// The document's file name (no folder).
    pub file: String,
    /// SHA-256 of the normalized text when the sidecar was written.
    pub sha256: String,
    /// Length of the normalized text in chars.
    pub chars: usize,
    /// Where the text came from, when it was extracted from another format (HTML); absent
    /// for plain text and Markdown, whose text is the file's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInfo>,
}

impl DocumentInfo {
    /// Describes `text`, stored in a file named `file`.
    pub fn of(file: &str, text: &Text) -> Self {
        Self {
            file: file.to_owned(),
            sha256: text.sha256().to_owned(),
            chars: text.char_count(),
            source: None,
        }
    }
}

/// The formats text is extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    /// An HTML page.
    Html,
    /// A PDF.
    Pdf,
}

/// Where an extracted text came from: enough to tell when the file or the extraction rules
/// changed, and what the page said about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// The file's format.
    pub kind: SourceKind,
    /// SHA-256 of the file's bytes as read (lowercase hex).
    pub sha256: String,
    /// The extractor's version ([`crate::store::extract::EXTRACTOR_VERSION`] for HTML,
    /// [`crate::store::extract::PDF_EXTRACTOR_VERSION`] for PDF).
    pub extractor: u32,
    /// The encoding the file was decoded from (WHATWG name, e.g. `UTF-8`); for a PDF, its
    /// version (e.g. `PDF-1.7`).
    pub encoding: String,
    /// Title, byline, publication date and URL, where the page has them.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

/// A sidecar, version 4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] once loaded.
    pub version: u32,
    /// The document.
    pub document: DocumentInfo,
    /// The annotations, sorted by (start, end, id).
    pub annotations: Vec<Annotation>,
    /// Merge conflicts recorded by `factmark merge` (the git merge driver) or a recovery:
    /// fields changed differently on both sides, each with both values; the annotation holds
    /// `ours` until the user chooses. Optional, absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The corrections log: versions of the text seen and what changed under the
    /// annotations. Optional, absent while empty.
    #[serde(default, skip_serializing_if = "CorrectionLog::is_empty")]
    pub corrections: CorrectionLog,
}

/// Just enough of any sidecar to know its format and version.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u64,
}

impl Sidecar {
    /// A sidecar for `text` with these annotations.
    pub fn new(file: &str, text: &Text, mut annotations: Vec<Annotation>) -> Self {
        annotations.sort_by_key(Annotation::sort_key);
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            document: DocumentInfo::of(file, text),
            annotations,
            conflicts: Vec::new(),
            corrections: CorrectionLog::default(),
        }
    }

    /// The same sidecar with this corrections log.
    pub fn with_corrections(mut self, corrections: CorrectionLog) -> Self {
        self.corrections = corrections;
        self
    }

    /// The same sidecar recording these merge conflicts.
    pub fn with_conflicts(mut self, conflicts: Vec<Conflict>) -> Self {
        self.conflicts = conflicts;
        self
    }

    /// The same sidecar recording where its document's text came from.
    pub fn with_source(mut self, source: Option<SourceInfo>) -> Self {
        self.document.source = source;
        self
    }

    /// The sidecar as pretty, deterministic RON: one field per line, annotations sorted by
    /// (start, end, id), LF line endings, a final newline.
    pub fn encode(&self) -> Result<String, StoreError> {
        let mut sorted = self.clone();
        sorted.annotations.sort_by_key(Annotation::sort_key);
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .indentor("    ")
            .struct_names(false);
        let mut s = ron::ser::to_string_pretty(&sorted, config)
            .map_err(|e| StoreError::Encode(e.to_string()))?;
        s.push('\n');
        Ok(s)
    }

    /// Parses a sidecar read from `path`. Refuses other formats, newer versions, unknown
    /// fields and invalid annotations, with the line and column where possible.
    pub fn decode(path: &Path, source: &str) -> Result<Self, StoreError> {
        let parse_error = |e: ron::error::SpannedError| StoreError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: match e.code {
                ron::Error::ExceededRecursionLimit => {
                    "brackets are nested too deeply (a factmark sidecar nests only a few levels)"
                        .to_owned()
                }
                code => code.to_string().replace("struct `Header`", "the sidecar"),
            },
        };
        if source.trim().is_empty() {
            return Err(StoreError::Parse {
                path: path.to_owned(),
                line: 1,
                column: 1,
                message: "the file is empty (a sidecar starts with `(format: \"factmark\"`)"
                    .to_owned(),
            });
        }
        // The usual case, parsed once: a sidecar of the current version.
        let current = super::ron_reader::from_str::<Sidecar>(source)
            .ok()
            .or_else(|| ron::from_str::<Sidecar>(source).ok());
        if let Some(sidecar) = current
            && sidecar.format == FORMAT
            && sidecar.version == VERSION
        {
            sidecar.validate(path, source)?;
            return Ok(sidecar);
        }
        // Anything else: its format and version first, for a precise error or a migration.
        let header: Header = ron::from_str(source).map_err(parse_error)?;
        if header.format != FORMAT {
            return Err(StoreError::Invalid {
                path: path.to_owned(),
                line: 1,
                message: format!("this is not a factmark sidecar (expected format: \"{FORMAT}\")"),
            });
        }
        let version = header.version;
        if version > u64::from(VERSION) {
            return Err(StoreError::NewerVersion {
                path: path.to_owned(),
                version,
                supported: VERSION,
            });
        }
        let sidecar: Sidecar = match version {
            1 => sidecar_v1::migrate(ron::from_str(source).map_err(parse_error)?),
            // Versions 3 and 4 only added optional fields: a version 2 or 3 file reads as it
            // is. (A current file reaches here only when the fast path refused it: for the
            // error.)
            2..=4 => {
                let mut v2: Sidecar = ron::from_str(source).map_err(parse_error)?;
                v2.version = VERSION;
                v2
            }
            _ => {
                return Err(StoreError::Invalid {
                    path: path.to_owned(),
                    line: 1,
                    message: format!("unsupported or missing sidecar version ({version})"),
                });
            }
        };
        sidecar.validate(path, source)?;
        Ok(sidecar)
    }

    fn validate(&self, path: &Path, source: &str) -> Result<(), StoreError> {
        let invalid = |a: &Annotation, message: String| StoreError::Invalid {
            path: path.to_owned(),
            line: line_of_id(source, &a.id.to_string()),
            message: format!("annotation {}: {message}", a.id),
        };
        let mut seen = std::collections::HashSet::new();
        for a in &self.annotations {
            if a.end < a.start {
                return Err(invalid(
                    a,
                    format!("its end ({}) is before its start ({})", a.end, a.start),
                ));
            }
            if a.end == a.start || a.exact.is_empty() {
                return Err(invalid(a, "its span is empty".to_owned()));
            }
            if !seen.insert(a.id) {
                return Err(invalid(a, "this id is used twice".to_owned()));
            }
            if a.end > MAX_OFFSET {
                return Err(invalid(
                    a,
                    format!("its end ({}) is beyond any document factmark reads", a.end),
                ));
            }
        }
        if let Some(c) = self.conflicts.iter().find(|c| !c.is_consistent()) {
            return Err(StoreError::Invalid {
                path: path.to_owned(),
                line: line_of_id(source, &c.id.to_string()),
                message: format!(
                    "the conflict record of annotation {} about its {} holds values of another field",
                    c.id, c.field
                ),
            });
        }
        Ok(())
    }
}

/// 1-based line where an id first appears in the source (0 if it does not).
fn line_of_id(source: &str, id: &str) -> usize {
    source
        .find(id)
        .map_or(0, |at| 1 + source[..at].matches('\n').count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::*;
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;

    fn sample() -> (Text, Sidecar) {
        let t = Text::from_str_normalized("Le président a dit « 3 mai 2024 » 😀 à 陈静.");
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 21, 0, 0).unwrap();
        let mut a = Annotation::new(
            &t,
            21,
            31,
            Tag::Date {
                value: Some(DateValue::parse("2024-05-03").unwrap()),
            },
            "ana",
            now,
        )
        .unwrap();
        a.note = "line one\nline \"two\"".into();
        let b = Annotation::new(
            &t,
            0,
            13,
            Tag::Entity {
                kind: EntityKind::Person,
                identifier: Some("Q42".into()),
            },
            "bo",
            now,
        )
        .unwrap();
        (t.clone(), Sidecar::new("a.txt", &t, vec![a, b]))
    }

    #[test]
    fn encode_is_sorted_and_round_trips() {
        let (_, s) = sample();
        let text = s.encode().unwrap();
        assert!(
            text.starts_with("(\n    format: \"factmark\",\n    version: 4,\n"),
            "{text}"
        );
        assert!(text.contains("tag: Date(\n"), "{text}");
        assert!(text.contains("陈静"), "non-ASCII stays readable: {text}");
        let back = Sidecar::decode(Path::new("a.txt.ann.ron"), &text).unwrap();
        assert_eq!(back, s);
        assert!(back.annotations[0].start <= back.annotations[1].start);
        assert_eq!(back.encode().unwrap(), text, "encoding is deterministic");
    }

    #[test]
    fn errors_name_line_and_column() {
        let (_, s) = sample();
        let text = s.encode().unwrap();
        let cut = &text[..text.len() / 2];
        match Sidecar::decode(Path::new("x.ann.ron"), cut).unwrap_err() {
            StoreError::Parse { line, .. } => assert!(line > 1),
            e => panic!("{e}"),
        }
        let newer = text.replace("version: 4,", "version: 99,\n    shiny: true,");
        let e = Sidecar::decode(Path::new("x.ann.ron"), &newer).unwrap_err();
        assert!(
            matches!(e, StoreError::NewerVersion { version: 99, .. }),
            "{e}"
        );
        let unknown = text.replace("version: 4,", "version: 4,\n    shiny: true,");
        let e = Sidecar::decode(Path::new("x.ann.ron"), &unknown).unwrap_err();
        assert!(
            matches!(
                e,
                StoreError::Parse {
                    line: 4,
                    column: 5,
                    ..
                }
            ),
            "{e}"
        );
        let bad_date = text.replace("\"2024-05-03\"", "\"2024-02-30\"");
        let e = Sidecar::decode(Path::new("x.ann.ron"), &bad_date).unwrap_err();
        assert!(e.to_string().contains("2024-02-30"), "{e}");
    }

    #[test]
    fn reversed_span_is_refused_with_its_line() {
        let (_, s) = sample();
        let text = s.encode().unwrap().replacen("start: 21,", "start: 40,", 1);
        let e = Sidecar::decode(Path::new("x.ann.ron"), &text).unwrap_err();
        match e {
            StoreError::Invalid {
                line, ref message, ..
            } => {
                assert!(line > 5 && message.contains("before its start"), "{e}");
            }
            e => panic!("{e}"),
        }
    }

    #[test]
    fn links_and_evidence_round_trip_and_a_version_3_file_reads_as_it_is() {
        use crate::core::evidence::{Evidence, Snapshot, Stance};
        use crate::core::link::{Link, LinkKind};
        let (_, mut s) = sample();
        let v3 = s.encode().unwrap().replace("version: 4,", "version: 3,");
        let from_v3 = Sidecar::decode(Path::new("a.txt.ann.ron"), &v3).unwrap();
        assert_eq!(from_v3, s, "a version 3 file is version 4 without links");
        let now = chrono::Utc::now();
        let to = s.annotations[1].id;
        s.annotations[0]
            .links
            .push(Link::new(LinkKind::Other("cites".into()), to, "ann", now));
        let mut e = Evidence::new("https://example.org/a", Stance::Refutes, now);
        e.archived = "https://web.archive.org/web/2024/https://example.org/a".into();
        e.snapshot = Some(Snapshot {
            path: "sources/a.html".into(),
            sha256: "00".repeat(32),
        });
        e.excerpt = "\"quoted\" — text".into();
        s.annotations[0].evidence.push(e);
        let text = s.encode().unwrap();
        assert!(text.contains("kind: \"cites\""), "{text}");
        let back = Sidecar::decode(Path::new("a.txt.ann.ron"), &text).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.encode().unwrap(), text);
        let older = text.replace("version: 4,", "version: 3,");
        assert!(
            Sidecar::decode(Path::new("a.txt.ann.ron"), &older).is_ok(),
            "read leniently"
        );
    }

    #[test]
    fn version_2_reads_unchanged_and_a_log_round_trips() {
        let (t, s) = sample();
        let v3 = s.encode().unwrap();
        assert!(
            !v3.contains("corrections"),
            "no log until the text changes: {v3}"
        );
        let v2 = v3.replace("version: 4,", "version: 2,");
        let back = Sidecar::decode(Path::new("a.txt.ann.ron"), &v2).unwrap();
        assert_eq!(back, s, "a version 2 file is version 3 without a log");
        assert_eq!(back.version, VERSION);
        // The sample documents' sidecars, written by version 2, all load.
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-docs");
        for entry in std::fs::read_dir(samples).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(SUFFIX) {
                let src = std::fs::read_to_string(&path).unwrap();
                Sidecar::decode(&path, &src).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        // A log is written and read back as it was.
        let mut t2 = t.as_str().to_owned();
        t2.insert_str(0, "Correction: ");
        let t2 = Text::from_str_normalized(&t2);
        let results = crate::core::anchor::anchor_all(&t2, &s.annotations);
        let mut log = CorrectionLog::default();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 9, 30, 0).unwrap();
        let gone = Text::from_str_normalized("nothing left");
        let lost = crate::core::anchor::anchor_all(&gone, &s.annotations);
        log.notice(
            Some((t.sha256(), t.char_count())),
            &t2,
            &s.annotations,
            &results,
            at,
        );
        log.notice(
            Some((t2.sha256(), t2.char_count())),
            &gone,
            &s.annotations,
            &lost,
            at,
        );
        assert_eq!((log.versions.len(), log.changes.len()), (3, 2));
        let with_log = s.clone().with_corrections(log);
        let encoded = with_log.encode().unwrap();
        assert!(encoded.contains("corrections: ("), "{encoded}");
        assert!(encoded.contains("status: Orphaned,"), "{encoded}");
        let back = Sidecar::decode(Path::new("a.txt.ann.ron"), &encoded).unwrap();
        assert_eq!(back, with_log);
        assert_eq!(back.encode().unwrap(), encoded);
    }

    #[test]
    fn sidecar_names() {
        assert_eq!(
            sidecar_path(Path::new("d/article.txt")),
            Path::new("d/article.txt.ann.ron")
        );
        assert_eq!(
            document_of_sidecar(Path::new("d/article.txt.ann.ron")).unwrap(),
            Path::new("d/article.txt")
        );
        assert!(document_of_sidecar(Path::new("d/.ann.ron")).is_none());
    }

    proptest! {
        #[test]
        fn round_trips_any_unicode(
            body in "\\PC{1,80}",
            note in "\\PC{0,40}",
            who in "\\PC{0,10}",
            ident in proptest::option::of("\\PC{0,10}"),
            k in 0usize..4,
        ) {
            let t = Text::from_str_normalized(&body);
            prop_assume!(t.char_count() >= 1);
            let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
            let tag = match k {
                0 => Tag::Claim { verdict: Verdict::MostlyFalse, claimant: ident.clone() },
                1 => Tag::Quote { speaker: ident.clone() },
                2 => Tag::Date { value: Some(DateValue::parse("2020-02").unwrap()) },
                _ => Tag::Entity { kind: EntityKind::Place, identifier: ident.clone() },
            };
            let mut a = Annotation::new(&t, 0, t.char_count(), tag, &who, now).unwrap();
            a.note = note;
            a.review = Review { status: ReviewStatus::NeedsWork, by: ident.clone(), at: Some(now), comment: ident };
            let s = Sidecar::new("doc.txt", &t, vec![a]);
            let back = Sidecar::decode(Path::new("doc.txt.ann.ron"), &s.encode().unwrap()).unwrap();
            prop_assert_eq!(back, s);
        }
    }
}
