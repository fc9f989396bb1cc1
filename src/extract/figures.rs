//! Figures in text: money (`$10 billion`, `$10B`, `US$10bn`, `10 billion dollars`, `€2bn`),
//! percentages, gigawatts, hardware counts and ranges (`$3,250–$3,400`, `between $8 and $10
//! billion`), each with its qualifier (`at least`, `more than`, `up to`, `about`, `-plus`).
//!
//! One regex finds amounts over the whole text; adjacent amounts joined by a dash, `to` or
//! `between … and` become ranges; the qualifier is read from the words just before the figure.

use crate::model::{Figure, Qualifier, Unit};
use regex::Regex;
use std::sync::LazyLock;

/// A figure found in text, with its byte span.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundFigure {
    /// Start byte offset of the figure text (currency sign included, qualifier words not).
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The parsed figure.
    pub figure: Figure,
}

/// The parts of a figure, as regex fragments.
const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
const SCALE: &str = r"(?i:trillion|billion|million|thousand)|tn|bn|mn|mln|T|B|M|K|k";
const UNIT: &str = r"\s?%|\s(?:percent|per\s?cent)(?-u:\b)|[\s-]?(?:GW|MW)(?-u:\b)|[\s-](?:gigawatts?|megawatts?)(?-u:\b)|\s(?:U\.S\.\s)?dollars(?-u:\b)|\s(?:euros|pounds|yen)(?-u:\b)|\s(?:USD|EUR|GBP|JPY)(?-u:\b)";
const PLUS: &str = r"\+|-plus(?-u:\b)";
const COUNT: &str = r"\s(?:of\s+(?:its|their|the)\s+(?:[a-z]+\s)?)?(?:[A-Z][A-Za-z0-9]*\s)?(?:GPUs|chips|accelerators|processors)(?-u:\b)";

/// A figure: a currency sign then a number (with optional scale, unit, `+`, count noun), or a
/// number that carries a unit or a count noun. Bare numbers (years, days) do not match, so the
/// whole-text scan stays cheap; a bare lower end of a range is read back from the text.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let pat = format!(
        r"(?P<cur>US\$|U\.S\.\s?\$|[ACS]\$|HK\$|\$|€|£|¥|(?-u:\b)(?:USD|EUR|GBP|JPY)\s?)(?P<num>{NUM})(?:\s?-?(?P<scale>{SCALE})(?-u:\b))?(?P<unit>{UNIT})?(?P<plus>{PLUS})?(?P<count>{COUNT})?|(?P<num2>{NUM})(?:\s?-?(?P<scale2>{SCALE})(?-u:\b))?(?:(?P<unit2>{UNIT})(?P<plus2>{PLUS})?|(?P<count2>{COUNT}))"
    );
    Regex::new(&pat).expect("static figure regex is valid")
});

static BARE_LOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?P<between>between)\s+)?(?P<low>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<gap>–|—|-|to|and)\s?$")
        .expect("static bare-range regex is valid")
});

static RANGE_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?(?:–|—|-|to)\s?$").expect("static range-gap regex is valid"));

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)between\s+$").expect("static between regex is valid")
});

static FROM_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)from\s+$").expect("static from regex is valid"));

static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)(?-u:\b)(?P<q>at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+less\s+than|not\s+less\s+than
        |more\s+than|over|exceeding|in\s+excess\s+of|beyond|above|upwards\s+of|north\s+of
        |greater\s+than|surpassing|surpass(?:es|ed)?|topping|tops?|exceed(?:s|ed)?
        |up\s+to|as\s+much\s+as|as\s+many\s+as|as\s+high\s+as|a\s+maximum\s+of
        |about|approximately|approx\.|roughly|nearly|near|almost|around|close\s+to|some|an\s+estimated
        |circa)\s+(?:a\s+|an\s+)?$",
    )
    .expect("static qualifier regex is valid")
});

static OR_MORE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:or|and)\s+(?:more|higher|above|upward)(?-u:\b)")
        .expect("static or-more regex is valid")
});

/// One regex match before ranges are joined.
struct Amount {
    start: usize,
    end: usize,
    value: f64,
    scaled: bool,
    unit: Option<Unit>,
    plus: bool,
    count: bool,
}

