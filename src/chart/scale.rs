//! Axis scales and tick choice: a linear map from data to pixels, "nice" value ticks (1, 2, 5
//! × 10ⁿ), and calendar ticks on month boundaries spaced so their labels fit ([`date_axis`],
//! shared by the app's plot and the exports).

use crate::model::MONTH_ABBREVIATIONS as MONTHS;
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

/// Empty pixels a value tick keeps from the next one on a value axis.
pub const VALUE_TICK_PX: f64 = 40.0;

/// Round value ticks over `[lo, hi]` for an axis `height_px` tall, the one rule of the app's
/// plot and the exports: at most one tick per [`VALUE_TICK_PX`] (2 to 10 ticks), preferring
/// the densest round step that starts and ends exactly on the axis' ends (so a chart's top,
/// itself a round value, is labelled).
pub fn value_ticks(lo: f64, hi: f64, height_px: f64) -> Vec<f64> {
    let target = if height_px.is_finite() {
        (height_px / VALUE_TICK_PX).clamp(2.0, 10.0) as usize
    } else {
        6
    };
    let close = |a: f64, b: f64| (a - b).abs() <= (hi - lo).abs() * 1e-9;
    (2..=target)
        .rev()
        .map(|t| nice_ticks(lo, hi, t))
        .find(|t| {
            t.first().is_some_and(|&a| close(a, lo)) && t.last().is_some_and(|&b| close(b, hi))
        })
        .unwrap_or_else(|| nice_ticks(lo, hi, target))
}

/// A value-axis label for tick `v` of ticks `step` apart, in the chart's unit (`$10B`, `1.5 GW`,
/// `20%`). Written with as many decimals as the step needs, so neighbouring ticks never read
/// the same: ticks of 0.002 apart are `$0.002`, `$0.004`, not `$0` five times. Values beyond
/// trillions or below a thousandth (a typo of a thousand billion dollars, a fraction of a cent)
/// are written with an exponent (`$1.5e18`).
pub fn tick_label(v: f64, step: f64, unit: &crate::model::Unit) -> String {
    use crate::model::Unit;
    let step = step.abs();
    if !v.is_finite() {
        return String::new();
    }
    // The unit around a number, as the figure formatter writes it ("$1", "1 GW", "€1").
    let one = crate::model::figure::format_value(1.0, unit);
    let (pre, post) = one.split_once('1').unwrap_or(("", ""));
    let a = v.abs();
    if a < step * 1e-9 || a == 0.0 {
        return format!("{pre}0{post}");
    }
    let digits_for = |scaled_step: f64| -> usize {
        if scaled_step > 0.0 && scaled_step.is_finite() {
            (-scaled_step.log10()).ceil().clamp(0.0, 6.0) as usize
        } else {
            0
        }
    };
    if !(1e-3..1e15).contains(&a) {
        let mag = a.log10().floor();
        let digits = if step > 0.0 {
            (mag - step.log10()).ceil().clamp(0.0, 6.0) as usize
        } else {
            1
        };
        return format!("{pre}{v:.digits$e}{post}");
    }
    let (div, suffix) = match unit {
        Unit::Usd | Unit::Currency(_) | Unit::Count => {
            [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
                .into_iter()
                .find(|(d, _)| a >= *d)
                .unwrap_or((1.0, ""))
        }
        Unit::Gw | Unit::Percent => (1.0, ""),
    };
    let digits = digits_for(step / div);
    let text = format!("{:.digits$}", v / div);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{pre}{text}{suffix}{post}")
}

/// Width in pixels the date axis allows per label character (11–13 px sans-serif text).
pub const LABEL_CHAR_PX: f64 = 7.0;
/// Empty pixels kept between two neighbouring date labels.
pub const LABEL_GAP_PX: f64 = 10.0;

/// The estimated drawn width of a date label in pixels.
pub fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * LABEL_CHAR_PX
}

/// One labelled date tick.
#[derive(Clone, Debug, PartialEq)]
pub struct DateTick {
    /// The day (always the first of a month).
    pub date: NaiveDate,
    /// Its label: `2025` on yearly ticks; on monthly ticks `Jan 2025` for January and the
    /// first tick, the month alone (`Apr`) between them, so narrow plots fit more labels.
    pub label: String,
}

