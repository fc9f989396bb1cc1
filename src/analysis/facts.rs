//! Fact identity: when two claims state the same fact.
//!
//! Two claims are about the same fact when they have the same kind, the same subject and
//! counterparty after rolling subsidiaries up to their parents (AWS → Amazon), compatible periods,
//! and compatible times. A claim's time is its `as_of`, or else the earliest publication date of
//! the documents that carry it (the fact is then read as "current when reported").
//!
//! Time compatibility depends on the kind:
//! - deal kinds (investment, commitments, chip supply, capacity, spend, fundraising, other) are
//!   one-off events retold for weeks: their dates may lie up to [`DEAL_DAYS`] apart, and a claim
//!   without any date is compatible with every date;
//! - point-in-time kinds (valuation, revenue, cash, stock move) change over time: both claims need
//!   a date of month precision or finer, at most [`POINT_DAYS`] apart; and a forecast ("could
//!   value it at …") is never the same fact as a reported value.

use super::undated::UndatedSet;
use crate::model::{Claim, ClaimKind, ClaimStatus, DatePrecision, EntityId, FuzzyDate, Workspace};

/// How many days apart two dated claims about the same deal may be.
pub const DEAL_DAYS: i64 = 31;

/// How many days apart two dated claims about a point-in-time quantity may be.
pub const POINT_DAYS: i64 = 7;

/// What identifies a fact, apart from time: kind and the rolled-up parties.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactKey {
    /// The claim kind.
    pub kind: ClaimKind,
    /// The subject's top-level entity.
    pub subject: Option<EntityId>,
    /// The counterparty's top-level entity.
    pub counterparty: Option<EntityId>,
}

/// The key of a claim's fact, with parties rolled up to their parents. For many claims, build
/// [`Roots`] once and use [`fact_key_in`].
pub fn fact_key(ws: &Workspace, c: &Claim) -> FactKey {
    let root = |id: &Option<EntityId>| id.as_ref().map(|e| ws.root_entity(e).clone());
    FactKey {
        kind: c.kind,
        subject: root(&c.subject),
        counterparty: root(&c.counterparty),
    }
}

/// [`fact_key`] with the top-level owners looked up in `roots`.
pub fn fact_key_in(roots: &Roots<'_>, c: &Claim) -> FactKey {
    let root = |id: &Option<EntityId>| id.as_ref().map(|e| roots.root(e).clone());
    FactKey {
        kind: c.kind,
        subject: root(&c.subject),
        counterparty: root(&c.counterparty),
    }
}

/// The top-level owner of every entity ([`Workspace::root_entity`]), computed in one pass: each
/// entity is settled once, so a chain of 40,000 parents costs 40,000 steps, not one walk (with a
/// scan per step) for every claim that names an entity on it.
pub struct Roots<'a> {
    root: std::collections::HashMap<&'a EntityId, &'a EntityId>,
    /// Display names, looked up here rather than by a scan of the entities per label.
    name: std::collections::HashMap<&'a EntityId, &'a str>,
}

impl<'a> Roots<'a> {
    /// Settles every entity of `ws`. On a parent loop (which `check` reports) the entity where
    /// the walk met the loop stands for the whole walk.
    pub fn new(ws: &'a Workspace) -> Self {
        let mut index: std::collections::HashMap<&EntityId, usize> = Default::default();
        for (i, e) in ws.entities.iter().enumerate() {
            index.entry(&e.id).or_insert(i);
        }
        let n = ws.entities.len();
        // The root of each settled entity; a parent that is no entity is its own root.
        let mut settled: Vec<Option<&EntityId>> = vec![None; n];
        let mut on_walk = vec![false; n];
        let mut walk = Vec::new();
        for start in 0..n {
            let mut cur = start;
            let root = loop {
                if let Some(r) = settled[cur] {
                    break r;
                }
                if on_walk[cur] {
                    break &ws.entities[cur].id;
                }
                on_walk[cur] = true;
                walk.push(cur);
                match &ws.entities[cur].parent {
                    Some(p) => match index.get(p) {
                        Some(&next) => cur = next,
                        None => break p,
                    },
                    None => break &ws.entities[cur].id,
                }
            };
            for i in walk.drain(..) {
                on_walk[i] = false;
                settled[i] = Some(root);
            }
        }
        let root = index
            .iter()
            .map(|(&id, &i)| (id, settled[i].unwrap_or(id)))
            .collect();
        let name = index
            .iter()
            .map(|(&id, &i)| (id, ws.entities[i].name.as_str()))
            .collect();
        Self { root, name }
    }

