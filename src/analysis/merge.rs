//! Workspace edits made by the analysis: merging duplicate claims, saving and reopening
//! resolutions.
//!
//! Each function is pure: it looks at the workspace and returns the edit as an [`Action`], the one
//! edit mechanism of the app and the library, so applying it returns its inverse and undo, redo
//! and the workers' copy of the workspace treat it like any other edit.

use crate::action::Action;
use crate::model::{Claim, ClaimId, Resolution, Workspace};

/// Why an edit cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A claim id does not exist in the workspace.
    #[error("no claim {0:?}")]
    NoClaim(String),
    /// A claim cannot be merged into itself.
    #[error("cannot merge claim {0:?} into itself")]
    SameClaim(String),
    /// The preferred claim is not one of the finding's claims.
    #[error("claim {0:?} is not part of the finding")]
    NotInFinding(String),
}

/// Merging claim `absorb` into claim `keep`, as a reversible edit.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimMerge {
    /// `keep` before the merge.
    pub keep_before: Claim,
    /// `keep` after: absorb's evidence appended (identical spans skipped), tags united, empty
    /// fields (parties, figure, period, date) filled from absorb, notes joined.
    pub keep_after: Claim,
    /// The absorbed claim, removed by the merge.
    pub absorbed: Claim,
    /// Where the absorbed claim stood in `claims`.
    pub absorbed_index: usize,
    /// The resolutions before the merge.
    pub resolutions_before: Vec<Resolution>,
    /// The resolutions after: references to `absorb` now point at `keep` and finding ids are
    /// renamed to match; a resolution left with a single claim is dropped (its finding is gone).
    pub resolutions_after: Vec<Resolution>,
}

/// Prepares merging `absorb` into `keep` (module docs); the workspace is not changed.
pub fn merge_claims(
    ws: &Workspace,
    keep: &ClaimId,
    absorb: &ClaimId,
) -> Result<ClaimMerge, EditError> {
    if keep == absorb {
        return Err(EditError::SameClaim(keep.0.clone()));
    }
    let k = ws
        .claim(keep)
        .ok_or_else(|| EditError::NoClaim(keep.0.clone()))?;
    let absorbed_index = ws
        .claims
        .iter()
        .position(|c| &c.id == absorb)
        .ok_or_else(|| EditError::NoClaim(absorb.0.clone()))?;
    let a = &ws.claims[absorbed_index];
    let mut after = k.clone();
    for ev in &a.evidence {
        if !after
            .evidence
            .iter()
            .any(|e| e.doc == ev.doc && e.anchor.range() == ev.anchor.range())
        {
            after.evidence.push(ev.clone());
        }
    }
    for t in &a.tags {
        if !after.tags.contains(t) {
            after.tags.push(t.clone());
        }
    }
    after.subject = after.subject.or_else(|| a.subject.clone());
    after.counterparty = after.counterparty.or_else(|| a.counterparty.clone());
    after.figure = after.figure.or_else(|| a.figure.clone());
    after.period = after.period.or_else(|| a.period.clone());
    after.as_of = after.as_of.or(a.as_of);
    if !a.note.is_empty() && !after.note.contains(&a.note) {
        after.note = if after.note.is_empty() {
            a.note.clone()
        } else {
            format!("{}\n{}", after.note, a.note)
        };
    }
    let resolutions_after = ws
        .resolutions
        .iter()
        .filter_map(|r| {
            let mut r = r.clone();
            if !r.claim_ids().any(|c| c == absorb) {
                return Some(r);
            }
            for c in r.claims.iter_mut().chain(r.preferred.iter_mut()) {
                if c == absorb {
                    *c = keep.clone();
                }
            }
            r.claims.sort();
            r.claims.dedup();
            let prefix = r.finding.split(':').next().unwrap_or("").to_owned();
            r.finding = super::findings::finding_id(&prefix, &r.claims);
            (r.claims.len() > 1).then_some(r)
        })
        .collect();
    Ok(ClaimMerge {
        keep_before: k.clone(),
        keep_after: after,
        absorbed: a.clone(),
        absorbed_index,
        resolutions_before: ws.resolutions.clone(),
        resolutions_after,
    })
}

impl ClaimMerge {
    /// The merge as one undoable action: `keep` replaced, `absorb` deleted, resolutions renamed.
    pub fn into_action(self) -> Action {
        Action::Batch(vec![
            Action::ReplaceClaim(Box::new(self.keep_after)),
            Action::DeleteClaim(self.absorbed.id),
            Action::SetResolutions(self.resolutions_after),
        ])
    }
}

/// Saving (or replacing) the resolution of a finding, as a reversible edit.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolveEdit {
    /// The finding id.
    pub finding: String,
    /// Its resolution before the edit.
    pub before: Option<Resolution>,
    /// Its resolution after (`None` clears it).
    pub after: Option<Resolution>,
}

/// Prepares resolving `finding` (with its `claims`) by preferring `preferred` with a note.
pub fn resolve_finding(
    ws: &Workspace,
    finding: &super::Finding,
    preferred: Option<ClaimId>,
    note: impl Into<String>,
) -> Result<ResolveEdit, EditError> {
    if let Some(p) = &preferred
        && !finding.claims.contains(p)
    {
        return Err(EditError::NotInFinding(p.0.clone()));
    }
    for c in &finding.claims {
        if ws.claim(c).is_none() {
            return Err(EditError::NoClaim(c.0.clone()));
        }
    }
    Ok(ResolveEdit {
        finding: finding.id.clone(),
        before: ws
            .resolutions
            .iter()
            .find(|r| r.finding == finding.id)
            .cloned(),
        after: Some(Resolution {
            finding: finding.id.clone(),
            claims: finding.claims.clone(),
            preferred,
            note: note.into(),
        }),
    })
}

impl ResolveEdit {
    /// The edit as one undoable action: the workspace's resolutions with this finding's set,
    /// replaced or added (or removed when `after` is `None`), sorted by finding id.
    pub fn into_action(self, ws: &Workspace) -> Action {
        let mut list: Vec<Resolution> = ws
            .resolutions
            .iter()
            .filter(|x| x.finding != self.finding)
            .cloned()
            .collect();
        list.extend(self.after);
        list.sort_by(|a, b| a.finding.cmp(&b.finding));
        Action::SetResolutions(list)
    }
}

/// Reopening a resolved finding: its resolution removed, as a reversible edit.
pub fn reopen_finding(ws: &Workspace, finding: &str) -> ResolveEdit {
    ResolveEdit {
        finding: finding.to_owned(),
        before: ws
            .resolutions
            .iter()
            .find(|r| r.finding == finding)
            .cloned(),
        after: None,
    }
}
