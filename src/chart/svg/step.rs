//! Running totals in SVG: the shapes of [`crate::chart::step::shape`] (the band between the
//! earliest and latest curve, the curves dashed once a tentative claim counts, a marker per
//! claim, the last total at the right edge), mapped to pixels. The app draws the same shapes.

use super::Frame;
use super::marks::{arrow, open_claim};
use super::writer::Svg;
use crate::chart::data::{ChartData, Series};
use crate::chart::style;
use crate::model::figure::format_value;

/// Draws one step series (its points hold running totals in date order) with its markers at
/// `at` (days, values).
pub(crate) fn step(
    svg: &mut Svg,
    data: &ChartData,
    f: &Frame,
    s: &Series,
    at: &[[f64; 2]],
    c: &str,
) {
    let shape = crate::chart::step::shape(s, at, f.x.d1);
    for [x0, x1, lo, hi] in &shape.band {
        let (a, b) = (f.x.map(*x0), f.x.map(*x1));
        let (top, bottom) = (f.sy(*hi), f.sy(*lo));
        svg.rect(
            a,
            top,
            (b - a).max(0.0),
            bottom - top,
            &format!(
                "fill=\"{c}\" fill-opacity=\"{}\" stroke=\"none\"",
                style::STEP_BAND_OPACITY
            ),
        );
    }
    for (pts, dashed) in &shape.lines {
        let px: Vec<(f64, f64)> = pts.iter().map(|[x, y]| (f.x.map(*x), f.sy(*y))).collect();
        let dash = if *dashed {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        svg.polyline(
            &px,
            &format!(
                "stroke=\"{c}\" stroke-width=\"{}\"{dash} fill=\"none\"",
                style::STEP_WIDTH
            ),
        );
    }
    // One hoverable marker per claim where its step is drawn.
    for (p, (_, [x, y])) in s.points.iter().zip(&shape.markers) {
        open_claim(svg, p);
        let (x, y) = (f.x.map(*x), f.sy(*y));
        svg.rect(x - 3.0, y - 3.0, 6.0, 6.0, &format!("fill=\"{c}\""));
        svg.close();
    }
    let Some((total, open)) = shape.end else {
        return;
    };
    let y = f.sy(total);
    if open {
        arrow(svg, f.right - 12.0, y, -1.0, 14.0, c);
    }
    let unit = if data.per_year { "/yr" } else { "" };
    svg.text(
        f.right - if open { 20.0 } else { 4.0 },
        y - 6.0,
        &format!(
            "{}{}{unit}",
            format_value(total, &data.unit),
            if open { "+" } else { "" }
        ),
        &format!("font-size=\"11\" fill=\"{c}\" text-anchor=\"end\""),
    );
}
