//! A scrolled list of rows of different heights where only the rows in view, and a margin of one
//! view above and below, are laid out (short lists are laid out whole). Each row's height is measured when it is drawn and
//! estimated until then, so one scroll bar spans every row of a list of tens of thousands.

/// Lists of at most this many rows are laid out whole, as a plain scrolled list: a screen reader
/// then finds every row of a small workspace's list without scrolling.
pub const LAY_OUT_ALL: usize = 150;

/// Heights and scroll state of a [`VirtualRows`] list.
#[derive(Debug, Default)]
pub struct VirtualRows {
    /// Each row's height with the spacing after it, measured or estimated.
    heights: Vec<f32>,
    /// Where each row starts (`tops[i]`), and the total height last: `heights.len() + 1` values.
    tops: Vec<f32>,
    /// Whether `tops` is behind `heights`.
    stale: bool,
    /// Bring this row to the top of the view, for a few more frames.
    scroll_to: Option<(usize, u8)>,
    /// The rows laid out in the last frame.
    drawn: std::ops::Range<usize>,
}

impl VirtualRows {
    /// Forgets every height: the list now has these rows, with these estimated heights.
    pub fn reset(&mut self, estimates: impl IntoIterator<Item = f32>) {
        self.heights = estimates.into_iter().collect();
        self.stale = true;
        self.drawn = 0..0;
        if self.scroll_to.is_some_and(|(i, _)| i >= self.heights.len()) {
            self.scroll_to = None;
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.heights.len()
    }

    /// Whether the list has no rows.
    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }

    /// Scrolls row `i` to the top of the view on the next frames.
    pub fn scroll_to(&mut self, i: usize) {
        if i < self.heights.len() {
            // Again on the next frames while rows drawn for the first time change heights.
            self.scroll_to = Some((i, 3));
        }
    }

    /// The rows laid out in the last frame (the view plus the margin).
    pub fn drawn(&self) -> std::ops::Range<usize> {
        self.drawn.clone()
    }

    fn update_tops(&mut self) {
        if !self.stale && self.tops.len() == self.heights.len() + 1 {
            return;
        }
        self.tops.clear();
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h;
            self.tops.push(y);
        }
        self.stale = false;
    }

    /// Draws the list in a vertical scroll area: `row(ui, i)` draws row `i` at its place.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        id_salt: &str,
        mut row: impl FnMut(&mut egui::Ui, usize),
    ) {
        self.update_tops();
        let mut area = egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink([false, false]);
        let jump = self.scroll_to.take();
        if let Some((i, _)) = jump {
            area = area.vertical_scroll_offset(self.tops[i]);
        }
        let spacing = ui.spacing().item_spacing.y;
        area.show_viewport(ui, |ui, view| {
            let n = self.heights.len();
            let total = self.tops[n];
            ui.set_height(total);
            let origin = ui.max_rect().min;
            let width = ui.available_width();
            let margin = view.height().max(100.0);
            let (lo, hi) = if n <= LAY_OUT_ALL {
                (0.0, f32::INFINITY)
            } else {
                ((view.min.y - margin).max(0.0), view.max.y + margin)
            };
            // The last row starting at or above `lo`.
            let first = self.tops[..n]
                .partition_point(|&t| t <= lo)
                .saturating_sub(1);
            let mut y = self.tops.get(first).copied().unwrap_or(0.0);
            let mut i = first;
            while i < n && y < hi {
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, y),
                    egui::vec2(width, 10_000.0),
                );
                let drawn = ui.scope_builder(
                    egui::UiBuilder::new()
                        .id_salt(("virtual_row", i))
                        .max_rect(rect)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                    |ui| row(ui, i),
                );
                let h = drawn.response.rect.height() + spacing;
                if (h - self.heights[i]).abs() > 0.5 {
                    self.heights[i] = h;
                    self.stale = true;
                }
                y += h;
                i += 1;
            }
            self.drawn = first..i;
        });
        if self.stale {
            // The estimates were off: draw again with the measured heights (and jump again, as
            // the row's place may have moved).
            ui.ctx().request_repaint();
            if let Some((i, left)) = jump
                && left > 1
            {
                self.scroll_to = Some((i, left - 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(ctx: &egui::Context, rows: &mut VirtualRows, drawn: &mut Vec<usize>) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(400.0, 300.0),
            )),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            rows.show(ui, "test_rows", |ui, i| {
                drawn.push(i);
                // Rows of three heights.
                ui.add_space(10.0 + (i % 3) as f32 * 20.0);
            });
        });
        out.drop_without_applying_deltas();
    }

    #[test]
    fn only_rows_near_the_view_are_laid_out_and_heights_are_measured() {
        let ctx = egui::Context::default();
        let mut rows = VirtualRows::default();
        rows.reset(std::iter::repeat_n(25.0, 10_000));
        let mut drawn = Vec::new();
        frame(&ctx, &mut rows, &mut drawn);
        assert!(drawn.len() < 100, "{} rows drawn", drawn.len());
        assert_eq!(drawn[0], 0);
        let spacing = ctx.global_style().spacing.item_spacing.y;
        for &i in &drawn {
            let want = 10.0 + (i % 3) as f32 * 20.0 + spacing;
            assert!((rows.heights[i] - want).abs() < 0.6, "row {i}");
        }
        // Jump to a late row: it and its neighbours are drawn, the first rows are not.
        rows.scroll_to(9_000);
        for _ in 0..4 {
            drawn.clear();
            frame(&ctx, &mut rows, &mut drawn);
        }
        assert!(drawn.contains(&9_000), "{drawn:?}");
        assert!(!drawn.contains(&0));
        assert!(drawn.len() < 100);
        assert_eq!(rows.drawn(), drawn[0]..drawn[drawn.len() - 1] + 1);
    }
}
