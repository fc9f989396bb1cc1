//! Independent origins of a claim as charts and exports list them: the names of
//! [`crate::analysis::origin::claim_origins`] (the one rule, shared with the report's
//! corroboration table and the Network), sorted case-insensitively for stable output.
//!
//! There used to be a second, simpler rule here (attributed reporter, else the document's
//! `cites`, else its outlet) that ignored "according to …" cues in the sentence, so the claims
//! CSV and the report named different sources for 13 of the sample's 29 claims.

use crate::model::{Claim, Workspace};
use std::collections::BTreeMap;

/// The distinct origins of one claim's evidence, sorted case-insensitively.
pub fn claim_origins(ws: &Workspace, claim: &Claim) -> Vec<String> {
    distinct(
        crate::analysis::origin::claim_origins(ws, claim)
            .into_iter()
            .map(|o| o.name),
    )
}

/// Deduplicates names case- and whitespace-insensitively, keeping the first spelling, sorted by
/// the normalised name.
pub fn distinct(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut m: BTreeMap<String, String> = BTreeMap::new();
    for n in names {
        let t = n.trim();
        if t.is_empty() {
            continue;
        }
        let key = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        m.entry(key).or_insert_with(|| t.to_owned());
    }
    m.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn doc(id: &str, outlet: &str, cites: &[&str]) -> SourceDocument {
        SourceDocument {
            id: id.into(),
            title: format!("title {id}"),
            outlet: outlet.into(),
            author: None,
            url: None,
            published: None,
            imported_at: None,
            sha256: String::new(),
            cites: cites.iter().map(|s| s.to_string()).collect(),
            text: "x".into(),
            excluded: vec![],
            rejected: Vec::new(),
            import_notes: Vec::new(),
            import_marks: Default::default(),
        }
    }

    fn ev(d: &str, attributed: Option<&str>) -> Evidence {
        Evidence {
            doc: d.into(),
            anchor: Anchor::from_span("x", 0, 1),
            attributed_to: attributed.map(str::to_owned),
            orphaned: false,
        }
    }

    #[test]
    fn echoes_count_once() {
        let mut ws = Workspace::new("t");
        ws.documents
            .push(doc("doc-1", "Outlet A", &["The Information"]));
        ws.documents.push(doc("doc-2", "Outlet B", &[]));
        ws.documents.push(doc("doc-3", "Outlet C", &[]));
        ws.documents.push(doc("doc-4", " ", &[]));
        let mut c = Claim::new(ClaimId::numbered(1), ClaimKind::Investment);
        c.evidence = vec![
            ev("doc-1", None),
            ev("doc-2", Some("the  information")),
            ev("doc-3", None),
            ev("doc-4", None),
        ];
        assert_eq!(
            claim_origins(&ws, &c),
            vec!["Outlet C", "The Information", "title doc-4"]
        );
    }
}
