//! Drawing one chart's [`ChartData`] with egui_plot: date X axis, unit-formatted Y axis, a marker
//! per claim styled by status, the x span of month/year dates, qualifier glyphs (interval, band,
//! arrows), contradiction rings, and the screen position of every marker for hit testing.

use crate::chart::scale::day_number;
use crate::chart::{ChartData, Mark, Point, StatusStyle, YShape};
use crate::model::figure::format_value;
use crate::model::{ClaimId, Unit};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, Pos2, Stroke};
use egui_plot::{
    Arrows, ColorConflictHandling, Corner, GridInput, GridMark, Legend, Line, LineStyle,
    MarkerShape, Plot, PlotPoint, PlotPoints, PlotUi, Points, Polygon,
};

/// Legend name of the rings drawn around contradicted points.
pub const CONTRADICTED: &str = "Contradicting reports";

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

/// The colour of the n-th series.
pub fn series_color(i: usize) -> Color32 {
    const PALETTE: [Color32; 6] = [
        Color32::from_rgb(31, 119, 180),
        Color32::from_rgb(255, 127, 14),
        Color32::from_rgb(44, 160, 44),
        Color32::from_rgb(148, 103, 189),
        Color32::from_rgb(140, 86, 75),
        Color32::from_rgb(227, 119, 194),
    ];
    PALETTE[i % PALETTE.len()]
}

/// Where a point's marker goes: the middle of its x span, at its value.
pub fn marker_xy(p: &Point) -> [f64; 2] {
    let x0 = day_number(p.x.start);
    let x1 = day_number(p.x.end);
    [(x0 + x1) / 2.0, p.y.value]
}

/// Half the width of a one-day bar, in days (so it stays visible at a year's zoom).
const BAR_HALF_DAYS: f64 = 6.0;

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
    out
}

/// The date a plot X value (days since 0001-01-01) stands for.
pub fn date_of(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Month-boundary grid marks over the visible days, spaced so their labels fit: at least about
/// 76 points apart for `Apr 2025`, 44 for `2025`.
pub fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (Some(a), Some(b)) = (date_of(input.bounds.0), date_of(input.bounds.1)) else {
        return Vec::new();
    };
    let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (m0, m1) = (month(a), month(b) + 1);
    // egui_plot passes the days covered by its minimum grid spacing (8 points).
    let days_per_point = input.base_step_size / 8.0;
    let fits = |step: i32| {
        let need = if step >= 12 { 44.0 } else { 76.0 };
        !(days_per_point.is_finite() && days_per_point > 0.0)
            || f64::from(step) * 30.44 / days_per_point >= need
    };
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| fits(*s) && (m1 - m0) / s <= 12)
        .unwrap_or(240);
    let mut out = Vec::new();
    let mut m = m0 + (step - m0.rem_euclid(step)) % step;
    while m <= m1 && out.len() < 200 {
        if let Some(d) = NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1) {
            out.push(GridMark {
                value: day_number(d),
                step_size: f64::from(step) * 30.44,
            });
        }
        m += step;
    }
    out
}

/// An X axis label: the year for yearly marks, else month and year.
pub fn date_label(mark: GridMark) -> String {
    match date_of(mark.value) {
        Some(d) if mark.step_size >= 360.0 => d.format("%Y").to_string(),
        Some(d) => d.format("%b %Y").to_string(),
        None => String::new(),
    }
}

/// A Y axis label in the chart's unit (`$10B`, `1.2 GW`, `20%`), `/yr` for yearly amounts.
pub fn value_label(v: f64, unit: &Unit, per_year: bool) -> String {
    let s = format_value(v, unit);
    if per_year { format!("{s}/yr") } else { s }
}

/// The plot's id (its zoom, pan and hidden legend entries are kept under it).
pub fn plot_id(data: &ChartData) -> egui::Id {
    egui::Id::new(("claimbench-chart", data.chart_id.as_str()))
}

/// The legend names the user has hidden by clicking their legend entries.
pub fn hidden_series(ctx: &egui::Context, data: &ChartData) -> Vec<String> {
    let Some(mem) = egui_plot::PlotMemory::load(ctx, plot_id(data)) else {
        return Vec::new();
    };
    data.series
        .iter()
        .filter(|s| mem.hidden_items.contains(&egui::Id::new(&s.name)))
        .map(|s| s.name.clone())
        .collect()
}

