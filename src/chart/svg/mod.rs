//! The one chart renderer: [`ChartData`] → SVG text with a title, date and value axes, the
//! series with their qualifier and status styling, a legend, the "not plotted" list and a
//! provenance footnote. Text stays text; output is deterministic (no timestamps unless
//! [`RenderOptions::export_date`] is set). The PNG export rasterises this same SVG.

mod legend;
mod marks;
mod step;
pub mod writer;

pub use legend::footnote;

use super::data::ChartData;
use super::scale::{Linear, date_axis, day_number, tick_label, value_ticks};
use chrono::NaiveDate;
use writer::Svg;

/// Default export size in pixels.
pub const DEFAULT_SIZE: (u32, u32) = (1000, 600);
/// Smallest size the layout supports; smaller requests are enlarged to it.
pub const MIN_SIZE: (u32, u32) = (480, 320);
/// Largest size accepted (keeps PNG memory bounded).
pub const MAX_SIZE: (u32, u32) = (4000, 4000);

/// The colour of the `i`-th series as SVG writes it ([`super::style::series_color`]).
pub fn color(i: usize) -> String {
    super::style::series_color(i).hex()
}

/// How to render.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The workspace's title, named in the footnote.
    pub workspace_title: String,
    /// The export date for the footnote; `None` leaves it out so exports can be diffed.
    pub export_date: Option<NaiveDate>,
}

impl RenderOptions {
    /// Default size, no export date.
    pub fn new(workspace_title: impl Into<String>) -> Self {
        Self {
            width: DEFAULT_SIZE.0,
            height: DEFAULT_SIZE.1,
            workspace_title: workspace_title.into(),
            export_date: None,
        }
    }

    /// The size actually used: clamped to [`MIN_SIZE`]..=[`MAX_SIZE`].
    pub fn size(&self) -> (u32, u32) {
        (
            self.width.clamp(MIN_SIZE.0, MAX_SIZE.0),
            self.height.clamp(MIN_SIZE.1, MAX_SIZE.1),
        )
    }
}

/// The plot area and its scales.
#[derive(Clone)]
pub(crate) struct Frame {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub x: Linear,
    pub y: Linear,
}

impl Frame {
    pub fn sx(&self, d: NaiveDate) -> f64 {
        self.x.map(day_number(d))
    }
    pub fn sy(&self, v: f64) -> f64 {
        self.y.map(v).clamp(self.top - 20.0, self.bottom)
    }
}

/// Renders a chart to SVG text: one panel with the series, the legend in its own column at the
/// right (never over the data), as the app draws it.
pub fn render_svg(data: &ChartData, opts: &RenderOptions) -> String {
    let (w, h) = opts.size();
    let (wf, hf) = (f64::from(w), f64::from(h));
    let mut svg = Svg::new(w, h, &data.title);
    svg.rect(0.0, 0.0, wf, hf, "fill=\"#ffffff\"");
    svg.text(
        20.0,
        32.0,
        &data.title,
        "font-size=\"20\" fill=\"#111111\" id=\"chart-title\"",
    );
    let foot = footnote(data, opts);
    let (top, bottom) = (60.0, hf - 50.0 - 15.0 * foot.len() as f64);
    // The legend in a column on the right, as wide as the app's ([`super::style`]).
    let legend_w = super::style::side_column_width(wf);
    let (left, right) = (85.0, wf - legend_w - 20.0);
    // The panels of the style: one, in which running totals and deals share one value axis.
    let f = frame(data, left, right, top, bottom);
    axes(&mut svg, data, &f, true, None);
    y_label(&mut svg, data, (top + bottom) / 2.0);
    if data.is_empty() {
        svg.text(
            (left + right) / 2.0,
            (top + bottom) / 2.0,
            "Nothing to plot: no selected claim has both a figure and a date",
            "font-size=\"13\" fill=\"#666666\" text-anchor=\"middle\"",
        );
    }
    marks::draw(&mut svg, data, &f);
    // The legend column runs down to the footnote (the plot's bottom leaves room for the date
    // labels, which the column does not need).
    let foot_top = hf - 12.0 - 15.0 * (foot.len() as f64 - 1.0) - 14.0;
    legend::legend(&mut svg, data, (wf - legend_w, legend_w), top, foot_top);
    legend::draw_footnote(
        &mut svg,
        &foot,
        20.0,
        hf - 12.0 - 15.0 * (foot.len() as f64 - 1.0),
    );
    svg.finish()
}

