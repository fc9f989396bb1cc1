//! Drawing one chart's [`ChartData`] with egui_plot: a marker per claim styled by status, the x
//! span of month/year dates, qualifier glyphs (interval, band, arrows), contradiction rings and
//! the selection highlight; the plot's axes and legend setup.

use super::axes::{value_label, value_marks, with_date_axis};
use super::layout::{bar_half, layout, marker_xy};
use crate::chart::scale::day_number;
use crate::chart::style::{self, Rgb};
use crate::chart::{ChartData, Mark, Point, YShape};
use crate::model::ClaimId;
use egui::{Color32, Stroke};
use egui_plot::{Arrows, Line, LineStyle, MarkerShape, Plot, PlotPoints, PlotUi, Points, Polygon};

/// Legend name of the rings drawn around contradicted points.
pub const CONTRADICTED: &str = crate::chart::key::CONTRADICTED;

/// The colour of the n-th series ([`style::series_color`], the exports' too).
pub fn series_color(i: usize) -> Color32 {
    rgb(style::series_color(i))
}

/// An egui colour of a style colour.
pub fn rgb(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
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
const RING: Color32 = Color32::from_rgb(style::RING.0, style::RING.1, style::RING.2);

/// The chart's series as checkboxes in the column beside the plot, where the exports put their
/// legend too, so the legend never covers data (egui_plot's own legend sits inside the plot, over
/// the points in its corner). Unticking a series hides it, as clicking a legend entry did.
pub fn series_list_ui(ui: &mut egui::Ui, data: &ChartData) {
    let id = plot_id(data);
    let mut mem = egui_plot::PlotMemory::load(ui.ctx(), id);
    // The legend of the style ([`style::describe`]), as the export draws it; the rings can be
    // hidden too, so they are listed last.
    let mut entries: Vec<(String, Color32, Option<Mark>)> = style::describe(data)
        .legend
        .into_iter()
        .map(|e| (e.name, rgb(e.color), Some(e.mark)))
        .collect();
    if data.points().any(|(_, p)| p.disagrees) {
        entries.push((CONTRADICTED.to_owned(), RING, None));
    }
    let mut changed = false;
    for (name, color, mark) in entries {
        let item = egui::Id::new(&name);
        let mut shown = mem.as_ref().is_none_or(|m| !m.hidden_items.contains(&item));
        ui.horizontal(|ui| {
            // A long name is cut with an ellipsis: it must not widen the column and squeeze
            // the plot (the whole name is on hover).
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let (r, _) = ui.allocate_exact_size(egui::vec2(16.0, 12.0), egui::Sense::hover());
            match mark {
                Some(mark) => super::key::paint_series(ui.painter(), r, mark, color),
                None => {
                    ui.painter()
                        .circle_stroke(r.center(), 5.0, egui::Stroke::new(2.0, color));
                }
            }
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
    let mut plot = with_date_axis(Plot::new((
        "claimbench-chart",
        data.chart_id.as_str().to_owned(),
    )))
    .id(plot_id(data))
    .x_axis_label(data.x_label.clone())
    .y_axis_label(data.y_label.clone())
    .y_grid_spacer(value_marks)
    .y_axis_formatter(move |m, _| value_label(m.value, m.step_size, &unit, per_year))
    .y_axis_min_width(56.0)
    .show_x(false)
    .show_y(false)
    .show_crosshair(false)
    .allow_double_click_reset(true)
    // The exports' ranges exactly, without egui_plot's own margin.
    .set_margin_fraction(egui::Vec2::ZERO);
    let (x0, x1) = style::x_range(data);
    let (y0, y1) = style::y_range(data);
    plot = plot.include_x(x0).include_x(x1).include_y(y0).include_y(y1);
    if reset {
        plot = plot.reset();
    }
    plot
}

/// One thing the plot draws, in plot units (days, values), before it becomes an egui_plot
/// item. Built from the chart's style description ([`style::describe`]), the one the SVG
/// export follows; tests compare the two.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A line through `pts`.
    Line {
        /// The series.
        series: usize,
        /// Its points.
        pts: Vec<[f64; 2]>,
        /// Width in points.
        width: f32,
        /// Dashed (tentative).
        dashed: bool,
    },
    /// A filled rectangle `[x0, x1, y0, y1]`.
    Fill {
        /// The series.
        series: usize,
        /// Its corners.
        rect: [f64; 4],
        /// Fill opacity.
        opacity: f32,
        /// Drawn with an outline in the series colour (bars), dashed when tentative.
        outline: Option<bool>,
    },
    /// Markers of one shape.
    Markers {
        /// The series.
        series: usize,
        /// Where.
        pts: Vec<[f64; 2]>,
        /// Disc or ring.
        shape: style::MarkerShape,
    },
    /// The small squares where a running total's steps begin.
    StepMarkers {
        /// The series.
        series: usize,
        /// Where.
        pts: Vec<[f64; 2]>,
    },
    /// An arrow.
    Arrow {
        /// The series.
        series: usize,
        /// Its tail.
        from: [f64; 2],
        /// Its tip.
        to: [f64; 2],
    },
    /// The last total of a running total, written at the plot's right edge.
    EndLabel {
        /// The series.
        series: usize,
        /// Where.
        at: [f64; 2],
        /// The text.
        text: String,
    },
    /// Contradiction rings.
    Rings {
        /// Where.
        pts: Vec<[f64; 2]>,
    },
}

/// What the plot draws for `data`; `per_px` is the plot units per screen point in x and y (end
/// caps and annualised bars are a few points tall whatever the zoom).
pub fn items(data: &ChartData, per_px: [f64; 2]) -> Vec<Item> {
    let look = style::describe(data);
    let at = layout(data);
    let up = style::arrow_len(data);
    let dense = is_dense(data);
    let cap = per_px.map(|u| f64::from(style::CAP_PX) * u);
    let (_, x_end) = style::x_range(data);
    let mut out = Vec::new();
    for (i, s) in data.series.iter().enumerate() {
        if s.mark == Mark::Step && !s.points.is_empty() {
            let shape = crate::chart::step::shape(s, &at[i], x_end);
            for [x0, x1, lo, hi] in shape.band {
                out.push(Item::Fill {
                    series: i,
                    rect: [x0, x1, lo, hi],
                    opacity: style::STEP_BAND_OPACITY,
                    outline: None,
                });
            }
            for (pts, dashed) in shape.lines {
                out.push(Item::Line {
                    series: i,
                    pts,
                    width: style::STEP_WIDTH,
                    dashed,
                });
            }
            out.push(Item::StepMarkers {
                series: i,
                pts: shape.markers.iter().map(|(_, xy)| *xy).collect(),
            });
            if let Some((total, open)) = shape.end {
                let unit = if data.per_year { "/yr" } else { "" };
                // As the export: an open total gets an arrow at the right edge, its label
                // beside it.
                if open {
                    let x = x_end - 12.0 * per_px[0];
                    out.push(Item::Arrow {
                        series: i,
                        from: [x, total],
                        to: [x, total + 14.0 * per_px[1]],
                    });
                }
                let left = if open { 20.0 } else { 4.0 };
                out.push(Item::EndLabel {
                    series: i,
                    at: [x_end - left * per_px[0], total + 6.0 * per_px[1]],
                    text: format!(
                        "{}{}{unit}",
                        crate::model::figure::format_value(total, &data.unit),
                        if open { "+" } else { "" }
                    ),
                });
            }
            continue;
        }
        if !dense {
            for (p, xy) in s.points.iter().zip(&at[i]) {
                point_items(&mut out, i, s.mark, data.per_year, p, *xy, up, cap);
            }
        }
        if s.mark != Mark::Points {
            continue;
        }
        let keep = if dense {
            thin(&at[i])
        } else {
            vec![true; at[i].len()]
        };
        for shape in [style::MarkerShape::Disc, style::MarkerShape::Ring] {
            let pts: Vec<[f64; 2]> = look
                .points
                .iter()
                .filter(|l| l.series == i)
                .zip(&keep)
                .filter(|(l, k)| **k && l.marker == Some(shape))
                .map(|(l, _)| l.at)
                .collect();
            if !pts.is_empty() {
                out.push(Item::Markers {
                    series: i,
                    pts,
                    shape,
                });
            }
        }
    }
    let rings: Vec<[f64; 2]> = look
        .points
        .iter()
        .filter(|l| l.ring && !dense)
        .map(|l| {
            let p = data.series[l.series]
                .points
                .iter()
                .find(|p| p.claim == l.claim);
            match (l.mark, p) {
                // A bar's ring sits on its top, as in the export.
                (Mark::Bars, Some(p)) => [l.at[0], p.y.value],
                _ => l.at,
            }
        })
        .collect();
    if !rings.is_empty() {
        out.push(Item::Rings { pts: rings });
    }
    out
}

/// The items of one point other than its marker: its bar, its month or year span, its
/// qualifier glyph.
#[allow(clippy::too_many_arguments)]
fn point_items(
    out: &mut Vec<Item>,
    series: usize,
    mark: Mark,
    per_year: bool,
    p: &Point,
    [x, y]: [f64; 2],
    up: f64,
    cap: [f64; 2],
) {
    let (x0, x1) = (day_number(p.x.start), day_number(p.x.end));
    let dashed = style::dashed(p.style());
    if mark == Mark::Bars && per_year {
        // Annualised: a thick bar at the yearly amount across the whole period.
        let h = f64::from(style::SPAN_BAR_HALF_PX) / f64::from(style::CAP_PX) * cap[1];
        out.push(Item::Fill {
            series,
            rect: [x0, x1, y - h, y + h],
            opacity: style::bar_opacity(p.style(), false),
            outline: Some(dashed),
        });
    } else if mark == Mark::Bars {
        let half = bar_half(p);
        out.push(Item::Fill {
            series,
            rect: [x - half, x + half, 0.0, y],
            opacity: style::bar_opacity(p.style(), style::is_long_bar(half)),
            outline: Some(dashed),
        });
    } else if x1 - x0 > 1.5 {
        // A month or a year: the span it covers, with end caps.
        for pts in [
            vec![[x0, y], [x1, y]],
            vec![[x0, y - cap[1]], [x0, y + cap[1]]],
            vec![[x1, y - cap[1]], [x1, y + cap[1]]],
        ] {
            out.push(Item::Line {
                series,
                pts,
                width: style::SPAN_WIDTH,
                dashed,
            });
        }
    }
    let x = if mark == Mark::Bars && per_year {
        marker_xy(p)[0]
    } else {
        x
    };
    match p.y.shape {
        YShape::Exact => {}
        YShape::Band => {
            let half = bar_half(p);
            out.push(Item::Fill {
                series,
                rect: [x - half, x + half, p.y.low, p.y.high],
                opacity: style::BAND_OPACITY,
                outline: None,
            });
        }
        YShape::Interval => {
            for pts in [
                vec![[x, p.y.low], [x, p.y.high]],
                vec![[x - cap[0], p.y.low], [x + cap[0], p.y.low]],
                vec![[x - cap[0], p.y.high], [x + cap[0], p.y.high]],
            ] {
                out.push(Item::Line {
                    series,
                    pts,
                    width: style::SPAN_WIDTH,
                    dashed: false,
                });
            }
        }
        YShape::OpenUp => {
            let from = p.y.low.max(p.y.value);
            out.push(Item::Arrow {
                series,
                from: [x, from],
                to: [x, from + up],
            });
        }
        YShape::OpenDown => {
            let from = p.y.high.min(p.y.value);
            out.push(Item::Arrow {
                series,
                from: [x, from],
                to: [x, from - up],
            });
        }
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

/// Adds every item of `data` to the plot ([`items`]); `selected` claims get a highlight ring.
pub fn draw(pui: &mut PlotUi<'_>, data: &ChartData, selected: &[ClaimId]) {
    let per = pui.transform().dvalue_dpos();
    let names: Vec<String> = data.series.iter().map(|s| s.name.clone()).collect();
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    let dash = |d: bool| {
        if d {
            LineStyle::dashed_dense()
        } else {
            LineStyle::Solid
        }
    };
    for item in items(data, [per[0].abs(), per[1].abs()]) {
        match item {
            Item::Line {
                series,
                pts,
                width,
                dashed,
            } => pui.line(
                Line::new(name(series), PlotPoints::new(pts))
                    .color(series_color(series))
                    .width(width)
                    .style(dash(dashed))
                    .allow_hover(false),
            ),
            Item::Fill {
                series,
                rect: [x0, x1, y0, y1],
                opacity,
                outline,
            } => {
                let c = series_color(series);
                let mut poly = Polygon::new(name(series), rect(x0, x1, y0, y1))
                    .fill_color(c.gamma_multiply(opacity))
                    .allow_hover(false);
                poly = match outline {
                    Some(dashed) => poly.stroke(Stroke::new(1.0, c)).style(dash(dashed)),
                    None => poly.stroke(Stroke::NONE),
                };
                pui.polygon(poly);
            }
            Item::Markers { series, pts, shape } => pui.points(
                Points::new(name(series), PlotPoints::new(pts))
                    .shape(MarkerShape::Circle)
                    .filled(shape == style::MarkerShape::Disc)
                    .radius(style::MARKER_RADIUS)
                    .color(series_color(series))
                    .allow_hover(false),
            ),
            Item::StepMarkers { series, pts } => pui.points(
                Points::new(name(series), PlotPoints::new(pts))
                    .shape(MarkerShape::Square)
                    .filled(true)
                    .radius(3.0)
                    .color(series_color(series))
                    .allow_hover(false),
            ),
            Item::Arrow { series, from, to } => pui.arrows(
                Arrows::new(
                    name(series),
                    PlotPoints::new(vec![from]),
                    PlotPoints::new(vec![to]),
                )
                .color(series_color(series))
                .tip_length(10.0)
                .allow_hover(false),
            ),
            Item::EndLabel { series, at, text } => pui.text(
                egui_plot::Text::new(
                    name(series),
                    egui_plot::PlotPoint::new(at[0], at[1]),
                    egui::RichText::new(text)
                        .size(11.0)
                        .color(series_color(series)),
                )
                .anchor(egui::Align2::RIGHT_BOTTOM)
                .allow_hover(false),
            ),
            Item::Rings { pts } => pui.points(
                Points::new(CONTRADICTED, PlotPoints::new(pts))
                    .shape(MarkerShape::Circle)
                    .filled(false)
                    .radius(style::RING_RADIUS)
                    .color(RING)
                    .allow_hover(false),
            ),
        }
    }
    let at = layout(data);
    let chosen: Vec<[f64; 2]> = data
        .series
        .iter()
        .zip(&at)
        .flat_map(|(s, xys)| s.points.iter().zip(xys))
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
