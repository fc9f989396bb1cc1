//! The Reader for large documents: the text is cut into paragraphs (lines, long ones cut again
//! at a sentence end) and only the paragraphs in view are laid out and drawn, each as its own
//! read-only text field. Heights of paragraphs not yet seen are estimated and replaced by the
//! real ones once drawn, so the scroll bar settles as the reader scrolls.
//!
//! Each paragraph's layout is keyed by its own highlights, proposals, find matches and width
//! (egui's galley cache), so selecting a claim or adding evidence re-lays only the paragraphs it
//! touches; everything else is reused from the last frame.

use super::Highlight;
use crate::model::{DocId, SourceDocument};
use std::ops::Range;

/// Documents larger than this many bytes are shown paragraph by paragraph.
pub const LARGE_DOCUMENT: usize = 64 * 1024;

/// The longest paragraph laid out as one piece; longer lines are cut at a sentence end or space.
const MAX_PARAGRAPH: usize = 2048;

/// Paragraph boundaries and heights of one document, kept between frames.
#[derive(Debug, Default)]
pub struct Paragraphs {
    /// Which document text the ranges belong to: id, length and hash.
    key: Option<(DocId, usize, String)>,
    /// Byte ranges, in order, covering the text.
    pub ranges: Vec<Range<usize>>,
    /// Height of each paragraph in points (estimated until drawn).
    heights: Vec<f32>,
    /// The wrap width the heights are for.
    width: f32,
    /// `tops[i]` is the y of paragraph `i`; one more entry for the total height.
    tops: Vec<f32>,
    dirty: bool,
}

impl Paragraphs {
    /// Makes the boundaries fit `doc` and the heights fit `width` (recomputed only on change).
    pub fn update(&mut self, doc: &SourceDocument, width: f32, row_height: f32, char_width: f32) {
        let key = (doc.id.clone(), doc.text.len(), doc.sha256.clone());
        if self.key.as_ref() != Some(&key) {
            self.ranges = split(&doc.text);
            self.key = Some(key);
            self.width = -1.0;
        }
        if (self.width - width).abs() > 0.5 {
            let per_row = (width / char_width).max(8.0);
            self.heights = self
                .ranges
                .iter()
                .map(|r| ((r.len() as f32 / per_row).ceil().max(1.0)) * row_height)
                .collect();
            self.width = width;
            self.dirty = true;
        }
        if self.dirty || self.tops.len() != self.ranges.len() + 1 {
            self.tops.clear();
            let mut y = 0.0;
            for h in &self.heights {
                self.tops.push(y);
                y += h;
            }
            self.tops.push(y);
            self.dirty = false;
        }
    }

    /// Total height of the text.
    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The y of paragraph `i`.
    pub fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or(0.0)
    }

    /// The first paragraph reaching below `y`.
    pub fn first_at(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(self.ranges.len().saturating_sub(1))
    }

    /// The paragraph holding byte `offset`.
    pub fn of_byte(&self, offset: usize) -> usize {
        self.ranges
            .partition_point(|r| r.end <= offset)
            .min(self.ranges.len().saturating_sub(1))
    }

    /// Records the drawn height of paragraph `i`.
    pub fn set_height(&mut self, i: usize, h: f32) {
        if let Some(old) = self.heights.get_mut(i)
            && (*old - h).abs() > 0.5
        {
            *old = h;
            self.dirty = true;
        }
    }
}

/// Cuts a text into paragraphs: at each newline (kept with the line before it), and lines longer
/// than [`MAX_PARAGRAPH`] after a sentence end or a space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        cut_long(text, start, i + 1, &mut out);
        start = i + 1;
    }
    if start < text.len() || out.is_empty() {
        cut_long(text, start, text.len(), &mut out);
    }
    out
}

fn cut_long(text: &str, mut start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    while end - start > MAX_PARAGRAPH {
        let limit = crate::model::anchor::floor_boundary(text, start + MAX_PARAGRAPH);
        let piece = &text[start..limit];
        let cut = piece
            .rfind(". ")
            .map(|i| i + 2)
            .or_else(|| piece.rfind(' ').map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(piece.len());
        out.push(start..start + cut);
        start += cut;
    }
    out.push(start..end);
}

/// The highlights that may overlap `span`, as one slice of `hl` (sorted by start, none longer
/// than `longest`): every one that overlaps it, and perhaps some that end before it.
pub fn maybe_overlapping<'a>(
    hl: &'a [Highlight],
    span: &Range<usize>,
    longest: usize,
) -> &'a [Highlight] {
    let end = hl.partition_point(|h| h.range.start < span.end);
    let begin = hl[..end].partition_point(|h| h.range.start + longest < span.start);
    &hl[begin..end]
}

