//! Clean-up of a page's extracted text before it becomes part of a document: typographic
//! ligatures expanded (`ﬁrst` → `first`, so search and extraction find the word), line-end
//! hyphens of words broken by the typesetter joined (`pre-\ncisely` → `precisely`), control
//! characters removed, and private-use code points (glyphs the font gave no character for)
//! replaced by U+FFFD and counted, so a wrong glyph never looks like real text or a real digit.

use super::mapped::{Edit, Mapped};

/// What [`page`] changed that the user should know about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Characters that had no known meaning and became U+FFFD.
    pub unknown: usize,
}

/// The ligature code points of the Alphabetic Presentation Forms block and their letters.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        '\u{0132}' => "IJ",
        '\u{0133}' => "ij",
        _ => return None,
    })
}

/// The combining mark of a spacing accent as TeX's OT1 fonts (and some others) draw it: a
/// separate glyph placed over or under the letter, which the reader puts before the letter
/// (`Caf´e`, `Fran¸cois`).
pub fn combining(c: char) -> Option<char> {
    Some(match c {
        '\u{00B4}' => '\u{0301}',
        '\u{0060}' => '\u{0300}',
        '\u{00A8}' => '\u{0308}',
        '\u{02DC}' => '\u{0303}',
        '\u{02C6}' => '\u{0302}',
        '\u{00B8}' => '\u{0327}',
        '\u{02DA}' => '\u{030A}',
        '\u{02C7}' => '\u{030C}',
        '\u{02D8}' => '\u{0306}',
        '\u{00AF}' => '\u{0304}',
        '\u{02D9}' => '\u{0307}',
        '\u{02DD}' => '\u{030B}',
        '\u{02DB}' => '\u{0328}',
        _ => return None,
    })
}

/// The one precomposed letter for a spacing accent followed by a letter (`´e` → `é`; TeX's
/// dotless `ı` and `ȷ` under an accent are `i` and `j`), if Unicode has one. Pairs without
/// one (a grave before a consonant, a backtick in code) are left as they are.
pub fn compose(accent: char, letter: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    let mark = combining(accent)?;
    let base = match letter {
        '\u{0131}' => 'i',
        '\u{0237}' => 'j',
        l if l.is_alphabetic() => l,
        _ => return None,
    };
    let mut out = [base, mark].into_iter().nfc();
    let one = out.next()?;
    (out.next().is_none()).then_some(one)
}

/// Whether `c` stands for a glyph without a known character: the private-use areas (fonts
/// without a ToUnicode map often land there) and noncharacters.
fn unknown(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFE | 0xFFFF)
}

/// Normalises one page of text: see the module doc. Line breaks are kept except where a
/// hyphenated word is joined; runs of spaces and tabs become one space.
pub fn page(text: &str) -> (String, Changes) {
    let (m, changes) = page_mapped(text);
    (m.text, changes)
}

/// [`page`], keeping the original of every span it changed.
pub fn page_mapped(text: &str) -> (Mapped, Changes) {
    let mut changes = Changes::default();
    let mut edits = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        if let Some(l) = ligature(c) {
            edits.push(Edit::change(i..end, l));
        } else if let Some(&(j, letter)) = chars.peek()
            && let Some(one) = compose(c, letter)
        {
            chars.next();
            edits.push(Edit::change(i..j + letter.len_utf8(), one.to_string()));
        } else if c == '\u{2028}' || c == '\u{2029}' {
            edits.push(Edit::layout(i..end, "\n"));
        } else if c == '\t' || c == ' ' {
            // A run of spaces and tabs: one space, or nothing before a line end.
            let mut run_end = end;
            while let Some(&(j, d)) = chars.peek() {
                if d != ' ' && d != '\t' {
                    break;
                }
                run_end = j + d.len_utf8();
                chars.next();
            }
            let at_line_end = chars
                .peek()
                .is_some_and(|&(_, d)| matches!(d, '\n' | '\u{2028}' | '\u{2029}'));
            if at_line_end {
                edits.push(Edit::layout(i..run_end, ""));
            } else if &text[i..run_end] != " " {
                edits.push(Edit::layout(i..run_end, " "));
            }
        } else if c == '\n' {
        } else if c == '\u{FEFF}' || c == '\u{200B}' || c.is_control() {
            // Byte order marks and zero-width spaces inside a page carry nothing; other
            // control characters are junk from a wrong encoding, dropped rather than shown as
            // boxes.
            edits.push(Edit::change(i..end, ""));
        } else if unknown(c) || c == '\u{FFFD}' {
            changes.unknown += 1;
            if c != '\u{FFFD}' {
                edits.push(Edit::change(i..end, "\u{FFFD}"));
            }
        }
    }
    let m = Mapped::new(text).apply(edits);
    let m = soft_hyphens(m);
    let m = join_hyphens(m);
    (space_joined_lines(m), changes)
}

