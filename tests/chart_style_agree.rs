//! The app's chart and the SVG/PNG export look alike (issue 18): both follow one description of
//! a chart's look (`chart::style::describe`). For the sample's charts, an annualised variant and
//! a chart with two markers on the very same spot, this test reads what each renderer draws —
//! the app's plot items (`ui::charts::plot::items`, what becomes egui_plot items) and the
//! exported SVG — and checks both against the description and against each other: colour,
//! marker shape and contradiction ring of every claim, the side-by-side order of markers, bar
//! widths, running-total markers, the legend's names and the key's words.

use claimbench::chart::style::{self, MarkerShape};
use claimbench::chart::{ChartData, Mark, RenderOptions, build, render_svg};
use claimbench::model::{ChartSpec, ClaimId, Workspace};
use claimbench::ui::charts::plot::{Item, items};
use std::collections::BTreeMap;

fn sample() -> Workspace {
    claimbench::sample::sample_workspace().expect("sample")
}

/// Every chart the test compares: the sample's two, the commitments chart annualised, and the
/// valuation chart with a second report of its last point on the same day at the same value.
fn charts() -> Vec<(String, ChartData)> {
    let ws = sample();
    let mut out: Vec<(String, ChartData)> = ws
        .charts
        .iter()
        .map(|c| (c.title.clone(), build(&ws, c)))
        .collect();
    let mut yearly = ws
        .charts
        .iter()
        .find(|c| matches!(c.spec, ChartSpec::Commitments { .. }))
        .expect("a commitments chart")
        .clone();
    if let ChartSpec::Commitments { annualised, .. } = &mut yearly.spec {
        *annualised = true;
    }
    out.push(("annualised".into(), build(&ws, &yearly)));
    let mut twin = build(&ws, &ws.charts[0]);
    let s = &mut twin.series[0];
    let mut p = s.points.last().expect("a point").clone();
    p.claim = ClaimId("cl-twin".into());
    p.status = claimbench::model::ClaimStatus::Rumored;
    s.points.push(p);
    out.push(("twin markers".into(), twin));
    out
}

/// What the SVG draws for one claim's marker.
#[derive(Debug, PartialEq)]
struct SvgMark {
    color: String,
    shape: MarkerShape,
    ring: bool,
    cx: f64,
}

fn svg_of(data: &ChartData) -> String {
    render_svg(data, &RenderOptions::new("Test"))
}

/// The markers (r = 5 circles) of the SVG's point series, by claim.
fn svg_marks(doc: &roxmltree::Document<'_>) -> BTreeMap<String, SvgMark> {
    let mut out = BTreeMap::new();
    for series in doc
        .descendants()
        .filter(|n| n.attribute("data-mark") == Some("points"))
    {
        for g in series
            .children()
            .filter(|n| n.attribute("data-claim").is_some())
        {
            let circles: Vec<roxmltree::Node<'_, '_>> =
                g.children().filter(|n| n.has_tag_name("circle")).collect();
            let marker = circles
                .iter()
                .find(|c| c.attribute("r") == Some("5"))
                .expect("a marker");
            let stroke = marker.attribute("stroke").unwrap_or_default().to_owned();
            let fill = marker.attribute("fill").unwrap_or_default();
            out.insert(
                g.attribute("data-claim").unwrap_or_default().to_owned(),
                SvgMark {
                    shape: if fill == stroke {
                        MarkerShape::Disc
                    } else {
                        MarkerShape::Ring
                    },
                    color: stroke,
                    ring: circles.iter().any(|c| c.attribute("r") == Some("9")),
                    cx: marker
                        .attribute("cx")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(f64::NAN),
                },
            );
        }
    }
    out
}

