//! Claims: one fact as sources state it — who, what kind of deal, how much, when, how firm —
//! with the evidence spans that carry it.
//!
//! Direction: money goes from `subject` to `counterparty` (investor → investee, buyer → provider).

use super::{Anchor, ClaimId, DocId, EntityId, Figure, FuzzyDate};
use serde::{Deserialize, Serialize};

/// What sort of fact a claim states.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Equity investment: subject invests in counterparty.
    Investment,
    /// Valuation of the subject.
    Valuation,
    /// Multi-year compute/cloud commitment: subject (buyer) commits to counterparty (provider).
    ComputeCommitment,
    /// Chip supply: subject buys chips from counterparty.
    ChipSupply,
    /// Capacity (GW) to be deployed.
    Capacity,
    /// Revenue of the subject (or from the counterparty).
    Revenue,
    /// Spending or cash burn of the subject.
    Spend,
    /// Cash on hand of the subject.
    Cash,
    /// Money the subject plans to raise.
    Fundraising,
    /// A share-price move of the subject.
    StockMove,
    /// Anything else.
    #[default]
    Other,
}

impl ClaimKind {
    /// All kinds in a stable order.
    pub const ALL: [ClaimKind; 11] = [
        ClaimKind::Investment,
        ClaimKind::Valuation,
        ClaimKind::ComputeCommitment,
        ClaimKind::ChipSupply,
        ClaimKind::Capacity,
        ClaimKind::Revenue,
        ClaimKind::Spend,
        ClaimKind::Cash,
        ClaimKind::Fundraising,
        ClaimKind::StockMove,
        ClaimKind::Other,
    ];

    /// The name used in the file and the CLI (`compute_commitment`).
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Investment => "investment",
            ClaimKind::Valuation => "valuation",
            ClaimKind::ComputeCommitment => "compute_commitment",
            ClaimKind::ChipSupply => "chip_supply",
            ClaimKind::Capacity => "capacity",
            ClaimKind::Revenue => "revenue",
            ClaimKind::Spend => "spend",
            ClaimKind::Cash => "cash",
            ClaimKind::Fundraising => "fundraising",
            ClaimKind::StockMove => "stock_move",
            ClaimKind::Other => "other",
        }
    }

    /// A short human label (`Compute commitment`).
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Investment => "Investment",
            ClaimKind::Valuation => "Valuation",
            ClaimKind::ComputeCommitment => "Compute commitment",
            ClaimKind::ChipSupply => "Chip supply",
            ClaimKind::Capacity => "Capacity",
            ClaimKind::Revenue => "Revenue",
            ClaimKind::Spend => "Spend",
            ClaimKind::Cash => "Cash",
            ClaimKind::Fundraising => "Fundraising",
            ClaimKind::StockMove => "Stock move",
            ClaimKind::Other => "Other",
        }
    }

    /// Whether claims of this kind move money from subject to counterparty.
    pub fn moves_money(self) -> bool {
        matches!(
            self,
            ClaimKind::Investment
                | ClaimKind::ComputeCommitment
                | ClaimKind::ChipSupply
                | ClaimKind::Spend
        )
    }
}

/// How firm a claim is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Reported by unnamed sources, not confirmed.
    Rumored,
    /// Parties are said to be negotiating.
    InTalks,
    /// A letter of intent or memorandum was signed.
    LetterOfIntent,
    /// Announced by a party.
    Announced,
    /// A binding agreement was signed.
    Signed,
    /// The deal closed / the money moved.
    Completed,
    /// A projection or expectation ("could", "would", "plans to").
    Forecast,
    /// Denied by a party.
    Denied,
    /// Not stated.
    #[default]
    Unknown,
}

impl ClaimStatus {
    /// All statuses in a stable order.
    pub const ALL: [ClaimStatus; 9] = [
        ClaimStatus::Rumored,
        ClaimStatus::InTalks,
        ClaimStatus::LetterOfIntent,
        ClaimStatus::Announced,
        ClaimStatus::Signed,
        ClaimStatus::Completed,
        ClaimStatus::Forecast,
        ClaimStatus::Denied,
        ClaimStatus::Unknown,
    ];

    /// The name used in the file and the CLI (`in_talks`).
    pub fn name(self) -> &'static str {
        match self {
            ClaimStatus::Rumored => "rumored",
            ClaimStatus::InTalks => "in_talks",
            ClaimStatus::LetterOfIntent => "letter_of_intent",
            ClaimStatus::Announced => "announced",
            ClaimStatus::Signed => "signed",
            ClaimStatus::Completed => "completed",
            ClaimStatus::Forecast => "forecast",
            ClaimStatus::Denied => "denied",
            ClaimStatus::Unknown => "unknown",
        }
    }

    /// A short human label (`In talks`).
    pub fn label(self) -> &'static str {
        match self {
            ClaimStatus::Rumored => "Rumored",
            ClaimStatus::InTalks => "In talks",
            ClaimStatus::LetterOfIntent => "Letter of intent",
            ClaimStatus::Announced => "Announced",
            ClaimStatus::Signed => "Signed",
            ClaimStatus::Completed => "Completed",
            ClaimStatus::Forecast => "Forecast",
            ClaimStatus::Denied => "Denied",
            ClaimStatus::Unknown => "Unknown",
        }
    }

    /// Whether the claim is binding (signed or completed) rather than talk or projection.
    pub fn is_firm(self) -> bool {
        matches!(self, ClaimStatus::Signed | ClaimStatus::Completed)
    }
}

