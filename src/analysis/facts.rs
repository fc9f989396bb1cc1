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

/// The key of a claim's fact, with parties rolled up to their parents.
pub fn fact_key(ws: &Workspace, c: &Claim) -> FactKey {
    let root = |id: &Option<EntityId>| id.as_ref().map(|e| ws.root_entity(e).clone());
    FactKey {
        kind: c.kind,
        subject: root(&c.subject),
        counterparty: root(&c.counterparty),
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
    periods_ok && compatible_time(a.kind, da, db)
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
        let keys = claims.iter().map(|c| fact_key(ws, c)).collect();
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

    /// Every pair `(i, j)`, `i < j`, with equal fact keys whose dates can be compatible (at most
    /// [`DEAL_DAYS`] apart, or one of them undated), in index order: a superset of the pairs
    /// that state the same fact. Within a key the claims are swept in date order, so a key
    /// shared by thousands of claims over years costs about linear time, not quadratic.
    pub fn candidate_pairs(&self) -> Vec<(usize, usize)> {
        let mut buckets: std::collections::HashMap<&FactKey, Vec<usize>> = Default::default();
        for (i, k) in self.keys.iter().enumerate() {
            buckets.entry(k).or_default().push(i);
        }
        let mut out = Vec::new();
        let pair = |i: usize, j: usize| (i.min(j), i.max(j));
        for b in buckets.values() {
            let mut dated: Vec<(chrono::NaiveDate, chrono::NaiveDate, usize)> = Vec::new();
            let mut undated = Vec::new();
            for &i in b {
                match self.dates[i] {
                    Some(d) => dated.push((d.first_day(), d.last_day(), i)),
                    // An undated valuation or headcount is never the same fact as another
                    // ([`compatible_time`]): pairing it with every claim of its key made a
                    // report of 30,000 undated claims take 6.9 GB.
                    None if is_point_in_time(self.claims[i].kind) => {}
                    None => undated.push(i),
                }
            }
            dated.sort_unstable();
            for (x, &(_, last, i)) in dated.iter().enumerate() {
                for &(first, _, j) in &dated[x + 1..] {
                    if (first - last).num_days() > DEAL_DAYS {
                        break;
                    }
                    out.push(pair(i, j));
                }
            }
            for (x, &i) in undated.iter().enumerate() {
                out.extend(undated[x + 1..].iter().map(|&j| pair(i, j)));
                out.extend(dated.iter().map(|&(_, _, j)| pair(i, j)));
            }
        }
        out.sort_unstable();
        out
    }

    /// The pairs that state the same fact.
    pub fn same_pairs(&self) -> Vec<(usize, usize)> {
        self.candidate_pairs()
            .into_iter()
            .filter(|&(i, j)| self.same(i, j))
            .collect()
    }

    /// Connected components of [`FactIndex::same`] with more than one claim, each sorted by
    /// claim id, ordered by their first claim id; indices into [`FactIndex::claims`].
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let n = self.claims.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        for (i, j) in self.same_pairs() {
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
        let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        for g in &mut out {
            g.sort_by(|&x, &y| id(x).cmp(id(y)));
        }
        out.sort_by(|x, y| id(x[0]).cmp(id(y[0])));
        out
    }
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