/// The frame of the plot area `left..right` × `top..bottom` over the style's date and value
/// ranges (the app's plot shows the same).
fn frame(data: &ChartData, left: f64, right: f64, top: f64, bottom: f64) -> Frame {
    let (x0, x1) = super::style::x_range(data);
    let (t0, t1) = super::style::y_range(data);
    Frame {
        left,
        right,
        top,
        bottom,
        x: Linear {
            d0: x0,
            d1: x1,
            r0: left,
            r1: right,
        },
        y: Linear {
            d0: t0,
            d1: t1,
            r0: bottom,
            r1: top,
        },
    }
}

fn axes(svg: &mut Svg, data: &ChartData, f: &Frame, x_labels: bool, panel: Option<&str>) {
    svg.open("id=\"axes\" font-size=\"11\" fill=\"#444444\"");
    let suffix = if data.per_year { "/yr" } else { "" };
    // The app's rule: about one tick per 40 pixels of height.
    let ticks = value_ticks(f.y.d0, f.y.d1, f.bottom - f.top);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => f.y.d1 - f.y.d0,
    };
    for v in ticks {
        let y = f.y.map(v);
        if y < f.top - 0.5 {
            continue;
        }
        svg.line(
            f.left,
            y,
            f.right,
            y,
            "stroke=\"#e4e4e4\" stroke-width=\"1\"",
        );
        let label = format!("{}{suffix}", tick_label(v, step, &data.unit));
        svg.text(f.left - 8.0, y + 4.0, &label, "text-anchor=\"end\"");
    }
    let start = NaiveDate::from_num_days_from_ce_opt(f.x.d0.ceil() as i32).unwrap_or_default();
    let end = NaiveDate::from_num_days_from_ce_opt(f.x.d1.floor() as i32).unwrap_or_default();
    // The app's rule: labels that fit side by side and whole inside the plot.
    let offset = f.sx(start) - f.left;
    let (_, ticks) = date_axis(start, end, f.right - f.left - offset);
    for super::scale::DateTick { date: d, label } in ticks {
        let x = f.sx(d);
        svg.line(
            x,
            f.top,
            x,
            f.bottom,
            "stroke=\"#f0f0f0\" stroke-width=\"1\"",
        );
        if x_labels {
            svg.line(x, f.bottom, x, f.bottom + 5.0, "stroke=\"#888888\"");
            svg.text(x, f.bottom + 18.0, &label, "text-anchor=\"middle\"");
        }
    }
    let axis = "stroke=\"#888888\" stroke-width=\"1\"";
    svg.line(f.left, f.bottom, f.right, f.bottom, axis);
    svg.line(f.left, f.top, f.left, f.bottom, axis);
    if x_labels {
        svg.text(
            (f.left + f.right) / 2.0,
            f.bottom + 36.0,
            &data.x_label,
            "text-anchor=\"middle\" font-size=\"12\" fill=\"#222222\" id=\"x-label\"",
        );
    }
    if let Some(p) = panel {
        svg.text(
            f.left + 6.0,
            f.top + 12.0,
            p,
            "font-size=\"11\" fill=\"#777777\"",
        );
    }
    svg.close();
}

fn y_label(svg: &mut Svg, data: &ChartData, cy: f64) {
    svg.text(
        18.0,
        cy,
        &data.y_label,
        &format!(
            "text-anchor=\"middle\" font-size=\"12\" fill=\"#222222\" id=\"y-label\" transform=\"rotate(-90 18 {})\"",
            writer::num(cy)
        ),
    );
}
