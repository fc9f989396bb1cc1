//! The chart key beside the plot: small painted samples of the marks the chart uses (firm and
//! tentative markers, period spans, qualifier glyphs, contradiction rings) with their meaning,
//! the entries and glyphs of the export's legend. Painted rather than typed so no glyph depends
//! on the font.

use crate::chart::style::{self, KeyGlyph};
use crate::chart::{ChartData, Mark};
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2, pos2, vec2};

/// Draws the key of `data`: the entries the export's legend shows, in its order and words
/// ([`style::key`]), with the same glyphs.
pub fn key_ui(ui: &mut egui::Ui, data: &ChartData) {
    let color = ui.visuals().strong_text_color();
    for (glyph, text) in style::key(data) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(26.0, 16.0), Sense::hover());
            paint(ui.painter(), rect, glyph, color);
            // Wraps in a narrow column (a label in a row would run past the column's edge and
            // push the column over the plot).
            ui.add(egui::Label::new(text).wrap());
        });
    }
}

/// The legend's sample of a series: a disc for points, a line for running totals, a square
/// for bars, as the export's legend draws them.
pub fn paint_series(p: &egui::Painter, r: Rect, mark: Mark, color: Color32) {
    let c = r.center();
    match mark {
        Mark::Points => {
            p.circle_filled(c, style::MARKER_RADIUS, color);
        }
        Mark::Step => {
            p.line_segment(
                [pos2(r.left(), c.y), pos2(r.right(), c.y)],
                Stroke::new(style::STEP_WIDTH, color),
            );
        }
        Mark::Bars => {
            p.rect_filled(Rect::from_center_size(c, vec2(11.0, 11.0)), 1.0, color);
        }
    }
}

fn paint(p: &egui::Painter, r: Rect, glyph: KeyGlyph, color: Color32) {
    let c = r.center();
    let stroke = Stroke::new(style::SPAN_WIDTH, color);
    match glyph {
        KeyGlyph::Firm => {
            p.circle_filled(c, style::MARKER_RADIUS, color);
        }
        KeyGlyph::Tentative => {
            p.circle_filled(c, style::MARKER_RADIUS, ui_bg(p));
            p.circle_stroke(c, style::MARKER_RADIUS, stroke);
        }
        KeyGlyph::Span => {
            let (l, rr) = (c.x - 8.0, c.x + 8.0);
            p.line_segment([pos2(l, c.y), pos2(rr, c.y)], stroke);
            for x in [l, rr] {
                p.line_segment([pos2(x, c.y - 4.0), pos2(x, c.y + 4.0)], stroke);
            }
        }
        KeyGlyph::OpenUp => arrow(p, c + vec2(0.0, 6.0), -12.0, stroke),
        KeyGlyph::OpenDown => arrow(p, c - vec2(0.0, 6.0), 12.0, stroke),
        KeyGlyph::Interval => {
            let (top, bottom) = (c.y - 6.0, c.y + 6.0);
            p.line_segment([pos2(c.x, top), pos2(c.x, bottom)], stroke);
            for y in [top, bottom] {
                p.line_segment([pos2(c.x - 4.0, y), pos2(c.x + 4.0, y)], stroke);
            }
        }
        KeyGlyph::Band => {
            let band = Rect::from_center_size(c, vec2(14.0, 12.0));
            p.rect_filled(band, 0.0, color.gamma_multiply(0.3));
        }
        KeyGlyph::Contradicted => {
            let r = style::RING;
            p.circle_stroke(
                c,
                style::RING_RADIUS,
                Stroke::new(2.0, Color32::from_rgb(r.0, r.1, r.2)),
            );
        }
    }
}

fn ui_bg(p: &egui::Painter) -> Color32 {
    p.ctx().global_style().visuals.panel_fill
}

fn arrow(p: &egui::Painter, from: Pos2, dy: f32, stroke: Stroke) {
    p.arrow(from, Vec2::new(0.0, dy), stroke);
}