/// The date axis of a plot `width_px` wide that shows `start..=end`, the one rule of the app's
/// plot and the SVG/PNG exports: the finest calendar step (1, 2, 3, 6 months, 1, 2, 5, 10, 20
/// years) whose labels fit side by side with a gap, counting only ticks whose label fits
/// whole inside the plot (a label is centred on its tick; one cut at the edge read "'25").
/// Among steps that fit, the finest with at least two labels inside wins; when no fitting
/// step has two, the one with the most labels. Returns the step in months and the ticks.
pub fn date_axis(start: NaiveDate, end: NaiveDate, width_px: f64) -> (i32, Vec<DateTick>) {
    let days = (end - start).num_days().max(1) as f64;
    let px_per_day = if width_px.is_finite() && width_px > 0.0 {
        width_px / days
    } else {
        1.0
    };
    let x_of = |d: NaiveDate| (d - start).num_days() as f64 * px_per_day;
    let mut best: Option<(i32, Vec<DateTick>)> = None;
    for step in [1, 2, 3, 6, 12, 24, 60, 120, 240] {
        let ticks = ticks_every(start, end, step);
        let whole = |t: &DateTick| {
            let (x, half) = (x_of(t.date), label_width(&t.label) / 2.0);
            x - half >= 0.0 && x + half <= width_px
        };
        let mut inside: Vec<DateTick> = ticks.into_iter().filter(whole).collect();
        // The first label shown says the year, whichever month it is.
        if let Some(first) = inside.first_mut()
            && step < 12
            && !first.label.contains(' ')
        {
            first.label = first.date.format("%b %Y").to_string();
            if !whole(first) {
                inside.remove(0);
            }
        }
        let fits = inside.windows(2).all(|w| {
            let room = x_of(w[1].date) - x_of(w[0].date);
            room >= (label_width(&w[0].label) + label_width(&w[1].label)) / 2.0 + LABEL_GAP_PX
        });
        if !fits {
            continue;
        }
        if inside.len() >= 2 {
            return (step, inside);
        }
        if best.as_ref().is_none_or(|(_, b)| inside.len() > b.len()) {
            best = Some((step, inside));
        }
    }
    best.unwrap_or((240, Vec::new()))
}

