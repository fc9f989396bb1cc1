//! The workspace's domain model: plain data, invariants and serde, with no egui and no I/O.
//!
//! A [`Workspace`] is one self-contained RON file: documents (with their full text), entities,
//! claims with evidence anchored in the documents, and chart definitions. See DESIGN.md §3.

pub mod anchor;
pub mod chart;
pub mod claim;
pub mod date;
pub mod document;
pub mod entity;
pub mod figure;
pub mod fx;
pub mod ids;
pub mod resolution;
pub mod team;
pub mod workspace;

pub use anchor::Anchor;
pub use chart::{Chart, ChartSpec};
pub use claim::{Claim, ClaimKind, ClaimStatus, Evidence, Period, PeriodError};
pub use date::{
    DatePrecision, FuzzyDate, MONTH_ABBREVIATIONS, MONTH_NAMES_PATTERN, month_from_name,
};
pub use document::{
    FieldSource, ImportMarks, MarkedRegion, OriginalSpan, RegionKind, SourceDocument, TextRange,
};
pub use entity::{Entity, EntityKind};
pub use figure::{Figure, Qualifier, Unit};
pub use ids::{ChartId, ClaimId, DocId, EntityId};
pub use resolution::Resolution;
pub use team::{ConflictItem, FeedSubscription, MergeConflict};
pub use workspace::{CURRENT_VERSION, FORMAT_NAME, ProblemKind, Workspace};
