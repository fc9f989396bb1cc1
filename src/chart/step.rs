//! The geometry of a running total, in days and values, drawn alike by the app and the
//! exports. A deal dated only by month or year may have counted any time within that span, so
//! the total is a band between the curve that counts each deal at the start of its span and
//! the curve that counts it at the end; for day-precision deals the two coincide and the band
//! is a plain step line. A segment is dashed once any tentative claim (rumored, in talks, …)
//! is part of the total.

use super::data::{Series, StatusStyle, YShape};
use super::scale::day_number;
use crate::model::ClaimId;
use chrono::NaiveDate;

/// A running total's shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct StepShape {
    /// The band between the two curves as rectangles `[x0, x1, low, high]`, one per segment;
    /// empty when every date is a day.
    pub band: Vec<[f64; 4]>,
    /// The curves' segments: points and whether the segment is dashed.
    pub lines: Vec<(Vec<[f64; 2]>, bool)>,
    /// One marker per claim where its step is drawn.
    pub markers: Vec<(ClaimId, [f64; 2])>,
    /// The last total and whether it is open upwards ("at least"), for the label at the end.
    pub end: Option<(f64, bool)>,
}

/// The shapes of step series `s` (its points hold running totals in date order) with its
/// markers at `at` ([`super::place::layout`]), running to `x_end` (days) on the right.
pub fn shape(s: &Series, at: &[[f64; 2]], x_end: f64) -> StepShape {
    let mut prev = 0.0;
    // Each point's increment, with the span over which it takes effect.
    let incs: Vec<(NaiveDate, NaiveDate, f64, bool)> = s
        .points
        .iter()
        .map(|p| {
            let d = p.y.value - prev;
            prev = p.y.value;
            let tentative = p.style() == StatusStyle::Tentative;
            (p.x.start, p.x.end.max(p.x.start), d, tentative)
        })
        .collect();
    let mut breaks: Vec<NaiveDate> = incs.iter().flat_map(|i| [i.0, i.1]).collect();
    breaks.sort();
    breaks.dedup();
    let total_at = |t: NaiveDate, use_end: bool| -> f64 {
        incs.iter()
            .filter(|i| if use_end { i.1 <= t } else { i.0 <= t })
            .map(|i| i.2)
            .sum()
    };
    let tentative_by = |t: NaiveDate| incs.iter().any(|i| i.0 <= t && i.3);
    let xs: Vec<f64> = breaks.iter().map(|b| day_number(*b)).collect();
    let early: Vec<f64> = breaks.iter().map(|b| total_at(*b, false)).collect();
    let late: Vec<f64> = breaks.iter().map(|b| total_at(*b, true)).collect();
    let end_x = |k: usize| xs.get(k + 1).copied().unwrap_or(x_end).max(xs[k]);
    let mut out = StepShape {
        band: Vec::new(),
        lines: Vec::new(),
        markers: s
            .points
            .iter()
            .zip(at)
            .map(|(p, xy)| (p.claim.clone(), *xy))
            .collect(),
        end: s
            .points
            .last()
            .filter(|l| l.y.value != 0.0)
            .map(|l| (l.y.value, l.y.shape == YShape::OpenUp)),
    };
    if early != late {
        for k in 0..xs.len() {
            if early[k] != late[k] {
                let (lo, hi) = (early[k].min(late[k]), early[k].max(late[k]));
                out.band.push([xs[k], end_x(k), lo, hi]);
            }
        }
    }
    for curve in [&early, &late] {
        let mut level = 0.0;
        for k in 0..xs.len() {
            out.lines.push((
                vec![[xs[k], level], [xs[k], curve[k]], [end_x(k), curve[k]]],
                tentative_by(breaks[k]),
            ));
            level = curve[k];
        }
        if early == late {
            break;
        }
    }
    out
}