/// Puts back the space lost where the extractor joined two lines into a paragraph without one
/// (`Partners,valuing`, `61.5%Headcount`, `money.The`): after `,` `;` `:` before a letter, after
/// `%` or `)` before a capital, and after a lowercase word's full stop before a capitalised word.
/// Figures (`1,140`, `4.5`) and abbreviations (`U.S.`) are left alone.
fn space_joined_lines(m: Mapped) -> Mapped {
    let chars: Vec<(usize, char)> = m.text.char_indices().collect();
    let mut edits = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        let (Some(&(next_at, next)), prev) =
            (chars.get(i + 1), i.checked_sub(1).map(|p| chars[p].1))
        else {
            continue;
        };
        let lower_before = prev.is_some_and(char::is_lowercase);
        let capital_word =
            next.is_uppercase() && chars.get(i + 2).is_some_and(|c| c.1.is_lowercase());
        let gap = match c {
            ',' | ';' => next.is_alphabetic() && lower_before,
            '%' | ')' => capital_word,
            '.' => lower_before && capital_word,
            _ => false,
        };
        if gap {
            edits.push(Edit::change(next_at..next_at, " "));
        }
    }
    m.apply(edits)
}

/// Removes soft hyphens (U+00AD): each is a hyphenation point, with its line break if one
/// follows.
fn soft_hyphens(m: Mapped) -> Mapped {
    let edits = m
        .text
        .match_indices('\u{AD}')
        .map(|(i, s)| {
            let end = i + s.len();
            let end = if m.text[end..].starts_with('\n') {
                end + 1
            } else {
                end
            };
            Edit::change(i..end, "")
        })
        .collect();
    m.apply(edits)
}

/// Joins words hyphenated at a line end: `pre-` at the end of a line followed by `cisely` at
/// the start of the next becomes `precisely` (the rest of that line moves up with it). A hyphen
/// is kept when the part before it is not plain lowercase letters (`multi-` after a capital,
/// `2024-`) or the next line does not start with a lowercase letter, so compounds like
/// `Q4-\nReport` stay.
fn join_hyphens(m: Mapped) -> Mapped {
    let text = &m.text;
    let mut edits = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let next_start = line_start + line.len();
        let body = line.strip_suffix('\n');
        let next = &text[next_start..];
        if let Some(body) = body
            && !next.is_empty()
            && let Some(head) = body
                .strip_suffix('-')
                .or_else(|| body.strip_suffix('\u{2010}'))
            && let Some(word) = head.rsplit(' ').next()
            && word.chars().count() >= 2
            && word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
        {
            let rest = next.trim_start_matches([' ', '\t']);
            if rest.starts_with(|c: char| c.is_lowercase()) {
                // The whole word is the changed span, so its original reads `pre-⏎cisely`.
                let second = &rest[..rest
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(rest.len())];
                let from = line_start + head.len() - word.len();
                let to = next_start + (next.len() - rest.len()) + second.len();
                edits.push(Edit::change(from..to, format!("{word}{second}")));
            }
        }
        line_start = next_start;
    }
    m.apply(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_are_expanded() {
        assert_eq!(
            page("ﬁrst proﬁt beneﬁt ﬀ ﬄ").0,
            "first profit benefit ff ffl"
        );
    }

    #[test]
    fn line_end_hyphens_of_broken_words_are_joined() {
        assert_eq!(
            page("it was pre-\ncisely so\nnext").0,
            "it was precisely so\nnext"
        );
        assert_eq!(page("a soft hy\u{AD}\nphen").0, "a soft hyphen");
        // Compounds and numbers keep their hyphen.
        assert_eq!(page("the Q4-\nReport").0, "the Q4-\nReport");
        assert_eq!(page("in 2024-\n2025").0, "in 2024-\n2025");
        assert_eq!(page("Forward-\nLooking").0, "Forward-\nLooking");
        // A one-word line hyphenated at both ends: the first join wins, nothing is lost.
        assert_eq!(page("pre-\ncise-\nly done").0, "precise-\nly done");
    }

    #[test]
    fn originals_of_changed_words_are_kept() {
        let (m, _) = page_mapped("the \u{FB01}rst  pro-\n  cess,next\u{7}");
        assert_eq!(m.text, "the first process, next");
        let shown: Vec<(&str, &str)> = m
            .originals
            .iter()
            .map(|(r, o)| (&m.text[r.clone()], o.as_str()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("fi", "\u{FB01}"),
                ("process", "pro-\n cess"),
                (" ", ""),
                ("", "\u{7}")
            ]
        );
    }

    #[test]
    fn spaces_lost_at_joined_lines_come_back() {
        assert_eq!(
            page("led by Greywater Partners,valuing it; margin 61.5%Headcount: 1,140. the money.The end").0,
            "led by Greywater Partners, valuing it; margin 61.5% Headcount: 1,140. the money. The end"
        );
        assert_eq!(page("U.S. and 4.5 and e.g. x").0, "U.S. and 4.5 and e.g. x");
    }

    #[test]
    fn overlaid_accents_become_one_letter() {
        assert_eq!(
            page("Caf´e Z¨urich S˜ao na¨ıve Fran¸cois cr`eme brˆul´ee Se˜nor").0,
            "Café Zürich São naïve François crème brûlée Señor"
        );
        // No precomposed letter: left alone.
        assert_eq!(page("run `ls` and ´x").0, "run `ls` and ´x");
        let (m, _) = page_mapped("Caf´e");
        assert_eq!(m.originals, vec![(3..5, "´e".to_owned())]);
    }

    #[test]
    fn control_and_unknown_characters() {
        let (t, c) = page("a\u{1}b\u{7}c \u{E001}9\tx  y");
        assert_eq!(t, "abc \u{FFFD}9 x y");
        assert_eq!(c.unknown, 1);
    }
}
