//! Corroboration: how many documents carry each claim, how many independent origins stand behind
//! them, and which separate claims look like the same fact and could be merged.
//!
//! A duplicate candidate is a pair of claims about the same fact ([`super::facts::same_fact`]:
//! same kind, same rolled-up parties, compatible time and period) whose figures agree as intervals
//! (or are missing on one side). Figures that conflict are findings, not duplicates. Claims
//! without a date are proposed for merging into one claim per figure
//! ([`super::undated::duplicate_pairs`]), and dated claims alike in everything
//! ([`super::facts::Twins`]) into one claim per group, not pair by pair.

use super::facts::FactIndex;
use super::interval::{Agreement, compare};
use super::origin::{Origin, claim_origins};
use crate::model::{Claim, ClaimId, Workspace};

/// Corroboration of one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Corroboration {
    /// The claim.
    pub claim: ClaimId,
    /// Distinct documents that carry it.
    pub documents: usize,
    /// Its distinct origins (independent reporters), in evidence order.
    pub origins: Vec<Origin>,
}

impl Corroboration {
    /// How many independent origins.
    pub fn independent(&self) -> usize {
        self.origins.len()
    }
}

/// Corroboration of one claim.
pub fn corroboration(ws: &Workspace, c: &Claim) -> Corroboration {
    Corroboration {
        claim: c.id.clone(),
        documents: c.documents().len(),
        origins: claim_origins(ws, c),
    }
}

/// Corroboration of every claim, in claim-id order.
pub fn corroborations(ws: &Workspace) -> Vec<Corroboration> {
    let mut out: Vec<Corroboration> = ws.claims.iter().map(|c| corroboration(ws, c)).collect();
    out.sort_by(|a, b| a.claim.cmp(&b.claim));
    out
}

/// A proposal to merge two claims that look like one fact.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateCandidate {
    /// The claim to keep: more evidence, else the lower id.
    pub keep: ClaimId,
    /// The claim whose evidence would move into `keep`.
    pub absorb: ClaimId,
    /// Why they look alike.
    pub reason: String,
}

/// Likely duplicate claims (module docs), ordered by `keep` then `absorb`.
pub fn duplicate_candidates(ws: &Workspace) -> Vec<DuplicateCandidate> {
    let mut out = Vec::new();
    let idx = FactIndex::all(ws);
    // Twins (same date, figure, period and status) are proposed for merging into the one with
    // the most evidence, and two twin groups of one fact through those two claims: the other
    // pairs follow from these merges, and a thousand reports of one deal on one day give 999
    // proposals, not half a million.
    let twins = idx.twins();
    let keep_of = |g: &[usize]| {
        g.iter().copied().max_by(|&x, &y| {
            let (a, b) = (idx.claims()[x], idx.claims()[y]);
            (a.evidence.len(), &b.id).cmp(&(b.evidence.len(), &a.id))
        })
    };
    let mut pairs = Vec::new();
    for &(g, h) in &twins.pairs {
        if !idx.same_twins(&twins, g, h) {
            continue;
        }
        let (Some(k), Some(l)) = (keep_of(&twins.groups[g]), keep_of(&twins.groups[h])) else {
            continue;
        };
        if g == h {
            pairs.extend(
                twins.groups[g]
                    .iter()
                    .filter(|&&x| x != k)
                    .map(|&x| (k.min(x), k.max(x))),
            );
        } else {
            pairs.push((k.min(l), k.max(l)));
        }
    }
    for set in idx.undated_sets() {
        pairs.extend(super::undated::duplicate_pairs(&idx, &set));
    }
    for (i, j) in pairs {
        let (a, b) = (idx.claims()[i], idx.claims()[j]);
        let figures = match (&a.figure, &b.figure) {
            (Some(fa), Some(fb)) => {
                if compare(fa, fb) != Agreement::Agree {
                    continue;
                }
                format!("figures agree ({} / {})", fa.display(), fb.display())
            }
            _ => "one has no figure".to_owned(),
        };
        let (keep, absorb) = if (b.evidence.len(), &a.id) > (a.evidence.len(), &b.id) {
            (b, a)
        } else {
            (a, b)
        };
        out.push(DuplicateCandidate {
            keep: keep.id.clone(),
            absorb: absorb.id.clone(),
            reason: format!(
                "same {} between the same parties at compatible dates; {figures}",
                a.kind.name()
            ),
        });
    }
    out.sort_by(|x, y| (&x.keep, &x.absorb).cmp(&(&y.keep, &y.absorb)));
    out
}
