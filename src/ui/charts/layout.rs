//! Where each point's marker goes on the chart (bars reported the same day set side by side),
//! where those markers land on screen, and which one the pointer is on.

use crate::chart::ChartData;
use crate::model::ClaimId;
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

pub use crate::chart::place::{BAR_HALF_DAYS, SPREAD_DAYS, bar_half, layout, marker_xy};

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
    use crate::chart::Mark;

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
