//! Metadata from the text itself, for formats without tags (plain text, Markdown, PDF) and as a
//! fallback for HTML: the headline (first non-empty line), a `Source X` / `By X` line, a date
//! line near the top, and a publication footer (`X is an Y Publication`) for the outlet.

use super::Extracted;
use crate::model::FuzzyDate;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// Lines searched for a byline or date: the headline and the few lines under it.
const HEADER_LINES: usize = 8;
/// A line longer than this is a paragraph, not a byline or date line.
const SHORT_LINE: usize = 100;
/// Characters a date line may have besides the date (weekday, time, zone, "Updated").
const MAX_DATE_LINE_EXTRA: usize = 40;
/// A first line longer than this is a paragraph, not a headline.
const MAX_TITLE: usize = 160;

const MONTHS: &str = crate::model::MONTH_NAMES_PATTERN;

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("static regex: ISO date"));
static MDY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("static regex: month day year")
});
static DMY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})\.?\s+({MONTHS})\.?,?\s+(\d{{4}})\b"
    ))
    .expect("static regex: day month year")
});
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|publisher|published by)\s*[:\-–]?\s+(\S.*)$")
        .expect("static regex: source line")
});
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written by|author:?)\s+(\S.*)$").expect("static regex: by line")
});
static FOOTER_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\S.{0,60}?) is an? (?:\S+ ){0,3}?[Pp]ublication\.?$")
        .expect("static regex: publication footer")
});

/// Fills the fields of `ex` that are still empty from the text's header lines and footer.
pub fn fill_from_text(ex: &mut Extracted) {
    let lines: Vec<&str> = ex
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if ex.title.is_none()
        && let Some(first) = lines.first()
        && looks_like_headline(first)
    {
        ex.title = Some((*first).to_owned());
    }
    for line in lines.iter().skip(1).take(HEADER_LINES) {
        if line.chars().count() > SHORT_LINE {
            continue;
        }
        if ex.outlet.is_none()
            && let Some(c) = SOURCE_LINE.captures(line)
            && is_name(&c[1])
        {
            ex.outlet = Some(c[1].trim().to_owned());
        } else if ex.author.is_none()
            && let Some(c) = BY_LINE.captures(line)
            && is_name(&c[1])
        {
            ex.author = Some(c[1].trim().to_owned());
        }
        if ex.published.is_none() {
            ex.published = parse_date_line(line);
        }
    }
    if ex.outlet.is_none()
        && let Some(last) = lines.last()
        && let Some(c) = FOOTER_OUTLET.captures(last)
    {
        ex.outlet = Some(c[1].trim().to_owned());
    }
}

/// A name of a person or outlet, not the rest of a sentence: a few words, the first capitalised.
fn is_name(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() <= 60
        && s.split_whitespace().count() <= 6
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !s.ends_with('.')
}

/// A headline is short and does not end like a sentence (a first line that does is the opening
/// paragraph of a text without a headline).
fn looks_like_headline(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE && (!line.ends_with('.') || line.ends_with("..."))
}

/// The first date written in `s`: `2025-12-16`, `Dec. 16, 2025`, `Wednesday, Dec 17, 2025 12:57
/// am ET`, `16 December 2025`. Day precision; `None` if none is found or it does not exist.
pub fn parse_date(s: &str) -> Option<FuzzyDate> {
    find_date(s).map(|(_, d)| d)
}

/// A date line: a short line that is mostly a date (weekday, time and zone around it are fine,
/// a sentence that mentions a date is not).
pub fn parse_date_line(line: &str) -> Option<FuzzyDate> {
    let (len, d) = find_date(line)?;
    (line.chars().count() <= SHORT_LINE && line.len() - len <= MAX_DATE_LINE_EXTRA).then_some(d)
}

/// The earliest date in `s` with the byte length of its match.
fn find_date(s: &str) -> Option<(usize, FuzzyDate)> {
    let mut found: Vec<(usize, usize, FuzzyDate)> = Vec::new();
    if let Some(c) = ISO_DATE.captures(s)
        && let (Ok(y), Ok(m), Ok(day)) = (c[1].parse(), c[2].parse(), c[3].parse())
        && let Ok(d) = FuzzyDate::day(y, m, day)
        && let Some(all) = c.get(0)
    {
        found.push((all.start(), all.len(), d));
    }
    if let Some(c) = MDY_DATE.captures(s)
        && let (Some(m), Ok(day), Ok(year)) = (month_number(&c[1]), c[2].parse(), c[3].parse())
        && let Ok(d) = FuzzyDate::day(year, m, day)
        && let Some(all) = c.get(0)
    {
        found.push((all.start(), all.len(), d));
    }
    if let Some(c) = DMY_DATE.captures(s)
        && let (Some(m), Ok(day), Ok(year)) = (month_number(&c[2]), c[1].parse(), c[3].parse())
        && let Ok(d) = FuzzyDate::day(year, m, day)
        && let Some(all) = c.get(0)
    {
        found.push((all.start(), all.len(), d));
    }
    found
        .into_iter()
        .min_by_key(|(at, _, _)| *at)
        .map(|(_, len, d)| (len, d))
}

