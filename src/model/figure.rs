//! Figures as sources state them: a number, how it was qualified ("at least", "more than"), and
//! its unit.
//!
//! Convention: `low` is the stated number; `high` is set only for a `range` (its upper end;
//! `None` there means open-ended). The interval a figure stands for follows from its qualifier
//! (see [`Figure::interval`]).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// How a figure was qualified in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated plainly: "$38 billion".
    #[default]
    Exact,
    /// "about", "approximately", "roughly", "nearly".
    About,
    /// "at least", "a minimum of", "$10B+", "-plus".
    AtLeast,
    /// "more than", "over", "exceeding", "beyond", "above".
    MoreThan,
    /// "up to", "as much as", "at most", "no more than": the value is a ceiling it may reach.
    UpTo,
    /// "less than", "under", "below", "fewer than": strictly below the value (format version 2).
    LessThan,
    /// "between $8 and $10 billion", "$3,250–$3,400".
    Range,
}

impl Qualifier {
    /// All qualifiers, in a stable order (for pickers and tests).
    pub const ALL: [Qualifier; 7] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::UpTo,
        Qualifier::LessThan,
        Qualifier::Range,
    ];

    /// The name used in the file and the CLI (`at_least`).
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::UpTo => "up_to",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
        }
    }
}

/// The unit of a figure. Money other than US dollars keeps its original currency code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// US dollars.
    #[default]
    Usd,
    /// Gigawatts of compute/data-centre capacity.
    Gw,
    /// A percentage (2.3 means 2.3 %).
    Percent,
    /// A plain count (chips, GPUs, servers).
    Count,
    /// Another currency, by its ISO 4217 code (`EUR`, `GBP`, `JPY`).
    Currency(String),
}

impl Unit {
    /// The name used in the file and the CLI: `USD`, `GW`, `percent`, `count`, or the currency code.
    pub fn name(&self) -> &str {
        match self {
            Unit::Usd => "USD",
            Unit::Gw => "GW",
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Currency(c) => c,
        }
    }

    /// Parses a unit name; currency codes are three ASCII uppercase letters.
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "USD" => Unit::Usd,
            "GW" => Unit::Gw,
            "percent" => Unit::Percent,
            "count" => Unit::Count,
            c if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                Unit::Currency(c.to_owned())
            }
            _ => return None,
        })
    }

    /// Whether the unit is money (any currency).
    pub fn is_money(&self) -> bool {
        matches!(self, Unit::Usd | Unit::Currency(_))
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Unit::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown unit {s:?}, expected USD, GW, percent, count or a currency code like EUR"
            ))
        })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A stated number with its qualifier and unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The stated number (for a range, its lower end), in base units: dollars, not billions.
    pub low: f64,
    /// The upper end of a `range`; `None` otherwise (or for an open-ended range).
    #[serde(default)]
    pub high: Option<f64>,
    /// How the number was qualified.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// What the number counts.
    #[serde(default)]
    pub unit: Unit,
}

/// Why a figure is not sane.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FigureError {
    /// A number is NaN or infinite.
    #[error("figure is not a finite number")]
    NotFinite,
    /// The upper end is below the lower end.
    #[error("high ({high}) is below low ({low})")]
    HighBelowLow {
        /// Lower end.
        low: f64,
        /// Upper end.
        high: f64,
    },
    /// `high` is set on a qualifier other than `range`.
    #[error("high is only meaningful for a range, not for {0}")]
    HighWithoutRange(&'static str),
    /// Money, capacity or a count below zero.
    #[error("a {0} figure cannot be negative")]
    Negative(String),
}

impl Figure {
    /// An exact figure.
    pub fn exact(value: f64, unit: Unit) -> Self {
        Self {
            low: value,
            high: None,
            qualifier: Qualifier::Exact,
            unit,
        }
    }

    /// A figure with a qualifier other than range.
    pub fn qualified(value: f64, qualifier: Qualifier, unit: Unit) -> Self {
        Self {
            low: value,
            high: None,
            qualifier,
            unit,
        }
    }

    /// A range figure; `high = None` is open-ended.
    pub fn range(low: f64, high: Option<f64>, unit: Unit) -> Self {
        Self {
            low,
            high,
            qualifier: Qualifier::Range,
            unit,
        }
    }

    /// Checks that the figure is finite, ordered and of a sign that fits its unit.
    pub fn validate(&self) -> Result<(), FigureError> {
        if !self.low.is_finite() || self.high.is_some_and(|h| !h.is_finite()) {
            return Err(FigureError::NotFinite);
        }
        if let Some(high) = self.high {
            if self.qualifier != Qualifier::Range {
                return Err(FigureError::HighWithoutRange(self.qualifier.name()));
            }
            if high < self.low {
                return Err(FigureError::HighBelowLow {
                    low: self.low,
                    high,
                });
            }
        }
        if self.low < 0.0 && !matches!(self.unit, Unit::Percent) {
            return Err(FigureError::Negative(self.unit.name().to_owned()));
        }
        Ok(())
    }

