//! Chart definitions stored in the workspace: what to plot, not how it looks on screen.

use super::{ChartId, ClaimKind, ClaimStatus, EntityId, Unit};
use serde::{Deserialize, Serialize};

/// A chart the analyst keeps in the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Stable id (`chart-openai-valuation`).
    pub id: ChartId,
    /// Title shown above the chart and in exports.
    pub title: String,
    /// What the chart plots.
    pub spec: ChartSpec,
}

/// What a chart plots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartSpec {
    /// One point per valuation claim of each entity, at its date.
    Valuation {
        /// The valued entities.
        entities: Vec<EntityId>,
    },
    /// Money committed by or to an entity over time, cumulative and per deal.
    Commitments {
        /// The entity at the centre.
        entity: EntityId,
        /// Spread multi-year commitments over their period (a $38B / 7-year deal adds ~$5.4B a year).
        #[serde(default)]
        annualised: bool,
    },
    /// Any figure over time for a filter of claims.
    Figures {
        /// Kinds to include (empty: all).
        #[serde(default)]
        kinds: Vec<ClaimKind>,
        /// Entities that must be subject or counterparty (empty: all).
        #[serde(default)]
        parties: Vec<EntityId>,
        /// Statuses to include (empty: all).
        #[serde(default)]
        statuses: Vec<ClaimStatus>,
        /// The unit to plot (one unit per axis).
        #[serde(default)]
        unit: Unit,
    },
}