fn parse_amount(c: &regex::Captures<'_>) -> Option<Amount> {
    let m = c.get(0)?;
    let g = |a: &str, b: &str| c.name(a).or_else(|| c.name(b));
    let digits = g("num", "num2")?.as_str().replace(',', "");
    let scale = g("scale", "scale2").map(|s| s.as_str().to_owned());
    let lower = scale.as_deref().map(str::to_ascii_lowercase);
    let scale = match lower.as_deref() {
        Some(l @ ("trillion" | "billion" | "million" | "thousand")) => Some(l),
        _ => scale.as_deref(),
    };
    let exp = match scale {
        Some("trillion" | "tn" | "T") => 12,
        Some("billion" | "bn" | "B") => 9,
        Some("million" | "mn" | "mln" | "M") => 6,
        Some("thousand" | "K" | "k") => 3,
        _ => 0,
    };
    let cur = c.name("cur").map(|s| s.as_str().trim());
    let unit_word = g("unit", "unit2").map(|s| {
        s.as_str()
            .trim()
            .trim_start_matches('-')
            .to_ascii_lowercase()
    });
    let unit_exp = |e: i32| format!("{digits}e{e}").parse::<f64>().ok();
    let mut value = unit_exp(exp)?;
    let unit = match (cur, unit_word.as_deref()) {
        (_, Some("%" | "percent" | "per cent")) => Some(Unit::Percent),
        (_, Some(u)) if u.starts_with("per") && u.ends_with("cent") => Some(Unit::Percent),
        (_, Some("gw" | "gigawatt" | "gigawatts")) => Some(Unit::Gw),
        (_, Some("mw" | "megawatt" | "megawatts")) => {
            value = unit_exp(exp - 3)?;
            Some(Unit::Gw)
        }
        (Some("€" | "EUR"), _) | (_, Some("euros" | "eur")) => Some(Unit::Currency("EUR".into())),
        (Some("£" | "GBP"), _) | (_, Some("pounds" | "gbp")) => Some(Unit::Currency("GBP".into())),
        (Some("¥" | "JPY"), _) | (_, Some("yen" | "jpy")) => Some(Unit::Currency("JPY".into())),
        (Some("A$"), _) => Some(Unit::Currency("AUD".into())),
        (Some("C$"), _) => Some(Unit::Currency("CAD".into())),
        (Some("S$"), _) => Some(Unit::Currency("SGD".into())),
        (Some("HK$"), _) => Some(Unit::Currency("HKD".into())),
        (Some(_), _) => Some(Unit::Usd),
        (None, Some(u)) if u.contains("dollars") || u == "usd" => Some(Unit::Usd),
        _ => None,
    };
    let count = g("count", "count2").is_some();
    let plus = g("plus", "plus2").is_some();
    // "$10B+" and "-plus" end the figure; the count noun is context, not part of the figure.
    let end = match g("count", "count2") {
        Some(cn) => cn.start(),
        None => m.end(),
    };
    let end = trim_end(m.as_str(), m.start(), end);
    // A number too long for a float (10,000 digits) is no figure: it would become `inf`.
    if digits.len() > 40 || !value.is_finite() {
        return None;
    }
    Some(Amount {
        start: m.start(),
        end,
        value,
        scaled: scale.is_some(),
        unit,
        plus,
        count,
    })
}

/// Whether an exponent (`e999`, `E+12`) follows the number ending at `end`.
fn exponent_after(text: &str, end: usize) -> bool {
    let rest = text.as_bytes().get(end..).unwrap_or_default();
    matches!(rest.first(), Some(b'e' | b'E'))
        && match rest.get(1) {
            Some(b'+' | b'-') => rest.get(2).is_some_and(u8::is_ascii_digit),
            Some(b) => b.is_ascii_digit(),
            None => false,
        }
}

fn trim_end(s: &str, base: usize, end: usize) -> usize {
    let local = &s[..end - base];
    base + local.trim_end().len()
}

