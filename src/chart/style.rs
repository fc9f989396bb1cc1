//! How a chart looks, written once and read by both renderers: the app's plot (egui_plot) and
//! the SVG/PNG exports. Colours, the panel list, marker shapes, line and fill styles, the
//! glyph of each qualifier, the legend's place and the key's entries are all here, so a chart
//! exported from the window looks like the window (issue 18: the two had drifted apart in
//! colours, panels, markers and legend). [`describe`] sums up one chart's look as plain data;
//! the tests compare what each renderer draws against it.

use super::data::{ChartData, Mark, StatusStyle, YShape};
use super::place;
use crate::model::ClaimId;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, as SVG writes it.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours of the series, in legend order.
pub const PALETTE: [Rgb; 10] = [
    Rgb(0x1f, 0x77, 0xb4),
    Rgb(0xd6, 0x27, 0x28),
    Rgb(0x2c, 0xa0, 0x2c),
    Rgb(0xff, 0x7f, 0x0e),
    Rgb(0x94, 0x67, 0xbd),
    Rgb(0x8c, 0x56, 0x4b),
    Rgb(0xe3, 0x77, 0xc2),
    Rgb(0x17, 0xbe, 0xcf),
    Rgb(0xbc, 0xbd, 0x22),
    Rgb(0x7f, 0x7f, 0x7f),
];

/// The colour of the `i`-th series.
pub fn series_color(i: usize) -> Rgb {
    PALETTE[i % PALETTE.len()]
}

/// The ring around a point whose reports of one fact disagree.
pub const RING: Rgb = Rgb(0xd6, 0x27, 0x28);
/// Radius of that ring.
pub const RING_RADIUS: f32 = 9.0;
/// Radius of a point's marker.
pub const MARKER_RADIUS: f32 = 5.0;
/// Width of a step line (running totals).
pub const STEP_WIDTH: f32 = 2.5;
/// Width of a month or year span drawn at a point's value, and of interval lines.
pub const SPAN_WIDTH: f32 = 2.0;
/// Half the height of the end caps of a span and of an interval, in pixels.
pub const CAP_PX: f32 = 4.0;
/// Fill opacity of the "about" band.
pub const BAND_OPACITY: f32 = 0.16;
/// Fill opacity of the band between a running total's earliest and latest curve.
pub const STEP_BAND_OPACITY: f32 = 0.13;
/// Half the height of an annualised deal's bar at its yearly amount, in pixels.
pub const SPAN_BAR_HALF_PX: f32 = 4.0;
/// The length of an open-ended arrow as a share of the highest value plotted.
pub const ARROW_SHARE: f64 = 0.12;

/// How a marker is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerShape {
    /// A filled disc: a firm claim.
    Disc,
    /// A hollow ring: a tentative claim.
    Ring,
}

/// The marker of a claim of this status.
pub fn marker(style: StatusStyle) -> MarkerShape {
    match style {
        StatusStyle::Firm => MarkerShape::Disc,
        StatusStyle::Tentative => MarkerShape::Ring,
    }
}

/// Whether lines, spans and bar outlines of a claim of this status are dashed.
pub fn dashed(style: StatusStyle) -> bool {
    style == StatusStyle::Tentative
}

/// Fill opacity of a deal's bar: firm bars solid, long (month or year) bars pale so the bars
/// they overlap stay visible, tentative ones faint.
pub fn bar_opacity(style: StatusStyle, long: bool) -> f32 {
    match (style, long) {
        (StatusStyle::Firm, false) => 0.6,
        (StatusStyle::Firm, true) => 0.25,
        (StatusStyle::Tentative, _) => 0.12,
    }
}

/// Whether a bar of this half width (days) counts as long for [`bar_opacity`].
pub fn is_long_bar(half_days: f64) -> bool {
    half_days > 20.0
}

/// The length of open-ended arrows in value units: a share of the chart's highest value.
pub fn arrow_len(data: &ChartData) -> f64 {
    let max = data
        .points()
        .map(|(_, p)| p.y.max_finite())
        .fold(0.0_f64, f64::max);
    (max * ARROW_SHARE).max(f64::MIN_POSITIVE)
}

/// Where the legend and the key go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendPlace {
    /// In a column beside the plot, on its right: never over the data.
    RightColumn,
}

/// The legend's place, in the app and in the exports.
pub const LEGEND_PLACE: LegendPlace = LegendPlace::RightColumn;
/// The side column's width when there is room.
pub const SIDE_COLUMN: f64 = 230.0;
/// The side column's largest share of the whole width: the plot keeps the rest.
pub const SIDE_COLUMN_SHARE: f64 = 0.4;

/// The side column's width for a chart `total` pixels (or points) wide.
pub fn side_column_width(total: f64) -> f64 {
    SIDE_COLUMN.min(total * SIDE_COLUMN_SHARE)
}

/// One plot panel: which series share its value axis, and its heading if it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// A heading over the panel; `None` for a chart of one panel.
    pub title: Option<String>,
    /// Indices of the series drawn in it.
    pub series: Vec<usize>,
}

/// The panels of a chart: one panel in which running totals and deals share one value axis
/// (an export split into "Running total" and "Each deal" looked unlike the window, and people
/// doubted which was right).
pub fn panels(data: &ChartData) -> Vec<Panel> {
    vec![Panel {
        title: None,
        series: (0..data.series.len()).collect(),
    }]
}

/// What the key shows beside each explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyGlyph {
    /// A filled disc.
    Firm,
    /// A hollow ring.
    Tentative,
    /// A line with end caps over a period.
    Span,
    /// An arrow upwards.
    OpenUp,
    /// An arrow downwards.
    OpenDown,
    /// A capped vertical interval.
    Interval,
    /// A soft band.
    Band,
    /// A red ring.
    Contradicted,
}

