//! Figures in text: money (`$10 billion`, `$10B`, `US$10bn`, `10 billion dollars`, `€2bn`),
//! percentages, gigawatts, hardware counts and ranges (`$3,250–$3,400`, `between $8 and $10
//! billion`), each with its qualifier (`at least`, `more than`, `up to`, `about`, `-plus`).
//!
//! One regex finds amounts over the whole text; adjacent amounts joined by a dash, `to` or
//! `between … and` become ranges; the qualifier is read from the words just before the figure.

use super::money;
use crate::model::figure::format_value;
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
    /// Why the reading may be wrong (an unknown currency sign, no scale word); such a figure
    /// is proposed below the auto-accept threshold with this as its reason.
    pub doubt: Option<String>,
}

/// The parts of a figure, as regex fragments. Numbers may group thousands with commas, Indian
/// lakh commas (`1,50,000`) or, next to a currency, spaces (`10 000 dollars`).
const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?";
const NUM_SP: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:[\x20\u{a0}\u{202f}]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
const UNIT: &str = r"\s?%|\s(?:percent|per\s?cent)(?-u:\b)|[\s-]?(?:GW|MW)(?-u:\b)|[\s-](?:gigawatts?|megawatts?)(?-u:\b)";
const PLUS: &str = r"\+|-plus(?-u:\b)";
const COUNT: &str = r"\s(?:of\s+(?:its|their|the)\s+(?:[a-z]+\s)?)?(?:[A-Z][A-Za-z0-9]*\s)?(?:GPUs|chips|accelerators|processors)(?-u:\b)";

/// A scale after a number, with group names suffixed by `t` (regex groups must be unique):
/// one letter or an abbreviation right after the number (`$10m`, `$480MM`), or a word or
/// abbreviation after a space or hyphen (`$5 bn`, `10-billion`), optionally followed by a
/// second scale word (`lakh crore`, `thousand million`).
fn scale(t: &str) -> String {
    format!(
        r"(?:(?P<sl{t}>MM|mm|Mn|mn|MN|mln|bln|Bn|bn|BN|tn|trn|[kKmMbBtT])|\s?-?(?P<sw{t}>(?i:thousand|million|billion|trillion|lakhs?|crores?)|mln|mio|mil|MM|mn|Mn|bln|bn|Bn|trn|tn|lac|cr))(?:[\s-](?P<ss{t}>(?i:crores?|million|billion|trillion)))?(?-u:\b)"
    )
}

/// Prefix dollars written with letters in any case and an optional space (`us $`, `HK $`); the
/// letters start a word ("spent $5" holds no "NT $").
const LETTER_DOLLAR: &str =
    r"(?-u:\b)(?i:u\.s\.?|us|hk|nz|nt|au|aus|can|mex|mx|usd|aud|cad|nzd|mxn|sgd|hkd)\s?\$";

/// A figure: a currency sign or code then a number (with an optional range end, scale, `+`,
/// count noun); a number then a currency code or name; a spelled-out amount with a currency
/// name (`half a billion dollars`); or a number that carries a unit or a count noun. Bare
/// numbers (years, days) do not match, so the whole-text scan stays cheap; a bare lower end
/// of a range is read back from the text.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    let signs = money::sign_pattern();
    let codes = money::code_pattern();
    let names = money::name_pattern();
    let word = money::WORD_NUMBER;
    let wint = money::WORD_INT;
    let post = money::postfix_sign_pattern();
    let (sa, sb, sc) = (scale("a"), scale("b"), scale("c"));
    let pat = format!(
        r"(?P<cur>{LETTER_DOLLAR}|{signs}|(?-u:\b)(?i:{codes})\$?)[\x20\u{{a0}}]?(?P<num>{NUM_SP})(?:\s?(?:[-–—]\s?(?:{signs})?|\sto\s)(?P<hia>{NUM}))?(?:{sa})?(?P<plus>{PLUS})?(?P<count>{COUNT})?|(?-u:\b)(?P<wnum>{word})[\s-]+(?P<wscale>(?i:thousand|million|billion|trillion))(?:\s+(?P<wscale2>(?i:million|billion)))?\s+(?P<wname>(?i:{names})|(?i:{codes}))(?-u:\b)|(?-u:\b)(?P<wint>{wint})[\s-](?P<wname2>(?i:{names}))(?-u:\b)|(?-u:\b)(?P<num3>{NUM_SP})(?:\s?[-–—]\s?(?P<hib>{NUM}))?(?:{sb})?(?:\s?(?P<pcode>(?i:{codes}))(?:\s(?P<mscale>(?i:thousand|million|billion|trillion)))?(?-u:\b)|\s(?P<pname>(?i:{names}))(?-u:\b)|\s?(?P<psign>{post}))(?P<plus3>{PLUS})?|(?P<num2>{NUM})(?:{sc})?(?:(?P<unit2>{UNIT})(?P<plus2>{PLUS})?|(?P<count2>{COUNT}))"
    );
    Regex::new(&pat).expect("static figure regex is valid")
});

