//! Colours for claim kinds: the Okabe–Ito palette, distinguishable for colour-blind readers, used
//! the same way in the Reader, the Claims table and (later) charts and the network.

use crate::model::ClaimKind;
use egui::Color32;

/// The solid colour of a claim kind.
pub fn kind_color(kind: ClaimKind) -> Color32 {
    match kind {
        ClaimKind::Investment => Color32::from_rgb(0xE6, 0x9F, 0x00),
        ClaimKind::Valuation => Color32::from_rgb(0x56, 0xB4, 0xE9),
        ClaimKind::ComputeCommitment => Color32::from_rgb(0x00, 0x9E, 0x73),
        ClaimKind::ChipSupply => Color32::from_rgb(0xCC, 0x79, 0xA7),
        ClaimKind::Capacity => Color32::from_rgb(0x00, 0x72, 0xB2),
        ClaimKind::Revenue | ClaimKind::Spend => Color32::from_rgb(0xD5, 0x5E, 0x00),
        ClaimKind::Cash | ClaimKind::Fundraising => Color32::from_rgb(0xF0, 0xE4, 0x42),
        ClaimKind::StockMove | ClaimKind::Other => Color32::from_rgb(0x99, 0x99, 0x99),
    }
}

/// The translucent background used to highlight an evidence span of this kind.
pub fn highlight(kind: ClaimKind, selected: bool) -> Color32 {
    let c = kind_color(kind);
    let alpha = if selected { 150 } else { 70 };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}
