//! Word breaks from glyph positions, for pages whose producer draws each glyph (or run) at its
//! own position and leaves no space character between words (Quartz, some report generators):
//! the reader then runs the words together (`Revenuerose`). Where two glyphs on one line are
//! further apart than a fraction of the font size, a space goes between them, as `pdftotext`
//! does. Capitals' accents that TeX raised above the line go back on their letters the same
//! way, from where the glyphs are.
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

/// Whether the page's text has an accent standing alone (`¨ ´` on a line of their own, `˚` at a
/// line end): TeX raises the accent of a capital (`\"U`, `\AA`) above the letter's line, so the
/// reader puts it on a line of its own and the letter goes bare (`Uber`).
pub fn has_lone_accents(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        let mut c = w.chars();
        matches!((c.next(), c.next()), (Some(a), None) if super::normalise::combining(a).is_some())
    })
}

/// The edits that put each raised accent back on its letter: the accent glyph's letter is the
/// one right under it on the page; the word around that letter is found in the text (its first
/// occurrence not yet used), the letter becomes the accented one, and a lone accent of the same
/// kind is removed from the text.
pub fn raised_accent_edits(reader: &PdfDocument, index: usize, text: &str) -> Vec<Edit> {
    use super::normalise::compose;
    let Ok(Ok(chars)) = super::guarded(|| reader.extract_chars(index)) else {
        return Vec::new();
    };
    let centre = |c: &TextChar| c.origin_x + c.advance_width / 2.0;
    // The lone accents of the text, in order: (byte range with a space before it, accent).
    let mut lone: Vec<(std::ops::Range<usize>, char, bool)> = Vec::new();
    for w in text.split_whitespace() {
        let mut it = w.chars();
        if let (Some(a), None) = (it.next(), it.next())
            && super::normalise::combining(a).is_some()
        {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            let from = if text[..start].ends_with(' ') {
                start - 1
            } else {
                start
            };
            lone.push((from..start + w.len(), a, false));
        }
    }
    let mut used_words: Vec<usize> = Vec::new();
    let mut edits = Vec::new();
    for (i, a) in chars.iter().enumerate() {
        if super::normalise::combining(a.char).is_none() {
            continue;
        }
        let size = a.font_size.max(1.0);
        let Some((j, _)) = chars
            .iter()
            .enumerate()
            .filter(|(j, b)| {
                *j != i
                    && b.char.is_alphabetic()
                    && (centre(a) - centre(b)).abs() < 0.35 * size
                    && a.origin_y > b.origin_y + 0.05 * size
                    && a.origin_y - b.origin_y < 1.2 * size
            })
            .min_by(|x, y| {
                let d = |b: &TextChar| (centre(a) - centre(b)).abs();
                d(x.1).total_cmp(&d(y.1))
            })
        else {
            continue;
        };
        let Some(one) = compose(a.char, chars[j].char) else {
            continue;
        };
        // The word around the letter, from its neighbours on the line.
        let joined = |p: &TextChar, q: &TextChar| {
            q.char.is_alphabetic() && gap_em(p, q).is_some_and(|g| g.abs() < WORD_GAP_EM)
        };
        let mut s = j;
        while s > 0 && chars[s - 1].char.is_alphabetic() && joined(&chars[s - 1], &chars[s]) {
            s -= 1;
        }
        let mut e = j + 1;
        while e < chars.len() && joined(&chars[e - 1], &chars[e]) {
            e += 1;
        }
        let word: String = chars[s..e].iter().map(|c| c.char).collect();
        let letter_at: usize = chars[s..j].iter().map(|c| c.char.len_utf8()).sum();
        let Some(at) = text
            .match_indices(word.as_str())
            .map(|(k, _)| k)
            .find(|k| !used_words.contains(k))
        else {
            continue;
        };
        let Some(slot) = lone.iter_mut().find(|(_, c, used)| *c == a.char && !used) else {
            continue;
        };
        slot.2 = true;
        used_words.push(at);
        let l = at + letter_at;
        edits.push(Edit::change(
            l..l + chars[j].char.len_utf8(),
            one.to_string(),
        ));
        edits.push(Edit::change(slot.0.clone(), ""));
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits
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

    #[test]
    fn lone_accents_are_recognised() {
        assert!(has_lone_accents("¨ ´ ¨\nUber die Ecole"));
        assert!(has_lone_accents("und Arhus. ˚"));
        assert!(!has_lone_accents("Café ´e ¨u naïve"));
    }
}
