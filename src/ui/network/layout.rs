//! Where the Network's nodes and their names go. Nodes are placed by a force-directed layout
//! (Fruchterman–Reingold: linked nodes pull together, every pair pushes apart, the moves shrink
//! step by step), so a hub such as OpenAI sits among its partners with its flows leaving in all
//! directions, instead of every flow crossing a circle into one bundle. The layout is
//! deterministic: no random start (nodes start on a sunflower spiral, the most connected in the
//! middle), a fixed number of steps, no hash-map order; the same graph gives the same picture.
//! Names are then put beside their node where they overlap no other name or node.

use egui::{Pos2, Rect, Vec2};

/// Above this many nodes the pairwise pushes cost too much per layout; the nodes go on an
/// ellipse instead (a graph that large is read through its lists anyway).
pub const MAX_FORCE_NODES: usize = 300;
/// Steps of the force layout.
const STEPS: usize = 300;

/// Positions in the box `[0, aspect] × [0, 1]` (`aspect` = width / height of the drawing) for
/// `n` nodes linked by `edges` (pairs of node indices; self-links and repeats are fine). The
/// result is scaled to fill the box.
pub fn force_layout(n: usize, edges: &[(usize, usize)], aspect: f32) -> Vec<[f32; 2]> {
    let aspect = if aspect.is_finite() {
        aspect.clamp(0.2, 5.0)
    } else {
        1.0
    };
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![[aspect / 2.0, 0.5]];
    }
    let mut links: Vec<(usize, usize)> = edges
        .iter()
        .filter(|(a, b)| a != b && *a < n && *b < n)
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .collect();
    links.sort_unstable();
    links.dedup();
    if n > MAX_FORCE_NODES {
        return ellipse(n, aspect);
    }
    let mut degree = vec![0usize; n];
    for &(a, b) in &links {
        degree[a] += 1;
        degree[b] += 1;
    }
    // Start: the most connected nodes nearest the middle, on a sunflower spiral (even spacing
    // without randomness); ties keep graph order.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(degree[i]));
    let mut pos = vec![[0.0f32; 2]; n];
    let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
    for (rank, &i) in order.iter().enumerate() {
        let r = ((rank as f32 + 0.5) / n as f32).sqrt() * 0.45;
        let a = rank as f32 * golden;
        pos[i] = [aspect / 2.0 + r * aspect * a.cos(), 0.5 + r * a.sin()];
    }
    let k = (aspect / n as f32).sqrt() * 0.9;
    let mut temp = aspect.max(1.0) * 0.12;
    let cool = temp / STEPS as f32;
    let mut disp = vec![[0.0f32; 2]; n];
    for _ in 0..STEPS {
        disp.iter_mut().for_each(|d| *d = [0.0, 0.0]);
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy, d) = apart(pos[i], pos[j], i, j);
                let f = k * k / d;
                disp[i][0] += dx / d * f;
                disp[i][1] += dy / d * f;
                disp[j][0] -= dx / d * f;
                disp[j][1] -= dy / d * f;
            }
        }
        for &(a, b) in &links {
            let (dx, dy, d) = apart(pos[a], pos[b], a, b);
            let f = d * d / k;
            disp[a][0] -= dx / d * f;
            disp[a][1] -= dy / d * f;
            disp[b][0] += dx / d * f;
            disp[b][1] += dy / d * f;
        }
        for i in 0..n {
            let [dx, dy] = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(temp);
                pos[i][0] = (pos[i][0] + dx / len * step).clamp(0.0, aspect);
                pos[i][1] = (pos[i][1] + dy / len * step).clamp(0.0, 1.0);
            }
        }
        temp = (temp - cool).max(temp * 0.02);
    }
    fill_box(&mut pos, aspect);
    pos
}

/// The vector from `q` to `p` and its length, never zero: two nodes on the same spot are set
/// apart in a direction that depends only on their indices.
fn apart(p: [f32; 2], q: [f32; 2], i: usize, j: usize) -> (f32, f32, f32) {
    let (mut dx, mut dy) = (p[0] - q[0], p[1] - q[1]);
    let mut d = (dx * dx + dy * dy).sqrt();
    if d < 1e-4 {
        let a = (i * 7 + j * 13) as f32;
        (dx, dy) = (a.cos() * 1e-3, a.sin() * 1e-3);
        d = 1e-3;
    }
    (dx, dy, d)
}

