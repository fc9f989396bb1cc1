//! Claims about a deal that carry no date, handled as a group instead of pair by pair.
//!
//! A deal claim without a date is compatible in time with every claim of its fact key
//! ([`super::facts::compatible_time`]), so thousands of undated claims about one pair of
//! companies are all "the same fact" as each other: comparing them pair by pair made a report of
//! 30,000 such claims take 6.9 GB and grow with the square of the input. Everything that needs the
//! pairs is answered here from a few representatives instead, in about linear time:
//! - **connectivity** (fact groups, deals): each undated claim is linked to the first claim of its
//!   class (same period and figure unit), classes to each other, and each dated claim of the key
//!   to every class it is compatible with. The components are exactly those of the pairwise
//!   relation;
//! - **conflicting figures**: each figure is compared with the extremes (highest and lowest
//!   bound and stated number) of its fact's figures, and all claims involved in a conflict with
//!   an undated claim form one finding per fact key, not one per pair;
//! - **duplicates**: the undated claims with the same figure are proposed for merging into the
//!   one among them with the most evidence, and a dated claim with that figure likewise; the other
//!   pairs follow from these merges.

use super::Severity;
use super::facts::FactIndex;
use super::interval::{Agreement, compare};
use crate::model::Unit;
use std::collections::HashMap;

/// The claims of one fact key (a deal kind) when at least one of them has no date: indices into
/// [`FactIndex::claims`], each list in index order.
#[derive(Clone, Debug, Default)]
pub struct UndatedSet {
    /// The claims without a date.
    pub undated: Vec<usize>,
    /// The dated claims of the same key.
    pub dated: Vec<usize>,
}

/// What makes two undated claims of one key the same fact or not: the period and the figure's
/// unit (`None` when missing, which matches any).
type ClassKey = (Option<String>, Option<Unit>);

fn class_key(idx: &FactIndex<'_>, i: usize) -> ClassKey {
    let c = idx.claims()[i];
    (
        c.period.as_ref().map(|p| format!("{p:?}")),
        c.figure.as_ref().map(|f| f.unit.clone()),
    )
}

/// Undated claims grouped by class key, each class in index order, classes in order of their
/// first claim.
fn classes(idx: &FactIndex<'_>, set: &UndatedSet) -> Vec<Vec<usize>> {
    let mut at: HashMap<ClassKey, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &u in &set.undated {
        let k = class_key(idx, u);
        let n = out.len();
        let slot = *at.entry(k).or_insert(n);
        if slot == n {
            out.push(Vec::new());
        }
        out[slot].push(u);
    }
    out
}

/// Same-fact pairs (`i < j`) that connect the set exactly as all its same-fact pairs would (module
/// docs), about as many as the set has claims (plus classes squared).
pub fn links(idx: &FactIndex<'_>, set: &UndatedSet) -> Vec<(usize, usize)> {
    let pair = |i: usize, j: usize| (i.min(j), i.max(j));
    let classes = classes(idx, set);
    let heads: Vec<usize> = classes.iter().map(|c| c[0]).collect();
    let mut out = Vec::new();
    for c in &classes {
        out.extend(
            c[1..]
                .iter()
                .filter(|&&u| idx.same(c[0], u))
                .map(|&u| pair(c[0], u)),
        );
    }
    for (x, &h) in heads.iter().enumerate() {
        out.extend(
            heads[x + 1..]
                .iter()
                .filter(|&&g| idx.same(h, g))
                .map(|&g| pair(h, g)),
        );
    }
    for &d in &set.dated {
        out.extend(
            heads
                .iter()
                .filter(|&&h| idx.same(d, h))
                .map(|&h| pair(d, h)),
        );
    }
    out
}

/// The claims with a figure in `unit`, and among them the ones with the highest lower bound, the
/// lowest upper bound, the highest and the lowest stated number.
fn extremes(idx: &FactIndex<'_>, of: &[usize]) -> HashMap<Unit, Vec<usize>> {
    let mut by_unit: HashMap<Unit, [usize; 4]> = HashMap::new();
    for &i in of {
        let Some(f) = &idx.claims()[i].figure else {
            continue;
        };
        let e = by_unit.entry(f.unit.clone()).or_insert([i; 4]);
        let fig = |k: usize| idx.claims()[k].figure.as_ref();
        let lo = |k: usize| fig(k).map_or(f64::NAN, |f| f.interval().0);
        let hi = |k: usize| fig(k).map_or(f64::NAN, |f| f.interval().1);
        let pt = |k: usize| fig(k).map_or(f64::NAN, |f| f.point());
        if lo(i) > lo(e[0]) {
            e[0] = i;
        }
        if hi(i) < hi(e[1]) {
            e[1] = i;
        }
        if pt(i) > pt(e[2]) {
            e[2] = i;
        }
        if pt(i) < pt(e[3]) {
            e[3] = i;
        }
    }
    by_unit
        .into_iter()
        .map(|(u, e)| {
            let mut v = e.to_vec();
            v.sort_unstable();
            v.dedup();
            (u, v)
        })
        .collect()
}

