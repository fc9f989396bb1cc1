//! Text anchors for evidence: byte offsets plus the quoted text and a little context, after the
//! W3C Web Annotation TextPosition and TextQuote selectors.
//!
//! Offsets are UTF-8 byte offsets on char boundaries. The quote and its context let an anchor be
//! found again when a document's text changes (issue: robust anchors); if it cannot be found
//! above a threshold the evidence is orphaned, never moved silently.

use serde::{Deserialize, Serialize};

/// How many bytes (rounded to char boundaries) of context are kept on each side of a quote.
pub const CONTEXT_BYTES: usize = 32;

/// A span of a document's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The quoted text, equal to `text[start..end]` when the anchor is valid.
    pub exact: String,
    /// Up to [`CONTEXT_BYTES`] of text before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_BYTES`] of text after the quote.
    #[serde(default)]
    pub suffix: String,
}

/// Why an anchor does not fit its document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    /// `start > end` or `end` beyond the text.
    #[error("span {start}..{end} is outside the document ({len} bytes)")]
    OutOfBounds {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// Text length in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte character.
    #[error("offset {0} is not on a character boundary")]
    NotCharBoundary(usize),
    /// The text at the span differs from the stored quote.
    #[error("text at {start}..{end} is {found:?}, but the anchor quotes {expected:?}")]
    QuoteMismatch {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// The stored quote.
        expected: String,
        /// What the text has there.
        found: String,
    },
    /// The quote is empty.
    #[error("the anchor quotes nothing")]
    Empty,
}

impl Anchor {
    /// Builds an anchor for `text[start..end]` with its context. Offsets are clamped to the text
    /// and moved back to char boundaries.
    pub fn from_span(text: &str, start: usize, end: usize) -> Self {
        let end = floor_boundary(text, end.min(text.len()));
        let start = floor_boundary(text, start.min(end));
        let pre_start = floor_boundary(text, start.saturating_sub(CONTEXT_BYTES));
        let suf_end = ceil_boundary(text, (end + CONTEXT_BYTES).min(text.len()));
        Self {
            start,
            end,
            exact: text[start..end].to_owned(),
            prefix: text[pre_start..start].to_owned(),
            suffix: text[end..suf_end].to_owned(),
        }
    }

    /// Finds the `occurrence`-th (0-based) appearance of `quote` in `text` and anchors it.
    pub fn find(text: &str, quote: &str, occurrence: usize) -> Option<Self> {
        if quote.is_empty() {
            return None;
        }
        let (start, _) = text.match_indices(quote).nth(occurrence)?;
        Some(Self::from_span(text, start, start + quote.len()))
    }

    /// Checks the anchor against the document text.
    pub fn validate(&self, text: &str) -> Result<(), AnchorError> {
        if self.start > self.end || self.end > text.len() {
            return Err(AnchorError::OutOfBounds {
                start: self.start,
                end: self.end,
                len: text.len(),
            });
        }
        for off in [self.start, self.end] {
            if !text.is_char_boundary(off) {
                return Err(AnchorError::NotCharBoundary(off));
            }
        }
        if self.start == self.end {
            return Err(AnchorError::Empty);
        }
        let found = &text[self.start..self.end];
        if found != self.exact {
            return Err(AnchorError::QuoteMismatch {
                start: self.start,
                end: self.end,
                expected: self.exact.clone(),
                found: found.to_owned(),
            });
        }
        Ok(())
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
pub fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_keep_context_on_char_boundaries() {
        let text = "Amazon’s talks: at least $10 billion — in OpenAI’s favour.";
        let a = Anchor::find(text, "at least $10 billion", 0).unwrap();
        assert_eq!(&text[a.range()], "at least $10 billion");
        assert!(a.prefix.ends_with("talks: "));
        assert!(a.validate(text).is_ok());
        let b = Anchor::from_span(text, 0, 8); // inside the curly apostrophe
        assert!(text.is_char_boundary(b.end));
        assert!(b.validate(text).is_ok());
    }

    #[test]
    fn validation_reports_each_problem() {
        let text = "hello world";
        let mut a = Anchor::find(text, "world", 0).unwrap();
        a.exact = "word".into();
        assert!(matches!(
            a.validate(text),
            Err(AnchorError::QuoteMismatch { .. })
        ));
        a.end = 99;
        assert!(matches!(
            a.validate(text),
            Err(AnchorError::OutOfBounds { .. })
        ));
        assert!(Anchor::find(text, "absent", 0).is_none());
    }
}