/// Forms the main grammar leaves out, each with its own reading: a scale glued to the code as
/// European filings write it (`30 MUSD`, `MGBP 48.5`, `250 kEUR`); the currency's name before
/// the number with a scale word (`dollar 22.5 million`); a Canadian sign set apart (`C $ 300
/// million`); and parts of a unit (`34 cents`, `470 pence`).
static EXTRA: LazyLock<Regex> = LazyLock::new(|| {
    let codes = "USD|EUR|GBP|AUD|CAD|CHF|SEK|NOK|DKK|JPY|CNY|HKD|SGD|NZD|INR";
    let wint = money::WORD_INT;
    let (s, s2) = (scale("e"), scale("f"));
    Regex::new(&format!(
        r"(?-u:\b)(?P<sn>{NUM}|{wint})\s?(?P<sc>[kKM](?:{codes}))(?-u:\b)|(?-u:\b)(?P<sc2>M(?:{codes}))\s?(?P<sn2>{NUM})(?-u:\b)|(?-u:\b)(?P<bn>(?i:dollars?|euros?|pounds?|yen|yuan))\s(?P<bnum>{NUM})(?:{s})|(?P<csign>(?-u:\b)[Cc]\s\$)\s?(?P<cnum>{NUM})(?:{s2})?|(?-u:\b)(?P<pnum>{NUM}|{wint})[\s-](?P<part>cents?|pence|penny|pennies|satoshis?)(?-u:\b)"
    ))
    .expect("static extra-figure regex is valid")
});

/// A number spelled or written in digits, as [`EXTRA`] and the compound tail capture it.
fn digits_or_words(s: &str, exp: i32) -> Option<f64> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        scaled_value(s, exp)
    } else {
        Some(money::word_value(s)? * 10f64.powi(exp))
    }
}

/// Reads one [`EXTRA`] match.
fn parse_extra(c: &regex::Captures<'_>) -> Option<Amount> {
    let m = c.get(0)?;
    let code_unit = |code: &str| money::currency_of(code);
    let mut doubt = None;
    let (value, unit, scaled) = if let (Some(n), Some(sc)) = (
        c.name("sn").or_else(|| c.name("sn2")),
        c.name("sc").or_else(|| c.name("sc2")),
    ) {
        let (prefix, code) = sc.as_str().split_at(1);
        let exp = if prefix.eq_ignore_ascii_case("k") {
            3
        } else {
            6
        };
        (digits_or_words(n.as_str(), exp)?, code_unit(code)?, true)
    } else if let (Some(name), Some(n)) = (c.name("bn"), c.name("bnum")) {
        (
            scaled_value(n.as_str(), scale_of(c, "e")?)?,
            code_unit(name.as_str())?,
            true,
        )
    } else if let Some(n) = c.name("cnum") {
        let exp = scale_of(c, "f");
        let sign = c.name("csign")?.as_str();
        if let Some((_, why)) = money::unsure_currency(sign).filter(|_| sign.starts_with('c')) {
            doubt = Some(why.to_owned());
        }
        (
            scaled_value(n.as_str(), exp.unwrap_or(0))?,
            Unit::Currency("CAD".into()),
            exp.is_some(),
        )
    } else {
        let n = c.name("pnum")?;
        let part = c.name("part")?.as_str();
        let (unit, exp) = match part {
            "pence" => (Unit::Currency("GBP".into()), -2),
            "penny" | "pennies" => {
                let (unit, why) = money::unsure_currency(part)?;
                doubt = Some(why.to_owned());
                (unit, -2)
            }
            "satoshi" | "satoshis" => (Unit::Currency("BTC".into()), -8),
            _ => (Unit::Usd, -2),
        };
        // A price in cents is small by nature: no scale doubt.
        (digits_or_words(n.as_str(), exp)?, unit, true)
    };
    value.is_finite().then_some(Amount {
        start: m.start(),
        end: trim_end(m.as_str(), m.start(), m.end()),
        value,
        high: None,
        scaled,
        unit: Some(unit),
        plus: false,
        count: false,
        doubt,
    })
}

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
    Regex::new(&money::qualifier_pattern()).expect("static qualifier regex is valid")
});

