//! Where each point's marker goes on the chart (bars reported the same day set side by side),
//! where those markers land on screen, and which one the pointer is on.

use crate::chart::scale::day_number;
use crate::chart::{ChartData, Mark, Point};
use crate::model::ClaimId;
use chrono::NaiveDate;
use egui::Pos2;
use egui_plot::PlotPoint;

/// A plotted marker: where it is on screen and which claim it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The claim behind the marker.
    pub claim: ClaimId,
    /// The series' legend name.
    pub series: String,
    /// The marker's screen position in the last frame.
    pub pos: Pos2,
}

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
    spread_coincident(data, &mut out);
    out
}

/// Days between markers that would sit exactly on one another.
pub const SPREAD_DAYS: f64 = 9.0;

/// Markers (not bars) at the very same date and value — "more than $500B" and "at least $500B"
/// reported the same day — are set side by side, [`SPREAD_DAYS`] apart, so each stays visible
/// and can be hovered and clicked.
fn spread_coincident(data: &ChartData, out: &mut [Vec<[f64; 2]>]) {
    type Members = Vec<(usize, usize)>;
    let mut groups: Vec<([u64; 2], Members)> = Vec::new();
    for (si, s) in data.series.iter().enumerate() {
        if s.mark == Mark::Bars {
            continue;
        }
        for (pi, xy) in out[si].iter().enumerate() {
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
            out[si][pi][0] += (k as f64 - (n - 1.0) / 2.0) * SPREAD_DAYS;
        }
    }
}

/// Screen positions of every marker under `transform`, except in `hidden` series.
pub fn targets(
    data: &ChartData,
    transform: &egui_plot::PlotTransform,
    hidden: &[String],
) -> Vec<Target> {
    data.series
        .iter()
        .zip(layout(data))
        .filter(|(s, _)| !hidden.contains(&s.name))
        .flat_map(|(s, xys)| {
            s.points.iter().zip(xys).map(|(p, [x, y])| Target {
                claim: p.claim.clone(),
                series: s.name.clone(),
                pos: transform.position_from_point(&PlotPoint::new(x, y)),
            })
        })
        .collect()
}

/// The marker nearest to `pos` within `radius` points.
pub fn hit(targets: &[Target], pos: Pos2, radius: f32) -> Option<&Target> {
    targets
        .iter()
        .map(|t| (t, t.pos.distance(pos)))
        .filter(|(_, d)| *d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_picks_the_nearest_marker_in_reach() {
        let t = |id: &str, x: f32| Target {
            claim: ClaimId(id.into()),
            series: "s".into(),
            pos: Pos2::new(x, 10.0),
        };
        let ts = vec![t("a", 0.0), t("b", 20.0)];
        assert_eq!(
            hit(&ts, Pos2::new(14.0, 12.0), 10.0).map(|t| t.claim.0.as_str()),
            Some("b")
        );
        assert!(hit(&ts, Pos2::new(50.0, 10.0), 10.0).is_none());
    }

    #[test]
    fn bars_on_the_same_day_are_set_side_by_side() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let chart = ws
            .charts
            .iter()
            .find(|c| matches!(c.spec, crate::model::ChartSpec::Commitments { .. }))
            .expect("a commitments chart");
        let data = crate::chart::build(&ws, chart);
        let at = layout(&data);
        let mut bars: Vec<[f64; 2]> = Vec::new();
        for (s, xys) in data.series.iter().zip(&at) {
            if s.mark == Mark::Bars {
                bars.extend(xys);
            }
        }
        assert!(bars.len() >= 2);
        for (i, a) in bars.iter().enumerate() {
            for b in &bars[i + 1..] {
                assert!(
                    (a[0] - b[0]).abs() >= 2.0 * BAR_HALF_DAYS - 1e-9 || a[1] != b[1],
                    "two bars drawn on top of each other: {a:?} {b:?}"
                );
                assert!(a[0] != b[0], "bars share an x: {a:?} {b:?}");
            }
        }
    }

    #[test]
    fn markers_never_sit_on_one_another() {
        let ws = crate::sample::sample_workspace().expect("sample");
        for chart in &ws.charts {
            let data = crate::chart::build(&ws, chart);
            let at = layout(&data);
            let mut marks: Vec<[f64; 2]> = Vec::new();
            for (s, xys) in data.series.iter().zip(&at) {
                if s.mark != Mark::Bars {
                    marks.extend(xys);
                }
            }
            for (i, a) in marks.iter().enumerate() {
                assert!(
                    !marks[i + 1..].contains(a),
                    "{}: two markers at {a:?}",
                    chart.title
                );
            }
        }
    }
}
