//! Segmentation with exact byte offsets: paragraphs (lines), headings, sentences and clauses.
//!
//! Every span is a `start..end` byte range into the original text on char boundaries, trimmed
//! of surrounding whitespace, so `&text[start..end]` is always the quoted unit.

use regex::Regex;
use std::sync::LazyLock;

/// A byte span of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

impl Span {
    /// Whether `i` lies in the span.
    pub fn contains(&self, i: usize) -> bool {
        self.start <= i && i < self.end
    }
}

/// A paragraph: one non-empty line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its trimmed span.
    pub span: Span,
}

/// Splits the text into non-empty lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span {
            start: start + lead,
            end: start + lead + trimmed.len(),
        };
        out.push(Paragraph { span });
    }
    out
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "vs", "vs.", "with", "by", "at",
    "as", "from", "into", "is", "its", "but",
];

/// Whether a paragraph reads as a heading: short, not ending like a sentence, and mostly
/// capitalised words (or the document's first line).
pub fn is_heading(line: &str, first: bool) -> bool {
    if line.len() > 160 || line.ends_with('.') || line.ends_with(',') || line.ends_with(';') {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    if first {
        return true;
    }
    let mut content = 0;
    let mut capital = 0;
    for w in &words {
        let lw = w.to_ascii_lowercase();
        if SMALL_WORDS.contains(&lw.as_str()) {
            continue;
        }
        let Some(c) = w.chars().find(|c| c.is_alphanumeric() || *c == '$') else {
            continue;
        };
        content += 1;
        if c.is_uppercase() || c.is_ascii_digit() || c == '$' {
            capital += 1;
        }
    }
    content > 0 && capital * 10 >= content * 7
}

static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]+["'”’)\]]*\s+"#).expect("static sentence regex is valid"));

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "inc", "corp", "co", "ltd", "jr", "sr", "st", "vs", "no", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
    "e.g", "i.e", "u.s", "u.k", "fig", "gov", "llc", "plc", "bros",
];

/// Splits a span into sentences. A boundary is terminal punctuation followed by space and an
/// upper-case letter, digit, quote or currency sign, not after a known abbreviation or initial.
pub fn sentences(text: &str, within: Span) -> Vec<Span> {
    let slice = &text[within.start..within.end];
    let mut out = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(slice) {
        let next = slice[m.end()..].chars().next();
        let opens = next.is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '$' | '€' | '£')
        });
        if !opens || is_abbreviation(&slice[start..m.start()], &slice[m.start()..m.end()]) {
            continue;
        }
        let s = &slice[start..m.end()];
        let end = start + s.trim_end().len();
        out.push(Span {
            start: within.start + start,
            end: within.start + end,
        });
        start = m.end();
    }
    if start < slice.len() {
        out.push(Span {
            start: within.start + start,
            end: within.end,
        });
    }
    if out.iter().any(|s| s.end - s.start > MAX_SENTENCE) {
        out = out.into_iter().flat_map(|s| split_long(text, s)).collect();
    }
    out
}

/// The longest sentence, in bytes, that extraction reads as one: a longer run without a sentence
/// end (a table flattened into one line, a minified page) is cut at spaces into pieces of at most
/// this size. Every candidate quotes its sentence and each figure scans its clause, so one
/// 100 kB "sentence" with a thousand figures cost seconds and quoted the whole line a thousand
/// times; real sentences stay far below this.
pub const MAX_SENTENCE: usize = 2_000;

/// `s` cut into pieces of at most [`MAX_SENTENCE`] bytes, at the last white space before each
/// limit (or at a char boundary when there is none), each trimmed.
fn split_long(text: &str, s: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = s.start;
    while s.end - start > MAX_SENTENCE {
        let limit = floor_char(text, start + MAX_SENTENCE);
        let cut = text[start..limit]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map_or(limit, |i| start + i);
        let piece = text[start..cut].trim_end();
        if !piece.is_empty() {
            out.push(Span {
                start,
                end: start + piece.len(),
            });
        }
        let rest = &text[cut..s.end];
        start = cut + (rest.len() - rest.trim_start().len());
        if start >= s.end {
            return out;
        }
    }
    out.push(Span { start, end: s.end });
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_abbreviation(before: &str, punct: &str) -> bool {
    if !punct.starts_with('.') || punct.trim_end().len() > 1 {
        return false;
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lw = word.to_ascii_lowercase();
    // Initials such as "U.S." or a single capital letter.
    let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    initial || ABBREVIATIONS.contains(&lw.as_str()) || (lw.contains('.') && lw.len() <= 4)
}

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i);\s+|\s?—\s?|\s–\s|,\s+(?:in\s+exchange\s+for|while|whereas|but|although|though|whilst|and)\s",
    )
    .expect("static clause regex is valid")
});

/// The clause of a sentence that contains byte `at`: the sentence cut at semicolons, dashes and
/// contrastive conjunctions.
pub fn clause(text: &str, sentence: Span, at: usize) -> Span {
    let slice = &text[sentence.start..sentence.end];
    let mut start = sentence.start;
    for m in CLAUSE_BREAK.find_iter(slice) {
        // ", and X …" starts a new clause only when X is capitalised (a new subject), not in
        // a list of lower-case items.
        if m.as_str().trim_end().ends_with("and")
            && !slice[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let (bs, be) = (sentence.start + m.start(), sentence.start + m.end());
        if be <= at {
            start = be;
        } else if bs > at {
            return Span { start, end: bs };
        }
    }
    Span {
        start,
        end: sentence.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_sentence_is_cut_into_bounded_pieces_that_cover_it() {
        let t = "$5 billion and é ".repeat(2_000);
        let all = Span {
            start: 0,
            end: t.trim_end().len(),
        };
        let got = sentences(&t, all);
        assert!(got.len() >= 17, "{}", got.len());
        assert!(got.iter().all(|s| s.end - s.start <= MAX_SENTENCE));
        let joined: String = got
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, t.trim_end());
    }

    fn texts(text: &str) -> Vec<&str> {
        let all = Span {
            start: 0,
            end: text.len(),
        };
        sentences(text, all)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let t = "Nvidia Corp. said so on Dec. 16. The U.S. Government agreed. It’s done! “Yes.” Then $5B.";
        assert_eq!(
            texts(t),
            [
                "Nvidia Corp. said so on Dec. 16.",
                "The U.S. Government agreed.",
                "It’s done!",
                "“Yes.”",
                "Then $5B."
            ]
        );
    }

    #[test]
    fn headings_are_short_title_lines() {
        let t = "Amazon Bets Big on OpenAI\n\nBody text here is a sentence.\nChips, Clouds, and Competitive Edges\n";
        let p = paragraphs(t);
        assert_eq!(p.len(), 3);
        let h: Vec<bool> = p
            .iter()
            .enumerate()
            .map(|(i, p)| is_heading(&t[p.span.start..p.span.end], i == 0))
            .collect();
        assert_eq!(h, [true, false, true]);
        assert_eq!(
            &t[p[1].span.start..p[1].span.end],
            "Body text here is a sentence."
        );
    }

    #[test]
    fn clauses_cut_at_contrast() {
        let t = "Nvidia will invest $100 billion, in exchange for OpenAI deploying 10 GW.";
        let s = Span {
            start: 0,
            end: t.len(),
        };
        let at = t.find("10 GW").unwrap_or(0);
        let c = clause(t, s, at);
        assert_eq!(&t[c.start..c.end], "OpenAI deploying 10 GW.");
        let c = clause(t, s, 20);
        assert_eq!(&t[c.start..c.end], "Nvidia will invest $100 billion");
    }
}