/// Finds all figures in `text`; `base` is added to offsets.
pub fn find_figures(text: &str, base: usize) -> Vec<FoundFigure> {
    let amounts: Vec<Amount> = AMOUNT
        .captures_iter(text)
        .filter_map(|c| parse_amount(&c))
        // "$1e999": an exponent glued to the number; reading "$1" would be wrong.
        .filter(|a| !exponent_after(text, a.end))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < amounts.len() {
        let a = &amounts[i];
        if let Some(b) = amounts.get(i + 1)
            && let Some(range) = join_range(text, a, b)
        {
            out.push(FoundFigure {
                start: base + range.0,
                end: base + b.end,
                figure: range.1,
            });
            i += 2;
            continue;
        }
        if let Some(unit) = a
            .unit
            .clone()
            .or(if a.count { Some(Unit::Count) } else { None })
        {
            if a.count && a.value < 1000.0 {
                i += 1;
                continue;
            }
            if let Some((start, low)) = bare_low(text, a) {
                out.push(FoundFigure {
                    start: base + start,
                    end: base + a.end,
                    figure: Figure::range(low, Some(a.value), unit),
                });
                i += 1;
                continue;
            }
            let q = qualifier_at(text, a.start, a.end, a.plus);
            out.push(FoundFigure {
                start: base + a.start,
                end: base + a.end,
                figure: Figure::qualified(a.value, q, unit),
            });
        }
        i += 1;
    }
    out
}

/// Joins `a` and `b` into a range when the text between them is a dash or `to` (not after
/// `from`), or `and` after `between`. Returns the range start and the figure.
fn join_range(text: &str, a: &Amount, b: &Amount) -> Option<(usize, Figure)> {
    let gap = &text[a.end..b.start];
    let before = &text[ceil(text, a.start.saturating_sub(12))..a.start];
    let between = BETWEEN.is_match(before) && gap.trim() == "and";
    let dash = RANGE_GAP.is_match(gap) && !FROM_BEFORE.is_match(before);
    if !between && !dash {
        return None;
    }
    let unit = b.unit.clone().or_else(|| a.unit.clone())?;
    if a.unit.is_some() && a.unit != b.unit {
        return None;
    }
    let low = if !a.scaled && b.scaled {
        // "$8 to $10 billion": the scale of the upper end applies to both.
        let exp = (b.value / text_number(text, b)?).log10().round() as i32;
        format!("{}e{exp}", text_number(text, a)?).parse().ok()?
    } else {
        a.value
    };
    if b.value < low {
        return None;
    }
    Some((a.start, Figure::range(low, Some(b.value), unit)))
}

/// The lower end of a range written as a bare number before a figure: "8 to 10 GW",
/// "between 2 and 3 gigawatts". Returns its start and value (scaled like the figure).
fn bare_low(text: &str, a: &Amount) -> Option<(usize, f64)> {
    if a.start == 0
        || !text.as_bytes()[a.start - 1].is_ascii_whitespace()
            && text.as_bytes()[a.start - 1] != b'-'
            && !text[..a.start].ends_with('–')
    {
        return None;
    }
    let from = ceil(text, a.start.saturating_sub(40));
    let c = BARE_LOW.captures(&text[from..a.start])?;
    let gap = c.name("gap")?.as_str().to_ascii_lowercase();
    let low_m = c.name("low")?;
    let start = from + c.get(0)?.start();
    // The low number must stand alone ("7-year" or "2025-" are not range ends).
    if text[..from + low_m.start()]
        .chars()
        .next_back()
        .is_some_and(|ch| ch.is_alphanumeric() || ch == '$' || ch == '.' || ch == ',')
    {
        return None;
    }
    let between = c.name("between").is_some();
    if (gap == "and") != between
        || (gap == "to" && FROM_BEFORE.is_match(&text[ceil(text, start.saturating_sub(12))..start]))
    {
        return None;
    }
    let low_text = low_m.as_str().replace(',', "");
    let exp = (a.value / text_number(text, a)?).log10().round() as i32;
    let low: f64 = format!("{low_text}e{exp}").parse().ok()?;
    (low <= a.value).then_some((start, low))
}

/// The bare number of an amount, as written, with unit scaling for MW undone.
fn text_number(text: &str, a: &Amount) -> Option<f64> {
    let s = &text[a.start..a.end];
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    digits
        .trim_end_matches('.')
        .parse()
        .ok()
        .filter(|n: &f64| *n != 0.0)
}

