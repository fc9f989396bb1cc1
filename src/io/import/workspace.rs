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

/// The document of `ws` that is an earlier version of `doc`: the same URL, or the same title
/// from the same outlet. Used to replace its text (re-anchoring evidence) instead of adding a
/// second copy when an article is imported again after the outlet updated it.
pub fn find_same_article<'a>(
    ws: &'a Workspace,
    doc: &SourceDocument,
) -> Option<&'a SourceDocument> {
    ws.documents.iter().find(|d| {
        (doc.url.is_some() && d.url == doc.url)
            || (!doc.title.is_empty() && d.title == doc.title && d.outlet == doc.outlet)
    })
}

/// What importing one file did to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// A new document with this id.
    Added(DocId),
    /// A newer version of this document: its text was replaced and its evidence re-anchored.
    Updated(DocId, crate::anchoring::ReanchorReport),
}

/// Adds the document, or, when it is a newer version of a document already in the workspace
/// ([`find_same_article`]), replaces that document's text and re-anchors its evidence. Says
/// which document already has the same content (and changes nothing) for an exact duplicate.
pub fn place_in_workspace(
    ws: &mut Workspace,
    imported: Imported,
) -> Result<Placed, AlreadyPresent> {
    let mut doc = imported.document;
    not_present(ws, &mut doc)?;
    if let Some(existing) = find_same_article(ws, &doc).map(|d| d.id.clone())
        && let Some((action, report)) =
            crate::anchoring::replace_text(ws, &existing, doc.text.clone())
        && action.apply(ws).is_ok()
    {
        return Ok(Placed::Updated(existing, report));
    }
    add_to_workspace(
        ws,
        Imported {
            document: doc,
            ..imported
        },
    )
    .map(Placed::Added)
}

/// Hashes `doc` if it has no hash yet and says which document of `ws` already has its content.
fn not_present(ws: &Workspace, doc: &mut SourceDocument) -> Result<(), AlreadyPresent> {
    if doc.sha256.is_empty() {
        doc.sha256 = SourceDocument::hash_text(&doc.text);
    }
    match find_same_content(ws, &doc.sha256) {
        Some(existing) => Err(AlreadyPresent {
            id: existing.id.clone(),
            title: existing.title.clone(),
        }),
        None => Ok(()),
    }
}

/// Adds the document with the next free id and returns that id, or says which document already
/// has the same content (and changes nothing).
pub fn add_to_workspace(ws: &mut Workspace, imported: Imported) -> Result<DocId, AlreadyPresent> {
    let mut doc = imported.document;
    not_present(ws, &mut doc)?;
    doc.id = ws.next_doc_id();
    let id = doc.id.clone();
    ws.documents.push(doc);
    Ok(id)
}
