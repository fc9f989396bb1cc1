//! Analysis of a workspace: corroboration (documents and independent origins per claim, likely
//! duplicates), contradictions and other findings, the money-flow network with its loops and
//! their circularity, and the Markdown findings report.
//!
//! Everything here reads a [`crate::model::Workspace`] and returns plain values; nothing draws or
//! does I/O. Changes the analysis proposes (merging duplicates, resolving a finding) come back as
//! edit values with `apply` and `revert`, so the GUI can undo them.
//!
//! Entry points: [`Findings::compute`], [`money::MoneyGraph::build`], [`corroborations`],
//! [`duplicate_candidates`], [`merge_claims`], [`resolve_finding`], [`report::render`].

pub mod corroboration;
pub mod cycles;
pub mod deals;
pub mod facts;
pub mod filter;
pub mod findings;
pub mod interval;
pub mod merge;
pub mod money;
pub mod origin;
pub mod report;
pub mod undated;

pub use corroboration::{Corroboration, DuplicateCandidate, corroborations, duplicate_candidates};
pub use filter::Filter;
pub use findings::{Finding, FindingKind, Findings, Quote, Severity};
pub use interval::Agreement;
pub use merge::{
    ClaimMerge, EditError, ResolveEdit, merge_claims, reopen_finding, resolve_finding,
};
pub use money::{Circularity, Cycle, MoneyEdge, MoneyGraph};
pub use origin::{Origin, OriginSource};
