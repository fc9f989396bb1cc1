//! Comparing two figures for the same fact as intervals.
//!
//! Each figure stands for an interval ([`Figure::interval`]): `exact 10` is `[10, 10]`,
//! `at least 10` and `$10B+` are `[10, ∞)`, `more than 10` is `(10, ∞)` (open at 10), `about 10`
//! is `[9, 11]`, `up to 10` is `[0, 10]`. Two figures:
//! - **agree** when their intervals share a point (`exact 10` / `at least 10`);
//! - conflict **softly** when they only touch at an open end (`more than 10` / `exact 10`: a
//!   wording clash), when they are disjoint by at most [`CLOSE`] of the larger number (rounding),
//!   or when they agree only through an open end while the stated numbers are [`FAR`] times apart
//!   or more (`at least $10B` / `$100B`);
//! - conflict **hard** when they are disjoint by more (`$100B` / `$10B`, `2.3%` / `5%`);
//! - are **incomparable** in different units.

use super::Severity;
use crate::model::{Figure, Qualifier};

/// Relative gap under which disjoint figures count as rounding (10 %).
pub const CLOSE: f64 = 0.10;

/// Ratio of stated numbers from which an open-ended agreement is suspicious.
pub const FAR: f64 = 5.0;

/// How two figures relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// The intervals share a point.
    Agree,
    /// The intervals only touch at an open end: `more than 10` vs `exact 10`.
    StrictBound,
    /// Disjoint, but by at most [`CLOSE`] of the larger number: likely rounding.
    Close,
    /// Consistent only through an open end, with stated numbers [`FAR`]× apart or more.
    FarApart,
    /// Disjoint beyond rounding.
    Conflict,
    /// Different units.
    Incomparable,
}

impl Agreement {
    /// The severity of a finding for this relation; `None` when there is nothing to report.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Agreement::Agree | Agreement::Incomparable => None,
            Agreement::StrictBound | Agreement::Close | Agreement::FarApart => Some(Severity::Soft),
            Agreement::Conflict => Some(Severity::Hard),
        }
    }

    /// A short phrase for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Agreement::Agree => "agree",
            Agreement::StrictBound => "clash in wording: one is strictly above the other",
            Agreement::Close => "differ slightly (rounding?)",
            Agreement::FarApart => "agree only through an open-ended bound, numbers far apart",
            Agreement::Conflict => "contradict each other",
            Agreement::Incomparable => "are in different units",
        }
    }
}

fn approx_eq(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Compares two figures (module docs).
pub fn compare(a: &Figure, b: &Figure) -> Agreement {
    if a.unit != b.unit {
        return Agreement::Incomparable;
    }
    let (alo, ahi) = a.interval();
    let (blo, bhi) = b.interval();
    let a_open_lo = a.qualifier == Qualifier::MoreThan;
    let b_open_lo = b.qualifier == Qualifier::MoreThan;
    let lo = alo.max(blo);
    let hi = ahi.min(bhi);
    if approx_eq(lo, hi) {
        // Touching: open only if the side that supplies the lower bound excludes it.
        let open = (a_open_lo && approx_eq(alo, lo)) || (b_open_lo && approx_eq(blo, lo));
        if open {
            return Agreement::StrictBound;
        }
        return far_apart(a, b);
    }
    if lo < hi {
        return far_apart(a, b);
    }
    let scale = [a.low, b.low, a.high.unwrap_or(0.0), b.high.unwrap_or(0.0)]
        .iter()
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    if scale > 0.0 && (lo - hi) / scale <= CLOSE {
        Agreement::Close
    } else {
        Agreement::Conflict
    }
}

fn far_apart(a: &Figure, b: &Figure) -> Agreement {
    let (p, q) = (a.point().abs(), b.point().abs());
    let open = |f: &Figure| f.qualifier != Qualifier::Exact && f.qualifier != Qualifier::About;
    if (open(a) || open(b)) && p > 0.0 && q > 0.0 && p.max(q) / p.min(q) >= FAR {
        Agreement::FarApart
    } else {
        Agreement::Agree
    }
}