/// The key's entries this chart needs, in order, with their words ([`super::key`]): only
/// styles that appear in the chart.
pub fn key(data: &ChartData) -> Vec<(KeyGlyph, &'static str)> {
    use super::key as words;
    let styles: Vec<StatusStyle> = data.points().map(|(_, p)| p.style()).collect();
    let shapes: Vec<YShape> = data.points().map(|(_, p)| p.y.shape).collect();
    let mut out = Vec::new();
    if styles.contains(&StatusStyle::Firm) {
        out.push((KeyGlyph::Firm, words::FIRM));
    }
    if styles.contains(&StatusStyle::Tentative) {
        out.push((KeyGlyph::Tentative, words::TENTATIVE));
    }
    if data
        .points()
        .any(|(s, p)| s.mark == Mark::Points && p.x.days() > 1)
    {
        out.push((KeyGlyph::Span, words::SPAN));
    }
    if shapes.contains(&YShape::OpenUp) {
        out.push((KeyGlyph::OpenUp, words::OPEN_UP));
    }
    if shapes.contains(&YShape::OpenDown) {
        out.push((KeyGlyph::OpenDown, words::OPEN_DOWN));
    }
    if shapes.contains(&YShape::Interval) {
        out.push((KeyGlyph::Interval, words::INTERVAL));
    }
    if shapes.contains(&YShape::Band) {
        out.push((KeyGlyph::Band, words::BAND));
    }
    if data.points().any(|(_, p)| p.disagrees) {
        out.push((KeyGlyph::Contradicted, words::CONTRADICTED));
    }
    out
}

/// One legend entry: a series' name, colour and mark.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The series' name.
    pub name: String,
    /// Its colour.
    pub color: Rgb,
    /// How it is drawn (the legend shows a disc, a line or a square).
    pub mark: Mark,
}

/// How one plotted claim is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct PointLook {
    /// The claim.
    pub claim: ClaimId,
    /// Its series' index.
    pub series: usize,
    /// Its series' colour.
    pub color: Rgb,
    /// The series' mark.
    pub mark: Mark,
    /// Its marker for [`Mark::Points`]; bars and running totals have none.
    pub marker: Option<MarkerShape>,
    /// Whether its lines are dashed.
    pub dashed: bool,
    /// Where the marker (or the bar's middle) goes: days, value ([`place::layout`]).
    pub at: [f64; 2],
    /// Its qualifier glyph.
    pub shape: YShape,
    /// Whether it carries the contradiction ring.
    pub ring: bool,
}

/// A chart's whole look as plain data.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLook {
    /// The panels.
    pub panels: Vec<Panel>,
    /// Where the legend goes.
    pub legend_place: LegendPlace,
    /// The legend's entries, in order.
    pub legend: Vec<LegendEntry>,
    /// The key's entries, in order.
    pub key: Vec<(KeyGlyph, &'static str)>,
    /// Every plotted claim, series by series.
    pub points: Vec<PointLook>,
}

/// Describes how `data` is drawn, the one description both renderers follow.
pub fn describe(data: &ChartData) -> ChartLook {
    let at = place::layout(data);
    let mut points = Vec::new();
    for (i, s) in data.series.iter().enumerate() {
        for (k, p) in s.points.iter().enumerate() {
            points.push(PointLook {
                claim: p.claim.clone(),
                series: i,
                color: series_color(i),
                mark: s.mark,
                marker: (s.mark == Mark::Points).then(|| marker(p.style())),
                dashed: dashed(p.style()),
                at: at[i][k],
                shape: p.y.shape,
                ring: p.disagrees,
            });
        }
    }
    ChartLook {
        panels: panels(data),
        legend_place: LEGEND_PLACE,
        legend: data
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| LegendEntry {
                name: s.name.clone(),
                color: series_color(i),
                mark: s.mark,
            })
            .collect(),
        key: key(data),
        points,
    }
}

/// The days the date axis shows: every point's span with a margin of 4% (at least 20 days) on
/// each side; a year from 2025-01-01 for an empty chart.
pub fn x_range(data: &ChartData) -> (f64, f64) {
    use super::scale::day_number;
    let (mut x0, mut x1) = (f64::INFINITY, f64::NEG_INFINITY);
    for (_, p) in data.points() {
        x0 = x0.min(day_number(p.x.start));
        x1 = x1.max(day_number(p.x.end));
    }
    if !x0.is_finite() {
        let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        (x0, x1) = (day_number(start), day_number(start) + 365.0);
    }
    let pad = ((x1 - x0) * 0.04).max(20.0);
    (x0 - pad, x1 + pad)
}

/// The values the value axis shows: from zero (or the lowest value) to a round number above
/// the highest value with room for its arrow, with the round ticks in between.
pub fn y_ticks(data: &ChartData) -> Vec<f64> {
    let (mut y0, mut y1) = (0.0f64, 0.0f64);
    for (_, p) in data.points() {
        y0 = y0.min(p.y.min_finite());
        y1 = y1.max(p.y.max_finite());
    }
    if y1 <= y0 {
        y1 = y0 + 1.0;
    }
    super::scale::nice_ticks(y0, y1 * 1.08, 6)
}

/// The first and last of [`y_ticks`].
pub fn y_range(data: &ChartData) -> (f64, f64) {
    let t = y_ticks(data);
    let (a, b) = (
        t.first().copied().unwrap_or(0.0),
        t.last().copied().unwrap_or(1.0),
    );
    (a, b.max(a + f64::EPSILON))
}