static OR_MORE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:or|and)\s+(?P<w>more|higher|above|upward|less|lower|under|below)(?-u:\b)",
    )
    .expect("static or-more regex is valid")
});

/// After a money figure, words that make a small amount a price, not a scale slip.
static PER_UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:a|an|per|each|apiece)(?-u:\b)|^\s*/")
        .expect("static per-unit regex is valid")
});

/// One regex match before ranges are joined.
struct Amount {
    start: usize,
    end: usize,
    value: f64,
    /// Upper end of a range written in one piece (`$2-3 billion`).
    high: Option<f64>,
    scaled: bool,
    unit: Option<Unit>,
    plus: bool,
    count: bool,
    /// Why the reading may be wrong (currency or scale unclear).
    doubt: Option<String>,
}

/// Whole-document facts the grammar needs: how `¥` reads here.
struct Ctx {
    yen: Option<&'static str>,
}

fn scaled_value(digits: &str, exp: i32) -> Option<f64> {
    let digits: String = digits
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    // "66.9e9" parses to exactly 66_900_000_000, unlike 66.9 * 1e9.
    format!("{digits}e{exp}").parse::<f64>().ok()
}

fn scale_of(c: &regex::Captures<'_>, t: &str) -> Option<i32> {
    let one = c
        .name(&format!("sl{t}"))
        .or_else(|| c.name(&format!("sw{t}")))?;
    let mut e = money::scale_exp(one.as_str())?;
    if let Some(two) = c.name(&format!("ss{t}")) {
        e += money::scale_exp(two.as_str())?;
    }
    Some(e)
}

