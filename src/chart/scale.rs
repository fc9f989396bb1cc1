//! Axis scales and tick choice: a linear map from data to pixels, "nice" value ticks (1, 2, 5
//! × 10ⁿ), and calendar ticks on month boundaries.

use chrono::{Datelike, NaiveDate};

/// A linear map from a data interval to a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// Data start.
    pub d0: f64,
    /// Data end.
    pub d1: f64,
    /// Pixel position of `d0`.
    pub r0: f64,
    /// Pixel position of `d1`.
    pub r1: f64,
}

impl Linear {
    /// Maps a data value to pixels (a degenerate domain maps to the middle).
    pub fn map(&self, v: f64) -> f64 {
        let mid = (self.r0 + self.r1) / 2.0;
        if (self.d1 - self.d0).abs() < f64::EPSILON {
            return mid;
        }
        // Halved first so that a domain near ±f64::MAX does not overflow to ∞ (and ∞/∞ = NaN
        // in an SVG attribute).
        let t = (v / 2.0 - self.d0 / 2.0) / (self.d1 / 2.0 - self.d0 / 2.0);
        let px = self.r0 + t * (self.r1 - self.r0);
        if px.is_finite() { px } else { mid }
    }
}

/// A day as a number on the X axis (days since 0001-01-01).
pub fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// Up to about `target` evenly spaced round ticks covering `[min, max]`; the last tick is at or
/// above `max`.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() {
        return vec![if min.is_finite() { min } else { 0.0 }];
    }
    let span = (max - min).abs();
    if !span.is_finite() {
        // Near ±f64::MAX the span overflows: tick the halved range and scale back.
        return nice_ticks(min / 2.0, max / 2.0, target)
            .into_iter()
            .map(|t| t * 2.0)
            .filter(|t| t.is_finite())
            .collect();
    }
    if span == 0.0 {
        return vec![min];
    }
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= target.max(1) as f64)
        .unwrap_or(10.0 * mag);
    let first = (min / step).floor() * step;
    let mut out = Vec::new();
    let mut i = 0.0;
    loop {
        let v = first + i * step;
        if !v.is_finite() {
            break;
        }
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        if v >= max - step * 1e-9 || out.len() > 100 {
            break;
        }
        i += 1.0;
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Month-boundary ticks between `start` and `end`, at most about `target`, with labels (`2025`
/// for yearly ticks, `Apr 2025` otherwise).
pub fn date_ticks(start: NaiveDate, end: NaiveDate, target: usize) -> Vec<(NaiveDate, String)> {
    let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (m0, m1) = (months(start), months(end) + 1);
    let span = (m1 - m0).max(1);
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| span / s <= target.max(1) as i32)
        .unwrap_or(240);
    let mut out = Vec::new();
    let mut m = m0 + (step - m0.rem_euclid(step)) % step;
    while m <= m1 {
        let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) as u32 + 1);
        if let Some(d) = NaiveDate::from_ymd_opt(y, mo, 1)
            && d >= start
            && d <= end
        {
            let label = if step >= 12 {
                format!("{y}")
            } else {
                format!("{} {y}", MONTHS[(mo - 1) as usize])
            };
            out.push((d, label));
        }
        m += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 9.0e10, 5),
            vec![0.0, 2e10, 4e10, 6e10, 8e10, 1e11]
        );
        let t = nice_ticks(0.0, 1.37e12, 6);
        assert_eq!(t.first(), Some(&0.0));
        assert!(*t.last().unwrap() >= 1.37e12);
        assert!(t.len() <= 8, "{t:?}");
    }

    #[test]
    fn extreme_values_never_give_nan() {
        let l = Linear {
            d0: -f64::MAX,
            d1: f64::MAX,
            r0: 0.0,
            r1: 100.0,
        };
        assert!((l.map(0.0) - 50.0).abs() < 1e-9);
        assert!(l.map(f64::MAX).is_finite() && l.map(f64::INFINITY).is_finite());
        let t = nice_ticks(0.0, f64::MAX, 5);
        assert!(!t.is_empty() && t.iter().all(|v| v.is_finite()), "{t:?}");
        let t = nice_ticks(-f64::MAX, f64::MAX, 5);
        assert!(t.iter().all(|v| v.is_finite()), "{t:?}");
    }

    #[test]
    fn date_ticks_pick_a_calendar_step() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let t = date_ticks(d("2024-11-20"), d("2025-12-31"), 6);
        assert_eq!(t[0], (d("2025-01-01"), "Jan 2025".to_owned()));
        assert!(t.len() <= 7, "{t:?}");
        let y = date_ticks(d("2015-06-01"), d("2026-01-01"), 6);
        assert!(y.iter().all(|(_, l)| l.len() == 4), "{y:?}");
    }
}
