//! Drawing the series: points with date spans and qualifier glyphs, cumulative step lines, and
//! deal bars. Firm claims are solid; tentative ones hollow and dashed. Every plotted claim sits
//! in a `<g data-claim="…">` with a `<title>` tooltip, so the SVG leads back to the claim.

use super::writer::{Svg, escape, num};
use super::{Frame, color};
use crate::chart::data::{ChartData, Mark, Point, Series, StatusStyle, YShape};
use chrono::NaiveDate;

const ARROW: f64 = 22.0;

pub(crate) fn draw(svg: &mut Svg, data: &ChartData, steps: &Frame, others: &Frame) {
    let slots = bar_slots(data, others);
    // Markers at the very same date and value side by side, as the app sets them.
    let apart = crate::chart::place::coincident_slots(data);
    // Bars first (behind), then steps, then points on top.
    // Within a pass, series whose widest span is longest go first, so wide month or year bars
    // never cover narrow day bars.
    let widest = |s: &Series| s.points.iter().map(|p| p.x.days()).max().unwrap_or(0);
    let mut order: Vec<usize> = (0..data.series.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(widest(&data.series[i])));
    for pass in [Mark::Bars, Mark::Step, Mark::Points] {
        for &i in &order {
            let s = &data.series[i];
            if s.mark != pass {
                continue;
            }
            svg.open(&format!(
                "class=\"series\" data-series=\"{}\" data-mark=\"{}\"",
                escape(&s.name),
                mark_name(s.mark)
            ));
            let c = color(i);
            let f = if s.mark == Mark::Step { steps } else { others };
            match s.mark {
                Mark::Points => {
                    for (k, p) in s.points.iter().enumerate() {
                        point(svg, f, p, c, apart[i][k] * MARKER_STEP);
                    }
                }
                Mark::Step => super::step::step(svg, data, f, s, c),
                Mark::Bars if data.per_year => s.points.iter().for_each(|p| span_bar(svg, f, p, c)),
                Mark::Bars => {
                    for (k, p) in s.points.iter().enumerate() {
                        bar(svg, f, p, c, slots[i][k]);
                    }
                }
            }
            svg.close();
        }
    }
}

fn mark_name(m: Mark) -> &'static str {
    match m {
        Mark::Points => "points",
        Mark::Step => "step",
        Mark::Bars => "bars",
    }
}

/// The tooltip text of a point: parties, figure as written, status, date, sources (the claim's
/// id is in the group's `data-claim` attribute, for tools, not in the text people read).
pub fn tooltip(p: &Point) -> String {
    let parties = match (&p.subject, &p.counterparty) {
        (Some(s), Some(c)) => format!("{s} → {c}, "),
        (Some(s), None) => format!("{s}, "),
        (None, Some(c)) => format!("→ {c}, "),
        (None, None) => String::new(),
    };
    let mut t = format!(
        "{parties}{}, {}, {} — sources: {}",
        p.figure_text,
        p.status.label().to_lowercase(),
        p.x.date,
        p.sources.join("; ")
    );
    if !p.same_fact.is_empty() {
        let how = if p.disagrees {
            "figures disagree"
        } else {
            "figures agree"
        };
        t.push_str(&format!(
            " — the same fact as {} ({how})",
            crate::words::count(p.same_fact.len(), "other report")
        ));
    }
    t
}

/// The contradiction mark: a small red diamond.
/// The mark of a point whose reports of one fact disagree: a red ring around the marker, as the
/// app draws it ("Contradicting reports").
pub(crate) fn disagree_mark(svg: &mut Svg, x: f64, y: f64) {
    svg.circle(
        x,
        y,
        9.0,
        "fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"",
    );
}

pub(crate) fn open_claim(svg: &mut Svg, p: &Point) {
    svg.open(&format!("data-claim=\"{}\"", escape(p.claim.as_str())));
    svg.tooltip(&tooltip(p));
}

fn stroke(c: &str, style: StatusStyle, width: f64) -> String {
    match style {
        StatusStyle::Firm => format!(
            "stroke=\"{c}\" stroke-width=\"{}\" fill=\"none\"",
            num(width)
        ),
        StatusStyle::Tentative => format!(
            "stroke=\"{c}\" stroke-width=\"{}\" stroke-dasharray=\"5 3\" fill=\"none\"",
            num(width)
        ),
    }
}

/// A marker: solid disc when firm, hollow dashed ring when tentative.
pub(crate) fn marker(svg: &mut Svg, x: f64, y: f64, c: &str, style: StatusStyle) {
    match style {
        StatusStyle::Firm => svg.circle(x, y, 5.0, &format!("fill=\"{c}\" stroke=\"{c}\"")),
        StatusStyle::Tentative => svg.circle(
            x,
            y,
            5.0,
            &format!("fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\" stroke-dasharray=\"3 2\""),
        ),
    }
}

/// An arrow from `(x, y)` pointing up (`dir = -1`) or down (`dir = 1`).
pub(crate) fn arrow(svg: &mut Svg, x: f64, y: f64, dir: f64, len: f64, c: &str) {
    let tip = y + dir * len;
    svg.line(x, y, x, tip, &format!("stroke=\"{c}\" stroke-width=\"2\""));
    svg.polygon(
        &[
            (x - 4.5, tip - dir * 7.0),
            (x + 4.5, tip - dir * 7.0),
            (x, tip),
        ],
        &format!("fill=\"{c}\""),
    );
}