/// Ticks on the first of every `step`-th month within `start..=end`, labelled.
fn ticks_every(start: NaiveDate, end: NaiveDate, step: i32) -> Vec<DateTick> {
    let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (m0, m1) = (months(start), months(end) + 1);
    let mut out: Vec<DateTick> = Vec::new();
    let mut m = m0 + (step - m0.rem_euclid(step)) % step;
    while m <= m1 && out.len() < 400 {
        let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) as u32 + 1);
        if let Some(d) = NaiveDate::from_ymd_opt(y, mo, 1)
            && d >= start
            && d <= end
        {
            let name = MONTHS[(mo - 1) as usize];
            let label = if step >= 12 {
                format!("{y}")
            } else if mo == 1 || out.is_empty() {
                format!("{name} {y}")
            } else {
                name.to_owned()
            };
            out.push(DateTick { date: d, label });
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
    fn narrow_date_axes_keep_several_whole_labels() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Expected before running: the sample's valuation chart (Dec 2024 to Jan 2026) in the
        // 280 px plot of a 1024x640 window showed one label ("Jul 2025").
        let (step, t) = date_axis(d("2024-12-12"), d("2026-01-21"), 280.0);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        // (Written first as five labels Jan 2025 … Jan 2026; Jan 2025 and Jan 2026 sit
        // closer to the edges than half their label, so three stay, the first with its year.)
        assert_eq!(step, 3, "{labels:?}");
        assert_eq!(labels, ["Apr 2025", "Jul", "Oct"]);
        // Wide: every month or two, whole labels only.
        let (step, t) = date_axis(d("2024-12-12"), d("2026-01-21"), 1400.0);
        assert!(step <= 2 && t.len() >= 7, "{t:?}");
        // Every label lies inside the axis and none overlaps its neighbour, at any width.
        for w in [120.0, 200.0, 280.0, 420.0, 640.0, 900.0, 1800.0] {
            for (a, b) in [
                ("2024-12-12", "2026-01-21"),
                ("2015-03-01", "2026-01-01"),
                ("2025-06-01", "2025-07-15"),
            ] {
                let (a, b) = (d(a), d(b));
                let (_, t) = date_axis(a, b, w);
                let px = |x: NaiveDate| (x - a).num_days() as f64 * w / (b - a).num_days() as f64;
                for k in &t {
                    let half = label_width(&k.label) / 2.0;
                    assert!(
                        px(k.date) - half >= 0.0 && px(k.date) + half <= w,
                        "{w}: {t:?}"
                    );
                }
                for p in t.windows(2) {
                    assert!(
                        px(p[1].date) - px(p[0].date)
                            >= (label_width(&p[0].label) + label_width(&p[1].label)) / 2.0,
                        "{w}: {t:?}"
                    );
                }
                // (Six weeks hold one month start: one label is all there is.)
                if w >= 240.0 && (b - a).num_days() > 90 {
                    assert!(t.len() >= 2, "{w} px, {a}..{b}: {t:?}");
                }
            }
        }
    }

    #[test]
    fn value_ticks_end_on_the_axis_ends_and_fit_the_height() {
        // A $0..$150B axis: $25B steps in 280 px and in 460 px (not $20B, which ends at $160B).
        let step = |t: &[f64]| t[1] - t[0];
        assert_eq!(step(&value_ticks(0.0, 150e9, 280.0)), 25e9);
        assert_eq!(step(&value_ticks(0.0, 150e9, 460.0)), 25e9);
        // Short: fewer ticks, never closer than 40 px.
        let t = value_ticks(0.0, 150e9, 100.0);
        assert!(t.len() <= 3 && t.len() >= 2, "{t:?}");
        // Bounds a zoom left anywhere: round ticks at the density the height allows.
        let t = value_ticks(3.3e9, 97.1e9, 400.0);
        assert!(t.len() <= 11 && t.len() >= 5, "{t:?}");
    }

    #[test]
    fn tick_labels_tell_neighbouring_ticks_apart() {
        use crate::model::Unit;
        // Expected labels written before running (issue #19: every label read "$0").
        let lab = |ticks: &[f64]| -> Vec<String> {
            let step = ticks[1] - ticks[0];
            ticks
                .iter()
                .map(|&v| tick_label(v, step, &Unit::Usd))
                .collect()
        };
        assert_eq!(lab(&[0.0, 2e10, 4e10]), ["$0", "$20B", "$40B"]);
        assert_eq!(lab(&[0.0, 2.5e11, 5e11]), ["$0", "$250B", "$500B"]);
        assert_eq!(lab(&[1.0e12, 1.2e12, 1.4e12]), ["$1T", "$1.2T", "$1.4T"]);
        assert_eq!(lab(&[0.0, 0.002, 0.004]), ["$0", "$0.002", "$0.004"]);
        assert_eq!(lab(&[0.0, 0.0002, 0.0004]), ["$0", "$2e-4", "$4e-4"]);
        assert_eq!(lab(&[0.0, 5e17, 1e18]), ["$0", "$5e17", "$1.0e18"]);
        assert_eq!(
            lab(&[1e18, 1.5e18, 2e18]),
            ["$1.0e18", "$1.5e18", "$2.0e18"]
        );
        assert_eq!(tick_label(1.5, 0.5, &Unit::Gw), "1.5 GW");
        assert_eq!(tick_label(20.0, 10.0, &Unit::Percent), "20%");
        assert_eq!(tick_label(2e9, 1e9, &Unit::Currency("EUR".into())), "€2B");
        // Around f64::MAX every label is still a number and they differ.
        let t = nice_ticks(0.0, f64::MAX, 5);
        let step = t[1] - t[0];
        let labels: Vec<String> = t.iter().map(|&v| tick_label(v, step, &Unit::Usd)).collect();
        for w in labels.windows(2) {
            assert_ne!(w[0], w[1], "{labels:?}");
        }
    }
}
