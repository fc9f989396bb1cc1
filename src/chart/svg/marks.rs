//! Drawing the series: points with date spans and qualifier glyphs, cumulative step lines, and
//! deal bars. Firm claims are solid; tentative ones hollow and dashed. Every plotted claim sits
//! in a `<g data-claim="…">` with a `<title>` tooltip, so the SVG leads back to the claim.

use super::writer::{Svg, escape, num};
use super::{Frame, color};
use crate::chart::data::{ChartData, Mark, Point, Series, StatusStyle, YShape};
use crate::model::figure::format_value;

const ARROW: f64 = 22.0;

pub(crate) fn draw(svg: &mut Svg, data: &ChartData, steps: &Frame, others: &Frame) {
    let mut bar_right = f64::NEG_INFINITY;
    // Bars first (behind), then steps, then points on top.
    for pass in [Mark::Bars, Mark::Step, Mark::Points] {
        for (i, s) in data.series.iter().enumerate() {
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
                Mark::Points => s.points.iter().for_each(|p| point(svg, f, p, c)),
                Mark::Step => step(svg, data, f, s, c),
                Mark::Bars if data.per_year => s.points.iter().for_each(|p| span_bar(svg, f, p, c)),
                Mark::Bars => s
                    .points
                    .iter()
                    .for_each(|p| bar(svg, f, p, c, &mut bar_right)),
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

/// The tooltip text of a point: claim, parties, figure as written, status, date, sources.
pub fn tooltip(p: &Point) -> String {
    let parties = match (&p.subject, &p.counterparty) {
        (Some(s), Some(c)) => format!("{s} → {c}, "),
        (Some(s), None) => format!("{s}, "),
        (None, Some(c)) => format!("→ {c}, "),
        (None, None) => String::new(),
    };
    format!(
        "{}: {parties}{}, {}, {} — sources: {}",
        p.claim,
        p.figure_text,
        p.status.label().to_lowercase(),
        p.x.date,
        p.sources.join("; ")
    )
}

fn open_claim(svg: &mut Svg, p: &Point) {
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

fn point(svg: &mut Svg, f: &Frame, p: &Point, c: &str) {
    open_claim(svg, p);
    let (x0, x1) = (f.sx(p.x.start), f.sx(p.x.end));
    let x = (x0 + x1) / 2.0;
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
    svg.close();
}

fn step(svg: &mut Svg, data: &ChartData, f: &Frame, s: &Series, c: &str) {
    let mut level = f.sy(0.0);
    let mut prev_x: Option<f64> = None;
    for (k, p) in s.points.iter().enumerate() {
        open_claim(svg, p);
        let (x0, x1) = (f.sx(p.x.start), f.sx(p.x.end).max(f.sx(p.x.start)));
        let y = f.sy(p.y.value);
        let next = s.points.get(k + 1).map_or(f.right, |n| f.sx(n.x.start));
        let st = stroke(c, p.style(), 2.5);
        let mut pts = Vec::new();
        if let Some(px) = prev_x {
            pts.push((px, level));
        }
        // A ramp across the date span: the total rises some time within the month or year.
        pts.extend([(x0, level), (x1, y), (next.max(x1), y)]);
        svg.polyline(&pts, &st);
        svg.rect(x1 - 3.0, y - 3.0, 6.0, 6.0, &format!("fill=\"{c}\""));
        if p.y.shape == YShape::OpenUp && k + 1 == s.points.len() {
            arrow(svg, next.max(x1) - 12.0, y, -1.0, 14.0, c);
        }
        svg.close();
        level = y;
        prev_x = Some(next.max(x1));
    }
    if let Some(last) = s.points.last().filter(|l| l.y.value != 0.0) {
        let unit = if data.per_year { "/yr" } else { "" };
        let open = if last.y.shape == YShape::OpenUp {
            "+"
        } else {
            ""
        };
        let gap = if last.y.shape == YShape::OpenUp {
            20.0
        } else {
            4.0
        };
        svg.text(
            f.right - gap,
            f.sy(last.y.value) - 6.0,
            &format!("{}{open}{unit}", format_value(last.y.value, &data.unit)),
            &format!("font-size=\"11\" fill=\"{c}\" text-anchor=\"end\""),
        );
    }
}

fn bar_style(c: &str, style: StatusStyle) -> String {
    match style {
        StatusStyle::Firm => format!("fill=\"{c}\" fill-opacity=\"0.7\" stroke=\"{c}\""),
        StatusStyle::Tentative => format!(
            "fill=\"{c}\" fill-opacity=\"0.12\" stroke=\"{c}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\""
        ),
    }
}

fn bar(svg: &mut Svg, f: &Frame, p: &Point, c: &str, right: &mut f64) {
    open_claim(svg, p);
    let mut x0 = f.sx(p.x.start);
    let w = (f.sx(p.x.end) - x0).max(10.0);
    if x0 < *right + 1.0 && x0 > *right - w {
        x0 = *right + 1.0; // dodge a bar on the same days
    }
    *right = x0 + w;
    let base = f.sy(0.0);
    let top = f.sy(p.y.value);
    svg.rect(x0, top, w, base - top, &bar_style(c, p.style()));
    qualifier(svg, f, p, x0 + w / 2.0, x0, x0 + w, c);
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
