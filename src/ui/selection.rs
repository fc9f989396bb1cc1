//! What the analyst has selected: one document, one claim and the claims shown with it. Every
//! panel reads it and most change it, so it lives here rather than in any one panel or in the app.

use crate::model::{ClaimId, DocId};

/// What is selected.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Selection {
    /// The document in the Reader.
    pub doc: Option<DocId>,
    /// The claim in the Inspector.
    pub claim: Option<ClaimId>,
    /// Claims selected together with `claim` (both sides of a finding), shown selected in the
    /// Claims table.
    pub related: Vec<ClaimId>,
}