fn parse_amount(text: &str, c: &regex::Captures<'_>, ctx: &Ctx) -> Option<Amount> {
    let m = c.get(0)?;
    let mut doubt = None;
    let (digits, high_digits, exp, unit, plus, count) = if let Some(cur) = c.name("cur") {
        let token = cur.as_str();
        let unit = match money::currency_of(token) {
            Some(u) => u,
            None if token.trim() == money::YEN_SIGN => match ctx.yen {
                Some(code) => Unit::Currency(code.into()),
                None => {
                    doubt = Some("“¥” may be yen or yuan: read as yen".to_owned());
                    Unit::Currency("JPY".into())
                }
            },
            None => {
                // "hk $ 10 billion": a prefixed dollar in another case is that dollar, not the
                // US one; "usd$ 15": a code with a dollar sign.
                let code = token.trim_end_matches('$').trim();
                money::currency_of(&token.to_uppercase())
                    .or_else(|| money::currency_of(code))
                    .unwrap_or(Unit::Usd)
            }
        };
        // "J$10": letters glued to a dollar sign that the grammar does not know.
        if token == "$"
            && text[..cur.start()]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_ascii_alphabetic())
        {
            let word_start = text[..cur.start()]
                .char_indices()
                .rev()
                .find(|(_, ch)| !ch.is_ascii_alphanumeric())
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            doubt = Some(format!(
                "“{}$” is not a currency we know: read as US dollars",
                &text[word_start..cur.start()]
            ));
        }
        (
            c.name("num")?.as_str(),
            c.name("hia").map(|h| h.as_str()),
            scale_of(c, "a"),
            Some(unit),
            c.name("plus").is_some(),
            c.name("count").is_some(),
        )
    } else if let Some(w) = c.name("wnum") {
        let v = money::word_value(w.as_str())?;
        let mut exp = money::scale_exp(c.name("wscale")?.as_str())?;
        if let Some(s2) = c.name("wscale2") {
            exp += money::scale_exp(s2.as_str())?;
        }
        let (unit, doubt) = name_currency(c.name("wname")?.as_str())?;
        let value = v * 10f64.powi(exp);
        return Some(Amount {
            start: m.start(),
            end: m.end(),
            value,
            high: None,
            scaled: true,
            unit: Some(unit),
            plus: false,
            count: false,
            doubt,
        });
    } else if let Some(w) = c.name("wint") {
        // "one-yen", "thirteen dollars": a spelled number with no scale word.
        let value = money::word_value(w.as_str())?;
        let (unit, doubt) = name_currency(c.name("wname2")?.as_str())?;
        let end = m.end();
        let doubt = doubt.or_else(|| scale_doubt(text, end, value, false, Some(&unit)));
        return Some(Amount {
            start: m.start(),
            end,
            value,
            high: None,
            scaled: false,
            unit: Some(unit),
            plus: false,
            count: false,
            doubt,
        });
    } else if let Some(n) = c.name("num3") {
        let unit = if let Some(sign) = c.name("psign") {
            match money::postfix_currency(sign.as_str()) {
                Some(u) => u,
                None if sign.as_str() == money::YEN_SIGN => match ctx.yen {
                    Some(code) => Unit::Currency(code.into()),
                    None => {
                        doubt = Some("“¥” may be yen or yuan: read as yen".to_owned());
                        Unit::Currency("JPY".into())
                    }
                },
                None => return None,
            }
        } else if let Some(name) = c.name("pname") {
            let (unit, why) = name_currency(name.as_str())?;
            doubt = why;
            unit
        } else {
            money::currency_of(c.name("pcode")?.as_str())?
        };
        let mut exp = scale_of(c, "b");
        if let Some(ms) = c.name("mscale") {
            // "75 USD million": the scale after the code.
            exp = Some(exp.unwrap_or(0) + money::scale_exp(ms.as_str())?);
        }
        (
            n.as_str(),
            c.name("hib").map(|h| h.as_str()),
            exp,
            Some(unit),
            c.name("plus3").is_some(),
            false,
        )
    } else {
        let unit_word = c.name("unit2").map(|s| {
            s.as_str()
                .trim()
                .trim_start_matches('-')
                .to_ascii_lowercase()
        });
        let mut exp = scale_of(c, "c");
        let unit = match unit_word.as_deref() {
            Some("%" | "percent" | "per cent") => Some(Unit::Percent),
            Some(u) if u.starts_with("per") && u.ends_with("cent") => Some(Unit::Percent),
            Some("gw" | "gigawatt" | "gigawatts") => Some(Unit::Gw),
            Some("mw" | "megawatt" | "megawatts") => {
                exp = Some(exp.unwrap_or(0) - 3);
                Some(Unit::Gw)
            }
            _ => None,
        };
        (
            c.name("num2")?.as_str(),
            None,
            exp,
            unit,
            c.name("plus2").is_some(),
            c.name("count2").is_some(),
        )
    };
    let value = scaled_value(digits, exp.unwrap_or(0))?;
    let mut high = high_digits.and_then(|h| scaled_value(h, exp.unwrap_or(0)));
    if high.is_some_and(|h| h < value) {
        doubt = Some(format!(
            "the range “{}” runs downwards: read as its first number",
            m.as_str()
        ));
        high = None;
    }
    // "$10B+" and "-plus" end the figure; the count noun is context, not part of the figure.
    let end = match c.name("count").or_else(|| c.name("count2")) {
        Some(cn) => cn.start(),
        None => m.end(),
    };
    let end = trim_end(m.as_str(), m.start(), end);
    // A number too long for a float (10,000 digits) is no figure: it would become `inf`.
    if digits.len() > 40 || !value.is_finite() {
        return None;
    }
    if unit.as_ref().is_some_and(Unit::is_money) && doubt.is_none() {
        doubt = scale_doubt(text, end, value, exp.is_some(), unit.as_ref());
    }
    Some(Amount {
        start: m.start(),
        end,
        value,
        high,
        scaled: exp.is_some(),
        unit,
        plus,
        count,
        doubt,
    })
}

