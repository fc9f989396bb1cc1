//! Running totals drawn honestly about fuzzy dates: a deal dated only by month or year may have
//! counted any time within that span, so the total is a band between the curve that counts each
//! deal at the start of its span and the curve that counts it at the end. For day-precision
//! deals the two coincide and the band is a plain step line. A segment is dashed once any
//! tentative claim (rumored, in talks, …) is part of the total.

use super::Frame;
use super::marks::{arrow, open_claim};
use super::writer::Svg;
use crate::chart::data::{ChartData, Series, StatusStyle, YShape};
use crate::model::figure::format_value;
use chrono::NaiveDate;

/// Draws one step series (its points hold running totals in date order).
pub(crate) fn step(svg: &mut Svg, data: &ChartData, f: &Frame, s: &Series, c: &str) {
    // Each point's increment, with the span over which it takes effect.
    let mut prev = 0.0;
    let incs: Vec<(NaiveDate, NaiveDate, f64, bool)> = s
        .points
        .iter()
        .map(|p| {
            let d = p.y.value - prev;
            prev = p.y.value;
            let tentative = p.style() == StatusStyle::Tentative;
            (p.x.start, p.x.end.max(p.x.start), d, tentative)
        })
        .collect();
    let mut breaks: Vec<NaiveDate> = incs.iter().flat_map(|i| [i.0, i.1]).collect();
    breaks.sort();
    breaks.dedup();
    let at = |t: NaiveDate, use_end: bool| -> f64 {
        incs.iter()
            .filter(|i| if use_end { i.1 <= t } else { i.0 <= t })
            .map(|i| i.2)
            .sum()
    };
    let tentative_by = |t: NaiveDate| incs.iter().any(|i| i.0 <= t && i.3);
    // Segment k runs from breaks[k] to the next break (or the plot's right edge).
    let xs: Vec<f64> = breaks.iter().map(|b| f.sx(*b)).collect();
    let early: Vec<f64> = breaks.iter().map(|b| f.sy(at(*b, false))).collect();
    let late: Vec<f64> = breaks.iter().map(|b| f.sy(at(*b, true))).collect();
    let end_x = |k: usize| xs.get(k + 1).copied().unwrap_or(f.right).max(xs[k]);
    let zero = f.sy(0.0);
    // The band between the two curves.
    let mut band: Vec<(f64, f64)> = Vec::new();
    for k in 0..xs.len() {
        band.extend([(xs[k], early[k]), (end_x(k), early[k])]);
    }
    for k in (0..xs.len()).rev() {
        band.extend([(end_x(k), late[k]), (xs[k], late[k])]);
    }
    if early != late {
        svg.polygon(
            &band,
            &format!("fill=\"{c}\" fill-opacity=\"0.13\" stroke=\"none\""),
        );
    }
    // The two edges, segment by segment, dashed once a tentative claim counts.
    for curve in [&early, &late] {
        let mut level = zero;
        for k in 0..xs.len() {
            let style = if tentative_by(breaks[k]) {
                format!(
                    "stroke=\"{c}\" stroke-width=\"2.5\" stroke-dasharray=\"5 3\" fill=\"none\""
                )
            } else {
                format!("stroke=\"{c}\" stroke-width=\"2.5\" fill=\"none\"")
            };
            svg.polyline(
                &[(xs[k], level), (xs[k], curve[k]), (end_x(k), curve[k])],
                &style,
            );
            level = curve[k];
        }
        if early == late {
            break;
        }
    }
    // One hoverable marker per claim where its step begins.
    for p in &s.points {
        open_claim(svg, p);
        let (x, y) = (f.sx(p.x.start), f.sy(p.y.value));
        svg.rect(x - 3.0, y - 3.0, 6.0, 6.0, &format!("fill=\"{c}\""));
        svg.close();
    }
    let Some(last) = s.points.last().filter(|l| l.y.value != 0.0) else {
        return;
    };
    let open = last.y.shape == YShape::OpenUp;
    let y = f.sy(last.y.value);
    if open {
        arrow(svg, f.right - 12.0, y, -1.0, 14.0, c);
    }
    let unit = if data.per_year { "/yr" } else { "" };
    svg.text(
        f.right - if open { 20.0 } else { 4.0 },
        y - 6.0,
        &format!(
            "{}{}{unit}",
            format_value(last.y.value, &data.unit),
            if open { "+" } else { "" }
        ),
        &format!("font-size=\"11\" fill=\"{c}\" text-anchor=\"end\""),
    );
}