    /// The display name of an entity id, as [`Workspace::entity_name`] (the first entity with
    /// the id; the id itself when unknown), in constant time.
    pub fn name<'b>(&'b self, id: &'b EntityId) -> &'b str {
        self.name.get(id).copied().unwrap_or(id.as_str())
    }

    /// The top-level owner of `id` (`id` itself when it is no entity or has no parent).
    pub fn root<'b>(&'b self, id: &'b EntityId) -> &'b EntityId {
        self.root.get(id).copied().unwrap_or(id)
    }
}

/// Whether a kind is a quantity that changes over time rather than a one-off deal.
pub fn is_point_in_time(kind: ClaimKind) -> bool {
    matches!(
        kind,
        ClaimKind::Valuation | ClaimKind::Revenue | ClaimKind::Cash | ClaimKind::StockMove
    )
}

/// The date a claim holds at: `as_of`, else the earliest `published` of its documents
/// (see [`Workspace::claim_date`], the one rule every view uses).
pub fn claim_date(ws: &Workspace, c: &Claim) -> Option<FuzzyDate> {
    ws.claim_date(c)
}

/// Days between the spans of two dates; 0 when they overlap.
pub fn days_apart(a: &FuzzyDate, b: &FuzzyDate) -> i64 {
    if a.overlaps(b) {
        0
    } else if a.last_day() < b.first_day() {
        (b.first_day() - a.last_day()).num_days()
    } else {
        (a.first_day() - b.last_day()).num_days()
    }
}

/// Whether two claims of `kind` dated `a` and `b` can be about the same moment (module docs).
pub fn compatible_time(kind: ClaimKind, a: Option<FuzzyDate>, b: Option<FuzzyDate>) -> bool {
    if is_point_in_time(kind) {
        match (a, b) {
            (Some(a), Some(b)) => {
                a.precision() >= DatePrecision::Month
                    && b.precision() >= DatePrecision::Month
                    && days_apart(&a, &b) <= POINT_DAYS
            }
            _ => false,
        }
    } else {
        match (a, b) {
            (Some(a), Some(b)) => days_apart(&a, &b) <= DEAL_DAYS,
            _ => true,
        }
    }
}

/// Whether two claims state the same fact (module docs). A claim without a subject, or of kind
/// `other`, is never the same fact as another: there is too little to identify it.
pub fn same_fact(ws: &Workspace, a: &Claim, b: &Claim) -> bool {
    same_given(
        a,
        b,
        (&fact_key(ws, a), claim_date(ws, a)),
        (&fact_key(ws, b), claim_date(ws, b)),
    )
}

type KeyDate<'k> = (&'k FactKey, Option<FuzzyDate>);

fn same_given(a: &Claim, b: &Claim, (ka, da): KeyDate<'_>, (kb, db): KeyDate<'_>) -> bool {
    same_but_time(a, b, ka, kb) && compatible_time(a.kind, da, db)
}

/// Every rule of [`same_fact`] but the dates: used for claims whose date is unknown, which may or
/// may not be the same fact ([`FactIndex::undated_point_sets`]).
fn same_but_time(a: &Claim, b: &Claim, ka: &FactKey, kb: &FactKey) -> bool {
    if a.id == b.id || a.kind == ClaimKind::Other || a.subject.is_none() || ka != kb {
        return false;
    }
    let periods_ok = match (&a.period, &b.period) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    };
    if let (Some(fa), Some(fb)) = (&a.figure, &b.figure)
        && fa.unit != fb.unit
    {
        return false;
    }
    let forecast = |c: &Claim| c.status == ClaimStatus::Forecast;
    if is_point_in_time(a.kind) && forecast(a) != forecast(b) {
        return false;
    }
    periods_ok
}

/// Fact keys and dates of a list of claims, computed once, with the candidate pairs bucketed by
/// key so that only claims with the same kind and parties are ever compared.
pub struct FactIndex<'a> {
    claims: Vec<&'a Claim>,
    keys: Vec<FactKey>,
    dates: Vec<Option<FuzzyDate>>,
}

