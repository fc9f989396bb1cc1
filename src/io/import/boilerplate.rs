//! Boilerplate detection: which parts of an imported text are not the article (trailing ad
//! blocks, "related" lists, comment sections, author blurbs, publication footers, lone
//! "Advertisement" lines), to be marked as excluded ranges that extraction skips.
//!
//! The rules come from what saved articles look like (the seed articles show all of them):
//! - a **cue line** opens a trailing section: a disclaimer, a comments heading or comment box
//!   prompt, "About the author"/"author avatar", or a footer line ("X is an Y Publication",
//!   "© …", "All rights reserved"); a list heading ("Related stories", "More from …") does too,
//!   but only when nothing except short lines follows it;
//! - a **dense block** of list furniture reaches the end: placeholder/UI words, `Author X` lines,
//!   relative times ("11 hours ago"), year-less date stamps ("Dec 11, Thu"), short price
//!   headlines ("Gold slips to $4,100") with at most two other lines between them;
//! - an **author blurb**: a short name line followed by a paragraph describing a writer, at the end.
//!
//! A trailing range runs from the first boilerplate line to the end of the text. It is only
//! accepted when at least as much text comes before it as after it, so the article body is never
//! excluded even if it happens to contain a cue word.

use crate::model::TextRange;
use regex::Regex;
use std::sync::LazyLock;

/// Lines of other text allowed between two furniture lines of a dense block.
const MAX_GAP: usize = 2;
/// Furniture lines needed for a dense block that has other lines in it.
const MIN_MARKERS: usize = 3;
/// Body text (non-space bytes) needed before a trailing range.
const MIN_BODY: usize = 200;
/// Longest line (in characters) of a list after a list heading.
const LIST_ITEM: usize = 150;

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("static regex {s:?}: {e}"))
}

const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
const WEEKDAY: &str = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?";

/// Lines that open a trailing boilerplate section.
static CUE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)^(disclaimer|risk warning|risk disclosure)\b",
        r"(?i)^(\d+\s+)?comments?(\s*\(\d+\))?:?$",
        r"(?i)^(add|post|leave|write) a (public )?(comment|reply)",
        r"(?i)^(no comments( yet)?|be the first to comment.*|join the (conversation|discussion).*|(show|view|load) (all )?comments)$",
        r"(?i)^(author avatar|about the (author|writer)|about the authors)$",
        r"(?i)^.{1,60} is an? (\S+ ){0,3}publication\.?$",
        r"(?i)^(©|\(c\)|copyright\b).{0,100}$",
        r"(?i)^.{0,80}\ball rights reserved\.?$",
    ]
    .iter()
    .map(|s| re(s))
    .collect()
});

/// Headings of a list of links ("Related stories"): they open the tail only when nothing but short
/// lines follows them, since scraped text often has such a box in the middle of the article.
static LIST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(related|recommended|you (may|might) also like|trending( now)?|most (popular|read)|more stories|more on this( story)?|further reading|related (stories|articles|news|posts|coverage|content|reading)|more from .{1,40}|popular (stories|articles|now))[:.]?$",
    )
});

/// Furniture lines: each alone is weak evidence; several close together at the end are a block.
static JUNK: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)^(placeholder|gotop|go to top|back to top|quote|share|share this( (article|story))?|tweet|print|email|subscribe|sign up|advertisement|sponsored( content)?|ad|close|menu|loading\.*|see more|view all|read more|read full (article|story)|no comments( yet)?)$".to_owned(),
        r"(?i)^author:?\s+\S.{0,40}$".to_owned(),
        r"(?i)^(\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month)s?\s+ago$".to_owned(),
        r"(?i)^(just now|yesterday|today)$".to_owned(),
        format!(r"(?i)^{MONTH}\s+\d{{1,2}},?\s+{WEEKDAY}$"),
        format!(r"(?i)^{WEEKDAY},?\s+{MONTH}\s+\d{{1,2}}$"),
        r"(?i)^\d{1,2}:\d{2}(\s*[ap]m)?$".to_owned(),
    ]
    .iter()
    .map(|s| re(s))
    .collect()
});

/// Lines that are ads wherever they stand ("Advertisement" between two paragraphs).
static LONE_AD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(advertisement|sponsored( content)?|story continues below( advertisement)?|scroll to continue( with content)?|continue reading below|ad)$",
    )
});
static MONEY: LazyLock<Regex> =
    LazyLock::new(|| re(r"[$€£¥]\s?\d|\d(\.\d+)?\s?%|\b\d+(\.\d+)?\s?(k|bn|billion|million)\b"));
