//! The builder of the sample workspace from `assets/samples/`: development only (feature
//! `dev-data`), so the shipped library carries the sample but not the code that made it.

use crate::model::{
    Anchor, Chart, Claim, ClaimId, ClaimKind, ClaimStatus, DocId, Entity, EntityId, Evidence,
    Figure, FuzzyDate, Period, SourceDocument, TextRange, Workspace,
};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The spec file inside the assets folder.
pub const SPEC_FILE: &str = "sample-spec.ron";

/// Why the sample workspace could not be built from its assets.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// The spec or a document could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The spec is not valid RON for a sample spec.
    #[error("{path}:{line}:{col}: {message}")]
    Spec {
        /// The spec file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser expected.
        message: String,
    },
    /// A claim's evidence names a document file that the spec does not list.
    #[error("claim {claim}: evidence names {doc:?}, which is not a document of the spec")]
    UnknownDocument {
        /// The claim being built.
        claim: ClaimId,
        /// The file name given.
        doc: String,
    },
    /// An evidence quote does not occur (often enough) in its document.
    #[error("claim {claim}: quote {quote:?} (occurrence {occurrence}) not found in {doc}")]
    QuoteNotFound {
        /// The claim being built.
        claim: ClaimId,
        /// The document file.
        doc: String,
        /// The quote looked for.
        quote: String,
        /// Which occurrence (0-based) was asked for.
        occurrence: usize,
    },
    /// A boilerplate quote does not occur in its document.
    #[error("{doc}: boilerplate quote {quote:?} not found")]
    BoilerplateNotFound {
        /// The document file.
        doc: String,
        /// The quote looked for.
        quote: String,
    },
    /// The built workspace breaks an invariant (a bad entity reference, a bad figure…).
    #[error("the built sample is invalid: {0}")]
    Invalid(String),
}

/// The whole spec: workspace title, documents, entities, claims and charts.
#[derive(Debug, Deserialize)]
struct SampleSpec {
    title: String,
    /// The fixed `imported_at` of every document, so builds are deterministic.
    imported_at: String,
    documents: Vec<DocSpec>,
    entities: Vec<Entity>,
    claims: Vec<ClaimSpec>,
    charts: Vec<Chart>,
}

/// One document: its file in the assets folder and its metadata.
#[derive(Debug, Deserialize)]
struct DocSpec {
    file: String,
    title: String,
    outlet: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    url: Option<String>,
    published: Option<FuzzyDate>,
    #[serde(default)]
    cites: Vec<String>,
    /// Quotes where boilerplate starts; each excludes from the quote to the end of the text.
    #[serde(default)]
    boilerplate: Vec<String>,
}

/// One claim without its id; evidence is `(doc file, quote, occurrence, attributed_to)`.
#[derive(Debug, Deserialize)]
struct ClaimSpec {
    kind: ClaimKind,
    subject: Option<EntityId>,
    counterparty: Option<EntityId>,
    figure: Option<Figure>,
    period: Option<Period>,
    as_of: Option<FuzzyDate>,
    status: ClaimStatus,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    note: String,
    evidence: Vec<(String, String, usize, Option<String>)>,
}

