//! Source documents: an article, press release or filing with its full text embedded, so a
//! workspace never loses its sources.

use super::{DocId, FuzzyDate};
use serde::{Deserialize, Serialize};

/// A byte range of a document's text (`start..end`), for excluded boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextRange {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// One source document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Stable id (`doc-0001`).
    pub id: DocId,
    /// Headline or file name.
    pub title: String,
    /// Publisher (`Financial Times`, `TradingKey`).
    #[serde(default)]
    pub outlet: String,
    /// Byline, if any.
    #[serde(default)]
    pub author: Option<String>,
    /// Where it was read, if known. Never fetched.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date; relative dates in the text resolve against it.
    #[serde(default)]
    pub published: Option<FuzzyDate>,
    /// When it was imported, RFC 3339 UTC (`2025-12-17T09:30:00Z`).
    #[serde(default)]
    pub imported_at: Option<String>,
    /// Hex SHA-256 of `text`, to detect the same content imported twice.
    #[serde(default)]
    pub sha256: String,
    /// Outlets this document says it reports from ("The Information"); the default origin of its
    /// evidence when judging independence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<String>,
    /// The full text, UTF-8.
    pub text: String,
    /// Boilerplate ranges (ads, sidebars, comments) that extraction skips and the Reader dims.
    #[serde(default)]
    pub excluded: Vec<TextRange>,
    /// Figure spans whose extraction proposals the analyst rejected; not proposed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<TextRange>,
    /// What the import could not read, one sentence each (`Page 3: no text layer (only images
    /// or drawings); run OCR on it to read it`), shown in the document's Details so a page that
    /// yielded nothing is never lost silently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_notes: Vec<String>,
}

impl SourceDocument {
    /// A document with only its id, title, outlet and text (hashed); no author, URL, date,
    /// citations or marked spans.
    pub fn new(
        id: DocId,
        title: impl Into<String>,
        outlet: impl Into<String>,
        text: String,
    ) -> Self {
        Self {
            id,
            title: title.into(),
            outlet: outlet.into(),
            author: None,
            url: None,
            published: None,
            imported_at: None,
            sha256: Self::hash_text(&text),
            cites: Vec::new(),
            text,
            excluded: Vec::new(),
            rejected: Vec::new(),
            import_notes: Vec::new(),
        }
    }

    /// Hex SHA-256 of a text.
    pub fn hash_text(text: &str) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(text.as_bytes());
        let mut out = String::with_capacity(64);
        for b in digest {
            out.push_str(&format!("{b:02x}"));
        }
        out
    }

    /// Whether the byte offset lies in an excluded range.
    pub fn is_excluded(&self, offset: usize) -> bool {
        self.excluded
            .iter()
            .any(|r| r.start <= offset && offset < r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_hex_sha256() {
        assert_eq!(
            SourceDocument::hash_text("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