static MARKET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(price|prices|stocks?|bitcoin|btc|ethereum|eth|xrp|crypto|gold|silver|oil|forex|xau|etf|nasdaq|dow|s&p|futures|rally|slips?|drifts?|surges?|plunges?|tumbles?|soars?|bulls?|bears?|bearish|bullish)\b",
    )
});
static NAME_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Z][\p{L}'’.-]+(\s+[A-Z][\p{L}'’.-]+){1,3}$"));
static BLURB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(writer|reporter|journalist|editor|correspondent|columnist|contributor|writing agent)\b",
    )
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Cue,
    ListCue,
    Junk,
    Other,
}

struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The boilerplate ranges of `text`, sorted and disjoint.
pub fn detect(text: &str) -> Vec<TextRange> {
    let lines = lines(text);
    if lines.is_empty() {
        return Vec::new();
    }
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let mut out = Vec::new();
    let tail = tail_start(text, &lines, &kinds).map(|i| lines[i].start);
    for l in &lines {
        if tail.is_some_and(|t| l.start >= t) {
            break;
        }
        if LONE_AD.is_match(l.text) {
            let end = if text[l.end..].starts_with('\n') {
                l.end + 1
            } else {
                l.end
            };
            out.push(TextRange {
                start: l.start,
                end,
            });
        }
    }
    if let Some(start) = tail {
        out.push(TextRange {
            start,
            end: text.len(),
        });
    }
    out
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let lead = body.len() - body.trim_start().len();
            out.push(Line {
                start: pos + lead,
                end: pos + body.trim_end().len(),
                text: trimmed,
            });
        }
        pos += raw.len();
    }
    out
}

fn classify(line: &str) -> Kind {
    if CUE.iter().any(|r| r.is_match(line)) {
        Kind::Cue
    } else if LIST_CUE.is_match(line) {
        Kind::ListCue
    } else if JUNK.iter().any(|r| r.is_match(line)) || is_price_headline(line) {
        Kind::Junk
    } else {
        Kind::Other
    }
}

/// A short headline-like line about market prices ("Bitcoin slides toward $70K").
fn is_price_headline(line: &str) -> bool {
    line.chars().count() <= 140
        && !line.ends_with(['.', '!', '?', ':', ','])
        && MONEY.is_match(line)
        && MARKET.is_match(line)
}

/// Index of the first line of the trailing boilerplate, if any. Every candidate must leave at
/// least as much text before it as after it.
///
/// Linear in the text: the body counts are prefix sums over the lines and "only short lines
/// follow" is one backward pass (a 5 MB filing used to take over a minute, each line counting
/// the whole text again).
fn tail_start(text: &str, lines: &[Line<'_>], kinds: &[Kind]) -> Option<usize> {
    let n = lines.len();
    let body = BodyCounts::new(text, lines);
    let ok = |i: usize| body.before_ok(i);
    // short_after[i]: every line after i is furniture or short.
    let mut short_after = vec![true; n + 1];
    for i in (0..n).rev() {
        short_after[i] = short_after[i + 1]
            && (kinds[i] != Kind::Other || lines[i].text.chars().count() <= LIST_ITEM);
    }
    // The first cue line that leaves the body before it.
    let cue = (0..n).find(|&i| {
        (match kinds[i] {
            Kind::Cue => true,
            Kind::ListCue => short_after[i + 1],
            _ => false,
        }) && ok(i)
    });
    // Dense block of furniture reaching the end.
    let mut block = None;
    let (mut markers, mut gap, mut others) = (0, 0, 0);
    for i in (0..n).rev() {
        if kinds[i] == Kind::Other {
            gap += 1;
            if gap > MAX_GAP {
                break;
            }
        } else {
            markers += 1;
            others += gap;
            gap = 0;
            block = Some(i);
        }
    }
    let block = block
        .filter(|_| markers >= MIN_MARKERS || (others == 0 && markers > 0))
        .filter(|&b| ok(b));
    let mut start = [cue, block].into_iter().flatten().min();
    // An author blurb just before the tail (or at the very end).
    let limit = start.unwrap_or(n);
    if limit >= 2 {
        let i = limit - 2;
        if NAME_LINE.is_match(lines[i].text)
            && lines[i].text.chars().count() <= 40
            && is_blurb(lines[i + 1].text)
            && ok(i)
        {
            start = Some(i);
        } else if is_blurb(lines[limit - 1].text)
            && starts_with_name(lines[limit - 1].text)
            && ok(limit - 1)
        {
            start = Some(limit - 1);
        }
    }
    start
}

fn is_blurb(line: &str) -> bool {
    let head: String = line.chars().take(160).collect();
    BLURB.is_match(&head)
}

/// "Jo Park is a reporter…": a name followed by `is`/`was`/`covers`/`writes`.
fn starts_with_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(5).collect();
    let verb = words
        .iter()
        .position(|w| matches!(*w, "is" | "was" | "covers" | "writes" | "has"));
    verb.is_some_and(|v| {
        (2..=4).contains(&v) && words[..v].iter().all(|w| w.starts_with(char::is_uppercase))
    })
}

