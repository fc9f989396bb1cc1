//! STUB until the lead's format version 2 lands.
use serde::{Deserialize, Serialize};

/// Kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictItem {
    /// x
    Workspace,
    /// x
    Document,
    /// x
    Entity,
    /// x
    Claim,
    /// x
    Chart,
    /// x
    Resolution,
    /// x
    Feed,
}

/// A conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeConflict {
    /// x
    pub kind: ConflictItem,
    /// x
    pub item: String,
    /// x
    pub field: String,
    /// x
    pub base: Option<String>,
    /// x
    pub ours: Option<String>,
    /// x
    pub theirs: Option<String>,
}

/// Feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSubscription {
    /// x
    pub url: String,
    /// x
    pub title: String,
}