/// The qualifier glyph at horizontal position `x` spanning `x0..x1` for bands.
fn qualifier(svg: &mut Svg, f: &Frame, p: &Point, x: f64, x0: f64, x1: f64, c: &str) {
    let y = f.sy(p.y.value);
    match p.y.shape {
        YShape::Exact => {}
        YShape::Band => {
            let (a, b) = (x0.min(x - 7.0), x1.max(x + 7.0));
            svg.rect(
                a,
                f.sy(p.y.high),
                b - a,
                f.sy(p.y.low) - f.sy(p.y.high),
                &format!("fill=\"{c}\" fill-opacity=\"0.16\" stroke=\"none\""),
            );
        }
        YShape::Interval => {
            let (hi, lo) = (f.sy(p.y.high), f.sy(p.y.low));
            let st = format!("stroke=\"{c}\" stroke-width=\"2\"");
            svg.line(x, hi, x, lo, &st);
            svg.line(x - 5.0, hi, x + 5.0, hi, &st);
            svg.line(x - 5.0, lo, x + 5.0, lo, &st);
        }
        YShape::OpenUp => arrow(svg, x, f.sy(p.y.low), -1.0, ARROW, c),
        YShape::OpenDown => arrow(svg, x, y, 1.0, ARROW.min((f.bottom - y).max(8.0)), c),
    }
}

/// How far apart (pixels) markers at the same date and value are set: a marker's width and a gap.
const MARKER_STEP: f64 = 13.0;

/// A point's marker and glyphs, moved `dx` pixels to the right of its date (see
/// [`crate::chart::place::coincident_slots`]).
fn point(svg: &mut Svg, f: &Frame, p: &Point, c: &str, dx: f64) {
    open_claim(svg, p);
    let (x0, x1) = (f.sx(p.x.start), f.sx(p.x.end));
    let x = (x0 + x1) / 2.0 + dx;
    let y = f.sy(p.y.value);
    qualifier(svg, f, p, x, x0, x1, c);
    if p.x.days() > 1 {
        // A month or year: the whole span, with end ticks, instead of a made-up day.
        let st = stroke(c, p.style(), 2.0);
        svg.line(x0, y, x1, y, &st);
        svg.line(x0, y - 4.0, x0, y + 4.0, &st);
        svg.line(x1, y - 4.0, x1, y + 4.0, &st);
    }
    marker(svg, x, y, c, p.style());
    if p.disagrees {
        disagree_mark(svg, x, y);
    }
    svg.close();
}

fn bar_style(c: &str, style: StatusStyle) -> String {
    match style {
        StatusStyle::Firm => format!("fill=\"{c}\" fill-opacity=\"0.7\" stroke=\"{c}\""),
        StatusStyle::Tentative => format!(
            "fill=\"{c}\" fill-opacity=\"0.12\" stroke=\"{c}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\""
        ),
    }
}

/// A date span `(start, end)`.
type Span = (NaiveDate, NaiveDate);

/// Where each bar goes, `slots[series][point] = (x, width)`: bars of deals with the same date
/// span share it side by side, or, when it is too narrow, sit next to each other around its
/// centre.
fn bar_slots(data: &ChartData, f: &Frame) -> Vec<Vec<(f64, f64)>> {
    let mut slots: Vec<Vec<(f64, f64)>> = data
        .series
        .iter()
        .map(|s| vec![(0.0, 0.0); s.points.len()])
        .collect();
    let mut groups: Vec<(Span, Vec<(usize, usize)>)> = Vec::new();
    for (i, s) in data.series.iter().enumerate() {
        if s.mark != Mark::Bars {
            continue;
        }
        for (k, p) in s.points.iter().enumerate() {
            let key = (p.x.start, p.x.end);
            match groups.iter_mut().find(|(g, _)| *g == key) {
                Some((_, members)) => members.push((i, k)),
                None => groups.push((key, vec![(i, k)])),
            }
        }
    }
    for ((start, end), members) in groups {
        let n = members.len() as f64;
        let (x0, x1) = (f.sx(start), f.sx(end));
        let (first, w, stride) = if x1 - x0 >= 10.0 * n {
            (x0, (x1 - x0) / n, (x1 - x0) / n)
        } else {
            ((x0 + x1) / 2.0 - (11.0 * n - 1.0) / 2.0, 10.0, 11.0)
        };
        for (j, (i, k)) in members.into_iter().enumerate() {
            slots[i][k] = (first + j as f64 * stride, w);
        }
    }
    slots
}

fn bar(svg: &mut Svg, f: &Frame, p: &Point, c: &str, (x0, w): (f64, f64)) {
    open_claim(svg, p);
    let base = f.sy(0.0);
    let top = f.sy(p.y.value);
    svg.rect(x0, top, w, base - top, &bar_style(c, p.style()));
    qualifier(svg, f, p, x0 + w / 2.0, x0, x0 + w, c);
    if p.disagrees {
        disagree_mark(svg, x0 + w / 2.0, top);
    }
    svg.close();
}

/// Annualised deals: a thick bar at the yearly amount across the whole period.
fn span_bar(svg: &mut Svg, f: &Frame, p: &Point, c: &str) {
    open_claim(svg, p);
    let (x0, x1) = (f.sx(p.x.start), f.sx(p.x.end));
    let y = f.sy(p.y.value);
    svg.rect(
        x0,
        y - 4.0,
        (x1 - x0).max(6.0),
        8.0,
        &bar_style(c, p.style()),
    );
    qualifier(svg, f, p, x0 + 6.0, x0, x1, c);
    svg.close();
}
