//! Dates in text, absolute (`December 16`, `Dec. 16, 2025`, `2025-12-16`, `in October`) and
//! relative (`this year`, `in September this year`, `earlier this year`, `last year`, `next
//! year`, `as of September 30`, `yesterday`, `on Monday`), resolved against the published date
//! with the precision that was stated (year, month or day). Uses chrono for calendar arithmetic.

use crate::model::{DatePrecision, FuzzyDate};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// Where a candidate's date came from, so a reader can tell a stated date from an inherited one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateSource {
    /// The figure's own words state it.
    Own,
    /// Another part of the figure's sentence states it.
    Sentence,
    /// An earlier sentence of the same paragraph states it.
    Paragraph,
    /// Nothing nearby states one: the publication date.
    Published,
    /// No date at all (no publication date known either).
    #[default]
    None,
}

impl DateSource {
    /// The name used in the CLI's JSON (`own`, `paragraph`, `published`, `none`).
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Own => "own",
            DateSource::Sentence => "sentence",
            DateSource::Paragraph => "paragraph",
            DateSource::Published => "published",
            DateSource::None => "none",
        }
    }

    /// Words for the Suggestions list.
    pub fn label(self) -> &'static str {
        match self {
            DateSource::Own => "stated",
            DateSource::Sentence => "from its sentence",
            DateSource::Paragraph => "from its paragraph",
            DateSource::Published => "publication date",
            DateSource::None => "no date",
        }
    }
}

/// A date found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundDate {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The resolved date.
    pub date: FuzzyDate,
}

const MONTHS: &str = crate::model::MONTH_NAMES_PATTERN;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pat = format!(
        r"(?x)
        (?-u:\b)(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b)
        | (?-u:\b)(?P<dday>\d{{1,2}})\s+(?P<dmon>{MONTHS})(?-u:\b)\.?(?:,?\s+(?P<dyear>(?:19|20)\d{{2}})(?-u:\b))?
        | (?-u:\b)(?P<mon>{MONTHS})(?-u:\b)\.?
          (?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b))?
          (?:,?\s+(?P<year>(?:19|20)\d{{2}})(?-u:\b))?
          (?P<rel>\s+(?i:(?:earlier|later)\s+this|this|last|next)\s+year(?-u:\b))?
        | (?-u:\b)(?P<rel2>(?i:(?:earlier|later)\s+this\s+year|this\s+year|last\s+year|next\s+year
              |(?:start|beginning)\s+of\s+(?:the|this)\s+year
              |(?:earlier|later)\s+this\s+(?:month|week)|this\s+(?:month|week|quarter)|last\s+(?:month|week|quarter)
              |next\s+(?:month|week|quarter)|(?:a|one|two|three)\s+years?\s+ago|yesterday|today))(?-u:\b)
        | (?-u:\b)(?P<nago>(?i:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(?:days?|weeks?)\s+(?:ago|earlier)))(?-u:\b)
        | (?-u:\b)(?P<qtr>Q[1-4]|(?i:first|second|third|fourth)\s+quarter)(?:\s+(?:of\s+)?(?P<qy>(?:19|20)\d{{2}}))?(?-u:\b)
        | (?-u:\b)(?i:on|last)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
        | (?-u:\b)(?i:in|during|since|throughout|for|as\s+of|of)\s+(?P<yy>(?:19|20)\d{{2}})(?-u:\b)
        "
    );
    Regex::new(&pat).expect("static date regex is valid")
});

static DATE_HINT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build([
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
            "year",
            "month",
            "yesterday",
            "today",
            "week",
            " ago",
            "quarter",
            "q1",
            "q2",
            "q3",
            "q4",
            "day",
            " 19",
            " 20",
            "\n19",
            "\n20",
        ])
        .expect("static date-hint automaton builds")
});

static BARE_MONTH_PREP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:in|since|during|until|through|early|late|mid|the|last|this|next|from|of)[\s-]+$",
    )
    .expect("static month-prep regex is valid")
});

fn month_number(s: &str) -> Option<u32> {
    crate::model::month_from_name(s)
}