/// Builds the sample workspace from `assets_dir` (normally `assets/samples`): reads
/// [`SPEC_FILE`] and the documents it lists, numbers documents `doc-0001…` and claims
/// `cl-0001…` in spec order, anchors every evidence quote, and checks the result.
pub fn build_sample(assets_dir: &Path) -> Result<Workspace, SampleError> {
    let spec_path = assets_dir.join(SPEC_FILE);
    let spec_text = read(&spec_path)?;
    let spec: SampleSpec =
        ron::Options::default()
            .from_str(&spec_text)
            .map_err(|e| SampleError::Spec {
                path: spec_path.clone(),
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })?;

    let mut ws = Workspace::new(spec.title);
    ws.entities = spec.entities;
    ws.charts = spec.charts;
    let mut files: Vec<String> = Vec::new();
    for (i, d) in spec.documents.into_iter().enumerate() {
        let text = read(&assets_dir.join(&d.file))?;
        let excluded = boilerplate_ranges(&text, &d.boilerplate, &d.file)?;
        ws.documents.push(SourceDocument {
            id: DocId::numbered(i as u64 + 1),
            title: d.title,
            outlet: d.outlet,
            author: d.author,
            url: d.url,
            published: d.published,
            imported_at: Some(spec.imported_at.clone()),
            sha256: SourceDocument::hash_text(&text),
            cites: d.cites,
            text,
            excluded,
            rejected: Vec::new(),
            import_notes: Vec::new(),
            import_marks: Default::default(),
        });
        files.push(d.file);
    }
    for (i, c) in spec.claims.into_iter().enumerate() {
        let id = ClaimId::numbered(i as u64 + 1);
        let mut evidence = Vec::with_capacity(c.evidence.len());
        for (file, quote, occurrence, attributed_to) in c.evidence {
            let Some(k) = files.iter().position(|f| *f == file) else {
                return Err(SampleError::UnknownDocument {
                    claim: id,
                    doc: file,
                });
            };
            let doc = &ws.documents[k];
            let Some(anchor) = Anchor::find(&doc.text, &quote, occurrence) else {
                return Err(SampleError::QuoteNotFound {
                    claim: id,
                    doc: file,
                    quote,
                    occurrence,
                });
            };
            evidence.push(Evidence {
                doc: doc.id.clone(),
                anchor,
                attributed_to,
                orphaned: false,
            });
        }
        let mut claim = Claim::new(id, c.kind);
        claim.subject = c.subject;
        claim.counterparty = c.counterparty;
        claim.figure = c.figure;
        claim.period = c.period;
        claim.as_of = c.as_of;
        claim.status = c.status;
        claim.evidence = evidence;
        claim.note = c.note;
        claim.tags = c.tags;
        ws.claims.push(claim);
    }
    let problems = ws.validate();
    if !problems.is_empty() {
        let text: Vec<String> = problems
            .iter()
            .map(|p| format!("{:?}: {}", p.at, p.message))
            .collect();
        return Err(SampleError::Invalid(text.join("; ")));
    }
    Ok(ws)
}

fn read(path: &Path) -> Result<String, SampleError> {
    std::fs::read_to_string(path).map_err(|source| SampleError::Io {
        path: path.to_owned(),
        source,
    })
}

/// One excluded range per quote, from the quote's first occurrence to the end of the text,
/// sorted by start.
fn boilerplate_ranges(
    text: &str,
    quotes: &[String],
    file: &str,
) -> Result<Vec<TextRange>, SampleError> {
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let start = text
            .find(q.as_str())
            .filter(|_| !q.is_empty())
            .ok_or_else(|| SampleError::BoilerplateNotFound {
                doc: file.to_owned(),
                quote: q.clone(),
            })?;
        out.push(TextRange {
            start,
            end: text.len(),
        });
    }
    out.sort_by_key(|r| r.start);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_assets(dir: &Path, quote: &str) {
        std::fs::write(
            dir.join("a.txt"),
            "Amazon may invest at least $10 billion.\nAds: gold at $4,000.\n",
        )
        .unwrap();
        let spec = format!(
            r#"(
    title: "t",
    imported_at: "2025-12-18T09:00:00Z",
    documents: [(file: "a.txt", title: "A", outlet: "O", published: Some("2025-12-16"), boilerplate: ["Ads:"])],
    entities: [(id: "amazon", name: "Amazon")],
    claims: [(kind: investment, subject: Some("amazon"), counterparty: None,
        figure: Some((low: 1e10, qualifier: at_least, unit: "USD")), period: None,
        as_of: Some("2025-12-16"), status: in_talks,
        evidence: [("a.txt", "{quote}", 0, Some("The Information"))])],
    charts: [],
)"#
        );
        std::fs::write(dir.join(SPEC_FILE), spec).unwrap();
    }

    #[test]
    fn builds_anchors_and_excluded_ranges() {
        let dir = tempfile::tempdir().unwrap();
        write_assets(dir.path(), "at least $10 billion");
        let ws = build_sample(dir.path()).unwrap();
        let d = &ws.documents[0];
        assert_eq!(d.id.as_str(), "doc-0001");
        assert_eq!(ws.claims[0].id.as_str(), "cl-0001");
        let a = &ws.claims[0].evidence[0].anchor;
        assert_eq!(&d.text[a.range()], "at least $10 billion");
        assert_eq!(d.excluded.len(), 1);
        assert!(d.is_excluded(d.text.find("$4,000").unwrap()));
        assert!(!d.is_excluded(a.start));
    }

    #[test]
    fn missing_quote_names_claim_and_quote() {
        let dir = tempfile::tempdir().unwrap();
        write_assets(dir.path(), "at most $10 billion");
        let err = build_sample(dir.path()).unwrap_err().to_string();
        assert!(err.contains("cl-0001"), "{err}");
        assert!(err.contains("at most $10 billion"), "{err}");
    }
}
