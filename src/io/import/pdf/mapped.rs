//! Text that remembers what it was: each clean-up pass of a PDF page is a list of edits, and
//! applying them keeps, for every span that now differs from the source, the source's own text
//! there. So normalisation can expand `ﬁ` and join `pre-⏎cisely` while the document keeps both
//! the normalised text (for search and extraction) and the original (for display).
//!
//! Layout edits (runs of spaces, trimmed line ends, blank lines) move offsets but are not
//! recorded as changes: they say nothing about the words.

use std::ops::Range;

/// One edit of a pass: `range` of the pass's input becomes `with`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The replaced bytes of the input (empty for an insertion).
    pub range: Range<usize>,
    /// What replaces them.
    pub with: String,
    /// Whether the change is kept as an original (not for layout-only white space).
    pub record: bool,
}

impl Edit {
    /// A change worth showing (a ligature expanded, a hyphen joined).
    pub fn change(range: Range<usize>, with: impl Into<String>) -> Self {
        Self {
            range,
            with: with.into(),
            record: true,
        }
    }

    /// A layout-only change (white space).
    pub fn layout(range: Range<usize>, with: impl Into<String>) -> Self {
        Self {
            range,
            with: with.into(),
            record: false,
        }
    }
}

/// Text plus the spans of it whose source text differs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapped {
    /// The text now.
    pub text: String,
    /// `(range of text, what the source had there)`, sorted and disjoint.
    pub originals: Vec<(Range<usize>, String)>,
}

impl Mapped {
    /// Source text, nothing changed yet.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            originals: Vec::new(),
        }
    }

    /// Applies `edits` (sorted by start, not overlapping, on char boundaries). Spans that
    /// touch a recorded edit, or an edit inside them, grow into one span whose original is the
    /// source text under all of it.
    pub fn apply(self, mut edits: Vec<Edit>) -> Mapped {
        // An edit that overlaps the one before it (two passes' rules meeting on one word) or
        // is out of place is dropped rather than allowed to cut the text wrongly.
        let mut last_end = 0;
        edits.retain(|e| {
            let ok = e.range.start >= last_end
                && e.range.start <= e.range.end
                && self.text.is_char_boundary(e.range.start)
                && self.text.is_char_boundary(e.range.end)
                && e.range.end <= self.text.len();
            if ok {
                last_end = e.range.end;
            }
            ok
        });
        if edits.is_empty() {
            return self;
        }
        // The new text, and each edit's range in it.
        let mut text = String::with_capacity(self.text.len() + 16);
        let mut new_ranges = Vec::with_capacity(edits.len());
        let mut at = 0;
        for e in &edits {
            text.push_str(&self.text[at..e.range.start]);
            let s = text.len();
            text.push_str(&e.with);
            new_ranges.push(s..text.len());
            at = e.range.end;
        }
        text.push_str(&self.text[at..]);
        // Old position → new position, for positions outside any edit.
        let shift = |p: usize| -> usize {
            let i = edits.partition_point(|e| e.range.end <= p && e.range.start < p);
            match i.checked_sub(1) {
                Some(j) => new_ranges[j].end + (p - edits[j].range.end),
                None => p,
            }
        };
        // Regions of the old text that become spans: old spans, recorded edits, and layout
        // edits that fall inside an old span.
        let mut regions: Vec<Range<usize>> =
            self.originals.iter().map(|(r, _)| r.clone()).collect();
        for e in &edits {
            let inside = self
                .originals
                .iter()
                .any(|(r, _)| e.range.start < r.end && e.range.end > r.start);
            if e.record || inside {
                regions.push(e.range.clone());
            }
        }
        regions.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in regions {
            match merged.last_mut() {
                Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
                _ => merged.push(r),
            }
        }
        let mut originals = Vec::with_capacity(merged.len());
        for r in merged {
            let original = self.source_of(r.clone());
            // The new range: an edit starting (ending) at the region's edge sets it.
            let start = edits
                .iter()
                .position(|e| e.range.start == r.start)
                .map_or_else(|| shift(r.start), |i| new_ranges[i].start);
            let end = edits
                .iter()
                .rposition(|e| e.range.end == r.end)
                .map_or_else(|| shift(r.end), |i| new_ranges[i].end);
            if text.get(start..end) != Some(original.as_str()) && start <= end {
                originals.push((start..end, original));
            }
        }
        Mapped { text, originals }
    }

    /// What the source had under `r` of the current text (which covers whole spans).
    fn source_of(&self, r: Range<usize>) -> String {
        let mut out = String::new();
        let mut at = r.start;
        for (s, o) in &self.originals {
            if s.start < r.start || s.end > r.end {
                continue;
            }
            out.push_str(&self.text[at..s.start.max(at)]);
            out.push_str(o);
            at = s.end;
        }
        if at < r.end {
            out.push_str(&self.text[at..r.end]);
        }
        out
    }

    /// Appends `other`, shifting its spans.
    pub fn push(&mut self, other: Mapped) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.originals.extend(
            other
                .originals
                .into_iter()
                .map(|(r, o)| (r.start + base..r.end + base, o)),
        );
    }

    /// Appends plain text that the source had as it is.
    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_compose_and_keep_the_source() {
        let m = Mapped::new("a \u{FB01}rst  pre-\ncisely");
        // Pass 1: the ligature (recorded) and the double space (layout).
        let lig = "a ".len();
        let m = m.apply(vec![
            Edit::change(lig..lig + 3, "fi"),
            Edit::layout(lig + 6..lig + 8, " "),
        ]);
        assert_eq!(m.text, "a first pre-\ncisely");
        assert_eq!(m.originals, vec![(2..4, "\u{FB01}".to_owned())]);
        // Pass 2: the hyphen joined.
        let h = m.text.find("-\n").unwrap();
        let m = m.apply(vec![Edit::change(h..h + 2, "")]);
        assert_eq!(m.text, "a first precisely");
        assert_eq!(
            m.originals,
            vec![(2..4, "\u{FB01}".to_owned()), (11..11, "-\n".to_owned())]
        );
        // Pass 3: an edit touching a span merges with it.
        let m = m.apply(vec![Edit::change(4..4, "")]);
        assert_eq!(m.originals[0], (2..4, "\u{FB01}".to_owned()));
        // Putting every original back gives the source.
        let mut back = String::new();
        let mut at = 0;
        for (r, o) in &m.originals {
            back.push_str(&m.text[at..r.start]);
            back.push_str(o);
            at = r.end;
        }
        back.push_str(&m.text[at..]);
        assert_eq!(back, "a \u{FB01}rst pre-\ncisely");
    }

    #[test]
    fn overlapping_edits_are_dropped_not_applied() {
        let m = Mapped::new("abcdef").apply(vec![
            Edit::change(1..4, "X"),
            Edit::change(2..5, "Y"),
            Edit::change(5..9, "Z"),
        ]);
        assert_eq!(m.text, "aXef");
    }

    #[test]
    fn layout_edits_move_spans_without_adding_any() {
        let m = Mapped::new("  x\u{FB02}y  ").apply(vec![Edit::change(3..6, "fl")]);
        let m = m.apply(vec![Edit::layout(0..2, ""), Edit::layout(6..8, "")]);
        assert_eq!(m.text, "xfly");
        assert_eq!(m.originals, vec![(1..3, "\u{FB02}".to_owned())]);
    }
}