/// The currency of a name written after a number, with a doubt when the name does not say
/// which currency it is (`francs`).
fn name_currency(name: &str) -> Option<(Unit, Option<String>)> {
    match money::currency_of(name) {
        Some(u) => Some((u, None)),
        None => money::unsure_currency(name).map(|(u, why)| (u, Some(why.to_owned()))),
    }
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

/// Why a money amount's scale may be wrong: letters glued to the number that are no scale
/// (`$10x`), or a small sum with no scale word that is not a price (`$10 in funding`).
fn scale_doubt(
    text: &str,
    end: usize,
    value: f64,
    scaled: bool,
    unit: Option<&Unit>,
) -> Option<String> {
    let after = &text[end..floor(text, end + 16)];
    let shown = || unit.map_or_else(|| value.to_string(), |u| format_value(value, u));
    if after.starts_with(|ch: char| ch.is_alphabetic()) {
        let word: String = after.chars().take_while(|ch| ch.is_alphabetic()).collect();
        return Some(format!(
            "“{word}” after the number is not a scale we know: read as {}",
            shown()
        ));
    }
    if value == 0.0 {
        return Some("the amount reads as zero".to_owned());
    }
    if !scaled && value < 1000.0 && !PER_UNIT_AFTER.is_match(after) {
        return Some(format!(
            "no scale word (million, bn…) after the number: read as {}",
            shown()
        ));
    }
    None
}

fn trim_end(s: &str, base: usize, end: usize) -> usize {
    let local = &s[..end - base];
    base + local.trim_end().len()
}

/// Finds all figures in `text`; `base` is added to offsets.
pub fn find_figures(text: &str, base: usize) -> Vec<FoundFigure> {
    let ctx = Ctx {
        yen: if text.contains(money::YEN_SIGN) {
            money::yen_or_yuan(text)
        } else {
            None
        },
    };
    let mut amounts: Vec<Amount> = AMOUNT
        .captures_iter(text)
        .filter_map(|c| parse_amount(text, &c, &ctx))
        // "$1e999": an exponent glued to the number; reading "$1" would be wrong.
        .filter(|a| !exponent_after(text, a.end))
        .collect();
    // The extra forms win over what the main grammar read inside them ("C $ 300 million" is
    // not "$ 300 million").
    let extras: Vec<Amount> = EXTRA
        .captures_iter(text)
        .filter_map(|c| parse_extra(&c))
        .filter(|a| !exponent_after(text, a.end))
        .collect();
    if !extras.is_empty() {
        // Both lists are in text order and neither overlaps itself, so the first extra that
        // ends after `a` starts is the only one that can overlap it (a scan of all extras per
        // amount grew with the square of the text).
        amounts.retain(|a| {
            let i = extras.partition_point(|e| e.end <= a.start);
            extras.get(i).is_none_or(|e| e.start >= a.end)
        });
        amounts.extend(extras);
        amounts.sort_by_key(|a| a.start);
    }
    join_cents(text, &mut amounts);
    let mut out = Vec::new();
    let mut i = 0;
    while i < amounts.len() {
        let a = &amounts[i];
        if let Some(b) = amounts.get(i + 1)
            && a.high.is_none()
            && b.high.is_none()
            && let Some(range) = join_range(text, a, b)
        {
            out.push(FoundFigure {
                start: base + range.0,
                end: base + b.end,
                figure: range.1,
                // "$8 to $10 billion": the bare lower end takes the upper end's scale, so
                // only the upper end's doubt holds.
                doubt: if b.scaled && !a.scaled {
                    b.doubt.clone()
                } else {
                    a.doubt.clone().or_else(|| b.doubt.clone())
                },
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
            if let Some(high) = a.high {
                out.push(FoundFigure {
                    start: base + a.start,
                    end: base + a.end,
                    figure: Figure::range(a.value, Some(high), unit),
                    doubt: a.doubt.clone(),
                });
                i += 1;
                continue;
            }
            if let Some((start, low)) = bare_low(text, a) {
                out.push(FoundFigure {
                    start: base + start,
                    end: base + a.end,
                    figure: Figure::range(low, Some(a.value), unit),
                    doubt: a.doubt.clone(),
                });
                i += 1;
                continue;
            }
            let q = qualifier_at(text, a.start, a.end, a.plus);
            out.push(FoundFigure {
                start: base + a.start,
                end: base + a.end,
                figure: Figure::qualified(a.value, q, unit),
                doubt: a.doubt.clone(),
            });
        }
        i += 1;
    }
    out
}

/// The cents after a whole amount: ` 50`, ` and 45 cents`, ` forty-five`, ` and fifty`; on
/// the same line (a tail after a line break is another paragraph's number).
static CENTS_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<and>[\x20\t]+and)?[\x20\t-]+(?P<n>\d{{1,2}}|{})(?P<c>[\x20-]cents?)?(?-u:\b)",
        money::WORD_INT
    ))
    .expect("static cents-tail regex is valid")
});