    /// The closed interval `[lo, hi]` the figure stands for; `hi` is infinite when open-ended.
    /// `about` is read as ±10 %; `up_to` starts at zero; `more_than` is treated like `at_least`
    /// and `less_than` like `up_to`
    /// here (callers that care about strictness check the qualifier).
    pub fn interval(&self) -> (f64, f64) {
        let v = self.low;
        match self.qualifier {
            Qualifier::Exact => (v, v),
            Qualifier::About => {
                let d = (v * 0.1).abs();
                (v - d, v + d)
            }
            Qualifier::AtLeast | Qualifier::MoreThan => (v, f64::INFINITY),
            Qualifier::UpTo | Qualifier::LessThan => (v.min(0.0), v),
            Qualifier::Range => (v, self.high.unwrap_or(f64::INFINITY)),
        }
    }

    /// A representative value for plotting and sorting: the stated number, or a range's midpoint.
    pub fn point(&self) -> f64 {
        match (self.qualifier, self.high) {
            (Qualifier::Range, Some(h)) => (self.low + h) / 2.0,
            _ => self.low,
        }
    }

    /// Human text: `at least $10B`, `$3.25B–$3.4B`, `10 GW`, `2.3%`.
    pub fn display(&self) -> String {
        let v = format_value(self.low, &self.unit);
        match self.qualifier {
            Qualifier::Exact => v,
            Qualifier::About => format!("about {v}"),
            Qualifier::AtLeast => format!("at least {v}"),
            Qualifier::MoreThan => format!("more than {v}"),
            Qualifier::UpTo => format!("up to {v}"),
            Qualifier::LessThan => format!("less than {v}"),
            Qualifier::Range => match self.high {
                Some(h) => format!("{v}–{}", format_value(h, &self.unit)),
                None => format!("{v}+"),
            },
        }
    }
}

/// Formats a value in its unit compactly: `$10B`, `$1.2T`, `$66.9B`, `€2B`, `10 GW`, `2.3%`.
pub fn format_value(v: f64, unit: &Unit) -> String {
    match unit {
        Unit::Usd => format!("${}", compact(v)),
        Unit::Currency(c) => {
            let sym = match c.as_str() {
                "EUR" => "€",
                "GBP" => "£",
                "JPY" => "¥",
                "CNY" => "CN¥",
                "INR" => "₹",
                "KRW" => "₩",
                "CAD" => "C$",
                "AUD" => "A$",
                "NZD" => "NZ$",
                "HKD" => "HK$",
                "SGD" => "S$",
                "TWD" => "NT$",
                "BRL" => "R$",
                "MXN" => "Mex$",
                "ILS" => "₪",
                _ => "",
            };
            if sym.is_empty() {
                format!("{} {c}", compact(v))
            } else {
                format!("{sym}{}", compact(v))
            }
        }
        Unit::Gw => format!("{} GW", trim_number(v)),
        Unit::Percent => format!("{}%", trim_number(v)),
        Unit::Count => compact(v),
    }
}

fn compact(v: f64) -> String {
    let a = v.abs();
    let (div, suffix) = if a >= 1e12 {
        (1e12, "T")
    } else if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "K")
    } else {
        (1.0, "")
    };
    format!("{}{suffix}", trim_number(v / div))
}

fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money_compactly() {
        assert_eq!(format_value(1e10, &Unit::Usd), "$10B");
        assert_eq!(format_value(1.2e12, &Unit::Usd), "$1.2T");
        assert_eq!(format_value(66.9e9, &Unit::Usd), "$66.9B");
        assert_eq!(format_value(2e9, &Unit::Currency("EUR".into())), "€2B");
        assert_eq!(format_value(10.0, &Unit::Gw), "10 GW");
        assert_eq!(format_value(2.3, &Unit::Percent), "2.3%");
    }

    #[test]
    fn intervals_follow_qualifiers() {
        assert_eq!(Figure::exact(10.0, Unit::Usd).interval(), (10.0, 10.0));
        assert_eq!(
            Figure::qualified(10.0, Qualifier::AtLeast, Unit::Usd)
                .interval()
                .1,
            f64::INFINITY
        );
        assert_eq!(
            Figure::qualified(10.0, Qualifier::UpTo, Unit::Usd).interval(),
            (0.0, 10.0)
        );
        assert_eq!(Figure::range(8.0, Some(10.0), Unit::Usd).point(), 9.0);
    }

    #[test]
    fn validation_catches_bad_figures() {
        assert!(
            Figure::range(10.0, Some(8.0), Unit::Usd)
                .validate()
                .is_err()
        );
        assert!(Figure::exact(f64::NAN, Unit::Usd).validate().is_err());
        assert!(Figure::exact(-1.0, Unit::Usd).validate().is_err());
        assert!(Figure::exact(-2.0, Unit::Percent).validate().is_ok());
        let mut f = Figure::exact(1.0, Unit::Usd);
        f.high = Some(2.0);
        assert_eq!(f.validate(), Err(FigureError::HighWithoutRange("exact")));
    }

    #[test]
    fn units_parse_by_name() {
        for u in [
            Unit::Usd,
            Unit::Gw,
            Unit::Percent,
            Unit::Count,
            Unit::Currency("EUR".into()),
        ] {
            assert_eq!(Unit::parse(u.name()), Some(u));
        }
        assert_eq!(Unit::parse("dollars"), None);
    }
}
