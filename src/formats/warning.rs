//! What an export tells the user about annotations it left out, could not complete, or had to
//! simplify; the CLI prints these on stderr and the window shows them.

use std::fmt;

use crate::core::annotation::{Annotation, AnnotationId};

/// How serious an export warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningKind {
    /// The annotation was not exported.
    Skipped,
    /// It was exported without a field the target requires.
    Incomplete,
    /// It was exported, but the format cannot hold all of it (for example nesting in CoNLL).
    Lossy,
    /// Advice: a recommended field is missing, or the output may not do what is expected.
    Advice,
}

impl WarningKind {
    /// Whether this means data is missing from the output (the CLI exits 1).
    pub fn is_problem(self) -> bool {
        matches!(self, WarningKind::Skipped | WarningKind::Incomplete)
    }

    /// A short lowercase label.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::Skipped => "skipped",
            WarningKind::Incomplete => "incomplete",
            WarningKind::Lossy => "lossy",
            WarningKind::Advice => "advice",
        }
    }
}

/// One warning about one annotation (or a whole document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportWarning {
    /// The document's path as shown.
    pub document: String,
    /// The annotation, with a short description ("claim 42–69 \"Crime fell…\""), if the warning
    /// is about one.
    pub annotation: Option<(AnnotationId, String)>,
    /// How serious it is.
    pub kind: WarningKind,
    /// What happened, in words.
    pub message: String,
}

impl ExportWarning {
    /// A warning about annotation `a` of `document`.
    pub fn about(document: &str, a: &Annotation, kind: WarningKind, message: String) -> Self {
        Self {
            document: document.to_owned(),
            annotation: Some((a.id, describe(a))),
            kind,
            message,
        }
    }

    /// A warning about a whole document.
    pub fn document(document: &str, kind: WarningKind, message: String) -> Self {
        Self {
            document: document.to_owned(),
            annotation: None,
            kind,
            message,
        }
    }
}

impl fmt::Display for ExportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.document)?;
        if let Some((id, what)) = &self.annotation {
            write!(f, "{what} ({id}): ")?;
        }
        write!(f, "{} ({})", self.message, self.kind.as_str())
    }
}

/// "claim 42–69 "Crime fell by 20% last…"": the tag, span and start of the text.
pub fn describe(a: &Annotation) -> String {
    let flat: String = a
        .exact
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let short: String = if flat.chars().count() > 40 {
        flat.chars().take(39).chain(['…']).collect()
    } else {
        flat
    };
    format!("{} {}–{} {short:?}", a.tag.kind(), a.start, a.end)
}
