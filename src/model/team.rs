//! What a team shares beside the claims: merge conflicts left by a three-way merge of two
//! analysts' copies, and the news feeds a workspace follows.
//!
//! Both arrived with format version 2. They live in the workspace file (not in per-user UI
//! state) because a teammate who opens the file must see the same open conflicts and the same
//! subscriptions.

use serde::{Deserialize, Serialize};

/// The kind of item a merge conflict is about, so the app can find and show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictItem {
    /// A source document.
    Document,
    /// An entity (company, fund, person…).
    Entity,
    /// A claim.
    Claim,
    /// A chart definition.
    Chart,
    /// A resolution of a finding.
    Resolution,
    /// A feed subscription.
    Feed,
    /// The workspace itself (its title).
    Workspace,
}

impl ConflictItem {
    /// The word a person reads ("claim", "document").
    pub fn label(self) -> &'static str {
        match self {
            ConflictItem::Document => "document",
            ConflictItem::Entity => "entity",
            ConflictItem::Claim => "claim",
            ConflictItem::Chart => "chart",
            ConflictItem::Resolution => "resolution",
            ConflictItem::Feed => "feed",
            ConflictItem::Workspace => "workspace",
        }
    }
}

/// One field that two analysts changed differently (or an edit on one side against a deletion
/// on the other). The merged workspace holds OURS' value; this record keeps the other two so
/// nothing is lost until someone picks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeConflict {
    /// What kind of item.
    pub kind: ConflictItem,
    /// The item's id (`cl-0012`, `doc-0003`, an entity slug…).
    pub item: String,
    /// The field both sides changed (`figure`, `as_of`), or `deleted` for an edit against a
    /// deletion.
    pub field: String,
    /// The value in the common ancestor, as RON text; `None` when the item did not exist there.
    #[serde(default)]
    pub base: Option<String>,
    /// Our value, as RON text; `None` when we deleted the item.
    #[serde(default)]
    pub ours: Option<String>,
    /// Their value, as RON text; `None` when they deleted the item.
    #[serde(default)]
    pub theirs: Option<String>,
}

/// A news feed (RSS, Atom or JSON Feed) the workspace follows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSubscription {
    /// The feed's address.
    pub url: String,
    /// The feed's own title, or the address until it was first read.
    #[serde(default)]
    pub title: String,
    /// Entries already imported or dismissed (their ids or links), so a check adds each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<String>,
    /// When the feed was last read (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_checked: Option<String>,
}
