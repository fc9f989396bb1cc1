//! The money grammar: currencies (symbols, ISO codes, names), scale words and abbreviations
//! (`k`, `m`/`mn`/`mln`/`MM`, `b`/`bn`/`bln`, `t`/`tn`/`trn`, `lakh`, `crore`, `lakh crore`),
//! written-out numbers (`half a billion dollars`) and the qualifier words before a figure.
//!
//! This is the one place these rules live: the extractor's figure regex is built from these
//! tables, and the Inspector's amount field and the selection prefill parse through
//! [`parse_typed_amount`] and [`super::figures::find_figures`], so all three read `$10m` alike.

use crate::model::{Qualifier, Unit};

/// One currency: ISO code, prefix signs (`$`, `C$`, `Rs`), code-like words accepted in any case
/// (`RMB`), and names written after the number (`yuan`, `Swiss francs`).
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Signs written before the number, case-sensitive (`$`, `NZ$`, `Rs`, `₹`).
    pub signs: &'static [&'static str],
    /// Codes accepted before or after the number in any case (`usd 20`, `20 USD`).
    pub codes: &'static [&'static str],
    /// Names written after the number (`dollars`, `Swiss francs`, `crore rupees` reads `rupees`).
    pub names: &'static [&'static str],
}

/// The currencies the grammar knows. Order matters only for display.
pub const CURRENCIES: &[Currency] = &[
    Currency {
        code: "USD",
        signs: &["US$", "U.S.$", "U.S. $", "US $", "$"],
        codes: &["USD"],
        names: &[
            "US dollars",
            "US dollar",
            "U.S. dollars",
            "U.S. dollar",
            "American dollars",
            "dollars",
            "dollar",
        ],
    },
    Currency {
        code: "EUR",
        signs: &["€"],
        codes: &["EUR"],
        names: &["euros", "euro"],
    },
    Currency {
        code: "GBP",
        signs: &["£"],
        codes: &["GBP"],
        names: &["pounds sterling", "pounds", "pound", "sterling"],
    },
    Currency {
        code: "JPY",
        signs: &["JP¥", "JP ¥"],
        codes: &["JPY"],
        names: &["Japanese yen", "yen"],
    },
    Currency {
        code: "CNY",
        signs: &["CN¥", "CN ¥"],
        codes: &["CNY", "RMB"],
        names: &["Chinese yuan", "yuan", "renminbi"],
    },
    Currency {
        code: "INR",
        signs: &["₹", "Rs.", "Rs"],
        codes: &["INR"],
        names: &["Indian rupees", "rupees", "rupee"],
    },
    Currency {
        code: "KRW",
        signs: &["₩"],
        codes: &["KRW"],
        names: &["South Korean won", "Korean won", "won"],
    },
    Currency {
        code: "CHF",
        signs: &["SFr.", "SFr"],
        codes: &["CHF"],
        names: &["Swiss francs", "Swiss franc"],
    },
    Currency {
        code: "SAR",
        signs: &["SR", "﷼"],
        codes: &["SAR"],
        names: &["Saudi riyals", "Saudi riyal", "riyals", "riyal"],
    },
    Currency {
        code: "AED",
        signs: &["Dhs", "Dh"],
        codes: &["AED"],
        names: &["UAE dirhams", "Emirati dirhams", "dirhams", "dirham"],
    },
    Currency {
        code: "QAR",
        signs: &["QR"],
        codes: &["QAR"],
        names: &["Qatari riyals", "Qatari riyal"],
    },
    Currency {
        code: "SGD",
        signs: &["S$", "SG$"],
        codes: &["SGD"],
        names: &["Singapore dollars", "Singapore dollar"],
    },
    Currency {
        code: "HKD",
        signs: &["HK$", "HK $"],
        codes: &["HKD"],
        names: &["Hong Kong dollars", "Hong Kong dollar"],
    },
    Currency {
        code: "TWD",
        signs: &["NT$", "NT $"],
        codes: &["TWD"],
        names: &[
            "New Taiwan dollars",
            "New Taiwan dollar",
            "Taiwan dollars",
            "Taiwan dollar",
        ],
    },
    Currency {
        code: "CAD",
        signs: &["C$", "CA$", "Can$", "CAN$"],
        codes: &["CAD"],
        names: &["Canadian dollars", "Canadian dollar"],
    },
    Currency {
        code: "AUD",
        signs: &["A$", "AU$", "AUS$"],
        codes: &["AUD"],
        names: &["Australian dollars", "Australian dollar"],
    },
    Currency {
        code: "NZD",
        signs: &["NZ$", "NZ $"],
        codes: &["NZD"],
        names: &["New Zealand dollars", "New Zealand dollar"],
    },
    Currency {
        code: "BRL",
        signs: &["R$", "R $"],
        codes: &["BRL"],
        names: &["Brazilian reais", "Brazilian real", "reais"],
    },
    Currency {
        code: "MXN",
        signs: &["Mex$", "MX$", "Mex $"],
        codes: &["MXN"],
        names: &["Mexican pesos", "Mexican peso"],
    },
    Currency {
        code: "SEK",
        signs: &[],
        codes: &["SEK"],
        names: &["Swedish kronor", "Swedish krona", "kronor"],
    },
    Currency {
        code: "NOK",
        signs: &[],
        codes: &["NOK"],
        names: &["Norwegian kroner", "Norwegian krone"],
    },
    Currency {
        code: "DKK",
        signs: &[],
        codes: &["DKK"],
        names: &["Danish kroner", "Danish krone"],
    },
    Currency {
        code: "ILS",
        signs: &["₪"],
        codes: &["ILS", "NIS"],
        names: &["shekels", "shekel"],
    },
    Currency {
        code: "RUB",
        signs: &["₽"],
        codes: &["RUB"],
        names: &["roubles", "rubles", "rouble", "ruble"],
    },
    Currency {
        code: "TRY",
        signs: &["₺"],
        codes: &[],
        names: &["Turkish lira"],
    },
    Currency {
        code: "ZAR",
        signs: &[],
        codes: &["ZAR"],
        names: &["South African rand", "rand"],
    },
    Currency {
        code: "IDR",
        signs: &["Rp"],
        codes: &["IDR"],
        names: &["rupiah"],
    },
    Currency {
        code: "MYR",
        signs: &["RM"],
        codes: &["MYR"],
        names: &["ringgit"],
    },
    Currency {
        code: "THB",
        signs: &["฿"],
        codes: &["THB"],
        names: &["baht"],
    },
    Currency {
        code: "PLN",
        signs: &[],
        codes: &["PLN"],
        names: &["zlotys", "zloty"],
    },
    Currency {
        code: "LKR",
        signs: &["ரூ"],
        codes: &["LKR"],
        names: &["Sri Lankan rupees", "Sri Lankan rupee"],
    },
    Currency {
        code: "CRC",
        signs: &["₡"],
        codes: &["CRC"],
        names: &["Costa Rican colones", "Costa Rican colón", "colones"],
    },
    Currency {
        code: "GEL",
        signs: &["₾"],
        codes: &["GEL"],
        names: &["Georgian lari", "lari"],
    },
    Currency {
        code: "LAK",
        signs: &["₭"],
        codes: &["LAK"],
        names: &["Lao kip", "Laotian kip", "kip"],
    },
    // Bitcoin has no ISO code; BTC is what exchanges and the press write.
    Currency {
        code: "BTC",
        signs: &["₿"],
        codes: &["BTC", "XBT"],
        names: &["bitcoins", "bitcoin"],
    },
    // Currencies the euro replaced in 2002: older reporting still states sums in them.
    Currency {
        code: "FRF",
        signs: &[],
        codes: &[],
        names: &["French francs", "French franc"],
    },
    Currency {
        code: "FIM",
        signs: &[],
        codes: &[],
        names: &["Finnish markkaa", "Finnish markka", "markkaa", "markka"],
    },
    Currency {
        code: "ESP",
        signs: &[],
        codes: &[],
        names: &["Spanish pesetas", "Spanish peseta", "pesetas", "peseta"],
    },
    Currency {
        code: "NLG",
        signs: &[],
        codes: &[],
        names: &["Dutch guilders", "Dutch guilder", "guilders", "guilder"],
    },
];

