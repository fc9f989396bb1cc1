//! Where each point's marker goes, shared by the app's plot and the SVG/PNG exports so both
//! show the same picture: the middle of a point's date span, bars of deals reported the same
//! day side by side, and markers at the very same date and value set apart.

use super::scale::day_number;
use super::{ChartData, Mark, Point};
use chrono::NaiveDate;

/// Where a point's marker goes: the middle of its x span, at its value.
pub fn marker_xy(p: &Point) -> [f64; 2] {
    let x0 = day_number(p.x.start);
    let x1 = day_number(p.x.end);
    [(x0 + x1) / 2.0, p.y.value]
}

/// Half the width of a one-day bar, in days (so it stays visible at a year's zoom).
pub const BAR_HALF_DAYS: f64 = 6.0;

/// Half the width of a point's bar in days: its span, or [`BAR_HALF_DAYS`] for short spans.
pub fn bar_half(p: &Point) -> f64 {
    ((day_number(p.x.end) - day_number(p.x.start)) / 2.0).max(BAR_HALF_DAYS)
}

/// Marker positions of every point, series by series. Bars covering the same dates (deals
/// reported the same day) are set side by side so each stays visible and clickable.
pub fn layout(data: &ChartData) -> Vec<Vec<[f64; 2]>> {
    let mut out: Vec<Vec<[f64; 2]>> = data
        .series
        .iter()
        .map(|s| s.points.iter().map(marker_xy).collect())
        .collect();
    // (series, point) indices of the bars covering each date span, in drawing order.
    type Members = Vec<(usize, usize)>;
    let mut groups: Vec<((NaiveDate, NaiveDate), Members)> = Vec::new();
    for (si, s) in data.series.iter().enumerate() {
        if s.mark != Mark::Bars {
            continue;
        }
        for (pi, p) in s.points.iter().enumerate() {
            let key = (p.x.start, p.x.end);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) => members.push((si, pi)),
                None => groups.push((key, vec![(si, pi)])),
            }
        }
    }
    for (_, members) in groups {
        let n = members.len() as f64;
        for (k, (si, pi)) in members.into_iter().enumerate() {
            let width = 2.0 * bar_half(&data.series[si].points[pi]);
            out[si][pi][0] += (k as f64 - (n - 1.0) / 2.0) * width;
        }
    }
    for (si, slots) in coincident_slots(data).into_iter().enumerate() {
        for (pi, k) in slots.into_iter().enumerate() {
            out[si][pi][0] += k * SPREAD_DAYS;
        }
    }
    out
}

/// Days between markers that would sit exactly on one another.
pub const SPREAD_DAYS: f64 = 9.0;

/// Markers (not bars) at the very same date and value — "more than $500B" and "at least $500B"
/// reported the same day — are set side by side so each stays visible and can be hovered and
/// clicked: `slots[series][point]` is how many marker widths a point moves right (negative:
/// left), 0 for a marker alone. The app moves [`SPREAD_DAYS`] per slot, the exports a marker's
/// width in pixels; both use this one grouping.
pub fn coincident_slots(data: &ChartData) -> Vec<Vec<f64>> {
    let mut slots: Vec<Vec<f64>> = data
        .series
        .iter()
        .map(|s| vec![0.0; s.points.len()])
        .collect();
    type Members = Vec<(usize, usize)>;
    let mut groups: Vec<([u64; 2], Members)> = Vec::new();
    for (si, s) in data.series.iter().enumerate() {
        if s.mark == Mark::Bars {
            continue;
        }
        for (pi, p) in s.points.iter().enumerate() {
            let xy = marker_xy(p);
            let key = [xy[0].to_bits(), xy[1].to_bits()];
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, m)) => m.push((si, pi)),
                None => groups.push((key, vec![(si, pi)])),
            }
        }
    }
    for (_, members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        let n = members.len() as f64;
        for (k, (si, pi)) in members.into_iter().enumerate() {
            slots[si][pi] = k as f64 - (n - 1.0) / 2.0;
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_500b_valuations_are_set_apart() {
        // "more than $500B" and "at least $500B" reported the same day: the sample's December
        // valuation and a second report of it.
        let ws = crate::sample::sample_workspace().expect("sample");
        let chart = &ws.charts[0];
        let mut data = crate::chart::build(&ws, chart);
        assert!(
            coincident_slots(&data).iter().flatten().all(|k| *k == 0.0),
            "the sample's markers are apart already"
        );
        let s = &mut data.series[0];
        let mut twin = s.points.last().expect("a point").clone();
        twin.claim = crate::model::ClaimId("cl-twin".into());
        s.points.push(twin);
        let slots = coincident_slots(&data);
        let moved: Vec<f64> = slots
            .iter()
            .flatten()
            .copied()
            .filter(|k| *k != 0.0)
            .collect();
        assert_eq!(moved, vec![-0.5, 0.5], "two markers, one slot apart");
    }
}