/// Joins a sum written as dollars and cents into one amount: `15 dollars 50`, `thirteen
/// dollars and forty-five cents`, `17 USD 25`, `10 $ 30 cent`, `C $ 100 and fifty`. Only a
/// whole amount without a scale takes cents, and only when the cents end the clause or say
/// `cents` (`50 dollars 10 years ago` stays 50 dollars). After a prefix sign (`$100 and 20`)
/// only `cents` or a spelled `and fifty` join: digits there are more often a second count.
fn join_cents(text: &str, amounts: &mut Vec<Amount>) {
    let mut i = 0;
    while i < amounts.len() {
        let a = &amounts[i];
        let whole = a
            .unit
            .as_ref()
            .is_some_and(|u| u.is_money() && !matches!(u.name(), "JPY" | "KRW" | "BTC"))
            && !a.scaled
            && a.high.is_none()
            && !a.plus
            && !a.count
            && a.value.fract() == 0.0;
        if !whole || BETWEEN.is_match(&text[ceil(text, a.start.saturating_sub(12))..a.start]) {
            i += 1;
            continue;
        }
        let Some(c) = CENTS_TAIL.captures(&text[a.end..]) else {
            i += 1;
            continue;
        };
        let (Some(all), Some(n)) = (c.get(0), c.name("n")) else {
            i += 1;
            continue;
        };
        let end = a.end + all.end();
        let said_cents = c.name("c").is_some();
        let spelled = !n.as_str().starts_with(|ch: char| ch.is_ascii_digit());
        let prefix = text[a.start..a.end].ends_with(|ch: char| ch.is_ascii_digit());
        let rest = &text[end..];
        let ends_clause = rest.is_empty()
            || rest.starts_with([',', ';', ':', '!', '?', ')'])
            || (rest.starts_with('.') && !rest[1..].starts_with(|ch: char| ch.is_ascii_digit()));
        let ok = if prefix {
            said_cents || (spelled && c.name("and").is_some() && ends_clause)
        } else {
            said_cents || ends_clause
        };
        let cents = digits_or_words(n.as_str(), 0).filter(|v| *v < 100.0);
        let (true, Some(cents)) = (ok, cents) else {
            i += 1;
            continue;
        };
        let a = &mut amounts[i];
        a.value += cents / 100.0;
        a.end = end;
        if a.doubt
            .as_deref()
            .is_some_and(|d| d.starts_with("no scale word"))
        {
            a.doubt = scale_doubt(text, end, a.value, false, a.unit.as_ref());
        }
        // "10 $ 30 cent": the cents were also read on their own.
        let (start, stop) = (a.start, a.end);
        let mut k = i + 1;
        while k < amounts.len() {
            if amounts[k].start < stop && amounts[k].start >= start {
                amounts.remove(k);
            } else {
                k += 1;
            }
        }
        i += 1;
    }
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

/// The qualifier of the figure at `start..end`: words or signs just before it (see
/// [`money::QUALIFIER_WORDS`]), or `+`/`-plus`/`or more`/`or less` after it.
fn qualifier_at(text: &str, start: usize, end: usize, plus: bool) -> Qualifier {
    if plus {
        return Qualifier::AtLeast;
    }
    let after = &text[end..floor(text, end + 24)];
    if (after.contains(" or ") || after.contains(" and "))
        && let Some(c) = OR_MORE_AFTER.captures(after)
    {
        let w = c.name("w").map_or("", |w| w.as_str()).to_ascii_lowercase();
        return if matches!(w.as_str(), "less" | "lower" | "under" | "below") {
            Qualifier::UpTo
        } else {
            Qualifier::AtLeast
        };
    }
    let before = &text[ceil(text, start.saturating_sub(40))..start];
    match QUALIFIER_BEFORE.captures(before).and_then(|c| c.name("q")) {
        Some(q) => money::qualifier_of(q.as_str()),
        None => Qualifier::Exact,
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