impl<'a> FactIndex<'a> {
    /// Indexes the given claims of `ws`.
    pub fn new(ws: &Workspace, claims: Vec<&'a Claim>) -> Self {
        Self::with_roots(ws, &Roots::new(ws), claims)
    }

    /// [`FactIndex::new`] with the top-level owners already settled (one [`Roots`] for many
    /// indexes, e.g. one per edge of the money network).
    pub fn with_roots(ws: &Workspace, roots: &Roots<'_>, claims: Vec<&'a Claim>) -> Self {
        let keys = claims.iter().map(|c| fact_key_in(roots, c)).collect();
        let dates = claims.iter().map(|c| claim_date(ws, c)).collect();
        Self {
            claims,
            keys,
            dates,
        }
    }

    /// Indexes every claim of the workspace, in file order.
    pub fn all(ws: &'a Workspace) -> Self {
        Self::new(ws, ws.claims.iter().collect())
    }

    /// The indexed claims.
    pub fn claims(&self) -> &[&'a Claim] {
        &self.claims
    }

    /// The date of the `i`-th claim ([`claim_date`]).
    pub fn date(&self, i: usize) -> Option<FuzzyDate> {
        self.dates[i]
    }

    /// Whether the `i`-th and `j`-th claims state the same fact ([`same_fact`]).
    pub fn same(&self, i: usize, j: usize) -> bool {
        same_given(
            self.claims[i],
            self.claims[j],
            (&self.keys[i], self.dates[i]),
            (&self.keys[j], self.dates[j]),
        )
    }

    /// Whether the `i`-th and `j`-th claims would state the same fact if their dates matched
    /// (every rule of [`same_fact`] but time).
    pub fn same_apart_from_time(&self, i: usize, j: usize) -> bool {
        same_but_time(self.claims[i], self.claims[j], &self.keys[i], &self.keys[j])
    }

    /// The claims of each fact key, dated ones as `(first day, last day, index)` sorted by date,
    /// and the undated ones of a deal kind (an undated point-in-time claim is never the same fact
    /// as another, [`compatible_time`]), in index order; keys in order of their first claim.
    fn buckets(&self) -> Vec<Bucket> {
        let mut at: std::collections::HashMap<&FactKey, usize> = Default::default();
        let mut out: Vec<Bucket> = Vec::new();
        for (i, k) in self.keys.iter().enumerate() {
            let n = out.len();
            let slot = *at.entry(k).or_insert(n);
            if slot == n {
                out.push(Bucket::default());
            }
            let b = &mut out[slot];
            match self.dates[i] {
                Some(d) => b.dated.push((d.first_day(), d.last_day(), i)),
                None if is_point_in_time(self.claims[i].kind) => b.undated_points.push(i),
                None => b.undated.push(i),
            }
        }
        for b in &mut out {
            b.dated.sort_unstable();
        }
        out
    }

