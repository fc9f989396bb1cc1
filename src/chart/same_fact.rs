//! Claims that state the same fact: same kind, same parties (rolled up to their parents), and
//! dates that can mean the same day, where a year-only date matches only the same year-only date
//! (a year is too coarse to say two reports describe one event). Outlets often report one deal with different figures
//! ("at least $10B", "$100B"); such claims are marked as disagreeing on the chart, and a running
//! total counts each fact once.
//!
//! This is a heuristic: two genuinely different deals between the same parties within one
//! stated month or year are also taken as one fact. The CSV export names the grouping
//! (`same_fact_as`) so an analyst can see and correct it.

use super::data::{Point, YShape};
use crate::model::{ClaimId, DatePrecision, Workspace};

/// Relative difference of stated values above which two reports of one fact disagree.
pub const DISAGREE: f64 = 0.05;

/// Whether two plotted points state the same fact (see the module docs).
pub fn same_fact(ws: &Workspace, a: &Point, b: &Point) -> bool {
    let (Some(ca), Some(cb)) = (ws.claim(&a.claim), ws.claim(&b.claim)) else {
        return false;
    };
    let root = |e: &Option<crate::model::EntityId>| e.as_ref().map(|e| ws.root_entity(e).clone());
    a.claim != b.claim
        && ca.kind == cb.kind
        && root(&ca.subject) == root(&cb.subject)
        && root(&ca.counterparty) == root(&cb.counterparty)
        && a.x.date.overlaps(&b.x.date)
        && (a.x.date == b.x.date
            || (a.x.date.precision() != DatePrecision::Year
                && b.x.date.precision() != DatePrecision::Year))
}

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

/// Groups points that state the same fact (transitively); each group lists indices into
/// `points`, in order.
pub fn groups(ws: &Workspace, points: &[&Point]) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..points.len()).collect();
    for i in 0..points.len() {
        for j in 0..i {
            if same_fact(ws, points[i], points[j]) {
                let (gi, gj) = (group[i], group[j]);
                for g in group.iter_mut() {
                    if *g == gi {
                        *g = gj;
                    }
                }
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for (i, g) in group.iter().enumerate() {
        match seen.iter().position(|s| s == g) {
            Some(k) => out[k].push(i),
            None => {
                seen.push(*g);
                out.push(vec![i]);
            }
        }
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

/// Sets each point's `same_fact` (the other reports of its fact, directly, not through a
/// chain) and `disagrees` (whether any of them states a different value).
pub fn mark(ws: &Workspace, points: &mut [Point]) {
    let refs: Vec<&Point> = points.iter().collect();
    let mut marks: Vec<(Vec<ClaimId>, bool)> = vec![(Vec::new(), false); points.len()];
    for (i, a) in refs.iter().enumerate() {
        for b in &refs {
            if same_fact(ws, a, b) {
                marks[i].0.push(b.claim.clone());
                marks[i].1 |= disagree(a, b);
            }
        }
    }
    for (p, (ids, dis)) in points.iter_mut().zip(marks) {
        p.same_fact = ids;
        p.disagrees = dis;
    }
}
