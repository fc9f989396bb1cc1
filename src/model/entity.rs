//! Entities: companies, funds, people and governments that claims are about.
//!
//! Aliases map the many names sources use (`AWS`, `Amazon Web Services`) to one entity; `parent`
//! rolls a subsidiary up to its owner (AWS → Amazon) for money flows.

use super::EntityId;
use serde::{Deserialize, Serialize};

/// What sort of party an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A company or one of its divisions.
    #[default]
    Company,
    /// An investment fund or financial investor.
    Fund,
    /// A person.
    Person,
    /// A government or public body.
    Government,
    /// A publication or news outlet.
    Outlet,
    /// Anything else.
    Other,
}

/// A named party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable slug (`openai`, `aws`).
    pub id: EntityId,
    /// Canonical display name (`Amazon`).
    pub name: String,
    /// Other names sources use (`Amazon.com Inc.`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What sort of party this is.
    #[serde(default)]
    pub kind: EntityKind,
    /// The owning entity (AWS → Amazon).
    #[serde(default)]
    pub parent: Option<EntityId>,
}

impl Entity {
    /// Whether `name` is this entity's name or one of its aliases (case-insensitive).
    pub fn answers_to(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}
