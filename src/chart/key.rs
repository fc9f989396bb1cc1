//! The words of the chart key, shared by the app's key beside the plot and the exports' legend,
//! so a mark means the same thing in the window, the SVG and the PNG.

/// A filled marker, a solid line or bar.
pub const FIRM: &str = "signed, completed or announced";
/// A hollow marker, a dashed line or bar.
pub const TENTATIVE: &str = "rumored, in talks, letter of intent, forecast";
/// A bar over a date's whole month or year.
pub const SPAN: &str = "month or year date: the whole period";
/// An arrow upwards.
pub const OPEN_UP: &str = "at least / more than";
/// An arrow downwards.
pub const OPEN_DOWN: &str = "up to";
/// A capped vertical interval.
pub const INTERVAL: &str = "range";
/// A soft band around the value.
pub const BAND: &str = "about (±10%)";
/// A red ring around a point whose reports of one fact disagree.
pub const CONTRADICTED: &str = "Contradicting reports";
