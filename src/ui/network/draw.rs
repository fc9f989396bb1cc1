//! Drawing the money-flow graph with egui's painter: nodes where the force layout puts them
//! ([`super::layout`]), named where no name overlaps another; directed edges
//! with arrowheads and amount labels, width by dollar amount, dashed when no deal on the edge is
//! signed or completed, loop edges in vermillion; a click near an edge selects it.

use crate::analysis::money::{MoneyEdge, MoneyGraph};
use crate::model::EntityId;
use crate::ui::selection::Selection;
use egui::{Align2, Color32, FontId, Pos2, Sense, Shape, Stroke, Vec2};
use std::collections::{BTreeMap, BTreeSet};

/// Okabe–Ito vermillion: the halo under edges on a loop, and loop names in the lists.
pub const CYCLE: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// Okabe–Ito blue: edges without a deal kind.
pub const EDGE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);

/// An edge's colour: the kind of its largest deal, in the colours the Reader, the table and the
/// legend use for claim kinds (investment orange, compute green, chip supply purple…).
pub fn edge_color(e: &MoneyEdge) -> Color32 {
    e.deals
        .iter()
        .max_by(|a, b| a.usd().unwrap_or(0.0).total_cmp(&b.usd().unwrap_or(0.0)))
        .map_or(EDGE, |d| crate::ui::palette::kind_color(d.kind))
}
/// Okabe–Ito bluish green: nodes.
pub const NODE: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);

const NODE_RADIUS: f32 = 7.0;
/// How far the two directions between a pair of nodes are set apart.
const OFFSET: f32 = 5.0;
/// The most characters of a name drawn beside its node (the whole name is in the lists beside
/// the graph): "Amazon.com Incorporated and its subsidiaries…" would cover half the drawing.
const NAME_CHARS: usize = 24;
/// How close (points) a click must be to an edge to pick it.
const PICK: f32 = 8.0;

/// Room left free around the nodes for their names.
const MARGIN: Vec2 = Vec2::new(56.0, 24.0);

/// The flows of `g` as pairs of node indices (the layout's input).
fn links(g: &MoneyGraph) -> Vec<(usize, usize)> {
    g.graph
        .edge_indices()
        .filter_map(|e| g.graph.edge_endpoints(e))
        .map(|(a, b)| (a.index(), b.index()))
        .collect()
}

/// Where the nodes of `g` are drawn in a drawing of `rect`, in graph order: the force layout
/// [`graph_ui`] draws (and caches), for finding a node or an edge on screen.
pub fn node_positions(g: &MoneyGraph, rect: egui::Rect) -> Vec<Pos2> {
    let aspect = super::layout::aspect_in(rect, MARGIN);
    let unit = super::layout::force_layout(g.graph.node_count(), &links(g), aspect);
    super::layout::in_rect(&unit, aspect, rect, MARGIN)
}

/// Line width for an edge: 1.5 for unpriced, up to 8 for the largest dollar amount (by square
/// root, so small flows stay visible).
pub fn edge_width(e: &MoneyEdge, max_usd: f64) -> f32 {
    match e.usd() {
        Some(v) if max_usd > 0.0 => 1.5 + 6.5 * (v / max_usd).sqrt() as f32,
        _ => 1.5,
    }
}

/// The accessible label of the drawing (screen readers, tests).
pub const GRAPH_LABEL: &str = "Money-flow graph";

/// The drawn segment of an edge from node position `a` to `b`: shortened to the node circles and
/// shifted to the right of its direction, so A → B and B → A do not overlap. `None` when the
/// nodes are too close to draw a line.
pub fn segment(a: Pos2, b: Pos2) -> Option<(Pos2, Pos2)> {
    let d = b - a;
    let len = d.length();
    if len < 2.0 * NODE_RADIUS + 4.0 {
        return None;
    }
    let u = d / len;
    let normal = Vec2::new(-u.y, u.x);
    let shift = normal * OFFSET;
    Some((
        a + u * (NODE_RADIUS + 2.0) + shift,
        b - u * (NODE_RADIUS + 2.0) + shift,
    ))
}

/// Where an edge's amount label goes: beside the edge's middle, else further along it or on its
/// other side, at the first place that overlaps no label or node placed before (the middle when
/// every place is taken).
pub fn label_place(p: Pos2, q: Pos2, size: Vec2, placed: &[egui::Rect]) -> egui::Rect {
    let u = (q - p).normalized();
    let normal = Vec2::new(-u.y, u.x);
    // Far enough from the line that the label's half-extent across it clears the stroke.
    let across = (normal.x.abs() * size.x + normal.y.abs() * size.y) * 0.5 + 4.0;
    let at = |t: f32, side: f32| {
        egui::Rect::from_center_size(p + (q - p) * t + normal * across * side, size)
    };
    let tries = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];
    for t in tries {
        for side in [1.0, -1.0] {
            let r = at(t, side);
            if !placed.iter().any(|o| o.intersects(r)) {
                return r;
            }
        }
    }
    at(0.5, 1.0)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t).distance(p)
}