/// Finds and resolves the dates in `text` (offsets shifted by `base`). Dates that need a
/// published date to resolve are skipped when `published` is `None`.
pub fn find_dates(text: &str, base: usize, published: Option<FuzzyDate>) -> Vec<FoundDate> {
    // Cheap test first: most sentences name no month, year or relative day.
    let starts_with_year = text.starts_with("19") || text.starts_with("20");
    if !starts_with_year && !DATE_HINT.is_match(text) {
        return Vec::new();
    }
    DATE.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let date = resolve(text, &c, published)?;
            Some(FoundDate {
                start: base + m.start(),
                end: base + m.end(),
                date,
            })
        })
        .collect()
}

fn num(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn resolve(text: &str, c: &regex::Captures<'_>, p: Option<FuzzyDate>) -> Option<FuzzyDate> {
    if let Some(y) = num(c, "iy") {
        return FuzzyDate::day(y as i32, num(c, "im")?, num(c, "id")?).ok();
    }
    if let Some(dm) = c.name("dmon") {
        let m = month_number(dm.as_str())?;
        let d = num(c, "dday")?;
        let y = match num(c, "dyear") {
            Some(y) => y as i32,
            None => infer_year(p?, m, Some(d)),
        };
        return FuzzyDate::day(y, m, d).ok();
    }
    if let Some(mon) = c.name("mon") {
        let m = month_number(mon.as_str())?;
        let day = num(c, "day");
        let rel = c.name("rel").map(|r| r.as_str().to_ascii_lowercase());
        if day.is_none() && num(c, "year").is_none() && rel.is_none() {
            // A bare month name needs a preposition ("in October") or a full spelling, and
            // "May"/"March" are words too.
            let full = mon.as_str().len() > 3 && !matches!(mon.as_str(), "May" | "March");
            if !full && !BARE_MONTH_PREP.is_match(&text[..mon.start()]) {
                return None;
            }
        }
        let year = match (num(c, "year"), rel.as_deref()) {
            (Some(y), _) => y as i32,
            (None, Some(r)) => {
                let py = p?.year_value();
                if r.contains("last") {
                    py - 1
                } else if r.contains("next") {
                    py + 1
                } else {
                    py
                }
            }
            (None, None) => infer_year(p?, m, day),
        };
        return match day {
            Some(d) => FuzzyDate::day(year, m, d).ok(),
            None => FuzzyDate::month(year, m).ok(),
        };
    }
    if let Some(r) = c.name("nago") {
        // "two weeks earlier", "three days ago": counted back from a publication day.
        let p = p?;
        if p.precision() != DatePrecision::Day {
            return None;
        }
        let l = r.as_str().to_ascii_lowercase();
        let mut words = l.split_whitespace();
        let n: i64 = match words.next()? {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            digits => digits.parse().ok()?,
        };
        let days = if words.next()?.starts_with("week") {
            7 * n
        } else {
            n
        };
        let d = p.first_day() - Duration::days(days);
        return FuzzyDate::day(d.year(), d.month(), d.day()).ok();
    }
    if let Some(r) = c.name("rel2") {
        let p = p?;
        let r = r.as_str().to_ascii_lowercase();
        let r: String = r.split_whitespace().collect::<Vec<_>>().join(" ");
        let y = p.year_value();
        return match r.as_str() {
            "last year" => FuzzyDate::year(y - 1).ok(),
            "next year" => FuzzyDate::year(y + 1).ok(),
            "this month" => FuzzyDate::month(y, p.month_value()?).ok(),
            "last month" | "next month" => {
                let first = NaiveDate::from_ymd_opt(y, p.month_value()?, 1)?;
                let d = if r == "last month" {
                    first.pred_opt()?
                } else {
                    first + Duration::days(32)
                };
                FuzzyDate::month(d.year(), d.month()).ok()
            }
            "earlier this month" | "later this month" | "this week" | "earlier this week"
            | "later this week" => FuzzyDate::month(y, p.month_value()?).ok(),
            "last week" | "next week" => {
                // A week back or ahead, kept to its month: the day is not stated.
                let d = p.first_day();
                let d = if r == "last week" {
                    d - Duration::days(7)
                } else {
                    d + Duration::days(7)
                };
                FuzzyDate::month(d.year(), d.month()).ok()
            }
            "start of the year"
            | "beginning of the year"
            | "start of this year"
            | "beginning of this year" => FuzzyDate::month(y, 1).ok(),
            "this quarter" => FuzzyDate::year(y).ok(),
            "last quarter" | "next quarter" => {
                let d = p.first_day();
                let d = if r == "last quarter" {
                    d - Duration::days(91)
                } else {
                    d + Duration::days(91)
                };
                FuzzyDate::year(d.year()).ok()
            }
            "a year ago" | "one year ago" => FuzzyDate::year(y - 1).ok(),
            "two years ago" => FuzzyDate::year(y - 2).ok(),
            "three years ago" => FuzzyDate::year(y - 3).ok(),
            "yesterday" | "today" => {
                if p.precision() != DatePrecision::Day {
                    return None;
                }
                let d = p.first_day();
                let d = if r == "yesterday" { d.pred_opt()? } else { d };
                FuzzyDate::day(d.year(), d.month(), d.day()).ok()
            }
            _ => FuzzyDate::year(y).ok(),
        };
    }
    if let Some(wd) = c.name("wd") {
        let p = p?;
        if p.precision() != DatePrecision::Day {
            return None;
        }
        let target: Weekday = wd.as_str().parse().ok()?;
        let mut d = p.first_day();
        for _ in 0..7 {
            if d.weekday() == target {
                return FuzzyDate::day(d.year(), d.month(), d.day()).ok();
            }
            d = d.pred_opt()?;
        }
        return None;
    }
    if c.name("qtr").is_some() {
        // A quarter is kept to its year: FuzzyDate has no quarter precision.
        return match num(c, "qy") {
            Some(y) => FuzzyDate::year(y as i32).ok(),
            None => FuzzyDate::year(p?.year_value()).ok(),
        };
    }
    if let Some(y) = num(c, "yy") {
        return FuzzyDate::year(y as i32).ok();
    }
    None
}

/// The year of a month (and day) stated without one: the published year, or the year before
/// when that would put the date more than a month after publication (news looks back).
fn infer_year(p: FuzzyDate, month: u32, day: Option<u32>) -> i32 {
    let y = p.year_value();
    let Some(pm) = p.month_value() else {
        return y;
    };
    let candidate = NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1));
    let published = NaiveDate::from_ymd_opt(y, pm, p.day_value().unwrap_or(1));
    match (candidate, published) {
        (Some(c), Some(pd)) if c > pd + Duration::days(45) => y - 1,
        _ => y,
    }
}