/// Nodes on an ellipse filling the box, in graph order, starting at the top.
fn ellipse(n: usize, aspect: f32) -> Vec<[f32; 2]> {
    (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU - std::f32::consts::FRAC_PI_2;
            [aspect / 2.0 * (1.0 + a.cos()), 0.5 * (1.0 + a.sin())]
        })
        .collect()
}

/// Stretches the positions so their bounding box is the whole box (a layout that settled in a
/// corner would waste the drawing).
fn fill_box(pos: &mut [[f32; 2]], aspect: f32) {
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for p in pos.iter() {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    for p in pos.iter_mut() {
        p[0] = if x1 - x0 > 1e-6 {
            (p[0] - x0) / (x1 - x0) * aspect
        } else {
            aspect / 2.0
        };
        p[1] = if y1 - y0 > 1e-6 {
            (p[1] - y0) / (y1 - y0)
        } else {
            0.5
        };
    }
}

/// The width / height of the drawing inside `rect` once `margin` is left free at the sides (for
/// the names) and at the top and bottom: the `aspect` to lay out for.
pub fn aspect_in(rect: Rect, margin: Vec2) -> f32 {
    let inner = rect.shrink2(margin);
    (inner.width() / inner.height().max(1.0)).clamp(0.2, 5.0)
}

/// The drawing positions of a [`force_layout`] made for `aspect` inside `rect` less `margin`.
pub fn in_rect(unit: &[[f32; 2]], aspect: f32, rect: Rect, margin: Vec2) -> Vec<Pos2> {
    let inner = rect.shrink2(margin);
    unit.iter()
        .map(|p| {
            Pos2::new(
                inner.left() + p[0] / aspect * inner.width(),
                inner.top() + p[1] * inner.height(),
            )
        })
        .collect()
}

/// `name` cut to at most `max` characters, with an ellipsis when cut.
pub fn short_name(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let mut s: String = name.chars().take(max.saturating_sub(1)).collect();
    s = s.trim_end().to_owned();
    s.push('…');
    s
}

/// Where each node's name goes: below, above, right or left of its node (`radius`), then the
/// corners and a line further out, at the first place that overlaps neither a node nor a name
/// placed before and stays inside `bounds`; when every place is taken, the one overlapping
/// least, moved inside `bounds`. `sizes[i]` is the size of node `i`'s name.
pub fn place_names(nodes: &[Pos2], sizes: &[Vec2], radius: f32, bounds: Rect) -> Vec<Rect> {
    let mut taken: Vec<Rect> = nodes
        .iter()
        .map(|p| Rect::from_center_size(*p, Vec2::splat(radius * 2.0)))
        .collect();
    let mut out = Vec::with_capacity(nodes.len());
    for (&p, &size) in nodes.iter().zip(sizes) {
        let gap = radius + 2.0;
        let (w, h) = (size.x, size.y);
        let spots = [
            Rect::from_min_size(p + Vec2::new(-w / 2.0, gap), size),
            Rect::from_min_size(p + Vec2::new(-w / 2.0, -gap - h), size),
            Rect::from_min_size(p + Vec2::new(gap, -h / 2.0), size),
            Rect::from_min_size(p + Vec2::new(-gap - w, -h / 2.0), size),
            Rect::from_min_size(p + Vec2::new(gap * 0.7, gap * 0.7), size),
            Rect::from_min_size(p + Vec2::new(-gap * 0.7 - w, gap * 0.7), size),
            Rect::from_min_size(p + Vec2::new(gap * 0.7, -gap * 0.7 - h), size),
            Rect::from_min_size(p + Vec2::new(-gap * 0.7 - w, -gap * 0.7 - h), size),
            Rect::from_min_size(p + Vec2::new(-w / 2.0, gap + h), size),
            Rect::from_min_size(p + Vec2::new(-w / 2.0, -gap - 2.0 * h), size),
        ];
        let inside = |r: Rect| {
            let dx = (bounds.left() - r.left()).max(0.0) - (r.right() - bounds.right()).max(0.0);
            let dy = (bounds.top() - r.top()).max(0.0) - (r.bottom() - bounds.bottom()).max(0.0);
            r.translate(Vec2::new(dx, dy))
        };
        let overlap = |r: &Rect| -> f32 {
            taken
                .iter()
                .map(|t| {
                    let i = t.intersect(*r);
                    if i.is_positive() { i.area() } else { 0.0 }
                })
                .sum()
        };
        let free = |r: &Rect| bounds.contains_rect(*r) && overlap(r) == 0.0;
        let at = spots.iter().copied().find(|r| free(r)).unwrap_or_else(|| {
            spots
                .iter()
                .map(|r| inside(*r))
                .min_by(|a, b| overlap(a).total_cmp(&overlap(b)))
                .unwrap_or(spots[0])
        });
        taken.push(at);
        out.push(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn the_same_graph_gets_the_same_layout() {
        let edges = [(0, 1), (0, 2), (0, 3), (3, 4), (4, 0), (5, 0), (6, 5)];
        let a = force_layout(7, &edges, 1.8);
        let b = force_layout(7, &edges, 1.8);
        assert_eq!(a, b);
        assert!(
            a.iter()
                .all(|p| (0.0..=1.8).contains(&p[0]) && (0.0..=1.0).contains(&p[1]))
        );
    }

    #[test]
    fn a_hub_sits_among_its_partners_with_flows_in_every_direction() {
        // OpenAI (0) with eight partners: on a circle every flow crossed to one side of the
        // drawing; here the hub is inside and its flows leave in all directions.
        let edges: Vec<(usize, usize)> = (1..9).map(|i| (i, 0)).collect();
        let p = force_layout(9, &edges, 1.6);
        let centre = [0.8, 0.5];
        assert!(dist(p[0], centre) < 0.25, "hub at {:?}", p[0]);
        let mut angles: Vec<f32> = (1..9)
            .map(|i| (p[i][1] - p[0][1]).atan2(p[i][0] - p[0][0]))
            .collect();
        angles.sort_by(f32::total_cmp);
        let widest_gap = angles
            .windows(2)
            .map(|w| w[1] - w[0])
            .chain([angles[0] + std::f32::consts::TAU - angles[7]])
            .fold(0.0f32, f32::max);
        assert!(
            widest_gap < std::f32::consts::PI * 0.6,
            "flows leave the hub on all sides: {angles:?}"
        );
    }

    #[test]
    fn nodes_are_spread_over_the_drawing() {
        let edges = [
            (0, 1),
            (1, 2),
            (2, 0),
            (3, 0),
            (4, 1),
            (5, 2),
            (6, 0),
            (7, 6),
        ];
        let p = force_layout(8, &edges, 2.0);
        for i in 0..8 {
            for j in i + 1..8 {
                assert!(dist(p[i], p[j]) > 0.12, "{i} and {j} crowd: {p:?}");
            }
        }
        // The layout fills its box, not a corner of it.
        let xs: Vec<f32> = p.iter().map(|q| q[0]).collect();
        assert!(xs.iter().any(|&x| x < 0.05) && xs.iter().any(|&x| x > 1.95));
    }

    #[test]
    fn names_do_not_overlap_each_other_or_nodes() {
        // Four nodes close together, as a crowded corner of a graph would put them.
        let nodes = [
            Pos2::new(100.0, 100.0),
            Pos2::new(130.0, 100.0),
            Pos2::new(100.0, 125.0),
            Pos2::new(160.0, 120.0),
        ];
        let sizes = [Vec2::new(50.0, 14.0); 4];
        let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::splat(400.0));
        let names = place_names(&nodes, &sizes, 7.0, bounds);
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} and {b:?}");
            }
            for n in &nodes {
                assert!(!a.intersects(Rect::from_center_size(*n, Vec2::splat(14.0))));
            }
        }
    }

    #[test]
    fn long_names_are_cut_and_names_stay_inside() {
        assert_eq!(short_name("OpenAI", 24), "OpenAI");
        let cut = short_name("Amazon.com Incorporated and its subsidiaries", 24);
        assert_eq!(cut.chars().count(), 24);
        assert!(cut.ends_with('…'));
        // A node at the drawing's right edge: its name goes to the left, not past the edge.
        let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::new(300.0, 200.0));
        let names = place_names(
            &[Pos2::new(295.0, 100.0)],
            &[Vec2::new(120.0, 14.0)],
            7.0,
            bounds,
        );
        assert!(bounds.contains_rect(names[0]), "{:?}", names[0]);
    }

    #[test]
    fn large_graphs_go_on_an_ellipse() {
        let p = force_layout(MAX_FORCE_NODES + 1, &[(0, 1)], 1.0);
        assert_eq!(p.len(), MAX_FORCE_NODES + 1);
        assert!(
            (p[0][0] - 0.5).abs() < 1e-4 && p[0][1].abs() < 1e-4,
            "starts at the top"
        );
    }
}