    /// The dated claims grouped into twins, and the pairs of twin groups whose dates are at most
    /// [`DEAL_DAYS`] apart ([`Twins`]). Within a key the groups are swept in date order, so a key
    /// shared by thousands of claims over years costs about linear time, and a thousand claims
    /// of one deal on one day that agree in everything cost one comparison, not half a million.
    pub fn twins(&self) -> Twins {
        let mut seen: std::collections::HashMap<&crate::model::ClaimId, usize> = Default::default();
        for c in &self.claims {
            *seen.entry(&c.id).or_default() += 1;
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut pairs = Vec::new();
        for b in self.buckets() {
            // Twin key → group; the date is part of the key, so a group has one span.
            let mut at: std::collections::HashMap<String, usize> = Default::default();
            let mut spans: Vec<(chrono::NaiveDate, chrono::NaiveDate, usize)> = Vec::new();
            for &(first, last, i) in &b.dated {
                let c = self.claims[i];
                // A repeated claim id is never the same fact as its namesake: such a claim is a
                // group of its own, so a group's members all have distinct ids.
                let key = if seen.get(&c.id).copied().unwrap_or(0) > 1 {
                    format!("#{i}")
                } else {
                    format!(
                        "{:?}|{:?}|{:?}|{:?}",
                        self.dates[i], c.period, c.figure, c.status
                    )
                };
                let n = groups.len();
                let g = *at.entry(key).or_insert(n);
                if g == n {
                    groups.push(Vec::new());
                    spans.push((first, last, g));
                }
                groups[g].push(i);
            }
            spans.sort_unstable_by_key(|&(first, last, g)| (first, last, groups[g][0]));
            for (x, &(_, last, g)) in spans.iter().enumerate() {
                if groups[g].len() > 1 {
                    pairs.push((g, g));
                }
                for &(first, _, h) in &spans[x + 1..] {
                    if (first - last).num_days() > DEAL_DAYS {
                        break;
                    }
                    pairs.push((g.min(h), g.max(h)));
                }
            }
        }
        for g in &mut groups {
            g.sort_unstable();
        }
        Twins { groups, pairs }
    }

    /// Whether every claim of twin group `g` states the same fact as every other claim of group
    /// `h` (of `g` itself when `g == h`): one comparison answers for all of them ([`Twins`]).
    pub fn same_twins(&self, twins: &Twins, g: usize, h: usize) -> bool {
        let (a, b) = (&twins.groups[g], &twins.groups[h]);
        if g == h {
            a.len() > 1 && self.same(a[0], a[1])
        } else {
            self.same(a[0], b[0])
        }
    }

    /// Every pair `(i, j)`, `i < j`, of *dated* claims with equal fact keys whose dates are at
    /// most [`DEAL_DAYS`] apart, in index order: a superset of the dated pairs that state the
    /// same fact. As many as there are such pairs: prefer [`FactIndex::twins`] where the pairs
    /// themselves are not needed. Claims without a date are answered as a group
    /// ([`FactIndex::undated_sets`], [`super::undated`]).
    pub fn candidate_pairs(&self) -> Vec<(usize, usize)> {
        let twins = self.twins();
        let mut out: Vec<(usize, usize)> = twins
            .pairs
            .iter()
            .flat_map(|&(g, h)| twins.members(g, h))
            .collect();
        out.sort_unstable();
        out
    }

    /// The pairs of dated claims that state the same fact, in index order.
    pub fn same_pairs(&self) -> Vec<(usize, usize)> {
        let twins = self.twins();
        let mut out: Vec<(usize, usize)> = twins
            .pairs
            .iter()
            .filter(|&&(g, h)| self.same_twins(&twins, g, h))
            .flat_map(|&(g, h)| twins.members(g, h))
            .collect();
        out.sort_unstable();
        out
    }

    /// For each fact key of a deal kind with at least one undated claim: its undated and dated
    /// claims, keys in order of their first claim.
    pub fn undated_sets(&self) -> Vec<UndatedSet> {
        self.buckets()
            .into_iter()
            .filter(|b| !b.undated.is_empty())
            .map(|b| {
                let mut dated: Vec<usize> = b.dated.iter().map(|&(_, _, i)| i).collect();
                dated.sort_unstable();
                UndatedSet {
                    undated: b.undated,
                    dated,
                }
            })
            .collect()
    }

    /// For each fact key of a point-in-time kind (a share move, a valuation) with at least one
    /// undated claim: its undated and dated claims. Such a claim is the same fact as no other,
    /// since a price or a valuation a day apart may differ, so it joins no group; but a report
    /// that gives no date while another of the same key gives a different figure is something
    /// an analyst wants to check ([`super::findings`]), e.g. one seed article's undated 2.3%
    /// rise of Amazon's shares against another's 5%.
    pub fn undated_point_sets(&self) -> Vec<UndatedSet> {
        self.buckets()
            .into_iter()
            .filter(|b| !b.undated_points.is_empty())
            .map(|b| {
                let mut dated: Vec<usize> = b.dated.iter().map(|&(_, _, i)| i).collect();
                dated.sort_unstable();
                UndatedSet {
                    undated: b.undated_points,
                    dated,
                }
            })
            .collect()
    }

    /// Pairs that connect the claims exactly as all same-fact pairs would: the dated pairs
    /// and a few links per undated set ([`super::undated::links`]).
    pub fn linking_pairs(&self) -> Vec<(usize, usize)> {
        // Twins that are the same fact are linked to their first claim, not pair by pair.
        let twins = self.twins();
        let mut out = Vec::new();
        for &(g, h) in &twins.pairs {
            if !self.same_twins(&twins, g, h) {
                continue;
            }
            let (a, b) = (&twins.groups[g], &twins.groups[h]);
            if g == h {
                out.extend(a[1..].iter().map(|&j| (a[0], j)));
            } else {
                out.push((a[0].min(b[0]), a[0].max(b[0])));
            }
        }
        for set in self.undated_sets() {
            out.extend(super::undated::links(self, &set));
        }
        out
    }

    /// Connected components of [`FactIndex::same`], single claims included, each sorted by
    /// claim id, ordered by their first claim id; indices into [`FactIndex::claims`].
    pub fn components(&self) -> Vec<Vec<usize>> {
        let n = self.claims.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        for (i, j) in self.linking_pairs() {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..n {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        let id = |i: usize| &self.claims[i].id;
        let mut out: Vec<Vec<usize>> = groups.into_values().collect();
        for g in &mut out {
            g.sort_by(|&x, &y| id(x).cmp(id(y)));
        }
        out.sort_by(|x, y| id(x[0]).cmp(id(y[0])));
        out
    }

    /// Connected components of [`FactIndex::same`] with more than one claim, each sorted by
    /// claim id, ordered by their first claim id; indices into [`FactIndex::claims`].
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let mut out = self.components();
        out.retain(|g| g.len() > 1);
        out
    }
}

/// The dated claims of an index grouped into *twins*: claims of one fact key with the same date,
/// period, figure and status (and a claim id used once), which every pairwise rule (same fact,
/// figure comparison, status clash) treats alike. So a rule is decided once per pair of groups,
/// and the claim pairs are listed only where a group pair gives something to report.
pub struct Twins {
    /// The groups, each in index order.
    pub groups: Vec<Vec<usize>>,
    /// Pairs of groups `(g, h)`, `g <= h`, whose dates are at most [`DEAL_DAYS`] apart; `(g, g)`
    /// when group `g` has two claims or more.
    pub pairs: Vec<(usize, usize)>,
}

impl Twins {
    /// The claim pairs `(i, j)`, `i < j`, of a group pair: every two claims of `g` when `g == h`,
    /// else one claim of each.
    pub fn members(&self, g: usize, h: usize) -> Vec<(usize, usize)> {
        let (a, b) = (&self.groups[g], &self.groups[h]);
        if g == h {
            a.iter()
                .enumerate()
                .flat_map(|(x, &i)| a[x + 1..].iter().map(move |&j| (i, j)))
                .collect()
        } else {
            a.iter()
                .flat_map(|&i| b.iter().map(move |&j| (i.min(j), i.max(j))))
                .collect()
        }
    }
}

/// One fact key's claims (see [`FactIndex::buckets`]).
#[derive(Default)]
struct Bucket {
    dated: Vec<(chrono::NaiveDate, chrono::NaiveDate, usize)>,
    /// Undated claims of a deal kind (compatible with every date).
    undated: Vec<usize>,
    /// Undated claims of a point-in-time kind (the same fact as none, but worth a question).
    undated_points: Vec<usize>,
}

/// Groups the workspace's claims into facts: connected components of [`same_fact`], each sorted
/// by claim id, groups ordered by their first claim id; indices into `ws.claims`. Claims that
/// match nothing form no group.
pub fn fact_groups(ws: &Workspace) -> Vec<Vec<usize>> {
    FactIndex::all(ws).groups()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<FuzzyDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn deals_tolerate_a_month_and_missing_dates() {
        let k = ClaimKind::Investment;
        assert!(compatible_time(k, d("2025-12-16"), d("2025-12-17")));
        assert!(compatible_time(k, d("2025-11-03"), d("2025-12-01")));
        assert!(!compatible_time(k, d("2025-09-22"), d("2025-12-16")));
        assert!(compatible_time(k, None, d("2025-12-16")));
    }

    #[test]
    fn point_in_time_kinds_need_close_precise_dates() {
        let k = ClaimKind::Valuation;
        assert!(compatible_time(k, d("2025-10"), d("2025-10-02")));
        assert!(!compatible_time(k, d("2025"), d("2025-10-02")));
        assert!(!compatible_time(k, d("2025-10-01"), d("2025-12-16")));
        assert!(!compatible_time(k, None, d("2025-12-16")));
        assert_eq!(
            days_apart(
                &"2025-12-16".parse().unwrap(),
                &"2025-12-20".parse().unwrap()
            ),
            4
        );
    }
}
