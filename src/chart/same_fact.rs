//! Plotted reports of the same fact. Whether two claims state one fact is the report's rule,
//! [`crate::analysis::facts::same_fact`] (kind, parties rolled up to their parents, period, unit,
//! and dates compatible for the kind), applied pair by pair to the plotted claims: the chart, its
//! CSV (`same_fact_as`), the report's duplicate candidates and the findings therefore always pair
//! the same claims (`tests/surfaces_agree.rs`). Outlets often report one deal with different
//! figures ("at least $10B", "$100B"); such points are marked as disagreeing on the chart, and a
//! running total counts each fact once.
//!
//! The rule is a heuristic: two genuinely different deals between the same parties within a month
//! are also taken as one fact. The CSV export names the pairing so an analyst can see it.

use super::data::{Point, YShape};
use crate::analysis::facts::FactIndex;
use crate::model::{ClaimId, Workspace};
use std::collections::HashMap;

/// Relative difference of stated values above which two reports of one fact disagree.
pub const DISAGREE: f64 = 0.05;

/// Whether two reports disagree: their stated values differ by more than [`DISAGREE`], unless
/// both are bounded (exact, about, a closed range) and their intervals overlap ("about $750B"
/// fits "$750–830B"). Open-ended figures are compared by their stated number, so "at least
/// $10B" and "$100B" are flagged: they describe one deal very differently.
pub fn disagree(a: &Point, b: &Point) -> bool {
    let (x, y) = (a.y.value, b.y.value);
    if (x - y).abs() <= DISAGREE * x.abs().max(y.abs()) {
        return false;
    }
    let bounded = |p: &Point| matches!(p.y.shape, YShape::Exact | YShape::Band | YShape::Interval);
    let overlap = a.y.low <= b.y.high && b.y.low <= a.y.high;
    !(bounded(a) && bounded(b) && overlap)
}

/// The pairs `(i, j)`, `i < j`, of points whose claims state the same fact
/// ([`crate::analysis::facts::same_fact`]); indices into `points`. Claims are compared through
/// one [`FactIndex`], so only claims with the same kind and parties are ever paired.
fn same_pairs(ws: &Workspace, points: &[&Point]) -> Vec<(usize, usize)> {
    let mut at = Vec::with_capacity(points.len());
    let mut claims = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        if let Some(c) = ws.claim(&p.claim) {
            at.push(i);
            claims.push(c);
        }
    }
    FactIndex::new(ws, claims)
        .same_pairs()
        .into_iter()
        .map(|(x, y)| (at[x], at[y]))
        .collect()
}

/// Groups points that state the same fact, transitively; each group lists indices into
/// `points`, in order, and groups come in the order of their first point.
pub fn groups(ws: &Workspace, points: &[&Point]) -> Vec<Vec<usize>> {
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..points.len()).collect();
    for (i, j) in same_pairs(ws, points) {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for i in 0..points.len() {
        let r = find(&mut parent, i);
        let k = *slot.entry(r).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[k].push(i);
    }
    out
}

/// The report of a group that a running total counts: most independent sources, then firm
/// over tentative, then the lower value (conservative), then the lower claim id.
pub fn representative(points: &[&Point], group: &[usize]) -> usize {
    let mut best = group[0];
    for &i in &group[1..] {
        let (a, b) = (points[i], points[best]);
        let key = |p: &Point| {
            (
                std::cmp::Reverse(p.sources.len()),
                !p.status.is_firm(),
                p.y.value,
            )
        };
        let (ka, kb) = (key(a), key(b));
        let better = (ka.0, ka.1)
            .cmp(&(kb.0, kb.1))
            .then(ka.2.total_cmp(&kb.2))
            .then(a.claim.cmp(&b.claim));
        if better.is_lt() {
            best = i;
        }
    }
    best
}

/// Sets each point's `same_fact` (the other plotted reports of its fact, directly, not through
/// a chain, in point order) and `disagrees` (whether any of them states a different value,
/// [`disagree`]).
pub fn mark(ws: &Workspace, points: &mut [Point]) {
    let refs: Vec<&Point> = points.iter().collect();
    let mut with: Vec<Vec<usize>> = vec![Vec::new(); points.len()];
    for (i, j) in same_pairs(ws, &refs) {
        with[i].push(j);
        with[j].push(i);
    }
    let marks: Vec<(Vec<ClaimId>, bool)> = with
        .into_iter()
        .enumerate()
        .map(|(i, mut js)| {
            js.sort_unstable();
            let dis = js.iter().any(|&j| disagree(refs[i], refs[j]));
            (js.into_iter().map(|j| refs[j].claim.clone()).collect(), dis)
        })
        .collect();
    for (p, (ids, dis)) in points.iter_mut().zip(marks) {
        p.same_fact = ids;
        p.disagrees = dis;
    }
}
