//! Word breaks from glyph positions, for pages whose producer draws each glyph (or run) at its
//! own position and leaves no space character between words (Quartz, some report generators):
//! the reader then runs the words together (`Revenuerose`). Where two glyphs on one line are
//! further apart than a fraction of the font size, a space goes between them, as `pdftotext`
//! does.
//!
//! The glyph list costs a second pass over the page, so it is only asked for when the page's
//! text looks run together (a very long word, or long words on average).

use super::mapped::Edit;
use pdf_oxide::document::PdfDocument;
use pdf_oxide::layout::TextChar;

/// The gap between two glyphs on a line, in ems of the font size, from which they belong to
/// different words (a space is about a quarter em; kerning and letter spacing stay well under
/// a tenth).
const WORD_GAP_EM: f32 = 0.15;

/// Whether the page's text looks like its words ran together: a "word" of 25 characters or
/// more, or words of more than 12 characters on average.
pub fn looks_run_together(text: &str) -> bool {
    let (mut words, mut letters, mut longest) = (0usize, 0usize, 0usize);
    for w in text.split_whitespace() {
        let n = w.chars().count();
        words += 1;
        letters += n;
        longest = longest.max(n);
    }
    words > 0 && (longest >= 25 || letters > 12 * words)
}

/// The insertions of a space into `text` (the page's text as the reader gave it) wherever the
/// glyphs of the page show a word gap that the text lacks. The glyphs are matched to the text's
/// characters in order; a character that does not match resynchronises a few glyphs ahead or is
/// passed over.
pub fn space_edits(reader: &PdfDocument, index: usize, text: &str) -> Vec<Edit> {
    let Ok(Ok(chars)) = super::guarded(|| reader.extract_chars(index)) else {
        return Vec::new();
    };
    // Where the glyph widths are wrong (a font whose widths the reader could not read), every
    // gap looks wide; the typical gap between neighbouring glyphs tells, and then nothing is
    // split.
    let mut gaps: Vec<f32> = chars
        .windows(2)
        .filter_map(|w| gap_em(&w[0], &w[1]))
        .collect();
    gaps.sort_by(f32::total_cmp);
    if gaps
        .get(gaps.len() / 2)
        .is_none_or(|&m| m.abs() > MAX_TYPICAL_GAP_EM)
    {
        return Vec::new();
    }
    let glyphs: Vec<(char, bool)> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.char.is_whitespace())
        .map(|(i, c)| {
            let gap = i > 0 && gap_em(&chars[i - 1], c).is_some_and(|g| g > WORD_GAP_EM);
            (c.char, gap && chars[i - 1].char != ' ')
        })
        .collect();
    // Only run-together "words" are split: ordinary ones are left as the reader gave them.
    let mut long_word = vec![false; text.len()];
    for w in text.split_whitespace() {
        if w.chars().count() >= MIN_RUN_TOGETHER {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            long_word[start..start + w.len()].fill(true);
        }
    }
    let mut edits = Vec::new();
    let mut g = 0;
    let mut prev_space = true;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            prev_space = true;
            continue;
        }
        let found = glyphs[g.min(glyphs.len())..]
            .iter()
            .take(8)
            .position(|&(gc, _)| gc == c);
        if let Some(k) = found {
            g += k;
            if glyphs[g].1 && !prev_space && long_word[at] {
                edits.push(Edit::layout(at..at, " "));
            }
            g += 1;
        }
        prev_space = false;
    }
    edits
}

/// The typical (median) gap between neighbouring glyphs above which the page's widths are not
/// trusted.
const MAX_TYPICAL_GAP_EM: f32 = 0.05;

/// The shortest run of characters without a space taken for words run together.
const MIN_RUN_TOGETHER: usize = 16;

/// The gap between glyph `a` and the next glyph `b`, in ems, when both are on one horizontal
/// line and close (a column break is not a gap).
fn gap_em(a: &TextChar, b: &TextChar) -> Option<f32> {
    let size = a.font_size.max(b.font_size).max(1.0);
    let same_line = (a.origin_y - b.origin_y).abs() < 0.3 * size
        && a.rotation_degrees.abs() < 1.0
        && b.rotation_degrees.abs() < 1.0;
    let gap = (b.origin_x - (a.origin_x + a.advance_width)) / size;
    (same_line && a.char != ' ' && b.char != ' ' && gap < 3.0).then_some(gap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_together_text_is_recognised() {
        assert!(looks_run_together("Loremipsumdolorsitametconsectetur"));
        assert!(looks_run_together("Revenuerosetofour Billionsinmarchzz"));
        assert!(!looks_run_together("Revenue rose to 4.5 billion in March."));
        assert!(!looks_run_together(""));
    }
}
