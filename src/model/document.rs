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

impl TextRange {
    /// Whether the range lies inside `text` on character boundaries, start before end: the one
    /// test that validation, merge repair and merge resolution apply to every stored range.
    pub fn fits(&self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }
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
    /// What the import changed in the text and which parts of it came from outside the page's
    /// body (a PDF's form fields and notes); empty for documents that need neither.
    #[serde(default, skip_serializing_if = "ImportMarks::is_empty")]
    pub import_marks: ImportMarks,
}

/// Spans of a document's text that the import changed or added, so the text can be normalised
/// for search and extraction (ligatures expanded, hyphenated words joined) while the original
/// stays at hand for display. Only the changed spans are kept, not a second copy of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ImportMarks {
    /// Spans of the text whose original differs, sorted and disjoint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub originals: Vec<OriginalSpan>,
    /// Form-field values and notes, sorted by start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<MarkedRegion>,
    /// Where the import found each metadata field of a web page (title from the JSON-LD
    /// headline, author from a visible byline…), shown in Details so the analyst knows which
    /// values to check. Optional in the file (format version 2 unchanged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_sources: Vec<FieldSource>,
}

/// Where one metadata field of a document came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldSource {
    /// The field: `title`, `outlet`, `author`, `published` or `url`.
    pub field: String,
    /// Where it was read, in words (`JSON-LD headline`, `byline in the text`, `URL path`).
    pub from: String,
}

impl ImportMarks {
    /// Whether nothing is marked (the field is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self.originals.is_empty() && self.regions.is_empty() && self.field_sources.is_empty()
    }

    /// Every range, for the check that each fits its text.
    pub fn ranges(&self) -> impl Iterator<Item = TextRange> + '_ {
        self.originals
            .iter()
            .map(|o| o.range)
            .chain(self.regions.iter().map(|r| r.range))
    }
}

/// A span of the text and what the source had there before normalisation (`first` was `ﬁrst`;
/// `precisely` was `pre-⏎cisely`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OriginalSpan {
    /// Where the normalised text is.
    pub range: TextRange,
    /// What the source had instead.
    pub original: String,
}

/// Where a region of the text came from, when not from the page's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// The value filled into a form field.
    FormField,
    /// The text of a comment or note attached to a page.
    Note,
}

/// A marked region of the text: a form value or a note, with the field's name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MarkedRegion {
    /// Where it is in the text.
    pub range: TextRange,
    /// What it is.
    pub kind: RegionKind,
    /// The field's name (empty for a note).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
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
            import_marks: ImportMarks::default(),
        }
    }

    /// The text as the source had it, with every normalised span put back to its original.
    pub fn original_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for o in &self.import_marks.originals {
            let (s, e) = (o.range.start, o.range.end);
            if s < at || e > self.text.len() || s > e {
                continue;
            }
            out.push_str(self.text.get(at..s).unwrap_or_default());
            out.push_str(&o.original);
            at = e;
        }
        out.push_str(self.text.get(at..).unwrap_or_default());
        out
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
    fn the_original_text_puts_changed_spans_back() {
        let mut d = SourceDocument::new(DocId::new("d"), "t", "", "the first profit\n".into());
        d.import_marks.originals = vec![
            OriginalSpan {
                range: TextRange { start: 4, end: 9 },
                original: "\u{FB01}rst".into(),
            },
            OriginalSpan {
                range: TextRange { start: 10, end: 16 },
                original: "pro-\nfit".into(),
            },
        ];
        assert_eq!(d.original_text(), "the \u{FB01}rst pro-\nfit\n");
        // Absent marks are left out of the file, and a file without them reads.
        let json =
            serde_json::to_string(&SourceDocument::new(DocId::new("d"), "t", "", "x".into()))
                .unwrap();
        assert!(!json.contains("import_marks"), "{json}");
        let back: SourceDocument = serde_json::from_str(&json).unwrap();
        assert!(back.import_marks.is_empty());
    }

    #[test]
    fn a_marked_span_outside_the_text_is_a_problem() {
        let mut ws = crate::model::Workspace::new("w");
        let mut d = SourceDocument::new(DocId::new("doc-0001"), "t", "", "é\n".into());
        d.import_marks.regions.push(MarkedRegion {
            range: TextRange { start: 0, end: 2 },
            kind: RegionKind::Note,
            label: String::new(),
        });
        ws.documents.push(d.clone());
        assert!(
            ws.validate()
                .iter()
                .all(|p| !p.message.contains("marked at import"))
        );
        // Inside the `é` (not a character boundary), and past the end.
        for (start, end) in [(1, 2), (0, 9)] {
            let mut bad = d.clone();
            bad.import_marks.regions[0].range = TextRange { start, end };
            ws.documents[0] = bad;
            assert!(
                ws.validate()
                    .iter()
                    .any(|p| p.message.contains("marked at import")),
                "{start}..{end}"
            );
        }
    }

    #[test]
    fn hashes_are_hex_sha256() {
        assert_eq!(
            SourceDocument::hash_text("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