static HEADER_DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:published|posted|updated|date)\s*:?\s*")
        .expect("static header regex is valid")
});

/// A dateline opening a paragraph: `Sept 25 (Reuters) -`, `October 13, 2025 —`,
/// `Mumbai, October 25, 2025 —`, `June 18, 2025 (Seoul) —`, `BEIJING, Feb 24 --`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[A-Z][A-Za-z.'’ -]{{1,40}},\s+)?(?P<date>(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d{{2}}))?|\d{{1,2}}\s+(?:{MONTHS})\.?(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?)\s*(?:\([^)]{{1,40}}\)\s*)?(?:-{{1,2}}|—|–)"
    ))
    .expect("static dateline regex is valid")
});

/// A date in a URL path: `/2023/04/25/` or `/2023/04/`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?:(?P<d>0?[1-9]|[12]\d|3[01])/)?")
        .expect("static URL-date regex is valid")
});

static ANY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").expect("static year regex is valid")
});

/// The publication date stated near the top of an article: a short line among the first 15
/// that holds a full date (`Wednesday, Dec 17, 2025 12:57 am ET`, `Published: 2025-12-17`).
/// See [`find_published_in`] for datelines, URL paths and trailers.
pub fn find_published(text: &str) -> Option<FuzzyDate> {
    find_published_in(text, None)
}