/// The qualifier of the figure at `start..end`: words just before it, or `+`/`-plus`/`or more`
/// after it.
fn qualifier_at(text: &str, start: usize, end: usize, plus: bool) -> Qualifier {
    let after = &text[end..floor(text, end + 24)];
    if plus
        || ((after.contains(" or ") || after.contains(" and ")) && OR_MORE_AFTER.is_match(after))
    {
        return Qualifier::AtLeast;
    }
    let before = &text[ceil(text, start.saturating_sub(40))..start];
    let Some(m) = QUALIFIER_BEFORE.find(before) else {
        return Qualifier::Exact;
    };
    let lower = m.as_str().to_ascii_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if matches!(words.last(), Some(&("a" | "an"))) {
        words.pop();
    }
    let q = words.join(" ");
    match q.as_str() {
        "at least" | "a minimum of" | "minimum of" | "no less than" | "not less than" => {
            Qualifier::AtLeast
        }
        "more than" | "over" | "exceeding" | "in excess of" | "beyond" | "above" | "upwards of"
        | "north of" | "greater than" | "surpassing" | "surpass" | "surpasses" | "surpassed"
        | "topping" | "top" | "tops" | "exceed" | "exceeds" | "exceeded" => Qualifier::MoreThan,
        "up to" | "as much as" | "as many as" | "as high as" | "a maximum of" => Qualifier::UpTo,
        _ => Qualifier::About,
    }
}

/// The largest char boundary ≤ `i` (clamped to the text).
pub fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary ≥ `i` (clamped to the text).
pub fn ceil(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (String, Figure) {
        let f = find_figures(s, 0);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        (s[f[0].start..f[0].end].to_owned(), f[0].figure.clone())
    }

    #[test]
    fn money_forms_parse_to_dollars() {
        for s in [
            "a $10 billion deal",
            "a $10B deal",
            "a $10bn deal",
            "US$10 billion",
            "10 billion dollars",
        ] {
            let (_, f) = one(s);
            assert_eq!(f.low, 1e10, "{s}");
            assert_eq!(f.unit, Unit::Usd, "{s}");
        }
        assert_eq!(one("$66.9 billion").1.low, 66.9e9);
        assert_eq!(one("$1.5 trillion").1.low, 1.5e12);
        let (t, f) = one("a €2bn round");
        assert_eq!((t.as_str(), f.unit), ("€2bn", Unit::Currency("EUR".into())));
    }

    #[test]
    fn percent_and_gigawatts() {
        assert_eq!(one("rose 2.3% on Monday").1.unit, Unit::Percent);
        let (_, f) = one("at least 10 gigawatts of systems");
        assert_eq!(
            (f.low, f.unit, f.qualifier),
            (10.0, Unit::Gw, Qualifier::AtLeast)
        );
        assert_eq!(one("a 500 MW campus").1.low, 0.5);
        assert_eq!(one("a 10-gigawatt deal").1.unit, Unit::Gw);
        assert_eq!(one("a 1.5GW site").1.low, 1.5);
    }

    #[test]
    fn qualifiers_before_and_after() {
        let q = |s: &str| one(s).1.qualifier;
        assert_eq!(q("at least $10 billion"), Qualifier::AtLeast);
        assert_eq!(q("a minimum of $10 billion"), Qualifier::AtLeast);
        assert_eq!(q("a $500 billion-plus valuation"), Qualifier::AtLeast);
        assert_eq!(q("a $10B+ stake"), Qualifier::AtLeast);
        assert_eq!(q("more than $4 billion"), Qualifier::MoreThan);
        assert_eq!(q("exceeding $10 billion"), Qualifier::MoreThan);
        assert_eq!(q("beyond $500 billion"), Qualifier::MoreThan);
        assert_eq!(q("up to $5 billion"), Qualifier::UpTo);
        assert_eq!(q("as much as $5 billion"), Qualifier::UpTo);
        assert_eq!(q("approximately $90 billion"), Qualifier::About);
        assert_eq!(q("nearly $90 billion"), Qualifier::About);
        assert_eq!(q("a $38 billion deal"), Qualifier::Exact);
    }

    #[test]
    fn ranges_join_two_amounts() {
        let (t, f) = one("to target $3,250–$3,400 next");
        assert_eq!(t, "$3,250–$3,400");
        assert_eq!(
            (f.low, f.high, f.qualifier),
            (3250.0, Some(3400.0), Qualifier::Range)
        );
        let (t, f) = one("between $8 and $10 billion");
        assert_eq!(t, "$8 and $10 billion");
        assert_eq!((f.low, f.high), (8e9, Some(1e10)));
        assert_eq!(
            find_figures("grew from $3 billion to $5 billion", 0).len(),
            2
        );
    }

    #[test]
    fn bare_numbers_and_years_are_not_figures() {
        assert!(find_figures("In 2025, 18 straight closes and a 7-year plan", 0).is_empty());
        assert_eq!(one("about 300,000 Nvidia GPUs").1.unit, Unit::Count);
        assert_eq!(one("with 18,000 of its newest chips").1.low, 18000.0);
    }
}
