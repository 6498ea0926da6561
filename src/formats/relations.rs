//! The links an export can write: both ends must be in the export. A link whose target is
//! left out (not anchored, not exportable in the format, or gone from the document) is
//! reported on the annotation it starts from, never dropped silently.

use super::export_doc::ExportDoc;
use super::warning::{ExportWarning, WarningKind, describe};
use crate::core::annotation::{Annotation, AnnotationId};
use crate::core::link::Link;

/// One link of a document with both its ends.
#[derive(Debug, Clone, Copy)]
pub struct DocLink<'a> {
    /// The annotation holding the link.
    pub from: &'a Annotation,
    /// The link.
    pub link: &'a Link,
    /// The annotation it points to.
    pub to: &'a Annotation,
}

/// The links of `doc`, in document then stored order, whose two ends `exported` accepts. A
/// link from an exported annotation to one that is not gets a `Skipped` warning naming both;
/// links from annotations left out are covered by those annotations' own warnings.
pub fn exported_links<'a>(
    doc: &'a ExportDoc,
    exported: &dyn Fn(AnnotationId) -> bool,
    format: &str,
    warnings: &mut Vec<ExportWarning>,
) -> Vec<DocLink<'a>> {
    let mut out = Vec::new();
    for p in &doc.annotations {
        let from = &p.annotation;
        if !exported(from.id) {
            continue;
        }
        for link in &from.links {
            let to = doc
                .annotations
                .iter()
                .map(|q| &q.annotation)
                .find(|q| q.id == link.to);
            match to {
                Some(to) if exported(to.id) => out.push(DocLink { from, link, to }),
                _ => {
                    let other = to.map_or_else(
                        || format!("annotation {} (not in the document)", link.to),
                        describe,
                    );
                    warnings.push(ExportWarning::about(
                        &doc.path,
                        from,
                        WarningKind::Skipped,
                        format!(
                            "its {} link to {other} is not exported to {format}: that annotation is not in the export",
                            link.kind
                        ),
                    ));
                }
            }
        }
    }
    out
}
