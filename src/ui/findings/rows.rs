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
    /// The same heights in a Fenwick tree: where a row starts, and which row is at a given
    /// height, in O(log n) after a row's height changes (a prefix sum over 150,000 rows each
    /// time rows were measured cost a large part of a frame).
    sums: Fenwick,
    /// Bring this row to the top of the view, for a few more frames.
    scroll_to: Option<(usize, u8)>,
    /// The rows laid out in the last frame.
    drawn: std::ops::Range<usize>,
}

/// Sums of row heights (1-based Fenwick tree, f64 so that 100,000 rows add up exactly enough).
#[derive(Debug, Default)]
struct Fenwick(Vec<f64>);

impl Fenwick {
    fn new(values: &[f32]) -> Self {
        let mut t = vec![0.0; values.len() + 1];
        for (i, v) in values.iter().enumerate() {
            let i = i + 1;
            t[i] += f64::from(*v);
            let parent = i + (i & i.wrapping_neg());
            if parent < t.len() {
                t[parent] += t[i];
            }
        }
        Self(t)
    }

    fn add(&mut self, i: usize, delta: f64) {
        let mut i = i + 1;
        while i < self.0.len() {
            self.0[i] += delta;
            i += i & i.wrapping_neg();
        }
    }

    /// The sum of the first `n` values: where row `n` starts.
    fn prefix(&self, n: usize) -> f32 {
        let mut i = n.min(self.0.len().saturating_sub(1));
        let mut s = 0.0;
        while i > 0 {
            s += self.0[i];
            i -= i & i.wrapping_neg();
        }
        s as f32
    }

    /// The largest `n` whose prefix sum is at most `y`: the row at height `y`.
    fn row_at(&self, y: f32) -> usize {
        let n = self.0.len().saturating_sub(1);
        let (mut pos, mut rest) = (0usize, f64::from(y));
        let mut step = n.checked_next_power_of_two().unwrap_or(0);
        while step > 0 {
            if pos + step <= n && self.0[pos + step] <= rest {
                pos += step;
                rest -= self.0[pos];
            }
            step /= 2;
        }
        pos
    }
}

impl VirtualRows {
    /// Forgets every height: the list now has these rows, with these estimated heights.
    pub fn reset(&mut self, estimates: impl IntoIterator<Item = f32>) {
        self.heights = estimates.into_iter().collect();
        self.sums = Fenwick::new(&self.heights);
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

    /// Draws the list in a vertical scroll area: `row(ui, i)` draws row `i` at its place.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        id_salt: &str,
        mut row: impl FnMut(&mut egui::Ui, usize),
    ) {
        let mut area = egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink([false, false]);
        let jump = self.scroll_to.take();
        if let Some((i, _)) = jump {
            area = area.vertical_scroll_offset(self.sums.prefix(i));
        }
        let spacing = ui.spacing().item_spacing.y;
        let mut stale = false;
        area.show_viewport(ui, |ui, view| {
            let n = self.heights.len();
            let total = self.sums.prefix(n);
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
            let first = self.sums.row_at(lo).min(n.saturating_sub(1));
            let mut y = self.sums.prefix(first);
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
                    self.sums.add(i, f64::from(h - self.heights[i]));
                    self.heights[i] = h;
                    stale = true;
                }
                y += h;
                i += 1;
            }
            self.drawn = first..i;
        });
        if stale {
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
    fn row_sums_follow_height_changes() {
        let mut heights: Vec<f32> = (0..1000).map(|i| (i % 7) as f32 + 1.0).collect();
        let mut f = Fenwick::new(&heights);
        let check = |f: &Fenwick, heights: &[f32]| {
            let mut top = 0.0f32;
            for (i, h) in heights.iter().enumerate() {
                assert!((f.prefix(i) - top).abs() < 1e-3, "prefix {i}");
                assert_eq!(f.row_at(top), i, "row at the top of {i}");
                assert_eq!(f.row_at(top + h * 0.5), i, "row in the middle of {i}");
                top += h;
            }
            assert_eq!(f.row_at(top + 10.0), heights.len());
        };
        check(&f, &heights);
        for i in [0, 1, 511, 512, 999] {
            f.add(i, 40.0);
            heights[i] += 40.0;
        }
        check(&f, &heights);
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
