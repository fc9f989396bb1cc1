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
use crate::model::{Claim, ClaimId, ClaimKind, DatePrecision, EntityId, Workspace};
use std::collections::HashMap;

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

/// What two points must share to state the same fact: kind, parties rolled up to their parents
/// and the year (overlapping dates lie in one year). Points are compared pairwise only within
/// one bucket, so grouping costs about linear time instead of quadratic.
type Bucket = (ClaimKind, Option<EntityId>, Option<EntityId>, i32);

fn buckets(ws: &Workspace, points: &[&Point]) -> HashMap<Bucket, Vec<usize>> {
    let by_id = ws.claims_by_id();
    let mut roots: HashMap<EntityId, EntityId> = HashMap::new();
    let mut root = |e: &Option<EntityId>| -> Option<EntityId> {
        let e = e.as_ref()?;
        if let Some(r) = roots.get(e) {
            return Some(r.clone());
        }
        let r = ws.root_entity(e).clone();
        roots.insert(e.clone(), r.clone());
        Some(r)
    };
    let mut out: HashMap<Bucket, Vec<usize>> = HashMap::new();
    for (i, p) in points.iter().enumerate() {
        let Some(c): Option<&Claim> = by_id.get(&p.claim).copied() else {
            continue;
        };
        let key = (
            c.kind,
            root(&c.subject),
            root(&c.counterparty),
            p.x.date.year_value(),
        );
        out.entry(key).or_default().push(i);
    }
    out
}

/// Whether two points of one bucket state the same fact (the date part of [`same_fact`]).
fn same_fact_in_bucket(a: &Point, b: &Point) -> bool {
    a.claim != b.claim
        && a.x.date.overlaps(&b.x.date)
        && (a.x.date == b.x.date
            || (a.x.date.precision() != DatePrecision::Year
                && b.x.date.precision() != DatePrecision::Year))
}

/// Groups points that state the same fact (transitively); each group lists indices into
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
    for members in buckets(ws, points).values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[..k] {
                if same_fact_in_bucket(points[i], points[j]) {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
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

/// Sets each point's `same_fact` (the other reports of its fact, directly, not through a
/// chain) and `disagrees` (whether any of them states a different value).
pub fn mark(ws: &Workspace, points: &mut [Point]) {
    let refs: Vec<&Point> = points.iter().collect();
    let mut marks: Vec<(Vec<ClaimId>, bool)> = vec![(Vec::new(), false); points.len()];
    for members in buckets(ws, &refs).values() {
        for &i in members {
            for &j in members {
                let (a, b) = (refs[i], refs[j]);
                if same_fact_in_bucket(a, b) {
                    marks[i].0.push(b.claim.clone());
                    marks[i].1 |= disagree(a, b);
                }
            }
        }
    }
    for (p, (ids, dis)) in points.iter_mut().zip(marks) {
        p.same_fact = ids;
        p.disagrees = dis;
    }
}