/// Currency names and signs that do not say which currency they mean: read as the likeliest
/// one, always with a doubt naming the word, so the reading never passes auto-accept unseen.
/// `(word as written, code read, doubt)`.
pub const UNSURE_CURRENCIES: &[(&str, &str, &str)] = &[
    (
        "francs",
        "CHF",
        "“francs” may be Swiss, French, Belgian or African francs: read as Swiss francs",
    ),
    (
        "franc",
        "CHF",
        "“franc” may be Swiss, French, Belgian or African: read as Swiss francs",
    ),
    (
        "c $",
        "CAD",
        "“c $” may be Canadian dollars or “circa”: read as Canadian dollars",
    ),
    (
        "penny",
        "GBP",
        "a “penny” may be British or an American cent: read as a British penny",
    ),
    (
        "pennies",
        "GBP",
        "“pennies” may be British or American cents: read as British pence",
    ),
];

/// The reading of an unsure currency word (see [`UNSURE_CURRENCIES`]): its unit and the doubt.
pub fn unsure_currency(token: &str) -> Option<(Unit, &'static str)> {
    let t: String = token.split_whitespace().collect::<Vec<_>>().join(" ");
    UNSURE_CURRENCIES
        .iter()
        .find(|(w, _, _)| w.eq_ignore_ascii_case(&t))
        .map(|(_, code, why)| (Unit::Currency((*code).to_owned()), *why))
}