/// The time a figure covers: "over seven years", "by 2027", "annually".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Spread over a number of months ("over the next seven years" = 84).
    Over {
        /// Length in months.
        months: u32,
    },
    /// To be reached by a date ("by 2027").
    By(FuzzyDate),
    /// A yearly rate ("annually", "per year").
    PerYear,
}

impl Period {
    /// Length in years when the period is a duration.
    pub fn years(&self) -> Option<f64> {
        match self {
            Period::Over { months } => Some(f64::from(*months) / 12.0),
            _ => None,
        }
    }

    /// Human text: `over 7 years`, `by 2027`, `per year`.
    pub fn display(&self) -> String {
        match self {
            Period::Over { months } if months % 12 == 0 => {
                format!(
                    "over {}",
                    crate::words::count(*months as usize / 12, "year")
                )
            }
            Period::Over { months } => {
                format!("over {}", crate::words::count(*months as usize, "month"))
            }
            Period::By(d) => format!("by {d}"),
            Period::PerYear => "per year".into(),
        }
    }
}

/// Why a typed period was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PeriodError {
    /// Not one of the shapes a period is typed in.
    #[error("try “7 years”, “18 months”, “by 2027” or “per year”")]
    Shape,
    /// A duration that is not a positive whole number of months.
    #[error("the period must be a whole number of months")]
    NotWholeMonths,
    /// `by` followed by something that is not a date.
    #[error(transparent)]
    Date(#[from] super::date::DateError),
}

/// A period as an analyst types it, in any case: `7 years`, `over the next 18 months`, `84 m`,
/// `by 2027`, `by 2027-06`, `per year` (or `annually`, `yearly`, `a year`, `per annum`). Every
/// [`Period::display`] text parses back to its period. Periods in article prose ("a seven-year
/// deal") are the extractor's (`extract::period::find_period`), which agrees with this on the
/// typed shapes (`tests/extract_agree.rs`).
impl std::str::FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_lowercase();
        if matches!(
            t.as_str(),
            "per year"
                | "annually"
                | "a year"
                | "yearly"
                | "per annum"
                | "each year"
                | "every year"
        ) {
            return Ok(Period::PerYear);
        }
        if let Some(d) = t.strip_prefix("by ") {
            return Ok(Period::By(d.trim().parse()?));
        }
        let t = t.strip_prefix("over ").unwrap_or(&t);
        let t = t.strip_prefix("the next ").unwrap_or(t);
        let mut parts = t.split_whitespace();
        let n: f64 = parts
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or(PeriodError::Shape)?;
        let months = match parts.next().unwrap_or("years") {
            u if u.starts_with("year") || u == "y" => n * 12.0,
            u if u.starts_with("month") || u == "m" => n,
            _ => return Err(PeriodError::Shape),
        };
        if parts.next().is_some() {
            return Err(PeriodError::Shape);
        }
        if !(months >= 1.0 && months.fract() == 0.0 && months <= f64::from(u32::MAX)) {
            return Err(PeriodError::NotWholeMonths);
        }
        Ok(Period::Over {
            months: months as u32,
        })
    }
}

/// A span of a document that states a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document.
    pub doc: DocId,
    /// Where in its text.
    pub anchor: Anchor,
    /// The original reporter the outlet cites ("The Information"), when it is an echo.
    #[serde(default)]
    pub attributed_to: Option<String>,
    /// The document's text changed and the quote could not be found again: the evidence is kept
    /// (with its last known anchor), flagged, and can be re-attached — never moved silently.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
}

/// One fact, with the evidence that states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id (`cl-0001`).
    pub id: ClaimId,
    /// What sort of fact.
    pub kind: ClaimKind,
    /// Who acts (investor, buyer) or whom the figure is about (valued company).
    #[serde(default)]
    pub subject: Option<EntityId>,
    /// The other party (investee, provider).
    #[serde(default)]
    pub counterparty: Option<EntityId>,
    /// How much, as stated.
    #[serde(default)]
    pub figure: Option<Figure>,
    /// Over what time the figure applies.
    #[serde(default)]
    pub period: Option<Period>,
    /// When the fact holds or was reported.
    #[serde(default)]
    pub as_of: Option<FuzzyDate>,
    /// How firm it is.
    #[serde(default)]
    pub status: ClaimStatus,
    /// The spans that state it, across documents.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Free-form analyst note.
    #[serde(default)]
    pub note: String,
    /// Free-form tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Claim {
    /// A new claim with no parties, figure or evidence.
    pub fn new(id: ClaimId, kind: ClaimKind) -> Self {
        Self {
            id,
            kind,
            subject: None,
            counterparty: None,
            figure: None,
            period: None,
            as_of: None,
            status: ClaimStatus::Unknown,
            evidence: Vec::new(),
            note: String::new(),
            tags: Vec::new(),
        }
    }

    /// The distinct documents that carry this claim, in evidence order.
    pub fn documents(&self) -> Vec<&DocId> {
        let mut out: Vec<&DocId> = Vec::new();
        for e in &self.evidence {
            if !out.contains(&&e.doc) {
                out.push(&e.doc);
            }
        }
        out
    }
}
