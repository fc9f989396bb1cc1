//! Resolutions: the analyst's verdict on a finding (a contradiction, a status clash), saved in
//! the workspace so the finding shows as settled and the preferred figure is used downstream.
//!
//! A resolution names the finding by its stable id (derived from the claim ids involved, see
//! `analysis::Finding::id`), the claims it was about, the preferred claim if one was chosen, and a
//! note saying why.

use super::ClaimId;
use serde::{Deserialize, Serialize};

/// The analyst's verdict on one finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// The id of the finding it settles (`figure:cl-0003+cl-0007`).
    pub finding: String,
    /// The claims the finding was about when it was resolved.
    pub claims: Vec<ClaimId>,
    /// The claim whose figure or status the analyst trusts; `None` when both stand (e.g. two
    /// different rounds).
    #[serde(default)]
    pub preferred: Option<ClaimId>,
    /// Why.
    #[serde(default)]
    pub note: String,
}

impl Resolution {
    /// Every claim id the resolution refers to: its claims, then the preferred one.
    pub fn claim_ids(&self) -> impl Iterator<Item = &ClaimId> {
        self.claims.iter().chain(self.preferred.iter())
    }
}