/// The ranges of `rs` (sorted by start, none longer than `longest` bytes) that overlap `span`.
pub fn ranges_overlapping(
    rs: &[Range<usize>],
    span: &Range<usize>,
    longest: usize,
) -> Vec<Range<usize>> {
    let end = rs.partition_point(|r| r.start < span.end);
    let begin = rs[..end].partition_point(|r| r.start + longest < span.start);
    rs[begin..end]
        .iter()
        .filter(|r| r.end > span.start)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_overlapping_finds_exactly_the_overlapping_ones() {
        let rs: Vec<Range<usize>> = (0..200).map(|i| i * 7..i * 7 + 1 + i % 5).collect();
        let longest = rs.iter().map(|r| r.len()).max().unwrap_or(0);
        for span in [0..1, 3..50, 700..720, 1390..2000, 13..14, 2000..3000] {
            let slow: Vec<Range<usize>> = rs
                .iter()
                .filter(|r| r.end > span.start && r.start < span.end)
                .cloned()
                .collect();
            assert_eq!(ranges_overlapping(&rs, &span, longest), slow, "{span:?}");
        }
    }

    #[test]
    fn paragraphs_cover_the_text_on_char_boundaries() {
        let long = "Word’s end. ".repeat(400);
        let text = format!("One.\n\nTwo lines\nhere.\n{long}tail");
        let r = split(&text);
        assert_eq!(r.first().map(|r| r.start), Some(0));
        assert_eq!(r.last().map(|r| r.end), Some(text.len()));
        for w in r.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!(r.iter().all(|r| r.len() <= MAX_PARAGRAPH + 1));
        assert!(
            r.iter()
                .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        );
        assert_eq!(&text[r[0].clone()], "One.\n");
        assert_eq!(&text[r[1].clone()], "\n");
    }

    #[test]
    fn positions_map_to_paragraphs() {
        let text = "a\nbb\nccc";
        let mut p = Paragraphs::default();
        let doc = SourceDocument {
            id: "doc-1".into(),
            title: String::new(),
            outlet: String::new(),
            author: None,
            url: None,
            published: None,
            imported_at: None,
            sha256: String::new(),
            cites: vec![],
            text: text.into(),
            excluded: vec![],
            rejected: vec![],
            import_notes: Vec::new(),
            import_marks: Default::default(),
        };
        p.update(&doc, 100.0, 10.0, 5.0);
        assert_eq!(p.ranges.len(), 3);
        assert_eq!(p.of_byte(3), 1);
        assert_eq!(p.of_byte(7), 2);
        assert_eq!(p.first_at(0.0), 0);
        assert_eq!(p.first_at(15.0), 1);
        p.set_height(0, 40.0);
        p.update(&doc, 100.0, 10.0, 5.0);
        assert_eq!(p.first_at(35.0), 0);
        assert_eq!(p.top(1), 40.0);
        assert_eq!(p.total_height(), 60.0);
    }

    #[test]
    fn overlapping_finds_long_and_short_spans() {
        let h = |a: usize, b: usize| Highlight {
            range: a..b,
            claim: "cl-1".into(),
            kind: crate::model::ClaimKind::Other,
        };
        let hl = vec![h(0, 500), h(10, 20), h(300, 310), h(450, 460), h(600, 610)];
        let longest = hl.iter().map(|x| x.range.len()).max().unwrap();
        let span = 400..470;
        let wide = maybe_overlapping(&hl, &span, longest);
        // Every overlapping span is in the slice, the long one that starts far before included.
        let got: Vec<_> = wide
            .iter()
            .filter(|x| x.range.end > span.start && x.range.start < span.end)
            .map(|x| x.range.clone())
            .collect();
        assert_eq!(got, vec![0..500, 450..460]);
        // Nothing that starts at or after the span's end.
        assert!(wide.iter().all(|x| x.range.start < span.end));
    }
}
