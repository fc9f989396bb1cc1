//! Clean-up of a page's extracted text before it becomes part of a document: typographic
//! ligatures expanded (`ﬁrst` → `first`, so search and extraction find the word), line-end
//! hyphens of words broken by the typesetter joined (`pre-\ncisely` → `precisely`), control
//! characters removed, and private-use code points (glyphs the font gave no character for)
//! replaced by U+FFFD and counted, so a wrong glyph never looks like real text or a real digit.

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

/// Whether `c` stands for a glyph without a known character: the private-use areas (fonts
/// without a ToUnicode map often land there) and noncharacters.
fn unknown(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFE | 0xFFFF)
}

/// Normalises one page of text: see the module doc. Line breaks are kept except where a
/// hyphenated word is joined; runs of spaces and tabs become one space.
pub fn page(text: &str) -> (String, Changes) {
    let mut changes = Changes::default();
    let mut clean = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if let Some(l) = ligature(c) {
            clean.push_str(l);
            last_space = false;
        } else if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
            while clean.ends_with(' ') {
                clean.pop();
            }
            clean.push('\n');
            last_space = false;
        } else if c == '\t' || c == ' ' {
            if !last_space {
                clean.push(' ');
                last_space = true;
            }
        } else if c == '\u{FEFF}' || c == '\u{200B}' {
            // Byte order marks and zero-width spaces inside a page carry nothing.
        } else if c.is_control() {
            // A tab or form feed was handled above; other control characters are junk from
            // a wrong encoding and are dropped, not shown as boxes.
        } else if unknown(c) || c == '\u{FFFD}' {
            changes.unknown += 1;
            clean.push('\u{FFFD}');
            last_space = false;
        } else {
            clean.push(c);
            last_space = false;
        }
    }
    (space_joined_lines(&join_hyphens(&clean)), changes)
}

/// Puts back the space lost where the extractor joined two lines into a paragraph without one
/// (`Partners,valuing`, `61.5%Headcount`, `money.The`): after `,` `;` `:` before a letter, after
/// `%` or `)` before a capital, and after a lowercase word's full stop before a capitalised word.
/// Figures (`1,140`, `4.5`) and abbreviations (`U.S.`) are left alone.
fn space_joined_lines(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let (Some(&next), prev) = (chars.get(i + 1), i.checked_sub(1).map(|p| chars[p])) else {
            continue;
        };
        let lower_before = prev.is_some_and(char::is_lowercase);
        let capital_word =
            next.is_uppercase() && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
        let gap = match c {
            ',' | ';' => next.is_alphabetic() && lower_before,
            '%' | ')' => capital_word,
            '.' => lower_before && capital_word,
            _ => false,
        };
        if gap {
            out.push(' ');
        }
    }
    out
}

/// Joins words hyphenated at a line end: `pre-` at the end of a line followed by `cisely` at
/// the start of the next becomes `precisely` (the rest of that line moves up with it). A soft
/// hyphen (U+00AD) anywhere is a hyphenation point and is removed. A hyphen is kept when the
/// part before it is not plain lowercase letters (`multi-` after a capital, `2024-`) or the
/// next line does not start with a lowercase letter, so compounds like `Q4-\nReport` stay.
fn join_hyphens(text: &str) -> String {
    let text = text.replace("\u{00AD}\n", "").replace('\u{00AD}', "");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut carry = String::new();
    for (i, line) in lines.iter().enumerate() {
        let mut line: String = if carry.is_empty() {
            (*line).to_owned()
        } else {
            let joined = format!("{carry}{}", line.trim_start());
            carry.clear();
            joined
        };
        if i + 1 < lines.len()
            && let Some(head) = line
                .strip_suffix('-')
                .or_else(|| line.strip_suffix('\u{2010}'))
            && let Some(word) = head.rsplit(' ').next()
            && word.chars().count() >= 2
            && word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
            && lines[i + 1]
                .trim_start()
                .starts_with(|c: char| c.is_lowercase())
        {
            carry = head.to_owned();
            line.clear();
        }
        if !carry.is_empty() {
            continue;
        }
        out.push_str(&line);
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    out.push_str(&carry);
    out
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
    fn control_and_unknown_characters() {
        let (t, c) = page("a\u{1}b\u{7}c \u{E001}9\tx  y");
        assert_eq!(t, "abc \u{FFFD}9 x y");
        assert_eq!(c.unknown, 1);
    }
}