/// Conflicting figures in an undated set: the claims involved (sorted by index), the worst
/// severity, and when exactly two claims are involved, how their figures relate. `None` when the
/// figures agree. A pair of dated claims is left to the pairwise comparison.
pub fn figure_conflict(
    idx: &FactIndex<'_>,
    set: &UndatedSet,
) -> Option<(Vec<usize>, Severity, Agreement)> {
    figure_conflict_by(idx, set, |x, e| idx.same(x, e))
}

/// [`figure_conflict`] with the rule that decides whether two claims are comparable: the same
/// fact for deal kinds, the same fact apart from time for undated point-in-time claims
/// ([`FactIndex::undated_point_sets`]).
pub fn figure_conflict_by(
    idx: &FactIndex<'_>,
    set: &UndatedSet,
    same: impl Fn(usize, usize) -> bool,
) -> Option<(Vec<usize>, Severity, Agreement)> {
    let undated: std::collections::HashSet<usize> = set.undated.iter().copied().collect();
    let all: Vec<usize> = set.undated.iter().chain(&set.dated).copied().collect();
    let ext_undated = extremes(idx, &set.undated);
    let ext_all = extremes(idx, &all);
    let mut involved = std::collections::BTreeSet::new();
    let mut worst: Option<(Severity, Agreement)> = None;
    for &x in &all {
        let Some(fx) = &idx.claims()[x].figure else {
            continue;
        };
        let mut against: Vec<usize> = ext_undated.get(&fx.unit).cloned().unwrap_or_default();
        if undated.contains(&x) {
            against.extend(ext_all.get(&fx.unit).into_iter().flatten());
        }
        for e in against {
            if e == x || !(undated.contains(&x) || undated.contains(&e)) || !same(x, e) {
                continue;
            }
            let Some(fe) = &idx.claims()[e].figure else {
                continue;
            };
            let ag = compare(fx, fe);
            if let Some(sev) = ag.severity() {
                involved.insert(x);
                involved.insert(e);
                if worst.is_none_or(|(w, _)| sev < w) {
                    worst = Some((sev, ag));
                }
            }
        }
    }
    let (sev, ag) = worst?;
    Some((involved.into_iter().collect(), sev, ag))
}

/// Duplicate pairs in an undated set (module docs): `(head, other)` where both state the same
/// fact and their figures agree or one has none.
pub fn duplicate_pairs(idx: &FactIndex<'_>, set: &UndatedSet) -> Vec<(usize, usize)> {
    let claims = idx.claims();
    // The head of each (class, figure) among the undated claims: the most evidence, then the
    // lowest id.
    let figure_key = |i: usize, period: bool| {
        (
            period
                .then(|| claims[i].period.as_ref().map(|p| format!("{p:?}")))
                .flatten(),
            claims[i]
                .figure
                .as_ref()
                .map(|f| (f.display(), f.qualifier.name())),
        )
    };
    let better = |a: usize, b: usize| {
        (std::cmp::Reverse(claims[a].evidence.len()), &claims[a].id)
            < (std::cmp::Reverse(claims[b].evidence.len()), &claims[b].id)
    };
    let mut heads: HashMap<_, usize> = HashMap::new();
    let mut order = Vec::new();
    for &u in &set.undated {
        let k = figure_key(u, true);
        match heads.get_mut(&k) {
            Some(h) => {
                if better(u, *h) {
                    *h = u;
                }
            }
            None => {
                order.push(k.clone());
                heads.insert(k, u);
            }
        }
    }
    let mut out = Vec::new();
    for &u in &set.undated {
        let h = heads[&figure_key(u, true)];
        if h != u && idx.same(h, u) {
            out.push((h, u));
        }
    }
    // A figureless head stands for its period: it is a duplicate of every other head it is the
    // same fact as (one per period, so few).
    let head_list: Vec<usize> = order.iter().map(|k| heads[k]).collect();
    for &h in &head_list {
        if claims[h].figure.is_some() {
            continue;
        }
        out.extend(
            head_list
                .iter()
                .filter(|&&g| g != h && idx.same(h, g))
                .map(|&g| (h, g)),
        );
    }
    // A dated claim joins the head with its figure (its own period first, then none), else a
    // figureless head; a dated claim without a figure joins the first head it matches.
    for &d in &set.dated {
        let (p, f) = figure_key(d, true);
        let mut tries = vec![(p.clone(), f.clone()), (None, f), (p, None), (None, None)];
        tries.dedup();
        let mut found = tries
            .iter()
            .filter_map(|k| heads.get(k).copied())
            .find(|&h| idx.same(d, h));
        if found.is_none() && claims[d].figure.is_none() {
            found = head_list.iter().copied().find(|&h| idx.same(d, h));
        }
        if let Some(h) = found {
            out.push((h, d));
        }
    }
    out
}