/// Above this many flows the drawing leaves out amounts and dashes (see [`graph_ui`]).
pub const BUSY_EDGES: usize = 150;

/// The most flows drawn (the largest by dollar amount).
pub const MAX_DRAWN: usize = 200;

/// Draws the graph into a new area of `size`; returns the edge clicked this frame.
pub fn graph_ui(
    ui: &mut egui::Ui,
    g: &MoneyGraph,
    sel: &Selection,
    selected: Option<&(EntityId, EntityId)>,
    size: Vec2,
) -> Option<(EntityId, EntityId)> {
    let (resp, painter) = ui.allocate_painter(size, Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Other, true, GRAPH_LABEL));
    let rect = resp.rect;
    painter.rect_stroke(
        rect,
        4.0,
        Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    if g.graph.node_count() == 0 {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "No money flows under these filters",
            FontId::proportional(14.0),
            ui.visuals().weak_text_color(),
        );
        return None;
    }
    // The force layout, computed once per graph and drawing shape (it costs up to tens of
    // milliseconds) and kept in egui's memory.
    let margin = MARGIN;
    let aspect = super::layout::aspect_in(rect, margin);
    let ids: Vec<&EntityId> = g.graph.node_weights().collect();
    let links = links(g);
    let key = egui::Id::new((
        "network-layout",
        &ids,
        &links,
        (aspect * 20.0).round() as i32,
    ));
    let unit = ui
        .ctx()
        .data(|d| d.get_temp::<std::sync::Arc<Vec<[f32; 2]>>>(key));
    let unit = unit.unwrap_or_else(|| {
        let u = std::sync::Arc::new(super::layout::force_layout(ids.len(), &links, aspect));
        ui.ctx().data_mut(|d| d.insert_temp(key, u.clone()));
        u
    });
    let pos: BTreeMap<EntityId, Pos2> = ids
        .iter()
        .map(|id| (*id).clone())
        .zip(super::layout::in_rect(&unit, aspect, rect, margin))
        .collect();
    let on_cycle = &g.on_cycle;
    let max_usd = g.max_usd;
    let text_color = ui.visuals().text_color();
    let font = FontId::proportional(11.0);
    // A crowded graph (hundreds of flows) drops per-edge amounts and dashes: unreadable there,
    // and laying them out cost most of a frame. The selected flow keeps its label.
    let busy = g.graph.edge_count() > BUSY_EDGES;
    // Beyond MAX_DRAWN flows only the largest are drawn (and the selected one): thousands of
    // arrows are a grey disc, and each costs layout and tessellation every frame. The order is
    // the graph's own (`by_usd`, sorted once when it was built).
    let mut shown: Vec<_> = g.by_usd.iter().copied().take(MAX_DRAWN).collect();
    if g.graph.edge_count() > MAX_DRAWN {
        let is_selected = |i: &petgraph::graph::EdgeIndex| {
            selected.is_some_and(|(f, t)| f == &g.graph[*i].from && t == &g.graph[*i].to)
        };
        let extra = g.by_usd[MAX_DRAWN..]
            .iter()
            .copied()
            .find(|i| is_selected(i));
        shown.extend(extra);
        painter.text(
            rect.left_bottom() + Vec2::new(6.0, -6.0),
            Align2::LEFT_BOTTOM,
            format!(
                "{} largest of {} flows drawn",
                MAX_DRAWN,
                g.graph.edge_count()
            ),
            FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
    }
    let crowded = shown.len() < g.graph.edge_count();
    let drawn_nodes: BTreeSet<&EntityId> = shown
        .iter()
        .flat_map(|&i| [&g.graph[i].from, &g.graph[i].to])
        .collect();
    // Names first: each goes beside its node where it overlaps no other name or node; the
    // amount labels then avoid the names too. In a crowded graph only parties of a drawn flow
    // are named.
    let named: Vec<(&EntityId, Pos2)> = pos
        .iter()
        .filter(|(id, _)| !crowded || drawn_nodes.contains(id))
        .map(|(id, p)| (id, *p))
        .collect();
    let name_galleys: Vec<_> = named
        .iter()
        .map(|(id, _)| {
            painter.layout_no_wrap(
                super::layout::short_name(g.name(id), NAME_CHARS),
                FontId::proportional(13.0),
                text_color,
            )
        })
        .collect();
    let name_rects = super::layout::place_names(
        &named.iter().map(|(_, p)| *p).collect::<Vec<_>>(),
        &name_galleys.iter().map(|gl| gl.size()).collect::<Vec<_>>(),
        NODE_RADIUS,
        rect.shrink(2.0),
    );
    let mut segments = Vec::new();
    // Amount labels placed so far (each new one avoids them) and the plate behind each, so a
    // label stays readable over the lines it crosses.
    let mut placed: Vec<egui::Rect> = pos
        .values()
        .map(|p| egui::Rect::from_center_size(*p, Vec2::splat(NODE_RADIUS * 2.0)))
        .chain(name_rects.iter().copied())
        .collect();
    let label_bg = ui.visuals().extreme_bg_color.gamma_multiply(0.85);
    for idx in shown {
        let e = &g.graph[idx];
        let (Some(&a), Some(&b)) = (pos.get(&e.from), pos.get(&e.to)) else {
            continue;
        };
        let Some((p, q)) = segment(a, b) else {
            continue;
        };
        let is_sel = selected.is_some_and(|(f, t)| f == &e.from && t == &e.to);
        let has_sel_claim = sel
            .claim
            .as_ref()
            .is_some_and(|c| e.deals.iter().any(|d| d.claims.contains(c)));
        // The line keeps its kind colour; a loop gets a vermillion halo, the selection one in
        // the text colour (so neither hides the kind).
        let color = edge_color(e);
        let width = edge_width(e, max_usd) + if is_sel { 1.5 } else { 0.0 };
        let stroke = Stroke::new(width, color);
        // Arrowhead: a filled triangle at the payee end; the line stops at its base.
        let u = (q - p).normalized();
        let head = 8.0 + width;
        let base = q - u * head;
        let halo = if is_sel || has_sel_claim {
            Some(ui.visuals().strong_text_color().gamma_multiply(0.6))
        } else if on_cycle.contains(&idx) {
            Some(CYCLE.gamma_multiply(0.45))
        } else {
            None
        };
        if let Some(h) = halo {
            painter.line_segment([p, q], Stroke::new(width + 6.0, h));
        }
        if e.status().is_firm() || busy {
            painter.line_segment([p, base], stroke);
        } else {
            painter.extend(Shape::dashed_line(&[p, base], stroke, 7.0, 4.0));
        }
        let n = Vec2::new(-u.y, u.x) * (head * 0.5);
        painter.add(Shape::convex_polygon(
            vec![q, base + n, base - n],
            color,
            Stroke::NONE,
        ));
        if !busy || is_sel || has_sel_claim {
            let galley = painter.layout_no_wrap(e.amount_text(), font.clone(), text_color);
            let at = label_place(p, q, galley.size(), &placed);
            placed.push(at);
            painter.rect_filled(at.expand(1.0), 2.0, label_bg);
            painter.galley(at.min, galley, text_color);
        }
        segments.push((p, q, (e.from.clone(), e.to.clone())));
    }
    for &p in pos.values() {
        painter.circle_filled(p, NODE_RADIUS, NODE);
    }
    let name_bg = ui.visuals().extreme_bg_color.gamma_multiply(0.7);
    for (galley, at) in name_galleys.into_iter().zip(name_rects) {
        painter.rect_filled(at.expand(1.0), 2.0, name_bg);
        painter.galley(at.min, galley, text_color);
    }
    let click = resp
        .clicked()
        .then(|| resp.interact_pointer_pos())
        .flatten()?;
    segments
        .into_iter()
        .map(|(a, b, k)| (distance_to_segment(click, a, b), k))
        .filter(|(d, _)| *d <= PICK)
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_labels_do_not_overlap() {
        // Two flows between the same nodes in opposite directions, and a third crossing them.
        let (a, b, c) = (
            Pos2::new(0.0, 0.0),
            Pos2::new(200.0, 0.0),
            Pos2::new(100.0, -60.0),
        );
        let size = Vec2::new(40.0, 12.0);
        let mut placed = Vec::new();
        for (p, q) in [(a, b), (b, a), (c, Pos2::new(100.0, 60.0)), (a, b)] {
            let r = label_place(p, q, size, &placed);
            assert!(
                !placed.iter().any(|o: &egui::Rect| o.intersects(r)),
                "{r:?} overlaps {placed:?}"
            );
            placed.push(r);
        }
    }

    #[test]
    fn opposite_edges_are_drawn_apart_and_picked_separately() {
        let (a, b) = (Pos2::new(0.0, 0.0), Pos2::new(200.0, 0.0));
        let (p1, q1) = segment(a, b).unwrap();
        let (p2, q2) = segment(b, a).unwrap();
        assert!((p1.y - p2.y).abs() >= 2.0 * OFFSET - 0.01);
        let click = Pos2::new(100.0, p1.y);
        assert!(distance_to_segment(click, p1, q1) < distance_to_segment(click, q2, p2));
        assert!(
            segment(a, Pos2::new(3.0, 0.0)).is_none(),
            "too short to draw"
        );
    }

    #[test]
    fn edges_take_the_colour_of_their_largest_deal_kind() {
        use crate::model::ClaimKind;
        let ws = crate::sample::sample_workspace().expect("sample");
        let g = MoneyGraph::build(&ws, &Default::default());
        let mut kinds = BTreeSet::new();
        for e in g.graph.edge_weights() {
            let c = edge_color(e);
            let largest = e
                .deals
                .iter()
                .max_by(|a, b| a.usd().unwrap_or(0.0).total_cmp(&b.usd().unwrap_or(0.0)))
                .expect("an edge has deals");
            assert_eq!(c, crate::ui::palette::kind_color(largest.kind));
            kinds.insert(format!("{:?}", largest.kind));
        }
        assert!(
            kinds.len() >= 2,
            "the sample's flows are of several kinds: {kinds:?}"
        );
        assert!(kinds.contains(&format!("{:?}", ClaimKind::Investment)));
    }
}