/// The plot widget configured for `data` (axes, legend, formatters).
pub fn configure<'a>(data: &ChartData, reset: bool) -> Plot<'a> {
    let unit = data.unit.clone();
    let per_year = data.per_year;
    let mut plot = Plot::new(("claimbench-chart", data.chart_id.as_str().to_owned()))
        .id(plot_id(data))
        .legend(
            Legend::default()
                .position(Corner::LeftTop)
                .follow_insertion_order(true)
                .color_conflict_handling(ColorConflictHandling::PickFirst),
        )
        .x_axis_label(data.x_label.clone())
        .y_axis_label(data.y_label.clone())
        .x_grid_spacer(date_grid)
        .x_axis_formatter(|m, _| date_label(m))
        .y_axis_formatter(move |m, _| value_label(m.value, &unit, per_year))
        .y_axis_min_width(56.0)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .include_y(0.0)
        .allow_double_click_reset(true);
    // Room for the open-ended arrows above the highest value and a margin around the dates.
    let top = data
        .points()
        .map(|(_, p)| p.y.max_finite())
        .fold(0.0_f64, f64::max);
    if top > 0.0 {
        plot = plot.include_y(top + arrow_len(data) * 1.1);
    }
    if let Some(first) = data.points().map(|(_, p)| p.x.start).min() {
        plot = plot.include_x(day_number(first) - 20.0);
    }
    if let Some(last) = data.points().map(|(_, p)| p.x.end).max() {
        plot = plot.include_x(day_number(last) + 20.0);
    }
    if reset {
        plot = plot.reset();
    }
    plot
}

/// The height of an open-ended arrow in data units.
fn arrow_len(data: &ChartData) -> f64 {
    let max = data
        .points()
        .map(|(_, p)| p.y.max_finite())
        .fold(0.0_f64, f64::max);
    (max * 0.12).max(1.0)
}

fn line_style(p: &Point) -> LineStyle {
    match p.style() {
        StatusStyle::Firm => LineStyle::Solid,
        StatusStyle::Tentative => LineStyle::dashed_dense(),
    }
}

/// Adds every item of `data` to the plot. `selected` claims get a highlight ring.
pub fn draw(pui: &mut PlotUi<'_>, data: &ChartData, selected: &[ClaimId]) {
    let up = arrow_len(data);
    let at = layout(data);
    for (i, s) in data.series.iter().enumerate() {
        let color = series_color(i);
        let name = s.name.clone();
        if s.mark == Mark::Step && !s.points.is_empty() {
            let mut pts: Vec<[f64; 2]> = Vec::new();
            let mut last = 0.0;
            for p in &s.points {
                let [x, y] = marker_xy(p);
                pts.push([x, last]);
                pts.push([x, y]);
                last = y;
            }
            if let Some(p) = s.points.last() {
                pts.push([day_number(p.x.end).max(marker_xy(p)[0] + 30.0), last]);
            }
            pui.line(
                Line::new(name.clone(), PlotPoints::new(pts))
                    .color(color)
                    .width(2.0)
                    .allow_hover(false),
            );
        }
        for (p, xy) in s.points.iter().zip(&at[i]) {
            draw_point(pui, s.mark, &name, color, p, *xy, up);
        }
        for firm in [true, false] {
            let pts: Vec<[f64; 2]> = s
                .points
                .iter()
                .zip(&at[i])
                .filter(|(p, _)| (p.style() == StatusStyle::Firm) == firm)
                .map(|(_, xy)| *xy)
                .collect();
            if !pts.is_empty() {
                pui.points(
                    Points::new(name.clone(), PlotPoints::new(pts))
                        .shape(MarkerShape::Circle)
                        .filled(firm)
                        .radius(5.0)
                        .color(color)
                        .allow_hover(false),
                );
            }
        }
    }
    let placed = || {
        data.series
            .iter()
            .zip(&at)
            .flat_map(|(s, xys)| s.points.iter().zip(xys))
    };
    let rings: Vec<[f64; 2]> = placed()
        .filter(|(p, _)| p.disagrees)
        .map(|(_, xy)| *xy)
        .collect();
    if !rings.is_empty() {
        pui.points(
            Points::new(CONTRADICTED, PlotPoints::new(rings))
                .shape(MarkerShape::Circle)
                .filled(false)
                .radius(9.0)
                .color(Color32::from_rgb(214, 39, 40))
                .allow_hover(false),
        );
    }
    let chosen: Vec<[f64; 2]> = placed()
        .filter(|(p, _)| selected.contains(&p.claim))
        .map(|(_, xy)| *xy)
        .collect();
    if !chosen.is_empty() {
        pui.points(
            Points::new("", PlotPoints::new(chosen))
                .shape(MarkerShape::Square)
                .filled(false)
                .radius(11.0)
                .color(Color32::from_rgb(250, 200, 0))
                .allow_hover(false),
        );
    }
}

fn rect(x0: f64, x1: f64, y0: f64, y1: f64) -> PlotPoints<'static> {
    PlotPoints::new(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
}

