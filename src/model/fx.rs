//! Currency conversion to US dollars at a claim's date, from the European Central Bank's euro
//! reference rates (monthly averages, 2015 onwards, shipped in `assets/rates/`; see
//! `assets/rates/SOURCE.md` for the source and its terms) and the fixed pegs of the Gulf
//! currencies the ECB does not quote.
//!
//! Charts, the money network and contradiction checks compare figures in one currency; the
//! figure itself always keeps the currency it was stated in.

use super::{FuzzyDate, Unit};
use std::collections::HashMap;
use std::sync::LazyLock;

const CSV: &str = include_str!("../../assets/rates/ecb_monthly.csv");

/// Currencies pegged to the dollar: units per US dollar.
const PEGS: &[(&str, f64)] = &[("SAR", 3.75), ("AED", 3.6725), ("QAR", 3.64)];

/// Month (`YYYY-MM`) → currency → units per euro.
struct Table {
    months: Vec<String>,
    rates: Vec<HashMap<String, f64>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(CSV.as_bytes());
    // The table is shipped inside the binary and checked by a test; a bad row is skipped.
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let mut months = Vec::new();
    let mut rates = Vec::new();
    for record in reader.records().flatten() {
        let Some(month) = record.get(0) else { continue };
        let row: HashMap<String, f64> = header
            .iter()
            .zip(record.iter())
            .skip(1)
            .filter_map(|(h, v)| v.parse::<f64>().ok().map(|v| (h.clone(), v)))
            .collect();
        months.push(month.to_owned());
        rates.push(row);
    }
    Table { months, rates }
});

/// The month row for a date: its own month, else the nearest one in the table (a date after
/// the last month uses the last; no date uses the last).
fn row(date: Option<FuzzyDate>) -> Option<&'static HashMap<String, f64>> {
    let t = &*TABLE;
    let key = date.map(|d| format!("{:04}-{:02}", d.year_value(), d.month_value().unwrap_or(6)));
    let i = match key {
        Some(k) => match t.months.binary_search(&k) {
            Ok(i) => i,
            Err(i) => i.min(t.months.len().saturating_sub(1)),
        },
        None => t.months.len().checked_sub(1)?,
    };
    t.rates.get(i)
}

/// US dollars per one unit of currency `code` around `date`; `None` for a currency with no
/// reference rate.
pub fn usd_per_unit(code: &str, date: Option<FuzzyDate>) -> Option<f64> {
    if code == "USD" {
        return Some(1.0);
    }
    if let Some((_, per_usd)) = PEGS.iter().find(|(c, _)| *c == code) {
        return Some(1.0 / per_usd);
    }
    let r = row(date)?;
    let usd_per_eur = *r.get("USD")?;
    if code == "EUR" {
        return Some(usd_per_eur);
    }
    let per_eur = *r.get(code)?;
    Some(usd_per_eur / per_eur)
}

/// `value` in `unit` as US dollars at `date`: the value itself for USD, converted for another
/// currency with a reference rate, `None` otherwise (GW, percent, counts, unknown currency).
pub fn to_usd(value: f64, unit: &Unit, date: Option<FuzzyDate>) -> Option<f64> {
    match unit {
        Unit::Usd => Some(value),
        Unit::Currency(c) => usd_per_unit(c, date).map(|r| value * r),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<FuzzyDate> {
        s.parse().ok()
    }

    #[test]
    fn euro_and_cross_rates_at_the_claims_month() {
        // 2025-09: the euro was worth about 1.17 dollars.
        let eur = usd_per_unit("EUR", d("2025-09-09")).unwrap();
        assert!((1.10..1.25).contains(&eur), "{eur}");
        let inr = usd_per_unit("INR", d("2025-10")).unwrap();
        assert!((0.010..0.013).contains(&inr), "{inr}");
        let krw = usd_per_unit("KRW", d("2025-06-18")).unwrap();
        assert!((0.0006..0.0008).contains(&krw), "{krw}");
        // A later month differs from an earlier one: rates are historical, not one constant.
        assert_ne!(
            usd_per_unit("JPY", d("2015-06")),
            usd_per_unit("JPY", d("2025-06"))
        );
    }

    #[test]
    fn the_shipped_table_is_read_whole() {
        // Every line after the header is a month, and every month has a dollar rate and one
        // rate per other column (the file has no gaps).
        let lines: Vec<&str> = CSV.lines().collect();
        let columns = lines[0].split(',').count();
        let t = &*TABLE;
        assert_eq!(t.months.len(), lines.len() - 1);
        assert!(t.months.windows(2).all(|w| w[0] < w[1]), "months in order");
        for (m, r) in t.months.iter().zip(&t.rates) {
            assert_eq!(r.len(), columns - 1, "{m}");
            assert!(r.contains_key("USD"), "{m}");
        }
    }

    #[test]
    fn pegs_unknown_currencies_and_non_money() {
        assert_eq!(usd_per_unit("SAR", None), Some(1.0 / 3.75));
        assert_eq!(usd_per_unit("TWD", d("2025")), None);
        assert_eq!(to_usd(5.0, &Unit::Gw, None), None);
        assert_eq!(to_usd(5.0, &Unit::Usd, None), Some(5.0));
        let v = to_usd(1.7e9, &Unit::Currency("EUR".into()), d("2025-09")).unwrap();
        assert!((1.8e9..2.2e9).contains(&v), "{v}");
    }
}
