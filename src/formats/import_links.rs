//! Importing links: each link a file holds between two of its spans (or to an annotation it
//! names by its factmark id) is checked as the window checks a new link (its kind joins those
//! tags, it is not a duplicate, either way for a symmetric kind) and then put on the new
//! annotation it starts from, or listed for an annotation already in the document.

use super::import::{Endpoint, ImportOptions, ImportReport, ImportTarget, IncomingLink, Skipped};
use crate::core::annotation::{Annotation, AnnotationId};
use crate::core::link::{Link, LinkError, LinkId, check_link, set_speaker, speaker};

/// Places `links` once the spans are placed: `resolved[i]` is the annotation item `i` became
/// (added or already present), `None` if it was not imported.
pub(super) fn place_links(
    links: Vec<IncomingLink>,
    resolved: &[Option<AnnotationId>],
    target: &ImportTarget<'_>,
    options: &ImportOptions,
    report: &mut ImportReport,
) {
    for l in links {
        let end = |e: Endpoint| match e {
            Endpoint::Item(i) => resolved.get(i).copied().flatten(),
            Endpoint::Id(id) => Some(id),
        };
        let (Some(from), Some(to)) = (end(l.from), end(l.to)) else {
            report.skipped.push(Skipped {
                item: l.item,
                reason: "one of its ends was not imported, so the link cannot be made".to_owned(),
            });
            continue;
        };
        let find = |id: AnnotationId| -> Option<Annotation> {
            target
                .existing
                .iter()
                .chain(report.added.iter())
                .find(|a| a.id == id)
                .cloned()
        };
        let (Some(source), Some(dest)) = (find(from), find(to)) else {
            report.skipped.push(Skipped {
                item: l.item,
                reason: "it names an annotation that is neither in the file nor in the document"
                    .to_owned(),
            });
            continue;
        };
        let pending_same = report.links.iter().any(|(f, p)| {
            p.kind == l.kind
                && ((*f == from && p.to == to)
                    || (l.kind.is_symmetric() && *f == to && p.to == from))
        });
        let all = target.existing.iter().chain(report.added.iter());
        match check_link(all, &source, &dest, &l.kind) {
            Err(LinkError::Exists(_)) => {
                report.links_present += 1;
                continue;
            }
            Err(e) => {
                report.skipped.push(Skipped {
                    item: l.item,
                    reason: e.to_string(),
                });
                continue;
            }
            Ok(()) if pending_same => {
                report.links_present += 1;
                continue;
            }
            Ok(()) => {}
        }
        let link = Link {
            id: l.id.unwrap_or_else(LinkId::random),
            kind: l.kind,
            to,
            author: l.author.unwrap_or_else(|| options.author.clone()),
            created: l.created.unwrap_or(options.now),
            note: l.note,
        };
        report.links_added += 1;
        match report.added.iter_mut().find(|a| a.id == from) {
            Some(a) => {
                // As a link made in the window: an attribution names the speaker, unless the
                // file already did.
                let name = dest.exact.trim();
                if link.kind == crate::core::link::LinkKind::AttributedTo
                    && speaker(&a.tag).is_none()
                    && !name.is_empty()
                {
                    set_speaker(&mut a.tag, Some(name.to_owned()));
                }
                a.links.push(link);
            }
            None => report.links.push((from, link)),
        }
    }
}
