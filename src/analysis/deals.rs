//! Deals: the claims on one edge of the money network that state the same fact, with the one
//! claim whose figure stands for them.
//!
//! The representative is the claim a saved resolution prefers, else the one with the most
//! independent origins, then the most documents, then the lower stated number, then the lower id.

use super::corroboration::corroboration;
use super::facts::{FactIndex, claim_date};
use crate::model::{Claim, ClaimId, ClaimKind, ClaimStatus, Figure, FuzzyDate, Workspace};
use std::collections::BTreeMap;

/// One deal on an edge: claims about the same fact, with the figure used.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    /// The claim kind.
    pub kind: ClaimKind,
    /// Every claim stating it, sorted by id.
    pub claims: Vec<ClaimId>,
    /// The claim whose figure is used (module docs).
    pub representative: ClaimId,
    /// The representative's figure.
    pub figure: Option<Figure>,
    /// The representative's status.
    pub status: ClaimStatus,
    /// The representative's date.
    pub date: Option<FuzzyDate>,
}

impl Deal {
    /// The stated amount in US dollars: as stated for USD, converted at the deal's date with
    /// the shipped reference rates for another currency ([`crate::model::fx`]), `None` for GW,
    /// counts or a currency without a rate.
    pub fn usd(&self) -> Option<f64> {
        let f = self.figure.as_ref()?;
        crate::model::fx::to_usd(f.low, &f.unit, self.date)
    }

    /// `investment at least $10B (letter of intent, 2025-09)`.
    pub fn describe(&self) -> String {
        let fig = self
            .figure
            .as_ref()
            .map_or("no figure".to_owned(), |f| f.display());
        let date = self.date.map(|d| format!(", {d}")).unwrap_or_default();
        format!(
            "{} {fig} ({}{date})",
            self.kind.name(),
            self.status.label().to_lowercase()
        )
    }
}

/// Groups the claims of one edge into deals (module docs).
pub fn deals(ws: &Workspace, claims: &[&Claim]) -> Vec<Deal> {
    let idx = FactIndex::new(ws, claims.to_vec());
    let n = claims.len();
    let mut group: Vec<usize> = (0..n).collect();
    for (i, j) in idx.same_pairs() {
        let (a, b) = (group[i], group[j]);
        for g in group.iter_mut() {
            if *g == b {
                *g = a;
            }
        }
    }
    let mut by: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by.entry(group[i]).or_default().push(c);
    }
    let mut out: Vec<Deal> = by
        .into_values()
        .map(|mut cs| {
            cs.sort_by(|a, b| a.id.cmp(&b.id));
            let rep = representative(ws, &cs);
            Deal {
                kind: rep.kind,
                claims: cs.iter().map(|c| c.id.clone()).collect(),
                representative: rep.id.clone(),
                figure: rep.figure.clone(),
                status: rep.status,
                date: claim_date(ws, rep),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.kind, &a.claims[0]).cmp(&(b.kind, &b.claims[0])));
    out
}

fn representative<'a>(ws: &Workspace, cs: &[&'a Claim]) -> &'a Claim {
    let preferred = ws
        .resolutions
        .iter()
        .filter_map(|r| r.preferred.as_ref())
        .find_map(|p| cs.iter().find(|c| &c.id == p));
    if let Some(c) = preferred {
        return c;
    }
    let score = |c: &Claim| {
        let k = corroboration(ws, c);
        (k.independent(), k.documents, c.figure.is_some())
    };
    let mut best = cs[0];
    for &c in &cs[1..] {
        let (sb, sc) = (score(best), score(c));
        let lower = match (&c.figure, &best.figure) {
            (Some(x), Some(y)) => x.low < y.low,
            _ => false,
        };
        if sc > sb || (sc == sb && lower) {
            best = c;
        }
    }
    best
}
