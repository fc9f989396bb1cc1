//! Adding an imported document to a workspace, refusing content that is already there.

use super::Imported;
use crate::model::{DocId, SourceDocument, Workspace};

/// The imported text is already in the workspace (same SHA-256).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("already in workspace: {id} {title:?}")]
pub struct AlreadyPresent {
    /// The document that has the same content.
    pub id: DocId,
    /// Its title.
    pub title: String,
}

/// The document of `ws` whose text hashes to `sha256`, if any (documents saved without a hash
/// are hashed on the fly).
pub fn find_same_content<'a>(ws: &'a Workspace, sha256: &str) -> Option<&'a SourceDocument> {
    ws.documents.iter().find(|d| {
        if d.sha256.is_empty() {
            SourceDocument::hash_text(&d.text) == sha256
        } else {
            d.sha256.eq_ignore_ascii_case(sha256)
        }
    })
}

/// Adds the document with the next free id and returns that id, or says which document already
/// has the same content (and changes nothing).
pub fn add_to_workspace(ws: &mut Workspace, imported: Imported) -> Result<DocId, AlreadyPresent> {
    let mut doc = imported.document;
    if doc.sha256.is_empty() {
        doc.sha256 = SourceDocument::hash_text(&doc.text);
    }
    if let Some(existing) = find_same_content(ws, &doc.sha256) {
        return Err(AlreadyPresent {
            id: existing.id.clone(),
            title: existing.title.clone(),
        });
    }
    doc.id = ws.next_doc_id();
    let id = doc.id.clone();
    ws.documents.push(doc);
    Ok(id)
}