fn draw_point(
    pui: &mut PlotUi<'_>,
    mark: Mark,
    name: &str,
    color: Color32,
    p: &Point,
    [x, y]: [f64; 2],
    up: f64,
) {
    let (x0, x1) = (day_number(p.x.start), day_number(p.x.end));
    let firm = p.style() == StatusStyle::Firm;
    if mark == Mark::Bars {
        let half = bar_half(p);
        // Long spans (a year) are pale so the bars they overlap stay visible.
        let alpha = match (firm, half > 20.0) {
            (true, false) => 150,
            (true, true) => 60,
            (false, _) => 30,
        };
        pui.polygon(
            Polygon::new(name, rect(x - half, x + half, 0.0, y))
                .fill_color(color.gamma_multiply_u8(alpha))
                .stroke(Stroke::new(1.0, color))
                .style(line_style(p))
                .allow_hover(false),
        );
    } else if x1 - x0 > 1.5 {
        // A month or a year: the span it covers, drawn as a bar at the value.
        pui.line(
            Line::new(name, PlotPoints::new(vec![[x0, y], [x1, y]]))
                .color(color.gamma_multiply(0.7))
                .width(3.0)
                .style(line_style(p))
                .allow_hover(false),
        );
    }
    let half = ((x1 - x0) / 2.0).clamp(4.0, BAR_HALF_DAYS);
    match p.y.shape {
        YShape::Exact => {}
        YShape::Band => {
            pui.polygon(
                Polygon::new(
                    name,
                    rect(x - bar_half(p), x + bar_half(p), p.y.low, p.y.high),
                )
                .fill_color(color.gamma_multiply_u8(35))
                .stroke(Stroke::NONE)
                .allow_hover(false),
            );
        }
        YShape::Interval => {
            let caps = [p.y.low, p.y.high];
            pui.line(
                Line::new(name, PlotPoints::new(vec![[x, caps[0]], [x, caps[1]]]))
                    .color(color)
                    .width(2.0)
                    .style(line_style(p))
                    .allow_hover(false),
            );
            for c in caps {
                pui.line(
                    Line::new(name, PlotPoints::new(vec![[x - half, c], [x + half, c]]))
                        .color(color)
                        .width(2.0)
                        .allow_hover(false),
                );
            }
        }
        YShape::OpenUp => arrow(pui, name, color, [x, p.y.low.max(y)], up),
        YShape::OpenDown => arrow(pui, name, color, [x, p.y.high.min(y)], -up),
    }
}

fn arrow(pui: &mut PlotUi<'_>, name: &str, color: Color32, from: [f64; 2], dy: f64) {
    pui.arrows(
        Arrows::new(
            name,
            PlotPoints::new(vec![from]),
            PlotPoints::new(vec![[from[0], from[1] + dy]]),
        )
        .color(color)
        .tip_length(10.0)
        .allow_hover(false),
    );
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
    fn date_marks_fall_on_month_starts_and_label_as_dates() {
        let d = |y, m, day| day_number(NaiveDate::from_ymd_opt(y, m, day).expect("date"));
        let marks = date_grid(GridInput {
            bounds: (d(2024, 11, 20), d(2025, 12, 31)),
            // About 400 points for 406 days.
            base_step_size: 8.0,
        });
        assert!(marks.len() >= 3 && marks.len() <= 8, "{marks:?}");
        for m in &marks {
            assert_eq!(date_of(m.value).map(|x| x.day()), Some(1));
            assert!(m.step_size >= 76.0, "labels fit: {m:?}");
        }
        // Ten years in 400 points: yearly or coarser marks.
        let wide = date_grid(GridInput {
            bounds: (d(2015, 1, 1), d(2025, 1, 1)),
            base_step_size: 8.0 * 3653.0 / 400.0,
        });
        assert!(wide.iter().all(|m| m.step_size >= 360.0), "{wide:?}");
        assert_eq!(
            date_label(GridMark {
                value: d(2025, 4, 1),
                step_size: 91.0
            }),
            "Apr 2025"
        );
        assert_eq!(
            date_label(GridMark {
                value: d(2025, 1, 1),
                step_size: 365.0
            }),
            "2025"
        );
    }

    #[test]
    fn values_format_in_the_axis_unit() {
        assert_eq!(value_label(1.0e10, &Unit::Usd, false), "$10B");
        assert_eq!(value_label(1.2e12, &Unit::Usd, false), "$1.2T");
        assert_eq!(value_label(5.4e9, &Unit::Usd, true), "$5.4B/yr");
        assert!(value_label(1.5, &Unit::Gw, false).contains("GW"));
    }

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
}