/// A machine date as in HTML meta tags and PDF info (`2025-12-17T05:57:00Z`, `D:20251217…`).
pub fn parse_machine_date(s: &str) -> Option<FuzzyDate> {
    let s = s.trim();
    let digits = s.strip_prefix("D:").unwrap_or(s);
    if digits.len() >= 8 && digits.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        let y = digits[..4].parse().ok()?;
        let m = digits[4..6].parse().ok()?;
        let d = digits[6..8].parse().ok()?;
        return FuzzyDate::day(y, m, d).ok();
    }
    if let Some(head) = s.get(..10)
        && let Ok(d) = head.parse::<FuzzyDate>()
    {
        return Some(d);
    }
    s.parse().ok().or_else(|| parse_date(s))
}

fn month_number(name: &str) -> Option<u32> {
    crate::model::month_from_name(name)
}

/// A title when the document has no headline: the first words of the text, else the file name.
pub fn fallback_title(path: &Path, text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    if let Some(line) = first {
        let words: Vec<&str> = line.split_whitespace().take(12).collect();
        let mut t = words.join(" ");
        if line.split_whitespace().count() > words.len() {
            t.push('…');
        }
        if !t.is_empty() {
            return t;
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Untitled".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn date_lines_in_common_shapes() {
        assert_eq!(
            d("Wednesday, Dec 17, 2025 12:57 am ET3min read").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(d("2025-12-16").as_deref(), Some("2025-12-16"));
        assert_eq!(d("Updated Dec. 16, 2025").as_deref(), Some("2025-12-16"));
        assert_eq!(d("16 September 2025, 09:00").as_deref(), Some("2025-09-16"));
        assert_eq!(d("Feb 30, 2025"), None);
        assert_eq!(d("Dec 11, Thu"), None);
        assert!(parse_date_line("Wednesday, Dec 17, 2025 12:57 am ET3min read").is_some());
        assert_eq!(
            parse_date_line("A cafe chain said on 2025-12-01 that it would put money into kiosks."),
            None
        );
        assert_eq!(
            parse_machine_date("2025-12-17T05:57:00Z")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(
            parse_machine_date("D:20240102093000+01'00'")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-01-02")
        );
    }

    #[test]
    fn header_lines_give_title_outlet_author_date() {
        let mut ex = Extracted {
            text: "Chips for Cash\n\nSource Examplewire\nBy Jo Park\nTuesday, Dec. 16, 2025\n\nBody text here.\n\nExamplewire is an Acme Media Publication\n".into(),
            ..Default::default()
        };
        fill_from_text(&mut ex);
        assert_eq!(ex.title.as_deref(), Some("Chips for Cash"));
        assert_eq!(ex.outlet.as_deref(), Some("Examplewire"));
        assert_eq!(ex.author.as_deref(), Some("Jo Park"));
        assert_eq!(
            ex.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-16")
        );
    }

    #[test]
    fn sentences_starting_with_by_or_source_are_not_bylines() {
        let mut ex = Extracted {
            text: "Headline\nBy the end of the year the plant will be running.\nSource close to the talks said no\n".into(),
            ..Default::default()
        };
        fill_from_text(&mut ex);
        assert_eq!((ex.author, ex.outlet), (None, None));
    }

    #[test]
    fn footer_names_the_outlet_when_no_source_line() {
        let mut ex = Extracted {
            text: "Headline\nBody.\nNewsdesk Daily is an Example Group Publication\n".into(),
            ..Default::default()
        };
        fill_from_text(&mut ex);
        assert_eq!(ex.outlet.as_deref(), Some("Newsdesk Daily"));
        assert_eq!(ex.published, None);
    }

    #[test]
    fn an_opening_sentence_is_not_a_headline() {
        let mut ex = Extracted {
            text: "The company said on Monday that it would build a plant.
More text.
"
            .into(),
            ..Default::default()
        };
        fill_from_text(&mut ex);
        assert_eq!(ex.title, None);
        assert_eq!(
            fallback_title(Path::new("x.txt"), &ex.text),
            "The company said on Monday that it would build a plant."
        );
        assert_eq!(
            fallback_title(
                Path::new("x.txt"),
                "one two three four five six seven eight nine ten eleven twelve thirteen"
            ),
            "one two three four five six seven eight nine ten eleven twelve…"
        );
        assert_eq!(fallback_title(Path::new("dir/memo.txt"), "  \n"), "memo");
    }
}
