//! Drawing the series: points with date spans and qualifier glyphs, cumulative step lines, and
//! deal bars. Firm claims are solid; tentative ones hollow and dashed. Every plotted claim sits
//! in a `<g data-claim="…">` with a `<title>` tooltip, so the SVG leads back to the claim.

use super::Frame;
use super::writer::{Svg, escape, num};
use crate::chart::data::{ChartData, Mark, Point, Series, StatusStyle, YShape};
use crate::chart::style::{self, MarkerShape};

pub(crate) fn draw(svg: &mut Svg, data: &ChartData, f: &Frame) {
    // Where each marker goes (bars of one day side by side, markers at the same date and value
    // set apart) and how it looks: the app follows the same description.
    let look = crate::chart::style::describe(data);
    let at = crate::chart::place::layout(data);
    let up = crate::chart::style::arrow_len(data);
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
            let c = look.legend[i].color.hex();
            let c = c.as_str();
            match s.mark {
                Mark::Points => {
                    for (k, p) in s.points.iter().enumerate() {
                        point(svg, f, p, c, at[i][k], up);
                    }
                }
                Mark::Step => super::step::step(svg, data, f, s, &at[i], c),
                Mark::Bars if data.per_year => {
                    s.points.iter().for_each(|p| span_bar(svg, f, p, c, up))
                }
                Mark::Bars => {
                    for (k, p) in s.points.iter().enumerate() {
                        bar(svg, f, p, c, at[i][k], up);
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

/// A marker: solid disc when firm, hollow ring when tentative ([`style::marker`]).
pub(crate) fn marker(svg: &mut Svg, x: f64, y: f64, c: &str, status: StatusStyle) {
    match style::marker(status) {
        MarkerShape::Disc => svg.circle(x, y, 5.0, &format!("fill=\"{c}\" stroke=\"{c}\"")),
        MarkerShape::Ring => svg.circle(
            x,
            y,
            5.0,
            &format!("fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\""),
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

/// The qualifier glyph at horizontal position `x` (pixels); bands span the point's bar width
/// around its day ([`crate::chart::place::bar_half`]), arrows are `up` value units long.
fn qualifier(svg: &mut Svg, f: &Frame, p: &Point, x: f64, day: f64, c: &str, up: f64) {
    match p.y.shape {
        YShape::Exact => {}
        YShape::Band => {
            let half = crate::chart::place::bar_half(p);
            let (a, b) = (f.x.map(day - half), f.x.map(day + half));
            svg.rect(
                a,
                f.sy(p.y.high),
                b - a,
                f.sy(p.y.low) - f.sy(p.y.high),
                &format!(
                    "fill=\"{c}\" fill-opacity=\"{}\" stroke=\"none\"",
                    style::BAND_OPACITY
                ),
            );
        }
        YShape::Interval => {
            let (hi, lo) = (f.sy(p.y.high), f.sy(p.y.low));
            let cap = f64::from(style::CAP_PX);
            let st = format!("stroke=\"{c}\" stroke-width=\"{}\"", style::SPAN_WIDTH);
            svg.line(x, hi, x, lo, &st);
            svg.line(x - cap, hi, x + cap, hi, &st);
            svg.line(x - cap, lo, x + cap, lo, &st);
        }
        YShape::OpenUp => {
            let from = p.y.low.max(p.y.value);
            let (y0, y1) = (f.sy(from), f.sy(from + up));
            arrow(svg, x, y0, -1.0, (y0 - y1).max(8.0), c);
        }
        YShape::OpenDown => {
            let from = p.y.high.min(p.y.value);
            let (y0, y1) = (f.sy(from), f.sy(from - up));
            arrow(svg, x, y0, 1.0, (y1 - y0).max(8.0), c);
        }
    }
}

/// A point's marker and glyphs at `[day, value]` (see [`crate::chart::place::layout`]).
fn point(svg: &mut Svg, f: &Frame, p: &Point, c: &str, [day, _]: [f64; 2], up: f64) {
    open_claim(svg, p);
    let (x0, x1) = (f.sx(p.x.start), f.sx(p.x.end));
    let x = f.x.map(day);
    let y = f.sy(p.y.value);
    qualifier(svg, f, p, x, day, c, up);
    if p.x.days() > 1 {
        // A month or a year: the whole span, with end caps, instead of a made-up day.
        let st = stroke(c, p.style(), f64::from(style::SPAN_WIDTH));
        let cap = f64::from(style::CAP_PX);
        svg.line(x0, y, x1, y, &st);
        svg.line(x0, y - cap, x0, y + cap, &st);
        svg.line(x1, y - cap, x1, y + cap, &st);
    }
    marker(svg, x, y, c, p.style());
    if p.disagrees {
        disagree_mark(svg, x, y);
    }
    svg.close();
}

fn bar_style(c: &str, status: StatusStyle, long: bool) -> String {
    let opacity = style::bar_opacity(status, long);
    if style::dashed(status) {
        format!(
            "fill=\"{c}\" fill-opacity=\"{opacity}\" stroke=\"{c}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\""
        )
    } else {
        format!("fill=\"{c}\" fill-opacity=\"{opacity}\" stroke=\"{c}\"")
    }
}

/// A deal's bar, centred on `day` and [`crate::chart::place::bar_half`] wide on each side, as
/// the app draws it (bars reported the same day already set side by side in `day`).
fn bar(svg: &mut Svg, f: &Frame, p: &Point, c: &str, [day, _]: [f64; 2], up: f64) {
    open_claim(svg, p);
    let half = crate::chart::place::bar_half(p);
    let (x0, x1) = (f.x.map(day - half), f.x.map(day + half));
    let base = f.sy(0.0);
    let top = f.sy(p.y.value);
    svg.rect(
        x0,
        top,
        (x1 - x0).max(2.0),
        base - top,
        &bar_style(c, p.style(), style::is_long_bar(half)),
    );
    let x = f.x.map(day);
    qualifier(svg, f, p, x, day, c, up);
    if p.disagrees {
        disagree_mark(svg, x, top);
    }
    svg.close();
}

/// Annualised deals: a thick bar at the yearly amount across the whole period.
fn span_bar(svg: &mut Svg, f: &Frame, p: &Point, c: &str, up: f64) {
    open_claim(svg, p);
    let (x0, x1) = (f.sx(p.x.start), f.sx(p.x.end));
    let y = f.sy(p.y.value);
    let h = f64::from(style::SPAN_BAR_HALF_PX);
    svg.rect(
        x0,
        y - h,
        (x1 - x0).max(6.0),
        2.0 * h,
        &bar_style(c, p.style(), false),
    );
    let day = crate::chart::place::marker_xy(p)[0];
    qualifier(svg, f, p, f.x.map(day), day, c, up);
    svg.close();
}
