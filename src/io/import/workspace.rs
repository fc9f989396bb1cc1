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

/// How alike two texts must be ([`text_similarity`]) for a document with the same title and
/// outlet to count as an earlier version of the same article.
pub const SAME_ARTICLE_SIMILARITY: f64 = 0.5;

/// The document of `ws` that is an earlier version of `doc`: the same URL, or the same title and
/// outlet *and* mostly the same text ([`SAME_ARTICLE_SIMILARITY`]). A title and outlet alone are
/// not enough: an unrelated article under a generic headline ("Markets today") from the same
/// outlet once replaced a document's text and orphaned all its evidence.
pub fn find_same_article<'a>(
    ws: &'a Workspace,
    doc: &SourceDocument,
) -> Option<&'a SourceDocument> {
    let url = doc.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    if let Some(u) = url
        && let Some(d) = ws
            .documents
            .iter()
            .find(|d| d.url.as_deref().map(str::trim) == Some(u))
    {
        return Some(d);
    }
    if doc.title.trim().is_empty() {
        return None;
    }
    let mut shingles = None;
    ws.documents.iter().find(|d| {
        d.title.trim() == doc.title.trim() && d.outlet.trim() == doc.outlet.trim() && {
            let mine = shingles.get_or_insert_with(|| word_shingles(&doc.text));
            jaccard(mine, &word_shingles(&d.text)) >= SAME_ARTICLE_SIMILARITY
        }
    })
}

/// How much of their wording two texts share: the Jaccard index of their sets of four-word
/// sequences (1.0 the same words in the same order, 0.0 nothing in common). Linear in the texts.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    jaccard(&word_shingles(a), &word_shingles(b))
}

fn word_shingles(text: &str) -> std::collections::HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let k = 4.min(words.len().max(1));
    words
        .windows(k)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

fn jaccard(a: &std::collections::HashSet<u64>, b: &std::collections::HashSet<u64>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common = small.iter().filter(|x| large.contains(x)).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

/// What importing one file did to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// A new document with this id.
    Added(DocId),
    /// A newer version of this document: its text was replaced and its evidence re-anchored.
    Updated(DocId, crate::anchoring::ReanchorReport),
    /// Looks like a newer version of `earlier`, but replacing was not asked for: added as a new
    /// document beside it, so no evidence of `earlier` moves or is orphaned.
    KeptBoth {
        /// The new document.
        id: DocId,
        /// The document it looks like a newer version of.
        earlier: DocId,
    },
}

/// Adds the document. When it is a newer version of a document already in the workspace
/// ([`find_same_article`]) and `replace` is set, replaces that document's text and re-anchors
/// its evidence instead; without `replace` both are kept ([`Placed::KeptBoth`]), so nothing is
/// orphaned behind the analyst's back. Says which document already has the same content (and
/// changes nothing) for an exact duplicate.
pub fn place_in_workspace(
    ws: &mut Workspace,
    imported: Imported,
    replace: bool,
) -> Result<Placed, AlreadyPresent> {
    let mut doc = imported.document;
    not_present(ws, &mut doc)?;
    let earlier = find_same_article(ws, &doc).map(|d| d.id.clone());
    if replace
        && let Some(existing) = &earlier
        && let Some((action, report)) =
            crate::anchoring::replace_text(ws, existing, doc.text.clone())
        && action.apply(ws).is_ok()
    {
        return Ok(Placed::Updated(existing.clone(), report));
    }
    let id = add_to_workspace(
        ws,
        Imported {
            document: doc,
            ..imported
        },
    )?;
    Ok(match earlier {
        Some(earlier) => Placed::KeptBoth { id, earlier },
        None => Placed::Added(id),
    })
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
