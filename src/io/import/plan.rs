//! The import plan: what importing a batch of read documents does to a workspace, decided once
//! for the CLI's `import` and the app's File › Import. It is a list of actions (applied as one
//! undo step in the app, straight away by the CLI) and, per file, what happened in words the
//! caller turns into lines or notes. The app used to repeat these rules in its own loop.

use super::workspace::{find_same_article, find_same_content};
use crate::action::Action;
use crate::anchoring::{ReanchorReport, replace_text};
use crate::model::{DocId, SourceDocument, Workspace};
use std::path::PathBuf;

/// What to do with a document that looks like a newer version of one already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewVersionPolicy {
    /// Replace its text and re-anchor its evidence (`import --replace`).
    Replace,
    /// Add it beside the earlier one; nothing moves (`import` without `--replace`).
    KeepBoth,
    /// Replace when no evidence would be orphaned; otherwise leave the choice to the analyst
    /// ([`Placement::Ask`]).
    Ask,
}

/// What the plan does with one document.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// Added under a new id.
    Added(DocId),
    /// Its text replaced the text of this earlier version.
    Replaced(DocId, ReanchorReport),
    /// Added under `id` beside the earlier version it resembles.
    KeptBoth {
        /// The new document.
        id: DocId,
        /// The earlier version.
        earlier: DocId,
    },
    /// Skipped: this document (already in the workspace or earlier in the batch) has the same
    /// text.
    Duplicate {
        /// The document with the same text.
        id: DocId,
        /// Its title.
        title: String,
    },
    /// Left out until the analyst answers: replacing `existing` would orphan evidence. The
    /// document is handed back whole.
    Ask {
        /// The imported document (no id yet).
        doc: Box<SourceDocument>,
        /// The document it looks like a newer version of.
        existing: DocId,
        /// What replacing would do to that document's evidence.
        report: ReanchorReport,
    },
}

/// The plan for a batch.
#[derive(Clone, Debug, Default)]
pub struct ImportPlan {
    /// The edits, in file order (apply them as one batch).
    pub actions: Vec<Action>,
    /// Per file: where it came from, its title and what happens to it.
    pub placements: Vec<(PathBuf, String, Placement)>,
}

impl ImportPlan {
    /// The ids of the documents added or replaced, in file order.
    pub fn placed(&self) -> impl Iterator<Item = &DocId> {
        self.placements.iter().filter_map(|(_, _, p)| match p {
            Placement::Added(id) | Placement::Replaced(id, _) => Some(id),
            Placement::KeptBoth { id, .. } => Some(id),
            Placement::Duplicate { .. } | Placement::Ask { .. } => None,
        })
    }
}

/// Plans importing `docs` (file and document, in order) into `ws`, which is not changed. A
/// document whose text is already in the workspace or earlier in the batch is skipped; one that
/// looks like a newer version of a document ([`find_same_article`]) is handled by `policy`; any
/// other is added with the next free id. An earlier version is replaced at most once per batch
/// (a second newer version is kept beside it).
pub fn plan_import(
    ws: &Workspace,
    docs: impl IntoIterator<Item = (PathBuf, SourceDocument)>,
    policy: NewVersionPolicy,
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut next = ws
        .documents
        .iter()
        .filter_map(|d| d.id.number())
        .max()
        .unwrap_or(0);
    let mut added: Vec<(String, DocId, String)> = Vec::new();
    let mut replaced: Vec<DocId> = Vec::new();
    for (path, mut doc) in docs {
        if doc.sha256.is_empty() {
            doc.sha256 = SourceDocument::hash_text(&doc.text);
        }
        let title = doc.title.clone();
        let same = find_same_content(ws, &doc.sha256)
            .map(|d| (d.id.clone(), d.title.clone()))
            .or_else(|| {
                added
                    .iter()
                    .find(|(sha, _, _)| *sha == doc.sha256)
                    .map(|(_, id, t)| (id.clone(), t.clone()))
            });
        if let Some((id, title_there)) = same {
            plan.placements.push((
                path,
                title,
                Placement::Duplicate {
                    id,
                    title: title_there,
                },
            ));
            continue;
        }
        let earlier = find_same_article(ws, &doc)
            .map(|d| d.id.clone())
            .filter(|e| !replaced.contains(e));
        if let Some(existing) = &earlier
            && policy != NewVersionPolicy::KeepBoth
            && let Some((action, report)) = replace_text(ws, existing, doc.text.clone())
        {
            if policy == NewVersionPolicy::Ask && report.orphaned > 0 {
                plan.placements.push((
                    path,
                    title,
                    Placement::Ask {
                        doc: Box::new(doc),
                        existing: existing.clone(),
                        report,
                    },
                ));
                continue;
            }
            replaced.push(existing.clone());
            plan.actions.push(action);
            plan.placements
                .push((path, title, Placement::Replaced(existing.clone(), report)));
            continue;
        }
        next += 1;
        doc.id = DocId::numbered(next);
        let id = doc.id.clone();
        added.push((doc.sha256.clone(), id.clone(), title.clone()));
        plan.actions.push(Action::AddDocument {
            doc: Box::new(doc),
            index: None,
        });
        let placement = match earlier {
            Some(earlier) => Placement::KeptBoth { id, earlier },
            None => Placement::Added(id),
        };
        plan.placements.push((path, title, placement));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> SourceDocument {
        SourceDocument::new(DocId(String::new()), title, "Ledger", text.to_owned())
    }

    #[test]
    fn numbers_new_documents_and_skips_repeats_within_the_batch() {
        let ws = Workspace::new("t");
        let a = doc("A", "Alpha raised money from Beta.");
        let plan = plan_import(
            &ws,
            [
                (PathBuf::from("a.txt"), a.clone()),
                (PathBuf::from("a-again.txt"), a),
                (PathBuf::from("b.txt"), doc("B", "Gamma leased chips.")),
            ],
            NewVersionPolicy::Ask,
        );
        assert_eq!(plan.actions.len(), 2);
        let ids: Vec<String> = plan.placed().map(|i| i.to_string()).collect();
        assert_eq!(ids, ["doc-0001", "doc-0002"]);
        assert!(matches!(
            &plan.placements[1].2,
            Placement::Duplicate { id, .. } if id.as_str() == "doc-0001"
        ));
    }
}