/// Signs written after the number (`10 €`, `100元`, `50,000 ₭`); `¥` is decided by the
/// document like a prefix `¥`.
pub const POSTFIX_SIGNS: &[&str] = &[
    "$", "€", "£", "₹", "₩", "¥", "₡", "₾", "₭", "ரூ", "元", "₿", "₽", "₺", "₪", "฿",
];

/// Regex alternation of [`POSTFIX_SIGNS`].
pub fn postfix_sign_pattern() -> String {
    escape_all(POSTFIX_SIGNS.iter().copied())
}

/// The currency of a sign written after the number; `None` for `¥` (decided by the document).
pub fn postfix_currency(sign: &str) -> Option<Unit> {
    if sign == "元" {
        return Some(Unit::Currency("CNY".into()));
    }
    currency_of(sign)
}

/// `¥` alone: yen or yuan, decided by the document (see [`yen_or_yuan`]).
pub const YEN_SIGN: &str = "¥";

fn escape_all<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = items.collect();
    // Longest first, so `NZ$` wins over `$` at the same place.
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v.iter()
        .map(|s| regex::escape(s).replace(' ', r"\s?"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Regex alternation of every prefix sign, case-sensitive (`NZ$|HK\$|…|\$|€|¥`).
pub fn sign_pattern() -> String {
    escape_all(
        CURRENCIES
            .iter()
            .flat_map(|c| c.signs.iter().copied())
            .chain(std::iter::once(YEN_SIGN)),
    )
}

/// Regex alternation of every code, to be used case-insensitively (`usd|rmb|…`).
pub fn code_pattern() -> String {
    escape_all(CURRENCIES.iter().flat_map(|c| c.codes.iter().copied()))
}

/// Regex alternation of every currency name, to be used case-insensitively; the unsure
/// names (`francs`) are included and read with a doubt.
pub fn name_pattern() -> String {
    escape_all(
        CURRENCIES
            .iter()
            .flat_map(|c| c.names.iter().copied())
            // Names only: not the sign "c $", and not the pennies (read as parts of a pound).
            .chain(
                UNSURE_CURRENCIES
                    .iter()
                    .map(|(w, _, _)| *w)
                    .filter(|w| w.chars().all(char::is_alphabetic) && !w.starts_with("penn")),
            ),
    )
}

/// The currency a sign, code or name stands for; `None` for `¥` (ambiguous) or unknown text.
pub fn currency_of(token: &str) -> Option<Unit> {
    let t: String = token.split_whitespace().collect::<Vec<_>>().join(" ");
    let compact: String = token.split_whitespace().collect();
    for c in CURRENCIES {
        let hit = c
            .signs
            .iter()
            .any(|s| *s == t || s.replace(' ', "") == compact)
            || c.codes.iter().any(|s| s.eq_ignore_ascii_case(&t))
            || c.names.iter().any(|s| s.eq_ignore_ascii_case(&t));
        if hit {
            return Some(if c.code == "USD" {
                Unit::Usd
            } else {
                Unit::Currency(c.code.to_owned())
            });
        }
    }
    None
}

/// The preferred sign of a currency code for display (`€`, `C$`), if it has one.
pub fn sign_of(code: &str) -> Option<&'static str> {
    match code {
        "JPY" | "CNY" => Some("¥"),
        "CHF" | "SAR" | "AED" | "SEK" | "NOK" | "DKK" | "ZAR" | "PLN" | "QAR" => None,
        _ => CURRENCIES
            .iter()
            .find(|c| c.code == code)
            .and_then(|c| c.signs.last().copied()),
    }
}

/// Scale words and abbreviations with their power of ten. Single letters count only when
/// written right after the number (`$10m`, not `$10 m`), which the figure regex enforces.
pub const SCALES: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("lakh", 5),
    ("lakhs", 5),
    ("lac", 5),
    ("crore", 7),
    ("crores", 7),
    ("cr", 7),
    ("k", 3),
    ("m", 6),
    ("mm", 6),
    ("mn", 6),
    ("mln", 6),
    ("mio", 6),
    ("mil", 6),
    ("b", 9),
    ("bn", 9),
    ("bln", 9),
    ("bil", 9),
    ("t", 12),
    ("tn", 12),
    ("trn", 12),
    ("tln", 12),
];