/// The publication date of an article, in order of trust: a labelled or short date line among
/// the first 15 lines; a dateline with its year (`October 13, 2025 —`); a date in the URL path
/// (`/2023/04/25/`, from `url` or a URL line near the top); a dateline without a year
/// (`Sept 25 (Reuters) -`) with the year of the URL or of a nearby line; a short date line
/// among the last 5 lines.
pub fn find_published_in(text: &str, url: Option<&str>) -> Option<FuzzyDate> {
    let head: Vec<&str> = text.lines().take(15).collect();
    for line in &head {
        let labelled = HEADER_DATE_WORD.is_match(line);
        if line.len() > 100 && !labelled {
            continue;
        }
        for d in find_dates(line, 0, None) {
            if d.date.precision() == DatePrecision::Day || labelled {
                return Some(d.date);
            }
        }
    }
    let datelines: Vec<regex::Captures<'_>> =
        head.iter().filter_map(|l| DATELINE.captures(l)).collect();
    for c in &datelines {
        if (c.name("y1").is_some() || c.name("y2").is_some())
            && let Some(d) = c
                .name("date")
                .and_then(|m| find_dates(m.as_str(), 0, None).into_iter().next())
        {
            return Some(d.date);
        }
    }
    let url_date = url
        .and_then(|u| URL_DATE.captures(u))
        .or_else(|| {
            head.iter()
                .filter(|l| l.contains("http") || l.contains("www."))
                .find_map(|l| URL_DATE.captures(l))
        })
        .and_then(|c| {
            let y: i32 = c.name("y")?.as_str().parse().ok()?;
            let m: u32 = c.name("m")?.as_str().parse().ok()?;
            match c.name("d").and_then(|d| d.as_str().parse::<u32>().ok()) {
                Some(d) => FuzzyDate::day(y, m, d).ok(),
                None => FuzzyDate::month(y, m).ok(),
            }
        });
    if let Some(d) = url_date
        && d.precision() == DatePrecision::Day
    {
        return Some(d);
    }
    let tail: Vec<&str> = {
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(5)..].to_vec()
    };
    let trailer = tail.iter().filter(|l| l.len() <= 100).find_map(|l| {
        find_dates(l, 0, None)
            .into_iter()
            .find(|d| d.date.precision() == DatePrecision::Day)
            .map(|d| d.date)
    });
    if let Some(c) = datelines.first() {
        // The year: the URL's, a trailer's, else a year written on a short line nearby.
        let year = url_date.or(trailer).map(|d| d.year_value()).or_else(|| {
            head.iter()
                .chain(tail.iter())
                .filter(|l| l.len() <= 100)
                .find_map(|l| ANY_YEAR.find(l))
                .and_then(|m| m.as_str().parse().ok())
        });
        if let Some(y) = year
            && let Some(d) = c.name("date").and_then(|m| {
                let anchor = FuzzyDate::year(y).ok()?;
                find_dates(&format!("{}, {y}", m.as_str()), 0, Some(anchor))
                    .into_iter()
                    .next()
            })
        {
            return Some(d.date);
        }
    }
    url_date.or(trailer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Option<FuzzyDate> {
        "2025-12-17".parse().ok()
    }

    fn dates(s: &str) -> Vec<String> {
        find_dates(s, 0, p())
            .into_iter()
            .map(|d| d.date.to_string())
            .collect()
    }

    #[test]
    fn absolute_dates_keep_their_precision() {
        assert_eq!(dates("a December 16 report"), ["2025-12-16"]);
        assert_eq!(dates("on Dec. 16, 2025, it said"), ["2025-12-16"]);
        assert_eq!(dates("filed 2025-12-16."), ["2025-12-16"]);
        assert_eq!(dates("signed in October with"), ["2025-10"]);
        assert_eq!(dates("on 3 March 2024"), ["2024-03-03"]);
        assert_eq!(dates("said on 3 November."), ["2025-11-03"]);
        assert_eq!(dates("in 2024 it"), ["2024"]);
    }

    #[test]
    fn relative_dates_resolve_against_published() {
        assert_eq!(dates("in September this year"), ["2025-09"]);
        assert_eq!(dates("earlier this year"), ["2025"]);
        assert_eq!(dates("last year"), ["2024"]);
        assert_eq!(dates("next year"), ["2026"]);
        assert_eq!(dates("As of September 30 this year"), ["2025-09-30"]);
        assert_eq!(dates("as of September 30,"), ["2025-09-30"]);
        assert_eq!(dates("yesterday"), ["2025-12-16"]);
        assert_eq!(dates("on Monday"), ["2025-12-15"]);
        let jan: Option<FuzzyDate> = "2026-01-05".parse().ok();
        let d = find_dates("in November", 0, jan);
        assert_eq!(d[0].date.to_string(), "2025-11");
    }

    #[test]
    fn words_that_look_like_months_are_not_dates() {
        assert!(dates("Bitcoin may face declines").is_empty());
        assert!(find_dates("last year", 0, None).is_empty());
        assert!(dates("raise $90 billion by 2027").is_empty());
    }

    #[test]
    fn published_date_comes_from_a_header_line() {
        let t = "Title\n\nBy someone\nWednesday, Dec 17, 2025 12:57 am ET\nBody.";
        assert_eq!(
            find_published(t).map(|d| d.to_string()).as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(find_published("Title\nNo date here.\n"), None);
    }
}
