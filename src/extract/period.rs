//! Periods a figure covers: `over seven years`, `over the next 7 years`, `a 7-year deal`, `by
//! 2027`, `annually` / `per year`.

use crate::model::{FuzzyDate, Period};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::Regex;
use std::sync::LazyLock;

const NUMBER_WORDS: &str =
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty";

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let pat = format!(
        r"(?xi)
        (?-u:\b)(?:over|across|during|for|within|spanning)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+|past\s+)?(?:roughly\s+|about\s+|approximately\s+|nearly\s+|some\s+)?
            (?P<n>\d+|{NUMBER_WORDS})\s+(?P<u>years?|months?)(?-u:\b)
        | (?-u:\b)(?P<n2>\d+|{NUMBER_WORDS})[-\s](?P<u2>year|month)(?-u:\b)(?:\s+(?:deal|agreement|contract|commitment|period|term|pact|partnership|plan|lease|cloud|infrastructure|span))
        | (?-u:\b)(?P<n3>\d+|{NUMBER_WORDS})-(?P<u3>year|month)(?-u:\b)
        | (?-u:\b)(?:over|across|within)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?P<decade>decade)(?-u:\b)
        | (?-u:\b)by\s+(?:the\s+end\s+of\s+)?(?:fiscal\s+)?(?P<by>(?:19|20)\d{{2}})(?-u:\b)
        | (?-u:\b)(?P<py>annually|per\s+year|a\s+year|each\s+year|every\s+year|per\s+annum|yearly)(?-u:\b)
        "
    );
    Regex::new(&pat).expect("static period regex is valid")
});

static PERIOD_HINT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build([
            "year",
            "month",
            "decade",
            "annual",
            "annum",
            "by 1",
            "by 2",
            "by the end",
        ])
        .expect("static period-hint automaton builds")
});

fn number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let words = NUMBER_WORDS.split('|');
    let values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20];
    words
        .zip(values)
        .find(|(w, _)| w.eq_ignore_ascii_case(s))
        .map(|(_, v)| v)
}

/// The period stated in `clause` closest to the figure at `fig` (clause-relative byte offsets):
/// after the figure within 120 bytes, or before it within 60.
pub fn find_period(clause: &str, fig: (usize, usize)) -> Option<Period> {
    if !PERIOD_HINT.is_match(clause) {
        return None;
    }
    let mut best: Option<(usize, Period)> = None;
    for c in PERIOD.captures_iter(clause) {
        let Some(m) = c.get(0) else { continue };
        let dist = if m.start() >= fig.1 {
            m.start() - fig.1
        } else if m.end() <= fig.0 {
            (fig.0 - m.end()) * 2
        } else {
            continue;
        };
        if dist > 120 {
            continue;
        }
        let rest = &clause[m.end()..];
        let p = if let Some(py) = c.name("py") {
            let ago = ["ago", "earlier", "later", "before", "after", "from"]
                .iter()
                .any(|w| rest.trim_start().starts_with(w));
            if ago || (py.as_str().to_ascii_lowercase().starts_with("a ") && m.start() < fig.0) {
                continue;
            }
            Period::PerYear
        } else if let Some(y) = c.name("by") {
            let Ok(d) = y.as_str().parse::<i32>().map(FuzzyDate::year) else {
                continue;
            };
            match d {
                Ok(d) => Period::By(d),
                Err(_) => continue,
            }
        } else if c.name("decade").is_some() {
            Period::Over { months: 120 }
        } else {
            let (n, u) = match (c.name("n"), c.name("n2"), c.name("n3")) {
                (Some(n), _, _) => (n, c.name("u")),
                (_, Some(n), _) => (n, c.name("u2")),
                (_, _, Some(n)) => (n, c.name("u3")),
                _ => continue,
            };
            let Some(n) = number(n.as_str()) else {
                continue;
            };
            let per = if u.is_some_and(|u| u.as_str().to_ascii_lowercase().starts_with('y')) {
                12
            } else {
                1
            };
            Period::Over { months: n * per }
        };
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, p));
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, fig: &str) -> Option<String> {
        let at = s.find(fig).unwrap_or(0);
        find_period(s, (at, at + fig.len())).map(|p| p.display())
    }

    #[test]
    fn periods_in_words_and_digits() {
        assert_eq!(
            p("spend $38 billion over the next seven years", "$38 billion").as_deref(),
            Some("over 7 years")
        );
        assert_eq!(
            p("spend $38 billion over 7 years", "$38 billion").as_deref(),
            Some("over 7 years")
        );
        assert_eq!(
            p("a $38B, 7-year cloud deal", "$38B").as_deref(),
            Some("over 7 years")
        );
        assert_eq!(
            p("raise $90 billion by 2027", "$90 billion").as_deref(),
            Some("by 2027")
        );
        assert_eq!(
            p("about $5.5 billion annually for AWS", "$5.5 billion").as_deref(),
            Some("per year")
        );
        assert_eq!(p("$5 billion a year ago", "$5 billion"), None);
        assert_eq!(p("a $10 billion investment", "$10 billion"), None);
    }
}
