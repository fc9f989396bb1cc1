//! Which claims a view takes into account: by status and by date.

use super::facts::claim_date;
use crate::model::{Claim, ClaimStatus, FuzzyDate, Workspace};

/// A filter on claims. The default lets every claim through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Statuses to keep; empty keeps all.
    pub statuses: Vec<ClaimStatus>,
    /// Keep claims whose date may fall on or after this date.
    pub from: Option<FuzzyDate>,
    /// Keep claims whose date may fall on or before this date.
    pub to: Option<FuzzyDate>,
}

impl Filter {
    /// Whether the claim passes. A claim's date is its `as_of` or its earliest document's
    /// publication date; an undated claim passes only when no date bound is set.
    pub fn accepts(&self, ws: &Workspace, c: &Claim) -> bool {
        if !self.statuses.is_empty() && !self.statuses.contains(&c.status) {
            return false;
        }
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        claim_date(ws, c).is_some_and(|d| may_fall_within(&d, self.from, self.to))
    }
}

/// Whether a (possibly vague) date may fall within `from`..=`to`, either bound open: "March
/// 2025" is within a window that starts on 2025-03-20. The one date-window rule: the Network,
/// Findings and the Claims table's From/To filter all ask it.
pub fn may_fall_within(d: &FuzzyDate, from: Option<FuzzyDate>, to: Option<FuzzyDate>) -> bool {
    from.is_none_or(|f| d.last_day() >= f.first_day())
        && to.is_none_or(|t| d.first_day() <= t.last_day())
}
