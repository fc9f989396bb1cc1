//! Drawing one chart's [`ChartData`] with egui_plot: a marker per claim styled by status, the x
//! span of month/year dates, qualifier glyphs (interval, band, arrows), contradiction rings and
//! the selection highlight; the plot's axes and legend setup.

use super::axes::{date_axis_fns, value_label};
use super::layout::{bar_half, layout, marker_xy};
use crate::chart::scale::day_number;
use crate::chart::{ChartData, Mark, Point, StatusStyle, YShape};
use crate::model::ClaimId;
use egui::{Color32, Stroke};
use egui_plot::{Arrows, Line, LineStyle, MarkerShape, Plot, PlotPoints, PlotUi, Points, Polygon};

/// Legend name of the rings drawn around contradicted points.
pub const CONTRADICTED: &str = crate::chart::key::CONTRADICTED;

/// The colour of the n-th series: the exports' palette ([`crate::chart::svg::PALETTE`]), so a
/// series has the same colour in the window, the SVG and the PNG.
pub fn series_color(i: usize) -> Color32 {
    let hex = crate::chart::svg::color(i).trim_start_matches('#');
    let byte = |k: usize| u8::from_str_radix(hex.get(k..k + 2).unwrap_or("80"), 16).unwrap_or(128);
    Color32::from_rgb(byte(0), byte(2), byte(4))
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

/// The colour of the rings around contradicted points.
const RING: Color32 = Color32::from_rgb(214, 39, 40);

/// The chart's series as checkboxes in the column beside the plot, where the exports put their
/// legend too, so the legend never covers data (egui_plot's own legend sits inside the plot, over
/// the points in its corner). Unticking a series hides it, as clicking a legend entry did.
pub fn series_list_ui(ui: &mut egui::Ui, data: &ChartData) {
    let id = plot_id(data);
    let mut mem = egui_plot::PlotMemory::load(ui.ctx(), id);
    let mut entries: Vec<(String, Color32)> = data
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), series_color(i)))
        .collect();
    if data.points().any(|(_, p)| p.disagrees) {
        entries.push((CONTRADICTED.to_owned(), RING));
    }
    let mut changed = false;
    for (name, color) in entries {
        let item = egui::Id::new(&name);
        let mut shown = mem.as_ref().is_none_or(|m| !m.hidden_items.contains(&item));
        ui.horizontal(|ui| {
            // A long name is cut with an ellipsis: it must not widen the column and squeeze
            // the plot (the whole name is on hover).
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let (r, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, color);
            if ui.checkbox(&mut shown, &name).changed()
                && let Some(m) = mem.as_mut()
            {
                if shown {
                    m.hidden_items.remove(&item);
                } else {
                    m.hidden_items.insert(item);
                }
                changed = true;
            }
        });
    }
    if changed {
        if let Some(m) = mem {
            m.store(ui.ctx(), id);
        }
        ui.ctx().request_repaint();
    }
}

/// The plot widget configured for `data` (axes, formatters; the series list is beside it).
pub fn configure<'a>(data: &ChartData, reset: bool) -> Plot<'a> {
    let unit = data.unit.clone();
    let per_year = data.per_year;
    let (spacer, formatter) = date_axis_fns();
    let mut plot = Plot::new(("claimbench-chart", data.chart_id.as_str().to_owned()))
        .id(plot_id(data))
        .x_axis_label(data.x_label.clone())
        .y_axis_label(data.y_label.clone())
        .x_grid_spacer(spacer)
        .x_axis_formatter(formatter)
        .y_axis_formatter(move |m, _| value_label(m.value, m.step_size, &unit, per_year))
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
    // A dense chart is decimated: no per-point spans, bands or arrows (each would be a plot item
    // of its own), and one marker per screen cell in each series (hover and click still find
    // every point, see `targets`). Density is judged over the whole chart: five series of 300
    // points cost as much to draw as one of 1,500.
    let dense = is_dense(data);
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
        let keep = if dense {
            thin(&at[i])
        } else {
            vec![true; at[i].len()]
        };
        if !dense {
            for (p, xy) in s.points.iter().zip(&at[i]) {
                draw_point(pui, s.mark, &name, color, p, *xy, up);
            }
        }
        for firm in [true, false] {
            let pts: Vec<[f64; 2]> = s
                .points
                .iter()
                .zip(&at[i])
                .zip(&keep)
                .filter(|((p, _), k)| **k && (p.style() == StatusStyle::Firm) == firm)
                .map(|((_, xy), _)| *xy)
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
        .filter(|(p, _)| p.disagrees && !dense)
        .map(|(_, xy)| *xy)
        .collect();
    if !rings.is_empty() {
        pui.points(
            Points::new(CONTRADICTED, PlotPoints::new(rings))
                .shape(MarkerShape::Circle)
                .filled(false)
                .radius(9.0)
                .color(RING)
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

/// Charts with more points than this are decimated when drawn.
pub const DECIMATE_ABOVE: usize = 400;

/// Whether `data` has more points than are drawn one by one.
pub fn is_dense(data: &ChartData) -> bool {
    data.series.iter().map(|s| s.points.len()).sum::<usize>() > DECIMATE_ABOVE
}

/// Which of `xys` to draw so that each of about 600×300 cells over their extent gets at most
/// one marker (the first).
pub fn thin(xys: &[[f64; 2]]) -> Vec<bool> {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in xys {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let cell = [
        ((hi[0] - lo[0]) / 600.0).max(f64::MIN_POSITIVE),
        ((hi[1] - lo[1]) / 300.0).max(f64::MIN_POSITIVE),
    ];
    let mut seen = std::collections::HashSet::new();
    xys.iter()
        .map(|p| {
            let key = (
                ((p[0] - lo[0]) / cell[0]) as i64,
                ((p[1] - lo[1]) / cell[1]) as i64,
            );
            seen.insert(key)
        })
        .collect()
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
    let half = ((x1 - x0) / 2.0).clamp(4.0, super::layout::BAR_HALF_DAYS);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_one_marker_per_cell_and_every_distinct_one() {
        let mut xys: Vec<[f64; 2]> = (0..10_000).map(|i| [(i % 100) as f64, 1.0]).collect();
        xys.push([0.0, 1000.0]);
        let keep = thin(&xys);
        assert_eq!(keep.len(), xys.len());
        let kept = keep.iter().filter(|k| **k).count();
        assert_eq!(
            kept, 101,
            "100 distinct x positions on one row, and the outlier"
        );
        assert!(keep[10_000], "an isolated point is always drawn");
        assert!(
            keep[0] && !keep[100],
            "the first of a cell is kept, repeats are not"
        );
    }
}
