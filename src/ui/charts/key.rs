//! The chart key beside the plot: small painted samples of each mark (firm and tentative
//! markers, period spans, qualifier glyphs, contradiction rings) with their meaning. Painted
//! rather than typed so no glyph depends on the font.

use crate::chart::key;
use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

/// One entry of the key: what its sample shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sample {
    /// A filled marker.
    Firm,
    /// A hollow marker on a dashed line.
    Tentative,
    /// A horizontal bar over a period.
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

/// The key's entries and their texts (the exports' legend uses the same words).
pub const ENTRIES: [(Sample, &str); 8] = [
    (Sample::Firm, key::FIRM),
    (Sample::Tentative, key::TENTATIVE),
    (Sample::Span, key::SPAN),
    (Sample::OpenUp, key::OPEN_UP),
    (Sample::OpenDown, key::OPEN_DOWN),
    (Sample::Interval, key::INTERVAL),
    (Sample::Band, key::BAND),
    (Sample::Contradicted, key::CONTRADICTED),
];

/// Draws the key.
pub fn key_ui(ui: &mut egui::Ui) {
    let color = ui.visuals().strong_text_color();
    for (sample, text) in ENTRIES {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(26.0, 16.0), Sense::hover());
            paint(ui.painter(), rect, sample, color);
            // Wraps in a narrow column (a label in a row would run past the column's edge and
            // push the column over the plot).
            ui.add(egui::Label::new(text).wrap());
        });
    }
}

fn paint(p: &egui::Painter, r: Rect, sample: Sample, color: Color32) {
    let c = r.center();
    let stroke = Stroke::new(1.5, color);
    match sample {
        Sample::Firm => {
            p.line_segment([pos2(r.left(), c.y), pos2(r.right(), c.y)], stroke);
            p.circle_filled(c, 4.5, color);
        }
        Sample::Tentative => {
            let line = [pos2(r.left(), c.y), pos2(r.right(), c.y)];
            p.extend(Shape::dashed_line(&line, stroke, 3.0, 2.0));
            p.circle_filled(c, 4.5, ui_bg(p));
            p.circle_stroke(c, 4.5, stroke);
        }
        Sample::Span => {
            p.line_segment(
                [pos2(r.left(), c.y), pos2(r.right(), c.y)],
                Stroke::new(3.0, color.gamma_multiply(0.7)),
            );
            p.circle_filled(c, 3.5, color);
        }
        Sample::OpenUp => arrow(p, c + vec2(0.0, 6.0), -12.0, stroke),
        Sample::OpenDown => arrow(p, c - vec2(0.0, 6.0), 12.0, stroke),
        Sample::Interval => {
            let (top, bottom) = (c.y - 7.0, c.y + 7.0);
            p.line_segment([pos2(c.x, top), pos2(c.x, bottom)], stroke);
            for y in [top, bottom] {
                p.line_segment([pos2(c.x - 4.0, y), pos2(c.x + 4.0, y)], stroke);
            }
        }
        Sample::Band => {
            let band = Rect::from_center_size(c, vec2(18.0, 12.0));
            p.rect_filled(band, 0.0, color.gamma_multiply_u8(60));
            p.circle_filled(c, 3.5, color);
        }
        Sample::Contradicted => {
            p.circle_filled(c, 3.5, color);
            p.circle_stroke(c, 7.0, Stroke::new(1.5, Color32::from_rgb(214, 39, 40)));
        }
    }
}

fn ui_bg(p: &egui::Painter) -> Color32 {
    p.ctx().global_style().visuals.panel_fill
}

fn arrow(p: &egui::Painter, from: Pos2, dy: f32, stroke: Stroke) {
    p.arrow(from, Vec2::new(0.0, dy), stroke);
}
