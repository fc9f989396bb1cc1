//! The plotted data of a chart: series of points with honest x spans and y intervals, their
//! status styling, and the claims that could not be plotted with the reason why.
//!
//! These types are what [`super::series::build`] produces and what every view (SVG/PNG export,
//! CSV export, the GUI's Charts tab) reads. They hold no drawing state.

use crate::model::{ChartId, ClaimId, ClaimStatus, DatePrecision, FuzzyDate, Qualifier, Unit};
use chrono::NaiveDate;

/// Everything needed to draw, export or hover one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// The chart's id.
    pub chart_id: ChartId,
    /// The chart's title.
    pub title: String,
    /// The unit of the Y axis (one unit per axis, never mixed).
    pub unit: Unit,
    /// Whether Y values are yearly amounts (annualised commitments).
    pub per_year: bool,
    /// Y axis label (`Valuation (USD)`).
    pub y_label: String,
    /// X axis label.
    pub x_label: String,
    /// The series, in legend order.
    pub series: Vec<Series>,
    /// Claims the chart selects but cannot plot, with the reason.
    pub not_plotted: Vec<NotPlotted>,
    /// Distinct claims plotted, in first-plotted order.
    pub claims: Vec<ClaimId>,
    /// Distinct independent origins (reporters) behind the plotted claims, sorted.
    pub sources: Vec<String>,
}

impl ChartData {
    /// Whether no series has a point.
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.points.is_empty())
    }

    /// All points of all series.
    pub fn points(&self) -> impl Iterator<Item = (&Series, &Point)> {
        self.series
            .iter()
            .flat_map(|s| s.points.iter().map(move |p| (s, p)))
    }
}

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// One marker per claim (valuations, any figure).
    Points,
    /// A cumulative step line: each point's `y.value` is the running total after its claim.
    Step,
    /// One bar per claim (a deal), spanning its x span.
    Bars,
}

/// One named series.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Legend name (`OpenAI`, `By OpenAI, cumulative`, `Amazon`).
    pub name: String,
    /// How it is drawn.
    pub mark: Mark,
    /// Its points, sorted by date.
    pub points: Vec<Point>,
}

/// One plotted claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The claim behind the point.
    pub claim: ClaimId,
    /// When.
    pub x: XSpan,
    /// How much.
    pub y: YValue,
    /// How firm the claim is.
    pub status: ClaimStatus,
    /// The figure as the claim states it (`at least $10B`, `$38B over 7 years`).
    pub figure_text: String,
    /// The claim's subject name, if any.
    pub subject: Option<String>,
    /// The other party's name, if any.
    pub counterparty: Option<String>,
    /// Independent origins of this claim's evidence, sorted.
    pub sources: Vec<String>,
    /// Other plotted claims that report the same fact (see [`super::same_fact`]).
    pub same_fact: Vec<ClaimId>,
    /// Whether one of those states a different value: the reports contradict each other.
    pub disagrees: bool,
}

impl Point {
    /// The drawing style of the point's status.
    pub fn style(&self) -> StatusStyle {
        StatusStyle::of(self.status)
    }
}

/// A time span on the X axis: a day, or the whole month or year a fuzzy date stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XSpan {
    /// The stated date.
    pub date: FuzzyDate,
    /// First day covered.
    pub start: NaiveDate,
    /// Day after the last day covered (exclusive end).
    pub end: NaiveDate,
}

impl XSpan {
    /// The span a fuzzy date stands for.
    pub fn of(date: FuzzyDate) -> Self {
        let start = date.first_day();
        let last = date.last_day();
        Self {
            date,
            start,
            end: last.succ_opt().unwrap_or(last),
        }
    }

    /// A span between two days (`end` exclusive) that keeps `date` as its stated date.
    pub fn between(date: FuzzyDate, start: NaiveDate, end: NaiveDate) -> Self {
        Self { date, start, end }
    }

    /// The stated precision.
    pub fn precision(&self) -> DatePrecision {
        self.date.precision()
    }

    /// Length in days (1 for a day).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days().max(1)
    }
}

/// How a Y value's uncertainty is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YShape {
    /// A plain value.
    Exact,
    /// "about": a soft band from `low` to `high`.
    Band,
    /// A closed range from `low` to `high`.
    Interval,
    /// "at least" / "more than" / an open range: open upwards from `low`.
    OpenUp,
    /// "up to": open downwards from `value`.
    OpenDown,
}

/// A Y value with the interval its qualifier stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YValue {
    /// Where the marker goes: the stated number or a range's midpoint (or a running total).
    pub value: f64,
    /// Lower end of the interval.
    pub low: f64,
    /// Upper end; infinite when open upwards.
    pub high: f64,
    /// The qualifier as stated.
    pub qualifier: Qualifier,
    /// How to draw it.
    pub shape: YShape,
}

impl YValue {
    /// A plain value (running totals, annualised sums).
    pub fn exact(v: f64) -> Self {
        Self {
            value: v,
            low: v,
            high: v,
            qualifier: Qualifier::Exact,
            shape: YShape::Exact,
        }
    }

    /// The largest finite number the value reaches (for axis bounds).
    pub fn max_finite(&self) -> f64 {
        if self.high.is_finite() {
            self.high.max(self.value)
        } else {
            self.value.max(self.low)
        }
    }

    /// The smallest number the value reaches.
    pub fn min_finite(&self) -> f64 {
        self.low.min(self.value)
    }
}

/// How a status is drawn: firm claims solid, talk and projections hollow and dashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusStyle {
    /// Signed, completed or announced by a party: solid marker, solid line.
    Firm,
    /// Rumored, in talks, letter of intent, forecast or unknown: hollow marker, dashed line.
    Tentative,
}

impl StatusStyle {
    /// The style of a status.
    pub fn of(status: ClaimStatus) -> Self {
        match status {
            ClaimStatus::Signed | ClaimStatus::Completed | ClaimStatus::Announced => Self::Firm,
            _ => Self::Tentative,
        }
    }
}

/// A claim the chart selects but does not plot.
#[derive(Clone, Debug, PartialEq)]
pub struct NotPlotted {
    /// The claim.
    pub claim: ClaimId,
    /// Why.
    pub reason: Reason,
}

/// Why a selected claim is not plotted.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The claim states no figure.
    NoFigure,
    /// The claim has no date: none of its own and no dated document.
    NoDate,
    /// The figure's unit is not the axis unit.
    OtherUnit {
        /// The claim's unit.
        unit: Unit,
        /// The axis unit.
        axis: Unit,
    },
    /// A party denied it.
    Denied,
    /// Annualised view, but the claim states no period to spread it over.
    NoPeriod,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::NoFigure => f.write_str("no figure"),
            Reason::NoDate => f.write_str("no date"),
            Reason::OtherUnit { unit, axis } => write!(f, "unit {unit}, axis is {axis}"),
            Reason::Denied => f.write_str("denied by a party"),
            Reason::NoPeriod => f.write_str("no period to annualise over"),
        }
    }
}