/// Regex for one scale word: spelled words in any case, abbreviations as news writes them.
pub const SCALE_PATTERN: &str = r"(?i:thousand|million|billion|trillion|lakhs?|crores?)|lac|cr|mln|mio|mil|MM|mm|mn|Mn|MN|bln|bil|bn|Bn|BN|trn|tln|tn|Tn|[kKmMbBtT]";

/// The power of ten of a scale word or a pair (`lakh crore` = 12, `thousand million` = 9).
pub fn scale_exp(word: &str) -> Option<i32> {
    let mut total = 0;
    let mut any = false;
    for w in word.split(|c: char| c.is_whitespace() || c == '-') {
        if w.is_empty() {
            continue;
        }
        let l = w.to_ascii_lowercase();
        let e = SCALES.iter().find(|(s, _)| *s == l)?.1;
        total += e;
        any = true;
    }
    any.then_some(total)
}

/// Spelled-out numbers before a scale word: `two`, `twenty-five`, `a`, `half a`.
pub const WORD_NUMBER: &str = r"(?i:(?:three[\s-]quarters(?:\s+of\s+an?)?|(?:a\s+)?quarter(?:\s+of\s+an?)?|half(?:\s+of)?(?:\s+an?)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one\s+and\s+a\s+half|a\s+half|half\s+an?|a\s+quarter\s+of\s+an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred|an?)(?:\s+hundred)?))";

/// A spelled-out whole number from one to 999 (`seven`, `forty-five`, `two hundred`), without
/// the articles and fractions of [`WORD_NUMBER`]: the forms that may stand for an amount
/// without a scale word (`one-yen`, `thirteen dollars and forty-five cents`).
pub const WORD_INT: &str = r"(?i:(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)(?-u:\b))";

/// The value of a spelled-out number matched by [`WORD_NUMBER`] or [`WORD_INT`].
pub fn word_value(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    // "two hundred and five": the "and" joins, it adds nothing.
    let words: Vec<&str> = if joined.contains("hundred and ") {
        words.into_iter().filter(|w| *w != "and").collect()
    } else {
        words
    };
    // "three quarters of a", "a quarter", "half a": the fraction is the number.
    let fraction = joined
        .trim_end_matches(" of a")
        .trim_end_matches(" of an")
        .trim_end_matches(" a")
        .trim_end_matches(" an")
        .trim_end_matches(" of");
    match fraction {
        "half" | "a half" => return Some(0.5),
        "quarter" | "a quarter" => return Some(0.25),
        "three quarters" => return Some(0.75),
        _ => {}
    }
    match joined.as_str() {
        "a" | "an" => return Some(1.0),
        "one and a half" => return Some(1.5),
        "a hundred" | "hundred" => return Some(100.0),
        _ => {}
    }
    let unit = |w: &str| -> Option<f64> {
        Some(match w {
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            _ => return None,
        })
    };
    let mut v = 0.0;
    for w in &words {
        if *w == "hundred" {
            v *= 100.0;
        } else {
            v += unit(w)?;
        }
    }
    (v > 0.0).then_some(v)
}