#[test]
fn app_and_export_draw_every_claim_alike() {
    for (title, data) in charts() {
        let look = style::describe(&data);
        let app = items(&data, [1.0, 1.0]);
        let svg = svg_of(&data);
        let doc = roxmltree::Document::parse(&svg).expect("SVG is XML");
        let marks = svg_marks(&doc);
        let rings: Vec<[f64; 2]> = app
            .iter()
            .flat_map(|i| match i {
                Item::Rings { pts } => pts.clone(),
                _ => Vec::new(),
            })
            .collect();
        let mut points = 0;
        for l in look.points.iter().filter(|l| l.mark == Mark::Points) {
            points += 1;
            // The app: a marker item of the description's shape in the series' colour.
            let app_shape = app.iter().find_map(|i| match i {
                Item::Markers { series, pts, shape }
                    if *series == l.series && pts.contains(&l.at) =>
                {
                    Some(*shape)
                }
                _ => None,
            });
            assert_eq!(app_shape, l.marker, "{title}: app marker of {}", l.claim);
            assert_eq!(
                rings.contains(&l.at),
                l.ring,
                "{title}: app ring of {}",
                l.claim
            );
            // The export: the same colour, shape and ring.
            let m = marks
                .get(l.claim.as_str())
                .unwrap_or_else(|| panic!("{title}: {} not in the SVG", l.claim));
            assert_eq!(m.color, l.color.hex(), "{title}: colour of {}", l.claim);
            assert_eq!(m.color, style::series_color(l.series).hex());
            assert_eq!(
                Some(m.shape),
                l.marker,
                "{title}: SVG marker of {}",
                l.claim
            );
            assert_eq!(m.ring, l.ring, "{title}: SVG ring of {}", l.claim);
        }
        // Markers stand in the same left-to-right order in both (two on one spot are set
        // apart in both, the same way round).
        let mut by_app: Vec<(f64, &str)> = look
            .points
            .iter()
            .filter(|l| l.mark == Mark::Points)
            .map(|l| (l.at[0], l.claim.as_str()))
            .collect();
        by_app.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        let mut by_svg: Vec<(f64, &str)> = marks.iter().map(|(k, m)| (m.cx, k.as_str())).collect();
        by_svg.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        let names = |v: &[(f64, &str)]| v.iter().map(|x| x.1.to_owned()).collect::<Vec<_>>();
        assert_eq!(names(&by_app), names(&by_svg), "{title}: marker order");
        for w in by_svg.windows(2) {
            assert!(w[1].0 - w[0].0 > 1.0, "{title}: markers on one spot: {w:?}");
        }
        if title == "twin markers" {
            assert!(points >= 4, "{title}: {points}");
        }
        // Bars: the app's bar rectangles and the export's are the same widths in days (one
        // pixels-per-day scale for every bar of the SVG).
        if !data.per_year {
            let app_bars: Vec<f64> = app
                .iter()
                .filter_map(|i| match i {
                    Item::Fill {
                        rect,
                        outline: Some(_),
                        ..
                    } => Some(rect[1] - rect[0]),
                    _ => None,
                })
                .collect();
            let svg_bars: Vec<f64> = doc
                .descendants()
                .filter(|n| n.attribute("data-mark") == Some("bars"))
                .flat_map(|s| s.descendants().filter(|n| n.has_tag_name("rect")))
                .filter_map(|r| r.attribute("width").and_then(|w| w.parse().ok()))
                .collect();
            assert_eq!(app_bars.len(), svg_bars.len(), "{title}: bars");
            // Drawn in different orders (the SVG puts wide bars behind): compare sorted.
            let (mut app_bars, mut svg_bars) = (app_bars, svg_bars);
            app_bars.sort_by(f64::total_cmp);
            svg_bars.sort_by(f64::total_cmp);
            let scales: Vec<f64> = svg_bars.iter().zip(&app_bars).map(|(s, a)| s / a).collect();
            for s in &scales {
                assert!(
                    (s - scales[0]).abs() < 0.05 * scales[0],
                    "{title}: bar widths differ: {scales:?}"
                );
            }
        }
        // Running totals: a marker per claim in both.
        for (i, s) in data.series.iter().enumerate() {
            if s.mark != Mark::Step {
                continue;
            }
            let app_n = app
                .iter()
                .find_map(|it| match it {
                    Item::StepMarkers { series, pts } if *series == i => Some(pts.len()),
                    _ => None,
                })
                .unwrap_or(0);
            let svg_n = doc
                .descendants()
                .find(|n| n.attribute("data-series") == Some(s.name.as_str()))
                .map(|g| {
                    g.children()
                        .filter(|n| n.attribute("data-claim").is_some())
                        .count()
                })
                .unwrap_or(0);
            assert_eq!(app_n, s.points.len(), "{title}: {}", s.name);
            assert_eq!(svg_n, s.points.len(), "{title}: {}", s.name);
        }
        // The legend: the description's names, in order, in the export's legend column (the
        // app's series list reads the same description).
        let legend: Vec<&str> = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("legend"))
            .expect("a legend")
            .children()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        let names: Vec<&str> = look.legend.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(legend, names, "{title}: legend");
        // The key: the description's words (a long one on two lines in the SVG).
        let key: String = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("style-key"))
            .expect("a key")
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = look.key.iter().map(|(_, w)| *w).collect();
        assert_eq!(key, words.join(" "), "{title}: key");
        // The value axis: the app's grid marks over the same range and height (the default
        // export's plot is 460 pixels tall) carry the export's labels.
        let (y0, y1) = style::y_range(&data);
        let marks = claimbench::ui::charts::axes::value_marks(egui_plot::GridInput {
            bounds: (y0, y1),
            base_step_size: 8.0 * (y1 - y0) / 460.0,
        });
        let suffix = if data.per_year { "/yr" } else { "" };
        let app_labels: Vec<String> = marks
            .iter()
            .map(|m| {
                claimbench::ui::charts::axes::value_label(
                    m.value,
                    m.step_size,
                    &data.unit,
                    data.per_year,
                )
            })
            .collect();
        let svg_labels: Vec<String> = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("axes"))
            .expect("axes")
            .children()
            .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect();
        assert_eq!(app_labels, svg_labels, "{title}: value axis ({suffix})");
        assert_eq!(look.panels.len(), 1, "{title}: one panel");
        assert_eq!(look.legend_place, style::LegendPlace::RightColumn);
    }
}
