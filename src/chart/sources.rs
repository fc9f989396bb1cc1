//! Independent origins of a claim: who originally reported it, so that five outlets repeating
//! one report count as one source.
//!
//! An evidence span's origin is its `attributed_to` reporter; else the outlets its document
//! `cites`; else the document's own outlet (its title when the outlet is blank).

use crate::model::{Claim, Workspace};
use std::collections::BTreeMap;

/// The distinct origins of one claim's evidence, sorted case-insensitively.
pub fn claim_origins(ws: &Workspace, claim: &Claim) -> Vec<String> {
    distinct(claim.evidence.iter().flat_map(|ev| {
        if let Some(a) = ev.attributed_to.as_deref().filter(|a| !a.trim().is_empty()) {
            return vec![a.to_owned()];
        }
        match ws.document(&ev.doc) {
            Some(d) if !d.cites.is_empty() => d.cites.clone(),
            Some(d) if !d.outlet.trim().is_empty() => vec![d.outlet.clone()],
            Some(d) => vec![d.title.clone()],
            None => vec![ev.doc.0.clone()],
        }
    }))
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