/// Qualifier words before a figure, longest first, with what they mean. `no more than` is an
/// upper bound (`up_to`), not `more_than`; `under`/`less than` are strict (`less_than`).
pub const QUALIFIER_WORDS: &[(&str, Qualifier)] = &[
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("not exceeding", Qualifier::UpTo),
    ("a minimum of", Qualifier::AtLeast),
    ("minimum of", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("as little as", Qualifier::AtLeast),
    ("in excess of", Qualifier::MoreThan),
    ("more than", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("upward of", Qualifier::MoreThan),
    ("north of", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("surpassing", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    ("surpasses", Qualifier::MoreThan),
    ("surpass", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("topping", Qualifier::MoreThan),
    ("passed", Qualifier::MoreThan),
    ("beyond", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("tops", Qualifier::MoreThan),
    ("top", Qualifier::MoreThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("just under", Qualifier::LessThan),
    ("shy of", Qualifier::LessThan),
    ("short of", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("a maximum of", Qualifier::UpTo),
    ("maximum of", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("as high as", Qualifier::UpTo),
    ("capped at", Qualifier::UpTo),
    ("could reach", Qualifier::UpTo),
    ("could rise to", Qualifier::UpTo),
    ("could grow to", Qualifier::UpTo),
    ("could climb to", Qualifier::UpTo),
    ("could increase to", Qualifier::UpTo),
    ("may rise to", Qualifier::UpTo),
    ("could hit", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
    ("approximately", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("closer to", Qualifier::About),
    ("close to", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approx.", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("circa", Qualifier::About),
    ("near", Qualifier::About),
    ("some", Qualifier::About),
    ("c.", Qualifier::About),
    ("~", Qualifier::About),
    ("≈", Qualifier::About),
    ("<", Qualifier::LessThan),
    (">", Qualifier::MoreThan),
    ("≤", Qualifier::UpTo),
    ("≥", Qualifier::AtLeast),
];

/// Regex (anchored at the end of the text before a figure) for a qualifier word or sign.
pub fn qualifier_pattern() -> String {
    let words: Vec<String> = QUALIFIER_WORDS
        .iter()
        .map(|(w, _)| {
            let e = regex::escape(w).replace(' ', r"\s+");
            if w.chars().next().is_some_and(char::is_alphabetic) {
                format!(r"(?-u:\b){e}")
            } else {
                e
            }
        })
        .collect();
    format!(
        r"(?i)(?P<q>{})\s*(?:an?\s+|the\s+)?(?:(?:estimated|reported|total|combined|additional|further)\s+)?$",
        words.join("|")
    )
}

/// The qualifier a matched word stands for.
pub fn qualifier_of(word: &str) -> Qualifier {
    let w: String = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    QUALIFIER_WORDS
        .iter()
        .find(|(q, _)| *q == w)
        .map_or(Qualifier::Exact, |(_, q)| *q)
}

/// Whether the document reads `¥` as yuan: it names China or the yuan and not Japan or the yen.
/// `None` when it names both or neither (the candidate then says the currency is unsure).
pub fn yen_or_yuan(doc: &str) -> Option<&'static str> {
    let lower_hits = |words: &[&str]| words.iter().any(|w| doc.contains(w));
    let china = lower_hits(&[
        "China",
        "Chinese",
        "yuan",
        "RMB",
        "renminbi",
        "Beijing",
        "Shanghai",
        "Shenzhen",
        "Hangzhou",
        "Alibaba",
        "Tencent",
        "Baidu",
        "ByteDance",
    ]);
    let japan = lower_hits(&["Japan", "Japanese", "yen", "Tokyo", "SoftBank", "Nikkei"]);
    match (china, japan) {
        (true, false) => Some("CNY"),
        (false, true) => Some("JPY"),
        _ => None,
    }
}

/// Parses an amount as a person types it in the Inspector: `10B`, `$38 billion`, `66.9bn`,
/// `₹1.5 lakh crore`, `€2bn`, `2.3%`, `10 GW`, `1,500`. Returns the value in base units and
/// the unit when one was typed.
pub fn parse_typed_amount(s: &str) -> Result<(f64, Option<Unit>), String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("type an amount, e.g. 10B, $38 billion, 2.3% or 10 GW".into());
    }
    let bad = || format!("“{s}” is not an amount (try 10B, $38 billion, €2bn, 2.3%)");
    if t.starts_with('-') {
        return Err("the amount must be a positive number".into());
    }
    // The qualifier has its own field: a sign typed before the amount is left to it.
    let t = t
        .trim_start_matches(['~', '≈', '<', '>', '≤', '≥'])
        .trim_start();
    // A figure as text would write it: the extractor's grammar reads it.
    let found = super::figures::find_figures(t, 0);
    if let [f] = found.as_slice()
        && f.start == 0
        && f.end == t.len()
        && f.figure.qualifier != Qualifier::Range
    {
        return Ok((f.figure.low, Some(f.figure.unit.clone())));
    }
    // A bare number with an optional scale: `10B`, `66.9bn`, `1,500`, `2 lakh crore`.
    let lower = t.to_ascii_lowercase();
    let split = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == ' '))
        .unwrap_or(lower.len());
    let (num, scale) = lower.split_at(split);
    let num: String = num.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    if num.is_empty() || num.parse::<f64>().is_err() {
        return Err(bad());
    }
    let scale = scale.trim();
    let exp = if scale.is_empty() {
        0
    } else {
        scale_exp(scale).ok_or_else(bad)?
    };
    // "66.9e9" parses to exactly 66_900_000_000, unlike 66.9 * 1e9.
    let v: f64 = format!("{num}e{exp}").parse().map_err(|_| bad())?;
    if !v.is_finite() {
        return Err(bad());
    }
    Ok((v, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_and_pairs() {
        assert_eq!(scale_exp("bn"), Some(9));
        assert_eq!(scale_exp("MM"), Some(6));
        assert_eq!(scale_exp("lakh crore"), Some(12));
        assert_eq!(scale_exp("thousand crore"), Some(10));
        assert_eq!(scale_exp("zillion"), None);
    }

    #[test]
    fn word_numbers() {
        assert_eq!(word_value("half a"), Some(0.5));
        assert_eq!(word_value("twenty-five"), Some(25.0));
        assert_eq!(word_value("a"), Some(1.0));
        assert_eq!(word_value("two hundred"), Some(200.0));
    }

    #[test]
    fn currencies_by_sign_code_and_name() {
        assert_eq!(currency_of("NZ$"), Some(Unit::Currency("NZD".into())));
        assert_eq!(currency_of("HK $"), Some(Unit::Currency("HKD".into())));
        assert_eq!(currency_of("rmb"), Some(Unit::Currency("CNY".into())));
        assert_eq!(currency_of("usd"), Some(Unit::Usd));
        assert_eq!(
            currency_of("Swiss francs"),
            Some(Unit::Currency("CHF".into()))
        );
        assert_eq!(currency_of("¥"), None);
        assert!(CURRENCIES.len() >= 25);
    }

    #[test]
    fn typed_amounts() {
        assert_eq!(parse_typed_amount("10B"), Ok((1e10, None)));
        assert_eq!(
            parse_typed_amount("$38 billion"),
            Ok((38e9, Some(Unit::Usd)))
        );
        assert_eq!(parse_typed_amount("66.9bn"), Ok((66.9e9, None)));
        assert_eq!(parse_typed_amount("1,500"), Ok((1500.0, None)));
        assert_eq!(
            parse_typed_amount("₹1.5 lakh crore"),
            Ok((1.5e12, Some(Unit::Currency("INR".into()))))
        );
        assert_eq!(parse_typed_amount("2.3%"), Ok((2.3, Some(Unit::Percent))));
        assert_eq!(parse_typed_amount("10 GW"), Ok((10.0, Some(Unit::Gw))));
        assert!(parse_typed_amount("ten").is_err());
        assert!(parse_typed_amount("").is_err());
        assert!(parse_typed_amount("-5B").is_err());
    }
}
