//! File > Export in the window: the open document's annotations in another tool's format,
//! written where the user chooses (or beside the document when no file dialog can be shown).

use std::path::{Path, PathBuf};

use crate::formats::{ExportContent, ExportDoc, ExportFormat, ExportOptions};
use crate::store::output::{
    FolderFile, OutputRules, Written, free_name, write_folder, write_with_companions,
};

use crate::workspace::Document;

/// A menu label for a format.
pub fn format_label(f: ExportFormat) -> &'static str {
    match f {
        ExportFormat::W3c => "W3C Web Annotation (JSON-LD)…",
        ExportFormat::Brat => "brat standoff (folder)…",
        ExportFormat::Csv => "CSV spreadsheet…",
        ExportFormat::Jsonl => "JSON Lines…",
        ExportFormat::Doccano => "doccano JSONL…",
        ExportFormat::Spacy => "spaCy / Prodigy spans…",
        ExportFormat::Conll => "CoNLL (IOB tokens)…",
        ExportFormat::ClaimReview => "ClaimReview (JSON-LD)…",
        ExportFormat::Html => "HTML report…",
    }
}

/// Where the export goes when no dialog can be shown: beside the document.
fn default_target(doc: &Path, format: ExportFormat) -> PathBuf {
    let mut name = doc.as_os_str().to_owned();
    match format.extension() {
        Some(ext) if ext == format.as_str() => name.push(format!(".{ext}")),
        Some(ext) => name.push(format!(".{}.{ext}", format.as_str())),
        None => name.push(format!(".{}", format.as_str())),
    }
    PathBuf::from(name)
}

/// The document's path as an export at `target` names it: from the export's folder, as
/// `factmark export` run there names it (`article.pdf`, `sub/article.pdf`), or whole when
/// the document is elsewhere. (Its URI stays absolute.)
fn shown_path<'a>(doc: &'a Path, target: &Path, writes_folder: bool) -> &'a Path {
    let folder = if writes_folder {
        Some(target)
    } else {
        target.parent()
    };
    folder
        .and_then(|folder| doc.strip_prefix(folder).ok())
        .filter(|rel| !rel.as_os_str().is_empty())
        .unwrap_or(doc)
}

/// Asks where to export (a dialog if one can be shown) and writes the export. Returns a
/// message for the user. The document and its sidecar are never written over; an existing
/// file is replaced only when the file dialog asked the user (without a dialog, a free name
/// beside the document is chosen).
pub fn export_ui(doc: &Document, format: ExportFormat) -> Result<String, String> {
    let suggested = default_target(doc.path(), format);
    let dir = suggested.parent().unwrap_or(Path::new(".")).to_owned();
    let name = suggested
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let picked = if format.writes_folder() {
        rfd::FileDialog::new().set_directory(&dir).pick_folder()
    } else {
        rfd::FileDialog::new()
            .set_directory(&dir)
            .set_file_name(&name)
            .save_file()
    };
    // A save dialog asks before it returns an existing file's name; a folder dialog does not,
    // so differing files in a picked folder are still refused.
    let replace = picked.is_some() && !format.writes_folder();
    let target = picked.unwrap_or_else(|| free_name(&suggested));
    let rules = OutputRules::protecting([doc.path()], [doc.session.sidecar_path.as_path()])
        .replacing(replace)
        .keeping_snapshots(
            &doc.session.sidecar_path,
            doc.session.annotations.as_slice(),
        );
    let export_doc = ExportDoc::new(
        shown_path(doc.path(), &target, format.writes_folder()),
        doc.session.text.clone(),
        doc.session.annotations.as_slice(),
    )
    .with_uri(crate::formats::file_uri(doc.path()))
    .with_metadata(doc.session.metadata().cloned().unwrap_or_default())
    .with_corrections(doc.session.corrections.clone())
    .with_pages(doc.session.pages.clone());
    let output = crate::formats::export(format, &[export_doc], &ExportOptions::default())
        .map_err(|e| format!("Could not export: {e}"))?;
    let companions: Vec<FolderFile> = output
        .companions
        .iter()
        .map(|f| FolderFile {
            name: &f.name,
            contents: f.contents.as_bytes(),
        })
        .collect();
    let ext = format.extension().unwrap_or_default();
    let written = match &output.content {
        ExportContent::Single(s) => {
            write_with_companions(&target, ext, s.as_bytes(), &companions, &rules).map(|w| w.0)
        }
        ExportContent::Files(files) => {
            let files: Vec<FolderFile> = files
                .iter()
                .map(|f| FolderFile {
                    name: &f.name,
                    contents: f.contents.as_bytes(),
                })
                .collect();
            write_folder(&target, &files, &rules).map(|()| Written::File(target.clone()))
        }
    };
    written.map_err(|e| format!("Not exported. {e}"))?;
    let mut msg = format!("Exported as {} to {}.", format.as_str(), target.display());
    if !companions.is_empty() {
        msg.push_str(" Links and evidence are in the .links and .evidence files beside it.");
    }
    if !output.warnings.is_empty() {
        msg.push_str(&format!(
            " {} warnings, the first: {}",
            output.warnings.len(),
            output.warnings[0]
        ));
    }
    Ok(msg)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::shown_path;

    #[test]
    fn an_export_names_its_document_from_its_own_folder() {
        let doc = Path::new("/work/cases/report.pdf");
        for (target, writes_folder, shown) in [
            ("/work/cases/report.pdf.csv", false, "report.pdf"),
            ("/work/report.csv", false, "cases/report.pdf"),
            // Elsewhere: the whole path.
            ("/tmp/out.csv", false, "/work/cases/report.pdf"),
            // A folder of files (brat): from that folder.
            ("/work/cases", true, "report.pdf"),
        ] {
            assert_eq!(
                shown_path(doc, Path::new(target), writes_folder),
                Path::new(shown),
                "{target}"
            );
        }
    }
}