/// Non-space bytes of the text before each line's start, counted once.
struct BodyCounts {
    before: Vec<usize>,
    total: usize,
}

impl BodyCounts {
    fn new(text: &str, lines: &[Line<'_>]) -> Self {
        let count = |s: &str| s.bytes().filter(|b| !b.is_ascii_whitespace()).count();
        let mut before = Vec::with_capacity(lines.len());
        let (mut at, mut sum) = (0, 0);
        for l in lines {
            sum += count(&text[at..l.start]);
            at = l.start;
            before.push(sum);
        }
        Self {
            before,
            total: sum + count(&text[at..]),
        }
    }

    /// Whether at least as much text (and some minimum) comes before line `i` as after it.
    fn before_ok(&self, i: usize) -> bool {
        let before = self.before[i];
        before >= MIN_BODY && before >= self.total - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> String {
        (0..6)
            .map(|i| format!("Paragraph {i} of the story tells the reader what happened in the deal and why it matters, with enough words to look like prose."))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn excluded(text: &str) -> Vec<&str> {
        detect(text).iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn comment_section_and_blurb_are_excluded() {
        let text = format!(
            "{}\n\nJo Park\n\nJo Park is a staff writer covering chips and cloud deals for the desk.\n\nComments\n\nAdd a public comment...\nNo comments yet\n",
            body()
        );
        let ex = excluded(&text);
        assert_eq!(ex.len(), 1, "{ex:?}");
        assert!(
            ex[0].starts_with("Jo Park\n\nJo Park is a staff writer"),
            "{ex:?}"
        );
        assert!(ex[0].ends_with("No comments yet\n"));
    }

    #[test]
    fn dense_market_headline_block_is_excluded() {
        let text = format!(
            "{}\n\nOil jumps 4% as supply fears grow\nAuthor Desk\n3 hours ago\nCrude rose sharply in Asian trading on supply worries.\nSilver slips below $50 an ounce\nAuthor Desk\nNov 2, Sun\n",
            body()
        );
        let ex = excluded(&text);
        assert_eq!(ex.len(), 1, "{ex:?}");
        assert!(ex[0].starts_with("Oil jumps 4%"), "{ex:?}");
    }

    #[test]
    fn footer_and_lone_ads() {
        let b = body();
        let text = format!("{b}\nAdvertisement\n{b}\n\n© 2025 Example Media Group\n");
        let ex = excluded(&text);
        assert_eq!(ex, vec!["Advertisement\n", "© 2025 Example Media Group\n"]);
    }

    #[test]
    fn related_box_mid_article_is_kept_but_a_trailing_list_is_excluded() {
        let b = body();
        let last = "The closing paragraph goes on about the deal, the money involved, the chips, the data centres and what the partners said about the next steps, at a length no headline has.";
        let text = format!("{b}\n\n{b}\n\nRelated\n\nOther story headline\n\n{last}\n");
        assert!(detect(&text).is_empty(), "{:?}", excluded(&text));
        let text =
            format!("{b}\n\nMore from Example Wire\n\nChip stocks rally\nA second headline here\n");
        let ex = excluded(&text);
        assert_eq!(ex.len(), 1);
        assert!(ex[0].starts_with("More from Example Wire"), "{ex:?}");
    }

    #[test]
    fn cue_words_early_in_a_short_text_never_exclude_the_body() {
        let text = format!("Comments\n\n{}\n", body());
        assert!(detect(&text).is_empty());
        let text = format!("Short intro.\n\nDisclaimer: opinions only.\n\n{}", body());
        assert!(detect(&text).is_empty());
        assert!(detect(&body()).is_empty());
    }
}
