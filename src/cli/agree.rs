//! `factmark agree`: compares two annotators' sidecars of the same document (exact-span
//! precision, recall and F1, Cohen's κ, disagreements) as a table or JSON.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Args;
use serde::Serialize;

use super::record::one_line;
use super::report_format::{ReportFormat, columns};
use super::{Outcome, print_out};
use crate::core::agreement::{Agreement, Disagreement, Kappa, Scores, Side, compare};
use crate::store::Sidecar;
use crate::store::read::read_sidecar;
use crate::store::sidecar::{document_of_sidecar, sidecar_path};

/// Arguments of `factmark agree`.
#[derive(Debug, Args)]
#[command(
    after_help = "A is the reference: precision = matched / B, recall = matched / A, \
F1 = 2·matched / (A + B). Spans match when start and end are equal. `f1`, `precision` and \
`recall` are the labelled scores (same span and same tag); `span` ignores the tags. Cohen's κ \
is computed on the tags of span-matched pairs. A document path stands for its sidecar. \
Exit code 0 whatever the agreement; 2 when a file cannot be read or the two sidecars were \
written against different versions of the document (unless --force)."
)]
pub struct AgreeArgs {
    /// Annotator A's sidecar (the reference).
    pub a: PathBuf,
    /// Annotator B's sidecar.
    pub b: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Compare even when the sidecars record different document texts (offsets may not line up).
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: AgreeArgs) -> anyhow::Result<Outcome> {
    let (path_a, a) = load(&args.a)?;
    let (path_b, b) = load(&args.b)?;
    if a.document.sha256 != b.document.sha256 {
        let msg = format!(
            "{} and {} were written against different texts of the document ({} has sha256 {}…, \
             {} has {}…), so their offsets cannot be compared",
            path_a.display(),
            path_b.display(),
            a.document.file,
            short(&a.document.sha256),
            b.document.file,
            short(&b.document.sha256),
        );
        if !args.force {
            bail!("{msg}; use --force to compare them anyway");
        }
        eprintln!("factmark: warning: {msg}; comparing anyway (--force)");
    }
    let result = compare(&a.annotations, &b.annotations);
    let out = match args.format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(&Report::new(&path_a, &path_b, &result))? + "\n"
        }
        ReportFormat::Table => table(&path_a, &path_b, &result),
    };
    print_out(&out)?;
    Ok(Outcome::Ok)
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Reads a sidecar, given itself or its document.
fn load(path: &Path) -> anyhow::Result<(PathBuf, Sidecar)> {
    let sidecar = match document_of_sidecar(path) {
        Some(_) => path.to_owned(),
        None => sidecar_path(path),
    };
    let decoded = read_sidecar(&sidecar)?
        .with_context(|| format!("{}: there is no such sidecar", sidecar.display()))?
        .sidecar;
    Ok((sidecar, decoded))
}

/// The JSON report. Field names are part of the documented schema.
#[derive(Debug, Serialize)]
struct Report {
    file_a: String,
    file_b: String,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
    labelled: Scores,
    span: Scores,
    kappa: Option<f64>,
    kappa_note: Option<String>,
    pairs: usize,
    per_tag: BTreeMap<&'static str, Scores>,
    disagreements: Vec<DisagreementJson>,
}

#[derive(Debug, Serialize)]
struct DisagreementJson {
    kind: &'static str,
    start: usize,
    end: usize,
    exact: String,
    a_id: Option<String>,
    a_tag: Option<&'static str>,
    b_id: Option<String>,
    b_tag: Option<&'static str>,
}

impl Report {
    fn new(a: &Path, b: &Path, r: &Agreement) -> Self {
        Self {
            file_a: a.display().to_string(),
            file_b: b.display().to_string(),
            precision: r.labelled.precision,
            recall: r.labelled.recall,
            f1: r.labelled.f1,
            labelled: r.labelled,
            span: r.span,
            kappa: r.kappa.value(),
            kappa_note: match &r.kappa {
                Kappa::Undefined(why) => Some(why.clone()),
                Kappa::Value(_) => None,
            },
            pairs: r.pairs,
            per_tag: r.per_tag.iter().map(|(t, s)| (t.as_str(), *s)).collect(),
            disagreements: r.disagreements.iter().map(DisagreementJson::new).collect(),
        }
    }
}

impl DisagreementJson {
    fn new(d: &Disagreement) -> Self {
        Self {
            kind: d.kind.as_str(),
            start: d.start,
            end: d.end,
            exact: d.exact.clone(),
            a_id: d.a.map(|s| s.id.to_string()),
            a_tag: d.a.map(|s| s.tag.as_str()),
            b_id: d.b.map(|s| s.id.to_string()),
            b_tag: d.b.map(|s| s.tag.as_str()),
        }
    }
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

fn score_row(name: &str, s: &Scores) -> Vec<String> {
    vec![
        name.to_owned(),
        num(s.precision),
        num(s.recall),
        num(s.f1),
        s.a.to_string(),
        s.b.to_string(),
        s.matched.to_string(),
    ]
}

fn table(a: &Path, b: &Path, r: &Agreement) -> String {
    let mut out = format!(
        "A (reference): {} ({} annotations)\nB: {} ({} annotations)\n\n",
        a.display(),
        r.labelled.a,
        b.display(),
        r.labelled.b
    );
    let mut rows = vec![
        ["", "precision", "recall", "f1", "A", "B", "matched"]
            .map(str::to_owned)
            .to_vec(),
        score_row("span and tag", &r.labelled),
        score_row("span only", &r.span),
    ];
    rows.extend(
        r.per_tag
            .iter()
            .map(|(t, s)| score_row(&format!("  {t}"), s)),
    );
    out.push_str(&columns(&rows));
    out.push_str(&match &r.kappa {
        Kappa::Value(k) => format!(
            "\nCohen's kappa on the tags of {} span-matched pairs: {k:.3}\n",
            r.pairs
        ),
        Kappa::Undefined(why) => {
            format!("\nCohen's kappa: undefined ({why})\n")
        }
    });
    if r.disagreements.is_empty() {
        out.push_str("\nno disagreements\n");
        return out;
    }
    out.push_str(&format!("\ndisagreements ({}):\n", r.disagreements.len()));
    let rows: Vec<Vec<String>> = r
        .disagreements
        .iter()
        .map(|d| {
            let tag = |s: Option<Side>| s.map_or_else(|| "–".to_owned(), |s| s.tag.to_string());
            vec![
                format!("  {}:{}", d.start, d.end),
                d.kind.as_str().to_owned(),
                format!("A {}", tag(d.a)),
                format!("B {}", tag(d.b)),
                one_line(&d.exact, 60),
            ]
        })
        .collect();
    out.push_str(&columns(&rows));
    out
}
